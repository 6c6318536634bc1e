/* accountchart.c: the charts of the accountability report, for whoever
 * would rather look than read: the hours of each week of the period by
 * mode, stacked, and each grant's burn: its hours used, added up week by
 * week, against what it granted (the ceiling, a dashed line).  A version 1
 * plan's budget periods are its grants (grant.c makes them), so both kinds
 * of plan draw the same.  The numbers are the report's: the weeks add up to
 * the hours table, the last week of a grant to its line in the budget
 * table.  Over more than a year of weeks, a bar per month. */
#include <stdlib.h>
#include <string.h>

#include "reports.h"

#define MAX_WEEKS 60 /* more bars than this: months */

struct plan_days {
	const struct plan *p;
	int first;            /* the day of mode[0] */
	size_t n;             /* days held */
	long (*mode)[MODE_COUNT]; /* minutes per day and mode */
};

struct plan_days *plan_days_new(const struct plan *p)
{
	struct plan_days *d = xcalloc(1, sizeof *d);
	d->p = p;
	return d;
}

void plan_days_add(struct plan_days *d, const struct entry *e)
{
	if (!d->n) {
		d->first = e->date;
		d->n = 1;
		d->mode = xcalloc(1, sizeof *d->mode);
	} else if (e->date < d->first) { /* room in front */
		size_t more = (size_t)(d->first - e->date);
		d->mode = xreallocarray(d->mode, d->n + more, sizeof *d->mode);
		memmove(d->mode + more, d->mode, d->n * sizeof *d->mode);
		memset(d->mode, 0, more * sizeof *d->mode);
		d->n += more;
		d->first = e->date;
	} else if ((size_t)(e->date - d->first) >= d->n) {
		size_t n = (size_t)(e->date - d->first) + 1;
		d->mode = xreallocarray(d->mode, n, sizeof *d->mode);
		memset(d->mode + d->n, 0, (n - d->n) * sizeof *d->mode);
		d->n = n;
	}
	int m = e->mode >= 0 && e->mode < MODE_COUNT ? e->mode : MODE_OTHER;
	d->mode[e->date - d->first][m] += e->minutes;
}

void plan_days_free(struct plan_days *d)
{
	if (!d)
		return;
	free(d->mode);
	free(d);
}

static long day_mode(const struct plan_days *d, int day, int m)
{
	if (!d->n || day < d->first || (size_t)(day - d->first) >= d->n)
		return 0;
	return d->mode[day - d->first][m];
}

static long day_minutes(const struct plan_days *d, int day)
{
	long sum = 0;
	for (int m = 0; m < MODE_COUNT; m++)
		sum += day_mode(d, day, m);
	return sum;
}

/* ---- the stretches a chart has a bar for: weeks, or months ---- */

struct stretch {
	int from, to; /* days, inclusive: a week (Monday to Sunday) or a month, cut to the span */
	char key[16], label[64], tick[8];
};

static int weeks_between(int from, int to)
{
	int monday = from - (date_weekday(from) - 1);
	return (to - monday) / 7 + 1;
}

/* The buckets over [from, to]; by month when weeks would be too many. */
static size_t stretches(int from, int to, int *by_month, struct stretch **out)
{
	size_t n = 0, cap = 16;
	struct stretch *v = xreallocarray(NULL, cap, sizeof *v);
	*by_month = weeks_between(from, to) > MAX_WEEKS;
	for (int day = from; day <= to;) {
		int y, m, d, end;
		if (n == cap)
			v = xreallocarray(v, cap *= 2, sizeof *v);
		struct stretch *b = &v[n++];
		date_to_ymd(day, &y, &m, &d);
		if (*by_month) {
			end = date_from_ymd(y, m, date_days_in_month(y, m));
			snprintf(b->key, sizeof b->key, "%04d-%02d", y, m);
			snprintf(b->label, sizeof b->label, "%s %d", lang_month(m), y);
			snprintf(b->tick, sizeof b->tick, "%d", m);
		} else {
			int wy, w;
			end = day + (7 - date_weekday(day));
			date_isoweek(day, &wy, &w);
			snprintf(b->key, sizeof b->key, "%04d-W%02d", wy, w);
			/* TRANSLATORS: an ISO week and its year: week 3 of 2026 */
			snprintf(b->label, sizeof b->label, _("week %d of %d"), w, wy);
			snprintf(b->tick, sizeof b->tick, "%d", w);
		}
		b->from = day;
		b->to = end < to ? end : to;
		day = b->to + 1;
	}
	*out = v;
	return n;
}

void account_chart_weeks(struct report *r, const struct plan_days *d, const struct period *period,
			 const struct report_opts *o)
{
	const struct plan *p = d->p;
	struct period days = period_intersect(
		*period, (struct period){p->start, p->end != DATE_NONE ? p->end : PERIOD_OPEN_TO});
	int from = days.from, to = days.to;
	int last = d->n ? d->first + (int)d->n - 1 : from;
	if (last < o->today)
		last = o->today;
	if (to > last)
		to = last; /* an open period, or one that goes on after today: no empty weeks */
	if (!d->n || to < from)
		return;
	long all[MODE_COUNT] = {0}, sum = 0;
	for (int day = from; day <= to; day++)
		for (int m = 0; m < MODE_COUNT; m++)
			all[m] += day_mode(d, day, m);
	for (int m = 0; m < MODE_COUNT; m++)
		sum += all[m];
	if (!sum)
		return; /* nothing to draw: the table says 0:00 */
	int by_month;
	struct stretch *b;
	size_t n = stretches(from, to, &by_month, &b);
	char desc[512], hm[24], day0[LANG_DATE_MAX], day1[LANG_DATE_MAX];
	duration_format(sum, hm);
	snprintf(desc, sizeof desc,
		 by_month ? _("The hours of each month from %s to %s, stacked by mode: %s in all, as "
			      "in the table of hours.")
			  : _("The hours of each week from %s to %s, stacked by mode: %s in all, as in "
			      "the table of hours."),
		 report_day(o, from, day0), report_day(o, to, day1), hm);
	struct rchart *c =
		report_chart(r, "per_week", by_month ? _("Hours per month by mode")
						     : _("Hours per week by mode"),
			     desc, by_month ? _("month") : _("week"));
	/* the modes of the table of hours, other only where there are such
	 * hours: the same colour for a mode in every report */
	int modes[MODE_COUNT];
	size_t nmodes = 0;
	for (int m = 0; m < MODE_COUNT; m++)
		if (m != MODE_OTHER || all[m]) {
			modes[nmodes++] = m;
			rchart_series(c, vocab_name(&vocab_mode, m), mode_label(m));
		}
	for (size_t i = 0; i < n; i++) {
		long v[MODE_COUNT] = {0};
		for (int day = b[i].from; day <= b[i].to; day++)
			for (size_t k = 0; k < nmodes; k++)
				v[k] += day_mode(d, day, modes[k]);
		rchart_bar(c, b[i].key, b[i].label, b[i].tick, v, CHART_NONE);
	}
	free(b);
}

/* The minutes of day that went to the budget line: its budget period's
 * (a version 1 plan's), its dated grant's, or what its strippenkaart took. */
static long line_day(const struct plan_days *d, struct budget *bu, const struct budget_line *l,
		     int day, long *slots)
{
	const struct plan *p = d->p;
	long minutes = day_minutes(d, day);
	if (!minutes || !l->grant || l->grant->implicit)
		return minutes;
	if (l->grant->kind != GRANT_STRIPPENKAART)
		return plan_grant_on(p, day) == l->grant ? minutes : 0;
	struct grant_use *u = budget_grant_use(bu, p);
	if (!u || plan_grant_on(p, day) || plan_card_on(p, day, 0) < 0)
		return 0;
	grant_use_day(u, day, slots);
	return slots[l->grant - p->grants];
}

void account_chart_burn(struct report *r, const struct plan_days *d, struct budget *bu,
			const struct budget_line *l, const struct report_opts *o, int until)
{
	const struct plan *p = d->p;
	if (l->from == DATE_NONE || l->granted <= 0)
		return; /* the ungranted: no ceiling to burn towards */
	int last = d->n ? d->first + (int)d->n - 1 : o->today;
	if (last < o->today)
		last = o->today;
	if (until > last)
		until = last; /* an open period: up to today, or the last hour logged */
	if (l->from > until)
		return; /* not begun by the end of the period: nothing burnt yet */
	int to = l->to;
	if (to == DATE_NONE) /* a strippenkaart: valid until used up */
		to = until;
	if (to < l->from)
		to = l->from;
	int by_month;
	struct stretch *b;
	size_t n = stretches(l->from, to, &by_month, &b);
	long *slots = xcalloc(p->ngrants + 1, sizeof *slots), used = 0;
	char title[256], desc[512], d0[LANG_DATE_MAX], d1[LANG_DATE_MAX], granted[24], hm[24];
	report_day(o, l->from, d0);
	if (l->to != DATE_NONE)
		snprintf(title, sizeof title, _("Hours used against granted, %s to %s"), d0,
			 report_day(o, l->to, d1));
	else
		snprintf(title, sizeof title, _("Hours used against granted, from %s"), d0);
	for (int day = l->from; day <= to && day <= until; day++)
		used += line_day(d, bu, l, day, slots);
	duration_format(l->granted, granted);
	duration_format(used, hm);
	snprintf(desc, sizeof desc,
		 by_month ? _("The hours used, added up month by month, against the %s granted (the "
			      "dashed line): %s used up to %s.")
			  : _("The hours used, added up week by week, against the %s granted (the "
			      "dashed line): %s used up to %s."),
		 granted, hm, report_day(o, until < to ? until : to, d1));
	struct rchart *c = report_chart(r, "burn", title, desc, by_month ? _("month") : _("week"));
	rchart_series(c, "used", _("used"));
	rchart_line(c, "granted", _("granted"));
	used = 0;
	for (size_t i = 0; i < n; i++) {
		if (b[i].from > until) { /* still to come: the ceiling alone */
			rchart_bar(c, b[i].key, b[i].label, b[i].tick, NULL, l->granted);
			continue;
		}
		for (int day = b[i].from; day <= b[i].to && day <= until; day++)
			used += line_day(d, bu, l, day, slots);
		rchart_bar(c, b[i].key, b[i].label, b[i].tick, &used, l->granted);
	}
	free(slots);
	free(b);
}
