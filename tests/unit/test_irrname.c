/* compiler/sources/irrname: AS-SET and source names as the IRR spells them. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "buf.h"
#include "irrname.h"
#include "testutil.h"

static void
test_irrname(void **state)
{
	struct irrname n;
	const char *why;

	(void)state;
	assert_true(irrname_parse("AS-EXAMPLE", 10, &n, &why));
	assert_int_equal(n.kind, IRRNAME_ASSET);
	assert_string_equal(n.name, "AS-EXAMPLE");
	assert_true(irrname_parse("as64500:as-customers", 20, &n, &why));
	assert_string_equal(n.name, "AS64500:AS-CUSTOMERS");
	assert_true(irrname_parse("RIPE::AS-FOO", 12, &n, &why));
	assert_string_equal(n.source, "RIPE");
	assert_string_equal(n.name, "AS-FOO");
	assert_true(irrname_parse("AS64500", 7, &n, &why));
	assert_int_equal(n.kind, IRRNAME_ASN);
	assert_int_equal(n.asn, 64500);
	assert_true(irrname_parse("AS-FOO:AS64500", 14, &n, &why));
	assert_false(irrname_parse("AS64500:AS64501", 15, &n, &why));	/* no set component */
	assert_false(irrname_parse("AS-FOO;", 7, &n, &why));
	assert_false(irrname_parse("AS-FOO\"", 7, &n, &why));
	assert_false(irrname_parse("AS-FOO{}", 8, &n, &why));
	assert_false(irrname_parse("RS-FOO", 6, &n, &why));
	assert_false(irrname_parse("AS-FOO:", 7, &n, &why));
	assert_false(irrname_parse("::AS-FOO", 8, &n, &why));
	assert_false(irrname_parse("", 0, &n, &why));
	assert_non_null(why);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_irrname),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
