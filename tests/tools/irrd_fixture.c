/*
 * irrd_fixture: a small IRRd-protocol server for the tests. It serves RPSL
 * dumps with the IRRd-style queries bgpq4 and ixp-rsc use, and misbehaves on
 * demand.
 *
 *   irrd_fixture [-p PORT] [--slow MS] [--drop-after N] [--drop-once-after N]
 *                [--garbage-after N] [--oversize-after N] [--no-a]
 *                [--stall-after N] [--short-after N] [--reset-after N]
 *                [--trickle MS] [--fail-sources TEXT] [--explode N] DUMP...
 *
 * Faults, each after N answers on a connection: --stall-after sends half of
 * the next answer and then nothing (the connection stays open);
 * --short-after announces more bytes than it sends and closes;
 * --reset-after closes with a TCP RST. --trickle sends every answer one
 * byte per MS (the connection never goes quiet). --fail-sources answers
 * the source selection with "F TEXT". --explode makes every !i answer name
 * N AS-SETs nobody asked about before (AS-GEN-<n>), which answer alike.
 *
 * Prints "READY <port>" when listening (PORT 0: any free port) and serves
 * until killed. Queries: !! !n !s<list> !s-lc !i<set>[,1] !g<as> !6<as>
 * !a[4|6]<set> !t !v !q. Set expansion here is the server's own (IRRd
 * semantics: missing nested sets are dropped silently, mbrs-by-ref is
 * resolved), independent of ixp-rsc's.
 */
#include <errno.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "asn.h"
#include "buf.h"
#include "diag.h"
#include "hmap.h"
#include "irrdb.h"
#include "irrname.h"
#include "strutil.h"
#include "xalloc.h"

#define MAX_CLIENTS 64

struct client {
	int		 fd;
	struct buf	 in;
	bool		 persistent;
	bool		 stalled;	/* reads, never answers again */
	bool		 closing;	/* --short-after / --reset-after: close now */
	unsigned	 answers;
	char		 sources[256];	/* selected, comma separated */
};

static struct irrdb db;
static unsigned slow_ms, drop_after, drop_once_after, garbage_after, oversize_after;
static unsigned stall_after, short_after, reset_after, trickle_ms, explode;
static const char *fail_sources;
static unsigned long gen_counter;
static bool no_a, dropped_once;

/* Is source index `src` among the connection's selected sources? Gives its
 * rank (priority), or -1. */
static int
selected_rank(const struct client *cl, int src)
{
	char tmp[256], *tok, *save;
	int rank = 0;

	snprintf(tmp, sizeof(tmp), "%s", cl->sources);
	for (tok = strtok_r(tmp, ",", &save); tok; tok = strtok_r(NULL, ",", &save), rank++)
		if (strcasecmp(tok, db.sources[src]) == 0)
			return rank;
	return -1;
}

static const struct irr_set *
find_set(const struct client *cl, const char *name)
{
	const struct irr_set *best = NULL;
	int best_rank = 1 << 20;

	for (const struct irr_set *s = irrdb_set(&db, name, NULL); s; s = s->next) {
		int r = selected_rank(cl, s->src);
		if (r >= 0 && r < best_rank) {
			best = s;
			best_rank = r;
		}
	}
	return best;
}

static bool
ref_ok(const struct irr_set *s, const struct irr_claim *c)
{
	for (size_t i = 0; i < s->n_refs; i++) {
		if (!strcmp(s->refs[i], "ANY"))
			return true;
		for (size_t j = 0; j < c->n_mnt_by; j++)
			if (!strcmp(s->refs[i], c->mnt_by[j]))
				return true;
	}
	return false;
}

struct asnset {
	uint32_t	*v;
	size_t		 n, cap;
};

static void
asn_add(struct asnset *a, uint32_t asn)
{
	a->v = xgrow(a->v, &a->cap, a->n + 1, sizeof(*a->v));
	a->v[a->n++] = asn;
}

/* Recursive expansion, IRRd style: loops stopped by a visited set. */
static void
expand(const struct client *cl, const char *name, struct hmap *seen, struct asnset *out)
{
	const struct irr_set *s;
	const struct irr_claims *cls;
	char *key;

	if (hmap_get(seen, name) != NULL)
		return;
	key = xstrdup(name);
	hmap_put(seen, key, key);
	s = find_set(cl, name);
	if (s == NULL)
		return;
	for (size_t i = 0; i < s->n_members; i++) {
		struct irrname in;
		const char *why;
		if (!irrname_parse(s->members[i], strlen(s->members[i]), &in, &why))
			continue;
		if (in.kind == IRRNAME_ASN)
			asn_add(out, in.asn);
		else
			expand(cl, in.name, seen, out);
	}
	if (s->n_refs > 0 && (cls = irrdb_claims(&db, name)) != NULL)
		for (size_t i = 0; i < cls->n; i++)
			if (selected_rank(cl, cls->v[i].src) >= 0 && ref_ok(s, &cls->v[i]))
				asn_add(out, cls->v[i].asn);
}

static void
free_seen(struct hmap *seen)
{
	for (size_t i = 0; i < seen->cap; i++)
		if (seen->slots[i].key)
			free(seen->slots[i].val);
	hmap_free(seen);
}

static void
prefixes_of(const struct client *cl, uint32_t asn, int af, struct buf *out)
{
	size_t n;
	const struct irr_route *r = irrdb_routes_of(&db, asn, af, &n);
	char tmp[ADDR_STRLEN];

	for (size_t i = 0; i < n; i++) {
		struct prefix p = { r[i].a, r[i].len, r[i].af };
		if (selected_rank(cl, r[i].src) < 0)
			continue;
		buf_printf(out, "%s%s", out->len ? " " : "", prefix_format(&p, tmp));
	}
}

static void
send_all(int fd, const char *s, size_t n)
{
	while (n > 0) {
		ssize_t w = write(fd, s, n);
		if (w <= 0)
			return;
		s += w;
		n -= (size_t)w;
	}
}

static void
answer(struct client *cl, const char *status, const struct buf *data)
{
	struct buf b = BUF_INIT;

	if (slow_ms) {
		struct timespec ts = { slow_ms / 1000, (long)(slow_ms % 1000) * 1000000 };
		nanosleep(&ts, NULL);
	}
	cl->answers++;
	if (garbage_after && cl->answers > garbage_after) {
		send_all(cl->fd, "X this is not IRRd\n", 19);
		return;
	}
	if (oversize_after && cl->answers > oversize_after) {
		send_all(cl->fd, "A999999999999\n", 14);
		return;
	}
	if (reset_after && cl->answers > reset_after) {
		struct linger l = { 1, 0 };
		setsockopt(cl->fd, SOL_SOCKET, SO_LINGER, &l, sizeof(l));
		cl->closing = true;
		return;
	}
	if (data != NULL && data->len > 0)
		buf_printf(&b, "A%zu\n%s\nC\n", data->len + 1, data->p);
	else
		buf_printf(&b, "%s\n", data != NULL ? "D" : status);
	if (short_after && cl->answers > short_after) {
		buf_reset(&b);
		buf_printf(&b, "A%zu\n%s", (data ? data->len : 0) + 1000, data ? buf_str(data) : "");
		cl->closing = true;
	}
	if (stall_after && cl->answers > stall_after) {
		send_all(cl->fd, b.p, b.len / 2 ? b.len / 2 : 1);
		cl->stalled = true;
	} else if (trickle_ms) {
		struct timespec ts = { trickle_ms / 1000, (long)(trickle_ms % 1000) * 1000000 };
		for (size_t i = 0; i < b.len; i++) {
			send_all(cl->fd, b.p + i, 1);
			nanosleep(&ts, NULL);
		}
	} else {
		send_all(cl->fd, b.p, b.len);
	}
	buf_free(&b);
}

static void
asns_text(struct asnset *a, struct buf *out)
{
	a->n = asn_sort_unique(a->v, a->n);
	for (size_t i = 0; i < a->n; i++)
		buf_printf(out, "%sAS%u", i ? " " : "", a->v[i]);
}

/* One query line; returns false when the connection is to close. */
static bool
query(struct client *cl, char *q)
{
	struct buf data = BUF_INIT;
	size_t n = strlen(q);

	while (n > 0 && (q[n - 1] == '\r' || q[n - 1] == ' '))
		q[--n] = '\0';
	if (n == 0 || cl->stalled)
		return true;
	if (q[0] != '!') {
		answer(cl, "F Only IRRd-style queries are supported here", NULL);
		return cl->persistent;
	}
	if (!strcmp(q, "!!")) {
		cl->persistent = true;
		return true;
	}
	if (q[1] == 'q' || q[1] == 'Q')
		return false;
	if (q[1] == 'n' || q[1] == 't') {
		answer(cl, "C", NULL);
	} else if (!strcmp(q, "!s-lc")) {
		buf_puts(&data, cl->sources);
		answer(cl, "C", &data);
	} else if (q[1] == 's' && fail_sources != NULL) {
		char f[512];
		snprintf(f, sizeof(f), "F %s", fail_sources);
		answer(cl, f, NULL);
	} else if (q[1] == 'i' && explode) {
		for (unsigned k = 0; k < explode; k++)
			buf_printf(&data, "%sAS-GEN-%lu", k ? " " : "", ++gen_counter);
		answer(cl, "D", &data);
	} else if (q[1] == 's') {
		char tmp[256], *tok, *save;
		bool ok = n > 2 && n < sizeof(tmp);
		snprintf(tmp, sizeof(tmp), "%s", q + 2);
		for (tok = strtok_r(tmp, ",", &save); ok && tok; tok = strtok_r(NULL, ",", &save))
			ok = irrdb_source_index(&db, tok) >= 0;
		if (ok) {
			snprintf(cl->sources, sizeof(cl->sources), "%s", q + 2);
			str_upper(cl->sources);
			answer(cl, "C", NULL);
		} else {
			answer(cl, "F One or more selected sources are unavailable.", NULL);
		}
	} else if (q[1] == 'v') {
		buf_puts(&data, "irrd_fixture (ixp-rs tests)");
		answer(cl, "C", &data);
	} else if (q[1] == 'i') {
		char name[200];
		bool rec = n > 4 && !strcmp(q + n - 2, ",1");
		snprintf(name, sizeof(name), "%.*s", (int)(n - 2 - (rec ? 2 : 0)), q + 2);
		str_upper(name);
		const struct irr_set *s = find_set(cl, name);
		if (s == NULL) {
			answer(cl, "D", NULL);
		} else if (rec) {
			struct hmap seen = { NULL, 0, 0 };
			struct asnset a = { NULL, 0, 0 };
			expand(cl, name, &seen, &a);
			asns_text(&a, &data);
			free(a.v);
			free_seen(&seen);
			answer(cl, "D", &data);
		} else {
			const struct irr_claims *cls = irrdb_claims(&db, name);
			for (size_t i = 0; i < s->n_members; i++)
				buf_printf(&data, "%s%s", data.len ? " " : "", s->members[i]);
			if (s->n_refs > 0 && cls != NULL)
				for (size_t i = 0; i < cls->n; i++)
					if (selected_rank(cl, cls->v[i].src) >= 0 && ref_ok(s, &cls->v[i]))
						buf_printf(&data, "%sAS%u", data.len ? " " : "", cls->v[i].asn);
			answer(cl, "D", &data);
		}
	} else if (q[1] == 'g' || q[1] == '6') {
		uint32_t asn;
		if (!asn_parse(q + 2, n - 2, ASN_PREFIXED | ASN_PLAIN, &asn)) {
			answer(cl, "F Invalid AS number", NULL);
		} else {
			prefixes_of(cl, asn, q[1] == 'g' ? AF4 : AF6, &data);
			answer(cl, "D", &data);
		}
	} else if (q[1] == 'a' && !no_a) {
		int af = q[2] == '4' ? AF4 : q[2] == '6' ? AF6 : 0;
		const char *set = q + (af ? 3 : 2);
		char name[200];
		if (*set == '\0') {
			answer(cl, "F Missing required set name for A query", NULL);
		} else {
			struct hmap seen = { NULL, 0, 0 };
			struct asnset a = { NULL, 0, 0 };
			snprintf(name, sizeof(name), "%s", set);
			str_upper(name);
			expand(cl, name, &seen, &a);
			a.n = asn_sort_unique(a.v, a.n);
			for (size_t i = 0; i < a.n; i++) {
				if (af != AF6)
					prefixes_of(cl, a.v[i], AF4, &data);
				if (af != AF4)
					prefixes_of(cl, a.v[i], AF6, &data);
			}
			free(a.v);
			free_seen(&seen);
			answer(cl, "D", &data);
		}
	} else {
		answer(cl, "F Unrecognized command", NULL);
	}
	buf_free(&data);
	if (cl->closing)
		return false;
	if ((drop_after && cl->answers >= drop_after) ||
	    (drop_once_after && !dropped_once && cl->answers >= drop_once_after)) {
		dropped_once = true;
		return false;
	}
	return cl->persistent;
}

int
main(int argc, char **argv)
{
	struct client cls[MAX_CLIENTS];
	struct sockaddr_in6 sa;
	socklen_t sl = sizeof(sa);
	struct diag d;
	int lfd, one = 1, i;
	char def_sources[256] = "";

	signal(SIGPIPE, SIG_IGN);
	diag_init(&d, stderr);
	irrdb_init(&db, NULL, 0);
	memset(&sa, 0, sizeof(sa));
	sa.sin6_family = AF_INET6;
	sa.sin6_addr = in6addr_loopback;
	for (i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "-p") && i + 1 < argc)
			sa.sin6_port = htons((uint16_t)atoi(argv[++i]));
		else if (!strcmp(argv[i], "--slow") && i + 1 < argc)
			slow_ms = (unsigned)atoi(argv[++i]);
		else if (!strcmp(argv[i], "--drop-after") && i + 1 < argc)
			drop_after = (unsigned)atoi(argv[++i]);
		else if (!strcmp(argv[i], "--drop-once-after") && i + 1 < argc)
			drop_once_after = (unsigned)atoi(argv[++i]);
		else if (!strcmp(argv[i], "--garbage-after") && i + 1 < argc)
			garbage_after = (unsigned)atoi(argv[++i]);
		else if (!strcmp(argv[i], "--oversize-after") && i + 1 < argc)
			oversize_after = (unsigned)atoi(argv[++i]);
		else if (!strcmp(argv[i], "--no-a"))
			no_a = true;
		else if (!strcmp(argv[i], "--stall-after") && i + 1 < argc)
			stall_after = (unsigned)atoi(argv[++i]);
		else if (!strcmp(argv[i], "--short-after") && i + 1 < argc)
			short_after = (unsigned)atoi(argv[++i]);
		else if (!strcmp(argv[i], "--reset-after") && i + 1 < argc)
			reset_after = (unsigned)atoi(argv[++i]);
		else if (!strcmp(argv[i], "--trickle") && i + 1 < argc)
			trickle_ms = (unsigned)atoi(argv[++i]);
		else if (!strcmp(argv[i], "--fail-sources") && i + 1 < argc)
			fail_sources = argv[++i];
		else if (!strcmp(argv[i], "--explode") && i + 1 < argc)
			explode = (unsigned)atoi(argv[++i]);
		else if (irrdb_load_dump(&db, argv[i], &d, NULL) != 0)
			return 1;
	}
	irrdb_finalize(&db);
	for (size_t s = 0; s < db.n_sources; s++)
		snprintf(def_sources + strlen(def_sources), sizeof(def_sources) - strlen(def_sources),
		    "%s%s", s ? "," : "", db.sources[s]);

	lfd = socket(AF_INET6, SOCK_STREAM, 0);
	setsockopt(lfd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
	/* Dual stack: 127.0.0.1 reaches us as ::ffff:127.0.0.1 too. */
	sa.sin6_addr = in6addr_any;
	if (bind(lfd, (struct sockaddr *)&sa, sizeof(sa)) != 0 || listen(lfd, 64) != 0) {
		perror("irrd_fixture: listen");
		return 1;
	}
	getsockname(lfd, (struct sockaddr *)&sa, &sl);
	printf("READY %u\n", ntohs(sa.sin6_port));
	fflush(stdout);
	for (i = 0; i < MAX_CLIENTS; i++)
		cls[i].fd = -1;
	for (;;) {
		struct pollfd p[MAX_CLIENTS + 1];
		int map[MAX_CLIENTS + 1], n = 0;
		p[n].fd = lfd;
		p[n].events = POLLIN;
		map[n++] = -1;
		for (i = 0; i < MAX_CLIENTS; i++)
			if (cls[i].fd >= 0) {
				p[n].fd = cls[i].fd;
				p[n].events = POLLIN;
				map[n++] = i;
			}
		if (poll(p, (nfds_t)n, -1) < 0)
			continue;
		for (int k = 0; k < n; k++) {
			if (!(p[k].revents & (POLLIN | POLLHUP | POLLERR)))
				continue;
			if (map[k] < 0) {
				int fd = accept(lfd, NULL, NULL);
				for (i = 0; i < MAX_CLIENTS && fd >= 0; i++)
					if (cls[i].fd < 0) {
						memset(&cls[i], 0, sizeof(cls[i]));
						cls[i].fd = fd;
						snprintf(cls[i].sources, sizeof(cls[i].sources), "%s", def_sources);
						fd = -1;
					}
				if (fd >= 0)
					close(fd);
				continue;
			}
			struct client *cl = &cls[map[k]];
			char b[65536];
			ssize_t r = read(cl->fd, b, sizeof(b));
			bool keep = r > 0;
			if (r > 0)
				buf_add(&cl->in, b, (size_t)r);
			while (keep) {
				char *nl = memchr(cl->in.p, '\n', cl->in.len);
				size_t len;
				if (nl == NULL)
					break;
				*nl = '\0';
				len = (size_t)(nl - cl->in.p) + 1;
				keep = query(cl, cl->in.p);
				memmove(cl->in.p, cl->in.p + len, cl->in.len - len);
				cl->in.len -= len;
			}
			if (!keep) {
				close(cl->fd);
				buf_free(&cl->in);
				cl->fd = -1;
			}
		}
	}
}
