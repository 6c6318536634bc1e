/* editwhere.c: where a node lies in a YAML text and how the text around
 * it is laid out, for the edits of edit.c and editremove.c: its lines and
 * columns, the comments that go with it, the indentation the file uses,
 * whether it may be changed at all (no alias, anchor or tag on its way),
 * and new text in the file's own style. */
#include <string.h>

#include "yedit.h"

int ed_refuse(const struct ydoc *doc, const struct ynode *n, const char *why)
{
	struct srcpos at;
	ynode_pos(doc, n, &at);
	return cp_err_at(EX_DATAERR, &at, _("edit this part of the file by hand"),
			 _("cannot change this value safely: %s"), why);
}

/* ---- where a node lies ---- */

/* The collections from the root down to a node: an edit inside an anchored
 * value would change every alias of it too, and inside a flow collection
 * , [ ] { } end a plain text. */
struct ypath {
	const struct ynode *v[PLAN_MAX_DEPTH + 2];
	int n;
};

static int find_path(const struct ynode *at, const struct ynode *n, struct ypath *p)
{
	if (p->n > PLAN_MAX_DEPTH)
		return 0;
	p->v[p->n++] = at;
	if (at == n)
		return 1;
	if (at->kind == Y_MAP || at->kind == Y_SEQ) { /* aliases are not followed */
		uint32_t count = at->kind == Y_MAP ? 2 * at->n : at->n;
		for (uint32_t i = 0; i < count; i++)
			if (find_path(at->u.kids[i], n, p))
				return 1;
	}
	p->n--;
	return 0;
}

static int ancestors(const struct ydoc *doc, const struct ynode *n, struct ypath *p)
{
	p->n = 0;
	if (!doc->root || !find_path(doc->root, n, p))
		p->n = 1; /* not in this tree: no ancestors known */
	return p->n - 1;
}

/* A line of only blanks with a tab among them, or of blanks and a
 * comment: libyaml reads it as part of a plain text before it and refuses
 * it after anything else, so a change near it (a value quoted, a line
 * added) can make a file that no longer reads.  Such a file is not
 * changed; the tab is shown. */
static int tab_blank_line(const struct ydoc *doc)
{
	const char *s = doc->src, *end = s + doc->len;
	for (const char *line = s; line < end;) {
		const char *nl = memchr(line, '\n', (size_t)(end - line));
		const char *le = nl ? nl : end, *tab = NULL, *p = line;
		for (; p < le && (*p == ' ' || *p == '\t' || *p == '\r'); p++)
			if (*p == '\t' && !tab)
				tab = p;
		if ((p == le || *p == '#') && tab) {
			struct srcpos at = {doc->file, 0, s, doc->len, (size_t)(tab - s), 1};
			return cp_err_at(EX_DATAERR, &at, _("remove the tab; YAML does not indent with tabs"),
					 _("cannot change this file safely: a blank line holds a tab"));
		}
		if (!nl)
			break;
		line = nl + 1;
	}
	return 0;
}

int ed_editable(const struct ydoc *doc, const struct ynode *n)
{
	struct ypath p;
	if (tab_blank_line(doc) < 0)
		return -1;
	if (n->kind == Y_ALIAS)
		return ed_refuse(doc, n, _("it is an alias of another value"));
	if (n->flags & YF_ANCHORED)
		return ed_refuse(doc, n, _("other values refer to it through its anchor"));
	if (n->flags & YF_TAGGED)
		return ed_refuse(doc, n, _("it has a YAML tag"));
	for (int i = 0, up = ancestors(doc, n, &p); i < up; i++) {
		if (p.v[i]->flags & YF_ANCHORED)
			return ed_refuse(doc, n, _("it lies inside a value that other values refer to "
						"through its anchor"));
		if (p.v[i]->flags & YF_TAGGED)
			return ed_refuse(doc, n, _("it lies inside a value with a YAML tag"));
	}
	return 0;
}

int ed_in_flow(const struct ydoc *doc, const struct ynode *n)
{
	struct ypath p;
	for (int i = 0, up = ancestors(doc, n, &p); i < up; i++)
		if (p.v[i]->style == Y_FLOW)
			return 1;
	return 0;
}

size_t ed_line_start(const struct ydoc *doc, size_t off)
{
	while (off > 0 && doc->src[off - 1] != '\n')
		off--;
	return off;
}

size_t ed_column(const struct ydoc *doc, size_t off)
{
	return off - ed_line_start(doc, off);
}

/* Where the line holding off ends: at its "\n" or "\r\n", or the end of file. */
size_t ed_line_break(const struct ydoc *doc, size_t off)
{
	const char *nl = memchr(doc->src + off, '\n', doc->len - off);
	if (!nl)
		return doc->len;
	size_t at = (size_t)(nl - doc->src);
	return at > off && doc->src[at - 1] == '\r' ? at - 1 : at;
}

size_t ed_after_line(const struct ydoc *doc, size_t off)
{
	const char *nl = memchr(doc->src + off, '\n', doc->len - off);
	return nl ? (size_t)(nl - doc->src) + 1 : doc->len;
}

/* Past the line holding off and the comment lines after it that are
 * indented at least min_col: they belong to what ends at off, and new
 * lines go below them.  Blank lines count only with such a comment after. */
size_t ed_after_comments(const struct ydoc *doc, size_t off, size_t min_col)
{
	const char *s = doc->src;
	size_t at = ed_after_line(doc, off);
	for (size_t p = at; p < doc->len;) {
		size_t i = p;
		while (i < doc->len && (s[i] == ' ' || s[i] == '\t'))
			i++;
		if (i < doc->len && s[i] == '#' && i - p >= min_col)
			at = ed_after_line(doc, p);
		else if (i < doc->len && s[i] != '\n' && s[i] != '\r')
			break;
		p = ed_after_line(doc, p);
	}
	return at;
}

/* Inserts whole lines at the start of a line (or at the end of a file
 * that has no line break at its end). */
void ed_insert_lines(struct edits *e, const struct ydoc *doc, size_t at, const struct buf *text)
{
	int unterminated = at == doc->len && doc->len > 0 && doc->src[doc->len - 1] != '\n';
	const char *nl = yaml_newline(doc);
	struct buf b = {0};
	if (unterminated)
		buf_puts(&b, nl);
	buf_add(&b, text->s, text->len);
	if (!unterminated)
		buf_puts(&b, nl);
	edits_add(e, at, 0, b.s, b.len);
	e->v[e->n - 1].lines = 1;
	buf_free(&b);
}

/* Lines of text (split at \n) indented by col, joined by the file's line breaks. */
void ed_put_block(struct buf *b, const char *text, size_t col, const char *nl)
{
	buf_printf(b, "%*s", (int)col, "");
	for (const char *p = text; *p; p++) {
		if (*p == '\n') {
			buf_puts(b, nl);
			buf_printf(b, "%*s", (int)col, "");
		} else
			buf_putc(b, *p);
	}
}

/* How deep this file indents a block collection of this kind below its
 * key, learnt from the first one it has (lists may sit at the key's own
 * column; mappings may not). */
static int learn_step(const struct ydoc *doc, const struct ynode *n, int kind, size_t *step)
{
	if (n->kind != Y_MAP && n->kind != Y_SEQ)
		return 0;
	uint32_t count = n->kind == Y_MAP ? 2 * n->n : n->n;
	for (uint32_t i = 0; i < count; i++) {
		const struct ynode *v = n->u.kids[i];
		if (n->kind == Y_MAP && n->style == Y_BLOCK && i % 2 && v->kind == kind &&
		    v->style == Y_BLOCK && v->n && !(v->flags & (YF_ANCHORED | YF_TAGGED))) {
			const struct ynode *key = n->u.kids[i - 1];
			size_t first = kind == Y_MAP ? v->u.kids[0]->start : v->start;
			size_t kc = ed_column(doc, key->start), vc = ed_column(doc, first);
			if (ed_line_start(doc, first) > key->start && (vc > kc || (kind == Y_SEQ && vc == kc))) {
				*step = vc - kc;
				return 1;
			}
		}
		if (learn_step(doc, v, kind, step))
			return 1;
	}
	return 0;
}

size_t ed_step_of(const struct ydoc *doc, int kind)
{
	size_t step = 2;
	if (doc->root && !learn_step(doc, doc->root, kind, &step) && kind == Y_SEQ &&
	    !learn_step(doc, doc->root, Y_MAP, &step))
		step = 2;
	return step;
}

/* ---- texts ---- */

void ed_put_value(struct buf *b, const char *value, int raw, int flow)
{
	if (raw)
		buf_puts(b, value);
	else if (flow)
		yaml_put_flow_scalar(b, value, strlen(value));
	else
		yaml_put_scalar(b, value, strlen(value));
}

/* "k: v\nk: v" for a block mapping, "{k: v, k: v}" for a flow one. */
void ed_put_pairs(struct buf *b, const struct ykv *kv, size_t n, int flow)
{
	if (flow)
		buf_putc(b, '{');
	for (size_t i = 0; i < n; i++) {
		if (i)
			buf_puts(b, flow ? ", " : "\n");
		yaml_put_flow_scalar(b, kv[i].key, strlen(kv[i].key));
		buf_puts(b, ": ");
		ed_put_value(b, kv[i].value, kv[i].raw, flow);
	}
	if (flow)
		buf_putc(b, '}');
}

/* A list item "- ..." whose further lines sit under its first. */
void ed_put_item(struct buf *b, const struct ykv *kv, size_t n, int flow)
{
	struct buf pairs = {0};
	ed_put_pairs(&pairs, kv, n, flow);
	buf_puts(b, "- ");
	for (size_t i = 0; i < pairs.len; i++)
		buf_puts(b, pairs.s[i] == '\n' ? "\n  " : (char[]){pairs.s[i], '\0'});
	buf_free(&pairs);
}

/* ---- scalars and collections ---- */

int ed_in_scalar(const struct ynode *n, size_t off, int depth)
{
	if (!n || n->kind == Y_ALIAS || depth > PLAN_MAX_DEPTH)
		return 0;
	if (n->kind == Y_SCALAR)
		return off >= n->start && off < n->end;
	if (off < n->start || (off >= n->end && n->end > n->start))
		return 0;
	uint32_t kids = n->kind == Y_MAP ? 2 * n->n : n->n;
	for (uint32_t k = 0; k < kids; k++)
		if (ed_in_scalar(n->u.kids[k], off, depth + 1))
			return 1;
	return 0;
}

int ed_empty_in_place(const struct ydoc *doc, const struct ynode *n)
{
	size_t i = n->start;
	while (i > 0 && (doc->src[i - 1] == ' ' || doc->src[i - 1] == '\t'))
		i--;
	if (i > 0 && ed_in_scalar(doc->root, i - 1, 0))
		return 0; /* the ':' or '-' of a text that runs over lines ("? e\n  -") */
	size_t ls = i > 0 ? ed_line_start(doc, i - 1) : 0;
	for (size_t k = ls; k < i; k++) /* or of a comment ("? # budget:") */
		if (doc->src[k] == '#' && (k == ls || doc->src[k - 1] == ' ' || doc->src[k - 1] == '\t') &&
		    !ed_in_scalar(doc->root, k, 0))
			return 0;
	if (i > 0 && doc->src[i - 1] == ':')
		return 1;
	if (i == 0 || doc->src[i - 1] != '-')
		return 0;
	for (size_t k = ed_line_start(doc, i - 1); k < i; k++)
		if (doc->src[k] != ' ' && doc->src[k] != '-')
			return 0;
	return 1;
}

/* Where a block collection's items start on their line; refuses a
 * collection that shares its line with something other than spaces or
 * the "- " of an enclosing list item. */
static int block_indent(const struct ydoc *doc, const struct ynode *n, size_t *indent)
{
	size_t ls = ed_line_start(doc, n->start);
	for (size_t i = ls; i < n->start; i++)
		if (doc->src[i] != ' ' && doc->src[i] != '-')
			return ed_refuse(doc, n, _("it does not start on a line of its own"));
	*indent = n->start - ls;
	return 0;
}

/* The value a block collection's text ends with: its last value's last
 * value, and so on down.  Nested block collections end where it does. */
const struct ynode *ed_last_leaf(const struct ynode *n)
{
	while ((n->kind == Y_MAP || n->kind == Y_SEQ) && n->n && n->style != Y_FLOW)
		n = n->u.kids[n->kind == Y_MAP ? 2 * n->n - 1 : n->n - 1];
	return n;
}

int ed_check_block(const struct ydoc *doc, const struct ynode *n, int kind, size_t *indent)
{
	if (ed_editable(doc, n) < 0)
		return -1;
	if (n->kind != kind || n->n == 0)
		return ed_refuse(doc, n, kind == Y_MAP ? _("it is not a mapping") : _("it is not a list"));
	if (n->style == Y_FLOW)
		return ed_refuse(doc, n, kind == Y_MAP ? _("it is written in flow style { }")
						       : _("it is written in flow style [ ]"));
	/* new lines go after the last value, found where its innermost one ends
	 * ("- - ? " ends at the next token, lines below) */
	const struct ynode *last = ed_last_leaf(n);
	if (last->start == last->end && !ed_empty_in_place(doc, last))
		return ed_refuse(doc, n, _("its last value is empty and has no place of its own in "
					"the text"));
	return block_indent(doc, n, indent);
}

/* The offset of a comma after off and before end, past blanks, line
 * breaks and comments; 0 if there is none. */
size_t ed_comma_after(const struct ydoc *doc, size_t off, size_t end)
{
	for (size_t i = off; i < end; i++) {
		char c = doc->src[i];
		if (c == ',')
			return i;
		if (c == '#')
			i = ed_line_break(doc, i);
		else if (!strchr(" \t\r\n", c))
			break;
	}
	return 0;
}
