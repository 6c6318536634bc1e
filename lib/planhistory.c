/* planhistory.c: what changes a plan from a day on: its status (a pause
 * from a day, a close with its end), a hand-over to another coach, new
 * contract hours.  The days before keep what held on them. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "amend.h"

/* Item i of the list under key, else the list.  In a plan that loaded, a
 * dated list's span i is its item i. */
static const struct ynode *nth_item(const struct plan *p, const char *key, size_t i)
{
	return ymap_item(amend_root(p), key, i);
}

/* ---- status ---- */

/* The last day of the pause that a resume or a close ends, DATE_NONE if
 * none does (or the pause has no day of its own). */
static int pause_last(const struct plan *p, const struct plan_op *op)
{
	if (p->status != STATUS_PAUSED || p->paused == DATE_NONE || op->status == STATUS_PAUSED)
		return DATE_NONE;
	int last = op->status == STATUS_ACTIVE ? op->since - 1 : op->day != DATE_NONE ? op->day : p->end;
	return last != DATE_NONE && last >= p->paused ? last : DATE_NONE;
}

int pause_kept(const struct plan *p, int last)
{
	return p->status == STATUS_PAUSED && p->paused != DATE_NONE && last != DATE_NONE &&
	       last >= p->paused;
}

int pause_end_edits(struct edits *e, const struct plan *p, int last)
{
	struct ynode *root = yderef(p->doc.root), *l = ymap_get(root, "pauses");
	if (p->status != STATUS_PAUSED || !ymap_key(root, "paused"))
		return 0;
	if (!pause_kept(p, last))
		return yedit_map_remove(e, &p->doc, root, "paused");
	char from[11], to[11], item[48];
	date_format(p->paused, from);
	date_format(last, to);
	struct ykv kv[2] = {{"from", from, 1}, {"to", to, 1}};
	if (l && l->kind == Y_SEQ && l->n) /* first: the list may end where paused: begins */
		return yedit_seq_append_map(e, &p->doc, l, kv, 2) < 0
			       ? -1
			       : yedit_map_remove(e, &p->doc, root, "paused");
	snprintf(item, sizeof item, "\n- {from: %s, to: %s}", from, to);
	if (l && yedit_map_remove(e, &p->doc, root, "pauses") < 0)
		return -1;
	return yedit_map_replace_pair(e, &p->doc, root, "paused", "pauses", item);
}

static int make_status(struct edits *e, const struct plan *p, const void *arg)
{
	const struct plan_op *op = arg;
	struct ynode *root = amend_root(p);
	if (op->day != DATE_NONE) { /* the day first: a new key for it goes above status: */
		char d[11];
		date_format(op->day, d);
		if (op->status == STATUS_PAUSED ? yedit_map_set(e, &p->doc, root, "paused", d, 1) < 0
						: yedit_map_set_after(e, &p->doc, root, "start", "end", d) < 0)
			return -1;
	}
	/* the day a pause began says nothing once the plan is active or
	 * closed: the pause that ended is kept instead */
	if (op->status != STATUS_PAUSED && pause_end_edits(e, p, pause_last(p, op)) < 0)
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
		return amend_plan_err(p, "status", _("--resume opens it again"),
				      _("the plan is closed"));
	if (o.day == DATE_NONE)
		o.day = a->today;
	if (o.day < p->start || (p->end != DATE_NONE && o.day > p->end)) {
		char from[11], to[11] = "", msg[160];
		date_format(p->start, from);
		if (p->end != DATE_NONE)
			date_format(p->end, to);
		snprintf(msg, sizeof msg,
			 _("the pause would begin outside the plan, which runs %s..%s"), from, to);
		return amend_plan_err(p, o.day < p->start ? "start" : "end", NULL, msg);
	}
	if (p->npauses && o.day <= p->pauses[p->npauses - 1].to) {
		char to[11], msg[160];
		date_format(p->pauses[p->npauses - 1].to, to);
		snprintf(msg, sizeof msg, _("the last pause ended on %s; a new one begins after it"),
			 to);
		return amend_node_err(p, nth_item(p, "pauses", p->npauses - 1), NULL, msg);
	}
	if (amend_step(a, make_status, &o) < 0)
		return -1;
	return a->p->status == STATUS_PAUSED && a->p->paused == o.day ? 0 : amend_not_held(a);
}

/* A plan opened again keeps the end it closed on, unless --end moves it:
 * where that end, or the one --end gave (end_given), is gone, cp-log
 * takes no day after it. */
static void warn_ended(const struct plan *p, int today, int end_given)
{
	if (plan_ended(p, today) == DATE_NONE)
		return;
	char d[11];
	date_format(p->end, d);
	if (end_given) /* not the end it closed on: the one just typed */
		cp_warn(_("%s: the plan ends on %s, before today; cp-log takes no later day"),
			p->id, d);
	else
		cp_warn(_("%s: the plan still ends on %s; cp-log takes no later day "
			  "(--resume --end DATE moves the end)"),
			p->id, d);
}

/* The first day a paused plan is active again: since, or today; DATE_NONE
 * reported if it cannot be. */
static int resumed(const struct plan *p, int since, int today)
{
	char d[11], msg[160];
	if (since == DATE_NONE)
		since = p->status == STATUS_PAUSED && p->paused != DATE_NONE && today < p->paused
				? p->paused
				: today;
	else if (p->status != STATUS_PAUSED) {
		amend_plan_err(p, "status", _("--from says the day a pause ends"),
			       _("the plan is not paused"));
		return DATE_NONE;
	}
	if (p->status == STATUS_PAUSED && p->paused != DATE_NONE && since < p->paused) {
		date_format(p->paused, d);
		snprintf(msg, sizeof msg, _("the pause began on %s; the plan resumes on that day or after"),
			 d);
		amend_plan_err(p, "paused", NULL, msg);
		return DATE_NONE;
	}
	return since;
}

int amend_status(struct amend *a, const struct plan_op *op)
{
	const struct plan *p = a->p;
	struct plan_op o = *op;
	char d[11];
	if (p->status == op->status && !(p->defaulted & PLAN_DEFAULT_STATUS))
		return amend_plan_err(p, "status", NULL,
				      op->status == STATUS_PAUSED ? _("the plan is paused already")
				      : op->status == STATUS_CLOSED
					      ? _("the plan is closed already")
					      : _("the plan is active already"));
	if (op->status == STATUS_PAUSED)
		return pause(a, op);
	if (op->status == STATUS_ACTIVE && (o.since = resumed(p, op->since, a->today)) == DATE_NONE)
		return -1;
	if (op->status == STATUS_CLOSED && o.day == DATE_NONE)
		/* the end: today, unless the plan ended before */
		o.day = plan_ended(p, a->today) != DATE_NONE ? DATE_NONE : a->today;
	if (o.day != DATE_NONE && o.day < p->start) {
		date_format(p->start, d);
		char msg[160];
		snprintf(msg, sizeof msg, _("the plan would end before it starts on %s"), d);
		return amend_plan_err(p, "start", NULL, msg);
	}
	if (o.day != DATE_NONE && o.day == p->end && !(p->defaulted & PLAN_DEFAULT_END))
		o.day = DATE_NONE; /* no line in the diff */
	int end = o.day != DATE_NONE ? o.day : p->end;
	int last = pause_last(p, &o);
	size_t n = p->npauses;
	if (amend_step(a, make_status, &o) < 0)
		return -1;
	if (a->p->status != op->status || a->p->end != end || ymap_get(amend_root(a->p), "paused") ||
	    a->p->npauses != n + (last != DATE_NONE) ||
	    (last != DATE_NONE && a->p->pauses[n].to != last))
		return amend_not_held(a);
	if (op->status == STATUS_ACTIVE)
		warn_ended(a->p, a->today, op->day != DATE_NONE);
	if (op->status != STATUS_PAUSED && op->day != DATE_NONE) { /* --resume or --close --end */
		plan_warn_limit(a->p);
		lint_after_end(a->p);
	}
	return 0;
}

/* A plan that runs on longer, or stops sooner, its status as it is:
 * logged_held then holds the new end against the hours logged. */
static int make_end(struct edits *e, const struct plan *p, const void *arg)
{
	char d[11];
	date_format(*(const int *)arg, d);
	return yedit_map_set_after(e, &p->doc, amend_root(p), "start", "end", d);
}

int amend_end(struct amend *a, const struct plan_op *op)
{
	const struct plan *p = a->p;
	char d[11], msg[160];
	if (p->status == STATUS_CLOSED)
		return amend_plan_err(p, "status", _("--resume --end DATE opens it again with that end"),
				      _("the plan is closed"));
	if (op->day < p->start) {
		date_format(p->start, d);
		snprintf(msg, sizeof msg, _("the plan would end before it starts on %s"), d);
		return amend_plan_err(p, "start", NULL, msg);
	}
	if (p->status == STATUS_PAUSED && p->paused != DATE_NONE && op->day < p->paused) {
		date_format(p->paused, d);
		snprintf(msg, sizeof msg, _("the plan is paused from %s: --close --end ends it sooner"),
			 d);
		return amend_plan_err(p, "paused", NULL, msg);
	}
	if (op->day == p->end && !(p->defaulted & PLAN_DEFAULT_END))
		return 0;
	int status = p->status;
	if (amend_step(a, make_end, &op->day) < 0) /* p is gone: a->p is the plan now */
		return -1;
	if (a->p->end != op->day || a->p->status != status)
		return amend_not_held(a);
	plan_warn_limit(a->p);
	lint_after_end(a->p); /* as a grant it cuts, they stay: cp-plan removes none */
	return 0;
}

void plan_warn_limit(const struct plan *p)
{
	int limit = funder_limit(p->funder, p->start);
	const char *label = funder_rules(p->funder)->limit_label;
	if (limit == DATE_NONE || p->end == DATE_NONE || p->end <= limit || !label)
		return;
	char d[11];
	date_format(limit, d);
	cp_warn(_("%s: the plan ends after %s, its funder's limit (%s); coaching past it needs the "
		  "funder's consent"),
		p->id, d, _(label));
}

/* ---- a hand-over, new contract hours ---- */

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
	struct ynode *root = amend_root(p), *l = ymap_get(root, d->list);
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
	return yedit_map_set(e, &p->doc, amend_root(p), d->top, d->top_value, 1);
}

static const struct dated coach_item = {"coaches", "coach", "coach", "coach", NULL, NULL, NULL,
					NULL, 0, NULL},
			  work_item = {"work_hours", "work_hours_per_week", "work_hours_per_week",
				       "hours", NULL, NULL, NULL, NULL, 1, NULL};

/* A change from a day goes into a dated history, which a plan of
 * version 2 keeps, from the plan's start to its end. */
static int in_history(const struct plan *p, int day, const char *what)
{
	if (amend_need_version2(p) < 0 || amend_not_before_start(p, day, what) < 0)
		return -1;
	return amend_not_after_end(p, day, what);
}

/* The top-level value of a dated list says what holds today
 * (coachplan-plan(5)): where behind says it does not, and puts today's
 * as YAML in y, it is brought up to date. */
typedef int behind_fn(const struct plan *p, int today, struct buf *y);

static int top_today(struct amend *a, const struct dated *d, behind_fn *behind)
{
	struct buf top = {0};
	struct dated t = *d;
	int rc = 0;
	if (behind(a->p, a->today, &top)) {
		t.top_value = top.s;
		rc = amend_step(a, make_top, &t);
		if (rc == 0 && behind(a->p, a->today, NULL))
			rc = amend_not_held(a);
	}
	buf_free(&top);
	return rc;
}

static int coach_behind(const struct plan *p, int today, struct buf *y)
{
	const char *now = plan_coach_behind(p, today);
	if (now && y)
		yaml_put_scalar(y, now, strlen(now)); /* as coaches: spells it */
	return now != NULL;
}

static int work_behind(const struct plan *p, int today, struct buf *y)
{
	long now = plan_work_behind(p, today);
	char h[24];
	if (now >= 0 && y) {
		yaml_hours(now, h);
		buf_puts(y, h);
	}
	return now >= 0;
}

int amend_coach(struct amend *a, const struct plan_op *op)
{
	const struct plan *p = a->p;
	char from[11], start[11], msg[240];
	if (in_history(p, op->day, _("the hand-over")) < 0)
		return -1;
	const char *behind = plan_coach_behind(p, a->today);
	if (behind && utf8_same_names(behind, op->text) && amend_same(plan_coach_on(p, op->day), behind))
		return top_today(a, &coach_item, coach_behind);
	size_t n = p->ncoachspans;
	if (n && op->day <= p->coachspans[n - 1].from) {
		date_format(p->coachspans[n - 1].from, from);
		snprintf(msg, sizeof msg, _("the last hand-over is on %s; a new one comes after it"),
			 from);
		return amend_node_err(p, nth_item(p, "coaches", n - 1),
				      _("coaches: is kept oldest first"), msg);
	}
	const char *now = plan_coach_on(p, op->day); /* Robin for robin is no hand-over */
	if (now && utf8_same_names(now, op->text)) {
		size_t i = 0; /* the span of that day */
		while (i + 1 < n && p->coachspans[i + 1].from <= op->day)
			i++;
		date_format(op->day, from); /* --from may not have been given */
		snprintf(msg, sizeof msg, _("%s coaches the plan on %s already"), now, from);
		return n ? amend_node_err(p, nth_item(p, "coaches", i), NULL, msg)
			 : amend_plan_err(p, "coach", NULL, msg);
	}
	const char *c0 = plan_coach_on(p, p->start), *c1 = plan_coach_on(p, op->day - 1);
	char *was0 = c0 ? xstrdup(c0) : NULL, *was1 = c1 ? xstrdup(c1) : NULL;
	date_format(op->day, from);
	date_format(p->start, start);
	struct dated d = coach_item;
	d.start = start;
	d.old = !n && p->coach && op->day > p->start ? p->coach : NULL;
	d.from = from;
	d.value = op->text;
	int rc = amend_step(a, make_dated, &d);
	/* a hand-over from a later day leaves coach: to the coach who has the
	 * plan until then, so no reader of coach: takes the next coach for
	 * today's (and one that passed since is caught up) */
	if (rc == 0)
		rc = top_today(a, &d, coach_behind);
	if (rc == 0 &&
	    (!amend_same(plan_coach_on(a->p, op->day), op->text) ||
	     (op->day > a->p->start && (!amend_same(plan_coach_on(a->p, a->p->start), was0) ||
					!amend_same(plan_coach_on(a->p, op->day - 1), was1)))))
		rc = amend_not_held(a);
	free(was0);
	free(was1);
	return rc;
}

int amend_work_hours(struct amend *a, const struct plan_op *op)
{
	const struct plan *p = a->p;
	char from[11], start[11], h[24], old[24], msg[240];
	if (in_history(p, op->day, _("the change of hours")) < 0)
		return -1;
	long behind = plan_work_behind(p, a->today); /* the same cp-plan again catches it up */
	if (behind >= 0 && behind == op->minutes && plan_work_on(p, op->day) == behind)
		return top_today(a, &work_item, work_behind);
	size_t n = p->nworkspans;
	if (n && op->day <= p->workspans[n - 1].from) {
		date_format(p->workspans[n - 1].from, from);
		snprintf(msg, sizeof msg, _("the contract hours last changed on %s; a new change "
					    "comes after it"),
			 from);
		return amend_node_err(p, nth_item(p, "work_hours", n - 1),
				      _("work_hours: is kept oldest first"), msg);
	}
	yaml_hours(op->minutes, h);
	if (plan_work_on(p, op->day) == op->minutes) {
		size_t i = 0;
		while (i + 1 < n && p->workspans[i + 1].from <= op->day)
			i++;
		date_format(op->day, from); /* --from may not have been given */
		snprintf(msg, sizeof msg, _("the contract hours are %s a week on %s already"),
			 lang_number(strcpy(old, h)), from); /* in a sentence, not the file */
		return n ? amend_node_err(p, nth_item(p, "work_hours", i), NULL, msg)
			 : amend_plan_err(p, "work_hours_per_week", NULL, msg);
	}
	long was0 = plan_work_on(p, p->start), was1 = plan_work_on(p, op->day - 1);
	date_format(op->day, from);
	date_format(p->start, start);
	if (p->work_minutes >= 0)
		yaml_hours(p->work_minutes, old);
	struct dated d = work_item;
	d.start = start;
	d.old = !n && p->work_minutes >= 0 && op->day > p->start ? old : NULL;
	d.from = from;
	d.value = h;
	int rc = amend_step(a, make_dated, &d);
	if (rc == 0) /* from a later day: work_hours_per_week: keeps today's, as coach: */
		rc = top_today(a, &d, work_behind);
	if (rc == 0 && (plan_work_on(a->p, op->day) != op->minutes ||
			(op->day > a->p->start && (plan_work_on(a->p, a->p->start) != was0 ||
						   plan_work_on(a->p, op->day - 1) != was1))))
		rc = amend_not_held(a);
	return rc;
}

