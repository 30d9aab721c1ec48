/*
 * Reading whole input files safely: regular files only (a FIFO or device
 * would block or never end), size-capped before anything is allocated,
 * optionally without following a symbolic link.
 */
#ifndef IXP_FILEIO_H
#define IXP_FILEIO_H

#include <stdbool.h>
#include <stddef.h>

/*
 * A whole regular file of at most `max` bytes, NUL-terminated, and its age
 * in seconds. NULL with errno set on failure: EFBIG when larger, EISDIR
 * when not a regular file (a FIFO or device is never opened for reading,
 * so it cannot block or stream forever), ELOOP for a symbolic link when
 * `nofollow`. The caller frees the data.
 */
char	*file_read(const char *path, size_t max, bool nofollow, size_t *len, long *age);

#endif
