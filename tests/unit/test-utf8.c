/* test-utf8: validating input, counting characters for columns in messages,
 * and the terminal width of text for aligned tables. */
#include "coachplan.h"
#include "tap.h"

static void invalid(void)
{
	static const struct {
		const char *what, *s;
		size_t n; /* 0: strlen */
		size_t bad; /* offset of the first bad byte; (size_t)-1: valid */
	} cases[] = {
		{"empty", "", 0, (size_t)-1},
		{"ASCII", "Bart de Wit", 0, (size_t)-1},
		{"NUL and controls are valid UTF-8", "a\0\x01\x7f", 4, (size_t)-1},
		{"two bytes", "Zo\xc3\xab", 0, (size_t)-1},
		{"three bytes", "\xe2\x82\xac 5", 0, (size_t)-1},
		{"four bytes", "\xf0\x9f\x98\x80", 0, (size_t)-1},
		{"U+10FFFF", "\xf4\x8f\xbf\xbf", 0, (size_t)-1},
		{"U+FFFF", "\xef\xbf\xbf", 0, (size_t)-1},
		{"U+D7FF", "\xed\x9f\xbf", 0, (size_t)-1},
		{"U+E000", "\xee\x80\x80", 0, (size_t)-1},
		{"U+0080", "\xc2\x80", 0, (size_t)-1},
		{"U+0800", "\xe0\xa0\x80", 0, (size_t)-1},
		{"U+10000", "\xf0\x90\x80\x80", 0, (size_t)-1},
		{"a lone continuation byte", "ab\x80", 0, 2},
		{"a continuation byte first", "\xbf", 0, 0},
		{"0xFF", "x\xff", 0, 1},
		{"0xFE", "\xfe", 0, 0},
		{"Latin-1 e acute", "caf\xe9", 0, 3},
		{"Latin-1 e acute in the middle", "caf\xe9s", 0, 3},
		{"overlong 2-byte NUL", "\xc0\x80", 0, 0},
		{"overlong 2-byte /", "a\xc0\xaf", 0, 1},
		{"overlong 2-byte 0x7F", "\xc1\xbf", 0, 0},
		{"overlong 3-byte", "\xe0\x80\xaf", 0, 0},
		{"overlong 3-byte U+07FF", "\xe0\x9f\xbf", 0, 0},
		{"overlong 4-byte", "\xf0\x80\x80\xaf", 0, 0},
		{"overlong 4-byte U+FFFF", "\xf0\x8f\xbf\xbf", 0, 0},
		{"surrogate U+D800", "\xed\xa0\x80", 0, 0},
		{"surrogate U+DFFF", "ok\xed\xbf\xbf", 0, 2},
		{"surrogate pair (CESU-8)", "\xed\xa0\xbd\xed\xb8\x80", 0, 0},
		{"U+110000", "\xf4\x90\x80\x80", 0, 0},
		{"0xF5 lead byte", "\xf5\x80\x80\x80", 0, 0},
		{"5-byte form", "\xf8\x88\x80\x80\x80", 0, 0},
		{"truncated 2-byte at the end", "ab\xc3", 0, 2},
		{"truncated 3-byte at the end", "ab\xe2\x82", 0, 2},
		{"truncated 4-byte at the end", "\xf0\x9f\x98", 0, 0},
		{"truncated 2-byte before ASCII", "\xc3" "a", 0, 0},
		{"truncated 3-byte before ASCII", "\xe2\x82" "a", 0, 0},
		{"truncated 4-byte before a new lead", "\xf0\x9f\x98\xc3\xa9", 0, 0},
		{"valid, then broken", "\xc3\xa9\xc3\xa9\xc3", 0, 4},
		{"a NUL inside a sequence", "\xc3\0", 2, 0},
		{"the length cuts a sequence", "\xc3\xa9", 1, 0},
		/* ASCII is checked eight bytes at a time: bad bytes at each offset */
		{"bad byte 1 after eight ASCII", "abcdefgh\xff", 0, 8},
		{"bad byte 2 after ASCII", "abcdefghi\xc3", 0, 9},
		{"bad byte in the second word", "abcdefghijklm\x80nop", 0, 13},
		{"bad byte at the last of sixteen", "abcdefghijklmno\xbf", 0, 15},
		{"valid after long ASCII", "abcdefghijklmnop\xc3\xa9" "qrstuvwxyz", 0, (size_t)-1},
		{"ASCII, a sequence, ASCII, bad", "a\xc3\xa9" "bcdefghijklm\xe9", 0, 15},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		size_t n = cases[i].n ? cases[i].n : strlen(cases[i].s);
		size_t want = cases[i].bad == (size_t)-1 ? n : cases[i].bad;
		is_int(utf8_invalid(cases[i].s, n), want, "utf8_invalid: %s", cases[i].what);
	}
	/* every code point, encoded by hand, is valid; its surrogates are not */
	int bad = 0;
	for (uint32_t cp = 0; cp <= 0x10ffff && !bad; cp++) {
		unsigned char b[4];
		size_t n;
		if (cp < 0x80)
			b[0] = (unsigned char)cp, n = 1;
		else if (cp < 0x800)
			b[0] = (unsigned char)(0xc0 | cp >> 6), b[1] = (unsigned char)(0x80 | (cp & 0x3f)), n = 2;
		else if (cp < 0x10000)
			b[0] = (unsigned char)(0xe0 | cp >> 12), b[1] = (unsigned char)(0x80 | (cp >> 6 & 0x3f)),
			b[2] = (unsigned char)(0x80 | (cp & 0x3f)), n = 3;
		else
			b[0] = (unsigned char)(0xf0 | cp >> 18), b[1] = (unsigned char)(0x80 | (cp >> 12 & 0x3f)),
			b[2] = (unsigned char)(0x80 | (cp >> 6 & 0x3f)), b[3] = (unsigned char)(0x80 | (cp & 0x3f)),
			n = 4;
		int surrogate = cp >= 0xd800 && cp <= 0xdfff;
		size_t got = utf8_invalid((const char *)b, n);
		if (got != (surrogate ? 0 : n)) {
			bad = 1;
			ok(0, "U+%04X: utf8_invalid gives %zu", cp, got);
		}
		if (!surrogate && (utf8_chars((const char *)b, n) != 1 || utf8_width((const char *)b, n) < 0 ||
				   utf8_width((const char *)b, n) > 2)) {
			bad = 1;
			ok(0, "U+%04X is one character of width 0, 1 or 2", cp);
		}
	}
	ok(!bad, "every code point but the surrogates is valid, one character, 0 to 2 columns");
}

static void chars(void)
{
	static const struct {
		const char *s;
		size_t chars;
	} cases[] = {
		{"", 0},
		{"abc", 3},
		{"Zo\xc3\xab", 3},
		{"e\xcc\x81", 2},                          /* e + combining acute: two code points */
		{"\xe6\x97\xa5\xe6\x9c\xac", 2},           /* CJK */
		{"\xf0\x9f\x98\x80!", 2},                  /* emoji */
		{"\xe2\x80\xa8", 1},                       /* U+2028 */
		{"\xef\xbb\xbfid", 3},                     /* a byte order mark is a character */
		{"Jos\xc3\xa9 \xe2\x82\xac 5", 8},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
		is_int(utf8_chars(cases[i].s, strlen(cases[i].s)), cases[i].chars, "utf8_chars(%s)",
		       quotes(cases[i].s));
}

static void width(void)
{
	static const struct {
		const char *what, *s;
		int width;
	} cases[] = {
		{"empty", "", 0},
		{"ASCII", "Bart de Wit", 11},
		{"precomposed e acute", "Jos\xc3\xa9", 4},
		{"e + combining acute", "Jose\xcc\x81", 4},
		{"two combining marks", "e\xcc\x81\xcc\xa7", 1},
		{"diaeresis", "Zo\xc3\xab", 3},
		{"CJK", "\xe6\x97\xa5\xe6\x9c\xac", 4},
		{"Hangul", "\xed\x95\x9c", 2},
		{"full-width A", "\xef\xbc\xa1", 2},
		{"CJK extension B", "\xf0\xa0\x80\x80", 2},
		{"emoji", "\xf0\x9f\x98\x80", 2},
		{"zero-width space", "a\xe2\x80\x8b" "b", 2},
		{"byte order mark", "\xef\xbb\xbf" "a", 1},
		{"euro sign", "\xe2\x82\xac", 1},
		{"a broken byte shows as one column", "a\xff" "b", 3},
		{"a truncated sequence: a column a byte", "\xe6\x97", 2},
		{"mixed", "Ren\xc3\xa9\xe6\x97\xa5\xf0\x9f\x98\x80x", 9},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
		is_int(utf8_width(cases[i].s, strlen(cases[i].s)), cases[i].width, "utf8_width: %s",
		       cases[i].what);
}

/* Each line of s filled at room: the lines joined by |. */
static char *lines(const char *s, int room, int cut, char *out)
{
	size_t n = strlen(s), at = 0;
	*out = 0;
	while (at < n) {
		size_t next, len = utf8_fill(s + at, n - at, room, cut, &next);
		strncat(out, s + at, len);
		if ((at += next) < n)
			strcat(out, "|");
	}
	return out;
}

static void fill(void)
{
	static const struct {
		const char *what, *s;
		int room, cut;
		const char *lines;
	} cases[] = {
		{"it fits", "Inwerken kassa", 20, 0, "Inwerken kassa"},
		{"it fits to the column", "Inwerken kassa", 14, 0, "Inwerken kassa"},
		{"one column short", "Inwerken kassa", 13, 0, "Inwerken|kassa"},
		{"at word ends", "met de leidinggevende gesproken", 12, 0,
		 "met de|leidinggevende|gesproken"},
		{"a long word kept whole", "zie https://www.uwv.nl/jobcoach nu", 10, 0,
		 "zie|https://www.uwv.nl/jobcoach|nu"},
		{"a long word cut", "zie https://www.uwv.nl/jobcoach nu", 10, 1,
		 "zie|https://ww|w.uwv.nl/j|obcoach nu"},
		{"spaces at a break left out", "kassa    afsluiten", 8, 0, "kassa|afsluiten"},
		{"spaces inside a line stay", "kassa  af", 10, 0, "kassa  af"},
		{"trailing spaces left out", "kassa   ", 10, 0, "kassa"},
		{"a character is never split", "Zo\xc3\xab Zo\xc3\xab", 4, 0,
		 "Zo\xc3\xab|Zo\xc3\xab"},
		{"wide characters count two", "\xe6\x97\xa5\xe6\x97\xa5 x", 4, 0,
		 "\xe6\x97\xa5\xe6\x97\xa5|x"},
		{"wide characters cut between them", "\xe6\x97\xa5\xe6\x97\xa5\xe6\x97\xa5", 4,
		 1, "\xe6\x97\xa5\xe6\x97\xa5|\xe6\x97\xa5"},
		{"no room still makes progress", "ab cd", 0, 1, "a|b|c|d"},
	};
	char out[256];
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
		is_str(lines(cases[i].s, cases[i].room, cases[i].cut, out), cases[i].lines,
		       "utf8_fill: %s", cases[i].what);
	size_t next;
	is_int((int)utf8_fill("kassa\nx", 5, 20, 0, &next), 5, "utf8_fill: stops at n");
}

/* Texts compared case aside, accented letters too (cp-plan --drop-*). */
static void case_aside(void)
{
	static const struct {
		const char *s, *t;
		int whole, holds;
	} cases[] = {
		{"Elke maandag bellen", "elke MAANDAG bellen", 1, 1},
		/* Één keer, één KEER */
		{"\xc3\x89\xc3\xa9n keer", "\xc3\xa9\xc3\xa9n KEER", 1, 1},
		/* Mehmet Özil, özil */
		{"Mehmet \xc3\x96zil", "\xc3\xb6zil", 0, 1},
		/* Ayşe Şahin, AYŞE şaHIN */
		{"Ay\xc5\x9f" "e \xc5\x9e" "ahin", "AY\xc5\x9e" "E \xc5\x9f" "aHIN", 1, 1},
		/* Łódź, łÓDŹ */
		{"\xc5\x81\xc3\xb3" "d\xc5\xba", "\xc5\x82\xc3\x93" "D\xc5\xb9", 1, 1},
		/* an accent is no case: Noel is not Noël */
		{"Noel", "No\xc3\xabl", 1, 0},
		{"maandag", "maandag bellen", 0, 0},
		{"Elke maandag", "elke", 1, 0},
		{"Elke maandag", "", 0, 1},
	};
	static const char *const verbs[2][2] = {{"does not hold", "holds"}, {"is not", "is"}};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		const char *verb = verbs[cases[i].whole][cases[i].holds];
		ok(utf8_case_holds(cases[i].s, cases[i].t, cases[i].whole) == cases[i].holds,
		   "case aside: \"%s\" %s \"%s\"", cases[i].s, verb, cases[i].t);
	}
}

static void same_name(void)
{
	static const struct {
		const char *what, *a, *b;
		int same;
	} cases[] = {
		{"the same bytes", "robin", "robin", 1},
		{"another case", "Robin", "rOBIN", 1},
		{"a Latin-1 capital", "\xc3\x89mile", "\xc3\xa9mile", 1},
		{"a Latin Extended-A capital, as cp-plan --drop-* has it", "\xc5\x9e" "ahin",
		 "\xc5\x9f" "ahin", 1},
		{"\xc5\xb8 is \xc3\xbf", "\xc5\xb8", "\xc3\xbf", 1},
		{"an accent is a letter of its own", "\xc3\xa9mile", "emile", 0},
		{"a hyphen is no space", "Anne-Marie", "anne marie", 0},
		{"a name longer", "kim", "kimb", 0},
		{"empty", "", "", 1},
		{"x is no multiplication sign", "\xc3\x97", "\xc3\xb7", 0},
		{"a broken byte is itself", "a\xff", "A\xff", 1},
		{"a broken byte is no letter", "a\xff", "a\xdf", 0},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
		is_int(utf8_same_name(cases[i].a, strlen(cases[i].a), cases[i].b, strlen(cases[i].b)),
		       cases[i].same, "utf8_same_name: %s", cases[i].what);
	char out[32] = {0};
	const char *s = "Anne-Marie \xc3\x89MILE \xc3\x97\xff";
	utf8_fold_name(out, s, strlen(s));
	is_str(out, "anne-marie \xc3\xa9mile \xc3\x97\xff", "utf8_fold_name: the spelling groups share");
}

int main(void)
{
	invalid();
	chars();
	same_name();
	width();
	fill();
	case_aside();
	return tap_done();
}
