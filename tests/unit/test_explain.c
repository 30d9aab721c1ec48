/*
 * compiler/model/explain: the verdict of `ixp-rsc explain` for one route,
 * on a small IXP built in memory: which check rejects it first, the RPKI
 * tag it would carry, and what it says when the question has no answer.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "buf.h"
#include "explain.h"
#include "reasons.h"
#include "testutil.h"
#include "world.h"

static const char irr[] =
	"as-set: AS-ONE\nmembers: AS64501, AS64510\nsource: TEST\n\n"
	"route: 198.51.100.0/24\norigin: AS64501\nsource: TEST\n\n"
	"route: 203.0.113.0/24\norigin: AS64502\nsource: TEST\n";

/* 198.51.100.0/24 is AS64501's; 203.0.113.0/24 belongs to AS64599. */
static const char vrps[] = "{\"roas\":["
	"{\"asn\":64501,\"prefix\":\"198.51.100.0/24\",\"maxLength\":24},"
	"{\"asn\":64599,\"prefix\":\"203.0.113.0/24\",\"maxLength\":24}]}";

static const char head[] =
	"version: 1\n"
	"ixp:\n"
	"  name: Explain-IX\n"
	"  rs_asn: 64500\n"
	"  peering_lans: [192.0.2.0/24]\n"
	"  route_servers: [{name: rs1, router_id: 192.0.2.1, ipv4: 192.0.2.1}]\n"
	"sources:\n"
	"  irr: {dumps: [x.db]}\n"
	"  rpki: {vrps: v.json}\n"
	"policy:\n"
	"  bogon_asns: [0]\n"
	"  bogon_prefixes: [10.0.0.0/8]\n"
	"members:\n";

static const char members[] =
	"  - asn: 64501\n"
	"    name: One\n"
	"    as_set: AS-ONE\n"
	"    policy: {blacklist: [198.51.100.64/26]}\n"
	"    connections: [{port: p1, ipv4: 192.0.2.11}]\n"
	"  - asn: 64502\n"
	"    name: Two\n"
	"    policy: {irr: {enforce_prefix: false}, next_hop_addresses: [192.0.2.98]}\n"
	"    connections: [{port: p2, ipv4: 192.0.2.12}]\n";

struct answer {
	int			 rc;
	struct explain_result	 res;
	char			*text;
	size_t			 len;
};

/* Ask about `prefix` from `member` with the AS path `path` (origin last). */
static void
ask(const struct model *mo, uint32_t member, const char *prefix, const uint32_t *path,
    size_t n, const char *next_hop, struct answer *a)
{
	struct route_query q;
	FILE *f;

	memset(&q, 0, sizeof(q));
	q.member = member;
	assert_int_equal(prefix_parse(prefix, strlen(prefix), &q.prefix), ADDR_OK);
	memcpy(q.path, path, n * sizeof(*path));
	q.path_len = n;
	if (next_hop != NULL)
		assert_int_equal(ip_parse(next_hop, strlen(next_hop), &q.next_hop), ADDR_OK);
	free(a->text);
	a->text = NULL;
	f = open_memstream(&a->text, &a->len);
	memset(&a->res, 0, sizeof(a->res));
	a->rc = explain_route(f, mo, &q, &a->res);
	fclose(f);
}

static void
test_verdicts(void **state)
{
	static const uint32_t own[] = { 64501 }, via[] = { 64501, 64599 };
	static const uint32_t not_first[] = { 64510, 64501 }, two[] = { 64502 };
	struct world w;
	struct answer a = { 0 };

	(void)state;
	world_build_from(&w, head, members, irr, vrps, NULL);
	/* Registered, RPKI valid: accepted and tagged valid. */
	ask(&w.mo, 64501, "198.51.100.0/24", own, 1, NULL, &a);
	assert_int_equal(a.rc, 0);
	if (!a.res.accepted)
		fail_msg("%s", a.text);
	assert_int_equal(a.res.code, 0);
	assert_int_equal(a.res.rpki_tag, RPKI_TAG_VALID);
	assert_contains(a.text, "Verdict: ACCEPTED");
	/* An origin outside the member's AS-SET. */
	ask(&w.mo, 64501, "198.51.100.0/24", via, 2, NULL, &a);
	assert_false(a.res.accepted);
	assert_int_equal(a.res.code, REJ_IRR_ORIGIN);
	assert_contains(a.text, "Verdict: REJECTED, reason 9");
	assert_contains(a.text, "What to do:");
	/* The member's own ASN must come first. */
	ask(&w.mo, 64501, "198.51.100.0/24", not_first, 2, NULL, &a);
	assert_int_equal(a.res.code, REJ_FIRST_AS);
	/* A next hop that is not the member's. */
	ask(&w.mo, 64501, "198.51.100.0/24", own, 1, "192.0.2.99", &a);
	assert_int_equal(a.res.code, REJ_NEXT_HOP);
	/* Another router of AS64502's, listed in its policy; one not listed. */
	ask(&w.mo, 64502, "198.18.0.0/24", two, 1, "192.0.2.98", &a);
	if (!a.res.accepted)
		fail_msg("%s", a.text);
	assert_contains(a.text, "next hop 192.0.2.98, the session's LAN address 192.0.2.12 "
	    "(policy.next_hop_addresses)");
	assert_contains(a.text, "Session: neighbour 192.0.2.12, passive\n");
	ask(&w.mo, 64502, "198.18.0.0/24", two, 1, "192.0.2.97", &a);
	assert_int_equal(a.res.code, REJ_NEXT_HOP);
	/* Bogon space, as this IXP lists it. */
	ask(&w.mo, 64501, "10.1.0.0/16", own, 1, NULL, &a);
	assert_int_equal(a.res.code, REJ_BOGON_PREFIX);
	/* The member's own blacklist, or-longer. */
	ask(&w.mo, 64501, "198.51.100.64/27", own, 1, NULL, &a);
	assert_int_equal(a.res.code, REJ_MEMBER_BLACKLIST);
	/* Unregistered for its origin: the IRR prefix check. */
	ask(&w.mo, 64501, "203.0.113.0/24", own, 1, NULL, &a);
	assert_int_equal(a.res.code, REJ_IRR_PREFIX);
	/* Longer than the IXP's IPv4 maximum (24), from the member that skips
	 * the IRR prefix check. */
	ask(&w.mo, 64502, "203.0.113.0/25", two, 1, NULL, &a);
	assert_int_equal(a.res.code, REJ_PREFIX_LEN);
	/* AS64502 skips the IRR prefix check; its ROA says AS64599: invalid. */
	ask(&w.mo, 64502, "203.0.113.0/24", two, 1, NULL, &a);
	assert_int_equal(a.res.code, REJ_RPKI_INVALID);
	assert_int_equal(a.res.rpki_tag, RPKI_TAG_INVALID);
	free(a.text);
	world_free(&w);
}

static void
test_no_answer(void **state)
{
	static const uint32_t path[] = { 64599 }, own[] = { 64501 };
	struct world w;
	struct answer a = { 0 };

	(void)state;
	world_build_from(&w, head, members, irr, vrps, NULL);
	ask(&w.mo, 64599, "198.51.100.0/25", path, 1, NULL, &a);
	assert_int_equal(a.rc, -1);
	assert_contains(a.text, "AS64599 is not a member in the YAML");
	/* An IPv4-only member has no session for an IPv6 route. */
	ask(&w.mo, 64501, "2001:db8::/32", own, 1, NULL, &a);
	assert_int_equal(a.rc, -1);
	assert_contains(a.text, "AS64501 has no");
	free(a.text);
	world_free(&w);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_verdicts),
		cmocka_unit_test(test_no_answer),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
