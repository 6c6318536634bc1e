/* reportwords.c: what the builders of cp-report's reports share: the words
 * for people (UWV's activities; modes and statuses are words.c's), days in sentences, the
 * participant's name or pseudonym, and free text with the participant's
 * name taken out; the coaches who held a plan in a period, who sign for it. */
#include <string.h>
#include <strings.h>

#include "reports.h"

/* UWV's categories of what a coach does, as its forms name them */
const char *report_activity_label(int activity)
{
	static const char *const labels[ACT_COUNT] = {
		N_("introduction"),          N_("structuring work"),
		N_("training on the job"),   N_("resolving disruptions"),
		N_("support at work"),       N_("home situation"),
		N_("coaching the supervisor"), N_("evaluation and coordination"),
		N_("other")};
	return activity >= 0 && activity < ACT_COUNT ? _(labels[activity]) : "?";
}

/* UWV's outcome when coaching ends */
const char *report_outcome_label(int outcome)
{
	static const char *const labels[OUT_COUNT] = {
		N_("works without support"),     N_("follow-up needed, lighter"),
		N_("follow-up needed, the same"), N_("follow-up needed, heavier"),
		N_("the employer takes the support over"), N_("no longer working")};
	return outcome >= 0 && outcome < OUT_COUNT ? _(labels[outcome]) : "?";
}

const char *report_status_label(int status)
{
	static const char *const labels[STATUS_COUNT] = {N_("active"), N_("paused"), N_("closed")};
	return status >= 0 && status < STATUS_COUNT ? _(labels[status]) : "?";
}

const char *report_grant_kind_label(int kind)
{
	static const char *const labels[GRANT_KIND_COUNT] = {
		N_("standard"), /* TRANSLATORS: a follow-up grant, vervolg */ N_("extension"),
		N_("strippenkaart"), N_("internal")};
	return kind >= 0 && kind < GRANT_KIND_COUNT ? _(labels[kind]) : "?";
}

const char *report_scheme_label(int scheme)
{
	static const char *const labels[SCHEME_COUNT] = {"", N_("Wajong"), N_("WIA"), N_("IRO"),
							 N_("Participatiewet"), N_("other")};
	return scheme > 0 && scheme < SCHEME_COUNT ? _(labels[scheme]) : "";
}

struct cell report_interval(struct report *r, struct interval iv)
{
	char code[16], label[64];
	interval_format(iv, code);
	switch (iv.unit) {
	case 'd': snprintf(label, sizeof label, ngettext("%d day", "%d days", iv.n), iv.n); break;
	case 'w': snprintf(label, sizeof label, ngettext("%d week", "%d weeks", iv.n), iv.n); break;
	case 'm': snprintf(label, sizeof label, ngettext("%d month", "%d months", iv.n), iv.n); break;
	default: snprintf(label, sizeof label, ngettext("%d year", "%d years", iv.n), iv.n);
	}
	return cell_word(report_str(r, code), report_str(r, label));
}

const char *report_day(const struct report_opts *o, int day, char out[LANG_DATE_MAX])
{
	if (o->for_people)
		lang_date(day, out);
	else
		date_format(day, out);
	return out;
}

const char *report_participant(const struct plan *p, const struct report_opts *o)
{
	return o->pseudonymize || !p->name ? p->id : p->name;
}

struct report *report_of_plan(const char *kind, const char *title, const struct plan *p,
			      const struct report_opts *o, const struct period *period)
{
	char label[32];
	lang_push(o->lang);
	period_format(period, label);
	struct report *r = report_new(kind, _(title));
	report_plan_subtitle(r, p, o, 0, label);
	return r;
}

/* A period typed wrong (2025 for 2026) gives a report with nothing in it,
 * a logbook to sign all the same: the plan's dates show the slip. */
void report_warn_no_plan_day(const struct plan *p, const struct period *period)
{
	if (period->to >= p->start && (p->end == DATE_NONE || period->from <= p->end))
		return;
	char label[32], start[11], end[11];
	period_format(period, label);
	date_format(p->start, start);
	if (p->end == DATE_NONE) {
		cp_warn(_("%s: the period %s holds no day of the plan, which starts on %s"), p->id,
			label, start);
		return;
	}
	date_format(p->end, end);
	cp_warn(_("%s: the period %s holds no day of the plan, which runs from %s to %s"), p->id,
		label, start, end);
}

void report_plan_subtitle(struct report *r, const struct plan *p, const struct report_opts *o,
			  int grant, const char *label)
{
	char sub[256];
	const char *who = report_participant(p, o);
	if (who == p->id) /* pseudonymized, or nameless: the plan is not named twice */
		snprintf(sub, sizeof sub, grant ? _("Plan %s, grant %s") : _("Plan %s, period %s"),
			 p->id, label);
	else
		snprintf(sub, sizeof sub,
			 grant ? _("Plan %s, %s, grant %s") : _("Plan %s, %s, period %s"), p->id,
			 who, label);
	report_subtitle(r, sub);
}

/* Words of a name that say who someone is: not the particles of Dutch
 * and Flemish names (de, van, 't ...), nor one or two letters. */
static int telling(const char *w, size_t n)
{
	static const char *const particles[] = {"van", "von", "den", "der", "het", "ten", "ter",
						"de", "da", "di", "du", "el", "al", "le", "la", "'t",
						"op", "in", "te", "vd", "v.d.", NULL};
	if (n < 3)
		return 0;
	for (int i = 0; particles[i]; i++)
		if (strlen(particles[i]) == n && !strncasecmp(w, particles[i], n))
			return 0;
	return 1;
}

static int word_byte(unsigned char c)
{
	return c >= 0x80 || (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
}

/* A lower-case letter without its accent (é, ë: e; ł: l), of Latin-1 and
 * Latin Extended-A; others (æ, œ, ß) as they are. */
static unsigned base_char(unsigned c)
{
	static const char latin1[] = "aaaaaa\0ceeeeiiii\0nooooo\0ouuuuy\0y";
	static const char extended[] = "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiii\0\0jjkkk"
				       "lllllllllln" "nnnnnnnnoooooo\0\0rrrrrrsssssssstttttt"
				       "uuuuuuuuuuuuwwyyyzzzzzzs";
	if (c >= 0xe0 && c <= 0xff && latin1[c - 0xe0])
		return (unsigned char)latin1[c - 0xe0];
	if (c >= 0x100 && c <= 0x17f && extended[c - 0x100])
		return (unsigned char)extended[c - 0x100];
	return c;
}

/* The letters of a text one by one, in lower case without accents, the
 * Dutch ĳ as the i and j it is typed as: "Ĳssel" reads as "ijssel". */
struct letters {
	const char *s;
	unsigned queued; /* the j of an ĳ; 0: none */
};

static unsigned next_letter(struct letters *l)
{
	unsigned c = l->queued;
	if (c) {
		l->queued = 0;
		return c;
	}
	c = utf8_next_lower(&l->s);
	if (c == 0x133) {
		l->queued = 'j';
		return 'i';
	}
	return base_char(c);
}

/* The length of a name matched at s as a whole word, in any case, with
 * or without its accents, or 0: a hurried note writes "ŞAHIN", "peter" or
 * "Noel" for Noël as often as the plan's name. */
static size_t match(const char *s, const char *name, size_t n)
{
	struct letters a = {s, 0}, b = {name, 0};
	const char *end = name + n;
	while (n && (b.s < end || b.queued))
		if ((!*a.s && !a.queued) || next_letter(&a) != next_letter(&b))
			return 0;
	return n && !a.queued && !word_byte((unsigned char)*a.s) ? (size_t)(a.s - s) : 0;
}

static int has_ref(const struct grant *e, const struct period *in)
{
	return !e->implicit && e->ref && grant_meets(e, in);
}

/* The references of the grants in the period, each once: a municipality
 * keeps one dossier number over the grants that follow each other. */
static void period_refs(const struct plan *p, const struct period *in, struct buf *out)
{
	for (size_t i = 0; i < p->ngrants; i++) {
		const struct grant *e = &p->grants[i];
		if (!has_ref(e, in))
			continue;
		size_t j = 0;
		while (j < i && !(has_ref(&p->grants[j], in) && !strcmp(p->grants[j].ref, e->ref)))
			j++;
		if (j == i)
			buf_printf(out, "%s%s", out->len ? ", " : "", e->ref);
	}
}

/* The funders of the period's grants, each once, in the order of the
 * grants.  Returns how many. */
static size_t period_funders(const struct plan *p, const struct period *in, struct buf *codes,
			     struct buf *labels)
{
	unsigned seen = 0;
	size_t n = 0;
	for (size_t i = 0; i < p->ngrants; i++) {
		int f = p->grants[i].funder;
		if (f < 0 || f >= FUNDER_COUNT || (seen & 1u << f) || !grant_meets(&p->grants[i], in))
			continue;
		seen |= 1u << f;
		buf_printf(codes, "%s%s", n ? "," : "", vocab_name(&vocab_funder, f));
		buf_printf(labels, "%s%s", n++ ? ", " : "", funder_label(f));
	}
	return n;
}

void report_funder_fields(struct report *r, const struct plan *p, const struct period *in,
			  int day)
{
	struct buf codes = {0}, labels = {0}, refs = {0};
	if (period_funders(p, in, &codes, &labels))
		report_field(r, "funder", _("Funder"), cell_word(codes.s, labels.s));
	else {
		int funder = plan_funder_on(p, day);
		report_field(r, "funder", _("Funder"), cell_word(vocab_name(&vocab_funder, funder),
								 funder_label(funder)));
	}
	period_refs(p, in, &refs);
	report_field(r, "funder_ref", _("Funder reference"),
		     cell_text(refs.len ? refs.s : p->funder_ref));
	buf_free(&codes);
	buf_free(&labels);
	buf_free(&refs);
}

/* Whether list ("kim, robin") holds name in any case: a plan handed from
 * robin to Robin before cp-plan said that was no hand-over names one. */
static int listed(const char *list, const char *name)
{
	size_t n = strlen(name);
	if (!n)
		return 1;
	for (const char *at = list;;) {
		const char *end = strstr(at, ", ");
		if (utf8_same_name(at, end ? (size_t)(end - at) : strlen(at), name, n))
			return 1;
		if (!end)
			return 0;
		at = end + 2;
	}
}

const char *report_coaches_in(const struct plan *p, int from, int to, char *out, size_t size)
{
	if (p->start != DATE_NONE && from < p->start) /* the days before the start: the first coach */
		from = p->start;
	const char *c = plan_coach_on(p, from);
	size_t len = (size_t)snprintf(out, size, "%s", c ? c : "");
	for (size_t i = 0; i < p->ncoachspans; i++) {
		const struct coach_span *s = &p->coachspans[i];
		if (s->from <= from || s->from > to || !s->coach || listed(out, s->coach))
			continue;
		if (len < size)
			len += (size_t)snprintf(out + len, size - len, "%s%s", len ? ", " : "", s->coach);
	}
	return out;
}

const char *report_coaches_of(const struct plan *p, int funder, int from, int to, char *out,
			      size_t size)
{
	const struct period days = {from, to};
	int first = DATE_NONE, last = DATE_NONE;
	for (size_t k = 0; plan_has_grants(p) && k < p->ngrants; k++) {
		const struct grant *g = &p->grants[k];
		if (g->funder != funder || !grant_meets(g, &days))
			continue;
		int end = grant_end(p, g);
		if (end == DATE_NONE || end > to) /* a strippenkaart still open: up to to */
			end = to;
		if (first == DATE_NONE || g->from < first)
			first = g->from;
		if (last == DATE_NONE || end > last)
			last = end;
	}
	if (first == DATE_NONE)
		return report_coaches_in(p, from, to, out, size);
	return report_coaches_in(p, first > from ? first : from, last, out, size);
}

static void held(struct report_holder *h, int from, int to)
{
	size_t max = sizeof h->days / sizeof *h->days;
	if (h->n && (h->days[h->n - 1].to + 1 == from || h->n == max))
		h->days[h->n - 1].to = to;
	else
		h->days[h->n++] = (struct period){from, to};
}

size_t report_holders(const struct plan *p, int from, int to, struct report_holder *h, size_t max)
{
	size_t n = 0;
	if (p->start != DATE_NONE && from < p->start)
		from = p->start;
	for (int day = from, last = to < from ? from : to; day != DATE_NONE && day <= last;) {
		const char *c = plan_coach_on(p, day);
		int next = DATE_NONE; /* the next hand-over in the period */
		for (size_t i = 0; i < p->ncoachspans && next == DATE_NONE; i++)
			if (p->coachspans[i].from > day && p->coachspans[i].from <= last)
				next = p->coachspans[i].from;
		size_t k = 0;
		while (k < n && !utf8_same_names(h[k].coach, c))
			k++;
		if (k == n && n < max)
			h[n++] = (struct report_holder){c, {{0, 0}}, 0};
		if (k < n)
			held(&h[k], day, next == DATE_NONE ? last : next - 1);
		day = next;
	}
	return n;
}

size_t report_logged(struct report_holder *h, size_t n, size_t holders, const char *coach,
		     int day)
{
	if (!coach || !*coach)
		return n;
	size_t k = 0;
	while (k < n && !utf8_same_names(h[k].coach, coach))
		k++;
	if (k == n)
		h[n++] = (struct report_holder){coach, {{day, day}}, 1};
	else if (k >= holders && day < h[k].days[0].from)
		h[k].days[0].from = day;
	else if (k >= holders && day > h[k].days[0].to)
		h[k].days[0].to = day;
	return n;
}

void report_holder_days(const struct report_holder *h, struct buf *out)
{
	char span[32];
	for (size_t k = 0; k < h->n; k++) {
		period_format(&h->days[k], span);
		buf_printf(out, "%s%s", k ? ", " : "", span);
	}
}

void report_pauses_field(struct report *r, const struct plan *p, int from, int to)
{
	struct buf b = {0};
	char d1[11], d2[11];
	for (size_t i = 0; i < p->npauses; i++)
		if (p->pauses[i].from <= to && p->pauses[i].to >= from) {
			date_format(p->pauses[i].from, d1);
			date_format(p->pauses[i].to, d2);
			buf_printf(&b, "%s%s..%s", b.len ? ", " : "", d1, d2);
		}
	if (p->status == STATUS_PAUSED && p->paused != DATE_NONE && p->paused <= to) {
		date_format(p->paused, d1);
		buf_printf(&b, "%s%s..", b.len ? ", " : "", d1);
	}
	if (b.len)
		report_field(r, "paused", _("Paused"), cell_text(report_str(r, b.s)));
	buf_free(&b);
}

const char *report_employer(const struct plan *p, const struct report_opts *o)
{
	return o->pseudonymize ? NULL : p->employer;
}

/* The names a pseudonymized report takes out of a plan's texts, each with
 * what stands in its place: the participant's whole name and each telling
 * word of it become the plan's id; a contact's name its role; the
 * employer's name the word employer. */
struct name {
	const char *s, *code;
	size_t n;
};

static size_t add_name(struct name *v, size_t nv, size_t max, const char *name, const char *code,
		       int words)
{
	if (!name || !*name || nv == max)
		return nv;
	v[nv++] = (struct name){name, code, strlen(name)};
	for (const char *w = name; words && *w && nv < max;) {
		size_t n = strcspn(w, " \t-");
		if (telling(w, n))
			v[nv++] = (struct name){w, code, n};
		w += n;
		w += strspn(w, " \t-");
	}
	return nv;
}

const char *report_scrub(struct report *r, const struct plan *p, const struct report_opts *o,
			 const char *text)
{
	if (!o->pseudonymize || !text)
		return text;
	struct name names[64];
	size_t nn = add_name(names, 0, 64, p->name, p->id, 1); /* whole names before their words */
	nn = add_name(names, nn, 64, p->employer_contact, _("the supervisor"), 1);
	for (size_t i = 0; i < p->ncontacts; i++)
		nn = add_name(names, nn, 64, p->contacts[i].name,
			      p->contacts[i].role ? p->contacts[i].role : _("a contact"), 1);
	nn = add_name(names, nn, 64, p->employer, _("the employer"), 0);
	struct buf b = {0};
	for (const char *s = text; *s;) {
		size_t len = 0, i = 0;
		if (s == text || !word_byte((unsigned char)s[-1]))
			for (; i < nn && !(len = match(s, names[i].s, names[i].n)); i++)
				;
		if (len) {
			buf_puts(&b, names[i].code);
			s += len;
		} else
			buf_putc(&b, *s++);
	}
	const char *out = report_str(r, buf_str(&b));
	buf_free(&b);
	return out;
}
