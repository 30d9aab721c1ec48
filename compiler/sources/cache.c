#include "cache.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"
#include "fileio.h"
#include "staged.h"
#include "xalloc.h"

void
cache_key(char *dst, size_t dstlen, const char *kind, const char *what, const char *ext)
{
	size_t n = (size_t)snprintf(dst, dstlen, "%s-", kind);
	size_t tail = 1 + 8 + 1 + strlen(ext) + 1;	/* "-hash.ext" and the NUL */
	uint32_t h = 2166136261u;

	for (const char *p = what; *p && n + tail < dstlen; p++) {
		char ch = *p;
		dst[n++] = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
		    (ch >= '0' && ch <= '9') || ch == '.' || ch == '-' ? ch : '_';
	}
	/* Different URLs that sanitise alike must not share a file. */
	for (const char *p = what; *p; p++) {
		h ^= (unsigned char)*p;
		h *= 16777619u;
	}
	snprintf(dst + n, dstlen - n, "-%08x.%s", h, ext);
}

int
cache_put(const char *dir, const char *key, const char *data, size_t len, char *err,
    size_t errlen)
{
	char *tmp;

	if (mkdir(dir, 0750) != 0 && errno != EEXIST) {
		snprintf(err, errlen, "%s: cannot create: %s", dir, strerror(errno));
		return -1;
	}
	if ((tmp = staged_write(dir, key, data, len, 0640, err, errlen)) == NULL)
		return -1;
	return staged_install(tmp, dir, key, err, errlen);
}

char *
cache_get(const char *dir, const char *key, size_t max, size_t *len, long *age)
{
	struct buf path = BUF_INIT;
	char *data;

	buf_printf(&path, "%s/%s", dir, key);
	data = file_read(path.p, max, true, len, age);
	buf_free(&path);
	return data;
}

long
cache_age(const char *dir, const char *key)
{
	struct buf path = BUF_INIT;
	struct stat st;
	long age = -1;

	buf_printf(&path, "%s/%s", dir, key);
	if (stat(path.p, &st) == 0 && S_ISREG(st.st_mode)) {
		age = (long)(time(NULL) - st.st_mtime);
		if (age < 0)
			age = 0;
	}
	buf_free(&path);
	return age;
}
