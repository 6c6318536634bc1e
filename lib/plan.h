/* plan.h: the plan format: a coaching plan read and checked, its dated
 * history of grants, written for people, and changed in place (on the YAML
 * of ytree.h).
 * The layers and which may include which: lib/README. */

#ifndef CP_PLAN_H
#define CP_PLAN_H

#include "calendar.h"
#include "ytree.h"

/* ---- plan.c: a coaching plan ---- */

struct goal {
	const char *id, *text;
	int status;
	int from; /* the day it was set, if after the start (cp-plan --goal); else DATE_NONE */
	struct ynode *node, *status_node;
};

struct contact {
	const char *name, *role;
};

struct goal_result {
	const char *goal;
	int status;
};

struct evaluation {
	int date;
	const char *summary;
	struct goal_result *goals;
	size_t ngoals;
	/* what UWV asks of an evaluation: -1 / NULL where not given */
	int employee_mark, employer_mark; /* tenths: 75 is 7.5 */
	int absence_days;                 /* in the period evaluated */
	const char *signed_by;
	int outcome;                      /* enum coaching_outcome, when coaching ends */
};

/* A mark as typed, 1 to 10 with one decimal (7,5 or 7.5): tenths, or -1. */
int mark_parse(const char *s, size_t n);
void mark_format(int tenths, char out[8]);

/* A grant (beschikking) of a version 2 plan: hours for a period. */
enum grant_kind { GRANT_STANDARD, GRANT_EXTENSION, GRANT_STRIPPENKAART, GRANT_INTERNAL,
		  GRANT_KIND_COUNT };
enum grant_level { LEVEL_NONE = -1, LEVEL_ZEER_LICHT, LEVEL_LICHT, LEVEL_MIDDEN, LEVEL_INTENSIEF,
		   LEVEL_INTERN, LEVEL_COUNT };

struct grant {
	int from, to;    /* days; to DATE_NONE: a strippenkaart open until used up */
	int funder;      /* FUNDER_* */
	const char *ref; /* the beschikking's reference, or NULL */
	int kind, level; /* enum grant_kind; enum grant_level, LEVEL_NONE when hours are given */
	long minutes;    /* granted: given, or computed from the level */
	int declared;    /* the day its hours were declared to the funder, or DATE_NONE */
	int implicit;    /* one period of a version 1 budget: (hours per period) */
	struct ynode *node; /* NULL when implicit */
};

struct coach_span {
	int from;
	const char *coach;
};

struct work_span {
	int from;
	long minutes; /* contract minutes per week */
};

struct plan {
	struct ydoc doc;
	char *src;
	struct arena arena;

	const char *id;
	const char *name;
	int scheme;
	const char *employer, *employer_contact;
	const char *coach;
	int funder;
	const char *funder_ref;
	int start, end; /* end DATE_NONE if open */
	long work_minutes; /* per week; -1 if not given */
	struct interval every;
	int next; /* DATE_NONE if it cannot be known */
	long budget_minutes; /* -1 if no budget */
	struct interval budget_per;
	struct goal *goals;
	size_t ngoals;
	const char **agreements, **conditions;
	size_t nagreements, nconditions;
	struct contact *contacts;
	size_t ncontacts;
	struct evaluation *evals;
	size_t nevals;
	int status;
	int paused;         /* status paused: the pause's first day, DATE_NONE if not said */
	struct period *pauses; /* pauses that ended, oldest first: no hours on their days */
	size_t npauses;
	unsigned defaulted; /* PLAN_DEFAULT_* bits: values the file does not hold */
	int version;        /* 1, or 2 with the dated history below */
	struct grant *grants; /* dated ones by from, strippenkaarts among them */
	size_t ngrants;
	struct coach_span *coachspans; /* by from */
	size_t ncoachspans;
	struct work_span *workspans; /* by from */
	size_t nworkspans;
};

enum { PLAN_DEFAULT_END = 1, PLAN_DEFAULT_EVERY = 2, PLAN_DEFAULT_NEXT = 4,
       PLAN_DEFAULT_STATUS = 8 };

/* Reads and checks a plan; every problem is reported.  NULL on failure, with
 * *status the exit status that fits (EX_NOINPUT, EX_DATAERR, EX_IOERR). */
struct plan *plan_load(const char *path, int *status);
struct plan *plan_load_fd(const char *path, int fd, int *status); /* the same, opened; closes it */
/* A plan to change: opened under its lock and read whole (src); 0, 1 if no
 * such file (unreported), or -1 reported, with nothing held.  plan_write is
 * the one way its new text reaches it (dry: the diff goes there instead). */
int plan_open_locked(const char *path, struct locked *lf, struct buf *src);
int plan_write(struct locked *lf, const char *file, struct str old, struct str new,
	       struct buf *dry);
struct plan *plan_parse(const char *file, char *src, size_t len, int *status); /* takes src */
void plan_free(struct plan *p);
void plan_slim(struct plan *p);
void plan_slim_but(struct plan *p, int keep_goals); /* the same, keeping the goals if asked */
const struct goal *plan_goal(const struct plan *p, const char *id, size_t n);
/* Goal i's status on day: what the last evaluation up to that day found,
 * if an evaluation after it found something too (open if none before);
 * else the status the plan holds.  A report of a past period reads the
 * same when later evaluations are recorded. */
int plan_goal_status_on(const struct plan *p, size_t i, int day);
/* Whether goal g was a goal of the plan on day: set from the start, or by then. */
int goal_set_on(const struct goal *g, int day);
/* The plan's status on day: closed after its end (always, without one),
 * paused on the days of a pause, ended or running; else active. */
int plan_status_on(const struct plan *p, int day);
/* The pause holding day: an ended one, or the running one (to PERIOD_OPEN_TO). */
int plan_pause_on(const struct plan *p, int day, struct period *pause);
/* The end the plan's file writes, if that day has come; else DATE_NONE.
 * For a closed plan it is the day it closed, as cp-plan --close writes. */
int plan_ended(const struct plan *p, int today);
/* For a goal typed that the plan has not, into hint: "did you mean G1?"
 * (case aside), else "the goals of P-1 are G1, G2", or none. */
const char *plan_goals_hint(const struct plan *p, const char *typed, size_t n, char *hint,
			    size_t size);
struct interval plan_default_every(int funder);
const char *plan_next_outside(int next, int start, int end); /* why not in the plan, or NULL */
/* ---- grant.c: a plan's dated history ---- */
/* A plan's grants are explicit (grants: of a version 2 plan) or implicit:
 * the periods of budget: counted from the start, up to the plan's end (an
 * open plan: its first IMPLICIT_YEARS years), each budget.hours for the
 * plan's funder and funder_ref.  Both kinds are in p->grants. */
#define IMPLICIT_YEARS 10
int plan_has_grants(const struct plan *p); /* explicit ones: a version 2 plan's grants: */
/* Whether its grants are its budget: a version 2 plan's, even with none
 * left, when every hour is ungranted and must still be shown. */
int plan_grants_budget(const struct plan *p);
/* The dated grant whose period holds day; NULL if none (which strippenkaart
 * an hour uses depends on the hours before it, see grant_use). */
const struct grant *plan_grant_on(const struct plan *p, int day);
/* The same; *from..*to: the days around day it holds (set if found). */
const struct grant *plan_grant_span(const struct plan *p, int day, int *from, int *to);
/* Of the strippenkaarts valid on day, the first at or after index k; -1. */
int plan_card_on(const struct plan *p, int day, size_t k);
const char *plan_coach_on(const struct plan *p, int day); /* who coached the plan then */
/* Today's coach by coaches:, where coach: names another or is not there (a
 * hand-over from a later day whose day has come); NULL if it names today's.
 * The same of work_hours: and work_hours_per_week: (if there); -1. */
const char *plan_coach_behind(const struct plan *p, int today);
long plan_work_behind(const struct plan *p, int today);
/* Who pays an hour on day: its dated grant's funder, else the first valid
 * strippenkaart's, else the plan's funder: (granter: -1, no grant holds day). */
int plan_funder_on(const struct plan *p, int day);
int plan_granter_on(const struct plan *p, int day);
/* The grant whose ref: is name or whose days name gives (FROM..TO [REF],
 * as cp-hours --by grant says it), else that starts on or holds the day
 * name is (a card: starts); NULL if none, or (*several set) if not one.
 * grant_find: the same, told (EX_DATAERR at grants:, naming those there). */
enum { GRANT_SHARED_REF = 1, GRANT_SHARED_DAY };
const struct grant *grant_named(const struct plan *p, const char *name, int *several);
const struct grant *grant_find(const struct plan *p, const char *name);
/* Whether a grant's days meet the period (an open strippenkaart's run on). */
int grant_meets(const struct grant *g, const struct period *per);
/* Whether grant g needs no follow-up: a later one is in, or the plan ends. */
int grant_followed(const struct plan *p, const struct grant *g);
/* Grant g's to:, or plan p's end if p closed first. */
int grant_end(const struct plan *p, const struct grant *g);
/* Whether grant g, whose last day is end, ended before day, not declared. */
int grant_ended_undeclared(const struct grant *g, int end, int day);
/* The days of grant g (a strippenkaart's without end: to the plan's or today). */
struct period grant_days(const struct plan *p, const struct grant *g, int today);
/* The evaluation that closes grant g, whose last day is last: of those
 * from its first day to a month after its last, not nearer another
 * grant's end, the one nearest its last day; NULL if none. */
const struct evaluation *grant_closing(const struct plan *p, const struct grant *g, int last);
int plan_holds_day(const struct plan *p, int day); /* within its start and end */
/* Hours in a report's period on days outside the plan's dates: reports
 * leave them out and say how many there were. */
struct outside {
	long n, minutes;
};
/* Whether an entry of day and minutes goes into a report of plan p over
 * period: 0 outside the period; 0, counted in o, outside the plan. */
int plan_keeps(const struct plan *p, const struct period *period, int day, long minutes,
	       struct outside *o);
struct period plan_so_far(const struct plan *p, int today); /* start to today or its end */
long plan_work_on(const struct plan *p, int day);         /* contract minutes a week; -1 */

/* What is used of each grant of one plan: hours are added in any order,
 * and assigned in date order: an hour on a day a dated grant holds is
 * that grant's; on other days it goes to the first strippenkaart valid
 * then with hours left, in date order, the rest is ungranted.  Budgets,
 * the ceiling at log time and declarations all count this way. */
struct grant_use;
struct grant_use *grant_use_new(const struct plan *p);
void grant_use_add(struct grant_use *u, int day, long minutes);
/* Where the minutes on grant k's own days add up (what grant_use_add does
 * for a day plan_grant_on finds grant k for). */
long *grant_use_direct(struct grant_use *u, size_t k);
/* Minutes used of grant k (k == p->ngrants: ungranted, never dropped). */
long grant_use_used(struct grant_use *u, size_t k);
/* Of the ungranted, the minutes that found strippenkaart k (k < ngrants)
 * valid on their day but used up: what would take it over. */
long grant_use_spilled(struct grant_use *u, size_t k);
int grant_use_end(struct grant_use *u, size_t k); /* grant_last_day of grant k as u used it */
/* The grant an hour on day goes to, given the hours added so far: its
 * dated grant, else the strippenkaart that takes that day's last minute,
 * else the last one valid then (used up); -1 if none holds day. */
int grant_use_slot(struct grant_use *u, int day);
/* The minutes of day the strippenkaarts took, per slot, into
 * per_slot[0 .. p->ngrants] (the last: what none could take): for a
 * declaration of one strippenkaart.  All 0 on a day a dated grant holds
 * or no strippenkaart is valid: there plan_grant_on says. */
void grant_use_day(struct grant_use *u, int day, long *per_slot);
/* The entries of u's plan cut over its grants as u counts them (every
 * one added to u): an entry on a day a dated grant holds is that grant's;
 * on other days the strippenkaarts take the day's entries in order, an
 * entry cut where one is used up.  The n entries are in date order, the
 * i-th on the day at(v, i, &minutes) returns; piece(arg, i, slot, minutes)
 * gets each piece, slot p->ngrants for the ungranted. */
void grant_cut(struct grant_use *u, size_t n, int (*at)(const void *v, size_t i, long *minutes),
	       const void *v, void (*piece)(void *arg, size_t i, size_t slot, long minutes),
	       void *arg);
/* The last day of grant g of plan p, whose used minutes end on day last:
 * grant_end, a strippenkaart's last once used up, else DATE_NONE. */
int grant_last_day(const struct plan *p, const struct grant *g, long used, int last);
/* Adds what from holds (of the same plan) to u: a sheet read in parts. */
void grant_use_merge(struct grant_use *u, const struct grant_use *from);
void grant_use_free(struct grant_use *u);
long grant_level_minutes(const struct plan *p, int level, int from, int to);
extern const struct vocab vocab_grant_kind, vocab_grant_level;
int plan_default_end(int funder, int start); /* DATE_NONE where there is none */
/* A grant to be written (cp-new --grant, cp-plan --grant): what is not
 * given is not written, and the reader's defaults apply. */
struct grant_spec {
	int from, to;           /* to DATE_NONE: by length, or the funder's usual length */
	struct interval length; /* .n 0: not given */
	int funder;             /* -1: the plan's funder: */
	const char *ref;        /* NULL: none */
	int kind;               /* -1: standard */
	long minutes;           /* -1: by level */
	int level;              /* LEVEL_NONE: by hours */
};
#define GRANT_SPEC_NONE {DATE_NONE, DATE_NONE, {0, 0}, -1, NULL, -1, -1, LEVEL_NONE}
/* Its last day as a plan of funder plan_funder reads it: DATE_NONE for an
 * open strippenkaart, and for a grant that needs to or length (-1 then). */
int grant_spec_to(const struct grant_spec *g, int plan_funder, int *to);

/* ---- planfmt.c: a new plan written as YAML (texts quoted by yamlquote.c) ---- */
struct plan_spec {
	const char *id, *name;
	int scheme; /* SCHEME_NONE: not written */
	const char *employer, *employer_contact, *coach;
	int funder;
	const char *funder_ref;
	int start, end;
	long work_minutes; /* -1: not written */
	struct interval every;
	int next;
	long budget_minutes; /* -1: not written */
	struct interval budget_per;
	const char **goals;
	size_t ngoals;
	int version; /* 2: a plan with a dated history; else version 1 */
};
void plan_format(struct buf *b, const struct plan_spec *spec);
/* Minutes as a plan writes hours: 60, 18.5, 0.25. */
void yaml_hours(long minutes, char out[24]);
/* The pairs of a grant's item, in the order coachplan-plan(5) shows them;
 * their texts live in t.  How many. */
struct grant_texts {
	char from[11], to[11], length[16], hours[24];
};
size_t grant_spec_pairs(const struct grant_spec *g, struct ykv kv[8], struct grant_texts *t);

#endif
