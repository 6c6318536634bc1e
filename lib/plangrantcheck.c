/* plangrantcheck.c: a grant to be written, added or changed from the
 * shell, checked against the plan first: the rules grant.c reads it by,
 * said of the grant given rather than of a line of a file not written. */
#include <stdio.h>

#include "amend.h"

/* In a new plan, the --grant as typed that made grant o. */
static const char *typed_grant(const struct amend *a, const struct grant *o)
{
	for (size_t i = 0; a->typed && i < a->ntyped; i++)
		if (a->typed[i].kind == PLAN_OP_GRANT && a->typed[i].grant.from == o->from)
			return a->typed[i].text;
	return NULL;
}

/* Grant op overlaps grant o of the plan: a message with the way out that
 * keeps the new grant's side of the old one. */
static int overlap_err(const struct amend *am, const struct plan_op *op, int to,
		       const struct grant *o)
{
	const struct grant_spec *g = &op->grant;
	const char *other = typed_grant(am, o);
	char a[11], b[11], c[11], d[11], day[11], msg[240], hint[256];
	date_format(g->from, a);
	date_format(to, b);
	date_format(o->from, c);
	date_format(o->to, d);
	date_format(g->from < o->from ? o->from - 1 : o->to + 1, day);
	if (other) { /* cp-new: both were typed, neither written */
		snprintf(msg, sizeof msg, _("it overlaps --grant %s"), quotes(other));
		snprintf(hint, sizeof hint,
			 g->from < o->from ? _("one day belongs to one grant: end this one on %s, "
					       "the day before that one starts")
					   : _("one day belongs to one grant: start this one on %s, "
					       "the day after that one ends"),
			 day);
		return amend_op_err(am, op, NULL, hint, msg);
	}
	if (o->ref)
		snprintf(msg, sizeof msg, _("the grant %s..%s overlaps the grant %s..%s (%s)"), a, b,
			 c, d, o->ref);
	else
		snprintf(msg, sizeof msg, _("the grant %s..%s overlaps the grant %s..%s"), a, b, c, d);
	if (op->kind == PLAN_OP_AMEND_GRANT) { /* its first day stays: only its last may move */
		if (g->from > o->from)
			return amend_node_err(am->p, o->node, NULL, msg);
		snprintf(hint, sizeof hint,
			 _("one day belongs to one grant: end the changed one on %s, the day before "
			   "this one starts"),
			 day);
		return amend_node_err(am->p, o->node, hint, msg);
	}
	snprintf(hint, sizeof hint,
		 g->from < o->from ? _("one day belongs to one grant: end the new one on %s, "
				       "the day before this one starts, or take this one out "
				       "first (--drop-grant)")
				   : _("one day belongs to one grant: start the new one on %s, "
				       "the day after this one ends, or take this one out first "
				       "(--drop-grant)"),
		 day);
	return amend_node_err(am->p, o->node, hint, msg);
}

int amend_grant_check(const struct amend *am, const struct plan_op *op, const struct grant *self,
		      int *to)
{
	const struct plan *p = am->p;
	const struct grant_spec *g = &op->grant;
	char a[11], b[11];
	int funder = g->funder >= 0 ? g->funder : p->funder;
	int strip = g->kind == GRANT_STRIPPENKAART;
	if (amend_need_version2(p) < 0)
		return -1;
	if (!plan_has_grants(p) && p->budget_minutes >= 0)
		return amend_plan_err(
			p, "budget",
			_("the grants say what was granted: move the budget into grants: "
			  "(cp-plan --migrate does it in a version 1 plan)"),
			_("the plan counts its hours by budget:"));
	if (am->typed && g->from < p->start) { /* cp-new: said of --grant, not a line */
		char msg[200], d[11];
		date_format(p->start, d);
		snprintf(msg, sizeof msg, _("the grant starts before the plan, on %s (--start)"), d);
		return amend_op_err(am, op, NULL, NULL, msg);
	}
	if (am->typed && p->end != DATE_NONE && g->from > p->end) {
		char msg[200], d[11];
		date_format(p->end, d);
		snprintf(msg, sizeof msg, _("the grant starts after the plan ends on %s (--end)"),
			 d);
		return amend_op_err(am, op, NULL, NULL, msg);
	}
	if (amend_not_before_start(p, g->from, _("the grant")) < 0 ||
	    amend_not_after_end(p, g->from, _("the grant")) < 0)
		return -1;
	if (grant_spec_to(g, p->funder, to) < 0) { /* the example: this grant, for 6 months */
		date_format(g->from, a);
		date_format(date_add_interval(g->from, (struct interval){6, 'm'}, 1) - 1, b);
		return cp_err(EX_USAGE, _("%s has no usual grant length: give the last day (%s..%s) "
					  "or a length (%s/6m); a strippenkaart (,strippenkaart) runs until "
					  "its hours are used"),
			      funder_label(funder), a, b, a);
	}
	if (*to != DATE_NONE && *to < g->from)
		return cp_err(EX_USAGE, _("the grant ends before it starts"));
	if ((g->minutes >= 0) == (g->level != LEVEL_NONE))
		return cp_err(EX_USAGE, g->minutes >= 0 ? _("a grant has hours or a level, not both")
							: _("a grant needs hours (:60) or a level "
							    "(:midden)"));
	if (strip && g->level != LEVEL_NONE)
		return cp_err(EX_USAGE, _("a strippenkaart is a number of hours, not a level"));
	if (g->level != LEVEL_NONE && !funder_rules(funder)->levels)
		return cp_err(EX_USAGE, _("%s grants hours, not a support level"), funder_label(funder));
	if (g->level != LEVEL_NONE && plan_work_on(p, g->from) < 0)
		return amend_op_err(
			am, op, NULL, NULL,
			_("a grant by level needs the contract hours: give them first "
			  "(cp-new --hours, cp-plan --work-hours)"));
	for (size_t i = 0; !strip && i < p->ngrants; i++) {
		const struct grant *o = &p->grants[i];
		if (o != self && o->kind != GRANT_STRIPPENKAART && o->to != DATE_NONE && o->from <= *to &&
		    o->to >= g->from)
			return overlap_err(am, op, *to, o);
	}
	return 0;
}
