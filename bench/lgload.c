/*
 * bench/lgload: load for the looking-glass benchmark.
 *
 *   lgload http PORT PATH SECONDS CONCURRENCY
 *       GET http://127.0.0.1:PORT/PATH from CONCURRENCY clients for SECONDS
 *       (a new connection per request, as browsers and Alice-LG mostly do)
 *   lgload bird SOCKET COUNT COMMAND
 *       the same command COUNT times on one restricted session of BIRD
 *
 * Prints "requests  requests/s  p50_ms  p99_ms  errors".
 */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "birdc.h"
#include "clock.h"

struct worker {
	pthread_t	 t;
	int		 port;
	const char	*path;
	int64_t		 until;
	double		*lat;
	size_t		 n, cap, errors;
};

static int
one_request(int port, const char *path)
{
	struct sockaddr_in sa;
	char buf[65536];
	int fd = socket(AF_INET, SOCK_STREAM, 0), status = 0;
	size_t got = 0;
	ssize_t r;

	if (fd < 0)
		return -1;
	memset(&sa, 0, sizeof(sa));
	sa.sin_family = AF_INET;
	sa.sin_port = htons((uint16_t)port);
	sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	if (connect(fd, (struct sockaddr *)&sa, sizeof(sa)) != 0) {
		close(fd);
		return -1;
	}
	snprintf(buf, sizeof(buf), "GET %s HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n",
	    path);
	if (write(fd, buf, strlen(buf)) < 0) {
		close(fd);
		return -1;
	}
	while ((r = read(fd, buf, sizeof(buf))) > 0) {
		if (got == 0 && r > 12)
			status = atoi(buf + 9);
		got += (size_t)r;
	}
	close(fd);
	return status;
}

/* A microsecond clock: BIRD answers in well under a millisecond. */
static double
now_us(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e6 + (double)ts.tv_nsec / 1e3;
}

static void *
run(void *arg)
{
	struct worker *w = arg;

	while (clock_ms() < w->until) {
		double t0 = now_us();
		int st = one_request(w->port, w->path);
		double ms = (now_us() - t0) / 1000.0;
		if (st != 200) {
			w->errors++;
			continue;
		}
		if (w->n == w->cap) {
			w->cap = w->cap ? w->cap * 2 : 1024;
			w->lat = realloc(w->lat, w->cap * sizeof(double));
		}
		w->lat[w->n++] = ms;
	}
	return NULL;
}

static int
cmp_d(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

static void
report(double *lat, size_t n, double secs, size_t errors)
{
	qsort(lat, n, sizeof(double), cmp_d);
	printf("%zu %.1f %.2f %.2f %zu\n", n, secs > 0 ? (double)n / secs : 0,
	    n ? lat[n / 2] : 0, n ? lat[(n * 99) / 100] : 0, errors);
}

static int
count_line(void *ctx, int code, const char *text, size_t len)
{
	(void)code;
	(void)text;
	*(size_t *)ctx += len;
	return 0;
}

int
main(int argc, char **argv)
{
	if (argc == 6 && !strcmp(argv[1], "http")) {
		int conc = atoi(argv[5]);
		double secs = atof(argv[4]);
		struct worker *w = calloc((size_t)conc, sizeof(*w));
		double *all = NULL;
		size_t n = 0, errors = 0;
		int64_t t0 = clock_ms();

		for (int i = 0; i < conc; i++) {
			w[i].port = atoi(argv[2]);
			w[i].path = argv[3];
			w[i].until = t0 + (int64_t)(secs * 1000);
			pthread_create(&w[i].t, NULL, run, &w[i]);
		}
		for (int i = 0; i < conc; i++) {
			pthread_join(w[i].t, NULL);
			all = realloc(all, (n + w[i].n + 1) * sizeof(double));
			memcpy(all + n, w[i].lat, w[i].n * sizeof(double));
			n += w[i].n;
			errors += w[i].errors;
			free(w[i].lat);
		}
		report(all, n, (double)(clock_ms() - t0) / 1000.0, errors);
		free(all);
		free(w);
		return 0;
	}
	if (argc == 5 && !strcmp(argv[1], "bird")) {
		struct bird_sess s;
		struct bird_result res;
		int count = atoi(argv[3]);
		double *lat = calloc((size_t)count + 1, sizeof(double)), t0 = now_us();
		char err[200];
		size_t bytes = 0, errors = 0;

		if (bird_open(&s, argv[2], clock_ms() + 5000, err, sizeof(err)) != BS_OK) {
			fprintf(stderr, "lgload: %s\n", err);
			return 1;
		}
		for (int i = 0; i < count; i++) {
			double t = now_us();
			bird_cmd(&s, argv[4], clock_ms() + 60000, 0, count_line, &bytes, &res);
			if (res.status != BS_OK)
				errors++;
			lat[i] = (now_us() - t) / 1000.0;
		}
		bird_close(&s);
		report(lat, (size_t)count, (now_us() - t0) / 1e6, errors);
		free(lat);
		return 0;
	}
	fprintf(stderr, "usage: lgload http PORT PATH SECONDS CONCURRENCY\n"
	    "       lgload bird SOCKET COUNT COMMAND\n");
	return 2;
}
