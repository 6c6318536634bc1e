/* words.c: the closed word lists of the formats.  Files hold the English
 * word; input also takes the Dutch words coaches type. */
#include <string.h>
#include <strings.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "base.h"

int word_lookup(const struct word *w, const char *s, size_t n)
{
	for (; w->text; w++)
		for (const char *t = w->text;; t++) {
			size_t k = strcspn(t, "|");
			if (k == n && !strncasecmp(t, s, n))
				return w->value;
			if (!t[k])
				break;
			t += k;
		}
	return -1;
}

/* "deels behaald", "Deels_behaald", "deels  -  behaald" as deels-behaald:
 * the words of a phrase joined by one '-', looked up in t; the ends are
 * not trimmed. */
static int phrase_lookup(const struct word *t, const char *s, size_t n)
{
	char w[48];
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		int gap = s[i] == ' ' || s[i] == '\t' || s[i] == '-' || s[i] == '_';
		if (gap && (i == 0 || i + 1 == n))
			return -1;
		if (gap && k && w[k - 1] == '-')
			continue;
		if (k == sizeof w)
			return -1;
		w[k++] = gap ? '-' : s[i];
	}
	return word_lookup(t, w, k);
}

int vocab_parse(const struct vocab *v, const char *s, size_t n)
{
	return v->phrases ? phrase_lookup(v->words, s, n) : word_lookup(v->words, s, n);
}

const char *vocab_name(const struct vocab *v, int value)
{
	return value >= 0 && value < v->count ? v->names[value] : "?";
}

const char *vocab_choices(const struct vocab *v)
{
	return _(v->choices);
}

int vocab_unknown(const struct vocab *v, const char *s)
{
	return cp_err(EX_USAGE, _(v->unknown), quotes(s), vocab_choices(v));
}

static const struct word modes[] = {
	/* op locatie: what the Dutch tables call it */
	{"onsite|on-site|werkvloer|op-de-werkvloer|locatie|op-locatie|werkplekbezoek", MODE_ONSITE},
	/* werkplek alone is -a's: structuring it */
	/* gsm and videocall: the Flemish words */
	{"phone|telefoon|telefonisch|bellen|tel|gebeld|telefoneren|gsm", MODE_PHONE},
	{"email|e-mail|mail|mailen|gemaild", MODE_EMAIL},
	{"video|beeldbellen|videobellen|videogesprek|teams|videocall|zoom", MODE_VIDEO},
	{"chat|app|appen|whatsapp|geappt|sms", MODE_CHAT},
	{"other|overig|anders", MODE_OTHER},
	{NULL, 0},
};
static const char *const mode_names[MODE_COUNT] = {"onsite", "phone", "email", "video", "chat",
						   "other"};
const struct vocab vocab_mode = {
	N_("mode"), N_("unknown mode %s; use %s"),
	N_("onsite (werkvloer), phone (telefoon), email (mail), video (beeldbellen), chat (app) or "
	   "other (overig)"),
	modes, mode_names, MODE_COUNT, 1};

/* vocab_parse(&vocab_mode, ...) for the readers of sheets, which call it
 * on every line: what files hold is told apart by length and first letter
 * before any lenience. */
int mode_parse(const char *s, size_t n)
{
	static const unsigned char lens[MODE_COUNT] = {6, 5, 5, 5, 4, 5};
	int m = n == 4 ? MODE_CHAT : n == 6 ? MODE_ONSITE : n != 5 ? -1 : *s == 'p' ? MODE_PHONE
		: *s == 'e' ? MODE_EMAIL : *s == 'v' ? MODE_VIDEO : *s == 'o' ? MODE_OTHER : -1;
	if (m >= 0 && n == lens[m]) { /* n is 4 to 6: its first and last four bytes */
		uint32_t a, b, c, d;
		memcpy(&a, s, 4);
		memcpy(&b, mode_names[m], 4);
		memcpy(&c, s + n - 4, 4);
		memcpy(&d, mode_names[m] + n - 4, 4);
		if (a == b && c == d)
			return m;
	}
	return phrase_lookup(modes, s, n); /* op de werkvloer, as coaches say it */
}

/* The mode as people read it, in their language (op locatie), where the
 * sheet's code (onsite) would be English in a Dutch sentence. */
const char *mode_label(int mode)
{
	static const char *const labels[MODE_COUNT] = {N_("on site"), N_("phone"), N_("email"),
						       N_("video"), N_("chat"), N_("other")};
	return mode >= 0 && mode < MODE_COUNT ? _(labels[mode]) : "?";
}

/* Contact at a distance; other (a meeting with the funder, say) is
 * neither on site nor remote. */
int mode_remote(int mode)
{
	return mode != MODE_ONSITE && mode != MODE_OTHER;
}

static const struct word funders[] = {
	{"uwv", FUNDER_UWV}, {"gemeente", FUNDER_GEMEENTE}, {"werkgever", FUNDER_WERKGEVER},
	{"other", FUNDER_OTHER}, {NULL, 0},
};
static const char *const funder_names[FUNDER_COUNT] = {"uwv", "gemeente", "werkgever", "other"};
const struct vocab vocab_funder = {N_("funder"), N_("unknown funder %s; use %s"),
				   N_("uwv, gemeente, werkgever or other"), funders,
				   funder_names, FUNDER_COUNT, 0};

/* On the command line a funder may also be named as the tables label it
 * (employer, municipality) or in Dutch (overig); plan files keep the four
 * words coachplan-plan(5) pins. */
static const struct word funders_typed[] = {
	{"uwv", FUNDER_UWV}, {"gemeente|municipality", FUNDER_GEMEENTE},
	{"werkgever|employer", FUNDER_WERKGEVER}, {"other|overig", FUNDER_OTHER}, {NULL, 0},
};
const struct vocab vocab_funder_typed = {
	N_("funder"), N_("unknown funder %s; use %s"),
	N_("uwv, gemeente (municipality), werkgever (employer) or other (overig)"), funders_typed,
	funder_names, FUNDER_COUNT, 0};

const char *funder_label(int f)
{
	static const char *const labels[FUNDER_COUNT] = {N_("UWV"), N_("municipality"),
							 N_("employer"), N_("other")};
	return f >= 0 && f < FUNDER_COUNT ? _(labels[f]) : "?";
}

static const struct word schemes[] = {
	{"wajong", SCHEME_WAJONG}, {"wia", SCHEME_WIA}, {"iro", SCHEME_IRO},
	{"participatiewet", SCHEME_PARTICIPATIEWET}, {"other", SCHEME_OTHER}, {NULL, 0},
};
static const char *const scheme_names[SCHEME_COUNT] = {"", "wajong", "wia", "iro",
						       "participatiewet", "other"};
const struct vocab vocab_scheme = {N_("scheme"), N_("unknown scheme %s; use %s"),
				   N_("wajong, wia, iro, participatiewet or other"), schemes,
				   scheme_names, SCHEME_COUNT, 0};

static const struct word statuses[] = {
	{"active", STATUS_ACTIVE}, {"paused", STATUS_PAUSED}, {"closed", STATUS_CLOSED}, {NULL, 0},
};
static const char *const status_names[STATUS_COUNT] = {"active", "paused", "closed"};
const struct vocab vocab_status = {N_("status"), N_("unknown status %s; use %s"),
				   N_("active, paused or closed"), statuses, status_names,
				   STATUS_COUNT, 0};

static const struct word goal_statuses[] = {
	{"open|lopend", GOAL_OPEN},
	{"achieved|behaald|gehaald|bereikt", GOAL_ACHIEVED},
	{"dropped|vervallen|geschrapt", GOAL_DROPPED},
	/* UWV's results of an evaluation */
	{"partly-achieved|deels-behaald|deels-bereikt|gedeeltelijk-behaald", GOAL_PARTLY},
	{"not-achieved|niet-behaald|niet-bereikt", GOAL_NOT_ACHIEVED},
	{"permanent-support|permanent-support-needed|blijvend-ondersteuning-nodig|"
	 "blijvende-ondersteuning-nodig|blijvend-ondersteuning", GOAL_PERMANENT},
	{NULL, 0},
};
static const char *const goal_status_names[GOAL_STATUS_COUNT] = {
	"open", "achieved", "dropped", "partly-achieved", "not-achieved", "permanent-support"};
const struct vocab vocab_goal_status = {
	N_("goal status"), N_("unknown goal status %s; use %s"),
	N_("open, achieved (behaald), dropped (vervallen), partly-achieved (deels behaald), "
	   "not-achieved (niet behaald) or permanent-support (blijvend ondersteuning nodig)"),
	goal_statuses, goal_status_names, GOAL_STATUS_COUNT, 1};

/* The goal status as people read it, in their language (behaald), where
 * the plan's code (achieved) would be English in a Dutch sentence. */
const char *goal_status_label(int status)
{
	static const char *const labels[GOAL_STATUS_COUNT] = {
		N_("open"),         N_("achieved"),     N_("dropped"),
		N_("partly achieved"), N_("not achieved"), N_("permanent support needed")};
	return status >= 0 && status < GOAL_STATUS_COUNT ? _(labels[status]) : "?";
}

int goal_status_done(int s)
{
	return s == GOAL_ACHIEVED || s == GOAL_DROPPED;
}

/* UWV's categories of what a coach does, with the Dutch words */
static const struct word activities[] = {
	/* the words of -a, as a coach's agenda names them, then UWV's phrases as
	 * the logbook prints them in either language */
	{"introduction|kennismaking|intake", ACT_INTRODUCTION},
	{"structuring|werkplek|inrichten|structuring-work|werkplek-en-taken-inrichten|"
	 "structureren-van-het-werk", ACT_STRUCTURING},
	{"training|training-on-the-job|inwerken|training-op-de-werkvloer", ACT_TRAINING},
	{"disruptions|verstoringen|verstoring|resolving-disruptions|verstoringen-oplossen|"
	 "oplossen-van-verstoringen", ACT_DISRUPTIONS},
	{"support|ondersteuning|support-at-work|ondersteuning-op-het-werk", ACT_SUPPORT},
	{"home|thuissituatie|thuis|home-situation", ACT_HOME},
	{"supervisor|leidinggevende|coaching-the-supervisor|coaching-van-de-leidinggevende|"
	 "coachen-van-de-leidinggevende", ACT_SUPERVISOR},
	{"evaluation|evaluatie|afstemming|evaluatiegesprek|coordination|co\xc3\xb6rdinatie|"
	 "coordinatie|evaluation-and-coordination|evaluatie-en-afstemming", ACT_EVALUATION},
	{"other|overig", ACT_OTHER},
	{NULL, 0},
};
static const char *const activity_names[ACT_COUNT] = {
	"introduction", "structuring", "training", "disruptions", "support",
	"home", "supervisor", "evaluation", "other"};
const struct vocab vocab_activity = {
	N_("activity"), N_("unknown activity %s; use %s"),
	N_("introduction (kennismaking), structuring (werkplek), training, disruptions "
	   "(verstoringen), support (ondersteuning), home (thuissituatie), supervisor "
	   "(leidinggevende), evaluation (evaluatie) or other (overig)"),
	activities, activity_names, ACT_COUNT, 1};

/* UWV's outcome when coaching ends */
static const struct word outcomes[] = {
	{"works-without-support|zelfstandig|werkt-zonder-ondersteuning|zonder-ondersteuning",
	 OUT_WITHOUT_SUPPORT},
	{"follow-up-lighter|vervolg-lichter", OUT_LIGHTER},
	{"follow-up-same|vervolg-gelijk", OUT_SAME},
	{"follow-up-heavier|vervolg-zwaarder", OUT_HEAVIER},
	{"employer-takes-over|werkgever-neemt-over", OUT_EMPLOYER},
	{"not-working|werkt-niet-meer", OUT_NOT_WORKING},
	{NULL, 0},
};
static const char *const outcome_names[OUT_COUNT] = {
	"works-without-support", "follow-up-lighter", "follow-up-same", "follow-up-heavier",
	"employer-takes-over",   "not-working"};

const struct vocab vocab_outcome = {
	N_("outcome"), N_("unknown outcome %s; use %s"),
	N_("works-without-support (zelfstandig), follow-up-lighter, follow-up-same, "
	   "follow-up-heavier (vervolg-lichter, -gelijk, -zwaarder), employer-takes-over "
	   "(werkgever-neemt-over) or not-working (werkt-niet-meer)"),
	outcomes, outcome_names, OUT_COUNT, 1};

/* [A-Za-z0-9._-] as a bit set over the 256 byte values */
static const uint64_t id_chars[4] = {0x03ff600000000000u, 0x07fffffe87fffffeu, 0, 0};

static int id_char(unsigned char c)
{
	return id_chars[c >> 6] >> (c & 63) & 1;
}

#ifdef __SSE2__
/* Whether all sixteen bytes are id characters.  The comparisons are
 * signed: a byte from 0x80 up is below every range. */
static int id_chars16(__m128i v)
{
#define IN(lo, hi) _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8((lo) - 1)), \
				 _mm_cmpgt_epi8(_mm_set1_epi8((hi) + 1), v))
	__m128i ok = _mm_or_si128(_mm_or_si128(IN('-', '.'), IN('0', '9')),
				  _mm_or_si128(_mm_or_si128(IN('A', 'Z'), IN('a', 'z')),
					       _mm_cmpeq_epi8(v, _mm_set1_epi8('_'))));
#undef IN
	return _mm_movemask_epi8(ok) == 0xffff;
}

static __m128i load8(const char *s)
{
	return _mm_loadl_epi64((const __m128i *)(const void *)s);
}
#endif

int id_valid(const char *s, size_t n)
{
	if (n == 0 || n > 64 || (n == 1 && s[0] == '.') || (n == 2 && s[0] == '.' && s[1] == '.'))
		return 0;
#ifdef __SSE2__
	/* an id of eight bytes or more, sixteen at a time; the last sixteen
	 * (or two eights) may overlap what was tested, never pass the end */
	if (n >= 16) {
		for (size_t i = 0; i + 16 <= n; i += 16)
			if (!id_chars16(_mm_loadu_si128((const __m128i *)(const void *)(s + i))))
				return 0;
		return id_chars16(_mm_loadu_si128((const __m128i *)(const void *)(s + n - 16)));
	}
	if (n >= 8)
		return id_chars16(_mm_unpacklo_epi64(load8(s), load8(s + n - 8)));
#endif
	for (size_t i = 0; i < n; i++)
		if (!id_char((unsigned char)s[i]))
			return 0;
	return 1;
}
