/* scan.c: every entry of many hour sheets that passes a filter, one at a
 * time (caseload.c says which sheets; - is standard input).  A bad line is
 * reported with its position; with SCAN_KEEP_GOING the rest is still
 * read. */
#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

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

/* Coaches by name, whatever the case (--coach Robin keeps robin's); each
 * that matches is noted, the halves of a sheet noting on two threads. */
static int in_coaches(const struct filter *f, struct str s)
{
	int in = 0;
	for (size_t i = 0; i < f->coaches.n && (!in || f->coach_seen); i++) {
		const char *c = f->coaches.v[i];
		if (!utf8_same_name(c, strlen(c), s.s, s.n))
			continue;
		in = 1;
		if (f->coach_seen)
			__atomic_store_n(&f->coach_seen[i], 1, __ATOMIC_RELAXED);
	}
	return in;
}

/* An entry of no activity, or of a word no list holds, passes no filter of
 * activities. */
static int activity_in(unsigned activities, struct str s)
{
	int a = s.n ? vocab_parse(&vocab_activity, s.s, s.n) : -1;
	return a >= 0 && (activities >> a & 1);
}

int filter_pass(const struct filter *f, const struct entry *e)
{
	/* the coach first, to note it on every line */
	if (f->coaches.n && !in_coaches(f, e->coach))
		return 0;
	/* an empty list passes all: not asked, on every line */
	return e->date >= f->from && e->date <= f->to && (!f->modes || (f->modes >> e->mode & 1)) &&
	       (!f->plans.n || (f->plan_set ? strmap_get(f->plan_set, e->plan.s, e->plan.n) != NULL
					    : in_list(&f->plans, e->plan))) &&
	       (!f->goals.n || in_list(&f->goals, e->goal)) &&
	       (!f->activities || activity_in(f->activities, e->activity));
}

void filter_init(struct filter *f)
{
	memset(f, 0, sizeof *f);
	f->from = PERIOD_OPEN_FROM;
	f->to = PERIOD_OPEN_TO;
}

/* A batch's plans, or --plan given for each of many, are looked up in a
 * table: running down the list on every line made reading the sheets
 * take rows times lines. */
#define LIST_SHORT 8

void filter_index(struct filter *f, struct strmap *set)
{
	int added;
	if (f->plans.n <= LIST_SHORT)
		return;
	for (size_t i = 0; i < f->plans.n; i++)
		*strmap_put(set, f->plans.v[i], strlen(f->plans.v[i]), &added) = (void *)f->plans.v[i];
	f->plan_set = set;
}

void strlist_add(struct strlist *l, const char *s)
{
	l->v = xreallocarray(l->v, l->n + 1, sizeof *l->v);
	l->v[l->n++] = s;
}

/* One sheet's entries that pass f, to fn; -1 after a bad line (with
 * SCAN_KEEP_GOING, after reading on), -2 when fn fails. */
static int read_entries(struct sheet *sh, const struct filter *f, int flags,
			int (*fn)(const struct entry *, void *), void *arg)
{
	struct entry e;
	int r, rc = 0;
	while ((r = sheet_next(sh, &e)) != 0) {
		if (r < 0) {
			rc = -1;
			if (flags & SCAN_KEEP_GOING)
				continue;
			break;
		}
		if (filter_pass(f, &e) && fn(&e, arg) < 0)
			return -2;
	}
	return rc;
}

/* The second half of a sheet, read on a thread of its own, silently: it
 * is read again, in order and with its messages, if it turns out wrong. */
struct half {
	struct sheet *sh;
	const struct filter *f;
	int (*fn)(const struct entry *, void *);
	void *arg;
	int rc;
};

static void *read_half(void *p)
{
	struct half *h = p;
	cp_errors_quiet_thread(1);
	h->rc = read_entries(h->sh, h->f, 0, h->fn, h->arg);
	return NULL;
}

#define SPLIT_LEAST (8u << 20) /* below this, a second thread costs more than it saves */

static int read_sheet(struct sheet *sh, const struct filter *f, int flags,
		      int (*fn)(const struct entry *, void *), void *arg, const struct scan_split *two)
{
	unsigned headers = sheet_headers(sh);
	struct half h = {two ? sheet_split(sh, SPLIT_LEAST) : NULL, f, fn, two ? two->arg : NULL, 0};
	pthread_t t;
	if (h.sh && pthread_create(&t, NULL, read_half, &h) != 0) {
		sheet_close(h.sh);
		h.sh = NULL;
		sheet_rejoin(sh, headers);
	}
	int rc = read_entries(sh, f, flags, fn, arg);
	if (!h.sh)
		return rc < 0 ? -1 : 0;
	pthread_join(t, NULL);
	sheet_close(h.sh);
	if (sheet_rejoin(sh, headers) && h.rc == 0) {
		two->merge(arg, two->arg);
		return rc < 0 ? -1 : 0;
	}
	two->clear(two->arg);
	if (rc == -2 || (rc < 0 && !(flags & SCAN_KEEP_GOING)))
		return -1;
	return read_entries(sh, f, flags, fn, arg) < 0 ? -1 : rc;
}

int scan_splits(char *const *paths, size_t n)
{
	struct stat st;
	for (size_t i = 0; i < n; i++)
		if (strcmp(paths[i], "-") && stat(paths[i], &st) == 0 && S_ISREG(st.st_mode) &&
		    (size_t)st.st_size >= SPLIT_LEAST)
			return 1;
	return 0;
}

int scan_sheets_split(char *const *paths, size_t n, const struct filter *f, int flags,
		      int (*fn)(const struct entry *, void *), void *arg,
		      const struct scan_split *two)
{
	int rc = 0;
	struct filter indexed = *f;
	struct strmap set = {0};
	if (!f->plan_set)
		filter_index(&indexed, &set);
	f = &indexed;
	for (size_t i = 0; i < n; i++) {
		struct sheet *sh = sheet_open(paths[i], 0);
		if (!sh) {
			rc = -1;
			if (flags & SCAN_KEEP_GOING)
				continue;
			break;
		}
		if (read_sheet(sh, f, flags, fn, arg, two) < 0)
			rc = -1;
		sheet_close(sh);
		if (rc < 0 && !(flags & SCAN_KEEP_GOING))
			break;
	}
	strmap_free(&set, NULL);
	return rc;
}

int scan_sheets(char *const *paths, size_t n, const struct filter *f, int flags,
		int (*fn)(const struct entry *, void *), void *arg)
{
	return scan_sheets_split(paths, n, f, flags, fn, arg, NULL);
}

int scan_plan_entries(char *const *paths, size_t n, const char *id,
		      int (*fn)(const struct entry *, void *), void *arg)
{
	struct filter f;
	filter_init(&f);
	strlist_add(&f.plans, id);
	int rc = scan_sheets(paths, n, &f, SCAN_KEEP_GOING, fn, arg);
	free(f.plans.v);
	return rc;
}
