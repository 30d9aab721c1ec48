/*
 * Pages: what a request shows, in HTML, in our JSON API, or in the
 * birdwatcher format Alice-LG reads. Data comes from lgcore (BIRD) and
 * lgdata (reasons, members); every text from either is escaped on output.
 */
#ifndef IXP_LG_VIEW_H
#define IXP_LG_VIEW_H

#include <stdbool.h>
#include <stdint.h>

#include "buf.h"
#include "lgcore.h"
#include "lgdata.h"
#include "lgquery.h"

#define LG_PAGE_SIZE 100

struct config;

struct lg_app {
	struct lg	 core;
	struct lg_reasons reasons;
	struct lg_directory *members;	/* NULL: no members.json */
	char		 title[128];	/* the IXP's name, or "Looking glass" */
	char		 base[256];	/* URL path the pages live under ("" at the root) */
	const char	*version;
};

struct lg_response {
	int		 status;
	const char	*ctype;
	struct buf	 body;
	unsigned	 retry_after;	/* seconds; 0: none */
	unsigned	 max_age;	/* Cache-Control max-age; 0: no-store */
};

void	lg_response_init(struct lg_response *r);
void	lg_response_free(struct lg_response *r);

/* Answer a parsed request. */
void	lg_handle(struct lg_app *app, const struct lg_request *rq, struct lg_response *resp);
/* A 4xx/5xx answer in the request's format. */
void	lg_error(struct lg_app *app, enum lg_format fmt, int status, const char *param,
	    const char *msg, struct lg_response *resp);

#endif
