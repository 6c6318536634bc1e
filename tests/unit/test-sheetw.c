/* test-sheetw: appending to hour sheets.  A new sheet gets the pinned
 * header and mode 0600; an existing one gets lines in its own column order,
 * separator and line ends, after the bytes it had, which are never touched. */
#include <sys/stat.h>

#include "coachplan.h"
#include "tap.h"
#include "util.h"

static void fill(struct rows *r, const char *const *values, const char *extra)
{
	struct row *w = rows_add(r);
	for (int c = 0; c < COL_KNOWN; c++)
		w->v[c] = values[c] ? xstrdup(values[c]) : NULL;
	if (extra && r->nextra)
		w->extra[0] = xstrdup(extra);
}

static const char *const entry1[COL_KNOWN] = {"2026-03-02", "robin", "P-1", "G1", "onsite", "90",
					      "Inwerken kassa, met leidinggevende"};
static const char *const entry2[COL_KNOWN] = {"2026-03-03", "robin", "P-1", NULL, "phone", "15",
					      "say \"hi\"; bye"};

static int file_is(const char *path, const char *want)
{
	size_t n;
	char *s = read_file(path, &n);
	int same = s && n == strlen(want) && !memcmp(s, want, n);
	if (!same)
		printf("#   the file: %s\n", s ? quote(s, n) : "(none)");
	free(s);
	return same;
}

static void appending(void)
{
	static const struct {
		const char *what, *before, *after; /* before NULL: no file yet */
	} cases[] = {
		{"a new sheet", NULL,
		 "date,coach,plan,goal,mode,minutes,note\n"
		 "2026-03-02,robin,P-1,G1,onsite,90,\"Inwerken kassa, met leidinggevende\"\n"
		 "2026-03-03,robin,P-1,,phone,15,\"say \"\"hi\"\"; bye\"\n"},
		{"an empty file", "",
		 "date,coach,plan,goal,mode,minutes,note\n"
		 "2026-03-02,robin,P-1,G1,onsite,90,\"Inwerken kassa, met leidinggevende\"\n"
		 "2026-03-03,robin,P-1,,phone,15,\"say \"\"hi\"\"; bye\"\n"},
		{"a sheet of its own order, separator and line ends",
		 "\xef\xbb\xbfNote;Minutes;mode;goal;plan;coach;date;km\r\nold;30;chat;;P-1;sam;2026-01-02;4\r\n",
		 "\xef\xbb\xbfNote;Minutes;mode;goal;plan;coach;date;km\r\nold;30;chat;;P-1;sam;2026-01-02;4\r\n"
		 "Inwerken kassa, met leidinggevende;90;onsite;G1;P-1;robin;2026-03-02;\r\n"
		 "\"say \"\"hi\"\"; bye\";15;phone;;P-1;robin;2026-03-03;\r\n"},
		{"a last line without its line break",
		 "date,coach,plan,goal,mode,minutes,note\n2026-01-02,sam,P-1,,chat,30,old",
		 "date,coach,plan,goal,mode,minutes,note\n2026-01-02,sam,P-1,,chat,30,old\n"
		 "2026-03-02,robin,P-1,G1,onsite,90,\"Inwerken kassa, met leidinggevende\"\n"
		 "2026-03-03,robin,P-1,,phone,15,\"say \"\"hi\"\"; bye\"\n"},
		{"a CRLF last line without its line break",
		 "date,coach,plan,goal,mode,minutes\r\n2026-01-02,sam,P-1,,chat,30",
		 "date,coach,plan,goal,mode,minutes\r\n2026-01-02,sam,P-1,,chat,30\r\n"
		 "2026-03-02,robin,P-1,G1,onsite,90\r\n2026-03-03,robin,P-1,,phone,15\r\n"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		char name[32];
		snprintf(name, sizeof name, "append-%zu.csv", i);
		const char *path = scratch_path(name);
		if (cases[i].before) {
			write_file(path, cases[i].before, strlen(cases[i].before));
			chmod(path, 0640);
		}
		struct rows r = {0};
		fill(&r, entry1, NULL);
		fill(&r, entry2, NULL);
		capture_start();
		int rc = sheet_append(path, &r, NULL, NULL);
		char *err = capture_end();
		is_int(rc, 0, "%s: appended %s", cases[i].what, first_line(err));
		ok(file_is(path, cases[i].after), "%s: the lines in the sheet's own dialect",
		   cases[i].what);
		struct stat st;
		is_int(stat(path, &st) == 0 ? (int)(st.st_mode & 0777) : -1,
		       cases[i].before ? 0640 : 0600, "%s: the mode", cases[i].what);
		free(err);
		rows_free(&r);
		ok(r.n == 0 && r.v == NULL, "rows_free empties");

		/* and what was appended reads back as entries */
		struct sheet *sh = sheet_open(path, 0);
		struct entry e;
		int n = 0;
		while (sh && sheet_next(sh, &e) == 1)
			n++;
		ok(sh && n >= 2, "%s: the sheet reads, %d entries", cases[i].what, n);
		sheet_close(sh);
	}
}

static void extras(void)
{
	const char *path = scratch_path("extra.csv");
	struct rows r = {0};
	r.extra_names = xcalloc(1, sizeof *r.extra_names);
	r.extra_names[0] = xstrdup("km");
	r.nextra = 1;
	fill(&r, entry1, "12");
	ok(sheet_append(path, &r, NULL, NULL) == 0, "a new sheet with an extra column");
	ok(file_is(path, "date,coach,plan,goal,mode,minutes,note,km\n"
			 "2026-03-02,robin,P-1,G1,onsite,90,\"Inwerken kassa, met leidinggevende\",12\n"),
	   "gets it in its header");
	rows_free(&r);

	write_file(path, "KM,date,coach,plan,goal,mode,minutes,note,other\n",
		   strlen("KM,date,coach,plan,goal,mode,minutes,note,other\n"));
	r.extra_names = xcalloc(1, sizeof *r.extra_names);
	r.extra_names[0] = xstrdup("km");
	r.nextra = 1;
	fill(&r, entry2, "7");
	ok(sheet_append(path, &r, NULL, NULL) == 0, "an extra column the sheet has");
	ok(file_is(path, "KM,date,coach,plan,goal,mode,minutes,note,other\n"
			 "7,2026-03-03,robin,P-1,,phone,15,\"say \"\"hi\"\"; bye\",\n"),
	   "is filled whatever its case; a column the rows lack stays empty");
	rows_free(&r);

	struct buf b = {0};
	fill(&r, entry1, NULL);
	sheet_format_rows(&b, &r, NULL, "\r\n");
	is_str(buf_str(&b),
	       "2026-03-02,robin,P-1,G1,onsite,90,\"Inwerken kassa, met leidinggevende\"\r\n",
	       "sheet_format_rows without a target: the pinned order");
	rows_free(&r);
	buf_free(&b);
}

static void refusals(void)
{
	const char *path = scratch_path("broken.csv");
	const char *broken = "when,who,what\n2026-01-02,sam,x\n";
	write_file(path, broken, strlen(broken));
	struct rows r = {0};
	fill(&r, entry1, NULL);
	capture_start();
	int rc = sheet_append(path, &r, NULL, NULL);
	char *err = capture_end();
	is_int(rc, -1, "a sheet without the pinned columns is refused");
	ok(strstr(err, "the header has no column date") != NULL, "saying why: %s", first_line(err));
	ok(file_is(path, broken), "and left as it was");
	free(err);
	capture_start();
	rc = sheet_append(scratch_path("no/such/dir/s.csv"), &r, NULL, NULL);
	err = capture_end();
	is_int(rc, -1, "a sheet in a missing directory is refused");
	free(err);
	rows_free(&r);
}

int main(void)
{
	err_init("test-sheetw");
	appending();
	extras();
	refusals();
	return tap_done();
}
