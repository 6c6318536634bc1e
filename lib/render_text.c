/* render_text.c: a report for the terminal, in the tools' own style:
 * underlined headings, aligned "label: value" fields, tables as
 * cp-hours prints them (lib/table.c), hours as h:mm, paragraphs wrapped. */
#include <string.h>

#include "output.h"

#define WRAP 78
#define BLANK_LINE "____________________________________________"

static void underline(struct buf *out, const char *s, char c)
{
	buf_printf(out, "%s\n", s);
	for (int i = utf8_width(s, strlen(s)); i > 0; i--)
		buf_putc(out, c);
	buf_putc(out, '\n');
}

/* One line: line breaks become spaces. */
static const char *flat(struct buf *tmp, const char *s)
{
	render_clean(tmp, s);
	for (size_t i = 0; i < tmp->len; i++)
		if (tmp->s[i] == '\n')
			tmp->s[i] = ' ';
	return tmp->s;
}

static void new_line(struct buf *out, int indent)
{
	buf_putc(out, '\n');
	for (int i = 0; i < indent; i++)
		buf_putc(out, ' ');
}

/* Words wrapped at WRAP columns; the first line after lead, the others
 * indented as far.  The lines of the text stay lines; a word too long
 * for one stays whole, as a web address must. */
static void wrapped(struct buf *out, const char *lead, const char *text)
{
	struct buf clean = {0};
	const char *s = render_clean(&clean, text);
	int indent = utf8_width(lead, strlen(lead));
	buf_puts(out, lead);
	for (;;) {
		size_t line = strcspn(s, "\n"), at = strspn(s, " ");
		while (at < line) {
			size_t next, n = utf8_fill(s + at, line - at, WRAP - indent, 0, &next);
			buf_add(out, s + at, n);
			if ((at += next) < line)
				new_line(out, indent);
		}
		if (!s[line])
			break;
		new_line(out, indent);
		s += line + 1;
	}
	while (out->len && out->s[out->len - 1] == ' ')
		out->len--;
	buf_putc(out, '\n');
	buf_free(&clean);
}

static void fields(struct buf *out, const struct block *b)
{
	struct buf tmp = {0}, lead = {0};
	int w = 0;
	for (size_t i = 0; i < b->nfields; i++) {
		int lw = utf8_width(b->fields[i].label, strlen(b->fields[i].label));
		w = lw > w ? lw : w;
	}
	for (size_t i = 0; i < b->nfields; i++) {
		const struct rfield *f = &b->fields[i];
		lead.len = 0;
		buf_printf(&lead, "%s:", flat(&tmp, f->label));
		for (int k = utf8_width(f->label, strlen(f->label)); k < w + 2; k++)
			buf_putc(&lead, ' ');
		if (f->value.kind == CELL_BLANK) {
			buf_printf(out, "%s%s\n", buf_str(&lead), BLANK_LINE);
			continue;
		}
		const char *v = render_cell(&tmp, &f->value, CELL_HUMAN);
		wrapped(out, buf_str(&lead), *v ? v : "-");
	}
	buf_free(&tmp);
	buf_free(&lead);
}

static void table(struct buf *out, const struct rtable *rt)
{
	struct table *t = table_new();
	char tmp[32];
	for (size_t c = 0; c < rt->ncols; c++)
		table_col(t, rt->cols[c].key, rt->cols[c].title,
			  rt->cols[c].flags & RCOL_NUMBER ? COL_RIGHT : 0);
	size_t rows = rtable_rows(rt);
	for (size_t r = 0; r < rows; r++) {
		if (r == rt->total)
			table_total(t);
		for (size_t c = 0; c < rt->ncols; c++)
			table_cell(t, cell_format(rtable_cell(rt, r, c), CELL_HUMAN, tmp));
	}
	table_format(t, OUT_TABLE, out);
	table_free(t);
}

static void block(struct buf *out, const struct block *b, size_t i)
{
	if (i)
		buf_putc(out, '\n');
	if (b->title) {
		struct buf tmp = {0};
		buf_printf(out, "%s\n", flat(&tmp, b->title));
		buf_free(&tmp);
	}
}

static void paragraph(struct buf *out, const char *text, size_t i, size_t n)
{
	(void)n;
	if (i)
		buf_putc(out, '\n');
	wrapped(out, "", text);
}

static void item(struct buf *out, const char *text, size_t i, size_t n)
{
	(void)i, (void)n;
	wrapped(out, "- ", text);
}

static void head(struct buf *out, const struct report *r)
{
	struct buf tmp = {0};
	underline(out, flat(&tmp, r->title), '=');
	if (r->subtitle)
		wrapped(out, "", r->subtitle);
	buf_free(&tmp);
}

static void section(struct buf *out, const struct section *sec, size_t i)
{
	(void)i;
	struct buf tmp = {0};
	buf_putc(out, '\n');
	if (sec->title) /* a tool's one table has none */
		underline(out, flat(&tmp, sec->title), '-');
	buf_free(&tmp);
}

static void tail(struct buf *out, const struct report *r)
{
	if (r->stamp) {
		buf_putc(out, '\n');
		wrapped(out, "", r->stamp);
	}
}

static const struct doc_format text = {head,   section, NULL,      block, NULL,
				       fields, table,   paragraph, item,  tail,
				       NULL}; /* no charts: their numbers are in the tables */

const struct renderer render_text = {"text", "txt", NULL, &text};
