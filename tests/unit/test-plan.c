/* test-plan: coaching plans read from YAML (plan.c on yaml.c).  Every
 * field of the format, the defaults, YAML 1.2 typing, every error at its
 * exact file:line:column, the byte ranges edits rely on, and the limits
 * that keep a hostile file from costing time or memory. */
#include <sys/resource.h>
#include <time.h>

#include "coachplan.h"
#include "tap.h"
#include "util.h"

static int day(const char *s)
{
	int d = DATE_NONE;
	return date_parse(s, strlen(s), &d) ? DATE_NONE : d;
}

/* plan_parse over a copy of text (it takes ownership), stderr caught. */
static struct plan *parse_n(const char *file, const char *text, size_t len, int *status,
			    char **err)
{
	capture_start();
	struct plan *p = plan_parse(file, xstrndup(text, len), len, status);
	char *e = capture_end();
	if (err)
		*err = e;
	else
		free(e);
	return p;
}

static struct plan *parse(const char *file, const char *text, int *status, char **err)
{
	return parse_n(file, text, strlen(text), status, err);
}

static const char full[] =
	"version: 1\n"
	"id: P-2026-014               # required\n"
	"participant:\n"
	"  name: Bart de Wit          # required\n"
	"  scheme: wajong\n"
	"employer:\n"
	"  name: Restaurant De Keuken\n"
	"  contact: Anja de Vries     # leidinggevende\n"
	"coach: robin\n"
	"funder: uwv\n"
	"funder_ref: \"2026-000123\"\n"
	"start: 2026-01-05\n"
	"end: 2029-01-04\n"
	"work_hours_per_week: 16\n"
	"evaluation:\n"
	"  every: 6m\n"
	"  next: 2026-07-05\n"
	"budget:\n"
	"  hours: 60\n"
	"  per: 6m\n"
	"goals:\n"
	"  - id: G1\n"
	"    text: Zelfstandig de kassa bedienen\n"
	"    status: open\n"
	"  - id: G2\n"
	"    text: Uren opbouwen naar 20 per week\n"
	"    status: achieved\n"
	"agreements:\n"
	"  - Elke maandag kort telefonisch contact\n"
	"conditions:\n"
	"  - Vaste werkplek en \xc3\xa9\xc3\xa9n vast aanspreekpunt\n"
	"contacts:\n"
	"  - name: Anja de Vries\n"
	"    role: leidinggevende\n"
	"  - Jan Jansen\n"
	"evaluations:\n"
	"  - date: 2026-07-01\n"
	"    summary: Kassa gaat zelfstandig; uren naar 20.\n"
	"    goals: {G1: achieved, G2: open}\n"
	"  - date: 2026-12-20\n"
	"    summary: Stabiel.\n"
	"status: paused\n";

static void complete(void)
{
	int status = -1;
	char *err;
	struct plan *p = parse("plans/P-2026-014.yaml", full, &status, &err);
	if (!ok(p != NULL, "the plan of the format description reads")) {
		printf("# %s", err);
		free(err);
		return;
	}
	is_str(err, "", "without a word");
	free(err);
	is_int(status, 0, "status 0");
	is_str(p->id, "P-2026-014", "id");
	is_str(p->name, "Bart de Wit", "participant name");
	is_int(p->scheme, SCHEME_WAJONG, "scheme");
	is_str(p->employer, "Restaurant De Keuken", "employer name");
	is_str(p->employer_contact, "Anja de Vries", "employer contact");
	is_str(p->coach, "robin", "coach");
	is_int(p->funder, FUNDER_UWV, "funder");
	is_str(p->funder_ref, "2026-000123", "funder_ref");
	is_int(p->start, day("2026-01-05"), "start");
	is_int(p->end, day("2029-01-04"), "end");
	is_int(p->work_minutes, 16 * 60, "work hours as minutes");
	ok(p->every.n == 6 && p->every.unit == 'm', "evaluation every 6m");
	is_int(p->next, day("2026-07-05"), "next evaluation");
	is_int(p->budget_minutes, 60 * 60, "budget hours as minutes");
	ok(p->budget_per.n == 6 && p->budget_per.unit == 'm', "budget per 6m");
	is_int(p->ngoals, 2, "two goals");
	if (p->ngoals == 2) {
		is_str(p->goals[0].id, "G1", "goal 1 id");
		is_str(p->goals[0].text, "Zelfstandig de kassa bedienen", "goal 1 text");
		is_int(p->goals[0].status, GOAL_OPEN, "goal 1 status");
		ok(p->goals[0].node && p->goals[0].node->kind == Y_MAP, "goal 1 node");
		ok(p->goals[0].status_node && !strcmp(p->goals[0].status_node->u.str, "open"),
		   "goal 1 status node");
		is_str(p->goals[1].id, "G2", "goal 2 id");
		is_int(p->goals[1].status, GOAL_ACHIEVED, "goal 2 status");
		ok(plan_goal(p, "G2", 2) == &p->goals[1], "plan_goal finds G2");
		ok(plan_goal(p, "G3", 2) == NULL && plan_goal(p, "G", 1) == NULL, "and no other");
	}
	ok(p->nagreements == 1 && !strcmp(p->agreements[0], "Elke maandag kort telefonisch contact"),
	   "agreements");
	ok(p->nconditions == 1 &&
		   !strcmp(p->conditions[0], "Vaste werkplek en \xc3\xa9\xc3\xa9n vast aanspreekpunt"),
	   "conditions");
	is_int(p->ncontacts, 2, "two contacts");
	if (p->ncontacts == 2) {
		is_str(p->contacts[0].name, "Anja de Vries", "contact name");
		is_str(p->contacts[0].role, "leidinggevende", "contact role");
		is_str(p->contacts[1].name, "Jan Jansen", "a contact written as a name alone");
		ok(p->contacts[1].role == NULL, "has no role");
	}
	is_int(p->nevals, 2, "two evaluations");
	if (p->nevals == 2) {
		is_int(p->evals[0].date, day("2026-07-01"), "evaluation date");
		is_str(p->evals[0].summary, "Kassa gaat zelfstandig; uren naar 20.", "summary");
		is_int(p->evals[0].ngoals, 2, "two goal results");
		if (p->evals[0].ngoals == 2) {
			is_str(p->evals[0].goals[0].goal, "G1", "result for G1");
			is_int(p->evals[0].goals[0].status, GOAL_ACHIEVED, "G1 achieved");
			is_str(p->evals[0].goals[1].goal, "G2", "result for G2");
			is_int(p->evals[0].goals[1].status, GOAL_OPEN, "G2 open");
		}
		is_int(p->evals[1].ngoals, 0, "an evaluation without goal results");
	}
	is_int(p->status, STATUS_PAUSED, "status");
	is_int(p->paused, DATE_NONE, "a pause with no day said");
	is_int(p->defaulted, 0, "nothing defaulted");
	is_str(p->doc.file, "plans/P-2026-014.yaml", "the file name is kept");
	ok(p->doc.src == p->src && p->doc.len == strlen(full), "and the source");
	plan_free(p);
	plan_free(NULL);
}

static void defaults(void)
{
	static const struct {
		const char *what, *text;
		const char *end, *next; /* "" for none */
		int every_n, status;
		long work, budget;
		unsigned defaulted;
	} cases[] = {
		{"uwv", "id: P-1\nparticipant:\n  name: X\nfunder: uwv\nstart: 2026-01-05\n",
		 "2029-01-04", "2026-07-05", 6, STATUS_ACTIVE, -1, -1,
		 PLAN_DEFAULT_END | PLAN_DEFAULT_EVERY | PLAN_DEFAULT_NEXT | PLAN_DEFAULT_STATUS},
		{"uwv from a leap day", "id: P-1\nparticipant:\n  name: X\nfunder: uwv\nstart: 2024-02-29\n",
		 "2027-02-27", "2024-08-29", 6, STATUS_ACTIVE, -1, -1,
		 PLAN_DEFAULT_END | PLAN_DEFAULT_EVERY | PLAN_DEFAULT_NEXT | PLAN_DEFAULT_STATUS},
		{"gemeente", "id: P-1\nparticipant:\n  name: X\nfunder: gemeente\nstart: 2026-01-05\n",
		 "", "2026-04-05", 3, STATUS_ACTIVE, -1, -1,
		 PLAN_DEFAULT_END | PLAN_DEFAULT_EVERY | PLAN_DEFAULT_NEXT | PLAN_DEFAULT_STATUS},
		{"no funder", "id: P-1\nparticipant:\n  name: X\nstart: 2026-01-31\n", "",
		 "2026-04-30", 3, STATUS_ACTIVE, -1, -1,
		 PLAN_DEFAULT_END | PLAN_DEFAULT_EVERY | PLAN_DEFAULT_NEXT | PLAN_DEFAULT_STATUS},
		{"werkgever with an end", "id: P-1\nparticipant:\n  name: X\nfunder: werkgever\n"
					  "start: 2026-01-05\nend: 2026-12-31\nstatus: closed\n",
		 "2026-12-31", "2026-04-05", 3, STATUS_CLOSED, -1, -1,
		 PLAN_DEFAULT_EVERY | PLAN_DEFAULT_NEXT},
		{"next from the last evaluation",
		 "id: P-1\nparticipant:\n  name: X\nfunder: uwv\nstart: 2026-01-05\n"
		 "evaluations:\n  - date: 2026-06-30\n  - date: 2026-12-31\n",
		 "2029-01-04", "2027-06-30", 6, STATUS_ACTIVE, -1, -1,
		 PLAN_DEFAULT_END | PLAN_DEFAULT_EVERY | PLAN_DEFAULT_NEXT | PLAN_DEFAULT_STATUS},
		{"next from the last evaluation and the file's interval",
		 "id: P-1\nparticipant:\n  name: X\nstart: 2026-01-05\nevaluation:\n  every: 2w\n"
		 "evaluations:\n  - date: 2026-03-02\n",
		 "", "2026-03-16", 2, STATUS_ACTIVE, -1, -1,
		 PLAN_DEFAULT_END | PLAN_DEFAULT_NEXT | PLAN_DEFAULT_STATUS},
		{"next given, every not", "id: P-1\nparticipant:\n  name: X\nstart: 2026-01-05\n"
					  "evaluation:\n  next: 2026-02-01\n",
		 "", "2026-02-01", 3, STATUS_ACTIVE, -1, -1,
		 PLAN_DEFAULT_END | PLAN_DEFAULT_EVERY | PLAN_DEFAULT_STATUS},
		{"hours with a fraction", "id: P-1\nparticipant:\n  name: X\nstart: 2026-01-05\n"
					  "work_hours_per_week: 18.5\nbudget:\n  hours: 0.25\n",
		 "", "2026-04-05", 3, STATUS_ACTIVE, 1110, 15,
		 PLAN_DEFAULT_END | PLAN_DEFAULT_EVERY | PLAN_DEFAULT_NEXT | PLAN_DEFAULT_STATUS},
		{"null values are absent", "id: P-1\nparticipant:\n  name: X\nstart: 2026-01-05\n"
					   "end: ~\nstatus: null\nevaluation:\nbudget: ~\ncoach:\n",
		 "", "2026-04-05", 3, STATUS_ACTIVE, -1, -1,
		 PLAN_DEFAULT_END | PLAN_DEFAULT_EVERY | PLAN_DEFAULT_NEXT | PLAN_DEFAULT_STATUS},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		int status;
		char *err, d[11];
		struct plan *p = parse("plans/P-1.yaml", cases[i].text, &status, &err);
		if (!ok(p != NULL, "%s: reads", cases[i].what)) {
			printf("# %s", err);
			free(err);
			continue;
		}
		free(err);
		if (*cases[i].end) {
			date_format(p->end, d);
			is_str(d, cases[i].end, "%s: end", cases[i].what);
		} else
			ok(p->end == DATE_NONE, "%s: no end", cases[i].what);
		if (*cases[i].next) {
			date_format(p->next, d);
			is_str(d, cases[i].next, "%s: next evaluation", cases[i].what);
		} else
			ok(p->next == DATE_NONE, "%s: no next evaluation", cases[i].what);
		ok(p->every.n == cases[i].every_n && p->every.unit == 'm' + (cases[i].every_n == 2) * 10,
		   "%s: every %d", cases[i].what, cases[i].every_n);
		is_int(p->status, cases[i].status, "%s: status", cases[i].what);
		is_int(p->work_minutes, cases[i].work, "%s: work minutes", cases[i].what);
		is_int(p->budget_minutes, cases[i].budget, "%s: budget minutes", cases[i].what);
		is_int(p->defaulted, cases[i].defaulted, "%s: defaulted bits", cases[i].what);
		plan_free(p);
	}
}

static void lenient(void)
{
	static const struct {
		const char *what, *text;
	} cases[] = {
		{"unknown keys at every level",
		 "id: P-1\n"
		 "x-local: {anything: [1, 2, {deep: true}]}\n"
		 "participant:\n  name: X\n  shoe_size: 44\n"
		 "employer:\n  name: E\n  phone: 0612345678\n"
		 "start: 2026-01-05\n"
		 "evaluation:\n  every: 3m\n  where: office\n"
		 "budget:\n  hours: 10\n  note: granted late\n"
		 "goals:\n  - id: G1\n    text: t\n    priority: high\n"
		 "contacts:\n  - name: A\n    email: a@example.org\n"
		 "evaluations:\n  - date: 2026-02-01\n    mood: good\n    goals: {G1: open}\n"
		 "future_section:\n  - a\n  - b\n"},
		{"comments and blank lines everywhere",
		 "# a plan\n\nid: P-1 # the id\n\nparticipant: # who\n  # the name:\n  name: X\n\n"
		 "start: 2026-01-05\n# the end\n"},
		{"flow style", "{id: P-1, participant: {name: X}, start: 2026-01-05, goals: [{id: G1}]}\n"},
		{"an employer written as a name", "id: P-1\nparticipant: {name: X}\nstart: 2026-01-05\n"
						  "employer: Restaurant De Keuken\n"},
		{"a single agreement without a dash", "id: P-1\nparticipant: {name: X}\n"
						      "start: 2026-01-05\nagreements: Elke maandag bellen\n"},
		{"an empty list", "id: P-1\nparticipant: {name: X}\nstart: 2026-01-05\ngoals: []\n"},
		{"a document start and end", "---\nid: P-1\nparticipant: {name: X}\nstart: 2026-01-05\n...\n"},
		{"no final line break", "id: P-1\nparticipant: {name: X}\nstart: 2026-01-05"},
		{"a file not named <id>.yaml: its name is not checked",
		 "id: P-1\nparticipant: {name: X}\nstart: 2026-01-05\n"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		int status;
		char *err;
		struct plan *p = parse(i == 8 ? "X.yml" : "plans/P-1.yaml", cases[i].text, &status, &err);
		ok(p != NULL && status == 0, "%s: accepted", cases[i].what);
		if (!p)
			printf("# %s", err);
		free(err);
		plan_free(p);
	}

	int status;
	struct plan *p = parse("plans/P-1.yaml",
			       "id: P-1\nparticipant:\n  name: X\nstart: 2026-01-05\n"
			       "employer: Restaurant De Keuken\nagreements: Elke maandag bellen\n",
			       &status, NULL);
	ok(p && !strcmp(p->employer, "Restaurant De Keuken") && !p->employer_contact,
	   "employer: NAME is the employer's name");
	ok(p && p->nagreements == 1 && !strcmp(p->agreements[0], "Elke maandag bellen"),
	   "agreements: TEXT is one agreement");
	plan_free(p);
	p = parse("-", "id: anything\nparticipant: {name: X}\nstart: 2026-01-05\n", &status, NULL);
	ok(p != NULL, "standard input has no file name for the id to match");
	plan_free(p);
}

/* YAML 1.2: the text the user wrote, not what a YAML 1.1 reader guesses. */
static void typing(void)
{
	static const char text[] =
		"id: P-1\n"
		"participant:\n  name: yes\n"
		"employer:\n  name: No\n  contact: 'on'\n"
		"coach: 0x1f\n"
		"funder_ref: 0123\n"
		"start: 2026-01-05\n"
		"goals:\n"
		"  - id: G1\n    text: 1.5e3\n"
		"  - id: 2\n    text: true\n"
		"  - id: G3\n    text: \"null\"\n"
		"agreements:\n  - 1:30\n  - ~\n  - \"\"\n  - 2026-01-05\n";
	int status;
	char *err;
	struct plan *p = parse("plans/P-1.yaml", text, &status, &err);
	if (!ok(p != NULL, "a plan of words YAML 1.1 would retype reads")) {
		printf("# %s", err);
		free(err);
		return;
	}
	free(err);
	is_str(p->name, "yes", "name: yes is the text yes");
	is_str(p->employer, "No", "name: No is the text No");
	is_str(p->employer_contact, "on", "'on' is on");
	is_str(p->coach, "0x1f", "0x1f is text");
	is_str(p->funder_ref, "0123", "funder_ref: 0123 keeps its zero");
	is_int(p->ngoals, 3, "three goals");
	if (p->ngoals == 3) {
		is_str(p->goals[0].text, "1.5e3", "1.5e3 is text");
		is_str(p->goals[1].id, "2", "a goal id 2 is the text 2");
		is_str(p->goals[1].text, "true", "true is text");
		is_str(p->goals[2].text, "null", "a quoted null is the text null");
	}
	is_int(p->nagreements, 3, "a null item is no agreement, an empty text is one");
	if (p->nagreements == 3) {
		is_str(p->agreements[0], "1:30", "1:30 is text");
		is_str(p->agreements[1], "", "\"\" is the empty text");
		is_str(p->agreements[2], "2026-01-05", "a date in a text field stays text");
	}
	plan_free(p);
}

/* A plan with one fault: the first line of the message. */
static void errors(void)
{
	static const struct {
		const char *what, *file, *text, *err;
	} cases[] = {
		{"a duplicate key", "plans/P-1.yaml",
		 "id: P-1\nparticipant:\n  name: X\nstart: 2026-01-05\nid: P-1\n",
		 "plans/P-1.yaml:5:1: duplicate key \"id\""},
		{"a duplicate key in participant", "plans/P-1.yaml",
		 "id: P-1\nparticipant:\n  name: X\n  scheme: wia\n  name: Y\nstart: 2026-01-05\n",
		 "plans/P-1.yaml:5:3: duplicate key \"name\""},
		{"a duplicate key in a goal", "plans/P-1.yaml",
		 "id: P-1\nparticipant: {name: X}\nstart: 2026-01-05\ngoals:\n  - id: G1\n"
		 "    text: a\n    text: b\n",
		 "plans/P-1.yaml:7:5: duplicate key \"text\""},
		{"a duplicate key in flow style", "plans/P-1.yaml",
		 "id: P-1\nparticipant: {name: X, name: Y}\nstart: 2026-01-05\n",
		 "plans/P-1.yaml:2:24: duplicate key \"name\""},
		{"a duplicate key quoted differently", "plans/P-1.yaml",
		 "id: P-1\n\"participant\": {name: X}\nstart: 2026-01-05\n'participant': {name: Y}\n",
		 "plans/P-1.yaml:4:1: duplicate key \"participant\""},
		{"no such day", "plans/P-1.yaml", "id: P-1\nparticipant: {name: X}\nstart: 2026-02-30\n",
		 "plans/P-1.yaml:3:8: start: no such day: 2026-02 has 28 days"},
		{"a Dutch date", "plans/P-1.yaml", "id: P-1\nparticipant: {name: X}\nstart: 5-1-2026\n",
		 "plans/P-1.yaml:3:8: start: not a date; dates are written YYYY-MM-DD"},
		{"a bad end", "plans/P-1.yaml",
		 "id: P-1\nparticipant: {name: X}\nstart: 2026-01-05\nend: 2026-13-01\n",
		 "plans/P-1.yaml:4:6: end: no such month; months are 01 to 12"},
		{"a bad next evaluation", "plans/P-1.yaml",
		 "id: P-1\nparticipant: {name: X}\nstart: 2026-01-05\nevaluation:\n  next: tomorrow\n",
		 "plans/P-1.yaml:5:9: next evaluation: not a date; dates are written YYYY-MM-DD"},
		{"a bad evaluation date", "plans/P-1.yaml",
		 "id: P-1\nparticipant: {name: X}\nstart: 2026-01-05\nevaluations:\n  - date: 2026-02-29\n",
		 "plans/P-1.yaml:5:11: evaluation date: no such day: 2026-02 has 28 days"},
		{"an unknown funder", "plans/P-1.yaml",
		 "id: P-1\nparticipant: {name: X}\nstart: 2026-01-05\nfunder: uvw\n",
		 "plans/P-1.yaml:4:9: unknown funder \"uvw\""},
		{"an unknown scheme", "plans/P-1.yaml",
		 "id: P-1\nparticipant:\n  name: X\n  scheme: wajong2\nstart: 2026-01-05\n",
		 "plans/P-1.yaml:4:11: unknown scheme \"wajong2\""},
		{"an unknown status", "plans/P-1.yaml",
		 "id: P-1\nparticipant: {name: X}\nstart: 2026-01-05\nstatus: done\n",
		 "plans/P-1.yaml:4:9: unknown status \"done\""},
		{"an unknown goal status", "plans/P-1.yaml",
		 "id: P-1\nparticipant: {name: X}\nstart: 2026-01-05\ngoals:\n  - id: G1\n    status: reached\n",
		 "plans/P-1.yaml:6:13: unknown goal status \"reached\""},
		{"an unknown goal status in an evaluation", "plans/P-1.yaml",
		 "id: P-1\nparticipant: {name: X}\nstart: 2026-01-05\ngoals:\n  - id: G1\n"
		 "evaluations:\n  - date: 2026-02-01\n    goals: {G1: half}\n",
		 "plans/P-1.yaml:8:17: unknown goal status \"half\""},
		{"a bad id", "plans/P 1.yaml", "id: P 1\nparticipant: {name: X}\nstart: 2026-01-05\n",
		 "plans/P 1.yaml:1:5: plan id \"P 1\" has characters that are not allowed"},
		{"an id with ../", "plans/P-1.yaml", "id: ../x\nparticipant: {name: X}\nstart: 2026-01-05\n",
		 "plans/P-1.yaml:1:5: plan id \"../x\" has characters that are not allowed"},
		{"an id that is not the file name", "plans/X.yaml",
		 "id: P-1\nparticipant: {name: X}\nstart: 2026-01-05\n",
		 "plans/X.yaml:1:5: plan id \"P-1\" does not match the file name"},
		{"a bad goal id", "plans/P-1.yaml",
		 "id: P-1\nparticipant: {name: X}\nstart: 2026-01-05\ngoals:\n  - id: G/1\n",
		 "plans/P-1.yaml:5:9: goal id \"G/1\" has characters that are not allowed"},
		{"no id", "plans/P-1.yaml", "participant: {name: X}\nstart: 2026-01-05\n",
		 "plans/P-1.yaml:1:1: missing plan id"},
		{"an empty id", "plans/P-1.yaml", "id:\nparticipant: {name: X}\nstart: 2026-01-05\n",
		 "plans/P-1.yaml:1:1: missing plan id"},
		{"no participant", "plans/P-1.yaml", "id: P-1\nstart: 2026-01-05\n",
		 "plans/P-1.yaml:1:1: missing participant"},
		{"a participant that is a text", "plans/P-1.yaml",
		 "id: P-1\nparticipant: Bart\nstart: 2026-01-05\n",
		 "plans/P-1.yaml:2:14: participant must be a mapping of keys"},
		{"no name", "plans/P-1.yaml", "id: P-1\nparticipant:\n  scheme: wia\nstart: 2026-01-05\n",
		 "plans/P-1.yaml:3:3: missing participant name"},
		{"a null name", "plans/P-1.yaml", "id: P-1\nparticipant:\n  name: ~\nstart: 2026-01-05\n",
		 "plans/P-1.yaml:3:3: missing participant name"},
		{"no start", "plans/P-1.yaml", "id: P-1\nparticipant: {name: X}\n",
		 "plans/P-1.yaml:1:1: missing start date"},
		{"the end before the start", "plans/P-1.yaml",
		 "id: P-1\nparticipant: {name: X}\nstart: 2026-01-05\nend: 2026-01-04\n",
		 "plans/P-1.yaml:4:6: the plan ends before it starts"},
		{"a default end past the calendar (fuzz-plan)", "plans/P-1.yaml",
		 "id: P-1\nparticipant: {name: X}\nfunder: uwv\nstart: 2999-06-01\n",
		 "plans/P-1.yaml:4:8: the end its funder gives the plan would fall after 2999-12-31, the "
		 "last day the tools know"},
		{"a default next evaluation past the calendar", "plans/P-1.yaml",
		 "id: P-1\nparticipant: {name: X}\nfunder: gemeente\nstart: 2999-11-01\n",
		 "plans/P-1.yaml:4:8: the next evaluation would fall after 2999-12-31, the last day the "
		 "tools know"},
		{"a goal id twice", "plans/P-1.yaml",
		 "id: P-1\nparticipant: {name: X}\nstart: 2026-01-05\ngoals:\n  - id: G1\n  - id: G1\n",
		 "plans/P-1.yaml:6:9: goal id \"G1\" is used twice"},
		{"a goal without an id", "plans/P-1.yaml",
		 "id: P-1\nparticipant: {name: X}\nstart: 2026-01-05\ngoals:\n  - text: t\n",
		 "plans/P-1.yaml:5:5: missing goal id"},
		{"a goal that is a text", "plans/P-1.yaml",
		 "id: P-1\nparticipant: {name: X}\nstart: 2026-01-05\ngoals:\n  - kassa\n",
		 "plans/P-1.yaml:5:5: a goal must be a mapping of keys"},
		{"an evaluation of an unknown goal", "plans/P-1.yaml",
		 "id: P-1\nparticipant: {name: X}\nstart: 2026-01-05\ngoals:\n  - id: G1\n"
		 "evaluations:\n  - date: 2026-02-01\n    goals:\n      G2: achieved\n",
		 "plans/P-1.yaml:9:7: evaluation of unknown goal \"G2\""},
		{"evaluations out of order", "plans/P-1.yaml",
		 "id: P-1\nparticipant: {name: X}\nstart: 2026-01-05\nevaluations:\n"
		 "  - date: 2026-07-01\n  - date: 2026-06-30\n",
		 "plans/P-1.yaml:6:11: evaluation dates are out of order"},
		{"an evaluation without a date", "plans/P-1.yaml",
		 "id: P-1\nparticipant: {name: X}\nstart: 2026-01-05\nevaluations:\n  - summary: s\n",
		 "plans/P-1.yaml:5:5: missing evaluation date"},
		{"a list where a text belongs", "plans/P-1.yaml",
		 "id: P-1\nparticipant: {name: X}\nstart: 2026-01-05\ncoach: [robin, sam]\n",
		 "plans/P-1.yaml:4:8: coach must be a text, not a list or mapping"},
		{"a mapping where a text belongs", "plans/P-1.yaml",
		 "id: P-1\nparticipant:\n  name:\n    first: Bart\nstart: 2026-01-05\n",
		 "plans/P-1.yaml:4:5: participant name must be a text, not a list or mapping"},
		{"a text where a list belongs", "plans/P-1.yaml",
		 "id: P-1\nparticipant: {name: X}\nstart: 2026-01-05\ngoals: kassa\n",
		 "plans/P-1.yaml:4:8: goals must be a list"},
		{"a mapping where a list belongs", "plans/P-1.yaml",
		 "id: P-1\nparticipant: {name: X}\nstart: 2026-01-05\nevaluations: {date: 2026-02-01}\n",
		 "plans/P-1.yaml:4:14: evaluations must be a list"},
		{"an unknown version", "plans/P-1.yaml",
		 "version: 3\nid: P-1\nparticipant: {name: X}\nstart: 2026-01-05\n",
		 "plans/P-1.yaml:1:10: unknown plan version \"3\""},
		{"work hours that are no number", "plans/P-1.yaml",
		 "id: P-1\nparticipant: {name: X}\nstart: 2026-01-05\nwork_hours_per_week: zestien\n",
		 "plans/P-1.yaml:4:22: work hours per week must be a number"},
		{"work hours quoted", "plans/P-1.yaml",
		 "id: P-1\nparticipant: {name: X}\nstart: 2026-01-05\nwork_hours_per_week: \"16\"\n",
		 "plans/P-1.yaml:4:22: work hours per week must be a number"},
		{"work hours over 80", "plans/P-1.yaml",
		 "id: P-1\nparticipant: {name: X}\nstart: 2026-01-05\nwork_hours_per_week: 81\n",
		 "plans/P-1.yaml:4:22: work hours per week must be more than 0 and at most 80"},
		{"work hours with three decimals", "plans/P-1.yaml",
		 "id: P-1\nparticipant: {name: X}\nstart: 2026-01-05\nwork_hours_per_week: 16.125\n",
		 "plans/P-1.yaml:4:22: work hours per week must have at most two decimals"},
		{"work hours just over 80", "plans/P-1.yaml",
		 "id: P-1\nparticipant: {name: X}\nstart: 2026-01-05\nwork_hours_per_week: 80.001\n",
		 "plans/P-1.yaml:4:22: work hours per week must be more than 0 and at most 80"},
		{"work hours far over 80", "plans/P-1.yaml",
		 "id: P-1\nparticipant: {name: X}\nstart: 2026-01-05\nwork_hours_per_week: 99999999999\n",
		 "plans/P-1.yaml:4:22: work hours per week must be more than 0 and at most 80"},
		{"no work hours", "plans/P-1.yaml",
		 "id: P-1\nparticipant: {name: X}\nstart: 2026-01-05\nwork_hours_per_week: 0\n",
		 "plans/P-1.yaml:4:22: work hours per week must be more than 0 and at most 80"},
		{"a budget without hours", "plans/P-1.yaml",
		 "id: P-1\nparticipant: {name: X}\nstart: 2026-01-05\nbudget:\n  per: 6m\n",
		 "plans/P-1.yaml:5:3: missing budget hours"},
		{"a bad interval", "plans/P-1.yaml",
		 "id: P-1\nparticipant: {name: X}\nstart: 2026-01-05\nevaluation:\n  every: 6 months\n",
		 "plans/P-1.yaml:5:10: evaluation interval: not an interval; write a number and d, w, m "
		 "or y, as in 6m"},
		{"a list of lists", "plans/P-1.yaml",
		 "id: P-1\nparticipant: {name: X}\nstart: 2026-01-05\nagreements:\n  - [a, b]\n",
		 "plans/P-1.yaml:5:5: agreement must be a text, not a list or mapping"},
		{"a list as a key", "plans/P-1.yaml",
		 "id: P-1\n[a]: b\nparticipant: {name: X}\nstart: 2026-01-05\n",
		 "plans/P-1.yaml:2:1: a key must be a text, not a list or mapping"},
		{"a list as the key of a mapping of one", "plans/P-1.yaml",
		 "id: P-1\nparticipant: {name: X}\nstart: 2026-01-05\ngoals:\n  - id: G1\n"
		 "evaluations:\n  - date: 2026-02-01\n    goals: {[G1]: achieved}\n",
		 "plans/P-1.yaml:8:13: a key must be a text, not a list or mapping"},
		{"a plan that is a list", "plans/P-1.yaml", "- id: P-1\n",
		 "plans/P-1.yaml:1:1: a plan must be a mapping of keys"},
		{"an empty file", "plans/P-1.yaml", "", "plans/P-1.yaml:1:1: a plan must be a mapping of keys"},
		{"a file of comments", "plans/P-1.yaml", "# nothing yet\n",
		 "plans/P-1.yaml:1:1: a plan must be a mapping of keys"},
		{"tabs for indentation", "plans/P-1.yaml",
		 "id: P-1\nparticipant:\n\tname: X\nstart: 2026-01-05\n",
		 "plans/P-1.yaml:3:1: a tab cannot indent YAML"},
		{"a tab before a list item", "plans/P-1.yaml",
		 "id: P-1\ngoals:\n  - id: G1\n    text: a\n\t- id: G2\n    text: b\n",
		 "plans/P-1.yaml:5:1: a tab cannot indent YAML"},
		{"an unclosed quote", "plans/P-1.yaml",
		 "id: P-1\nparticipant: {name: X}\ncoach: \"robin\nstart: 2026-01-05\n",
		 "plans/P-1.yaml:5:1: the file ends inside a quoted text or a list"},
		{"an unclosed bracket", "plans/P-1.yaml",
		 "id: P-1\nparticipant: {name: X}\ngoals: [a, b\nstart: 2026-01-05\n",
		 "plans/P-1.yaml:3:8: this [ list is not closed, or two of its items have no comma "
		 "between them"},
		{"an unclosed brace", "plans/P-1.yaml",
		 "id: P-1\nparticipant: {name: X\nstart: 2026-01-05\n",
		 "plans/P-1.yaml:2:14: this { mapping is not closed, or two of its keys have no comma "
		 "between them"},
		{"an opened bracket at the end", "plans/P-1.yaml",
		 "id: P-1\nparticipant: {name: X}\ngoals: [\n",
		 "plans/P-1.yaml:4:1: expected a value here"},
		{"a brace where a value starts", "plans/P-1.yaml",
		 "id: P-1\nparticipant: {name: X}\ncoach: }\n",
		 "plans/P-1.yaml:3:8: expected a value here"},
		{"a list item as Markdown writes it", "plans/P-1.yaml",
		 "id: P-1\nparticipant: {name: X}\nagreements:\n  * bellen\n",
		 "plans/P-1.yaml:4:3: an alias (*name) needs its name right after the *"},
		{"an anchor with no name", "plans/P-1.yaml",
		 "id: P-1\nparticipant: {name: X}\ncoach: & robin\n",
		 "plans/P-1.yaml:3:8: an anchor (&name) needs its name right after the &"},
		{"a quote inside single quotes", "plans/P-1.yaml",
		 "id: P-1\nparticipant: {name: X}\nagreements:\n  - 'it's'\n",
		 "plans/P-1.yaml:4:9: more text after the closing quote"},
		{"text after a double-quoted text", "plans/P-1.yaml",
		 "id: P-1\nparticipant: {name: \"X\"  Y}\n",
		 "plans/P-1.yaml:2:26: more text after the closing quote"},
		{"a list item on its key's line", "plans/P-1.yaml",
		 "id: P-1\nparticipant: {name: X}\nagreements: - bellen\n",
		 "plans/P-1.yaml:3:13: a list item (- ) cannot stand on the line of its key"},
		{"a second document", "plans/P-1.yaml",
		 "id: P-1\nparticipant: {name: X}\nstart: 2026-01-05\n---\nid: P-2\n",
		 "plans/P-1.yaml:4:1: a second document is not allowed"},
		{"a bad escape", "plans/P-1.yaml",
		 "id: P-1\nparticipant: {name: \"a\\qb\"}\nstart: 2026-01-05\n",
		 "plans/P-1.yaml:2:23: unknown escape in a double-quoted text"},
		{"an undefined alias", "plans/P-1.yaml",
		 "id: P-1\nparticipant: {name: *who}\nstart: 2026-01-05\n",
		 "plans/P-1.yaml:2:21: unknown alias"},
		{"a colon and a space in a plain text", "plans/P-1.yaml",
		 "id: P-1\nparticipant: {name: X}\ncoach: robin: sam\nstart: 2026-01-05\n",
		 "plans/P-1.yaml:3:13: a colon followed by a space is not allowed here"},
		{"bad indentation", "plans/P-1.yaml",
		 "id: P-1\nparticipant:\n    name: X\n  scheme: wia\nstart: 2026-01-05\n",
		 "plans/P-1.yaml:4:3: expected a key here"},
		{"no space after a key's colon: at that key, not the next line", "plans/P-1.yaml",
		 "id: P-1\nparticipant: {name: X}\nfunder:uwv\nstart: 2026-01-05\n",
		 "plans/P-1.yaml:3:1: expected a colon after this key"},
		{"a merge conflict left in the plan", "plans/P-1.yaml",
		 "id: P-1\nparticipant:\n<<<<<<< ours\n  name: X\n=======\n  name: Y\n>>>>>>> theirs\n",
		 "plans/P-1.yaml:3:1: git left a merge conflict here to resolve"},
		{"... of git's own markers", "plans/P-1.yaml",
		 "id: P-1\nparticipant:\n  name: X\nstart: 2026-01-05\ngoals:\n=======\n  - {id: G1}\n",
		 "plans/P-1.yaml:6:1: git left a merge conflict here to resolve"},
		{"no colon after a key in a list item", "plans/P-1.yaml",
		 "id: P-1\ngoals:\n  - id: G1\n    text Kassa\n  - id: G2\n",
		 "plans/P-1.yaml:4:5: expected a colon after this key"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		int status = 0;
		char *err;
		unsigned long before = cp_errors();
		struct plan *p = parse(cases[i].file, cases[i].text, &status, &err);
		ok(p == NULL && status == EX_DATAERR, "%s: refused", cases[i].what);
		is_str(first_line(err), cases[i].err, "%s: the message", cases[i].what);
		is_int(cp_errors() - before, 1, "%s: one error", cases[i].what);
		free(err);
		plan_free(p);
	}
}

/* Faults in the bytes themselves, and positions counted in characters. */
static void encoding(void)
{
	static const struct {
		const char *what;
		const char *text;
		size_t len;
		const char *err;
	} cases[] = {
		{"Latin-1 instead of UTF-8", "id: P-1\nparticipant: {name: Ren\xe9}\n", 0,
		 "plans/P-1.yaml:2:24: the file is not valid UTF-8"},
		{"a broken three-byte sequence", "id: P-1\ncoach: a\xe2\x82x\n", 0,
		 "plans/P-1.yaml:2:9: the file is not valid UTF-8"},
		{"a stray continuation byte", "id: P-1\ncoach: a\x80\n", 0,
		 "plans/P-1.yaml:2:9: the file is not valid UTF-8"},
		{"an overlong encoding", "id: P-1\ncoach: \xc3\xa9\xc0\xaf\n", 0,
		 "plans/P-1.yaml:2:9: the file is not valid UTF-8"},
		{"a NUL byte", "id: P-1\nparticipant: {name: a\0b}\n", 33,
		 "plans/P-1.yaml:2:22: control characters are not allowed"},
		{"a UTF-16 byte order mark", "\xff\xfei\0d\0", 6,
		 "plans/P-1.yaml:1:1: the file is not valid UTF-8"},
		{"a broken sequence at the end", "id: P-1\ncoach: \xc3", 0,
		 "plans/P-1.yaml:2:8: the file ends in the middle of a UTF-8 character"},
		{"columns count characters, not bytes",
		 "id: P-1\nparticipant: {name: Zo\xc3\xab B\xc3\xa9, scheme: wajong\xc3\xa9}\nstart: 2026-01-05\n",
		 0, "plans/P-1.yaml:2:37: unknown scheme \"wajong\xc3\xa9\""},
		{"columns count characters in syntax errors too",
		 "id: P-1\ncoach: \xc3\xa9\xc3\xab: x\n", 0,
		 "plans/P-1.yaml:2:10: a colon followed by a space is not allowed here"},
		{"characters of three and four bytes",
		 "id: P-1\nparticipant: {name: \xe2\x82\xac\xf0\x9f\x98\x80, scheme: x}\nstart: 2026-01-05\n",
		 0, "plans/P-1.yaml:2:33: unknown scheme \"x\""},
		{"a UTF-8 byte order mark and CRLF",
		 "\xef\xbb\xbfid: P-1\r\nparticipant:\r\n  name: X\r\nstart: 2026-01-05\r\nfunder: uvw\r\n", 0,
		 "plans/P-1.yaml:5:9: unknown funder \"uvw\""},
		{"CRLF and a duplicate key",
		 "id: P-1\r\nparticipant:\r\n  name: X\r\n  name: Y\r\nstart: 2026-01-05\r\n", 0,
		 "plans/P-1.yaml:4:3: duplicate key \"name\""},
		{"CRLF and a syntax error", "id: P-1\r\nparticipant:\r\n\tname: X\r\n", 0,
		 "plans/P-1.yaml:3:1: a tab cannot indent YAML"},
		{"a character that cannot start a value", "id: P-1\nparticipant:\n  name: @X\n", 0,
		 "plans/P-1.yaml:3:9: this character cannot start a value"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		int status;
		char *err;
		size_t len = cases[i].len ? cases[i].len : strlen(cases[i].text);
		struct plan *p = parse_n("plans/P-1.yaml", cases[i].text, len, &status, &err);
		ok(p == NULL && status == EX_DATAERR, "%s: refused", cases[i].what);
		is_str(first_line(err), cases[i].err, "%s: the message", cases[i].what);
		free(err);
		plan_free(p);
	}

	int status;
	char *err;
	struct plan *p = parse("plans/P-1.yaml",
			       "\xef\xbb\xbfid: P-1\r\nparticipant:\r\n  name: Zo\xc3\xab\r\nstart: 2026-01-05\r\n"
			       "goals:\r\n  - id: G1\r\n    text: \"a\r\n      b\"\r\n",
			       &status, &err);
	ok(p != NULL, "a UTF-8 byte order mark and CRLF line ends read");
	if (p) {
		is_str(p->id, "P-1", "the id does not start with the mark");
		is_str(p->name, "Zo\xc3\xab", "no carriage return in the values");
		ok(p->ngoals == 1 && !strcmp(p->goals[0].text, "a b"), "a quoted text folds");
	} else
		printf("# %s", err);
	free(err);
	plan_free(p);
}

/* The day a pause began, read while the plan is paused. */
static void paused(void)
{
	int status, day;
	char *err;
	struct plan *p = parse("plans/P-1.yaml",
			       "id: P-1\nparticipant: {name: X}\nstart: 2026-01-05\nstatus: paused\n"
			       "paused: 2026-03-05\n",
			       &status, &err);
	date_parse("2026-03-05", 10, &day);
	ok(p && p->paused == day, "paused: the pause's first day");
	plan_free(p);
	free(err);
	p = parse("plans/P-1.yaml",
		  "id: P-1\nparticipant: {name: X}\nstart: 2026-01-05\nstatus: paused\n"
		  "paused: 5-3-2026\n",
		  &status, &err);
	ok(!p && strstr(err, "plans/P-1.yaml:5:9: paused: ") != NULL, "... a bad day: %s",
	   first_line(err));
	free(err);
	p = parse("plans/P-1.yaml",
		  "id: P-1\nparticipant: {name: X}\nstart: 2026-01-05\npaused: 5-3-2026\n", &status,
		  &err);
	ok(p && p->paused == DATE_NONE, "... not read in a plan resumed by hand");
	plan_free(p);
	free(err);
}

/* The pauses that ended, as cp-plan --resume writes them. */
static void pauses(void)
{
	static const char head[] = "id: P-1\nparticipant: {name: X}\nstart: 2026-01-05\n";
	static const struct {
		const char *body, *err;
	} bad[] = {
		{"pauses:\n  - {from: 2026-03-05}\n", "5:5: a pause without to"},
		{"pauses:\n  - {from: 2026-03-05, to: 2026-03-01}\n", "5:28: the pause ends before it begins"},
		{"pauses:\n  - {from: 2026-03-05, to: 2026-03-31}\n  - {from: 2026-03-20, to: 2026-04-01}\n",
		 "6:5: this pause does not come after the one above it"},
		{"pauses:\n  - {from: 2026-01-01, to: 2026-01-10}\n", "5:5: a day before the plan starts"},
		{"pauses:\n  - {from: 2026-03-05, to: 2026-03-31}\nstatus: paused\npaused: 2026-03-20\n",
		 "7:9: the pause begins before the last one under pauses: ended"},
		{"pauses: {from: 2026-03-05, to: 2026-03-31}\n", "4:9: pauses"},
	};
	int status, from, to;
	char *err, text[512];
	snprintf(text, sizeof text, "%spauses:\n  - {from: 2026-03-05, to: 2026-03-31}\n"
		 "  - from: 2026-05-01\n    to: 2026-05-01\nstatus: paused\npaused: 2026-06-01\n", head);
	struct plan *p = parse("plans/P-1.yaml", text, &status, &err);
	date_parse("2026-03-05", 10, &from);
	date_parse("2026-03-31", 10, &to);
	ok(p && p->npauses == 2 && p->pauses[0].from == from && p->pauses[0].to == to &&
		   p->pauses[1].from == p->pauses[1].to,
	   "pauses: each from and to, a day's too, in either style");
	static const struct {
		const char *day, *from, *to; /* the pause holding day: NULL none; to NULL open */
	} on[] = {
		{"2026-03-04", NULL, NULL},         {"2026-03-05", "2026-03-05", "2026-03-31"},
		{"2026-03-31", "2026-03-05", "2026-03-31"}, {"2026-05-01", "2026-05-01", "2026-05-01"},
		{"2026-05-31", NULL, NULL},         {"2026-06-01", "2026-06-01", NULL},
		{"2027-01-01", "2026-06-01", NULL},
	};
	for (size_t i = 0; p && i < sizeof on / sizeof *on; i++) {
		int day, want_from = DATE_NONE, want_to = PERIOD_OPEN_TO;
		struct period got = {0, 0};
		date_parse(on[i].day, 10, &day);
		if (on[i].from)
			date_parse(on[i].from, 10, &want_from);
		if (on[i].to)
			date_parse(on[i].to, 10, &want_to);
		int in = plan_pause_on(p, day, &got);
		ok(on[i].from ? in && got.from == want_from && got.to == want_to : !in,
		   "plan_pause_on %s: %s..%s", on[i].day, on[i].from ? on[i].from : "none",
		   on[i].to ? on[i].to : "");
		ok(plan_status_on(p, day) == (in ? STATUS_PAUSED : STATUS_ACTIVE),
		   "... plan_status_on agrees");
	}
	if (p)
		plan_slim(p);
	ok(p && p->npauses == 2 && p->pauses[0].from == from && p->pauses[0].to == to,
	   "... kept by plan_slim: cp-log holds entries against them");
	plan_free(p);
	free(err);
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		snprintf(text, sizeof text, "%s%s", head, bad[i].body);
		p = parse("plans/P-1.yaml", text, &status, &err);
		ok(!p && strstr(err, bad[i].err) != NULL, "... refused: %s", first_line(err));
		plan_free(p);
		free(err);
	}
}

/* Every problem in a file is reported in one run. */
static void all_at_once(void)
{
	static const char text[] =
		"version: 3\n"                         /* 1 */
		"id: P-1\n"                            /* 2 */
		"participant:\n"                       /* 3 */
		"  scheme: wajong2\n"                  /* 4: unknown scheme, 3: no name */
		"funder: uvw\n"                        /* 5 */
		"start: 2026-02-30\n"                  /* 6 */
		"work_hours_per_week: many\n"          /* 7 */
		"goals:\n"                             /* 8 */
		"  - id: G1\n"                         /* 9 */
		"    status: half\n"                   /* 10 */
		"  - id: G1\n"                         /* 11 */
		"evaluations:\n"                       /* 12 */
		"  - date: 2026-07-01\n"               /* 13 */
		"    goals: {G7: achieved}\n"          /* 14 */
		"  - date: 2026-06-01\n"               /* 15 */
		"status: done\n";                      /* 16 */
	static const char *const want[] = {
		"plans/P-1.yaml:1:10: unknown plan version \"3\"",
		"plans/P-1.yaml:4:3: missing participant name",
		"plans/P-1.yaml:4:11: unknown scheme \"wajong2\"",
		"plans/P-1.yaml:5:9: unknown funder \"uvw\"",
		"plans/P-1.yaml:6:8: start: no such day: 2026-02 has 28 days",
		"plans/P-1.yaml:7:22: work hours per week must be a number",
		"plans/P-1.yaml:10:13: unknown goal status \"half\"",
		"plans/P-1.yaml:11:9: goal id \"G1\" is used twice",
		"plans/P-1.yaml:14:13: evaluation of unknown goal \"G7\"",
		"plans/P-1.yaml:15:11: evaluation dates are out of order",
		"plans/P-1.yaml:16:9: unknown status \"done\"",
	};
	int status;
	char *err;
	unsigned long before = cp_errors();
	struct plan *p = parse("plans/P-1.yaml", text, &status, &err);
	ok(p == NULL && status == EX_DATAERR, "a plan with many faults is refused");
	size_t n = sizeof want / sizeof *want;
	is_int(cp_errors() - before, n, "every fault counted");
	is_int(count_messages(err), n, "every fault reported");
	for (size_t i = 0; i < n; i++)
		ok(strstr(err, want[i]) != NULL, "reported: %s", want[i]);
	free(err);

	/* a bad start is said once: not again as the contract hours a grant
	 * by level lacks (its hours need the start) */
	before = cp_errors();
	p = parse("plans/P-1.yaml",
		  "version: 2\nid: P-1\nparticipant: {name: X}\nstart: 2026-05-34\n"
		  "work_hours_per_week: 28\ngrants:\n  - {from: 2026-06-01, length: 6m, level: midden}\n",
		  &status, &err);
	is_int(cp_errors() - before, 1, "a bad start under a grant by level: one fault");
	ok(strstr(err, "plans/P-1.yaml:4:8: start: no such day") != NULL, "... the start");
	free(err);

	/* duplicate keys at several levels, and what else is wrong, all reported */
	before = cp_errors();
	p = parse("plans/P-1.yaml",
		  "id: P-1\nparticipant:\n  name: X\n  name: Y\nstart: 2026-01-05\ngoals:\n"
		  "  - {id: G1, id: G2}\nstart: 2026-01-06\nfunder: uvw\n",
		  &status, &err);
	ok(p == NULL && status == EX_DATAERR, "duplicate keys at three levels are refused");
	is_int(cp_errors() - before, 4, "all three counted, and the unknown funder");
	is_int(count_messages(err), 4, "all four reported");
	ok(strstr(err, "plans/P-1.yaml:4:3: duplicate key \"name\"") &&
		   strstr(err, "plans/P-1.yaml:7:14: duplicate key \"id\"") &&
		   strstr(err, "plans/P-1.yaml:8:1: duplicate key \"start\"") &&
		   strstr(err, "plans/P-1.yaml:9:9: unknown funder \"uvw\""),
	   "each at its place");
	ok(strstr(err, "hint: the first \"name\" is on line 3; keep one of them") != NULL,
	   "the hint names the line of the first");
	free(err);

	/* the excerpt under the message */
	p = parse("plans/P-1.yaml", "id: P-1\nparticipant: {name: X}\nstart: 2026-01-05\nfunder: uvw\n",
		  &status, &err);
	ok(strstr(err, "\n 4 | funder: uvw\n   |         ^^^\n") != NULL,
	   "the line is shown with the value underlined");
	ok(strstr(err, " hint: funder is one of uwv, gemeente, werkgever or other\n") != NULL,
	   "and a hint lists the choices");
	free(err);
}

/* ---- byte ranges ---- */

static struct ynode *path_get(struct ynode *root, const char *path)
{
	char key[64];
	struct ynode *n = root;
	while (n && *path) {
		size_t len = strcspn(path, "/");
		snprintf(key, sizeof key, "%.*s", (int)len, path);
		n = yderef(n);
		if (n && n->kind == Y_SEQ)
			n = (size_t)atoi(key) < n->n ? n->u.kids[atoi(key)] : NULL;
		else
			n = ymap_get(n, key);
		path += len + (path[len] == '/');
	}
	return n;
}

static void ranges(void)
{
	static const char text[] =
		"# ranges\n"
		"plain: plain text here   # comment\n"
		"single: 'it''s'\n"
		"double: \"x\\ty\"\n"
		"anchored: &a value\n"
		"tagged: !!str 12\n"
		"anchored_tagged: &b !!str 13\n"
		"empty:\n"
		"empty_comment: # nothing\n"
		"tilde: ~\n"
		"accents: \xc3\xa9\xc3\xa9n \xe2\x82\xac\n"
		"after: x\n"
		"goals:\n"
		"  - id: G1\n"
		"    text: first\n"
		"  - id: G2\n"
		"    text: last\n"
		"  # a comment after the last item\n"
		"\n"
		"flow_seq: [a, b]   # c\n"
		"flow_map: {a: 1, b: [2]}\n"
		"literal: |\n"
		"  line one\n"
		"  line two\n"
		"\n"
		"folded: >-\n"
		"  folded\n"
		"  text\n"
		"kept: |+\n"
		"  kept\n"
		"\n"
		"nested:\n"
		"  inner:\n"
		"    deep: value\n"
		"  # trailing\n"
		"zero_indent:\n"
		"- a\n"
		"- b\n"
		"alias: *a\n"
		"last: end";
	static const struct {
		const char *path, *source;
	} cases[] = {
		{"plain", "plain text here"},
		{"single", "'it''s'"},
		{"double", "\"x\\ty\""},
		{"anchored", "value"},
		{"tagged", "12"},
		{"anchored_tagged", "13"},
		{"empty", ""},
		{"empty_comment", ""},
		{"tilde", "~"},
		{"accents", "\xc3\xa9\xc3\xa9n \xe2\x82\xac"},
		{"after", "x"},
		{"goals", "- id: G1\n    text: first\n  - id: G2\n    text: last"},
		{"goals/0", "id: G1\n    text: first"},
		{"goals/1/text", "last"},
		{"flow_seq", "[a, b]"},
		{"flow_seq/1", "b"},
		{"flow_map", "{a: 1, b: [2]}"},
		{"flow_map/b", "[2]"},
		{"literal", "|\n  line one\n  line two"},
		{"folded", ">-\n  folded\n  text"},
		{"kept", "|+\n  kept\n"},
		{"nested", "inner:\n    deep: value"},
		{"nested/inner/deep", "value"},
		{"zero_indent", "- a\n- b"},
		{"alias", "*a"},
		{"last", "end"},
	};
	struct arena a = {0};
	struct ydoc doc;
	capture_start();
	int rc = ydoc_parse(&doc, &a, "r.yaml", text, strlen(text));
	char *err = capture_end();
	if (!ok(rc == 0 && doc.root, "a document of every kind of node parses")) {
		printf("# %s", err);
		free(err);
		arena_free(&a);
		return;
	}
	free(err);
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		struct ynode *n = path_get(doc.root, cases[i].path);
		if (!ok(n != NULL, "%s is there", cases[i].path))
			continue;
		is_str(arena_strndup(&a, text + n->start, n->end - n->start), cases[i].source,
		       "%s: the bytes of its source", cases[i].path);
	}
	struct ynode *empty = path_get(doc.root, "empty");
	ok(empty && text[empty->start - 1] == ':', "an empty value sits right after its colon");
	empty = path_get(doc.root, "empty_comment");
	ok(empty && text[empty->start - 1] == ':', "also with a comment after it");
	struct ynode *n = path_get(doc.root, "single");
	ok(n && n->style == Y_SQUOTED && !strcmp(n->u.str, "it's"), "'it''s' is it's, single quoted");
	n = path_get(doc.root, "double");
	ok(n && n->style == Y_DQUOTED && !strcmp(n->u.str, "x\ty"), "\"x\\ty\" holds a tab");
	n = path_get(doc.root, "anchored");
	ok(n && (n->flags & YF_ANCHORED) && !(n->flags & YF_TAGGED), "anchored is marked so");
	n = path_get(doc.root, "tagged");
	ok(n && (n->flags & YF_TAGGED), "tagged is marked so");
	n = path_get(doc.root, "alias");
	ok(n && n->kind == Y_ALIAS && yderef(n) == path_get(doc.root, "anchored"),
	   "the alias points at its anchor's node");
	n = path_get(doc.root, "literal");
	ok(n && n->style == Y_LITERAL && !strcmp(n->u.str, "line one\nline two\n"), "literal style");
	n = path_get(doc.root, "folded");
	ok(n && n->style == Y_FOLDED && !strcmp(n->u.str, "folded text"), "folded style");
	n = path_get(doc.root, "kept");
	ok(n && n->style == Y_LITERAL && !strcmp(n->u.str, "kept\n\n"), "a block that keeps its breaks");
	n = path_get(doc.root, "goals");
	ok(n && n->kind == Y_SEQ && n->style == Y_BLOCK && n->n == 2, "goals: a block list of two");
	n = path_get(doc.root, "flow_map");
	ok(n && n->kind == Y_MAP && n->style == Y_FLOW && n->n == 2, "flow_map: a flow map of two");
	ok(yscalar_null(path_get(doc.root, "empty")) && yscalar_null(path_get(doc.root, "tilde")) &&
		   !yscalar_null(path_get(doc.root, "plain")) &&
		   !yscalar_null(path_get(doc.root, "double")),
	   "yscalar_null: empty and ~ are null, text is not");
	struct ynode *k = ymap_key(doc.root, "after");
	ok(k && k->kind == Y_SCALAR && !strncmp(text + k->start, "after:", 6), "ymap_key gives the key");
	ok(ymap_get(doc.root, "nothing") == NULL && ymap_get(path_get(doc.root, "goals"), "x") == NULL,
	   "ymap_get of a missing key or of a list is NULL");
	struct srcpos at;
	ynode_pos(&doc, path_get(doc.root, "after"), &at);
	unsigned long line, col;
	srcpos_linecol(&at, &line, &col);
	ok(line == 12 && col == 8 && at.span == 1, "ynode_pos: line 12, column 8, one byte");
	arena_free(&a);

	/* the same in a CRLF file with a byte order mark */
	static const char crlf[] = "\xef\xbb\xbf# c\r\nname: Zo\xc3\xab\r\nlist:\r\n  - a\r\n  - b\r\n"
				   "block: |\r\n  one\r\n  two\r\n\r\nq: 'x'\r\n";
	static const struct {
		const char *path, *source;
	} crlf_cases[] = {
		{"name", "Zo\xc3\xab"}, {"list", "- a\r\n  - b"}, {"list/1", "b"},
		{"block", "|\r\n  one\r\n  two"}, {"q", "'x'"},
	};
	rc = ydoc_parse(&doc, &a, "c.yaml", crlf, strlen(crlf));
	ok(rc == 0 && doc.root, "a CRLF file with a BOM parses");
	for (size_t i = 0; rc == 0 && i < sizeof crlf_cases / sizeof *crlf_cases; i++) {
		n = path_get(doc.root, crlf_cases[i].path);
		ok(n && !strcmp(arena_strndup(&a, crlf + n->start, n->end - n->start), crlf_cases[i].source),
		   "CRLF: %s has the bytes of its source", crlf_cases[i].path);
	}
	arena_free(&a);
}

/* ---- aliases and limits ---- */

static double seconds(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void aliases(void)
{
	int status;
	char *err;
	struct plan *p = parse("plans/P-1.yaml",
			       "who: &who Bart de Wit\n"
			       "id: P-1\n"
			       "participant:\n  name: *who\n"
			       "employer: &emp\n  name: De Keuken\n"
			       "start: &start 2026-01-05\n"
			       "evaluation:\n  next: *start\n"
			       "goals:\n  - &g1 {id: G1, text: kassa}\n"
			       "contacts:\n  - *emp\n",
			       &status, &err);
	ok(p != NULL, "a plan with aliases reads");
	if (p) {
		is_str(p->name, "Bart de Wit", "an alias to a text reads through");
		is_str(p->employer, "De Keuken", "an anchored mapping reads");
		is_int(p->next, day("2026-01-05"), "an alias to a date");
		ok(p->ncontacts == 1 && !strcmp(p->contacts[0].name, "De Keuken"),
		   "an alias to a mapping in a list");
		ok(p->ngoals == 1 && !strcmp(p->goals[0].text, "kassa"), "an anchored goal");
	} else
		printf("# %s", err);
	free(err);
	plan_free(p);

	/* billion laughs: 9 levels of 9 aliases each, 9^9 texts if expanded */
	struct buf b = {0};
	buf_puts(&b, "id: P-1\nparticipant: {name: X}\nstart: 2026-01-05\n");
	buf_puts(&b, "l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
	for (int i = 1; i < 9; i++)
		buf_printf(&b, "l%d: &l%d [*l%d, *l%d, *l%d, *l%d, *l%d, *l%d, *l%d, *l%d, *l%d]\n", i,
			   i, i - 1, i - 1, i - 1, i - 1, i - 1, i - 1, i - 1, i - 1, i - 1);
	size_t base = b.len;
	struct rusage ru;
	getrusage(RUSAGE_SELF, &ru);
	long rss_before = ru.ru_maxrss;
	double t0 = seconds();
	p = parse("plans/P-1.yaml", b.s, &status, &err);
	double t1 = seconds();
	ok(p != NULL, "an alias bomb under an unknown key is read");
	ok(t1 - t0 < 2.0, "in %.3f seconds", t1 - t0);
	free(err);
	plan_free(p);
	static const char *const targets[] = {"agreements: *l8\n", "conditions: *l8\n",
					      "contacts: *l8\n", "goals: *l8\n", "evaluations: *l8\n",
					      "participant2: *l8\nemployer: *l8\n", "funder_ref: *l8\n"};
	for (size_t i = 0; i < sizeof targets / sizeof *targets; i++) {
		b.len = base;
		buf_puts(&b, targets[i]);
		t0 = seconds();
		p = parse("plans/P-1.yaml", b.s, &status, &err);
		t1 = seconds();
		ok(t1 - t0 < 2.0 && strlen(err) < 100000, "%.*s: the bomb costs %.3f s and %zu bytes of messages",
		   (int)strcspn(targets[i], ":"), targets[i], t1 - t0, strlen(err));
		free(err);
		plan_free(p);
	}
	getrusage(RUSAGE_SELF, &ru);
	ok(ru.ru_maxrss - rss_before < 64 * 1024, "and all of them took %ld kB more memory at most",
	   ru.ru_maxrss - rss_before);
	buf_free(&b);

	/* nesting: 64 levels in all are allowed, more are refused */
	for (int depth = 62; depth <= 66; depth++) {
		b.len = 0;
		buf_puts(&b, "x: ");
		for (int i = 1; i < depth; i++)
			buf_putc(&b, '[');
		for (int i = 1; i < depth; i++)
			buf_putc(&b, ']');
		buf_puts(&b, "\nid: P-1\nparticipant: {name: X}\nstart: 2026-01-05\n");
		p = parse("plans/P-1.yaml", b.s, &status, &err);
		if (depth <= PLAN_MAX_DEPTH)
			ok(p != NULL, "%d levels of nesting are allowed", depth);
		else {
			ok(p == NULL, "%d levels of nesting are refused", depth);
			is_str(first_line(err), "plans/P-1.yaml:1:67: values are nested too deeply",
			       "at the first bracket too many");
		}
		free(err);
		plan_free(p);
	}
	b.len = 0;
	buf_puts(&b, "x:\n  ");
	for (int i = 0; i < 100000; i++)
		buf_puts(&b, "- ");
	buf_puts(&b, "a\n");
	p = parse("plans/P-1.yaml", b.s, &status, &err);
	ok(p == NULL && strstr(err, "nested too deeply"), "100000 nested block lists are refused");
	free(err);
	plan_free(p);

	/* too many values */
	b.len = 0;
	buf_puts(&b, "id: P-1\nparticipant: {name: X}\nstart: 2026-01-05\nx: [");
	for (int i = 0; i < PLAN_MAX_NODES; i++)
		buf_puts(&b, "1,");
	buf_puts(&b, "1]\n");
	p = parse("plans/P-1.yaml", b.s, &status, &err);
	ok(p == NULL && strstr(first_line(err), "too many values in one file"),
	   "more than %d values are refused", PLAN_MAX_NODES);
	free(err);
	plan_free(p);
	buf_free(&b);
}

static void loading(void)
{
	int status;
	const char *path = scratch_path("P-7.yaml");
	const char *text = "id: P-7\nparticipant: {name: X}\nstart: 2026-01-05\n";
	write_file(path, text, strlen(text));
	struct plan *p = plan_load(path, &status);
	ok(p && status == 0 && !strcmp(p->id, "P-7"), "plan_load reads a file");
	ok(p && !strcmp(p->doc.file, path), "and names it by its path");
	plan_free(p);
	capture_start();
	p = plan_load(scratch_path("P-8.yaml"), &status);
	char *err = capture_end();
	ok(!p && status == EX_NOINPUT && strstr(err, "P-8.yaml: cannot open"), "a missing plan");
	free(err);
	capture_start();
	p = plan_load(scratch(), &status);
	err = capture_end();
	ok(!p && status == EX_NOINPUT && strstr(err, "Is a directory"), "a directory");
	free(err);
	struct buf b = {0};
	buf_puts(&b, "id: P-9\nparticipant: {name: X}\nstart: 2026-01-05\n");
	while (b.len <= PLAN_MAX_BYTES)
		buf_puts(&b, "# padding padding padding padding padding padding padding padding\n");
	write_file(scratch_path("P-9.yaml"), b.s, b.len);
	buf_free(&b);
	capture_start();
	p = plan_load(scratch_path("P-9.yaml"), &status);
	err = capture_end();
	ok(!p && status == EX_DATAERR && strstr(err, "a plan may be at most 1048576 bytes"),
	   "a plan over a megabyte");
	free(err);
	struct interval uwv = plan_default_every(FUNDER_UWV), other = plan_default_every(FUNDER_OTHER);
	ok(uwv.n == 6 && uwv.unit == 'm' && other.n == 3 && other.unit == 'm',
	   "plan_default_every: 6m for UWV, 3m otherwise");
}

int main(void)
{
	err_init("test-plan");
	complete();
	defaults();
	lenient();
	typing();
	errors();
	encoding();
	all_at_once();
	paused();
	pauses();
	ranges();
	aliases();
	loading();
	return tap_done();
}
