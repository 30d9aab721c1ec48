#!/bin/sh
# make lg-demo: the looking glass on a live route server, to click through.
# Starts the looking-glass test IXP (tests/lg: a route server compiled by
# ixp-rsc and two members sending accepted and filtered routes, in network
# namespaces) and serves ixp-lg on LG_DEMO_LISTEN (default 127.0.0.1:8080)
# until Ctrl-C, then removes everything it started. Needs root.
cd "$(dirname "$0")/.."
. tests/lib.sh
. tests/netns.sh
if [ "$(id -u)" -ne 0 ]; then
	echo "lg-demo: needs root (it builds a small IXP in network namespaces)" >&2
	exit 1
fi
listen=${LG_DEMO_LISTEN:-127.0.0.1:8080}
ns_init
. tests/lg/env.sh
echo "lg-demo: starting a route server and two members ..."
lg_env_up || { echo "lg-demo: the demo IXP did not start" >&2; exit 1; }
wait_until 60 "the route server has the demo routes" lg_env_converged || exit 1
echo
echo "lg-demo: open http://$listen/ (or http://$listen/rs/rs1/AS64501_1?view=filtered);"
echo "lg-demo: JSON under http://$listen/api/v1/status. Ctrl-C stops it and cleans up."
echo
"$(pwd)/build/ixp-lg" serve --bird rs1="$RS_CTL" --listen "$listen" \
	--members "$T_TMP/rs/members.json" --reasons "$T_TMP/rs/reasons.json"
