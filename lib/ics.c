/* ics.c: an iCalendar feed (RFC 5545) of all-day events, for a coach's
 * calendar program.  Lines end in CRLF and are folded at 75 octets, never
 * inside a UTF-8 character (3.1); TEXT values escape \ ; , and line breaks
 * (3.3.11).  The output depends only on its input: the same caseload gives
 * the same bytes, so a feed can be diffed, tested and served as a file.
 * Its summaries are for people and follow the messages' language (a
 * Dutch coach's calendar says Evaluatie); UIDs and categories never do. */
#include <string.h>

#include "reports.h"

#define ICS_FOLD 75

/* One content line, folded: a line break and a space before each further
 * part, each part at most 75 octets with that space. */
static void put_line(struct buf *b, const char *line, size_t n)
{
	size_t room = ICS_FOLD;
	while (n > room) {
		size_t cut = room;
		while (cut > 0 && ((unsigned char)line[cut] & 0xc0) == 0x80)
			cut--; /* back to the start of a character */
		if (!cut) /* no character starts in reach: the text is no UTF-8, cut anyway */
			cut = room;
		buf_add(b, line, cut);
		buf_puts(b, "\r\n ");
		line += cut;
		n -= cut;
		room = ICS_FOLD - 1;
	}
	buf_add(b, line, n);
	buf_puts(b, "\r\n");
}

static void prop(struct buf *b, const char *name, const char *value)
{
	struct buf l = {0};
	buf_printf(&l, "%s:%s", name, value);
	put_line(b, l.s, l.len);
	buf_free(&l);
}

static void prop_text(struct buf *b, const char *name, const char *text)
{
	struct buf l = {0};
	buf_printf(&l, "%s:", name);
	for (const char *p = text; *p; p++) {
		if (*p == '\\' || *p == ';' || *p == ',')
			buf_putc(&l, '\\');
		if (*p == '\n')
			buf_puts(&l, "\\n");
		else if ((unsigned char)*p >= 0x20 && *p != 0x7f)
			buf_putc(&l, *p); /* other control characters are not allowed in TEXT */
	}
	put_line(b, l.s, l.len);
	buf_free(&l);
}

static void ics_date(char out[9], int day)
{
	char d[11];
	date_format(day, d);
	memcpy(out, d, 4);
	memcpy(out + 4, d + 5, 2);
	memcpy(out + 6, d + 8, 2);
	out[8] = '\0';
}

void ics_begin(struct buf *b, const char *name)
{
	prop(b, "BEGIN", "VCALENDAR");
	prop(b, "VERSION", "2.0");
	prop(b, "PRODID", "-//coachplan//cp-evaluate//EN");
	prop(b, "CALSCALE", "GREGORIAN");
	prop(b, "METHOD", "PUBLISH");
	prop_text(b, "X-WR-CALNAME", name);
}

void ics_event(struct buf *b, const struct ics_event *ev, int stamp)
{
	char day[9], next[9], uid[128];
	ics_date(day, ev->day);
	ics_date(next, ev->day + 1);
	snprintf(uid, sizeof uid, "%s-%s-%s@coachplan", ev->kind, ev->plan, day);
	prop(b, "BEGIN", "VEVENT");
	prop(b, "UID", uid);
	ics_date(uid, stamp);
	strcat(uid, "T000000Z");
	prop(b, "DTSTAMP", uid);
	prop(b, "DTSTART;VALUE=DATE", day);
	prop(b, "DTEND;VALUE=DATE", next);
	prop_text(b, "SUMMARY", ev->summary);
	if (ev->description)
		prop_text(b, "DESCRIPTION", ev->description);
	prop_text(b, "CATEGORIES", ev->kind);
	prop(b, "TRANSP", "TRANSPARENT"); /* a reminder, not a busy day */
	prop(b, "END", "VEVENT");
}

void ics_end(struct buf *b)
{
	prop(b, "END", "VCALENDAR");
}

/* Next evaluations, plan ends and follow-up applications as events.  A calendar shows more people
 * than the coach: only the plan id and the participant's name go in, and
 * never goals, summaries, employers or anything medical. */
void ics_feed(struct buf *b, const char *name, const struct duelist *l, int stamp)
{
	struct buf summary = {0}, desc = {0};
	ics_begin(b, name);
	for (size_t i = 0; i < l->n; i++) {
		const struct due_item *d = &l->v[i];
		if (d->what != DUE_EVALUATION && d->what != DUE_END && d->what != DUE_FOLLOWUP)
			continue;
		summary.len = desc.len = 0;
		if (d->what == DUE_EVALUATION) {
			buf_printf(&summary, _("Evaluation %s: %s"), d->plan, d->name);
			buf_printf(&desc, _("Record it with: cp-evaluate --record %s"), d->plan);
		} else if (d->what == DUE_FOLLOWUP) {
			char end[11];
			date_format(d->since, end);
			buf_printf(&summary, _("Apply for a follow-up grant %s: %s"), d->plan, d->name);
			buf_printf(&desc,
				   _("The grant ends on %s; %s wants the follow-up applied for %d weeks "
				     "before. Record the new grant with: cp-plan %s --grant"),
				   end, funder_label(d->funder), funder_rules(d->funder)->followup_weeks,
				   d->plan);
		} else {
			buf_printf(&summary, _("End of coaching %s: %s"), d->plan, d->name);
			buf_puts(&desc, d->flags & DUE_UWV_LIMIT
						? _("UWV pays coaching for at most 3 years; close the plan "
						    "or agree an extension.")
						: _("Close the plan or agree an extension."));
		}
		struct ics_event ev = {due_what_name(d->what), d->plan, d->date, buf_str(&summary),
				       buf_str(&desc)};
		ics_event(b, &ev, stamp);
	}
	ics_end(b);
	buf_free(&summary);
	buf_free(&desc);
}
