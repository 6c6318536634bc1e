/* sheetread.h: the sheet layer's own, shared by sheet.c (the header,
 * the entries, opening and closing) and records.c (the bytes cut into
 * lines and records): a reader's state, and what the one asks of the
 * other.  No other module includes it. */
#ifndef CP_SHEETREAD_H
#define CP_SHEETREAD_H

#include <csv.h>

#include "sheet.h"

#define CHUNK (64 * 1024)

struct sheet {
	char *name;
	int fd, own_fd;
	int flags;
	char sep;
	int fatal, at_eof;
	int open_at_end; /* the fatal fault: a quote never closed before the end */

	char *buf; /* unread input is buf[start, end) */
	size_t cap, start, end;
	unsigned long lineno; /* lines consumed so far */
	int mapped;           /* buf is the whole file, mapped; cap is its length */
	int borrowed;         /* ... and another reader's (sheet_split) */
	unsigned headers;     /* headers met again so far */
	size_t dropped;       /* bytes of the mapping handed back below start */
	size_t stop;          /* no record starts at or after this offset */
	struct {              /* dates read lately and their days: sheets run in date order */
		char text[10];
		int day;
	} dates[16];

	int cols[COL_KNOWN];
	int activity; /* the optional activity column, or -1 */
	size_t ncols;
	struct buf header;   /* the header's field texts, NUL-separated */
	struct str *names;

	/* the current record */
	struct str *fields;
	size_t nfields, capfields;
	const char *raw; /* its text, for messages */
	size_t rawlen;
	unsigned long line;

	/* libcsv's path */
	struct csv_parser csv;
	int csv_ready, record_done;
	struct buf rawbuf, fieldbuf;
	size_t *fieldoffs;
	struct buf again; /* a header met again: the record's text while it is current */
};

/* The blanks libcsv trims from an unquoted field's ends. */
static inline int rec_blank_byte(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\r';
}

/* The next line without its line feed; 1, 0 at the end, -1 on error.
 * *terminated is 0 for a last line that has no line feed. */
int rec_next_line(struct sheet *sh, const char **line, size_t *len, int *terminated);
int rec_blank_line(const char *line, size_t len);
/* The next record's fields; 1, 0 at the end, -1 on a bad record. */
int rec_next(struct sheet *sh);
/* The header line as the current record, with the separator it uses;
 * -1 (reported) if it cannot be split. */
int rec_split_header(struct sheet *sh, const char *line, size_t len, int terminated);
char rec_detect_sep(const char *line, size_t len);
/* -1 (reported) if the header line ends its lines in CR alone. */
int rec_cr_only(const struct sheet *sh, const char *line, size_t len);
/* libcsv made ready for the sheet's separator, afresh. */
int rec_csv_setup(struct sheet *sh);
/* Where byte off of the current record's text is. */
void rec_pos(const struct sheet *sh, size_t off, struct srcpos *at);
/* The offset of the quote that opens the field still open at the end. */
size_t rec_open_quote(const struct sheet *sh);

#endif
