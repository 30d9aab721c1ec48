/* birdc: BIRD's reply framing, fed in pieces of every size, and the check
 * every command passes before it is sent. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "birdc.h"
#include "buf.h"
#include "testutil.h"
#include "birdreply.h"

struct lines {
	int	 code[64];
	char	 text[64][80];
	int	 n;
};

static int
keep_line(void *ctx, int code, const char *text, size_t len)
{
	struct lines *l = ctx;

	if (l->n < 64) {
		l->code[l->n] = code;
		snprintf(l->text[l->n], sizeof(l->text[0]), "%.*s", (int)len, text);
		l->n++;
	}
	return 0;
}

static void
test_framing(void **state)
{
	/* Continuations take the code of the line before; "+" lines are
	 * log echo; an "8000-" overflow mid-reply does not end it; the end
	 * is four digits and a space, whatever the code. */
	static const char reply[] =
	    "1007-Table master4:\n"
	    " 192.0.2.0/24 unicast\n"
	    "+Disabling protocol X\n"
	    "1008-\tType: BGP univ\n"
	    "8000-<line overflow>\n"
	    " more\r\n"
	    "0013 Daemon is up and running\n"
	    "0000 next reply\n";
	struct lines l;
	struct bird_reply r;
	size_t used;

	(void)state;
	for (size_t step = 1; step <= sizeof(reply); step += 3) {
		memset(&l, 0, sizeof(l));
		assert_int_equal(feed(reply, sizeof(reply) - 1, step, keep_line, &l), 13);
		assert_int_equal(l.n, 6);
		assert_int_equal(l.code[1], 1007);
		assert_string_equal(l.text[1], "192.0.2.0/24 unicast");
		assert_int_equal(l.code[3], 8000);
		assert_int_equal(l.code[4], 8000);
		assert_string_equal(l.text[4], "more");
		assert_string_equal(l.text[5], "Daemon is up and running");
	}
	/* What follows the final line is left for the next reply. */
	bird_reply_init(&r);
	assert_int_equal(bird_reply_feed(&r, reply, sizeof(reply) - 1, &used, NULL, NULL), BF_DONE);
	assert_string_equal(reply + used, "0000 next reply\n");
	/* Not BIRD: a line without a code, a line longer than BIRD writes. */
	bird_reply_init(&r);
	assert_int_equal(bird_reply_feed(&r, "HTTP/1.1 200 OK\n", 16, &used, NULL, NULL), BF_PROTO);
	{
		char big[2000];
		memset(big, 'x', sizeof(big));
		memcpy(big, "1007-", 5);
		bird_reply_init(&r);
		assert_int_equal(bird_reply_feed(&r, big, sizeof(big), &used, NULL, NULL), BF_PROTO);
	}
	/* A continuation before any coded line is not BIRD either. */
	bird_reply_init(&r);
	assert_int_equal(bird_reply_feed(&r, " x\n", 3, &used, NULL, NULL), BF_PROTO);
}

static void
test_command_check(void **state)
{
	char long_cmd[1000];

	(void)state;
	assert_true(bird_cmd_ok("show route all for 2001:db8::1"));
	assert_true(bird_cmd_ok("show route all where bgp_path.last = 64500"));
	assert_true(bird_cmd_ok("show route all where 198.51.100.0 ~ net && net.len < 24"));
	assert_false(bird_cmd_ok("show route all; configure"));
	assert_false(bird_cmd_ok("show route all\nconfigure"));
	assert_false(bird_cmd_ok("show route filter { accept; }"));
	assert_false(bird_cmd_ok("show protocols \"AS*\""));
	assert_false(bird_cmd_ok("show route 'x'"));
	assert_false(bird_cmd_ok(""));
	memset(long_cmd, 'a', sizeof(long_cmd) - 1);
	long_cmd[sizeof(long_cmd) - 1] = '\0';
	assert_false(bird_cmd_ok(long_cmd));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_framing),
		cmocka_unit_test(test_command_check),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
