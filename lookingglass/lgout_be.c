/*
 * The birdseye answers IXP Manager's looking glass reads (its
 * app/Services/LookingGlass/BirdsEye.php and the lg views): the field names
 * and types it uses, an "api" block in every answer. One base per route
 * server and family: IXP Manager has a router per family.
 */
#include "lgout.h"

#include <stdio.h>
#include <string.h>

#define jstr lg_jstr
#define jset lg_jset

static json_t *
be_api(const struct lg_out *o)
{
	char ver[64];

	snprintf(ver, sizeof(ver), "ixp-lg %s", o->app->version);
	return json_pack("{s:b,s:s,s:I}", "from_cache", 0, "version", ver, "max_routes",
	    (json_int_t)o->app->core.opt.max_routes);
}

/* BIRD's "2026-11-23 13:14:40.123" as "2026-11-23T13:14:40+00:00"
 * (IXP Manager passes it to strtotime). */
static json_t *
be_time(const char *bird)
{
	char t[32], iso[40];

	lg_bird_time(bird, t, sizeof(t));
	if (strlen(t) != 19)
		return jstr(t);
	t[10] = 'T';
	snprintf(iso, sizeof(iso), "%s+00:00", t);
	return jstr(iso);
}

static void
be_error(struct lg_out *o, int status, const char *param, const char *msg)
{
	json_t *root = json_object();

	(void)param;
	jset(root, "api", be_api(o));
	jset(root, "error", json_pack("{s:i,s:o}", "status", status, "message", jstr(msg)));
	lg_json_body(o->resp, root);
}

/* ---- status ---- */

static void
be_status_begin(struct lg_out *o)
{
	o->root = NULL;
}

static void
be_status(struct lg_out *o, const struct lg_rs *rs, bool up, const struct lg_reply *r,
    const struct bird_status_info *st)
{
	(void)rs;
	(void)up;
	(void)r;
	o->root = json_object();
	jset(o->root, "api", be_api(o));
	jset(o->root, "status", json_pack("{s:o,s:o,s:o,s:o,s:o,s:o}", "version",
	    jstr(st->version), "router_id", jstr(st->router_id), "server_time",
	    be_time(st->server_time), "last_reboot", be_time(st->last_reboot), "last_reconfig",
	    be_time(st->last_reconfig), "message", jstr(st->message)));
}

static void
be_status_end(struct lg_out *o)
{
	lg_json_body(o->resp, o->root);
}

/* ---- protocols/bgp ---- */

static json_t *
be_changes(const struct bird_changes *c)
{
	const int64_t v[] = { c->received, c->rejected, c->filtered, c->ignored, c->accepted };
	const char *k[] = { "received", "rejected", "filtered", "ignored", "accepted" };
	json_t *j = json_object();

	for (int i = 0; i < 5; i++)
		jset(j, k[i], v[i] < 0 ? json_null() : json_integer(v[i]));
	return j;
}

/* Words of a BIRD line as a list ("Established Multihop" for bgp_session). */
static json_t *
be_words(const char *s)
{
	json_t *a = json_array();
	char w[64];
	size_t n;

	while (*s) {
		while (*s == ' ')
			s++;
		n = strcspn(s, " ");
		if (n == 0)
			break;
		snprintf(w, sizeof(w), "%.*s", (int)n, s);
		json_array_append_new(a, jstr(w));
		s += n;
	}
	return a;
}

static void
be_protocols_begin(struct lg_out *o, const struct lg_rs *rs, const struct lg_protos *pr)
{
	(void)rs;
	(void)pr;
	o->root = json_object();
	o->item = json_object();
	jset(o->root, "api", be_api(o));
}

/* A session has one channel at an IXP route server (one per family). */
static void
be_protocol(struct lg_out *o, const struct lg_rs *rs, const struct bird_proto *p)
{
	static const struct bird_channel none;
	const struct bird_channel *c = p->n_ch ? &p->ch[0] : &none;
	json_t *j = json_object(), *routes = json_object(), *ch = json_object();

	(void)rs;
	jset(j, "protocol", jstr(p->name));
	jset(j, "bird_protocol", jstr(p->proto));
	jset(j, "table", jstr(c->table[0] ? c->table : p->table));
	jset(j, "state", jstr(p->state));
	jset(j, "state_changed", be_time(p->since));
	jset(j, "connection", jstr(p->info));
	jset(j, "description", jstr(p->description));
	jset(j, "input_filter", jstr(c->input_filter));
	jset(j, "output_filter", jstr(c->output_filter));
	jset(j, "import_limit", c->limit ? json_integer(c->limit) : json_null());
	jset(j, "limit_action", c->limit ? jstr(c->limit_action) : json_null());
	jset(j, "route_limit_at", c->limit ? json_integer((json_int_t)(c->imported +
	    c->filtered)) : json_null());
	jset(routes, "imported", json_integer((json_int_t)c->imported));
	jset(routes, "filtered", json_integer((json_int_t)c->filtered));
	jset(routes, "exported", json_integer((json_int_t)c->exported));
	jset(routes, "preferred", json_integer((json_int_t)c->preferred));
	jset(j, "routes", routes);
	jset(ch, "import_updates", be_changes(&c->import_updates));
	jset(ch, "import_withdraws", be_changes(&c->import_withdraws));
	jset(ch, "export_updates", be_changes(&c->export_updates));
	jset(ch, "export_withdraws", be_changes(&c->export_withdraws));
	jset(j, "route_changes", ch);
	jset(j, "bgp_state", jstr(p->bgp_state[0] ? p->bgp_state : p->info));
	jset(j, "neighbor_address", jstr(p->neighbor_address));
	jset(j, "neighbor_as", json_integer(lg_proto_asn(p)));
	jset(j, "neighbor_id", jstr(p->neighbor_id));
	jset(j, "neighbor_capabilities", json_array());
	jset(j, "bgp_session", be_words(p->session));
	jset(j, "source_address", jstr(p->source_address));
	jset(j, "hold_timer", jstr(p->hold_timer));
	jset(j, "keepalive", jstr(p->keepalive_timer));
	jset(o->item, p->name, j);
}

static void
be_protocols_end(struct lg_out *o)
{
	jset(o->root, "protocols", o->item);
	o->item = NULL;
	lg_json_body(o->resp, o->root);
}

/* ---- symbols ---- */

static void
be_symbols(struct lg_out *o, const struct lg_rs *rs, const char *const *protos, size_t n_protos,
    const char *const *tables, size_t n_tables)
{
	json_t *root = json_object(), *sym = json_object(), *t = json_array(), *p = json_array();

	(void)rs;
	for (size_t i = 0; i < n_tables; i++)
		json_array_append_new(t, jstr(tables[i]));
	for (size_t i = 0; i < n_protos; i++)
		json_array_append_new(p, jstr(protos[i]));
	jset(sym, "routing table", t);
	jset(sym, "protocol", p);
	jset(root, "api", be_api(o));
	jset(root, "symbols", sym);
	lg_json_body(o->resp, root);
}

/* ---- routes ---- */

static void
be_routes_page_begin(struct lg_out *o, const struct lg_routes *l)
{
	(void)l;
	o->root = json_object();
	jset(o->root, "api", be_api(o));
	lg_jlist_begin(o, o->root, "routes");
	o->root = NULL;
}

static void
be_route(struct lg_out *o, const struct lg_routes *l, const struct bird_route *r,
    const struct lg_route_flags *f)
{
	json_t *j = json_object(), *bgp = json_object(), *path = json_array();

	(void)l;
	(void)f;
	jset(j, "network", jstr(r->network));
	jset(j, "gateway", jstr(r->gateway[0] ? r->gateway : r->next_hop));
	jset(j, "interface", jstr(r->iface[0] ? r->iface : "none"));
	jset(j, "from_protocol", jstr(r->from_protocol));
	jset(j, "age", be_time(r->since));
	jset(j, "learnt_from", r->learnt_from[0] ? jstr(r->learnt_from) : json_null());
	jset(j, "primary", json_boolean(r->primary));
	jset(j, "metric", json_integer(r->preference));
	jset(j, "type", be_words(r->type));
	jset(bgp, "origin", jstr(r->origin));
	for (size_t i = 0; i < r->n_as_path; i++)
		json_array_append_new(path, json_integer(r->as_path[i]));
	jset(bgp, "as_path", path);
	jset(bgp, "next_hop", jstr(r->next_hop));
	if (r->has_med)
		jset(bgp, "med", json_integer(r->med));
	if (r->has_local_pref)
		jset(bgp, "local_pref", json_integer(r->local_pref));
	jset(bgp, "communities", lg_jcommunities(r));
	jset(bgp, "large_communities", lg_jlarge_communities(r));
	jset(j, "bgp", bgp);
	lg_jlist_row(o, j);
}

static void
be_routes_page_end(struct lg_out *o, const struct lg_routes *l)
{
	(void)l;
	lg_jlist_end(o);
}

const struct lg_output lg_out_be = {
	.page_size = 0,
	.error = be_error,
	.status_begin = be_status_begin,
	.status = be_status,
	.status_end = be_status_end,
	.protocols_begin = be_protocols_begin,
	.protocol = be_protocol,
	.protocols_end = be_protocols_end,
	.routes_page_begin = be_routes_page_begin,
	.routes_page_end = be_routes_page_end,
	.routes_begin = lg_out_no_mark,
	.route = be_route,
	.routes_end = lg_out_no_mark,
	.symbols = be_symbols,
};
