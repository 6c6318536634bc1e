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

/* The declarations of plan i's grants of the funder that end in the
 * period, from its entries k[0..n) (sorted; per grant, every one up to the
 * period's end); their entries go to run->pieces. */
void decl_select_grants(struct run *run, size_t i, const struct kept *k, size_t n,
			struct decl **d, size_t *nd, size_t *cap)
{
	const struct declare_opts *o = run->o;
	const struct plan *p = run->ps.plans[i];
	struct grant_use *u = grant_use_new(p);
	for (size_t e = 0; e < n; e++)
		grant_use_add(u, k[e].date, k[e].minutes);
	struct pieces l = {0};
	grant_cut(u, n, kept_at, k, kept_piece, &(struct cutting){k, &l});
	/* of the funder asked for (the others' are no loss): on days no grant
	 * holds, and what a used-up strippenkaart could not take */
	long ungranted[2] = {0}, ungranted_minutes[2] = {0};
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
		(*d)[(*nd)++] = (struct decl){i, from, run->npieces, (int)s, used, over, same, end};
	}
	free(l.v);
	grant_use_free(u);
}

/* The plans that get a declaration (or, with all, a summary row), each
 * with its entries, in the order of the plans; per grant, each grant. */
