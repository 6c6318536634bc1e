/* plangrants.c: a plan's grants changed from the shell: one added, checked
 * as grant.c reads it; one marked declared; one taken out. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

/* Refuses a grant the plan would not read: the same rules as grant.c,
 * said of the grant given rather than of a line of a file not written. */
static int grant_check(const struct amend *am, const struct plan_op *op, int *to)
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
		if (o->kind != GRANT_STRIPPENKAART && o->to != DATE_NONE && o->from <= *to &&
		    o->to >= g->from)
			return overlap_err(am, op, *to, o);
	}
	return 0;
}

static int make_grant(struct edits *e, const struct plan *p, const void *arg)
{
	const struct plan_op *op = arg;
	struct ykv kv[8];
	struct grant_texts t;
	size_t n = grant_spec_pairs(&op->grant, kv, &t);
	struct ynode *root = amend_root(p);
	if (ymap_key(root, "grants") || !ymap_key(root, "evaluation"))
		return yedit_map_list_append(e, &p->doc, root, "grants", kv, n);
	/* the first: below the evaluation's dates, where a budget: would be */
	struct buf b = {0};
	for (size_t i = 0; i < n; i++) {
		buf_printf(&b, "\n%s%s: ", i ? "  " : "- ", kv[i].key);
		if (kv[i].raw)
			buf_puts(&b, kv[i].value);
		else
			yaml_put_scalar(&b, kv[i].value, strlen(kv[i].value));
	}
	int rc = yedit_map_insert_after(e, &p->doc, root, "evaluation", "grants", b.s);
	buf_free(&b);
	return rc;
}

int amend_grant(struct amend *a, const struct plan_op *op)
{
	int to = DATE_NONE;
	size_t n = a->p->ngrants;
	if (grant_check(a, op, &to) < 0 || amend_step(a, make_grant, op) < 0)
		return -1;
	int found = 0;
	for (size_t i = 0; i < a->p->ngrants; i++)
		found |= a->p->grants[i].from == op->grant.from && a->p->grants[i].to == to;
	return a->p->ngrants == n + 1 && found ? 0 : amend_not_held(a);
}

/* ---- a grant declared ---- */

struct declared {
	size_t k; /* the grant */
	int day;
};

static int make_declared(struct edits *e, const struct plan *p, const void *arg)
{
	const struct declared *d = arg;
	char day[11];
	date_format(d->day, day);
	return yedit_map_set(e, &p->doc, p->grants[d->k].node, "declared", day, 1);
}

static int declare_one(struct amend *a, size_t k, int day)
{
	const struct grant *g = &a->p->grants[k];
	char from[11], msg[200];
	date_format(g->from, from);
	if (day < g->from) {
		snprintf(msg, sizeof msg, _("the grant from %s would be declared before it starts"),
			 from);
		return amend_node_err(a->p, g->node, NULL, msg);
	}
	if (g->declared == day)
		return 0;
	if (g->declared != DATE_NONE) {
		char was[11];
		date_format(g->declared, was);
		snprintf(msg, sizeof msg, _("the grant from %s was declared on %s already"), from, was);
		return amend_node_err(a->p, g->node,
				      _("change its declared: in the plan if that was wrong"), msg);
	}
	int to = g->to; /* step reads the plan anew */
	struct declared d = {k, day};
	if (amend_step(a, make_declared, &d) < 0)
		return -1;
	if (to != DATE_NONE && day < to) { /* coaching ended early, or a mistake */
		char until[11];
		date_format(to, until);
		cp_warn(_("%s: the grant from %s runs until %s; cp-log refuses hours for it from now "
			  "on (--force logs them, for a correction)"),
			a->p->id, from, until);
	}
	return k < a->p->ngrants && a->p->grants[k].declared == day ? 0 : amend_not_held(a);
}

/* The last day of each of p's grants: a strippenkaart's is the day its
 * hours ran out, so the sheets are read when the plan has one without an
 * end (to:), as cp-hours --budget does. */
static int *grant_ends(const struct plan *p)
{
	int *end = xcalloc(p->ngrants + 1, sizeof *end);
	struct grant_use *u = NULL;
	for (size_t k = 0; k < p->ngrants && !u; k++)
		if (p->grants[k].to == DATE_NONE)
			u = logged_use(p);
	for (size_t k = 0; k < p->ngrants; k++)
		end[k] = u ? grant_use_end(u, k) : grant_end(p, &p->grants[k]);
	grant_use_free(u);
	return end;
}

/* The day a grant's hours went to its funder, so that cp-hours --budget
 * stops showing the grant once it has ended; "ended": every grant that
 * ended before that day and was not declared yet. */
int amend_declared(struct amend *a, const struct plan_op *op)
{
	if (amend_need_version2(a->p) < 0)
		return -1;
	if (op->day > a->today) { /* as cp-log and cp-evaluate: what happened, not a plan */
		char on[11], msg[160];
		date_format(op->day, on);
		snprintf(msg, sizeof msg, _("%s is in the future; record a declaration once it is sent"),
			 on);
		return amend_node_err(a->p, NULL, NULL, msg);
	}
	if (!strcmp(op->text, "ended") || !strcmp(op->text, "afgelopen")) {
		int n = 0, *end = grant_ends(a->p); /* before a step reads the plan anew */
		for (size_t k = 0; k < a->p->ngrants; k++) {
			if (!grant_ended_undeclared(&a->p->grants[k], end[k], op->day))
				continue;
			if (declare_one(a, k, op->day) < 0) {
				free(end);
				return -1;
			}
			n++;
		}
		free(end);
		if (!n) { /* nothing left to do, as a grant declared again on its day */
			char on[11];
			date_format(op->day, on);
			cp_warn(_("%s: no grant ended before %s without being declared"), a->p->id, on);
		}
		return 0;
	}
	const struct grant *g = grant_find(a->p, op->text);
	return g ? declare_one(a, (size_t)(g - a->p->grants), op->day) : -1;
}

/* ---- a grant taken out ---- */

static int make_drop(struct edits *e, const struct plan *p, const void *arg)
{
	const struct grant *g = &p->grants[*(const size_t *)arg];
	const struct ynode *seq = yderef(ymap_get(amend_root(p), "grants"));
	for (uint32_t i = 0; seq && seq->kind == Y_SEQ && i < seq->n; i++)
		if (seq->u.kids[i] == g->node)
			return yedit_seq_remove(e, &p->doc, seq, i);
	return cp_err(EX_SOFTWARE, _("%s: internal error: the grant is not in grants:"), p->doc.file);
}

/* How many grants run from..to (strippenkaarten may share their dates). */
static size_t like(const struct plan *p, int from, int to)
{
	size_t n = 0;
	for (size_t i = 0; i < p->ngrants; i++)
		n += p->grants[i].from == from && p->grants[i].to == to;
	return n;
}

/* A grant recorded by mistake, or one planned that did not come: taken
 * out.  One that has begun or was declared may hold hours counted and
 * declared, which would lose their grant: that takes --force. */
int amend_drop_grant(struct amend *a, const struct plan_op *op)
{
	if (amend_need_version2(a->p) < 0)
		return -1;
	const struct grant *g = grant_find(a->p, op->text);
	if (!g)
		return -1;
	char from[11], msg[240];
	date_format(g->from, from);
	if (!op->force && (g->declared != DATE_NONE || g->from <= a->today)) {
		snprintf(msg, sizeof msg,
			 g->declared != DATE_NONE
				 ? _("the grant from %s was declared; its hours would lose their grant")
				 : _("the grant from %s has begun; its hours would lose their grant"),
			 from);
		return amend_node_err(a->p, g->node, _("--force takes it out all the same"), msg);
	}
	int gfrom = g->from, gto = g->to;
	size_t k = (size_t)(g - a->p->grants), n = a->p->ngrants, alike = like(a->p, gfrom, gto);
	if (amend_step(a, make_drop, &k) < 0)
		return -1;
	return a->p->ngrants == n - 1 && like(a->p, gfrom, gto) == alike - 1 ? 0
									     : amend_not_held(a);
}

