/* The /api/v1 JSON answers (docs/lookingglass.md has their shapes). */
#include "lgout.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#define jstr lg_jstr
#define jset lg_jset

static void
j_error(struct lg_out *o, int status, const char *param, const char *msg)
{
	json_t *root = json_object(), *e = json_object();

	jset(e, "status", json_integer(status));
	jset(e, "param", param && *param ? jstr(param) : json_null());
	jset(e, "message", jstr(msg));
	jset(root, "error", e);
	lg_json_body(o->resp, root);
}

/* ---- status ---- */

static void
j_status_begin(struct lg_out *o)
{
	o->root = json_object();
	o->list = json_array();
}

static void
j_status(struct lg_out *o, const struct lg_rs *rs, bool up, const struct lg_reply *r,
    const struct bird_status_info *st)
{
#define F(k, f) LG_JFIELD(k, struct bird_status_info, f)
	static const struct lg_jfield fields[] = {
		F("version", version), F("router_id", router_id), F("server_time", server_time),
		F("last_reboot", last_reboot), F("last_reconfig", last_reconfig),
		F("message", message),
	};
#undef F
	json_t *j = json_object();

	jset(j, "name", jstr(rs->name));
	jset(j, "up", json_boolean(up));
	jset(j, "error", up ? json_null() : jstr(lg_reply_public(r)));
	lg_jset_strings(j, st, fields, sizeof(fields) / sizeof(fields[0]));
	json_array_append_new(o->list, j);
}

static void
j_status_end(struct lg_out *o)
{
	char now[32];

	lg_iso_time(time(NULL), now, sizeof(now));
	jset(o->root, "route_servers", o->list);
	jset(o->root, "generated_at", jstr(now));
	lg_json_body(o->resp, o->root);
}

/* ---- neighbours ---- */

static json_t *
j_counts(const struct bird_channel *c)
{
	json_t *j = json_object();

	jset(j, "received", json_integer((json_int_t)(c->imported + c->filtered)));
	jset(j, "accepted", json_integer((json_int_t)c->imported));
	jset(j, "filtered", json_integer((json_int_t)c->filtered));
	jset(j, "exported", json_integer((json_int_t)c->exported));
	jset(j, "limit", c->limit ? json_integer(c->limit) : json_null());
	jset(j, "limit_hit", json_boolean(c->limit_hit));
	return j;
}

static json_t *
j_neighbor_obj(struct lg_out *o, const struct bird_proto *p)
{
	json_t *j = json_object(), *fam = json_object();
	uint32_t asn = lg_proto_asn(p);
	const struct lg_member *m = lg_member_find(o->app->members, asn);
	char t[32];

	jset(j, "id", jstr(p->name));
	jset(j, "asn", json_integer(asn));
	jset(j, "member_name", m ? jstr(m->name) : json_null());
	jset(j, "description", jstr(p->description));
	jset(j, "address", jstr(p->neighbor_address));
	jset(j, "state", jstr(p->state));
	jset(j, "bgp_state", jstr(p->bgp_state[0] ? p->bgp_state : p->info));
	jset(j, "established", json_boolean(p->established));
	lg_bird_time(p->since, t, sizeof(t));
	jset(j, "since", jstr(t));
	jset(j, "last_error", p->last_error[0] ? jstr(p->last_error) : json_null());
	for (int i = 0; i < p->n_ch; i++)
		jset(fam, p->ch[i].name, j_counts(&p->ch[i]));
	jset(j, "families", fam);
	return j;
}

static void
j_protocols_begin(struct lg_out *o, const struct lg_rs *rs, const struct lg_protos *pr)
{
	o->root = json_object();
	o->list = json_array();
	jset(o->root, "route_server", jstr(rs->name));
	jset(o->root, "rs_asn", json_integer(pr->rs_asn));
}

static void
j_protocol(struct lg_out *o, const struct lg_rs *rs, const struct bird_proto *p)
{
	(void)rs;
	json_array_append_new(o->list, j_neighbor_obj(o, p));
}

static void
j_protocols_end(struct lg_out *o)
{
	jset(o->root, "neighbors", o->list);
	lg_json_body(o->resp, o->root);
}

static void
j_neighbor(struct lg_out *o, const struct lg_rs *rs, const struct bird_proto *p)
{
	(void)rs;
	lg_json_body(o->resp, j_neighbor_obj(o, p));
}

/* ---- routes ---- */

static void
j_routes_page_begin(struct lg_out *o, const struct lg_routes *l)
{
	o->root = json_object();
	o->list = json_array();
	jset(o->root, "route_server", jstr(l->rs->name));
	jset(o->root, "neighbor", jstr(l->neighbor->name));
	jset(o->root, "view", jstr(lg_view_name(o->rq->view)));
	jset(o->root, "page", json_integer(o->rq->page_no));
	jset(o->root, "page_size", json_integer((json_int_t)o->fmt->page_size));
	jset(o->root, "total", json_integer((json_int_t)l->reply->routes));
	jset(o->root, "truncated", json_boolean(l->reply->truncated));
}

static void
j_routes_page_end(struct lg_out *o, const struct lg_routes *l)
{
	(void)l;
	jset(o->root, "routes", o->list);
	lg_json_body(o->resp, o->root);
}

static void
j_route(struct lg_out *o, const struct lg_routes *l, const struct bird_route *r,
    const struct lg_route_flags *f)
{
	json_t *j = json_object(), *path = json_array();
	char t[32];

	jset(j, "network", jstr(r->network));
	jset(j, "from_protocol", jstr(r->from_protocol));
	jset(j, "neighbor_asn", json_integer(lg_session_asn(r->from_protocol)));
	jset(j, "primary", json_boolean(r->primary));
	jset(j, "dest", jstr(r->dest));
	jset(j, "next_hop", jstr(r->next_hop[0] ? r->next_hop : r->gateway));
	for (size_t i = 0; i < r->n_as_path; i++)
		json_array_append_new(path, json_integer(r->as_path[i]));
	jset(j, "as_path", path);
	jset(j, "as_path_truncated", json_boolean(r->as_path_truncated));
	jset(j, "origin", jstr(r->origin));
	jset(j, "local_pref", r->has_local_pref ? json_integer(r->local_pref) : json_null());
	jset(j, "med", r->has_med ? json_integer(r->med) : json_null());
	jset(j, "communities", lg_jcommunities(r));
	jset(j, "large_communities", lg_jlarge_communities(r));
	jset(j, "ext_communities", lg_jext_communities(r));
	jset(j, "community_meanings", lg_jcommunity_meanings(o, l, r));
	jset(j, "rpki", f->rpki ? jstr(lg_rpki_name(f->rpki)) : json_null());
	jset(j, "blackhole", json_boolean(f->blackhole));
	if (f->reject) {
		const char *hint, *text = lg_reason_text(&o->app->reasons, f->reject, &hint);
		json_t *rj = json_object();
		jset(rj, "code", json_integer(f->reject));
		jset(rj, "text", jstr(text));
		jset(rj, "hint", jstr(hint));
		jset(j, "reject", rj);
	} else {
		jset(j, "reject", json_null());
	}
	lg_bird_time(r->since, t, sizeof(t));
	jset(j, "since", jstr(t));
	jset(j, "filtered", json_boolean(l->filtered || f->reject != 0));
	if (f->relation != REL_NONE)
		jset(j, "relation", jstr(lg_relation_name(f->relation)));
	if (l->noexport) {
		json_t *ne = json_object();
		jset(ne, "reason", f->not_sent == ANN_SENT ? jstr("export_filter") :
		    jstr(announce_why_key(f->not_sent)));
		jset(ne, "text", jstr(f->not_sent == ANN_SENT ? "rejected by its export filter" :
		    announce_why_text(f->not_sent)));
		jset(j, "not_exported", ne);
	} else if (!(l->filtered || f->reject != 0) && !l->exported) {
		json_t *ws = json_array();
		for (size_t i = 0; i < f->n_withheld; i++) {
			json_t *w = json_object();
			jset(w, "asn", json_integer(f->withheld[i]));
			jset(w, "reason", jstr(announce_why_key(f->withheld_why[i])));
			json_array_append_new(ws, w);
		}
		jset(j, "sent_to_none", f->sent_to_none != ANN_SENT ?
		    jstr(announce_why_key(f->sent_to_none)) : json_null());
		jset(j, "not_sent_to", ws);
		jset(j, "not_sent_to_more", json_integer((json_int_t)f->more_withheld));
	}
	if (l->neighbor == NULL)
		jset(j, "route_server", jstr(l->rs->name));
	json_array_append_new(o->list, j);
}

static void
j_routes_end(struct lg_out *o, const struct lg_routes *l)
{
	if (l->reply->truncated && o->item != NULL)
		jset(o->item, "truncated", json_true());
}

/* ---- lookups ---- */

static void
j_search_begin(struct lg_out *o, const char *what)
{
	(void)what;
	o->root = json_array();		/* the results, one per route server */
}

static void
j_search_rs_begin(struct lg_out *o, const struct lg_rs *rs)
{
	o->item = json_object();
	o->list = json_array();
	jset(o->item, "route_server", jstr(rs->name));
}

static void
j_search_rs_end(struct lg_out *o, const struct lg_rs *rs, const char *error)
{
	(void)rs;
	jset(o->item, "up", json_boolean(error == NULL));
	if (error != NULL)
		jset(o->item, "error", jstr(error));
	jset(o->item, "routes", o->list);
	json_array_append_new(o->root, o->item);
	o->item = NULL;
	o->list = NULL;
}

static void
j_search_end(struct lg_out *o, const char *what, size_t shown, size_t pages)
{
	json_t *root = json_object();

	(void)shown;
	jset(root, "query", jstr(what));
	if (o->rq->has_q && !o->rq->q_is_ip) {
		jset(root, "page", json_integer(o->rq->page_no));
		jset(root, "page_size", json_integer((json_int_t)o->fmt->page_size));
		jset(root, "pages", json_integer((json_int_t)pages));
	}
	jset(root, "results", o->root);
	lg_json_body(o->resp, root);
}

/* ---- members ---- */

static void
j_members_begin(struct lg_out *o, const struct lg_directory *d)
{
	(void)d;
	o->list = json_array();
}

static void
j_member(struct lg_out *o, const struct lg_member *m)
{
	json_t *j = json_object(), *conns = json_array();

	jset(j, "asn", json_integer(m->asn));
	jset(j, "name", jstr(m->name));
	jset(j, "email", jstr(m->email));
	jset(j, "phone", jstr(m->phone));
	jset(j, "manrs", json_boolean(m->manrs));
	for (size_t k = 0; k < m->n_conns; k++) {
		json_t *cj = json_object();
		jset(cj, "ipv4", m->conns[k].addr[0] ? jstr(m->conns[k].addr[0]) : json_null());
		jset(cj, "ipv6", m->conns[k].addr[1] ? jstr(m->conns[k].addr[1]) : json_null());
		json_array_append_new(conns, cj);
	}
	jset(j, "connections", conns);
	json_array_append_new(o->list, j);
}

static void
j_members_end(struct lg_out *o, const struct lg_directory *d)
{
	json_t *root = json_object();

	(void)d;
	jset(root, "members", o->list);
	lg_json_body(o->resp, root);
}

/* ---- a member ---- */

static json_t *
j_live(const struct ready_live *l, bool truncated)
{
	json_t *j = json_object(), *by = json_object(), *rpki = json_object();
	char key[16];

	jset(j, "announced", json_integer((json_int_t)l->announced));
	jset(j, "accepted", json_integer((json_int_t)l->accepted));
	jset(j, "filtered", json_integer((json_int_t)l->filtered));
	for (int c = 0; c <= REJ_MAX; c++)
		if (l->by_reason[c]) {
			snprintf(key, sizeof(key), "%d", c);
			jset(by, key, json_integer((json_int_t)l->by_reason[c]));
		}
	jset(j, "filtered_by_reason", by);
	for (int t = 0; t <= RPKI_TAG_INVALID; t++)
		jset(rpki, t ? rpki_tag_name(t) : "untagged", json_integer((json_int_t)l->rpki[t]));
	jset(j, "rpki", rpki);
	jset(j, "truncated", json_boolean(truncated));
	return j;
}

static json_t *
j_pair(const size_t *v)
{
	json_t *j = json_object();

	jset(j, "ipv4", json_integer((json_int_t)v[0]));
	jset(j, "ipv6", json_integer((json_int_t)v[1]));
	return j;
}

static json_t *
j_ready(const struct lg_ready *r, const struct lg_member_view *v)
{
	json_t *j = json_object(), *adv = json_array();

	jset(j, "as_set", r->as_set ? jstr(r->as_set) : json_null());
	jset(j, "route_objects", j_pair(r->f.route_objects));
	jset(j, "route_objects_with_roa", j_pair(r->f.with_roa));
	jset(j, "route_objects_rpki_invalid", json_integer((json_int_t)r->f.stale));
	jset(j, "rpki_invalid_example", r->stale_example ? jstr(r->stale_example) : json_null());
	jset(j, "irr_complete", json_boolean(v->irr_complete));
	jset(j, "roa_complete", json_boolean(v->roa_complete));
	for (size_t i = 0; i < r->n_advice; i++)
		json_array_append_new(adv, jstr(r->advice[i]));
	jset(j, "advice", adv);
	return j;
}

static void
j_member_page(struct lg_out *o, const struct lg_member_view *v)
{
	json_t *root = json_object(), *rss = json_array(), *by = json_array(), *fx = json_array();

	jset(root, "asn", json_integer(v->asn));
	jset(root, "name", v->m ? jstr(v->m->name) : json_null());
	jset(root, "manrs", v->m ? json_boolean(v->m->manrs) : json_null());
	for (size_t i = 0; i < v->n_rs; i++) {
		const struct lg_member_rs *mr = &v->rs[i];
		json_t *rj = json_object(), *ss = json_array();
		jset(rj, "name", jstr(mr->rs->name));
		jset(rj, "error", mr->error[0] ? jstr(mr->error) : json_null());
		for (size_t k = mr->first; k < mr->first + mr->n; k++) {
			json_t *sj = j_neighbor_obj(o, v->s[k].p);
			jset(sj, "routes", j_live(&v->s[k].live, v->s[k].truncated));
			json_array_append_new(ss, sj);
		}
		jset(rj, "sessions", ss);
		json_array_append_new(rss, rj);
	}
	jset(root, "route_servers", rss);
	jset(root, "routes_counted_on", v->routes_rs ? jstr(v->routes_rs->name) : json_null());
	jset(root, "routes", v->routes_rs ? j_live(&v->live, v->truncated) : json_null());
	for (int c = 0; v->routes_rs && c <= REJ_MAX; c++) {
		const char *hint = "", *text;
		json_t *r;
		if (v->live.by_reason[c] == 0)
			continue;
		text = c ? lg_reason_text(&o->app->reasons, c, &hint) : "no reason tag";
		r = json_object();
		jset(r, "code", json_integer(c));
		jset(r, "reason", jstr(text));
		jset(r, "hint", jstr(hint));
		jset(r, "routes", json_integer((json_int_t)v->live.by_reason[c]));
		jset(r, "example", jstr(v->live.example[c]));
		json_array_append_new(by, r);
	}
	jset(root, "filtered_by_reason", by);
	jset(root, "readiness", v->ready ? j_ready(v->ready, v) : json_null());
	jset(root, "readiness_error", v->ready_error ? jstr(v->ready_error) : json_null());
	for (size_t k = 0; k < v->n_fixes; k++)
		json_array_append_new(fx, jstr(v->fixes[k]));
	jset(root, "fixes", fx);
	lg_json_body(o->resp, root);
}

const struct lg_output lg_out_json = {
	.page_size = LG_PAGE_SIZE,
	.withheld = true,
	.error = j_error,
	.status_begin = j_status_begin,
	.status = j_status,
	.status_end = j_status_end,
	.protocols_begin = j_protocols_begin,
	.protocol = j_protocol,
	.protocols_end = j_protocols_end,
	.neighbor = j_neighbor,
	.routes_page_begin = j_routes_page_begin,
	.routes_page_end = j_routes_page_end,
	.routes_begin = lg_out_no_mark,
	.route = j_route,
	.routes_end = j_routes_end,
	.search_begin = j_search_begin,
	.search_rs_begin = j_search_rs_begin,
	.search_rs_end = j_search_rs_end,
	.search_end = j_search_end,
	.members_begin = j_members_begin,
	.member = j_member,
	.members_end = j_members_end,
	.member_page = j_member_page,
};
