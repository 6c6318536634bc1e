/* yamlread.h: the YAML layer's own, shared by yaml.c (libyaml's events
 * built into a tree) and yamlfast.c (the common plan read without
 * libyaml, into the same tree): the builder both fill.  No other module
 * includes it. */
#ifndef CP_YAMLREAD_H
#define CP_YAMLREAD_H

#include <yaml.h>

#include "ytree.h"

/* libyaml counts characters, not bytes; its marks are mapped back to byte
 * offsets by walking the UTF-8 text from the last mark. */
struct cursor {
	const unsigned char *s;
	size_t len, chars, bytes;
};

struct frame {
	struct ynode *node;
	size_t base; /* where its children start on the kid stack */
};

struct anchor {
	const char *name;
	struct ynode *node;
};

#define MAX_ANCHORS 1000

struct builder {
	struct ydoc *doc;
	struct arena *arena;
	yaml_parser_t parser;
	struct cursor cur;
	size_t bom; /* bytes of byte order mark before what libyaml sees */
	struct frame stack[PLAN_MAX_DEPTH];
	int depth;
	struct ynode **kids;
	size_t nkids, capkids;
	struct anchor *anchors; /* allocated on the first anchor: most plans have none */
	int nanchors;
	size_t nodes;
	struct ynode *root;
	int docs;
	int bad; /* faults that leave the tree whole: reported, and parsing goes on */
};

/* A node of the arena, of kind and bytes [start, end). */
struct ynode *yb_node(struct builder *b, int kind, size_t start, size_t end);
/* n as the next child of the open collection, or as the root; -1
 * (reported) past the limit of nodes or at a second document. */
int yb_place(struct builder *b, struct ynode *n);
/* The collection on top of the stack gets its children; its node. */
struct ynode *yb_close_top(struct builder *b);

/* Whether the fast reader may read the text (yamlfast.c). */
int yfast_bytes(const unsigned char *s, size_t len);
/* 0 with the tree built, -1 where libyaml must read it (nothing said);
 * for a text that yfast_bytes passed. */
int yfast_read(struct builder *b, const char *src, size_t len);

#endif
