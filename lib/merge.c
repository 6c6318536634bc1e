/* merge.c: a plan changed on two branches, merged as a plan, for git's
 * merge driver (cp-merge).  Two coaches who record an evaluation each on
 * one plan both move evaluation.next and both append to evaluations:
 * lines git's text merge calls a conflict.  Here the three versions are
 * read as YAML and theirs' changes since the base are carried into ours
 * by surgical edits of ours' text, so ours' comments and layout stay:
 *   - a value only theirs changed takes theirs' value; one both changed
 *     alike stays; evaluation.next takes the later date;
 *   - list items are matched by what they are (a goal by its id, an
 *     evaluation by its date and summary, a grant or a coach by its from,
 *     a text by itself): theirs' new items are added to ours (evaluations
 *     in date order), items theirs removed and ours kept unchanged go;
 *   - a key theirs added is added, one theirs removed and ours kept
 *     unchanged goes.
 * Where both changed one value differently, the lines of that value get
 * the usual conflict markers and the merge reports a conflict.  A version
 * that is no plan, or a result that would not read as one, is left to
 * git merge-file. */
#include <spawn.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "domain.h"

extern char **environ;

struct side {
	struct ydoc doc;
	struct arena arena;
	struct buf text;
};

struct merge {
	struct side base, ours, theirs;
	struct edits e;
	int conflicts;
};

static int read_side(struct side *s, const char *path)
{
	FILE *f = fopen(path, "rb");
	char chunk[8192];
	size_t got;
	while (f && (got = fread(chunk, 1, sizeof chunk, f)) > 0)
		buf_add(&s->text, chunk, got);
	int rc = f && !ferror(f) ? 0 : -1;
	if (f)
		fclose(f);
	buf_str(&s->text);
	if (rc < 0)
		return cp_errno(EX_NOINPUT, _("%s: cannot read"), path);
	cp_errors_quiet_thread(1); /* a version that is no plan goes to git merge-file */
	rc = ydoc_parse(&s->doc, &s->arena, path, s->text.s, s->text.len);
	cp_errors_quiet_thread(0);
	return rc < 0 || !s->doc.root || yderef(s->doc.root)->kind != Y_MAP ? 1 : 0;
}

static void free_side(struct side *s)
{
	arena_free(&s->arena);
	buf_free(&s->text);
}

/* ---- comparing nodes ---- */

static int same(struct ynode *a, struct ynode *b)
{
	a = a ? yderef(a) : NULL;
	b = b ? yderef(b) : NULL;
	if (!a || !b || a->kind != b->kind || a->n != b->n)
		return a == b;
	if (a->kind == Y_SCALAR)
		return !strcmp(a->u.str, b->u.str);
	size_t n = a->kind == Y_MAP ? 2 * (size_t)a->n : a->n;
	for (size_t i = 0; i < n; i++)
		if (!same(a->u.kids[i], b->u.kids[i]))
			return 0;
	return 1;
}

static const char *scalar_of(struct ynode *map, const char *key)
{
	struct ynode *v = map && yderef(map)->kind == Y_MAP ? ymap_get(yderef(map), key) : NULL;
	v = v ? yderef(v) : NULL;
	return v && v->kind == Y_SCALAR ? v->u.str : NULL;
}

/* What a list item is, whatever else changed in it: a goal by its id, an
 * evaluation by its date and summary, a grant, a coach or contract hours
 * by their from, a contact by name, a text by itself.  In b. */
static void identity(struct buf *b, struct ynode *item)
{
	static const char *const keys[][2] = {
		{"id", NULL}, {"date", "summary"}, {"from", "kind"}, {"name", NULL}};
	item = yderef(item);
	b->len = 0;
	if (item->kind == Y_SCALAR) {
		buf_printf(b, "=%s", item->u.str);
		return;
	}
	for (size_t k = 0; item->kind == Y_MAP && k < sizeof keys / sizeof *keys; k++) {
		const char *v = scalar_of(item, keys[k][0]);
		if (v) {
			const char *w = keys[k][1] ? scalar_of(item, keys[k][1]) : NULL;
			buf_printf(b, "%s=%s|%s", keys[k][0], v, w ? w : "");
			return;
		}
	}
	buf_printf(b, "@%u", (unsigned)item->start); /* nothing to know it by: never the same */
}

static struct ynode *find_item(struct ynode *seq, struct ynode *like)
{
	struct buf want = {0}, got = {0};
	identity(&want, like);
	struct ynode *found = NULL;
	for (uint32_t i = 0; seq && i < seq->n && !found; i++) {
		identity(&got, seq->u.kids[i]);
		if (!strcmp(want.s, got.s))
			found = seq->u.kids[i];
	}
	buf_free(&want);
	buf_free(&got);
	return found;
}

/* ---- edits of ours' text ---- */

static size_t line_start(const struct ydoc *d, size_t off)
{
	while (off && d->src[off - 1] != '\n')
		off--;
	return off;
}

static size_t line_end(const struct ydoc *d, size_t off) /* past the line break */
{
	const char *nl = memchr(d->src + off, '\n', d->len - off);
	return nl ? (size_t)(nl - d->src) + 1 : d->len;
}

/* The lines [from, to) of side s, each moved by shift columns. */
static void lines_of(struct buf *b, const struct side *s, size_t from, size_t to, long shift)
{
	for (size_t i = from; i < to;) {
		size_t e = line_end(&s->doc, i);
		long cut = shift < 0 ? -shift : 0;
		size_t blanks = strspn(s->doc.src + i, " ");
		if ((long)blanks < cut)
			cut = (long)blanks;
		for (long k = 0; k < shift; k++)
			buf_putc(b, ' ');
		buf_add(b, s->doc.src + i + cut, e - i - (size_t)cut);
		i = e;
	}
	if (b->len && b->s[b->len - 1] != '\n')
		buf_putc(b, '\n');
}

static long column(const struct ydoc *d, size_t off)
{
	return (long)(off - line_start(d, off));
}

/* Both changed the lines of one value: ours' and theirs' in markers. */
static void conflict(struct merge *m, struct ynode *okey, struct ynode *oval, struct ynode *tkey,
		     struct ynode *tval)
{
	const struct ydoc *od = &m->ours.doc, *td = &m->theirs.doc;
	size_t from = line_start(od, okey->start), to = line_end(od, yderef(oval)->end);
	struct buf b = {0};
	buf_puts(&b, "<<<<<<< ours\n");
	lines_of(&b, &m->ours, from, to, 0);
	buf_puts(&b, "=======\n");
	if (tkey)
		lines_of(&b, &m->theirs, line_start(td, tkey->start), line_end(td, yderef(tval)->end),
			 column(od, okey->start) - column(td, tkey->start));
	buf_puts(&b, ">>>>>>> theirs\n");
	edits_add(&m->e, from, to - from, b.s, b.len);
	buf_free(&b);
	m->conflicts++;
}

/* Removes the lines of a key and its value, or of a list item. */
static void remove_lines(struct merge *m, size_t start, size_t end)
{
	size_t from = line_start(&m->ours.doc, start), to = line_end(&m->ours.doc, end);
	edits_add(&m->e, from, to - from, "", 0);
}

/* Theirs' item as the text yedit_seq_append wants: its lines, the first
 * without its "- ", the others less the item's indent. */
static void item_text(struct buf *b, const struct side *s, struct ynode *item)
{
	const struct ydoc *d = &s->doc;
	size_t from = item->start, to = item->end;
	long indent = column(d, from);
	b->len = 0;
	while (to > from && (d->src[to - 1] == '\n' || d->src[to - 1] == ' '))
		to--;
	for (size_t i = from; i < to;) {
		size_t e = line_end(d, i);
		if (e > to)
			e = to;
		if (i > from) {
			size_t blanks = strspn(d->src + i, " ");
			i += blanks < (size_t)indent ? blanks : (size_t)indent;
		}
		buf_add(b, d->src + i, e - i);
		i = e;
	}
	buf_str(b);
	while (b->len && b->s[b->len - 1] == '\n')
		b->s[--b->len] = '\0';
}

/* Theirs' new item before ours' item at (a block list), as its own lines. */
static void insert_before(struct merge *m, struct ynode *oitem, const char *text)
{
	const struct ydoc *od = &m->ours.doc;
	size_t at = line_start(od, oitem->start);
	long dash = column(od, oitem->start) - 2; /* "- " before the item */
	struct buf b = {0};
	for (const char *p = text; *p;) {
		const char *nl = strchr(p, '\n');
		size_t n = nl ? (size_t)(nl - p) : strlen(p);
		for (long k = 0; k < dash; k++)
			buf_putc(&b, ' ');
		buf_puts(&b, p == text ? "- " : "  ");
		buf_add(&b, p, n);
		buf_putc(&b, '\n');
		p += n + (nl ? 1 : 0);
	}
	edits_add(&m->e, at, 0, b.s, b.len);
	buf_free(&b);
}

/* ---- the merge ---- */

static void merge_node(struct merge *m, const char *key, struct ynode *okey, struct ynode *b,
		       struct ynode *o, struct ynode *t, struct ynode *tkey);

static void merge_map(struct merge *m, struct ynode *b, struct ynode *o, struct ynode *t)
{
	for (uint32_t i = 0; i < t->n; i++) {
		struct ynode *tk = t->u.kids[2 * i], *tv = t->u.kids[2 * i + 1];
		if (yderef(tk)->kind != Y_SCALAR)
			continue;
		const char *key = yderef(tk)->u.str;
		struct ynode *bv = b ? ymap_get(b, key) : NULL, *ov = ymap_get(o, key);
		if (bv && same(bv, tv))
			continue; /* theirs did not change it */
		if (!ov) {
			if (!bv) { /* theirs added it */
				struct buf v = {0}, block = {0};
				struct ynode *n = yderef(tv);
				item_text(&v, &m->theirs, n);
				/* a block collection starts on the line below its key */
				buf_printf(&block, "%s%s", n->kind != Y_SCALAR && n->style == Y_BLOCK
								? "\n" : "", v.s);
				if (yedit_map_append(&m->e, &m->ours.doc, o, key, block.s) < 0)
					m->conflicts++;
				buf_free(&v);
				buf_free(&block);
			} else
				m->conflicts++; /* ours removed what theirs changed */
			continue;
		}
		merge_node(m, key, ymap_key(o, key), bv, ov, tv, tk);
	}
	for (uint32_t i = 0; b && i < b->n; i++) { /* what theirs removed */
		struct ynode *bk = yderef(b->u.kids[2 * i]);
		if (bk->kind != Y_SCALAR || ymap_get(t, bk->u.str))
			continue;
		struct ynode *ov = ymap_get(o, bk->u.str);
		if (ov && same(ov, b->u.kids[2 * i + 1]) && o->style == Y_BLOCK)
			remove_lines(m, ymap_key(o, bk->u.str)->start, yderef(ov)->end);
		else if (ov)
			m->conflicts++; /* ours changed what theirs removed */
	}
}

static void merge_seq(struct merge *m, struct ynode *b, struct ynode *o, struct ynode *t)
{
	struct buf text = {0};
	for (uint32_t i = 0; i < t->n; i++) {
		struct ynode *ti = yderef(t->u.kids[i]);
		struct ynode *bi = b ? find_item(b, ti) : NULL, *oi = find_item(o, ti);
		if (oi) {
			if (!same(oi, ti) && !(bi && same(bi, ti)) && yderef(oi)->kind == Y_MAP &&
			    ti->kind == Y_MAP)
				merge_map(m, bi ? yderef(bi) : NULL, yderef(oi), ti);
			continue;
		}
		if (bi) { /* ours removed it */
			if (!same(bi, ti))
				m->conflicts++;
			continue;
		}
		/* new in theirs: before ours' first later evaluation, else at the end */
		const char *date = scalar_of(ti, "date");
		struct ynode *later = NULL;
		for (uint32_t k = 0; date && k < o->n && !later; k++) {
			const char *od = scalar_of(o->u.kids[k], "date");
			if (od && strcmp(od, date) > 0)
				later = yderef(o->u.kids[k]);
		}
		item_text(&text, &m->theirs, ti);
		if (later && o->style == Y_BLOCK)
			insert_before(m, later, text.s);
		else if (yedit_seq_append(&m->e, &m->ours.doc, o, text.s) < 0)
			m->conflicts++;
	}
	for (uint32_t i = 0; b && i < b->n; i++) { /* what theirs removed */
		struct ynode *bi = yderef(b->u.kids[i]);
		struct ynode *oi = find_item(o, bi);
		if (find_item(t, bi) || !oi)
			continue;
		if (same(oi, bi) && o->style == Y_BLOCK)
			remove_lines(m, yderef(oi)->start, yderef(oi)->end);
		else
			m->conflicts++;
	}
	buf_free(&text);
}

static void merge_node(struct merge *m, const char *key, struct ynode *okey, struct ynode *b,
		       struct ynode *o, struct ynode *t, struct ynode *tkey)
{
	b = b ? yderef(b) : NULL;
	o = yderef(o);
	t = yderef(t);
	if (same(o, t))
		return;
	if (b && b->kind == Y_SCALAR && yscalar_null(b) && o->kind != Y_SCALAR)
		b = NULL; /* an empty value (evaluations:) was an empty list or mapping */
	if (o->kind == Y_MAP && t->kind == Y_MAP && (!b || b->kind == Y_MAP)) {
		merge_map(m, b, o, t);
		return;
	}
	if (o->kind == Y_SEQ && t->kind == Y_SEQ && (!b || b->kind == Y_SEQ)) {
		merge_seq(m, b, o, t);
		return;
	}
	if (b && same(b, o) && o->kind == Y_SCALAR && t->kind == Y_SCALAR) {
		/* only theirs changed it: theirs' text, quoting and all */
		edits_add(&m->e, o->start, o->end - o->start, m->theirs.doc.src + t->start,
			  t->end - t->start);
		return;
	}
	if (b && same(b, t))
		return; /* only ours changed it */
	if (!strcmp(key, "next") && o->kind == Y_SCALAR && t->kind == Y_SCALAR) {
		/* both recorded an evaluation: the later next one stands */
		if (strcmp(t->u.str, o->u.str) > 0)
			edits_add(&m->e, o->start, o->end - o->start, m->theirs.doc.src + t->start,
				  t->end - t->start);
		return;
	}
	if (okey)
		conflict(m, okey, o, tkey, t);
	else
		m->conflicts++;
}

/* git's own text merge, for versions that are no plan: its exit status
 * is the number of conflicts. */
static int text_merge(const char *base, const char *ours, const char *theirs)
{
	const char *argv[] = {"git", "merge-file", "-L", "ours", "-L", "base", "-L", "theirs",
			      ours, base, theirs, NULL};
	pid_t pid;
	int status;
	if (posix_spawnp(&pid, "git", NULL, NULL, (char *const *)argv, environ) != 0)
		return cp_err(EX_UNAVAILABLE, _("cannot run git merge-file")), 2;
	while (waitpid(pid, &status, 0) < 0)
		;
	return WIFEXITED(status) && WEXITSTATUS(status) == 0 ? 0 : 1;
}

int plan_merge(const char *base, const char *ours, const char *theirs, const char *name)
{
	struct merge m = {0};
	int rb = read_side(&m.base, base), ro = read_side(&m.ours, ours),
	    rt = read_side(&m.theirs, theirs);
	int rc;
	if (rb < 0 || ro < 0 || rt < 0)
		rc = 2;
	else if (rb || ro || rt)
		rc = text_merge(base, ours, theirs);
	else {
		merge_node(&m, "", NULL, m.base.doc.root, m.ours.doc.root, m.theirs.doc.root, NULL);
		struct buf out = {0};
		rc = edits_apply(&m.e, m.ours.doc.src, m.ours.doc.len, &out) < 0 ? 2 : 0;
		if (rc == 0 && !m.conflicts) { /* the result must read as a plan */
			int status;
			cp_errors_quiet_thread(1);
			struct plan *p = plan_parse(name ? name : ours, xstrndup(out.s, out.len),
						    out.len, &status);
			cp_errors_quiet_thread(0);
			if (!p)
				rc = -1;
			plan_free(p);
		}
		struct locked lf;
		if (rc == 0 && locked_open(&lf, ours) == 0) {
			rc = locked_replace(&lf, out.s, out.len) < 0 ? 2 : m.conflicts ? 1 : 0;
			locked_close(&lf);
		} else if (rc == 0)
			rc = 2;
		else if (rc < 0)
			rc = text_merge(base, ours, theirs);
		buf_free(&out);
	}
	edits_free(&m.e);
	free_side(&m.base);
	free_side(&m.ours);
	free_side(&m.theirs);
	return rc;
}
