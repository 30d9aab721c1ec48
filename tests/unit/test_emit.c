/*
 * Emitters (compiler/emit_bird, emit_json) on models built from YAML and
 * RPSL in memory. Every BIRD config emitted here is also parsed by the
 * real `bird -p -c` (BIRD 2.0 configs; the test fails if bird is missing,
 * since `make check` installs it).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <jansson.h>
#include <unistd.h>

#include "buf.h"
#include "xalloc.h"
#include "emit_bird.h"
#include "emit_json.h"
#include "emit_rtr.h"
#include "model.h"
#include "yaml_load.h"
#include "testutil.h"
#include "world.h"

static const char irr_text[] =
	"as-set: AS-ONE\nmembers: AS64501, AS64510\nsource: TEST\n\n"
	"route: 198.51.100.0/25\norigin: AS64501\nsource: TEST\n\n"
	"route: 198.51.100.128/25\norigin: AS64510\nsource: TEST\n\n"
	"route: 198.51.100.128/26\norigin: AS64510\nsource: TEST\n\n"
	"route: 203.0.113.0/25\norigin: AS64599\nsource: TEST\n\n"
	"route6: 2001:db8:1000::/36\norigin: AS64501\nsource: TEST\n\n"
	"route: 203.0.113.0/24\norigin: AS64502\nsource: TEST\n";

static const char vrp_text[] = "{\"roas\":["
	"{\"asn\":64501,\"prefix\":\"198.51.100.0/25\",\"maxLength\":25},"
	"{\"asn\":64599,\"prefix\":\"203.0.113.0/24\",\"maxLength\":24}],"
	"\"aspas\":[{\"customer_asid\":64501,\"providers\":[64510]}]}";

/* Build a model from a YAML document (the members section is appended). */
static void
world_build(struct world *w, const char *head, const char *members, bool with_vrps)
{
	world_build_from(w, head, members, irr_text, with_vrps ? vrp_text : NULL, NULL);
}

/* ---- every symbol a config uses is declared in it ---------------------- */

/*
 * A BIRD-independent check, so that a version CI lacks cannot hide a config
 * that calls a table or function it never declares (the ASPA table once
 * was). Declared: `define X`, `function X`, `filter X`, `protocol T X`,
 * `template bgp X`, `T table X`, function parameters. Used: every word
 * with the prefixes ixp-rsc names things with (rs_, RS_, AS<n>_, rpki4/6,
 * master4/6). Also, every ASPA and IRR table is filled by some channel.
 */
struct symtab {
	char	**v;
	size_t	 n, cap;
};

static void
sym_add(struct symtab *t, const char *s, size_t n)
{
	t->v = xgrow(t->v, &t->cap, t->n + 1, sizeof(*t->v));
	t->v[t->n++] = strndup(s, n);
}

static bool
sym_has(const struct symtab *t, const char *s)
{
	for (size_t i = 0; i < t->n; i++)
		if (strcmp(t->v[i], s) == 0)
			return true;
	return false;
}

static void
sym_free(struct symtab *t)
{
	for (size_t i = 0; i < t->n; i++)
		free(t->v[i]);
	free(t->v);
}

static bool
is_word(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

static bool
named_by_us(const char *w)
{
	return !strncmp(w, "rs_", 3) || !strncmp(w, "RS_", 3) || !strcmp(w, "rpki4") ||
	    !strcmp(w, "rpki6") || !strcmp(w, "master4") || !strcmp(w, "master6") ||
	    (w[0] == 'A' && w[1] == 'S' && w[2] >= '0' && w[2] <= '9' && strchr(w, '_'));
}

static bool
symbols_ok(const char *conf)
{
	struct symtab words = { NULL, 0, 0 }, decl = { NULL, 0, 0 }, used = { NULL, 0, 0 };
	struct symtab filled = { NULL, 0, 0 }, tables = { NULL, 0, 0 };
	const char *p = conf;
	bool bad = false;

	/* The words of the config, without comments and strings. */
	while (*p) {
		if (*p == '#') {
			p += strcspn(p, "\n");
		} else if (*p == '"') {
			p++;
			while (*p && *p != '"')
				p += *p == '\\' && p[1] ? 2 : 1;
			if (*p)
				p++;
		} else if (is_word(*p)) {
			const char *w = p;
			while (is_word(*p))
				p++;
			sym_add(&words, w, (size_t)(p - w));
		} else {
			if (*p == '{' || *p == '}' || *p == ';' || *p == '(' || *p == ')')
				sym_add(&words, p, 1);
			p++;
		}
	}
	for (size_t i = 0; i < words.n; i++) {
		const char *w = words.v[i], *n1 = i + 1 < words.n ? words.v[i + 1] : "",
		    *n2 = i + 2 < words.n ? words.v[i + 2] : "";
		if (!strcmp(w, "define") || !strcmp(w, "function") || !strcmp(w, "filter"))
			sym_add(&decl, n1, strlen(n1));
		else if (!strcmp(w, "protocol") || (!strcmp(w, "template") && !strcmp(n1, "bgp")))
			sym_add(&decl, n2, strlen(n2));
		else if (!strcmp(n1, "table") && (!strcmp(w, "ipv4") || !strcmp(w, "ipv6") ||
		    !strcmp(w, "roa4") || !strcmp(w, "roa6") || !strcmp(w, "aspa"))) {
			if (i > 0 && !strcmp(words.v[i - 1], "{"))
				continue;
			sym_add(&decl, n2, strlen(n2));
			if (strcmp(w, "ipv4") && strcmp(w, "ipv6"))
				sym_add(&tables, n2, strlen(n2));
		} else if (!strcmp(w, "{") && !strcmp(n1, "table") && i > 0)
			sym_add(&filled, n2, strlen(n2));
		else if (!strcmp(w, "int") || !strcmp(w, "ip") || !strcmp(w, "set"))
			if (n1[0] == 'm' && n1[1] == '_')
				sym_add(&decl, n1, strlen(n1));
	}
	for (size_t i = 0; i < words.n; i++)
		if (named_by_us(words.v[i]) && !sym_has(&decl, words.v[i])) {
			print_error("the config uses %s but never declares it\n", words.v[i]);
			bad = true;
		}
	for (size_t i = 0; i < tables.n; i++)
		if (strncmp(tables.v[i], "rpki", 4) != 0 && !sym_has(&filled, tables.v[i])) {
			print_error("the config declares table %s but nothing fills it\n", tables.v[i]);
			bad = true;
		}
	sym_free(&words);
	sym_free(&decl);
	sym_free(&used);
	sym_free(&filled);
	sym_free(&tables);
	return !bad;
}

static void
assert_symbols_declared(const char *conf)
{
	if (!symbols_ok(conf))
		fail();
}

/* The checker itself: it must catch what it is there to catch. */
static void
test_symbol_checker(void **state)
{
	(void)state;
	/* The ASPA bug as it shipped: used, never declared. */
	assert_false(symbols_ok("function rs_in4_p1(int m_asn)\n{\n"
	    "\tif aspa_check_upstream(rs_aspa) = ASPA_INVALID then rs_reject(16);\n}\n"
	    "function rs_reject(int c) { reject; }\n"));
	/* Declared but never filled (RTR without an aspa channel). */
	assert_false(symbols_ok("aspa table rs_aspa;\nprotocol rpki rtr1 {\n"
	    "\troa4 { table rpki4; };\n}\n"));
	/* A set named in a filter but never defined. */
	assert_false(symbols_ok("filter rs_import_AS1_1 { if net ~ AS1_PFX4 then accept; }\n"));
	assert_true(symbols_ok("aspa table rs_aspa;\nprotocol static rpki_aspa {\n"
	    "\taspa { table rs_aspa; };\n}\n# uses rs_nothing in a comment\n"
	    "define AS1_PFX4 = [192.0.2.0/24];\nfilter rs_import_AS1_1 {\n"
	    "\tif net ~ AS1_PFX4 then accept;\n\tprint \"RS_NOT_A_SYMBOL\";\n}\n"));
}

/* The config for route server `rs`; every one is checked for its symbols,
 * and made both ways: its data section made here, and made beforehand (as
 * compile does, on a thread) to the same text. */
static char *
emit(struct world *w, size_t rs)
{
	struct emit_opts o = { "test", NULL };
	struct buf b = BUF_INIT, data = BUF_INIT, pre = BUF_INIT;

	emit_bird(&b, &w->mo, &w->c.rs[rs], &o, NULL);
	assert_symbols_declared(b.p);
	emit_bird_data(&data, &w->mo);
	emit_bird(&pre, &w->mo, &w->c.rs[rs], &o, &data);
	assert_string_equal(pre.p, b.p);
	buf_free(&data);
	buf_free(&pre);
	return buf_steal(&b);
}

/* Parse with the real BIRD; returns its output on failure. */
static void
assert_bird_accepts(const char *conf)
{
	char path[] = "/tmp/ixp-emit-XXXXXX";
	struct buf cmd = BUF_INIT;
	char out[4096] = "";
	FILE *p;
	size_t n;
	int fd = mkstemp(path), status;

	assert_true(fd >= 0);
	assert_int_equal(write(fd, conf, strlen(conf)), (ssize_t)strlen(conf));
	close(fd);
	buf_printf(&cmd, "bird -p -c %s 2>&1", path);
	p = popen(cmd.p, "r");
	assert_non_null(p);
	n = fread(out, 1, sizeof(out) - 1, p);
	out[n] = '\0';
	status = pclose(p);
	if (status != 0) {
		/* Show the offending line. */
		unsigned line = 0;
		const char *colon = strstr(out, path);
		if (colon)
			sscanf(colon + strlen(path), ":%u", &line);
		fprintf(stderr, "bird -p failed (%d): %s\n", status, out);
		if (line) {
			const char *l = conf;
			for (unsigned i = 1; i < line && l; i++)
				l = strchr(l, '\n') ? strchr(l, '\n') + 1 : NULL;
			if (l)
				fprintf(stderr, "line %u: %.*s\n", line, (int)strcspn(l, "\n"), l);
		}
		fail();
	}
	unlink(path);
	buf_free(&cmd);
}

/* The text of BIRD function `name`, up to its closing brace (malloc'd). */
static char *
fn_body(const char *conf, const char *name)
{
	struct buf key = BUF_INIT;
	const char *f, *end;
	char *r;

	buf_printf(&key, "function %s(", name);
	f = strstr(conf, buf_str(&key));
	buf_free(&key);
	assert_non_null(f);
	end = strstr(f, "\n}\n");
	assert_non_null(end);
	r = strndup(f, (size_t)(end - f) + 3);
	assert_non_null(r);
	return r;
}

#define HEAD(extra_policy, extra_rpki) HEAD3("", extra_policy, extra_rpki)
#define HEAD3(extra_ixp, extra_policy, extra_rpki)				\
	"version: 1\n"								\
	"ixp:\n"								\
	extra_ixp								\
	"  name: \"Test \\\"IX\\\" {x}; #1\"\n"					\
	"  rs_asn: 64500\n"							\
	"  peering_lans: [192.0.2.0/24, \"2001:db8:100::/64\"]\n"		\
	"  route_servers:\n"							\
	"    - {name: rs1, router_id: 192.0.2.1, ipv4: 192.0.2.1, ipv6: \"2001:db8:100::1\"}\n" \
	"    - {name: rs2, router_id: 192.0.2.2, ipv4: 192.0.2.2}\n"		\
	"sources:\n"								\
	"  irr: {dumps: [x.db]}\n"						\
	extra_rpki								\
	"policy:\n"								\
	"  bogon_prefixes: [10.0.0.0/8, \"fc00::/7\"]\n"			\
	"  bogon_asns: [0, \"64512-65534\"]\n"					\
	extra_policy								\
	"members:\n"

static const char members_std[] =
	"  - asn: 64501\n"
	"    name: \"Quote\\\" Brace} Semi; Hash# Back\\\\slash\\u00e9\"\n"
	"    as_set: AS-ONE\n"
	"    connections:\n"
	"      - {port: p1, ipv4: 192.0.2.11, ipv6: \"2001:db8:100::11\", md5: \"pw#1 {x}\"}\n"
	"  - asn: 64502\n"
	"    name: Two\n"
	"    policy: {next_hop: same_as, blacklist: [203.0.113.128/25], graceful_shutdown: false,\n"
	"             announcement_control: false, blackhole: {enabled: false},\n"
	"             rpki: {reject_invalid: false}, max_prefix: {action: block}}\n"
	"    connections:\n"
	"      - {port: p2, ipv4: 192.0.2.12}\n"
	"      - {port: p3, ipv4: 192.0.2.13}\n"
	"  - asn: 64503\n"
	"    name: No Route Objects\n"
	"    max_prefix: {ipv4: 7}\n"
	"    connections:\n"
	"      - {port: p4, ipv4: 192.0.2.14, ipv6: \"2001:db8:100::14\"}\n";

static void
test_static_rpki_config(void **state)
{
	struct world w;
	char *conf, *conf2;
	const char *f;

	(void)state;
	world_build(&w, HEAD("  never_via_route_servers_asns: [64499]\n"
	    "  blacklist: [198.51.100.192/26]\n", "  rpki: {vrps: v.json}\n"), members_std, true);
	conf = emit(&w, 0);
	assert_bird_accepts(conf);

	/* Free text never reaches BIRD unescaped. */
	assert_contains(conf, "description \"AS64501 Quote_ Brace} Semi; Hash# Back_slash__\";");
	assert_not_contains(conf, "Quote\"");
	assert_contains(conf, "of Test _IX_ {x}; #1\n");
	assert_contains(conf, "password \"pw#1 {x}\";");
	/* Sessions: v4 and v6 of connection 1 are _1 and _2. */
	assert_contains(conf, "protocol bgp AS64501_1 from rs_client4 {");
	assert_contains(conf, "protocol bgp AS64501_2 from rs_client6 {");
	assert_contains(conf, "protocol bgp AS64502_2 from rs_client4 {");
	/* Static ROA tables from the VRPs. */
	assert_contains(conf, "route 198.51.100.0/25 max 25 as 64501;");
	assert_contains(conf, "rs_rpki4(true);");
	assert_contains(conf, "rs_rpki4(false);");
	/* Member sets and checks in SPEC order. */
	assert_contains(conf, "define AS64501_ASNS = [\n\t64501,\n\t64510\n];");
	/* The IRR as shared tables (the default): exact entries, and
	 * or-longer ones without covered entries of the same origin; only
	 * origins in some member's cone. */
	assert_contains(conf, "roa4 table rs_irr4;\nroa6 table rs_irr6;\n"
	    "roa4 table rs_irr4_ol;\nroa6 table rs_irr6_ol;\n");
	assert_contains(conf, "protocol static irr4 {\n\troa4 { table rs_irr4; };\n"
	    "\troute 198.51.100.0/25 max 25 as 64501;\n"
	    "\troute 198.51.100.128/25 max 25 as 64510;\n"
	    "\troute 198.51.100.128/26 max 26 as 64510;\n"
	    "\troute 203.0.113.0/24 max 24 as 64502;\n}");
	assert_contains(conf, "protocol static irr4_ol {\n\troa4 { table rs_irr4_ol; };\n"
	    "\troute 198.51.100.0/25 max 32 as 64501;\n"
	    "\troute 198.51.100.128/25 max 32 as 64510;\n"
	    "\troute 203.0.113.0/24 max 32 as 64502;\n}");
	assert_contains(conf, "\troute 2001:db8:1000::/36 max 128 as 64501;\n");
	assert_not_contains(conf, "203.0.113.0/25 max");
	assert_not_contains(conf, "define AS64501_PFX4");
	assert_contains(conf, "\tif rs_is_blackhole() && (roa_check(rs_irr4_ol, net, bgp_path.last) != ROA_VALID) "
	    "then rs_reject(12);\n\tif !rs_is_blackhole() && (roa_check(rs_irr4, net, bgp_path.last) != "
	    "ROA_VALID) then rs_reject(12);\n");
	/* AS64502: blackholing off, no rs_is_blackhole() guard. */
	assert_contains(conf, "\tif (roa_check(rs_irr4, net, bgp_path.last) != ROA_VALID) "
	    "then rs_reject(12);\n");
	assert_contains(conf, "define AS64502_NH4 = [192.0.2.12, 192.0.2.13];");
	assert_contains(conf, "if !(bgp_next_hop ~ m_nhs) then rs_reject(5);");
	assert_contains(conf, "if net ~ m_bl then rs_reject(11);");
	/* Each session's filter calls its policy with the member's values. */
	assert_contains(conf, "filter rs_import_AS64502_1\n{\n\trs_in4_p3(64502, AS64502_NH4, "
	    "AS64502_ASNS, AS64502_BLACKLIST4);\n\taccept;\n}\n");
	assert_contains(conf, "filter rs_export_AS64502_2\n{\n\trs_out4(64502);\n\taccept;\n}\n");
	assert_contains(conf, "rs_scrub_control();");
	assert_contains(conf, "bgp_community.delete([(65535, 666)]);");
	assert_contains(conf, "receive limit 100 action block;\t# default");
	assert_contains(conf, "if rs_path_has(RS_NEVER_VIA_RS) then rs_reject(15);");
	assert_contains(conf, "receive limit 7 action restart;\t# yaml");
	f = strstr(conf, "function rs_in4_p1(int m_asn; ip m_peer; int set m_cone)\n{\n");
	assert_non_null(f);
	assert_contains(conf, "filter rs_import_AS64501_1\n{\n\trs_in4_p1(64501, 192.0.2.11, "
	    "AS64501_ASNS);");
	{
		/* Reject codes appear in increasing order within one filter. */
		const char *end = strstr(f, "\n}\n");
		int last = 0;
		for (const char *p = strstr(f, "rs_reject("); p && p < end; p = strstr(p + 1, "rs_reject(")) {
			int code = atoi(p + 10);
			assert_true(code >= last);
			last = code;
		}
		assert_int_equal(last, 15);
	}
	/* rs2 has no IPv6: those sessions are left out, with a comment. */
	conf2 = emit(&w, 1);
	assert_bird_accepts(conf2);
	assert_contains(conf2, "# AS64501_2 (ipv6, 2001:db8:100::11) is not set up: route server rs2 has no IPv6 address");
	assert_not_contains(conf2, "template bgp rs_client6");
	free(conf);
	free(conf2);
	world_free(&w);
}

static void
test_rtr_and_32bit_rs(void **state)
{
	static const char head[] =
	    "version: 1\n"
	    "ixp:\n"
	    "  name: Big-IX\n"
	    "  rs_asn: 4200000010\n"
	    "  peering_lans: [192.0.2.0/24]\n"
	    "  route_servers: [{name: rs1, router_id: 192.0.2.1, ipv4: 192.0.2.1}]\n"
	    "sources:\n"
	    "  irr: {dumps: [x.db]}\n"
	    "  rpki: {rtr: [{host: 127.0.0.1, port: 8282}, {host: rtr.example.net, port: 3323}]}\n"
	    "policy:\n"
	    "  bogon_prefixes: []\n"
	    "  bogon_asns: []\n"
	    "  transit_free_asns: []\n"
	    "members:\n";
	static const char members[] =
	    "  - {asn: 4200000001, name: Wide, connections: [{port: p1, ipv4: 192.0.2.11}]}\n"
	    "  - {asn: 64501, name: One, as_set: AS-ONE, connections: [{port: p2, ipv4: 192.0.2.12}]}\n";
	struct world w;
	char *conf;

	(void)state;
	world_build(&w, head, members, false);
	conf = emit(&w, 0);
	assert_bird_accepts(conf);
	assert_contains(conf, "define RS_ASN16 = 0;");
	assert_contains(conf, "protocol rpki rtr1 {");
	assert_contains(conf, "remote 127.0.0.1 port 8282;");
	assert_contains(conf, "remote \"rtr.example.net\" port 3323;");
	assert_not_contains(conf, "RS_BOGONS4");
	assert_not_contains(conf, "rs_reject(7)");
	assert_not_contains(conf, "rs_reject(8)");
	free(conf);
	world_free(&w);
}

static void
test_no_rpki_and_bird216(void **state)
{
	static const char head[] =
	    "version: 1\n"
	    "ixp:\n"
	    "  name: New-IX\n"
	    "  rs_asn: 64500\n"
	    "  peering_lans: [192.0.2.0/24]\n"
	    "  route_servers: [{name: rs1, router_id: 192.0.2.1, ipv4: 192.0.2.1}]\n"
	    "  bird: {version: \"2.16\", lg_socket: /run/bird/lg.ctl}\n"
	    "sources:\n"
	    "  irr: {dumps: [x.db]}\n"
	    "policy:\n"
	    "  bogon_asns: [0]\n"
	    "members:\n";
	static const char members[] =
	    "  - {asn: 64501, name: One, as_set: AS-ONE, connections: [{port: p1, ipv4: 192.0.2.11}]}\n";
	struct world w;
	char *conf;

	(void)state;
	world_build(&w, head, members, false);
	conf = emit(&w, 0);
	/* BIRD 2.16 syntax (BIRD 2 takes no semicolon there, BIRD 3 wants one):
	 * not parsed by Debian 12's BIRD 2.0.12. */
	assert_contains(conf, "cli \"/run/bird/lg.ctl\" { restrict };");
	assert_contains(conf, "bgp_large_community.add((RS_ASN, 1000, 3));\t# no RPKI source");
	assert_not_contains(conf, "then rs_rpki4(");
	free(conf);
	world_free(&w);
}

/*
 * policy.reject_policy: rs_reject ends in rs_drop, a reject by default;
 * with tag the route is accepted least preferred, and rs_export_ok (the
 * same in both) keeps it from every member. BIRD parses both.
 */
static void
test_reject_policy(void **state)
{
	struct world w;
	char *conf, *drop;

	(void)state;
	world_build(&w, HEAD("", ""), members_std, false);
	assert_false(w.mo.tag_rejected);
	conf = emit(&w, 0);
	assert_bird_accepts(conf);
	drop = fn_body(conf, "rs_drop");
	assert_string_equal(drop, "function rs_drop()\n{\n\treject;\n}\n");
	free(drop);
	drop = fn_body(conf, "rs_export_ok");
	assert_contains(drop, "if bgp_large_community ~ [(RS_ASN, 65520, *)] then return false;");
	free(drop);
	free(conf);
	world_free(&w);

	world_build(&w, HEAD("  reject_policy: tag\n", ""), members_std, false);
	assert_true(w.mo.tag_rejected);
	conf = emit(&w, 0);
	assert_bird_accepts(conf);
	drop = fn_body(conf, "rs_drop");
	assert_string_equal(drop, "function rs_drop()\n{\n\tbgp_local_pref = 0;\n\taccept;\n}\n");
	free(drop);
	assert_contains(conf, "\trs_drop();\n");
	free(conf);
	world_free(&w);
}

/*
 * irr_filter: rtr. The config declares the tables and the caches but holds
 * no route object, so it is byte for byte the same when only route objects
 * change; the data sets are the tables' entries (with the sentinels),
 * valid JSON for StayRTR.
 */
static void
test_irr_over_rtr(void **state)
{
	static const char more[] = "\nroute: 198.51.100.0/26\norigin: AS64501\nsource: TEST\n";
	char *irr2 = xmalloc(sizeof(irr_text) + sizeof(more));
	struct world w, w2;
	struct buf roas = BUF_INIT, file = BUF_INIT;
	char *conf, *conf2;
	json_t *j;
	json_error_t je;
	size_t n;

	(void)state;
	world_build(&w, HEAD3("  bird: {irr_filter: rtr, irr_rtr: {exact_port: 9330}}\n", "", ""),
	    members_std, false);
	assert_true(w.mo.irr_rtr && w.mo.irr_table);
	assert_false(w.mo.vrps_rtr);
	assert_true(model_publishes(&w.mo, RTR_IRR_EXACT) && model_publishes(&w.mo, RTR_IRR_OR_LONGER));
	assert_false(model_publishes(&w.mo, RTR_VRPS));
	assert_int_equal(w.mo.irr_caches[0].port, 9330);
	assert_int_equal(w.mo.irr_caches[1].port, 8331);
	assert_int_equal(w.mo.irr_caches[0].ip.af, AF4);
	conf = emit(&w, 0);
	assert_bird_accepts(conf);
	assert_contains(conf, "protocol rpki irr_exact {\n\troa4 { table rs_irr4; };\n"
	    "\troa6 { table rs_irr6; };\n\tremote 127.0.0.1 port 9330;\n");
	assert_contains(conf, "\tif !rs_irr_loaded4() then rs_warn(12);\n");
	assert_contains(conf, "define RS_IRR_SENTINEL4 = 0.0.0.0/1;");
	assert_not_contains(conf, "max 25 as 64501");
	assert_not_contains(conf, "protocol static irr4");

	n = emit_rtr_roas(&roas, &w.mo, RTR_IRR_EXACT);
	assert_int_equal(n, 5 + 4);	/* the cones' IPv4 four, the /36; the sentinels */
	assert_contains(roas.p, "{\"prefix\": \"198.51.100.0/25\", \"maxLength\": 25, \"asn\": 64501}");
	assert_not_contains(roas.p, "203.0.113.0/25");	/* AS64599: in no member's cone */
	assert_true(roas.len <= emit_rtr_size(&w.mo, RTR_IRR_EXACT));
	emit_rtr_header(&file, RTR_IRR_EXACT, n, 7, "test", NULL);
	buf_add(&file, roas.p, roas.len);
	j = json_loads(file.p, 0, &je);
	assert_non_null(j);
	assert_int_equal(json_integer_value(json_object_get(json_object_get(j, "metadata"), "serial")), 7);
	assert_int_equal(json_array_size(json_object_get(j, "roas")), n);
	json_decref(j);
	buf_free(&roas);
	buf_free(&file);
	/* Or-longer: up to /32, without the /26 its /25 covers. */
	n = emit_rtr_roas(&roas, &w.mo, RTR_IRR_OR_LONGER);
	assert_contains(roas.p, "{\"prefix\": \"198.51.100.128/25\", \"maxLength\": 32, \"asn\": 64510}");
	assert_not_contains(roas.p, "198.51.100.128/26");
	buf_free(&roas);

	memcpy(irr2, irr_text, sizeof(irr_text) - 1);
	memcpy(irr2 + sizeof(irr_text) - 1, more, sizeof(more));
	world_build_from(&w2, HEAD3("  bird: {irr_filter: rtr, irr_rtr: {exact_port: 9330}}\n", "",
	    ""), members_std, irr2, NULL, NULL);
	conf2 = emit(&w2, 0);
	assert_string_equal(conf, conf2);
	n = emit_rtr_roas(&roas, &w2.mo, RTR_IRR_EXACT);
	assert_int_equal(n, 5 + 4 + 1);
	buf_free(&roas);
	free(conf2);
	world_free(&w2);
	free(irr2);
	free(conf);
	world_free(&w);

	/* No member needs the or-longer table: one cache, one sentinel test. */
	world_build(&w, HEAD3("  bird: {irr_filter: rtr}\n", "  blackhole: {enabled: false}\n", ""),
	    members_std, false);
	assert_true(model_publishes(&w.mo, RTR_IRR_EXACT));
	assert_false(model_publishes(&w.mo, RTR_IRR_OR_LONGER));
	conf = emit(&w, 0);
	assert_bird_accepts(conf);
	assert_not_contains(conf, "protocol rpki irr_or_longer");
	assert_contains(conf, "\treturn roa_check(rs_irr4, RS_IRR_SENTINEL4, 4294967295) = ROA_VALID;\n");
	free(conf);
	world_free(&w);

	/* The VRP file over RTR: a protocol rpki to that cache, no static
	 * ROA table; rpki-rtr.json holds the VRPs compile read. */
	world_build(&w, HEAD3("  bird: {vrps_rtr: {port: 8332}}\n", "", "  rpki: {vrps: v.json}\n"),
	    members_std, true);
	assert_true(w.mo.vrps_rtr && w.mo.rpki == RPKI_RTR && model_publishes(&w.mo, RTR_VRPS));
	conf = emit(&w, 0);
	assert_bird_accepts(conf);
	assert_contains(conf, "protocol rpki rtr1 {\n\troa4 { table rpki4; };\n\troa6 { table rpki6; };\n"
	    "\tremote 127.0.0.1 port 8332;\n");
	assert_not_contains(conf, "protocol static rpki_static4");
	n = emit_rtr_roas(&roas, &w.mo, RTR_VRPS);
	assert_int_equal(n, 2);
	assert_contains(roas.p, "{\"prefix\": \"203.0.113.0/24\", \"maxLength\": 24, \"asn\": 64599}\n]");
	buf_free(&roas);
	free(conf);
	world_free(&w);
}

/*
 * ASPA wherever it is asked for: a member's own policy without the IXP's;
 * records from the VRP file, from an RTR cache marked as serving them, and
 * from the VRP file when the ROAs come over RTR. The table exists when any
 * session checks it and is always filled (BIRD 2.16 syntax: checked for its
 * symbols here, by BIRD in the version tests).
 */
static void
test_aspa_tables(void **state)
{
	static const char head[] =
	    "version: 1\n"
	    "ixp:\n"
	    "  name: ASPA-IX\n"
	    "  rs_asn: 64500\n"
	    "  peering_lans: [192.0.2.0/24]\n"
	    "  route_servers: [{name: rs1, router_id: 192.0.2.1, ipv4: 192.0.2.1}]\n"
	    "  bird: {version: \"2.16\"}\n"
	    "sources:\n"
	    "  irr: {dumps: [x.db]}\n";
	static const char *const rpki[] = { "  rpki: {vrps: v.json}\n",
	    "  rpki: {rtr: [{host: 127.0.0.1, port: 8282, aspa: true}, "
	    "{host: 127.0.0.2, port: 8282}]}\n",
	    "  rpki: {rtr: [{host: 127.0.0.1, port: 8282}], vrps: v.json}\n" };
	static const char *const policies[] = {
	    "policy: {bogon_asns: [0]}\nmembers:\n"
	    "  - {asn: 64501, name: One, as_set: AS-ONE, policy: {aspa: {reject_invalid: true}},\n"
	    "     connections: [{port: p1, ipv4: 192.0.2.11}]}\n"
	    "  - {asn: 64502, name: Two, connections: [{port: p2, ipv4: 192.0.2.12}]}\n",
	    "policy: {bogon_asns: [0], aspa: {reject_invalid: true}}\nmembers:\n"
	    "  - {asn: 64501, name: One, as_set: AS-ONE, connections: [{port: p1, ipv4: 192.0.2.11}]}\n",
	};
	static const char *const filled_by[] = { "protocol static rpki_aspa {\n\taspa { table rs_aspa; };",
	    "\taspa { table rs_aspa; };\n\tremote 127.0.0.1 port 8282;",
	    "protocol static rpki_aspa {\n\taspa { table rs_aspa; };" };

	(void)state;
	for (size_t r = 0; r < 3; r++)
		for (size_t k = 0; k < 2; k++) {
			struct world w;
			struct buf h = BUF_INIT;
			char *conf;
			buf_printf(&h, "%s%s%s", head, rpki[r], policies[k]);
			world_build(&w, h.p, "", r != 1);
			conf = emit(&w, 0);
			assert_contains(conf, "aspa table rs_aspa;");
			assert_contains(conf, filled_by[r]);
			assert_contains(conf, "aspa_check_upstream(rs_aspa)");
			if (r != 1)
				assert_contains(conf, "route aspa 64501 providers 64510;");
			/* Only a cache that serves ASPA gets the channel. */
			assert_not_contains(conf, "rs_aspa; };\n\tremote 127.0.0.2");
			if (r == 2)
				assert_not_contains(conf, "rs_aspa; };\n\tremote");
			free(conf);
			world_free(&w);
			buf_free(&h);
		}
}

static void
test_shared_sets(void **state)
{
	static const char members[] =
	    "  - {asn: 64501, name: One, as_set: AS-ONE, connections: [{port: p1, ipv4: 192.0.2.11}]}\n"
	    "  - {asn: 64510, name: Same Cone, as_set: AS-ONE, connections: [{port: p2, ipv4: 192.0.2.12}]}\n";
	struct world w;
	char *conf;

	(void)state;
	world_build(&w, HEAD3("  bird: {irr_filter: prefix_sets}\n", "", ""), members, false);
	conf = emit(&w, 0);
	assert_bird_accepts(conf);
	assert_not_contains(conf, "rs_irr4");
	assert_contains(conf, "define AS64501_PFX4 = [\n\t198.51.100.0/24{25,25},\n"
	    "\t198.51.100.128/26\n];");
	/* AS64510's cone is the same as AS64501's: one set, shared. */
	assert_contains(conf, "# origin ASNs: same as AS64501_ASNS");
	assert_contains(conf, "if !(bgp_path.last ~ m_cone) then rs_reject(9);\n"
	    "\t# 12: Prefix not in the member's IRR route objects\n"
	    "\tif rs_is_blackhole() && !(net ~ m_bh) then rs_reject(12);\n"
	    "\tif !rs_is_blackhole() && !(net ~ m_pfx) then rs_reject(12);");
	/* ... and one import policy for both. */
	assert_contains(conf, "# ---- import policies: 1,");
	assert_contains(conf, "\trs_in4_p1(64510, 192.0.2.12, AS64501_ASNS, AS64501_PFX4, AS64501_BH4);\n");
	assert_not_contains(conf, "define AS64510_PFX4");
	free(conf);
	world_free(&w);
}

/*
 * With enforce_origin off, check 11 no longer ties the origin to the member,
 * and the shared tables hold every member's route objects: check 12 must
 * test the cone itself, or a member could announce another's routes.
 */
static void
test_table_without_origin_check(void **state)
{
	char *body;
	static const char members[] =
	    "  - {asn: 64501, name: One, as_set: AS-ONE, connections: [{port: p1, ipv4: 192.0.2.11}],\n"
	    "     policy: {irr: {enforce_origin: false, allow_more_specifics: true}}}\n"
	    "  - {asn: 64502, name: Two, connections: [{port: p2, ipv4: 192.0.2.12}]}\n";
	struct world w;
	char *conf;

	(void)state;
	world_build(&w, HEAD("  prefix_length: {ipv4: [8, 27]}\n", ""), members, false);
	conf = emit(&w, 0);
	assert_bird_accepts(conf);
	assert_contains(conf, "\trs_in4_p1(64501, 192.0.2.11, AS64501_ASNS);\n");
	body = fn_body(conf, "rs_in4_p1");
	assert_not_contains(body, "rs_reject(9)");
	free(body);
	assert_contains(conf, "\tif !rs_is_blackhole() && ((roa_check(rs_irr4, net, bgp_path.last) != ROA_VALID && "
	    "(net.len > 27 || roa_check(rs_irr4_ol, net, bgp_path.last) != ROA_VALID)) || "
	    "!(bgp_path.last ~ m_cone)) then rs_reject(12);\n");
	assert_contains(conf, "\tif rs_is_blackhole() && (roa_check(rs_irr4_ol, net, bgp_path.last) != ROA_VALID || "
	    "!(bgp_path.last ~ m_cone)) then rs_reject(12);\n");
	free(conf);
	world_free(&w);
}

static void
test_json_outputs(void **state)
{
	struct world w;
	struct buf b = BUF_INIT;
	struct emit_opts o = { "test", NULL };
	json_error_t e;
	json_t *root, *m;

	(void)state;
	world_build(&w, HEAD("", "  rpki: {vrps: v.json}\n"), members_std, true);
	emit_reasons_json(&b, &w.mo);
	root = json_loads(b.p, 0, &e);
	assert_non_null(root);
	assert_string_equal(json_string_value(json_object_get(root, "reject_community")),
	    "64500:65520:{code}");
	assert_string_equal(json_string_value(json_object_get(json_object_get(
	    json_object_get(root, "reasons"), "14"), "text")), "RPKI invalid");
	assert_string_equal(json_string_value(json_object_get(json_object_get(
	    json_object_get(root, "alice_lg"), "filter_reasons"), "64500:65520:9")),
	    "Origin ASN not in the member's IRR AS-SET");
	json_decref(root);

	buf_reset(&b);
	emit_report_json(&b, &w.mo, &o);
	root = json_loads(b.p, 0, &e);
	assert_non_null(root);
	assert_null(json_object_get(root, "generated_at"));	/* no timestamp */
	m = json_array_get(json_object_get(root, "members"), 0);
	assert_int_equal(json_integer_value(json_object_get(m, "asn")), 64501);
	assert_int_equal(json_integer_value(json_object_get(json_object_get(m, "irr"), "asns")), 2);
	assert_int_equal(json_integer_value(json_object_get(json_object_get(
	    json_object_get(m, "irr"), "prefixes"), "ipv4")), 3);
	/* The name keeps its UTF-8 and quotes, JSON-escaped by jansson. */
	assert_string_equal(json_string_value(json_object_get(m, "name")),
	    "Quote\" Brace} Semi; Hash# Back\\slash\xc3\xa9");
	m = json_array_get(json_object_get(root, "members"), 1);
	assert_int_equal(json_integer_value(json_object_get(json_object_get(m, "rpki"),
	    "invalid_route_objects")), 1);
	m = json_array_get(json_object_get(root, "members"), 2);
	assert_int_equal(json_array_size(json_object_get(m, "warnings")), 2);
	json_decref(root);
	buf_free(&b);
	world_free(&w);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_static_rpki_config),
		cmocka_unit_test(test_rtr_and_32bit_rs),
		cmocka_unit_test(test_no_rpki_and_bird216),
		cmocka_unit_test(test_reject_policy),
		cmocka_unit_test(test_irr_over_rtr),
		cmocka_unit_test(test_symbol_checker),
		cmocka_unit_test(test_aspa_tables),
		cmocka_unit_test(test_shared_sets),
		cmocka_unit_test(test_table_without_origin_check),
		cmocka_unit_test(test_json_outputs),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
