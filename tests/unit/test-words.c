/* test-words: the closed word lists of the formats, English and Dutch, and
 * which ids may name a plan or a goal (and so a file). */
#include "coachplan.h"
#include "tap.h"

static void modes(void)
{
	static const struct {
		const char *word;
		int mode;
	} cases[] = {
		{"onsite", MODE_ONSITE},     {"on-site", MODE_ONSITE},   {"werkvloer", MODE_ONSITE},
		{"op-de-werkvloer", MODE_ONSITE}, {"locatie", MODE_ONSITE}, {"OnSite", MODE_ONSITE},
		{"WERKVLOER", MODE_ONSITE},  {"phone", MODE_PHONE},      {"telefoon", MODE_PHONE},
		{"telefonisch", MODE_PHONE}, {"bellen", MODE_PHONE},     {"tel", MODE_PHONE},
		{"Phone", MODE_PHONE},       {"email", MODE_EMAIL},      {"e-mail", MODE_EMAIL},
		{"mail", MODE_EMAIL},        {"E-Mail", MODE_EMAIL},     {"video", MODE_VIDEO},
		{"beeldbellen", MODE_VIDEO}, {"videobellen", MODE_VIDEO}, {"VIDEO", MODE_VIDEO},
		{"chat", MODE_CHAT},         {"app", MODE_CHAT},         {"appen", MODE_CHAT},
		{"whatsapp", MODE_CHAT},     {"WhatsApp", MODE_CHAT},
		/* the words of a coach's agenda: the visit, the verb, the tool */
		{"werkplek", -1},            {"werkplekbezoek", MODE_ONSITE}, {"gebeld", MODE_PHONE},
		{"mailen", MODE_EMAIL},      {"gemaild", MODE_EMAIL},    {"Teams", MODE_VIDEO},
		{"videogesprek", MODE_VIDEO}, {"geappt", MODE_CHAT},     {"SMS", MODE_CHAT},
		/* a phrase's words parted by blanks, as a coach types them */
		{"on site", MODE_ONSITE},    {"op de werkvloer", MODE_ONSITE},
		{"Op locatie", MODE_ONSITE}, {"op_de_werkvloer", MODE_ONSITE},
		{"", -1},                    {"onsite ", -1},            {"op  de", -1},
		{" onsite", -1},             {"phones", -1},             {"mai", -1},
		{"fax", -1},                 {"ophone", -1},             {"telefoon\n", -1},
		{"t\xc3\xa9l\xc3\xa9phone", -1},
		{"other", MODE_OTHER},       {"overig", MODE_OTHER},     {"Overig", MODE_OTHER},
		{"anders", MODE_OTHER},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
		is_int(mode_parse(cases[i].word, strlen(cases[i].word)), cases[i].mode,
		       "mode_parse(%s)", quotes(cases[i].word));
	is_int(mode_parse("phonebook", 5), MODE_PHONE, "mode_parse reads only n bytes");
	for (int m = 0; m < MODE_COUNT; m++) {
		const char *name = vocab_name(&vocab_mode, m);
		is_int(mode_parse(name, strlen(name)), m, "mode %s reads back", name);
		int far = m != MODE_ONSITE && m != MODE_OTHER; /* other: neither */
		is_int(mode_remote(m), far, "mode %s is %s", name, far ? "remote" : "not remote");
		ok(strstr(vocab_choices(&vocab_mode), name) != NULL, "the choices name %s", name);
	}
	is_str(vocab_name(&vocab_mode, -1), "?", "mode_name of a bad value");
	is_str(vocab_name(&vocab_mode, MODE_COUNT), "?", "mode_name past the end");
}

/* The other word lists: every name reads back, parsing ignores case, and
 * the choices shown in hints name every word. */
struct list {
	const struct vocab *v;
	int first;		   /* values first..count-1 have names */
	const char *const *others; /* more words, with their values */
	const int *values;
};

static void round_trips(const struct list *l)
{
	const struct vocab *voc = l->v;
	for (int v = l->first; v < voc->count; v++) {
		const char *name = vocab_name(voc, v);
		char upper[64];
		size_t n = strlen(name);
		is_int(vocab_parse(voc, name, n), v, "%s %s reads back", voc->what, name);
		for (size_t i = 0; i <= n && i < sizeof upper; i++)
			upper[i] = (char)(name[i] >= 'a' && name[i] <= 'z' ? name[i] - 32 : name[i]);
		is_int(vocab_parse(voc, upper, n), v, "%s %s reads back in capitals", voc->what, upper);
		ok(strstr(vocab_choices(voc), name) != NULL, "the %s choices name %s", voc->what, name);
	}
	is_str(vocab_name(voc, -1), "?", "%s name of -1", voc->what);
	is_str(vocab_name(voc, voc->count), "?", "%s name past the end", voc->what);
	for (int i = 0; l->others && l->others[i]; i++)
		is_int(vocab_parse(voc, l->others[i], strlen(l->others[i])), l->values[i], "%s %s",
		       voc->what, quotes(l->others[i]));
	char message[200];
	snprintf(message, sizeof message, voc->unknown, "X", "Y");
	ok(strstr(message, voc->what) != NULL, "the %s message names it: %s", voc->what, message);
}

static void lists(void)
{
	static const char *const funder_words[] = {"UWV", "Gemeente", "employer", "", "uwv ",
						   "municipality", NULL};
	static const int funder_values[] = {FUNDER_UWV, FUNDER_GEMEENTE, -1, -1, -1, -1};
	static const char *const scheme_words[] = {"Wajong", "WIA", "none", "", "participatie",
						   "wajong2", NULL};
	static const int scheme_values[] = {SCHEME_WAJONG, SCHEME_WIA, -1, -1, -1, -1};
	static const char *const status_words[] = {"Active", "CLOSED", "open", "done", "", NULL};
	static const int status_values[] = {STATUS_ACTIVE, STATUS_CLOSED, -1, -1, -1};
	static const char *const goal_words[] = {"Achieved", "DROPPED", "active", "reached", "",
						 "closed", "behaald", "Vervallen", "gehaald",
						 "bereikt", "lopend", "geschrapt",
						 /* UWV's results, in words of more than one */
						 "deels behaald", "Deels-Behaald", "deels_behaald",
						 "partly achieved", "niet behaald", "not  achieved",
						 "blijvend ondersteuning nodig", "permanent support needed",
						 "Permanent-Support", "blijvende ondersteuning nodig",
						 "deels", " deels behaald", "deels behaald ", "deelsbehaald",
						 "niet", "-achieved", NULL};
	static const int goal_values[] = {GOAL_ACHIEVED, GOAL_DROPPED, -1,          -1,
					  -1,            -1,           GOAL_ACHIEVED, GOAL_DROPPED,
					  GOAL_ACHIEVED, GOAL_ACHIEVED, GOAL_OPEN,    GOAL_DROPPED,
					  GOAL_PARTLY,   GOAL_PARTLY,   GOAL_PARTLY,  GOAL_PARTLY,
					  GOAL_NOT_ACHIEVED, GOAL_NOT_ACHIEVED, GOAL_PERMANENT,
					  GOAL_PERMANENT, GOAL_PERMANENT, GOAL_PERMANENT,
					  -1, -1, -1, -1, -1, -1};
	static const char *const outcome_words[] = {"zelfstandig", "werkt zonder ondersteuning",
						    "Works_Without_Support", "zonder ondersteuning",
						    "werkgever neemt over", "vervolg lichter",
						    "werkt niet meer", " zelfstandig", "werkt",
						    "works without", NULL};
	static const char *const activity_words[] = {"intake", "Inwerken", "verstoring", "thuis",
						     "evaluatiegesprek", "co\xc3\xb6rdinatie",
						     "coordination", "training on the job",
						     "begeleiding", "thuiswerk", NULL};
	static const int activity_values[] = {ACT_INTRODUCTION, ACT_TRAINING, ACT_DISRUPTIONS,
					      ACT_HOME, ACT_EVALUATION, ACT_EVALUATION,
					      ACT_EVALUATION, ACT_TRAINING, -1, -1};
	static const int outcome_values[] = {OUT_WITHOUT_SUPPORT, OUT_WITHOUT_SUPPORT,
					     OUT_WITHOUT_SUPPORT, OUT_WITHOUT_SUPPORT,
					     OUT_EMPLOYER,        OUT_LIGHTER,
					     OUT_NOT_WORKING,     -1, -1, -1};
	const struct list lists_[] = {
		{&vocab_funder, 0, funder_words, funder_values},
		{&vocab_scheme, SCHEME_WAJONG, scheme_words, scheme_values},
		{&vocab_status, 0, status_words, status_values},
		{&vocab_goal_status, 0, goal_words, goal_values},
		{&vocab_outcome, 0, outcome_words, outcome_values},
		{&vocab_mode, 0, NULL, NULL},
		{&vocab_activity, 0, activity_words, activity_values},
		{&vocab_grant_kind, 0, NULL, NULL},
		{&vocab_grant_level, 0, NULL, NULL},
	};
	for (size_t i = 0; i < sizeof lists_ / sizeof *lists_; i++)
		round_trips(&lists_[i]);
	for (int st = 0; st < GOAL_STATUS_COUNT; st++)
		is_int(goal_status_done(st), st == GOAL_ACHIEVED || st == GOAL_DROPPED,
		       "goal status %s is %s", vocab_name(&vocab_goal_status, st),
		       goal_status_done(st) ? "done with" : "still worked on");
	char long_word[80];
	memset(long_word, 'a', sizeof long_word);
	is_int(vocab_parse(&vocab_goal_status, long_word, sizeof long_word), -1,
	       "a goal status too long to be one");
	is_str(vocab_name(&vocab_scheme, SCHEME_NONE), "", "no scheme has an empty name");
	is_int(vocab_parse(&vocab_scheme, "", 0), -1, "and the empty word is no scheme");
	static const struct word rows[] = {{"a|bb|c", 1}, {"dd", 2}, {NULL, 0}};
	static const char *const in[] = {"a", "BB", "c", "dd", "a|bb", "b", "bbc", "|", "", "d"};
	static const int want[] = {1, 1, 1, 2, -1, -1, -1, -1, -1, -1};
	for (size_t i = 0; i < sizeof in / sizeof *in; i++)
		is_int(word_lookup(rows, in[i], strlen(in[i])), want[i],
		       "a row's words are those between its bars: %s", quotes(in[i]));
}

static void ids(void)
{
	static const struct {
		const char *id;
		size_t n; /* 0: strlen */
		int valid;
	} cases[] = {
		{"P-2026-014", 0, 1}, {"G1", 0, 1},   {"a.b_c-d", 0, 1}, {"x", 0, 1},
		{"...", 0, 1},        {".a", 0, 1},   {"a..b", 0, 1},    {"-", 0, 1},
		{"", 0, 0},           {".", 0, 0},    {"..", 0, 0},      {"../x", 0, 0},
		{"a/b", 0, 0},        {"/", 0, 0},    {"a b", 0, 0},     {"a\tb", 0, 0},
		{"\xc3\xa9", 0, 0},   {"caf\xc3\xa9", 0, 0}, {"a\\b", 0, 0}, {"a:b", 0, 0},
		{"a*", 0, 0},         {"G1\n", 0, 0}, {"a\0b", 3, 0},    {"G1\0", 3, 0},
		{"a,b", 0, 0},        {"\"a\"", 0, 0},
		{"1234567890123456789012345678901234567890123456789012345678901234", 0, 1},
		{"12345678901234567890123456789012345678901234567890123456789012345", 0, 0},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		size_t n = cases[i].n ? cases[i].n : strlen(cases[i].id);
		is_int(id_valid(cases[i].id, n), cases[i].valid, "id %s (%zu bytes) is %s",
		       quote(cases[i].id, n), n, cases[i].valid ? "valid" : "refused");
	}
	ok(id_valid("G1/x", 2), "id_valid reads only n bytes");
}

int main(void)
{
	modes();
	lists();
	ids();
	return tap_done();
}
