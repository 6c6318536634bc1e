/* pdf-floor OUTDIR TEXT...: the least a program drawing the text of
 * cp-report's PDFs with pango and cairo must do, for tests/bench-pdf.sh.
 * Each TEXT (pdftotext's of one PDF) becomes OUTDIR/N.pdf, each of its
 * lines one layout, 60 lines a page, in one font and size: no tables,
 * rules, charts, wrapping or second pass.  What cp-report's batch takes
 * beyond this is its own; what this takes is the libraries'. */
#include <cairo-pdf.h>
#include <pango/pangocairo.h>
#include <stdio.h>
#include <string.h>

int main(int argc, char **argv)
{
	PangoFontMap *fonts = pango_cairo_font_map_new();
	PangoContext *context = pango_font_map_create_context(fonts);
	PangoLayout *lay = pango_layout_new(context);
	PangoFontDescription *font = pango_font_description_from_string("DejaVu Sans 9");
	pango_layout_set_font_description(lay, font);
	char line[8192], path[4096];
	for (int i = 2; i < argc; i++) {
		FILE *in = fopen(argv[i], "r");
		if (!in) {
			perror(argv[i]);
			return 1;
		}
		snprintf(path, sizeof path, "%s/%d.pdf", argv[1], i);
		cairo_surface_t *s = cairo_pdf_surface_create(path, 595.276, 841.89);
		cairo_t *cr = cairo_create(s);
		pango_cairo_update_context(cr, context);
		for (int y = 0; fgets(line, sizeof line, in); y++) {
			line[strcspn(line, "\n\f")] = '\0';
			if (y == 60) {
				cairo_show_page(cr);
				y = 0;
			}
			pango_layout_set_text(lay, line, -1);
			cairo_move_to(cr, 51, 51 + 12 * y);
			pango_cairo_show_layout(cr, lay);
		}
		fclose(in);
		cairo_destroy(cr);
		cairo_surface_finish(s);
		if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS) {
			fprintf(stderr, "pdf-floor: %s: %s\n", path,
				cairo_status_to_string(cairo_surface_status(s)));
			return 1;
		}
		cairo_surface_destroy(s);
	}
	return 0;
}
