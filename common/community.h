/*
 * BGP communities as text: "A:B" (standard, RFC 1997) and "A:B:C" (large,
 * RFC 8092), and patterns of them where a field may be "{name}" (any
 * value), as reasons.json and the YAML's ixp.communities write them.
 */
#ifndef IXP_COMMUNITY_H
#define IXP_COMMUNITY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define COMM_NAME_MAX 16

struct community_pat {
	bool	 large;
	uint32_t v[3];			/* fields; [2] unused for a standard one */
	uint8_t	 any;			/* bit i: field i is a placeholder */
	int	 peer;			/* the field named {peer}: a member's ASN; -1 none */
};

/* Parse `s`; false when it is neither (fields out of range, empty names,
 * trailing text). */
bool	community_pat_parse(const char *s, struct community_pat *out);
/* Does the community (standard: v[0], v[1]) match the pattern? */
bool	community_pat_match(const struct community_pat *p, bool large, const uint32_t *v);

/* Well-known standard communities (RFC 1997, 7999, 8326): name, NULL if none. */
const char *community_well_known(uint32_t a, uint32_t b);

#endif
