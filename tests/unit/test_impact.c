/*
 * compiler/model/impact: live routes judged with a new model. Routes are
 * handed in as BIRD's parser would (accepted, or filtered with their
 * reason tag); the counts, the listed changes, the sessions added and
 * dropped and the limits are checked.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "buf.h"
#include "impact.h"
#include "reasons.h"
#include "testutil.h"
#include "world.h"

static const char irr[] =
	"as-set: AS-ONE\nmembers: AS64501, AS64510\nsource: TEST\n\n"
	"route: 198.51.100.0/24\norigin: AS64501\nsource: TEST\n\n"
	"route: 203.0.113.0/24\norigin: AS64510\nsource: TEST\n";

static const char head[] =
	"version: 1\n"
	"ixp:\n"
	"  name: Impact-IX\n"
	"  rs_asn: 64500\n"
	"  peering_lans: [192.0.2.0/24]\n"
	"  route_servers: [{name: rs1, router_id: 192.0.2.1, ipv4: 192.0.2.1}]\n"
	"sources:\n"
	"  irr: {dumps: [x.db]}\n"
	"policy:\n"
	"  bogon_asns: [0]\n"
	"  bogon_prefixes: [10.0.0.0/8]\n"
	"members:\n";

/* A route of `session`, path `a` (then `b` unless 0), maybe filtered. */
static void
feed(struct impact *im, struct impact_rs *irs, const char *session, const char *net,
    uint32_t a, uint32_t b, int reject)
{
	struct bird_route r;
	uint32_t path[2] = { a, b };
	uint32_t lc[1][3] = { { 64500, LC_REJECT, (uint32_t)reject } };

	memset(&r, 0, sizeof(r));
	snprintf(r.network, sizeof(r.network), "%s", net);
	snprintf(r.from_protocol, sizeof(r.from_protocol), "%s", session);
	snprintf(r.next_hop, sizeof(r.next_hop), "192.0.2.11");
	r.as_path = path;
	r.n_as_path = b ? 2 : 1;
	if (reject) {
		r.large_communities = lc;
		r.n_large_communities = 1;
	}
	impact_route(im, irs, &r, reject != 0);
}

static void
test_changes_and_limits(void **state)
{
	/* BIRD runs AS64501_1 and a session of a member the YAML dropped. */
	char *sessions[] = { (char *)"AS64501_1", (char *)"AS64599_1" };
	struct impact_limits lim = { 10, 2, 1000 };
	struct world w;
	struct impact im;
	struct impact_rs *irs;
	const struct impact_member *m;

	(void)state;
	/* The new YAML: AS64501 without its AS-SET, and a new member. */
	world_build_from(&w, head,
	    "  - {asn: 64501, name: One, connections: [{port: p1, ipv4: 192.0.2.11}]}\n"
	    "  - {asn: 64502, name: Two, connections: [{port: p2, ipv4: 192.0.2.12}]}\n",
	    irr, NULL, NULL);
	impact_init(&im, &w.mo);
	irs = impact_rs_add(&im, "rs1", "2.0.12", sessions, 2);
	assert_int_equal(irs->n_added, 1);
	assert_string_equal(irs->added[0], "AS64502_1");
	assert_int_equal(irs->n_removed, 1);
	assert_string_equal(irs->removed[0], "AS64599_1");
	feed(&im, irs, "AS64501_1", "198.51.100.0/24", 64501, 0, 0);	/* stays accepted */
	feed(&im, irs, "AS64501_1", "203.0.113.0/24", 64501, 64510, 0);	/* now 9 */
	feed(&im, irs, "AS64501_1", "10.1.0.0/16", 64501, 0, REJ_BOGON_PREFIX);	/* stays 2 */
	feed(&im, irs, "AS64501_1", "198.51.100.0/25", 64501, 0, REJ_PREFIX_LEN);	/* now 12 first */
	feed(&im, irs, "AS64599_1", "192.0.2.0/24", 64599, 0, 0);		/* its session goes */
	feed(&im, irs, "static1", "198.51.100.0/24", 0, 0, 0);		/* not a member's */
	impact_finish(&im, &lim);
	assert_int_equal(irs->routes, 5);
	assert_int_equal(irs->lost, 1);
	m = &irs->members[0];
	assert_int_equal(m->asn, 64501);
	assert_int_equal(m->accepted, 2);
	assert_int_equal(m->filtered, 2);
	assert_int_equal(m->to_filtered, 1);
	assert_int_equal(m->reason_changed, 1);
	assert_int_equal(m->n_changes, 2);
	/* Listed by session, then network. */
	assert_string_equal(m->changes[0].network, "198.51.100.0/25");
	assert_int_equal(m->changes[0].before, REJ_PREFIX_LEN);
	assert_int_equal(m->changes[0].after, REJ_IRR_PREFIX);
	assert_string_equal(m->changes[1].network, "203.0.113.0/24");
	assert_int_equal(m->changes[1].before, 0);
	assert_int_equal(m->changes[1].after, REJ_IRR_ORIGIN);
	assert_null(irs->members[1].name);		/* AS64599: no longer a member */
	/* Totals: one lost with its session, one newly filtered. */
	assert_int_equal(im.to_filtered, 2);
	/* Half of AS64501's accepted routes: over a 10% limit. */
	assert_true(im.over);
	assert_contains(im.why, "AS64501 would lose 1 of its 2 accepted routes");
	lim.member_pct = 50;
	impact_finish(&im, &lim);
	assert_false(im.over);
	lim.total = 1;
	impact_finish(&im, &lim);
	assert_true(im.over);
	assert_contains(im.why, "2 routes would be newly filtered or dropped (more than 1)");
	impact_free(&im);
	world_free(&w);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_changes_and_limits),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
