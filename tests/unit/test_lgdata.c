/* lgdata: reasons.json as the compiler writes it, and its fallbacks. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <unistd.h>

#include "buf.h"
#include "lgdata.h"
#include "reasons.h"
#include "testutil.h"

static void
test_reasons_file(void **state)
{
	struct lg_reasons r;
	char err[200];
	const char *hint;
	FILE *f = fopen("/tmp/ixp-lg-reasons.json", "w");

	(void)state;
	assert_non_null(f);
	fputs("{\"reject_community\": \"4200000001:65520:{code}\", \"rpki_community\": "
	    "\"4200000001:1000:{state}\", \"reasons\": {\"12\": {\"text\": \"No route object\", "
	    "\"hint\": \"Register it\"}, \"x\": {\"text\": \"ignored\"}}}", f);
	fclose(f);
	assert_true(lg_reasons_load(&r, "/tmp/ixp-lg-reasons.json", err, sizeof(err)));
	assert_int_equal(r.rs_asn, 4200000001u);
	assert_string_equal(lg_reason_text(&r, 12, &hint), "No route object");
	assert_string_equal(hint, "Register it");
	assert_string_equal(lg_reason_text(&r, 99, NULL), "unknown reason");
	assert_false(r.tagged);		/* no reject_policy: an older file, reject */
	lg_reasons_free(&r);
	/* reject_policy: tag, and a value the looking glass does not know. */
	f = fopen("/tmp/ixp-lg-reasons.json", "w");
	fputs("{\"reject_community\": \"64500:65520:{code}\", \"rpki_community\": "
	    "\"64500:1000:{state}\", \"reasons\": {}, \"reject_policy\": \"tag\"}", f);
	fclose(f);
	assert_true(lg_reasons_load(&r, "/tmp/ixp-lg-reasons.json", err, sizeof(err)));
	assert_true(r.tagged);
	lg_reasons_free(&r);
	f = fopen("/tmp/ixp-lg-reasons.json", "w");
	fputs("{\"reject_community\": \"64500:65520:{code}\", \"rpki_community\": "
	    "\"64500:1000:{state}\", \"reasons\": {}, \"reject_policy\": \"keep\"}", f);
	fclose(f);
	assert_false(lg_reasons_load(&r, "/tmp/ixp-lg-reasons.json", err, sizeof(err)));
	assert_non_null(strstr(err, "reject_policy"));
	/* A pattern whose placeholder is not the one named, or not a number. */
	f = fopen("/tmp/ixp-lg-reasons.json", "w");
	fputs("{\"reject_community\": \"-1:65520:{code}\", \"rpki_community\": "
	    "\"64500:1000:{code}\", \"reasons\": {}}", f);
	fclose(f);
	assert_false(lg_reasons_load(&r, "/tmp/ixp-lg-reasons.json", err, sizeof(err)));
	f = fopen("/tmp/ixp-lg-reasons.json", "w");
	fputs("{\"reasons\": {}}", f);
	fclose(f);
	assert_false(lg_reasons_load(&r, "/tmp/ixp-lg-reasons.json", err, sizeof(err)));
	assert_non_null(strstr(err, "not a reasons.json"));
	unlink("/tmp/ixp-lg-reasons.json");
	assert_int_equal(lg_session_asn("AS64501_2"), 64501);
	assert_int_equal(lg_session_asn("irr4"), 0);
	assert_int_equal(lg_session_asn("AS99999999999_1"), 0);
}

/* readiness.json as compile writes it: the member's entry, or none, or a refusal. */
static void
test_ready_file(void **state)
{
	struct lg_ready r;
	char path[64], err[200];
	FILE *f;

	(void)state;
	snprintf(path, sizeof(path), "/tmp/ixp-lg-ready-%d.json", (int)getpid());
	assert_int_equal(lg_ready_load(path, 64501, &r, err, sizeof(err)), LG_READY_NONE);
	f = fopen(path, "w");
	fputs("{\"members\": [{\"asn\": 64501, \"as_set\": \"AS-ALPHA\", \"connected\": true, "
	    "\"route_objects\": {\"ipv4\": 3, \"ipv6\": 1}, \"route_objects_with_roa\": "
	    "{\"ipv4\": 2, \"ipv6\": 0}, \"route_objects_rpki_invalid\": 1, "
	    "\"rpki_invalid_example\": \"192.0.2.0/24 AS64501\", \"advice\": [\"fix it\"]}]}", f);
	fclose(f);
	assert_int_equal(lg_ready_load(path, 64501, &r, err, sizeof(err)), LG_READY_OK);
	assert_int_equal(r.f.route_objects[0], 3);
	assert_int_equal(r.f.with_roa[0], 2);
	assert_int_equal(r.f.stale, 1);
	assert_true(r.f.connected);
	assert_string_equal(r.f.stale_example, "192.0.2.0/24 AS64501");
	assert_string_equal(r.as_set, "AS-ALPHA");
	assert_int_equal(r.f.n_advice, 1);
	assert_string_equal(r.f.advice[0], "fix it");
	lg_ready_free(&r);
	assert_int_equal(lg_ready_load(path, 64502, &r, err, sizeof(err)), LG_READY_NONE);
	/* Text a page could not show safely, a wrong type, not JSON: refused. */
	f = fopen(path, "w");
	fputs("{\"members\": [{\"asn\": 64501, \"route_objects\": {\"ipv4\": 3, \"ipv6\": 1}, "
	    "\"route_objects_with_roa\": {\"ipv4\": 2, \"ipv6\": 0}, "
	    "\"route_objects_rpki_invalid\": 0, \"advice\": [\"a\\u001b[2Jb\"]}]}", f);
	fclose(f);
	assert_int_equal(lg_ready_load(path, 64501, &r, err, sizeof(err)), LG_READY_BAD);
	assert_non_null(strstr(err, "members[0] is not a readiness entry"));
	f = fopen(path, "w");
	fputs("{\"members\": [{\"asn\": 64501, \"route_objects\": {\"ipv4\": -3, \"ipv6\": 1}}]}", f);
	fclose(f);
	assert_int_equal(lg_ready_load(path, 64501, &r, err, sizeof(err)), LG_READY_BAD);
	f = fopen(path, "w");
	fputs("{\"members\": [", f);
	fclose(f);
	assert_int_equal(lg_ready_load(path, 64501, &r, err, sizeof(err)), LG_READY_BAD);
	unlink(path);
}

/* Communities by name: the most specific pattern, a {peer} named. */
static void
test_community_names(void **state)
{
	struct lg_reasons r;
	struct lg_member beta = { 64502, "Beta", NULL, NULL, false, NULL, 0 };
	struct lg_directory dir = { NULL, 64500, &beta, 1 };
	struct buf m = BUF_INIT;
	char path[64], err[200];
	uint32_t v[3];
	FILE *f;

	(void)state;
	snprintf(path, sizeof(path), "/tmp/ixp-lg-names-%d.json", (int)getpid());
	f = fopen(path, "w");
	fputs("{\"reject_community\": \"64500:65520:{code}\", \"rpki_community\": "
	    "\"64500:1000:{state}\", \"reasons\": {\"14\": {\"text\": \"RPKI invalid\"}}, "
	    "\"control_communities\": [{\"type\": \"large\", \"community\": \"64500:0:{peer}\", "
	    "\"meaning\": \"do not announce to peer\"}, {\"type\": \"large\", \"community\": "
	    "\"64500:0:0\", \"meaning\": \"announce to nobody\"}, {\"community\": \"x\"}], "
	    "\"informational_communities\": [{\"type\": \"standard\", \"community\": "
	    "\"64500:{city}\", \"meaning\": \"learnt in a city\"}]}", f);
	fclose(f);
	assert_true(lg_reasons_load(&r, path, err, sizeof(err)));
	unlink(path);
	assert_int_equal(r.n_names, 3);
	v[0] = 64500, v[1] = 0, v[2] = 64502;
	assert_true(lg_community_meaning(&r, &dir, 0, true, v, &m));
	assert_string_equal(buf_str(&m), "do not announce to peer: AS64502 Beta");
	buf_reset(&m);
	v[2] = 0;
	assert_true(lg_community_meaning(&r, &dir, 0, true, v, &m));
	assert_string_equal(buf_str(&m), "announce to nobody");
	buf_reset(&m);
	v[1] = 65520, v[2] = 14;
	assert_true(lg_community_meaning(&r, NULL, 0, true, v, &m));
	assert_string_equal(buf_str(&m), "filtered, reason 14: RPKI invalid");
	buf_reset(&m);
	v[1] = 65521;		/* a check in warn mode */
	assert_true(lg_community_meaning(&r, NULL, 0, true, v, &m));
	assert_string_equal(buf_str(&m), "accepted by policy despite reason 14: RPKI invalid");
	buf_reset(&m);
	v[1] = 1000, v[2] = 1;
	assert_true(lg_community_meaning(&r, NULL, 0, true, v, &m));
	assert_string_equal(buf_str(&m), "RPKI valid");
	buf_reset(&m);
	v[0] = 64500, v[1] = 7;
	assert_true(lg_community_meaning(&r, NULL, 0, false, v, &m));
	assert_string_equal(buf_str(&m), "learnt in a city");
	buf_reset(&m);
	v[0] = 65535, v[1] = 0;
	assert_true(lg_community_meaning(&r, NULL, 0, false, v, &m));
	assert_non_null(strstr(buf_str(&m), "GRACEFUL_SHUTDOWN"));
	buf_reset(&m);
	v[0] = 64999, v[1] = 1;
	assert_false(lg_community_meaning(&r, NULL, 0, false, v, &m));
	assert_int_equal(m.len, 0);
	buf_free(&m);
	lg_reasons_free(&r);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_reasons_file),
		cmocka_unit_test(test_ready_file),
		cmocka_unit_test(test_community_names),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
