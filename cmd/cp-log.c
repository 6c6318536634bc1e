/* cp-log: append checked hour entries to an hour sheet, one from the
 * command line or many as CSV on standard input, all or none. */
#include <argp.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "coachplan.h"

enum { OPT_FORCE = 256 };

static const struct argp_option options[] = {
	{"plan", 'P', N_("ID"), 0, N_("the plan the time was for"), 1},
	{"goal", 'g', N_("GOAL"), 0, N_("the plan's goal it was for (G1, ...)"), 1},
	{"mode", 'm', N_("MODE"), 0,
	 N_("onsite (werkvloer), phone (telefoon), email (mail), video (beeldbellen), chat (app) or "
	    "other (overig)"), 1},
	{"date", 'd', N_("DATE"), 0,
	 N_("the day: YYYY-MM-DD, 23-11-2026, yesterday, monday or mon, last week friday, "
	    "gisteren, maandag or ma (default: today)"),
	 1},
	{"coach", 'c', N_("NAME"), 0, N_("who coached (default: $USER)"), 1},
	{"activity", 'a', N_("ACTIVITY"), 0,
	 N_("what was done, as UWV counts it: introduction (kennismaking), structuring, training, "
	    "disruptions, support, home, supervisor, evaluation, other"), 1},
	{"internal", 'i', N_("TEXT"), 0,
	 N_("a note for the team only, in the sheet's internal column: no report or export ever "
	    "shows it"), 1},
	{"force", OPT_FORCE, NULL, 0,
	 N_("log on a closed plan, outside its dates, in the future, over a grant, to a "
	    "grant declared already or an entry logged already"), 2},
	{"dry-run", 'n', NULL, 0, N_("print the lines instead of appending them"), 2},
	{"quiet", 'q', NULL, 0, N_("say nothing on success, not even what is left of the grant"), 2},
	{0},
};

static const char *const help_post =
	N_("DURATION is minutes (90) or hours and minutes: 1h30, 1:30, 1,5u, 1 uur 30, 3 "
	   "kwartier; it is the longest run of words that reads as one, the NOTE the "
	   "rest.\n\n"
	   "Examples:\n"
	   "  cp-log --plan P-2026-014 --goal G1 --mode werkvloer 1h30 Inwerken kassa\n"
	   "  cp-log -f hours/robin.csv - < entries.csv");

static struct {
	const char *plan, *goal, *mode, *date, *coach, *internal, *activity;
	int force, dry_run, batch, quiet;
	char **words; /* the duration and the note, as the shell split them */
	size_t nwords;
	struct buf duration, note;
} opt;

static error_t parse(int key, char *arg, struct argp_state *state)
{
	switch (key) {
	case 'P': opt.plan = cli_plan_arg(state, arg); break;
	case 'g': opt.goal = arg; break;
	case 'm': opt.mode = arg; break;
	case 'd': opt.date = arg; break;
	case 'c': opt.coach = cli_name(state, arg); break;
	case 'i': opt.internal = arg; break;
	case 'a': opt.activity = arg; break;
	case OPT_FORCE: opt.force = 1; break;
	case 'n': opt.dry_run = 1; break;
	case 'q': opt.quiet = 1; break;
	case ARGP_KEY_ARG:
		if (state->arg_num == 0 && !strcmp(arg, "-"))
			opt.batch = 1;
		else if (opt.batch)
			argp_error(state, _("with - the entries come from standard input only"));
		else {
			opt.words = xreallocarray(opt.words, opt.nwords + 1, sizeof *opt.words);
			opt.words[opt.nwords++] = arg;
		}
		break;
	case ARGP_KEY_END:
		if (opt.batch && (opt.plan || opt.goal || opt.mode || opt.date || opt.internal ||
				  opt.activity))
			argp_error(state, _("with - the entries come from standard input only"));
		if (!opt.batch && !opt.plan)
			cli_plan_required(state, opt.nwords ? opt.words[0] : NULL);
		if (!opt.batch && !opt.mode)
			argp_error(state, _("--mode is required: %s"), vocab_choices(&vocab_mode));
		if (!opt.batch && !opt.nwords)
			argp_error(state, _("a DURATION is required: 90, 1h30, 1:30, 1,5u"));
		break;
	default:
		return ARGP_ERR_UNKNOWN;
	}
	return 0;
}

static const struct argp argp = {
	options, parse, N_("DURATION [NOTE...]\n-"),
	N_("Append an hour entry to an hour sheet, checked against its plan; with - append the "
	   "entries read as CSV (with a header) from standard input, all or none."),
	cli_children_sheet, cli_help, "coachplan",
};

static char *coach_name(void)
{
	const char *user = opt.coach ? opt.coach : cli_login();
	return xstrdup(user && *user ? user : "coach");
}

/* One entry from the options: syntax errors are usage errors (64). */
static int entry_from_args(struct entry *e, char *coach)
{
	memset(e, 0, sizeof *e);
	int rc = 0;
	e->plan = (struct str){opt.plan, strlen(opt.plan)};
	e->goal = (struct str){opt.goal ? opt.goal : "", opt.goal ? strlen(opt.goal) : 0};
	e->coach = (struct str){coach, strlen(coach)};
	if (!id_valid(e->plan.s, e->plan.n))
		rc = cp_err(EX_USAGE, _("bad plan id %s"), quotes(opt.plan));
	if (e->goal.n && !id_valid(e->goal.s, e->goal.n))
		rc = cp_err(EX_USAGE, _("bad goal id %s"), quotes(opt.goal));
	if ((e->mode = mode_parse(opt.mode, strlen(opt.mode))) < 0)
		rc = vocab_unknown(&vocab_mode, opt.mode);
	if (cli_duration_words(opt.words, opt.nwords, &e->minutes, &opt.duration, &opt.note) < 0)
		rc = -1;
	e->note = (struct str){buf_str(&opt.note), opt.note.len};
	e->date = date_today();
	if (opt.date && cli_date(opt.date, &e->date) < 0)
		rc = -1;
	if (rc == 0 && entry_check_text(e, 0, NULL, NULL) < 0)
		rc = -1;
	return rc;
}

/* The checks for an entry whose day was typed as date: one without its
 * year that lies ahead was most likely meant for the year before. */
static int check_flags(struct str date)
{
	return (opt.force ? CHECK_FORCE : 0) |
	       (date_typed_yearless(date.s, date.n) ? CHECK_NO_YEAR : 0);
}

static void sheet_col_pos(void *arg, enum sheet_col c, struct srcpos *at)
{
	struct sheet *sh = arg;
	sheet_pos(sh, (size_t)sheet_colof(sh, c), at);
}

/* An activity as typed (a Dutch word too) checked, and written as its
 * English key, as -a writes it. */
static int activity_of(struct sheet *in, size_t col, char **value)
{
	int a = vocab_parse(&vocab_activity, *value, strlen(*value));
	if (a < 0) {
		struct srcpos at;
		sheet_pos(in, col, &at);
		return cp_err_at(EX_DATAERR, &at, NULL, _(vocab_activity.unknown), quotes(*value),
				 vocab_choices(&vocab_activity));
	}
	free(*value);
	*value = xstrdup(vocab_name(&vocab_activity, a));
	return 0;
}

/* Entries from standard input: every problem is reported, none is written
 * unless all are good.  Input without a coach column is the coach's own
 * (--coach, $USER). */
static int entries_from_stdin(struct plancache *plans, struct rows *rows, const char *coach)
{
	struct sheet *in = sheet_open("-", SHEET_LENIENT | SHEET_OWN_LIST);
	if (!in)
		return -1;
	int own = sheet_colof(in, COL_COACH) < 0;
	if (!own && opt.coach) {
		struct srcpos at;
		sheet_col_pos(in, COL_COACH, &at);
		cp_err_at(EX_USAGE, &at, _("leave out --coach, or the coach column"),
			  _("the input names the coach of each entry; --coach is for input without "
			    "a coach column"));
		sheet_close(in);
		return -1;
	}
	size_t ncols = sheet_ncols(in);
	rows->extra_names = xcalloc(ncols ? ncols : 1, sizeof *rows->extra_names);
	for (size_t c = 0; c < ncols; c++) {
		int known = 0;
		for (int k = 0; k < COL_KNOWN; k++)
			known |= sheet_colof(in, k) == (int)c;
		if (!known)
			rows->extra_names[rows->nextra++] =
				xstrndup(sheet_colname(in, c).s, sheet_colname(in, c).n);
	}
	int bad = 0, r, today = date_today();
	int act = sheet_activity_column(in), datecol = sheet_colof(in, COL_DATE);
	struct entry e;
	while ((r = sheet_next(in, &e)) != 0) {
		if (r > 0 && own)
			e.coach = (struct str){coach, strlen(coach)};
		if (r < 0 || entry_check_text(&e, 0, sheet_col_pos, in) < 0 ||
		    entry_check(plans, &e, check_flags(sheet_field(in, (size_t)datecol)), today,
				sheet_col_pos, in) < 0) {
			bad++;
			continue;
		}
		struct row *row = rows_add_entry(rows, &e);
		for (size_t c = 0, k = 0; c < ncols; c++) {
			struct str name = sheet_colname(in, c);
			if (k < rows->nextra && strlen(rows->extra_names[k]) == name.n &&
			    !memcmp(rows->extra_names[k], name.s, name.n)) {
				struct str v = sheet_field(in, c);
				row->extra[k++] = xstrndup(v.s, v.n);
				if (c == (size_t)act && v.n && activity_of(in, c, &row->extra[k - 1]) < 0)
					bad++;
			}
		}
	}
	sheet_close(in);
	return bad || cp_errors() ? -1 : 0;
}

/* The entry as a row, with the columns only some sheets have (activity,
 * internal) where the options fill them. */
static int extras(struct rows *rows, const struct entry *e)
{
	const char *names[2], *values[2];
	size_t n = 0;
	if (opt.activity) {
		int a = vocab_parse(&vocab_activity, opt.activity, strlen(opt.activity));
		if (a < 0)
			return vocab_unknown(&vocab_activity, opt.activity);
		names[n] = "activity", values[n++] = vocab_name(&vocab_activity, a);
	}
	if (opt.internal) {
		if (cli_text(_("internal note"), opt.internal) < 0)
			return -1;
		names[n] = "internal", values[n++] = opt.internal;
	}
	rows->extra_names = n ? xcalloc(n, sizeof *rows->extra_names) : NULL;
	for (size_t k = 0; k < n; k++)
		rows->extra_names[rows->nextra++] = xstrdup(names[k]);
	struct row *row = rows_add_entry(rows, e);
	for (size_t k = 0; k < n; k++)
		row->extra[k] = xstrdup(values[k]);
	return 0;
}

int main(int argc, char **argv)
{
	cli_init(argc, argv, help_post);
	argp_parse(&argp, argc, argv, 0, NULL, NULL);
	struct plancache *plans = plancache_new(cli_plans());
	struct rows rows = {0};
	char *coach = coach_name();
	int rc;
	if (opt.batch)
		rc = entries_from_stdin(plans, &rows, coach);
	else {
		struct entry e;
		rc = entry_from_args(&e, coach);
		struct str day = {opt.date, opt.date ? strlen(opt.date) : 0};
		if (rc == 0)
			rc = entry_check(plans, &e, check_flags(day), date_today(), NULL, NULL);
		if (rc == 0)
			rc = extras(&rows, &e);
	}
	/* the hours granted are a ceiling, unless --force; checked with the
	 * sheet locked, so that two entries logged at once cannot both fit */
	struct ceiling *ceiling = rc == 0 && rows.n ? ceiling_for(plans, cli_sheetpath(), &rows,
								  opt.force)
						    : NULL;
	if (rc == 0 && opt.dry_run && (rc = ceiling_check(ceiling)) == 0) {
		/* a whole sheet, so that it pipes into cp-hours - */
		struct buf b = {0};
		sheet_format_header(&b, &rows);
		sheet_format_rows(&b, &rows, NULL, "\n");
		fwrite(b.s ? b.s : "", 1, b.len, stdout);
		buf_free(&b);
	} else if (rc == 0 && rows.n && (opt.batch || sheet_has_columns(cli_sheetpath(), &rows) == 0))
		rc = sheet_append(cli_sheetpath(), &rows, ceiling_check, ceiling);
	else if (rc == 0 && rows.n)
		rc = -1;
	if (rc == 0 && ceiling)
		ceiling_report(ceiling, opt.quiet, opt.dry_run);
	if (rc == 0)
		medical_warn_rows(&rows, cli_plans());
	ceiling_free(ceiling);
	rows_free(&rows);
	plancache_free(plans);
	free(coach);
	buf_free(&opt.note);
	buf_free(&opt.duration);
	free(opt.words);
	return cli_exit(rc < 0 ? cp_status() : 0);
}
