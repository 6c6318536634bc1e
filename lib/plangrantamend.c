/* plangrantamend.c: a grant of the plan changed in place (cp-plan
 * --amend-grant): the reference of a beschikking that came after the
 * grant was recorded (a migrated budget has none), or its hours, level or
 * days corrected.  Taking it out and adding it again would lose its
 * declared: and the comments that go with it; here only its own values
 * change, and they go through the checks of a new grant. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "amend.h"

/* The grant as it would be: what s gives, the rest as grant g has it. */
static struct grant_spec amended(const struct grant *g, const struct grant_spec *s)
{
	struct grant_spec n = *s;
	n.from = g->from;
	if (n.to == DATE_NONE && !n.length.n)
		n.to = g->to;
	if (n.funder < 0)
		n.funder = g->funder;
	if (!n.ref)
		n.ref = g->ref;
	if (n.kind < 0)
		n.kind = g->kind;
	if (n.minutes < 0 && n.level == LEVEL_NONE) {
		n.minutes = g->level == LEVEL_NONE ? g->minutes : -1;
		n.level = g->level;
	}
	return n;
}

/* Whether n changes what a declaration of grant g said: anything but a
 * reference it did not have. */
static int changes_declared(const struct grant *g, const struct grant_spec *n, int to)
{
	return to != g->to || n->funder != g->funder || n->kind != g->kind ||
	       n->level != g->level || (n->level == LEVEL_NONE && n->minutes != g->minutes) ||
	       (g->ref && strcmp(g->ref, n->ref));
}

/* One value of the grant whose item starts at offset at (the item found
 * anew in the plan as each value changes it). */
struct field {
	size_t at;
	const struct ykv *kv;
	const char *other; /* the key whose place it takes: length for to, level for hours */
};

static const struct grant *grant_at(const struct plan *p, size_t at)
{
	for (size_t i = 0; i < p->ngrants; i++)
		if (p->grants[i].node && p->grants[i].node->start == at)
			return &p->grants[i];
	return NULL;
}

static int make_field(struct edits *e, const struct plan *p, const void *arg)
{
	const struct field *f = arg;
	const struct grant *g = grant_at(p, f->at);
	if (!g)
		return cp_err(EX_SOFTWARE, _("%s: internal error: the grant is not in grants:"),
			      p->doc.file);
	struct ynode *k = ymap_key(g->node, f->other);
	if (!k || ymap_get(g->node, f->kv->key))
		return yedit_map_set(e, &p->doc, g->node, f->kv->key, f->kv->value, f->kv->raw);
	/* hours: where level: was, its key renamed: in a block or a flow mapping alike */
	if (yedit_set_scalar(e, &p->doc, k, f->kv->key) < 0)
		return -1;
	return yedit_map_set(e, &p->doc, g->node, f->other, f->kv->value, f->kv->raw);
}

static const char *other_key(const char *key)
{
	static const char *const pairs[][2] = {
		{"to", "length"}, {"length", "to"}, {"hours", "level"}, {"level", "hours"}};
	for (size_t i = 0; i < sizeof pairs / sizeof *pairs; i++)
		if (!strcmp(key, pairs[i][0]))
			return pairs[i][1];
	return "";
}

/* Hours logged against the grant lose it, or it grants fewer than were
 * used: refused without --force.  g is the grant changed, in a->p. */
static int use_held(const struct amend *a, const struct grant *g, long used, long minutes,
		    const struct plan_op *op)
{
	struct grant_use *u = logged_use(a->p);
	long now = grant_use_used(u, (size_t)(g - a->p->grants));
	grant_use_free(u);
	char from[11], h[24], was[24], msg[240];
	date_format(g->from, from);
	yaml_hours(used, was);
	if (g->minutes < minutes && used > g->minutes) {
		yaml_hours(g->minutes, h);
		snprintf(msg, sizeof msg,
			 _("the grant from %s would grant %s hours; %s are logged against it"), from,
			 h, was);
	} else if (now < used) {
		yaml_hours(used - now, h);
		snprintf(msg, sizeof msg,
			 _("%s of the hours logged against the grant from %s would lie outside its "
			   "days"),
			 h, from);
	} else
		return 0;
	return op->force ? 0 : amend_node_err(a->p, g->node, _("--force changes it all the same"), msg);
}

/* Whether the grant at offset at reads back as n, ending on to. */
static int held(const struct amend *a, size_t at, const struct grant_spec *n, int to)
{
	const struct grant *g = grant_at(a->p, at);
	return g && g->to == to && g->funder == n->funder && g->kind == n->kind &&
	       g->level == n->level && (n->level != LEVEL_NONE || g->minutes == n->minutes) &&
	       amend_same(g->ref, n->ref);
}

int amend_change_grant(struct amend *a, const struct plan_op *op)
{
	const struct grant_spec *s = &op->grant;
	if (amend_need_version2(a->p) < 0)
		return -1;
	if (s->to == DATE_NONE && !s->length.n && s->funder < 0 && !s->ref && s->kind < 0 &&
	    s->minutes < 0 && s->level == LEVEL_NONE)
		return cp_err(EX_USAGE, _("--amend-grant %s: give what changes: --ref, --to, --length, "
					  "--hours, --level, --funder or --kind after it"),
			      quotes(op->text));
	const struct grant *g = grant_find(a->p, op->text);
	if (!g)
		return -1;
	struct plan_op check = *op;
	check.grant = amended(g, s);
	int to = DATE_NONE;
	if (amend_grant_check(a, &check, g, &to) < 0)
		return -1;
	char from[11], day[11], msg[240];
	date_format(g->from, from);
	if (g->declared != DATE_NONE && !op->force && changes_declared(g, &check.grant, to)) {
		date_format(g->declared, day);
		snprintf(msg, sizeof msg,
			 _("the grant from %s was declared on %s; what was declared would change"),
			 from, day);
		return amend_node_err(a->p, g->node, _("--force changes it all the same"), msg);
	}
	struct grant_use *u = logged_use(a->p);
	long used = grant_use_used(u, (size_t)(g - a->p->grants)), minutes = g->minutes;
	grant_use_free(u);
	struct grant_spec given = *s;
	given.from = g->from;
	struct ykv kv[8];
	struct grant_texts t;
	size_t n = grant_spec_pairs(&given, kv, &t), at = g->node->start;
	char *ref = check.grant.ref ? xstrdup(check.grant.ref) : NULL; /* g's goes with a step */
	check.grant.ref = ref;
	int rc = 0;
	for (size_t i = 1; i < n && rc == 0; i++) { /* kv[0] is from:, which stays */
		struct field f = {at, &kv[i], other_key(kv[i].key)};
		rc = amend_step(a, make_field, &f);
	}
	if (rc == 0)
		rc = held(a, at, &check.grant, to) ? use_held(a, grant_at(a->p, at), used, minutes, op)
						   : amend_not_held(a);
	free(ref);
	return rc;
}
