#include "fileio.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "xalloc.h"

char *
file_read(const char *path, size_t max, bool nofollow, size_t *len, long *age)
{
	struct stat st;
	char *data;
	size_t got = 0;
	int fd, e;

	fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | (nofollow ? O_NOFOLLOW : 0));
	if (fd < 0)
		return NULL;
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || (uint64_t)st.st_size > max) {
		e = S_ISREG(st.st_mode) ? EFBIG : EISDIR;
		close(fd);
		errno = e;
		return NULL;
	}
	data = xmalloc((size_t)st.st_size + 1);
	/* Read what is there, up to the size seen: a file growing meanwhile
	 * is read as it was. */
	while (got < (size_t)st.st_size) {
		ssize_t n = read(fd, data + got, (size_t)st.st_size - got);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			e = n < 0 ? errno : 0;
			if (n < 0) {
				free(data);
				close(fd);
				errno = e;
				return NULL;
			}
			break;
		}
		got += (size_t)n;
	}
	close(fd);
	data[got] = '\0';
	*len = got;
	*age = (long)(time(NULL) - st.st_mtime);
	if (*age < 0)
		*age = 0;
	return data;
}
