/* test-due: what needs a coach's attention (due.c): evaluations, ends, quiet plans, phase-out. */
#include "coachplan.h"
#include "tap.h"
#include "util.h"

static int day(const char *s)
{
	int d = DATE_NONE;
	return s && date_parse(s, strlen(s), &d) ? DATE_NONE : d;
}

/* A plan from YAML after its id and names; NULL, with a failed check, if it does not read.
 * The plan keeps the file name: a literal outlives it. */
static struct plan *plan_named(const char *file, const char *names, const char *body)
{
	struct buf t = {0};
	int status;
	const char *id = strrchr(file, '/') + 1;
	buf_printf(&t, "id: %.*s\n%s%s", (int)strcspn(id, "."), id, names, body);
	capture_start();
	struct plan *p = plan_parse(file, t.s, t.len, &status);
	char *err = capture_end();
	if (!p)
		ok(0, "the plan reads: %s", err);
	free(err);
	return p;
}

static struct plan *plan_of(const char *body)
{
	return plan_named("plans/P-1.yaml", "participant:\n  name: Bart de Wit\ncoach: robin\n",
			  body);
}

/* The note of what the plan shows on the day, NULL if it does not show that. */
static const char *shown(const char *body, int what, const struct due_opts *o, int contact,
			 int *date)
{
	static struct buf note;
	struct duelist l = {0};
	struct plan *p = plan_of(body);
	if (!p)
		return "(no plan)";
	due_plan(&l, p, o, contact);
	plan_free(p);
	const char *s = NULL;
	for (size_t i = 0; i < l.n; i++)
		if (l.v[i].what == what) {
			s = due_note(&note, &l.v[i], o->on);
			if (date)
				*date = l.v[i].date;
		}
	due_free(&l);
	return s;
}

static void evaluations(void)
{
	static const struct {
		const char *on;
		struct interval within;
		const char *next, *note; /* NULL: not listed */
	} cases[] = {
		{"2026-03-04", {2, 'w'}, "2026-03-04", "due today"},
		{"2026-03-04", {2, 'w'}, "2026-03-05", "due in 1 day"},
		{"2026-03-04", {2, 'w'}, "2026-03-18", "due in 14 days"},
		{"2026-03-04", {2, 'w'}, "2026-03-19", NULL},
		{"2026-03-04", {2, 'w'}, "2026-03-03", "1 day overdue"},
		{"2026-03-04", {2, 'w'}, "2025-12-04", "90 days overdue"},
		{"2026-03-04", {0, 'd'}, "2026-03-04", "due today"},
		{"2026-03-04", {0, 'd'}, "2026-03-05", NULL},
		{"2028-02-28", {1, 'd'}, "2028-02-29", "due in 1 day"},
		{"2028-03-01", {2, 'w'}, "2028-02-29", "1 day overdue"},
		{"2028-02-15", {2, 'w'}, "2028-02-29", "due in 14 days"},
		{"2028-02-15", {2, 'w'}, "2028-03-01", NULL},
		{"2027-02-15", {2, 'w'}, "2027-03-01", "due in 14 days"},
		/* a month's window from the 31st ends on the month's last day */
		{"2026-01-31", {1, 'm'}, "2026-02-28", "due in 28 days"},
		{"2026-01-31", {1, 'm'}, "2026-03-01", NULL},
		{"2028-01-31", {1, 'm'}, "2028-02-29", "due in 29 days"},
		{"2026-03-31", {1, 'm'}, "2026-04-30", "due in 30 days"},
		{"2026-03-31", {1, 'm'}, "2026-05-01", NULL},
		{"2026-12-31", {2, 'w'}, "2027-01-14", "due in 14 days"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		char body[256];
		int on = day(cases[i].on);
		struct due_opts o = {on, date_add_interval(on, cases[i].within, 1), on, {0, 'd'}, 0, NULL, 0};
		snprintf(body, sizeof body,
			 "funder: gemeente\nstart: 2025-06-01\nevaluation:\n  next: %s\n",
			 cases[i].next);
		is_str(shown(body, DUE_EVALUATION, &o, DATE_NONE, NULL), cases[i].note,
		       "evaluation %s, on %s within %d%c", cases[i].next, cases[i].on,
		       cases[i].within.n, cases[i].within.unit);
	}
}

/* Ends are listed up to three months ahead, as cp-evaluate asks. */
static void ends(void)
{
	static const struct {
		const char *plan, *on, *note;
	} cases[] = {
		{"funder: uwv\nstart: 2026-01-05\n", "2028-10-03", NULL},
		{"funder: uwv\nstart: 2026-01-05\n", "2028-10-04", "UWV 3-year limit in 92 days"},
		{"funder: uwv\nstart: 2026-01-05\n", "2029-01-03", "UWV 3-year limit in 1 day"},
		{"funder: uwv\nstart: 2026-01-05\n", "2029-01-04", "UWV 3-year limit today"},
		{"funder: uwv\nstart: 2026-01-05\n", "2029-01-05",
		 "UWV 3-year limit passed 1 day ago: close or extend the plan"},
		{"funder: uwv\nstart: 2026-01-05\n", "2029-02-05",
		 "UWV 3-year limit passed 32 days ago: close or extend the plan"},
		/* the limit on a leap day, three months to the day ahead */
		{"funder: uwv\nstart: 2025-03-01\n", "2027-11-28", NULL},
		{"funder: uwv\nstart: 2025-03-01\n", "2027-11-29", "UWV 3-year limit in 92 days"},
		/* three months after Aug 30 and Aug 31 are both Nov 30 */
		{"funder: uwv\nstart: 2025-12-01\n", "2028-08-29", NULL},
		{"funder: uwv\nstart: 2025-12-01\n", "2028-08-30", "UWV 3-year limit in 92 days"},
		{"funder: uwv\nstart: 2025-12-01\n", "2028-08-31", "UWV 3-year limit in 91 days"},
		{"funder: uwv\nstart: 2026-01-05\nend: 2027-06-30\n", "2027-06-30",
		 "plan end today"},
		{"funder: werkgever\nstart: 2026-01-05\nend: 2026-12-31\n", "2026-12-30",
		 "plan end in 1 day"},
		{"funder: gemeente\nstart: 2026-01-05\n", "2099-01-01", NULL},
		{"funder: uwv\nstart: 2026-01-05\nstatus: paused\n", "2029-01-05",
		 "UWV 3-year limit passed 1 day ago: close or extend the plan"},
		{"funder: uwv\nstart: 2026-01-05\nstatus: closed\n", "2029-01-05", NULL},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		int on = day(cases[i].on);
		struct due_opts o = {on, on, date_add_months(on, 3), {0, 'd'}, 0, NULL, 0};
		is_str(shown(cases[i].plan, DUE_END, &o, DATE_NONE, NULL), cases[i].note,
		       "end of plan %zu on %s", i, cases[i].on);
	}
}

static void quiet(void)
{
	static const struct {
		const char *start, *contact, *on;
		struct interval quiet;
		const char *date, *note; /* NULL: not listed */
	} cases[] = {
		{"2026-01-05", "2026-02-18", "2026-03-04", {14, 'd'}, "2026-03-04",
		 "no contact logged since 2026-02-18"},
		{"2026-01-05", "2026-02-19", "2026-03-04", {14, 'd'}, NULL, NULL},
		{"2026-01-05", "2026-03-04", "2026-03-04", {14, 'd'}, NULL, NULL},
		{"2026-01-05", NULL, "2026-03-04", {14, 'd'}, "2026-01-19",
		 "no contact logged since the start"},
		{"2026-02-18", NULL, "2026-03-04", {2, 'w'}, "2026-03-04",
		 "no contact logged since the start"},
		{"2026-02-19", NULL, "2026-03-04", {2, 'w'}, NULL, NULL},
		/* contact before the start (an intake): the quiet counts from the start */
		{"2026-02-19", "2026-01-10", "2026-03-05", {2, 'w'}, "2026-03-05",
		 "no contact logged since 2026-01-10"},
		{"2026-03-05", NULL, "2026-03-04", {1, 'd'}, NULL, NULL},
		{"2026-01-05", "2026-01-31", "2026-02-28", {1, 'm'}, "2026-02-28",
		 "no contact logged since 2026-01-31"},
		{"2026-01-05", "2026-01-31", "2026-02-27", {1, 'm'}, NULL, NULL},
		{"2026-01-05", "2028-01-31", "2028-02-29", {1, 'm'}, "2028-02-29",
		 "no contact logged since 2028-01-31"},
		{"2026-01-05", NULL, "2026-03-04", {0, 'd'}, NULL, NULL},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		char body[256];
		int on = day(cases[i].on), date = DATE_NONE;
		struct due_opts o = {on, on, on, cases[i].quiet, 0, NULL, 0};
		snprintf(body, sizeof body,
			 "funder: gemeente\nstart: %s\nevaluation:\n  next: 2030-01-01\n",
			 cases[i].start);
		const char *note = shown(body, DUE_QUIET, &o, day(cases[i].contact), &date);
		is_str(note, cases[i].note, "quiet %d%c: start %s, contact %s, on %s",
		       cases[i].quiet.n, cases[i].quiet.unit, cases[i].start,
		       cases[i].contact ? cases[i].contact : "none", cases[i].on);
		if (cases[i].date)
			is_int(date, day(cases[i].date), "... quiet since %s", cases[i].date);
	}
}

static void phase_out(void)
{
	static const struct {
		const char *why, *goals, *rest, *date; /* NULL: not listed */
	} cases[] = {
		{"achieved and dropped",
		 "[{id: G1, text: a, status: achieved}, {id: G2, text: b, status: dropped}]", "",
		 "2026-03-04"},
		{"since the last evaluation", "[{id: G1, text: a, status: achieved}]",
		 "evaluations:\n  - date: 2026-02-01\n", "2026-02-01"},
		{"an evaluation dated ahead counts from today",
		 "[{id: G1, text: a, status: achieved}]", "evaluations:\n  - date: 2026-03-10\n",
		 "2026-03-04"},
		{"paused", "[{id: G1, text: a, status: achieved}]", "status: paused\n", NULL},
		{"one goal open",
		 "[{id: G1, text: a, status: achieved}, {id: G2, text: b, status: open}]", "",
		 NULL},
		{"all dropped", "[{id: G1, text: a, status: dropped}]", "", NULL},
		{"no goals", "[]", "", NULL},
	};
	static const char reached[] = "all goals reached: phase out the coaching (afbouwen)";
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		char body[512];
		int on = day("2026-03-04"), date = DATE_NONE;
		struct due_opts o = {on, on, on, {0, 'd'}, 0, NULL, 0};
		snprintf(body, sizeof body, "funder: gemeente\nstart: 2025-01-06\ngoals: %s\n%s",
			 cases[i].goals, cases[i].rest);
		const char *note = shown(body, DUE_PHASEOUT, &o, DATE_NONE, &date);
		is_str(note, cases[i].date ? reached : NULL, "phase-out: %s", cases[i].why);
		if (cases[i].date)
			is_int(date, day(cases[i].date), "... dated %s", cases[i].date);
	}
}

/* Every signal at once: a closed plan still shows none, a paused one only its end. */
static void closed_and_paused(void)
{
	static const char *const status[] = {"closed", "paused", "active"};
	static const size_t want[] = {0, 1, 4};
	int on = day("2029-03-04");
	struct due_opts o = {on, on, date_add_months(on, 3), {14, 'd'}, 0, NULL, 0};
	for (size_t i = 0; i < 3; i++) {
		char body[256];
		snprintf(body, sizeof body,
			 "funder: uwv\nstart: 2026-01-05\nevaluation:\n  next: 2028-01-01\n"
			 "goals: [{id: G1, text: a, status: achieved}]\nstatus: %s\n", status[i]);
		struct duelist l = {0};
		struct plan *p = plan_of(body);
		if (p)
			due_plan(&l, p, &o, DATE_NONE);
		is_int(l.n, want[i], "a %s plan with every signal gives %zu items", status[i],
		       want[i]);
		plan_free(p);
		due_free(&l);
	}
}

/* The list outlives the plans it was made from: cp-evaluate frees each after its scan. */
static void kept(void)
{
	struct duelist l = {0};
	int on = day("2026-03-04");
	struct due_opts o = {on, on, on, {0, 'd'}, 0, NULL, 0};
	struct plan *p = plan_of("start: 2026-01-05\nevaluation:\n  next: 2026-03-01\n");
	if (!p)
		return;
	due_plan(&l, p, &o, DATE_NONE);
	plan_free(p);
	p = plan_named("plans/P-2.yaml", "participant:\n  name: X\n",
		       "start: 2026-01-05\nevaluation:\n  next: 2026-03-02\n");
	if (p)
		due_plan(&l, p, &o, DATE_NONE);
	plan_free(p);
	is_int(l.n, 2, "two evaluations");
	if (l.n == 2) {
		is_str(l.v[0].plan, "P-1", "the plan id is the list's own");
		is_str(l.v[0].name, "Bart de Wit", "so is the name");
		is_str(l.v[0].coach, "robin", "and the coach");
		is_str(l.v[1].coach, "", "no coach is empty");
	}
	due_free(&l);
}

/* With hours asked, a plan with a grant of hours is kept for due_hours,
 * read once; one without, and any without hours asked, is not. */
static void kept_for_hours(void)
{
	struct duelist l = {0};
	int on = day("2026-03-04");
	struct due_opts o = {on, on, on, {0, 'd'}, 0, NULL, 1};
	static const char granted[] = "version: 2\nfunder: uwv\nstart: 2026-01-05\n"
				      "grants:\n  - {from: 2026-01-05, to: 2026-07-04, hours: 40}\n";
	struct plan *p = plan_of(granted);
	ok(p && due_plan(&l, p, &o, DATE_NONE) == 1 && l.nhour_plans == 1 && l.hour_plans[0] == p,
	   "a plan with a grant of hours today: kept, the list owns it");
	p = plan_of("start: 2026-01-05\n");
	ok(p && due_plan(&l, p, &o, DATE_NONE) == 0 && l.nhour_plans == 1,
	   "one with none: not kept");
	plan_free(p);
	o.hours = 0;
	p = plan_of(granted);
	ok(p && due_plan(&l, p, &o, DATE_NONE) == 0 && l.nhour_plans == 1,
	   "without hours asked (--ics): not kept");
	plan_free(p);
	due_free(&l); /* frees the plan kept */
}

static void sorting(void)
{
	static const struct {
		int date;
		const char *plan;
		int what;
	} in[] = {
		{5, "P-2", DUE_EVALUATION}, {3, "P-9", DUE_QUIET},  {5, "P-1", DUE_PHASEOUT},
		{5, "P-1", DUE_EVALUATION}, {5, "P-10", DUE_END},   {-2, "P-3", DUE_END},
		{5, "P-1", DUE_END},
	};
	static const char *const want[] = {"-2 P-3 end", "3 P-9 quiet",     "5 P-1 evaluation",
					   "5 P-1 end",  "5 P-1 phase-out", "5 P-10 end",
					   "5 P-2 evaluation"};
	struct duelist l = {0};
	l.n = l.cap = sizeof in / sizeof *in;
	l.v = xcalloc(l.cap, sizeof *l.v);
	for (size_t i = 0; i < l.n; i++) {
		struct due_item d = {in[i].what, in[i].date, DATE_NONE, 0, in[i].plan, "", "", 0, 0, 0};
		l.v[i] = d;
	}
	due_sort(&l);
	for (size_t i = 0; i < l.n; i++) {
		char got[64];
		snprintf(got, sizeof got, "%d %s %s", l.v[i].date, l.v[i].plan,
			 due_what_name(l.v[i].what));
		is_str(got, want[i], "sorted %zu: by date, then plan, then what", i);
	}
	struct duelist empty = {0};
	due_sort(&empty);
	ok(empty.n == 0 && empty.v == NULL, "an empty list sorts");
	due_free(&l);
	due_free(&empty);
}

static void notes(void)
{
	static const struct {
		int what, date, since, flags;
		const char *note;
	} cases[] = {
		{DUE_EVALUATION, -1, 0, 0, "1 day overdue"},
		{DUE_EVALUATION, -3, 0, 0, "3 days overdue"},
		{DUE_EVALUATION, 0, 0, 0, "due today"},
		{DUE_EVALUATION, 1, 0, 0, "due in 1 day"},
		{DUE_EVALUATION, 2, 0, 0, "due in 2 days"},
		{DUE_END, -1, 0, DUE_UWV_LIMIT,
		 "UWV 3-year limit passed 1 day ago: close or extend the plan"},
		{DUE_END, -2, 0, 0, "plan end passed 2 days ago: close or extend the plan"},
		{DUE_END, 0, 0, DUE_UWV_LIMIT, "UWV 3-year limit today"},
		{DUE_END, 0, 0, 0, "plan end today"},
		{DUE_END, 1, 0, 0, "plan end in 1 day"},
		{DUE_END, 10, 0, DUE_UWV_LIMIT, "UWV 3-year limit in 10 days"},
		{DUE_QUIET, 0, DATE_NONE, 0, "no contact logged since the start"},
		{DUE_QUIET, 0, -14, 0, "no contact logged since 2026-02-18"},
		{DUE_PHASEOUT, -30, 0, 0, "all goals reached: phase out the coaching (afbouwen)"},
		{DUE_FOLLOWUP, 3, 59, 0,
		 "apply for a follow-up grant within 3 days: the grant ends on 2026-05-02"},
		{DUE_FOLLOWUP, 1, 57, 0,
		 "apply for a follow-up grant within 1 day: the grant ends on 2026-04-30"},
		{DUE_FOLLOWUP, 0, 56, 0, "apply for a follow-up grant today: the grant ends on 2026-04-29"},
		{DUE_FOLLOWUP, -56, 0, 0, "apply for a follow-up grant now: the grant ends on 2026-03-04"},
		{DUE_FOLLOWUP, -57, -1, 0,
		 "the grant ended on 2026-03-03; no follow-up grant is recorded"},
	};
	int on = day("2026-03-04");
	struct buf b = {0};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		int since = cases[i].since == DATE_NONE ? DATE_NONE : on + cases[i].since;
		struct due_item d = {cases[i].what, on + cases[i].date, since, cases[i].flags,
				     "P-1", "", "", 0, 0, 0};
		/* one buffer for all notes, as cp-evaluate keeps it */
		is_str(due_note(&b, &d, on), cases[i].note, "note %s %+d",
		       due_what_name(cases[i].what), cases[i].date);
	}
	/* a grant's hours: apply for a follow-up unless one is there already */
	static const struct {
		long used, granted;
		int flags;
		const char *note;
	} hours[] = {
		{1080, 1200, 0,
		 "18:00 of the 20:00 hours granted are logged: apply for a follow-up grant in time"},
		{1080, 1200, DUE_FOLLOWED, "18:00 of the 20:00 hours granted are logged"},
		{1200, 1200, 0,
		 "the 20:00 hours granted are used up (20:00 logged): apply for a follow-up grant"},
		{1290, 1200, DUE_FOLLOWED, "the 20:00 hours granted are used up (21:30 logged)"},
	};
	for (size_t i = 0; i < sizeof hours / sizeof *hours; i++) {
		struct due_item d = {DUE_HOURS, on, DATE_NONE, hours[i].flags, "P-1", "", "", 0,
				     hours[i].used, hours[i].granted};
		is_str(due_note(&b, &d, on), hours[i].note, "note hours %ld of %ld%s", hours[i].used,
		       hours[i].granted, hours[i].flags ? ", followed" : "");
	}
	buf_free(&b);
}

/* The follow-up of a plan's last grant (issue 16): listed the funder's
 * lead time before the grant ends (UWV: 8 weeks, a municipality 6, an
 * employer never), gone once a later grant is recorded, never for a
 * closed plan, a grant that ends with the plan, or a version 1 plan. */
static void followups(void)
{
	static const char v2[] = "version: 2\nfunder: uwv\nstart: 2026-01-05\n";
	static const char first[] = "grants:\n  - {from: 2026-01-05, to: 2026-07-04, hours: 60}\n";
	static const struct {
		const char *body, *on, *note; /* NULL: not listed */
		const char *date;             /* the day listed */
	} cases[] = {
		/* 8 weeks before 2026-07-04 is 2026-05-09; listed within 2 weeks of it */
		{"", "2026-04-24", NULL, NULL},
		{"", "2026-04-25",
		 "apply for a follow-up grant within 14 days: the grant ends on 2026-07-04",
		 "2026-05-09"},
		{"", "2026-05-09", "apply for a follow-up grant today: the grant ends on 2026-07-04",
		 "2026-05-09"},
		{"", "2026-07-04", "apply for a follow-up grant now: the grant ends on 2026-07-04",
		 "2026-05-09"},
		{"", "2026-08-01", "the grant ended on 2026-07-04; no follow-up grant is recorded",
		 "2026-05-09"},
		/* a follow-up recorded, or a strippenkaart after it: nothing to apply for */
		{"  - {from: 2026-07-05, length: 6m, hours: 40, kind: extension}\n", "2026-06-01",
		 NULL, NULL},
		{"  - {from: 2026-09-01, hours: 10, kind: strippenkaart, funder: werkgever}\n",
		 "2026-06-01", NULL, NULL},
		/* ...the follow-up's own follow-up, 8 weeks before 2027-01-04 */
		{"  - {from: 2026-07-05, length: 6m, hours: 40, kind: extension}\n", "2026-11-09",
		 "apply for a follow-up grant today: the grant ends on 2027-01-04", "2026-11-09"},
		/* a municipality's grant: 6 weeks; an employer's: no rule */
		{"  - {from: 2026-07-05, to: 2026-12-31, hours: 20, funder: gemeente}\n",
		 "2026-11-19", "apply for a follow-up grant today: the grant ends on 2026-12-31",
		 "2026-11-19"},
		{"  - {from: 2026-07-05, to: 2026-12-31, hours: 20, funder: werkgever}\n",
		 "2026-12-01", NULL, NULL},
		/* the grant ends with the plan: the end is listed, no follow-up */
		{"end: 2026-07-04\n", "2026-06-01", NULL, NULL},
		{"status: closed\n", "2026-06-01", NULL, NULL},
		{"status: paused\n", "2026-06-01",
		 "apply for a follow-up grant now: the grant ends on 2026-07-04", "2026-05-09"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		char body[512];
		int on = day(cases[i].on), date = DATE_NONE;
		struct due_opts o = {on, date_add_interval(on, (struct interval){2, 'w'}, 1),
				     date_add_months(on, 3), {0, 'd'}, 0, NULL, 0};
		if (cases[i].body[0] == ' ')
			snprintf(body, sizeof body, "%s%s%s", v2, first, cases[i].body);
		else
			snprintf(body, sizeof body, "%s%s%s", v2, cases[i].body, first);
		is_str(shown(body, DUE_FOLLOWUP, &o, DATE_NONE, &date), cases[i].note,
		       "follow-up %zu on %s", i, cases[i].on);
		if (cases[i].date)
			ok(date == day(cases[i].date), "... listed on %s", cases[i].date);
	}
	/* a version 1 plan keeps behaving as before: its budget periods are no grants */
	int on = day("2026-06-01");
	struct due_opts o = {on, date_add_months(on, 12), date_add_months(on, 3), {0, 'd'}, 0, NULL, 0};
	is_str(shown("funder: uwv\nstart: 2026-01-05\nbudget: {hours: 60}\n", DUE_FOLLOWUP, &o,
		     DATE_NONE, NULL),
	       NULL, "a version 1 plan's budget periods get no follow-up");
}

/* --coach: each item is the coach's who coaches the plan on its day, or
 * today when that has passed (coaches:); a plan without coaches: its coach:. */
static void coaches(void)
{
	static const char body[] = "version: 2\nfunder: uwv\nstart: 2026-01-05\n"
				   "evaluation: {next: %s}\n"
				   "coaches:\n  - {from: 2026-01-05, coach: robin}\n"
				   "  - {from: 2026-09-01, coach: kim}\n";
	static const struct {
		const char *on, *next, *coach, *who; /* who: the coach listed; NULL: not listed */
	} cases[] = {
		{"2026-08-20", "2026-08-31", "robin", "robin"},
		{"2026-08-20", "2026-08-31", "kim", NULL},
		{"2026-08-20", "2026-09-01", "kim", "kim"}, /* due after the hand-over */
		{"2026-08-20", "2026-09-01", "robin", NULL},
		{"2026-09-10", "2026-08-31", "kim", "kim"}, /* overdue: today's coach */
		{"2026-09-10", "2026-08-31", "robin", NULL},
		{"2026-08-20", "2026-09-01", NULL, "kim"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		char text[512];
		int on = day(cases[i].on);
		struct due_opts o = {on, date_add_months(on, 1), on, {0, 'd'}, 0, cases[i].coach, 0};
		snprintf(text, sizeof text, body, cases[i].next);
		struct duelist l = {0};
		struct plan *p = plan_of(text);
		if (p)
			due_plan(&l, p, &o, DATE_NONE);
		plan_free(p);
		is_str(l.n ? l.v[0].coach : NULL, cases[i].who, "on %s, next %s, --coach %s",
		       cases[i].on, cases[i].next, cases[i].coach ? cases[i].coach : "(none)");
		due_free(&l);
	}
}

static void names(void)
{
	static const char *const want[] = {"?",         "evaluation", "end",   "quiet",
					   "phase-out", "follow-up",  "hours", "?"};
	for (int w = -1; w <= DUE_COUNT; w++) {
		is_str(due_what_name(w), want[w + 1], "due_what_name(%d)", w);
		/* without a Dutch locale the labels are the names */
		is_str(due_what_label(w), want[w + 1], "due_what_label(%d)", w);
	}
}

static void contacts(void)
{
	static const char sheet[] = "date,coach,plan,goal,mode,minutes,note\n"
				    "2026-02-10,robin,P-1,G1,onsite,60,\n"
				    "2026-03-01,robin,P-1,,phone,15,\n"
				    "2026-02-20,anne,P-1,,phone,15,\n"
				    "2026-03-05,robin,P-1,,phone,15,the day after on\n"
				    "2026-03-05,robin,P-2,,phone,15,\n";
	const char *path = scratch_path("robin.csv");
	write_file(path, sheet, strlen(sheet));
	struct contacts *c = contacts_new();
	is_int(contacts_read(c, path, day("2026-03-04")), 0, "a sheet reads");
	is_int(contacts_last(c, "P-1"), day("2026-03-01"), "the last contact up to the day, "
							   "in any order");
	is_int(contacts_last(c, "P-2"), DATE_NONE, "contacts after the day do not count");
	is_int(contacts_last(c, "P-3"), DATE_NONE, "no contact: DATE_NONE");
	contacts_free(c);
	contacts_free(NULL);
}

int main(void)
{
	evaluations();
	ends();
	quiet();
	phase_out();
	closed_and_paused();
	kept();
	kept_for_hours();
	sorting();
	notes();
	names();
	followups();
	coaches();
	contacts();
	return tap_done();
}
