/* budget.c: hours logged against hours granted.  A version 1 plan's budget
 * is N hours per period (budget.per, 6m for UWV's toekenningsperiode), the
 * periods counted from the plan's start.  A version 2 plan has grants: an
 * hour counts in the grant whose period holds its day (grant.c), or, on a
 * day no grant holds, as ungranted, never dropped.  What was logged in
 * each is set against what was granted, and against the contract hours. */
#include <stdlib.h>
#include <string.h>

#include "planmemo.h"

struct used {
	const struct plan *plan;
	long *minutes; /* of a version 1 plan: per budget period from the plan's start */
	int nperiods;
	struct grant_use *grants; /* of a plan with grants: (grant.c) */
	/* the first and last day of its hours no dated grant holds (the
	 * ungranted, and what a strippenkaart took or could not); first >
	 * last while there are none */
	int loose_first, loose_last;
};

struct budget {
	struct plancache *plans;
	struct used *v; /* an open-addressing table keyed by the plan */
	size_t n, cap;
	/* ref: the minutes an entry of the plan goes to, on days from..to;
	 * val: the gen it was set in */
	struct planmemos memo;
	unsigned gen;          /* moves on when the minutes may have moved */
};

struct budget *budget_new(struct plancache *plans)
{
	struct budget *b = xcalloc(1, sizeof *b);
	b->plans = plans;
	return b;
}

/* Which budget period of the plan holds the day: -1 before the start. */
static int period_of(const struct plan *p, int day)
{
	if (day < p->start)
		return -1;
	int k = (day - p->start) / interval_days_approx(p->budget_per);
	while (k > 0 && date_add_interval(p->start, p->budget_per, k) > day)
		k--;
	while (date_add_interval(p->start, p->budget_per, k + 1) <= day)
		k++;
	return k;
}

static size_t slot_of(const struct budget *b, const struct plan *p)
{
	size_t i = ((uintptr_t)p >> 4) * 0x9e3779b97f4a7c15u & (b->cap - 1);
	while (b->v[i].plan && b->v[i].plan != p)
		i = (i + 1) & (b->cap - 1);
	return i;
}

static struct used *used_of(struct budget *b, const struct plan *p)
{
	if (2 * (b->n + 1) > b->cap) {
		struct used *old = b->v;
		size_t oldcap = b->cap;
		b->cap = b->cap ? 2 * b->cap : 64;
		b->v = xcalloc(b->cap, sizeof *b->v);
		b->gen++;
		for (size_t i = 0; i < oldcap; i++)
			if (old[i].plan)
				b->v[slot_of(b, old[i].plan)] = old[i];
		free(old);
	}
	size_t i = slot_of(b, p);
	if (!b->v[i].plan) {
		b->v[i].plan = p;
		b->v[i].loose_first = PERIOD_OPEN_TO;
		b->v[i].loose_last = PERIOD_OPEN_FROM;
		b->n++;
	}
	return &b->v[i];
}

/* The memo of plan p: entries on the days from..to add to ref (NULL: to
 * nothing). */
static void remember(struct budget *b, struct planmemo *m, long *ref, int from, int to)
{
	if (!m)
		return;
	*planmemo_ref(&b->memo, m) = ref;
	m->from = from;
	m->to = to;
	m->val = (int)b->gen;
}

/* A day with hours no dated grant holds: so the ungranted line knows its
 * days, and so the coaches responsible then. */
static void loose_day(struct used *u, int day)
{
	if (day < u->loose_first)
		u->loose_first = day;
	if (day > u->loose_last)
		u->loose_last = day;
}

void budget_add(struct budget *b, const struct entry *e)
{
	struct planmemo *m = planmemo_get(&b->memo, b->plans, e->plan);
	if (m && m->val == (int)b->gen && m->from <= e->date && e->date <= m->to) {
		long *ref = *planmemo_ref(&b->memo, m);
		if (ref)
			*ref += e->minutes;
		return;
	}
	int status, from, to;
	const struct plan *p = m ? planmemo_plan(&b->memo, m)
				 : plancache_get(b->plans, e->plan.s, e->plan.n, &status);
	if (!p || (p->budget_minutes < 0 && !plan_grants_budget(p))) {
		remember(b, m, NULL, PERIOD_OPEN_FROM, PERIOD_OPEN_TO);
		return;
	}
	if (plan_grants_budget(p)) {
		struct used *u = used_of(b, p);
		if (!u->grants)
			u->grants = grant_use_new(p);
		const struct grant *g = plan_grant_span(p, e->date, &from, &to);
		if (g)
			remember(b, m, grant_use_direct(u->grants, (size_t)(g - p->grants)), from, to);
		else
			loose_day(u, e->date);
		grant_use_add(u->grants, e->date, e->minutes);
		return;
	}
	int k = period_of(p, e->date);
	if (k < 0 || (p->end != DATE_NONE && e->date > p->end)) {
		/* outside the plan's dates: in none of its periods */
		if (k < 0)
			remember(b, m, NULL, PERIOD_OPEN_FROM, p->start - 1);
		else
			remember(b, m, NULL, p->end + 1, PERIOD_OPEN_TO);
		return;
	}
	struct used *u = used_of(b, p);
	if (k >= u->nperiods) {
		u->minutes = xreallocarray(u->minutes, (size_t)k + 1, sizeof *u->minutes);
		memset(u->minutes + u->nperiods, 0, ((size_t)k + 1 - (size_t)u->nperiods) *
						       sizeof *u->minutes);
		u->nperiods = k + 1; /* the memo that pointed into them is m, set below */
	}
	u->minutes[k] += e->minutes;
	to = date_add_interval(p->start, p->budget_per, k + 1) - 1;
	if (p->end != DATE_NONE && p->end < to)
		to = p->end;
	remember(b, m, &u->minutes[k], date_add_interval(p->start, p->budget_per, k), to);
}

static const struct used *find_used(const struct budget *b, const struct plan *p)
{
	if (!b->cap)
		return NULL;
	const struct used *u = &b->v[slot_of(b, p)];
	return u->plan ? u : NULL;
}

static long used_in(struct budget *b, const struct plan *p, int k)
{
	const struct used *u = find_used(b, p);
	if (!u)
		return 0;
	if (u->grants)
		return grant_use_used(u->grants, (size_t)k);
	return k < u->nperiods ? u->minutes[k] : 0;
}

/* Of the ungranted, what a used-up strippenkaart k could not take. */
static long spilled_in(struct budget *b, const struct plan *p, int k)
{
	const struct used *u = find_used(b, p);
	return u && u->grants ? grant_use_spilled(u->grants, (size_t)k) : 0;
}

/* Grant k's last day as the hours used it: a strippenkaart's is the day
 * they ran out. */
static int end_in(struct budget *b, const struct plan *p, size_t k)
{
	const struct used *u = find_used(b, p);
	return u && u->grants ? grant_use_end(u->grants, k) : grant_end(p, &p->grants[k]);
}

static struct budget_line *new_line(struct budget_line **out, size_t *n, size_t *cap)
{
	if (*n == *cap) {
		*cap = *cap ? 2 * *cap : 64;
		*out = xreallocarray(*out, *cap, sizeof **out);
	}
	struct budget_line *l = &(*out)[(*n)++];
	memset(l, 0, sizeof *l);
	return l;
}

/* Contract minutes over [from, to], as they were on each day. */
static long work_over(const struct plan *p, int from, int to)
{
	if (!p->nworkspans)
		return p->work_minutes < 0 ? -1 : p->work_minutes * (to - from + 1) / 7;
	long long sum = 0;
	for (int day = from; day <= to; day++) {
		long w = plan_work_on(p, day);
		if (w < 0)
			return -1;
		sum += w;
	}
	return (long)(sum / 7);
}

/* The grants of a version 2 plan in range (with none, the one holding
 * today, and those that ended without being declared), those that ran
 * over whenever they ended, and the ungranted. */
static void grant_lines(struct budget_line **out, size_t *n, size_t *cap, struct budget *b,
			const struct plan *p, const struct period *range, int today)
{
	for (size_t k = 0; k < p->ngrants; k++) {
		const struct grant *g = &p->grants[k];
		long used = used_in(b, p, (int)k);
		/* as its declaration: a closed plan's grant ends with it, a
		 * strippenkaart when its hours run out */
		int end = end_in(b, p, k);
		int to = end == DATE_NONE ? INT32_MAX : end;
		int shown = range ? g->from <= range->to && to >= range->from
				  : g->from <= today && to >= today;
		long spilled = spilled_in(b, p, (int)k);
		if (!shown && used + spilled <= g->minutes &&
		    (range || !grant_ended_undeclared(g, end, today)))
			continue;
		struct budget_line *l = new_line(out, n, cap);
		l->plan = p;
		l->grant = g;
		l->from = g->from;
		l->to = end;
		l->granted = g->minutes;
		l->used = used;
		l->spilled = spilled;
		l->work = l->to != DATE_NONE ? work_over(p, g->from, l->to) : -1;
	}
	long ungranted = used_in(b, p, (int)p->ngrants);
	if (ungranted) {
		struct budget_line *l = new_line(out, n, cap);
		l->plan = p;
		l->from = l->to = DATE_NONE;
		const struct used *u = find_used(b, p);
		l->days_from = u->loose_first;
		l->days_to = u->loose_last;
		l->used = ungranted;
		l->work = -1;
	}
}

static void add_line(struct budget_line **out, size_t *n, size_t *cap, struct budget *b,
		     const struct plan *p, int k)
{
	struct budget_line *l = new_line(out, n, cap);
	l->plan = p;
	l->from = date_add_interval(p->start, p->budget_per, k);
	l->to = date_add_interval(p->start, p->budget_per, k + 1) - 1;
	if (p->end != DATE_NONE && l->to > p->end)
		l->to = p->end;
	l->granted = p->budget_minutes;
	l->used = used_in(b, p, k);
	/* contract hours over the period, for the share UWV looks at; as they
	 * were on each day, since work_hours_per_week: says today's */
	l->work = work_over(p, l->from, l->to);
}

size_t budget_lines(struct budget *b, const struct plan *const *plans, size_t nplans,
		    const struct period *range, int today, struct budget_line **out)
{
	size_t n = 0, cap = 0;
	*out = NULL;
	for (size_t i = 0; i < nplans; i++) {
		const struct plan *p = plans[i];
		if (plan_grants_budget(p)) {
			grant_lines(out, &n, &cap, b, p, range, today);
			continue;
		}
		if (p->budget_minutes < 0 || p->start == DATE_NONE)
			continue;
		if (!range) { /* the period that holds today, or the plan's last one */
			if (p->status == STATUS_CLOSED)
				continue;
			int day = today;
			if (p->end != DATE_NONE && day > p->end)
				day = p->end;
			if (day >= p->start)
				add_line(out, &n, &cap, b, p, period_of(p, day));
			continue;
		}
		int last = p->end != DATE_NONE && p->end < range->to ? p->end : range->to;
		if (p->end == DATE_NONE && range->to == PERIOD_OPEN_TO)
			last = today > range->from ? today : range->from; /* else there is no last */
		if (last < range->from)
			continue; /* the plan ended before the range */
		for (int k = range->from > p->start ? period_of(p, range->from) : 0;
		     date_add_interval(p->start, p->budget_per, k) <= last; k++)
			add_line(out, &n, &cap, b, p, k);
	}
	return n;
}

/* What from holds moves into b (a sheet read in two halves); from is
 * left empty. */
void budget_merge(struct budget *b, struct budget *from)
{
	for (size_t i = 0; i < from->cap; i++) {
		struct used *f = &from->v[i];
		if (!f->plan)
			continue;
		struct used *u = used_of(b, f->plan);
		if (f->loose_first <= f->loose_last) {
			loose_day(u, f->loose_first);
			loose_day(u, f->loose_last);
		}
		if (f->grants) {
			if (!u->grants) {
				u->grants = f->grants;
				f->grants = NULL;
			} else
				grant_use_merge(u->grants, f->grants);
		}
		if (f->nperiods > u->nperiods) {
			u->minutes = xreallocarray(u->minutes, (size_t)f->nperiods, sizeof *u->minutes);
			memset(u->minutes + u->nperiods, 0,
			       (size_t)(f->nperiods - u->nperiods) * sizeof *u->minutes);
			u->nperiods = f->nperiods;
		}
		for (int k = 0; k < f->nperiods; k++)
			u->minutes[k] += f->minutes[k];
	}
	b->gen++;
	budget_clear(from);
}

void budget_clear(struct budget *b)
{
	for (size_t i = 0; i < b->cap; i++) {
		free(b->v[i].minutes);
		grant_use_free(b->v[i].grants);
	}
	free(b->v);
	b->v = NULL;
	b->n = b->cap = 0;
	b->gen++;
}

void budget_free(struct budget *b)
{
	if (!b)
		return;
	budget_clear(b);
	planmemos_free(&b->memo);
	free(b);
}

struct grant_use *budget_grant_use(struct budget *b, const struct plan *p)
{
	const struct used *u = find_used(b, p);
	return u ? u->grants : NULL;
}

long budget_ungranted(struct budget *b, const struct plan *p)
{
	return plan_grants_budget(p) ? used_in(b, p, (int)p->ngrants) : 0;
}

int budget_line_on(struct budget *b, const struct plan *p, int day, struct budget_line *l)
{
	memset(l, 0, sizeof *l);
	l->plan = p;
	l->work = -1;
	if (plan_has_grants(p)) {
		const struct used *u = find_used(b, p);
		int k = u && u->grants ? grant_use_slot(u->grants, day) : -1;
		if (k < 0) {
			if (!u || !u->grants) { /* nothing logged yet: what a day's hour would use */
				const struct grant *g = plan_grant_on(p, day);
				int card = g ? -1 : plan_card_on(p, day, 0);
				k = g ? (int)(g - p->grants) : card;
			}
		}
		if (k < 0) {
			l->used = used_in(b, p, (int)p->ngrants);
			l->from = l->to = DATE_NONE;
			return -1;
		}
		l->grant = &p->grants[k];
		l->used = used_in(b, p, k);
		l->spilled = spilled_in(b, p, k);
		l->from = l->grant->from;
		l->to = l->grant->to;
		l->granted = l->grant->minutes;
		return 0;
	}
	if (p->budget_minutes < 0 || p->start == DATE_NONE || day < p->start ||
	    (p->end != DATE_NONE && day > p->end))
		return -1;
	size_t n = 0, cap = 0;
	struct budget_line *one = NULL;
	add_line(&one, &n, &cap, b, p, period_of(p, day));
	*l = one[0];
	free(one);
	return 0;
}
