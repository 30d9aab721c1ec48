/*
 * HTTP GET for the data sources (VRP exports, PeeringDB), with libcurl: the
 * only module that includes it. TLS certificates are always verified.
 */
#ifndef IXP_HTTP_H
#define IXP_HTTP_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"

struct http_opts {
	long		 timeout_s;	/* whole transfer */
	long		 connect_timeout_s;
	size_t		 max_bytes;	/* larger bodies are refused */
	const char	*header;	/* extra request header, e.g. an API key */
	unsigned	 max_429;	/* retries after "429 Too Many Requests" */
	long		 max_backoff_s;	/* a longer Retry-After is not waited for */
	int64_t		 deadline_ms;	/* clock_ms() by which all is done; 0: none */
	const char	*ca_file;	/* trust these CAs instead (tests) */
};

/* GET `url` into `body`. 0, or -1 with `err` naming the URL's problem. */
int	http_get(const char *url, const struct http_opts *o, struct buf *body,
	    char *err, size_t errlen);
/* Whether a configured source is a URL (rather than a local file). */
int	http_is_url(const char *s);

#endif
