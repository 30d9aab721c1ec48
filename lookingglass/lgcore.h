/*
 * The looking glass's view of its route servers: a few persistent,
 * restricted sessions per BIRD, commands built only from fixed templates
 * and typed values, and a short cache of raw replies with one fetch per
 * key at a time. Replies are kept as BIRD's lines (code and text) and
 * replayed into the parsers, so every output format reads the same data.
 */
#ifndef IXP_LG_CORE_H
#define IXP_LG_CORE_H

#include <pthread.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "addr.h"
#include "birdc.h"
#include "bparse.h"
#include "lgcmd.h"

#define LG_POOL 3		/* sessions per route server */

struct lg_options {
	int64_t	 timeout_ms;	/* per BIRD command */
	size_t	 max_routes;	/* per route list */
	int64_t	 ttl_ms;	/* route lists */
	int64_t	 ttl_short_ms;	/* status, protocols */
	size_t	 cache_bytes;
	uint32_t tag_asn;	/* reject_policy: tag: the RS ASN of the reason tags; 0: reject */
};

struct lg_rs {
	char		 name[65];
	char		*path;
	pthread_mutex_t	 mu;
	pthread_cond_t	 cv;
	struct bird_sess sess[LG_POOL];
	bool		 busy[LG_POOL];
	char		 version[32];	/* from the last greeting */
	bool		 down;		/* the last fetch found BIRD unreachable */
	/* BIRD commands run, and their time (for /metrics) */
	uint64_t	 cmd_n[CMD_NUM];
	int64_t		 cmd_ms[CMD_NUM];
};

/* A reply: BIRD's lines, "CCCCtext\n" each, and how it ended. */
struct lg_reply {
	char		*data;
	size_t		 len;
	enum bird_status status;
	int		 code;		/* final code when status is BS_OK */
	char		 text[256];
	size_t		 routes;	/* route lines seen */
	bool		 truncated;	/* cut at max_routes */
	int64_t		 fetched_ms;	/* monotonic */
	int64_t		 fetched_wall;	/* Unix time */
	unsigned	 refs;
};

struct lg_cache_entry;

struct lg {
	struct lg_rs	*rs;
	size_t		 n_rs;
	struct lg_options opt;
	pthread_mutex_t	 cache_mu;
	pthread_cond_t	 cache_cv;
	struct lg_cache_entry *cache;	/* list, most recent first */
	size_t		 cache_used;
	uint64_t	 hits, misses;
};


/* The typed arguments of a command. */
struct lg_args {
	const char		*proto;	/* checked against the RS's symbols */
	const char		*table;	/* one of the RS's channel tables */
	bool			 is_ip;
	struct ipaddr		 ip;
	struct prefix		 prefix;
	uint32_t		 asn;
	bool			 comm_large;	/* community: (c[0], c[1][, c[2]]) */
	uint32_t		 comm[3];
};

void	lg_init(struct lg *lg, const struct lg_options *opt);
/* "name=/path/to/socket" */
bool	lg_add_rs(struct lg *lg, const char *spec, char *err, size_t errlen);
void	lg_free(struct lg *lg);
struct lg_rs *lg_find_rs(struct lg *lg, const char *name);

/* The command text for a template and its arguments; false if refused. */
bool	lg_build_cmd(enum lg_cmd c, const struct lg_args *a, uint32_t tag_asn, char *out,
	    size_t cap);

/*
 * Run (or take from the cache) a command on a route server. The reply is
 * shared: release it with lg_reply_put. NULL only if out of resources.
 * uncached: fetch even if a fresh copy is cached.
 */
struct lg_reply *lg_query(struct lg *lg, struct lg_rs *rs, enum lg_cmd c,
	    const struct lg_args *a, bool uncached);
void	lg_reply_put(struct lg *lg, struct lg_reply *r);
/* A failed reply in words for members: no socket path, no errno text
 * (r->text has those, for the log). */
const char *lg_reply_public(const struct lg_reply *r);
/* Replay a reply's lines into a parser (birdc's line callback type). */
int	lg_replay(const struct lg_reply *r, bird_line_fn fn, void *ctx);

#endif
