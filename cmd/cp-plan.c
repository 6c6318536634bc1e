/* cp-plan: change a coaching plan from the shell, in place: a goal, an
 * agreement, a condition or a contact added, or taken out but the goal; a
 * grant, a hand-over to another coach or new contract hours from a day;
 * the plan paused, resumed or closed; a grant changed or taken out; a plan
 * moved to version 2.  The work is lib/planedit.c's. */
#include <argp.h>
#include <stdlib.h>
#include <string.h>

#include "coachplan.h"

enum {
	OPT_AGREEMENT = 256, OPT_CONDITION, OPT_CONTACT, OPT_GRANT, OPT_TO, OPT_LENGTH,
	OPT_REF, OPT_KIND, OPT_HOURS, OPT_LEVEL, OPT_WORK, OPT_FROM, OPT_PAUSE,
	OPT_RESUME, OPT_CLOSE, OPT_END, OPT_MIGRATE, OPT_DECLARED, OPT_ON, OPT_DROP_GRANT,
	OPT_DROP_AGREEMENT, OPT_DROP_CONDITION, OPT_DROP_CONTACT, OPT_AMEND_GRANT
};

static const struct argp_option options[] = {
	{NULL, 0, NULL, 0, N_("What to add or take out (repeat for more; made in the order given):"),
	 1},
	{"goal", 'g', N_("TEXT"), 0, N_("a goal, with the next free id (G3)"), 1},
	{"agreement", OPT_AGREEMENT, N_("TEXT"), 0, N_("an agreement (afspraak)"), 1},
	{"condition", OPT_CONDITION, N_("TEXT"), 0, N_("a condition the workplace meets "
						       "(voorwaarde)"), 1},
	{"contact", OPT_CONTACT, N_("NAME[:ROLE]"), 0, N_("a contact: 'Anja de Vries:leidinggevende'"),
	 1},
	{"drop-agreement", OPT_DROP_AGREEMENT, N_("WORDS"), 0,
	 N_("take out the agreement that reads WORDS, or the one that holds them"), 1},
	{"drop-condition", OPT_DROP_CONDITION, N_("WORDS"), 0,
	 N_("take out a condition the same way"), 1},
	{"drop-contact", OPT_DROP_CONTACT, N_("NAME"), 0, N_("take out a contact, by name"), 1},
	{NULL, 0, NULL, 0, N_("The dated history (a plan of version 2):"), 2},
	{"grant", OPT_GRANT, N_("GRANT"), 0,
	 N_("a grant: FROM..TO:HOURS or FROM/LENGTH:LEVEL, then ,FUNDER ,KIND ,ref=REF; e.g. "
	    "2027-05-02/6m:midden,vervolg,ref=2027-001234"), 2},
	{"to", OPT_TO, N_("DATE"), 0, N_("the grant's last day"), 2},
	{"length", OPT_LENGTH, N_("LENGTH"), 0, N_("the grant's length instead: 6m"), 2},
	{"funder", 'F', N_("FUNDER"), 0, N_("who grants it: uwv, gemeente, werkgever, other"),
	 2},
	{"ref", OPT_REF, N_("REF"), 0, N_("the grant's reference (beschikking)"), 2},
	{"kind", OPT_KIND, N_("KIND"), 0, N_("standard, extension (vervolg), strippenkaart, internal"),
	 2},
	{"hours", OPT_HOURS, N_("H"), 0, N_("the hours granted"), 2},
	{"level", OPT_LEVEL, N_("LEVEL"), 0, N_("or the support level: zeer-licht, licht, midden, "
						"intensief, intern"), 2},
	{"coach", 'c', N_("NAME"), 0, N_("hand the plan over to coach NAME from --from"), 2},
	{"work-hours", OPT_WORK, N_("H"), 0, N_("contract hours per week from --from"), 2},
	{"from", OPT_FROM, N_("DATE"), 0,
	 N_("the day the --coach, --work-hours, --pause, --resume or --goal before it start "
	    "(default today); one --from dates them all"), 2},
	{"declared", OPT_DECLARED, N_("GRANT"), 0, N_("record that a grant's hours were declared to "
						      "its funder: GRANT is its ref, a day it holds, "
						      "or 'ended' for all that ended before --on"), 2},
	{"on", OPT_ON, N_("DATE"), 0, N_("the day of --declared (default today)"), 2},
	{"drop-grant", OPT_DROP_GRANT, N_("GRANT"), 0, N_("take out a grant recorded by mistake or "
							  "planned and not given: its ref or a day it "
							  "holds; one that has begun or was declared "
							  "takes --force"), 2},
	{"amend-grant", OPT_AMEND_GRANT, N_("GRANT"), 0, N_("change a grant in place, named as for "
							    "--drop-grant: --ref, --hours ... after it"), 2},
	{"migrate", OPT_MIGRATE, NULL, 0, N_("move a version 1 plan to version 2: budget:, coach: and "
					     "work_hours_per_week: as dated lists"), 2},
	{NULL, 0, NULL, 0, N_("Status:"), 3},
	{"pause", OPT_PAUSE, NULL, 0, N_("pause the plan from today, or from --from"), 3},
	{"resume", OPT_RESUME, NULL, 0,
	 N_("make a paused or closed plan active again, from today or --from; the pause stays "
	    "under pauses:, its days without hours"), 3},
	{"close", OPT_CLOSE, NULL, 0, N_("close the plan: status closed, end today or --end"), 3},
	{"end", OPT_END, N_("DATE"), 0,
	 N_("the plan's new end, later or earlier; with --close: the last day of coaching"), 3},
	{NULL, 0, NULL, 0, N_("How:"), 4},
	{"dry-run", 'n', NULL, 0, N_("show the change as a diff; write nothing"), 4},
	{"force", 'f', NULL, 0, N_("--drop-grant, --amend-grant: even a grant begun or declared"), 4},
	{0},
};

static const char *const help_post =
	N_("PLAN is a plan id (in the plans directory) or a plan file.\n\n"
	   "Examples:\n"
	   "  cp-plan P-2026-020 --goal 'Zelfstandig de kassa afsluiten'\n"
	   "  cp-plan P-2026-020 --grant 2027-05-02/6m --ref 2027-001234 --level midden\n"
	   "  cp-plan P-2026-018 --grant 2027-01-04:20,strippenkaart,werkgever\n"
	   "  cp-plan P-2026-020 --coach kim --from 2027-03-01\n"
	   "  cp-plan P-2026-020 --declared 2026-004417 --on 2027-05-10\n"
	   "  cp-plan P-2026-020 --amend-grant 2026-11-02 --ref 2026-004417\n"
	   "  cp-plan P-2024-011 --migrate -n");

#define MAX_OPS 100

static struct {
	struct plan_op ops[MAX_OPS];
	size_t nops;
	struct plan_op *grant; /* the last --grant: --to, --funder ... apply to it */
	const char *from[MAX_OPS]; /* each --from, given after from_at[k] changes */
	size_t from_at[MAX_OPS], nfroms;
	const char *plan, *end, *on;
	int dry_run, force, nstatus;
} opt;

static int grant_field(struct argp_state *state, const char *key, const char *arg)
{
	return cli_grant_option(state, opt.grant ? &opt.grant->grant : NULL, key, arg);
}

static struct plan_op *add_op(struct argp_state *state, int kind, const char *text)
{
	if (opt.nops == MAX_OPS)
		argp_error(state, _("too many changes at once"));
	struct plan_op *op = &opt.ops[opt.nops++];
	*op = plan_op_new(kind, text);
	return op;
}

static error_t text_op(struct argp_state *state, int kind, const char *what, const char *arg)
{
	add_op(state, kind, arg);
	return cli_text(what, arg) < 0 ? EX_USAGE : 0;
}

static error_t status_op(struct argp_state *state, int status)
{
	add_op(state, PLAN_OP_STATUS, NULL)->status = status;
	opt.nstatus++;
	return 0;
}

static error_t parse(int key, char *arg, struct argp_state *state)
{
	struct plan_op *op;
	switch (key) {
	case 'g': return text_op(state, PLAN_OP_GOAL, _("goal"), arg);
	case OPT_AGREEMENT: return text_op(state, PLAN_OP_AGREEMENT, _("agreement"), arg);
	case OPT_CONDITION: return text_op(state, PLAN_OP_CONDITION, _("condition"), arg);
	case OPT_DROP_AGREEMENT: return text_op(state, PLAN_OP_DROP_AGREEMENT, _("agreement"), arg);
	case OPT_DROP_CONDITION: return text_op(state, PLAN_OP_DROP_CONDITION, _("condition"), arg);
	case OPT_DROP_CONTACT: return text_op(state, PLAN_OP_DROP_CONTACT, _("contact"), arg);
	case OPT_CONTACT:
		op = add_op(state, PLAN_OP_CONTACT, NULL);
		return cli_contact(arg, &op->text, &op->role) < 0 ? EX_USAGE : 0;
	case OPT_GRANT:
		opt.grant = add_op(state, PLAN_OP_GRANT, NULL);
		return cli_grant(arg, &opt.grant->grant) < 0 ? EX_USAGE : 0;
	case OPT_AMEND_GRANT: /* the --ref, --hours ... after it say what changes */
		opt.grant = add_op(state, PLAN_OP_AMEND_GRANT, cli_grant_name(arg));
		break;
	case OPT_TO: return grant_field(state, "to", arg);
	case OPT_LENGTH: return grant_field(state, "length", arg);
	case 'F': return grant_field(state, "funder", arg);
	case OPT_REF: return grant_field(state, "ref", arg);
	case OPT_KIND: return grant_field(state, "kind", arg);
	case OPT_HOURS: return grant_field(state, "hours", arg);
	case OPT_LEVEL: return grant_field(state, "level", arg);
	case 'c': return text_op(state, PLAN_OP_COACH, _("coach"), cli_name(state, arg));
	case OPT_WORK:
		op = add_op(state, PLAN_OP_WORK, NULL);
		const char *why = cli_hours(arg, 80, &op->minutes);
		return why ? (cp_err(EX_USAGE, "--work-hours %s: %s", quotes(arg), why), EX_USAGE) : 0;
	case OPT_FROM:
		if (opt.nfroms == MAX_OPS)
			argp_error(state, _("too many changes at once"));
		opt.from_at[opt.nfroms] = opt.nops;
		opt.from[opt.nfroms++] = arg;
		break;
	case OPT_DECLARED: return text_op(state, PLAN_OP_DECLARED, _("grant"), cli_grant_name(arg));
	case OPT_ON: opt.on = arg; break;
	case OPT_DROP_GRANT:
		return text_op(state, PLAN_OP_DROP_GRANT, _("grant"), cli_grant_name(arg));
	case 'f': opt.force = 1; break;
	case OPT_MIGRATE: add_op(state, PLAN_OP_MIGRATE, NULL); break;
	case OPT_PAUSE: return status_op(state, STATUS_PAUSED);
	case OPT_RESUME: return status_op(state, STATUS_ACTIVE);
	case OPT_CLOSE: return status_op(state, STATUS_CLOSED);
	case OPT_END: opt.end = arg; break;
	case 'n': opt.dry_run = 1; break;
	case ARGP_KEY_ARG:
		if (opt.plan)
			argp_error(state, _("one plan at a time"));
		opt.plan = arg;
		break;
	case ARGP_KEY_END:
		if (!opt.plan)
			argp_error(state, _("name the plan to change"));
		if (opt.end && !opt.nstatus) /* alone: the end moves, the status stays */
			add_op(state, PLAN_OP_END, NULL);
		if (!opt.nops)
			argp_error(state, _("nothing to change: give --goal, --grant, --coach, --pause "
					    "..."));
		if (opt.nstatus > 1)
			argp_error(state, _("--pause, --resume and --close go one at a time"));
		break;
	default:
		return ARGP_ERR_UNKNOWN;
	}
	return 0;
}

static const struct argp argp = {
	options, parse, N_("PLAN [--goal TEXT]... [--grant GRANT]... [--coach NAME --from DATE] ..."),
	N_("Change a coaching plan in place, keeping its comments and layout: add goals, "
	   "agreements, conditions, contacts and grants, hand it over to another coach or change "
	   "the contract hours from a day, move its end, pause, resume or close it, or move it to "
	   "version 2."),
	cli_children_plans, cli_help, "coachplan",
};

/* Where a change keeps the day --from gives it; NULL: it takes none. */
static int *from_field(struct plan_op *op)
{
	int k = op->kind, paused = k == PLAN_OP_STATUS && op->status == STATUS_PAUSED;
	if (k == PLAN_OP_COACH || k == PLAN_OP_WORK || k == PLAN_OP_GOAL || paused)
		return &op->day;
	return k == PLAN_OP_STATUS && op->status == STATUS_ACTIVE ? &op->since : NULL;
}

/* The --from of change i: the first after it, else the last (one dates all); -1: none */
static int from_of(size_t i)
{
	for (size_t k = 0; k < opt.nfroms; k++)
		if (opt.from_at[k] > i)
			return (int)k;
	return (int)opt.nfroms - 1;
}

/* Each --from dated a change, or it is refused: it would be lost without
 * a word (a second one was the first's day for every change). */
static int froms_used(const int *used)
{
	for (size_t k = 0; k < opt.nfroms; k++)
		if (!used[k] && opt.nfroms == 1)
			return cp_err(EX_USAGE, _("--from goes with --coach, --work-hours, --pause, "
						  "--resume or --goal"));
		else if (!used[k])
			return cp_err(EX_USAGE, _("--from %s dates no change: with more than one, "
						  "each dates the --coach, --work-hours, --pause, "
						  "--resume or --goal between it and the one before"),
				      quotes(opt.from[k]));
	return 0;
}

/* --from and --end, now that every option is read. */
static int dates(int today)
{
	int end = DATE_NONE, on = today, used_end = 0, used_on = 0, used_force = 0;
	int fromday[MAX_OPS] = {0}, used[MAX_OPS] = {0};
	for (size_t k = 0; k < opt.nfroms; k++)
		if (cli_date(opt.from[k], &fromday[k]) < 0)
			return -1;
	if ((opt.end && cli_date(opt.end, &end) < 0) || (opt.on && cli_date(opt.on, &on) < 0))
		return -1;
	for (size_t i = 0; i < opt.nops; i++) {
		struct plan_op *op = &opt.ops[i];
		int k = from_of(i), *day = from_field(op);
		if (day && k >= 0)
			*day = fromday[k], used[k] = 1;
		else if (day && day != &op->since && op->kind != PLAN_OP_GOAL)
			*day = today; /* a resumption and a goal without --from: their own */
		if ((op->kind == PLAN_OP_STATUS && op->status != STATUS_PAUSED) ||
		    op->kind == PLAN_OP_END)
			op->day = end, used_end = 1;
		if (op->kind == PLAN_OP_DECLARED)
			op->day = on, used_on = 1;
		if (op->kind == PLAN_OP_DROP_GRANT || op->kind == PLAN_OP_AMEND_GRANT)
			op->force = opt.force, used_force = 1;
	}
	if (opt.force && !used_force)
		return cp_err(EX_USAGE, _("--force goes with --drop-grant or --amend-grant"));
	if (froms_used(used) < 0)
		return -1;
	if (opt.end && !used_end)
		return cp_err(EX_USAGE, _("--end goes alone, or with --close or --resume"));
	if (opt.on && !used_on)
		return cp_err(EX_USAGE, _("--on goes with --declared"));
	return 0;
}

int main(int argc, char **argv)
{
	cli_init(argc, argv, help_post);
	if (argp_parse(&argp, argc, argv, 0, NULL, NULL) || cp_status())
		return cli_exit(EX_USAGE);
	int today = date_today();
	if (dates(today) < 0)
		return cli_exit(EX_USAGE);
	char *file = caseload_plan_file(opt.plan);
	if (!file)
		return cp_err(EX_USAGE, _("bad plan id %s"), quotes(opt.plan)), cli_exit(EX_USAGE);
	struct buf diff = {0};
	int rc = 0;
	if (plan_amend(file, opt.ops, opt.nops, today, 1, opt.dry_run ? &diff : NULL) < 0)
		rc = cp_status() ? cp_status() : EX_SOFTWARE;
	else if (diff.len)
		fwrite(diff.s, 1, diff.len, stdout);
	buf_free(&diff);
	free(file);
	return cli_exit(rc);
}
