/* test-budget: hours logged against hours granted per budget period (budget.c). */
#include <sys/stat.h>

#include "coachplan.h"
#include "tap.h"
#include "util.h"

static struct plancache *cache;

static int day(const char *s)
{
	int d = DATE_NONE;
	return date_parse(s, strlen(s), &d) ? DATE_NONE : d;
}

static void write_plan(const char *dir, const char *id, const char *body)
{
	char path[512], text[1024];
	snprintf(path, sizeof path, "%s/%s.yaml", dir, id);
	snprintf(text, sizeof text, "id: %s\n%s", id, body);
	write_file(path, text, strlen(text));
}

static const struct plan *plan(const char *id)
{
	int status;
	return plancache_get(cache, id, strlen(id), &status);
}

static struct entry entry(const char *plan_id, const char *date, long minutes)
{
	struct entry e = {0};
	e.date = day(date);
	e.minutes = minutes;
	e.plan = (struct str){plan_id, strlen(plan_id)};
	return e;
}

/* The lines as "from..to used", one after another; range NULL: as of today. */
static const char *lines_of(struct budget *b, const char *id, const char *from, const char *to,
			    const char *today)
{
	static struct buf out;
	struct budget_line *l;
	struct period range = {*from ? day(from) : PERIOD_OPEN_FROM,
			       *to ? day(to) : PERIOD_OPEN_TO};
	const struct plan *p = plan(id);
	size_t n = budget_lines(b, &p, 1, today ? NULL : &range,
				today ? day(today) : day("2026-03-04"), &l);
	out.len = 0;
	buf_puts(&out, "");
	for (size_t i = 0; i < n; i++) {
		char f[11], t[11];
		date_format(l[i].from, f);
		date_format(l[i].to, t);
		buf_printf(&out, "%s%s..%s %ld", i ? ", " : "", f, t, l[i].used);
	}
	free(l);
	return buf_str(&out);
}

static void plans(void)
{
	const char *dir = scratch_path("plans");
	mkdir(dir, 0700);
	write_plan(dir, "P-1", "participant: {name: Bart}\nfunder: uwv\nstart: 2026-01-05\n"
			       "work_hours_per_week: 16\nbudget: {hours: 60, per: 6m}\n");
	write_plan(dir, "P-31", "participant: {name: X}\nfunder: werkgever\nstart: 2025-08-31\n"
				"budget: {hours: 10, per: 6m}\n");
	write_plan(dir, "P-M", "participant: {name: X}\nfunder: werkgever\nstart: 2026-01-31\n"
			       "budget: {hours: 2, per: 1m}\n");
	write_plan(dir, "P-W", "participant: {name: X}\nfunder: gemeente\nstart: 2026-01-05\n"
			       "budget: {hours: 4, per: 4w}\n");
	write_plan(dir, "P-E", "participant: {name: X}\nfunder: werkgever\nstart: 2026-01-05\n"
			       "end: 2026-03-31\nbudget: {hours: 2, per: 6m}\n");
	write_plan(dir, "P-N", "participant: {name: X}\nfunder: gemeente\nstart: 2026-01-05\n");
	write_plan(dir, "P-P", "participant: {name: X}\nfunder: gemeente\nstart: 2026-01-05\n"
			       "status: paused\nbudget: {hours: 2, per: 3m}\n");
	write_plan(dir, "P-C", "participant: {name: X}\nfunder: gemeente\nstart: 2026-01-05\n"
			       "end: 2026-03-20\nstatus: closed\nbudget: {hours: 2, per: 3m}\n");
	cache = plancache_new(dir);
	static const char *const ids[] = {"P-1", "P-31", "P-M", "P-W", "P-E", "P-N", "P-P", "P-C"};
	for (size_t i = 0; i < sizeof ids / sizeof *ids; i++)
		if (!plan(ids[i]))
			ok(0, "plan %s reads", ids[i]);
}

/* The period that holds an entry, and that the entry counts in. */
static void periods(void)
{
	static const struct {
		const char *plan, *date, *line;
	} cases[] = {
		{"P-1", "2026-01-05", "2026-01-05..2026-07-04 30"},
		{"P-1", "2026-07-04", "2026-01-05..2026-07-04 30"},
		{"P-1", "2026-07-05", "2026-07-05..2027-01-04 30"},
		{"P-1", "2027-01-04", "2026-07-05..2027-01-04 30"},
		{"P-1", "2027-01-05", "2027-01-05..2027-07-04 30"},
		{"P-1", "2029-01-04", "2028-07-05..2029-01-04 30"},
		/* from the 31st: each period starts on the start's day, or the month's last */
		{"P-31", "2025-08-31", "2025-08-31..2026-02-27 30"},
		{"P-31", "2026-02-27", "2025-08-31..2026-02-27 30"},
		{"P-31", "2026-02-28", "2026-02-28..2026-08-30 30"},
		{"P-31", "2026-08-30", "2026-02-28..2026-08-30 30"},
		{"P-31", "2026-08-31", "2026-08-31..2027-02-27 30"},
		{"P-31", "2028-02-28", "2027-08-31..2028-02-28 30"},
		{"P-31", "2028-02-29", "2028-02-29..2028-08-30 30"},
		{"P-M", "2026-02-27", "2026-01-31..2026-02-27 30"},
		{"P-M", "2026-02-28", "2026-02-28..2026-03-30 30"},
		{"P-M", "2026-03-30", "2026-02-28..2026-03-30 30"},
		{"P-M", "2026-03-31", "2026-03-31..2026-04-29 30"},
		{"P-M", "2026-04-30", "2026-04-30..2026-05-30 30"},
		/* far from the start, where days per month are only estimated */
		{"P-M", "2030-06-15", "2030-05-31..2030-06-29 30"},
		{"P-M", "2030-06-30", "2030-06-30..2030-07-30 30"},
		{"P-W", "2026-02-01", "2026-01-05..2026-02-01 30"},
		{"P-W", "2026-02-02", "2026-02-02..2026-03-01 30"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		struct budget *b = budget_new(cache);
		struct entry e = entry(cases[i].plan, cases[i].date, 30);
		budget_add(b, &e);
		is_str(lines_of(b, cases[i].plan, cases[i].date, cases[i].date, NULL),
		       cases[i].line, "%s: %s counts in %s", cases[i].plan, cases[i].date,
		       cases[i].line);
		budget_free(b);
	}
}

/* Hours outside the plan's dates are in no budget period. */
static void outside(void)
{
	struct budget *b = budget_new(cache);
	static const struct {
		const char *plan, *date;
	} in[] = {
		{"P-1", "2026-01-04"}, {"P-E", "2026-03-31"}, {"P-E", "2026-04-01"},
		{"P-E", "2026-06-15"}, {"P-N", "2026-03-02"}, {"P-X", "2026-03-02"},
	};
	for (size_t i = 0; i < sizeof in / sizeof *in; i++) {
		struct entry e = entry(in[i].plan, in[i].date, 45);
		budget_add(b, &e);
	}
	is_str(lines_of(b, "P-1", "2025-01-01", "2026-12-31", NULL),
	       "2026-01-05..2026-07-04 0, 2026-07-05..2027-01-04 0", "the day before the start");
	is_str(lines_of(b, "P-E", "2026-01-01", "2026-12-31", NULL), "2026-01-05..2026-03-31 45",
	       "the last period ends with the plan, and so do its hours");
	is_str(lines_of(b, "P-N", "", "", NULL), "", "a plan without a budget has no lines");
	budget_free(b);
}

/* Every period that overlaps the range, and no other. */
static void ranges(void)
{
	static const struct {
		const char *plan, *from, *to, *lines;
	} cases[] = {
		{"P-1", "2026-06-01", "2026-08-31",
		 "2026-01-05..2026-07-04 0, 2026-07-05..2027-01-04 0"},
		{"P-1", "2026-07-04", "2026-07-05",
		 "2026-01-05..2026-07-04 0, 2026-07-05..2027-01-04 0"},
		{"P-1", "2026-07-05", "2026-07-05", "2026-07-05..2027-01-04 0"},
		{"P-1", "2025-01-01", "2026-01-04", ""},
		{"P-1", "2029-01-04", "2029-12-31", "2028-07-05..2029-01-04 0"},
		{"P-1", "2029-01-05", "", ""},
		{"P-1", "", "2026-01-05", "2026-01-05..2026-07-04 0"},
		{"P-1", "2028-01-01", "",
		 "2027-07-05..2028-01-04 0, 2028-01-05..2028-07-04 0, 2028-07-05..2029-01-04 0"},
		{"P-31", "2026-01-01", "2026-12-31",
		 "2025-08-31..2026-02-27 0, 2026-02-28..2026-08-30 0, 2026-08-31..2027-02-27 0"},
		{"P-W", "2026-01-31", "2026-02-02",
		 "2026-01-05..2026-02-01 0, 2026-02-02..2026-03-01 0"},
		{"P-E", "2026-03-31", "2026-12-31", "2026-01-05..2026-03-31 0"},
		{"P-E", "2026-04-01", "2026-06-30", ""},
		{"P-P", "2026-01-05", "2026-01-05", "2026-01-05..2026-04-04 0"},
		/* no end to the range nor the plan: up to the period holding today */
		{"P-M", "2026-01-01", "", "2026-01-31..2026-02-27 0, 2026-02-28..2026-03-30 0"},
		{"P-M", "2026-04-15", "", "2026-03-31..2026-04-29 0"},
	};
	struct budget *b = budget_new(cache);
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
		is_str(lines_of(b, cases[i].plan, cases[i].from, cases[i].to, NULL), cases[i].lines,
		       "%s over %s..%s (today 2026-03-04)", cases[i].plan, cases[i].from,
		       cases[i].to);
	budget_free(b);
}

/* Without a range: the period holding today of each plan not closed (a
 * paused one's budget runs on). */
static void current(void)
{
	static const struct {
		const char *plan, *today, *line;
	} cases[] = {
		{"P-1", "2026-03-04", "2026-01-05..2026-07-04 0"},
		{"P-1", "2026-07-05", "2026-07-05..2027-01-04 0"},
		{"P-1", "2030-01-01", "2028-07-05..2029-01-04 0"},
		{"P-1", "2026-01-04", ""},
		{"P-E", "2026-05-01", "2026-01-05..2026-03-31 0"},
		{"P-P", "2026-03-04", "2026-01-05..2026-04-04 0"},
		{"P-C", "2026-03-04", ""},
		{"P-N", "2026-03-04", ""},
	};
	struct budget *b = budget_new(cache);
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
		is_str(lines_of(b, cases[i].plan, "", "", cases[i].today), cases[i].line,
		       "%s today %s", cases[i].plan, cases[i].today);
	budget_free(b);
}

static void totals(void)
{
	struct budget *b = budget_new(cache);
	static const struct {
		const char *date;
		long minutes;
	} in[] = {{"2026-01-05", 90}, {"2026-03-02", 60}, {"2026-07-04", 30}, {"2026-07-05", 15}};
	for (size_t i = 0; i < sizeof in / sizeof *in; i++) {
		struct entry e = entry("P-1", in[i].date, in[i].minutes);
		budget_add(b, &e);
	}
	struct budget_line *l;
	struct period y2026 = {day("2026-01-01"), day("2026-12-31")};
	const struct plan *p[] = {plan("P-1"), plan("P-31")};
	size_t n = budget_lines(b, p, 2, &y2026, 0, &l);
	is_int(n, 5, "two lines for P-1 and three for P-31");
	if (n == 5) {
		ok(l[0].plan == p[0] && l[2].plan == p[1], "in the order of the plans");
		is_int(l[0].granted, 60 * 60, "granted: the budget's hours");
		is_int(l[0].used, 180, "used: the period's entries added");
		is_int(l[1].used, 15, "the next period's apart");
		/* 16 hours a week over 181 and 184 days, rounded down */
		is_int(l[0].work, 16 * 60 * 181 / 7, "contract minutes in the first period");
		is_int(l[1].work, 16 * 60 * 184 / 7, "and in the second");
		is_int(l[2].work, -1, "no contract hours: -1");
	}
	free(l);
	budget_free(b);
}

/* The table grows as plans come; what was counted must survive it. */
static void many(void)
{
	const char *dir = scratch_path("many");
	mkdir(dir, 0700);
	for (int i = 0; i < 100; i++) {
		char id[16];
		snprintf(id, sizeof id, "G-%d", i);
		write_plan(dir, id, "participant: {name: X}\nstart: 2026-01-05\n"
				    "budget: {hours: 1, per: 6m}\n");
	}
	struct plancache *mine = plancache_new(dir), *saved = cache;
	cache = mine;
	struct budget *b = budget_new(cache);
	for (int round = 0; round < 2; round++)
		for (int i = 0; i < 100; i++) {
			char id[16];
			snprintf(id, sizeof id, "G-%d", i);
			struct entry e = entry(id, "2026-02-02", i + 1);
			budget_add(b, &e);
		}
	int bad = 0;
	for (int i = 0; i < 100 && !bad; i++) {
		char id[16], want[64];
		snprintf(id, sizeof id, "G-%d", i);
		snprintf(want, sizeof want, "2026-01-05..2026-07-04 %d", 2 * (i + 1));
		const char *got = lines_of(b, id, "2026-02-02", "2026-02-02", NULL);
		if ((bad = strcmp(got, want) != 0))
			ok(0, "%s used %s, got %s", id, want, got);
	}
	ok(!bad, "100 plans, each with its own minutes");
	budget_free(b);
	cache = saved;
	plancache_free(mine);
}

/* What cp-hours --budget prints: left may go below zero, and then it says so. */
static void print(void)
{
	const char *dir = scratch_path("print");
	mkdir(dir, 0700);
	write_plan(dir, "P-A", "participant: {name: Anna}\nfunder: werkgever\nstart: 2026-01-05\n"
			       "work_hours_per_week: 2\nbudget: {hours: 1, per: 6m}\n");
	write_plan(dir, "P-B", "participant: {name: Bert}\nfunder: werkgever\nstart: 2026-01-05\n"
			       "budget: {hours: 2, per: 3m}\n");
	write_plan(dir, "P-N", "participant: {name: Nina}\nstart: 2026-01-05\n");
	struct plancache *c = plancache_new(dir);
	struct budget *b = budget_new(c);
	struct entry in[] = {entry("P-A", "2026-01-05", 60), entry("P-A", "2026-07-04", 30),
			     entry("P-B", "2026-04-05", 60), entry("P-N", "2026-04-05", 60)};
	for (size_t i = 0; i < sizeof in / sizeof *in; i++)
		budget_add(b, &in[i]);
	struct period h1 = {day("2026-01-01"), day("2026-06-30")};
	static const char *b_ids[] = {"P-B"};
	static const struct strlist none = {0}, only_b = {b_ids, 1};
	static const struct {
		const struct strlist *ids;
		int rc;
		const char *out;
	} cases[] = {
		{&none, 1,
		 "plan,participant,from,to,granted,used,left,work_share\n"
		 "P-A,Anna,2026-01-05,2026-07-04,60,90,-30,2.9\n"
		 "P-B,Bert,2026-01-05,2026-04-04,120,0,120,\n"
		 "P-B,Bert,2026-04-05,2026-07-04,120,60,60,\n"},
		{&only_b, 0,
		 "plan,participant,from,to,granted,used,left,work_share\n"
		 "P-B,Bert,2026-01-05,2026-04-04,120,0,120,\n"
		 "P-B,Bert,2026-04-05,2026-07-04,120,60,60,\n"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		char *s = NULL;
		size_t len = 0;
		FILE *out = open_memstream(&s, &len);
		struct plan_select sel = {cases[i].ids, &none, &none, 0};
		int rc = budget_print(b, c, dir, &sel, &h1, day("2026-03-04"), OUT_CSV, out);
		fclose(out);
		is_int(rc, cases[i].rc, "budget_print %zu: 1 if over budget", i);
		is_str(s, cases[i].out, "budget_print %zu: the CSV", i);
		free(s);
	}
	budget_free(b);
	budget_free(NULL);
	plancache_free(c);
}

int main(void)
{
	plans();
	periods();
	outside();
	ranges();
	current();
	totals();
	many();
	print();
	plancache_free(cache);
	return tap_done();
}
