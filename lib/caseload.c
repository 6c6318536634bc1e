/* caseload.c: plans and sheets as they lie on disk: which files an
 * invocation means (the same rules in every tool, coachplan(7) FILES), a
 * plans directory of <id>.yaml files, and a cache so that a run reads each
 * plan only once. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <pwd.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "caseload.h"

static char *join(const char *dir, const char *name);

static int plans_named(void)
{
	const char *env = getenv("CP_PLANS");
	return cli.plansdir || (env && *env);
}

/* The caseload the current directory lies below, as git finds its
 * repository: the nearest directory above that holds plans/ ("..",
 * "../.."), not past the file system's edge; "." if none. */
static char *find_caseload(void)
{
	struct stat here, at, below;
	struct buf up = {0};
	if (stat(".", &here) != 0)
		return xstrdup(".");
	for (below = here;; below = at) {
		buf_puts(&up, up.len ? "/.." : "..");
		if (stat(up.s, &at) != 0 || at.st_dev != here.st_dev ||
		    (at.st_ino == below.st_ino && at.st_dev == below.st_dev))
			break; /* another file system, or / */
		char *plans = join(up.s, "plans");
		int found = is_dir(plans);
		free(plans);
		if (found)
			return up.s;
	}
	buf_free(&up);
	return xstrdup(".");
}

/* Where -p or $CP_PLANS names the plans: their caseload, the directory
 * that holds them, where it holds hours/ too (a run from elsewhere, as
 * cron's or an administrator's); else ".". */
static char *named_caseload(void)
{
	char *hours = caseload_hours_of(cli_plans());
	int found = hours != NULL;
	free(hours);
	return found ? caseload_root(cli_plans()) : xstrdup(".");
}

/* The caseload a run means, found once: "." where it holds plans/ or
 * hours/, as it always was; else the named plans' or the one found above. */
static const char *caseload_here(void)
{
	static char *root;
	if (!root)
		root = is_dir("plans") || is_dir("hours") ? xstrdup(".")
		       : plans_named()			  ? named_caseload()
							  : find_caseload();
	return root;
}

/* dir/name, or name alone in the current directory, as messages name it */
static const char *in_caseload(char **cache, const char *name)
{
	const char *root = caseload_here();
	if (!strcmp(root, "."))
		return name;
	if (!*cache)
		*cache = join(root, name);
	return *cache;
}

const char *cli_plans(void)
{
	static char *found;
	const char *env = getenv("CP_PLANS");
	return cli.plansdir ? cli.plansdir : env && *env ? env : in_caseload(&found, "plans");
}

const char *cli_sheetsdir(void)
{
	static char *found;
	return in_caseload(&found, "hours");
}

int cli_sheet_named(void)
{
	const char *env = getenv("CP_SHEET");
	return cli.sheet || (env && *env);
}

const char *cli_sheetpath(void)
{
	static char *dflt;
	const char *env = getenv("CP_SHEET");
	if (cli.sheet)
		return cli.sheet;
	if (env && *env)
		return env;
	if (!dflt) {
		const char *user = cli_login();
		struct buf b = {0};
		buf_printf(&b, "%s/%s.csv", cli_sheetsdir(), user ? user : "coach");
		dflt = b.s;
	}
	return dflt;
}

const char *cli_login(void)
{
	static char *login; /* getpwuid's answer lasts only until its next call */
	static int asked;
	if (asked)
		return login;
	asked = 1;
	const char *name = getenv("USER");
	if (!name || !*name)
		name = getenv("LOGNAME");
#ifndef CP_STATIC /* where glibc's getpwuid needs the shared libraries of its own version */
	if (!name || !*name) {
		struct passwd *pw = getpwuid(geteuid());
		name = pw ? pw->pw_name : NULL;
	}
#endif
	if (name && id_valid(name, strlen(name)))
		login = xstrdup(name);
	return login;
}

static int ends_with(const char *s, const char *tail)
{
	size_t n = strlen(s), k = strlen(tail);
	return n > k && !strcmp(s + n - k, tail);
}

int caseload_is_plan_file(const char *path)
{
	return ends_with(path, ".yaml") || ends_with(path, ".yml");
}

int is_dir(const char *path)
{
	struct stat st;
	return strcmp(path, "-") && stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

int is_plans_dir(const char *path)
{
	return !caseload_is_plan_file(path) && is_dir(path);
}

int same_file(const char *path, const struct stat *of)
{
	struct stat st;
	return stat(path, &st) == 0 && st.st_dev == of->st_dev && st.st_ino == of->st_ino;
}

/* A directory holds plans if it has a plan file, or no sheet either. */
static int holds_plans(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	int plans = 0, sheets = 0;
	while (d && !plans && (de = readdir(d)))
		if (de->d_name[0] != '.') {
			plans |= caseload_is_plan_file(de->d_name);
			sheets |= ends_with(de->d_name, ".csv");
		}
	if (d)
		closedir(d);
	return plans || !sheets;
}

static char *join(const char *dir, const char *name)
{
	struct buf b = {0};
	size_t n = strlen(dir);
	buf_printf(&b, "%s%s%s", dir, n && dir[n - 1] == '/' ? "" : "/", name);
	return b.s;
}

static void push(char ***v, size_t *n, char *s)
{
	*v = xreallocarray(*v, *n + 1, sizeof **v);
	(*v)[(*n)++] = s;
}

/* A caseload directory: its plans/ and hours/, as far as they are there. */
static int add_caseload(struct caseload_args *a, const char *dir)
{
	char *plans = join(dir, "plans"), *hours = join(dir, "hours");
	int found = 0;
	if (is_dir(plans))
		push(&a->plans, &a->nplans, plans), plans = NULL, found = 1;
	if (is_dir(hours))
		push(&a->sheets, &a->nsheets, hours), hours = NULL, found = 1;
	free(plans);
	free(hours);
	return found;
}

int caseload_args_add(struct caseload_args *a, const char *arg, int other)
{
	if (is_plans_dir(arg)) {
		if (add_caseload(a, arg))
			return 0;
		if (holds_plans(arg)) {
			push(&a->plans, &a->nplans, xstrdup(arg));
			return 0;
		}
	} else if (caseload_is_plan_file(arg) ||
		   (other == CASELOAD_PLAN && !ends_with(arg, ".csv"))) {
		push(&a->plans, &a->nplans, xstrdup(arg));
		return 0;
	}
	push(&a->sheets, &a->nsheets, xstrdup(arg));
	return 1;
}

void caseload_args_free(struct caseload_args *a)
{
	paths_free(a->plans, a->nplans);
	paths_free(a->sheets, a->nsheets);
	memset(a, 0, sizeof *a);
}

int caseload_logged(char *const *args, size_t n, char ***paths, size_t *count)
{
	char *hours = (char *)cli_sheetsdir();
	if (!n && is_dir(hours))
		args = &hours, n = 1;
	return sheets_expand(args, n, paths, count); /* a directory that cannot be read: reported */
}

int caseload_sheets(char *const *args, size_t n, char ***paths, size_t *count)
{
	*paths = NULL;
	*count = 0;
	if (!n && !is_dir(cli_sheetsdir()))
		return cp_err_at(EX_USAGE, NULL,
				 _("run in a caseload (cp-new --init makes one) or below it, or name "
				   "the hour sheets or their directory"),
				 _("no hour sheets named, and no ./hours directory here"));
	if (caseload_logged(args, n, paths, count) < 0) {
		paths_free(*paths, *count);
		*paths = NULL;
		*count = 0;
		return -1;
	}
	return 0;
}

char *caseload_root(const char *plansdir)
{
	if (!plansdir)
		return xstrdup(".");
	char *root = xstrdup(plansdir);
	size_t n = strlen(root);
	while (n > 1 && root[n - 1] == '/')
		root[--n] = '\0';
	char *slash = strrchr(root, '/');
	if (!slash) {
		free(root);
		return xstrdup(".");
	}
	*(slash == root ? slash + 1 : slash) = '\0';
	return root;
}

char *caseload_hours_of(const char *plansdir)
{
	char *root = caseload_root(plansdir), *hours = join(root, "hours");
	free(root);
	if (is_dir(hours))
		return hours;
	free(hours);
	return NULL;
}

char *caseload_plan_file(const char *arg)
{
	if (strchr(arg, '/') || caseload_is_plan_file(arg))
		return xstrdup(arg);
	return plan_path(cli_plans(), arg);
}

char *plan_path(const char *dir, const char *id)
{
	size_t n = strlen(id), d = strlen(dir);
	if (!id_valid(id, n))
		return NULL;
	struct buf b = {0}; /* thousands of plans: no printf */
	buf_grow(&b, d + n + sizeof "/.yaml");
	buf_add(&b, dir, d);
	buf_putc(&b, '/');
	buf_add(&b, id, n);
	buf_add(&b, ".yaml", strlen(".yaml"));
	return b.s;
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int is_plan_file(const char *name)
{
	size_t n = strlen(name);
	return n > 5 && !strcmp(name + n - 5, ".yaml"); /* plans are named <id>.yaml */
}

static int is_sheet_file(const char *name)
{
	size_t n = strlen(name);
	return n > 4 && !strcmp(name + n - 4, ".csv");
}

static void add_path(char ***paths, size_t *n, size_t *cap, char *path)
{
	if (*n == *cap) {
		*cap = *cap ? 2 * *cap : 64;
		*paths = xreallocarray(*paths, *cap, sizeof **paths);
	}
	(*paths)[(*n)++] = path;
}

/* The files of dir that want takes, in name order, added to paths; never a
 * hidden one (an editor's or our own temporary file).  The messages for a
 * directory that cannot be opened or read name it as the caller says. */
static int add_dir(const char *dir, int (*want)(const char *), const char *cannot_open,
		   const char *cannot_read, char ***paths, size_t *n, size_t *cap)
{
	DIR *d = opendir(dir);
	if (!d)
		return cp_errno(EX_NOINPUT, cannot_open, dir);
	size_t first = *n;
	struct dirent *de;
	errno = 0;
	while ((de = readdir(d)))
		if (de->d_name[0] != '.' && want(de->d_name))
			add_path(paths, n, cap, join(dir, de->d_name));
	int rc = errno ? cp_errno(EX_IOERR, cannot_read, dir) : 0;
	closedir(d);
	if (*n > first) /* an empty directory: *paths may still be NULL, which qsort must not get */
		qsort(*paths + first, *n - first, sizeof **paths, by_name);
	return rc;
}

int plans_dir_missing(const char *arg)
{
	return strcmp(arg, "-") && !caseload_is_plan_file(arg) && access(arg, F_OK) != 0 &&
	       errno == ENOENT;
}

const char *caseload_outside_hint(void)
{
	return _("run in a caseload (cp-new --init makes one) or below it, or name the plans "
		 "directory with -p");
}

/* A plans directory that is not there: a tool run outside a caseload, most
 * likely, which the hint says. */
static int no_plans_dir(const char *dir)
{
	return cp_err_at(EX_NOINPUT, NULL, caseload_outside_hint(), _("%s: no such plans directory"),
			 dir);
}

int plans_dir_check(const char *dir)
{
	DIR *d = opendir(dir);
	if (!d)
		return errno == ENOENT ? no_plans_dir(dir)
				       : cp_errno(EX_NOINPUT, _("%s: cannot open plans directory"), dir);
	closedir(d);
	return 0;
}

int plans_list(const char *dir, char ***paths, size_t *n)
{
	size_t cap = 0;
	*paths = NULL;
	*n = 0;
	if (access(dir, F_OK) != 0 && errno == ENOENT)
		return no_plans_dir(dir);
	return add_dir(dir, is_plan_file, _("%s: cannot open plans directory"),
		       _("%s: cannot read plans directory"), paths, n, &cap);
}

struct file_at {
	dev_t dev;
	ino_t ino;
	size_t i; /* where in the list: the first of a file is kept */
};

static int by_file(const void *a, const void *b)
{
	const struct file_at *x = a, *y = b; /* any order that puts one file's together */
	int c = cmp_num((long long)x->dev, (long long)y->dev);
	if (!c)
		c = cmp_num((long long)x->ino, (long long)y->ino);
	return c ? c : cmp_num((long long)x->i, (long long)y->i);
}

/* Each file once, where it was first named, as sort -u would keep a line:
 * a sheet named twice, or named and in a directory named, is one sheet,
 * not twice its hours.  By device and inode, however the paths are spelt;
 * standard input and paths that are not there stay, for their readers to
 * read or report.  Sorted, not compared pairwise: thousands of plans. */
size_t paths_unique(char **paths, size_t n)
{
	struct file_at *at = xcalloc(n ? n : 1, sizeof *at);
	unsigned char *drop = xcalloc(n ? n : 1, 1);
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		struct stat st;
		if (strcmp(paths[i], "-") && stat(paths[i], &st) == 0)
			at[k++] = (struct file_at){st.st_dev, st.st_ino, i};
	}
	if (k)
		qsort(at, k, sizeof *at, by_file);
	for (size_t j = 1; j < k; j++)
		drop[at[j].i] = at[j].dev == at[j - 1].dev && at[j].ino == at[j - 1].ino;
	size_t kept = 0;
	for (size_t i = 0; i < n; i++)
		if (drop[i])
			free(paths[i]);
		else
			paths[kept++] = paths[i];
	free(at);
	free(drop);
	return kept;
}

int sheets_expand(char *const *args, size_t nargs, char ***paths, size_t *n)
{
	size_t cap = 0;
	int rc = 0;
	*paths = NULL;
	*n = 0;
	for (size_t i = 0; i < nargs; i++) {
		if (is_dir(args[i])) {
			if (add_dir(args[i], is_sheet_file, _("%s: cannot open"), _("%s: cannot read"),
				    paths, n, &cap) < 0)
				rc = -1;
		} else
			add_path(paths, n, &cap, xstrdup(args[i]));
	}
	/* also one directory: a link in it to a sheet beside it (me.csv ->
	 * robin.csv, a login's CP_SHEET) is the one sheet */
	if (*n > 1)
		*n = paths_unique(*paths, *n);
	return rc;
}

/* Many plans are read on two cores: a helper thread loads every other
 * one, silently and at most AHEAD_MAX ahead, while this thread loads the
 * rest and hands all of them to fn in order.  A plan the helper could not
 * load is loaded again here, so that its messages come in order. */
#define AHEAD_LEAST 64 /* fewer plans than this: one thread */
#define AHEAD_MAX 64

struct ahead {
	char **paths;
	size_t n;
	struct plan **plans;
	unsigned char *ready;
	size_t done; /* this thread has handed out the plans below */
	pthread_mutex_t lock;
	pthread_cond_t moved;
};

static void *load_ahead(void *arg)
{
	struct ahead *a = arg;
	cp_errors_quiet_thread(1);
	for (size_t k = 1; k < a->n; k += 2) {
		pthread_mutex_lock(&a->lock);
		while (k >= a->done + AHEAD_MAX)
			pthread_cond_wait(&a->moved, &a->lock);
		pthread_mutex_unlock(&a->lock);
		int status;
		struct plan *p = plan_load(a->paths[k], &status);
		pthread_mutex_lock(&a->lock);
		a->plans[k] = p;
		a->ready[k] = 1;
		pthread_cond_broadcast(&a->moved);
		pthread_mutex_unlock(&a->lock);
	}
	return NULL;
}

static void each_of(char **paths, size_t n, int (*fn)(struct plan *, void *), void *arg)
{
	struct ahead a = {paths, n, NULL, NULL, 0, PTHREAD_MUTEX_INITIALIZER,
			  PTHREAD_COND_INITIALIZER};
	pthread_t helper;
	int two = n >= AHEAD_LEAST;
	if (two) {
		a.plans = xcalloc(n, sizeof *a.plans);
		a.ready = xcalloc(n, 1);
		two = pthread_create(&helper, NULL, load_ahead, &a) == 0;
	}
	for (size_t k = 0; k < n; k++) {
		int status;
		struct plan *p = NULL;
		if (two && k % 2) {
			pthread_mutex_lock(&a.lock);
			while (!a.ready[k])
				pthread_cond_wait(&a.moved, &a.lock);
			p = a.plans[k];
			pthread_mutex_unlock(&a.lock);
		}
		if (!p)
			p = plan_load(paths[k], &status);
		if (p && fn(p, arg) == 1)
			p = NULL; /* fn keeps it */
		plan_free(p);
		if (two) {
			pthread_mutex_lock(&a.lock);
			a.done = k + 1;
			pthread_cond_broadcast(&a.moved);
			pthread_mutex_unlock(&a.lock);
		}
	}
	if (two)
		pthread_join(helper, NULL);
	free(a.plans);
	free(a.ready);
}

void plans_each(char *const *args, size_t nargs, int (*fn)(struct plan *, void *), void *arg)
{
	char **paths = NULL;
	size_t n = 0, cap = 0;
	for (size_t i = 0; i < nargs; i++) {
		char **more = NULL;
		size_t nmore = 0;
		if (is_plans_dir(args[i]) || plans_dir_missing(args[i]))
			plans_list(args[i], &more, &nmore); /* reported */
		else
			add_path(&paths, &n, &cap, xstrdup(args[i]));
		for (size_t k = 0; k < nmore; k++)
			add_path(&paths, &n, &cap, more[k]);
		free(more);
	}
	if (nargs > 1) /* one directory lists each plan once */
		n = paths_unique(paths, n);
	each_of(paths, n, fn, arg);
	paths_free(paths, n);
}

void paths_free(char **paths, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(paths[i]);
	free(paths);
}

struct slot {
	char *id;
	struct plan *plan;
	int status;
	int unreported; /* failed on the loader thread, which says nothing */
	int asked;      /* like: worked out */
	char *like;     /* no such plan: the hint naming the one meant, or NULL */
};

struct plancache {
	char *dir;
	int slim, loading;
	int frozen; /* every plan is in: lookups only read, so threads may share them */
	pthread_t loader;
	struct strmap slots; /* plan id: its struct slot */
};

/* Worked out once an id: a sheet may name a mistyped plan on every line,
 * and each time would read the directory. */
const char *plancache_like(struct plancache *c, const char *id, size_t n)
{
	struct slot *s = c->frozen ? NULL : strmap_get(&c->slots, id, n);
	if (s && !s->asked) {
		char hint[160];
		const char *h = plans_like_hint(c->dir, s->id, hint, sizeof hint);
		s->like = h ? xstrdup(h) : NULL;
		s->asked = 1;
	}
	return s ? s->like : NULL;
}

struct plancache *plancache_new(const char *dir)
{
	struct plancache *c = xcalloc(1, sizeof *c);
	c->dir = xstrdup(dir);
	return c;
}

static _Thread_local int on_loader; /* this thread is plancache_preload's */

static void load(struct plancache *c, struct slot *s)
{
	char *path = plan_path(c->dir, s->id);
	s->plan = NULL;
	if (!path)
		s->status = EX_DATAERR;
	else { /* opened here: no such plan is no message, the caller words it for its reader */
		int fd = open(path, O_RDONLY | O_CLOEXEC);
		if (fd < 0 && errno == ENOENT)
			s->status = 0;
		else if (fd < 0)
			s->plan = plan_load(path, &s->status); /* to say why not */
		else
			s->plan = plan_load_fd(path, fd, &s->status);
	}
	if (s->plan && c->slim)
		plan_slim(s->plan);
	s->unreported = !s->plan && on_loader;
	free(path);
}

struct plan *plancache_get(struct plancache *c, const char *id, size_t n, int *status)
{
	if (c->frozen) { /* nothing is loaded, reported or added: no file, no plan */
		const struct slot *f = strmap_get(&c->slots, id, n);
		*status = f ? f->status : id_valid(id, n) ? 0 : EX_DATAERR;
		return f ? f->plan : NULL;
	}
	int added;
	void **v = strmap_put(&c->slots, id, n, &added);
	struct slot *s = *v;
	if (added) {
		s = *v = xcalloc(1, sizeof *s);
		s->id = xstrndup(id, n);
		load(c, s);
	} else if (s->unreported && !on_loader)
		load(c, s); /* again, to say what is wrong with it */
	*status = s->status;
	return s->plan;
}

void plancache_put(struct plancache *c, struct plan *p)
{
	int added;
	void **v = strmap_put(&c->slots, p->id, strlen(p->id), &added);
	struct slot *s = *v;
	if (!added) {
		plan_free(s->plan);
	} else {
		s = *v = xcalloc(1, sizeof *s);
		s->id = xstrdup(p->id);
	}
	s->plan = p;
	s->status = 0;
	s->unreported = 0;
}

void plancache_slim(struct plancache *c)
{
	c->slim = 1;
}

static void *load_all(void *arg)
{
	struct plancache *c = arg;
	on_loader = 1;
	char **paths;
	size_t n;
	cp_errors_quiet_thread(1); /* the reader that needs a plan reports its problems */
	if (plans_list(c->dir, &paths, &n) == 0)
		for (size_t i = 0; i < n; i++) {
			const char *base = strrchr(paths[i], '/') + 1;
			size_t len = strlen(base) - 5; /* less .yaml */
			int status;
			if (id_valid(base, len))
				plancache_get(c, base, len, &status);
		}
	paths_free(paths, n);
	return NULL;
}

int plancache_preload(struct plancache *c)
{
	if (pthread_create(&c->loader, NULL, load_all, c) != 0)
		return -1;
	c->loading = 1;
	return 0;
}

/* Every plan of the directory at once, on two cores: the slots are made
 * here, then this thread and a helper each take the next plan not yet
 * taken, so that neither waits for the other at the end when one of
 * them is slowed down.  Like the preloader, both are silent;
 * plancache_get reports a broken plan again once the cache is thawed. */
struct halfload {
	struct plancache *c;
	struct slot **v;
	size_t n;
	atomic_size_t next;
};

static void *load_shared(void *arg)
{
	struct halfload *h = arg;
	int was = on_loader;
	on_loader = 1;
	cp_errors_quiet_thread(1);
	for (size_t i; (i = atomic_fetch_add_explicit(&h->next, 1, memory_order_relaxed)) < h->n;)
		load(h->c, h->v[i]);
	cp_errors_quiet_thread(0);
	on_loader = was;
	return NULL;
}

/* The ids of the plan files of dir, as plans_list would name them, in
 * the order the directory gives (the slots need none): no paths to
 * build and sort for thousands of plans while the other core waits.
 * -1 where the directory cannot be read to its end. */
static int plan_ids(const char *dir, char ***ids, size_t *n)
{
	size_t cap = 0;
	*ids = NULL;
	*n = 0;
	DIR *d = opendir(dir);
	if (!d)
		return -1;
	struct dirent *de;
	errno = 0;
	while ((de = readdir(d)))
		if (de->d_name[0] != '.' && is_plan_file(de->d_name)) {
			size_t len = strlen(de->d_name) - 5; /* less .yaml */
			if (id_valid(de->d_name, len))
				add_path(ids, n, &cap, xstrndup(de->d_name, len));
		}
	int rc = errno ? -1 : 0;
	closedir(d);
	return rc;
}

void plancache_load_all(struct plancache *c)
{
	char **ids;
	size_t n, k = 0;
	plancache_wait(c);
	if (plan_ids(c->dir, &ids, &n) < 0) {
		paths_free(ids, n);
		c->frozen = 1; /* no plans, but threads still may only look up */
		return; /* said when a plan is asked for, as without this */
	}
	struct slot **v = xcalloc(n ? n : 1, sizeof *v);
	for (size_t i = 0; i < n; i++) {
		int added;
		void **slot = strmap_put(&c->slots, ids[i], strlen(ids[i]), &added);
		if (added) {
			struct slot *s = *slot = xcalloc(1, sizeof *s);
			s->id = ids[i];
			ids[i] = NULL;
			v[k++] = s;
		}
	}
	paths_free(ids, n);
	struct halfload h = {c, v, k, 0};
	pthread_t helper;
	int two = k >= 2 && pthread_create(&helper, NULL, load_shared, &h) == 0;
	load_shared(&h);
	if (two)
		pthread_join(helper, NULL);
	free(v);
	c->frozen = 1;
}

void plancache_freeze(struct plancache *c)
{
	c->frozen = 1;
}

void plancache_thaw(struct plancache *c)
{
	c->frozen = 0;
}

void plancache_wait(struct plancache *c)
{
	if (c->loading)
		pthread_join(c->loader, NULL);
	c->loading = 0;
}

static void slot_free(void *p)
{
	struct slot *s = p;
	free(s->id);
	free(s->like);
	plan_free(s->plan);
	free(s);
}

/* Thousands of plans, each in a few pieces all over memory, freed at the
 * end of a run while nothing else goes on: the slot, then its plan, then
 * the plan's arena, each asked of the memory a few slots ahead. */
static void slots_free(struct strmap *m)
{
	for (size_t i = 0; i < m->cap; i++) {
		const struct slot *s;
		if (i + 12 < m->cap && m->v[i + 12].value) {
			__builtin_prefetch(m->v[i + 12].value);
			__builtin_prefetch(m->v[i + 12].key);
		}
		if (i + 8 < m->cap && (s = m->v[i + 8].value)) {
			__builtin_prefetch(s->id);
			__builtin_prefetch(s->plan);
		}
		if (i + 4 < m->cap && (s = m->v[i + 4].value) && s->plan)
			__builtin_prefetch(s->plan->arena.head);
		if (m->v[i].key) {
			slot_free(m->v[i].value);
			m->v[i].value = NULL;
		}
	}
	strmap_free(m, NULL);
}

void plancache_free(struct plancache *c)
{
	if (!c)
		return;
	plancache_wait(c);
	slots_free(&c->slots);
	free(c->dir);
	free(c);
}

static const char *const caseload_readme = N_(
	"# Caseload\n"
	"\n"
	"Coaching plans and hours, kept with coachplan(7).\n"
	"\n"
	"- `plans/ID.yaml`: one coaching plan per participant (cp-new, cp-evaluate)\n"
	"- `hours/COACH.csv`: one hour sheet per coach (cp-log, cp-hours, cp-report)\n"
	"\n"
	"These files hold personal data: keep the repository private.\n");

const char caseload_gitattributes[] =
	"# coachplan: appends to one sheet on two branches both survive a merge\n"
	"# (cp-merge), and a line one branch corrected or removed stays so; the\n"
	"# diff drivers (set up by cp-new --init in .git/config) show a sheet's\n"
	"# changed fields with git diff --word-diff, and a plan's changes under\n"
	"# the goal or key they are in; plans changed on two branches are merged\n"
	"# as plans (cp-merge)\n"
	"hours/*.csv merge=coachplan diff=coachplan-csv\n"
	"plans/*.yaml merge=coachplan diff=coachplan-yaml\n";

static int make_dir(const char *path)
{
	struct stat st;
	if (mkdir(path, 0700) == 0)
		return 0;
	if (errno == EEXIST && stat(path, &st) == 0 && S_ISDIR(st.st_mode))
		return 0;
	return cp_errno(EX_CANTCREAT, _("%s: cannot create directory"), path);
}

static int make_file(const char *dir, const char *name, const char *text, mode_t mode)
{
	struct buf path = {0};
	buf_printf(&path, "%s/%s", dir, name);
	int rc = atomic_create(path.s, text, strlen(text), mode);
	buf_free(&path);
	return rc < 0 ? -1 : 0; /* a file the user already has is left as it is */
}

int caseload_dirs(const char *dir, int (*fn)(const char *path))
{
	static const char *const subdirs[] = {"plans", "hours"};
	struct buf sub = {0};
	int rc = 0;
	for (size_t i = 0; rc == 0 && i < sizeof subdirs / sizeof *subdirs; i++) {
		sub.len = 0;
		buf_printf(&sub, "%s/%s", dir, subdirs[i]);
		rc = fn(sub.s);
	}
	buf_free(&sub);
	return rc;
}

int caseload_init(const char *dir)
{
	int rc = make_dir(dir);
	if (rc == 0)
		rc = caseload_dirs(dir, make_dir);
	if (rc == 0)
		rc = make_file(dir, ".gitattributes", caseload_gitattributes, 0644);
	if (rc == 0)
		rc = make_file(dir, ".gitignore",
			       "# coachplan's temporary files, left behind only by a crash\n"
			       ".*.cptmp.*\n",
			       0644);
	if (rc == 0)
		rc = make_file(dir, "README.md", _(caseload_readme), 0644);
	if (rc == 0)
		printf("%s\n", dir);
	return rc;
}
