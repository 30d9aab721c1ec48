#include "bparse.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "birdc.h"
#include "xalloc.h"

#define MAX_ATTR_ITEMS 10000	/* communities or path entries per route */

/* ---- small text helpers ---------------------------------------------------- */

/* Copy at most len bytes of s into a fixed field, trimmed of blanks. */
static void
field(char *dst, size_t cap, const char *s, size_t len)
{
	while (len > 0 && (*s == ' ' || *s == '\t')) {
		s++;
		len--;
	}
	while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\t'))
		len--;
	if (len >= cap)
		len = cap - 1;
	memcpy(dst, s, len);
	dst[len] = '\0';
}

/* Next blank-separated token of [*p, end). */
static bool
token(const char **p, const char *end, const char **tok, size_t *tlen)
{
	const char *s = *p;

	while (s < end && (*s == ' ' || *s == '\t'))
		s++;
	if (s >= end)
		return false;
	*tok = s;
	while (s < end && *s != ' ' && *s != '\t')
		s++;
	*tlen = (size_t)(s - *tok);
	*p = s;
	return true;
}

static bool
starts(const char *s, size_t len, const char *prefix)
{
	size_t n = strlen(prefix);
	return len >= n && memcmp(s, prefix, n) == 0;
}

static bool
parse_u32(const char *s, size_t len, uint32_t *out)
{
	uint64_t v = 0;

	if (len == 0 || len > 10)
		return false;
	for (size_t i = 0; i < len; i++) {
		if (s[i] < '0' || s[i] > '9')
			return false;
		v = v * 10 + (uint64_t)(s[i] - '0');
	}
	if (v > UINT32_MAX)
		return false;
	*out = (uint32_t)v;
	return true;
}

/* "2026-11-23" */
static bool
is_date(const char *s, size_t len)
{
	return len == 10 && s[4] == '-' && s[7] == '-';
}

/* "13:14:40" or "13:14:40.123" */
static bool
is_time(const char *s, size_t len)
{
	return len >= 8 && s[2] == ':' && s[5] == ':';
}

/* A time stamp of one or two tokens ("2026-11-23 13:14:40" in iso long). */
static void
since_field(char *dst, size_t cap, const char **p, const char *end)
{
	const char *t, *save;
	size_t tl, tl2;

	dst[0] = '\0';
	if (!token(p, end, &t, &tl))
		return;
	save = *p;
	if (is_date(t, tl)) {
		const char *t2;
		if (token(p, end, &t2, &tl2) && is_time(t2, tl2)) {
			field(dst, cap, t, (size_t)(t2 + tl2 - t));
			return;
		}
		*p = save;
	}
	field(dst, cap, t, tl);
}

/* ---- show status -------------------------------------------------------------- */

int
bp_status_line(void *ctx, int code, const char *text, size_t len)
{
	struct bird_status_info *st = ctx;
	static const struct {
		const char *prefix;
		size_t off;
		size_t cap;
	} keys[] = {
		{ "Router ID is ", offsetof(struct bird_status_info, router_id), 48 },
		{ "Current server time is ", offsetof(struct bird_status_info, server_time), 32 },
		{ "Last reboot on ", offsetof(struct bird_status_info, last_reboot), 32 },
		{ "Last reconfiguration on ", offsetof(struct bird_status_info, last_reconfig), 32 },
	};

	if (code == BIRD_C_VERSION && starts(text, len, "BIRD ")) {
		field(st->version, sizeof(st->version), text + 5, len - 5);
		return 0;
	}
	if (code == BIRD_C_STATUS) {
		for (size_t i = 0; i < sizeof(keys) / sizeof(keys[0]); i++)
			if (starts(text, len, keys[i].prefix)) {
				size_t n = strlen(keys[i].prefix);
				field((char *)st + keys[i].off, keys[i].cap, text + n, len - n);
			}
		return 0;
	}
	if (code == BIRD_C_UP)
		field(st->message, sizeof(st->message), text, len);
	return 0;
}

/* ---- show protocols [all] --------------------------------------------------------- */

static void
proto_line(struct bp_protocols *p, const char *text, size_t len)
{
	const char *s = text, *end = text + len, *t;
	size_t tl;
	struct bird_proto *pr;

	if (!token(&s, end, &t, &tl))
		return;
	p->v = xgrow(p->v, &p->cap, p->n + 1, sizeof(*p->v));
	pr = &p->v[p->n++];
	memset(pr, 0, sizeof(*pr));
	field(pr->name, sizeof(pr->name), t, tl);
	if (token(&s, end, &t, &tl))
		field(pr->proto, sizeof(pr->proto), t, tl);
	pr->bgp = !strcmp(pr->proto, "BGP");
	if (token(&s, end, &t, &tl))
		field(pr->table, sizeof(pr->table), t, tl);
	if (token(&s, end, &t, &tl))
		field(pr->state, sizeof(pr->state), t, tl);
	since_field(pr->since, sizeof(pr->since), &s, end);
	field(pr->info, sizeof(pr->info), s, (size_t)(end - s));
	pr->established = pr->bgp && !strcmp(pr->info, "Established");
	p->cur_ch = -1;
	p->in_changes = 0;
}

static void
changes_row(struct bird_changes *c, const char *s, const char *end)
{
	int64_t *f[5] = { &c->received, &c->rejected, &c->filtered, &c->ignored, &c->accepted };
	const char *t;
	size_t tl;

	for (int i = 0; i < 5; i++) {
		uint32_t v;
		*f[i] = -1;
		if (!token(&s, end, &t, &tl))
			continue;
		if (parse_u32(t, tl, &v))
			*f[i] = v;
	}
}

/* "3 imported, 5 filtered, 1 exported, 3 preferred" */
static void
routes_counts(struct bird_channel *c, const char *s, const char *end)
{
	const char *t;
	size_t tl;
	uint32_t n = 0;
	bool have = false;

	while (token(&s, end, &t, &tl)) {
		if (parse_u32(t, tl, &n)) {
			have = true;
			continue;
		}
		if (!have)
			continue;
		if (starts(t, tl, "imported"))
			c->imported = n;
		else if (starts(t, tl, "filtered"))
			c->filtered = n;
		else if (starts(t, tl, "exported"))
			c->exported = n;
		else if (starts(t, tl, "preferred"))
			c->preferred = n;
		have = false;
	}
	c->have_routes = true;
}

static void
channel_kv(struct bird_channel *c, const char *key, const char *v, size_t vl, int *in_changes)
{
	const char *end = v + vl;

	if (!strcmp(key, "State"))
		field(c->state, sizeof(c->state), v, vl);
	else if (!strcmp(key, "Table"))
		field(c->table, sizeof(c->table), v, vl);
	else if (!strcmp(key, "Input filter"))
		field(c->input_filter, sizeof(c->input_filter), v, vl);
	else if (!strcmp(key, "Output filter"))
		field(c->output_filter, sizeof(c->output_filter), v, vl);
	else if (!strcmp(key, "Routes"))
		routes_counts(c, v, end);
	else if (!strcmp(key, "Receive limit") || !strcmp(key, "Import limit")) {
		const char *t;
		size_t tl;
		if (token(&v, end, &t, &tl))
			parse_u32(t, tl, &c->limit);
		if (token(&v, end, &t, &tl) && starts(t, tl, "[HIT]"))
			c->limit_hit = true;
	} else if (!strcmp(key, "Action"))
		field(c->limit_action, sizeof(c->limit_action), v, vl);
	else if (!strcmp(key, "Route change stats"))
		*in_changes = 1;
	else if (*in_changes && !strcmp(key, "Import updates"))
		changes_row(&c->import_updates, v, end);
	else if (*in_changes && !strcmp(key, "Import withdraws"))
		changes_row(&c->import_withdraws, v, end);
	else if (*in_changes && !strcmp(key, "Export updates"))
		changes_row(&c->export_updates, v, end);
	else if (*in_changes && !strcmp(key, "Export withdraws"))
		changes_row(&c->export_withdraws, v, end);
}

static void
proto_kv(struct bird_proto *pr, const char *key, const char *v, size_t vl)
{
	static const struct {
		const char *key;
		size_t off;
		size_t cap;
	} keys[] = {
#define K(k, f) { k, offsetof(struct bird_proto, f), sizeof(((struct bird_proto *)0)->f) }
		K("Description", description), K("Message", message), K("BGP state", bgp_state),
		K("Neighbor address", neighbor_address), K("Neighbor ID", neighbor_id),
		K("Source address", source_address), K("Session", session),
		K("Hold timer", hold_timer), K("Keepalive timer", keepalive_timer),
		K("Last error", last_error),
#undef K
	};

	for (size_t i = 0; i < sizeof(keys) / sizeof(keys[0]); i++)
		if (!strcmp(key, keys[i].key)) {
			field((char *)pr + keys[i].off, keys[i].cap, v, vl);
			if (pr->bgp && !strcmp(pr->bgp_state, "Established"))
				pr->established = true;
			return;
		}
	/* Lines are spans, not strings: they may be followed by more text. */
	if (!strcmp(key, "Neighbor AS") || !strcmp(key, "Local AS")) {
		const char *t, *end = v + vl;
		size_t tl;
		if (token(&v, end, &t, &tl))
			parse_u32(t, tl, key[0] == 'N' ? &pr->neighbor_as : &pr->local_as);
	}
}

static void
detail_line(struct bp_protocols *p, const char *text, size_t len)
{
	struct bird_proto *pr = p->n ? &p->v[p->n - 1] : NULL;
	const char *s = text, *end = text + len, *colon;
	char key[48];

	if (pr == NULL)
		return;
	while (s < end && *s == ' ')
		s++;
	if (s == end) {			/* the empty line after a protocol */
		p->cur_ch = -1;
		return;
	}
	if (starts(s, (size_t)(end - s), "Channel ")) {
		if (pr->n_ch < BIRD_MAX_CHANNELS) {
			p->cur_ch = pr->n_ch++;
			struct bird_channel *c = &pr->ch[p->cur_ch];
			field(c->name, sizeof(c->name), s + 8, (size_t)(end - s - 8));
			c->afi = !strcmp(c->name, "ipv4") ? BIRD_AFI_IPV4 :
			    !strcmp(c->name, "ipv6") ? BIRD_AFI_IPV6 : BIRD_AFI_OTHER;
		} else {
			p->cur_ch = -2;		/* more channels than we keep: skip */
		}
		p->in_changes = 0;
		return;
	}
	colon = memchr(s, ':', (size_t)(end - s));
	if (colon == NULL)
		return;
	field(key, sizeof(key), s, (size_t)(colon - s));
	if (p->cur_ch >= 0)
		channel_kv(&pr->ch[p->cur_ch], key, colon + 1, (size_t)(end - colon - 1),
		    &p->in_changes);
	else if (p->cur_ch == -1)
		proto_kv(pr, key, colon + 1, (size_t)(end - colon - 1));
}

int
bp_protocols_line(void *ctx, int code, const char *text, size_t len)
{
	struct bp_protocols *p = ctx;

	if (code == BIRD_C_PROTOCOL)
		proto_line(p, text, len);
	else if (code == BIRD_C_PROTOCOL_DETAIL)
		detail_line(p, text, len);
	return 0;
}

void
bp_protocols_free(struct bp_protocols *p)
{
	free(p->v);
	memset(p, 0, sizeof(*p));
}

const struct bird_proto *
bp_protocols_find(const struct bp_protocols *p, const char *name)
{
	for (size_t i = 0; i < p->n; i++)
		if (!strcmp(p->v[i].name, name))
			return &p->v[i];
	return NULL;
}

const struct bird_proto *
bp_protocols_find_bgp(const struct bp_protocols *p, const char *name)
{
	const struct bird_proto *pr = bp_protocols_find(p, name);

	return pr != NULL && pr->bgp ? pr : NULL;
}

/* ---- show route ... all ------------------------------------------------------------- */

void
bp_routes_init(struct bp_routes *p, bp_route_fn fn, void *ctx)
{
	memset(p, 0, sizeof(*p));
	p->fn = fn;
	p->ctx = ctx;
}

void
bp_routes_free(struct bp_routes *p)
{
	free(p->r.as_path);
	free(p->r.communities);
	free(p->r.large_communities);
	free(p->r.ext_communities);
	memset(p, 0, sizeof(*p));
}

static int
emit_route(struct bp_routes *p)
{
	int r = 0;

	if (p->open && !p->aborted) {
		p->n_routes++;
		r = p->fn(p->ctx, &p->r);
		if (r < 0)
			p->aborted = true;
	}
	p->open = false;
	return r;
}

int
bp_routes_finish(struct bp_routes *p)
{
	return emit_route(p);
}

static void
route_reset(struct bird_route *r)
{
	uint32_t *path = r->as_path, (*c)[2] = r->communities, (*l)[3] = r->large_communities;
	char (*x)[3][24] = r->ext_communities;

	memset(r, 0, sizeof(*r));
	r->as_path = path;
	r->communities = c;
	r->large_communities = l;
	r->ext_communities = x;
}

/* "198.51.100.0/28      unicast [AS64501_1 2026-11-23 13:14:40 from 192.0.2.11] * (100) [AS64501i]" */
static int
route_header(struct bp_routes *p, const char *text, size_t len)
{
	struct bird_route *r = &p->r;
	const char *s = text, *end = text + len, *t, *lb, *rb;
	size_t tl;

	if (emit_route(p) < 0)
		return -1;
	route_reset(r);
	memcpy(r->table, p->table, sizeof(r->table));
	if (len > 0 && text[0] != ' ') {
		if (!token(&s, end, &t, &tl))
			return 0;
		field(p->last_net, sizeof(p->last_net), t, tl);
	}
	/* An empty net column: another path of the network before. */
	memcpy(r->network, p->last_net, sizeof(r->network));
	if (token(&s, end, &t, &tl))
		field(r->dest, sizeof(r->dest), t, tl);
	lb = memchr(s, '[', (size_t)(end - s));
	rb = lb ? memchr(lb, ']', (size_t)(end - lb)) : NULL;
	if (lb != NULL && rb != NULL) {
		const char *q = lb + 1;
		if (token(&q, rb, &t, &tl))
			field(r->from_protocol, sizeof(r->from_protocol), t, tl);
		since_field(r->since, sizeof(r->since), &q, rb);
		if (token(&q, rb, &t, &tl) && tl == 4 && !memcmp(t, "from", 4) &&
		    token(&q, rb, &t, &tl))
			field(r->learnt_from, sizeof(r->learnt_from), t, tl);
		s = rb + 1;
	}
	while (token(&s, end, &t, &tl)) {
		if (tl == 1 && *t == '*')
			r->primary = true;
		else if (*t == '(') {
			uint32_t v;
			size_t n = strspn(t + 1, "0123456789");
			if (n < tl && parse_u32(t + 1, n, &v))
				r->preference = v;
		}
	}
	p->open = true;
	return 0;
}

/* Items "(a,b)" / "(a, b, c)" / "(rt, a, b)" of a community list. */
static void
community_items(struct bp_routes *p, int kind, const char *s, const char *end)
{
	struct bird_route *r = &p->r;

	while ((s = memchr(s, '(', (size_t)(end - s))) != NULL) {
		const char *close = memchr(s, ')', (size_t)(end - s));
		const char *part[3];
		size_t plen[3], np = 0;
		const char *q = s + 1;

		if (close == NULL)
			return;
		while (q < close && np < 3) {
			const char *comma = memchr(q, ',', (size_t)(close - q));
			const char *stop = comma ? comma : close;
			while (q < stop && *q == ' ')
				q++;
			part[np] = q;
			plen[np] = (size_t)(stop - q);
			while (plen[np] > 0 && q[plen[np] - 1] == ' ')
				plen[np]--;
			np++;
			q = comma ? comma + 1 : close;
		}
		s = close + 1;
		if (kind == 2 && np == 2 && r->n_communities < MAX_ATTR_ITEMS) {
			uint32_t a, b;
			if (!parse_u32(part[0], plen[0], &a) || !parse_u32(part[1], plen[1], &b))
				continue;
			r->communities = xgrow(r->communities, &p->cap_comm, r->n_communities + 1,
			    sizeof(*r->communities));
			r->communities[r->n_communities][0] = a;
			r->communities[r->n_communities++][1] = b;
		} else if (kind == 3 && np == 3 && r->n_large_communities < MAX_ATTR_ITEMS) {
			uint32_t v[3];
			if (!parse_u32(part[0], plen[0], &v[0]) || !parse_u32(part[1], plen[1], &v[1]) ||
			    !parse_u32(part[2], plen[2], &v[2]))
				continue;
			r->large_communities = xgrow(r->large_communities, &p->cap_lcomm,
			    r->n_large_communities + 1, sizeof(*r->large_communities));
			memcpy(r->large_communities[r->n_large_communities++], v, sizeof(v));
		} else if (kind == 4 && np == 3 && r->n_ext_communities < MAX_ATTR_ITEMS) {
			r->ext_communities = xgrow(r->ext_communities, &p->cap_ext,
			    r->n_ext_communities + 1, sizeof(*r->ext_communities));
			for (size_t i = 0; i < 3; i++)
				field(r->ext_communities[r->n_ext_communities][i], 24, part[i], plen[i]);
			r->n_ext_communities++;
		}
	}
}

static void
as_path_items(struct bp_routes *p, const char *s, const char *end)
{
	struct bird_route *r = &p->r;
	const char *t;
	size_t tl;

	while (token(&s, end, &t, &tl)) {
		uint32_t v;
		/* AS_SET members come in braces: "{64501 64502}". */
		while (tl > 0 && (*t == '{' || *t == '(' || *t == '[')) {
			t++;
			tl--;
		}
		while (tl > 0 && (t[tl - 1] == '}' || t[tl - 1] == ')' || t[tl - 1] == ']'))
			tl--;
		if (tl >= 3 && !memcmp(t + tl - 3, "...", 3)) {
			r->as_path_truncated = true;
			continue;
		}
		if (!parse_u32(t, tl, &v) || r->n_as_path >= MAX_ATTR_ITEMS)
			continue;
		r->as_path = xgrow(r->as_path, &p->cap_path, r->n_as_path + 1, sizeof(*r->as_path));
		r->as_path[r->n_as_path++] = v;
	}
}

/* The attribute names of BIRD 2 ("BGP.as_path") and 3 ("bgp_path"). */
static const char *
attr_name(const char *name)
{
	static const char *const map[][2] = {
		{ "bgp_path", "as_path" }, { "bgp_origin", "origin" },
		{ "bgp_next_hop", "next_hop" }, { "bgp_med", "med" },
		{ "bgp_local_pref", "local_pref" }, { "bgp_community", "community" },
		{ "bgp_large_community", "large_community" },
		{ "bgp_ext_community", "ext_community" }, { "bgp_otc", "otc" },
	};

	if (!strncmp(name, "BGP.", 4))
		return name + 4;
	for (size_t i = 0; i < sizeof(map) / sizeof(map[0]); i++)
		if (!strcmp(name, map[i][0]))
			return map[i][1];
	return name;
}

static void
attr_value(struct bp_routes *p, const char *name, const char *v, const char *end)
{
	struct bird_route *r = &p->r;
	const char *t;
	size_t tl;

	if (!strcmp(name, "as_path"))
		as_path_items(p, v, end);
	else if (!strcmp(name, "community"))
		community_items(p, 2, v, end);
	else if (!strcmp(name, "large_community"))
		community_items(p, 3, v, end);
	else if (!strcmp(name, "ext_community"))
		community_items(p, 4, v, end);
	else if (!strcmp(name, "origin"))
		field(r->origin, sizeof(r->origin), v, (size_t)(end - v));
	else if (!strcmp(name, "next_hop"))
		field(r->next_hop, sizeof(r->next_hop), v, (size_t)(end - v));
	else if (!strcmp(name, "med") && token(&v, end, &t, &tl))
		r->has_med = parse_u32(t, tl, &r->med);
	else if (!strcmp(name, "local_pref") && token(&v, end, &t, &tl))
		r->has_local_pref = parse_u32(t, tl, &r->local_pref);
	else if (!strcmp(name, "otc") && token(&v, end, &t, &tl))
		r->has_otc = parse_u32(t, tl, &r->otc);
	else {
		size_t used = strlen(r->other), vl = (size_t)(end - v);
		while (vl > 0 && *v == ' ') {
			v++;
			vl--;
		}
		if (used + strlen(name) + vl + 4 < sizeof(r->other))
			snprintf(r->other + used, sizeof(r->other) - used, "%s: %.*s\n", name,
			    (int)vl, v);
	}
}

static void
attr_line(struct bp_routes *p, const char *text, size_t len)
{
	const char *s = text, *end = text + len, *colon;
	char name[40];

	if (len >= 2 && s[0] == '\t' && s[1] == '\t') {	/* continuation of a list */
		attr_value(p, p->last_attr, s + 2, end);
		return;
	}
	while (s < end && (*s == '\t' || *s == ' '))
		s++;
	colon = memchr(s, ':', (size_t)(end - s));
	if (colon == NULL)
		return;
	field(name, sizeof(name), s, (size_t)(colon - s));
	if (!strcmp(name, "Type")) {
		field(p->r.type, sizeof(p->r.type), colon + 1, (size_t)(end - colon - 1));
		return;
	}
	/*
	 * BIRD 3 writes the source alone ("source: BGP") where BIRD 2 wrote
	 * "Type: BGP univ"; the scope is univ for every route a route server
	 * holds, so both read alike. BIRD 3's "from:" is BIRD 2's "from" in the
	 * route line (the address the route was learnt from).
	 */
	if (!strcmp(name, "source")) {
		char src[16];
		field(src, sizeof(src), colon + 1, (size_t)(end - colon - 1));
		snprintf(p->r.type, sizeof(p->r.type), "%s univ", src);
		return;
	}
	if (!strcmp(name, "from")) {
		field(p->r.learnt_from, sizeof(p->r.learnt_from), colon + 1,
		    (size_t)(end - colon - 1));
		return;
	}
	snprintf(p->last_attr, sizeof(p->last_attr), "%s", attr_name(name));
	attr_value(p, p->last_attr, colon + 1, end);
}

/* "\tvia 192.0.2.11 on eth0" or "\tdev eth0" */
static void
nexthop_line(struct bird_route *r, const char *text, size_t len)
{
	const char *s = text, *end = text + len, *t;
	size_t tl;

	if (!token(&s, end, &t, &tl))
		return;
	if (tl == 3 && !memcmp(t, "via", 3)) {
		if (token(&s, end, &t, &tl))
			field(r->gateway, sizeof(r->gateway), t, tl);
		if (token(&s, end, &t, &tl) && tl == 2 && !memcmp(t, "on", 2) &&
		    token(&s, end, &t, &tl))
			field(r->iface, sizeof(r->iface), t, tl);
	} else if (tl == 3 && !memcmp(t, "dev", 3) && token(&s, end, &t, &tl)) {
		field(r->iface, sizeof(r->iface), t, tl);
	}
}

int
bp_routes_line(void *ctx, int code, const char *text, size_t len)
{
	struct bp_routes *p = ctx;

	if (p->aborted)
		return -1;
	switch (code) {
	case BIRD_C_ROUTE:
		if (len == 0)
			return 0;
		if (starts(text, len, "Table ") && text[len - 1] == ':') {
			if (emit_route(p) < 0)
				return -1;
			field(p->table, sizeof(p->table), text + 6, len - 7);
			return 0;
		}
		if (text[0] == '\t') {
			if (p->open)
				nexthop_line(&p->r, text + 1, len - 1);
			return 0;
		}
		return route_header(p, text, len);
	case BIRD_C_ROUTE_ATTR:
	case BIRD_C_ROUTE_EXT_ATTR:
		if (p->open)
			attr_line(p, text, len);
		return 0;
	default:
		if (code < 1000 || code >= 8000)	/* the final line */
			return emit_route(p) < 0 ? -1 : 0;
		return 0;
	}
}

uint32_t
bp_route_lc(const struct bird_route *r, uint32_t a, uint32_t b)
{
	for (size_t i = 0; i < r->n_large_communities; i++)
		if (r->large_communities[i][0] == a && r->large_communities[i][1] == b)
			return r->large_communities[i][2];
	return 0;
}

bool
bp_route_has_lc(const struct bird_route *r, uint32_t a, uint32_t b)
{
	for (size_t i = 0; i < r->n_large_communities; i++)
		if (r->large_communities[i][0] == a && r->large_communities[i][1] == b)
			return true;
	return false;
}
