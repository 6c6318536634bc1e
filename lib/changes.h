/* changes.h: what changes a caseload's files for a person: an evaluation
 * recorded, a plan amended from the shell, a plan merged from two
 * branches, the caseload made a git repository.  Each is a surgical edit
 * of the text that keeps comments and layout, written whole or not at all.
 * The layers and which may include which: lib/README. */

#ifndef CP_CHANGES_H
#define CP_CHANGES_H

#include "domain.h"

/* ---- hook.c: a caseload as a git repository ---- */

#define CASELOAD_GIT_INIT 1 /* git init DIR if it is no repository yet */
#define CASELOAD_NO_HOOK 2  /* no hooks */

/* In a caseload that is a git repository: the diff drivers' settings in
 * its config, the plans and sheets git checked out made private, and
 * (unless CASELOAD_NO_HOOK) a pre-commit hook running cp-check and the
 * hooks that keep the files private after git checkout, merge and
 * rebase; a hook the user has is never replaced. */
int caseload_git(const char *dir, int flags);
/* Runs git with args in dir; its standard output goes to out (if given;
 * its error output then to /dev/null).  git's exit status, or -1 if git
 * could not be run. */
int git_run(const char *dir, const char *const *args, struct buf *out);
/* The line the caseload's hook (pre-commit, pre-merge-commit, post-rewrite,
 * post-commit) ends with when cp-check refuses, in the user's language;
 * NULL for another name. */
const char *hook_refusal(const char *hook);

/* ---- logged.c: a change of a plan's days against the hours logged ---- */

/* Whether the hours logged on plan before, in every sheet of the
 * caseload, still lie within its days as after has them: -1 (each
 * reported at its line) if one would lie after its end; one on a day of
 * a pause after has and before had not is warned of. */
int logged_held(const struct plan *before, const struct plan *after);
/* What the hours logged on p in the caseload's sheets used of its grants. */
struct grant_use *logged_use(const struct plan *p);

/* ---- record.c: an evaluation recorded in a plan ---- */

struct record {
	int date;
	const char *summary;
	struct goal_result *goals; /* new statuses, in this order in the evaluation */
	size_t ngoals;
	int next;  /* DATE_NONE: the date plus the plan's interval */
	int close; /* status: closed, with end: */
	int end;   /* with close; DATE_NONE: the date */
	/* what UWV asks: -1 / NULL where not given (struct evaluation) */
	int employee_mark, employer_mark, absence_days, outcome;
	const char *signed_by;
};
#define RECORD_NO_UWV_FIELDS -1, -1, -1, -1, NULL /* to end an initializer with */

/* G1=achieved (the Dutch words too), as cp-evaluate --goal takes it; arg is
 * cut at its =.  -1 (reported) if it is no such thing. */
int goal_result_parse(char *arg, struct goal_result *g);
/* Whether r fits the plan (reported if not); fills in next and end. */
int record_check(const struct plan *p, struct record *r, int today);
/* The edits of the plan's text that record r, and nothing else. */
int record_edits(struct edits *e, const struct plan *p, const struct record *r);
/* Whether the plan read back after the edits holds r and the rest as before. */
int record_holds(const struct plan *before, const struct plan *after, const struct record *r);
/* All of it, under the plan's lock, held against the hours logged if
 * held (logged_held); the change goes to dry as a unified diff, if
 * given, instead of replacing the file. */
int plan_record(const char *path, struct record *r, int today, int held, struct buf *dry);

/* ---- planedit.c: a plan changed from the shell ---- */

enum plan_op_kind {
	PLAN_OP_GOAL, PLAN_OP_AGREEMENT, PLAN_OP_CONDITION, PLAN_OP_CONTACT, PLAN_OP_STATUS,
	PLAN_OP_GRANT, PLAN_OP_COACH, PLAN_OP_WORK, PLAN_OP_MIGRATE, PLAN_OP_DECLARED,
	PLAN_OP_DROP_GRANT, PLAN_OP_DROP_AGREEMENT, PLAN_OP_DROP_CONDITION, PLAN_OP_DROP_CONTACT,
	PLAN_OP_END, PLAN_OP_AMEND_GRANT
};

struct plan_op {
	int kind;
	const char *text; /* the goal, agreement or condition; the contact's name; the coach;
			     the grant declared, dropped or changed (its ref or a day it
			     holds); the words of the agreement, condition or contact
			     taken out */
	const char *role; /* the contact's role, or NULL */
	int status;       /* STATUS_* */
	int day;          /* coach, work hours: from; closed: the end (DATE_NONE: today);
			     end: the new end; declared: the day */
	int since;        /* resumed: the first day active again (DATE_NONE: today) */
	long minutes;     /* work hours: contract minutes a week */
	struct grant_spec grant; /* added; or changed: what is given of it, from unsaid */
	int force;        /* drop or change a grant that has begun or was declared */
};

/* The edits that end plan p's running pause (status: paused) on day last:
 * its paused: key becomes an item of pauses: (if pause_kept), or goes if
 * no day of the pause has passed (last DATE_NONE or before it). */
int pause_end_edits(struct edits *e, const struct plan *p, int last);
int pause_kept(const struct plan *p, int last);

/* A warning if plan p ends after its funder's limit (UWV's three years). */
void plan_warn_limit(const struct plan *p);
/* An op of kind with text, every day and amount unsaid. */
struct plan_op plan_op_new(int kind, const char *text);

/* The plan's text src with ops made in order, each checked against the
 * plan as it is then and refused (reported, -1) if it does not fit, and
 * if held the whole against the hours logged (logged_held); the new text
 * to out.  today: the end of a closed plan by default. */
int plan_amend_text(const char *file, const char *src, size_t len, const struct plan_op *ops,
		    size_t nops, int today, int held, struct buf *out);
/* The same for cp-new, src the plan it makes: its file is not written, so
 * a change refused is said of its option (--grant ...) as typed. */
int plan_new_text(const char *file, const char *src, size_t len, const struct plan_op *ops,
		  size_t nops, int today, struct buf *out);
/* All of it on the plan at path, under its lock; with dry given, nothing
 * is written: the diff of the change goes there. */
int plan_amend(const char *path, const struct plan_op *ops, size_t nops, int today, int held,
	       struct buf *dry);

/* ---- merge.c: a plan changed on two branches, merged as a plan ---- */

/* git's merge driver: theirs' changes since base carried into ours (its
 * file rewritten), name the path in the repository.  0 when clean, 1 when
 * conflict markers were left, or ours as it was where neither a plan nor
 * its lines merge (a binary file), 2 on an error (reported). */
int plan_merge(const char *base, const char *ours, const char *theirs, const char *name);
/* The same on texts (base, ours, theirs), the result in out: 0 clean, 1
 * with conflict markers, -1 when they do not merge as plans (plan_merge
 * then leaves them to git merge-file).  Says nothing. */
int plan_merge_text(const char *const text[3], const size_t len[3], const char *name,
		    struct buf *out);

/* What both drivers share: a version read whole (0, or -1 reported), and
 * git merge-file on the files, how "-q", "--ours" (where both changed the
 * same lines ours' stand) or "--union": 0 clean, 1 with conflict
 * markers, 2 if git could not be run (reported), 3 if git would not. */
int merge_read(const char *path, struct buf *b);
int merge_by_git(const char *base, const char *ours, const char *theirs, const char *how,
		 struct buf *out);

/* ---- sheetmerge.c: an hour sheet changed on two branches, as its lines ---- */

/* git's merge driver for a sheet: ours' lines less those theirs removed,
 * theirs' new ones where they stand in theirs; git's union merge where
 * the lines are no entries.  0, or 2 on an error (reported). */
int sheet_merge(const char *base, const char *ours, const char *theirs, const char *name);
/* The same on texts: 0, or -1 when the lines are no entries (the sides'
 * headers differ, a note runs over lines). */
int sheet_merge_text(const char *const text[3], const size_t len[3], struct buf *out);

#endif
