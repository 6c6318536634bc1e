/* cp-evaluate: what is due in a caseload (evaluations, plan ends, quiet
 * plans, plans ready for phase-out), an evaluation recorded in a plan, and
 * a calendar feed of the dates to come. */
#include <argp.h>
#include <stdlib.h>
#include <string.h>

#include "coachplan.h"

enum { OPT_DUE = 256, OPT_ICS, OPT_ON, OPT_NEXT, OPT_CLOSE, OPT_END, OPT_PSEUDONYMIZE, OPT_EMPLOYEE,
       OPT_EMPLOYER, OPT_ABSENCE, OPT_SIGNED, OPT_OUTCOME };

static const struct argp_option options[] = {
	{NULL, 0, NULL, 0, N_("What to do (default --due):"), 1},
	{"due", OPT_DUE, NULL, 0, N_("list what is due or overdue (exit status 1 if an evaluation is "
				     "overdue)"), 1},
	{"record", 'r', N_("ID"), 0, N_("record an evaluation in plan ID (or a plan file)"), 1},
	{"ics", OPT_ICS, NULL, 0, N_("write an iCalendar feed of next evaluations and plan ends"), 1},
	{NULL, 0, NULL, 0, N_("With --due and --ics:"), 2},
	{"on", OPT_ON, N_("DATE"), 0, N_("the day to look from (default today)"), 2},
	{"within", 'w', N_("N"), 0, N_("with --due: evaluations due within N days, weeks or "
				       "months: 14, 2w, 1m, 0 (default 2w)"), 2},
	{"quiet-since", 'q', N_("N"), 0,
	 N_("with --due: flag plans with no contact logged for N (14, 14d, 3w); hour sheets from "
	    "-f or arguments, default every hours/*.csv"), 2},
	{"coach", 'c', N_("NAME"), 0, N_("only what falls to this coach, by the plans' coaches"), 2},
	{"pseudonymize", OPT_PSEUDONYMIZE, NULL, 0,
	 N_("the plan's id instead of the participant's name, for a list that leaves the house"), 2},
	{NULL, 0, NULL, 0, N_("With --record:"), 3},
	{"date", 'd', N_("DATE"), 0, N_("the day of the evaluation (default today)"), 3},
	{"summary", 's', N_("TEXT"), 0, N_("what was concluded, one line (required)"), 3},
	{"goal", 'g', N_("G=RESULT"), 0,
	 N_("a goal's result: achieved, partly-achieved, not-achieved, permanent-support, "
	    "open or dropped (Dutch: behaald, 'deels behaald' ...); repeat for more"), 3},
	{"next", OPT_NEXT, N_("DATE"), 0, N_("the next evaluation (default: DATE + the plan's "
					     "interval)"), 3},
	{"close", OPT_CLOSE, NULL, 0, N_("close the plan: status closed, end DATE"), 3},
	{"end", OPT_END, N_("DATE"), 0, N_("with --close: the last day of coaching (default DATE)"), 3},
	{"dry-run", 'n', NULL, 0, N_("show the change as a diff; write nothing"), 3},
	{"employee-mark", OPT_EMPLOYEE, N_("MARK"), 0, N_("the employee's mark, 1 to 10: 7,5"), 3},
	{"employer-mark", OPT_EMPLOYER, N_("MARK"), 0, N_("the employer's mark, 1 to 10"), 3},
	{"absence", OPT_ABSENCE, N_("DAYS"), 0, N_("days of absence in the period"), 3},
	{"signed-by", OPT_SIGNED, N_("NAMES"), 0, N_("who signed the evaluation"), 3},
	{"outcome", OPT_OUTCOME, N_("OUTCOME"), 0,
	 N_("UWV's outcome: how coaching ends (--close) or goes on after a grant"), 3},
	{0},
};

static const char *const help_post =
	N_("PLANS are plan files or directories (default: the plans directory).\n\n"
	   "Examples:\n"
	   "  cp-evaluate --quiet-since 14d\n"
	   "  cp-evaluate --record P-2026-014 --summary 'Kassa gaat zelfstandig' \\\n"
	   "      --goal G1=achieved\n"
	   "  cp-evaluate --ics --coach robin > robin.ics");

#define MAX_GOALS 100

static struct {
	int due, ics, close, dry_run, pseudonymize;
	int uwv[4]; /* employee and employer mark, absence days, outcome: each + 1, 0 if not given */
	const char *signed_by;
	const char *record, *on, *within, *quiet, *coach;
	const char *date, *summary, *next, *end;
	char *goals[MAX_GOALS];
	size_t ngoals, nargs, sheets_named;
	struct caseload_args files;
} opt;

static error_t parse(int key, char *arg, struct argp_state *state)
{
	char *end;
	switch (key) {
	case OPT_DUE: opt.due = 1; break;
	case 'r': opt.record = arg; break;
	case OPT_ICS: opt.ics = 1; break;
	case OPT_ON: opt.on = arg; break;
	case 'w': opt.within = arg; break;
	case 'q': opt.quiet = arg; break;
	case 'c': opt.coach = cli_name(state, arg); break;
	case OPT_PSEUDONYMIZE: opt.pseudonymize = 1; break;
	case OPT_EMPLOYEE:
	case OPT_EMPLOYER:
		if ((opt.uwv[key - OPT_EMPLOYEE] = mark_parse(arg, strlen(arg)) + 1) <= 0)
			argp_error(state, _("%s is no mark: 1 to 10, with one decimal at most"),
				   quotes(arg));
		break;
	case OPT_ABSENCE:
		opt.uwv[2] = (int)strtol(arg, &end, 10) + 1;
		if (*end || end == arg || opt.uwv[2] < 1 || opt.uwv[2] > 367)
			argp_error(state, _("--absence takes a number of days, not %s"), quotes(arg));
		break;
	case OPT_SIGNED: opt.signed_by = arg; break;
	case OPT_OUTCOME: opt.uwv[3] = cli_word(state, &vocab_outcome, arg) + 1; break;
	case 'd': opt.date = arg; break;
	case 's': opt.summary = arg; break;
	case OPT_NEXT: opt.next = arg; break;
	case OPT_CLOSE: opt.close = 1; break;
	case OPT_END: opt.end = arg; break;
	case 'n': opt.dry_run = 1; break;
	case 'g':
		if (opt.ngoals == MAX_GOALS)
			argp_error(state, _("too many goals"));
		opt.goals[opt.ngoals++] = arg;
		break;
	case ARGP_KEY_ARG:
		opt.sheets_named += (size_t)caseload_args_add(&opt.files, arg, CASELOAD_PLAN);
		opt.nargs++;
		break;
	case ARGP_KEY_END:
		if (opt.due + opt.ics + !!opt.record > 1)
			argp_error(state, _("--due, --ics and --record go one at a time"));
		if (opt.record && opt.on && !opt.date)
			argp_error(state, _("--record takes the day of the evaluation as --date, not "
					    "--on"));
		if (opt.record && (opt.nargs || opt.on || opt.within || opt.quiet || opt.coach ||
				   opt.pseudonymize))
			argp_error(state, _("--record takes no plans, --on, --within, --quiet-since, "
					    "--coach or --pseudonymize"));
		if (!opt.record && (opt.date || opt.summary || opt.ngoals || opt.next || opt.close ||
				    opt.end || opt.dry_run || opt.uwv[0] || opt.uwv[1] || opt.uwv[2] ||
				    opt.uwv[3] || opt.signed_by))
			argp_error(state, _("--date, --summary, --goal, --next, --close, --end, the "
					    "marks, --absence, --signed-by, --outcome and --dry-run go "
					    "with --record"));
		if (opt.ics && (opt.within || opt.quiet || opt.sheets_named)) /* every date to come */
			argp_error(state, _("--ics takes no --within, --quiet-since or hour sheet"));
		if (opt.record || opt.ics) /* a plan changed, a calendar: no sheet, no list */
			cli_refuse_shared(state, opt.record ? "--record" : "--ics");
		if (opt.record && !opt.summary)
			argp_error(state, _("--record needs --summary"));
		if (opt.next && opt.close)
			argp_error(state, _("a closed plan has no next evaluation: --next or --close"));
		if (opt.end && !opt.close)
			argp_error(state, _("--end goes with --close"));
		break;
	default:
		return ARGP_ERR_UNKNOWN;
	}
	return 0;
}

static const struct argp argp = {
	options, parse,
	N_("[--due] [PLANS...] [SHEETS...]\n--record ID --summary TEXT [--goal G=RESULT]...\n"
	   "--ics [PLANS...]"),
	N_("List the evaluations that are due or overdue, plans near their end, quiet plans, "
	   "plans ready for phase-out and grants to follow up or nearly used; record an "
	   "evaluation in a plan; or write a calendar feed."),
	cli_children_quiet, cli_help, "coachplan",
};

/* Every plan named, or in the plans directory; due_plan keeps what falls
 * to the coach asked for, by the plan's coaches. */
static void each_plan(int (*fn)(struct plan *, void *), void *arg)
{
	char *dflt = (char *)cli_plans();
	if (opt.files.nplans)
		plans_each(opt.files.plans, opt.files.nplans, fn, arg);
	else
		plans_each(&dflt, 1, fn, arg);
}

/* ---- --due ---- */

struct scan {
	size_t plans; /* read; none, with errors: nothing to show */
	struct duelist list;
	struct due_opts o;
	struct contacts *contacts;
};

static int scan_plan(struct plan *p, void *arg)
{
	struct scan *s = arg;
	s->plans++;
	return due_plan(&s->list, p, &s->o,
			s->contacts ? contacts_last(s->contacts, p->id) : DATE_NONE);
}

/* The coach's sheet (-f) with those named, or every sheet of the caseload
 * (paths): a plan may be coached by more than one coach. */
static void read_contacts(struct scan *s, char *const *paths, size_t n)
{
	s->contacts = contacts_new();
	if (cli_sheet_named())
		contacts_read(s->contacts, cli_sheetpath(), s->o.on);
	if (cli_sheet_named() && !opt.files.nsheets)
		return;
	if (!n && !opt.files.nsheets)
		cp_err(EX_NOINPUT, _("no hour sheets in hours/ to find the last contacts in; name them "
				     "with -f SHEET or as arguments"));
	for (size_t i = 0; i < n; i++)
		contacts_read(s->contacts, paths[i], s->o.on);
}

static int due(int on)
{
	struct scan s = {0};
	struct interval within = {2, 'w'};
	s.o.on = on;
	s.o.pseudonymize = opt.pseudonymize;
	s.o.coach = opt.coach;
	s.o.hours = 1;
	if (opt.within && cli_span("--within", opt.within, &within, 1) < 0)
		return EX_USAGE;
	if (opt.quiet && cli_span("--quiet-since", opt.quiet, &s.o.quiet, 0) < 0)
		return EX_USAGE;
	s.o.until = within.n ? date_add_interval(on, within, 1) : on;
	s.o.end_until = date_add_months(on, 3) > s.o.until ? date_add_months(on, 3) : s.o.until;
	char **paths;
	size_t n;
	caseload_logged(opt.files.sheets, opt.files.nsheets, &paths, &n);
	if (opt.quiet) { /* with a sheet unread, no plan is known to be quiet */
		unsigned long before = cp_errors();
		read_contacts(&s, paths, n);
		if (cp_errors() != before)
			s.o.quiet.n = 0;
	}
	each_plan(scan_plan, &s);
	due_warn_coach(&s.list, &s.o, s.plans);
	due_hours(&s.list, &s.o, paths, n); /* standard input was read for --quiet-since, if asked */
	paths_free(paths, n);
	due_sort(&s.list);
	int overdue = cp_status() && !s.plans ? 0 : due_print(&s.list, on, cli_outfmt(), stdout);
	due_free(&s.list);
	contacts_free(s.contacts);
	return cp_status() ? cp_status() : overdue < 0 ? EX_IOERR : overdue;
}

/* ---- --ics ---- */

static int ics(int on)
{
	struct scan s = {.o = {.on = on, .until = INT32_MAX, .end_until = INT32_MAX,
			       .pseudonymize = opt.pseudonymize, .coach = opt.coach}};
	struct buf b = {0}, name = {0};
	each_plan(scan_plan, &s);
	due_warn_coach(&s.list, &s.o, s.plans);
	due_sort(&s.list);
	buf_printf(&name, opt.coach ? "coachplan: %s" : "coachplan", opt.coach);
	ics_feed(&b, name.s, &s.list, on);
	if (!cp_status() || s.plans) /* an empty feed would empty the calendars subscribed */
		fwrite(b.s, 1, b.len, stdout);
	buf_free(&b);
	buf_free(&name);
	due_free(&s.list);
	return cp_status();
}

/* ---- --record ---- */

static int record(int today)
{
	struct record r = {today,     opt.summary, NULL, 0,
			   DATE_NONE, opt.close,   DATE_NONE, RECORD_NO_UWV_FIELDS};
	struct goal_result goals[MAX_GOALS];
	int rc = 0;
	r.employee_mark = opt.uwv[0] - 1, r.employer_mark = opt.uwv[1] - 1;
	r.absence_days = opt.uwv[2] - 1, r.outcome = opt.uwv[3] - 1;
	r.signed_by = opt.signed_by;
	if (opt.signed_by && cli_text(_("signed by"), opt.signed_by) < 0)
		return EX_USAGE;
	if ((opt.date && cli_date(opt.date, &r.date) < 0) ||
	    (opt.next && cli_date_after(opt.next, r.date, &r.next) < 0) ||
	    (opt.end && cli_date(opt.end, &r.end) < 0) || cli_text(_("summary"), opt.summary) < 0)
		return EX_USAGE;
	for (size_t i = 0; i < opt.ngoals; i++)
		if (goal_result_parse(opt.goals[i], &goals[i]) < 0)
			return EX_USAGE;
	r.goals = goals; /* a goal given twice: record_check says so */
	r.ngoals = opt.ngoals;
	if (r.next != DATE_NONE && r.next <= r.date)
		return cp_err(EX_USAGE, _("--next must come after the evaluation's date")), EX_USAGE;
	/* an id names a plan in the plans directory; a path names a file */
	char *file = caseload_plan_file(opt.record);
	if (!file)
		return cp_err(EX_USAGE, _("bad plan id %s"), quotes(opt.record)), EX_USAGE;
	struct buf dry = {0};
	if (plan_record(file, &r, today, 1, opt.dry_run ? &dry : NULL) < 0)
		rc = cp_status() ? cp_status() : EX_SOFTWARE;
	else if (opt.dry_run)
		fwrite(dry.s, 1, dry.len, stdout);
	buf_free(&dry);
	free(file);
	return rc;
}

int main(int argc, char **argv)
{
	cli_init(argc, argv, help_post);
	argp_parse(&argp, argc, argv, 0, NULL, NULL);
	int today = date_today(), on = today;
	if (opt.on && cli_date(opt.on, &on) < 0)
		return cli_exit(EX_USAGE);
	int rc = opt.record ? record(today) : opt.ics ? ics(on) : due(on);
	caseload_args_free(&opt.files);
	return cli_exit(rc);
}
