/*
 * What a compile run did, for Prometheus's node exporter (its textfile
 * collector reads *.prom files from a directory): one file rewritten
 * atomically at the end of every run, failed runs too, so an alert can fire
 * on "no success for N hours" or on a run that failed. A pure emitter of
 * struct run_metrics.
 */
#ifndef IXP_EMIT_TEXTFILE_H
#define IXP_EMIT_TEXTFILE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "buf.h"

struct run_source {
	char		 kind[16];	/* irr, vrps, peeringdb ... */
	char		 where[256];
	char		 from[8];	/* live, dump, file, cache */
	long		 age_s;		/* how old the data used was */
};

struct run_config {
	char		 rs[64];
	bool		 changed;	/* differs from OUTDIR's (generation time aside) */
};

/* Where a compile's time went, in the order they run. */
enum run_phase { PHASE_SOURCES, PHASE_MODEL, PHASE_EMIT, PHASE_WRITE, PHASE_NUM };

struct run_metrics {
	int		 exit_code;
	double		 seconds;
	int64_t		 now;			/* Unix time of this run */
	int64_t		 last_success;		/* this run's, or the last file's; 0: never */
	bool		 have_model;		/* the counts below are known */
	size_t		 members, sessions;
	unsigned	 warnings, errors;
	struct run_source *sources;		/* owned */
	size_t		 n_sources;
	struct run_config *configs;		/* owned; empty unless written */
	size_t		 n_configs;
	double		 phase_s[PHASE_NUM];	/* 0 for a phase not reached */
};

void	emit_textfile(struct buf *out, const struct run_metrics *m);
/* The last success time in an earlier file's text; 0 when none. */
int64_t	textfile_last_success(const char *text);

#endif
