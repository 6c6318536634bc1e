/* plan.c: a coaching plan read from YAML and checked against the format
 * (coachplan-plan(5)).  Every problem in a file is reported, each at its
 * position; unknown keys are allowed and left alone.  Typing follows YAML
 * 1.2 where it matters: only the pinned words are enumerations, dates must
 * be real calendar days, and text stays the text the user wrote. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "planread.h"

void pr_complain(struct reader *r, const struct ynode *n, const char *hint, const char *fmt, ...)
{
	char msg[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	struct srcpos at;
	ynode_pos(&r->p->doc, n, &at);
	cp_err_at(EX_DATAERR, &at, hint, "%s", msg);
	r->bad++;
}

/* The value of key in map, or NULL if absent or written as null. */
struct ynode *pr_get(struct ynode *map, const char *key)
{
	struct ynode *v = yderef(ymap_get(map, key));
	return v && !yscalar_null(v) ? v : NULL;
}

const char *pr_text(struct reader *r, struct ynode *n, const char *what)
{
	if (!n)
		return NULL;
	if (n->kind != Y_SCALAR) {
		pr_complain(r, n, NULL, _("%s must be a text, not a list or mapping"), _(what));
		return NULL;
	}
	if (memchr(n->u.str, '\0', n->n)) {
		pr_complain(r, n, NULL, _("%s holds a NUL character"), _(what));
		return NULL;
	}
	return n->u.str;
}

const char *pr_required_text(struct reader *r, struct ynode *map, const char *key,
				 const char *what)
{
	const char *s = pr_text(r, pr_get(map, key), what);
	if (!s && !pr_get(map, key)) {
		struct ynode *at = ymap_key(map, key) ? ymap_key(map, key) : map;
		pr_complain(r, at, NULL, _("missing %s"), _(what));
	}
	return s;
}

/* Whether a parser refused n's text (why is its reason), said with a hint. */
static int refused(struct reader *r, struct ynode *n, const char *what, const char *why,
		   const char *hint)
{
	if (why)
		pr_complain(r, n, hint, "%s: %s", _(what), why);
	return why != NULL;
}

int pr_date_of(struct reader *r, struct ynode *n, const char *what)
{
	const char *s = pr_text(r, n, what), *why;
	int day;
	/* no text without a node; the analyser cannot see that */
	if (!s || !n)
		return DATE_NONE;
	if (!(why = date_parse(s, n->n, &day)))
		return day;
	char typed[80], iso[11];
	const char *hint = _("dates are written YYYY-MM-DD, as in 2026-01-05");
	if ((day = date_typed_with_year(s, n->n)) != DATE_NONE) {
		date_format(day, iso);
		snprintf(typed, sizeof typed, _("a plan writes the year first: %s"), iso);
		hint = typed;
	}
	refused(r, n, what, why, hint);
	return DATE_NONE;
}

int pr_word_of(struct reader *r, struct ynode *n, const struct vocab *v)
{
	const char *s = pr_text(r, n, v->what);
	if (!s)
		return -1;
	int value = vocab_parse(v, s, n->n);
	if (value < 0) {
		char hint[256];
		snprintf(hint, sizeof hint, _("%s is one of %s"), _(v->what), vocab_choices(v));
		pr_complain(r, n, hint, _("unknown %s %s"), _(v->what), quote(s, n->n));
	}
	return value;
}

enum { HOURS_NO_NUMBER, HOURS_TOO_MANY, HOURS_DECIMALS };

/* Why a plain number hours_parse refused is refused, to name the limit
 * rather than call 80.001 or 16.125 no number: over max_hours, or more
 * decimals than whole minutes hold. */
static int hours_fault(const char *s, size_t n, long max_hours)
{
	size_t point = n;
	long whole = 0;
	int rest = 0; /* a digit after the point other than 0 */
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '.' && point == n && i > 0 && i + 1 < n)
			point = i;
		else if (s[i] < '0' || s[i] > '9')
			return HOURS_NO_NUMBER;
		else if (point < n)
			rest |= s[i] != '0';
		else if (whole <= max_hours) /* past it, the digits no longer matter */
			whole = whole * 10 + (s[i] - '0');
	}
	if (whole > max_hours || (whole == max_hours && rest))
		return HOURS_TOO_MANY;
	return point < n && n - point > 3 ? HOURS_DECIMALS : HOURS_NO_NUMBER;
}

static long hours_refused(struct reader *r, struct ynode *n, const char *s, const char *what,
			  long max_hours)
{
	int why = n->style == Y_PLAIN ? hours_fault(s, n->n, max_hours) : HOURS_NO_NUMBER;
	if (why == HOURS_TOO_MANY)
		pr_complain(r, n, NULL, _("%s must be more than 0 and at most %ld"), _(what), max_hours);
	else if (why == HOURS_DECIMALS)
		pr_complain(r, n, _("write hours with at most two decimals, as in 18.25"),
			    _("%s must have at most two decimals"), _(what));
	else
		pr_complain(r, n, _("write a number of hours, as in 16 or 18.5"),
			    _("%s must be a number"), _(what));
	return -1;
}

/* A number of hours, whole or with a decimal point, as minutes.  YAML
 * writes a number plain and with a point: a quoted or comma'd one is text. */
long pr_hours_of(struct reader *r, struct ynode *n, const char *what, long max_hours)
{
	const char *s = pr_text(r, n, what);
	long minutes;
	if (!s)
		return -1;
	if (n->style != Y_PLAIN || memchr(s, ',', n->n) || hours_parse(s, n->n, &minutes))
		return hours_refused(r, n, s, what, max_hours);
	if (minutes <= 0 || minutes > max_hours * 60) {
		pr_complain(r, n, NULL, _("%s must be more than 0 and at most %ld"), _(what), max_hours);
		return -1;
	}
	return minutes;
}

struct interval pr_interval_of(struct reader *r, struct ynode *n, const char *what,
				   struct interval dflt)
{
	const char *s = pr_text(r, n, what);
	struct interval iv;
	if (!s || !n ||
	    refused(r, n, what, interval_parse(s, n->n, &iv),
		    _("write a number and d, w, m or y: 6m is every six months")))
		return dflt;
	return iv;
}

static int all_digits(const struct ynode *n)
{
	if (n->kind != Y_SCALAR || n->style != Y_PLAIN || !n->n)
		return 0;
	for (uint32_t i = 0; i < n->n; i++)
		if (n->u.str[i] < '0' || n->u.str[i] > '9')
			return 0;
	return 1;
}

/* In { } a comma parts two keys: a Dutch 7,5 typed there reads as 7 and a
 * key 5 without a value, which the format would keep as a key of its own,
 * and the mark or the hours would be 7 without a word. */
static void decimal_comma(struct reader *r, const struct ynode *map)
{
	for (uint32_t i = 1; i < map->n; i++) {
		const struct ynode *before = map->u.kids[2 * i - 1], *key = map->u.kids[2 * i];
		const struct ynode *v = map->u.kids[2 * i + 1];
		if (!all_digits(key) || !yscalar_null(v) || !all_digits(before))
			continue;
		char hint[160];
		snprintf(hint, sizeof hint, _("write %s.%s: a plan holds numbers with a decimal point"),
			 before->u.str, key->u.str);
		pr_complain(r, before, hint,
			    _("\"%s,%s\" reads as %s and a key %s: in { } a comma parts two keys"),
			    before->u.str, key->u.str, before->u.str, key->u.str);
	}
}

struct ynode *pr_mapping(struct reader *r, struct ynode *n, const char *what)
{
	if (n && n->kind != Y_MAP)
		pr_complain(r, n, _("write the keys below it, indented"), _("%s must be a mapping of keys"),
			    _(what));
	if (n && n->kind == Y_MAP && n->style == Y_FLOW)
		decimal_comma(r, n);
	return n && n->kind == Y_MAP ? n : NULL;
}

struct ynode *pr_list(struct reader *r, struct ynode *n, const char *what)
{
	if (n && n->kind != Y_SEQ)
		pr_complain(r, n, _("write each item on its own line after \"- \""), _("%s must be a list"),
			    _(what));
	return n && n->kind == Y_SEQ ? n : NULL;
}

void *pr_items(struct reader *r, struct ynode *root, const char *key, const char *what,
	       size_t size, struct ynode **list)
{
	*list = pr_list(r, pr_get(root, key), what);
	return *list ? arena_alloc(&r->p->arena, ((*list)->n ? (*list)->n : 1) * size) : NULL;
}

void *pr_each(struct reader *r, struct ynode *root, const char *key, const char *what,
	      size_t size, size_t *n, int (*one)(struct reader *r, struct ynode *item, void *slot))
{
	struct ynode *l;
	char *slots = pr_items(r, root, key, what, size, &l);
	for (uint32_t i = 0; slots && i < l->n; i++) {
		void *slot = slots + *n * size;
		memset(slot, 0, size);
		*n += one(r, yderef(l->u.kids[i]), slot) != 0;
	}
	return slots;
}

static void read_participant(struct reader *r, struct ynode *root)
{
	struct plan *p = r->p;
	struct ynode *m = pr_mapping(r, pr_get(root, "participant"), "participant");
	if (!m) {
		if (!pr_get(root, "participant"))
			pr_complain(r, ymap_key(root, "participant") ? ymap_key(root, "participant") : root,
				 _("add participant: with name: below it"), _("missing participant"));
		return;
	}
	p->name = pr_required_text(r, m, "name", N_("participant name"));
	struct ynode *s = pr_get(m, "scheme");
	if (s) {
		int v = pr_word_of(r, s, &vocab_scheme);
		p->scheme = v < 0 ? SCHEME_NONE : v;
	}
}

static void read_employer(struct reader *r, struct ynode *root)
{
	struct ynode *e = pr_get(root, "employer");
	if (e && e->kind == Y_SCALAR) { /* employer: Restaurant De Keuken */
		r->p->employer = pr_text(r, e, N_("employer"));
		return;
	}
	if ((e = pr_mapping(r, e, N_("employer")))) {
		r->p->employer = pr_text(r, pr_get(e, "name"), N_("employer name"));
		r->p->employer_contact = pr_text(r, pr_get(e, "contact"), N_("employer contact"));
	}
}

/* A day the plan's defaults give, if the calendar (to 2999) holds it:
 * what is read must write again as it was read. */
static int within_calendar(struct reader *r, struct ynode *at, int day, const char *what)
{
	if (day == DATE_NONE || day <= date_from_ymd(2999, 12, 31))
		return day;
	pr_complain(r, at, _("write an earlier date"),
		    _("%s would fall after 2999-12-31, the last day the tools know"), _(what));
	return DATE_NONE;
}

static void read_dates(struct reader *r, struct ynode *root)
{
	struct plan *p = r->p;
	struct ynode *start = pr_get(root, "start");
	p->start = pr_date_of(r, start, N_("start"));
	if (!start)
		pr_complain(r, ymap_key(root, "start") ? ymap_key(root, "start") : root, NULL,
			 _("missing start date"));
	struct ynode *n = pr_get(root, "end");
	p->end = pr_date_of(r, n, N_("end"));
	if (!n && p->start != DATE_NONE) {
		p->end = within_calendar(r, start, plan_default_end(p->funder, p->start),
					 N_("the end its funder gives the plan"));
		p->defaulted |= PLAN_DEFAULT_END;
	}
	if (n && p->end != DATE_NONE && p->start != DATE_NONE && p->end < p->start)
		pr_complain(r, n, NULL, _("the plan ends before it starts"));
}

static void read_evaluation(struct reader *r, struct ynode *root)
{
	struct plan *p = r->p;
	struct ynode *m = pr_mapping(r, pr_get(root, "evaluation"), N_("evaluation"));
	struct ynode *every = m ? pr_get(m, "every") : NULL, *next = m ? pr_get(m, "next") : NULL;
	p->every = pr_interval_of(r, every, N_("evaluation interval"), plan_default_every(p->funder));
	if (!every)
		p->defaulted |= PLAN_DEFAULT_EVERY;
	p->next = pr_date_of(r, next, N_("next evaluation"));
	if (!next) {
		int from = p->nevals ? p->evals[p->nevals - 1].date : p->start;
		p->next = from == DATE_NONE ? DATE_NONE : date_add_interval(from, p->every, 1);
		struct ynode *at = p->nevals ? ymap_key(root, "evaluations") : pr_get(root, "start");
		p->next = within_calendar(r, at ? at : root, p->next, N_("the next evaluation"));
		p->defaulted |= PLAN_DEFAULT_NEXT;
	}
}

static void read_budget(struct reader *r, struct ynode *root)
{
	struct plan *p = r->p;
	struct ynode *m = pr_mapping(r, pr_get(root, "budget"), N_("budget"));
	p->budget_minutes = -1;
	p->budget_per = (struct interval){6, 'm'};
	if (!m)
		return;
	struct ynode *hours = pr_get(m, "hours");
	if (!hours)
		pr_complain(r, ymap_key(m, "hours") ? ymap_key(m, "hours") : m, NULL,
			 _("missing budget hours"));
	else
		p->budget_minutes = pr_hours_of(r, hours, N_("budget hours"), 100000);
	p->budget_per = pr_interval_of(r, pr_get(m, "per"), N_("budget period"), p->budget_per);
}

static int one_goal(struct reader *r, struct ynode *item, void *slot)
{
	struct goal *goal = slot;
	struct ynode *g = pr_mapping(r, item, N_("a goal"));
	if (!g)
		return 0;
	r->p->goals = goal - r->p->ngoals; /* those kept so far, for plan_goal */
	goal->node = g;
	struct ynode *id = pr_get(g, "id");
	goal->id = pr_required_text(r, g, "id", N_("goal id"));
	if (goal->id && !id_valid(goal->id, id->n)) {
		pr_complain(r, id, _("use letters, digits, '.', '_' and '-', as in G1"),
			    _("goal id %s has characters that are not allowed"), quote(goal->id, id->n));
		goal->id = NULL;
	}
	if (goal->id && plan_goal(r->p, goal->id, id->n)) {
		pr_complain(r, id, NULL, _("goal id %s is used twice"), quote(goal->id, id->n));
		goal->id = NULL;
	}
	goal->text = pr_text(r, pr_get(g, "text"), N_("goal text"));
	goal->from = pr_date_of(r, pr_get(g, "from"), N_("goal from"));
	goal->status_node = pr_get(g, "status");
	int st = goal->status_node ? pr_word_of(r, goal->status_node, &vocab_goal_status) : GOAL_OPEN;
	goal->status = st < 0 ? GOAL_OPEN : st;
	return goal->id != NULL;
}

static void read_goals(struct reader *r, struct ynode *root)
{
	struct plan *p = r->p;
	p->goals = pr_each(r, root, "goals", N_("goals"), sizeof *p->goals, &p->ngoals, one_goal);
}

static const char **texts(struct reader *r, struct ynode *root, const char *key, const char *what,
			  size_t *count)
{
	struct ynode *n = pr_get(root, key);
	*count = 0;
	if (n && n->kind == Y_SCALAR) { /* a single agreement written without "- " */
		const char **v = arena_alloc(&r->p->arena, sizeof *v);
		if ((v[0] = pr_text(r, n, what)))
			*count = 1;
		return v;
	}
	struct ynode *l;
	const char **v = pr_items(r, root, key, what, sizeof *v, &l);
	for (uint32_t i = 0; v && i < l->n; i++) {
		struct ynode *item = yderef(l->u.kids[i]);
		if (!yscalar_null(item) && (v[*count] = pr_text(r, item, what)))
			(*count)++;
	}
	return v;
}

static int one_contact(struct reader *r, struct ynode *c, void *slot)
{
	struct contact *ct = slot;
	if (yscalar_null(c)) /* a "- " with nothing after it */
		return 0;
	if (c->kind == Y_SCALAR)
		ct->name = pr_text(r, c, N_("contact"));
	else if ((c = pr_mapping(r, c, N_("a contact")))) {
		ct->name = pr_text(r, pr_get(c, "name"), N_("contact name"));
		ct->role = pr_text(r, pr_get(c, "role"), N_("contact role"));
	}
	return ct->name != NULL;
}

static void read_contacts(struct reader *r, struct ynode *root)
{
	struct plan *p = r->p;
	p->contacts = pr_each(r, root, "contacts", N_("contacts"), sizeof *p->contacts,
			      &p->ncontacts, one_contact);
}

int mark_parse(const char *s, size_t n)
{
	int whole = 0, tenth = 0;
	size_t i = 0;
	for (; i < n && i < 2 && s[i] >= '0' && s[i] <= '9'; i++)
		whole = whole * 10 + (s[i] - '0');
	if (!i)
		return -1;
	if (i + 1 < n && (s[i] == ',' || s[i] == '.') && s[i + 1] >= '0' && s[i + 1] <= '9') {
		tenth = s[i + 1] - '0';
		i += 2;
	}
	int v = whole * 10 + tenth;
	return i == n && v >= 10 && v <= 100 ? v : -1;
}

void mark_format(int tenths, char out[8])
{
	snprintf(out, 8, tenths % 10 ? "%d.%d" : "%d", tenths / 10, tenths % 10);
}

static int mark_of(struct reader *r, struct ynode *n, const char *what)
{
	const char *s = pr_text(r, n, what);
	int v = s ? mark_parse(s, n->n) : -1;
	if (s && v < 0)
		pr_complain(r, n, _("a mark is 1 to 10, with at most one decimal: 7.5"),
			    _("%s is no mark"), _(what));
	return v;
}

/* The marks, absence, signature and outcome UWV asks of an evaluation. */
static void read_uwv_fields(struct reader *r, struct ynode *m, struct evaluation *ev)
{
	ev->employee_mark = ev->employer_mark = ev->absence_days = ev->outcome = -1;
	struct ynode *marks = pr_mapping(r, pr_get(m, "marks"), N_("marks"));
	if (marks) {
		struct ynode *e = pr_get(marks, "employee"), *w = pr_get(marks, "employer");
		ev->employee_mark = e ? mark_of(r, e, N_("the employee's mark")) : -1;
		ev->employer_mark = w ? mark_of(r, w, N_("the employer's mark")) : -1;
	}
	struct ynode *a = pr_get(m, "absence_days");
	const char *s = pr_text(r, a, N_("absence days"));
	if (s) {
		char *end;
		long v = strtol(s, &end, 10);
		if (*end || end == s || v < 0 || v > 366)
			pr_complain(r, a, NULL, _("absence days must be a number of days, 0 to 366"));
		else
			ev->absence_days = (int)v;
	}
	ev->signed_by = pr_text(r, pr_get(m, "signed_by"), N_("signed by"));
	struct ynode *o = pr_get(m, "outcome");
	ev->outcome = o ? pr_word_of(r, o, &vocab_outcome) : -1;
}

/* The goals an evaluation marks, each with its status. */
static void eval_goals(struct reader *r, struct ynode *m, struct evaluation *ev)
{
	struct plan *p = r->p;
	struct ynode *gs = pr_mapping(r, pr_get(m, "goals"), N_("evaluation goals"));
	if (!gs)
		return;
	ev->goals = arena_alloc(&p->arena, (gs->n ? gs->n : 1) * sizeof *ev->goals);
	for (uint32_t k = 0; k < gs->n; k++) {
		struct ynode *key = yderef(gs->u.kids[2 * k]);
		struct ynode *val = yderef(gs->u.kids[2 * k + 1]);
		if (key->kind != Y_SCALAR)
			continue; /* reported by ydoc_parse */
		if (!plan_goal(p, key->u.str, key->n)) {
			char hint[512];
			pr_complain(r, key, plan_goals_hint(p, key->u.str, key->n, hint, sizeof hint),
				    _("evaluation of unknown goal %s"), quote(key->u.str, key->n));
			continue;
		}
		int st = pr_word_of(r, val, &vocab_goal_status);
		if (st < 0)
			continue;
		ev->goals[ev->ngoals].goal = key->u.str;
		ev->goals[ev->ngoals++].status = st;
	}
}

static int one_evaluation(struct reader *r, struct ynode *item, void *slot)
{
	struct evaluation *ev = slot;
	struct ynode *m = pr_mapping(r, item, N_("an evaluation"));
	if (!m)
		return 0;
	read_uwv_fields(r, m, ev);
	struct ynode *d = pr_get(m, "date");
	if (!d) {
		pr_complain(r, m, NULL, _("missing evaluation date"));
		return 0;
	}
	if ((ev->date = pr_date_of(r, d, N_("evaluation date"))) == DATE_NONE)
		return 0;
	if (r->p->nevals && ev->date < ev[-1].date)
		pr_complain(r, d,
			    _("evaluations are kept oldest first, as cp-evaluate --record puts them"),
			    _("evaluation dates are out of order"));
	ev->summary = pr_text(r, pr_get(m, "summary"), N_("evaluation summary"));
	eval_goals(r, m, ev);
	return 1;
}

static void read_evaluations(struct reader *r, struct ynode *root)
{
	struct plan *p = r->p;
	p->evals = pr_each(r, root, "evaluations", N_("evaluations"), sizeof *p->evals, &p->nevals,
			   one_evaluation);
}

static void check_id(struct reader *r, struct ynode *root)
{
	struct plan *p = r->p;
	struct ynode *n = pr_get(root, "id");
	p->id = pr_required_text(r, root, "id", N_("plan id"));
	if (!p->id)
		return;
	if (!id_valid(p->id, n->n)) {
		pr_complain(r, n, _("use letters, digits, '.', '_' and '-', as in P-2026-014"),
			 _("plan id %s has characters that are not allowed"), quote(p->id, n->n));
		p->id = NULL;
		return;
	}
	const char *file = p->doc.file, *base = strrchr(file, '/');
	base = base ? base + 1 : file;
	size_t len = strlen(base), idlen = strlen(p->id);
	const char *ext = strrchr(base, '.');
	if (ext && !strcmp(ext, ".yaml") &&
	    ((size_t)(ext - base) != idlen || memcmp(base, p->id, idlen)) && len > 0) {
		char hint[160];
		snprintf(hint, sizeof hint, _("rename the file to %s.yaml or change the id"), p->id);
		pr_complain(r, n, hint, _("plan id %s does not match the file name"), quote(p->id, idlen));
	}
}

/* The pauses that ended, as cp-plan --resume and --close write them: each
 * from its first day to its last, oldest first, within the plan; a pause
 * still running is paused: above. */
static int one_pause(struct reader *r, struct ynode *item, void *slot)
{
	struct plan *p = r->p;
	struct period *s = slot;
	struct ynode *m = pr_mapping(r, item, N_("a pause"));
	if (!m)
		return 0;
	s->from = pr_date_of(r, pr_get(m, "from"), N_("from"));
	s->to = pr_date_of(r, pr_get(m, "to"), N_("to"));
	if (!pr_get(m, "from") || !pr_get(m, "to")) {
		pr_complain(r, m, _("a pause is written {from: 2027-03-05, to: 2027-03-31}"),
			    _("a pause without %s"), pr_get(m, "from") ? "to" : "from");
		return 0;
	}
	if (s->from == DATE_NONE || s->to == DATE_NONE)
		return 0;
	if (s->to < s->from)
		pr_complain(r, pr_get(m, "to"), NULL, _("the pause ends before it begins"));
	else if (p->npauses && s->from <= s[-1].to)
		pr_complain(r, m, _("oldest first, each after the one above it"),
			    _("this pause does not come after the one above it"));
	else if (p->start != DATE_NONE && s->from < p->start)
		pr_complain(r, m, NULL, _("a day before the plan starts"));
	else
		return 1;
	return 0;
}

static void read_pauses(struct reader *r, struct ynode *root)
{
	struct plan *p = r->p;
	p->pauses = pr_each(r, root, "pauses", N_("pauses"), sizeof *p->pauses, &p->npauses,
			    one_pause);
}

static void read_plan(struct reader *r)
{
	struct plan *p = r->p;
	struct ynode *root = yderef(p->doc.root);
	if (!root || yscalar_null(root) || root->kind != Y_MAP) {
		struct ynode at = {0};
		pr_complain(r, root ? root : &at, _("a plan starts with lines like id: P-2026-014"),
			 _("a plan must be a mapping of keys"));
		return;
	}
	struct ynode *v = pr_get(root, "version");
	p->version = v && v->kind == Y_SCALAR && !strcmp(v->u.str, "2") ? 2 : 1;
	if (v && (v->kind != Y_SCALAR || (strcmp(v->u.str, "1") && strcmp(v->u.str, "2"))))
		pr_complain(r, v, _("this version of coachplan reads versions 1 and 2"),
			 _("unknown plan version %s"), quote(v->u.str, v->kind == Y_SCALAR ? v->n : 0));
	check_id(r, root);
	read_participant(r, root);
	read_employer(r, root);
	p->coach = pr_text(r, pr_get(root, "coach"), N_("coach"));
	struct ynode *f = pr_get(root, "funder");
	int funder = f ? pr_word_of(r, f, &vocab_funder) : FUNDER_OTHER;
	p->funder = funder < 0 ? FUNDER_OTHER : funder;
	p->funder_ref = pr_text(r, pr_get(root, "funder_ref"), N_("funder reference"));
	read_dates(r, root);
	struct ynode *w = pr_get(root, "work_hours_per_week");
	p->work_minutes = w ? pr_hours_of(r, w, N_("work hours per week"), 80) : -1;
	read_goals(r, root);
	read_evaluations(r, root);
	read_evaluation(r, root);
	read_budget(r, root);
	read_history(r, root, p->version);
	p->agreements = texts(r, root, "agreements", N_("agreement"), &p->nagreements);
	p->conditions = texts(r, root, "conditions", N_("condition"), &p->nconditions);
	read_contacts(r, root);
	struct ynode *s = pr_get(root, "status");
	int st = s ? pr_word_of(r, s, &vocab_status) : STATUS_ACTIVE;
	p->status = st < 0 ? STATUS_ACTIVE : st;
	if (!s)
		p->defaulted |= PLAN_DEFAULT_STATUS;
	/* read while the plan is paused: a plan resumed by hand may keep it */
	if (p->status == STATUS_PAUSED)
		p->paused = pr_date_of(r, pr_get(root, "paused"), N_("paused"));
	/* as a pause under pauses: may not, for closing it makes it one */
	if (p->paused != DATE_NONE && p->start != DATE_NONE && p->paused < p->start)
		pr_complain(r, pr_get(root, "paused"), NULL, _("a day before the plan starts"));
	read_pauses(r, root);
	if (p->status == STATUS_PAUSED && p->paused != DATE_NONE && p->npauses &&
	    p->paused <= p->pauses[p->npauses - 1].to)
		pr_complain(r, pr_get(root, "paused"), NULL,
			    _("the pause begins before the last one under pauses: ended"));
}

int goal_set_on(const struct goal *g, int day)
{
	return g->from == DATE_NONE || g->from <= day;
}

int plan_goal_status_on(const struct plan *p, size_t i, int day)
{
	const char *id = p->goals[i].id;
	int status = GOAL_OPEN, later = 0;
	for (size_t e = 0; e < p->nevals; e++)
		for (size_t k = 0; k < p->evals[e].ngoals; k++)
			if (!strcmp(p->evals[e].goals[k].goal, id)) {
				if (p->evals[e].date <= day)
					status = p->evals[e].goals[k].status;
				else
					later = 1;
			}
	return later ? status : p->goals[i].status;
}

int plan_status_on(const struct plan *p, int day)
{
	if (p->status == STATUS_CLOSED && (p->end == DATE_NONE || day > p->end))
		return STATUS_CLOSED;
	return plan_pause_on(p, day, NULL) ? STATUS_PAUSED : STATUS_ACTIVE;
}

int plan_pause_on(const struct plan *p, int day, struct period *pause)
{
	const struct period running = {p->paused, PERIOD_OPEN_TO}, *in = NULL;
	for (size_t i = 0; i < p->npauses && !in; i++)
		if (day >= p->pauses[i].from && day <= p->pauses[i].to)
			in = &p->pauses[i];
	if (!in && p->status == STATUS_PAUSED && (p->paused == DATE_NONE || day >= p->paused))
		in = &running;
	if (in && pause)
		*pause = *in;
	return in != NULL;
}

struct plan *plan_parse(const char *file, char *src, size_t len, int *status)
{
	struct plan *p = xcalloc(1, sizeof *p);
	p->src = src;
	p->start = p->end = p->next = p->paused = DATE_NONE;
	p->budget_minutes = p->work_minutes = -1;
	const char *name = arena_strndup(&p->arena, file, strlen(file));
	cp_errors_hold(1); /* told in line order, not in the order of the checks */
	int bad_keys = ydoc_parse(&p->doc, &p->arena, name, src, len) < 0;
	struct reader r = {p, 0};
	if (p->doc.root || !bad_keys)
		read_plan(&r); /* also after bad keys: all faults of a file in one run */
	cp_errors_hold(0);
	if (bad_keys || r.bad) {
		*status = EX_DATAERR;
		plan_free(p);
		return NULL;
	}
	*status = 0;
	return p;
}

/* Said where, as every fault in a plan is. */
static int too_large(const char *path, const struct buf *b)
{
	if (b->len <= PLAN_MAX_BYTES)
		return 0;
	struct srcpos at = {path, 0, b->s, b->len, PLAN_MAX_BYTES, 0};
	cp_err_at(EX_DATAERR, &at, _("is this a coaching plan?"), _("a plan may be at most %ld bytes"),
		  PLAN_MAX_BYTES);
	return 1;
}

/* A change that takes a plan past the size any tool reads is refused, in
 * a dry run too: written, the plan would be read by none, cp-check neither.
 * A text that did not change is not written: its file keeps its time. */
int plan_write(struct locked *lf, const char *path, struct str old, struct str new,
	       struct buf *dry)
{
	if (new.n > PLAN_MAX_BYTES)
		return cp_err(EX_DATAERR, _("%s: the plan would grow to %zu bytes, past the %ld a "
					    "plan may have; nothing written"),
			      path, new.n, PLAN_MAX_BYTES);
	if (dry)
		diff_unified(dry, path, old.s, old.n, new.s, new.n);
	else if (new.n != old.n || (new.n && memcmp(new.s, old.s, new.n)))
		return locked_replace(lf, new.s, new.n);
	return 0;
}

int plan_open_locked(const char *path, struct locked *lf, struct buf *src)
{
	int rc = locked_open(lf, path);
	if (rc == 1)
		return 1;
	if (rc < 0)
		return -1;
	if (locked_read(lf, src) < 0 || too_large(path, src)) {
		locked_close(lf);
		buf_free(src);
		return -1;
	}
	return 0;
}

/* The whole file, read into a buffer sized from fstat where that is known,
 * so that thousands of plans cost one small allocation each; a regular
 * file that gives less than was asked for is at its end (one read, not
 * two, per plan). */
static int slurp(int fd, const char *path, size_t hint, int regular, char **out, size_t *len)
{
	struct buf b = {0};
	buf_grow(&b, hint < PLAN_MAX_BYTES ? hint + 1 : 4096);
	for (;;) {
		if (b.cap - b.len < 2)
			buf_grow(&b, b.cap);
		ssize_t n = read(fd, b.s + b.len, b.cap - b.len - 1);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			cp_errno(EX_IOERR, _("%s: cannot read"), path);
			buf_free(&b);
			return EX_IOERR;
		}
		if (n == 0)
			break;
		size_t asked = b.cap - b.len - 1;
		b.len += (size_t)n;
		if (too_large(path, &b)) {
			buf_free(&b);
			return EX_DATAERR;
		}
		if (regular && (size_t)n < asked)
			break;
	}
	b.s[b.len] = '\0';
	*out = b.s;
	*len = b.len;
	return 0;
}

struct plan *plan_load(const char *path, int *status)
{
	int stdin_ = !strcmp(path, "-");
	int fd = stdin_ ? STDIN_FILENO : open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		*status = EX_NOINPUT;
		cp_errno(EX_NOINPUT, _("%s: cannot open"), path);
		return NULL;
	}
	return plan_load_fd(path, fd, status);
}

struct plan *plan_load_fd(const char *path, int fd, int *status)
{
	int stdin_ = !strcmp(path, "-");
	struct stat st = {0};
	if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
		errno = EISDIR;
		*status = EX_NOINPUT;
		cp_errno(EX_NOINPUT, _("%s: cannot read"), path);
		close(fd);
		return NULL;
	}
	char *src = NULL;
	size_t len = 0;
	size_t hint = S_ISREG(st.st_mode) && st.st_size > 0 ? (size_t)st.st_size : 0;
	*status = slurp(fd, stdin_ ? _("standard input") : path, hint, S_ISREG(st.st_mode), &src,
			&len);
	if (!stdin_)
		close(fd);
	if (*status)
		return NULL;
	return plan_parse(stdin_ ? "-" : path, src, len, status);
}

void plan_free(struct plan *p)
{
	if (!p)
		return;
	arena_free(&p->arena);
	free(p->src);
	free(p);
}

/* Keeps a plan's dates, figures and names, and lets go of the rest (its
 * text, YAML tree, goals, lists and evaluations): a run that needs only
 * funders and budgets of thousands of plans then holds a few hundred bytes
 * of each. */
void plan_slim(struct plan *p)
{
	plan_slim_but(p, 0);
}

void plan_slim_but(struct plan *p, int keep_goals)
{
	const char **keep[] = {&p->id, &p->name, &p->employer, &p->employer_contact, &p->coach,
			       &p->funder_ref};
	struct arena small = {0};
	for (size_t i = 0; i < sizeof keep / sizeof *keep; i++)
		if (*keep[i])
			*keep[i] = arena_strndup(&small, *keep[i], strlen(*keep[i]));
	/* the contacts' names too: a pseudonymized report takes them out of notes */
	struct contact *contacts = p->ncontacts ? arena_alloc(&small, p->ncontacts * sizeof *contacts)
						 : NULL;
	for (size_t i = 0; i < p->ncontacts; i++) {
		const struct contact *c = &p->contacts[i];
		contacts[i].name = c->name ? arena_strndup(&small, c->name, strlen(c->name)) : NULL;
		contacts[i].role = c->role ? arena_strndup(&small, c->role, strlen(c->role)) : NULL;
	}
	size_t ncontacts = p->ncontacts;
	/* and the dated history: budgets and declarations follow it */
	struct grant *grants = p->ngrants ? arena_alloc(&small, p->ngrants * sizeof *grants) : NULL;
	for (size_t i = 0; i < p->ngrants; i++) {
		grants[i] = p->grants[i];
		grants[i].node = NULL;
		if (grants[i].ref)
			grants[i].ref = arena_strndup(&small, grants[i].ref, strlen(grants[i].ref));
	}
	struct coach_span *spans = p->ncoachspans
					   ? arena_alloc(&small, p->ncoachspans * sizeof *spans)
					   : NULL;
	for (size_t i = 0; i < p->ncoachspans; i++) {
		spans[i] = p->coachspans[i];
		if (spans[i].coach)
			spans[i].coach = arena_strndup(&small, spans[i].coach, strlen(spans[i].coach));
	}
	struct work_span *work = p->nworkspans ? arena_alloc(&small, p->nworkspans * sizeof *work)
					       : NULL;
	struct period *pauses = p->npauses ? arena_alloc(&small, p->npauses * sizeof *pauses) : NULL;
	if (pauses) /* cp-log holds entries against them */
		memcpy(pauses, p->pauses, p->npauses * sizeof *pauses);
	/* and, where asked, the goals' ids, texts and states (not their nodes) */
	size_t ngoals = keep_goals ? p->ngoals : 0;
	struct goal *goals = ngoals ? arena_alloc(&small, ngoals * sizeof *goals) : NULL;
	for (size_t i = 0; i < ngoals; i++) {
		const struct goal *g = &p->goals[i];
		goals[i] = (struct goal){g->id ? arena_strndup(&small, g->id, strlen(g->id)) : NULL,
					 g->text ? arena_strndup(&small, g->text, strlen(g->text)) : NULL,
					 g->status, g->from, NULL, NULL};
	}
	if (work)
		memcpy(work, p->workspans, p->nworkspans * sizeof *work);
	arena_free(&p->arena);
	free(p->src);
	p->src = NULL;
	p->arena = small;
	memset(&p->doc, 0, sizeof p->doc);
	p->goals = goals;
	p->agreements = p->conditions = NULL;
	p->contacts = contacts;
	p->grants = grants;
	p->coachspans = spans;
	p->workspans = work;
	p->pauses = pauses;
	p->evals = NULL;
	p->nagreements = p->nconditions = p->nevals = 0;
	p->ngoals = ngoals;
	p->ncontacts = ncontacts;
}

const struct goal *plan_goal(const struct plan *p, const char *id, size_t n)
{
	for (size_t i = 0; i < p->ngoals; i++)
		if (p->goals[i].id && strlen(p->goals[i].id) == n && !memcmp(p->goals[i].id, id, n))
			return &p->goals[i];
	return NULL;
}

int plan_ended(const struct plan *p, int today)
{
	if (p->end == DATE_NONE || p->end > today || (p->defaulted & PLAN_DEFAULT_END))
		return DATE_NONE;
	return p->end;
}

const char *plan_goals_hint(const struct plan *p, const char *typed, size_t n, char *hint,
			    size_t size)
{
	for (size_t i = 0; i < p->ngoals; i++) {
		const char *id = p->goals[i].id;
		if (id && strlen(id) == n && !strncasecmp(id, typed, n)) {
			snprintf(hint, size, _("did you mean %s?"), id);
			return hint;
		}
	}
	struct buf ids = {0};
	for (size_t i = 0; i < p->ngoals; i++)
		if (p->goals[i].id)
			buf_printf(&ids, "%s%s", ids.len ? ", " : "", p->goals[i].id);
	if (ids.len)
		snprintf(hint, size, _("the goals of %s are %s"), p->id ? p->id : "", ids.s);
	else
		snprintf(hint, size, _("plan %s has no goals; leave the goal empty"),
			 p->id ? p->id : "");
	buf_free(&ids);
	return hint;
}

struct interval plan_default_every(int funder)
{
	return funder_rules(funder)->every;
}

int plan_default_end(int funder, int start)
{
	return funder_limit(funder, start);
}

/* An evaluation on day next is one of the plan's days, from start to end
 * (DATE_NONE: open), as cp-evaluate --record's is; else why not, in a
 * buffer of its own. */
const char *plan_next_outside(int next, int start, int end)
{
	static char why[200];
	char d[11];
	if (next >= start && (end == DATE_NONE || next <= end))
		return NULL;
	date_format(next < start ? start : end, d);
	snprintf(why, sizeof why,
		 next < start ? _("the evaluation is before the plan starts on %s")
			      : _("the evaluation is after the plan ends on %s"),
		 d);
	return why;
}
