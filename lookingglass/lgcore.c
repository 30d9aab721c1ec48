#include "lgcore.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "buf.h"
#include "clock.h"
#include "lgquery.h"
#include "reasons.h"
#include "xalloc.h"

#define REPLY_MAX_BYTES (256u << 20)	/* one reply, whatever max_routes says */

struct lg_cache_entry {
	struct lg_cache_entry *next;
	char		*key;
	struct lg_reply	*reply;		/* NULL until the first fetch ends */
	bool		 fetching;
	unsigned	 waiters;	/* requests waiting for the fetch: keep the entry */
	uint64_t	 gen;		/* bumped by every completed fetch */
	int64_t		 ttl_ms;
};

void
lg_init(struct lg *lg, const struct lg_options *opt)
{
	memset(lg, 0, sizeof(*lg));
	lg->opt = *opt;
	pthread_mutex_init(&lg->cache_mu, NULL);
	pthread_cond_init(&lg->cache_cv, NULL);
}

bool
lg_add_rs(struct lg *lg, const char *spec, char *err, size_t errlen)
{
	const char *eq = strchr(spec, '=');
	struct lg_rs *rs;
	char name[LG_NAME_MAX + 1];

	if (eq == NULL || eq == spec || (size_t)(eq - spec) > LG_NAME_MAX || eq[1] != '/') {
		snprintf(err, errlen, "--bird wants NAME=/path/to/bird.ctl");
		return false;
	}
	memcpy(name, spec, (size_t)(eq - spec));
	name[eq - spec] = '\0';
	if (!lg_name_ok(name)) {
		snprintf(err, errlen, "route server name '%s': use letters, digits, '_' and '-'", name);
		return false;
	}
	if (lg_find_rs(lg, name) != NULL) {
		snprintf(err, errlen, "route server '%s' given twice", name);
		return false;
	}
	lg->rs = xrealloc(lg->rs, (lg->n_rs + 1) * sizeof(*lg->rs));
	rs = &lg->rs[lg->n_rs++];
	memset(rs, 0, sizeof(*rs));
	snprintf(rs->name, sizeof(rs->name), "%s", name);
	rs->path = xstrdup(eq + 1);
	pthread_mutex_init(&rs->mu, NULL);
	pthread_cond_init(&rs->cv, NULL);
	for (int i = 0; i < LG_POOL; i++)
		rs->sess[i].fd = -1;
	return true;
}

struct lg_rs *
lg_find_rs(struct lg *lg, const char *name)
{
	for (size_t i = 0; i < lg->n_rs; i++)
		if (!strcmp(lg->rs[i].name, name))
			return &lg->rs[i];
	return NULL;
}

static void
reply_free(struct lg_reply *r)
{
	if (r != NULL) {
		free(r->data);
		free(r);
	}
}

void
lg_free(struct lg *lg)
{
	struct lg_cache_entry *e, *next;

	for (e = lg->cache; e != NULL; e = next) {
		next = e->next;
		reply_free(e->reply);
		free(e->key);
		free(e);
	}
	for (size_t i = 0; i < lg->n_rs; i++) {
		for (int k = 0; k < LG_POOL; k++)
			bird_close(&lg->rs[i].sess[k]);
		free(lg->rs[i].path);
		pthread_mutex_destroy(&lg->rs[i].mu);
		pthread_cond_destroy(&lg->rs[i].cv);
	}
	free(lg->rs);
	pthread_mutex_destroy(&lg->cache_mu);
	pthread_cond_destroy(&lg->cache_cv);
}

/* ---- commands ------------------------------------------------------------------- */

/*
 * The only commands sent to BIRD: fixed text around at most one value, which
 * is a name BIRD gave us, a number, or an address printed from binary.
 */
enum tmpl_arg { T_NONE, T_PROTO, T_TABLE, T_TARGET, T_ASN, T_COVER, T_NET_PROTO, T_NET_TABLE,
	T_COMM };

static const struct {
	const char	*head;
	enum tmpl_arg	 arg;
	const char	*tail;
} templates[] = {
	[CMD_STATUS] = { "show status", T_NONE, "" },
	[CMD_PROTOCOLS] = { "show protocols all", T_NONE, "" },
	[CMD_ROUTES_ACCEPTED] = { "show route all protocol ", T_PROTO, "" },
	[CMD_ROUTES_FILTERED] = { "show route all filtered protocol ", T_PROTO, "" },
	[CMD_ROUTES_EXPORTED] = { "show route all export ", T_PROTO, "" },
	[CMD_ROUTES_NOEXPORT] = { "show route all noexport ", T_PROTO, "" },
	[CMD_ROUTES_FOR] = { "show route all for ", T_TARGET, "" },
	/* BIRD 2.0 does not look up filtered routes with "for": the exact
	 * network, or (for an address, below) every filtered route covering it. */
	[CMD_ROUTES_FOR_FILTERED] = { "show route all filtered ", T_TARGET, "" },
	[CMD_ROUTES_NET] = { "show route all ", T_TARGET, "" },
	[CMD_ROUTES_ORIGIN] = { "show route all where bgp_path.last = ", T_ASN, "" },
	[CMD_ROUTES_ORIGIN_FILTERED] = { "show route all filtered where bgp_path.last = ",
	    T_ASN, "" },
	[CMD_ROUTES_TABLE] = { "show route all table ", T_TABLE, "" },
	[CMD_ROUTES_TABLE_FILTERED] = { "show route all filtered table ", T_TABLE, "" },
	/* Covering: "net.type = NET_IPn && ADDRESS ~ net && net.len < LEN"
	 * (BIRD 2.0 has no prefix literal in a filter); a scan of the table,
	 * as the filtered lookup. */
	[CMD_ROUTES_COVERING] = { "show route all where ", T_COVER, "" },
	[CMD_ROUTES_COVERING_FILTERED] = { "show route all filtered where ", T_COVER, "" },
	[CMD_ROUTES_IN] = { "show route all in ", T_TARGET, "" },
	[CMD_ROUTES_IN_FILTERED] = { "show route all filtered in ", T_TARGET, "" },
	[CMD_ROUTES_NET_PROTO] = { "show route all ", T_NET_PROTO, " protocol " },
	[CMD_ROUTES_NET_TABLE] = { "show route all ", T_NET_TABLE, " table " },
	[CMD_ROUTES_NET_EXPORT] = { "show route all ", T_NET_PROTO, " export " },
	[CMD_ROUTES_COMMUNITY] = { "show route all where ", T_COMM, "" },
	[CMD_ROUTES_COMMUNITY_FILTERED] = { "show route all filtered where ", T_COMM, "" },
};

/*
 * policy.reject_policy: tag (reasons.json) keeps a failed route among the
 * accepted ones with its reason (tag_asn, 65520, code): the filtered lists
 * are the accepted routes with that tag, the accepted lists those without.
 */
static bool
tag_clause(enum lg_cmd c, uint32_t tag_asn, char *out, size_t cap)
{
	const bool filtered = lg_cmd_filtered(c);
	char *f;
	size_t len;
	int n;

	if (tag_asn == 0 || c == CMD_STATUS || c == CMD_PROTOCOLS ||
	    c == CMD_ROUTES_EXPORTED || c == CMD_ROUTES_NET_EXPORT)
		return true;	/* export filters never pass a tagged route */
	/* "... all filtered X" is "... all X" with the tag required. */
	if (filtered && (f = strstr(out, " filtered ")) != NULL)
		memmove(f, f + strlen(" filtered"), strlen(f + strlen(" filtered")) + 1);
	len = strlen(out);
	n = snprintf(out + len, cap - len, "%s%sbgp_large_community ~ [(%u, %d, *)]%s",
	    strstr(out, " where ") != NULL ? " && " : " where ", filtered ? "" : "!(",
	    tag_asn, LC_REJECT, filtered ? "" : ")");
	return n >= 0 && (size_t)n < cap - len;
}

bool
lg_build_cmd(enum lg_cmd c, const struct lg_args *a, uint32_t tag_asn, char *out, size_t cap)
{
	char tmp[ADDR_STRLEN], num[32], cover[96];
	const char *head, *val = "", *tail, *name = "";
	enum tmpl_arg arg;
	int n;

	if ((size_t)c >= sizeof(templates) / sizeof(templates[0]) || templates[c].head == NULL)
		return false;
	head = templates[c].head;
	tail = templates[c].tail;
	switch ((arg = templates[c].arg)) {
	case T_NONE:
		break;
	case T_PROTO:
		val = a->proto;
		break;
	case T_TABLE:
		val = a->table;
		break;
	case T_NET_PROTO:
	case T_NET_TABLE:
		/* "PREFIX protocol NAME": the name follows the tail. */
		val = prefix_format(&a->prefix, tmp);
		name = arg == T_NET_PROTO ? a->proto : a->table;
		if (name == NULL || *name == '\0' || strpbrk(name, " -") != NULL)
			return false;
		break;
	case T_TARGET:
		val = a->is_ip && c != CMD_ROUTES_NET ? ip_format(&a->ip, tmp) :
		    prefix_format(&a->prefix, tmp);
		if (c == CMD_ROUTES_FOR_FILTERED && a->is_ip) {
			head = "show route all filtered where ";
			tail = " ~ net";
		}
		break;
	case T_ASN:
		snprintf(num, sizeof(num), "%u", a->asn);
		val = num;
		break;
	case T_COMM:
		/* Numbers only: "(A, B, C) ~ bgp_large_community". */
		if (a->comm_large)
			snprintf(cover, sizeof(cover), "(%u, %u, %u) ~ bgp_large_community",
			    a->comm[0], a->comm[1], a->comm[2]);
		else
			snprintf(cover, sizeof(cover), "(%u, %u) ~ bgp_community",
			    a->comm[0] & 0xffff, a->comm[1] & 0xffff);
		val = cover;
		break;
	case T_COVER: {
		/* IP networks only: a ROA table's entries match "ADDR ~ net" too. */
		struct ipaddr ip = { .af = a->prefix.af, .a = a->prefix.a };
		val = ip_format(&ip, tmp);
		snprintf(cover, sizeof(cover), "%snet.type = NET_IP%c && ", head,
		    a->prefix.af == AF6 ? '6' : '4');
		head = cover;
		snprintf(num, sizeof(num), " ~ net && net.len < %u", a->prefix.len);
		tail = num;
		break;
	}
	}
	/* Names come from the route server itself, but check them and the
	 * finished command anyway: nothing else goes to BIRD. */
	if (val == NULL || ((templates[c].arg == T_PROTO || templates[c].arg == T_TABLE) &&
	    (*val == '\0' || strpbrk(val, " -") != NULL)))
		return false;
	n = snprintf(out, cap, "%s%s%s%s", head, val, tail, name);
	if (n < 0 || (size_t)n >= cap || !tag_clause(c, tag_asn, out, cap))
		return false;
	return bird_cmd_ok(out);
}

/* ---- sessions ---------------------------------------------------------------------- */

static int
take_session(struct lg_rs *rs, int64_t deadline)
{
	int slot = -1;

	pthread_mutex_lock(&rs->mu);
	for (;;) {
		for (int i = 0; i < LG_POOL; i++)
			if (!rs->busy[i]) {
				slot = i;
				break;
			}
		if (slot >= 0)
			break;
		{
			struct timespec ts;
			int64_t left = deadline - clock_ms();
			if (left <= 0)
				break;
			clock_gettime(CLOCK_REALTIME, &ts);
			ts.tv_sec += left / 1000;
			ts.tv_nsec += (left % 1000) * 1000000;
			if (ts.tv_nsec >= 1000000000) {
				ts.tv_sec++;
				ts.tv_nsec -= 1000000000;
			}
			pthread_cond_timedwait(&rs->cv, &rs->mu, &ts);
		}
	}
	if (slot >= 0)
		rs->busy[slot] = true;
	pthread_mutex_unlock(&rs->mu);
	return slot;
}

static void
give_session(struct lg_rs *rs, int slot)
{
	pthread_mutex_lock(&rs->mu);
	rs->busy[slot] = false;
	pthread_cond_signal(&rs->cv);
	pthread_mutex_unlock(&rs->mu);
}

struct collect {
	struct buf	 b;
	size_t		 routes, max_routes;
	bool		 truncated;
};

/* Keep every line; count route lines and stop past the cap. */
static int
collect_line(void *ctx, int code, const char *text, size_t len)
{
	struct collect *c = ctx;

	if (code == BIRD_C_ROUTE && len > 0 && text[0] != '\t' &&
	    !(len > 6 && !memcmp(text, "Table ", 6) && text[len - 1] == ':')) {
		if (++c->routes > c->max_routes) {
			c->truncated = true;
			return -1;
		}
	}
	if (c->b.len + len + 6 > REPLY_MAX_BYTES) {
		c->truncated = true;
		return -1;
	}
	buf_printf(&c->b, "%04d", code);
	buf_add(&c->b, text, len);
	buf_putc(&c->b, '\n');
	return 0;
}

/* Staff learn from the log, once per change, that BIRD went away or came
 * back; members get lg_reply_public's words instead of the details. */
static void
note_state(struct lg_rs *rs, const struct lg_reply *r)
{
	bool down = r->status == BS_UNAVAILABLE || r->status == BS_TIMEOUT || r->status == BS_IO;

	pthread_mutex_lock(&rs->mu);
	if (down && !rs->down)
		fprintf(stderr, "ixp-lg: %s: BIRD unreachable: %s\n", rs->name, r->text);
	else if (!down && rs->down)
		fprintf(stderr, "ixp-lg: %s: BIRD reachable again (BIRD %s)\n", rs->name,
		    rs->version);
	rs->down = down;
	pthread_mutex_unlock(&rs->mu);
}

const char *
lg_reply_public(const struct lg_reply *r)
{
	switch (r->status) {
	case BS_OK:
		return r->text;		/* BIRD's own words */
	case BS_UNAVAILABLE:
		return "BIRD is down or restarting";
	case BS_TIMEOUT:
		return "no answer in time";
	case BS_CAPPED:
		return "reply too large";
	case BS_IO:
		return "connection lost";
	case BS_BADCMD:
		break;
	}
	return "request refused";
}

static struct lg_reply *
fetch(struct lg *lg, struct lg_rs *rs, const char *cmd)
{
	struct lg_reply *r = xcalloc(1, sizeof(*r));
	int64_t deadline = clock_ms() + lg->opt.timeout_ms;
	struct collect c = { BUF_INIT, 0, lg->opt.max_routes, false };
	struct bird_result res;
	int slot = take_session(rs, deadline);

	if (slot < 0) {
		r->status = BS_TIMEOUT;
		snprintf(r->text, sizeof(r->text), "all sessions to BIRD are busy");
		return r;
	}
	for (int attempt = 0; attempt < 2; attempt++) {
		struct bird_sess *s = &rs->sess[slot];
		bool fresh = s->fd < 0;
		if (fresh) {
			char err[200];
			if (bird_open(s, rs->path, deadline, err, sizeof(err)) != BS_OK) {
				r->status = BS_UNAVAILABLE;
				snprintf(r->text, sizeof(r->text), "%s", err);
				break;
			}
			pthread_mutex_lock(&rs->mu);
			snprintf(rs->version, sizeof(rs->version), "%s", s->version);
			pthread_mutex_unlock(&rs->mu);
		}
		buf_reset(&c.b);
		c.routes = 0;
		c.truncated = false;
		bird_cmd(s, cmd, deadline, 0, collect_line, &c, &res);
		/* A pooled session may have died with a restarted BIRD: once
		 * more on a new one. */
		if (res.status == BS_IO && !fresh)
			continue;
		r->status = res.status;
		r->code = res.code;
		memcpy(r->text, res.text, sizeof(r->text));
		if (res.status == BS_CAPPED && c.truncated) {
			r->status = BS_OK;
			r->truncated = true;
		}
		break;
	}
	give_session(rs, slot);
	note_state(rs, r);
	r->routes = c.routes;
	r->len = c.b.len;
	r->data = buf_steal(&c.b);
	r->fetched_ms = clock_ms();
	r->fetched_wall = (int64_t)time(NULL);
	return r;
}

/* ---- the cache ------------------------------------------------------------------------ */

static int64_t
ttl_of(const struct lg *lg, enum lg_cmd c)
{
	return c == CMD_STATUS || c == CMD_PROTOCOLS ?
	    lg->opt.ttl_short_ms : lg->opt.ttl_ms;
}

static bool
fresh(const struct lg_cache_entry *e, int64_t now)
{
	/* Errors are not kept: the next request asks BIRD again. */
	return e->reply != NULL && e->reply->status == BS_OK &&
	    now - e->reply->fetched_ms < e->ttl_ms;
}

static void
evict(struct lg *lg, int64_t now)
{
	struct lg_cache_entry **pp = &lg->cache, *e;
	size_t kept = 0;

	while ((e = *pp) != NULL) {
		size_t sz = e->reply ? e->reply->len : 0;
		bool busy = e->fetching || e->waiters > 0;
		bool stale = e->reply == NULL || !fresh(e, now);
		if (!busy && (stale || kept + sz > lg->opt.cache_bytes)) {
			*pp = e->next;
			if (e->reply != NULL) {
				lg->cache_used -= e->reply->len;
				lg_reply_put(NULL, e->reply);
			}
			free(e->key);
			free(e);
			continue;
		}
		kept += sz;
		pp = &e->next;
	}
}

/* A reply from the cache; unlocks it. */
static struct lg_reply *
hit(struct lg *lg, struct lg_cache_entry *e, struct buf *key)
{
	struct lg_reply *r = e->reply;

	r->refs++;
	lg->hits++;
	pthread_mutex_unlock(&lg->cache_mu);
	buf_free(key);
	return r;
}

struct lg_reply *
lg_query(struct lg *lg, struct lg_rs *rs, enum lg_cmd c, const struct lg_args *a,
    bool uncached)
{
	char cmd[BIRD_CMD_MAX + 1];
	struct buf key = BUF_INIT;
	struct lg_cache_entry *e;
	struct lg_reply *r;
	int64_t now = clock_ms();

	if (!lg_build_cmd(c, a, lg->opt.tag_asn, cmd, sizeof(cmd))) {
		r = xcalloc(1, sizeof(*r));
		r->status = BS_BADCMD;
		r->refs = 1;
		snprintf(r->text, sizeof(r->text), "refused to build the command");
		return r;
	}
	buf_printf(&key, "%s\n%s", rs->name, cmd);
	pthread_mutex_lock(&lg->cache_mu);
	for (e = lg->cache; e != NULL && strcmp(e->key, buf_str(&key)); e = e->next)
		;
	if (e == NULL) {
		e = xcalloc(1, sizeof(*e));
		e->key = buf_steal(&key);
		e->next = lg->cache;
		lg->cache = e;
	}
	e->ttl_ms = ttl_of(lg, c);
	if (e->fetching) {
		/* One fetch per key at a time: wait for the one under way. */
		uint64_t gen = e->gen;
		e->waiters++;
		while (e->fetching && e->gen == gen)
			pthread_cond_wait(&lg->cache_cv, &lg->cache_mu);
		e->waiters--;
		/* What that fetch brought, even an error, answers us too. */
		if (e->reply != NULL)
			return hit(lg, e, &key);
	}
	if (!uncached && fresh(e, now))
		return hit(lg, e, &key);
	e->fetching = true;
	lg->misses++;
	pthread_mutex_unlock(&lg->cache_mu);

	{
		int64_t t0 = clock_ms();
		r = fetch(lg, rs, cmd);
		pthread_mutex_lock(&rs->mu);
		rs->cmd_n[c]++;
		rs->cmd_ms[c] += clock_ms() - t0;
		pthread_mutex_unlock(&rs->mu);
	}

	pthread_mutex_lock(&lg->cache_mu);
	if (e->reply != NULL) {
		lg->cache_used -= e->reply->len;
		lg_reply_put(NULL, e->reply);
	}
	r->refs = 2;			/* the cache's and the caller's */
	e->reply = r;
	lg->cache_used += r->len;
	e->fetching = false;
	e->gen++;
	pthread_cond_broadcast(&lg->cache_cv);
	evict(lg, clock_ms());
	pthread_mutex_unlock(&lg->cache_mu);
	buf_free(&key);
	return r;
}

/* lg NULL: the cache lock is held by the caller. */
void
lg_reply_put(struct lg *lg, struct lg_reply *r)
{
	bool last;

	if (r == NULL)
		return;
	if (lg != NULL)
		pthread_mutex_lock(&lg->cache_mu);
	last = --r->refs == 0;
	if (lg != NULL)
		pthread_mutex_unlock(&lg->cache_mu);
	if (last)
		reply_free(r);
}

int
lg_replay(const struct lg_reply *r, bird_line_fn fn, void *ctx)
{
	const char *p = r->data, *end = r->data + r->len;

	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		int code;
		if (nl == NULL || nl - p < 4)
			break;
		code = (p[0] - '0') * 1000 + (p[1] - '0') * 100 + (p[2] - '0') * 10 + (p[3] - '0');
		if (fn(ctx, code, p + 4, (size_t)(nl - p - 4)) < 0)
			return -1;
		p = nl + 1;
	}
	return 0;
}
