/*
 * The forbidden-traffic rule set (compiler/traffic) and its three outputs
 * (emit_nft, emit_policy): validation of rule-set files, and that the text
 * and the filter carry the same rules, with hostile names made harmless.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "buf.h"
#include "emit_nft.h"
#include "emit_policy.h"
#include "traffic.h"
#include "yaml_load.h"
#include "testutil.h"

static const char yaml[] =
	"version: 1\n"
	"ixp:\n"
	"  name: \"Evil <script>alert(1)</script> | IX *\"\n"
	"  rs_asn: 64500\n"
	"  peering_lans: [192.0.2.0/24, \"2001:db8:100::/64\"]\n"
	"  route_servers: [{name: rs1, router_id: 192.0.2.1, ipv4: 192.0.2.1, ipv6: \"2001:db8:100::1\"}]\n"
	"forbidden_traffic: {allowed_ethertypes: [ipv4, arp, ipv6, 0x88b5], arp_nd_rate_pps: 7}\n"
	"policy:\n"
	"  bogon_asns: [0]\n"
	"  irr: {enforce_origin: false, enforce_prefix: false}\n"
	"members:\n"
	"  - asn: 64501\n"
	"    name: \"Nam\\u00e9 with } brace\"\n"
	"    connections:\n"
	"      - {port: ixp-a, macs: [\"02:00:00:00:00:01\"], ipv4: 192.0.2.11, ipv6: \"2001:db8:100::11\"}\n"
	"      - {port: \"sw1:ae1\", interface: ixp-b, lacp: true, ipv4: 192.0.2.12}\n"
	"      - {port: \"sw9:xe-0/0/9\", ipv4: 192.0.2.13}\n";

static void
load_yaml(struct config *c, struct capture *cap, const char *text)
{
	if (yaml_load_config_mem(text, strlen(text), "t.yaml", ".", c, &cap->d) != 0)
		fail_msg("YAML: %s", capture_text(cap));
}

static void
test_default_ruleset(void **state)
{
	struct capture cap;
	struct ruleset rs;

	(void)state;
	capture_begin(&cap);
	assert_int_equal(ruleset_load_default(&rs, &cap.d), 0);
	assert_true(rs.n >= 13);
	/* Every match kind of the vocabulary is used by the default set. */
	for (int k = 0; k < TM_NUM; k++) {
		size_t i;
		for (i = 0; i < rs.n && rs.v[i].match != (enum tr_match)k; i++)
			;
		if (i == rs.n)
			fail_msg("match kind %s unused by the default rule set", tr_match_name(k));
	}
	assert_string_equal(rs.v[0].id, "src-mac");
	assert_string_equal(rs.v[0].cid, "src_mac");
	ruleset_free(&rs);
	capture_end(&cap);
}

static void
test_ruleset_errors(void **state)
{
	static const struct {
		const char *json, *msg;
	} cases[] = {
		{ "{", "invalid JSON" },
		{ "{\"schema\":2,\"rules\":[]}", "not a forbidden-traffic rule set" },
		{ "{\"schema\":1,\"title\":\"t\",\"intro\":\"i\",\"violation\":\"v\",\"rules\":"
		  "[{\"id\":\"A b\",\"match\":\"dhcp\",\"action\":\"drop\"}]}", "invalid or missing \"id\"" },
		{ "{\"schema\":1,\"title\":\"t\",\"intro\":\"i\",\"violation\":\"v\",\"rules\":"
		  "[{\"id\":\"x\",\"match\":\"teleport\",\"action\":\"drop\"}]}", "unknown \"match\"" },
		{ "{\"schema\":1,\"title\":\"t\",\"intro\":\"i\",\"violation\":\"v\",\"rules\":"
		  "[{\"id\":\"x\",\"match\":\"dhcp\",\"action\":\"rate-limit\"}]}", "action must be \"drop\"" },
		{ "{\"schema\":1,\"title\":\"t\",\"intro\":\"i\",\"violation\":\"v\",\"rules\":"
		  "[{\"id\":\"x\",\"match\":\"dhcp\",\"action\":\"drop\",\"title\":\"a\",\"what\":\"{nope}\","
		  "\"reason\":\"r\"}]}", "unknown placeholder" },
		{ "{\"schema\":1,\"title\":\"t\",\"intro\":\"i\",\"violation\":\"v\",\"rules\":"
		  "[{\"id\":\"x\",\"match\":\"dhcp\",\"action\":\"drop\",\"title\":\"a\",\"what\":\"w\","
		  "\"reason\":\"r\"},{\"id\":\"x\",\"match\":\"igp\",\"action\":\"drop\",\"title\":\"a\","
		  "\"what\":\"w\",\"reason\":\"r\"}]}", "is used twice" },
		{ "{\"schema\":1,\"title\":\"t\",\"intro\":\"i\",\"violation\":\"v\",\"rules\":"
		  "[{\"id\":\"x\",\"match\":\"dhcp\",\"action\":\"drop\",\"title\":\"\",\"what\":\"w\","
		  "\"reason\":\"r\"}]}", "must be a non-empty string" },
		{ "{\"schema\":1,\"schema\":1}", "invalid JSON" },	/* duplicate key */
	};
	struct capture cap;
	struct ruleset rs;

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(*cases); i++) {
		capture_begin(&cap);
		if (ruleset_load(&rs, cases[i].json, strlen(cases[i].json), "r.json", &cap.d) != -1)
			fail_msg("case %zu accepted", i);
		assert_contains(capture_text(&cap), "r.json");
		assert_contains(capture_text(&cap), cases[i].msg);
		capture_end(&cap);
	}
}

static void
test_outputs(void **state)
{
	struct capture cap;
	struct config c;
	struct ruleset rs;
	struct traffic_model tm;
	struct emit_opts o = { "test", NULL };
	struct buf nft = BUF_INIT, md = BUF_INIT, html = BUF_INIT;

	(void)state;
	capture_begin(&cap);
	load_yaml(&c, &cap, yaml);
	assert_int_equal(ruleset_load_default(&rs, &cap.d), 0);
	traffic_model_build(&tm, &c, &rs);
	emit_nft(&nft, &tm, &o);
	emit_policy_md(&md, &tm, &o);
	emit_policy_html(&html, &tm, &o);
	traffic_model_free(&tm);

	/* The filter: only ports with an interface; per-port settings. */
	assert_contains(nft.p, "\"ixp-a\" : jump p1,");
	assert_contains(nft.p, "\"ixp-b\" : jump p2\n");
	assert_not_contains(nft.p, "sw9");
	assert_contains(nft.p, "ether type != { 0x0800, 0x0806, 0x86dd, 0x88b5 } counter name \"p1_ethertype\" drop");
	assert_contains(nft.p, "ether type != { 0x0800, 0x0806, 0x86dd, 0x88b5, 0x8809 } counter name \"p2_ethertype\" drop");
	assert_contains(nft.p, "chain p2_multicast {\n\t\tether daddr ff:ff:ff:ff:ff:ff return\n\t\tether type 0x8809 return");
	assert_contains(nft.p, "# no MAC registered for this port: not enforced");
	assert_contains(nft.p, "limit p1_arp_nd { rate over 7/second burst 7 packets }");
	assert_contains(nft.p, "@th,64,128 != 0x20010db8010000000000000000000011");
	assert_contains(nft.p, "ip daddr { 224.0.0.0/4, 255.255.255.255, 192.0.2.255 }");
	/* A member name cannot end the comment it appears in. */
	assert_contains(nft.p, "# p1: AS64501 Nam__ with } brace, port ixp-a");
	/* Same rules in all three, in the same order. */
	for (size_t i = 0; i < rs.n; i++) {
		char want[64];
		snprintf(want, sizeof(want), "counter p1_%s { }", rs.v[i].cid);
		assert_contains(nft.p, want);
		snprintf(want, sizeof(want), "(`%s`)", rs.v[i].id);
		assert_contains(md.p, want);
		snprintf(want, sizeof(want), "id=\"%s\"", rs.v[i].id);
		assert_contains(html.p, want);
	}
	/* Placeholders filled in. */
	assert_contains(md.p, "other than IPv4 (0x0800), ARP (0x0806), IPv6 (0x86dd) and 0x88b5");
	assert_contains(md.p, "beyond 7 packets per second per port");
	assert_contains(md.p, "LACP (0x8809) on link aggregation ports");
	/* The IXP name is inert in both text formats. */
	assert_contains(html.p, "Evil &lt;script&gt;alert(1)&lt;/script&gt; | IX *");
	assert_not_contains(html.p, "<script>");
	assert_contains(md.p, "Evil &lt;script&gt;alert(1)&lt;/script&gt; \\| IX \\*");
	assert_not_contains(md.p, "<script>");

	buf_free(&nft);
	buf_free(&md);
	buf_free(&html);
	ruleset_free(&rs);
	config_free(&c);
	capture_end(&cap);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_default_ruleset),
		cmocka_unit_test(test_ruleset_errors),
		cmocka_unit_test(test_outputs),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
