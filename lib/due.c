/* due.c: what in a caseload needs the coach's attention, and when.
 *   evaluation  evaluation.next falls in the window, or has passed
 *   end         the plan ends soon (for UWV: the 3-year limit), or has ended
 *   quiet       no contact logged for a while (the coach's signal function)
 *   phase-out   every goal reached, the plan still active: time to hand
 *               the coaching over to the employer (afbouwen)
 *   follow-up   the last grant ends before the plan does: apply for a
 *               follow-up grant (vervolgaanvraag) the funder's lead time
 *               before its end (funder.c), until a later grant is recorded
 *   hours       90 % of the hours of the grant of the day are logged (a
 *               strippenkaart has no end to be reminded by); apply for a
 *               follow-up unless a later grant is recorded
 * Closed plans are never listed; a paused plan only for its end and its
 * grant, which run on while it is paused.  Each item is the coach's who
 * coaches the plan on its day (coaches:), or today if that has passed. */
#include <stdlib.h>
#include <string.h>

#include "domain.h"

static const char *const what_names[DUE_COUNT] = {"evaluation", "end",       "quiet",
						  "phase-out",  "follow-up", "hours"};

const char *due_what_name(int what)
{
	return what >= 0 && what < DUE_COUNT ? what_names[what] : "?";
}

const char *due_what_label(int what)
{
	static const char *const labels[DUE_COUNT] = {N_("evaluation"), N_("end"), N_("quiet"),
						      /* TRANSLATORS: afbouw */
						      N_("phase-out"),
						      /* TRANSLATORS: vervolgaanvraag */
						      N_("follow-up"),
						      /* TRANSLATORS: the hours of a grant */
						      N_("hours")};
	return what >= 0 && what < DUE_COUNT ? _(labels[what]) : "?";
}

const char *due_note(struct buf *b, const struct due_item *d, int on)
{
	char since[LANG_DATE_MAX]; /* as the table's dates: in CSV's English, ISO */
	int days = d->date - on, ago = -days;
	b->len = 0;
	switch (d->what) {
	case DUE_EVALUATION:
		if (days < 0)
			buf_printf(b, ngettext("%d day overdue", "%d days overdue", ago), ago);
		else if (days == 0)
			buf_puts(b, _("due today"));
		else
			buf_printf(b, ngettext("due in %d day", "due in %d days", days), days);
		break;
	case DUE_END: {
		const char *what = d->flags & DUE_UWV_LIMIT ? _("UWV 3-year limit") : _("plan end");
		if (days < 0)
			buf_printf(b, ngettext("%s passed %d day ago: close or extend the plan",
					       "%s passed %d days ago: close or extend the plan", ago),
				   what, ago);
		else if (days == 0)
			buf_printf(b, _("%s today"), what);
		else
			buf_printf(b, ngettext("%s in %d day", "%s in %d days", days), what, days);
		break;
	}
	case DUE_QUIET:
		lang_day(d->since, since);
		if (d->flags & DUE_PAUSED)
			buf_printf(b, _("no contact logged since the pause that ended on %s"), since);
		else if (d->since == DATE_NONE)
			buf_puts(b, _("no contact logged since the start"));
		else
			buf_printf(b, _("no contact logged since %s"), since);
		break;
	case DUE_FOLLOWUP:
		lang_day(d->since, since);
		if (on > d->since)
			buf_printf(b, _("the grant ended on %s; no follow-up grant is recorded"), since);
		else if (days < 0)
			buf_printf(b, _("apply for a follow-up grant now: the grant ends on %s"), since);
		else if (days == 0)
			buf_printf(b, _("apply for a follow-up grant today: the grant ends on %s"), since);
		else
			buf_printf(b, ngettext("apply for a follow-up grant within %d day: the grant "
					       "ends on %s",
					       "apply for a follow-up grant within %d days: the grant "
					       "ends on %s",
					       days),
				   days, since);
		break;
	case DUE_HOURS: {
		char used[24], granted[24];
		duration_format(d->used, used);
		duration_format(d->granted, granted);
		int apply = !(d->flags & DUE_FOLLOWED); /* no later grant, the plan goes on */
		if (d->used < d->granted)
			buf_printf(b, apply ? _("%s of the %s hours granted are logged: apply for a "
						"follow-up grant in time")
					    : _("%s of the %s hours granted are logged"),
				   used, granted);
		else
			buf_printf(b, apply ? _("the %s hours granted are used up (%s logged): apply "
						"for a follow-up grant")
					    : _("the %s hours granted are used up (%s logged)"),
				   granted, used);
		break;
	}
	default:
		buf_puts(b, _("all goals reached: phase out the coaching (afbouwen)"));
	}
	return buf_str(b);
}

static struct due_item *add(struct duelist *l, const struct plan *p, const struct due_opts *o,
			    const char *name, int what, int date, int since, int flags)
{
	/* the coach who will do it, or who must do it now that its day has passed */
	const char *coach = plan_coach_on(p, date > o->on ? date : o->on);
	if (!coach)
		coach = "";
	if (o->coach && !utf8_same_names(coach, o->coach))
		return NULL;
	if (l->n == l->cap) {
		l->cap = l->cap ? 2 * l->cap : 64;
		l->v = xreallocarray(l->v, l->cap, sizeof *l->v);
	}
	struct due_item *d = &l->v[l->n++];
	memset(d, 0, sizeof *d);
	d->what = what;
	d->date = date;
	d->since = since;
	d->flags = flags;
	d->funder = p->funder;
	/* the plan goes away after the scan; the list keeps what it shows */
	d->plan = arena_strndup(&l->arena, p->id, strlen(p->id));
	d->name = arena_strndup(&l->arena, name, strlen(name));
	d->coach = arena_strndup(&l->arena, coach, strlen(coach));
	return d;
}

/* The follow-up of a plan's last dated grant: when to apply for it by,
 * the funder's lead time before the grant's end; DATE_NONE when there is
 * none to apply for: no grants of its own, a later grant recorded, the
 * plan ends with the grant, or a funder without a follow-up rule. */
static int followup(const struct plan *p, const struct grant **of)
{
	const struct grant *last = NULL;
	if (!plan_has_grants(p))
		return DATE_NONE;
	for (size_t i = 0; i < p->ngrants; i++)
		if (p->grants[i].kind != GRANT_STRIPPENKAART && p->grants[i].to != DATE_NONE)
			last = &p->grants[i];
	if (!last || grant_followed(p, last)) /* a strippenkaart may follow on */
		return DATE_NONE;
	int weeks = funder_rules(last->funder)->followup_weeks;
	if (!weeks)
		return DATE_NONE;
	*of = last;
	return last->to - 7 * weeks;
}

/* UWV's 3-year limit: the end the format gives a UWV plan by default. */
static int uwv_limit(const struct plan *p)
{
	int limit = funder_limit(p->funder, p->start);
	return limit != DATE_NONE && p->end == limit;
}

static int ready_for_phase_out(const struct plan *p)
{
	size_t achieved = 0;
	for (size_t i = 0; i < p->ngoals; i++) {
		if (!goal_status_done(p->goals[i].status))
			return 0; /* open, or an evaluation's result with work left */
		achieved += p->goals[i].status == GOAL_ACHIEVED;
	}
	return achieved > 0;
}

/* the participant, or where the list may leave the house, the plan's id */
static const char *shown_name(const struct plan *p, const struct due_opts *o)
{
	return o->pseudonymize || !p->name ? p->id : p->name;
}

/* Whether a grant of hours holds day: a dated one, or a strippenkaart
 * valid then; of the plan's own grants (a version 1 plan's budget: runs
 * on). */
static int granted_hours(const struct plan *p, int day)
{
	if (!plan_has_grants(p))
		return 0;
	const struct grant *g = plan_grant_on(p, day);
	for (int k = g ? -1 : plan_card_on(p, day, 0); k >= 0; k = plan_card_on(p, day, (size_t)k + 1))
		if (p->grants[k].minutes > 0)
			g = &p->grants[k];
	return g && g->minutes > 0;
}

/* p kept for due_hours, slimmed to what a budget reads: one reading of
 * each plan, a plan from standard input too. */
static int keep(struct duelist *l, struct plan *p)
{
	plan_slim(p);
	l->hour_plans = xreallocarray(l->hour_plans, l->nhour_plans + 1, sizeof *l->hour_plans);
	l->hour_plans[l->nhour_plans++] = p;
	return 1;
}

/* Of a --coach that no plan has: whom the coach coaches now or did. */
int plan_coached_by(const struct plan *p, const char *coach)
{
	if (utf8_same_names(p->coach, coach))
		return 1;
	for (size_t i = 0; i < p->ncoachspans; i++)
		if (utf8_same_names(p->coachspans[i].coach, coach))
			return 1;
	return 0;
}

int due_plan(struct duelist *l, struct plan *p, const struct due_opts *o, int contact)
{
	const char *name = shown_name(p, o);
	if (o->coach && plan_coached_by(p, o->coach))
		l->coach_seen = 1;
	if (p->status == STATUS_CLOSED)
		return 0;
	if (p->end != DATE_NONE && p->end <= o->end_until)
		add(l, p, o, name, DUE_END, p->end, DATE_NONE, uwv_limit(p) ? DUE_UWV_LIMIT : 0);
	const struct grant *g = NULL;
	int apply = followup(p, &g);
	struct due_item *d;
	if (apply != DATE_NONE && apply <= o->until &&
	    (d = add(l, p, o, name, DUE_FOLLOWUP, apply, g->to, 0)))
		d->funder = g->funder;
	if (p->status != STATUS_ACTIVE)
		return 0;
	if (p->next != DATE_NONE && p->next <= o->until)
		add(l, p, o, name, DUE_EVALUATION, p->next, DATE_NONE, 0);
	if (o->quiet.n > 0 && p->start <= o->on) {
		int from = contact != DATE_NONE && contact >= p->start ? contact : p->start;
		/* the days a plan stood still are not quiet: they count from
		 * the last day of its last pause */
		int paused = p->npauses && p->pauses[p->npauses - 1].to >= from;
		if (paused)
			from = p->pauses[p->npauses - 1].to;
		int quiet = date_add_interval(from, o->quiet, 1);
		if (quiet <= o->on)
			add(l, p, o, name, DUE_QUIET, quiet, paused ? from : contact,
			    paused ? DUE_PAUSED : 0);
	}
	if (ready_for_phase_out(p)) {
		int since = p->nevals ? p->evals[p->nevals - 1].date : o->on;
		add(l, p, o, name, DUE_PHASEOUT, since < o->on ? since : o->on, DATE_NONE, 0);
	}
	return o->hours && granted_hours(p, o->on) ? keep(l, p) : 0;
}

static int add_hours(const struct entry *e, void *budget)
{
	budget_add(budget, e);
	return 0;
}

void due_hours(struct duelist *l, const struct due_opts *o, char *const *sheets, size_t n)
{
	if (!l->nhour_plans || !n)
		return;
	struct plancache *plans = plancache_new("."); /* frozen below: "." is never read */
	struct strlist ids = {0};
	struct filter f;
	filter_init(&f);
	f.to = o->on; /* what is said of a day stays said when later hours come */
	for (size_t i = 0; i < l->nhour_plans; i++) { /* the cache owns them now */
		plancache_put(plans, l->hour_plans[i]);
		strlist_add(&ids, l->hour_plans[i]->id);
	}
	l->nhour_plans = 0;
	plancache_freeze(plans); /* the hours of other plans go nowhere, at once */
	struct budget *b = budget_new(plans);
	/* the sheets are cp-check's to judge: read what reads */
	cp_errors_quiet_thread(1);
	int unread = scan_sheets(sheets, n, &f, SCAN_KEEP_GOING, add_hours, b) != 0;
	cp_errors_quiet_thread(0);
	if (unread)
		cp_warn(_("a sheet, or a line of one, cannot be read, so not every hour is "
			  "counted against the grants; cp-check says what"));
	for (size_t i = 0; i < ids.n; i++) {
		int status;
		const struct plan *p = plancache_get(plans, ids.v[i], strlen(ids.v[i]), &status);
		struct budget_line bl;
		struct due_item *d;
		if (budget_line_on(b, p, o->on, &bl) < 0 || !bl.grant || bl.granted <= 0 ||
		    (bl.used + bl.spilled) * 10 < bl.granted * 9 ||
		    !(d = add(l, p, o, shown_name(p, o), DUE_HOURS, o->on, bl.grant->to,
			      grant_followed(p, bl.grant) ? DUE_FOLLOWED : 0)))
			continue;
		d->used = bl.used + bl.spilled;
		d->granted = bl.granted;
		d->funder = bl.grant->funder;
	}
	budget_free(b);
	free(ids.v);
	plancache_free(plans);
}

/* A --coach that no plan read names (mistyped: Kim for kim) lists nothing
 * due, which would read as nothing to do. */
void due_warn_coach(const struct duelist *l, const struct due_opts *o, size_t plans)
{
	if (o->coach && plans && !l->coach_seen)
		cp_warn(_("--coach %s: no plan has this coach (coach:, coaches:); nothing is "
			  "listed for it"), o->coach);
}

static int by_date(const void *a, const void *b)
{
	const struct due_item *x = a, *y = b;
	int c = cmp_num(x->date, y->date);
	if (!c)
		c = strcmp(x->plan, y->plan);
	return c ? c : cmp_num(x->what, y->what);
}

void due_sort(struct duelist *l)
{
	if (l->n)
		qsort(l->v, l->n, sizeof *l->v, by_date);
}

void due_free(struct duelist *l)
{
	for (size_t i = 0; i < l->nhour_plans; i++)
		plan_free(l->hour_plans[i]);
	free(l->hour_plans);
	free(l->v);
	arena_free(&l->arena);
	memset(l, 0, sizeof *l);
}

/* ---- the last contact with each plan, from the hour sheets ---- */

struct contacts {
	struct strmap last; /* plan id: an int, the day of the last contact */
};

struct contacts *contacts_new(void)
{
	return xcalloc(1, sizeof(struct contacts));
}

static void see(struct contacts *c, struct str plan, int day)
{
	int added;
	void **v = strmap_put(&c->last, plan.s, plan.n, &added);
	if (added)
		*v = xmalloc(sizeof(int)), *(int *)*v = day;
	else if (day > *(int *)*v)
		*(int *)*v = day;
}

int contacts_read(struct contacts *c, const char *path, int until)
{
	struct sheet *sh = sheet_open(path, 0);
	if (!sh)
		return -1;
	struct entry e;
	int r, bad = 0;
	while ((r = sheet_next(sh, &e)) != 0) {
		if (r < 0)
			bad = 1; /* reported; the other entries still count */
		else if (e.date <= until)
			see(c, e.plan, e.date);
	}
	sheet_close(sh);
	return bad ? -1 : 0;
}

int contacts_last(struct contacts *c, const char *plan)
{
	int *last = strmap_get(&c->last, plan, strlen(plan));
	return last ? *last : DATE_NONE;
}

void contacts_free(struct contacts *c)
{
	if (!c)
		return;
	strmap_free(&c->last, free);
	free(c);
}
