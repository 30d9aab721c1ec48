/* Addresses, prefixes, ASNs and IRR names (common/addr, asn; irrname). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "addr.h"
#include "buf.h"
#include "asn.h"
#include "irrname.h"
#include "strutil.h"
#include "testutil.h"

static enum addr_err
pp(const char *s, struct prefix *p)
{
	return prefix_parse(s, strlen(s), p);
}

static void
test_prefix_parse(void **state)
{
	static const struct {
		const char	*in;
		enum addr_err	 want;
		const char	*canon;
	} cases[] = {
		{ "192.0.2.0/24", ADDR_OK, "192.0.2.0/24" },
		{ "0.0.0.0/0", ADDR_OK, "0.0.0.0/0" },
		{ "192.0.2.1/32", ADDR_OK, "192.0.2.1/32" },
		{ "192.0.2.1/24", ADDR_HOSTBITS, "192.0.2.0/24" },
		{ "192.0.2.0/33", ADDR_LENGTH, NULL },
		{ "192.0.2/24", ADDR_SYNTAX, NULL },		/* abbreviated */
		{ "192.0.02.0/24", ADDR_SYNTAX, NULL },		/* leading zero */
		{ "192.0.2.0/", ADDR_SYNTAX, NULL },
		{ "192.0.2.0", ADDR_SYNTAX, NULL },
		{ "192.0.2.0/+4", ADDR_SYNTAX, NULL },
		{ "2001:DB8::/32", ADDR_OK, "2001:db8::/32" },	/* upper case */
		{ "2001:db8::1/64", ADDR_HOSTBITS, "2001:db8::/64" },
		{ "2001:db8::/129", ADDR_LENGTH, NULL },
		{ "::/0", ADDR_OK, "::/0" },
		{ "2001:db8:::/48", ADDR_SYNTAX, NULL },
		{ "", ADDR_SYNTAX, NULL },
		{ "192.0.2.0/24 ", ADDR_SYNTAX, NULL },
	};
	char buf[ADDR_STRLEN];

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(*cases); i++) {
		struct prefix p;
		enum addr_err e = pp(cases[i].in, &p);
		if (e != cases[i].want)
			fail_msg("%s: got %d want %d", cases[i].in, e, cases[i].want);
		if (cases[i].canon)
			assert_string_equal(prefix_format(&p, buf), cases[i].canon);
	}
}

static void
test_prefix_contains(void **state)
{
	struct prefix a, b, c, d;
	struct ipaddr ip;

	(void)state;
	pp("192.0.2.0/24", &a);
	pp("192.0.2.128/25", &b);
	pp("198.51.100.0/24", &c);
	pp("2001:db8::/32", &d);
	assert_true(prefix_contains(&a, &b));
	assert_false(prefix_contains(&b, &a));
	assert_false(prefix_contains(&a, &c));
	assert_false(prefix_contains(&a, &d));		/* family differs */
	assert_true(prefix_contains(&a, &a));
	ip_parse("192.0.2.200", 11, &ip);
	assert_true(prefix_contains_ip(&b, &ip));
	ip_parse("2001:db8::1", 11, &ip);
	assert_true(prefix_contains_ip(&d, &ip));
	assert_false(prefix_contains_ip(&a, &ip));
}

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
		cmocka_unit_test(test_prefix_parse),
		cmocka_unit_test(test_prefix_contains),
		cmocka_unit_test(test_asn_parse),
		cmocka_unit_test(test_asn_ranges),
		cmocka_unit_test(test_irrname),
		cmocka_unit_test(test_strutil),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
