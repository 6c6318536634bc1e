/* test-caseload: plans as they lie on disk: paths from ids, the list of a
 * plans directory, a cache that reads each plan once, and a new caseload. */
#include <sys/stat.h>

#include "coachplan.h"
#include "tap.h"
#include "util.h"

static void write_plan(const char *dir, const char *id, const char *body)
{
	char path[512], text[1024];
	snprintf(path, sizeof path, "%s/%s", dir, id);
	snprintf(text, sizeof text, "id: %.*s\n%s", (int)strcspn(id, "."), id, body);
	write_file(path, text, strlen(text));
}

static void paths(void)
{
	char *p = plan_path("plans", "P-2026-014");
	is_str(p, "plans/P-2026-014.yaml", "plan_path");
	free(p);
	p = plan_path("/a/b/", "G1");
	is_str(p, "/a/b//G1.yaml", "plan_path leaves the directory as given");
	free(p);
	static const char *const bad[] = {"../x", "", ".", "..", "a/b", "a b", "P-1\n"};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
		ok(plan_path("plans", bad[i]) == NULL, "no path for the id %s", quotes(bad[i]));
}

static void listing(void)
{
	const char *dir = scratch_path("list");
	mkdir(dir, 0700);
	static const char *const files[] = {"P-2.yaml", "P-1.yaml", "a.yml", ".hidden.yaml",
					    ".P-1.yaml.cptmp.Ab12Cd", "notes.txt", "x.yaml~",
					    "yaml", ".yaml", "P-10.yaml"};
	for (size_t i = 0; i < sizeof files / sizeof *files; i++)
		write_plan(dir, files[i], "");
	char **v;
	size_t n;
	ok(plans_list(dir, &v, &n) == 0, "plans_list");
	static const char *const want[] = {"P-1.yaml", "P-10.yaml", "P-2.yaml"}; /* <id>.yaml */
	is_int(n, 3, "lists the plan files only, no hidden or temporary files");
	for (size_t i = 0; i < n && i < 3; i++) {
		const char *slash = strrchr(v[i], '/');
		is_str(slash ? slash + 1 : v[i], want[i], "plan file %zu in name order", i + 1);
		ok(!strncmp(v[i], dir, strlen(dir)) && v[i][strlen(dir)] == '/' &&
			   v[i][strlen(dir) + 1] != '/',
		   "as a path in the directory");
	}
	paths_free(v, n);

	char withslash[512];
	snprintf(withslash, sizeof withslash, "%s/", dir);
	ok(plans_list(withslash, &v, &n) == 0 && n == 3 && !strstr(v[0], "//"),
	   "a directory given with a slash: no double slash");
	paths_free(v, n);

	const char *empty = scratch_path("empty");
	mkdir(empty, 0700);
	ok(plans_list(empty, &v, &n) == 0 && n == 0 && v == NULL, "an empty directory: no plans");
	paths_free(v, n);

	capture_start();
	int rc = plans_list(scratch_path("missing"), &v, &n);
	char *err = capture_end();
	ok(rc == -1 && n == 0 && strstr(err, "no such plans directory") && strstr(err, "hint: run in a caseload"),
	   "a missing directory: said so, with how to mend it");
	free(err);
}

static void cache(void)
{
	const char *dir = scratch_path("cache");
	mkdir(dir, 0700);
	write_plan(dir, "P-1.yaml", "participant: {name: X}\nstart: 2026-01-05\n");
	write_plan(dir, "P-bad.yaml", "participant: {name: X}\nstart: 2026-02-30\n");
	struct plancache *c = plancache_new(dir);
	int status = -1;
	struct plan *p = plancache_get(c, "P-1", 3, &status);
	ok(p && status == 0 && !strcmp(p->id, "P-1"), "a plan from the cache");
	ok(plancache_get(c, "P-1,x", 3, &status) == p, "read once: the same plan again");
	unlink(scratch_path("cache/P-1.yaml"));
	ok(plancache_get(c, "P-1", 3, &status) == p && status == 0,
	   "even when the file is gone since");
	capture_start();
	ok(plancache_get(c, "P-9", 3, &status) == NULL && status == 0,
	   "a missing plan: NULL and no status");
	char *err = capture_end();
	is_str(err, "", "and nothing said: the caller words it");
	free(err);
	capture_start();
	ok(plancache_get(c, "../x", 4, &status) == NULL && status == EX_DATAERR,
	   "a bad id: EX_DATAERR");
	ok(plancache_get(c, "P-bad", 5, &status) == NULL && status == EX_DATAERR,
	   "a plan that does not read: EX_DATAERR");
	err = capture_end();
	ok(strstr(err, "P-bad.yaml:3:8: start: no such day") != NULL, "with its fault reported");
	free(err);
	unsigned long before = cp_errors();
	capture_start();
	ok(plancache_get(c, "P-bad", 5, &status) == NULL && status == EX_DATAERR,
	   "asked again: the same answer");
	free(capture_end());
	is_int(cp_errors() - before, 0, "without reading or reporting it twice");
	for (int i = 0; i < 500; i++) {
		char id[16];
		snprintf(id, sizeof id, "Q-%d", i);
		plancache_get(c, id, strlen(id), &status);
	}
	ok(plancache_get(c, "P-1", 3, &status) == p, "after 500 more ids the plan is still there");
	plancache_free(c);
	plancache_free(NULL);
}

static int file_mode(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 ? (int)(st.st_mode & 07777) : -1;
}

static void init(void)
{
	char dir[512];
	snprintf(dir, sizeof dir, "%s", scratch_path("caseload"));
	fflush(stdout);
	int saved = dup(STDOUT_FILENO);
	FILE *out = tmpfile();
	dup2(fileno(out), STDOUT_FILENO);
	int rc = caseload_init(dir);
	fflush(stdout);
	dup2(saved, STDOUT_FILENO);
	close(saved);
	char printed[600] = "";
	rewind(out);
	size_t n = fread(printed, 1, sizeof printed - 1, out);
	printed[n] = '\0';
	fclose(out);
	is_int(rc, 0, "caseload_init");
	char want[600];
	snprintf(want, sizeof want, "%s\n", dir);
	is_str(printed, want, "prints the directory");
	static const struct {
		const char *name;
		int mode;
		const char *holds;
	} files[] = {
		{"", 0700, NULL},
		{"plans", 0700, NULL},
		{"hours", 0700, NULL},
		{".gitattributes", 0644, "hours/*.csv merge=coachplan diff=coachplan-csv\n"},
		{".gitignore", 0644, ".*.cptmp.*\n"},
		{"README.md", 0644, "keep the repository private"},
	};
	for (size_t i = 0; i < sizeof files / sizeof *files; i++) {
		char path[700];
		snprintf(path, sizeof path, "%s/%s", dir, files[i].name);
		is_int(file_mode(path), files[i].mode, "%s, mode %o", *files[i].name ? files[i].name : "the directory",
		       files[i].mode);
		if (files[i].holds) {
			char *s = read_file(path, NULL);
			ok(s && strstr(s, files[i].holds), "%s holds %s", files[i].name,
			   quotes(files[i].holds));
			free(s);
		}
	}
	char readme[700];
	snprintf(readme, sizeof readme, "%s/README.md", dir);
	write_file(readme, "mine\n", 5);
	fflush(stdout);
	saved = dup(STDOUT_FILENO);
	out = tmpfile();
	dup2(fileno(out), STDOUT_FILENO);
	rc = caseload_init(dir);
	fflush(stdout);
	dup2(saved, STDOUT_FILENO);
	close(saved);
	fclose(out);
	is_int(rc, 0, "caseload_init again");
	char *s = read_file(readme, NULL);
	is_str(s, "mine\n", "leaves the user's files as they are");
	free(s);

	const char *file = scratch_path("a-file");
	write_file(file, "x", 1);
	capture_start();
	rc = caseload_init(file);
	char *err = capture_end();
	is_int(rc, -1, "a caseload where a file is");
	ok(strstr(err, "cannot create directory") != NULL, "is refused: %s", first_line(err));
	free(err);
}

/* The arguments of a run sorted into plans and sheets, the same in every tool. */
static void arguments(void)
{
	const char *top = scratch_path("args");
	char sub[600];
	mkdir(top, 0700);
	static const char *const dirs[] = {"cl", "cl/plans", "cl/hours", "plans", "sheets", "none"};
	for (size_t i = 0; i < sizeof dirs / sizeof *dirs; i++) {
		snprintf(sub, sizeof sub, "%s/%s", top, dirs[i]);
		mkdir(sub, 0700);
	}
	snprintf(sub, sizeof sub, "%s/plans", top);
	write_plan(sub, "P-1.yml", "participant: {name: X}\nstart: 2026-01-05\n");
	snprintf(sub, sizeof sub, "%s/sheets/a.csv", top);
	write_file(sub, "date\n", 5);

	struct caseload_args a = {0};
	char arg[600];
	snprintf(arg, sizeof arg, "%s/cl", top);
	caseload_args_add(&a, arg, CASELOAD_SHEET);
	ok(a.nplans == 1 && a.nsheets == 1 && strstr(a.plans[0], "/cl/plans") &&
		   strstr(a.sheets[0], "/cl/hours"),
	   "a caseload directory gives its plans/ and hours/");
	caseload_args_free(&a);

	snprintf(arg, sizeof arg, "%s/plans", top);
	caseload_args_add(&a, arg, CASELOAD_SHEET);
	snprintf(arg, sizeof arg, "%s/sheets", top);
	caseload_args_add(&a, arg, CASELOAD_SHEET);
	snprintf(arg, sizeof arg, "%s/none", top);
	caseload_args_add(&a, arg, CASELOAD_SHEET);
	ok(a.nplans == 2 && a.nsheets == 1 && strstr(a.plans[0], "/plans") &&
		   strstr(a.sheets[0], "/sheets") && strstr(a.plans[1], "/none"),
	   "a directory with a *.yml file holds plans, one with sheets sheets, an empty one plans");
	caseload_args_free(&a);
	ok(a.nplans == 0 && a.plans == NULL, "caseload_args_free leaves it empty");

	static const char *const files[] = {"x.yaml", "x.yml", "x.csv", "-", "x.txt"};
	static const int plan_as_sheet[] = {1, 1, 0, 0, 0}, plan_as_plan[] = {1, 1, 0, 1, 1};
	for (size_t i = 0; i < sizeof files / sizeof *files; i++) {
		caseload_args_add(&a, files[i], CASELOAD_SHEET);
		is_int(a.nplans, plan_as_sheet[i], "%s where others are sheets", files[i]);
		caseload_args_free(&a);
		caseload_args_add(&a, files[i], CASELOAD_PLAN);
		is_int(a.nplans, plan_as_plan[i], "%s where others are plans", files[i]);
		caseload_args_free(&a);
	}

	char *p = caseload_plan_file("P-2026-014");
	ok(p && !strcmp(p, "plans/P-2026-014.yaml"), "an id names a plan in the plans directory");
	free(p);
	p = caseload_plan_file("elders/P-1.yml");
	ok(p && !strcmp(p, "elders/P-1.yml"), "a path names itself");
	free(p);
	p = caseload_plan_file("P-1.yml");
	ok(p && !strcmp(p, "P-1.yml"), "so does a *.yml file here");
	free(p);
	ok(caseload_plan_file("a b") == NULL, "a bad id names nothing");

	struct plancache *c = plancache_new(top);
	int status = -1;
	snprintf(arg, sizeof arg, "%s/plans/P-1.yml", top);
	struct plan *plan = plan_load(arg, &status);
	ok(plan != NULL, "a *.yml plan reads");
	if (plan)
		plancache_put(c, plan);
	ok(plancache_get(c, "P-1", 3, &status) == plan && status == 0,
	   "plancache_put: the cache finds a plan read elsewhere by its id");
	write_plan(top, "P-2.yaml", "participant: {name: Y}\nstart: 2026-01-05\n");
	plancache_freeze(c);
	ok(plancache_get(c, "P-2", 3, &status) == NULL && status == 0,
	   "frozen: a plan of its directory that was not put is not read");
	ok(plancache_get(c, "P-1", 3, &status) == plan, "... and the one put is found");
	plancache_free(c);
}

/* The hint of cp-new without --id: the caseload's own scheme goes on. */
static void next_ids(void)
{
	static const struct {
		const char *files; /* space-separated names in a fresh directory */
		int year;
		const char *want;
	} cases[] = {
		{"", 2026, "P-2026-001"},
		{"P-2026-014.yaml P-2026-009.yaml P-2025-120.yaml", 2026, "P-2026-015"},
		{"P-2025-120.yaml", 2026, "P-2026-001"},
		{"JC-2024-0007.yaml JC-2025-0031.yaml", 2026, "JC-2026-0001"},
		{"AB-2026-05.yaml P-2026-014.yaml", 2026, "P-2026-015"},
		{"P-2026-099.yaml", 2026, "P-2026-100"},
		{"P-2026-014.yml notes.txt P-2026-1x.yaml X-20260-1.yaml P-26-3.yaml", 2026,
		 "P-2026-001"},
		{"P-2027-003.yaml P-2026-040.yaml", 2027, "P-2027-004"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		char name[32], files[256], id[64] = "";
		snprintf(name, sizeof name, "ids%zu", i);
		const char *dir = scratch_path(name);
		mkdir(dir, 0700);
		snprintf(files, sizeof files, "%s", cases[i].files);
		for (char *f = strtok(files, " "); f; f = strtok(NULL, " "))
			write_plan(dir, f, "");
		ok(plans_next_id(dir, date_from_ymd(cases[i].year, 6, 30), id, sizeof id) == 0 &&
			   !strcmp(id, cases[i].want),
		   "after \"%s\": %s (%s)", cases[i].files, cases[i].want, id);
	}
	char id[64];
	ok(plans_next_id(scratch_path("no-such-dir"), date_from_ymd(2026, 1, 1), id, sizeof id) == 0 &&
		   !strcmp(id, "P-2026-001"),
	   "a directory that does not open: the first id");
	ok(plans_next_id(scratch_path("ids0"), date_from_ymd(2026, 12, 31), id, 5) == -1, "an id that does not fit: -1");
}

/* The hint of an unknown plan: the one plan an id typed may mean. */
static void like_ids(void)
{
	const char *dir = scratch_path("like");
	mkdir(dir, 0700);
	static const char *const files[] = {"P-2024-003.yaml", "P-2026-014.yml", "P-2026-114.yaml",
					    "notes.txt", "JC-0007.yaml"};
	for (size_t i = 0; i < sizeof files / sizeof *files; i++)
		write_plan(dir, files[i], "");
	static const struct {
		const char *typed;
		int n;
		const char *want;
	} cases[] = {
		{"p-2024-003", 1, "P-2024-003"}, /* case */
		{"P-2024-3", 1, "P-2024-003"},   /* leading zeros */
		{"2024-003", 1, "P-2024-003"},   /* its last parts */
		{"3", 1, "P-2024-003"},
		{"jc-7", 1, "JC-0007"},
		{"P-2026-14", 1, "P-2026-014"}, /* *.yml */
		{"14", 1, "P-2026-014"},        /* not the end of 114 */
		{"4", 0, ""},                   /* no part that is 4 */
		{"2026", 0, ""},                /* not the last part */
		{"notes", 0, ""},               /* no plan file */
		{"024-003", 0, ""},             /* parts whole, not cut */
		{"", 0, ""},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		char id[64] = "";
		int n = plans_like(dir, cases[i].typed, id, sizeof id);
		ok(n == cases[i].n && (!n || !strcmp(id, cases[i].want)),
		   "\"%s\" means %d plan(s): %s (%d, %s)", cases[i].typed, cases[i].n, cases[i].want, n,
		   id);
	}
	write_plan(dir, "Q-2025-003.yaml", "");
	char id[64], hint[160];
	ok(plans_like(dir, "3", id, sizeof id) == 2 && !plans_like_hint(dir, "3", hint, sizeof hint),
	   "an id two plans end in: no hint");
	ok(plans_like_hint(dir, "P-2024-003", hint, sizeof hint) == NULL, "the id itself: no hint");
	const char *h = plans_like_hint(dir, "p-2024-003", hint, sizeof hint);
	ok(h && !strcmp(h, "did you mean P-2024-003?"), "the hint: %s", h ? h : "(none)");
	ok(plans_like(scratch_path("no-such-dir"), "P-1", id, sizeof id) == 0,
	   "a directory that does not open: none");
}

int main(void)
{
	err_init("test-caseload");
	paths();
	listing();
	next_ids();
	like_ids();
	arguments();
	cache();
	init();
	return tap_done();
}
