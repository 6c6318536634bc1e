/* test-date: calendar days, months that end early, leap years, ISO weeks,
 * intervals and today. */
#include <stdlib.h>

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
		{" 2026-01-05", 0}, {"2400-02-29", 1}, {"2028-02-29", 1}, {"2027-02-29", 0},
		{"2999-12-31", 1}, {"1900-01-01", 1}, {"2026-06-31", 0}, {"2026-09-31", 0},
		{"2026-11-31", 0}, {"2026-01-32", 0}, {"2026-12-32", 0}, {"2026-02-28", 1},
		{"+026-01-05", 0}, {"2026-0a-05", 0}, {"2026-01-05 ", 0},
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
		/* week 53 in leap years starting on Wednesday or Thursday, and not */
		{"2004-12-31", 2004, 53, 5}, {"2005-01-02", 2004, 53, 7}, {"2005-01-03", 2005, 1, 1},
		{"2015-12-31", 2015, 53, 4}, {"2016-01-03", 2015, 53, 7}, {"2016-01-04", 2016, 1, 1},
		{"2032-12-31", 2032, 53, 5}, {"2033-01-02", 2032, 53, 7}, {"2037-12-31", 2037, 53, 4},
		{"2025-12-28", 2025, 52, 7}, {"2025-12-29", 2026, 1, 1},  {"2026-12-28", 2026, 53, 1},
		{"2027-01-04", 2027, 1, 1},  {"2024-12-29", 2024, 52, 7}, {"2023-01-01", 2022, 52, 7},
		{"2022-01-02", 2021, 52, 7}, {"2022-01-03", 2022, 1, 1},  {"2000-01-01", 1999, 52, 6},
		{"1900-01-01", 1900, 1, 1},  {"2024-02-29", 2024, 9, 4},  {"2028-02-29", 2028, 9, 2},
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

/* The calendar, day by day: date_to_ymd and date_from_ymd agree on every
 * day from 1900 to 2999, and the days of each month add up. */
static void calendar(void)
{
	static const struct {
		int y, m, days;
	} months_table[] = {
		{2024, 2, 29}, {2025, 2, 28}, {2000, 2, 29}, {1900, 2, 28}, {2100, 2, 28},
		{2400, 2, 29}, {2026, 1, 31}, {2026, 4, 30}, {2026, 6, 30}, {2026, 9, 30},
		{2026, 11, 30}, {2026, 12, 31}, {2026, 7, 31}, {2026, 8, 31},
	};
	for (size_t i = 0; i < sizeof months_table / sizeof *months_table; i++)
		is_int(date_days_in_month(months_table[i].y, months_table[i].m), months_table[i].days,
		       "%04d-%02d has %d days", months_table[i].y, months_table[i].m,
		       months_table[i].days);
	int first = date_from_ymd(1900, 1, 1), last = date_from_ymd(2999, 12, 31), bad = 0;
	int weekday = date_weekday(first), prev_week = 0, prev_wyear = 0;
	for (int d = first; d <= last && !bad; d++) {
		int y, m, dd, wy, w;
		date_to_ymd(d, &y, &m, &dd);
		if (date_from_ymd(y, m, dd) != d || dd < 1 || dd > date_days_in_month(y, m))
			bad = ok(0, "day %d is %04d-%02d-%02d and back", d, y, m, dd) + 1;
		if (date_weekday(d) != weekday)
			bad = ok(0, "day %d has weekday %d, wanted %d", d, date_weekday(d), weekday) + 1;
		weekday = weekday % 7 + 1;
		date_isoweek(d, &wy, &w);
		if (date_weekday(d) == 1 && d > first &&
		    !(w == prev_week + 1 && wy == prev_wyear) && !(w == 1 && wy == prev_wyear + 1))
			bad = ok(0, "the week of %04d-%02d-%02d follows %d-W%02d", y, m, dd,
				 prev_wyear, prev_week) + 1;
		if (date_weekday(d) != 1 && d > first && (w != prev_week || wy != prev_wyear))
			bad = ok(0, "%04d-%02d-%02d is in the week of the day before", y, m, dd) + 1;
		prev_week = w;
		prev_wyear = wy;
	}
	ok(!bad, "every day from 1900 to 2999 converts both ways, weekdays and weeks run on");
	int years53 = 0;
	for (int y = 2000; y < 2400; y++) {
		int wy, w;
		date_isoweek(date_from_ymd(y, 12, 28), &wy, &w);
		years53 += w == 53;
	}
	is_int(years53, 71, "71 of 400 years have an ISO week 53");
}

static void adding(void)
{
	static const struct {
		const char *from;
		struct interval iv;
		int times;
		const char *want;
	} cases[] = {
		{"2026-01-05", {14, 'd'}, 1, "2026-01-19"}, {"2026-12-25", {10, 'd'}, 1, "2027-01-04"},
		{"2024-02-28", {1, 'd'}, 1, "2024-02-29"},  {"2025-02-28", {1, 'd'}, 1, "2025-03-01"},
		{"2026-01-05", {2, 'w'}, 3, "2026-02-16"},  {"2026-03-01", {1, 'w'}, -1, "2026-02-22"},
		{"2024-02-29", {1, 'y'}, 1, "2025-02-28"},  {"2024-02-29", {1, 'y'}, 4, "2028-02-29"},
		{"2026-01-05", {3, 'y'}, 1, "2029-01-05"},  {"2026-01-31", {1, 'm'}, 1, "2026-02-28"},
		{"2026-01-31", {1, 'm'}, 3, "2026-04-30"},  {"2026-01-31", {6, 'm'}, 0, "2026-01-31"},
		{"2026-08-31", {6, 'm'}, -1, "2026-02-28"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		char iv[16];
		interval_format(cases[i].iv, iv);
		is_str(fmt(date_add_interval(day(cases[i].from), cases[i].iv, cases[i].times)),
		       cases[i].want, "%s + %d x %s", cases[i].from, cases[i].times, iv);
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
		     {"6x", 0, 0},   {"6mm", 0, 0},  {"-1m", 0, 0},   {"121m", 0, 0},
		     {"120m", 120, 'm'}, {"10y", 10, 'y'}, {"11y", 0, 0}, {"520w", 520, 'w'},
		     {"521w", 0, 0}, {"3660d", 3660, 'd'}, {"3661d", 0, 0}, {"", 0, 0},
		     {"6M", 0, 0},   {" 6m", 0, 0},  {"6m ", 0, 0},   {"06m", 6, 'm'},
		     {"99999999999m", 0, 0}, {"1.5m", 0, 0}};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		struct interval iv = {0, 0};
		const char *why = interval_parse(cases[i].in, strlen(cases[i].in), &iv);
		if (cases[i].unit)
			ok(!why && iv.n == cases[i].n && iv.unit == cases[i].unit, "interval %s",
			   cases[i].in);
		else
			ok(why != NULL, "interval %s refused", cases[i].in);
	}
	static const struct {
		struct interval iv;
		const char *text;
		int days;
	} fmts[] = {
		{{6, 'm'}, "6m", 183}, {{3, 'm'}, "3m", 91}, {{1, 'm'}, "1m", 30},
		{{2, 'w'}, "2w", 14},  {{10, 'd'}, "10d", 10}, {{1, 'y'}, "1y", 365},
	};
	for (size_t i = 0; i < sizeof fmts / sizeof *fmts; i++) {
		char out[16];
		interval_format(fmts[i].iv, out);
		is_str(out, fmts[i].text, "interval_format of %d%c", fmts[i].iv.n, fmts[i].iv.unit);
		is_int(interval_days_approx(fmts[i].iv), fmts[i].days, "%s is about %d days",
		       fmts[i].text, fmts[i].days);
	}
}

/* day first without the year, or with the month's name */
static void day_month(void)
{
	static const struct {
		const char *today, *in, *want; /* want: a date, "no" (-1) or "other" (-2) */
	} cases[] = {
		{"2026-11-23", "20-11", "2026-11-20"},      {"2026-11-23", "20/11", "2026-11-20"},
		{"2026-11-23", "20.11", "2026-11-20"},      {"2026-11-23", "5-3", "2027-03-05"},
		{"2026-11-23", "20 nov", "2026-11-20"},     {"2026-11-23", "20-Nov", "2026-11-20"},
		{"2026-11-23", "1 mei", "2027-05-01"},      {"2026-11-23", "1 mrt", "2027-03-01"},
		{"2026-11-23", "1 juni", "2026-06-01"},     {"2026-11-23", "20 november 2025", "2025-11-20"},
		{"2026-11-23", "20-nov-2027", "2027-11-20"}, {"2026-11-23", "31 december", "2026-12-31"},
		/* nearest: around New Year the other year */
		{"2027-01-04", "30-12", "2026-12-30"},      {"2026-12-30", "2-1", "2027-01-02"},
		/* 29 February: only in a leap year, the nearest */
		{"2027-11-23", "29-2", "2028-02-29"},       {"2024-03-01", "29 feb", "2024-02-29"},
		{"2026-11-23", "29-2", "no"},               {"2026-11-23", "29 feb 2027", "no"},
		{"2026-11-23", "31-11", "no"},              {"2026-11-23", "20-13", "no"},
		{"2026-11-23", "0-11", "no"},               {"2026-11-23", "20-0", "no"},
		{"2026-11-23", "20 nov 1899", "no"},        {"2026-11-23", "20 nov 3000", "no"},
		{"2026-11-23", "1 jan 1900", "1900-01-01"},
		{"2026-11-23", "20 foo", "other"},          {"2026-11-23", "20 nov 26", "other"},
		{"2026-11-23", "20 ", "other"},             {"2026-11-23", "120-11", "other"},
		{"2026-11-23", "nov", "other"},             {"2026-11-23", "20 11", "other"},
		{"2026-11-23", "20-11-", "other"},          {"2026-11-23", "20-11x", "other"},
		{"2026-11-23", "20-11-2026", "other"},      {"2026-11-23", "20 nov 2026x", "other"},
		{"2026-11-23", "", "other"},                {"2026-11-23", "-11", "other"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		int d = DATE_NONE;
		const char *why = NULL;
		int r = date_parse_dm(cases[i].in, strlen(cases[i].in), day(cases[i].today), &d, &why);
		const char *got = r == 0 ? fmt(d) : r == -1 ? "no" : "other";
		ok(!strcmp(got, cases[i].want), "on %s \"%s\" is %s: %s", cases[i].today,
		   cases[i].in, cases[i].want, got);
		ok(r != -1 || (why && *why), "... with a reason when refused");
	}
	is_int(date_month_named("MAART", 5), 3, "a month's name in any case");
	is_int(date_month_named("mrt", 3), 3, "... shortened as a Dutch agenda does");
	is_int(date_month_named("ma", 2), 0, "... but not cut anywhere");
	is_int(date_month_named("decembe", 7), 0, "... nor short of a letter");
}

static void today(void)
{
	setenv("CP_TODAY", "2026-03-02", 1);
	is_str(fmt(date_today()), "2026-03-02", "CP_TODAY fixes today");
	setenv("CP_TODAY", "2026-02-30", 1);
	ok(date_today() != day("2026-03-02") && date_today() > day("2020-01-01"),
	   "a bad CP_TODAY is ignored: the clock's date");
	unsetenv("CP_TODAY");
	ok(date_today() > day("2020-01-01"), "without CP_TODAY, the clock's date");
}

/* date_parse_typed: day first, and year first only as 2026/11/20 */
static void typed(void)
{
	static const struct {
		const char *in;
		int r;
		const char *want;
	} cases[] = {
		{"2026/11/20", 0, "2026-11-20"}, {"20-11-2026", 0, "2026-11-20"},
		{"20 nov", 0, "2026-11-20"},     {"2026/02/30", -1, NULL},
		{"2026/1/5", -2, NULL},          {"2026/11-20", -2, NULL},
		{"2026/11/2x", -2, NULL},        {"2026/11/200", -2, NULL},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		const char *why = NULL;
		int d = DATE_NONE;
		int r = date_parse_typed(cases[i].in, strlen(cases[i].in), day("2026-12-06"), &d, &why);
		is_int(r, cases[i].r, "typed %s", cases[i].in);
		if (cases[i].want)
			is_int(d, day(cases[i].want), "... is %s", cases[i].want);
		else if (r == -1)
			ok(why != NULL, "... and says why: %s", why ? why : "(nothing)");
	}
}

/* date_typed_with_year: the hint's date, only where the year is typed */
static void typed_with_year(void)
{
	static const char *const dates[] = {"1-6-2026", "01/06/2026", "1 juni 2026", "1.6.2026"};
	for (size_t i = 0; i < sizeof dates / sizeof *dates; i++)
		is_int(date_typed_with_year(dates[i], strlen(dates[i])), day("2026-06-01"),
		       "%s is 2026-06-01", dates[i]);
	static const char *const none[] = {"1-6", "1 juni", "31-6-2026", "2026/06/01", "juni 2026", "x"};
	for (size_t i = 0; i < sizeof none / sizeof *none; i++)
		is_int(date_typed_with_year(none[i], strlen(none[i])), DATE_NONE, "%s: none", none[i]);
	is_int(date_typed_with_year("1-6-20260", 8), day("2026-06-01"), "only the n bytes given");
}

/* date_typed_yearless: whether the day was the nearest of its kind, for
 * cp-log's hint at a day ahead */
static void typed_yearless(void)
{
	static const char *const yearless[] = {"3-1", "20/11", "20 nov", "vr 20-11",
					       "vrijdag 20 november", "1.6"};
	for (size_t i = 0; i < sizeof yearless / sizeof *yearless; i++)
		ok(date_typed_yearless(yearless[i], strlen(yearless[i])), "%s has no year",
		   yearless[i]);
	static const char *const year[] = {"2027-01-20", "20-01-2027", "2027/01/20",
					   "20 januari 2027", "morgen", "tomorrow", ""};
	for (size_t i = 0; i < sizeof year / sizeof *year; i++)
		ok(!date_typed_yearless(year[i], strlen(year[i])), "\"%s\": a year, or no day of "
		   "the month", year[i]);
	ok(date_typed_yearless("3-1-2027", 3), "only the n bytes given");
}

int main(void)
{
	typed();
	typed_with_year();
	typed_yearless();
	parsing();
	months();
	weeks();
	calendar();
	adding();
	intervals();
	day_month();
	today();
	return tap_done();
}
