/* planedit.c: a plan changed from the shell (cp-plan, and cp-new for what
 * it adds to a new plan): a goal, an agreement, a condition or a contact
 * added, one of the last three taken out, the status changed, a grant
 * added, a hand-over to another coach or new contract hours from a day, a
 * version 1 plan moved to version 2.  This file holds what every change
 * shares and runs them in turn; the changes are in planlists.c (goals,
 * agreements, conditions, contacts), planhistory.c (status, hand-over,
 * contract hours), plangrants.c (its checks in plangrantcheck.c, a grant
 * changed in plangrantamend.c) and planmigrate.c.
 *
 * Each change is made in the plan's text in place (edit.c), so comments
 * and layout stay, and read back before the next; the changes are checked
 * against the plan first, so that a bad one is refused with a message of
 * its own and nothing written.  As record.c does, the whole is done under
 * the plan's lock and replaces the plan atomically (atomic.c).
 *
 * What was true of a day before the change stays true: a hand-over or new
 * contract hours start a dated list (coaches:, work_hours:) with what held
 * from the start, and the plan's coach: and work_hours_per_week: follow
 * the newest value only where the list covers every day from the start. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "amend.h"

struct ynode *amend_root(const struct plan *p)
{
	return yderef(p->doc.root);
}

/* One change: its edits made against the text as it is now, applied, and
 * the result read back for the next. */
int amend_step(struct amend *a, amend_make *make, const void *arg)
{
	struct edits e = {0};
	struct buf out = {0};
	int rc = make(&e, a->p, arg);
	if (rc == 0 && edits_apply(&e, a->p->doc.src, a->p->doc.len, &out) < 0)
		rc = cp_err(EX_SOFTWARE, _("%s: internal error: edits overlap; nothing was written"),
			    a->file);
	edits_free(&e);
	if (rc < 0) {
		buf_free(&out);
		return -1;
	}
	buf_str(&out);
	int status;
	struct plan *next = plan_parse(a->file, out.s, out.len, &status);
	if (!next)
		return cp_err(EX_SOFTWARE, _("%s: internal error: the changed plan does not read back; "
					     "nothing was written"),
			      a->file);
	plan_free(a->p);
	a->p = next;
	return 0;
}

int amend_not_held(const struct amend *a)
{
	return cp_err(EX_SOFTWARE, _("%s: internal error: the changed plan does not read back as "
				     "intended; nothing was written"),
		      a->file);
}

int amend_same(const char *a, const char *b)
{
	return a == b || (a && b && !strcmp(a, b));
}

/* A problem of the plan with a change: at the node that matters, a grant's
 * item, say. */
int amend_node_err(const struct plan *p, const struct ynode *n, const char *hint,
		    const char *msg)
{
	if (!n)
		return cp_err(EX_DATAERR, "%s: %s", p->doc.file, msg);
	struct srcpos at;
	ynode_pos(&p->doc, n, &at);
	return cp_err_at(EX_DATAERR, &at, hint, "%s", msg);
}

/* Or at a key's value. */
int amend_plan_err(const struct plan *p, const char *key, const char *hint, const char *msg)
{
	return amend_node_err(p, key ? ymap_get(amend_root(p), key) : NULL, hint, msg);
}

/* cp-new's option that made op: "--grant", say. */
static const char *amend_op_option(const struct plan_op *op)
{
	switch (op->kind) {
	case PLAN_OP_GRANT: return "--grant";
	case PLAN_OP_CONDITION: return "--condition";
	case PLAN_OP_CONTACT: return "--contact";
	default: return "--agreement";
	}
}

int amend_op_err(const struct amend *a, const struct plan_op *op, const struct ynode *n,
		 const char *hint, const char *msg)
{
	if (!a->typed)
		return amend_node_err(a->p, n, hint, msg);
	return cp_err_at(EX_DATAERR, NULL, hint, "%s %s: %s", amend_op_option(op),
			 quotes(op->text), msg);
}

int amend_need_version2(const struct plan *p)
{
	if (p->version >= 2)
		return 0;
	return amend_plan_err(
		p, "version", _("move it to version 2 first: cp-plan --migrate, then try again"),
		_("a dated history (grants, coaches, contract hours) needs a plan of version 2"));
}

int amend_not_before_start(const struct plan *p, int day, const char *what)
{
	if (day >= p->start)
		return 0;
	char d[11], msg[200];
	date_format(p->start, d);
	snprintf(msg, sizeof msg, _("%s is before the plan starts on %s"), what, d);
	return amend_plan_err(p, "start", NULL, msg);
}

/* After the end a change holds for no day of the plan, as a pause there
 * would not.  cp-plan moves an --end last, so it is moved first alone. */
int amend_not_after_end(const struct plan *p, int day, const char *what)
{
	if (p->end == DATE_NONE || day <= p->end)
		return 0;
	char d[11], msg[200], hint[200];
	date_format(p->end, d);
	snprintf(msg, sizeof msg, _("%s is after the plan ends on %s"), what, d);
	snprintf(hint, sizeof hint, _("move the end first: cp-plan %s --end DATE"), p->id);
	return amend_plan_err(p, "end", hint, msg);
}

/* ---- all of it ---- */

static int one(struct amend *a, const struct plan_op *op)
{
	switch (op->kind) {
	case PLAN_OP_GOAL: return amend_goal(a, op);
	case PLAN_OP_AGREEMENT:
	case PLAN_OP_CONDITION: return amend_text(a, op);
	case PLAN_OP_CONTACT: return amend_contact(a, op);
	case PLAN_OP_STATUS: return amend_status(a, op);
	case PLAN_OP_GRANT: return amend_grant(a, op);
	case PLAN_OP_END: return amend_end(a, op);
	case PLAN_OP_COACH: return amend_coach(a, op);
	case PLAN_OP_WORK: return amend_work_hours(a, op);
	case PLAN_OP_MIGRATE: return amend_migrate(a);
	case PLAN_OP_DECLARED: return amend_declared(a, op);
	case PLAN_OP_DROP_GRANT: return amend_drop_grant(a, op);
	case PLAN_OP_AMEND_GRANT: return amend_change_grant(a, op);
	case PLAN_OP_DROP_AGREEMENT:
	case PLAN_OP_DROP_CONDITION:
	case PLAN_OP_DROP_CONTACT: return amend_drop_item(a, op);
	}
	return cp_err(EX_SOFTWARE, "plan_op %d", op->kind);
}

struct plan_op plan_op_new(int kind, const char *text)
{
	return (struct plan_op){.kind = kind, .text = text, .day = DATE_NONE, .since = DATE_NONE,
				.minutes = -1, .grant = GRANT_SPEC_NONE};
}

/* The ops made on src as plan_amend_text says; typed: cp-new's, a new plan. */
static int amend_all(const char *file, const char *src, size_t len, const struct plan_op *ops,
		     size_t nops, int today, int held, int typed, struct buf *out)
{
	int status;
	struct amend a = {file, plan_parse(file, xstrndup(src, len), len, &status), today,
			  typed ? ops : NULL, typed ? nops : 0};
	if (!a.p)
		return -1;
	int rc = 0;
	for (size_t i = 0; rc == 0 && i < nops; i++)
		rc = one(&a, &ops[i]);
	if (rc == 0 && held) {
		struct plan *before = plan_parse(file, xstrndup(src, len), len, &status);
		rc = before ? logged_held(before, a.p) : -1;
		plan_free(before);
	}
	if (rc == 0)
		buf_add(out, a.p->doc.src, a.p->doc.len);
	plan_free(a.p);
	return rc < 0 ? -1 : 0;
}

int plan_amend_text(const char *file, const char *src, size_t len, const struct plan_op *ops,
		    size_t nops, int today, int held, struct buf *out)
{
	return amend_all(file, src, len, ops, nops, today, held, 0, out);
}

int plan_new_text(const char *file, const char *src, size_t len, const struct plan_op *ops,
		  size_t nops, int today, struct buf *out)
{
	return amend_all(file, src, len, ops, nops, today, 0, 1, out);
}

int plan_amend(const char *path, const struct plan_op *ops, size_t nops, int today, int held,
	       struct buf *dry)
{
	struct locked lf;
	struct buf src = {0}, out = {0};
	int opened = plan_open_locked(path, &lf, &src);
	if (opened)
		return opened > 0 ? plan_file_unknown(path) : -1;
	int rc = plan_amend_text(path, src.s, src.len, ops, nops, today, held, &out);
	if (rc == 0 && out.s)
		rc = plan_write(&lf, path, (struct str){src.s, src.len}, (struct str){out.s, out.len},
				dry);
	buf_free(&src);
	buf_free(&out);
	locked_close(&lf);
	return rc < 0 ? -1 : 0;
}
