#include "sources.h"

#include <errno.h>
#include <pthread.h>
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

/* ---- the live sources: fetch, or fall back to the cache -------------- */

/*
 * A VRP file is read on a thread of its own while the IRR data loads (a
 * third of a compile at the largest IXPs' size): it writes dt->vrps only,
 * and reports to a diag of its own whose text is printed when it is
 * joined, where a run without the thread would print it.
 */
struct vrp_job {
	pthread_t		 thread;
	bool			 running;
	struct vrpset		*v;
	const char		*path;
	time_t			 now;
	unsigned		 max_age;
	struct diag		 d;
	char			*text;		/* what d printed */
	size_t			 text_len;
	int			 rc;
	double			 seconds;
};

/*
 * A live source is fetched from one of its origins (the IRR servers in
 * order; one URL for the others), kept in the cache under the origin's
 * name, and, when no origin answers (or --offline), served from the
 * youngest cached copy of any origin that is young enough. The kinds
 * differ only in how they fetch and how they read a cached copy.
 */
struct source_run {
	const struct config	*c;
	const struct source_opts *o;
	struct data		*dt;
	struct diag		*d;
	struct source_info	*si;	/* of the attempt under way */
	void			*arg;	/* the kind's own (the IRR roots) */
	struct vrp_job		 vrp;
};

struct source_kind {
	const char	*name;		/* in messages: "IRR", "PeeringDB", "VRPs" */
	const char	*kind;		/* report.json, and the cache file prefix */
	const char	*kind_cached;	/* report.json for a cached copy */
	const char	*ext;		/* of the cache file */
	bool		 warn_each;	/* say which of several origins failed */
	/* Fetch from `where` into r->dt; `doc` is what the cache keeps. */
	int	(*live)(struct source_run *r, const char *where, struct buf *doc,
		    char *err, size_t errlen);
	/* The same from a cached copy at `path`. */
	int	(*cached)(struct source_run *r, const char *path, const char *where);
};

static enum src_status
source_load(struct source_run *r, const struct source_kind *k, const struct srcfile *origins,
    size_t n)
{
	const char *dir = r->c->src.cache_dir, *best = origins[0].path;
	char key[300], err[512] = "";
	struct buf path = BUF_INIT;
	long best_age = -1;
	int rc;

	for (size_t i = 0; i < n && !r->o->offline; i++) {
		struct buf doc = BUF_INIT;
		double t0 = clock_s();

		r->si = info_add(r->dt, k->kind, origins[i].path);
		rc = k->live(r, origins[i].path, &doc, err, sizeof(err));
		if (rc == 0) {
			cache_key(key, sizeof(key), k->kind, origins[i].path, k->ext);
			to_cache(r->c, key, doc.p, doc.len, r->d);
			snprintf(r->si->from, sizeof(r->si->from), "live");
			if (r->si->seconds == 0)
				r->si->seconds = clock_s() - t0;
		}
		buf_free(&doc);
		if (rc == 0)
			return SRC_OK;
		/* One of several that fails is worth saying; the only one is said
		 * with the fallback below. */
		if (k->warn_each || n > 1)
			diag_warn(r->d, &origins[i].pos, NULL, "%s server %s: %s", k->name,
			    origins[i].path, err);
	}
	for (size_t i = 0; i < n && dir != NULL; i++) {
		long age;
		cache_key(key, sizeof(key), k->kind, origins[i].path, k->ext);
		if ((age = cache_age(dir, key)) >= 0 && (best_age < 0 || age < best_age)) {
			best_age = age;
			best = origins[i].path;
		}
	}
	r->si = info_add(r->dt, k->kind_cached, best);
	cache_key(key, sizeof(key), k->kind, best, k->ext);
	if (cache_fresh(r->c, r->o, key, k->name, r->o->offline ? "offline" : err, r->si,
	    r->d) < 0)
		return SRC_UNAVAILABLE;
	buf_printf(&path, "%s/%s", dir, key);
	rc = k->cached(r, path.p, best);
	buf_free(&path);
	return rc == 0 ? SRC_OK : SRC_UNAVAILABLE;
}

/* ---- PeeringDB ------------------------------------------------------------ */

static int
pdb_live(struct source_run *r, const char *where, struct buf *doc, char *err, size_t errlen)
{
	struct pdb fresh = { NULL, 0, NULL, 0, 0 };

	if (pdb_fetch(r->c, where, &fresh, doc, err, errlen, r->d) != 0) {
		pdb_free(&fresh);
		return -1;
	}
	r->dt->pdb = fresh;
	r->dt->have_pdb = true;
	r->si->bytes = doc->len;
	r->si->items = fresh.n;
	return 0;
}

/* A PeeringDB document: a cached copy, or the operator's file. */
static int
pdb_file(struct source_run *r, const char *path, const char *where)
{
	size_t len;
	char *data = file_read(path, PDB_MAX_FILE, false, &len, &r->si->age_s);

	if (data == NULL) {
		diag_error(r->d, NULL, NULL, "%s: cannot read: %s", path, strerror(errno));
		return -1;
	}
	if (pdb_parse(&r->dt->pdb, data, len, where, r->d) != 0) {
		free(data);
		return -1;
	}
	free(data);
	pdb_finalize(&r->dt->pdb);
	r->dt->have_pdb = true;
	r->si->bytes = len;
	r->si->items = r->dt->pdb.n;
	return 0;
}

static const struct source_kind pdb_kind = {
	"PeeringDB", "peeringdb", "peeringdb", "json", false, pdb_live, pdb_file,
};

static enum src_status
load_pdb(struct source_run *r)
{
	const struct srcfile *f = &r->c->src.peeringdb;
	double t0 = clock_s();

	if (f->path == NULL)
		return SRC_OK;
	if (http_is_url(f->path))
		return source_load(r, &pdb_kind, f, 1);
	r->si = info_add(r->dt, "peeringdb", f->path);
	snprintf(r->si->from, sizeof(r->si->from), "file");
	if (pdb_file(r, f->path, f->path) != 0)
		return SRC_UNAVAILABLE;
	r->si->seconds = clock_s() - t0;
	return SRC_OK;
}

/* ---- IRR ----------------------------------------------------------------- */

static enum src_status
load_dumps(struct source_run *r)
{
	const struct config *c = r->c;
	struct data *dt = r->dt;

	irrdb_init(&dt->irr, c->src.irr_sources, c->src.n_irr_sources);
	dt->have_irr = true;
	for (size_t i = 0; i < c->src.n_irr_dumps; i++) {
		struct source_info *si = info_add(dt, "irr", c->src.irr_dumps[i].path);
		double t0 = clock_s();
		if (irrdb_load_dump(&dt->irr, c->src.irr_dumps[i].path, r->d, r->o->progress) != 0)
			return SRC_UNAVAILABLE;
		snprintf(si->from, sizeof(si->from), "dump");
		si->bytes = dt->irr.dumps[dt->irr.n_dumps - 1].rpsl.bytes;
		si->items = dt->irr.dumps[dt->irr.n_dumps - 1].rpsl.objects;
		si->seconds = clock_s() - t0;
	}
	irrdb_finalize(&dt->irr);
	return SRC_OK;
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

/* The names and ASNs a live IRR fetch starts from. */
struct irr_roots {
	char		**names;
	size_t		  n_names;
	uint32_t	 *asns;
};

static int
irr_live(struct source_run *r, const char *where, struct buf *doc, char *err, size_t errlen)
{
	const struct config *c = r->c;
	const struct irr_roots *roots = r->arg;
	struct data *dt = r->dt;
	char host[256], port[16], *rpsl;
	struct irrd_opts io;
	struct fetch_stats fs;
	size_t len;

	split_server(where, host, sizeof(host), port, sizeof(port));
	memset(&io, 0, sizeof(io));
	io.host = host;
	io.port = port;
	io.sources = c->src.irr_sources;
	io.n_sources = c->src.n_irr_sources;
	io.jobs = r->o->jobs;
	io.idle_timeout_s = c->src.irr_timeout;
	io.deadline_s = c->src.irr_deadline;
	io.max_answer = IRR_MAX_ANSWER;
	io.max_total = IRR_MAX_TOTAL;
	io.max_reconnects = 3;
	io.client_name = "ixp-rsc";
	irrdb_init(&dt->irr, c->src.irr_sources, c->src.n_irr_sources);
	if (dt->irr.n_sources == 0)
		irrdb_source_add(&dt->irr, "IRR");
	if (irr_fetch(&dt->irr, (const char *const *)roots->names, roots->n_names, roots->asns,
	    c->n_members, c, &io, r->o->progress, &fs, err, errlen) != 0) {
		irrdb_free(&dt->irr);
		return -1;
	}
	rpsl = irrdb_to_rpsl(&dt->irr, &len);
	buf_add(doc, rpsl, len);
	free(rpsl);
	irrdb_finalize(&dt->irr);
	dt->have_irr = true;
	r->si->seconds = fs.seconds;
	r->si->bytes = fs.client.bytes_in;
	r->si->items = fs.client.queries;
	return 0;
}

static int
irr_cached(struct source_run *r, const char *path, const char *where)
{
	struct data *dt = r->dt;

	(void)where;
	/* Same source list as a live fetch, so priorities match. */
	irrdb_init(&dt->irr, r->c->src.irr_sources, r->c->src.n_irr_sources);
	dt->have_irr = true;
	if (irrdb_load_dump(&dt->irr, path, r->d, NULL) != 0)
		return -1;
	irrdb_finalize(&dt->irr);
	return 0;
}

static const struct source_kind irr_kind = {
	"IRR", "irr", "irr-cache", "db", true, irr_live, irr_cached,
};

static enum src_status
load_live_irr(struct source_run *r)
{
	struct irr_roots roots;
	enum src_status st;

	member_roots(r->c, r->dt, &roots.names, &roots.n_names, &roots.asns);
	r->arg = &roots;
	st = source_load(r, &irr_kind, r->c->src.irr_servers, r->c->src.n_irr_servers);
	r->arg = NULL;
	for (size_t i = 0; i < roots.n_names; i++)
		free(roots.names[i]);
	free(roots.names);
	free(roots.asns);
	return st;
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

/* sources.rpki.trust_anchors: the ROAs of the others are left out as they
 * are read, from any copy (a failed one leaves the set reset). */
static void
vrps_filter(struct vrpset *v, const struct sources *s)
{
	v->allowed_ta = (const char *const *)s->trust_anchors;
	v->n_allowed_ta = s->n_trust_anchors;
}

/* Only an export that parses, is fresh and has not lost most of its VRPs
 * is used (and, live, cached). */
static int
vrps_use(struct source_run *r, const char *data, size_t len, const char *name, unsigned max_age)
{
	struct data *dt = r->dt;

	vrps_filter(&dt->vrps, &r->c->src);
	if (vrp_load_mem(&dt->vrps, data, len, name, time(NULL), max_age, r->d) != 0 ||
	    vrps_dropped(r->c, r->o, &dt->vrps, name, r->d)) {
		vrp_free(&dt->vrps);
		return -1;
	}
	dt->have_vrps = true;
	r->si->bytes = len;
	return 0;
}

static int
vrps_live(struct source_run *r, const char *where, struct buf *doc, char *err, size_t errlen)
{
	struct http_opts h;

	http_defaults(&h, VRP_MAX_HTTP, r->c->src.http_deadline);
	if (http_get(where, &h, doc, err, errlen) != 0)
		return -1;
	if (vrps_use(r, doc->p, doc->len, where, r->c->src.vrps_max_age) != 0) {
		snprintf(err, errlen, "the export is not usable");
		return -1;
	}
	return 0;
}

/* A cached copy is old by design: its age was checked against cache_max_age. */
static int
vrps_cached(struct source_run *r, const char *path, const char *where)
{
	size_t len;
	long age;
	char *data = file_read(path, VRP_MAX_FILE, true, &len, &age);
	int rc;

	if (data == NULL) {
		diag_error(r->d, NULL, NULL, "VRPs: cached copy %s: %s", path, strerror(errno));
		return -1;
	}
	rc = vrps_use(r, data, len, where, 0);
	free(data);
	return rc;
}

static const struct source_kind vrps_kind = {
	"VRPs", "vrps", "vrps", "json", false, vrps_live, vrps_cached,
};

static void *
vrp_job_run(void *arg)
{
	struct vrp_job *j = arg;
	double t0 = clock_s();

	j->rc = vrp_load_file(j->v, j->path, j->now, j->max_age, &j->d);
	fclose(j->d.out);
	j->seconds = clock_s() - t0;
	return NULL;
}

/* Start reading the VRP file, if there is one; where a thread cannot be
 * had, vrp_job_finish reads it with the same arguments. */
static void
vrp_job_start(struct source_run *r)
{
	const struct sources *s = &r->c->src;
	struct vrp_job *j = &r->vrp;
	FILE *out;

	if (s->n_vrps == 0 || http_is_url(s->vrps[0].path))
		return;
	vrps_filter(&r->dt->vrps, s);
	j->v = &r->dt->vrps;
	j->path = s->vrps[0].path;
	j->now = time(NULL);
	j->max_age = s->vrps_max_age;
	if ((out = open_memstream(&j->text, &j->text_len)) == NULL)
		return;
	j->d = *r->d;
	j->d.out = out;
	j->d.errors = j->d.warnings = 0;
	if (pthread_create(&j->thread, NULL, vrp_job_run, j) != 0) {
		fclose(out);
		free(j->text);
		j->text = NULL;
		return;
	}
	j->running = true;
}

/* The VRP file read (joined, its messages printed); returns
 * vrp_load_file's result. */
static int
vrp_job_finish(struct source_run *r, double *seconds)
{
	struct vrp_job *j = &r->vrp;
	double t0 = clock_s();
	int rc;

	if (!j->running) {
		rc = vrp_load_file(j->v, j->path, j->now, j->max_age, r->d);
		*seconds = clock_s() - t0;
		return rc;
	}
	pthread_join(j->thread, NULL);
	j->running = false;
	fwrite(j->text, 1, j->text_len, r->d->out);
	r->d->errors += j->d.errors;
	r->d->warnings += j->d.warnings;
	free(j->text);
	j->text = NULL;
	*seconds = j->seconds;
	return j->rc;
}

/* A run that stopped before it wanted the VRPs: their messages and data
 * go. */
static void
vrp_job_abandon(struct source_run *r)
{
	if (!r->vrp.running)
		return;
	pthread_join(r->vrp.thread, NULL);
	r->vrp.running = false;
	free(r->vrp.text);
	r->vrp.text = NULL;
	vrp_free(&r->dt->vrps);
}

static enum src_status
load_rpki(struct source_run *r)
{
	const struct sources *s = &r->c->src;
	struct data *dt = r->dt;

	if (s->n_vrps > 0 && http_is_url(s->vrps[0].path)) {
		if (source_load(r, &vrps_kind, s->vrps, s->n_vrps) != SRC_OK)
			return SRC_UNAVAILABLE;
		r->si->items = dt->vrps.n;
	} else if (s->n_vrps > 0) {
		struct stat st;
		double secs;
		r->si = info_add(dt, "vrps", s->vrps[0].path);
		if (vrp_job_finish(r, &secs) != 0 ||
		    vrps_dropped(r->c, r->o, &dt->vrps, s->vrps[0].path, r->d)) {
			vrp_free(&dt->vrps);
			return SRC_UNAVAILABLE;
		}
		dt->have_vrps = true;
		snprintf(r->si->from, sizeof(r->si->from), "file");
		if (stat(s->vrps[0].path, &st) == 0)
			r->si->bytes = (uint64_t)st.st_size;
		r->si->items = dt->vrps.n;
		r->si->seconds = secs;
	}
	if (s->slurm.path != NULL) {
		if (!dt->have_vrps && s->n_rtr == 0) {
			diag_error(r->d, &s->slurm.pos, "add sources.rpki.vrps", "SLURM exceptions "
			    "need a VRP file to apply to");
			return SRC_BAD_INPUT;
		}
		if (!dt->have_vrps)
			diag_warn(r->d, &s->slurm.pos, "configure SLURM in the RTR cache (StayRTR "
			    "-slurm)", "with RTR the SLURM file is applied by the RTR cache, "
			    "not by ixp-rsc");
		else if (vrp_apply_slurm_file(&dt->vrps, s->slurm.path, r->d) != 0)
			return SRC_BAD_INPUT;
	}
	if (dt->have_vrps)
		vrp_finalize(&dt->vrps);
	return SRC_OK;
}

/* ---- forbidden-traffic rules -------------------------------------------- */

static enum src_status
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
		return SRC_BAD_INPUT;
	} else {
		r = ruleset_load(&dt->traffic, text, len, f->path, d);
		free(text);
	}
	dt->have_traffic = r == 0;
	return r == 0 ? SRC_OK : SRC_BAD_INPUT;
}

enum src_status
sources_load(const struct config *c, const struct source_opts *o, struct data *dt,
    struct diag *d)
{
	struct source_run r = { c, o, dt, d, NULL, NULL, { 0 } };
	enum src_status st;

	memset(dt, 0, sizeof(*dt));
	/* PeeringDB first: it names the AS-SETs of members without one. */
	if ((st = load_pdb(&r)) != SRC_OK)
		return st;
	vrp_job_start(&r);
	if (c->src.n_irr_servers > 0)
		st = load_live_irr(&r);
	else if (c->src.n_irr_dumps > 0)
		st = load_dumps(&r);
	if (st == SRC_OK)
		st = load_rpki(&r);
	vrp_job_abandon(&r);
	if (st != SRC_OK)
		return st;
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
