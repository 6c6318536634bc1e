/* ceiling.c: the hours granted are a ceiling, seen when an hour is logged
 * rather than when it is declared: for the grants of a version 2 plan
 * (a version 1 plan's budget: works as it always did).  Before entries
 * are appended, the hours already logged on their plans (in every sheet of the caseload: other
 * coaches log on the same plan) are summed per grant or budget period;
 * an entry that takes one over what was granted, or that falls on a day
 * no grant holds for a funder that pays only within one, is refused,
 * unless forced.  After the append, what is left is said, with a warning
 * from 90 % used on.  Read the same way, an entry the sheets hold already
 * to the letter (the same command run twice) is refused too, unless
 * forced: it would be declared twice. */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "domain.h"

struct ceiling {
	struct plancache *plans;
	const char *sheet;       /* written to */
	const struct rows *rows; /* to be written */
	int force;
	int unread; /* a line of the sheets could not be read: its hours are not counted */
	struct budget *budget;
	struct budget_line *touched; /* the grants and periods the new entries fall in */
	size_t ntouched;
	/* while the check runs: the rows, as entries with their notes, and
	 * whether each is logged already */
	struct wanted {
		struct entry e;
		size_t twin; /* 1 + the earlier row it repeats; 0 */
		int again;   /* the sheets hold it already */
	} *want;
	struct day_row {
		int date;
		size_t row;
	} *by_day; /* the rows in order of their days */
};

static int add_entry(const struct entry *e, void *arg)
{
	struct ceiling *c = arg;
	budget_add(c->budget, e);
	/* a batch may be large, and so may the sheets: only the rows of e's day */
	size_t lo = 0, hi = c->rows->n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (c->by_day[mid].date < e->date)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (; lo < c->rows->n && c->by_day[lo].date == e->date; lo++)
		if (entry_same(&c->want[c->by_day[lo].row].e, e))
			c->want[c->by_day[lo].row].again = 1;
	return 0;
}

/* The hours already logged on the plans of the rows. */
static void read_logged(struct ceiling *c, char *const *sheets, size_t nsheets)
{
	c->budget = budget_new(c->plans);
	struct filter f;
	filter_init(&f);
	for (size_t i = 0; i < c->rows->n; i++)
		strlist_add(&f.plans, c->rows->v[i].v[COL_PLAN]);
	/* the sheets were checked when they were written: read what reads */
	cp_errors_quiet_thread(1);
	c->unread = scan_sheets(sheets, nsheets, &f, SCAN_KEEP_GOING, add_entry, c) != 0;
	cp_errors_quiet_thread(0);
	free(f.plans.v);
}

static void describe(struct buf *b, const struct budget_line *l)
{
	char from[11], to[11];
	date_format(l->from, from);
	if (l->to != DATE_NONE)
		date_format(l->to, to);
	const struct grant *g = l->grant;
	if (!g) {
		buf_printf(b, _("budget period %s..%s"), from, to);
		return;
	}
	buf_printf(b, _("grant %s..%s"), from, l->to != DATE_NONE ? to : "");
	const char *funder = funder_label(g->funder);
	if (g->ref)
		buf_printf(b, " (%s %s)", funder, g->ref);
	else
		buf_printf(b, " (%s)", funder);
}

/* The command that records the grant an hour on day wants: from the day
 * after the last grant before it ended (the follow-up), for the funder's
 * usual length, or up to the next grant in a gap shorter than that. */
static void grant_hint(struct buf *b, const struct plan *p, int day, int funder)
{
	int from = DATE_NONE, next = DATE_NONE;
	for (size_t i = 0; i < p->ngrants; i++) {
		const struct grant *g = &p->grants[i];
		if (g->to != DATE_NONE && g->to < day && (from == DATE_NONE || g->to >= from))
			from = g->to + 1;
		if (g->from > day && (next == DATE_NONE || g->from < next))
			next = g->from;
	}
	char d[11], to[11];
	if (from == DATE_NONE)
		from = day;
	date_format(from, d);
	int months = funder_rules(funder)->grant_months;
	struct buf g = {0};
	/* TRANSLATORS: the hours granted, a placeholder in "--grant 2027-03-03/6m:HOURS" */
	const char *hours = _("HOURS");
	if (next != DATE_NONE && (!months || date_add_months(from, months) > next)) {
		date_format(next - 1, to);
		buf_printf(&g, "%s..%s:%s", d, to, hours);
	} else if (months)
		buf_printf(&g, "%s/%dm:%s", d, months, hours);
	else
		buf_printf(&g, "%s..TO:%s", d, hours);
	buf_printf(b, _("record the grant first (cp-plan %s --grant %s), or log it with --force"),
		   p->id, g.s);
	buf_free(&g);
}

/* An hour of a grant declared already is in none of its declarations:
 * refused unless forced (and then said once a grant, in ceiling_report),
 * so that it is declared as a correction rather than never. */
static int after_declared(const struct plan *p, const struct budget_line *l, int force,
			  const struct srcpos *at)
{
	if (l->grant->declared == DATE_NONE || force)
		return 0;
	char on[11];
	struct buf what = {0};
	date_format(l->grant->declared, on);
	describe(&what, l);
	cp_err_at(EX_DATAERR, at, _("log it with --force, and declare it as a correction"),
		  _("%s: the %s was declared on %s; an hour logged to it now would be in no "
		    "declaration; nothing written"),
		  p->id, what.s, on);
	buf_free(&what);
	return -1;
}

/* at: the line of standard input the entry was read from, or NULL */
static int ceiling_add(struct ceiling *c, const struct entry *e, int force,
		       const struct srcpos *at)
{
	int status;
	const struct plan *p = plancache_get(c->plans, e->plan.s, e->plan.n, &status);
	if (!p || !plan_has_grants(p))
		return 0; /* nothing granted to hold the hour against; a version 1 plan's
			   * budget stays what it was, a figure to look at (cp-hours --budget) */
	long ungranted = budget_ungranted(c->budget, p);
	budget_add(c->budget, e);
	struct budget_line l;
	char day[11];
	date_format(e->date, day);
	if (budget_line_on(c->budget, p, e->date, &l) < 0) {
		int funder = plan_funder_on(p, e->date);
		if (force || !funder_rules(funder)->grant_required)
			return 0;
		struct buf hint = {0};
		grant_hint(&hint, p, e->date, funder);
		cp_err_at(EX_DATAERR, at, hint.s,
			  _("%s: no grant holds %s, and %s pays no hour outside a grant; nothing "
			    "written"),
			  p->id, day, funder_label(funder));
		buf_free(&hint);
		return -1;
	}
	if (after_declared(p, &l, force, at) < 0)
		return -1;
	/* a dated grant over its hours; a strippenkaart that could not take
	 * all of it (the rest would be ungranted) */
	int over = l.grant->kind == GRANT_STRIPPENKAART
			   ? budget_ungranted(c->budget, p) > ungranted
			   : l.used > l.granted;
	if (over && !force) {
		char used[24], granted[24];
		struct buf what = {0};
		duration_format(l.used + l.spilled, used);
		duration_format(l.granted, granted);
		describe(&what, &l);
		/* a grant after this one cannot take an hour of this one's days */
		if (grant_followed(p, l.grant))
			cp_err_at(EX_DATAERR, at, NULL,
				  _("%s: %s would be used of %s granted, %s; nothing written (log it "
				    "with --force)"),
				  p->id, used, granted, what.s);
		else
			cp_err_at(EX_DATAERR, at, NULL,
				  _("%s: %s would be used of %s granted, %s; nothing written (log it "
				    "with --force, or add a follow-up grant to the plan)"),
				  p->id, used, granted, what.s);
		buf_free(&what);
		return -1;
	}
	for (size_t i = 0; i < c->ntouched; i++)
		if (c->touched[i].plan == p && c->touched[i].grant == l.grant)
			return 0;
	c->touched = xreallocarray(c->touched, c->ntouched + 1, sizeof *c->touched);
	l.from = e->date; /* the day to ask again after the append */
	c->touched[c->ntouched++] = l;
	return 0;
}

/* A row cp-log is about to write, as an entry (its texts are canonical). */
static void row_entry(const struct row *r, struct entry *e)
{
	memset(e, 0, sizeof *e);
	date_parse(r->v[COL_DATE], strlen(r->v[COL_DATE]), &e->date);
	e->minutes = strtol(r->v[COL_MINUTES], NULL, 10);
	e->mode = mode_parse(r->v[COL_MODE], strlen(r->v[COL_MODE]));
	e->plan = (struct str){r->v[COL_PLAN], strlen(r->v[COL_PLAN])};
	e->coach = (struct str){r->v[COL_COACH], strlen(r->v[COL_COACH])};
	const char *goal = r->v[COL_GOAL] ? r->v[COL_GOAL] : "";
	e->goal = (struct str){goal, strlen(goal)};
	const char *note = r->v[COL_NOTE] ? r->v[COL_NOTE] : "";
	e->note = (struct str){note, strlen(note)};
}

static int by_date(const void *a, const void *b)
{
	int x = ((const struct day_row *)a)->date, y = ((const struct day_row *)b)->date;
	return (x > y) - (x < y);
}

/* The rows as entries, and their order by day, to look the sheets' up in. */
static void want_rows(struct ceiling *c)
{
	size_t n = c->rows->n ? c->rows->n : 1;
	c->want = xcalloc(n, sizeof *c->want);
	c->by_day = xcalloc(n, sizeof *c->by_day);
	for (size_t i = 0; i < c->rows->n; i++) {
		row_entry(&c->rows->v[i], &c->want[i].e);
		c->by_day[i] = (struct day_row){c->want[i].e.date, i};
	}
	qsort(c->by_day, c->rows->n, sizeof *c->by_day, by_date);
	/* a batch that holds an entry twice: the rows of one day, pairwise */
	for (size_t a = 0; a < c->rows->n; a++)
		for (size_t b = a + 1; b < c->rows->n && c->by_day[b].date == c->by_day[a].date; b++) {
			size_t i = c->by_day[a].row, j = c->by_day[b].row;
			size_t first = i < j ? i : j, later = i < j ? j : i;
			if (!c->want[later].twin && entry_same(&c->want[first].e, &c->want[later].e))
				c->want[later].twin = first + 1;
		}
}

/* An entry the sheets hold already: refused unless forced. */
static int logged_again(const struct ceiling *c, size_t i, const struct srcpos *at)
{
	const struct entry *e = &c->want[i].e;
	if ((!c->want[i].again && !c->want[i].twin) || c->force)
		return 0;
	if (!c->want[i].again)
		return cp_err_at(EX_DATAERR, at,
				 _("if it is another one, tell the two apart in its note; or log "
				   "them with --force"),
				 _("%s: the same entry as line %lu; nothing written"), e->plan.s,
				 c->rows->v[c->want[i].twin - 1].line);
	char day[11], hm[24];
	date_format(e->date, day);
	duration_format(e->minutes, hm);
	return cp_err_at(EX_DATAERR, at,
			 _("if it is another one, tell the two apart in its note; or log it "
			   "with --force"),
			 _("%s: the sheets hold this entry already: %s, %s, %s %s; nothing written"),
			 e->plan.s, day, e->coach.s, hm, mode_label(e->mode));
}

struct ceiling *ceiling_for(struct plancache *plans, const char *sheet, const struct rows *rows,
			    int force)
{
	struct ceiling *c = xcalloc(1, sizeof *c);
	c->plans = plans;
	c->sheet = sheet;
	c->rows = rows;
	c->force = force;
	return c;
}

int ceiling_check(void *arg)
{
	struct ceiling *c = arg;
	if (!c)
		return 0;
	budget_free(c->budget);
	c->ntouched = 0;
	/* every sheet of the caseload the plans are of, and the one written to */
	char *hours = caseload_hours_of(cli_plans()), **sheets = NULL;
	size_t n = 0;
	if (hours)
		sheets_expand(&hours, 1, &sheets, &n);
	free(hours);
	struct stat st; /* a FIFO or a terminal is read only by the append itself */
	int listed = stat(c->sheet, &st) < 0 || !S_ISREG(st.st_mode);
	for (size_t i = 0; i < n && !listed; i++)
		listed = same_file(sheets[i], &st);
	if (!listed) {
		sheets = xreallocarray(sheets, n + 1, sizeof *sheets);
		sheets[n++] = xstrdup(c->sheet);
	}
	want_rows(c);
	read_logged(c, sheets, n);
	paths_free(sheets, n);
	int refused = 0;
	for (size_t i = 0; i < c->rows->n; i++) {
		struct srcpos at = {_("standard input"), c->rows->v[i].line, NULL, 0, 0, 0};
		if (logged_again(c, i, at.line ? &at : NULL) < 0 ||
		    ceiling_add(c, &c->want[i].e, c->force, at.line ? &at : NULL) < 0)
			refused = 1;
	}
	free(c->want);
	free(c->by_day);
	c->want = NULL;
	c->by_day = NULL;
	return refused ? -1 : 0;
}

void ceiling_report(struct ceiling *c, int quiet, int dry_run)
{
	if (c->unread && c->ntouched)
		cp_warn(_("a line of the caseload's sheets cannot be read, so its hours are not "
			  "counted against the grants; cp-check names it"));
	for (size_t i = 0; i < c->ntouched; i++) {
		struct budget_line l;
		const struct budget_line *t = &c->touched[i];
		budget_line_on(c->budget, t->plan, t->from, &l);
		char left[24], granted[24];
		struct buf what = {0};
		long over = l.used + l.spilled - l.granted; /* logged with --force */
		duration_format(over > 0 ? over : l.granted - l.used, left);
		duration_format(l.granted, granted);
		describe(&what, &l);
		if (l.grant && l.grant->declared != DATE_NONE) { /* logged with --force */
			char on[11];
			date_format(l.grant->declared, on);
			cp_warn(_("%s: the %s was declared on %s; these hours are in no declaration yet"),
				l.plan->id, what.s, on);
		}
		if (over > 0)
			cp_warn(dry_run ? _("%s: %s would be over the %s granted, %s")
					: _("%s: %s over the %s granted, %s"),
				l.plan->id, left, granted, what.s);
		else if (!quiet)
			fprintf(stderr,
				dry_run ? _("%s: %s: %s of %s would be left, %s\n")
					: _("%s: %s: %s of %s left, %s\n"),
				cp_prog, l.plan->id, left, granted, what.s);
		if (over > 0 || l.granted <= 0 || l.used * 10 < l.granted * 9)
			;
		else if (l.grant && grant_followed(l.plan, l.grant))
			cp_warn(dry_run ? _("%s: %ld%% of the hours granted would be used")
					: _("%s: %ld%% of the hours granted are used"),
				l.plan->id, l.used * 100 / l.granted);
		else
			cp_warn(dry_run ? _("%s: %ld%% of the hours granted would be used; apply "
					    "for a follow-up in time")
					: _("%s: %ld%% of the hours granted are used; apply for a "
					    "follow-up in time"),
				l.plan->id, l.used * 100 / l.granted);
		buf_free(&what);
	}
}

void ceiling_free(struct ceiling *c)
{
	if (!c)
		return;
	budget_free(c->budget);
	free(c->touched);
	free(c);
}
