/* test-atomic: files that are whole or untouched.  New files get exactly
 * the mode asked for, existing files are never overwritten by a create,
 * replacing and appending keep the mode and follow symbolic links (a
 * replace of the name, atomic_replace, replaces a link), and no
 * temporary file is left behind, after success or failure. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/file.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <sys/stat.h>

#include "coachplan.h"
#include "tap.h"
#include "util.h"

static int temporaries(const char *dir)
{
	DIR *d = opendir(dir);
	int n = 0;
	struct dirent *de;
	while (d && (de = readdir(d)))
		n += strstr(de->d_name, ".cptmp.") != NULL;
	if (d)
		closedir(d);
	return n;
}

static int mode_of(const char *path)
{
	struct stat st;
	return lstat(path, &st) == 0 ? (int)(st.st_mode & 07777) : -1;
}

static int has(const char *path, const char *want)
{
	size_t n;
	char *s = read_file(path, &n);
	int same = s && n == strlen(want) && !memcmp(s, want, n);
	free(s);
	return same;
}

static void create(void)
{
	static const struct {
		mode_t umask, mode;
	} cases[] = {{000, 0600}, {077, 0600}, {022, 0600}, {077, 0644}, {000, 0644}, {027, 0640}};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		char name[32];
		snprintf(name, sizeof name, "new-%zu.yaml", i);
		const char *path = scratch_path(name);
		mode_t old = umask(cases[i].umask);
		int rc = atomic_create(path, "id: P-1\n", 8, cases[i].mode);
		umask(old);
		is_int(rc, 0, "atomic_create under umask %03o", cases[i].umask);
		ok(has(path, "id: P-1\n"), "writes the content");
		is_int(mode_of(path), cases[i].mode, "mode %03o exactly, umask or not", cases[i].mode);
	}
	const char *path = scratch_path("new-0.yaml");
	chmod(path, 0640);
	is_int(atomic_create(path, "other\n", 6, 0600), 1, "atomic_create on an existing file: 1");
	ok(has(path, "id: P-1\n"), "and the file is untouched");
	is_int(mode_of(path), 0640, "its mode too");
	is_int(atomic_create(scratch_path("empty"), "", 0, 0600), 0, "an empty file");
	ok(has(scratch_path("empty"), ""), "is empty");

	/* a dangling symbolic link is not followed: the link is "there" */
	const char *link = scratch_path("dangling");
	if (symlink(scratch_path("nowhere"), link) == 0) {
		is_int(atomic_create(link, "x", 1, 0600), 1, "a dangling link counts as existing");
		ok(access(scratch_path("nowhere"), F_OK) != 0, "and nothing is written through it");
	}

	capture_start();
	int rc = atomic_create(scratch_path("no/such/dir/x.yaml"), "x", 1, 0600);
	char *err = capture_end();
	is_int(rc, -1, "atomic_create in a missing directory fails");
	ok(strstr(err, "cannot create a file in") != NULL, "saying where: %s", first_line(err));
	free(err);
	is_int(temporaries(scratch()), 0, "no temporary file is left behind");

	/* a relative path, in the current directory */
	char cwd[1024];
	if (getcwd(cwd, sizeof cwd) && chdir(scratch()) == 0) {
		is_int(atomic_create("relative.txt", "r\n", 2, 0600), 0, "a path without a directory");
		ok(has(scratch_path("relative.txt"), "r\n"), "lands in the current directory");
		if (chdir(cwd) != 0)
			perror(cwd);
	}
}

static void locked(void)
{
	struct locked lf;
	const char *path = scratch_path("sheet.csv");
	is_int(locked_open(&lf, path), 1, "locked_open on a missing file: 1");
	is_int(lf.fd, -1, "with no descriptor");
	locked_close(&lf);

	write_file(path, "old\n", 4);
	chmod(path, 0640);
	if (!ok(locked_open(&lf, path) == 0, "locked_open on a file"))
		return;
	is_int(lf.size, 4, "knows the size");
	is_int(lf.mode, 0640, "and the mode");
	struct buf b = {0};
	ok(locked_read(&lf, &b) == 0 && b.len == 4 && !strcmp(b.s, "old\n"), "locked_read");
	buf_free(&b);
	is_int(locked_append(&lf, "new\n", 4), 0, "locked_append");
	locked_close(&lf);
	ok(has(path, "old\nnew\n"), "keeps the old bytes and adds the new");
	is_int(mode_of(path), 0640, "keeps the mode");

	mode_t old = umask(077);
	ok(locked_open(&lf, path) == 0 && locked_replace(&lf, "replaced\n", 9) == 0,
	   "locked_replace");
	umask(old);
	locked_close(&lf);
	ok(has(path, "replaced\n"), "the content is new");
	is_int(mode_of(path), 0640, "the mode is kept, whatever the umask");
	is_int(temporaries(scratch()), 0, "no temporary file is left behind");

	/* a bigger file than one copy chunk, appended to */
	struct buf big = {0};
	for (int i = 0; i < 20000; i++)
		buf_printf(&big, "2026-03-02,robin,P-%d,G1,onsite,90,x\n", i);
	write_file(path, big.s, big.len);
	ok(locked_open(&lf, path) == 0 && locked_append(&lf, "last\n", 5) == 0,
	   "appending to a file of %zu bytes", big.len);
	locked_close(&lf);
	buf_puts(&big, "last\n");
	ok(has(path, big.s), "keeps every byte");
	buf_free(&big);

	capture_start();
	int rc = locked_open(&lf, scratch());
	char *err = capture_end();
	is_int(rc, -1, "locked_open on a directory fails");
	ok(*err != '\0', "and says so: %s", first_line(err));
	free(err);
}

static void links(void)
{
	const char *target = scratch_path("real.yaml"), *link = scratch_path("link.yaml");
	write_file(target, "one\n", 4);
	chmod(target, 0600);
	if (symlink("real.yaml", link) < 0) {
		ok(0, "symlink: %s", strerror(errno));
		return;
	}
	struct locked lf;
	if (!ok(locked_open(&lf, link) == 0, "locked_open through a symbolic link"))
		return;
	const char *slash = strrchr(lf.path, '/');
	is_str(slash ? slash + 1 : lf.path, "real.yaml", "resolves it to the target");
	is_int(locked_replace(&lf, "two\n", 4), 0, "locked_replace through the link");
	locked_close(&lf);
	struct stat st;
	ok(lstat(link, &st) == 0 && S_ISLNK(st.st_mode), "the link is still a link");
	char to[256];
	ssize_t n = readlink(link, to, sizeof to - 1);
	to[n > 0 ? n : 0] = '\0';
	is_str(to, "real.yaml", "pointing where it did");
	ok(has(target, "two\n") && has(link, "two\n"), "to the new content");
	ok(locked_open(&lf, link) == 0 && locked_append(&lf, "three\n", 6) == 0,
	   "locked_append through the link");
	locked_close(&lf);
	ok(has(target, "two\nthree\n") && lstat(link, &st) == 0 && S_ISLNK(st.st_mode),
	   "appends to the target, the link stays");
	is_int(temporaries(scratch()), 0, "no temporary file is left behind");
}

/* atomic_replace puts a new file at the name: a link there is replaced,
 * its target untouched (a report written into a directory stays in it). */
static void replace(void)
{
	const char *target = scratch_path("kept.txt"), *link = scratch_path("report.html");
	const char *fresh = scratch_path("fresh.html");
	write_file(target, "keep\n", 5);
	chmod(target, 0644);
	if (symlink("kept.txt", link) < 0) {
		ok(0, "symlink: %s", strerror(errno));
		return;
	}
	is_int(atomic_replace(link, "report\n", 7, 0600), 0, "atomic_replace over a link");
	struct stat st;
	ok(lstat(link, &st) == 0 && S_ISREG(st.st_mode), "the link is now a file");
	ok(has(link, "report\n") && mode_of(link) == 0600, "with the new content, mode 0600");
	ok(has(target, "keep\n") && mode_of(target) == 0644, "the link's target untouched");
	is_int(atomic_replace(fresh, "new\n", 4, 0600), 0, "atomic_replace where nothing is");
	ok(has(fresh, "new\n"), "makes the file");
	const char *dir = scratch_path("adir");
	mkdir(dir, 0700);
	capture_start();
	int rc = atomic_replace(dir, "x", 1, 0600);
	char *err = capture_end();
	is_int(rc, -1, "atomic_replace over a directory fails");
	ok(*err != '\0', "and says so: %s", first_line(err));
	free(err);
	rmdir(dir);
	is_int(temporaries(scratch()), 0, "no temporary file is left behind");
}

/* Failures: whatever goes wrong, the file is as it was and no temporary
 * file stays. */
static void failures(void)
{
	const char *dir = scratch_path("ro");
	const char *path = scratch_path("ro/plan.yaml");
	mkdir(dir, 0700);
	write_file(path, "original\n", 9);
	chmod(dir, 0500);
	if (access(dir, W_OK) == 0) {
		ok(1, "# SKIP a read-only directory is writable for root");
		ok(1, "# SKIP a read-only directory is writable for root");
		ok(1, "# SKIP a read-only directory is writable for root");
	} else {
		struct locked lf;
		capture_start();
		int rc = locked_open(&lf, path);
		if (rc == 0)
			rc = locked_replace(&lf, "new\n", 4);
		locked_close(&lf);
		int rc2 = atomic_create(scratch_path("ro/new.yaml"), "x", 1, 0600);
		char *err = capture_end();
		ok(rc == -1 && rc2 == -1, "writing in a read-only directory fails: %s", first_line(err));
		ok(has(path, "original\n"), "and leaves the file untouched");
		is_int(temporaries(dir), 0, "no temporary file");
		free(err);
	}
	chmod(dir, 0700);

	/* files may not grow past 8 kB: every write of the new content fails */
	struct rlimit saved, small = {8192, 8192};
	char big[10000];
	memset(big, 'x', sizeof big);
	getrlimit(RLIMIT_FSIZE, &saved);
	small.rlim_max = saved.rlim_max;
	signal(SIGXFSZ, SIG_IGN);
	write_file(path, "original\n", 9);
	setrlimit(RLIMIT_FSIZE, &small);
	capture_start();
	int rc = atomic_create(scratch_path("ro/big.yaml"), big, sizeof big, 0600);
	struct locked lf;
	int rc2 = locked_open(&lf, path);
	int rc3 = rc2 == 0 ? locked_append(&lf, big, sizeof big) : -2;
	int rc4 = rc2 == 0 ? locked_replace(&lf, big, sizeof big) : -2;
	locked_close(&lf);
	char *err = capture_end();
	setrlimit(RLIMIT_FSIZE, &saved);
	is_int(rc, -1, "atomic_create fails when the content cannot be written");
	ok(access(scratch_path("ro/big.yaml"), F_OK) != 0, "and creates nothing");
	is_int(rc3, -1, "locked_append fails when the content cannot be written");
	is_int(rc4, -1, "so does locked_replace");
	ok(has(path, "original\n"), "the file is untouched");
	ok(strstr(err, "cannot write") != NULL, "the message: %s", first_line(err));
	is_int(temporaries(dir), 0, "no temporary file");
	free(err);

	/* the file is replaced by a directory under the lock: the rename fails */
	write_file(path, "original\n", 9);
	ok(locked_open(&lf, path) == 0, "locked_open");
	unlink(path);
	mkdir(path, 0700);
	write_file(scratch_path("ro/plan.yaml/keep"), "k", 1);
	capture_start();
	rc = locked_replace(&lf, "new\n", 4);
	err = capture_end();
	locked_close(&lf);
	is_int(rc, -1, "a rename that fails is reported: %s", first_line(err));
	is_int(temporaries(dir), 0, "and its temporary file removed");
	free(err);
}

/* A temporary file named with the PID of a process that is gone is stale,
 * unless its writer still holds its lock (a writer whose PID means
 * nothing here: another machine, another PID namespace). */
static void leftovers(void)
{
	const char *dir = scratch_path("left");
	mkdir(dir, 0700);
	fflush(stdout); /* valgrind flushes the child's copy of the TAP buffer, even on _exit */
	pid_t child = fork();
	if (child == 0)
		_exit(0);
	waitpid(child, NULL, 0);
	char name[64];
	snprintf(name, sizeof name, "left/.P-1.yaml.cptmp.%ld.AbCdEf", (long)child);
	const char *path = scratch_path(name);
	write_file(path, "half", 4);
	int held = open(path, O_RDWR | O_CLOEXEC);
	ok(held >= 0 && flock(held, LOCK_EX) == 0, "its writer holds a lock on it");
	char **left;
	size_t n;
	ok(atomic_leftovers(dir, &left, &n) == 0 && n == 0, "a locked temporary file is not stale");
	paths_free(left, n);
	write_file(scratch_path("left/P-1.yaml"), "x\n", 2);
	ok(atomic_create(scratch_path("left/P-2.yaml"), "y\n", 2, 0600) == 0 && access(path, F_OK) == 0,
	   "a writer in its directory leaves it alone");
	close(held);
	ok(atomic_leftovers(dir, &left, &n) == 0 && n == 1 && strstr(left[0], "AbCdEf"),
	   "once the lock is gone, it is stale");
	paths_free(left, n);
}

int main(void)
{
	err_init("test-atomic");
	create();
	locked();
	links();
	replace();
	failures();
	leftovers();
	return tap_done();
}
