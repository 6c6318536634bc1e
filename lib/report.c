/* report.c: a report as data.  The tools build a report of sections, each
 * a list of blocks (fields, a table, paragraphs, a list) whose values are
 * typed cells; the renderers in render_*.c turn it into text, markdown,
 * HTML, CSV or JSON.  Nothing here knows a format, so a new format is a
 * new renderer and nothing else.  All text is copied into the report's
 * arena: a report lives on its own once built. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "output.h"

struct cell cell_empty(void)
{
	return (struct cell){CELL_EMPTY, NULL, NULL, 0};
}

struct cell cell_text(const char *s)
{
	return s && *s ? (struct cell){CELL_TEXT, s, NULL, 0} : cell_empty();
}

struct cell cell_word(const char *code, const char *label)
{
	return (struct cell){CELL_WORD, label, code, 0};
}

/* No date: none, or the open end of a period (2026-11..), which is a day
 * a million years away only so that comparisons need no case of their
 * own; written, it would be a date no one meant. */
static int no_day(int day)
{
	return day == DATE_NONE || day <= PERIOD_OPEN_FROM || day >= PERIOD_OPEN_TO;
}

struct cell cell_date(int day)
{
	return no_day(day) ? cell_empty() : (struct cell){CELL_DATE, NULL, NULL, day};
}

struct cell cell_day(int day)
{
	return no_day(day) ? cell_empty() : (struct cell){CELL_DAY, NULL, NULL, day};
}

struct cell cell_minutes(long minutes)
{
	return (struct cell){CELL_MINUTES, NULL, NULL, minutes};
}

struct cell cell_hours(long minutes)
{
	return (struct cell){CELL_HOURS, NULL, NULL, minutes};
}

/* In tenths of a percent, rounded half away from zero. */
struct cell cell_percent(long part, long whole)
{
	if (whole <= 0)
		return cell_empty();
	long long x = 1000LL * part, h = whole / 2;
	return (struct cell){CELL_PERCENT, NULL, NULL, (long)((x < 0 ? x - h : x + h) / whole)};
}

struct cell cell_count(long n)
{
	return (struct cell){CELL_COUNT, NULL, NULL, n};
}

struct cell cell_tenths(long tenths)
{
	return tenths < 0 ? cell_empty() : (struct cell){CELL_TENTHS, NULL, NULL, tenths};
}

struct cell cell_mark(long tenths)
{
	return tenths < 0 ? cell_empty() : (struct cell){CELL_MARK, NULL, NULL, tenths};
}

struct cell cell_blank(void)
{
	return (struct cell){CELL_BLANK, NULL, NULL, 0};
}

const char *cell_format(const struct cell *c, int flags, char buf[32])
{
	int human = flags & CELL_HUMAN;
	long v = c->v;
	switch (c->kind) {
	case CELL_TEXT:
		return c->text;
	case CELL_WORD:
		return human ? c->text : c->code;
	case CELL_DATE:
	case CELL_DAY:
		if (!human)
			date_format((int)v, buf);
		else if (c->kind == CELL_DATE)
			lang_date((int)v, buf);
		else
			lang_day((int)v, buf);
		return buf;
	case CELL_MINUTES: /* a duration, h:mm, or an amount of hours, 18,5 */
	case CELL_HOURS: {
		char h[24];
		if (!human)
			snprintf(buf, 32, "%ld", v);
		else {
			if (c->kind == CELL_MINUTES)
				duration_format(v, h);
			else
				lang_hours(v, h);
			snprintf(buf, 32, "%s", h);
		}
		return buf;
	}
	case CELL_PERCENT:
		snprintf(buf, 32, "%s%ld%c%ld%s", v < 0 ? "-" : "", labs(v) / 10,
			 human ? lang_decimal() : '.', labs(v) % 10, human ? "%" : "");
		return buf;
	case CELL_TENTHS:
		snprintf(buf, 32, "%ld%c%ld", v / 10, human ? lang_decimal() : '.', v % 10);
		return buf;
	case CELL_MARK: /* as the plan holds it: 7, 7.5 */
		if (v % 10)
			snprintf(buf, 32, "%ld%c%ld", v / 10, human ? lang_decimal() : '.', v % 10);
		else
			snprintf(buf, 32, "%ld", v / 10);
		return buf;
	case CELL_COUNT:
		snprintf(buf, 32, "%ld", v);
		return buf;
	case CELL_EMPTY:
	case CELL_BLANK:
		break;
	}
	return "";
}

/* ---- building ---- */

struct report *report_new(const char *kind, const char *title)
{
	struct report *r = xcalloc(1, sizeof *r);
	r->lang = report_str(r, lang_current());
	r->kind = report_str(r, kind);
	r->title = report_str(r, title);
	return r;
}

const char *report_str(struct report *r, const char *s)
{
	return s ? arena_strndup(&r->arena, s, strlen(s)) : NULL;
}

void report_subtitle(struct report *r, const char *s)
{
	r->subtitle = report_str(r, s);
}

void report_stamp(struct report *r, const char *s)
{
	r->stamp = report_str(r, s);
}

void report_section(struct report *r, const char *key, const char *title)
{
	struct section *s = arena_alloc(&r->arena, sizeof *s);
	memset(s, 0, sizeof *s);
	s->key = report_str(r, key);
	s->title = report_str(r, title);
	r->sections = xreallocarray(r->sections, r->nsections + 1, sizeof *r->sections);
	r->sections[r->nsections++] = s;
}

static struct section *last_section(struct report *r)
{
	if (!r->nsections)
		report_section(r, "report", r->title);
	return r->sections[r->nsections - 1];
}

static struct block *add_block(struct report *r, enum block_kind kind, const char *key,
			       const char *title)
{
	struct section *s = last_section(r);
	struct block *b = xcalloc(1, sizeof *b);
	b->kind = kind;
	b->key = report_str(r, key);
	b->title = report_str(r, title);
	b->table.report = r;
	b->table.total = SIZE_MAX;
	s->blocks = xreallocarray(s->blocks, s->nblocks + 1, sizeof *s->blocks);
	s->blocks[s->nblocks++] = b;
	return b;
}

/* The last block of the section if it is of this kind and key, for
 * fields, paragraphs and items that come one at a time. */
static struct block *open_block(struct report *r, enum block_kind kind, const char *key,
				const char *title)
{
	struct section *s = last_section(r);
	struct block *b = s->nblocks ? s->blocks[s->nblocks - 1] : NULL;
	if (b && b->kind == kind && !strcmp(b->key, key))
		return b;
	return add_block(r, kind, key, title);
}

static struct cell copy_cell(struct report *r, struct cell c)
{
	c.text = report_str(r, c.text);
	c.code = report_str(r, c.code);
	return c;
}

void report_field(struct report *r, const char *key, const char *label, struct cell v)
{
	struct section *s = last_section(r);
	struct block *b = s->nblocks ? s->blocks[s->nblocks - 1] : NULL;
	if (!b || b->kind != BLOCK_FIELDS)
		b = add_block(r, BLOCK_FIELDS, s->key, NULL);
	b->fields = xreallocarray(b->fields, b->nfields + 1, sizeof *b->fields);
	b->fields[b->nfields++] = (struct rfield){report_str(r, key), report_str(r, label),
						  copy_cell(r, v)};
}

void report_fields(struct report *r, const char *key, const char *title)
{
	add_block(r, BLOCK_FIELDS, key, title);
}

struct rtable *report_table(struct report *r, const char *key, const char *title)
{
	return &add_block(r, BLOCK_TABLE, key, title)->table;
}

void report_main(struct report *r)
{
	struct section *s = last_section(r);
	for (size_t i = s->nblocks; i > 0; i--)
		if (s->blocks[i - 1]->kind == BLOCK_TABLE) {
			r->main = s->blocks[i - 1];
			return;
		}
}

static void add_item(struct report *r, enum block_kind kind, const char *key, const char *title,
		     const char *text)
{
	struct block *b = open_block(r, kind, key, title);
	b->items = xreallocarray(b->items, b->nitems + 1, sizeof *b->items);
	b->items[b->nitems++] = report_str(r, text);
}

void report_text(struct report *r, const char *key, const char *title, const char *text)
{
	add_item(r, BLOCK_TEXT, key, title, text);
}

void report_item(struct report *r, const char *key, const char *title, const char *item)
{
	add_item(r, BLOCK_LIST, key, title, item);
}

void rtable_col(struct rtable *t, const char *key, const char *title, int flags)
{
	t->cols = xreallocarray(t->cols, t->ncols + 1, sizeof *t->cols);
	t->cols[t->ncols++] = (struct rcol){report_str(t->report, key), report_str(t->report, title),
					    flags};
}

void rtable_cols(struct rtable *t, const struct rcol_def *cols, size_t n)
{
	for (size_t i = 0; i < n; i++)
		rtable_col(t, cols[i].key, _(cols[i].title), cols[i].flags);
}

void rtable_add(struct rtable *t, struct cell c)
{
	if (t->ncells == t->cap) {
		t->cap = t->cap ? 2 * t->cap : 64;
		t->cells = xreallocarray(t->cells, t->cap, sizeof *t->cells);
	}
	t->cells[t->ncells++] = copy_cell(t->report, c);
}

void rtable_total(struct rtable *t)
{
	if (t->total == SIZE_MAX)
		t->total = rtable_rows(t);
}

struct rchart *report_chart(struct report *r, const char *key, const char *title,
			    const char *desc, const char *axis)
{
	struct rchart *c = &add_block(r, BLOCK_CHART, key, title)->chart;
	c->report = r;
	c->id = ++r->ncharts;
	c->desc = report_str(r, desc);
	c->axis = report_str(r, axis);
	return c;
}

void rchart_series(struct rchart *c, const char *key, const char *label)
{
	c->series = xreallocarray(c->series, c->nseries + 1, sizeof *c->series);
	c->series[c->nseries++] = (struct rseries){report_str(c->report, key),
						   report_str(c->report, label)};
}

void rchart_line(struct rchart *c, const char *key, const char *label)
{
	c->line_key = report_str(c->report, key);
	c->line_label = report_str(c->report, label);
}

void rchart_bar(struct rchart *c, const char *key, const char *label, const char *tick,
		const long *values, long line)
{
	struct report *r = c->report;
	long *v = NULL;
	if (values && c->nseries) {
		v = arena_alloc(&r->arena, c->nseries * sizeof *v);
		memcpy(v, values, c->nseries * sizeof *v);
	}
	c->bars = xreallocarray(c->bars, c->nbars + 1, sizeof *c->bars);
	c->bars[c->nbars++] = (struct rbar){report_str(r, key), report_str(r, label),
					    report_str(r, tick), v, line};
}

long rchart_sum(const struct rchart *c, size_t bar)
{
	long sum = 0;
	if (bar < c->nbars && c->bars[bar].v)
		for (size_t s = 0; s < c->nseries; s++)
			sum += c->bars[bar].v[s];
	return sum;
}

size_t rtable_rows(const struct rtable *t)
{
	return t->ncols ? (t->ncells + t->ncols - 1) / t->ncols : 0;
}

const struct cell *rtable_cell(const struct rtable *t, size_t row, size_t col)
{
	static const struct cell empty = {CELL_EMPTY, NULL, NULL, 0};
	size_t i = row * t->ncols + col;
	return i < t->ncells ? &t->cells[i] : &empty;
}

void report_free(struct report *r)
{
	if (!r)
		return;
	for (size_t s = 0; s < r->nsections; s++) {
		for (size_t i = 0; i < r->sections[s]->nblocks; i++) {
			struct block *b = r->sections[s]->blocks[i];
			free(b->fields);
			free(b->table.cols);
			free(b->table.cells);
			free(b->items);
			free(b->chart.series);
			free(b->chart.bars);
			free(b);
		}
		free(r->sections[s]->blocks);
	}
	free(r->sections);
	arena_free(&r->arena);
	free(r);
}
