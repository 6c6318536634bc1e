/* scan.c: every entry of many hour sheets that passes a filter, one at a
 * time (caseload.c says which sheets; - is standard input).  A bad line is
 * reported with its position; with SCAN_KEEP_GOING the rest is still
 * read. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "sheet.h"

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
