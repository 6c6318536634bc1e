/* csvout.c: CSV fields quoted only where they must be (RFC 4180).  libcsv's
 * writer quotes every field, which makes sheets noisy in git diffs. */
#include <string.h>

#include "base.h"

int csv_needs_quotes(const char *s, size_t n, char sep)
{
	if (n == 0)
		return 0;
	/* readers trim unquoted fields, so edge blanks survive only in quotes */
	if (s[0] == ' ' || s[0] == '\t' || s[n - 1] == ' ' || s[n - 1] == '\t')
		return 1;
	for (size_t i = 0; i < n; i++)
		if (s[i] == sep || s[i] == '"' || s[i] == '\n' || s[i] == '\r')
			return 1;
	return 0;
}

void csv_put(struct buf *b, const char *s, size_t n, char sep)
{
	if (!csv_needs_quotes(s, n, sep)) {
		buf_add(b, s, n);
		return;
	}
	buf_putc(b, '"');
	for (const char *q; n && (q = memchr(s, '"', n)); n -= (size_t)(q + 1 - s), s = q + 1) {
		buf_add(b, s, (size_t)(q + 1 - s));
		buf_putc(b, '"');
	}
	buf_add(b, s, n);
	buf_putc(b, '"');
}

/* A cell a spreadsheet would run as a formula (=, +, -, @, or a leading tab
 * or carriage return) is made plain text with a leading apostrophe. */
void csv_put_safe(struct buf *b, const char *s, size_t n, char sep)
{
	if (n && s[0] && strchr("=+-@\t\r", s[0])) {
		struct buf t = {0};
		buf_putc(&t, '\'');
		buf_add(&t, s, n);
		csv_put(b, t.s, t.len, sep);
		buf_free(&t);
		return;
	}
	csv_put(b, s, n, sep);
}

/* ---- the spreadsheet dialect (-o excel) ----
 * Hours go out as decimal hours, because a spreadsheet can add up 1,5 but
 * takes 1:30 for a time of day.  Six decimals at most, trailing zeros
 * dropped: 90 minutes is 1,5 and 20 minutes 0,333333, so that a column of
 * thousands of cells still adds up to the right minute. */
void excel_hours(char out[32], long minutes)
{
	unsigned long m = minutes < 0 ? 0ul - (unsigned long)minutes : (unsigned long)minutes;
	/* millionths of an hour, rounded half up: exact for whole minutes to 6 decimals */
	unsigned long long micro = ((unsigned long long)m * 1000000ull + 30) / 60;
	int n = snprintf(out, 32, "%s%llu,%06llu", minutes < 0 ? "-" : "", micro / 1000000ull,
			 micro % 1000000ull);
	while (n > 0 && out[n - 1] == '0')
		out[--n] = '\0';
	if (n > 0 && out[n - 1] == ',')
		out[--n] = '\0';
}

/* A number as written for programs (-12.5) with a decimal comma.  A
 * leading minus stays: spreadsheets read -0,5 as a number, not a formula. */
void excel_number(struct buf *b, const char *s)
{
	for (; *s; s++)
		buf_putc(b, *s == '.' ? ',' : *s);
}

/* The header of a minutes column says its unit: minutes becomes hours,
 * onsite_minutes onsite_hours, and a key without a unit gets _hours. */
void excel_hours_key(struct buf *b, const char *key)
{
	size_t n = strlen(key);
	if (n >= 7 && !strcmp(key + n - 7, "minutes")) {
		buf_add(b, key, n - 7);
		buf_puts(b, "hours");
	} else {
		buf_puts(b, key);
		buf_puts(b, "_hours");
	}
}
