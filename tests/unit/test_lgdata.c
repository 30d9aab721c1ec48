/* lgdata: reasons.json as the compiler writes it, and its fallbacks. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <unistd.h>

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
	lg_reasons_free(&r);
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

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_reasons_file),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
