/* test-eras: the plan keys of an hour by the grant of its day (eras.c on
 * agg.c): the funder and grant follow the dates, a strippenkaart takes the
 * hours of its days in date order and the rest is ungranted, a version 1
 * plan's funder is its own every day. */
#include <sys/stat.h>

#include "coachplan.h"
#include "tap.h"
#include "util.h"

static struct plancache *cache;

static struct entry entry(const char *plan, const char *goal, const char *date, long minutes)
{
	struct entry e = {.mode = 0, .minutes = minutes};
	e.plan = (struct str){plan, strlen(plan)};
	e.goal = (struct str){goal, strlen(goal)};
	e.coach = (struct str){"robin", 5};
	e.note = e.activity = (struct str){"", 0};
	date_parse(date, strlen(date), &e.date);
	return e;
}

static const char *name(enum key k, struct str id, int era, const struct totals *t, void *arg)
{
	(void)t, (void)arg;
	int status;
	const struct plan *p = plancache_get(cache, id.s, id.n, &status);
	return p ? era_name(k, p, era, NULL) : "?";
}

/* The groups as "label|label minutes; ..." */
static const char *groups(const enum key *keys, size_t nkeys, int by_grant,
			  const struct entry *e, size_t n)
{
	static char out[1024];
	struct agg *a = agg_new(keys, nkeys, 0);
	struct eras *x = eras_new(a, cache, by_grant, NULL);
	for (size_t i = 0; i < n; i++)
		eras_add(x, &e[i]);
	eras_flush(x);
	agg_finish(a, name, NULL);
	size_t ng, len = 0;
	struct group **g = agg_groups(a, &ng);
	out[0] = '\0';
	for (size_t i = 0; i < ng; i++) {
		for (size_t k = 0; k < nkeys; k++) {
			char label[300];
			group_label(a, g[i], k, label, sizeof label);
			len += (size_t)snprintf(out + len, sizeof out - len, "%s%s", k ? "|" : "", label);
		}
		len += (size_t)snprintf(out + len, sizeof out - len, " %ld%s",
					group_totals(g[i])->minutes, i + 1 < ng ? "; " : "");
	}
	eras_free(x);
	agg_free(a);
	return out;
}

int main(void)
{
	const char *dir = scratch_path("plans");
	mkdir(dir, 0700);
	static const char v2[] =
		"version: 2\nid: P-2\nfunder: uwv\nstart: 2026-01-05\n"
		"employer: {name: De Keuken}\nparticipant: {name: S, scheme: wajong}\n"
		"grants:\n"
		"  - {from: 2026-01-05, to: 2026-07-04, ref: A, hours: 60}\n"
		"  - {from: 2026-07-05, to: 2026-12-31, funder: gemeente, hours: 10}\n"
		"  - {from: 2027-01-01, kind: strippenkaart, funder: werkgever, hours: 2}\n";
	static const char v1[] = "id: P-1\nparticipant: {name: B}\nfunder: gemeente\n"
				 "start: 2026-01-05\nbudget: {hours: 4, per: 6m}\n";
	char path[600];
	snprintf(path, sizeof path, "%s/P-2.yaml", dir);
	write_file(path, v2, sizeof v2 - 1);
	snprintf(path, sizeof path, "%s/P-1.yaml", dir);
	write_file(path, v1, sizeof v1 - 1);
	cache = plancache_new(dir);
	int status;
	if (!plancache_get(cache, "P-2", 3, &status) || !plancache_get(cache, "P-1", 3, &status)) {
		ok(0, "the plans read");
		return tap_done();
	}
	const struct entry e[] = {
		entry("P-2", "G1", "2026-07-04", 60),  entry("P-2", "G1", "2026-07-05", 30),
		entry("P-2", "G2", "2027-01-20", 90),  entry("P-2", "G1", "2027-01-10", 60),
		entry("P-2", "G1", "2025-12-31", 15),  entry("P-1", "G1", "2026-03-01", 45),
		entry("P-1", "G1", "2026-08-01", 20),
	};
	size_t n = sizeof e / sizeof *e;
	enum key funder[] = {KEY_PLAN, KEY_FUNDER};
	is_str(groups(funder, 2, 0, e, n),
	       "P-1|gemeente 65; P-2|gemeente 30; P-2|uwv 105; P-2|werkgever 120",
	       "the funder of each day's grant; what no grant or strippenkaart takes, the plan's");
	enum key grant[] = {KEY_PLAN, KEY_GRANT};
	is_str(groups(grant, 2, 1, e, n),
	       "P-1|2026-01-05..2026-07-04 45; P-1|2026-07-05..2027-01-04 20; "
	       "P-2|2026-01-05..2026-07-04 A 60; P-2|2026-07-05..2026-12-31 30; "
	       "P-2|2027-01-01.. 120; P-2|ungranted 45",
	       "each hour in its grant: the last day in one, the first in the next; a version 1 "
	       "plan's budget periods; the strippenkaart used up in date order");
	enum key goal[] = {KEY_GRANT, KEY_GOAL};
	is_str(groups(goal, 2, 1, e + 2, 2),
	       "2027-01-01..|G1 60; 2027-01-01..|G2 60; ungranted|G2 30",
	       "the hour of the 10th first on the strippenkaart, what the 20th could not fit ungranted");
	enum key whose[] = {KEY_EMPLOYER, KEY_SCHEME, KEY_FUNDER};
	is_str(groups(whose, 3, 0, e + 5, 2), "||gemeente 65",
	       "a plan without employer or scheme: empty; its own funder every day");
	plancache_free(cache);
	return tap_done();
}
