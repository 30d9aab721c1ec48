/* common/asn: AS numbers in every spelling, and ranges of them. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "asn.h"
#include "testutil.h"

static void
test_asn_parse(void **state)
{
	uint32_t v;
	const int all = ASN_PLAIN | ASN_PREFIXED | ASN_ASDOT;

	(void)state;
	assert_true(asn_parse("64500", 5, ASN_PLAIN, &v) && v == 64500);
	assert_true(asn_parse("AS64500", 7, ASN_PREFIXED, &v) && v == 64500);
	assert_true(asn_parse("as64500", 7, ASN_PREFIXED, &v) && v == 64500);
	assert_false(asn_parse("AS64500", 7, ASN_PLAIN, &v));
	assert_true(asn_parse("4294967295", 10, ASN_PLAIN, &v) && v == 4294967295u);
	assert_false(asn_parse("4294967296", 10, ASN_PLAIN, &v));
	assert_false(asn_parse("99999999999", 11, ASN_PLAIN, &v));
	assert_false(asn_parse("-1", 2, ASN_PLAIN, &v));
	assert_false(asn_parse("0064500", 7, ASN_PLAIN, &v));
	assert_true(asn_parse("0", 1, ASN_PLAIN, &v) && v == 0);
	assert_true(asn_parse("AS1.10", 6, all, &v) && v == 65546);
	assert_false(asn_parse("AS1.10", 6, ASN_PREFIXED, &v));
	assert_false(asn_parse("AS65536.1", 9, all, &v));
	assert_false(asn_parse("", 0, all, &v));
	assert_false(asn_parse("AS", 2, all, &v));
}

static void
test_asn_ranges(void **state)
{
	struct asn_range r[2];
	uint32_t v[] = { 5, 3, 5, 1, 3 };

	(void)state;
	assert_true(asn_range_parse("64496-131071", 12, &r[0]));
	assert_int_equal(r[0].lo, 64496);
	assert_int_equal(r[0].hi, 131071);
	assert_true(asn_range_parse("23456", 5, &r[1]));
	assert_false(asn_range_parse("10-5", 4, &r[1]));
	assert_true(asn_in_ranges(100000, r, 2));
	assert_true(asn_in_ranges(23456, r, 2));
	assert_false(asn_in_ranges(3356, r, 2));
	assert_int_equal(asn_sort_unique(v, 5), 3);
	assert_int_equal(v[0], 1);
	assert_int_equal(v[2], 5);
	assert_true(asn_sorted_contains(v, 3, 3));
	assert_false(asn_sorted_contains(v, 3, 4));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_asn_parse),
		cmocka_unit_test(test_asn_ranges),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
