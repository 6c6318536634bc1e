/* fuzz-edit: the surgical YAML editor (lib/edit*.c) on any document, and
 * an evaluation recorded in any plan (lib/record.c, what cp-evaluate
 * --record does).  The first three bytes choose the edit, the node it
 * applies to and the value; the rest is the document.  An edit is either
 * refused with a message, or its result reads again as YAML and holds the
 * new value where it was put; a recorded plan reads again and holds the
 * evaluation (record_holds).  Refusing is always allowed; a file that no
 * longer reads, or a value that reads back as something else, is the bug
 * this looks for. */
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

static const char *const dates[] = {"2026-07-01", "2026-11-23", "2027-01-31", "2026-02-28"};

/* map[key], or NULL */
/* The same value: kinds, texts and, within collections, the same again. */
static int same_node(const struct ynode *a, const struct ynode *b)
{
	if (a->kind != b->kind || a->n != b->n)
		return 0;
	if (a->kind == Y_SCALAR)
		return !memcmp(a->u.str, b->u.str, a->n);
	if (a->kind == Y_ALIAS)
		return 1;
	for (uint32_t i = 0; i < (a->kind == Y_MAP ? 2 * a->n : a->n); i++)
		if (!same_node(a->u.kids[i], b->u.kids[i]))
			return 0;
	return 1;
}

static struct ynode *get(struct ynode *map, const char *key)
{
	return yderef(ymap_get(map, key));
}

static int is_pairs(struct ynode *m, const struct ykv *kv, size_t n)
{
	m = yderef(m);
	if (!m || m->kind != Y_MAP || m->n != n)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (!is_text(get(m, kv[i].key), kv[i].value))
			return 0;
	return 1;
}

/* What cp-evaluate --record does, on any plan: it must be refused, or
 * read back holding the evaluation. */
static void record(const char *src, size_t len, unsigned pick, const char *summary)
{
	int status;
	struct plan *p = plan_parse("fuzz-plan", xstrndup(src, len), len, &status);
	if (!p)
		return;
	struct goal_result goals[2];
	struct record r = {0};
	r.employee_mark = r.employer_mark = r.absence_days = r.outcome = -1;
	if (pick & 8) { /* what UWV asks, now and then */
		r.employee_mark = 10 + (int)(pick % 91);
		r.absence_days = (int)(pick >> 8) % 30;
		r.signed_by = summary;
	}
	/* days apart enough to fall before a plan's last evaluation now and then */
	r.date = date_from_ymd(2026, 11, 20) - (int)(pick % 3) * 75;
	r.summary = summary;
	r.next = DATE_NONE;
	r.close = pick % 4 == 3;
	r.end = r.close ? r.date : DATE_NONE; /* as cp-evaluate --close has it */
	for (size_t i = 0; i < p->ngoals && r.ngoals < 2 && pick & 4; i++)
		goals[r.ngoals++] = (struct goal_result){p->goals[i].id, (int)(pick >> 4) % 3};
	r.goals = goals;
	struct edits e = {0};
	struct buf out = {0};
	if (record_check(p, &r, date_from_ymd(2026, 11, 23)) == 0 && record_edits(&e, p, &r) == 0 &&
	    edits_apply(&e, p->doc.src, p->doc.len, &out) == 0) {
		size_t n = out.len;
		struct plan *q = plan_parse("fuzz-plan", out.s ? out.s : xstrndup("", 0), n, &status);
		out = (struct buf){0};
		if (!q)
			fprintf(fuzz_stderr, "--- before\n%s\n---\n", p->doc.src);
		FUZZ_ASSERT(q); /* the recorded plan reads */
		FUZZ_ASSERT(record_holds(p, q, &r) == 0);
		plan_free(q);
	}
	buf_free(&out);
	edits_free(&e);
	plan_free(p);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 3 || size > PLAN_MAX_BYTES)
		return 0;
	unsigned op = data[0] >= 253 ? 11 : data[0] >= 250 ? 10 : data[0] % 10;
	unsigned pick = data[1], which = data[2] % NVALUES;
	if (op == 9) {
		record((const char *)data + 3, size - 3, pick, values[which]);
		return 0;
	}
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
	const char *date = dates[pick % 4];
	int day;
	date_parse(date, 10, &day);
	const struct ykv kv[] = {{"date", date, 1}, {"summary", value, 0}};
	int rc;
	const struct ynode *gone = NULL;
	switch (op) {
	case 0: /* a value changed in place */
		if (f->key)
			goto done;
		rc = yedit_set_scalar(&e, &doc, f->node, value);
		break;
	case 1: /* a key and a plain value added to a mapping */
		if (ymap_key(f->node, key))
			goto done; /* a key twice is the caller's mistake: yedit_map_set is for that */
		yaml_put_scalar(&item, value, strlen(value));
		rc = yedit_map_append(&e, &doc, f->node, key, item.s);
		break;
	case 2: /* a text added to a list */
		yaml_put_scalar(&item, value, strlen(value));
		rc = yedit_seq_append(&e, &doc, f->node, item.s);
		break;
	case 3: /* an evaluation, as a block of text added to a list */
		buf_puts(&item, "date: 2026-07-01\nsummary: ");
		yaml_put_scalar(&item, value, strlen(value));
		buf_puts(&item, "\ngoals: {G1: achieved}");
		rc = yedit_seq_append(&e, &doc, f->node, item.s);
		break;
	case 4: /* map[key] = value, in place or added */
		rc = yedit_map_set(&e, &doc, f->node, key, value, 0);
		break;
	case 5: /* map[key][subkey] = value */
		rc = yedit_map_set_in(&e, &doc, f->node, key, "next", value, 0);
		break;
	case 6: /* a mapping added to a list */
		rc = yedit_seq_append_map(&e, &doc, f->node, kv, 2);
		break;
	case 7: /* a mapping added to the list map[key] */
		rc = yedit_map_list_append(&e, &doc, f->node, key, kv, 2);
		break;
	case 10: /* an item taken out of a list */
		if (f->node->kind != Y_SEQ || !f->node->n)
			goto done;
		rc = yedit_seq_remove(&e, &doc, f->node, which % f->node->n);
		break;
	case 11: /* a pair taken out of a mapping */
		if (f->node->kind != Y_MAP || !f->node->n)
			goto done;
		gone = f->node->u.kids[2 * (which % f->node->n)];
		if (gone->kind != Y_SCALAR || strlen(gone->u.str) != gone->n ||
		    ymap_key(f->node, gone->u.str) != gone)
			goto done; /* a key that is no plain text, or one said twice */
		rc = yedit_map_remove(&e, &doc, f->node, gone->u.str);
		break;
	default: /* a date, written raw */
		if (f->key)
			goto done;
		rc = yedit_set_date(&e, &doc, f->node, day);
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
		int parsed = ydoc_parse(&again, &a2, "fuzz-edited.yaml", out.s ? out.s : "", out.len);
		if (op == 10 && f->node->n == 1 && f->node->style == Y_FLOW) { /* [] */
			FUZZ_ASSERT(parsed == 0 && again.root);
			struct ynode *n = follow(again.root, f);
			FUZZ_ASSERT(n && n->kind == Y_SEQ && n->n == 0);
			arena_free(&a2);
			goto applied;
		}
		if (op == 11 && f->node->n == 1) { /* the mapping's only pair: null now */
			FUZZ_ASSERT(parsed == 0 && f->depth > 0);
			struct ynode *n = again.root ? follow(again.root, f) : NULL;
			FUZZ_ASSERT(n && yscalar_null(n));
			arena_free(&a2);
			goto applied;
		}
		if (op == 10 && f->node->n == 1) { /* the list is empty now: null, or no document */
			FUZZ_ASSERT(parsed == 0);
			struct ynode *n = again.root ? follow(again.root, f) : NULL;
			FUZZ_ASSERT(f->depth == 0 ? !n || yscalar_null(n) : n && yscalar_null(n));
			arena_free(&a2);
			goto applied;
		}
		if (parsed < 0 || !again.root) {
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
		case 3:
			FUZZ_ASSERT(n->n == f->node->n + 1);
			last = n->u.kids[n->n - 1];
			FUZZ_ASSERT(last->kind == Y_MAP && last->n == 3);
			FUZZ_ASSERT(is_text(ymap_get(last, "summary"), value));
			FUZZ_ASSERT(is_text(ymap_get(last, "date"), "2026-07-01"));
			break;
		case 4:
			FUZZ_ASSERT(is_text(get(n, key), value));
			break;
		case 5:
			FUZZ_ASSERT(is_text(get(get(n, key), "next"), value));
			break;
		case 6:
			FUZZ_ASSERT(n->n == f->node->n + 1 && is_pairs(n->u.kids[n->n - 1], kv, 2));
			break;
		case 7:
			last = get(n, key);
			FUZZ_ASSERT(last && last->kind == Y_SEQ && last->n >= 1);
			FUZZ_ASSERT(is_pairs(last->u.kids[last->n - 1], kv, 2));
			break;
		case 10: /* the others as they were, in their order */
			FUZZ_ASSERT(n->n == f->node->n - 1);
			for (uint32_t i = 0, k = 0; i < f->node->n; i++)
				if (i != which % f->node->n)
					FUZZ_ASSERT(same_node(n->u.kids[k++], f->node->u.kids[i]));
			break;
		case 11: /* the other pairs as they were, in their order */
			FUZZ_ASSERT(n->n == f->node->n - 1);
			for (uint32_t i = 0, k = 0; i < 2 * f->node->n; i++)
				if (f->node->u.kids[i - i % 2] != gone)
					FUZZ_ASSERT(same_node(n->u.kids[k++], f->node->u.kids[i]));
			break;
		default:
			FUZZ_ASSERT(is_text(n, date));
			break;
		}
		arena_free(&a2);
	}
applied:
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
