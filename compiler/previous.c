#include "previous.h"

#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "buf.h"
#include "xalloc.h"

static int
cmp(const void *a, const void *b)
{
	const struct prev_member *x = a, *y = b;

	return x->asn < y->asn ? -1 : x->asn > y->asn;
}

int
previous_load(const char *outdir, struct previous *p)
{
	struct buf path = BUF_INIT;
	json_t *root, *members, *m;
	size_t i;

	memset(p, 0, sizeof(*p));
	buf_printf(&path, "%s/report.json", outdir);
	root = json_load_file(path.p, 0, NULL);
	buf_free(&path);
	members = root ? json_object_get(root, "members") : NULL;
	if (!json_is_array(members)) {
		json_decref(root);
		return -1;
	}
	p->v = xcalloc(json_array_size(members) + 1, sizeof(*p->v));
	json_array_foreach(members, i, m) {
		json_t *pf = json_object_get(json_object_get(m, "irr"), "prefixes");
		json_int_t asn = json_integer_value(json_object_get(m, "asn"));
		if (asn <= 0 || !json_is_object(pf))
			continue;
		p->v[p->n].asn = (uint32_t)asn;
		p->v[p->n].prefixes[0] = (uint64_t)json_integer_value(json_object_get(pf, "ipv4"));
		p->v[p->n].prefixes[1] = (uint64_t)json_integer_value(json_object_get(pf, "ipv6"));
		p->n++;
	}
	qsort(p->v, p->n, sizeof(*p->v), cmp);
	json_decref(root);
	return 0;
}

const struct prev_member *
previous_find(const struct previous *p, uint32_t asn)
{
	struct prev_member key = { asn, { 0, 0 } };

	return p->n ? bsearch(&key, p->v, p->n, sizeof(*p->v), cmp) : NULL;
}

void
previous_free(struct previous *p)
{
	free(p->v);
	memset(p, 0, sizeof(*p));
}
