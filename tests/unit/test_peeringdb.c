/* compiler/sources/peeringdb: irr_as_set normalisation, the net records and their limits. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "buf.h"
#include "peeringdb.h"
#include "testutil.h"

static void
test_pdb_as_sets(void **state)
{
	static const struct {
		const char *in, *want;
		size_t bad;
	} cases[] = {
		{ "AS-EXAMPLE", "AS-EXAMPLE", 0 },
		{ "RIPE::AS-EXAMPLE", "RIPE::AS-EXAMPLE", 0 },
		{ "AS-EXAMPLE@RIPE", "RIPE::AS-EXAMPLE", 0 },
		{ "RIPE:AS-EXAMPLE", "RIPE::AS-EXAMPLE", 0 },
		{ "AS64500:AS-CUST", "AS64500:AS-CUST", 0 },	/* hierarchical, not a source */
		{ "ipv4: AS-FOUR ipv6: AS-SIX", "AS-FOUR AS-SIX", 0 },
		{ "ipv4:AS-FOUR, ipv6:AS-SIX", "AS-FOUR AS-SIX", 0 },
		{ "AS-A / AS-B & AS-C", "AS-A AS-B AS-C", 0 },
		{ "as-lower", "AS-LOWER", 0 },
		{ "AS64500", "AS64500", 0 },
		{ "see our website", "", 3 },
		{ "AS-OK; DROP TABLE", "AS-OK", 2 },
		{ "", "", 0 },
	};

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(*cases); i++) {
		size_t n, bad;
		char **v = pdb_as_sets(cases[i].in, &n, &bad);
		struct buf b = BUF_INIT;
		for (size_t k = 0; k < n; k++) {
			buf_printf(&b, "%s%s", k ? " " : "", v[k]);
			free(v[k]);
		}
		free(v);
		if (strcmp(buf_str(&b), cases[i].want) != 0 || bad != cases[i].bad)
			fail_msg("\"%s\": got \"%s\" (%zu bad), want \"%s\" (%zu bad)", cases[i].in,
			    buf_str(&b), bad, cases[i].want, cases[i].bad);
		buf_free(&b);
	}
}

static void
test_pdb_parse_and_limits(void **state)
{
	static const char doc[] = "{\"meta\":{},\"data\":["
	    "{\"asn\":64502,\"irr_as_set\":\"AS-TWO\",\"info_prefixes4\":120,\"info_prefixes6\":null,"
	    "\"info_never_via_route_servers\":false},"
	    "{\"asn\":64501,\"irr_as_set\":\"\",\"info_prefixes4\":0,\"info_prefixes6\":40,"
	    "\"info_never_via_route_servers\":true},"
	    "{\"asn\":\"bad\"},{\"asn\":-1},{\"asn\":4294967296}],"
	    "\"never_via_route_servers\":[64511, 64501, \"x\"]}";
	struct pdb p = { NULL, 0, NULL, 0, 0 };
	struct capture c;
	const struct pdb_net *n;
	struct buf out = BUF_INIT;
	struct pdb back = { NULL, 0, NULL, 0, 0 };
	static const char err_doc[] = "{\"meta\":{\"error\":\"Rate\\u001b[31m\"}}";
	static const char dup_doc[] = "{\"data\":[{\"asn\":1,\"asn\":2}]}";

	(void)state;
	capture_begin(&c);
	assert_int_equal(pdb_parse(&p, doc, sizeof(doc) - 1, "pdb", &c.d), 0);
	pdb_finalize(&p);
	assert_int_equal(p.n, 2);
	assert_int_equal(p.n_never, 2);
	assert_int_equal(p.never_via_rs[0], 64501);
	n = pdb_find(&p, 64502);
	assert_non_null(n);
	assert_string_equal(n->irr_as_set, "AS-TWO");
	assert_int_equal(n->prefixes[0], 120);
	assert_int_equal(n->prefixes[1], 0);
	assert_null(pdb_find(&p, 64501)->irr_as_set);
	assert_null(pdb_find(&p, 64599));
	/* The cache document reads back the same. */
	pdb_to_json(&p, &out);
	assert_int_equal(pdb_parse(&back, out.p, out.len, "cache", &c.d), 0);
	pdb_finalize(&back);
	assert_int_equal(back.n, 2);
	assert_int_equal(back.n_never, 2);
	assert_int_equal(pdb_limit(0, 100, 15), 115);
	assert_int_equal(pdb_limit(120, 100, 15), 253);
	assert_int_equal(pdb_limit(4000000000u, 100, 15), 10000000);
	/* Other headroom: (n + 10) * 1.5; none at all. */
	assert_int_equal(pdb_limit(120, 10, 50), 195);
	assert_int_equal(pdb_limit(120, 0, 0), 120);
	assert_int_equal(pdb_limit(4000000000u, 1000000, 1000), 10000000);
	assert_int_equal(pdb_parse(&back, "[]", 2, "bad.json", &c.d), -1);
	assert_contains(capture_text(&c), "bad.json:1:1: error: invalid JSON: '{' expected");
	assert_int_equal(pdb_parse(&back, err_doc, strlen(err_doc), "err.json", &c.d), -1);
	assert_contains(capture_text(&c), "err.json: error: not a PeeringDB answer: \"Rate\\x1b[31m\"");
	/* A record with two asn keys: which one is meant? Refused. */
	assert_int_equal(pdb_parse(&back, dup_doc, strlen(dup_doc), "dup.json", &c.d), -1);
	assert_contains(capture_text(&c), "dup.json:1:");
	assert_contains(capture_text(&c), "duplicate object key");
	pdb_free(&p);
	pdb_free(&back);
	buf_free(&out);
	capture_end(&c);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_pdb_as_sets),
		cmocka_unit_test(test_pdb_parse_and_limits),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
