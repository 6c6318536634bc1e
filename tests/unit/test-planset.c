/* test-planset: the plans a report is about, from directories and plan files (planset.c). */
#include <sys/stat.h>

#include "coachplan.h"
#include "tap.h"
#include "util.h"

static void write_plan(const char *dir, const char *id, const char *start)
{
	char path[600], text[256];
	snprintf(path, sizeof path, "%s/%s.yaml", dir, id);
	snprintf(text, sizeof text, "id: %s\nparticipant: {name: X}\nfunder: gemeente\nstart: %s\n", id,
		 start);
	write_file(path, text, strlen(text));
}

static char plans[512], other[512], bad[512], one[600];

static void setup(void)
{
	snprintf(plans, sizeof plans, "%s", scratch_path("plans"));
	snprintf(other, sizeof other, "%s", scratch_path("other"));
	snprintf(bad, sizeof bad, "%s", scratch_path("bad"));
	mkdir(plans, 0700);
	mkdir(other, 0700);
	mkdir(bad, 0700);
	static const char *const ids[] = {"P-2", "P-10", "P-1"};
	for (size_t i = 0; i < 3; i++)
		write_plan(plans, ids[i], "2026-01-05");
	write_file(scratch_path("plans/notes.txt"), "x", 1);
	write_plan(other, "Q-1", "2026-01-05");
	write_plan(other, "P-1", "2026-01-05"); /* the same id as plans/P-1.yaml */
	snprintf(one, sizeof one, "%s/Q-1.yaml", other);
	write_plan(bad, "B-1", "2026-01-05");
	write_plan(bad, "B-2", "2026-02-30");
	write_plan(bad, "B-3", "2026-01-05");
}

/* The ids of a set, "P-1 P-10", NULL where a plan did not read. */
static const char *ids(const struct planset *s)
{
	static char out[256];
	out[0] = '\0';
	for (size_t i = 0; i < s->n; i++)
		snprintf(out + strlen(out), sizeof out - strlen(out), "%s%s", i ? " " : "",
			 s->plans[i] ? s->plans[i]->id : "NULL");
	return out;
}

static void loading(void)
{
	char slashed[600];
	snprintf(slashed, sizeof slashed, "%s/", plans);
	static const struct {
		int args; /* bits: 1 plans, 2 plans/ again, 4 other/Q-1.yaml */
		const char *only, *want;
		int named;
	} cases[] = {
		{1, NULL, "P-1 P-10 P-2", 0}, /* sorted by id, not as the directory lists them */
		{1 | 2, NULL, "P-1 P-10 P-2", 0}, /* each plan once */
		{1 | 4, NULL, "P-1 P-10 P-2 Q-1", 1},
		{4, NULL, "Q-1", 1},
		{1 | 4, "P-10", "P-10", 1},
		{1 | 4, "Q-1", "Q-1", 1},
		{1, "P-", "", 0}, /* a whole id, not a prefix */
		{1, "P-9", "", 0},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		char *args[3];
		size_t n = 0;
		if (cases[i].args & 1)
			args[n++] = plans;
		if (cases[i].args & 2)
			args[n++] = slashed;
		if (cases[i].args & 4)
			args[n++] = one;
		struct planset s;
		capture_start();
		int rc = planset_load(&s, args, n, 0, cases[i].only);
		char *err = capture_end();
		is_int(rc, 0, "case %zu: planset_load", i + 1);
		is_str(err, "", "case %zu: without a word", i + 1);
		is_str(ids(&s), cases[i].want, "case %zu: %s", i + 1, quotes(cases[i].want));
		is_int(s.named, cases[i].named, "case %zu: named %d", i + 1, cases[i].named);
		free(err);
		planset_free(&s);
	}
}

static void finding(void)
{
	char *args[] = {plans, one};
	struct planset s;
	planset_load(&s, args, 2, PLANSET_SLIM, NULL);
	static const struct {
		const char *id;
		size_t n;
		ssize_t want;
	} cases[] = {
		{"P-1", 3, 0}, {"P-10", 4, 1}, {"P-2", 3, 2}, {"Q-1", 3, 3},
		{"P-10", 3, 0}, /* n bytes of the id only */
		{"P-", 2, -1}, {"P-3", 3, -1}, {"P-100", 5, -1}, {"A", 1, -1}, {"Z", 1, -1}, {"", 0, -1},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
		is_int(planset_find(&s, cases[i].id, cases[i].n), cases[i].want, "planset_find %.*s",
		       (int)cases[i].n, cases[i].id);
	ok(s.plans[0] && s.plans[0]->start != DATE_NONE && s.plans[0]->ngoals == 0 &&
		   s.plans[0]->doc.src == NULL,
	   "PLANSET_SLIM: the dates kept, the text let go");
	planset_free(&s);
	struct planset empty;
	planset_load(&empty, NULL, 0, 0, NULL);
	is_int(planset_find(&empty, "P-1", 3), -1, "nothing found in an empty set");
	planset_free(&empty);
}

static void failures(void)
{
	char *args[] = {bad};
	struct planset s;
	unsigned long before = cp_errors();
	capture_start();
	int rc = planset_list(&s, args, 1, NULL);
	ok(rc == 0 && planset_read(&s, PLANSET_QUIET) == -1, "a bad plan among good ones: -1");
	char *err = capture_end();
	ok(!*err && cp_errors() == before, "PLANSET_QUIET: nothing said, nothing counted");
	free(err);
	is_str(ids(&s), "B-1 NULL B-3", "the good ones are there");
	capture_start();
	rc = planset_read(&s, 0);
	err = capture_end();
	ok(rc == -1 && strstr(err, "B-2.yaml:4:8: start: no such day"),
	   "read again: the bad one reported at its place");
	is_int(count_messages(err), 1, "once, the good ones are not read again");
	free(err);
	planset_free(&s);

	char *two[] = {plans, other};
	capture_start();
	rc = planset_load(&s, two, 2, 0, NULL);
	err = capture_end();
	ok(rc == -1 && strstr(err, "two files of one plan"), "two files of one plan: %s",
	   first_line(err));
	is_str(ids(&s), "P-1 P-10 P-2 Q-1", "and the plan once");
	free(err);
	planset_free(&s);

	char *missing[] = {(char *)scratch_path("missing.yaml")};
	capture_start();
	rc = planset_load(&s, missing, 1, 0, NULL);
	err = capture_end();
	ok(rc == -1 && s.n == 1 && !s.plans[0] && *err, "a missing plan file: %s", first_line(err));
	free(err);
	planset_free(&s);
}

static void locating(void)
{
	char slashed[600], want[700];
	snprintf(slashed, sizeof slashed, "%s//", plans);
	snprintf(want, sizeof want, "%s/P-10.yaml", plans);
	char *args[] = {one, slashed};
	char *p = plan_locate(args, 2, "P-10");
	is_str(p, want, "plan_locate: in a directory, given with slashes");
	free(p);
	p = plan_locate(args, 2, "Q-1");
	is_str(p, one, "plan_locate: a plan file named");
	free(p);
	ok(!plan_locate(args, 2, "P-9") && !plan_locate(args, 2, "Q") && !plan_locate(args, 0, "Q-1"),
	   "plan_locate: NULL for a plan that is not there");
}

int main(void)
{
	err_init("test-planset");
	setup();
	loading();
	finding();
	failures();
	locating();
	return tap_done();
}
