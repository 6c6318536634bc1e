/* declaredoc.c: the document of one declaration: whom it goes to and the
 * reference it carries, the plan, every entry and the totals per goal and
 * mode; per grant, what was granted, used and over, and the evaluation
 * that closes the grant. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "declare.h"

struct entry decl_entry(const struct run *r, const struct plan *p, const struct kept *k)
{
	const char *goal = decl_text(r, k->goal), *note = decl_text(r, k->note);
	return (struct entry){k->date, k->mode, k->minutes, {p->coach ? p->coach : "", 0},
			      {p->id, strlen(p->id)}, {goal, strlen(goal)}, {note, strlen(note)}, 0,
			      {"", 0}};
}

/* Whether funder pays any of the plan: its funder, or one of its grants'. */
int decl_paid_by(const struct plan *p, int funder)
{
	if (funder < 0 || p->funder == funder)
		return 1;
	for (size_t k = 0; k < p->ngrants; k++)
		if (p->grants[k].funder == funder)
			return 1;
	return 0;
}

/* The last grant of funder that overlaps the period: whose reference a
 * declaration for the period carries. */
const struct grant *decl_last_grant(const struct plan *p, int funder, const struct period *per)
{
	const struct grant *last = NULL;
	for (size_t k = 0; p->grants && k < p->ngrants; k++) {
		const struct grant *g = &p->grants[k];
		if (g->funder == funder && grant_meets(g, per))
			last = g;
	}
	return last;
}

/* The reference a declaration carries: its grant's; a plan's hours in a
 * period, that of the grant that took its last hour, where which card took
 * an hour was followed (d->carries), else the last grant's of the funder
 * declared to (of the period's last day's, if none is named) in the
 * period: a follow-up grant has a reference of its own, which the plan's
 * top-level one is not. */
const char *decl_reference(const struct plan *p, const struct declare_opts *o,
			   const struct decl *d)
{
	const struct grant *g;
	if (d->grant >= 0 || d->carries >= 0)
		g = &p->grants[d->grant >= 0 ? d->grant : d->carries];
	else
		g = decl_last_grant(p,
				    o->funder >= 0 ? o->funder : plan_funder_on(p, o->ro.period.to),
				    &o->ro.period);
	return g && g->ref ? g->ref : p->funder_ref;
}

/* Whom a declaration goes to, and the reference it carries; its logbook
 * names the same. */
struct payer decl_payer(const struct plan *p, const struct declare_opts *o, const struct decl *d)
{
	const struct grant *g = d->grant >= 0 ? &p->grants[d->grant] : NULL;
	return (struct payer){g ? g->funder : o->funder >= 0 ? o->funder : p->funder,
			      decl_reference(p, o, d)};
}

static void head(struct report *r, const struct plan *p, const struct declare_opts *o,
		 const struct decl *d)
{
	char label[32], coach[256];
	const struct grant *g = d->grant >= 0 ? &p->grants[d->grant] : NULL;
	struct period days = o->ro.period;
	if (g)
		days = (struct period){g->from, d->end != DATE_NONE ? d->end : g->from};
	if (g && d->end == DATE_NONE) { /* a strippenkaart still running */
		char from[11];
		date_format(g->from, from);
		snprintf(label, sizeof label, "%s..", from);
	} else
		period_format(&days, label);
	report_plan_subtitle(r, p, &o->ro, g != NULL, label);
	report_section(r, "declaration", _("Declaration"));
	report_field(r, "plan", _("Plan"), cell_text(p->id));
	struct payer to = decl_payer(p, o, d);
	report_field(r, "funder", _("Funder"),
		     cell_word(vocab_name(&vocab_funder, to.funder), funder_label(to.funder)));
	report_field(r, "funder_ref", _("Funder reference"), cell_text(to.ref));
	if (g)
		report_field(r, "kind", _("Kind of grant"),
			     cell_word(vocab_name(&vocab_grant_kind, g->kind),
				       report_grant_kind_label(g->kind)));
	report_field(r, "participant", _("Participant"),
		     cell_text(report_participant(p, &o->ro)));
	/* who coached the days declared, not the plan's newest: up to today
	 * for a strippenkaart still running or a period not over yet */
	int upto = days.to;
	if ((g && d->end == DATE_NONE) || (!g && upto > o->ro.today))
		upto = o->ro.today;
	report_field(r, "coach", _("Coach"),
		     cell_text(report_coaches_of(p, to.funder, days.from, upto, coach,
						 sizeof coach)));
	if (g) {
		report_field(r, "grant", _("Grant"), cell_text(label));
		report_field(r, "period_from", _("From"), cell_date(g->from));
		report_field(r, "period_to", _("To"), cell_date(d->end));
		report_field(r, "granted", _("Granted"), cell_minutes(g->minutes));
		report_field(r, "used", _("Used"), cell_minutes(d->used));
		report_field(r, "over", _("Over"), cell_minutes(d->over));
		return;
	}
	report_field(r, "period", _("Period"), cell_text(label));
	report_field(r, "period_from", _("From"), cell_date(o->ro.period.from));
	report_field(r, "period_to", _("To"), cell_date(o->ro.period.to));
}

static void entries(struct report *r, const struct run *run, const struct plan *p,
		    const struct kept *k, size_t n, size_t i)
{
	static const struct rcol_def cols[] = {
		{"date", N_("date"), 0},         {"goal", N_("goal"), 0},
		{"note", N_("what was done"), 0}, {"mode", N_("mode"), 0},
		{"minutes", N_("duration"), RCOL_NUMBER},
	};
	report_section(r, "entries", _("Entries"));
	struct rtable *t = report_table(r, "entries", NULL);
	RTABLE_COLS(t, cols);
	report_main(r);
	long sum = 0;
	for (size_t e = 0; e < n; e++) {
		rtable_add(t, cell_day(k[e].date));
		rtable_add(t, cell_text(decl_text(run, k[e].goal)));
		rtable_add(t,
			   cell_text(report_scrub(r, p, &run->o->ro, decl_text(run, k[e].note))));
		rtable_add(t, cell_word(vocab_name(&vocab_mode, k[e].mode), mode_label(k[e].mode)));
		rtable_add(t, cell_minutes(k[e].minutes));
		sum += k[e].minutes;
	}
	rtable_total(t);
	rtable_add(t, cell_text(_("total")));
	for (int c = 0; c < 3; c++)
		rtable_add(t, cell_empty());
	rtable_add(t, cell_minutes(sum));
	if (run->outside[i]) {
		char hm[24], text[256];
		duration_format(run->outside_minutes[i], hm);
		snprintf(text, sizeof text,
			 ngettext("Left out: %ld entry (%s hours) in the period outside the plan's dates.",
				  "Left out: %ld entries (%s hours) in the period outside the plan's dates.",
				  (unsigned long)run->outside[i]),
			 run->outside[i], hm);
		report_text(r, "outside", NULL, text);
	}
}

/* Totals per goal and per mode, summed by the aggregator cp-hours uses. */
static void totals(struct report *r, const struct run *run, const struct plan *p,
		   const struct kept *k, size_t n, struct totals *all)
{
	enum key goal = KEY_GOAL;
	struct agg *a = agg_new(&goal, 1, 0);
	for (size_t e = 0; e < n; e++) {
		struct entry en = decl_entry(run, p, &k[e]);
		agg_add(a, &en);
	}
	report_section(r, "totals", _("Totals"));
	static const struct rcol_def goal_cols[] = {
		{"goal", N_("goal"), 0}, {"text", N_("text"), 0},
		{"entries", N_("entries"), RCOL_NUMBER}, {"minutes", N_("hours"), RCOL_NUMBER},
	};
	static const struct rcol_def mode_cols[] = {
		{"mode", N_("mode"), 0},
		{"minutes", N_("hours"), RCOL_NUMBER}, {"share", N_("share"), RCOL_NUMBER},
	};
	struct rtable *t = report_table(r, "per_goal", _("Per goal"));
	RTABLE_COLS(t, goal_cols);
	size_t ng;
	struct group **g = agg_groups(a, &ng);
	char id[300];
	memset(all, 0, sizeof *all);
	for (size_t i = 0; i < ng; i++) {
		const struct totals *tt = group_totals(g[i]);
		group_label(a, g[i], 0, id, sizeof id);
		const struct goal *gl = *id ? plan_goal(p, id, strlen(id)) : NULL;
		rtable_add(t, *id ? cell_text(id) : cell_word("", _("no goal")));
		rtable_add(t, cell_text(gl ? report_scrub(r, p, &run->o->ro, gl->text) : NULL));
		rtable_add(t, cell_count(tt->entries));
		rtable_add(t, cell_minutes(tt->minutes));
		all->minutes += tt->minutes;
		all->entries += tt->entries;
		for (int m = 0; m < MODE_COUNT; m++)
			all->mode[m] += tt->mode[m];
	}
	agg_free(a);
	rtable_total(t);
	rtable_add(t, cell_text(_("total")));
	rtable_add(t, cell_empty());
	rtable_add(t, cell_count(all->entries));
	rtable_add(t, cell_minutes(all->minutes));

	t = report_table(r, "per_mode", _("Per mode"));
	RTABLE_COLS(t, mode_cols);
	for (int m = 0; m < MODE_COUNT; m++) {
		if (m == MODE_OTHER && !all->mode[m])
			continue; /* a row for other only where there are such hours */
		rtable_add(t, cell_word(vocab_name(&vocab_mode, m), mode_label(m)));
		rtable_add(t, cell_minutes(all->mode[m]));
		rtable_add(t, cell_percent(all->mode[m], all->minutes));
	}
	rtable_total(t);
	rtable_add(t, cell_text(_("total")));
	rtable_add(t, cell_minutes(all->minutes));
	rtable_add(t, cell_percent(all->minutes, all->minutes));

	long remote = totals_remote(all);
	report_field(r, "minutes", _("Total"), cell_minutes(all->minutes));
	report_field(r, "onsite", _("On site"), cell_minutes(all->mode[MODE_ONSITE]));
	report_field(r, "remote", _("Remote (phone, email, video, chat)"), cell_minutes(remote));
	report_field(r, "remote_share", _("Remote share"), cell_percent(remote, all->minutes));
	report_field(r, "entries", _("Entries"), cell_count(all->entries));
}

static void evaluation(struct report *r, const struct plan *p, const struct decl *d,
		       const struct report_opts *o)
{
	const struct grant *g = &p->grants[d->grant];
	int last = d->end != DATE_NONE ? d->end : o->today;
	const struct evaluation *ev = grant_closing(p, g, last);
	report_section(r, "evaluation", _("Evaluation"));
	if (!ev) {
		report_text(r, "evaluation", NULL,
			    _("No evaluation that closes this grant was recorded."));
		return;
	}
	report_field(r, "date", _("Date"), cell_date(ev->date));
	report_text(r, "summary", _("Summary"),
		    ev->summary ? report_scrub(r, p, o, ev->summary) : _("No summary."));
	for (size_t i = 0; i < ev->ngoals; i++) {
		char item[256];
		snprintf(item, sizeof item, "%s: %s", ev->goals[i].goal,
			 goal_status_label(ev->goals[i].status));
		report_item(r, "goals", _("Goals"), item);
	}
	if (ev->employee_mark >= 0)
		report_field(r, "employee_mark", _("Mark of the employee"),
			     cell_mark(ev->employee_mark));
	if (ev->employer_mark >= 0)
		report_field(r, "employer_mark", _("Mark of the employer"),
			     cell_mark(ev->employer_mark));
	if (ev->absence_days >= 0)
		report_field(r, "absence_days", _("Days of absence"), cell_count(ev->absence_days));
	if (ev->outcome >= 0) /* what UWV asks for at the end of a grant */
		report_field(r, "outcome", _("Outcome"),
			     cell_word(vocab_name(&vocab_outcome, ev->outcome),
				       report_outcome_label(ev->outcome)));
	if (ev->signed_by)
		report_field(r, "signed_by", _("Signed by"),
			     cell_text(report_scrub(r, p, o, ev->signed_by)));
}

/* A declaration's entries, d->to - d->from of them. */
const struct kept *decl_entries(const struct run *run, const struct decl *d)
{
	return (d->grant >= 0 ? run->pieces : run->v) + d->from;
}

struct report *decl_report(const struct run *run, const struct plan *p, const struct decl *d,
			   struct totals *all)
{
	const struct kept *k = decl_entries(run, d);
	struct report *r = report_new("declaration", _("Declaration of hours"));
	head(r, p, run->o, d);
	entries(r, run, p, k, d->to - d->from, d->plan);
	totals(r, run, p, k, d->to - d->from, all);
	if (d->grant >= 0)
		evaluation(r, p, d, &run->o->ro);
	if (run->o->ro.stamp)
		report_stamp(r, run->o->ro.stamp);
	return r;
}

