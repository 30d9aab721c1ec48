/*
 * The previous run's report.json in the output directory: what each member
 * had, so a sudden drop in its IRR data (a deleted AS-SET, a broken IRR
 * mirror) is noticed before the new config reaches the route servers.
 */
#ifndef IXP_PREVIOUS_H
#define IXP_PREVIOUS_H

#include <stddef.h>
#include <stdint.h>

struct prev_member {
	uint32_t	 asn;
	uint64_t	 prefixes[2];
};

struct previous {
	struct prev_member *v;		/* sorted by ASN */
	size_t		 n;
};

/* 0 when loaded; -1 when there is no usable previous report (not an error). */
int	previous_load(const char *outdir, struct previous *p);
const struct prev_member *previous_find(const struct previous *p, uint32_t asn);
void	previous_free(struct previous *p);

#endif
