/* hoursplans.c: the plans behind cp-hours' groups: the funder, grant,
 * employer or scheme of each group by the grant of its days, the funders
 * asked for kept, and a warning once per plan for hours that have no plan
 * file or fall outside the plan's dates. */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "reports.h"

const char *hours_plan_key(enum key k, struct str id, int era, const struct totals *t, void *arg)
{
	struct hours_plans *hp = arg;
	int status;
	struct plan *p = plancache_get(hp->cache, id.s, id.n, &status);
	if (!p) { /* no plan file, or a broken one (reported) */
		if (!status)
			strlist_add(&hp->unknown, xstrndup(id.s, id.n));
		return k == KEY_FUNDER && hp->funders->n ? NULL : "?";
	}
	if (!plan_holds_day(p, t->first) || !plan_holds_day(p, t->last))
		strlist_add(&hp->outside, p->id);
	const char *v = era_name(k, p, era, hp->eras);
	if (k != KEY_FUNDER || !hp->funders->n)
		return v;
	for (size_t i = 0; i < hp->funders->n; i++)
		if (!strcmp(hp->funders->v[i], v))
			return v;
	return NULL;
}

static int by_string(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static void warn_unknown(const char *id, const struct plan *p, const char *dir)
{
	(void)p;
	cp_warn(_("%s: no such plan in %s; its hours count under funder ?"), id, dir);
}

static void warn_outside(const char *id, const struct plan *p, const char *dir)
{
	(void)dir;
	char from[11], to[11] = "";
	date_format(p->start, from);
	if (p->end != DATE_NONE)
		date_format(p->end, to);
	cp_warn(_("%s has hours outside its dates %s..%s"), id, from, to);
}

/* Each plan once, in order, though its groups come many times. */
static void warn_plans(struct hours_plans *hp, struct strlist *l,
		       void (*warn)(const char *id, const struct plan *p, const char *dir))
{
	if (l->n)
		qsort(l->v, l->n, sizeof *l->v, by_string);
	for (size_t i = 0; i < l->n; i++)
		if (!i || strcmp(l->v[i], l->v[i - 1])) {
			int status;
			warn(l->v[i], plancache_get(hp->cache, l->v[i], strlen(l->v[i]), &status),
			     hp->dir);
		}
}

void hours_plans_warn(struct hours_plans *hp)
{
	warn_plans(hp, &hp->unknown, warn_unknown);
	warn_plans(hp, &hp->outside, warn_outside);
}

/* Where the plan cache and every tool look for the plan of an id. */
static int plan_file_there(const char *dir, const char *id)
{
	char *path = plan_path(dir, id);
	struct stat st;
	int there = path && stat(path, &st) == 0;
	free(path);
	return there;
}

void hours_plans_asked(const struct strlist *ids, const char *dir)
{
	if (!dir || !is_dir(dir))
		return; /* sheets without their plans: nothing to hold the ids to */
	for (size_t i = 0; i < ids->n; i++) {
		char hint[160];
		/* a plan file gone while its hours stay in the sheets: they count */
		if (!plan_file_there(dir, ids->v[i]))
			cp_warn_hint(plans_like_hint(dir, ids->v[i], hint, sizeof hint),
				     _("--plan %s: no such plan in %s"), ids->v[i], dir);
	}
}

void hours_plans_free(struct hours_plans *hp)
{
	for (size_t i = 0; i < hp->unknown.n; i++)
		free((char *)hp->unknown.v[i]);
	free(hp->unknown.v);
	free(hp->outside.v);
	plancache_free(hp->cache);
}
