/* duetable.c: the table of cp-evaluate --due: what is due or overdue, a
 * row each, in the order due_sort gave; for people in their language and
 * only when there is something, for programs always and in English. */
#include "reports.h"

int due_print(const struct duelist *l, int on, enum outfmt f, FILE *out)
{
	static const struct {
		const char *key, *title;
		int flags;
	} cols[] = {
		{"date", N_("date"), 0}, {"plan", N_("plan"), 0}, {"participant", N_("participant"), 0},
		{"coach", N_("coach"), 0}, {"what", N_("what"), 0},
		{"days", N_("days"), COL_RIGHT | COL_NUMBER}, {"note", N_("note"), 0},
	};
	struct table *t = table_new();
	table_title(t, _("Due and overdue"));
	for (size_t i = 0; i < sizeof cols / sizeof *cols; i++)
		table_col(t, cols[i].key, _(cols[i].title), cols[i].flags);
	int overdue = 0, people = OUTFMT_PEOPLE(f);
	struct buf text = {0};
	lang_push(people ? NULL : "en"); /* CSV and JSON do not change with the locale */
	for (size_t i = 0; i < l->n; i++) {
		const struct due_item *d = &l->v[i];
		char day[LANG_DATE_MAX];
		if (people) /* 31-12-2026 in Dutch, as in the rows of the reports' tables */
			lang_day(d->date, day);
		else
			date_format(d->date, day);
		table_cell(t, day);
		table_cell(t, d->plan);
		table_cell(t, d->name);
		table_cell(t, d->coach);
		table_cell(t, people ? due_what_label(d->what) : due_what_name(d->what));
		table_cellf(t, "%d", d->date - on);
		table_cell(t, due_note(&text, d, on));
		overdue |= d->what == DUE_EVALUATION && d->date < on;
	}
	lang_pop();
	int rc = l->n || !people ? table_print(t, f, out) : 0;
	table_free(t);
	buf_free(&text);
	return rc < 0 ? -1 : overdue;
}
