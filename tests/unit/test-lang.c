/* test-lang: the report language: codes, switching, and hours, months and dates in it (lang.c). */
#include <limits.h>
#include <locale.h>

#include "coachplan.h"
#include "tap.h"
#include "util.h"

/* The catalogues as the tools find them: $COACHPLAN_LOCALEDIR, else those
 * the build puts beside the tools (build/san/locale for build/san/tests). */
static void catalogues(void)
{
	static char dir[PATH_MAX];
	const char *env = getenv("COACHPLAN_LOCALEDIR");
	ssize_t n = readlink("/proc/self/exe", dir, sizeof dir - sizeof "/locale");
	if (env && *env)
		snprintf(dir, sizeof dir, "%s", env);
	else if (n > 0) {
		dir[n] = '\0';
		for (int up = 0; up < 2; up++)
			if (strrchr(dir, '/'))
				*strrchr(dir, '/') = '\0';
		strcat(dir, "/locale");
	}
	setlocale(LC_ALL, "");
	bindtextdomain("coachplan", dir);
	bind_textdomain_codeset("coachplan", "UTF-8");
	textdomain("coachplan");
}

static void parse(void)
{
	static const struct {
		const char *in, *want;
	} cases[] = {
		{"nl", "nl"},	 {"nl_BE", "nl"}, {"NL", "nl"},       {"nl-NL", "nl"},
		{"nl@euro", "nl"}, {"en", "en"},  {"EN", "en"},	      {"en_US.UTF-8", "en"},
		{"en.utf8", "en"}, {"fr", NULL},  {"fr_BE", NULL},    {"nld", NULL},
		{"n", NULL},	 {"", NULL},	  {"C", NULL},	      {"english", NULL},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
		is_str(lang_parse(cases[i].in), cases[i].want, "lang_parse %s", quotes(cases[i].in));
}

static const struct {
	long minutes;
	const char *en, *nl;
} hours[] = {
	{1110, "18.5", "18,5"}, {1200, "20", "20"},	 {0, "0", "0"},	      {90, "1.5", "1,5"},
	{600, "10", "10"},	{20, "0.33", "0,33"},	 {40, "0.67", "0,67"}, {1, "0.02", "0,02"},
	{61, "1.02", "1,02"},	{-30, "-0.5", "-0,5"}, {-1200, "-20", "-20"},
};

/* Everything that depends on the language, for one of them. */
static void in(const char *code, int dutch)
{
	char out[LANG_DATE_MAX];
	is_str(lang_current(), code, "%s: lang_current", code);
	ok(lang_is(code) && !lang_is(dutch ? "en" : "nl"), "%s: lang_is", code);
	is_int(lang_decimal(), dutch ? ',' : '.', "%s: decimal separator", code);
	for (size_t i = 0; i < sizeof hours / sizeof *hours; i++) {
		char h[24];
		lang_hours(hours[i].minutes, h);
		is_str(h, dutch ? hours[i].nl : hours[i].en, "%s: lang_hours %ld", code, hours[i].minutes);
	}
	char num[] = "12.5", whole[] = "12";
	is_str(lang_number(num), dutch ? "12,5" : "12.5", "%s: lang_number", code);
	is_str(lang_number(whole), "12", "%s: lang_number without a point", code);
	is_str(lang_month(1), dutch ? "januari" : "January", "%s: month 1", code);
	is_str(lang_month(3), dutch ? "maart" : "March", "%s: month 3", code);
	is_str(lang_month(12), dutch ? "december" : "December", "%s: month 12", code);
	ok(!strcmp(lang_month(0), "?") && !strcmp(lang_month(13), "?"), "%s: no month 0 or 13", code);
	lang_date(date_from_ymd(2026, 1, 5), out);
	is_str(out, dutch ? "5 januari 2026" : "5 January 2026", "%s: lang_date", code);
	lang_date(date_from_ymd(2028, 2, 29), out);
	is_str(out, dutch ? "29 februari 2028" : "29 February 2028", "%s: lang_date, a leap day", code);
}

static void switching(void)
{
	const char *before = getenv("LANGUAGE");
	char *saved = before ? xstrdup(before) : NULL, *start = xstrdup(lang_current());
	is_int(lang_push("en"), 0, "lang_push en: English is always there");
	in("en", 0);

	int rc = lang_push("nl");
	if (rc < 0) {
		ok(1, "# skip Dutch: no nl catalogue (build/san/locale or $COACHPLAN_LOCALEDIR)");
		lang_pop();
	} else {
		in("nl", 1);
		/* a report in English inside a Dutch run, as cp-report does for CSV */
		is_int(lang_push("en"), 0, "lang_push en inside nl");
		is_str(lang_current(), "en", "English inside");
		lang_pop();
		is_str(lang_current(), "nl", "lang_pop: Dutch again");
		is_int(lang_push("nl"), 0, "lang_push of the language it is: 0");
		lang_pop();
		is_str(lang_current(), "nl", "and its lang_pop changes nothing");
		lang_pop();
		is_str(lang_current(), "en", "lang_pop: English again");
	}
	lang_pop();
	const char *after = getenv("LANGUAGE");
	ok(saved ? after && !strcmp(after, saved) : !after, "LANGUAGE as it was");
	free(saved);

	capture_start();
	is_int(lang_push("fr"), -1, "lang_push fr: no catalogue, -1");
	free(capture_end());
	is_str(lang_current(), "en", "and the messages stay English");
	lang_pop();
	is_int(lang_push(NULL), 0, "lang_push NULL: the messages as they are");
	lang_pop();
	for (int i = 0; i < 6; i++) /* deeper than the saved states go */
		lang_push(i % 2 ? "en" : "nl");
	for (int i = 0; i < 6; i++)
		lang_pop();
	lang_pop(); /* one too many */
	is_str(lang_current(), start, "pushes beyond the depth and a pop too many: %s as before", start);
	ok(lang_push("nl") < 0 || lang_is("nl"), "and a push after them still works");
	lang_pop();
	free(start);
}

int main(void)
{
	err_init("test-lang");
	catalogues();
	parse();
	switching();
	return tap_done();
}
