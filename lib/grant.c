/* grant.c: a coaching trajectory as a dated history (coachplan-plan(5),
 * version 2): the grants (UWV's beschikkingen, a municipality's, an
 * employer's strippenkaart), who coached from which day, and the contract
 * hours from which day.  Every figure follows the dates: an hour belongs
 * to the grant whose period holds its day, so a grant, coach or change of
 * hours added later changes nothing computed for a day before it.
 *
 * A grant by support level has the hours its level gives: day by day,
 * the level's share for the trajectory year the day falls in, of the
 * contract hours in force that day (a week's hours over seven days). */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "planread.h"

static const struct word kinds[] = {
	{"standard", GRANT_STANDARD},
	{"extension|vervolg|vervolgaanvraag", GRANT_EXTENSION},
	{"strippenkaart|strip-card", GRANT_STRIPPENKAART},
	{"internal|intern", GRANT_INTERNAL},
	{NULL, 0},
};
static const char *const kind_names[GRANT_KIND_COUNT] = {"standard", "extension",
							 "strippenkaart", "internal"};
const struct vocab vocab_grant_kind = {
	N_("grant kind"), N_("unknown grant kind %s; use %s"),
	N_("standard, extension (vervolg), strippenkaart or internal"), kinds, kind_names,
	GRANT_KIND_COUNT, 0};

static const struct word levels[] = {
	{"zeer-licht|zeer licht|very-light", LEVEL_ZEER_LICHT},
	{"licht|light", LEVEL_LICHT},
	{"midden|medium", LEVEL_MIDDEN},
	{"intensief|intensive", LEVEL_INTENSIEF},
	{"intern|internal", LEVEL_INTERN},
	{NULL, 0},
};
static const char *const level_names[LEVEL_COUNT] = {"zeer-licht", "licht", "midden",
						     "intensief", "intern"};
const struct vocab vocab_grant_level = {
	N_("support level"), N_("unknown support level %s; use %s"),
	N_("zeer-licht, licht, midden, intensief or intern (very-light, light, medium, "
	   "intensive, internal)"),
	levels, level_names, LEVEL_COUNT, 0};

_Static_assert(LEVEL_COUNT == FUNDER_LEVELS, "funder.c has a share for every level");

long plan_work_on(const struct plan *p, int day)
{
	long minutes = p->work_minutes;
	for (size_t i = 0; i < p->nworkspans && p->workspans[i].from <= day; i++)
		minutes = p->workspans[i].minutes;
	return minutes;
}

const char *plan_coach_on(const struct plan *p, int day)
{
	const char *coach = p->coach;
	for (size_t i = 0; i < p->ncoachspans && p->coachspans[i].from <= day; i++)
		coach = p->coachspans[i].coach;
	return coach;
}

/* The day whose value a dated list's top-level key says (coachplan-plan(5):
 * today's, or the start's if it has not come, or the end's once it has
 * passed: an item from after the end holds for no day); DATE_NONE where
 * the list, first from first, does not say what held from the start. */
static int top_day(const struct plan *p, size_t n, int first, int today)
{
	if (!n || first > p->start)
		return DATE_NONE;
	int day = today > p->start ? today : p->start;
	return p->end != DATE_NONE && p->end >= p->start && day > p->end ? p->end : day;
}

const char *plan_coach_behind(const struct plan *p, int today)
{
	size_t n = p->ncoachspans;
	int day = top_day(p, n, n ? p->coachspans[0].from : 0, today);
	const char *now = day != DATE_NONE ? plan_coach_on(p, day) : NULL;
	return now && !utf8_same_names(now, p->coach) ? now : NULL;
}

long plan_work_behind(const struct plan *p, int today)
{
	size_t n = p->nworkspans;
	int day = top_day(p, n, n ? p->workspans[0].from : 0, today);
	long now = day != DATE_NONE && p->work_minutes >= 0 ? plan_work_on(p, day) : -1;
	return now != p->work_minutes ? now : -1;
}

int plan_has_grants(const struct plan *p)
{
	return p->ngrants && !p->grants[0].implicit;
}

int plan_grants_budget(const struct plan *p)
{
	return plan_has_grants(p) || (p->version >= 2 && p->budget_minutes < 0);
}

/* The last grant from day or before, by binary search: grants are sorted
 * by from, and dated ones do not overlap. */
const struct grant *plan_grant_on(const struct plan *p, int day)
{
	int from, to;
	return plan_grant_span(p, day, &from, &to);
}

/* The days from..to around day have the same grants starting on or
 * before them; of those, the answer is the same up to its to. */
const struct grant *plan_grant_span(const struct plan *p, int day, int *from, int *to)
{
	size_t lo = 0, hi = p->ngrants;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (p->grants[mid].from <= day)
			lo = mid + 1;
		else
			hi = mid;
	}
	*from = lo ? p->grants[lo - 1].from : PERIOD_OPEN_FROM;
	*to = lo < p->ngrants ? p->grants[lo].from - 1 : PERIOD_OPEN_TO;
	while (lo-- > 0) { /* skipping strippenkaarts that start later than a dated one */
		const struct grant *g = &p->grants[lo];
		if (g->kind == GRANT_STRIPPENKAART)
			continue;
		if (g->to == DATE_NONE || day > g->to)
			return NULL;
		if (g->to < *to)
			*to = g->to;
		return g;
	}
	return NULL;
}

int plan_card_on(const struct plan *p, int day, size_t k)
{
	for (; k < p->ngrants; k++) {
		const struct grant *g = &p->grants[k];
		if (g->kind == GRANT_STRIPPENKAART && g->from <= day &&
		    (g->to == DATE_NONE || day <= g->to))
			return (int)k;
	}
	return -1;
}

/* Whether g runs from..to.  A card without a last day of its own takes one
 * too: the day its hours ran out, by which cp-hours --budget, a
 * declaration and a logbook name it (any day after its first: the sheets
 * that say which are not read here). */
static int grant_days_are(const struct grant *g, int from, int to)
{
	if (g->from != from || g->to == to)
		return g->from == from;
	return g->to == DATE_NONE && g->kind == GRANT_STRIPPENKAART && to != DATE_NONE &&
	       to >= from;
}

/* A grant named as cp-hours --by grant and cp-log name it: FROM..TO, then
 * its reference after a space; a strippenkaart FROM..  NULL if none. */
static const struct grant *grant_labelled(const struct plan *p, const char *name,
					  const char *dots, int *several)
{
	const char *to_s = dots + 2, *space = strchr(to_s, ' ');
	size_t to_n = space ? (size_t)(space - to_s) : strlen(to_s);
	int from, to = DATE_NONE;
	if (date_parse(name, (size_t)(dots - name), &from) || (to_n && date_parse(to_s, to_n, &to)))
		return NULL;
	const struct grant *found = NULL;
	for (size_t i = 0; i < p->ngrants; i++) {
		const struct grant *g = &p->grants[i];
		if (!grant_days_are(g, from, to) ||
		    (space && (!g->ref || strcmp(g->ref, space + 1))))
			continue;
		if (found) { /* two cards of one day and no reference to tell them apart */
			*several = GRANT_SHARED_DAY;
			return NULL;
		}
		found = g;
	}
	return found;
}

/* A reference two grants share (UWV keeps one for a whole trajectory of
 * six-month grants) names neither: a day must, lest a declaration or a
 * logbook go to the wrong half year without a word. */
const struct grant *grant_named(const struct plan *p, const char *name, int *several)
{
	const struct grant *found = NULL;
	*several = 0;
	for (size_t i = 0; i < p->ngrants; i++)
		if (p->grants[i].ref && !strcmp(p->grants[i].ref, name)) {
			if (found)
				*several = GRANT_SHARED_REF;
			found = &p->grants[i];
		}
	if (found)
		return *several ? NULL : found;
	const char *dots = strstr(name, "..");
	if (dots)
		return grant_labelled(p, name, dots, several);
	int day;
	if (date_parse(name, strlen(name), &day))
		return NULL;
	for (size_t i = 0; i < p->ngrants; i++)
		if (p->grants[i].from == day) {
			if (found) { /* two strippenkaarten from one day, say: the ref must tell */
				*several = GRANT_SHARED_DAY;
				return NULL;
			}
			found = &p->grants[i];
		}
	return found ? found : plan_grant_on(p, day);
}

int grant_meets(const struct grant *g, const struct period *per)
{
	return g->from <= per->to && (g->to == DATE_NONE || g->to >= per->from);
}

int grant_followed(const struct plan *p, const struct grant *g)
{
	if (g->to != DATE_NONE && p->end != DATE_NONE && g->to >= p->end)
		return 1;
	for (size_t k = 0; k < p->ngrants; k++)
		if (p->grants[k].from > g->from)
			return 1;
	return 0;
}

/* A closed plan's grants end with it: coaching has stopped, and their
 * hours are declared now, not when the grant would have run out.  A grant
 * that would have begun after the plan closed keeps its own days. */
static int closed_with(const struct plan *p, const struct grant *g, int end)
{
	if (p->status != STATUS_CLOSED || p->end == DATE_NONE || (p->defaulted & PLAN_DEFAULT_END) ||
	    p->end < g->from)
		return end;
	return end == DATE_NONE || p->end < end ? p->end : end;
}

int grant_end(const struct plan *p, const struct grant *g)
{
	return closed_with(p, g, g->to);
}

int grant_ended_undeclared(const struct grant *g, int end, int day)
{
	return end != DATE_NONE && end < day && g->declared == DATE_NONE;
}

int plan_holds_day(const struct plan *p, int day)
{
	return day >= p->start && (p->end == DATE_NONE || day <= p->end);
}

int plan_keeps(const struct plan *p, const struct period *period, int day, long minutes,
	       struct outside *o)
{
	if (!period_contains(period, day))
		return 0;
	if (!plan_holds_day(p, day)) {
		o->n++;
		o->minutes += minutes;
		return 0;
	}
	return 1;
}

struct period plan_so_far(const struct plan *p, int today)
{
	struct period so_far = {p->start, p->end != DATE_NONE && p->end < today ? p->end : today};
	if (so_far.to < so_far.from)
		so_far.to = so_far.from;
	return so_far;
}

struct period grant_days(const struct plan *p, const struct grant *g, int today)
{
	struct period days = {g->from, g->to != DATE_NONE ? g->to : plan_so_far(p, today).to};
	if (days.to < days.from)
		days.to = days.from;
	return days;
}

/* How near a grant's last day its closing evaluation may fall: UWV's
 * evaluation is due when the grant ends, the day the next one starts,
 * and is often held a few weeks later. */
#define CLOSING_DAYS 31

/* Whether an evaluation on day is nearer the end of another grant of the
 * plan that it may close: then it closes that one. */
static int closes_other(const struct plan *p, const struct grant *g, int last, int day)
{
	for (size_t i = 0; i < p->ngrants; i++) {
		const struct grant *h = &p->grants[i];
		if (h != g && h->to != DATE_NONE && h->from <= day && day <= h->to + CLOSING_DAYS &&
		    abs(day - h->to) < abs(day - last))
			return 1;
	}
	return 0;
}

const struct evaluation *grant_closing(const struct plan *p, const struct grant *g, int last)
{
	const struct evaluation *best = NULL;
	for (size_t i = 0; i < p->nevals; i++) {
		const struct evaluation *ev = &p->evals[i];
		if (ev->date < g->from || ev->date > last + CLOSING_DAYS ||
		    closes_other(p, g, last, ev->date))
			continue;
		if (!best || abs(ev->date - last) < abs(best->date - last))
			best = ev;
	}
	return best;
}

int plan_granter_on(const struct plan *p, int day)
{
	const struct grant *g = plan_grant_on(p, day);
	int card = g ? -1 : plan_card_on(p, day, 0);
	return g ? g->funder : card >= 0 ? p->grants[card].funder : -1;
}

int plan_funder_on(const struct plan *p, int day)
{
	int funder = plan_granter_on(p, day);
	return funder >= 0 ? funder : p->funder;
}

/* The hours of a level over [from, to] for a funder's levels: day by day,
 * the share for the trajectory year the day falls in of the contract hours
 * in force that day. */
static long level_minutes(const struct plan *p, const int (*share)[3], int level, int from,
			  int to)
{
	if (!share || level < 0 || level >= LEVEL_COUNT || to == DATE_NONE ||
	    p->start == DATE_NONE)
		return -1;
	long long tenths = 0; /* tenth-percent minutes a week, summed over days */
	int year2 = date_add_months(p->start, 12), year3 = date_add_months(p->start, 24);
	for (int day = from; day <= to; day++) {
		long work = plan_work_on(p, day);
		if (work < 0)
			return -1;
		int y = day < year2 ? 0 : day < year3 ? 1 : 2;
		tenths += (long long)share[level][y] * work;
	}
	return (long)((tenths + 3500) / 7000); /* per 7 days and 1000 tenth-percents */
}

long grant_level_minutes(const struct plan *p, int level, int from, int to)
{
	return level_minutes(p, funder_rules(FUNDER_UWV)->levels, level, from, to);
}

int grant_spec_to(const struct grant_spec *g, int plan_funder, int *to)
{
	int funder = g->funder >= 0 ? g->funder : plan_funder;
	int months = funder_rules(funder)->grant_months;
	*to = DATE_NONE;
	if (g->to != DATE_NONE)
		*to = g->to;
	else if (g->length.n)
		*to = date_add_interval(g->from, g->length, 1) - 1;
	else if (g->kind == GRANT_STRIPPENKAART)
		return 0;
	else if (months)
		*to = date_add_interval(g->from, (struct interval){months, 'm'}, 1) - 1;
	else
		return -1;
	return 0;
}

/* ---- reading ---- */

static int dated_cmp(const void *a, const void *b)
{
	const struct grant *x = a, *y = b;
	return cmp_num(x->from, y->from);
}

/* Every item takes a slot, so that a bad grant still holds its days. */
static int one_grant(struct reader *r, struct ynode *item, void *slot)
{
	struct plan *p = r->p;
	struct grant *g = slot;
	g->node = item;
	g->from = g->to = g->declared = DATE_NONE;
	g->level = LEVEL_NONE;
	if (!pr_mapping(r, item, N_("grant")))
		return 1;
	struct ynode *from = pr_get(item, "from");
	if (!from)
		pr_complain(r, item, _("a grant starts on a day: from: 2026-11-02"),
			    _("a grant needs from"));
	g->from = pr_date_of(r, from, N_("grant from"));
	struct ynode *kind = pr_get(item, "kind");
	int k = kind ? pr_word_of(r, kind, &vocab_grant_kind)
		     : GRANT_STANDARD;
	g->kind = k < 0 ? GRANT_STANDARD : k;
	struct ynode *f = pr_get(item, "funder");
	int fu = f ? pr_word_of(r, f, &vocab_funder) : p->funder;
	g->funder = fu < 0 ? p->funder : fu;
	g->ref = pr_text(r, pr_get(item, "ref"), N_("grant reference"));
	struct ynode *to = pr_get(item, "to"), *len = pr_get(item, "length");
	if (to && len)
		pr_complain(r, len, _("give the last day (to) or the length, not both"),
			    _("a grant with to and length"));
	if (to)
		g->to = pr_date_of(r, to, N_("grant to"));
	else if (g->from != DATE_NONE) {
		int months = funder_rules(g->funder)->grant_months;
		struct interval dflt = {months, 'm'};
		struct interval iv = pr_interval_of(r, len, N_("grant length"), dflt);
		if (len || (months && g->kind != GRANT_STRIPPENKAART))
			g->to = date_add_interval(g->from, iv, 1) - 1;
		else if (g->kind != GRANT_STRIPPENKAART)
			pr_complain(r, item, _("add to: with its last day, or length: 6m"),
				    _("a grant needs to or length"));
	}
	if (g->from != DATE_NONE && g->to != DATE_NONE && g->to < g->from)
		pr_complain(r, to ? to : item, NULL, _("a grant that ends before it starts"));
	if (g->from != DATE_NONE && p->start != DATE_NONE && g->from < p->start)
		pr_complain(r, from, _("a grant starts on or after the plan's start"),
			    _("a grant from before the plan starts"));
	struct ynode *declared = pr_get(item, "declared");
	if (declared)
		g->declared = pr_date_of(r, declared, N_("grant declared"));
	if (g->declared != DATE_NONE && g->from != DATE_NONE && g->declared < g->from)
		pr_complain(r, declared, _("the day the grant's hours were declared to the funder"),
			    _("a grant declared before it starts"));
	struct ynode *hours = pr_get(item, "hours"), *level = pr_get(item, "level");
	if (!!hours == !!level)
		pr_complain(r, item, _("give hours: 60, or level: midden"),
			    hours ? _("a grant with both hours and level")
				  : _("a grant needs hours or a level"));
	else if (hours)
		g->minutes = pr_hours_of(r, hours, N_("grant hours"), 100000);
	else {
		int l = pr_word_of(r, level, &vocab_grant_level);
		g->level = l < 0 ? LEVEL_NONE : l;
		if (g->kind == GRANT_STRIPPENKAART && l >= 0)
			pr_complain(r, level, _("a strippenkaart is a number of hours: hours: 20"),
				    _("a strippenkaart by level"));
	}
	return 1;
}

static void read_grants(struct reader *r, struct ynode *root)
{
	struct plan *p = r->p;
	if (!(p->grants = pr_each(r, root, "grants", N_("grants"), sizeof *p->grants, &p->ngrants,
				  one_grant)))
		return;
	qsort(p->grants, p->ngrants, sizeof *p->grants, dated_cmp);
	const struct grant *last = NULL; /* dated grants may not overlap */
	for (size_t i = 0; i < p->ngrants; i++) {
		struct grant *g = &p->grants[i];
		if (g->kind == GRANT_STRIPPENKAART || g->from == DATE_NONE || g->to == DATE_NONE)
			continue;
		if (last && g->from <= last->to) {
			char day[11];
			date_format(last->to, day);
			pr_complain(r, g->node, _("one day belongs to one grant: start after the other ends"),
				    _("this grant overlaps the one that runs until %s"), day);
		}
		last = g;
	}
}

/* The levels need the contract hours, which are read after the grants. */
static void level_hours(struct reader *r)
{
	struct plan *p = r->p;
	for (size_t i = 0; i < p->ngrants; i++) {
		struct grant *g = &p->grants[i];
		if (g->level == LEVEL_NONE || g->from == DATE_NONE)
			continue;
		const int (*share)[3] = funder_rules(g->funder)->levels;
		if (!share) {
			pr_complain(r, pr_get(g->node, "level"), _("give the hours bought: hours: 20"),
				    _("%s grants hours, not a support level"), funder_label(g->funder));
			continue;
		}
		g->minutes = level_minutes(p, share, g->level, g->from, g->to);
		if (g->minutes < 0 && p->start != DATE_NONE) /* a bad start: said at the start */
			pr_complain(r, g->node, _("give work_hours_per_week: or work_hours:"),
				    _("a grant by level needs the contract hours"));
	}
}

/* A version 1 plan's budget: as grants: one per period from the start up
 * to the end, as budget.c counts them, so that what reads grants reads
 * every plan the same way. */
static void implicit_grants(struct plan *p)
{
	if (p->budget_minutes < 0 || p->start == DATE_NONE)
		return;
	int last = p->end != DATE_NONE ? p->end : date_add_months(p->start, 12 * IMPLICIT_YEARS) - 1;
	size_t n = 0; /* at most a period a week over the years */
	while (n < 52 * IMPLICIT_YEARS && date_add_interval(p->start, p->budget_per, (int)n) <= last)
		n++;
	p->grants = arena_alloc(&p->arena, (n ? n : 1) * sizeof *p->grants);
	for (size_t k = 0; k < n; k++) {
		struct grant *g = &p->grants[k];
		memset(g, 0, sizeof *g);
		g->from = date_add_interval(p->start, p->budget_per, (int)k);
		g->to = date_add_interval(p->start, p->budget_per, (int)k + 1) - 1;
		if (p->end != DATE_NONE && g->to > p->end)
			g->to = p->end; /* an open plan's last period is whole, as budget.c has it */
		g->funder = p->funder;
		g->ref = p->funder_ref;
		g->kind = GRANT_STANDARD;
		g->level = LEVEL_NONE;
		g->minutes = p->budget_minutes;
		g->declared = DATE_NONE;
		g->implicit = 1;
	}
	p->ngrants = n;
}

static int span_from(struct reader *r, struct ynode *item, int *last)
{
	int from = pr_date_of(r, pr_get(item, "from"), N_("from"));
	if (from == DATE_NONE && !pr_get(item, "from"))
		pr_complain(r, item, _("each item starts on a day: from: 2026-11-02"),
			    _("an item without from"));
	if (from != DATE_NONE && *last != DATE_NONE && from <= *last)
		pr_complain(r, item, _("oldest first, each from a later day"),
			    _("this item does not come after the one above it"));
	if (from != DATE_NONE && r->p->start != DATE_NONE && from < r->p->start)
		pr_complain(r, item, NULL, _("a day before the plan starts"));
	if (from != DATE_NONE)
		*last = from;
	return from;
}

/* A list of items that hold from a day on: each read by one (item, from,
 * slot) into slots of size bytes; how many were read. */
static size_t read_dated(struct reader *r, struct ynode *root, const char *key, const char *what,
			 void **slots, size_t size,
			 void (*one)(struct reader *, struct ynode *, int, void *))
{
	struct ynode *l;
	size_t n = 0;
	int last = DATE_NONE;
	if (!(*slots = pr_items(r, root, key, what, size, &l)))
		return 0;
	for (uint32_t i = 0; i < l->n; i++) {
		struct ynode *item = pr_mapping(r, yderef(l->u.kids[i]), what);
		if (item)
			one(r, item, span_from(r, item, &last), (char *)*slots + n++ * size);
	}
	return n;
}

static void one_coach(struct reader *r, struct ynode *item, int from, void *slot)
{
	struct coach_span *s = slot;
	s->from = from;
	s->coach = pr_required_text(r, item, "coach", N_("coach"));
}

static void one_work(struct reader *r, struct ynode *item, int from, void *slot)
{
	struct work_span *s = slot;
	struct ynode *h = pr_get(item, "hours");
	s->from = from;
	if (!h)
		pr_complain(r, item, NULL, _("missing %s"), _("hours"));
	s->minutes = h ? pr_hours_of(r, h, N_("work hours per week"), 80) : -1;
}

static void read_spans(struct reader *r, struct ynode *root)
{
	struct plan *p = r->p;
	void *slots = NULL;
	p->ncoachspans = read_dated(r, root, "coaches", N_("coaches"), &slots,
				    sizeof *p->coachspans, one_coach);
	p->coachspans = p->ncoachspans ? slots : NULL;
	p->nworkspans = read_dated(r, root, "work_hours", N_("work hours"), &slots,
				   sizeof *p->workspans, one_work);
	p->workspans = p->nworkspans ? slots : NULL;
}

void read_history(struct reader *r, struct ynode *root, int version)
{
	static const char *const keys[] = {"grants", "coaches", "work_hours"};
	struct plan *p = r->p;
	if (version < 2) {
		for (size_t i = 0; i < sizeof keys / sizeof *keys; i++)
			if (ymap_key(root, keys[i]))
				pr_complain(r, ymap_key(root, keys[i]),
					    _("a plan with a dated history is version 2: set version: 2 "
					      "(cp-plan --migrate does it)"),
					    _("%s in a version 1 plan"), keys[i]);
		implicit_grants(p);
		return;
	}
	if (pr_get(root, "grants") && p->budget_minutes >= 0)
		pr_complain(r, ymap_key(root, "budget"),
			    _("the grants say what was granted: move the budget into grants:"),
			    _("a plan with grants has no budget"));
	read_spans(r, root);
	read_grants(r, root);
	level_hours(r);
	if (!p->ngrants)
		implicit_grants(p); /* a version 2 plan may still give a budget: */
}

/* ---- what is used of each grant ---- */

struct dayuse {
	int day;
	long minutes;
};

struct grant_use {
	const struct plan *p;
	long *direct;  /* per grant slot: hours on a dated grant's days; the last: ungranted */
	long *card;    /* per slot: what the strippenkaarts took; the last: what they could not */
	long *spilled; /* per strippenkaart: of card[ngrants], what found it used up */
	int *used_up;  /* per strippenkaart: the day its last minute was taken; DATE_NONE */
	struct dayuse *days; /* hours on days only strippenkaarts may hold */
	size_t ndays, cap;
	int settled;
};

struct grant_use *grant_use_new(const struct plan *p)
{
	struct grant_use *u = xcalloc(1, sizeof *u);
	u->p = p;
	u->direct = xcalloc(p->ngrants + 1, sizeof *u->direct);
	u->card = xcalloc(p->ngrants + 1, sizeof *u->card);
	u->spilled = xcalloc(p->ngrants + 1, sizeof *u->spilled);
	u->used_up = xcalloc(p->ngrants + 1, sizeof *u->used_up);
	for (size_t k = 0; k <= p->ngrants; k++)
		u->used_up[k] = DATE_NONE;
	u->settled = 1;
	return u;
}

long *grant_use_direct(struct grant_use *u, size_t k)
{
	return &u->direct[k];
}

static void compact(struct grant_use *u);

void grant_use_add(struct grant_use *u, int day, long minutes)
{
	const struct plan *p = u->p;
	const struct grant *g = plan_grant_on(p, day);
	if (g) {
		u->direct[g - p->grants] += minutes;
		return;
	}
	if (plan_card_on(p, day, 0) < 0) {
		u->direct[p->ngrants] += minutes;
		return;
	}
	if (u->ndays && u->days[u->ndays - 1].day == day) { /* sheets come mostly by date */
		u->days[u->ndays - 1].minutes += minutes;
	} else {
		/* sheets not by date (of many coaches, say) would hold a line
		 * each: a day once, so that memory grows with the days */
		if (u->ndays == u->cap) {
			if (u->cap >= 1024)
				compact(u);
			if (!u->cap || u->ndays > u->cap / 2) { /* else it is room enough */
				u->cap = u->cap ? 2 * u->cap : 16;
				u->days = xreallocarray(u->days, u->cap, sizeof *u->days);
			}
		}
		u->days[u->ndays++] = (struct dayuse){day, minutes};
	}
	u->settled = 0;
}

static int by_day(const void *a, const void *b)
{
	const struct dayuse *x = a, *y = b;
	return cmp_num(x->day, y->day);
}

/* One day's minutes onto the strippenkaarts valid then, in their order,
 * each up to its hours; card[] holds what each has taken so far.  The
 * minutes of the day per slot go to split, if given. */
static void fill_day(const struct grant_use *u, long *card, long *spilled, int day, long m,
		     long *split)
{
	const struct plan *p = u->p;
	int last = -1;
	for (int k = plan_card_on(p, day, 0); k >= 0 && m > 0;
	     k = plan_card_on(p, day, (size_t)k + 1)) {
		long room = p->grants[k].minutes - card[k];
		long take = room < m ? (room > 0 ? room : 0) : m;
		card[k] += take;
		m -= take;
		if (split)
			split[k] += take;
		last = k;
	}
	if (m > 0) {
		card[p->ngrants] += m;
		if (spilled && last >= 0)
			spilled[last] += m;
		if (split)
			split[p->ngrants] += m;
	}
}

/* The days in date order, one entry a day. */
static void compact(struct grant_use *u)
{
	if (u->ndays) /* qsort of NULL is undefined, even of none */
		qsort(u->days, u->ndays, sizeof *u->days, by_day);
	size_t n = 0;
	for (size_t i = 0; i < u->ndays; i++)
		if (n && u->days[n - 1].day == u->days[i].day)
			u->days[n - 1].minutes += u->days[i].minutes;
		else
			u->days[n++] = u->days[i];
	u->ndays = n;
}

/* The days in date order, one entry a day, and the strippenkaarts filled. */
static void settle(struct grant_use *u)
{
	if (u->settled)
		return;
	compact(u);
	size_t n = u->ndays;
	size_t slots = u->p->ngrants + 1;
	memset(u->card, 0, slots * sizeof *u->card);
	memset(u->spilled, 0, slots * sizeof *u->spilled);
	for (size_t k = 0; k < slots; k++)
		u->used_up[k] = DATE_NONE;
	for (size_t i = 0; i < n; i++) {
		int day = u->days[i].day;
		fill_day(u, u->card, u->spilled, day, u->days[i].minutes, NULL);
		for (int k = plan_card_on(u->p, day, 0); k >= 0;
		     k = plan_card_on(u->p, day, (size_t)k + 1))
			if (u->used_up[k] == DATE_NONE && u->card[k] >= u->p->grants[k].minutes)
				u->used_up[k] = day;
	}
	u->settled = 1;
}

long grant_use_used(struct grant_use *u, size_t k)
{
	settle(u);
	return k <= u->p->ngrants ? u->direct[k] + u->card[k] : 0;
}

long grant_use_spilled(struct grant_use *u, size_t k)
{
	settle(u);
	return k < u->p->ngrants ? u->spilled[k] : 0;
}

int grant_use_end(struct grant_use *u, size_t k)
{
	settle(u);
	return grant_last_day(u->p, &u->p->grants[k], grant_use_used(u, k), u->used_up[k]);
}

/* The strippenkaarts filled with the days before day; the split of day's
 * own minutes into split (zeroed, p->ngrants + 1 slots). */
static void replay(struct grant_use *u, int day, long *card, long *split)
{
	settle(u);
	const struct plan *p = u->p;
	memset(card, 0, (p->ngrants + 1) * sizeof *card);
	memset(split, 0, (p->ngrants + 1) * sizeof *split);
	for (size_t i = 0; i < u->ndays && u->days[i].day <= day; i++)
		fill_day(u, card, NULL, u->days[i].day, u->days[i].minutes,
			 u->days[i].day == day ? split : NULL);
}

int grant_use_slot(struct grant_use *u, int day)
{
	const struct plan *p = u->p;
	const struct grant *g = plan_grant_on(p, day);
	if (g)
		return (int)(g - p->grants);
	int first = plan_card_on(p, day, 0);
	if (first < 0)
		return -1;
	long *card = xcalloc(p->ngrants + 1, sizeof *card);
	long *split = xcalloc(p->ngrants + 1, sizeof *split);
	replay(u, day, card, split);
	int slot = -1, last = first, open = -1;
	for (int k = first; k >= 0; k = plan_card_on(p, day, (size_t)k + 1)) {
		if (split[k])
			slot = k; /* the one that took the day's last minute */
		if (open < 0 && card[k] < p->grants[k].minutes)
			open = k;
		last = k;
	}
	if (split[p->ngrants] || slot < 0) /* over all of them, or no hour yet that day */
		slot = split[p->ngrants] ? last : open >= 0 ? open : last;
	free(card);
	free(split);
	return slot;
}

void grant_use_day(struct grant_use *u, int day, long *per_slot)
{
	const struct plan *p = u->p;
	memset(per_slot, 0, (p->ngrants + 1) * sizeof *per_slot);
	const struct grant *g = plan_grant_on(p, day);
	if (g || plan_card_on(p, day, 0) < 0) {
		/* a dated grant's or the ungranted: all hours of the day, not only
		 * those added on it: the caller adds each entry of it */
		return;
	}
	long *card = xcalloc(p->ngrants + 1, sizeof *card);
	replay(u, day, card, per_slot);
	free(card);
}

void grant_use_merge(struct grant_use *u, const struct grant_use *from)
{
	for (size_t k = 0; k <= u->p->ngrants; k++)
		u->direct[k] += from->direct[k];
	if (!from->ndays)
		return;
	if (u->ndays + from->ndays > u->cap) {
		u->cap = u->ndays + from->ndays;
		u->days = xreallocarray(u->days, u->cap, sizeof *u->days);
	}
	memcpy(u->days + u->ndays, from->days, from->ndays * sizeof *u->days);
	u->ndays += from->ndays;
	u->settled = 0; /* settle sorts the days and adds up the same day's */
}

void grant_use_free(struct grant_use *u)
{
	if (!u)
		return;
	free(u->direct);
	free(u->card);
	free(u->spilled);
	free(u->used_up);
	free(u->days);
	free(u);
}

/* Of an entry's left minutes on a strippenkaart's day, what the grant at
 * *slot takes (moved on past the used up; ngrants: none), taken off
 * per_slot: called until the entry is all taken, the day's in order. */
static long split_take(size_t ngrants, long *per_slot, size_t *slot, long left)
{
	while (*slot < ngrants && per_slot[*slot] <= 0)
		(*slot)++;
	long take = *slot < ngrants && per_slot[*slot] < left ? per_slot[*slot] : left;
	per_slot[*slot] -= take;
	return take;
}

void grant_cut(struct grant_use *u, size_t n, int (*at)(const void *v, size_t i, long *minutes),
	       const void *v, void (*piece)(void *arg, size_t i, size_t slot, long minutes),
	       void *arg)
{
	const struct plan *p = u->p;
	long *split = xcalloc(p->ngrants + 1, sizeof *split), minutes;
	for (size_t e = 0, next; e < n; e = next) {
		int day = at(v, e, &minutes);
		for (next = e + 1; next < n && at(v, next, &minutes) == day; next++)
			;
		const struct grant *g = plan_grant_on(p, day);
		int cards = !g && plan_card_on(p, day, 0) >= 0;
		size_t slot = g ? (size_t)(g - p->grants) : cards ? 0 : p->ngrants;
		if (cards)
			grant_use_day(u, day, split);
		for (size_t x = e; x < next; x++) {
			at(v, x, &minutes);
			if (!cards)
				piece(arg, x, slot, minutes);
			for (long left = minutes, take; cards && left > 0; left -= take) {
				take = split_take(p->ngrants, split, &slot, left);
				piece(arg, x, slot, take);
			}
		}
	}
	free(split);
}

int grant_last_day(const struct plan *p, const struct grant *g, long used, int last)
{
	if (g->to != DATE_NONE)
		return closed_with(p, g, g->to);
	return closed_with(p, g, used && used >= g->minutes ? last : DATE_NONE);
}

/* A grant named by the user (cp-plan --declared, --drop-grant, cp-report
 * --logbook --grant) that names none or more than one grant of the plan is
 * a fault of the plan as much as of the name: told at the plan's grants:
 * (a version 1 plan's budget:), with the names that would do, so the user
 * sees what the plan holds without opening it. */

/* The grant's name a user may give: its reference, else its first day. */
static const char *handle(const struct grant *g, char day[static 11])
{
	date_format(g->from, day);
	return g->ref ? g->ref : day;
}

/* Whether grant i is the first of p's with its handle: listed once. */
static int first_named(const struct plan *p, size_t i)
{
	char day[11], other[11];
	const char *name = handle(&p->grants[i], day);
	for (size_t k = 0; k < i; k++)
		if (!strcmp(handle(&p->grants[k], other), name))
			return 0;
	return 1;
}

/* The names that tell apart the grants name stands for (several as
 * grant_named set it), or of all grants (several 0), into b. */
static void names(const struct plan *p, const char *name, int several, struct buf *b)
{
	int from = DATE_NONE;
	if (several == GRANT_SHARED_DAY)
		date_parse(name, strlen(name), &from);
	for (size_t i = 0; i < p->ngrants; i++) {
		const struct grant *g = &p->grants[i];
		char day[11];
		const char *s = handle(g, day);
		if (several == GRANT_SHARED_REF) /* the days of the grants with that reference */
			s = g->ref && !strcmp(g->ref, name) ? day : NULL;
		else if (several) /* the references of the grants from that day */
			s = g->from == from && g->ref ? g->ref : NULL;
		else if (!first_named(p, i))
			s = NULL;
		if (s)
			buf_printf(b, "%s%s", b->len ? ", " : "", s);
	}
}

static int grant_unnamed(const struct plan *p, const char *name, int several)
{
	if (!p->ngrants)
		return cp_err(EX_DATAERR, _("%s: plan %s has no grants: neither grants: nor a budget:"),
			      p->doc.file, p->id);
	struct buf list = {0}, hint = {0}, text = {0};
	names(p, name, several, &list);
	if (several == GRANT_SHARED_REF)
		buf_printf(&hint, _("name one by a day it holds: %s"), list.s);
	else if (several)
		buf_printf(&hint, _("name one by its reference: %s"),
			   list.s ? list.s : _("(none has one)"));
	else
		buf_printf(&hint, _("its grants: %s (or a day one holds)"), list.s ? list.s : "");
	buf_printf(&text,
		   several == GRANT_SHARED_REF ? _("more than one grant has reference %s")
		   : several		       ? _("more than one grant starts on %s")
					       : _("no grant with reference %s or holding that day"),
		   quotes(name));
	struct ynode *root = yderef(p->doc.root), *at = ymap_get(root, "grants");
	if (!at)
		at = ymap_get(root, "budget");
	struct srcpos pos;
	if (at)
		ynode_pos(&p->doc, at, &pos);
	int rc = at ? cp_err_at(EX_DATAERR, &pos, hint.s, "%s", text.s)
		    : cp_err(EX_DATAERR, "%s: %s", p->doc.file, text.s);
	buf_free(&text);
	buf_free(&list);
	buf_free(&hint);
	return rc;
}

const struct grant *grant_find(const struct plan *p, const char *name)
{
	int several;
	const struct grant *g = grant_named(p, name, &several);
	if (!g)
		grant_unnamed(p, name, several);
	return g;
}
