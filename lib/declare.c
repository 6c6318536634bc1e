/* declare.c: declarations, what a funder's portal asks per plan and
 * period: the plan, the funder's reference, the participant, the coach,
 * every entry (date, goal, what was done, mode, duration) and the totals
 * per goal and per mode; and a summary with one row per plan for the
 * administrator's batch upload.  Nothing else: no contacts, agreements,
 * conditions or evaluations.
 *
 * Hundreds of plans in one run: the plans are read once (and kept slim),
 * the sheets are read once, and only the entries of the period of the
 * funder's plans are kept, compactly; a plan is read whole again only when
 * its declaration is written.  The batch is all or nothing: a broken plan
 * or a bad line in a sheet stops it before any file is written, unless
 * keep_going, and no file is overwritten without force.
 *
 * Per grant (per_grant), a declaration is one grant of a plan, from its
 * first day to its last, for every grant of the funder that ends in the
 * period: its hours as grant.c assigns them (a strippenkaart's in date
 * order, an entry cut where a card runs out), what was granted, used and
 * over, and the evaluation that closes it.  A version 1 plan's grants are
 * its budget periods. */
#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "reports.h"

struct kept {
	int32_t date, minutes;
	uint32_t seq;              /* order read: entries of one day stay in sheet order */
	uint32_t plan, goal, note; /* offsets of NUL-terminated text in run.text */
	uint8_t mode;
	int8_t activity; /* for a logbook beside: enum activity, or -1 */
};

struct run {
	const struct declare_opts *o;
	struct planset ps;
	long *outside, *outside_minutes; /* per plan */
	struct kept *v;
	size_t n, cap;
	struct buf text;
	struct kept *pieces; /* per grant: each grant's entries, or their part in it */
	size_t npieces, piececap;
};

/* The plans that get a declaration, each with its entries: [from, to) of
 * the sorted entries, or per grant of run.pieces. */
struct decl {
	size_t plan, from, to;
	int grant;       /* -1: the plan's hours in the period; else its grant */
	long used, over; /* per grant */
	int same_day;    /* per grant: how many grants of the plan before it start that day */
	int end;         /* per grant: its last day (grant_last_day), or DATE_NONE */
};

static void put_text(struct buf *b, struct str s, uint32_t *off)
{
	*off = (uint32_t)b->len;
	buf_add(b, s.s, s.n);
	buf_putc(b, '\0');
}

/* Every entry of the period, while the plans are read on another thread:
 * which of them are the funder's is known only then. */
static int keep(const struct entry *e, void *arg)
{
	struct run *r = arg;
	if (r->n == r->cap) {
		r->cap = r->cap ? 2 * r->cap : 4096;
		r->v = xreallocarray(r->v, r->cap, sizeof *r->v);
	}
	struct kept *k = &r->v[r->n];
	*k = (struct kept){e->date, (int32_t)e->minutes, (uint32_t)r->n, 0, 0, 0, (uint8_t)e->mode,
			   -1};
	if (r->o->logbooks && e->activity.n) { /* a word no list holds is the sheet's fault */
		int act = vocab_parse(&vocab_activity, e->activity.s, e->activity.n);
		k->activity = (int8_t)(act < 0 ? ACT_OTHER : act);
	}
	r->n++;
	put_text(&r->text, e->plan, &k->plan);
	put_text(&r->text, e->goal, &k->goal);
	put_text(&r->text, e->note, &k->note);
	return 0;
}

/* The entries of a sheet's second half, read on another core, after the
 * first half's: numbered and placed on from where those end. */
static void merge_kept(void *into, void *from)
{
	struct run *r = into, *more = from;
	if (r->n + more->n > r->cap) {
		r->cap = r->n + more->n;
		r->v = xreallocarray(r->v, r->cap, sizeof *r->v);
	}
	uint32_t shift = (uint32_t)r->text.len;
	for (size_t i = 0; i < more->n; i++) {
		struct kept k = more->v[i];
		k.seq += (uint32_t)r->n;
		k.plan += shift;
		k.goal += shift;
		k.note += shift;
		r->v[r->n + i] = k;
	}
	r->n += more->n;
	if (more->text.len)
		buf_add(&r->text, more->text.s, more->text.len);
	more->n = 0;
	more->text.len = 0;
}

static void clear_kept(void *from)
{
	struct run *more = from;
	more->n = 0;
	more->text.len = 0;
}

static const char *text_of(const struct run *r, uint32_t off)
{
	return r->text.s + off;
}

static const struct run *sorting; /* qsort has no argument for it */

static int by_plan_date(const void *a, const void *b)
{
	const struct kept *x = a, *y = b;
	int c = strcmp(text_of(sorting, x->plan), text_of(sorting, y->plan));
	if (!c)
		c = cmp_num(x->date, y->date);
	return c ? c : cmp_num(x->seq, y->seq);
}

static struct entry entry_of(const struct run *r, const struct plan *p, const struct kept *k)
{
	const char *goal = text_of(r, k->goal), *note = text_of(r, k->note);
	return (struct entry){k->date, k->mode, k->minutes, {p->coach ? p->coach : "", 0},
			      {p->id, strlen(p->id)}, {goal, strlen(goal)}, {note, strlen(note)}, 0,
			      {"", 0}};
}

/* Whether funder pays any of the plan: its funder, or one of its grants'. */
static int paid_by(const struct plan *p, int funder)
{
	if (funder < 0 || p->funder == funder)
		return 1;
	for (size_t k = 0; k < p->ngrants; k++)
		if (p->grants[k].funder == funder)
			return 1;
	return 0;
}

/* The last grant of funder that overlaps the period: whose reference a
 * declaration for the period carries. */
static const struct grant *last_grant_of(const struct plan *p, int funder,
					 const struct period *per)
{
	const struct grant *last = NULL;
	for (size_t k = 0; p->grants && k < p->ngrants; k++) {
		const struct grant *g = &p->grants[k];
		if (g->funder == funder && grant_meets(g, per))
			last = g;
	}
	return last;
}

/* The reference a declaration carries: its grant's; a plan's hours in a
 * period, the last grant's of the funder declared to (of the period's last
 * day's, if none is named) in the period: a follow-up grant has a
 * reference of its own, which the plan's top-level one is not. */
static const char *reference(const struct plan *p, const struct declare_opts *o,
			     const struct grant *g)
{
	if (!g)
		g = last_grant_of(p, o->funder >= 0 ? o->funder : plan_funder_on(p, o->ro.period.to),
				  &o->ro.period);
	return g && g->ref ? g->ref : p->funder_ref;
}

/* Whom a declaration goes to, and the reference it carries; its logbook
 * names the same. */
static struct payer payer_of(const struct plan *p, const struct declare_opts *o,
			     const struct grant *g)
{
	return (struct payer){g ? g->funder : o->funder >= 0 ? o->funder : p->funder,
			      reference(p, o, g)};
}

static void head(struct report *r, const struct plan *p, const struct declare_opts *o,
		 const struct decl *d)
{
	char label[32], sub[256], coach[256];
	const struct grant *g = d->grant >= 0 ? &p->grants[d->grant] : NULL;
	struct period days = o->ro.period;
	if (g)
		days = (struct period){g->from, d->end != DATE_NONE ? d->end : g->from};
	if (g && d->end == DATE_NONE) { /* a strippenkaart still running */
		char from[11];
		date_format(g->from, from);
		snprintf(label, sizeof label, "%s..", from);
	} else
		period_format(&days, label);
	snprintf(sub, sizeof sub, g ? _("Plan %s, %s, grant %s") : _("Plan %s, %s, period %s"),
		 p->id, report_participant(p, &o->ro), label);
	report_subtitle(r, sub);
	report_section(r, "declaration", _("Declaration"));
	report_field(r, "plan", _("Plan"), cell_text(p->id));
	struct payer to = payer_of(p, o, g);
	report_field(r, "funder", _("Funder"),
		     cell_word(vocab_name(&vocab_funder, to.funder), report_funder_label(to.funder)));
	report_field(r, "funder_ref", _("Funder reference"), cell_text(to.ref));
	if (g)
		report_field(r, "kind", _("Kind of grant"),
			     cell_word(vocab_name(&vocab_grant_kind, g->kind),
				       report_grant_kind_label(g->kind)));
	report_field(r, "participant", _("Participant"),
		     cell_text(report_participant(p, &o->ro)));
	/* who coached the days declared, not the plan's newest: up to today
	 * for a strippenkaart still running or a period not over yet */
	int upto = days.to;
	if ((g && d->end == DATE_NONE) || (!g && upto > o->ro.today))
		upto = o->ro.today;
	report_field(r, "coach", _("Coach"),
		     cell_text(report_coaches_in(p, days.from, upto, coach, sizeof coach)));
	if (g) {
		report_field(r, "grant", _("Grant"), cell_text(label));
		report_field(r, "period_from", _("From"), cell_date(g->from));
		report_field(r, "period_to", _("To"), cell_date(d->end));
		report_field(r, "granted", _("Granted"), cell_minutes(g->minutes));
		report_field(r, "used", _("Used"), cell_minutes(d->used));
		report_field(r, "over", _("Over"), cell_minutes(d->over));
		return;
	}
	report_field(r, "period", _("Period"), cell_text(label));
	report_field(r, "period_from", _("From"), cell_date(o->ro.period.from));
	report_field(r, "period_to", _("To"), cell_date(o->ro.period.to));
}

static void entries(struct report *r, const struct run *run, const struct plan *p,
		    const struct kept *k, size_t n, size_t i)
{
	static const struct rcol_def cols[] = {
		{"date", N_("date"), 0},         {"goal", N_("goal"), 0},
		{"note", N_("what was done"), 0}, {"mode", N_("mode"), 0},
		{"minutes", N_("duration"), RCOL_NUMBER},
	};
	report_section(r, "entries", _("Entries"));
	struct rtable *t = report_table(r, "entries", NULL);
	RTABLE_COLS(t, cols);
	report_main(r);
	long sum = 0;
	for (size_t e = 0; e < n; e++) {
		rtable_add(t, cell_date(k[e].date));
		rtable_add(t, cell_text(text_of(run, k[e].goal)));
		rtable_add(t, cell_text(report_scrub(r, p, &run->o->ro, text_of(run, k[e].note))));
		rtable_add(t, cell_word(vocab_name(&vocab_mode, k[e].mode), report_mode_label(k[e].mode)));
		rtable_add(t, cell_minutes(k[e].minutes));
		sum += k[e].minutes;
	}
	rtable_total(t);
	rtable_add(t, cell_text(_("total")));
	for (int c = 0; c < 3; c++)
		rtable_add(t, cell_empty());
	rtable_add(t, cell_minutes(sum));
	if (run->outside[i]) {
		char hm[24], text[256];
		duration_format(run->outside_minutes[i], hm);
		snprintf(text, sizeof text,
			 _("Left out: %ld entries (%s hours) in the period outside the plan's dates."),
			 run->outside[i], hm);
		report_text(r, "outside", NULL, text);
	}
}

/* Totals per goal and per mode, summed by the aggregator cp-hours uses. */
static void totals(struct report *r, const struct run *run, const struct plan *p,
		   const struct kept *k, size_t n, struct totals *all)
{
	enum key goal = KEY_GOAL;
	struct agg *a = agg_new(&goal, 1, 0);
	for (size_t e = 0; e < n; e++) {
		struct entry en = entry_of(run, p, &k[e]);
		agg_add(a, &en);
	}
	report_section(r, "totals", _("Totals"));
	static const struct rcol_def goal_cols[] = {
		{"goal", N_("goal"), 0}, {"text", N_("text"), 0},
		{"entries", N_("entries"), RCOL_NUMBER}, {"minutes", N_("hours"), RCOL_NUMBER},
	};
	static const struct rcol_def mode_cols[] = {
		{"mode", N_("mode"), 0},
		{"minutes", N_("hours"), RCOL_NUMBER}, {"share", N_("share"), RCOL_NUMBER},
	};
	struct rtable *t = report_table(r, "per_goal", _("Per goal"));
	RTABLE_COLS(t, goal_cols);
	size_t ng;
	struct group **g = agg_groups(a, &ng);
	char id[300];
	memset(all, 0, sizeof *all);
	for (size_t i = 0; i < ng; i++) {
		const struct totals *tt = group_totals(g[i]);
		group_label(a, g[i], 0, id, sizeof id);
		const struct goal *gl = *id ? plan_goal(p, id, strlen(id)) : NULL;
		rtable_add(t, *id ? cell_text(id) : cell_word("", _("no goal")));
		rtable_add(t, cell_text(gl ? report_scrub(r, p, &run->o->ro, gl->text) : NULL));
		rtable_add(t, cell_count(tt->entries));
		rtable_add(t, cell_minutes(tt->minutes));
		all->minutes += tt->minutes;
		all->entries += tt->entries;
		for (int m = 0; m < MODE_COUNT; m++)
			all->mode[m] += tt->mode[m];
	}
	agg_free(a);
	rtable_total(t);
	rtable_add(t, cell_text(_("total")));
	rtable_add(t, cell_empty());
	rtable_add(t, cell_count(all->entries));
	rtable_add(t, cell_minutes(all->minutes));

	t = report_table(r, "per_mode", _("Per mode"));
	RTABLE_COLS(t, mode_cols);
	for (int m = 0; m < MODE_COUNT; m++) {
		if (m == MODE_OTHER && !all->mode[m])
			continue; /* a row for other only where there are such hours */
		rtable_add(t, cell_word(vocab_name(&vocab_mode, m), report_mode_label(m)));
		rtable_add(t, cell_minutes(all->mode[m]));
		rtable_add(t, cell_percent(all->mode[m], all->minutes));
	}
	rtable_total(t);
	rtable_add(t, cell_text(_("total")));
	rtable_add(t, cell_minutes(all->minutes));
	rtable_add(t, cell_percent(all->minutes, all->minutes));

	long remote = totals_remote(all);
	report_field(r, "minutes", _("Total"), cell_minutes(all->minutes));
	report_field(r, "onsite", _("On site"), cell_minutes(all->mode[MODE_ONSITE]));
	report_field(r, "remote", _("Remote (phone, email, video, chat)"), cell_minutes(remote));
	report_field(r, "remote_share", _("Remote share"), cell_percent(remote, all->minutes));
	report_field(r, "entries", _("Entries"), cell_count(all->entries));
}

static void evaluation(struct report *r, const struct plan *p, const struct decl *d,
		       const struct report_opts *o)
{
	const struct grant *g = &p->grants[d->grant];
	int last = d->end != DATE_NONE ? d->end : o->today;
	const struct evaluation *ev = grant_closing(p, g, last);
	report_section(r, "evaluation", _("Evaluation"));
	if (!ev) {
		report_text(r, "evaluation", NULL,
			    _("No evaluation that closes this grant was recorded."));
		return;
	}
	char mark[8];
	report_field(r, "date", _("Date"), cell_date(ev->date));
	report_text(r, "summary", _("Summary"),
		    ev->summary ? report_scrub(r, p, o, ev->summary) : _("No summary."));
	for (size_t i = 0; i < ev->ngoals; i++) {
		char item[256];
		snprintf(item, sizeof item, "%s: %s", ev->goals[i].goal,
			 report_goal_status_label(ev->goals[i].status));
		report_item(r, "goals", _("Goals"), item);
	}
	if (ev->employee_mark >= 0) {
		mark_format(ev->employee_mark, mark);
		report_field(r, "employee_mark", _("Employee's mark"), cell_text(report_str(r, mark)));
	}
	if (ev->employer_mark >= 0) {
		mark_format(ev->employer_mark, mark);
		report_field(r, "employer_mark", _("Employer's mark"), cell_text(report_str(r, mark)));
	}
	if (ev->absence_days >= 0)
		report_field(r, "absence_days", _("Days of absence"), cell_count(ev->absence_days));
	if (ev->signed_by)
		report_field(r, "signed_by", _("Signed by"),
			     cell_text(report_scrub(r, p, o, ev->signed_by)));
}

/* A declaration's entries, d->to - d->from of them. */
static const struct kept *entries_of(const struct run *run, const struct decl *d)
{
	return (d->grant >= 0 ? run->pieces : run->v) + d->from;
}

static struct report *declaration(const struct run *run, const struct plan *p,
				  const struct decl *d, struct totals *all)
{
	const struct kept *k = entries_of(run, d);
	struct report *r = report_new("declaration", _("Declaration of hours"));
	head(r, p, run->o, d);
	entries(r, run, p, k, d->to - d->from, d->plan);
	totals(r, run, p, k, d->to - d->from, all);
	if (d->grant >= 0)
		evaluation(r, p, d, &run->o->ro);
	if (run->o->ro.stamp)
		report_stamp(r, run->o->ro.stamp);
	return r;
}

/* A declaration per grant names each grant; one per plan, the plan. */
static const struct rcol_def per_grant[] = {
	{"plan", N_("plan"), 0}, {"ref", N_("reference"), 0}, {"participant", N_("participant"), 0},
	{"kind", N_("kind"), 0}, {"funder", N_("funder"), 0}, {"from", N_("from"), 0},
	{"to", N_("to"), 0},
	{"granted_minutes", N_("granted"), RCOL_NUMBER}, {"used_minutes", N_("used"), RCOL_NUMBER},
	{"over_minutes", N_("over"), RCOL_NUMBER},
};
static const struct rcol_def per_plan[] = {
	{"plan", N_("plan"), 0}, {"funder_ref", N_("funder reference"), 0},
	{"participant", N_("participant"), 0}, {"minutes", N_("hours"), RCOL_NUMBER},
};
static const struct rcol_def per_mode_and_count[] = {
	{"onsite_minutes", N_("on site"), RCOL_NUMBER},
	{"remote_minutes", N_("remote"), RCOL_NUMBER}, {"entries", N_("entries"), RCOL_NUMBER},
};

static struct report *summary_new(const struct declare_opts *o, struct rtable **t)
{
	char label[32], sub[128];
	period_format(&o->ro.period, label);
	struct report *r = report_new("summary", _("Declarations"));
	if (o->per_grant && o->ro.period.from == PERIOD_OPEN_FROM &&
	    o->ro.period.to == PERIOD_OPEN_TO)
		snprintf(sub, sizeof sub, _("Funder %s, every grant"),
			 o->funder >= 0 ? report_funder_label(o->funder) : "");
	else
		snprintf(sub, sizeof sub,
			 o->per_grant ? _("Funder %s, grants that end in %s") : _("Funder %s, period %s"),
			 o->funder >= 0 ? report_funder_label(o->funder) : "", label);
	report_subtitle(r, sub);
	report_section(r, "plans", _("Plans"));
	*t = report_table(r, "plans", NULL);
	report_main(r);
	if (o->per_grant)
		RTABLE_COLS(*t, per_grant);
	else
		RTABLE_COLS(*t, per_plan);
	RTABLE_COLS(*t, per_mode_and_count);
	return r;
}

static void summary_row(struct rtable *t, const struct plan *p, const struct decl *d,
			const struct declare_opts *o, const struct totals *all)
{
	const struct grant *g = d->grant >= 0 ? &p->grants[d->grant] : NULL;
	rtable_add(t, cell_text(p->id));
	rtable_add(t, cell_text(reference(p, o, g)));
	rtable_add(t, cell_text(report_participant(p, &o->ro)));
	if (g) {
		rtable_add(t, cell_word(vocab_name(&vocab_grant_kind, g->kind),
					report_grant_kind_label(g->kind)));
		rtable_add(t, cell_word(vocab_name(&vocab_funder, g->funder), report_funder_label(g->funder)));
		rtable_add(t, cell_date(g->from));
		rtable_add(t, cell_date(d->end));
		rtable_add(t, cell_minutes(g->minutes));
		rtable_add(t, cell_minutes(d->used));
		rtable_add(t, cell_minutes(d->over));
	} else
		rtable_add(t, cell_minutes(all->minutes));
	rtable_add(t, cell_minutes(all->mode[MODE_ONSITE]));
	rtable_add(t, cell_minutes(totals_remote(all)));
	rtable_add(t, cell_count(all->entries));
}

/* mkdir -p, mode 0700: declarations hold personal data. */
static int make_dirs(const char *dir)
{
	char *path = xstrdup(dir);
	int rc = 0;
	for (char *p = path + 1;; p++) {
		if (*p && *p != '/')
			continue;
		char c = *p;
		*p = '\0';
		struct stat st;
		if (mkdir(path, 0700) < 0 && !(errno == EEXIST && stat(path, &st) == 0 &&
					       S_ISDIR(st.st_mode))) {
			rc = cp_errno(EX_CANTCREAT, _("%s: cannot create directory"), path);
			break;
		}
		*p = c;
		if (!c)
			break;
	}
	free(path);
	return rc;
}

static char *target(const struct declare_opts *o, const char *name, const char *ext)
{
	struct buf b = {0};
	buf_printf(&b, "%s%s%s.%s", o->dir, o->dir[strlen(o->dir) - 1] == '/' ? "" : "/", name, ext);
	return b.s;
}

/* A declaration's file: the plan's id; per grant, with the grant's first
 * day (P-2026-014_2026-03-01), and _2, _3 for more grants from that day;
 * the logbook beside it (logbook 1) ends in _logbook. */
static char *decl_target(const struct run *run, const struct decl *d, int logbook)
{
	const struct plan *p = run->ps.plans[d->plan];
	const char *tail = logbook ? "_logbook" : "";
	char from[11], name[160];
	if (d->grant < 0)
		snprintf(name, sizeof name, "%s%s", p->id, tail);
	else {
		date_format(p->grants[d->grant].from, from);
		if (d->same_day)
			snprintf(name, sizeof name, "%s_%s_%d%s", p->id, from, d->same_day + 1, tail);
		else
			snprintf(name, sizeof name, "%s_%s%s", p->id, from, tail);
	}
	return target(run->o, name, run->o->fmt->ext);
}

/* Without force, refuses before writing anything if a file is there. */
static int check_targets(const struct run *run, const struct decl *d, size_t nd)
{
	const struct declare_opts *o = run->o;
	size_t exist = 0;
	char *first = NULL;
	for (size_t i = 0; i <= nd; i++) {
		if (i < nd && d[i].from == d[i].to)
			continue;
		int files = i < nd && o->logbooks ? 2 : 1; /* the logbook beside it */
		for (int logbook = 0; logbook < files; logbook++) {
			char *path = i < nd ? decl_target(run, &d[i], logbook)
					    : target(o, "summary", "csv");
			struct stat st;
			if (lstat(path, &st) == 0 && exist++ == 0)
				first = path;
			else
				free(path);
		}
	}
	if (!exist)
		return 0;
	if (exist == 1)
		cp_err(EX_CANTCREAT, _("%s exists; use --force to replace it"), first);
	else
		cp_err(EX_CANTCREAT, _("%s and %zu more files exist; use --force to replace them"),
		       first, exist - 1);
	free(first);
	return -1;
}

/* Beside a declaration, the logbook of the same hours, to sign. */
static int write_logbook(const struct run *run, const struct plan *p, const struct decl *d)
{
	const struct declare_opts *o = run->o;
	const struct kept *k = entries_of(run, d);
	size_t n = d->to - d->from;
	struct logbook_line *v = xcalloc(n ? n : 1, sizeof *v);
	for (size_t e = 0; e < n; e++)
		v[e] = (struct logbook_line){k[e].date, k[e].mode, k[e].activity, k[e].minutes,
					     text_of(run, k[e].goal), text_of(run, k[e].note)};
	const struct grant *g = d->grant >= 0 ? &p->grants[d->grant] : NULL;
	struct period period = o->ro.period;
	struct outside outside = {0, 0}; /* a grant's days are all the plan's */
	if (g) {
		period = grant_days(p, g, o->ro.today);
		if (d->end != DATE_NONE) /* a strippenkaart's: when it was used up */
			period.to = d->end;
	} else
		outside = (struct outside){run->outside[d->plan], run->outside_minutes[d->plan]};
	struct payer to = payer_of(p, o, g);
	struct report *r = logbook_of(p, g, &to, &period, v, n, outside, &o->ro);
	char *path = decl_target(run, d, 1);
	int rc = report_write(r, o->fmt, path, o->force);
	free(path);
	report_free(r);
	free(v);
	return rc;
}

static int write_all(struct run *run, const struct decl *d, size_t nd)
{
	const struct declare_opts *o = run->o;
	struct rtable *sum = NULL;
	lang_push(o->ro.lang); /* the reports' language; problems are told in the messages' */
	struct report *summary = o->dir ? summary_new(o, &sum) : NULL;
	lang_pop();
	int rc = 0;
	/* A PDF is dear to draw: a worker process draws every other one on the
	 * second core (1: this is it), and the summary has each one's row. */
	int worker = o->dir && !strcmp(o->fmt->name, "pdf") && nd >= 8 ? cp_worker_start() : -1;
	struct plan *p = NULL; /* read whole once for its grants' declarations or logbooks */
	for (size_t i = 0; i < nd; i++) {
		const struct plan *slim = run->ps.plans[d[i].plan];
		struct totals all = {0};
		int mine = worker < 0 || (int)(i % 2) == worker; /* else the other's: told there */
		if (worker == 1 && (!mine || d[i].from == d[i].to))
			continue;
		if (d[i].from == d[i].to && o->dir) { /* --all: in the summary with 0 */
			lang_push(o->ro.lang);
			summary_row(sum, slim, &d[i], o, &all);
			lang_pop();
			continue;
		}
		if (p && strcmp(p->id, slim->id)) {
			plan_free(p);
			p = NULL;
		}
		int status;
		/* a grant's declaration shows the evaluation that closes it, and a
		 * logbook every evaluation of its days, which a slim plan no longer
		 * holds; the rest (the goals' texts too) is all in the slim one */
		int whole = d[i].grant >= 0 || o->logbooks;
		cp_errors_quiet(!mine);
		if (whole && !p && !(p = plan_load(run->ps.paths[d[i].plan], &status))) {
			cp_errors_quiet(0);
			rc = -1;
			continue;
		}
		const struct plan *use = whole ? p : slim;
		lang_push(o->ro.lang);
		struct report *r = declaration(run, use, &d[i], &all);
		if (o->dir)
			summary_row(sum, use, &d[i], o, &all);
		lang_pop();
		cp_errors_quiet(0);
		if (!mine) {
			report_free(r);
			continue;
		}
		if (o->dir) {
			char *path = decl_target(run, &d[i], 0);
			if (report_write(r, o->fmt, path, o->force) < 0 ||
			    (o->logbooks && write_logbook(run, p, &d[i]) < 0))
				rc = -1;
			free(path);
		} else if (report_print(r, o->fmt, stdout) < 0)
			rc = cp_errno(EX_IOERR, _("cannot write standard output"));
		report_free(r);
	}
	plan_free(p);
	if (worker == 1)
		cp_worker_exit(rc);
	if (worker == 0 && cp_worker_wait() < 0)
		rc = -1;
	if (summary) {
		char *path = target(o, "summary", "csv");
		if (report_write(summary, o->excel || o->fmt == &render_excel ? &render_excel : &render_csv,
				 path, o->force) < 0)
			rc = -1;
		free(path);
		report_free(summary);
	}
	return rc;
}

static void warn_outside(const struct run *run, size_t i)
{
	char hm[24], from[11], to[11] = "";
	const struct plan *p = run->ps.plans[i];
	duration_format(run->outside_minutes[i], hm);
	date_format(p->start, from);
	if (p->end != DATE_NONE)
		date_format(p->end, to);
	cp_warn(_("%s: %ld entries (%s) in the period lie outside the plan's dates %s..%s; they "
		  "are left out of its declaration"),
		p->id, run->outside[i], hm, from, to);
}

static void warn_unknown(const struct run *run, const struct kept *k, size_t n)
{
	char hm[24];
	long minutes = 0;
	for (size_t i = 0; i < n; i++)
		minutes += k[i].minutes;
	duration_format(minutes, hm);
	cp_warn(_("%s: no such plan; its %zu entries (%s) in the period are in no declaration"),
		text_of(run, k->plan), n, hm);
}

/* A funder books hours by grant: a period's declaration whose hours fall
 * under grants of more than one reference (a follow-up in the half year)
 * carries the last one's for all of them, which the funder would book to
 * that grant.  k[0..n): the plan's declared entries, in date order. */
static void warn_grants(const struct plan *p, const struct kept *k, size_t n)
{
	const struct grant *last = NULL;
	struct buf refs = {0};
	int count = 0;
	for (size_t e = 0; e < n; e++) {
		const struct grant *g = plan_grant_on(p, k[e].date);
		if (!g || !g->ref || (last && !strcmp(g->ref, last->ref)))
			continue;
		buf_printf(&refs, "%s%s", count++ ? ", " : "", g->ref);
		last = g;
	}
	if (count > 1)
		cp_warn(_("%s: its hours in the period fall under %d grants (%s); the declaration "
			  "carries the last one's reference; --per-grant declares each grant apart"),
			p->id, count, buf_str(&refs));
	buf_free(&refs);
}

/* The entries of plan i (sorted, k[0..n)) within its dates (the rest are
 * counted, to warn of) that the funder declared to pays, moved to the
 * front in order; how many are left.  Of a plan with grants, an hour's
 * funder is that of its day's grant. */
static size_t within(struct run *run, size_t i, struct kept *k, size_t n)
{
	const struct plan *p = run->ps.plans[i];
	int funder = run->o->funder, by_day = funder >= 0 && plan_has_grants(p);
	size_t kept = 0;
	for (size_t e = 0; e < n; e++)
		if (!plan_holds_day(p, k[e].date)) {
			run->outside[i]++;
			run->outside_minutes[i] += k[e].minutes;
		} else if (!by_day || plan_funder_on(p, k[e].date) == funder)
			k[kept++] = k[e];
	return kept;
}

/* ---- per grant ---- */

struct piece {
	struct kept k;
	size_t slot; /* the grant it went to; ngrants: none */
};

struct pieces {
	struct piece *v;
	size_t n, cap;
};

static void piece(struct pieces *l, struct kept k, long minutes, size_t slot)
{
	if (l->n == l->cap) {
		l->cap = l->cap ? 2 * l->cap : 64;
		l->v = xreallocarray(l->v, l->cap, sizeof *l->v);
	}
	k.minutes = (int32_t)minutes;
	l->v[l->n++] = (struct piece){k, slot};
}

static int kept_at(const void *v, size_t i, long *minutes)
{
	const struct kept *k = v;
	*minutes = k[i].minutes;
	return k[i].date;
}

struct cutting {
	const struct kept *k;
	struct pieces *out;
};

static void kept_piece(void *arg, size_t i, size_t slot, long minutes)
{
	struct cutting *c = arg;
	piece(c->out, c->k[i], minutes, slot);
}

static void warn_ungranted(const struct plan *p, long entries, long minutes)
{
	char hm[24];
	duration_format(minutes, hm);
	cp_warn(_("%s: %ld entries (%s) lie on days no grant of the plan holds; they are in no "
		  "declaration per grant"),
		p->id, entries, hm);
}

/* The declarations of plan i's grants of the funder that end in the
 * period, from its entries k[0..n) (sorted; per grant, every one up to the
 * period's end); their entries go to run->pieces. */
static void select_grants(struct run *run, size_t i, const struct kept *k, size_t n,
			  struct decl **d, size_t *nd, size_t *cap)
{
	const struct declare_opts *o = run->o;
	const struct plan *p = run->ps.plans[i];
	struct grant_use *u = grant_use_new(p);
	for (size_t e = 0; e < n; e++)
		grant_use_add(u, k[e].date, k[e].minutes);
	struct pieces l = {0};
	grant_cut(u, n, kept_at, k, kept_piece, &(struct cutting){k, &l});
	long ungranted = 0, ungranted_minutes = 0; /* of the funder asked for: the others' are no loss */
	for (size_t x = 0; x < l.n; x++)
		if (l.v[x].slot == p->ngrants && l.v[x].k.date >= o->ro.period.from &&
		    (o->funder < 0 || plan_funder_on(p, l.v[x].k.date) == o->funder)) {
			ungranted++;
			ungranted_minutes += l.v[x].k.minutes;
		}
	if (ungranted)
		warn_ungranted(p, ungranted, ungranted_minutes);
	for (size_t s = 0; s < p->ngrants; s++) {
		const struct grant *g = &p->grants[s];
		if (o->funder >= 0 && g->funder != o->funder)
			continue;
		size_t from = run->npieces;
		long used = 0;
		int last = g->from;
		for (size_t x = 0; x < l.n; x++) {
			if (l.v[x].slot != s)
				continue;
			if (run->npieces == run->piececap) {
				run->piececap = run->piececap ? 2 * run->piececap : 256;
				run->pieces = xreallocarray(run->pieces, run->piececap,
							    sizeof *run->pieces);
			}
			run->pieces[run->npieces++] = l.v[x].k;
			used += l.v[x].k.minutes;
			last = l.v[x].k.date;
		}
		int end = grant_last_day(g, used, last);
		int empty = run->npieces == from;
		/* every grant (--period grant): a strippenkaart still running too */
		int running = end == DATE_NONE && o->ro.period.to == PERIOD_OPEN_TO &&
			      g->from <= o->ro.today;
		if ((end == DATE_NONE && !running) ||
		    (!running && !period_contains(&o->ro.period, end)) ||
		    (empty && !((o->all || o->only) && g->from <= o->ro.today))) {
			run->npieces = from;
			continue;
		}
		if (*nd == *cap) {
			*cap = 2 * *cap + 8;
			*d = xreallocarray(*d, *cap, sizeof **d);
		}
		int same = 0;
		for (size_t b = 0; b < s; b++)
			same += p->grants[b].from == g->from;
		long over = used > g->minutes ? used - g->minutes : 0;
		if (g->kind == GRANT_STRIPPENKAART)
			over += grant_use_spilled(u, s);
		(*d)[(*nd)++] = (struct decl){i, from, run->npieces, (int)s, used, over, same, end};
	}
	free(l.v);
	grant_use_free(u);
}

/* The plans that get a declaration (or, with all, a summary row), each
 * with its entries, in the order of the plans; per grant, each grant. */
static size_t select_plans(struct run *run, struct decl **d)
{
	const struct declare_opts *o = run->o;
	size_t *from = xcalloc(run->ps.n + 1, sizeof *from), *to = xcalloc(run->ps.n + 1, sizeof *to);
	for (size_t e = 0, next; e < run->n; e = next) { /* the entries of one plan after another */
		const char *id = text_of(run, run->v[e].plan);
		for (next = e + 1; next < run->n && !strcmp(text_of(run, run->v[next].plan), id);)
			next++;
		ssize_t at = planset_find(&run->ps, id, strlen(id));
		if (at >= 0) {
			from[at] = e;
			to[at] = next;
		} else if (!run->ps.named && !o->only)
			warn_unknown(run, run->v + e, next - e);
	}
	size_t nd = 0, cap = run->ps.n + 1;
	*d = xcalloc(cap, sizeof **d);
	for (size_t i = 0; i < run->ps.n; i++) {
		const struct plan *p = run->ps.plans[i];
		if (p && o->per_grant) {
			select_grants(run, i, run->v + from[i], to[i] - from[i], d, &nd, &cap);
			continue;
		}
		if (!p || !paid_by(p, o->funder))
			continue;
		size_t n = within(run, i, run->v + from[i], to[i] - from[i]);
		/* with grants, the funder's in the period is a grant of its there */
		int overlaps = p->start <= o->ro.period.to &&
			       (p->end == DATE_NONE || p->end >= o->ro.period.from) &&
			       (o->funder < 0 || !p->ngrants ||
				last_grant_of(p, o->funder, &o->ro.period));
		if (n || (o->all && overlaps) || o->only)
			(*d)[nd++] = (struct decl){i, from[i], from[i] + n, -1, 0, 0, 0, DATE_NONE};
		warn_grants(p, run->v + from[i], n);
		if (run->outside[i])
			warn_outside(run, i);
	}
	if (o->per_grant && o->only && !nd)
		cp_warn(_("%s: no grant of the plan ends in the period"), o->only);
	free(from);
	free(to);
	return nd;
}

static void *read_plans(void *arg)
{
	planset_read(arg, PLANSET_SLIM | PLANSET_GOALS | PLANSET_QUIET);
	return NULL;
}

int declare(char *const *plans, size_t nplans, char *const *sheets, size_t nsheets,
	    const struct declare_opts *o)
{
	struct run run = {.o = o};
	int rc = planset_list(&run.ps, plans, nplans, o->only);
	if (o->only && !run.ps.n) {
		planset_free(&run.ps);
		return plan_unknown(plans[0], o->only);
	}
	/* the plans are read on a thread of their own while the sheets are read */
	pthread_t loader;
	int threaded = pthread_create(&loader, NULL, read_plans, &run.ps) == 0;
	struct filter f;
	filter_init(&f);
	f.from = o->per_grant ? PERIOD_OPEN_FROM : o->ro.period.from; /* a grant's every hour */
	f.to = o->ro.period.to;
	struct run other = {.o = o};
	struct scan_split two = {&other, merge_kept, clear_kept};
	if (scan_sheets_split(sheets, nsheets, &f, SCAN_KEEP_GOING, keep, &run, &two) < 0)
		rc = -1;
	free(other.v);
	buf_free(&other.text);
	if (threaded)
		pthread_join(loader, NULL);
	if (planset_read(&run.ps, PLANSET_SLIM | PLANSET_GOALS) < 0) /* again, to report */
		rc = -1;
	run.outside = xcalloc(run.ps.n + 1, sizeof *run.outside);
	run.outside_minutes = xcalloc(run.ps.n + 1, sizeof *run.outside_minutes);
	for (size_t i = 0; i < run.ps.n; i++) {
		const struct plan *p = run.ps.plans[i];
		if (p && o->only && !paid_by(p, o->funder) && !o->per_grant)
			rc = cp_err(EX_USAGE, _("%s is a plan of %s, not of %s"), p->id,
				    vocab_name(&vocab_funder, p->funder), vocab_name(&vocab_funder, o->funder));
	}
	if (rc == 0 || o->ro.keep_going) {
		sorting = &run;
		if (run.n)
			qsort(run.v, run.n, sizeof *run.v, by_plan_date);
		struct decl *d = NULL;
		size_t nd = select_plans(&run, &d);
		int ok = !o->dir || o->force || check_targets(&run, d, nd) == 0;
		if (ok && o->dir)
			ok = make_dirs(o->dir) == 0;
		atomic_defer_sync(1); /* one sync for the batch, at its end */
		if (!ok || write_all(&run, d, nd) < 0)
			rc = -1;
		atomic_defer_sync(0);
		if (ok && o->dir && atomic_sync(o->dir) < 0)
			rc = -1;
		free(d);
	}
	free(run.outside);
	free(run.outside_minutes);
	free(run.v);
	free(run.pieces);
	buf_free(&run.text);
	planset_free(&run.ps);
	return rc;
}
