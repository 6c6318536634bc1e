/* render_json.c: a report as data.  Its sections in order, each with its
 * blocks: fields as an object of key and value, a table as its columns,
 * its rows as objects keyed by column and its total row apart, paragraphs
 * and lists as arrays of strings.  Minutes, hours (in minutes), counts and
 * shares are numbers, dates ISO strings, words their English codes, empty
 * cells null; text is escaped as JSON needs and otherwise kept, accents
 * and all.  Tenths (a mean mark) are numbers too, 7.2. */
#include <string.h>

#include "output.h"

static void str(struct buf *out, const char *s)
{
	struct buf clean = {0};
	json_put(out, render_clean(&clean, s));
	buf_free(&clean);
}

static void value(struct buf *out, const struct cell *c)
{
	char tmp[32];
	switch (c->kind) {
	case CELL_EMPTY:
	case CELL_BLANK:
		buf_puts(out, "null");
		break;
	case CELL_MINUTES:
	case CELL_HOURS:
	case CELL_COUNT:
	case CELL_PERCENT:
	case CELL_TENTHS:
	case CELL_MARK:
		buf_puts(out, cell_format(c, 0, tmp));
		break;
	default:
		str(out, cell_format(c, 0, tmp));
	}
}

static void row(struct buf *out, const struct rtable *t, size_t r)
{
	buf_putc(out, '{');
	for (size_t c = 0; c < t->ncols; c++) {
		if (c)
			buf_puts(out, ", ");
		str(out, t->cols[c].key);
		buf_puts(out, ": ");
		value(out, rtable_cell(t, r, c));
	}
	buf_putc(out, '}');
}

/* Each member of a block's list or object on a line of its own */
static void member(struct buf *out, size_t i)
{
	buf_puts(out, i ? ",\n            " : "\n            ");
}

static void close_members(struct buf *out, size_t n, char bracket)
{
	if (n)
		buf_puts(out, "\n          ");
	buf_putc(out, bracket);
}

static void table(struct buf *out, const struct rtable *t)
{
	buf_puts(out, ",\n          \"columns\": [");
	for (size_t c = 0; c < t->ncols; c++) {
		buf_puts(out, c ? ", {\"key\": " : "{\"key\": ");
		str(out, t->cols[c].key);
		buf_puts(out, ", \"title\": ");
		str(out, t->cols[c].title);
		buf_putc(out, '}');
	}
	buf_puts(out, "],\n          \"rows\": [");
	size_t rows = rtable_rows(t), body = t->total < rows ? t->total : rows;
	for (size_t r = 0; r < body; r++) {
		member(out, r);
		row(out, t, r);
	}
	close_members(out, body, ']');
	if (body < rows) {
		buf_puts(out, ",\n          \"total\": ");
		row(out, t, body);
	}
}

static void items(struct buf *out, const struct block *b)
{
	buf_puts(out, b->kind == BLOCK_TEXT ? ",\n          \"text\": [" : ",\n          \"items\": [");
	for (size_t i = 0; i < b->nitems; i++) {
		member(out, i);
		str(out, b->items[i]);
	}
	close_members(out, b->nitems, ']');
}

static void fields(struct buf *out, const struct block *b)
{
	buf_puts(out, ",\n          \"fields\": {");
	for (size_t i = 0; i < b->nfields; i++) {
		member(out, i);
		str(out, b->fields[i].key);
		buf_puts(out, ": ");
		value(out, &b->fields[i].value);
	}
	close_members(out, b->nfields, '}');
}

static void block(struct buf *out, const struct block *b)
{
	static const char *const types[] = {"fields", "table", "text", "list"};
	buf_puts(out, "{\n          \"key\": ");
	str(out, b->key);
	buf_printf(out, ",\n          \"type\": \"%s\"", types[b->kind]);
	if (b->title) {
		buf_puts(out, ",\n          \"title\": ");
		str(out, b->title);
	}
	switch (b->kind) {
	case BLOCK_FIELDS: fields(out, b); break;
	case BLOCK_TABLE: table(out, &b->table); break;
	default: items(out, b);
	}
	buf_puts(out, "\n        }");
}

static void render(const struct report *r, struct buf *out)
{
	buf_puts(out, "{\n  \"report\": ");
	str(out, r->kind);
	buf_puts(out, ",\n  \"title\": ");
	str(out, r->title);
	if (r->subtitle) {
		buf_puts(out, ",\n  \"subtitle\": ");
		str(out, r->subtitle);
	}
	if (r->stamp) {
		buf_puts(out, ",\n  \"generated\": ");
		str(out, r->stamp);
	}
	buf_puts(out, ",\n  \"sections\": [");
	for (size_t s = 0; s < r->nsections; s++) {
		const struct section *sec = r->sections[s];
		buf_puts(out, s ? ",\n    {\n      \"key\": " : "\n    {\n      \"key\": ");
		str(out, sec->key);
		buf_puts(out, ",\n      \"title\": ");
		str(out, sec->title);
		buf_puts(out, ",\n      \"blocks\": [");
		size_t shown = 0;
		for (size_t i = 0; i < sec->nblocks; i++) {
			if (sec->blocks[i]->kind == BLOCK_CHART)
				continue; /* for the eye: its numbers are in the tables */
			buf_puts(out, shown++ ? ",\n        " : "\n        ");
			block(out, sec->blocks[i]);
		}
		buf_puts(out, shown ? "\n      ]\n    }" : "]\n    }");
	}
	buf_puts(out, r->nsections ? "\n  ]\n}\n" : "]\n}\n");
}

const struct renderer render_json = {"json", "json", render, NULL};
