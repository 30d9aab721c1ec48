/* lgcore: the command templates (typed values printed back, nothing else),
 * replies replayed from the cache, and pooled sessions that never hand one
 * request's reply to another, against a fake BIRD that misbehaves. */
#include <poll.h>
#include <pthread.h>
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

#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

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
	assert_true(lg_build_cmd(CMD_ROUTES_FILTERED, &a, 0, cmd, sizeof(cmd)));
	assert_string_equal(cmd, "show route all filtered protocol AS64501_1");
	assert_true(lg_build_cmd(CMD_ROUTES_NOEXPORT, &a, 0, cmd, sizeof(cmd)));
	assert_string_equal(cmd, "show route all noexport AS64501_1");
	a.proto = "AS1_1 filter { accept; }";
	assert_false(lg_build_cmd(CMD_ROUTES_ACCEPTED, &a, 0, cmd, sizeof(cmd)));
	a.proto = NULL;
	a.is_ip = true;
	ip_parse("2001:DB8::1", 11, &a.ip);
	assert_true(lg_build_cmd(CMD_ROUTES_FOR, &a, 0, cmd, sizeof(cmd)));
	assert_string_equal(cmd, "show route all for 2001:db8::1");
	assert_true(lg_build_cmd(CMD_ROUTES_FOR_FILTERED, &a, 0, cmd, sizeof(cmd)));
	assert_string_equal(cmd, "show route all filtered where 2001:db8::1 ~ net");
	a.is_ip = false;
	prefix_parse("192.0.2.0/24", 12, &a.prefix);
	assert_true(lg_build_cmd(CMD_ROUTES_FOR_FILTERED, &a, 0, cmd, sizeof(cmd)));
	assert_string_equal(cmd, "show route all filtered 192.0.2.0/24");
	assert_true(lg_build_cmd(CMD_ROUTES_COVERING, &a, 0, cmd, sizeof(cmd)));
	assert_string_equal(cmd, "show route all where net.type = NET_IP4 && 192.0.2.0 ~ net && net.len < 24");
	assert_true(lg_build_cmd(CMD_ROUTES_IN_FILTERED, &a, 0, cmd, sizeof(cmd)));
	assert_string_equal(cmd, "show route all filtered in 192.0.2.0/24");
	prefix_parse("2001:db8:ff00::/40", 18, &a.prefix);
	assert_true(lg_build_cmd(CMD_ROUTES_COVERING_FILTERED, &a, 0, cmd, sizeof(cmd)));
	assert_string_equal(cmd, "show route all filtered where net.type = NET_IP6 && "
	    "2001:db8:ff00:: ~ net && net.len < 40");
	assert_true(lg_build_cmd(CMD_ROUTES_IN, &a, 0, cmd, sizeof(cmd)));
	assert_string_equal(cmd, "show route all in 2001:db8:ff00::/40");
	a.proto = "AS64501_2";
	assert_true(lg_build_cmd(CMD_ROUTES_NET_EXPORT, &a, 0, cmd, sizeof(cmd)));
	assert_string_equal(cmd, "show route all 2001:db8:ff00::/40 export AS64501_2");
	a.table = "master6";
	assert_true(lg_build_cmd(CMD_ROUTES_NET_TABLE, &a, 0, cmd, sizeof(cmd)));
	assert_string_equal(cmd, "show route all 2001:db8:ff00::/40 table master6");
	a.proto = "AS1 all";
	assert_false(lg_build_cmd(CMD_ROUTES_NET_PROTO, &a, 0, cmd, sizeof(cmd)));
	a.comm_large = true;
	a.comm[0] = 4294967295u, a.comm[1] = 0, a.comm[2] = 64502;
	assert_true(lg_build_cmd(CMD_ROUTES_COMMUNITY_FILTERED, &a, 0, cmd, sizeof(cmd)));
	assert_string_equal(cmd, "show route all filtered where (4294967295, 0, 64502) ~ bgp_large_community");
	a.comm_large = false;
	assert_true(lg_build_cmd(CMD_ROUTES_COMMUNITY, &a, 0, cmd, sizeof(cmd)));
	assert_string_equal(cmd, "show route all where (65535, 0) ~ bgp_community");
	a.proto = NULL;
	a.asn = 4200000000u;
	assert_true(lg_build_cmd(CMD_ROUTES_ORIGIN_FILTERED, &a, 0, cmd, sizeof(cmd)));
	assert_string_equal(cmd, "show route all filtered where bgp_path.last = 4200000000");
	assert_false(lg_build_cmd(CMD_NONE, &a, 0, cmd, sizeof(cmd)));
	a.table = "master6";
	assert_true(lg_build_cmd(CMD_ROUTES_TABLE_FILTERED, &a, 0, cmd, sizeof(cmd)));
	assert_string_equal(cmd, "show route all filtered table master6");
	a.table = "master4 all";
	assert_false(lg_build_cmd(CMD_ROUTES_TABLE, &a, 0, cmd, sizeof(cmd)));
}

/* reject_policy: tag: filtered lists are the tagged accepted routes. */
static void
test_command_templates_tagged(void **state)
{
	struct lg_args a = { 0 };
	char cmd[BIRD_CMD_MAX + 1];

	(void)state;
	a.proto = "AS64501_1";
	assert_true(lg_build_cmd(CMD_ROUTES_FILTERED, &a, 64500, cmd, sizeof(cmd)));
	assert_string_equal(cmd, "show route all protocol AS64501_1 where "
	    "bgp_large_community ~ [(64500, 65520, *)]");
	assert_true(lg_build_cmd(CMD_ROUTES_ACCEPTED, &a, 64500, cmd, sizeof(cmd)));
	assert_string_equal(cmd, "show route all protocol AS64501_1 where "
	    "!(bgp_large_community ~ [(64500, 65520, *)])");
	assert_true(lg_build_cmd(CMD_ROUTES_NOEXPORT, &a, 64500, cmd, sizeof(cmd)));
	assert_string_equal(cmd, "show route all noexport AS64501_1 where "
	    "!(bgp_large_community ~ [(64500, 65520, *)])");
	/* Export filters never pass a tagged route: unchanged. */
	assert_true(lg_build_cmd(CMD_ROUTES_EXPORTED, &a, 64500, cmd, sizeof(cmd)));
	assert_string_equal(cmd, "show route all export AS64501_1");
	a.proto = NULL;
	a.is_ip = true;
	ip_parse("192.0.2.1", 9, &a.ip);
	assert_true(lg_build_cmd(CMD_ROUTES_FOR_FILTERED, &a, 64500, cmd, sizeof(cmd)));
	assert_string_equal(cmd, "show route all where 192.0.2.1 ~ net && "
	    "bgp_large_community ~ [(64500, 65520, *)]");
	a.is_ip = false;
	a.asn = 64501;
	assert_true(lg_build_cmd(CMD_ROUTES_ORIGIN, &a, 64500, cmd, sizeof(cmd)));
	assert_string_equal(cmd, "show route all where bgp_path.last = 64501 && "
	    "!(bgp_large_community ~ [(64500, 65520, *)])");
	prefix_parse("192.0.2.0/24", 12, &a.prefix);
	assert_true(lg_build_cmd(CMD_ROUTES_IN_FILTERED, &a, 4200000000u, cmd, sizeof(cmd)));
	assert_string_equal(cmd, "show route all in 192.0.2.0/24 where "
	    "bgp_large_community ~ [(4200000000, 65520, *)]");
	assert_true(bird_cmd_ok(cmd));
	/* No room for the clause: refused, not cut. */
	assert_false(lg_build_cmd(CMD_ROUTES_IN_FILTERED, &a, 64500, cmd, 48));
}

/* ---- a fake BIRD ------------------------------------------------------------ */

#define GOOD_STATUS "1000-BIRD 2.0.12\n1011-Router ID is 192.0.2.1\n0013 Daemon is up and running\n"

struct fake {
	char		 path[108];
	int		 lfd;
	volatile int	 stop;
	pthread_mutex_t	 mu;
	int		 status_cmds;
	/* The first "show status" gets this (after delay_ms), then late
	 * 100 ms after; every later one gets GOOD_STATUS. */
	const char	*first, *late;
	size_t		 first_len;
	int		 delay_ms;
	pthread_t	 conn[16];
	int		 n_conn;
	pthread_t	 th;
};

struct fake_conn {
	struct fake	*f;
	int		 fd;
};

static void
put(int fd, const char *p, size_t n)
{
	(void)!send(fd, p, n, MSG_NOSIGNAL);
}

static void *
fake_conn(void *arg)
{
	struct fake_conn *fc = arg;
	struct fake *f = fc->f;
	char buf[1024];
	size_t len = 0;
	ssize_t n;

	put(fc->fd, "0001 BIRD 2.0.12 ready.\n", 24);
	while ((n = recv(fc->fd, buf + len, sizeof(buf) - 1 - len, 0)) > 0) {
		char *nl;
		len += (size_t)n;
		buf[len] = '\0';
		while ((nl = strchr(buf, '\n')) != NULL) {
			*nl = '\0';
			if (!strcmp(buf, "restrict")) {
				put(fc->fd, "0016 Access restricted\n", 23);
			} else if (!strcmp(buf, "show status")) {
				int k;
				pthread_mutex_lock(&f->mu);
				k = ++f->status_cmds;
				pthread_mutex_unlock(&f->mu);
				if (k == 1) {
					usleep((useconds_t)f->delay_ms * 1000);
					put(fc->fd, f->first, f->first_len);
					if (f->late) {
						usleep(100000);
						put(fc->fd, f->late, strlen(f->late));
					}
				} else {
					put(fc->fd, GOOD_STATUS, strlen(GOOD_STATUS));
				}
			} else {
				put(fc->fd, "9001 syntax error\n", 18);
			}
			len -= (size_t)(nl + 1 - buf);
			memmove(buf, nl + 1, len + 1);
		}
	}
	close(fc->fd);
	free(fc);
	return NULL;
}

static void *
fake_main(void *arg)
{
	struct fake *f = arg;

	while (!f->stop) {
		struct pollfd p = { f->lfd, POLLIN, 0 };
		struct fake_conn *fc;
		if (poll(&p, 1, 50) <= 0)
			continue;
		fc = calloc(1, sizeof(*fc));
		fc->f = f;
		fc->fd = accept(f->lfd, NULL, NULL);
		if (fc->fd < 0 || f->n_conn == 16) {
			if (fc->fd >= 0)
				close(fc->fd);
			free(fc);
			continue;
		}
		pthread_create(&f->conn[f->n_conn++], NULL, fake_conn, fc);
	}
	return NULL;
}

static void
fake_start(struct fake *f)
{
	struct sockaddr_un sa = { .sun_family = AF_UNIX };

	snprintf(f->path, sizeof(f->path), "/tmp/ixp-fakebird.%d.ctl", (int)getpid());
	unlink(f->path);
	memcpy(sa.sun_path, f->path, strlen(f->path) + 1);
	f->lfd = socket(AF_UNIX, SOCK_STREAM, 0);
	assert_true(f->lfd >= 0);
	assert_int_equal(bind(f->lfd, (struct sockaddr *)&sa, sizeof(sa)), 0);
	assert_int_equal(listen(f->lfd, 8), 0);
	pthread_mutex_init(&f->mu, NULL);
	pthread_create(&f->th, NULL, fake_main, f);
}

static void
fake_stop(struct fake *f)
{
	f->stop = 1;
	pthread_join(f->th, NULL);
	/* The looking glass has closed its sessions: every connection ends. */
	for (int i = 0; i < f->n_conn; i++)
		pthread_join(f->conn[i], NULL);
	close(f->lfd);
	unlink(f->path);
	pthread_mutex_destroy(&f->mu);
}

/* Whatever the first reply did, the next request on the route server gets
 * its own reply, never the rest of the first. */
static void
anomaly(const char *first, size_t first_len, const char *late, int delay_ms,
    enum bird_status want_first)
{
	struct lg_options o = { .timeout_ms = 400, .max_routes = 100, .ttl_ms = 1000,
	    .ttl_short_ms = 1000, .cache_bytes = 1 << 20 };
	struct fake f = { .first = first, .first_len = first_len, .late = late,
	    .delay_ms = delay_ms };
	struct lg_args a = { 0 };
	struct lg lg;
	struct lg_reply *r;
	char spec[160], err[200];

	fake_start(&f);
	lg_init(&lg, &o);
	snprintf(spec, sizeof(spec), "rs1=%s", f.path);
	assert_true(lg_add_rs(&lg, spec, err, sizeof(err)));
	r = lg_query(&lg, &lg.rs[0], CMD_STATUS, &a, true);
	assert_non_null(r);
	assert_int_equal(r->status, want_first);
	lg_reply_put(&lg, r);
	usleep((useconds_t)(delay_ms + 300) * 1000);	/* everything late has arrived */
	for (int i = 0; i < 2; i++) {
		r = lg_query(&lg, &lg.rs[0], CMD_STATUS, &a, true);
		assert_non_null(r);
		assert_int_equal(r->status, BS_OK);
		assert_int_equal(r->code, 13);
		assert_non_null(strstr(r->data, "Router ID is 192.0.2.1"));
		assert_null(strstr(r->data, "leftover"));
		lg_reply_put(&lg, r);
	}
	lg_free(&lg);
	fake_stop(&f);
}

static void
test_early_final_line(void **state)
{
	static const char all[] = "1000-BIRD 2.0.12\n9999 early\n1011-leftover\n"
	    "0013 Daemon is up and running\n";

	(void)state;
	/* The rest comes with it: seen at once. */
	anomaly(all, sizeof(all) - 1, NULL, 0, BS_IO);
	/* The rest comes later: seen before the next command is sent. */
	anomaly("1000-BIRD 2.0.12\n9999 early\n", 28, "1011-leftover\n0013 Daemon is up and running\n",
	    0, BS_OK);
}

static void
test_unknown_code(void **state)
{
	static const char odd[] = "5000-odd\n1011-leftover\n0013 Daemon is up and running\n";

	(void)state;
	anomaly(odd, sizeof(odd) - 1, NULL, 0, BS_IO);
}

static void
test_oversize_line(void **state)
{
	static char big[3000];

	(void)state;
	memset(big, 'x', sizeof(big));
	memcpy(big, "1011-leftover", 13);
	memcpy(big + sizeof(big) - 31, "\n0013 Daemon is up and running\n", 31);
	anomaly(big, sizeof(big), NULL, 0, BS_IO);
}

static void
test_reply_after_timeout(void **state)
{
	static const char slow[] = "1000-BIRD 2.0.12\n1011-leftover\n0013 Daemon is up and running\n";

	(void)state;
	anomaly(slow, sizeof(slow) - 1, NULL, 800, BS_TIMEOUT);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_replay),
		cmocka_unit_test(test_command_templates),
		cmocka_unit_test(test_command_templates_tagged),
		cmocka_unit_test(test_early_final_line),
		cmocka_unit_test(test_unknown_code),
		cmocka_unit_test(test_oversize_line),
		cmocka_unit_test(test_reply_after_timeout),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
