/*
 * PeeringDB `net` records: the member's AS-SET (irr_as_set, free text),
 * max-prefix figures, and the networks that ask never to be reached via
 * route servers. Parsing and normalising only; fetching is sources.c's.
 */
#ifndef IXP_PEERINGDB_H
#define IXP_PEERINGDB_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "diag.h"

struct pdb_net {
	uint32_t	 asn;
	char		*irr_as_set;	/* as PeeringDB has it; may be NULL */
	uint32_t	 prefixes[2];	/* info_prefixes4/6; 0: unknown */
	bool		 never_via_rs;
};

struct pdb {
	struct pdb_net	*v;		/* sorted by ASN */
	size_t		 n;
	uint32_t	*never_via_rs;	/* sorted, unique */
	size_t		 n_never;
	size_t		 n_skipped;	/* records without a valid asn */
};

/*
 * Merge a PeeringDB answer: {"data": [net, ...]} and optionally
 * "never_via_route_servers": [asn, ...] (ixp-rsc's cache adds it). Returns
 * 0, or -1 (through `d`) when it is not such a document.
 */
int	pdb_parse(struct pdb *p, const char *json, size_t len, const char *name,
	    struct diag *d);
void	pdb_finalize(struct pdb *p);
const struct pdb_net *pdb_find(const struct pdb *p, uint32_t asn);
void	pdb_free(struct pdb *p);

/*
 * irr_as_set is free text ("RIPE::AS-FOO", "AS-FOO@RIPE", "ipv4: AS-A ipv6:
 * AS-B", "AS-X, AS-Y"): split and normalise it into AS-SET names as the
 * YAML accepts them. Invalid tokens are dropped and counted in *n_bad.
 * Returns a malloc'ed array of malloc'ed strings.
 */
char	**pdb_as_sets(const char *text, size_t *n, size_t *n_bad);
/* The document cached for a fetched PeeringDB (pdb_parse reads it back). */
void	pdb_to_json(const struct pdb *p, struct buf *out);

struct member;
/*
 * The AS-SETs a member is expanded from: its YAML as_set, else the
 * normalised PeeringDB irr_as_set (pdb may be NULL), else none (the ASN
 * alone). *from_pdb says which; *n_bad counts PeeringDB tokens dropped.
 * Returns a malloc'ed array of malloc'ed names.
 */
char	**pdb_member_as_sets(const struct member *m, const struct pdb *p, size_t *n,
	    size_t *n_bad, bool *from_pdb);
/* Max-prefix limit from a PeeringDB figure: (v + 100) * 1.15, rounded up. */
uint32_t pdb_limit(uint32_t v, uint32_t absolute, uint32_t percent);

#endif
