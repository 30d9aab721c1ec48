/* The domain validators (common/validate): table-driven, both ways. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "validate.h"
#include "testutil.h"

struct vcase {
	bool		(*fn)(const char *s);
	const char	*name;
	const char	*s;
	bool		 ok;
};

static const struct vcase cases[] = {
	{ valid_ifname, "ifname", "ixp-m64501", true },
	{ valid_ifname, "ifname", "eth0.100", true },
	{ valid_ifname, "ifname", "a23456789012345", true },
	{ valid_ifname, "ifname", "a234567890123456", false },	/* 16: over IFNAMSIZ */
	{ valid_ifname, "ifname", "", false },
	{ valid_ifname, "ifname", "..", false },
	{ valid_ifname, "ifname", "eth 0", false },
	{ valid_ifname, "ifname", "eth0;rm", false },
	{ valid_ifname, "ifname", "\xc3\xa9th0", false },
	{ valid_hostname, "hostname", "rr.ntt.net", true },
	{ valid_hostname, "hostname", "2001:db8::1", true },
	{ valid_hostname, "hostname", "192.0.2.1", true },
	{ valid_hostname, "hostname", "-rr.example", false },
	{ valid_hostname, "hostname", "rr.example\"; }", false },
	{ valid_hostname, "hostname", "", false },
	{ valid_email, "email", "noc@example.net", true },
	{ valid_email, "email", "a.b+c@sub.example.net", true },
	{ valid_email, "email", "noc@localhost", false },
	{ valid_email, "email", "@example.net", false },
	{ valid_email, "email", "noc@exa@mple.net", false },
	{ valid_email, "email", "Noc <noc@example.net>", false },
	{ valid_email, "email", "noc@example.net,x@y.z", false },
	{ valid_phone, "phone", "+1 555 0100", true },
	{ valid_phone, "phone", "(030) 123-45.6/7", true },
	{ valid_phone, "phone", "+1 555 0100; x", false },
	{ valid_phone, "phone", "call me", false },
	{ valid_md5, "md5", "pw#1 {x}", true },
	{ valid_md5, "md5", "a\"b", false },
	{ valid_md5, "md5", "a\\b", false },
	{ valid_md5, "md5", "a\nb", false },
	{ valid_md5, "md5", "caf\xc3\xa9", false },
	{ valid_rs_name, "rs name", "rs1", true },
	{ valid_rs_name, "rs name", "rs_fra-2", true },
	{ valid_rs_name, "rs name", "rs.1", false },
	{ valid_rs_name, "rs name", "../rs", false },
	{ valid_rs_name, "rs name", "", false },
	{ valid_socket_path, "socket", "/run/bird/lg.ctl", true },
	{ valid_socket_path, "socket", "run/bird/lg.ctl", false },
	{ valid_socket_path, "socket", "/run/../etc/shadow", false },
	{ valid_socket_path, "socket", "/run/bird/lg ctl", false },
	{ valid_socket_path, "socket", "/run/bird/\"lg.ctl", false },
};

static void
test_text_validators(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(*cases); i++)
		if (cases[i].fn(cases[i].s) != cases[i].ok)
			fail_msg("%s \"%s\": want %s", cases[i].name, cases[i].s,
			    cases[i].ok ? "valid" : "invalid");
}

static void
test_mac(void **state)
{
	static const struct { const char *s; bool ok; uint8_t mac[6]; } macs[] = {
		{ "02:00:00:00:01:01", true, { 2, 0, 0, 0, 1, 1 } },
		{ "02-00-00-00-01-0A", true, { 2, 0, 0, 0, 1, 10 } },
		{ "0200.0000.01ff", true, { 2, 0, 0, 0, 1, 255 } },
		{ "02:00-00:00:01:01", false, { 0 } },
		{ "02:00:00:00:01", false, { 0 } },
		{ "02:00:00:00:01:0g", false, { 0 } },
		{ "0200.0000.01ff.", false, { 0 } },
		{ "", false, { 0 } },
	};
	uint8_t out[6];

	(void)state;
	for (size_t i = 0; i < sizeof(macs) / sizeof(*macs); i++) {
		bool ok = valid_mac(macs[i].s, strlen(macs[i].s), out);
		if (ok != macs[i].ok)
			fail_msg("MAC \"%s\": want %s", macs[i].s, macs[i].ok ? "valid" : "invalid");
		if (ok)
			assert_memory_equal(out, macs[i].mac, 6);
	}
}

static void
test_chars(void **state)
{
	(void)state;
	assert_true(valid_chars("abc-1", 5, "-"));
	assert_false(valid_chars("abc-1", 5, ""));
	assert_false(valid_chars("ab\0c", 4, ""));	/* an embedded NUL is never valid */
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_text_validators),
		cmocka_unit_test(test_mac),
		cmocka_unit_test(test_chars),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
