/* test-satisfaction: the marks of evaluations per funder and coach
 * (satisfaction.c): means to one decimal, response rates, UWV's 6.5
 * norm, the coach responsible on the day, the funder of the grant of the
 * day, the period and the filters; and the tenths cell that shows a mean. */
#include "coachplan.h"
#include "tap.h"
#include "util.h"

static int day(const char *s)
{
	int d = DATE_NONE;
	return date_parse(s, strlen(s), &d) ? DATE_NONE : d;
}

/* A plan from YAML; NULL, with a failed check, if it does not read. */
static struct plan *plan_of(const char *yaml)
{
	int status;
	char *src = xstrdup(yaml);
	capture_start();
	struct plan *p = plan_parse("plans/P-1.yaml", src, strlen(src), &status);
	char *err = capture_end();
	if (!p)
		ok(0, "the plan reads: %s", err);
	free(err);
	return p;
}

static const char v1[] = "version: 1\nid: P-1\nparticipant:\n  name: Bart de Wit\n"
			 "coach: robin\nfunder: uwv\nstart: 2026-01-05\n"
			 "goals:\n  - {id: G1, text: Kassa}\nevaluations:\n";

static const char v2[] = "version: 2\nid: P-1\nparticipant:\n  name: Bart de Wit\n"
			 "coach: robin\nfunder: gemeente\nstart: 2026-01-05\n"
			 "goals:\n  - {id: G1, text: Kassa}\n"
			 "grants:\n  - {from: 2026-01-05, to: 2026-06-30, funder: uwv, hours: 40}\n"
			 "  - {from: 2026-07-01, to: 2026-12-31, hours: 30}\n"
			 "coaches:\n  - {from: 2026-01-05, coach: robin}\n"
			 "  - {from: 2026-06-01, coach: kim}\n"
			 "evaluations:\n";

/* The plan head and its evaluations, counted over period in by s. */
static void add(struct satisfaction *s, const char *head, const char *evals)
{
	struct buf b = {0};
	buf_printf(&b, "%s%s", head, evals);
	struct plan *p = plan_of(b.s);
	if (p)
		satisfaction_plan(s, p);
	plan_free(p);
	buf_free(&b);
}

static const struct marks *coach(const struct satisfaction *s, const char *name)
{
	for (size_t i = 0; i < s->ncoaches; i++)
		if (!strcmp(s->coaches[i].coach, name))
			return &s->coaches[i].m;
	return NULL;
}

static void means(void)
{
	is_int(marks_mean(0, 0), -1, "no marks: no mean");
	is_int(marks_mean(75, 1), 75, "one mark is its own mean");
	is_int(marks_mean(215, 3), 72, "7.17 is shown 7.2");
	is_int(marks_mean(145, 2), 73, "7.25 rounds half up to 7.3");
	is_int(marks_mean(129, 2), 65, "6.45 rounds to 6.5");
	struct marks m = {4, 2, 2, 130, 2, 129};
	is_int(marks_below(&m), 0, "6.5 and 6.45 (shown 6.5) meet the norm: it is the mean shown");
	m.employer_sum = 128;
	is_int(marks_below(&m), BELOW_EMPLOYER, "6.4 is under the norm");
	m.employee_sum = 120;
	is_int(marks_below(&m), BELOW_EMPLOYEE | BELOW_EMPLOYER, "both under");
	m.employee_n = m.employer_n = 0;
	is_int(marks_below(&m), 0, "no marks, no flag");
}

static void counting(void)
{
	struct period y;
	period_parse("2026", day("2026-11-23"), &y);
	struct satisfaction s;
	satisfaction_init(&s, &y, -1, NULL);
	add(&s, v1,
	    "  - {date: 2025-12-01, summary: a, marks: {employee: 9, employer: 9}}\n"
	    "  - {date: 2026-03-01, summary: b, marks: {employee: 7.5, employer: 6}}\n"
	    "  - {date: 2026-09-01, summary: c, marks: {employee: 8}}\n"
	    "  - {date: 2026-10-01, summary: d}\n"
	    "  - {date: 2027-01-04, summary: e, marks: {employee: 1, employer: 1}}\n");
	const struct marks *u = &s.funders[FUNDER_UWV];
	is_int(u->held, 3, "evaluations held in the period, not before or after");
	is_int(u->marked, 2, "... of them with a mark");
	is_int(u->employee_n, 2, "employee marks");
	is_int(marks_mean(u->employee_sum, u->employee_n), 78, "employee mean 7.75 shown 7.8");
	is_int(u->employer_n, 1, "an evaluation with only the employee's mark");
	is_int(marks_mean(u->employer_sum, u->employer_n), 60, "employer mean 6.0");
	is_int(marks_below(u), BELOW_EMPLOYER, "the employer's under 6.5");
	struct cell rate = cell_percent(u->marked, u->held);
	char buf[32];
	is_str(cell_format(&rate, 0, buf), "66.7", "response rate 2 of 3");
	ok(coach(&s, "robin") && coach(&s, "robin")->held == 3, "the plan's coach: without spans");
	is_int(s.total.held, 3, "the total");
	satisfaction_free(&s);
}

static void by_date(void)
{
	struct period y;
	period_parse("2026", day("2026-11-23"), &y);
	struct satisfaction s;
	satisfaction_init(&s, &y, -1, NULL);
	add(&s, v2,
	    "  - {date: 2026-04-01, summary: a, marks: {employee: 6, employer: 7}}\n"
	    "  - {date: 2026-06-01, summary: b, marks: {employee: 8, employer: 8}}\n"
	    "  - {date: 2026-07-01, summary: c, marks: {employee: 9}}\n");
	is_int(s.funders[FUNDER_UWV].held, 2, "the UWV grant's days are UWV's, its last too");
	is_int(s.funders[FUNDER_GEMEENTE].held, 1, "the next grant's first day is the plan's funder's");
	const struct marks *r = coach(&s, "robin"), *k = coach(&s, "kim");
	ok(r && r->held == 1 && r->employee_sum == 60, "robin before the hand-over");
	ok(k && k->held == 2 && k->employee_sum == 170, "kim from its day on");
	is_int(s.ncoaches, 2, "two coaches");
	is_str(s.coaches[0].coach, "kim", "coaches by name");
	satisfaction_free(&s);

	satisfaction_init(&s, &y, FUNDER_GEMEENTE, NULL);
	add(&s, v2,
	    "  - {date: 2026-04-01, summary: a, marks: {employee: 6, employer: 7}}\n"
	    "  - {date: 2026-08-01, summary: b, marks: {employee: 8, employer: 8}}\n");
	is_int(s.total.held, 1, "--funder: the funder of the day");
	is_int(s.funders[FUNDER_UWV].held, 0, "... not the other grant's");
	satisfaction_free(&s);

	satisfaction_init(&s, &y, -1, "robin");
	add(&s, v2,
	    "  - {date: 2026-04-01, summary: a, marks: {employee: 6, employer: 7}}\n"
	    "  - {date: 2026-08-01, summary: b, marks: {employee: 8, employer: 8}}\n");
	is_int(s.total.held, 1, "--coach: the coach responsible on the day");
	is_int(s.ncoaches, 1, "... only that coach");
	satisfaction_free(&s);
}

static void tenths(void)
{
	char buf[32];
	struct cell c = cell_tenths(72);
	is_str(cell_format(&c, 0, buf), "7.2", "a mean for programs");
	c = cell_tenths(90);
	is_str(cell_format(&c, 0, buf), "9.0", "one decimal always");
	is_int(cell_tenths(-1).kind, CELL_EMPTY, "no mean is empty");
}

int main(void)
{
	means();
	counting();
	by_date();
	tenths();
	return tap_done();
}
