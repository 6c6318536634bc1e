/* eras.c: the plan keys of an hour by the grant of its day.  An hour's
 * funder and grant are those of the grant that holds its day, so agg.c
 * holds the plan keys of each entry per plan and era: the index of that
 * grant in the plan (p->ngrants: none, ungranted).  On a day only
 * strippenkaarts may hold, which one takes the hour (or none, when they
 * are used up) follows from the hours before it in date order; such
 * entries wait until every hour is in, and are then cut over the grants
 * as grant_use assigns them. */
#include <stdlib.h>
#include <string.h>

#include "planmemo.h"

#define NO_PLAN (-1) /* an entry of a plan that has no file: agg_finish says "?" */

struct held {
	struct entry e;
	const struct plan *p;
	size_t seq; /* as read: the first of a day is the first to take hours */
	int shown;  /* counted in the groups; else only in the strippenkaarts' use */
};

#define MEMO_SLOTS 8192u /* a power of two, well above the plans of a caseload */
#define MEMO_ID 16       /* ids longer than this go the long way */

struct eras {
	struct agg *agg;
	struct planmemos memo;
	int by_grant; /* the era is the grant; else only the funder matters: its number */
	struct plancache *plans;
	struct budget *cards; /* the hours of strippenkaart days, per plan */
	/* The entries counted: the others (another period, coach, mode ...)
	 * take hours of the strippenkaarts all the same, so that which card
	 * an hour is on does not hang on what was asked. */
	const struct filter *shown;
	struct held *v;
	size_t n, cap;
	struct arena texts;
};

struct eras *eras_new(struct agg *a, struct plancache *plans, int by_grant,
		      const struct filter *shown)
{
	struct eras *x = xcalloc(1, sizeof *x);
	x->agg = a;
	x->shown = shown;
	x->by_grant = by_grant;
	x->plans = plans;
	x->cards = budget_new(plans);
	return x;
}

static struct str keep(struct arena *a, struct str s)
{
	return (struct str){arena_strndup(a, s.s, s.n), s.n};
}

static void hold(struct eras *x, const struct entry *e, const struct plan *p, int shown)
{
	if (x->n == x->cap) {
		x->cap = x->cap ? 2 * x->cap : 64;
		x->v = xreallocarray(x->v, x->cap, sizeof *x->v);
	}
	struct held *h = &x->v[x->n];
	h->e = *e;
	h->e.plan = keep(&x->texts, e->plan);
	h->e.goal = keep(&x->texts, e->goal);
	h->e.coach = keep(&x->texts, e->coach);
	h->e.activity = keep(&x->texts, e->activity);
	h->e.note = (struct str){"", 0};
	h->p = p;
	h->shown = shown;
	h->seq = x->n++;
	budget_add(x->cards, e);
}

/* Only the funder matters: fewer groups, and a version 1 plan's funder
 * is the same every day (its grants are its own funder's). */
#define FUNDER_ERA(f) (-2 - (f))

/* The era of an entry of plan p, and the days around its own on which it
 * is the same (from > to: only its own); 0 for an entry held back. */
static int era_of(const struct eras *x, const struct entry *e, const struct plan *p,
		  int *era, int *from, int *to)
{
	if (!p || !p->ngrants || (!x->by_grant && !plan_has_grants(p))) {
		*era = !p ? NO_PLAN : x->by_grant ? 0 : FUNDER_ERA(p->funder);
		*from = PERIOD_OPEN_FROM;
		*to = PERIOD_OPEN_TO;
		return 1;
	}
	const struct grant *g = plan_grant_span(p, e->date, from, to);
	if (!g) {
		*from = 1, *to = 0;
		if (plan_has_grants(p) && plan_card_on(p, e->date, 0) >= 0)
			return 0;
	}
	int slot = g ? (int)(g - p->grants) : (int)p->ngrants;
	*era = x->by_grant ? slot : FUNDER_ERA(g ? g->funder : p->funder);
	return 1;
}

/* The id (1 to MEMO_ID bytes) zero-padded into k, and its hash.  One of
 * 8 to 16 bytes (P-2026-014) is read as two overlapping words, not
 * copied into k byte by byte: words read back from such a copy wait for
 * it, on every line. */
static uint64_t memo_hash(struct str id, uint64_t k[2])
{
	if (__BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__ && id.n >= 8) {
		uint64_t last;
		memcpy(&k[0], id.s, 8);
		memcpy(&last, id.s + id.n - 8, 8);
		k[1] = id.n > 8 ? last >> 8 * (16 - id.n) : 0;
	} else {
		k[0] = k[1] = 0;
		memcpy(k, id.s, id.n);
	}
	return (k[0] * 0x9e3779b97f4a7c15u) ^ (k[1] * 0xc2b2ae3d27d4eb4fu);
}

struct planmemo *planmemo_get(struct planmemos *t, struct plancache *c, struct str id)
{
	if (id.n == 0 || id.n > MEMO_ID)
		return NULL;
	uint64_t k[2];
	uint64_t h = memo_hash(id, k);
	if (!t->index) {
		size_t size = MEMO_SLOTS / 2 * sizeof *t->v;
		t->index = xcalloc(MEMO_SLOTS, sizeof *t->index);
		t->v = aligned_alloc(64, size); /* each entry on one cache line */
		if (!t->v)
			t->v = xmalloc(size);
		t->plans = xcalloc(MEMO_SLOTS / 2, sizeof *t->plans);
		t->refs = xcalloc(MEMO_SLOTS / 2, sizeof *t->refs);
	}
	size_t i = (size_t)(h >> 40) & (MEMO_SLOTS - 1);
	uint32_t tag = (uint32_t)(h >> 32) & 0xffff0000u, at;
	for (; (at = t->index[i]); i = (i + 1) & (MEMO_SLOTS - 1)) {
		struct planmemo *m = &t->v[(at & 0xffffu) - 1];
		if ((at & 0xffff0000u) == tag && m->len == id.n && m->id[0] == k[0] &&
		    m->id[1] == k[1])
			return m;
	}
	if (2 * (t->n + 1) > MEMO_SLOTS)
		return NULL; /* a caseload this large goes the long way for its further plans */
	struct planmemo *m = &t->v[t->n];
	int status;
	*m = (struct planmemo){{k[0], k[1]}, 1, 0, 0, (unsigned char)id.n}; /* from > to: nothing yet */
	t->plans[t->n] = plancache_get(c, id.s, id.n, &status);
	t->refs[t->n] = NULL;
	t->index[i] = tag | (uint32_t)++t->n;
	return m;
}

const struct plan *planmemo_plan(const struct planmemos *t, const struct planmemo *m)
{
	return t->plans[m - t->v];
}

void **planmemo_ref(struct planmemos *t, const struct planmemo *m)
{
	return &t->refs[m - t->v];
}

void planmemos_free(struct planmemos *t)
{
	free(t->index);
	free(t->v);
	free(t->plans);
	free(t->refs);
	*t = (struct planmemos){0};
}

void eras_add(struct eras *x, const struct entry *e)
{
	int shown = !x->shown || filter_pass(x->shown, e);
	struct planmemo *m = planmemo_get(&x->memo, x->plans, e->plan);
	if (m && m->from <= e->date && e->date <= m->to) {
		if (shown)
			agg_add_era(x->agg, e, m->val);
		return;
	}
	int status, era, from, to;
	const struct plan *p = m ? planmemo_plan(&x->memo, m)
				 : plancache_get(x->plans, e->plan.s, e->plan.n, &status);
	if (!era_of(x, e, p, &era, &from, &to)) {
		hold(x, e, p, shown);
		return;
	}
	if (m)
		m->from = from, m->to = to, m->val = era;
	if (shown)
		agg_add_era(x->agg, e, era);
}

static int by_plan_day(const void *a, const void *b)
{
	const struct held *x = a, *y = b;
	if (x->p != y->p)
		return x->p < y->p ? -1 : 1;
	int c = cmp_num(x->e.date, y->e.date);
	return c ? c : cmp_num(x->seq, y->seq);
}

static int held_at(const void *v, size_t i, long *minutes)
{
	const struct held *h = v;
	*minutes = h[i].e.minutes;
	return h[i].e.date;
}

/* One plan's held entries, as grant_cut goes over them. */
struct cutting {
	struct eras *x;
	const struct held *h;
};

/* A piece of a held entry, cut where a strippenkaart ran out, added to
 * the era of the grant it went to. */
static void held_piece(void *arg, size_t i, size_t slot, long minutes)
{
	const struct cutting *c = arg;
	struct eras *x = c->x;
	const struct held *h = &c->h[i];
	const struct plan *p = h->p;
	if (!h->shown)
		return;
	const struct grant *g = slot < p->ngrants ? &p->grants[slot] : NULL;
	struct entry e = h->e;
	e.minutes = minutes;
	agg_add_era(x->agg, &e, x->by_grant ? (int)slot : FUNDER_ERA(g ? g->funder : p->funder));
}

/* The held entries, each on a strippenkaart's day, cut over the grants
 * as the plan's hours of every line (x->cards) assign them. */
void eras_flush(struct eras *x)
{
	if (!x || !x->n)
		return;
	qsort(x->v, x->n, sizeof *x->v, by_plan_day);
	for (size_t i = 0, j; i < x->n; i = j) {
		const struct plan *p = x->v[i].p;
		for (j = i; j < x->n && x->v[j].p == p; j++)
			;
		grant_cut(budget_grant_use(x->cards, p), j - i, held_at, &x->v[i], held_piece,
			  &(struct cutting){x, &x->v[i]});
	}
	x->n = 0;
}

/* A grant as a key: its days (so that a plan's grants sort by date) and
 * reference; hours on no grant's day are ungranted.  Put together by
 * hand, not by snprintf: agg_finish names every grant of every plan. */
static const char *grant_label(const struct grant *g, int to)
{
	static char label[300];
	if (!g)
		return "ungranted";
	char *e = label;
	date_format(g->from, e);
	e += 10;
	*e++ = '.';
	*e++ = '.';
	if (to != DATE_NONE) {
		date_format(to, e);
		e += 10;
	}
	if (g->ref) { /* cut where snprintf would have cut it */
		size_t n = strlen(g->ref), room = (size_t)(label + sizeof label - 1 - e) - 1;
		*e++ = ' ';
		memcpy(e, g->ref, n < room ? n : room);
		e += n < room ? n : room;
	}
	*e = '\0';
	return label;
}

/* A grant's last day, as cp-hours --budget has it: a strippenkaart's is
 * the day its hours ran out, as all the plan's hours (x) used it. */
static int grant_to(struct eras *x, const struct plan *p, size_t k)
{
	struct grant_use *u = x && p->grants[k].to == DATE_NONE ? budget_grant_use(x->cards, p) : NULL;
	return u ? grant_use_end(u, k) : p->grants[k].to;
}

const char *era_name(enum key k, const struct plan *p, int era, struct eras *x)
{
	if (era <= FUNDER_ERA(0))
		return k == KEY_FUNDER ? vocab_name(&vocab_funder, FUNDER_ERA(0) - era)
				       : era_name(k, p, NO_PLAN, x);
	const struct grant *g = era >= 0 && (size_t)era < p->ngrants ? &p->grants[era] : NULL;
	switch (k) {
	case KEY_EMPLOYER:
		return p->employer ? p->employer : "";
	case KEY_SCHEME:
		return p->scheme != SCHEME_NONE ? vocab_name(&vocab_scheme, p->scheme) : "";
	case KEY_GRANT:
		return grant_label(g, g ? grant_to(x, p, (size_t)era) : DATE_NONE);
	default:
		return vocab_name(&vocab_funder, g ? g->funder : p->funder);
	}
}

void eras_merge(struct eras *x, struct eras *from)
{
	for (size_t i = 0; i < from->n; i++) {
		if (x->n == x->cap) {
			x->cap = x->cap ? 2 * x->cap : 64;
			x->v = xreallocarray(x->v, x->cap, sizeof *x->v);
		}
		x->v[x->n] = from->v[i];
		x->v[x->n].seq = x->n; /* after every entry x has: the second half comes second */
		x->n++;
	}
	arena_adopt(&x->texts, &from->texts);
	budget_merge(x->cards, from->cards);
	from->n = 0;
}

void eras_clear(struct eras *x)
{
	x->n = 0;
	arena_free(&x->texts);
	budget_clear(x->cards);
}

void eras_free(struct eras *x)
{
	if (!x)
		return;
	budget_free(x->cards);
	planmemos_free(&x->memo);
	free(x->v);
	arena_free(&x->texts);
	free(x);
}
