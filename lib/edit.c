/* edit.c: changing a YAML text by replacing byte ranges, so that every
 * comment, blank line and quoting choice outside the change stays as the
 * user wrote it.  An edit that cannot be made safely is refused.  Here
 * values are set and items and pairs added; editremove.c takes them out,
 * and editwhere.c knows where a node lies and how the file is laid out.
 *
 * New text follows the file: its line ends (CRLF stays CRLF), its
 * indentation (learnt from the collections it has), the style of the
 * collection it goes into (block, or flow [ ] { } on one line or one item a
 * line), and comments that follow the last item stay with that item. */
#include <stdlib.h>
#include <string.h>

#include "yedit.h"

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

/* ---- scalars ---- */

/* Keeps the user's choice of quotes where the new value allows it; a raw
 * value (a date) is written as it is where the old one was plain. */
static int set_scalar(struct edits *e, const struct ydoc *doc, const struct ynode *n,
		      const char *value, int raw)
{
	if (ed_editable(doc, n) < 0)
		return -1;
	if (n->kind != Y_SCALAR)
		return ed_refuse(doc, n, _("it is a list or mapping"));
	if (n->style == Y_LITERAL || n->style == Y_FOLDED)
		return ed_refuse(doc, n, _("it is a block of text (| or >)"));
	if (n->start == n->end && !ed_empty_in_place(doc, n))
		return ed_refuse(doc, n, _("it is empty and has no place of its own in the text"));
	if (n == doc->root) /* what may follow a plain root, a tab on a blank line, not a quoted one */
		return ed_refuse(doc, n, _("it is the whole document"));
	struct buf b = {0};
	if (n->style == Y_DQUOTED || n->style == Y_SQUOTED)
		yaml_put_requoted(&b, value, n->style, raw);
	else {
		if (n->start == n->end && n->start > 0 &&
		    (doc->src[n->start - 1] == ':' || doc->src[n->start - 1] == '-'))
			buf_putc(&b, ' '); /* "key:" or "-" with nothing after it */
		ed_put_value(&b, value, raw, ed_in_flow(doc, n));
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

/* Lines (text relative to col) after the collection's last item and the
 * comments that belong to it. */
static void block_append(struct edits *e, const struct ydoc *doc, const struct ynode *n,
			 size_t col, const char *text)
{
	const struct ynode *last = n->u.kids[n->kind == Y_MAP ? 2 * n->n - 1 : n->n - 1];
	struct buf b = {0};
	ed_put_block(&b, text, col, yaml_newline(doc));
	ed_insert_lines(e, doc, ed_after_comments(doc, last->end, col ? col : 1), &b);
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
	size_t step = ed_step_of(doc, value[1] == '-' && value[2] == ' ' ? Y_SEQ : Y_MAP);
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
	if (ed_check_block(doc, map, Y_MAP, &indent) < 0)
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
	if (ed_check_block(doc, seq, Y_SEQ, &indent) < 0)
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

static int blank_before(const struct ydoc *doc, size_t off)
{
	for (size_t i = ed_line_start(doc, off); i < off; i++)
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
	if (ed_editable(doc, n) < 0)
		return -1;
	/* "[a: 1]" is a list of a mapping with no { } of its own: what is
	 * added after it, "[a: 1, b: 2]", is a mapping of its own */
	if (n->kind == Y_MAP && s[n->start] != '{') /* "[? a: 1]" too */
		return ed_refuse(doc, n, _("it is a pair in a flow list, with no { } of its own"));
	if (!n->end || (s[close] != ']' && s[close] != '}'))
		return ed_refuse(doc, n, _("the end of the list or mapping was not found"));
	if (n->n == 0) {
		edits_add(e, close, 0, text, strlen(text));
		return 0;
	}
	const struct ynode *first = n->u.kids[n->kind == Y_MAP ? 2 * n->n - 2 : n->n - 1];
	const struct ynode *last = n->u.kids[n->kind == Y_MAP ? 2 * n->n - 1 : n->n - 1];
	size_t end = last->end > first->end ? last->end : first->end;
	size_t comma = ed_comma_after(doc, end, close);
	size_t from = comma ? comma + 1 : end;
	int lines = blank_before(doc, first->start) && memchr(s + from, '\n', close - from);
	struct buf b = {0};
	if (lines) {
		const char *nl = yaml_newline(doc);
		if (!comma)
			edits_add(e, end, 0, ",", 1);
		buf_printf(&b, "%s%*s%s%s", nl, (int)ed_column(doc, first->start), "", text,
			   comma ? "," : "");
		edits_add(e, ed_line_break(doc, from), 0, b.s, b.len);
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
		size_t ls = ed_line_start(doc, at), k = ls;
		while (k < at && !(s[k] == '#' && (k == ls || s[k - 1] == ' ' || s[k - 1] == '\t') &&
				   !ed_in_scalar(doc->root, k, 0)))
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
	if (ed_editable(doc, map) < 0 || ed_editable(doc, val) < 0)
		return -1;
	if (map->style == Y_FLOW) {
		/* "{key: ~}": in the value's place; "{key:}" a space after
		 * the colon, which may end its line ("{key:\n}"); "{key}" a
		 * colon too, right after the key */
		int bare = val->start == val->end;
		long colon = bare ? colon_after(doc, key, val) : -1;
		int no_colon = bare && colon < 0;
		if (no_colon && !colon_fits(doc, key))
			return ed_refuse(doc, key, _("it has no colon, and one written after it "
						     "would not read as a key"));
		size_t at = no_colon ? key->end : val->start;
		if (colon >= 0 && memchr(s + colon, '\n', val->start - (size_t)colon))
			at = (size_t)colon + 1; /* not on the line below */
		struct buf b = {0};
		buf_printf(&b, "%s%s", no_colon ? ": " : s[at - 1] == ':' ? " " : "", flow);
		edits_add(e, at, val->end - val->start, b.s, b.len);
		buf_free(&b);
		return 0;
	}
	if (ed_line_start(doc, val->start) != ed_line_start(doc, key->start))
		return ed_refuse(doc, val, _("its empty value is not on the line of its key"));
	/* "? key" with no ": " after it: lines below would go on the key */
	size_t colon = key->end;
	while (colon < doc->len && (s[colon] == ' ' || s[colon] == '\t'))
		colon++;
	if (colon >= doc->len || s[colon] != ':')
		return ed_refuse(doc, key, _("it has no colon after it"));
	if (val->end > val->start) { /* ~, null or []: gone, with the blanks before it */
		size_t from = val->start;
		while (from > key->end && (s[from - 1] == ' ' || s[from - 1] == '\t'))
			from--;
		/* "key: []# note": libyaml takes the comment; "key:# note" is a text */
		char c = val->end < doc->len ? s[val->end] : '\n';
		int glued = c != ' ' && c != '\t' && c != '\r' && c != '\n';
		edits_add(e, from, val->end - from, " ", glued ? 1 : 0);
	}
	size_t col = ed_column(doc, key->start);
	struct buf b = {0};
	ed_put_block(&b, block, col + ed_step_of(doc, kind), yaml_newline(doc));
	ed_insert_lines(e, doc, ed_after_comments(doc, val->end, col + 1), &b);
	buf_free(&b);
	return 0;
}

/* Adds "key: value" to a block or flow mapping. */
static int map_add(struct edits *e, const struct ydoc *doc, const struct ynode *map,
		   const char *key, const char *block, const char *flow)
{
	if (map->kind != Y_MAP)
		return ed_refuse(doc, map, _("it is not a mapping"));
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
	if (ed_editable(doc, map) < 0)
		return -1;
	if (v)
		return set_scalar(e, doc, v, value, raw);
	struct buf block = {0}, flow = {0};
	ed_put_value(&block, value, raw, 0);
	ed_put_value(&flow, value, raw, 1);
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
	if (ed_editable(doc, map) < 0 || (v && ed_editable(doc, v) < 0))
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
	return ed_refuse(doc, v, kind == Y_MAP ? _("it is not a mapping") : _("it is not a list"));
}

int yedit_map_set_in(struct edits *e, const struct ydoc *doc, const struct ynode *map,
		     const char *key, const char *subkey, const char *value, int raw)
{
	struct ynode *k = ymap_key((struct ynode *)map, key), *v = ymap_get((struct ynode *)map, key);
	if (v && v->kind == Y_MAP)
		return yedit_map_set(e, doc, v, subkey, value, raw);
	struct ykv kv = {subkey, value, raw};
	struct buf block = {0}, flow = {0};
	ed_put_pairs(&block, &kv, 1, 0);
	ed_put_pairs(&flow, &kv, 1, 1);
	int rc = put_collection(e, doc, map, key, k, v, Y_MAP, block.s, flow.s);
	buf_free(&block);
	buf_free(&flow);
	return rc;
}

int yedit_seq_append_map(struct edits *e, const struct ydoc *doc, const struct ynode *seq,
			 const struct ykv *kv, size_t n)
{
	size_t indent = 0;
	if (ed_editable(doc, seq) < 0)
		return -1;
	if (seq->kind != Y_SEQ)
		return ed_refuse(doc, seq, _("it is not a list"));
	struct buf b = {0};
	int rc;
	if (seq->style == Y_FLOW) {
		ed_put_pairs(&b, kv, n, 1);
		rc = flow_append(e, doc, seq, b.s);
	} else if ((rc = ed_check_block(doc, seq, Y_SEQ, &indent)) == 0) {
		/* an item like the last one: "- {date: ...}" or "- date: ..." */
		const struct ynode *last = yderef(seq->u.kids[seq->n - 1]);
		ed_put_item(&b, kv, n, last->kind == Y_MAP && last->style == Y_FLOW);
		block_append(e, doc, seq, indent, b.s);
	}
	buf_free(&b);
	return rc;
}

/* A comment line: blanks, then "#" (not in a text that runs over lines). */
static int comment_line(const struct ydoc *doc, size_t at)
{
	while (at < doc->len && (doc->src[at] == ' ' || doc->src[at] == '\t'))
		at++;
	return at < doc->len && doc->src[at] == '#' && !ed_in_scalar(doc->root, at, 0);
}

/* Where new lines before block item go: the start of its line, its "- "
 * the first thing there, at indent; above the comment lines right over
 * it, which speak of it.  -1, refused, if it shares its line. */
static int line_before(const struct ydoc *doc, const struct ynode *seq, const struct ynode *item,
		       size_t indent, size_t *at)
{
	size_t ls = ed_line_start(doc, item->start), i = ls + indent;
	int own = i < item->start && ed_column(doc, i) == indent && doc->src[i] == '-';
	while (own && ++i < item->start)
		own = doc->src[i] == ' ' || doc->src[i] == '\t';
	if (!own)
		return ed_refuse(doc, seq, _("an item of it does not begin its own line"));
	while (ls > 0 && comment_line(doc, ed_line_start(doc, ls - 1)))
		ls = ed_line_start(doc, ls - 1);
	*at = ls;
	return 0;
}

int yedit_seq_insert_map(struct edits *e, const struct ydoc *doc, const struct ynode *seq,
			 size_t k, const struct ykv *kv, size_t n)
{
	if (seq->kind == Y_SEQ && k >= seq->n)
		return yedit_seq_append_map(e, doc, seq, kv, n);
	size_t indent = 0, at = 0;
	const struct ynode *item = seq->kind == Y_SEQ ? seq->u.kids[k] : seq;
	if (ed_editable(doc, seq) < 0 || ed_editable(doc, item) < 0)
		return -1;
	if (seq->kind != Y_SEQ)
		return ed_refuse(doc, seq, _("it is not a list"));
	struct buf b = {0}, lines = {0};
	int rc = 0;
	if (seq->style == Y_FLOW && (item->kind != Y_MAP || doc->src[item->start] != '{')) {
		rc = ed_refuse(doc, item, _("it is a pair in a flow list, with no { } of its own"));
	} else if (seq->style == Y_FLOW) { /* "{...}, " before it, or a line of its own */
		ed_put_pairs(&b, kv, n, 1);
		if (blank_before(doc, item->start)) {
			buf_putc(&b, ',');
			ed_put_block(&lines, b.s, ed_column(doc, item->start), yaml_newline(doc));
			ed_insert_lines(e, doc, ed_line_start(doc, item->start), &lines);
		} else {
			buf_puts(&b, ", ");
			edits_add(e, item->start, 0, b.s, b.len);
		}
	} else if ((rc = ed_check_block(doc, seq, Y_SEQ, &indent)) == 0 &&
		   (rc = line_before(doc, seq, item, indent, &at)) == 0) {
		ed_put_item(&b, kv, n, item->kind == Y_MAP && item->style == Y_FLOW);
		ed_put_block(&lines, b.s, indent, yaml_newline(doc));
		ed_insert_lines(e, doc, at, &lines);
	}
	buf_free(&b);
	buf_free(&lines);
	return rc;
}

int yedit_map_list_append(struct edits *e, const struct ydoc *doc, const struct ynode *map,
			  const char *key, const struct ykv *kv, size_t n)
{
	struct ynode *k = ymap_key((struct ynode *)map, key), *v = ymap_get((struct ynode *)map, key);
	if (v && v->kind == Y_SEQ && (v->n || map->style == Y_FLOW))
		return yedit_seq_append_map(e, doc, v, kv, n);
	struct buf block = {0}, flow = {0};
	ed_put_item(&block, kv, n, 0);
	buf_putc(&flow, '[');
	ed_put_pairs(&flow, kv, n, 1);
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
	ed_put_block(b, pair.s, col, yaml_newline(doc));
	buf_free(&pair);
}

/* The pair of key in a block mapping that may be changed around: its key
 * and the offset its value's text ends at. */
static int block_pair(const struct ydoc *doc, const struct ynode *map, const char *key,
		      struct ynode **k, size_t *end)
{
	if (ed_editable(doc, map) < 0)
		return -1;
	if (map->kind != Y_MAP || map->style == Y_FLOW || !map->n)
		return ed_refuse(doc, map, _("it is not a mapping of lines"));
	*k = ymap_key((struct ynode *)map, key);
	if (!*k)
		return 0;
	const struct ynode *v = ymap_get((struct ynode *)map, key), *last = ed_last_leaf(v);
	if (ed_editable(doc, v) < 0)
		return -1;
	if (last->start == last->end && !ed_empty_in_place(doc, last))
		return ed_refuse(doc, v, _("its last value is empty and has no place of its own in "
					"the text"));
	size_t ls = ed_line_start(doc, (*k)->start);
	for (size_t i = ls; i < (*k)->start; i++)
		if (doc->src[i] != ' ')
			return ed_refuse(doc, *k, _("it does not start on a line of its own"));
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
	size_t at, col = 0;
	if (k) { /* at after:'s column, which starts its line (a tag may come before a key) */
		col = ed_column(doc, k->start);
		at = ed_after_comments(doc, end, col + 1);
	} else if (after) { /* no such key: at the end, like any new key */
		return yedit_map_append(e, doc, map, key, value);
	} else { /* above the first key, as its line is indented */
		at = ed_line_start(doc, first->start);
		while (doc->src[at + col] == ' ')
			col++;
	}
	struct buf b = {0};
	put_pair_lines(&b, doc, key, value, col);
	if (!k && !after) { /* before the first key: a line of its own */
		buf_puts(&b, yaml_newline(doc));
		edits_add(e, at, 0, b.s, b.len);
	} else
		ed_insert_lines(e, doc, at, &b);
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

/* Where a comment starts at or after off on off's line, before end: its
 * "#", or end. */
static size_t comment_on_line(const struct ydoc *doc, size_t off, size_t end)
{
	const char *s = doc->src;
	for (; off < end && s[off] != '\n'; off++)
		if (s[off] == '#' && (off == 0 || strchr(" \t\n", s[off - 1])) &&
		    !ed_in_scalar(doc->root, off, 0))
			return off;
	return end;
}

/* The comments of the replaced text [from, end) go along into the pair
 * that replaces it (pair, the new lines, the key on the first): the key
 * line's stays after the new key, the others follow it as lines at
 * column col.  A coach's note on a budget outlives its becoming grants. */
static void keep_comments(const struct ydoc *doc, size_t from, size_t end, size_t col,
			  struct buf *pair)
{
	const char *s = doc->src;
	struct buf lines = {0}, key_note = {0};
	for (size_t at = from; at < end; at = ed_after_line(doc, at)) {
		size_t c = comment_on_line(doc, at, end), stop = c;
		while (stop < end && s[stop] != '\n' && s[stop] != '\r')
			stop++;
		if (c == end)
			continue;
		if (at == from) { /* after the key, as far from it as it was */
			size_t gap = c;
			while (gap > from && (s[gap - 1] == ' ' || s[gap - 1] == '\t'))
				gap--;
			buf_add(&key_note, s + gap, stop - gap);
			continue;
		}
		buf_puts(&lines, yaml_newline(doc));
		buf_printf(&lines, "%*s", (int)col, "");
		buf_add(&lines, s + c, stop - c);
	}
	size_t eol = strcspn(buf_str(pair), "\r\n");
	struct buf out = {0};
	buf_add(&out, pair->s, eol);
	buf_add(&out, buf_str(&key_note), key_note.len);
	buf_add(&out, buf_str(&lines), lines.len);
	buf_puts(&out, buf_str(pair) + eol);
	buf_free(pair);
	*pair = out;
	buf_free(&lines);
	buf_free(&key_note);
}

int yedit_map_replace_pair(struct edits *e, const struct ydoc *doc, const struct ynode *map,
			   const char *key, const char *newkey, const char *value)
{
	struct ynode *k = NULL;
	size_t end = 0;
	if (block_pair(doc, map, key, &k, &end) < 0)
		return -1;
	if (!k)
		return ed_refuse(doc, map, _("the key to replace is not there"));
	struct buf b = {0};
	size_t col = ed_column(doc, k->start);
	put_pair_lines(&b, doc, newkey, value, col);
	size_t step = ed_step_of(doc, value[0] == '\n' && value[1] == '-' ? Y_SEQ : Y_MAP);
	keep_comments(doc, k->start, end, col + step, &b);
	edits_add(e, k->start, end - k->start, b.s + col, b.len - col);
	buf_free(&b);
	return 0;
}
