/* lgcore: the command templates (typed values printed back, nothing else)
 * and replies replayed from the cache. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "buf.h"
#include "bparse.h"
#include "lgcore.h"
#include "testutil.h"
#include "birdreply.h"

/* Replies replayed from the cache: lines are spans there, not strings. */
static void
test_replay(void **state)
{
	struct lg_reply r;
	struct bp_protocols p = { 0 };
	struct buf b = BUF_INIT;
	size_t len;
	char *t = transcript("protocols_all_one", &len);
	const char *q = t;
	int code = 0;

	(void)state;
	/* The cache's form: "CCCCtext\n" per line, continuations with their code. */
	while (*q) {
		const char *nl = strchr(q, '\n');
		size_t n = (size_t)(nl - q);
		if (n >= 5 && q[0] != ' ') {
			code = atoi(q);
			buf_printf(&b, "%04d%.*s\n", code, (int)(n - 5), q + 5);
		} else {
			buf_printf(&b, "%04d%.*s\n", code, (int)(n - 1), q + 1);
		}
		q = nl + 1;
	}
	memset(&r, 0, sizeof(r));
	r.data = b.p;
	r.len = b.len;
	assert_int_equal(lg_replay(&r, bp_protocols_line, &p), 0);
	assert_int_equal(p.n, 1);
	assert_int_equal(p.v[0].neighbor_as, 64501);
	assert_int_equal(p.v[0].local_as, 64500);
	assert_int_equal(p.v[0].ch[0].imported, 3);
	bp_protocols_free(&p);
	buf_free(&b);
	free(t);
}

static void
test_command_templates(void **state)
{
	struct lg_args a = { 0 };
	char cmd[BIRD_CMD_MAX + 1];

	(void)state;
	a.proto = "AS64501_1";
	assert_true(lg_build_cmd(CMD_ROUTES_FILTERED, &a, cmd, sizeof(cmd)));
	assert_string_equal(cmd, "show route all filtered protocol AS64501_1");
	assert_true(lg_build_cmd(CMD_ROUTES_NOEXPORT, &a, cmd, sizeof(cmd)));
	assert_string_equal(cmd, "show route all noexport AS64501_1");
	a.proto = "AS1_1 filter { accept; }";
	assert_false(lg_build_cmd(CMD_ROUTES_ACCEPTED, &a, cmd, sizeof(cmd)));
	a.proto = NULL;
	a.is_ip = true;
	ip_parse("2001:DB8::1", 11, &a.ip);
	assert_true(lg_build_cmd(CMD_ROUTES_FOR, &a, cmd, sizeof(cmd)));
	assert_string_equal(cmd, "show route all for 2001:db8::1");
	assert_true(lg_build_cmd(CMD_ROUTES_FOR_FILTERED, &a, cmd, sizeof(cmd)));
	assert_string_equal(cmd, "show route all filtered where 2001:db8::1 ~ net");
	a.is_ip = false;
	prefix_parse("192.0.2.0/24", 12, &a.prefix);
	assert_true(lg_build_cmd(CMD_ROUTES_FOR_FILTERED, &a, cmd, sizeof(cmd)));
	assert_string_equal(cmd, "show route all filtered 192.0.2.0/24");
	a.asn = 4200000000u;
	assert_true(lg_build_cmd(CMD_ROUTES_ORIGIN_FILTERED, &a, cmd, sizeof(cmd)));
	assert_string_equal(cmd, "show route all filtered where bgp_path.last = 4200000000");
	assert_false(lg_build_cmd(CMD_NONE, &a, cmd, sizeof(cmd)));
	a.table = "master6";
	assert_true(lg_build_cmd(CMD_ROUTES_TABLE_FILTERED, &a, cmd, sizeof(cmd)));
	assert_string_equal(cmd, "show route all filtered table master6");
	a.table = "master4 all";
	assert_false(lg_build_cmd(CMD_ROUTES_TABLE, &a, cmd, sizeof(cmd)));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_replay),
		cmocka_unit_test(test_command_templates),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
