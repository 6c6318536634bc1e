/* test-funder: each funder's rules, from the one table every tool asks. */
#include "coachplan.h"
#include "tap.h"

int main(void)
{
	const struct funder_rules *uwv = funder_rules(FUNDER_UWV);
	ok(uwv->every.n == 6 && uwv->every.unit == 'm', "UWV evaluates every six months");
	is_int(uwv->max_months, 36, "UWV coaches for at most three years");
	is_int(uwv->grant_months, 6, "a UWV grant runs six months");
	ok(uwv->grant_required, "UWV pays no hour outside a grant");
	ok(uwv->followup_weeks > 0, "a UWV follow-up is applied for before the grant ends");
	for (int f = FUNDER_GEMEENTE; f < FUNDER_COUNT; f++) {
		const struct funder_rules *r = funder_rules(f);
		ok(r->every.n == 3 && r->every.unit == 'm', "%s evaluates every three months",
		   vocab_name(&vocab_funder, f));
		ok(!r->max_months && !r->limit_label, "%s sets no maximum length", vocab_name(&vocab_funder, f));
		is_int(funder_limit(f, date_from_ymd(2026, 1, 5)), DATE_NONE, "%s: no last day",
		       vocab_name(&vocab_funder, f));
	}
	ok(uwv->levels && uwv->levels[LEVEL_MIDDEN][0] == 100 && uwv->levels[LEVEL_MIDDEN][1] == 50 &&
		   uwv->levels[LEVEL_MIDDEN][2] == 30,
	   "UWV's midden: 10, 5 and 3 %% of the contract hours");
	ok(uwv->levels[LEVEL_INTENSIEF][1] == 75 && uwv->levels[LEVEL_INTERN][2] == 60,
	   "intensief 7.5 %% in year 2, intern 6 %% in year 3");
	ok(uwv->levels[LEVEL_ZEER_LICHT][0] == 30 && uwv->levels[LEVEL_LICHT][0] == 60,
	   "zeer licht 3 %%, licht 6 %% in year 1");
	ok(funder_rules(FUNDER_GEMEENTE)->levels == uwv->levels, "a municipality uses UWV's levels");
	ok(!funder_rules(FUNDER_WERKGEVER)->levels, "an employer grants hours, not a level");
	ok(funder_rules(-1) == funder_rules(FUNDER_OTHER), "an unknown funder has other's rules");
	ok(funder_rules(FUNDER_COUNT) == funder_rules(FUNDER_OTHER), "... past the end too");
	int last = funder_limit(FUNDER_UWV, date_from_ymd(2026, 1, 5));
	is_int(last, date_from_ymd(2029, 1, 4), "UWV from 2026-01-05: the last day 2029-01-04");
	is_int(plan_default_end(FUNDER_UWV, date_from_ymd(2026, 1, 5)), last,
	       "plan_default_end is the table's");
	struct interval iv = plan_default_every(FUNDER_GEMEENTE);
	ok(iv.n == 3 && iv.unit == 'm', "plan_default_every is the table's");
	return tap_done();
}
