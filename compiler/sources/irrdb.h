/*
 * In-memory IRR database built from RPSL dumps: route/route6 objects indexed
 * by origin, as-set objects by name (highest-priority source first), and
 * aut-num member-of claims for mbrs-by-ref. Read-only after irrdb_finalize().
 */
#ifndef IXP_IRRDB_H
#define IXP_IRRDB_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "addr.h"
#include "arena.h"
#include "diag.h"
#include "progress.h"
#include "hmap.h"
#include "rpsl.h"

#define IRR_MAX_SOURCES 64

struct irr_route {
	u128		 a;
	uint32_t	 origin;
	uint32_t	 pid;		/* index into db->pfx (after finalize) */
	uint8_t		 len;
	uint8_t		 af;
	uint16_t	 src;
};

struct irr_set {
	const char	*name;		/* upper case */
	uint16_t	 src;
	const char	**members;	/* upper case tokens: ASNs and set names */
	size_t		 n_members;
	const char	**refs;		/* mbrs-by-ref maintainers; "ANY" allowed */
	size_t		 n_refs;
	struct irr_set	*next;		/* same name in a lower-priority source */
};

struct irr_claim {			/* aut-num with member-of: <set> */
	uint32_t	 asn;
	uint16_t	 src;
	const char	**mnt_by;
	size_t		 n_mnt_by;
};

struct irr_claims {
	struct irr_claim *v;
	size_t		  n, cap;
};

struct irr_dump_stats {
	char		*path;		/* owned by the database */
	struct rpsl_stats rpsl;
	uint64_t	 routes[2];	/* route, route6 accepted */
	uint64_t	 sets;
	uint64_t	 autnums;
	uint64_t	 other_class;
	uint64_t	 other_source;
	uint64_t	 bad_value;	/* bad prefix / origin / missing source */
	unsigned	 first_bad_value_line;
};

struct irrdb {
	char		*sources[IRR_MAX_SOURCES];	/* priority order */
	size_t		 n_sources;
	bool		 any_source;	/* no list given: accept all, first seen first */

	struct irr_route *routes;	/* sorted by origin, af, address, length */
	size_t		 n_routes, cap_routes;
	struct prefix	*pfx;		/* distinct prefixes, sorted (after finalize) */
	size_t		 n_pfx;
	uint32_t	*by_pfx;	/* route indices in prefix, then origin order */
	uint32_t	*pfx_first;	/* prefix id -> its first index in by_pfx */
	struct hmap	 sets;		/* name -> struct irr_set * */
	struct hmap	 claims;	/* set name -> struct irr_claims * */
	struct arena	 mem;		/* strings and arrays of the objects */

	struct irr_dump_stats *dumps;
	size_t		 n_dumps;
	bool		 finalized;
};

/* `sources` in priority order; n == 0 accepts every source. */
void	irrdb_init(struct irrdb *db, char *const *sources, size_t n);
/*
 * Add one dump. Returns 0, or -1 when the file cannot be read completely
 * (the error is reported through `d` as an environment error). `prog`,
 * when not NULL, hears how far a large dump is.
 */
int	irrdb_load_dump(struct irrdb *db, const char *path, struct diag *d,
	    const struct progress *prog);
/* Same from memory (tests, fuzzing). */
void	irrdb_load_mem(struct irrdb *db, const char *data, size_t len);
/* Objects from a live server (already resolved: no mbrs-by-ref). */
void	irrdb_put_set(struct irrdb *db, const char *name, int src,
	    const char *members, size_t len);
void	irrdb_put_route(struct irrdb *db, const struct prefix *p, uint32_t origin, int src);
/* The source's index, added to the list when new (-1 if the list is full). */
int	irrdb_source_add(struct irrdb *db, const char *name);
void	irrdb_finalize(struct irrdb *db);
/* The database as an RPSL dump (the live-source cache). Caller frees. */
char	*irrdb_to_rpsl(const struct irrdb *db, size_t *len);
void	irrdb_free(struct irrdb *db);

/* Routes whose origin is `asn`, one family (AF4/AF6) or both (0). */
const struct irr_route *irrdb_routes_of(const struct irrdb *db, uint32_t asn,
	    int af, size_t *n);
/* The highest-priority as-set of that name, or the one from `source`. */
const struct irr_set *irrdb_set(const struct irrdb *db, const char *name,
	    const char *source);
const struct irr_claims *irrdb_claims(const struct irrdb *db, const char *set);
int	irrdb_source_index(const struct irrdb *db, const char *name);

#endif
