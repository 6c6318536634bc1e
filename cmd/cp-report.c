/* cp-report: reports for funders, coaches and administrators: the
 * accountability report and the logbook of a plan, declarations per funder
 * and period, and the caseload overview.  The reports are built in lib/
 * (account.c, logbook.c, declare.c, overview.c) as one model and written
 * by its renderers; this file only reads the command line and picks the
 * report. */
#include <argp.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include "coachplan.h"

enum { OPT_DECLARATION = 256, OPT_CASELOAD, OPT_PERIOD, OPT_ALL,
       OPT_FORCE, OPT_PSEUDONYMIZE, OPT_STAMP, OPT_EXCEL, OPT_LANG, OPT_PER_GRANT,
       OPT_SATISFACTION, OPT_LOGBOOK, OPT_GRANT };

static const struct argp_option options[] = {
	{NULL, 0, NULL, 0, N_("Reports:"), 1},
	{"plan", 'P', N_("ID"), 0,
	 N_("the accountability report of this plan; with --declaration, its declaration"), 1},
	{"declaration", OPT_DECLARATION, NULL, 0,
	 N_("declarations of the hours per plan, for --funder and --period"), 1},
	{"caseload", OPT_CASELOAD, NULL, 0, N_("one row per active plan"), 1},
	{"satisfaction", OPT_SATISFACTION, NULL, 0, N_("the mean marks of the evaluations held in "
	 "--period (default: this year) per funder and coach; exit 1 if one is under 6.5"), 1},
	{"logbook", OPT_LOGBOOK, NULL, 0,
	 N_("with --plan: the logbook to sign, every entry with the totals, results and marks; "
	    "with --declaration -o DIR: each one's logbook beside it"), 1},
	{NULL, 0, NULL, 0, N_("Selecting:"), 2},
	{"period", OPT_PERIOD, N_("PERIOD"), 0,
	 N_("2026H1, 2026, 2026Q3, 2026-03, FROM..TO, last-half, ... (default: the whole plan; "
	    "for --caseload, this half year); with --declaration, grant: each grant whole"), 2},
	{"per-grant", OPT_PER_GRANT, NULL, 0,
	 N_("with --declaration: one declaration per grant that ends in the period, from its first "
	    "day to its last, with the evaluation that closes it"), 2},
	{"funder", 'F', N_("FUNDER"), 0, N_("the funder declared to: uwv, gemeente, ..."), 2},
	{"coach", 'c', N_("NAME"), 0, N_("with --satisfaction: this coach's evaluations"), 2},
	{"all", OPT_ALL, NULL, 0, N_("list plans without hours in the period in the summary too"), 2},
	{"grant", OPT_GRANT, N_("REF"), 0,
	 N_("with --logbook: the period of the plan's grant with this reference"), 2},
	{NULL, 0, NULL, 0, N_("Output:"), 3},
	{"output", 'o', N_("FORMAT|DIR"), 0,
	 /* TRANSLATORS: %s is the list of formats, "text, markdown, ... or pdf" */
	 N_("%s (default: text); with --declaration, also the directory to write one file per "
	    "plan and summary.csv into (default format: html)"),
	 3},
	{"excel", OPT_EXCEL, NULL, 0,
	 N_("every CSV in the spreadsheet dialect (BOM, ';', decimal comma, hours as 1,5): the "
	    "report, unless -o names another format, and summary.csv"), 3},
	{"lang", OPT_LANG, N_("LANG"), 0,
	 N_("the language of the report: nl or en (default: the locale's; en for csv and json)"),
	 3},
	{"force", OPT_FORCE, NULL, 0, N_("replace report files that exist"), 3},
	{"pseudonymize", OPT_PSEUDONYMIZE, NULL, 0,
	 N_("name participants by their plan id, also in notes and texts"), 3},
	{"stamp", OPT_STAMP, NULL, 0, N_("end with the date and time the report was made"), 3},
	{"keep-going", 'k', NULL, 0,
	 N_("leave out bad lines and plans, report them, write the rest (exit 65)"), 3},
	{0},
};

static const char *const help_post =
	N_("Examples:\n"
	   "  cp-report --plan P-2024-003 -o markdown > P-2024-003.md\n"
	   "  cp-report --plan P-2024-003 --period 2026H1 -o html > P-2024-003.html\n"
	   "  cp-report --declaration --funder uwv --period 2026H1 -o out/ && ls out/\n"
	   "  cp-report --caseload");

static struct {
	const char *plan, *lang, *coach, *grant;
	int declaration, caseload, satisfaction, logbook, all, force, pseudonymize, stamp, keep_going;
	int excel, per_grant, funder, period_given;
	struct period period;
	const char *outs[3];
	size_t nouts;
	const struct renderer *fmt;
	const char *dir;
	struct caseload_args files;
} opt = {.funder = -1};

/* -o is a format if it names one, else (with --declaration) a directory. */
static void outputs(struct argp_state *state)
{
	for (size_t i = 0; i < opt.nouts; i++) {
		const struct renderer *r = renderer_find(opt.outs[i]);
		if (!r && !strcasecmp(opt.outs[i], "pdf"))
			argp_error(state, _("this cp-report was built without cairo and pango, so "
					    "without PDF"));
		if (r && !opt.fmt)
			opt.fmt = r;
		else if (!r && opt.declaration && !opt.dir)
			opt.dir = opt.outs[i];
		else if (!r && !opt.declaration)
			argp_error(state, _("unknown output format %s; use %s (a directory goes with "
					    "--declaration)"),
				   quotes(opt.outs[i]), renderer_choices());
		else
			argp_error(state, _("-o: one format and one directory at most"));
	}
}

static error_t parse(int key, char *arg, struct argp_state *state)
{
	const char *why;
	switch (key) {
	case 'P': opt.plan = cli_plan_arg(state, arg); break;
	case OPT_DECLARATION: opt.declaration = 1; break;
	case OPT_CASELOAD: opt.caseload = 1; break;
	case OPT_SATISFACTION: opt.satisfaction = 1; break;
	case 'c': opt.coach = cli_name(state, arg); break;
	case OPT_LOGBOOK: opt.logbook = 1; break;
	case OPT_GRANT: opt.grant = cli_grant_name(arg); break;
	case OPT_ALL: opt.all = 1; break;
	case OPT_FORCE: opt.force = 1; break;
	case OPT_PSEUDONYMIZE: opt.pseudonymize = 1; break;
	case OPT_STAMP: opt.stamp = 1; break;
	case OPT_EXCEL: opt.excel = 1; break;
	case OPT_PER_GRANT: opt.per_grant = 1; break;
	case 'k': opt.keep_going = 1; break;
	case OPT_PERIOD:
		opt.period_given = 1;
		if (!strcmp(arg, "grant") || !strcmp(arg, "beschikking")) { /* every grant, whole */
			opt.per_grant = 2;
			opt.period = (struct period){PERIOD_OPEN_FROM, PERIOD_OPEN_TO};
		} else if ((why = period_parse(arg, date_today(), &opt.period)))
			argp_error(state, "%s: %s", quotes(arg), why);
		break;
	case OPT_LANG:
		if (!(opt.lang = lang_parse(arg)))
			argp_error(state, _("unknown language %s; use nl or en"), quotes(arg));
		break;
	case 'F':
		opt.funder = cli_word(state, &vocab_funder_typed, arg);
		break;
	case 'o':
		if (opt.nouts == sizeof opt.outs / sizeof *opt.outs)
			argp_error(state, _("-o: one format and one directory at most"));
		opt.outs[opt.nouts++] = arg;
		break;
	case ARGP_KEY_ARG:
		if (cli_plan_typed(arg))
			argp_error(state, _("%s is no file or directory; --plan %s names the plan"),
				   arg, arg);
		caseload_args_add(&opt.files, arg, CASELOAD_SHEET);
		break;
	case ARGP_KEY_END:
		outputs(state);
		if (opt.logbook &&
		    (opt.declaration ? !opt.dir : !opt.plan || opt.caseload || opt.satisfaction))
			argp_error(state, _("--logbook needs --plan ID, or --declaration with -o DIR"));
		if (opt.declaration + opt.caseload + opt.satisfaction +
			    (opt.plan && !opt.declaration && !opt.satisfaction) != 1) {
			if (!opt.plan && cli_plans_not_dir())
				argp_error(state, _("name one report: --plan ID, --declaration, "
						    "--caseload or --satisfaction; -p %s names the "
						    "plans directory, -P %s the plan"),
					   cli_plans_not_dir(), cli_plans_not_dir());
			argp_error(state, _("name one report: --plan ID, --declaration, --caseload or "
					    "--satisfaction"));
		}
		if (opt.satisfaction && !opt.fmt && !isatty(STDOUT_FILENO)) /* for a spreadsheet */
			opt.fmt = &render_csv;
		if (opt.excel && (!opt.fmt || opt.fmt == &render_csv))
			opt.fmt = &render_excel;
		if (opt.fmt && !strcmp(opt.fmt->name, "pdf") && !opt.dir && isatty(STDOUT_FILENO))
			argp_error(state, _("a PDF is no text for a terminal: send it to a file "
					    "(> report.pdf) or name a directory with -o"));
		if (opt.declaration && !opt.period_given)
			argp_error(state, _("--declaration needs --period, as in --period 2026H1"));
		if (opt.declaration && !opt.plan && opt.funder < 0)
			argp_error(state, _("--declaration needs --funder (%s) or --plan ID"),
				   vocab_choices(&vocab_funder_typed));
		if (opt.declaration && !opt.plan && !opt.dir)
			argp_error(state, _("declarations of many plans need -o DIR; one plan's "
					    "(--plan ID) goes to standard output"));
		if (!opt.declaration && (opt.all || (opt.funder >= 0 && !opt.satisfaction)))
			argp_error(state, _("--funder and --all go with --declaration"));
		if (!opt.declaration && opt.per_grant)
			argp_error(state, opt.logbook ? _("a plan's logbook is of one grant: --grant REF "
							  "or a day of it, not --period grant")
						      : _("--per-grant and --period grant go with --declaration"));
		if (opt.coach && !opt.satisfaction)
			argp_error(state, _("--coach goes with --satisfaction"));
		if (opt.grant && (!opt.logbook || opt.period_given || opt.declaration))
			argp_error(state, _("--grant goes with --logbook, instead of --period"));
		break;
	default:
		return ARGP_ERR_UNKNOWN;
	}
	return 0;
}

static char *help(int key, const char *text, void *input)
{
	if (key == 'o') { /* the formats of this build: PDF only with cairo and pango */
		struct buf b = {0};
		buf_printf(&b, text, renderer_choices());
		return b.s;
	}
	return cli_help(key, text, input);
}

static const struct argp argp = {
	options, parse, N_("[PLANS...] [SHEETS...]"),
	N_("Write the accountability report of a plan, the declarations per funder and period, "
	   "or the caseload overview.  PLANS are plan files (*.yaml) and plans directories "
	   "(default: -p, $CP_PLANS or the caseload's plans/); SHEETS are hour sheets, "
	   "directories of *.csv and - for standard input (default: the caseload's hours/)."),
	cli_children_plans, help, "coachplan",
};

/* "Generated on 23 November 2026 at 14:05": today as the tools know it
 * (CP_TODAY), in the report's language. */
static char *stamp(const struct report_opts *o)
{
	static char text[128];
	char day[LANG_DATE_MAX];
	time_t now = time(NULL);
	struct tm tm;
	localtime_r(&now, &tm);
	lang_push(o->lang);
	snprintf(text, sizeof text, _("Generated on %s at %02d:%02d."),
		 report_day(o, date_today(), day), tm.tm_hour, tm.tm_min);
	lang_pop();
	return text;
}

/* The report's language: --lang; else the messages' for people, and
 * English for CSV and JSON, whose output must not change with the locale.
 * Only the report switches: messages stay in the locale's language. */
static void language(struct report_opts *o, const struct renderer *fmt)
{
	int machine = fmt == &render_csv || fmt == &render_excel || fmt == &render_json;
	o->for_people = !machine;
	o->lang = opt.lang ? opt.lang : machine ? "en" : NULL;
	if (opt.lang) {
		int missing = lang_push(opt.lang) < 0;
		lang_pop();
		if (missing)
			cp_warn(_("no catalogue for --lang %s here; the report is in English"), opt.lang);
	}
}

static int print(struct report *r)
{
	if (!r)
		return -1;
	int rc = report_print(r, opt.fmt ? opt.fmt : &render_text, stdout);
	report_free(r);
	return rc < 0 ? cp_errno(EX_IOERR, _("cannot write standard output")) : 0;
}

int main(int argc, char **argv)
{
	cli_init(argc, argv, help_post);
	argp_parse(&argp, argc, argv, 0, NULL, NULL);
	char *dflt_plans = (char *)cli_plans();
	char **plans = opt.files.nplans ? opt.files.plans : &dflt_plans;
	size_t nplans = opt.files.nplans ? opt.files.nplans : 1;
	char **sheets = NULL;
	size_t nsheets = 0;
	int below = 0; /* --satisfaction: a mean under 6.5 */
	if (!opt.satisfaction &&
	    caseload_sheets(opt.files.sheets, opt.files.nsheets, &sheets, &nsheets) < 0) {
		caseload_args_free(&opt.files);
		return cli_exit(cp_status());
	}
	const struct renderer *fmt = opt.fmt ? opt.fmt : opt.declaration && opt.dir ? &render_html
										   : &render_text;
	struct report_opts ro = {opt.period, opt.period_given, date_today(), opt.pseudonymize,
				 NULL, opt.keep_going, NULL, 0};
	language(&ro, fmt);
	ro.stamp = opt.stamp ? stamp(&ro) : NULL;
	if (opt.declaration) {
		struct declare_opts d = {ro, opt.funder, opt.plan, opt.dir, fmt,
					 opt.all, opt.force, opt.excel, opt.per_grant != 0, opt.logbook};
		declare(plans, nplans, sheets, nsheets, &d);
	} else if (opt.satisfaction) {
		struct satisfaction_opts so = {ro, opt.funder, opt.coach, opt.plan};
		print(satisfaction_report(plans, nplans, &so, &below));
	} else if (opt.caseload)
		print(overview_report(plans, nplans, sheets, nsheets, &ro));
	else {
		char *path = plan_locate(plans, nplans, opt.plan);
		if (!path)
			plan_unknown(plans[0], opt.plan);
		else if (opt.logbook)
			print(logbook_report(path, sheets, nsheets, opt.grant, &ro));
		else
			print(account_report(path, sheets, nsheets, &ro));
		free(path);
	}
	paths_free(sheets, nsheets);
	caseload_args_free(&opt.files);
	return cli_exit(cp_status() ? cp_status() : below ? 1 : 0);
}
