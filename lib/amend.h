/* amend.h: the changes layer's own header for the modules that change a
 * plan from the shell (planedit.c and the plan*.c it runs); the rest of
 * the library sees only changes.h's plan_amend. */

#ifndef CP_AMEND_H
#define CP_AMEND_H

#include "changes.h"

struct amend {
	const char *file;
	struct plan *p; /* the text as changed so far, read */
	int today;
	/* cp-new's: the options the new plan is made of; its file is not
	 * written yet, so a change refused is said of its option as typed */
	const struct plan_op *typed;
	size_t ntyped;
};

/* The edits of one change, made against the plan as it is now. */
typedef int amend_make(struct edits *e, const struct plan *p, const void *arg);

/* ---- planedit.c: what every change shares ---- */

struct ynode *amend_root(const struct plan *p);
/* make's edits applied and the result read back for the next change. */
int amend_step(struct amend *a, amend_make *make, const void *arg);
/* The changed plan does not read back as it should: nothing is written. */
int amend_not_held(const struct amend *a);
/* Both NULL or both the same text. */
int amend_same(const char *a, const char *b);
/* A problem of the plan with a change, at node n (the file if NULL), or
 * at key's value; -1. */
int amend_node_err(const struct plan *p, const struct ynode *n, const char *hint,
		   const char *msg);
int amend_plan_err(const struct plan *p, const char *key, const char *hint, const char *msg);
/* The same of change op: in a new plan (a->typed) said of its option as
 * typed, else at node n of the plan. */
int amend_op_err(const struct amend *a, const struct plan_op *op, const struct ynode *n,
		 const char *hint, const char *msg);
/* Refused (-1, reported) unless the plan keeps a dated history. */
int amend_need_version2(const struct plan *p);
/* Refused (-1, reported) if day is before the plan's start; what: the day's name. */
int amend_not_before_start(const struct plan *p, int day, const char *what);
/* Or after its end: a change there holds for no day of the plan. */
int amend_not_after_end(const struct plan *p, int day, const char *what);

/* ---- the changes, each of one plan_op ---- */

int amend_goal(struct amend *a, const struct plan_op *op);      /* planlists.c */
int amend_text(struct amend *a, const struct plan_op *op);
int amend_contact(struct amend *a, const struct plan_op *op);
int amend_drop_item(struct amend *a, const struct plan_op *op);
int amend_status(struct amend *a, const struct plan_op *op);    /* planhistory.c */
int amend_end(struct amend *a, const struct plan_op *op);
int amend_coach(struct amend *a, const struct plan_op *op);
int amend_work_hours(struct amend *a, const struct plan_op *op);
int amend_grant(struct amend *a, const struct plan_op *op);     /* plangrants.c */
int amend_declared(struct amend *a, const struct plan_op *op);
int amend_drop_grant(struct amend *a, const struct plan_op *op);
int amend_change_grant(struct amend *a, const struct plan_op *op); /* plangrantamend.c */
/* plangrantcheck.c: a grant op would add (with its from, to, hours ...),
 * or grant self (not NULL) would become, refused (-1, reported) if the
 * plan would not read it; its last day to *to. */
int amend_grant_check(const struct amend *am, const struct plan_op *op, const struct grant *self,
		      int *to);
int amend_migrate(struct amend *a);                              /* planmigrate.c */

#endif
