/* test-scan: the entries of many sheets and directories that pass a filter (scan.c). */
#include <sys/stat.h>

#include "coachplan.h"
#include "tap.h"
#include "util.h"

#define HEADER "date,coach,plan,goal,mode,minutes,note\n"

static int day(const char *s)
{
	int d = DATE_NONE;
	return s && !date_parse(s, strlen(s), &d) ? d : DATE_NONE;
}

/* The notes of the entries scanned, "a1 b2", so a case says what it got in one string. */
static int note_of(const struct entry *e, void *arg)
{
	struct buf *b = arg;
	buf_printf(b, "%s%.*s", b->len ? " " : "", (int)e->note.n, e->note.s);
	return 0;
}

static int stop_at_first(const struct entry *e, void *arg)
{
	note_of(e, arg);
	return -1;
}

struct scanned {
	int rc;
	unsigned long errors;
	char *notes;
};

static struct scanned scan(char *const *paths, size_t n, const struct filter *f, int flags,
			   int (*fn)(const struct entry *, void *))
{
	struct buf b = {0};
	unsigned long before = cp_errors();
	capture_start();
	struct scanned s = {scan_sheets(paths, n, f, flags, fn, &b), 0, NULL};
	free(capture_end());
	s.errors = cp_errors() - before;
	s.notes = xstrdup(buf_str(&b));
	buf_free(&b);
	return s;
}

static char dir[512];

static void setup(void)
{
	snprintf(dir, sizeof dir, "%s", scratch_path("hours"));
	mkdir(dir, 0700);
	static const struct {
		const char *name, *text;
	} files[] = {
		{"b.csv", HEADER "2026-02-01,sam,P-1,G2,video,60,b1\n2026-04-01,sam,P-3,G1,email,15,b2\n"},
		{"a.csv", HEADER "2026-03-02,robin,P-1,G1,onsite,90,a1\n2026-03-10,robin,P-2,,phone,30,a2\n"},
		/* none of these is a sheet of the directory */
		{"notes.txt", HEADER "2026-03-02,robin,P-1,G1,onsite,90,txt\n"},
		{".hidden.csv", HEADER "2026-03-02,robin,P-1,G1,onsite,90,hidden\n"},
		{"a.csv~", HEADER "2026-03-02,robin,P-1,G1,onsite,90,backup\n"},
		{"A.CSV", HEADER "2026-03-02,robin,P-1,G1,onsite,90,upper\n"},
		{".csv", HEADER "2026-03-02,robin,P-1,G1,onsite,90,dot\n"},
	};
	for (size_t i = 0; i < sizeof files / sizeof *files; i++) {
		char path[600];
		snprintf(path, sizeof path, "%s/%s", dir, files[i].name);
		write_file(path, files[i].text, strlen(files[i].text));
	}
	static const char bad[] = HEADER "2026-03-05,robin,P-1,G1,onsite,45,c1\n"
					 "2026-13-01,robin,P-1,G1,onsite,45,c2\n"
					 "2026-03-06,robin,P-1,G1,fiets,45,c3\n"
					 "2026-03-07,robin,P-1,G1,onsite,45,c4\n";
	write_file(scratch_path("bad.csv"), bad, strlen(bad));
	mkdir(scratch_path("empty"), 0700);
}

static void expand(void)
{
	char slashed[600], **v;
	size_t n;
	snprintf(slashed, sizeof slashed, "%s/", dir);
	char want[4][700];
	snprintf(want[0], sizeof want[0], "%s/a.csv", dir);
	snprintf(want[1], sizeof want[1], "%s/b.csv", dir);
	char *args[] = {"x.csv", slashed, "-", dir, want[1], "-", "x.csv"};
	ok(sheets_expand(args, 7, &v, &n) == 0, "sheets_expand");
	is_int(n, 6, "files as given, a directory as its *.csv files, each file once");
	if (n == 6) {
		is_str(v[0], "x.csv", "a file stays as it is, missing or not");
		is_str(v[1], want[0], "then the directory's sheets in name order, without //");
		is_str(v[2], want[1], "b.csv after a.csv");
		is_str(v[3], "-", "- stays standard input");
		is_str(v[4], "-", "... each time: it is not a file");
		is_str(v[5], "x.csv", "a file not there stays, for its reader to report");
	}
	paths_free(v, n);

	char *empty[] = {(char *)scratch_path("empty")};
	ok(sheets_expand(empty, 1, &v, &n) == 0 && n == 0, "an empty directory: no sheets");
	paths_free(v, n);

	if (geteuid() == 0) {
		ok(1, "# skip an unreadable directory: root reads it anyway");
		return;
	}
	chmod(scratch_path("empty"), 0);
	capture_start();
	int rc = sheets_expand(empty, 1, &v, &n);
	char *err = capture_end();
	chmod(scratch_path("empty"), 0700);
	ok(rc < 0 && strstr(err, "cannot open"), "an unreadable directory: %s", first_line(err));
	free(err);
	paths_free(v, n);
}

/* "a,b" into l, its strings in store; "" is the one empty string */
static void list(struct strlist *l, char *s, char *store)
{
	if (!s)
		return;
	strcpy(store, s);
	for (char *t = strtok(store, ","); t; t = strtok(NULL, ","))
		strlist_add(l, t);
	if (!*s)
		strlist_add(l, ""); /* the empty goal */
}

static void filters(void)
{
	static const struct {
		char *plans, *coaches, *goals, *modes;
		const char *from, *to, *want;
	} cases[] = {
		{NULL, NULL, NULL, NULL, NULL, NULL, "a1 a2 b1 b2"},
		{"P-1", NULL, NULL, NULL, NULL, NULL, "a1 b1"},
		{"P-2,P-3", NULL, NULL, NULL, NULL, NULL, "a2 b2"},
		{"P-9", NULL, NULL, NULL, NULL, NULL, ""},
		{"P-", NULL, NULL, NULL, NULL, NULL, ""}, /* whole ids, not prefixes */
		{NULL, "sam", NULL, NULL, NULL, NULL, "b1 b2"},
		{NULL, NULL, "G1", NULL, NULL, NULL, "a1 b2"},
		{NULL, NULL, "", NULL, NULL, NULL, "a2"}, /* work not tied to a goal */
		{NULL, NULL, NULL, "onsite,phone", NULL, NULL, "a1 a2"},
		{NULL, NULL, NULL, NULL, "2026-03-02", NULL, "a1 a2 b2"}, /* both ends inclusive */
		{NULL, NULL, NULL, NULL, NULL, "2026-03-02", "a1 b1"},
		{NULL, NULL, NULL, NULL, "2026-03-01", "2026-03-31", "a1 a2"},
		{"P-1", "sam", NULL, NULL, NULL, NULL, "b1"}, /* all filters at once */
		{"P-1", NULL, "G1", "video", NULL, NULL, ""},
	};
	char *paths[] = {dir};
	char **v;
	size_t n;
	sheets_expand(paths, 1, &v, &n);
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		struct filter f;
		char s1[64], s2[64], s3[64], s4[64];
		filter_init(&f);
		list(&f.plans, cases[i].plans, s1);
		list(&f.coaches, cases[i].coaches, s2);
		list(&f.goals, cases[i].goals, s3);
		if (cases[i].modes) {
			strcpy(s4, cases[i].modes);
			for (char *t = strtok(s4, ","); t; t = strtok(NULL, ","))
				f.modes |= 1u << mode_parse(t, strlen(t));
		}
		if (cases[i].from)
			f.from = day(cases[i].from);
		if (cases[i].to)
			f.to = day(cases[i].to);
		struct scanned s = scan(v, n, &f, 0, note_of);
		is_str(s.notes, cases[i].want, "filter %zu keeps %s", i + 1, quotes(cases[i].want));
		ok(s.rc == 0 && s.errors == 0, "filter %zu: without errors", i + 1);
		free(s.notes);
		free(f.plans.v);
		free(f.coaches.v);
		free(f.goals.v);
	}
	paths_free(v, n);
}

/* A bad line is reported; with SCAN_KEEP_GOING the rest is read too. */
static void bad_lines(void)
{
	char a[600], bad[600], missing[600];
	snprintf(a, sizeof a, "%s/a.csv", dir);
	snprintf(bad, sizeof bad, "%s", scratch_path("bad.csv"));
	snprintf(missing, sizeof missing, "%s", scratch_path("missing.csv"));
	char *bad_first[] = {bad, a}, *missing_first[] = {missing, a};
	static const struct {
		int missing, flags;
		const char *want;
		unsigned long errors;
	} cases[] = {
		{0, 0, "c1", 1},
		{0, SCAN_KEEP_GOING, "c1 c4 a1 a2", 2},
		{1, 0, "", 1},
		{1, SCAN_KEEP_GOING, "a1 a2", 1},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		struct filter f;
		filter_init(&f);
		struct scanned s = scan(cases[i].missing ? missing_first : bad_first, 2, &f,
					cases[i].flags, note_of);
		const char *what = cases[i].missing ? "a missing sheet" : "a sheet with two bad lines";
		const char *how = cases[i].flags ? "with SCAN_KEEP_GOING" : "without";
		is_int(s.rc, -1, "%s, %s: -1", what, how);
		is_str(s.notes, cases[i].want, "%s, %s: entries scanned", what, how);
		is_int(s.errors, cases[i].errors, "%s, %s: errors reported", what, how);
		free(s.notes);
	}

	struct filter f;
	filter_init(&f);
	char *two[] = {a, a};
	struct scanned s = scan(two, 2, &f, 0, stop_at_first);
	ok(s.rc == -1 && !strcmp(s.notes, "a1") && s.errors == 0,
	   "the function's -1 ends the scan: %s", s.notes);
	free(s.notes);
	s = scan(NULL, 0, &f, 0, note_of);
	ok(s.rc == 0 && !*s.notes, "no sheets: nothing scanned");
	free(s.notes);
}

int main(void)
{
	err_init("test-scan");
	setup();
	expand();
	filters();
	bad_lines();
	return tap_done();
}
