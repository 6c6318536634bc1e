/* sheetmerge.c: an hour sheet changed on two branches, merged as its
 * lines, for git's merge driver (cp-merge).  merge=union keeps both
 * sides where their changes touch: a line one branch corrected or
 * removed came back beside what the other appended after it, and every
 * line of a sheet that Excel saved again (CRLF, a byte order mark) stood
 * twice.  Here a line is what it says, whatever its line end: ours' lines
 * stay in their order but those theirs removed, and theirs' new lines
 * come in, each once however many sides added it, where they stand in
 * theirs: a corrected line where the old one was, lines both appended
 * ours' first; a header one side emptied away stays above the lines
 * the other added.  Where the sides have
 * other headers, or a quoted note runs over lines, the lines are no
 * entries, and git's union merge decides as before. */
#include <stdlib.h>
#include <string.h>

#include "changes.h"

struct line {
	const char *s;
	size_t n; /* without the line end, the byte order mark or \r */
	size_t all; /* with them */
};

struct lines {
	struct line *v;
	size_t n, cap;
};

/* How often a line stands in base, ours and theirs. */
struct tally {
	size_t side[3];
	size_t drop, add; /* of ours' base copies to drop; of theirs' to add */
	size_t mine;      /* of ours' copies that ours added */
	size_t in_ours;   /* 1 + its first line in ours not yet passed; 0: none */
};

static const char bom[] = "\357\273\277";

/* -1 if a quote is left open at the end of a line (a note over lines),
 * or a line holds a NUL byte (no text, and no key of a strmap) */
static int split(struct lines *l, const char *s, size_t len)
{
	size_t quotes = 0;
	int open = 0;
	for (size_t i = 0; i < len;) {
		const char *nl = memchr(s + i, '\n', len - i);
		size_t end = nl ? (size_t)(nl - s) + 1 : len, from = i;
		if (i == 0 && len >= 3 && !memcmp(s, bom, 3))
			from = 3;
		size_t n = end - from;
		if (n && s[from + n - 1] == '\n')
			n--;
		if (n && s[from + n - 1] == '\r')
			n--;
		for (size_t k = 0; k < n; k++)
			quotes += s[from + k] == '"';
		if (l->n == l->cap) {
			l->cap = l->cap ? 2 * l->cap : 256;
			l->v = xrealloc(l->v, l->cap * sizeof *l->v);
		}
		l->v[l->n++] = (struct line){s + from, n, end - i};
		open |= quotes % 2 || memchr(s + from, '\0', n);
		i = end;
	}
	return open ? -1 : 0;
}

static int same_header(const struct lines *a, const struct lines *b)
{
	return !a->n || !b->n || (a->v[0].n == b->v[0].n && !memcmp(a->v[0].s, b->v[0].s, a->v[0].n));
}

/* Line i of a and of b, byte for byte, with its line end and mark */
static int same_raw(const struct lines *a, const struct lines *b, size_t i, const char *ta,
		    const char *tb)
{
	const char *ra = i ? a->v[i].s : ta, *rb = i ? b->v[i].s : tb;
	return a->v[i].all == b->v[i].all && !memcmp(ra, rb, a->v[i].all);
}

static struct tally *tally_of(struct strmap *m, const struct line *l)
{
	int added;
	void **slot = strmap_put(m, l->s, l->n, &added);
	if (added)
		*slot = xcalloc(1, sizeof(struct tally));
	return *slot;
}

static void count(struct strmap *m, const struct lines sides[3])
{
	for (int k = 0; k < 3; k++)
		for (size_t i = 0; i < sides[k].n; i++)
			tally_of(m, &sides[k].v[i])->side[k]++;
	for (size_t i = 0; i < m->cap; i++) {
		struct tally *t = m->v[i].key ? m->v[i].value : NULL;
		if (!t)
			continue;
		size_t b = t->side[0], o = t->side[1], th = t->side[2];
		size_t kept = o < b ? o : b; /* base copies ours still has */
		t->drop = kept > th ? kept - th : 0; /* a copy both removed goes once */
		size_t o_add = o > b ? o - b : 0, t_add = th > b ? th - b : 0;
		t->add = t_add > o_add ? t_add - o_add : 0;
		t->mine = o_add;
	}
}

/* Where each of theirs' new lines goes among ours' (at[k], the index of
 * the line of ours it goes before; SIZE_MAX: it is no new line): after
 * the line of ours that stands before it in theirs too, and past the
 * lines ours added there.  Ours' added copies of a line are its last. */
static void place(const struct lines *o, const struct lines *t, struct strmap *m, size_t *at)
{
	size_t *next = xcalloc(o->n + 1, sizeof *next); /* next line of ours alike, 1-based */
	unsigned char *mine = xcalloc(o->n + 1, 1);
	for (size_t i = o->n; i-- > 0;) {
		struct tally *c = strmap_get(m, o->v[i].s, o->v[i].n);
		next[i] = c->in_ours;
		c->in_ours = i + 1;
		if (c->mine) {
			c->mine--;
			mine[i] = 1;
		}
	}
	size_t j = 0; /* ours' lines before j are passed */
	for (size_t k = 0; k < t->n; k++) {
		struct tally *c = strmap_get(m, t->v[k].s, t->v[k].n);
		at[k] = SIZE_MAX;
		if (c->add) {
			c->add--;
			size_t i = j;
			while (i < o->n && mine[i])
				i++;
			at[k] = i;
			continue;
		}
		while (c->in_ours && c->in_ours - 1 < j) /* each line of ours passed once */
			c->in_ours = next[c->in_ours - 1];
		if (c->in_ours)
			j = c->in_ours;
	}
	free(next);
	free(mine);
}

/* Ours' lines as they are, less those theirs removed, and theirs' new
 * ones in ours' line end where place puts them.  sides hold the lines
 * after the first lead bytes of ours, which all three share and which
 * stand as they are. */
static void put_merged(struct buf *out, const struct lines sides[3], struct strmap *m,
		       const char *text, size_t len, size_t lead)
{
	const struct lines *o = &sides[1], *t = &sides[2];
	const char *first = memchr(text, '\n', len);
	const char *nl = first && first > text && first[-1] == '\r' ? "\r\n" : "\n";
	size_t *at = xcalloc(t->n + 1, sizeof *at), k = 0;
	place(o, t, m, at);
	buf_add(out, text, lead);
	for (size_t i = 0; i <= o->n; i++) {
		/* the first line of ours keeps its place and its mark */
		for (; k < t->n && (at[k] <= i || at[k] == SIZE_MAX) && (lead || i || !o->n); k++)
			if (at[k] != SIZE_MAX) {
				if (out->len && out->s[out->len - 1] != '\n')
					buf_puts(out, nl);
				buf_add(out, t->v[k].s, t->v[k].n);
				buf_puts(out, nl);
			}
		if (i == o->n)
			break;
		struct tally *c = strmap_get(m, o->v[i].s, o->v[i].n);
		if (c->drop) {
			c->drop--;
			continue;
		}
		const char *raw = !lead && i == 0 ? text : o->v[i].s;
		buf_add(out, raw, o->v[i].all);
	}
	free(at);
}

/* Whether a line names the date and the minutes columns, as a header
 * does and an entry does not */
static int names_columns(const struct line *l)
{
	int date = 0, minutes = 0;
	for (size_t i = 0; i <= l->n;) {
		size_t end = i;
		while (end < l->n && l->s[end] != ',' && l->s[end] != ';')
			end++;
		size_t a = i, b = end;
		while (a < b && (l->s[a] == ' ' || l->s[a] == '\t' || l->s[a] == '"'))
			a++;
		while (b > a && (l->s[b - 1] == ' ' || l->s[b - 1] == '\t' || l->s[b - 1] == '"'))
			b--;
		int col = sheet_col_named(l->s + a, b - a);
		date |= col == COL_DATE;
		minutes |= col == COL_MINUTES;
		i = end + 1;
	}
	return date && minutes;
}

/* A side that emptied the sheet took its header away with its entries;
 * the lines the other side added still need it above them, or the sheet
 * has none.  The header of ours, else of theirs, as it was written. */
static void keep_header(struct buf *out, const struct lines sides[3], const char *const text[3])
{
	int k = sides[1].n ? 1 : 2;
	if (!out->len || !sides[k].n || !names_columns(&sides[k].v[0]))
		return;
	const struct line *h = &sides[k].v[0];
	size_t skip = out->len >= 3 && !memcmp(out->s, bom, 3) ? 3 : 0;
	const char *nl = memchr(out->s + skip, '\n', out->len - skip);
	size_t n = (nl ? (size_t)(nl - out->s) : out->len) - skip;
	if (n && out->s[skip + n - 1] == '\r')
		n--;
	if (n == h->n && !memcmp(out->s + skip, h->s, n))
		return;
	struct buf with = {0};
	buf_add(&with, text[k], h->all);
	if (text[k][h->all - 1] != '\n')
		buf_puts(&with, "\n");
	buf_add(&with, out->s, out->len);
	buf_free(out);
	*out = with;
}

int sheet_merge_text(const char *const text[3], const size_t len[3], struct buf *out)
{
	struct lines sides[3] = {{0}};
	struct strmap m = {0};
	int rc = 0;
	for (int k = 0; k < 3; k++)
		if (split(&sides[k], text[k], len[k]) < 0)
			rc = -1;
	if (rc == 0 && same_header(&sides[1], &sides[2])) {
		/* a sheet grows at its end: what the three share before needs
		 * no counting, and a long sheet no table of its lines */
		size_t p = 0;
		while (p < sides[0].n && p < sides[1].n && p < sides[2].n &&
		       same_raw(&sides[0], &sides[1], p, text[0], text[1]) &&
		       same_raw(&sides[0], &sides[2], p, text[0], text[2]))
			p++;
		struct lines rest[3];
		for (int k = 0; k < 3; k++) /* an empty side has no array: NULL + 0 is UB */
			rest[k] = (struct lines){p ? sides[k].v + p : sides[k].v, sides[k].n - p, 0};
		size_t lead = !p ? 0 : p < sides[1].n ? (size_t)(sides[1].v[p].s - text[1]) : len[1];
		count(&m, rest);
		put_merged(out, rest, &m, text[1], len[1], lead);
		keep_header(out, sides, text);
	} else
		rc = -1;
	strmap_free(&m, free);
	for (int k = 0; k < 3; k++)
		free(sides[k].v);
	return rc;
}

int sheet_merge(const char *base, const char *ours, const char *theirs, const char *name)
{
	struct buf b[3] = {{0}}, out = {0};
	const char *path[3] = {base, ours, theirs};
	int rc = 0;
	for (int k = 0; k < 3 && rc == 0; k++)
		rc = merge_read(path[k], &b[k]) < 0 ? 2 : 0;
	const char *text[3] = {b[0].s ? b[0].s : "", b[1].s ? b[1].s : "", b[2].s ? b[2].s : ""};
	size_t len[3] = {b[0].len, b[1].len, b[2].len};
	if (rc == 0 && sheet_merge_text(text, len, &out) < 0) {
		out.len = 0; /* as merge=union did */
		rc = merge_by_git(base, ours, theirs, "--union", &out);
		if (rc == 3) {
			cp_err(EX_DATAERR, _("%s: git cannot merge its lines"), name ? name : ours);
			rc = 2;
		}
	}
	struct locked lf;
	if (rc == 0 && locked_open(&lf, ours) == 0) {
		if (locked_replace(&lf, out.s ? out.s : "", out.len) < 0)
			rc = 2;
		locked_close(&lf);
	} else
		rc = 2;
	for (int k = 0; k < 3; k++)
		buf_free(&b[k]);
	buf_free(&out);
	return rc;
}
