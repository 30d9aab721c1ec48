#include "lgserver.h"

#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include <microhttpd.h>

#include "buf.h"
#include "clock.h"
#include "hmap.h"
#include "xalloc.h"

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
lg_proxies_parse(const char *list, struct lg_proxies *out, char *err, size_t errlen)
{
	char *copy = xstrdup(list), *save = NULL, *tok;
	bool ok = true;

	for (tok = strtok_r(copy, ",", &save); tok && ok; tok = strtok_r(NULL, ",", &save)) {
		if (out->n == LG_MAX_PROXIES) {
			snprintf(err, errlen, "--trust-proxy: at most %d addresses", LG_MAX_PROXIES);
			ok = false;
		} else if (!addr_parse(tok, &out->v[out->n++])) {
			snprintf(err, errlen, "--trust-proxy: %s is not an IPv4 or IPv6 address", tok);
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

/* ---- the server ---------------------------------------------------------------------- */

struct server {
	struct lg_app		*app;
	struct lg_ratelimit	*rl;
	struct lg_proxies	 proxies;
	pthread_mutex_t		 mu;
	pthread_cond_t		 cv;
	unsigned		 inflight, max_inflight;
};

static bool
enter(struct server *s)
{
	struct timespec ts;
	bool ok = true;

	clock_gettime(CLOCK_REALTIME, &ts);
	ts.tv_sec += 3;
	pthread_mutex_lock(&s->mu);
	while (s->inflight >= s->max_inflight && ok)
		ok = pthread_cond_timedwait(&s->cv, &s->mu, &ts) != ETIMEDOUT;
	if (ok)
		s->inflight++;
	pthread_mutex_unlock(&s->mu);
	return ok;
}

static void
leave(struct server *s)
{
	pthread_mutex_lock(&s->mu);
	s->inflight--;
	pthread_cond_signal(&s->cv);
	pthread_mutex_unlock(&s->mu);
}

/*
 * The raw request URI, before libmicrohttpd decodes anything: the looking
 * glass parses the query itself (lgquery) from this copy. libmicrohttpd
 * would next split the query into one record per parameter in the
 * connection's 64 KiB pool and, when they do not fit (1,000 parameters in
 * 2 KB), drop the connection without an answer; so its copy of the query
 * is cut right after the '?' (its own buffer, which it cuts there itself)
 * and lgquery answers too many parameters with 400 like any other refusal.
 */
static void *
uri_log(void *cls, const char *uri, struct MHD_Connection *c)
{
	char *q = uri ? strchr(uri, '?') : NULL;
	char *copy = xstrdup(uri ? uri : "");

	(void)cls;
	(void)c;
	if (q != NULL)
		q[1] = '\0';
	return copy;
}

static void
completed(void *cls, struct MHD_Connection *c, void **con_cls, enum MHD_RequestTerminationCode t)
{
	(void)cls;
	(void)c;
	(void)t;
	free(*con_cls);
	*con_cls = NULL;
}

static enum MHD_Result
send_response(struct MHD_Connection *c, struct lg_response *resp)
{
	struct MHD_Response *r = MHD_create_response_from_buffer(resp->body.len,
	    resp->body.p ? resp->body.p : (char *)"", MHD_RESPMEM_MUST_COPY);
	char tmp[64];
	enum MHD_Result ok;

	MHD_add_response_header(r, "Content-Type", resp->ctype);
	for (size_t i = 0; i < sizeof(security_headers) / sizeof(security_headers[0]); i++)
		MHD_add_response_header(r, security_headers[i][0], security_headers[i][1]);
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

static enum MHD_Result
access_handler(void *cls, struct MHD_Connection *c, const char *url, const char *method,
    const char *version, const char *upload, size_t *upload_size, void **con_cls)
{
	struct server *s = cls;
	const char *uri = *con_cls ? *con_cls : url;
	const union MHD_ConnectionInfo *ci;
	struct lg_addr peer;
	struct lg_response resp;
	enum MHD_Result ok;
	char key[64];
	unsigned retry = 0;
	bool exempt;

	(void)version;
	(void)upload;
	if (*upload_size != 0) {	/* no request bodies here */
		*upload_size = 0;
		return MHD_YES;
	}
	lg_response_init(&resp);
	ci = MHD_get_connection_info(c, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
	addr_of(ci ? ci->client_addr : NULL, &peer);
	if (trusted(&s->proxies, &peer)) {
		const char *xff = MHD_lookup_connection_value(c, MHD_HEADER_KIND,
		    "X-Forwarded-For");
		struct lg_addr fwd;
		if (xff != NULL && lg_forwarded_for(xff, &fwd))
			peer = fwd;
	}
	client_key(&peer, key, sizeof(key));
	exempt = lg_path_unmetered(uri);
	if (!exempt && !lg_ratelimit_take(s->rl, key, clock_ms(), &retry)) {
		lg_error(s->app, lg_path_format(uri), 429, NULL,
		    "too many requests from your network; slow down", &resp);
		resp.retry_after = retry;
	} else if (!exempt && !enter(s)) {
		lg_error(s->app, lg_path_format(uri), 503, NULL,
		    "the looking glass is busy; try again in a few seconds", &resp);
		resp.retry_after = 3;
	} else {
		lg_answer(s->app, method, uri, &resp);
		if (!exempt)
			leave(s);
	}
	ok = send_response(c, &resp);
	lg_response_free(&resp);
	return ok;
}

static volatile sig_atomic_t stop;

static void
on_signal(int sig)
{
	(void)sig;
	stop = 1;
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

int
lg_serve(struct lg_app *app, const struct lg_server_opts *o)
{
	struct sockaddr_storage ss;
	socklen_t sl;
	struct server s;
	struct MHD_Daemon *d;
	unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_THREAD_PER_CONNECTION |
	    MHD_USE_ERROR_LOG;

	if (!parse_listen(o->listen, &ss, &sl)) {
		fprintf(stderr, "ixp-lg: --listen %s: use ADDRESS:PORT, e.g. 127.0.0.1:8080 "
		    "or [::1]:8080\n", o->listen);
		return 1;
	}
	if (ss.ss_family == AF_INET6)
		flags |= MHD_USE_IPv6;
	memset(&s, 0, sizeof(s));
	s.app = app;
	s.rl = lg_ratelimit_new(o->rate, o->burst);
	s.max_inflight = o->max_inflight;
	s.proxies = o->proxies;
	pthread_mutex_init(&s.mu, NULL);
	pthread_cond_init(&s.cv, NULL);
	d = MHD_start_daemon(flags, 0, NULL, NULL, access_handler, &s,
	    MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&ss,
	    MHD_OPTION_URI_LOG_CALLBACK, uri_log, NULL,
	    MHD_OPTION_NOTIFY_COMPLETED, completed, NULL,
	    MHD_OPTION_CONNECTION_LIMIT, o->max_connections,
	    /* Behind a proxy every connection comes from it. */
	    MHD_OPTION_PER_IP_CONNECTION_LIMIT, o->proxies.n ? 0u : 16u,
	    MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)30,
	    MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)65536,
	    MHD_OPTION_END);
	if (d == NULL) {
		fprintf(stderr, "ixp-lg: cannot listen on %s: %s\n", o->listen, strerror(errno));
		lg_ratelimit_free(s.rl);
		return 1;
	}
	signal(SIGINT, on_signal);
	signal(SIGTERM, on_signal);
	signal(SIGPIPE, SIG_IGN);
	fprintf(stderr, "ixp-lg: listening on %s, %zu route server%s\n", o->listen,
	    app->core.n_rs, app->core.n_rs == 1 ? "" : "s");
	while (!stop)
		pause();
	MHD_stop_daemon(d);
	lg_ratelimit_free(s.rl);
	pthread_mutex_destroy(&s.mu);
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
		printf("%s: %s\r\n", security_headers[i][0], security_headers[i][1]);
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
