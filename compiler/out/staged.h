/*
 * Staged files: a file is written under a temporary name in its final
 * directory and renamed into place only when complete. The temporary name
 * is random and created exclusively (mkostemp: O_CREAT|O_EXCL), so a link
 * planted in a writable directory is never followed or replaced; and every
 * staged file still on disk is removed when the process ends, also on
 * SIGINT, SIGTERM and SIGHUP (staged_on_signals), so an interrupted run
 * leaves nothing behind.
 */
#ifndef IXP_STAGED_H
#define IXP_STAGED_H

#include <stddef.h>
#include <sys/types.h>

#define STAGED_MAX 256		/* staged at once per process */

/*
 * Create a staged file for `dir`/`name`, write `data`, fsync, close, set
 * `mode`. Returns its path (the caller passes it to staged_install or
 * staged_discard, which free it), or NULL with `err` (nothing left).
 */
char	*staged_write(const char *dir, const char *name, const char *data, size_t len,
	    mode_t mode, char *err, size_t errlen);
/* Rename into `dir`/`name`. 0, or -1 with `err` (the staged file is removed). */
int	staged_install(char *path, const char *dir, const char *name, char *err,
	    size_t errlen);
/* Remove a staged file. */
void	staged_discard(char *path);
/*
 * Remove every staged file when one of these signals arrives, and kill the
 * process group of the child set by staged_child (a checker such as bird
 * -p), then die of the signal as usual; and at exit().
 */
void	staged_on_signals(void);
void	staged_child(pid_t pgid);	/* 0: none */
/* fsync a directory after renames into it. */
void	staged_sync_dir(const char *dir);

#endif
