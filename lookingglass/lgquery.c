#include "lgquery.h"

#include <stdio.h>
#include <string.h>

#include "asn.h"
#include "community.h"
#include "strutil.h"

#define MAX_SEGS 10
#define MAX_PARAMS 8
#define MAX_VALUE 128

bool
lg_name_ok(const char *s)
{
	size_t n = strlen(s);

	if (n == 0 || n > LG_NAME_MAX)
		return false;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
		    c == '_' || c == '-'))
			return false;
	}
	return true;
}

/* A BIRD protocol or table name: no '-' (BIRD symbols cannot have one). */
static bool
proto_name_ok(const char *s)
{
	return lg_name_ok(s) && strchr(s, '-') == NULL;
}

/*
 * Percent-decode [s, s+n) into out (cap bytes with the NUL). Only printable
 * ASCII may come out; '+' is a space in query values. False on anything
 * else, or when it does not fit.
 */
static bool
decode(const char *s, size_t n, bool plus_space, char *out, size_t cap)
{
	size_t o = 0;

	for (size_t i = 0; i < n; i++) {
		int c = (unsigned char)s[i];
		if (c == '%') {
			int h, l;
			if (i + 2 >= n || (h = str_hexval(s[i + 1])) < 0 || (l = str_hexval(s[i + 2])) < 0)
				return false;
			c = h * 16 + l;
			i += 2;
		} else if (c == '+' && plus_space) {
			c = ' ';
		}
		if (c < 0x20 || c > 0x7e || o + 1 >= cap)
			return false;
		out[o++] = (char)c;
	}
	out[o] = '\0';
	return true;
}

static void
seterr(struct lg_reqerr *err, int status, const char *param, const char *msg)
{
	err->status = status;
	snprintf(err->param, sizeof(err->param), "%s", param ? param : "");
	snprintf(err->msg, sizeof(err->msg), "%s", msg);
}

/* ---- routing ------------------------------------------------------------------ */

enum { P_Q = 1, P_ASN = 2, P_VIEW = 4, P_PAGE = 8, P_PREFIX = 16, P_UNCACHED = 32,
	P_USE_CACHE = 64, P_COMM = 128, P_FIND = 256 };

struct route {
	enum lg_page	 page;
	const char	*pattern[MAX_SEGS];	/* "{rs}", "{proto}", "{table}" capture */
	unsigned	 allowed, required;
	enum lg_format	 fmt;
	enum lg_cmd	 cmds[LG_MAX_CMDS];	/* CMD_NONE for a P_VIEW page: by ?view= */
	bool		 brief;
	const char	*file;			/* PG_PUBLISHED */
};

/*
 * A lookup (q=) of a prefix: the routes covering it, then it and every more
 * specific one (paged), accepted and filtered; a member finds the filtered
 * more-specifics of its aggregate. An address keeps the longest match.
 */
static const enum lg_cmd prefix_scope[LG_MAX_CMDS] = {
	CMD_ROUTES_COVERING, CMD_ROUTES_IN, CMD_ROUTES_COVERING_FILTERED, CMD_ROUTES_IN_FILTERED,
};

#define BW "birdwatcher", "{rs}"
#define BE "birdseye", "{rs}", "{afi}"
#define API "api", "v1"

static const struct route routes[] = {
	{ PG_STATUS, { NULL }, 0, 0, LGF_HTML, { CMD_STATUS }, false, NULL },
	{ PG_PROTOCOLS, { "rs", "{rs}", NULL }, 0, 0, LGF_HTML, { CMD_PROTOCOLS }, false, NULL },
	{ PG_ROUTES, { "rs", "{rs}", "{proto}", NULL }, P_VIEW | P_PAGE, 0, LGF_HTML,
	    { CMD_NONE }, false, NULL },
	{ PG_SEARCH, { "lookup", NULL }, P_Q | P_PAGE, P_Q, LGF_HTML,
	    { CMD_ROUTES_FOR, CMD_ROUTES_FOR_FILTERED }, false, NULL },
	{ PG_SEARCH, { "origin", NULL }, P_ASN, P_ASN, LGF_HTML,
	    { CMD_ROUTES_ORIGIN, CMD_ROUTES_ORIGIN_FILTERED }, false, NULL },
	{ PG_SEARCH, { "community", NULL }, P_COMM, P_COMM, LGF_HTML,
	    { CMD_ROUTES_COMMUNITY, CMD_ROUTES_COMMUNITY_FILTERED }, false, NULL },
	{ PG_MEMBERS, { "members", NULL }, P_FIND, 0, LGF_HTML, { CMD_NONE }, false, NULL },
	{ PG_CSS, { "static", "lg.css", NULL }, 0, 0, LGF_HTML, { CMD_NONE }, false, NULL },
	{ PG_HEALTH, { "healthz", NULL }, 0, 0, LGF_JSON, { CMD_NONE }, false, NULL },
	{ PG_METRICS, { "metrics", NULL }, 0, 0, LGF_JSON, { CMD_NONE }, false, NULL },
	{ PG_PUBLISHED, { "policy", NULL }, 0, 0, LGF_HTML, { CMD_NONE }, false,
	    "route-server-policy.html" },
	{ PG_PUBLISHED, { "policy", "traffic", NULL }, 0, 0, LGF_HTML, { CMD_NONE }, false,
	    "forbidden-traffic.html" },
	{ PG_MANRS, { "manrs", NULL }, 0, 0, LGF_HTML, { CMD_NONE }, false, NULL },
	{ PG_MEMBER, { "member", "{asn}", NULL }, 0, 0, LGF_HTML,
	    { CMD_ROUTES_ACCEPTED, CMD_ROUTES_FILTERED }, false, NULL },
	{ PG_STATUS, { API, "status", NULL }, 0, 0, LGF_JSON, { CMD_STATUS }, false, NULL },
	{ PG_PROTOCOLS, { API, "rs", "{rs}", "neighbors", NULL }, 0, 0, LGF_JSON,
	    { CMD_PROTOCOLS }, false, NULL },
	{ PG_NEIGHBOR, { API, "rs", "{rs}", "neighbors", "{proto}", NULL }, 0, 0, LGF_JSON,
	    { CMD_PROTOCOLS }, false, NULL },
	{ PG_ROUTES, { API, "rs", "{rs}", "neighbors", "{proto}", "routes", NULL },
	    P_VIEW | P_PAGE, 0, LGF_JSON, { CMD_NONE }, false, NULL },
	{ PG_SEARCH, { API, "lookup", NULL }, P_Q | P_PAGE, P_Q, LGF_JSON,
	    { CMD_ROUTES_FOR, CMD_ROUTES_FOR_FILTERED }, false, NULL },
	{ PG_SEARCH, { API, "origin", NULL }, P_ASN, P_ASN, LGF_JSON,
	    { CMD_ROUTES_ORIGIN, CMD_ROUTES_ORIGIN_FILTERED }, false, NULL },
	{ PG_SEARCH, { API, "community", NULL }, P_COMM, P_COMM, LGF_JSON,
	    { CMD_ROUTES_COMMUNITY, CMD_ROUTES_COMMUNITY_FILTERED }, false, NULL },
	{ PG_MEMBERS, { API, "members", NULL }, P_FIND, 0, LGF_JSON, { CMD_NONE }, false, NULL },
	{ PG_MEMBER, { API, "member", "{asn}", NULL }, 0, 0, LGF_JSON,
	    { CMD_ROUTES_ACCEPTED, CMD_ROUTES_FILTERED }, false, NULL },
	{ PG_STATUS, { BW, "status", NULL }, 0, 0, LGF_BW, { CMD_STATUS }, false, NULL },
	{ PG_PROTOCOLS, { BW, "protocols", "bgp", NULL }, 0, 0, LGF_BW, { CMD_PROTOCOLS }, false, NULL },
	{ PG_PROTOCOLS, { BW, "protocols", "short", NULL }, P_UNCACHED, 0, LGF_BW,
	    { CMD_PROTOCOLS }, true, NULL },
	{ PG_ROUTES, { BW, "routes", "protocol", "{proto}", NULL }, 0, 0, LGF_BW,
	    { CMD_ROUTES_ACCEPTED }, false, NULL },
	{ PG_ROUTES, { BW, "routes", "filtered", "{proto}", NULL }, 0, 0, LGF_BW,
	    { CMD_ROUTES_FILTERED }, false, NULL },
	{ PG_ROUTES, { BW, "routes", "noexport", "{proto}", NULL }, 0, 0, LGF_BW,
	    { CMD_ROUTES_NOEXPORT }, false, NULL },
	{ PG_ROUTES, { BW, "routes", "table", "{table}", NULL }, 0, 0, LGF_BW,
	    { CMD_ROUTES_TABLE }, false, NULL },
	{ PG_ROUTES, { BW, "routes", "table", "{table}", "filtered", NULL }, 0, 0, LGF_BW,
	    { CMD_ROUTES_TABLE_FILTERED }, false, NULL },
	{ PG_ROUTES, { BW, "routes", "prefix", NULL }, P_PREFIX, P_PREFIX, LGF_BW,
	    { CMD_ROUTES_NET }, false, NULL },
	/*
	 * birdseye, the subset IXP Manager's looking glass calls, one base
	 * per route server and address family as IXP Manager has a router
	 * per family: /birdseye/NAME/ipv4.
	 */
	{ PG_STATUS, { BE, "status", NULL }, P_USE_CACHE, 0, LGF_BE, { CMD_STATUS }, false, NULL },
	{ PG_PROTOCOLS, { BE, "protocols", "bgp", NULL }, P_USE_CACHE, 0, LGF_BE,
	    { CMD_PROTOCOLS }, false, NULL },
	{ PG_SYMBOLS, { BE, "symbols", NULL }, P_USE_CACHE, 0, LGF_BE, { CMD_PROTOCOLS }, false,
	    NULL },
	{ PG_ROUTES, { BE, "routes", "table", "{table}", NULL }, P_USE_CACHE, 0, LGF_BE,
	    { CMD_ROUTES_TABLE }, false, NULL },
	{ PG_ROUTES, { BE, "routes", "protocol", "{proto}", NULL }, P_USE_CACHE, 0, LGF_BE,
	    { CMD_ROUTES_ACCEPTED }, false, NULL },
	{ PG_ROUTES, { BE, "routes", "export", "{proto}", NULL }, P_USE_CACHE, 0, LGF_BE,
	    { CMD_ROUTES_EXPORTED }, false, NULL },
	{ PG_ROUTES, { BE, "route", "{net}", "protocol", "{proto}", NULL }, P_USE_CACHE, 0, LGF_BE,
	    { CMD_ROUTES_NET_PROTO }, false, NULL },
	{ PG_ROUTES, { BE, "route", "{net}", "table", "{table}", NULL }, P_USE_CACHE, 0, LGF_BE,
	    { CMD_ROUTES_NET_TABLE }, false, NULL },
	{ PG_ROUTES, { BE, "route", "{net}", "export", "{proto}", NULL }, P_USE_CACHE, 0, LGF_BE,
	    { CMD_ROUTES_NET_EXPORT }, false, NULL },
	/* Filtered routes are BIRD's filtered ones here, not accepted and
	 * tagged as in IXP Manager's own route servers: both lists. */
	{ PG_ROUTES, { BE, "routes", "lc-zwild", "protocol", "{proto}", "{x}", "{y}", NULL },
	    P_USE_CACHE, 0, LGF_BE, { CMD_ROUTES_ACCEPTED, CMD_ROUTES_FILTERED }, false, NULL },
};

#undef BE
#undef BW
#undef API

/* The routes of a session by ?view=. */
static const enum lg_cmd view_cmd[] = {
	[VIEW_ACCEPTED] = CMD_ROUTES_ACCEPTED,
	[VIEW_FILTERED] = CMD_ROUTES_FILTERED,
	[VIEW_EXPORTED] = CMD_ROUTES_EXPORTED,
	[VIEW_NOEXPORT] = CMD_ROUTES_NOEXPORT,
};

static const struct {
	const char	*name;
	unsigned	 bit;
} params[] = {
	{ "q", P_Q }, { "asn", P_ASN }, { "view", P_VIEW }, { "page", P_PAGE },
	{ "prefix", P_PREFIX }, { "uncached", P_UNCACHED }, { "use_cache", P_USE_CACHE },
	{ "c", P_COMM }, { "find", P_FIND },
};

/* Split and decode the path; empty segments ("//") are dropped. */
static int
split_path(const char *path, char segs[MAX_SEGS][LG_NAME_MAX + 1], struct lg_reqerr *err)
{
	int n = 0;
	const char *s = path;

	if (path == NULL || path[0] != '/') {
		seterr(err, 400, NULL, "the path must start with /");
		return -1;
	}
	while (*s) {
		const char *e;
		while (*s == '/')
			s++;
		if (*s == '\0')
			break;
		e = strchr(s, '/');
		if (e == NULL)
			e = s + strlen(s);
		if (n >= MAX_SEGS || !decode(s, (size_t)(e - s), false, segs[n], sizeof(segs[n])) ||
		    !strcmp(segs[n], ".") || !strcmp(segs[n], "..")) {
			seterr(err, 404, NULL, "no such page");
			return -1;
		}
		n++;
		s = e;
	}
	return n;
}

static bool
value_u32(const char *v, uint32_t lo, uint32_t hi, uint32_t *out)
{
	uint64_t x = 0;
	size_t n = strlen(v);

	if (n == 0 || n > 10)
		return false;
	for (size_t i = 0; i < n; i++) {
		if (v[i] < '0' || v[i] > '9')
			return false;
		x = x * 10 + (uint64_t)(v[i] - '0');
	}
	if (x < lo || x > hi)
		return false;
	*out = (uint32_t)x;
	return true;
}

static const struct route *
match(char segs[MAX_SEGS][LG_NAME_MAX + 1], int n, struct lg_request *rq, struct lg_reqerr *err)
{
	for (size_t i = 0; i < sizeof(routes) / sizeof(routes[0]); i++) {
		const struct route *r = &routes[i];
		int k;
		for (k = 0; k < MAX_SEGS && r->pattern[k] != NULL; k++) {
			const char *p = r->pattern[k];
			if (k >= n)
				break;
			if (p[0] == '{')
				continue;
			if (strcmp(p, segs[k]))
				break;
		}
		if ((k < MAX_SEGS && r->pattern[k] != NULL) || k != n)
			continue;
		for (k = 0; k < n; k++) {
			if (!strcmp(r->pattern[k], "{rs}")) {
				if (!lg_name_ok(segs[k])) {
					seterr(err, 404, "rs", "no such route server");
					return NULL;
				}
				memcpy(rq->rs, segs[k], strlen(segs[k]) + 1);
			} else if (!strcmp(r->pattern[k], "{proto}")) {
				if (!proto_name_ok(segs[k])) {
					seterr(err, 404, "neighbor", "no such neighbor");
					return NULL;
				}
				memcpy(rq->proto, segs[k], strlen(segs[k]) + 1);
			} else if (!strcmp(r->pattern[k], "{table}")) {
				if (!proto_name_ok(segs[k])) {
					seterr(err, 404, "table", "no such table");
					return NULL;
				}
				memcpy(rq->table, segs[k], strlen(segs[k]) + 1);
			} else if (!strcmp(r->pattern[k], "{afi}")) {
				if (strcmp(segs[k], "ipv4") && strcmp(segs[k], "ipv6")) {
					seterr(err, 404, "afi", "the address family is ipv4 or ipv6");
					return NULL;
				}
				rq->afi = segs[k][3] == '4' ? AF4 : AF6;
			} else if (!strcmp(r->pattern[k], "{net}")) {
				/* birdseye's "route/192.0.2.0%2F24": one segment. */
				if (prefix_parse(segs[k], strlen(segs[k]), &rq->q_prefix) != ADDR_OK) {
					seterr(err, 400, "net", "not a prefix (e.g. 192.0.2.0/24)");
					return NULL;
				}
				rq->has_q = true;
			} else if (!strcmp(r->pattern[k], "{x}") || !strcmp(r->pattern[k], "{y}")) {
				if (!value_u32(segs[k], 0, UINT32_MAX, &rq->lc[r->pattern[k][1] == 'y'])) {
					seterr(err, 404, r->pattern[k][1] == 'y' ? "y" : "x",
					    "not a 32-bit number");
					return NULL;
				}
				rq->has_lc = true;
			} else if (!strcmp(r->pattern[k], "{asn}")) {
				if (!asn_parse(segs[k], strlen(segs[k]), ASN_PLAIN | ASN_PREFIXED,
				    &rq->asn) || rq->asn == 0) {
					seterr(err, 404, "asn", "not an AS number (64500 or AS64500)");
					return NULL;
				}
				rq->has_asn = true;
			}
		}
		return r;
	}
	seterr(err, 404, NULL, "no such page");
	return NULL;
}

/* ---- typed values --------------------------------------------------------------- */

static bool
value_q(struct lg_request *rq, const char *v, struct lg_reqerr *err, const char *name)
{
	size_t n = strlen(v);
	enum addr_err e;

	if (strchr(v, '/') == NULL) {
		if (ip_parse(v, n, &rq->q_ip) == ADDR_OK) {
			rq->q_is_ip = true;
			rq->has_q = true;
			return true;
		}
		seterr(err, 400, name, "not an IPv4 or IPv6 address or prefix");
		return false;
	}
	e = prefix_parse(v, n, &rq->q_prefix);
	if (e == ADDR_OK) {
		rq->has_q = true;
		return true;
	}
	seterr(err, 400, name, e == ADDR_HOSTBITS ? "the prefix has host bits set "
	    "(write the network address, or an address without /length)" :
	    "not an IPv4 or IPv6 address or prefix");
	return false;
}


static bool
set_param(struct lg_request *rq, unsigned bit, const char *name, const char *v,
    struct lg_reqerr *err)
{
	switch (bit) {
	case P_Q:
		return value_q(rq, v, err, name);
	case P_PREFIX:		/* an exact network: an address is its host route */
		if (!value_q(rq, v, err, name))
			return false;
		if (rq->q_is_ip) {
			rq->q_prefix.af = rq->q_ip.af;
			rq->q_prefix.a = rq->q_ip.a;
			rq->q_prefix.len = (uint8_t)af_maxlen(rq->q_ip.af);
			rq->q_is_ip = false;
		}
		return true;
	case P_ASN:
		if (asn_parse(v, strlen(v), ASN_PLAIN | ASN_PREFIXED, &rq->asn) && rq->asn != 0) {
			rq->has_asn = true;
			return true;
		}
		seterr(err, 400, name, "not an AS number (64500 or AS64500)");
		return false;
	case P_VIEW:
		if (!strcmp(v, "accepted"))
			rq->view = VIEW_ACCEPTED;
		else if (!strcmp(v, "filtered"))
			rq->view = VIEW_FILTERED;
		else if (!strcmp(v, "exported"))
			rq->view = VIEW_EXPORTED;
		else if (!strcmp(v, "noexport"))
			rq->view = VIEW_NOEXPORT;
		else {
			seterr(err, 400, name, "view is accepted, filtered, exported or noexport");
			return false;
		}
		return true;
	case P_PAGE:
		if (value_u32(v, 1, 100000, &rq->page_no))
			return true;
		seterr(err, 400, name, "page is a number from 1 to 100000");
		return false;
	case P_COMM: {
		struct community_pat cp;
		if (!community_pat_parse(v, &cp) || cp.any != 0) {
			seterr(err, 400, name, "not a community (A:B or A:B:C, numbers)");
			return false;
		}
		rq->has_comm = true;
		rq->comm_large = cp.large;
		memcpy(rq->comm, cp.v, sizeof(rq->comm));
		return true;
	}
	case P_FIND:
		if (strlen(v) > LG_FIND_MAX) {
			seterr(err, 400, name, "at most 64 characters");
			return false;
		}
		memcpy(rq->find, v, strlen(v) + 1);
		return true;
	case P_USE_CACHE:
		if (!strcmp(v, "0") || !strcmp(v, "1")) {
			rq->uncached = v[0] == '0';
			return true;
		}
		seterr(err, 400, name, "use_cache is 0 or 1");
		return false;
	case P_UNCACHED:
		if (!strcmp(v, "true") || !strcmp(v, "false")) {
			rq->uncached = !strcmp(v, "true");
			return true;
		}
		seterr(err, 400, name, "uncached is true or false");
		return false;
	}
	return false;
}

static bool
parse_query(const struct route *r, const char *query, struct lg_request *rq,
    struct lg_reqerr *err)
{
	unsigned seen = 0;
	const char *s = query;
	int count = 0;

	while (s != NULL && *s) {
		const char *amp = strchr(s, '&'), *end = amp ? amp : s + strlen(s);
		const char *eq = memchr(s, '=', (size_t)(end - s));
		char name[24], value[MAX_VALUE];
		size_t i;

		if (end == s) {			/* "&&" */
			s = amp + 1;
			continue;
		}
		if (++count > MAX_PARAMS) {
			seterr(err, 400, NULL, "too many parameters");
			return false;
		}
		if (eq == NULL || !decode(s, (size_t)(eq - s), true, name, sizeof(name))) {
			seterr(err, 400, NULL, "malformed parameter (name=value expected)");
			return false;
		}
		for (i = 0; i < sizeof(params) / sizeof(params[0]); i++)
			if (!strcmp(name, params[i].name))
				break;
		if (i == sizeof(params) / sizeof(params[0]) || !(r->allowed & params[i].bit)) {
			seterr(err, 400, name, "unknown parameter for this page");
			snprintf(err->param, sizeof(err->param), "%s", name);
			return false;
		}
		if (seen & params[i].bit) {
			seterr(err, 400, params[i].name, "parameter given twice");
			return false;
		}
		seen |= params[i].bit;
		if (!decode(eq + 1, (size_t)(end - eq - 1), true, value, sizeof(value)) ||
		    value[0] == '\0') {
			seterr(err, 400, params[i].name, "empty, too long or not printable ASCII");
			return false;
		}
		if (!set_param(rq, params[i].bit, params[i].name, value, err))
			return false;
		s = amp ? amp + 1 : end;
	}
	if ((r->required & ~seen) != 0) {
		for (size_t i = 0; i < sizeof(params) / sizeof(params[0]); i++)
			if (r->required & ~seen & params[i].bit) {
				seterr(err, 400, params[i].name, "required parameter missing");
				break;
			}
		return false;
	}
	return true;
}

/* The route of `path`, ignoring the query; NULL if none. */
static const struct route *
route_of(const char *path)
{
	char segs[MAX_SEGS][LG_NAME_MAX + 1];
	struct lg_request rq;
	struct lg_reqerr err;
	int n = split_path(path, segs, &err);

	memset(&rq, 0, sizeof(rq));
	return n < 0 ? NULL : match(segs, n, &rq, &err);
}

enum lg_format
lg_path_format(const char *path)
{
	const struct route *r = route_of(path);
	size_t n;

	if (r != NULL)
		return r->fmt;
	/* Not a route (or too long to parse): by its first segment, as the
	 * routes that start with it answer. */
	path += strspn(path, "/");
	n = strcspn(path, "/");
	for (size_t i = 0; i < sizeof(routes) / sizeof(routes[0]); i++) {
		const char *first = routes[i].pattern[0];
		if (first != NULL && first[0] != '{' && strlen(first) == n && !strncmp(path, first, n))
			return routes[i].fmt;
	}
	return LGF_HTML;
}

enum lg_page
lg_path_page(const char *path)
{
	const struct route *r = route_of(path);

	return r != NULL ? r->page : PG_NONE;
}

const char *
lg_page_name(enum lg_page p)
{
	static const char *const names[PG_NUM] = {
		[PG_NONE] = "none", [PG_STATUS] = "status", [PG_PROTOCOLS] = "neighbors",
		[PG_NEIGHBOR] = "neighbor", [PG_ROUTES] = "routes", [PG_SEARCH] = "search",
		[PG_MEMBERS] = "members", [PG_CSS] = "static", [PG_HEALTH] = "healthz",
		[PG_METRICS] = "metrics", [PG_PUBLISHED] = "published", [PG_MANRS] = "manrs",
		[PG_MEMBER] = "member", [PG_SYMBOLS] = "symbols",
	};

	return p < PG_NUM && names[p] ? names[p] : "none";
}

bool
lg_path_unmetered(const char *path)
{
	const struct route *r = route_of(path);

	return r != NULL && (r->page == PG_CSS || r->page == PG_HEALTH);
}

bool
lg_parse_request(const char *method, const char *path, const char *query,
    struct lg_request *rq, struct lg_reqerr *err)
{
	char segs[MAX_SEGS][LG_NAME_MAX + 1];
	const struct route *r;
	int n;

	memset(rq, 0, sizeof(*rq));
	memset(err, 0, sizeof(*err));
	rq->page_no = 1;
	if (method == NULL || (strcmp(method, "GET") && strcmp(method, "HEAD"))) {
		seterr(err, 405, NULL, "only GET and HEAD");
		return false;
	}
	if ((n = split_path(path, segs, err)) < 0)
		return false;
	if ((r = match(segs, n, rq, err)) == NULL)
		return false;
	rq->page = r->page;
	rq->fmt = r->fmt;
	rq->brief = r->brief;
	rq->file = r->file;
	memcpy(rq->cmds, r->cmds, sizeof(rq->cmds));
	if (!parse_query(r, query, rq, err))
		return false;
	if (r->allowed & P_VIEW)
		rq->cmds[0] = view_cmd[rq->view];
	/* A lookup (q=) of a prefix. */
	if ((r->allowed & P_Q) && rq->has_q && !rq->q_is_ip)
		memcpy(rq->cmds, prefix_scope, sizeof(rq->cmds));
	return true;
}
