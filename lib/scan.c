/* scan.c: every entry of many hour sheets that passes a filter, one at a
 * time.  Arguments may name sheets, directories of *.csv and - for
 * standard input.  A bad line is reported with its position; with
 * SCAN_KEEP_GOING the rest is still read. */
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "coachplan.h"

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void add_path(char ***paths, size_t *n, size_t *cap, char *path)
{
	if (*n == *cap) {
		*cap = *cap ? 2 * *cap : 16;
		*paths = xreallocarray(*paths, *cap, sizeof **paths);
	}
	(*paths)[(*n)++] = path;
}

static int add_dir(const char *dir, char ***paths, size_t *n, size_t *cap)
{
	DIR *d = opendir(dir);
	if (!d)
		return cp_errno(EX_NOINPUT, _("%s: cannot open"), dir);
	size_t first = *n;
	struct dirent *de;
	while ((de = readdir(d))) {
		size_t len = strlen(de->d_name);
		if (de->d_name[0] == '.' || len < 5 || strcmp(de->d_name + len - 4, ".csv"))
			continue;
		struct buf b = {0};
		buf_printf(&b, "%s%s%s", dir, dir[strlen(dir) - 1] == '/' ? "" : "/", de->d_name);
		add_path(paths, n, cap, b.s);
	}
	closedir(d);
	if (*n > first) /* an empty directory: *paths may still be NULL, which qsort must not get */
		qsort(*paths + first, *n - first, sizeof **paths, by_name);
	return 0;
}

int sheets_expand(char *const *args, size_t nargs, char ***paths, size_t *n)
{
	size_t cap = 0;
	int rc = 0;
	*paths = NULL;
	*n = 0;
	for (size_t i = 0; i < nargs; i++) {
		if (is_dir(args[i])) {
			if (add_dir(args[i], paths, n, &cap) < 0)
				rc = -1;
		} else
			add_path(paths, n, &cap, xstrdup(args[i]));
	}
	return rc;
}

static int in_list(const struct strlist *l, struct str s)
{
	if (!l->n)
		return 1;
	for (size_t i = 0; i < l->n; i++)
		if (strlen(l->v[i]) == s.n && !memcmp(l->v[i], s.s, s.n))
			return 1;
	return 0;
}

int filter_pass(const struct filter *f, const struct entry *e)
{
	return e->date >= f->from && e->date <= f->to && (!f->modes || (f->modes >> e->mode & 1)) &&
	       in_list(&f->plans, e->plan) && in_list(&f->coaches, e->coach) &&
	       in_list(&f->goals, e->goal);
}

void filter_init(struct filter *f)
{
	memset(f, 0, sizeof *f);
	f->from = PERIOD_OPEN_FROM;
	f->to = PERIOD_OPEN_TO;
}

void strlist_add(struct strlist *l, const char *s)
{
	l->v = xreallocarray(l->v, l->n + 1, sizeof *l->v);
	l->v[l->n++] = s;
}

int scan_sheets(char *const *paths, size_t n, const struct filter *f, int flags,
		int (*fn)(const struct entry *, void *), void *arg)
{
	int rc = 0;
	for (size_t i = 0; i < n; i++) {
		struct sheet *sh = sheet_open(paths[i], 0);
		if (!sh) {
			rc = -1;
			if (flags & SCAN_KEEP_GOING)
				continue;
			break;
		}
		struct entry e;
		int r;
		while ((r = sheet_next(sh, &e)) != 0) {
			if (r < 0) {
				rc = -1;
				if (flags & SCAN_KEEP_GOING)
					continue;
				break;
			}
			if (filter_pass(f, &e) && fn(&e, arg) < 0) {
				rc = -1;
				break;
			}
		}
		sheet_close(sh);
		if (rc < 0 && !(flags & SCAN_KEEP_GOING))
			break;
	}
	return rc;
}
