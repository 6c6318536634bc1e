/* reports.h: the documents: cp-report's accountability report, declarations and
 * overview, and the iCalendar feed, built from the domain and drawn by
 * the output layer.
 * The layers and which may include which: lib/README. */

#ifndef CP_REPORTS_H
#define CP_REPORTS_H

#include "domain.h"
#include "output.h"

/* ---- duetable.c: the table of cp-evaluate --due ---- */

/* The items of l as seen on day on; 1 if an evaluation is overdue, 0 if
 * none is, -1 if the output failed. */
int due_print(const struct duelist *l, int on, enum outfmt f, FILE *out);

/* ---- hourstable.c: the table of cp-hours ---- */

/* The hours of each group of a, keyed as keys; with remote, on site and at
 * a distance too.  0, or -1 if the output failed. */
int hours_print(struct agg *a, const enum key *keys, size_t nkeys, int remote, enum outfmt f,
		FILE *out);

/* ---- hoursplans.c: the plans behind cp-hours' groups ---- */

struct hours_plans {
	struct plancache *cache;
	const struct strlist *funders; /* only hours these pay; empty: all */
	const char *dir;               /* where the plans are, for the warnings */
	struct strlist unknown;        /* plan ids without a plan file */
	struct strlist outside;        /* plan ids with hours outside their dates */
	struct eras *eras;             /* the cards' use, for the grants' days; NULL */
};

/* For agg_finish (arg: a struct hours_plans): the value of plan key k of
 * the plan id in an era; NULL for a funder not asked for. */
const char *hours_plan_key(enum key k, struct str id, int era, const struct totals *t, void *arg);
/* Once per plan: hours without a plan file, hours outside its dates. */
void hours_plans_warn(struct hours_plans *hp);
/* Warns of each plan of ids that has no file in dir, the plan it may
 * have meant as the hint; its hours still count.  Nothing if dir is none. */
void hours_plans_asked(const struct strlist *ids, const char *dir);
void hours_plans_free(struct hours_plans *hp); /* the cache too */

/* ---- hoursrun.c: cp-hours, from its query to its table ---- */

struct hours_query {
	const enum key *keys; /* the groups, in order; none with budget */
	size_t nkeys;
	int budget;            /* each plan's hours against its grants instead */
	int remote;            /* on site and at a distance too */
	int keep_going;        /* past bad lines: report them, total the rest */
	int pseudonymize;      /* budget: plans by id, not by participant */
	const struct filter *filter;   /* the entries; budget: plans and coaches shown */
	const struct strlist *funders; /* only hours these pay; empty: all */
	int dates_given;       /* budget: the grants of the filter's dates, not today's */
	int plans_named;       /* the plans were named (-p): read them whatever the keys */
	const char *plansdir;
};

/* Reads the sheets of args (files, directories, -; caseload_sheets) for
 * q and prints its table as f on out: 0, 1 if a plan is over its grant,
 * -1 if a sheet, the plans or the output failed (reported). */
int hours_run(const struct hours_query *q, char *const *args, size_t nargs, enum outfmt f,
	      FILE *out);

/* ---- budgettable.c: the table of cp-hours --budget ---- */

/* Which plans of a directory a budget check shows (empty lists pass all),
 * and whether by the participant's name or, pseudonymized, by the id. */
struct plan_select {
	const struct strlist *ids, *coaches, *funders;
	int pseudonymize;
};

/* The budget lines of the selected plans as a table; 1 if a plan is over,
 * 0 if none is, -1 if the plans or the output failed. */
int budget_print(struct budget *b, struct plancache *cache, const char *plansdir,
		 const struct plan_select *sel, const struct period *range, int today,
		 enum outfmt f, FILE *out);

/* ---- ics.c: an iCalendar feed (RFC 5545) ---- */

struct ics_event {
	const char *kind; /* evaluation, end: in the UID and CATEGORIES */
	const char *plan;
	int day;
	const char *summary, *description;
};

void ics_begin(struct buf *b, const char *name);
void ics_event(struct buf *b, const struct ics_event *ev, int stamp); /* stamp: DTSTAMP's day */
void ics_end(struct buf *b);
/* A whole feed: the list's next evaluations and plan ends (due.c) */
void ics_feed(struct buf *b, const char *name, const struct duelist *l, int stamp);

/* ---- account.c, declare.c, overview.c, logbook.c: the reports of cp-report ---- */

struct report_opts {
	struct period period;
	int period_given; /* else each report's own default */
	int today;
	int pseudonymize; /* participants named by their plan id, in all text */
	const char *stamp;
	int keep_going;   /* bad lines and plans are left out, not fatal */
	const char *lang; /* the language of the report (lang.c); NULL: the messages' */
	int for_people;   /* text, Markdown, HTML: dates in sentences as "5 January 2026" */
};

/* A day in a report's sentences: for people as "5 January 2026", for
 * programs ISO. */
const char *report_day(const struct report_opts *o, int day, char out[LANG_DATE_MAX]);

/* The name the report may use for the participant (the plan's id when
 * pseudonymizing: one stable code per plan, in every tool and run), the
 * employer (none then), and text with every name of the plan taken out:
 * the participant's becomes the id, a contact's their role, the
 * employer's the word employer. */
const char *report_participant(const struct plan *p, const struct report_opts *o);
/* "Plan P-1, Bart de Wit, period 2026" (grant: "..., grant ..."), the
 * participant left out where the plan's id stands for them */
void report_plan_subtitle(struct report *r, const struct plan *p, const struct report_opts *o,
			  int grant, const char *label);
/* A report of kind about plan p over period, in o's language (pushed
 * here, popped by the caller), subtitled "Plan P-1, name, period ...";
 * title is untranslated (N_). */
struct report *report_of_plan(const char *kind, const char *title, const struct plan *p,
			      const struct report_opts *o, const struct period *period);
/* A warning if period holds no day of plan p: its report would be empty. */
void report_warn_no_plan_day(const struct plan *p, const struct period *period);
const char *report_employer(const struct plan *p, const struct report_opts *o); /* NULL: left out */
/* The fields funder and funder_ref of a report on plan p over a period:
 * every funder and reference of the grants that meet it, each once, in
 * the grants' order (a period over the day a municipality took over from
 * UWV names both, not only the one paying at its end); without grants in
 * it, the funder of day and the plan's funder_ref. */
void report_funder_fields(struct report *r, const struct plan *p, const struct period *in,
			  int day);
/* Who coached plan p in [from, to], each once, in the order they took it
 * on: "kim, robin" (a plan of version 2 hands over), into out. */
const char *report_coaches_in(const struct plan *p, int from, int to, char *out, size_t size);
/* The same of the days in [from, to] that funder's grants hold, first to
 * last (all of them where none does): a declaration to a municipality
 * that took over names its coach, not UWV's before it. */
const char *report_coaches_of(const struct plan *p, int funder, int from, int to, char *out,
			      size_t size);
/* A coach who held a plan on days of a period, and which: the coaches who
 * sign for a period (a logbook, an accountability report). */
struct report_holder {
	const char *coach;
	struct period days[8]; /* a ninth stretch joins the eighth */
	size_t n;
};
/* Who held plan p on the days from..to (none before its start), each
 * once, in the order they took it (at most max). */
size_t report_holders(const struct plan *p, int from, int to, struct report_holder *h,
		      size_t max);
/* Adds coach, who logged hours on day, to the n signers in h (room for
 * one more) unless one of the first holders is coach: one who stood in
 * without holding the plan signs too, for the days from their first hour
 * to their last.  Returns the new n. */
size_t report_logged(struct report_holder *h, size_t n, size_t holders, const char *coach,
		     int day);
/* The days h held: "2026-01-05..2026-03-31, 2026-06-01..2026-06-30". */
void report_holder_days(const struct report_holder *h, struct buf *out);
/* The field "Paused" where plan p stood still in [from, to]: its pauses
 * (2027-03-05..2027-03-31) and the one still running (2027-06-01..);
 * nothing where it did not. */
void report_pauses_field(struct report *r, const struct plan *p, int from, int to);
const char *report_scrub(struct report *r, const struct plan *p, const struct report_opts *o,
			 const char *text);
const char *report_activity_label(int activity);
const char *report_outcome_label(int outcome);
const char *report_status_label(int status);
const char *report_scheme_label(int scheme);
const char *report_grant_kind_label(int kind);
/* An interval for people, "6 months", as a word cell: programs get "6m". */
struct cell report_interval(struct report *r, struct interval iv);

/* The accountability report (verantwoordingsrapportage) of one plan;
 * NULL on failure (reported). */
struct report *account_report(const char *plan_path, char *const *sheets, size_t nsheets,
			      const struct report_opts *o);
/* The caseload overview: one row per active plan. */
struct report *overview_report(char *const *plans, size_t nplans, char *const *sheets,
			       size_t nsheets, const struct report_opts *o);

/* The logbook (logboek jobcoach) of one plan: every entry of the period
 * and the totals, the results, marks and absence of its evaluations, and
 * blocks to sign.  grant: the reference of one of the plan's grants, whose
 * period it covers; NULL: o's period, or the whole plan so far.  NULL on
 * failure (reported). */
struct report *logbook_report(const char *plan_path, char *const *sheets, size_t nsheets,
			      const char *grant, const struct report_opts *o);
/* The same of entries read already (a batch of declarations): v in date
 * order, those of days in period and the plan's; g: the grant whose
 * logbook it is, or NULL; payer: without g, whose hours they are (a
 * declaration's funder and the reference it carries), or NULL for the
 * funders of the period's grants; outside: the entries left out. */
struct logbook_line {
	int date, mode, activity; /* activity: enum activity, or -1 where the sheet has none */
	long minutes;
	const char *goal, *note;
	const char *coach; /* who logged it, as the sheet has it: "" where it does not say */
};
struct payer {
	int funder;
	const char *ref;
};
struct report *logbook_of(const struct plan *p, const struct grant *g, const struct payer *payer,
			  const struct period *period, const struct logbook_line *v, size_t n,
			  struct outside outside, const struct report_opts *o);

/* ---- accountchart.c: the charts of the accountability report ---- */

struct plan_days; /* one plan's minutes per day and mode */
struct plan_days *plan_days_new(const struct plan *p);
void plan_days_add(struct plan_days *d, const struct entry *e); /* any day: the charts pick */
void plan_days_free(struct plan_days *d);
/* Hours per week (per month over a long period) by mode, stacked: the
 * period's days within the plan's dates, as the table of hours counts them. */
void account_chart_weeks(struct report *r, const struct plan_days *d, const struct period *period,
			 const struct report_opts *o);
/* A grant's burn (or a version 1 budget period's): its hours added up week
 * by week up to until, against what it granted. */
void account_chart_burn(struct report *r, const struct plan_days *d, struct budget *b,
			const struct budget_line *l, const struct report_opts *o, int until);

struct declare_opts {
	struct report_opts ro;
	int funder;        /* -1: any */
	const char *only;  /* one plan's declaration, or NULL for every plan of the funder */
	const char *dir;   /* NULL: the one declaration to standard output */
	const struct renderer *fmt;
	int all;           /* plans without hours are in the summary too */
	int force;         /* replace report files that exist */
	int excel;         /* summary.csv in the spreadsheet dialect too */
	int per_grant;     /* a declaration per grant that ends in the period */
	int logbooks;      /* with dir: each declaration's logbook beside it */
};

/* Declarations per plan for a funder and period (per_grant: per grant of
 * the funder that ends in the period, each from its first day to its last
 * with the evaluation that closes it), and DIR/summary.csv: all or none
 * unless keep_going.  0, or -1 (reported). */
int declare(char *const *plans, size_t nplans, char *const *sheets, size_t nsheets,
	    const struct declare_opts *o);

/* ---- satisfactionreport.c: cp-report --satisfaction ---- */

struct satisfaction_opts {
	struct report_opts ro; /* the period: default this year */
	int funder;            /* -1: any */
	const char *coach;     /* NULL: any */
	const char *only;      /* one plan's id, or NULL for all */
};

/* The marks of the evaluations held in the period, per funder and coach,
 * and the total (satisfaction.c); *below: BELOW_* bits of every mean under
 * UWV's norm.  NULL on failure (reported). */
struct report *satisfaction_report(char *const *plans, size_t nplans,
				   const struct satisfaction_opts *o, int *below);

#endif
