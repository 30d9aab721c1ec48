#include "irrd_client.h"

#include <errno.h>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "buf.h"
#include "clock.h"
#include "xalloc.h"

#define MAX_CONNS	64
#define MAX_INFLIGHT	2000		/* answers outstanding per connection */
#define MAX_WRITE	(64 * 1024)	/* query bytes buffered per connection */

struct item {				/* one user query */
	char		*line;		/* "!gAS64500\n" */
	char		*source;	/* NULL: the connection's sources */
	irrd_cb		 cb;
	void		*ctx;
	struct item	*next;
};

enum entry_kind {
	E_NAME,		/* !n: answer C */
	E_SOURCES,	/* !s<list>: answer C */
	E_LIST,		/* !s-lc: the server's default sources */
	E_SWITCH,	/* !s<one> before a SOURCE:: query */
	E_RESTORE,	/* !s<defaults> after it */
	E_USER,
};

struct entry {
	enum entry_kind	 kind;
	struct item	*item;		/* E_USER */
};

struct conn {
	int		 fd;
	bool		 connecting;
	struct buf	 out;		/* bytes to write */
	size_t		 out_off;
	struct entry	*fifo;		/* answers expected, in order */
	size_t		 head, tail, cap;
	struct irrd_parser parser;
	char		*defaults;	/* sources to restore after a switch */
	bool		 switch_failed;	/* the next E_USER gets F */
	int64_t		 last_rx;	/* clock_ms */
};

struct irrd_client {
	struct irrd_opts o;
	struct item	*pending, **pending_tail;
	size_t		 n_pending;
	struct conn	 conns[MAX_CONNS];
	unsigned	 n_conns;
	struct irrd_stats st;
	char		 err[256];
	struct conn	*current;	/* set while its answers are parsed */
	bool		 aborted;
};

struct irrd_client *
irrd_new(const struct irrd_opts *o)
{
	struct irrd_client *c = xcalloc(1, sizeof(*c));

	c->o = *o;
	if (c->o.jobs == 0)
		c->o.jobs = 1;
	if (c->o.jobs > MAX_CONNS)
		c->o.jobs = MAX_CONNS;
	c->pending_tail = &c->pending;
	for (unsigned i = 0; i < MAX_CONNS; i++)
		c->conns[i].fd = -1;
	return c;
}

void
irrd_abort(struct irrd_client *c)
{
	c->aborted = true;
}

const struct irrd_stats *
irrd_stats(const struct irrd_client *c)
{
	return &c->st;
}

void
irrd_query(struct irrd_client *c, const char *source, const char *q, irrd_cb cb, void *ctx)
{
	struct item *it = xcalloc(1, sizeof(*it));
	struct buf b = BUF_INIT;

	buf_printf(&b, "!%s\n", q);
	it->line = buf_steal(&b);
	it->source = source && *source ? xstrdup(source) : NULL;
	it->cb = cb;
	it->ctx = ctx;
	*c->pending_tail = it;
	c->pending_tail = &it->next;
	c->n_pending++;
}

static void
item_free(struct item *it)
{
	free(it->line);
	free(it->source);
	free(it);
}

static size_t
fifo_len(const struct conn *cn)
{
	return cn->tail - cn->head;
}

static void
fifo_push(struct conn *cn, enum entry_kind kind, struct item *it)
{
	if (cn->tail == cn->cap) {
		/* Compact before growing. */
		if (cn->head > 0) {
			memmove(cn->fifo, cn->fifo + cn->head, fifo_len(cn) * sizeof(*cn->fifo));
			cn->tail -= cn->head;
			cn->head = 0;
		}
		cn->fifo = xgrow(cn->fifo, &cn->cap, cn->tail + 1, sizeof(*cn->fifo));
	}
	cn->fifo[cn->tail].kind = kind;
	cn->fifo[cn->tail].item = it;
	cn->tail++;
}

static void
sources_line(struct buf *b, const struct irrd_opts *o)
{
	buf_puts(b, "!s");
	for (size_t i = 0; i < o->n_sources; i++)
		buf_printf(b, "%s%s", i ? "," : "", o->sources[i]);
	buf_putc(b, '\n');
}

/* Open a connection and queue its setup: !! (no answer), !n, !s. */
static int
conn_open(struct irrd_client *c, struct conn *cn)
{
	struct addrinfo hints, *res = NULL, *ai;
	int fd = -1, r, one = 1;

	memset(&hints, 0, sizeof(hints));
	hints.ai_socktype = SOCK_STREAM;
	r = getaddrinfo(c->o.host, c->o.port, &hints, &res);
	if (r != 0) {
		snprintf(c->err, sizeof(c->err), "%s: %s", c->o.host, gai_strerror(r));
		return -1;
	}
	for (ai = res; ai != NULL; ai = ai->ai_next) {
		fd = socket(ai->ai_family, ai->ai_socktype | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
		if (fd < 0)
			continue;
		if (connect(fd, ai->ai_addr, ai->ai_addrlen) == 0 || errno == EINPROGRESS)
			break;
		close(fd);
		fd = -1;
	}
	freeaddrinfo(res);
	if (fd < 0) {
		snprintf(c->err, sizeof(c->err), "%s port %s: cannot connect: %s", c->o.host,
		    c->o.port, strerror(errno));
		return -1;
	}
	setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
	memset(cn, 0, sizeof(*cn));
	cn->fd = fd;
	cn->connecting = true;
	cn->last_rx = clock_ms();
	irrd_parser_init(&cn->parser, c->o.max_answer);
	buf_printf(&cn->out, "!!\n!n%s\n", c->o.client_name ? c->o.client_name : "ixp-rsc");
	fifo_push(cn, E_NAME, NULL);
	if (c->o.n_sources > 0) {
		struct buf b = BUF_INIT;
		sources_line(&b, &c->o);
		buf_add(&cn->out, b.p, b.len);
		cn->defaults = buf_steal(&b);
		fifo_push(cn, E_SOURCES, NULL);
	} else {
		buf_puts(&cn->out, "!s-lc\n");
		fifo_push(cn, E_LIST, NULL);
	}
	c->st.connections++;
	return 0;
}

/* Close; the user queries still due go back to the front of the queue. */
static void
conn_close(struct irrd_client *c, struct conn *cn)
{
	struct item *back = NULL, **tail = &back;

	for (size_t i = cn->head; i < cn->tail; i++)
		if (cn->fifo[i].kind == E_USER) {
			*tail = cn->fifo[i].item;
			tail = &cn->fifo[i].item->next;
			c->n_pending++;
		}
	if (back != NULL) {
		*tail = c->pending;
		if (c->pending == NULL)
			c->pending_tail = tail;
		c->pending = back;
	}
	if (cn->fd >= 0)
		close(cn->fd);
	buf_free(&cn->out);
	free(cn->fifo);
	free(cn->defaults);
	irrd_parser_free(&cn->parser);
	memset(cn, 0, sizeof(*cn));
	cn->fd = -1;
}

/* Move queued queries onto a connection, within its limits. */
static void
conn_fill(struct irrd_client *c, struct conn *cn)
{
	while (c->pending != NULL && fifo_len(cn) + 3 <= MAX_INFLIGHT &&
	    cn->out.len - cn->out_off < MAX_WRITE && cn->defaults != NULL) {
		struct item *it = c->pending;

		c->pending = it->next;
		if (c->pending == NULL)
			c->pending_tail = &c->pending;
		c->n_pending--;
		it->next = NULL;
		if (it->source != NULL) {
			buf_printf(&cn->out, "!s%s\n", it->source);
			fifo_push(cn, E_SWITCH, NULL);
		}
		buf_puts(&cn->out, it->line);
		fifo_push(cn, E_USER, it);
		if (it->source != NULL) {
			buf_puts(&cn->out, cn->defaults);
			fifo_push(cn, E_RESTORE, NULL);
		}
		c->st.queries++;
	}
}

static int
on_answer(const struct irrd_answer *a, void *ctx)
{
	struct irrd_client *c = ctx;
	struct conn *cn = c->current;
	struct entry e;

	if (fifo_len(cn) == 0) {
		snprintf(c->err, sizeof(c->err), "%s: answer to a question not asked", c->o.host);
		return -1;
	}
	e = cn->fifo[cn->head++];
	switch (e.kind) {
	case E_NAME:
		/* Servers differ (C, or nothing useful); only F matters. */
		if (a->st == IRRD_F) {
			snprintf(c->err, sizeof(c->err), "%s refused the client name: %.*s",
			    c->o.host, (int)a->len, a->data);
			return -1;
		}
		break;
	case E_SOURCES:
		if (a->st != IRRD_C) {
			snprintf(c->err, sizeof(c->err), "%s does not serve the IRR sources "
			    "%.*s: %.*s", c->o.host, (int)strcspn(cn->defaults + 2, "\n"),
			    cn->defaults + 2, (int)a->len, a->data);
			return -1;
		}
		break;
	case E_LIST: {
		struct buf b = BUF_INIT;
		if (a->st != IRRD_A) {
			snprintf(c->err, sizeof(c->err), "%s did not list its sources", c->o.host);
			return -1;
		}
		buf_puts(&b, "!s");
		buf_add(&b, a->data, a->len);
		buf_putc(&b, '\n');
		cn->defaults = buf_steal(&b);
		break;
	}
	case E_SWITCH:
		cn->switch_failed = a->st != IRRD_C;
		break;
	case E_RESTORE:
		if (a->st != IRRD_C) {
			snprintf(c->err, sizeof(c->err), "%s: cannot restore the sources", c->o.host);
			return -1;
		}
		break;
	case E_USER:
		if (cn->switch_failed) {
			/* Asked of the wrong sources: the answer is meaningless. */
			struct irrd_answer f = { IRRD_F, "unknown source", 14 };
			e.item->cb(&f, e.item->ctx);
			cn->switch_failed = false;
		} else {
			e.item->cb(a, e.item->ctx);
		}
		item_free(e.item);
		break;
	}
	return c->aborted ? -1 : 0;
}

/* Read what is there. 0; 1 on EOF or a connection error (retry); -1 fatal. */
static int
conn_read(struct irrd_client *c, struct conn *cn)
{
	char b[65536];

	for (;;) {
		ssize_t n = read(cn->fd, b, sizeof(b));
		if (n > 0) {
			cn->last_rx = clock_ms();
			c->st.bytes_in += (uint64_t)n;
			if (c->o.max_total && c->st.bytes_in > c->o.max_total) {
				snprintf(c->err, sizeof(c->err), "%s: more than %llu MB of answers",
				    c->o.host, (unsigned long long)(c->o.max_total >> 20));
				return -1;
			}
			c->current = cn;
			if (irrd_parser_feed(&cn->parser, b, (size_t)n, on_answer, c) != 0) {
				if (c->aborted)
					return -1;
				if (c->err[0] == '\0')
					snprintf(c->err, sizeof(c->err), "%s: %s", c->o.host,
					    cn->parser.err);
				return -1;
			}
			continue;
		}
		if (n == 0 || (errno != EAGAIN && errno != EINTR))
			return 1;
		return 0;
	}
}

static int
conn_write(struct conn *cn)
{
	while (cn->out_off < cn->out.len) {
		ssize_t n = write(cn->fd, cn->out.p + cn->out_off, cn->out.len - cn->out_off);
		if (n < 0)
			return errno == EAGAIN || errno == EINTR ? 0 : 1;
		cn->out_off += (size_t)n;
	}
	buf_reset(&cn->out);
	cn->out_off = 0;
	return 0;
}

static bool
conn_busy(const struct conn *cn)
{
	return cn->fd >= 0 && fifo_len(cn) > 0;
}

int
irrd_run(struct irrd_client *c, char *err, size_t errlen)
{
	int64_t start = clock_ms();
	struct pollfd pfd[MAX_CONNS];
	int ret = -1;

	c->err[0] = '\0';
	for (;;) {
		unsigned n = 0, busy = 0;
		int64_t now = clock_ms();

		/* Enough connections for the work queued, up to jobs. */
		while (c->n_conns < c->o.jobs && c->n_pending > c->n_conns * 50) {
			if (conn_open(c, &c->conns[c->n_conns]) != 0)
				goto out;
			c->n_conns++;
		}
		if (c->n_conns == 0 && c->pending != NULL) {
			if (conn_open(c, &c->conns[0]) != 0)
				goto out;
			c->n_conns = 1;
		}
		for (unsigned i = 0; i < c->n_conns; i++) {
			struct conn *cn = &c->conns[i];
			if (cn->fd < 0 && c->pending != NULL) {
				if (c->st.reconnects >= c->o.max_reconnects) {
					snprintf(c->err, sizeof(c->err), "%s: connection lost %u times, "
					    "giving up", c->o.host, c->st.reconnects + 1);
					goto out;
				}
				c->st.reconnects++;
				if (conn_open(c, cn) != 0)
					goto out;
			}
			if (cn->fd >= 0 && !cn->connecting)
				conn_fill(c, cn);
			if (conn_busy(cn))
				busy++;
		}
		if (busy == 0 && c->pending == NULL) {
			ret = 0;
			goto out;
		}
		if (c->o.deadline_s && now - start >= (int64_t)c->o.deadline_s * 1000) {
			snprintf(c->err, sizeof(c->err), "%s: no complete answer within %u s",
			    c->o.host, c->o.deadline_s);
			goto out;
		}
		for (unsigned i = 0; i < c->n_conns; i++) {
			struct conn *cn = &c->conns[i];
			if (cn->fd < 0)
				continue;
			if (conn_busy(cn) && now - cn->last_rx >= (int64_t)c->o.idle_timeout_s * 1000) {
				snprintf(c->err, sizeof(c->err), "%s: no answer for %u s", c->o.host,
				    c->o.idle_timeout_s);
				goto out;
			}
			pfd[n].fd = cn->fd;
			pfd[n].events = POLLIN | (cn->connecting || cn->out.len > cn->out_off ?
			    POLLOUT : 0);
			pfd[n].revents = 0;
			n++;
		}
		if (poll(pfd, n, 200) < 0 && errno != EINTR) {
			snprintf(c->err, sizeof(c->err), "poll: %s", strerror(errno));
			goto out;
		}
		for (unsigned i = 0, k = 0; i < c->n_conns; i++) {
			struct conn *cn = &c->conns[i];
			int r = 0;
			if (cn->fd < 0)
				continue;
			if (cn->connecting && (pfd[k].revents & (POLLOUT | POLLERR | POLLHUP))) {
				int soerr = 0;
				socklen_t sl = sizeof(soerr);
				getsockopt(cn->fd, SOL_SOCKET, SO_ERROR, &soerr, &sl);
				if (soerr != 0) {
					snprintf(c->err, sizeof(c->err), "%s port %s: cannot connect: %s",
					    c->o.host, c->o.port, strerror(soerr));
					goto out;
				}
				cn->connecting = false;
			}
			if (!cn->connecting && (pfd[k].revents & POLLOUT))
				r = conn_write(cn);
			if (r == 0 && (pfd[k].revents & (POLLIN | POLLHUP | POLLERR)))
				r = conn_read(c, cn);
			if (r < 0)
				goto out;
			if (r > 0)	/* dropped: transient; its queries go again */
				conn_close(c, cn);
			k++;
		}
	}
out:
	if (ret != 0)
		snprintf(err, errlen, "%s", c->err[0] ? c->err : "IRR query failed");
	for (unsigned i = 0; i < c->n_conns; i++) {
		struct conn *cn = &c->conns[i];
		if (cn->fd >= 0 && ret == 0) {
			ssize_t w = write(cn->fd, "!q\n", 3);
			(void)w;
		}
		conn_close(c, cn);
	}
	c->n_conns = 0;
	return ret;
}

void
irrd_free(struct irrd_client *c)
{
	struct item *it = c->pending, *next;

	for (unsigned i = 0; i < MAX_CONNS; i++)
		if (c->conns[i].fd >= 0)
			conn_close(c, &c->conns[i]);
	for (it = c->pending; it != NULL; it = next) {
		next = it->next;
		item_free(it);
	}
	free(c);
}
