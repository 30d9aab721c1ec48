/*
 * IRRd answer framing (compiler/irrd_proto) and the PeeringDB helpers
 * (compiler/peeringdb): every answer type, any split of the input, lengths
 * that lie, size limits; irr_as_set normalisation and limits.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "buf.h"
#include "irrd_proto.h"
#include "peeringdb.h"
#include "testutil.h"

static int
collect(const struct irrd_answer *a, void *ctx)
{
	struct buf *b = ctx;

	buf_printf(b, "[%s:", irrd_status_name(a->st));
	buf_add(b, a->data, a->len);
	buf_puts(b, "]");
	return 0;
}

/* Parse `in` fed in chunks of `chunk` bytes; returns the answers rendered. */
static int
parse(const char *in, size_t len, size_t chunk, size_t max, struct buf *out, char *err)
{
	struct irrd_parser p;
	int r = 0;

	irrd_parser_init(&p, max);
	for (size_t off = 0; off < len && r == 0; off += chunk)
		r = irrd_parser_feed(&p, in + off, len - off < chunk ? len - off : chunk,
		    collect, out);
	if (err)
		strcpy(err, p.err);
	if (r == 0 && !irrd_parser_idle(&p))
		r = 1;	/* incomplete at the end */
	irrd_parser_free(&p);
	return r;
}

static void
test_every_answer_type(void **state)
{
	static const char in[] =
	    "C\nD\nE\nF Unrecognized command\nA24\nAS64496 AS64497 AS64498\nC\n"
	    "A2\n \nC\nF\nA6\nab\ncd\nC\r\nC\r\n";
	static const char want[] =
	    "[C:][D:][E:][F:Unrecognized command][A:AS64496 AS64497 AS64498][A: ][F:]"
	    "[A:ab\ncd][C:]";
	struct buf out = BUF_INIT;

	(void)state;
	/* Whole, byte by byte, and every chunk size in between. */
	for (size_t chunk = 1; chunk <= sizeof(in); chunk++) {
		buf_reset(&out);
		assert_int_equal(parse(in, sizeof(in) - 1, chunk, 1 << 20, &out, NULL), 0);
		if (strcmp(buf_str(&out), want) != 0)
			fail_msg("chunk %zu: got %s", chunk, buf_str(&out));
	}
	buf_free(&out);
}

static void
test_lengths_that_lie(void **state)
{
	struct buf out = BUF_INIT;
	char err[200];

	(void)state;
	/* Says 5, sends 9: the trailer is not "C". */
	assert_int_equal(parse("A5\n192.0.2.0\nC\n", 15, 4, 1 << 20, &out, err), -1);
	assert_contains(err, "not followed by C");
	/* Says 100, the connection ends: incomplete. */
	buf_reset(&out);
	assert_int_equal(parse("A100\n192.0.2.0/24\n", 18, 3, 1 << 20, &out, err), 1);
	assert_string_equal(buf_str(&out), "");
	/* Over the limit: refused before any payload is kept. */
	assert_int_equal(parse("A999999999999\n", 14, 14, 1 << 20, &out, err), -1);
	assert_contains(err, "larger than the limit");
	assert_int_equal(parse("A2000000\n", 9, 9, 1000000, &out, err), -1);
	/* Not a length, no length, zero. */
	assert_int_equal(parse("Ax\n", 3, 3, 100, &out, err), -1);
	assert_contains(err, "unexpected answer line \"Ax\"");
	assert_int_equal(parse("A\n", 2, 2, 100, &out, err), -1);
	assert_int_equal(parse("A0\nC\n", 5, 5, 100, &out, err), -1);
	buf_free(&out);
}

static void
test_garbage(void **state)
{
	struct buf out = BUF_INIT, big = BUF_INIT;
	char err[200];

	(void)state;
	assert_int_equal(parse("C\nHTTP/1.1 400 Bad Request\n", 27, 5, 100, &out, err), -1);
	assert_string_equal(buf_str(&out), "[C:]");	/* the good answer still came */
	assert_contains(err, "unexpected answer line \"HTTP/1.1 400 Bad Request\"");
	assert_int_equal(parse("\x1b[31m\n", 6, 6, 100, &out, err), -1);
	assert_contains(err, "\"?[31m\"");		/* escaped for the terminal */
	for (int i = 0; i < 2000; i++)
		buf_putc(&big, 'x');
	assert_int_equal(parse(big.p, big.len, 100, 100, &out, err), -1);
	assert_contains(err, "too long");
	buf_free(&out);
	buf_free(&big);
}

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
	assert_int_equal(pdb_limit(0), 115);
	assert_int_equal(pdb_limit(120), 253);
	assert_int_equal(pdb_limit(4000000000u), 10000000);
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
		cmocka_unit_test(test_every_answer_type),
		cmocka_unit_test(test_lengths_that_lie),
		cmocka_unit_test(test_garbage),
		cmocka_unit_test(test_pdb_as_sets),
		cmocka_unit_test(test_pdb_parse_and_limits),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
