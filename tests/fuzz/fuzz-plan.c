/* fuzz-plan: the plan reader on any bytes.  It must never crash, and what
 * it accepts must hold up: the values a plan reports are the ones the
 * format allows, and a plan written back from them (as cp-new writes)
 * reads again to the same values.  And where yamlfast.c reads
 * the text, libyaml reads it to the same tree. */
#include "fuzz.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc, (void)argv;
	fuzz_init();
	return 0;
}

/* What cp-new lets into a plan: one line of valid UTF-8. */
static int writable(const char *s)
{
	size_t n = s ? strlen(s) : 0;
	if (!n || utf8_invalid(s, n) != n)
		return 0;
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)s[i] < 0x20 || s[i] == 0x7f)
			return 0;
	return 1;
}

static int same_text(const char *a, const char *b)
{
	return (!a && !b) || (a && b && !strcmp(a, b));
}

/* plan_format from what was read, then read that: the values survive. */
static void round_trip(const struct plan *p)
{
	const char *goals[64];
	struct plan_spec s = {0};
	if (!writable(p->name) || p->ngoals > 64)
		return;
	s.id = p->id;
	s.name = p->name;
	s.scheme = p->scheme;
	s.employer = writable(p->employer) ? p->employer : NULL;
	s.employer_contact = writable(p->employer_contact) ? p->employer_contact : NULL;
	s.coach = writable(p->coach) ? p->coach : NULL;
	s.funder = p->funder;
	s.funder_ref = writable(p->funder_ref) ? p->funder_ref : NULL;
	s.start = p->start;
	s.end = p->end;
	s.work_minutes = p->work_minutes;
	s.every = p->every;
	s.next = p->next;
	s.budget_minutes = p->budget_minutes;
	s.budget_per = p->budget_per;
	for (size_t i = 0; i < p->ngoals; i++) {
		if (!writable(p->goals[i].text))
			return;
		goals[i] = p->goals[i].text;
	}
	s.goals = goals;
	s.ngoals = p->ngoals;
	if (s.next == DATE_NONE || s.start == DATE_NONE)
		return;
	struct buf b = {0};
	plan_format(&b, &s);
	int status;
	char path[100];
	snprintf(path, sizeof path, "%s", "fuzz-plan-again");
	struct plan *q = plan_parse(path, xstrndup(b.s, b.len), b.len, &status);
	if (!q)
		fprintf(fuzz_stderr, "written:\n%s\n", b.s);
	FUZZ_ASSERT(q);
	FUZZ_ASSERT(!strcmp(q->id, p->id));
	FUZZ_ASSERT(same_text(q->name, p->name));
	FUZZ_ASSERT(same_text(q->employer, s.employer));
	FUZZ_ASSERT(same_text(q->employer_contact, s.employer_contact));
	FUZZ_ASSERT(same_text(q->coach, s.coach));
	FUZZ_ASSERT(same_text(q->funder_ref, s.funder_ref));
	FUZZ_ASSERT(q->funder == p->funder && q->scheme == p->scheme);
	FUZZ_ASSERT(q->start == p->start && q->end == p->end && q->next == p->next);
	FUZZ_ASSERT(q->work_minutes == p->work_minutes);
	FUZZ_ASSERT(q->budget_minutes == p->budget_minutes);
	FUZZ_ASSERT(q->every.n == p->every.n && q->every.unit == p->every.unit);
	FUZZ_ASSERT(q->ngoals == p->ngoals);
	for (size_t i = 0; i < p->ngoals; i++)
		FUZZ_ASSERT(!strcmp(q->goals[i].text, p->goals[i].text));
	plan_free(q);
	buf_free(&b);
}

static int same_tree(const struct ynode *a, const struct ynode *b)
{
	if (a->kind != b->kind || a->style != b->style || a->flags != b->flags ||
	    a->start != b->start || a->end != b->end || a->n != b->n)
		return 0;
	if (a->kind == Y_SCALAR)
		return !memcmp(a->u.str, b->u.str, a->n + 1);
	if (a->kind == Y_ALIAS)
		return 0; /* the fast reader makes none */
	for (uint32_t i = 0; i < (a->kind == Y_MAP ? 2 * a->n : a->n); i++)
		if (!same_tree(a->u.kids[i], b->u.kids[i]))
			return 0;
	return 1;
}

/* What the fast reader reads, libyaml reads alike: the same tree, the
 * same duplicate keys. */
static void fast_as_libyaml(const char *src, size_t size)
{
	struct arena a = {0}, b = {0};
	struct ydoc fast, slow;
	int rf = ydoc_parse_how(&fast, &a, "fuzz-plan", src, size, YPARSE_FAST);
	if (rf != 1) {
		int rl = ydoc_parse_how(&slow, &b, "fuzz-plan", src, size, YPARSE_LIBYAML);
		FUZZ_ASSERT(rf == rl);
		FUZZ_ASSERT(!fast.root == !slow.root);
		FUZZ_ASSERT(!fast.root || same_tree(fast.root, slow.root));
	}
	arena_free(&a);
	arena_free(&b);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size > PLAN_MAX_BYTES) /* plan_load refuses these before parsing */
		return 0;
	char *text = fuzz_strdup(data, size);
	fast_as_libyaml(text, size);
	free(text);
	int status = -1;
	struct plan *p = plan_parse("fuzz-plan", fuzz_strdup(data, size), size, &status);
	if (!p) {
		FUZZ_ASSERT(status == EX_DATAERR);
		return 0;
	}
	FUZZ_ASSERT(status == 0);
	FUZZ_ASSERT(p->id && id_valid(p->id, strlen(p->id)));
	FUZZ_ASSERT(p->name);
	FUZZ_ASSERT(p->start != DATE_NONE);
	FUZZ_ASSERT(p->end == DATE_NONE || p->end >= p->start);
	FUZZ_ASSERT(p->funder >= 0 && p->funder < FUNDER_COUNT);
	FUZZ_ASSERT(p->scheme >= 0 && p->scheme < SCHEME_COUNT);
	FUZZ_ASSERT(p->status >= 0 && p->status < STATUS_COUNT);
	FUZZ_ASSERT(strchr("dwmy", p->every.unit) && p->every.n > 0);
	for (size_t i = 0; i < p->ngoals; i++) {
		FUZZ_ASSERT(id_valid(p->goals[i].id, strlen(p->goals[i].id)));
		FUZZ_ASSERT(plan_goal(p, p->goals[i].id, strlen(p->goals[i].id)) == &p->goals[i]);
	}
	for (size_t i = 1; i < p->nevals; i++)
		FUZZ_ASSERT(p->evals[i].date >= p->evals[i - 1].date);
	round_trip(p);
	plan_slim(p);
	FUZZ_ASSERT(p->id && id_valid(p->id, strlen(p->id)));
	plan_free(p);
	return 0;
}
