/*
 * The looking glass without a network: BIRD's reply framing and the
 * parsers on transcripts recorded from BIRD 2.0.12 (tests/lg/transcripts,
 * captured from the t_lg.sh test IXP) and on hand-made replies for the
 * cases that IXP does not produce; request parsing; command templates; the
 * rate limiter.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <unistd.h>

#include "birdc.h"
#include "buf.h"
#include "bparse.h"
#include "lgcore.h"
#include "lgdata.h"
#include "lgquery.h"
#include "lgserver.h"
#include "reasons.h"
#include "testutil.h"

/* A transcript file: "C: command" then BIRD's bytes. */
static char *
transcript(const char *name, size_t *len)
{
	char path[256];
	FILE *f;
	char *data;
	long n;
	char *nl;

	snprintf(path, sizeof(path), "../lg/transcripts/%s.txt", name);
	f = fopen(path, "rb");
	assert_non_null(f);
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	rewind(f);
	data = malloc((size_t)n + 1);
	assert_int_equal(fread(data, 1, (size_t)n, f), (size_t)n);
	data[n] = '\0';
	fclose(f);
	nl = strchr(data, '\n');
	assert_non_null(nl);
	memmove(data, nl + 1, (size_t)n - (size_t)(nl + 1 - data) + 1);
	*len = strlen(data);
	return data;
}

/* Feed a reply in pieces of `step` bytes; returns the final code. */
static int
feed(const char *data, size_t len, size_t step, bird_line_fn fn, void *ctx)
{
	struct bird_reply r;
	size_t off = 0;

	bird_reply_init(&r);
	while (off < len) {
		size_t n = len - off < step ? len - off : step, used;
		enum bird_feed f = bird_reply_feed(&r, data + off, n, &used, fn, ctx);
		off += used;
		if (f == BF_DONE)
			return r.final_code;
		assert_true(f == BF_MORE);
	}
	fail_msg("reply did not end");
	return -1;
}

/* ---- framing ------------------------------------------------------------------- */

struct lines {
	int	 code[64];
	char	 text[64][80];
	int	 n;
};

static int
keep_line(void *ctx, int code, const char *text, size_t len)
{
	struct lines *l = ctx;

	if (l->n < 64) {
		l->code[l->n] = code;
		snprintf(l->text[l->n], sizeof(l->text[0]), "%.*s", (int)len, text);
		l->n++;
	}
	return 0;
}

static void
test_framing(void **state)
{
	/* Continuations take the code of the line before; "+" lines are
	 * log echo; an "8000-" overflow mid-reply does not end it; the end
	 * is four digits and a space, whatever the code. */
	static const char reply[] =
	    "1007-Table master4:\n"
	    " 192.0.2.0/24 unicast\n"
	    "+Disabling protocol X\n"
	    "1008-\tType: BGP univ\n"
	    "8000-<line overflow>\n"
	    " more\r\n"
	    "0013 Daemon is up and running\n"
	    "0000 next reply\n";
	struct lines l;
	struct bird_reply r;
	size_t used;

	(void)state;
	for (size_t step = 1; step <= sizeof(reply); step += 3) {
		memset(&l, 0, sizeof(l));
		assert_int_equal(feed(reply, sizeof(reply) - 1, step, keep_line, &l), 13);
		assert_int_equal(l.n, 6);
		assert_int_equal(l.code[1], 1007);
		assert_string_equal(l.text[1], "192.0.2.0/24 unicast");
		assert_int_equal(l.code[3], 8000);
		assert_int_equal(l.code[4], 8000);
		assert_string_equal(l.text[4], "more");
		assert_string_equal(l.text[5], "Daemon is up and running");
	}
	/* What follows the final line is left for the next reply. */
	bird_reply_init(&r);
	assert_int_equal(bird_reply_feed(&r, reply, sizeof(reply) - 1, &used, NULL, NULL), BF_DONE);
	assert_string_equal(reply + used, "0000 next reply\n");
	/* Not BIRD: a line without a code, a line longer than BIRD writes. */
	bird_reply_init(&r);
	assert_int_equal(bird_reply_feed(&r, "HTTP/1.1 200 OK\n", 16, &used, NULL, NULL), BF_PROTO);
	{
		char big[2000];
		memset(big, 'x', sizeof(big));
		memcpy(big, "1007-", 5);
		bird_reply_init(&r);
		assert_int_equal(bird_reply_feed(&r, big, sizeof(big), &used, NULL, NULL), BF_PROTO);
	}
	/* A continuation before any coded line is not BIRD either. */
	bird_reply_init(&r);
	assert_int_equal(bird_reply_feed(&r, " x\n", 3, &used, NULL, NULL), BF_PROTO);
}

static void
test_command_check(void **state)
{
	char long_cmd[1000];

	(void)state;
	assert_true(bird_cmd_ok("show route all for 2001:db8::1"));
	assert_true(bird_cmd_ok("show route all where bgp_path.last = 64500"));
	assert_false(bird_cmd_ok("show route all; configure"));
	assert_false(bird_cmd_ok("show route all\nconfigure"));
	assert_false(bird_cmd_ok("show route filter { accept; }"));
	assert_false(bird_cmd_ok("show protocols \"AS*\""));
	assert_false(bird_cmd_ok("show route 'x'"));
	assert_false(bird_cmd_ok(""));
	memset(long_cmd, 'a', sizeof(long_cmd) - 1);
	long_cmd[sizeof(long_cmd) - 1] = '\0';
	assert_false(bird_cmd_ok(long_cmd));
}

/* ---- parsers on recorded replies ----------------------------------------------- */

static void
test_status(void **state)
{
	struct bird_status_info st;
	size_t len;
	char *t = transcript("status", &len);

	(void)state;
	memset(&st, 0, sizeof(st));
	assert_int_equal(feed(t, len, 7, bp_status_line, &st), 13);
	assert_string_equal(st.version, "2.0.12");
	assert_string_equal(st.router_id, "192.0.2.1");
	assert_string_equal(st.server_time, "2026-11-23 13:14:40");
	assert_string_equal(st.last_reboot, "2026-11-23 13:14:39");
	assert_string_equal(st.message, "Daemon is up and running");
	free(t);
}

static void
test_protocols(void **state)
{
	struct bp_protocols p = { 0 };
	const struct bird_proto *pr;
	size_t len;
	char *t = transcript("protocols_all", &len);

	(void)state;
	assert_int_equal(feed(t, len, 4096, bp_protocols_line, &p), 0);
	assert_int_equal(p.n, 12);
	pr = bp_protocols_find(&p, "AS64501_1");
	assert_non_null(pr);
	assert_string_equal(pr->proto, "BGP");
	assert_true(pr->bgp);
	assert_true(pr->established);
	assert_string_equal(pr->state, "up");
	assert_string_equal(pr->since, "2026-11-23 13:14:40");
	assert_string_equal(pr->info, "Established");
	assert_string_equal(pr->bgp_state, "Established");
	assert_string_equal(pr->neighbor_address, "192.0.2.11");
	assert_int_equal(pr->neighbor_as, 64501);
	assert_int_equal(pr->local_as, 64500);
	assert_string_equal(pr->description, "AS64501 Alpha <Networks> & _Sons_");
	assert_int_equal(pr->n_ch, 1);
	assert_string_equal(pr->ch[0].name, "ipv4");
	assert_int_equal(pr->ch[0].afi, BIRD_AFI_IPV4);
	assert_string_equal(pr->ch[0].input_filter, "rs_import_AS64501_1");
	assert_int_equal(pr->ch[0].imported, 3);
	assert_int_equal(pr->ch[0].filtered, 5);
	assert_int_equal(pr->ch[0].exported, 1);
	assert_int_equal(pr->ch[0].limit, 100);
	assert_string_equal(pr->ch[0].limit_action, "restart");
	assert_int_equal(pr->ch[0].import_updates.received, 8);
	assert_int_equal(pr->ch[0].import_withdraws.filtered, -1);	/* "---" */
	pr = bp_protocols_find(&p, "AS64501_2");
	assert_string_equal(pr->ch[0].name, "ipv6");
	assert_int_equal(pr->ch[0].afi, BIRD_AFI_IPV6);
	pr = bp_protocols_find(&p, "AS64503_1");
	assert_string_equal(pr->state, "start");
	assert_string_equal(pr->info, "Active");
	assert_true(pr->bgp);
	assert_false(pr->established);
	pr = bp_protocols_find(&p, "irr4_ol");
	assert_string_equal(pr->table, "rs_irr4_ol");
	assert_false(pr->bgp);
	/* Only BGP sessions are neighbours. */
	assert_non_null(bp_protocols_find_bgp(&p, "AS64501_1"));
	assert_null(bp_protocols_find_bgp(&p, "irr4_ol"));
	assert_null(bp_protocols_find_bgp(&p, "nosuch"));
	bp_protocols_free(&p);
	free(t);
}

/* Replies replayed from the cache: lines are spans there, not strings. */
static void
test_replay(void **state)
{
	struct lg_reply r;
	struct bp_protocols p = { 0 };
	struct buf b = BUF_INIT;
	size_t len;
	char *t = transcript("protocols_all_one", &len);
	const char *q = t;
	int code = 0;

	(void)state;
	/* The cache's form: "CCCCtext\n" per line, continuations with their code. */
	while (*q) {
		const char *nl = strchr(q, '\n');
		size_t n = (size_t)(nl - q);
		if (n >= 5 && q[0] != ' ') {
			code = atoi(q);
			buf_printf(&b, "%04d%.*s\n", code, (int)(n - 5), q + 5);
		} else {
			buf_printf(&b, "%04d%.*s\n", code, (int)(n - 1), q + 1);
		}
		q = nl + 1;
	}
	memset(&r, 0, sizeof(r));
	r.data = b.p;
	r.len = b.len;
	assert_int_equal(lg_replay(&r, bp_protocols_line, &p), 0);
	assert_int_equal(p.n, 1);
	assert_int_equal(p.v[0].neighbor_as, 64501);
	assert_int_equal(p.v[0].local_as, 64500);
	assert_int_equal(p.v[0].ch[0].imported, 3);
	bp_protocols_free(&p);
	buf_free(&b);
	free(t);
}

/* A dual-stack session: one protocol, counts per channel (not flattened). */
static void
test_protocols_dual_stack(void **state)
{
	static const char reply[] =
	    "2002-Name       Proto      Table      State  Since         Info\n"
	    "1002-R1  BGP        ---        up     12:00:00.123  Established   \n"
	    "1006-  BGP state:          Established\n"
	    "    Neighbor AS:      64501\n"
	    "  Channel ipv4\n"
	    "    State:          UP\n"
	    "    Import limit:   10 [HIT]\n"
	    "      Action:       block\n"
	    "    Routes:         7 imported, 2 filtered, 9 exported, 7 preferred\n"
	    "  Channel ipv6\n"
	    "    Routes:         1 imported, 0 filtered, 4 exported, 1 preferred\n"
	    " \n"
	    "0000 \n";
	struct bp_protocols p = { 0 };

	(void)state;
	assert_int_equal(feed(reply, sizeof(reply) - 1, 5, bp_protocols_line, &p), 0);
	assert_int_equal(p.n, 1);
	assert_string_equal(p.v[0].since, "12:00:00.123");
	assert_int_equal(p.v[0].n_ch, 2);
	assert_int_equal(p.v[0].ch[0].imported, 7);
	assert_true(p.v[0].ch[0].limit_hit);
	assert_string_equal(p.v[0].ch[0].limit_action, "block");
	assert_int_equal(p.v[0].ch[1].imported, 1);
	assert_int_equal(p.v[0].ch[1].exported, 4);
	bp_protocols_free(&p);
}

struct routes {
	struct bird_route r[16];
	uint32_t path0[16][8];
	int	 reject[16];
	int	 n;
	int	 stop_after;
};

static int
keep_route(void *ctx, const struct bird_route *r)
{
	struct routes *rs = ctx;
	struct lg_reasons rsn;
	struct lg_route_flags f;

	if (rs->n >= 16)
		return 0;
	rs->r[rs->n] = *r;
	for (size_t i = 0; i < r->n_as_path && i < 8; i++)
		rs->path0[rs->n][i] = r->as_path[i];
	lg_reasons_builtin(&rsn);
	lg_route_flags(&rsn, 64500, r, &f);
	rs->reject[rs->n] = f.reject;
	lg_reasons_free(&rsn);
	/* Pointers into the parser do not outlive the call. */
	rs->r[rs->n].as_path = NULL;
	rs->r[rs->n].communities = NULL;
	rs->r[rs->n].large_communities = NULL;
	rs->r[rs->n].ext_communities = NULL;
	rs->n++;
	return rs->stop_after && rs->n >= rs->stop_after ? -1 : 0;
}

static void
parse_routes(const char *data, size_t len, size_t step, struct routes *out)
{
	struct bp_routes p;

	bp_routes_init(&p, keep_route, out);
	feed(data, len, step, bp_routes_line, &p);
	bp_routes_finish(&p);
	bp_routes_free(&p);
}

static void
test_routes_filtered(void **state)
{
	static const int want[] = { 12, 2, 13, 9, 14 };
	struct routes rs;
	size_t len;
	char *t = transcript("routes_filtered", &len);

	(void)state;
	memset(&rs, 0, sizeof(rs));
	parse_routes(t, len, 13, &rs);
	assert_int_equal(rs.n, 5);
	for (int i = 0; i < 5; i++)
		assert_int_equal(rs.reject[i], want[i]);
	assert_string_equal(rs.r[0].network, "198.51.100.192/28");
	assert_string_equal(rs.r[0].table, "master4");
	assert_string_equal(rs.r[0].dest, "unicast");
	assert_string_equal(rs.r[0].from_protocol, "AS64501_1");
	assert_string_equal(rs.r[0].since, "2026-11-23 13:14:40");
	assert_string_equal(rs.r[0].gateway, "192.0.2.11");
	assert_string_equal(rs.r[0].iface, "eth0");
	assert_string_equal(rs.r[0].type, "BGP univ");
	assert_string_equal(rs.r[0].origin, "IGP");
	assert_int_equal(rs.r[0].n_as_path, 2);
	assert_int_equal(rs.path0[0][1], 64510);
	assert_true(rs.r[0].has_local_pref);
	assert_int_equal(rs.r[0].local_pref, 100);
	assert_int_equal(rs.r[0].preference, 100);
	assert_true(rs.r[0].primary);
	assert_int_equal(rs.r[0].n_large_communities, 2);
	free(t);
}

static void
test_routes_other_replies(void **state)
{
	struct routes rs;
	size_t len;
	char *t;

	(void)state;
	/* Exported: communities emptied by the route server ("BGP.community: "). */
	t = transcript("routes_export", &len);
	memset(&rs, 0, sizeof(rs));
	parse_routes(t, len, 4096, &rs);
	assert_int_equal(rs.n, 3);
	assert_int_equal(rs.r[0].n_communities, 0);
	free(t);
	/* Longest match, IPv6 too; "Network not found" is no routes. */
	t = transcript("routes_for_v6", &len);
	memset(&rs, 0, sizeof(rs));
	parse_routes(t, len, 4096, &rs);
	assert_int_equal(rs.n, 1);
	assert_string_equal(rs.r[0].network, "2001:db8:1000::/48");
	assert_string_equal(rs.r[0].table, "master6");
	free(t);
	t = transcript("routes_notfound", &len);
	memset(&rs, 0, sizeof(rs));
	{
		struct bp_routes p;
		bp_routes_init(&p, keep_route, &rs);
		assert_int_equal(feed(t, len, 4096, bp_routes_line, &p), 8001);
		bp_routes_finish(&p);
		bp_routes_free(&p);
	}
	assert_int_equal(rs.n, 0);
	free(t);
}

/* What the test IXP does not show: several paths of one network, long
 * community lists, a cut AS path, other destinations, BIRD 3 names. */
static void
test_routes_handmade(void **state)
{
	static const char reply[] =
	    "1007-Table master4:\n"
	    " 203.0.113.0/24       unicast [AS1_1 2026-11-23 13:00:00 from 192.0.2.11] * (100) [AS64501i]\n"
	    " \tvia 192.0.2.11 on eth0\n"
	    "1008-\tType: BGP univ\n"
	    "1012-\tBGP.as_path: 64501 {64502 64503} 64504 ...\n"
	    " \tBGP.community: (64500,1) (64500,2)\n"
	    " \t\t(64500,3) (65535,666)\n"
	    " \tBGP.ext_community: (rt, 64500, 7) (generic, 0x43000000, 0x1)\n"
	    " \tBGP.med: 20\n"
	    " \tBGP.otc: 64501\n"
	    " \tBGP.aggregator: 192.0.2.1 AS64501\n"
	    "1007-                     unicast [AS2_1 13:00:01.500] (100) [AS64502i]\n"
	    "1012-\tbgp_path: 64502\n"
	    " \tbgp_large_community: (64500, 65520, 3)\n"
	    "1007-198.51.100.0/24      blackhole [static1 2026-11-23 13:00:00] * (200)\n"
	    "1007-\n"
	    "1007-Table master6:\n"
	    " 2001:db8::/32        unreachable [AS3_2 2026-11-23 13:00:00] * (100) [AS64503?]\n"
	    "0000 \n";
	struct routes rs;

	(void)state;
	for (size_t step = 1; step < 40; step += 6) {
		memset(&rs, 0, sizeof(rs));
		parse_routes(reply, sizeof(reply) - 1, step, &rs);
		assert_int_equal(rs.n, 4);
		assert_string_equal(rs.r[0].learnt_from, "192.0.2.11");
		assert_int_equal(rs.r[0].n_as_path, 4);
		assert_int_equal(rs.path0[0][2], 64503);
		assert_true(rs.r[0].as_path_truncated);
		assert_int_equal(rs.r[0].n_communities, 4);
		assert_int_equal(rs.r[0].n_ext_communities, 2);
		assert_true(rs.r[0].has_med);
		assert_int_equal(rs.r[0].med, 20);
		assert_int_equal(rs.r[0].otc, 64501);
		assert_non_null(strstr(rs.r[0].other, "aggregator: 192.0.2.1 AS64501"));
		/* The second path of the same network, empty net column. */
		assert_string_equal(rs.r[1].network, "203.0.113.0/24");
		assert_false(rs.r[1].primary);
		assert_string_equal(rs.r[1].since, "13:00:01.500");
		assert_int_equal(rs.reject[1], 3);
		assert_string_equal(rs.r[2].dest, "blackhole");
		assert_int_equal(rs.r[2].preference, 200);
		assert_string_equal(rs.r[3].table, "master6");
		assert_string_equal(rs.r[3].dest, "unreachable");
	}
	/* A callback that stops the walk: no more routes are handed out. */
	memset(&rs, 0, sizeof(rs));
	rs.stop_after = 2;
	{
		struct bp_routes p;
		struct bird_reply r;
		size_t used;
		bp_routes_init(&p, keep_route, &rs);
		bird_reply_init(&r);
		assert_int_equal(bird_reply_feed(&r, reply, sizeof(reply) - 1, &used, bp_routes_line,
		    &p), BF_ABORT);
		bp_routes_free(&p);
	}
	assert_int_equal(rs.n, 2);
}

/* ---- requests ------------------------------------------------------------------- */

static void
test_requests_good(void **state)
{
	struct lg_request rq;
	struct lg_reqerr e;
	char tmp[ADDR_STRLEN];

	(void)state;
	assert_true(lg_parse_request("GET", "/", "", &rq, &e));
	assert_int_equal(rq.page, PG_STATUS);
	assert_int_equal(rq.cmds[0], CMD_STATUS);
	assert_true(lg_parse_request("GET", "//rs//rs-1/AS64501_1/", "view=filtered&page=3", &rq, &e));
	assert_int_equal(rq.page, PG_ROUTES);
	assert_string_equal(rq.rs, "rs-1");
	assert_string_equal(rq.proto, "AS64501_1");
	assert_int_equal(rq.view, VIEW_FILTERED);
	assert_int_equal(rq.cmds[0], CMD_ROUTES_FILTERED);
	assert_int_equal(rq.page_no, 3);
	assert_true(lg_parse_request("HEAD", "/lookup", "q=2001%3ADB8%3A%3A1", &rq, &e));
	assert_true(rq.q_is_ip);
	assert_string_equal(ip_format(&rq.q_ip, tmp), "2001:db8::1");
	assert_true(lg_parse_request("GET", "/api/v1/lookup", "q=198.51.100.0%2F24", &rq, &e));
	assert_false(rq.q_is_ip);
	assert_string_equal(prefix_format(&rq.q_prefix, tmp), "198.51.100.0/24");
	assert_int_equal(rq.fmt, LGF_JSON);
	assert_true(lg_parse_request("GET", "/origin", "asn=AS64502", &rq, &e));
	assert_int_equal(rq.fmt, LGF_HTML);
	assert_int_equal(rq.asn, 64502);
	assert_int_equal(rq.page, PG_SEARCH);
	assert_int_equal(rq.cmds[1], CMD_ROUTES_ORIGIN_FILTERED);
	assert_true(lg_parse_request("GET", "/birdwatcher/rs1/routes/prefix", "prefix=192.0.2.0/24",
	    &rq, &e));
	assert_int_equal(rq.page, PG_ROUTES);
	assert_int_equal(rq.cmds[0], CMD_ROUTES_NET);
	assert_int_equal(rq.fmt, LGF_BW);
	/* prefix= an address: its host route. */
	assert_true(lg_parse_request("GET", "/birdwatcher/rs1/routes/prefix", "prefix=2001:db8::1",
	    &rq, &e));
	assert_false(rq.q_is_ip);
	assert_string_equal(prefix_format(&rq.q_prefix, tmp), "2001:db8::1/128");
	/* Paths that do not parse answer in the format of their first segment. */
	assert_int_equal(lg_path_format("/birdwatcher/no/such/page"), LGF_BW);
	assert_int_equal(lg_path_format("/api/v1/nothing"), LGF_JSON);
	assert_int_equal(lg_path_format("/nothing"), LGF_HTML);
	assert_true(lg_parse_request("GET", "/birdwatcher/rs1/protocols/short", "uncached=true",
	    &rq, &e));
	assert_true(rq.uncached);
	assert_true(rq.brief);
	assert_true(lg_parse_request("GET", "/birdwatcher/rs1/protocols/bgp", "", &rq, &e));
	assert_false(rq.brief);
}

static void
test_requests_bad(void **state)
{
	static const struct {
		const char *method, *path, *query;
		int status;
		const char *param;
	} bad[] = {
		{ "POST", "/", "", 405, "" },
		{ "GET", "/../etc/passwd", "", 404, "" },
		{ "GET", "/rs/..%2F..%2Fetc", "", 404, "" },
		{ "GET", "/rs/rs1%00/x", "", 404, "" },
		{ "GET", "/rs/rs1/AS1_1;configure", "", 404, "neighbor" },
		{ "GET", "/rs/rs1/AS1_1%20configure", "", 404, "neighbor" },
		{ "GET", "/rs/rs1/AS1'", "", 404, "neighbor" },
		{ "GET", "/rs/rs1/AS1-1", "", 404, "neighbor" },
		{ "GET", "/rs/rs'1", "", 404, "rs" },
		{ "GET", "/birdwatcher/rs1/routes/table/master4%20all", "", 404, "table" },
		{ "GET", "/birdwatcher/rs1/routes/table/mas-ter4", "", 404, "table" },
		{ "GET", "/birdwatcher/rs1/routes/table/master4/x", "", 404, "" },
		{ "GET", "/nosuch", "", 404, "" },
		{ "GET", "/lookup", "", 400, "q" },
		{ "GET", "/lookup", "q=", 400, "q" },
		{ "GET", "/lookup", "q=192.0.2.1&q=192.0.2.2", 400, "q" },
		{ "GET", "/lookup", "q=192.0.2.1&x=1", 400, "x" },
		{ "GET", "/lookup", "q=192.0.2.1%3Bconfigure", 400, "q" },
		{ "GET", "/lookup", "q=192.0.2.1%0Aconfigure", 400, "q" },
		{ "GET", "/lookup", "q=192.0.2.1/24", 400, "q" },
		{ "GET", "/lookup", "q=%zz", 400, "q" },
		{ "GET", "/lookup", "q=%4", 400, "q" },
		{ "GET", "/lookup", "q=1.2.3.4.5", 400, "q" },
		{ "GET", "/lookup", "q=%7B%20accept%3B%20%7D", 400, "q" },
		{ "GET", "/lookup", "q", 400, "" },
		{ "GET", "/origin", "asn=0", 400, "asn" },
		{ "GET", "/origin", "asn=4294967296", 400, "asn" },
		{ "GET", "/origin", "asn=-1", 400, "asn" },
		{ "GET", "/origin", "asn=64500+or+1", 400, "asn" },
		{ "GET", "/rs/rs1/AS1_1", "view=all", 400, "view" },
		{ "GET", "/rs/rs1/AS1_1", "page=0", 400, "page" },
		{ "GET", "/rs/rs1/AS1_1", "page=99999999999", 400, "page" },
		{ "GET", "/rs/rs1", "view=filtered", 400, "view" },
		{ "GET", "/members", "a=1&b=2&c=3&d=4&e=5&f=6&g=7&h=8&i=9", 400, "a" },
	};
	struct lg_request rq;
	struct lg_reqerr e;

	(void)state;
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		bool ok = lg_parse_request(bad[i].method, bad[i].path, bad[i].query, &rq, &e);
		if (ok || e.status != bad[i].status || strcmp(e.param, bad[i].param))
			fail_msg("%s %s?%s: ok=%d status %d param '%s' (%s); want %d '%s'",
			    bad[i].method, bad[i].path, bad[i].query, ok, e.status, e.param, e.msg,
			    bad[i].status, bad[i].param);
	}
	{
		char longq[600];
		memset(longq, '1', sizeof(longq) - 1);
		memcpy(longq, "q=", 2);
		longq[sizeof(longq) - 1] = '\0';
		assert_false(lg_parse_request("GET", "/lookup", longq, &rq, &e));
		assert_int_equal(e.status, 400);
	}
}

static void
test_command_templates(void **state)
{
	struct lg_args a = { 0 };
	char cmd[BIRD_CMD_MAX + 1];

	(void)state;
	a.proto = "AS64501_1";
	assert_true(lg_build_cmd(CMD_ROUTES_FILTERED, &a, cmd, sizeof(cmd)));
	assert_string_equal(cmd, "show route all filtered protocol AS64501_1");
	assert_true(lg_build_cmd(CMD_ROUTES_NOEXPORT, &a, cmd, sizeof(cmd)));
	assert_string_equal(cmd, "show route all noexport AS64501_1");
	a.proto = "AS1_1 filter { accept; }";
	assert_false(lg_build_cmd(CMD_ROUTES_ACCEPTED, &a, cmd, sizeof(cmd)));
	a.proto = NULL;
	a.is_ip = true;
	ip_parse("2001:DB8::1", 11, &a.ip);
	assert_true(lg_build_cmd(CMD_ROUTES_FOR, &a, cmd, sizeof(cmd)));
	assert_string_equal(cmd, "show route all for 2001:db8::1");
	assert_true(lg_build_cmd(CMD_ROUTES_FOR_FILTERED, &a, cmd, sizeof(cmd)));
	assert_string_equal(cmd, "show route all filtered where 2001:db8::1 ~ net");
	a.is_ip = false;
	prefix_parse("192.0.2.0/24", 12, &a.prefix);
	assert_true(lg_build_cmd(CMD_ROUTES_FOR_FILTERED, &a, cmd, sizeof(cmd)));
	assert_string_equal(cmd, "show route all filtered 192.0.2.0/24");
	a.asn = 4200000000u;
	assert_true(lg_build_cmd(CMD_ROUTES_ORIGIN_FILTERED, &a, cmd, sizeof(cmd)));
	assert_string_equal(cmd, "show route all filtered where bgp_path.last = 4200000000");
	assert_false(lg_build_cmd(CMD_NONE, &a, cmd, sizeof(cmd)));
	a.table = "master6";
	assert_true(lg_build_cmd(CMD_ROUTES_TABLE_FILTERED, &a, cmd, sizeof(cmd)));
	assert_string_equal(cmd, "show route all filtered table master6");
	a.table = "master4 all";
	assert_false(lg_build_cmd(CMD_ROUTES_TABLE, &a, cmd, sizeof(cmd)));
}

static void
test_ratelimit(void **state)
{
	struct lg_ratelimit *rl = lg_ratelimit_new(2, 5);
	unsigned retry = 0;
	int64_t t = 1000000;

	(void)state;
	for (int i = 0; i < 5; i++)
		assert_true(lg_ratelimit_take(rl, "192.0.2.1", t, &retry));
	assert_false(lg_ratelimit_take(rl, "192.0.2.1", t, &retry));
	assert_true(retry >= 1);
	/* Another client is not affected. */
	assert_true(lg_ratelimit_take(rl, "2001:db8::/64", t, &retry));
	/* Half a second refills one request at 2 per second. */
	assert_true(lg_ratelimit_take(rl, "192.0.2.1", t + 500, &retry));
	assert_false(lg_ratelimit_take(rl, "192.0.2.1", t + 500, &retry));
	lg_ratelimit_free(rl);
}

static void
test_reasons_file(void **state)
{
	struct lg_reasons r;
	char err[200];
	const char *hint;
	FILE *f = fopen("/tmp/ixp-lg-reasons.json", "w");

	(void)state;
	assert_non_null(f);
	fputs("{\"reject_community\": \"4200000001:65520:{code}\", \"rpki_community\": "
	    "\"4200000001:1000:{state}\", \"reasons\": {\"12\": {\"text\": \"No route object\", "
	    "\"hint\": \"Register it\"}, \"x\": {\"text\": \"ignored\"}}}", f);
	fclose(f);
	assert_true(lg_reasons_load(&r, "/tmp/ixp-lg-reasons.json", err, sizeof(err)));
	assert_int_equal(r.rs_asn, 4200000001u);
	assert_string_equal(lg_reason_text(&r, 12, &hint), "No route object");
	assert_string_equal(hint, "Register it");
	assert_string_equal(lg_reason_text(&r, 99, NULL), "unknown reason");
	lg_reasons_free(&r);
	f = fopen("/tmp/ixp-lg-reasons.json", "w");
	fputs("{\"reasons\": {}}", f);
	fclose(f);
	assert_false(lg_reasons_load(&r, "/tmp/ixp-lg-reasons.json", err, sizeof(err)));
	assert_non_null(strstr(err, "not a reasons.json"));
	unlink("/tmp/ixp-lg-reasons.json");
	assert_int_equal(lg_session_asn("AS64501_2"), 64501);
	assert_int_equal(lg_session_asn("irr4"), 0);
	assert_int_equal(lg_session_asn("AS99999999999_1"), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_framing),
		cmocka_unit_test(test_command_check),
		cmocka_unit_test(test_status),
		cmocka_unit_test(test_protocols),
		cmocka_unit_test(test_replay),
		cmocka_unit_test(test_protocols_dual_stack),
		cmocka_unit_test(test_routes_filtered),
		cmocka_unit_test(test_routes_other_replies),
		cmocka_unit_test(test_routes_handmade),
		cmocka_unit_test(test_requests_good),
		cmocka_unit_test(test_requests_bad),
		cmocka_unit_test(test_command_templates),
		cmocka_unit_test(test_ratelimit),
		cmocka_unit_test(test_reasons_file),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
