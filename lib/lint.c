/* lint.c: every problem of a caseload's files at once, for cp-check and
 * the pre-commit hook.  Plans are read once, into the plan cache; every
 * plan gets its problems reported and is then kept slim (what an entry is
 * held against), every bad line of every sheet is reported too, and every
 * good line is held against its plan.  A line whose plan cannot be read is not
 * reported again: the plan's own errors say what to mend. */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "domain.h"

static void count_file(struct lint *l, int *counted, int is_plan)
{
	if (*counted)
		return;
	*counted = 1;
	if (is_plan)
		l->bad_plans++;
	else
		l->bad_sheets++;
}

/* The sheet's own errors since before (not its plans'). */
static unsigned long sheet_errors(const struct lint *l, unsigned long before,
				  unsigned long plan_before)
{
	return cp_errors() - before - (l->plan_errors - plan_before);
}

/* Plans and sheets hold personal data: after a git clone they are 0644,
 * every one of them (until cp-new --init in the clone), so the first is
 * named and the rest counted (-v: all). */
static void private(struct lint *l, const char *path)
{
	struct stat st;
	if (!strcmp(path, "-") || stat(path, &st) || !S_ISREG(st.st_mode) || !(st.st_mode & 077))
		return;
	if (l->readable++ == 0 || l->verbose)
		cp_warn(_("%s: readable by others (mode %04o), though it holds personal data; "
			  "chmod 600 it (git makes files 0644; cp-new --init . in a clone has git "
			  "keep them 0600)"),
			path, (unsigned)(st.st_mode & 07777));
}

/* A word of the medical list in a text of a file: a warning at its place. */
struct medical_text {
	struct srcpos at;   /* where the text starts */
	const char *text;   /* the text scanned, for lines of a whole file */
	size_t len;
	int whole_file;
};

static void medical_found(void *arg, size_t off, size_t len)
{
	struct medical_text *m = arg;
	struct srcpos at = m->at;
	if (m->whole_file) { /* the line of off, for the excerpt */
		size_t start = off;
		while (start && m->text[start - 1] != '\n')
			start--;
		for (size_t i = 0; i < start; i++)
			at.line += m->text[i] == '\n';
		const char *nl = memchr(m->text + start, '\n', m->len - start);
		at.text = m->text + start;
		at.len = nl ? (size_t)(nl - at.text) : m->len - start;
		at.off = off - start;
	} else
		at.off += off;
	at.span = len;
	cp_warn_at(&at, _("%s points to medical information, which has no place in these records "
			  "(UWV); describe what happens at work instead"),
		   quote(m->text + off, len));
}

static void scan_plan(const struct lint *l, const char *path, const struct plan *p)
{
	if (!l->medical || !p || !p->src)
		return;
	struct medical_text m = {{path, 1, NULL, 0, 0, 0}, p->src, strlen(p->src), 1};
	medical_scan(l->medical, m.text, m.len, medical_found, &m);
}

/* A version 1 plan reads as it always did; how to give it a dated
 * history is said when asked (-v), for cp-check is quiet when all is well. */
static void version1(struct lint *l, const char *path, const struct plan *p)
{
	if (!p || p->version >= 2)
		return;
	l->version1++;
	if (!l->verbose)
		return;
	/* the plan by its id where that finds this file (with the -p given),
	 * else by its path */
	char *by_id = p->id ? caseload_plan_file(p->id) : NULL;
	struct stat st;
	int same = by_id && stat(path, &st) == 0 && same_file(by_id, &st);
	struct buf cmd = {0};
	buf_puts(&cmd, "cp-plan ");
	if (same && cli.plansdir)
		buf_printf(&cmd, "-p %s ", cli.plansdir);
	buf_printf(&cmd, "--migrate %s", same ? p->id : path);
	fprintf(stderr,
		_("%s: %s: a version 1 plan (budget:, funder:, coach:); %s writes them as "
		  "grants:, coaches: and work_hours: (version 2)\n"),
		cp_prog, path, cmd.s);
	buf_free(&cmd);
	free(by_id);
}

/* An evaluation.next before the plan starts reads, but cp-evaluate counts
 * it overdue before the coaching has begun; one after the end it only
 * warns about when it records one, so that is left alone here. */
static void next_before_start(const char *path, const struct plan *p)
{
	if (!p || (p->defaulted & PLAN_DEFAULT_NEXT) || p->start == DATE_NONE ||
	    p->next == DATE_NONE || p->next >= p->start)
		return;
	const char *why = plan_next_outside(p->next, p->start, DATE_NONE);
	struct ynode *next = ymap_get(ymap_get(p->doc.root, "evaluation"), "next");
	if (!next) { /* a slim plan keeps no text */
		cp_err(EX_DATAERR, "%s: %s", path, why);
		return;
	}
	struct srcpos at;
	ynode_pos(&p->doc, next, &at);
	cp_err_at(EX_DATAERR, &at, _("give a day from the start on, or leave next: out: the "
				     "start and the interval (every:) make it"),
		  "%s", why);
}

static int top_at(const struct plan *p, const char *key, struct srcpos *at)
{
	struct ynode *n = ymap_get(p->doc.root, key);
	if (n)
		ynode_pos(&p->doc, n, at);
	return n != NULL;
}

/* coach: and work_hours_per_week: say what holds today (coachplan-plan(5));
 * once the day of a change from a later day has come, they say what held
 * before, and one cp-plan wrote before that rule says the next too soon.
 * A warning: the tools go by the dated lists, a reader of the plan by the
 * top-level values. */
static void top_behind(const struct lint *l, const struct plan *p)
{
	struct srcpos at;
	const char *now = p ? plan_coach_behind(p, l->today) : NULL;
	/* once the plan has ended, they say what held on its last day */
	int ended = p && p->end != DATE_NONE && l->today > p->end;
	char end[11] = "";
	if (ended)
		date_format(p->end, end);
	if (now && p->coach && top_at(p, "coach", &at)) {
		if (ended) /* cp-plan takes no hand-over after the end to set it */
			cp_warn_at(&at,
				   _("coach: says %s, but %s coached the plan on its last day, %s "
				     "(coaches:); set coach: %s"),
				   p->coach, now, end, now);
		else
			cp_warn_at(&at,
				   _("coach: says %s, but %s coaches the plan today (coaches:); set "
				     "coach: %s, or let cp-plan %s --coach %s do it"),
				   p->coach, now, now, p->id, now);
	}
	long w = p ? plan_work_behind(p, l->today) : -1;
	char was[24], h[24], shown[24]; /* the key's value as YAML, the hours in a sentence */
	if (w < 0 || !top_at(p, "work_hours_per_week", &at))
		return;
	yaml_hours(p->work_minutes, was);
	yaml_hours(w, h);
	lang_number(strcpy(shown, h));
	if (ended)
		cp_warn_at(&at,
			   _("work_hours_per_week: says %s, but the contract hours were %s a week "
			     "on the plan's last day, %s (work_hours:); set "
			     "work_hours_per_week: %s"),
			   was, shown, end, h);
	else
		cp_warn_at(&at,
			   _("work_hours_per_week: says %s, but the contract hours are %s a week "
			     "today (work_hours:); set work_hours_per_week: %s, or let cp-plan %s "
			     "--work-hours %s do it"),
			   was, shown, h, p->id, h);
}

/* Where item's key is, and the plan's end as a date, for a warning of an
 * item the end leaves out; 0 where item has no key. */
static int end_at(const struct plan *p, struct ynode *item, const char *key, struct srcpos *at,
		  char d[11])
{
	struct ynode *n = ymap_get(item, key);
	if (!n)
		return 0;
	ynode_pos(&p->doc, n, at);
	date_format(p->end, d);
	return 1;
}

/* A hand-over, new contract hours, a pause or a grant from after the end
 * hold for no day of the plan.  cp-plan refuses to write one, but an --end
 * moved before it, or a merge of two branches, leaves it.  A warning, as
 * for a grant the end cuts: the plan reads, and each of its days has what
 * held before. */
static void after_end(const struct plan *p, struct ynode *item, int from, const char *what)
{
	struct srcpos at;
	char d[11];
	if (from != DATE_NONE && p->end != DATE_NONE && from > p->end &&
	    end_at(p, item, "from", &at, d))
		cp_warn_at(&at,
			   _("%s is after the plan ends on %s: it holds for no day of the plan; "
			     "move the end after it, or remove the item"),
			   what, d);
}

/* A pause from before the end that runs past it: its days after the end
 * are no days of the plan, as an --end moved into the pause, or a merge,
 * leaves it.  A warning at its to:, as for an item after the end. */
static void pause_past_end(const struct plan *p, struct ynode *item, const struct period *s)
{
	struct srcpos at;
	char d[11];
	if (p->end != DATE_NONE && s->from <= p->end && s->to > p->end &&
	    end_at(p, item, "to", &at, d))
		cp_warn_at(&at,
			   _("the plan ends on %s, before the pause does: its days after the end "
			     "are no days of the plan; end the pause on that day, or move the end "
			     "after it"),
			   d);
}

void lint_after_end(const struct plan *p)
{
	if (!p)
		return;
	/* a plan that loaded: span i is item i; grants are sorted, each knows its item */
	for (size_t i = 0; i < p->ncoachspans; i++)
		after_end(p, ymap_item(p->doc.root, "coaches", i), p->coachspans[i].from,
			  _("the hand-over"));
	for (size_t i = 0; i < p->nworkspans; i++)
		after_end(p, ymap_item(p->doc.root, "work_hours", i), p->workspans[i].from,
			  _("the change of hours"));
	for (size_t i = 0; i < p->npauses; i++) {
		after_end(p, ymap_item(p->doc.root, "pauses", i), p->pauses[i].from,
			  _("the pause"));
		pause_past_end(p, ymap_item(p->doc.root, "pauses", i), &p->pauses[i]);
	}
	for (size_t i = 0; i < p->ngrants; i++)
		if (!p->grants[i].implicit)
			after_end(p, p->grants[i].node, p->grants[i].from, _("the grant"));
}

/* What is checked of a plan as it reads (NULL: it did not, and said why). */
static void check_plan(struct lint *l, const char *path, const struct plan *p)
{
	scan_plan(l, path, p);
	version1(l, path, p);
	next_before_start(path, p);
	top_behind(l, p);
	lint_after_end(p);
}

int lint_plan(struct lint *l, const char *path, int cached)
{
	unsigned long before = cp_errors();
	const char *base = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
	int status, counted = 0;
	l->plans++;
	/* a plan of the cache's directory is read there once, for the sheets too */
	if (cached && l->cache && strlen(base) > 5 && id_valid(base, strlen(base) - 5)) {
		struct plan *p = plancache_get(l->cache, base, strlen(base) - 5, &status);
		check_plan(l, path, p);
		/* the sheets' entries need only its dates, pauses and goals: a
		 * caseload of thousands of plans is held in a few hundred bytes
		 * each, not in each one's text and YAML tree */
		if (p)
			plan_slim_but(p, 1);
	} else {
		struct plan *p = plan_load(path, &status);
		check_plan(l, path, p);
		plan_free(p);
	}
	private(l, path); /* after the plan's own problems, which come first */
	if (cp_errors() > before)
		count_file(l, &counted, 1);
	return counted ? -1 : 0;
}

/* The note and the internal note of the current record. */
static void scan_entry(const struct lint *l, struct sheet *sh, int internal)
{
	int cols[] = {sheet_colof(sh, COL_NOTE), internal};
	for (size_t i = 0; l->medical && i < sizeof cols / sizeof *cols; i++) {
		if (cols[i] < 0)
			continue;
		struct str v = sheet_field(sh, (size_t)cols[i]);
		struct medical_text m = {{0}, v.s, v.n, 0};
		sheet_pos(sh, (size_t)cols[i], &m.at);
		medical_scan(l->medical, v.s, v.n, medical_found, &m);
	}
}

static void col_pos(void *arg, enum sheet_col c, struct srcpos *at)
{
	struct sheet *sh = arg;
	sheet_pos(sh, (size_t)sheet_colof(sh, c), at);
}

/* Hours on a day the plan was paused: logged with --force, or before a
 * pause from an earlier day was written.  A warning, as either may be
 * right; cp-log refuses such a day unless forced. */
static void on_paused_day(struct sheet *sh, const struct plan *p, const struct entry *e)
{
	struct period pause;
	if (!plan_pause_on(p, e->date, &pause) || pause.from == DATE_NONE)
		return;
	char from[11], to[11] = "";
	date_format(pause.from, from);
	if (pause.to != PERIOD_OPEN_TO)
		date_format(pause.to, to);
	struct srcpos at;
	col_pos(sh, COL_DATE, &at);
	cp_warn_at(&at, _("a day plan %s was paused (%s..%s): mend the date or the pause, unless the "
			  "hours were logged so with --force"),
		   p->id, from, to);
}

/* An entry already in a sheet: its plan may have closed since, but the
 * day must lie within the plan's dates and the goal be one of its goals.
 * capped: the sheet's errors are past max_errors, and not printed; the
 * errors of a plan read for the first time here are printed all the same. */
static int entry_fits(struct lint *l, struct sheet *sh, const struct entry *e, int capped)
{
	int status;
	unsigned long before = cp_errors();
	if (capped)
		cp_errors_quiet(0);
	struct plan *p = plancache_get(l->cache, e->plan.s, e->plan.n, &status);
	if (capped)
		cp_errors_quiet(1);
	if (cp_errors() > before) { /* a plan not named, read for the first time: its own errors */
		l->plan_errors += cp_errors() - before;
		l->bad_plans++;
	}
	if (!p && status)
		return 0; /* a plan that cannot be read: reported with the plan */
	int rc = entry_check(l->cache, e, CHECK_HISTORY, l->today, col_pos, sh);
	if (rc == 0 && p)
		on_paused_day(sh, p, e);
	return rc;
}

/* An activity as UWV counts it (a Dutch word too), or none: what cp-log
 * -a takes; col: the activity column, or -1. */
static int activity_fits(struct sheet *sh, int col, const struct entry *e)
{
	const struct vocab *v = &vocab_activity;
	if (col < 0 || !e->activity.n || vocab_parse(v, e->activity.s, e->activity.n) >= 0)
		return 0;
	struct srcpos at;
	sheet_pos(sh, (size_t)col, &at);
	return cp_err_at(EX_DATAERR, &at, NULL, _(v->unknown), quote(e->activity.s, e->activity.n),
			 vocab_choices(v));
}

/* Hours in the sheets twice are declared twice, in one sheet or two (one
 * imported again under another name); but two like entries may be two,
 * logged with --force, so a warning, and cp-check's status stays. */
static void logged_twice(struct lint *l, struct sheet *sh, const char *path,
			 const struct entry *e)
{
	const char *file;
	if (!l->seen)
		l->seen = twice_new();
	unsigned long line = twice_seen(l->seen, e, path, &file);
	if (!line)
		return;
	struct srcpos at;
	sheet_pos(sh, (size_t)sheet_colof(sh, COL_DATE), &at);
	if (file == path)
		cp_warn_at(&at, _("the same entry as line %lu: hours logged twice are declared "
				  "twice; remove one, or tell the two apart in the note"),
			   line);
	else
		cp_warn_at(&at, _("the same entry as %s:%lu: hours logged twice are declared "
				  "twice; remove one, or tell the two apart in the note"),
			   strcmp(file, "-") ? file : _("standard input"), line);
}

int lint_sheet(struct lint *l, const char *path)
{
	unsigned long before = cp_errors(), plan_before = l->plan_errors;
	int counted = 0, capped = 0, r;
	struct entry e;
	l->sheets++;
	struct sheet *sh = sheet_open(path, 0);
	if (!sh) {
		count_file(l, &counted, 0);
		return -1;
	}
	int internal = sheet_column(sh, "internal"), activity = sheet_activity_column(sh);
	while ((r = sheet_next(sh, &e)) != 0) {
		l->lines++;
		if (r > 0) {
			scan_entry(l, sh, internal);
			logged_twice(l, sh, path, &e);
		}
		if (r < 0 || entry_check_text(&e, CHECK_HISTORY, col_pos, sh) < 0 ||
		    activity_fits(sh, activity, &e) < 0 ||
		    (l->cache && entry_fits(l, sh, &e, capped) < 0)) {
			count_file(l, &counted, 0);
			/* after the cap, errors are counted but not printed */
			if (l->max_errors && sheet_errors(l, before, plan_before) >= l->max_errors) {
				capped = 1;
				cp_errors_quiet(1);
			}
		}
	}
	sheet_close(sh);
	cp_errors_quiet(0);
	private(l, path);
	unsigned long n = sheet_errors(l, before, plan_before);
	if (l->max_errors && n > l->max_errors)
		cp_warn(ngettext("%s: %lu more error not shown", "%s: %lu more errors not shown",
				 n - l->max_errors),
			path, n - l->max_errors);
	return counted ? -1 : 0;
}

void lint_free(struct lint *l)
{
	plancache_free(l->cache);
	medical_free(l->medical);
	twice_free(l->seen);
}

void lint_leftovers(char *const *paths, size_t n)
{
	struct strmap seen = {0};
	for (size_t i = 0; i < n; i++) {
		if (!strcmp(paths[i], "-"))
			continue;
		const char *slash = strrchr(paths[i], '/');
		char *dir = !slash ? xstrdup(".") : slash == paths[i]
				 ? xstrdup("/") : xstrndup(paths[i], (size_t)(slash - paths[i]));
		int added;
		strmap_put(&seen, dir, strlen(dir), &added);
		char **left = NULL;
		size_t nleft = 0;
		if (added && atomic_leftovers(dir, &left, &nleft) == 0)
			for (size_t k = 0; k < nleft; k++)
				cp_warn(_("%s: a temporary file left by a writer that was stopped (the file "
					  "it was for is whole); remove it"), left[k]);
		paths_free(left, nleft);
		free(dir);
	}
	strmap_free(&seen, NULL);
}
