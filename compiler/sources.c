#include "sources.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "buf.h"
#include "clock.h"
#include "cache.h"
#include "fileio.h"
#include "http.h"
#include "irr_fetch.h"
#include "irrname.h"
#include "xalloc.h"

enum { EXIT_INPUT = 1, EXIT_SOURCE = 2 };

#define VRP_MAX_HTTP	(512u << 20)
/* One IRRd answer: the largest real ones (a big AS-SET's members, the
 * route objects of the biggest networks) are a few MB. */
#define IRR_MAX_ANSWER	(32u << 20)
#define IRR_MAX_TOTAL	((uint64_t)4 << 30)	/* everything from one server */
#define PDB_MAX_HTTP	(16u << 20)	/* one answer: 150 records or one page */
#define PDB_MAX_FILE	(1024u << 20)	/* a local dump of every network */
#define RULES_MAX_FILE	(1u << 20)	/* forbidden-traffic rule set */
#define PDB_CHUNK	150		/* ASNs per PeeringDB query */
#define PDB_PAGE	1000		/* never-via records per page */
#define PDB_MAX_PAGES	200		/* PeeringDB has ~35,000 networks in all */

static struct source_info *
info_add(struct data *dt, const char *kind, const char *where)
{
	struct source_info *si;

	dt->info = xrealloc(dt->info, (dt->n_info + 1) * sizeof(*dt->info));
	si = &dt->info[dt->n_info++];
	memset(si, 0, sizeof(*si));
	snprintf(si->kind, sizeof(si->kind), "%s", kind);
	snprintf(si->where, sizeof(si->where), "%s", where);
	si->age_s = -1;
	return si;
}

/* ---- cache policy ------------------------------------------------------ */

/*
 * A source failed (or --offline): is the cached copy young enough? Its age,
 * or -1 after reporting why not.
 */
static long
cache_fresh(const struct config *c, const struct source_opts *o, const char *key,
    const char *what, const char *why, struct source_info *si, struct diag *d)
{
	const char *dir = c->src.cache_dir;
	long age;

	if (dir == NULL) {
		diag_error(d, NULL, "set sources.cache_dir so a failing source can fall back",
		    "%s: %s; no cache configured", what, why);
		return -1;
	}
	if ((age = cache_age(dir, key)) < 0) {
		diag_error(d, NULL, NULL, "%s: %s; no cached copy in %s", what, why, dir);
		return -1;
	}
	if (!o->offline && age > (long)c->src.cache_max_age) {
		diag_error(d, NULL, "fix the source, or raise sources.cache_max_age",
		    "%s: %s; the cached copy is %ld hours old (limit %u)", what, why,
		    age / 3600, c->src.cache_max_age / 3600);
		return -1;
	}
	diag_warn(d, NULL, NULL, "%s: %s; using the cached copy from %ld minutes ago", what,
	    why, age / 60);
	snprintf(si->from, sizeof(si->from), "cache");
	si->age_s = age;
	return age;
}

/* The cached copy itself (at most `max` bytes; the caller frees it). */
static char *
from_cache(const struct config *c, const struct source_opts *o, const char *key,
    const char *what, const char *why, size_t max, size_t *len, struct source_info *si,
    struct diag *d)
{
	char *data;
	long age;

	if (cache_fresh(c, o, key, what, why, si, d) < 0)
		return NULL;
	if ((data = cache_get(c->src.cache_dir, key, max, len, &age)) == NULL)
		diag_error(d, NULL, NULL, "%s: cached copy %s/%s: %s", what, c->src.cache_dir,
		    key, strerror(errno));
	return data;
}

static void
to_cache(const struct config *c, const char *key, const char *data, size_t len,
    struct diag *d)
{
	char err[512];

	if (c->src.cache_dir != NULL && cache_put(c->src.cache_dir, key, data, len, err,
	    sizeof(err)) != 0)
		diag_warn(d, NULL, NULL, "cache not updated: %s", err);
}

/* All requests of one source share one deadline, sources.http_deadline. */
static void
http_defaults(struct http_opts *h, size_t max_bytes, long deadline_s)
{
	memset(h, 0, sizeof(*h));
	h->timeout_s = deadline_s;
	h->connect_timeout_s = 15;
	h->max_bytes = max_bytes;
	h->max_429 = 5;
	h->max_backoff_s = 60;
	h->deadline_ms = clock_ms() + deadline_s * 1000;
	h->ca_file = getenv("IXP_RSC_CA_FILE");
}

/* ---- PeeringDB ----------------------------------------------------------- */

/* Fetch the `net` records of all members and the never-via-RS list. */
static int
pdb_fetch(const struct config *c, const char *base, struct pdb *p, struct buf *doc,
    char *err, size_t errlen, struct diag *d)
{
	struct http_opts h;
	struct buf url = BUF_INIT, body = BUF_INIT, hdr = BUF_INIT;
	const char *key = getenv("PEERINGDB_API_KEY");
	int r = 0;

	http_defaults(&h, PDB_MAX_HTTP, c->src.http_deadline);
	if (key != NULL && *key != '\0') {
		buf_printf(&hdr, "Authorization: Api-Key %s", key);
		h.header = hdr.p;
	}
	/* One document for the cache: the records and the list. */
	buf_puts(doc, "{\"data\": [");
	for (size_t i = 0; i < c->n_members && r == 0; i += PDB_CHUNK) {
		buf_reset(&url);
		buf_printf(&url, "%s/net?fields=asn,irr_as_set,info_prefixes4,info_prefixes6,"
		    "info_never_via_route_servers&asn__in=", base);
		for (size_t k = i; k < c->n_members && k < i + PDB_CHUNK; k++)
			buf_printf(&url, "%s%u", k > i ? "," : "", c->members[k].asn);
		if ((r = http_get(url.p, &h, &body, err, errlen)) != 0)
			break;
		if ((r = pdb_parse(p, body.p, body.len, url.p, d)) != 0) {
			snprintf(err, errlen, "%s: not a PeeringDB answer", url.p);
			break;
		}
	}
	/* Every network that asks never to be reached via a route server, in
	 * pages. The records say so themselves (the field is asked for), so a
	 * server that ignored the filter would still give the right list. */
	for (unsigned page = 0; r == 0; page++) {
		size_t n0 = p->n + p->n_skipped;
		if (page == PDB_MAX_PAGES) {
			snprintf(err, errlen, "%s/net: more than %u pages of never-via-route-server "
			    "networks", base, PDB_MAX_PAGES);
			r = -1;
			break;
		}
		buf_reset(&url);
		buf_printf(&url, "%s/net?info_never_via_route_servers=1&fields=asn,"
		    "info_never_via_route_servers&limit=%u&skip=%u", base, PDB_PAGE, page * PDB_PAGE);
		if ((r = http_get(url.p, &h, &body, err, errlen)) != 0)
			break;
		if ((r = pdb_parse(p, body.p, body.len, url.p, d)) != 0) {
			snprintf(err, errlen, "%s: not a PeeringDB answer", url.p);
			break;
		}
		if (p->n + p->n_skipped - n0 < PDB_PAGE)
			break;
	}
	if (r == 0) {
		pdb_finalize(p);
		pdb_to_json(p, doc);
	}
	buf_free(&url);
	buf_free(&body);
	buf_free(&hdr);
	return r;
}

static int
load_pdb(const struct config *c, const struct source_opts *o, struct data *dt,
    struct diag *d)
{
	const struct srcfile *f = &c->src.peeringdb;
	struct source_info *si;
	char key[300], err[512], *data = NULL;
	size_t len = 0;
	double t0 = clock_s();

	if (f->path == NULL)
		return 0;
	si = info_add(dt, "peeringdb", f->path);
	if (!http_is_url(f->path)) {
		data = file_read(f->path, PDB_MAX_FILE, false, &len, &si->age_s);
		if (data == NULL) {
			diag_error(d, &f->pos, NULL, "%s: cannot read: %s", f->path, strerror(errno));
			return EXIT_SOURCE;
		}
		snprintf(si->from, sizeof(si->from), "file");
	} else {
		cache_key(key, sizeof(key), "peeringdb", f->path, "json");
		if (!o->offline) {
			struct buf doc = BUF_INIT;
			struct pdb fresh = { NULL, 0, NULL, 0, 0 };
			if (pdb_fetch(c, f->path, &fresh, &doc, err, sizeof(err), d) == 0) {
				to_cache(c, key, doc.p, doc.len, d);
				dt->pdb = fresh;
				dt->have_pdb = true;
				snprintf(si->from, sizeof(si->from), "live");
				si->bytes = doc.len;
				si->items = fresh.n;
				si->seconds = clock_s() - t0;
				buf_free(&doc);
				return 0;
			}
			pdb_free(&fresh);
			buf_free(&doc);
		}
		data = from_cache(c, o, key, "PeeringDB", o->offline ? "offline" : err, PDB_MAX_FILE,
		    &len, si, d);
		if (data == NULL)
			return EXIT_SOURCE;
	}
	if (pdb_parse(&dt->pdb, data, len, f->path, d) != 0) {
		free(data);
		return EXIT_SOURCE;
	}
	pdb_finalize(&dt->pdb);
	dt->have_pdb = true;
	si->bytes = len;
	si->items = dt->pdb.n;
	si->seconds = clock_s() - t0;
	free(data);
	return 0;
}

/* ---- IRR ----------------------------------------------------------------- */

static int
load_dumps(const struct config *c, const struct source_opts *o, struct data *dt,
    struct diag *d)
{
	irrdb_init(&dt->irr, c->src.irr_sources, c->src.n_irr_sources);
	dt->have_irr = true;
	for (size_t i = 0; i < c->src.n_irr_dumps; i++) {
		struct source_info *si = info_add(dt, "irr", c->src.irr_dumps[i].path);
		double t0 = clock_s();
		if (irrdb_load_dump(&dt->irr, c->src.irr_dumps[i].path, d, o->progress) != 0)
			return EXIT_SOURCE;
		snprintf(si->from, sizeof(si->from), "dump");
		si->bytes = dt->irr.dumps[dt->irr.n_dumps - 1].rpsl.bytes;
		si->items = dt->irr.dumps[dt->irr.n_dumps - 1].rpsl.objects;
		si->seconds = clock_s() - t0;
	}
	irrdb_finalize(&dt->irr);
	return 0;
}

/* "host:port" or "[v6]:port" */
static void
split_server(const char *s, char *host, size_t hl, char *port, size_t pl)
{
	const char *colon = strrchr(s, ':');

	if (s[0] == '[' && strchr(s, ']') != NULL) {
		const char *e = strchr(s, ']');
		snprintf(host, hl, "%.*s", (int)(e - s - 1), s + 1);
		snprintf(port, pl, "%s", e[1] == ':' ? e + 2 : "43");
	} else if (colon != NULL) {
		snprintf(host, hl, "%.*s", (int)(colon - s), s);
		snprintf(port, pl, "%s", colon + 1);
	} else {
		snprintf(host, hl, "%s", s);
		snprintf(port, pl, "43");
	}
}

/* What the members need: their AS-SETs (YAML, else PeeringDB) and ASNs. */
static void
member_roots(const struct config *c, const struct data *dt, char ***names, size_t *n,
    uint32_t **asns)
{
	*names = NULL;
	*n = 0;
	*asns = xcalloc(c->n_members + 1, sizeof(**asns));
	for (size_t i = 0; i < c->n_members; i++) {
		size_t k, bad;
		char **v = pdb_member_as_sets(&c->members[i], dt->have_pdb ? &dt->pdb : NULL,
		    &k, &bad, NULL);
		(*asns)[i] = c->members[i].asn;
		*names = xrealloc(*names, (*n + k + 1) * sizeof(**names));
		if (k > 0)
			memcpy(*names + *n, v, k * sizeof(*v));
		*n += k;
		free(v);
	}
}

static int
load_live_irr(const struct config *c, const struct source_opts *o, struct data *dt,
    struct diag *d)
{
	char **names, key[300], err[512] = "", host[256], port[16];
	size_t n_names;
	uint32_t *asns;
	int ret = 0;

	member_roots(c, dt, &names, &n_names, &asns);
	for (size_t s = 0; s < c->src.n_irr_servers && !o->offline; s++) {
		const char *srv = c->src.irr_servers[s].path;
		struct source_info *si = info_add(dt, "irr", srv);
		struct irrd_opts io;
		struct fetch_stats fs;

		split_server(srv, host, sizeof(host), port, sizeof(port));
		memset(&io, 0, sizeof(io));
		io.host = host;
		io.port = port;
		io.sources = c->src.irr_sources;
		io.n_sources = c->src.n_irr_sources;
		io.jobs = o->jobs;
		io.idle_timeout_s = c->src.irr_timeout;
		io.deadline_s = c->src.irr_deadline;
		io.max_answer = IRR_MAX_ANSWER;
		io.max_total = IRR_MAX_TOTAL;
		io.max_reconnects = 3;
		io.client_name = "ixp-rsc";
		irrdb_init(&dt->irr, c->src.irr_sources, c->src.n_irr_sources);
		if (dt->irr.n_sources == 0)
			irrdb_source_add(&dt->irr, "IRR");
		if (irr_fetch(&dt->irr, (const char *const *)names, n_names, asns, c->n_members, c,
		    &io, o->progress, &fs, err, sizeof(err)) == 0) {
			size_t len;
			char *rpsl = irrdb_to_rpsl(&dt->irr, &len);
			irrdb_finalize(&dt->irr);
			cache_key(key, sizeof(key), "irr", srv, "db");
			to_cache(c, key, rpsl, len, d);
			free(rpsl);
			dt->have_irr = true;
			snprintf(si->from, sizeof(si->from), "live");
			si->seconds = fs.seconds;
			si->bytes = fs.client.bytes_in;
			si->items = fs.client.queries;
			goto out;
		}
		diag_warn(d, &c->src.irr_servers[s].pos, NULL, "IRR server %s: %s", srv, err);
		irrdb_free(&dt->irr);
	}
	/* No server answered completely (or --offline): the youngest cached
	 * copy of any configured server (each is a complete answer). */
	{
		const char *srv = c->src.irr_servers[0].path;
		struct source_info *si;
		struct buf path = BUF_INIT;
		long best = -1;

		for (size_t s = 0; s < c->src.n_irr_servers && c->src.cache_dir != NULL; s++) {
			long age;
			cache_key(key, sizeof(key), "irr", c->src.irr_servers[s].path, "db");
			age = cache_age(c->src.cache_dir, key);
			if (age >= 0 && (best < 0 || age < best)) {
				best = age;
				srv = c->src.irr_servers[s].path;
			}
		}
		si = info_add(dt, "irr-cache", srv);
		cache_key(key, sizeof(key), "irr", srv, "db");
		if (cache_fresh(c, o, key, "IRR", o->offline ? "offline" : err, si, d) < 0) {
			ret = EXIT_SOURCE;
			goto out;
		}
		/* Same source list as a live fetch, so priorities match. */
		irrdb_init(&dt->irr, c->src.irr_sources, c->src.n_irr_sources);
		dt->have_irr = true;
		buf_printf(&path, "%s/%s", c->src.cache_dir, key);
		if (irrdb_load_dump(&dt->irr, path.p, d, false) != 0)
			ret = EXIT_SOURCE;
		else
			irrdb_finalize(&dt->irr);
		buf_free(&path);
	}
out:
	for (size_t i = 0; i < n_names; i++)
		free(names[i]);
	free(names);
	free(asns);
	return ret;
}

/* ---- RPKI ---------------------------------------------------------------- */

/*
 * The RPKI twin of the IRR shrink guard, but failing closed: a VRP lost is
 * an RPKI-invalid route that becomes "unknown" and is accepted. An export
 * with far fewer VRPs than the previous run's (a validator that lost a
 * trust anchor, an emptied mirror) is refused.
 */
static bool
vrps_dropped(const struct config *c, const struct source_opts *o, const struct vrpset *v,
    const char *name, struct diag *d)
{
	struct srcpos pos = { name, 0, 0 };
	int64_t was = o->prev != NULL ? o->prev->export_vrps : -1;
	unsigned keep = 100 - c->src.vrps_max_drop;

	if (o->prev != NULL && o->prev->buildtime > 0 && v->buildtime > 0 &&
	    v->buildtime < o->prev->buildtime)
		diag_warn(d, &pos, "check that the validator (or its mirror) is current",
		    "the VRP export was built %lld minutes before the previous run's",
		    (long long)((o->prev->buildtime - v->buildtime) / 60));
	if (was <= 0 || (uint64_t)v->n_export * 100 >= (uint64_t)was * keep)
		return false;
	diag_error(d, &pos, "if the drop is real, raise sources.rpki.max_drop (percent) for "
	    "one run", "the VRP export has %zu VRPs, the previous run's had %lld: more than "
	    "%u%% fewer would turn RPKI-invalid routes into unknown ones", v->n_export,
	    (long long)was, c->src.vrps_max_drop);
	return true;
}

static int
load_rpki(const struct config *c, const struct source_opts *o, struct data *dt,
    struct diag *d)
{
	const struct sources *s = &c->src;
	time_t t = time(NULL);

	if (s->vrps.path != NULL) {
		struct source_info *si = info_add(dt, "vrps", s->vrps.path);
		double t0 = clock_s();
		dt->have_vrps = true;
		if (!http_is_url(s->vrps.path)) {
			struct stat st;
			if (vrp_load_file(&dt->vrps, s->vrps.path, t, s->vrps_max_age, d) != 0 ||
			    vrps_dropped(c, o, &dt->vrps, s->vrps.path, d))
				return EXIT_SOURCE;
			snprintf(si->from, sizeof(si->from), "file");
			if (stat(s->vrps.path, &st) == 0)
				si->bytes = (uint64_t)st.st_size;
		} else {
			char key[300], err[512] = "";
			struct buf body = BUF_INIT;
			struct http_opts h;
			int ok = 0;

			cache_key(key, sizeof(key), "vrps", s->vrps.path, "json");
			http_defaults(&h, VRP_MAX_HTTP, c->src.http_deadline);
			if (!o->offline && http_get(s->vrps.path, &h, &body, err, sizeof(err)) == 0) {
				/* Only an export that parses, is fresh and has not lost
				 * most of its VRPs is used and cached. */
				if (vrp_load_mem(&dt->vrps, body.p, body.len, s->vrps.path, t,
				    s->vrps_max_age, d) == 0 &&
				    !vrps_dropped(c, o, &dt->vrps, s->vrps.path, d)) {
					to_cache(c, key, body.p, body.len, d);
					snprintf(si->from, sizeof(si->from), "live");
					si->bytes = body.len;
					ok = 1;
				} else {
					snprintf(err, sizeof(err), "the export is not usable");
					vrp_free(&dt->vrps);
				}
			}
			if (!ok) {
				size_t len;
				char *data = from_cache(c, o, key, "VRPs", o->offline ? "offline" : err,
				    VRP_MAX_FILE, &len, si, d);
				if (data == NULL ||
				    vrp_load_mem(&dt->vrps, data, len, s->vrps.path, t, 0, d) != 0 ||
				    vrps_dropped(c, o, &dt->vrps, key, d)) {
					free(data);
					buf_free(&body);
					return EXIT_SOURCE;
				}
				si->bytes = len;
				free(data);
			}
			buf_free(&body);
		}
		si->items = dt->vrps.n;
		si->seconds = clock_s() - t0;
	}
	if (s->slurm.path != NULL) {
		if (!dt->have_vrps && s->n_rtr == 0) {
			diag_error(d, &s->slurm.pos, "add sources.rpki.vrps", "SLURM exceptions "
			    "need a VRP file to apply to");
			return EXIT_INPUT;
		}
		if (!dt->have_vrps)
			diag_warn(d, &s->slurm.pos, "configure SLURM in the RTR cache (StayRTR "
			    "-slurm)", "with RTR the SLURM file is applied by the RTR cache, "
			    "not by ixp-rsc");
		else if (vrp_apply_slurm_file(&dt->vrps, s->slurm.path, d) != 0)
			return EXIT_INPUT;
	}
	if (dt->have_vrps)
		vrp_finalize(&dt->vrps);
	return 0;
}

/* ---- forbidden-traffic rules -------------------------------------------- */

static int
load_traffic_rules(const struct config *c, struct data *dt, struct diag *d)
{
	const struct srcfile *f = &c->traffic.rules;
	char *text;
	size_t len;
	long age;
	int r;

	if (f->path == NULL) {
		r = ruleset_load_default(&dt->traffic, d);
	} else if ((text = file_read(f->path, RULES_MAX_FILE, false, &len, &age)) == NULL) {
		diag_error(d, &f->pos, NULL, "%s: cannot open: %s", f->path, strerror(errno));
		return EXIT_INPUT;
	} else {
		r = ruleset_load(&dt->traffic, text, len, f->path, d);
		free(text);
	}
	dt->have_traffic = r == 0;
	return r == 0 ? 0 : EXIT_INPUT;
}

int
sources_load(const struct config *c, const struct source_opts *o, struct data *dt,
    struct diag *d)
{
	int r;

	memset(dt, 0, sizeof(*dt));
	/* PeeringDB first: it names the AS-SETs of members without one. */
	if ((r = load_pdb(c, o, dt, d)) != 0)
		return r;
	if (c->src.n_irr_servers > 0)
		r = load_live_irr(c, o, dt, d);
	else if (c->src.n_irr_dumps > 0)
		r = load_dumps(c, o, dt, d);
	if (r != 0)
		return r;
	if ((r = load_rpki(c, o, dt, d)) != 0)
		return r;
	return load_traffic_rules(c, dt, d);
}

void
sources_free(struct data *dt)
{
	if (dt->have_irr)
		irrdb_free(&dt->irr);
	if (dt->have_vrps)
		vrp_free(&dt->vrps);
	if (dt->have_pdb)
		pdb_free(&dt->pdb);
	if (dt->have_traffic)
		ruleset_free(&dt->traffic);
	free(dt->info);
	memset(dt, 0, sizeof(*dt));
}
