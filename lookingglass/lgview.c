/*
 * Pages: what a request shows. Each reads BIRD through lgcore (the
 * commands its route gave it) and hands what it found to the printers of
 * the request's format (lgout.h); none of them knows which format that is.
 */
#include "lgview.h"

#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "asn.h"
#include "fileio.h"
#include "lgout.h"
#include "xalloc.h"

static const struct lg_output *const outputs[LGF_NUM] = {
	[LGF_HTML] = &lg_out_html,
	[LGF_JSON] = &lg_out_json,
	[LGF_BW] = &lg_out_bw,
	[LGF_BE] = &lg_out_be,
};

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

static void
out_error(struct lg_out *o, int status, const char *param, const char *msg)
{
	buf_reset(&o->resp->body);
	o->resp->status = status;
	o->resp->max_age = 0;
	o->fmt->error(o, status, param, msg);
}

void
lg_error(struct lg_app *app, enum lg_format fmt, int status, const char *param, const char *msg,
    struct lg_response *resp)
{
	struct lg_out o = { .fmt = outputs[fmt], .app = app, .resp = resp };

	out_error(&o, status, param, msg);
}

/* 503 for a route server BIRD does not answer on. */
static void
bird_down(struct lg_out *o, const struct lg_rs *rs, const struct lg_reply *r)
{
	char msg[512];

	snprintf(msg, sizeof(msg), "route server %s is not answering (%s); try again in a few "
	    "seconds", rs->name, lg_reply_public(r));
	out_error(o, 503, NULL, msg);
	o->resp->retry_after = 5;
}

/* ---- data from BIRD ------------------------------------------------------------------ */

bool
lg_walk_filtered(struct lg_app *app, struct lg_rs *rs, const struct bp_protocols *p,
    bool uncached, bp_route_fn fn, void *ctx)
{
	const char *tables[16];
	size_t n_tables = 0;
	bool truncated = false;

	for (size_t i = 0; i < p->n; i++)
		for (int k = 0; p->v[i].bgp && k < p->v[i].n_ch; k++) {
			size_t j = 0;
			while (j < n_tables && strcmp(tables[j], p->v[i].ch[k].table))
				j++;
			if (j == n_tables && n_tables < 16 && p->v[i].ch[k].table[0])
				tables[n_tables++] = p->v[i].ch[k].table;
		}
	for (size_t j = 0; j < n_tables; j++) {
		struct lg_args a = { .table = tables[j] };
		struct lg_reply *r = lg_query(&app->core, rs, CMD_ROUTES_TABLE_FILTERED, &a, uncached);

		if (r->status == BS_OK) {
			struct bp_routes pr;
			bp_routes_init(&pr, fn, ctx);
			lg_replay(r, bp_routes_line, &pr);
			bp_routes_finish(&pr);
			bp_routes_free(&pr);
			truncated |= r->truncated;
		}
		lg_reply_put(&app->core, r);
	}
	return truncated;
}

/* A tagged route counted against its session's channel of its table. */
static int
count_tagged(void *ctx, const struct bird_route *r)
{
	struct bp_protocols *p = ctx;

	for (size_t i = 0; i < p->n; i++) {
		struct bird_proto *pr = &p->v[i];
		if (!pr->bgp || strcmp(pr->name, r->from_protocol))
			continue;
		for (int k = 0; k < pr->n_ch; k++)
			if (!strcmp(pr->ch[k].table, r->table)) {
				if (pr->ch[k].imported > 0)
					pr->ch[k].imported--;
				pr->ch[k].filtered++;
				return 0;
			}
	}
	return 0;
}

bool
lg_count_tagged(struct lg_app *app, struct lg_rs *rs, bool uncached, struct bp_protocols *p)
{
	/* The walk changes counts in p, never the table names it walks by. */
	return app->core.opt.tag_asn != 0 && lg_walk_filtered(app, rs, p, uncached, count_tagged, p);
}

/* The protocols of a route server (cached); false when BIRD is down. */
static bool
protos_get(struct lg_app *app, struct lg_rs *rs, bool uncached, struct lg_protos *out)
{
	struct lg_args a = { 0 };

	memset(out, 0, sizeof(*out));
	out->reply = lg_query(&app->core, rs, CMD_PROTOCOLS, &a, uncached);
	if (out->reply->status != BS_OK)
		return false;
	lg_replay(out->reply, bp_protocols_line, &out->p);
	lg_count_tagged(app, rs, uncached, &out->p);
	out->rs_asn = app->reasons.rs_asn;
	for (size_t i = 0; out->rs_asn == 0 && i < out->p.n; i++)
		if (out->p.v[i].bgp)
			out->rs_asn = out->p.v[i].local_as;
	return true;
}

static void
protos_put(struct lg_app *app, struct lg_protos *pr)
{
	bp_protocols_free(&pr->p);
	lg_reply_put(&app->core, pr->reply);
}

/* The protocols, or a 503 answered (and nothing to put). */
static bool
protos_or_503(struct lg_out *o, struct lg_rs *rs, struct lg_protos *pr)
{
	if (protos_get(o->app, rs, o->rq->uncached, pr))
		return true;
	bird_down(o, rs, pr->reply);
	protos_put(o->app, pr);
	return false;
}

/* A table the BGP sessions use: the only tables a client may dump. */
static bool
table_known(const struct bp_protocols *ps, const char *table)
{
	for (size_t i = 0; i < ps->n; i++)
		for (int k = 0; ps->v[i].bgp && k < ps->v[i].n_ch; k++)
			if (!strcmp(ps->v[i].ch[k].table, table))
				return true;
	return false;
}

/* A route of a prefix lookup's list: covering, the prefix, or inside it. */
static enum lg_relation
relation(const struct lg_routes *l, const struct bird_route *r)
{
	struct prefix p;

	if (l->scope == LGS_NONE || l->query == NULL)
		return REL_NONE;
	if (l->scope == LGS_COVERING)
		return REL_COVERING;
	if (prefix_parse(r->network, strlen(r->network), &p) == ADDR_OK && p.len == l->query->len)
		return REL_EXACT;
	return REL_MORE_SPECIFIC;
}

/*
 * Whom an accepted route is not sent to, by its communities: no one (RPKI
 * invalid, kept), or the members of the route server's sessions that
 * announcement control keeps it from.
 */
static struct announce_route
route_comms(const struct bird_route *r)
{
	struct announce_route ar = { (const uint32_t (*)[2])r->communities, r->n_communities,
	    (const uint32_t (*)[3])r->large_communities, r->n_large_communities,
	    (const char (*)[3][24])r->ext_communities, r->n_ext_communities };

	return ar;
}

static void
withheld(const struct lg_protos *pr, const struct bird_route *r, struct lg_route_flags *f)
{
	struct announce_route ar = route_comms(r);
	uint32_t from = lg_session_asn(r->from_protocol), last = 0;
	enum announce_why w = announce_to(&ar, pr->rs_asn, 0);

	if (w == ANN_RPKI_INVALID) {
		f->sent_to_none = w;
		return;
	}
	for (size_t i = 0; i < pr->p.n; i++) {
		uint32_t peer = lg_proto_asn(&pr->p.v[i]);
		if (!pr->p.v[i].bgp || peer == from || peer == last || peer == 0)
			continue;
		last = peer;		/* a member's sessions are listed together */
		if ((w = announce_to(&ar, pr->rs_asn, peer)) == ANN_SENT)
			continue;
		if (f->n_withheld == LG_WITHHELD_MAX) {
			f->more_withheld++;
			continue;
		}
		f->withheld[f->n_withheld] = peer;
		f->withheld_why[f->n_withheld++] = w;
	}
}

/* Walking the routes of a reply, printing a window of them. */
struct walk {
	struct lg_out	*o;
	struct lg_routes *l;
	const struct lg_protos *pr;
	size_t		 seen, limit;
};

static int
walk_route(void *ctx, const struct bird_route *r)
{
	struct walk *w = ctx;
	struct lg_route_flags f;

	if (w->o->rq->has_lc && !bp_route_has_lc(r, w->o->rq->lc[0], w->o->rq->lc[1]))
		return 0;		/* birdseye's (x, y, *) search */
	if (w->seen++ < w->l->first || w->l->shown >= w->limit)
		return 0;
	lg_route_flags(&w->o->app->reasons, w->pr->rs_asn, r, &f);
	f.relation = relation(w->l, r);
	if (w->l->noexport) {
		struct announce_route ar = route_comms(r);
		f.not_sent = announce_to(&ar, w->pr->rs_asn, lg_proto_asn(w->l->neighbor));
	} else if (w->o->fmt->withheld && !w->l->filtered && f.reject == 0 && !w->l->exported) {
		withheld(w->pr, r, &f);
	}
	w->o->fmt->route(w->o, w->l, r, &f);
	w->l->shown++;
	return 0;
}

static void
print_routes(struct lg_out *o, struct lg_routes *l, const struct lg_protos *pr, size_t limit)
{
	struct walk w = { o, l, pr, 0, limit };
	struct bp_routes p;

	l->rs_asn = pr->rs_asn;
	o->fmt->routes_begin(o, l);
	bp_routes_init(&p, walk_route, &w);
	lg_replay(l->reply, bp_routes_line, &p);
	bp_routes_finish(&p);
	bp_routes_free(&p);
	o->fmt->routes_end(o, l);
}

/* ---- pages --------------------------------------------------------------------------- */

/* Every route server, or the one the path names (down: 503). */
static void
page_status(struct lg_out *o, struct lg_rs *only)
{
	struct lg *core = &o->app->core;

	o->fmt->status_begin(o);
	for (size_t i = 0; i < core->n_rs; i++) {
		struct lg_rs *rs = &core->rs[i];
		struct lg_args a = { 0 };
		struct lg_reply *r;
		struct bird_status_info st;

		if (only != NULL && rs != only)
			continue;
		r = lg_query(core, rs, o->rq->cmds[0], &a, false);
		if (only != NULL && r->status != BS_OK) {
			bird_down(o, rs, r);
			lg_reply_put(core, r);
			return;
		}
		memset(&st, 0, sizeof(st));
		lg_replay(r, bp_status_line, &st);
		o->fmt->status(o, rs, r->status == BS_OK && r->code == BIRD_C_UP, r, &st);
		lg_reply_put(core, r);
	}
	o->fmt->status_end(o);
}

/* A channel of the family (AF4, AF6; 0: any). */
static bool
of_family_channel(const struct bird_channel *c, uint8_t afi)
{
	return afi == 0 || c->afi == (afi == AF4 ? BIRD_AFI_IPV4 : BIRD_AFI_IPV6);
}

/* A protocol with a channel of the family. */
static bool
of_family(const struct bird_proto *p, uint8_t afi)
{
	for (int k = 0; k < p->n_ch; k++)
		if (of_family_channel(&p->ch[k], afi))
			return true;
	return afi == 0;
}

/* The BGP sessions of a route server; the brief listing has every protocol. */
static void
page_protocols(struct lg_out *o, struct lg_rs *rs)
{
	struct lg_protos pr;

	if (!protos_or_503(o, rs, &pr))
		return;
	o->fmt->protocols_begin(o, rs, &pr);
	for (size_t i = 0; i < pr.p.n; i++)
		if ((pr.p.v[i].bgp || o->rq->brief) && of_family(&pr.p.v[i], o->rq->afi))
			o->fmt->protocol(o, rs, &pr.p.v[i]);
	o->fmt->protocols_end(o);
	protos_put(o->app, &pr);
}

/* Its tables and BGP sessions (of the path's family), for birdseye. */
static void
page_symbols(struct lg_out *o, struct lg_rs *rs)
{
	struct lg_protos pr;
	const char **protos, **tables;
	size_t n_p = 0, n_t = 0;

	if (!protos_or_503(o, rs, &pr))
		return;
	protos = xcalloc(pr.p.n + 1, sizeof(*protos));
	tables = xcalloc(pr.p.n * BIRD_MAX_CHANNELS + 1, sizeof(*tables));
	for (size_t i = 0; i < pr.p.n; i++) {
		const struct bird_proto *p = &pr.p.v[i];
		if (!p->bgp || !of_family(p, o->rq->afi))
			continue;
		protos[n_p++] = p->name;
		for (int k = 0; k < p->n_ch; k++) {
			size_t t = 0;
			if (!of_family_channel(&p->ch[k], o->rq->afi))
				continue;
			while (t < n_t && strcmp(tables[t], p->ch[k].table))
				t++;
			if (t == n_t)
				tables[n_t++] = p->ch[k].table;
		}
	}
	o->fmt->symbols(o, rs, protos, n_p, tables, n_t);
	free(protos);
	free(tables);
	protos_put(o->app, &pr);
}

static void
page_neighbor(struct lg_out *o, struct lg_rs *rs)
{
	struct lg_protos pr;
	const struct bird_proto *p;

	if (!protos_or_503(o, rs, &pr))
		return;
	if ((p = bp_protocols_find_bgp(&pr.p, o->rq->proto)) == NULL)
		out_error(o, 404, "neighbor", "no such neighbour on this route server");
	else
		o->fmt->neighbor(o, rs, p);
	protos_put(o->app, &pr);
}

/*
 * The routes of a session, a table or a prefix on one route server: one
 * list, from one command or (birdseye's large-community search: accepted
 * and filtered) more, all read before any is printed.
 */
static void
page_routes(struct lg_out *o, struct lg_rs *rs)
{
	const struct lg_request *rq = o->rq;
	size_t size = o->fmt->page_size, n = 0;
	struct lg_protos pr;
	struct lg_args a = { 0 };
	struct lg_routes l = { 0 };
	struct lg_reply *r[LG_MAX_CMDS];

	if (!protos_or_503(o, rs, &pr))
		return;
	if (rq->proto[0] && (l.neighbor = bp_protocols_find_bgp(&pr.p, rq->proto)) == NULL) {
		out_error(o, 404, "neighbor", "no such neighbour on this route server");
		protos_put(o->app, &pr);
		return;
	}
	if (rq->table[0] && !table_known(&pr.p, rq->table)) {
		out_error(o, 404, "table", "no such table");
		protos_put(o->app, &pr);
		return;
	}
	a.proto = rq->proto[0] ? rq->proto : NULL;
	a.table = rq->table[0] ? rq->table : NULL;
	a.prefix = rq->q_prefix;
	while (n < LG_MAX_CMDS && rq->cmds[n] != CMD_NONE) {
		r[n] = lg_query(&o->app->core, rs, rq->cmds[n], &a, false);
		if (r[n++]->status != BS_OK) {
			bird_down(o, rs, r[n - 1]);
			goto done;
		}
	}
	l.rs = rs;
	l.first = size ? (size_t)(rq->page_no - 1) * size : 0;
	for (size_t k = 0; k < n; k++) {
		l.reply = r[k];
		l.filtered = lg_cmd_filtered(rq->cmds[k]);
		l.exported = rq->cmds[k] == CMD_ROUTES_EXPORTED;
		l.noexport = rq->cmds[k] == CMD_ROUTES_NOEXPORT;
		if (k == 0)
			o->fmt->routes_page_begin(o, &l);
		print_routes(o, &l, &pr, size ? size : o->app->core.opt.max_routes);
	}
	o->fmt->routes_page_end(o, &l);
done:
	for (size_t k = 0; k < n; k++)
		lg_reply_put(&o->app->core, r[k]);
	protos_put(o->app, &pr);
}

/*
 * Accepted and filtered routes for an address, a prefix or an origin,
 * everywhere. A prefix's more specifics are paged (page_size a list);
 * covering routes are few (one per prefix length at most) and never are.
 */
static void
page_search(struct lg_out *o)
{
	const struct lg_request *rq = o->rq;
	struct lg *core = &o->app->core;
	struct lg_args a = { 0 };
	char what[ADDR_STRLEN + 16];
	size_t shown = 0, pages = 1, size = o->fmt->page_size;

	if (rq->has_asn) {
		a.asn = rq->asn;
		snprintf(what, sizeof(what), "AS%u", rq->asn);
	} else if (rq->has_comm) {
		a.comm_large = rq->comm_large;
		memcpy(a.comm, rq->comm, sizeof(a.comm));
		if (rq->comm_large)
			snprintf(what, sizeof(what), "%u:%u:%u", rq->comm[0], rq->comm[1], rq->comm[2]);
		else
			snprintf(what, sizeof(what), "%u:%u", rq->comm[0], rq->comm[1]);
	} else {
		a.is_ip = rq->q_is_ip;
		a.ip = rq->q_ip;
		a.prefix = rq->q_prefix;
		if (rq->q_is_ip)
			ip_format(&rq->q_ip, what);
		else
			prefix_format(&rq->q_prefix, what);
	}
	o->fmt->search_begin(o, what);
	for (size_t i = 0; i < core->n_rs; i++) {
		struct lg_rs *rs = &core->rs[i];
		struct lg_protos pr;
		char error[sizeof(pr.reply->text)] = "";
		bool up = protos_get(o->app, rs, false, &pr);

		o->fmt->search_rs_begin(o, rs);
		if (!up)
			snprintf(error, sizeof(error), "%s", lg_reply_public(pr.reply));
		for (int k = 0; up && k < LG_MAX_CMDS && rq->cmds[k] != CMD_NONE; k++) {
			enum lg_scope scope = lg_cmd_scope(rq->cmds[k]);
			struct lg_reply *r;
			struct lg_routes l = { .rs = rs, .filtered = lg_cmd_filtered(rq->cmds[k]),
			    .scope = scope, .query = scope != LGS_NONE ? &rq->q_prefix : NULL };
			size_t limit = core->opt.max_routes;

			if (scope == LGS_COVERING && rq->q_prefix.len == 0)
				continue;	/* nothing is less specific than /0 */
			r = lg_query(core, rs, rq->cmds[k], &a, false);
			if (r->status != BS_OK) {
				up = false;
				snprintf(error, sizeof(error), "%s", lg_reply_public(r));
			} else {
				l.reply = r;
				if (scope == LGS_IN && size) {
					l.first = (size_t)(rq->page_no - 1) * size;
					limit = size;
					if ((r->routes + size - 1) / size > pages)
						pages = (r->routes + size - 1) / size;
				}
				print_routes(o, &l, &pr, limit);
				shown += l.shown;
			}
			lg_reply_put(core, r);
		}
		o->fmt->search_rs_end(o, rs, up ? NULL : error);
		protos_put(o->app, &pr);
	}
	o->fmt->search_end(o, what, shown, pages);
}

/* A member a search (?find=) names: by its ASN (64501, AS64501), or a part
 * of its name, in any case. */
static bool
member_found(const struct lg_member *m, const char *find)
{
	uint32_t asn;
	size_t n = strlen(find);

	if (n == 0)
		return true;
	if (asn_parse(find, n, ASN_PLAIN | ASN_PREFIXED, &asn))
		return m->asn == asn;
	for (const char *p = m->name; *p; p++)
		if (strncasecmp(p, find, n) == 0)
			return true;
	return false;
}

static void
page_members(struct lg_out *o)
{
	const struct lg_directory *d = o->app->members;

	o->fmt->members_begin(o, d);
	for (size_t i = 0; d != NULL && i < d->n; i++)
		if (member_found(&d->v[i], o->rq->find))
			o->fmt->member(o, &d->v[i]);
	o->fmt->members_end(o, d);
}

static atomic_flag ready_bad_logged = ATOMIC_FLAG_INIT;

/* Counting a session's routes by reject reason and RPKI state. */
struct count {
	const struct lg_reasons	*reasons;
	uint32_t		 rs_asn;
	struct ready_live	*live;
	bool			 filtered;
};

static int
count_route(void *ctx, const struct bird_route *r)
{
	struct count *c = ctx;
	struct lg_route_flags f;

	lg_route_flags(c->reasons, c->rs_asn, r, &f);
	ready_live_add(c->live, c->filtered, (unsigned)f.reject, (unsigned)f.rpki, r->network);
	return 0;
}

/* A session's accepted and filtered routes, counted; false when BIRD failed. */
static bool
count_session(struct lg_out *o, struct lg_member_session *s, uint32_t rs_asn, char *error,
    size_t errlen)
{
	struct lg *core = &o->app->core;
	struct lg_args a = { .proto = s->p->name };

	for (int k = 0; k < 2; k++) {
		struct lg_reply *r = lg_query(core, (struct lg_rs *)s->rs, o->rq->cmds[k], &a, false);
		struct count c = { &o->app->reasons, rs_asn, &s->live, lg_cmd_filtered(o->rq->cmds[k]) };
		struct bp_routes p;
		bool ok = r->status == BS_OK;

		if (ok) {
			bp_routes_init(&p, count_route, &c);
			lg_replay(r, bp_routes_line, &p);
			bp_routes_finish(&p);
			bp_routes_free(&p);
			s->truncated |= r->truncated;
		} else {
			snprintf(error, errlen, "%s", lg_reply_public(r));
		}
		lg_reply_put(core, r);
		if (!ok)
			return false;
	}
	return true;
}

static const char *
reason_text(const void *ctx, int code, const char **hint)
{
	return lg_reason_text(ctx, code, hint);
}

/*
 * A member's page: its sessions on every route server with BIRD's counts,
 * its routes by reject reason and RPKI state (counted on the first route
 * server that answers: each holds the same routes), its readiness facts
 * from the compile (readiness.json in --pages) and the fixes, as
 * `ixp-rsc readiness` gives them.
 */
static void
page_member(struct lg_out *o)
{
	struct lg_app *app = o->app;
	struct lg *core = &app->core;
	struct lg_member_view v;
	struct lg_protos *pr = xcalloc(core->n_rs + 1, sizeof(*pr));
	struct lg_ready ready;
	char rerr[512] = "";
	size_t cap = 0;

	memset(&v, 0, sizeof(v));
	v.asn = o->rq->asn;
	v.m = lg_member_find(app->members, v.asn);
	v.rs = xcalloc(core->n_rs + 1, sizeof(*v.rs));
	v.n_rs = core->n_rs;
	for (size_t i = 0; i < core->n_rs; i++) {
		struct lg_member_rs *mr = &v.rs[i];
		mr->rs = &core->rs[i];
		mr->first = v.n_s;
		if (!protos_get(app, &core->rs[i], false, &pr[i])) {
			snprintf(mr->error, sizeof(mr->error), "%s", lg_reply_public(pr[i].reply));
			continue;
		}
		for (size_t k = 0; k < pr[i].p.n && mr->error[0] == '\0'; k++) {
			const struct bird_proto *p = &pr[i].p.v[k];
			struct lg_member_session *s;
			if (!p->bgp || lg_proto_asn(p) != v.asn)
				continue;
			v.s = xgrow(v.s, &cap, v.n_s + 1, sizeof(*v.s));
			s = &v.s[v.n_s++];
			memset(s, 0, sizeof(*s));
			s->rs = mr->rs;
			s->p = p;
			mr->n++;
			if (!count_session(o, s, pr[i].rs_asn, mr->error, sizeof(mr->error)))
				break;
		}
		if (mr->error[0] != '\0' || v.routes_rs != NULL)
			continue;
		v.routes_rs = mr->rs;
		for (size_t k = mr->first; k < mr->first + mr->n; k++) {
			ready_live_sum(&v.live, &v.s[k].live);
			v.truncated |= v.s[k].truncated;
		}
	}
	if (app->pages_dir != NULL) {
		struct buf path = BUF_INIT;
		buf_printf(&path, "%s/readiness.json", app->pages_dir);
		switch (lg_ready_load(path.p, v.asn, &ready, rerr, sizeof(rerr))) {
		case LG_READY_OK:
			v.ready = &ready;
			break;
		case LG_READY_BAD:
			v.ready_error = "the readiness data of the last compile cannot be read";
			/* The operator's file, not the client's doing: said once. */
			if (!atomic_flag_test_and_set(&ready_bad_logged))
				fprintf(stderr, "ixp-lg: %s\n", rerr);
			break;
		case LG_READY_NONE:
			break;
		}
		buf_free(&path);
	}
	if (v.m == NULL && v.n_s == 0 && v.ready == NULL) {
		out_error(o, 404, "asn", "no member of this IXP has that AS number");
	} else {
		/* Without the compile's facts, the fixes its routes call for. */
		static const struct ready_facts none;
		const struct ready_facts *f = v.ready ? &v.ready->f : &none;
		const struct ready_live *live = v.routes_rs ? &v.live : NULL;
		v.irr_complete = ready_irr_complete(f, live);
		v.roa_complete = ready_roa_complete(f);
		v.n_fixes = ready_fixes(f, live, reason_text, &app->reasons, v.fixes);
		o->fmt->member_page(o, &v);
	}
	for (size_t k = 0; k < v.n_fixes; k++)
		free(v.fixes[k]);
	if (v.ready != NULL)
		lg_ready_free(&ready);
	for (size_t i = 0; i < core->n_rs; i++)
		if (pr[i].reply != NULL)
			protos_put(app, &pr[i]);
	free(pr);
	free(v.s);
	free(v.rs);
}

/*
 * A page ixp-rsc published (route-server-policy.html, forbidden-traffic.html):
 * read from --pages at each request (a new compile shows at once), never
 * through a link, at most 4 MiB. Its style is inline, so its CSP allows
 * that and nothing else.
 */
static void
page_published(struct lg_out *o)
{
	struct buf path = BUF_INIT;
	size_t len;
	long age;
	char *data = NULL;

	if (o->app->pages_dir != NULL) {
		buf_printf(&path, "%s/%s", o->app->pages_dir, o->rq->file);
		data = file_read(path.p, 4u << 20, true, &len, &age);
	}
	buf_free(&path);
	if (data == NULL) {
		out_error(o, 404, NULL, "the IXP has not published this page here");
		return;
	}
	o->resp->ctype = "text/html; charset=utf-8";
	o->resp->csp = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; "
	    "base-uri 'none'; form-action 'none'";
	o->resp->max_age = 60;
	buf_add(&o->resp->body, data, len);
	free(data);
}

void
lg_handle(struct lg_app *app, const struct lg_request *rq, struct lg_response *resp)
{
	struct lg_out o = { .fmt = outputs[rq->fmt], .app = app, .rq = rq, .resp = resp };
	struct lg_rs *rs = NULL;

	resp->max_age = 10;
	if (rq->rs[0] && (rs = lg_find_rs(&app->core, rq->rs)) == NULL) {
		out_error(&o, 404, "rs", "no such route server");
		return;
	}
	switch (rq->page) {
	case PG_CSS:
		resp->ctype = "text/css";
		resp->max_age = 3600;
		buf_add(&resp->body, lg_html_css, lg_html_css_len);
		break;
	case PG_HEALTH:
		resp->ctype = "text/plain";
		resp->max_age = 0;
		buf_puts(&resp->body, "ok\n");
		break;
	case PG_STATUS:
		page_status(&o, rs);
		break;
	case PG_PROTOCOLS:
		page_protocols(&o, rs);
		break;
	case PG_NEIGHBOR:
		page_neighbor(&o, rs);
		break;
	case PG_ROUTES:
		page_routes(&o, rs);
		break;
	case PG_SEARCH:
		page_search(&o);
		break;
	case PG_MEMBERS:
		page_members(&o);
		break;
	case PG_METRICS:
		if (app->serving)
			lg_metrics(app, resp);
		else
			out_error(&o, 404, NULL, "metrics are served by ixp-lg serve only");
		break;
	case PG_PUBLISHED:
		page_published(&o);
		break;
	case PG_MANRS:
		o.fmt->manrs(&o);
		break;
	case PG_MEMBER:
		page_member(&o);
		break;
	case PG_SYMBOLS:
		page_symbols(&o, rs);
		break;
	case PG_NUM:
	case PG_NONE:
		out_error(&o, 404, NULL, "no such page");
		break;
	}
}
