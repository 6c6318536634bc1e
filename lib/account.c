/* account.c: the accountability report (verantwoordingsrapportage) of one
 * plan for a period: who and what the plan is, its goals and the progress
 * its evaluations recorded, agreements and workplace conditions, hours per
 * goal and per mode with the remote share, hours against the budget, the
 * evaluations, and room for the coach's conclusion and the phase-out.
 * It leaves out what the funder does not need: contacts, the employer's
 * contact person, and hours logged outside the plan's dates (counted in a
 * note instead). */
#include <stdlib.h>
#include <string.h>

#include "reports.h"

struct acc {
	const struct plan *p;
	struct period period;
	struct agg *goals; /* minutes per goal, in the period and the plan's dates */
	struct budget *budget;
	struct plan_days *days; /* for the charts (accountchart.c) */
	struct outside outside;
};

static int add(const struct entry *e, void *arg)
{
	struct acc *a = arg;
	budget_add(a->budget, e); /* a budget period may reach outside the report's */
	plan_days_add(a->days, e);
	if (plan_keeps(a->p, &a->period, e->date, e->minutes, &a->outside))
		agg_add(a->goals, e);
	return 0;
}

static void plan_fields(struct report *r, const struct plan *p, const struct report_opts *o,
			const struct period *period)
{
	char label[32];
	report_section(r, "plan", _("Details"));
	report_field(r, "plan", _("Plan"), cell_text(p->id));
	report_field(r, "participant", _("Participant"), cell_text(report_participant(p, o)));
	if (p->scheme != SCHEME_NONE)
		report_field(r, "scheme", _("Scheme"),
			     cell_word(vocab_name(&vocab_scheme, p->scheme), report_scheme_label(p->scheme)));
	report_field(r, "employer", _("Employer"), cell_text(report_employer(p, o)));
	/* the contract hours of the period's last day (or today's), as the
	 * dated history has them, not the plan's newest; every coach and
	 * funder of the period */
	int day = period->to < o->today ? period->to : o->today;
	long work = plan_work_on(p, day);
	report_funder_fields(r, p, period, day);
	char coaches[256];
	report_field(r, "coach", _("Coach"),
		     cell_text(report_coaches_in(p, period->from, day, coaches, sizeof coaches)));
	report_field(r, "start", _("Start"), cell_date(p->start));
	report_field(r, "end", _("End"), cell_date(p->end));
	const struct funder_rules *rules = funder_rules(p->funder);
	if (rules->limit_label)
		report_field(r, "limit", _(rules->limit_label), cell_date(funder_limit(p->funder, p->start)));
	int status = plan_status_on(p, day); /* as on the period's last day */
	report_field(r, "status", _("Status"),
		     cell_word(vocab_name(&vocab_status, status), report_status_label(status)));
	report_pauses_field(r, p, period->from, day);
	report_field(r, "work_minutes", _("Work hours per week"),
		     work < 0 ? cell_empty() : cell_hours(work));
	period_format(period, label);
	report_field(r, "period", _("Period"), cell_text(label));
	report_field(r, "period_from", _("From"), cell_date(period->from));
	report_field(r, "period_to", _("To"), cell_date(period->to));
}

static void goals(struct report *r, const struct plan *p, const struct report_opts *o,
		  const struct period *period)
{
	size_t set = 0; /* the goals of the period: not those set after it */
	for (size_t i = 0; i < p->ngoals; i++)
		set += goal_set_on(&p->goals[i], period->to);
	report_section(r, "goals", _("Goals and progress"));
	if (!set)
		report_text(r, "goals", NULL, _("The plan has no goals."));
	else {
		struct rtable *t = report_table(r, "goals", NULL);
		static const struct rcol_def cols[] = {
			{"goal", N_("goal"), 0}, {"text", N_("text"), 0}, {"status", N_("status"), 0},
		};
		RTABLE_COLS(t, cols);
		for (size_t i = 0; i < p->ngoals; i++) {
			if (!goal_set_on(&p->goals[i], period->to))
				continue;
			int st = plan_goal_status_on(p, i, period->to);
			rtable_add(t, cell_text(p->goals[i].id));
			rtable_add(t, cell_text(report_scrub(r, p, o, p->goals[i].text)));
			rtable_add(t, cell_word(vocab_name(&vocab_goal_status, st),
						goal_status_label(st)));
		}
	}
	size_t shown = 0;
	for (size_t i = 0; i < p->nevals; i++) {
		const struct evaluation *ev = &p->evals[i];
		if (!period_contains(period, ev->date))
			continue;
		char day[11], key[32], goals_key[48], title[128], when[LANG_DATE_MAX];
		date_format(ev->date, day);
		snprintf(key, sizeof key, "evaluation-%s", day);
		snprintf(goals_key, sizeof goals_key, "evaluation-%s-goals", day);
		snprintf(title, sizeof title, _("Evaluation of %s"), report_day(o, ev->date, when));
		report_text(r, key, title,
			    ev->summary ? report_scrub(r, p, o, ev->summary) : _("No summary."));
		for (size_t g = 0; g < ev->ngoals; g++) {
			char item[256];
			snprintf(item, sizeof item, "%s: %s", ev->goals[g].goal,
				 goal_status_label(ev->goals[g].status));
			report_item(r, goals_key, NULL, item);
		}
		shown++;
	}
	if (!shown)
		report_text(r, "evaluations", NULL, _("No evaluation was recorded in the period."));
}

static void texts(struct report *r, const struct plan *p, const struct report_opts *o)
{
	report_section(r, "agreements", _("Agreements and workplace conditions"));
	const char **lists[] = {p->agreements, p->conditions};
	size_t counts[] = {p->nagreements, p->nconditions};
	const char *keys[] = {"agreements", "conditions"};
	const char *titles[] = {_("Agreements"), _("Workplace conditions")};
	for (int l = 0; l < 2; l++) {
		for (size_t i = 0; i < counts[l]; i++)
			report_item(r, keys[l], titles[l], report_scrub(r, p, o, lists[l][i]));
		if (!counts[l])
			report_text(r, keys[l], titles[l], _("None in the plan."));
	}
}

static void hours(struct report *r, struct acc *a, const struct report_opts *o)
{
	report_section(r, "hours", _("Hours in the period"));
	struct rtable *t = report_table(r, "per_goal", _("Per goal and mode"));
	size_t n;
	struct group **g = agg_groups(a->goals, &n);
	long other = 0; /* a column for other only where there are such hours */
	for (size_t i = 0; i < n; i++)
		other += group_totals(g[i])->mode[MODE_OTHER];
	int modes = other ? MODE_COUNT : MODE_OTHER;
	rtable_col(t, "goal", _("goal"), 0);
	for (int m = 0; m < modes; m++)
		rtable_col(t, vocab_name(&vocab_mode, m), mode_label(m), RCOL_NUMBER);
	rtable_col(t, "minutes", _("total"), RCOL_NUMBER);
	rtable_col(t, "remote_share", _("remote %"), RCOL_NUMBER);
	report_main(r);
	struct totals all = {0};
	char goal[300];
	for (size_t i = 0; i < n; i++) {
		const struct totals *tt = group_totals(g[i]);
		group_label(a->goals, g[i], 0, goal, sizeof goal);
		rtable_add(t, *goal ? cell_text(goal) : cell_word("", _("no goal")));
		for (int m = 0; m < MODE_COUNT; m++) {
			if (m < modes)
				rtable_add(t, cell_minutes(tt->mode[m]));
			all.mode[m] += tt->mode[m];
		}
		rtable_add(t, cell_minutes(tt->minutes));
		rtable_add(t, cell_percent(totals_remote(tt), tt->minutes));
		all.minutes += tt->minutes;
		all.entries += tt->entries;
	}
	rtable_total(t);
	rtable_add(t, cell_text(_("total")));
	for (int m = 0; m < modes; m++)
		rtable_add(t, cell_minutes(all.mode[m]));
	rtable_add(t, cell_minutes(all.minutes));
	long remote = totals_remote(&all);
	rtable_add(t, cell_percent(remote, all.minutes));

	report_field(r, "minutes", _("Total"), cell_minutes(all.minutes));
	report_field(r, "onsite", _("On site"), cell_minutes(all.mode[MODE_ONSITE]));
	report_field(r, "remote", _("Remote (phone, email, video, chat)"), cell_minutes(remote));
	report_field(r, "remote_share", _("Remote share"), cell_percent(remote, all.minutes));
	report_field(r, "entries", _("Entries"), cell_count(all.entries));
	if (a->outside.n) {
		char hm[24], text[256];
		duration_format(a->outside.minutes, hm);
		snprintf(text, sizeof text,
			 ngettext("%ld entry (%s hours) in the period lies outside the plan's dates and "
				  "is not counted.",
				  "%ld entries (%s hours) in the period lie outside the plan's dates and are "
				  "not counted.",
				  (unsigned long)a->outside.n),
			 a->outside.n, hm);
		report_text(r, "outside", NULL, text);
	}
	account_chart_weeks(r, a->days, &a->period, o);
}

static void budget(struct report *r, struct acc *a, const struct report_opts *o)
{
	const struct plan *p = a->p;
	int grants = plan_grants_budget(p); /* a version 2 plan: its grants, each its own */
	struct budget_line *lines = NULL;
	size_t n = grants || p->budget_minutes >= 0
			   ? budget_lines(a->budget, &p, 1, &a->period, o->today, &lines)
			   : 0;
	report_section(r, "budget", _("Hours against the budget"));
	if (!n && !plan_has_grants(p) && p->budget_minutes < 0) { /* not even ungranted hours */
		report_text(r, "budget", NULL, _("The plan has no budget."));
		free(lines);
		return;
	}
	if (!grants) {
		report_field(r, "granted", _("Granted per budget period"),
			     cell_minutes(p->budget_minutes));
		report_field(r, "per", _("Budget period"), report_interval(r, p->budget_per));
	}
	static const struct rcol_def grant_cols[] = {
		{"ref", N_("reference"), 0}, {"kind", N_("kind"), 0}, {"funder", N_("funder"), 0},
	};
	static const struct rcol_def cols[] = {
		{"from", N_("from"), 0}, {"to", N_("to"), 0},
		{"granted", N_("granted"), RCOL_NUMBER}, {"used", N_("used"), RCOL_NUMBER},
		{"left", N_("left"), RCOL_NUMBER}, {"work_share", N_("of work hours"), RCOL_NUMBER},
	};
	struct rtable *t = report_table(r, "budget_periods", NULL);
	if (grants)
		RTABLE_COLS(t, grant_cols);
	RTABLE_COLS(t, cols);
	int over = 0;
	/* what no grant took; of it, what a used-up strippenkaart could not */
	long ungranted = 0, spilled = 0;
	for (size_t i = 0; i < n; i++) {
		const struct grant *g = lines[i].grant;
		int none = grants && !g && lines[i].from == DATE_NONE;
		if (none) { /* days no grant holds */
			rtable_add(t, cell_text(NULL));
			rtable_add(t, cell_word("ungranted", _("ungranted")));
			rtable_add(t, cell_text(NULL));
		} else if (grants) {
			int funder = g ? g->funder : p->funder;
			rtable_add(t, cell_text(g ? g->ref : p->funder_ref));
			rtable_add(t, g ? cell_word(vocab_name(&vocab_grant_kind, g->kind),
						    report_grant_kind_label(g->kind))
				       : cell_text(NULL));
			rtable_add(t, cell_word(vocab_name(&vocab_funder, funder), funder_label(funder)));
		}
		rtable_add(t, cell_day(lines[i].from));
		rtable_add(t, cell_day(lines[i].to));
		rtable_add(t, cell_minutes(lines[i].granted));
		rtable_add(t, cell_minutes(lines[i].used));
		rtable_add(t, cell_minutes(lines[i].granted - lines[i].used));
		rtable_add(t, cell_percent(lines[i].used, lines[i].work));
		ungranted += none ? lines[i].used : 0;
		spilled += lines[i].spilled;
		over |= !none && lines[i].used + lines[i].spilled > lines[i].granted;
	}
	/* whoever the funder: a municipality's plan is declared to it */
	if (over)
		report_text(r, "over", NULL,
			    _("More hours were logged than granted in a grant or budget period: the "
			      "funder pays no more than it granted."));
	if (ungranted > spilled)
		report_text(r, "ungranted", NULL,
			    _("Hours were logged on days no grant holds: a funder pays them only once "
			      "a grant for those days is recorded."));
	for (size_t i = 0; i < n; i++)
		account_chart_burn(r, a->days, a->budget, &lines[i], o, a->period.to);
	free(lines);
}

/* As on the period's last day: the last evaluation up to it, and the next
 * the one held after it, where there is one. */
static void evaluation(struct report *r, const struct plan *p, int day)
{
	size_t n = 0;
	while (n < p->nevals && p->evals[n].date <= day)
		n++;
	report_section(r, "evaluation", _("Evaluation"));
	report_field(r, "every", _("Evaluated every"), report_interval(r, p->every));
	report_field(r, "last", _("Last evaluation"), cell_date(n ? p->evals[n - 1].date : DATE_NONE));
	report_field(r, "next", _("Next evaluation"),
		     cell_date(n < p->nevals ? p->evals[n].date : p->next));
}

/* A line to sign per coach who held the plan in the period, for the days
 * each coached, as the logbook has a block per coach: the report is each
 * one's account of the coaching. */
static void signed_lines(struct report *r, const struct plan *p, int from, int to)
{
	struct report_holder h[8];
	size_t n = report_holders(p, from, to, h, sizeof h / sizeof *h);
	for (size_t i = 0; n > 1 && i < n; i++) {
		char key[32], label[256];
		struct buf days = {0};
		report_holder_days(&h[i], &days);
		snprintf(key, sizeof key, i ? "signed_%u" : "signed", (unsigned)(i + 1) % 100);
		snprintf(label, sizeof label, _("Date and signature, %s (%s)"),
			 h[i].coach ? h[i].coach : "", days.s);
		report_field(r, key, label, cell_blank());
		buf_free(&days);
	}
	if (n < 2)
		report_field(r, "signed", _("Date and signature"), cell_blank());
}

static void conclusion(struct report *r, const struct plan *p, const struct report_opts *o,
		       int from, int upto)
{
	size_t count[GOAL_STATUS_COUNT] = {0}, undone = 0, ngoals = 0;
	for (size_t i = 0; i < p->ngoals; i++) {
		if (!goal_set_on(&p->goals[i], upto))
			continue;
		int st = plan_goal_status_on(p, i, upto);
		count[st]++;
		undone += !goal_status_done(st);
		ngoals++;
	}
	report_section(r, "conclusion", _("Conclusion and phase-out"));
	if (ngoals) {
		char text[256];
		snprintf(text, sizeof text,
			 ngettext("Of %zu goal, %zu achieved, %zu open, %zu dropped.",
				  "Of %zu goals, %zu achieved, %zu open, %zu dropped.", ngoals),
			 ngoals, count[GOAL_ACHIEVED], count[GOAL_OPEN], count[GOAL_DROPPED]);
		report_text(r, "goals", NULL, text);
		if (count[GOAL_PARTLY] + count[GOAL_NOT_ACHIEVED] + count[GOAL_PERMANENT]) {
			snprintf(text, sizeof text,
				 _("Of the others, %zu partly achieved, %zu not achieved and %zu "
				   "needing permanent support."),
				 count[GOAL_PARTLY], count[GOAL_NOT_ACHIEVED], count[GOAL_PERMANENT]);
			report_text(r, "goals", NULL, text);
		}
		if (!undone && count[GOAL_ACHIEVED])
			report_text(r, "goals", NULL,
				    _("No goal is open: plan the phase-out (afbouw) of the coaching, "
				      "so that the employer takes over."));
	}
	int limit = funder_limit(p->funder, p->start);
	if (limit != DATE_NONE && p->status != STATUS_CLOSED &&
	    limit <= date_add_months(o->today, 6)) {
		char day[LANG_DATE_MAX], text[256];
		snprintf(text, sizeof text,
			 _("The plan reaches UWV's 3-year limit on %s: discuss an extension or the "
			   "phase-out with the labour expert (arbeidsdeskundige)."),
			 report_day(o, limit, day));
		report_text(r, "goals", NULL, text);
	}
	report_field(r, "conclusion", _("Conclusion of the coach"), cell_blank());
	report_field(r, "phase_out", _("Phase-out (afbouw)"), cell_blank());
	signed_lines(r, p, from, upto);
}

struct report *account_report(const char *plan_path, char *const *sheets, size_t nsheets,
			      const struct report_opts *o)
{
	int status;
	struct plan *p = plan_load(plan_path, &status);
	if (!p)
		return NULL;
	struct plancache *cache = plancache_new("."); /* budget.c finds the plan in it */
	plancache_put(cache, p);
	struct acc a = {p, o->period, NULL, budget_new(cache), plan_days_new(p), {0, 0}};
	if (!o->period_given)
		a.period = plan_so_far(p, o->today);
	else
		report_warn_no_plan_day(p, &a.period);
	enum key goal = KEY_GOAL;
	a.goals = agg_new(&goal, 1, 0);
	int rc = scan_plan_entries(sheets, nsheets, p->id, add, &a);
	struct report *r = NULL;
	if (rc == 0 || o->keep_going) {
		r = report_of_plan("accountability", N_("Accountability report"), p, o, &a.period);
		plan_fields(r, p, o, &a.period);
		goals(r, p, o, &a.period);
		texts(r, p, o);
		hours(r, &a, o);
		budget(r, &a, o);
		evaluation(r, p, a.period.to);
		conclusion(r, p, o, a.period.from, a.period.to);
		if (o->stamp)
			report_stamp(r, o->stamp);
		lang_pop();
		if (a.outside.n) {
			char hm[24];
			duration_format(a.outside.minutes, hm);
			cp_warn(ngettext("%s: %ld entry (%s) in the period lies outside the plan's "
					 "dates; it is left out",
					 "%s: %ld entries (%s) in the period lie outside the plan's "
					 "dates; they are left out",
					 (unsigned long)a.outside.n),
				p->id, a.outside.n, hm);
		}
	}
	agg_free(a.goals);
	budget_free(a.budget);
	plan_days_free(a.days);
	plancache_free(cache);
	return r;
}
