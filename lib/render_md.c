/* render_md.c: a report as Markdown (CommonMark with GFM tables), to read
 * as it is or to render.  All text is the user's, so every character that
 * Markdown would act on is escaped with a backslash: inline ones anywhere
 * (* _ ` [ ] < > | # ~ & ! \), and at the start of a line the ones that
 * would start a list, a heading or a quote (- + = 1.). */
#include <string.h>

#include "output.h"

#define BLANK_LINE "\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_"

/* s escaped; in a block, line breaks are kept (as hard breaks) and each
 * line may start a block, inline they become spaces. */
static void put(struct buf *out, const char *s, int block)
{
	struct buf clean = {0};
	render_clean(&clean, s);
	int start = block;
	for (const char *p = clean.s; *p; p++) {
		unsigned char c = (unsigned char)*p;
		if (c == '\n') {
			if (!block) {
				buf_putc(out, ' ');
				continue;
			}
			while (out->len && out->s[out->len - 1] == ' ')
				out->len--;
			if (p[1])
				buf_puts(out, "\\\n");
			start = 1;
			continue;
		}
		if (start) {
			if (c == ' ') /* four would make code */
				continue;
			start = 0;
			if (strchr("-+=", c)) {
				buf_putc(out, '\\');
				buf_putc(out, (char)c);
				continue;
			}
			size_t digits = strspn(p, "0123456789");
			if (digits && (p[digits] == '.' || p[digits] == ')')) {
				buf_add(out, p, digits);
				buf_putc(out, '\\');
				buf_putc(out, p[digits]);
				p += digits;
				continue;
			}
		}
		if (strchr("\\`*_[]<>|#~&!", c))
			buf_putc(out, '\\');
		buf_putc(out, (char)c);
	}
	buf_free(&clean);
}

static void cell(struct buf *out, const struct cell *c, int strong)
{
	char tmp[32];
	const char *s = c->kind == CELL_BLANK ? NULL : cell_format(c, CELL_HUMAN, tmp);
	if (!s) {
		buf_puts(out, BLANK_LINE);
		return;
	}
	if (!*s)
		return;
	if (strong)
		buf_puts(out, "**");
	put(out, s, 0);
	if (strong)
		buf_puts(out, "**");
}

static void fields(struct buf *out, const struct block *b)
{
	for (size_t i = 0; i < b->nfields; i++) {
		const struct rfield *f = &b->fields[i];
		buf_puts(out, "- **");
		put(out, f->label, 0);
		buf_puts(out, ":** ");
		if (f->value.kind == CELL_EMPTY)
			buf_puts(out, "\\-");
		else
			cell(out, &f->value, 0);
		buf_putc(out, '\n');
	}
}

static void table(struct buf *out, const struct rtable *t)
{
	buf_putc(out, '|');
	for (size_t c = 0; c < t->ncols; c++) {
		buf_putc(out, ' ');
		put(out, t->cols[c].title, 0);
		buf_puts(out, " |");
	}
	buf_puts(out, "\n|");
	for (size_t c = 0; c < t->ncols; c++)
		buf_puts(out, t->cols[c].flags & RCOL_NUMBER ? " ---: |" : " --- |");
	buf_putc(out, '\n');
	size_t rows = rtable_rows(t);
	for (size_t r = 0; r < rows; r++) {
		buf_putc(out, '|');
		for (size_t c = 0; c < t->ncols; c++) {
			buf_putc(out, ' ');
			cell(out, rtable_cell(t, r, c), r >= t->total);
			buf_puts(out, " |");
		}
		buf_putc(out, '\n');
	}
}

static void heading(struct buf *out, const char *marks, const char *s)
{
	buf_puts(out, marks);
	put(out, s, 0);
	buf_puts(out, "\n\n");
}

static void head(struct buf *out, const struct report *r)
{
	heading(out, "# ", r->title);
	if (r->subtitle) {
		put(out, r->subtitle, 1);
		buf_puts(out, "\n\n");
	}
}

static void section(struct buf *out, const struct section *sec, size_t i)
{
	(void)i;
	if (sec->title) /* a tool's one table has none */
		heading(out, "## ", sec->title);
}

static void block(struct buf *out, const struct block *b, size_t i)
{
	(void)i;
	if (b->title)
		heading(out, "### ", b->title);
}

static void block_end(struct buf *out, const struct block *b)
{
	(void)b;
	buf_putc(out, '\n');
}

static void paragraph(struct buf *out, const char *text, size_t i, size_t n)
{
	put(out, text, 1);
	buf_puts(out, i + 1 < n ? "\n\n" : "\n");
}

static void item(struct buf *out, const char *text, size_t i, size_t n)
{
	(void)i, (void)n;
	buf_puts(out, "- "); /* what follows starts a block */
	put(out, text, 1);
	buf_putc(out, '\n');
}

static void tail(struct buf *out, const struct report *r)
{
	if (r->stamp) {
		buf_putc(out, '*');
		put(out, r->stamp, 0);
		buf_puts(out, "*\n");
	} else if (out->len > 1 && out->s[out->len - 2] == '\n')
		out->len--; /* one line break at the end, not two */
}

static const struct doc_format markdown = {head,   section, NULL,      block, block_end,
					   fields, table,   paragraph, item,  tail,
					   NULL}; /* no charts: their numbers are in the tables */

const struct renderer render_markdown = {"markdown", "md", NULL, &markdown};
