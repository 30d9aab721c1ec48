/*
 * /metrics: the Prometheus text exposition format (version 0.0.4). One
 * format only, so the page and its printer are one module. The figures per
 * route server come from the same cached replies the pages read (show
 * protocols all, the filtered routes of each table); the request counters
 * from the server (lg_stats).
 */
#include <stdio.h>
#include <string.h>

#include "bparse.h"
#include "buf.h"
#include "prom.h"
#include "lgview.h"

static const char *const cmd_names[CMD_NUM] = {
	[CMD_NONE] = "none", [CMD_STATUS] = "status", [CMD_PROTOCOLS] = "protocols",
	[CMD_ROUTES_ACCEPTED] = "routes_accepted", [CMD_ROUTES_FILTERED] = "routes_filtered",
	[CMD_ROUTES_EXPORTED] = "routes_exported", [CMD_ROUTES_NOEXPORT] = "routes_noexport",
	[CMD_ROUTES_FOR] = "routes_for", [CMD_ROUTES_FOR_FILTERED] = "routes_for_filtered",
	[CMD_ROUTES_NET] = "routes_net", [CMD_ROUTES_ORIGIN] = "routes_origin",
	[CMD_ROUTES_ORIGIN_FILTERED] = "routes_origin_filtered",
	[CMD_ROUTES_TABLE] = "routes_table", [CMD_ROUTES_TABLE_FILTERED] = "routes_table_filtered",
};

static const int status_codes[LG_ST_NUM] = { 200, 400, 403, 404, 405, 414, 429, 500, 503, 0 };

void
lg_stats_request(struct lg_stats *st, enum lg_page page, int status)
{
	int k = LG_ST_OTHER;

	for (int i = 0; i < LG_ST_OTHER; i++)
		if (status_codes[i] == status)
			k = i;
	if (page >= PG_NUM)
		page = PG_NONE;
	pthread_mutex_lock(&st->mu);
	st->requests[page][k]++;
	pthread_mutex_unlock(&st->mu);
}

/* Filtered routes by reason code, from the tables' dumps. */
struct by_reason {
	const struct lg_reasons	*reasons;
	uint32_t		 rs_asn;
	uint64_t		 n[256];	/* codes 0..255; 0: no reason tag */
};

static int
count_reason(void *ctx, const struct bird_route *r)
{
	struct by_reason *br = ctx;
	struct lg_route_flags f;

	lg_route_flags(br->reasons, br->rs_asn, r, &f);
	br->n[f.reject >= 0 && f.reject < 256 ? f.reject : 0]++;
	return 0;
}

static void
rs_metrics(struct lg_app *app, struct lg_rs *rs, struct buf *b[6])
{
	struct lg_args a = { 0 };
	struct lg_reply *r = lg_query(&app->core, rs, CMD_PROTOCOLS, &a, false);
	struct bp_protocols p = { 0 };
	struct by_reason br = { &app->reasons, app->reasons.rs_asn, { 0 } };
	uint64_t est = 0, down = 0, routes[2][4] = { { 0 } };
	bool up = r->status == BS_OK;
	bool truncated = false;

	buf_puts(b[0], "ixp_lg_bird_up{rs=");
	prom_label(b[0], rs->name);
	buf_printf(b[0], "} %d\n", up);
	if (up) {
		lg_replay(r, bp_protocols_line, &p);
		truncated = lg_count_tagged(app, rs, false, &p);
		for (size_t i = 0; i < p.n; i++) {
			const struct bird_proto *pr = &p.v[i];
			if (!pr->bgp)
				continue;
			if (br.rs_asn == 0)
				br.rs_asn = pr->local_as;
			if (pr->established)
				est++;
			else
				down++;
			for (int k = 0; k < pr->n_ch; k++) {
				const struct bird_channel *c = &pr->ch[k];
				int fam = c->afi == BIRD_AFI_IPV6;
				routes[fam][0] += c->imported + c->filtered;
				routes[fam][1] += c->imported;
				routes[fam][2] += c->filtered;
				routes[fam][3] += c->exported;
			}
		}
	}
	lg_reply_put(&app->core, r);
	for (int s = 0; up && s < 2; s++) {
		buf_puts(b[1], "ixp_lg_bgp_sessions{rs=");
		prom_label(b[1], rs->name);
		buf_printf(b[1], ",state=\"%s\"} %llu\n", s ? "down" : "established",
		    (unsigned long long)(s ? down : est));
	}
	for (int fam = 0; up && fam < 2; fam++) {
		static const char *const kinds[4] = { "received", "accepted", "filtered", "exported" };
		for (int k = 0; k < 4; k++) {
			buf_puts(b[2], "ixp_lg_routes{rs=");
			prom_label(b[2], rs->name);
			buf_printf(b[2], ",family=\"%s\",kind=\"%s\"} %llu\n", fam ? "ipv6" : "ipv4",
			    kinds[k], (unsigned long long)routes[fam][k]);
		}
	}
	if (up)
		truncated |= lg_walk_filtered(app, rs, &p, false, count_reason, &br);
	for (int code = 0; up && code < 256; code++) {
		const char *hint, *text;
		if (br.n[code] == 0)
			continue;
		text = code ? lg_reason_text(&app->reasons, code, &hint) : "no reason tag";
		buf_puts(b[3], "ixp_lg_filtered_routes{rs=");
		prom_label(b[3], rs->name);
		buf_printf(b[3], ",code=\"%d\",reason=", code);
		prom_label(b[3], text ? text : "unknown");
		buf_printf(b[3], "} %llu\n", (unsigned long long)br.n[code]);
	}
	buf_puts(b[4], "ixp_lg_filtered_routes_truncated{rs=");
	prom_label(b[4], rs->name);
	buf_printf(b[4], "} %d\n", truncated);
	pthread_mutex_lock(&rs->mu);
	for (int c = 1; c < CMD_NUM; c++) {
		if (rs->cmd_n[c] == 0)
			continue;
		buf_puts(b[5], "ixp_lg_bird_command_seconds_count{rs=");
		prom_label(b[5], rs->name);
		buf_printf(b[5], ",command=\"%s\"} %llu\n", cmd_names[c],
		    (unsigned long long)rs->cmd_n[c]);
		buf_puts(b[5], "ixp_lg_bird_command_seconds_sum{rs=");
		prom_label(b[5], rs->name);
		buf_printf(b[5], ",command=\"%s\"} %.3f\n", cmd_names[c], (double)rs->cmd_ms[c] / 1000);
	}
	pthread_mutex_unlock(&rs->mu);
	bp_protocols_free(&p);
}

void
lg_metrics(struct lg_app *app, struct lg_response *resp)
{
	/* One buffer per metric family, so each family's samples stay together. */
	static const char *const fam[6][3] = {
		{ "ixp_lg_bird_up", "gauge", "1 if the route server's BIRD answers on its control socket" },
		{ "ixp_lg_bgp_sessions", "gauge", "BGP sessions by state" },
		{ "ixp_lg_routes", "gauge", "routes of the BGP sessions by family: received, accepted, filtered, exported" },
		{ "ixp_lg_filtered_routes", "gauge", "filtered routes by reject reason (from the tables' filtered routes, up to --max-routes per table)" },
		{ "ixp_lg_filtered_routes_truncated", "gauge", "1 if a table held more filtered routes than --max-routes, so the reasons count only that many" },
		{ "ixp_lg_bird_command_seconds", "summary", "time of the BIRD commands the looking glass ran (cache misses)" },
	};
	struct buf fb[6] = { BUF_INIT, BUF_INIT, BUF_INIT, BUF_INIT, BUF_INIT, BUF_INIT };
	struct buf *bp[6] = { &fb[0], &fb[1], &fb[2], &fb[3], &fb[4], &fb[5] };
	struct buf *b = &resp->body;
	struct lg_stats *st = &app->stats;

	resp->ctype = "text/plain; version=0.0.4; charset=utf-8";
	resp->max_age = 0;
	for (size_t i = 0; i < app->core.n_rs; i++)
		rs_metrics(app, &app->core.rs[i], bp);
	prom_head(b, "ixp_lg_info", "gauge", "the looking glass's version");
	buf_puts(b, "ixp_lg_info{version=");
	prom_label(b, app->version ? app->version : "");
	buf_puts(b, "} 1\n");
	for (int i = 0; i < 6; i++) {
		prom_head(b, fam[i][0], fam[i][1], fam[i][2]);
		buf_add(b, fb[i].p ? fb[i].p : "", fb[i].len);
		buf_free(&fb[i]);
	}
	pthread_mutex_lock(&app->core.cache_mu);
	prom_head(b, "ixp_lg_cache_hits_total", "counter", "requests for BIRD replies answered from the cache");
	buf_printf(b, "ixp_lg_cache_hits_total %llu\n", (unsigned long long)app->core.hits);
	prom_head(b, "ixp_lg_cache_misses_total", "counter", "requests for BIRD replies that ran a command");
	buf_printf(b, "ixp_lg_cache_misses_total %llu\n", (unsigned long long)app->core.misses);
	pthread_mutex_unlock(&app->core.cache_mu);
	pthread_mutex_lock(&st->mu);
	prom_head(b, "ixp_lg_requests_total", "counter", "HTTP requests answered, by page and status");
	for (int p = 0; p < PG_NUM; p++)
		for (int k = 0; k < LG_ST_NUM; k++)
			if (st->requests[p][k] > 0) {
				char code[8];
				if (k == LG_ST_OTHER)
					snprintf(code, sizeof(code), "other");
				else
					snprintf(code, sizeof(code), "%d", status_codes[k]);
				buf_printf(b, "ixp_lg_requests_total{page=\"%s\",status=\"%s\"} %llu\n",
				    lg_page_name((enum lg_page)p), code,
				    (unsigned long long)st->requests[p][k]);
			}
	prom_head(b, "ixp_lg_refused_total", "counter", "requests and connections refused, by why");
	buf_printf(b, "ixp_lg_refused_total{why=\"rate_limit\"} %llu\n",
	    (unsigned long long)st->rate_limited);
	buf_printf(b, "ixp_lg_refused_total{why=\"busy\"} %llu\n", (unsigned long long)st->busy);
	buf_printf(b, "ixp_lg_refused_total{why=\"per_network_cap\"} %llu\n",
	    (unsigned long long)st->netcap);
	prom_head(b, "ixp_lg_connections", "gauge", "HTTP connections held");
	buf_printf(b, "ixp_lg_connections %u\n", st->connections);
	pthread_mutex_unlock(&st->mu);
}
