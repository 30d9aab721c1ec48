/*
 * Validated ROA payloads (and ASPA records) from validator JSON exports,
 * RFC 8416 SLURM exceptions, and RFC 6811 origin validation. The only
 * module of the compiler that includes jansson for input.
 */
#ifndef IXP_VRP_H
#define IXP_VRP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "addr.h"
#include "diag.h"

#define VRP_MAX_FILE (1024u * 1024 * 1024)
/* SLURM is read whole (it is short: local exceptions). */
#define SLURM_MAX_FILE (16u * 1024 * 1024)
/* How far in the future a build time may be (validators' clocks differ). */
#define VRP_CLOCK_SKEW 3600

struct vrp {
	u128		 a;
	uint32_t	 asn;
	uint8_t		 len;
	uint8_t		 maxlen;
	uint8_t		 af;
};

struct vap {			/* ASPA: customer and its providers */
	uint32_t	 customer;
	uint32_t	*providers;	/* sorted, unique */
	size_t		 n_providers;
};

struct vrpset {
	struct vrp	*v;		/* sorted by af, address, length, asn, maxlen */
	size_t		 n, cap;
	struct vap	*aspa;		/* sorted by customer */
	size_t		 n_aspa;
	int64_t		 buildtime;	/* 0: the file did not say */
	/* statistics for report.json */
	size_t		 n_read, n_bad, n_expired, n_dup;
	size_t		 n_unusable;	/* /0, non-unicast */
	size_t		 n_export;	/* VRPs the export gave, before SLURM */
	size_t		 n_slurm_filtered, n_slurm_added;
	/* sources.rpki.trust_anchors (lower case; n = 0: all): ROAs of other
	 * trust anchors, or naming none, are skipped and counted. */
	const char *const *allowed_ta;
	size_t		 n_allowed_ta;
	size_t		 n_other_ta;
	uint32_t	 lengths[2][4];	/* bitmaps of lengths present per family */
};

enum rov_state {
	ROV_NOTFOUND = 0,
	ROV_VALID,
	ROV_INVALID,
};

/*
 * Load a VRP JSON export. Returns 0; -1 with an error through `d` when the
 * file is unreadable, not JSON, not a VRP export or older than `max_age`
 * seconds (0: no age check). Bad entries are skipped with a counted warning.
 */
int	vrp_load_file(struct vrpset *s, const char *path, time_t now,
	    unsigned max_age, struct diag *d);
int	vrp_load_mem(struct vrpset *s, const char *data, size_t len,
	    const char *name, time_t now, unsigned max_age, struct diag *d);
/* Apply an RFC 8416 SLURM file. Returns 0, or -1 (errors through `d`). */
int	vrp_apply_slurm_file(struct vrpset *s, const char *path, struct diag *d);
int	vrp_apply_slurm_mem(struct vrpset *s, const char *data, size_t len,
	    const char *name, struct diag *d);
/* Sort and deduplicate; call once after loading and SLURM. */
void	vrp_finalize(struct vrpset *s);
void	vrp_free(struct vrpset *s);

enum rov_state vrp_validate(const struct vrpset *s, const struct prefix *p,
	    uint32_t origin);
/* Is there any VRP covering p (whatever the origin)? */
bool	vrp_covered(const struct vrpset *s, const struct prefix *p);

/*
 * For many prefixes at once: `pfx` sorted by family, address, length (as
 * irrdb numbers them). Calls `cb` for each with the VRPs covering it. One
 * linear pass over both lists instead of a lookup per prefix.
 */
typedef void (*vrp_cover_cb)(size_t i, const struct vrp *const *cover, size_t n, void *ctx);
void	vrp_sweep(const struct vrpset *s, const struct prefix *pfx, size_t n,
	    vrp_cover_cb cb, void *ctx);
/* The RFC 6811 state of (p, origin) given the VRPs covering p. */
enum rov_state vrp_state(const struct vrp *const *cover, size_t n,
	    const struct prefix *p, uint32_t origin);

#endif
