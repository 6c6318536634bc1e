/* fuzz-edit: the surgical YAML editor (lib/edit.c) on any document.  The
 * first three bytes choose the edit, the node it applies to and the value;
 * the rest is the document.  An edit is either refused with a message, or
 * its result reads again as YAML and holds the new value where it was put.
 * (Refusing is always allowed; a file that no longer reads, or a value
 * that reads back as something else, is the bug this looks for.) */
#include "fuzz.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc, (void)argv;
	fuzz_init();
	return 0;
}

#define MAX_DEPTH (PLAN_MAX_DEPTH + 2)

struct found {
	struct ynode *node;
	int key; /* a mapping's key: renaming one is not an edit the tools make */
	uint32_t path[MAX_DEPTH]; /* index into the parent's kids, from the root */
	int depth;
};

struct walk {
	struct found *v;
	size_t n, cap;
	uint32_t path[MAX_DEPTH];
};

static void collect(struct walk *w, struct ynode *n, int depth, int key)
{
	if (!n || depth >= MAX_DEPTH)
		return;
	if (w->n == w->cap) {
		w->cap = w->cap ? 2 * w->cap : 64;
		w->v = xreallocarray(w->v, w->cap, sizeof *w->v);
	}
	struct found *f = &w->v[w->n++];
	f->node = n;
	f->key = key;
	f->depth = depth;
	memcpy(f->path, w->path, sizeof f->path);
	if (n->kind != Y_MAP && n->kind != Y_SEQ)
		return;
	uint32_t kids = n->kind == Y_MAP ? 2 * n->n : n->n;
	for (uint32_t i = 0; i < kids; i++) {
		w->path[depth] = i;
		collect(w, n->u.kids[i], depth + 1, n->kind == Y_MAP && i % 2 == 0);
	}
}

static struct ynode *follow(struct ynode *root, const struct found *f)
{
	struct ynode *n = root;
	for (int i = 0; i < f->depth; i++) {
		if (!n || (n->kind != Y_MAP && n->kind != Y_SEQ))
			return NULL;
		uint32_t kids = n->kind == Y_MAP ? 2 * n->n : n->n;
		if (f->path[i] >= kids)
			return NULL;
		n = n->u.kids[f->path[i]];
	}
	return n;
}

/* Texts that are hard to put into YAML. */
static const char *const values[] = {
	"x", "", "2026-07-01", "a: b", "#x", "x #y", "it's", "\"q\"", "line\nbreak", "Zoë",
	"- x", "yes", " pad ", "back\\slash", "{G1: achieved}", "[1]", "&a", "*a", "!tag",
	"| x", "> y", "% x", "@x", "`x", "?", ":", "-", "~", "null", "0x1f", "1:30", "tab\there",
	"end:", "\357\273\277bom", "\xe2\x80\xa8", "'", "\"",
};
#define NVALUES (sizeof values / sizeof *values)
static const char *const keys[] = {"note", "x-1", "G9", "evaluations"};

static int is_text(const struct ynode *n, const char *s)
{
	return n && n->kind == Y_SCALAR && n->n == strlen(s) && !memcmp(n->u.str, s, n->n);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 3 || size > PLAN_MAX_BYTES)
		return 0;
	unsigned op = data[0] % 4, pick = data[1], which = data[2] % NVALUES;
	const char *src = (const char *)data + 3;
	size_t len = size - 3;
	char *text = fuzz_strdup((const uint8_t *)src, len);
	struct arena a = {0};
	struct ydoc doc;
	if (ydoc_parse(&doc, &a, "fuzz.yaml", text, len) < 0 || !doc.root)
		goto out;
	struct walk w = {0};
	collect(&w, doc.root, 0, 0);
	struct found *f = &w.v[pick % w.n];
	const char *value = values[which], *key = keys[pick % 4];
	struct edits e = {0};
	struct buf item = {0};
	unsigned long before = cp_errors();
	int rc;
	switch (op) {
	case 0: /* a value changed in place */
		if (f->key)
			goto done;
		rc = yedit_set_scalar(&e, &doc, f->node, value);
		break;
	case 1: /* a key and a plain value added to a mapping */
		yaml_put_scalar(&item, value, strlen(value));
		rc = yedit_map_append(&e, &doc, f->node, key, item.s);
		break;
	case 2: /* a text added to a list */
		yaml_put_scalar(&item, value, strlen(value));
		rc = yedit_seq_append(&e, &doc, f->node, item.s);
		break;
	default: /* an evaluation, as cp-evaluate --record adds one */
		buf_puts(&item, "date: 2026-07-01\nsummary: ");
		yaml_put_scalar(&item, value, strlen(value));
		buf_puts(&item, "\ngoals: {G1: achieved}");
		rc = yedit_seq_append(&e, &doc, f->node, item.s);
		break;
	}
	if (rc < 0) {
		FUZZ_ASSERT(cp_errors() > before); /* refused, with a message */
		goto done;
	}
	struct buf out = {0};
	if (edits_apply(&e, doc.src, doc.len, &out) == 0) {
		struct arena a2 = {0};
		struct ydoc again;
		if (ydoc_parse(&again, &a2, "fuzz-edited.yaml", out.s ? out.s : "", out.len) < 0 ||
		    !again.root) {
			fprintf(fuzz_stderr, "--- before\n%s\n--- after\n%s\n---\n", text, out.s);
			FUZZ_ASSERT(!"the edited document reads again");
		}
		struct ynode *n = follow(again.root, f), *last = NULL;
		FUZZ_ASSERT(n && n->kind == f->node->kind);
		switch (op) {
		case 0:
			FUZZ_ASSERT(is_text(n, value));
			break;
		case 1:
			FUZZ_ASSERT(n->n == f->node->n + 1);
			FUZZ_ASSERT(is_text(n->u.kids[2 * n->n - 2], key));
			FUZZ_ASSERT(is_text(n->u.kids[2 * n->n - 1], value));
			break;
		case 2:
			FUZZ_ASSERT(n->n == f->node->n + 1);
			FUZZ_ASSERT(is_text(n->u.kids[n->n - 1], value));
			break;
		default:
			FUZZ_ASSERT(n->n == f->node->n + 1);
			last = n->u.kids[n->n - 1];
			FUZZ_ASSERT(last->kind == Y_MAP && last->n == 3);
			FUZZ_ASSERT(is_text(ymap_get(last, "summary"), value));
			FUZZ_ASSERT(is_text(ymap_get(last, "date"), "2026-07-01"));
			break;
		}
		arena_free(&a2);
	}
	buf_free(&out);
done:
	buf_free(&item);
	edits_free(&e);
	free(w.v);
out:
	arena_free(&a);
	free(text);
	return 0;
}
