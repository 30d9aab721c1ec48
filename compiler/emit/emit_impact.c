#include "emit_impact.h"

#include <stdlib.h>

#include <jansson.h>

#include "reasons.h"

/* A verdict in words: "accepted", "12 (Prefix not in ...)". */
static void
verdict(struct buf *b, int v)
{
	if (v == 0)
		buf_puts(b, "accepted");
	else if (v == IMPACT_NO_REASON)
		buf_puts(b, "filtered (no reason tag)");
	else
		buf_printf(b, "%d (%s)", v, reason_get(v)->text);
}

static void
names(struct buf *b, const char *what, char **v, size_t n)
{
	if (n == 0)
		return;
	buf_printf(b, "  %s:", what);
	for (size_t i = 0; i < n; i++)
		buf_printf(b, " %s", v[i]);
	buf_putc(b, '\n');
}

void
emit_impact_text(struct buf *out, const struct impact *im)
{
	for (size_t i = 0; i < im->n_rs; i++) {
		const struct impact_rs *irs = &im->rs[i];
		buf_printf(out, "Route server %s (BIRD %s): %zu routes of %zu members\n", irs->name,
		    irs->version, irs->routes, irs->n_members);
		names(out, "sessions the new config adds", irs->added, irs->n_added);
		names(out, "sessions it drops", irs->removed, irs->n_removed);
		if (irs->n_removed > 0)
			buf_printf(out, "  accepted routes lost with them: %zu\n", irs->lost);
		for (size_t k = 0; k < irs->n_members; k++) {
			const struct impact_member *m = &irs->members[k];
			if (m->to_filtered + m->to_accepted + m->reason_changed == 0)
				continue;
			buf_printf(out, "  AS%u %s: %zu accepted, %zu filtered now; %zu would be "
			    "filtered, %zu accepted, %zu change reason\n", m->asn,
			    m->name ? m->name : "(no longer in the YAML)", m->accepted, m->filtered,
			    m->to_filtered, m->to_accepted, m->reason_changed);
			for (size_t c = 0; c < m->n_changes && c < IMPACT_TEXT_ROUTES; c++) {
				buf_printf(out, "    %-22s %-12s ", m->changes[c].network,
				    m->changes[c].session);
				verdict(out, m->changes[c].before);
				buf_puts(out, " -> ");
				verdict(out, m->changes[c].after);
				buf_putc(out, '\n');
			}
			if (m->to_filtered + m->to_accepted + m->reason_changed > IMPACT_TEXT_ROUTES)
				buf_printf(out, "    ... and %zu more (--json lists up to %d)\n",
				    m->to_filtered + m->to_accepted + m->reason_changed -
				    IMPACT_TEXT_ROUTES, IMPACT_MAX_LISTED);
		}
	}
	buf_printf(out, "Total: %zu routes newly filtered or dropped, %zu newly accepted, "
	    "%zu with another reason.\n", im->to_filtered, im->to_accepted, im->reason_changed);
	if (im->over)
		buf_printf(out, "OVER THE LIMIT: %s\n", im->why);
	else
		buf_puts(out, "Within the limits.\n");
}

static json_t *
j_verdict(int v)
{
	if (v == 0)
		return json_pack("{s:b}", "accepted", 1);
	if (v == IMPACT_NO_REASON)
		return json_pack("{s:b,s:n}", "accepted", 0, "code");
	return json_pack("{s:b,s:i,s:s}", "accepted", 0, "code", v, "reason", reason_get(v)->text);
}

static json_t *
j_names(char **v, size_t n)
{
	json_t *a = json_array();

	for (size_t i = 0; i < n; i++)
		json_array_append_new(a, json_string(v[i]));
	return a;
}

void
emit_impact_json(struct buf *out, const struct impact *im)
{
	json_t *root = json_object(), *rss = json_array();
	char *s;

	for (size_t i = 0; i < im->n_rs; i++) {
		const struct impact_rs *irs = &im->rs[i];
		json_t *members = json_array();
		for (size_t k = 0; k < irs->n_members; k++) {
			const struct impact_member *m = &irs->members[k];
			json_t *ch = json_array();
			for (size_t c = 0; c < m->n_changes; c++)
				json_array_append_new(ch, json_pack("{s:s,s:s,s:o,s:o}",
				    "network", m->changes[c].network, "session", m->changes[c].session,
				    "before", j_verdict(m->changes[c].before),
				    "after", j_verdict(m->changes[c].after)));
			/* Names are the YAML's, validated UTF-8 (NULL: no longer a member). */
			json_array_append_new(members, json_pack("{s:I,s:o,s:I,s:I,s:I,s:I,s:I,s:o}",
			    "asn", (json_int_t)m->asn, "name", m->name ? json_string(m->name) :
			    json_null(), "accepted", (json_int_t)m->accepted,
			    "filtered", (json_int_t)m->filtered, "to_filtered", (json_int_t)m->to_filtered,
			    "to_accepted", (json_int_t)m->to_accepted,
			    "reason_changed", (json_int_t)m->reason_changed, "changes", ch));
		}
		json_array_append_new(rss, json_pack("{s:s,s:s,s:I,s:o,s:o,s:I,s:o}", "name",
		    irs->name, "bird", irs->version, "routes", (json_int_t)irs->routes,
		    "sessions_added", j_names(irs->added, irs->n_added),
		    "sessions_dropped", j_names(irs->removed, irs->n_removed),
		    "accepted_lost_with_dropped_sessions", (json_int_t)irs->lost,
		    "members", members));
	}
	json_object_set_new(root, "route_servers", rss);
	json_object_set_new(root, "totals", json_pack("{s:I,s:I,s:I}",
	    "to_filtered", (json_int_t)im->to_filtered, "to_accepted", (json_int_t)im->to_accepted,
	    "reason_changed", (json_int_t)im->reason_changed));
	json_object_set_new(root, "over_limit", json_boolean(im->over));
	json_object_set_new(root, "why", im->over ? json_string(im->why) : json_null());
	s = json_dumps(root, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
	if (s != NULL) {
		buf_puts(out, s);
		buf_putc(out, '\n');
		free(s);
	}
	json_decref(root);
}
