/*
 * Fill an IRR database from a live IRRd server with what the members need:
 * each AS-SET with a non-recursive !i (nested sets followed here, depth
 * limited, so live and dump data are expanded by the same code in expand.c),
 * then !g and !6 for every non-bogon ASN found, all pipelined.
 */
#ifndef IXP_IRR_FETCH_H
#define IXP_IRR_FETCH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "config.h"
#include "irrd_client.h"
#include "irrdb.h"
#include "progress.h"

/*
 * What one fetch may ask for in all: a server that names new AS-SETs in
 * every answer (or a generated loop) is stopped here instead of filling
 * memory with queries. Far above a real exchange (tens of thousands).
 */
#define IRR_FETCH_MAX_SETS	250000
#define IRR_FETCH_MAX_ASNS	1000000

struct fetch_stats {
	size_t		 sets;		/* !i answered with data */
	size_t		 missing;	/* !i answered D or F */
	size_t		 asns;
	size_t		 prefixes;
	double		 seconds;
	struct irrd_stats client;
};

/*
 * `names` are the root AS-SETs / ASNs of all members (with SOURCE:: where
 * given); `asns` their own ASNs. `db` must be initialised with the
 * configured sources. Returns 0, or -1 with `err`.
 */
int	irr_fetch(struct irrdb *db, const char *const *names, size_t n_names,
	    const uint32_t *asns, size_t n_asns, const struct config *c,
	    const struct irrd_opts *io, const struct progress *prog, struct fetch_stats *st,
	    char *err, size_t errlen);

#endif
