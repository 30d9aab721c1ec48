/* bparse: the reply parsers (show status, show protocols all, show route
 * all) on recorded transcripts and on hand-made replies for the cases the
 * test IXP does not produce. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "birdc.h"
#include "bparse.h"
#include "lgdata.h"
#include "reasons.h"
#include "testutil.h"
#include "birdreply.h"

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
 * community lists, a cut AS path, other destinations, BIRD 3 names in a
 * second path (the replies of real BIRD 3 daemons are in transcripts/3.3.2,
 * read by test_recorded_versions). */
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

/*
 * The same facts from replies recorded from each BIRD (tests/lg/record.sh,
 * the t_lg.sh IXP): 2.0.12 (the trimmed originals), 2.17.6 and 3.3.2,
 * whose `show route all` names attributes and sources differently.
 */
struct tally {
	int	 n, bad, by_code[REJ_MAX + 1];
};

static int
tally_route(void *ctx, const struct bird_route *r)
{
	struct tally *t = ctx;
	struct lg_reasons rsn;
	struct lg_route_flags f;

	t->n++;
	lg_reasons_builtin(&rsn);
	lg_route_flags(&rsn, 64500, r, &f);
	lg_reasons_free(&rsn);
	if (f.reject >= 0 && f.reject <= REJ_MAX)
		t->by_code[f.reject]++;
	/* Every route of the test IXP: from a BGP session, a path ending in a
	 * member's ASN or its customer's, a next hop on the LAN. */
	if (strcmp(r->type, "BGP univ") || r->n_as_path == 0 || r->as_path[0] < 64501 ||
	    (strncmp(r->next_hop, "192.0.2.1", 9) != 0 &&
	    strncmp(r->next_hop, "2001:db8:100::1", 15) != 0))
		t->bad++;
	return 0;
}

static void
tally(const char *dir, const char *name, struct tally *t)
{
	char path[128];
	struct bp_routes p;
	size_t len;
	char *data;

	snprintf(path, sizeof(path), "%s%s", dir, name);
	data = transcript(path, &len);
	memset(t, 0, sizeof(*t));
	bp_routes_init(&p, tally_route, t);
	feed(data, len, 7, bp_routes_line, &p);
	bp_routes_finish(&p);
	bp_routes_free(&p);
	free(data);
}

static void
test_recorded_versions(void **state)
{
	static const struct {
		const char *dir, *version;
		int filtered, limit;
	} v[] = {
		{ "", "2.0.12", 5, 100 }, { "2.17.6/", "2.17.6", 117, 500 },
		{ "3.3.2/", "3.3.2", 117, 500 },
	};

	(void)state;
	for (size_t i = 0; i < sizeof(v) / sizeof(v[0]); i++) {
		struct bird_status_info st;
		struct bp_protocols p = { 0 };
		const struct bird_proto *pr;
		struct tally t;
		char path[128];
		size_t len;
		char *data;

		snprintf(path, sizeof(path), "%sstatus", v[i].dir);
		data = transcript(path, &len);
		memset(&st, 0, sizeof(st));
		feed(data, len, 3, bp_status_line, &st);
		assert_string_equal(st.version, v[i].version);
		assert_string_equal(st.router_id, "192.0.2.1");
		assert_string_equal(st.message, "Daemon is up and running");
		free(data);

		snprintf(path, sizeof(path), "%sprotocols_all", v[i].dir);
		data = transcript(path, &len);
		feed(data, len, 4096, bp_protocols_line, &p);
		pr = bp_protocols_find_bgp(&p, "AS64501_1");
		assert_non_null(pr);
		assert_true(pr->established);
		assert_int_equal(pr->neighbor_as, 64501);
		assert_int_equal(pr->local_as, 64500);
		assert_string_equal(pr->neighbor_address, "192.0.2.11");
		assert_int_equal(pr->ch[0].afi, BIRD_AFI_IPV4);
		assert_int_equal(pr->ch[0].imported, 3);
		assert_int_equal(pr->ch[0].filtered, (uint64_t)v[i].filtered);
		assert_int_equal(pr->ch[0].exported, 1);
		assert_int_equal(pr->ch[0].limit, (uint32_t)v[i].limit);
		assert_string_equal(pr->ch[0].input_filter, "rs_import_AS64501_1");
		pr = bp_protocols_find_bgp(&p, "AS64501_2");
		assert_int_equal(pr->ch[0].afi, BIRD_AFI_IPV6);
		pr = bp_protocols_find_bgp(&p, "AS64503_1");
		assert_false(pr->established);
		assert_string_equal(pr->state, "start");
		assert_null(bp_protocols_find_bgp(&p, "irr4_ol"));
		bp_protocols_free(&p);
		free(data);

		/* Accepted: 3 routes, none filtered; the filtered ones all carry a
		 * reason, 12 for most (the host routes); nothing malformed. */
		tally(v[i].dir, "routes_accepted", &t);
		assert_int_equal(t.n, 3);
		assert_int_equal(t.by_code[0], 3);
		assert_int_equal(t.bad, 0);
		tally(v[i].dir, "routes_filtered", &t);
		assert_int_equal(t.n, v[i].filtered);
		assert_int_equal(t.by_code[0], 0);
		assert_int_equal(t.bad, 0);
		assert_true(t.by_code[REJ_IRR_PREFIX] >= 1);
		assert_int_equal(t.by_code[REJ_RPKI_INVALID], 1);
		tally(v[i].dir, "routes_origin", &t);
		assert_int_equal(t.bad, 0);
		assert_true(t.n >= 1);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_status),
		cmocka_unit_test(test_protocols),
		cmocka_unit_test(test_protocols_dual_stack),
		cmocka_unit_test(test_routes_filtered),
		cmocka_unit_test(test_routes_other_replies),
		cmocka_unit_test(test_routes_handmade),
		cmocka_unit_test(test_recorded_versions),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
