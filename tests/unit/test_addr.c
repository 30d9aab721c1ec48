/* common/addr: prefixes and addresses, parsed and compared. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <arpa/inet.h>
#include <stdio.h>

#include "addr.h"
#include "buf.h"
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
		{ "255.255.255.255/32", ADDR_OK, "255.255.255.255/32" },
		{ "10.100.9.248/29", ADDR_OK, "10.100.9.248/29" },
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

/* IPv4 text is made by hand (the emitters print millions): the same as
 * inet_ntop for every octet value in every position. */
static void
test_ip4_format(void **state)
{
	char want[INET_ADDRSTRLEN], got[ADDR_STRLEN];
	struct buf b = BUF_INIT;

	(void)state;
	for (int pos = 0; pos < 4; pos++) {
		for (unsigned v = 0; v < 256; v++) {
			uint32_t x = (0x01020304u & ~(0xffu << (8 * pos))) | (v << (8 * pos));
			struct ipaddr ip = { (u128)x << 96, AF4 };
			uint8_t be[4] = { x >> 24, x >> 16, x >> 8, x };

			inet_ntop(AF_INET, be, want, sizeof(want));
			assert_string_equal(ip_format(&ip, got), want);
		}
	}
	for (unsigned long v = 1; v < 100000000000ul; v = v * 10 + 7) {
		char t[32];

		buf_reset(&b);
		buf_put_uint(&b, v);
		snprintf(t, sizeof(t), "%lu", v);
		assert_string_equal(buf_str(&b), t);
	}
	buf_reset(&b);
	buf_put_uint(&b, 0);
	buf_put_uint(&b, 4294967295ul);
	assert_string_equal(buf_str(&b), "04294967295");
	buf_free(&b);
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

/* Blacklist entries: P+ by default, P alone, P{ge,le}. */
static void
test_pfxrange(void **state)
{
	struct prefix a, p;
	struct pfxrange r;
	char tmp[PFXRANGE_STRLEN];

	(void)state;
	pp("198.51.100.0/24", &a);
	r = pfxrange_orlonger(&a);
	assert_string_equal(pfxrange_format(&r, tmp), "198.51.100.0/24+");
	pp("198.51.100.1/32", &p);
	assert_true(pfxrange_match(&r, &p));
	r.ge = 29;
	assert_string_equal(pfxrange_format(&r, tmp), "198.51.100.0/24{29,32}");
	assert_true(pfxrange_match(&r, &p));
	pp("198.51.100.0/28", &p);
	assert_false(pfxrange_match(&r, &p));		/* too short */
	r.ge = r.le = 24;
	assert_string_equal(pfxrange_format(&r, tmp), "198.51.100.0/24");
	assert_true(pfxrange_match(&r, &a));
	assert_false(pfxrange_match(&r, &p));
	pp("198.51.0.0/16", &p);
	assert_false(pfxrange_match(&r, &p));		/* covers it: not inside */
	pp("2001:db8::/32", &a);
	r = pfxrange_orlonger(&a);
	assert_int_equal(r.le, 128);
	pp("198.51.100.0/24", &p);
	assert_false(pfxrange_match(&r, &p));		/* family differs */
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_prefix_parse),
		cmocka_unit_test(test_ip4_format),
		cmocka_unit_test(test_prefix_contains),
		cmocka_unit_test(test_pfxrange),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
