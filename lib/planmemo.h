/* planmemo.h: the domain layer's own, shared by eras.c (where it lives)
 * and budget.c, which look up a plan for every entry they add.  No other
 * module includes it. */
#ifndef CP_PLANMEMO_H
#define CP_PLANMEMO_H

#include "domain.h"

/* A plan by its id for each entry of a sheet, without the plan cache's
 * lookup: what its last entries found for the days from..to (from > to:
 * nothing yet), a value of the caller's, and apart its plan and the
 * caller's reference.  NULL for a long id or very many plans: ask the cache. */
struct planmemo {
	uint64_t id[2]; /* zero-padded */
	int from, to, val;
	unsigned char len;
};
struct planmemos {
	uint32_t *index; /* 0 empty, else tag | entry + 1; v, plans, refs per entry */
	struct planmemo *v;
	const struct plan **plans;
	void **refs;
	size_t n;
};
struct planmemo *planmemo_get(struct planmemos *t, struct plancache *c, struct str id);
const struct plan *planmemo_plan(const struct planmemos *t, const struct planmemo *m);
void **planmemo_ref(struct planmemos *t, const struct planmemo *m);
void planmemos_free(struct planmemos *t);

#endif
