/* yaml.c: libyaml's events built into a tree whose every node remembers the
 * bytes it came from, so that a plan can be edited in place and every
 * problem shown where it is.  Aliases point at their anchor's node and are
 * never copied, so an alias "bomb" costs no more than its own text. */
#include <stdlib.h>
#include <string.h>
#include <yaml.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "ytree.h"

/* libyaml counts characters, not bytes; its marks are mapped back to byte
 * offsets by walking the UTF-8 text from the last mark. */
struct cursor {
	const unsigned char *s;
	size_t len, chars, bytes;
};

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

struct frame {
	struct ynode *node;
	size_t base; /* where its children start on the kid stack */
};

struct anchor {
	const char *name;
	struct ynode *node;
};

#define MAX_ANCHORS 1000

struct builder {
	struct ydoc *doc;
	struct arena *arena;
	yaml_parser_t parser;
	struct cursor cur;
	size_t bom; /* bytes of byte order mark before what libyaml sees */
	struct frame stack[PLAN_MAX_DEPTH];
	int depth;
	struct ynode **kids;
	size_t nkids, capkids;
	struct anchor *anchors; /* allocated on the first anchor: most plans have none */
	int nanchors;
	size_t nodes;
	struct ynode *root;
	int docs;
	int bad; /* faults that leave the tree whole: reported, and parsing goes on */
};

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

static struct ynode *new_node(struct builder *b, int kind, size_t start, size_t end)
{
	struct ynode *n = arena_alloc(b->arena, sizeof *n);
	memset(n, 0, sizeof *n);
	n->kind = (uint8_t)kind;
	n->start = (uint32_t)start;
	n->end = (uint32_t)end;
	return n;
}

static int place(struct builder *b, struct ynode *n)
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
	struct ynode *n = new_node(b, Y_SCALAR, start, end);
	n->style = styles[style];
	if (e->data.scalar.tag)
		n->flags |= YF_TAGGED;
	n->n = (uint32_t)e->data.scalar.length;
	n->u.str = arena_strndup(b->arena, (const char *)e->data.scalar.value, e->data.scalar.length);
	if (place(b, n) < 0)
		return -1;
	return add_anchor(b, e->data.scalar.anchor, n);
}

static int alias(struct builder *b, yaml_event_t *e)
{
	size_t start = off_of(b, e->start_mark), end = off_of(b, e->end_mark);
	struct ynode *n = new_node(b, Y_ALIAS, start, end);
	for (int i = b->nanchors - 1; i >= 0; i--)
		if (!strcmp(b->anchors[i].name, (const char *)e->data.alias.anchor)) {
			n->u.target = b->anchors[i].node;
			for (int d = 0; d < b->depth; d++) /* [*a] inside &a: a tree with a loop */
				if (b->stack[d].node == n->u.target)
					return fail(b, start, end - start,
						    _("an alias may only refer to a value that is complete"),
						    _("alias inside the value it refers to"));
			return place(b, n);
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
	struct ynode *n = new_node(b, kind, start, start);
	n->style = flow ? Y_FLOW : Y_BLOCK;
	if (tag)
		n->flags |= YF_TAGGED;
	if (place(b, n) < 0 || add_anchor(b, anchor, n) < 0)
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
static struct ynode *close_top(struct builder *b)
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
	struct ynode *n = close_top(b);
	if (n->style == Y_FLOW || n->n == 0)
		n->end = (uint32_t)off_of(b, e->end_mark);
	if (n->kind == Y_MAP && n->n > 0)
		check_keys(b, n);
	return 0;
}

/* A block collection of the fast reader, which has a child at least; its
 * keys are checked once the whole text is read (check_tree). */
static int close_block(struct builder *b)
{
	close_top(b);
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

/* ---- the fast reader: the YAML plans are written in, without libyaml ----
 *
 * Most plans are block mappings and lists of one-line values, written by
 * cp-new or by hand after it.  Those are read here, byte by byte, into
 * the tree libyaml's events would build, node for node and offset for
 * offset; anything else (flow style, block texts, anchors, tags, escapes,
 * a value over two lines, tabs, carriage returns, a byte order mark,
 * control characters, broken UTF-8, whatever libyaml would refuse) makes
 * it give up without a word, and libyaml reads the file from the start,
 * so that every message stays libyaml's.  tests/fuzz/fuzz-plan.c holds
 * the two equal. */

struct fast {
	struct builder *b;
	const char *s;
	size_t len;
};

#define NO_LINE ((size_t)-1)

/* Whether libyaml reads every byte as it stands and invisible() finds
 * nothing: newlines, printable ASCII and UTF-8 of the characters YAML
 * allows (no C1 controls, no surrogates, no U+FFFE or U+FFFF), and none
 * of a byte order mark, NEL, LS or PS; no tab and no carriage return. */
static int fast_bytes(const unsigned char *s, size_t len)
{
	for (size_t i = 0; i < len;) {
#ifdef __SSE2__
		/* sixteen bytes of printable ASCII and newlines at a time */
		while (len - i >= 16) {
			__m128i v = _mm_loadu_si128((const __m128i *)(s + i));
			__m128i low = _mm_cmplt_epi8(v, _mm_set1_epi8(0x20)); /* and 0x80 up */
			__m128i nl = _mm_cmpeq_epi8(v, _mm_set1_epi8('\n'));
			__m128i del = _mm_cmpeq_epi8(v, _mm_set1_epi8(0x7f));
			unsigned m = (unsigned)_mm_movemask_epi8(_mm_or_si128(_mm_andnot_si128(nl, low), del));
			if (m) {
				i += (size_t)__builtin_ctz(m);
				break;
			}
			i += 16;
		}
		if (i == len)
			break;
#endif
		unsigned c = s[i];
		if (c < 0x80) {
			if ((c < 0x20 && c != '\n') || c == 0x7f)
				return 0;
			i++;
			continue;
		}
		unsigned v;
		size_t n;
		if (c >= 0xc2 && c < 0xe0)
			v = c & 0x1f, n = 2;
		else if (c >= 0xe0 && c < 0xf0)
			v = c & 0x0f, n = 3;
		else if (c >= 0xf0 && c < 0xf5)
			v = c & 0x07, n = 4;
		else
			return 0;
		if (len - i < n)
			return 0;
		for (size_t k = 1; k < n; k++) {
			if ((s[i + k] & 0xc0) != 0x80)
				return 0;
			v = v << 6 | (s[i + k] & 0x3f);
		}
		if ((n == 3 && v < 0x800) || (n == 4 && (v < 0x10000 || v > 0x10ffff)) ||
		    (v >= 0x80 && v < 0xa0) || (v >= 0xd800 && v < 0xe000) || v == 0x2028 ||
		    v == 0x2029 || v == 0xfeff || v == 0xfffe || v == 0xffff)
			return 0;
		i += n;
	}
	return 1;
}

/* The first character of the next line that holds more than spaces and
 * a comment, from the line that starts at *line (moved to that line's
 * start); NO_LINE at the end. */
static size_t fast_content(const struct fast *f, size_t *line)
{
	size_t i = *line;
	while (i < f->len) {
		size_t start = i;
		while (i < f->len && f->s[i] == ' ')
			i++;
		if (i < f->len && f->s[i] != '\n' && f->s[i] != '#') {
			*line = start;
			return i;
		}
		const char *nl = memchr(f->s + i, '\n', f->len - i);
		i = nl ? (size_t)(nl - f->s) + 1 : f->len;
	}
	*line = f->len;
	return NO_LINE;
}

static size_t fast_eol(const struct fast *f, size_t i)
{
	const char *nl = memchr(f->s + i, '\n', f->len - i);
	return nl ? (size_t)(nl - f->s) + 1 : f->len;
}

static int key_char(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       c == '_' || c == '.' || c == '-' || c == '/';
}

/* A plain key of letters, digits and _ . - / followed by ": " or ":" at
 * the line's end: the offset of its colon, else 0. */
static size_t fast_key(const struct fast *f, size_t i)
{
	const char *s = f->s;
	if (i >= f->len || !key_char((unsigned char)s[i]) || s[i] == '.' || s[i] == '-' || s[i] == '/')
		return 0;
	size_t k = i;
	while (k < f->len && k - i < 1000 && key_char((unsigned char)s[k]))
		k++;
	if (k >= f->len || s[k] != ':')
		return 0;
	return k + 1 == f->len || s[k + 1] == ' ' || s[k + 1] == '\n' ? k : 0;
}

static int fast_place(struct fast *f, struct ynode *n)
{
	struct builder *b = f->b;
	if (b->nodes + 1 > PLAN_MAX_NODES)
		return -1;
	return place(b, n); /* says nothing below the limit: a second root cannot happen here */
}

static int fast_scalar(struct fast *f, size_t start, size_t end, size_t from, size_t to,
		       int style)
{
	struct ynode *n = new_node(f->b, Y_SCALAR, start, end);
	n->style = (uint8_t)style;
	n->n = (uint32_t)(to - from);
	n->u.str = arena_strndup(f->b->arena, f->s + from, to - from);
	return fast_place(f, n);
}

static int fast_open(struct fast *f, int kind, int style, size_t start);

/* After a quoted value or a flow mapping, up to end: spaces, a comment. */
static int fast_rest(const struct fast *f, size_t k, size_t end)
{
	if (k < end && f->s[k] != ' ')
		return -1;
	while (k < end && f->s[k] == ' ')
		k++;
	return k < end && f->s[k] != '#' ? -1 : 0;
}

/* A plain word of a flow mapping from i (letters, digits and _ . - /,
 * the first a letter, digit or _): where it ends, else i. */
static size_t fast_word(const struct fast *f, size_t i, size_t end)
{
	size_t k = i;
	if (k < end && key_char((unsigned char)f->s[k]) && !strchr(".-/", f->s[k]))
		while (k < end && key_char((unsigned char)f->s[k]))
			k++;
	return k;
}

/* A flow mapping on one line from i, the {, of words as keys and plain
 * texts or quoted ones without escapes as values, as a version 2 plan
 * writes its grants ({from: 2026-03-01, hours: 40, ref: "PW-1"}):
 * 0 with *after past its }, else -1. */
static int fast_flow_map(struct fast *f, size_t i, size_t end, size_t *after)
{
	const char *s = f->s;
	if (fast_open(f, Y_MAP, Y_FLOW, i) < 0)
		return -1;
	size_t k = i + 1;
	for (;;) {
		while (k < end && s[k] == ' ')
			k++;
		size_t key = k, colon = fast_word(f, key, end);
		if (colon == key || colon + 1 >= end || s[colon] != ':' || s[colon + 1] != ' ')
			return -1;
		if (fast_scalar(f, key, colon, key, colon, Y_PLAIN) < 0)
			return -1;
		k = colon + 1;
		while (k < end && s[k] == ' ')
			k++;
		size_t value = k;
		if (k < end && (s[k] == '"' || s[k] == '\'')) { /* ref: "2024-004417" */
			const char *q = memchr(s + k + 1, s[k], end - k - 1);
			size_t j = q ? (size_t)(q - s) : 0;
			if (!q || (s[k] == '"' && memchr(s + k + 1, '\\', j - k - 1)) ||
			    (j + 1 < end && s[j + 1] == s[k]) ||
			    fast_scalar(f, k, j + 1, k + 1, j, s[k] == '"' ? Y_DQUOTED : Y_SQUOTED) < 0)
				return -1;
			k = j + 1;
		} else { /* a plain text, spaces in it: name: Ilse Meijer */
			size_t last = k;
			if (k < end && ((!key_char((unsigned char)s[k]) && (unsigned char)s[k] < 0x80) ||
					s[k] == '-'))
				return -1; /* "- " starts a list, "-1" libyaml knows best */
			for (; k < end && !strchr(",[]{}:#?", s[k]); k++)
				if (s[k] != ' ')
					last = k + 1;
			if (last == value || fast_scalar(f, value, last, value, last, Y_PLAIN) < 0)
				return -1;
		}
		while (k < end && s[k] == ' ')
			k++;
		if (k < end && s[k] == '}')
			break;
		if (k == end || s[k] != ',')
			return -1;
		k++;
	}
	struct ynode *n = close_top(f->b);
	n->end = (uint32_t)(*after = k + 1);
	return 0;
}

/* A one-line value from i: plain or quoted without escapes, then at most
 * a comment.  The line after it that holds something must not be deeper
 * than indent (else libyaml would read on: a value over two lines).
 * *line: the start of the line after. */
static int fast_value(struct fast *f, size_t i, size_t indent, size_t *line)
{
	const char *s = f->s;
	size_t eol = fast_eol(f, i), end = eol, j;
	if (eol > i && s[eol - 1] == '\n')
		end--;
	char c = s[i];
	if (c == '"' || c == '\'') {
		const char *q = memchr(s + i + 1, c, end - i - 1);
		if (!q)
			return -1;
		j = (size_t)(q - s);
		if ((c == '"' && memchr(s + i + 1, '\\', j - i - 1)) || (j + 1 < end && s[j + 1] == c))
			return -1;
		if (fast_scalar(f, i, j + 1, i + 1, j, c == '"' ? Y_DQUOTED : Y_SQUOTED) < 0 ||
		    fast_rest(f, j + 1, end) < 0)
			return -1;
	} else if (c == '{') {
		if (fast_flow_map(f, i, end, &j) < 0 || fast_rest(f, j, end) < 0)
			return -1;
	} else {
		if (strchr("-?:,[]{}#&*!|>%@`", c))
			return -1;
		size_t last = i;
		for (j = i; j < end; j++) {
			if (s[j] == ' ') {
				if (j + 1 < end && s[j + 1] == '#')
					break;
				continue;
			}
			if (s[j] == ':' && (j + 1 == end || s[j + 1] == ' '))
				return -1;
			last = j + 1;
		}
		if (fast_scalar(f, i, last, i, last, Y_PLAIN) < 0)
			return -1;
	}
	*line = eol;
	size_t next = fast_content(f, line);
	return next != NO_LINE && next - *line > indent ? -1 : 0;
}

/* Where the next line of a block in column col holds something: 1, with
 * *next its offset; 0 where the block ends; -1 if deeper (libyaml's). */
static int fast_next(const struct fast *f, size_t *line, size_t col, size_t *next)
{
	*next = fast_content(f, line);
	if (*next == NO_LINE || *next - *line < col)
		return 0;
	return *next - *line > col ? -1 : 1;
}

static int fast_map(struct fast *f, size_t key, size_t *line);
static int fast_seq(struct fast *f, size_t dash, size_t *line, int indentless);

static int fast_open(struct fast *f, int kind, int style, size_t start)
{
	struct builder *b = f->b;
	if (b->depth == PLAN_MAX_DEPTH)
		return -1;
	struct ynode *n = new_node(b, kind, start, start);
	n->style = (uint8_t)style;
	if (fast_place(f, n) < 0)
		return -1;
	b->stack[b->depth].node = n;
	b->stack[b->depth++].base = b->nkids;
	return 0;
}

/* Whether a line's content at i is a list item: "- " */
static int fast_dash(const struct fast *f, size_t i)
{
	return f->s[i] == '-' && i + 1 < f->len && f->s[i + 1] == ' ';
}

/* A mapping whose first key starts at key; its keys are in that column.
 * *line: the start of the line with the first key, then of the line
 * after the mapping. */
static int fast_map(struct fast *f, size_t key, size_t *line)
{
	size_t col = key - *line;
	if (fast_open(f, Y_MAP, Y_BLOCK, key) < 0)
		return -1;
	for (;;) {
		size_t colon = fast_key(f, key);
		if (!colon || fast_scalar(f, key, colon, key, colon, Y_PLAIN) < 0)
			return -1;
		size_t v = colon + 1;
		while (v < f->len && f->s[v] == ' ')
			v++;
		if (v < f->len && f->s[v] != '\n' && (f->s[v] != '#' || v == colon + 1)) {
			if (fast_value(f, v, col, line) < 0)
				return -1;
		} else {
			*line = fast_eol(f, v);
			size_t next = fast_content(f, line);
			size_t ncol = next == NO_LINE ? 0 : next - *line;
			if (next != NO_LINE && ncol == col && fast_dash(f, next)) {
				if (fast_seq(f, next, line, 1) < 0)
					return -1;
			} else if (next != NO_LINE && ncol > col) {
				if (fast_dash(f, next) ? fast_seq(f, next, line, 0) < 0
						       : fast_map(f, next, line) < 0)
					return -1;
			} else { /* nothing: null, where libyaml marks it, after the colon */
				if (fast_scalar(f, colon + 1, colon + 1, v, v, Y_PLAIN) < 0)
					return -1;
			}
		}
		size_t next;
		int more = fast_next(f, line, col, &next);
		if (more <= 0)
			return more < 0 ? -1 : close_block(f->b);
		key = next;
	}
}

/* A list whose first "- " is at dash; its items start in that column.
 * An indentless one (the value of a key in the same column) ends at the
 * next key. */
static int fast_seq(struct fast *f, size_t dash, size_t *line, int indentless)
{
	size_t col = dash - *line;
	if (fast_open(f, Y_SEQ, Y_BLOCK, dash) < 0)
		return -1;
	for (;;) {
		size_t i = dash + 1;
		while (i < f->len && f->s[i] == ' ')
			i++;
		if (i == f->len || f->s[i] == '\n' || f->s[i] == '#' || fast_dash(f, i))
			return -1;
		if (fast_key(f, i)) {
			if (fast_map(f, i, line) < 0)
				return -1;
		} else if (fast_value(f, i, col, line) < 0)
			return -1;
		size_t next;
		int more = fast_next(f, line, col, &next);
		if (more <= 0)
			return more < 0 ? -1 : close_block(f->b);
		if (!fast_dash(f, next)) {
			if (indentless)
				break;
			return -1;
		}
		dash = next;
	}
	return close_block(f->b);
}

/* 0 with the tree built, -1 where libyaml must read it (nothing said);
 * for a text that fast_bytes passed. */
static int fast_read(struct builder *b, const char *src, size_t len)
{
	struct fast f = {b, src, len};
	size_t line = 0, first = fast_content(&f, &line);
	/* a line in the first column is a key or "- ": a document marker
	 * (--- ...) or a directive (%) is neither, so it is not read here */
	if (first == NO_LINE || first != line || !fast_key(&f, first))
		return -1;
	if (fast_map(&f, first, &line) < 0)
		return -1;
	return fast_content(&f, &line) == NO_LINE ? 0 : -1;
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
	struct builder *b = xcalloc(1, sizeof *b);
	doc->file = file;
	doc->src = src;
	doc->len = len;
	doc->root = NULL;
	b->doc = doc;
	b->arena = a;
	if (len >= 3 && !memcmp(src, "\xef\xbb\xbf", 3))
		b->bom = 3;
	b->cur.s = (const unsigned char *)src + b->bom;
	b->cur.len = len - b->bom;
	/* invisible() finds nothing where fast_bytes passes */
	int clean = !b->bom && fast_bytes((const unsigned char *)src, len);
	if ((!clean || how == YPARSE_LIBYAML) && invisible(b, src, len) < 0) {
		free(b);
		return -1;
	}
	int rc = 0;
	if (how != YPARSE_LIBYAML && clean && fast_read(b, src, len) == 0)
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
