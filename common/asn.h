/*
 * AS numbers: parsing of the notations found in YAML, RPSL, VRP files and
 * PeeringDB, and sorted ASN lists/ranges.
 */
#ifndef IXP_ASN_H
#define IXP_ASN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define ASN_MAX 4294967295u

/* Accepted prefixes for asn_parse(). */
#define ASN_PLAIN	0x1	/* "64500" */
#define ASN_PREFIXED	0x2	/* "AS64500", "as64500" */
#define ASN_ASDOT	0x4	/* "1.10" / "AS1.10" (old RPSL) */

/* Parse a span; true on success. No sign, no whitespace, no leading zeros. */
bool	asn_parse(const char *s, size_t n, int flags, uint32_t *out);

struct asn_range {
	uint32_t lo, hi;
};

/* Parse "64496-131071" or a single ASN (ASN_PLAIN|ASN_PREFIXED). */
bool	asn_range_parse(const char *s, size_t n, struct asn_range *out);
bool	asn_in_ranges(uint32_t asn, const struct asn_range *r, size_t n);

/* Sort and deduplicate an ASN array in place; returns the new count. */
size_t	asn_sort_unique(uint32_t *v, size_t n);
bool	asn_sorted_contains(const uint32_t *v, size_t n, uint32_t asn);

#endif
