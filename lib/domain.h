/* domain.h: what the tools compute: an entry against its plan, hours per group
 * and against the hours granted, evaluations due, a caseload checked.
 * Nothing here prints a table, nor changes a file (changes.h does).
 * The layers and which may include which: lib/README. */

#ifndef CP_DOMAIN_H
#define CP_DOMAIN_H

#include "caseload.h"

/* ---- entrycheck.c: an hour entry against its plan ---- */

struct plancache;

#define CHECK_FORCE 1 /* allow closed plans, dates outside the plan and in the future */
#define CHECK_HISTORY 2 /* an entry already logged: allow closed plans and the future */
#define CHECK_NO_YEAR 4 /* the day was typed without its year: a day ahead says so */

/* Reports why e does not fit its plan (at pos's field); 0 if it does
 * (CHECK_HISTORY: an hour on a goal before its from: is a warning). */
int entry_check(struct plancache *plans, const struct entry *e, int flags, int today,
		void (*pos)(void *arg, enum sheet_col c, struct srcpos *at), void *arg);
/* Reports a coach or note that would not make one clean line of a sheet
 * (CHECK_HISTORY: a line break in one logged already is a warning). */
int entry_check_text(const struct entry *e, int flags,
		     void (*pos)(void *arg, enum sheet_col c, struct srcpos *at), void *arg);

/* ---- agg.c: hours summed per group of keys ---- */

/* funder, grant, employer and scheme are the plan's: an entry is held by
 * its plan (and, for funder and grant, an era: which of the plan's grants
 * holds its day) until agg_finish names them. */
enum key { KEY_PLAN, KEY_GOAL, KEY_MODE, KEY_COACH, KEY_FUNDER, KEY_ACTIVITY, KEY_GRANT,
	   KEY_EMPLOYER, KEY_SCHEME, KEY_DAY, KEY_WEEK, KEY_MONTH, KEY_QUARTER, KEY_HALF,
	   KEY_YEAR, KEY_COUNT };
int key_of_plan(enum key k); /* funder, grant, employer, scheme */

struct totals {
	long minutes;
	int32_t mode[MODE_COUNT]; /* minutes per mode */
	int32_t entries;
	int32_t first, last;      /* days of the first and the last entry */
};

/* Minutes at a distance (phone, email, video, chat): not on site, and
 * not other. */
long totals_remote(const struct totals *t);

struct agg;
struct group;

int keys_parse(const char *s, enum key *keys, size_t *n); /* "plan,month" */
const char *key_name(enum key k);
/* hidden_plan: keep groups per plan for a funder filter without a funder key */
struct agg *agg_new(const enum key *keys, size_t n, int hidden_plan);
void agg_add(struct agg *a, const struct entry *e); /* era 0 */
/* era: what the plan's keys depend on besides the plan, on the entry's day
 * (for funder and grant: which grant holds it; the caller's number) */
void agg_add_era(struct agg *a, const struct entry *e, int era);
/* Adds the groups of from (made with the same keys, not finished) to a,
 * and empties from: the halves of a sheet read on two cores. */
void agg_merge(struct agg *a, struct agg *from);
void agg_clear(struct agg *a);
/* After the last agg_add, where plans matter: name is called for each
 * plan key of every group, with the plan, the era and the group's totals,
 * and names its value (copied at once); NULL leaves the group out. */
void agg_finish(struct agg *a,
		const char *(*name)(enum key k, struct str plan, int era, const struct totals *t,
				    void *arg),
		void *arg);
struct group **agg_groups(struct agg *a, size_t *n); /* sorted by the keys, in order */
/* Asks the cache for group g ahead of its use, where groups are visited in key order. */
void group_prefetch(const struct group *g);
const struct totals *group_totals(const struct group *g);
size_t group_label(const struct agg *a, const struct group *g, size_t part, char *out,
		   size_t size);
size_t agg_count(struct agg *a);
void agg_free(struct agg *a);

/* ---- eras.c: the plan keys of an hour by the grant of its day ---- */

struct eras;
/* Adds the entries shown passes (NULL: all) to a (made with plan keys) by
 * era: the grant of its plan holding its day (every entry uses the cards);
 * without by_grant, only the funder paying it. */
struct eras *eras_new(struct agg *a, struct plancache *plans, int by_grant,
		      const struct filter *shown);
void eras_add(struct eras *x, const struct entry *e);
/* After the last eras_add: the entries of strippenkaart days, which wait
 * for every hour before them, cut over the grants that took them. */
void eras_flush(struct eras *x);
/* The value of plan key k of plan p in an era: the funder or grant (its
 * days and reference, or ungranted), the employer, the scheme. */
const char *era_name(enum key k, const struct plan *p, int era, struct eras *x);
/* A sheet read in two halves, x the first: the entries from holds move into
 * x as if read after x's; or from is emptied (its half is read again). */
void eras_merge(struct eras *x, struct eras *from);
void eras_clear(struct eras *x);
void eras_free(struct eras *x);

/* ---- budget.c: hours logged against hours granted ---- */

struct budget_line {
	const struct plan *plan;
	const struct grant *grant; /* of a version 2 plan; NULL: a budget period, or ungranted */
	int from, to;       /* the budget period or grant (to as declared); DATE_NONE: ungranted, open */
	long granted, used; /* minutes */
	long spilled;       /* of a used-up strippenkaart: what it could not take (ungranted) */
	long work;          /* contract minutes in the period; -1 if unknown */
	int days_from, days_to; /* ungranted: the first and last day of its hours */
};

struct budget;
struct budget *budget_new(struct plancache *plans);
void budget_add(struct budget *b, const struct entry *e);
/* One line per budget period of each plan that overlaps range (a range
 * without an end, of a plan without one, up to the period holding today);
 * with no range, the period holding today of each active plan. */
size_t budget_lines(struct budget *b, const struct plan *const *plans, size_t nplans,
		    const struct period *range, int today, struct budget_line **out);
/* A sheet read in two halves: what from holds moves into b, from is left
 * empty; or from is emptied (its half is read again). */
void budget_merge(struct budget *b, struct budget *from);
void budget_clear(struct budget *b);
void budget_free(struct budget *b);
/* The grant or budget period of plan p that holds day, with what is used
 * of it: 0; or -1 if none holds it (then l->used is the ungranted). */
int budget_line_on(struct budget *b, const struct plan *p, int day, struct budget_line *l);
/* What of a plan with grants was logged on days no grant holds, or that
 * no strippenkaart could take. */
long budget_ungranted(struct budget *b, const struct plan *p);
/* The hours of plan p added so far, assigned to its grants (grant.c);
 * NULL if none were added or it has no grants of its own. */
struct grant_use *budget_grant_use(struct budget *b, const struct plan *p);

/* ---- due.c: what needs a coach's attention, and when ---- */

enum due_what { DUE_EVALUATION, DUE_END, DUE_QUIET, DUE_PHASEOUT, DUE_FOLLOWUP, DUE_HOURS,
		DUE_COUNT };

#define DUE_UWV_LIMIT 1 /* an end that is UWV's 3-year limit */
#define DUE_FOLLOWED 2  /* hours: a later grant is recorded, or the plan ends with it */
#define DUE_PAUSED 4    /* quiet: since is the last day of a pause, later than any contact */

struct due_item {
	int what;
	int date;  /* the evaluation, the end, the day it went quiet, the last evaluation,
		    * the day to apply for a follow-up grant by */
	int since; /* quiet: the last contact logged, DATE_NONE if none (DUE_PAUSED: the
		    * pause's last day); follow-up: the grant's last day */
	int flags;
	const char *plan, *name;
	const char *coach; /* who coaches the plan on the item's day, or on o->on when past */
	int funder;        /* follow-up, hours: the grant's funder */
	long used, granted; /* hours: the minutes logged on the grant, and granted */
};

struct duelist {
	struct due_item *v;
	size_t n, cap;
	struct arena arena;
	struct plan **hour_plans; /* the plans due_hours reads the hours of (slimmed, owned) */
	size_t nhour_plans;
	int coach_seen; /* the coach asked for coaches or coached a plan read */
};

struct due_opts {
	int on;              /* the day it is */
	int until;           /* evaluations due up to this day */
	int end_until;       /* plan ends up to this day */
	struct interval quiet; /* quiet after this long without contact; n 0: not asked */
	int pseudonymize;      /* the plan's id for the participant's name */
	const char *coach;     /* only what falls to this coach (by the plan's coaches:); NULL all */
	int hours;             /* due_hours follows: due_plan keeps the plans it needs */
};

const char *due_what_name(int what);  /* for programs: evaluation, phase-out ... */
const char *due_what_label(int what); /* for people, in their language */
/* What an item asks of the coach on day on ("3 days overdue"), in b. */
const char *due_note(struct buf *b, const struct due_item *d, int on);
/* Adds the plan's signals; contact is the last logged, DATE_NONE if none.
 * A plan with grants of its own whose last grant ends before the plan does,
 * of a funder with a follow-up rule (funder.c), gets a reminder to apply
 * for a follow-up grant that long before the end, until a later grant is
 * recorded (shown from until on, like an evaluation). */
int due_plan(struct duelist *l, struct plan *p, const struct due_opts *o, int contact);
/* With o->hours, due_plan keeps the plans whose grant on o->on is of
 * hours (returning 1: the list owns p), so that they are read once; due_hours
 * reads their entries up to o->on from sheets and lists each grant 90 %
 * used or more (hours), as cp-log warns.  A line that cannot
 * be read is not counted (one warning: cp-check names it). */
void due_hours(struct duelist *l, const struct due_opts *o, char *const *sheets, size_t n);
void due_sort(struct duelist *l); /* by date, plan, what */
void due_warn_coach(const struct duelist *l, const struct due_opts *o, size_t plans);
int plan_coached_by(const struct plan *p, const char *coach); /* now or ever */
void due_free(struct duelist *l);

struct contacts;
struct contacts *contacts_new(void);
/* Reads a sheet's entries up to a day; -1 if it had bad ones (reported). */
int contacts_read(struct contacts *c, const char *sheet, int until);
int contacts_last(struct contacts *c, const char *plan); /* DATE_NONE if none */
void contacts_free(struct contacts *c);

/* ---- ceiling.c: the hours granted as a ceiling when hours are logged ---- */

struct ceiling;
/* The ceiling of the rows cp-log is about to append to sheet. */
struct ceiling *ceiling_for(struct plancache *plans, const char *sheet, const struct rows *rows,
			    int force);
/* With the sheet locked (sheet_append's guard): the rows held against the
 * hours of every sheet of the plans' caseload and of the sheet; -1
 * (reported) if one takes its grant or budget period over what was
 * granted, or falls on a day no grant holds for a funder that needs one,
 * unless forced.  NULL: nothing to hold. */
int ceiling_check(void *c);
/* After the append (or in its stead, if dry_run, said as what would be):
 * on stderr, what is left of each grant the entries fell in (not if
 * quiet), and a warning from 90 % used on. */
void ceiling_report(struct ceiling *c, int quiet, int dry_run);
void ceiling_free(struct ceiling *c);

/* ---- satisfaction.c: the marks of evaluations, per funder and coach ---- */

#define MARK_NORM 65 /* UWV's norm: a mean mark of at least 6.5, in tenths */

struct marks {
	long held;   /* evaluations held */
	long marked; /* of them, with a mark of the employee or the employer */
	long employee_n, employee_sum; /* the marks given, and their sum in tenths */
	long employer_n, employer_sum;
};

struct satisfaction_coach {
	const char *coach;
	struct marks m;
};

/* The evaluations of a period, each counted for the funder of the grant
 * holding its day (else the plan's funder:) and the coach responsible
 * then (coaches:, else coach:), and in the total. */
struct satisfaction {
	struct period period;
	int funder;        /* only evaluations this funder pays for; -1: all */
	const char *coach; /* only those this coach was responsible for; NULL: all */
	struct marks funders[FUNDER_COUNT];
	struct satisfaction_coach *coaches; /* sorted by name */
	size_t ncoaches, cap;
	struct marks total;
	struct arena arena;
};

void satisfaction_init(struct satisfaction *s, const struct period *in, int funder,
		       const char *coach);
void satisfaction_plan(struct satisfaction *s, const struct plan *p); /* adds its evaluations */
void satisfaction_free(struct satisfaction *s);
int marks_mean(long sum, long n); /* tenths, rounded half up; -1 without marks */
#define BELOW_EMPLOYEE 1
#define BELOW_EMPLOYER 2
/* Which means, to one decimal as shown, are under MARK_NORM: BELOW_* bits. */
int marks_below(const struct marks *m);

/* ---- medical.c: words that point to medical information ---- */

struct medical;
/* The list of the tools (data/medical-words) and of the caseload at
 * caseload (its .coachplan/medical-words; NULL: none). */
struct medical *medical_load(const char *caseload);
/* found(arg, off, len) for each word or phrase of the list in text. */
void medical_scan(const struct medical *m, const char *text, size_t n,
		  void (*found)(void *arg, size_t off, size_t len), void *arg);
void medical_free(struct medical *m);
/* Each such word in the notes of rows logged: a warning (the caseload's
 * list: of the caseload of plansdir). */
void medical_warn_rows(const struct rows *rows, const char *plansdir);

/* ---- lint.c: every problem of a caseload's files at once, for cp-check ---- */

struct lint {
	struct plancache *cache;  /* the plans the sheets' entries are held against; NULL: none */
	int today;
	unsigned long max_errors; /* errors printed per sheet (the rest counted); 0: all */
	unsigned long plans, sheets, lines;  /* read */
	unsigned long bad_plans, bad_sheets; /* with errors */
	unsigned long plan_errors; /* of plans first read for a sheet's entries */
	struct medical *medical;  /* words to warn of; NULL: none */
	int verbose;              /* say how to move a version 1 plan to version 2 */
	unsigned long version1, readable; /* plans of version 1, files others may read */
	struct twice *seen; /* the sheets' entries, for one logged twice; NULL: none yet */
};
void lint_free(struct lint *l); /* what l holds: cache, medical, seen */
void lint_after_end(const struct plan *p); /* warns of items from after p's end */
/* Each reports every problem of its file; -1 if there was one.  cached:
 * the plan is one of l->cache's directory, read there once. */
int lint_plan(struct lint *l, const char *path, int cached);
int lint_sheet(struct lint *l, const char *path);
/* Warns of temporary files killed writers left in paths' directories. */
void lint_leftovers(char *const *paths, size_t n);

#endif
