/* ytree.h: YAML as a tree that remembers where it came from, and a YAML
 * text changed in place (edits that keep every comment and the layout).
 * Nothing here knows a plan.
 * The layers and which may include which: lib/README. */

#ifndef CP_YTREE_H
#define CP_YTREE_H

#include "base.h"

/* ---- yaml.c, yamlfast.c: a YAML document as a tree that remembers where it came from ---- */

enum ykind { Y_SCALAR, Y_MAP, Y_SEQ, Y_ALIAS };
enum ystyle { Y_PLAIN, Y_SQUOTED, Y_DQUOTED, Y_LITERAL, Y_FOLDED, Y_BLOCK, Y_FLOW };

#define YF_ANCHORED 1 /* an alias refers to it: editing it would change more than one place */
#define YF_TAGGED 2

struct ynode {
	uint8_t kind, style;
	uint16_t flags;
	uint32_t start, end; /* byte range in the source, end exclusive */
	uint32_t n;          /* scalar: bytes of value; map: pairs; seq: items */
	union {
		const char *str;      /* scalar value, NUL-terminated */
		struct ynode **kids;  /* map: key, value, key, value ...; seq: items */
		struct ynode *target; /* alias */
	} u;
};

struct ydoc {
	const char *file;
	const char *src; /* the bytes parsed, BOM included */
	size_t len;
	struct ynode *root;
};

/* 0, or -1 with every problem reported.  After -1, doc->root is NULL if the
 * text could not be read, and the whole tree if only its keys are wrong
 * (a key twice, a list as a key), so that a reader can report more. */
int ydoc_parse(struct ydoc *doc, struct arena *a, const char *file, const char *src, size_t len);
/* The same, read as how says: YPARSE_ANY as above (the YAML plans are
 * mostly written in is read without libyaml, everything else by libyaml);
 * YPARSE_LIBYAML by libyaml alone; YPARSE_FAST by the fast reader alone,
 * which returns 1 without a word where libyaml must read the text.  The
 * two build the same tree: tests hold them equal. */
enum { YPARSE_ANY, YPARSE_LIBYAML, YPARSE_FAST };
int ydoc_parse_how(struct ydoc *doc, struct arena *a, const char *file, const char *src,
		   size_t len, int how);
struct ynode *yderef(struct ynode *n);
struct ynode *ymap_get(struct ynode *map, const char *key);
struct ynode *ymap_key(struct ynode *map, const char *key); /* the key node itself */
/* Item i of the list under key; where there is none, what is under key
 * (NULL if nothing), so that a message about the item still points near. */
struct ynode *ymap_item(struct ynode *map, const char *key, size_t i);
int yscalar_null(const struct ynode *n);                     /* plain empty, ~ or null */
void ynode_pos(const struct ydoc *doc, const struct ynode *n, struct srcpos *at);

/* ---- edit.c: changing a YAML text in place ---- */

struct edit {
	size_t off, del;
	char *ins;
	size_t inslen;
	int lines; /* whole new lines: after any other edit at the same offset */
};

struct edits {
	struct edit *v;
	size_t n, cap;
};

void edits_add(struct edits *e, size_t off, size_t del, const char *ins, size_t inslen);
int edits_apply(const struct edits *e, const char *src, size_t len, struct buf *out);
void edits_free(struct edits *e);
const char *yaml_newline(const struct ydoc *doc); /* "\r\n" if the file uses it */
int yedit_set_scalar(struct edits *e, const struct ydoc *doc, const struct ynode *n,
		     const char *value);
int yedit_map_append(struct edits *e, const struct ydoc *doc, const struct ynode *map,
		     const char *key, const char *value_yaml);
int yedit_seq_append(struct edits *e, const struct ydoc *doc, const struct ynode *seq,
		     const char *item_yaml);

/* ---- yamlquote.c: a text as a YAML scalar ---- */

int yaml_needs_quotes(const char *s, size_t n);
void yaml_put_scalar(struct buf *b, const char *s, size_t n); /* plain or double quoted */
void yaml_put_flow_scalar(struct buf *b, const char *s, size_t n); /* quoted for [ ] { } too */
/* s in place of a text in quotes of style (Y_SQUOTED, Y_DQUOTED): in the
 * same ones if they can hold it; raw (a date): quoted as it is. */
void yaml_put_requoted(struct buf *b, const char *s, int style, int raw);

/* ---- edit.c: values that may be missing, empty or in flow style ---- */

/* One pair of a mapping to write: value is a text to quote as needed, or
 * (raw) YAML already, like a date or a flow mapping {G1: achieved}. */
struct ykv {
	const char *key, *value;
	int raw;
};

int yedit_set_date(struct edits *e, const struct ydoc *doc, const struct ynode *n, int day);
/* map[key] = value: the value changed in place, or the pair added */
int yedit_map_set(struct edits *e, const struct ydoc *doc, const struct ynode *map,
		  const char *key, const char *value, int raw);
/* map[key][subkey] = value, with map[key] made a mapping if missing or empty */
int yedit_map_set_in(struct edits *e, const struct ydoc *doc, const struct ynode *map,
		     const char *key, const char *subkey, const char *value, int raw);
/* A mapping appended to a list, block or flow */
int yedit_seq_append_map(struct edits *e, const struct ydoc *doc, const struct ynode *seq,
			 const struct ykv *kv, size_t n);
/* ... inserted before item k of the list (appended if there is none) */
int yedit_seq_insert_map(struct edits *e, const struct ydoc *doc, const struct ynode *seq,
			 size_t k, const struct ykv *kv, size_t n);
/* ... to the list map[key], made a list if missing or empty */
int yedit_map_list_append(struct edits *e, const struct ydoc *doc, const struct ynode *map,
			  const char *key, const struct ykv *kv, size_t n);
/* A text appended to the list map[key], made a list if missing or empty */
int yedit_map_list_append_text(struct edits *e, const struct ydoc *doc, const struct ynode *map,
			       const char *key, const char *text);
/* A new pair in a block mapping, "key: value", or with value "\n..." the
 * lines of YAML after that one step deeper below the key: after the pair
 * of after and the comments that belong to it (at the end if after is
 * missing), or before the first pair if after is NULL. */
int yedit_map_insert_after(struct edits *e, const struct ydoc *doc, const struct ynode *map,
			   const char *after, const char *key, const char *value);
/* map[key] = value, a scalar written as it is (a date): in its place, or
 * a new pair after the pair of after where there is one, so that end:
 * goes below start: rather than at the foot of the plan. */
int yedit_map_set_after(struct edits *e, const struct ydoc *doc, const struct ynode *map,
			const char *after, const char *key, const char *value);
/* The pair of key, value and all, replaced in its place by newkey and
 * value as above; comments after it stay, the key line's stays on the new
 * key's, and those within it go as lines below the new key. */
int yedit_map_replace_pair(struct edits *e, const struct ydoc *doc, const struct ynode *map,
			   const char *key, const char *newkey, const char *value);
/* Item i of a list taken out: of a block list with its lines and the
 * comments indented below it (without items the list reads as empty), of
 * a flow list with the comma that parts it from the next. */
int yedit_seq_remove(struct edits *e, const struct ydoc *doc, const struct ynode *seq,
		     uint32_t i);
/* map[key] taken out with its line, if it is one line of its own; 0 if
 * there is no such key */
int yedit_map_remove(struct edits *e, const struct ydoc *doc, const struct ynode *map,
		     const char *key);

#endif
