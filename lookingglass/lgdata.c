#include "lgdata.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "config.h"
#include "diag.h"
#include "reasons.h"
#include "xalloc.h"
#include "yaml_load.h"

void
lg_reasons_builtin(struct lg_reasons *r)
{
	memset(r, 0, sizeof(*r));
	r->reject_lc = LC_REJECT;
	r->rpki_lc = LC_RPKI_STATE;
	r->v = xcalloc(REJ_MAX, sizeof(*r->v));
	for (int code = 1; code <= REJ_MAX; code++) {
		r->v[r->n].code = code;
		r->v[r->n].text = xstrdup(reasons[code].text);
		r->v[r->n].hint = xstrdup(reasons[code].hint);
		r->n++;
	}
}

void
lg_reasons_free(struct lg_reasons *r)
{
	for (size_t i = 0; i < r->n; i++) {
		free(r->v[i].text);
		free(r->v[i].hint);
	}
	free(r->v);
	memset(r, 0, sizeof(*r));
}

/* "64500:65520:{code}" -> 64500, 65520 */
static bool
community_pattern(const char *s, const char *what, uint32_t *asn, uint32_t *mid)
{
	unsigned long a, m;
	char tail[16];

	if (s == NULL || sscanf(s, "%lu:%lu:%15s", &a, &m, tail) != 3 || a > UINT32_MAX ||
	    m > UINT32_MAX || strcmp(tail, what))
		return false;
	*asn = (uint32_t)a;
	*mid = (uint32_t)m;
	return true;
}

bool
lg_reasons_load(struct lg_reasons *r, const char *path, char *err, size_t errlen)
{
	json_error_t e;
	json_t *root = json_load_file(path, JSON_REJECT_DUPLICATES, &e), *rs, *v;
	const char *key;
	uint32_t asn2;

	memset(r, 0, sizeof(*r));
	if (root == NULL) {
		snprintf(err, errlen, "%s:%d:%d: %s", path, e.line, e.column, e.text);
		return false;
	}
	if (!community_pattern(json_string_value(json_object_get(root, "reject_community")),
	    "{code}", &r->rs_asn, &r->reject_lc) ||
	    !community_pattern(json_string_value(json_object_get(root, "rpki_community")),
	    "{state}", &asn2, &r->rpki_lc) || asn2 != r->rs_asn ||
	    !json_is_object(rs = json_object_get(root, "reasons"))) {
		snprintf(err, errlen, "%s: not a reasons.json written by ixp-rsc "
		    "(reject_community, rpki_community and reasons expected)", path);
		json_decref(root);
		return false;
	}
	r->v = xcalloc(json_object_size(rs) + 1, sizeof(*r->v));
	json_object_foreach(rs, key, v) {
		char *end;
		long code = strtol(key, &end, 10);
		const char *text = json_string_value(json_object_get(v, "text"));
		const char *hint = json_string_value(json_object_get(v, "hint"));
		if (*end != '\0' || code < 0 || code > 65535 || text == NULL)
			continue;
		r->v[r->n].code = (int)code;
		r->v[r->n].text = xstrdup(text);
		r->v[r->n].hint = xstrdup(hint ? hint : "");
		r->n++;
	}
	json_decref(root);
	return true;
}

const char *
lg_reason_text(const struct lg_reasons *r, int code, const char **hint)
{
	for (size_t i = 0; i < r->n; i++)
		if (r->v[i].code == code) {
			if (hint)
				*hint = r->v[i].hint;
			return r->v[i].text;
		}
	if (hint)
		*hint = "";
	return "unknown reason";
}

void
lg_route_flags(const struct lg_reasons *r, uint32_t rs_asn, const struct bird_route *rt,
    struct lg_route_flags *f)
{
	memset(f, 0, sizeof(*f));
	if (r->rs_asn != 0)
		rs_asn = r->rs_asn;
	for (size_t i = 0; i < rt->n_large_communities; i++) {
		const uint32_t *c = rt->large_communities[i];
		if (c[0] != rs_asn)
			continue;
		if (c[1] == r->reject_lc && c[2] <= 65535)
			f->reject = (int)c[2];
		else if (c[1] == r->rpki_lc && c[2] >= 1 && c[2] <= 4)
			f->rpki = (int)c[2];
	}
	for (size_t i = 0; i < rt->n_communities; i++)
		if (rt->communities[i][0] == 65535 && rt->communities[i][1] == 666)
			f->blackhole = true;
	/* Rejected by the RPKI check: the filter stops before tagging. */
	if (f->reject == REJ_RPKI_INVALID && f->rpki == 0)
		f->rpki = RPKI_TAG_INVALID;
}

bool
lg_members_load(struct config **out, const char *path, char *err, size_t errlen)
{
	struct config *c = xcalloc(1, sizeof(*c));
	struct diag d;

	*out = NULL;
	diag_init(&d, stderr);
	if (yaml_load_config(path, c, &d) != 0) {
		snprintf(err, errlen, "%s: the member YAML has errors (run ixp-rsc check)", path);
		config_free(c);
		free(c);
		return false;
	}
	*out = c;
	return true;
}

void
lg_members_free(struct config *c)
{
	if (c != NULL) {
		config_free(c);
		free(c);
	}
}

uint32_t
lg_session_asn(const char *proto)
{
	unsigned long v;
	char *end;

	if (strncmp(proto, "AS", 2) != 0 || proto[2] < '0' || proto[2] > '9')
		return 0;
	v = strtoul(proto + 2, &end, 10);
	if (*end != '_' || v == 0 || v > UINT32_MAX)
		return 0;
	return (uint32_t)v;
}
