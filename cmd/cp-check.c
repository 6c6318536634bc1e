/* cp-check: every plan and hour sheet of a caseload checked at once, each
 * problem reported at its position, quiet when all is well: for a coach
 * before a commit, and as the caseload's git pre-commit hook. */
#include <argp.h>
#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "coachplan.h"

enum { OPT_LIST_GOALS = 256, OPT_HOOK };

static const struct argp_option options[] = {
	/* for the shell completions: robust to comments and flow style, as awk is not */
	{"list-goals", OPT_LIST_GOALS, N_("ID"), OPTION_HIDDEN, N_("print the goal ids of plan ID"), 1},
	{"hook", OPT_HOOK, N_("NAME"), 0,
	 N_("run as the caseload's git hook NAME: say what to do last, when a problem is found"),
	 1},
	{"max-errors", 'm', N_("N"), 0,
	 N_("show at most N errors per sheet and count the rest (default 50; 0: all)"), 1},
	{"verbose", 'v', NULL, 0,
	 N_("say what was checked, also when all is well, and how to move version 1 plans to "
	    "version 2"), 1},
	{0},
};

static const char *const help_post =
	N_("Examples:\n"
	   "  cp-check\n"
	   "  cp-check plans/P-2026-014.yaml hours/robin.csv\n"
	   "  cp-check -v ~/caseload");

static struct {
	unsigned long max_errors;
	int verbose;
	const char *list_goals;
	const char *hook;
	char **args;
	size_t nargs;
} opt = {50, 0, NULL, NULL, NULL, 0};

static error_t parse(int key, char *arg, struct argp_state *state)
{
	char *end;
	switch (key) {
	case 'm':
		opt.max_errors = strtoul(arg, &end, 10);
		if (!*arg || *end || *arg == '-')
			argp_error(state, _("--max-errors takes a number, not %s"), quotes(arg));
		break;
	case 'v': opt.verbose = 1; break;
	case OPT_LIST_GOALS: opt.list_goals = arg; break;
	case OPT_HOOK:
		if (!hook_refusal(arg))
			argp_error(state, _("--hook takes pre-commit, pre-merge-commit, post-rewrite "
					    "or post-commit, not %s"), quotes(arg));
		opt.hook = arg;
		break;
	case ARGP_KEY_ARGS:
		opt.args = state->argv + state->next;
		opt.nargs = (size_t)(state->argc - state->next);
		break;
	default:
		return ARGP_ERR_UNKNOWN;
	}
	return 0;
}

static const struct argp argp = {
	options, parse, N_("[CASELOAD|PLANS|SHEETS...]"),
	N_("Check every plan and hour sheet of a caseload: each plan against the format, each "
	   "line of each sheet, and each entry against its plan.  Every problem of every file is "
	   "reported, as file:line:column; exit status 65 if there is any.  Arguments are plan "
	   "files, sheets, directories of either, and caseload directories (holding plans/ and "
	   "hours/); the default is the caseload here or above: its plans and hours directories."),
	cli_children_plans, cli_help, "coachplan",
};

struct files {
	char **plans, **sheets;
	size_t nplans, nsheets;
	char *plansdir; /* the plans the sheets' entries are held against */
};

static void add(char ***v, size_t *n, char *path)
{
	*v = xreallocarray(*v, *n + 1, sizeof **v);
	(*v)[(*n)++] = path;
}

static void add_plans_dir(struct files *f, const char *dir)
{
	char **paths;
	size_t n;
	if (plans_list(dir, &paths, &n) < 0)
		return;
	for (size_t i = 0; i < n; i++)
		add(&f->plans, &f->nplans, paths[i]);
	free(paths);
	if (!f->plansdir)
		f->plansdir = xstrdup(dir);
}

static void add_sheets(struct files *f, char *const *args, size_t n)
{
	char **paths;
	size_t np;
	sheets_expand(args, n, &paths, &np); /* a directory that cannot be read: reported */
	for (size_t i = 0; i < np; i++)
		add(&f->sheets, &f->nsheets, paths[i]);
	free(paths);
}

static void collect(struct files *f)
{
	if (cli.plansdir)
		f->plansdir = xstrdup(cli.plansdir);
	if (!opt.nargs) { /* the caseload here */
		char *hours = (char *)cli_sheetsdir();
		add_plans_dir(f, cli_plans());
		if (is_dir(hours))
			add_sheets(f, &hours, 1);
		return;
	}
	struct caseload_args a = {0};
	for (size_t i = 0; i < opt.nargs; i++)
		caseload_args_add(&a, opt.args[i], CASELOAD_SHEET);
	for (size_t i = 0; i < a.nplans; i++)
		if (is_plans_dir(a.plans[i]))
			add_plans_dir(f, a.plans[i]);
		else
			add(&f->plans, &f->nplans, xstrdup(a.plans[i]));
	if (a.nplans > 1) /* a plan named and in a directory named; one directory lists it once */
		f->nplans = paths_unique(f->plans, f->nplans);
	add_sheets(f, a.sheets, a.nsheets);
	caseload_args_free(&a);
}

/* Whether path is a plan of dir, as plans_list names them. */
static int in_dir(const char *path, const char *dir)
{
	if (!dir) /* no plans directory: no plan is one of its */
		return 0;
	const char *slash = strrchr(path, '/');
	size_t n = strlen(dir);
	while (n > 1 && dir[n - 1] == '/')
		n--;
	return slash && (size_t)(slash - path) == n && !strncmp(path, dir, n);
}

static void summary(const struct lint *l)
{
	if (l->readable > 1 && !opt.verbose)
		cp_warn(ngettext("%lu more file is readable by others; -v names it",
				 "%lu more files are readable by others; -v names them", l->readable - 1),
			l->readable - 1);
	if (l->bad_plans || l->bad_sheets) {
		struct buf b = {0};
		if (l->bad_plans)
			buf_printf(&b, ngettext("%lu plan", "%lu plans", l->bad_plans), l->bad_plans);
		if (l->bad_plans && l->bad_sheets)
			buf_puts(&b, _(" and "));
		if (l->bad_sheets)
			buf_printf(&b, ngettext("%lu sheet", "%lu sheets", l->bad_sheets), l->bad_sheets);
		fprintf(stderr, ngettext("%s: %s with errors (%lu error)\n",
					 "%s: %s with errors (%lu errors)\n", cp_errors()),
			cp_prog, b.s, cp_errors());
		buf_free(&b);
	} else if (opt.verbose) {
		fprintf(stderr, ngettext("%s: %lu plan, ", "%s: %lu plans, ", l->plans), cp_prog,
			l->plans);
		fprintf(stderr, ngettext("%lu sheet ", "%lu sheets ", l->sheets), l->sheets);
		fprintf(stderr, ngettext("of %lu line: no errors\n", "of %lu lines: no errors\n",
					 l->lines), l->lines);
	}
}

/* The goal ids of a plan (an id in the plans directory, or a file), one a line. */
static int list_goals(const char *arg)
{
	int status = 0; /* plan_path refuses a bad id without a status */
	char *path = caseload_plan_file(arg);
	struct plan *p = path ? plan_load(path, &status) : NULL;
	for (size_t i = 0; p && i < p->ngoals; i++)
		printf("%s\n", p->goals[i].id);
	plan_free(p);
	free(path);
	return p ? 0 : status ? status : EX_USAGE;
}

int main(int argc, char **argv)
{
	cli_init(argc, argv, help_post);
	argp_parse(&argp, argc, argv, 0, NULL, NULL);
	if (opt.list_goals)
		return cli_exit(list_goals(opt.list_goals));
	struct files f = {0};
	collect(&f);
	if (!f.plansdir)
		f.plansdir = xstrdup(cli_plans());
	struct lint l = {0};
	l.today = date_today();
	l.max_errors = opt.max_errors;
	l.verbose = opt.verbose;
	if (f.plansdir && is_dir(f.plansdir))
		l.cache = plancache_new(f.plansdir);
	char *root = caseload_root(f.plansdir);
	l.medical = medical_load(root);
	free(root);
	for (size_t i = 0; i < f.nplans; i++)
		lint_plan(&l, f.plans[i], l.cache && in_dir(f.plans[i], f.plansdir));
	if (f.nsheets && !l.cache)
		cp_err(EX_NOINPUT, _("%s: no plans directory: the sheets' entries are not checked "
				     "against their plans; -p names it"),
		       f.plansdir ? f.plansdir : cli_plans());
	for (size_t i = 0; i < f.nsheets; i++)
		lint_sheet(&l, f.sheets[i]);
	lint_leftovers(f.plans, f.nplans);
	lint_leftovers(f.sheets, f.nsheets);
	summary(&l);
	if (opt.hook && cp_status())
		fprintf(stderr, "%s\n", hook_refusal(opt.hook));
	lint_free(&l);
	paths_free(f.plans, f.nplans);
	paths_free(f.sheets, f.nsheets);
	free(f.plansdir);
	return cli_exit(cp_status());
}
