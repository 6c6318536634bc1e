/* test-period: the periods users name (years, halves, quarters, months, ISO
 * weeks, days, ranges and words like last-month), their shortest names, and
 * the buckets hours are grouped in. */
#include "coachplan.h"
#include "tap.h"

static int day(const char *s)
{
	int d = DATE_NONE;
	return date_parse(s, strlen(s), &d) ? DATE_NONE : d;
}

static const char *fmt(int d)
{
	static char out[4][11];
	static int turn;
	turn = (turn + 1) % 4;
	if (d < day("1900-01-01"))
		return "(open)";
	if (d > day("2999-12-31"))
		return "(open)";
	date_format(d, out[turn]);
	return out[turn];
}

struct range {
	const char *in, *from, *to; /* "" for an open end */
};

static void check_ranges(const struct range *cases, size_t n, const char *today_s)
{
	int today = day(today_s);
	for (size_t i = 0; i < n; i++) {
		struct period p = {0, 0};
		const char *why = period_parse(cases[i].in, today, &p);
		if (!ok(why == NULL, "\"%s\" is a period (today %s)", cases[i].in, today_s)) {
			printf("#   %s\n", why);
			continue;
		}
		is_str(fmt(p.from), *cases[i].from ? cases[i].from : "(open)",
		       "\"%s\" starts %s", cases[i].in, *cases[i].from ? cases[i].from : "open");
		is_str(fmt(p.to), *cases[i].to ? cases[i].to : "(open)", "\"%s\" ends %s",
		       cases[i].in, *cases[i].to ? cases[i].to : "open");
	}
}

static void named(void)
{
	static const struct range cases[] = {
		{"2026", "2026-01-01", "2026-12-31"},     {"2024", "2024-01-01", "2024-12-31"},
		{"2026H1", "2026-01-01", "2026-06-30"},   {"2026H2", "2026-07-01", "2026-12-31"},
		{"2026h2", "2026-07-01", "2026-12-31"},   {"2026Q1", "2026-01-01", "2026-03-31"},
		{"2026Q2", "2026-04-01", "2026-06-30"},   {"2026Q3", "2026-07-01", "2026-09-30"},
		{"2026Q4", "2026-10-01", "2026-12-31"},   {"2026q4", "2026-10-01", "2026-12-31"},
		{"2026-03", "2026-03-01", "2026-03-31"},  {"2026-02", "2026-02-01", "2026-02-28"},
		{"2024-02", "2024-02-01", "2024-02-29"},  {"2026-12", "2026-12-01", "2026-12-31"},
		{"2026W10", "2026-03-02", "2026-03-08"},  {"2026-W10", "2026-03-02", "2026-03-08"},
		{"2026w10", "2026-03-02", "2026-03-08"},  {"2026W01", "2025-12-29", "2026-01-04"},
		{"2026W1", "2025-12-29", "2026-01-04"},   {"2026W53", "2026-12-28", "2027-01-03"},
		{"2020W53", "2020-12-28", "2021-01-03"},  {"2025W01", "2024-12-30", "2025-01-05"},
		{"2025W52", "2025-12-22", "2025-12-28"},  {"2021W01", "2021-01-04", "2021-01-10"},
		{"2026-03-02", "2026-03-02", "2026-03-02"}, {"2024-02-29", "2024-02-29", "2024-02-29"},
		{"2026-03-02..2026-03-10", "2026-03-02", "2026-03-10"},
		{"2026-03-02..2026-03-02", "2026-03-02", "2026-03-02"},
		{"2026Q1..2026Q2", "2026-01-01", "2026-06-30"},
		{"2026-03..2026-05", "2026-03-01", "2026-05-31"},
		{"2026W52..2027W01", "2026-12-21", "2027-01-10"},
		{"2025..2026H1", "2025-01-01", "2026-06-30"},
		{"2026-03-02..", "2026-03-02", ""},       {"..2026-03-02", "", "2026-03-02"},
		{"2026..", "2026-01-01", ""},             {"..2026", "", "2026-12-31"},
		{"..2026H1", "", "2026-06-30"},
	};
	check_ranges(cases, sizeof cases / sizeof *cases, "2026-03-04");
}

static void refused(void)
{
	static const struct {
		const char *in, *why; /* words the reason holds */
	} cases[] = {
		{"2026H3", "halves"},        {"2026H0", "halves"},       {"2026Q5", "quarters"},
		{"2026Q0", "quarters"},      {"2026-13", "month"},       {"2026-00", "month"},
		{"2026W00", "weeks 1 to 53"}, {"2026W54", "weeks 1 to 53"}, {"2025W53", "weeks 1 to 52"},
		{"2021W53", "weeks 1 to 52"}, {"2026-02-30", "not a period"}, {"2026-03-05..2026-03-01", "before"},
		{"2026H2..2026H1", "before"}, {"..", "at least one end"}, {"", "not a period"},
		{"abc", "not a period"},     {"2026-3", "not a period"}, {"2026X1", "not a period"},
		{"1899", "not a period"},    {"3000", "not a period"},   {"202", "not a period"},
		{"20261", "not a period"},   {"2026H", "not a period"},  {"2026-", "not a period"},
		{"2026W", "not a period"},   {"2026-W", "not a period"}, {"next-week", "not a period"},
		{"this-weeks", "not a period"}, {"2026...2027", "not a period"},
		{"2026..abc", "not a period"}, {"abc..2026", "not a period"},
		{"2026-03-02 ", "not a period"}, {"2026 ", "not a period"},
		{"this-week-and-a-very-long-tail-of-words", "not a period"},
		{"maa", "not a period"},     {"maart-26", "not a period"}, {"2026-maart", "not a period"},
		{"maart-1899", "not a period"}, {"maart-3000", "not a period"},
		{"maart-2026-1", "not a period"}, {"maart-", "not a period"}, {"-2026", "not a period"},
		{"maart-2026..februari-2026", "before"}, {"maart..februari-2026", "before"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		struct period p = {-1, -1};
		const char *why = period_parse(cases[i].in, day("2026-03-04"), &p);
		ok(why && strstr(why, cases[i].why), "\"%s\" is refused: %s", cases[i].in,
		   why ? why : "(accepted)");
	}
}

static void relative(void)
{
	/* a Wednesday in March */
	static const struct range march[] = {
		{"today", "2026-03-04", "2026-03-04"},        {"yesterday", "2026-03-03", "2026-03-03"},
		{"this-week", "2026-03-02", "2026-03-08"},    {"last-week", "2026-02-23", "2026-03-01"},
		{"this-month", "2026-03-01", "2026-03-31"},   {"last-month", "2026-02-01", "2026-02-28"},
		{"this-quarter", "2026-01-01", "2026-03-31"}, {"last-quarter", "2025-10-01", "2025-12-31"},
		{"this-half", "2026-01-01", "2026-06-30"},    {"last-half", "2025-07-01", "2025-12-31"},
		{"this-year", "2026-01-01", "2026-12-31"},    {"last-year", "2025-01-01", "2025-12-31"},
		{"vandaag", "2026-03-04", "2026-03-04"},      {"gisteren", "2026-03-03", "2026-03-03"},
		{"deze-week", "2026-03-02", "2026-03-08"},    {"vorige-week", "2026-02-23", "2026-03-01"},
		{"deze-maand", "2026-03-01", "2026-03-31"},   {"vorige-maand", "2026-02-01", "2026-02-28"},
		{"dit-kwartaal", "2026-01-01", "2026-03-31"}, {"vorig-kwartaal", "2025-10-01", "2025-12-31"},
		{"dit-halfjaar", "2026-01-01", "2026-06-30"}, {"vorig-halfjaar", "2025-07-01", "2025-12-31"},
		{"dit-jaar", "2026-01-01", "2026-12-31"},     {"vorig-jaar", "2025-01-01", "2025-12-31"},
		{"this week", "2026-03-02", "2026-03-08"},    {"This_Week", "2026-03-02", "2026-03-08"},
		{"LAST-MONTH", "2026-02-01", "2026-02-28"},   {"Vorige Maand", "2026-02-01", "2026-02-28"},
		{"last-month..this-month", "2026-02-01", "2026-03-31"},
		{"last-year..", "2025-01-01", ""},            {"..yesterday", "", "2026-03-03"},
		{"2026-01-01..today", "2026-01-01", "2026-03-04"},
	};
	/* New Year's Day on a Thursday: its week began on Monday in the old year */
	static const struct range newyear[] = {
		{"this-week", "2025-12-29", "2026-01-04"},    {"last-week", "2025-12-22", "2025-12-28"},
		{"yesterday", "2025-12-31", "2025-12-31"},    {"this-month", "2026-01-01", "2026-01-31"},
		{"last-month", "2025-12-01", "2025-12-31"},   {"last-quarter", "2025-10-01", "2025-12-31"},
		{"last-half", "2025-07-01", "2025-12-31"},    {"last-year", "2025-01-01", "2025-12-31"},
		{"this-quarter", "2026-01-01", "2026-03-31"}, {"this-half", "2026-01-01", "2026-06-30"},
	};
	/* a Sunday in January, at the end of ISO week 53 of the year before */
	static const struct range week53[] = {
		{"this-week", "2026-12-28", "2027-01-03"},    {"last-week", "2026-12-21", "2026-12-27"},
		{"last-month", "2026-12-01", "2026-12-31"},   {"vorig-kwartaal", "2026-10-01", "2026-12-31"},
		{"vorig-halfjaar", "2026-07-01", "2026-12-31"}, {"this-year", "2027-01-01", "2027-12-31"},
	};
	/* months of unequal length: the day of the month does not carry over */
	static const struct range endofmonth[] = {
		{"last-month", "2026-06-01", "2026-06-30"},   {"this-month", "2026-07-01", "2026-07-31"},
		{"last-quarter", "2026-04-01", "2026-06-30"}, {"this-half", "2026-07-01", "2026-12-31"},
		{"last-half", "2026-01-01", "2026-06-30"},    {"this-week", "2026-07-27", "2026-08-02"},
	};
	static const struct range leapday[] = {
		{"last-month", "2024-01-01", "2024-01-31"},   {"this-month", "2024-02-01", "2024-02-29"},
		{"last-year", "2023-01-01", "2023-12-31"},    {"this-week", "2024-02-26", "2024-03-03"},
	};
	check_ranges(march, sizeof march / sizeof *march, "2026-03-04");
	check_ranges(newyear, sizeof newyear / sizeof *newyear, "2026-01-01");
	/* in January 2027, 2026's week 53 is the last that has begun */
	static const struct range after53[] = {
		{"week 53", "2026-12-28", "2027-01-03"}, {"W53", "2026-12-28", "2027-01-03"},
	};
	check_ranges(after53, sizeof after53 / sizeof *after53, "2027-01-20");
	check_ranges(week53, sizeof week53 / sizeof *week53, "2027-01-03");
	check_ranges(endofmonth, sizeof endofmonth / sizeof *endofmonth, "2026-07-31");
	check_ranges(leapday, sizeof leapday / sizeof *leapday, "2024-02-29");
}

static void month_names(void)
{
	/* in November: a month not yet begun this year is last year's */
	static const struct range november[] = {
		{"november", "2026-11-01", "2026-11-30"},   {"december", "2025-12-01", "2025-12-31"},
		{"januari", "2026-01-01", "2026-01-31"},    {"january", "2026-01-01", "2026-01-31"},
		{"jan", "2026-01-01", "2026-01-31"},        {"februari", "2026-02-01", "2026-02-28"},
		{"maart", "2026-03-01", "2026-03-31"},      {"march", "2026-03-01", "2026-03-31"},
		{"mrt", "2026-03-01", "2026-03-31"},        {"mar", "2026-03-01", "2026-03-31"},
		{"mei", "2026-05-01", "2026-05-31"},        {"may", "2026-05-01", "2026-05-31"},
		{"juni", "2026-06-01", "2026-06-30"},       {"july", "2026-07-01", "2026-07-31"},
		{"sept", "2026-09-01", "2026-09-30"},       {"okt", "2026-10-01", "2026-10-31"},
		{"oct", "2026-10-01", "2026-10-31"},        {"Oktober", "2026-10-01", "2026-10-31"},
		{"nov 2026", "2026-11-01", "2026-11-30"},   {"december-2026", "2026-12-01", "2026-12-31"},
		{"Feb_2024", "2024-02-01", "2024-02-29"},   {"MAART 2027", "2027-03-01", "2027-03-31"},
		{"maart..mei", "2026-03-01", "2026-05-31"}, {"december 2025..", "2025-12-01", ""},
		{"september..this-month", "2026-09-01", "2026-11-30"},
	};
	/* on New Year's Day only January has begun */
	static const struct range newyear[] = {
		{"januari", "2026-01-01", "2026-01-31"},    {"december", "2025-12-01", "2025-12-31"},
		{"februari", "2025-02-01", "2025-02-28"},
	};
	check_ranges(november, sizeof november / sizeof *november, "2026-11-23");
	check_ranges(newyear, sizeof newyear / sizeof *newyear, "2026-01-01");
	/* in January 2027, 2026's week 53 is the last that has begun */
	static const struct range after53[] = {
		{"week 53", "2026-12-28", "2027-01-03"}, {"W53", "2026-12-28", "2027-01-03"},
	};
	check_ranges(after53, sizeof after53 / sizeof *after53, "2027-01-20");
}

/* The year last, as Dutch agendas write it, or left out: the last such
 * half year, quarter or week that has begun.  2026-11-23 is in week 48. */
static void other_orders(void)
{
	static const struct range november[] = {
		{"H1 2026", "2026-01-01", "2026-06-30"},    {"h2-2025", "2025-07-01", "2025-12-31"},
		{"Q3 2026", "2026-07-01", "2026-09-30"},    {"q1_2027", "2027-01-01", "2027-03-31"},
		{"week 23", "2026-06-01", "2026-06-07"},    {"Week 48", "2026-11-23", "2026-11-29"},
		{"week 49", "2025-12-01", "2025-12-07"},    {"week-23-2026", "2026-06-01", "2026-06-07"},
		{"week 53 2026", "2026-12-28", "2027-01-03"}, {"W23", "2026-06-01", "2026-06-07"},
		{"wk 10", "2026-03-02", "2026-03-08"},      {"w1", "2025-12-29", "2026-01-04"},
		{"Q4", "2026-10-01", "2026-12-31"},         {"H2", "2026-07-01", "2026-12-31"},
		{"06-2026", "2026-06-01", "2026-06-30"},    {"6/2026", "2026-06-01", "2026-06-30"},
		{"12-2025..02-2026", "2025-12-01", "2026-02-28"},
		{"week 23..week 25", "2026-06-01", "2026-06-21"},
		/* the year first with a space, as "H1 2026" has one */
		{"2026 H1", "2026-01-01", "2026-06-30"},    {"2026 q3", "2026-07-01", "2026-09-30"},
		{"2026 W10", "2026-03-02", "2026-03-08"},
		/* a day as --from takes it, day first */
		{"16-11-2026", "2026-11-16", "2026-11-16"}, {"3/12/2026", "2026-12-03", "2026-12-03"},
		{"03.12.2026", "2026-12-03", "2026-12-03"}, {"20 nov", "2026-11-20", "2026-11-20"},
		{"1-11-2026..17-11", "2026-11-01", "2026-11-17"},
	};
	/* in the first days of January, week 1 of the new year has begun */
	static const struct range newyear[] = {
		{"week 1", "2025-12-29", "2026-01-04"}, {"week 2", "2025-01-06", "2025-01-12"},
		{"Q1", "2026-01-01", "2026-03-31"},     {"Q2", "2025-04-01", "2025-06-30"},
	};
	check_ranges(november, sizeof november / sizeof *november, "2026-11-23");
	check_ranges(newyear, sizeof newyear / sizeof *newyear, "2026-01-01");
	/* in January 2027, 2026's week 53 is the last that has begun */
	static const struct range after53[] = {
		{"week 53", "2026-12-28", "2027-01-03"}, {"W53", "2026-12-28", "2027-01-03"},
	};
	check_ranges(after53, sizeof after53 / sizeof *after53, "2027-01-20");
	static const struct {
		const char *in, *why;
	} bad[] = {
		{"week 54 2026", "no such week"}, {"week 0", "no such week"}, {"13-2026", "no such month"},
		{"H3 2026", "no such half"},      {"Q3-26", "not a period"}, {"w23x", "not a period"},
		{"week 123", "not a period"},     {"6/26", "not a period"},  {"q", "not a period"},
		{"week", "not a period"},         {"H1 2026x", "not a period"},
		/* Bug: week 53 of 2026 has not begun, and "week 53" was refused
		 * for 2025, a year not typed; the last week 53 that has come is
		 * 2020's, six years back: the reason names it to type */
		{"week 53", "no such week: week 53 was last in 2020; write week 53 2020"},
		{"W53", "week 53 was last in 2020"},
		{"week 53 2025", "no such week; 2025 has weeks 1 to 52"},
		{"2026W54", "no such week; 2026 has weeks 1 to 53"},
	};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		struct period p = {-1, -1};
		const char *why = period_parse(bad[i].in, day("2026-11-23"), &p);
		ok(why && strstr(why, bad[i].why), "\"%s\" is refused: %s", bad[i].in,
		   why ? why : "(accepted)");
	}
}

/* A day typed without its year names a day that has come, as a month
 * or week without its year does: hours are asked for after the work.
 * Bug: in December 01-01 was next January, a period without hours. */
static void yearless_days(void)
{
	static const struct range december[] = {
		{"01-01", "2026-01-01", "2026-01-01"},      {"1 jan", "2026-01-01", "2026-01-01"},
		{"7-12", "2026-12-07", "2026-12-07"},       {"8-12", "2025-12-08", "2025-12-08"},
		{"29-12", "2025-12-29", "2025-12-29"},      {"2-1..6-1", "2026-01-02", "2026-01-06"},
		{"20-12..5-1", "2025-12-20", "2026-01-05"}, {"01-01..", "2026-01-01", ""},
		/* an end before its start is the next such day, as --next takes it */
		{"1-12..31-12", "2026-12-01", "2026-12-31"},
		{"15-11..10-1", "2026-11-15", "2027-01-10"},
	};
	static const struct range january[] = {
		{"30-12", "2026-12-30", "2026-12-30"},      {"5-1", "2027-01-05", "2027-01-05"},
		{"20-12..5-1", "2026-12-20", "2027-01-05"}, {"..31-12", "", "2026-12-31"},
	};
	check_ranges(december, sizeof december / sizeof *december, "2026-12-07");
	check_ranges(january, sizeof january / sizeof *january, "2027-01-05");
}

/* A month, week, quarter or half without its year at the end of a range
 * is the first such on or after the start, as a day there is.  Bug: in
 * December november..januari ended in the January gone, before it began. */
static void yearless_ends(void)
{
	static const struct range december[] = {
		{"november..januari", "2026-11-01", "2027-01-31"},
		{"nov-2024..januari", "2024-11-01", "2025-01-31"},
		{"maart..maart", "2026-03-01", "2026-03-31"},
		{"15-11..januari", "2026-11-15", "2027-01-31"},
		{"week 50..week 2", "2026-12-07", "2027-01-17"},
		/* week 53 of 2026 has not begun, but it ends a range from week 50 */
		{"week 50..week 53", "2026-12-07", "2027-01-03"},
		{"Q4..Q1", "2026-10-01", "2027-03-31"},
		{"H2..H1", "2026-07-01", "2027-06-30"},
		{"januari..november", "2026-01-01", "2026-11-30"},
		{"..januari", "", "2026-01-31"},
	};
	/* Bug: in the first week of a year, week 50..week 2 was refused as
	 * ending before it begins: week 2 had not begun, and a year on from
	 * today week 2 of the next year had */
	static const struct range january[] = {
		{"week 50..week 2", "2026-12-07", "2027-01-17"},
		{"W50..W3", "2026-12-07", "2027-01-24"},
		{"week 50..week 1", "2026-12-07", "2027-01-10"},
		{"december..februari", "2026-12-01", "2027-02-28"},
	};
	check_ranges(december, sizeof december / sizeof *december, "2026-12-07");
	check_ranges(january, sizeof january / sizeof *january, "2027-01-10");
	struct period p = {-1, -1};
	const char *why = period_parse("maart-2026..februari-2026", day("2026-12-07"), &p);
	ok(why && strstr(why, "before"), "an end with its year is not moved: %s",
	   why ? why : "(accepted)");
	why = period_parse("week 48..week 54", day("2026-12-07"), &p);
	ok(why && strstr(why, "no such week; 2025 has weeks 1 to 52"),
	   "an end that is none says so of the year it read: %s", why ? why : "(accepted)");
}

/* Bug: a day that no year near has (29-2, 31-4) was "not a period". */
static void no_such_days(void)
{
	static const struct {
		const char *in, *today, *why;
	} cases[] = {
		{"29-2", "2026-12-07", "no such day"}, {"31-4", "2026-12-07", "no such day"},
		{"29-2", "2027-12-07", "no such day"}, {"1-2..29-2", "2026-12-07", "no such day"},
		{"31 nov", "2026-12-07", "no such day"}, {"6/26", "2026-12-07", "not a period"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		struct period p = {-1, -1};
		const char *why = period_parse(cases[i].in, day(cases[i].today), &p);
		ok(why && strstr(why, cases[i].why), "\"%s\" on %s is refused: %s", cases[i].in,
		   cases[i].today, why ? why : "(accepted)");
	}
	static const struct range leap[] = {
		{"29-2", "2024-02-29", "2024-02-29"},
	};
	check_ranges(leap, 1, "2025-06-01");
	check_ranges(leap, 1, "2024-03-01");
}

/* Bug: the end of a range without its year was read near today, then
 * moved to the start a few years at the most: 1-2-2028..29-2 in 2026 was
 * no such day, 1-4-2015..30-4 ended in 2023 and 1-4-2035..30-4 before it
 * began.  It is the first such day on or after the start, within a year. */
static void yearless_ends_far(void)
{
	static const struct range far[] = {
		{"1-2-2028..29-2", "2028-02-01", "2028-02-29"},
		{"1-3-2027..29-2", "2027-03-01", "2028-02-29"},
		{"1-4-2015..30-4", "2015-04-01", "2015-04-30"},
		{"1-4-2035..30-4", "2035-04-01", "2035-04-30"},
		{"1-12-2030..5-1", "2030-12-01", "2031-01-05"},
		{"2028-02-29..29-2", "2028-02-29", "2028-02-29"},
		{"2020-05-01..1 mei", "2020-05-01", "2020-05-01"},
	};
	check_ranges(far, sizeof far / sizeof *far, "2026-12-07");
	static const char *const refused[] = {"1-4-2028..31-4", "1-3-2024..29-2", "1-2..29-2"};
	for (size_t i = 0; i < sizeof refused / sizeof *refused; i++) {
		struct period p = {-1, -1};
		const char *why = period_parse(refused[i], day("2026-12-07"), &p);
		ok(why && strstr(why, "no such day"), "\"%s\" is refused: %s", refused[i],
		   why ? why : "(accepted)");
	}
}

/* The day words cp-log -d takes name a period of one day: the last such
 * weekday, today included.  2026-12-09 is a Wednesday. */
static void day_words(void)
{
	static const struct range wednesday[] = {
		{"maandag", "2026-12-07", "2026-12-07"},    {"ma", "2026-12-07", "2026-12-07"},
		{"Monday", "2026-12-07", "2026-12-07"},     {"mon", "2026-12-07", "2026-12-07"},
		{"woensdag", "2026-12-09", "2026-12-09"},   {"vrijdag", "2026-12-04", "2026-12-04"},
		{"do", "2026-12-03", "2026-12-03"},         {"zo", "2026-12-06", "2026-12-06"},
		{"last week friday", "2026-12-04", "2026-12-04"},
		{"vorige week maandag", "2026-11-30", "2026-11-30"},
		{"afgelopen woensdag", "2026-12-02", "2026-12-02"},
		{"3 dagen geleden", "2026-12-06", "2026-12-06"},
		{"eergisteren", "2026-12-07", "2026-12-07"},
		{"vr 4-12", "2026-12-04", "2026-12-04"},
		{"maandag..vandaag", "2026-12-07", "2026-12-09"},
		{"ma..wo", "2026-12-07", "2026-12-09"},
		/* a weekday at the end before the start is the first after it */
		{"vorige week maandag..ma", "2026-11-30", "2026-12-07"},
		{"maandag..vrijdag", "2026-12-07", "2026-12-11"},
		{"vrijdag..maandag", "2026-12-04", "2026-12-07"},
		{"..vrijdag", "", "2026-12-04"},
		/* the months an agenda shortens as a weekday is shortened */
		{"mar", "2026-03-01", "2026-03-31"},        {"mei", "2026-05-01", "2026-05-31"},
		{"ma..mrt", "2026-12-07", "2027-03-31"},
	};
	check_ranges(wednesday, sizeof wednesday / sizeof *wednesday, "2026-12-09");
	struct period p = {-1, -1};
	const char *why = period_parse("vr 5-12", day("2026-12-09"), &p);
	ok(why && strstr(why, "is a Saturday"), "a weekday not the date's is refused: %s",
	   why ? why : "(accepted)");
}

static void formatting(void)
{
	static const struct {
		const char *in, *out;
	} cases[] = {
		{"2026", "2026"},
		{"2026-01-01..2026-12-31", "2026"},
		{"2026H1", "2026H1"},
		{"2026-01-01..2026-06-30", "2026H1"},
		{"2026Q1..2026Q2", "2026H1"},
		{"2026H2", "2026H2"},
		{"2026Q3", "2026Q3"},
		{"2026-07..2026-09", "2026Q3"},
		{"2026-03", "2026-03"},
		{"2026-03-01..2026-03-31", "2026-03"},
		{"2026W10", "2026-W10"},
		{"2026-03-02..2026-03-08", "2026-W10"},
		{"2026W01", "2026-W01"},
		{"2026W53", "2026-W53"},
		{"2020W53", "2020-W53"},
		{"2026-03-02", "2026-03-02"},
		{"2026-03-02..2026-03-02", "2026-03-02"},
		{"2026-03-02..2026-03-09", "2026-03-02..2026-03-09"},
		{"2026-03-03..2026-03-09", "2026-03-03..2026-03-09"},
		{"2026-01-01..2026-02-28", "2026-01-01..2026-02-28"},
		{"2025-07-01..2026-06-30", "2025-07-01..2026-06-30"},
		{"2025..2026", "2025-01-01..2026-12-31"},
		{"2026-03-02..", "2026-03-02.."},
		{"..2026-03-02", "..2026-03-02"},
		{"2026..", "2026-01-01.."},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		struct period p;
		char out[32] = "";
		const char *why = period_parse(cases[i].in, day("2026-03-04"), &p);
		if (!why)
			period_format(&p, out);
		is_str(out, cases[i].out, "period_format of \"%s\"", cases[i].in);
	}
}

static void buckets(void)
{
	static const struct {
		const char *date;
		enum bucket b;
		const char *label;
	} cases[] = {
		{"2026-03-02", BUCKET_DAY, "2026-03-02"},  {"2026-03-02", BUCKET_WEEK, "2026-W10"},
		{"2026-03-02", BUCKET_MONTH, "2026-03"},   {"2026-03-02", BUCKET_QUARTER, "2026Q1"},
		{"2026-03-02", BUCKET_HALF, "2026H1"},     {"2026-03-02", BUCKET_YEAR, "2026"},
		{"2026-03-31", BUCKET_QUARTER, "2026Q1"},  {"2026-04-01", BUCKET_QUARTER, "2026Q2"},
		{"2026-06-30", BUCKET_HALF, "2026H1"},     {"2026-07-01", BUCKET_HALF, "2026H2"},
		{"2026-09-30", BUCKET_QUARTER, "2026Q3"},  {"2026-10-01", BUCKET_QUARTER, "2026Q4"},
		{"2026-12-31", BUCKET_DAY, "2026-12-31"},  {"2026-12-31", BUCKET_WEEK, "2026-W53"},
		{"2026-12-31", BUCKET_MONTH, "2026-12"},   {"2026-12-31", BUCKET_QUARTER, "2026Q4"},
		{"2026-12-31", BUCKET_HALF, "2026H2"},     {"2026-12-31", BUCKET_YEAR, "2026"},
		{"2027-01-03", BUCKET_WEEK, "2026-W53"},   {"2027-01-03", BUCKET_YEAR, "2027"},
		{"2027-01-03", BUCKET_MONTH, "2027-01"},   {"2027-01-04", BUCKET_WEEK, "2027-W01"},
		{"2025-12-29", BUCKET_WEEK, "2026-W01"},   {"2025-12-29", BUCKET_YEAR, "2025"},
		{"2025-12-29", BUCKET_HALF, "2025H2"},     {"2024-12-30", BUCKET_WEEK, "2025-W01"},
		{"2021-01-03", BUCKET_WEEK, "2020-W53"},   {"2021-01-01", BUCKET_QUARTER, "2021Q1"},
		{"2024-02-29", BUCKET_DAY, "2024-02-29"},  {"2024-02-29", BUCKET_WEEK, "2024-W09"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		char out[16];
		int n = bucket_label(cases[i].b, day(cases[i].date), out);
		is_str(out, cases[i].label, "bucket %d of %s", (int)cases[i].b, cases[i].date);
		is_int(n, (int)strlen(cases[i].label), "bucket_label returns the length");
	}

	/* every label names a period that holds the day, and is that period's name */
	int bad = 0;
	for (int d = day("2019-12-20"); d <= day("2032-01-10") && !bad; d++)
		for (enum bucket b = BUCKET_DAY; b <= BUCKET_YEAR && !bad; b++) {
			char label[16], back[32];
			struct period p;
			bucket_label(b, d, label);
			const char *why = period_parse(label, d, &p);
			if (why || !period_contains(&p, d)) {
				bad = 1;
				ok(0, "%s (bucket %d of %s) is a period holding the day: %s", label,
				   (int)b, fmt(d), why ? why : "no");
				break;
			}
			period_format(&p, back);
			if (strcmp(back, label)) {
				bad = 1;
				ok(0, "%s reads back as %s", label, back);
			}
		}
	ok(!bad, "each bucket label from 2019 to 2032 parses to a period that holds its day "
		 "and formats back to itself");
}

static void contains(void)
{
	struct period p;
	period_parse("2026Q1", 0, &p);
	ok(period_contains(&p, day("2026-01-01")), "Q1 holds its first day");
	ok(period_contains(&p, day("2026-03-31")), "Q1 holds its last day");
	ok(!period_contains(&p, day("2025-12-31")), "Q1 does not hold the day before");
	ok(!period_contains(&p, day("2026-04-01")), "Q1 does not hold the day after");
	period_parse("2026-03-02..", 0, &p);
	ok(period_contains(&p, day("2999-12-31")), "an open end holds the far future");
	ok(!period_contains(&p, day("2026-03-01")), "but not the day before its start");
	period_parse("..2026-03-02", 0, &p);
	ok(period_contains(&p, day("1900-01-01")), "an open start holds the far past");
	ok(!period_contains(&p, day("2026-03-03")), "but not the day after its end");
}

/* The days two periods share; none where one ends before the other starts. */
static void intersect(void)
{
	static const struct {
		const char *a, *b, *from, *to; /* from after to: none */
	} cases[] = {
		{"2026Q1", "2026-03", "2026-03-01", "2026-03-31"},
		{"2026-03", "2026Q1", "2026-03-01", "2026-03-31"},
		{"2026Q1", "2026-02-15..2026-05-01", "2026-02-15", "2026-03-31"},
		{"2026Q1", "2026-03-31..2026-04-30", "2026-03-31", "2026-03-31"},
		{"2026-03-02..", "..2026-03-10", "2026-03-02", "2026-03-10"},
		{"2026-03-02..", "2026-01-01..", "2026-03-02", ""},
		{"..2026-03-10", "..2026-06-30", "", "2026-03-10"},
		{"2026Q1", "2026Q2", "2026-04-01", "2026-03-31"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		struct period a, b;
		period_parse(cases[i].a, 0, &a);
		period_parse(cases[i].b, 0, &b);
		struct period c = period_intersect(a, b);
		is_str(fmt(c.from), *cases[i].from ? cases[i].from : "(open)", "%s and %s from %s",
		       cases[i].a, cases[i].b, *cases[i].from ? cases[i].from : "open");
		is_str(fmt(c.to), *cases[i].to ? cases[i].to : "(open)", "%s and %s to %s",
		       cases[i].a, cases[i].b, *cases[i].to ? cases[i].to : "open");
	}
	struct period none = period_intersect((struct period){day("2026-01-01"), day("2026-01-31")},
					      (struct period){day("2026-03-01"), day("2026-03-31")});
	ok(none.from > none.to, "January and March share no day: it ends before it begins");
	ok(!period_contains(&none, day("2026-02-01")), "... and holds none between them");
}

int main(void)
{
	named();
	refused();
	relative();
	month_names();
	other_orders();
	yearless_days();
	yearless_ends();
	no_such_days();
	yearless_ends_far();
	day_words();
	formatting();
	buckets();
	contains();
	intersect();
	return tap_done();
}
