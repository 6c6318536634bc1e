/* date.c: calendar dates as a count of days since 1970-01-01, so that
 * comparing and subtracting dates is integer arithmetic.  The conversions
 * are Howard Hinnant's proleptic Gregorian algorithms. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "calendar.h"

int date_from_ymd(int y, int m, int d)
{
	y -= m <= 2;
	int era = (y >= 0 ? y : y - 399) / 400;
	int yoe = y - era * 400;
	int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

void date_to_ymd(int day, int *y, int *m, int *d)
{
	int z = day + 719468;
	int era = (z >= 0 ? z : z - 146096) / 146097;
	int doe = z - era * 146097;
	int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int mp = (5 * doy + 2) / 153;
	*d = doy - (153 * mp + 2) / 5 + 1;
	*m = mp < 10 ? mp + 3 : mp - 9;
	*y = yoe + era * 400 + (*m <= 2);
}

static int leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int date_days_in_month(int y, int m)
{
	static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	return m == 2 && leap(y) ? 29 : days[m - 1];
}

static int digits(const char *s, size_t n)
{
	int v = 0;
	for (size_t i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

const char *date_parse(const char *s, size_t n, int *day)
{
	static _Thread_local char why[128]; /* readers run on two threads */
	if (n != 10 || s[4] != '-' || s[7] != '-')
		return _("not a date; dates are written YYYY-MM-DD");
	int y = digits(s, 4), m = digits(s + 5, 2), d = digits(s + 8, 2);
	if (y < 0 || m < 0 || d < 0)
		return _("not a date; dates are written YYYY-MM-DD");
	if (y < 1900 || y > 2999)
		return _("year out of range (1900 to 2999)");
	if (m < 1 || m > 12)
		return _("no such month; months are 01 to 12");
	int last = date_days_in_month(y, m);
	if (d < 1 || d > last) {
		snprintf(why, sizeof why, _("no such day: %04d-%02d has %d days"), y, m, last);
		return why;
	}
	*day = date_from_ymd(y, m, d);
	return NULL;
}

/* the number of up to max digits at s[*i], or -1 for none or more */
static int number(const char *s, size_t n, size_t *i, int max)
{
	int v = 0, k = 0;
	while (*i < n && s[*i] >= '0' && s[*i] <= '9') {
		if (++k > max)
			return -1;
		v = v * 10 + (s[(*i)++] - '0');
	}
	return k ? v : -1;
}

/* A day written in parts, checked as date_parse checks one: the same
 * years, the same reasons.  0, or -1 with *why. */
static int from_parts(int y, int m, int d, int *day, const char **why)
{
	char iso[40];
	snprintf(iso, sizeof iso, "%04d-%02d-%02d", y, m, d);
	*why = date_parse(iso, strlen(iso), day);
	return *why ? -1 : 0;
}

int date_parse_dmy(const char *s, size_t n, int *day, const char **why)
{
	size_t i = 0;
	int d = number(s, n, &i, 2);
	char sep = i < n ? s[i] : 0;
	if (d < 0 || (sep != '-' && sep != '/' && sep != '.'))
		return -2;
	i++;
	int m = number(s, n, &i, 2);
	if (m < 0 || i >= n || s[i] != sep)
		return -2;
	i++;
	size_t at = i;
	int y = number(s, n, &i, 4);
	if (y < 0 || i - at != 4 || i != n) /* a year of four digits, and nothing after it */
		return -2;
	return from_parts(y, m, d, day, why);
}

int date_month_named(const char *s, size_t n)
{
	static const char *const names[12][4] = {
		{"januari", "january", "jan"},       {"februari", "february", "feb"},
		{"maart", "march", "mrt", "mar"},    {"april", "apr"},
		{"mei", "may"},                      {"juni", "june", "jun"},
		{"juli", "july", "jul"},             {"augustus", "august", "aug"},
		{"september", "sep", "sept"},        {"oktober", "october", "okt", "oct"},
		{"november", "nov"},                 {"december", "dec"},
	};
	for (int m = 0; m < 12; m++)
		for (int k = 0; k < 4 && names[m][k]; k++)
			if (strlen(names[m][k]) == n && !strncasecmp(s, names[m][k], n))
				return m + 1;
	return 0;
}

static int dm_sep(char c)
{
	return c == '-' || c == '/' || c == '.' || c == ' ';
}

/* 20-11, 20 nov, 20 november 2026: the day, month and year (-1 if none
 * is written) as typed, or -2 for another shape. */
static int dm_parts(const char *s, size_t n, int *dp, int *mp, int *yp)
{
	size_t i = 0;
	int d = number(s, n, &i, 2), m, y = -1;
	if (d < 0 || i + 1 >= n || !dm_sep(s[i]))
		return -2;
	i++;
	if (s[i] >= '0' && s[i] <= '9') { /* 20-11 */
		if (s[i - 1] == ' ' || (m = number(s, n, &i, 2)) < 0 || i != n)
			return -2;
	} else { /* 20 nov, 20 november 2026 */
		size_t at = i;
		while (i < n && ((s[i] | 0x20) >= 'a' && (s[i] | 0x20) <= 'z'))
			i++;
		if (!(m = date_month_named(s + at, i - at)))
			return -2;
		if (i < n && s[i] == '.' && i - at <= 4) /* 20 nov., 20 nov. 2026 */
			i++;
		if (i < n) {
			at = ++i;
			if (!dm_sep(s[i - 1]) || (y = number(s, n, &i, 4)) < 0 ||
			    i - at != 4 || i != n)
				return -2;
		}
	}
	*dp = d, *mp = m, *yp = y;
	return 0;
}

/* The parts of a day typed as date_parse_dm takes it; 1 if it has no
 * year and a month of the twelve, to be given one; else as
 * date_parse_dmy (*day set with its year). */
static int dm_yearless(const char *s, size_t n, int *d, int *m, int *day, const char **why)
{
	int y, r = dm_parts(s, n, d, m, &y);
	if (r == 0 && y >= 0)
		return from_parts(y, *m, *d, day, why);
	if (r == 0 && (*m < 1 || *m > 12)) {
		*why = _("no such month; months are 1 to 12");
		return -1;
	}
	return r ? r : 1;
}

int date_parse_dm(const char *s, size_t n, int today, int *day, const char **why)
{
	int d, m, r = dm_yearless(s, n, &d, &m, day, why);
	if (r != 1)
		return r;
	int ty, tm, td, best = 0;
	date_to_ymd(today, &ty, &tm, &td);
	for (int cy = ty - 1; cy <= ty + 1; cy++) {
		if (d < 1 || d > date_days_in_month(cy, m))
			continue;
		int c = date_from_ymd(cy, m, d);
		if (!best || abs(c - today) < abs(*day - today))
			*day = c, best = 1;
	}
	if (!best)
		*why = d == 29 && m == 2 ? _("no such day: 29 February is not in a year near this one")
					 : _("no such day in that month");
	return best ? 0 : -1;
}

int date_parse_dm_after(const char *s, size_t n, int after, int *day, const char **why)
{
	int d, m, y, am, ad, r = dm_yearless(s, n, &d, &m, day, why);
	if (r != 1)
		return r;
	date_to_ymd(after, &y, &am, &ad);
	for (int cy = y; cy <= y + 1; cy++)
		if (d >= 1 && d <= date_days_in_month(cy, m) && date_from_ymd(cy, m, d) >= after) {
			*day = date_from_ymd(cy, m, d);
			return 0;
		}
	*why = d == 29 && m == 2 ? _("no such day: 29 February is not in the year from the start")
				 : _("no such day in that month");
	return -1;
}

/* 2026/11/20, as some agendas write it: the ISO date with slashes (and
 * only so: 2026/1/5 is refused, as 2026-1-5 is). */
static int ymd_slashed(const char *s, size_t n, int *day, const char **why)
{
	if (n != 10 || s[4] != '/' || s[7] != '/')
		return -2;
	int y = digits(s, 4), m = digits(s + 5, 2), d = digits(s + 8, 2);
	return y < 0 || m < 0 || d < 0 ? -2 : from_parts(y, m, d, day, why);
}

int date_parse_typed(const char *s, size_t n, int today, int *day, const char **why)
{
	int r = date_parse_dmy(s, n, day, why);
	if (r == -2)
		r = ymd_slashed(s, n, day, why);
	return r == -2 ? date_parse_dm(s, n, today, day, why) : r;
}

int date_typed_with_year(const char *s, size_t n)
{
	const char *why;
	int day = DATE_NONE;
	/* 1-6 is a date too, of the year nearest today; a file's is not */
	if (n < 6 || digits(s + n - 4, 4) < 0 || (s[n - 5] >= '0' && s[n - 5] <= '9'))
		return DATE_NONE;
	return date_parse_typed(s, n, 0, &day, &why) == 0 ? day : DATE_NONE;
}

int date_typed_yearless(const char *s, size_t n)
{
	int digit = 0;
	for (size_t i = 0, run = 0; i < n; i++) {
		run = s[i] >= '0' && s[i] <= '9' ? run + 1 : 0;
		digit |= run > 0;
		if (run == 4) /* a year is written in four digits, or not at all */
			return 0;
	}
	return digit;
}

void date_format(int day, char out[11])
{
	int y, m, d;
	date_to_ymd(day, &y, &m, &d);
	y = y < 0 ? 0 : y % 10000;
	const int v[] = {y / 1000, y / 100 % 10, y / 10 % 10, y % 10, -1,
			 m / 10, m % 10, -1, d / 10, d % 10};
	for (int i = 0; i < 10; i++)
		out[i] = v[i] < 0 ? '-' : (char)('0' + v[i]);
	out[10] = '\0';
}

int date_add_months(int day, int months)
{
	int y, m, d;
	date_to_ymd(day, &y, &m, &d);
	int mm = y * 12 + (m - 1) + months;
	y = mm >= 0 ? mm / 12 : (mm - 11) / 12;
	m = mm - y * 12 + 1;
	int last = date_days_in_month(y, m);
	return date_from_ymd(y, m, d > last ? last : d);
}

/* Months are counted from the original day each time, so that the 31st stays
 * the 31st where the month has one instead of drifting to the 28th. */
int date_add_interval(int day, struct interval iv, int times)
{
	switch (iv.unit) {
	case 'd':
		return day + iv.n * times;
	case 'w':
		return day + 7 * iv.n * times;
	case 'm':
		return date_add_months(day, iv.n * times);
	case 'y':
		return date_add_months(day, 12 * iv.n * times);
	}
	return day;
}

int date_weekday(int day)
{
	return ((day % 7 + 7) % 7 + 3) % 7 + 1;
}

/* An ISO week belongs to the year that holds its Thursday. */
void date_isoweek(int day, int *year, int *week)
{
	int thursday = day - (date_weekday(day) - 1) + 3;
	int y, m, d;
	date_to_ymd(thursday, &y, &m, &d);
	*year = y;
	*week = (thursday - date_from_ymd(y, 1, 1)) / 7 + 1;
}

int date_today(void)
{
	const char *fixed = getenv("CP_TODAY");
	int day = 0;
	if (fixed && *fixed && !date_parse(fixed, strlen(fixed), &day))
		return day;
	time_t now = time(NULL);
	struct tm tm;
	localtime_r(&now, &tm);
	return date_from_ymd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

const char *interval_parse(const char *s, size_t n, struct interval *iv)
{
	size_t i = 0;
	long v = 0;
	while (i < n && s[i] >= '0' && s[i] <= '9' && v < 100000)
		v = v * 10 + (s[i++] - '0');
	if (i == 0 || i + 1 != n || !strchr("dwmy", s[i]) || s[i] == '\0')
		return _("not an interval; write a number and d, w, m or y, as in 6m");
	if (v < 1)
		return _("an interval must be at least 1");
	static const long max[] = {3660, 520, 120, 10}; /* ten years in each unit */
	if (v > max[strchr("dwmy", s[i]) - "dwmy"])
		return _("an interval may be at most ten years");
	iv->n = (int)v;
	iv->unit = s[i];
	return NULL;
}

/* The letter of an interval's unit as a coach writes it out, in Dutch or
 * English (weken, mnd, jaar, 1j), or 0. */
static char interval_unit_named(const char *s, size_t n)
{
	static const char *const units[] = {
		"d|dag|dagen|day|days",
		"w|wk|wkn|week|weken|weeks",
		"m|mnd|mnd.|maand|maanden|mo|month|months",
		"y|j|jr|jaar|jaren|year|years",
	};
	for (size_t u = 0; u < sizeof units / sizeof *units; u++)
		for (const char *w = units[u]; *w; w += strcspn(w, "|"), w += *w == '|') {
			size_t len = strcspn(w, "|");
			if (len == n && !strncasecmp(s, w, n))
				return "dwmy"[u];
		}
	return 0;
}

const char *interval_parse_typed(const char *s, size_t n, struct interval *iv)
{
	size_t digits = 0, at, end;
	for (; n && *s == ' '; s++, n--) /* as blanks after it are cut */
		;
	while (digits < n && s[digits] >= '0' && s[digits] <= '9')
		digits++;
	for (at = digits; at < n && s[at] == ' '; at++)
		;
	for (end = n; end > at && s[end - 1] == ' '; end--)
		;
	char unit = interval_unit_named(s + at, end - at), plain[24];
	if (!digits || digits > 6 || !unit)
		return interval_parse(s, n, iv);
	snprintf(plain, sizeof plain, "%.*s%c", (int)digits, s, unit);
	return interval_parse(plain, strlen(plain), iv);
}

void interval_format(struct interval iv, char out[16])
{
	snprintf(out, 16, "%d%c", iv.n, iv.unit);
}

int interval_days_approx(struct interval iv)
{
	switch (iv.unit) {
	case 'w':
		return 7 * iv.n;
	case 'm':
		return 30 * iv.n + iv.n / 2;
	case 'y':
		return 365 * iv.n;
	}
	return iv.n;
}
