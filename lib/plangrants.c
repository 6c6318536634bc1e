/* plangrants.c: a plan's grants changed from the shell: one added (checked
 * by plangrantcheck.c); one marked declared; one taken out. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "amend.h"

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
	if (amend_grant_check(a, op, NULL, &to) < 0 || amend_step(a, make_grant, op) < 0)
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

