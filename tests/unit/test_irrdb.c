/* compiler/sources/irrdb: the IRR database built from RPSL: its index and duplicates. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "buf.h"
#include "irrdb.h"
#include "testutil.h"

static void
test_irrdb_index(void **state)
{
	static const char dump[] =
	    "route: 192.0.2.0/24\norigin: AS64500\nsource: RIPE\n\n"
	    "route: 192.0.2.0/24\norigin: AS64500\nsource: RADB\n\n"	/* same object, other source */
	    "route: 198.51.100.0/24\norigin: as64500\nsource: radb\n\n"
	    "route6: 2001:db8::/32\norigin: AS64500\nsource: RIPE # Filtered\n\n"
	    "route: 203.0.113.0/24\norigin: AS64500\nsource: ARIN\n\n"	/* not configured */
	    "route: 203.0.113.1/24\norigin: AS64501\nsource: RIPE\n\n"	/* host bits */
	    "route: 203.0.113.0/24\norigin: AS64501\norigin: AS64502\nsource: RIPE\n\n"
	    "route: 203.0.113.0/24\norigin: AS64503\n\n"			/* no source */
	    "route6: 192.0.2.0/24\norigin: AS64501\nsource: RIPE\n\n"	/* wrong family */
	    /* Two values where IRRd takes one: refused, not read as the first. */
	    "route: 203.0.113.0/28,203.0.113.16/28\norigin: AS64501\nsource: RIPE\n\n"
	    "route: 203.0.113.0/24\norigin: AS64501 AS64502\nsource: RIPE\n\n"
	    "route: 203.0.113.0/24\norigin: AS64501,\n AS64502\nsource: RIPE\n\n"
	    "as-set: AS-X\nmembers: AS1\nsource: RADB\n\n"
	    "as-set: as-x\nmembers: AS2\nsource: RIPE\n\n"
	    "person: Someone\nsource: RIPE\n";
	char *sources[] = { "RIPE", "RADB" };
	struct irrdb db;
	const struct irr_route *r;
	const struct irr_set *s;
	size_t n;

	(void)state;
	irrdb_init(&db, sources, 2);
	irrdb_load_mem(&db, dump, sizeof(dump) - 1);
	irrdb_finalize(&db);
	r = irrdb_routes_of(&db, 64500, AF4, &n);
	assert_int_equal(n, 2);
	assert_int_equal(r[0].src, 0);		/* RIPE copy kept */
	r = irrdb_routes_of(&db, 64500, AF6, &n);
	assert_int_equal(n, 1);
	irrdb_routes_of(&db, 64500, 0, &n);
	assert_int_equal(n, 3);
	irrdb_routes_of(&db, 64501, 0, &n);
	assert_int_equal(n, 0);
	assert_int_equal(db.dumps[0].other_source, 1);
	assert_int_equal(db.dumps[0].bad_value, 7);
	assert_int_equal(db.dumps[0].other_class, 1);
	/* RIPE has priority over RADB for the set; SOURCE:: picks either. */
	s = irrdb_set(&db, "AS-X", NULL);
	assert_non_null(s);
	assert_string_equal(s->members[0], "AS2");
	assert_string_equal(irrdb_set(&db, "AS-X", "RADB")->members[0], "AS1");
	assert_null(irrdb_set(&db, "AS-X", "ARIN"));
	irrdb_free(&db);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_irrdb_index),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
