/* yedit.h: the in-place edits' own header, shared by edit.c (values set,
 * items and pairs added), editremove.c (taken out) and editwhere.c (where
 * a node lies, and the file's layout); no other module includes it.  The
 * rest of the library sees only the yedit_ functions of ytree.h. */
#ifndef CP_YEDIT_H
#define CP_YEDIT_H

#include "plan.h"

/* ---- editwhere.c ---- */

/* A node that cannot be changed safely, and why: -1, reported at it. */
int ed_refuse(const struct ydoc *doc, const struct ynode *n, const char *why);
/* 0 if n may be changed: no alias, anchor or tag on it or around it, and
 * no blank line with a tab in the file; else -1, reported. */
int ed_editable(const struct ydoc *doc, const struct ynode *n);
int ed_in_flow(const struct ydoc *doc, const struct ynode *n); /* inside [ ] or { } */

/* Offsets in the text: where the line holding off starts, off's column,
 * where its line break is (or the end), the start of the next line. */
size_t ed_line_start(const struct ydoc *doc, size_t off);
size_t ed_column(const struct ydoc *doc, size_t off);
size_t ed_line_break(const struct ydoc *doc, size_t off);
size_t ed_after_line(const struct ydoc *doc, size_t off);
/* Past off's line and the comment lines below it indented min_col or more. */
size_t ed_after_comments(const struct ydoc *doc, size_t off, size_t min_col);
/* The offset of a comma after off, before end, past blanks and comments; 0. */
size_t ed_comma_after(const struct ydoc *doc, size_t off, size_t end);

/* New text in the file's style: whole lines inserted at the start of a
 * line, lines indented by col, how deep the file indents a collection of
 * kind (Y_MAP, Y_SEQ), a value (raw: as it is), "k: v" pairs, a list item. */
void ed_insert_lines(struct edits *e, const struct ydoc *doc, size_t at, const struct buf *text);
void ed_put_block(struct buf *b, const char *text, size_t col, const char *nl);
size_t ed_step_of(const struct ydoc *doc, int kind);
void ed_put_value(struct buf *b, const char *value, int raw, int flow);
void ed_put_pairs(struct buf *b, const struct ykv *kv, size_t n, int flow);
void ed_put_item(struct buf *b, const struct ykv *kv, size_t n, int flow);

/* Whether off lies in a scalar's text below n; whether an empty node has
 * a place of its own after a ':' or '-'. */
int ed_in_scalar(const struct ynode *n, size_t off, int depth);
int ed_empty_in_place(const struct ydoc *doc, const struct ynode *n);
/* A block collection's innermost last value: where its text ends. */
const struct ynode *ed_last_leaf(const struct ynode *n);
/* 0 if n is a block collection of kind that new lines can follow, with
 * the column its items start at in *indent; else -1, reported. */
int ed_check_block(const struct ydoc *doc, const struct ynode *n, int kind, size_t *indent);

#endif
