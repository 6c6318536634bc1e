/* medical.c: words that point to medical information, which UWV forbids
 * in these records.  The list is a data file (data/medical-words,
 * installed under DATADIR/coachplan), and a caseload adds its own in
 * .coachplan/medical-words.  A text is read once, word by word, and each
 * word looked up in a table, so a sheet of a million notes costs one pass;
 * a phrase of several words is found by its first word and then compared
 * whole.  Letters are compared without case (ASCII; other bytes as they
 * are, so UTF-8 words match as written). */
#include <ctype.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "domain.h"

#ifndef DATADIR
#define DATADIR "/usr/local/share"
#endif

struct medical {
	struct strmap first; /* the first word of an entry, lower case: its entries */
	struct arena arena;
};

struct entry_list {
	const char **v; /* whole entries, lower case */
	size_t n;
};

static int word_byte(unsigned char c)
{
	return c >= 0x80 || isalnum(c) || c == '-';
}

static char *lower(struct arena *a, const char *s, size_t n)
{
	char *t = arena_alloc(a, n + 1);
	for (size_t i = 0; i < n; i++)
		t[i] = (char)tolower((unsigned char)s[i]);
	t[n] = '\0';
	return t;
}

static void add(struct medical *m, const char *s, size_t n)
{
	while (n && isspace((unsigned char)*s))
		s++, n--;
	while (n && isspace((unsigned char)s[n - 1]))
		n--;
	if (!n || *s == '#')
		return;
	size_t w = 0;
	while (w < n && word_byte((unsigned char)s[w]))
		w++;
	if (!w)
		return;
	char *key = lower(&m->arena, s, w);
	int added;
	void **slot = strmap_put(&m->first, key, w, &added);
	struct entry_list *l = *slot;
	if (added)
		l = *slot = arena_alloc(&m->arena, sizeof *l), l->v = NULL, l->n = 0;
	const char **v = arena_alloc(&m->arena, (l->n + 1) * sizeof *v);
	if (l->n)
		memcpy(v, l->v, l->n * sizeof *v);
	v[l->n++] = lower(&m->arena, s, n);
	l->v = v;
}

static int read_list(struct medical *m, const char *path)
{
	struct buf b = {0};
	int rc = buf_read_file(&b, path);
	buf_str(&b);
	for (const char *s = b.s, *end = b.s + b.len; rc == 0 && s < end;) {
		const char *nl = memchr(s, '\n', (size_t)(end - s));
		size_t n = nl ? (size_t)(nl - s) : (size_t)(end - s);
		add(m, s, n);
		s += n + 1;
	}
	buf_free(&b);
	return rc;
}

/* The list that comes with the tools: $COACHPLAN_DATADIR, else beside a
 * tool run from the build directory, else the installed one. */
static const char *list_path(char *path, size_t size)
{
	const char *env = getenv("COACHPLAN_DATADIR");
	struct stat st;
	if (env && *env) {
		snprintf(path, size, "%s/medical-words", env);
		return path;
	}
	ssize_t n = readlink("/proc/self/exe", path, size - sizeof "/data/medical-words");
	char *slash = n > 0 ? memrchr(path, '/', (size_t)n) : NULL;
	if (slash) {
		strcpy(slash, "/data/medical-words");
		if (stat(path, &st) == 0)
			return path;
	}
	snprintf(path, size, "%s/coachplan/medical-words", DATADIR);
	return path;
}

struct medical *medical_load(const char *caseload)
{
	struct medical *m = xcalloc(1, sizeof *m);
	char path[PATH_MAX];
	if (read_list(m, list_path(path, sizeof path)) < 0)
		cp_warn(_("%s: cannot read the list of medical words; no text is checked for them"),
			path);
	if (caseload) {
		snprintf(path, sizeof path, "%s/.coachplan/medical-words", caseload);
		if (access(path, F_OK) == 0 && read_list(m, path) < 0)
			cp_warn(_("%s: cannot read"), path);
	}
	return m;
}

void medical_free(struct medical *m)
{
	if (!m)
		return;
	strmap_free(&m->first, NULL);
	arena_free(&m->arena);
	free(m);
}

/* Whether entry (lower case) stands at s, whole words, without case. */
static size_t entry_at(const char *s, size_t n, const char *entry)
{
	size_t k = strlen(entry);
	return k <= n && !strncasecmp(s, entry, k) && (k == n || !word_byte((unsigned char)s[k]))
		       ? k
		       : 0;
}

void medical_scan(const struct medical *m, const char *text, size_t n,
		  void (*found)(void *arg, size_t off, size_t len), void *arg)
{
	char word[64];
	for (size_t i = 0; i < n;) {
		if (!word_byte((unsigned char)text[i])) {
			i++;
			continue;
		}
		size_t w = i;
		while (w < n && word_byte((unsigned char)text[w]))
			w++;
		if (w - i < sizeof word) {
			for (size_t k = i; k < w; k++)
				word[k - i] = (char)tolower((unsigned char)text[k]);
			const struct entry_list *l = strmap_get(&m->first, word, w - i);
			size_t len = 0;
			for (size_t e = 0; l && e < l->n && !len; e++)
				len = entry_at(text + i, n - i, l->v[e]);
			if (len)
				found(arg, i, len);
		}
		i = w;
	}
}

/* ---- at log time ---- */

struct logged_text {
	const struct row *row;
	const char *text;
};

static void logged_found(void *arg, size_t off, size_t len)
{
	const struct logged_text *t = arg;
	/* a row of standard input at its line; one of the command line, none */
	struct srcpos at = {_("standard input"), t->row->line, NULL, 0, 0, 0};
	cp_warn_at(t->row->line ? &at : NULL,
		   _("%s points to medical information, which has no place in these records "
		     "(UWV); describe what happens at work instead"),
		   quote(t->text + off, len));
}

void medical_warn_rows(const struct rows *rows, const char *plansdir)
{
	char *root = caseload_root(plansdir);
	cp_errors_quiet_thread(1); /* a list not there is cp-check's to say */
	struct medical *m = medical_load(root);
	cp_errors_quiet_thread(0);
	free(root);
	for (size_t i = 0; i < rows->n; i++) {
		const struct row *r = &rows->v[i];
		struct logged_text t = {r, r->v[COL_NOTE]};
		if (t.text)
			medical_scan(m, t.text, strlen(t.text), logged_found, &t);
		for (size_t k = 0; k < rows->nextra; k++) /* named in any case, as sheets take it */
			if (!strcasecmp(rows->extra_names[k], "internal") && (t.text = r->extra[k]))
				medical_scan(m, t.text, strlen(t.text), logged_found, &t);
	}
	medical_free(m);
}
