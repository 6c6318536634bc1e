/* edit.c: changing a YAML text by replacing byte ranges, so that every
 * comment, blank line and quoting choice outside the change stays as the
 * user wrote it.  An edit that cannot be made safely is refused. */
#include <stdlib.h>
#include <string.h>

#include "coachplan.h"

void edits_add(struct edits *e, size_t off, size_t del, const char *ins, size_t inslen)
{
	if (e->n == e->cap) {
		e->cap = e->cap ? 2 * e->cap : 8;
		e->v = xreallocarray(e->v, e->cap, sizeof *e->v);
	}
	e->v[e->n++] = (struct edit){off, del, xstrndup(ins, inslen), inslen};
}

/* An edit and the place it was added in: the order among edits at one
 * offset.  (Comparing the edits' addresses instead, as before, only works
 * for a sort that never moves them; glibc's merge sort happens not to.) */
struct sorted {
	const struct edit *e;
	size_t seq;
};

static int by_offset(const void *a, const void *b)
{
	const struct sorted *x = a, *y = b;
	if (x->e->off != y->e->off)
		return x->e->off < y->e->off ? -1 : 1;
	return (x->seq > y->seq) - (x->seq < y->seq); /* inserts at one place keep their order */
}

int edits_apply(const struct edits *e, const char *src, size_t len, struct buf *out)
{
	struct sorted *v = xreallocarray(NULL, e->n ? e->n : 1, sizeof *v);
	for (size_t i = 0; i < e->n; i++)
		v[i] = (struct sorted){&e->v[i], i};
	qsort(v, e->n, sizeof *v, by_offset);
	size_t at = 0;
	int rc = 0;
	for (size_t i = 0; i < e->n; i++) {
		const struct edit *d = v[i].e;
		if (d->off < at || d->off + d->del > len) {
			rc = -1; /* overlapping edits: a bug in the caller, never guessed at */
			break;
		}
		buf_add(out, src + at, d->off - at);
		buf_add(out, d->ins, d->inslen);
		at = d->off + d->del;
	}
	if (rc == 0)
		buf_add(out, src + at, len - at);
	free(v);
	return rc;
}

void edits_free(struct edits *e)
{
	for (size_t i = 0; i < e->n; i++)
		free(e->v[i].ins);
	free(e->v);
	e->v = NULL;
	e->n = e->cap = 0;
}

const char *yaml_newline(const struct ydoc *doc)
{
	const char *nl = memchr(doc->src, '\n', doc->len);
	return nl && nl > doc->src && nl[-1] == '\r' ? "\r\n" : "\n";
}

static int refuse(const struct ydoc *doc, const struct ynode *n, const char *why)
{
	struct srcpos at;
	ynode_pos(doc, n, &at);
	return cp_err_at(EX_DATAERR, &at, _("edit this part of the file by hand"),
			 _("cannot change this value safely: %s"), why);
}

static int editable(const struct ydoc *doc, const struct ynode *n)
{
	if (n->kind == Y_ALIAS)
		return refuse(doc, n, _("it is an alias of another value"));
	if (n->flags & YF_ANCHORED)
		return refuse(doc, n, _("other values refer to it through its anchor"));
	if (n->flags & YF_TAGGED)
		return refuse(doc, n, _("it has a YAML tag"));
	return 0;
}

static void put_single_quoted(struct buf *b, const char *s)
{
	buf_putc(b, '\'');
	for (; *s; s++) {
		if (*s == '\'')
			buf_putc(b, '\'');
		buf_putc(b, *s);
	}
	buf_putc(b, '\'');
}

/* Double quotes around a text yaml_needs_quotes() let pass: it holds no
 * control characters, so only " and \ need a backslash. */
static void put_double_quoted(struct buf *b, const char *s)
{
	buf_putc(b, '"');
	for (; *s; s++) {
		if (*s == '"' || *s == '\\')
			buf_putc(b, '\\');
		buf_putc(b, *s);
	}
	buf_putc(b, '"');
}

/* Single quotes can escape nothing: no control character, nothing YAML
 * takes for a line break (NEL, U+2028, U+2029), no C1 control, U+FFFE or
 * U+FFFF (not allowed in a file), and no invisible byte order mark. */
static int single_quotable(const char *s)
{
	for (const unsigned char *u = (const unsigned char *)s; *u; u++)
		if (u[0] < 0x20 || u[0] == 0x7f || (u[0] == 0xc2 && u[1] >= 0x80 && u[1] <= 0x9f) ||
		    (u[0] == 0xe2 && u[1] == 0x80 && (u[2] == 0xa8 || u[2] == 0xa9)) ||
		    (u[0] == 0xef && u[1] == 0xbb && u[2] == 0xbf) ||
		    (u[0] == 0xef && u[1] == 0xbf && (u[2] == 0xbe || u[2] == 0xbf)))
			return 0;
	return 1;
}

/* Keeps the user's choice of quotes where the new value allows it. */
int yedit_set_scalar(struct edits *e, const struct ydoc *doc, const struct ynode *n,
		     const char *value)
{
	if (editable(doc, n) < 0)
		return -1;
	if (n->kind != Y_SCALAR)
		return refuse(doc, n, _("it is a list or mapping"));
	if (n->style == Y_LITERAL || n->style == Y_FOLDED)
		return refuse(doc, n, _("it is a block of text (| or >)"));
	struct buf b = {0};
	if (n->style == Y_SQUOTED && single_quotable(value))
		put_single_quoted(&b, value);
	else if (n->style == Y_DQUOTED || (n->style == Y_SQUOTED && !single_quotable(value))) {
		if (yaml_needs_quotes(value, strlen(value)))
			yaml_put_scalar(&b, value, strlen(value));
		else
			put_double_quoted(&b, value);
	} else {
		if (n->start == n->end) /* "key:" with nothing after it */
			buf_putc(&b, ' ');
		yaml_put_scalar(&b, value, strlen(value));
	}
	edits_add(e, n->start, n->end - n->start, b.s, b.len);
	buf_free(&b);
	return 0;
}

static size_t line_start(const struct ydoc *doc, size_t off)
{
	while (off > 0 && doc->src[off - 1] != '\n')
		off--;
	return off;
}

/* The offset just past the end of the line that holds off, with a flag for
 * a file that ends without a line break there. */
static size_t after_line(const struct ydoc *doc, size_t off, int *unterminated)
{
	const char *nl = memchr(doc->src + off, '\n', doc->len - off);
	*unterminated = !nl;
	return nl ? (size_t)(nl - doc->src) + 1 : doc->len;
}

/* Where a block collection's items start on their line; refuses a
 * collection that shares its line with something other than spaces or
 * the "- " of an enclosing list item. */
static int block_indent(const struct ydoc *doc, const struct ynode *n, size_t *indent)
{
	size_t ls = line_start(doc, n->start);
	for (size_t i = ls; i < n->start; i++)
		if (doc->src[i] != ' ' && doc->src[i] != '-')
			return refuse(doc, n, _("it does not start on a line of its own"));
	*indent = n->start - ls;
	return 0;
}

/* Text spread over lines is indented to sit under the first line. */
static void put_indented(struct buf *b, const char *text, size_t indent, const char *nl)
{
	for (const char *p = text; *p; p++) {
		if (*p == '\n') {
			buf_puts(b, nl);
			buf_printf(b, "%*s", (int)indent, "");
		} else
			buf_putc(b, *p);
	}
}

static void insert_lines(struct edits *e, const struct ydoc *doc, const struct ynode *last,
			 struct buf *text)
{
	int unterminated;
	size_t at = after_line(doc, last->end, &unterminated);
	struct buf b = {0};
	if (unterminated)
		buf_puts(&b, yaml_newline(doc));
	buf_add(&b, text->s, text->len);
	if (!unterminated)
		buf_puts(&b, yaml_newline(doc));
	edits_add(e, at, 0, b.s, b.len);
	buf_free(&b);
}

int yedit_map_append(struct edits *e, const struct ydoc *doc, const struct ynode *map,
		     const char *key, const char *value)
{
	size_t indent;
	if (editable(doc, map) < 0)
		return -1;
	if (map->kind != Y_MAP || map->n == 0)
		return refuse(doc, map, _("it is not a mapping"));
	if (map->style == Y_FLOW)
		return refuse(doc, map, _("it is written in flow style { }"));
	if (block_indent(doc, map, &indent) < 0)
		return -1;
	const char *nl = yaml_newline(doc);
	struct buf b = {0};
	buf_printf(&b, "%*s%s:", (int)indent, "", key);
	if (value[0] == '\n') /* a block value, one level deeper */
		put_indented(&b, value, indent + 2, nl);
	else {
		buf_putc(&b, ' ');
		buf_puts(&b, value);
	}
	insert_lines(e, doc, map->u.kids[2 * map->n - 1], &b);
	buf_free(&b);
	return 0;
}

int yedit_seq_append(struct edits *e, const struct ydoc *doc, const struct ynode *seq,
		     const char *item)
{
	size_t indent;
	if (editable(doc, seq) < 0)
		return -1;
	if (seq->kind != Y_SEQ || seq->n == 0)
		return refuse(doc, seq, _("it is not a list"));
	if (seq->style == Y_FLOW)
		return refuse(doc, seq, _("it is written in flow style [ ]"));
	if (block_indent(doc, seq, &indent) < 0)
		return -1;
	struct buf b = {0};
	buf_printf(&b, "%*s- ", (int)indent, "");
	put_indented(&b, item, indent + 2, yaml_newline(doc));
	insert_lines(e, doc, seq->u.kids[seq->n - 1], &b);
	buf_free(&b);
	return 0;
}
