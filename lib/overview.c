/* overview.c: the caseload at a glance, one row per active plan: who,
 * where, which funder, the plan's dates, the next evaluation, the hours
 * this month and in the period, and the last contact.  Hours are summed
 * by the aggregator cp-hours uses, one group per plan. */
#include <string.h>

#include "reports.h"

struct seen {
	struct period month, period;
	int today;
	struct agg *in_month, *in_period, *until_today;
};

static int add(const struct entry *e, void *arg)
{
	struct seen *s = arg;
	if (period_contains(&s->month, e->date))
		agg_add(s->in_month, e);
	if (period_contains(&s->period, e->date))
		agg_add(s->in_period, e);
	if (e->date <= s->today)
		agg_add(s->until_today, e);
	return 0;
}

/* The totals of plan id in a's groups (sorted by plan), walking forward
 * from *at as the plans come in order; NULL if it has none. */
static const struct totals *totals_of(struct agg *a, struct group **g, size_t n, size_t *at,
				      const char *id)
{
	char label[300];
	for (; *at < n; ++*at) {
		group_label(a, g[*at], 0, label, sizeof label);
		int c = strcmp(label, id);
		if (c == 0)
			return group_totals(g[*at]);
		if (c > 0)
			break;
	}
	return NULL;
}

struct report *overview_report(char *const *plans, size_t nplans, char *const *sheets,
			       size_t nsheets, const struct report_opts *o)
{
	struct planset ps;
	int rc = planset_load(&ps, plans, nplans, PLANSET_SLIM, NULL);
	enum key plan = KEY_PLAN;
	struct seen s = {{0, 0}, o->period, o->today, agg_new(&plan, 1, 0), agg_new(&plan, 1, 0),
			 agg_new(&plan, 1, 0)};
	period_parse("this-month", o->today, &s.month);
	if (!o->period_given)
		period_parse("this-half", o->today, &s.period);
	struct filter f;
	filter_init(&f);
	if (scan_sheets(sheets, nsheets, &f, SCAN_KEEP_GOING, add, &s) < 0)
		rc = -1;
	struct report *r = NULL;
	if (rc == 0 || o->keep_going) {
		char today[LANG_DATE_MAX], month[32], period[32], sub[256], title[64];
		lang_push(o->lang);
		report_day(o, o->today, today);
		period_format(&s.month, month);
		period_format(&s.period, period);
		r = report_new("caseload", _("Caseload"));
		snprintf(sub, sizeof sub, _("Active plans on %s, hours in %s and in %s"), today, month,
			 period);
		report_subtitle(r, sub);
		report_section(r, "plans", _("Active plans"));
		struct rtable *t = report_table(r, "plans", NULL);
		report_main(r);
		static const struct rcol_def cols[] = {
			{"plan", N_("plan"), 0},         {"participant", N_("participant"), 0},
			{"coach", N_("coach"), 0},       {"employer", N_("employer"), 0},
			{"funder", N_("funder"), 0},     {"start", N_("start"), 0},
			{"end", N_("end"), 0},           {"next_evaluation", N_("next evaluation"), 0},
		};
		RTABLE_COLS(t, cols);
		snprintf(title, sizeof title, _("hours %s"), month);
		rtable_col(t, "month_minutes", title, RCOL_NUMBER);
		snprintf(title, sizeof title, _("hours %s"), period);
		rtable_col(t, "period_minutes", title, RCOL_NUMBER);
		rtable_col(t, "last_contact", _("last contact"), 0);
		size_t nm, np, nl, am = 0, ap = 0, al = 0;
		struct group **gm = agg_groups(s.in_month, &nm), **gp = agg_groups(s.in_period, &np),
			     **gl = agg_groups(s.until_today, &nl);
		long month_sum = 0, period_sum = 0;
		for (size_t i = 0; i < ps.n; i++) {
			const struct plan *p = ps.plans[i];
			if (!p || p->status != STATUS_ACTIVE)
				continue;
			const struct totals *tm = totals_of(s.in_month, gm, nm, &am, p->id);
			const struct totals *tp = totals_of(s.in_period, gp, np, &ap, p->id);
			const struct totals *tl = totals_of(s.until_today, gl, nl, &al, p->id);
			rtable_add(t, cell_text(p->id));
			rtable_add(t, cell_text(report_participant(p, o)));
			rtable_add(t, cell_text(plan_coach_on(p, o->today))); /* coaches: */
			rtable_add(t, cell_text(report_employer(p, o)));
			int funder = plan_funder_on(p, o->today); /* grants: */
			rtable_add(t, cell_word(vocab_name(&vocab_funder, funder), funder_label(funder)));
			rtable_add(t, cell_day(p->start));
			rtable_add(t, cell_day(p->end));
			rtable_add(t, cell_day(p->next));
			rtable_add(t, cell_minutes(tm ? tm->minutes : 0));
			rtable_add(t, cell_minutes(tp ? tp->minutes : 0));
			rtable_add(t, cell_day(tl ? tl->last : DATE_NONE));
			month_sum += tm ? tm->minutes : 0;
			period_sum += tp ? tp->minutes : 0;
		}
		rtable_total(t);
		rtable_add(t, cell_text(_("total")));
		for (int c = 0; c < 7; c++)
			rtable_add(t, cell_empty());
		rtable_add(t, cell_minutes(month_sum));
		rtable_add(t, cell_minutes(period_sum));
		rtable_add(t, cell_empty());
		if (o->stamp)
			report_stamp(r, o->stamp);
		lang_pop();
	}
	agg_free(s.in_month);
	agg_free(s.in_period);
	agg_free(s.until_today);
	planset_free(&ps);
	return r;
}
