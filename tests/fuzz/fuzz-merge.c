/* fuzz-merge: git's merge drivers for plans (lib/merge.c) and hour sheets
 * (lib/sheetmerge.c) on any three versions.  The input is base, ours and theirs, each ended by a line
 * "@@@@" (the last may go without).  The merge either gives up (git
 * merge-file's turn), or its clean result reads as a plan, or its result
 * holds conflict markers; a merge where theirs changed nothing is ours,
 * byte for byte; one where both sides are alike is that side.  A sheet
 * merges as its lines, or is left to git's union merge (-1); where
 * theirs changed nothing, it is ours, a last line break added at most. */
#include "fuzz.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc, (void)argv;
	fuzz_init();
	return 0;
}

static const char sep[] = "\n@@@@\n";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = fuzz_strdup(data, size);
	const char *text[3];
	size_t len[3];
	const char *p = s, *end = s + size;
	for (int i = 0; i < 3; i++) {
		const char *at = i < 2 ? memmem(p, (size_t)(end - p), sep, sizeof sep - 1) : NULL;
		if (i < 2 && !at) {
			free(s);
			return 0;
		}
		text[i] = p;
		len[i] = at ? (size_t)(at - p) + 1 : (size_t)(end - p); /* with its line break */
		p = at ? at + sizeof sep - 1 : end;
	}
	struct buf out = {0};
	int rc = plan_merge_text(text, len, "plan", &out);
	FUZZ_ASSERT(rc >= -1 && rc <= 1);
	if (rc == 0) {
		int status;
		struct plan *plan = plan_parse("plan", xstrndup(out.s, out.len), out.len,
					       &status);
		FUZZ_ASSERT(plan);
		plan_free(plan);
	}
	if (rc == 1) /* a plan with CRLF line ends gets its markers with CRLF */
		FUZZ_ASSERT(out.len &&
			    (memmem(out.s, out.len, "<<<<<<< ours\n", 13) ||
			     memmem(out.s, out.len, "<<<<<<< ours\r\n", 14)) &&
			    (memmem(out.s, out.len, ">>>>>>> theirs\n", 15) ||
			     memmem(out.s, out.len, ">>>>>>> theirs\r\n", 16)));
	int unchanged = len[0] == len[2] && !memcmp(text[0], text[2], len[0]);
	if (rc >= 0 && unchanged)
		FUZZ_ASSERT(rc == 0 && out.len == len[1] && !memcmp(out.s, text[1], len[1]));
	int alike = len[1] == len[2] && !memcmp(text[1], text[2], len[1]);
	if (rc >= 0 && alike)
		FUZZ_ASSERT(rc == 0 && out.len == len[1] && !memcmp(out.s, text[1], len[1]));
	buf_free(&out);
	rc = sheet_merge_text(text, len, &out);
	FUZZ_ASSERT(rc == 0 || rc == -1);
	if (rc == 0 && unchanged)
		FUZZ_ASSERT(out.len >= len[1] && out.len <= len[1] + 2 &&
			    !memcmp(out.s ? out.s : "", text[1], len[1]));
	buf_free(&out);
	free(s);
	return 0;
}
