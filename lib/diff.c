/* diff.c: a unified diff of two texts, as git shows it, for a change a
 * tool would make (--dry-run): small texts, few changes; and the marks
 * of a merge git left to the user. */
#include <stdlib.h>
#include <string.h>

#include "base.h"

struct lines {
	const char **s;
	size_t *len, n;
};

static void split_lines(const char *t, size_t len, struct lines *l)
{
	size_t cap = 16;
	l->n = 0;
	l->s = xreallocarray(NULL, cap, sizeof *l->s);
	l->len = xreallocarray(NULL, cap, sizeof *l->len);
	for (size_t i = 0; i < len;) {
		const char *nl = memchr(t + i, '\n', len - i);
		size_t n = nl ? (size_t)(nl - (t + i)) + 1 : len - i;
		if (l->n == cap) {
			cap *= 2;
			l->s = xreallocarray(l->s, cap, sizeof *l->s);
			l->len = xreallocarray(l->len, cap, sizeof *l->len);
		}
		l->s[l->n] = t + i;
		l->len[l->n++] = n;
		i += n;
	}
}

static int line_eq(const struct lines *a, size_t i, const struct lines *b, size_t j)
{
	return a->len[i] == b->len[j] && !memcmp(a->s[i], b->s[j], a->len[i]);
}

static void put_line(struct buf *out, char mark, const struct lines *l, size_t i)
{
	buf_putc(out, mark);
	buf_add(out, l->s[i], l->len[i]);
	if (l->len[i] == 0 || l->s[i][l->len[i] - 1] != '\n')
		buf_puts(out, "\n\\ No newline at end of file\n");
}

/* For each line of a and b whether it is in their longest common
 * subsequence (by dynamic programming over the part that differs: the
 * changes of a plan are a few lines in a file of a few hundred). */
static void common_lines(const struct lines *a, const struct lines *b, char *ina, char *inb)
{
	size_t lo = 0, ea = a->n, eb = b->n;
	while (lo < ea && lo < eb && line_eq(a, lo, b, lo))
		ina[lo] = inb[lo] = 1, lo++;
	while (ea > lo && eb > lo && line_eq(a, ea - 1, b, eb - 1))
		ina[--ea] = inb[--eb] = 1;
	size_t na = ea - lo, nb = eb - lo;
	if (!na || !nb || na > 4000 || nb > 4000)
		return; /* all of the middle changed, or too much to weigh: shown as changed */
	unsigned *t = xcalloc((na + 1) * (nb + 1), sizeof *t);
#define T(i, j) t[(i) * (nb + 1) + (j)]
	for (size_t i = na; i-- > 0;)
		for (size_t j = nb; j-- > 0;)
			T(i, j) = line_eq(a, lo + i, b, lo + j) ? T(i + 1, j + 1) + 1
				  : T(i + 1, j) > T(i, j + 1) ? T(i + 1, j) : T(i, j + 1);
	for (size_t i = 0, j = 0; i < na && j < nb;)
		if (line_eq(a, lo + i, b, lo + j))
			ina[lo + i++] = inb[lo + j++] = 1;
		else if (T(i + 1, j) >= T(i, j + 1))
			i++;
		else
			j++;
#undef T
	free(t);
}

/* The plan as git names it, from the caseload's top, which holds the plans
 * directory: that directory and the file, however the plan was named and
 * wherever the tool ran (P-1.yaml in plans/, ../plans/P-1.yaml,
 * /srv/caseload/plans/P-1.yaml).  A name that is no file is taken as
 * written, below the caseload's top or from the root. */
static char *git_name(const char *name)
{
	char *real = realpath(name, NULL);
	const char *path = real ? real : name;
	while (!strncmp(path, "./", 2) || !strncmp(path, "../", 3))
		path += path[1] == '/' ? 2 : 3;
	if (*path == '/') {
		const char *file = strrchr(path, '/') + 1, *dir = file - 1;
		while (dir > path && dir[-1] != '/')
			dir--;
		path = dir > path ? dir : file;
	}
	char *git = xstrdup(path);
	free(real);
	return git;
}

void diff_unified(struct buf *out, const char *name, const char *a, size_t alen, const char *b,
		  size_t blen)
{
	struct lines la, lb;
	split_lines(a, alen, &la);
	split_lines(b, blen, &lb);
	char *ina = xcalloc(la.n + 1, 1), *inb = xcalloc(lb.n + 1, 1);
	common_lines(&la, &lb, ina, inb);
	enum { CONTEXT = 3 };
	size_t i = 0, j = 0;
	int header = 0;
	while (i < la.n || j < lb.n) {
		if (i < la.n && j < lb.n && ina[i] && inb[j]) {
			i++, j++;
			continue;
		}
		/* a change at (i, j): a hunk from CONTEXT lines before it to
		 * CONTEXT after the last change within 2 * CONTEXT of the next */
		size_t hi = i > CONTEXT ? i - CONTEXT : 0, hj = j - (i - hi);
		size_t ei = i, ej = j;
		for (;;) {
			while (ei < la.n && !ina[ei])
				ei++;
			while (ej < lb.n && !inb[ej])
				ej++;
			size_t k = 0;
			while (ei + k < la.n && ej + k < lb.n && ina[ei + k] && inb[ej + k] &&
			       k < 2 * CONTEXT + 1)
				k++;
			if (ei + k >= la.n && ej + k >= lb.n)
				break; /* the end: only common lines after */
			if (k > 2 * CONTEXT)
				break;
			ei += k, ej += k;
		}
		size_t ti = ei + CONTEXT < la.n ? ei + CONTEXT : la.n;
		size_t tj = ej + (ti - ei);
		if (!header) {
			char *git = git_name(name);
			buf_printf(out, "--- a/%s\n+++ b/%s\n", git, git);
			free(git);
			header = 1;
		}
		buf_printf(out, "@@ -%zu,%zu +%zu,%zu @@\n", ti > hi ? hi + 1 : hi, ti - hi,
			   tj > hj ? hj + 1 : hj, tj - hj);
		size_t x = hi, y = hj;
		while (x < ti || y < tj) {
			if (x < ti && y < tj && ina[x] && inb[y])
				put_line(out, ' ', &la, x++), y++;
			else if (x < ti && !ina[x])
				put_line(out, '-', &la, x++);
			else if (y < tj && !inb[y])
				put_line(out, '+', &lb, y++);
			else
				break; /* not reached: common lines pair up */
		}
		i = ti, j = tj;
	}
	free(ina);
	free(inb);
	free(la.s);
	free(la.len);
	free(lb.s);
	free(lb.len);
}

/* ||||||| heads the base's lines where merge.conflictStyle is diff3 or
 * zdiff3 */
static const char *const marks[] = {"<<<<<<<", "=======", ">>>>>>>", "|||||||"};

static int is_marker(const char *s, size_t n)
{
	if (n && s[n - 1] == '\r')
		n--;
	for (size_t i = 0; i < sizeof marks / sizeof *marks; i++)
		if (n >= 7 && !memcmp(s, marks[i], 7) && (n == 7 || (i != 1 && s[7] == ' ')))
			return 1;
	return 0;
}

long conflict_marker(const char *s, size_t n)
{
	for (size_t i = 0; i < n;) {
		const char *nl = memchr(s + i, '\n', n - i);
		size_t end = nl ? (size_t)(nl - s) : n;
		if (is_marker(s + i, end - i))
			return (long)i;
		i = end + 1;
	}
	return -1;
}

int conflict_err(const struct srcpos *at)
{
	struct srcpos marker = *at;
	marker.span = 7;
	/* met once the three lines the first hint names are gone */
	int base = at->off + 7 <= at->len && !memcmp(at->text + at->off, marks[3], 7);
	return cp_err_at(EX_DATAERR, &marker,
			 base ? _("the lines from ||||||| to ======= are what both sides started "
				  "from: delete them, and keep what should stay of both sides")
			      : _("keep what should stay of both sides and delete the lines <<<<<<<, "
				  "======= and >>>>>>>"),
			 "%s", _("git left a merge conflict here to resolve"));
}
