#include "birdc.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

#include "clock.h"

/* ---- framing ------------------------------------------------------------- */

void
bird_reply_init(struct bird_reply *r)
{
	memset(r, 0, sizeof(*r));
	r->code = -1;
}

static bool
is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* One complete line (without its newline). */
static enum bird_feed
take_line(struct bird_reply *r, bird_line_fn fn, void *ctx)
{
	const char *l = r->line;
	size_t n = r->len;
	int code;

	if (n > 0 && l[n - 1] == '\r')
		n--;
	if (n > 0 && l[0] == '+')
		return BF_MORE;			/* asynchronous log echo */
	if (n >= 5 && is_digit(l[0]) && is_digit(l[1]) && is_digit(l[2]) && is_digit(l[3]) &&
	    (l[4] == '-' || l[4] == ' ')) {
		code = (l[0] - '0') * 1000 + (l[1] - '0') * 100 + (l[2] - '0') * 10 + (l[3] - '0');
		/* BIRD's codes are 0xxx, 1xxx, 2xxx (ok, entry, heading), 8xxx and
		 * 9xxx (errors): a session that says anything else is out of step. */
		if (code >= 3000 && code < 8000)
			return BF_PROTO;
		r->code = code;
		r->lines++;
		if (l[4] == ' ') {
			size_t t = n - 5 < sizeof(r->final_text) - 1 ? n - 5 : sizeof(r->final_text) - 1;
			r->done = true;
			r->final_code = code;
			memcpy(r->final_text, l + 5, t);
			r->final_text[t] = '\0';
		}
		if (fn != NULL && fn(ctx, code, l + 5, n - 5) < 0)
			return BF_ABORT;
		return r->done ? BF_DONE : BF_MORE;
	}
	if (n >= 1 && l[0] == ' ' && r->code >= 0) {
		r->lines++;
		if (fn != NULL && fn(ctx, r->code, l + 1, n - 1) < 0)
			return BF_ABORT;
		return BF_MORE;
	}
	/* "<N messages lost>" (echo overflow) has no prefix: we never enable
	 * echo, so anything else is not BIRD talking. */
	return BF_PROTO;
}

enum bird_feed
bird_reply_feed(struct bird_reply *r, const char *buf, size_t n, size_t *used,
    bird_line_fn fn, void *ctx)
{
	size_t i;

	for (i = 0; i < n && !r->done; i++) {
		enum bird_feed f;
		if (buf[i] != '\n') {
			if (r->len >= sizeof(r->line) - 1)
				return BF_PROTO;
			r->line[r->len++] = buf[i];
			continue;
		}
		r->line[r->len] = '\0';
		f = take_line(r, fn, ctx);
		r->len = 0;
		if (f < 0) {
			*used = i + 1;
			return f;
		}
	}
	*used = i;
	return r->done ? BF_DONE : BF_MORE;
}

/* ---- the session ------------------------------------------------------------ */

void
bird_close(struct bird_sess *s)
{
	if (s->fd >= 0)
		close(s->fd);
	s->fd = -1;
	s->rlen = s->roff = 0;
}

static int
wait_fd(int fd, short ev, int64_t deadline_ms)
{
	struct pollfd p = { fd, ev, 0 };
	int64_t left = deadline_ms - clock_ms();
	int r;

	if (left <= 0)
		return 0;
	do
		r = poll(&p, 1, left > 60000 ? 60000 : (int)left);
	while (r < 0 && errno == EINTR);
	return r;
}

static bool
readable_now(int fd)
{
	struct pollfd p = { fd, POLLIN, 0 };
	int r;

	do
		r = poll(&p, 1, 0);
	while (r < 0 && errno == EINTR);
	return r != 0;
}

static bool
write_all(int fd, const char *p, size_t n, int64_t deadline_ms)
{
	while (n > 0) {
		ssize_t w = send(fd, p, n, MSG_NOSIGNAL);
		if (w < 0 && (errno == EAGAIN || errno == EINTR)) {
			if (wait_fd(fd, POLLOUT, deadline_ms) <= 0)
				return false;
			continue;
		}
		if (w <= 0)
			return false;
		p += w;
		n -= (size_t)w;
	}
	return true;
}

/* Read one reply into fn; the session's buffer keeps what follows it. */
static void
read_reply(struct bird_sess *s, int64_t deadline_ms, size_t max_lines, bird_line_fn fn,
    void *ctx, struct bird_result *res)
{
	struct bird_reply r;

	bird_reply_init(&r);
	for (;;) {
		if (s->roff < s->rlen) {
			size_t used;
			enum bird_feed f = bird_reply_feed(&r, s->rbuf + s->roff, s->rlen - s->roff,
			    &used, fn, ctx);
			s->roff += used;
			res->lines = r.lines;
			if (f == BF_DONE && s->roff < s->rlen) {
				/* More after the final line: the reply ended early and
				 * what follows would be read as the next command's. */
				res->status = BS_IO;
				snprintf(res->text, sizeof(res->text), "reply from BIRD ended early");
				goto fail;
			}
			if (f == BF_DONE) {
				res->status = BS_OK;
				res->code = r.final_code;
				memcpy(res->text, r.final_text, sizeof(res->text));
				return;
			}
			if (f == BF_PROTO) {
				res->status = BS_IO;
				snprintf(res->text, sizeof(res->text), "unexpected reply from BIRD");
				goto fail;
			}
			if (f == BF_ABORT || (max_lines > 0 && r.lines > max_lines)) {
				res->status = BS_CAPPED;
				snprintf(res->text, sizeof(res->text), "reply cut at %zu lines", r.lines);
				goto fail;
			}
		}
		s->roff = s->rlen = 0;
		if (wait_fd(s->fd, POLLIN, deadline_ms) <= 0) {
			res->status = BS_TIMEOUT;
			snprintf(res->text, sizeof(res->text), "BIRD did not answer in time");
			goto fail;
		}
		{
			ssize_t n = recv(s->fd, s->rbuf, sizeof(s->rbuf), 0);
			if (n < 0 && (errno == EAGAIN || errno == EINTR))
				continue;
			if (n <= 0) {
				res->status = BS_IO;
				snprintf(res->text, sizeof(res->text), "connection to BIRD lost");
				goto fail;
			}
			s->rlen = (size_t)n;
		}
	}
fail:
	/* Closing is how a client aborts: BIRD frees the session and unlocks
	 * the tables of a half-sent reply. */
	bird_close(s);
}

static void send_cmd(struct bird_sess *s, const char *cmd, int64_t deadline_ms,
    size_t max_lines, bird_line_fn fn, void *ctx, struct bird_result *res);

/* Connect and read the greeting. */
static enum bird_status
connect_greet(struct bird_sess *s, const char *path, int64_t deadline_ms, char *err,
    size_t errlen)
{
	struct sockaddr_un sa;
	struct bird_result res;
	int fd;

	s->fd = -1;
	s->rlen = s->roff = 0;
	memset(&sa, 0, sizeof(sa));
	sa.sun_family = AF_UNIX;
	if (strlen(path) >= sizeof(sa.sun_path)) {
		snprintf(err, errlen, "socket path too long");
		return BS_UNAVAILABLE;
	}
	memcpy(sa.sun_path, path, strlen(path));
	fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
	if (fd < 0) {
		snprintf(err, errlen, "socket: %s", strerror(errno));
		return BS_UNAVAILABLE;
	}
	if (connect(fd, (struct sockaddr *)&sa, sizeof(sa)) != 0) {
		snprintf(err, errlen, "cannot connect to %s: %s", path, strerror(errno));
		close(fd);
		return BS_UNAVAILABLE;
	}
	s->fd = fd;
	read_reply(s, deadline_ms, 4, NULL, NULL, &res);
	if (res.status != BS_OK || res.code != 1) {
		snprintf(err, errlen, "no greeting from BIRD on %s (%s)", path,
		    res.status == BS_OK ? res.text : "no answer");
		bird_close(s);
		return BS_UNAVAILABLE;
	}
	/* "BIRD 2.0.12 ready." */
	if (sscanf(res.text, "BIRD %31s", s->version) != 1)
		snprintf(s->version, sizeof(s->version), "?");
	else if (sscanf(s->version[0] == 'v' ? s->version + 1 : s->version, "%u.%u",
	    &s->major, &s->minor) != 2)
		s->major = s->minor = 0;
	return BS_OK;
}

enum bird_status
bird_open(struct bird_sess *s, const char *path, int64_t deadline_ms, char *err, size_t errlen)
{
	struct bird_result res;

	if (connect_greet(s, path, deadline_ms, err, errlen) != BS_OK)
		return BS_UNAVAILABLE;
	/* Safe on a socket restricted by its configuration too. */
	bird_cmd(s, "restrict", deadline_ms, 4, NULL, NULL, &res);
	if (res.status != BS_OK || res.code != BIRD_C_RESTRICTED) {
		snprintf(err, errlen, "BIRD refused to restrict the session (%d %s)", res.code,
		    res.text);
		bird_close(s);
		return BS_UNAVAILABLE;
	}
	return BS_OK;
}

enum bird_status
bird_open_admin(struct bird_sess *s, const char *path, int64_t deadline_ms, char *err,
    size_t errlen)
{
	return connect_greet(s, path, deadline_ms, err, errlen);
}

/* A config path we write: no quote, backslash or space can end the string. */
static bool
conf_path_ok(const char *p)
{
	if (*p != '/')
		return false;
	for (; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
		    *p == '/' || *p == '.' || *p == '_' || *p == '-'))
			return false;
	return true;
}

void
bird_configure(struct bird_sess *s, const char *path, unsigned timeout_s, int64_t deadline_ms,
    struct bird_result *res)
{
	char cmd[BIRD_CMD_MAX + 1];

	memset(res, 0, sizeof(*res));
	if (!conf_path_ok(path) || (size_t)snprintf(cmd, sizeof(cmd), "configure \"%s\" timeout %u",
	    path, timeout_s) >= sizeof(cmd) - 1) {
		res->status = BS_BADCMD;
		snprintf(res->text, sizeof(res->text), "config path refused");
		return;
	}
	send_cmd(s, cmd, deadline_ms, 64, NULL, NULL, res);
}

bool
bird_cmd_ok(const char *cmd)
{
	size_t n = strlen(cmd);

	if (n == 0 || n >= BIRD_CMD_MAX)
		return false;
	for (size_t i = 0; i < n; i++) {
		char c = cmd[i];
		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
		    c == ' ' || c == '_' || c == '.' || c == ':' || c == '/' || c == '=' || c == '~' ||
		    c == '&' || c == '<' || c == '(' || c == ')' || c == ',' || c == '[' ||
		    c == ']' || c == '*' || c == '!'))
			return false;
	}
	return true;
}

void
bird_cmd(struct bird_sess *s, const char *cmd, int64_t deadline_ms, size_t max_lines,
    bird_line_fn fn, void *ctx, struct bird_result *res)
{
	memset(res, 0, sizeof(*res));
	if (!bird_cmd_ok(cmd)) {
		res->status = BS_BADCMD;
		snprintf(res->text, sizeof(res->text), "command refused");
		return;
	}
	send_cmd(s, cmd, deadline_ms, max_lines, fn, ctx, res);
}

/* A checked command out, its reply in. */
static void
send_cmd(struct bird_sess *s, const char *cmd, int64_t deadline_ms, size_t max_lines,
    bird_line_fn fn, void *ctx, struct bird_result *res)
{
	char line[BIRD_CMD_MAX + 1];
	size_t n = strlen(cmd);

	if (s->fd < 0) {
		res->status = BS_IO;
		snprintf(res->text, sizeof(res->text), "not connected");
		return;
	}
	/* Between replies BIRD says nothing: anything to read now (late lines
	 * of an earlier reply, or the end of the connection) means the session
	 * can no longer tell whose reply it reads. */
	if (s->roff < s->rlen || readable_now(s->fd)) {
		res->status = BS_IO;
		snprintf(res->text, sizeof(res->text), "session out of step with BIRD");
		bird_close(s);
		return;
	}
	memcpy(line, cmd, n);
	line[n] = '\n';
	if (!write_all(s->fd, line, n + 1, deadline_ms)) {
		res->status = BS_IO;
		snprintf(res->text, sizeof(res->text), "cannot send to BIRD");
		bird_close(s);
		return;
	}
	read_reply(s, deadline_ms, max_lines, fn, ctx, res);
}
