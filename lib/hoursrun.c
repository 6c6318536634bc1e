/* hoursrun.c: what cp-hours does, from its query to its table.  The
 * sheets are summed per group of keys, or set against each plan's grants
 * (--budget); the plans are read only when the answer needs them, and a
 * large sheet is read on two cores, each half into a run of its own that
 * is merged into the first at the end. */
#include <stdlib.h>

#include "reports.h"

struct run {
	struct agg *agg;
	struct budget *budget;
	struct eras *eras; /* when the grant of each day matters: the plans, read as they come */
};

static void merge_runs(void *into, void *from)
{
	struct run *a = into, *b = from;
	if (a->agg)
		agg_merge(a->agg, b->agg);
	if (a->eras)
		eras_merge(a->eras, b->eras);
	if (a->budget)
		budget_merge(a->budget, b->budget);
}

static void clear_run(void *from)
{
	struct run *r = from;
	if (r->agg)
		agg_clear(r->agg);
	if (r->eras)
		eras_clear(r->eras);
	if (r->budget)
		budget_clear(r->budget);
}

static void free_run(struct run *r)
{
	eras_free(r->eras);
	agg_free(r->agg);
	budget_free(r->budget);
	*r = (struct run){0};
}

static int add_entry(const struct entry *e, void *arg)
{
	struct run *r = arg;
	if (r->budget)
		budget_add(r->budget, e);
	if (r->eras)
		eras_add(r->eras, e);
	else if (r->agg)
		agg_add(r->agg, e);
	return 0;
}

/* What the keys ask of the plans. */
struct needs {
	int plan;   /* a key of the plan: funder, employer, scheme ... */
	int era;    /* the grant of each entry's day */
	int grant;  /* --by grant */
	int funder; /* --by funder */
};

static struct needs needs_of(const struct hours_query *q)
{
	struct needs n = {0, q->funders->n > 0, 0, 0};
	for (size_t i = 0; i < q->nkeys; i++) {
		n.plan |= key_of_plan(q->keys[i]);
		n.era |= q->keys[i] == KEY_FUNDER || q->keys[i] == KEY_GRANT;
		n.grant |= q->keys[i] == KEY_GRANT;
		n.funder |= q->keys[i] == KEY_FUNDER;
	}
	return n;
}

/* The run of the first half of the sheets, and of the second where that
 * is read on another core; scan: the entries it reads. */
static void runs_new(const struct hours_query *q, const struct needs *n,
		     struct hours_plans *seen, int shared, struct run *run, struct run *other,
		     const struct filter *asked, struct filter *scan)
{
	/* a key of the plan holds the plan already, and its warnings come
	 * with it: a hidden one only where no such key is asked for, or the
	 * funder asked for is not one of the keys */
	int hidden = seen->cache && (!n->plan || (q->funders->n && !n->funder));
	*scan = *asked;
	if (q->budget) {
		run->budget = budget_new(seen->cache);
		other->budget = shared ? budget_new(seen->cache) : NULL;
		/* what is used of a grant is every hour of it, whoever logged it:
		 * the period and the coach choose the grants shown */
		filter_init(scan);
		scan->plans = q->filter->plans;
		return;
	}
	run->agg = agg_new(q->keys, q->nkeys, hidden);
	/* the grant of each entry's day: the plans are read as they come, on
	 * the one reading thread, or all at once when shared */
	if (n->era) { /* every hour of the plans asked uses the strippenkaarts */
		filter_init(scan);
		scan->plans = asked->plans;
		run->eras = eras_new(run->agg, seen->cache, n->grant, asked);
		if (shared) {
			other->agg = agg_new(q->keys, q->nkeys, hidden);
			other->eras = eras_new(other->agg, seen->cache, n->grant, asked);
		}
		return;
	}
	other->agg = agg_new(q->keys, q->nkeys, hidden); /* a large sheet's second half */
	/* the groups keep their plan until the end, so plans can be read on
	 * another thread meanwhile */
	if (seen->cache)
		plancache_preload(seen->cache);
}

/* The table of run as f on out; 1 if a plan is over its grant. */
static int print(const struct hours_query *q, struct run *run, struct hours_plans *seen,
		 enum outfmt f, FILE *out)
{
	if (run->budget) {
		struct plan_select sel = {&q->filter->plans, &q->filter->coaches, q->funders,
					  q->pseudonymize};
		struct period range = {q->filter->from, q->filter->to};
		return budget_print(run->budget, seen->cache, q->plansdir, &sel,
				    q->dates_given ? &range : NULL, date_today(), f, out);
	}
	eras_flush(run->eras);
	seen->eras = run->eras;
	if (seen->cache)
		agg_finish(run->agg, hours_plan_key, seen);
	int rc = hours_print(run->agg, q->keys, q->nkeys, q->remote, f, out);
	hours_plans_warn(seen);
	return rc;
}

/* A --coach no line of the sheets has, at any date or plan (a mistyped
 * name): said, not only an empty table that reads as no hours. */
static void warn_unseen_coaches(const struct filter *scan)
{
	for (size_t c = 0; scan->coach_seen && c < scan->coaches.n; c++)
		if (!scan->coach_seen[c])
			cp_warn(_("--coach %s: no line of the sheets read is this coach's; nothing "
				  "is listed for it"),
				scan->coaches.v[c]);
}

int hours_run(const struct hours_query *q, char *const *args, size_t nargs, enum outfmt f,
	      FILE *out)
{
	struct needs n = needs_of(q);
	int use_plans = q->plans_named || n.plan || q->funders->n || q->budget;
	if (use_plans && plans_dir_check(q->plansdir) < 0)
		return -1; /* not a warning per plan of the sheets */
	hours_plans_asked(&q->filter->plans, q->plansdir);
	size_t nsheets;
	char **sheets;
	if (caseload_sheets(args, nargs, &sheets, &nsheets) < 0)
		return -1;
	struct hours_plans seen = {use_plans ? plancache_new(q->plansdir) : NULL, q->funders,
				   q->plansdir, {0}, {0}, NULL};
	if (seen.cache)
		plancache_slim(seen.cache);
	/* the grant of each day on two cores: every plan read first, then
	 * shared by both halves of a large sheet */
	int shared = (n.era || q->budget) && seen.cache && scan_splits(sheets, nsheets);
	if (shared)
		plancache_load_all(seen.cache);
	struct run run = {0}, other = {0};
	struct filter asked = *q->filter, scan;
	struct strmap asked_set = {0}; /* the grants' eras ask asked of every entry too */
	filter_index(&asked, &asked_set);
	if (asked.coaches.n && !q->budget) /* with it, the plans say which coaches there are */
		asked.coach_seen = xcalloc(asked.coaches.n, 1);
	runs_new(q, &n, &seen, shared, &run, &other, &asked, &scan);
	struct scan_split two = {&other, merge_runs, clear_run};
	int rc = scan_sheets_split(sheets, nsheets, &scan, q->keep_going ? SCAN_KEEP_GOING : 0,
				   add_entry, &run, other.agg || other.budget ? &two : NULL);
	free_run(&other);
	if (shared)
		plancache_thaw(seen.cache);
	if (seen.cache && !run.eras)
		plancache_wait(seen.cache);
	if (rc == 0 || q->keep_going) {
		int printed = print(q, &run, &seen, f, out);
		rc = printed < 0 ? -1 : rc < 0 ? rc : printed;
		warn_unseen_coaches(&asked);
	}
	free(asked.coach_seen);
	strmap_free(&asked_set, NULL);
	free_run(&run);
	hours_plans_free(&seen);
	paths_free(sheets, nsheets);
	return rc;
}
