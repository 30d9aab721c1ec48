/*
 * The member YAML loader (compiler/yaml_load): a corpus of bad files in
 * tests/yaml/bad, each naming the messages it must produce ("# expect:"
 * lines; ":LINE:COL: error: ..." ones are checked with the file name in
 * front), and the defaults and overrides of good files.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <errno.h>

#include "buf.h"
#include "config.h"
#include "yaml_load.h"
#include "testutil.h"

#define CORPUS "../yaml/bad"

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/*
 * `want` is either plain text that must appear somewhere, or
 * ":LINE:COL: error: text": then one output line must start with
 * "<path>:LINE:COL: error: " and contain `text`.
 */
static bool
has_message(const char *out, const char *path, const char *want)
{
	struct buf loc = BUF_INIT;
	const char *text, *p;
	bool found = false;

	if (want[0] != ':')
		return strstr(out, want) != NULL;
	text = strstr(want, "error: ");
	assert_non_null(text);
	text += 7;
	buf_printf(&loc, "%s", path);
	buf_add(&loc, want, (size_t)(text - want));
	for (p = out; *p && !found; ) {
		const char *eol = strchr(p, '\n');
		size_t len = eol ? (size_t)(eol - p) : strlen(p);
		if (len >= loc.len && memcmp(p, loc.p, loc.len) == 0 &&
		    memmem(p + loc.len, len - loc.len, text, strlen(text)) != NULL)
			found = true;
		p += len + (eol != NULL);
	}
	buf_free(&loc);
	return found;
}

static void
check_corpus_file(const char *path)
{
	struct capture c;
	struct config cfg;
	FILE *f = fopen(path, "r");
	char line[1024];
	int r, nexp = 0;

	assert_non_null(f);
	capture_begin(&c);
	r = yaml_load_config(path, &cfg, &c.d);
	if (r != -1)
		fail_msg("%s: loaded without error", path);
	assert_true(c.d.errors > 0);
	while (fgets(line, sizeof(line), f) != NULL && strncmp(line, "# expect: ", 10) == 0) {
		line[strcspn(line, "\n")] = '\0';
		if (!has_message(capture_text(&c), path, line + 10))
			fail_msg("%s: missing message\n  want: %s\n  got:\n%s", path, line + 10,
			    capture_text(&c));
		nexp++;
	}
	if (nexp == 0)
		fail_msg("%s: no '# expect:' line", path);
	/* No message may leak raw control characters to the terminal. */
	for (const char *p = capture_text(&c); *p; p++)
		if ((unsigned char)*p < 0x20 && *p != '\n')
			fail_msg("%s: control character 0x%02x in diagnostics", path, *p);
	fclose(f);
	capture_end(&c);
}

/* One case per corpus file, so that every failing file is reported. */
static void
test_corpus_file(void **state)
{
	check_corpus_file(*state);
}

static int
run_bad_corpus(void)
{
	DIR *d = opendir(CORPUS);
	struct dirent *de;
	char **names = NULL;
	struct CMUnitTest *tests;
	size_t n = 0;
	int r;

	if (d == NULL) {
		fprintf(stderr, "%s: %s\n", CORPUS, strerror(errno));
		return 1;
	}
	while ((de = readdir(d)) != NULL) {
		size_t l = strlen(de->d_name);
		if (l < 6 || strcmp(de->d_name + l - 5, ".yaml") != 0)
			continue;
		names = realloc(names, (n + 1) * sizeof(*names));
		names[n] = malloc(strlen(CORPUS) + l + 2);
		sprintf(names[n], "%s/%s", CORPUS, de->d_name);
		n++;
	}
	closedir(d);
	if (n < 50) {
		fprintf(stderr, "%s: only %zu files\n", CORPUS, n);
		return 1;
	}
	qsort(names, n, sizeof(*names), cmp_str);
	tests = calloc(n, sizeof(*tests));
	for (size_t i = 0; i < n; i++) {
		tests[i].name = names[i] + strlen(CORPUS) + 1;
		tests[i].test_func = test_corpus_file;
		tests[i].initial_state = names[i];
	}
	r = _cmocka_run_group_tests("bad YAML corpus", tests, n, NULL, NULL);
	for (size_t i = 0; i < n; i++)
		free(names[i]);
	free(names);
	free(tests);
	return r;
}

static const char good[] =
	"version: 1\n"
	"ixp:\n"
	"  name: Test-IX\n"
	"  rs_asn: AS64500\n"
	"  peering_lans: [192.0.2.0/24, \"2001:db8:100::/64\"]\n"
	"  route_servers:\n"
	"    - {name: rs1, router_id: 192.0.2.1, ipv4: 192.0.2.1, ipv6: \"2001:db8:100::1\"}\n"
	"  bird: {version: \"2.16\", lg_socket: /run/bird/lg.ctl}\n"
	"sources:\n"
	"  irr: {sources: [ripe, RADB], dumps: [irr/a.db, /abs/b.db.gz]}\n"
	"  rpki: {rtr: [{host: 127.0.0.1, port: 8282}], vrps: rpki/v.json}\n"
	"policy:\n"
	"  bogon_asns: [0, \"64512-65534\"]\n"
	"  transit_free_asns: [3356, 174, 174]\n"
	"  rpki: {reject_invalid: false}\n"
	"members:\n"
	"  - asn: 64502\n"
	"    name: \"Zeta \\\"Quoted\\\" {Networks}; Telef\\u00f3nica\"\n"
	"    as_set: [ripe::as-zeta, AS64502:AS-CUST]\n"
	"    policy: {max_as_path_length: 10, irr: {allow_more_specifics: true}}\n"
	"    connections:\n"
	"      - {port: ge-0/0/2, ipv4: 192.0.2.12, md5: \"pa ss\"}\n"
	"  - asn: 64501\n"
	"    name: Alpha\n"
	"    connections:\n"
	"      - {port: eth1, macs: [\"0200.0000.0001\"], ipv6: \"2001:DB8:100::11\"}\n";

static void
test_good_defaults_and_overrides(void **state)
{
	struct capture c;
	struct config cfg;
	const struct member *m;

	(void)state;
	capture_begin(&c);
	assert_int_equal(yaml_load_config_mem(good, sizeof(good) - 1, "good.yaml", "/etc/ixp",
	    &cfg, &c.d), 0);
	assert_int_equal(c.d.errors, 0);
	assert_int_equal(cfg.rs_asn, 64500);
	assert_int_equal(cfg.bird_major, 2);
	assert_int_equal(cfg.bird_minor, 16);
	assert_string_equal(cfg.lg_socket, "/run/bird/lg.ctl");
	assert_int_equal(cfg.src.n_irr_sources, 2);
	assert_string_equal(cfg.src.irr_sources[0], "RIPE");
	assert_string_equal(cfg.src.irr_dumps[0].path, "/etc/ixp/irr/a.db");
	assert_string_equal(cfg.src.irr_dumps[1].path, "/abs/b.db.gz");
	assert_int_equal(cfg.src.n_vrps, 1);
	assert_string_equal(cfg.src.vrps[0].path, "/etc/ixp/rpki/v.json");
	assert_int_equal(cfg.src.rtr[0].port, 8282);
	assert_int_equal(cfg.transit_free.n, 2);	/* sorted, unique */
	assert_int_equal(cfg.transit_free.v[0], 174);
	assert_int_equal(cfg.n_bogon_asns, 2);
	/* Defaults that were not overridden. */
	assert_int_equal(cfg.bogon_prefixes[0].n, 15);
	assert_int_equal(cfg.policy.len_max[FAM4], 24);
	assert_int_equal(cfg.policy.len_max[FAM6], 48);
	assert_int_equal(cfg.policy.max_path_len, 64);
	assert_false(cfg.policy.rpki_reject_invalid);
	assert_int_equal(cfg.traffic.macs_per_port, 1);

	/* Members are sorted by ASN; overrides apply to one member only. */
	assert_int_equal(cfg.n_members, 2);
	m = &cfg.members[0];
	assert_int_equal(m->asn, 64501);
	assert_int_equal(m->policy.max_path_len, 64);
	assert_string_equal(m->conns[0].iface, "eth1");	/* port is a valid ifname */
	assert_int_equal(m->conns[0].macs[0][5], 1);
	assert_int_equal(m->conns[0].addr[FAM6].af, AF6);
	m = &cfg.members[1];
	assert_int_equal(m->asn, 64502);
	assert_int_equal(m->policy.max_path_len, 10);
	assert_true(m->policy.irr_allow_more_specifics);
	assert_false(m->policy.rpki_reject_invalid);	/* inherited */
	assert_string_equal(m->as_sets[0], "RIPE::AS-ZETA");
	assert_string_equal(m->as_sets[1], "AS64502:AS-CUST");
	assert_string_equal(m->name, "Zeta \"Quoted\" {Networks}; Telef\xc3\xb3nica");
	assert_null(m->conns[0].iface);			/* "ge-0/0/2" is not */
	assert_string_equal(m->conns[0].md5, "pa ss");
	config_free(&cfg);
	capture_end(&c);
}

static void
test_huge_string(void **state)
{
	struct capture c;
	struct config cfg;
	struct buf b = BUF_INIT;

	(void)state;
	buf_puts(&b, "version: 1\nixp:\n  name: \"");
	for (int i = 0; i < 10 * 1024 * 1024 / 16; i++)
		buf_puts(&b, "AAAAAAAAAAAAAAAA");
	buf_puts(&b, "\"\n");
	capture_begin(&c);
	assert_int_equal(yaml_load_config_mem(b.p, b.len, "huge.yaml", ".", &cfg, &c.d), -1);
	/* Refused while parsing, before the schema looks at it. */
	assert_contains(capture_text(&c), "huge.yaml:3:9: error: value is too long "
	    "(10485760 bytes, at most 65536)");
	/* The value is not echoed. */
	assert_true(strlen(capture_text(&c)) < 2000);
	capture_end(&c);
	buf_free(&b);
}

static void
test_alias_bomb(void **state)
{
	struct capture c;
	struct config cfg;
	struct buf b = BUF_INIT;

	(void)state;
	/* 2000 x 2000 x 100 node visits through aliases from a ~50 KB file. */
	buf_puts(&b, "version: 1\nx:\n  mac: &mac \"02:00:00:00:00:01\"\n"
	    "  conn: &c {port: p, ipv4: 192.0.2.11, macs: [");
	for (int i = 0; i < 100; i++)
		buf_printf(&b, "%s*mac", i ? ", " : "");
	buf_puts(&b, "]}\n  member: &m {asn: 64501, name: x, connections: [");
	for (int i = 0; i < 2000; i++)
		buf_printf(&b, "%s*c", i ? ", " : "");
	buf_puts(&b, "]}\nmembers: [");
	for (int i = 0; i < 2000; i++)
		buf_printf(&b, "%s*m", i ? ", " : "");
	buf_puts(&b, "]\n");
	capture_begin(&c);
	assert_int_equal(yaml_load_config_mem(b.p, b.len, "bomb.yaml", ".", &cfg, &c.d), -1);
	assert_contains(capture_text(&c), "document expands to more than");
	capture_end(&c);
	buf_free(&b);
}

/* Load `text`; the one error it must give. */
static void
expect_error(const char *text, size_t len, const char *want)
{
	struct capture c;
	struct config cfg;

	capture_begin(&c);
	assert_int_equal(yaml_load_config_mem(text, len, "t.yaml", ".", &cfg, &c.d), -1);
	assert_contains(capture_text(&c), want);
	capture_end(&c);
}

static void
test_depth_limit(void **state)
{
	struct buf b = BUF_INIT;

	(void)state;
	/* Flow and block nesting, one level over the limit: refused where the
	 * limit is crossed. */
	buf_puts(&b, "version: 1\nixp: ");
	for (unsigned i = 0; i < YAML_MAX_DEPTH; i++)
		buf_putc(&b, '[');
	expect_error(b.p, b.len, "t.yaml:2:69: error: YAML nested more than 64 levels deep");
	buf_reset(&b);
	buf_puts(&b, "version: 1\n");
	for (unsigned i = 0; i <= YAML_MAX_DEPTH; i++)
		buf_printf(&b, "%*sk%u:\n", (int)i, "", i);
	expect_error(b.p, b.len, "t.yaml:66:65: error: YAML nested more than 64 levels deep");
	buf_free(&b);
}

static void
test_node_limit(void **state)
{
	struct buf b = BUF_INIT;

	(void)state;
	buf_puts(&b, "version: 1\nmembers: [");
	for (unsigned i = 0; i < YAML_MAX_NODES; i++)
		buf_puts(&b, "1,");
	buf_puts(&b, "]\n");
	expect_error(b.p, b.len, "error: more than 1000000 YAML nodes");
	buf_free(&b);
}

static void
test_recursive_alias(void **state)
{
	static const char cyc[] = "version: 1\nixp: &a {name: x, more: *a}\n";
	static const char undef[] = "version: 1\nixp: *nowhere\n";

	(void)state;
	expect_error(cyc, sizeof(cyc) - 1, "t.yaml:2:25: error: unknown or recursive alias *a");
	expect_error(undef, sizeof(undef) - 1, "unknown or recursive alias *nowhere");
}

/* ---- the schema table against the docs and the code's defaults ------- */

struct keys_seen {
	char	*doc;		/* docs/configuration.md */
	int	 checked, defaults;
};

/* The row of docs/configuration.md for `rel` in the section `sect`. */
static const char *
doc_row(const char *doc, const char *sect, const char *rel, size_t *len)
{
	struct buf h = BUF_INIT, k = BUF_INIT;
	const char *p, *end, *row = NULL;

	buf_printf(&h, "\n## %s", sect);
	p = strstr(doc, h.p);
	end = p ? strstr(p + h.len, "\n## ") : NULL;
	buf_printf(&k, "| `%s", rel);
	while (p != NULL && (p = strstr(p, k.p)) != NULL && (end == NULL || p < end)) {
		const char *after = p + k.len;
		/* the whole name, or its ipv4/ipv6 pair written on one row */
		if (*after == '`' || *after == '.' || *after == '[') {
			row = p;
			break;
		}
		p = after;
	}
	buf_free(&h);
	buf_free(&k);
	if (row != NULL)
		*len = strcspn(row, "\n");
	return row;
}

static void
check_doc_key(const struct yaml_key_info *k, void *ctx)
{
	struct keys_seen *ks = ctx;
	char rel[256], sect[300], *dot;
	const char *row;
	size_t len = 0;

	if (!strncmp(k->path, "members[].policy.", 17))
		return;		/* the policy section documents them */
	snprintf(rel, sizeof(rel), "%s", k->path);
	dot = strchr(rel, '.');
	if (dot == NULL) {
		snprintf(sect, sizeof(sect), "Top level");
	} else {
		*dot = '\0';
		snprintf(sect, sizeof(sect), "`%s`", rel);
		memmove(rel, dot + 1, strlen(dot + 1) + 1);
	}
	if (strlen(rel) > 2 && !strcmp(rel + strlen(rel) - 2, "[]"))
		rel[strlen(rel) - 2] = '\0';
	if (dot != NULL && strchr(rel, '.') == NULL && (!strcmp(rel, "irr") ||
	    !strcmp(rel, "rpki") || !strcmp(rel, "bird") || !strcmp(rel, "aspa") ||
	    !strcmp(rel, "max_prefix") || !strcmp(rel, "blackhole") ||
	    !strcmp(rel, "prefix_length") || !strcmp(rel, "contact")) &&
	    k->dflt == NULL && strcmp(k->path, "members[].max_prefix"))
		return;		/* a mapping: its keys have the rows */
	row = doc_row(ks->doc, sect, rel, &len);
	if (row == NULL) {
		char v6[256];
		/* ".ipv6" keys share the row of their ".ipv4" sibling */
		snprintf(v6, sizeof(v6), "%s", rel);
		if ((dot = strstr(v6, "ipv6")) != NULL)
			memcpy(dot, "ipv4", 4);
		row = doc_row(ks->doc, sect, v6, &len);
	}
	if (row == NULL)
		fail_msg("docs/configuration.md has no row for %s (section %s, key %s)",
		    k->path, sect, rel);
	if (k->dflt != NULL && memmem(row, len, k->dflt, strlen(k->dflt)) == NULL)
		fail_msg("docs/configuration.md: %s has default %s in the schema, but the row "
		    "says: %.*s", k->path, k->dflt, (int)len, row);
	if (k->ixp_only && memmem(row, len, "IXP-wide", 8) == NULL)
		fail_msg("docs/configuration.md: %s is IXP-wide only, the row does not say so",
		    k->path);
	ks->checked++;
}

static void
test_schema_matches_docs(void **state)
{
	struct keys_seen ks = { NULL, 0, 0 };
	FILE *f = fopen("../../docs/configuration.md", "r");
	long n;

	(void)state;
	assert_non_null(f);
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	rewind(f);
	ks.doc = calloc(1, (size_t)n + 1);
	assert_int_equal(fread(ks.doc, 1, (size_t)n, f), (size_t)n);
	fclose(f);
	yaml_schema_keys(check_doc_key, &ks);
	assert_true(ks.checked > 60);
	free(ks.doc);
}

/*
 * Every default the table states, written into a YAML explicitly, gives
 * the configuration that leaving it out gives: the documented defaults are
 * the defaults (config_defaults()).
 */
static const char dflt_yaml[] =
	"version: 1\n"
	"ixp: {name: T, rs_asn: 64500, peering_lans: [192.0.2.0/24, \"2001:db8:100::/64\"],\n"
	"  route_servers: [{name: rs1, router_id: 192.0.2.1, ipv4: 192.0.2.1,\n"
	"  ipv6: \"2001:db8:100::1\"}]%s}\n"
	"sources: {irr: {dumps: [x.db]%s}, rpki: {rtr: [{host: 192.0.2.99, port: 8282%s}]%s}%s}\n"
	"policy: {%s}\n"
	"forbidden_traffic: {rules: r.json%s}\n"
	"members: [{asn: 100, name: M%s, connections: [{port: p1, ipv4: 192.0.2.11%s}]}]\n"
	"collectors: [{name: c, asn: 101, ipv4: 192.0.2.20%s}]\n";

/* The slots of dflt_yaml, in the order they appear there. */
enum { S_IXP, S_IRR, S_RTR, S_RPKI, S_SOURCES, S_POLICY, S_TRAFFIC, S_MEMBER, S_CONN, S_COLL,
    S_NUM };

static bool
load_dflt(const char *const frag[S_NUM], struct config *c)
{
	struct buf y = BUF_INIT;
	struct capture cap;
	int r;

	buf_printf(&y, dflt_yaml, frag[S_IXP], frag[S_IRR], frag[S_RTR], frag[S_RPKI],
	    frag[S_SOURCES], frag[S_POLICY], frag[S_TRAFFIC], frag[S_MEMBER], frag[S_CONN],
	    frag[S_COLL]);
	capture_begin(&cap);
	r = yaml_load_config_mem(y.p, y.len, "d.yaml", ".", c, &cap.d);
	if (r != 0)
		print_error("%s\n%s", y.p, capture_text(&cap));
	capture_end(&cap);
	buf_free(&y);
	return r == 0;
}

static bool
same_lists(const void *a, size_t na, const void *b, size_t nb, size_t size)
{
	return na == nb && (na == 0 || memcmp(a, b, na * size) == 0);
}

static bool
same_config(const struct config *a, const struct config *b)
{
	const struct member *ma = &a->members[0], *mb = &b->members[0];

	return !memcmp(&a->policy, &b->policy, sizeof(a->policy)) &&
	    !memcmp(&ma->policy, &mb->policy, sizeof(ma->policy)) &&
	    a->bird_major == b->bird_major && a->bird_minor == b->bird_minor &&
	    a->irr_table == b->irr_table && a->src.irr_timeout == b->src.irr_timeout &&
	    a->src.irr_deadline == b->src.irr_deadline &&
	    a->src.cache_max_age == b->src.cache_max_age &&
	    a->src.http_deadline == b->src.http_deadline &&
	    a->src.vrps_max_age == b->src.vrps_max_age &&
	    a->src.vrps_max_drop == b->src.vrps_max_drop &&
	    a->traffic.macs_per_port == b->traffic.macs_per_port &&
	    a->traffic.arp_nd_rate_pps == b->traffic.arp_nd_rate_pps &&
	    same_lists(a->traffic.ethertypes, a->traffic.n_ethertypes, b->traffic.ethertypes,
	    b->traffic.n_ethertypes, sizeof(uint16_t)) &&
	    same_lists(a->bogon_asns, a->n_bogon_asns, b->bogon_asns, b->n_bogon_asns,
	    sizeof(*a->bogon_asns)) &&
	    same_lists(a->bogon_prefixes[0].v, a->bogon_prefixes[0].n, b->bogon_prefixes[0].v,
	    b->bogon_prefixes[0].n, sizeof(struct prefix)) &&
	    same_lists(a->bogon_prefixes[1].v, a->bogon_prefixes[1].n, b->bogon_prefixes[1].v,
	    b->bogon_prefixes[1].n, sizeof(struct prefix)) &&
	    same_lists(a->never_via_rs.v, a->never_via_rs.n, b->never_via_rs.v,
	    b->never_via_rs.n, sizeof(uint32_t)) &&
	    a->blacklist.n == b->blacklist.n && ma->blacklist.n == mb->blacklist.n &&
	    ma->manrs == mb->manrs && ma->conns[0].lacp == mb->conns[0].lacp &&
	    a->src.rtr[0].aspa == b->src.rtr[0].aspa && a->path_hiding == b->path_hiding &&
	    a->collectors[0].add_path == b->collectors[0].add_path;
}

/* "a.b.c" and a value: "a: {b: {c: v}}" */
static void
nest(struct buf *b, const char *path, const char *v)
{
	const char *dot = strchr(path, '.');

	if (dot == NULL) {
		buf_printf(b, "%s: %s", path, v);
		return;
	}
	buf_printf(b, "%.*s: {", (int)(dot - path), path);
	nest(b, dot + 1, v);
	buf_putc(b, '}');
}

static void
check_default(const struct yaml_key_info *k, void *ctx)
{
	static const struct { const char *prefix; int slot; } slots[] = {
		{ "ixp.", S_IXP }, { "sources.irr.", S_IRR }, { "sources.rpki.rtr[].", S_RTR },
		{ "sources.rpki.", S_RPKI }, { "sources.", S_SOURCES }, { "policy.", S_POLICY },
		{ "forbidden_traffic.", S_TRAFFIC }, { "members[].connections[].", S_CONN },
		{ "members[].", S_MEMBER }, { "collectors[].", S_COLL },
	};
	static const char *const none[S_NUM] = { "", "", "", "", "", "", "", "", "", "" };
	struct keys_seen *ks = ctx;
	const char *frag[S_NUM] = { "", "", "", "", "", "", "", "", "", "" };
	struct buf f = BUF_INIT;
	struct config a, b;
	size_t i;

	if (k->dflt == NULL || !strncmp(k->path, "members[].policy.", 17))
		return;
	for (i = 0; i < sizeof(slots) / sizeof(*slots); i++)
		if (!strncmp(k->path, slots[i].prefix, strlen(slots[i].prefix)))
			break;
	assert_true(i < sizeof(slots) / sizeof(*slots));
	if (slots[i].slot != S_POLICY)		/* the policy map is empty otherwise */
		buf_puts(&f, ", ");
	nest(&f, k->path + strlen(slots[i].prefix), k->dflt);
	frag[slots[i].slot] = f.p;
	assert_true(load_dflt(none, &a));
	if (!load_dflt(frag, &b))
		fail_msg("%s: its documented default %s is not accepted", k->path, k->dflt);
	if (!same_config(&a, &b))
		fail_msg("%s: writing its documented default %s changes the configuration",
		    k->path, k->dflt);
	config_free(&a);
	config_free(&b);
	buf_free(&f);
	ks->defaults++;
}

static void
test_schema_defaults(void **state)
{
	struct keys_seen ks = { NULL, 0, 0 };

	(void)state;
	yaml_schema_keys(check_default, &ks);
	assert_true(ks.defaults > 25);
}

static void
test_missing_file(void **state)
{
	struct capture c;
	struct config cfg;

	(void)state;
	capture_begin(&c);
	assert_int_equal(yaml_load_config("/nonexistent/ixp.yaml", &cfg, &c.d), -1);
	assert_contains(capture_text(&c), "/nonexistent/ixp.yaml: error: cannot open");
	assert_int_equal(yaml_load_config("/", &cfg, &c.d), -1);
	assert_contains(capture_text(&c), "not a regular file");
	capture_end(&c);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_good_defaults_and_overrides),
		cmocka_unit_test(test_huge_string),
		cmocka_unit_test(test_alias_bomb),
		cmocka_unit_test(test_depth_limit),
		cmocka_unit_test(test_node_limit),
		cmocka_unit_test(test_recursive_alias),
		cmocka_unit_test(test_missing_file),
		cmocka_unit_test(test_schema_matches_docs),
		cmocka_unit_test(test_schema_defaults),
	};
	int r = run_bad_corpus();

	return cmocka_run_group_tests(tests, NULL, NULL) + r;
}
