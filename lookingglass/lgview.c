#include "lgview.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <jansson.h>

#include "reasons.h"
#include "strutil.h"
#include "xalloc.h"

void
lg_response_init(struct lg_response *r)
{
	memset(r, 0, sizeof(*r));
	r->status = 200;
	r->ctype = "text/html; charset=utf-8";
}

void
lg_response_free(struct lg_response *r)
{
	buf_free(&r->body);
}

/* ---- shared helpers --------------------------------------------------------------- */

static void
esc(struct buf *b, const char *s)
{
	html_escape(b, s ? s : "");
}

/* JSON string; bytes that are not UTF-8 become '?' (jansson refuses them). */
static json_t *
jstr(const char *s)
{
	json_t *j;
	char *copy;

	if (s == NULL)
		return json_null();
	if ((j = json_string(s)) != NULL)
		return j;
	copy = xstrdup(s);
	for (char *p = copy; *p; p++)
		if ((unsigned char)*p >= 0x80 || (unsigned char)*p < 0x20)
			*p = '?';
	j = json_string(copy);
	free(copy);
	return j;
}

static void
jset(json_t *o, const char *k, json_t *v)
{
	json_object_set_new(o, k, v ? v : json_null());
}

static void
json_body(struct lg_response *resp, json_t *root)
{
	char *s = json_dumps(root, JSON_INDENT(1) | JSON_PRESERVE_ORDER);

	resp->ctype = "application/json";
	buf_reset(&resp->body);
	if (s != NULL) {
		buf_puts(&resp->body, s);
		buf_putc(&resp->body, '\n');
		free(s);
	}
	json_decref(root);
}

static void
iso_time(int64_t t, char *out, size_t cap)
{
	time_t tt = (time_t)t;
	struct tm tm;

	gmtime_r(&tt, &tm);
	strftime(out, cap, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

/* BIRD's "2026-11-23 13:14:40.123" as "2026-11-23 13:14:40". */
static void
bird_time(const char *s, char *out, size_t cap)
{
	snprintf(out, cap, "%.19s", s ? s : "");
}

/* 0: the route server never got to the RPKI check (filtered earlier). */
static const char *
rpki_name(int tag)
{
	return tag ? rpki_tag_name(tag) : "not evaluated";
}

static const char *
view_name(enum lg_view v)
{
	return v == VIEW_FILTERED ? "filtered" : v == VIEW_EXPORTED ? "exported" : "accepted";
}

/* The member a session belongs to, from the directory. */
static const struct lg_member *
member_of(const struct lg_app *app, uint32_t asn)
{
	return lg_member_find(app->members, asn);
}

/* ---- data from BIRD ----------------------------------------------------------------- */

/* Protocols of a route server (cached); reply NULL when BIRD is down. */
struct protos {
	struct lg_reply		*reply;
	struct bp_protocols	 p;
	uint32_t		 rs_asn;
};

static bool
get_protos(struct lg_app *app, struct lg_rs *rs, bool uncached, struct protos *out)
{
	struct lg_args a = { 0 };

	memset(out, 0, sizeof(*out));
	out->reply = lg_query(&app->core, rs, CMD_PROTOCOLS, &a, uncached);
	if (out->reply->status != BS_OK)
		return false;
	lg_replay(out->reply, bp_protocols_line, &out->p);
	out->rs_asn = app->reasons.rs_asn;
	for (size_t i = 0; out->rs_asn == 0 && i < out->p.n; i++)
		if (!strcmp(out->p.v[i].proto, "BGP"))
			out->rs_asn = out->p.v[i].local_as;
	return true;
}

static void
put_protos(struct lg_app *app, struct protos *pr)
{
	bp_protocols_free(&pr->p);
	lg_reply_put(&app->core, pr->reply);
}

/* 503 for a route server BIRD does not answer on. */
static void
bird_down(struct lg_app *app, enum lg_format fmt, const struct lg_rs *rs, const struct lg_reply *r,
    struct lg_response *resp)
{
	char msg[512];

	snprintf(msg, sizeof(msg), "route server %s is not answering (%s); the looking glass "
	    "reconnects by itself, try again in a few seconds", rs->name, r->text);
	lg_error(app, fmt, 503, NULL, msg, resp);
	resp->retry_after = 5;
}

/* Walking the routes of a reply, a window of them rendered. */
struct walk {
	struct lg_app	*app;
	uint32_t	 rs_asn;
	const char	*rs;
	bool		 filtered;	/* the list is of filtered routes */
	size_t		 skip, limit, seen, shown;
	void		(*row)(struct walk *w, const struct bird_route *r,
			    const struct lg_route_flags *f);
	struct buf	*html;
	json_t		*arr;
};

static int
walk_route(void *ctx, const struct bird_route *r)
{
	struct walk *w = ctx;
	struct lg_route_flags f;

	if (w->seen++ < w->skip || w->shown >= w->limit)
		return 0;
	lg_route_flags(&w->app->reasons, w->rs_asn, r, &f);
	w->row(w, r, &f);
	w->shown++;
	return 0;
}

static void
walk(struct walk *w, const struct lg_reply *reply)
{
	struct bp_routes p;

	bp_routes_init(&p, walk_route, w);
	lg_replay(reply, bp_routes_line, &p);
	bp_routes_finish(&p);
	bp_routes_free(&p);
}

/* ---- JSON pieces ----------------------------------------------------------------------- */

static json_t *
j_counts(const struct bird_channel *c)
{
	json_t *o = json_object();

	jset(o, "received", json_integer((json_int_t)(c->imported + c->filtered)));
	jset(o, "accepted", json_integer((json_int_t)c->imported));
	jset(o, "filtered", json_integer((json_int_t)c->filtered));
	jset(o, "exported", json_integer((json_int_t)c->exported));
	jset(o, "limit", c->limit ? json_integer(c->limit) : json_null());
	jset(o, "limit_hit", json_boolean(c->limit_hit));
	return o;
}

/* The neighbour's ASN: BIRD's, or from our session name before it connects. */
static uint32_t
proto_asn(const struct bird_proto *p)
{
	return p->neighbor_as ? p->neighbor_as : lg_session_asn(p->name);
}

static json_t *
j_neighbor(struct lg_app *app, const struct bird_proto *p)
{
	json_t *o = json_object(), *fam = json_object();
	uint32_t asn = proto_asn(p);
	const struct lg_member *m = member_of(app, asn);
	char t[32];

	jset(o, "id", jstr(p->name));
	jset(o, "asn", json_integer(asn));
	jset(o, "member_name", m ? jstr(m->name) : json_null());
	jset(o, "description", jstr(p->description));
	jset(o, "address", jstr(p->neighbor_address));
	jset(o, "state", jstr(p->state));
	jset(o, "bgp_state", jstr(p->bgp_state[0] ? p->bgp_state : p->info));
	jset(o, "established", json_boolean(!strcmp(p->bgp_state, "Established")));
	bird_time(p->since, t, sizeof(t));
	jset(o, "since", jstr(t));
	jset(o, "last_error", p->last_error[0] ? jstr(p->last_error) : json_null());
	for (int i = 0; i < p->n_ch; i++)
		jset(fam, p->ch[i].name, j_counts(&p->ch[i]));
	jset(o, "families", fam);
	return o;
}

static json_t *
j_route(const struct bird_route *r, const struct lg_route_flags *f, struct lg_app *app)
{
	json_t *o = json_object(), *path = json_array(), *c = json_array(), *lc = json_array();
	json_t *ec = json_array();
	char t[32];

	jset(o, "network", jstr(r->network));
	jset(o, "from_protocol", jstr(r->from_protocol));
	jset(o, "neighbor_asn", json_integer(lg_session_asn(r->from_protocol)));
	jset(o, "primary", json_boolean(r->primary));
	jset(o, "dest", jstr(r->dest));
	jset(o, "next_hop", jstr(r->next_hop[0] ? r->next_hop : r->gateway));
	for (size_t i = 0; i < r->n_as_path; i++)
		json_array_append_new(path, json_integer(r->as_path[i]));
	jset(o, "as_path", path);
	jset(o, "as_path_truncated", json_boolean(r->as_path_truncated));
	jset(o, "origin", jstr(r->origin));
	jset(o, "local_pref", r->has_local_pref ? json_integer(r->local_pref) : json_null());
	jset(o, "med", r->has_med ? json_integer(r->med) : json_null());
	for (size_t i = 0; i < r->n_communities; i++)
		json_array_append_new(c, json_pack("[II]", (json_int_t)r->communities[i][0],
		    (json_int_t)r->communities[i][1]));
	jset(o, "communities", c);
	for (size_t i = 0; i < r->n_large_communities; i++)
		json_array_append_new(lc, json_pack("[III]", (json_int_t)r->large_communities[i][0],
		    (json_int_t)r->large_communities[i][1], (json_int_t)r->large_communities[i][2]));
	jset(o, "large_communities", lc);
	for (size_t i = 0; i < r->n_ext_communities; i++)
		json_array_append_new(ec, json_pack("[sss]", r->ext_communities[i][0],
		    r->ext_communities[i][1], r->ext_communities[i][2]));
	jset(o, "ext_communities", ec);
	jset(o, "rpki", f->rpki ? jstr(rpki_name(f->rpki)) : json_null());
	jset(o, "blackhole", json_boolean(f->blackhole));
	if (f->reject) {
		const char *hint, *text = lg_reason_text(&app->reasons, f->reject, &hint);
		json_t *rj = json_object();
		jset(rj, "code", json_integer(f->reject));
		jset(rj, "text", jstr(text));
		jset(rj, "hint", jstr(hint));
		jset(o, "reject", rj);
	} else {
		jset(o, "reject", json_null());
	}
	bird_time(r->since, t, sizeof(t));
	jset(o, "since", jstr(t));
	return o;
}

static void
j_row(struct walk *w, const struct bird_route *r, const struct lg_route_flags *f)
{
	json_t *o = j_route(r, f, w->app);

	jset(o, "filtered", json_boolean(w->filtered || f->reject != 0));
	if (w->rs)
		jset(o, "route_server", jstr(w->rs));
	json_array_append_new(w->arr, o);
}

/* ---- HTML pieces ------------------------------------------------------------------------ */

static void
html_begin(struct buf *b, struct lg_app *app, const char *title)
{
	/* Links are relative to <base>: the same pages work at / and under a
	 * CGI script's path. */
	buf_puts(b, "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
	    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><base href=\"");
	esc(b, app->base);
	buf_puts(b, "/\"><link rel=\"stylesheet\" href=\"static/lg.css\"><title>");
	esc(b, title);
	buf_puts(b, " - ");
	esc(b, app->title);
	buf_puts(b, "</title></head>\n<body><header><a class=\"home\" href=\"./\">");
	esc(b, app->title);
	buf_puts(b, "</a> <span>looking glass</span><nav>"
	    "<form action=\"lookup\" method=\"get\"><label>Prefix or IP <input name=\"q\" "
	    "size=\"24\" required></label> <button>Look up</button></form>"
	    "<form action=\"origin\" method=\"get\"><label>Origin AS <input name=\"asn\" "
	    "size=\"12\" required></label> <button>Search</button></form>"
	    "<a href=\"members\">Members</a></nav></header>\n<main>\n<h1>");
	esc(b, title);
	buf_puts(b, "</h1>\n");
}

static void
html_end(struct buf *b, struct lg_app *app)
{
	buf_puts(b, "</main>\n<footer>ixp-lg ");
	esc(b, app->version);
	buf_puts(b, " &middot; <a href=\"api/v1/status\">JSON API</a></footer>\n</body></html>\n");
}

/* The page of a route server, or of one of its sessions: rs/NAME[/PROTO]. */
static void
h_href(struct buf *b, const char *rs, const char *proto)
{
	buf_puts(b, "rs/");
	esc(b, rs);
	if (proto != NULL) {
		buf_putc(b, '/');
		esc(b, proto);
	}
}

static void
h_path(struct buf *b, const struct bird_route *r)
{
	for (size_t i = 0; i < r->n_as_path; i++)
		buf_printf(b, "%s%u", i ? " " : "", r->as_path[i]);
	if (r->as_path_truncated)
		buf_puts(b, " &hellip;");
}

static void
h_communities(struct buf *b, const struct bird_route *r)
{
	for (size_t i = 0; i < r->n_communities; i++)
		buf_printf(b, "<span class=\"c\">%u:%u</span> ", r->communities[i][0],
		    r->communities[i][1]);
	for (size_t i = 0; i < r->n_large_communities; i++)
		buf_printf(b, "<span class=\"c\">%u:%u:%u</span> ", r->large_communities[i][0],
		    r->large_communities[i][1], r->large_communities[i][2]);
}

static void
h_row(struct walk *w, const struct bird_route *r, const struct lg_route_flags *f)
{
	struct buf *b = w->html;
	bool filtered = w->filtered || f->reject != 0;

	buf_printf(b, "<tr class=\"%s\"><td class=\"net\">", filtered ? "rej" : "ok");
	esc(b, r->network);
	if (r->primary && !filtered)
		buf_puts(b, " <span class=\"tag\" title=\"best route\">best</span>");
	if (f->blackhole)
		buf_puts(b, " <span class=\"tag bh\">blackhole</span>");
	buf_puts(b, "</td>");
	if (w->rs != NULL) {
		buf_puts(b, "<td><a href=\"");
		h_href(b, w->rs, r->from_protocol);
		buf_puts(b, "\">");
		esc(b, r->from_protocol);
		buf_puts(b, "</a></td>");
	}
	buf_puts(b, "<td>");
	esc(b, r->next_hop[0] ? r->next_hop : r->gateway);
	buf_puts(b, "</td><td class=\"path\">");
	h_path(b, r);
	if (f->rpki)
		buf_printf(b, "</td><td class=\"rpki-%d\">%s</td><td>", f->rpki, rpki_name(f->rpki));
	else
		buf_puts(b, "</td><td class=\"rpki-0\" title=\"filtered before the RPKI check\">"
		    "&ndash;</td><td>");
	if (f->reject) {
		const char *hint, *text = lg_reason_text(&w->app->reasons, f->reject, &hint);
		buf_printf(b, "<strong>%d</strong> ", f->reject);
		esc(b, text);
		if (hint && *hint) {
			buf_puts(b, "<div class=\"hint\">");
			esc(b, hint);
			buf_puts(b, "</div>");
		}
	} else {
		buf_puts(b, filtered ? "filtered" : "accepted");
	}
	buf_puts(b, "</td><td class=\"comm\">");
	h_communities(b, r);
	buf_puts(b, "</td></tr>\n");
}

static void
h_route_table_head(struct buf *b, bool with_neighbor)
{
	buf_printf(b, "<table class=\"routes\"><thead><tr><th>Network</th>%s<th>Next hop</th>"
	    "<th>AS path</th><th>RPKI</th><th>Verdict</th><th>Communities</th></tr></thead>"
	    "<tbody>\n", with_neighbor ? "<th>Neighbour</th>" : "");
}

static void
h_state(struct buf *b, const struct bird_proto *p)
{
	bool up = !strcmp(p->bgp_state, "Established") || !strcmp(p->info, "Established");

	buf_printf(b, "<span class=\"st %s\">", up ? "up" : "down");
	esc(b, p->bgp_state[0] ? p->bgp_state : p->info[0] ? p->info : p->state);
	buf_puts(b, "</span>");
}

/* ---- pages: status -------------------------------------------------------------------- */

static void
page_status(struct lg_app *app, const struct lg_request *rq, struct lg_response *resp)
{
	struct buf *b = &resp->body;
	json_t *root = json_object(), *arr = json_array();
	char now[32];

	if (!(rq->fmt != LGF_HTML)) {
		html_begin(b, app, "Route servers");
		buf_puts(b, "<table><thead><tr><th>Route server</th><th>State</th><th>BIRD</th>"
		    "<th>Router ID</th><th>Last reboot</th><th>Last reconfiguration</th></tr>"
		    "</thead><tbody>\n");
	}
	for (size_t i = 0; i < app->core.n_rs; i++) {
		struct lg_rs *rs = &app->core.rs[i];
		struct lg_args a = { 0 };
		struct lg_reply *r = lg_query(&app->core, rs, CMD_STATUS, &a, false);
		struct bird_status_info st;
		bool up = r->status == BS_OK && r->code == 13;

		memset(&st, 0, sizeof(st));
		lg_replay(r, bp_status_line, &st);
		if ((rq->fmt != LGF_HTML)) {
			json_t *o = json_object();
			jset(o, "name", jstr(rs->name));
			jset(o, "up", json_boolean(up));
			jset(o, "error", up ? json_null() : jstr(r->text));
			jset(o, "version", jstr(st.version));
			jset(o, "router_id", jstr(st.router_id));
			jset(o, "server_time", jstr(st.server_time));
			jset(o, "last_reboot", jstr(st.last_reboot));
			jset(o, "last_reconfig", jstr(st.last_reconfig));
			jset(o, "message", jstr(st.message));
			json_array_append_new(arr, o);
		} else {
			buf_puts(b, "<tr><td><a href=\"");
			h_href(b, rs->name, NULL);
			buf_puts(b, "\">");
			esc(b, rs->name);
			buf_printf(b, "</a></td><td><span class=\"st %s\">", up ? "up" : "down");
			esc(b, up ? st.message : r->text);
			buf_puts(b, "</span></td><td>");
			esc(b, st.version);
			buf_puts(b, "</td><td>");
			esc(b, st.router_id);
			buf_puts(b, "</td><td>");
			esc(b, st.last_reboot);
			buf_puts(b, "</td><td>");
			esc(b, st.last_reconfig);
			buf_puts(b, "</td></tr>\n");
		}
		lg_reply_put(&app->core, r);
	}
	if ((rq->fmt != LGF_HTML)) {
		iso_time(time(NULL), now, sizeof(now));
		jset(root, "route_servers", arr);
		jset(root, "generated_at", jstr(now));
		json_body(resp, root);
		return;
	}
	json_decref(root);
	json_decref(arr);
	buf_puts(b, "</tbody></table>\n<p>Pick a route server to see its neighbours, or look "
	    "up a prefix or an origin AS above. Filtered routes show why they were filtered.</p>\n");
	html_end(b, app);
}

/* ---- pages: neighbours ----------------------------------------------------------------- */

static void
h_neighbor_row(struct buf *b, struct lg_app *app, const struct lg_rs *rs,
    const struct bird_proto *p)
{
	uint32_t asn = proto_asn(p);
	const struct lg_member *m = member_of(app, asn);

	buf_puts(b, "<tr><td><a href=\"");
	h_href(b, rs->name, p->name);
	buf_puts(b, "\">");
	esc(b, p->name);
	buf_printf(b, "</a></td><td>AS%u</td><td>", asn);
	esc(b, m ? m->name : p->description);
	buf_puts(b, "</td><td>");
	esc(b, p->neighbor_address);
	buf_puts(b, "</td><td>");
	h_state(b, p);
	buf_puts(b, "</td><td class=\"time\">");
	esc(b, p->since);
	buf_puts(b, "</td>");
	/*
	 * One line per channel with routes in each count cell: a dual-stack
	 * session shows its IPv4 and IPv6 counts apart, a single-family one
	 * (the usual case at an IXP) takes no room for the other family.
	 */
	for (int col = 0; col < 5; col++) {
		bool any = false;
		buf_puts(b, col ? "<td class=\"num\">" : "<td>");
		for (int k = 0; k < p->n_ch; k++) {
			const struct bird_channel *c = &p->ch[k];
			unsigned long long v[] = { 0, c->imported + c->filtered, c->imported,
			    c->filtered, c->exported };
			if (!c->have_routes)
				continue;
			if (any)
				buf_puts(b, "<br>");
			any = true;
			if (col == 0)
				esc(b, !strcmp(c->name, "ipv6") ? "IPv6" : !strcmp(c->name, "ipv4") ?
				    "IPv4" : c->name);
			else if (col == 3 && v[3])
				buf_printf(b, "<span class=\"warn\">%llu</span>", v[3]);
			else
				buf_printf(b, "%llu", v[col]);
		}
		buf_puts(b, any ? "</td>" : "&ndash;</td>");
	}
	buf_puts(b, "</tr>\n");
}

static void
page_neighbors(struct lg_app *app, const struct lg_request *rq, struct lg_rs *rs,
    struct lg_response *resp)
{
	struct protos pr;
	struct buf *b = &resp->body;
	json_t *root, *arr;

	if (!get_protos(app, rs, false, &pr)) {
		bird_down(app, rq->fmt, rs, pr.reply, resp);
		put_protos(app, &pr);
		return;
	}
	if ((rq->fmt != LGF_HTML)) {
		root = json_object();
		arr = json_array();
		for (size_t i = 0; i < pr.p.n; i++)
			if (!strcmp(pr.p.v[i].proto, "BGP"))
				json_array_append_new(arr, j_neighbor(app, &pr.p.v[i]));
		jset(root, "route_server", jstr(rs->name));
		jset(root, "rs_asn", json_integer(pr.rs_asn));
		jset(root, "neighbors", arr);
		json_body(resp, root);
		put_protos(app, &pr);
		return;
	}
	{
		char title[160];
		snprintf(title, sizeof(title), "Neighbours of %s", rs->name);
		html_begin(b, app, title);
	}
	buf_puts(b, "<table class=\"neighbors\"><thead><tr><th>Session</th><th>ASN</th>"
	    "<th>Name</th><th>Address</th><th>State</th><th>Since</th><th>Routes</th>"
	    "<th class=\"num\">received</th><th class=\"num\">accepted</th>"
	    "<th class=\"num\">filtered</th><th class=\"num\">exported</th></tr></thead><tbody>\n");
	for (size_t i = 0; i < pr.p.n; i++)
		if (!strcmp(pr.p.v[i].proto, "BGP"))
			h_neighbor_row(b, app, rs, &pr.p.v[i]);
	buf_puts(b, "</tbody></table>\n");
	html_end(b, app);
	put_protos(app, &pr);
}

/* ---- pages: one neighbour and its routes ------------------------------------------------- */

static const enum lg_cmd view_cmd[] = { CMD_ROUTES_ACCEPTED, CMD_ROUTES_FILTERED,
    CMD_ROUTES_EXPORTED };

static void
h_neighbor_head(struct buf *b, struct lg_app *app, const struct lg_rs *rs,
    const struct bird_proto *p)
{
	uint32_t asn = proto_asn(p);
	const struct lg_member *m = member_of(app, asn);

	buf_puts(b, "<dl class=\"facts\"><dt>Route server</dt><dd><a href=\"");
	h_href(b, rs->name, NULL);
	buf_puts(b, "\">");
	esc(b, rs->name);
	buf_printf(b, "</a></dd><dt>Neighbour</dt><dd>AS%u ", asn);
	esc(b, m ? m->name : p->description);
	buf_puts(b, "</dd><dt>Address</dt><dd>");
	esc(b, p->neighbor_address);
	buf_puts(b, "</dd><dt>State</dt><dd>");
	h_state(b, p);
	buf_puts(b, " since ");
	esc(b, p->since);
	buf_puts(b, "</dd>");
	if (p->last_error[0]) {
		buf_puts(b, "<dt>Last error</dt><dd>");
		esc(b, p->last_error);
		buf_puts(b, "</dd>");
	}
	for (int k = 0; k < p->n_ch; k++) {
		const struct bird_channel *c = &p->ch[k];
		buf_puts(b, "<dt>");
		esc(b, c->name);
		buf_printf(b, "</dt><dd>%llu received, %llu accepted, %llu filtered, %llu exported",
		    (unsigned long long)(c->imported + c->filtered), (unsigned long long)c->imported,
		    (unsigned long long)c->filtered, (unsigned long long)c->exported);
		if (c->limit)
			buf_printf(b, "; limit %u%s", c->limit, c->limit_hit ? " (reached)" : "");
		buf_puts(b, "</dd>");
	}
	buf_puts(b, "</dl>\n");
}

static void
page_neighbor(struct lg_app *app, const struct lg_request *rq, struct lg_rs *rs,
    struct lg_response *resp)
{
	struct protos pr;
	const struct bird_proto *p;
	struct lg_args a = { 0 };
	struct lg_reply *r;
	struct buf *b = &resp->body;
	struct walk w;
	bool api_routes = rq->page == PG_API_ROUTES;
	size_t total;

	if (!get_protos(app, rs, false, &pr)) {
		bird_down(app, rq->fmt, rs, pr.reply, resp);
		put_protos(app, &pr);
		return;
	}
	if ((p = bp_protocols_find(&pr.p, rq->proto)) == NULL || strcmp(p->proto, "BGP")) {
		lg_error(app, rq->fmt, 404, "neighbor", "no such neighbour on this route server",
		    resp);
		put_protos(app, &pr);
		return;
	}
	if (rq->page == PG_API_NEIGHBOR) {
		json_body(resp, j_neighbor(app, p));
		put_protos(app, &pr);
		return;
	}
	a.proto = p->name;
	r = lg_query(&app->core, rs, view_cmd[rq->view], &a, false);
	if (r->status != BS_OK) {
		bird_down(app, rq->fmt, rs, r, resp);
		lg_reply_put(&app->core, r);
		put_protos(app, &pr);
		return;
	}
	memset(&w, 0, sizeof(w));
	w.app = app;
	w.rs_asn = pr.rs_asn;
	w.filtered = rq->view == VIEW_FILTERED;
	w.skip = (size_t)(rq->page_no - 1) * LG_PAGE_SIZE;
	w.limit = LG_PAGE_SIZE;
	total = r->routes;
	if (api_routes) {
		json_t *root = json_object();
		w.row = j_row;
		w.arr = json_array();
		walk(&w, r);
		jset(root, "route_server", jstr(rs->name));
		jset(root, "neighbor", jstr(p->name));
		jset(root, "view", jstr(view_name(rq->view)));
		jset(root, "page", json_integer(rq->page_no));
		jset(root, "page_size", json_integer(LG_PAGE_SIZE));
		jset(root, "total", json_integer((json_int_t)total));
		jset(root, "truncated", json_boolean(r->truncated));
		jset(root, "routes", w.arr);
		json_body(resp, root);
	} else {
		char title[160];
		size_t pages = (total + LG_PAGE_SIZE - 1) / LG_PAGE_SIZE;
		snprintf(title, sizeof(title), "%s on %s", p->name, rs->name);
		html_begin(b, app, title);
		h_neighbor_head(b, app, rs, p);
		buf_puts(b, "<nav class=\"tabs\">");
		for (int v = 0; v < 3; v++) {
			buf_printf(b, "<a%s href=\"", (int)rq->view == v ? " class=\"on\"" : "");
			h_href(b, rs->name, p->name);
			buf_printf(b, "?view=%s\">%s</a> ", view_name((enum lg_view)v),
			    v == 0 ? "Accepted" : v == 1 ? "Filtered" : "Exported to it");
		}
		buf_puts(b, "</nav>\n");
		if (total == 0) {
			buf_printf(b, "<p class=\"empty\">No %s routes.</p>\n", view_name(rq->view));
		} else {
			w.row = h_row;
			w.html = b;
			h_route_table_head(b, false);
			walk(&w, r);
			buf_puts(b, "</tbody></table>\n");
			buf_printf(b, "<p class=\"pager\">Routes %zu&ndash;%zu of %zu%s. ",
			    w.shown ? w.skip + 1 : 0, w.skip + w.shown, total,
			    r->truncated ? " (the list was cut: look up a prefix for the rest)" : "");
			for (size_t pg = 1; pg <= pages && pages > 1; pg++) {
				if (pg == rq->page_no) {
					buf_printf(b, "<strong>%zu</strong> ", pg);
					continue;
				}
				buf_puts(b, "<a href=\"");
				h_href(b, rs->name, p->name);
				buf_printf(b, "?view=%s&amp;page=%zu\">%zu</a> ", view_name(rq->view), pg, pg);
			}
			buf_puts(b, "</p>\n");
		}
		html_end(b, app);
	}
	lg_reply_put(&app->core, r);
	put_protos(app, &pr);
}

/* ---- pages: lookups across all route servers ---------------------------------------------- */

static void
page_search(struct lg_app *app, const struct lg_request *rq, struct lg_response *resp)
{
	bool origin = rq->page == PG_ORIGIN || rq->page == PG_API_ORIGIN;
	struct buf *b = &resp->body;
	json_t *root = json_object(), *results = json_array();
	char what[ADDR_STRLEN + 16];
	struct lg_args a = { 0 };
	size_t shown = 0;

	if (origin) {
		a.asn = rq->asn;
		snprintf(what, sizeof(what), "AS%u", rq->asn);
	} else {
		a.is_ip = rq->q_is_ip;
		a.ip = rq->q_ip;
		a.prefix = rq->q_prefix;
		if (rq->q_is_ip)
			ip_format(&rq->q_ip, what);
		else
			prefix_format(&rq->q_prefix, what);
	}
	if (!(rq->fmt != LGF_HTML)) {
		char title[160];
		snprintf(title, sizeof(title), origin ? "Routes originated by %s" :
		    "Routes for %s", what);
		html_begin(b, app, title);
	}
	for (size_t i = 0; i < app->core.n_rs; i++) {
		struct lg_rs *rs = &app->core.rs[i];
		struct protos pr;
		json_t *o = json_object(), *arr = json_array();
		bool up = get_protos(app, rs, false, &pr);

		jset(o, "route_server", jstr(rs->name));
		jset(o, "up", json_boolean(up));
		if (!(rq->fmt != LGF_HTML)) {
			buf_puts(b, "<h2>");
			esc(b, rs->name);
			buf_puts(b, "</h2>\n");
		}
		for (int filtered = 0; up && filtered < 2; filtered++) {
			enum lg_cmd c = origin ? (filtered ? CMD_ROUTES_ORIGIN_FILTERED :
			    CMD_ROUTES_ORIGIN) : (filtered ? CMD_ROUTES_FOR_FILTERED : CMD_ROUTES_FOR);
			struct lg_reply *r = lg_query(&app->core, rs, c, &a, false);
			struct walk w;
			if (r->status != BS_OK) {
				up = false;
				jset(o, "error", jstr(r->text));
				if (!(rq->fmt != LGF_HTML)) {
					buf_puts(b, "<p class=\"err\">Not answering: ");
					esc(b, r->text);
					buf_puts(b, "</p>\n");
				}
				lg_reply_put(&app->core, r);
				break;
			}
			memset(&w, 0, sizeof(w));
			w.app = app;
			w.rs_asn = pr.rs_asn;
			w.rs = rs->name;
			w.filtered = filtered;
			w.limit = app->core.opt.max_routes;
			if ((rq->fmt != LGF_HTML)) {
				w.row = j_row;
				w.arr = arr;
			} else {
				w.row = h_row;
				w.html = b;
				if (r->routes > 0) {
					buf_printf(b, "<h3>%s</h3>\n", filtered ? "Filtered" : "Accepted");
					h_route_table_head(b, true);
				}
			}
			walk(&w, r);
			shown += w.shown;
			if (!(rq->fmt != LGF_HTML) && r->routes > 0)
				buf_puts(b, "</tbody></table>\n");
			if (r->truncated) {
				jset(o, "truncated", json_true());
				if (!(rq->fmt != LGF_HTML))
					buf_puts(b, "<p class=\"warn\">Only the first routes are shown.</p>\n");
			}
			lg_reply_put(&app->core, r);
		}
		if (!up && pr.reply != NULL && pr.reply->status != BS_OK && !(rq->fmt != LGF_HTML)) {
			buf_puts(b, "<p class=\"err\">Not answering: ");
			esc(b, pr.reply->text);
			buf_puts(b, "</p>\n");
		}
		if (!up && pr.reply != NULL && pr.reply->status != BS_OK)
			jset(o, "error", jstr(pr.reply->text));
		jset(o, "routes", arr);
		json_array_append_new(results, o);
		put_protos(app, &pr);
	}
	if ((rq->fmt != LGF_HTML)) {
		jset(root, "query", jstr(what));
		jset(root, "results", results);
		json_body(resp, root);
		return;
	}
	json_decref(root);
	json_decref(results);
	if (shown == 0)
		buf_printf(b, "<p class=\"empty\">No route server has a route %s %s.</p>\n",
		    origin ? "originated by" : "for", what);
	html_end(b, app);
}

/* ---- pages: member directory ------------------------------------------------------------------ */

static void
page_members(struct lg_app *app, const struct lg_request *rq, struct lg_response *resp)
{
	const struct lg_directory *c = app->members;
	struct buf *b = &resp->body;
	json_t *arr = json_array();

	if (!(rq->fmt != LGF_HTML)) {
		html_begin(b, app, "Members");
		if (c == NULL)
			buf_puts(b, "<p class=\"empty\">No member list configured "
			    "(ixp-lg --members OUTDIR/members.json).</p>\n");
		else
			buf_puts(b, "<table><thead><tr><th>ASN</th><th>Name</th><th>NOC e-mail</th>"
			    "<th>Phone</th><th>MANRS</th><th>Addresses</th></tr></thead><tbody>\n");
	}
	for (size_t i = 0; c != NULL && i < c->n; i++) {
		const struct lg_member *m = &c->v[i];
		if ((rq->fmt != LGF_HTML)) {
			json_t *o = json_object(), *conns = json_array();
			jset(o, "asn", json_integer(m->asn));
			jset(o, "name", jstr(m->name));
			jset(o, "email", jstr(m->email));
			jset(o, "phone", jstr(m->phone));
			jset(o, "manrs", json_boolean(m->manrs));
			for (size_t k = 0; k < m->n_conns; k++) {
				json_t *cj = json_object();
				jset(cj, "ipv4", m->conns[k].addr[0] ? jstr(m->conns[k].addr[0]) :
				    json_null());
				jset(cj, "ipv6", m->conns[k].addr[1] ? jstr(m->conns[k].addr[1]) :
				    json_null());
				json_array_append_new(conns, cj);
			}
			jset(o, "connections", conns);
			json_array_append_new(arr, o);
			continue;
		}
		buf_printf(b, "<tr><td>AS%u</td><td>", m->asn);
		esc(b, m->name);
		buf_puts(b, "</td><td>");
		if (m->email) {
			buf_puts(b, "<a href=\"mailto:");
			esc(b, m->email);
			buf_puts(b, "\">");
			esc(b, m->email);
			buf_puts(b, "</a>");
		}
		buf_puts(b, "</td><td>");
		esc(b, m->phone);
		buf_printf(b, "</td><td>%s</td><td>", m->manrs ? "yes" : "");
		for (size_t k = 0; k < m->n_conns; k++)
			for (int fam = 0; fam < 2; fam++)
				if (m->conns[k].addr[fam] != NULL) {
					esc(b, m->conns[k].addr[fam]);
					buf_puts(b, "<br>");
				}
		buf_puts(b, "</td></tr>\n");
	}
	if ((rq->fmt != LGF_HTML)) {
		json_t *root = json_object();
		jset(root, "members", arr);
		json_body(resp, root);
		return;
	}
	json_decref(arr);
	if (c != NULL)
		buf_puts(b, "</tbody></table>\n");
	html_end(b, app);
}

/* ---- birdwatcher (Alice-LG) ------------------------------------------------------------------- */

static json_t *
bw_envelope(struct lg_app *app, const struct lg_reply *r, int64_t ttl_ms)
{
	json_t *root = json_object(), *api = json_object(), *cs = json_object(), *ca = json_object();
	char at[32], until[32], ver[64];
	int64_t fetched = r ? r->fetched_wall : (int64_t)time(NULL);

	iso_time(fetched, at, sizeof(at));
	iso_time(fetched + ttl_ms / 1000, until, sizeof(until));
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
bw_protocol(const struct bird_proto *p)
{
	json_t *o = json_object(), *ch = json_object();
	struct bird_channel sum;
	char t[32];

	memset(&sum, 0, sizeof(sum));
	jset(o, "protocol", jstr(p->name));
	jset(o, "bird_protocol", jstr(p->proto));
	jset(o, "table", jstr(strcmp(p->table, "---") || p->n_ch == 0 ? p->table : p->ch[0].table));
	jset(o, "state", jstr(p->state));
	bird_time(p->since, t, sizeof(t));
	jset(o, "state_changed", jstr(t));
	jset(o, "connection", jstr(p->info));
	jset(o, "description", jstr(p->description));
	jset(o, "bgp_state", jstr(p->bgp_state));
	jset(o, "neighbor_address", jstr(p->neighbor_address));
	jset(o, "neighbor_as", json_integer(p->neighbor_as));
	jset(o, "local_as", json_integer(p->local_as));
	jset(o, "neighbor_id", jstr(p->neighbor_id));
	jset(o, "session", jstr(p->session));
	jset(o, "source_address", jstr(p->source_address));
	jset(o, "hold_timer", jstr(p->hold_timer));
	jset(o, "keepalive_timer", jstr(p->keepalive_timer));
	jset(o, "last_error", jstr(p->last_error));
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

static void
bw_row(struct walk *w, const struct bird_route *r, const struct lg_route_flags *f)
{
	json_t *o = json_object(), *bgp = json_object(), *path = json_array();
	json_t *c = json_array(), *lc = json_array(), *ec = json_array(), *type = json_array();
	char t[32], num[16];
	const char *s = r->type;

	(void)f;
	jset(o, "network", jstr(r->network));
	jset(o, "from_protocol", jstr(r->from_protocol));
	bird_time(r->since, t, sizeof(t));
	jset(o, "age", jstr(t));
	jset(o, "learnt_from", jstr(r->learnt_from[0] ? r->learnt_from : r->gateway));
	jset(o, "primary", json_boolean(r->primary));
	jset(o, "metric", json_integer(r->preference));
	jset(o, "gateway", jstr(r->gateway));
	jset(o, "interface", jstr(r->iface));
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
	jset(o, "type", type);
	jset(bgp, "origin", jstr(r->origin));
	for (size_t i = 0; i < r->n_as_path; i++) {
		snprintf(num, sizeof(num), "%u", r->as_path[i]);
		json_array_append_new(path, jstr(num));
	}
	jset(bgp, "as_path", path);
	jset(bgp, "next_hop", jstr(r->next_hop));
	snprintf(num, sizeof(num), "%u", r->local_pref);
	jset(bgp, "local_pref", r->has_local_pref ? jstr(num) : jstr(""));
	snprintf(num, sizeof(num), "%u", r->med);
	jset(bgp, "med", r->has_med ? jstr(num) : jstr(""));
	if (r->has_otc) {
		snprintf(num, sizeof(num), "%u", r->otc);
		jset(bgp, "otc", jstr(num));
	}
	for (size_t i = 0; i < r->n_communities; i++)
		json_array_append_new(c, json_pack("[II]", (json_int_t)r->communities[i][0],
		    (json_int_t)r->communities[i][1]));
	for (size_t i = 0; i < r->n_large_communities; i++)
		json_array_append_new(lc, json_pack("[III]", (json_int_t)r->large_communities[i][0],
		    (json_int_t)r->large_communities[i][1], (json_int_t)r->large_communities[i][2]));
	for (size_t i = 0; i < r->n_ext_communities; i++)
		json_array_append_new(ec, json_pack("[sss]", r->ext_communities[i][0],
		    r->ext_communities[i][1], r->ext_communities[i][2]));
	jset(bgp, "communities", c);
	jset(bgp, "large_communities", lc);
	jset(bgp, "ext_communities", ec);
	jset(o, "bgp", bgp);
	json_array_append_new(w->arr, o);
}

/* A table the BGP sessions use: the only tables a client may dump. */
static bool
table_known(const struct bp_protocols *ps, const char *table)
{
	for (size_t i = 0; i < ps->n; i++)
		for (int k = 0; !strcmp(ps->v[i].proto, "BGP") && k < ps->v[i].n_ch; k++)
			if (!strcmp(ps->v[i].ch[k].table, table))
				return true;
	return false;
}

static void
page_birdwatcher(struct lg_app *app, const struct lg_request *rq, struct lg_rs *rs,
    struct lg_response *resp)
{
	struct lg_args a = { 0 };
	struct lg_reply *r;
	json_t *root;
	enum lg_cmd c;
	bool known, down;

	if (rq->page == PG_BW_STATUS) {
		struct bird_status_info st;
		char t1[32], t2[32], t3[32];
		r = lg_query(&app->core, rs, CMD_STATUS, &a, false);
		if (r->status != BS_OK) {
			bird_down(app, LGF_BW, rs, r, resp);
			lg_reply_put(&app->core, r);
			return;
		}
		memset(&st, 0, sizeof(st));
		lg_replay(r, bp_status_line, &st);
		root = bw_envelope(app, r, app->core.opt.ttl_short_ms);
		bird_time(st.server_time, t1, sizeof(t1));
		bird_time(st.last_reboot, t2, sizeof(t2));
		bird_time(st.last_reconfig, t3, sizeof(t3));
		jset(root, "status", json_pack("{s:o,s:o,s:o,s:o,s:o,s:o}", "version",
		    jstr(st.version), "router_id", jstr(st.router_id), "current_server", jstr(t1),
		    "last_reboot", jstr(t2), "last_reconfig", jstr(t3), "message", jstr(st.message)));
		lg_reply_put(&app->core, r);
		json_body(resp, root);
		return;
	}
	if (rq->page == PG_BW_PROTOCOLS_BGP || rq->page == PG_BW_PROTOCOLS_SHORT) {
		struct protos pr;
		json_t *ps = json_object();
		if (!get_protos(app, rs, rq->uncached, &pr)) {
			bird_down(app, LGF_BW, rs, pr.reply, resp);
			put_protos(app, &pr);
			json_decref(ps);
			return;
		}
		root = bw_envelope(app, pr.reply, app->core.opt.ttl_short_ms);
		for (size_t i = 0; i < pr.p.n; i++) {
			const struct bird_proto *p = &pr.p.v[i];
			char t[32];
			if (rq->page == PG_BW_PROTOCOLS_BGP) {
				if (!strcmp(p->proto, "BGP"))
					jset(ps, p->name, bw_protocol(p));
				continue;
			}
			bird_time(p->since, t, sizeof(t));
			jset(ps, p->name, json_pack("{s:o,s:o,s:o,s:o,s:o}", "proto", jstr(p->proto),
			    "table", jstr(p->table), "state", jstr(p->state), "since", jstr(t),
			    "info", jstr(p->info)));
		}
		jset(root, "protocols", ps);
		put_protos(app, &pr);
		json_body(resp, root);
		return;
	}
	if (rq->page == PG_BW_ROUTES_PREFIX) {
		c = CMD_ROUTES_NET;
		a.prefix = rq->q_prefix;
		if (rq->q_is_ip) {	/* an address: the host route */
			a.prefix.a = rq->q_ip.a;
			a.prefix.af = rq->q_ip.af;
			a.prefix.len = (uint8_t)af_maxlen(rq->q_ip.af);
		}
	} else if (rq->page == PG_BW_ROUTES_TABLE || rq->page == PG_BW_ROUTES_TABLE_FILTERED) {
		struct protos pr;
		if (!get_protos(app, rs, false, &pr)) {
			bird_down(app, LGF_BW, rs, pr.reply, resp);
			put_protos(app, &pr);
			return;
		}
		known = table_known(&pr.p, rq->table);
		put_protos(app, &pr);
		if (!known) {
			lg_error(app, LGF_BW, 404, "table", "no such table", resp);
			return;
		}
		a.table = rq->table;
		c = rq->page == PG_BW_ROUTES_TABLE ? CMD_ROUTES_TABLE : CMD_ROUTES_TABLE_FILTERED;
	} else {
		known = lg_proto_known(&app->core, rs, rq->proto, &down);
		if (!known) {
			if (down) {
				char msg[200];
				snprintf(msg, sizeof(msg), "route server %s is not answering", rs->name);
				lg_error(app, LGF_BW, 503, NULL, msg, resp);
				resp->retry_after = 5;
			} else {
				lg_error(app, LGF_BW, 404, "protocol", "no such protocol", resp);
			}
			return;
		}
		a.proto = rq->proto;
		c = rq->page == PG_BW_ROUTES_PROTOCOL ? CMD_ROUTES_ACCEPTED :
		    rq->page == PG_BW_ROUTES_FILTERED ? CMD_ROUTES_FILTERED : CMD_ROUTES_NOEXPORT;
	}
	r = lg_query(&app->core, rs, c, &a, false);
	if (r->status != BS_OK) {
		bird_down(app, LGF_BW, rs, r, resp);
		lg_reply_put(&app->core, r);
		return;
	}
	{
		struct walk w;
		struct protos pr;
		memset(&w, 0, sizeof(w));
		w.app = app;
		w.rs_asn = get_protos(app, rs, false, &pr) ? pr.rs_asn : 0;
		put_protos(app, &pr);
		w.limit = app->core.opt.max_routes;
		w.row = bw_row;
		w.arr = json_array();
		walk(&w, r);
		root = bw_envelope(app, r, app->core.opt.ttl_ms);
		jset(root, "routes", w.arr);
	}
	lg_reply_put(&app->core, r);
	json_body(resp, root);
}

/* ---- static files, errors, dispatch ----------------------------------------------------------- */

static const char css[] =
	"body{font:15px/1.45 system-ui,sans-serif;margin:0;color:#1d2330;background:#f6f7f9}"
	"header{background:#18324f;color:#fff;padding:.6em 1em;display:flex;flex-wrap:wrap;"
	"gap:1em;align-items:center}header a{color:#fff}header .home{font-weight:600;"
	"text-decoration:none;font-size:1.1em}header span{opacity:.7}"
	"nav{display:flex;gap:1em;align-items:center;flex-wrap:wrap}"
	"nav form{display:inline}input{padding:.2em .4em}"
	"main{padding:1em 1.5em;max-width:1400px}h1{font-size:1.4em;margin:.2em 0 .6em}"
	"h2{font-size:1.15em;margin-top:1.5em}h3{font-size:1em}"
	"table{border-collapse:collapse;background:#fff;width:100%;margin-bottom:1em}"
	"th,td{border-bottom:1px solid #e1e4ea;padding:.3em .5em;text-align:left;"
	"vertical-align:top}td.time{white-space:nowrap}th{background:#eef1f5;font-weight:600}td.num,th.num{text-align:right}"
	"tr.rej td.net{border-left:3px solid #c0392b}tr.ok td.net{border-left:3px solid #27ae60}"
	".st.up{color:#1e8449;font-weight:600}.st.down{color:#c0392b;font-weight:600}"
	".warn{color:#b9770e}.err{color:#c0392b}.hint{color:#5d6675;font-size:.9em}"
	".tag{font-size:.75em;background:#e8eef7;border-radius:3px;padding:0 .3em}"
	".tag.bh{background:#222;color:#fff}.c{white-space:nowrap;font-size:.85em;color:#46505e}"
	".path{font-family:ui-monospace,monospace}.rpki-1{color:#1e8449}"
	".rpki-4{color:#c0392b;font-weight:600}.rpki-0{color:#8a93a0}"
	".tabs a{display:inline-block;padding:.3em .8em;border:1px solid #cfd5de;"
	"border-bottom:0;background:#fff;text-decoration:none}.tabs a.on{background:#18324f;"
	"color:#fff}dl.facts{display:grid;grid-template-columns:max-content auto;gap:.2em 1em}"
	"dl.facts dt{font-weight:600}dl.facts dd{margin:0}"
	"footer{padding:1em 1.5em;color:#5d6675;font-size:.9em}\n";

void
lg_error(struct lg_app *app, enum lg_format fmt, int status, const char *param, const char *msg,
    struct lg_response *resp)
{
	buf_reset(&resp->body);
	resp->status = status;
	resp->max_age = 0;
	if (fmt == LGF_BW) {
		/* Birdwatcher clients (Alice-LG) read a plain {"error": "..."}. */
		json_t *root = json_object();
		jset(root, "error", jstr(msg));
		json_body(resp, root);
		return;
	}
	if (fmt == LGF_JSON) {
		json_t *root = json_object(), *e = json_object();
		jset(e, "status", json_integer(status));
		jset(e, "param", param && *param ? jstr(param) : json_null());
		jset(e, "message", jstr(msg));
		jset(root, "error", e);
		json_body(resp, root);
		return;
	}
	resp->ctype = "text/html; charset=utf-8";
	html_begin(&resp->body, app, status >= 500 ? "Temporarily unavailable" : "Bad request");
	buf_puts(&resp->body, "<p class=\"err\">");
	if (param && *param) {
		buf_puts(&resp->body, "<strong>");
		esc(&resp->body, param);
		buf_puts(&resp->body, "</strong>: ");
	}
	esc(&resp->body, msg);
	buf_puts(&resp->body, "</p>\n");
	html_end(&resp->body, app);
}

void
lg_handle(struct lg_app *app, const struct lg_request *rq, struct lg_response *resp)
{
	struct lg_rs *rs = NULL;

	resp->max_age = 10;
	if (rq->rs[0] && (rs = lg_find_rs(&app->core, rq->rs)) == NULL) {
		lg_error(app, rq->fmt, 404, "rs", "no such route server", resp);
		return;
	}
	switch (rq->page) {
	case PG_CSS:
		resp->ctype = "text/css";
		resp->max_age = 3600;
		buf_add(&resp->body, css, sizeof(css) - 1);
		break;
	case PG_HEALTH:
		resp->ctype = "text/plain";
		resp->max_age = 0;
		buf_puts(&resp->body, "ok\n");
		break;
	case PG_HOME:
	case PG_API_STATUS:
		page_status(app, rq, resp);
		break;
	case PG_RS:
	case PG_API_NEIGHBORS:
		page_neighbors(app, rq, rs, resp);
		break;
	case PG_NEIGHBOR:
	case PG_API_NEIGHBOR:
	case PG_API_ROUTES:
		page_neighbor(app, rq, rs, resp);
		break;
	case PG_LOOKUP:
	case PG_API_LOOKUP:
	case PG_ORIGIN:
	case PG_API_ORIGIN:
		page_search(app, rq, resp);
		break;
	case PG_MEMBERS:
	case PG_API_MEMBERS:
		page_members(app, rq, resp);
		break;
	case PG_BW_STATUS:
	case PG_BW_PROTOCOLS_BGP:
	case PG_BW_PROTOCOLS_SHORT:
	case PG_BW_ROUTES_PROTOCOL:
	case PG_BW_ROUTES_FILTERED:
	case PG_BW_ROUTES_NOEXPORT:
	case PG_BW_ROUTES_TABLE:
	case PG_BW_ROUTES_TABLE_FILTERED:
	case PG_BW_ROUTES_PREFIX:
		page_birdwatcher(app, rq, rs, resp);
		break;
	case PG_NONE:
		lg_error(app, rq->fmt, 404, NULL, "no such page", resp);
		break;
	}
}
