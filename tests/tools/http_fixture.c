/*
 * http_fixture: the HTTP data sources of the tests (libmicrohttpd).
 *
 *   http_fixture [--vrps FILE] [--pdb FILE] [--ixlan FILE] [--tls CERT KEY] [--429 N]
 *                [--retry-after S] [--status CODE] [--slow MS] [--huge BYTES]
 *
 * Serves /vrps.json (FILE; with --huge, that many bytes of filler) and a
 * PeeringDB-like /api/net from FILE ({"data": [net, ...]}) that behaves as
 * PeeringDB's API does for what ixp-rsc asks: the filters asn, asn__in and
 * info_never_via_route_servers (all of them must match), `fields` (only the
 * named fields of each record), and `limit`/`skip` pages; any other query
 * parameter is answered with 400 and {"meta": {"error": ...}} (PeeringDB
 * knows many more filters; this fixture does not); /api/ixlan/ID?depth=2
 * answers FILE (an ixlan answer) when ID is its data[0].id, else 404. The
 * first N requests
 * get "429 Too Many Requests" with Retry-After: 1 (or S); with --status
 * every request gets that status; with --huge every answer
 * is that many bytes of filler. Every request (and its Authorization
 * header) is printed to stdout after "READY <port>".
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <jansson.h>
#include <microhttpd.h>

static char *vrps_body;
static size_t vrps_len;
static json_t *pdb;
static char *ixlan_body;
static size_t ixlan_len;
static long long ixlan_id;
static unsigned left_429, slow_ms, status_all;
static const char *retry_after = "1";
static size_t huge;

static char *
slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *d;
	long n;

	if (f == NULL) {
		perror(path);
		exit(1);
	}
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	rewind(f);
	d = malloc((size_t)n + 1);
	*len = fread(d, 1, (size_t)n, f);
	d[*len] = '\0';
	fclose(f);
	return d;
}

static enum MHD_Result
reply(struct MHD_Connection *c, unsigned status, const char *body, size_t len,
    enum MHD_ResponseMemoryMode mode)
{
	struct MHD_Response *r = MHD_create_response_from_buffer(len, (void *)body, mode);
	enum MHD_Result ret;

	MHD_add_response_header(r, "Content-Type", "application/json");
	if (status == 429)
		MHD_add_response_header(r, "Retry-After", retry_after);
	ret = MHD_queue_response(c, status, r);
	MHD_destroy_response(r);
	return ret;
}

static int
asn_listed(const char *list, json_int_t asn)
{
	char tmp[32];
	int n = snprintf(tmp, sizeof(tmp), "%lld", (long long)asn);
	const char *p = list;

	while ((p = strstr(p, tmp)) != NULL) {
		if ((p == list || p[-1] == ',') && (p[n] == ',' || p[n] == '\0'))
			return 1;
		p += n;
	}
	return 0;
}

static enum MHD_Result
print_arg(void *cls, enum MHD_ValueKind kind, const char *key, const char *value)
{
	char *sep = cls;

	(void)kind;
	printf("%c%s=%s", *sep, key, value ? value : "");
	*sep = '&';
	return MHD_YES;
}

static enum MHD_Result
known_arg(void *cls, enum MHD_ValueKind kind, const char *key, const char *value)
{
	static const char *const known[] = { "asn", "asn__in", "info_never_via_route_servers",
	    "fields", "limit", "skip", "depth" };
	(void)kind; (void)value;
	for (size_t i = 0; i < sizeof(known) / sizeof(*known); i++)
		if (!strcmp(key, known[i]))
			return MHD_YES;
	*(int *)cls = 1;
	return MHD_YES;
}

/* The record with only the named fields (all of them without `fields`). */
static json_t *
select_fields(json_t *rec, const char *fields)
{
	json_t *o;
	const char *key;
	json_t *v;

	if (fields == NULL)
		return json_incref(rec);
	o = json_object();
	json_object_foreach(rec, key, v) {
		size_t n = strlen(key);
		const char *p = fields;
		while ((p = strstr(p, key)) != NULL) {
			if ((p == fields || p[-1] == ',') && (p[n] == ',' || p[n] == '\0')) {
				json_object_set(o, key, v);
				break;
			}
			p += n;
		}
	}
	return o;
}

static enum MHD_Result
handler(void *cls, struct MHD_Connection *c, const char *url, const char *method,
    const char *version, const char *upload, size_t *upload_len, void **state)
{
	(void)cls; (void)version; (void)upload; (void)upload_len; (void)state;
	{
		const char *auth = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Authorization");
		char sep = '?';
		printf("%s %s", method, url);
		MHD_get_connection_values(c, MHD_GET_ARGUMENT_KIND, print_arg, &sep);
		printf("%s%s\n", auth ? " AUTH " : "", auth ? auth : "");
		fflush(stdout);
	}
	if (slow_ms) {
		struct timespec ts = { slow_ms / 1000, (long)(slow_ms % 1000) * 1000000 };
		nanosleep(&ts, NULL);
	}
	if (left_429 > 0) {
		left_429--;
		return reply(c, 429, "{}", 2, MHD_RESPMEM_PERSISTENT);
	}
	if (status_all)
		return reply(c, status_all, "{\"meta\": {\"error\": \"broken\"}}", 30,
		    MHD_RESPMEM_PERSISTENT);
	if (huge > 0) {
		char *b = malloc(huge);
		memset(b, ' ', huge);
		return reply(c, 200, b, huge, MHD_RESPMEM_MUST_FREE);
	}
	if (strcmp(url, "/vrps.json") == 0) {
		if (vrps_body != NULL)
			return reply(c, 200, vrps_body, vrps_len, MHD_RESPMEM_PERSISTENT);
	}
	if (strncmp(url, "/api/ixlan/", 11) == 0 && ixlan_body != NULL) {
		const char *depth = MHD_lookup_connection_value(c, MHD_GET_ARGUMENT_KIND, "depth");
		static const char nf[] = "{\"meta\": {\"error\": \"Not found\"}, \"data\": []}";
		if (atoll(url + 11) == ixlan_id && depth != NULL && !strcmp(depth, "2"))
			return reply(c, 200, ixlan_body, ixlan_len, MHD_RESPMEM_PERSISTENT);
		return reply(c, 404, nf, sizeof(nf) - 1, MHD_RESPMEM_PERSISTENT);
	}
	if (strcmp(url, "/api/net") == 0 && pdb != NULL) {
		const char *in = MHD_lookup_connection_value(c, MHD_GET_ARGUMENT_KIND, "asn__in");
		const char *one = MHD_lookup_connection_value(c, MHD_GET_ARGUMENT_KIND, "asn");
		const char *never = MHD_lookup_connection_value(c, MHD_GET_ARGUMENT_KIND,
		    "info_never_via_route_servers");
		const char *fields = MHD_lookup_connection_value(c, MHD_GET_ARGUMENT_KIND, "fields");
		const char *limit = MHD_lookup_connection_value(c, MHD_GET_ARGUMENT_KIND, "limit");
		const char *skip = MHD_lookup_connection_value(c, MHD_GET_ARGUMENT_KIND, "skip");
		long lim = limit ? atol(limit) : 0, sk = skip ? atol(skip) : 0, seen = 0;
		json_t *out = json_object(), *data = json_array(), *e;
		size_t i;
		char *s;
		int bad = 0;

		MHD_get_connection_values(c, MHD_GET_ARGUMENT_KIND, known_arg, &bad);
		if (bad) {
			static const char msg[] = "{\"meta\": {\"error\": \"unknown filter\"}, \"data\": []}";
			return reply(c, 400, msg, sizeof(msg) - 1, MHD_RESPMEM_PERSISTENT);
		}
		json_array_foreach(json_object_get(pdb, "data"), i, e) {
			json_int_t asn = json_integer_value(json_object_get(e, "asn"));
			int is_never = json_is_true(json_object_get(e, "info_never_via_route_servers"));
			if ((in && !asn_listed(in, asn)) || (one && atoll(one) != asn) ||
			    (never && is_never != (!strcmp(never, "1") || !strcmp(never, "true") ||
			    !strcmp(never, "True"))))
				continue;
			if (seen++ < sk || (lim > 0 && (long)json_array_size(data) >= lim))
				continue;
			json_array_append_new(data, select_fields(e, fields));
		}
		json_object_set_new(out, "data", data);
		json_object_set_new(out, "meta", json_object());
		s = json_dumps(out, JSON_COMPACT);
		json_decref(out);
		return reply(c, 200, s, strlen(s), MHD_RESPMEM_MUST_FREE);
	}
	return reply(c, 404, "{\"error\":\"not found\"}", 21, MHD_RESPMEM_PERSISTENT);
}

int
main(int argc, char **argv)
{
	unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_ERROR_LOG;
	char *cert = NULL, *key = NULL;
	size_t len;
	struct MHD_Daemon *d;
	const union MHD_DaemonInfo *info;

	signal(SIGPIPE, SIG_IGN);
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--vrps") && i + 1 < argc)
			vrps_body = slurp(argv[++i], &vrps_len);
		else if (!strcmp(argv[i], "--ixlan") && i + 1 < argc) {
			json_t *j;
			ixlan_body = slurp(argv[++i], &ixlan_len);
			j = json_loadb(ixlan_body, ixlan_len, 0, NULL);
			ixlan_id = json_integer_value(json_object_get(json_array_get(
			    json_object_get(j, "data"), 0), "id"));
			json_decref(j);
		} else if (!strcmp(argv[i], "--pdb") && i + 1 < argc) {
			char *t = slurp(argv[++i], &len);
			pdb = json_loadb(t, len, 0, NULL);
			free(t);
		} else if (!strcmp(argv[i], "--tls") && i + 2 < argc) {
			cert = slurp(argv[++i], &len);
			key = slurp(argv[++i], &len);
			flags |= MHD_USE_TLS;
		} else if (!strcmp(argv[i], "--429") && i + 1 < argc)
			left_429 = (unsigned)atoi(argv[++i]);
		else if (!strcmp(argv[i], "--retry-after") && i + 1 < argc)
			retry_after = argv[++i];
		else if (!strcmp(argv[i], "--status") && i + 1 < argc)
			status_all = (unsigned)atoi(argv[++i]);
		else if (!strcmp(argv[i], "--slow") && i + 1 < argc)
			slow_ms = (unsigned)atoi(argv[++i]);
		else if (!strcmp(argv[i], "--huge") && i + 1 < argc)
			huge = (size_t)atol(argv[++i]);
		else {
			fprintf(stderr, "http_fixture: unknown argument %s\n", argv[i]);
			return 2;
		}
	}
	if (cert != NULL)
		d = MHD_start_daemon(flags, 0, NULL, NULL, handler, NULL,
		    MHD_OPTION_HTTPS_MEM_CERT, cert, MHD_OPTION_HTTPS_MEM_KEY, key, MHD_OPTION_END);
	else
		d = MHD_start_daemon(flags, 0, NULL, NULL, handler, NULL, MHD_OPTION_END);
	if (d == NULL) {
		fprintf(stderr, "http_fixture: cannot start\n");
		return 1;
	}
	info = MHD_get_daemon_info(d, MHD_DAEMON_INFO_BIND_PORT);
	printf("READY %u\n", info ? info->port : 0);
	fflush(stdout);
	for (;;)
		pause();
}
