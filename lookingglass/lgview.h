/*
 * Pages: what a request shows, in HTML, in our JSON API, or in the
 * birdwatcher format Alice-LG reads. Data comes from lgcore (BIRD) and
 * lgdata (reasons, members); every text from either is escaped on output.
 */
#ifndef IXP_LG_VIEW_H
#define IXP_LG_VIEW_H

#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>

#include "buf.h"
#include "lgcore.h"
#include "lgdata.h"
#include "lgquery.h"

#define LG_PAGE_SIZE 100

struct config;

/* What the server counts for /metrics (lgmetrics.c); serve mode only. */
enum { LG_ST_200, LG_ST_400, LG_ST_403, LG_ST_404, LG_ST_405, LG_ST_414, LG_ST_429,
	LG_ST_500, LG_ST_503, LG_ST_OTHER, LG_ST_NUM };

struct lg_stats {
	pthread_mutex_t	 mu;
	uint64_t	 requests[PG_NUM][LG_ST_NUM];
	uint64_t	 rate_limited, busy, netcap;
	unsigned	 connections;
};

void	lg_stats_request(struct lg_stats *st, enum lg_page page, int status);

struct lg_app {
	struct lg	 core;
	struct lg_stats	 stats;
	bool		 serving;	/* ixp-lg serve (CGI has no counters) */
	struct lg_reasons reasons;
	struct lg_directory *members;	/* NULL: no members.json */
	char		 title[128];	/* the IXP's name, or "Looking glass" */
	char		 base[256];	/* URL path the pages live under ("" at the root) */
	const char	*pages_dir;	/* --pages: ixp-rsc's OUTDIR with the policy pages */
	const char	*version;
};

struct lg_response {
	int		 status;
	const char	*ctype;
	struct buf	 body;
	unsigned	 retry_after;	/* seconds; 0: none */
	unsigned	 max_age;	/* Cache-Control max-age; 0: no-store */
	const char	*csp;		/* Content-Security-Policy; NULL: the default */
};

void	lg_response_init(struct lg_response *r);
void	lg_response_free(struct lg_response *r);

/* Answer a parsed request. */
void	lg_handle(struct lg_app *app, const struct lg_request *rq, struct lg_response *resp);
/*
 * Every filtered route (BIRD's; with reject_policy: tag, the accepted ones
 * with a reason tag) of each table the BGP sessions use, once, to `fn`.
 * True if a walk stopped at --max-routes.
 */
bool	lg_walk_filtered(struct lg_app *app, struct lg_rs *rs, const struct bp_protocols *p,
	    bool uncached, bp_route_fn fn, void *ctx);
/*
 * reject_policy: tag: BIRD counts the kept routes as imported; move each
 * to its channel's filtered count (a walk of the tagged routes per table,
 * cached). True if a walk stopped at --max-routes (the counts are low).
 */
struct bp_protocols;
bool	lg_count_tagged(struct lg_app *app, struct lg_rs *rs, bool uncached,
	    struct bp_protocols *p);
/* The /metrics page (lgmetrics.c). */
void	lg_metrics(struct lg_app *app, struct lg_response *resp);
/* A 4xx/5xx answer in the request's format. */
void	lg_error(struct lg_app *app, enum lg_format fmt, int status, const char *param,
	    const char *msg, struct lg_response *resp);

#endif
