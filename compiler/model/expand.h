/*
 * AS-SET expansion against the IRR database: recursive, loop-safe, depth
 * limited, honouring SOURCE:: names and mbrs-by-ref; then the route objects
 * originated by the resulting ASNs.
 */
#ifndef IXP_EXPAND_H
#define IXP_EXPAND_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "addr.h"
#include "asn.h"
#include "irrdb.h"

struct expand_opts {
	unsigned		 max_depth;
	uint32_t		 max_asns;
	uint32_t		 max_prefixes;	/* per family */
	const struct asn_range	*bogons;
	size_t			 n_bogons;
	bool			 collect_prefixes;	/* fill prefixes[] (per-member sets) */
};

/* What happened during an expansion, for report.json and stderr. */
struct expand_notes {
	char		**missing;	/* set names not found (with source) */
	size_t		  n_missing;
	char		**loops;	/* "AS-A -> AS-B -> AS-A" */
	size_t		  n_loops;
	char		**too_deep;	/* sets not expanded: depth limit */
	size_t		  n_too_deep;
	uint32_t	 *bogons;	/* bogon ASNs dropped */
	size_t		  n_bogons;
	size_t		  n_bad_tokens;	/* members that are neither ASN nor set */
	bool		  asns_truncated;
	bool		  prefixes_truncated[2];
};

struct expansion {
	uint32_t	 *asns;		/* sorted, unique, bogons removed */
	size_t		  n_asns;
	struct prefix	 *prefixes[2];	/* sorted, unique, per family */
	size_t		  n_prefixes[2];
	struct expand_notes notes;
};

/*
 * Expand `names` (AS-SET names, "SRC::NAME", or "AS<n>") plus `self_asn`
 * (always included unless 0). The result is owned by `out`.
 */
void	expand_names(const struct irrdb *db, const char *const *names, size_t n,
	    uint32_t self_asn, const struct expand_opts *o, struct expansion *out);
void	expansion_free(struct expansion *e);

#endif
