/*
 * ixp-rsc: the phase driver. Load the YAML, load the data sources, build
 * the policy model, run the emitters, write OUTDIR atomically. Only this
 * file decides exit codes.
 */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "asn.h"
#include "buf.h"
#include "clock.h"
#include "config.h"
#include "diag.h"
#include "emit_bird.h"
#include "emit_json.h"
#include "emit_nft.h"
#include "emit_policy.h"
#include "emit_impact.h"
#include "emit_textfile.h"
#include "emit_rtr.h"
#include "explain.h"
#include "fileio.h"
#include "impact.h"
#include "job.h"
#include "ixf.h"
#include "ixf_read.h"
#include "pdb_ixlan.h"
#include "http.h"
#include "emit_yaml.h"
#include "validate.h"
#include "apply.h"
#include "live_routes.h"
#include "model.h"
#include "outdir.h"
#include "previous.h"
#include "publish_rtr.h"
#include "readiness.h"
#include "emit_readiness.h"
#include "rspolicy.h"
#include "sources.h"
#include "staged.h"
#include "xalloc.h"
#include "yaml_load.h"

#ifndef IXP_VERSION
#define IXP_VERSION "0.0.0"
#endif

extern char **environ;

enum {
	EXIT_INPUT = 1,		/* YAML, schema, values */
	EXIT_SOURCE = 2,	/* data source unavailable, no usable cache */
	EXIT_BIRD = 3,		/* emitted config rejected by BIRD */
	EXIT_INTERNAL = 4,	/* internal error, or OUTDIR not writable */
	EXIT_IMPACT = 5,	/* impact, deploy: a change beyond the limits */
	EXIT_ROLLBACK = 6,	/* deploy: BIRD refused or did not verify: rolled back */
};

#define MAX_BIRDS 16		/* impact: route servers at once */

static const char usage_text[] =
"NAME\n"
"    ixp-rsc - compile an IXP member list into BIRD route-server configs\n"
"\n"
"SYNOPSIS\n"
"    ixp-rsc compile IXP.yaml -o OUTDIR [--check] [--offline] [--jobs N]\n"
"                    [--no-timestamp] [--metrics-file F] [--maintenance] [--quiet]\n"
"    ixp-rsc check IXP.yaml [--quiet]\n"
"    ixp-rsc explain IXP.yaml --member ASN --prefix PREFIX [--origin ASN]\n"
"                    [--path \"ASN ASN ...\"] [--next-hop IP] [--community C]...\n"
"                    [--rs NAME]\n"
"    ixp-rsc expand IXP.yaml AS-SET|ASN [-4|-6|--asns] [--offline]\n"
"    ixp-rsc impact IXP.yaml --bird NAME=SOCKET... [--json] [--offline]\n"
"                    [--max-member-loss PCT] [--max-loss N] [--timeout S]\n"
"    ixp-rsc deploy IXP.yaml -o OUTDIR --bird NAME=SOCKET... [--force]\n"
"                    [--confirm-timeout S] [--settle S] [impact options]\n"
"    ixp-rsc readiness IXP.yaml [--bird NAME=SOCKET] [--member ASN] [--json]\n"
"                    [--offline]\n"
"    ixp-rsc ixf-export IXP.yaml [--no-timestamp]\n"
"    ixp-rsc import ixf MEMBER-LIST.json [--irr-dump FILE]... [--irr-server HOST]\n"
"    ixp-rsc import peeringdb IXLAN-ID|IXLAN.json --route-server IPV4[,IPV6]...\n"
"                    [--rs-asn N] [--peeringdb-url URL]\n"
"                    [--irr-dump FILE]... [--irr-server HOST]\n"
"    ixp-rsc --help | --version\n"
"\n"
"DESCRIPTION\n"
"    compile  Reads the member YAML (schema version 1), the IRR data (RPSL\n"
"             dumps) and the RPKI data (VRP JSON and SLURM, or RTR), and\n"
"             writes into OUTDIR: <route-server>.conf (one complete BIRD 2\n"
"             config per route server), reasons.json (reject codes and\n"
"             community conventions) and members.json (the public member\n"
"             directory), both read by ixp-lg, report.json\n"
"             (per-member figures and warnings), readiness.json (each\n"
"             member's IRR/RPKI facts and fixes, for ixp-lg's member pages),\n"
"             route-server-policy.md and .html, and the forbidden-traffic\n"
"             policy: forbidden-traffic.md and .html (published text) and\n"
"             forbidden-traffic.nft (the enforcing nftables filter for a\n"
"             Linux-bridge LAN), all from one rule set. All files are written to\n"
"             temporary names and renamed only when every one succeeded: a\n"
"             failed or interrupted run leaves the previous OUTDIR untouched.\n"
"             The temporary names are random and created exclusively, so\n"
"             links planted in OUTDIR are never followed.\n"
"    check    Validates the YAML and loads every data source; writes nothing.\n"
"    explain  Says which import rule accepts or rejects a route of a member,\n"
"             in the order the route server applies them, and why.\n"
"    expand   Prints the prefixes (or with --asns the ASNs) an AS-SET expands\n"
"             to with the YAML's IRR sources, one per line (like bgpq4).\n"
"    readiness  For MANRS Action 2 (helping members get their IRR and RPKI\n"
"             data right): per member, the route objects found and the ROAs\n"
"             covering them, stale objects and AS-SET problems, and with\n"
"             --bird what that route server holds of the member (announced,\n"
"             accepted, filtered by reason, RPKI state), with the fixes in\n"
"             priority order; and the IXP-wide summary. --member ASN: that\n"
"             member's section alone, a report to mail it. --json for\n"
"             pipelines.\n"
"    ixf-export  Prints the IXP's member list in the IX-F (Euro-IX) JSON\n"
"             format 1.0, as PeeringDB and the IX-F database import it: the\n"
"             IXP (ixp.ixf: its IX-F ID is required), the peering LANs, the\n"
"             switches named in the ports (\"SWITCH:PORT\"), every member with\n"
"             its addresses, AS-SET, max-prefix and route-server participation,\n"
"             and the route servers as the IXP's own entry (member_type ixp,\n"
"             service ixrouteserver). MAC addresses only with\n"
"             ixp.ixf.export_macs. Reads the YAML only.\n"
"    import   ixf: prints a member YAML skeleton from an IX-F member list\n"
"             (another IXP's export, or IXP Manager's): the IXP, its peering\n"
"             LANs, the route servers (the addresses that offer the\n"
"             ixrouteserver service), every member with its addresses, AS-SET,\n"
"             limits and contact, with DECIDE comments where a human must\n"
"             choose; ixp-rsc check accepts it as printed. Invalid values of\n"
"             the list are left out and counted.\n"
"             peeringdb: the same from PeeringDB's IX LAN (fetched from\n"
"             /api/ixlan/ID?depth=2, with PEERINGDB_API_KEY if set, or that\n"
"             answer saved to a file): its prefixes, and the\n"
"             networks that peer with the route servers (is_rs_peer) with\n"
"             their addresses; PeeringDB lists no route server, so give each\n"
"             one's addresses with --route-server (and --rs-asn unless the IX\n"
"             LAN has rs_asn).\n"
"    impact   Before a new config is applied: reads every route the running\n"
"             route servers hold, accepted and filtered, over their control\n"
"             sockets (a restricted session; nothing is changed), judges each\n"
"             with the new policy's import checks (those of the filters and of\n"
"             explain) and reports per route server and member the routes that\n"
"             would be filtered, accepted, or filtered for another reason, and\n"
"             the sessions the new config adds or drops. Exit status 5 when a\n"
"             change exceeds the limits.\n"
"    deploy   compile (always with --check), then impact; within the limits\n"
"             (or with --force), each --bird route server in turn: BIRD loads\n"
"             the new config with `configure \"FILE\" timeout S`, ixp-rsc waits\n"
"             until every session that was up is up again and each member has\n"
"             the accepted routes impact predicted, then `configure confirm`;\n"
"             otherwise `configure undo` (and if ixp-rsc dies, BIRD's timer\n"
"             undoes it). Only then is that route server's config renamed\n"
"             into OUTDIR; the other outputs follow when every route server\n"
"             took it. Stops at the first that fails. A route server whose\n"
"             config is the one in OUTDIR (only RTR data changed) is not\n"
"             reloaded. One compile or deploy per OUTDIR at a time (a lock).\n"
"\n"
"OPTIONS\n"
"    -o, --output DIR   output directory (created if missing)\n"
"    --check            run `bird -p -c` on every emitted config and `nft -c -f`\n"
"                       on the ruleset (the latter needs CAP_NET_ADMIN); the\n"
"                       tools are taken from $IXP_RSC_BIRD, $IXP_RSC_NFT or PATH\n"
"    --offline          use only local files and the cache (sources.cache_dir);\n"
"                       no network\n"
"    --jobs N           parallel connections to the IRR server (default 4)\n"
"    --no-timestamp     leave out the generation time: output is byte-for-byte\n"
"                       the same for the same inputs (SOURCE_DATE_EPOCH is\n"
"                       honoured otherwise)\n"
"    --maintenance      compile, deploy: route-server maintenance (as the YAML's\n"
"                       ixp.maintenance): every exported route carries\n"
"                       GRACEFUL_SHUTDOWN (65535:0), so members move traffic\n"
"                       to other paths before this route server is restarted\n"
"    --metrics-file F   compile: write the run's figures for Prometheus's node\n"
"                       exporter (textfile collector) to F, atomically, after\n"
"                       every run, failed ones too: success, exit code,\n"
"                       duration, members, sessions, errors, warnings, source\n"
"                       ages, configs changed, last success time\n"
"    --irr-dump FILE    import: the IRR dump the skeleton reads (repeatable);\n"
"                       without one, sources.irr.servers is --irr-server\n"
"    --irr-server HOST  import: the IRRd server of the skeleton (default\n"
"                       whois.radb.net)\n"
"    --route-server A[,A]  import peeringdb: a route server's IPv4 and/or IPv6\n"
"                       address (repeatable, one per route server)\n"
"    --rs-asn N         import peeringdb: the route servers' ASN\n"
"    --peeringdb-url URL  import peeringdb: the API (default\n"
"                       https://www.peeringdb.com/api)\n"
"    -q, --quiet        errors only\n"
"    --member ASN       explain: the member announcing the route; readiness:\n"
"                       the member to report on\n"
"    --prefix P         explain: the route's prefix\n"
"    --origin ASN       explain: origin AS (default: the member)\n"
"    --path \"A B C\"     explain: full AS path, left-most first (default: the\n"
"                       member, then the origin)\n"
"    --next-hop IP      explain: BGP next hop (default: the member's address)\n"
"    --community C      explain: a community on the route, e.g. 65535:666 or\n"
"                       64500:0:64511 (repeatable)\n"
"    --rs NAME          explain: route server (default: the first)\n"
"    --bird NAME=SOCKET  impact, readiness: the control socket of route server NAME\n"
"                       (repeatable, one per route server to judge)\n"
"    --json             impact, readiness: the report as JSON on standard output\n"
"    --max-member-loss PCT  impact: limit on the share of one member's\n"
"                       accepted routes newly filtered (default 10, for members\n"
"                       with at least 10 accepted routes)\n"
"    --max-loss N       impact: limit on routes newly filtered or dropped, all\n"
"                       route servers (default 1000)\n"
"    --timeout S        impact: seconds for reading one route server (default 300)\n"
"    --force            deploy: apply even when impact is over the limits\n"
"    --confirm-timeout S  deploy: BIRD's undo timer (default 120)\n"
"    --settle S         deploy: how long sessions and routes get to come back\n"
"                       before the change is undone (default 60)\n"
"\n"
"ENVIRONMENT\n"
"    PEERINGDB_API_KEY  sent as \"Authorization: Api-Key ...\" to PeeringDB\n"
"    SOURCE_DATE_EPOCH  the generation time written into the outputs\n"
"    IXP_RSC_BIRD, IXP_RSC_NFT  the bird and nft used by --check\n"
"    IXP_RSC_CHECK_TIMEOUT  seconds each checker may take (default 300)\n"
"\n"
"FILES\n"
"    The YAML schema, the reject codes and the community conventions are\n"
"    described in README.md and docs/ of the ixp-rs source; the limits on\n"
"    every input (sizes, depths, deadlines) in docs/limits.md.\n"
"\n"
"EXIT STATUS\n"
"    0  success (explain: the route was evaluated, accepted or not)\n"
"    1  bad input: YAML syntax, schema or values (all errors are listed,\n"
"       as file:line:column)\n"
"    2  a data source is unavailable or unusable (IRR dump or server, VRP\n"
"       file or URL, PeeringDB) and no cached copy is young enough\n"
"    3  BIRD rejected an emitted config, or nft the ruleset (--check)\n"
"    4  internal error: out of memory, OUTDIR could not be written (or the\n"
"       disk is full), a checker did not finish within IXP_RSC_CHECK_TIMEOUT\n"
"    5  impact, deploy: the change exceeds --max-member-loss or --max-loss\n"
"       (the report says which; deploy then applies nothing); 2 when a route\n"
"       server cannot be read\n"
"    6  deploy: a route server refused the config or it did not verify; it\n"
"       was rolled back (the message says which and why)\n"
"    Killed by SIGINT, SIGTERM or SIGHUP, ixp-rsc removes its temporary\n"
"    files (and stops a running checker) first.\n";

struct opts {
	const char	*cmd;
	const char	*yaml;
	const char	*outdir;
	bool		 check;
	bool		 offline;
	bool		 no_timestamp;
	bool		 maintenance;	/* --maintenance: as ixp.maintenance */
	bool		 quiet;
	const char	*metrics_file;	/* compile: node exporter textfile */
	const char	*import_kind;	/* import: "ixf" */
	const char	*irr_dumps[16];	/* import: sources.irr.dumps */
	size_t		 n_irr_dumps;
	const char	*irr_server;	/* import: sources.irr.servers */
	const char	*import_rs[8];	/* import peeringdb: --route-server ADDR[,ADDR] */
	const char	*peeringdb_url;	/* import peeringdb ID: the API's base */
	size_t		 n_import_rs;
	uint32_t	 import_rs_asn;	/* import peeringdb: --rs-asn */
	unsigned	 jobs;
	struct route_query q;
	bool		 have_member, have_prefix, have_origin, have_path;
	uint32_t	 origin;
	const char	*expand_name;
	int		 expand_af;	/* 0: both */
	bool		 expand_asns;
	const char	*birds[MAX_BIRDS];	/* impact, deploy: NAME=SOCKET */
	char		 bird_name[MAX_BIRDS][65];
	const char	*bird_sock[MAX_BIRDS];
	size_t		 n_birds;
	bool		 force;			/* deploy past the limits */
	unsigned	 confirm_s, settle_s;
	bool		 json;
	struct impact_limits limits;
	unsigned	 timeout_s;
};

static void
usage(FILE *f)
{
	fputs(usage_text, f);
}

/* ---- checking the outputs with their consumers ---------------------------- */

/* How long a checker (bird -p, nft -c) may take; IXP_RSC_CHECK_TIMEOUT. */
#define CHECK_TIMEOUT_S 300

static long
check_timeout_ms(void)
{
	const char *s = getenv("IXP_RSC_CHECK_TIMEOUT");
	char *end;
	long v;

	if (s == NULL || *s == '\0')
		return CHECK_TIMEOUT_S * 1000L;
	v = strtol(s, &end, 10);
	return *end == '\0' && v > 0 && v <= 86400 ? v * 1000L : CHECK_TIMEOUT_S * 1000L;
}

/*
 * Run a tool (no shell) in its own process group; its output goes to
 * `msg`. Returns its exit status, -1 when it cannot be run, -2 when it
 * did not finish in time (then its whole group is killed).
 */
static int
run_tool(char *const argv[], struct buf *msg)
{
	posix_spawn_file_actions_t fa;
	posix_spawnattr_t at;
	int pfd[2], status, r;
	pid_t pid;
	char tmp[4096];
	ssize_t n;
	long left = check_timeout_ms();
	bool timed_out = false;

	if (pipe2(pfd, O_CLOEXEC) != 0)
		return -1;
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_adddup2(&fa, pfd[1], STDOUT_FILENO);
	posix_spawn_file_actions_adddup2(&fa, pfd[1], STDERR_FILENO);
	posix_spawnattr_init(&at);
	posix_spawnattr_setpgroup(&at, 0);
	posix_spawnattr_setflags(&at, POSIX_SPAWN_SETPGROUP);
	r = posix_spawnp(&pid, argv[0], &fa, &at, argv, environ);
	posix_spawn_file_actions_destroy(&fa);
	posix_spawnattr_destroy(&at);
	close(pfd[1]);
	if (r != 0) {
		close(pfd[0]);
		buf_printf(msg, "cannot run %s: %s", argv[0], strerror(r));
		return -1;
	}
	staged_child(pid);
	for (;;) {
		struct pollfd p = { pfd[0], POLLIN, 0 };
		int64_t t0 = clock_ms();
		int pr = poll(&p, 1, (int)(left > 1000 ? 1000 : left));
		left -= (long)(clock_ms() - t0);
		if (pr < 0 && errno != EINTR)
			break;
		if (pr > 0) {
			if ((n = read(pfd[0], tmp, sizeof(tmp))) <= 0)
				break;
			if (msg->len < 8192)
				buf_add(msg, tmp, (size_t)n);
		}
		if (left <= 0) {
			timed_out = true;
			break;
		}
	}
	close(pfd[0]);
	if (timed_out)
		kill(-pid, SIGKILL);
	r = waitpid(pid, &status, 0);
	staged_child(0);
	if (timed_out) {
		buf_printf(msg, "%s did not finish within %ld s and was stopped (raise "
		    "IXP_RSC_CHECK_TIMEOUT if it needs longer)\n", argv[0], check_timeout_ms() / 1000);
		return -2;
	}
	if (r < 0 || !WIFEXITED(status))
		return -1;
	return WEXITSTATUS(status) == 127 ? -1 : WEXITSTATUS(status);
}

static const char *
tool(const char *env, const char *dflt)
{
	const char *t = getenv(env);

	return t != NULL && *t != '\0' ? t : dflt;
}

/* `bird -p -c` on a config: 0 accepted, 1 rejected, -1 BIRD not runnable,
 * -2 it did not finish in time. */
static int
check_bird(const char *path, struct buf *msg)
{
	char *argv[] = { (char *)tool("IXP_RSC_BIRD", "bird"), (char *)"-p", (char *)"-c",
	    (char *)path, NULL };
	int r = run_tool(argv, msg);

	return r < 0 ? r : r != 0;
}

/*
 * The release of the BIRD that checks, and whether the config is for it: a
 * config loads warning-free only in the releases its bird.version admits.
 */
static void
check_bird_release(const struct config *c, bool quiet)
{
	char *argv[] = { (char *)tool("IXP_RSC_BIRD", "bird"), (char *)"--version", NULL };
	struct buf msg = BUF_INIT;
	const char *v;
	unsigned maj, min;

	if (run_tool(argv, &msg) == 0 && (v = strstr(buf_str(&msg), "version ")) != NULL &&
	    sscanf(v + 8, "%u.%u", &maj, &min) == 2 &&
	    !bird_dialect_admits(c->bird_major, c->bird_minor, maj, min) && !quiet)
		fprintf(stderr, "ixp-rsc: warning: checked with BIRD %u.%u, but the configs are "
		    "written for BIRD %u.%u (ixp.bird.version): BIRD may warn or refuse them\n"
		    "  hint: set ixp.bird.version: \"%u.%u\" for the BIRD you run\n", maj, min,
		    c->bird_major, c->bird_minor, maj, min);
	buf_free(&msg);
}

/* `nft -c -f` on a ruleset: 0 accepted, 1 rejected, 2 not checkable here
 * (no nft, or no CAP_NET_ADMIN to ask the kernel), -2 not in time. */
static int
check_nft(const char *path, struct buf *msg)
{
	char *argv[] = { (char *)tool("IXP_RSC_NFT", "nft"), (char *)"-c", (char *)"-f",
	    (char *)path, NULL };
	int r = run_tool(argv, msg);

	if (r == -2)
		return r;
	if (r < 0 || strstr(buf_str(msg), "Operation not permitted") != NULL)
		return 2;
	return r != 0;
}

/* ---- commands ---------------------------------------------------------- */

static const char *
timestamp(const struct opts *o, char *dst, size_t len)
{
	const char *sde = getenv("SOURCE_DATE_EPOCH");
	time_t t = time(NULL);
	struct tm tm;

	if (o->no_timestamp)
		return NULL;
	if (sde != NULL && *sde != '\0')
		t = (time_t)strtoll(sde, NULL, 10);
	gmtime_r(&t, &tm);
	strftime(dst, len, "%Y-%m-%dT%H:%M:%SZ", &tm);
	return dst;
}

/* Progress on a terminal: one line, rewritten in place. */
static void
show_progress(void *ctx, const char *text, bool final)
{
	(void)ctx;
	if (text == NULL)
		fputs("\r\033[K", stderr);
	else
		fprintf(stderr, "\rixp-rsc: %s \033[K%s", text, final ? "\n" : "");
	fflush(stderr);
}

static int
prepare(const struct opts *o, struct config *c, struct data *dt, struct model *mo,
    struct diag *d, double *phase_s)
{
	static const struct progress terminal = { show_progress, NULL };
	struct source_opts so = { o->offline, o->jobs, NULL, NULL };
	struct previous prev;
	bool have_prev;
	enum src_status st;
	double t0 = clock_s();

	if (!o->quiet && isatty(STDERR_FILENO))
		so.progress = &terminal;
	/* The previous run's report guards against data that suddenly shrank. */
	have_prev = o->outdir != NULL && previous_load(o->outdir, &prev) == 0;
	so.prev = have_prev ? &prev : NULL;
	if (yaml_load_config(o->yaml, c, d) != 0) {
		fprintf(stderr, "ixp-rsc: %u error%s in %s; nothing written\n", d->errors,
		    d->errors == 1 ? "" : "s", o->yaml);
		if (have_prev)
			previous_free(&prev);
		return EXIT_INPUT;
	}
	if ((st = sources_load(c, &so, dt, d)) != SRC_OK) {
		fprintf(stderr, "ixp-rsc: %s; nothing written\n", st == SRC_BAD_INPUT ?
		    "bad input" : "data sources not usable");
		sources_free(dt);
		config_free(c);
		if (have_prev)
			previous_free(&prev);
		return st == SRC_BAD_INPUT ? EXIT_INPUT : EXIT_SOURCE;
	}
	{
		struct model_inputs in = { dt->have_irr ? &dt->irr : NULL,
		    dt->have_vrps ? &dt->vrps : NULL, dt->have_pdb ? &dt->pdb : NULL,
		    have_prev ? &prev : NULL, dt->info, dt->n_info, o->maintenance };
		double t = clock_s();

		if (phase_s != NULL)
			phase_s[PHASE_SOURCES] = t - t0;
		model_build(mo, c, &in, d);
		if (phase_s != NULL)
			phase_s[PHASE_MODEL] = clock_s() - t;
	}
	if (have_prev)
		previous_free(&prev);
	return 0;
}

/* --check: every BIRD config through `bird -p`, the ruleset through
 * `nft -c`. The configs are the first n_rs files of the output set. */
static int
check_outputs(const struct config *c, const struct outset *out, size_t n_rs, bool quiet)
{
	check_bird_release(c, quiet);
	for (size_t i = 0; i < out->n; i++) {
		struct buf msg = BUF_INIT;
		int r;
		bool is_nft = strcmp(out->v[i].name, "forbidden-traffic.nft") == 0;

		if (i >= n_rs && !is_nft)
			continue;
		r = is_nft ? check_nft(out->v[i].tmp, &msg) : check_bird(out->v[i].tmp, &msg);
		if (is_nft && r == 2) {
			if (!quiet)
				fprintf(stderr, "ixp-rsc: note: %s not checked (needs nft and "
				    "CAP_NET_ADMIN)\n", out->v[i].name);
		} else if (r != 0) {
			fprintf(stderr, "ixp-rsc: %s: %s\n%s", out->v[i].name,
			    r == -2 ? "not checked:" :
			    r < 0 ? "cannot run BIRD (install bird2 or set IXP_RSC_BIRD)" :
			    is_nft ? "rejected by `nft -c`:" : "rejected by `bird -p`:",
			    buf_str(&msg));
			buf_free(&msg);
			return r < 0 ? EXIT_INTERNAL : EXIT_BIRD;
		} else if (!is_nft && msg.len > 0 && !quiet) {
			/* Accepted, with warnings: the operator should see them. */
			fprintf(stderr, "ixp-rsc: warning: BIRD accepted %s with warnings:\n%s",
			    out->v[i].name, buf_str(&msg));
		}
		buf_free(&msg);
	}
	return 0;
}

/* emit_bird_data, as a job. */
struct data_job {
	const struct model *mo;
	struct buf	 text;
};

static void *
data_job_run(void *arg)
{
	struct data_job *j = arg;

	emit_bird_data(&j->text, j->mo);
	return NULL;
}

/*
 * Every output of a run, in memory: the configs first (check_outputs and
 * deploy count on that order), then the JSON files, the traffic policy and
 * the RTR data sets. The configs' data section and the RTR data sets, the
 * bulk of it, are made on threads while the other files are.
 */
static void
build_outputs(const struct opts *o, const struct config *c, const struct data *dt,
    const struct model *mo, struct outset *out, struct rtr_publish *pub)
{
	struct emit_opts eo;
	struct traffic_model tm;
	struct buf b = BUF_INIT;
	struct outset rest;
	struct data_job dj = { mo, BUF_INIT };
	struct job data;
	char ts[32];

	eo.version = IXP_VERSION;
	eo.timestamp = timestamp(o, ts, sizeof(ts));
	outset_init(out, o->outdir);
	outset_init(&rest, o->outdir);
	rtr_publish_start(pub, mo, o->outdir);
	job_start(&data, data_job_run, &dj);
	emit_reasons_json(&b, mo);
	outset_add_buf(&rest, "reasons.json", &b);
	emit_members_json(&b, mo);
	outset_add_buf(&rest, "members.json", &b);
	emit_report_json(&b, mo, &eo);
	outset_add_buf(&rest, "report.json", &b);
	{
		/* From the compile data: the looking glass adds each member's
		 * routes when it shows the member's page. */
		struct readiness rd;
		readiness_init(&rd, mo);
		readiness_finish(&rd);
		emit_readiness_json(&b, &rd, 0);
		readiness_free(&rd);
		outset_add_buf(&rest, "readiness.json", &b);
	}
	traffic_model_build(&tm, c, &dt->traffic);
	emit_nft(&b, &tm, &eo);
	outset_add_buf(&rest, "forbidden-traffic.nft", &b);
	emit_policy_md(&b, &tm, &eo);
	outset_add_buf(&rest, "forbidden-traffic.md", &b);
	emit_policy_html(&b, &tm, &eo);
	outset_add_buf(&rest, "forbidden-traffic.html", &b);
	traffic_model_free(&tm);
	{
		struct doc d;
		rspolicy_build(&d, mo, IXP_VERSION, eo.timestamp);
		emit_doc_md(&b, &d);
		outset_add_buf(&rest, "route-server-policy.md", &b);
		emit_doc_html(&b, &d);
		outset_add_buf(&rest, "route-server-policy.html", &b);
		doc_free(&d);
	}
	job_finish(&data);
	for (size_t i = 0; i < c->n_rs; i++) {
		struct buf name = BUF_INIT;
		emit_bird(&b, mo, &c->rs[i], &eo, &dj.text);
		buf_printf(&name, "%s.conf", c->rs[i].name);
		outset_add_buf(out, name.p, &b);
		buf_free(&name);
	}
	buf_free(&dj.text);
	outset_take(out, &rest);
	rtr_publish_finish(pub, &eo, out);
}

/* Stage the outputs in OUTDIR and, with --check (deploy: always), check
 * them; 0, or the exit status with nothing left behind. */
static int
stage_outputs(const struct opts *o, const struct config *c, struct outset *out, bool check)
{
	char err[512];
	int ret;

	if (outset_stage(out, err, sizeof(err)) != 0) {
		fprintf(stderr, "ixp-rsc: %s; nothing written\n", err);
		return EXIT_INTERNAL;
	}
	if (check && (ret = check_outputs(c, out, c->n_rs, o->quiet)) != 0) {
		fprintf(stderr, "ixp-rsc: nothing written\n");
		outset_abort(out);
		return ret;
	}
	return 0;
}

/* The lines an operator's script looks for to signal the RTR caches
 * whose data set changed (README). */
static void
print_rtr_publish(const struct rtr_publish *pub)
{
	for (enum rtr_set set = 0; set < RTR_NUM; set++)
		if (pub->on[set])
			fprintf(stderr, "ixp-rsc: data for RTR (%s): %zu entries, serial %u%s\n",
			    rtr_file(set), pub->n[set], pub->serial[set],
			    pub->changed[set] ? "" : " (unchanged)");
}

/* What the run's sources gave, for --metrics-file: the age of a dump or
 * file is its modification time's. */
static void
run_sources(const struct data *dt, int64_t now, struct run_metrics *rm)
{
	rm->sources = xcalloc(dt->n_info ? dt->n_info : 1, sizeof(*rm->sources));
	rm->n_sources = dt->n_info;
	for (size_t i = 0; i < dt->n_info; i++) {
		const struct source_info *in = &dt->info[i];
		struct run_source *rs = &rm->sources[i];
		struct stat st;
		snprintf(rs->kind, sizeof(rs->kind), "%s", in->kind);
		snprintf(rs->where, sizeof(rs->where), "%s", in->where);
		snprintf(rs->from, sizeof(rs->from), "%s", in->from);
		rs->age_s = in->age_s;
		if (rs->age_s < 0 && (!strcmp(in->from, "dump") || !strcmp(in->from, "file")) &&
		    stat(in->where, &st) == 0)
			rs->age_s = (long)(now - st.st_mtime);
	}
}

static int
compile_run(const struct opts *o, struct run_metrics *rm)
{
	struct diag d;
	struct config c;
	struct data dt;
	struct model mo;
	struct outset out;
	struct rtr_publish pub;
	char err[512];
	int r, ret, lock;
	size_t n_same = 0;
	double t;

	if ((lock = outdir_lock(o->outdir, err, sizeof(err))) < 0) {
		fprintf(stderr, "ixp-rsc: %s\n", err);
		return EXIT_INTERNAL;
	}
	diag_init(&d, stderr);
	d.quiet = o->quiet;
	if ((r = prepare(o, &c, &dt, &mo, &d, rm->phase_s)) != 0) {
		rm->errors = d.errors;
		rm->warnings = d.warnings;
		close(lock);
		return r;
	}
	rm->have_model = true;
	rm->members = mo.n_members;
	rm->sessions = mo.n_sessions;
	rm->warnings = d.warnings;
	run_sources(&dt, rm->now, rm);
	t = clock_s();
	build_outputs(o, &c, &dt, &mo, &out, &pub);
	rm->phase_s[PHASE_EMIT] = clock_s() - t;
	t = clock_s();
	if ((ret = stage_outputs(o, &c, &out, o->check)) != 0)
		goto done;
	rm->configs = xcalloc(c.n_rs ? c.n_rs : 1, sizeof(*rm->configs));
	for (size_t i = 0; i < c.n_rs; i++) {
		snprintf(rm->configs[i].rs, sizeof(rm->configs[i].rs), "%s", c.rs[i].name);
		rm->configs[i].changed = outset_differs(&out, i, "# Generated at ");
		/* A config that says what it said stays as it is, byte for
		 * byte (its time too): BIRD need not read it again. */
		if (!rm->configs[i].changed) {
			outset_keep(&out, i);
			n_same++;
		}
	}
	if (outset_commit(&out, err, sizeof(err)) != 0) {
		fprintf(stderr, "ixp-rsc: %s\n", err);
		ret = EXIT_INTERNAL;
		goto done;
	}
	rm->phase_s[PHASE_WRITE] = clock_s() - t;
	if (!o->quiet) {
		fprintf(stderr, "ixp-rsc: wrote %zu files to %s: %zu members, %zu sessions",
		    outset_written(&out), o->outdir, mo.n_members, mo.n_sessions);
		if (d.warnings)
			fprintf(stderr, ", %u warning%s", d.warnings, d.warnings == 1 ? "" : "s");
		fprintf(stderr, "%s\n", o->check ? "; BIRD accepted every config" : "");
		if (n_same > 0)
			fprintf(stderr, "ixp-rsc: %s unchanged (kept as they were)\n",
			    n_same == c.n_rs ? "configs" : "some configs");
		print_rtr_publish(&pub);
	}
	rm->n_configs = c.n_rs;
done:
	outset_free(&out);
	model_free(&mo);
	sources_free(&dt);
	config_free(&c);
	close(lock);
	return ret;
}

/* --metrics-file: rewritten atomically after every run, failed ones too;
 * the last success time carries over from the file it replaces. A file
 * that cannot be written is a warning: monitoring never fails a compile. */
static void
write_textfile(const char *path, struct run_metrics *rm)
{
	char *dir = xstrdup(path), *slash = strrchr(dir, '/'), *tmp, err[512];
	const char *name = slash ? slash + 1 : path;
	struct buf b = BUF_INIT;
	size_t len;
	long age;
	char *prev = file_read(path, 1 << 20, true, &len, &age);

	if (slash == NULL)
		snprintf(dir, strlen(dir) + 1, ".");
	else if (slash == dir)
		dir[1] = '\0';
	else
		*slash = '\0';
	rm->last_success = rm->exit_code == 0 ? rm->now : prev ? textfile_last_success(prev) : 0;
	free(prev);
	emit_textfile(&b, rm);
	if ((tmp = staged_write(dir, name, b.p, b.len, 0644, err, sizeof(err))) == NULL ||
	    staged_install(tmp, dir, name, err, sizeof(err)) != 0)
		fprintf(stderr, "ixp-rsc: warning: --metrics-file %s not written: %s\n", path, err);
	buf_free(&b);
	free(dir);
}

static int
cmd_compile(const struct opts *o)
{
	struct run_metrics rm;
	int64_t t0 = clock_ms();

	memset(&rm, 0, sizeof(rm));
	rm.now = (int64_t)time(NULL);
	rm.exit_code = compile_run(o, &rm);
	rm.seconds = (double)(clock_ms() - t0) / 1000;
	if (o->metrics_file != NULL)
		write_textfile(o->metrics_file, &rm);
	free(rm.sources);
	free(rm.configs);
	return rm.exit_code;
}

static int
cmd_check(const struct opts *o)
{
	struct diag d;
	struct config c;
	struct data dt;
	struct model mo;
	int r;

	diag_init(&d, stderr);
	d.quiet = o->quiet;
	if ((r = prepare(o, &c, &dt, &mo, &d, NULL)) != 0)
		return r;
	if (!o->quiet)
		fprintf(stderr, "ixp-rsc: %s is valid: %zu members, %zu sessions, %zu route "
		    "servers, %zu IRR route objects, %zu VRPs, %u warning%s\n", o->yaml,
		    mo.n_members, mo.n_sessions, c.n_rs, dt.have_irr ? dt.irr.n_routes : 0,
		    dt.have_vrps ? dt.vrps.n : 0, d.warnings, d.warnings == 1 ? "" : "s");
	model_free(&mo);
	sources_free(&dt);
	config_free(&c);
	return 0;
}

/* The IX-F member list, from the YAML alone (no data source is read). */
static int
cmd_ixf_export(const struct opts *o)
{
	struct diag d;
	struct config c;
	struct ixf_model m;
	struct buf b = BUF_INIT;
	char err[300], ts[32];
	int r = 0;

	diag_init(&d, stderr);
	d.quiet = o->quiet;
	if (yaml_load_config(o->yaml, &c, &d) != 0) {
		fprintf(stderr, "ixp-rsc: %u error%s in %s\n", d.errors, d.errors == 1 ? "" : "s",
		    o->yaml);
		return EXIT_INPUT;
	}
	if (ixf_model_build(&m, &c, err, sizeof(err)) != 0) {
		fprintf(stderr, "ixp-rsc ixf-export: %s: %s\n", o->yaml, err);
		r = EXIT_INPUT;
	} else {
		emit_ixf_json(&b, &m, timestamp(o, ts, sizeof(ts)));
		fwrite(b.p, 1, b.len, stdout);
		ixf_model_free(&m);
	}
	buf_free(&b);
	config_free(&c);
	return r;
}

/* PeeringDB's IX LAN ID: /api/ixlan/ID?depth=2, with the API key if set. */
static char *
pdb_ixlan_fetch(const char *id, const char *base, size_t *len, char *err, size_t errlen)
{
	struct http_opts h = { 120, 15, 64u << 20, NULL, 3, 60, clock_ms() + 300000,
	    getenv("IXP_RSC_CA_FILE") };
	struct buf url = BUF_INIT, body = BUF_INIT, hdr = BUF_INIT;
	const char *key = getenv("PEERINGDB_API_KEY");

	if (key != NULL && *key != '\0') {
		buf_printf(&hdr, "Authorization: Api-Key %s", key);
		h.header = hdr.p;
	}
	buf_printf(&url, "%s/ixlan/%s?depth=2", base ? base : "https://www.peeringdb.com/api", id);
	if (http_get(url.p, &h, &body, err, errlen) != 0) {
		buf_free(&body);
		body.p = NULL;
	}
	buf_free(&url);
	buf_free(&hdr);
	*len = body.len;
	return body.p;
}

/* A member YAML skeleton from an IX-F member list. */
static int
cmd_import(const struct opts *o)
{
	struct import_opts io = { o->yaml, o->irr_dumps, o->n_irr_dumps, o->irr_server, 0 };
	struct ixf_list l;
	struct buf b = BUF_INIT;
	char err[300];
	size_t len;
	long age;
	char *json;
	int r = 0;

	if (!strcmp(o->import_kind, "peeringdb") && o->yaml[0] && strspn(o->yaml, "0123456789") ==
	    strlen(o->yaml)) {
		if ((json = pdb_ixlan_fetch(o->yaml, o->peeringdb_url, &len, err, sizeof(err))) == NULL) {
			fprintf(stderr, "ixp-rsc import: %s\n", err);
			return EXIT_SOURCE;
		}
	} else if ((json = file_read(o->yaml, 64u << 20, false, &len, &age)) == NULL) {
		fprintf(stderr, "ixp-rsc import: %s: %s\n", o->yaml, strerror(errno));
		return EXIT_INPUT;
	}
	if ((!strcmp(o->import_kind, "ixf") ? ixf_read(&l, json, len, err, sizeof(err)) :
	    pdb_ixlan_read(&l, json, len, o->import_rs_asn, o->import_rs, o->n_import_rs, err,
	    sizeof(err))) != 0) {
		fprintf(stderr, "ixp-rsc import: %s: %s\n", o->yaml, err);
		free(json);
		return EXIT_INPUT;
	}
	free(json);
	if (l.rs_asn == 0 && l.n_rs > 0) {
		fprintf(stderr, "ixp-rsc import: %s names no route-server ASN: give --rs-asn N\n",
		    o->yaml);
		ixf_list_free(&l);
		return EXIT_INPUT;
	}
	{
		struct asn_range *bog;
		size_t n_bog;
		config_default_bogon_asns(&bog, &n_bog);
		for (size_t i = 0; i < l.n_members; i++)
			io.n_bogon_members += asn_in_ranges(l.members[i].asn, bog, n_bog);
		free(bog);
	}
	if (l.n_rs == 0) {
		fprintf(stderr, "ixp-rsc import: %s names no route server (%s)\n", o->yaml,
		    !strcmp(o->import_kind, "ixf") ? "a member_type \"ixp\" entry whose addresses "
		    "offer the ixrouteserver service): add ixp.rs_asn and ixp.route_servers by hand" :
		    "PeeringDB lists none): give --route-server IPV4[,IPV6] for each");
		r = EXIT_INPUT;
	} else {
		emit_yaml_skeleton(&b, &l, &io);
		fwrite(b.p, 1, b.len, stdout);
		if (!o->quiet)
			fprintf(stderr, "ixp-rsc import: %zu members, %zu route servers%s\n",
			    l.n_members, l.n_rs, l.n_skipped ? "; invalid values left out (the "
			    "header counts them)" : "");
	}
	buf_free(&b);
	ixf_list_free(&l);
	return r;
}

/* Print what an AS-SET (or ASN) resolves to, from the configured sources. */
static int
cmd_expand(const struct opts *o)
{
	struct diag d;
	struct config c;
	struct data dt;
	struct model mo;
	struct expansion e;
	struct expand_opts eo;
	const char *name = o->expand_name;
	char tmp[ADDR_STRLEN];
	int r;

	diag_init(&d, stderr);
	d.quiet = true;
	if ((r = prepare(o, &c, &dt, &mo, &d, NULL)) != 0)
		return r;
	if (!dt.have_irr) {
		fprintf(stderr, "ixp-rsc expand: no IRR source configured\n");
		r = EXIT_INPUT;
		goto done;
	}
	eo = (struct expand_opts){ c.policy.irr_max_depth, c.policy.irr_max_asns,
	    c.policy.irr_max_prefixes, c.bogon_asns, c.n_bogon_asns, true };
	expand_names(&dt.irr, &name, 1, 0, &eo, &e);
	if (o->expand_asns)
		for (size_t i = 0; i < e.n_asns; i++)
			printf("AS%u\n", e.asns[i]);
	for (int fam = 0; fam < 2 && !o->expand_asns; fam++) {
		if ((fam == FAM4 && o->expand_af == AF6) || (fam == FAM6 && o->expand_af == AF4))
			continue;
		for (size_t i = 0; i < e.n_prefixes[fam]; i++)
			printf("%s\n", prefix_format(&e.prefixes[fam][i], tmp));
	}
	for (size_t i = 0; i < e.notes.n_missing; i++)
		fprintf(stderr, "ixp-rsc: %s not found\n", e.notes.missing[i]);
	expansion_free(&e);
done:
	model_free(&mo);
	sources_free(&dt);
	config_free(&c);
	return r;
}

static int
cmd_explain(struct opts *o)
{
	struct diag d;
	struct config c;
	struct data dt;
	struct model mo;
	struct explain_result res;
	int r;

	if (!o->have_member || !o->have_prefix) {
		fprintf(stderr, "ixp-rsc explain: --member and --prefix are required\n");
		return EXIT_INPUT;
	}
	diag_init(&d, stderr);
	d.quiet = true;		/* the question is about one route */
	if ((r = prepare(o, &c, &dt, &mo, &d, NULL)) != 0)
		return r;
	if (!o->have_path) {
		o->q.path[0] = o->q.member;
		o->q.path_len = 1;
		if (o->have_origin && o->origin != o->q.member)
			o->q.path[o->q.path_len++] = o->origin;
	} else if (o->have_origin && o->q.path[o->q.path_len - 1] != o->origin) {
		fprintf(stderr, "ixp-rsc explain: --origin AS%u is not the last AS of --path\n",
		    o->origin);
		r = EXIT_INPUT;
	}
	if (r == 0 && explain_route(stdout, &mo, &o->q, &res) != 0)
		r = EXIT_INPUT;
	model_free(&mo);
	sources_free(&dt);
	config_free(&c);
	return r;
}

/* A route server's live routes into the impact report. */
struct impact_feed {
	struct impact		*im;
	struct impact_rs	*irs;
	const char		*name;
};

static void
feed_sessions(void *ctx, const struct live_rs *l)
{
	struct impact_feed *f = ctx;

	f->irs = impact_rs_add(f->im, f->name, l->version, l->sessions, l->n_sessions);
}

static void
feed_route(void *ctx, const struct bird_route *r, bool filtered)
{
	struct impact_feed *f = ctx;

	impact_route(f->im, f->irs, r, filtered);
}

/* The index in ixp.route_servers of --bird i; c->n_rs when there is none. */
static size_t
bird_rs(const struct opts *o, const struct config *c, size_t i)
{
	size_t k;

	for (k = 0; k < c->n_rs && strcmp(c->rs[k].name, o->bird_name[i]); k++)
		;
	return k;
}

/* The live routes of every --bird into `im`; 0 or an exit status. */
static int
collect_impact(const struct opts *o, const struct config *c, const struct model *mo,
    struct impact *im)
{
	impact_init(im, mo);
	if (o->n_birds == 0) {
		fprintf(stderr, "ixp-rsc %s: name the route servers: --bird NAME=SOCKET (NAME as "
		    "in ixp.route_servers)\n", o->cmd);
		return EXIT_INPUT;
	}
	for (size_t i = 0; i < o->n_birds; i++) {
		const char *sock = o->bird_sock[i];
		size_t k = bird_rs(o, c, i);
		const struct route_server *rs = k < c->n_rs ? &c->rs[k] : NULL;
		struct live_rs live;
		struct impact_feed f = { im, NULL, NULL };
		struct live_cb cb = { feed_sessions, feed_route, &f };
		char err[512];
		int r = 0;

		if (rs == NULL) {
			fprintf(stderr, "ixp-rsc %s: --bird %s: no route server of that name in %s\n",
			    o->cmd, o->birds[i], o->yaml);
			return EXIT_INPUT;
		}
		f.name = rs->name;
		if (!o->quiet)
			fprintf(stderr, "ixp-rsc: reading the routes of %s from %s\n", rs->name, sock);
		if (live_routes_read(sock, (int64_t)o->timeout_s * 1000, &cb, &live, err,
		    sizeof(err)) != 0) {
			fprintf(stderr, "ixp-rsc %s: %s: %s\n", o->cmd, rs->name, err);
			r = EXIT_SOURCE;
		} else if (!o->quiet) {
			fprintf(stderr, "ixp-rsc: %s: %zu routes of %zu sessions\n", rs->name,
			    live.routes, live.n_sessions);
		}
		live_rs_free(&live);
		if (r != 0)
			return r;
	}
	impact_finish(im, &o->limits);
	return 0;
}

static void
ready_sessions(void *ctx, const struct live_rs *l)
{
	(void)ctx;
	(void)l;
}

static void
ready_route(void *ctx, const struct bird_route *r, bool filtered)
{
	readiness_route(ctx, r, filtered);
}

/* Readiness from the compile data, and from one route server's routes. */
static int
cmd_readiness(const struct opts *o)
{
	struct diag d;
	struct config c;
	struct data dt;
	struct model mo;
	struct readiness rd;
	struct buf out = BUF_INIT;
	int r;

	if (o->n_birds > 1) {
		fprintf(stderr, "ixp-rsc readiness: name one route server (--bird NAME=SOCKET): "
		    "each holds the same routes\n");
		return EXIT_INPUT;
	}
	diag_init(&d, stderr);
	d.quiet = true;		/* the report says it; check and compile print the warnings */
	if ((r = prepare(o, &c, &dt, &mo, &d, NULL)) != 0)
		return r;
	readiness_init(&rd, &mo);
	if (o->n_birds == 1) {
		size_t k = bird_rs(o, &c, 0);
		struct live_cb cb = { ready_sessions, ready_route, &rd };
		struct live_rs live;
		char err[512];
		if (k == c.n_rs) {
			fprintf(stderr, "ixp-rsc readiness: --bird %s: no route server of that name "
			    "in %s\n", o->birds[0], o->yaml);
			r = EXIT_INPUT;
		} else if (live_routes_read(o->bird_sock[0], (int64_t)o->timeout_s * 1000, &cb,
		    &live, err, sizeof(err)) != 0) {
			fprintf(stderr, "ixp-rsc readiness: %s: %s\n", c.rs[k].name, err);
			r = EXIT_SOURCE;
		} else {
			rd.rs = c.rs[k].name;
		}
		if (k < c.n_rs)
			live_rs_free(&live);
	}
	if (r == 0) {
		readiness_finish(&rd);
		if (o->json)
			emit_readiness_json(&out, &rd, o->have_member ? o->q.member : 0);
		else
			emit_readiness_text(&out, &rd, o->have_member ? o->q.member : 0);
		fputs(buf_str(&out), stdout);
	}
	buf_free(&out);
	readiness_free(&rd);
	model_free(&mo);
	sources_free(&dt);
	config_free(&c);
	return r;
}

static void
print_impact(const struct opts *o, const struct impact *im)
{
	struct buf out = BUF_INIT;

	if (o->json)
		emit_impact_json(&out, im);
	else
		emit_impact_text(&out, im);
	fputs(buf_str(&out), stdout);
	buf_free(&out);
}

static int
cmd_impact(const struct opts *o)
{
	struct diag d;
	struct config c;
	struct data dt;
	struct model mo;
	struct impact im;
	int r;

	diag_init(&d, stderr);
	d.quiet = o->quiet;
	if ((r = prepare(o, &c, &dt, &mo, &d, NULL)) != 0)
		return r;
	if ((r = collect_impact(o, &c, &mo, &im)) == 0) {
		print_impact(o, &im);
		r = im.over ? EXIT_IMPACT : 0;
	}
	impact_free(&im);
	model_free(&mo);
	sources_free(&dt);
	config_free(&c);
	return r;
}

/* What the new config should give on route server `irs` (for apply). */
/*
 * What configure must give on `rs`. With `data_apart` (RTR data sets that
 * changed: BIRD gets them from its caches, not from this configure) the
 * routes the new data accepts may not be there yet: only those that stay
 * accepted either way are counted.
 */
static void
expect_of(const struct model *mo, const struct route_server *rs, const struct impact_rs *irs,
    bool data_apart, struct apply_expect *ex)
{
	memset(ex, 0, sizeof(*ex));
	ex->sessions = xcalloc(mo->n_sessions + 1, sizeof(*ex->sessions));
	for (size_t i = 0; i < mo->n_sessions; i++)
		if (rs->addr[mo->sessions[i].fam].af != 0)
			ex->sessions[ex->n_sessions++] = (char *)mo->sessions[i].name;
	ex->members = xcalloc(irs->n_members + 1, sizeof(*ex->members));
	for (size_t k = 0; k < irs->n_members; k++) {
		const struct impact_member *m = &irs->members[k];
		if (m->name == NULL)
			continue;	/* no longer a member: its sessions go */
		ex->members[ex->n_members].asn = m->asn;
		ex->members[ex->n_members++].accepted = m->accepted - m->to_filtered +
		    (data_apart ? 0 : m->to_accepted);
	}
}

/*
 * compile, check, impact, then each route server in turn: configure with
 * BIRD's timer, verify, confirm (or undo), and only then its config file
 * into OUTDIR. The other outputs land when every route server took the
 * new config; the previous OUTDIR stays otherwise.
 */
static int
cmd_deploy(const struct opts *o)
{
	struct diag d;
	struct config c;
	struct data dt;
	struct model mo;
	struct impact im;
	struct outset out;
	struct rtr_publish pub;
	char err[512], why[512];
	int r, lock;
	size_t done = 0;
	bool data_apart = false;

	struct opts ao = *o;
	char *absdir;

	if ((lock = outdir_lock(o->outdir, err, sizeof(err))) < 0) {
		fprintf(stderr, "ixp-rsc deploy: %s\n", err);
		return EXIT_INTERNAL;
	}
	/* BIRD is told the staged file's path: an absolute one. */
	if ((absdir = realpath(o->outdir, NULL)) == NULL) {
		fprintf(stderr, "ixp-rsc deploy: %s: %s\n", o->outdir, strerror(errno));
		close(lock);
		return EXIT_INTERNAL;
	}
	ao.outdir = absdir;
	diag_init(&d, stderr);
	d.quiet = o->quiet;
	if ((r = prepare(o, &c, &dt, &mo, &d, NULL)) != 0) {
		free(absdir);
		close(lock);
		return r;
	}
	impact_init(&im, &mo);
	build_outputs(&ao, &c, &dt, &mo, &out, &pub);
	if ((r = stage_outputs(o, &c, &out, true)) != 0 ||
	    (r = collect_impact(o, &c, &mo, &im)) != 0)
		goto done;
	print_impact(o, &im);
	if (im.over && !o->force) {
		fprintf(stderr, "ixp-rsc deploy: not applied: %s (--force applies it anyway)\n",
		    im.why);
		r = EXIT_IMPACT;
		goto done;
	}
	for (enum rtr_set set = 0; set < RTR_NUM; set++)
		data_apart |= pub.changed[set];
	for (size_t i = 0; i < im.n_rs; i++) {
		size_t k = bird_rs(o, &c, i);
		const struct route_server *rs = &c.rs[k];
		struct apply_expect ex;
		enum apply_result ar;

		/* Only data changed (over RTR): BIRD has nothing to load. */
		if (!outset_differs(&out, k, "# Generated at ")) {
			outset_keep(&out, k);
			done++;
			if (!o->quiet)
				fprintf(stderr, "ixp-rsc: %s: config unchanged, not reloaded\n",
				    rs->name);
			continue;
		}
		expect_of(&mo, rs, &im.rs[i], data_apart, &ex);
		if (!o->quiet)
			fprintf(stderr, "ixp-rsc: applying %s.conf to %s (BIRD's timer: %u s)\n",
			    rs->name, rs->name, o->confirm_s);
		ar = apply_config(o->bird_sock[i], out.v[k].tmp, &ex, o->confirm_s,
		    o->settle_s, why, sizeof(why));
		free(ex.sessions);
		free(ex.members);
		if (ar != APPLY_OK) {
			fprintf(stderr, "ixp-rsc deploy: %s: %s: %s\n", rs->name, ar == APPLY_REFUSED ?
			    "not applied" : ar == APPLY_UNDONE ? "rolled back" : "left to BIRD's timer",
			    why);
			r = EXIT_ROLLBACK;
			goto done;
		}
		if (outset_commit_one(&out, k, err, sizeof(err)) != 0) {
			fprintf(stderr, "ixp-rsc deploy: %s runs the new config, but %s\n", rs->name,
			    err);
			r = EXIT_INTERNAL;
			goto done;
		}
		done++;
		if (!o->quiet)
			fprintf(stderr, "ixp-rsc: %s: %s\n", rs->name, why);
	}
	if (outset_commit(&out, err, sizeof(err)) != 0) {
		fprintf(stderr, "ixp-rsc deploy: %s\n", err);
		r = EXIT_INTERNAL;
	} else if (!o->quiet)
		print_rtr_publish(&pub);
done:
	if (r != 0 && done > 0)
		fprintf(stderr, "ixp-rsc deploy: %zu route server%s run%s the new config (its "
		    "file is in %s); the others and the other outputs are unchanged\n", done,
		    done == 1 ? "" : "s", done == 1 ? "s" : "", o->outdir);
	outset_free(&out);
	impact_free(&im);
	model_free(&mo);
	sources_free(&dt);
	config_free(&c);
	free(absdir);
	close(lock);
	return r;
}

/* ---- argument parsing -------------------------------------------------- */

static bool
parse_community(const char *s, struct route_query *q)
{
	uint32_t v[3];
	size_t n = 0;
	const char *p = s;

	if (q->n_comms >= EXPLAIN_MAX_COMMS)
		return false;
	while (n < 3) {
		const char *colon = strchr(p, ':');
		size_t len = colon ? (size_t)(colon - p) : strlen(p);
		if (!asn_parse(p, len, ASN_PLAIN, &v[n]))
			return false;
		n++;
		if (colon == NULL)
			break;
		p = colon + 1;
	}
	if (n < 2 || (n == 2 && (v[0] > 65535 || v[1] > 65535)))
		return false;
	memcpy(q->comms[q->n_comms], v, sizeof(v));
	q->comm_large[q->n_comms] = n == 3;
	q->n_comms++;
	return true;
}

static bool
parse_path(const char *s, struct route_query *q)
{
	const char *p = s;

	q->path_len = 0;
	while (*p) {
		size_t len;
		while (*p == ' ' || *p == ',')
			p++;
		if (!*p)
			break;
		len = strcspn(p, " ,");
		if (q->path_len >= EXPLAIN_MAX_PATH ||
		    !asn_parse(p, len, ASN_PLAIN | ASN_PREFIXED, &q->path[q->path_len]))
			return false;
		q->path_len++;
		p += len;
	}
	return q->path_len > 0;
}

static int
parse_args(int argc, char **argv, struct opts *o)
{
	enum { O_CHECK = 256, O_OFFLINE, O_JOBS, O_NOTS, O_MEMBER, O_PREFIX, O_ORIGIN,
	    O_ASPATH, O_NH, O_COMM, O_RS, O_ASNS, O_BIRD, O_JSON, O_MAXMEMBER, O_MAXLOSS,
	    O_TIMEOUT, O_FORCE, O_CONFIRM, O_SETTLE, O_METRICS, O_IRRDUMP, O_IRRSERVER, O_IMPRS, O_IMPRSASN, O_PDBURL, O_MAINT };
	static const struct option lo[] = {
		{ "output", required_argument, NULL, 'o' },
		{ "check", no_argument, NULL, O_CHECK },
		{ "offline", no_argument, NULL, O_OFFLINE },
		{ "jobs", required_argument, NULL, O_JOBS },
		{ "no-timestamp", no_argument, NULL, O_NOTS },
		{ "maintenance", no_argument, NULL, O_MAINT },
		{ "quiet", no_argument, NULL, 'q' },
		{ "member", required_argument, NULL, O_MEMBER },
		{ "prefix", required_argument, NULL, O_PREFIX },
		{ "origin", required_argument, NULL, O_ORIGIN },
		{ "path", required_argument, NULL, O_ASPATH },
		{ "next-hop", required_argument, NULL, O_NH },
		{ "community", required_argument, NULL, O_COMM },
		{ "rs", required_argument, NULL, O_RS },
		{ "asns", no_argument, NULL, O_ASNS },
		{ "bird", required_argument, NULL, O_BIRD },
		{ "json", no_argument, NULL, O_JSON },
		{ "max-member-loss", required_argument, NULL, O_MAXMEMBER },
		{ "max-loss", required_argument, NULL, O_MAXLOSS },
		{ "timeout", required_argument, NULL, O_TIMEOUT },
		{ "force", no_argument, NULL, O_FORCE },
		{ "confirm-timeout", required_argument, NULL, O_CONFIRM },
		{ "settle", required_argument, NULL, O_SETTLE },
		{ "metrics-file", required_argument, NULL, O_METRICS },
		{ "irr-dump", required_argument, NULL, O_IRRDUMP },
		{ "irr-server", required_argument, NULL, O_IRRSERVER },
		{ "route-server", required_argument, NULL, O_IMPRS },
		{ "rs-asn", required_argument, NULL, O_IMPRSASN },
		{ "peeringdb-url", required_argument, NULL, O_PDBURL },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	int ch;

	memset(o, 0, sizeof(*o));
	o->jobs = 4;
	o->limits = (struct impact_limits){ IMPACT_MEMBER_PCT, IMPACT_MEMBER_MIN, IMPACT_TOTAL };
	o->timeout_s = 300;
	o->confirm_s = APPLY_CONFIRM_TIMEOUT;
	o->settle_s = APPLY_SETTLE;
	o->cmd = argv[1];
	optind = 2;
	while ((ch = getopt_long(argc, argv, "o:qh46", lo, NULL)) != -1) {
		switch (ch) {
		case 'o':
			o->outdir = optarg;
			break;
		case O_CHECK:
			o->check = true;
			break;
		case O_OFFLINE:
			o->offline = true;
			break;
		case O_JOBS: {
			char *end;
			unsigned long j = strtoul(optarg, &end, 10);
			if (*end || j < 1 || j > 64) {
				fprintf(stderr, "ixp-rsc: --jobs takes a number from 1 to 64\n");
				return -1;
			}
			o->jobs = (unsigned)j;
			break;
		}
		case O_MAINT:
			o->maintenance = true;
			break;
		case O_NOTS:
			o->no_timestamp = true;
			break;
		case O_METRICS:
			o->metrics_file = optarg;
			break;
		case O_IRRDUMP:
			if (o->n_irr_dumps == sizeof(o->irr_dumps) / sizeof(o->irr_dumps[0])) {
				fprintf(stderr, "ixp-rsc: at most 16 --irr-dump\n");
				return -1;
			}
			o->irr_dumps[o->n_irr_dumps++] = optarg;
			break;
		case O_IMPRS:
			if (o->n_import_rs == sizeof(o->import_rs) / sizeof(o->import_rs[0])) {
				fprintf(stderr, "ixp-rsc: at most 8 --route-server\n");
				return -1;
			}
			o->import_rs[o->n_import_rs++] = optarg;
			break;
		case O_PDBURL:
			if (!http_is_url(optarg)) {
				fprintf(stderr, "ixp-rsc: --peeringdb-url: not an http(s) URL: %s\n",
				    optarg);
				return -1;
			}
			o->peeringdb_url = optarg;
			break;
		case O_IMPRSASN:
			if (!asn_parse(optarg, strlen(optarg), ASN_PLAIN | ASN_PREFIXED,
			    &o->import_rs_asn) || o->import_rs_asn == 0) {
				fprintf(stderr, "ixp-rsc: --rs-asn: not an AS number: %s\n", optarg);
				return -1;
			}
			break;
		case O_IRRSERVER:
			if (!valid_hostname(optarg)) {
				fprintf(stderr, "ixp-rsc: --irr-server: not a host name: %s\n", optarg);
				return -1;
			}
			o->irr_server = optarg;
			break;
		case 'q':
			o->quiet = true;
			break;
		case O_MEMBER:
			if (!asn_parse(optarg, strlen(optarg), ASN_PLAIN | ASN_PREFIXED, &o->q.member)) {
				fprintf(stderr, "ixp-rsc: --member: not an AS number: %s\n", optarg);
				return -1;
			}
			o->have_member = true;
			break;
		case O_PREFIX: {
			enum addr_err e = prefix_parse(optarg, strlen(optarg), &o->q.prefix);
			if (e != ADDR_OK) {
				fprintf(stderr, "ixp-rsc: --prefix %s: %s\n", optarg, addr_strerror(e));
				return -1;
			}
			o->have_prefix = true;
			break;
		}
		case O_ORIGIN:
			if (!asn_parse(optarg, strlen(optarg), ASN_PLAIN | ASN_PREFIXED, &o->origin)) {
				fprintf(stderr, "ixp-rsc: --origin: not an AS number: %s\n", optarg);
				return -1;
			}
			o->have_origin = true;
			break;
		case O_ASPATH:
			if (!parse_path(optarg, &o->q)) {
				fprintf(stderr, "ixp-rsc: --path: expected AS numbers separated by "
				    "spaces, at most %d\n", EXPLAIN_MAX_PATH);
				return -1;
			}
			o->have_path = true;
			break;
		case O_NH:
			if (ip_parse(optarg, strlen(optarg), &o->q.next_hop) != ADDR_OK) {
				fprintf(stderr, "ixp-rsc: --next-hop: not an IP address: %s\n", optarg);
				return -1;
			}
			break;
		case O_COMM:
			if (!parse_community(optarg, &o->q)) {
				fprintf(stderr, "ixp-rsc: --community: expected A:B or A:B:C, got %s\n",
				    optarg);
				return -1;
			}
			break;
		case O_RS:
			o->q.rs = optarg;
			break;
		case '4':
			o->expand_af = AF4;
			break;
		case '6':
			o->expand_af = AF6;
			break;
		case O_ASNS:
			o->expand_asns = true;
			break;
		case O_BIRD: {
			const char *eq = strchr(optarg, '=');
			if (o->n_birds == MAX_BIRDS) {
				fprintf(stderr, "ixp-rsc: at most %d --bird\n", MAX_BIRDS);
				return -1;
			}
			if (eq == NULL || eq == optarg || eq[1] != '/' ||
			    (size_t)(eq - optarg) >= sizeof(o->bird_name[0])) {
				fprintf(stderr, "ixp-rsc: --bird %s: expected NAME=/path/to/bird.ctl\n",
				    optarg);
				return -1;
			}
			memcpy(o->bird_name[o->n_birds], optarg, (size_t)(eq - optarg));
			o->bird_name[o->n_birds][eq - optarg] = '\0';
			o->bird_sock[o->n_birds] = eq + 1;
			o->birds[o->n_birds++] = optarg;
			break;
		}
		case O_FORCE:
			o->force = true;
			break;
		case O_JSON:
			o->json = true;
			break;
		case O_MAXMEMBER:
		case O_MAXLOSS:
		case O_TIMEOUT:
		case O_CONFIRM:
		case O_SETTLE: {
			static const struct { int opt; const char *name; unsigned long lo, hi; } nums[] = {
				{ O_MAXMEMBER, "max-member-loss", 0, 100 },
				{ O_MAXLOSS, "max-loss", 0, 100000000 },
				{ O_TIMEOUT, "timeout", 1, 86400 },
				{ O_CONFIRM, "confirm-timeout", 10, 3600 },
				{ O_SETTLE, "settle", 1, 3600 },
			};
			size_t k = 0;
			char *end;
			unsigned long v = strtoul(optarg, &end, 10);
			while (nums[k].opt != ch)
				k++;
			if (*end || end == optarg || v < nums[k].lo || v > nums[k].hi) {
				fprintf(stderr, "ixp-rsc: --%s takes a number from %lu to %lu\n",
				    nums[k].name, nums[k].lo, nums[k].hi);
				return -1;
			}
			if (ch == O_MAXMEMBER)
				o->limits.member_pct = (unsigned)v;
			else if (ch == O_MAXLOSS)
				o->limits.total = v;
			else if (ch == O_TIMEOUT)
				o->timeout_s = (unsigned)v;
			else if (ch == O_CONFIRM)
				o->confirm_s = (unsigned)v;
			else
				o->settle_s = (unsigned)v;
			break;
		}
		case 'h':
			usage(stdout);
			exit(0);
		default:
			return -1;
		}
	}
	if (!strcmp(o->cmd, "import")) {
		if (optind != argc - 2 || (strcmp(argv[optind], "ixf") &&
		    strcmp(argv[optind], "peeringdb"))) {
			fprintf(stderr, "ixp-rsc import: expected ixf FILE or peeringdb FILE\n");
			return -1;
		}
		o->import_kind = argv[optind];
		o->yaml = argv[optind + 1];
		return 0;
	}
	if (!strcmp(o->cmd, "expand")) {
		if (optind != argc - 2) {
			fprintf(stderr, "ixp-rsc expand: expected IXP.yaml and an AS-SET or ASN\n");
			return -1;
		}
		o->yaml = argv[optind];
		o->expand_name = argv[optind + 1];
		return 0;
	}
	if (optind != argc - 1) {
		fprintf(stderr, "ixp-rsc %s: expected one YAML file\n", o->cmd);
		return -1;
	}
	o->yaml = argv[optind];
	return 0;
}

static int
run(struct opts *o)
{
	if (!strcmp(o->cmd, "compile")) {
		if (o->outdir == NULL) {
			fprintf(stderr, "ixp-rsc compile: -o OUTDIR is required\n");
			return EXIT_INPUT;
		}
		return cmd_compile(o);
	}
	if (!strcmp(o->cmd, "check"))
		return cmd_check(o);
	if (!strcmp(o->cmd, "expand"))
		return cmd_expand(o);
	if (!strcmp(o->cmd, "ixf-export"))
		return cmd_ixf_export(o);
	if (!strcmp(o->cmd, "import"))
		return cmd_import(o);
	if (!strcmp(o->cmd, "readiness"))
		return cmd_readiness(o);
	if (!strcmp(o->cmd, "impact"))
		return cmd_impact(o);
	if (!strcmp(o->cmd, "deploy")) {
		if (o->outdir == NULL) {
			fprintf(stderr, "ixp-rsc deploy: -o OUTDIR is required (where BIRD's configs "
			    "live)\n");
			return EXIT_INPUT;
		}
		return cmd_deploy(o);
	}
	return cmd_explain(o);
}

/*
 * Every report goes to standard output: one a pipeline reads whole (a
 * member YAML, an IX-F export, readiness JSON) must not end short without
 * the exit status saying so (a full disk, a closed pipe).
 */
static int
stdout_done(const char *cmd, int r)
{
	if (fflush(stdout) != 0 || ferror(stdout)) {
		fprintf(stderr, "ixp-rsc %s: cannot write the output: %s\n", cmd, strerror(errno));
		return r ? r : EXIT_INTERNAL;
	}
	return r;
}

int
main(int argc, char **argv)
{
	struct opts o;

	if (argc < 2) {
		usage(stderr);
		return EXIT_INPUT;
	}
	if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h") || !strcmp(argv[1], "help")) {
		usage(stdout);
		return 0;
	}
	if (!strcmp(argv[1], "--version")) {
		printf("ixp-rsc %s\n", IXP_VERSION);
		return 0;
	}
	if (strcmp(argv[1], "compile") && strcmp(argv[1], "check") && strcmp(argv[1], "explain") &&
	    strcmp(argv[1], "expand") && strcmp(argv[1], "impact") && strcmp(argv[1], "deploy") &&
	    strcmp(argv[1], "ixf-export") && strcmp(argv[1], "import") &&
	    strcmp(argv[1], "readiness")) {
		fprintf(stderr, "ixp-rsc: unknown command '%s' (try ixp-rsc --help)\n", argv[1]);
		return EXIT_INPUT;
	}
	if (parse_args(argc, argv, &o) != 0) {
		fprintf(stderr, "usage: ixp-rsc %s IXP.yaml ... (see ixp-rsc --help)\n", argv[1]);
		return EXIT_INPUT;
	}
	/* An interrupted run leaves no temporary file (OUTDIR, cache). A peer
	 * that resets, or a full disk under `ulimit -f`, is an error to report,
	 * not a signal that kills the run half-way. */
	staged_on_signals();
	signal(SIGPIPE, SIG_IGN);
	signal(SIGXFSZ, SIG_IGN);
	return stdout_done(o.cmd, run(&o));
}
