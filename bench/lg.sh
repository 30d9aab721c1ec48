#!/bin/sh
# make bench, looking glass part: requests per second and latency of
# ixp-lg for the neighbour list and a prefix lookup, against a route server
# BIRD holding LG_ROUTES routes (default 100,000), next to the time BIRD
# itself needs for the same commands on its socket. Needs root (network
# namespaces); prints SKIP otherwise.
cd "$(dirname "$0")/.."
. bench/lgenv.sh
SECS=${BENCH_LG_SECONDS:-5}
CONC=${BENCH_LG_CONCURRENCY:-8}
LOAD=$(pwd)/build/bench/lgload
IXP_LG=$(pwd)/build/ixp-lg
bench_rs lg "${LG_ROUTES:-100000}" 300
total=$( (bc rs show route count; bc rs show route filtered count) | sed -n 's/^\([0-9]*\) of .*/\1/p' | awk '{ s += $1 } END { print s }')

port=$(( 30000 + NS_ID % 20000 ))
start_lg() {	# PORT EXTRA-ARGS...
	_p=$1
	shift
	"$IXP_LG" serve --bird rs1="$T_TMP/rs.ctl" --listen 127.0.0.1:$_p --rate 100000 \
		--burst 100000 --max-inflight 16 "$@" > "$T_TMP/lg-$_p.log" 2>&1 &
	echo $! >> "$T_TMP/pids"
	wait_until 20 "ixp-lg on $_p" curl -sf "http://127.0.0.1:$_p/healthz"
}
start_lg $port
start_lg $((port + 1)) --cache 0

row() { printf '| %-58s | %9s | %8s | %8s | %s\n' "$1" "$2" "$3" "$4" "$5"; }
bird_row() {	# LABEL COMMAND
	set -- "$1" "$2" $("$LOAD" bird "$T_TMP/rs.ctl" 50 "$2")
	row "$1" "$4" "$5" "$6" "$3 commands, errors: $7"
}
http_row() {	# LABEL PORT PATH
	set -- "$1" $("$LOAD" http "$2" "$3" "$SECS" "$CONC")
	row "$1" "$3" "$4" "$5" "$2 requests, errors: $6"
}
ip=10.1.2.3
echo
echo "ixp-lg bench: BIRD 2.0.12 route server holding $total routes (accepted and filtered);"
echo "$CONC clients, ${SECS} s per row, $(nproc) cores"
echo
row "what" "req/s" "p50 ms" "p99 ms" ""
row "----" "-----" "------" "------" ""
bird_row "BIRD socket: show protocols all (reference)" "show protocols all"
http_row "ixp-lg neighbour list, cached (5 s)" $port /api/v1/rs/rs1/neighbors
http_row "ixp-lg neighbour list, no cache" $((port + 1)) /api/v1/rs/rs1/neighbors
http_row "ixp-lg neighbour page (HTML), no cache" $((port + 1)) /rs/rs1
bird_row "BIRD socket: show route all for $ip (reference)" "show route all for $ip"
bird_row "BIRD socket: ... filtered where $ip ~ net (reference)" "show route all filtered where $ip ~ net"
http_row "ixp-lg lookup $ip, cached (30 s)" $port "/api/v1/lookup?q=$ip"
http_row "ixp-lg lookup $ip, no cache (both commands)" $((port + 1)) "/api/v1/lookup?q=$ip"
# A prefix's scope (covering routes by a scan of the table, more specifics
# by BIRD's "in"), and a member's page (all its routes, counted).
agg=10.0.0.0/16
bird_row "BIRD socket: show route all filtered in $agg (reference)" "show route all filtered in $agg"
bird_row "BIRD socket: ... where ... ~ net && net.len < 16 (reference)" \
	"show route all where net.type = NET_IP4 && 10.0.0.0 ~ net && net.len < 16"
http_row "ixp-lg lookup $agg, no cache (four commands)" $((port + 1)) "/api/v1/lookup?q=$agg"
bird_row "BIRD socket: show route all filtered protocol AS64501_1 (reference)" \
	"show route all filtered protocol AS64501_1"
http_row "ixp-lg member page AS64501, no cache (its routes counted)" $((port + 1)) "/api/v1/member/AS64501"
# Under attack: a slowloris holding 16 connections (the per-network cap)
# from each of 40 addresses, a header byte every 5 s, while BIRD is
# reconfigured every second; the same rows again.
srcs=$(seq -f '127.0.0.%g' 2 41)
python3 tests/tools/slowloris.py 127.0.0.1 $((port + 1)) 16 5 $((SECS * 2 + 8)) $srcs \
	> "$T_TMP/slowloris.out" 2>&1 &
slow=$!
: > "$T_TMP/reconfigured"
(while :; do bc rs configure 2>&1 | grep -q Reconfigured && echo >> "$T_TMP/reconfigured"; sleep 1; done) &
recfg=$!
sleep 3
http_row "ixp-lg neighbour list, no cache, under attack (see below)" $((port + 1)) /api/v1/rs/rs1/neighbors
http_row "ixp-lg lookup $ip, no cache, under attack" $((port + 1)) "/api/v1/lookup?q=$ip"
kill "$recfg"
wait "$slow"
echo
read -r _ opened _ held < "$T_TMP/slowloris.out"
echo "Under attack: $opened slow connections opened, $held still held at the end (16 from"
echo "each of 40 addresses, a header byte every 5 s); BIRD reconfigured $(wc -l < "$T_TMP/reconfigured") times meanwhile."
echo "BIRD rows: one restricted session, 50 commands one after another. ixp-lg rows: a new"
echo "connection per request; a lookup runs both BIRD commands above on every route server."
