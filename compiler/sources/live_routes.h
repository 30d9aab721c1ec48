/*
 * The routes a running route server holds, read over its BIRD control
 * socket with the looking glass's client (restricted session, deadline,
 * streaming parser): every route of every BGP session, accepted and
 * filtered. Nothing is kept but what the callback keeps.
 */
#ifndef IXP_LIVE_ROUTES_H
#define IXP_LIVE_ROUTES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "bparse.h"

struct live_rs {
	char	  version[32];		/* BIRD's */
	char	**sessions;		/* its BGP protocols */
	size_t	  n_sessions;
	size_t	  routes;		/* handed to the callback */
};

struct live_cb {
	/* Once, before any route: BIRD's version and sessions. */
	void	(*sessions)(void *ctx, const struct live_rs *l);
	/* A route as BIRD holds it; filtered: rejected by the import filter. */
	void	(*route)(void *ctx, const struct bird_route *r, bool filtered);
	void	*ctx;
};

/*
 * Read `socket` within `timeout_ms` for the whole dump. 0, or -1 with `err`
 * (BIRD down, too slow, not BIRD). The caller frees `out` with
 * live_rs_free also after a failure.
 */
int	live_routes_read(const char *socket, int64_t timeout_ms, const struct live_cb *cb,
	    struct live_rs *out, char *err, size_t errlen);
void	live_rs_free(struct live_rs *l);

#endif
