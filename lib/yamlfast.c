/* yamlfast.c: the YAML plans are written in, read without libyaml.
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
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "yamlread.h"

struct fast {
	struct builder *b;
	const char *s;
	size_t len;
};

#define NO_LINE ((size_t)-1)

/* A block collection of the fast reader, which has a child at least; its
 * keys are checked once the whole text is read (check_tree). */
static int close_block(struct builder *b)
{
	yb_close_top(b);
	return 0;
}

/* Whether libyaml reads every byte as it stands and invisible() finds
 * nothing: newlines, printable ASCII and UTF-8 of the characters YAML
 * allows (no C1 controls, no surrogates, no U+FFFE or U+FFFF), and none
 * of a byte order mark, NEL, LS or PS; no tab and no carriage return. */
int yfast_bytes(const unsigned char *s, size_t len)
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
	return yb_place(b, n); /* says nothing below the limit: a second root cannot happen here */
}

static int fast_scalar(struct fast *f, size_t start, size_t end, size_t from, size_t to,
		       int style)
{
	struct ynode *n = yb_node(f->b, Y_SCALAR, start, end);
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
	struct ynode *n = yb_close_top(f->b);
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
	struct ynode *n = yb_node(b, kind, start, start);
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
 * for a text that yfast_bytes passed. */
int yfast_read(struct builder *b, const char *src, size_t len)
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
