/* logbook.c: the logbook (logboek jobcoach) of one plan for a grant or a
 * period, the document UWV wants signed with a follow-up application:
 * every hour entry in date order (date, activity, goal, mode, duration,
 * what was done), the totals per goal, per activity and per mode, the
 * results per goal with the marks, absence and outcome of the evaluations
 * held in the period, and room for coach, employee and employer to sign
 * (name, date, place): each coach who held the plan or logged its hours.
 * A sheet's internal column never reaches it: an entry does not carry it.
 * Hours outside the plan's dates are left out and counted in a note, as
 * in a declaration. */
#include <stdlib.h>
#include <string.h>

#include "reports.h"

/* An entry as read, with the order it was read in: entries of one day
 * stay in sheet order. */
struct line {
	struct logbook_line l;
	size_t seq;
};

/* The entries of one plan's period, read from its sheets: those of scan,
 * which for a grant starts with the plan, since a strippenkaart's hours
 * depend on the hours the cards before it took. */
struct gather {
	const struct plan *p;
	struct period period, scan;
	struct line *v;
	size_t n, cap;
	struct arena text;
	struct outside outside;
};

/* What the logbook shows. */
struct book {
	const struct plan *p;
	const struct payer *payer; /* or NULL: the period's grants' */
	struct period period;
	const struct logbook_line *v;
	size_t n;
	struct outside outside;
	/* who signs, for the details and the signatures: the holders first */
	struct report_holder *signers;
	size_t nsigners, holders;
};

static int keep(const struct entry *e, void *arg)
{
	struct gather *b = arg;
	struct outside before = {0, 0}; /* not the logbook's to count */
	struct outside *o = period_contains(&b->period, e->date) ? &b->outside : &before;
	if (!plan_keeps(b->p, &b->scan, e->date, e->minutes, o))
		return 0;
	if (b->n == b->cap) {
		b->cap = b->cap ? 2 * b->cap : 256;
		b->v = xreallocarray(b->v, b->cap, sizeof *b->v);
	}
	int act = e->activity.n ? vocab_parse(&vocab_activity, e->activity.s, e->activity.n) : -1;
	if (e->activity.n && act < 0)
		act = ACT_OTHER; /* a word no list holds is the sheet's fault (cp-check) */
	b->v[b->n] = (struct line){{e->date, e->mode, act, e->minutes,
				    arena_strndup(&b->text, e->goal.s, e->goal.n),
				    arena_strndup(&b->text, e->note.s, e->note.n),
				    arena_strndup(&b->text, e->coach.s, e->coach.n)},
				   b->n};
	b->n++;
	return 0;
}

static int by_date(const void *a, const void *b)
{
	const struct line *x = a, *y = b;
	int c = cmp_num(x->l.date, y->l.date);
	return c ? c : cmp_num(x->seq, y->seq);
}

static int line_at(const void *v, size_t i, long *minutes)
{
	const struct line *l = v;
	*minutes = l[i].l.minutes;
	return l[i].l.date;
}

/* The pieces of one grant (slot), as the entries were cut over the grants. */
struct grant_lines {
	const struct line *in;
	size_t slot;
	struct logbook_line *v;
	size_t n;
	long used;
};

static void grant_piece(void *arg, size_t i, size_t slot, long minutes)
{
	struct grant_lines *c = arg;
	if (slot != c->slot)
		return;
	c->v[c->n] = c->in[i].l;
	c->v[c->n++].minutes = minutes;
	c->used += minutes;
}

/* The hours of grant g among the n entries in v (sorted), into out (room
 * for n), as a declaration per grant has them: a strippenkaart's those it
 * paid for, not the next card's on the same days.  A used-up card's
 * period ends on the day of its last hour. */
static size_t of_grant(const struct plan *p, const struct grant *g, const struct line *v,
		       size_t n, struct logbook_line *out, struct period *period)
{
	struct grant_use *u = grant_use_new(p);
	for (size_t i = 0; i < n; i++)
		grant_use_add(u, v[i].l.date, v[i].l.minutes);
	struct grant_lines c = {v, (size_t)(g - p->grants), out, 0, 0};
	grant_cut(u, n, line_at, v, grant_piece, &c);
	grant_use_free(u);
	int end = grant_last_day(p, g, c.used, c.n ? out[c.n - 1].date : g->from);
	if (end != DATE_NONE && end < period->to)
		period->to = end;
	return c.n;
}

/* The day whose funder and coach the logbook names: the period's last, or
 * today if that is later (as the accountability report has it), not the
 * plan's newest. */
static int last_day(const struct book *b, const struct report_opts *o)
{
	return b->period.to < o->today ? b->period.to : o->today;
}

/* Who signs the logbook: the coaches who held the plan in the period,
 * then who stood in and logged hours of it (room for 8 holders and one a
 * line). */
static void find_signers(struct book *b, const struct report_opts *o)
{
	struct report_holder *h = b->signers = xcalloc(8 + b->n, sizeof *h);
	size_t n = b->holders = report_holders(b->p, b->period.from, last_day(b, o), h, 8);
	for (size_t i = 0; i < b->n; i++)
		n = report_logged(h, n, b->holders, b->v[i].coach, b->v[i].date);
	b->nsigners = n;
}

/* The field "Stood in" where coaches who never held the plan logged hours
 * of the period: they sign, so the details name them, apart from the
 * coach of the plan (as its declaration names the coach). */
static void stood_in(struct report *r, const struct book *b)
{
	struct buf s = {0};
	for (size_t i = b->holders; i < b->nsigners; i++) {
		buf_printf(&s, "%s%s (", i > b->holders ? ", " : "", b->signers[i].coach);
		report_holder_days(&b->signers[i], &s);
		buf_puts(&s, ")");
	}
	if (s.len)
		report_field(r, "stood_in", _("Stood in"), cell_text(s.s));
	buf_free(&s);
}

static void details(struct report *r, const struct book *b, const struct grant *g,
		    const struct report_opts *o)
{
	const struct plan *p = b->p;
	char label[32];
	report_section(r, "plan", _("Details"));
	report_field(r, "plan", _("Plan"), cell_text(p->id));
	report_field(r, "participant", _("Participant"), cell_text(report_participant(p, o)));
	report_field(r, "employer", _("Employer"), cell_text(report_employer(p, o)));
	const struct payer *who = g ? &(struct payer){g->funder, g->ref} : b->payer;
	if (who) {
		report_field(r, "funder", _("Funder"), cell_word(vocab_name(&vocab_funder, who->funder),
								 funder_label(who->funder)));
		report_field(r, "funder_ref", _("Funder reference"), cell_text(who->ref));
	} else
		report_funder_fields(r, p, &b->period, last_day(b, o));
	if (g)
		report_field(r, "granted", _("Granted"), cell_minutes(g->minutes));
	char coaches[256];
	int upto = last_day(b, o);
	if (who)
		report_coaches_of(p, who->funder, b->period.from, upto, coaches, sizeof coaches);
	else
		report_coaches_in(p, b->period.from, upto, coaches, sizeof coaches);
	report_field(r, "coach", _("Coach"), cell_text(coaches));
	stood_in(r, b);
	report_pauses_field(r, p, b->period.from, last_day(b, o));
	period_format(&b->period, label);
	report_field(r, "period", _("Period"), cell_text(label));
	report_field(r, "period_from", _("From"), cell_date(b->period.from));
	report_field(r, "period_to", _("To"), cell_date(b->period.to));
}

static struct cell goal_cell(const char *goal)
{
	return *goal ? cell_text(goal) : cell_word("", _("no goal"));
}

static struct cell activity_cell(int act)
{
	return act < 0 ? cell_empty()
		       : cell_word(vocab_name(&vocab_activity, act), report_activity_label(act));
}

static void entries(struct report *r, const struct book *b, const struct report_opts *o,
		    struct totals *all)
{
	static const struct rcol_def cols[] = {
		{"date", N_("date"), 0}, {"activity", N_("activity"), 0}, {"goal", N_("goal"), 0},
		{"mode", N_("mode"), 0}, {"minutes", N_("duration"), RCOL_NUMBER},
		{"note", N_("what was done"), 0},
	};
	report_section(r, "entries", _("Entries"));
	struct rtable *t = report_table(r, "entries", NULL);
	RTABLE_COLS(t, cols);
	report_main(r);
	for (size_t i = 0; i < b->n; i++) {
		const struct logbook_line *l = &b->v[i];
		rtable_add(t, cell_day(l->date));
		rtable_add(t, activity_cell(l->activity));
		rtable_add(t, goal_cell(l->goal));
		rtable_add(t, cell_word(vocab_name(&vocab_mode, l->mode), mode_label(l->mode)));
		rtable_add(t, cell_minutes(l->minutes));
		rtable_add(t, cell_text(report_scrub(r, b->p, o, l->note)));
		all->minutes += l->minutes;
		all->mode[l->mode] += (int32_t)l->minutes;
		all->entries++;
	}
	rtable_total(t);
	rtable_add(t, cell_text(_("total")));
	rtable_add(t, cell_empty());
	rtable_add(t, cell_empty());
	rtable_add(t, cell_empty());
	rtable_add(t, cell_minutes(all->minutes));
	rtable_add(t, cell_empty());
	if (!b->n)
		report_text(r, "none", NULL, _("No hours were logged in the period."));
	if (b->outside.n) {
		char hm[24], text[256];
		duration_format(b->outside.minutes, hm);
		snprintf(text, sizeof text,
			 ngettext("Left out: %ld entry (%s hours) in the period outside the plan's dates.",
				  "Left out: %ld entries (%s hours) in the period outside the plan's dates.",
				  (unsigned long)b->outside.n),
			 b->outside.n, hm);
		report_text(r, "outside", NULL, text);
	}
}

/* A table of totals: a row per group, and the total. */
static struct rtable *totals_table(struct report *r, const char *key, const char *title,
				   const char *col, const char *col_title, int text)
{
	struct rtable *t = report_table(r, key, title);
	rtable_col(t, col, col_title, 0);
	if (text)
		rtable_col(t, "text", _("text"), 0);
	rtable_col(t, "entries", _("entries"), RCOL_NUMBER);
	rtable_col(t, "minutes", _("hours"), RCOL_NUMBER);
	return t;
}

static void totals_row(struct rtable *t, long entries, long minutes)
{
	rtable_add(t, cell_count(entries));
	rtable_add(t, cell_minutes(minutes));
}

static void totals_end(struct rtable *t, const struct totals *all)
{
	rtable_total(t);
	rtable_add(t, cell_text(_("total")));
	for (size_t c = 3; c < t->ncols; c++) /* the text column */
		rtable_add(t, cell_empty());
	totals_row(t, all->entries, all->minutes);
}

/* Per goal: the plan's goals in its order, hours on goals it does not
 * have, then the hours on no goal. */
static void per_goal(struct report *r, const struct book *b, const struct report_opts *o,
		     const struct totals *all)
{
	const struct plan *p = b->p;
	struct rtable *t = totals_table(r, "per_goal", _("Per goal"), "goal", _("goal"), 1);
	const char **ids = xcalloc(p->ngoals + b->n + 1, sizeof *ids);
	size_t n = 0;
	for (size_t i = 0; i < p->ngoals; i++)
		if (goal_set_on(&p->goals[i], b->period.to)) /* else only if it has hours */
			ids[n++] = p->goals[i].id;
	for (size_t i = 0; i < b->n; i++) {
		size_t k = 0;
		while (k < n && strcmp(ids[k], b->v[i].goal))
			k++;
		if (k == n && *b->v[i].goal)
			ids[n++] = b->v[i].goal;
	}
	ids[n++] = ""; /* no goal, last */
	for (size_t k = 0; k < n; k++) {
		long count = 0, minutes = 0;
		for (size_t i = 0; i < b->n; i++)
			if (!strcmp(b->v[i].goal, ids[k]))
				count++, minutes += b->v[i].minutes;
		if (!*ids[k] && !count)
			continue;
		const struct goal *g = plan_goal(p, ids[k], strlen(ids[k]));
		rtable_add(t, goal_cell(ids[k]));
		rtable_add(t, cell_text(g ? report_scrub(r, p, o, g->text) : NULL));
		totals_row(t, count, minutes);
	}
	free(ids);
	totals_end(t, all);
}

static void totals(struct report *r, const struct book *b, const struct report_opts *o,
		   const struct totals *all)
{
	report_section(r, "totals", _("Totals"));
	per_goal(r, b, o, all);
	struct rtable *t = totals_table(r, "per_activity", _("Per activity"), "activity",
					_("activity"), 0);
	for (int k = 0; k <= ACT_COUNT; k++) { /* no activity last */
		int a = k < ACT_COUNT ? k : -1;
		long count = 0, minutes = 0;
		for (size_t i = 0; i < b->n; i++)
			if (b->v[i].activity == a)
				count++, minutes += b->v[i].minutes;
		if (!count)
			continue;
		rtable_add(t, a < 0 ? cell_word("", _("no activity")) : activity_cell(a));
		totals_row(t, count, minutes);
	}
	totals_end(t, all);
	t = totals_table(r, "per_mode", _("Per mode"), "mode", _("mode"), 0);
	for (int m = 0; m < MODE_COUNT; m++) {
		long count = 0;
		for (size_t i = 0; i < b->n; i++)
			count += b->v[i].mode == m;
		if (!count)
			continue;
		rtable_add(t, cell_word(vocab_name(&vocab_mode, m), mode_label(m)));
		totals_row(t, count, all->mode[m]);
	}
	totals_end(t, all);
}

/* What an evaluation in the period recorded: the result per goal, the
 * marks, absence, outcome and who signed. */
static void evaluation(struct report *r, const struct plan *p, const struct evaluation *ev,
		       const struct report_opts *o)
{
	char day[11], key[48], title[128], when[LANG_DATE_MAX], absence[16];
	date_format(ev->date, day);
	snprintf(key, sizeof key, "evaluation-%s", day);
	snprintf(title, sizeof title, _("Evaluation of %s"), report_day(o, ev->date, when));
	if (ev->summary)
		report_text(r, key, title, report_scrub(r, p, o, ev->summary));
	if (ev->ngoals) {
		snprintf(key, sizeof key, "evaluation-%s-goals", day);
		struct rtable *t = report_table(r, key, ev->summary ? NULL : title);
		static const struct rcol_def cols[] = {
			{"goal", N_("goal"), 0}, {"text", N_("text"), 0}, {"result", N_("result"), 0},
		};
		RTABLE_COLS(t, cols);
		for (size_t g = 0; g < ev->ngoals; g++) {
			const struct goal_result *res = &ev->goals[g];
			const struct goal *goal = plan_goal(p, res->goal, strlen(res->goal));
			rtable_add(t, cell_text(res->goal));
			rtable_add(t, cell_text(goal ? report_scrub(r, p, o, goal->text) : NULL));
			rtable_add(t, cell_word(vocab_name(&vocab_goal_status, res->status),
						goal_status_label(res->status)));
		}
	} else
		report_text(r, key, ev->summary ? NULL : title,
			    _("No results per goal were recorded."));
	snprintf(key, sizeof key, "evaluation-%s-marks", day);
	report_fields(r, key, NULL);
	report_field(r, "employee_mark", _("Mark of the employee"), cell_mark(ev->employee_mark));
	report_field(r, "employer_mark", _("Mark of the employer"), cell_mark(ev->employer_mark));
	snprintf(absence, sizeof absence, "%d", ev->absence_days);
	report_field(r, "absence_days", _("Days of absence"),
		     ev->absence_days < 0 ? cell_empty() : cell_text(absence));
	report_field(r, "outcome", _("Outcome"),
		     ev->outcome < 0 ? cell_empty()
				     : cell_word(vocab_name(&vocab_outcome, ev->outcome),
						 report_outcome_label(ev->outcome)));
	report_field(r, "signed_by", _("Signed by"),
		     cell_text(report_scrub(r, p, o, ev->signed_by)));
}

/* The evaluations held in the period, and a grant's logbook also the one
 * that closes the grant when it was held after its last day, as the
 * declaration of the grant has it: UWV asks for both at the grant's end. */
static void results(struct report *r, const struct book *b, const struct grant *g,
		    const struct report_opts *o)
{
	const struct plan *p = b->p;
	const struct evaluation *closing = g ? grant_closing(p, g, b->period.to) : NULL;
	size_t closing_at = closing ? (size_t)(closing - p->evals) : p->nevals, shown = 0;
	report_section(r, "results", _("Results per goal"));
	for (size_t i = 0; i < p->nevals; i++)
		if (period_contains(&b->period, p->evals[i].date) || i == closing_at) {
			evaluation(r, p, &p->evals[i], o);
			shown++;
		}
	if (!shown)
		report_text(r, "evaluations", NULL, _("No evaluation was recorded in the period."));
}

/* A block to sign: the name printed (NULL: written by hand), the days
 * signed for if not all of the period (else NULL), the rest blank. */
static void signer_of(struct report *r, const char *key, const char *title, const char *name,
		      const char *days)
{
	char k[32];
	report_fields(r, key, title);
	snprintf(k, sizeof k, "%s_name", key);
	report_field(r, k, _("Name"), name ? cell_text(name) : cell_blank());
	snprintf(k, sizeof k, "%s_days", key);
	if (days)
		report_field(r, k, _("Coached"), cell_text(days));
	snprintf(k, sizeof k, "%s_date", key);
	report_field(r, k, _("Date"), cell_blank());
	snprintf(k, sizeof k, "%s_place", key);
	report_field(r, k, _("Place"), cell_blank());
	snprintf(k, sizeof k, "%s_signature", key);
	report_field(r, k, _("Signature"), cell_blank());
}

static void signer(struct report *r, const char *key, const char *title, const char *name)
{
	signer_of(r, key, title, name, NULL);
}

/* A block to sign per coach who held the plan in the period, so that a
 * logbook over a hand-over is signed by each coach for the days each
 * coached, then per stand-in who logged hours of it: a signature vouches
 * for the hours listed, and only who logged them can. */
static void coach_signers(struct report *r, const struct plan *p, const struct report_holder *h,
			  size_t n)
{
	for (size_t i = 0; i < n; i++) {
		char key[32];
		struct buf days = {0};
		report_holder_days(&h[i], &days);
		snprintf(key, sizeof key, i ? "coach_%u" : "coach", (unsigned)(i + 1) % 100);
		signer_of(r, key, _("Coach"), h[i].coach, n > 1 ? days.s : NULL);
		buf_free(&days);
	}
	if (!n)
		signer(r, "coach", _("Coach"), p->coach);
}

static void signatures(struct report *r, const struct book *b, const struct report_opts *o)
{
	const struct plan *p = b->p;
	size_t n = b->nsigners;
	report_section(r, "signatures", _("Signatures"));
	report_text(r, "signatures", NULL,
		    n > 1 ? _("Signed by each coach for the days each coached, the employee and the "
			      "employer as a true account of the coaching in the period.")
			  : _("Signed by the coach, the employee and the employer as a true account "
			      "of the coaching in the period."));
	coach_signers(r, p, b->signers, n);
	signer(r, "employee", _("Employee"), report_participant(p, o));
	/* the employer's contact person signs; pseudonymized, by hand */
	const char *employer = report_employer(p, o);
	struct buf name = {0};
	if (employer && p->employer_contact)
		buf_printf(&name, "%s (%s)", p->employer_contact, employer);
	else if (employer)
		buf_puts(&name, employer);
	signer(r, "employer", _("Employer"), name.len ? name.s : NULL);
	buf_free(&name);
}

struct report *logbook_of(const struct plan *p, const struct grant *g, const struct payer *payer,
			  const struct period *period, const struct logbook_line *v, size_t n,
			  struct outside outside, const struct report_opts *o)
{
	struct book b = {p, payer, *period, v, n, outside, NULL, 0, 0};
	struct totals all = {0};
	struct report *r = report_of_plan("logbook", N_("Logbook"), p, o, &b.period);
	find_signers(&b, o);
	details(r, &b, g, o);
	entries(r, &b, o, &all);
	totals(r, &b, o, &all);
	results(r, &b, g, o);
	signatures(r, &b, o);
	free(b.signers);
	if (o->stamp)
		report_stamp(r, o->stamp);
	lang_pop();
	return r;
}

struct report *logbook_report(const char *plan_path, char *const *sheets, size_t nsheets,
			      const char *grant, const struct report_opts *o)
{
	int status;
	struct plan *p = plan_load(plan_path, &status);
	if (!p)
		return NULL;
	struct gather b = {p, o->period, o->period, NULL, 0, 0, {0}, {0, 0}};
	const struct grant *g = grant ? grant_find(p, grant) : NULL;
	if (grant && !g) {
		plan_free(p);
		return NULL;
	}
	if (g)
		b.period = grant_days(p, g, o->today);
	else if (!o->period_given)
		b.period = plan_so_far(p, o->today);
	else
		report_warn_no_plan_day(p, &b.period);
	if (b.period.to < b.period.from)
		b.period.to = b.period.from;
	b.scan = g ? (struct period){PERIOD_OPEN_FROM, b.period.to} : b.period;
	int rc = scan_plan_entries(sheets, nsheets, p->id, keep, &b);
	struct report *r = NULL;
	if (rc == 0 || o->keep_going) {
		struct logbook_line *v = xcalloc(b.n ? b.n : 1, sizeof *v);
		size_t n = b.n;
		if (b.n) /* qsort of NULL is undefined, even of none */
			qsort(b.v, b.n, sizeof *b.v, by_date);
		if (g)
			n = of_grant(p, g, b.v, b.n, v, &b.period);
		else
			for (size_t i = 0; i < b.n; i++)
				v[i] = b.v[i].l;
		r = logbook_of(p, g, NULL, &b.period, v, n, b.outside, o);
		free(v);
	}
	free(b.v);
	arena_free(&b.text);
	plan_free(p);
	return r;
}
