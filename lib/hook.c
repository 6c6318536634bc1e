/* hook.c: a caseload as a git repository: a pre-commit hook that runs
 * cp-check on what is being committed, so a broken plan or sheet cannot
 * be committed; hooks that keep the plans and sheets private after git
 * wrote them; and diff drivers that keep `git diff` of plans and sheets
 * readable.  git is run as a program (posix_spawnp), never through a
 * shell: a caseload's path may hold anything. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <spawn.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "changes.h"

extern char **environ;

/* Hooks may be shared by many repositories (core.hooksPath): they act
 * only in a caseload cp-new --init set up, whose config has coachplan's
 * merge driver. */
#define ONLY_IN_A_CASELOAD "git config merge.coachplan.driver >/dev/null || exit 0\n"

/* git writes what it checks out, merges or rebases with the user's umask,
 * readable by all as a rule, and it keeps no modes but the execute bit.
 * The plans and sheets hold personal data: after each of those, and after
 * the commit that resolves a conflict of a merge, group and others lose
 * their rights again.  One chmod, whatever the caseload's size; a hook
 * never fails what git did. */
#define PRIVATE_LINE "chmod go= -- plans hours plans/* hours/* 2>/dev/null"

/* The hook checks the index, not the work tree: what is committed is what
 * is checked.  The staged plans and sheets are written out inside .git
 * (they hold personal data) and cp-check runs there.  A merge it refuses
 * runs no post-merge, and leaves what git wrote readable by all until the
 * commit that mends it: the hook takes the rights away first.  cp-check
 * --hook says the closing line, in the user's language: a shell text has
 * no catalogue (the line when cp-check is not found cannot be its). */
#define CHECK_HOOK(hook)                                                                     \
	"#!/bin/sh\n"                                                                          \
	"# coachplan: refuse a commit with a broken plan or hour sheet (cp-check).\n"         \
	"# Written by cp-new --init.  git commit --no-verify skips it once.\n"                \
	ONLY_IN_A_CASELOAD                                                                     \
	PRIVATE_LINE "\n"                                                                      \
	"git diff --cached --quiet -- plans hours 2>/dev/null && exit 0\n"                    \
	"if ! command -v cp-check >/dev/null 2>&1; then\n"                                    \
	"\techo 'coachplan " hook ": cp-check not found; install coachplan, or commit with "  \
	"--no-verify' >&2\n"                                                                   \
	"\texit 1\n"                                                                           \
	"fi\n"                                                                                 \
	"umask 077 # the copies are private, as the plans and sheets should be\n"             \
	"tmp=$(mktemp -d \"$(git rev-parse --git-dir)/coachplan-check.XXXXXX\") || exit 1\n" \
	"trap 'rm -rf \"$tmp\"' EXIT\n"                                                        \
	"trap 'exit 1' HUP INT TERM\n"                                                         \
	"git checkout-index --prefix=\"$tmp/\" -a || exit 1\n"                                \
	"cd \"$tmp\" || exit 1\n"                                                              \
	"mkdir -p plans\n"                                                                     \
	"unset CP_PLANS CP_SHEET\n"                                                            \
	"cp-check --hook " hook " && exit 0\n"                                                 \
	"exit 1\n"

static const char check_hook[] = CHECK_HOOK("pre-commit");
static const char merge_check_hook[] = CHECK_HOOK("pre-merge-commit");

static const char private_hook[] =
	"#!/bin/sh\n"
	"# coachplan: plans and hour sheets hold personal data, and git writes the\n"
	"# files it checks out readable by all; take group and others' rights away.\n"
	"# Written by cp-new --init.\n"
	ONLY_IN_A_CASELOAD
	PRIVATE_LINE "\n"
	"exit 0\n";

/* What a hook that comes after a commit says when cp-check refuses what
 * was committed: it cannot be refused any more, but is not yet pushed. */
#define CHECK_COMMITTED(hook)                              \
	"unset CP_PLANS CP_SHEET\n"                        \
	"out=$(cp-check --hook " hook " 2>&1) && exit 0\n" \
	"printf '%s\\n' \"$out\" >&2\n"                    \
	"exit 0\n"

/* git rebase (and git pull --rebase) commits without pre-commit, and a
 * rebase that meets a plan closed upstream can commit hours after its
 * end.  It cannot be refused afterwards; it is said, before a push. */
static const char rewrite_hook[] =
	"#!/bin/sh\n"
	"# coachplan: plans and hour sheets hold personal data, and git writes the\n"
	"# files it checks out readable by all; take group and others' rights away.\n"
	"# A rebase runs no pre-commit: say what cp-check refuses in its result.\n"
	"# Written by cp-new --init.\n"
	ONLY_IN_A_CASELOAD
	PRIVATE_LINE "\n"
	"[ \"$1\" = rebase ] && command -v cp-check >/dev/null 2>&1 || exit 0\n"
	CHECK_COMMITTED("post-rewrite");

/* git cherry-pick and git revert commit without pre-commit too; the
 * reflog's newest entry tells them from a commit pre-commit checked. */
static const char commit_hook[] =
	"#!/bin/sh\n"
	"# coachplan: plans and hour sheets hold personal data, and git writes the\n"
	"# files it checks out readable by all; take group and others' rights away.\n"
	"# A cherry-pick or revert runs no pre-commit: say what cp-check refuses.\n"
	"# Written by cp-new --init.\n"
	ONLY_IN_A_CASELOAD
	PRIVATE_LINE "\n"
	"case $(git reflog -1 --format=%gs 2>/dev/null) in\n"
	"cherry-pick*|revert*) command -v cp-check >/dev/null 2>&1 || exit 0 ;;\n"
	"*) exit 0 ;;\n"
	"esac\n"
	CHECK_COMMITTED("post-commit");

/* Each hook; a hook of the user's that has the marker does the job, else
 * the user is told to add the line. */
static const struct hook {
	const char *name, *text, *marker, *line;
} git_hooks[] = {
	{"pre-commit", check_hook, "cp-check", "cp-check || exit 1"},
	/* a merge git commits by itself (no conflict) skips pre-commit */
	{"pre-merge-commit", merge_check_hook, "cp-check", "cp-check || exit 1"},
	{"post-checkout", private_hook, "chmod go=", PRIVATE_LINE},
	{"post-merge", private_hook, "chmod go=", PRIVATE_LINE},
	{"post-rewrite", rewrite_hook, "chmod go=", PRIVATE_LINE},
	/* a merge that stops in a conflict runs no post-merge: the commit that
	 * resolves it takes the rights back */
	{"post-commit", commit_hook, "chmod go=", PRIVATE_LINE},
};

/* What each hook that runs cp-check says last when cp-check refuses. */
static const char *const refusals[][2] = {
	{"pre-commit", N_("coachplan pre-commit: commit refused; mend the files above and git "
			  "add them")},
	/* git keeps a merge it refused going (MERGE_HEAD): the next commit ends it */
	{"pre-merge-commit", N_("coachplan pre-merge-commit: merge not committed; mend the files "
				"above, git add them and git commit (or git merge --abort)")},
	{"post-rewrite", N_("coachplan post-rewrite: the rebase committed what cp-check refuses; "
			    "mend the files above and commit, before you push")},
	{"post-commit", N_("coachplan post-commit: the cherry-pick or revert committed what "
			   "cp-check refuses; mend the files above and commit, before you push")},
};

const char *hook_refusal(const char *hook)
{
	for (size_t i = 0; i < sizeof refusals / sizeof *refusals; i++)
		if (!strcmp(hook, refusals[i][0]))
			return _(refusals[i][1]);
	return NULL;
}

/* The settings of the drivers .gitattributes names: a word of a sheet is
 * one CSV field, for git diff --word-diff; a hunk of a plan is headed by
 * the goal or evaluation it is in, else the top-level key. */
static const char *const caseload_config[][2] = {
	{"diff.coachplan-csv.wordRegex", "\"([^\"]|\"\")*\"|[^,;\"]+"},
	{"diff.coachplan-yaml.xfuncname", "^([ ]*- (id|date): .*|[A-Za-z_][A-Za-z0-9_]*:.*)$"},
	/* two coaches' evaluations of one plan on two branches: merged as a
	 * plan; a sheet as its lines.  The name is what git says of the driver */
	{"merge.coachplan.name",
	 "coachplan: plans merged as plans, hour sheets as lines (cp-merge)"},
	{"merge.coachplan.driver", "cp-merge %O %A %B %P"},
	/* The hooks' chmod changes the files' ctime.  A rebase keeps its index
	 * in memory across its post-checkout and post-commit hooks: once the
	 * chmod fell in a later second than git's write, the next pick saw
	 * the sheet as changed by the user and stopped.  Modes and contents
	 * are still compared. */
	{"core.trustCtime", "false"},
};

/* A question (out given) is asked quietly: the caller says what failed. */
int git_run(const char *dir, const char *const *args, struct buf *out)
{
	const char *argv[16] = {"git", "-C", dir};
	size_t n = 3;
	for (; *args && n < 15; args++)
		argv[n++] = *args;
	argv[n] = NULL;
	int fds[2];
	if (pipe(fds) < 0)
		return -1;
	posix_spawn_file_actions_t fa;
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_adddup2(&fa, fds[1], STDOUT_FILENO);
	posix_spawn_file_actions_addclose(&fa, fds[0]);
	posix_spawn_file_actions_addclose(&fa, fds[1]);
	if (out)
		posix_spawn_file_actions_addopen(&fa, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
	pid_t pid;
	int rc = posix_spawnp(&pid, "git", &fa, NULL, (char *const *)argv, environ);
	posix_spawn_file_actions_destroy(&fa);
	close(fds[1]);
	if (rc != 0) {
		close(fds[0]);
		return -1;
	}
	char chunk[4096];
	ssize_t got;
	while ((got = read(fds[0], chunk, sizeof chunk)) != 0) {
		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0)
			break;
		if (out)
			buf_add(out, chunk, (size_t)got);
	}
	close(fds[0]);
	int st;
	while (waitpid(pid, &st, 0) < 0)
		if (errno != EINTR)
			return -1;
	return WIFEXITED(st) && WEXITSTATUS(st) != 127 ? WEXITSTATUS(st) : -1;
}

static int exists(const char *dir, const char *name)
{
	struct buf b = {0};
	struct stat st;
	buf_printf(&b, "%s/%s", dir, name);
	int rc = lstat(b.s, &st) == 0;
	buf_free(&b);
	return rc;
}

/* The top of the git work tree that dir is inside of, or NULL if it is in
 * none (or git cannot say). */
static char *work_tree_top(const char *dir)
{
	struct buf out = {0};
	const char *args[] = {"rev-parse", "--show-toplevel", NULL};
	if (git_run(dir, args, &out) != 0 || !out.len) {
		buf_free(&out);
		return NULL;
	}
	while (out.len && out.s[out.len - 1] == '\n')
		out.s[--out.len] = '\0';
	return out.s;
}

/* Where git looks for hooks (core.hooksPath and worktrees included), as a
 * path that holds from here. */
static char *hooks_dir(const char *dir)
{
	struct buf out = {0};
	const char *args[] = {"rev-parse", "--git-path", "hooks", NULL};
	if (git_run(dir, args, &out) != 0 || !out.len) {
		buf_free(&out);
		return NULL;
	}
	while (out.len && out.s[out.len - 1] == '\n')
		out.len--;
	const char *rel = buf_str(&out);
	struct buf path = {0};
	if (rel[0] == '/')
		buf_puts(&path, rel);
	else
		buf_printf(&path, "%s/%s", dir, rel);
	buf_free(&out);
	return path.s;
}

/* The hooks older versions of cp-new --init installed, by the FNV-1a hash
 * of their whole text (tests/data/hooks/ keeps each): coachplan's, not the
 * user's, so today's replace them.  A hook text changed here adds the hash
 * of its old text: tests/7230 compares today's with tests/data/hooks-now/. */
static const uint64_t old_hooks[] = {
	0x50ee7d38a8686edeu, /* pre-commit, 2026-11-23 */
	0xcd7ca750869b4965u, /* pre-commit, umask 077 */
	0xa196557a5e4747d6u, /* pre-commit, only in a caseload */
	0xa5de4377e1771124u, /* post-*, the first */
	0xd0109fff583427c9u, /* post-*, only in a caseload, files only */
	/* the closing lines in English in the hooks, before cp-check --hook */
	0xc24e14c564dec220u, /* pre-commit and pre-merge-commit */
	0xe39e7540975206b8u, /* post-rewrite */
	0x596a51c50d2f9f42u, /* post-commit, for a cherry-pick or revert */
};

static uint64_t fnv1a(const char *s, size_t n)
{
	uint64_t h = 0xcbf29ce484222325u;
	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 0x100000001b3u;
	return h;
}

/* Whether a hook is one cp-new --init wrote, today (for another hook, as
 * post-rewrite had post-merge's) or before; a byte changed makes it the
 * user's. */
static int coachplan_wrote(const char *text, size_t len)
{
	for (size_t i = 0; i < sizeof git_hooks / sizeof *git_hooks; i++)
		if (len == strlen(git_hooks[i].text) && !memcmp(text, git_hooks[i].text, len))
			return 1;
	uint64_t h = fnv1a(text, len);
	for (size_t i = 0; i < sizeof old_hooks / sizeof *old_hooks; i++)
		if (h == old_hooks[i])
			return 1;
	return 0;
}

/* A hook coachplan wrote is today's; the user's is left alone, and if it
 * lacks our line, we say which line to add. */
static int install_hook(const char *where, const struct hook *h)
{
	struct buf path = {0};
	buf_printf(&path, "%s/%s", where, h->name);
	int rc = atomic_create(path.s, h->text, strlen(h->text), 0755);
	if (rc == 1) {
		struct buf old = {0};
		struct locked lf;
		rc = 0;
		if (locked_open(&lf, path.s) != 0 || locked_read(&lf, &old) != 0)
			; /* as before: a hook that cannot be read is left */
		else if (strcmp(buf_str(&old), h->text) && coachplan_wrote(buf_str(&old), old.len))
			rc = locked_replace(&lf, h->text, strlen(h->text)) < 0 ? -1 : 0;
		else if (!strstr(buf_str(&old), h->marker))
			cp_warn(_("%s exists and is not coachplan's; not overwritten: add the line "
				  "'%s' to it, or remove it and run cp-new --init again"),
				path.s, h->line);
		locked_close(&lf);
		buf_free(&old);
	}
	buf_free(&path);
	return rc;
}

static int install_hooks(const char *dir)
{
	char *where = hooks_dir(dir);
	if (!where)
		return cp_err(EX_UNAVAILABLE, _("%s: git cannot say where its hooks go; no hook "
						"installed"), dir);
	int rc = 0;
	if (mkdir(where, 0755) < 0 && errno != EEXIST)
		rc = cp_errno(EX_CANTCREAT, _("%s: cannot create directory"), where);
	for (size_t i = 0; rc == 0 && i < sizeof git_hooks / sizeof *git_hooks; i++)
		rc = install_hook(where, &git_hooks[i]);
	free(where);
	return rc;
}

/* What git checked out before the hooks were there (a clone's plans and
 * sheets and their directory, all readable by others) made private, as
 * the hooks would. */
static int make_private(const char *dir)
{
	DIR *d = opendir(dir);
	if (!d)
		return 0; /* no plans or no sheets yet */
	struct dirent *e = NULL;
	struct stat st;
	int failed = fstat(dirfd(d), &st) == 0 && (st.st_mode & 077) &&
		     fchmod(dirfd(d), st.st_mode & 07700) < 0;
	while (!failed && (e = readdir(d)) != NULL)
		failed = fstatat(dirfd(d), e->d_name, &st, AT_SYMLINK_NOFOLLOW) == 0 &&
			 S_ISREG(st.st_mode) && (st.st_mode & 077) &&
			 fchmodat(dirfd(d), e->d_name, st.st_mode & 07700, 0) < 0;
	int rc = 0;
	if (failed)
		rc = cp_errno(EX_CANTCREAT, _("%s/%s: cannot make it private"), dir,
			      e ? e->d_name : ".");
	closedir(d);
	return rc;
}

static int set_caseload_config(const char *dir)
{
	for (size_t i = 0; i < sizeof caseload_config / sizeof *caseload_config; i++) {
		const char *args[] = {"config", caseload_config[i][0], caseload_config[i][1],
				      NULL};
		if (git_run(dir, args, NULL) != 0)
			return cp_err(EX_UNAVAILABLE, _("%s: git config %s failed"), dir,
				      caseload_config[i][0]);
	}
	return 0;
}

/* The merge a .gitattributes line of len bytes gives the files under dir
 * (plans/, hours/): its word (merge=..., -merge, !merge, merge), its length
 * in *n; NULL if none.  A CR is a blank, as git has it: a file saved on
 * Windows. */
static const char *merge_word(const char *line, size_t len, const char *dir, size_t *n)
{
	if (strncmp(line, dir, strlen(dir)))
		return NULL;
	for (const char *w = line + strcspn(line, " \t"); w < line + len;) {
		w += strspn(w, " \t\r");
		*n = strcspn(w, " \t\r\n");
		const char *name = *w == '-' || *w == '!' ? w + 1 : w;
		if (*n && !strncmp(name, "merge", 5) && (name[5] == '=' || name + 5 == w + *n))
			return w;
		w += *n;
	}
	return NULL;
}

/* Whether a .gitattributes line gives the files under `dir` a merge of
 * their own, the user's or cp-new's. */
static int merge_named(const char *text, const char *dir)
{
	size_t n;
	for (const char *line = text; *line;) {
		size_t len = strcspn(line, "\n");
		if (merge_word(line, len, dir, &n))
			return 1;
		line += len + (line[len] == '\n');
	}
	return 0;
}

/* A merge of the user's for the sheets other than cp-merge's is kept (it
 * may be meant), but said: merge=union, say, doubles a corrected line. */
static void warn_own_merge(const char *path, const char *text)
{
	size_t n;
	for (const char *line = text; *line;) {
		size_t len = strcspn(line, "\n");
		const char *w = merge_word(line, len, "hours/", &n);
		if (w && !str_eq((struct str){w, n}, "merge=coachplan")) {
			struct srcpos at = {path, 0, text, strlen(text), (size_t)(w - text), n};
			cp_warn_at(&at, _("the sheets' merge is not cp-merge's, and is kept as the "
					  "user's own; cp-new --init would write '%s'"),
				   "hours/*.csv merge=coachplan");
		}
		line += len + (line[len] == '\n');
	}
}

/* The merges a caseload needs: a .gitattributes the user had before
 * cp-new --init (or one made before cp-merge) gains the lines it lacks,
 * unless the files already have a merge (or there is no .gitattributes:
 * the user removed it). */
#define SHEETS_MERGE                                                              \
	"# appends to one sheet on two branches both survive a merge (cp-merge)\n" \
	"hours/*.csv merge=coachplan\n"
static const char *const merge_lines[][2] = {
	{"hours/", SHEETS_MERGE},
	{"plans/", "# plans changed on two branches are merged as plans (cp-merge)\n"
		   "plans/*.yaml merge=coachplan\n"},
};

/* The blocks of .gitattributes older versions of cp-new --init wrote,
 * whole lines exactly as written, and today's in their place: the sheets'
 * merge=union became cp-merge's.  A line the user wrote or changed matches
 * none, and is left. */
static const char *const old_attributes[][2] = {
	{"# coachplan: appends to one sheet on two branches both survive a merge\n"
	 "hours/*.csv merge=union\n",
	 caseload_gitattributes},
	{"# coachplan: appends to one sheet on two branches both survive a merge;\n"
	 "# the diff drivers (set up by cp-new --init in .git/config) show a\n"
	 "# sheet's changed fields with git diff --word-diff, and a plan's\n"
	 "# changes under the goal or key they are in\n"
	 "hours/*.csv merge=union diff=coachplan-csv\n"
	 "plans/*.yaml diff=coachplan-yaml\n",
	 caseload_gitattributes},
	{"# coachplan: appends to one sheet on two branches both survive a merge;\n"
	 "# the diff drivers (set up by cp-new --init in .git/config) show a\n"
	 "# sheet's changed fields with git diff --word-diff, and a plan's\n"
	 "# changes under the goal or key they are in; plans changed on two\n"
	 "# branches are merged as plans (cp-merge)\n"
	 "hours/*.csv merge=union diff=coachplan-csv\n"
	 "plans/*.yaml merge=coachplan diff=coachplan-yaml\n",
	 caseload_gitattributes},
	{"# appends to one sheet on two branches both survive a merge\n"
	 "hours/*.csv merge=union\n",
	 SHEETS_MERGE},
};

/* A caseload of the first cp-new --init that a later one gave the plans'
 * merge line has it twice once the first's block is today's: beside
 * today's block, a block of merge_lines goes. */
static void drop_appended(struct buf *out)
{
	const char *whole = strstr(buf_str(out), caseload_gitattributes);
	if (!whole)
		return;
	size_t from = (size_t)(whole - out->s), to = from + strlen(caseload_gitattributes);
	for (size_t i = 0; i < sizeof merge_lines / sizeof *merge_lines; i++) {
		size_t n = strlen(merge_lines[i][1]);
		for (char *at = out->s; (at = strstr(at, merge_lines[i][1]));) {
			size_t pos = (size_t)(at - out->s);
			if ((pos && at[-1] != '\n') || (pos >= from && pos < to)) {
				at++;
				continue;
			}
			memmove(at, at + n, out->len - pos - n + 1);
			out->len -= n;
			if (pos < from)
				from -= n, to -= n;
		}
	}
}

/* text into out, each block of old_attributes in it today's, the rest
 * byte for byte; whether any was. */
static int update_attributes(const struct buf *text, struct buf *out)
{
	int changed = 0;
	for (size_t at = 0; at < text->len;) {
		size_t i = 0, n = 0;
		for (; i < sizeof old_attributes / sizeof *old_attributes; i++) {
			n = strlen(old_attributes[i][0]);
			if (n <= text->len - at && !memcmp(text->s + at, old_attributes[i][0], n))
				break;
		}
		if (i < sizeof old_attributes / sizeof *old_attributes) {
			buf_puts(out, old_attributes[i][1]);
			changed = 1;
		} else {
			const char *nl = memchr(text->s + at, '\n', text->len - at);
			n = nl ? (size_t)(nl - (text->s + at)) + 1 : text->len - at;
			buf_add(out, text->s + at, n);
		}
		at += n;
	}
	if (changed)
		drop_appended(out);
	return changed;
}

static int add_merge_attribute(const char *dir)
{
	struct buf path = {0}, text = {0}, now = {0}, add = {0};
	struct locked lf;
	buf_printf(&path, "%s/.gitattributes", dir);
	int rc = locked_open(&lf, path.s);
	if (rc == 0) {
		rc = locked_read(&lf, &text);
		int updated = rc == 0 && update_attributes(&text, &now);
		if (now.len && now.s[now.len - 1] != '\n')
			buf_putc(&add, '\n');
		size_t unended = add.len;
		for (size_t i = 0; rc == 0 && i < sizeof merge_lines / sizeof *merge_lines; i++)
			if (!merge_named(buf_str(&now), merge_lines[i][0]))
				buf_puts(&add, merge_lines[i][1]);
		if (add.len == unended)
			add.len = 0;
		if (updated) {
			if (add.len)
				buf_add(&now, add.s, add.len);
			rc = locked_replace(&lf, now.s, now.len);
		} else if (rc == 0 && add.len)
			rc = locked_append(&lf, add.s, add.len);
		locked_close(&lf);
		if (rc == 0 && updated)
			cp_warn(_("%s: the lines an older cp-new --init wrote are brought up to date "
				  "(the sheets merge by cp-merge); commit it"),
				path.s);
		if (rc == 0)
			warn_own_merge(path.s, buf_str(&now));
	}
	buf_free(&path);
	buf_free(&text);
	buf_free(&now);
	buf_free(&add);
	return rc < 0 ? -1 : 0;
}

/* A caseload in a subdirectory of a repository gets the drivers and its
 * files made private, but no hooks: they look after plans/ and hours/ at
 * the top of the work tree.  Nor does --git make a repository inside the
 * repository: its parent would record it as a bare commit id (a gitlink)
 * and keep none of the plans. */
static int inside_repository(const char *dir, int flags)
{
	char *top = work_tree_top(dir);
	if (!top)
		return 0;
	if (flags & CASELOAD_GIT_INIT)
		cp_warn(_("%s is inside the git repository %s already; --git makes no repository "
			  "inside it"),
			dir, top);
	if (!(flags & CASELOAD_NO_HOOK))
		cp_warn(_("%s is not at the top of the git repository %s: no hooks installed, as "
			  "they look after a caseload at a repository's top only"),
			dir, top);
	free(top);
	return 1;
}

int caseload_git(const char *dir, int flags)
{
	int inside = !exists(dir, ".git") && inside_repository(dir, flags);
	if (!inside && !exists(dir, ".git") && (flags & CASELOAD_GIT_INIT)) {
		const char *args[] = {"init", "-q", NULL};
		int rc = git_run(dir, args, NULL);
		if (rc != 0)
			return cp_err(rc < 0 ? EX_UNAVAILABLE : EX_CANTCREAT,
				      rc < 0 ? _("%s: git cannot be run; is it installed?")
					     : _("%s: git init failed"),
				      dir);
	}
	if (!inside && !exists(dir, ".git")) {
		if (!(flags & CASELOAD_NO_HOOK))
			cp_warn(_("%s is no git repository yet: no hooks installed; "
				  "--git makes it one (or run git init, then cp-new --init again)"),
				dir);
		return 0;
	}
	if (set_caseload_config(dir) < 0 || add_merge_attribute(dir) < 0 ||
	    caseload_dirs(dir, make_private) < 0)
		return -1;
	return inside || (flags & CASELOAD_NO_HOOK) ? 0 : install_hooks(dir);
}
