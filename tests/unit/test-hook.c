/* test-hook: a caseload made a git repository, with its pre-commit hook (hook.c). */
#include <sys/stat.h>

#include "coachplan.h"
#include "tap.h"
#include "util.h"

static const char foreign[] = "#!/bin/sh\n# the user's own\nexit 0\n";

static int mode_of(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 ? (int)(st.st_mode & 07777) : -1;
}

/* dir/name in a static buffer, two in turn */
static const char *in(const char *dir, const char *name)
{
	static char path[2][700];
	static int turn;
	turn = !turn;
	snprintf(path[turn], sizeof path[turn], "%s/%s", dir, name);
	return path[turn];
}

static int holds(const char *path, const char *want)
{
	char *s = read_file(path, NULL);
	int yes = s && strstr(s, want);
	free(s);
	return yes;
}

struct outcome {
	int rc;
	char *err;
};

static struct outcome run(const char *dir, int flags)
{
	capture_start();
	struct outcome o = {caseload_git(dir, flags), NULL};
	o.err = capture_end();
	return o;
}

/* The hook must run in a shell that checks its syntax first. */
static int shell_reads(const char *path)
{
	setenv("HOOK", path, 1); /* the path may hold a quote */
	return system("sh -n \"$HOOK\"") == 0;
}

static void fresh(void)
{
	/* git is run without a shell: a caseload's path may hold anything */
	char dir[600];
	snprintf(dir, sizeof dir, "%s", scratch_path("case load 'x'"));
	mkdir(dir, 0700);
	char hook[700];
	snprintf(hook, sizeof hook, "%s", in(dir, ".git/hooks/pre-commit"));
	struct outcome o = run(dir, CASELOAD_GIT_INIT);
	is_int(o.rc, 0, "caseload_git with CASELOAD_GIT_INIT");
	is_str(o.err, "", "without a word");
	free(o.err);
	ok(mode_of(in(dir, ".git")) >= 0, "makes it a git repository");
	is_int(mode_of(hook), 0755, "a pre-commit hook, executable");
	ok(holds(hook, "cp-check") && holds(hook, "git checkout-index"),
	   "that runs cp-check on what is staged");
	ok(shell_reads(hook), "and that sh reads");
	ok(holds(in(dir, ".git/config"), "[diff \"coachplan-csv\"]") &&
		   holds(in(dir, ".git/config"), "[diff \"coachplan-yaml\"]"),
	   "the diff drivers in the repository's config");

	char *before = read_file(hook, NULL);
	o = run(dir, CASELOAD_GIT_INIT);
	char *after = read_file(hook, NULL);
	ok(o.rc == 0 && !*o.err && before && after && !strcmp(before, after) && mode_of(hook) == 0755,
	   "again: the same hook, nothing said");
	char *config = read_file(in(dir, ".git/config"), NULL);
	const char *first = config ? strstr(config, "wordRegex") : NULL;
	ok(first && !strstr(first + 1, "wordRegex"), "and the diff drivers' settings once");
	free(config);
	free(o.err);
	free(before);
	free(after);
}

static void foreign_hook(void)
{
	char dir[600];
	snprintf(dir, sizeof dir, "%s", scratch_path("own"));
	mkdir(dir, 0700);
	struct outcome o = run(dir, CASELOAD_GIT_INIT | CASELOAD_NO_HOOK);
	ok(o.rc == 0 && mode_of(in(dir, ".git")) >= 0, "git init without a hook");
	ok(mode_of(in(dir, ".git/hooks/pre-commit")) < 0, "CASELOAD_NO_HOOK: no hook written");
	ok(holds(in(dir, ".git/config"), "coachplan-csv"), "but the diff drivers set");
	free(o.err);

	char hook[700];
	snprintf(hook, sizeof hook, "%s", in(dir, ".git/hooks/pre-commit"));
	mkdir(in(dir, ".git/hooks"), 0755);
	write_file(hook, foreign, strlen(foreign));
	chmod(hook, 0700);
	o = run(dir, 0);
	is_int(o.rc, 0, "a repository with a hook of the user's: 0");
	ok(strstr(o.err, "pre-commit exists and is not coachplan's; not overwritten: add the line "
			 "'cp-check || exit 1'") != NULL,
	   "with a warning: %s", first_line(o.err));
	free(o.err);
	char *s = read_file(hook, NULL);
	is_str(s, foreign, "the user's hook as it was");
	is_int(mode_of(hook), 0700, "its mode too");
	free(s);

	/* a hook of the user's that runs cp-check already: nothing to say */
	static const char theirs[] = "#!/bin/sh\ncp-check || exit 1\n";
	write_file(hook, theirs, strlen(theirs));
	o = run(dir, 0);
	ok(o.rc == 0 && !*o.err && holds(hook, theirs), "one that runs cp-check: kept, nothing said");
	free(o.err);
}

static void elsewhere(void)
{
	char dir[600];
	snprintf(dir, sizeof dir, "%s", scratch_path("plain"));
	mkdir(dir, 0700);
	struct outcome o = run(dir, 0);
	ok(o.rc == 0 && strstr(o.err, "is no git repository yet"), "no repository: a warning, %s",
	   first_line(o.err));
	ok(mode_of(in(dir, ".git")) < 0, "and no repository made");
	free(o.err);
	o = run(dir, CASELOAD_NO_HOOK);
	ok(o.rc == 0 && !*o.err, "no repository, no hook asked for: nothing said");
	free(o.err);

	/* git puts hooks where core.hooksPath says, and so does the hook's install */
	snprintf(dir, sizeof dir, "%s", scratch_path("hookspath"));
	mkdir(dir, 0700);
	o = run(dir, CASELOAD_GIT_INIT | CASELOAD_NO_HOOK);
	free(o.err);
	char cmd[1400];
	snprintf(cmd, sizeof cmd, "git -C '%s' config core.hooksPath '%s'", dir, in(dir, "githooks"));
	if (system(cmd) != 0) {
		ok(0, "git config core.hooksPath");
		return;
	}
	o = run(dir, 0);
	ok(o.rc == 0 && mode_of(in(dir, "githooks/pre-commit")) == 0755,
	   "core.hooksPath: the hook there, its directory made");
	ok(mode_of(in(dir, ".git/hooks/pre-commit")) < 0, "and not in .git/hooks");
	free(o.err);
}

int main(void)
{
	err_init("test-hook");
	/* git here works on the scratch repositories only, whatever runs the test */
	unsetenv("GIT_DIR");
	unsetenv("GIT_WORK_TREE");
	unsetenv("GIT_INDEX_FILE");
	unsetenv("GIT_CONFIG");
	setenv("HOME", scratch(), 1);
	setenv("XDG_CONFIG_HOME", scratch(), 1);
	setenv("GIT_CONFIG_NOSYSTEM", "1", 1);
	if (system("git --version >/dev/null 2>&1") != 0) {
		printf("1..0 # skip git is not installed\n");
		return 0;
	}
	fresh();
	foreign_hook();
	elsewhere();
	return tap_done();
}
