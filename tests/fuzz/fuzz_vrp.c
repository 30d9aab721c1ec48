/*
 * libFuzzer target: VRP exports and SLURM files (input split at the first
 * NUL byte: VRP JSON, then SLURM JSON), and origin validation on the result.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "vrp.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static FILE *devnull;
	const uint8_t *nul = memchr(data, 0, size);
	size_t n1 = nul ? (size_t)(nul - data) : size;
	struct vrpset s;
	struct diag d;
	struct prefix p;

	if (devnull == NULL)
		devnull = fopen("/dev/null", "w");
	diag_init(&d, devnull);
	memset(&s, 0, sizeof(s));
	if (vrp_load_mem(&s, (const char *)data, n1, "fuzz", 1800000000, 86400, &d) == 0) {
		if (nul != NULL)
			vrp_apply_slurm_mem(&s, (const char *)nul + 1, size - n1 - 1, "fuzz", &d);
		vrp_finalize(&s);
		prefix_parse("192.0.2.0/24", 12, &p);
		vrp_validate(&s, &p, 64496);
		prefix_parse("2001:db8::/48", 13, &p);
		vrp_validate(&s, &p, 64496);
	}
	vrp_free(&s);
	return 0;
}
