/* test-entrycheck: does an hour entry fit its plan?  Known and active plan, a day
 * within the plan and not in the future, a goal of the plan; --force lets
 * the plan's state and dates pass, never an unknown plan or goal. */
#include <sys/stat.h>

#include "coachplan.h"
#include "tap.h"
#include "util.h"

static int day(const char *s)
{
	int d = DATE_NONE;
	return date_parse(s, strlen(s), &d) ? DATE_NONE : d;
}

/* Where a column is, for messages: a fake sheet line, and which column was asked. */
static int asked = -1;
static const char line[] = "2026-03-02,robin,P-1,G9,onsite,90,x";

static void pos(void *arg, enum sheet_col c, struct srcpos *at)
{
	static const size_t offs[COL_KNOWN] = {0, 11, 17, 21, 24, 31, 34};
	(void)arg;
	asked = (int)c;
	*at = (struct srcpos){"s.csv", 5, line, sizeof line - 1, offs[c], 0};
}

static void plans(const char *dir)
{
	static const struct {
		const char *id, *body;
	} files[] = {
		{"P-1", "participant: {name: X}\nstart: 2026-01-05\nend: 2026-12-31\n"
			"goals:\n  - id: G1\n  - id: G2\n"},
		{"P-2", "participant: {name: X}\nstart: 2026-01-05\nstatus: closed\n"},
		{"P-3", "participant: {name: X}\nstart: 2026-01-05\nstatus: paused\n"},
		{"P-4", "participant: {name: X}\nfunder: gemeente\nstart: 2026-01-05\n"},
		{"P-5", "participant: {name: X}\nstart: 2026-13-05\n"},
		{"P-6", "participant: {name: X}\nstart: 2026-01-05\nend: 2026-03-06\nstatus: closed\n"},
		{"P-7", "participant: {name: X}\nstart: 2026-01-05\nend: 2026-06-30\nstatus: closed\n"},
		{"P-8", "participant: {name: X}\nstart: 2026-01-05\nstatus: paused\npaused: 2026-03-05\n"},
		{"P-10", "participant: {name: X}\nstart: 2026-01-05\npaused: 2026-03-05\n"},
	};
	mkdir(dir, 0700);
	for (size_t i = 0; i < sizeof files / sizeof *files; i++) {
		char path[512], text[512];
		snprintf(path, sizeof path, "%s/%s.yaml", dir, files[i].id);
		snprintf(text, sizeof text, "id: %s\n%s", files[i].id, files[i].body);
		write_file(path, text, strlen(text));
	}
}

static void checks(void)
{
	static const struct {
		const char *what, *plan, *goal, *date;
		int flags;
		int col;          /* the column blamed, -1 for none */
		const char *err;  /* the first line, without "test-entrycheck: s.csv:5:C: " */
		const char *hint;
	} cases[] = {
		{"a fitting entry", "P-1", "G1", "2026-03-02", 0, -1, NULL, NULL},
		{"no goal", "P-1", "", "2026-03-02", 0, -1, NULL, NULL},
		{"the plan's first day", "P-1", "G2", "2026-01-05", 0, -1, NULL, NULL},
		{"today", "P-1", "G2", "2026-03-10", 0, -1, NULL, NULL},
		{"an unknown plan", "P-9", "", "2026-03-02", 0, COL_PLAN, "unknown plan \"P-9\"",
		 "cp-new creates a plan; -p names the plans directory"},
		{"an unknown plan, forced", "P-9", "", "2026-03-02", CHECK_FORCE, COL_PLAN,
		 "unknown plan \"P-9\"", NULL},
		{"a plan that does not read", "P-5", "", "2026-03-02", 0, COL_PLAN,
		 "plan P-5 cannot be read (see above)", NULL},
		{"a closed plan", "P-2", "", "2026-03-02", 0, COL_PLAN, "plan P-2 is closed",
		 "cp-plan P-2 --resume --end DATE opens it again; --force logs hours on it anyway"},
		{"a closed plan, forced", "P-2", "", "2026-03-02", CHECK_FORCE, -1, NULL, NULL},
		{"a day before the end a plan closed on", "P-6", "", "2026-03-06", 0, -1, NULL, NULL},
		{"a day after it", "P-6", "", "2026-03-09", 0, COL_DATE, "plan P-6 closed on 2026-03-06",
		 "cp-plan P-6 --resume --end DATE opens it again; --force logs hours on it anyway"},
		{"a day after it, forced", "P-6", "", "2026-03-09", CHECK_FORCE, -1, NULL, NULL},
		{"a plan closed by hand, its end to come", "P-7", "", "2026-03-02", 0, COL_PLAN,
		 "plan P-7 is closed",
		 "cp-plan P-7 --resume --end DATE opens it again; --force logs hours on it anyway"},
		{"a day before a pause", "P-8", "", "2026-03-04", 0, -1, NULL, NULL},
		{"the pause's first day", "P-8", "", "2026-03-05", 0, COL_DATE,
		 "plan P-8 is paused since 2026-03-05",
		 "cp-plan P-8 --resume, from today or --from DATE, once coaching goes on; --force logs "
		 "hours on it anyway"},
		{"a pause's day, forced", "P-8", "", "2026-03-06", CHECK_FORCE, -1, NULL, NULL},
		{"paused: left in an active plan", "P-10", "", "2026-03-06", 0, -1, NULL, NULL},
		{"an unknown plan as typed in haste", "p-01", "", "2026-03-02", 0, COL_PLAN,
		 "unknown plan \"p-01\"", "did you mean P-1?"},
		{"a paused plan", "P-3", "", "2026-03-02", 0, COL_PLAN, "plan P-3 is paused", NULL},
		{"the future", "P-1", "G1", "2026-03-11", 0, COL_DATE, "2026-03-11 is in the future",
		 "hours are logged after the work; --force logs them anyway"},
		{"the future, forced", "P-1", "G1", "2026-03-11", CHECK_FORCE, -1, NULL, NULL},
		{"before the plan", "P-1", "G1", "2026-01-04", 0, COL_DATE,
		 "2026-01-04 lies outside plan P-1", "plan P-1 runs 2026-01-05..2026-12-31; --force logs it anyway"},
		{"before an open-ended plan", "P-4", "", "2025-12-31", 0, COL_DATE,
		 "2025-12-31 lies outside plan P-4", "plan P-4 runs 2026-01-05..; --force logs it anyway"},
		{"before the plan, forced", "P-1", "G1", "2026-01-04", CHECK_FORCE, -1, NULL, NULL},
		{"an unknown goal", "P-1", "G9", "2026-03-02", 0, COL_GOAL, "plan P-1 has no goal \"G9\"",
		 "the goals of P-1 are G1, G2"},
		{"a goal in lower case", "P-1", "g2", "2026-03-02", 0, COL_GOAL,
		 "plan P-1 has no goal \"g2\"", "did you mean G2?"},
		{"an unknown goal, forced", "P-1", "G9", "2026-03-02", CHECK_FORCE, COL_GOAL,
		 "plan P-1 has no goal \"G9\"", NULL},
		{"a goal of a plan without goals", "P-4", "G1", "2026-03-02", 0, COL_GOAL,
		 "plan P-4 has no goal \"G1\"", "plan P-4 has no goals; leave the goal empty"},
	};
	const char *dir = scratch_path("plans");
	plans(dir);
	struct plancache *c = plancache_new(dir);
	int today = day("2026-03-10");
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		struct entry e = {day(cases[i].date), MODE_ONSITE, 90,
				  {"robin", 5}, {cases[i].plan, strlen(cases[i].plan)},
				  {cases[i].goal, strlen(cases[i].goal)}, {"", 0}, 5, {"", 0}};
		asked = -1;
		capture_start();
		int rc = entry_check(c, &e, cases[i].flags, today, pos, NULL);
		char *err = capture_end();
		is_int(rc, cases[i].err ? -1 : 0, "%s: %s", cases[i].what, cases[i].err ? "refused" : "fits");
		is_int(asked, cases[i].col, "%s: the column blamed", cases[i].what);
		if (cases[i].err) {
			/* the check's message, after any the plan's reader gave */
			const char *at = strstr(err, "test-entrycheck: s.csv:5:");
			const char *msg = at ? strstr(first_line(at), ": ") : NULL;
			is_str(msg ? msg + 2 : err, cases[i].err, "%s: the message", cases[i].what);
			ok(at != NULL, "%s: at the sheet's line", cases[i].what);
			if (cases[i].hint) {
				char want[256];
				snprintf(want, sizeof want, " hint: %s\n", cases[i].hint);
				ok(strstr(err, want) != NULL, "%s: the hint", cases[i].what);
			}
		} else
			is_str(err, "", "%s: nothing said", cases[i].what);
		free(err);
	}

	/* without positions: the message and the hint alone */
	struct entry e = {day("2026-03-11"), MODE_PHONE, 30, {"robin", 5}, {"P-1", 3}, {"", 0},
			  {"", 0}, 0, {"", 0}};
	capture_start();
	int rc = entry_check(c, &e, 0, today, NULL, NULL);
	char *err = capture_end();
	is_int(rc, -1, "without positions: refused");
	is_str(err, "test-entrycheck: 2026-03-11 is in the future\n"
		    " hint: hours are logged after the work; --force logs them anyway\n",
	       "without positions: the message and its hint");
	free(err);
	plancache_free(c);
}

int main(void)
{
	err_init("test-entrycheck");
	checks();
	return tap_done();
}
