#include "emit_textfile.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "prom.h"

#define LAST_SUCCESS "ixp_rsc_last_success_timestamp_seconds"

/* sources: the YAML and every data source loaded; model: the policy model
 * built; emit: every output made in memory; write: checked, compared with
 * what OUTDIR holds, and installed. */
static const char *const phase_names[PHASE_NUM] = { "sources", "model", "emit", "write" };

void
emit_textfile(struct buf *b, const struct run_metrics *m)
{
	prom_head(b, "ixp_rsc_compile_success", "gauge", "1 if the last ixp-rsc compile succeeded");
	buf_printf(b, "ixp_rsc_compile_success %d\n", m->exit_code == 0);
	prom_head(b, "ixp_rsc_compile_exit_code", "gauge", "exit status of the last compile (see ixp-rsc(1))");
	buf_printf(b, "ixp_rsc_compile_exit_code %d\n", m->exit_code);
	prom_head(b, "ixp_rsc_compile_duration_seconds", "gauge", "how long the last compile took");
	buf_printf(b, "ixp_rsc_compile_duration_seconds %.3f\n", m->seconds);
	prom_head(b, "ixp_rsc_compile_phase_seconds", "gauge",
	    "how long each phase of the last compile took (0: not reached)");
	for (enum run_phase ph = 0; ph < PHASE_NUM; ph++)
		buf_printf(b, "ixp_rsc_compile_phase_seconds{phase=\"%s\"} %.3f\n", phase_names[ph],
		    m->phase_s[ph]);
	prom_head(b, "ixp_rsc_last_run_timestamp_seconds", "gauge", "when the last compile ran");
	buf_printf(b, "ixp_rsc_last_run_timestamp_seconds %lld\n", (long long)m->now);
	prom_head(b, LAST_SUCCESS, "gauge", "when a compile last succeeded (0: never)");
	buf_printf(b, LAST_SUCCESS " %lld\n", (long long)m->last_success);
	prom_head(b, "ixp_rsc_errors", "gauge", "input errors of the last compile");
	buf_printf(b, "ixp_rsc_errors %u\n", m->errors);
	prom_head(b, "ixp_rsc_warnings", "gauge", "warnings of the last compile");
	buf_printf(b, "ixp_rsc_warnings %u\n", m->warnings);
	if (m->have_model) {
		prom_head(b, "ixp_rsc_members", "gauge", "members in the last compiled config");
		buf_printf(b, "ixp_rsc_members %zu\n", m->members);
		prom_head(b, "ixp_rsc_sessions", "gauge", "BGP sessions in the last compiled config");
		buf_printf(b, "ixp_rsc_sessions %zu\n", m->sessions);
	}
	if (m->n_sources > 0)
		prom_head(b, "ixp_rsc_source_age_seconds", "gauge",
		    "age of the data each source gave the last compile (0: fetched live)");
	for (size_t i = 0; i < m->n_sources; i++) {
		const struct run_source *s = &m->sources[i];
		buf_puts(b, "ixp_rsc_source_age_seconds{kind=");
		prom_label(b, s->kind);
		buf_puts(b, ",where=");
		prom_label(b, s->where);
		buf_puts(b, ",from=");
		prom_label(b, s->from);
		buf_printf(b, "} %ld\n", s->age_s > 0 ? s->age_s : 0);
	}
	if (m->n_configs > 0)
		prom_head(b, "ixp_rsc_config_changed", "gauge",
		    "1 if the last compile changed this route server's config (the generation time aside)");
	for (size_t i = 0; i < m->n_configs; i++) {
		buf_puts(b, "ixp_rsc_config_changed{rs=");
		prom_label(b, m->configs[i].rs);
		buf_printf(b, "} %d\n", m->configs[i].changed);
	}
}

int64_t
textfile_last_success(const char *text)
{
	const char *p = text;
	size_t n = strlen(LAST_SUCCESS);

	while ((p = strstr(p, LAST_SUCCESS " ")) != NULL) {
		if (p == text || p[-1] == '\n')
			return strtoll(p + n + 1, NULL, 10);
		p += n;
	}
	return 0;
}
