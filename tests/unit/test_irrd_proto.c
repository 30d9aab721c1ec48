/*
 * compiler/sources/irrd_proto: IRRd answer framing: every answer type, any
 * split of the input, lengths that lie, size limits, garbage.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "buf.h"
#include "irrd_proto.h"
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

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_answer_type),
		cmocka_unit_test(test_lengths_that_lie),
		cmocka_unit_test(test_garbage),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
