# The benchmarks' route server: the looking-glass test IXP (tests/lg/env.sh)
# with LG_ROUTES filtered routes from one member. Sourced by bench/lg.sh and
# bench/impact.sh from the top directory.
#
#   bench_rs NAME ROUTES WAIT   SKIP without root; else the IXP up and holding
#                               ROUTES filtered routes within WAIT seconds
. tests/lib.sh
. tests/netns.sh
bench_rs() {
	if [ "$(id -u)" -ne 0 ]; then
		echo "bench $1: SKIP (needs root for network namespaces)"
		exit 0
	fi
	LG_ROUTES=$2
	export LG_ROUTES
	ns_init
	. tests/lg/env.sh
	echo "bench $1: route server with $LG_ROUTES routes from one member (this takes a while)"
	lg_env_up || { echo "bench $1: the test IXP did not start"; exit 1; }
	wait_until "$3" "route server holds $LG_ROUTES filtered routes" bench_loaded || exit 1
}
bench_loaded() {
	[ "$(bc rs show route filtered count | sed -n 's/^\([0-9]*\) of .*/\1/p' | head -1)" -ge "$LG_ROUTES" ]
}
