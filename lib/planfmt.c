/* planfmt.c: YAML text that every reader takes as the string that was meant.
 * A value is written plain where that is safe, and double-quoted where a
 * YAML 1.1 or 1.2 reader could take it for something else: yes, no, on,
 * null, numbers, dates, or text starting with a quote or indicator. */
#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "plan.h"

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

static void key_text(struct buf *b, int indent, const char *key, const char *value)
{
	buf_printf(b, "%*s%s: ", indent, "", key);
	yaml_put_scalar(b, value, strlen(value));
	buf_putc(b, '\n');
}

static void key_date(struct buf *b, int indent, const char *key, int day)
{
	char d[11];
	date_format(day, d);
	buf_printf(b, "%*s%s: %s\n", indent, "", key, d);
}

void yaml_hours(long minutes, char out[24])
{
	long hundredths = (minutes * 100 + 30) / 60;
	int n = snprintf(out, 24, "%ld", hundredths / 100);
	if (hundredths % 100 && n > 0 && n < 20)
		snprintf(out + n, (size_t)(24 - n), hundredths % 10 ? ".%02ld" : ".%ld",
			 hundredths % 10 ? hundredths % 100 : hundredths % 100 / 10);
}

static void key_hours(struct buf *b, int indent, const char *key, long minutes)
{
	char h[24];
	yaml_hours(minutes, h);
	buf_printf(b, "%*s%s: %s\n", indent, "", key, h);
}

size_t grant_spec_pairs(const struct grant_spec *g, struct ykv kv[8], struct grant_texts *t)
{
	size_t n = 0;
	date_format(g->from, t->from);
	kv[n++] = (struct ykv){"from", t->from, 1};
	if (g->to != DATE_NONE) {
		date_format(g->to, t->to);
		kv[n++] = (struct ykv){"to", t->to, 1};
	} else if (g->length.n) {
		interval_format(g->length, t->length);
		kv[n++] = (struct ykv){"length", t->length, 1};
	}
	if (g->funder >= 0)
		kv[n++] = (struct ykv){"funder", vocab_name(&vocab_funder, g->funder), 1};
	if (g->ref)
		kv[n++] = (struct ykv){"ref", g->ref, 0};
	if (g->kind >= 0)
		kv[n++] = (struct ykv){"kind", vocab_name(&vocab_grant_kind, g->kind), 1};
	if (g->minutes >= 0) {
		yaml_hours(g->minutes, t->hours);
		kv[n++] = (struct ykv){"hours", t->hours, 1};
	} else if (g->level != LEVEL_NONE)
		kv[n++] = (struct ykv){"level", vocab_name(&vocab_grant_level, g->level), 1};
	return n;
}

static void comment(struct buf *b, const char *key, const char *why)
{
	buf_printf(b, "%s:", key);
	size_t pad = strlen(key) + 1 < 20 ? 20 - strlen(key) - 1 : 1;
	buf_printf(b, "%*s# %s\n", (int)pad, "", why);
}

void plan_format(struct buf *b, const struct plan_spec *s)
{
	char iv[16];
	buf_printf(b, "# %s %s\n", _("Coaching plan"), s->id);
	buf_printf(b, "version: %d\n", s->version == 2 ? 2 : 1);
	key_text(b, 0, "id", s->id);
	buf_puts(b, "participant:\n");
	key_text(b, 2, "name", s->name);
	if (s->scheme != SCHEME_NONE)
		key_text(b, 2, "scheme", vocab_name(&vocab_scheme, s->scheme));
	if (s->employer || s->employer_contact) {
		buf_puts(b, "employer:\n");
		if (s->employer)
			key_text(b, 2, "name", s->employer);
		if (s->employer_contact)
			key_text(b, 2, "contact", s->employer_contact);
	}
	if (s->coach)
		key_text(b, 0, "coach", s->coach);
	key_text(b, 0, "funder", vocab_name(&vocab_funder, s->funder));
	if (s->funder_ref)
		key_text(b, 0, "funder_ref", s->funder_ref);
	key_date(b, 0, "start", s->start);
	if (s->end != DATE_NONE)
		key_date(b, 0, "end", s->end);
	if (s->work_minutes >= 0)
		key_hours(b, 0, "work_hours_per_week", s->work_minutes);
	buf_puts(b, "evaluation:\n");
	interval_format(s->every, iv);
	buf_printf(b, "  every: %s\n", iv);
	key_date(b, 2, "next", s->next);
	if (s->version == 2)
		comment(b, "grants", _("- from: ..., to: ..., hours: ... (cp-plan --grant)"));
	if (s->budget_minutes >= 0) {
		buf_puts(b, "budget:\n");
		key_hours(b, 2, "hours", s->budget_minutes);
		interval_format(s->budget_per, iv);
		buf_printf(b, "  per: %s\n", iv);
	}
	if (s->ngoals) {
		buf_puts(b, "goals:\n");
		for (size_t i = 0; i < s->ngoals; i++) {
			buf_printf(b, "  - id: G%zu\n", i + 1);
			key_text(b, 4, "text", s->goals[i]);
			buf_puts(b, "    status: open\n");
		}
	} else
		comment(b, "goals", _("- id: G1, text: ..., status: open"));
	comment(b, "agreements", _("what coach, participant and employer agreed"));
	comment(b, "conditions", _("what the workplace must offer"));
	comment(b, "contacts", _("- name: ..., role: ..."));
	comment(b, "evaluations", _("added by cp-evaluate --record"));
	buf_puts(b, "status: active\n");
}
