/* test-edit: changing a YAML text in place.  An edit changes its own bytes
 * and nothing else, keeps the user's quoting and line ends, gives text any
 * YAML reader reads back as meant, and is refused where it cannot be made
 * safely (aliases, anchors, tags, block texts, flow style). */
#include "coachplan.h"
#include "tap.h"
#include "util.h"

/* Every qsort in this program is a heap sort: correct, but not stable and
 * moving elements about, like musl's smoothsort.  So edits_apply cannot lean
 * on glibc's merge sort keeping equal elements in order. */
static void swap_bytes(char *a, char *b, size_t size)
{
	for (size_t i = 0; i < size; i++) {
		char t = a[i];
		a[i] = b[i];
		b[i] = t;
	}
}

static void sift(char *v, size_t root, size_t n, size_t size, int (*cmp)(const void *, const void *))
{
	for (size_t child; (child = 2 * root + 1) < n; root = child) {
		if (child + 1 < n && cmp(v + child * size, v + (child + 1) * size) < 0)
			child++;
		if (cmp(v + root * size, v + child * size) >= 0)
			return;
		swap_bytes(v + root * size, v + child * size, size);
	}
}

void qsort(void *base, size_t n, size_t size, int (*cmp)(const void *, const void *))
{
	char *v = base;
	for (size_t i = n / 2; i-- > 0;)
		sift(v, i, n, size, cmp);
	for (size_t end = n; end-- > 1;) {
		swap_bytes(v, v + end * size, size);
		sift(v, 0, end, size, cmp);
	}
}

static struct ynode *path_get(struct ynode *root, const char *path)
{
	char key[64];
	struct ynode *n = root;
	while (n && *path) {
		size_t len = strcspn(path, "/");
		snprintf(key, sizeof key, "%.*s", (int)len, path);
		n = yderef(n);
		if (n && n->kind == Y_SEQ)
			n = (size_t)atoi(key) < n->n ? n->u.kids[atoi(key)] : NULL;
		else
			n = ymap_get(n, key);
		path += len + (path[len] == '/');
	}
	return n;
}

static void applying(void)
{
	static const char src[] = "abcdefghij";
	struct edits e = {0};
	struct buf out = {0};
	edits_add(&e, 8, 1, "I", 1);
	edits_add(&e, 0, 1, "A", 1);
	edits_add(&e, 4, 2, "EF!", 3);
	edits_add(&e, 10, 0, "+", 1);
	edits_add(&e, 2, 0, "<", 1);
	ok(edits_apply(&e, src, 10, &out) == 0, "edits given in any order apply");
	is_str(buf_str(&out), "Ab<cdEF!ghIj+", "each where it belongs, nothing else changed");
	edits_free(&e);
	ok(e.n == 0 && e.v == NULL, "edits_free empties the list");

	/* inserts at one place come out in the order they were added */
	out.len = 0;
	char word[8];
	struct buf want = {0};
	buf_puts(&want, "abc");
	for (int i = 0; i < 60; i++) {
		snprintf(word, sizeof word, "%d,", i);
		edits_add(&e, 3, 0, word, strlen(word));
		buf_puts(&want, word);
		if (i % 7 == 0) /* and others elsewhere, to give the sort work */
			edits_add(&e, (size_t)(i % 2 ? 1 : 8), 0, "", 0);
	}
	buf_puts(&want, "defghij");
	ok(edits_apply(&e, src, 10, &out) == 0, "60 inserts at one place apply");
	is_str(buf_str(&out), buf_str(&want), "in the order they were added");
	edits_free(&e);
	buf_free(&want);

	static const struct {
		const char *what;
		size_t off1, del1, off2, del2;
		int rc;
		const char *result;
	} pairs[] = {
		{"overlapping replacements", 2, 3, 4, 2, -1, NULL},
		{"one inside the other", 1, 8, 3, 1, -1, NULL},
		{"the same range twice", 2, 2, 2, 2, -1, NULL},
		{"an insert inside a replacement", 2, 4, 3, 0, -1, NULL},
		{"adjacent replacements", 2, 2, 4, 2, 0, "abXYgh"},
		{"an insert right after a replacement", 2, 2, 4, 0, 0, "abXYefgh"},
		{"an insert right before a replacement", 2, 0, 2, 2, 0, "abXYefgh"},
		{"past the end", 7, 2, 0, 0, -1, NULL},
		{"at the very end", 8, 0, 0, 0, 0, "YabcdefghX"},
	};
	for (size_t i = 0; i < sizeof pairs / sizeof *pairs; i++) {
		out.len = 0;
		buf_str(&out);
		edits_add(&e, pairs[i].off1, pairs[i].del1, "X", 1);
		edits_add(&e, pairs[i].off2, pairs[i].del2, "Y", 1);
		int rc = edits_apply(&e, "abcdefgh", 8, &out);
		is_int(rc, pairs[i].rc, "%s: %s", pairs[i].what, pairs[i].rc ? "refused" : "applied");
		if (pairs[i].result && rc == 0)
			is_str(buf_str(&out), pairs[i].result, "%s: the result", pairs[i].what);
		edits_free(&e);
	}
	out.len = 0;
	ok(edits_apply(&e, src, 10, &out) == 0 && out.len == 10 && !memcmp(out.s, src, 10),
	   "no edits: the text as it was");
	buf_free(&out);
}

/* A document to edit: the source, its tree, and what the edit made of it. */
struct doc {
	struct arena arena;
	struct ydoc ydoc;
	const char *src;
	size_t len;
};

static int load(struct doc *d, const char *src)
{
	memset(d, 0, sizeof *d);
	d->src = src;
	d->len = strlen(src);
	capture_start();
	int rc = ydoc_parse(&d->ydoc, &d->arena, "e.yaml", src, d->len);
	free(capture_end());
	return rc;
}

/* After one edit: the result parses, and every byte before the edited
 * range and after it is the source's. */
static int intact(const struct doc *d, const struct edits *e, const struct buf *out,
		  const char *what)
{
	struct arena a = {0};
	struct ydoc back;
	capture_start();
	int rc = ydoc_parse(&back, &a, "e.yaml", out->s, out->len);
	char *err = capture_end();
	arena_free(&a);
	size_t off = e->v[0].off, tail = d->len - off - e->v[0].del;
	int same = out->len >= off + tail && !memcmp(out->s, d->src, off) &&
		   !memcmp(out->s + out->len - tail, d->src + off + e->v[0].del, tail);
	ok(rc == 0, "%s: the result parses%s%s", what, *err ? ": " : "", first_line(err));
	ok(same, "%s: every byte outside the edit is unchanged", what);
	free(err);
	return rc == 0 && same;
}

static void set_scalar(void)
{
	static const struct {
		const char *what, *src, *path, *value, *want;
	} cases[] = {
		{"a plain text", "id: P-1\ncoach: robin  # who\nstatus: active\n", "coach", "sam",
		 "id: P-1\ncoach: sam  # who\nstatus: active\n"},
		{"a plain text that must be quoted now", "coach: robin\n", "coach", "yes",
		 "coach: \"yes\"\n"},
		{"a plain text with a colon and space", "coach: robin\n", "coach", "a: b",
		 "coach: \"a: b\"\n"},
		{"a single-quoted text stays single-quoted", "coach: 'robin'\n", "coach", "it's",
		 "coach: 'it''s'\n"},
		{"single quotes keep a value a plain text could not hold", "coach: 'x'\n", "coach",
		 "# 1: yes", "coach: '# 1: yes'\n"},
		{"single quotes cannot hold a line break", "coach: 'robin'\n", "coach", "a\nb",
		 "coach: \"a\\nb\"\n"},
		{"single quotes cannot hold a line separator", "coach: 'robin'\n", "coach",
		 "a\xe2\x80\xa8" "b", "coach: \"a\\Lb\"\n"},
		{"single quotes cannot hold a next line", "coach: 'robin'\n", "coach", "a\xc2\x85" "b",
		 "coach: \"a\\Nb\"\n"},
		{"single quotes cannot hold a C1 control", "coach: 'robin'\n", "coach", "a\xc2\x80" "b",
		 "coach: \"a\\x80b\"\n"},
		{"single quotes and U+FFFF", "coach: 'robin'\n", "coach", "a\xef\xbf\xbf",
		 "coach: \"a\\uFFFF\"\n"},
		{"single quotes and an invisible byte order mark", "coach: 'robin'\n", "coach",
		 "a\xef\xbb\xbf", "coach: \"a\\uFEFF\"\n"},
		{"single quotes and accents", "coach: 'robin'\n", "coach", "Ren\xc3\xa9 \xe2\x82\xac",
		 "coach: 'Ren\xc3\xa9 \xe2\x82\xac'\n"},
		{"a double-quoted text stays double-quoted", "coach: \"robin\"\n", "coach", "sam",
		 "coach: \"sam\"\n"},
		{"double quotes and a quote inside", "coach: \"robin\"\n", "coach", "say \"hi\"",
		 "coach: \"say \\\"hi\\\"\"\n"},
		{"double quotes and a backslash", "coach: \"robin\"\n", "coach", "C:\\dir\\new",
		 "coach: \"C:\\\\dir\\\\new\"\n"},
		{"double quotes and a line break", "coach: \"robin\"\n", "coach", "a\nb",
		 "coach: \"a\\nb\"\n"},
		{"an empty value", "id: P-1\ncoach:\nstatus: active\n", "coach", "sam",
		 "id: P-1\ncoach: sam\nstatus: active\n"},
		{"an empty value with a comment", "coach:   # who\nx: 1\n", "coach", "sam",
		 "coach: sam   # who\nx: 1\n"},
		{"an empty value at the end of the file", "id: P-1\ncoach:", "coach", "sam",
		 "id: P-1\ncoach: sam"},
		{"a null", "coach: ~\n", "coach", "sam", "coach: sam\n"},
		/* a text that looks like a date is a text to yaml_put_scalar: quoted */
		{"a date", "evaluation:\n  every: 6m\n  next: 2026-07-05 # moved\n", "evaluation/next",
		 "2027-01-05", "evaluation:\n  every: 6m\n  next: \"2027-01-05\" # moved\n"},
		{"a text in a list", "agreements:\n  - one\n  - two\n", "agreements/1", "twee",
		 "agreements:\n  - one\n  - twee\n"},
		{"a text in a flow mapping", "goals: {G1: open, G2: open}\n", "goals/G2", "achieved",
		 "goals: {G1: open, G2: achieved}\n"},
		{"an accented text", "name: Zo\xc3\xab\nx: 1\n", "name", "Ren\xc3\xa9",
		 "name: Ren\xc3\xa9\nx: 1\n"},
		{"a CRLF file", "id: P-1\r\ncoach: robin\r\nx: 1\r\n", "coach", "sam",
		 "id: P-1\r\ncoach: sam\r\nx: 1\r\n"},
		{"an empty text", "coach: robin\n", "coach", "", "coach: \"\"\n"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		struct doc d;
		struct edits e = {0};
		struct buf out = {0};
		if (!ok(load(&d, cases[i].src) == 0, "%s: the source parses", cases[i].what))
			continue;
		struct ynode *n = path_get(d.ydoc.root, cases[i].path);
		capture_start();
		int rc = n ? yedit_set_scalar(&e, &d.ydoc, n, cases[i].value) : -2;
		char *err = capture_end();
		if (ok(rc == 0 && edits_apply(&e, d.src, d.len, &out) == 0, "%s: edited%s%s",
		       cases[i].what, *err ? ": " : "", first_line(err))) {
			is_str(buf_str(&out), cases[i].want, "%s: the result", cases[i].what);
			if (intact(&d, &e, &out, cases[i].what)) {
				struct doc back;
				load(&back, out.s);
				struct ynode *v = path_get(back.ydoc.root, cases[i].path);
				is_str(v && v->kind == Y_SCALAR ? v->u.str : NULL, cases[i].value,
				       "%s: reads back as the new value", cases[i].what);
				arena_free(&back.arena);
			}
		}
		free(err);
		edits_free(&e);
		buf_free(&out);
		arena_free(&d.arena);
	}
}

static void refusals(void)
{
	static const struct {
		const char *what, *src, *path, *why;
	} cases[] = {
		{"an alias", "a: &x robin\ncoach: *x\n", "coach", "it is an alias of another value"},
		{"an anchored value", "coach: &x robin\nb: *x\n", "coach",
		 "other values refer to it through its anchor"},
		{"a tagged value", "coach: !!str robin\n", "coach", "it has a YAML tag"},
		{"a literal block", "coach: |\n  robin\n", "coach", "it is a block of text (| or >)"},
		{"a folded block", "coach: >\n  robin\n  sam\n", "coach", "it is a block of text (| or >)"},
		{"a mapping", "participant:\n  name: X\n", "participant", "it is a list or mapping"},
		{"a list", "goals:\n  - a\n", "goals", "it is a list or mapping"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		struct doc d;
		struct edits e = {0};
		load(&d, cases[i].src);
		struct ynode *n = path_get(d.ydoc.root, cases[i].path);
		capture_start();
		int rc = n ? yedit_set_scalar(&e, &d.ydoc, n, "new") : -2;
		char *err = capture_end();
		is_int(rc, -1, "set %s: refused", cases[i].what);
		ok(strstr(err, cases[i].why) && strstr(err, "e.yaml:"), "set %s: %s", cases[i].what,
		   first_line(err));
		is_int(e.n, 0, "set %s: no edit made", cases[i].what);
		free(err);
		edits_free(&e);
		arena_free(&d.arena);
	}
}

enum { MAP, SEQ };

static void appends(void)
{
	static const struct {
		const char *what;
		int kind;
		const char *src, *path, *key, *value, *want;
	} cases[] = {
		{"a key at the top level", MAP, "id: P-1\nstatus: active\n", "", "coach", "robin",
		 "id: P-1\nstatus: active\ncoach: robin\n"},
		{"a key in a nested mapping", MAP,
		 "participant:\n  name: X\n  # more to come\nstatus: active\n", "participant",
		 "scheme", "wia",
		 /* a comment below the last key stays with it: the new key comes after */
		 "participant:\n  name: X\n  # more to come\n  scheme: wia\nstatus: active\n"},
		{"a key in a goal", MAP, "goals:\n  - id: G1\n    text: kassa\n  - id: G2\n", "goals/0",
		 "status", "open",
		 "goals:\n  - id: G1\n    text: kassa\n    status: open\n  - id: G2\n"},
		{"a key after a trailing comment on the line", MAP, "a: 1 # one\nb: 2 # two\n# end\n",
		 "", "c", "3", "a: 1 # one\nb: 2 # two\nc: 3\n# end\n"},
		{"a key after a nested block", MAP, "evaluation:\n  every: 6m\n  next: 2026-07-05\n", "",
		 "budget", "\nhours: 60\nper: 6m",
		 "evaluation:\n  every: 6m\n  next: 2026-07-05\nbudget:\n  hours: 60\n  per: 6m\n"},
		{"a block value", MAP, "id: P-1\n", "", "evaluations", "\n- date: 2026-07-01\n  summary: ok",
		 "id: P-1\nevaluations:\n  - date: 2026-07-01\n    summary: ok\n"},
		{"a key after a literal block", MAP, "a: x\nnote: |\n  one\n  two\n\n# c\n", "", "z", "1",
		 "a: x\nnote: |\n  one\n  two\nz: 1\n\n# c\n"},
		{"a key after a block that keeps its final blank lines", MAP, "a: x\nnote: |+\n  one\n\n",
		 "", "z", "1", "a: x\nnote: |+\n  one\n\nz: 1\n"},
		{"a key in a CRLF file", MAP, "id: P-1\r\nparticipant:\r\n  name: X\r\n", "participant",
		 "scheme", "wia", "id: P-1\r\nparticipant:\r\n  name: X\r\n  scheme: wia\r\n"},
		{"a block value in a CRLF file", MAP, "id: P-1\r\n", "", "goals", "\n- id: G1\n  text: t",
		 "id: P-1\r\ngoals:\r\n  - id: G1\r\n    text: t\r\n"},
		{"a key in a file without a final line break", MAP, "id: P-1\nstatus: active", "", "coach",
		 "robin", "id: P-1\nstatus: active\ncoach: robin"},
		{"an item at the top of goals", SEQ, "goals:\n  - id: G1\n    text: a\nstatus: x\n", "goals",
		 NULL, "id: G2\ntext: b",
		 "goals:\n  - id: G1\n    text: a\n  - id: G2\n    text: b\nstatus: x\n"},
		{"an item after a trailing comment", SEQ,
		 "goals:\n  - id: G1  # first\n  # the next goes here\nstatus: x\n", "goals", NULL, "id: G2",
		 "goals:\n  - id: G1  # first\n  # the next goes here\n  - id: G2\nstatus: x\n"},
		{"an item in a zero-indented list", SEQ, "goals:\n- id: G1\n  text: a\nstatus: x\n",
		 "goals", NULL, "id: G2\ntext: b",
		 "goals:\n- id: G1\n  text: a\n- id: G2\n  text: b\nstatus: x\n"},
		{"a text item", SEQ, "agreements:\n  - Elke maandag bellen\n", "agreements", NULL,
		 "Vrijdag mailen", "agreements:\n  - Elke maandag bellen\n  - Vrijdag mailen\n"},
		{"an item in a CRLF file", SEQ, "goals:\r\n  - id: G1\r\nstatus: x\r\n", "goals", NULL,
		 "id: G2\ntext: b", "goals:\r\n  - id: G1\r\n  - id: G2\r\n    text: b\r\nstatus: x\r\n"},
		{"an item in a file without a final line break", SEQ, "goals:\n  - id: G1", "goals", NULL,
		 "id: G2", "goals:\n  - id: G1\n  - id: G2"},
		{"an item in a nested list", SEQ,
		 "evaluations:\n  - date: 2026-01-01\n    notes:\n      - a\n  - date: 2026-02-01\n",
		 "evaluations/0/notes", NULL, "b",
		 "evaluations:\n  - date: 2026-01-01\n    notes:\n      - a\n      - b\n"
		 "  - date: 2026-02-01\n"},
		{"an item after an item with a block text", SEQ, "l:\n  - |\n    one\n    two\nx: 1\n", "l",
		 NULL, "three", "l:\n  - |\n    one\n    two\n  - three\nx: 1\n"},
		{"an item after a block that keeps its blank lines", SEQ, "l:\n  - |+\n    one\n\n  \nx: 1\n",
		 "l", NULL, "two", "l:\n  - |+\n    one\n\n  \n  - two\nx: 1\n"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		struct doc d;
		struct edits e = {0};
		struct buf out = {0};
		if (!ok(load(&d, cases[i].src) == 0, "%s: the source parses", cases[i].what))
			continue;
		struct ynode *n = *cases[i].path ? path_get(d.ydoc.root, cases[i].path) : d.ydoc.root;
		capture_start();
		int rc = !n ? -2
			 : cases[i].kind == MAP ? yedit_map_append(&e, &d.ydoc, n, cases[i].key,
								    cases[i].value)
						: yedit_seq_append(&e, &d.ydoc, n, cases[i].value);
		char *err = capture_end();
		if (ok(rc == 0 && edits_apply(&e, d.src, d.len, &out) == 0, "%s: appended%s%s",
		       cases[i].what, *err ? ": " : "", first_line(err))) {
			is_str(buf_str(&out), cases[i].want, "%s: the result", cases[i].what);
			intact(&d, &e, &out, cases[i].what);
		}
		free(err);
		edits_free(&e);
		buf_free(&out);
		arena_free(&d.arena);
	}

	static const struct {
		const char *what;
		int kind;
		const char *src, *path, *why;
	} refused[] = {
		{"a flow mapping", MAP, "participant: {name: X}\n", "participant",
		 "it is written in flow style { }"},
		{"a flow list", SEQ, "goals: [G1, G2]\n", "goals", "it is written in flow style [ ]"},
		{"an empty flow list", SEQ, "goals: []\n", "goals", "it is not a list"},
		{"a text as a mapping", MAP, "coach: robin\n", "coach", "it is not a mapping"},
		{"a mapping as a list", SEQ, "participant:\n  name: X\n", "participant", "it is not a list"},
		{"an aliased list", SEQ, "a: &l\n  - x\nb: *l\n", "b", "it is an alias of another value"},
		{"an anchored mapping", MAP, "a: &m\n  x: 1\nb: *m\n", "a",
		 "other values refer to it through its anchor"},
		{"a tagged list", SEQ, "a: !!seq\n  - x\n", "a", "it has a YAML tag"},
	};
	for (size_t i = 0; i < sizeof refused / sizeof *refused; i++) {
		struct doc d;
		struct edits e = {0};
		load(&d, refused[i].src);
		struct ynode *n = path_get(d.ydoc.root, refused[i].path);
		capture_start();
		int rc = !n ? -2
			 : refused[i].kind == MAP ? yedit_map_append(&e, &d.ydoc, n, "k", "v")
						  : yedit_seq_append(&e, &d.ydoc, n, "v");
		char *err = capture_end();
		is_int(rc, -1, "append to %s: refused", refused[i].what);
		ok(strstr(err, refused[i].why) != NULL, "append to %s: %s", refused[i].what,
		   first_line(err));
		is_int(e.n, 0, "append to %s: no edit made", refused[i].what);
		free(err);
		edits_free(&e);
		arena_free(&d.arena);
	}
}

/* Several edits of one plan at once, as cp-evaluate makes them: the plan
 * reads back with all of them and nothing else changed. */
static void together(void)
{
	static const char src[] =
		"# Coaching plan P-1\n"
		"id: P-1\n"
		"participant:\n"
		"  name: 'Bart'   # as he likes it\n"
		"start: 2026-01-05\n"
		"evaluation:\n"
		"  every: 6m\n"
		"  next: 2026-07-05\n"
		"goals:\n"
		"  - id: G1\n"
		"    text: kassa\n"
		"    status: open\n"
		"evaluations:\n"
		"  - date: 2026-03-01\n"
		"    summary: start\n"
		"# the end\n";
	struct doc d;
	struct edits e = {0};
	struct buf out = {0};
	load(&d, src);
	struct ynode *root = d.ydoc.root;
	int rc = yedit_set_scalar(&e, &d.ydoc, path_get(root, "goals/0/status"), "achieved");
	rc |= yedit_set_scalar(&e, &d.ydoc, path_get(root, "evaluation/next"), "2027-01-05");
	rc |= yedit_seq_append(&e, &d.ydoc, path_get(root, "evaluations"),
			       "date: 2026-07-01\nsummary: \"Kassa: zelfstandig\"\ngoals: {G1: achieved}");
	rc |= yedit_map_append(&e, &d.ydoc, root, "status", "active");
	ok(rc == 0 && edits_apply(&e, src, strlen(src), &out) == 0, "four edits of one plan");
	is_str(buf_str(&out),
	       "# Coaching plan P-1\n"
	       "id: P-1\n"
	       "participant:\n"
	       "  name: 'Bart'   # as he likes it\n"
	       "start: 2026-01-05\n"
	       "evaluation:\n"
	       "  every: 6m\n"
	       "  next: \"2027-01-05\"\n"
	       "goals:\n"
	       "  - id: G1\n"
	       "    text: kassa\n"
	       "    status: achieved\n"
	       "evaluations:\n"
	       "  - date: 2026-03-01\n"
	       "    summary: start\n"
	       "  - date: 2026-07-01\n"
	       "    summary: \"Kassa: zelfstandig\"\n"
	       "    goals: {G1: achieved}\n"
	       "status: active\n"
	       "# the end\n",
	       "each edit in its place, the rest as it was");
	int status;
	capture_start();
	struct plan *p = plan_parse("plans/P-1.yaml", xstrndup(out.s, out.len), out.len, &status);
	char *err = capture_end();
	ok(p && p->nevals == 2 && p->evals[1].ngoals == 1 && p->goals[0].status == GOAL_ACHIEVED &&
		   !strcmp(p->evals[1].summary, "Kassa: zelfstandig"),
	   "the plan reads back with the new evaluation %s", first_line(err));
	plan_free(p);
	free(err);
	is_str(yaml_newline(&d.ydoc), "\n", "yaml_newline of an LF file");
	edits_free(&e);
	buf_free(&out);
	arena_free(&d.arena);
	load(&d, "a: 1\r\nb: 2\n");
	is_str(yaml_newline(&d.ydoc), "\r\n", "yaml_newline goes by the first line");
	arena_free(&d.arena);
	load(&d, "a: 1");
	is_str(yaml_newline(&d.ydoc), "\n", "yaml_newline of a single line");
	arena_free(&d.arena);
}

int main(void)
{
	err_init("test-edit");
	applying();
	set_scalar();
	refusals();
	appends();
	together();
	return tap_done();
}
