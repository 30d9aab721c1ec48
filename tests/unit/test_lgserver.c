/* lgserver: the per-client rate limiter. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "lgserver.h"
#include "testutil.h"

static void
test_ratelimit(void **state)
{
	struct lg_ratelimit *rl = lg_ratelimit_new(2, 5);
	unsigned retry = 0;
	int64_t t = 1000000;

	(void)state;
	for (int i = 0; i < 5; i++)
		assert_true(lg_ratelimit_take(rl, "192.0.2.1", t, &retry));
	assert_false(lg_ratelimit_take(rl, "192.0.2.1", t, &retry));
	assert_true(retry >= 1);
	/* Another client is not affected. */
	assert_true(lg_ratelimit_take(rl, "2001:db8::/64", t, &retry));
	/* Half a second refills one request at 2 per second. */
	assert_true(lg_ratelimit_take(rl, "192.0.2.1", t + 500, &retry));
	assert_false(lg_ratelimit_take(rl, "192.0.2.1", t + 500, &retry));
	lg_ratelimit_free(rl);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_ratelimit),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
