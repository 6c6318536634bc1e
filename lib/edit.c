/* edit.c: changing a YAML text by replacing byte ranges, so that every
 * comment, blank line and quoting choice outside the change stays as the
 * user wrote it.  An edit that cannot be made safely is refused.
 *
 * New text follows the file: its line ends (CRLF stays CRLF), its
 * indentation (learnt from the collections it has), the style of the
 * collection it goes into (block, or flow [ ] { } on one line or one item a
 * line), and comments that follow the last item stay with that item. */
#include <stdlib.h>
#include <string.h>

#include "plan.h"

void edits_add(struct edits *e, size_t off, size_t del, const char *ins, size_t inslen)
{
	if (e->n == e->cap) {
		e->cap = e->cap ? 2 * e->cap : 8;
		e->v = xreallocarray(e->v, e->cap, sizeof *e->v);
	}
	e->v[e->n++] = (struct edit){off, del, xstrndup(ins, inslen), inslen, 0};
}

/* Edits are sorted by offset; at one offset what only inserts comes
 * before what takes text out (an item appended to a list that ends where
 * a line taken out begins), a value before new lines (at the end of a
 * file without a final line break, "end:" gets its value there and new
 * keys go there too), and edits of one kind keep the order they were
 * added in.  Pointers into e->v are sorted, not the edits, so that their
 * addresses say that order. */
static int by_offset(const void *a, const void *b)
{
	const struct edit *x = *(const struct edit *const *)a, *y = *(const struct edit *const *)b;
	int c = cmp_num(x->off, y->off);
	if (!c)
		c = cmp_num(x->del > 0, y->del > 0);
	if (!c)
		c = cmp_num(x->lines, y->lines);
	return c ? c : (x > y) - (x < y);
}

int edits_apply(const struct edits *e, const char *src, size_t len, struct buf *out)
{
	const struct edit **v = xreallocarray(NULL, e->n ? e->n : 1, sizeof *v);
	for (size_t i = 0; i < e->n; i++)
		v[i] = &e->v[i];
	qsort(v, e->n, sizeof *v, by_offset);
	size_t at = 0;
	int rc = 0;
	for (size_t i = 0; i < e->n; i++) {
		if (v[i]->off < at || v[i]->off + v[i]->del > len) {
			rc = -1; /* overlapping edits: a bug in the caller, never guessed at */
			break;
		}
		buf_add(out, src + at, v[i]->off - at);
		buf_add(out, v[i]->ins, v[i]->inslen);
		at = v[i]->off + v[i]->del;
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

static int editable(const struct ydoc *doc, const struct ynode *n)
{
	struct ypath p;
	if (tab_blank_line(doc) < 0)
		return -1;
	if (n->kind == Y_ALIAS)
		return refuse(doc, n, _("it is an alias of another value"));
	if (n->flags & YF_ANCHORED)
		return refuse(doc, n, _("other values refer to it through its anchor"));
	if (n->flags & YF_TAGGED)
		return refuse(doc, n, _("it has a YAML tag"));
	for (int i = 0, up = ancestors(doc, n, &p); i < up; i++) {
		if (p.v[i]->flags & YF_ANCHORED)
			return refuse(doc, n, _("it lies inside a value that other values refer to "
						"through its anchor"));
		if (p.v[i]->flags & YF_TAGGED)
			return refuse(doc, n, _("it lies inside a value with a YAML tag"));
	}
	return 0;
}

static int in_flow(const struct ydoc *doc, const struct ynode *n)
{
	struct ypath p;
	for (int i = 0, up = ancestors(doc, n, &p); i < up; i++)
		if (p.v[i]->style == Y_FLOW)
			return 1;
	return 0;
}

static size_t line_start(const struct ydoc *doc, size_t off)
{
	while (off > 0 && doc->src[off - 1] != '\n')
		off--;
	return off;
}

static size_t column(const struct ydoc *doc, size_t off)
{
	return off - line_start(doc, off);
}

/* Where the line holding off ends: at its "\n" or "\r\n", or the end of file. */
static size_t line_break(const struct ydoc *doc, size_t off)
{
	const char *nl = memchr(doc->src + off, '\n', doc->len - off);
	if (!nl)
		return doc->len;
	size_t at = (size_t)(nl - doc->src);
	return at > off && doc->src[at - 1] == '\r' ? at - 1 : at;
}

static size_t after_line(const struct ydoc *doc, size_t off)
{
	const char *nl = memchr(doc->src + off, '\n', doc->len - off);
	return nl ? (size_t)(nl - doc->src) + 1 : doc->len;
}

/* Past the line holding off and the comment lines after it that are
 * indented at least min_col: they belong to what ends at off, and new
 * lines go below them.  Blank lines count only with such a comment after. */
static size_t after_comments(const struct ydoc *doc, size_t off, size_t min_col)
{
	const char *s = doc->src;
	size_t at = after_line(doc, off);
	for (size_t p = at; p < doc->len;) {
		size_t i = p;
		while (i < doc->len && (s[i] == ' ' || s[i] == '\t'))
			i++;
		if (i < doc->len && s[i] == '#' && i - p >= min_col)
			at = after_line(doc, p);
		else if (i < doc->len && s[i] != '\n' && s[i] != '\r')
			break;
		p = after_line(doc, p);
	}
	return at;
}

/* Inserts whole lines at the start of a line (or at the end of a file
 * that has no line break at its end). */
static void insert_lines(struct edits *e, const struct ydoc *doc, size_t at, const struct buf *text)
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
static void put_block(struct buf *b, const char *text, size_t col, const char *nl)
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
			size_t kc = column(doc, key->start), vc = column(doc, first);
			if (line_start(doc, first) > key->start && (vc > kc || (kind == Y_SEQ && vc == kc))) {
				*step = vc - kc;
				return 1;
			}
		}
		if (learn_step(doc, v, kind, step))
			return 1;
	}
	return 0;
}

static size_t step_of(const struct ydoc *doc, int kind)
{
	size_t step = 2;
	if (doc->root && !learn_step(doc, doc->root, kind, &step) && kind == Y_SEQ &&
	    !learn_step(doc, doc->root, Y_MAP, &step))
		step = 2;
	return step;
}

/* ---- texts ---- */

static void put_value(struct buf *b, const char *value, int raw, int flow)
{
	if (raw)
		buf_puts(b, value);
	else if (flow)
		yaml_put_flow_scalar(b, value, strlen(value));
	else
		yaml_put_scalar(b, value, strlen(value));
}

/* "k: v\nk: v" for a block mapping, "{k: v, k: v}" for a flow one. */
static void put_pairs(struct buf *b, const struct ykv *kv, size_t n, int flow)
{
	if (flow)
		buf_putc(b, '{');
	for (size_t i = 0; i < n; i++) {
		if (i)
			buf_puts(b, flow ? ", " : "\n");
		yaml_put_flow_scalar(b, kv[i].key, strlen(kv[i].key));
		buf_puts(b, ": ");
		put_value(b, kv[i].value, kv[i].raw, flow);
	}
	if (flow)
		buf_putc(b, '}');
}

/* A list item "- ..." whose further lines sit under its first. */
static void put_item(struct buf *b, const struct ykv *kv, size_t n, int flow)
{
	struct buf pairs = {0};
	put_pairs(&pairs, kv, n, flow);
	buf_puts(b, "- ");
	for (size_t i = 0; i < pairs.len; i++)
		buf_puts(b, pairs.s[i] == '\n' ? "\n  " : (char[]){pairs.s[i], '\0'});
	buf_free(&pairs);
}

/* ---- scalars ---- */

static int in_scalar(const struct ynode *n, size_t off, int depth)
{
	if (!n || n->kind == Y_ALIAS || depth > PLAN_MAX_DEPTH)
		return 0;
	if (n->kind == Y_SCALAR)
		return off >= n->start && off < n->end;
	if (off < n->start || (off >= n->end && n->end > n->start))
		return 0;
	uint32_t kids = n->kind == Y_MAP ? 2 * n->n : n->n;
	for (uint32_t k = 0; k < kids; k++)
		if (in_scalar(n->u.kids[k], off, depth + 1))
			return 1;
	return 0;
}

static int empty_in_place(const struct ydoc *doc, const struct ynode *n)
{
	size_t i = n->start;
	while (i > 0 && (doc->src[i - 1] == ' ' || doc->src[i - 1] == '\t'))
		i--;
	if (i > 0 && in_scalar(doc->root, i - 1, 0))
		return 0; /* the ':' or '-' of a text that runs over lines ("? e\n  -") */
	size_t ls = i > 0 ? line_start(doc, i - 1) : 0;
	for (size_t k = ls; k < i; k++) /* or of a comment ("? # budget:") */
		if (doc->src[k] == '#' && (k == ls || doc->src[k - 1] == ' ' || doc->src[k - 1] == '\t') &&
		    !in_scalar(doc->root, k, 0))
			return 0;
	if (i > 0 && doc->src[i - 1] == ':')
		return 1;
	if (i == 0 || doc->src[i - 1] != '-')
		return 0;
	for (size_t k = line_start(doc, i - 1); k < i; k++)
		if (doc->src[k] != ' ' && doc->src[k] != '-')
			return 0;
	return 1;
}

/* Keeps the user's choice of quotes where the new value allows it; a raw
 * value (a date) is written as it is where the old one was plain. */
static int set_scalar(struct edits *e, const struct ydoc *doc, const struct ynode *n,
		      const char *value, int raw)
{
	if (editable(doc, n) < 0)
		return -1;
	if (n->kind != Y_SCALAR)
		return refuse(doc, n, _("it is a list or mapping"));
	if (n->style == Y_LITERAL || n->style == Y_FOLDED)
		return refuse(doc, n, _("it is a block of text (| or >)"));
	if (n->start == n->end && !empty_in_place(doc, n))
		return refuse(doc, n, _("it is empty and has no place of its own in the text"));
	if (n == doc->root) /* what may follow a plain root, a tab on a blank line, not a quoted one */
		return refuse(doc, n, _("it is the whole document"));
	struct buf b = {0};
	if (n->style == Y_DQUOTED || n->style == Y_SQUOTED)
		yaml_put_requoted(&b, value, n->style, raw);
	else {
		if (n->start == n->end && n->start > 0 &&
		    (doc->src[n->start - 1] == ':' || doc->src[n->start - 1] == '-'))
			buf_putc(&b, ' '); /* "key:" or "-" with nothing after it */
		put_value(&b, value, raw, in_flow(doc, n));
	}
	edits_add(e, n->start, n->end - n->start, b.s, b.len);
	buf_free(&b);
	return 0;
}

int yedit_set_scalar(struct edits *e, const struct ydoc *doc, const struct ynode *n,
		     const char *value)
{
	return set_scalar(e, doc, n, value, 0);
}

int yedit_set_date(struct edits *e, const struct ydoc *doc, const struct ynode *n, int day)
{
	char d[11];
	date_format(day, d);
	return set_scalar(e, doc, n, d, 1);
}

/* ---- appending to block collections ---- */

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

/* The value a block collection's text ends with: its last value's last
 * value, and so on down.  Nested block collections end where it does. */
static const struct ynode *last_leaf(const struct ynode *n)
{
	while ((n->kind == Y_MAP || n->kind == Y_SEQ) && n->n && n->style != Y_FLOW)
		n = n->u.kids[n->kind == Y_MAP ? 2 * n->n - 1 : n->n - 1];
	return n;
}

static int check_block(const struct ydoc *doc, const struct ynode *n, int kind, size_t *indent)
{
	if (editable(doc, n) < 0)
		return -1;
	if (n->kind != kind || n->n == 0)
		return refuse(doc, n, kind == Y_MAP ? _("it is not a mapping") : _("it is not a list"));
	if (n->style == Y_FLOW)
		return refuse(doc, n, kind == Y_MAP ? _("it is written in flow style { }")
						    : _("it is written in flow style [ ]"));
	/* new lines go after the last value, found where its innermost one ends
	 * ("- - ? " ends at the next token, lines below) */
	const struct ynode *last = last_leaf(n);
	if (last->start == last->end && !empty_in_place(doc, last))
		return refuse(doc, n, _("its last value is empty and has no place of its own in "
					"the text"));
	return block_indent(doc, n, indent);
}

/* Lines (text relative to col) after the collection's last item and the
 * comments that belong to it. */
static void block_append(struct edits *e, const struct ydoc *doc, const struct ynode *n,
			 size_t col, const char *text)
{
	const struct ynode *last = n->u.kids[n->kind == Y_MAP ? 2 * n->n - 1 : n->n - 1];
	struct buf b = {0};
	put_block(&b, text, col, yaml_newline(doc));
	insert_lines(e, doc, after_comments(doc, last->end, col ? col : 1), &b);
	buf_free(&b);
}

/* "key:" and a value: after a space, or (starting with \n) on the lines
 * below, one step deeper. */
static void put_key_value(struct buf *b, const struct ydoc *doc, const char *key, const char *value)
{
	yaml_put_flow_scalar(b, key, strlen(key));
	buf_putc(b, ':');
	if (value[0] != '\n') {
		buf_putc(b, ' ');
		buf_puts(b, value);
		return;
	}
	size_t step = step_of(doc, value[1] == '-' && value[2] == ' ' ? Y_SEQ : Y_MAP);
	for (const char *p = value; *p; p++) {
		buf_putc(b, *p);
		if (*p == '\n')
			buf_printf(b, "%*s", (int)step, "");
	}
}

int yedit_map_append(struct edits *e, const struct ydoc *doc, const struct ynode *map,
		     const char *key, const char *value)
{
	size_t indent = 0;
	if (check_block(doc, map, Y_MAP, &indent) < 0)
		return -1;
	struct buf b = {0};
	put_key_value(&b, doc, key, value);
	block_append(e, doc, map, indent, b.s);
	buf_free(&b);
	return 0;
}

int yedit_seq_append(struct edits *e, const struct ydoc *doc, const struct ynode *seq,
		     const char *item)
{
	size_t indent = 0;
	if (check_block(doc, seq, Y_SEQ, &indent) < 0)
		return -1;
	struct buf b = {0};
	buf_puts(&b, "- ");
	for (const char *p = item; *p; p++)
		buf_puts(&b, *p == '\n' ? "\n  " : (char[]){*p, '\0'});
	block_append(e, doc, seq, indent, b.s);
	buf_free(&b);
	return 0;
}

/* ---- appending to flow collections ---- */

/* The offset of a comma after off and before end, past blanks, line
 * breaks and comments; 0 if there is none. */
static size_t comma_after(const struct ydoc *doc, size_t off, size_t end)
{
	for (size_t i = off; i < end; i++) {
		char c = doc->src[i];
		if (c == ',')
			return i;
		if (c == '#')
			i = line_break(doc, i);
		else if (!strchr(" \t\r\n", c))
			break;
	}
	return 0;
}

static int blank_before(const struct ydoc *doc, size_t off)
{
	for (size_t i = line_start(doc, off); i < off; i++)
		if (doc->src[i] != ' ' && doc->src[i] != '\t')
			return 0;
	return 1;
}

/* Adds text (one line, in flow style) after the last item of a flow
 * collection, as its items are laid out: on one line ("[a, b]"), or one
 * item a line, with or without a comma after the last. */
static int flow_append(struct edits *e, const struct ydoc *doc, const struct ynode *n,
		       const char *text)
{
	const char *s = doc->src;
	size_t close = n->end ? n->end - 1 : 0;
	if (editable(doc, n) < 0)
		return -1;
	/* "[a: 1]" is a list of a mapping with no { } of its own: what is
	 * added after it, "[a: 1, b: 2]", is a mapping of its own */
	if (n->kind == Y_MAP && s[n->start] != '{') /* "[? a: 1]" too */
		return refuse(doc, n, _("it is a pair in a flow list, with no { } of its own"));
	if (!n->end || (s[close] != ']' && s[close] != '}'))
		return refuse(doc, n, _("the end of the list or mapping was not found"));
	if (n->n == 0) {
		edits_add(e, close, 0, text, strlen(text));
		return 0;
	}
	const struct ynode *first = n->u.kids[n->kind == Y_MAP ? 2 * n->n - 2 : n->n - 1];
	const struct ynode *last = n->u.kids[n->kind == Y_MAP ? 2 * n->n - 1 : n->n - 1];
	size_t end = last->end > first->end ? last->end : first->end;
	size_t comma = comma_after(doc, end, close);
	size_t from = comma ? comma + 1 : end;
	int lines = blank_before(doc, first->start) && memchr(s + from, '\n', close - from);
	struct buf b = {0};
	if (lines) {
		const char *nl = yaml_newline(doc);
		if (!comma)
			edits_add(e, end, 0, ",", 1);
		buf_printf(&b, "%s%*s%s%s", nl, (int)column(doc, first->start), "", text,
			   comma ? "," : "");
		edits_add(e, line_break(doc, from), 0, b.s, b.len);
	} else {
		buf_printf(&b, comma ? " %s," : ", %s", text);
		if (s[from] == '#') /* "{}#": a comment after "}", but not after a plain text */
			buf_putc(&b, ' ');
		edits_add(e, from, 0, b.s, b.len);
	}
	buf_free(&b);
	return 0;
}

/* ---- values that are missing or empty ---- */

/* Whether a colon written right after a flow key ("{key}") makes a key
 * YAML reads.  Without "?" it is an implicit key, which libyaml takes only
 * on one line and within 1024 characters, counted from a tag or anchor
 * before it: so the key stands on one line, with nothing but blanks, line
 * breaks and comments between it and the "{", "," or "?" before it. */
static int colon_fits(const struct ydoc *doc, const struct ynode *key)
{
	const char *s = doc->src;
	if (key->end - key->start > 1000 || memchr(s + key->start, '\n', key->end - key->start) ||
	    memchr(s + key->start, '\r', key->end - key->start))
		return 0;
	for (size_t at = key->start;;) {
		size_t ls = line_start(doc, at), k = ls;
		while (k < at && !(s[k] == '#' && (k == ls || s[k - 1] == ' ' || s[k - 1] == '\t') &&
				   !in_scalar(doc->root, k, 0)))
			k++;
		while (k > ls && strchr(" \t\r", s[k - 1]))
			k--;
		if (k > ls) /* a tag may end in "?" ("!a?"), never in "{" or "," */
			return s[k - 1] == '{' || s[k - 1] == ',' ||
			       (s[k - 1] == '?' && (k - 1 == ls || strchr(" \t{,", s[k - 2])));
		if (ls == 0)
			return 0;
		at = ls - 1;
	}
}

/* The colon after a flow key, before its empty value: "{key:}", and
 * "{key:\n}", where the value stands on the line below; or -1 for none. */
static long colon_after(const struct ydoc *doc, const struct ynode *key, const struct ynode *val)
{
	const char *s = doc->src;
	for (size_t i = key->end; i < val->start; i++) {
		if (s[i] == '#' && (s[i - 1] == ' ' || s[i - 1] == '\t'))
			while (i + 1 < val->start && s[i + 1] != '\n')
				i++;
		else if (s[i] == ':')
			return (long)i;
		else if (!strchr(" \t\r\n", s[i]))
			return -1;
	}
	return -1;
}

/* Replaces the empty value of key in a mapping ("key:", "key: ~",
 * "key: # comment", "key: []") by a collection: in a block mapping one
 * step deeper on the lines below the key (block is the text relative to
 * that), in a flow mapping the flow text in its place. */
static int fill_empty(struct edits *e, const struct ydoc *doc, const struct ynode *map,
		      const struct ynode *key, const struct ynode *val, int kind, const char *block,
		      const char *flow)
{
	const char *s = doc->src;
	if (editable(doc, map) < 0 || editable(doc, val) < 0)
		return -1;
	if (map->style == Y_FLOW) {
		/* "{key: ~}": in the value's place; "{key:}" a space after
		 * the colon, which may end its line ("{key:\n}"); "{key}" a
		 * colon too, right after the key */
		int bare = val->start == val->end;
		long colon = bare ? colon_after(doc, key, val) : -1;
		int no_colon = bare && colon < 0;
		if (no_colon && !colon_fits(doc, key))
			return refuse(doc, key, _("it has no colon, and one written after it would not read as a key"));
		size_t at = no_colon ? key->end : val->start;
		if (colon >= 0 && memchr(s + colon, '\n', val->start - (size_t)colon))
			at = (size_t)colon + 1; /* not on the line below */
		struct buf b = {0};
		buf_printf(&b, "%s%s", no_colon ? ": " : s[at - 1] == ':' ? " " : "", flow);
		edits_add(e, at, val->end - val->start, b.s, b.len);
		buf_free(&b);
		return 0;
	}
	if (line_start(doc, val->start) != line_start(doc, key->start))
		return refuse(doc, val, _("its empty value is not on the line of its key"));
	/* "? key" with no ": " after it: lines below would go on the key */
	size_t colon = key->end;
	while (colon < doc->len && (s[colon] == ' ' || s[colon] == '\t'))
		colon++;
	if (colon >= doc->len || s[colon] != ':')
		return refuse(doc, key, _("it has no colon after it"));
	if (val->end > val->start) { /* ~, null or []: gone, with the blanks before it */
		size_t from = val->start;
		while (from > key->end && (s[from - 1] == ' ' || s[from - 1] == '\t'))
			from--;
		/* "key: []# note": libyaml takes the comment; "key:# note" is a text */
		char c = val->end < doc->len ? s[val->end] : '\n';
		int glued = c != ' ' && c != '\t' && c != '\r' && c != '\n';
		edits_add(e, from, val->end - from, " ", glued ? 1 : 0);
	}
	size_t col = column(doc, key->start);
	struct buf b = {0};
	put_block(&b, block, col + step_of(doc, kind), yaml_newline(doc));
	insert_lines(e, doc, after_comments(doc, val->end, col + 1), &b);
	buf_free(&b);
	return 0;
}

/* Adds "key: value" to a block or flow mapping. */
static int map_add(struct edits *e, const struct ydoc *doc, const struct ynode *map,
		   const char *key, const char *block, const char *flow)
{
	if (map->kind != Y_MAP)
		return refuse(doc, map, _("it is not a mapping"));
	if (map->style != Y_FLOW)
		return yedit_map_append(e, doc, map, key, block);
	struct buf b = {0};
	yaml_put_flow_scalar(&b, key, strlen(key));
	buf_printf(&b, ": %s", flow);
	int rc = flow_append(e, doc, map, b.s);
	buf_free(&b);
	return rc;
}

int yedit_map_set(struct edits *e, const struct ydoc *doc, const struct ynode *map,
		  const char *key, const char *value, int raw)
{
	struct ynode *v = ymap_get((struct ynode *)map, key);
	if (editable(doc, map) < 0)
		return -1;
	if (v)
		return set_scalar(e, doc, v, value, raw);
	struct buf block = {0}, flow = {0};
	put_value(&block, value, raw, 0);
	put_value(&flow, value, raw, 1);
	int rc = map_add(e, doc, map, key, block.s, flow.s);
	buf_free(&block);
	buf_free(&flow);
	return rc;
}

/* map[key] made the collection (Y_MAP or Y_SEQ) written as block or flow:
 * added if the key is missing, filled in if its value is empty (nothing,
 * or an empty list), refused if it holds anything else. */
static int put_collection(struct edits *e, const struct ydoc *doc, const struct ynode *map,
			  const char *key, struct ynode *k, struct ynode *v, int kind,
			  const char *block, const char *flow)
{
	if (editable(doc, map) < 0 || (v && editable(doc, v) < 0))
		return -1;
	if (!v) {
		struct buf nested = {0};
		buf_printf(&nested, "\n%s", block);
		int rc = map_add(e, doc, map, key, nested.s, flow);
		buf_free(&nested);
		return rc;
	}
	if (yscalar_null(v) || (kind == Y_SEQ && v->kind == Y_SEQ && v->n == 0))
		return fill_empty(e, doc, map, k, v, kind, block, flow);
	return refuse(doc, v, kind == Y_MAP ? _("it is not a mapping") : _("it is not a list"));
}

int yedit_map_set_in(struct edits *e, const struct ydoc *doc, const struct ynode *map,
		     const char *key, const char *subkey, const char *value, int raw)
{
	struct ynode *k = ymap_key((struct ynode *)map, key), *v = ymap_get((struct ynode *)map, key);
	if (v && v->kind == Y_MAP)
		return yedit_map_set(e, doc, v, subkey, value, raw);
	struct ykv kv = {subkey, value, raw};
	struct buf block = {0}, flow = {0};
	put_pairs(&block, &kv, 1, 0);
	put_pairs(&flow, &kv, 1, 1);
	int rc = put_collection(e, doc, map, key, k, v, Y_MAP, block.s, flow.s);
	buf_free(&block);
	buf_free(&flow);
	return rc;
}

int yedit_seq_append_map(struct edits *e, const struct ydoc *doc, const struct ynode *seq,
			 const struct ykv *kv, size_t n)
{
	size_t indent = 0;
	if (editable(doc, seq) < 0)
		return -1;
	if (seq->kind != Y_SEQ)
		return refuse(doc, seq, _("it is not a list"));
	struct buf b = {0};
	int rc;
	if (seq->style == Y_FLOW) {
		put_pairs(&b, kv, n, 1);
		rc = flow_append(e, doc, seq, b.s);
	} else if ((rc = check_block(doc, seq, Y_SEQ, &indent)) == 0) {
		/* an item like the last one: "- {date: ...}" or "- date: ..." */
		const struct ynode *last = yderef(seq->u.kids[seq->n - 1]);
		put_item(&b, kv, n, last->kind == Y_MAP && last->style == Y_FLOW);
		block_append(e, doc, seq, indent, b.s);
	}
	buf_free(&b);
	return rc;
}

int yedit_map_list_append(struct edits *e, const struct ydoc *doc, const struct ynode *map,
			  const char *key, const struct ykv *kv, size_t n)
{
	struct ynode *k = ymap_key((struct ynode *)map, key), *v = ymap_get((struct ynode *)map, key);
	if (v && v->kind == Y_SEQ && (v->n || map->style == Y_FLOW))
		return yedit_seq_append_map(e, doc, v, kv, n);
	struct buf block = {0}, flow = {0};
	put_item(&block, kv, n, 0);
	buf_putc(&flow, '[');
	put_pairs(&flow, kv, n, 1);
	buf_putc(&flow, ']');
	int rc = put_collection(e, doc, map, key, k, v, Y_SEQ, block.s, flow.s);
	buf_free(&block);
	buf_free(&flow);
	return rc;
}

/* ---- a text in a list, and pairs put where they belong ---- */

int yedit_map_list_append_text(struct edits *e, const struct ydoc *doc, const struct ynode *map,
			       const char *key, const char *text)
{
	struct ynode *k = ymap_key((struct ynode *)map, key), *v = ymap_get((struct ynode *)map, key);
	struct buf block = {0}, flow = {0};
	int rc;
	if (v && v->kind == Y_SEQ && v->style == Y_FLOW) {
		yaml_put_flow_scalar(&flow, text, strlen(text));
		rc = flow_append(e, doc, v, flow.s);
	} else if (v && v->kind == Y_SEQ && v->n) {
		yaml_put_scalar(&block, text, strlen(text));
		rc = yedit_seq_append(e, doc, v, block.s);
	} else {
		buf_puts(&block, "- ");
		yaml_put_scalar(&block, text, strlen(text));
		buf_putc(&flow, '[');
		yaml_put_flow_scalar(&flow, text, strlen(text));
		buf_putc(&flow, ']');
		rc = put_collection(e, doc, map, key, k, v, Y_SEQ, block.s, flow.s);
	}
	buf_free(&block);
	buf_free(&flow);
	return rc;
}

/* "key: value", or with value "\n..." the lines below the key (one step
 * deeper, each relative to that), as lines at the key column col. */
static void put_pair_lines(struct buf *b, const struct ydoc *doc, const char *key,
			   const char *value, size_t col)
{
	struct buf pair = {0};
	put_key_value(&pair, doc, key, value);
	put_block(b, pair.s, col, yaml_newline(doc));
	buf_free(&pair);
}

/* The pair of key in a block mapping that may be changed around: its key
 * and the offset its value's text ends at. */
static int block_pair(const struct ydoc *doc, const struct ynode *map, const char *key,
		      struct ynode **k, size_t *end)
{
	if (editable(doc, map) < 0)
		return -1;
	if (map->kind != Y_MAP || map->style == Y_FLOW || !map->n)
		return refuse(doc, map, _("it is not a mapping of lines"));
	*k = ymap_key((struct ynode *)map, key);
	if (!*k)
		return 0;
	const struct ynode *v = ymap_get((struct ynode *)map, key), *last = last_leaf(v);
	if (editable(doc, v) < 0)
		return -1;
	if (last->start == last->end && !empty_in_place(doc, last))
		return refuse(doc, v, _("its last value is empty and has no place of its own in "
					"the text"));
	size_t ls = line_start(doc, (*k)->start);
	for (size_t i = ls; i < (*k)->start; i++)
		if (doc->src[i] != ' ')
			return refuse(doc, *k, _("it does not start on a line of its own"));
	*end = last->end > v->end ? last->end : v->end;
	return 0;
}

int yedit_map_insert_after(struct edits *e, const struct ydoc *doc, const struct ynode *map,
			   const char *after, const char *key, const char *value)
{
	struct ynode *k = NULL;
	size_t end = 0;
	if (block_pair(doc, map, after ? after : "", &k, &end) < 0)
		return -1;
	const struct ynode *first = map->u.kids[0];
	size_t col = column(doc, first->start), at;
	if (k)
		at = after_comments(doc, end, col + 1);
	else if (after) /* no such key: at the end, like any new key */
		return yedit_map_append(e, doc, map, key, value);
	else
		at = line_start(doc, first->start);
	struct buf b = {0};
	put_pair_lines(&b, doc, key, value, col);
	if (!k && !after) { /* before the first key: a line of its own */
		buf_puts(&b, yaml_newline(doc));
		edits_add(e, at, 0, b.s, b.len);
	} else
		insert_lines(e, doc, at, &b);
	buf_free(&b);
	return 0;
}

int yedit_map_set_after(struct edits *e, const struct ydoc *doc, const struct ynode *map,
			const char *after, const char *key, const char *value)
{
	struct ynode *m = (struct ynode *)map;
	if (ymap_get(m, key) || map->kind != Y_MAP || map->style == Y_FLOW || !ymap_get(m, after))
		return yedit_map_set(e, doc, map, key, value, 1);
	return yedit_map_insert_after(e, doc, map, after, key, value);
}

int yedit_map_replace_pair(struct edits *e, const struct ydoc *doc, const struct ynode *map,
			   const char *key, const char *newkey, const char *value)
{
	struct ynode *k = NULL;
	size_t end = 0;
	if (block_pair(doc, map, key, &k, &end) < 0)
		return -1;
	if (!k)
		return refuse(doc, map, _("the key to replace is not there"));
	struct buf b = {0};
	size_t col = column(doc, k->start);
	put_pair_lines(&b, doc, newkey, value, col);
	edits_add(e, k->start, end - k->start, b.s + col, b.len - col);
	buf_free(&b);
	return 0;
}

/* ---- taking out ---- */

/* The start of the line of a block list item's "-", where nothing but
 * blanks stands before the "-" and it stands at col. */
static int item_line(const struct ydoc *doc, const struct ynode *item, size_t col, size_t *line)
{
	size_t dash = item->start;
	while (dash > 0 && doc->src[dash - 1] == ' ')
		dash--;
	*line = line_start(doc, dash ? dash - 1 : 0);
	if (!dash || doc->src[dash - 1] != '-' || dash - 1 - *line != col)
		return refuse(doc, item, _("it does not start on the line of its \"-\""));
	for (size_t k = *line; k < dash - 1; k++)
		if (doc->src[k] != ' ')
			return refuse(doc, item, _("it does not start on a line of its own"));
	return 0;
}

/* Item i of a flow list taken out with the comma that parts it from the
 * next, or for the last from the one before: "[a, b, c]" less b is
 * "[a, c]", less a and c too "[]".  A comment beside it would go with it
 * or move to another item: that is refused. */
static int flow_remove(struct edits *e, const struct ydoc *doc, const struct ynode *seq,
		       uint32_t i)
{
	const char *s = doc->src;
	const struct ynode *item = seq->u.kids[i], *prev = i ? seq->u.kids[i - 1] : NULL;
	if (editable(doc, item) < 0)
		return -1;
	if (!seq->end || s[seq->end - 1] != ']')
		return refuse(doc, seq, _("the end of the list or mapping was not found"));
	if (item->start == item->end)
		return refuse(doc, item, _("it has no place of its own in the text"));
	for (const struct ynode *n = item; n; n = n == item ? prev : NULL)
		if (n->kind == Y_MAP && s[n->start] != '{')
			return refuse(doc, n, _("it is a pair in a flow list, with no { } of its own"));
	/* from..to goes; gap..gap_end is what lies between it and the item
	 * beside it, where no comment may be */
	size_t from, to, gap, gap_end;
	if (i + 1 < seq->n) {
		from = item->start;
		gap = item->end;
		to = gap_end = seq->u.kids[i + 1]->start;
	} else if (prev) {
		from = gap = prev->end;
		gap_end = item->start;
		to = item->end;
	} else {
		size_t comma = comma_after(doc, item->end, seq->end - 1);
		from = item->start;
		gap = item->end;
		to = gap_end = comma ? comma + 1 : item->end;
	}
	if (memchr(s + gap, '#', gap_end - gap))
		return refuse(doc, item, _("a comment stands beside it; take it out by hand"));
	edits_add(e, from, to - from, "", 0);
	return 0;
}

int yedit_seq_remove(struct edits *e, const struct ydoc *doc, const struct ynode *seq,
		     uint32_t i)
{
	size_t indent = 0, from, next = doc->len;
	if (seq->kind == Y_SEQ && seq->style == Y_FLOW && i < seq->n)
		return editable(doc, seq) < 0 ? -1 : flow_remove(e, doc, seq, i);
	if (check_block(doc, seq, Y_SEQ, &indent) < 0)
		return -1;
	if (i >= seq->n)
		return refuse(doc, seq, _("the list has no such item"));
	/* A document that was only this list would be left with nothing, or
	 * with a document end marker (...) and no document before it. */
	if (seq == doc->root && seq->n == 1)
		return refuse(doc, seq, _("the list is the whole document; its last item stays"));
	const struct ynode *item = seq->u.kids[i];
	if (editable(doc, item) < 0 || item_line(doc, item, indent, &from) < 0 ||
	    (i + 1 < seq->n && item_line(doc, seq->u.kids[i + 1], indent, &next) < 0))
		return -1;
	/* where its text ends: a block collection's end is the next token's start */
	const struct ynode *last = last_leaf(item);
	if (last->start == last->end && !empty_in_place(doc, last))
		return refuse(doc, item, _("its last value is empty and has no place of its own in "
					   "the text"));
	size_t end = last->end;
	if (end > from && doc->src[end - 1] == '\n') /* a block text ends past its line break */
		end--;
	size_t to = after_comments(doc, end, indent + 1);
	edits_add(e, from, (to < next ? to : next) - from, "", 0);
	return 0;
}

/* A pair of a block mapping taken out: its line, with the comment on it.
 * Only a pair that is one line of its own; a key that is not there is
 * nothing to do. */
int yedit_map_remove(struct edits *e, const struct ydoc *doc, const struct ynode *map,
		     const char *key)
{
	const struct ynode *k = ymap_key((struct ynode *)map, key);
	const struct ynode *v = ymap_get((struct ynode *)map, key);
	if (!k)
		return 0;
	if (editable(doc, map) < 0 || editable(doc, k) < 0 || editable(doc, v) < 0)
		return -1;
	if (map->style == Y_FLOW)
		return refuse(doc, map, _("it is written in flow style { }"));
	if (map == doc->root && map->n == 1)
		return refuse(doc, map, _("the mapping is the whole document; its last key stays"));
	/* an empty value's place may be the next token's, lines below */
	size_t from = line_start(doc, k->start), end = v->end > v->start ? v->end : k->end;
	for (size_t i = from; i < k->start; i++)
		if (doc->src[i] != ' ')
			return refuse(doc, k, _("it does not start on a line of its own"));
	if (v->kind != Y_SCALAR || v->style == Y_LITERAL || v->style == Y_FOLDED ||
	    memchr(doc->src + k->start, '\n', end - k->start))
		return refuse(doc, v, _("its value is more than one line"));
	edits_add(e, from, after_line(doc, end) - from, "", 0);
	return 0;
}
