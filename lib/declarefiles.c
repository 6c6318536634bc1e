/* declarefiles.c: a batch of declarations written: a file per plan (and
 * its logbook beside it) and summary.csv, into a directory made private;
 * all checked before the first is written, none replaced without force. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "declare.h"

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
			 o->funder >= 0 ? funder_label(o->funder) : "");
	else
		snprintf(sub, sizeof sub,
			 o->per_grant ? _("Funder %s, grants that end in %s") : _("Funder %s, period %s"),
			 o->funder >= 0 ? funder_label(o->funder) : "", label);
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
	rtable_add(t, cell_text(decl_reference(p, o, d)));
	rtable_add(t, cell_text(report_participant(p, &o->ro)));
	if (g) {
		rtable_add(t, cell_word(vocab_name(&vocab_grant_kind, g->kind),
					report_grant_kind_label(g->kind)));
		rtable_add(t, cell_word(vocab_name(&vocab_funder, g->funder), funder_label(g->funder)));
		rtable_add(t, cell_day(g->from));
		rtable_add(t, cell_day(d->end));
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
int decl_make_dirs(const char *dir)
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
int decl_check_targets(const struct run *run, const struct decl *d, size_t nd)
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
		cp_err(EX_CANTCREAT,
		       ngettext("%s and %zu more file exist; use --force to replace them",
				"%s and %zu more files exist; use --force to replace them", exist - 1),
		       first, exist - 1);
	free(first);
	return -1;
}

/* Beside a declaration, the logbook of the same hours, to sign. */
static int write_logbook(const struct run *run, const struct plan *p, const struct decl *d)
{
	const struct declare_opts *o = run->o;
	const struct kept *k = decl_entries(run, d);
	size_t n = d->to - d->from;
	struct logbook_line *v = xcalloc(n ? n : 1, sizeof *v);
	for (size_t e = 0; e < n; e++)
		v[e] = (struct logbook_line){k[e].date, k[e].mode, k[e].activity, k[e].minutes,
					     decl_text(run, k[e].goal), decl_text(run, k[e].note),
					     decl_text(run, k[e].coach)};
	const struct grant *g = d->grant >= 0 ? &p->grants[d->grant] : NULL;
	struct period period = o->ro.period;
	struct outside outside = {0, 0}; /* a grant's days are all the plan's */
	if (g) {
		period = grant_days(p, g, o->ro.today);
		if (d->end != DATE_NONE) /* a strippenkaart's: when it was used up */
			period.to = d->end;
	} else
		outside = (struct outside){run->outside[d->plan], run->outside_minutes[d->plan]};
	struct payer to = decl_payer(p, o, d);
	struct report *r = logbook_of(p, g, &to, &period, v, n, outside, &o->ro);
	char *path = decl_target(run, d, 1);
	int rc = report_write(r, o->fmt, path, o->force);
	free(path);
	report_free(r);
	free(v);
	return rc;
}

int decl_write_all(struct run *run, const struct decl *d, size_t nd)
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
		struct report *r = decl_report(run, use, &d[i], &all);
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
		/* a summary is what was declared: one that names a declaration
		 * not written would be sent without it */
		char *path = target(o, "summary", "csv");
		if (rc < 0)
			cp_warn(_("%s: not written, since not every declaration was; solve the "
				  "problem above and run again with --force"),
				path);
		else if (report_write(summary,
				      o->excel || o->fmt == &render_excel ? &render_excel : &render_csv,
				      path, o->force) < 0)
			rc = -1;
		free(path);
		report_free(summary);
	}
	return rc;
}
