/* planedit.c: a plan changed from the shell (cp-plan, and cp-new for what
 * it adds to a new plan): a goal, an agreement, a condition or a contact
 * added, one of the last three taken out, the status changed, a grant
 * added, a hand-over to another coach or new contract hours from a day, a
 * version 1 plan moved to version 2.
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
#include <stdlib.h>
#include <string.h>

#include "changes.h"

struct amend {
	const char *file;
	struct plan *p; /* the text as changed so far, read */
	int today;
};

static struct ynode *root_of(const struct plan *p)
{
	return yderef(p->doc.root);
}

/* One change: its edits made against the text as it is now, applied, and
 * the result read back for the next. */
static int step(struct amend *a, int (*make)(struct edits *, const struct plan *, const void *),
		const void *arg)
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

static int not_held(const struct amend *a)
{
	return cp_err(EX_SOFTWARE, _("%s: internal error: the changed plan does not read back as "
				     "intended; nothing was written"),
		      a->file);
}

static int same(const char *a, const char *b)
{
	return a == b || (a && b && !strcmp(a, b));
}

/* A problem of the plan with a change: at the node that matters, a grant's
 * item, say. */
static int node_err(const struct plan *p, const struct ynode *n, const char *hint,
		    const char *msg)
{
	if (!n)
		return cp_err(EX_DATAERR, "%s: %s", p->doc.file, msg);
	struct srcpos at;
	ynode_pos(&p->doc, n, &at);
	return cp_err_at(EX_DATAERR, &at, hint, "%s", msg);
}

/* Or at a key's value. */
static int plan_err(const struct plan *p, const char *key, const char *hint, const char *msg)
{
	return node_err(p, key ? ymap_get(root_of(p), key) : NULL, hint, msg);
}

/* Item i of the list under key, else the list.  In a plan that loaded, a
 * dated list's span i is its item i. */
static const struct ynode *nth_item(const struct plan *p, const char *key, size_t i)
{
	struct ynode *l = ymap_get(root_of(p), key);
	return l && l->kind == Y_SEQ && i < l->n ? yderef(l->u.kids[i]) : l;
}

/* The item of the list under key that reads text (a text, or a map with
 * that name), else the list: where a change finds it there already. */
static const struct ynode *item_of(const struct plan *p, const char *key, const char *text)
{
	struct ynode *l = ymap_get(root_of(p), key);
	for (uint32_t i = 0; l && l->kind == Y_SEQ && i < l->n; i++) {
		struct ynode *item = yderef(l->u.kids[i]), *name = item;
		if (item->kind == Y_MAP)
			name = ymap_get(item, "name");
		if (name && name->kind == Y_SCALAR && same(name->u.str, text))
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
	char id[24];
	next_goal_id(p, id);
	struct ykv kv[3] = {{"id", id, 0}, {"text", op->text, 0}, {"status", "open", 1}};
	return yedit_map_list_append(e, &p->doc, root_of(p), "goals", kv, 3);
}

static int make_text(struct edits *e, const struct plan *p, const void *arg)
{
	const struct plan_op *op = arg;
	const char *key = op->kind == PLAN_OP_AGREEMENT ? "agreements" : "conditions";
	return yedit_map_list_append_text(e, &p->doc, root_of(p), key, op->text);
}

static int make_contact(struct edits *e, const struct plan *p, const void *arg)
{
	const struct plan_op *op = arg;
	struct ykv kv[2] = {{"name", op->text, 0}, {"role", op->role, 0}};
	return yedit_map_list_append(e, &p->doc, root_of(p), "contacts", kv, op->role ? 2 : 1);
}

static int add_goal(struct amend *a, const struct plan_op *op)
{
	size_t n = a->p->ngoals;
	for (size_t i = 0; i < n; i++)
		if (same(a->p->goals[i].text, op->text))
			return node_err(a->p, a->p->goals[i].node, NULL,
					_("the plan has this goal already"));
	if (step(a, make_goal, op) < 0)
		return -1;
	if (a->p->ngoals != n + 1 || !same(a->p->goals[n].text, op->text))
		return not_held(a);
	return 0;
}

static int add_text(struct amend *a, const struct plan_op *op)
{
	int agreement = op->kind == PLAN_OP_AGREEMENT;
	const char **v = agreement ? a->p->agreements : a->p->conditions;
	size_t n = agreement ? a->p->nagreements : a->p->nconditions;
	for (size_t i = 0; i < n; i++)
		if (same(v[i], op->text))
			return node_err(a->p, item_of(a->p, agreement ? "agreements" : "conditions",
						      op->text),
					NULL,
					agreement ? _("the plan has this agreement already")
						  : _("the plan has this condition already"));
	if (step(a, make_text, op) < 0)
		return -1;
	v = agreement ? a->p->agreements : a->p->conditions;
	if ((agreement ? a->p->nagreements : a->p->nconditions) != n + 1 || !same(v[n], op->text))
		return not_held(a);
	return 0;
}

static int add_contact(struct amend *a, const struct plan_op *op)
{
	size_t n = a->p->ncontacts;
	for (size_t i = 0; i < n; i++)
		if (same(a->p->contacts[i].name, op->text) && same(a->p->contacts[i].role, op->role))
			return node_err(a->p, item_of(a->p, "contacts", op->text), NULL,
					_("the plan has this contact already"));
	if (step(a, make_contact, op) < 0)
		return -1;
	if (a->p->ncontacts != n + 1 || !same(a->p->contacts[n].name, op->text) ||
	    !same(a->p->contacts[n].role, op->role))
		return not_held(a);
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
	const struct ynode *l = ymap_get(root_of(a->p), dl->key);
	uint32_t n = l && l->kind == Y_SEQ ? l->n : 0, hits = 0;
	for (int whole = 1; whole >= 0 && !hits; whole--)
		for (uint32_t i = 0; i < n; i++) {
			const struct ynode *w = item_words(l->u.kids[i]);
			if (w && (whole ? !strcmp(w->u.str, op->text)
					: strcasestr(w->u.str, op->text) != NULL) &&
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
	return node_err(a->p, l, listed && !hits ? hint : NULL, msg);
}

struct drop {
	const char *key;
	uint32_t at;
};

static int make_drop_item(struct edits *e, const struct plan *p, const void *arg)
{
	const struct drop *d = arg;
	const struct ynode *l = ymap_get(root_of(p), d->key);
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
static int drop_item(struct amend *a, const struct plan_op *op)
{
	struct drop d = {list_of(op->kind)->key, 0};
	if (named_item(a, op, &d.at) < 0)
		return -1;
	size_t n = list_len(a->p, op->kind);
	if (step(a, make_drop_item, &d) < 0)
		return -1;
	return list_len(a->p, op->kind) == n - 1 ? 0 : not_held(a);
}

/* ---- status ---- */

static int make_status(struct edits *e, const struct plan *p, const void *arg)
{
	const struct plan_op *op = arg;
	struct ynode *root = root_of(p);
	if (op->day != DATE_NONE) { /* the day first: a new key for it goes above status: */
		char d[11];
		date_format(op->day, d);
		const char *key = op->status == STATUS_PAUSED ? "paused" : "end";
		if (yedit_map_set(e, &p->doc, root, key, d, 1) < 0)
			return -1;
	}
	/* the day a pause began says nothing once the plan is active or closed */
	if (op->status != STATUS_PAUSED && yedit_map_remove(e, &p->doc, root, "paused") < 0)
		return -1;
	return yedit_map_set(e, &p->doc, root, "status", vocab_name(&vocab_status, op->status), 0);
}

/* A pause says from which day, so that the hours of the days before it
 * can still be logged, as a coach logs a week after it. */
static int pause(struct amend *a, const struct plan_op *op)
{
	const struct plan *p = a->p;
	struct plan_op o = *op;
	if (p->status == STATUS_CLOSED)
		return plan_err(p, "status", _("--resume opens it again"), _("the plan is closed"));
	if (o.day == DATE_NONE)
		o.day = a->today;
	if (o.day < p->start || (p->end != DATE_NONE && o.day > p->end)) {
		char from[11], to[11] = "", msg[160];
		date_format(p->start, from);
		if (p->end != DATE_NONE)
			date_format(p->end, to);
		snprintf(msg, sizeof msg,
			 _("the pause would begin outside the plan, which runs %s..%s"), from, to);
		return plan_err(p, o.day < p->start ? "start" : "end", NULL, msg);
	}
	if (step(a, make_status, &o) < 0)
		return -1;
	return a->p->status == STATUS_PAUSED && a->p->paused == o.day ? 0 : not_held(a);
}

/* A plan opened again keeps the end it closed on, unless --end moves it:
 * the end it had before is gone, and cp-log takes no day after it. */
static void warn_ended(const struct plan *p, int today)
{
	if (plan_ended(p, today) == DATE_NONE)
		return;
	char d[11];
	date_format(p->end, d);
	cp_warn(_("%s: the plan still ends on %s; cp-log takes no later day (--resume --end DATE "
		  "moves the end)"),
		p->id, d);
}

static int set_status(struct amend *a, const struct plan_op *op)
{
	const struct plan *p = a->p;
	struct plan_op o = *op;
	char d[11];
	if (p->status == op->status && !(p->defaulted & PLAN_DEFAULT_STATUS))
		return plan_err(p, "status", NULL,
				op->status == STATUS_PAUSED ? _("the plan is paused already")
				: op->status == STATUS_CLOSED ? _("the plan is closed already")
							       : _("the plan is active already"));
	if (op->status == STATUS_PAUSED)
		return pause(a, op);
	if (op->status == STATUS_CLOSED && o.day == DATE_NONE)
		/* the end: today, unless the plan ended before */
		o.day = plan_ended(p, a->today) != DATE_NONE ? DATE_NONE : a->today;
	if (o.day != DATE_NONE && o.day < p->start) {
		date_format(p->start, d);
		char msg[160];
		snprintf(msg, sizeof msg, _("the plan would end before it starts on %s"), d);
		return plan_err(p, "start", NULL, msg);
	}
	if (o.day != DATE_NONE && o.day == p->end && !(p->defaulted & PLAN_DEFAULT_END))
		o.day = DATE_NONE; /* no line in the diff */
	int end = o.day != DATE_NONE ? o.day : p->end;
	if (step(a, make_status, &o) < 0)
		return -1;
	if (a->p->status != op->status || a->p->end != end || ymap_get(root_of(a->p), "paused"))
		return not_held(a);
	if (op->status == STATUS_ACTIVE)
		warn_ended(a->p, a->today);
	return 0;
}

/* ---- the dated history (version 2) ---- */

static int need_version2(const struct plan *p)
{
	if (p->version >= 2)
		return 0;
	return plan_err(p, "version",
			_("move it to version 2 first: cp-plan --migrate, then try again"),
			_("a dated history (grants, coaches, contract hours) needs a plan of version 2"));
}

static int not_before_start(const struct plan *p, int day, const char *what)
{
	if (day >= p->start)
		return 0;
	char d[11], msg[200];
	date_format(p->start, d);
	snprintf(msg, sizeof msg, _("%s is before the plan starts on %s"), what, d);
	return plan_err(p, "start", NULL, msg);
}

/* Refuses a grant the plan would not read: the same rules as grant.c,
 * said of the grant given rather than of a line of a file not written. */
static int grant_check(const struct plan *p, const struct grant_spec *g, int *to)
{
	char a[11], b[11], msg[240];
	int funder = g->funder >= 0 ? g->funder : p->funder;
	int strip = g->kind == GRANT_STRIPPENKAART;
	if (need_version2(p) < 0)
		return -1;
	if (!plan_has_grants(p) && p->budget_minutes >= 0)
		return plan_err(p, "budget",
				_("the grants say what was granted: move the budget into grants: "
				  "(cp-plan --migrate does it in a version 1 plan)"),
				_("the plan counts its hours by budget:"));
	if (not_before_start(p, g->from, _("the grant")) < 0)
		return -1;
	if (grant_spec_to(g, p->funder, to) < 0) { /* the example: this grant, for 6 months */
		date_format(g->from, a);
		date_format(date_add_interval(g->from, (struct interval){6, 'm'}, 1) - 1, b);
		return cp_err(EX_USAGE, _("%s has no usual grant length: give the last day (%s..%s) "
					  "or a length (%s/6m)"),
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
		return plan_err(p, NULL, NULL,
				_("a grant by level needs the contract hours: give them first "
				  "(cp-new --hours, cp-plan --work-hours)"));
	for (size_t i = 0; !strip && i < p->ngrants; i++) {
		const struct grant *o = &p->grants[i];
		if (o->kind == GRANT_STRIPPENKAART || o->to == DATE_NONE || o->from > *to ||
		    o->to < g->from)
			continue;
		char c[11], d[11], day[11], hint[256];
		date_format(g->from, a);
		date_format(*to, b);
		date_format(o->from, c);
		date_format(o->to, d);
		if (o->ref)
			snprintf(msg, sizeof msg, _("the grant %s..%s overlaps the grant %s..%s (%s)"), a,
				 b, c, d, o->ref);
		else
			snprintf(msg, sizeof msg, _("the grant %s..%s overlaps the grant %s..%s"), a, b,
				 c, d);
		/* the way out that keeps the new grant's side of the old one */
		date_format(g->from < o->from ? o->from - 1 : o->to + 1, day);
		snprintf(hint, sizeof hint,
			 g->from < o->from ? _("one day belongs to one grant: end the new one on %s, "
					       "the day before this one starts, or take this one out "
					       "first (--drop-grant)")
					   : _("one day belongs to one grant: start the new one on %s, "
					       "the day after this one ends, or take this one out first "
					       "(--drop-grant)"),
			 day);
		return node_err(p, o->node, hint, msg);
	}
	return 0;
}

static int make_grant(struct edits *e, const struct plan *p, const void *arg)
{
	const struct plan_op *op = arg;
	struct ykv kv[8];
	struct grant_texts t;
	size_t n = grant_spec_pairs(&op->grant, kv, &t);
	struct ynode *root = root_of(p);
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

static int add_grant(struct amend *a, const struct plan_op *op)
{
	int to;
	size_t n = a->p->ngrants;
	if (grant_check(a->p, &op->grant, &to) < 0 || step(a, make_grant, op) < 0)
		return -1;
	int found = 0;
	for (size_t i = 0; i < a->p->ngrants; i++)
		found |= a->p->grants[i].from == op->grant.from && a->p->grants[i].to == to;
	return a->p->ngrants == n + 1 && found ? 0 : not_held(a);
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
		return node_err(a->p, g->node, NULL, msg);
	}
	if (g->declared == day)
		return 0;
	if (g->declared != DATE_NONE) {
		char was[11];
		date_format(g->declared, was);
		snprintf(msg, sizeof msg, _("the grant from %s was declared on %s already"), from, was);
		return node_err(a->p, g->node, _("change its declared: in the plan if that was wrong"),
				msg);
	}
	int to = g->to; /* step reads the plan anew */
	struct declared d = {k, day};
	if (step(a, make_declared, &d) < 0)
		return -1;
	if (to != DATE_NONE && day < to) { /* coaching ended early, or a mistake */
		char until[11];
		date_format(to, until);
		cp_warn(_("%s: the grant from %s runs until %s; cp-log refuses hours for it from now "
			  "on (--force logs them, for a correction)"),
			a->p->id, from, until);
	}
	return k < a->p->ngrants && a->p->grants[k].declared == day ? 0 : not_held(a);
}

/* The grant a name (a ref, or a day it holds) gives; NULL, reported, if
 * none or more than one. */
static const struct grant *named(const struct plan *p, const char *name)
{
	int several;
	const struct grant *g = grant_named(p, name, &several);
	if (g)
		return g;
	char msg[200];
	snprintf(msg, sizeof msg,
		 several == GRANT_SHARED_REF ? _("more than one grant has reference %s")
		 : several			  ? _("more than one grant starts on %s")
						  : _("no grant with reference %s or holding that day"),
		 quotes(name));
	plan_err(p, "grants",
		 several == GRANT_SHARED_REF ? _("name the grant by a day it holds")
		 : several		      ? _("name the grant by its ref:")
					      : _("name a grant by its ref: or by a day it holds"),
		 msg);
	return NULL;
}

/* The day a grant's hours went to its funder, so that cp-hours --budget
 * stops showing the grant once it has ended; "ended": every grant that
 * ended before that day and was not declared yet. */
static int declare(struct amend *a, const struct plan_op *op)
{
	if (need_version2(a->p) < 0)
		return -1;
	if (!strcmp(op->text, "ended") || !strcmp(op->text, "afgelopen")) {
		int n = 0;
		for (size_t k = 0; k < a->p->ngrants; k++) {
			const struct grant *g = &a->p->grants[k];
			if (grant_undeclared(g, op->day)) {
				if (declare_one(a, k, op->day) < 0)
					return -1;
				n++;
			}
		}
		return n ? 0 : plan_err(a->p, "grants", NULL,
					_("no grant ended before that day without being declared"));
	}
	const struct grant *g = named(a->p, op->text);
	return g ? declare_one(a, (size_t)(g - a->p->grants), op->day) : -1;
}

/* ---- a grant taken out ---- */

static int make_drop(struct edits *e, const struct plan *p, const void *arg)
{
	const struct grant *g = &p->grants[*(const size_t *)arg];
	const struct ynode *seq = yderef(ymap_get(root_of(p), "grants"));
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
static int drop_grant(struct amend *a, const struct plan_op *op)
{
	if (need_version2(a->p) < 0)
		return -1;
	const struct grant *g = named(a->p, op->text);
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
		return node_err(a->p, g->node, _("--force takes it out all the same"), msg);
	}
	int gfrom = g->from, gto = g->to;
	size_t k = (size_t)(g - a->p->grants), n = a->p->ngrants, alike = like(a->p, gfrom, gto);
	if (step(a, make_drop, &k) < 0)
		return -1;
	return a->p->ngrants == n - 1 && like(a->p, gfrom, gto) == alike - 1 ? 0 : not_held(a);
}

/* A hand-over or new contract hours: the item appended to its list, or
 * the list made with what held from the start first. */
struct dated {
	const char *list, *after, *top; /* coaches, coach, coach */
	const char *key;                /* coach, hours */
	const char *start, *old;        /* the first item, if the list is new: NULL if none */
	const char *from, *value;       /* the new item */
	int value_raw;
	const char *top_value;          /* as YAML */
};

static void put_flow_item(struct buf *b, const struct dated *d, const char *from, const char *v)
{
	buf_printf(b, "\n- {from: %s, %s: ", from, d->key);
	if (d->value_raw)
		buf_puts(b, v);
	else
		yaml_put_flow_scalar(b, v, strlen(v));
	buf_putc(b, '}');
}

static int make_dated(struct edits *e, const struct plan *p, const void *arg)
{
	const struct dated *d = arg;
	struct ynode *root = root_of(p), *l = ymap_get(root, d->list);
	if (l && l->kind == Y_SEQ && l->n) {
		struct ykv kv[2] = {{"from", d->from, 1}, {d->key, d->value, d->value_raw}};
		return yedit_seq_append_map(e, &p->doc, l, kv, 2);
	}
	struct buf b = {0};
	if (d->old)
		put_flow_item(&b, d, d->start, d->old);
	put_flow_item(&b, d, d->from, d->value);
	int rc = l ? yedit_map_replace_pair(e, &p->doc, root, d->list, d->list, b.s)
		   : yedit_map_insert_after(e, &p->doc, root, d->after, d->list, b.s);
	buf_free(&b);
	return rc;
}

static int make_top(struct edits *e, const struct plan *p, const void *arg)
{
	const struct dated *d = arg;
	return yedit_map_set(e, &p->doc, root_of(p), d->top, d->top_value, 1);
}

static int hand_over(struct amend *a, const struct plan_op *op)
{
	const struct plan *p = a->p;
	char from[11], start[11], msg[240];
	if (need_version2(p) < 0 || not_before_start(p, op->day, _("the hand-over")) < 0)
		return -1;
	size_t n = p->ncoachspans;
	if (n && op->day <= p->coachspans[n - 1].from) {
		date_format(p->coachspans[n - 1].from, from);
		snprintf(msg, sizeof msg, _("the last hand-over is on %s; a new one comes after it"),
			 from);
		return node_err(p, nth_item(p, "coaches", n - 1), _("coaches: is kept oldest first"),
				msg);
	}
	if (same(plan_coach_on(p, op->day), op->text)) {
		size_t i = 0; /* the span of that day */
		while (i + 1 < n && p->coachspans[i + 1].from <= op->day)
			i++;
		snprintf(msg, sizeof msg, _("%s coaches the plan on that day already"), op->text);
		return n ? node_err(p, nth_item(p, "coaches", i), NULL, msg)
			 : plan_err(p, "coach", NULL, msg);
	}
	const char *c0 = plan_coach_on(p, p->start), *c1 = plan_coach_on(p, op->day - 1);
	char *was0 = c0 ? xstrdup(c0) : NULL, *was1 = c1 ? xstrdup(c1) : NULL;
	struct buf name = {0};
	date_format(op->day, from);
	date_format(p->start, start);
	yaml_put_scalar(&name, op->text, strlen(op->text));
	struct dated d = {"coaches", "coach", "coach", "coach", start,
			  !n && p->coach && op->day > p->start ? p->coach : NULL,
			  from, op->text, 0, name.s};
	int rc = step(a, make_dated, &d);
	/* the plan's coach: now the newest, where the list says who coached
	 * every day from the start */
	if (rc == 0 && a->p->ncoachspans && a->p->coachspans[0].from <= a->p->start)
		rc = step(a, make_top, &d);
	if (rc == 0 && (!same(plan_coach_on(a->p, op->day), op->text) ||
			(op->day > a->p->start && (!same(plan_coach_on(a->p, a->p->start), was0) ||
						   !same(plan_coach_on(a->p, op->day - 1), was1)))))
		rc = not_held(a);
	free(was0);
	free(was1);
	buf_free(&name);
	return rc;
}

static int work_hours(struct amend *a, const struct plan_op *op)
{
	const struct plan *p = a->p;
	char from[11], start[11], h[24], old[24], msg[240];
	if (need_version2(p) < 0 || not_before_start(p, op->day, _("the change of hours")) < 0)
		return -1;
	size_t n = p->nworkspans;
	if (n && op->day <= p->workspans[n - 1].from) {
		date_format(p->workspans[n - 1].from, from);
		snprintf(msg, sizeof msg, _("the contract hours last changed on %s; a new change "
					    "comes after it"),
			 from);
		return node_err(p, nth_item(p, "work_hours", n - 1),
				_("work_hours: is kept oldest first"), msg);
	}
	yaml_hours(op->minutes, h);
	if (plan_work_on(p, op->day) == op->minutes) {
		size_t i = 0;
		while (i + 1 < n && p->workspans[i + 1].from <= op->day)
			i++;
		snprintf(msg, sizeof msg, _("the contract hours are %s a week on that day already"), h);
		return n ? node_err(p, nth_item(p, "work_hours", i), NULL, msg)
			 : plan_err(p, "work_hours_per_week", NULL, msg);
	}
	long was0 = plan_work_on(p, p->start), was1 = plan_work_on(p, op->day - 1);
	date_format(op->day, from);
	date_format(p->start, start);
	if (p->work_minutes >= 0)
		yaml_hours(p->work_minutes, old);
	struct dated d = {"work_hours", "work_hours_per_week", "work_hours_per_week", "hours", start,
			  !n && p->work_minutes >= 0 && op->day > p->start ? old : NULL,
			  from, h, 1, h};
	int rc = step(a, make_dated, &d);
	if (rc == 0 && ymap_get(root_of(a->p), "work_hours_per_week") && a->p->nworkspans &&
	    a->p->workspans[0].from <= a->p->start)
		rc = step(a, make_top, &d);
	if (rc == 0 && (plan_work_on(a->p, op->day) != op->minutes ||
			(op->day > a->p->start && (plan_work_on(a->p, a->p->start) != was0 ||
						   plan_work_on(a->p, op->day - 1) != was1))))
		rc = not_held(a);
	return rc;
}

/* ---- version 1 to version 2 ---- */

static int make_version(struct edits *e, const struct plan *p, const void *arg)
{
	(void)arg;
	if (ymap_get(root_of(p), "version"))
		return yedit_map_set(e, &p->doc, root_of(p), "version", "2", 1);
	return yedit_map_insert_after(e, &p->doc, root_of(p), NULL, "version", "2");
}

/* The implicit grants of budget: as items, up to the plan's end.  A
 * funder that grants period by period, each on a follow-up application
 * (UWV, a municipality), has granted only those that have begun: they go
 * up to the one that holds today, so that the reminder to apply for the
 * next one comes.  So does an open plan's. */
static size_t migrate_grants(const struct plan *p, int today, struct buf *b)
{
	int granted_so_far = p->end == DATE_NONE || funder_rules(p->funder)->followup_weeks > 0;
	size_t n = 0;
	for (size_t i = 0; i < p->ngrants; i++) {
		const struct grant *g = &p->grants[i];
		char from[11], to[11], h[24];
		if (granted_so_far && i > 0 && g->from > today)
			break;
		date_format(g->from, from);
		date_format(g->to, to);
		yaml_hours(g->minutes, h);
		buf_printf(b, "\n- {from: %s, to: %s, funder: %s", from, to,
			   vocab_name(&vocab_funder, g->funder));
		if (g->ref) {
			buf_puts(b, ", ref: ");
			yaml_put_flow_scalar(b, g->ref, strlen(g->ref));
		}
		buf_printf(b, ", hours: %s}", h);
		n++;
	}
	return n;
}

static int make_budget(struct edits *e, const struct plan *p, const void *arg)
{
	const struct buf *b = arg;
	return yedit_map_replace_pair(e, &p->doc, root_of(p), "budget", "grants", b->s);
}

static int make_after(struct edits *e, const struct plan *p, const void *arg)
{
	const char *const *kv = arg; /* after, key, value */
	return yedit_map_insert_after(e, &p->doc, root_of(p), kv[0], kv[1], kv[2]);
}

/* The grants, coach and contract hours read as before, day by day. */
static int same_history(const struct plan *a, const struct plan *b, size_t ngrants)
{
	if (b->ngrants != ngrants || (ngrants && !plan_has_grants(b)))
		return 0;
	for (size_t i = 0; i < ngrants; i++) {
		const struct grant *x = &a->grants[i], *y = &b->grants[i];
		if (x->from != y->from || x->to != y->to || x->minutes != y->minutes ||
		    x->funder != y->funder || !same(x->ref, y->ref))
			return 0;
	}
	int last = ngrants ? b->grants[ngrants - 1].to : a->start;
	for (int day = a->start; day <= last; day += day < a->start + 40 ? 1 : 17)
		if (!same(plan_coach_on(a, day), plan_coach_on(b, day)) ||
		    plan_work_on(a, day) != plan_work_on(b, day) ||
		    plan_funder_on(a, day) != plan_funder_on(b, day))
			return 0;
	return 1;
}

static int migrate(struct amend *a)
{
	struct plan *before = a->p;
	if (before->version >= 2)
		return plan_err(before, "version", NULL, _("the plan is of version 2 already"));
	/* the steps below read the plan anew: the first plan stays to compare */
	int status;
	a->p = plan_parse(a->file, xstrndup(before->doc.src, before->doc.len), before->doc.len,
			  &status);
	if (!a->p) {
		a->p = before;
		return not_held(a);
	}
	struct buf grants = {0}, coaches = {0}, work = {0};
	size_t n = 0;
	int rc = step(a, make_version, NULL);
	if (rc == 0 && before->budget_minutes >= 0 && before->ngrants) {
		n = migrate_grants(before, a->today, &grants);
		rc = step(a, make_budget, &grants);
	} else if (rc == 0 && before->budget_minutes >= 0) /* budget: with no period in the plan */
		rc = plan_err(before, "budget", _("edit the budget by hand"),
			      _("the budget has no period within the plan's dates"));
	char start[11];
	date_format(before->start, start);
	if (rc == 0 && before->coach) {
		buf_printf(&coaches, "\n- {from: %s, coach: ", start);
		yaml_put_flow_scalar(&coaches, before->coach, strlen(before->coach));
		buf_putc(&coaches, '}');
		const char *kv[] = {"coach", "coaches", coaches.s};
		rc = step(a, make_after, kv);
	}
	if (rc == 0 && before->work_minutes >= 0) {
		char h[24];
		yaml_hours(before->work_minutes, h);
		buf_printf(&work, "\n- {from: %s, hours: %s}", start, h);
		const char *kv[] = {"work_hours_per_week", "work_hours", work.s};
		rc = step(a, make_after, kv);
	}
	if (rc == 0 && (a->p->version != 2 || !same_history(before, a->p, n)))
		rc = not_held(a);
	buf_free(&grants);
	buf_free(&coaches);
	buf_free(&work);
	plan_free(before);
	return rc;
}

/* ---- all of it ---- */

static int one(struct amend *a, const struct plan_op *op)
{
	switch (op->kind) {
	case PLAN_OP_GOAL: return add_goal(a, op);
	case PLAN_OP_AGREEMENT:
	case PLAN_OP_CONDITION: return add_text(a, op);
	case PLAN_OP_CONTACT: return add_contact(a, op);
	case PLAN_OP_STATUS: return set_status(a, op);
	case PLAN_OP_GRANT: return add_grant(a, op);
	case PLAN_OP_COACH: return hand_over(a, op);
	case PLAN_OP_WORK: return work_hours(a, op);
	case PLAN_OP_MIGRATE: return migrate(a);
	case PLAN_OP_DECLARED: return declare(a, op);
	case PLAN_OP_DROP_GRANT: return drop_grant(a, op);
	case PLAN_OP_DROP_AGREEMENT:
	case PLAN_OP_DROP_CONDITION:
	case PLAN_OP_DROP_CONTACT: return drop_item(a, op);
	}
	return cp_err(EX_SOFTWARE, "plan_op %d", op->kind);
}

int plan_amend_text(const char *file, const char *src, size_t len, const struct plan_op *ops,
		    size_t nops, int today, struct buf *out)
{
	int status;
	struct amend a = {file, plan_parse(file, xstrndup(src, len), len, &status), today};
	if (!a.p)
		return -1;
	int rc = 0;
	for (size_t i = 0; rc == 0 && i < nops; i++)
		rc = one(&a, &ops[i]);
	if (rc == 0)
		buf_add(out, a.p->doc.src, a.p->doc.len);
	plan_free(a.p);
	return rc < 0 ? -1 : 0;
}

int plan_amend(const char *path, const struct plan_op *ops, size_t nops, int today,
	       struct buf *old, struct buf *new)
{
	struct locked lf;
	struct buf src = {0}, out = {0};
	int opened = plan_open_locked(path, &lf, &src);
	if (opened)
		return opened > 0 ? plan_file_unknown(path) : -1;
	int rc = plan_amend_text(path, src.s, src.len, ops, nops, today, &out);
	if (rc < 0)
		goto out;
	if (old) {
		buf_add(old, src.s, src.len);
		buf_add(new, out.s, out.len);
	} else if (out.s && (out.len != src.len || memcmp(out.s, src.s, src.len)))
		rc = locked_replace(&lf, out.s, out.len);
out:
	buf_free(&src);
	buf_free(&out);
	locked_close(&lf);
	return rc < 0 ? -1 : 0;
}
