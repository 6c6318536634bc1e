/* planread.h: the plan layer's own reading helpers, shared by plan.c and
 * grant.c (the dated history of a plan); no other module includes it.
 * Each reports a problem at its node, counts it, and returns a value that
 * lets the reader go on, so that every problem of a file is reported. */
#ifndef CP_PLANREAD_H
#define CP_PLANREAD_H

#include "plan.h"

struct reader {
	struct plan *p;
	int bad;
};

void pr_complain(struct reader *r, const struct ynode *n, const char *hint, const char *fmt, ...)
	CP_PRINTF(4, 5);
struct ynode *pr_get(struct ynode *map, const char *key); /* NULL if absent or null */
const char *pr_text(struct reader *r, struct ynode *n, const char *what);
const char *pr_required_text(struct reader *r, struct ynode *map, const char *key,
			     const char *what);
int pr_date_of(struct reader *r, struct ynode *n, const char *what);
int pr_word_of(struct reader *r, struct ynode *n, const struct vocab *v);
long pr_hours_of(struct reader *r, struct ynode *n, const char *what, long max_hours);
struct interval pr_interval_of(struct reader *r, struct ynode *n, const char *what,
			       struct interval dflt);
struct ynode *pr_mapping(struct reader *r, struct ynode *n, const char *what);
struct ynode *pr_list(struct reader *r, struct ynode *n, const char *what);
/* The list at key and room in the plan's arena for one element of size
 * bytes per item; NULL if there is no list (reported if it is not one). */
void *pr_items(struct reader *r, struct ynode *root, const char *key, const char *what,
	       size_t size, struct ynode **list);
/* The list at key read item by item: one(r, item, slot) reads an item
 * into the next of those slots (zeroed) and keeps it by returning 1; *n
 * counts what is kept as it is kept.  The slots; NULL if there is no list. */
void *pr_each(struct reader *r, struct ynode *root, const char *key, const char *what,
	      size_t size, size_t *n, int (*one)(struct reader *r, struct ynode *item, void *slot));

/* grant.c: grants:, coaches: and work_hours: of a version 2 plan, or the
 * error that a version 1 plan has them. */
void read_history(struct reader *r, struct ynode *root, int version);

#endif
