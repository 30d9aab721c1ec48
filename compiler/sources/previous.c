#include "previous.h"

#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "buf.h"
#include "fileio.h"
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
	json_t *root, *members, *m, *rpki, *t;
	size_t i, len;
	long age;
	char *text;

	memset(p, 0, sizeof(*p));
	p->export_vrps = -1;
	buf_printf(&path, "%s/report.json", outdir);
	text = file_read(path.p, PREV_MAX_BYTES, true, &len, &age);
	buf_free(&path);
	root = text ? json_loadb(text, len, JSON_REJECT_DUPLICATES, NULL) : NULL;
	free(text);
	members = root ? json_object_get(root, "members") : NULL;
	if (!json_is_array(members)) {
		json_decref(root);
		return -1;
	}
	rpki = json_object_get(json_object_get(root, "sources"), "rpki");
	/* Reports before export_vrps existed counted the same VRPs as vrps. */
	if ((t = json_object_get(rpki, "export_vrps")) == NULL)
		t = json_object_get(rpki, "vrps");
	if (json_is_integer(t) && json_integer_value(t) >= 0)
		p->export_vrps = json_integer_value(t);
	if (json_is_integer(t = json_object_get(rpki, "buildtime")))
		p->buildtime = json_integer_value(t);
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
