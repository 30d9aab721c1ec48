/*
 * The HTML pages. Everything from BIRD, reasons.json or members.json is
 * escaped; links are relative to <base>, so the same pages work at / and
 * under a CGI script's path. No script: the CSP forbids it.
 */
#include "lgout.h"

#include <stdio.h>
#include <string.h>

#include "strutil.h"

static void
esc(struct buf *b, const char *s)
{
	html_escape(b, s ? s : "");
}

static void
html_begin(struct lg_out *o, const char *title)
{
	struct buf *b = &o->resp->body;
	const struct lg_app *app = o->app;

	o->resp->ctype = "text/html; charset=utf-8";
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
	    "<form action=\"community\" method=\"get\"><label>Community <input name=\"c\" "
	    "size=\"16\" required></label> <button>Search</button></form>"
	    "<a href=\"members\">Members</a><a href=\"policy\">Policy</a>"
	    "<a href=\"manrs\">MANRS</a></nav></header>\n<main>\n<h1>");
	esc(b, title);
	buf_puts(b, "</h1>\n");
}

static void
html_end(struct lg_out *o)
{
	struct buf *b = &o->resp->body;

	buf_puts(b, "</main>\n<footer>ixp-lg ");
	esc(b, o->app->version);
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

/* A link to that page, labelled with the session's name or else the route server's. */
static void
h_link(struct buf *b, const char *rs, const char *proto)
{
	buf_puts(b, "<a href=\"");
	h_href(b, rs, proto);
	buf_puts(b, "\">");
	esc(b, proto ? proto : rs);
	buf_puts(b, "</a>");
}

/* A member's page, labelled with its AS number. */
static void
h_member_link(struct buf *b, uint32_t asn)
{
	buf_printf(b, "<a href=\"member/AS%u\">AS%u</a>", asn, asn);
}

/* A table cell, and a fact of a definition list, holding escaped text. */
static void
h_td(struct buf *b, const char *text)
{
	buf_puts(b, "<td>");
	esc(b, text);
	buf_puts(b, "</td>");
}

static void
h_fact(struct buf *b, const char *label, const char *text)
{
	buf_printf(b, "<dt>%s</dt><dd>", label);
	esc(b, text);
	buf_puts(b, "</dd>");
}

/* Who a session is: the member's name, or BIRD's description of it. */
static const char *
h_who(const struct lg_app *app, const struct bird_proto *p)
{
	const struct lg_member *m = lg_member_find(app->members, lg_proto_asn(p));

	return m ? m->name : p->description;
}

static void
h_error(struct lg_out *o, int status, const char *param, const char *msg)
{
	struct buf *b = &o->resp->body;

	html_begin(o, status >= 500 ? "Temporarily unavailable" : "Bad request");
	buf_puts(b, "<p class=\"err\">");
	if (param && *param) {
		buf_puts(b, "<strong>");
		esc(b, param);
		buf_puts(b, "</strong>: ");
	}
	esc(b, msg);
	buf_puts(b, "</p>\n");
	html_end(o);
}

static void
h_state(struct buf *b, const struct bird_proto *p)
{
	buf_printf(b, "<span class=\"st %s\">", p->established ? "up" : "down");
	esc(b, p->bgp_state[0] ? p->bgp_state : p->info[0] ? p->info : p->state);
	buf_puts(b, "</span>");
}

/* ---- status ---- */

static void
h_status_begin(struct lg_out *o)
{
	html_begin(o, "Route servers");
	buf_puts(&o->resp->body, "<table><thead><tr><th>Route server</th><th>State</th>"
	    "<th>BIRD</th><th>Router ID</th><th>Last reboot</th><th>Last reconfiguration</th>"
	    "</tr></thead><tbody>\n");
}

static void
h_status(struct lg_out *o, const struct lg_rs *rs, bool up, const struct lg_reply *r,
    const struct bird_status_info *st)
{
	struct buf *b = &o->resp->body;

	buf_puts(b, "<tr><td>");
	h_link(b, rs->name, NULL);
	buf_printf(b, "</td><td><span class=\"st %s\">", up ? "up" : "down");
	esc(b, up ? st->message : lg_reply_public(r));
	buf_puts(b, "</span></td>");
	h_td(b, st->version);
	h_td(b, st->router_id);
	h_td(b, st->last_reboot);
	h_td(b, st->last_reconfig);
	buf_puts(b, "</tr>\n");
}

static void
h_status_end(struct lg_out *o)
{
	buf_puts(&o->resp->body, "</tbody></table>\n<p>Pick a route server to see its neighbours, "
	    "or look up a prefix or an origin AS above. Filtered routes show why they were "
	    "filtered.</p>\n");
	html_end(o);
}

/* ---- neighbours ---- */

static const char *
afi_label(const struct bird_channel *c)
{
	return c->afi == BIRD_AFI_IPV4 ? "IPv4" : c->afi == BIRD_AFI_IPV6 ? "IPv6" : c->name;
}

/*
 * The family, received, accepted, filtered and exported cells of a session:
 * one line per channel with routes in each, so a dual-stack session shows
 * its IPv4 and IPv6 counts apart and a single-family one (the usual case at
 * an IXP) takes no room for the other family. With `link`, a filtered count
 * links to the session's filtered routes.
 */
static void
h_channel_counts(struct buf *b, const struct lg_rs *rs, const struct bird_proto *p, bool link)
{
	for (int col = 0; col < 5; col++) {
		bool any = false;
		buf_puts(b, col ? "<td class=\"num\">" : "<td>");
		for (int k = 0; k < p->n_ch; k++) {
			const struct bird_channel *c = &p->ch[k];
			unsigned long long v[] = { 0, c->imported + c->filtered, c->imported,
			    c->filtered, c->exported };
			if (!c->have_routes)
				continue;
			buf_puts(b, any ? "<br>" : "");
			any = true;
			if (col == 0) {
				esc(b, afi_label(c));
			} else if (col == 3 && v[3] && link) {
				buf_puts(b, "<a class=\"warn\" href=\"");
				h_href(b, rs->name, p->name);
				buf_printf(b, "?view=filtered\">%llu</a>", v[3]);
			} else if (col == 3 && v[3]) {
				buf_printf(b, "<span class=\"warn\">%llu</span>", v[3]);
			} else {
				buf_printf(b, "%llu", v[col]);
			}
		}
		buf_puts(b, any ? "</td>" : "&ndash;</td>");
	}
}

static void
h_protocols_begin(struct lg_out *o, const struct lg_rs *rs, const struct lg_protos *pr)
{
	char title[160];

	(void)pr;
	snprintf(title, sizeof(title), "Neighbours of %s", rs->name);
	html_begin(o, title);
	buf_puts(&o->resp->body, "<table class=\"neighbors\"><thead><tr><th>Session</th>"
	    "<th>ASN</th><th>Name</th><th>Address</th><th>State</th><th>Since</th><th>Routes</th>"
	    "<th class=\"num\">received</th><th class=\"num\">accepted</th>"
	    "<th class=\"num\">filtered</th><th class=\"num\">exported</th></tr></thead><tbody>\n");
}

static void
h_protocol(struct lg_out *o, const struct lg_rs *rs, const struct bird_proto *p)
{
	struct buf *b = &o->resp->body;

	buf_puts(b, "<tr><td>");
	h_link(b, rs->name, p->name);
	buf_puts(b, "</td><td>");
	h_member_link(b, lg_proto_asn(p));
	buf_puts(b, "</td>");
	h_td(b, h_who(o->app, p));
	h_td(b, p->neighbor_address);
	buf_puts(b, "<td>");
	h_state(b, p);
	buf_puts(b, "</td><td class=\"time\">");
	esc(b, p->since);
	buf_puts(b, "</td>");
	h_channel_counts(b, rs, p, false);
	buf_puts(b, "</tr>\n");
}

static void
h_protocols_end(struct lg_out *o)
{
	buf_puts(&o->resp->body, "</tbody></table>\n");
	html_end(o);
}

/* ---- routes ---- */

static void
h_neighbor_head(struct buf *b, struct lg_app *app, const struct lg_rs *rs,
    const struct bird_proto *p)
{
	buf_puts(b, "<dl class=\"facts\"><dt>Route server</dt><dd>");
	h_link(b, rs->name, NULL);
	buf_puts(b, "</dd><dt>Neighbour</dt><dd>");
	h_member_link(b, lg_proto_asn(p));
	buf_putc(b, ' ');
	esc(b, h_who(app, p));
	buf_puts(b, "</dd>");
	h_fact(b, "Address", p->neighbor_address);
	buf_puts(b, "<dt>State</dt><dd>");
	h_state(b, p);
	buf_puts(b, " since ");
	esc(b, p->since);
	buf_puts(b, "</dd>");
	if (p->last_error[0])
		h_fact(b, "Last error", p->last_error);
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

/* A neighbour's page: its facts, a tab per view, one page of routes. */
static void
h_routes_page_begin(struct lg_out *o, const struct lg_routes *l)
{
	struct buf *b = &o->resp->body;
	const char *tab[VIEW_NUM] = { "Accepted", "Filtered", "Exported to it",
	    "Not exported to it" };
	char title[160];

	snprintf(title, sizeof(title), "%s on %s", l->neighbor->name, l->rs->name);
	html_begin(o, title);
	h_neighbor_head(b, o->app, l->rs, l->neighbor);
	buf_puts(b, "<nav class=\"tabs\">");
	for (int v = 0; v < VIEW_NUM; v++) {
		buf_printf(b, "<a%s href=\"", (int)o->rq->view == v ? " class=\"on\"" : "");
		h_href(b, l->rs->name, l->neighbor->name);
		buf_printf(b, "?view=%s\">%s</a> ", lg_view_name((enum lg_view)v), tab[v]);
	}
	buf_puts(b, "</nav>\n");
	if (l->reply->routes == 0)
		buf_printf(b, "<p class=\"empty\">No %s routes.</p>\n", lg_view_name(o->rq->view));
}

static void
h_routes_page_end(struct lg_out *o, const struct lg_routes *l)
{
	struct buf *b = &o->resp->body;
	size_t total = l->reply->routes, size = o->fmt->page_size;
	size_t pages = (total + size - 1) / size;

	if (total > 0) {
		buf_printf(b, "<p class=\"pager\">Routes %zu&ndash;%zu of %zu%s. ",
		    l->shown ? l->first + 1 : 0, l->first + l->shown, total,
		    l->reply->truncated ? " (the list was cut: look up a prefix for the rest)" : "");
		for (size_t pg = 1; pg <= pages && pages > 1; pg++) {
			if (pg == o->rq->page_no) {
				buf_printf(b, "<strong>%zu</strong> ", pg);
				continue;
			}
			buf_puts(b, "<a href=\"");
			h_href(b, l->rs->name, l->neighbor->name);
			buf_printf(b, "?view=%s&amp;page=%zu\">%zu</a> ", lg_view_name(o->rq->view),
			    pg, pg);
		}
		buf_puts(b, "</p>\n");
	}
	html_end(o);
}

/* A table of routes; one that spans sessions (a lookup) names each route's. */
static void
h_routes_begin(struct lg_out *o, const struct lg_routes *l)
{
	struct buf *b = &o->resp->body;
	bool spans = l->neighbor == NULL;

	if (l->reply->routes == 0)
		return;
	if (spans)
		buf_printf(b, "<h3>%s%s</h3>\n", l->filtered ? "Filtered" : "Accepted",
		    l->scope == LGS_COVERING ? ": covering routes (less specific)" :
		    l->scope == LGS_IN ? ": this prefix and its more specifics" : "");
	buf_printf(b, "<table class=\"routes\"><thead><tr><th>Network</th>%s<th>Next hop</th>"
	    "<th>AS path</th><th>RPKI</th><th>Verdict</th><th>Communities</th></tr></thead>"
	    "<tbody>\n", spans ? "<th>Neighbour</th>" : "");
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
h_hint(struct buf *b, const char *text)
{
	buf_puts(b, "<div class=\"hint\">");
	esc(b, text);
	buf_puts(b, "</div>");
}

/* "Not sent to AS64502 Beta (asked not to), ..." */
static void
h_withheld(struct lg_out *o, struct buf *b, const struct lg_route_flags *f)
{
	if (f->n_withheld == 0)
		return;
	buf_puts(b, "<div class=\"hint\">Not sent to ");
	for (size_t i = 0; i < f->n_withheld; i++) {
		const struct lg_member *m = lg_member_find(o->app->members, f->withheld[i]);
		buf_puts(b, i ? ", " : "");
		h_member_link(b, f->withheld[i]);
		if (m != NULL) {
			buf_putc(b, ' ');
			esc(b, m->name);
		}
		buf_printf(b, " (%s)", f->withheld_why[i] == ANN_DENIED ? "asked not to" :
		    "not among the members it lists");
	}
	if (f->more_withheld)
		buf_printf(b, " and %zu more", f->more_withheld);
	buf_puts(b, "</div>");
}

/* A community, and beside it its meaning when it has one. */
static void
h_community(struct lg_out *o, const struct lg_routes *l, bool large, const uint32_t *v,
    struct buf *m)
{
	struct buf *b = &o->resp->body;

	buf_puts(b, "<div class=\"c\">");
	if (large)
		buf_printf(b, "%u:%u:%u", v[0], v[1], v[2]);
	else
		buf_printf(b, "%u:%u", v[0], v[1]);
	buf_reset(m);
	if (lg_community_meaning(&o->app->reasons, o->app->members, l->rs_asn, large, v, m)) {
		buf_puts(b, " <span class=\"cn\">");
		esc(b, buf_str(m));
		buf_puts(b, "</span>");
	}
	buf_puts(b, "</div>");
}

static void
h_communities(struct lg_out *o, const struct lg_routes *l, const struct bird_route *r)
{
	struct buf m = BUF_INIT;

	for (size_t i = 0; i < r->n_communities; i++)
		h_community(o, l, false, r->communities[i], &m);
	for (size_t i = 0; i < r->n_large_communities; i++)
		h_community(o, l, true, r->large_communities[i], &m);
	buf_free(&m);
}

static void
h_route(struct lg_out *o, const struct lg_routes *l, const struct bird_route *r,
    const struct lg_route_flags *f)
{
	struct buf *b = &o->resp->body;
	bool filtered = l->filtered || f->reject != 0;

	buf_printf(b, "<tr class=\"%s\"><td class=\"net\">", filtered ? "rej" : "ok");
	esc(b, r->network);
	if (r->primary && !filtered)
		buf_puts(b, " <span class=\"tag\" title=\"best route\">best</span>");
	if (f->blackhole)
		buf_puts(b, " <span class=\"tag bh\">blackhole</span>");
	if (f->relation == REL_COVERING || f->relation == REL_MORE_SPECIFIC)
		buf_printf(b, " <span class=\"tag\">%s</span>", f->relation == REL_COVERING ?
		    "covering" : "more specific");
	buf_puts(b, "</td>");
	if (l->neighbor == NULL) {
		buf_puts(b, "<td>");
		h_link(b, l->rs->name, r->from_protocol);
		buf_puts(b, "</td>");
	}
	buf_puts(b, "<td>");
	esc(b, r->next_hop[0] ? r->next_hop : r->gateway);
	buf_puts(b, "</td><td class=\"path\">");
	h_path(b, r);
	if (f->rpki)
		buf_printf(b, "</td><td class=\"rpki-%d\">%s</td><td>", f->rpki,
		    lg_rpki_name(f->rpki));
	else
		buf_puts(b, "</td><td class=\"rpki-0\" title=\"filtered before the RPKI check\">"
		    "&ndash;</td><td>");
	if (f->reject) {
		const char *hint, *text = lg_reason_text(&o->app->reasons, f->reject, &hint);
		buf_printf(b, "<strong>%d</strong> ", f->reject);
		esc(b, text);
		if (hint && *hint) {
			buf_puts(b, "<div class=\"hint\">");
			esc(b, hint);
			buf_puts(b, "</div>");
		}
	} else if (l->noexport) {
		buf_puts(b, "not exported to it");
		h_hint(b, f->not_sent == ANN_SENT ? "rejected by its export filter (not by a "
		    "community of the announcer)" : announce_why_text(f->not_sent));
	} else {
		buf_puts(b, filtered ? "filtered" : "accepted");
		if (f->sent_to_none != ANN_SENT)
			h_hint(b, announce_why_text(f->sent_to_none));
		h_withheld(o, b, f);
	}
	buf_puts(b, "</td><td class=\"comm\">");
	h_communities(o, l, r);
	buf_puts(b, "</td></tr>\n");
}

static void
h_routes_end(struct lg_out *o, const struct lg_routes *l)
{
	struct buf *b = &o->resp->body;

	if (l->reply->routes > 0)
		buf_puts(b, "</tbody></table>\n");
	/* A neighbour's page says so in its pager. */
	if (l->reply->truncated && l->neighbor == NULL)
		buf_puts(b, "<p class=\"warn\">Only the first routes are shown.</p>\n");
}

/* ---- lookups ---- */

static void
h_search_begin(struct lg_out *o, const char *what)
{
	char title[160];

	snprintf(title, sizeof(title), o->rq->has_asn ? "Routes originated by %s" :
	    o->rq->has_comm ? "Routes with the community %s" : "Routes for %s", what);
	html_begin(o, title);
}

static void
h_search_rs_begin(struct lg_out *o, const struct lg_rs *rs)
{
	buf_puts(&o->resp->body, "<h2>");
	esc(&o->resp->body, rs->name);
	buf_puts(&o->resp->body, "</h2>\n");
}

static void
h_search_rs_end(struct lg_out *o, const struct lg_rs *rs, const char *error)
{
	(void)rs;
	if (error == NULL)
		return;
	buf_puts(&o->resp->body, "<p class=\"err\">Not answering: ");
	esc(&o->resp->body, error);
	buf_puts(&o->resp->body, "</p>\n");
}

static void
h_search_end(struct lg_out *o, const char *what, size_t shown, size_t pages)
{
	struct buf *b = &o->resp->body;

	if (shown == 0 && o->rq->page_no == 1)
		buf_printf(b, "<p class=\"empty\">No route server has a route %s %s.</p>\n",
		    o->rq->has_asn ? "originated by" : o->rq->has_comm ? "with the community" :
		    o->rq->q_is_ip ? "for" : "covering, at or inside", what);
	if (pages > 1) {
		buf_printf(b, "<p class=\"pager\">More specifics, page %u of %zu: ",
		    o->rq->page_no, pages);
		for (size_t pg = 1; pg <= pages; pg++) {
			if (pg == o->rq->page_no) {
				buf_printf(b, "<strong>%zu</strong> ", pg);
				continue;
			}
			buf_puts(b, "<a href=\"lookup?q=");
			esc(b, what);
			buf_printf(b, "&amp;page=%zu\">%zu</a> ", pg, pg);
		}
		buf_puts(b, "</p>\n");
	}
	html_end(o);
}

/* ---- members ---- */

static void
h_members_begin(struct lg_out *o, const struct lg_directory *d)
{
	html_begin(o, "Members");
	buf_puts(&o->resp->body, "<form class=\"find\" action=\"members\" method=\"get\"><label>"
	    "Name or ASN <input name=\"find\" size=\"24\" value=\"");
	esc(&o->resp->body, o->rq->find);
	buf_puts(&o->resp->body, "\" required></label> <button>Find</button></form>\n");
	if (d == NULL)
		buf_puts(&o->resp->body, "<p class=\"empty\">No member list configured "
		    "(ixp-lg --members OUTDIR/members.json).</p>\n");
	else
		buf_puts(&o->resp->body, "<table><thead><tr><th>ASN</th><th>Name</th>"
		    "<th>NOC e-mail</th><th>Phone</th><th>MANRS</th><th>Addresses</th></tr></thead>"
		    "<tbody>\n");
}

static void
h_member(struct lg_out *o, const struct lg_member *m)
{
	struct buf *b = &o->resp->body;

	buf_puts(b, "<tr><td>");
	h_member_link(b, m->asn);
	buf_puts(b, "</td><td>");
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

static void
h_members_end(struct lg_out *o, const struct lg_directory *d)
{
	if (d != NULL)
		buf_puts(&o->resp->body, "</tbody></table>\n");
	html_end(o);
}

/* ---- a member ---- */

static void
h_rpki_counts(struct buf *b, const struct ready_live *l)
{
	buf_printf(b, "<span class=\"rpki-1\">%zu valid</span>, %zu unknown, "
	    "<span class=\"%s\">%zu invalid</span>", l->rpki[RPKI_TAG_VALID],
	    l->rpki[RPKI_TAG_UNKNOWN], l->rpki[RPKI_TAG_INVALID] ? "rpki-4" : "",
	    l->rpki[RPKI_TAG_INVALID]);
}

static void
h_member_sessions(struct buf *b, struct lg_out *o, const struct lg_member_view *v)
{
	buf_puts(b, "<h2>Sessions</h2>\n");
	for (size_t i = 0; i < v->n_rs; i++) {
		const struct lg_member_rs *mr = &v->rs[i];
		if (mr->error[0]) {
			buf_puts(b, "<p class=\"err\">");
			esc(b, mr->rs->name);
			buf_puts(b, " is not answering: ");
			esc(b, mr->error);
			buf_puts(b, "</p>\n");
		}
	}
	if (v->n_s == 0) {
		buf_puts(b, "<p class=\"empty\">No session on any route server that answered.</p>\n");
		return;
	}
	buf_puts(b, "<table class=\"neighbors\"><thead><tr><th>Route server</th><th>Session</th>"
	    "<th>Address</th><th>State</th><th>Routes</th><th class=\"num\">received</th>"
	    "<th class=\"num\">accepted</th><th class=\"num\">filtered</th>"
	    "<th class=\"num\">exported</th><th>RPKI of its routes</th></tr></thead><tbody>\n");
	for (size_t k = 0; k < v->n_s; k++) {
		const struct lg_member_session *s = &v->s[k];
		const struct bird_proto *p = s->p;
		buf_puts(b, "<tr><td>");
		h_link(b, s->rs->name, NULL);
		buf_puts(b, "</td><td>");
		h_link(b, s->rs->name, p->name);
		buf_puts(b, "</td>");
		h_td(b, p->neighbor_address);
		buf_puts(b, "<td>");
		h_state(b, p);
		buf_puts(b, "</td>");
		h_channel_counts(b, s->rs, p, true);
		buf_puts(b, "<td>");
		h_rpki_counts(b, &s->live);
		buf_puts(b, s->truncated ? " (first routes only)</td></tr>\n" : "</td></tr>\n");
	}
	buf_puts(b, "</tbody></table>\n");
	(void)o;
}

static void
h_member_filtered(struct buf *b, struct lg_out *o, const struct lg_member_view *v)
{
	bool any = false;

	if (v->routes_rs == NULL)
		return;
	buf_puts(b, "<h2>Filtered routes by reason</h2>\n");
	for (int c = 0; c <= REJ_MAX; c++) {
		const char *hint = "", *text;
		if (v->live.by_reason[c] == 0)
			continue;
		if (!any)
			buf_puts(b, "<table><thead><tr><th>Code</th><th>Reason</th>"
			    "<th class=\"num\">Routes</th><th>Example</th><th>What to do</th></tr>"
			    "</thead><tbody>\n");
		any = true;
		text = c ? lg_reason_text(&o->app->reasons, c, &hint) : "no reason tag";
		buf_printf(b, "<tr><td>%d</td>", c);
		h_td(b, text);
		buf_printf(b, "<td class=\"num\">%zu</td><td><a href=\"lookup?q=", v->live.by_reason[c]);
		esc(b, v->live.example[c]);
		buf_puts(b, "\">");
		esc(b, v->live.example[c]);
		buf_puts(b, "</a></td>");
		h_td(b, hint);
		buf_puts(b, "</tr>\n");
	}
	if (any)
		buf_puts(b, "</tbody></table>\n");
	else
		buf_puts(b, "<p class=\"empty\">None: every route is accepted.</p>\n");
	buf_puts(b, "<p class=\"hint\">Counted on ");
	esc(b, v->routes_rs->name);
	buf_printf(b, " (every route server holds the same routes): %zu announced, %zu accepted, "
	    "%zu filtered; ", v->live.announced, v->live.accepted, v->live.filtered);
	h_rpki_counts(b, &v->live);
	buf_puts(b, v->truncated ? ". Lists were cut at the looking glass's route limit: the "
	    "counts are of the first routes.</p>\n" : ".</p>\n");
}

static void
h_member_registry(struct buf *b, const struct lg_member_view *v)
{
	const struct lg_ready *r = v->ready;

	buf_puts(b, "<h2>Registry data</h2>\n");
	if (r == NULL) {
		buf_puts(b, v->ready_error ? "<p class=\"err\">" : "<p class=\"empty\">");
		esc(b, v->ready_error ? v->ready_error : "The IXP publishes no readiness data "
		    "here (ixp-lg --pages OUTDIR).");
		buf_puts(b, "</p>\n");
		return;
	}
	buf_puts(b, "<p class=\"hint\">From the route servers' last configuration.</p>"
	    "<dl class=\"facts\">");
	h_fact(b, "AS-SET", r->as_set ? r->as_set : "none (the AS number alone)");
	buf_printf(b, "<dt>Route objects</dt><dd>%zu IPv4, %zu IPv6</dd>", r->f.route_objects[0],
	    r->f.route_objects[1]);
	buf_printf(b, "<dt>Covered by a ROA</dt><dd>%zu IPv4, %zu IPv6</dd>", r->f.with_roa[0],
	    r->f.with_roa[1]);
	buf_printf(b, "<dt>RPKI invalid objects</dt><dd>%zu", r->f.stale);
	if (r->stale_example) {
		buf_puts(b, " (e.g. ");
		esc(b, r->stale_example);
		buf_puts(b, ")");
	}
	buf_printf(b, "</dd><dt>IRR data</dt><dd>%s</dd><dt>ROAs</dt><dd>%s</dd></dl>\n",
	    v->irr_complete ? "complete" : "incomplete",
	    v->roa_complete ? "complete" : "incomplete");
}

static void
h_member_page(struct lg_out *o, const struct lg_member_view *v)
{
	struct buf *b = &o->resp->body;
	char title[256];

	snprintf(title, sizeof(title), "AS%u%s%s", v->asn, v->m ? " " : "", v->m ? v->m->name : "");
	html_begin(o, title);
	if (v->m != NULL) {
		buf_puts(b, "<dl class=\"facts\">");
		if (v->m->email)
			h_fact(b, "NOC e-mail", v->m->email);
		h_fact(b, "MANRS", v->m->manrs ? "yes" : "no");
		buf_puts(b, "</dl>\n");
	}
	buf_puts(b, "<h2>What to fix</h2>\n");
	if (v->n_fixes == 0)
		buf_puts(b, "<p class=\"empty\">Nothing: every route is accepted and the registry "
		    "data is complete.</p>\n");
	else
		buf_puts(b, "<ol class=\"fixes\">");
	for (size_t k = 0; k < v->n_fixes; k++) {
		buf_puts(b, "<li>");
		esc(b, v->fixes[k]);
		buf_puts(b, "</li>");
	}
	if (v->n_fixes)
		buf_puts(b, "</ol>\n");
	h_member_sessions(b, o, v);
	h_member_filtered(b, o, v);
	h_member_registry(b, v);
	html_end(o);
}

/* The MANRS actions for IXPs, and where this IXP shows its evidence. */
static void
h_manrs(struct lg_out *o)
{
	static const char *const actions[][3] = {
		{ "1", "Prevent the propagation of incorrect routing information",
		  "The route servers filter every member's routes by IRR and RPKI data; "
		  "the <a href=\"policy\">route-server policy</a> says how, check by check, "
		  "and every neighbour page shows the filtered routes with the reason." },
		{ "2", "Promote MANRS to the membership",
		  "Members who take part are marked in the <a href=\"members\">member "
		  "directory</a>; each member's page here (member/ASN, linked from the "
		  "directory) shows its filtered routes, why, its IRR and RPKI data and what "
		  "to fix, most urgent first." },
		{ "3", "Protect the peering platform",
		  "The <a href=\"policy/traffic\">forbidden-traffic policy</a> lists the "
		  "traffic not allowed on the peering LAN; the switches enforce it from the "
		  "same rule set." },
		{ "4", "Facilitate global operational communication",
		  "The <a href=\"members\">member directory</a> has every member's NOC "
		  "contacts." },
		{ "5", "Provide monitoring and debugging tools",
		  "This <a href=\"./\">looking glass</a>: every route server's sessions, "
		  "accepted, filtered and exported routes, lookups, and a "
		  "<a href=\"api/v1/status\">JSON API</a>." },
	};
	struct buf *b = &o->resp->body;

	html_begin(o, "MANRS");
	buf_puts(b, "<p>The Mutually Agreed Norms for Routing Security ask an IXP for five "
	    "actions. Where this IXP shows what it does for each:</p>\n<table><thead><tr>"
	    "<th>Action</th><th>What</th><th>Here</th></tr></thead><tbody>\n");
	for (size_t i = 0; i < sizeof(actions) / sizeof(actions[0]); i++)
		buf_printf(b, "<tr><td>%s</td><td>%s</td><td>%s</td></tr>\n", actions[i][0],
		    actions[i][1], actions[i][2]);
	buf_puts(b, "</tbody></table>\n");
	html_end(o);
}

/* static/lg.css */
const char lg_html_css[] =
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
	".tag.bh{background:#222;color:#fff}.c{font-size:.85em;color:#46505e}.cn{color:#5d6675;"
	"font-style:italic}"
	".path{font-family:ui-monospace,monospace}.rpki-1{color:#1e8449}"
	".rpki-4{color:#c0392b;font-weight:600}.rpki-0{color:#8a93a0}"
	".tabs a{display:inline-block;padding:.3em .8em;border:1px solid #cfd5de;"
	"border-bottom:0;background:#fff;text-decoration:none}.tabs a.on{background:#18324f;"
	"color:#fff}dl.facts{display:grid;grid-template-columns:max-content auto;gap:.2em 1em}"
	"dl.facts dt{font-weight:600}dl.facts dd{margin:0}"
	"footer{padding:1em 1.5em;color:#5d6675;font-size:.9em}"
	"ol.fixes li{margin-bottom:.4em}"
	"@media(max-width:700px){main{padding:.6em}table{display:block;overflow-x:auto}"
	"dd{overflow-wrap:anywhere}}\n";

const size_t lg_html_css_len = sizeof(lg_html_css) - 1;

const struct lg_output lg_out_html = {
	.page_size = LG_PAGE_SIZE,
	.withheld = true,
	.error = h_error,
	.status_begin = h_status_begin,
	.status = h_status,
	.status_end = h_status_end,
	.protocols_begin = h_protocols_begin,
	.protocol = h_protocol,
	.protocols_end = h_protocols_end,
	.routes_page_begin = h_routes_page_begin,
	.routes_page_end = h_routes_page_end,
	.routes_begin = h_routes_begin,
	.route = h_route,
	.routes_end = h_routes_end,
	.search_begin = h_search_begin,
	.search_rs_begin = h_search_rs_begin,
	.search_rs_end = h_search_rs_end,
	.search_end = h_search_end,
	.manrs = h_manrs,
	.members_begin = h_members_begin,
	.member = h_member,
	.members_end = h_members_end,
	.member_page = h_member_page,
};
