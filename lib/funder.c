/* funder.c: what each funder's rules are, in one table: how often a plan
 * is evaluated, how long coaching may last, how long a grant runs, how
 * long before its end a follow-up must be applied for, whether hours
 * count only within a grant, and the hours each support level gives.
 * Every tool asks here, so that a rule is changed in one place (issue:
 * UWV's rules change by decision). */
#include "calendar.h"

/* UWV's support levels (begeleidingsregime), tenths of a percent of the
 * contract hours in years 1, 2 and 3 on: zeer licht 3/3/3 %, licht 6/3/3 %,
 * midden 10/5/3 %, intensief 15/7.5/6 %, an interne jobcoach 15/7.5/6 %.
 * A municipality that grants by level uses UWV's. */
static const int uwv_levels[FUNDER_LEVELS][3] = {
	{30, 30, 30}, {60, 30, 30}, {100, 50, 30}, {150, 75, 60}, {150, 75, 60}};

static const struct funder_rules rules[FUNDER_COUNT] = {
	/* UWV: a half-year evaluation, at most three years with one employer,
	 * grants (beschikkingen) of six months, and never an hour above or
	 * outside a grant.  A follow-up (vervolgaanvraag) is applied for eight
	 * weeks before the grant ends: UWV takes up to eight weeks to decide,
	 * and hours after the end without a new grant are not paid, so
	 * cp-evaluate --due and --ics remind the coach from then on */
	[FUNDER_UWV] = {.every = {6, 'm'}, .max_months = 36, .grant_months = 6,
			.followup_weeks = 8, .grant_required = 1, .levels = uwv_levels,
			.limit_label = N_("UWV's 3-year limit")},
	/* a municipality, an employer, another: agreed per plan; every three
	 * months is the usual evaluation, as in the Flemish example; an
	 * employer buys hours (a strippenkaart), not a level.  A municipality
	 * decides on a follow-up in about six weeks: apply that long before
	 * the end; an employer or another funder has no such rule */
	[FUNDER_GEMEENTE] = {.every = {3, 'm'}, .followup_weeks = 6, .levels = uwv_levels},
	[FUNDER_WERKGEVER] = {.every = {3, 'm'}},
	[FUNDER_OTHER] = {.every = {3, 'm'}, .levels = uwv_levels},
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
