/* budgettable.c: the table of cp-hours --budget: the selected plans of a
 * directory, their budget lines (budget.c computes them) for people or
 * programs. */
#include <stdlib.h>
#include <string.h>

#include "reports.h"

static int in(const struct strlist *l, const char *v)
{
	if (!l || !l->n)
		return 1;
	for (size_t i = 0; i < l->n; i++)
		if (!strcmp(l->v[i], v))
			return 1;
	return 0;
}

/* A coach of the list, whatever the case (utf8_same_names). */
static int in_coaches(const struct strlist *l, const char *coach)
{
	for (size_t i = 0; i < l->n; i++)
		if (utf8_same_names(l->v[i], coach))
			return 1;
	return 0;
}

/* Whether one of the coaches was responsible for the plan on a day of
 * [from, to] (coaches: of a version 2 plan; else the plan's coach:). */
static int coached(const struct plan *p, const struct strlist *coaches, int from, int to)
{
	if (!coaches || !coaches->n)
		return 1;
	if (in_coaches(coaches, plan_coach_on(p, from) ? plan_coach_on(p, from) : ""))
		return 1;
	for (size_t i = 0; i < p->ncoachspans; i++) {
		const struct coach_span *c = &p->coachspans[i];
		if (c->from > from && c->from <= to && in_coaches(coaches, c->coach ? c->coach : ""))
			return 1;
	}
	return 0;
}

static int selected(const struct plan *p, const struct plan_select *sel)
{
	return in(sel->ids, p->id) && coached(p, sel->coaches, PERIOD_OPEN_FROM, PERIOD_OPEN_TO);
}

/* A line of the funder and coaches asked for: a grant's own funder, and
 * the coach responsible in its days; ungranted hours, the plan's funder
 * and the coaches responsible between their first and last day. */
static int line_selected(const struct budget_line *l, const struct plan_select *sel,
			 int today)
{
	const struct plan *p = l->plan;
	int from = l->from, to = l->to;
	if (from == DATE_NONE && l->days_from <= l->days_to) /* the ungranted */
		from = l->days_from, to = l->days_to;
	else if (from == DATE_NONE) /* no day known: any */
		from = PERIOD_OPEN_FROM, to = PERIOD_OPEN_TO;
	else if (to == DATE_NONE) /* an open strippenkaart: up to today */
		to = today > from ? today : from;
	int funder = l->grant ? l->grant->funder : p->funder;
	return in(sel->funders, vocab_name(&vocab_funder, funder)) && coached(p, sel->coaches, from, to);
}

static const char *day_text(int d, char out[11])
{
	if (d == DATE_NONE)
		return "";
	date_format(d, out);
	return out;
}

/* Reference, kind and funder of a grant; of a budget period, the plan's;
 * hours on days no grant holds are ungranted. */
static void grant_cells(struct table *t, const struct budget_line *l, int people)
{
	const struct grant *g = l->grant;
	if (!g && l->from == DATE_NONE) {
		table_cell(t, "");
		table_cell(t, people ? _("ungranted") : "ungranted");
		table_cell(t, "");
		return;
	}
	const char *ref = g ? g->ref : l->plan->funder_ref;
	table_cell(t, ref ? ref : "");
	const char *kind = !g ? "" : people ? report_grant_kind_label(g->kind)
					    : vocab_name(&vocab_grant_kind, g->kind);
	table_cell(t, kind);
	/* as --by funder shows it */
	int funder = g ? g->funder : l->plan->funder;
	table_cell(t, people ? funder_label(funder) : vocab_name(&vocab_funder, funder));
}

/* When a grant was declared; of one that ended without, people read so. */
static const char *declared_text(const struct budget_line *l, int today, int people,
				 char out[11])
{
	const struct grant *g = l->grant;
	if (!g || g->implicit)
		return "";
	if (g->declared != DATE_NONE) {
		date_format(g->declared, out);
		return out;
	}
	return people && grant_ended_undeclared(g, l->to, today) ? _("not yet") : "";
}

/* A --coach that no plan has (mistyped: Kim for kim) would show no grant
 * and exit 0, as if no budget were over. */
static void warn_unknown_coaches(const struct strlist *coaches, unsigned char *seen,
				 size_t read)
{
	for (size_t c = 0; read && seen && c < coaches->n; c++)
		if (!seen[c])
			cp_warn(_("--coach %s: no plan has this coach (coach:, coaches:); nothing "
				  "is listed for it"), coaches->v[c]);
	free(seen);
}

int budget_print(struct budget *b, struct plancache *cache, const char *plansdir,
		 const struct plan_select *sel, const struct period *range, int today,
		 enum outfmt f, FILE *out)
{
	char **paths;
	size_t npaths;
	if (plans_list(plansdir, &paths, &npaths) < 0)
		return -1;
	const struct plan **plans = xcalloc(npaths ? npaths : 1, sizeof *plans);
	size_t nplans = 0, read = 0;
	unsigned char *seen = sel->coaches ? xcalloc(sel->coaches->n + 1, 1) : NULL;
	for (size_t i = 0; i < npaths; i++) {
		const char *base = strrchr(paths[i], '/') ? strrchr(paths[i], '/') + 1 : paths[i];
		int status;
		const struct plan *p = plancache_get(cache, base, strlen(base) - 5, &status);
		read += p != NULL;
		for (size_t c = 0; p && seen && c < sel->coaches->n; c++)
			seen[c] |= plan_coached_by(p, sel->coaches->v[c]);
		if (p && selected(p, sel))
			plans[nplans++] = p;
	}
	paths_free(paths, npaths);
	warn_unknown_coaches(sel->coaches, seen, read);
	struct budget_line *lines;
	size_t all = budget_lines(b, plans, nplans, range, today, &lines), n = 0;
	for (size_t i = 0; i < all; i++)
		if (line_selected(&lines[i], sel, today))
			lines[n++] = lines[i];
	int grants = 0; /* a plan with grants: which grant, of which kind and funder */
	for (size_t i = 0; i < n; i++)
		grants |= lines[i].grant || lines[i].from == DATE_NONE;
	struct table *t = table_stream(f, out);
	table_title(t, _("Hours granted and used"));
	table_col(t, "plan", _("plan"), 0);
	table_col(t, "participant", _("participant"), 0);
	if (grants) {
		table_col(t, "ref", _("reference"), 0);
		table_col(t, "kind", _("kind"), 0);
		table_col(t, "funder", _("funder"), 0);
	}
	table_col(t, "from", _("from"), 0);
	table_col(t, "to", _("to"), 0);
	table_col(t, "granted", _("granted"), COL_RIGHT | COL_NUMBER | COL_HOURS);
	table_col(t, "used", _("used"), COL_RIGHT | COL_NUMBER | COL_HOURS);
	table_col(t, "left", _("left"), COL_RIGHT | COL_NUMBER | COL_HOURS);
	table_col(t, "work_share", _("of work"), COL_RIGHT | COL_NUMBER);
	if (grants)
		table_col(t, "declared", _("declared"), 0);
	int over = 0;
	char day[11];
	for (size_t i = 0; i < n; i++) {
		table_cell(t, lines[i].plan->id);
		const struct plan *p = lines[i].plan;
		table_cell(t, sel->pseudonymize || !p->name ? p->id : p->name);
		if (grants)
			grant_cells(t, &lines[i], OUTFMT_PEOPLE(f));
		table_cell(t, day_text(lines[i].from, day));
		table_cell(t, day_text(lines[i].to, day));
		table_cell_minutes(t, f, lines[i].granted);
		table_cell_minutes(t, f, lines[i].used);
		table_cell_minutes(t, f, lines[i].granted - lines[i].used);
		table_cell_share(t, f, lines[i].used, lines[i].work);
		if (grants)
			table_cell(t, declared_text(&lines[i], today, OUTFMT_PEOPLE(f), day));
		over |= lines[i].used > lines[i].granted;
	}
	int rc = table_print(t, f, out);
	table_free(t);
	free(lines);
	free(plans);
	return rc < 0 ? -1 : over;
}
