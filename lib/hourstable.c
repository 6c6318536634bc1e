/* hourstable.c: the table of cp-hours: the hours of each group of keys
 * (agg.c sums them), for people with a total row, or for programs; with
 * remote, the hours on site and at a distance beside them. */
#include <string.h>

#include "reports.h"

static void totals_cells(struct table *t, enum outfmt f, const struct totals *tt, int remote)
{
	table_cell_minutes(t, f, tt->minutes);
	if (!remote)
		return;
	long far = totals_remote(tt);
	table_cell_minutes(t, f, tt->mode[MODE_ONSITE]);
	table_cell_minutes(t, f, far);
	table_cell_share(t, f, far, tt->minutes);
}

static const char *key_title(enum key k)
{
	static const char *const titles[KEY_COUNT] = {
		N_("plan"),  N_("goal"),  N_("mode"),  N_("coach"),   N_("funder"),
		N_("activity"), N_("grant"), N_("employer"), N_("scheme"), N_("day"),
		N_("week"),  N_("month"), N_("quarter"), N_("half year"), N_("year")};
	return _(titles[k]);
}

/* A key's value as people read it: modes, funders and activities in the
 * words of the language (on site, UWV, coaching the supervisor), and the
 * hours of no goal or activity said as the reports say them; programs get
 * the value as the files hold it. */
static const char *people_label(enum key k, const char *label)
{
	int v;
	switch (k) {
	case KEY_MODE:
		return mode_label(mode_parse(label, strlen(label)));
	case KEY_GRANT:
		return strcmp(label, "ungranted") ? label : _("ungranted");
	case KEY_GOAL:
		return *label ? label : _("no goal");
	case KEY_FUNDER:
		v = vocab_parse(&vocab_funder, label, strlen(label));
		return v < 0 ? label : funder_label(v);
	case KEY_ACTIVITY:
		if (!*label)
			return _("no activity");
		v = vocab_parse(&vocab_activity, label, strlen(label));
		return v < 0 ? label : report_activity_label(v);
	default:
		return label;
	}
}

int hours_print(struct agg *a, const enum key *keys, size_t nkeys, int remote, enum outfmt f,
		FILE *out)
{
	struct table *t = table_stream(f, out);
	table_title(t, _("Hours"));
	for (size_t i = 0; i < nkeys; i++)
		table_col(t, key_name(keys[i]), key_title(keys[i]), 0);
	table_col(t, "minutes", _("hours"), COL_RIGHT | COL_NUMBER | COL_HOURS);
	if (remote) {
		table_col(t, "onsite", _("on site"), COL_RIGHT | COL_NUMBER | COL_HOURS);
		table_col(t, "remote", _("remote"), COL_RIGHT | COL_NUMBER | COL_HOURS);
		table_col(t, "remote_share", _("remote %"), COL_RIGHT | COL_NUMBER);
	}
	size_t n;
	struct group **groups = agg_groups(a, &n);
	struct totals all = {0};
	char label[300];
	for (size_t g = 0; g < n; g++) {
		/* sorted, the groups are all over memory: ask for them early */
		if (g + 8 < n)
			group_prefetch(groups[g + 8]);
		const struct totals *tt = group_totals(groups[g]);
		for (size_t i = 0; i < nkeys; i++) {
			group_label(a, groups[g], i, label, sizeof label);
			table_cell(t, OUTFMT_PEOPLE(f) ? people_label(keys[i], label) : label);
		}
		totals_cells(t, f, tt, remote);
		all.minutes += tt->minutes;
		for (int m = 0; m < MODE_COUNT; m++)
			all.mode[m] += tt->mode[m];
	}
	table_total(t);
	for (size_t i = 0; i < nkeys; i++)
		table_cell(t, i ? "" : _("total"));
	totals_cells(t, f, &all, remote);
	int rc = table_print(t, f, out);
	table_free(t);
	return rc;
}
