/* merge.c: a plan changed on two branches, merged as a plan, for git's
 * merge driver (cp-merge).  Two coaches who record an evaluation each on
 * one plan both move evaluation.next and both append to evaluations:
 * lines git's text merge calls a conflict.  Here the three versions are
 * read as YAML and theirs' changes since the base are carried into ours
 * by surgical edits of ours' text, so ours' comments and layout stay:
 *   - a value only theirs changed takes theirs' value; one both changed
 *     alike stays; evaluation.next takes the later date; an empty value
 *     (`evaluations:` as cp-new writes it) is an empty list;
 *   - list items are matched by what they are (a goal by its id, an
 *     evaluation by its date and summary, a grant or a coach by its from,
 *     a contact by name, anything else, in lists this version does not
 *     know too, by all it says): theirs' new items are added to ours
 *     (evaluations in date order), items theirs removed and ours kept
 *     unchanged go; flow lists [a, b] stay flow;
 *   - a key theirs added is added, one theirs removed and ours kept
 *     unchanged goes.
 * Where both changed one value differently, the lines of that value get
 * the usual conflict markers and the merge reports a conflict; where one
 * removed what the other changed, the other's lines stand in markers
 * against nothing.  A version that is no plan (each side must read as one,
 * so that a goal id twice never meets the matching), a change that cannot
 * be written into ours' text, or a result that would not read as a plan,
 * is left to git merge-file. */
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "changes.h"

struct side {
	struct ydoc doc;
	struct arena arena;
	struct buf text;
};

struct merge {
	struct side base, ours, theirs;
	struct edits e;
	int conflicts;
	int stuck; /* a change that cannot be written into ours' text here */
	const char *nl; /* ours' line break: CRLF stays CRLF */
	const char *noplan; /* the version that is no plan: base, ours, theirs or merged */
};

/* Whether text reads as a plan (quietly: a merge driver's business is the
 * merge; cp-check names what is wrong). */
static int reads_as_plan(const char *name, const char *text, size_t len)
{
	int status;
	cp_errors_quiet_thread(1);
	struct plan *p = plan_parse(name, xstrndup(text, len), len, &status);
	cp_errors_quiet_thread(0);
	plan_free(p);
	return p != NULL;
}

int merge_read(const char *path, struct buf *b)
{
	return buf_read_file(b, path) < 0 ? cp_errno(EX_NOINPUT, _("%s: cannot read"), path) : 0;
}

/* 0, or 1 if the version is no plan (git merge-file takes it) */
static int parse_side(struct side *s, const char *name)
{
	buf_str(&s->text);
	if (!reads_as_plan(name, s->text.s, s->text.len))
		return 1;
	cp_errors_quiet_thread(1);
	int rc = ydoc_parse(&s->doc, &s->arena, name, s->text.s, s->text.len);
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

/* Absent, null, or a list or mapping with nothing in it: `evaluations:`
 * as cp-new writes it and `evaluations: []` say the same. */
static int empty(struct ynode *n)
{
	n = n ? yderef(n) : NULL;
	return !n || (n->kind == Y_SCALAR ? yscalar_null(n) : n->n == 0);
}

/* x says what b said: unchanged since the base */
static int alike(struct ynode *b, struct ynode *x)
{
	return (b && same(b, x)) || (empty(b) && empty(x));
}

static const char *scalar_of(struct ynode *map, const char *key)
{
	struct ynode *v = map && yderef(map)->kind == Y_MAP ? ymap_get(yderef(map), key) : NULL;
	v = v ? yderef(v) : NULL;
	return v && v->kind == Y_SCALAR ? v->u.str : NULL;
}

/* A value as what it says, whatever its layout or quoting. */
static void canon(struct buf *b, struct ynode *n)
{
	n = yderef(n);
	if (n->kind == Y_SCALAR) {
		buf_printf(b, "%u:", (unsigned)n->n);
		buf_add(b, n->u.str, n->n);
		return;
	}
	buf_putc(b, n->kind == Y_MAP ? '{' : '[');
	size_t k = n->kind == Y_MAP ? 2 * (size_t)n->n : n->n;
	for (size_t i = 0; i < k; i++)
		canon(b, n->u.kids[i]);
	buf_putc(b, n->kind == Y_MAP ? '}' : ']');
}

/* What a list item is, whatever else changed in it: a goal by its id, an
 * evaluation by its date and summary, a grant, a coach or contract hours
 * by their from, a contact by name; anything else (a text, an item of a
 * list this version does not know) by all it says.  In b. */
static void identity(struct buf *b, struct ynode *item)
{
	static const char *const keys[][2] = {
		{"id", NULL}, {"date", "summary"}, {"from", "kind"}, {"name", NULL}};
	item = yderef(item);
	b->len = 0;
	for (size_t k = 0; item->kind == Y_MAP && k < sizeof keys / sizeof *keys; k++) {
		const char *v = scalar_of(item, keys[k][0]);
		if (v) {
			const char *w = keys[k][1] ? scalar_of(item, keys[k][1]) : NULL;
			buf_printf(b, "%s=%s|%s", keys[k][0], v, w ? w : "");
			return;
		}
	}
	buf_putc(b, '=');
	canon(b, item);
	buf_str(b);
}

/* The item of seq that is the item at of list: the same identity, and
 * as many like it before it (a text twice in a list is two items). */
static struct ynode *find_item(struct ynode *seq, struct ynode *list, uint32_t at)
{
	struct buf want = {0}, got = {0};
	identity(&want, list->u.kids[at]);
	uint32_t nth = 0;
	for (uint32_t i = 0; i < at; i++) {
		identity(&got, list->u.kids[i]);
		nth += want.len == got.len && !memcmp(want.s, got.s, want.len);
	}
	struct ynode *found = NULL;
	for (uint32_t i = 0; seq && seq->kind == Y_SEQ && i < seq->n && !found; i++) {
		identity(&got, seq->u.kids[i]);
		if (want.len == got.len && !memcmp(want.s, got.s, want.len) && nth-- == 0)
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

static long column(const struct ydoc *d, size_t off)
{
	return (long)(off - line_start(d, off));
}

/* The lines of a key and its value (or of a list item: key is the item),
 * as [*from, *to) of d. */
static void span_lines(const struct ydoc *d, struct ynode *key, struct ynode *val, size_t *from,
		       size_t *to)
{
	struct ynode *v = yderef(val);
	size_t end = v->end > key->end ? v->end : key->end;
	if (v->start == v->end) /* an empty value: its place may be the next token */
		end = key->end;
	*from = line_start(d, key->start);
	*to = line_end(d, end);
}

/* One line of text, s[0, n), without its line break, then nl. */
static void put_line(struct buf *b, const char *s, size_t n, const char *nl)
{
	if (n && s[n - 1] == '\n')
		n--;
	if (n && s[n - 1] == '\r')
		n--;
	buf_add(b, s, n);
	buf_puts(b, nl);
}

/* The lines [from, to) of side s, each moved by shift columns, each
 * ended by nl. */
static void lines_of(struct buf *b, const struct side *s, size_t from, size_t to, long shift,
		     const char *nl)
{
	for (size_t i = from; i < to;) {
		size_t e = line_end(&s->doc, i);
		long cut = shift < 0 ? -shift : 0;
		size_t blanks = strspn(s->doc.src + i, " ");
		if ((long)blanks < cut)
			cut = (long)blanks;
		for (long k = 0; k < shift; k++)
			buf_putc(b, ' ');
		put_line(b, s->doc.src + i + cut, e - i - (size_t)cut, nl);
		i = e;
	}
}

/* Theirs' key and value (or item) as lines at ours' column col. */
static void theirs_lines(struct buf *b, struct merge *m, struct ynode *tkey, struct ynode *tval,
			 long col)
{
	size_t from, to;
	span_lines(&m->theirs.doc, tkey, tval, &from, &to);
	lines_of(b, &m->theirs, from, to, col - column(&m->theirs.doc, tkey->start), m->nl);
}

/* Ours' lines of okey and oval (a key and its value, or an item) become
 * theirs' (tkey NULL: none), in conflict markers or (taken) as they are. */
static void put_lines(struct merge *m, struct ynode *okey, struct ynode *oval, struct ynode *tkey,
		      struct ynode *tval, int taken)
{
	const struct ydoc *od = &m->ours.doc;
	size_t from, to;
	span_lines(od, okey, oval, &from, &to);
	struct buf b = {0};
	if (!taken) {
		buf_printf(&b, "<<<<<<< ours%s", m->nl);
		lines_of(&b, &m->ours, from, to, 0, m->nl);
		buf_printf(&b, "=======%s", m->nl);
	}
	if (tkey)
		theirs_lines(&b, m, tkey, tval, column(od, okey->start));
	if (!taken) {
		buf_printf(&b, ">>>>>>> theirs%s", m->nl);
		m->conflicts++;
	}
	edits_add(&m->e, from, to - from, b.s, b.len);
	buf_free(&b);
}

/* Both changed the lines of one value: ours' and theirs' in markers.
 * Without a key of its own (the document) there are no lines to mark. */
static void conflict(struct merge *m, struct ynode *okey, struct ynode *oval, struct ynode *tkey,
		     struct ynode *tval)
{
	if (okey)
		put_lines(m, okey, oval, tkey, tval, 0);
	else
		m->stuck = 1;
}

/* Ours removed what theirs changed: theirs' lines in markers, ours' side
 * empty, after the last value of ours' block collection o; the first of
 * its keys or items sets the column. */
static void conflict_removed(struct merge *m, struct ynode *o, struct ynode *tkey,
			     struct ynode *tval)
{
	if (o->style != Y_BLOCK || !o->n) {
		m->stuck = 1;
		return;
	}
	const struct ydoc *od = &m->ours.doc;
	struct buf b = {0};
	buf_printf(&b, "<<<<<<< ours%s=======%s", m->nl, m->nl);
	theirs_lines(&b, m, tkey, tval, column(od, o->u.kids[0]->start));
	buf_printf(&b, ">>>>>>> theirs%s", m->nl);
	edits_add(&m->e, line_end(od, o->end), 0, b.s, b.len);
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
 * without its "- ", the others less the item's indent, each ended by \n
 * (yedit and insert_before write ours' line break). */
static void item_text(struct buf *b, const struct side *s, struct ynode *item)
{
	const struct ydoc *d = &s->doc;
	size_t from = item->start, to = item->end;
	long indent = column(d, from);
	b->len = 0;
	while (to > from && strchr("\r\n ", d->src[to - 1]))
		to--;
	for (size_t i = from; i < to;) {
		size_t e = line_end(d, i);
		if (e > to)
			e = to;
		if (i > from) {
			size_t blanks = strspn(d->src + i, " ");
			i += blanks < (size_t)indent ? blanks : (size_t)indent;
		}
		put_line(b, d->src + i, e - i, "\n");
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
		buf_puts(&b, m->nl);
		p += n + (nl ? 1 : 0);
	}
	edits_add(&m->e, at, 0, b.s, b.len);
	buf_free(&b);
}

/* ---- flow collections: [a, b] and {k: v} ---- */

/* Theirs' value n as text for a flow collection (in_flow: it stood in
 * one); -1 if it cannot be one (a block list or mapping, an alias). */
static int flow_text(struct buf *b, const struct side *s, struct ynode *n, int in_flow)
{
	if (n->kind == Y_ALIAS)
		return -1;
	if (in_flow || n->style == Y_FLOW)
		buf_add(b, s->doc.src + n->start, n->end - n->start);
	else if (n->kind == Y_SCALAR)
		yaml_put_flow_scalar(b, n->u.str, n->n);
	else
		return -1;
	return 0;
}

/* text as the last item or pair of ours' flow collection o */
static void flow_append(struct merge *m, struct ynode *o, const char *text)
{
	const struct ydoc *od = &m->ours.doc;
	char close = o->kind == Y_MAP ? '}' : ']';
	if (!o->n && o->end && od->src[o->end - 1] == close) {
		edits_add(&m->e, o->end - 1, 0, text, strlen(text));
		return;
	}
	if (!o->n) {
		m->stuck = 1;
		return;
	}
	struct buf b = {0};
	buf_printf(&b, ", %s", text);
	edits_add(&m->e, o->u.kids[o->kind == Y_MAP ? 2 * o->n - 1 : o->n - 1]->end, 0, b.s, b.len);
	buf_free(&b);
}

static size_t flow_start(struct ynode *o, uint32_t i)
{
	return o->u.kids[o->kind == Y_MAP ? 2 * i : i]->start;
}

static size_t flow_end(struct ynode *o, uint32_t i)
{
	return o->u.kids[o->kind == Y_MAP ? 2 * i + 1 : i]->end;
}

/* Removes the items (pairs) gone[i] of ours' flow collection o with a
 * comma each: the one after it, or before it for those after the last
 * item that stays. */
static void flow_remove(struct merge *m, struct ynode *o, const char *gone)
{
	uint32_t kept = o->n; /* the last item that stays */
	for (uint32_t i = o->n; i-- > 0;)
		if (!gone[i]) {
			kept = i;
			break;
		}
	for (uint32_t i = 0; i < o->n; i++) {
		if (!gone[i])
			continue;
		size_t from, to;
		if (kept == o->n) { /* none stays */
			from = flow_start(o, 0);
			to = flow_end(o, o->n - 1);
			i = o->n;
		} else if (i < kept) {
			from = flow_start(o, i);
			to = flow_start(o, i + 1);
		} else {
			from = flow_end(o, i - 1);
			to = flow_end(o, i);
		}
		edits_add(&m->e, from, to - from, "", 0);
	}
}

/* ---- the merge ---- */

static void merge_node(struct merge *m, const char *key, struct ynode *okey, struct ynode *b,
		       struct ynode *o, struct ynode *t, struct ynode *tkey);

/* Theirs' new key of a mapping, into ours' map o. */
static void add_pair(struct merge *m, struct ynode *o, struct ynode *tk, struct ynode *tv,
		     int t_flow)
{
	const char *key = yderef(tk)->u.str;
	struct ynode *n = yderef(tv);
	struct buf v = {0}, text = {0};
	if (o->style == Y_FLOW) {
		yaml_put_flow_scalar(&text, key, strlen(key));
		buf_puts(&text, ": ");
		if (flow_text(&text, &m->theirs, tv, t_flow) < 0)
			m->stuck = 1;
		else
			flow_append(m, o, buf_str(&text));
	} else {
		item_text(&v, &m->theirs, n);
		/* a block collection starts on the line below its key */
		buf_printf(&text, "%s%s", n->kind != Y_SCALAR && n->style == Y_BLOCK ? "\n" : "",
			   v.s);
		if (yedit_map_append(&m->e, &m->ours.doc, o, key, text.s) < 0)
			m->stuck = 1;
	}
	buf_free(&v);
	buf_free(&text);
}

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
		if (ov)
			merge_node(m, key, ymap_key(o, key), bv, ov, tv, tk);
		else if (!bv)
			add_pair(m, o, tk, tv, t->style == Y_FLOW); /* theirs added it */
		else if (!alike(bv, tv))
			conflict_removed(m, o, tk, tv); /* ours removed what theirs changed */
	}
	char *gone = xcalloc(o->n ? o->n : 1, 1);
	for (uint32_t i = 0; i < o->n; i++) { /* what theirs removed */
		struct ynode *ok = yderef(o->u.kids[2 * i]), *ov = o->u.kids[2 * i + 1];
		if (ok->kind != Y_SCALAR || ymap_get(t, ok->u.str) || !b || !ymap_key(b, ok->u.str))
			continue;
		if (!alike(ymap_get(b, ok->u.str), ov))
			conflict(m, ok, ov, NULL, NULL); /* ours changed what theirs removed */
		else if (o->style == Y_BLOCK)
			remove_lines(m, ok->start, yderef(ov)->end > ok->end ? yderef(ov)->end : ok->end);
		else
			gone[i] = 1;
	}
	flow_remove(m, o, gone);
	free(gone);
}

/* Theirs' new item ti into ours' list o: an evaluation before ours' first
 * later one, and so an item of a dated history (a hand-over on each
 * branch: those lists are kept oldest first); anything else at the end. */
static void add_item(struct merge *m, struct ynode *o, struct ynode *ti, int t_flow)
{
	struct buf text = {0};
	if (o->style == Y_FLOW) {
		if (flow_text(&text, &m->theirs, ti, t_flow) < 0)
			m->stuck = 1;
		else
			flow_append(m, o, buf_str(&text));
		buf_free(&text);
		return;
	}
	const char *key = scalar_of(ti, "date") ? "date" : scalar_of(ti, "id") ? NULL : "from";
	const char *date = key ? scalar_of(ti, key) : NULL;
	struct ynode *later = NULL;
	for (uint32_t k = 0; date && k < o->n && !later; k++) {
		const char *od = scalar_of(o->u.kids[k], key);
		if (od && strcmp(od, date) > 0)
			later = yderef(o->u.kids[k]);
	}
	item_text(&text, &m->theirs, ti);
	if (later)
		insert_before(m, later, text.s);
	else if (yedit_seq_append(&m->e, &m->ours.doc, o, text.s) < 0)
		m->stuck = 1;
	buf_free(&text);
}

static void merge_seq(struct merge *m, struct ynode *b, struct ynode *o, struct ynode *t)
{
	for (uint32_t i = 0; i < t->n; i++) {
		struct ynode *ti = t->u.kids[i];
		struct ynode *bi = b ? find_item(b, t, i) : NULL, *oi = find_item(o, t, i);
		if (oi)
			merge_node(m, "", oi, bi, oi, ti, ti);
		else if (!bi)
			add_item(m, o, yderef(ti), t->style == Y_FLOW);
		else if (!same(bi, ti))
			conflict_removed(m, o, ti, ti); /* ours removed what theirs changed */
	}
	char *gone = xcalloc(o->n ? o->n : 1, 1);
	for (uint32_t i = 0; i < o->n; i++) { /* what theirs removed */
		struct ynode *oi = o->u.kids[i], *bi = b ? find_item(b, o, i) : NULL;
		if (!bi || find_item(t, o, i))
			continue;
		if (!same(oi, bi))
			conflict(m, oi, oi, NULL, NULL); /* ours changed what theirs removed */
		else if (o->style == Y_BLOCK)
			remove_lines(m, oi->start, oi->end);
		else
			gone[i] = 1;
	}
	flow_remove(m, o, gone);
	free(gone);
}

/* Both changed a collection; its items or pairs are merged one by one.
 * One written in flow style shares its lines, so a conflict in it marks
 * the whole collection. */
static void merge_both(struct merge *m, struct ynode *okey, struct ynode *b, struct ynode *o,
		       struct ynode *t, struct ynode *tkey)
{
	size_t mark = m->e.n;
	int conflicts = m->conflicts, stuck = m->stuck;
	m->stuck = 0;
	if (o->kind == Y_MAP)
		merge_map(m, b, o, t);
	else
		merge_seq(m, b, o, t);
	if (o->style != Y_FLOW || (m->conflicts == conflicts && !m->stuck)) {
		m->stuck |= stuck;
		return;
	}
	while (m->e.n > mark)
		free(m->e.v[--m->e.n].ins);
	m->conflicts = conflicts;
	m->stuck = stuck;
	conflict(m, okey, o, tkey, t);
}

/* Only theirs changed the value: theirs' text in place of ours'. */
static void take_theirs(struct merge *m, struct ynode *okey, struct ynode *b, struct ynode *o,
			struct ynode *t, struct ynode *tkey)
{
	int scalars = o->kind == Y_SCALAR && t->kind == Y_SCALAR;
	if ((scalars && o->end > o->start) || (o->style == Y_FLOW && t->style == Y_FLOW))
		edits_add(&m->e, o->start, o->end - o->start, m->theirs.doc.src + t->start,
			  t->end - t->start); /* quoting and all */
	else if (o->kind == t->kind && o->style == Y_BLOCK && t->style == Y_BLOCK)
		merge_both(m, okey, b && b->kind == o->kind ? b : NULL, o, t, tkey); /* keeps ours' comments */
	else if (okey)
		put_lines(m, okey, o, tkey, t, 1);
	else
		m->stuck = 1;
}

/* A top-level value that says what its dated list holds today
 * (coachplan-plan(5)): coach: of coaches:, work_hours_per_week: of
 * work_hours:; raw: its values are written as they are, not as text. */
struct top_list {
	const char *top, *list, *key;
	int raw;
};

static const struct top_list top_lists[] = {
	{"coach", "coaches", "coach", 0},
	{"work_hours_per_week", "work_hours", "hours", 1},
};

/* A side's dated list as pairs (from, value) appended to v, to hold both
 * sides' together; -1 if it has none. */
struct dated_item {
	const char *from, *value;
};

static int dated_items(const struct side *s, const struct top_list *tl, struct dated_item *v,
		       size_t *n, size_t max)
{
	struct ynode *l = ymap_get(yderef(s->doc.root), tl->list);
	l = l ? yderef(l) : NULL;
	if (!l || l->kind != Y_SEQ || !l->n)
		return -1;
	for (uint32_t i = 0; i < l->n && *n < max; i++) {
		const char *from = scalar_of(l->u.kids[i], "from"), *c = scalar_of(l->u.kids[i], tl->key);
		if (from && c)
			v[(*n)++] = (struct dated_item){from, c};
	}
	return 0;
}

/* Both sides changed the list from a day and each set the top-level value
 * to its own: what holds today by both sides' lists together (a hand-over
 * on each branch: the coach of today; once the merged plan has ended, of
 * its last day, as plan_coach_behind has it); NULL where they disagree on
 * a day, or do not say what held from the start. */
static const char *value_today(const struct merge *m, const struct top_list *tl)
{
	struct dated_item v[256];
	size_t n = 0;
	const char *start = scalar_of(m->ours.doc.root, "start"), *best = NULL, *first = NULL;
	/* the merge's end: theirs' where they changed it */
	struct ynode *b = yderef(m->base.doc.root), *t = yderef(m->theirs.doc.root);
	struct ynode *ends = alike(ymap_get(b, "end"), ymap_get(t, "end")) ? m->ours.doc.root : t;
	const char *end = scalar_of(ends, "end");
	char today[11];
	date_format(date_today(), today);
	if (!start || dated_items(&m->ours, tl, v, &n, 128) < 0 ||
	    dated_items(&m->theirs, tl, v, &n, 256) < 0)
		return NULL;
	const char *day = strcmp(today, start) > 0 ? today : start, *at = NULL;
	if (end && strcmp(day, end) > 0 && strcmp(end, start) >= 0)
		day = end;
	for (size_t i = 0; i < n; i++) {
		for (size_t k = 0; k < i; k++)
			if (!strcmp(v[k].from, v[i].from) && strcmp(v[k].value, v[i].value))
				return NULL;
		if (!first || strcmp(v[i].from, first) < 0)
			first = v[i].from;
		if (strcmp(v[i].from, day) <= 0 && (!at || strcmp(v[i].from, at) > 0)) {
			at = v[i].from;
			best = v[i].value;
		}
	}
	return first && strcmp(first, start) <= 0 ? best : NULL;
}

/* A top-level value of a dated list (key) changed on both sides: what
 * holds today by the lists; -1 if it is not one, or they do not say. */
static int merge_top(struct merge *m, const char *key, struct ynode *okey, struct ynode *b,
		     struct ynode *o, struct ynode *t, struct ynode *tkey)
{
	const struct top_list *tl = NULL;
	for (size_t i = 0; i < sizeof top_lists / sizeof *top_lists; i++)
		if (!strcmp(key, top_lists[i].top))
			tl = &top_lists[i];
	if (!tl || o != yderef(ymap_get(yderef(m->ours.doc.root), tl->top)))
		return -1;
	const char *c = value_today(m, tl);
	if (!c || o->kind != Y_SCALAR || t->kind != Y_SCALAR || o->end <= o->start)
		return -1;
	if (!strcmp(c, t->u.str))
		take_theirs(m, okey, b, o, t, tkey);
	else if (strcmp(c, o->u.str)) {
		struct buf v = {0};
		if (tl->raw)
			buf_puts(&v, c);
		else
			yaml_put_scalar(&v, c, strlen(c));
		edits_add(&m->e, o->start, o->end - o->start, v.s, v.len);
		buf_free(&v);
	}
	return 0;
}

static void merge_node(struct merge *m, const char *key, struct ynode *okey, struct ynode *b,
		       struct ynode *o, struct ynode *t, struct ynode *tkey)
{
	b = b ? yderef(b) : NULL;
	o = yderef(o);
	t = yderef(t);
	if (same(o, t) || alike(b, t))
		return; /* theirs did not change it, or both changed it alike */
	if (alike(b, o)) {
		take_theirs(m, okey, b, o, t, tkey);
		return;
	}
	if (b && (b->kind != o->kind || empty(b)))
		b = NULL; /* what both made of it is new on both sides */
	if (o->kind == t->kind && o->kind != Y_SCALAR && (!b || b->kind == o->kind)) {
		merge_both(m, okey, b, o, t, tkey);
		return;
	}
	if (!strcmp(key, "next") && o->kind == Y_SCALAR && t->kind == Y_SCALAR) {
		/* both recorded an evaluation: the later next one stands */
		if (strcmp(t->u.str, o->u.str) > 0)
			take_theirs(m, okey, b, o, t, tkey);
		return;
	}
	if (merge_top(m, key, okey, b, o, t, tkey) == 0)
		return;
	conflict(m, okey, o, tkey, t);
}

/* git's own text merge, to out: 0 if clean, 1 with conflict markers, 2
 * if git could not be run (reported), 3 if it would not merge them
 * (binary files, say).  ours is not written here: what cannot be written
 * is said as a plan merged is (cp-merge(1)'s exit status). */
int merge_by_git(const char *base, const char *ours, const char *theirs, const char *how,
		 struct buf *out)
{
	const char *args[] = {"merge-file", "-p", "-L", "ours", "-L", "base", "-L", "theirs",
			      how, ours, base, theirs, NULL};
	int rc = git_run(".", args, out);
	if (rc < 0)
		return cp_err(EX_UNAVAILABLE, _("cannot run git merge-file")), 2;
	return rc > 127 ? 3 : rc != 0; /* else the number of conflicts */
}

/* Whether two texts read as the same plan, whatever their comments and
 * layout. */
static int same_plan(const char *name, const struct buf *a, const struct buf *b)
{
	struct side x = {0}, y = {0};
	buf_add(&x.text, a->s, a->len);
	buf_add(&y.text, b->s, b->len);
	int rc = !parse_side(&x, name) && !parse_side(&y, name) && same(x.doc.root, y.doc.root);
	free_side(&x);
	free_side(&y);
	return rc;
}

/* text, its line ends made nl's, in a file of its own beside ours for
 * git (mode 0600: a plan is personal data): its name in path, or -1. */
static int temp_as(struct buf *path, const char *ours, const struct buf *text, const char *nl)
{
	const char *slash = strrchr(ours, '/');
	buf_printf(path, "%.*s.cp-merge.XXXXXX", slash ? (int)(slash - ours + 1) : 0, ours);
	int fd = mkostemp(path->s, O_CLOEXEC);
	FILE *f = fd < 0 ? NULL : fdopen(fd, "wb");
	struct buf b = {0};
	for (size_t i = 0; nl && i < text->len;) {
		const char *e = memchr(text->s + i, '\n', text->len - i);
		size_t end = e ? (size_t)(e - text->s) + 1 : text->len;
		if (e)
			put_line(&b, text->s + i, end - i, nl);
		else
			buf_add(&b, text->s + i, end - i);
		i = end;
	}
	const struct buf *put = nl ? &b : text;
	int written = f && fwrite(put->s, 1, put->len, f) == put->len;
	if (f ? fclose(f) != 0 : fd >= 0 && close(fd) != 0)
		written = 0;
	buf_free(&b);
	if (fd >= 0 && !written)
		unlink(path->s);
	return written ? 0 : -1;
}

/* A clean merge as a plan has ours' comments and layout, not those theirs
 * added (a comment line, a comment after a value).  git's text merge of
 * it with theirs, ours' lines standing where both changed the same ones,
 * carries them; if that reads as the same plan, it is taken instead.
 * Base and theirs go in ours' line ends: a side an editor saved in CRLF
 * changed every line to git. */
static void keep_comments(const struct merge *m, const char *ours, const char *name,
			  struct buf *out)
{
	struct buf tmp[3] = {{0}}, text = {0};
	const struct buf *src[3] = {&m->base.text, out, &m->theirs.text};
	int made = 0;
	while (made < 3 && temp_as(&tmp[made], ours, src[made], made == 1 ? NULL : m->nl) == 0)
		made++;
	cp_errors_quiet_thread(1);
	if (made == 3 && merge_by_git(tmp[0].s, tmp[1].s, tmp[2].s, "--ours", &text) == 0 &&
	    same_plan(name, out, &text)) {
		struct buf swap = *out;
		*out = text;
		text = swap;
	}
	cp_errors_quiet_thread(0);
	for (int i = 0; i < 3; i++) {
		if (i < made)
			unlink(tmp[i].s);
		buf_free(&tmp[i]);
	}
	buf_free(&text);
}

/* Where ours' text takes theirs' changes, a comment theirs added (a line
 * of its own, or after a value ours changed too) has no place: said, so
 * that it is added by hand rather than lost unseen. */
static void warn_lost_comments(const struct merge *m, const char *name, const struct buf *out)
{
	const char *t = m->theirs.text.s, *end = t + m->theirs.text.len;
	for (const char *nl; t < end; t = nl + 1) {
		if (!(nl = memchr(t, '\n', (size_t)(end - t))))
			nl = end;
		const char *hash = memchr(t, '#', (size_t)(nl - t));
		if (!hash || (hash > t && hash[-1] != ' ' && hash[-1] != '\t'))
			continue;
		size_t n = (size_t)(nl - hash) - (nl > hash && nl[-1] == '\r');
		if (memmem(m->base.text.s, m->base.text.len, t, (size_t)(nl - t)) ||
		    memmem(out->s, out->len, hash, n))
			continue;
		cp_warn(_("%s: theirs' comment %.*s has no place in the merge; add it by hand"), name,
			(int)n, hash);
	}
}

/* The merged text in out: 0, 1 with conflict markers, or -1 when it
 * does not stand: a version that is no plan, a change that could not be
 * written, an edit that ran into another or (without conflicts) a result
 * that is no plan leave it to git merge-file. */
static int merge_sides(struct merge *m, const char *name, struct buf *out)
{
	struct side *sides[] = {&m->base, &m->ours, &m->theirs};
	static const char *const labels[] = {"base", "ours", "theirs"}; /* git's */
	for (int i = 0; i < 3; i++)
		if (parse_side(sides[i], name)) {
			m->noplan = labels[i];
			return -1;
		}
	m->nl = yaml_newline(&m->ours.doc);
	cp_errors_quiet_thread(1); /* what cannot be written is left to git merge-file */
	merge_node(m, "", NULL, m->base.doc.root, m->ours.doc.root, m->theirs.doc.root, NULL);
	int ok = !m->stuck && edits_apply(&m->e, m->ours.doc.src, m->ours.doc.len, out) == 0;
	cp_errors_quiet_thread(0);
	if (ok && !m->conflicts && !reads_as_plan(name, out->s, out->len))
		m->noplan = "merged";
	return !ok || m->noplan ? -1 : m->conflicts ? 1 : 0;
}

static void merge_free(struct merge *m)
{
	edits_free(&m->e);
	free_side(&m->base);
	free_side(&m->ours);
	free_side(&m->theirs);
}

int plan_merge_text(const char *const text[3], const size_t len[3], const char *name,
		    struct buf *out)
{
	struct merge m = {0};
	buf_add(&m.base.text, text[0], len[0]);
	buf_add(&m.ours.text, text[1], len[1]);
	buf_add(&m.theirs.text, text[2], len[2]);
	int rc = merge_sides(&m, name, out);
	merge_free(&m);
	return rc;
}

/* Why the plan is not merged as a plan, and git merges its lines. */
static void warn_as_lines(const struct merge *m, const char *name)
{
	if (m->noplan && !strcmp(m->noplan, "merged"))
		cp_warn(_("%s: the changes of both sides together make no plan (cp-check says "
			  "why once it is merged); git merges its lines instead"),
			name);
	else if (m->noplan)
		cp_warn(_("%s: %s is no plan; git merges its lines instead"), name, m->noplan);
	else
		cp_warn(_("%s: a change could not be written into ours; git merges its lines "
			  "instead"), name);
}

/* Each side may fit its end while the merge does not (one moved the end,
 * the other added a pause after it): said now, as cp-check would say it
 * later, of a merge that reads as a plan. */
static void warn_after_end(const char *name, const struct buf *out)
{
	int status;
	cp_errors_quiet_thread(1);
	struct plan *p = plan_parse(name, xstrndup(out->s, out->len), out->len, &status);
	cp_errors_quiet_thread(0);
	lint_after_end(p);
	plan_free(p);
}

int plan_merge(const char *base, const char *ours, const char *theirs, const char *name)
{
	struct merge m = {0};
	struct buf out = {0};
	struct locked lf;
	const char *what = name ? name : ours;
	int rc = 2, lines = 0;
	if (merge_read(base, &m.base.text) == 0 && merge_read(ours, &m.ours.text) == 0 &&
	    merge_read(theirs, &m.theirs.text) == 0)
		rc = merge_sides(&m, what, &out);
	if (rc < 0) { /* ours is written below, as a plan merged is */
		warn_as_lines(&m, what);
		buf_free(&out);
		lines = 1;
		if ((rc = merge_by_git(base, ours, theirs, "-q", &out)) == 3) {
			cp_warn(_("%s: git cannot merge its lines either; ours is left as it was"), what);
			rc = 1;
			goto out;
		}
	}
	if (rc < 2 && locked_open(&lf, ours) == 0) {
		if (rc == 0 && !lines)
			keep_comments(&m, ours, what, &out);
		if (!lines)
			warn_lost_comments(&m, what, &out);
		/* two sides that each fit may not together: written, no tool
		 * would read the plan; git is told it did not merge.  Merged
		 * as lines, it is text with conflict markers, for the user. */
		struct str none = {"", 0}, merged = {out.s, out.len};
		if ((lines ? locked_replace(&lf, out.s, out.len)
			   : plan_write(&lf, what, none, merged, NULL)) < 0)
			rc = 2;
		else if (rc == 0)
			warn_after_end(what, &out);
		locked_close(&lf);
	} else
		rc = 2;
out:
	buf_free(&out);
	merge_free(&m);
	return rc;
}
