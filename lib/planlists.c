/* planlists.c: the plan's lists changed from the shell: a goal (with the
 * next free id), an agreement, a condition or a contact added, one of the
 * last three taken out by the words it reads. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "amend.h"

/* A text the list has already, case aside, as --drop-agreement finds it:
 * "Elke maandag bellen" is "elke maandag bellen" typed again. */
static int said_before(const char *had, const char *text)
{
	return had && text && utf8_case_holds(had, text, 1);
}

/* The item of the list under key that reads text (a text, or a map with
 * that name), else the list: where a change finds it there already. */
static const struct ynode *item_of(const struct plan *p, const char *key, const char *text)
{
	struct ynode *l = ymap_get(amend_root(p), key);
	for (uint32_t i = 0; l && l->kind == Y_SEQ && i < l->n; i++) {
		struct ynode *item = yderef(l->u.kids[i]), *name = item;
		if (item->kind == Y_MAP)
			name = ymap_get(item, "name");
		if (name && name->kind == Y_SCALAR && said_before(name->u.str, text))
			return item;
	}
	return l;
}

/* ---- goals, agreements, conditions, contacts ---- */

/* G<n> one past the highest the plan has. */
static void next_goal_id(const struct plan *p, char id[24])
{
	long max = 0;
	for (size_t i = 0; i < p->ngoals; i++) {
		const char *s = p->goals[i].id;
		char *end;
		if (s && (s[0] == 'G' || s[0] == 'g') && s[1] >= '0' && s[1] <= '9') {
			long n = strtol(s + 1, &end, 10);
			if (!*end && n > max && n < 1000000)
				max = n;
		}
	}
	snprintf(id, 24, "G%ld", max + 1);
}

static int make_goal(struct edits *e, const struct plan *p, const void *arg)
{
	const struct plan_op *op = arg;
	char id[24], from[11];
	next_goal_id(p, id);
	struct ykv kv[4] = {{"id", id, 0}, {"text", op->text, 0}, {"status", "open", 1}};
	size_t n = 3;
	if (op->day != DATE_NONE) { /* set after the start: a report of before leaves it out */
		date_format(op->day, from);
		kv[n++] = (struct ykv){"from", from, 1};
	}
	return yedit_map_list_append(e, &p->doc, amend_root(p), "goals", kv, n);
}

static int make_text(struct edits *e, const struct plan *p, const void *arg)
{
	const struct plan_op *op = arg;
	const char *key = op->kind == PLAN_OP_AGREEMENT ? "agreements" : "conditions";
	return yedit_map_list_append_text(e, &p->doc, amend_root(p), key, op->text);
}

static int make_contact(struct edits *e, const struct plan *p, const void *arg)
{
	const struct plan_op *op = arg;
	struct ykv kv[2] = {{"name", op->text, 0}, {"role", op->role, 0}};
	return yedit_map_list_append(e, &p->doc, amend_root(p), "contacts", kv, op->role ? 2 : 1);
}

int amend_goal(struct amend *a, const struct plan_op *op)
{
	size_t n = a->p->ngoals;
	for (size_t i = 0; i < n; i++)
		if (said_before(a->p->goals[i].text, op->text))
			return amend_node_err(a->p, a->p->goals[i].node, NULL,
					      _("the plan has this goal already"));
	struct plan_op o = *op; /* from --from or today, if after the start */
	if (o.day == DATE_NONE)
		o.day = a->today;
	if (a->p->start == DATE_NONE || o.day <= a->p->start)
		o.day = DATE_NONE;
	if (amend_step(a, make_goal, &o) < 0)
		return -1;
	if (a->p->ngoals != n + 1 || !amend_same(a->p->goals[n].text, op->text) ||
	    a->p->goals[n].from != o.day)
		return amend_not_held(a);
	return 0;
}

int amend_text(struct amend *a, const struct plan_op *op)
{
	int agreement = op->kind == PLAN_OP_AGREEMENT;
	const char **v = agreement ? a->p->agreements : a->p->conditions;
	size_t n = agreement ? a->p->nagreements : a->p->nconditions;
	for (size_t i = 0; i < n; i++)
		if (said_before(v[i], op->text))
			return amend_op_err(
				a, op, item_of(a->p, agreement ? "agreements" : "conditions", op->text),
				NULL,
				agreement ? _("the plan has this agreement already")
					  : _("the plan has this condition already"));
	if (amend_step(a, make_text, op) < 0)
		return -1;
	v = agreement ? a->p->agreements : a->p->conditions;
	if ((agreement ? a->p->nagreements : a->p->nconditions) != n + 1 ||
	    !amend_same(v[n], op->text))
		return amend_not_held(a);
	return 0;
}

int amend_contact(struct amend *a, const struct plan_op *op)
{
	size_t n = a->p->ncontacts;
	for (size_t i = 0; i < n; i++)
		if (amend_same(a->p->contacts[i].name, op->text) &&
		    amend_same(a->p->contacts[i].role, op->role))
			return amend_op_err(a, op, item_of(a->p, "contacts", op->text), NULL,
					    _("the plan has this contact already"));
	if (amend_step(a, make_contact, op) < 0)
		return -1;
	if (a->p->ncontacts != n + 1 || !amend_same(a->p->contacts[n].name, op->text) ||
	    !amend_same(a->p->contacts[n].role, op->role))
		return amend_not_held(a);
	return 0;
}

/* ---- agreements, conditions and contacts taken out ---- */

static const struct droplist {
	const char *key, *none, *many, *all;
} droplists[] = {
	{"agreements", N_("the plan has no agreement %s"),
	 N_("%s is in %u agreements; give more of their words"), N_("its agreements: %s")},
	{"conditions", N_("the plan has no condition %s"),
	 N_("%s is in %u conditions; give more of their words"), N_("its conditions: %s")},
	{"contacts", N_("the plan has no contact %s"),
	 N_("%s is in the names of %u contacts; give more of the name"), N_("its contacts: %s")},
};

static const struct droplist *list_of(int kind)
{
	return &droplists[kind - PLAN_OP_DROP_AGREEMENT];
}

/* What an item of such a list reads as: its text, or a contact's name. */
static const struct ynode *item_words(struct ynode *item)
{
	item = yderef(item);
	if (item->kind == Y_MAP)
		item = ymap_get(item, "name");
	item = item ? yderef(item) : NULL;
	return item && item->kind == Y_SCALAR ? item : NULL;
}

/* The one item the words typed name: the item that reads so, else the one
 * item holding them, case aside (a coach types "maandag", not the whole
 * agreement).  -1, reported, for none or more. */
static int named_item(const struct amend *a, const struct plan_op *op, uint32_t *at)
{
	const struct droplist *dl = list_of(op->kind);
	/* a list that is an alias is read through it (the change refuses it) */
	const struct ynode *l = yderef(ymap_get(amend_root(a->p), dl->key));
	uint32_t n = l && l->kind == Y_SEQ ? l->n : 0, hits = 0;
	for (int whole = 1; whole >= 0 && !hits; whole--)
		for (uint32_t i = 0; i < n; i++) {
			const struct ynode *w = item_words(l->u.kids[i]);
			if (w && (whole ? !strcmp(w->u.str, op->text)
					: utf8_case_holds(w->u.str, op->text, 0)) &&
			    hits++ == 0)
				*at = i;
		}
	if (hits == 1)
		return 0;
	char msg[320], hint[320];
	struct buf all = {0};
	for (uint32_t i = 0; i < n; i++) {
		const struct ynode *w = item_words(l->u.kids[i]);
		if (w)
			buf_printf(&all, "%s\"%s\"", all.len ? ", " : "", w->u.str);
	}
	int listed = all.len > 0;
	if (listed)
		snprintf(hint, sizeof hint, _(dl->all), all.s);
	buf_free(&all);
	if (hits)
		snprintf(msg, sizeof msg, _(dl->many), quotes(op->text), hits);
	else
		snprintf(msg, sizeof msg, _(dl->none), quotes(op->text));
	return amend_node_err(a->p, l, listed && !hits ? hint : NULL, msg);
}

struct drop {
	const char *key;
	uint32_t at;
};

static int make_drop_item(struct edits *e, const struct plan *p, const void *arg)
{
	const struct drop *d = arg;
	const struct ynode *l = ymap_get(amend_root(p), d->key);
	return yedit_seq_remove(e, &p->doc, l, d->at);
}

static size_t list_len(const struct plan *p, int kind)
{
	return kind == PLAN_OP_DROP_AGREEMENT ? p->nagreements
	       : kind == PLAN_OP_DROP_CONDITION ? p->nconditions
						: p->ncontacts;
}

/* An agreement that no longer holds, a condition met no more, a contact
 * who left: taken out of the plan.  What held before is in git's history;
 * the plan says what holds now. */
int amend_drop_item(struct amend *a, const struct plan_op *op)
{
	struct drop d = {list_of(op->kind)->key, 0};
	if (named_item(a, op, &d.at) < 0)
		return -1;
	size_t n = list_len(a->p, op->kind);
	if (amend_step(a, make_drop_item, &d) < 0)
		return -1;
	return list_len(a->p, op->kind) == n - 1 ? 0 : amend_not_held(a);
}

