/* cli.c: what every tool does alike: locale and message catalogue, the
 * options they share (as argp children), where plans and sheets are by
 * default, and checking that the output really got written. */
#include <argp.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "coachplan.h"

#ifndef VERSION
#define VERSION "0"
#endif
#ifndef LOCALEDIR
#define LOCALEDIR "/usr/local/share/locale"
#endif

const char *argp_program_version = "coachplan " VERSION;
const char *argp_program_bug_address = "<https://github.com/coachplan/coachplan/issues>";

struct cli cli = {NULL, NULL, OUT_AUTO};

void cli_init(int argc, char **argv)
{
	(void)argc;
	setlocale(LC_ALL, "");
	/* Numbers for programs have a point whatever the locale (printf's %f
	 * would write 12,5 under nl_NL); people get their separator from lang.c. */
	setlocale(LC_NUMERIC, "C");
	/* An uninstalled build finds its catalogue through $COACHPLAN_LOCALEDIR. */
	const char *dir = getenv("COACHPLAN_LOCALEDIR");
	bindtextdomain("coachplan", dir && *dir ? dir : LOCALEDIR);
	bind_textdomain_codeset("coachplan", "UTF-8");
	textdomain("coachplan");
	err_init(argv[0]);
	argp_err_exit_status = EX_USAGE;
}

static const struct argp_option plans_options[] = {
	{"plans", 'p', N_("DIR"), 0, N_("plans directory (default: $CP_PLANS or ./plans)"), 0},
	{0},
};

static error_t plans_parse(int key, char *arg, struct argp_state *state)
{
	(void)state;
	if (key != 'p')
		return ARGP_ERR_UNKNOWN;
	cli.plansdir = arg;
	return 0;
}

const struct argp cli_plans_argp = {plans_options, plans_parse, NULL, NULL, NULL, NULL,
				    "coachplan"};

static const struct argp_option sheet_options[] = {
	{"file", 'f', N_("SHEET"), 0,
	 N_("hour sheet (default: $CP_SHEET or ./hours/$USER.csv)"), 0},
	{0},
};

static error_t sheet_parse(int key, char *arg, struct argp_state *state)
{
	(void)state;
	if (key != 'f')
		return ARGP_ERR_UNKNOWN;
	cli.sheet = arg;
	return 0;
}

const struct argp cli_sheet_argp = {sheet_options, sheet_parse, NULL, NULL, NULL, NULL,
				    "coachplan"};

static const struct argp_option output_options[] = {
	{"output", 'o', N_("FORMAT"), 0,
	 N_("table, csv or json (default: table on a terminal, csv otherwise)"), 0},
	{0},
};

static error_t output_parse(int key, char *arg, struct argp_state *state)
{
	if (key != 'o')
		return ARGP_ERR_UNKNOWN;
	int f = outfmt_parse(arg);
	if (f < 0)
		argp_error(state, _("unknown output format %s; use table, csv or json"), quotes(arg));
	cli.out = (enum outfmt)f;
	return 0;
}

const struct argp cli_output_argp = {output_options, output_parse, NULL, NULL, NULL, NULL,
				     "coachplan"};

const char *cli_plans(void)
{
	const char *env = getenv("CP_PLANS");
	return cli.plansdir ? cli.plansdir : env && *env ? env : "plans";
}

const char *cli_sheetpath(void)
{
	static char *dflt;
	const char *env = getenv("CP_SHEET");
	if (cli.sheet)
		return cli.sheet;
	if (env && *env)
		return env;
	if (!dflt) {
		const char *user = getenv("USER");
		struct buf b = {0};
		buf_printf(&b, "hours/%s.csv", user && id_valid(user, strlen(user)) ? user : "coach");
		dflt = b.s;
	}
	return dflt;
}

enum outfmt cli_outfmt(void)
{
	if (cli.out != OUT_AUTO)
		return cli.out;
	return isatty(STDOUT_FILENO) ? OUT_TABLE : OUT_CSV;
}

int cli_exit(int status)
{
	if (fflush(stdout) != 0 || ferror(stdout))
		return cp_errno(EX_IOERR, _("cannot write standard output")), EX_IOERR;
	return status;
}

int cli_date(const char *arg, int *day)
{
	struct period p;
	static const char *const words[] = {"today", "yesterday", "vandaag", "gisteren", NULL};
	for (int i = 0; words[i]; i++)
		if (!strcasecmp(arg, words[i])) {
			period_parse(arg, date_today(), &p);
			*day = p.from;
			return 0;
		}
	const char *why = date_parse(arg, strlen(arg), day);
	if (why)
		return cp_err(EX_USAGE, "%s: %s", quotes(arg), why);
	return 0;
}
