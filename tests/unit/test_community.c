/*
 * common/community and common/announce: community patterns as reasons.json
 * and ixp.communities write them, and why a route is not sent to a member
 * (the rules of rs_may_announce and rs_export_ok in rs_functions.bird).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "announce.h"
#include "community.h"
#include "testutil.h"

static void
test_patterns(void **state)
{
	struct community_pat p;
	uint32_t v[3];

	(void)state;
	assert_true(community_pat_parse("64500:0:{peer}", &p));
	assert_true(p.large);
	assert_int_equal(p.peer, 2);
	assert_int_equal(p.any, 4);
	v[0] = 64500, v[1] = 0, v[2] = 4200000000u;
	assert_true(community_pat_match(&p, true, v));
	v[1] = 1;
	assert_false(community_pat_match(&p, true, v));
	assert_false(community_pat_match(&p, false, v));
	assert_true(community_pat_parse("65535:666", &p));
	assert_false(p.large);
	assert_int_equal(p.peer, -1);
	v[0] = 65535, v[1] = 666;
	assert_true(community_pat_match(&p, false, v));
	assert_true(community_pat_parse("4200000000:{city}:1", &p));
	assert_int_equal(p.any, 2);
	/* Refused: out of range for a standard community, leading zeros,
	 * empty fields and names, one field, four, text after it. */
	const char *bad[] = { "65536:1", "1:70000", "01:2", "1::2", ":1", "1:", "1", "1:2:3:4",
	    "1:2 ", "1:{}", "1:{Peer}", "1:{peer}:{peer}", "4294967296:1:1", "1:{abcdefghijklmnopq}",
	    "", "a:b", "1:2;3" };
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		assert_false(community_pat_parse(bad[i], &p));
	assert_string_equal(community_well_known(65535, 65281), "NO_EXPORT (RFC 1997)");
	assert_null(community_well_known(65534, 65281));
}

static void
test_announce(void **state)
{
	uint32_t comm[4][2], lcomm[4][3];
	char ecomm[3][3][24] = { { "rt", "0", "4200000002" }, { "rt", "0", "64500" },
	    { "rt", "64500", "4200000003" } };
	struct announce_route r = { (const uint32_t (*)[2])comm, 0,
	    (const uint32_t (*)[3])lcomm, 0, (const char (*)[3][24])ecomm, 0 };

	(void)state;
	assert_int_equal(announce_to(&r, 64500, 64502), ANN_SENT);
	/* Large: RS:0:peer, RS:0:0 with RS:1:peer. */
	lcomm[0][0] = 64500, lcomm[0][1] = 0, lcomm[0][2] = 64502;
	r.n_lcomm = 1;
	assert_int_equal(announce_to(&r, 64500, 64502), ANN_DENIED);
	assert_int_equal(announce_to(&r, 64500, 64503), ANN_SENT);
	lcomm[0][2] = 0;
	lcomm[1][0] = 64500, lcomm[1][1] = 1, lcomm[1][2] = 64503;
	r.n_lcomm = 2;
	assert_int_equal(announce_to(&r, 64500, 64502), ANN_NOT_LISTED);
	assert_int_equal(announce_to(&r, 64500, 64503), ANN_SENT);
	/* "Do not announce" wins over "announce" for the same member. */
	lcomm[2][0] = 64500, lcomm[2][1] = 0, lcomm[2][2] = 64503;
	r.n_lcomm = 3;
	assert_int_equal(announce_to(&r, 64500, 64503), ANN_DENIED);
	/* Standard ones only with a 16-bit RS ASN and peer. */
	r.n_lcomm = 0;
	comm[0][0] = 0, comm[0][1] = 64502;
	r.n_comm = 1;
	assert_int_equal(announce_to(&r, 64500, 64502), ANN_DENIED);
	assert_int_equal(announce_to(&r, 4200000000u, 64502), ANN_SENT);
	comm[0][0] = 0, comm[0][1] = 64500;
	comm[1][0] = 64500, comm[1][1] = 64503;
	r.n_comm = 2;
	assert_int_equal(announce_to(&r, 64500, 64502), ANN_NOT_LISTED);
	assert_int_equal(announce_to(&r, 64500, 64503), ANN_SENT);
	/* Sent to no one: a kept RPKI-invalid route. NO_EXPORT is passed on
	 * (interpret communities off): the receiver's business. */
	lcomm[0][0] = 64500, lcomm[0][1] = 1000, lcomm[0][2] = 4;
	r.n_lcomm = 1;
	assert_int_equal(announce_to(&r, 64500, 64503), ANN_RPKI_INVALID);
	r.n_lcomm = 0;
	comm[2][0] = 65535, comm[2][1] = 65281;
	r.n_comm = 3;
	assert_int_equal(announce_to(&r, 64500, 64503), ANN_SENT);
	/* Extended route targets: rt:0:peer for a 32-bit peer, rt:0:RS with
	 * rt:RS:peer (the RS ASN 16-bit). */
	r.n_comm = 0;
	r.n_ecomm = 1;
	assert_int_equal(announce_to(&r, 64500, 4200000002u), ANN_DENIED);
	assert_int_equal(announce_to(&r, 64500, 4200000003u), ANN_SENT);
	r.n_ecomm = 3;
	assert_int_equal(announce_to(&r, 64500, 4200000003u), ANN_SENT);
	assert_int_equal(announce_to(&r, 64500, 64502), ANN_NOT_LISTED);
	r.n_ecomm = 0;
	assert_string_equal(announce_why_key(ANN_DENIED), "denied");
	assert_non_null(strstr(announce_why_text(ANN_NOT_LISTED), "lists"));
	assert_string_equal(announce_why_key((enum announce_why)99), "sent");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_patterns),
		cmocka_unit_test(test_announce),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
