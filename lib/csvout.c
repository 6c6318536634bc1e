/* csvout.c: CSV fields quoted only where they must be (RFC 4180).  libcsv's
 * writer quotes every field, which makes sheets noisy in git diffs. */
#include <string.h>

#include "coachplan.h"

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
