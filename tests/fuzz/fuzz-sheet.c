/* fuzz-sheet: the hour-sheet reader on any bytes, read as cp-hours reads
 * (strict), as cp-log - reads (lenient), and as raw records; with the
 * input as the whole sheet and after a good header.  Every field and every
 * position a message could name is looked at, after good and bad records
 * alike: nothing may crash, and what is accepted must hold up. */
#include "fuzz.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc, (void)argv;
	fuzz_init();
	return 0;
}

static volatile unsigned fuzz_sink; /* reads that the compiler must not drop */

/* Every position a message could point at, and every field, must be in
 * bounds of the record (ASan checks the bytes). */
static void look(struct sheet *sh)
{
	struct srcpos at;
	unsigned long line, col;
	size_t most = sheet_nfields(sh) > sheet_ncols(sh) ? sheet_nfields(sh) : sheet_ncols(sh);
	for (size_t c = 0; c <= most; c = c < 64 ? c + 1 : c < most ? most : most + 1) {
		/* the first columns and the last: each sheet_pos scans the record */
		struct str f = sheet_field(sh, c);
		for (size_t i = 0; i < f.n; i++)
			fuzz_sink += (unsigned char)f.s[i];
		sheet_pos(sh, c, &at);
		FUZZ_ASSERT(at.off <= at.len);
		srcpos_linecol(&at, &line, &col);
	}
	sheet_pos(sh, (size_t)-1, &at);
	srcpos_linecol(&at, &line, &col);
	for (size_t c = 0; c < sheet_ncols(sh); c++) {
		struct str n = sheet_colname(sh, c);
		for (size_t i = 0; i < n.n; i++)
			fuzz_sink += (unsigned char)n.s[i];
	}
}

static void entries(const uint8_t *pre, size_t npre, const uint8_t *data, size_t size, int flags)
{
	int fd = fuzz_memfd(pre, npre, data, size);
	struct sheet *sh = sheet_open_fd(fd, "fuzz.csv", flags);
	if (sh) {
		struct entry e;
		int r, budget = 100000;
		FUZZ_ASSERT(sheet_colof(sh, COL_DATE) >= 0 || sheet_ncols(sh) == 0);
		while ((r = sheet_next(sh, &e)) != 0 && budget--) {
			look(sh);
			if (r < 0)
				continue;
			FUZZ_ASSERT(r == 1);
			FUZZ_ASSERT(e.minutes > 0 && e.minutes <= DURATION_MAX);
			FUZZ_ASSERT(e.mode >= 0 && e.mode < MODE_COUNT);
			FUZZ_ASSERT(id_valid(e.plan.s, e.plan.n));
			FUZZ_ASSERT(e.goal.n == 0 || id_valid(e.goal.s, e.goal.n));
			FUZZ_ASSERT(e.coach.n > 0);
			char day[11];
			int again;
			date_format(e.date, day);
			FUZZ_ASSERT(!date_parse(day, 10, &again) && again == e.date);
			entry_check_text(&e, 0, NULL, NULL);
		}
		FUZZ_ASSERT(budget >= 0); /* every call reads on: no endless loop */
		sheet_close(sh);
	}
	close(fd);
}

static void records(const uint8_t *data, size_t size)
{
	int fd = fuzz_memfd(NULL, 0, data, size);
	struct sheet *sh = sheet_open_fd(fd, "fuzz.csv", 0);
	if (sh) {
		int r, budget = 100000;
		while ((r = sheet_record(sh)) != 0 && budget--)
			if (r > 0)
				look(sh);
		FUZZ_ASSERT(budget >= 0);
		sheet_close(sh);
	}
	close(fd);
}

/* What cp-log asks before it appends: whether the sheet ends inside a
 * quoted field, and if so, where its quote opens (a quote in the record). */
static void open_end(const uint8_t *data, size_t size)
{
	int fd = fuzz_memfd(NULL, 0, data, size);
	struct sheet *sh = sheet_open_fd(fd, "fuzz.csv", 0);
	if (sh) {
		struct srcpos at;
		if (sheet_ends_open(sh, &at)) {
			unsigned long line, col;
			FUZZ_ASSERT(at.off < at.len && at.text[at.off] == '"');
			srcpos_linecol(&at, &line, &col);
		}
		sheet_close(sh);
	}
	close(fd);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char header[] = "date,coach,plan,goal,mode,minutes,note\n";
	static const char header_semi[] = "\xef\xbb\xbf" "Date;Mode;Minutes;Plan;Coach;Goal;Note;Km\r\n";
	entries(NULL, 0, data, size, 0);
	entries(NULL, 0, data, size, SHEET_LENIENT);
	entries((const uint8_t *)header, sizeof header - 1, data, size, 0);
	entries((const uint8_t *)header_semi, sizeof header_semi - 1, data, size, SHEET_LENIENT);
	records(data, size);
	open_end(data, size);
	return 0;
}
