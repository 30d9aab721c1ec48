#include "emit_rtr.h"

#include "addr.h"
#include "irrdb.h"

const char *
irr_rtr_file(int ol)
{
	return ol ? "irr-rtr-or-longer.json" : "irr-rtr-exact.json";
}

size_t
emit_irr_rtr_roas(struct buf *out, const struct model *mo, int ol)
{
	const struct irrdb *db = mo->irr;
	char tmp[ADDR_STRLEN];
	size_t n = 0;

	buf_puts(out, "\"roas\": [\n");
	for (size_t k = 0; db != NULL && k < db->n_routes; k++) {
		uint32_t i = db->by_pfx[k];
		const struct irr_route *r = &db->routes[i];
		struct prefix p = { r->a, r->len, r->af };
		unsigned maxlen;

		if (!model_irr_entry(mo, i, ol, &maxlen))
			continue;
		buf_printf(out, "  {\"prefix\": \"%s\", \"maxLength\": %u, \"asn\": %u},\n",
		    prefix_format(&p, tmp), maxlen, r->origin);
		n++;
	}
	/* What rs_irr_loaded4/6 look for (print_irr_rtr). */
	buf_printf(out, "  {\"prefix\": \"%s\", \"maxLength\": 32, \"asn\": %u},\n"
	    "  {\"prefix\": \"%s\", \"maxLength\": 32, \"asn\": %u},\n"
	    "  {\"prefix\": \"%s\", \"maxLength\": 128, \"asn\": %u},\n"
	    "  {\"prefix\": \"%s\", \"maxLength\": 128, \"asn\": %u}\n]\n}\n",
	    IRR_SENTINEL4, IRR_SENTINEL_ASN, IRR_SENTINEL4_2, IRR_SENTINEL_ASN,
	    IRR_SENTINEL6, IRR_SENTINEL_ASN, IRR_SENTINEL6_2, IRR_SENTINEL_ASN);
	return n + 4;
}

void
emit_irr_rtr_file(struct buf *out, int ol, const struct buf *roas, size_t n, unsigned serial,
    const char *version, const char *timestamp)
{
	buf_puts(out, "{\n\"metadata\": {");
	if (timestamp != NULL)
		buf_printf(out, "\"buildtime\": \"%s\", ", timestamp);
	buf_printf(out, "\"vrps\": %zu, \"serial\": %u, \"data_set\": \"%s\", \"generator\": "
	    "\"ixp-rsc %s\"},\n", n, serial, ol ? "or_longer" : "exact", version);
	buf_add(out, roas->p, roas->len);
}
