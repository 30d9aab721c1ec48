/* Prefix-set building and aggregation (compiler/pfxset): lossless. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "buf.h"
#include "pfxset.h"
#include "testutil.h"

static struct prefix
P(const char *s)
{
	struct prefix p;

	assert_int_equal(prefix_parse(s, strlen(s), &p), ADDR_OK);
	return p;
}

static char *
render(const struct pfxset *s)
{
	struct buf b = BUF_INIT;
	char tmp[ADDR_STRLEN + 16];

	for (size_t i = 0; i < s->n; i++)
		buf_printf(&b, "%s%s", i ? " " : "", pfx_range_format(&s->v[i], tmp, sizeof(tmp)));
	return buf_steal(&b);
}

static void
check_build(const char *const *in, size_t n, unsigned upto, const char *want)
{
	struct prefix v[16];
	struct pfxset s;
	char *got;

	for (size_t i = 0; i < n; i++)
		v[i] = P(in[i]);
	pfxset_build(v, n, upto, &s);
	got = render(&s);
	assert_string_equal(got, want);
	free(got);
	pfxset_free(&s);
}

static void
test_aggregation_examples(void **state)
{
	static const char *const siblings[] = { "192.0.2.0/25", "192.0.2.128/25" };
	static const char *const with_parent[] = { "192.0.2.0/24", "192.0.2.0/25", "192.0.2.128/25" };
	static const char *const deep[] = { "10.0.0.0/26", "10.0.0.64/26", "10.0.0.128/26", "10.0.0.192/26" };
	static const char *const lone[] = { "198.51.100.0/24", "203.0.113.0/25" };
	static const char *const covered[] = { "10.0.0.0/16", "10.0.5.0/24", "10.1.0.0/16" };
	static const char *const v6[] = { "2001:db8::/33", "2001:db8:8000::/33", "2001:db8::/48" };
	static const char *const dup[] = { "192.0.2.0/24", "192.0.2.0/24" };

	(void)state;
	check_build(siblings, 2, 0, "192.0.2.0/24{25,25}");
	check_build(with_parent, 3, 0, "192.0.2.0/24{24,25}");
	check_build(deep, 4, 0, "10.0.0.0/24{26,26}");
	check_build(lone, 2, 0, "198.51.100.0/24 203.0.113.0/25");
	check_build(dup, 2, 0, "192.0.2.0/24");
	/* More-specifics allowed up to /24: 10.0.5.0/24 is inside 10.0.0.0/16{16,24}. */
	check_build(covered, 3, 24, "10.0.0.0/15{16,24}");
	check_build(covered, 3, 0, "10.0.0.0/15{16,16} 10.0.5.0/24");
	/* Blackhole form: covered by a registered prefix, down to /32. */
	check_build(covered, 3, 32, "10.0.0.0/15{16,32}");
	check_build(v6, 3, 0, "2001:db8::/32{33,33} 2001:db8::/48");
	check_build(v6, 3, 128, "2001:db8::/32{33,128}");
	check_build(NULL, 0, 0, "");
}

/* A prefix matches the input list directly: some p with p.len <= q.len <=
 * max(p.len, upto) containing q. */
static bool
naive(const struct prefix *in, size_t n, unsigned upto, const struct prefix *q)
{
	for (size_t i = 0; i < n; i++) {
		unsigned hi = upto > in[i].len ? upto : in[i].len;
		if (prefix_contains(&in[i], q) && q->len <= hi)
			return true;
	}
	return false;
}

static void
test_random_lossless(void **state)
{
	const unsigned uppers[] = { 0, 22, 24, 26, 32 };
	struct prefix base = P("10.0.0.0/16");
	unsigned seed = 12345;

	(void)state;
	for (int iter = 0; iter < 300; iter++) {
		struct prefix in[60];
		size_t n = (size_t)(iter % 59) + 1;
		unsigned upto = uppers[iter % 5];
		struct pfxset s;

		for (size_t i = 0; i < n; i++) {
			unsigned len;
			seed = seed * 1103515245u + 12345u;
			len = 16 + (seed >> 16) % 11;		/* /16../26 */
			seed = seed * 1103515245u + 12345u;
			in[i].af = AF4;
			in[i].len = (uint8_t)len;
			in[i].a = (base.a | ((u128)(seed & 0xffff) << 96)) & mask128(len);
		}
		pfxset_build(in, n, upto, &s);
		for (size_t i = 0; i < s.n; i++) {
			assert_true(s.v[i].lo >= s.v[i].len);
			assert_true(s.v[i].hi >= s.v[i].lo);
			assert_true(s.v[i].hi <= 32);
		}
		/* Every prefix inside 10.0.0.0/16 from /16 to /28, and a few
		 * outside, must match exactly when the input list does. */
		for (unsigned len = 14; len <= 28; len++) {
			unsigned count = len <= 16 ? 1 : 1u << (len - 16);
			for (unsigned k = 0; k < count; k++) {
				struct prefix q = { (base.a | ((u128)k << (128 - len))) & mask128(len),
				    (uint8_t)len, AF4 };
				if (naive(in, n, upto, &q) != pfxset_match(&s, &q)) {
					char t[ADDR_STRLEN];
					char *r = render(&s);
					fail_msg("iter %d upto %u: %s differs; set %s", iter, upto,
					    prefix_format(&q, t), r);
				}
			}
		}
		pfxset_free(&s);
	}
}

static void
test_equal_and_hash(void **state)
{
	static const char *const a[] = { "192.0.2.0/25", "192.0.2.128/25" };
	struct prefix v1[2] = { P(a[0]), P(a[1]) }, v2[1] = { P("192.0.2.0/24") };
	struct pfxset s1, s2, s3;

	(void)state;
	pfxset_build(v1, 2, 0, &s1);
	pfxset_build(v1, 2, 0, &s2);
	pfxset_build(v2, 1, 0, &s3);
	assert_true(pfxset_equal(&s1, &s2));
	assert_int_equal(pfxset_hash(&s1), pfxset_hash(&s2));
	assert_false(pfxset_equal(&s1, &s3));
	assert_true(pfxset_hash(&s1) != pfxset_hash(&s3));
	pfxset_free(&s1);
	pfxset_free(&s2);
	pfxset_free(&s3);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_aggregation_examples),
		cmocka_unit_test(test_random_lossless),
		cmocka_unit_test(test_equal_and_hash),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
