/* test-date: calendar days, months that end early, leap years, ISO weeks. */
#include "coachplan.h"
#include "tap.h"

static int day(const char *s)
{
	int d = DATE_NONE;
	const char *why = date_parse(s, strlen(s), &d);
	return why ? DATE_NONE : d;
}

static const char *fmt(int d)
{
	static char out[4][11];
	static int turn;
	turn = (turn + 1) % 4;
	date_format(d, out[turn]);
	return out[turn];
}

static void parsing(void)
{
	static const struct {
		const char *in;
		int valid;
	} cases[] = {
		{"2026-01-05", 1}, {"2024-02-29", 1}, {"2000-02-29", 1}, {"1900-02-28", 1},
		{"2026-12-31", 1}, {"2026-02-29", 0}, {"1900-02-29", 0}, {"2100-02-29", 0},
		{"2026-04-31", 0}, {"2026-13-01", 0}, {"2026-00-10", 0}, {"2026-01-00", 0},
		{"2026-1-5", 0},   {"26-01-05", 0},   {"2026/01/05", 0}, {"2026-01-05x", 0},
		{"", 0},           {"abcd-ef-gh", 0}, {"1899-12-31", 0}, {"3000-01-01", 0},
		{" 2026-01-05", 0},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		int d;
		const char *why = date_parse(cases[i].in, strlen(cases[i].in), &d);
		ok((why == NULL) == cases[i].valid, "date_parse(\"%s\") %s", cases[i].in,
		   cases[i].valid ? "accepts" : "refuses");
		if (why == NULL && cases[i].valid)
			is_str(fmt(d), cases[i].in, "date_format round trip of %s", cases[i].in);
	}
	is_int(day("1970-01-01"), 0, "day 0 is 1970-01-01");
	is_int(day("2026-01-01") - day("2025-01-01"), 365, "2025 has 365 days");
	is_int(day("2025-01-01") - day("2024-01-01"), 366, "2024 has 366 days");
}

static void months(void)
{
	static const struct {
		const char *from;
		int months;
		const char *want;
	} cases[] = {
		{"2026-01-05", 6, "2026-07-05"},  {"2026-01-31", 1, "2026-02-28"},
		{"2024-01-31", 1, "2024-02-29"},  {"2026-08-31", 6, "2027-02-28"},
		{"2026-03-31", -1, "2026-02-28"}, {"2026-01-15", -1, "2025-12-15"},
		{"2024-02-29", 12, "2025-02-28"}, {"2024-02-29", 48, "2028-02-29"},
		{"2026-12-31", 1, "2027-01-31"},  {"2026-05-31", 3, "2026-08-31"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
		is_str(fmt(date_add_months(day(cases[i].from), cases[i].months)), cases[i].want,
		       "%s %+d months", cases[i].from, cases[i].months);
	struct interval m1 = {1, 'm'};
	is_str(fmt(date_add_interval(day("2026-01-31"), m1, 2)), "2026-03-31",
	       "the 31st twice a month on stays the 31st, not the 28th");
	is_str(fmt(plan_default_end(FUNDER_UWV, day("2026-01-05"))), "2029-01-04",
	       "UWV: start + 3 years - 1 day");
	is_str(fmt(plan_default_end(FUNDER_UWV, day("2024-02-29"))), "2027-02-27",
	       "UWV from a leap day");
	ok(plan_default_end(FUNDER_GEMEENTE, day("2026-01-05")) == DATE_NONE, "gemeente: no end");
}

static void weeks(void)
{
	static const struct {
		const char *date;
		int year, week, weekday;
	} cases[] = {
		{"2026-01-01", 2026, 1, 4},  {"2025-12-29", 2026, 1, 1},  {"2020-12-31", 2020, 53, 4},
		{"2021-01-03", 2020, 53, 7}, {"2021-01-04", 2021, 1, 1},  {"2026-03-02", 2026, 10, 1},
		{"2026-12-31", 2026, 53, 4}, {"2027-01-03", 2026, 53, 7}, {"2024-12-30", 2025, 1, 1},
		{"2008-12-29", 2009, 1, 1},  {"2010-01-03", 2009, 53, 7},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		int y, w;
		date_isoweek(day(cases[i].date), &y, &w);
		ok(y == cases[i].year && w == cases[i].week, "%s is %d-W%02d (got %d-W%02d)",
		   cases[i].date, cases[i].year, cases[i].week, y, w);
		is_int(date_weekday(day(cases[i].date)), cases[i].weekday, "weekday of %s",
		       cases[i].date);
	}
}

static void intervals(void)
{
	static const struct {
		const char *in;
		int n;
		char unit;
	} cases[] = {{"6m", 6, 'm'}, {"3m", 3, 'm'}, {"2w", 2, 'w'}, {"14d", 14, 'd'},
		     {"1y", 1, 'y'}, {"0m", 0, 0},   {"m", 0, 0},     {"6", 0, 0},
		     {"6x", 0, 0},   {"6mm", 0, 0},  {"-1m", 0, 0},   {"121m", 0, 0}};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		struct interval iv = {0, 0};
		const char *why = interval_parse(cases[i].in, strlen(cases[i].in), &iv);
		if (cases[i].unit)
			ok(!why && iv.n == cases[i].n && iv.unit == cases[i].unit, "interval %s",
			   cases[i].in);
		else
			ok(why != NULL, "interval %s refused", cases[i].in);
	}
}

int main(void)
{
	parsing();
	months();
	weeks();
	intervals();
	return tap_done();
}
