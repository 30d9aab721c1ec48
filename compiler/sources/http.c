#include "http.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include <curl/curl.h>

#include "clock.h"

struct sink {
	struct buf	*body;
	size_t		 max;
	int		 too_big;
};

static size_t
on_data(char *p, size_t size, size_t nmemb, void *ctx)
{
	struct sink *s = ctx;
	size_t n = size * nmemb;

	if (s->body->len + n > s->max) {
		s->too_big = 1;
		return 0;	/* makes libcurl abort the transfer */
	}
	buf_add(s->body, p, n);
	return n;
}

int
http_is_url(const char *s)
{
	return strncmp(s, "http://", 7) == 0 || strncmp(s, "https://", 8) == 0;
}

int
http_get(const char *url, const struct http_opts *o, struct buf *body, char *err,
    size_t errlen)
{
	static int initialised;
	struct curl_slist *hdrs = NULL;
	char cerr[CURL_ERROR_SIZE];
	unsigned tries = 0;
	int ret = -1;

	if (!initialised) {
		curl_global_init(CURL_GLOBAL_DEFAULT);
		initialised = 1;
	}
	if (o->header != NULL)
		hdrs = curl_slist_append(hdrs, o->header);
	for (;;) {
		CURL *h;
		struct sink s = { body, o->max_bytes, 0 };
		long status = 0, timeout_ms = o->timeout_s * 1000;
		curl_off_t retry_after = 0;
		CURLcode rc;

		if (o->deadline_ms) {
			long left = (long)(o->deadline_ms - clock_ms());
			if (left <= 0) {
				snprintf(err, errlen, "%s: no complete answer before the source's "
				    "deadline", url);
				break;
			}
			if (left < timeout_ms)
				timeout_ms = left;
		}
		h = curl_easy_init();
		if (h == NULL) {
			snprintf(err, errlen, "%s: cannot start a transfer (out of memory?)", url);
			break;
		}
		buf_reset(body);
		cerr[0] = '\0';
		curl_easy_setopt(h, CURLOPT_URL, url);
		curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "http,https");
		curl_easy_setopt(h, CURLOPT_REDIR_PROTOCOLS_STR, "https");
		curl_easy_setopt(h, CURLOPT_FOLLOWLOCATION, 1L);
		curl_easy_setopt(h, CURLOPT_MAXREDIRS, 3L);
		curl_easy_setopt(h, CURLOPT_SSL_VERIFYPEER, 1L);
		curl_easy_setopt(h, CURLOPT_SSL_VERIFYHOST, 2L);
		if (o->ca_file)
			curl_easy_setopt(h, CURLOPT_CAINFO, o->ca_file);
		curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, timeout_ms);
		curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT, o->connect_timeout_s);
		curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
		curl_easy_setopt(h, CURLOPT_USERAGENT, "ixp-rsc");
		curl_easy_setopt(h, CURLOPT_ACCEPT_ENCODING, "");
		curl_easy_setopt(h, CURLOPT_HTTPHEADER, hdrs);
		curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, on_data);
		curl_easy_setopt(h, CURLOPT_WRITEDATA, &s);
		curl_easy_setopt(h, CURLOPT_ERRORBUFFER, cerr);
		rc = curl_easy_perform(h);
		curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &status);
		curl_easy_getinfo(h, CURLINFO_RETRY_AFTER, &retry_after);
		curl_easy_cleanup(h);

		if (s.too_big) {
			snprintf(err, errlen, "%s: answer larger than %zu bytes", url, o->max_bytes);
			break;
		}
		if (rc != CURLE_OK) {
			snprintf(err, errlen, "%s: %s", url, cerr[0] ? cerr : curl_easy_strerror(rc));
			break;
		}
		if (status == 429 && tries < o->max_429) {
			/* Rate limited: wait as asked, then again; a wait longer
			 * than max_backoff_s, or past the deadline, is not worth it. */
			long wait = retry_after > 0 ? (long)retry_after : 1L << tries;
			bool past = o->deadline_ms && clock_ms() + wait * 1000 >= o->deadline_ms;
			struct timespec ts = { wait, 0 };
			if (wait > o->max_backoff_s || past) {
				snprintf(err, errlen, "%s: HTTP status 429, rate limited for %ld s (set "
				    "an API key, or run later)", url, wait);
				break;
			}
			nanosleep(&ts, NULL);
			tries++;
			continue;
		}
		if (status != 200) {
			snprintf(err, errlen, "%s: HTTP status %ld%s", url, status,
			    status == 429 ? " (rate limited; set an API key)" : "");
			break;
		}
		ret = 0;
		break;
	}
	curl_slist_free_all(hdrs);
	return ret;
}
