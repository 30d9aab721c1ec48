/* common/strutil: escaping and the small string helpers. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "buf.h"
#include "strutil.h"
#include "testutil.h"

static void
test_strutil(void **state)
{
	static const char *const keys[] = { "peering_lans", "route_servers", "rs_asn", "name" };
	struct buf b = BUF_INIT;

	(void)state;
	assert_string_equal(str_suggest("peering_lan", keys, 4), "peering_lans");
	assert_string_equal(str_suggest("rs_as", keys, 4), "rs_asn");
	assert_null(str_suggest("completely_else", keys, 4));
	assert_true(str_is_printable_utf8("Telef\xc3\xb3nica", 10));
	assert_false(str_is_printable_utf8("a\nb", 3));
	assert_false(str_is_printable_utf8("\xc3", 1));			/* truncated */
	assert_false(str_is_printable_utf8("\xc0\xaf", 2));		/* overlong */
	assert_false(str_is_printable_utf8("\xe2\x80\xae", 3));		/* RLO */
	str_quote_diag(&b, "a\"\n\x1b[31m", 8, 60);
	assert_string_equal(buf_str(&b), "\"a\\\"\\x0a\\x1b[31m\"");
	buf_reset(&b);
	str_quote_diag(&b, "abcdefgh", 8, 4);
	assert_string_equal(buf_str(&b), "\"abcd\"... (8 bytes)");
	buf_free(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_strutil),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
