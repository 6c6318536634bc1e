/* satisfaction.c: the marks of a caseload's evaluations, per funder and
 * per coach, for UWV's yearly client satisfaction report (Rapportage
 * klanttevredenheid): how many evaluations were held in a period, how
 * many carry a mark, and the mean mark of the employees and of the
 * employers, whose norm is a mean of at least 6.5.  An evaluation counts
 * for the coach responsible for its plan on its day (coaches: of a version
 * 2 plan, else coach:) and for the funder of the grant holding its day,
 * else the plan's funder (plan_funder_on).  It computes; reports.h's
 * satisfaction table draws. */
#include <stdlib.h>
#include <string.h>

#include "domain.h"

void satisfaction_init(struct satisfaction *s, const struct period *in, int funder,
		       const char *coach)
{
	memset(s, 0, sizeof *s);
	s->period = *in;
	s->funder = funder;
	s->coach = coach;
}

/* The tally of coach, made where it is missing: coaches stay sorted by name. */
/* strcmp of two coach names folded: Robin and robin are one coach. */
static int coach_cmp(const char *x, const char *y)
{
	char fx[256], fy[256];
	size_t nx = strnlen(x, sizeof fx - 1), ny = strnlen(y, sizeof fy - 1);
	utf8_fold_name(fx, x, nx);
	utf8_fold_name(fy, y, ny);
	fx[nx] = fy[ny] = '\0';
	return strcmp(fx, fy);
}

/* A coach's marks, the coach shown as agg.c shows one: of its spellings,
 * the first in byte order (capitals first). */
static struct marks *of_coach(struct satisfaction *s, const char *coach)
{
	size_t lo = 0, hi = s->ncoaches;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		struct satisfaction_coach *sc = &s->coaches[mid];
		int c = coach_cmp(sc->coach, coach);
		if (c == 0 && strcmp(coach, sc->coach) < 0)
			sc->coach = arena_strndup(&s->arena, coach, strlen(coach));
		if (c == 0)
			return &sc->m;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (s->ncoaches == s->cap) {
		s->cap = s->cap ? 2 * s->cap : 8;
		s->coaches = xreallocarray(s->coaches, s->cap, sizeof *s->coaches);
	}
	memmove(s->coaches + lo + 1, s->coaches + lo, (s->ncoaches - lo) * sizeof *s->coaches);
	s->ncoaches++;
	s->coaches[lo] = (struct satisfaction_coach){arena_strndup(&s->arena, coach, strlen(coach)),
						     {0, 0, 0, 0, 0, 0}};
	return &s->coaches[lo].m;
}

static void count(struct marks *m, const struct evaluation *e)
{
	m->held++;
	m->marked += e->employee_mark >= 0 || e->employer_mark >= 0;
	if (e->employee_mark >= 0) {
		m->employee_n++;
		m->employee_sum += e->employee_mark;
	}
	if (e->employer_mark >= 0) {
		m->employer_n++;
		m->employer_sum += e->employer_mark;
	}
}

void satisfaction_plan(struct satisfaction *s, const struct plan *p)
{
	for (size_t i = 0; i < p->nevals; i++) {
		const struct evaluation *e = &p->evals[i];
		if (e->date == DATE_NONE || !period_contains(&s->period, e->date))
			continue;
		const char *coach = plan_coach_on(p, e->date);
		int funder = plan_funder_on(p, e->date);
		if (!coach)
			coach = "";
		if (s->funder >= 0 && funder != s->funder)
			continue;
		if (s->coach && !utf8_same_names(coach, s->coach))
			continue;
		if (funder < 0 || funder >= FUNDER_COUNT)
			funder = FUNDER_OTHER;
		count(&s->funders[funder], e);
		count(of_coach(s, coach), e);
		count(&s->total, e);
	}
}

void satisfaction_free(struct satisfaction *s)
{
	free(s->coaches);
	arena_free(&s->arena);
	s->coaches = NULL;
	s->ncoaches = s->cap = 0;
}

int marks_mean(long sum, long n)
{
	return n > 0 ? (int)((2 * sum + n) / (2 * n)) : -1;
}

int marks_below(const struct marks *m)
{
	int ee = marks_mean(m->employee_sum, m->employee_n),
	    er = marks_mean(m->employer_sum, m->employer_n);
	return (ee >= 0 && ee < MARK_NORM ? BELOW_EMPLOYEE : 0) |
	       (er >= 0 && er < MARK_NORM ? BELOW_EMPLOYER : 0);
}
