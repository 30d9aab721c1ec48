/*
 * HTTP in front of the pages: a libmicrohttpd server, or one CGI request.
 * Both take the raw request line (path and query) to lgquery's strict
 * parser, and add the security headers. The server also limits each
 * client's request rate (429) and the requests in flight (503).
 */
#ifndef IXP_LG_SERVER_H
#define IXP_LG_SERVER_H

#include <stdint.h>

#include "lgview.h"

#define LG_MAX_PROXIES 16

/* An address as family and bytes: what client keys and proxy lists compare. */
struct lg_addr {
	int		 af;		/* AF_INET, AF_INET6; 0: unknown */
	unsigned char	 a[16];
};

/* Reverse proxies whose X-Forwarded-For names the client (--trust-proxy). */
struct lg_proxies {
	struct lg_addr	 v[LG_MAX_PROXIES];
	size_t		 n;
};

struct lg_server_opts {
	const char	*listen;	/* "127.0.0.1:8080", "[::1]:8080" */
	double		 rate;		/* requests per second per client */
	double		 burst;
	unsigned	 max_inflight;	/* worker threads: requests answered at once */
	unsigned	 max_connections;
	unsigned	 max_per_network;	/* connections per IPv4 address, IPv6 /64 */
	struct lg_proxies proxies;
	struct lg_proxies metrics_allow;	/* who may read /metrics */
};

/*
 * The address a trusted reverse proxy saw: the right-most entry of an
 * X-Forwarded-For header. False when that entry is not one address.
 */
bool	lg_forwarded_for(const char *xff, struct lg_addr *out);
/* "ADDR[,ADDR...]" into out (appending). False with a message in err,
 * which names the option opt. */
bool	lg_addrs_parse(const char *opt, const char *list, struct lg_proxies *out, char *err,
	    size_t errlen);

/* Serve until SIGINT/SIGTERM. Returns an exit code. */
int	lg_serve(struct lg_app *app, const struct lg_server_opts *o);
/* Answer the CGI request described by the environment on stdout. */
int	lg_cgi(struct lg_app *app);
/* A CGI answer when the looking glass cannot start (its configuration):
 * the web server shows members this page, not a bare 500. */
void	lg_cgi_error(struct lg_app *app, int status, const char *msg);

/* Answer a raw request (path with query) as both modes do. */
void	lg_answer(struct lg_app *app, const char *method, const char *uri,
	    struct lg_response *resp);

/* Per-client token buckets (exposed for the tests). */
struct lg_ratelimit;
struct lg_ratelimit *lg_ratelimit_new(double rate, double burst);
/* key: the client's IPv4 address or IPv6 /64. now_ms: a clock. */
bool	lg_ratelimit_take(struct lg_ratelimit *rl, const char *key, int64_t now_ms,
	    unsigned *retry_after);
void	lg_ratelimit_free(struct lg_ratelimit *rl);

#endif
