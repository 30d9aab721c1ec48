/*
 * libFuzzer target: the HTTP request layer of ixp-lg, as both the server
 * and the CGI mode use it: the raw request (method and URI, up to its
 * length limit) through lg_answer to a complete response, with a route
 * server whose socket does not exist (every page that needs BIRD answers
 * its error), and the X-Forwarded-For header a trusted proxy passes.
 * Input: one byte for the method, the URI up to '\n', then the header.
 * Invariants: a status from 200 to 599 with a content type; every JSON
 * answer (API, birdwatcher) is valid JSON; no body holds a control
 * character other than tab, CR and newline.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "lgserver.h"
#include "lgview.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct lg_app app;

static void
setup(void)
{
	struct lg_options opt = { 200, 1000, 30000, 5000, 1u << 20, 0 };
	char err[200];

	memset(&app, 0, sizeof(app));
	app.version = "fuzz";
	lg_init(&app.core, &opt);
	if (!lg_add_rs(&app.core, "rs1=/nonexistent/ixp-lg-fuzz.ctl", err, sizeof(err)))
		abort();
	lg_reasons_builtin(&app.reasons);
	snprintf(app.title, sizeof(app.title), "Fuzz-IX");
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const methods[] = { "GET", "HEAD", "POST", "PUT", "OPTIONS" };
	struct lg_response resp;
	struct lg_addr addr;
	char *s, *nl, *xff = NULL;

	if (app.version == NULL)
		setup();
	if (size == 0)
		return 0;
	s = malloc(size);
	memcpy(s, data + 1, size - 1);
	s[size - 1] = '\0';
	if ((nl = strchr(s, '\n')) != NULL) {
		*nl = '\0';
		xff = nl + 1;
	}
	lg_response_init(&resp);
	lg_answer(&app, methods[data[0] % 5], s, &resp);
	if (resp.status < 200 || resp.status > 599 || resp.ctype == NULL)
		abort();
	for (size_t i = 0; i < resp.body.len; i++) {
		unsigned char c = (unsigned char)resp.body.p[i];
		if (c < 0x20 && c != '\t' && c != '\n' && c != '\r')
			abort();
	}
	if (strstr(resp.ctype, "json") != NULL) {
		json_error_t e;
		json_t *j = json_loadb(resp.body.p ? resp.body.p : "", resp.body.len, 0, &e);
		if (j == NULL)
			abort();
		json_decref(j);
	}
	lg_response_free(&resp);
	if (xff != NULL)
		lg_forwarded_for(xff, &addr);
	free(s);
	return 0;
}
