/*
 * Atomic output: every file of a run is staged (staged.h: a random name
 * created exclusively in the output directory, flushed and fsynced); only
 * when all of them are written (and checked) are they renamed into place.
 * A failed or interrupted run leaves the previous contents untouched.
 */
#ifndef IXP_OUTDIR_H
#define IXP_OUTDIR_H

#include <stdbool.h>
#include <stddef.h>

#include "buf.h"

struct outfile {
	char	*name;		/* file name inside the directory */
	char	*data;		/* owned */
	size_t	 len;
	char	*tmp;		/* temporary path once staged */
	bool	 keep;		/* what the directory holds already: never written */
};

struct outset {
	struct outfile	*v;
	size_t		 n;
	char		*dir;
};

void	outset_init(struct outset *o, const char *dir);
/* Takes ownership of `data` (malloc'ed). */
void	outset_add(struct outset *o, const char *name, char *data, size_t len);
/* The same with the contents of `b`, which is left empty. */
void	outset_add_buf(struct outset *o, const char *name, struct buf *b);
/* Move every file of `from` (not staged yet) to the end of `o`; `from` is
 * left empty. */
void	outset_take(struct outset *o, struct outset *from);
/* Write the temporary files. Returns 0, or -1 with `err` (nothing left). */
int	outset_stage(struct outset *o, char *err, size_t errlen);
/* Rename staged files into place and sync the directory. */
int	outset_commit(struct outset *o, char *err, size_t errlen);
/* The same for file i alone (deploy installs each config once BIRD runs it). */
int	outset_commit_one(struct outset *o, size_t i, char *err, size_t errlen);
/*
 * Hold `dir` (created if missing) for this process: flock on the directory,
 * released at exit. Returns the descriptor, or -1 with `err` when another
 * compile or deploy holds it.
 */
int	outdir_lock(const char *dir, char *err, size_t errlen);
/*
 * Does file i differ from what the directory holds under its name (missing:
 * yes)? Lines starting with `ignore` (the generation time) do not count.
 */
bool	outset_differs(const struct outset *o, size_t i, const char *ignore);
/* Leave file `i` as it is on disk: its staged copy is dropped, or it is
 * not staged at all. */
void	outset_keep(struct outset *o, size_t i);
/* The files written: all but the kept ones. */
size_t	outset_written(const struct outset *o);
/* Remove staged files; safe to call at any time. */
void	outset_abort(struct outset *o);
void	outset_free(struct outset *o);

#endif
