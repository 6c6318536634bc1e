/* planset.c: the plans a report is about.  Arguments name plan files and
 * plans directories (their *.yaml files); the set holds each plan once,
 * sorted by id, read whole or slim.  A plan's id is its file name, as
 * plan.c checks, so the set is sorted and searched by file name before
 * any plan is read. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "caseload.h"

static const char *base_of(const char *path)
{
	const char *slash = strrchr(path, '/');
	return slash ? slash + 1 : path;
}

/* The id a plan file must hold: its name less .yaml or .yml. */
static size_t id_len(const char *path)
{
	const char *base = base_of(path);
	size_t n = strlen(base);
	if (n > 5 && !strcmp(base + n - 5, ".yaml"))
		return n - 5;
	return n > 4 && !strcmp(base + n - 4, ".yml") ? n - 4 : n;
}

static int cmp_id(const char *a, const char *b)
{
	const char *x = base_of(a), *y = base_of(b);
	size_t m = id_len(a), n = id_len(b);
	int c = memcmp(x, y, m < n ? m : n);
	return c ? c : (m > n) - (m < n);
}

static int by_id(const void *a, const void *b)
{
	int c = cmp_id(*(char *const *)a, *(char *const *)b);
	return c ? c : strcmp(*(char *const *)a, *(char *const *)b);
}

/* Every plan file of args, sorted by id, each id once. */
static int expand(char *const *args, size_t nargs, char ***out, size_t *n, int *named)
{
	char **paths = NULL;
	size_t np = 0;
	int rc = 0;
	*named = 0;
	for (size_t i = 0; i < nargs; i++) {
		char **more;
		size_t nmore;
		if (!is_plans_dir(args[i]) && !plans_dir_missing(args[i])) {
			paths = xreallocarray(paths, np + 1, sizeof *paths);
			paths[np++] = xstrdup(args[i]);
			*named = 1;
			continue;
		}
		if (plans_list(args[i], &more, &nmore) < 0)
			rc = -1;
		paths = xreallocarray(paths, np + nmore + 1, sizeof *paths);
		if (nmore) /* an empty directory, or none: more may be NULL */
			memcpy(paths + np, more, nmore * sizeof *more);
		np += nmore;
		free(more);
	}
	if (np)
		qsort(paths, np, sizeof *paths, by_id);
	size_t kept = 0;
	for (size_t i = 0; i < np; i++) {
		if (kept && !cmp_id(paths[kept - 1], paths[i])) {
			struct stat st; /* one file named twice, as ./plans and plans/P-1.yaml: once */
			if (stat(paths[kept - 1], &st) != 0 || !same_file(paths[i], &st))
				rc = cp_err(EX_USAGE, _("%s and %s: two files of one plan"),
					    paths[kept - 1], paths[i]);
			free(paths[i]);
			continue;
		}
		paths[kept++] = paths[i];
	}
	*out = paths;
	*n = kept;
	return rc;
}

int planset_list(struct planset *s, char *const *args, size_t n, const char *only)
{
	memset(s, 0, sizeof *s);
	int rc = expand(args, n, &s->paths, &s->n, &s->named);
	if (only) { /* keep the one plan */
		size_t kept = 0;
		for (size_t i = 0; i < s->n; i++) {
			const char *b = base_of(s->paths[i]);
			if (id_len(s->paths[i]) == strlen(only) && !memcmp(b, only, strlen(only)))
				s->paths[kept++] = s->paths[i];
			else
				free(s->paths[i]);
		}
		s->n = kept;
	}
	s->plans = xcalloc(s->n ? s->n : 1, sizeof *s->plans);
	return rc;
}

struct stride {
	struct planset *s;
	size_t first, step; /* the plans first, first + step, ... */
	int flags, rc;
};

static void *read_stride(void *arg)
{
	struct stride *r = arg;
	if (r->flags & PLANSET_QUIET)
		cp_errors_quiet_thread(1);
	for (size_t i = r->first; i < r->s->n; i += r->step) {
		int status;
		if (r->s->plans[i])
			continue;
		r->s->plans[i] = plan_load(r->s->paths[i], &status);
		if (!r->s->plans[i])
			r->rc = -1;
		else if (r->flags & PLANSET_SLIM)
			plan_slim_but(r->s->plans[i], r->flags & PLANSET_GOALS);
	}
	if (r->flags & PLANSET_QUIET)
		cp_errors_quiet_thread(0);
	return NULL;
}

/* Read quietly, a set of many plans is read on two cores, every other
 * plan on a helper thread: no message can then come out of order. */
int planset_read(struct planset *s, int flags)
{
	struct stride even = {s, 0, 1, flags, 0}, odd = {s, 1, 2, flags, 0};
	pthread_t helper;
	int two = (flags & PLANSET_QUIET) && s->n >= 64 &&
		  pthread_create(&helper, NULL, read_stride, &odd) == 0;
	even.step = two ? 2 : 1;
	read_stride(&even);
	if (two)
		pthread_join(helper, NULL);
	return even.rc < 0 || odd.rc < 0 ? -1 : 0;
}

int planset_load(struct planset *s, char *const *args, size_t n, int flags, const char *only)
{
	int rc = planset_list(s, args, n, only);
	return planset_read(s, flags) < 0 ? -1 : rc;
}

ssize_t planset_find(const struct planset *s, const char *id, size_t n)
{
	size_t lo = 0, hi = s->n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		const char *b = base_of(s->paths[mid]);
		size_t m = id_len(s->paths[mid]);
		int c = memcmp(b, id, m < n ? m : n);
		c = c ? c : (m > n) - (m < n);
		if (!c)
			return (ssize_t)mid;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
}

void planset_free(struct planset *s)
{
	for (size_t i = 0; i < s->n; i++)
		plan_free(s->plans[i]);
	free(s->plans);
	paths_free(s->paths, s->n);
	memset(s, 0, sizeof *s);
}

char *plan_locate(char *const *args, size_t n, const char *id)
{
	for (size_t i = 0; i < n; i++) {
		if (is_dir(args[i])) {
			char *dir = xstrdup(args[i]);
			for (size_t k = strlen(dir); k > 1 && dir[k - 1] == '/'; k--)
				dir[k - 1] = '\0';
			char *path = plan_path(dir, id);
			free(dir);
			struct stat st;
			if (path && stat(path, &st) == 0)
				return path;
			free(path);
		} else if (id_len(args[i]) == strlen(id) && !memcmp(base_of(args[i]), id, strlen(id)))
			return xstrdup(args[i]);
	}
	return NULL;
}
