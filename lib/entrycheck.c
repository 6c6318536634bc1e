/* entrycheck.c: does an hour entry fit its plan?  The plan must exist and be
 * active, the day must lie within the plan's dates and not in the future,
 * and a goal, if named, must be one of the plan's goals.  An entry already
 * in a sheet (CHECK_HISTORY) may be on a plan closed since, or ahead.  A
 * plan closed on its end day still takes the days up to it, and one paused
 * from a day the days before it; no plan takes the days of a pause that
 * ended (pauses:). */
#include <string.h>

#include "domain.h"

struct where {
	void (*pos)(void *, enum sheet_col, struct srcpos *);
	void *arg;
};

static int bad_as(int status, const struct where *w, enum sheet_col c, const char *hint,
		  const char *fmt, va_list ap)
{
	char msg[512];
	vsnprintf(msg, sizeof msg, fmt, ap);
	if (!w->pos) {
		cp_err(status, "%s", msg);
		if (hint)
			fprintf(stderr, " %s: %s\n", _("hint"), hint);
		return -1;
	}
	struct srcpos at;
	w->pos(w->arg, c, &at);
	return cp_err_at(status, &at, hint, "%s", msg);
}

/* An entry that does not fit its plan: a data error, wherever it came from. */
static int bad(const struct where *w, enum sheet_col c, const char *hint, const char *fmt, ...)
	CP_PRINTF(4, 5);

static int bad(const struct where *w, enum sheet_col c, const char *hint, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	bad_as(EX_DATAERR, w, c, hint, fmt, ap);
	va_end(ap);
	return -1;
}

/* Text that cannot be written: bad input data, or a bad argument. */
static int bad_text(const struct where *w, enum sheet_col c, const char *hint, const char *fmt,
		    ...) CP_PRINTF(4, 5);

static int bad_text(const struct where *w, enum sheet_col c, const char *hint, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	bad_as(w->pos ? EX_DATAERR : EX_USAGE, w, c, hint, fmt, ap);
	va_end(ap);
	return -1;
}

static int check_dates(const struct where *w, const struct plan *p, const struct entry *e,
		       int flags, int today)
{
	char day[11], from[11], to[11], hint[160];
	date_format(e->date, day);
	if (flags & CHECK_FORCE)
		return 0;
	/* A day typed without its year is the nearest such day: in December,
	 * 3-6 is next June, which is seldom the June the coach meant.  How it
	 * was typed says so (2027-01-20 was typed with its year), and a week
	 * ahead: 8 dec on the 7th is tomorrow, not last year's. */
	if (e->date > today && !(flags & CHECK_HISTORY))
		return bad(w, COL_DATE,
			   flags & CHECK_NO_YEAR && e->date > today + 7
				   ? _("a day typed without its year is the nearest such day; write the "
				       "year for the one before")
				   : _("hours are logged after the work; --force logs them anyway"),
			   _("%s is in the future"), day);
	if (!plan_holds_day(p, e->date)) {
		date_format(p->start, from);
		if (p->end != DATE_NONE)
			date_format(p->end, to);
		else
			strcpy(to, "");
		snprintf(hint, sizeof hint,
			 flags & CHECK_HISTORY ? _("plan %s runs %s..%s; mend the date, or the plan's "
						   "start or end")
					       : _("plan %s runs %s..%s; --force logs it anyway"),
			 p->id, from, to);
		return bad(w, COL_DATE, hint, _("%s lies outside plan %s"), day, p->id);
	}
	return 0;
}

static int check_goal(const struct where *w, const struct plan *p, const struct entry *e,
		      int flags)
{
	const struct goal *g = e->goal.n ? plan_goal(p, e->goal.s, e->goal.n) : NULL;
	char hint[512], day[11], from[11];
	if (!e->goal.n)
		return 0;
	if (!g)
		return bad(w, COL_GOAL, plan_goals_hint(p, e->goal.s, e->goal.n, hint, sizeof hint),
			   _("plan %s has no goal %s"), p->id, quote(e->goal.s, e->goal.n));
	/* an hour on a goal before it was set: a goal mixed up, or a day */
	if (g->from == DATE_NONE || e->date >= g->from || (flags & CHECK_FORCE))
		return 0;
	date_format(g->from, from);
	if (flags & CHECK_HISTORY) { /* logged so with --force, it may be right: said */
		struct srcpos at;
		if (w->pos) {
			w->pos(w->arg, COL_GOAL, &at);
			cp_warn_at(&at, _("goal %s of plan %s was set on %s, after this day: mend the "
					  "goal or the date, unless the hours were logged so with "
					  "--force"),
				   g->id, p->id, from);
		}
		return 0;
	}
	date_format(e->date, day);
	return bad(w, COL_GOAL, _("name the goal worked on then; --force logs it anyway"),
		   _("goal %s of plan %s was set on %s, after %s"), g->id, p->id, from, day);
}

/* The hint for a day the paused or closed plan does not take: the way
 * back, where coaching goes on, and the way past. */
static const char *way_back(const struct plan *p, const char *id, char hint[static 256])
{
	snprintf(hint, 256,
		 p->status == STATUS_PAUSED
			 ? _("cp-plan %s --resume, from today or --from DATE, once coaching goes on; "
			     "--force logs hours on it anyway")
			 : _("cp-plan %s --resume --end DATE opens it again; --force logs hours on it "
			     "anyway"),
		 id);
	return hint;
}

static int check_status(const struct where *w, const struct plan *p, const struct entry *e,
			const char *id, int flags, int today)
{
	if (flags & (CHECK_FORCE | CHECK_HISTORY))
		return 0;
	char day[11], last[11];
	struct period pause;
	if (plan_pause_on(p, e->date, &pause) && pause.to != PERIOD_OPEN_TO) {
		date_format(pause.from, day);
		date_format(pause.to, last);
		return bad(w, COL_DATE, _("--force logs hours on it anyway"),
			   _("plan %s was paused from %s to %s"), id, day, last);
	}
	if (p->status == STATUS_ACTIVE)
		return 0;
	char hint[256];
	if (p->status == STATUS_PAUSED && p->paused != DATE_NONE) {
		if (e->date < p->paused)
			return 0;
		date_format(p->paused, day);
		return bad(w, COL_DATE, way_back(p, id, hint), _("plan %s is paused since %s"), id,
			   day);
	}
	/* an end still to come, or the funder's default, says nothing of
	 * when the plan closed */
	int closed = p->status == STATUS_CLOSED ? plan_ended(p, today) : DATE_NONE;
	if (closed == DATE_NONE)
		return bad(w, COL_PLAN, way_back(p, id, hint), _("plan %s is %s"), id,
			   p->status == STATUS_CLOSED ? _("closed") : _("paused"));
	if (e->date <= closed)
		return 0;
	date_format(closed, day);
	return bad(w, COL_DATE, way_back(p, id, hint), _("plan %s closed on %s"), id, day);
}

int entry_check(struct plancache *plans, const struct entry *e, int flags, int today,
		void (*pos)(void *, enum sheet_col, struct srcpos *), void *arg)
{
	struct where w = {pos, arg};
	int status;
	char id[80];
	snprintf(id, sizeof id, "%.*s", (int)e->plan.n, e->plan.s);
	struct plan *p = plancache_get(plans, e->plan.s, e->plan.n, &status);
	if (!p && !status) {
		const char *like = plancache_like(plans, e->plan.s, e->plan.n);
		return bad(&w, COL_PLAN,
			   like ? like : _("cp-new creates a plan; -p names the plans directory"),
			   _("unknown plan %s"), quotes(id));
	}
	if (!p)
		return bad(&w, COL_PLAN, NULL, _("plan %s cannot be read (see above)"), id);
	if (check_status(&w, p, e, id, flags, today) < 0)
		return -1;
	if (check_dates(&w, p, e, flags, today) < 0)
		return -1;
	return check_goal(&w, p, e, flags);
}

/* A sheet holds one entry per line, so that git can merge it line by line:
 * no line breaks or other control characters in its texts. */
int entry_check_text(const struct entry *e, int flags,
		     void (*pos)(void *, enum sheet_col, struct srcpos *), void *arg)
{
	struct where w = {pos, arg};
	const struct {
		struct str s;
		enum sheet_col col;
		const char *what;
	} texts[] = {{e->coach, COL_COACH, N_("coach")}, {e->note, COL_NOTE, N_("note")}};
	/* quoting may double a text: the line must stay one the reader takes */
	if (2 * (e->coach.n + e->note.n) + 128 > SHEET_MAX_RECORD)
		return bad_text(&w, COL_NOTE, _("keep notes short; a sheet line is at most 1 MB"),
				_("note is too long"));
	for (size_t i = 0; i < sizeof texts / sizeof *texts; i++) {
		struct str s = texts[i].s;
		if (utf8_invalid(s.s, s.n) != s.n)
			return bad_text(&w, texts[i].col, _("save the input as UTF-8"),
				   _("%s is not valid UTF-8"), _(texts[i].what));
		for (size_t k = 0, warned = 0; k < s.n; k++) {
			int brk = s.s[k] == '\n' || s.s[k] == '\r';
			if (brk && (flags & CHECK_HISTORY) && pos) {
				/* the readers take it; git merges a sheet line by line and may tear it apart */
				struct srcpos at;
				if (!warned++) {
					pos(arg, texts[i].col, &at);
					cp_warn_at(&at, _("%s holds a line break: keep it on one line, "
							  "for git merges a sheet line by line"),
						   _(texts[i].what));
				}
				continue;
			}
			if ((unsigned char)s.s[k] < 0x20 || s.s[k] == 0x7f)
				return bad_text(&w, texts[i].col, _("a sheet holds one entry per line"),
					   _("%s holds a line break or another control character"),
					   _(texts[i].what));
		}
	}
	return 0;
}
