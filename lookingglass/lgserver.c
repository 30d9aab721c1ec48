#include "lgserver.h"

#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include <microhttpd.h>

#include "buf.h"
#include "clock.h"
#include "hmap.h"
#include "xalloc.h"

/* The first is the default Content-Security-Policy (lg_response.csp may
 * replace it). */
static const char *const security_headers[][2] = {
	{ "Content-Security-Policy", "default-src 'none'; style-src 'self'; img-src 'self'; "
	    "form-action 'self'; frame-ancestors 'none'; base-uri 'self'" },
	{ "X-Content-Type-Options", "nosniff" },
	{ "X-Frame-Options", "DENY" },
	{ "Referrer-Policy", "no-referrer" },
};

#define URI_MAX 2048

void
lg_answer(struct lg_app *app, const char *method, const char *uri, struct lg_response *resp)
{
	char path[URI_MAX + 1];
	const char *q = strchr(uri, '?');
	size_t plen = q ? (size_t)(q - uri) : strlen(uri);
	struct lg_request rq;
	struct lg_reqerr err;

	if (plen > URI_MAX || strlen(uri) > URI_MAX) {
		lg_error(app, lg_path_format(uri), 414, NULL, "request too long", resp);
		return;
	}
	memcpy(path, uri, plen);
	path[plen] = '\0';
	if (!lg_parse_request(method, path, q ? q + 1 : "", &rq, &err)) {
		lg_error(app, lg_path_format(path), err.status, err.param, err.msg, resp);
		return;
	}
	lg_handle(app, &rq, resp);
}

/* ---- rate limiting ---------------------------------------------------------------- */

#define RL_SLOTS 8192
#define RL_PROBE 8

struct rl_slot {
	char	 key[48];
	double	 tokens;
	int64_t	 last_ms;
};

struct lg_ratelimit {
	pthread_mutex_t	 mu;
	double		 rate, burst;
	struct rl_slot	*slot;
};

struct lg_ratelimit *
lg_ratelimit_new(double rate, double burst)
{
	struct lg_ratelimit *rl = xcalloc(1, sizeof(*rl));

	pthread_mutex_init(&rl->mu, NULL);
	rl->rate = rate;
	rl->burst = burst < 1 ? 1 : burst;
	rl->slot = xcalloc(RL_SLOTS, sizeof(*rl->slot));
	return rl;
}

void
lg_ratelimit_free(struct lg_ratelimit *rl)
{
	if (rl == NULL)
		return;
	pthread_mutex_destroy(&rl->mu);
	free(rl->slot);
	free(rl);
}

bool
lg_ratelimit_take(struct lg_ratelimit *rl, const char *key, int64_t now_ms, unsigned *retry_after)
{
	uint32_t h = hmap_hash(key);
	struct rl_slot *s = NULL, *oldest = NULL;
	bool ok;

	pthread_mutex_lock(&rl->mu);
	for (int i = 0; i < RL_PROBE; i++) {
		struct rl_slot *c = &rl->slot[(h + (uint32_t)i) % RL_SLOTS];
		if (!strcmp(c->key, key)) {
			s = c;
			break;
		}
		if (oldest == NULL || c->last_ms < oldest->last_ms)
			oldest = c;
	}
	if (s == NULL) {		/* a new client, or one not seen for long */
		s = oldest;
		snprintf(s->key, sizeof(s->key), "%s", key);
		s->tokens = rl->burst;
		s->last_ms = now_ms;
	}
	s->tokens += (double)(now_ms - s->last_ms) / 1000.0 * rl->rate;
	if (s->tokens > rl->burst)
		s->tokens = rl->burst;
	s->last_ms = now_ms;
	ok = s->tokens >= 1.0;
	if (ok)
		s->tokens -= 1.0;
	else
		*retry_after = (unsigned)((1.0 - s->tokens) / rl->rate) + 1;
	pthread_mutex_unlock(&rl->mu);
	return ok;
}

static bool
addr_parse(const char *s, struct lg_addr *out)
{
	memset(out, 0, sizeof(*out));
	if (inet_pton(AF_INET, s, out->a) == 1)
		out->af = AF_INET;
	else if (inet_pton(AF_INET6, s, out->a) == 1)
		out->af = AF_INET6;
	return out->af != 0;
}

static bool
addr_of(const struct sockaddr *sa, struct lg_addr *out)
{
	memset(out, 0, sizeof(*out));
	if (sa != NULL && sa->sa_family == AF_INET) {
		out->af = AF_INET;
		memcpy(out->a, &((const struct sockaddr_in *)sa)->sin_addr, 4);
	} else if (sa != NULL && sa->sa_family == AF_INET6) {
		out->af = AF_INET6;
		memcpy(out->a, &((const struct sockaddr_in6 *)sa)->sin6_addr, 16);
	}
	return out->af != 0;
}

/* The client's address, IPv6 reduced to its /64 (one network, one bucket). */
static void
client_key(const struct lg_addr *ad, char *out, size_t cap)
{
	char tmp[INET6_ADDRSTRLEN];
	unsigned char a[16];

	if (ad->af == AF_INET) {
		inet_ntop(AF_INET, ad->a, out, (socklen_t)cap);
	} else if (ad->af == AF_INET6) {
		memcpy(a, ad->a, 8);
		memset(a + 8, 0, 8);
		inet_ntop(AF_INET6, a, tmp, sizeof(tmp));
		snprintf(out, cap, "%s/64", tmp);
	} else {
		snprintf(out, cap, "?");
	}
}

/*
 * The address a trusted reverse proxy saw: the right-most entry of
 * X-Forwarded-For (proxies append to it; what is left of that entry came
 * from the client and proves nothing). False when it is not one address.
 */
bool
lg_forwarded_for(const char *xff, struct lg_addr *out)
{
	const char *last = strrchr(xff, ',');
	char tmp[INET6_ADDRSTRLEN + 1];
	size_t n;

	last = last ? last + 1 : xff;
	while (*last == ' ' || *last == '\t')
		last++;
	n = strcspn(last, " \t");
	if (n == 0 || n >= sizeof(tmp) || last[n + strspn(last + n, " \t")] != '\0')
		return false;
	memcpy(tmp, last, n);
	tmp[n] = '\0';
	return addr_parse(tmp, out);
}

bool
lg_addrs_parse(const char *opt, const char *list, struct lg_proxies *out, char *err,
    size_t errlen)
{
	char *copy = xstrdup(list), *save = NULL, *tok;
	bool ok = true;

	for (tok = strtok_r(copy, ",", &save); tok && ok; tok = strtok_r(NULL, ",", &save)) {
		if (out->n == LG_MAX_PROXIES) {
			snprintf(err, errlen, "%s: at most %d addresses", opt, LG_MAX_PROXIES);
			ok = false;
		} else if (!addr_parse(tok, &out->v[out->n++])) {
			snprintf(err, errlen, "%s: %s is not an IPv4 or IPv6 address", opt, tok);
			ok = false;
		}
	}
	free(copy);
	return ok;
}

static bool
trusted(const struct lg_proxies *p, const struct lg_addr *ad)
{
	for (size_t i = 0; i < p->n; i++)
		if (p->v[i].af == ad->af && !memcmp(p->v[i].a, ad->a, 16))
			return true;
	return false;
}

/* ---- connections per network --------------------------------------------------------- */

/*
 * Connections held per client network (IPv4 address, IPv6 /64): checked
 * when libmicrohttpd accepts, counted from its start and close
 * notifications. Its own per-IP cap counts each IPv6 address apart, so one
 * /64 could hold every slot.
 */
#define NC_SLOTS 8192
#define NC_PROBE 16

struct nc_slot {
	char		 key[48];
	unsigned	 n;
};

struct netconns {
	pthread_mutex_t	 mu;
	unsigned	 max;
	struct nc_slot	*slot;
	unsigned	 total, crowded;	/* connections held; "crowded" above this */
};

/* The slot holding key (or, with create, a free one for it); NULL if none. */
static struct nc_slot *
nc_find(struct netconns *nc, const char *key, bool create)
{
	uint32_t h = hmap_hash(key);
	struct nc_slot *free_slot = NULL;

	for (int i = 0; i < NC_PROBE; i++) {
		struct nc_slot *c = &nc->slot[(h + (uint32_t)i) % NC_SLOTS];
		if (c->n > 0 && !strcmp(c->key, key))
			return c;
		if (c->n == 0 && free_slot == NULL)
			free_slot = c;
	}
	if (create && free_slot != NULL)
		snprintf(free_slot->key, sizeof(free_slot->key), "%s", key);
	return create ? free_slot : NULL;
}

/* ---- the server ---------------------------------------------------------------------- */

/*
 * libmicrohttpd runs event-driven (epoll, two polling threads): a slow or
 * idle connection costs a socket and its memory pool, no thread. Work that
 * waits for BIRD runs on worker threads, the connection suspended
 * meanwhile; a request that finds every worker busy waits in a queue up to
 * QUEUE_WAIT_MS, then gets 503.
 */
#define POLL_THREADS	2
#define QUEUE_WAIT_MS	3000
#define IDLE_TIMEOUT_S	10
#define CROWDED_TIMEOUT_S 3	/* for connections made while more than half are held */
#define SUMMARY_MS	60000

enum req_state { RQ_NEW, RQ_QUEUED, RQ_DONE };

/* One request: libmicrohttpd's con_cls, from the URI callback on. */
struct req {
	char			*uri;		/* raw, as the client sent it */
	const char		*method;
	enum req_state		 state;
	struct lg_response	 resp;
	struct MHD_Connection	*conn;
	int64_t			 queued_ms;
	struct req		*next;		/* in the queue */
};

/* Refusals, logged as one summary line a minute at most. */
struct refusals {
	unsigned	 rate, busy, netcap;
	int64_t		 since_ms;
};

struct server {
	struct lg_app		*app;
	struct lg_ratelimit	*rl;
	struct lg_proxies	 proxies;
	struct lg_proxies	 metrics_allow;
	struct netconns		 nc;
	pthread_mutex_t		 mu;		/* the queue, stopping, refusals */
	pthread_cond_t		 cv;
	struct req		*head, *tail;
	size_t			 queued, max_queued;
	bool			 stopping;
	pthread_t		*workers;
	unsigned		 n_workers;
	pthread_t		 reaper;
	struct refusals		 ref;
};

/* Called with s->mu held. */
static void
refusal_summary(struct server *s, int64_t now, bool force)
{
	struct refusals *r = &s->ref;

	if (r->rate + r->busy + r->netcap == 0 || (!force && now - r->since_ms < SUMMARY_MS)) {
		if (r->rate + r->busy + r->netcap == 0)
			r->since_ms = now;
		return;
	}
	fprintf(stderr, "ixp-lg: in the last %lld s: %u requests over the rate limit (429), "
	    "%u while busy (503), %u connections over the per-network cap\n",
	    (long long)((now - r->since_ms + 999) / 1000), r->rate, r->busy, r->netcap);
	memset(r, 0, sizeof(*r));
	r->since_ms = now;
}

static void
refused(struct server *s, unsigned *counter)
{
	int64_t now = clock_ms();
	struct lg_stats *st = &s->app->stats;

	pthread_mutex_lock(&st->mu);
	if (counter == &s->ref.rate)
		st->rate_limited++;
	else if (counter == &s->ref.busy)
		st->busy++;
	else
		st->netcap++;
	pthread_mutex_unlock(&st->mu);

	pthread_mutex_lock(&s->mu);
	if (s->ref.rate + s->ref.busy + s->ref.netcap == 0)
		s->ref.since_ms = now;
	(*counter)++;
	refusal_summary(s, now, false);
	pthread_mutex_unlock(&s->mu);
}

/* The client's network key, behind a trusted proxy the one it names. */
static void
request_key(struct server *s, struct MHD_Connection *c, char *key, size_t cap)
{
	const union MHD_ConnectionInfo *ci = MHD_get_connection_info(c,
	    MHD_CONNECTION_INFO_CLIENT_ADDRESS);
	struct lg_addr peer;

	addr_of(ci ? ci->client_addr : NULL, &peer);
	if (trusted(&s->proxies, &peer)) {
		const char *xff = MHD_lookup_connection_value(c, MHD_HEADER_KIND,
		    "X-Forwarded-For");
		struct lg_addr fwd;
		if (xff != NULL && lg_forwarded_for(xff, &fwd))
			peer = fwd;
	}
	client_key(&peer, key, cap);
}

/* The TCP peer (never X-Forwarded-For) is one of --metrics-allow. */
static bool
from_monitor(struct server *s, struct MHD_Connection *c)
{
	const union MHD_ConnectionInfo *ci = MHD_get_connection_info(c,
	    MHD_CONNECTION_INFO_CLIENT_ADDRESS);
	struct lg_addr peer;

	return addr_of(ci ? ci->client_addr : NULL, &peer) && trusted(&s->metrics_allow, &peer);
}

/* The key a connection counts under: none for a trusted proxy (all its
 * clients come through it). False when it does not count. */
static bool
conn_key(struct server *s, const struct sockaddr *sa, char *key, size_t cap)
{
	struct lg_addr peer;

	addr_of(sa, &peer);
	if (trusted(&s->proxies, &peer))
		return false;
	client_key(&peer, key, cap);
	return true;
}

static enum MHD_Result
accept_policy(void *cls, const struct sockaddr *sa, socklen_t len)
{
	struct server *s = cls;
	struct nc_slot *slot;
	char key[64];
	bool ok = true;

	(void)len;
	if (!conn_key(s, sa, key, sizeof(key)))
		return MHD_YES;
	pthread_mutex_lock(&s->nc.mu);
	slot = nc_find(&s->nc, key, false);
	if (slot != NULL && slot->n >= s->nc.max)
		ok = false;
	pthread_mutex_unlock(&s->nc.mu);
	if (!ok)
		refused(s, &s->ref.netcap);
	return ok ? MHD_YES : MHD_NO;
}

/* Connections start and close: the per-network counts. socket_context
 * remembers whether this one counted (its slot may move no more than its key). */
static void
conn_notify(void *cls, struct MHD_Connection *c, void **socket_context,
    enum MHD_ConnectionNotificationCode code)
{
	struct server *s = cls;
	const union MHD_ConnectionInfo *ci = MHD_get_connection_info(c,
	    MHD_CONNECTION_INFO_CLIENT_ADDRESS);
	struct nc_slot *slot;
	char key[64];
	bool crowded;

	/* Under pressure a new connection must keep talking: idle 3 s, not 10,
	 * so slow clients give their slots back sooner. */
	pthread_mutex_lock(&s->nc.mu);
	if (code == MHD_CONNECTION_NOTIFY_STARTED)
		s->nc.total++;
	else
		s->nc.total--;
	crowded = code == MHD_CONNECTION_NOTIFY_STARTED && s->nc.total > s->nc.crowded;
	pthread_mutex_lock(&s->app->stats.mu);
	s->app->stats.connections = s->nc.total;
	pthread_mutex_unlock(&s->app->stats.mu);
	pthread_mutex_unlock(&s->nc.mu);
	if (crowded)
		MHD_set_connection_option(c, MHD_CONNECTION_OPTION_TIMEOUT,
		    (unsigned)CROWDED_TIMEOUT_S);
	if (!conn_key(s, ci ? ci->client_addr : NULL, key, sizeof(key)))
		return;
	pthread_mutex_lock(&s->nc.mu);
	if (code == MHD_CONNECTION_NOTIFY_STARTED) {
		slot = nc_find(&s->nc, key, true);
		if (slot != NULL) {
			slot->n++;
			*socket_context = slot;
		}
	} else if (*socket_context != NULL) {
		slot = *socket_context;
		slot->n--;
		*socket_context = NULL;
	}
	pthread_mutex_unlock(&s->nc.mu);
}

/* The raw request URI, before libmicrohttpd decodes anything (see below). */
static void *
uri_log(void *cls, const char *uri, struct MHD_Connection *c)
{
	char *q = uri ? strchr(uri, '?') : NULL;
	struct req *rq = xcalloc(1, sizeof(*rq));

	(void)cls;
	(void)c;
	rq->uri = xstrdup(uri ? uri : "");
	lg_response_init(&rq->resp);
	/*
	 * The looking glass parses the query itself (lgquery) from this copy.
	 * libmicrohttpd would next split the query into one record per
	 * parameter in the connection's 64 KiB pool and, when they do not fit
	 * (1,000 parameters in 2 KB), drop the connection without an answer;
	 * so its copy is cut right after the '?' (its own buffer, which it
	 * cuts there itself), and lgquery answers with 400.
	 */
	if (q != NULL)
		q[1] = '\0';
	return rq;
}

static void
req_free(struct req *rq)
{
	if (rq != NULL) {
		lg_response_free(&rq->resp);
		free(rq->uri);
		free(rq);
	}
}

static void
completed(void *cls, struct MHD_Connection *c, void **con_cls, enum MHD_RequestTerminationCode t)
{
	(void)cls;
	(void)c;
	(void)t;
	req_free(*con_cls);
	*con_cls = NULL;
}

static enum MHD_Result
send_response(struct MHD_Connection *c, struct lg_response *resp)
{
	/* The body is handed over, not copied (a route list may be 30 MB). */
	size_t len = resp->body.len;
	struct MHD_Response *r = MHD_create_response_from_buffer(len, buf_steal(&resp->body),
	    MHD_RESPMEM_MUST_FREE);
	char tmp[64];
	enum MHD_Result ok;

	MHD_add_response_header(r, "Content-Type", resp->ctype);
	for (size_t i = 0; i < sizeof(security_headers) / sizeof(security_headers[0]); i++)
		MHD_add_response_header(r, security_headers[i][0], i == 0 && resp->csp ?
		    resp->csp : security_headers[i][1]);
	if (resp->max_age > 0 && resp->status == 200) {
		snprintf(tmp, sizeof(tmp), "max-age=%u", resp->max_age);
		MHD_add_response_header(r, "Cache-Control", tmp);
	} else {
		MHD_add_response_header(r, "Cache-Control", "no-store");
	}
	if (resp->retry_after) {
		snprintf(tmp, sizeof(tmp), "%u", resp->retry_after);
		MHD_add_response_header(r, "Retry-After", tmp);
	}
	ok = MHD_queue_response(c, (unsigned)resp->status, r);
	MHD_destroy_response(r);
	return ok;
}

static void
busy(struct server *s, struct req *rq)
{
	lg_error(s->app, lg_path_format(rq->uri), 503, NULL,
	    "the looking glass is busy; try again in a few seconds", &rq->resp);
	rq->resp.retry_after = 3;
	refused(s, &s->ref.busy);
}

/* Take the next queued request (s->mu held); NULL when stopping. */
static struct req *
dequeue(struct server *s)
{
	struct req *rq;

	while (s->head == NULL && !s->stopping)
		pthread_cond_wait(&s->cv, &s->mu);
	if ((rq = s->head) == NULL)
		return NULL;
	s->head = rq->next;
	if (s->head == NULL)
		s->tail = NULL;
	s->queued--;
	return rq;
}

/* Answered: libmicrohttpd calls the handler again, which sends it. */
static void
finish(struct req *rq)
{
	rq->state = RQ_DONE;
	MHD_resume_connection(rq->conn);
}

static void *
worker(void *arg)
{
	struct server *s = arg;
	struct req *rq;

	pthread_mutex_lock(&s->mu);
	while ((rq = dequeue(s)) != NULL) {
		pthread_mutex_unlock(&s->mu);
		if (clock_ms() - rq->queued_ms > QUEUE_WAIT_MS)
			busy(s, rq);
		else
			lg_answer(s->app, rq->method, rq->uri, &rq->resp);
		finish(rq);
		pthread_mutex_lock(&s->mu);
	}
	pthread_mutex_unlock(&s->mu);
	return NULL;
}

/* Requests that waited too long for a worker get 503 now, not when one
 * frees up (a hung BIRD holds a worker for --timeout). */
static void *
reaper(void *arg)
{
	struct server *s = arg;

	pthread_mutex_lock(&s->mu);
	while (!s->stopping) {
		struct timespec ts;
		struct req **pp = &s->head, *late = NULL;
		int64_t now = clock_ms();

		while (*pp != NULL) {
			struct req *rq = *pp;
			if (now - rq->queued_ms <= QUEUE_WAIT_MS) {
				pp = &rq->next;
				continue;
			}
			*pp = rq->next;
			s->queued--;
			rq->next = late;
			late = rq;
		}
		s->tail = NULL;
		for (struct req *t = s->head; t != NULL; t = t->next)
			s->tail = t;
		pthread_mutex_unlock(&s->mu);
		while (late != NULL) {
			struct req *rq = late;
			late = rq->next;
			busy(s, rq);
			finish(rq);
		}
		pthread_mutex_lock(&s->mu);
		clock_gettime(CLOCK_REALTIME, &ts);
		ts.tv_nsec += 200 * 1000000;
		if (ts.tv_nsec >= 1000000000) {
			ts.tv_sec++;
			ts.tv_nsec -= 1000000000;
		}
		pthread_cond_timedwait(&s->cv, &s->mu, &ts);
	}
	pthread_mutex_unlock(&s->mu);
	return NULL;
}

static bool
enqueue(struct server *s, struct req *rq)
{
	bool ok;

	pthread_mutex_lock(&s->mu);
	ok = !s->stopping && s->queued < s->max_queued;
	if (ok) {
		rq->queued_ms = clock_ms();
		rq->next = NULL;
		if (s->tail)
			s->tail->next = rq;
		else
			s->head = rq;
		s->tail = rq;
		s->queued++;
		rq->state = RQ_QUEUED;
		pthread_cond_broadcast(&s->cv);
	}
	pthread_mutex_unlock(&s->mu);
	return ok;
}

static enum MHD_Result
access_handler(void *cls, struct MHD_Connection *c, const char *url, const char *method,
    const char *version, const char *upload, size_t *upload_size, void **con_cls)
{
	struct server *s = cls;
	struct req *rq = *con_cls;
	enum MHD_Result ok;
	char key[64];
	unsigned retry = 0;

	(void)url;
	(void)version;
	(void)upload;
	if (*upload_size != 0) {	/* no request bodies here */
		*upload_size = 0;
		return MHD_YES;
	}
	if (rq == NULL)			/* no URI callback: cannot happen */
		return MHD_NO;
	if (rq->state == RQ_QUEUED)	/* resumed before its answer: wait on */
		return MHD_YES;
	if (rq->state == RQ_NEW) {
		enum lg_page page = lg_path_page(rq->uri);
		bool monitor = page == PG_METRICS && from_monitor(s, c);

		request_key(s, c, key, sizeof(key));
		if (page == PG_METRICS && !monitor) {
			lg_error(s->app, LGF_JSON, 403, NULL,
			    "metrics are for the IXP's monitoring hosts (--metrics-allow)", &rq->resp);
		} else if (lg_path_unmetered(rq->uri)) {
			lg_answer(s->app, method, rq->uri, &rq->resp);
		} else if (!monitor && !lg_ratelimit_take(s->rl, key, clock_ms(), &retry)) {
			lg_error(s->app, lg_path_format(rq->uri), 429, NULL,
			    "too many requests from your network; slow down", &rq->resp);
			rq->resp.retry_after = retry;
			refused(s, &s->ref.rate);
		} else {
			/* Suspended before it is queued: a worker may resume it
			 * at once. Refused, it is resumed with the 503 to send. */
			rq->method = method;
			rq->conn = c;
			MHD_suspend_connection(c);
			if (!enqueue(s, rq)) {
				busy(s, rq);
				finish(rq);
			}
			return MHD_YES;
		}
		rq->state = RQ_DONE;
	}
	lg_stats_request(&s->app->stats, lg_path_page(rq->uri), rq->resp.status);
	ok = send_response(c, &rq->resp);
	return ok;
}

static bool
parse_listen(const char *s, struct sockaddr_storage *ss, socklen_t *len)
{
	char host[INET6_ADDRSTRLEN + 2];
	const char *colon = strrchr(s, ':');
	unsigned long port;
	char *end;
	size_t hl;

	if (colon == NULL)
		return false;
	port = strtoul(colon + 1, &end, 10);
	if (*end != '\0' || port == 0 || port > 65535)
		return false;
	hl = (size_t)(colon - s);
	if (hl >= 2 && s[0] == '[' && s[hl - 1] == ']') {
		s++;
		hl -= 2;
	}
	if (hl == 0 || hl >= sizeof(host))
		return false;
	memcpy(host, s, hl);
	host[hl] = '\0';
	memset(ss, 0, sizeof(*ss));
	if (inet_pton(AF_INET, host, &((struct sockaddr_in *)ss)->sin_addr) == 1) {
		((struct sockaddr_in *)ss)->sin_family = AF_INET;
		((struct sockaddr_in *)ss)->sin_port = htons((uint16_t)port);
		*len = sizeof(struct sockaddr_in);
		return true;
	}
	if (inet_pton(AF_INET6, host, &((struct sockaddr_in6 *)ss)->sin6_addr) == 1) {
		((struct sockaddr_in6 *)ss)->sin6_family = AF_INET6;
		((struct sockaddr_in6 *)ss)->sin6_port = htons((uint16_t)port);
		*len = sizeof(struct sockaddr_in6);
		return true;
	}
	return false;
}

/* Room for every connection, the listening socket and BIRD's sessions. */
static unsigned
fd_room(unsigned want)
{
	struct rlimit rl;

	if (getrlimit(RLIMIT_NOFILE, &rl) != 0)
		return want;
	if (rl.rlim_cur < (rlim_t)want + 64 && rl.rlim_cur < rl.rlim_max) {
		rl.rlim_cur = rl.rlim_max < (rlim_t)want + 64 ? rl.rlim_max : (rlim_t)want + 64;
		setrlimit(RLIMIT_NOFILE, &rl);
	}
	return rl.rlim_cur < (rlim_t)want + 64 ? (unsigned)(rl.rlim_cur > 128 ? rl.rlim_cur - 64 : 64)
	    : want;
}

int
lg_serve(struct lg_app *app, const struct lg_server_opts *o)
{
	struct sockaddr_storage ss;
	socklen_t sl;
	struct server s;
	struct MHD_Daemon *d;
	unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL |
	    MHD_ALLOW_SUSPEND_RESUME | MHD_USE_ERROR_LOG;
	unsigned max_conn;
	sigset_t sigs;
	int sig;

	if (!parse_listen(o->listen, &ss, &sl)) {
		fprintf(stderr, "ixp-lg: --listen %s: use ADDRESS:PORT, e.g. 127.0.0.1:8080 "
		    "or [::1]:8080\n", o->listen);
		return 1;
	}
	if (ss.ss_family == AF_INET6)
		flags |= MHD_USE_IPv6;
	max_conn = fd_room(o->max_connections);
	/* SIGINT and SIGTERM are blocked in every thread (those started below
	 * inherit the mask) and taken by sigwait: no race between a test of a
	 * flag and a pause(). */
	sigemptyset(&sigs);
	sigaddset(&sigs, SIGINT);
	sigaddset(&sigs, SIGTERM);
	pthread_sigmask(SIG_BLOCK, &sigs, NULL);
	memset(&s, 0, sizeof(s));
	s.app = app;
	s.rl = lg_ratelimit_new(o->rate, o->burst);
	s.proxies = o->proxies;
	s.metrics_allow = o->metrics_allow;
	s.max_queued = max_conn;
	app->serving = true;
	pthread_mutex_init(&app->stats.mu, NULL);
	s.ref.since_ms = clock_ms();
	s.nc.max = o->max_per_network;
	s.nc.crowded = max_conn / 2;
	s.nc.slot = xcalloc(NC_SLOTS, sizeof(*s.nc.slot));
	pthread_mutex_init(&s.nc.mu, NULL);
	pthread_mutex_init(&s.mu, NULL);
	pthread_cond_init(&s.cv, NULL);
	d = MHD_start_daemon(flags, 0, accept_policy, &s, access_handler, &s,
	    MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&ss,
	    MHD_OPTION_THREAD_POOL_SIZE, (unsigned)POLL_THREADS,
	    MHD_OPTION_URI_LOG_CALLBACK, uri_log, NULL,
	    MHD_OPTION_NOTIFY_COMPLETED, completed, NULL,
	    MHD_OPTION_NOTIFY_CONNECTION, conn_notify, &s,
	    MHD_OPTION_CONNECTION_LIMIT, max_conn,
	    MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)IDLE_TIMEOUT_S,
	    MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)65536,
	    MHD_OPTION_END);
	if (d == NULL) {
		fprintf(stderr, "ixp-lg: cannot listen on %s: %s\n", o->listen, strerror(errno));
		lg_ratelimit_free(s.rl);
		free(s.nc.slot);
		return 1;
	}
	s.n_workers = o->max_inflight;
	s.workers = xcalloc(s.n_workers, sizeof(*s.workers));
	for (unsigned i = 0; i < s.n_workers; i++)
		pthread_create(&s.workers[i], NULL, worker, &s);
	pthread_create(&s.reaper, NULL, reaper, &s);
	signal(SIGPIPE, SIG_IGN);
	fprintf(stderr, "ixp-lg: listening on %s, %zu route server%s; %u connections, %u per "
	    "network%s, idle timeout %d s (%d s beyond %u connections); %u requests at a time; "
	    "%g requests/s per client, burst %g\n", o->listen, app->core.n_rs,
	    app->core.n_rs == 1 ? "" : "s", max_conn, o->max_per_network,
	    o->proxies.n ? " (trusted proxies exempt)" : "", IDLE_TIMEOUT_S, CROWDED_TIMEOUT_S,
	    s.nc.crowded, o->max_inflight, o->rate, o->burst);
	while (sigwait(&sigs, &sig) != 0)
		;
	/* Every suspended connection is resumed (answered) before the daemon
	 * stops: the workers finish theirs, the queue gets 503. */
	pthread_mutex_lock(&s.mu);
	s.stopping = true;
	pthread_cond_broadcast(&s.cv);
	pthread_mutex_unlock(&s.mu);
	for (unsigned i = 0; i < s.n_workers; i++)
		pthread_join(s.workers[i], NULL);
	pthread_join(s.reaper, NULL);
	for (struct req *rq = s.head, *next; rq != NULL; rq = next) {
		next = rq->next;
		busy(&s, rq);
		finish(rq);
	}
	MHD_stop_daemon(d);
	pthread_mutex_lock(&s.mu);
	refusal_summary(&s, clock_ms(), true);
	pthread_mutex_unlock(&s.mu);
	free(s.workers);
	free(s.nc.slot);
	lg_ratelimit_free(s.rl);
	pthread_mutex_destroy(&s.nc.mu);
	pthread_mutex_destroy(&s.mu);
	pthread_mutex_destroy(&app->stats.mu);
	pthread_cond_destroy(&s.cv);
	return 0;
}

/* ---- CGI ------------------------------------------------------------------------------- */

static const char *
reason_phrase(int status)
{
	switch (status) {
	case 200: return "OK";
	case 400: return "Bad Request";
	case 403: return "Forbidden";
	case 404: return "Not Found";
	case 405: return "Method Not Allowed";
	case 414: return "URI Too Long";
	case 429: return "Too Many Requests";
	case 431: return "Request Header Fields Too Large";
	case 500: return "Internal Server Error";
	case 503: return "Service Unavailable";
	default: return "Error";
	}
}

static void
cgi_write(const struct lg_response *resp, const char *method)
{
	printf("Status: %d %s\r\nContent-Type: %s\r\n", resp->status, reason_phrase(resp->status),
	    resp->ctype);
	for (size_t i = 0; i < sizeof(security_headers) / sizeof(security_headers[0]); i++)
		printf("%s: %s\r\n", security_headers[i][0], i == 0 && resp->csp ? resp->csp :
		    security_headers[i][1]);
	if (resp->retry_after)
		printf("Retry-After: %u\r\n", resp->retry_after);
	if (resp->status == 200 && resp->max_age > 0)
		printf("Cache-Control: max-age=%u\r\n\r\n", resp->max_age);
	else
		printf("Cache-Control: no-store\r\n\r\n");
	if (method == NULL || strcmp(method, "HEAD"))
		fwrite(resp->body.p ? resp->body.p : "", 1, resp->body.len, stdout);
	fflush(stdout);
}

int
lg_cgi(struct lg_app *app)
{
	const char *method = getenv("REQUEST_METHOD");
	const char *path = getenv("PATH_INFO");
	const char *query = getenv("QUERY_STRING");
	struct lg_response resp;
	struct buf uri = BUF_INIT;

	if (path == NULL || *path == '\0')
		path = "/";
	/* The whole request, however long: lg_answer refuses one over
	 * URI_MAX with 414, as serve mode does. */
	buf_puts(&uri, path);
	if (query && *query) {
		buf_putc(&uri, '?');
		buf_puts(&uri, query);
	}
	lg_response_init(&resp);
	lg_answer(app, method ? method : "GET", uri.p, &resp);
	cgi_write(&resp, method);
	lg_response_free(&resp);
	buf_free(&uri);
	return 0;
}

void
lg_cgi_error(struct lg_app *app, int status, const char *msg)
{
	const char *path = getenv("PATH_INFO");
	struct lg_response resp;

	lg_response_init(&resp);
	lg_error(app, lg_path_format(path ? path : "/"), status, NULL, msg, &resp);
	cgi_write(&resp, getenv("REQUEST_METHOD"));
	lg_response_free(&resp);
}
