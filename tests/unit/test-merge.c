/* test-merge: a plan changed on two branches, merged as a plan (merge.c):
 * what each side added stays, comments and layout stay, and conflict
 * markers come only where both changed one value differently. */
#include "coachplan.h"
#include "tap.h"
#include "util.h"

static const char base[] =
	"# Coaching plan P-1\n"
	"version: 1\n"
	"id: P-1  # the plan\n"
	"participant:\n"
	"  name: Bart de Wit\n"
	"coach: robin    # vaste coach\n"
	"funder: uwv\n"
	"start: 2026-01-05\n"
	"evaluation:\n"
	"  every: 6m\n"
	"  next: 2026-07-05\n"
	"goals:\n"
	"  - id: G1\n"
	"    text: Kassa\n"
	"    status: open\n"
	"agreements:         # what coach, participant and employer agreed\n"
	"conditions:         # what the workplace must offer\n"
	"contacts:           # - name: ..., role: ...\n"
	"evaluations:        # added by cp-evaluate --record\n"
	"status: active\n";

struct result {
	int rc;
	char *text, *err;
};

/* s with the first from replaced by to (static, two in turn) */
static const char *edit(const char *s, const char *from, const char *to)
{
	static char out[2][4096];
	static int turn;
	turn = !turn;
	const char *at = strstr(s, from);
	if (!at) {
		fprintf(stderr, "no \"%s\" in the text\n", from);
		exit(99);
	}
	snprintf(out[turn], sizeof out[turn], "%.*s%s%s", (int)(at - s), s, to, at + strlen(from));
	return out[turn];
}

static struct result merge3(const char *b, const char *o, const char *t)
{
	/* as git names them: no .yaml, and the plan's path as the fourth */
	write_file(scratch_path("base"), b, strlen(b));
	write_file(scratch_path("ours"), o, strlen(o));
	write_file(scratch_path("theirs"), t, strlen(t));
	struct result r;
	capture_start();
	r.rc = plan_merge(scratch_path("base"), scratch_path("ours"), scratch_path("theirs"),
			  "plans/P-1.yaml");
	r.err = capture_end();
	r.text = read_file(scratch_path("ours"), NULL);
	return r;
}

static void result_free(struct result *r)
{
	free(r->text);
	free(r->err);
}

static int count(const char *s, const char *what)
{
	int n = 0;
	for (const char *p = s; (p = strstr(p, what)); p += strlen(what))
		n++;
	return n;
}

static int reads_as_plan(const char *text)
{
	int status;
	capture_start();
	struct plan *p = plan_parse("plans/P-1.yaml", xstrdup(text), strlen(text), &status);
	free(capture_end());
	plan_free(p);
	return p != NULL;
}

static const char ev_robin[] = "evaluations:        # added by cp-evaluate --record\n"
			       "  - date: 2026-07-01\n"
			       "    summary: Robin, uren naar 20\n";
static const char ev_kim[] = "evaluations:        # added by cp-evaluate --record\n"
			     "  - date: 2026-07-10\n"
			     "    summary: Kim, kassa gaat goed\n"
			     "    goals: {G1: achieved}\n";

static void two_evaluations(void)
{
	const char *o = edit(edit(base, "evaluations:        # added by cp-evaluate --record\n",
				  ev_robin),
			     "next: 2026-07-05", "next: 2027-01-01");
	char ours[4096];
	snprintf(ours, sizeof ours, "%s", o);
	const char *t = edit(edit(base, "evaluations:        # added by cp-evaluate --record\n",
				  ev_kim),
			     "next: 2026-07-05", "next: 2027-01-10");
	struct result r = merge3(base, ours, t);
	is_int(r.rc, 0, "two evaluations on two branches: merged cleanly");
	is_str(r.err, "", "without a word");
	ok(strstr(r.text, "  - date: 2026-07-01\n    summary: Robin, uren naar 20\n"
			  "  - date: 2026-07-10\n    summary: Kim, kassa gaat goed\n"
			  "    goals: {G1: achieved}\n"),
	   "both evaluations, in date order");
	ok(strstr(r.text, "  next: 2027-01-10\n"), "the later next evaluation");
	ok(strstr(r.text, "id: P-1  # the plan\n") && strstr(r.text, "coach: robin    # vaste coach\n") &&
		   strstr(r.text, "evaluations:        # added by cp-evaluate --record\n"),
	   "every comment, in its place");
	ok(reads_as_plan(r.text), "and it reads as a plan");
	result_free(&r);

	/* the other way round: theirs' earlier evaluation goes before ours' */
	r = merge3(base, t, ours);
	is_int(r.rc, 0, "the other way round: clean");
	ok(strstr(r.text, "  - date: 2026-07-01\n    summary: Robin, uren naar 20\n"
			  "  - date: 2026-07-10\n"),
	   "theirs' earlier evaluation before ours' later one");
	ok(strstr(r.text, "  next: 2027-01-10\n"), "ours' later next stays");
	result_free(&r);

	/* both recorded the same evaluation (a cherry-pick): one */
	r = merge3(base, t, t);
	is_int(r.rc, 0, "the same evaluation on both sides: clean");
	is_int(count(r.text, "date: 2026-07-10"), 1, "and there once");
	result_free(&r);
}

/* cp-new writes `evaluations:` empty: the first evaluation on one branch
 * and any other change on the other must not meet as a conflict. */
static void first_evaluation(void)
{
	const char *o = edit(base, "name: Bart de Wit", "name: Bart de Wit-Jansen");
	char ours[4096];
	snprintf(ours, sizeof ours, "%s", o);
	const char *t = edit(base, "evaluations:        # added by cp-evaluate --record\n", ev_kim);
	struct result r = merge3(base, ours, t);
	is_int(r.rc, 0, "the first evaluation on one side, a name on the other: clean");
	ok(strstr(r.text, "Bart de Wit-Jansen") && strstr(r.text, ev_kim) &&
		   !strstr(r.text, "<<<<<<<"),
	   "both changes, no markers");
	ok(reads_as_plan(r.text), "and it reads as a plan");
	result_free(&r);

	/* both filled empty lists: the agreements of both */
	snprintf(ours, sizeof ours, "%s",
		 edit(base, "agreements:         # what coach, participant and employer agreed\n",
		      "agreements:         # what coach, participant and employer agreed\n"
		      "  - Elke maandag bellen\n"));
	t = edit(base, "agreements:         # what coach, participant and employer agreed\n",
		 "agreements:         # what coach, participant and employer agreed\n"
		 "  - Werkgever belt bij ziekte\n");
	r = merge3(base, ours, t);
	is_int(r.rc, 0, "agreements added on both sides: clean");
	ok(strstr(r.text, "  - Elke maandag bellen\n  - Werkgever belt bij ziekte\n"),
	   "both agreements, ours first");
	result_free(&r);
}

static void goals(void)
{
	const char *o = edit(base, "    status: open\n",
			     "    status: open\n  - id: G2\n    text: Zaterdag werken\n    status: open\n");
	char ours[4096];
	snprintf(ours, sizeof ours, "%s", o);
	const char *t = edit(base, "    status: open\n",
			     "    status: achieved\n  - id: G3  # kim\n    text: Op tijd komen\n"
			     "    status: open\n");
	struct result r = merge3(base, ours, t);
	is_int(r.rc, 0, "a goal added on each side, a status changed: clean");
	ok(strstr(r.text, "  - id: G1\n    text: Kassa\n    status: achieved\n  - id: G2\n") &&
		   strstr(r.text, "  - id: G3  # kim\n    text: Op tijd komen\n"),
	   "both new goals, theirs' status, theirs' comment");
	result_free(&r);

	/* both added G2, differently: its text in markers, nothing else */
	t = edit(base, "    status: open\n",
		 "    status: open\n  - id: G2\n    text: Op zaterdag werken\n    status: open\n");
	r = merge3(base, ours, t);
	is_int(r.rc, 1, "both added goal G2 with another text: a conflict");
	ok(strstr(r.text, "<<<<<<< ours\n    text: Zaterdag werken\n=======\n"
			  "    text: Op zaterdag werken\n>>>>>>> theirs\n"),
	   "markers around the text only");
	is_int(count(r.text, "id: G2"), 1, "the goal once");
	result_free(&r);

	/* one removed a goal the other changed */
	snprintf(ours, sizeof ours, "%s",
		 edit(base, "  - id: G1\n    text: Kassa\n    status: open\n",
		      "  - id: G2\n    text: Zaterdag werken\n    status: open\n"));
	t = edit(base, "status: open", "status: achieved");
	r = merge3(base, ours, t);
	is_int(r.rc, 1, "ours removed a goal theirs changed: a conflict");
	ok(strstr(r.text, "<<<<<<< ours\n=======\n  - id: G1\n    text: Kassa\n"
			  "    status: achieved\n>>>>>>> theirs\n"),
	   "theirs' goal in markers, ours' side empty");
	result_free(&r);
	r = merge3(base, t, ours);
	is_int(r.rc, 1, "theirs removed a goal ours changed: a conflict");
	ok(strstr(r.text, "<<<<<<< ours\n  - id: G1\n    text: Kassa\n    status: achieved\n"
			  "=======\n>>>>>>> theirs\n"),
	   "ours' goal in markers, theirs' side empty");
	ok(strstr(r.text, "  - id: G2\n"), "theirs' new goal all the same");
	result_free(&r);
}

static void one_field(void)
{
	char ours[4096];
	snprintf(ours, sizeof ours, "%s",
		 edit(base, "  name: Bart de Wit\n", "  name: Bart van de Wit\n"));
	const char *t = edit(edit(base, "  name: Bart de Wit\n", "  name: Bart de Wit-Jansen\n"),
			     "status: active", "status: paused");
	struct result r = merge3(base, ours, t);
	is_int(r.rc, 1, "both changed the name differently: a conflict");
	ok(strstr(r.text, "participant:\n<<<<<<< ours\n  name: Bart van de Wit\n=======\n"
			  "  name: Bart de Wit-Jansen\n>>>>>>> theirs\n"),
	   "standard markers around that line");
	is_int(count(r.text, "<<<<<<<"), 1, "only there");
	ok(strstr(r.text, "status: paused\n"), "theirs' other change is in");
	is_str(r.err, "", "without a word");
	result_free(&r);

	/* changed alike on both sides: no conflict */
	r = merge3(base, ours, ours);
	is_int(r.rc, 0, "changed alike: clean");
	result_free(&r);
}

/* grants:, coaches:, work_hours: and lists no version knows yet: items
 * matched by what they say */
static void other_lists(void)
{
	static const char v2[] = "version: 2\n"
				 "id: P-1\n"
				 "participant:\n"
				 "  name: Bart de Wit\n"
				 "funder: uwv\n"
				 "start: 2026-11-02\n"
				 "grants:\n"
				 "  - from: 2026-11-02\n"
				 "    to: 2027-05-01\n"
				 "    hours: 60\n"
				 "coaches:\n"
				 "  - {from: 2026-11-02, coach: robin}\n"
				 "work_hours:\n"
				 "  - {from: 2026-11-02, hours: 16}\n"
				 "x-links:\n"
				 "  - {kind: mail, to: uwv}\n"
				 "  - {kind: map, to: dossier}\n";
	char ours[4096];
	snprintf(ours, sizeof ours, "%s",
		 edit(edit(v2, "  - {from: 2026-11-02, coach: robin}\n",
			   "  - {from: 2026-11-02, coach: robin}\n  - {from: 2027-03-01, coach: kim}\n"),
		      "  - {kind: map, to: dossier}\n",
		      "  - {kind: map, to: dossier}\n  - {kind: tel, to: werkgever}\n"));
	const char *t = edit(edit(v2, "    hours: 60\n",
				  "    hours: 60\n  - from: 2027-05-02\n    length: 6m\n    hours: 40\n"),
			     "  - {from: 2026-11-02, hours: 16}\n",
			     "  - {from: 2026-11-02, hours: 16}\n  - {from: 2027-02-01, hours: 24}\n");
	t = edit(t, "  - {kind: mail, to: uwv}\n",
		 "  - {kind: mail, to: uwv}\n  - {kind: web, to: portaal}\n");
	struct result r = merge3(v2, ours, t);
	is_int(r.rc, 0, "grants, coaches, work hours and an unknown list on both sides: clean");
	ok(strstr(r.text, "  - from: 2027-05-02\n    length: 6m\n    hours: 40\n") &&
		   strstr(r.text, "{from: 2027-03-01, coach: kim}") &&
		   strstr(r.text, "{from: 2027-02-01, hours: 24}"),
	   "every new grant, coach and contract hours");
	is_int(count(r.text, "{kind: mail, to: uwv}"), 1, "an unknown list's items once");
	ok(strstr(r.text, "{kind: web, to: portaal}") && strstr(r.text, "{kind: tel, to: werkgever}"),
	   "with the new ones of both");
	is_str(r.err, "", "without a word");
	result_free(&r);
}

static void flow_lists(void)
{
	const char *b = edit(base, "agreements:         # what coach, participant and employer agreed\n",
			     "agreements: [Elke maandag bellen]  # afspraken\n");
	char bb[4096], ours[4096];
	snprintf(bb, sizeof bb, "%s", b);
	snprintf(ours, sizeof ours, "%s", edit(bb, "bellen]", "bellen, Twee]"));
	const char *t = edit(bb, "[Elke maandag bellen]", "[Elke maandag bellen, \"Drie, vier\"]");
	struct result r = merge3(bb, ours, t);
	is_int(r.rc, 0, "a flow list added to on both sides: clean");
	ok(strstr(r.text, "agreements: [Elke maandag bellen, Twee, \"Drie, vier\"]  # afspraken\n"),
	   "both new items, in flow style, the comment kept");
	result_free(&r);

	t = edit(bb, "[Elke maandag bellen]", "[]");
	r = merge3(bb, ours, t);
	is_int(r.rc, 0, "an item removed on one side, one added on the other: clean");
	ok(strstr(r.text, "agreements: [Twee]  # afspraken\n"), "what is left");
	result_free(&r);

	t = edit(bb, "[Elke maandag bellen]", "[Elke dinsdag bellen]");
	snprintf(ours, sizeof ours, "%s", edit(bb, "[Elke maandag bellen]", "[]"));
	r = merge3(bb, t, ours);
	ok(r.rc == 0 && strstr(r.text, "agreements: [Elke dinsdag bellen]"),
	   "an item replaced on one side, the list emptied on the other: the new item stays");
	result_free(&r);
}

/* a text twice in a list is two items */
static void twice(void)
{
	const char *b = edit(base, "agreements:         # what coach, participant and employer agreed\n",
			     "agreements:\n  - Elke maandag bellen\n");
	char bb[4096], ours[4096];
	snprintf(bb, sizeof bb, "%s", b);
	snprintf(ours, sizeof ours, "%s", edit(bb, "status: active", "status: paused"));
	const char *t = edit(bb, "  - Elke maandag bellen\n",
			     "  - Elke maandag bellen\n  - Elke maandag bellen\n");
	struct result r = merge3(bb, ours, t);
	is_int(r.rc, 0, "theirs wrote an agreement a second time: clean");
	is_int(count(r.text, "Elke maandag bellen"), 2, "and it is there twice");
	result_free(&r);
	r = merge3(t, ours, bb);
	is_int(count(r.text, "Elke maandag bellen"), 1, "... and once when theirs removed one");
	result_free(&r);
}

/* s with every \n made \r\n (static, three in turn) */
static const char *crlf(const char *s)
{
	static char out[3][8192];
	static int turn;
	turn = (turn + 1) % 3;
	size_t n = 0;
	for (; *s && n + 2 < sizeof out[turn]; s++) {
		if (*s == '\n')
			out[turn][n++] = '\r';
		out[turn][n++] = *s;
	}
	out[turn][n] = '\0';
	return out[turn];
}

/* A plan saved with CRLF line ends keeps them, in what is added too. */
static void crlf_lines(void)
{
	const char *evs = "evaluations:        # added by cp-evaluate --record\n";
	char o[4096], t[4096];
	snprintf(o, sizeof o, "%s",
		 edit(edit(base, evs, "evaluations:\n  - date: 2026-08-01\n    summary: Robin\n"),
		      "  name: Bart de Wit\n", "  name: Bart van de Wit\n"));
	snprintf(t, sizeof t, "%s",
		 edit(edit(base, evs, "evaluations:\n  - date: 2026-07-01\n    summary: Kim\n"
				      "    goals: {G1: achieved}\n"),
		      "  name: Bart de Wit\n", "  name: Bart de Wit-Jansen\n"));
	const char *b = crlf(base), *oc = crlf(o), *tc = crlf(t);
	struct result r = merge3(b, oc, tc);
	is_int(r.rc, 1, "CRLF: a conflict on the name");
	ok(strstr(r.text, "evaluations:\r\n  - date: 2026-07-01\r\n    summary: Kim\r\n"
			  "    goals: {G1: achieved}\r\n  - date: 2026-08-01\r\n"),
	   "theirs' earlier evaluation before ours', in CRLF");
	ok(strstr(r.text, "<<<<<<< ours\r\n  name: Bart van de Wit\r\n=======\r\n"
			  "  name: Bart de Wit-Jansen\r\n>>>>>>> theirs\r\n"),
	   "the markers in CRLF too");
	int bare = 0;
	for (const char *p = r.text; *p; p++)
		bare += *p == '\n' && (p == r.text || p[-1] != '\r');
	is_int(bare, 0, "no line ends in a bare LF");
	result_free(&r);

	/* Bug: a colleague's editor saved ours in CRLF, so to git's text merge
	 * ours changed every line, and theirs' comments found no place. */
	snprintf(t, sizeof t, "%s",
		 edit(edit(base, evs, "evaluations:\n  - date: 2026-07-01\n    summary: Kim\n"),
		      "  - id: G1\n", "  - id: G1    # kim: eerst de kassa\n"));
	r = merge3(base, crlf(edit(base, "every: 6m", "every: 3m")), t);
	is_int(r.rc, 0, "ours in CRLF, theirs' comment: merged");
	ok(strstr(r.text, "  - id: G1    # kim: eerst de kassa\r\n") != NULL,
	   "... theirs' comment comes along, in CRLF");
	ok(!strstr(r.err, "has no place"), "... and is not said to be lost");
	result_free(&r);
	r = merge3(base, edit(base, "every: 6m", "every: 3m"), crlf(t));
	is_int(r.rc, 0, "theirs in CRLF with a comment: merged");
	ok(strstr(r.text, "  - id: G1    # kim: eerst de kassa\n") && !strchr(r.text, '\r'),
	   "... theirs' comment comes along, in ours' LF");
	result_free(&r);
}

static void no_plan(void)
{
	const char *t = "version: 1\nid: [\n";
	char ours[4096];
	snprintf(ours, sizeof ours, "%s", edit(base, "status: active", "status: paused"));
	struct result r = merge3(base, ours, t);
	is_int(r.rc, 1, "a side that is no YAML: git merge-file's conflict");
	ok(strstr(r.text, "<<<<<<< ours\n") && strstr(r.text, ">>>>>>> theirs\n"),
	   "with its markers");
	result_free(&r);

	/* YAML, but no plan (a goal id twice): git merge-file too */
	t = edit(base, "    status: open\n", "    status: open\n  - id: G1\n    text: Kassa 2\n");
	r = merge3(base, ours, t);
	ok(r.rc == 0 && count(r.text, "id: G1") == 2 && strstr(r.text, "status: paused"),
	   "a side that is no plan: left to git merge-file");
	result_free(&r);

	/* a result that would be no plan: git merge-file, which sees no conflict */
	t = edit(base, "start: 2026-01-05", "start: 2026-13-05");
	r = merge3(base, ours, t);
	ok(!reads_as_plan(r.text) && r.rc == 0 && strstr(r.text, "2026-13-05"),
	   "a bad date from theirs: left to git merge-file, which merges the text");
	result_free(&r);
}

/* The lines git leaves in a file it could not merge, found again. */
static void markers(void)
{
	static const struct {
		const char *text;
		long at;
		const char *what;
	} cases[] = {
		{"a: 1\n<<<<<<< ours\nb: 2\n", 5, "<<<<<<< ours"},
		{"a: 1\r\n=======\r\nb: 2\r\n", 6, "======= with CRLF"},
		{">>>>>>> theirs", 0, ">>>>>>> on the first line, without a newline"},
		{"<<<<<<<\n", 0, "<<<<<<< alone"},
		{"a: '<<<<<<< ours'\n", -1, "not at the start of a line"},
		{"========\n", -1, "eight ="},
		{"======= x\n", -1, "======= with more on its line"},
		{"<<<<<<<< x\n", -1, "eight <"},
		{"a: 1\n||||||| base\nb: 2\n", 5, "||||||| of merge.conflictStyle diff3"},
		{"||||||||\n", -1, "eight |"},
		{"", -1, "nothing"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
		is_int((int)conflict_marker(cases[i].text, strlen(cases[i].text)), (int)cases[i].at,
		       "%s", cases[i].what);
}

/* An hour sheet merged as its lines (sheetmerge.c). */
static void sheet_case(const char *b, const char *o, const char *t, int rc, const char *want,
		       const char *what)
{
	const char *text[3] = {b, o, t};
	size_t len[3] = {strlen(b), strlen(o), strlen(t)};
	struct buf out = {0};
	is_int(sheet_merge_text(text, len, &out), rc, "sheet: %s", what);
	if (rc == 0)
		is_str(buf_str(&out), want, "sheet: %s: the lines", what);
	buf_free(&out);
}

static void sheets(void)
{
#define H "date,coach,plan,goal,mode,minutes,note\n"
#define A "2026-03-02,robin,P-1,,phone,30,a\n"
#define B "2026-03-03,robin,P-1,,phone,60,b\n"
#define B2 "2026-03-03,robin,P-1,,phone,45,b\n"
#define A2 "2026-03-02,robin,P-1,,phone,15,a\n"
#define E "2026-03-06,robin,P-1,,phone,5,e\n"
#define C "2026-03-04,robin,P-1,,phone,20,c\n"
#define D "2026-03-05,robin,P-1,,phone,10,d\n"
	sheet_case(H A B, H A B C, H A B D, 0, H A B C D, "both appended: ours', then theirs'");
	sheet_case(H A B, H A B2, H A B C, 0, H A B2 C, "ours corrected the last line");
	/* Bug: a line theirs corrected went to the end, after ours' new ones */
	sheet_case(H A B, H A B C, H A B2, 0, H A B2 C, "theirs corrected the last line: in its place");
	sheet_case(H A B C, H A B C D, H A2 B C, 0, H A2 B C D, "... or a line in the middle");
	sheet_case(H A C, H A C D, H A B C, 0, H A B C D, "theirs put in a line it forgot: in its place");
	sheet_case(H A, H A C, H A D E, 0, H A C D E, "both appended, theirs two: ours' first");
	sheet_case(H A B, H A2 B C, H A B D, 0, H A2 B C D, "each corrected or appended its own");
	sheet_case(H A B C, H A C, H A B2 C, 0, H A B2 C, "ours removed what theirs corrected: theirs' stands");
	sheet_case(H A B, H A, H A B C, 0, H A C, "ours removed the last line");
	sheet_case(H A B, H A B C, H A, 0, H A C, "theirs removed the last line");
	sheet_case(H A, H A C, H A C D, 0, H A C D, "a line both appended: once");
	sheet_case(H A, H A C C, H A C, 0, H A C C, "ours logged it twice (--force), theirs once");
	sheet_case("", H A, H C, 0, H A C, "a sheet both created");
	sheet_case(H A A, H A, H A C, 0, H A C, "a line twice, removed once on both: once");
	sheet_case(H A A, H A, H C, 0, H C, "... and on theirs twice: gone");
	sheet_case(H A "\n", H A "\n" C, H A "\n" D, 0, H A "\n" C D, "a blank line");
	sheet_case("\357\273\277" H A, "\357\273\277" H A C, "\357\273\277" H A D, 0,
		   "\357\273\277" H A C D, "a byte order mark on all three: once");
	sheet_case("\357\273\277" H A, "\357\273\277" H B, "\357\273\277" H A D, 0,
		   "\357\273\277" H B D, "... ours changed the line after it");
	sheet_case(H A, H A, H A, 0, H A, "nothing changed");
	sheet_case(H A, H, H A C, 0, H C, "ours removed all but the header");
	/* Bug: a sheet one side emptied lost its header to the other's new lines */
	sheet_case(H A B, "", H A B C, 0, H C, "ours emptied, theirs appended: the header stays");
	sheet_case(H A B, H A B C, "", 0, H C, "theirs emptied, ours appended: the header stays");
	sheet_case("\357\273\277" H A, "", "\357\273\277" H A C, 0, "\357\273\277" H C,
		   "... theirs' header with its mark");
	sheet_case(H A, "", H A, 0, "", "ours emptied, theirs unchanged: empty");
	sheet_case(H A, H A, "", 0, "", "theirs emptied, ours unchanged: empty");
	sheet_case(H A, "", "", 0, "", "both emptied: empty");
	sheet_case(A B, A B C, "", 0, C, "no header to keep: none made up of an entry");
	sheet_case(H A, "\357\273\277date,coach,plan,goal,mode,minutes,note\r\n"
			"2026-03-02,robin,P-1,,phone,30,a\r\n",
		   H A C, 0,
		   "\357\273\277date,coach,plan,goal,mode,minutes,note\r\n"
		   "2026-03-02,robin,P-1,,phone,30,a\r\n"
		   "2026-03-04,robin,P-1,,phone,20,c\r\n",
		   "ours saved with a BOM and CRLF: theirs' line in ours' line end");
	sheet_case(H A B, "\357\273\277date,coach,plan,goal,mode,minutes,note\r\n"
			  "2026-03-02,robin,P-1,,phone,30,a\r\n2026-03-03,robin,P-1,,phone,60,b\r\n",
		   H A2 B, 0,
		   "\357\273\277date,coach,plan,goal,mode,minutes,note\r\n"
		   "2026-03-02,robin,P-1,,phone,15,a\r\n2026-03-03,robin,P-1,,phone,60,b\r\n",
		   "... and theirs' correction in its place, the mark first");
	sheet_case(H A, H A "2026-03-04,robin,P-1,,phone,20,c", H A D, 0, H A C D,
		   "ours without a last line break");
	sheet_case(H A, H A, "datum;coach;plan;doel;wijze;minuten;notitie\n", -1, NULL,
		   "another header: union");
	sheet_case(H A, H A "2026-03-04,robin,P-1,,phone,20,\"x\ny\"\n", H A D, -1, NULL,
		   "a note over two lines: union");
#undef H
#undef A
#undef B
#undef B2
#undef A2
#undef E
#undef C
#undef D
}

int main(void)
{
	cp_prog = "test-merge";
	sheets();
	two_evaluations();
	first_evaluation();
	goals();
	one_field();
	other_lists();
	flow_lists();
	twice();
	crlf_lines();
	no_plan();
	markers();
	return tap_done();
}
