/* test-twice: an entry a sheet holds twice is found at the line it stood
 * first, whatever lies between, as long as it is within the entries the
 * table looks back at; an entry that differs in anything cp-log compares
 * is another one. */
#include "coachplan.h"
#include "tap.h"

static struct entry entry(unsigned long line, const char *note)
{
	struct entry e = {0};
	date_parse("2026-03-02", 10, &e.date);
	e.mode = MODE_ONSITE;
	e.minutes = 90;
	e.coach = (struct str){"robin", 5};
	e.plan = (struct str){"P-1", 3};
	e.goal = (struct str){"G1", 2};
	e.note = (struct str){note, strlen(note)};
	e.line = line;
	return e;
}

static const char sheet[] = "robin.csv";

static unsigned long seen(struct twice *t, const struct entry *e)
{
	const char *file = NULL;
	unsigned long line = twice_seen(t, e, sheet, &file);
	return line && file != sheet ? 0 : line;
}

static void same_and_other(void)
{
	struct twice *t = twice_new();
	struct entry e = entry(2, "Inwerken kassa");
	is_int((int)seen(t, &e), 0, "the first entry is new");
	e = entry(3, "Inwerken kassa");
	is_int((int)seen(t, &e), 2, "the same again: the line it stood at first");
	e = entry(4, "Inwerken kassa");
	is_int((int)seen(t, &e), 2, "a third time: still the first line");

	struct entry other[] = {entry(5, "Inwerken kassa, tweede keer"), entry(6, "Inwerken kassa"),
				entry(7, "Inwerken kassa"), entry(8, "Inwerken kassa"),
				entry(9, "Inwerken kassa"), entry(10, "Inwerken kassa"),
				entry(11, "Inwerken kassa"), entry(12, "Inwerken kass")};
	other[1].date++;
	other[2].mode = MODE_PHONE;
	other[3].minutes = 60;
	other[4].coach = (struct str){"kim", 3};
	other[5].plan = (struct str){"P-2", 3};
	other[6].goal = (struct str){"", 0};
	static const char *const what[] = {"the note", "the day", "the mode", "the minutes",
					   "the coach", "the plan", "the goal", "a note cut short"};
	struct entry first = entry(2, "Inwerken kassa");
	for (size_t i = 0; i < sizeof other / sizeof *other; i++) {
		is_int((int)seen(t, &other[i]), 0, "another in %s: a new entry", what[i]);
		ok(!entry_same(&first, &other[i]) && !entry_same(&other[i], &first),
		   "and entry_same, which cp-log asks, tells them apart too");
	}
	e = entry(13, "Inwerken kassa");
	e.activity = (struct str){"training", 8};
	ok(entry_same(&first, &e), "the line and activity are not what makes an entry");
	/* the texts' bounds are part of them: "ab" "c" is not "a" "bc" */
	struct entry a = entry(20, "x");
	a.coach = (struct str){"robinP", 6};
	a.plan = (struct str){"-1", 2};
	is_int((int)seen(t, &a), 0, "texts that only run together are not the same");
	twice_free(t);
}

/* Memory that does not grow with the sheet: an entry is compared with at
 * least the TWICE_LINES before it. */
static void window(void)
{
	struct twice *t = twice_new();
	char note[32];
	struct entry e = entry(2, "first");
	seen(t, &e);
	unsigned long line = 3;
	for (int i = 0; i < TWICE_LINES - 2; i++, line++) {
		snprintf(note, sizeof note, "%d", i);
		e = entry(line, note);
		seen(t, &e);
	}
	e = entry(line++, "first");
	is_int((int)seen(t, &e), 2, "found %d entries later", TWICE_LINES - 1);
	for (int i = 0; i < 3 * TWICE_LINES; i++, line++) {
		snprintf(note, sizeof note, "later %d", i);
		e = entry(line, note);
		seen(t, &e);
	}
	e = entry(line++, "later 0");
	is_int((int)seen(t, &e), 0, "one %d entries back is forgotten", 3 * TWICE_LINES);
	snprintf(note, sizeof note, "later %d", 3 * TWICE_LINES - TWICE_LINES / 2);
	e = entry(line, note);
	ok(seen(t, &e) != 0, "one %d entries back is found", TWICE_LINES / 2);
	twice_free(t);
}

/* Across sheets: the first one's name, as given when it was read. */
static void two_sheets(void)
{
	static const char agenda[] = "robin-agenda.csv";
	struct twice *t = twice_new();
	const char *file = NULL;
	struct entry e = entry(2, "Kassa");
	is_int((int)twice_seen(t, &e, agenda, &file), 0, "an entry of one sheet is new");
	e = entry(7, "Kassa");
	is_int((int)twice_seen(t, &e, sheet, &file), 2, "the same in another sheet: found");
	ok(file == agenda, "... in the sheet it stood in first");
	twice_free(t);
}

int main(void)
{
	same_and_other();
	two_sheets();
	window();
	return tap_done();
}
