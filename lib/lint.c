/* lint.c: every problem of a caseload's files at once, for cp-check and
 * the pre-commit hook.  Plans are read once, on a thread of their own
 * (plancache_preload) while the sheets are found; every plan then gets its
 * problems reported, every bad line of every sheet too, and every good line
 * is held against its plan.  A line whose plan cannot be read is not
 * reported again: the plan's own errors say what to mend. */
#include <stdlib.h>
#include <string.h>

#include "domain.h"

static void count_file(struct lint *l, int *counted, int is_plan)
{
	if (*counted)
		return;
	*counted = 1;
	if (is_plan)
		l->bad_plans++;
	else
		l->bad_sheets++;
}

/* The sheet's own errors since before (not its plans'). */
static unsigned long sheet_errors(const struct lint *l, unsigned long before,
				  unsigned long plan_before)
{
	return cp_errors() - before - (l->plan_errors - plan_before);
}

int lint_plan(struct lint *l, const char *path, int cached)
{
	unsigned long before = cp_errors();
	const char *base = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
	int status, counted = 0;
	l->plans++;
	/* a plan of the cache's directory is read there once, for the sheets too */
	if (cached && l->cache && strlen(base) > 5 && id_valid(base, strlen(base) - 5))
		plancache_get(l->cache, base, strlen(base) - 5, &status);
	else
		plan_free(plan_load(path, &status));
	if (cp_errors() > before)
		count_file(l, &counted, 1);
	return counted ? -1 : 0;
}

static void col_pos(void *arg, enum sheet_col c, struct srcpos *at)
{
	struct sheet *sh = arg;
	sheet_pos(sh, (size_t)sheet_colof(sh, c), at);
}

/* An entry already in a sheet: its plan may have closed since, but the
 * day must lie within the plan's dates and the goal be one of its goals.
 * capped: the sheet's errors are past max_errors, and not printed; the
 * errors of a plan read for the first time here are printed all the same. */
static int entry_fits(struct lint *l, struct sheet *sh, const struct entry *e, int capped)
{
	int status;
	unsigned long before = cp_errors();
	if (capped)
		cp_errors_quiet(0);
	struct plan *p = plancache_get(l->cache, e->plan.s, e->plan.n, &status);
	if (capped)
		cp_errors_quiet(1);
	if (cp_errors() > before) { /* a plan not named, read for the first time: its own errors */
		l->plan_errors += cp_errors() - before;
		l->bad_plans++;
	}
	if (!p && status)
		return 0; /* a plan that cannot be read: reported with the plan */
	return entry_check(l->cache, e, CHECK_HISTORY, l->today, col_pos, sh);
}

int lint_sheet(struct lint *l, const char *path)
{
	unsigned long before = cp_errors(), plan_before = l->plan_errors;
	int counted = 0, capped = 0, r;
	struct entry e;
	l->sheets++;
	struct sheet *sh = sheet_open(path, 0);
	if (!sh) {
		count_file(l, &counted, 0);
		return -1;
	}
	while ((r = sheet_next(sh, &e)) != 0) {
		l->lines++;
		if (r < 0 || entry_check_text(&e, col_pos, sh) < 0 ||
		    (l->cache && entry_fits(l, sh, &e, capped) < 0)) {
			count_file(l, &counted, 0);
			/* after the cap, errors are counted but not printed */
			if (l->max_errors && sheet_errors(l, before, plan_before) >= l->max_errors) {
				capped = 1;
				cp_errors_quiet(1);
			}
		}
	}
	sheet_close(sh);
	cp_errors_quiet(0);
	unsigned long n = sheet_errors(l, before, plan_before);
	if (l->max_errors && n > l->max_errors)
		cp_warn(_("%s: %lu more errors not shown"), path, n - l->max_errors);
	return counted ? -1 : 0;
}

void lint_leftovers(char *const *paths, size_t n)
{
	struct strmap seen = {0};
	for (size_t i = 0; i < n; i++) {
		if (!strcmp(paths[i], "-"))
			continue;
		const char *slash = strrchr(paths[i], '/');
		char *dir = !slash ? xstrdup(".") : slash == paths[i]
				 ? xstrdup("/") : xstrndup(paths[i], (size_t)(slash - paths[i]));
		int added;
		strmap_put(&seen, dir, strlen(dir), &added);
		char **left = NULL;
		size_t nleft = 0;
		if (added && atomic_leftovers(dir, &left, &nleft) == 0)
			for (size_t k = 0; k < nleft; k++)
				cp_warn(_("%s: a temporary file left by a writer that was stopped (the file "
					  "it was for is whole); remove it"), left[k]);
		paths_free(left, nleft);
		free(dir);
	}
	strmap_free(&seen, NULL);
}
