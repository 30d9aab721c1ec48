#include "emit_rtr.h"

#include "addr.h"
#include "irrdb.h"
#include "vrp.h"

static const char *const files[RTR_NUM] = { "irr-rtr-exact.json", "irr-rtr-or-longer.json",
	"rpki-rtr.json" };
static const char *const set_names[RTR_NUM] = { "irr_exact", "irr_or_longer", "vrps" };

const char *
rtr_file(enum rtr_set s)
{
	return files[s];
}

/* One entry per line; without printf (a data set has millions). */
static void
roa(struct buf *out, const char *prefix, unsigned maxlen, uint32_t asn, bool last)
{
	buf_puts(out, "  {\"prefix\": \"");
	buf_puts(out, prefix);
	buf_puts(out, "\", \"maxLength\": ");
	buf_put_uint(out, maxlen);
	buf_puts(out, ", \"asn\": ");
	buf_put_uint(out, asn);
	buf_puts(out, last ? "}\n" : "},\n");
}

size_t
emit_rtr_roas(struct buf *out, const struct model *mo, enum rtr_set s)
{
	const struct irrdb *db = mo->irr;
	const struct vrpset *v = mo->vrps;
	char tmp[ADDR_STRLEN];
	size_t n = 0;

	buf_puts(out, "\"roas\": [\n");
	if (s == RTR_VRPS) {
		for (size_t i = 0; v != NULL && i < v->n; i++) {
			struct prefix p = { v->v[i].a, v->v[i].len, v->v[i].af };
			roa(out, prefix_format(&p, tmp), v->v[i].maxlen, v->v[i].asn, i + 1 == v->n);
		}
		buf_puts(out, "]\n}\n");
		return v != NULL ? v->n : 0;
	}
	for (size_t k = 0; db != NULL && k < db->n_routes; k++) {
		uint32_t i = db->by_pfx[k];
		const struct irr_route *r = &db->routes[i];
		struct prefix p = { r->a, r->len, r->af };
		unsigned maxlen;

		if (!model_irr_entry(mo, i, s == RTR_IRR_OR_LONGER, &maxlen))
			continue;
		roa(out, prefix_format(&p, tmp), maxlen, r->origin, false);
		n++;
	}
	/* What rs_irr_loaded4/6 look for (print_irr_rtr). */
	roa(out, IRR_SENTINEL4, 32, IRR_SENTINEL_ASN, false);
	roa(out, IRR_SENTINEL4_2, 32, IRR_SENTINEL_ASN, false);
	roa(out, IRR_SENTINEL6, 128, IRR_SENTINEL_ASN, false);
	roa(out, IRR_SENTINEL6_2, 128, IRR_SENTINEL_ASN, true);
	buf_puts(out, "]\n}\n");
	return n + 4;
}

void
emit_rtr_header(struct buf *out, enum rtr_set s, size_t n, unsigned serial, const char *version,
    const char *timestamp)
{
	buf_puts(out, "{\n\"metadata\": {");
	if (timestamp != NULL)
		buf_printf(out, "\"buildtime\": \"%s\", ", timestamp);
	buf_printf(out, "\"vrps\": %zu, \"serial\": %u, \"data_set\": \"%s\", \"generator\": "
	    "\"ixp-rsc %s\"},\n", n, serial, set_names[s], version);
}

/* The longest entry: an IPv6 prefix of ADDR_STRLEN and two 10-digit
 * numbers in roa()'s text. */
#define ROA_MAX (ADDR_STRLEN + 64)

size_t
emit_rtr_size(const struct model *mo, enum rtr_set s)
{
	size_t n = s == RTR_VRPS ? (mo->vrps != NULL ? mo->vrps->n : 0) :
	    (mo->irr != NULL ? mo->irr->n_routes : 0) + 4;

	return 64 + n * ROA_MAX;
}
