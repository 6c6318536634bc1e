/* yamlquote.c: YAML text that every reader takes as the string that was
 * meant.  A value is written plain where that is safe, and double-quoted
 * where a YAML 1.1 or 1.2 reader could take it for something else: yes,
 * no, on, null, numbers, dates, or text starting with a quote or
 * indicator; in flow style ([ ], { }) a comma or bracket is quoted too;
 * and a value that replaces a quoted one keeps the user's quotes where
 * they can hold it. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "ytree.h"

static int reserved(const char *s, size_t n)
{
	static const char *const words[] = {"y", "n", "yes", "no", "on", "off", "true", "false",
					    "null", "~", "=", "<<", ".inf", "-.inf", "+.inf",
					    ".nan", NULL};
	for (int i = 0; words[i]; i++)
		if (strlen(words[i]) == n && !strncasecmp(s, words[i], n))
			return 1;
	return 0;
}

/* Numbers in any YAML dialect (0x1f, 0o17, 1_000, 1:30 sexagesimal, 1e3)
 * and timestamps: quoting a little too much is harmless, too little is not. */
static int numeric(const char *s, size_t n)
{
	if (!strchr("0123456789+-.", s[0]))
		return 0;
	if (n >= 5 && isdigit((unsigned char)s[0]) && isdigit((unsigned char)s[1]) &&
	    isdigit((unsigned char)s[2]) && isdigit((unsigned char)s[3]) && s[4] == '-')
		return 1; /* 2026-01-05, 2026-01-05 10:00 */
	for (size_t i = 0; i < n; i++)
		if (!strchr("0123456789abcdefABCDEFxXoO._:+-", s[i]))
			return 0;
	return 1;
}

/* The code points YAML does not allow in a file at all, only escaped in
 * double quotes: C1 controls but NEL (U+0080-U+009F), U+FFFE and U+FFFF.
 * Returns the code point, or 0. */
static unsigned not_printable(const char *p, size_t n)
{
	const unsigned char *u = (const unsigned char *)p;
	if (n >= 2 && u[0] == 0xc2 && u[1] >= 0x80 && u[1] <= 0x9f && u[1] != 0x85)
		return u[1];
	if (n >= 3 && u[0] == 0xef && u[1] == 0xbf && (u[2] == 0xbe || u[2] == 0xbf))
		return u[2] == 0xbe ? 0xfffe : 0xffff;
	return 0;
}

int yaml_needs_quotes(const char *s, size_t n)
{
	if (n == 0 || reserved(s, n) || numeric(s, n))
		return 1;
	if (strchr("-?:,[]{}#&*!|>'\"%@`", s[0]) || s[0] == ' ' || s[n - 1] == ' ' ||
	    s[n - 1] == ':')
		return 1;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c < 0x20 || c == 0x7f)
			return 1;
		if ((c == ':' && i + 1 < n && s[i + 1] == ' ') || (c == '#' && i > 0 && s[i - 1] == ' '))
			return 1;
		if (c == 0xef && i + 2 < n && (unsigned char)s[i + 1] == 0xbb &&
		    (unsigned char)s[i + 2] == 0xbf)
			return 1; /* a byte order mark */
		if ((c == 0xc2 && i + 1 < n && (unsigned char)s[i + 1] == 0x85) ||
		    (c == 0xe2 && i + 2 < n && (unsigned char)s[i + 1] == 0x80 &&
		     ((unsigned char)s[i + 2] == 0xa8 || (unsigned char)s[i + 2] == 0xa9)))
			return 1; /* characters YAML takes for line breaks */
		if (not_printable(s + i, n - i))
			return 1;
	}
	return 0;
}

static void put_double_quoted(struct buf *b, const char *s, size_t n)
{
	buf_putc(b, '"');
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		/* the characters with an escape of a letter, and their letters */
		static const char escaped[] = "\"\\\n\t\r", letter[] = "\"\\ntr";
		const char *e = c ? strchr(escaped, c) : NULL;
		if (e || !c) {
			buf_putc(b, '\\');
			buf_putc(b, e ? letter[e - escaped] : '0');
			continue;
		}
		if (c < 0x20 || c == 0x7f)
			buf_printf(b, "\\x%02x", c);
		else if (c == 0xc2 && i + 1 < n && (unsigned char)s[i + 1] == 0x85)
			buf_puts(b, "\\N"), i++;
		else if (c == 0xe2 && i + 2 < n && (unsigned char)s[i + 1] == 0x80 &&
			 ((unsigned char)s[i + 2] == 0xa8 || (unsigned char)s[i + 2] == 0xa9))
			buf_puts(b, (unsigned char)s[i + 2] == 0xa8 ? "\\L" : "\\P"), i += 2;
		else if (c == 0xef && i + 2 < n && (unsigned char)s[i + 1] == 0xbb &&
			 (unsigned char)s[i + 2] == 0xbf)
			buf_puts(b, "\\uFEFF"), i += 2;
		else if (not_printable(s + i, n - i) > 0xff)
			buf_printf(b, "\\u%04X", not_printable(s + i, n - i)), i += 2;
		else if (not_printable(s + i, n - i))
			buf_printf(b, "\\x%02X", not_printable(s + i, n - i)), i++;
		else
			buf_putc(b, (char)c);
	}
	buf_putc(b, '"');
}

void yaml_put_scalar(struct buf *b, const char *s, size_t n)
{
	if (yaml_needs_quotes(s, n))
		put_double_quoted(b, s, n);
	else
		buf_add(b, s, n);
}

static void put_single_quoted(struct buf *b, const char *s)
{
	buf_putc(b, '\'');
	for (; *s; s++) {
		if (*s == '\'')
			buf_putc(b, '\'');
		buf_putc(b, *s);
	}
	buf_putc(b, '\'');
}

/* Single quotes can escape nothing: no control character, nothing YAML
 * takes for a line break (NEL, U+2028, U+2029), no C1 control, U+FFFE or
 * U+FFFF (not allowed in a file), and no invisible byte order mark. */
static int single_quotable(const char *s)
{
	for (const unsigned char *u = (const unsigned char *)s; *u; u++)
		if (u[0] < 0x20 || u[0] == 0x7f || (u[0] == 0xc2 && u[1] >= 0x80 && u[1] <= 0x9f) ||
		    (u[0] == 0xe2 && u[1] == 0x80 && (u[2] == 0xa8 || u[2] == 0xa9)) ||
		    (u[0] == 0xef && u[1] == 0xbb && u[2] == 0xbf) ||
		    (u[0] == 0xef && u[1] == 0xbf && (u[2] == 0xbe || u[2] == 0xbf)))
			return 0;
	return 1;
}

/* Double quotes around a text that yaml_needs_quotes() let pass: it has no
 * control characters, so only " and \ need a backslash. */
static void put_double_quoted_plain(struct buf *b, const char *s)
{
	buf_putc(b, '"');
	for (; *s; s++) {
		if (*s == '"' || *s == '\\')
			buf_putc(b, '\\');
		buf_putc(b, *s);
	}
	buf_putc(b, '"');
}

static int flow_indicator(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (strchr(",[]{}", s[i]))
			return 1;
	return 0;
}

void yaml_put_flow_scalar(struct buf *b, const char *s, size_t n)
{
	if (!yaml_needs_quotes(s, n) && flow_indicator(s, n)) {
		char *copy = xstrndup(s, n);
		put_single_quoted(b, copy);
		free(copy);
	} else
		yaml_put_scalar(b, s, n);
}

/* The quotes the old text had where they can hold the new one; single
 * quotes escape nothing, so some texts go into double quotes instead. */
void yaml_put_requoted(struct buf *b, const char *s, int style, int raw)
{
	if (style == Y_SQUOTED && single_quotable(s))
		put_single_quoted(b, s);
	else if (yaml_needs_quotes(s, strlen(s)) && !raw)
		yaml_put_scalar(b, s, strlen(s));
	else
		put_double_quoted_plain(b, s);
}
