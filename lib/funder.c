/* funder.c: what each funder's rules are, in one table: how often a plan
 * is evaluated, how long coaching may last, how long a grant runs, how
 * long before its end a follow-up must be applied for, and whether hours
 * count only within a grant.  Every tool asks here, so that a rule is
 * changed in one place (issue: UWV's rules change by decision). */
#include "calendar.h"

static const struct funder_rules rules[FUNDER_COUNT] = {
	/* UWV: a half-year evaluation, at most three years with one employer,
	 * grants (beschikkingen) of six months, a follow-up applied for in
	 * time, and never an hour above or outside a grant */
	[FUNDER_UWV] = {{6, 'm'}, 36, 6, 8, 1, N_("UWV's 3-year limit")},
	/* a municipality, an employer, another: agreed per plan; every three
	 * months is the usual evaluation, as in the Flemish example */
	[FUNDER_GEMEENTE] = {{3, 'm'}, 0, 0, 6, 0, NULL},
	[FUNDER_WERKGEVER] = {{3, 'm'}, 0, 0, 0, 0, NULL},
	[FUNDER_OTHER] = {{3, 'm'}, 0, 0, 0, 0, NULL},
};

const struct funder_rules *funder_rules(int funder)
{
	return &rules[funder >= 0 && funder < FUNDER_COUNT ? funder : FUNDER_OTHER];
}

int funder_limit(int funder, int start)
{
	const struct funder_rules *r = funder_rules(funder);
	return r->max_months ? date_add_months(start, r->max_months) - 1 : DATE_NONE;
}
