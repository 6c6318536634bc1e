/* test-cli: what every tool does alike: the shared options, where plans and
 * sheets are by default, dates on the command line, checked output. */
#include <argp.h>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/wait.h>

#include "coachplan.h"
#include "tap.h"
#include "util.h"

static void defaults(void)
{
	unsetenv("CP_PLANS");
	is_str(cli_plans(), "plans", "plans: ./plans by default");
	setenv("CP_PLANS", "/srv/caseload/plans", 1);
	is_str(cli_plans(), "/srv/caseload/plans", "plans: $CP_PLANS");
	setenv("CP_PLANS", "", 1);
	is_str(cli_plans(), "plans", "plans: an empty $CP_PLANS is no setting");
	cli.plansdir = "mine";
	is_str(cli_plans(), "mine", "plans: -p wins");
	cli.plansdir = NULL;

	setenv("CP_SHEET", "/srv/hours/robin.csv", 1);
	is_str(cli_sheetpath(), "/srv/hours/robin.csv", "sheet: $CP_SHEET");
	cli.sheet = "-";
	is_str(cli_sheetpath(), "-", "sheet: -f wins");
	cli.sheet = NULL;
	unsetenv("CP_SHEET");
	setenv("USER", "../../etc/passwd", 1);
	is_str(cli_sheetpath(), "hours/coach.csv", "sheet: a $USER that is no safe name is not used");

	cli.out = OUT_JSON;
	is_int(cli_outfmt(), OUT_JSON, "output: -o wins");
	cli.out = OUT_AUTO;
	is_int(cli_outfmt(), isatty(STDOUT_FILENO) ? OUT_TABLE : OUT_CSV,
	       "output: a table on a terminal, CSV in a pipe");
}

static void dates(void)
{
	static const struct {
		const char *arg, *want; /* want NULL: refused */
	} cases[] = {
		{"2026-03-02", "2026-03-02"}, {"today", "2026-03-10"},    {"Yesterday", "2026-03-09"},
		{"vandaag", "2026-03-10"},    {"GISTEREN", "2026-03-09"}, {"2026-02-29", NULL},
		{"tomorrow", "2026-03-11"},   {"", NULL},                 {"2-3-2026", "2026-03-02"},
		{"last-week", NULL},          {"02-03-2026", "2026-03-02"}, {"2/3/2026", "2026-03-02"},
		{"29-02-2026", NULL},         {"2-3-26", NULL},           {"123-3-2026", NULL},
		{"eergisteren", "2026-03-08"}, {"dinsdag", "2026-03-10"},  {"maandag", "2026-03-09"},
		{"woensdag", "2026-03-04"},   {"Sunday", "2026-03-08"},   {"vorige week maandag", "2026-03-02"},
		{"vorige-week-zondag", "2026-03-08"}, {"last week friday", "2026-03-06"},
		{"vorige week", NULL},        {"maandagen", NULL},
		{"ma", "2026-03-09"},         {"Vr", "2026-03-06"},       {"vorige week di", "2026-03-03"},
		{"thu", "2026-03-05"},        {"m", NULL},                {"morgen", "2026-03-11"},
		{"Overmorgen", "2026-03-12"}, {"ooit", NULL},
		/* the last one before today; days counted back */
		{"afgelopen dinsdag", "2026-03-03"}, {"afgelopen maandag", "2026-03-09"},
		{"last tuesday", "2026-03-03"}, {"Afgelopen-Vr", "2026-03-06"},
		{"3 dagen geleden", "2026-03-07"}, {"1 dag geleden", "2026-03-09"},
		{"10 days ago", "2026-02-28"}, {"0 dagen geleden", "2026-03-10"},
		{"dagen geleden", NULL},      {"3 weken geleden", NULL},  {"99999 dagen geleden", NULL},
		/* a date as an agenda writes it, its weekday first, which must be its own */
		{"vr 6-3", "2026-03-06"},     {"vrijdag 6 maart", "2026-03-06"},
		{"Fri, 6 March 2026", "2026-03-06"}, {"di 2026-03-03", "2026-03-03"},
		{"do 6-3", NULL},             {"vr", "2026-03-06"},       {"vr 6-13", NULL},
		/* an abbreviated month with its dot, and the year first with slashes */
		{"6 mrt.", "2026-03-06"},     {"6 mrt. 2026", "2026-03-06"}, {"2026/03/06", "2026-03-06"},
		{"2026/3/6", NULL},
	};
	setenv("CP_TODAY", "2026-03-10", 1);
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		int d = DATE_NONE;
		capture_start();
		int rc = cli_date(cases[i].arg, &d);
		char *err = capture_end();
		if (cases[i].want) {
			char out[11] = "";
			if (d != DATE_NONE)
				date_format(d, out);
			ok(rc == 0 && !strcmp(out, cases[i].want), "--date %s is %s", quotes(cases[i].arg),
			   cases[i].want);
		} else
			ok(rc == -1 && strstr(err, quotes(cases[i].arg)), "--date %s is refused: %s",
			   quotes(cases[i].arg), first_line(err));
		free(err);
	}
	capture_start();
	int d;
	cli_date("ooit", &d);
	char *err = capture_end();
	ok(strstr(err, "hint: a day may be a word: today,") != NULL, "a word that is no day: %s",
	   "the hint names the words");
	free(err);
	unsetenv("CP_TODAY");
}

static void hours(void)
{
	long m = -1;
	ok(cli_hours("16", 80, &m) == NULL && m == 960, "hours: 16 is 960 minutes");
	ok(cli_hours("18,5", 80, &m) == NULL && m == 1110, "hours: a Dutch 18,5");
	ok(cli_hours("80", 80, &m) == NULL && m == 4800, "hours: the most there may be");
	is_str(cli_hours("80,5", 80, &m), "must be more than 0 and at most 80 hours",
	       "hours: more than the most, and the message says how many");
	is_str(cli_hours("0", 100000, &m), "must be more than 0 and at most 100000 hours",
	       "hours: none");
	ok(cli_hours("x", 80, &m) != NULL, "hours: no number");
}

static const struct argp_child children[] = {
	{&cli_plans_argp, 0, NULL, 0}, {&cli_sheet_argp, 0, NULL, 0}, {&cli_output_argp, 0, NULL, 0},
	{0}};
static const struct argp parser = {NULL, NULL, NULL, NULL, children, NULL, NULL};

static void options(void)
{
	char *argv[] = {"cp-test", "-p", "pl", "--file", "s.csv", "-o", "JSON", NULL};
	cli = (struct cli){NULL, NULL, OUT_AUTO};
	int rc = argp_parse(&parser, 7, argv, ARGP_NO_EXIT, NULL, NULL);
	ok(rc == 0 && !strcmp(cli.plansdir, "pl") && !strcmp(cli.sheet, "s.csv") &&
		   cli.out == OUT_JSON,
	   "-p, --file and -o, as argp children");
	cli = (struct cli){NULL, NULL, OUT_AUTO};

	/* an unknown output format ends the tool with EX_USAGE */
	fflush(stdout);
	pid_t pid = fork();
	if (pid == 0) {
		if (!freopen("/dev/null", "w", stderr))
			_exit(99);
		char *bad[] = {"cp-test", "-o", "xml", NULL};
		argp_err_exit_status = EX_USAGE;
		argp_parse(&parser, 3, bad, 0, NULL, NULL);
		_exit(0);
	}
	int status;
	waitpid(pid, &status, 0);
	ok(WIFEXITED(status) && WEXITSTATUS(status) == EX_USAGE, "-o xml: exit status EX_USAGE");
}

static void init_and_exit(void)
{
	char *argv[] = {"/usr/local/bin/cp-test", NULL};
	cli_init(1, argv, NULL);
	is_str(cp_prog, "cp-test", "cli_init names the program for messages");
	is_int(argp_err_exit_status, EX_USAGE, "and makes usage errors EX_USAGE");
	is_int(cli_exit(3), 3, "cli_exit passes the status on when the output is written");

	/* output that cannot be written turns success into EX_IOERR */
	FILE *full = fopen("/dev/full", "w");
	if (!full) {
		ok(1, "# SKIP no /dev/full");
		return;
	}
	fflush(stdout);
	int saved = dup(STDOUT_FILENO);
	dup2(fileno(full), STDOUT_FILENO);
	printf("# this line goes nowhere\n");
	capture_start();
	int rc = cli_exit(0);
	char *err = capture_end();
	clearerr(stdout);
	dup2(saved, STDOUT_FILENO);
	close(saved);
	fclose(full);
	is_int(rc, EX_IOERR, "cli_exit on a full disk: EX_IOERR");
	ok(strstr(err, "cannot write standard output: No space left on device") != NULL,
	   "saying so: %s", first_line(err));
	free(err);
}

/* A child that writes to /dev/full and ends as `how` says: its exit
 * status, and its stderr in *err. */
static int ends(int how, char **err)
{
	fflush(stdout);
	capture_start();
	pid_t pid = fork();
	if (pid == 0) {
		int full = open("/dev/full", O_WRONLY);
		if (full < 0 || dup2(full, STDOUT_FILENO) < 0)
			_exit(99);
		char *argv[] = {"test-cli", NULL}; /* as count_messages counts */
		cli_init(1, argv, NULL);
		printf("Usage: test-cli [OPTION...]\n");
		if (how == 1) /* a run that failed before */
			exit(cp_err(EX_DATAERR, "a bad plan") < 0 ? EX_DATAERR : 0);
		exit(how == 2 ? cli_exit(0) : 0); /* 2: the tool checked, 0: argp's --help */
	}
	int status = -1;
	waitpid(pid, &status, 0);
	*err = capture_end();
	return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

/* Every way out checks standard output, --help's exit() from argp too;
 * said once, and a failed run keeps its status. */
static void at_exit(void)
{
	char *err;
	if (access("/dev/full", W_OK) != 0) {
		ok(1, "# SKIP no /dev/full");
		return;
	}
	is_int(ends(0, &err), EX_IOERR, "exit(0) on a full disk: EX_IOERR");
	ok(strstr(err, "test-cli: cannot write standard output: No space left on device") &&
		   count_messages(err) == 1,
	   "said once: %s", first_line(err));
	free(err);
	is_int(ends(1, &err), EX_DATAERR, "a run that failed keeps its status");
	ok(strstr(err, "cannot write standard output") != NULL, "and says the output failed too");
	free(err);
	is_int(ends(2, &err), EX_IOERR, "cli_exit, then exit: EX_IOERR");
	is_int(count_messages(err), 1, "said once, not again at exit");
	free(err);
}

int main(void)
{
	err_init("test-cli");
	at_exit(); /* first: its children start with no status and nothing said */
	defaults();
	dates();
	hours();
	options();
	init_and_exit();
	return tap_done();
}
