#include "live_routes.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "birdc.h"
#include "clock.h"
#include "xalloc.h"

/* A dump of 500k routes is about 6M lines; a reply longer than this is not
 * a route server's. */
#define LIVE_MAX_LINES	(200u * 1000 * 1000)

struct walk {
	const struct live_cb *cb;
	bool		 filtered;
	size_t		 n;
};

static int
one_route(void *ctx, const struct bird_route *r)
{
	struct walk *w = ctx;

	w->cb->route(w->cb->ctx, r, w->filtered);
	w->n++;
	return 0;
}

static const char *
status_text(const struct bird_result *res)
{
	switch (res->status) {
	case BS_OK:
		return "ok";
	case BS_TIMEOUT:
		return "no complete answer within the timeout";
	case BS_CAPPED:
		return "answer too long";
	case BS_BADCMD:
		return "command refused";
	case BS_UNAVAILABLE:
	case BS_IO:
		break;
	}
	return "connection lost";
}

int
live_routes_read(const char *socket, int64_t timeout_ms, const struct live_cb *cb,
    struct live_rs *out, char *err, size_t errlen)
{
	static const char *const dumps[][2] = {
		{ "show route all table master4", NULL },
		{ "show route all filtered table master4", "" },
		{ "show route all table master6", NULL },
		{ "show route all filtered table master6", "" },
	};
	struct bird_sess s;
	struct bird_result res;
	struct bp_protocols p = { 0 };
	int64_t deadline = clock_ms() + timeout_ms;

	memset(out, 0, sizeof(*out));
	if (bird_open(&s, socket, deadline, err, errlen) != BS_OK)
		return -1;
	snprintf(out->version, sizeof(out->version), "%s", s.version);
	bird_cmd(&s, "show protocols", deadline, LIVE_MAX_LINES, bp_protocols_line, &p, &res);
	if (res.status != BS_OK) {
		snprintf(err, errlen, "%s: show protocols: %s", socket, status_text(&res));
		bp_protocols_free(&p);
		bird_close(&s);
		return -1;
	}
	for (size_t i = 0; i < p.n; i++)
		if (p.v[i].bgp) {
			out->sessions = xrealloc(out->sessions, (out->n_sessions + 1) * sizeof(char *));
			out->sessions[out->n_sessions++] = xstrdup(p.v[i].name);
		}
	bp_protocols_free(&p);
	cb->sessions(cb->ctx, out);
	for (size_t k = 0; k < sizeof(dumps) / sizeof(dumps[0]); k++) {
		struct walk w = { cb, dumps[k][1] != NULL, 0 };
		struct bp_routes bp;

		bp_routes_init(&bp, one_route, &w);
		bird_cmd(&s, dumps[k][0], deadline, LIVE_MAX_LINES, bp_routes_line, &bp, &res);
		bp_routes_finish(&bp);
		bp_routes_free(&bp);
		out->routes += w.n;
		/* A table BIRD does not have (a route server without IPv6) is
		 * "8001 No such table": not an error. */
		if (res.status != BS_OK) {
			snprintf(err, errlen, "%s: %s: %s", socket, dumps[k][0], status_text(&res));
			bird_close(&s);
			return -1;
		}
	}
	bird_close(&s);
	return 0;
}

void
live_rs_free(struct live_rs *l)
{
	for (size_t i = 0; i < l->n_sessions; i++)
		free(l->sessions[i]);
	free(l->sessions);
	memset(l, 0, sizeof(*l));
}
