/* cp-new: create a coaching plan from the funder's defaults, or with --init
 * an empty caseload to keep plans and hour sheets in. */
#include <argp.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "coachplan.h"

enum {
	OPT_SCHEME = 256, OPT_EMPLOYER, OPT_CONTACT, OPT_REF, OPT_HOURS, OPT_EVERY,
	OPT_END, OPT_BUDGET, OPT_INIT, OPT_DRY_RUN, OPT_NEXT, OPT_GIT, OPT_NO_HOOK, OPT_AGREEMENT,
	OPT_CONDITION, OPT_GRANT
};

static const struct argp_option options[] = {
	{NULL, 0, NULL, 0, N_("The plan:"), 1},
	{"id", 'i', N_("ID"), 0, N_("plan id, e.g. P-2026-014; the file is PLANSDIR/ID.yaml"), 1},
	{"name", 'n', N_("NAME"), 0, N_("participant's name"), 1},
	{"funder", 'F', N_("FUNDER"), 0, N_("uwv, gemeente, werkgever or other"), 1},
	{"start", 's', N_("DATE"), 0, N_("first day of coaching (YYYY-MM-DD)"), 1},
	{"goal", 'g', N_("TEXT"), 0, N_("a goal; repeat for more (G1, G2, ...)"), 1},
	{NULL, 0, NULL, 0, N_("More about the plan:"), 2},
	{"scheme", OPT_SCHEME, N_("SCHEME"), 0, N_("wajong, wia, iro, participatiewet or other"), 2},
	{"employer", OPT_EMPLOYER, N_("NAME"), 0, N_("employer's name"), 2},
	{"contact", OPT_CONTACT, N_("NAME[:ROLE]"), 0,
	 N_("NAME: the contact at the employer (leidinggevende); NAME:ROLE: a contact of the plan, "
	    "repeat for more"), 2},
	{"agreement", OPT_AGREEMENT, N_("TEXT"), 0, N_("an agreement (afspraak); repeat for more"), 2},
	{"condition", OPT_CONDITION, N_("TEXT"), 0,
	 N_("a condition the workplace meets (voorwaarde); repeat for more"), 2},
	{"grant", OPT_GRANT, N_("GRANT"), 0,
	 N_("a grant, as cp-plan --grant takes it (2026-11-02..2027-05-01:60,ref=2026-004417); "
	    "repeat for more; the plan is of version 2"), 2},
	{"coach", 'c', N_("NAME"), 0, N_("the coach (default: $USER)"), 2},
	{"ref", OPT_REF, N_("REF"), 0, N_("the funder's dossier or decision number"), 2},
	{"hours", OPT_HOURS, N_("H"), 0, N_("contract hours per week"), 2},
	{"every", OPT_EVERY, N_("INTERVAL"), 0,
	 N_("evaluate every INTERVAL (default: 6m for uwv, 3m otherwise)"), 2},
	{"next", OPT_NEXT, N_("DATE"), 0, N_("first evaluation (default: start + interval)"), 2},
	{"end", OPT_END, N_("DATE"), 0,
	 N_("last day of coaching (default for uwv: start + 3 years - 1 day)"), 2},
	{"budget", OPT_BUDGET, N_("HOURS[/PER]"), 0,
	 N_("hours granted per period, e.g. 60/6m (period default: 6m)"), 2},
	{NULL, 0, NULL, 0, N_("Where and how:"), 3},
	{"dir", 'd', N_("PLANSDIR"), 0, N_("plans directory (same as -p)"), 3},
	{"dry-run", OPT_DRY_RUN, NULL, 0, N_("print the plan instead of writing it"), 3},
	{"init", OPT_INIT, N_("DIR"), 0,
	 N_("create an empty caseload in DIR and stop; in a git repository (a clone too), also "
	    "make the plans and sheets private and install the hooks: cp-check before a commit, "
	    "and mode 0600 again after a checkout, pull or rebase"), 3},
	{"git", OPT_GIT, NULL, 0, N_("with --init: make DIR a git repository if it is none"), 3},
	{"no-hook", OPT_NO_HOOK, NULL, 0, N_("with --init: no hooks"), 3},
	{0},
};

static const char *const help_post =
	N_("Examples:\n"
	   "  cp-new --id P-2026-014 --name 'Bart de Wit' --funder uwv \\\n"
	   "    --start 2026-01-05 --goal 'Zelfstandig de kassa bedienen' --budget 60/6m\n"
	   "  cp-new --init caseload --git");

#define MAX_OPS 100

static struct {
	struct plan_spec spec;
	const char *goals[100];
	struct plan_op ops[MAX_OPS]; /* agreements, conditions, contacts, grants */
	size_t nops, ngrants;
	int dry_run, git, no_hook;
	const char *start, *end, *every, *next, *budget, *hours, *funder, *scheme, *init;
} opt;

/* What is added to the new plan as cp-plan adds it. */
static error_t add_op(int key, char *arg, struct plan_op *op)
{
	*op = plan_op_new(PLAN_OP_AGREEMENT, arg);
	switch (key) {
	case OPT_CONTACT:
		op->kind = PLAN_OP_CONTACT;
		return cli_contact(arg, &op->text, &op->role) < 0 ? EX_USAGE : 0;
	case OPT_GRANT:
		op->kind = PLAN_OP_GRANT;
		opt.ngrants++; /* arg is cut up: op->text keeps it as typed, for a message */
		op->text = xstrdup(arg);
		return cli_grant(arg, &op->grant) < 0 ? EX_USAGE : 0;
	case OPT_CONDITION:
		op->kind = PLAN_OP_CONDITION;
		return cli_text(_("condition"), arg) < 0 ? EX_USAGE : 0;
	default:
		return cli_text(_("agreement"), arg) < 0 ? EX_USAGE : 0;
	}
}

/* For a coach who left out --id: " (the next free one: P-2026-015)", in
 * the scheme of the plans there are, for the year the plan starts. */
static const char *free_id(void)
{
	static char text[128];
	char id[64];
	int start;
	if (!opt.start || date_parse(opt.start, strlen(opt.start), &start))
		start = date_today();
	if (plans_next_id(cli_plans(), start, id, sizeof id) == 0)
		snprintf(text, sizeof text, _(" (the next free one: %s)"), id);
	return text;
}

static error_t parse(int key, char *arg, struct argp_state *state)
{
	struct plan_spec *s = &opt.spec;
	switch (key) {
	case 'i': s->id = arg; break;
	case 'n': s->name = arg; break;
	case 'F': opt.funder = arg; break;
	case 's': opt.start = arg; break;
	case 'g':
		if (s->ngoals == sizeof opt.goals / sizeof *opt.goals)
			argp_error(state, _("too many goals"));
		opt.goals[s->ngoals++] = arg;
		break;
	case 'd': cli.plansdir = arg; break;
	case OPT_SCHEME: opt.scheme = arg; break;
	case OPT_EMPLOYER: s->employer = arg; break;
	case OPT_CONTACT:
		if (!strchr(arg, ':')) { /* trimmed as a contact of the plan is */
			const char *no_role;
			return cli_contact(arg, &s->employer_contact, &no_role) < 0 ? EX_USAGE : 0;
		}
		/* fall through */
	case OPT_AGREEMENT:
	case OPT_CONDITION:
	case OPT_GRANT:
		if (opt.nops == MAX_OPS)
			argp_error(state, _("too many agreements, conditions, contacts and grants"));
		return add_op(key, arg, &opt.ops[opt.nops++]);
	case 'c': s->coach = cli_name(state, arg); break;
	case OPT_REF: s->funder_ref = arg; break;
	case OPT_HOURS: opt.hours = arg; break;
	case OPT_EVERY: opt.every = arg; break;
	case OPT_NEXT: opt.next = arg; break;
	case OPT_END: opt.end = arg; break;
	case OPT_BUDGET: opt.budget = arg; break;
	case OPT_DRY_RUN: opt.dry_run = 1; break;
	case OPT_INIT: opt.init = arg; break;
	case OPT_GIT: opt.git = 1; break;
	case OPT_NO_HOOK: opt.no_hook = 1; break;
	case ARGP_KEY_ARG:
		argp_error(state, _("unexpected argument %s"), quotes(arg));
		break;
	case ARGP_KEY_END:
		if ((opt.git || opt.no_hook) && !opt.init)
			argp_error(state, _("--git and --no-hook go with --init"));
		if (opt.init)
			break;
		if (!s->id || !s->name || !opt.funder || !opt.start)
			argp_error(state,
				   _("a plan needs --id, --name, --funder and --start; missing:%s%s%s%s%s"),
				   s->id ? "" : " --id", s->name ? "" : " --name",
				   opt.funder ? "" : " --funder", opt.start ? "" : " --start",
				   s->id ? "" : free_id());
		if (opt.ngrants && opt.budget)
			argp_error(state, _("--budget or --grant: the grants say what was granted"));
		break;
	default:
		return ARGP_ERR_UNKNOWN;
	}
	return 0;
}

static const struct argp argp = {
	options, parse, NULL,
	N_("Create a coaching plan PLANSDIR/ID.yaml from the funder's defaults and print its "
	   "path."),
	cli_children_plans, cli_help, "coachplan",
};

static int usage_error(const char *what, const char *arg, const char *why)
{
	return cp_err(EX_USAGE, "%s %s: %s", what, quotes(arg), why);
}

static long hours_arg(const char *what, const char *s, long max)
{
	long minutes;
	const char *why = cli_hours(s, max, &minutes);
	return why ? (usage_error(what, s, why), -1) : minutes;
}

static int interval_arg(const char *what, const char *s, struct interval *iv)
{
	const char *why = interval_parse_typed(s, strlen(s), iv);
	return why ? usage_error(what, s, why) : 0;
}

static int build_spec(void)
{
	struct plan_spec *s = &opt.spec;
	int rc = 0;
	if (!id_valid(s->id, strlen(s->id)))
		rc |= usage_error(_("plan id"), s->id,
				  _("only letters, digits, '.', '_' and '-' are allowed, as in "
				    "P-2026-014"));
	rc |= cli_text(_("name"), s->name);
	for (size_t i = 0; i < s->ngoals; i++)
		rc |= cli_text(_("goal"), opt.goals[i]);
	s->goals = opt.goals;
	const char *texts[][2] = {{_("employer"), s->employer}, {_("contact"), s->employer_contact},
				  {_("coach"), s->coach}, {_("funder reference"), s->funder_ref}};
	for (size_t i = 0; i < sizeof texts / sizeof *texts; i++)
		if (texts[i][1])
			rc |= cli_text(texts[i][0], texts[i][1]);
	if ((s->funder = vocab_parse(&vocab_funder_typed, opt.funder, strlen(opt.funder))) < 0)
		rc |= vocab_unknown(&vocab_funder_typed, opt.funder);
	s->scheme = SCHEME_NONE;
	if (opt.scheme &&
	    (s->scheme = vocab_parse(&vocab_scheme, opt.scheme, strlen(opt.scheme))) < 0)
		rc |= vocab_unknown(&vocab_scheme, opt.scheme);
	if (cli_date(opt.start, &s->start) < 0 || rc)
		return -1;
	s->end = opt.end ? DATE_NONE : plan_default_end(s->funder, s->start);
	if (opt.end && cli_date(opt.end, &s->end) < 0)
		return -1;
	if (s->end != DATE_NONE && s->end < s->start)
		return cp_err(EX_USAGE, _("the plan ends before it starts"));
	s->every = plan_default_every(s->funder);
	if (opt.every && interval_arg(_("interval"), opt.every, &s->every) < 0)
		return -1;
	s->next = date_add_interval(s->start, s->every, 1); /* a short plan's: at its end */
	s->next = s->end != DATE_NONE && s->next > s->end ? s->end : s->next;
	const char *why = NULL; /* a --next outside the plan cp-evaluate takes for overdue */
	if (opt.next && (cli_date(opt.next, &s->next) < 0 ||
			 (why = plan_next_outside(s->next, s->start, s->end))))
		return why ? usage_error("--next", opt.next, why) : -1;
	s->work_minutes = opt.hours ? hours_arg(_("hours"), opt.hours, 80) : -1;
	if (opt.hours && s->work_minutes < 0)
		return -1;
	s->budget_minutes = -1;
	s->budget_per = (struct interval){6, 'm'};
	if (opt.budget && cli_budget(opt.budget, &s->budget_minutes, &s->budget_per) < 0)
		return -1;
	s->version = opt.ngrants ? 2 : 1;
	if (!s->coach) /* no coach: key where the login makes no name */
		s->coach = cli_login();
	return 0;
}

static int write_plan(void)
{
	struct buf b = {0}, text = {0};
	plan_format(&text, &opt.spec);
	/* What we write, we must be able to read back: check before anything
	 * lands.  The agreements, contacts and grants are added as cp-plan
	 * adds them, checked the same way. */
	char *path = plan_path(cli_plans(), opt.spec.id);
	int status, rc = 0;
	struct plan *back = plan_parse(path, xstrndup(text.s, text.len), text.len, &status);
	if (back && plan_new_text(path, text.s, text.len, opt.ops, opt.nops, date_today(), &b) < 0)
		rc = -1;
	else if (back)
		plan_warn_limit(back);
	plan_free(back);
	buf_free(&text);
	if (!back || rc < 0) {
		free(path);
		buf_free(&b);
		return back ? -1 : cp_err(EX_SOFTWARE, _("internal error: the new plan does not read back"));
	}
	if (opt.dry_run)
		fwrite(b.s, 1, b.len, stdout);
	else {
		if (!is_dir(cli_plans()))
			rc = cp_err(EX_CANTCREAT, _("%s: no plans directory here; cp-new --init creates "
						    "a caseload, -d names another directory"),
				    cli_plans());
		else if ((rc = atomic_create(path, b.s, b.len, 0600)) == 1)
			rc = cp_err(EX_CANTCREAT, _("%s: a plan with this id exists; not overwritten"),
				    path);
		else if (rc == 0)
			rc = cli_print_written(path);
	}
	free(path);
	buf_free(&b);
	return rc;
}

int main(int argc, char **argv)
{
	cli_init(argc, argv, help_post);
	if (argp_parse(&argp, argc, argv, 0, NULL, NULL))
		return cli_exit(EX_USAGE);
	if (opt.init) {
		int flags = (opt.git ? CASELOAD_GIT_INIT : 0) | (opt.no_hook ? CASELOAD_NO_HOOK : 0);
		int bad = caseload_init(opt.init) < 0 || caseload_git(opt.init, flags) < 0;
		return cli_exit(bad ? cp_status() : 0);
	}
	if (build_spec() < 0 || write_plan() < 0)
		return cli_exit(cp_status());
	return cli_exit(0);
}
