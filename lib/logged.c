/* logged.c: a change of a plan's days held against the hours logged on it
 * already, in every sheet of the caseload.  An end brought before a
 * logged hour (a plan closed on an earlier day) would leave that hour out
 * of every report and declaration, and cp-check would refuse the caseload:
 * the change is refused.  An hour on a day a new pause holds (paused from
 * a day gone by) is said: the pause may start on the wrong day, or the
 * hour be on the wrong plan, and nothing but this says so.  And what
 * those hours used of the plan's grants, for a change that asks. */
#include <string.h>

#include "changes.h"

struct held {
	const struct plan *before, *after;
	struct sheet *sh;
	long out, out_minutes; /* the hours the plan would no longer hold */
	int last;              /* the last day of them */
};

static void held_at(const struct held *h, struct srcpos *at)
{
	int col = sheet_colof(h->sh, COL_DATE);
	sheet_pos(h->sh, col < 0 ? 0 : (size_t)col, at);
}

static void hold(struct held *h, const struct entry *e)
{
	char day[11], end[11], hm[24];
	struct srcpos at;
	date_format(e->date, day);
	duration_format(e->minutes, hm);
	if (plan_holds_day(h->before, e->date) && !plan_holds_day(h->after, e->date)) {
		h->out++;
		h->out_minutes += e->minutes;
		if (e->date > h->last)
			h->last = e->date;
		date_format(h->after->end, end);
		held_at(h, &at);
		cp_err_at(EX_DATAERR, &at, NULL, _("%s logged on %s, after the day plan %s would end (%s)"),
			  hm, day, h->after->id, end);
		return;
	}
	if (plan_status_on(h->after, e->date) == STATUS_PAUSED &&
	    plan_status_on(h->before, e->date) != STATUS_PAUSED) {
		held_at(h, &at);
		cp_warn_at(&at, _("%s logged on %s, a day plan %s is paused now"), hm, day,
			   h->after->id);
	}
}

/* Whether the change touches the days the plan takes hours on: else the
 * sheets, which may be large, are not read. */
static int days_changed(const struct plan *before, const struct plan *after)
{
	return before->start != after->start || before->end != after->end ||
	       before->status != after->status || before->paused != after->paused ||
	       before->npauses != after->npauses;
}

/* Every entry of plan id in every sheet of the caseload to fn, with its
 * sheet.  A directory unread is said; a sheet unread or a bad line is
 * cp-check's to report, neither said nor counted here. */
static void each_logged(const char *id, void (*fn)(void *arg, struct sheet *sh,
						   const struct entry *e), void *arg)
{
	char **sheets;
	size_t n;
	caseload_logged(NULL, 0, &sheets, &n);
	for (size_t i = 0; i < n; i++) {
		cp_errors_quiet_thread(1);
		struct sheet *sh = sheet_open(sheets[i], 0);
		struct entry e;
		int r;
		while (sh && (r = sheet_next(sh, &e)) != 0) {
			if (r < 0 || e.plan.n != strlen(id) || memcmp(e.plan.s, id, e.plan.n))
				continue;
			cp_errors_quiet_thread(0);
			fn(arg, sh, &e);
			cp_errors_quiet_thread(1);
		}
		cp_errors_quiet_thread(0);
		if (sh)
			sheet_close(sh);
	}
	paths_free(sheets, n);
}

static void hold_one(void *arg, struct sheet *sh, const struct entry *e)
{
	struct held *h = arg;
	h->sh = sh;
	hold(h, e);
}

int logged_held(const struct plan *before, const struct plan *after)
{
	if (!days_changed(before, after))
		return 0;
	struct held h = {before, after, NULL, 0, 0, DATE_NONE};
	each_logged(before->id, hold_one, &h);
	if (!h.out)
		return 0;
	char hm[24], last[11];
	duration_format(h.out_minutes, hm);
	date_format(h.last, last);
	return cp_err(EX_DATAERR,
		      ngettext("%s: %ld entry (%s) would lie after the plan's end; end it on %s or "
			       "later, or move the hour first; nothing was written",
			       "%s: %ld entries (%s) would lie after the plan's end; end it on %s or "
			       "later, or move the hours first; nothing was written",
			       (unsigned long)h.out),
		      before->id, h.out, hm, last);
}

static void use_one(void *arg, struct sheet *sh, const struct entry *e)
{
	(void)sh;
	grant_use_add(arg, e->date, e->minutes);
}

struct grant_use *logged_use(const struct plan *p)
{
	struct grant_use *u = grant_use_new(p);
	each_logged(p->id, use_one, u);
	return u;
}
