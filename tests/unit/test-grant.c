/* test-grant: a plan's dated history (grant.c): which grant, coach, funder
 * and contract hours hold a day; the hours a support level gives, day by
 * day over trajectory years and changes of contract hours; strippenkaarts
 * used in date order; and a version 1 budget read as the same periods
 * budget.c has always counted. */
#include <sys/stat.h>

#include "coachplan.h"
#include "tap.h"
#include "util.h"

static int day(const char *s)
{
	int d = DATE_NONE;
	return date_parse(s, strlen(s), &d) ? DATE_NONE : d;
}

static struct plan *parse(const char *text, char **err)
{
	int status;
	size_t len = strlen(text);
	capture_start();
	struct plan *p = plan_parse("P-20.yaml", xstrndup(text, len), len, &status);
	char *e = capture_end();
	if (err)
		*err = e;
	else
		free(e);
	return p;
}

#define HEAD                                                                                    \
	"version: 2\nid: P-20\nparticipant: {name: Sanne}\nfunder: uwv\ncoach: robin\n"          \
	"start: 2026-11-02\n"

static void history(void)
{
	struct plan *p = parse(HEAD "work_hours:\n"
				    "  - {from: 2026-11-02, hours: 16}\n"
				    "  - {from: 2027-02-01, hours: 24}\n"
				    "coaches:\n"
				    "  - {from: 2026-11-02, coach: robin}\n"
				    "  - {from: 2027-03-01, coach: kim}\n"
				    "grants:\n"
				    "  - {from: 2026-11-02, to: 2027-05-01, ref: A, level: midden}\n"
				    "  - {from: 2027-05-02, length: 6m, funder: gemeente, hours: 40}\n",
			       NULL);
	ok(p != NULL, "a version 2 plan with work_hours, coaches and grants reads");
	if (!p)
		return;
	ok(plan_has_grants(p), "... it has grants of its own");
	is_int(p->ngrants, 2, "... two");
	/* 2026-11-02..2027-01-31: 91 days of 16 h, 2027-02-01..2027-05-01: 90 days of 24 h, 10 % */
	is_int(p->grants[0].minutes, (91L * 100 * 960 + 90L * 100 * 1440 + 3500) / 7000,
	       "a level grant over a change of contract hours: each day its own hours (51:39)");
	is_int(p->grants[1].to, day("2027-11-01"), "length: 6m ends the day before six months on");
	ok(plan_grant_on(p, day("2027-05-01")) == &p->grants[0], "the last day is the first grant's");
	ok(plan_grant_on(p, day("2027-05-02")) == &p->grants[1], "the next day is the next grant's");
	ok(plan_grant_on(p, day("2027-11-02")) == NULL, "after the last grant: none");
	ok(plan_grant_on(p, day("2026-11-01")) == NULL, "before the first: none");
	is_int(plan_funder_on(p, day("2027-05-01")), FUNDER_UWV, "UWV pays the first grant's days");
	is_int(plan_funder_on(p, day("2027-05-02")), FUNDER_GEMEENTE, "the municipality the next");
	is_int(plan_funder_on(p, day("2028-01-01")), FUNDER_UWV, "no grant: the plan's funder");
	is_str(plan_coach_on(p, day("2027-02-28")), "robin", "robin coached until the hand-over");
	is_str(plan_coach_on(p, day("2027-03-01")), "kim", "kim from the day of the hand-over");
	is_int(plan_work_on(p, day("2027-01-31")), 16 * 60, "16 hours a week until the change");
	is_int(plan_work_on(p, day("2027-02-01")), 24 * 60, "24 from the day of the change");
	plan_free(p);
}

static void levels(void)
{
	/* a level grant crossing into year 2 of the trajectory (from 2027-11-02) */
	struct plan *p = parse(HEAD "work_hours_per_week: 16\ngrants:\n"
				    "  - {from: 2027-05-02, to: 2028-05-01, level: midden}\n"
				    "  - {from: 2028-05-02, to: 2028-05-08, level: intensief}\n"
				    "  - {from: 2029-11-02, to: 2029-11-08, level: zeer-licht}\n",
			       NULL);
	ok(p != NULL, "level grants read");
	if (!p)
		return;
	/* 184 days at 10 % and 182 at 5 % of 16 hours a week */
	is_int(p->grants[0].minutes, (184L * 100 * 960 + 182L * 50 * 960 + 3500) / 7000,
	       "midden into year 2: 184 days at 10 %%, 182 at 5 %% (62:51)");
	is_int(p->grants[1].minutes, (7L * 75 * 960 + 3500) / 7000, "intensief in year 2: 7.5 %%");
	is_int(p->grants[2].minutes, (7L * 30 * 960 + 3500) / 7000, "zeer licht in year 4: 3 %%");
	is_int(grant_level_minutes(p, LEVEL_MIDDEN, day("2026-11-02"), day("2026-11-08")),
	       (7L * 100 * 960 + 3500) / 7000, "grant_level_minutes: a week of year 1, midden");
	is_int(vocab_parse(&vocab_grant_level, "medium", 6), LEVEL_MIDDEN, "medium is midden");
	is_int(vocab_parse(&vocab_grant_level, "zeer licht", 10), LEVEL_ZEER_LICHT,
	       "zeer licht, with a space");
	is_int(vocab_parse(&vocab_grant_level, "intensive", 9), LEVEL_INTENSIEF, "intensive is intensief");
	is_int(vocab_parse(&vocab_grant_kind, "vervolg", 7), GRANT_EXTENSION, "vervolg is an extension");
	plan_free(p);
	char *err;
	p = parse(HEAD "work_hours_per_week: 16\ngrants:\n"
		       "  - {from: 2026-11-02, length: 6m, funder: werkgever, level: licht}\n",
		  &err);
	ok(!p, "an employer grants hours, not a level");
	ok(strstr(err, "P-20.yaml:9:62: employer grants hours, not a support level") != NULL,
	   "... said at the level");
	free(err);
	plan_free(p);
	p = parse(HEAD "grants:\n  - {from: 2026-11-02, length: 6m, level: licht}\n", &err);
	ok(!p && strstr(err, "a grant by level needs the contract hours"),
	   "a level without contract hours is refused");
	free(err);
	plan_free(p);
}

static void errors(void)
{
	char *err;
	struct plan *p = parse(HEAD "grants:\n"
				    "  - {from: 2026-11-02, to: 2027-05-01, hours: 60}\n"
				    "  - {from: 2027-05-01, length: 6m, hours: 60}\n",
			       &err);
	ok(!p, "overlapping grants are refused");
	ok(strstr(err, "P-20.yaml:9:5: this grant overlaps the one that runs until 2027-05-01") != NULL,
	   "... at the later one, naming the day");
	ok(strstr(err, "hint: one day belongs to one grant") != NULL, "... with a hint");
	free(err);
	plan_free(p);
	p = parse(HEAD "grants:\n  - {from: 2026-11-02, to: 2027-05-01, length: 6m, hours: 6}\n",
		  &err);
	ok(!p && strstr(err, "a grant with to and length"), "to and length: one of them");
	free(err);
	plan_free(p);
	p = parse("version: 1\nid: P-20\nparticipant: {name: S}\nstart: 2026-11-02\n"
		  "grants:\n  - {from: 2026-11-02, length: 6m, hours: 6}\n",
		  &err);
	ok(!p && strstr(err, "P-20.yaml:5:1: grants in a version 1 plan"),
	   "grants in a version 1 plan: refused at the key");
	ok(strstr(err, "cp-plan --migrate") != NULL, "... naming the command that moves it");
	free(err);
	plan_free(p);
	p = parse(HEAD "budget: {hours: 60, per: 6m}\n"
		       "grants:\n  - {from: 2026-11-02, to: 2027-05-01, hours: 60}\n",
		  &err);
	ok(!p && strstr(err, "a plan with grants has no budget"), "budget: beside grants: refused");
	free(err);
	plan_free(p);
}

/* A strippenkaart takes hours in date order, whatever order they come in. */
static void cards(void)
{
	struct plan *p = parse(HEAD "grants:\n"
				    "  - {from: 2026-11-02, to: 2027-05-01, hours: 60}\n"
				    "  - {from: 2027-05-02, kind: strippenkaart, funder: werkgever,"
				    " hours: 3}\n"
				    "  - {from: 2027-06-01, kind: strippenkaart, hours: 2}\n",
			       NULL);
	ok(p != NULL, "strippenkaarts read");
	if (!p)
		return;
	ok(p->grants[1].to == DATE_NONE, "a strippenkaart without to is open");
	ok(plan_grant_on(p, day("2027-05-10")) == NULL, "a strippenkaart is no dated grant");
	is_int(plan_card_on(p, day("2027-05-10"), 0), 1, "... but valid from its day");
	is_int(plan_card_on(p, day("2027-06-10"), 2), 2, "... the second from its own");
	is_int(plan_funder_on(p, day("2027-05-10")), FUNDER_WERKGEVER, "its funder pays");
	struct grant_use *u = grant_use_new(p);
	grant_use_add(u, day("2027-05-20"), 120); /* logged late: after the one below */
	grant_use_add(u, day("2027-05-10"), 90);
	grant_use_add(u, day("2027-01-10"), 60);
	grant_use_add(u, day("2027-05-10"), 30);
	is_int(grant_use_used(u, 0), 60, "a dated grant's day is the dated grant's");
	is_int(grant_use_used(u, 1), 180, "the first strippenkaart used up, in date order");
	is_int(grant_use_used(u, 3), 60, "... the rest ungranted, never dropped");
	is_int(grant_use_spilled(u, 1), 60, "... as what took the strippenkaart over");
	is_int(grant_use_end(u, 1), day("2027-05-20"), "... it ends on the day its last minute went");
	is_int(grant_use_end(u, 2), DATE_NONE, "the second is not used up yet");
	is_int(grant_use_end(u, 0), day("2027-05-01"), "a dated grant ends on its to:");
	is_int(grant_use_slot(u, day("2027-05-10")), 1, "the 10th used the first strippenkaart");
	is_int(grant_use_slot(u, day("2027-05-20")), 1, "the 20th went over it");
	long split[4];
	grant_use_day(u, day("2027-05-20"), split);
	ok(split[1] == 60 && split[3] == 60, "... an hour on it, an hour over it");
	grant_use_add(u, day("2027-06-02"), 150);
	is_int(grant_use_used(u, 2), 120, "the second strippenkaart from its day: used up too");
	is_int(grant_use_used(u, 3), 90, "... 30 more minutes ungranted");
	is_int(grant_use_spilled(u, 2), 30, "... over the second");
	is_int(grant_use_slot(u, day("2027-07-01")), 2, "a day with no hour yet: the last, used up");
	is_int(grant_use_slot(u, day("2027-05-01")), 0, "a dated day: its grant");
	is_int(grant_use_slot(u, day("2028-01-01")) >= 0, 1, "an open strippenkaart has no end");
	grant_use_free(u);
	plan_free(p);
}

/* A version 1 plan's budget: as implicit grants: the periods budget.c counts. */
static void implicit(void)
{
	static const struct {
		const char *body;
		size_t n;
		const char *first, *second, *last;
	} cases[] = {
		{"funder: uwv\nstart: 2026-01-05\nbudget: {hours: 60, per: 6m}\n", 6,
		 "2026-01-05..2026-07-04", "2026-07-05..2027-01-04", "2028-07-05..2029-01-04"},
		{"funder: werkgever\nstart: 2025-08-31\nend: 2026-09-30\nbudget: {hours: 10}\n", 3,
		 "2025-08-31..2026-02-27", "2026-02-28..2026-08-30", "2026-08-31..2026-09-30"},
		{"funder: gemeente\nstart: 2026-01-05\nbudget: {hours: 4, per: 4w}\n", 131,
		 "2026-01-05..2026-02-01", "2026-02-02..2026-03-01", "2035-12-24..2036-01-20"},
	};
	const char *dir = scratch_path("plans");
	mkdir(dir, 0700);
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		char text[512], path[600];
		snprintf(text, sizeof text, "id: P-%zu\nparticipant: {name: X}\nfunder_ref: R%zu\n%s",
			 i, i, cases[i].body);
		snprintf(path, sizeof path, "%s/P-%zu.yaml", dir, i);
		write_file(path, text, strlen(text));
	}
	struct plancache *cache = plancache_new(dir);
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		char id[16];
		int status;
		snprintf(id, sizeof id, "P-%zu", i);
		const struct plan *p = plancache_get(cache, id, strlen(id), &status);
		ok(p && !plan_has_grants(p), "%s: a version 1 plan has no grants of its own", id);
		if (!p)
			continue;
		is_int(p->ngrants, cases[i].n, "%s: its budget as %zu implicit grants", id, cases[i].n);
		/* the budget periods budget.c counts for the days of each grant */
		struct budget *b = budget_new(cache);
		int same = 1, marked = 1;
		for (size_t k = 0; k < p->ngrants; k++) {
			const struct grant *g = &p->grants[k];
			struct budget_line l;
			int held = budget_line_on(b, p, g->from, &l);
			same &= held == 0 && l.from == g->from && l.to == g->to &&
				l.granted == g->minutes;
			held = budget_line_on(b, p, g->to, &l);
			same &= held == 0 && l.from == g->from;
			marked &= g->implicit && !g->node && g->funder == p->funder &&
				  g->kind == GRANT_STANDARD && g->ref && !strcmp(g->ref, p->funder_ref);
		}
		ok(same, "%s: each implicit grant is a budget period, day for day", id);
		ok(marked, "%s: ... implicit, of the plan's funder and funder_ref", id);
		budget_free(b);
		char a[11], z[11], got[32];
		const struct grant *want[] = {&p->grants[0], &p->grants[1], &p->grants[p->ngrants - 1]};
		const char *expect[] = {cases[i].first, cases[i].second, cases[i].last};
		for (size_t k = 0; k < 3; k++) {
			date_format(want[k]->from, a);
			date_format(want[k]->to, z);
			snprintf(got, sizeof got, "%s..%s", a, z);
			is_str(got, expect[k], "%s: grant %zu of the first, second and last", id, k);
		}
	}
	plancache_free(cache);
}

/* grant_named: a grant by its reference, or by a day it holds; a shared
 * reference names none. */
static void named(void)
{
	struct plan *p = parse(HEAD "grants:\n"
				    "  - {from: 2026-11-02, length: 6m, ref: U-1, hours: 60}\n"
				    "  - {from: 2027-05-02, length: 6m, ref: U-1, hours: 60}\n"
				    "  - {from: 2027-11-02, length: 6m, ref: G-7, hours: 40}\n"
				    "  - {from: 2028-06-01, kind: strippenkaart, hours: 20}\n"
				    "  - {from: 2028-09-01, kind: strippenkaart, hours: 10}\n"
				    "  - {from: 2028-09-01, kind: strippenkaart, ref: S-2, hours: 5}\n",
			       NULL);
	int several = -1;
	ok(p != NULL, "a plan whose first two grants share a reference reads");
	if (!p)
		return;
	ok(grant_named(p, "G-7", &several) == &p->grants[2] && !several, "a reference of one grant");
	ok(grant_named(p, "U-1", &several) == NULL && several == GRANT_SHARED_REF,
	   "a shared one names none, and says so");
	ok(grant_named(p, "2028-09-01", &several) == NULL && several == GRANT_SHARED_DAY,
	   "a first day two grants share names none, and says so");
	ok(grant_named(p, "S-2", &several) == &p->grants[5], "... the reference names one of them");
	ok(grant_named(p, "2027-06-15", &several) == &p->grants[1] && !several, "a day it holds");
	ok(grant_named(p, "2028-06-01", &several) == &p->grants[3], "a strippenkaart's first day");
	ok(grant_named(p, "2026-01-01", &several) == NULL && !several, "a day no grant holds");
	ok(grant_named(p, "X-9", &several) == NULL && !several, "a reference no grant has");
	ok(grant_named(p, "2027-11-02..2028-05-01", &several) == &p->grants[2],
	   "its days, as cp-hours --by grant names it");
	ok(grant_named(p, "2026-11-02..2027-05-01 U-1", &several) == &p->grants[0],
	   "... with a shared reference");
	ok(grant_named(p, "2028-06-01..", &several) == &p->grants[3], "... a strippenkaart's");
	ok(grant_named(p, "2028-09-01.. S-2", &several) == &p->grants[5],
	   "... a reference tells cards of one day apart");
	ok(grant_named(p, "2028-09-01..", &several) == NULL && several == GRANT_SHARED_DAY,
	   "... without it, none");
	ok(grant_named(p, "2027-11-02..2028-05-02", &several) == NULL && !several,
	   "days no grant has name none");
	ok(grant_named(p, "2027-11-02..2028-05-01 U-1", &several) == NULL,
	   "... nor another grant's reference");
	plan_free(p);
}

int main(void)
{
	history();
	levels();
	errors();
	cards();
	implicit();
	named();
	return tap_done();
}
