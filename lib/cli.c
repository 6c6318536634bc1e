/* cli.c: what every tool does alike: locale and message catalogue, the
 * options they share (as argp children), the text --help shows after the
 * options, where plans and sheets are by default, and checking that the
 * output really got written. */
#include <argp.h>
#include <ctype.h>
#include <limits.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
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

static const char *help_post; /* the tool's text after the options in --help */
static int out_told; /* "cannot write standard output" was said */

/* A standard output that could not be written, said once.  A write error
 * seen before this flush, with EX_IOERR the status already, is one the
 * tool has told (cp-report's print): not told twice. */
static int out_failed(void)
{
	int seen = ferror(stdout);
	if (fflush(stdout) == 0 && !ferror(stdout))
		return 0;
	if (!out_told && !(seen && cp_status() == EX_IOERR))
		cp_errno(EX_IOERR, _("cannot write standard output"));
	out_told = 1;
	return -1;
}

/* As the process ends, however it ends: argp's --help, --usage and
 * --version write standard output and exit() from inside argp_parse,
 * past cli_exit.  A run that failed keeps its status; one that did not
 * ends EX_IOERR (_exit: exit() from an exit handler is undefined). */
static void out_at_exit(void)
{
	if (out_failed() < 0 && cp_status() == EX_IOERR)
		_exit(EX_IOERR);
}

/* Where the message catalogues are: $COACHPLAN_LOCALEDIR; else, for a
 * tool run from the build directory, the catalogues built beside it
 * (build/locale), so that an uninstalled tree speaks Dutch too; else the
 * installed ones. */
static const char *localedir(void)
{
	static char built[PATH_MAX];
	const char *env = getenv("COACHPLAN_LOCALEDIR");
	if (env && *env)
		return env;
	ssize_t n = readlink("/proc/self/exe", built, sizeof built - sizeof "/locale");
	char *slash = n > 0 ? memrchr(built, '/', (size_t)n) : NULL;
	struct stat st;
	if (slash) {
		strcpy(slash, "/locale");
		if (stat(built, &st) == 0 && S_ISDIR(st.st_mode))
			return built;
	}
	return LOCALEDIR;
}

void cli_init(int argc, char **argv, const char *post)
{
	help_post = post;
	setlocale(LC_ALL, "");
	/* Numbers for programs have a point whatever the locale (printf's %f
	 * would write 12,5 under nl_NL); people get their separator from lang.c. */
	setlocale(LC_NUMERIC, "C");
	bindtextdomain("coachplan", localedir());
	bind_textdomain_codeset("coachplan", "UTF-8");
	textdomain("coachplan");
	err_init(argv[0]);
	/* getopt names the program by argv[0] as run: build/cp-log in its
	 * messages, cp-log in ours */
	if (argc > 0 && argv[0])
		argv[0] = (char *)cp_prog;
	argp_err_exit_status = EX_USAGE;
	static int registered;
	if (!registered++)
		atexit(out_at_exit);
}

static const struct argp_option plans_options[] = {
	{"plans", 'p', N_("DIR"), 0,
	 N_("plans directory (default: $CP_PLANS, else the caseload's: ./plans or the nearest "
	    "above)"), 0},
	{0},
};

/* -p and -f, for the two children below: each sees only its own option. */
static error_t paths_parse(int key, char *arg, struct argp_state *state)
{
	(void)state;
	if (key == 'p')
		cli.plansdir = arg;
	else if (key == 'f')
		cli.sheet = arg;
	else
		return ARGP_ERR_UNKNOWN;
	return 0;
}

/* -p P-2026-014, where -P or --plan was meant: the plans directory given
 * is no directory.  NULL when it is one, or when -p was not given. */
const char *cli_plans_not_dir(void)
{
	return cli.plansdir && !is_dir(cli.plansdir) ? cli.plansdir : NULL;
}

int cli_plan_typed(const char *arg)
{
	if (access(arg, F_OK) == 0 || !id_valid(arg, strlen(arg)))
		return 0;
	char *file = caseload_plan_file(arg);
	int named = file && access(file, F_OK) == 0;
	free(file);
	return named;
}

void cli_plan_required(struct argp_state *state, const char *first)
{
	const char *dir = cli_plans_not_dir();
	if (dir)
		argp_error(state, _("--plan is required: the plan the hours are for; -p %s names the "
				    "plans directory, -P %s the plan"),
			   dir, dir);
	if (first && cli_plan_typed(first))
		argp_error(state, _("--plan is required: the plan the hours are for; -P %s names "
				    "it, the first word is the duration"),
			   first);
	argp_error(state, _("--plan is required: the plan the hours are for"));
}

/* The length of the id in a plan file's name (P-1 of P-1.yaml); 0: none. */
static size_t id_in_name(const char *name)
{
	size_t n = strlen(name);
	if (n > 5 && !strcmp(name + n - 5, ".yaml"))
		return n - 5;
	if (n > 4 && !strcmp(name + n - 4, ".yml"))
		return n - 4;
	return 0;
}

const char *cli_plan_arg(struct argp_state *state, char *arg)
{
	char *slash = strrchr(arg, '/'), *name = slash ? slash + 1 : arg;
	size_t id = id_in_name(name);
	struct stat st;
	if (!id || !id_valid(name, id) || stat(arg, &st) < 0 || !S_ISREG(st.st_mode)) {
		if (!id_valid(arg, strlen(arg)))
			argp_error(state, _("bad plan id %s"), quotes(arg));
		return arg;
	}
	/* a caseload's plans (hours/ beside them) are where the id is looked
	 * up; a file in the plans directory found from here changes nothing */
	char *dir = !slash	   ? xstrdup(".")
		    : slash == arg ? xstrdup("/")
				   : xstrndup(arg, (size_t)(slash - arg));
	char *hours = caseload_hours_of(dir);
	if (!cli.plansdir && hours)
		cli.plansdir = dir;
	else
		free(dir);
	free(hours);
	name[id] = '\0'; /* the id, in argv: nothing to free, whoever keeps it */
	return name;
}

const struct argp cli_plans_argp = {plans_options, paths_parse, NULL, NULL, NULL, NULL,
				    "coachplan"};

static const struct argp_option sheet_options[] = {
	{"file", 'f', N_("SHEET"), 0,
	 N_("hour sheet (default: $CP_SHEET, else hours/$USER.csv of the caseload)"), 0},
	{0},
};

const struct argp cli_sheet_argp = {sheet_options, paths_parse, NULL, NULL, NULL, NULL,
				    "coachplan"};

/* cp-evaluate reads sheets only for --quiet-since, and then every sheet of
 * the caseload by default: a plan may be coached by more than one coach. */
static const struct argp_option quiet_sheet_options[] = {
	{"file", 'f', N_("SHEET"), 0,
	 N_("with -q: the hour sheet (default: $CP_SHEET, else every hours/*.csv of the "
	    "caseload)"), 0},
	{0},
};

static const struct argp cli_quiet_sheet_argp = {quiet_sheet_options, paths_parse, NULL, NULL,
						 NULL, NULL, "coachplan"};

#define OPT_EXCEL 0x10000 /* above every tool's own option keys */

static const struct argp_option output_options[] = {
	{"output", 'o', N_("FORMAT"), 0,
	 N_("text (or table), markdown, html, csv, excel or json (default: text on a "
	    "terminal, csv otherwise)"), 0},
	{"excel", OPT_EXCEL, NULL, 0,
	 N_("same as -o excel: CSV that Dutch Excel and LibreOffice open as it is (BOM, ';', "
	    "decimal comma, hours as 1,5)"), 0},
	{0},
};

static error_t output_parse(int key, char *arg, struct argp_state *state)
{
	if (key == OPT_EXCEL) {
		cli.out = OUT_EXCEL;
		return 0;
	}
	if (key != 'o')
		return ARGP_ERR_UNKNOWN;
	int f = outfmt_parse(arg);
	if (f < 0)
		argp_error(state, _("unknown output format %s; use %s"), quotes(arg),
			   renderer_choices());
	cli.out = (enum outfmt)f;
	return 0;
}

const struct argp cli_output_argp = {output_options, output_parse, NULL, NULL, NULL, NULL,
				     "coachplan"};

/* The shared options, as argp children, in the combinations the tools
 * take; after each tool's own options in --help. */
const struct argp_child cli_children_plans[] = {{&cli_plans_argp, 0, NULL, 8}, {0}};
const struct argp_child cli_children_sheet[] = {
	{&cli_sheet_argp, 0, NULL, 8}, {&cli_plans_argp, 0, NULL, 8}, {0}};
const struct argp_child cli_children_output[] = {
	{&cli_output_argp, 0, NULL, 8}, {&cli_plans_argp, 0, NULL, 8}, {0}};
const struct argp_child cli_children_quiet[] = {{&cli_plans_argp, 0, NULL, 8},
						{&cli_quiet_sheet_argp, 0, NULL, 8},
						{&cli_output_argp, 0, NULL, 8},
						{0}};

/* glibc's argp looks up its own words (Usage:, --help's lines, "Try ...")
 * in the domain of the program's root argp, not in glibc's catalogue, so
 * they are in ours: without them a Dutch --help starts in English. */
static const char *const argp_words[] __attribute__((unused)) = {
	N_("Usage:"),
	N_("  or: "),
	N_(" [OPTION...]"),
	N_("Give this help list"),
	N_("Give a short usage message"),
	N_("Print program version"),
	N_("Mandatory or optional arguments to long options are also mandatory or optional for "
	   "any corresponding short options."),
	N_("Report bugs to %s.\n"),
	N_("Try `%s --help' or `%s --usage' for more information.\n"),
	N_("%s: Too many arguments\n"),
	N_("(PROGRAM ERROR) No version known!?"),
	N_("(PROGRAM ERROR) Option should have been recognized!?"),
};

void cli_refuse_shared(struct argp_state *state, const char *mode)
{
	if (cli.sheet)
		argp_error(state, _("%s and -f/--file clash: %s reads no hour sheet"), mode, mode);
	if (cli.out != OUT_AUTO)
		argp_error(state, _("%s and -o/--output (or --excel) clash: %s has no list to format"),
			   mode, mode);
}

char *cli_help(int key, const char *text, void *input)
{
	(void)input;
	if (key == ARGP_KEY_HELP_POST_DOC && help_post)
		return xstrdup(_(help_post)); /* argp frees what is not its own text */
	return (char *)text;
}

enum outfmt cli_outfmt(void)
{
	if (cli.out != OUT_AUTO)
		return cli.out;
	return isatty(STDOUT_FILENO) ? OUT_TABLE : OUT_CSV;
}

/* A usage error found after argp: the Try line argp_error ends its own
 * with, so that every usage error reads the same. */
static void try_help(void)
{
	if (!cp_errors_silent())
		fprintf(stderr, _("Try `%s --help' or `%s --usage' for more information.\n"), cp_prog,
			cp_prog);
}

int cli_print_written(const char *path)
{
	printf("%s\n", path);
	if (fflush(stdout) == 0 && !ferror(stdout))
		return 0;
	out_told = 1;
	return cp_errno(EX_IOERR, _("%s is written, but its path could not be printed: cannot "
				    "write standard output"),
			path);
}

int cli_exit(int status)
{
	if (status == EX_USAGE)
		try_help();
	return out_failed() < 0 ? EX_IOERR : status;
}

int cli_text(const char *what, const char *s)
{
	size_t n = strlen(s);
	const char *why = NULL;
	if (!n)
		return cp_err(EX_USAGE, _("%s is empty"), what);
	if (utf8_invalid(s, n) != n)
		why = _("not valid UTF-8");
	for (size_t i = 0; !why && i < n; i++)
		if ((unsigned char)s[i] < 0x20 || s[i] == 0x7f)
			why = _("control characters are not allowed");
	return why ? cp_err(EX_USAGE, "%s %s: %s", what, quotes(s), why) : 0;
}

int cli_span(const char *what, const char *arg, struct interval *iv, int zero_ok)
{
	char days[32];
	const char *s = arg, *why;
	size_t n = strlen(s), digits = strspn(s, "0123456789");
	if (digits == n && n && n < sizeof days - 1) {
		snprintf(days, sizeof days, "%sd", s);
		s = days;
		n++;
	}
	if (digits && strspn(s, "0") == digits && digits + 1 == n && strchr("dwmy", s[digits])) {
		*iv = (struct interval){0, 'd'};
		why = zero_ok ? NULL : _("must be at least 1 day");
	} else
		why = interval_parse_typed(s, n, iv);
	return why ? cp_err(EX_USAGE, "%s %s: %s", what, quotes(arg), why) : 0;
}

int cli_word(struct argp_state *state, const struct vocab *v, const char *arg)
{
	int value = vocab_parse(v, arg, strlen(arg));
	if (value < 0)
		argp_error(state, _(v->unknown), quotes(arg), vocab_choices(v));
	return value;
}

int cli_date(const char *arg, int *day)
{
	const char *why = NULL;
	size_t n = strlen(arg);
	int r = date_parse_word(arg, date_today(), day, &why);
	if (r == -2)
		r = date_parse_typed(arg, n, date_today(), day, &why);
	if (r == 0)
		return 0;
	int ymd = n == 10 && arg[4] == arg[7] && (arg[4] == '-' || arg[4] == '/');
	if (r == -2)
		why = date_parse(arg, n, day);
	/* A word it does not know, or a date written no way it knows: the
	 * hint names the ways it knows.  A day that does not exist (31-11,
	 * 2026-02-30) needs only the reason. */
	const char *hint = NULL;
	if (r == -2 && isalpha((unsigned char)*arg))
		hint = _("a day may be a word: today, yesterday, tomorrow, monday, last friday, "
			 "last week friday, 3 days ago; vandaag, gisteren, eergisteren, morgen, "
			 "maandag (ma), afgelopen vrijdag, vorige week vrijdag, 3 dagen geleden; or "
			 "a date after its weekday: vr 20-11");
	else if (r == -2 && !ymd)
		hint = _("or day first: 20-11-2026, 20-11, 20 nov 2026");
	if (why)
		return cp_err_at(EX_USAGE, NULL, hint, "%s: %s", quotes(arg), why);
	return 0;
}

int cli_date_after(const char *arg, int after, int *day)
{
	if (cli_date(arg, day) < 0)
		return -1;
	/* the nearest 25-5 may be the one just gone; a day that must come
	 * later means the next (with its weekday, as typed, it is that one) */
	if (*day <= after && isdigit((unsigned char)*arg) &&
	    date_typed_yearless(arg, strlen(arg))) {
		int y, m, d;
		date_to_ymd(*day, &y, &m, &d);
		for (int cy = y + 1; cy <= y + 4 && *day <= after; cy++)
			if (d <= date_days_in_month(cy, m))
				*day = date_from_ymd(cy, m, d);
	}
	return 0;
}

int cli_duration_words(char *const *words, size_t n, long *minutes, struct buf *duration,
		       struct buf *note)
{
	const char *why;
	size_t k = duration_words(words, n, minutes, &why);
	if (!k)
		k = 1; /* not a duration: say so of the first word */
	for (size_t i = 0; i < n; i++)
		buf_printf(i < k ? duration : note, "%s%s", (i < k ? i : i - k) ? " " : "",
			   words[i]);
	if (why)
		return cp_err(EX_USAGE, "%s: %s", quotes(buf_str(duration)), why);
	if (!duration_goes_on(words, n, k))
		return 0;
	/* 1 1/2 uur overleg: not one minute and the note "1/2 uur overleg" */
	char read[24], as[256];
	duration_format(*minutes, read);
	snprintf(as, sizeof as, "%s", quotes(buf_str(duration)));
	struct buf line = {0};
	buf_printf(&line, "%s %s", buf_str(duration), buf_str(note));
	cp_err_at(EX_USAGE, NULL,
		  _("quote the duration ('1 uur 30') or the note ('en tien minuten later'), or "
		    "write the duration as one word: 1,5u, 90m"),
		  _("%s: read as the duration %s (%s) and the note %s, whose start looks like "
		    "more of the duration"),
		  quotes(line.s), as, read, quotes(buf_str(note)));
	buf_free(&line);
	return -1;
}

const char *cli_grant_name(const char *arg)
{
	int day;
	const char *why;
	if (date_parse_dmy(arg, strlen(arg), &day, &why) != 0)
		return arg;
	char iso[11];
	date_format(day, iso);
	return xstrdup(iso);
}

/* ---- a grant and a contact as typed ---- */

static int grant_err(const char *arg, const char *why)
{
	return cp_err(EX_USAGE, "--grant %s: %s", quotes(arg), why);
}

/* How much of s is the number of hours, with the unit a coach types after
 * it left off (16u, 18,5 uur, 60 uren, 20h, as cp-log takes 1,5u); a
 * plan's file holds the number alone. */
static size_t hours_number_len(const char *s)
{
	static const char *const units[] = {"u", "uur", "uren", "h", "hour", "hours"};
	size_t n = strlen(s), end = n;
	while (end > 0 && isalpha((unsigned char)s[end - 1]))
		end--;
	for (size_t i = 0; end > 0 && end < n && i < sizeof units / sizeof *units; i++)
		if (!strcasecmp(s + end, units[i])) {
			while (end > 0 && s[end - 1] == ' ')
				end--;
			return end;
		}
	return n;
}

const char *cli_hours(const char *s, long max, long *minutes)
{
	static char why[96];
	const char *bad = hours_parse(s, hours_number_len(s), minutes);
	if (bad || (*minutes > 0 && *minutes <= max * 60))
		return bad;
	snprintf(why, sizeof why, _("must be more than 0 and at most %ld hours"), max);
	return why;
}

int cli_budget(const char *arg, long *minutes, struct interval *per)
{
	char *copy = xstrdup(arg), *slash = strchr(copy, '/');
	const char *what = _("budget"), *bad = copy, *why;
	if (slash)
		*slash++ = '\0';
	if (!(why = cli_hours(copy, 100000, minutes)) && slash) {
		what = _("budget period");
		bad = slash;
		why = interval_parse_typed(slash, strlen(slash), per);
	}
	int rc = why ? cp_err(EX_USAGE, "%s %s: %s", what, quotes(bad), why) : 0;
	free(copy);
	return rc;
}

int cli_grant_field(struct grant_spec *g, const char *key, const char *value)
{
	size_t n = strlen(value);
	const char *why = NULL;
	if (!strcmp(key, "to")) {
		if (cli_date(value, &g->to) < 0)
			return -1;
	} else if (!strcmp(key, "length")) {
		if ((why = interval_parse_typed(value, n, &g->length)) == NULL && g->length.n <= 0)
			why = _("a length is more than 0: 6m");
	} else if (!strcmp(key, "funder")) {
		if ((g->funder = vocab_parse(&vocab_funder_typed, value, n)) < 0)
			return vocab_unknown(&vocab_funder_typed, value);
	} else if (!strcmp(key, "ref")) {
		if (cli_text(_("grant reference"), value) < 0)
			return -1;
		g->ref = value;
	} else if (!strcmp(key, "kind")) {
		if ((g->kind = vocab_parse(&vocab_grant_kind, value, n)) < 0)
			return vocab_unknown(&vocab_grant_kind, value);
	} else if (!strcmp(key, "hours")) {
		why = cli_hours(value, 100000, &g->minutes);
	} else if (!strcmp(key, "level")) {
		if ((g->level = vocab_parse(&vocab_grant_level, value, n)) < 0)
			return vocab_unknown(&vocab_grant_level, value);
	} else
		return cp_err(EX_USAGE, _("a grant has no %s; it has to, length, funder, ref, kind, "
					  "hours and level"),
			      quotes(key));
	if (why)
		return cp_err(EX_USAGE, "%s %s: %s", key, quotes(value), why);
	if (g->to != DATE_NONE && g->length.n)
		return cp_err(EX_USAGE, _("a grant has a last day or a length, not both"));
	return 0;
}

int cli_grant_option(struct argp_state *state, struct grant_spec *g, const char *key,
		     const char *arg)
{
	if (!g && !strcmp(key, "hours")) /* cp-new's --hours are the contract's */
		argp_error(state, _("--hours goes after the --grant or --amend-grant it belongs to; "
				    "the contract hours per week are --work-hours"));
	if (!g)
		argp_error(state, _("--%s goes after the --grant or --amend-grant it belongs to"), key);
	return cli_grant_field(g, key, arg) < 0 ? EX_USAGE : 0;
}

/* FROM..:HOURS with nothing after the dots: the examples are of the
 * day and hours typed. */
static int open_end(const char *typed, const char *from, const char *hours)
{
	int day;
	char a[11], b[11];
	if (cli_date(from, &day) < 0)
		return -1;
	date_format(day, a);
	date_format(date_add_interval(day, (struct interval){6, 'm'}, 1) - 1, b);
	return cp_err(EX_USAGE,
		      _("--grant %s: give its last day after the .. (%s..%s), or leave the .. out: "
			"it runs the funder's usual length, a strippenkaart (%s:%s,strippenkaart) "
			"until its hours are used"),
		      quotes(typed), a, b, a, hours && isdigit((unsigned char)*hours) ? hours : "20");
}

/* FROM[..TO|/LENGTH][:HOURS|:LEVEL][,FUNDER|,KIND|,KEY=VALUE]...; arg is
 * cut into its fields, which the grant points into. */
int cli_grant(char *arg, struct grant_spec *g)
{
	*g = (struct grant_spec)GRANT_SPEC_NONE;
	char *typed = xstrdup(arg), *amount = strchr(arg, ':'), *rest, *until;
	int rc = 0, word;
	/* hours with a decimal comma (:59,5): the comma is the number's */
	char *digits = amount ? amount + 1 + strspn(amount + 1, "0123456789") : arg;
	if (amount && digits > amount + 1 && digits[0] == ',' && digits[1] >= '0' && digits[1] <= '9')
		digits += 1 + strspn(digits + 1, "0123456789");
	if ((rest = strchr(amount ? digits : arg, ',')))
		*rest++ = '\0';
	if (amount)
		*amount++ = '\0';
	if ((until = strstr(arg, ".."))) {
		*until = '\0';
		until += 2;
	}
	char *len = until ? NULL : strchr(arg, '/');
	if (len)
		*len++ = '\0';
	if (!*arg)
		rc = grant_err(typed, _("start with its first day: 2027-05-02..2027-11-01:60, or "
					"2027-05-02/6m:midden"));
	else if (until && !*until) /* an open end, as a strippenkaart has */
		rc = open_end(typed, arg, amount);
	else if (cli_date(arg, &g->from) < 0 || (until && cli_grant_field(g, "to", until) < 0) ||
		 (len && cli_grant_field(g, "length", len) < 0))
		rc = -1;
	if (rc == 0 && amount) {
		int level = vocab_parse(&vocab_grant_level, amount, strlen(amount));
		long minutes;
		if (level >= 0)
			g->level = level;
		else if (hours_parse(amount, hours_number_len(amount), &minutes))
			rc = grant_err(typed, _("after the colon come the hours (60) or a support level "
						"(midden)"));
		else
			rc = cli_grant_field(g, "hours", amount);
	}
	for (char *item = rest, *next; rc == 0 && item; item = next) {
		if ((next = strchr(item, ',')))
			*next++ = '\0';
		char *eq = strchr(item, '=');
		if (eq) {
			*eq = '\0';
			rc = cli_grant_field(g, item, eq + 1);
		} else if ((word = vocab_parse(&vocab_funder_typed, item, strlen(item))) >= 0)
			g->funder = word;
		else if ((word = vocab_parse(&vocab_grant_kind, item, strlen(item))) >= 0)
			g->kind = word;
		else
			rc = grant_err(typed, _("after a comma come the funder (uwv), the kind (vervolg) "
						"or ref=REFERENCE"));
	}
	free(typed);
	return rc;
}

/* s without the blanks around it, cut in place */
static char *trim(char *s)
{
	s += strspn(s, " \t");
	size_t n = strlen(s);
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		s[--n] = '\0';
	return s;
}

/* A name pasted or quoted with a blank at an end would be written so
 * into a sheet or plan ("kim ") and be another coach than kim. */
char *cli_name(struct argp_state *state, char *arg)
{
	char *name = trim(arg);
	if (!*name)
		argp_error(state, _("--coach is empty"));
	return name;
}

/* 'Jan Smit: leidinggevende' is typed as a sentence is: the blanks
 * around the colon are no part of the name or the role. */
int cli_contact(char *arg, const char **name, const char **role)
{
	char *colon = strchr(arg, ':');
	if (colon)
		*colon = '\0';
	*name = trim(arg);
	*role = colon ? trim(colon + 1) : NULL;
	if (cli_text(_("contact"), *name) < 0 || (*role && cli_text(_("role"), *role) < 0))
		return -1;
	return 0;
}
