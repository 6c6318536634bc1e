/* cp-hours: hours summed from hour sheets, by any combination of plan,
 * goal, mode, coach, funder, grant, employer, scheme and stretch of time;
 * or checked against the hours each plan was granted.  The funder and
 * grant of an hour are those of the grant that holds its day. */
#include <argp.h>
#include <stdlib.h>
#include <string.h>

#include "coachplan.h"

enum { OPT_FROM = 256, OPT_TO, OPT_PERIOD, OPT_BUDGET, OPT_PSEUDONYMIZE };

static const struct argp_option options[] = {
	{NULL, 0, NULL, 0, N_("Grouping:"), 1},
	{"by", 'b', N_("KEYS"), 0,
	 N_("group by these, in this order: plan, goal, mode, coach, funder, activity, grant, "
	    "employer, scheme, day, week, month, quarter, half, year (default: plan)"), 1},
	{"remote", 'r', NULL, 0, N_("add the on-site and remote minutes and the remote share"), 1},
	{"budget", OPT_BUDGET, NULL, 0,
	 N_("set each plan's hours against its grants or budget periods; exit 1 if any is over"),
	 1},
	{NULL, 0, NULL, 0, N_("Selecting (each of --plan ... --activity may be repeated):"), 2},
	{"from", OPT_FROM, N_("DATE"), 0, N_("entries on or after DATE"), 2},
	{"to", OPT_TO, N_("DATE"), 0, N_("entries on or before DATE"), 2},
	{"period", OPT_PERIOD, N_("PERIOD"), 0,
	 N_("2026, 2026H1, 2026Q3, 2026-03, 2026W10, FROM..TO, this-week, last-month, ..."), 2},
	{"plan", 'P', N_("ID"), 0, N_("only this plan"), 2},
	{"coach", 'c', N_("NAME"), 0,
	 N_("only this coach's entries; with --budget, the grants of the plans this coach was "
	    "responsible for"), 2},
	{"funder", 'F', N_("FUNDER"), 0,
	 N_("only hours this funder pays: of its grants' days (reads the plans)"), 2},
	{"goal", 'g', N_("GOAL"), 0, N_("only this goal"), 2},
	{"mode", 'm', N_("MODE"), 0, N_("only this mode (onsite, phone, werkvloer, ...)"), 2},
	{"activity", 'a', N_("ACTIVITY"), 0,
	 N_("only this activity (training, support, leidinggevende, ...)"), 2},
	{NULL, 0, NULL, 0, N_("Output:"), 3},
	{"keep-going", 'k', NULL, 0, N_("report every bad line and total the rest (exit 65)"), 3},
	{"pseudonymize", OPT_PSEUDONYMIZE, NULL, 0,
	 N_("no participant's name: with --budget, the plan's id instead; the other tables "
	    "have none, and --by employer is refused"), 3},
	{0},
};

static const char *const help_post =
	N_("Examples:\n"
	   "  cp-hours --by plan --period this-week --coach robin\n"
	   "  cp-hours --by goal,mode --plan P-2026-014 --period this-half\n"
	   "  cp-hours --by coach,month --remote\n"
	   "  cp-hours --by plan,grant --funder uwv\n"
	   "  cp-hours --budget || echo 'a plan is over budget'");

static struct {
	enum key keys[KEY_COUNT];
	size_t nkeys;
	int remote, budget, keep_going, pseudonymize;
	struct filter filter;
	struct strlist funders;
	int dates_given;
	const char *from, *to;  /* as typed */
	struct period periods; /* what every --period holds */
	struct caseload_args files; /* a caseload directory gives its plans and sheets */
} opt;

static void date_opt(struct argp_state *state, const char *arg, int *day, const char **typed)
{
	if (cli_date(arg, day) < 0)
		argp_state_help(state, stderr, ARGP_HELP_STD_ERR); /* the Try line; exits */
	opt.dates_given = 1;
	*typed = arg;
}

/* Whether --by has the employer, a name --pseudonymize leaves out. */
static int by_employer(void)
{
	for (size_t i = 0; i < opt.nkeys; i++)
		if (opt.keys[i] == KEY_EMPLOYER)
			return 1;
	return 0;
}

static error_t parse(int key, char *arg, struct argp_state *state)
{
	struct filter *f = &opt.filter;
	struct period p;
	const char *why, *typed;
	int v;
	switch (key) {
	case 'b':
		if (keys_parse(arg, opt.keys, &opt.nkeys) < 0)
			argp_error(state, _("bad --by %s: name keys from plan, goal, mode, coach, funder, "
					    "activity, grant, employer, scheme, day, week, month, quarter, "
					    "half, year, each once"),
				   quotes(arg));
		break;
	case 'r': opt.remote = 1; break;
	case OPT_PSEUDONYMIZE: opt.pseudonymize = 1; break;
	case 'k': opt.keep_going = 1; break;
	case OPT_BUDGET: opt.budget = 1; break;
	case OPT_FROM: date_opt(state, arg, &f->from, &opt.from); break;
	case OPT_TO: opt.to = arg, opt.dates_given = 1; break; /* after --from, which may follow */
	case OPT_PERIOD:
		if ((why = period_parse(arg, date_today(), &p)))
			argp_error(state, "%s: %s", quotes(arg), why);
		opt.periods = period_intersect(opt.periods, p);
		opt.dates_given = 1;
		break;
	case 'P': strlist_add(&f->plans, cli_plan_arg(state, arg)); break;
	case 'c': strlist_add(&f->coaches, cli_name(state, arg)); break;
	case 'g': strlist_add(&f->goals, arg); break;
	case 'F':
		strlist_add(&opt.funders,
			    vocab_name(&vocab_funder, cli_word(state, &vocab_funder_typed, arg)));
		break;
	case 'a':
		if ((v = cli_word(state, &vocab_activity, arg)) >= 0) /* it is: argp_error exits */
			f->activities |= 1u << v;
		break;
	case 'm':
		if ((v = cli_word(state, &vocab_mode, arg)) >= 0)
			f->modes |= 1u << v;
		break;
	case ARGP_KEY_ARG:
		v = (int)opt.files.nplans;
		caseload_args_add(&opt.files, arg, CASELOAD_SHEET);
		if ((int)opt.files.nplans > v && is_plans_dir(arg) && !strcmp(opt.files.plans[v], arg)) {
			/* a directory, not a caseload: one of sheets, if any */
			opt.files.sheets = xreallocarray(opt.files.sheets, opt.files.nsheets + 1,
							 sizeof *opt.files.sheets);
			opt.files.sheets[opt.files.nsheets++] = opt.files.plans[--opt.files.nplans];
		}
		break;
	case ARGP_KEY_END:
		if (opt.files.nplans > 1 || (opt.files.nplans && !is_plans_dir(opt.files.plans[0])))
			argp_error(state, _("name one plans directory, with -p or as a caseload"));
		if (opt.files.nplans && !opt.files.nsheets)
			argp_error(state, _("%s holds no hour sheets"), opt.files.plans[0]);
		if (opt.to && !period_to_after_from(opt.from, opt.to))
			date_opt(state, opt.to, &f->to, &opt.to);
		if ((why = period_typed_ends(&f->from, opt.from, &f->to, opt.to, date_today(), &typed)))
			argp_error(state, "%s: %s", quotes(typed), why);
		if (f->from > f->to) {
			char a[11], b[11]; /* as read: a day-word or yearless day is not what was typed */
			date_format(f->from, a);
			date_format(f->to, b);
			argp_error(state, _("--from %s is after --to %s"), a, b);
		}
		p = period_intersect((struct period){f->from, f->to}, opt.periods);
		f->from = p.from;
		f->to = p.to;
		if (opt.budget && (opt.nkeys || opt.remote || f->goals.n || f->modes || f->activities))
			argp_error(state, _("--budget goes per plan; it takes no --by, --remote, --goal, "
					    "--mode or --activity"));
		if (opt.pseudonymize && by_employer())
			argp_error(state, _("--by employer names the employer, which --pseudonymize "
					    "leaves out: group by plan instead"));
		break;
	default:
		return ARGP_ERR_UNKNOWN;
	}
	return 0;
}

static const struct argp argp = {
	options, parse, N_("[SHEET...]"),
	N_("Sum the hours of hour sheets (files, directories of *.csv, - for standard input; "
	   "default: the caseload's hours/) per group of keys."),
	cli_children_output, cli_help, "coachplan",
};

int main(int argc, char **argv)
{
	cli_init(argc, argv, help_post);
	filter_init(&opt.filter);
	opt.periods = (struct period){PERIOD_OPEN_FROM, PERIOD_OPEN_TO};
	argp_parse(&argp, argc, argv, 0, NULL, NULL);
	if (!opt.nkeys && !opt.budget)
		opt.keys[opt.nkeys++] = KEY_PLAN;
	struct hours_query q = {opt.keys,          opt.nkeys,       opt.budget,
				opt.remote,        opt.keep_going,  opt.pseudonymize,
				&opt.filter,       &opt.funders,    opt.dates_given,
				cli.plansdir || opt.files.nplans,
				cli.plansdir || !opt.files.nplans ? cli_plans() : opt.files.plans[0]};
	int rc = hours_run(&q, opt.files.sheets, opt.files.nsheets, cli_outfmt(), stdout);
	caseload_args_free(&opt.files);
	free(opt.filter.plans.v);
	free(opt.filter.coaches.v);
	free(opt.filter.goals.v);
	free(opt.funders.v);
	return cli_exit(cp_status() ? cp_status() : rc < 0 ? EX_IOERR : rc);
}
