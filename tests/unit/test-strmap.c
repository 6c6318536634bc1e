/* test-strmap: keys found again after the table grows, values kept. */
#include <stdint.h>
#include <stdlib.h>

#include "coachplan.h"
#include "tap.h"

int main(void)
{
	struct strmap m = {0};
	char key[32];
	int added, all = 1;
	ok(strmap_get(&m, "P-1", 3) == NULL, "an empty table has nothing");
	for (intptr_t i = 0; i < 5000; i++) {
		snprintf(key, sizeof key, "P-2026-%04ld", (long)i);
		void **v = strmap_put(&m, key, strlen(key), &added);
		all &= added && *v == NULL;
		*v = (void *)(i + 1);
	}
	ok(all, "5000 new keys are added, each with an empty value");
	is_int(m.used, 5000, "5000 keys in the table");
	all = 1;
	for (intptr_t i = 0; i < 5000; i++) {
		snprintf(key, sizeof key, "P-2026-%04ld", (long)i);
		all &= strmap_get(&m, key, strlen(key)) == (void *)(i + 1);
	}
	ok(all, "every key finds its value after the table grew");
	void **v = strmap_put(&m, "P-2026-0042", 11, &added);
	ok(!added && *v == (void *)43, "putting a key again finds it");
	ok(strmap_get(&m, "P-2026-004", 10) == NULL, "a prefix of a key is another key");
	ok(strmap_get(&m, "P-2026-00420", 11) == (void *)43, "only n bytes of the key count");
	ok(hash_bytes("P-1", 3) != hash_bytes("P-2", 3), "keys differing in the last byte hash apart");
	ok((hash_bytes("P-2026-0001", 11) & 63) != (hash_bytes("P-2026-0002", 11) & 63) ||
		   (hash_bytes("P-2026-0002", 11) & 63) != (hash_bytes("P-2026-0003", 11) & 63),
	   "and their low bits differ too");
	strmap_free(&m, NULL);
	ok(m.v == NULL && m.used == 0, "freed");
	return tap_done();
}
