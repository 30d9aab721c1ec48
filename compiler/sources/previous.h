/*
 * The previous run's report.json in the output directory: what each member
 * had, so a sudden drop in its IRR data (a deleted AS-SET, a broken IRR
 * mirror) is noticed before the new config reaches the route servers, and
 * how many VRPs the RPKI export had, so one that suddenly lost most of them
 * is refused. The file is read only when it is a regular file (no link) of
 * at most PREV_MAX_BYTES.
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
	int64_t		 export_vrps;	/* VRPs of the RPKI export; -1: unknown */
	int64_t		 buildtime;	/* of that export; 0: unknown */
};

#define PREV_MAX_BYTES (256u << 20)

/* 0 when loaded; -1 when there is no usable previous report (not an error). */
int	previous_load(const char *outdir, struct previous *p);
const struct prev_member *previous_find(const struct previous *p, uint32_t asn);
void	previous_free(struct previous *p);

#endif
