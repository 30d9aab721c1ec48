/*
 * libFuzzer target: RFC 8416 SLURM files applied to a fixed set of VRPs,
 * then origin validation on the result. Invariants: a refused file changes
 * nothing, and the VRPs left are never more than before plus the
 * assertions the file added.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vrp.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char vrps[] = "{\"roas\":["
	"{\"asn\":64496,\"prefix\":\"192.0.2.0/24\",\"maxLength\":24},"
	"{\"asn\":64497,\"prefix\":\"198.51.100.0/24\",\"maxLength\":28},"
	"{\"asn\":64498,\"prefix\":\"2001:db8::/32\",\"maxLength\":48},"
	"{\"asn\":0,\"prefix\":\"203.0.113.0/24\",\"maxLength\":32}]}";

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static FILE *devnull;
	struct vrpset s;
	struct diag d;
	struct prefix p;
	size_t before;

	if (devnull == NULL)
		devnull = fopen("/dev/null", "w");
	diag_init(&d, devnull);
	memset(&s, 0, sizeof(s));
	if (vrp_load_mem(&s, vrps, sizeof(vrps) - 1, "vrps", 1800000000, 0, &d) != 0)
		abort();
	before = s.n;
	if (vrp_apply_slurm_mem(&s, (const char *)data, size, "fuzz", &d) == 0 &&
	    s.n + s.n_slurm_filtered != before + s.n_slurm_added)
		abort();
	vrp_finalize(&s);
	prefix_parse("192.0.2.0/25", 12, &p);
	vrp_validate(&s, &p, 64496);
	prefix_parse("2001:db8:1::/48", 15, &p);
	vrp_validate(&s, &p, 64498);
	vrp_free(&s);
	return 0;
}
