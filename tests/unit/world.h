/*
 * A small IXP built in memory for the model, explain and emitter tests:
 * YAML text, RPSL text and VRP JSON in, a model out. Included by each test
 * file after testutil.h.
 */
#ifndef IXP_TEST_WORLD_H
#define IXP_TEST_WORLD_H

#include "model.h"
#include "previous.h"
#include "yaml_load.h"

struct world {
	struct config	 c;
	struct irrdb	 irr;
	struct vrpset	 v;
	struct pdb	 pdb;
	struct model	 mo;
	struct capture	 cap;
};

/* The YAML is head + members; `vrps` NULL: no VRP file; `prev` may be NULL;
 * `pdb` NULL: no PeeringDB data, else a PeeringDB answer. */
static inline void
world_build_pdb(struct world *w, const char *head, const char *members, const char *irr_text,
    const char *vrps, const struct previous *prev, const char *pdb)
{
	struct buf y = BUF_INIT;

	buf_printf(&y, "%s%s", head, members);
	capture_begin(&w->cap);
	if (yaml_load_config_mem(y.p, y.len, "t.yaml", ".", &w->c, &w->cap.d) != 0)
		fail_msg("YAML rejected:\n%s", capture_text(&w->cap));
	buf_free(&y);
	irrdb_init(&w->irr, NULL, 0);
	irrdb_load_mem(&w->irr, irr_text, strlen(irr_text));
	irrdb_finalize(&w->irr);
	memset(&w->v, 0, sizeof(w->v));
	if (vrps != NULL) {
		assert_int_equal(vrp_load_mem(&w->v, vrps, strlen(vrps), "v.json", 1800000000, 0,
		    &w->cap.d), 0);
		vrp_finalize(&w->v);
	}
	memset(&w->pdb, 0, sizeof(w->pdb));
	if (pdb != NULL) {
		assert_int_equal(pdb_parse(&w->pdb, pdb, strlen(pdb), "pdb.json", &w->cap.d), 0);
		pdb_finalize(&w->pdb);
	}
	{
		struct model_inputs in = { &w->irr, vrps ? &w->v : NULL, pdb ? &w->pdb : NULL, prev,
		    NULL, 0, false };
		model_build(&w->mo, &w->c, &in, &w->cap.d);
	}
}

static inline void
world_build_from(struct world *w, const char *head, const char *members, const char *irr_text,
    const char *vrps, const struct previous *prev)
{
	world_build_pdb(w, head, members, irr_text, vrps, prev, NULL);
}

static inline void
world_free(struct world *w)
{
	model_free(&w->mo);
	vrp_free(&w->v);
	pdb_free(&w->pdb);
	irrdb_free(&w->irr);
	config_free(&w->c);
	capture_end(&w->cap);
}

#endif
