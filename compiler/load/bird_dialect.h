/*
 * What each BIRD release accepts and expects, by ixp.bird.version. Every
 * version gate of the emitted config is in the table in bird_dialect.c and
 * nowhere else: the loader puts the dialect in the config, the model and
 * the emitters read it there.
 *
 * A config for version V loads with no warning in every BIRD release R >= V
 * that has the same dialect: "2.0" in 2.0 to 2.13, "2.17" in 2.17 and later
 * 2.x, "3.1" in 3.1 and later. 2.x and 3.x never share one: their grammars
 * differ.
 */
#ifndef IXP_BIRD_DIALECT_H
#define IXP_BIRD_DIALECT_H

#include <stdbool.h>
#include <stddef.h>

struct bird_dialect {
	bool	 typed_returns;		/* function f() -> bool; untyped ones warn */
	bool	 aspa;			/* aspa tables and aspa_check, static and RTR */
	bool	 restricted_cli;	/* cli "path" { restrict } */
	bool	 cli_semicolon;		/* ... written { restrict; } (BIRD 3; BIRD 2
					 * refuses the semicolon its manual shows) */
	bool	 tcp_auth;		/* `authentication md5` beside a BGP password;
					 * without it BIRD warns it assumes MD5 */
};

void	bird_dialect_of(unsigned major, unsigned minor, struct bird_dialect *d);
bool	bird_dialect_equal(const struct bird_dialect *a, const struct bird_dialect *b);
/* Does a config for `major.minor` load warning-free in release `rmaj.rmin`? */
bool	bird_dialect_admits(unsigned major, unsigned minor, unsigned rmaj, unsigned rmin);
/* Since when BIRD has `feature` ("2.16 or later"), for messages. */
const char *bird_dialect_since(size_t feature_offset);

#define BIRD_FEATURE(f)	offsetof(struct bird_dialect, f)

#endif
