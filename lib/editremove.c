/* editremove.c: taking out of a YAML text a list item or a pair of a
 * mapping, with its line and the comments that belong to it, so that the
 * rest stays as the user wrote it. */
#include <string.h>

#include "yedit.h"

/* The start of the line of a block list item's "-", where nothing but
 * blanks stands before the "-" and it stands at col. */
static int item_line(const struct ydoc *doc, const struct ynode *item, size_t col, size_t *line)
{
	size_t dash = item->start;
	while (dash > 0 && doc->src[dash - 1] == ' ')
		dash--;
	*line = ed_line_start(doc, dash ? dash - 1 : 0);
	if (!dash || doc->src[dash - 1] != '-' || dash - 1 - *line != col)
		return ed_refuse(doc, item, _("it does not start on the line of its \"-\""));
	for (size_t k = *line; k < dash - 1; k++)
		if (doc->src[k] != ' ')
			return ed_refuse(doc, item, _("it does not start on a line of its own"));
	return 0;
}

/* Item i of a flow list taken out with the comma that parts it from the
 * next, or for the last from the one before: "[a, b, c]" less b is
 * "[a, c]", less a and c too "[]".  A comment beside it would go with it
 * or move to another item: that is refused. */
static int flow_remove(struct edits *e, const struct ydoc *doc, const struct ynode *seq,
		       uint32_t i)
{
	const char *s = doc->src;
	const struct ynode *item = seq->u.kids[i], *prev = i ? seq->u.kids[i - 1] : NULL;
	if (ed_editable(doc, item) < 0)
		return -1;
	if (!seq->end || s[seq->end - 1] != ']')
		return ed_refuse(doc, seq, _("the end of the list or mapping was not found"));
	if (item->start == item->end)
		return ed_refuse(doc, item, _("it has no place of its own in the text"));
	for (const struct ynode *n = item; n; n = n == item ? prev : NULL)
		if (n->kind == Y_MAP && s[n->start] != '{')
			return ed_refuse(doc, n, _("it is a pair in a flow list, with no { } of its own"));
	/* from..to goes; gap..gap_end is what lies between it and the item
	 * beside it, where no comment may be */
	size_t from, to, gap, gap_end;
	if (i + 1 < seq->n) {
		from = item->start;
		gap = item->end;
		to = gap_end = seq->u.kids[i + 1]->start;
	} else if (prev) {
		from = gap = prev->end;
		gap_end = item->start;
		to = item->end;
	} else {
		size_t comma = ed_comma_after(doc, item->end, seq->end - 1);
		from = item->start;
		gap = item->end;
		to = gap_end = comma ? comma + 1 : item->end;
	}
	if (memchr(s + gap, '#', gap_end - gap))
		return ed_refuse(doc, item, _("a comment stands beside it; take it out by hand"));
	edits_add(e, from, to - from, "", 0);
	return 0;
}

int yedit_seq_remove(struct edits *e, const struct ydoc *doc, const struct ynode *seq,
		     uint32_t i)
{
	size_t indent = 0, from, next = doc->len;
	if (seq->kind == Y_SEQ && seq->style == Y_FLOW && i < seq->n)
		return ed_editable(doc, seq) < 0 ? -1 : flow_remove(e, doc, seq, i);
	if (ed_check_block(doc, seq, Y_SEQ, &indent) < 0)
		return -1;
	if (i >= seq->n)
		return ed_refuse(doc, seq, _("the list has no such item"));
	/* A document that was only this list would be left with nothing, or
	 * with a document end marker (...) and no document before it. */
	if (seq == doc->root && seq->n == 1)
		return ed_refuse(doc, seq, _("the list is the whole document; its last item stays"));
	const struct ynode *item = seq->u.kids[i];
	if (ed_editable(doc, item) < 0 || item_line(doc, item, indent, &from) < 0 ||
	    (i + 1 < seq->n && item_line(doc, seq->u.kids[i + 1], indent, &next) < 0))
		return -1;
	/* where its text ends: a block collection's end is the next token's start */
	const struct ynode *last = ed_last_leaf(item);
	if (last->start == last->end && !ed_empty_in_place(doc, last))
		return ed_refuse(doc, item, _("its last value is empty and has no place of its own in "
					      "the text"));
	size_t end = last->end;
	if (end > from && doc->src[end - 1] == '\n') /* a block text ends past its line break */
		end--;
	size_t to = ed_after_comments(doc, end, indent + 1);
	edits_add(e, from, (to < next ? to : next) - from, "", 0);
	return 0;
}

/* A pair of a block mapping taken out: its line, with the comment on it.
 * Only a pair that is one line of its own; a key that is not there is
 * nothing to do. */
int yedit_map_remove(struct edits *e, const struct ydoc *doc, const struct ynode *map,
		     const char *key)
{
	const struct ynode *k = ymap_key((struct ynode *)map, key);
	const struct ynode *v = ymap_get((struct ynode *)map, key);
	if (!k)
		return 0;
	if (ed_editable(doc, map) < 0 || ed_editable(doc, k) < 0 || ed_editable(doc, v) < 0)
		return -1;
	if (map->style == Y_FLOW)
		return ed_refuse(doc, map, _("it is written in flow style { }"));
	if (map == doc->root && map->n == 1)
		return ed_refuse(doc, map, _("the mapping is the whole document; its last key stays"));
	/* an empty value's place may be the next token's, lines below */
	size_t from = ed_line_start(doc, k->start), end = v->end > v->start ? v->end : k->end;
	for (size_t i = from; i < k->start; i++)
		if (doc->src[i] != ' ')
			return ed_refuse(doc, k, _("it does not start on a line of its own"));
	if (v->kind != Y_SCALAR || v->style == Y_LITERAL || v->style == Y_FOLDED ||
	    memchr(doc->src + k->start, '\n', end - k->start))
		return ed_refuse(doc, v, _("its value is more than one line"));
	edits_add(e, from, ed_after_line(doc, end) - from, "", 0);
	return 0;
}
