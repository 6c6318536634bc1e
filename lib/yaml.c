/* yaml.c: libyaml's events built into a tree whose every node remembers the
 * bytes it came from, so that a plan can be edited in place and every
 * problem shown where it is.  Aliases point at their anchor's node and are
 * never copied, so an alias "bomb" costs no more than its own text.  The
 * plans cp-new writes are read without libyaml, into the same tree
 * (yamlfast.c); libyaml reads whatever that reader leaves. */
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "yamlread.h"

/* The byte offset of libyaml's character index, walked on from the last. */
static size_t byte_of(struct cursor *c, size_t index)
{
	while (c->chars < index && c->bytes < c->len) {
		unsigned char b = c->s[c->bytes];
		if (b < 0x80) { /* plans are mostly ASCII: one byte, one character */
			size_t run = index - c->chars, left = c->len - c->bytes, i = 0;
			for (run = run < left ? run : left; i < run && c->s[c->bytes + i] < 0x80; i++)
				;
			c->bytes += i;
			c->chars += i;
			continue;
		}
		c->bytes += b < 0x80 ? 1 : b < 0xe0 ? 2 : b < 0xf0 ? 3 : 4;
		c->chars++;
	}
	while (c->chars > index && c->bytes > 0) {
		do
			c->bytes--;
		while (c->bytes > 0 && (c->s[c->bytes] & 0xc0) == 0x80);
		c->chars--;
	}
	return c->bytes > c->len ? c->len : c->bytes;
}


static int fail(struct builder *b, size_t off, size_t span, const char *hint, const char *msg)
{
	struct srcpos at = {b->doc->file, 0, b->doc->src, b->doc->len, off, span};
	return cp_err_at(EX_DATAERR, &at, hint, "%s", msg);
}

static size_t off_of(struct builder *b, yaml_mark_t m)
{
	return b->bom + byte_of(&b->cur, m.index);
}

/* libyaml's own words, with ours where we have better ones. */
static const struct {
	const char *problem, *message, *hint;
} problems[] = {
	{"found character that cannot start any token",
	 N_("this character cannot start a value"),
	 N_("YAML does not allow tabs for indenting; a text that starts with @ ` % or | needs quotes")},
	{"mapping values are not allowed in this context",
	 N_("a colon followed by a space is not allowed here"),
	 N_("put the value in quotes when it holds ': '")},
	{"did not find expected key",
	 N_("expected a key here"),
	 N_("check the indentation of this line and the one above")},
	{"did not find expected '-' indicator",
	 N_("expected a list item (- ) here"),
	 N_("check the indentation of this line and the one above")},
	{"found unexpected end of stream",
	 N_("the file ends inside a quoted text or a list"),
	 N_("close the quote or bracket that was opened")},
	{"found unknown escape character",
	 N_("unknown escape in a double-quoted text"),
	 N_("write a backslash as \\\\ or use single quotes")},
	{"could not find expected ':'",
	 N_("expected a colon after this key"),
	 N_("a key and its value are written with a colon and a space between: funder: uwv")},
	{"found undefined tag handle",
	 N_("unknown tag"),
	 NULL},
	{"did not find expected ',' or ']'",
	 N_("this [ list is not closed, or two of its items have no comma between them"),
	 N_("close it with ], and write a comma and a space between items: [a, b]")},
	{"did not find expected ',' or '}'",
	 N_("this { mapping is not closed, or two of its keys have no comma between them"),
	 N_("close it with }, and write a comma and a space between keys: {G1: achieved, G2: open}")},
	{"did not find expected node content",
	 N_("expected a value here"),
	 N_("a text that starts with [ ] { } or , needs quotes; a [ or { opened before needs its ] or }")},
	{"block sequence entries are not allowed in this context",
	 N_("a list item (- ) cannot stand on the line of its key"),
	 N_("write the items on the lines below the key, indented, or put the text in quotes")},
	{"did not find expected <document start>",
	 N_("a second document is not allowed"),
	 N_("a plan file holds one YAML document")},
	{"control characters are not allowed",
	 N_("control characters are not allowed"),
	 N_("remove the invisible character (a NUL byte or similar) from the file")},
	{"invalid leading UTF-8 octet",
	 N_("the file is not valid UTF-8"),
	 N_("save the file as UTF-8")},
	{"invalid trailing UTF-8 octet",
	 N_("the file is not valid UTF-8"),
	 N_("save the file as UTF-8")},
	{"incomplete UTF-8 octet sequence",
	 N_("the file ends in the middle of a UTF-8 character"),
	 N_("save the file as UTF-8")},
	{"invalid Unicode character",
	 N_("the file is not valid UTF-8"),
	 N_("save the file as UTF-8")},
	{"invalid length of a UTF-8 sequence",
	 N_("the file is not valid UTF-8"),
	 N_("save the file as UTF-8")},
};

/* libyaml names the first byte that does not continue a UTF-8 sequence;
 * the fault the user must mend is the character that sequence began. */
static size_t broken_char(const char *src, size_t off)
{
	size_t i = off;
	while (i > 0 && off - i < 3 && ((unsigned char)src[i - 1] & 0xc0) == 0x80)
		i--;
	return i > 0 && (unsigned char)src[i - 1] >= 0xc0 ? i - 1 : off;
}

/* libyaml's problems where something stands where the next key, item or
 * comma should */
static const char *const leftovers[] = {
	"did not find expected key", "did not find expected '-' indicator",
	"did not find expected ',' or ']'", "did not find expected ',' or '}'", NULL};
/* and those it finds where it stopped, though the mistake is where the
 * key (funder:uwv, no space) or the unclosed [ or { began */
static const char *const begun[] = {"could not find expected ':'",
				    "did not find expected ',' or ']'",
				    "did not find expected ',' or '}'", NULL};

static int one_of(const char *problem, const char *const *list)
{
	for (; *list; list++)
		if (!strcmp(problem, *list))
			return 1;
	return 0;
}

/* Whether the last thing before off on its line is a closing quote. */
static int after_quote(const char *src, size_t off)
{
	while (off > 0 && src[off - 1] == ' ')
		off--;
	return off > 0 && (src[off - 1] == '\'' || src[off - 1] == '"');
}

static int parse_error(struct builder *b)
{
	yaml_parser_t *p = &b->parser;
	const char *problem = p->problem ? p->problem : "syntax error";
	size_t off = p->error == YAML_READER_ERROR ? b->bom + p->problem_offset
						    : off_of(b, p->problem_mark);
	if (p->error == YAML_MEMORY_ERROR)
		return cp_err(EX_OSERR, _("%s: out of memory"), b->doc->file);
	long merge = conflict_marker(b->doc->src, b->doc->len);
	if (merge >= 0) { /* the cause, wherever libyaml stumbled */
		struct srcpos at = {b->doc->file, 0, b->doc->src, b->doc->len, (size_t)merge, 0};
		return conflict_err(&at);
	}
	if (p->error == YAML_READER_ERROR && !strcmp(problem, "invalid trailing UTF-8 octet"))
		off = broken_char(b->doc->src, off);
	/* a tab at the start of a line, or before a list item: libyaml says
	 * it three ways */
	if ((!strcmp(problem, "found character that cannot start any token") ||
	     strstr(problem, "tab character")) &&
	    off < b->doc->len && b->doc->src[off] == '\t')
		return fail(b, off, 1, _("indent with spaces, two for each level"),
			    _("a tab cannot indent YAML"));
	/* "* bellen", as a list item is written in Markdown or an e-mail */
	if (!strcmp(problem, "did not find expected alphabetic or numeric character") &&
	    p->context) {
		off = off_of(b, p->context_mark);
		int star = off < b->doc->len && b->doc->src[off] == '*';
		return fail(b, off, 1,
			    star ? _("a list item starts with - and a space; a text that starts "
				     "with * needs quotes")
				 : _("a text that starts with & needs quotes"),
			    star ? _("an alias (*name) needs its name right after the *")
				 : _("an anchor (&name) needs its name right after the &"));
	}
	/* 'it's': the quote inside ended the text, and the rest is left over */
	if (after_quote(b->doc->src, off) && one_of(problem, leftovers))
		return fail(b, off, 0,
			    _("in single quotes write a quote twice ('it''s'); in double quotes "
			      "as \\\""),
			    _("more text after the closing quote"));
	if (p->context && one_of(problem, begun))
		off = off_of(b, p->context_mark);
	for (size_t i = 0; i < sizeof problems / sizeof *problems; i++)
		if (!strcmp(problem, problems[i].problem))
			return fail(b, off, 0, problems[i].hint ? _(problems[i].hint) : NULL,
				    _(problems[i].message));
	char msg[256];
	snprintf(msg, sizeof msg, "%s%s%s", p->context ? p->context : "", p->context ? ": " : "",
		 problem);
	return fail(b, off, 0, NULL, msg);
}

static void push_kid(struct builder *b, struct ynode *n)
{
	if (b->nkids == b->capkids) {
		b->capkids = b->capkids ? 2 * b->capkids : 64;
		b->kids = xreallocarray(b->kids, b->capkids, sizeof *b->kids);
	}
	b->kids[b->nkids++] = n;
}

struct ynode *yb_node(struct builder *b, int kind, size_t start, size_t end)
{
	struct ynode *n = arena_alloc(b->arena, sizeof *n);
	memset(n, 0, sizeof *n);
	n->kind = (uint8_t)kind;
	n->start = (uint32_t)start;
	n->end = (uint32_t)end;
	return n;
}

int yb_place(struct builder *b, struct ynode *n)
{
	if (++b->nodes > PLAN_MAX_NODES)
		return fail(b, n->start, 0, NULL, _("too many values in one file"));
	if (b->depth == 0) {
		if (b->root)
			return fail(b, n->start, 0, _("a plan file holds one YAML document"),
				    _("a second document is not allowed"));
		b->root = n;
		return 0;
	}
	push_kid(b, n);
	return 0;
}

static int add_anchor(struct builder *b, const yaml_char_t *name, struct ynode *n)
{
	if (!name)
		return 0;
	if (b->nanchors == MAX_ANCHORS)
		return fail(b, n->start, 0, NULL, _("too many anchors in one file"));
	if (!b->anchors)
		b->anchors = xreallocarray(NULL, MAX_ANCHORS, sizeof *b->anchors);
	b->anchors[b->nanchors].name = arena_strndup(b->arena, (const char *)name,
						      strlen((const char *)name));
	b->anchors[b->nanchors++].node = n;
	n->flags |= YF_ANCHORED;
	return 0;
}

/* Past the anchor and tag in front of a scalar, to where its text begins. */
static size_t value_start(const char *src, size_t start, size_t end)
{
	size_t i = start;
	while (i < end && (src[i] == '&' || src[i] == '!')) {
		while (i < end && src[i] != ' ' && src[i] != '\t' && src[i] != '\n' && src[i] != '\r')
			i++;
		while (i < end && (src[i] == ' ' || src[i] == '\t' || src[i] == '\n' || src[i] == '\r'))
			i++;
	}
	return i < end ? i : start;
}

/* libyaml's mark for a block text (| or >) is past its trailing line breaks
 * and the next line's indentation.  Its range ends at its last character;
 * where it keeps its final line breaks (|+), before the last of those, so
 * that a line added after the block's last line comes after all it keeps. */
static size_t block_end(const char *src, size_t start, size_t end)
{
	int keep = 0;
	for (size_t i = start + 1; i < end && !strchr(" \t\r\n#", src[i]); i++)
		keep |= src[i] == '+';
	if (!keep) {
		while (end > start + 1 && strchr(" \t\r\n", src[end - 1]))
			end--;
		return end;
	}
	while (end > start + 1 && strchr(" \t", src[end - 1]))
		end--;
	if (end > start + 1 && src[end - 1] == '\n')
		end--;
	if (end > start + 1 && src[end - 1] == '\r')
		end--;
	return end;
}

static int scalar(struct builder *b, yaml_event_t *e)
{
	size_t start = off_of(b, e->start_mark), end = off_of(b, e->end_mark);
	static const uint8_t styles[] = {
		[YAML_PLAIN_SCALAR_STYLE] = Y_PLAIN, [YAML_SINGLE_QUOTED_SCALAR_STYLE] = Y_SQUOTED,
		[YAML_DOUBLE_QUOTED_SCALAR_STYLE] = Y_DQUOTED,
		[YAML_LITERAL_SCALAR_STYLE] = Y_LITERAL, [YAML_FOLDED_SCALAR_STYLE] = Y_FOLDED};
	int style = e->data.scalar.style <= YAML_FOLDED_SCALAR_STYLE ? e->data.scalar.style : 0;
	if (e->data.scalar.anchor || e->data.scalar.tag)
		start = value_start(b->doc->src, start, end);
	if (styles[style] == Y_LITERAL || styles[style] == Y_FOLDED)
		end = block_end(b->doc->src, start, end);
	struct ynode *n = yb_node(b, Y_SCALAR, start, end);
	n->style = styles[style];
	if (e->data.scalar.tag)
		n->flags |= YF_TAGGED;
	n->n = (uint32_t)e->data.scalar.length;
	n->u.str = arena_strndup(b->arena, (const char *)e->data.scalar.value, e->data.scalar.length);
	if (yb_place(b, n) < 0)
		return -1;
	return add_anchor(b, e->data.scalar.anchor, n);
}

static int alias(struct builder *b, yaml_event_t *e)
{
	size_t start = off_of(b, e->start_mark), end = off_of(b, e->end_mark);
	struct ynode *n = yb_node(b, Y_ALIAS, start, end);
	for (int i = b->nanchors - 1; i >= 0; i--)
		if (!strcmp(b->anchors[i].name, (const char *)e->data.alias.anchor)) {
			n->u.target = b->anchors[i].node;
			for (int d = 0; d < b->depth; d++) /* [*a] inside &a: a tree with a loop */
				if (b->stack[d].node == n->u.target)
					return fail(b, start, end - start,
						    _("an alias may only refer to a value that is complete"),
						    _("alias inside the value it refers to"));
			return yb_place(b, n);
		}
	return fail(b, start, end - start, _("define the anchor (&name) before its alias (*name)"),
		    _("unknown alias"));
}

static int open_collection(struct builder *b, yaml_event_t *e, int kind)
{
	size_t start = off_of(b, e->start_mark);
	if (b->depth == PLAN_MAX_DEPTH)
		return fail(b, start, 0, NULL, _("values are nested too deeply"));
	int flow = kind == Y_MAP ? e->data.mapping_start.style == YAML_FLOW_MAPPING_STYLE
				 : e->data.sequence_start.style == YAML_FLOW_SEQUENCE_STYLE;
	const yaml_char_t *anchor = kind == Y_MAP ? e->data.mapping_start.anchor
						  : e->data.sequence_start.anchor;
	const yaml_char_t *tag = kind == Y_MAP ? e->data.mapping_start.tag
					       : e->data.sequence_start.tag;
	struct ynode *n = yb_node(b, kind, start, start);
	n->style = flow ? Y_FLOW : Y_BLOCK;
	if (tag)
		n->flags |= YF_TAGGED;
	if (yb_place(b, n) < 0 || add_anchor(b, anchor, n) < 0)
		return -1;
	b->stack[b->depth].node = n;
	b->stack[b->depth++].base = b->nkids;
	return 0;
}

static int key_cmp(const void *a, const void *b)
{
	const struct ynode *x = *(struct ynode *const *)a, *y = *(struct ynode *const *)b;
	int c = memcmp(x->u.str, y->u.str, x->n < y->n ? x->n : y->n);
	if (!c)
		c = cmp_num(x->n, y->n);
	return c ? c : cmp_num(x->start, y->start);
}

static int same_key(const struct ynode *a, const struct ynode *b)
{
	return a->n == b->n && !memcmp(a->u.str, b->u.str, a->n);
}

static void duplicate(struct builder *b, struct ynode *first, struct ynode *again)
{
	char hint[160];
	unsigned long line, col;
	struct srcpos at;
	if (cp_errors_silent()) { /* a trial read: no hint to work out */
		ynode_pos(b->doc, again, &at);
		cp_err_at(EX_DATAERR, &at, NULL, "%s", _("duplicate key"));
		b->bad = 1;
		return;
	}
	ynode_pos(b->doc, first, &at);
	srcpos_linecol(&at, &line, &col);
	snprintf(hint, sizeof hint, _("the first %s is on line %lu; keep one of them"),
		 quote(again->u.str, again->n), line);
	ynode_pos(b->doc, again, &at);
	cp_err_at(EX_DATAERR, &at, hint, _("duplicate key %s"), quote(again->u.str, again->n));
	b->bad = 1;
}

#define FEW_KEYS 16 /* compared pairwise, without allocating; more are sorted */

/* libyaml accepts a key twice, and a list or mapping as a key; YAML does
 * not allow the first and a plan has no use for the second.  Neither
 * leaves the tree broken, so parsing goes on and every one in the file is
 * reported in the same run. */
/* Whether every key is a text and none is there twice, as in nearly
 * every mapping: then check_keys has nothing to say. */
static int keys_fine(const struct ynode *map)
{
	if (map->n > 64)
		return 0;
	for (uint32_t i = 0; i < map->n; i++) {
		const struct ynode *k = map->u.kids[2 * i];
		if (k->kind != Y_SCALAR)
			return 0;
		for (uint32_t j = 0; j < i; j++) {
			const struct ynode *o = map->u.kids[2 * j];
			if (o->n == k->n && (!k->n || o->u.str[0] == k->u.str[0]) && same_key(o, k))
				return 0;
		}
	}
	return 1;
}

static void check_keys(struct builder *b, struct ynode *map)
{
	if (keys_fine(map))
		return;
	struct ynode *few[FEW_KEYS];
	struct ynode **keys = map->n <= FEW_KEYS ? few : xreallocarray(NULL, map->n, sizeof *keys);
	size_t n = 0;
	for (size_t i = 0; i < map->n; i++) {
		struct ynode *k = yderef(map->u.kids[2 * i]);
		if (k->kind == Y_SCALAR) {
			keys[n++] = k;
			continue;
		}
		fail(b, map->u.kids[2 * i]->start, 0, _("write the key as plain text"),
		     _("a key must be a text, not a list or mapping"));
		b->bad = 1;
	}
	if (n <= FEW_KEYS) {
		for (size_t i = 1; i < n; i++)
			for (size_t j = 0; j < i; j++)
				if (same_key(keys[i], keys[j])) {
					duplicate(b, keys[j], keys[i]);
					break;
				}
	} else {
		qsort(keys, n, sizeof *keys, key_cmp);
		for (size_t i = 1; i < n; i++)
			if (same_key(keys[i], keys[i - 1]))
				duplicate(b, keys[i - 1], keys[i]);
	}
	if (keys != few)
		free(keys);
}

/* The collection on top of the stack gets its children; its node. */
struct ynode *yb_close_top(struct builder *b)
{
	struct frame *f = &b->stack[--b->depth];
	struct ynode *n = f->node;
	size_t count = b->nkids - f->base;
	n->u.kids = arena_alloc(b->arena, (count ? count : 1) * sizeof *n->u.kids);
	if (count) /* b->kids is still NULL in a file whose collections are all empty */
		memcpy(n->u.kids, b->kids + f->base, count * sizeof *n->u.kids);
	b->nkids = f->base;
	n->n = (uint32_t)(n->kind == Y_MAP ? count / 2 : count);
	if (count) /* a block collection ends where its last value does, not at the next token */
		n->end = n->u.kids[count - 1]->end;
	return n;
}

static int close_collection(struct builder *b, yaml_event_t *e)
{
	struct ynode *n = yb_close_top(b);
	if (n->style == Y_FLOW || n->n == 0)
		n->end = (uint32_t)off_of(b, e->end_mark);
	if (n->kind == Y_MAP && n->n > 0)
		check_keys(b, n);
	return 0;
}

/* The keys of every mapping, in the order libyaml's reader closes them. */
static void check_tree(struct builder *b, struct ynode *n)
{
	if (n->kind != Y_MAP && n->kind != Y_SEQ)
		return;
	for (uint32_t i = 0; i < (n->kind == Y_MAP ? 2 * n->n : n->n); i++)
		check_tree(b, n->u.kids[i]);
	if (n->kind == Y_MAP && n->n > 0)
		check_keys(b, n);
}

static int event(struct builder *b, yaml_event_t *e, int *done)
{
	switch (e->type) {
	case YAML_DOCUMENT_START_EVENT:
		if (b->docs++)
			return fail(b, off_of(b, e->start_mark), 3, _("a plan file holds one YAML document"),
				    _("a second document is not allowed"));
		return 0;
	case YAML_SCALAR_EVENT:
		return scalar(b, e);
	case YAML_ALIAS_EVENT:
		return alias(b, e);
	case YAML_SEQUENCE_START_EVENT:
		return open_collection(b, e, Y_SEQ);
	case YAML_MAPPING_START_EVENT:
		return open_collection(b, e, Y_MAP);
	case YAML_SEQUENCE_END_EVENT:
	case YAML_MAPPING_END_EVENT:
		return close_collection(b, e);
	case YAML_STREAM_END_EVENT:
		*done = 1;
		return 0;
	default:
		return 0;
	}
}

/* Characters that change what a plan means while no editor shows them:
 * a byte order mark after the start (YAML allows one only in front;
 * libyaml keeps it in a value or stumbles over it at a key), and NEL,
 * LS and PS, which libyaml takes for line breaks as YAML 1.1 did, where
 * YAML 1.2 and every editor see a character in the line ("name: A<NEL>
 * x: y" reads as two keys).  planfmt writes them escaped in quotes.  And
 * a carriage return alone, a line break to libyaml only. */
static int invisible(struct builder *b, const char *src, size_t len)
{
	static const struct {
		const char *bytes, *message, *hint;
	} marks[] = {
		{"\xef\xbb\xbf", N_("an invisible byte order mark (U+FEFF) inside the file"),
		 N_("remove it; the file may start with one, nowhere else")},
		{"\xc2\x85", N_("a next-line character (U+0085), which YAML readers differ on"),
		 N_("remove it, or write it as \\N inside double quotes")},
		{"\xe2\x80\xa8", N_("a line separator (U+2028), which YAML readers differ on"),
		 N_("remove it, or write it as \\L inside double quotes")},
		{"\xe2\x80\xa9", N_("a paragraph separator (U+2029), which YAML readers differ on"),
		 N_("remove it, or write it as \\P inside double quotes")},
	};
	const char *first = NULL;
	size_t which = 0;
	/* one pass for all four: each starts with a byte of 0xc2 or above,
	 * which most of a plan's bytes are not */
	for (const char *p = src + b->bom, *end = src + len; p < end && !first; p++) {
		if ((unsigned char)*p < 0xc2)
			continue;
		for (size_t i = 0; i < sizeof marks / sizeof *marks; i++) {
			size_t n = strlen(marks[i].bytes);
			if ((size_t)(end - p) >= n && !memcmp(p, marks[i].bytes, n)) {
				first = p, which = i;
				break;
			}
		}
	}
	/* a carriage return alone breaks the line for libyaml, not for the
	 * positions in messages (and not in most editors) */
	for (const char *cr = src; (cr = memchr(cr, '\r', len - (size_t)(cr - src))); cr++)
		if (cr + 1 == src + len || cr[1] != '\n') {
			if (!first || cr < first)
				return fail(b, (size_t)(cr - src), 1,
					    _("save the file with LF or CRLF line ends"),
					    _("a carriage return without a line feed"));
			break;
		}
	if (!first)
		return 0;
	return fail(b, (size_t)(first - src), strlen(marks[which].bytes), _(marks[which].hint),
		    _(marks[which].message));
}

static int libyaml_read(struct builder *b)
{
	int rc = 0;
	yaml_parser_initialize(&b->parser);
	yaml_parser_set_encoding(&b->parser, YAML_UTF8_ENCODING);
	yaml_parser_set_input_string(&b->parser, b->cur.s, b->cur.len);
	for (int done = 0; !done && rc == 0;) {
		yaml_event_t e;
		if (!yaml_parser_parse(&b->parser, &e)) {
			rc = parse_error(b);
			break;
		}
		rc = event(b, &e, &done);
		yaml_event_delete(&e);
	}
	yaml_parser_delete(&b->parser);
	return rc;
}

int ydoc_parse(struct ydoc *doc, struct arena *a, const char *file, const char *src, size_t len)
{
	return ydoc_parse_how(doc, a, file, src, len, YPARSE_ANY);
}

int ydoc_parse_how(struct ydoc *doc, struct arena *a, const char *file, const char *src,
		   size_t len, int how)
{
	*doc = (struct ydoc){.file = file, .src = src, .len = len};
	struct builder *b = xcalloc(1, sizeof *b);
	b->doc = doc;
	b->arena = a;
	if (len >= 3 && !memcmp(src, "\xef\xbb\xbf", 3))
		b->bom = 3;
	b->cur.s = (const unsigned char *)src + b->bom;
	b->cur.len = len - b->bom;
	/* invisible() finds nothing where yfast_bytes passes */
	int clean = !b->bom && yfast_bytes((const unsigned char *)src, len);
	if ((!clean || how == YPARSE_LIBYAML) && invisible(b, src, len) < 0) {
		free(b);
		return -1;
	}
	int rc = 0;
	if (how != YPARSE_LIBYAML && clean && yfast_read(b, src, len) == 0)
		check_tree(b, b->root);
	else if (how == YPARSE_FAST) {
		free(b->kids);
		free(b);
		return 1;
	} else {
		b->root = NULL; /* what the fast reader began is left to the arena */
		b->depth = 0;
		b->nkids = b->nodes = 0;
		rc = libyaml_read(b);
	}
	doc->root = rc == 0 ? b->root : NULL; /* a tree only where the whole text was read */
	if (rc == 0 && b->bad)
		rc = -1;
	free(b->kids);
	free(b->anchors);
	free(b);
	return rc;
}

struct ynode *yderef(struct ynode *n)
{
	while (n && n->kind == Y_ALIAS)
		n = n->u.target;
	return n;
}

/* The pair of map (an alias followed) whose key is key, or -1.  The first
 * bytes are compared before the rest: most keys differ there. */
static long ymap_pair(struct ynode **map, const char *key)
{
	*map = yderef(*map);
	if (!*map || (*map)->kind != Y_MAP)
		return -1;
	size_t len = strlen(key);
	for (uint32_t i = 0; i < (*map)->n; i++) {
		struct ynode *k = yderef((*map)->u.kids[2 * i]);
		if (k->kind == Y_SCALAR && k->n == len && k->u.str[0] == key[0] &&
		    !memcmp(k->u.str, key, len))
			return i;
	}
	return -1;
}

struct ynode *ymap_key(struct ynode *map, const char *key)
{
	long i = ymap_pair(&map, key);
	return i < 0 ? NULL : map->u.kids[2 * i];
}

struct ynode *ymap_get(struct ynode *map, const char *key)
{
	long i = ymap_pair(&map, key);
	return i < 0 ? NULL : map->u.kids[2 * i + 1];
}

struct ynode *ymap_item(struct ynode *map, const char *key, size_t i)
{
	struct ynode *l = yderef(ymap_get(map, key));
	return l && l->kind == Y_SEQ && i < l->n ? yderef(l->u.kids[i]) : l;
}

int yscalar_null(const struct ynode *n)
{
	if (n->kind != Y_SCALAR || n->style != Y_PLAIN || (n->flags & YF_TAGGED))
		return 0;
	return n->n == 0 || !strcmp(n->u.str, "~") || !strcmp(n->u.str, "null") ||
	       !strcmp(n->u.str, "Null") || !strcmp(n->u.str, "NULL");
}

void ynode_pos(const struct ydoc *doc, const struct ynode *n, struct srcpos *at)
{
	at->file = doc->file;
	at->line = 0;
	at->text = doc->src;
	at->len = doc->len;
	at->off = n->start;
	at->span = n->end > n->start ? n->end - n->start : 0;
}
