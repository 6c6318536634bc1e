/* record.c: an evaluation recorded in a plan.  The plan's text is changed
 * in place (edit.c): the evaluation appended to `evaluations`, the goals'
 * statuses, `evaluation.next`, and for a closing evaluation `status` and
 * `end`; nothing else.  One held before the plan's last, recorded late,
 * goes in its place among them, and sets only the goals no later one
 * found something of.  The result must read back holding exactly what was
 * recorded before it replaces the plan, under the plan's lock, atomically
 * (atomic.c): two coaches recording at once both land, one after the
 * other, and a crash leaves the old plan or the new one. */
#include <stdlib.h>
#include <string.h>

#include "changes.h"

/* A problem of the plan with this evaluation, shown at the plan's line
 * that matters where there is one. */
static int plan_err(const struct plan *p, const struct ynode *n, const char *hint,
		    const char *fmt, const char *arg)
{
	char msg[512];
	snprintf(msg, sizeof msg, fmt, arg);
	if (!n)
		return cp_err(EX_DATAERR, "%s: %s", p->doc.file, msg);
	struct srcpos at;
	ynode_pos(&p->doc, n, &at);
	return cp_err_at(EX_DATAERR, &at, hint, "%s", msg);
}

static int same(const char *a, const char *b)
{
	return a == b || (a && b && !strcmp(a, b));
}

/* Where an evaluation of day goes: before the first held after it, one
 * recorded late (p->nevals: last). */
static size_t place_of(const struct plan *p, int day)
{
	size_t k = p->nevals;
	while (k > 0 && p->evals[k - 1].date > day)
		k--;
	return k;
}

/* What the last of the evaluations from k on found of goal id, on *day
 * (if day): it stands over the finding of one recorded late; NULL if none did. */
static const struct goal_result *found_later(const struct plan *p, size_t k, const char *id,
					     int *day)
{
	for (size_t i = p->nevals; i-- > k;)
		for (size_t j = 0; j < p->evals[i].ngoals; j++)
			if (!strcmp(p->evals[i].goals[j].goal, id)) {
				if (day)
					*day = p->evals[i].date;
				return &p->evals[i].goals[j];
			}
	return NULL;
}

int record_check(const struct plan *p, struct record *r, int today)
{
	char d[11], hint[512];
	struct ynode *root = yderef(p->doc.root);
	if (p->status == STATUS_CLOSED) {
		snprintf(hint, sizeof hint, _("cp-plan %s --resume --end DATE opens it again"), p->id);
		return plan_err(p, ymap_get(root, "status"), hint, _("plan %s is closed"), p->id);
	}
	date_format(p->start, d);
	if (r->date < p->start)
		return plan_err(p, ymap_get(root, "start"), NULL,
				_("the evaluation is before the plan starts on %s"), d);
	if (r->date > today)
		return cp_err(EX_DATAERR, _("%s: the evaluation date is in the future; record an "
					    "evaluation once it was held"),
			      p->doc.file);
	/* one held before the last, recorded late, goes in its place; the
	 * next date and a closing are the last one's to say */
	size_t k = place_of(p, r->date);
	if (k < p->nevals && (r->close || r->next != DATE_NONE)) {
		date_format(p->evals[p->nevals - 1].date, d);
		return plan_err(p, ymap_get(root, "evaluations"),
				r->close ? _("a closing evaluation is the plan's last")
					 : _("--next goes with the plan's last evaluation"),
				_("the plan's last evaluation is later, on %s"), d);
	}
	/* the same command run twice, most likely: its marks would count twice */
	for (size_t i = k; i-- > 0 && p->evals[i].date == r->date;)
		if (same(p->evals[i].summary, r->summary)) {
			struct ynode *evs = yderef(ymap_get(root, "evaluations"));
			date_format(r->date, d);
			return plan_err(p, evs && evs->kind == Y_SEQ && i < evs->n ? evs->u.kids[i] : evs,
					_("to change it, edit the plan; another evaluation that day "
					  "needs its own summary"),
					_("the plan has this evaluation of %s already"), d);
		}
	for (size_t i = 0; i < r->ngoals; i++) {
		const struct goal_result *g = &r->goals[i];
		const struct goal *goal = plan_goal(p, g->goal, strlen(g->goal));
		if (!goal)
			return plan_err(p, ymap_key(root, "goals"),
					plan_goals_hint(p, g->goal, strlen(g->goal), hint, sizeof hint),
					_("the plan has no goal %s"), quotes(g->goal));
		/* judged before it was set: a date typed wrong, as cp-log says of an hour */
		if (goal->from != DATE_NONE && r->date < goal->from) {
			char e[11], msg[160];
			date_format(goal->from, d);
			date_format(r->date, e);
			snprintf(msg, sizeof msg,
				 _("goal %s was set on %s, after the evaluation of %s"), goal->id,
				 d, e);
			snprintf(hint, sizeof hint,
				 _("check the date of the evaluation, or leave %s out"), goal->id);
			return plan_err(p, goal->node, hint, "%s", msg);
		}
		/* either would make edits that do not read back: "status: ?", a key twice */
		if (g->status < 0 || g->status >= GOAL_STATUS_COUNT) {
			char n[16];
			snprintf(n, sizeof n, "%d", g->status);
			return vocab_unknown(&vocab_goal_status, n);
		}
		for (size_t j = 0; j < i; j++)
			if (!strcmp(r->goals[j].goal, g->goal))
				return cp_err(EX_USAGE, _("goal %s is given twice"), quotes(g->goal));
	}
	for (size_t i = 0; i < r->ngoals; i++) {
		int on;
		const struct goal_result *later = found_later(p, k, r->goals[i].goal, &on);
		if (later && later->status != r->goals[i].status) {
			date_format(on, d);
			cp_warn(_("%s: goal %s keeps the status the evaluation of %s found: %s"),
				p->doc.file, r->goals[i].goal, d,
				goal_status_label(later->status));
		}
	}
	if (k < p->nevals)
		return 0;
	if (r->close) {
		if (r->end == DATE_NONE)
			r->end = r->date;
		if (r->end < p->start)
			return cp_err(EX_DATAERR, _("%s: the plan would end before it starts"),
				      p->doc.file);
		return 0;
	}
	if (r->next == DATE_NONE)
		r->next = date_add_interval(r->date, p->every, 1);
	if (r->next <= r->date)
		return cp_err(EX_USAGE, _("the next evaluation must come after this one"));
	if (p->end != DATE_NONE && r->next > p->end) {
		date_format(p->end, d);
		cp_warn(_("%s: the next evaluation falls after the plan ends on %s"), p->doc.file, d);
	}
	return 0;
}

int goal_result_parse(char *arg, struct goal_result *g)
{
	char *eq = strchr(arg, '=');
	if (eq)
		*eq++ = '\0';
	if (!eq || !id_valid(arg, strlen(arg)))
		return cp_err(EX_USAGE, _("--goal %s: write a goal id, = and a status, as in "
					  "G1=achieved"), quotes(arg));
	g->goal = arg;
	if ((g->status = vocab_parse(&vocab_goal_status, eq, strlen(eq))) < 0)
		return vocab_unknown(&vocab_goal_status, eq);
	return 0;
}

/* {G1: achieved, G2: open} */
static void goals_flow(struct buf *b, const struct record *r)
{
	buf_putc(b, '{');
	for (size_t i = 0; i < r->ngoals; i++) {
		if (i)
			buf_puts(b, ", ");
		yaml_put_flow_scalar(b, r->goals[i].goal, strlen(r->goals[i].goal));
		buf_printf(b, ": %s", vocab_name(&vocab_goal_status, r->goals[i].status));
	}
	buf_putc(b, '}');
}

/* The marks, absence, signature and outcome, where given, as pairs of the
 * new evaluation: {employee: 7.5, employer: 8}. */
static void uwv_fields(const struct record *r, struct buf *marks, char absence[16],
		       struct ykv *item, size_t *n)
{
	char m[8];
	if (r->employee_mark >= 0 || r->employer_mark >= 0) {
		buf_putc(marks, '{');
		if (r->employee_mark >= 0) {
			mark_format(r->employee_mark, m);
			buf_printf(marks, "employee: %s", m);
		}
		if (r->employer_mark >= 0) {
			mark_format(r->employer_mark, m);
			buf_printf(marks, "%semployer: %s", r->employee_mark >= 0 ? ", " : "", m);
		}
		buf_putc(marks, '}');
		item[(*n)++] = (struct ykv){"marks", marks->s, 1};
	}
	if (r->absence_days >= 0) {
		snprintf(absence, 16, "%d", r->absence_days);
		item[(*n)++] = (struct ykv){"absence_days", absence, 1};
	}
	if (r->signed_by)
		item[(*n)++] = (struct ykv){"signed_by", r->signed_by, 0};
	if (r->outcome >= 0)
		item[(*n)++] = (struct ykv){"outcome", vocab_name(&vocab_outcome, r->outcome), 1};
}

/* The edits are made deepest first: edits at one place land in the order
 * they are made, and a line for a nested value must come before a line
 * for a key of the plan itself, or it would belong to that key. */
int record_edits(struct edits *e, const struct plan *p, const struct record *r)
{
	const struct ydoc *doc = &p->doc;
	struct ynode *root = yderef(doc->root);
	size_t k = place_of(p, r->date);
	for (size_t i = 0; i < r->ngoals; i++) {
		if (found_later(p, k, r->goals[i].goal, NULL))
			continue;
		const struct goal *g = plan_goal(p, r->goals[i].goal, strlen(r->goals[i].goal));
		struct ynode *st = ymap_get(g->node, "status");
		const char *name = vocab_name(&vocab_goal_status, r->goals[i].status);
		if (st ? st->kind == Y_SCALAR && !strcmp(st->u.str, name)
		       : r->goals[i].status == GOAL_OPEN)
			continue; /* unchanged: no line in the diff */
		if (yedit_map_set(e, doc, g->node, "status", name, 0) < 0)
			return -1;
	}
	char day[11], next[11] = "";
	int set_next = !r->close && k == p->nevals &&
		       !(p->next == r->next && !(p->defaulted & PLAN_DEFAULT_NEXT));
	/* a line under an evaluation: the plan has is made before the
	 * evaluations: where evaluation: is the plan's last key both go to
	 * its end, and next: belongs above; a new evaluation: block goes
	 * after them */
	int inside = ymap_key(root, "evaluation") != NULL;
	if (set_next)
		date_format(r->next, next);
	if (set_next && inside && yedit_map_set_in(e, doc, root, "evaluation", "next", next, 1) < 0)
		return -1;
	struct buf goals = {0}, marks = {0};
	date_format(r->date, day);
	goals_flow(&goals, r);
	struct ykv item[7] = {{"date", day, 1}, {"summary", r->summary, 0}};
	size_t n = 2;
	if (r->ngoals)
		item[n++] = (struct ykv){"goals", goals.s, 1};
	char absence[16];
	uwv_fields(r, &marks, absence, item, &n);
	struct ynode *evs = yderef(ymap_get(root, "evaluations"));
	int rc = k == p->nevals ? yedit_map_list_append(e, doc, root, "evaluations", item, n)
				: yedit_seq_insert_map(e, doc, evs, k, item, n);
	buf_free(&goals);
	buf_free(&marks);
	if (rc < 0)
		return -1;
	if (!r->close)
		return set_next && !inside ? yedit_map_set_in(e, doc, root, "evaluation", "next", next, 1)
					   : 0;
	if (p->status != STATUS_CLOSED && yedit_map_set(e, doc, root, "status", "closed", 0) < 0)
		return -1;
	if (pause_end_edits(e, p, r->end) < 0) /* a paused plan's pause ends with it */
		return -1;
	if (p->end == r->end && !(p->defaulted & PLAN_DEFAULT_END))
		return 0;
	date_format(r->end, day);
	return yedit_map_set_after(e, doc, root, "start", "end", day);
}

/* What was read back is what was meant: the new evaluation in its place, the
 * goals, the next date or the closing; the rest of the plan as before. */
int record_holds(const struct plan *before, const struct plan *after, const struct record *r)
{
	size_t k = place_of(before, r->date);
	const struct evaluation *ev = after->nevals > k ? &after->evals[k] : NULL;
	int good = ev && after->nevals == before->nevals + 1 && ev->date == r->date &&
		   same(ev->summary, r->summary) && ev->ngoals == r->ngoals &&
		   same(after->id, before->id) && same(after->name, before->name) &&
		   after->start == before->start && after->ngoals == before->ngoals &&
		   after->funder == before->funder && same(after->coach, before->coach);
	good = good && ev->employee_mark == r->employee_mark && ev->employer_mark == r->employer_mark &&
	       ev->absence_days == r->absence_days && ev->outcome == r->outcome &&
	       same(ev->signed_by, r->signed_by);
	for (size_t i = 0; good && i < r->ngoals; i++) {
		const char *id = r->goals[i].goal;
		const struct goal *g = plan_goal(after, id, strlen(id));
		const struct goal *was = plan_goal(before, id, strlen(id));
		int status = was && found_later(before, k, id, NULL) ? was->status : r->goals[i].status;
		good = g && g->status == status && same(ev->goals[i].goal, id) &&
		       ev->goals[i].status == r->goals[i].status;
	}
	for (size_t i = 0; good && i < before->nevals; i++) {
		const struct evaluation *a = &after->evals[i < k ? i : i + 1];
		good = a->date == before->evals[i].date && same(a->summary, before->evals[i].summary);
	}
	int paused = pause_kept(before, r->end);
	if (good && r->close)
		good = after->status == STATUS_CLOSED && after->end == r->end &&
		       after->npauses == before->npauses + paused &&
		       (!paused || after->pauses[before->npauses].to == r->end);
	else if (good && k < before->nevals) /* recorded late: the next date as it was */
		good = after->status == before->status && after->end == before->end &&
		       after->next == before->next &&
		       (after->defaulted & PLAN_DEFAULT_NEXT) == (before->defaulted & PLAN_DEFAULT_NEXT);
	else if (good)
		good = after->status == before->status && after->next == r->next &&
		       !(after->defaulted & PLAN_DEFAULT_NEXT) && after->end == before->end;
	if (!good)
		return cp_err(EX_SOFTWARE, _("%s: internal error: the changed plan does not read back as "
					     "intended; nothing was written"),
			      before->doc.file);
	return 0;
}

int plan_record(const char *path, struct record *r, int today, int held, struct buf *dry)
{
	struct locked lf;
	struct buf src = {0}, out = {0};
	struct edits e = {0};
	struct plan *before = NULL, *after = NULL;
	int status;
	int opened = plan_open_locked(path, &lf, &src);
	if (opened)
		return opened > 0 ? plan_file_unknown(path) : -1;
	int rc = 0;
	before = plan_parse(path, src.s, src.len, &status);
	src = (struct buf){0}; /* the plan owns it now */
	if (!before || record_check(before, r, today) < 0 || record_edits(&e, before, r) < 0) {
		rc = -1;
		goto out;
	}
	if (edits_apply(&e, before->doc.src, before->doc.len, &out) < 0) {
		rc = cp_err(EX_SOFTWARE, _("%s: internal error: edits overlap; nothing was written"), path);
		goto out;
	}
	buf_str(&out);
	after = plan_parse(path, out.s, out.len, &status);
	size_t len = out.len;
	out = (struct buf){0};
	if (!after || record_holds(before, after, r) < 0) {
		rc = after ? -1 : cp_err(EX_SOFTWARE, _("%s: internal error: the changed plan does not "
							"read back; nothing was written"),
					 path);
		goto out;
	}
	struct str was = {before->doc.src, before->doc.len}, now = {after->doc.src, len};
	if ((held && logged_held(before, after) < 0) || plan_write(&lf, path, was, now, dry) < 0) {
		rc = -1;
		goto out;
	}
	if (r->close) /* an --end past UWV's three years, as cp-plan --close says */
		plan_warn_limit(after);
out:
	plan_free(before);
	plan_free(after);
	edits_free(&e);
	buf_free(&src);
	buf_free(&out);
	locked_close(&lf);
	return rc < 0 ? -1 : 0;
}
