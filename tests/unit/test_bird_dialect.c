/*
 * compiler/load/bird_dialect: the version gates, and which BIRD releases a
 * config written for a bird.version loads in without a warning (as
 * docs/configuration.md tabulates it): never across 2.x and 3.x, whose
 * grammars differ (the cli options).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "bird_dialect.h"
#include "testutil.h"

static void
test_gates(void **state)
{
	struct bird_dialect d;

	(void)state;
	bird_dialect_of(2, 0, &d);
	assert_false(d.typed_returns || d.aspa || d.restricted_cli || d.tcp_auth);
	bird_dialect_of(2, 14, &d);
	assert_true(d.typed_returns);
	assert_false(d.aspa);
	bird_dialect_of(2, 16, &d);
	assert_true(d.aspa && d.restricted_cli);
	assert_false(d.tcp_auth);
	bird_dialect_of(2, 17, &d);
	assert_true(d.tcp_auth);
	/* 3.0 is 2.16 merged; 3.1 has 2.17's TCP-AO and its authentication option. */
	assert_false(d.cli_semicolon);
	bird_dialect_of(3, 0, &d);
	assert_true(d.typed_returns && d.aspa && d.restricted_cli && d.cli_semicolon);
	assert_false(d.tcp_auth);
	bird_dialect_of(3, 3, &d);
	assert_true(d.tcp_auth);
}

static void
test_admits(void **state)
{
	static const struct {
		unsigned v[2], r[2];
		bool ok;
	} cases[] = {
		{ { 2, 0 }, { 2, 0 }, true }, { { 2, 0 }, { 2, 13 }, true },
		{ { 2, 0 }, { 2, 14 }, false },		/* it would infer return types, with a warning */
		{ { 2, 0 }, { 3, 3 }, false },
		{ { 2, 16 }, { 2, 16 }, true },
		{ { 2, 16 }, { 3, 0 }, false },		/* BIRD 3 wants { restrict; } */
		{ { 2, 16 }, { 2, 17 }, false },	/* it would warn about MD5 */
		{ { 2, 17 }, { 2, 19 }, true }, { { 2, 17 }, { 3, 1 }, false },
		{ { 2, 17 }, { 2, 16 }, false },
		{ { 3, 1 }, { 3, 3 }, true }, { { 3, 1 }, { 2, 17 }, false },	/* older */
		{ { 3, 0 }, { 3, 1 }, false },
	};

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		if (bird_dialect_admits(cases[i].v[0], cases[i].v[1], cases[i].r[0], cases[i].r[1]) !=
		    cases[i].ok)
			fail_msg("a config for %u.%u in BIRD %u.%u: want %s", cases[i].v[0],
			    cases[i].v[1], cases[i].r[0], cases[i].r[1], cases[i].ok ? "yes" : "no");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_gates),
		cmocka_unit_test(test_admits),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
