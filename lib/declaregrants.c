/* declaregrants.c: per grant, a plan's hours cut over its grants as
 * grant.c assigns them, and the grants of the funder that end in the
 * period picked, with what each used and went over. */
#include <stdlib.h>

#include "declare.h"

struct piece {
	struct kept k;
	size_t slot; /* the grant it went to; ngrants: none */
};

struct pieces {
	struct piece *v;
	size_t n, cap;
};

static void piece(struct pieces *l, struct kept k, long minutes, size_t slot)
{
	if (l->n == l->cap) {
		l->cap = l->cap ? 2 * l->cap : 64;
		l->v = xreallocarray(l->v, l->cap, sizeof *l->v);
	}
	k.minutes = (int32_t)minutes;
	l->v[l->n++] = (struct piece){k, slot};
}

static int kept_at(const void *v, size_t i, long *minutes)
{
	const struct kept *k = v;
	*minutes = k[i].minutes;
	return k[i].date;
}

struct cutting {
	const struct kept *k;
	struct pieces *out;
};

static void kept_piece(void *arg, size_t i, size_t slot, long minutes)
{
	struct cutting *c = arg;
	piece(c->out, c->k[i], minutes, slot);
}

static void not_ended(const struct plan *p, const struct grant *g, int end)
{
	char from[11], to[11];
	date_format(g->from, from);
	date_format(end, to);
	cp_warn(_("%s: the grant of %s..%s has not ended yet: it is declared once it has "
		  "(--period grant declares it as it stands)"),
		p->id, from, to);
}

static void warn_spilled(const struct plan *p, long entries, long minutes)
{
	char hm[24];
	duration_format(minutes, hm);
	cp_warn(ngettext("%s: %ld entry (%s) found its strippenkaart used up; it is in no "
			 "declaration",
			 "%s: %ld entries (%s) found their strippenkaart used up; they are in no "
			 "declaration",
			 (unsigned long)entries),
		p->id, entries, hm);
}

/* Whether grant g may take an hour on day into a declaration: it is the
 * funder's, and its last day is in the period; one without a last day of
 * its own ends as its hours run out, or with the plan, so it may unless
 * the plan closed before the period.  A strippenkaart's hours in the
 * period are kept too: what it could not take is counted. */
static int may_declare(const struct run *r, const struct plan *p, const struct grant *g, int day)
{
	const struct period *per = &r->o->ro.period;
	if (r->o->funder >= 0 && g->funder != r->o->funder)
		return 0;
	if (g->kind == GRANT_STRIPPENKAART && day >= per->from)
		return 1;
	int end = grant_end(p, g);
	if (g->to != DATE_NONE) /* grant_last_day's, whatever was used */
		return period_contains(per, end);
	return end == DATE_NONE || end >= per->from;
}

void decl_card_hour(struct run *r, size_t i, int day, long minutes)
{
	if (!r->use[i])
		r->use[i] = grant_use_new(r->set->plans[i]);
	grant_use_add(r->use[i], day, minutes);
}

int decl_grant_hour(struct run *r, size_t i, int day, long minutes)
{
	const struct declare_opts *o = r->o;
	const struct plan *p = r->set->plans[i];
	decl_card_hour(r, i, day, minutes);
	const struct grant *g = plan_grant_on(p, day);
	if (g)
		return may_declare(r, p, g, day);
	int card = plan_card_on(p, day, 0);
	if (card < 0 && day >= o->ro.period.from && (o->funder < 0 || p->funder == o->funder)) {
		r->ungranted[i]++;
		r->ungranted_minutes[i] += minutes;
	}
	/* every hour of the day, or none: grant_cut shares the day out */
	for (; card >= 0; card = plan_card_on(p, day, (size_t)card + 1))
		if (may_declare(r, p, &p->grants[card], day))
			return 1;
	return 0;
}

void decl_uses_move(struct run *into, struct run *from)
{
	for (size_t i = 0; i < from->set->n; i++) {
		if (into && into->use[i] && from->use[i])
			grant_use_merge(into->use[i], from->use[i]);
		else if (into && from->use[i]) {
			into->use[i] = from->use[i];
			from->use[i] = NULL;
		}
		grant_use_free(from->use[i]);
		from->use[i] = NULL;
	}
}

struct slots {
	size_t *v;
	size_t n, cap;
};

static void slot_piece(void *arg, size_t e, size_t slot, long minutes)
{
	struct slots *s = arg;
	(void)e, (void)minutes;
	if (s->n == s->cap) {
		s->cap = s->cap ? 2 * s->cap : 16;
		s->v = xreallocarray(s->v, s->cap, sizeof *s->v);
	}
	s->v[s->n++] = slot;
}

size_t decl_slots(struct run *run, size_t i, const struct kept *k, size_t n, size_t **slots)
{
	struct slots s = {0};
	if (run->use[i])
		grant_cut(run->use[i], n, kept_at, k, slot_piece, &s);
	*slots = s.v;
	return s.n;
}

/* The declarations of plan i's grants of the funder that end in the
 * period, from its entries k[0..n) (sorted; per grant, those that may be
 * in one, up to the period's end) and every hour in run->use[i]; their
 * entries go to run->pieces. */
void decl_select_grants(struct run *run, size_t i, const struct kept *k, size_t n,
			struct decl **d, size_t *nd, size_t *cap)
{
	const struct declare_opts *o = run->o;
	const struct plan *p = run->ps.plans[i];
	struct grant_use *u = run->use[i] ? run->use[i] : grant_use_new(p);
	struct pieces l = {0};
	grant_cut(u, n, kept_at, k, kept_piece, &(struct cutting){k, &l});
	/* of the funder asked for (the others' are no loss): on days no grant
	 * holds, and what a used-up strippenkaart could not take */
	long ungranted[2] = {run->ungranted[i]}, ungranted_minutes[2] = {run->ungranted_minutes[i]};
	for (size_t x = 0; x < l.n; x++)
		if (l.v[x].slot == p->ngrants && l.v[x].k.date >= o->ro.period.from &&
		    (o->funder < 0 || plan_funder_on(p, l.v[x].k.date) == o->funder)) {
			int spilled = plan_card_on(p, l.v[x].k.date, 0) >= 0;
			ungranted[spilled]++;
			ungranted_minutes[spilled] += l.v[x].k.minutes;
		}
	if (ungranted[0])
		decl_warn_ungranted(p, ungranted[0], ungranted_minutes[0]);
	if (ungranted[1])
		warn_spilled(p, ungranted[1], ungranted_minutes[1]);
	for (size_t s = 0; s < p->ngrants; s++) {
		const struct grant *g = &p->grants[s];
		if (o->funder >= 0 && g->funder != o->funder)
			continue;
		size_t from = run->npieces;
		long used = 0;
		int last = g->from;
		for (size_t x = 0; x < l.n; x++) {
			if (l.v[x].slot != s)
				continue;
			if (run->npieces == run->piececap) {
				run->piececap = run->piececap ? 2 * run->piececap : 256;
				run->pieces = xreallocarray(run->pieces, run->piececap,
							    sizeof *run->pieces);
			}
			run->pieces[run->npieces++] = l.v[x].k;
			used += l.v[x].k.minutes;
			last = l.v[x].k.date;
		}
		int end = grant_last_day(p, g, used, last);
		int empty = run->npieces == from;
		/* every grant (--period grant): a strippenkaart still running too */
		int every = o->ro.period.from == PERIOD_OPEN_FROM && o->ro.period.to == PERIOD_OPEN_TO;
		int running = end == DATE_NONE && every && g->from <= o->ro.today;
		if ((end == DATE_NONE && !running) ||
		    (!running && !period_contains(&o->ro.period, end)) ||
		    (empty && !((o->all || o->only) && g->from <= o->ro.today))) {
			run->npieces = from;
			continue;
		}
		if (end >= o->ro.today && !every) {
			/* its hours are not all there (its last day's neither): declared
			 * whole now, the rest would be in no declaration */
			not_ended(p, g, end);
			run->npieces = from;
			continue;
		}
		if (*nd == *cap) {
			*cap = 2 * *cap + 8;
			*d = xreallocarray(*d, *cap, sizeof **d);
		}
		int same = 0;
		for (size_t b = 0; b < s; b++)
			same += p->grants[b].from == g->from;
		long over = used > g->minutes ? used - g->minutes : 0;
		if (g->kind == GRANT_STRIPPENKAART)
			over += grant_use_spilled(u, s);
		(*d)[(*nd)++] = (struct decl){i, from, run->npieces, (int)s, used, over, same, end, -1};
	}
	free(l.v);
	if (u != run->use[i])
		grant_use_free(u);
}

/* The plans that get a declaration (or, with all, a summary row), each
 * with its entries, in the order of the plans; per grant, each grant. */
