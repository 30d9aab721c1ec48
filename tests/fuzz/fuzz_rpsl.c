/*
 * libFuzzer target: the RPSL lexer and IRR database, then the expansion of
 * every AS-SET found (loops, depth and caps on hostile data).
 */
#include <stdint.h>
#include <stdlib.h>

#include "expand.h"
#include "irrdb.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const struct asn_range bogons[] = { { 64512, 65534 } };
	struct expand_opts o = { 10, 5000, 5000, bogons, 1 };
	struct irrdb db;

	irrdb_init(&db, NULL, 0);
	irrdb_load_mem(&db, (const char *)data, size);
	irrdb_finalize(&db);
	for (size_t i = 0; i < db.sets.cap; i++) {
		const char *name = db.sets.slots[i].key;
		struct expansion e;
		if (name == NULL)
			continue;
		expand_names(&db, &name, 1, 64496, &o, &e);
		expansion_free(&e);
	}
	irrdb_free(&db);
	return 0;
}
