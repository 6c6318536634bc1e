/* render.c: the renderers behind one interface, and what they share:
 * finding one by name, writing a report to a stream or a file, and
 * cleaning text before a renderer escapes it, and the walk through a
 * report that every document format shares.  A new format (PDF, say) is
 * a render_pdf.c defining one struct doc_format and one struct renderer,
 * and a line in the list below. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "output.h"

/* PDF is linked into cp-report only (render_pdf.c): elsewhere it is NULL. */
extern const struct renderer render_pdf __attribute__((weak));

static const struct renderer *const renderers[] = {
	&render_text, &render_markdown, &render_html, &render_csv, &render_excel, &render_json,
	&render_pdf,
};

#define NRENDERERS (sizeof renderers / sizeof *renderers)

/* By name or by file extension: markdown and md, text and txt; table is
 * text too, the name the tools that print tables took first. */
const struct renderer *renderer_find(const char *name)
{
	if (!strcasecmp(name, "table"))
		return &render_text;
	for (size_t i = 0; i < NRENDERERS; i++)
		if (renderers[i] &&
		    (!strcasecmp(name, renderers[i]->name) || !strcasecmp(name, renderers[i]->ext)))
			return renderers[i];
	return NULL;
}

const char *renderer_choices(void)
{
	static char choices[128];
	if (!choices[0]) {
		struct buf b = {0};
		size_t n = 0, k = 0;
		for (size_t i = 0; i < NRENDERERS; i++)
			n += renderers[i] != NULL;
		for (size_t i = 0; i < NRENDERERS; i++)
			if (renderers[i]) /* table too, which renderer_find takes */
				buf_printf(&b, "%s%s%s", k++ ? k < n ? ", " : _(" or ") : "",
					   renderers[i]->name,
					   renderers[i] == &render_text ? _(" (or table)") : "");
		snprintf(choices, sizeof choices, "%s", buf_str(&b));
		buf_free(&b);
	}
	return choices;
}

void render_document(const struct report *r, const struct doc_format *f, struct buf *out)
{
	f->head(out, r);
	for (size_t s = 0; s < r->nsections; s++) {
		const struct section *sec = r->sections[s];
		f->section(out, sec, s);
		for (size_t i = 0, shown = 0; i < sec->nblocks; i++) {
			const struct block *b = sec->blocks[i];
			if (b->kind == BLOCK_CHART && !f->chart)
				continue; /* as if it were not there */
			f->block(out, b, shown++);
			switch (b->kind) {
			case BLOCK_FIELDS:
				f->fields(out, b);
				break;
			case BLOCK_TABLE:
				f->table(out, &b->table);
				break;
			case BLOCK_TEXT:
				for (size_t k = 0; k < b->nitems; k++)
					f->paragraph(out, b->items[k], k, b->nitems);
				break;
			case BLOCK_LIST:
				for (size_t k = 0; k < b->nitems; k++)
					f->item(out, b->items[k], k, b->nitems);
				break;
			case BLOCK_CHART:
				if (f->chart)
					f->chart(out, b);
				break;
			}
			if (f->block_end)
				f->block_end(out, b);
		}
		if (f->section_end)
			f->section_end(out, sec);
	}
	f->tail(out, r);
}

const char *render_clean(struct buf *b, const char *s)
{
	size_t n = strlen(s), i = 0;
	b->len = 0;
	while (i < n) {
		size_t ok = utf8_invalid(s + i, n - i);
		for (size_t j = i, end = i + ok; j < end;) {
			size_t run = j; /* what stays as it is, added at once */
			while (run < end && ((unsigned char)s[run] >= 0x20 || s[run] == '\n') &&
			       s[run] != 0x7f)
				run++;
			buf_add(b, s + j, run - j);
			if (run == end)
				break;
			if (!(s[run] == '\r' && s[run + 1] == '\n')) /* CRLF is one line break */
				buf_putc(b, ' ');
			j = run + 1;
		}
		i += ok;
		if (i < n) {
			buf_puts(b, "\xef\xbf\xbd"); /* U+FFFD REPLACEMENT CHARACTER */
			i++;
		}
	}
	return buf_str(b);
}

void render_escape_xml(struct buf *out, const char *s, const char *newline)
{
	struct buf clean = {0};
	render_clean(&clean, s);
	const char *p = clean.s, *run = p; /* the text between escapes is added at once */
	for (; *p; p++) {
		const char *esc;
		switch (*p) {
		case '&': esc = "&amp;"; break;
		case '<': esc = "&lt;"; break;
		case '>': esc = "&gt;"; break;
		case '"': esc = "&quot;"; break;
		case '\'': esc = "&#39;"; break;
		case '\n': esc = newline; break;
		default: continue;
		}
		buf_add(out, run, (size_t)(p - run));
		buf_puts(out, esc);
		run = p + 1;
	}
	buf_add(out, run, (size_t)(p - run));
	buf_free(&clean);
}

const char *render_cell(struct buf *b, const struct cell *c, int flags)
{
	char tmp[32];
	return render_clean(b, cell_format(c, flags, tmp));
}

/* In the report's language, whatever the messages are in meanwhile: the
 * month names and the decimal separator come from the catalogue. */
void report_render(const struct report *r, const struct renderer *f, struct buf *out)
{
	lang_push(r->lang);
	if (f->doc)
		render_document(r, f->doc, out);
	else
		f->render(r, out);
	lang_pop();
}

int report_print(const struct report *r, const struct renderer *f, FILE *out)
{
	struct buf b = {0};
	table_fit(out);
	report_render(r, f, &b);
	table_fit(NULL);
	size_t n = b.len ? fwrite(b.s, 1, b.len, out) : 0;
	int rc = n == b.len ? 0 : -1;
	buf_free(&b);
	return rc;
}

int report_write(const struct report *r, const struct renderer *f, const char *path, int force)
{
	struct buf b = {0};
	report_render(r, f, &b);
	/* with force, the name in the directory gets the new file, 0600
	 * (personal data) whatever the one it replaces allowed; a link there
	 * is replaced, never written through to a file outside it */
	int rc = force ? atomic_replace(path, b.s ? b.s : "", b.len, 0600)
		       : atomic_create(path, b.s ? b.s : "", b.len, 0600);
	if (rc == 1)
		rc = cp_err(EX_CANTCREAT, _("%s exists; use --force to replace it"), path);
	buf_free(&b);
	return rc;
}
