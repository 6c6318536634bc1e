/* test-record: an evaluation recorded in a plan (record.c), as cp-evaluate --record does it. */
#include "coachplan.h"
#include "tap.h"
#include "util.h"

static int day(const char *s)
{
	int d = DATE_NONE;
	return s && !date_parse(s, strlen(s), &d) ? d : DATE_NONE;
}

static const char plan_text[] =
	"version: 1\n"
	"id: P-1\n"
	"participant:\n"
	"  name: Bart de Wit\n"
	"coach: robin\n"
	"funder: uwv\n"
	"start: 2026-01-05\n"
	"evaluation:\n"
	"  every: 6m   # UWV\n"
	"  next: 2026-07-05\n"
	"goals:\n"
	"  - id: G1\n"
	"    text: Kassa\n"
	"    status: open\n"
	"  - id: G2\n"
	"    text: Uren\n"
	"evaluations:\n"
	"  - date: 2026-03-01\n"
	"    summary: Begin.\n"
	"status: active\n";

/* A plan read from text; variants swap one line of plan_text for another. */
static struct plan *load(const char *from, const char *to)
{
	struct buf b = {0};
	const char *at = from ? strstr(plan_text, from) : NULL;
	if (at) {
		buf_add(&b, plan_text, (size_t)(at - plan_text));
		buf_puts(&b, to);
		buf_puts(&b, at + strlen(from));
	} else
		buf_puts(&b, plan_text);
	int status;
	capture_start();
	struct plan *p = plan_parse("P-1.yaml", b.s, b.len, &status);
	free(capture_end());
	return p;
}

/* The plan as record_edits leaves it, read back; NULL if it does not read. */
static struct plan *recorded(const struct plan *p, const struct record *r, char **text)
{
	struct edits e = {0};
	struct buf out = {0};
	int status;
	*text = NULL;
	if (record_edits(&e, p, r) < 0 || edits_apply(&e, p->doc.src, p->doc.len, &out) < 0) {
		edits_free(&e);
		buf_free(&out);
		return NULL;
	}
	edits_free(&e);
	*text = xstrdup(buf_str(&out));
	capture_start();
	struct plan *after = plan_parse("P-1.yaml", out.s, out.len, &status);
	free(capture_end());
	return after;
}

static void refusals(void)
{
	static struct goal_result g9[] = {{"G9", GOAL_ACHIEVED}}, bad[] = {{"G1", -1}},
				  twice[] = {{"G1", GOAL_OPEN}, {"G1", GOAL_ACHIEVED}};
	static const struct {
		const char *from, *to; /* the plan's variant */
		const char *date, *today, *next;
		struct goal_result *goals;
		size_t ngoals;
		const char *why;
	} cases[] = {
		{NULL, NULL, "2026-06-01", "2026-06-01", NULL, g9, 1, "the plan has no goal \"G9\""},
		/* a library caller's mistakes, refused before any edit is made */
		{NULL, NULL, "2026-06-01", "2026-06-01", NULL, bad, 1, "unknown goal status \"-1\""},
		{NULL, NULL, "2026-06-01", "2026-06-01", NULL, twice, 2, "goal \"G1\" is given twice"},
		{NULL, NULL, "2026-02-28", "2026-06-01", "2026-06-01", NULL, 0,
		 "--next goes with the plan's last evaluation"},
		{NULL, NULL, "2026-01-04", "2026-06-01", NULL, NULL, 0, "before the plan starts on 2026-01-05"},
		{NULL, NULL, "2026-06-02", "2026-06-01", NULL, NULL, 0, "the evaluation date is in the future"},
		{"status: active", "status: closed", "2026-06-01", "2026-06-01", NULL, NULL, 0,
		 "plan P-1 is closed"},
		{NULL, NULL, "2026-06-01", "2026-06-01", "2026-06-01", NULL, 0, "must come after this one"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		struct plan *p = load(cases[i].from, cases[i].to);
		struct record r = {day(cases[i].date), "x", cases[i].goals, cases[i].ngoals,
				   day(cases[i].next), 0, DATE_NONE, RECORD_NO_UWV_FIELDS};
		capture_start();
		int rc = record_check(p, &r, day(cases[i].today));
		char *err = capture_end();
		ok(rc < 0 && strstr(err, cases[i].why), "refused: %s", cases[i].why);
		if (!strstr(err, cases[i].why))
			printf("#   said: %s\n", first_line(err));
		free(err);
		plan_free(p);
	}

	struct plan *p = load(NULL, NULL);
	struct record r = {day("2026-03-01"), "x", NULL, 0, DATE_NONE, 1, day("2026-01-04"),
			   RECORD_NO_UWV_FIELDS};
	capture_start();
	int rc = record_check(p, &r, day("2026-06-01"));
	char *err = capture_end();
	ok(rc < 0 && strstr(err, "would end before it starts"), "refused: an end before the start");
	free(err);
	r = (struct record){day("2026-03-01"), "x", NULL, 0, DATE_NONE, 0, DATE_NONE,
			    RECORD_NO_UWV_FIELDS};
	ok(record_check(p, &r, day("2026-03-01")) == 0,
	   "a second evaluation on the last one's day is allowed");
	r.summary = "Begin.";
	capture_start();
	rc = record_check(p, &r, day("2026-03-01"));
	err = capture_end();
	if (!ok(rc < 0 && strstr(err, "P-1.yaml:18:5: the plan has this evaluation of 2026-03-01 "
						 "already"),
		"refused: the same evaluation again (the command run twice), at the one in the plan"))
		printf("#   said: %s\n", first_line(err));
	free(err);
	plan_free(p);
}

static void records(void)
{
	static struct goal_result one[] = {{"G1", GOAL_ACHIEVED}},
				  two[] = {{"G2", GOAL_DROPPED}, {"G1", GOAL_OPEN}};
	static const struct {
		const char *from, *to;
		const char *date, *next; /* next: given, or NULL for the interval's */
		struct goal_result *goals;
		size_t ngoals;
		int close;
		const char *end;                /* with close: given, or NULL for the date */
		const char *want_next, *want_end; /* as the plan reads back */
		int g1, g2;                     /* the goals' statuses after */
	} cases[] = {
		{NULL, NULL, "2026-07-01", NULL, one, 1, 0, NULL, "2027-01-01", NULL, GOAL_ACHIEVED, GOAL_OPEN},
		{NULL, NULL, "2026-06-01", "2026-09-15", two, 2, 0, NULL, "2026-09-15", NULL, GOAL_OPEN, GOAL_DROPPED},
		/* months have their last day, not a day that does not exist */
		{"every: 6m", "every: 1m", "2026-03-31", NULL, NULL, 0, 0, NULL, "2026-04-30", NULL, 0, 0},
		{"evaluations:\n  - date: 2026-03-01\n    summary: Begin.\n", "", "2026-08-31", NULL, NULL, 0,
		 0, NULL, "2027-02-28", NULL, 0, 0},
		{"every: 6m", "every: 3m", "2026-11-30", NULL, NULL, 0, 0, NULL, "2027-02-28", NULL, 0, 0},
		{"every: 6m", "every: 2w", "2026-06-01", NULL, NULL, 0, 0, NULL, "2026-06-15", NULL, 0, 0},
		/* a plan without evaluation: gets one */
		{"evaluation:\n  every: 6m   # UWV\n  next: 2026-07-05\n", "", "2026-06-01", NULL, NULL, 0, 0,
		 NULL, "2026-12-01", NULL, 0, 0},
		{NULL, NULL, "2026-06-01", NULL, one, 1, 1, NULL, NULL, "2026-06-01", GOAL_ACHIEVED, GOAL_OPEN},
		{NULL, NULL, "2026-06-01", NULL, NULL, 0, 1, "2026-06-30", NULL, "2026-06-30", 0, 0},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		struct plan *p = load(cases[i].from, cases[i].to);
		struct record r = {day(cases[i].date), "Goed; verder.", cases[i].goals, cases[i].ngoals,
				   day(cases[i].next), cases[i].close, day(cases[i].end),
				   RECORD_NO_UWV_FIELDS};
		char *text = NULL;
		capture_start();
		int fits = p && record_check(p, &r, day("2026-12-31")) == 0;
		free(capture_end());
		ok(fits, "case %zu: %s fits", i + 1, cases[i].date);
		struct plan *a = fits ? recorded(p, &r, &text) : NULL;
		if (!ok(a != NULL, "case %zu: reads back after the edits", i + 1)) {
			printf("# %s", text ? text : "(no edits)\n");
			free(text);
			plan_free(p);
			continue;
		}
		ok(a->nevals == p->nevals + 1 && a->evals[a->nevals - 1].date == r.date &&
			   !strcmp(a->evals[a->nevals - 1].summary, r.summary) &&
			   a->evals[a->nevals - 1].ngoals == r.ngoals,
		   "case %zu: the evaluation appended", i + 1);
		is_int(a->goals[0].status, cases[i].g1, "case %zu: G1's status", i + 1);
		is_int(a->goals[1].status, cases[i].g2, "case %zu: G2's status", i + 1);
		if (cases[i].close) {
			is_int(a->status, STATUS_CLOSED, "case %zu: closed", i + 1);
			is_int(a->end, day(cases[i].want_end), "case %zu: ends on %s", i + 1,
			       cases[i].want_end);
			ok(!(a->defaulted & PLAN_DEFAULT_END), "case %zu: end written down", i + 1);
		} else {
			is_int(a->status, STATUS_ACTIVE, "case %zu: still active", i + 1);
			is_int(a->next, day(cases[i].want_next), "case %zu: next on %s", i + 1,
			       cases[i].want_next);
			ok(!(a->defaulted & PLAN_DEFAULT_NEXT), "case %zu: next written down", i + 1);
			is_int(a->end, p->end, "case %zu: end as before", i + 1);
		}
		capture_start();
		is_int(record_holds(p, a, &r), 0, "case %zu: record_holds agrees", i + 1);
		free(capture_end());
		free(text);
		plan_free(a);
		plan_free(p);
	}
}

/* One held before the last, recorded late: in its place, setting only the
 * goals no later evaluation found something of, the next date as it was. */
static void late(void)
{
	static struct goal_result two[] = {{"G2", GOAL_DROPPED}, {"G1", GOAL_ACHIEVED}};
	struct plan *p = load("    summary: Begin.\n", "    summary: Begin.\n    goals: {G1: open}\n");
	struct record r = {day("2026-02-01"), "Vergeten.", two, 2, DATE_NONE, 0, DATE_NONE,
			   RECORD_NO_UWV_FIELDS};
	char *text = NULL;
	capture_start();
	int fits = p && record_check(p, &r, day("2026-12-31")) == 0;
	char *err = capture_end();
	ok(fits && strstr(err, "goal G1 keeps the status the evaluation of 2026-03-01 found"),
	   "recorded late: fits, with a warning for G1");
	free(err);
	struct plan *a = fits ? recorded(p, &r, &text) : NULL;
	ok(a && a->nevals == 2 && a->evals[0].date == r.date && a->evals[1].date == day("2026-03-01"),
	   "... goes before the later evaluation");
	ok(a && a->goals[0].status == GOAL_OPEN && a->goals[1].status == GOAL_DROPPED,
	   "... sets G2, not G1, which the later one found");
	ok(a && a->next == p->next && !(a->defaulted & PLAN_DEFAULT_NEXT), "... the next date as it was");
	capture_start();
	ok(a && record_holds(p, a, &r) == 0, "... record_holds agrees");
	free(capture_end());
	r.goals = (struct goal_result[]){{"G1", GOAL_OPEN}};
	r.ngoals = 1;
	capture_start();
	fits = record_check(p, &r, day("2026-12-31")) == 0;
	err = capture_end();
	ok(fits && !*err, "... no warning where the later one found the same");
	free(err);
	free(text);
	plan_free(a);
	plan_free(p);
}

/* Only the recorded lines change: comments and the rest stay as written. */
static void text(void)
{
	static struct goal_result g[] = {{"G2", GOAL_ACHIEVED}};
	struct plan *p = load(NULL, NULL);
	struct record r = {day("2026-07-01"), "Kassa zelfstandig", g, 1, DATE_NONE, 0, DATE_NONE,
			   RECORD_NO_UWV_FIELDS};
	char *got;
	record_check(p, &r, day("2026-07-01"));
	struct plan *a = recorded(p, &r, &got);
	is_str(got,
	       "version: 1\n"
	       "id: P-1\n"
	       "participant:\n"
	       "  name: Bart de Wit\n"
	       "coach: robin\n"
	       "funder: uwv\n"
	       "start: 2026-01-05\n"
	       "evaluation:\n"
	       "  every: 6m   # UWV\n"
	       "  next: 2027-01-01\n"
	       "goals:\n"
	       "  - id: G1\n"
	       "    text: Kassa\n"
	       "    status: open\n"
	       "  - id: G2\n"
	       "    text: Uren\n"
	       "    status: achieved\n"
	       "evaluations:\n"
	       "  - date: 2026-03-01\n"
	       "    summary: Begin.\n"
	       "  - date: 2026-07-01\n"
	       "    summary: Kassa zelfstandig\n"
	       "    goals: {G2: achieved}\n"
	       "status: active\n",
	       "the plan's text: three changes, the rest as written");

	/* record_holds is the last guard before the file is replaced */
	struct record other = r;
	other.summary = "iets anders";
	capture_start();
	int rc = record_holds(p, a, &other);
	char *err = capture_end();
	ok(rc < 0 && strstr(err, "does not read back as intended"),
	   "record_holds: a different summary is refused");
	free(err);
	other = r;
	other.next = day("2027-02-01");
	capture_start();
	rc = record_holds(p, a, &other);
	free(capture_end());
	ok(rc < 0, "record_holds: a different next date is refused");
	capture_start();
	rc = record_holds(p, p, &r);
	free(capture_end());
	ok(rc < 0, "record_holds: the plan unchanged is refused");
	free(got);
	plan_free(a);
	plan_free(p);
}

/* UWV's results per goal, written as their English keys, and an outcome
 * at the end of a grant: an evaluation that does not close the plan. */
static void results(void)
{
	static struct goal_result g[] = {{"G1", GOAL_PARTLY}, {"G2", GOAL_PERMANENT}};
	struct plan *p = load(NULL, NULL);
	struct record r = {day("2026-07-01"), "Einde beschikking", g, 2, DATE_NONE, 0, DATE_NONE,
			   RECORD_NO_UWV_FIELDS};
	r.outcome = OUT_SAME;
	char *got = NULL;
	ok(record_check(p, &r, day("2026-07-01")) == 0, "results: UWV's results fit");
	struct plan *a = recorded(p, &r, &got);
	ok(a && strstr(got, "    goals: {G1: partly-achieved, G2: permanent-support}\n") &&
		   strstr(got, "    outcome: follow-up-same\n") &&
		   strstr(got, "    text: Kassa\n    status: partly-achieved\n"),
	   "results: their keys in the evaluation and the goals");
	if (a) {
		const struct evaluation *ev = &a->evals[a->nevals - 1];
		ok(ev->ngoals == 2 && ev->goals[0].status == GOAL_PARTLY &&
			   ev->goals[1].status == GOAL_PERMANENT && ev->outcome == OUT_SAME,
		   "results: read back");
		is_int(a->status, STATUS_ACTIVE, "results: an outcome without closing the plan");
		capture_start();
		is_int(record_holds(p, a, &r), 0, "results: record_holds agrees");
		free(capture_end());
	}
	free(got);
	plan_free(a);
	plan_free(p);
	/* the Dutch words, with spaces, as a coach writes them by hand in the plan */
	p = load("evaluations:\n  - date: 2026-03-01\n    summary: Begin.\n",
		 "evaluations:\n  - date: 2026-03-01\n    summary: Begin.\n"
		 "    goals: {G1: deels behaald, G2: blijvend ondersteuning nodig}\n");
	ok(p && p->nevals == 1 && p->evals[0].ngoals == 2 &&
		   p->evals[0].goals[0].status == GOAL_PARTLY &&
		   p->evals[0].goals[1].status == GOAL_PERMANENT,
	   "results: words of more than one read in a flow mapping");
	plan_free(p);
	p = load("    status: open\n", "    status: niet behaald\n");
	ok(p && p->goals[0].status == GOAL_NOT_ACHIEVED, "results: and as a goal's status");
	plan_free(p);
}

/* plan_record on a file: the plan replaced, or with dry left as it was. */
static void file(void)
{
	const char *path = scratch_path("P-1.yaml");
	write_file(path, plan_text, strlen(plan_text));
	struct record r = {day("2026-07-01"), "Proef", NULL, 0, DATE_NONE, 0, DATE_NONE,
			   RECORD_NO_UWV_FIELDS};
	struct buf dry = {0};
	ok(plan_record(path, &r, day("2026-07-01"), 0, &dry) == 0 && strstr(buf_str(&dry), "summary: Proef"),
	   "plan_record with dry: the new plan in the buffer");
	char *s = read_file(path, NULL);
	is_str(s, plan_text, "and the file untouched");
	free(s);
	buf_free(&dry);
	r = (struct record){day("2026-07-01"), "Echt", NULL, 0, DATE_NONE, 0, DATE_NONE,
			    RECORD_NO_UWV_FIELDS};
	ok(plan_record(path, &r, day("2026-07-01"), 0, NULL) == 0, "plan_record");
	s = read_file(path, NULL);
	ok(s && strstr(s, "summary: Echt\n") && strstr(s, "next: 2027-01-01\n"), "replaces the plan");
	free(s);
	capture_start();
	int rc = plan_record(scratch_path("P-9.yaml"), &r, day("2026-07-01"), 0, NULL);
	char *err = capture_end();
	ok(rc < 0 && strstr(err, "no such plan"), "a missing plan: %s", first_line(err));
	free(err);
}

int main(void)
{
	err_init("test-record");
	refusals();
	records();
	late();
	text();
	results();
	file();
	return tap_done();
}
