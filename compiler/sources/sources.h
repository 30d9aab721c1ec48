/*
 * The data-source phase: IRR (dumps, or a live IRRd server), RPKI (a VRP
 * file or URL, SLURM), PeeringDB (URL or file) and the forbidden-traffic
 * rule set. It decides, per source, between live data, the cache and
 * failure, and records what it used for report.json.
 */
#ifndef IXP_SOURCES_H
#define IXP_SOURCES_H

#include <stdbool.h>
#include <stddef.h>

#include "config.h"
#include "diag.h"
#include "irrdb.h"
#include "model.h"
#include "peeringdb.h"
#include "previous.h"
#include "progress.h"
#include "traffic.h"
#include "vrp.h"

struct source_opts {
	bool		 offline;	/* caches only, no network */
	unsigned	 jobs;		/* parallel IRR connections */
	const struct progress *progress;	/* NULL: none */
	const struct previous *prev;	/* the previous run's report, or NULL */
};

/* How loading ended; the phase driver maps it to an exit code. */
enum src_status {
	SRC_OK = 0,
	SRC_BAD_INPUT,		/* local input the operator wrote (SLURM, rules) */
	SRC_UNAVAILABLE,	/* a source is unusable and no cached copy will do */
};

struct data {
	struct irrdb	 irr;
	bool		 have_irr;
	struct vrpset	 vrps;
	bool		 have_vrps;
	struct pdb	 pdb;
	bool		 have_pdb;
	struct ruleset	 traffic;
	bool		 have_traffic;
	struct source_info *info;	/* one per source, for report.json */
	size_t		 n_info;
};

/* Load everything; the reasons for anything but SRC_OK went through `d`. */
enum src_status sources_load(const struct config *c, const struct source_opts *o,
	    struct data *dt, struct diag *d);
void	sources_free(struct data *dt);

#endif
