/* test-yedit: the edits cp-evaluate makes to hand-written YAML, in every
 * layout a person may choose: each must change only the text it means to,
 * read back as intended, and refuse what it cannot do safely. */
#include <stdlib.h>

#include "coachplan.h"
#include "tap.h"

struct doc {
	struct ydoc doc;
	struct arena arena;
	struct edits edits;
	struct buf out;
};

static struct doc *parse(const char *src)
{
	struct doc *d = xcalloc(1, sizeof *d);
	if (ydoc_parse(&d->doc, &d->arena, "test.yaml", src, strlen(src)) < 0) {
		printf("# does not parse: %s\n", src);
		exit(1);
	}
	return d;
}

static void done(struct doc *d)
{
	edits_free(&d->edits);
	buf_free(&d->out);
	arena_free(&d->arena);
	free(d);
}

static struct ynode *root(struct doc *d)
{
	return d->doc.root;
}

static struct ynode *at(struct doc *d, const char *key)
{
	return ymap_get(d->doc.root, key);
}

/* The edits applied: the result is want, and it is YAML again. */
static void result(struct doc *d, const char *want, const char *what)
{
	d->out.len = 0;
	int rc = edits_apply(&d->edits, d->doc.src, d->doc.len, &d->out);
	is_str(rc == 0 ? buf_str(&d->out) : "(overlap)", want, "%s", what);
	struct ydoc back;
	struct arena a = {0};
	cp_errors_quiet(1);
	ok(ydoc_parse(&back, &a, "back.yaml", d->out.s, d->out.len) == 0, "%s: reads back", what);
	cp_errors_quiet(0);
	arena_free(&a);
}

static void refused(int rc, struct doc *d, const char *what)
{
	ok(rc < 0 && d->edits.n == 0, "%s: refused, nothing changed", what);
}

static const struct ykv eval[] = {
	{"date", "2026-11-23", 1},
	{"summary", "Kassa gaat zelfstandig; uren naar 20.", 0},
	{"goals", "{G1: achieved}", 1},
};

static void list_append(const char *src, const char *want, const char *what)
{
	struct doc *d = parse(src);
	int rc = yedit_map_list_append(&d->edits, &d->doc, root(d), "evaluations", eval, 3);
	ok(rc == 0, "%s: accepted", what);
	result(d, want, what);
	done(d);
}

static void lists(void)
{
	list_append("evaluations:\n  - date: 2026-07-01\n    summary: x\nstatus: active\n",
		    "evaluations:\n  - date: 2026-07-01\n    summary: x\n"
		    "  - date: 2026-11-23\n    summary: Kassa gaat zelfstandig; uren naar 20.\n"
		    "    goals: {G1: achieved}\nstatus: active\n",
		    "block list");
	list_append("evaluations:        # added by cp-evaluate --record\nstatus: active\n",
		    "evaluations:        # added by cp-evaluate --record\n"
		    "  - date: 2026-11-23\n    summary: Kassa gaat zelfstandig; uren naar 20.\n"
		    "    goals: {G1: achieved}\nstatus: active\n",
		    "empty key with a comment");
	list_append("goals:\n- id: G1\nevaluations: ~\n",
		    "goals:\n- id: G1\nevaluations:\n- date: 2026-11-23\n"
		    "  summary: Kassa gaat zelfstandig; uren naar 20.\n  goals: {G1: achieved}\n",
		    "~, in a file with zero-indented lists");
	list_append("evaluations: []   # none yet\nstatus: active\n",
		    "evaluations:   # none yet\n  - date: 2026-11-23\n"
		    "    summary: Kassa gaat zelfstandig; uren naar 20.\n    goals: {G1: achieved}\n"
		    "status: active\n",
		    "[] becomes a block list");
	list_append("id: x\nstatus: active",
		    "id: x\nstatus: active\nevaluations:\n  - date: 2026-11-23\n"
		    "    summary: Kassa gaat zelfstandig; uren naar 20.\n    goals: {G1: achieved}",
		    "missing key, no line break at the end");
	list_append("evaluations: [{date: 2026-07-01, summary: x}]\n",
		    "evaluations: [{date: 2026-07-01, summary: x}, {date: 2026-11-23, summary: Kassa "
		    "gaat zelfstandig; uren naar 20., goals: {G1: achieved}}]\n",
		    "flow list on one line");
	list_append("evaluations: [\n  {date: 2026-07-01},  # first\n]\n",
		    "evaluations: [\n  {date: 2026-07-01},  # first\n  {date: 2026-11-23, summary: "
		    "Kassa gaat zelfstandig; uren naar 20., goals: {G1: achieved}},\n]\n",
		    "flow list, one item a line, trailing comma");
	list_append("evaluations: [\n  {date: 2026-07-01}  # first\n]\n",
		    "evaluations: [\n  {date: 2026-07-01},  # first\n  {date: 2026-11-23, summary: "
		    "Kassa gaat zelfstandig; uren naar 20., goals: {G1: achieved}}\n]\n",
		    "flow list, one item a line, no trailing comma");
	list_append("evaluations:\r\n  - {date: 2026-07-01}\r\n    # about the first\r\n"
		    "# about status\r\nstatus: active\r\n",
		    "evaluations:\r\n  - {date: 2026-07-01}\r\n    # about the first\r\n"
		    "  - {date: 2026-11-23, summary: Kassa gaat zelfstandig; uren naar 20., goals: "
		    "{G1: achieved}}\r\n# about status\r\nstatus: active\r\n",
		    "CRLF, flow items in a block list, comments after the last item");
	list_append("goals:\n    - id: G1\nevaluations:\n",
		    "goals:\n    - id: G1\nevaluations:\n    - date: 2026-11-23\n"
		    "      summary: Kassa gaat zelfstandig; uren naar 20.\n      goals: {G1: achieved}\n",
		    "4-space lists, empty key at the end");
	list_append("{id: x, evaluations: []}\n",
		    "{id: x, evaluations: [{date: 2026-11-23, summary: Kassa gaat zelfstandig; uren "
		    "naar 20., goals: {G1: achieved}}]}\n",
		    "a flow mapping holds the list");
	list_append("{id: x}\n",
		    "{id: x, evaluations: [{date: 2026-11-23, summary: Kassa gaat zelfstandig; uren "
		    "naar 20., goals: {G1: achieved}}]}\n",
		    "a flow mapping without the key");
}

/* An evaluation recorded late goes before the first one held after it. */
static void list_insert(const char *src, size_t k, const char *want, const char *what)
{
	struct doc *d = parse(src);
	int rc = yedit_seq_insert_map(&d->edits, &d->doc, at(d, "evaluations"), k, eval, 2);
	ok(rc == 0, "%s: accepted", what);
	result(d, want, what);
	done(d);
}

#define NEW "date: 2026-11-23, summary: Kassa gaat zelfstandig; uren naar 20."
#define NEW_LINES "date: 2026-11-23\n    summary: Kassa gaat zelfstandig; uren naar 20.\n"

static void inserts(void)
{
	list_insert("evaluations:\n  - date: 2026-12-01\n    summary: y\n", 0,
		    "evaluations:\n  - " NEW_LINES "  - date: 2026-12-01\n    summary: y\n",
		    "before the first item of a block list");
	list_insert("evaluations:\n  - date: 2026-07-01\n\n  # held at the shop\n"
		    "  - date: 2026-12-01\nstatus: active\n",
		    1,
		    "evaluations:\n  - date: 2026-07-01\n\n  - " NEW_LINES "  # held at the shop\n"
		    "  - date: 2026-12-01\nstatus: active\n",
		    "... above the comment over the item, below the blank line");
	list_insert("evaluations:\n  - date: 2026-07-01\n    summary: |\n      # no comment\n"
		    "  - date: 2026-12-01\n",
		    1,
		    "evaluations:\n  - date: 2026-07-01\n    summary: |\n      # no comment\n"
		    "  - " NEW_LINES "  - date: 2026-12-01\n",
		    "... below a text whose line begins with #");
	list_insert("evaluations:\r\n- {date: 2026-12-01, summary: y}\r\n", 0,
		    "evaluations:\r\n- {" NEW "}\r\n- {date: 2026-12-01, summary: y}\r\n",
		    "CRLF, flow items in a zero-indented block list");
	list_insert("evaluations: [{date: 2026-07-01}, {date: 2026-12-01}]\n", 1,
		    "evaluations: [{date: 2026-07-01}, {" NEW "}, {date: 2026-12-01}]\n",
		    "flow list on one line");
	list_insert("evaluations: [\n  {date: 2026-12-01},\n]\n", 0,
		    "evaluations: [\n  {" NEW "},\n  {date: 2026-12-01},\n]\n",
		    "flow list, one item a line");
	list_insert("evaluations:\n  - date: 2026-07-01\n", 1,
		    "evaluations:\n  - date: 2026-07-01\n  - " NEW_LINES, "after the last: appended");
	static const char *const refuse[][2] = {
		{"evaluations:\n  -\n    date: 2026-12-01\n", "an item below its \"- \""},
		{"evaluations:\n  - &e {date: 2026-12-01}\n", "an item with an anchor"},
		{"evaluations: [date: 2026-12-01]\n", "a pair in a flow list"},
	};
	for (size_t i = 0; i < sizeof refuse / sizeof *refuse; i++) {
		struct doc *d = parse(refuse[i][0]);
		cp_errors_quiet(1);
		int rc = yedit_seq_insert_map(&d->edits, &d->doc, at(d, "evaluations"), 0, eval, 2);
		cp_errors_quiet(0);
		refused(rc, d, refuse[i][1]);
		done(d);
	}
}

static void set(const char *src, const char *key, const char *value, int raw, const char *want,
		const char *what)
{
	struct doc *d = parse(src);
	ok(yedit_map_set(&d->edits, &d->doc, root(d), key, value, raw) == 0, "%s: accepted", what);
	result(d, want, what);
	done(d);
}

static void set_in(const char *src, const char *want, const char *what)
{
	struct doc *d = parse(src);
	ok(yedit_map_set_in(&d->edits, &d->doc, root(d), "evaluation", "next", "2027-05-23", 1) == 0,
	   "%s: accepted", what);
	result(d, want, what);
	done(d);
}

static void scalars(void)
{
	set("status: active  # note\n", "status", "closed", 0, "status: closed  # note\n",
	    "a plain value, comment kept");
	set("\"status\": 'active'\n", "status", "closed", 0, "\"status\": 'closed'\n",
	    "quoted key, single-quoted value");
	set("{y: {}#c\n}\n", "G9", "it's", 0, "{y: {}, G9: it's #c\n}\n",
	    "a pair added before a comment right after }: a space keeps the comment apart");
	set("end: \"2029-01-04\"\n", "end", "2027-01-01", 1, "end: \"2027-01-01\"\n",
	    "double-quoted date stays quoted");
	set("end: 2029-01-04\n", "end", "2027-01-01", 1, "end: 2027-01-01\n", "plain date stays plain");
	set("status:\n", "status", "closed", 0, "status: closed\n", "an empty value is filled");
	set("status: # none\n", "status", "closed", 0, "status: closed # none\n",
	    "an empty value before a comment");
	set("id: x\n", "status", "closed", 0, "id: x\nstatus: closed\n", "a missing key");
	set("{id: x, status: open}\n", "status", "a, b", 0, "{id: x, status: 'a, b'}\n",
	    "a comma in a flow mapping is quoted");
	set("{id: x}\n", "status", "achieved", 0, "{id: x, status: achieved}\n",
	    "a missing key in a flow mapping");
	set("s: \"x\"\n", "s", "say \"hi\" \\o/", 0, "s: \"say \\\"hi\\\" \\\\o/\"\n",
	    "quotes and backslashes escaped in double quotes");
	set("s: x\n", "s", "Let op: pauzes", 0, "s: \"Let op: pauzes\"\n", "': ' needs quotes");

	set_in("evaluation:\n  every: 6m\n  next: 2026-11-23   # agreed\nstatus: active\n",
	       "evaluation:\n  every: 6m\n  next: 2027-05-23   # agreed\nstatus: active\n",
	       "next changed in place");
	set_in("evaluation:\n  every: 6m\n  # next is agreed later\nstatus: active\n",
	       "evaluation:\n  every: 6m\n  # next is agreed later\n  next: 2027-05-23\n"
	       "status: active\n",
	       "next added after the comment that belongs to the mapping");
	set_in("evaluation: {every: 6m}\n", "evaluation: {every: 6m, next: 2027-05-23}\n",
	       "next added to a flow mapping");
	set_in("evaluation:\nstatus: active\n",
	       "evaluation:\n  next: 2027-05-23\nstatus: active\n", "an empty evaluation:");
	set_in("participant:\n    name: X\nstatus: active\n",
	       "participant:\n    name: X\nstatus: active\nevaluation:\n    next: 2027-05-23\n",
	       "evaluation: missing, 4-space indentation");
}

static void goal_status(void)
{
	const char *src = "goals:\n  - id: G1\n    text: Kassa\n    # still open\n"
			  "  - {id: G2, text: Pauzes, status: open}\n  - id: G3\n"
			  "    \"status\": open\nstatus: active\n";
	struct doc *d = parse(src);
	struct ynode *goals = at(d, "goals");
	ok(yedit_map_set(&d->edits, &d->doc, goals->u.kids[0], "status", "achieved", 0) == 0 &&
		   yedit_map_set(&d->edits, &d->doc, goals->u.kids[1], "status", "achieved", 0) == 0 &&
		   yedit_map_set(&d->edits, &d->doc, goals->u.kids[2], "status", "dropped", 0) == 0,
	   "goal statuses: accepted");
	result(d,
	       "goals:\n  - id: G1\n    text: Kassa\n    # still open\n    status: achieved\n"
	       "  - {id: G2, text: Pauzes, status: achieved}\n  - id: G3\n    \"status\": dropped\n"
	       "status: active\n",
	       "goal statuses: missing, flow, quoted key");
	done(d);
}

/* Inserts at one place land deeper first when added deeper first. */
static void nesting(void)
{
	struct doc *d = parse("evaluation:\n  every: 6m\n");
	ok(yedit_map_set_in(&d->edits, &d->doc, root(d), "evaluation", "next", "2027-01-01", 1) == 0 &&
		   yedit_map_list_append(&d->edits, &d->doc, root(d), "evaluations", eval, 1) == 0 &&
		   yedit_map_set(&d->edits, &d->doc, root(d), "status", "closed", 0) == 0,
	   "three edits at one place: accepted");
	result(d,
	       "evaluation:\n  every: 6m\n  next: 2027-01-01\nevaluations:\n  - date: 2026-11-23\n"
	       "status: closed\n",
	       "three edits at one place, in order");
	done(d);
}

/* A key of a flow mapping written without a colon ("{every}") has an
 * empty value with no place of its own: found by fuzz-edit. */
static void flow_key_alone(void)
{
	struct doc *d = parse("{\n\tevaluation}\n");
	ok(yedit_map_set_in(&d->edits, &d->doc, root(d), "evaluation", "next", "2027-01-01", 1) == 0,
	   "a key alone in a flow mapping: a mapping set under it");
	result(d, "{\n\tevaluation: {next: 2027-01-01}}\n", "... after a colon it gets");
	done(d);
	d = parse("{\n\tevaluation\n}\n");
	ok(yedit_map_set_in(&d->edits, &d->doc, root(d), "evaluation", "next", "2027-01-01", 1) == 0,
	   "a key alone on its line in a flow mapping");
	result(d, "{\n\tevaluation: {next: 2027-01-01}\n}\n", "... gets it on that line");
	done(d);
	/* fuzz-edit: the colon ends the key's line, and the empty value is
	 * the line below; a second colon after the key did not read */
	d = parse("{evaluation:\n}\n");
	ok(yedit_map_set_in(&d->edits, &d->doc, root(d), "evaluation", "next", "2027-01-01", 1) == 0,
	   "a key whose colon ends its line in a flow mapping");
	result(d, "{evaluation: {next: 2027-01-01}\n}\n", "... gets it after that colon");
	done(d);
	d = parse("{evaluation: # soon\n}\n");
	ok(yedit_map_set_in(&d->edits, &d->doc, root(d), "evaluation", "next", "2027-01-01", 1) == 0,
	   "... and a comment after the colon");
	result(d, "{evaluation: {next: 2027-01-01} # soon\n}\n", "... gets it before the comment");
	done(d);
	d = parse("{evaluation: }\n");
	ok(yedit_map_set_in(&d->edits, &d->doc, root(d), "evaluation", "next", "2027-01-01", 1) == 0,
	   "a key with a colon and a blank after it");
	result(d, "{evaluation: {next: 2027-01-01}}\n", "... gets the value there");
	done(d);
	d = parse("{ # a, b,\n\tevaluation\n}\n");
	ok(yedit_map_set_in(&d->edits, &d->doc, root(d), "evaluation", "next", "2027-01-01", 1) == 0,
	   "a key alone after a comment ending in a comma");
	result(d, "{ # a, b,\n\tevaluation: {next: 2027-01-01}\n}\n", "... gets it too");
	done(d);
	/* YAML takes an implicit key on one line only, from its tag on */
	static const char *const no_colon[] = {
		"{!\n\tevaluation}\n", "{&a # note,\n evaluation}\n", "{a: 1, eval\n uation}\n",
		"{\"eval\n uation\"}\n", "{!a? \n\tevaluation}\n"};
	cp_errors_quiet(1);
	for (size_t i = 0; i < sizeof no_colon / sizeof *no_colon; i++) {
		d = parse(no_colon[i]);
		refused(yedit_map_set_in(&d->edits, &d->doc, root(d), d->doc.root->u.kids[2 * d->doc.root->n - 2]->u.str, "next", "2027-01-01", 1),
			d, "a flow key without a colon that would not take one");
		done(d);
	}
	char key[1100], text[sizeof key + 3];
	memset(key, 'k', sizeof key - 1);
	key[sizeof key - 1] = '\0';
	snprintf(text, sizeof text, "{%s}\n", key);
	d = parse(text);
	refused(yedit_map_set_in(&d->edits, &d->doc, root(d), key, "next", "2027-01-01", 1), d,
		"a flow key too long to take a colon");
	done(d);
	cp_errors_quiet(0);
}

static void refusals(void)
{
	cp_errors_quiet(1);
	struct doc *d = parse("base: &b {every: 6m}\nevaluation: *b\n");
	refused(yedit_map_set_in(&d->edits, &d->doc, root(d), "evaluation", "next", "2027-01-01", 1), d,
		"evaluation: an alias");
	done(d);
	d = parse("evaluation: &e\n  next: 2026-01-01\nother: *e\n");
	refused(yedit_map_set_in(&d->edits, &d->doc, root(d), "evaluation", "next", "2027-01-01", 1), d,
		"a value inside an anchored mapping");
	done(d);
	d = parse("evaluations: !!seq [{date: 2026-01-01}]\n");
	refused(yedit_map_list_append(&d->edits, &d->doc, root(d), "evaluations", eval, 1), d,
		"a tagged list");
	done(d);
	d = parse("evaluations: nothing\n");
	refused(yedit_map_list_append(&d->edits, &d->doc, root(d), "evaluations", eval, 1), d,
		"a text where a list should be");
	done(d);
	d = parse("summary: |\n  long\n");
	refused(yedit_map_set(&d->edits, &d->doc, root(d), "summary", "x", 0), d, "a block text");
	done(d);
	d = parse("x: [a: [1]]\n");
	refused(yedit_map_set(&d->edits, &d->doc, at(d, "x")->u.kids[0], "b", "2", 0), d,
		"a pair in a flow list: what is added would be a mapping of its own");
	done(d);
	/* fuzz-edit: "? evaluation" has no colon; the lines below went on
	 * the key, and the plan did not read */
	d = parse(" ? evaluation  # no colon, no line break");
	refused(yedit_map_set_in(&d->edits, &d->doc, root(d), "evaluation", "next", "2027-01-01", 1),
		d, "an explicit key without a colon: no value goes below it");
	done(d);
	d = parse("x: [? a: [1]]\n");
	refused(yedit_map_set(&d->edits, &d->doc, at(d, "x")->u.kids[0], "b", "2", 0), d,
		"... also with an explicit ?");
	done(d);
	d = parse("evaluations:\n  ~\n");
	refused(yedit_map_list_append(&d->edits, &d->doc, root(d), "evaluations", eval, 1), d,
		"an empty value on a line of its own");
	done(d);
	cp_errors_quiet(0);
}

static void quoting(void)
{
	static const char *const texts[] = {
		"Kassa gaat zelfstandig; uren naar 20.", "a, b", "[x]", "{y}", "Let op: pauzes",
		"'t Hek", "\"quoted\"", "yes", "12", "2026-01-01", "#1", "- item", "x #y", " pad ",
		"Zoë: één", "tab\there", "line\nbreak",
	};
	for (size_t i = 0; i < sizeof texts / sizeof *texts; i++) {
		struct buf b = {0};
		buf_puts(&b, "[");
		yaml_put_flow_scalar(&b, texts[i], strlen(texts[i]));
		buf_puts(&b, ", end]");
		struct ydoc back;
		struct arena a = {0};
		int rc = ydoc_parse(&back, &a, "q.yaml", b.s, b.len);
		ok(rc == 0 && back.root->kind == Y_SEQ && back.root->n == 2 &&
			   back.root->u.kids[0]->kind == Y_SCALAR &&
			   !strcmp(back.root->u.kids[0]->u.str, texts[i]),
		   "flow scalar %s reads back equal", quote(texts[i], strlen(texts[i])));
		arena_free(&a);
		buf_free(&b);
	}
}

/* A removal from src: i, the item of grants:, or key, a key of the
 * document; want the text after it, NULL if refused. */
static void remove_from(const char *src, uint32_t i, const char *key, const char *want,
			const char *what)
{
	struct doc *d = parse(src);
	cp_errors_quiet(!want);
	int rc = key ? yedit_map_remove(&d->edits, &d->doc, d->doc.root, key)
		     : yedit_seq_remove(&d->edits, &d->doc, at(d, "grants"), i);
	cp_errors_quiet(0);
	if (!want)
		refused(rc, d, what);
	else {
		ok(rc == 0, "%s: accepted", what);
		result(d, want, what);
	}
	done(d);
}

static void remove_one(const char *src, uint32_t i, const char *want, const char *what)
{
	remove_from(src, i, NULL, want, what);
}

/* An item taken out takes its own lines and comments, and no other's. */
static void removal(void)
{
	const char *flow = "grants:\n  - {from: 2026-01-01, hours: 30}\n"
			   "  - {from: 2026-07-01, hours: 30} # vervolg\n"
			   "  - {from: 2027-01-01, hours: 30}\nstatus: active\n";
	remove_one(flow, 1, "grants:\n  - {from: 2026-01-01, hours: 30}\n"
			    "  - {from: 2027-01-01, hours: 30}\nstatus: active\n",
		   "a middle item, its comment with it");
	remove_one(flow, 2, "grants:\n  - {from: 2026-01-01, hours: 30}\n"
			    "  - {from: 2026-07-01, hours: 30} # vervolg\nstatus: active\n",
		   "the last item");
	remove_one("grants:\n- from: 2026-01-01\n  hours: 30\n  # asked again in May\n"
		   "# the next one\n- from: 2026-07-01\n  hours: 20\n",
		   0, "grants:\n# the next one\n- from: 2026-07-01\n  hours: 20\n",
		   "a block mapping with the comment indented under it, not the one beside the dash");
	remove_one("grants:\r\n  - {from: 2026-01-01}\r\n  - {from: 2026-07-01}\r\n", 0,
		   "grants:\r\n  - {from: 2026-07-01}\r\n", "CRLF lines");
	remove_one("grants:\n  - {from: 2026-01-01}\nstatus: active", 0,
		   "grants:\nstatus: active", "the only item: an empty list");
	remove_one("grants:\n  - {from: 2026-01-01}\n  - {from: 2026-07-01}", 1,
		   "grants:\n  - {from: 2026-01-01}\n", "the last line with no line break");
	remove_one("grants:\n  - |\n    Kassa\n  - b\n", 0, "grants:\n  - b\n",
		   "a block text, which ends past its line break");
	remove_one("grants:\n  - - ? \n  - b\n", 0, NULL,
		   "an empty value that ends at the next item");
	/* a flow list: the item with the comma that parts it from the next */
	const char *two = "grants: [{from: 2026-01-01}, {from: 2026-07-01}]  # kort\n";
	remove_one(two, 0, "grants: [{from: 2026-07-01}]  # kort\n", "a flow list: the first item");
	remove_one(two, 1, "grants: [{from: 2026-01-01}]  # kort\n", "a flow list: the last item");
	remove_one("grants: [a, 'b, c', d]\n", 1, "grants: [a, d]\n",
		   "a flow list: a quoted item with a comma of its own");
	remove_one("grants: [a]\n", 0, "grants: []\n", "a flow list: the only item, []");
	remove_one("grants: [ a, ]\n", 0, "grants: [  ]\n", "... with the comma after it");
	remove_one("grants: [\n  a,\n  b,\n]\n", 0, "grants: [\n  b,\n]\n",
		   "a flow list, an item a line");
	remove_one("grants: [\n  a,\n  b\n]\n", 1, "grants: [\n  a\n]\n",
		   "... the last of them");
	remove_one("grants: [a,  # the first\n  b]\n", 0, NULL,
		   "a flow list: a comment beside the item");
	remove_one("grants: [a,  # the first\n  b]\n", 1, NULL, "... or beside the one before");
	remove_one("grants: [a: 1, b]\n", 0, NULL, "a flow list: a pair with no { }");
	remove_one("grants: [a: 1, b]\n", 1, NULL, "... or after one");
	remove_one("grants: [&x a, b]\n", 0, NULL, "a flow list: an anchored item");
	remove_one("grants:\n  - - {from: 2026-01-01}\nx: 1\n", 0, "grants:\nx: 1\n",
		   "a list in a list");
	remove_one("grants:\n  -\n    {from: 2026-01-01}\n", 0, NULL,
		   "an item below its dash");
	remove_one("grants:\n  - {from: 2026-01-01}\n", 1, NULL, "an item past the end");

	/* fuzz-edit: "- \n...\n" without its item was "...\n", a document end
	 * with no document, which does not read */
	static const char *const whole[] = {"- \n...\n", "- a\n", "---\n- a\n...\n"};
	for (size_t k = 0; k < sizeof whole / sizeof *whole; k++) {
		struct doc *d = parse(whole[k]);
		cp_errors_quiet(1);
		int rc = yedit_seq_remove(&d->edits, &d->doc, d->doc.root, 0);
		cp_errors_quiet(0);
		refused(rc, d, "the only item of the list that is the whole document");
		done(d);
	}
	struct doc *d = parse("- a\n- b\n...\n");
	ok(yedit_seq_remove(&d->edits, &d->doc, d->doc.root, 0) == 0, "... one of two is taken");
	result(d, "- b\n...\n", "... and the rest reads");
	done(d);
}

static void remove_key(const char *src, const char *key, const char *want, const char *what)
{
	remove_from(src, 0, key, want, what);
}

/* A pair taken out: its own line and the comment on it, no other. */
static void key_removal(void)
{
	const char *plan = "status: paused  # ziek\npaused: 2026-12-01  # sinds\n# next\nend: x\n";
	remove_key(plan, "paused", "status: paused  # ziek\n# next\nend: x\n",
		   "a pair and its comment");
	remove_key(plan, "nothere", plan, "a key that is not there: nothing");
	remove_key("a: 1\r\npaused: 2026-12-01\r\nb: 2\r\n", "paused", "a: 1\r\nb: 2\r\n",
		   "CRLF lines");
	remove_key("a: 1\npaused: 2026-12-01", "paused", "a: 1\n", "the last line, no line break");
	remove_key("a: 1\npaused:\nb: 2\n", "paused", "a: 1\nb: 2\n", "an empty value");
	remove_key("a: 1\npaused: 'x'\n", "paused", "a: 1\n", "a quoted value");
	remove_key("a: 1\npaused: |\n  x\n", "paused", NULL, "a block text");
	remove_key("a: 1\npaused: x\n  y\n", "paused", NULL, "a text over two lines");
	remove_key("a: 1\npaused: [x]\n", "paused", NULL, "a list");
	remove_key("{a: 1, paused: x}\n", "paused", NULL, "a flow mapping");
	remove_key("paused: x\n...\n", "paused", NULL, "the only key of the document");
	remove_key("a: &p 1\npaused: *p\n", "paused", NULL, "an alias");

	/* an item appended where the line taken out begins: the item goes in,
	 * whichever edit was made first */
	const char *both = "pauses:\n  - {from: 2026-03-05, to: 2026-03-31}\npaused: 2026-05-01\n";
	const char *want = "pauses:\n  - {from: 2026-03-05, to: 2026-03-31}\n"
			   "  - {from: 2026-05-01, to: 2026-05-20}\n";
	const struct ykv pause[] = {{"from", "2026-05-01", 1}, {"to", "2026-05-20", 1}};
	for (int removed_first = 0; removed_first < 2; removed_first++) {
		struct doc *d = parse(both);
		int rc = removed_first ? yedit_map_remove(&d->edits, &d->doc, root(d), "paused") : 0;
		rc |= yedit_seq_append_map(&d->edits, &d->doc, at(d, "pauses"), pause, 2);
		rc |= removed_first ? 0 : yedit_map_remove(&d->edits, &d->doc, root(d), "paused");
		ok(rc == 0, "an item appended, the next line taken out: accepted");
		result(d, want, removed_first ? "... the line taken out first" : "... the item first");
		done(d);
	}
}

static void set_after(const char *src, const char *want, const char *what)
{
	struct doc *d = parse(src);
	ok(yedit_map_set_after(&d->edits, &d->doc, root(d), "start", "end", "2026-11-30") == 0,
	   "%s: accepted", what);
	result(d, want, what);
	done(d);
}

/* end: below start:, where a new one goes; in place where it is */
static void placed(void)
{
	set_after("id: P-1\nstart: 2026-01-05  # begin\n  # about the start\nstatus: active\n",
		  "id: P-1\nstart: 2026-01-05  # begin\n  # about the start\nend: 2026-11-30\n"
		  "status: active\n",
		  "a new end below start and its comments");
	set_after("status: active\nend: 2026-12-31  # kept\nstart: 2026-01-05\n",
		  "status: active\nend: 2026-11-30  # kept\nstart: 2026-01-05\n",
		  "an end that is there stays where it is");
	set_after("id: P-1\nstatus: active\n", "id: P-1\nstatus: active\nend: 2026-11-30\n",
		  "no start: at the end, as any new key");
	set_after("{id: P-1, start: 2026-01-05}\n", "{id: P-1, start: 2026-01-05, end: 2026-11-30}\n",
		  "a flow mapping: at its end");
	/* the column is start:'s, not the first key's, which a tag moves right */
	set_after("!!str on: 2\nstart: 2026-01-05\n", "!!str on: 2\nstart: 2026-01-05\nend: 2026-11-30\n",
		  "a tag before the first key");
	struct doc *d = parse("  # top\n!!str on: 2\nid: x\n");
	ok(yedit_map_insert_after(&d->edits, &d->doc, root(d), NULL, "version", "2") == 0,
	   "above a first key with a tag: accepted");
	result(d, "  # top\nversion: 2\n!!str on: 2\nid: x\n", "above a first key with a tag");
	done(d);
}

int main(void)
{
	err_init("test-yedit");
	lists();
	inserts();
	scalars();
	goal_status();
	nesting();
	flow_key_alone();
	refusals();
	quoting();
	removal();
	key_removal();
	placed();
	return tap_done();
}
