/*
 * The policy model (compiler/model): what model_build decides, which the
 * emitters only print. Each case builds a small IXP in memory and checks
 * the resolved fields.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "buf.h"
#include "testutil.h"
#include "world.h"

static const char irr[] =
	"as-set: AS-ONE\nmembers: AS64501, AS64510\nsource: TEST\n\n"
	"route: 198.51.100.0/25\norigin: AS64501\nsource: TEST\n\n"
	"route: 198.51.100.0/26\norigin: AS64501\nsource: TEST\n\n"	/* inside the /25 */
	"route: 198.51.100.128/25\norigin: AS64510\nsource: TEST\n\n"
	"route6: 2001:db8:1000::/36\norigin: AS64501\nsource: TEST\n\n"
	"route: 203.0.113.0/24\norigin: AS64502\nsource: TEST\n";

static const char vrps[] = "{\"roas\":["
	"{\"asn\":64501,\"prefix\":\"198.51.100.0/24\",\"maxLength\":25},"
	"{\"asn\":64599,\"prefix\":\"203.0.113.0/24\",\"maxLength\":24}],"
	"\"aspas\":[{\"customer_asid\":64501,\"providers\":[64510]}]}";

/* ASPA (asked by AS64502) needs BIRD 2.16. */
#define B216 "  bird: {version: \"2.16\"}\n"

#define HEAD(bird, rpki, policy)						\
	"version: 1\n"								\
	"ixp:\n"								\
	"  name: Model-IX\n"							\
	"  rs_asn: 64500\n"							\
	"  peering_lans: [192.0.2.0/24, \"2001:db8:100::/64\"]\n"		\
	"  route_servers: [{name: rs1, router_id: 192.0.2.1, ipv4: 192.0.2.1,\n" \
	"    ipv6: \"2001:db8:100::1\"}]\n"					\
	bird									\
	"sources:\n"								\
	"  irr: {dumps: [x.db]}\n"						\
	rpki									\
	"policy:\n"								\
	"  bogon_asns: [0]\n"							\
	policy									\
	"members:\n"

#define ONE								\
	"  - asn: 64501\n"						\
	"    name: One\n"							\
	"    as_set: AS-ONE\n"						\
	"    policy: {blacklist: [198.51.100.64/26, \"2001:db8:1000:1::/64\"]}\n"	\
	"    connections: [{port: p1, ipv4: 192.0.2.11, ipv6: \"2001:db8:100::11\"}]\n"
#define TWO(policy)							\
	"  - asn: 64502\n"						\
	"    name: Two\n"							\
	"    policy: " policy "\n"						\
	"    connections: [{port: p2, ipv4: 192.0.2.12}]\n"

static const char members[] = ONE TWO("{irr: {enforce_prefix: false}}");
/* AS64502 alone asks for ASPA. */
static const char members_aspa[] = ONE TWO("{irr: {enforce_prefix: false}, aspa: {reject_invalid: true}}");

static const struct msession *
session(const struct model *mo, uint32_t asn, int fam)
{
	for (size_t i = 0; i < mo->n_sessions; i++)
		if (mo->sessions[i].mm->m->asn == asn && mo->sessions[i].fam == fam)
			return &mo->sessions[i];
	fail_msg("no session of AS%u", asn);
	return NULL;
}

static bool
has_check(const struct model *mo, const struct msession *s, enum check_kind k,
    bool *bh_only)
{
	struct check v[CHK_NUM];
	size_t n = model_checks(mo, s, v);

	for (size_t i = 0; i < n; i++)
		if (v[i].kind == k) {
			if (bh_only)
				*bh_only = v[i].blackholes_only;
			return true;
		}
	return false;
}

static void
test_rpki_mode_and_aspa(void **state)
{
	struct world w;

	(void)state;
	/* Static VRPs; ASPA asked by one member only: the table still exists,
	 * filled from the VRP file. */
	world_build_from(&w, HEAD(B216, "  rpki: {vrps: v.json}\n", ""),
	    members_aspa, irr, vrps, NULL);
	assert_int_equal(w.mo.rpki, RPKI_STATIC);
	assert_int_equal(w.mo.aspa, ASPA_FROM_VRPS);
	assert_true(has_check(&w.mo, session(&w.mo, 64502, FAM4), CHK_ASPA, NULL));
	assert_false(has_check(&w.mo, session(&w.mo, 64501, FAM4), CHK_ASPA, NULL));
	world_free(&w);
	/* Over RTR, from the cache that serves them. */
	world_build_from(&w, HEAD(B216,
	    "  rpki: {rtr: [{host: rtr.example.net, port: 8282, aspa: true}]}\n", ""), members_aspa,
	    irr, NULL, NULL);
	assert_int_equal(w.mo.rpki, RPKI_RTR);
	assert_int_equal(w.mo.aspa, ASPA_FROM_RTR);
	assert_int_equal(w.mo.n_rtr, 1);
	assert_true(w.mo.rtr[0].aspa);
	assert_int_equal(w.mo.rtr[0].ip.af, 0);		/* a name, not an address */
	assert_string_equal(w.mo.rtr[0].host, "rtr.example.net");
	world_free(&w);
	/* ROAs over RTR and a VRP file: the ASPA records come from the file. */
	world_build_from(&w, HEAD(B216,
	    "  rpki: {rtr: [{host: 192.0.2.99, port: 8282}], vrps: v.json}\n", ""), members_aspa,
	    irr, vrps, NULL);
	assert_int_equal(w.mo.rpki, RPKI_RTR);
	assert_int_equal(w.mo.aspa, ASPA_FROM_VRPS);
	assert_false(w.mo.rtr[0].aspa);
	world_free(&w);
	/* A VRP file without ASPA records: a warning. */
	world_build_from(&w, HEAD(B216, "  rpki: {vrps: v.json}\n", ""), members_aspa, irr,
	    "{\"roas\":[]}", NULL);
	assert_int_equal(w.mo.aspa, ASPA_FROM_VRPS);
	assert_contains(capture_text(&w.cap), "the VRP file has no ASPA records");
	world_free(&w);
	/* No RPKI at all: no RPKI check, and nobody asks for ASPA: no table. */
	world_build_from(&w, HEAD(B216, "", ""), members, irr, NULL, NULL);
	assert_int_equal(w.mo.rpki, RPKI_NONE);
	assert_int_equal(w.mo.aspa, ASPA_NONE);
	assert_false(has_check(&w.mo, session(&w.mo, 64501, FAM4), CHK_RPKI, NULL));
	world_free(&w);
}

/* ASPA with no source of ASPA records would check nothing: refused. */
static void
refused(const char *yaml)
{
	struct config c;
	struct capture cap;
	struct buf y = BUF_INIT;

	buf_printf(&y, "%s%s", yaml, members_aspa);
	capture_begin(&cap);
	assert_int_not_equal(yaml_load_config_mem(y.p, y.len, "t.yaml", ".", &c, &cap.d), 0);
	assert_contains(capture_text(&cap), "no source of ASPA records is configured");
	assert_contains(capture_text(&cap), "set aspa: true on an RTR cache");
	capture_end(&cap);
	buf_free(&y);
}

static void
test_aspa_without_records(void **state)
{
	(void)state;
	refused(HEAD(B216, "", ""));
	refused(HEAD(B216, "  rpki: {rtr: [{host: 192.0.2.99, port: 8282}]}\n", ""));
}

static void
test_irr_tables_and_checks(void **state)
{
	struct world w;
	bool bh_only = true;

	(void)state;
	world_build_from(&w, HEAD(B216, "", ""), members, irr, NULL, NULL);
	/* Check 12 exact for AS64501; blackholes need the or-longer table,
	 * also for AS64502 whose normal routes are not checked. */
	assert_true(w.mo.irr_tables[0]);
	assert_true(w.mo.irr_tables[1]);
	assert_true(has_check(&w.mo, session(&w.mo, 64501, FAM4), CHK_IRR_PREFIX, &bh_only));
	assert_false(bh_only);
	assert_true(has_check(&w.mo, session(&w.mo, 64502, FAM4), CHK_IRR_PREFIX, &bh_only));
	assert_true(bh_only);
	/* 198.51.100.0/26 is inside a route object of the same origin: it adds
	 * nothing to the or-longer table. */
	assert_non_null(w.mo.ol_redundant);
	for (size_t i = 0; i < w.irr.n_routes; i++) {
		const struct irr_route *r = &w.irr.routes[i];
		bool inner = r->origin == 64501 && r->af == AF4 && r->len == 26;
		assert_int_equal(w.mo.ol_redundant[i] != 0, inner);
	}
	world_free(&w);
	/* No blackholes and no more-specifics: no or-longer table. */
	world_build_from(&w, HEAD(B216, "", "  blackhole: {enabled: false}\n"),
	    "  - {asn: 64501, name: One, as_set: AS-ONE, connections: [{port: p1, ipv4: 192.0.2.11}]}\n",
	    irr, NULL, NULL);
	assert_true(w.mo.irr_tables[0]);
	assert_false(w.mo.irr_tables[1]);
	assert_null(w.mo.ol_redundant);
	world_free(&w);
}

static void
test_member_blacklist_by_family(void **state)
{
	struct world w;
	const struct mmember *mm;

	(void)state;
	world_build_from(&w, HEAD(B216, "", ""), members, irr, NULL, NULL);
	mm = model_member(&w.mo, 64501);
	assert_non_null(mm);
	assert_int_equal(mm->blacklist[FAM4].n, 1);
	assert_int_equal(mm->blacklist[FAM6].n, 1);
	assert_true(has_check(&w.mo, session(&w.mo, 64501, FAM4), CHK_MEMBER_BLACKLIST, NULL));
	assert_false(has_check(&w.mo, session(&w.mo, 64502, FAM4), CHK_MEMBER_BLACKLIST, NULL));
	/* Sessions are AS<asn>_<n>, one per connection and family. */
	assert_string_equal(session(&w.mo, 64501, FAM6)->name, "AS64501_2");
	world_free(&w);
}

static void
test_shrink_against_previous(void **state)
{
	struct prev_member pm[] = { { 64501, { 40, 1 } }, { 64502, { 3, 0 } } };
	struct previous prev = { pm, 2, -1, 0 };
	struct world w;

	(void)state;
	world_build_from(&w, HEAD(B216, "", ""), members, irr, NULL, &prev);
	/* AS64501 had 40 IPv4 prefixes, has 3: flagged; 1 IPv6 is below the
	 * minimum; AS64502 had 3 (below the minimum). */
	assert_true(model_member(&w.mo, 64501)->shrunk[FAM4]);
	assert_false(model_member(&w.mo, 64501)->shrunk[FAM6]);
	assert_false(model_member(&w.mo, 64502)->shrunk[FAM4]);
	assert_int_equal(w.mo.n_shrunk, 1);
	assert_contains(capture_text(&w.cap), "ipv4 prefixes from the IRR fell from 40 to 3");
	world_free(&w);
}

static void
test_lg_socket(void **state)
{
	static const char one[] =
	    "  - {asn: 64501, name: One, as_set: AS-ONE, connections: [{port: p1, ipv4: 192.0.2.11}]}\n";
	struct world w;

	(void)state;
	world_build_from(&w, HEAD("  bird: {version: \"2.16\", lg_socket: /run/bird/lg.ctl}\n", "",
	    ""), one, irr, NULL, NULL);
	assert_int_equal(w.mo.lg_socket, LG_SOCKET_RESTRICTED);
	world_free(&w);
	/* BIRD 2.0 has no restricted cli: the config says so instead. */
	world_build_from(&w, HEAD("  bird: {lg_socket: /run/bird/lg.ctl}\n", "", ""), one, irr,
	    NULL, NULL);
	assert_int_equal(w.mo.lg_socket, LG_SOCKET_TOO_OLD);
	world_free(&w);
	world_build_from(&w, HEAD(B216, "", ""), one, irr, NULL, NULL);
	assert_int_equal(w.mo.lg_socket, LG_SOCKET_NONE);
	world_free(&w);
}

/* Readiness advice: PeeringDB's record against what the route servers use. */
static void
test_peeringdb_consistency(void **state)
{
	static const char three[] =
		"  - asn: 64503\n"
		"    name: Three\n"
		"    as_set: RIPE::AS-THREE\n"
		"    max_prefix: {ipv4: 10}\n"
		"    connections: [{port: p3, ipv4: 192.0.2.13}]\n";
	static const char pdb[] = "{\"data\": ["
		"{\"asn\": 64501, \"irr_as_set\": \"AS-OTHER\\u001b[2J\", \"info_prefixes4\": 5, "
		"\"info_prefixes6\": 0, \"info_never_via_route_servers\": true},"
		"{\"asn\": 64503, \"irr_as_set\": \"AS-THREE@RIPE\", \"info_prefixes4\": 40, "
		"\"info_prefixes6\": 0}]}";
	struct world w;
	const struct mmember *mm;
	struct buf all = BUF_INIT;

	(void)state;
	world_build_pdb(&w, HEAD(B216, "", ""), ONE TWO("{}") "" , irr, NULL, NULL, NULL);
	/* No PeeringDB source: no PeeringDB advice. */
	for (size_t i = 0; i < w.mo.n_members; i++)
		for (size_t k = 0; k < w.mo.members[i].n_advice; k++)
			assert_null(strstr(w.mo.members[i].advice[k], "PeeringDB"));
	world_free(&w);
	{
		struct buf m = BUF_INIT;
		buf_printf(&m, "%s%s%s", ONE, TWO("{}"), three);
		world_build_pdb(&w, HEAD(B216, "", ""), m.p, irr, NULL, NULL, pdb);
		buf_free(&m);
	}
	mm = model_member(&w.mo, 64501);
	for (size_t k = 0; k < mm->n_advice; k++)
		buf_printf(&all, "%s\n", mm->advice[k]);
	/* Another AS-SET, quoted (PeeringDB's free text holds an escape), the
	 * never-via-route-servers flag, and a family PeeringDB has no count of. */
	assert_contains(buf_str(&all), "PeeringDB's irr_as_set \"AS-OTHER\\x1b[2J\" is not the "
	    "AS-SET the route servers filter with (AS-ONE)");
	assert_contains(buf_str(&all), "info_never_via_route_servers");
	assert_contains(buf_str(&all), "PeeringDB has no info_prefixes6");
	assert_null(strstr(buf_str(&all), "info_prefixes4"));
	assert_null(strchr(buf_str(&all), '\033'));
	buf_reset(&all);
	/* No record at all. */
	mm = model_member(&w.mo, 64502);
	assert_int_equal(mm->n_advice, 1);
	assert_contains(mm->advice[0], "PeeringDB has no record of AS64502");
	/* The same AS-SET in PeeringDB's spelling; a limit below PeeringDB's count. */
	mm = model_member(&w.mo, 64503);
	for (size_t k = 0; k < mm->n_advice; k++)
		buf_printf(&all, "%s\n", mm->advice[k]);
	assert_contains(buf_str(&all), "PeeringDB's info_prefixes4 (40) is above the route "
	    "servers' limit for you (10 ipv4 prefixes)");
	assert_null(strstr(buf_str(&all), "irr_as_set"));
	/* The AS-SET is not in the IRR data: a warning that is advice too. */
	assert_contains(buf_str(&all), "AS-SET RIPE::AS-THREE not found in the IRR data; "
	    "register the AS-SET in the IRR");
	assert_int_equal(mm->n_advice, 2);
	buf_free(&all);
	world_free(&w);
}

/* A member's own settings, as the policy page lists them. */
static void
test_overrides(void **state)
{
	struct world w;
	struct policy_override ov[MAX_OVERRIDES];
	const struct mmember *mm;
	size_t n;

	(void)state;
	world_build_from(&w, HEAD(B216, "", ""), ONE TWO("{blackhole: {receive: false}}"), irr,
	    NULL, NULL);
	mm = model_member(&w.mo, 64502);
	assert_false(mm->m->policy.blackhole_receive);
	assert_true(model_member(&w.mo, 64501)->m->policy.blackhole_receive);
	n = model_policy_overrides(&w.c.policy, &mm->m->policy, ov);
	assert_int_equal(n, 1);
	assert_string_equal(ov[0].key, "blackhole.receive");
	assert_string_equal(ov[0].value, "false");
	assert_int_equal(model_policy_overrides(&w.c.policy, &model_member(&w.mo, 64501)->m->policy,
	    ov), 0);
	world_free(&w);
}

/*
 * Sessions and next hops: a multihop session's peer is its off-LAN
 * speaker while its next hop stays the LAN address; the extra next hops
 * are per family, beside the member's own with same_as; the LAN tables
 * exist only for a family with a multihop session.
 */
static void
test_sessions_and_next_hops(void **state)
{
	struct world w;
	const struct msession *s;
	const struct mmember *mm;
	struct policy_override ov[MAX_OVERRIDES];
	size_t n;
	char a[ADDR_STRLEN];

	(void)state;
	world_build_from(&w, HEAD("  bird: {path_hiding: false}\n", "",
	    "  session: {passive: false, roles: {enabled: true}}\n"),
	    "  - asn: 64501\n    name: One\n    as_set: AS-ONE\n"
	    "    policy: {next_hop: same_as, next_hop_addresses: [192.0.2.99, 192.0.2.21,"
	    " \"2001:db8:100::99\"], session: {add_path: true}}\n"
	    "    connections: [{port: p1, ipv4: 192.0.2.11, ipv6: \"2001:db8:100::11\"},"
	    " {port: p3, ipv4: 192.0.2.21}]\n"
	    "  - asn: 64502\n    name: Two\n"
	    "    policy: {irr: {enforce_prefix: false}, next_hop_addresses: [192.0.2.98],"
	    " session: {multihop: 3, gtsm: true, roles: {strict: true}}}\n"
	    "    connections: [{port: p2, ipv4: 192.0.2.12, session_ipv4: 203.0.113.250}]\n",
	    irr, NULL, NULL);
	assert_false(w.mo.path_hiding);
	assert_true(w.mo.lan_table[FAM4]);
	assert_false(w.mo.lan_table[FAM6]);
	/* AS64501, same_as: its two LAN addresses and 192.0.2.99 (192.0.2.21,
	 * listed too, once); the IPv6 one apart. */
	mm = model_member(&w.mo, 64501);
	assert_int_equal(mm->n_next_hops[FAM4], 3);
	assert_string_equal(ip_format(&mm->next_hops[FAM4][2], a), "192.0.2.99");
	assert_int_equal(mm->n_next_hops[FAM6], 2);
	s = session(&w.mo, 64501, FAM4);
	assert_true(ip_eq(&s->peer, &s->nh));
	assert_true(mm->m->policy.session.add_path && !mm->m->policy.session.passive);
	assert_true(mm->m->policy.session.roles && !mm->m->policy.session.roles_strict);
	/* AS64502, strict: only the listed one beside the session's own. */
	mm = model_member(&w.mo, 64502);
	assert_int_equal(mm->n_next_hops[FAM4], 1);
	assert_string_equal(ip_format(&mm->next_hops[FAM4][0], a), "192.0.2.98");
	s = session(&w.mo, 64502, FAM4);
	assert_string_equal(ip_format(&s->peer, a), "203.0.113.250");
	assert_string_equal(ip_format(&s->nh, a), "192.0.2.12");
	assert_int_equal(mm->m->policy.session.multihop, 3);
	/* Its own settings, for the policy page. */
	n = model_policy_overrides(&w.c.policy, &mm->m->policy, ov);
	assert_int_equal(n, 4);
	assert_string_equal(ov[0].key, "irr.enforce_prefix");
	assert_string_equal(ov[1].key, "session.multihop");
	assert_string_equal(ov[1].value, "3");
	assert_string_equal(ov[2].key, "session.gtsm");
	assert_string_equal(ov[3].key, "session.roles.strict");
	world_free(&w);
}

/* members[].whitelist, split by family: which checks consult it. */
static void
test_whitelist(void **state)
{
	struct world w;
	const struct mmember *mm;
	char a[PFXRANGE_STRLEN];

	(void)state;
	world_build_from(&w, HEAD(B216, "", ""),
	    "  - asn: 64501\n    name: One\n    as_set: AS-ONE\n"
	    "    whitelist: {prefixes: [203.0.113.0/24, {prefix: \"2001:db8:2000::/36\", le: 48}],"
	    " routes: [{prefix: 192.0.2.128/25, origin: 64520, ge: 26}]}\n"
	    "    connections: [{port: p1, ipv4: 192.0.2.11, ipv6: \"2001:db8:100::11\"}]\n"
	    "  - asn: 64502\n    name: Two\n    whitelist: {asns: [64530]}\n"
	    "    connections: [{port: p2, ipv4: 192.0.2.12}]\n", irr, NULL, NULL);
	mm = model_member(&w.mo, 64501);
	assert_int_equal(mm->wl_prefixes[FAM4].n, 1);
	assert_string_equal(pfxrange_format(&mm->wl_prefixes[FAM4].v[0], a), "203.0.113.0/24");
	assert_string_equal(pfxrange_format(&mm->wl_prefixes[FAM6].v[0], a),
	    "2001:db8:2000::/36{36,48}");
	assert_int_equal(mm->n_wl_routes[FAM4], 1);
	assert_int_equal(mm->n_wl_routes[FAM6], 0);
	assert_string_equal(pfxrange_format(&mm->wl_routes[FAM4][0].r, a), "192.0.2.128/25{26,32}");
	assert_true(mm->wl_origin[FAM4] && mm->wl_prefix[FAM4]);
	assert_true(!mm->wl_origin[FAM6] && mm->wl_prefix[FAM6]);
	/* ASNs only: check 9 consults it, check 12 does not. */
	mm = model_member(&w.mo, 64502);
	assert_true(mm->wl_origin[FAM4] && !mm->wl_prefix[FAM4]);
	world_free(&w);
}

/* The route servers' own informational tags, as reasons.json and the
 * policy page list them: none by default; irr.tag and a warn action of
 * one member add theirs. */
static void
test_rs_tags(void **state)
{
	struct world w;
	struct control_comm t[MAX_RS_TAGS];

	(void)state;
	world_build_from(&w, HEAD(B216, "", ""), members, irr, NULL, NULL);
	assert_int_equal(model_rs_tags(&w.mo, t), 0);
	world_free(&w);
	world_build_from(&w, HEAD(B216, "", ""), ONE TWO("{irr: {tag: true}, transit_free_action: warn}"),
	    irr, NULL, NULL);
	assert_true(w.mo.irr_tags && w.mo.warn_tags);
	assert_true(w.mo.irr_tables[0]);
	assert_int_equal(model_rs_tags(&w.mo, t), 5);
	assert_string_equal(t[1].value, "64500:1001:2");
	assert_string_equal(t[3].value, "64500:1002:2");
	assert_string_equal(t[4].value, "64500:65521:{code}");
	world_free(&w);
}

/* RFC 8950: an IPv6 session with extended_next_hop has an IPv4 channel of
 * its own in the model: the IPv4 checks, the IPv6 next hop. */
static void
test_extended_next_hop(void **state)
{
	struct world w;
	const struct msession *s4, *s6;
	struct check v[CHK_NUM];
	char a[ADDR_STRLEN];

	(void)state;
	world_build_from(&w, HEAD(B216, "", ""), ONE
	    "  - asn: 64502\n    name: Two\n    policy: {irr: {enforce_prefix: false}, "
	    "session: {extended_next_hop: true}}\n"
	    "    connections: [{port: p2, ipv6: \"2001:db8:100::12\"}]\n", irr, NULL, NULL);
	assert_true(w.mo.enh);
	s6 = model_session_of(&w.mo, "AS64502_1", FAM6);
	s4 = model_session_of(&w.mo, "AS64502_1", FAM4);
	assert_non_null(s6);
	assert_non_null(s4);
	assert_false(s6->over6);
	assert_true(s4->over6);
	assert_string_equal(s4->fname, "AS64502_1_4");
	assert_string_equal(ip_format(&s4->nh, a), "2001:db8:100::12");
	assert_true(model_member(&w.mo, 64502)->has_family[FAM4]);
	/* Its checks are the IPv4 ones (no 2000::/3 check). */
	for (size_t i = 0, n = model_checks(&w.mo, s4, v); i < n; i++)
		assert_int_not_equal(v[i].kind, CHK_V6_GLOBAL);
	/* AS64501's IPv4 session is not one. */
	assert_false(model_session_of(&w.mo, "AS64501_1", FAM4)->over6);
	world_free(&w);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rpki_mode_and_aspa),
		cmocka_unit_test(test_aspa_without_records),
		cmocka_unit_test(test_irr_tables_and_checks),
		cmocka_unit_test(test_member_blacklist_by_family),
		cmocka_unit_test(test_shrink_against_previous),
		cmocka_unit_test(test_lg_socket),
		cmocka_unit_test(test_peeringdb_consistency),
		cmocka_unit_test(test_overrides),
		cmocka_unit_test(test_sessions_and_next_hops),
		cmocka_unit_test(test_whitelist),
		cmocka_unit_test(test_rs_tags),
		cmocka_unit_test(test_extended_next_hop),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
