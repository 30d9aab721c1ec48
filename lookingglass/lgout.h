/*
 * Output tables, one per format, as bgpctl has them: the pages (lgview.c)
 * read BIRD and hand what they found to the printers of the request's
 * format, chosen once from the route table. A page never asks which format
 * it prints; a printer never asks BIRD. Printers: lgout_html.c (pages),
 * lgout_json.c (/api/v1), lgout_bw.c (birdwatcher, for Alice-LG).
 */
#ifndef IXP_LG_OUT_H
#define IXP_LG_OUT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <jansson.h>

#include "lgview.h"

/* The protocols of a route server, as `show protocols all` gave them. */
struct lg_protos {
	struct lg_reply		*reply;		/* NULL only when out of memory */
	struct bp_protocols	 p;
	uint32_t		 rs_asn;	/* from reasons.json, else BIRD's local AS */
};

/* A list of routes from one BIRD command. */
struct lg_routes {
	const struct lg_rs	*rs;
	const struct bird_proto	*neighbor;	/* NULL: the list spans sessions */
	const struct lg_reply	*reply;		/* ->routes: all of them, ->truncated */
	bool			 filtered;	/* routes the import filters rejected */
	bool			 exported;	/* what the neighbour is sent */
	bool			 noexport;	/* what its export filter rejected */
	size_t			 first;		/* routes before this page */
	size_t			 shown;		/* printed so far */
	uint32_t		 rs_asn;	/* the route server's, for its communities */
	enum lg_scope		 scope;		/* of a prefix lookup's list */
	const struct prefix	*query;		/* the prefix looked up; NULL: none */
};

/* A member's session on a route server, and what BIRD holds of it. */
struct lg_member_session {
	const struct lg_rs	*rs;
	const struct bird_proto	*p;
	struct ready_live	 live;		/* walked from its accepted and filtered routes */
	bool			 truncated;	/* a list was cut at --max-routes */
};

/* A route server on a member's page. */
struct lg_member_rs {
	const struct lg_rs	*rs;
	char			 error[256];	/* "": answering */
	size_t			 first, n;	/* its sessions in the view's s[] */
};

/* A member's page: its sessions everywhere, and what they add up to. */
struct lg_member_view {
	uint32_t		 asn;
	const struct lg_member	*m;		/* NULL: not in members.json */
	const struct lg_ready	*ready;		/* NULL: no readiness.json entry */
	const char		*ready_error;	/* readiness.json is not one ixp-rsc wrote */
	struct lg_member_rs	*rs;		/* every route server, in --bird order */
	size_t			 n_rs;
	struct lg_member_session *s;		/* by route server, then as BIRD lists them */
	size_t			 n_s;
	const struct lg_rs	*routes_rs;	/* whose routes `live` counts (each route
						 * server holds the same); NULL: none */
	struct ready_live	 live;
	bool			 truncated;
	bool			 irr_complete, roa_complete;
	char			*fixes[READY_MAX_FIXES];
	size_t			 n_fixes;
};

/* One request being answered. */
struct lg_out {
	const struct lg_output	*fmt;
	struct lg_app		*app;
	const struct lg_request	*rq;		/* NULL for an error before parsing */
	struct lg_response	*resp;
	/* the JSON printers' answer under construction */
	json_t			*root;
	json_t			*list;		/* where rows go */
	json_t			*item;		/* the route server being printed */
	size_t			 n_rows;	/* rows of the list being streamed */
};

/*
 * The printers of a format. A slot is NULL when no route of that format
 * leads to the page that uses it (the route table in lgquery.c).
 */
struct lg_output {
	size_t	 page_size;	/* routes per page; 0: one list of up to --max-routes */
	bool	 withheld;	/* prints whom an accepted route is not sent to (a loop
				 * over the sessions per route: only where it shows) */
	void	(*error)(struct lg_out *o, int status, const char *param, const char *msg);

	void	(*status_begin)(struct lg_out *o);
	void	(*status)(struct lg_out *o, const struct lg_rs *rs, bool up,
		    const struct lg_reply *r, const struct bird_status_info *st);
	void	(*status_end)(struct lg_out *o);

	void	(*protocols_begin)(struct lg_out *o, const struct lg_rs *rs,
		    const struct lg_protos *pr);
	void	(*protocol)(struct lg_out *o, const struct lg_rs *rs, const struct bird_proto *p);
	void	(*protocols_end)(struct lg_out *o);

	void	(*neighbor)(struct lg_out *o, const struct lg_rs *rs, const struct bird_proto *p);

	/* A page of routes is one list; a search is a list per command and
	 * route server. */
	void	(*routes_page_begin)(struct lg_out *o, const struct lg_routes *l);
	void	(*routes_page_end)(struct lg_out *o, const struct lg_routes *l);
	void	(*routes_begin)(struct lg_out *o, const struct lg_routes *l);
	void	(*route)(struct lg_out *o, const struct lg_routes *l, const struct bird_route *r,
		    const struct lg_route_flags *f);
	void	(*routes_end)(struct lg_out *o, const struct lg_routes *l);

	void	(*search_begin)(struct lg_out *o, const char *what);
	void	(*search_rs_begin)(struct lg_out *o, const struct lg_rs *rs);
	void	(*search_rs_end)(struct lg_out *o, const struct lg_rs *rs, const char *error);
	/* pages: of the longest list of more specifics (1 when not paged) */
	void	(*search_end)(struct lg_out *o, const char *what, size_t shown, size_t pages);

	/* A member's page, all of it known before it is printed. */
	void	(*member_page)(struct lg_out *o, const struct lg_member_view *v);

	/* Where the evidence for each MANRS action is (HTML only). */
	void	(*manrs)(struct lg_out *o);

	void	(*members_begin)(struct lg_out *o, const struct lg_directory *d);
	void	(*member)(struct lg_out *o, const struct lg_member *m);
	void	(*members_end)(struct lg_out *o, const struct lg_directory *d);

	/* Tables and BGP sessions of the path's family (birdseye's symbols). */
	void	(*symbols)(struct lg_out *o, const struct lg_rs *rs, const char *const *protos,
		    size_t n_protos, const char *const *tables, size_t n_tables);
};

extern const struct lg_output lg_out_html, lg_out_json, lg_out_bw, lg_out_be;
extern const char lg_html_css[];
extern const size_t lg_html_css_len;

/* ---- helpers of more than one format (lgout.c) ---- */

/* A JSON string; bytes that are not UTF-8 become '?' (jansson refuses them). */
json_t	*lg_jstr(const char *s);
/* Set o[k] = v, taking v (NULL: null). */
void	 lg_jset(json_t *o, const char *k, json_t *v);
/* Make root, which is taken, the response body. */
void	 lg_json_body(struct lg_response *resp, json_t *root);
/*
 * A long list streamed into the body as JSON text: root (taken) with key
 * opened as an array, then each row dumped as it comes and freed, so a list
 * of 20,000 routes never exists as a jansson tree (about ten times its
 * text) and the body is its only copy; lg_jlist_end closes it.
 */
void	 lg_jlist_begin(struct lg_out *o, json_t *root, const char *key);
void	 lg_jlist_row(struct lg_out *o, json_t *row);
void	 lg_jlist_end(struct lg_out *o);
/* String fields of a struct (char arrays), set under their keys in order. */
struct lg_jfield {
	const char	*key;
	size_t		 off;
};
#define LG_JFIELD(key, type, field) { key, offsetof(type, field) }
void	 lg_jset_strings(json_t *o, const void *base, const struct lg_jfield *f, size_t n);
/* {"a:b[:c]": meaning} for the route's communities that have one. */
json_t	*lg_jcommunity_meanings(const struct lg_out *o, const struct lg_routes *l,
	    const struct bird_route *r);
/* Communities as [[a, b], ...], large as [[a, b, c], ...], extended as strings. */
json_t	*lg_jcommunities(const struct bird_route *r);
json_t	*lg_jlarge_communities(const struct bird_route *r);
json_t	*lg_jext_communities(const struct bird_route *r);
void	 lg_iso_time(int64_t t, char *out, size_t cap);
/* BIRD's "2026-11-23 13:14:40.123" as "2026-11-23 13:14:40". */
void	 lg_bird_time(const char *s, char *out, size_t cap);
/* A route's RPKI state; 0: the route server never got to the check. */
const char *lg_rpki_name(int tag);
const char *lg_view_name(enum lg_view v);
/* "covering", "exact", "more_specific"; NULL for REL_NONE. */
const char *lg_relation_name(enum lg_relation r);
/* A routes_begin or routes_end that prints nothing. */
void	 lg_out_no_mark(struct lg_out *o, const struct lg_routes *l);
/* The neighbour's ASN: BIRD's, or from our session name before it connects. */
uint32_t lg_proto_asn(const struct bird_proto *p);

#endif
