/* planfmt.c: a new plan as YAML text (cp-new), and the YAML forms of hours
 * and of a grant that the changes of a plan write; each value quoted as
 * yamlquote.c says. */
#include <string.h>

#include "plan.h"

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
