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

static void
test_bad_corpus(void **state)
{
	DIR *d = opendir(CORPUS);
	struct dirent *de;
	char **names = NULL;
	size_t n = 0;

	(void)state;
	assert_non_null(d);
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
	assert_true(n >= 50);
	qsort(names, n, sizeof(*names), cmp_str);
	for (size_t i = 0; i < n; i++) {
		check_corpus_file(names[i]);
		free(names[i]);
	}
	free(names);
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
	assert_string_equal(cfg.src.vrps.path, "/etc/ixp/rpki/v.json");
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
		cmocka_unit_test(test_bad_corpus),
		cmocka_unit_test(test_good_defaults_and_overrides),
		cmocka_unit_test(test_huge_string),
		cmocka_unit_test(test_alias_bomb),
		cmocka_unit_test(test_depth_limit),
		cmocka_unit_test(test_node_limit),
		cmocka_unit_test(test_recursive_alias),
		cmocka_unit_test(test_missing_file),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
