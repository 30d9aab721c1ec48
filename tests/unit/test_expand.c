/* AS-SET expansion (compiler/expand) against an in-memory IRR database. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "buf.h"
#include "expand.h"
#include "irrdb.h"
#include "testutil.h"

static const struct asn_range bogons[] = { { 64512, 65534 }, { 4200000000u, 4294967295u } };

static struct expand_opts
opts(void)
{
	struct expand_opts o = { 20, 100000, 1000000, bogons, 2, true };
	return o;
}

static const char dump[] =
	"as-set: AS64500:AS-CUSTOMERS\n"
	"members: AS64501, AS-DOWN\n"
	"members: AS64512\n"			/* private: dropped */
	"mbrs-by-ref: GOOD-MNT\n"
	"source: RIPE\n\n"
	"as-set: AS-DOWN\n"
	"members: AS64502 AS-MISSING\n"
	"source: RIPE\n\n"
	"aut-num: AS64503\nmember-of: AS64500:AS-CUSTOMERS\nmnt-by: GOOD-MNT\nsource: RIPE\n\n"
	"aut-num: AS64504\nmember-of: AS64500:AS-CUSTOMERS\nmnt-by: EVIL-MNT\nsource: RIPE\n\n"
	"as-set: AS-ANYREF\nmbrs-by-ref: ANY\nsource: RIPE\n\n"
	"aut-num: AS64505\nmember-of: AS-ANYREF\nmnt-by: WHOEVER\nsource: RADB\n\n"
	"aut-num: AS64506\nmember-of: AS-NOREF\nmnt-by: GOOD-MNT\nsource: RIPE\n\n"
	"as-set: AS-NOREF\nmembers: AS64507\nsource: RIPE\n\n"
	"as-set: AS-LOOP-A\nmembers: AS64510, AS-LOOP-B\nsource: RIPE\n\n"
	"as-set: AS-LOOP-B\nmembers: AS64511, AS-LOOP-A, AS-LOOP-B\nsource: RIPE\n\n"
	"as-set: AS-D1\nmembers: AS1, AS-D2\nsource: RIPE\n\n"
	"as-set: AS-D2\nmembers: AS2, AS-D3\nsource: RIPE\n\n"
	"as-set: AS-D3\nmembers: AS3, AS-D4\nsource: RIPE\n\n"
	"as-set: AS-D4\nmembers: AS4\nsource: RIPE\n\n"
	"as-set: AS-SRC\nmembers: AS10\nsource: RIPE\n\n"
	"as-set: AS-SRC\nmembers: AS11\nsource: RADB\n\n"
	"as-set: AS-JUNK\nmembers: AS12, not-a-name, RS-ROUTES, ANY\nsource: RIPE\n\n"
	"route: 192.0.2.0/24\norigin: AS64501\nsource: RIPE\n\n"
	"route: 192.0.2.0/24\norigin: AS64502\nsource: RADB\n\n"
	"route: 198.51.100.0/24\norigin: AS64502\nsource: RIPE\n\n"
	"route6: 2001:db8::/32\norigin: AS64503\nsource: RIPE\n\n"
	"route: 203.0.113.0/24\norigin: AS64504\nsource: RIPE\n";

static int
setup(void **state)
{
	static char *sources[] = { "RIPE", "RADB" };
	struct irrdb *db = calloc(1, sizeof(*db));

	irrdb_init(db, sources, 2);
	irrdb_load_mem(db, dump, sizeof(dump) - 1);
	irrdb_finalize(db);
	*state = db;
	return 0;
}

static int
teardown(void **state)
{
	irrdb_free(*state);
	free(*state);
	return 0;
}

static void
expand1(void **state, const char *name, uint32_t self, const struct expand_opts *o,
    struct expansion *e)
{
	const char *names[1] = { name };

	expand_names(*state, names, name ? 1 : 0, self, o, e);
}

static void
test_nested_and_mbrs_by_ref(void **state)
{
	struct expand_opts o = opts();
	struct expansion e;

	expand1(state, "as64500:as-customers", 64500, &o, &e);
	/* 64500 (self), 64501, 64502 (via AS-DOWN), 64503 (mbrs-by-ref);
	 * not 64504 (wrong maintainer), not 64512 (bogon). */
	assert_int_equal(e.n_asns, 4);
	assert_int_equal(e.asns[0], 64500);
	assert_int_equal(e.asns[3], 64503);
	assert_int_equal(e.notes.n_bogons, 1);
	assert_int_equal(e.notes.bogons[0], 64512);
	assert_int_equal(e.notes.n_missing, 1);
	assert_string_equal(e.notes.missing[0], "AS-MISSING");
	/* 192.0.2.0/24 registered twice counts once; 2001:db8::/32 via AS64503. */
	assert_int_equal(e.n_prefixes[0], 2);
	assert_int_equal(e.n_prefixes[1], 1);
	expansion_free(&e);

	expand1(state, "AS-ANYREF", 0, &o, &e);
	assert_int_equal(e.n_asns, 1);
	assert_int_equal(e.asns[0], 64505);
	expansion_free(&e);

	/* member-of without mbrs-by-ref in the set is ignored. */
	expand1(state, "AS-NOREF", 0, &o, &e);
	assert_int_equal(e.n_asns, 1);
	assert_int_equal(e.asns[0], 64507);
	expansion_free(&e);
}

static void
test_loops(void **state)
{
	struct expand_opts o = opts();
	struct expansion e;

	expand1(state, "AS-LOOP-A", 0, &o, &e);
	assert_int_equal(e.n_asns, 2);
	assert_int_equal(e.notes.n_loops, 2);
	assert_string_equal(e.notes.loops[0], "AS-LOOP-A -> AS-LOOP-B -> AS-LOOP-A");
	assert_string_equal(e.notes.loops[1], "AS-LOOP-B -> AS-LOOP-B");
	expansion_free(&e);
}

static void
test_big_ring(void **state)
{
	/* 100 sets in a ring (the deepest nesting the YAML allows), each with
	 * 500 ASNs: loop-safe and complete. */
	static char *sources[] = { "RIPE" };
	struct buf b = BUF_INIT;
	struct irrdb db;
	struct expand_opts o = opts();
	struct expansion e;
	const char *name = "AS-RING0";

	(void)state;
	for (int i = 0; i < 100; i++) {
		buf_printf(&b, "as-set: AS-RING%d\nmembers: AS-RING%d", i, (i + 1) % 100);
		for (int k = 0; k < 500; k++)
			buf_printf(&b, ", AS%d", 100000 + i * 500 + k);
		buf_puts(&b, "\nsource: RIPE\n\n");
	}
	irrdb_init(&db, sources, 1);
	irrdb_load_mem(&db, b.p, b.len);
	irrdb_finalize(&db);
	o.max_depth = 100;
	o.bogons = NULL;
	o.n_bogons = 0;
	expand_names(&db, &name, 1, 0, &o, &e);
	assert_int_equal(e.n_asns, 50000);
	assert_int_equal(e.notes.n_loops, 1);
	expansion_free(&e);

	/* The same with the default depth limit: stops, and says so. */
	o.max_depth = 20;
	expand_names(&db, &name, 1, 0, &o, &e);
	assert_int_equal(e.n_asns, 20 * 500);
	assert_int_equal(e.notes.n_too_deep, 1);
	assert_string_equal(e.notes.too_deep[0], "AS-RING20");
	expansion_free(&e);
	irrdb_free(&db);
	buf_free(&b);
}

static void
test_depth_limit(void **state)
{
	struct expand_opts o = opts();
	struct expansion e;

	o.max_depth = 3;
	expand1(state, "AS-D1", 0, &o, &e);
	assert_int_equal(e.n_asns, 3);		/* AS1..AS3; AS-D4 is level 4 */
	assert_int_equal(e.notes.n_too_deep, 1);
	assert_string_equal(e.notes.too_deep[0], "AS-D4");
	expansion_free(&e);
}

static void
test_source_prefix(void **state)
{
	struct expand_opts o = opts();
	struct expansion e;

	expand1(state, "AS-SRC", 0, &o, &e);
	assert_int_equal(e.asns[0], 10);		/* RIPE before RADB */
	expansion_free(&e);
	expand1(state, "RADB::AS-SRC", 0, &o, &e);
	assert_int_equal(e.asns[0], 11);
	expansion_free(&e);
	expand1(state, "ARIN::AS-SRC", 0, &o, &e);
	assert_int_equal(e.n_asns, 0);
	assert_string_equal(e.notes.missing[0], "ARIN::AS-SRC");
	expansion_free(&e);
}

static void
test_plain_asn_and_junk(void **state)
{
	struct expand_opts o = opts();
	struct expansion e;

	/* A bare ASN as the "AS-SET"; the member's own ASN is always in. */
	expand1(state, "AS64502", 64501, &o, &e);
	assert_int_equal(e.n_asns, 2);
	assert_int_equal(e.n_prefixes[0], 2);
	expansion_free(&e);
	expand1(state, NULL, 64504, &o, &e);
	assert_int_equal(e.n_asns, 1);
	assert_int_equal(e.n_prefixes[0], 1);
	expansion_free(&e);
	/* Tokens that are neither ASN nor as-set are counted, ANY skipped. */
	expand1(state, "AS-JUNK", 0, &o, &e);
	assert_int_equal(e.n_asns, 1);
	assert_int_equal(e.notes.n_bad_tokens, 2);
	expansion_free(&e);
}

static void
test_caps(void **state)
{
	struct expand_opts o = opts();
	struct expansion e;

	o.max_asns = 2;
	expand1(state, "AS64500:AS-CUSTOMERS", 64500, &o, &e);
	assert_int_equal(e.n_asns, 2);
	assert_true(e.notes.asns_truncated);
	expansion_free(&e);
	o = opts();
	o.max_prefixes = 1;
	expand1(state, "AS64500:AS-CUSTOMERS", 64500, &o, &e);
	assert_int_equal(e.n_prefixes[0], 1);
	assert_true(e.notes.prefixes_truncated[0]);
	assert_false(e.notes.prefixes_truncated[1]);
	expansion_free(&e);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_nested_and_mbrs_by_ref, setup, teardown),
		cmocka_unit_test_setup_teardown(test_loops, setup, teardown),
		cmocka_unit_test(test_big_ring),
		cmocka_unit_test_setup_teardown(test_depth_limit, setup, teardown),
		cmocka_unit_test_setup_teardown(test_source_prefix, setup, teardown),
		cmocka_unit_test_setup_teardown(test_plain_asn_and_junk, setup, teardown),
		cmocka_unit_test_setup_teardown(test_caps, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
