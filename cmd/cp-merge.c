/* cp-merge: git's merge driver for coaching plans and hour sheets.  Two
 * coaches who record an evaluation of one plan on two branches change the
 * same lines; cp-merge merges the plan as a plan (lib/merge.c) and leaves
 * conflict markers only where both changed one value differently.  A
 * sheet (PATH *.csv) is merged as its lines (lib/sheetmerge.c). */
#include <argp.h>
#include <string.h>

#include "coachplan.h"

static struct {
	const char *base, *ours, *theirs, *name;
} opt;

static error_t parse(int key, char *arg, struct argp_state *state)
{
	switch (key) {
	case ARGP_KEY_ARG:
		if (state->arg_num == 0)
			opt.base = arg;
		else if (state->arg_num == 1)
			opt.ours = arg;
		else if (state->arg_num == 2)
			opt.theirs = arg;
		else if (state->arg_num == 3)
			opt.name = arg;
		else
			argp_error(state, _("too many arguments"));
		break;
	case ARGP_KEY_END:
		if (!opt.theirs)
			argp_error(state, _("name BASE, OURS and THEIRS"));
		break;
	default:
		return ARGP_ERR_UNKNOWN;
	}
	return 0;
}

static const char *const help_post =
	N_("A caseload made by cp-new has it as git's merge driver:\n"
	   "  .gitattributes: plans/*.yaml merge=coachplan, hours/*.csv merge=coachplan\n"
	   "  git config merge.coachplan.driver 'cp-merge %O %A %B %P'");

static const struct argp argp = {
	NULL, parse, N_("BASE OURS THEIRS [PATH]"),
	N_("Merge a coaching plan changed on two branches, as git's merge driver: THEIRS' changes "
	   "since BASE go into OURS, which is rewritten; exit 0 if it merged cleanly, 1 if "
	   "conflict markers were left where both sides changed one value differently.  An hour "
	   "sheet (PATH ending in .csv) keeps OURS' lines less those THEIRS removed, and THEIRS' "
	   "new ones where they stand in THEIRS."),
	NULL, cli_help, "coachplan",
};

int main(int argc, char **argv)
{
	cli_init(argc, argv, help_post);
	argp_parse(&argp, argc, argv, 0, NULL, NULL);
	size_t n = opt.name ? strlen(opt.name) : 0;
	int sheet = n > 4 && !strcmp(opt.name + n - 4, ".csv");
	int rc = sheet ? sheet_merge(opt.base, opt.ours, opt.theirs, opt.name)
		       : plan_merge(opt.base, opt.ours, opt.theirs, opt.name);
	return cli_exit(rc == 2 ? cp_status() ? cp_status() : EX_SOFTWARE : rc);
}
