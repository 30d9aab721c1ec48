#include "apply.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "birdc.h"
#include "bparse.h"
#include "clock.h"
#include "xalloc.h"

#define CMD_TIMEOUT_MS	30000	/* one command; a configure of a big config takes seconds */
#define POLL_MS		500

static bool
in_list(char **v, size_t n, const char *name)
{
	for (size_t i = 0; i < n; i++)
		if (!strcmp(v[i], name))
			return true;
	return false;
}

/* `show protocols all` on the session; false when BIRD does not answer. */
static bool
protocols(struct bird_sess *s, struct bp_protocols *p)
{
	struct bird_result res;

	memset(p, 0, sizeof(*p));
	bird_cmd(s, "show protocols all", clock_ms() + CMD_TIMEOUT_MS, 50u * 1000 * 1000,
	    bp_protocols_line, p, &res);
	if (res.status != BS_OK)
		bp_protocols_free(p);
	return res.status == BS_OK;
}

/* AS<asn>_<n> */
static uint32_t
asn_of(const char *session)
{
	unsigned long asn, n;
	char tail;

	return sscanf(session, "AS%lu_%lu%c", &asn, &n, &tail) == 2 && asn <= UINT32_MAX ?
	    (uint32_t)asn : 0;
}

/*
 * Do the sessions that were up and stay in the config run again, and has
 * every member the routes impact predicted? Some slack (2 routes or 5%):
 * members announce and withdraw while this runs.
 */
static bool
verified(const struct bp_protocols *p, char **up_before, size_t n_up,
    const struct apply_expect *ex, char *why, size_t whylen)
{
	for (size_t i = 0; i < n_up; i++) {
		const struct bird_proto *pr = bp_protocols_find_bgp(p, up_before[i]);
		if (pr == NULL || !pr->established) {
			snprintf(why, whylen, "session %s, up before, is %s", up_before[i],
			    pr == NULL ? "gone" : pr->info[0] ? pr->info : pr->state);
			return false;
		}
	}
	for (size_t m = 0; m < ex->n_members; m++) {
		size_t have = 0, want = ex->members[m].accepted;
		size_t slack = want / 20 > 2 ? want / 20 : 2;
		for (size_t i = 0; i < p->n; i++)
			if (p->v[i].bgp && asn_of(p->v[i].name) == ex->members[m].asn)
				for (int k = 0; k < p->v[i].n_ch; k++)
					have += p->v[i].ch[k].imported;
		if (have + slack < want) {
			snprintf(why, whylen, "AS%u has %zu accepted routes, %zu predicted",
			    ex->members[m].asn, have, want);
			return false;
		}
	}
	return true;
}

enum apply_result
apply_config(const char *socket, const char *conf, const struct apply_expect *ex,
    unsigned confirm_s, unsigned settle_s, char *why, size_t whylen)
{
	struct bird_sess s;
	struct bird_result res;
	struct bp_protocols p;
	char **up = NULL, err[256];
	size_t n_up = 0;
	enum apply_result r = APPLY_UNSURE;
	int64_t settle_until;

	if (bird_open_admin(&s, socket, clock_ms() + CMD_TIMEOUT_MS, why, whylen) != BS_OK)
		return APPLY_REFUSED;
	if (!protocols(&s, &p)) {
		snprintf(why, whylen, "%s: show protocols: no answer", socket);
		bird_close(&s);
		return APPLY_REFUSED;
	}
	for (size_t i = 0; i < p.n; i++)
		if (p.v[i].bgp && p.v[i].established && in_list(ex->sessions, ex->n_sessions,
		    p.v[i].name)) {
			up = xrealloc(up, (n_up + 1) * sizeof(*up));
			up[n_up++] = xstrdup(p.v[i].name);
		}
	bp_protocols_free(&p);

	bird_configure(&s, conf, confirm_s, clock_ms() + CMD_TIMEOUT_MS, &res);
	if (res.status != BS_OK || (res.code != 3 && res.code != 4 && res.code != 19)) {
		snprintf(why, whylen, "BIRD did not take %s: %d %s", conf, res.code,
		    res.status == BS_OK ? res.text : "no answer");
		r = res.status == BS_OK ? APPLY_REFUSED : APPLY_UNSURE;
		goto out;
	}
	settle_until = clock_ms() + (int64_t)settle_s * 1000;
	err[0] = '\0';
	for (;;) {
		bool ok;
		if (!protocols(&s, &p)) {
			snprintf(why, whylen, "BIRD stopped answering after the configure; its "
			    "timer (%u s) undoes it", confirm_s);
			goto out;
		}
		ok = verified(&p, up, n_up, ex, err, sizeof(err));
		bp_protocols_free(&p);
		if (ok)
			break;
		if (clock_ms() >= settle_until) {
			bird_cmd(&s, "configure undo", clock_ms() + CMD_TIMEOUT_MS, 64, NULL, NULL,
			    &res);
			snprintf(why, whylen, "not verified within %u s (%s): %s", settle_s, err,
			    res.status == BS_OK ? "configure undo done" :
			    "configure undo failed; BIRD's timer undoes it");
			r = res.status == BS_OK ? APPLY_UNDONE : APPLY_UNSURE;
			goto out;
		}
		struct timespec ts = { 0, POLL_MS * 1000000L };
		nanosleep(&ts, NULL);
	}
	bird_cmd(&s, "configure confirm", clock_ms() + CMD_TIMEOUT_MS, 64, NULL, NULL, &res);
	if (res.status != BS_OK || res.code >= 8000) {
		snprintf(why, whylen, "configure confirm failed (%d %s); BIRD's timer (%u s) "
		    "undoes the change", res.code, res.status == BS_OK ? res.text : "no answer",
		    confirm_s);
		goto out;
	}
	snprintf(why, whylen, "%zu sessions up again, routes as predicted; confirmed", n_up);
	r = APPLY_OK;
out:
	bird_close(&s);
	for (size_t i = 0; i < n_up; i++)
		free(up[i]);
	free(up);
	return r;
}
