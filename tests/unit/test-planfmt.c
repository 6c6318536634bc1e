/* test-planfmt: the YAML cp-new writes (planfmt.c, its texts quoted by
 * yamlquote.c).  A text goes out plain only where every YAML reader takes
 * it for that text, and whatever plan_format writes, plan_parse reads back
 * exactly: texts byte for byte, numbers to the minute. */
#include "coachplan.h"
#include "tap.h"
#include "util.h"

static void quoting(void)
{
	static const struct {
		const char *in;
		int needs;
	} cases[] = {
		/* words and numbers a YAML 1.1 or 1.2 reader retypes */
		{"yes", 1}, {"No", 1}, {"ON", 1}, {"off", 1}, {"y", 1}, {"n", 1}, {"Y", 1},
		{"true", 1}, {"False", 1}, {"null", 1}, {"NULL", 1}, {"~", 1}, {"=", 1}, {"<<", 1},
		{".inf", 1}, {"-.Inf", 1}, {"+.inf", 1}, {".nan", 1}, {".NaN", 1}, {"12", 1},
		{"0", 1}, {"0x1f", 1}, {"0o17", 1}, {"0b101", 1}, {"1_000", 1}, {"1:30", 1},
		{"12:30:45", 1}, {"1e3", 1}, {"1.5", 1}, {".5", 1}, {"-1", 1}, {"+1", 1},
		{"2026-03-01", 1}, {"2026-03-01 10:00", 1}, {"2026-03-01T10:00:00Z", 1},
		{"2026-000123", 1}, {"0123", 1}, {"...", 1},
		/* blanks at the ends, indicators at the start, comments, key markers */
		{" leading", 1}, {"trailing ", 1}, {" ", 1}, {"", 1}, {"'s-Hertogenbosch", 1},
		{"#1", 1}, {"a # b", 1}, {"a: b", 1}, {"a:", 1}, {"-x", 1}, {"- x", 1}, {"-", 1},
		{"? x", 1}, {"?", 1}, {":x", 1}, {",x", 1}, {"[x", 1}, {"]x", 1}, {"{x", 1}, {"}x", 1},
		{"!x", 1}, {"&x", 1}, {"*x", 1}, {"|x", 1}, {">x", 1}, {"%x", 1}, {"@x", 1},
		{"`x", 1}, {"\"x\"", 1}, {"'x'", 1},
		/* characters that cannot stand in a plain text */
		{"a\nb", 1}, {"a\tb", 1}, {"\ta", 1}, {"a\rb", 1}, {"a\x01" "b", 1}, {"a\x1f", 1},
		{"a\x7f", 1}, {"a\xe2\x80\xa8" "b", 1}, {"a\xe2\x80\xa9" "b", 1}, {"a\xc2\x85" "b", 1},
		{"\xef\xbb\xbf" "a", 1}, {"a\xef\xbb\xbf", 1},
		/* characters YAML does not allow in a file at all */
		{"a\xc2\x80" "b", 1}, {"a\xc2\x9f", 1}, {"a\xef\xbf\xbe", 1}, {"a\xef\xbf\xbf", 1},
		/* plain */
		{"Bart de Wit", 0}, {"Zo\xc3\xab", 0}, {"a#b", 0}, {"a:b", 0}, {"Let's go", 0},
		{"Restaurant De Keuken", 0}, {"2 uur", 0}, {"12h", 0}, {"1,5", 0}, {"a\"b", 0},
		{"a\\b", 0}, {"Yes!", 0}, {"nee", 0}, {"robin", 0}, {"P-2026-014", 0}, {"G1", 0},
		{"a [b] {c}", 0}, {"a, b", 0}, {"\xe2\x82\xac 5", 0}, {"\xf0\x9f\x98\x80", 0},
		{"a\xc2\xa0", 0}, {"x-1", 0}, {"e-mail", 0}, {"...y", 0}, {"a  b", 0},
		{"\xe6\x97\xa5\xe6\x9c\xac", 0}, {"a\xc2\xa1", 0}, {"a\xef\xbf\xbd", 0},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
		is_int(yaml_needs_quotes(cases[i].in, strlen(cases[i].in)), cases[i].needs,
		       "%s %s", quotes(cases[i].in), cases[i].needs ? "needs quotes" : "is plain");
}

static void scalars(void)
{
	static const struct {
		const char *in, *out;
	} cases[] = {
		{"Bart de Wit", "Bart de Wit"},
		{"yes", "\"yes\""},
		{"", "\"\""},
		{"say \"hi\"", "say \"hi\""},
		{"\"hi\"", "\"\\\"hi\\\"\""},
		{"C:\\dir", "C:\\dir"},
		{"\"C:\\dir\"", "\"\\\"C:\\\\dir\\\"\""},
		{"a\nb", "\"a\\nb\""},
		{"a\tb\rc", "\"a\\tb\\rc\""},
		{"\x01\x1f\x7f", "\"\\x01\\x1f\\x7f\""},
		{"a\xc2\x85" "b", "\"a\\Nb\""},
		{"a\xe2\x80\xa8" "b\xe2\x80\xa9", "\"a\\Lb\\P\""},
		{"\xef\xbb\xbf" "x", "\"\\uFEFFx\""},
		{"# x", "\"# x\""},
		{"a\xc2\x80" "b\xc2\x9f\xef\xbf\xbe\xef\xbf\xbf", "\"a\\x80b\\x9F\\uFFFE\\uFFFF\""},
		{"Zo\xc3\xab: ja", "\"Zo\xc3\xab: ja\""},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		struct buf b = {0};
		yaml_put_scalar(&b, cases[i].in, strlen(cases[i].in));
		is_str(buf_str(&b), cases[i].out, "yaml_put_scalar %s", quotes(cases[i].in));
		buf_free(&b);
	}
}

static int day(const char *s)
{
	int d = DATE_NONE;
	return date_parse(s, strlen(s), &d) ? DATE_NONE : d;
}

static struct plan *reparse(const struct plan_spec *spec, struct buf *out, char **err)
{
	out->len = 0;
	plan_format(out, spec);
	char path[128];
	snprintf(path, sizeof path, "plans/%s.yaml", spec->id);
	int status;
	capture_start();
	struct plan *p = plan_parse(path, xstrndup(out->s, out->len), out->len, &status);
	*err = capture_end();
	return p;
}

static void whole_plans(void)
{
	static const char *goals[] = {"Zelfstandig de kassa bedienen", "yes", "16 uur: werken"};
	struct plan_spec spec = {
		.id = "P-2026-014", .name = "Bart de Wit", .scheme = SCHEME_WAJONG,
		.employer = "Restaurant De Keuken", .employer_contact = "Anja de Vries",
		.coach = "robin", .funder = FUNDER_UWV, .funder_ref = "2026-000123",
		.start = day("2026-01-05"), .end = day("2029-01-04"), .work_minutes = 16 * 60,
		.every = {6, 'm'}, .next = day("2026-07-05"), .budget_minutes = 60 * 60,
		.budget_per = {6, 'm'}, .goals = goals, .ngoals = 3,
	};
	struct buf b = {0};
	char *err;
	struct plan *p = reparse(&spec, &b, &err);
	if (!ok(p != NULL, "a full plan_spec reads back")) {
		printf("# %s", err);
		free(err);
		buf_free(&b);
		return;
	}
	free(err);
	ok(!strncmp(b.s, "# Coaching plan P-2026-014\nversion: 1\nid: P-2026-014\n", 53),
	   "it starts with a comment, the version and the id");
	is_str(p->id, spec.id, "id");
	is_str(p->name, spec.name, "name");
	is_int(p->scheme, spec.scheme, "scheme");
	is_str(p->employer, spec.employer, "employer");
	is_str(p->employer_contact, spec.employer_contact, "employer contact");
	is_str(p->coach, spec.coach, "coach");
	is_int(p->funder, spec.funder, "funder");
	is_str(p->funder_ref, spec.funder_ref, "funder_ref, quoted as it looks like a date");
	is_int(p->start, spec.start, "start");
	is_int(p->end, spec.end, "end");
	is_int(p->work_minutes, spec.work_minutes, "work hours");
	ok(p->every.n == 6 && p->every.unit == 'm', "every");
	is_int(p->next, spec.next, "next");
	is_int(p->budget_minutes, spec.budget_minutes, "budget");
	ok(p->budget_per.n == 6 && p->budget_per.unit == 'm', "budget per");
	is_int(p->ngoals, 3, "goals");
	for (size_t i = 0; i < p->ngoals && i < 3; i++) {
		char id[8];
		snprintf(id, sizeof id, "G%zu", i + 1);
		is_str(p->goals[i].id, id, "goal %zu is %s", i + 1, id);
		is_str(p->goals[i].text, goals[i], "goal %zu text", i + 1);
		is_int(p->goals[i].status, GOAL_OPEN, "goal %zu is open", i + 1);
	}
	is_int(p->status, STATUS_ACTIVE, "status active");
	is_int(p->defaulted, 0, "nothing defaulted");
	plan_free(p);

	/* the least a spec holds: no scheme, employer, coach, end, hours, budget or goals */
	struct plan_spec least = {
		.id = "G-1", .name = "Zo\xc3\xab", .scheme = SCHEME_NONE, .funder = FUNDER_GEMEENTE,
		.start = day("2026-02-01"), .end = DATE_NONE, .work_minutes = -1,
		.every = {3, 'm'}, .next = day("2026-05-01"), .budget_minutes = -1,
	};
	p = reparse(&least, &b, &err);
	ok(p != NULL, "the least plan_spec reads back");
	if (p) {
		ok(p->scheme == SCHEME_NONE && !p->employer && !p->coach && !p->funder_ref,
		   "with nothing that was not given");
		ok(p->end == DATE_NONE && p->work_minutes == -1 && p->budget_minutes == -1 &&
			   p->ngoals == 0,
		   "no end, hours, budget or goals");
		ok(!strstr(b.s, "employer:") && !strstr(b.s, "scheme:") && !strstr(b.s, "end:") &&
			   !strstr(b.s, "budget:"),
		   "and no keys for them");
		ok(strstr(b.s, "\ngoals:") && strstr(b.s, "\nagreements:") &&
			   strstr(b.s, "\nevaluations:"),
		   "the lists are there, empty, with a comment saying what goes in them");
	} else
		printf("# %s", err);
	free(err);
	plan_free(p);

	/* hours to the minute: what key_hours writes, hours_of reads back */
	int bad = 0;
	for (long m = 1; m <= 80 * 60 && !bad; m++) {
		least.work_minutes = m;
		least.budget_minutes = m * 37 % 100000 + 1;
		least.budget_per = (struct interval){1, 'y'};
		p = reparse(&least, &b, &err);
		if (!p || p->work_minutes != m || p->budget_minutes != least.budget_minutes) {
			bad = 1;
			ok(0, "%ld work minutes and %ld budget minutes read back as %ld and %ld", m,
			   least.budget_minutes, p ? p->work_minutes : -1, p ? p->budget_minutes : -1);
			printf("# %s%s", b.s, err);
		}
		free(err);
		plan_free(p);
	}
	ok(!bad, "every number of minutes from 1 to 80 hours reads back as written");
	buf_free(&b);
}

/* A random text over the characters that make YAML hard. */
static void random_text(struct buf *b, size_t max)
{
	static const char *const alphabet[] = {
		"a", "Z", "k", "0", "1", "9", " ", " ", "'", "\"", ":", ": ", "#", " #", "-", "- ",
		"\\", "?", "!", "&", "*", "|", ">", "%", "@", "`", ",", "[", "]", "{", "}", ".",
		"\x01", "\t", "\n", "\r", "\x1f", "\x7f", "\xc3\xa9", "\xe2\x80\xa8", "\xc2\x85",
		"\xf0\x9f\x98\x80", "\xef\xbb\xbf", "\xc2\x80", "\xef\xbf\xbe", "yes", "null", "~",
		"2026-01-05", "1:30", "0x1f", "1e3",
	};
	size_t n = rnd((uint32_t)max + 1);
	b->len = 0;
	buf_str(b);
	for (size_t i = 0; i < n; i++)
		buf_puts(b, alphabet[rnd(sizeof alphabet / sizeof *alphabet)]);
}

/* plan_format and plan_parse are inverses on texts, and values are never
 * folded over lines. */
static void round_trip(void)
{
	enum { RUNS = 3000, FIELDS = 8 };
	struct buf text[FIELDS], out = {0}, line = {0};
	memset(text, 0, sizeof text);
	const char *goals[4];
	int bad = 0;
	rnd_seed(2028);
	for (int run = 0; run < RUNS && bad < 5; run++) {
		for (int f = 0; f < FIELDS; f++)
			random_text(&text[f], run % 10 == 9 ? 120 : 12);
		for (int g = 0; g < 4; g++)
			goals[g] = text[4 + g].s;
		struct plan_spec spec = {
			.id = "P-1", .name = text[0].s, .scheme = SCHEME_WIA,
			.employer = text[1].s, .employer_contact = text[2].s, .coach = text[3].s,
			.funder = FUNDER_UWV, .funder_ref = text[4].s, .start = day("2026-01-05"),
			.end = DATE_NONE, .work_minutes = -1, .every = {6, 'm'},
			.next = day("2026-07-05"), .budget_minutes = -1, .goals = goals,
			.ngoals = 4,
		};
		char *err;
		struct plan *p = reparse(&spec, &out, &err);
		int good = p && !strcmp(p->name, spec.name) && !strcmp(p->employer, spec.employer) &&
			   !strcmp(p->employer_contact, spec.employer_contact) &&
			   !strcmp(p->coach, spec.coach) && !strcmp(p->funder_ref, spec.funder_ref) &&
			   p->ngoals == 4;
		for (int g = 0; good && g < 4; g++)
			good = !strcmp(p->goals[g].text, goals[g]);
		/* each value on one line of its own, as yaml_put_scalar writes it */
		static const char *const keys[] = {"\n  name: ", "\n  name: ", "\n  contact: ",
						   "\ncoach: ", "\nfunder_ref: "};
		for (int f = 0; good && f < 5; f++) {
			line.len = 0;
			buf_puts(&line, keys[f]);
			yaml_put_scalar(&line, text[f].s, text[f].len);
			buf_putc(&line, '\n');
			good = strstr(out.s, line.s) != NULL;
		}
		size_t lines = 0;
		for (size_t i = 0; i < out.len; i++)
			lines += out.s[i] == '\n';
		good = good && lines == 34;
		if (!good) {
			bad++;
			ok(0, "random texts %d read back as written, each on one line", run + 1);
			for (int f = 0; f < FIELDS; f++)
				printf("#   text %d: %s\n", f, quote(text[f].s, text[f].len));
			printf("# %s", err);
		}
		free(err);
		plan_free(p);
	}
	ok(!bad, "%d plans of random texts read back exactly, one line a value", RUNS);
	for (int f = 0; f < FIELDS; f++)
		buf_free(&text[f]);
	buf_free(&out);
	buf_free(&line);

	/* a long text stays on one line */
	struct buf longtext = {0}, b = {0};
	for (int i = 0; i < 100; i++)
		buf_puts(&longtext, "een lange zin die doorgaat ");
	buf_puts(&longtext, "en eindigt");
	struct plan_spec spec = {
		.id = "P-1", .name = longtext.s, .scheme = SCHEME_NONE, .funder = FUNDER_UWV,
		.start = day("2026-01-05"), .end = DATE_NONE, .work_minutes = -1, .every = {6, 'm'},
		.next = day("2026-07-05"), .budget_minutes = -1,
	};
	plan_format(&b, &spec);
	line.len = 0;
	buf_printf(&line, "\n  name: %s\n", longtext.s);
	ok(strstr(b.s, line.s) != NULL, "a text of %zu bytes is written on one line", longtext.len);
	buf_free(&line);
	buf_free(&longtext);
	buf_free(&b);
}

int main(void)
{
	err_init("test-planfmt");
	quoting();
	scalars();
	whole_plans();
	round_trip();
	return tap_done();
}
