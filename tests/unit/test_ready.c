/*
 * common/ready: the readiness advice `ixp-rsc readiness` and the looking
 * glass's member page both give, from the compile's facts and the routes a
 * route server holds.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "ready.h"
#include "testutil.h"

static const char *
reason(const void *ctx, int code, const char **hint)
{
	(void)ctx;
	*hint = reason_get(code)->hint;
	return reason_get(code)->text;
}

static void
free_fixes(char **v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i]);
}

/* Where a text is in the list; -1 if nowhere. */
static int
at(char **v, size_t n, const char *needle)
{
	for (size_t i = 0; i < n; i++)
		if (strstr(v[i], needle) != NULL)
			return (int)i;
	return -1;
}

static void
test_live_counts(void **state)
{
	struct ready_live l, sum;

	(void)state;
	memset(&l, 0, sizeof(l));
	ready_live_add(&l, false, 0, RPKI_TAG_VALID, "192.0.2.0/24");
	ready_live_add(&l, true, REJ_IRR_PREFIX, RPKI_TAG_UNKNOWN, "198.51.100.0/25");
	ready_live_add(&l, true, REJ_IRR_PREFIX, RPKI_TAG_UNKNOWN, "198.51.100.128/25");
	/* Tags a route server of another convention might carry: untagged. */
	ready_live_add(&l, true, 4000, 77, "203.0.113.0/24");
	assert_int_equal(l.announced, 4);
	assert_int_equal(l.accepted, 1);
	assert_int_equal(l.filtered, 3);
	assert_int_equal(l.by_reason[REJ_IRR_PREFIX], 2);
	assert_int_equal(l.by_reason[0], 1);
	assert_int_equal(l.rpki[0], 1);
	assert_int_equal(l.rpki[RPKI_TAG_UNKNOWN], 2);
	assert_string_equal(l.example[REJ_IRR_PREFIX], "198.51.100.0/25");
	memset(&sum, 0, sizeof(sum));
	ready_live_sum(&sum, &l);
	ready_live_sum(&sum, &l);
	assert_int_equal(sum.announced, 8);
	assert_int_equal(sum.by_reason[REJ_IRR_PREFIX], 4);
	assert_string_equal(sum.example[REJ_IRR_PREFIX], "198.51.100.0/25");
}

static void
test_fixes_in_order(void **state)
{
	const char *advice[] = { "AS-SET AS-X not found in the IRR data; register it" };
	struct ready_facts f = { { 3, 1 }, { 1, 0 }, 1, "192.0.2.0/24 AS64501", true, advice, 1 };
	struct ready_live l;
	char *fx[READY_MAX_FIXES];
	size_t n;

	(void)state;
	memset(&l, 0, sizeof(l));
	ready_live_add(&l, true, REJ_BOGON_PREFIX, 0, "10.0.0.0/8");
	ready_live_add(&l, true, REJ_IRR_PREFIX, RPKI_TAG_UNKNOWN, "198.51.100.0/25");
	ready_live_add(&l, true, REJ_RPKI_INVALID, RPKI_TAG_INVALID, "198.51.100.64/28");
	n = ready_fixes(&f, &l, reason, NULL, fx);
	assert_int_equal(n, 6);
	/* What filters routes now, the most damaging first; then the data. */
	assert_int_equal(at(fx, n, "RPKI invalid (e.g. 198.51.100.64/28)"), 0);
	assert_int_equal(at(fx, n, "no route object (e.g. 198.51.100.0/25)"), 1);
	assert_int_equal(at(fx, n, "Bogon prefix (e.g. 10.0.0.0/8)"), 2);
	assert_int_equal(at(fx, n, "1 registered route object is RPKI invalid (e.g. 192.0.2.0/24"), 3);
	assert_int_equal(at(fx, n, "AS-SET AS-X not found"), 4);
	assert_int_equal(at(fx, n, "3 of 4 route objects have no covering ROA"), 5);
	assert_false(ready_irr_complete(&f, &l));
	assert_true(ready_irr_complete(&f, NULL));
	assert_false(ready_roa_complete(&f));
	free_fixes(fx, n);
	/* The compile data alone: nothing about routes. */
	n = ready_fixes(&f, NULL, reason, NULL, fx);
	assert_int_equal(n, 3);
	assert_int_equal(at(fx, n, "announced"), -1);
	free_fixes(fx, n);
}

static void
test_fixes_edges(void **state)
{
	const char *advice[READY_MAX_FIXES + 5];
	struct ready_facts none = { { 0, 0 }, { 0, 0 }, 0, NULL, true, NULL, 0 };
	struct ready_facts done = { { 2, 1 }, { 2, 1 }, 0, NULL, true, NULL, 0 };
	struct ready_facts many = done;
	char *fx[READY_MAX_FIXES];
	size_t n;

	(void)state;
	/* A member with a session and no route object is told so. */
	n = ready_fixes(&none, NULL, reason, NULL, fx);
	assert_int_equal(n, 1);
	assert_non_null(strstr(fx[0], "no route objects found"));
	free_fixes(fx, n);
	none.connected = false;
	assert_int_equal(ready_fixes(&none, NULL, reason, NULL, fx), 0);
	/* Complete data: nothing to fix. */
	assert_int_equal(ready_fixes(&done, NULL, reason, NULL, fx), 0);
	assert_true(ready_roa_complete(&done));
	assert_true(ready_irr_complete(&done, NULL));
	/* Never more than READY_MAX_FIXES, however much advice. */
	for (size_t i = 0; i < sizeof(advice) / sizeof(advice[0]); i++)
		advice[i] = "check the AS-SET";
	many.advice = advice;
	many.n_advice = sizeof(advice) / sizeof(advice[0]);
	n = ready_fixes(&many, NULL, reason, NULL, fx);
	assert_int_equal(n, READY_MAX_FIXES);
	free_fixes(fx, n);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_live_counts),
		cmocka_unit_test(test_fixes_in_order),
		cmocka_unit_test(test_fixes_edges),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
