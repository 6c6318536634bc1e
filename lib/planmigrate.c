/* planmigrate.c: a plan of version 1 moved to version 2: its budget made
 * the grants it implied, and every day's grant, coach and contract hours
 * read back as before. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "amend.h"

static int make_version(struct edits *e, const struct plan *p, const void *arg)
{
	(void)arg;
	if (ymap_get(amend_root(p), "version"))
		return yedit_map_set(e, &p->doc, amend_root(p), "version", "2", 1);
	return yedit_map_insert_after(e, &p->doc, amend_root(p), NULL, "version", "2");
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
	return yedit_map_replace_pair(e, &p->doc, amend_root(p), "budget", "grants", b->s);
}

static int make_after(struct edits *e, const struct plan *p, const void *arg)
{
	const char *const *kv = arg; /* after, key, value */
	return yedit_map_insert_after(e, &p->doc, amend_root(p), kv[0], kv[1], kv[2]);
}

/* The grants, coach and contract hours read as before, day by day. */
static int same_history(const struct plan *a, const struct plan *b, size_t ngrants)
{
	if (b->ngrants != ngrants || (ngrants && !plan_has_grants(b)))
		return 0;
	for (size_t i = 0; i < ngrants; i++) {
		const struct grant *x = &a->grants[i], *y = &b->grants[i];
		if (x->from != y->from || x->to != y->to || x->minutes != y->minutes ||
		    x->funder != y->funder || !amend_same(x->ref, y->ref))
			return 0;
	}
	int last = ngrants ? b->grants[ngrants - 1].to : a->start;
	for (int day = a->start; day <= last; day += day < a->start + 40 ? 1 : 17)
		if (!amend_same(plan_coach_on(a, day), plan_coach_on(b, day)) ||
		    plan_work_on(a, day) != plan_work_on(b, day) ||
		    plan_funder_on(a, day) != plan_funder_on(b, day))
			return 0;
	return 1;
}

int amend_migrate(struct amend *a)
{
	struct plan *before = a->p;
	if (before->version >= 2)
		return amend_plan_err(before, "version", NULL,
				      _("the plan is of version 2 already"));
	/* the steps below read the plan anew: the first plan stays to compare */
	int status;
	a->p = plan_parse(a->file, xstrndup(before->doc.src, before->doc.len), before->doc.len,
			  &status);
	if (!a->p) {
		a->p = before;
		return amend_not_held(a);
	}
	struct buf grants = {0}, coaches = {0}, work = {0};
	size_t n = 0;
	int rc = amend_step(a, make_version, NULL);
	if (rc == 0 && before->budget_minutes >= 0 && before->ngrants) {
		n = migrate_grants(before, a->today, &grants);
		rc = amend_step(a, make_budget, &grants);
	} else if (rc == 0 && before->budget_minutes >= 0) /* budget: with no period in the plan */
		rc = amend_plan_err(before, "budget", _("edit the budget by hand"),
				    _("the budget has no period within the plan's dates"));
	char start[11];
	date_format(before->start, start);
	if (rc == 0 && before->coach) {
		buf_printf(&coaches, "\n- {from: %s, coach: ", start);
		yaml_put_flow_scalar(&coaches, before->coach, strlen(before->coach));
		buf_putc(&coaches, '}');
		const char *kv[] = {"coach", "coaches", coaches.s};
		rc = amend_step(a, make_after, kv);
	}
	if (rc == 0 && before->work_minutes >= 0) {
		char h[24];
		yaml_hours(before->work_minutes, h);
		buf_printf(&work, "\n- {from: %s, hours: %s}", start, h);
		const char *kv[] = {"work_hours_per_week", "work_hours", work.s};
		rc = amend_step(a, make_after, kv);
	}
	if (rc == 0 && (a->p->version != 2 || !same_history(before, a->p, n)))
		rc = amend_not_held(a);
	buf_free(&grants);
	buf_free(&coaches);
	buf_free(&work);
	plan_free(before);
	return rc;
}

