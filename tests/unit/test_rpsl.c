/* compiler/sources/rpsl: RPSL lexical rules, objects and dump files. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <unistd.h>
#include <zlib.h>
#include "buf.h"
#include "rpsl.h"
#include "testutil.h"

/* Objects rendered as "name=value|name=value\n", newlines in values as '/'. */
static int
collect(const struct rpsl_obj *o, void *ctx)
{
	struct buf *b = ctx;

	for (size_t i = 0; i < o->n; i++) {
		buf_printf(b, "%s%s=", i ? "|" : "", o->attrs[i].name);
		for (size_t k = 0; k < o->attrs[i].value_len; k++)
			buf_putc(b, o->attrs[i].value[k] == '\n' ? '/' : o->attrs[i].value[k]);
		assert_int_equal(strlen(o->attrs[i].value), o->attrs[i].value_len);
	}
	buf_putc(b, '\n');
	return 0;
}

static char *
lex(const char *text, size_t chunk, struct rpsl_stats *st)
{
	struct buf b = BUF_INIT;
	struct rpsl_reader *r = rpsl_new(collect, &b);
	size_t len = strlen(text);

	if (chunk == 0)
		chunk = len ? len : 1;
	for (size_t off = 0; off < len; off += chunk)
		rpsl_feed(r, text + off, len - off < chunk ? len - off : chunk);
	rpsl_finish(r);
	if (st)
		*st = *rpsl_stats(r);
	rpsl_free(r);
	return buf_steal(&b);
}

static void
check_lex(const char *text, const char *want)
{
	char *got = lex(text, 0, NULL);
	char *bytewise = lex(text, 1, NULL);

	assert_string_equal(got, want);
	/* Any chunking gives the same objects. */
	assert_string_equal(bytewise, want);
	free(got);
	free(bytewise);
}

static void
test_paragraphs(void **state)
{
	(void)state;
	check_lex("route: 192.0.2.0/24\norigin: AS64500\n\nroute: 198.51.100.0/24\norigin: AS64501\n",
	    "route=192.0.2.0/24|origin=AS64500\nroute=198.51.100.0/24|origin=AS64501\n");
	/* Several empty lines, and no newline after the last object. */
	check_lex("\n\n\naut-num: AS1\n\n\n\nas-set: AS-X", "aut-num=AS1\nas-set=AS-X\n");
}

static void
test_comment_lines(void **state)
{
	(void)state;
	check_lex("# file header\n% whois banner\n\nroute: 192.0.2.0/24\n% inside\n# also\norigin: AS1\n",
	    "route=192.0.2.0/24|origin=AS1\n");
}

static void
test_continuation(void **state)
{
	(void)state;
	check_lex("members: AS1, AS2,\n AS3\n\tAS4\n+AS5\n+\nsource: RIPE\n",
	    "members=AS1, AS2,/AS3/AS4/AS5|source=RIPE\n");
	/* A continuation that is only a comment adds nothing. */
	check_lex("members: AS1\n  # nothing here\n+ AS2 # two\n",
	    "members=AS1/AS2\n");
	/* An attribute with an empty first line. */
	check_lex("members:\n AS1\n", "members=AS1\n");
}

static void
test_eol_comments_and_case(void **state)
{
	(void)state;
	check_lex("Route:  192.0.2.0/24   # a comment\nORIGIN:\tAS64500\nsource: RIPE # Filtered\n",
	    "route=192.0.2.0/24|origin=AS64500|source=RIPE\n");
}

static void
test_crlf(void **state)
{
	(void)state;
	check_lex("route: 192.0.2.0/24\r\norigin: AS1\r\n\r\nroute: 198.51.100.0/24\r\n origin2\r\n",
	    "route=192.0.2.0/24|origin=AS1\nroute=198.51.100.0/24/origin2\n");
}

static void
test_repeated_attributes(void **state)
{
	(void)state;
	check_lex("as-set: AS-X\nmembers: AS1\nmembers: AS2\nmembers: AS-Y\n",
	    "as-set=AS-X|members=AS1|members=AS2|members=AS-Y\n");
}

static void
test_whitespace_lines(void **state)
{
	(void)state;
	/* A line of spaces is not an object boundary (IRRd): it continues. */
	check_lex("route: 192.0.2.0/24\n   \norigin: AS1\n", "route=192.0.2.0/24|origin=AS1\n");
	/* Between objects it is noise. */
	check_lex("route: 192.0.2.0/24\n\n   \n\nroute: 198.51.100.0/24\n",
	    "route=192.0.2.0/24\nroute=198.51.100.0/24\n");
}

static void
test_bad_objects(void **state)
{
	struct rpsl_stats st;
	char *got;

	(void)state;
	got = lex("route: 192.0.2.0/24\nthis line has no colon\norigin: AS1\n\n"
	    "route: 198.51.100.0/24\n\n"
	    " orphan continuation\nfoo: bar\n\n"
	    "bad name!: x\n\n"
	    ": empty name\n\n"
	    "as-set: AS-OK\n", 7, &st);
	assert_string_equal(got, "route=198.51.100.0/24\nas-set=AS-OK\n");
	assert_int_equal(st.skipped[RPSL_SKIP_SYNTAX], 4);
	assert_int_equal(st.objects, 2);
	assert_int_equal(st.first_bad_line, 2);
	free(got);
}

static void
tokcb(const char *s, size_t n, void *ctx)
{
	struct buf *b = ctx;

	buf_putc(b, '[');
	buf_add(b, s, n);
	buf_putc(b, ']');
}

static void
test_tokens(void **state)
{
	struct buf b = BUF_INIT;
	const char *v = "AS1, AS2,AS3\nAS4 ,, AS-X";
	const char *tok;

	(void)state;
	rpsl_tokens(v, strlen(v), tokcb, &b);
	assert_string_equal(buf_str(&b), "[AS1][AS2][AS3][AS4][AS-X]");
	assert_int_equal(rpsl_first_token(" RIPE # x", 9, &tok), 4);
	assert_memory_equal(tok, "RIPE", 4);
	buf_free(&b);
}

static const char sample[] =
	"route: 192.0.2.0/24\norigin: AS64500\nsource: TEST\n\n"
	"route6: 2001:db8::/32\norigin: AS64500\nsource: TEST\n";

static void
write_gz(const char *path, const char *data, size_t len)
{
	gzFile gz = gzopen(path, "wb");

	assert_non_null(gz);
	assert_int_equal(gzwrite(gz, data, (unsigned)len), (int)len);
	gzclose(gz);
}

static void
test_files(void **state)
{
	char plain[] = "/tmp/ixp-rpsl-XXXXXX", gzp[] = "/tmp/ixp-rpslgz-XXXXXX";
	char err[256];
	struct buf b = BUF_INIT;
	struct rpsl_stats st;
	int fd;
	FILE *f;
	char *gzdata;
	long gzlen;

	(void)state;
	fd = mkstemp(plain);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, sample, sizeof(sample) - 1), (ssize_t)sizeof(sample) - 1);
	close(fd);
	assert_int_equal(rpsl_read_file(plain, NULL, collect, &b, NULL, &st, err, sizeof(err)), 0);
	assert_int_equal(st.objects, 2);

	fd = mkstemp(gzp);
	close(fd);
	write_gz(gzp, sample, sizeof(sample) - 1);
	buf_reset(&b);
	assert_int_equal(rpsl_read_file(gzp, NULL, collect, &b, NULL, &st, err, sizeof(err)), 0);
	assert_int_equal(st.objects, 2);
	assert_contains(buf_str(&b), "route6=2001:db8::/32");

	/* A truncated gzip dump must be refused, not half-read. */
	f = fopen(gzp, "rb");
	fseek(f, 0, SEEK_END);
	gzlen = ftell(f);
	rewind(f);
	gzdata = malloc((size_t)gzlen);
	assert_int_equal(fread(gzdata, 1, (size_t)gzlen, f), (size_t)gzlen);
	fclose(f);
	f = fopen(gzp, "wb");
	fwrite(gzdata, 1, (size_t)gzlen - 12, f);
	fclose(f);
	free(gzdata);
	assert_int_equal(rpsl_read_file(gzp, NULL, collect, &b, NULL, &st, err, sizeof(err)), -1);
	assert_contains(err, "read error");

	assert_int_equal(rpsl_read_file("/nonexistent/dump", NULL, collect, &b, NULL, &st, err,
	    sizeof(err)), -1);
	assert_contains(err, "cannot open");
	unlink(plain);
	unlink(gzp);
	buf_free(&b);
}

/* Each whole-file limit, driven with small values. */
static void
test_file_limits(void **state)
{
	char path[] = "/tmp/ixp-rpsllim-XXXXXX";
	struct rpsl_limits lim = rpsl_limits_default;
	struct rpsl_stats st;
	struct buf big = BUF_INIT, b = BUF_INIT;
	char err[256];
	int fd;

	(void)state;
	for (int i = 0; i < 2000; i++)
		buf_printf(&big, "route: 192.0.2.0/24\norigin: AS64496\nsource: TEST\n\n");
	fd = mkstemp(path);
	assert_true(fd >= 0);
	close(fd);
	write_gz(path, big.p, big.len);
	/* The defaults read it (it compresses about 200-fold, but is small). */
	assert_int_equal(rpsl_read_file(path, NULL, collect, &b, NULL, &st, err, sizeof(err)), 0);
	assert_int_equal(st.objects, 2000);
	lim.max_bytes = 10000;
	assert_int_equal(rpsl_read_file(path, &lim, collect, &b, NULL, &st, err, sizeof(err)), -1);
	assert_contains(err, "more than 10000 bytes of RPSL");
	lim = rpsl_limits_default;
	lim.ratio_after = 1000;
	assert_int_equal(rpsl_read_file(path, &lim, collect, &b, NULL, &st, err, sizeof(err)), -1);
	assert_contains(err, "gzip expands it more than 100-fold");
	buf_reset(&big);
	for (int i = 0; i < 5000; i++)
		buf_puts(&big, "\n% comment\n");
	buf_printf(&big, "route: 192.0.2.0/24\norigin: AS64496\nsource: TEST\n");
	write_gz(path, big.p, big.len);
	lim = rpsl_limits_default;
	lim.max_empty = 1000;
	assert_int_equal(rpsl_read_file(path, &lim, collect, &b, NULL, &st, err, sizeof(err)), -1);
	assert_contains(err, "no RPSL object in its first 1000 bytes");
	unlink(path);
	buf_free(&big);
	buf_free(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_paragraphs),
		cmocka_unit_test(test_comment_lines),
		cmocka_unit_test(test_continuation),
		cmocka_unit_test(test_eol_comments_and_case),
		cmocka_unit_test(test_crlf),
		cmocka_unit_test(test_repeated_attributes),
		cmocka_unit_test(test_whitespace_lines),
		cmocka_unit_test(test_bad_objects),
		cmocka_unit_test(test_tokens),
		cmocka_unit_test(test_files),
		cmocka_unit_test(test_file_limits),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
