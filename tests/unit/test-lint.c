/* test-lint: cp-check's checks of one plan or one sheet, and what they count (lint.c). */
#include <sys/stat.h>

#include "coachplan.h"
#include "tap.h"
#include "util.h"

#define HEADER "date,coach,plan,goal,mode,minutes,note\n"
#define GOOD_PLAN                                                                             \
	"participant: {name: X}\nfunder: gemeente\nstart: 2026-01-05\n"                     \
	"goals:\n  - {id: G1, text: a}\n  - {id: G2, text: b}\n"

static char plans[512];

static void write_plan(const char *id, const char *body)
{
	char path[600], text[512];
	snprintf(path, sizeof path, "%s/%s.yaml", plans, id);
	snprintf(text, sizeof text, "id: %s\n%s", id, body);
	write_file(path, text, strlen(text));
}

static const char *plan_file(const char *id)
{
	static char path[600];
	snprintf(path, sizeof path, "%s/%s.yaml", plans, id);
	return path;
}

static void setup(void)
{
	snprintf(plans, sizeof plans, "%s", scratch_path("plans"));
	mkdir(plans, 0700);
	write_plan("P-1", GOOD_PLAN);
	write_plan("P-2", "participant: {name: X}\nfunder: bank\nstart: 2026-02-30\n");
	write_plan("P-3", GOOD_PLAN "status: closed\n");
	write_plan("P-bad", "participant: {name: X}\nstart: 2026-13-01\n");
}

struct linted {
	int rc;
	unsigned long errors;
	char *err;
};

static struct linted lint_one(struct lint *l, const char *path, int plan, int cached)
{
	unsigned long before = cp_errors();
	capture_start();
	struct linted r = {plan ? lint_plan(l, path, cached) : lint_sheet(l, path), 0, NULL};
	r.err = capture_end();
	r.errors = cp_errors() - before;
	return r;
}

static void plan_checks(void)
{
	static const struct {
		const char *id;
		int cache, cached, rc;
		unsigned long errors;
		const char *first, *second;
	} cases[] = {
		{"P-1", 1, 1, 0, 0, NULL, NULL},
		{"P-1", 0, 0, 0, 0, NULL, NULL},
		/* every problem of a plan at once, not the first only */
		{"P-2", 1, 1, -1, 2, "P-2.yaml:3:9: unknown funder", "P-2.yaml:4:8: start: no such day"},
		{"P-2", 1, 0, -1, 2, "P-2.yaml:3:9: unknown funder", "P-2.yaml:4:8: start: no such day"},
		{"P-2", 0, 0, -1, 2, "P-2.yaml:3:9: unknown funder", "P-2.yaml:4:8: start: no such day"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		struct lint l = {cases[i].cache ? plancache_new(plans) : NULL, date_from_ymd(2026, 6, 1),
				 0, 0, 0, 0, 0, 0, 0, NULL, 0, 0, 0, NULL};
		struct linted r = lint_one(&l, plan_file(cases[i].id), 1, cases[i].cached);
		const char *how = cases[i].cache ? cases[i].cached ? "through the cache" : "beside a cache"
						 : "without a cache";
		is_int(r.rc, cases[i].rc, "%s %s: %d", cases[i].id, how, cases[i].rc);
		is_int(r.errors, cases[i].errors, "%s %s: %lu errors", cases[i].id, how, cases[i].errors);
		ok(l.plans == 1 && l.bad_plans == (cases[i].rc < 0), "%s %s: counted", cases[i].id, how);
		if (cases[i].first)
			ok(strstr(r.err, cases[i].first) && strstr(r.err, cases[i].second),
			   "%s %s: both reported at their place", cases[i].id, how);
		else
			is_str(r.err, "", "%s %s: without a word", cases[i].id, how);
		free(r.err);
		lint_free(&l);
	}
}

static const char sheet[] = HEADER
	"2026-03-02,robin,P-1,G1,onsite,90,good\n"
	"2026-03-03,robin,P-9,,phone,30,no such plan\n"
	"2026-03-04,robin,P-1,G7,phone,30,no such goal\n"
	"2025-12-01,robin,P-1,,phone,30,before the plan\n"
	"2026-03-05,robin,P-1,G2,fiets,30,no such mode\n"
	"2026-03-06,robin,P-3,,phone,30,closed since: fine\n"
	"2026-09-01,robin,P-1,G2,email,15,logged ahead: fine\n";

static void sheet_checks(void)
{
	const char *path = scratch_path("robin.csv");
	write_file(path, sheet, strlen(sheet));
	static const char *const want[] = {
		"robin.csv:3:18: unknown plan \"P-9\"",
		"robin.csv:4:22: plan P-1 has no goal \"G7\"",
		"robin.csv:5:1: 2025-12-01 lies outside plan P-1",
		"robin.csv:6:25: unknown mode",
	};
	struct lint l = {plancache_new(plans), date_from_ymd(2026, 6, 1),
			 0, 0, 0, 0, 0, 0, 0, NULL, 0, 0, 0, NULL};
	struct linted r = lint_one(&l, path, 0, 0);
	is_int(r.rc, -1, "a sheet with bad lines: -1");
	is_int(r.errors, 4, "four errors");
	is_int(count_messages(r.err), 4, "four messages");
	for (size_t i = 0; i < sizeof want / sizeof *want; i++)
		ok(strstr(r.err, want[i]), "reported: %s", want[i]);
	ok(l.sheets == 1 && l.lines == 7 && l.bad_sheets == 1 && l.bad_plans == 0 && l.plan_errors == 0,
	   "counted: 1 sheet of 7 lines, 1 bad, no bad plan");
	free(r.err);

	/* a sheet read without plans: only what the sheet itself can tell */
	struct lint alone = {NULL, date_from_ymd(2026, 6, 1), 0, 0, 0, 0, 0, 0, 0, NULL, 0, 0, 0, NULL};
	r = lint_one(&alone, path, 0, 0);
	ok(r.rc == -1 && r.errors == 1 && strstr(r.err, "robin.csv:6:25: unknown mode"),
	   "without plans: the bad mode only");
	free(r.err);

	/* at most max_errors printed, the rest counted and said to be there */
	struct lint capped = {l.cache, date_from_ymd(2026, 6, 1), 2, 0, 0, 0, 0, 0, 0, NULL, 0, 0, 0, NULL};
	r = lint_one(&capped, path, 0, 0);
	ok(r.rc == -1 && r.errors == 4, "max_errors 2: all four counted");
	is_int(count_messages(r.err), 3, "two printed, and one line for the rest");
	ok(strstr(r.err, "robin.csv: 2 more errors not shown") != NULL, "2 more errors not shown");
	free(r.err);
	capped.cache = NULL; /* l's */
	lint_free(&capped);
	lint_free(&alone);
	lint_free(&l);
}

/* A line on a plan that does not read: the plan's errors, not the line's. */
static void plan_of_a_line(void)
{
	static const char text[] = HEADER "2026-03-02,robin,P-bad,,onsite,90,x\n"
					  "2026-03-03,robin,P-bad,,onsite,90,y\n";
	const char *path = scratch_path("sam.csv");
	write_file(path, text, strlen(text));
	struct lint l = {plancache_new(plans), date_from_ymd(2026, 6, 1),
			 0, 0, 0, 0, 0, 0, 0, NULL, 0, 0, 0, NULL};
	struct linted r = lint_one(&l, path, 0, 0);
	is_int(r.rc, 0, "the sheet itself is good");
	ok(r.errors == 1 && strstr(r.err, "P-bad.yaml:3:8:"), "the plan reported once: %s",
	   first_line(r.err));
	ok(l.bad_sheets == 0 && l.bad_plans == 1 && l.plan_errors == 1, "and counted as the plan's");
	free(r.err);
	lint_free(&l);

	/* max_errors caps the sheet's errors, not those of a plan it reads */
	static const char late[] = HEADER "2026-03-03,robin,P-9,,phone,30,a\n"
					  "2026-03-03,robin,P-8,,phone,30,b\n"
					  "2026-03-03,robin,P-bad,,phone,30,c\n";
	write_file(path, late, strlen(late));
	struct lint capped = {plancache_new(plans), date_from_ymd(2026, 6, 1),
			 1, 0, 0, 0, 0, 0, 0, NULL, 0, 0, 0, NULL};
	r = lint_one(&capped, path, 0, 0);
	ok(r.rc == -1 && r.errors == 3, "max_errors 1: three errors counted");
	ok(strstr(r.err, "P-bad.yaml:3:8:") != NULL, "the plan's error after the cap is shown");
	ok(strstr(r.err, "sam.csv: 1 more error not shown") != NULL, "the sheet's second one is not");
	free(r.err);
	lint_free(&capped);
}

int main(void)
{
	err_init("test-lint");
	setup();
	plan_checks();
	sheet_checks();
	plan_of_a_line();
	return tap_done();
}
