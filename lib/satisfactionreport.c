/* satisfactionreport.c: cp-report --satisfaction, UWV's client
 * satisfaction report (Rapportage klanttevredenheid) as one table: a row
 * per funder and per coach with the evaluations held in the period, how
 * many carry a mark, the response rate, the mean mark of the employees and
 * of the employers and a flag where a mean is under 6.5, and the total.
 * satisfaction.c counts; this draws.  No participant or employer is
 * named, only coaches.  For people the total is ruled off; for programs
 * (CSV, JSON) it is a row like the others, with group total, since a
 * program cannot add means up, and the rows say how many marks each mean
 * is of. */
#include <string.h>

#include "reports.h"

static const char *below_code(int below)
{
	static const char *const codes[] = {NULL, "employee", "employer", "both"};
	return codes[below & 3];
}

static const char *below_label(int below)
{
	static const char *const labels[] = {NULL, N_("employee under 6.5"),
					     N_("employer under 6.5"), N_("both under 6.5")};
	return labels[below & 3] ? _(labels[below & 3]) : NULL;
}

struct table_of {
	struct rtable *t;
	int for_people;
	int below; /* of every row: BELOW_* bits */
};

static void row(struct table_of *x, const char *group, const char *group_label, struct cell funder,
		struct cell coach, const struct marks *m)
{
	int below = marks_below(m);
	x->below |= below;
	if (!x->for_people)
		rtable_add(x->t, cell_word(group, group_label));
	rtable_add(x->t, funder);
	rtable_add(x->t, coach);
	rtable_add(x->t, cell_count(m->held));
	rtable_add(x->t, cell_count(m->marked));
	rtable_add(x->t, cell_percent(m->marked, m->held));
	if (!x->for_people)
		rtable_add(x->t, cell_count(m->employee_n));
	rtable_add(x->t, cell_tenths(marks_mean(m->employee_sum, m->employee_n)));
	if (!x->for_people)
		rtable_add(x->t, cell_count(m->employer_n));
	rtable_add(x->t, cell_tenths(marks_mean(m->employer_sum, m->employer_n)));
	rtable_add(x->t, below ? cell_word(below_code(below), below_label(below)) : cell_empty());
}

static void columns(struct table_of *x)
{
	struct rtable *t = x->t;
	if (!x->for_people)
		rtable_col(t, "group", _("group"), 0);
	rtable_col(t, "funder", _("funder"), 0);
	rtable_col(t, "coach", _("coach"), 0);
	rtable_col(t, "held", _("held"), RCOL_NUMBER);
	/* TRANSLATORS: evaluations with a mark */
	rtable_col(t, "marked", _("marked"), RCOL_NUMBER);
	rtable_col(t, "response_rate", _("response"), RCOL_NUMBER);
	if (!x->for_people)
		rtable_col(t, "employee_marks", _("employee marks"), RCOL_NUMBER);
	rtable_col(t, "employee_mean", _("employee"), RCOL_NUMBER);
	if (!x->for_people)
		rtable_col(t, "employer_marks", _("employer marks"), RCOL_NUMBER);
	rtable_col(t, "employer_mean", _("employer"), RCOL_NUMBER);
	rtable_col(t, "below_norm", _("norm"), 0);
}

static void subtitle(struct report *r, const struct satisfaction *s, const char *only)
{
	char period[32], line[512];
	struct buf b = {0};
	period_format(&s->period, period);
	snprintf(line, sizeof line, _("Evaluations held in %s; UWV's norm: a mean mark of at least "
				      "6.5"), period);
	buf_puts(&b, line);
	if (only)
		buf_printf(&b, "; %s %s", _("plan"), only);
	if (s->funder >= 0)
		buf_printf(&b, "; %s %s", _("funder"), funder_label(s->funder));
	if (s->coach)
		buf_printf(&b, "; %s %s", _("coach"), s->coach);
	report_subtitle(r, b.s);
	buf_free(&b);
}

struct report *satisfaction_report(char *const *plans, size_t nplans,
				   const struct satisfaction_opts *o, int *below)
{
	struct period in = o->ro.period;
	if (!o->ro.period_given)
		period_parse("this-year", o->ro.today, &in);
	struct satisfaction s;
	satisfaction_init(&s, &in, o->funder, o->coach);
	struct planset ps;
	int rc = planset_list(&ps, plans, nplans, o->only), missing = o->only && !ps.n;
	if (missing && rc == 0)
		rc = plan_unknown(plans[0], o->only);
	int coach_seen = 0, read = 0;
	for (size_t i = 0; i < ps.n; i++) {
		int status;
		struct plan *p = plan_load(ps.paths[i], &status);
		if (!p) {
			rc = -1;
			continue;
		}
		read++;
		coach_seen |= o->coach && plan_coached_by(p, o->coach);
		satisfaction_plan(&s, p);
		plan_free(p);
	}
	planset_free(&ps);
	if (o->coach && read && !coach_seen) /* mistyped, an empty table that passes the norm */
		cp_warn(_("--coach %s: no plan has this coach (coach:, coaches:); nothing is "
			  "counted for it"), o->coach);
	struct report *r = NULL;
	*below = 0;
	if (rc == 0 || (o->ro.keep_going && !missing)) {
		lang_push(o->ro.lang);
		r = report_new("satisfaction", _("Satisfaction"));
		subtitle(r, &s, o->only);
		report_section(r, "satisfaction", _("Marks per funder and coach"));
		struct table_of x = {report_table(r, "satisfaction", NULL), o->ro.for_people, 0};
		report_main(r);
		columns(&x);
		for (int f = 0; f < FUNDER_COUNT; f++)
			if (s.funders[f].held)
				row(&x, "funder", _("funder"),
				    cell_word(vocab_name(&vocab_funder, f), funder_label(f)), cell_empty(),
				    &s.funders[f]);
		for (size_t i = 0; i < s.ncoaches; i++)
			row(&x, "coach", _("coach"), cell_empty(), cell_text(s.coaches[i].coach),
			    &s.coaches[i].m);
		if (x.for_people)
			rtable_total(x.t);
		row(&x, "total", _("total"), x.for_people ? cell_text(_("total")) : cell_empty(),
		    cell_empty(), &s.total);
		*below = x.below;
		if (o->ro.stamp)
			report_stamp(r, o->ro.stamp);
		lang_pop();
	}
	satisfaction_free(&s);
	return r;
}
