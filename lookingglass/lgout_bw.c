/*
 * The birdwatcher answers Alice-LG reads (docs/lookingglass.md): its field
 * names and types, numbers as strings where birdwatcher writes strings, and
 * its envelope (api, cached_at, ttl) around every answer.
 */
#include "lgout.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#define jstr lg_jstr
#define jset lg_jset

/* Birdwatcher clients (Alice-LG) read a plain {"error": "..."}. */
static void
bw_error(struct lg_out *o, int status, const char *param, const char *msg)
{
	json_t *root = json_object();

	(void)status;
	(void)param;
	jset(root, "error", jstr(msg));
	lg_json_body(o->resp, root);
}

static json_t *
bw_envelope(struct lg_app *app, const struct lg_reply *r, int64_t ttl_ms)
{
	json_t *root = json_object(), *api = json_object(), *cs = json_object(), *ca = json_object();
	char at[32], until[32], ver[64];
	int64_t fetched = r ? r->fetched_wall : (int64_t)time(NULL);

	lg_iso_time(fetched, at, sizeof(at));
	lg_iso_time(fetched + ttl_ms / 1000, until, sizeof(until));
	snprintf(ver, sizeof(ver), "ixp-lg %s", app->version);
	jset(api, "Version", jstr(ver));
	jset(api, "result_from_cache", json_boolean(r && r->fetched_wall < (int64_t)time(NULL)));
	jset(ca, "date", jstr(at));
	jset(ca, "timezone_type", jstr("UTC"));
	jset(ca, "timezone", jstr("UTC"));
	jset(cs, "cached_at", ca);
	jset(api, "cache_status", cs);
	jset(root, "api", api);
	jset(root, "cached_at", jstr(at));
	jset(root, "ttl", jstr(until));
	return root;
}

/* ---- status (of the route server of the path) ---- */

static void
bw_status_begin(struct lg_out *o)
{
	o->root = NULL;
}

static void
bw_status(struct lg_out *o, const struct lg_rs *rs, bool up, const struct lg_reply *r,
    const struct bird_status_info *st)
{
	char t1[32], t2[32], t3[32];

	(void)rs;
	(void)up;
	o->root = bw_envelope(o->app, r, o->app->core.opt.ttl_short_ms);
	lg_bird_time(st->server_time, t1, sizeof(t1));
	lg_bird_time(st->last_reboot, t2, sizeof(t2));
	lg_bird_time(st->last_reconfig, t3, sizeof(t3));
	jset(o->root, "status", json_pack("{s:o,s:o,s:o,s:o,s:o,s:o}", "version",
	    jstr(st->version), "router_id", jstr(st->router_id), "current_server", jstr(t1),
	    "last_reboot", jstr(t2), "last_reconfig", jstr(t3), "message", jstr(st->message)));
}

static void
bw_status_end(struct lg_out *o)
{
	lg_json_body(o->resp, o->root);
}

/* ---- protocols ---- */

static json_t *
bw_counts(const struct bird_channel *c)
{
	return json_pack("{s:I,s:I,s:I,s:I}", "imported", (json_int_t)c->imported,
	    "filtered", (json_int_t)c->filtered, "exported", (json_int_t)c->exported,
	    "preferred", (json_int_t)c->preferred);
}

static json_t *
bw_changes(const struct bird_changes *c)
{
	return json_pack("{s:I,s:I,s:I,s:I,s:I}", "received", (json_int_t)c->received,
	    "rejected", (json_int_t)c->rejected, "filtered", (json_int_t)c->filtered,
	    "ignored", (json_int_t)c->ignored, "accepted", (json_int_t)c->accepted);
}

static json_t *
bw_protocol_full(const struct bird_proto *p)
{
#define F(k, f) LG_JFIELD(k, struct bird_proto, f)
	static const struct lg_jfield fields[] = {
		F("protocol", name), F("bird_protocol", proto), F("state", state),
		F("connection", info), F("description", description), F("bgp_state", bgp_state),
		F("neighbor_address", neighbor_address), F("neighbor_id", neighbor_id),
		F("session", session), F("source_address", source_address),
		F("hold_timer", hold_timer), F("keepalive_timer", keepalive_timer),
		F("last_error", last_error),
	};
#undef F
	json_t *o = json_object(), *ch = json_object();
	struct bird_channel sum;
	char t[32];

	memset(&sum, 0, sizeof(sum));
	lg_jset_strings(o, p, fields, sizeof(fields) / sizeof(fields[0]));
	jset(o, "table", jstr(strcmp(p->table, "---") || p->n_ch == 0 ? p->table : p->ch[0].table));
	lg_bird_time(p->since, t, sizeof(t));
	jset(o, "state_changed", jstr(t));
	jset(o, "neighbor_as", json_integer(p->neighbor_as));
	jset(o, "local_as", json_integer(p->local_as));
	for (int k = 0; k < p->n_ch; k++) {
		const struct bird_channel *c = &p->ch[k];
		json_t *cj = json_object();
		jset(cj, "state", jstr(c->state));
		jset(cj, "table", jstr(c->table));
		jset(cj, "input_filter", jstr(c->input_filter));
		jset(cj, "output_filter", jstr(c->output_filter));
		/* birdwatcher writes "routes"; Alice-LG 6.2 reads "routes_count". */
		jset(cj, "routes", bw_counts(c));
		jset(cj, "routes_count", bw_counts(c));
		jset(ch, c->name, cj);
		sum.imported += c->imported;
		sum.filtered += c->filtered;
		sum.exported += c->exported;
		sum.preferred += c->preferred;
		if (k == 0) {
			jset(o, "input_filter", jstr(c->input_filter));
			jset(o, "output_filter", jstr(c->output_filter));
			if (c->limit) {
				jset(o, "import_limit", json_integer(c->limit));
				jset(o, "action", jstr(c->limit_action));
			}
			jset(o, "route_changes", json_pack("{s:o,s:o,s:o,s:o}",
			    "import_updates", bw_changes(&c->import_updates),
			    "import_withdraws", bw_changes(&c->import_withdraws),
			    "export_updates", bw_changes(&c->export_updates),
			    "export_withdraws", bw_changes(&c->export_withdraws)));
		}
	}
	jset(o, "channels", ch);
	jset(o, "routes", bw_counts(&sum));
	return o;
}

/* protocols/short: a few fields of every protocol. */
static json_t *
bw_protocol_brief(const struct bird_proto *p)
{
	char t[32];

	lg_bird_time(p->since, t, sizeof(t));
	return json_pack("{s:o,s:o,s:o,s:o,s:o}", "proto", jstr(p->proto), "table",
	    jstr(p->table), "state", jstr(p->state), "since", jstr(t), "info", jstr(p->info));
}

static void
bw_protocols_begin(struct lg_out *o, const struct lg_rs *rs, const struct lg_protos *pr)
{
	(void)rs;
	o->root = bw_envelope(o->app, pr->reply, o->app->core.opt.ttl_short_ms);
	o->item = json_object();
}

static void
bw_protocol(struct lg_out *o, const struct lg_rs *rs, const struct bird_proto *p)
{
	(void)rs;
	jset(o->item, p->name, o->rq->brief ? bw_protocol_brief(p) : bw_protocol_full(p));
}

static void
bw_protocols_end(struct lg_out *o)
{
	jset(o->root, "protocols", o->item);
	lg_json_body(o->resp, o->root);
}

/* ---- routes ---- */

static void
bw_routes_page_begin(struct lg_out *o, const struct lg_routes *l)
{
	lg_jlist_begin(o, bw_envelope(o->app, l->reply, o->app->core.opt.ttl_ms), "routes");
}

static void
bw_routes_page_end(struct lg_out *o, const struct lg_routes *l)
{
	(void)l;
	lg_jlist_end(o);
}

/* A number as birdwatcher writes it: a string. */
static json_t *
bw_num(uint32_t v)
{
	char num[16];

	snprintf(num, sizeof(num), "%u", v);
	return jstr(num);
}

static void
bw_route(struct lg_out *o, const struct lg_routes *l, const struct bird_route *r,
    const struct lg_route_flags *f)
{
	json_t *j = json_object(), *bgp = json_object(), *path = json_array();
	json_t *type = json_array();
	char t[32];
	const char *s = r->type;

	(void)l;
	(void)f;
	jset(j, "network", jstr(r->network));
	jset(j, "from_protocol", jstr(r->from_protocol));
	lg_bird_time(r->since, t, sizeof(t));
	jset(j, "age", jstr(t));
	jset(j, "learnt_from", jstr(r->learnt_from[0] ? r->learnt_from : r->gateway));
	jset(j, "primary", json_boolean(r->primary));
	jset(j, "metric", json_integer(r->preference));
	jset(j, "gateway", jstr(r->gateway));
	jset(j, "interface", jstr(r->iface));
	while (*s) {		/* "BGP univ" -> ["BGP", "univ"] */
		size_t n = strcspn(s, " ");
		if (n > 0 && n < sizeof(t)) {
			memcpy(t, s, n);
			t[n] = '\0';
			json_array_append_new(type, jstr(t));
		}
		s += n;
		s += strspn(s, " ");
	}
	jset(j, "type", type);
	jset(bgp, "origin", jstr(r->origin));
	for (size_t i = 0; i < r->n_as_path; i++)
		json_array_append_new(path, bw_num(r->as_path[i]));
	jset(bgp, "as_path", path);
	jset(bgp, "next_hop", jstr(r->next_hop));
	jset(bgp, "local_pref", r->has_local_pref ? bw_num(r->local_pref) : jstr(""));
	jset(bgp, "med", r->has_med ? bw_num(r->med) : jstr(""));
	if (r->has_otc)
		jset(bgp, "otc", bw_num(r->otc));
	jset(bgp, "communities", lg_jcommunities(r));
	jset(bgp, "large_communities", lg_jlarge_communities(r));
	jset(bgp, "ext_communities", lg_jext_communities(r));
	jset(j, "bgp", bgp);
	lg_jlist_row(o, j);
}

const struct lg_output lg_out_bw = {
	.page_size = 0,
	.error = bw_error,
	.status_begin = bw_status_begin,
	.status = bw_status,
	.status_end = bw_status_end,
	.protocols_begin = bw_protocols_begin,
	.protocol = bw_protocol,
	.protocols_end = bw_protocols_end,
	.routes_page_begin = bw_routes_page_begin,
	.routes_page_end = bw_routes_page_end,
	.routes_begin = lg_out_no_mark,
	.route = bw_route,
	.routes_end = lg_out_no_mark,
};
