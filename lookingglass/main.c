/*
 * ixp-lg: the looking glass of an ixp-rs route server.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lgserver.h"

#ifndef IXP_VERSION
#define IXP_VERSION "dev"
#endif

static const char usage[] =
"NAME\n"
"    ixp-lg - looking glass for ixp-rs route servers (BIRD 2 and 3)\n"
"\n"
"SYNOPSIS\n"
"    ixp-lg serve --bird NAME=SOCKET [--bird NAME=SOCKET ...] [--listen ADDR:PORT]\n"
"                 [--reasons OUTDIR/reasons.json] [--members OUTDIR/members.json]\n"
"                 [options]\n"
"    ixp-lg [options]            with GATEWAY_INTERFACE set: answer one CGI request\n"
"    ixp-lg --help | --version\n"
"\n"
"DESCRIPTION\n"
"    Shows members what the route servers accepted, filtered (and why) and\n"
"    exported, as HTML pages (no JavaScript needed), as JSON under /api/v1/, and\n"
"    in the birdwatcher format Alice-LG reads (/birdwatcher/NAME/...). It talks\n"
"    to BIRD's control socket itself: every session is restricted, every\n"
"    command is built from a fixed template and checked values, and no user\n"
"    text ever reaches BIRD or a shell.\n"
"\n"
"OPTIONS\n"
"    --bird NAME=SOCKET   a route server: its name in URLs ([A-Za-z0-9_-]) and\n"
"                         its control socket, e.g. rs1=/run/bird/lg.ctl (the\n"
"                         restricted socket ixp-rsc emits for BIRD >= 2.16,\n"
"                         or the main one: ixp-lg restricts its sessions)\n"
"    --listen ADDR:PORT   where to serve (default 127.0.0.1:8080)\n"
"    --reasons FILE       reasons.json from ixp-rsc (default: the built-in table,\n"
"                         with the route server's ASN taken from BIRD); with\n"
"                         its reject_policy tag, routes BIRD accepted with a\n"
"                         reason tag are shown as filtered\n"
"    --members FILE       members.json from ixp-rsc compile's OUTDIR: member\n"
"                         names and the directory with NOC contacts\n"
"    --title TEXT         page title (default: the IXP name from --members)\n"
"    --pages DIR          ixp-rsc compile's OUTDIR: its published pages are served\n"
"                         at /policy (route-server-policy.html) and\n"
"                         /policy/traffic (forbidden-traffic.html); member\n"
"                         pages read its readiness.json\n"
"    --timeout SECONDS    per BIRD command (default 10)\n"
"    --max-routes N       routes per list read from BIRD (default 20000)\n"
"    --cache SECONDS      how long route lists are reused (default 30;\n"
"                         status and neighbours: 5, or less; 0: no cache)\n"
"    --rate N             requests per second per client, IPv6 per /64 (default 5)\n"
"    --burst N            requests a client may make at once (default 30)\n"
"    --max-inflight N     requests answered at a time (default 8; more wait\n"
"                         up to 3 s, then get 503)\n"
"    --max-connections N  connections held at once (default 1024; the open\n"
"                         file limit is raised to fit). Connections are\n"
"                         event-driven: a slow or idle one costs no thread,\n"
"                         and is closed after 10 s without a byte (3 s if\n"
"                         more than half the connections are held)\n"
"    --max-per-network N  connections per client IPv4 address or IPv6 /64\n"
"                         (default 16; trusted proxies are exempt)\n"
"    --metrics-allow ADDR[,ADDR...]\n"
"                         who may read /metrics: exact addresses of the\n"
"                         monitoring hosts (default 127.0.0.1,::1; others get\n"
"                         403); never rate-limited, behind a proxy too (the\n"
"                         TCP peer counts, not X-Forwarded-For)\n"
"    --trust-proxy ADDR[,ADDR...]\n"
"                         reverse proxies (exact addresses) whose\n"
"                         X-Forwarded-For names the client: rate limits then\n"
"                         apply per client, not to the proxy as a whole\n"
"\n"
"PAGES\n"
"    /                          route servers and their state\n"
"    /rs/NAME                   neighbours: state, uptime, per-family routes\n"
"                               received, accepted, filtered, exported\n"
"    /rs/NAME/SESSION?view=accepted|filtered|exported|noexport&page=N\n"
"                               a neighbour's routes; filtered ones with the\n"
"                               reason and what to do about it, those not\n"
"                               exported to it with why; communities named\n"
"    /lookup?q=IP               longest match, and the filtered routes covering\n"
"                               it, on every route server\n"
"    /lookup?q=PREFIX[&page=N]  the routes covering it, it, and every more\n"
"                               specific inside it (100 a page), accepted and\n"
"                               filtered, on every route server\n"
"    /origin?asn=N              routes originated by an AS\n"
"    /community?c=A:B[:C]       routes carrying a community\n"
"    /members[?find=TEXT]       member directory with NOC contacts; a name\n"
"                               or an ASN finds a member\n"
"    /member/ASN                one member: its sessions on every route\n"
"                               server, routes by reject reason and RPKI\n"
"                               state, its IRR/RPKI data and what to fix\n"
"                               (readiness.json from --pages)\n"
"    /policy, /policy/traffic   the route-server and forbidden-traffic policies\n"
"                               (--pages)\n"
"    /manrs                     where the evidence for each MANRS action is\n"
"    /api/v1/status, /api/v1/rs/NAME/neighbors[/SESSION[/routes]],\n"
"    /api/v1/lookup?q=, /api/v1/origin?asn=, /api/v1/community?c=,\n"
"    /api/v1/members,\n"
"    /api/v1/member/ASN         the same as JSON\n"
"    /birdwatcher/NAME/status, /protocols/bgp, /protocols/short,\n"
"    /routes/protocol/ID, /routes/filtered/ID, /routes/noexport/ID,\n"
"    /routes/table/TABLE[/filtered], /routes/prefix?prefix=\n"
"                               for Alice-LG (birdwatcher source, single_table,\n"
"                               api: http://HOST:PORT/birdwatcher/NAME)\n"
"    /birdseye/NAME/ipv4|ipv6/status, /protocols/bgp, /symbols,\n"
"    /routes/table/T, /routes/protocol/P, /routes/export/P,\n"
"    /route/PREFIX/protocol/P|table/T|export/P,\n"
"    /routes/lc-zwild/protocol/P/X/Y\n"
"                               for IXP Manager's looking glass (router API\n"
"                               type Bird's Eye, endpoint http://HOST:PORT/\n"
"                               birdseye/NAME/ipv4)\n"
"    /healthz                   liveness\n"
"    /metrics                   Prometheus metrics (serve mode, --metrics-allow)\n"
"\n"
"    Unknown, repeated or malformed parameters get 400; too many requests\n"
"    429 with Retry-After; a route server that does not answer 503.\n"
"\n"
"CGI\n"
"    With GATEWAY_INTERFACE set, one request is answered from REQUEST_METHOD,\n"
"    PATH_INFO and QUERY_STRING. Options come from the command line of a\n"
"    wrapper script, or from IXP_LG_BIRD (NAME=SOCKET,...), IXP_LG_REASONS,\n"
"    IXP_LG_MEMBERS, IXP_LG_PAGES and IXP_LG_TITLE. Rate limits are the web\n"
"    server's job in this mode (e.g. nginx limit_req).\n"
"\n"
"EXIT STATUS\n"
"    0 on a clean stop, 1 on bad options or unreadable files.\n";

static bool
takes_value(const char *opt)
{
	static const char *const opts[] = { "--bird", "--listen", "--reasons", "--members",
	    "--max-connections", "--max-per-network", "--metrics-allow", "--pages",
	    "--title", "--timeout", "--max-routes", "--cache", "--rate", "--burst",
	    "--max-inflight", "--trust-proxy" };

	for (size_t i = 0; i < sizeof(opts) / sizeof(opts[0]); i++)
		if (!strcmp(opt, opts[i]))
			return true;
	return false;
}

static bool
num_arg(const char *opt, const char *v, double lo, double hi, double *out)
{
	char *end;
	double d = v ? strtod(v, &end) : 0;

	if (v == NULL)
		return false;	/* "needs a value", below */
	if (*end != '\0' || d < lo || d > hi) {
		fprintf(stderr, "ixp-lg: %s wants a number from %g to %g\n", opt, lo, hi);
		return false;
	}
	*out = d;
	return true;
}

static bool
add_birds(struct lg_app *app, const char *list)
{
	char *copy = strdup(list), *save = NULL, *tok;
	char err[200];
	bool ok = true;

	for (tok = strtok_r(copy, ",", &save); tok && ok; tok = strtok_r(NULL, ",", &save))
		if (!lg_add_rs(&app->core, tok, err, sizeof(err))) {
			fprintf(stderr, "ixp-lg: %s\n", err);
			ok = false;
		}
	free(copy);
	return ok;
}

/* Why is on stderr already (in CGI mode the web server's error log);
 * members get the looking glass's own error page, not a bare 500. */
static int
config_failed(struct lg_app *app, bool cgi)
{
	if (cgi) {
		if (app->title[0] == '\0')
			snprintf(app->title, sizeof(app->title), "Looking glass");
		lg_cgi_error(app, 500, "the looking glass is not configured correctly; the IXP's "
		    "staff can read why in the web server's error log");
	}
	return 1;
}

int
main(int argc, char **argv)
{
	struct lg_app app;
	struct lg_options opt = { 10000, 20000, 30000, 5000, 256u << 20, 0 };
	struct lg_server_opts so = { .listen = "127.0.0.1:8080", .rate = 5, .burst = 30,
	    .max_inflight = 8, .max_connections = 1024, .max_per_network = 16 };
	const char *reasons_file = getenv("IXP_LG_REASONS"), *members = getenv("IXP_LG_MEMBERS");
	const char *title = getenv("IXP_LG_TITLE"), *birds = getenv("IXP_LG_BIRD");
	bool cgi = getenv("GATEWAY_INTERFACE") != NULL, serve = false;
	char err[300];
	int i = 1, rc;
	double d;

	memset(&app, 0, sizeof(app));
	app.version = IXP_VERSION;
	app.pages_dir = getenv("IXP_LG_PAGES");
	if (argc > 1 && !strcmp(argv[1], "serve")) {
		serve = true;
		i = 2;
	}
	/* Options first: --timeout and friends shape lg_init. */
	for (int k = i; k < argc; k++) {
		const char *a = argv[k], *v = k + 1 < argc ? argv[k + 1] : NULL;
		if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
			fputs(usage, stdout);
			return 0;
		}
		if (!strcmp(a, "--version")) {
			printf("ixp-lg %s\n", IXP_VERSION);
			return 0;
		}
		if (!strcmp(a, "--timeout") && num_arg(a, v, 1, 300, &d))
			opt.timeout_ms = (int64_t)(d * 1000);
		else if (!strcmp(a, "--max-routes") && num_arg(a, v, 1, 10000000, &d))
			opt.max_routes = (size_t)d;
		else if (!strcmp(a, "--cache") && num_arg(a, v, 0, 3600, &d)) {
			opt.ttl_ms = (int64_t)(d * 1000);
			if (opt.ttl_short_ms > opt.ttl_ms)
				opt.ttl_short_ms = opt.ttl_ms;
		}
		else if (!strcmp(a, "--rate") && num_arg(a, v, 0.01, 100000, &d))
			so.rate = d;
		else if (!strcmp(a, "--burst") && num_arg(a, v, 1, 100000, &d))
			so.burst = d;
		else if (!strcmp(a, "--trust-proxy") && v != NULL) {
			if (!lg_addrs_parse(a, v, &so.proxies, err, sizeof(err))) {
				fprintf(stderr, "ixp-lg: %s\n", err);
				return config_failed(&app, cgi);
			}
		}
		else if (!strcmp(a, "--metrics-allow") && v != NULL) {
			if (!lg_addrs_parse(a, v, &so.metrics_allow, err, sizeof(err))) {
				fprintf(stderr, "ixp-lg: %s\n", err);
				return config_failed(&app, cgi);
			}
		}
		else if (!strcmp(a, "--max-inflight") && num_arg(a, v, 1, 1024, &d))
			so.max_inflight = (unsigned)d;
		else if (!strcmp(a, "--max-connections") && num_arg(a, v, 16, 100000, &d))
			so.max_connections = (unsigned)d;
		else if (!strcmp(a, "--max-per-network") && num_arg(a, v, 1, 100000, &d))
			so.max_per_network = (unsigned)d;
		else if (!strcmp(a, "--listen") && v)
			so.listen = v;
		else if (!strcmp(a, "--reasons") && v)
			reasons_file = v;
		else if (!strcmp(a, "--members") && v)
			members = v;
		else if (!strcmp(a, "--title") && v)
			title = v;
		else if (!strcmp(a, "--pages") && v)
			app.pages_dir = v;
		else if (!strcmp(a, "--bird") && v)
			;
		else {
			if (v == NULL && takes_value(a))
				fprintf(stderr, "ixp-lg: %s needs a value\n", a);
			else if (!takes_value(a))
				fprintf(stderr, "ixp-lg: unknown argument '%s' (try ixp-lg --help)\n", a);
			return config_failed(&app, cgi);
		}
		k++;
	}
	if (so.metrics_allow.n == 0)
		lg_addrs_parse("--metrics-allow", "127.0.0.1,::1", &so.metrics_allow, err, sizeof(err));
	if (!serve && !cgi) {
		fputs(usage, stderr);
		return 1;
	}
	lg_init(&app.core, &opt);
	if (birds != NULL && !add_birds(&app, birds))
		return config_failed(&app, cgi);
	for (int k = i; k + 1 < argc; k += 2)
		if (!strcmp(argv[k], "--bird") && !add_birds(&app, argv[k + 1]))
			return config_failed(&app, cgi);
	if (app.core.n_rs == 0) {
		fprintf(stderr, "ixp-lg: no route server: give --bird NAME=/path/to/bird.ctl\n");
		return config_failed(&app, cgi);
	}
	if (reasons_file != NULL) {
		if (!lg_reasons_load(&app.reasons, reasons_file, err, sizeof(err))) {
			fprintf(stderr, "ixp-lg: %s\n", err);
			return config_failed(&app, cgi);
		}
		if (app.reasons.tagged)
			app.core.opt.tag_asn = app.reasons.rs_asn;
	} else {
		lg_reasons_builtin(&app.reasons);
	}
	if (members != NULL && !lg_members_load(&app.members, members, err, sizeof(err))) {
		fprintf(stderr, "ixp-lg: %s\n", err);
		return config_failed(&app, cgi);
	}
	snprintf(app.title, sizeof(app.title), "%s", title ? title : app.members &&
	    app.members->ixp_name ? app.members->ixp_name : "Looking glass");
	if (cgi) {
		const char *script = getenv("SCRIPT_NAME");
		snprintf(app.base, sizeof(app.base), "%s", script ? script : "");
		rc = lg_cgi(&app);
	} else {
		rc = lg_serve(&app, &so);
	}
	lg_members_free(app.members);
	lg_reasons_free(&app.reasons);
	lg_free(&app.core);
	return rc;
}
