/*
 * JSON input (VRP exports, SLURM, PeeringDB): jansson for every value, but
 * the big arrays of a document's top-level object handed over one element
 * at a time, so half a million ROAs or a full PeeringDB dump never exist as
 * one tree. Duplicate keys are refused at every level: last-wins would let
 * {"prefix": "198.51.100.0/24", "prefix": "0.0.0.0/0"} through. Errors carry
 * the file, line and column.
 */
#ifndef IXP_JSTREAM_H
#define IXP_JSTREAM_H

#include <stddef.h>

#include <jansson.h>

#include "diag.h"

typedef void (*jstream_cb)(json_t *elem, void *ctx);

struct jstream_array {
	const char	*name;		/* NULL ends the list */
	jstream_cb	 cb;		/* each element, freed after the call */
	size_t		 count;		/* out: elements; (size_t)-1 when absent */
};

/*
 * Read `data` as one JSON object. Members listed in `arrays` are streamed
 * to their callback when they are arrays (and marked `true` in the result);
 * the others are returned as an object (the caller decrefs it). NULL after
 * an error reported through `d`.
 */
json_t	*jstream_object(const char *data, size_t len, const char *name,
	    struct jstream_array *arrays, void *ctx, struct diag *d);
/* A whole small document (duplicates refused). NULL after an error. */
json_t	*jstream_load(const char *data, size_t len, const char *name, struct diag *d);

#endif
