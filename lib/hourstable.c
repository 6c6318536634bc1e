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
			if (keys[i] == KEY_MODE && OUTFMT_PEOPLE(f)) /* on site, telefoon */
				table_cell(t, report_mode_label(mode_parse(label, strlen(label))));
			else if (keys[i] == KEY_GRANT && OUTFMT_PEOPLE(f) && !strcmp(label, "ungranted"))
				table_cell(t, _("ungranted"));
			else if (keys[i] == KEY_GOAL && OUTFMT_PEOPLE(f) && !*label)
				table_cell(t, _("no goal")); /* as the reports say it */
			else
				table_cell(t, label);
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
