/* test-agg: groups summed per key and handed out in key order, whatever
 * the length of the keys and however much of them they share. */
#include <stdlib.h>

#include "coachplan.h"
#include "tap.h"
#include "util.h"

static struct entry entry(const char *plan, const char *goal, const char *date, long minutes)
{
	struct entry e = {.mode = 0, .minutes = minutes};
	e.plan = (struct str){plan, strlen(plan)};
	e.goal = (struct str){goal, strlen(goal)};
	e.coach = (struct str){"robin", 5};
	e.note = (struct str){"", 0};
	date_parse(date, strlen(date), &e.date);
	return e;
}

/* Plans whose ids share 8, 16 and more bytes, in no order, each with two
 * goals: the output runs in byte order of plan, then goal. */
static void order(void)
{
	static const char *const plans[] = {
		"P-2026-0002-long-id-shared-prefix-b", "P-2026-0002", "P-2026-0002-long-id-shared-prefix-a",
		"P-2026-0001", "P-2026-0002-long", "P", "P-2026-00", "Q", "P-2026-0002-long-id",
		"P-2026-0002-long-id-shared-prefix",
	};
	static const char *const want[] = {
		"P", "P-2026-00", "P-2026-0001", "P-2026-0002", "P-2026-0002-long",
		"P-2026-0002-long-id", "P-2026-0002-long-id-shared-prefix",
		"P-2026-0002-long-id-shared-prefix-a", "P-2026-0002-long-id-shared-prefix-b", "Q",
	};
	enum key keys[] = {KEY_PLAN, KEY_GOAL};
	struct agg *a = agg_new(keys, 2, 0);
	for (size_t i = 0; i < sizeof plans / sizeof *plans; i++) {
		struct entry e = entry(plans[i], "G2", "2026-03-01", 30);
		agg_add(a, &e);
		e = entry(plans[i], "G1", "2026-03-02", 15);
		agg_add(a, &e);
		agg_add(a, &e);
	}
	agg_finish(a, NULL, NULL);
	size_t n;
	struct group **g = agg_groups(a, &n);
	is_int(n, 20, "ten plans, two goals each");
	for (size_t i = 0; i < n && i < 20; i++) {
		char plan[64], goal[8];
		group_label(a, g[i], 0, plan, sizeof plan);
		group_label(a, g[i], 1, goal, sizeof goal);
		is_str(plan, want[i / 2], "group %zu: plan", i);
		is_str(goal, i % 2 ? "G2" : "G1", "group %zu: goal", i);
		is_int(group_totals(g[i])->minutes, 30, "group %zu: minutes (G1 twice 15)", i);
	}
	agg_free(a);
}

/* Months sort as numbers, also across years, also past 16 key bytes. */
static void months(void)
{
	enum key keys[] = {KEY_PLAN, KEY_MONTH};
	struct agg *a = agg_new(keys, 2, 0);
	const char *dates[] = {"2027-01-05", "2026-12-31", "2026-02-01", "2025-12-01"};
	for (size_t i = 0; i < 4; i++) {
		struct entry e = entry("P-2026-0001-a-longer-id", "G1", dates[i], 60);
		agg_add(a, &e);
	}
	agg_finish(a, NULL, NULL);
	size_t n;
	struct group **g = agg_groups(a, &n);
	const char *want[] = {"2025-12", "2026-02", "2026-12", "2027-01"};
	is_int(n, 4, "four months");
	for (size_t i = 0; i < n && i < 4; i++) {
		char month[16];
		group_label(a, g[i], 1, month, sizeof month);
		is_str(month, want[i], "month %zu in order", i);
	}
	agg_free(a);
}

/* Groups added in random order, some twice, half of them into a second
 * aggregate merged in (a sheet read on two cores): the groups come out in
 * strict key order, with the same totals as added to one.  With 9,000
 * plans, more groups than agg_groups sorts on one thread. */
static void many(int entries, unsigned plans)
{
	enum key keys[] = {KEY_PLAN, KEY_MONTH};
	struct agg *one = agg_new(keys, 2, 0), *a = agg_new(keys, 2, 0), *b = agg_new(keys, 2, 0);
	rnd_seed(18);
	for (int i = 0; i < entries; i++) {
		char plan[16], date[16];
		snprintf(plan, sizeof plan, "P-%u", rnd(plans));
		snprintf(date, sizeof date, "2026-%02u-01", rnd(10) + 1);
		struct entry e = entry(plan, "", date, rnd(100) + 1);
		agg_add(one, &e);
		agg_add(rnd(2) ? a : b, &e);
	}
	agg_merge(a, b);
	is_int(agg_count(b), 0, "merged: the second aggregate is empty");
	agg_free(b);
	agg_finish(one, NULL, NULL);
	agg_finish(a, NULL, NULL);
	size_t n, m;
	struct group **g = agg_groups(one, &n), **h = agg_groups(a, &m);
	is_int(m, n, "merged: as many groups as added to one (%zu)", n);
	int bad = 0;
	char prev[32] = "", cur[32], month[16];
	for (size_t i = 0; i < n && i < m && !bad; i++) {
		group_label(one, g[i], 0, cur, sizeof cur);
		group_label(one, g[i], 1, month, sizeof month);
		strcat(cur, "/");
		strcat(cur, month);
		bad |= i && strcmp(prev, cur) >= 0;
		strcpy(prev, cur);
		group_label(a, h[i], 0, cur, sizeof cur);
		group_label(a, h[i], 1, month, sizeof month);
		strcat(cur, "/");
		strcat(cur, month);
		bad |= strcmp(prev, cur) != 0 || group_totals(g[i])->minutes != group_totals(h[i])->minutes ||
		       group_totals(g[i])->entries != group_totals(h[i])->entries;
	}
	ok(!bad, "%zu groups in strict key order, merged or not, with the same totals", n);
	agg_free(one);
	agg_free(a);
}

int main(void)
{
	order();
	months();
	many(40000, 3000);
	many(120000, 9000);
	return tap_done();
}
