/* test-planedit: a plan changed from the shell (planedit.c), as cp-plan and
 * cp-new do it; the new edits of edit.c under it; a grant as typed
 * (cli_grant); the diff --dry-run shows. */
#include "coachplan.h"
#include "tap.h"
#include "util.h"

static int day(const char *s)
{
	int d = DATE_NONE;
	return s && !date_parse(s, strlen(s), &d) ? d : DATE_NONE;
}

static const char v2[] =
	"# Sanne\n"
	"version: 2\n"
	"id: P-1\n"
	"participant:\n"
	"  name: Sanne\n"
	"coach: robin   # since the start\n"
	"funder: uwv\n"
	"start: 2026-11-02\n"
	"work_hours_per_week: 16\n"
	"evaluation:\n"
	"  every: 6m\n"
	"grants:\n"
	"  - from: 2026-11-02\n"
	"    to: 2027-05-01\n"
	"    hours: 60\n"
	"goals:\n"
	"  - id: G1\n"
	"    text: Kassa\n"
	"  - id: G7\n"
	"    text: Uren\n"
	"status: active\n";

/* The text after ops, or NULL (with what was said in *err, if asked). */
static char *amend(const char *src, const struct plan_op *ops, size_t n, char **err)
{
	struct buf out = {0};
	capture_start();
	int rc = plan_amend_text("P-1.yaml", src, strlen(src), ops, n, day("2026-11-23"), 0, &out);
	char *said = capture_end();
	if (err)
		*err = said;
	else
		free(said);
	if (rc < 0) {
		buf_free(&out);
		return NULL;
	}
	buf_str(&out);
	return out.s;
}

static struct plan *read_back(const char *text)
{
	int status;
	capture_start();
	struct plan *p = plan_parse("P-1.yaml", xstrdup(text), strlen(text), &status);
	free(capture_end());
	return p;
}

static void goals_and_texts(void)
{
	struct plan_op ops[] = {plan_op_new(PLAN_OP_GOAL, "Afsluiten"), plan_op_new(PLAN_OP_AGREEMENT, "Bellen"),
				plan_op_new(PLAN_OP_CONDITION, "Vaste plek: \"hoek\""),
				plan_op_new(PLAN_OP_CONTACT, "Anja")};
	ops[3].role = "leidinggevende";
	char *t = amend(v2, ops, 4, NULL);
	struct plan *p = t ? read_back(t) : NULL;
	ok(p != NULL, "a goal, an agreement, a condition and a contact: the plan reads back");
	if (p) {
		is_int((int)p->ngoals, 3, "three goals");
		is_str(p->goals[2].id, "G8", "the new goal is one past the highest id (G7)");
		is_str(p->agreements[0], "Bellen", "the agreement");
		is_str(p->conditions[0], "Vaste plek: \"hoek\"", "a condition that needs quotes");
		is_str(p->contacts[0].role, "leidinggevende", "the contact's role");
	}
	ok(t && strstr(t, "coach: robin   # since the start\n"), "the comments stay");
	plan_free(p);
	free(t);
	char *err;
	struct plan_op again = plan_op_new(PLAN_OP_GOAL, "Kassa");
	ok(!amend(v2, &again, 1, &err), "a goal the plan has is refused");
	ok(strstr(err, "the plan has this goal already") != NULL, "... saying so");
	free(err);
}

static void grants(void)
{
	struct plan_op g = plan_op_new(PLAN_OP_GRANT, NULL);
	g.grant.from = day("2027-05-02");
	g.grant.length = (struct interval){6, 'm'};
	g.grant.kind = GRANT_EXTENSION;
	g.grant.level = LEVEL_MIDDEN;
	g.grant.ref = "2027-001234";
	char *t = amend(v2, &g, 1, NULL);
	struct plan *p = t ? read_back(t) : NULL;
	ok(p && p->ngrants == 2, "a follow-up grant by level is added");
	if (p && p->ngrants == 2) {
		is_int(p->grants[1].to, day("2027-11-01"), "six months from its first day");
		is_int(p->grants[1].level, LEVEL_MIDDEN, "by level midden");
		ok(p->grants[1].minutes > 0, "its hours follow from the contract hours");
		is_str(p->grants[1].ref, "2027-001234", "its reference, quoted as a text");
	}
	plan_free(p);
	free(t);

	char *err;
	g.grant.from = day("2027-04-01");
	ok(!amend(v2, &g, 1, &err), "a grant over another is refused");
	ok(strstr(err, "overlaps the grant 2026-11-02..2027-05-01"), "... naming the other");
	free(err);
	g.grant.from = day("2026-10-01");
	ok(!amend(v2, &g, 1, &err), "a grant before the start is refused");
	ok(strstr(err, "before the plan starts on 2026-11-02"), "... saying when it starts");
	free(err);

	struct plan_op card = plan_op_new(PLAN_OP_GRANT, NULL);
	card.grant.from = day("2027-01-01");
	card.grant.kind = GRANT_STRIPPENKAART;
	card.grant.minutes = 20 * 60;
	card.grant.funder = FUNDER_WERKGEVER;
	t = amend(v2, &card, 1, NULL);
	p = t ? read_back(t) : NULL;
	ok(p && p->ngrants == 2, "a strippenkaart over a dated grant is no overlap");
	plan_free(p);
	free(t);
	card.grant.level = LEVEL_MIDDEN;
	card.grant.minutes = -1;
	ok(!amend(v2, &card, 1, &err), "a strippenkaart by level is refused");
	free(err);

	const char *v1 = "version: 1\nid: P-1\nparticipant: {name: S}\nfunder: uwv\n"
			 "start: 2026-11-02\n";
	g.grant.from = day("2027-05-02");
	ok(!amend(v1, &g, 1, &err), "a grant in a version 1 plan is refused");
	ok(strstr(err, "cp-plan --migrate"), "... with the hint to migrate");
	free(err);
}

/* A grant taken out: one planned, freely; one begun only when forced;
 * added and taken out again, the text is as it was. */
static void dropped(void)
{
	struct plan_op ops[2] = {plan_op_new(PLAN_OP_GRANT, NULL), plan_op_new(PLAN_OP_DROP_GRANT, "2027-06-01")};
	ops[0].grant.from = day("2027-05-02");
	ops[0].grant.length = (struct interval){6, 'm'};
	ops[0].grant.minutes = 40 * 60;
	char *t = amend(v2, ops, 2, NULL);
	is_str(t ? t : "(refused)", v2, "a grant added and dropped leaves the text as it was");
	free(t);

	char *err;
	struct plan_op drop = plan_op_new(PLAN_OP_DROP_GRANT, "2026-11-02");
	ok(!amend(v2, &drop, 1, &err), "a grant that has begun is not dropped");
	ok(strstr(err, "has begun") && strstr(err, "--force"), "... and --force is named");
	free(err);
	drop.force = 1;
	t = amend(v2, &drop, 1, NULL);
	struct plan *p = t ? read_back(t) : NULL;
	ok(p && p->ngrants == 0 && strstr(t, "grants:\ngoals:"), "forced, it is dropped");
	plan_free(p);
	free(t);
	drop.text = "2025-01-01";
	ok(!amend(v2, &drop, 1, &err), "a day no grant holds names none");
	ok(strstr(err, "no grant with reference"), "... and says so");
	free(err);
}

static void history(void)
{
	struct plan_op ops[] = {plan_op_new(PLAN_OP_COACH, "kim"), plan_op_new(PLAN_OP_WORK, NULL)};
	ops[0].day = day("2027-03-01");
	ops[1].day = day("2027-02-01");
	ops[1].minutes = 24 * 60;
	char *t = amend(v2, ops, 2, NULL);
	struct plan *p = t ? read_back(t) : NULL, *before = read_back(v2);
	ok(p != NULL, "a hand-over and new hours: the plan reads back");
	if (p && before) {
		is_str(plan_coach_on(p, day("2027-02-28")), "robin", "robin up to the day before");
		is_str(plan_coach_on(p, day("2027-03-01")), "kim", "kim from the day");
		is_str(p->coach, "robin", "coach: who coaches today, not kim before her day");
		is_int((int)plan_work_on(p, day("2027-01-31")), 16 * 60, "16 hours before");
		is_int((int)plan_work_on(p, day("2027-02-01")), 24 * 60, "24 hours from the day");
		is_int((int)p->grants[0].minutes, (int)before->grants[0].minutes,
		       "the grant of hours is the same");
	}
	plan_free(p);
	plan_free(before);
	free(t);
	char *err;
	ops[0].day = day("2026-10-01");
	ok(!amend(v2, ops, 1, &err), "a hand-over before the start is refused");
	free(err);
	ops[0].day = day("2027-03-01");
	ops[0].text = "robin";
	ok(!amend(v2, ops, 1, &err), "a hand-over to the coach the plan has is refused");
	free(err);
}

static void status(void)
{
	struct plan_op o = plan_op_new(PLAN_OP_STATUS, NULL);
	o.status = STATUS_CLOSED;
	char *t = amend(v2, &o, 1, NULL);
	struct plan *p = t ? read_back(t) : NULL;
	ok(p && p->status == STATUS_CLOSED, "--close: closed");
	ok(p && p->end == day("2026-11-23"), "--close: ending today");
	plan_free(p);
	free(t);
	o.status = STATUS_ACTIVE;
	char *err;
	ok(!amend(v2, &o, 1, &err), "an active plan is not resumed");
	free(err);
}

/* --end alone: the end moves (set below start: where there was none), the
 * status stays; a closed plan keeps its end. */
static void end(void)
{
	struct plan_op o = plan_op_new(PLAN_OP_END, NULL);
	o.day = day("2027-12-31");
	char *t = amend(v2, &o, 1, NULL);
	struct plan *p = t ? read_back(t) : NULL;
	ok(t && strstr(t, "start: 2026-11-02\nend: 2027-12-31\n"), "--end: the key below start:");
	ok(p && p->end == o.day && p->status == STATUS_ACTIVE, "--end: the new end, still active");
	plan_free(p);
	o.day = day("2028-01-31");
	char *again = t ? amend(t, &o, 1, NULL) : NULL;
	ok(again && strstr(again, "\nend: 2028-01-31\n") && !strstr(again, "2027-12-31"),
	   "--end again: the value replaced");
	free(again);
	struct plan_op c = plan_op_new(PLAN_OP_STATUS, NULL);
	c.status = STATUS_CLOSED;
	char *closed = t ? amend(t, &c, 1, NULL) : NULL, *err = NULL;
	ok(closed && !amend(closed, &o, 1, &err) && err && strstr(err, "the plan is closed"),
	   "--end of a closed plan: refused");
	free(err);
	free(closed);
	free(t);
}

static const char v1[] =
	"version: 1\n"
	"id: P-1\n"
	"participant: {name: Bart}\n"
	"coach: robin\n"
	"funder: uwv\n"
	"funder_ref: \"2026-000123\"\n"
	"start: 2026-01-05\n"
	"end: 2027-01-04\n"
	"work_hours_per_week: 16\n"
	"budget: {hours: 60, per: 6m}  # UWV\n"
	"status: active\n";

static void migrate(void)
{
	struct plan_op o = plan_op_new(PLAN_OP_MIGRATE, NULL);
	char *t = amend(v1, &o, 1, NULL);
	struct plan *p = t ? read_back(t) : NULL, *before = read_back(v1);
	ok(p && p->version == 2 && plan_has_grants(p), "--migrate: version 2 with grants");
	if (p && before) {
		is_int((int)p->ngrants, 2, "a grant per budget period");
		for (size_t i = 0; i < p->ngrants && i < before->ngrants; i++) {
			ok(p->grants[i].from == before->grants[i].from &&
				   p->grants[i].to == before->grants[i].to &&
				   p->grants[i].minutes == before->grants[i].minutes,
			   "grant %zu: the same period and hours", i + 1);
			is_str(p->grants[i].ref, "2026-000123", "grant %zu: the funder_ref", i + 1);
		}
		is_int(p->ncoachspans, 1, "coaches: one from the start");
		is_int(p->nworkspans, 1, "work_hours: one from the start");
	}
	ok(t && strstr(t, "  - {from: 2026-07-05, to: 2027-01-04, funder: uwv, ref: \"2026-000123\", "
			  "hours: 60}  # UWV\n"),
	   "the budget's comment stays after the grants");
	plan_free(p);
	plan_free(before);
	free(t);
	const char *bare = "id: P-1\nparticipant: {name: Bart}\nstart: 2026-01-05\n";
	t = amend(bare, &o, 1, NULL);
	ok(t && !strncmp(t, "version: 2\nid: P-1\n", 19), "--migrate without version: on top");
	free(t);
}

static void edits(void)
{
	const char *src = "a: 1   # one\n# about b\nb:\n  - x\n  - y   # why\n\n# end\nc: 3\n";
	struct ydoc doc;
	struct arena arena = {0};
	struct edits e = {0};
	struct buf out = {0};
	ok(ydoc_parse(&doc, &arena, "t.yaml", src, strlen(src)) == 0, "a YAML text reads");
	struct ynode *root = yderef(doc.root);
	ok(yedit_map_insert_after(&e, &doc, root, "b", "k2", "\n- {k: 1}") == 0,
	   "a pair after another");
	edits_apply(&e, src, strlen(src), &out);
	is_str(buf_str(&out), "a: 1   # one\n# about b\nb:\n  - x\n  - y   # why\nk2:\n  - {k: 1}\n\n# end\nc: 3\n",
	       "... below the other's value and its comment, in its step");
	edits_free(&e);
	out.len = 0;
	ok(yedit_map_replace_pair(&e, &doc, root, "a", "z", "\n- 1") == 0, "a pair replaced");
	edits_apply(&e, src, strlen(src), &out);
	is_str(buf_str(&out), "z:\n  - 1   # one\n# about b\nb:\n  - x\n  - y   # why\n\n# end\nc: 3\n",
	       "... in its place, the comment after it kept");
	edits_free(&e);
	out.len = 0;
	ok(yedit_map_list_append_text(&e, &doc, root, "b", "z: no") == 0, "a text to a list");
	edits_apply(&e, src, strlen(src), &out);
	ok(strstr(buf_str(&out), "  - y   # why\n  - \"z: no\"\n") != NULL, "... quoted as needed");
	edits_free(&e);
	buf_free(&out);
	arena_free(&arena);
}

static void typed(void)
{
	struct grant_spec g;
	char a[] = "2027-05-02/6m:midden,vervolg,uwv,ref=2027-001234";
	ok(cli_grant(a, &g) == 0, "a grant typed short");
	ok(g.from == day("2027-05-02") && g.length.n == 6 && g.length.unit == 'm' &&
		   g.level == LEVEL_MIDDEN && g.kind == GRANT_EXTENSION && g.funder == FUNDER_UWV,
	   "... its first day, length, level, kind and funder");
	is_str(g.ref, "2027-001234", "... and reference");
	char b[] = "2026-11-02..2027-05-01:59,5";
	ok(cli_grant(b, &g) == 0 && g.to == day("2027-05-01") && g.minutes == 59 * 60 + 30,
	   "FROM..TO:HOURS with a decimal comma");
	char *bad[] = {"", ":60", "2026-11-02:lots", "2026-11-02:60,nobody", "2026-13-01:60",
		       "2026-11-02..2027-05-01/6m:60"};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		char *c = xstrdup(bad[i]);
		capture_start();
		ok(cli_grant(c, &g) < 0, "refused: %s", bad[i]);
		free(capture_end());
		free(c);
	}
}

static void diff(void)
{
	const char *a = "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n";
	const char *b = "1\n2\n3\n4\nfour\n5\n6\n7\n8\n9\n10\n11\n";
	struct buf out = {0};
	diff_unified(&out, "p.yaml", a, strlen(a), b, strlen(b));
	is_str(buf_str(&out),
	       "--- a/p.yaml\n+++ b/p.yaml\n@@ -2,6 +2,7 @@\n 2\n 3\n 4\n+four\n 5\n 6\n 7\n"
	       "@@ -9,4 +10,3 @@\n 9\n 10\n 11\n-12\n",
	       "two hunks, three lines of context");
	out.len = 0;
	diff_unified(&out, "p.yaml", a, strlen(a), a, strlen(a));
	is_int((int)out.len, 0, "no change, no diff");
	static const char *const names[][2] = {
		{"plans/P-1.yaml", "plans/P-1.yaml"},     {"./plans/P-1.yaml", "plans/P-1.yaml"},
		{"../../plans/P-1.yaml", "plans/P-1.yaml"}, {"/srv/cl/plans/P-1.yaml", "plans/P-1.yaml"},
		{"/P-1.yaml", "P-1.yaml"},                 {"P-1.yaml", "P-1.yaml"},
	};
	for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
		out.len = 0;
		diff_unified(&out, names[i][0], a, strlen(a), b, strlen(b));
		char want[64];
		snprintf(want, sizeof want, "--- a/%s\n", names[i][1]);
		ok(!strncmp(buf_str(&out), want, strlen(want)), "%s is a/%s, as git names it",
		   names[i][0], names[i][1]);
	}
	buf_free(&out);
}

int main(void)
{
	goals_and_texts();
	grants();
	dropped();
	history();
	status();
	end();
	migrate();
	edits();
	typed();
	diff();
	return tap_done();
}
