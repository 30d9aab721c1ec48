/*
 * libFuzzer target: PeeringDB API answers (and ixp-rsc's cached copy of
 * them), the irr_as_set free text of every record, and the cache document
 * written back and read again. Invariants: what was parsed survives the
 * round trip through the cache, and every AS-SET name taken from the free
 * text is one the YAML would accept.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "irrname.h"
#include "peeringdb.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static FILE *devnull;
	struct pdb p, back;
	struct diag d;
	struct buf doc = BUF_INIT;

	if (devnull == NULL)
		devnull = fopen("/dev/null", "w");
	diag_init(&d, devnull);
	memset(&p, 0, sizeof(p));
	memset(&back, 0, sizeof(back));
	if (pdb_parse(&p, (const char *)data, size, "fuzz", &d) == 0) {
		pdb_finalize(&p);
		for (size_t i = 0; i < p.n; i++) {
			size_t n, bad;
			char **v;
			if (p.v[i].irr_as_set == NULL)
				continue;
			v = pdb_as_sets(p.v[i].irr_as_set, &n, &bad);
			for (size_t k = 0; k < n; k++) {
				struct irrname in;
				const char *why;
				if (!irrname_parse(v[k], strlen(v[k]), &in, &why))
					abort();
				free(v[k]);
			}
			free(v);
		}
		pdb_to_json(&p, &doc);
		if (pdb_parse(&back, doc.p, doc.len, "cache", &d) != 0)
			abort();
		pdb_finalize(&back);
		if (back.n != p.n || back.n_never != p.n_never)
			abort();
	}
	buf_free(&doc);
	pdb_free(&p);
	pdb_free(&back);
	return 0;
}
