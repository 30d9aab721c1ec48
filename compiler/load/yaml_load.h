/*
 * Member YAML (schema version 1) -> struct config. The only module that
 * includes libyaml.
 */
#ifndef IXP_YAML_LOAD_H
#define IXP_YAML_LOAD_H

#include <stdbool.h>
#include <stddef.h>

#include "config.h"
#include "diag.h"

/*
 * Limits on the document, enforced while libyaml produces events, so that a
 * hostile file costs time and memory in proportion to its size (libyaml's
 * scanner is quadratic in the flow nesting depth). The schema needs about
 * eight levels and a few dozen nodes per member. docs/limits.md lists them.
 */
#define YAML_MAX_FILE	(64u * 1024 * 1024)	/* refused before parsing */
#define YAML_MAX_DEPTH	64u			/* nested lists and mappings */
#define YAML_MAX_NODES	1000000u		/* scalars, lists, mappings */
#define YAML_MAX_SCALAR	(64u * 1024)		/* bytes of one value */

/*
 * Load and validate. Every problem is reported through `d`; returns 0 when
 * none was an error, -1 otherwise (then *c is released). Relative paths in
 * the YAML are resolved against the YAML file's directory.
 */
int	yaml_load_config(const char *path, struct config *c, struct diag *d);
/* Same from memory; `name` is used in messages, `basedir` for paths. */
int	yaml_load_config_mem(const char *data, size_t len, const char *name,
	    const char *basedir, struct config *c, struct diag *d);

/*
 * Every key of the schema, in table order: its path ("policy.irr.max_depth",
 * "members[].connections[].md5"), its default as docs/configuration.md
 * states it (a YAML value; NULL: none or not a plain value), whether it
 * is IXP-wide only, required, and under members[]. For the tests that hold
 * the documentation and the defaults to the tables.
 */
struct yaml_key_info {
	const char	*path;
	const char	*dflt;
	bool		 ixp_only;
	bool		 required;
	bool		 member;
};
void	yaml_schema_keys(void (*fn)(const struct yaml_key_info *k, void *ctx), void *ctx);

#endif
