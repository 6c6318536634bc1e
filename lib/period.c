/* period.c: stretches of time as users name them, and the buckets hours are
 * grouped in.  Every period is a pair of inclusive days.
 *   2026  2026H1  2026Q3  2026-03  2026W10  2026-W10  2026-03-02
 *   A..B (either end may be left open)   this-week last-month deze-maand ...
 *   a day as --from takes it: 16-11-2026  16/11  "20 nov"
 *   maart  march-2026  "nov 2026"
 * and the same the other way round, as Dutch agendas write them:
 *   "H1 2026"  Q3-2026  "week 23"  "week 23 2026"  W23  Q3  06-2026 */
#include <ctype.h>
#include <string.h>

#include "calendar.h"

#define OPEN_FROM PERIOD_OPEN_FROM
#define OPEN_TO PERIOD_OPEN_TO

static int weeks_in_year(int y)
{
	int year, week;
	date_isoweek(date_from_ymd(y, 12, 28), &year, &week);
	return week;
}

static int isoweek_start(int y, int w)
{
	int jan4 = date_from_ymd(y, 1, 4);
	return jan4 - (date_weekday(jan4) - 1) + 7 * (w - 1);
}

static void months(struct period *p, int y, int m, int count)
{
	p->from = date_from_ymd(y, m, 1);
	p->to = date_add_months(p->from, count) - 1;
}

static int num(const char *s, size_t n, int *v)
{
	if (n == 0 || n > 4)
		return -1;
	int x = 0;
	for (size_t i = 0; i < n; i++) {
		if (!isdigit((unsigned char)s[i]))
			return -1;
		x = x * 10 + (s[i] - '0');
	}
	*v = x;
	return 0;
}

/* A year as periods take it: four digits, 1900 to 2999. */
static int year_of(const char *s, size_t n, int *y)
{
	return n == 4 && num(s, n, y) == 0 && *y >= 1900 && *y <= 2999 ? 0 : -1;
}

/* The period this day lies in, for the relative words. */
static void around(int day, char unit, int back, struct period *p)
{
	int y, m, d;
	switch (unit) {
	case 'd':
		p->from = p->to = day - back;
		return;
	case 'w':
		p->from = day - (date_weekday(day) - 1) - 7 * back;
		p->to = p->from + 6;
		return;
	}
	date_to_ymd(day, &y, &m, &d);
	int size = unit == 'm' ? 1 : unit == 'q' ? 3 : unit == 'h' ? 6 : 12;
	int first = (m - 1) / size * size + 1;
	months(p, y, first, size);
	p->from = date_add_months(p->from, -size * back);
	p->to = date_add_months(p->from, size) - 1;
}

static const struct relword {
	const char *word;
	char unit;
	int back;
} relwords[] = {
	{"today", 'd', 0},         {"yesterday", 'd', 1},     {"this-week", 'w', 0},
	{"last-week", 'w', 1},     {"this-month", 'm', 0},    {"last-month", 'm', 1},
	{"this-quarter", 'q', 0},  {"last-quarter", 'q', 1},  {"this-half", 'h', 0},
	{"last-half", 'h', 1},     {"this-year", 'y', 0},     {"last-year", 'y', 1},
	{"vandaag", 'd', 0},       {"gisteren", 'd', 1},      {"deze-week", 'w', 0},
	{"vorige-week", 'w', 1},   {"deze-maand", 'm', 0},    {"vorige-maand", 'm', 1},
	{"dit-kwartaal", 'q', 0},  {"vorig-kwartaal", 'q', 1}, {"dit-halfjaar", 'h', 0},
	{"vorig-halfjaar", 'h', 1}, {"dit-jaar", 'y', 0},      {"vorig-jaar", 'y', 1},
};

/* A word as the tables spell it: this_week, "this week" and This-Week
 * alike.  -1 if it is too long to be one. */
static int normalize(const char *s, size_t n, char word[32])
{
	if (n >= 32)
		return -1;
	for (size_t i = 0; i < n; i++)
		word[i] = s[i] == '_' || s[i] == ' ' ? '-' : (char)tolower((unsigned char)s[i]);
	word[n] = '\0';
	return 0;
}

static int relative(const char *word, int today, struct period *p)
{
	for (size_t i = 0; i < sizeof relwords / sizeof *relwords; i++)
		if (!strcmp(word, relwords[i].word)) {
			around(today, relwords[i].unit, relwords[i].back, p);
			return 0;
		}
	return -1;
}

/* A month by its name, Dutch or English, whole or as an agenda shortens
 * it, with a year (maart 2026, march-2026) or without: then the last
 * such month that has begun, as a weekday names the last such day. */
static int month_word(const char *word, int today, struct period *p)
{
	int y, m, d, year = 0;
	size_t len = strcspn(word, "-");
	int month = date_month_named(word, len);
	if (!month || (word[len] && year_of(word + len + 1, strlen(word + len + 1), &year) < 0))
		return -1;
	date_to_ymd(today, &y, &m, &d);
	months(p, year ? year : month > m ? y - 1 : y, month, 1);
	return 0;
}

/* A half year, quarter or week named before its year ("H1 2026", Q3-2026,
 * "week 23 2026") or without it ("week 23", W23, Q3: the last such that
 * has begun, as for a month), or a month as 06-2026: the label single()
 * reads (2026H1, 2026W23, 2026-06) into out.  -1 if word is none of these,
 * -2 with *why for week 53 without its year where it began in neither
 * this year nor the last: most years have none, and the last that has
 * come may be years back, more likely a slip than meant; its year is
 * named to type. */
static int reordered(const char *word, int today, char out[16], const char **why)
{
	static const char *const weeks[] = {"week-", "week", "wk-", "wk", "w"};
	const char *s = word;
	char kind = 0;
	for (size_t i = 0; i < sizeof weeks / sizeof *weeks && !kind; i++)
		if (!strncmp(s, weeks[i], strlen(weeks[i])) && isdigit((unsigned char)s[strlen(weeks[i])]))
			kind = 'W', s += strlen(weeks[i]);
	if (!kind && (*s == 'h' || *s == 'q') && isdigit((unsigned char)s[1]))
		kind = (char)toupper((unsigned char)*s++);
	size_t digits = strspn(s, "0123456789");
	int v, y, ty, m, d, now;
	if (digits < 1 || digits > 2 || num(s, digits, &v) < 0)
		return -1;
	const char *rest = s + digits + 1;
	int dated = (s[digits] == '-' || (!kind && s[digits] == '/')) &&
		    year_of(rest, strlen(rest), &y) == 0;
	if (!kind) /* 06-2026 */
		return dated ? (snprintf(out, 16, "%04d-%02d", y, v), 0) : -1;
	if (!dated && s[digits])
		return -1;
	if (!dated) {
		date_to_ymd(today, &ty, &m, &d);
		if (kind == 'W')
			date_isoweek(today, &ty, &now);
		else
			now = kind == 'H' ? (m + 5) / 6 : (m + 2) / 3;
		y = v > now ? ty - 1 : ty;
		if (kind == 'W' && v == 53 && weeks_in_year(y) < 53) {
			static char says[96];
			while (weeks_in_year(y) < 53)
				y--;
			snprintf(says, sizeof says,
				 _("no such week: week 53 was last in %d; write week 53 %d"), y, y);
			*why = says;
			return -2;
		}
	}
	if (kind == 'W')
		snprintf(out, 16, "%04dW%02d", y, v);
	else
		snprintf(out, 16, "%04d%c%d", y, kind, v);
	return 0;
}

/* The same day of the month a year or more away (step -1 or 1), while
 * it is not yet on the right side of limit; 29-2 skips years without it. */
static int year_step(int day, int step, int limit)
{
	int y, m, d;
	date_to_ymd(day, &y, &m, &d);
	for (int cy = y + step; cy != y + 5 * step && (step < 0 ? day > limit : day < limit);
	     cy += step)
		if (d <= date_days_in_month(cy, m))
			day = date_from_ymd(cy, m, d);
	return day;
}

static int day_without_year(const char *s, size_t n)
{
	return n && isdigit((unsigned char)*s) && date_typed_yearless(s, n);
}

/* The end of a range typed without its year: the first such day on or
 * after the start (1-12..31-12 in December ends this December), within
 * a year of it however far from today the start is (1-2-2028..29-2), or
 * with no start the nearest, as date_parse_typed reads it (..31-12 in
 * December is this year's end, not the last that has come).  Returns
 * as date_parse_dm. */
static int yearless_end(const char *s, size_t n, int today, int from, int *day,
			const char **why)
{
	if (from == OPEN_FROM)
		return date_parse_typed(s, n, today, day, why);
	return date_parse_dm_after(s, n, from, day, why);
}

/* The day typed without its year, the nearest such, made the last such
 * that has come, this year's or last year's as --from looks no further:
 * 29-2 in 2027 is no day rather than 2024's.  0, or -1 with *why. */
static int last_come(int *day, int today, const char **why)
{
	int y, ty, m, d;
	*day = year_step(*day, -1, today);
	date_to_ymd(*day, &y, &m, &d);
	date_to_ymd(today, &ty, &m, &d);
	if (y >= ty - 1)
		return 0;
	*why = _("no such day: 29 February is not in a year near this one");
	return -1;
}

/* A weekday at the end of a range keeps its meaning, the last such,
 * unless that is before the start: then it is the first after it
 * (maandag..vrijdag on a Wednesday ends this Friday, vorige week
 * maandag..maandag this Monday).  -1 where s is no weekday. */
static int weekday_end(const char *s, size_t n, int from, int *to)
{
	char word[32] = {0};
	if (from == OPEN_FROM || normalize(s, n, word) < 0 || date_weekday_named(word, n) < 0)
		return -1;
	if (*to < from)
		*to = from + ((*to - from) % 7 + 7) % 7;
	return 0;
}

int period_to_after_from(const char *from_typed, const char *to_typed)
{
	const char *why;
	int day;
	return from_typed && to_typed && day_without_year(to_typed, strlen(to_typed)) &&
	       date_parse_dm(to_typed, strlen(to_typed), 0, &day, &why) != -2;
}

const char *period_typed_ends(int *from, const char *from_typed, int *to, const char *to_typed,
			      int today, const char **typed)
{
	const char *why = NULL;
	*typed = from_typed;
	if (from_typed && day_without_year(from_typed, strlen(from_typed)) &&
	    last_come(from, today, &why) < 0)
		return why;
	*typed = to_typed;
	if (period_to_after_from(from_typed, to_typed)) {
		if (date_parse_dm_after(to_typed, strlen(to_typed), *from, to, &why) < 0)
			return why;
	} else if (to_typed && from_typed) /* --to vrijdag as in maandag..vrijdag */
		weekday_end(to_typed, strlen(to_typed), *from, to);
	return NULL;
}

/* 6/26: June 2026 with a short year, more likely than a 26th month. */
static int month_past_12(const char *s, size_t n)
{
	size_t i = 0;
	int m;
	while (i < n && isdigit((unsigned char)s[i]))
		i++;
	return i < n && num(s + i + 1, n - i - 1, &m) == 0 && m > 12;
}

/* A day as --from takes it, day first (16-11-2026, 16/11, 20 nov): the
 * period of that one day.  0, -1 with *why for no such day (31-4), or -2
 * for none written so (and for 6/26 too).  Without its year it is the
 * last such day that has come, today included, not the nearest --from
 * takes: hours are asked for after the work, and 5-1 in December is the
 * January gone, as a month or week without its year is the last that
 * has begun (see last_come). */
static int typed_day(const char *s, size_t n, int today, struct period *p, const char **why)
{
	*why = NULL;
	if (!n || !isdigit((unsigned char)*s))
		return -2;
	int r = date_parse_typed(s, n, today, &p->from, why);
	if (r == 0 && day_without_year(s, n))
		r = last_come(&p->from, today, why);
	if (r == 0)
		p->to = p->from;
	return r == -1 && month_past_12(s, n) ? -2 : r;
}

/* A day as cp-log -d takes a word (maandag, ma, last week friday, 3 dagen
 * geleden, vr 20-11): the period of that one day.  Returns as typed_day. */
static int word_day(const char *s, size_t n, int today, struct period *p, const char **why)
{
	char raw[64];
	*why = NULL;
	if (n >= sizeof raw)
		return -2;
	memcpy(raw, s, n);
	raw[n] = '\0';
	int r = date_parse_word(raw, today, &p->from, why);
	if (r == 0)
		p->to = p->from;
	return r;
}

static const char *single(const char *s, size_t n, int today, struct period *p)
{
	static const char *const bad = N_("not a period; write 2026, 2026H1, 2026Q3, 2026-03, "
					  "2026W10, a date, a day like maandag, FROM..TO, a month "
					  "like maart or march-2026, or a word like last-month");
	char word[32] = {0}; /* the analyzer cannot see normalize() fill it */
	char label[16];
	const char *day_why;
	int y, v, r;
	if (normalize(s, n, word) == 0) {
		if (relative(word, today, p) == 0 || month_word(word, today, p) == 0)
			return NULL;
		if ((r = reordered(word, today, label, &day_why)) == 0)
			return single(label, strlen(label), today, p);
		if (r == -2)
			return day_why;
	}
	if (word_day(s, n, today, p, &day_why) != -2 || typed_day(s, n, today, p, &day_why) != -2)
		return day_why;
	if (n == 10)
		return date_parse(s, n, &p->from) ? _(bad) : (p->to = p->from, NULL);
	if (n < 4 || year_of(s, 4, &y) < 0)
		return _(bad);
	s += 4;
	n -= 4;
	if (n == 0) {
		months(p, y, 1, 12);
		return NULL;
	}
	if (*s == '-' && n > 1 && isdigit((unsigned char)s[1])) { /* 2026-03 */
		if (num(s + 1, n - 1, &v) < 0 || n != 3)
			return _(bad);
		if (v < 1 || v > 12)
			return _("no such month; months are 01 to 12");
		months(p, y, v, 1);
		return NULL;
	}
	if (*s == '-' || *s == ' ') { /* 2026-H1, 2026 H1 */
		s++;
		n--;
	}
	if (n < 2 || num(s + 1, n - 1, &v) < 0)
		return _(bad);
	switch (toupper((unsigned char)*s)) {
	case 'H':
		if (v < 1 || v > 2)
			return _("no such half year; halves are H1 and H2");
		months(p, y, 6 * v - 5, 6);
		return NULL;
	case 'Q':
		if (v < 1 || v > 4)
			return _("no such quarter; quarters are Q1 to Q4");
		months(p, y, 3 * v - 2, 3);
		return NULL;
	case 'W':
		if (v < 1 || v > weeks_in_year(y)) { /* which year: "week 53" may mean an earlier */
			static char why[96];
			snprintf(why, sizeof why, _("no such week; %d has weeks 1 to %d"), y,
				 weeks_in_year(y));
			return why;
		}
		p->from = isoweek_start(y, v);
		p->to = p->from + 6;
		return NULL;
	}
	return _(bad);
}

/* The end of a range named without its year (a month, week, quarter or
 * half): the first such on or after the start, as yearless_end has a
 * day; november..januari in December ends next January.  A weekday: see
 * weekday_end.  With no start, the last such. */
static int first_such_end(const char *s, size_t n, int today, int from, struct period *b)
{
	char word[32] = {0}, label[16];
	const char *why;
	if (from == OPEN_FROM || normalize(s, n, word) < 0)
		return -1;
	if (weekday_end(s, n, from, &b->to) == 0) {
		b->from = b->to;
		return 0;
	}
	if (!date_month_named(word, n) &&
	    (reordered(word, today, label, &why) == -1 || !date_typed_yearless(word, n)))
		return -1;
	/* read as on a day a week after another from the start: the last
	 * such begun then, the first that ends on or after the start (a
	 * year on from today may pass one by: weeks come 364 or 371 days
	 * apart; week 53 may be in no year near; within a year or none) */
	for (int r = from; r <= from + 373; r += 7) {
		struct period q = {OPEN_FROM, OPEN_TO};
		if (!single(s, n, r, &q) && q.to >= from) {
			if (q.from - from > 366)
				return -1;
			*b = q;
			return 0;
		}
	}
	return -1;
}

const char *period_parse(const char *s, int today, struct period *p)
{
	const char *dots = strstr(s, "..");
	if (!dots)
		return single(s, strlen(s), today, p);
	const char *end = dots + 2;
	size_t n = strlen(end);
	struct period a = {OPEN_FROM, OPEN_TO}, b = {OPEN_FROM, OPEN_TO};
	const char *why;
	int r = -2;
	if (dots > s && (why = single(s, (size_t)(dots - s), today, &a)))
		return why;
	if (day_without_year(end, n) &&
	    (r = yearless_end(end, n, today, a.from, &b.to, &why)) == -1 && !month_past_12(end, n))
		return why;
	/* week 53 not yet begun may still end a range from week 50; if not,
	 * read it once more for its reason, which the tries wrote over */
	if (r && *end && single(end, n, today, &b) &&
	    first_such_end(end, n, today, a.from, &b) < 0)
		return single(end, n, today, &b);
	if (r && *end)
		first_such_end(end, n, today, a.from, &b);
	if (dots == s && !dots[2])
		return _("a period needs at least one end: FROM.., ..TO or FROM..TO");
	p->from = a.from;
	p->to = b.to;
	if (p->from > p->to)
		return _("the period ends before it begins");
	return NULL;
}

int period_contains(const struct period *p, int day)
{
	return day >= p->from && day <= p->to;
}

struct period period_intersect(struct period a, struct period b)
{
	return (struct period){a.from > b.from ? a.from : b.from, a.to < b.to ? a.to : b.to};
}

/* The shortest name for the period: 2026H1 rather than its two dates. */
void period_format(const struct period *p, char out[32])
{
	static const enum bucket kinds[] = {BUCKET_YEAR, BUCKET_HALF, BUCKET_QUARTER,
					    BUCKET_MONTH, BUCKET_WEEK, BUCKET_DAY};
	char label[16], a[11], b[11];
	if (p->from != OPEN_FROM && p->to != OPEN_TO)
		for (size_t i = 0; i < sizeof kinds / sizeof *kinds; i++) {
			struct period q = {0, 0};
			bucket_label(kinds[i], p->from, label);
			if (!single(label, strlen(label), 0, &q) && q.from == p->from && q.to == p->to) {
				snprintf(out, 32, "%s", label);
				return;
			}
		}
	if (p->from == OPEN_FROM)
		a[0] = '\0';
	else
		date_format(p->from, a);
	if (p->to == OPEN_TO)
		b[0] = '\0';
	else
		date_format(p->to, b);
	snprintf(out, 32, "%s..%s", a, b);
}

int bucket_label(enum bucket b, int day, char out[16])
{
	int y, m, d;
	date_to_ymd(day, &y, &m, &d);
	switch (b) {
	case BUCKET_DAY:
		return snprintf(out, 16, "%04d-%02d-%02d", y, m, d);
	case BUCKET_WEEK:
		date_isoweek(day, &y, &d);
		return snprintf(out, 16, "%04d-W%02d", y, d);
	case BUCKET_MONTH:
		return snprintf(out, 16, "%04d-%02d", y, m);
	case BUCKET_QUARTER:
		return snprintf(out, 16, "%04dQ%d", y, (m + 2) / 3);
	case BUCKET_HALF:
		return snprintf(out, 16, "%04dH%d", y, m <= 6 ? 1 : 2);
	case BUCKET_YEAR:
		return snprintf(out, 16, "%04d", y);
	}
	return 0;
}
