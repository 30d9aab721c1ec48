/* lgquery: the route table and the typed request parser. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "lgquery.h"
#include "testutil.h"

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
	/* A prefix's lookup: covering, then it and its more specifics; an
	 * address keeps the longest match. */
	assert_int_equal(rq.cmds[0], CMD_ROUTES_COVERING);
	assert_int_equal(rq.cmds[1], CMD_ROUTES_IN);
	assert_int_equal(rq.cmds[2], CMD_ROUTES_COVERING_FILTERED);
	assert_int_equal(rq.cmds[3], CMD_ROUTES_IN_FILTERED);
	assert_true(lg_parse_request("GET", "/lookup", "q=198.51.100.0%2F24&page=2", &rq, &e));
	assert_int_equal(rq.page_no, 2);
	/* birdseye, as IXP Manager asks: the prefix in one encoded segment. */
	assert_true(lg_parse_request("GET", "/birdseye/rs1/ipv6/route/2001%3Adb8%3A%3A%2F32/protocol/AS1_1",
	    "use_cache=0", &rq, &e));
	assert_int_equal(rq.fmt, LGF_BE);
	assert_int_equal(rq.afi, AF6);
	assert_string_equal(prefix_format(&rq.q_prefix, tmp), "2001:db8::/32");
	assert_string_equal(rq.proto, "AS1_1");
	assert_int_equal(rq.cmds[0], CMD_ROUTES_NET_PROTO);
	assert_true(rq.uncached);
	assert_true(lg_parse_request("GET", "/birdseye/rs1/ipv4/routes/lc-zwild/protocol/AS1_1/64500/1101",
	    "", &rq, &e));
	assert_true(rq.has_lc);
	assert_int_equal(rq.lc[0], 64500);
	assert_int_equal(rq.lc[1], 1101);
	assert_int_equal(rq.cmds[1], CMD_ROUTES_FILTERED);
	assert_true(lg_parse_request("GET", "/api/v1/community", "c=64500%3A0%3A64502", &rq, &e));
	assert_true(rq.has_comm && rq.comm_large);
	assert_int_equal(rq.comm[2], 64502);
	assert_int_equal(rq.cmds[1], CMD_ROUTES_COMMUNITY_FILTERED);
	assert_false(lg_parse_request("GET", "/community", "c=64500%3A%7Bx%7D", &rq, &e));
	assert_string_equal(e.param, "c");
	assert_true(lg_parse_request("GET", "/members", "find=Alpha+%26+Sons", &rq, &e));
	assert_string_equal(rq.find, "Alpha & Sons");
	assert_true(lg_parse_request("GET", "/lookup", "q=198.51.100.7", &rq, &e));
	assert_int_equal(rq.cmds[0], CMD_ROUTES_FOR);
	assert_int_equal(rq.cmds[1], CMD_ROUTES_FOR_FILTERED);
	assert_int_equal(rq.cmds[2], CMD_NONE);
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
	assert_int_equal(lg_path_format("/healthz"), LGF_JSON);
	assert_int_equal(lg_path_format("/api"), LGF_JSON);
	assert_int_equal(lg_path_format("/birdwatcherx/rs1/status"), LGF_HTML);
	/* Only the stylesheet and the health check pass the limits. */
	assert_true(lg_path_unmetered("/static/lg.css"));
	assert_true(lg_path_unmetered("/healthz"));
	assert_false(lg_path_unmetered("/"));
	assert_false(lg_path_unmetered("/static/other.css"));
	assert_false(lg_path_unmetered("/api/v1/status"));
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
		{ "GET", "/rs/..%2F..%2Fetc", "", 404, "rs" },
		/* An encoded slash is text of its segment: only birdseye's {net} takes one. */
		{ "GET", "/birdseye/rs1/ipv4/route/..%2F..%2Fetc/table/master4", "", 400, "net" },
		{ "GET", "/birdseye/rs1/ipv4/routes/table/master4%2Fx", "", 404, "table" },
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

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_requests_good),
		cmocka_unit_test(test_requests_bad),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
