/* declare.c: declarations, what a funder's portal asks per plan and
 * period: the plan, the funder's reference, the participant, the coach,
 * every entry (date, goal, what was done, mode, duration) and the totals
 * per goal and per mode; and a summary with one row per plan for the
 * administrator's batch upload.  Nothing else: no contacts, agreements,
 * conditions or evaluations.
 *
 * Hundreds of plans in one run: the plans are read once (and kept slim),
 * then the sheets once, and only the entries a declaration of the funder's
 * plans may hold are kept, compactly; of the rest (another funder's, a
 * plan with no file, outside a plan's dates) only what is told is counted,
 * so that memory grows with the plans declared, not with the sheets.  A
 * plan is read whole again only when its declaration is written.  The
 * batch is all or nothing: a broken plan or a bad line in a sheet stops it
 * before any file is written, unless keep_going, and no file is
 * overwritten without force.
 *
 * Per grant (per_grant), a declaration is one grant of a plan, from its
 * first day to its last, for every grant of the funder that ends in the
 * period: its hours as grant.c assigns them (a strippenkaart's in date
 * order, an entry cut where a card runs out), what was granted, used and
 * over, and the evaluation that closes it.  A version 1 plan's grants are
 * its budget periods.  Of the hours before the period, the entries of a
 * grant that cannot end in it are not kept: only what each grant used,
 * by day (grant_use), which a strippenkaart's share of a day depends on.
 * By period too, that is kept of a plan with strippenkaarten, every hour
 * before the period included, to tell which card took an hour in it.
 *
 * This file gathers the entries and picks the declarations; declaredoc.c
 * writes one, declarefiles.c the files of a batch, declaregrants.c cuts a
 * plan's hours over its grants. */
#include <stdlib.h>
#include <string.h>

#include "declare.h"

static void put_text(struct buf *b, struct str s, uint32_t *off)
{
	*off = (uint32_t)b->len;
	buf_add(b, s.s, s.n);
	buf_putc(b, '\0');
}

static void count_unknown(struct strmap *m, struct str id, long entries, long minutes)
{
	int added;
	void **v = strmap_put(m, id.s, id.n, &added);
	if (added)
		*v = xcalloc(1, sizeof(struct unknown));
	struct unknown *u = *v;
	u->entries += entries;
	u->minutes += minutes;
}

/* Whether an hour of plan i on day is declared to funder: of a plan with
 * grants, an hour's funder is that of its day's grant.  An hour outside
 * the plan's dates is counted, to warn of, and so is one on a day no grant
 * holds, if the plan's funder is the one declared to; the rest are another
 * funder's, no loss. */
static int declared_hour(struct run *r, size_t i, int funder, int day, long minutes)
{
	const struct plan *p = r->set->plans[i];
	int payer = funder >= 0 && plan_has_grants(p) ? plan_granter_on(p, day) : funder;
	if (!plan_holds_day(p, day)) {
		r->outside[i]++;
		r->outside_minutes[i] += minutes;
	} else if (payer == funder)
		return 1;
	else if (payer < 0 && p->funder == funder) {
		r->ungranted[i]++;
		r->ungranted_minutes[i] += minutes;
	}
	return 0;
}

/* An entry of the period, kept if it is of a plan of the funder's; by
 * period, if declared to the funder named: what is not is counted now.
 * By period, a plan with strippenkaarten has every hour up to the period's
 * end added to what its grants used, which says which card took one. */
static int keep(const struct entry *e, void *arg)
{
	struct run *r = arg;
	ssize_t at = planset_find(r->set, e->plan.s, e->plan.n);
	int cards = at >= 0 && !r->o->per_grant && (r->wanted[at] & DECL_CARDS);
	if (cards)
		decl_card_hour(r, (size_t)at, e->date, e->minutes);
	if (!r->o->per_grant && e->date < r->o->ro.period.from)
		return 0; /* read for the cards' sake only */
	/* per grant, the sheets are read from before the period: the warning
	 * counts what a plan with no file has in the period */
	if (at < 0 && r->count_unknown && period_contains(&r->o->ro.period, e->date))
		count_unknown(&r->unknown, e->plan, 1, e->minutes);
	if (at < 0 || !r->wanted[at])
		return 0;
	if (r->o->funder >= 0 && !r->o->per_grant &&
	    !declared_hour(r, (size_t)at, r->o->funder, e->date, e->minutes))
		return 0;
	if (r->o->per_grant && !decl_grant_hour(r, (size_t)at, e->date, e->minutes))
		return 0;
	if (r->n == r->cap) {
		r->cap = r->cap ? 2 * r->cap : 4096;
		r->v = xreallocarray(r->v, r->cap, sizeof *r->v);
	}
	struct kept *k = &r->v[r->n];
	*k = (struct kept){e->date, (int32_t)e->minutes, (uint32_t)r->n, (uint32_t)at, 0, 0, 0,
			   (uint8_t)e->mode, -1};
	if (r->o->logbooks && e->activity.n) { /* a word no list holds is the sheet's fault */
		int act = vocab_parse(&vocab_activity, e->activity.s, e->activity.n);
		k->activity = (int8_t)(act < 0 ? ACT_OTHER : act);
	}
	r->n++;
	put_text(&r->text, e->goal, &k->goal);
	put_text(&r->text, e->note, &k->note);
	if (r->o->logbooks)
		put_text(&r->text, e->coach, &k->coach);
	return 0;
}

static void counts_new(struct run *r, size_t n)
{
	r->outside = xcalloc(n + 1, sizeof *r->outside);
	r->outside_minutes = xcalloc(n + 1, sizeof *r->outside_minutes);
	r->ungranted = xcalloc(n + 1, sizeof *r->ungranted);
	r->ungranted_minutes = xcalloc(n + 1, sizeof *r->ungranted_minutes);
	r->use = xcalloc(n + 1, sizeof *r->use);
}

static void counts_free(struct run *r)
{
	free(r->outside);
	free(r->outside_minutes);
	free(r->ungranted);
	free(r->ungranted_minutes);
	decl_uses_move(NULL, r);
	free(r->use);
}

/* The counts of a run added to another's (into NULL: only cleared), and
 * per grant what each plan's grants used. */
static void counts_move(struct run *into, struct run *from)
{
	long *to[4] = {NULL, NULL, NULL, NULL};
	if (into) {
		to[0] = into->outside, to[1] = into->outside_minutes;
		to[2] = into->ungranted, to[3] = into->ungranted_minutes;
	}
	long *v[4] = {from->outside, from->outside_minutes, from->ungranted,
		      from->ungranted_minutes};
	for (size_t c = 0; c < 4; c++)
		for (size_t i = 0; i < from->set->n; i++) {
			if (to[c])
				to[c][i] += v[c][i];
			v[c][i] = 0;
		}
	decl_uses_move(into, from);
}

/* The entries of a sheet's second half, read on another core, after the
 * first half's: numbered and placed on from where those end. */
static void merge_kept(void *into, void *from)
{
	struct run *r = into, *more = from;
	if (r->n + more->n > r->cap) {
		r->cap = r->n + more->n;
		r->v = xreallocarray(r->v, r->cap, sizeof *r->v);
	}
	uint32_t shift = (uint32_t)r->text.len;
	for (size_t i = 0; i < more->n; i++) {
		struct kept k = more->v[i];
		k.seq += (uint32_t)r->n;
		k.goal += shift;
		k.note += shift;
		k.coach += shift;
		r->v[r->n + i] = k;
	}
	r->n += more->n;
	if (more->text.len)
		buf_add(&r->text, more->text.s, more->text.len);
	for (size_t i = 0; i < more->unknown.cap; i++) {
		const struct strmap_slot *u = &more->unknown.v[i];
		if (u->key) {
			const struct unknown *c = u->value;
			count_unknown(&r->unknown, (struct str){u->key, u->len}, c->entries, c->minutes);
		}
	}
	more->n = 0;
	more->text.len = 0;
	strmap_free(&more->unknown, free);
	counts_move(r, more);
}

static void clear_kept(void *from)
{
	struct run *more = from;
	more->n = 0;
	more->text.len = 0;
	strmap_free(&more->unknown, free);
	counts_move(NULL, more);
}

const char *decl_text(const struct run *r, uint32_t off)
{
	return r->text.s + off;
}

static int by_plan_date(const void *a, const void *b)
{
	const struct kept *x = a, *y = b;
	int c = cmp_num(x->plan, y->plan);
	if (!c)
		c = cmp_num(x->date, y->date);
	return c ? c : cmp_num(x->seq, y->seq);
}

static void warn_outside(const struct run *run, size_t i)
{
	char hm[24], from[11], to[11] = "";
	const struct plan *p = run->ps.plans[i];
	duration_format(run->outside_minutes[i], hm);
	date_format(p->start, from);
	if (p->end != DATE_NONE)
		date_format(p->end, to);
	cp_warn(ngettext("%s: %ld entry (%s) in the period lies outside the plan's dates %s..%s; "
			 "it is left out of its declaration",
			 "%s: %ld entries (%s) in the period lie outside the plan's dates %s..%s; "
			 "they are left out of its declaration",
			 (unsigned long)run->outside[i]),
		p->id, run->outside[i], hm, from, to);
}

static int by_key(const void *a, const void *b)
{
	const struct strmap_slot *const *x = a, *const *y = b;
	return strcmp((*x)->key, (*y)->key);
}

/* The entries of plans with no file, a warning per plan in order of id. */
static void warn_unknown(const struct run *run)
{
	const struct strmap *m = &run->unknown;
	const struct strmap_slot **v = xcalloc(m->used + 1, sizeof *v);
	size_t n = 0;
	for (size_t i = 0; i < m->cap; i++)
		if (m->v[i].key)
			v[n++] = &m->v[i];
	qsort(v, n, sizeof *v, by_key);
	for (size_t i = 0; i < n; i++) {
		const struct unknown *u = v[i]->value;
		char hm[24];
		duration_format(u->minutes, hm);
		cp_warn(ngettext("%s: no such plan; its %ld entry (%s) in the period is in no "
				 "declaration",
				 "%s: no such plan; its %ld entries (%s) in the period are in no "
				 "declaration",
				 (unsigned long)u->entries),
			v[i]->key, u->entries, hm);
	}
	free(v);
}

void decl_warn_ungranted(const struct plan *p, long entries, long minutes)
{
	char hm[24];
	duration_format(minutes, hm);
	cp_warn(ngettext("%s: %ld entry (%s) lies on a day no grant of the plan holds; it is in no "
			 "declaration",
			 "%s: %ld entries (%s) lie on days no grant of the plan holds; they are in no "
			 "declaration",
			 (unsigned long)entries),
		p->id, entries, hm);
}

/* The grants of a plan's declared hours k[0..n), in date order: of a plan
 * with strippenkaarten, those grant_cut gave each of the n pieces it cut
 * them into (slots), as every hour before them used the cards up; else
 * (slots NULL) each entry's day's dated grant. */
struct hours_grants {
	const struct plan *p;
	const struct kept *k;
	const size_t *slots;
	size_t n;
};

static const struct grant *hour_grant(const struct hours_grants *h, size_t x)
{
	if (!h->slots)
		return plan_grant_on(h->p, h->k[x].date);
	return h->slots[x] < h->p->ngrants ? &h->p->grants[h->slots[x]] : NULL;
}

/* Whether hour x may fall under a grant whose reference is ref: yes where
 * no grant with a reference took it, which has no other one to carry. */
static int may_fall_under(const struct hours_grants *h, size_t x, const char *ref)
{
	const struct grant *g = hour_grant(h, x);
	return !g || !g->ref || !strcmp(g->ref, ref);
}

/* By period, the grant of the funder that took the plan's last declared
 * hour, whose reference the declaration carries: -1 where no card's use
 * was followed, or none took one (then decl_last_grant's). */
static int carrier(const struct hours_grants *h, int funder)
{
	for (size_t x = h->slots ? h->n : 0; x-- > 0;) {
		const struct grant *g = hour_grant(h, x);
		if (g && (funder < 0 || g->funder == funder))
			return (int)(g - h->p->grants);
	}
	return -1;
}

/* A funder books hours by grant: a period's declaration whose hours fall
 * under grants of more than one reference (a follow-up in the half year,
 * a strippenkaart and a grant after it, a second strippenkaart) carries
 * the last one's, carried, for all of them, which the funder would book
 * to that grant. */
static void warn_grants(const struct hours_grants *h, const char *carried)
{
	const struct plan *p = h->p;
	const struct grant *last = NULL;
	struct buf refs = {0};
	int count = 0, elsewhere = 0;
	for (size_t x = 0; x < h->n; x++) {
		elsewhere |= carried && !may_fall_under(h, x, carried);
		const struct grant *g = hour_grant(h, x);
		if (!g || !g->ref || (last && !strcmp(g->ref, last->ref)))
			continue;
		buf_printf(&refs, "%s%s", count++ ? ", " : "", g->ref);
		last = g;
	}
	/* hours of the first card, under the reference of a later one */
	if (elsewhere && last && strcmp(last->ref, carried))
		buf_printf(&refs, "%s%s", count++ ? ", " : "", carried);
	if (count > 1)
		cp_warn(_("%s: its hours in the period fall under %d grants (%s); the declaration "
			  "carries the last one's reference; --per-grant declares each grant apart"),
			p->id, count, buf_str(&refs));
	buf_free(&refs);
}

/* The entries of plan i (sorted, k[0..n)) declared to the funder, moved
 * to the front in order; how many are left.  Those of hours on days no
 * grant holds are said (with those counted as the sheets were read). */
static size_t within(struct run *run, size_t i, struct kept *k, size_t n)
{
	size_t kept = 0;
	for (size_t e = 0; e < n; e++)
		if (declared_hour(run, i, run->o->funder, k[e].date, k[e].minutes))
			k[kept++] = k[e];
	if (run->ungranted[i])
		decl_warn_ungranted(run->ps.plans[i], run->ungranted[i], run->ungranted_minutes[i]);
	return kept;
}

/* One plan's declaration, without --funder: to the funder whose grants
 * its hours in the period fall under (into *one), as if named.  Hours
 * under the grants of two funders are two declarations, which the
 * command must say apart: refused. */
static int only_funder(struct run *run, struct declare_opts *one)
{
	ssize_t at = planset_find(&run->ps, run->o->only, strlen(run->o->only));
	const struct plan *p = at >= 0 ? run->ps.plans[at] : NULL;
	unsigned seen = 0;
	for (size_t e = 0; p && plan_has_grants(p) && e < run->n; e++) {
		int f = plan_granter_on(p, run->v[e].date);
		if (f >= 0 && plan_holds_day(p, run->v[e].date) && run->v[e].plan == (size_t)at)
			seen |= 1u << f;
	}
	if (!seen && p && plan_has_grants(p))
		seen = 1u << p->funder; /* none granted: its funder's, for within to leave out */
	if (!seen)
		return 0;
	if (seen & (seen - 1)) {
		struct buf names = {0};
		for (int f = 0; f < FUNDER_COUNT; f++)
			if (seen & 1u << f)
				buf_printf(&names, "%s%s", names.len ? ", " : "", funder_label(f));
		cp_err(EX_USAGE, _("%s: its hours in the period fall under the grants of more than one "
				   "funder (%s): name the one declared to with --funder, or declare "
				   "each grant with --per-grant"), p->id, buf_str(&names));
		buf_free(&names);
		return -1;
	}
	*one = *run->o;
	one->funder = 0;
	while (!(seen & 1u << one->funder))
		one->funder++;
	run->o = one;
	return 0;
}

static size_t select_plans(struct run *run, struct decl **d)
{
	const struct declare_opts *o = run->o;
	size_t *from = xcalloc(run->ps.n + 1, sizeof *from), *to = xcalloc(run->ps.n + 1, sizeof *to);
	for (size_t e = 0, next; e < run->n; e = next) { /* the entries of one plan after another */
		uint32_t at = run->v[e].plan;
		for (next = e + 1; next < run->n && run->v[next].plan == at;)
			next++;
		from[at] = e;
		to[at] = next;
	}
	warn_unknown(run);
	size_t nd = 0, cap = run->ps.n + 1;
	*d = xcalloc(cap, sizeof **d);
	for (size_t i = 0; i < run->ps.n; i++) {
		const struct plan *p = run->ps.plans[i];
		if (p && o->per_grant) {
			decl_select_grants(run, i, run->v + from[i], to[i] - from[i], d, &nd, &cap);
			continue;
		}
		if (!p || !decl_paid_by(p, o->funder))
			continue;
		size_t n = within(run, i, run->v + from[i], to[i] - from[i]);
		/* with grants, the funder's in the period is a grant of its there */
		int overlaps = p->start <= o->ro.period.to &&
			       (p->end == DATE_NONE || p->end >= o->ro.period.from) &&
			       (o->funder < 0 || !p->ngrants ||
				decl_last_grant(p, o->funder, &o->ro.period));
		size_t *slots, pieces = decl_slots(run, i, run->v + from[i], n, &slots);
		struct hours_grants h = {p, run->v + from[i], slots, slots ? pieces : n};
		struct decl one = {i, from[i], from[i] + n, -1, 0, 0, 0, DATE_NONE,
				   carrier(&h, o->funder)};
		if (n || (o->all && overlaps) || o->only)
			(*d)[nd++] = one;
		warn_grants(&h, decl_reference(p, o, &one));
		free(slots);
		if (run->outside[i])
			warn_outside(run, i);
	}
	if (o->per_grant && o->only && !nd)
		cp_warn(_("%s: no grant of the plan ends in the period"), o->only);
	free(from);
	free(to);
	return nd;
}

/* Text and Markdown read on from one declaration to the next; a CSV, JSON,
 * HTML or PDF is one document, and two on standard output run together
 * with nothing to tell the grants apart: as for many plans, -o DIR. */
static int one_document(const struct declare_opts *o, size_t nd)
{
	if (o->dir || nd < 2 || o->fmt == &render_text || o->fmt == &render_markdown)
		return 0;
	return cp_err(EX_USAGE,
		      _("%s: the declarations of %zu grants as %s are a file each: write them with "
			"-o DIR, or as text or markdown"),
		      o->only, nd, o->fmt->name);
}

/* Which plans' entries are kept: those of the funder's plans (per grant
 * too: a plan none of whose grants is the funder's has no hour of its),
 * and of which every hour is followed: those with a strippenkaart of the
 * funder's.  *cards: whether any is. */
static unsigned char *wanted(const struct planset *ps, int funder, int *cards)
{
	unsigned char *w = xcalloc(ps->n + 1, 1);
	*cards = 0;
	for (size_t i = 0; i < ps->n; i++) {
		const struct plan *p = ps->plans[i];
		if (!p || !decl_paid_by(p, funder))
			continue;
		w[i] = DECL_WANTED;
		for (size_t k = 0; k < p->ngrants; k++)
			if (p->grants[k].kind == GRANT_STRIPPENKAART &&
			    (funder < 0 || p->grants[k].funder == funder))
				w[i] |= DECL_CARDS;
		*cards |= w[i] & DECL_CARDS;
	}
	return w;
}

int declare(char *const *plans, size_t nplans, char *const *sheets, size_t nsheets,
	    const struct declare_opts *o)
{
	struct run run = {.o = o};
	int rc = planset_list(&run.ps, plans, nplans, o->only);
	if (o->only && !run.ps.n) {
		planset_free(&run.ps);
		return plan_unknown(plans[0], o->only);
	}
	/* the plans before the sheets, since which are the funder's decides
	 * what is kept of the sheets; quietly (on two cores): one that could
	 * not be read is read again after the sheets, to report, as before */
	planset_read(&run.ps, PLANSET_SLIM | PLANSET_GOALS | PLANSET_QUIET);
	int cards;
	unsigned char *want = wanted(&run.ps, o->funder, &cards);
	run.set = &run.ps;
	run.wanted = want;
	run.count_unknown = !run.ps.named && !o->only;
	counts_new(&run, run.ps.n);
	struct filter f;
	filter_init(&f);
	/* a grant's every hour; a card's, which one took an hour depends on */
	f.from = o->per_grant || cards ? PERIOD_OPEN_FROM : o->ro.period.from;
	f.to = o->ro.period.to;
	if (o->only) /* one plan's declaration keeps its entries, not the caseload's */
		strlist_add(&f.plans, o->only);
	struct run other = {
		.o = o, .set = run.set, .wanted = run.wanted, .count_unknown = run.count_unknown};
	counts_new(&other, run.ps.n);
	struct scan_split two = {&other, merge_kept, clear_kept};
	if (scan_sheets_split(sheets, nsheets, &f, SCAN_KEEP_GOING, keep, &run, &two) < 0)
		rc = -1;
	free(other.v);
	buf_free(&other.text);
	strmap_free(&other.unknown, free);
	counts_free(&other);
	free(f.plans.v);
	if (planset_read(&run.ps, PLANSET_SLIM | PLANSET_GOALS) < 0) /* again, to report */
		rc = -1;
	for (size_t i = 0; i < run.ps.n; i++) {
		const struct plan *p = run.ps.plans[i];
		if (p && o->only && !decl_paid_by(p, o->funder) && !o->per_grant)
			rc = cp_err(EX_USAGE, _("%s is a plan of %s, not of %s"), p->id,
				    funder_label(p->funder), funder_label(o->funder));
	}
	struct declare_opts one;
	if (o->only && o->funder < 0 && !o->per_grant && only_funder(&run, &one) < 0)
		rc = -1;
	else if (rc == 0 || o->ro.keep_going) {
		o = run.o;
		if (run.n)
			qsort(run.v, run.n, sizeof *run.v, by_plan_date);
		struct decl *d = NULL;
		size_t nd = select_plans(&run, &d);
		int ok = one_document(o, nd) == 0 &&
			 (!o->dir || o->force || decl_check_targets(&run, d, nd) == 0);
		if (ok && o->dir)
			ok = decl_make_dirs(o->dir) == 0;
		atomic_defer_sync(1); /* one sync for the batch, at its end */
		if (!ok || decl_write_all(&run, d, nd) < 0)
			rc = -1;
		atomic_defer_sync(0);
		if (ok && o->dir && atomic_sync(o->dir) < 0)
			rc = -1;
		free(d);
	}
	counts_free(&run);
	free(run.v);
	free(run.pieces);
	buf_free(&run.text);
	strmap_free(&run.unknown, free);
	free(want);
	planset_free(&run.ps);
	return rc;
}

