/*
 * The hand-written BIRD functions of policies/, embedded at build time
 * (tools/embed.c generates the definitions).
 */
#ifndef IXP_POLICIES_H
#define IXP_POLICIES_H

extern const char policies_rs_functions_bird[];
extern const char policies_forbidden_traffic_json[];

#endif
