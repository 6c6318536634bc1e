/* declare.h: the reports layer's own header for the modules that make
 * declarations (declare.c and the declare*.c beside it); the rest of the
 * library sees only reports.h's declare(). */

#ifndef CP_DECLARE_H
#define CP_DECLARE_H

#include "reports.h"

/* An entry kept for a declaration, compactly: its texts live in run.text,
 * so that a batch over hundreds of plans holds only what it declares. */
struct kept {
	int32_t date, minutes;
	uint32_t seq;        /* order read: entries of one day stay in sheet order */
	uint32_t plan;       /* its index in run.ps, which is sorted by id */
	uint32_t goal, note; /* offsets of NUL-terminated text in run.text */
	uint32_t coach;      /* the same, for a logbook beside only (its signers) */
	uint8_t mode;
	int8_t activity; /* for a logbook beside: enum activity, or -1 */
};

/* One run of declare(): the plans (slim), the entries kept, and per grant
 * the pieces they were cut into.  The plans are read before the sheets, so
 * that only the entries of the funder's plans are kept: memory grows with
 * those, not with every line of the caseload's sheets. */
struct run {
	const struct declare_opts *o;
	struct planset ps;
	const struct planset *set;   /* ps, for the run of a sheet's second half too */
	const unsigned char *wanted; /* per plan of set: DECL_WANTED and DECL_CARDS, or 0 */
	int count_unknown;           /* whether to tell the entries of no plan */
	struct strmap unknown;       /* their plan's id: a struct unknown */
	long *outside, *outside_minutes;     /* per plan */
	long *ungranted, *ungranted_minutes; /* per plan: the funder's, on days no grant holds */
	struct grant_use **use;              /* per plan, per grant: every hour, by grant and day */
	struct kept *v;
	size_t n, cap;
	struct buf text;
	struct kept *pieces; /* per grant: each grant's entries, or their part in it */
	size_t npieces, piececap;
};

/* What is kept of a plan's entries: those a declaration may hold; by
 * period, of a plan with strippenkaarten, every hour in run.use too, since
 * which card took an hour in the period depends on the hours before it. */
enum { DECL_WANTED = 1, DECL_CARDS = 2 };

/* The entries of a plan that has no file, counted to warn of. */
struct unknown {
	long entries, minutes;
};

/* The plans that get a declaration, each with its entries: [from, to) of
 * the sorted entries, or per grant of run.pieces. */
struct decl {
	size_t plan, from, to;
	int grant;       /* -1: the plan's hours in the period; else its grant */
	long used, over; /* per grant */
	int same_day;    /* per grant: how many grants of the plan before it start that day */
	int end;         /* per grant: its last day (grant_last_day), or DATE_NONE */
	int carries;     /* by period: the grant whose reference it carries; -1: decl_last_grant */
};

/* ---- declare.c ---- */

/* The text at off in run.text: a kept entry's plan, goal or note. */
const char *decl_text(const struct run *r, uint32_t off);
/* Says that plan p's entries on days no grant holds are in no declaration. */
void decl_warn_ungranted(const struct plan *p, long entries, long minutes);

/* ---- declaredoc.c ---- */

/* Whether funder pays any of the plan: its funder, or one of its grants'. */
int decl_paid_by(const struct plan *p, int funder);
/* The last grant of funder that overlaps the period: whose reference a
 * declaration for the period carries. */
const struct grant *decl_last_grant(const struct plan *p, int funder, const struct period *per);
/* An entry of the plan as kept, for the report's tables. */
struct entry decl_entry(const struct run *r, const struct plan *p, const struct kept *k);
const char *decl_reference(const struct plan *p, const struct declare_opts *o,
			   const struct decl *d);
struct payer decl_payer(const struct plan *p, const struct declare_opts *o, const struct decl *d);
const struct kept *decl_entries(const struct run *run, const struct decl *d);
/* The declaration d, of plan p read whole; its totals to all. */
struct report *decl_report(const struct run *run, const struct plan *p, const struct decl *d,
			   struct totals *all);

/* ---- declarefiles.c ---- */

/* mkdir -p, mode 0700: declarations hold personal data. */
int decl_make_dirs(const char *dir);
/* -1 (reported) if a file of the batch exists and force is not given. */
int decl_check_targets(const struct run *run, const struct decl *d, size_t nd);
/* Every declaration of the batch, its logbook too, and summary.csv. */
int decl_write_all(struct run *run, const struct decl *d, size_t nd);

/* ---- declaregrants.c ---- */

/* Per grant, an hour of plan i on day: added to run->use[i]; whether its
 * entry is kept (else at most counted). */
int decl_grant_hour(struct run *r, size_t i, int day, long minutes);
/* By period, an hour of plan i on day, of a plan with strippenkaarten
 * (DECL_CARDS): added to run->use[i]. */
void decl_card_hour(struct run *r, size_t i, int day, long minutes);
/* By period, the grants that took plan i's declared entries k[0..n) (in
 * date order), piece by piece as grant_cut cuts them (ngrants: none):
 * how many pieces, their slots in *slots (to free); 0 and NULL for a plan
 * whose every hour was not followed (no strippenkaart). */
size_t decl_slots(struct run *run, size_t i, const struct kept *k, size_t n, size_t **slots);
/* run->use of a sheet's second half added to into's (into NULL: freed). */
void decl_uses_move(struct run *into, struct run *from);
/* The declarations of plan i's grants of the funder that end in the
 * period, from its entries k[0..n); their entries go to run->pieces. */
void decl_select_grants(struct run *run, size_t i, const struct kept *k, size_t n,
			struct decl **d, size_t *nd, size_t *cap);

#endif
