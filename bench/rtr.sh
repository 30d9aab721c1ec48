#!/bin/sh
# make bench, data-change part (issue 15): a route server holding the
# IPv4 and IPv6 sessions of RTR_MEMBERS members and at least RTR_ROUTES
# routes, accepted and filtered, compiled from the 1,000-member preset; a routine data change
# (1% of the route objects removed or added, 0.5% of the VRPs changed),
# applied the conventional way (tables in the config, `birdc configure`)
# and over RTR (irr_filter: rtr, vrps_rtr: StayRTR serving the files that
# compile writes), then reverted and made again. Then one member's AS-SET grows by one ASN, which changes
# that member's filter text only. On BIRD 3.3.2 and 2.17.6 when built
# (../shared/bird/build.sh), else Debian's BIRD. Needs root; SKIP otherwise.
#
#   RTR_MEMBERS=200 RTR_ROUTES=500000 RTR_FEEDERS=4 RTR_BIRDS="3.3.2 2.17.6"
#   RTR_PATHS="table rtr"
#
# Figures, per path: wall time from the start of `compile` until the route
# server's per-session counters (imported, filtered) equal what bench/churn
# predicts for the changed data, for every fed session; BIRD's CPU seconds
# from that start until BIRD is idle again, less what the polling itself
# cost (measured on the idle route server first); and the routes BIRD
# re-evaluated, from its own counters (import updates received, summed
# over the sessions), against the routes whose prefix the change touched.
set -u
cd "$(dirname "$0")/.."
. tests/lib.sh
. tests/netns.sh
. bench/data.sh

if [ "$(id -u)" -ne 0 ]; then
	echo "bench rtr: SKIP (needs root for network namespaces)"
	exit 0
fi
for t in stayrtr bird birdc jq; do
	command -v $t >/dev/null || { echo "bench rtr: $t is not installed (make deps-test)"; exit 1; }
done
# The feeders hold many sessions to the same route-server address, which
# BIRD 2.17.6 allows (its session lock names the local address too);
# Debian's 2.0.12 holds one.
FEED_BIRD=/opt/ixp-bird/2.17.6/sbin/bird
if [ ! -x "$FEED_BIRD" ]; then
	echo "bench rtr: SKIP (the feeders need BIRD 2.17.6: ../shared/bird/build.sh 2.17.6)"
	exit 0
fi
MEMBERS=${RTR_MEMBERS:-200}
ROUTES=${RTR_ROUTES:-500000}
FEEDERS=${RTR_FEEDERS:-4}
# StayRTR parses its whole file every REFRESH seconds, changed or not (2
# to 3 CPU seconds at 85 MB), and at once on SIGHUP: the bench, as the
# README says to, polls hourly and signals the caches whose data set
# compile changed. RTR_REFRESH=5 without signals, to compare.
REFRESH=${RTR_REFRESH:-3600}
RSC=$(pwd)/build/ixp-rsc
HZ=$(getconf CLK_TCK)
bench_data 1000 || exit 1
ns_init
die() { echo "bench rtr: $*" >&2; exit 1; }

# ---- the IXP: route server, feeders, the changed data ---------------------

ns_host rs 100.64.0.1/16 2001:db8:ffff::1/64
mkdir -p "$T_TMP/plan"
# The config is compiled as it is (a compile that only changed data must
# find it byte for byte as it left it); BIRD's log goes to a file through
# an include.
yaml() {	# OUT VERSION MODE(table|rtr)
	_b="version: \"$2\", include: {header: $(dirname "$1")/log.conf}"
	echo "log \"$(dirname "$1")/rs.log\" all;" > "$(dirname "$1")/log.conf"
	[ "$3" = rtr ] && _b="$_b, irr_filter: rtr, vrps_rtr: {port: 8332}"
	sed -e "s|^ixp:\$|ixp:\n  bird: {$_b}|" \
	    -e 's/^policy:$/policy:\n  max_prefix: {default: {ipv4: 1000000, ipv6: 1000000}}/' \
	    "$DATA/ixp.yaml" > "$1"
}
yaml "$T_TMP/plan.yaml" 2.0 rtr
cp "$DATA/irr.db" "$DATA/vrps.json" "$T_TMP/"
"$RSC" compile "$T_TMP/plan.yaml" -o "$T_TMP/planconf" -q --no-timestamp || die "compile failed"
echo "bench rtr: choosing the routes of $MEMBERS members and the change (bench/churn)"
build/bench/churn "$DATA" "$T_TMP/planconf/rs1.conf" "$MEMBERS" "$ROUTES" "$FEEDERS" 1 \
    "$T_TMP/plan" || die "churn failed"
. "$T_TMP/plan/summary"
[ "$routes" -ge "$ROUTES" ] || die "only $routes routes (wanted $ROUTES)"
k=0
while [ $k -lt "$FEEDERS" ]; do
	ns_host "f$k"
	while read -r a; do
		case $a in
		*:*) ip -n "$NS_P-f$k" addr add "$a" dev eth0 nodad ;;
		*) ip -n "$NS_P-f$k" addr add "$a" dev eth0 ;;
		esac
	done < "$T_TMP/plan/feed$k.addrs"
	k=$((k + 1))
done

# ---- reading the route server ---------------------------------------------

# state: "PROTOCOL imported filtered received" for every BGP session.
state() {
	"$RS_BIRDC" -s "$T_TMP/rs.ctl" show protocols all | awk '
	/^[A-Za-z]/ { p = $1 }
	$1 == "Routes:" { imp[p] = $2; flt[p] = $5 ~ /^filtered/ ? $4 : 0 }
	$1 == "Import" && $2 == "updates:" { rcv[p] = $3 }
	END { for (p in imp) print p, imp[p], flt[p], rcv[p] + 0 }'
}
# matches EXPECT: every session of EXPECT has its imported and filtered.
matches() {
	state > "$T_TMP/state"
	awk 'NR == FNR { i[$1] = $2; f[$1] = $3; next }
	     !($1 in i) || i[$1] != $2 || f[$1] != $3 { bad = 1 }
	     END { exit bad }' "$T_TMP/state" "$1"
}
cpu() {	# the route server's CPU ticks
	awk '{ print $14 + $15 }' "/proc/$(cat "$T_TMP/rs.pid")/stat"
}
cache_cpu() {	# the caches' CPU ticks
	_n=0
	while read -r _p; do
		_n=$((_n + $(awk '{ print $14 + $15 }' "/proc/$_p/stat")))
	done < "$T_TMP/caches"
	echo $_n
}
ratio() { echo "$1 $2" | awk '{ if ($1 != "-" && $2 > 0) printf "%.1f", $1 / $2; else print "-" }'; }
now() { date +%s.%N; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }
# idle: wait until BIRD used no CPU for a second (bounded: 300 s); prints
# the ticks.
idle() {
	_c=$(cpu)
	_n=0
	while [ $_n -lt 300 ]; do
		sleep 1
		_d=$(cpu)
		[ "$_d" -le $((_c + 1)) ] && break
		_c=$_d
		_n=$((_n + 1))
	done
	echo "$_d"
}

start_feeders() {
	k=0
	while [ $k -lt "$FEEDERS" ]; do
		ns_run "f$k" "$FEED_BIRD" -c "$T_TMP/plan/feed$k.conf" -s "$T_TMP/f$k.ctl" \
		    -P "$T_TMP/f$k.pid" || die "feeder $k did not start"
		cat "$T_TMP/f$k.pid" >> "$T_TMP/pids"
		k=$((k + 1))
	done
}
stop_bird() {	# PIDFILE
	_p=$(cat "$1")
	kill "$_p"
	while kill -0 "$_p" 2>/dev/null; do sleep 0.1; done
}
caches() {	# start|stop OUT
	if [ "$1" = stop ]; then
		while read -r _p; do kill "$_p" 2>/dev/null; wait "$_p" 2>/dev/null; done < "$T_TMP/caches"
		: > "$T_TMP/caches"
		return
	fi
	for _c in irr-rtr-exact:8330 irr-rtr-or-longer:8331 rpki-rtr:8332; do
		ip netns exec "$NS_P-rs" stayrtr -bind 127.0.0.1:${_c#*:} -cache "$2/${_c%%:*}.json" \
		    -refresh "$REFRESH" -checktime=false -metrics.addr "" >> "$T_TMP/stayrtr.log" 2>&1 &
		echo $! >> "$T_TMP/pids"
		echo $! >> "$T_TMP/caches"
	done
	wait_until 60 "the caches listen" listening || die "StayRTR did not start"
}
listening() {
	_l=$(ip netns exec "$NS_P-rs" ss -ltn)
	for _p in 8330 8331 8332; do printf '%s' "$_l" | grep -q "127.0.0.1:$_p " || return 1; done
}
: > "$T_TMP/caches"

# ---- one run: a BIRD, a path ------------------------------------------------

# run ID BIRD VERSION MODE: the route server loaded, then the two changes;
# sets ID_load and, per change C (data, asset), ID_C_wall, _compile, _cpu,
# _cache, _evals and _sessions.
run() {
	_id=$1 RS_BIRD=$2 _mm=$3 _mode=$4
	RS_BIRDC=$(dirname "$RS_BIRD")/birdc
	_w=$T_TMP/$_id
	mkdir -p "$_w"
	cp "$DATA/irr.db" "$DATA/vrps.json" "$_w/"
	yaml "$_w/ixp.yaml" "$_mm" "$_mode"
	"$RSC" compile "$_w/ixp.yaml" -o "$_w/out" -q --no-timestamp || die "$_id: compile failed"
	[ "$_mode" = rtr ] && caches start "$_w/out"
	echo "bench rtr: $_id: BIRD $("$RS_BIRD" --version 2>&1 | sed -n 's/.*version //p'), $_mode, loading $routes routes"
	_t=$(now)
	bird_start rs "$_w/out/rs1.conf" || die "$_id: BIRD did not start"
	# (Every 2 s: the poll is a large answer, and BIRD is busy loading.)
	_end=$(( $(date +%s) + 1800 ))
	until matches "$T_TMP/plan/expect.pre"; do
		[ "$(date +%s)" -lt $_end ] || die "$_id: the route server did not converge in 30 min (see $_w/rs.log)"
		sleep 2
	done
	eval "${_id}_load=$(secs "$_t" "$(now)")"
	idle > /dev/null
	# What a poll costs BIRD (it answers show protocols all for 2,000
	# sessions): the mean of 10.
	_c0=$(cpu)
	for _i in 1 2 3 4 5 6 7 8 9 10; do matches "$T_TMP/plan/expect.post"; done
	_poll=$(( $(cpu) - _c0 ))
	apply "$_id" data "$T_TMP/plan/expect.post"
	verify "$_id" || die "$_id: a changed route does not show its new verdict"
	# The same change back, and again: the routine case. (BIRD 3 hands a
	# channel that came up after a ROA table filled the digest of that
	# fill with the first later change: one full reload per table, once.)
	apply "$_id" revert "$T_TMP/plan/expect.pre"
	apply "$_id" again "$T_TMP/plan/expect.post"
	apply "$_id" asset "$T_TMP/plan/expect.asset"
	stop_bird "$T_TMP/rs.pid"
	[ "$_mode" = rtr ] && caches stop
}

# apply ID CHANGE EXPECT: make the change (data, again: the changed data;
# revert: the original; asset: the AS-SET grows) in the working copy of the data,
# compile, reconfigure BIRD if the config changed (as a deploy does), and
# wait until the route server matches EXPECT.
apply() {
	state > "$_w/before"
	_c0=$(cpu)
	_s0=$(cache_cpu)
	_t0=$(now)
	if [ "$2" != asset ]; then
		_from=$T_TMP/plan
		[ "$2" = revert ] && _from=$DATA
		cp "$_from/irr.db" "$_w/irr.db.new" && mv "$_w/irr.db.new" "$_w/irr.db"
		cp "$_from/vrps.json" "$_w/vrps.json.new" && mv "$_w/vrps.json.new" "$_w/vrps.json"
	else
		sed -i "/^as-set: $asset_set\$/{n;s/\$/, AS$asset_asn/}" "$_w/irr.db"
	fi
	"$RSC" compile "$_w/ixp.yaml" -o "$_w/out" --no-timestamp > "$_w/compile-$2.out" 2>&1 ||
	    die "$_id: compile ($2) failed: $(tail -3 "$_w/compile-$2.out")"
	_tc=$(now)
	if [ "$REFRESH" -ge 60 ]; then
		_j=0
		for _f in irr-rtr-exact irr-rtr-or-longer rpki-rtr; do
			_j=$((_j + 1))
			grep "data for RTR ($_f.json)" "$_w/compile-$2.out" | grep -qv unchanged &&
			    kill -HUP "$(sed -n "${_j}p" "$T_TMP/caches")"
		done
	fi
	if ! grep -q 'configs unchanged' "$_w/compile-$2.out"; then
		"$RS_BIRDC" -s "$T_TMP/rs.ctl" configure > "$_w/configure.out" 2>&1
		grep -q 'Reconfigur' "$_w/configure.out" || die "$_id: configure: $(cat "$_w/configure.out")"
	fi
	_polls=0
	_end=$(( $(date +%s) + 600 ))
	until matches "$3"; do
		_polls=$((_polls + 1))
		[ "$(date +%s)" -lt $_end ] || die "$_id: the changed verdicts ($2) did not all show in 600 s"
		sleep 0.1
	done
	_t1=$(now)
	_c1=$(idle)
	_s1=$(cache_cpu)
	state > "$_w/after"
	_k=${1}_$2
	eval "${_k}_wall=$(secs "$_t0" "$_t1") ${_k}_compile=$(secs "$_t0" "$_tc")"
	eval "${_k}_cpu=$(awk -v c=$((_c1 - _c0)) -v p="$_poll" -v n=$((_polls + 1)) -v hz="$HZ" \
	    'BEGIN { x = (c - p * n / 10) / hz; printf "%.2f", x < 0 ? 0 : x }')"
	eval "${_k}_cache=$(awk -v c=$((_s1 - _s0)) -v hz="$HZ" 'BEGIN { printf "%.2f", c / hz }')"
	# Re-evaluated: import updates received over the fed sessions.
	eval "$(awk 'FILENAME == ARGV[1] { s[$1] = 1; next }
	    FILENAME == ARGV[2] { r[$1] = $4; next }
	    $1 in s { d = $4 - r[$1]; n += d; if (d > 0) k++ }
	    END { printf "'"$_k"'_evals=%d '"$_k"'_sessions=%d", n, k }' \
	    "$T_TMP/plan/expect.pre" "$_w/before" "$_w/after")"
	eval "echo \"bench rtr: $1: the $2 change: \$${_k}_wall s (compile \$${_k}_compile s), BIRD CPU \$${_k}_cpu s, cache CPU \$${_k}_cache s, \$${_k}_evals routes re-evaluated in \$${_k}_sessions sessions\""
}

# verify ID: 20 of the changed routes, spread over the list, each with its
# new verdict in its own session.
verify() {
	_n=$(wc -l < "$T_TMP/plan/flips")
	awk -v n="$_n" 'NR % int(n / 20 + 1) == 0' "$T_TMP/plan/flips" |
	while read -r _p _net _v; do
		_f=
		[ "$_v" = filtered ] && _f=filtered
		"$RS_BIRDC" -s "$T_TMP/rs.ctl" show route $_f "$_net" protocol "$_p" | grep -q "$_p" ||
		    { echo "bench rtr: $1: $_net from $_p is not $_v"; return 1; }
	done
}

echo "bench rtr: $sessions sessions of $fed_members members, $routes routes ($accepted_pre accepted), $FEEDERS feeders"
start_feeders
birds=""
for v in ${RTR_BIRDS:-3.3.2 2.17.6}; do
	[ -x "/opt/ixp-bird/$v/sbin/bird" ] && birds="$birds $v"
done
[ -n "$birds" ] || { echo "bench rtr: no BIRD in /opt/ixp-bird: Debian's BIRD 2.0.12 only"; birds=debian; }
for v in $birds; do
	id=$(echo "$v" | tr -c '0-9\n' _)
	if [ "$v" = debian ]; then b=$(command -v bird) mm=2.0; else b=/opt/ixp-bird/$v/sbin/bird mm=$(echo "$v" | cut -d. -f1,2); fi
	for m in ${RTR_PATHS:-table rtr}; do
		run "$(echo "$m" | cut -c1)$id" "$b" "$mm" "$m"
	done
done

# ---- report ------------------------------------------------------------------

row() { printf '| %-46s | %7s | %7s | %8s | %9s | %s\n' "$@"; }
line() { row "----------------------------------------------" "-------" "-------" "--------" "---------" "------"; }
get() { eval "echo \${${1}:--}"; }
echo
echo "RTR bench: $sessions sessions of $fed_members members, $routes routes ($accepted_pre accepted), $(nproc) cores"
echo
echo "The data change: $removed route objects removed and $added added (of $objects), $vrps_changed VRPs"
echo "changed (of $vrps); $flips routes change verdict; $touched routes lie inside a changed prefix"
echo "(the least a prefix-precise reload re-evaluates). StayRTR -refresh $REFRESH."
echo
# rows CHANGE LABEL_TABLES: the table of one change, both paths per BIRD.
rows() {
	row "path" "wall s" "compile" "BIRD CPU" "cache CPU" "routes re-evaluated"
	line
	for v in $birds; do
		id=$(echo "$v" | tr -c '0-9\n' _)
		for m in t r; do
			case $m in t) what=$2 ;; *) what="RTR-fed tables" ;; esac
			k=$m${id}_$1
			row "BIRD $v: $what" "$(get ${k}_wall)" "$(get ${k}_compile)" "$(get ${k}_cpu)" \
			    "$(get ${k}_cache)" "$(get ${k}_evals) in $(get ${k}_sessions) sessions"
		done
		tw=$(get t${id}_$1_wall) rw=$(get r${id}_$1_wall)
		tu=$(get t${id}_$1_cpu) ru=$(get r${id}_$1_cpu)
		te=$(get t${id}_$1_evals) re=$(get r${id}_$1_evals)
		echo "  BIRD $v, RTR against conventional: $(ratio "$tw" "$rw")x the speed, $(ratio "$tu" "$ru")x less BIRD CPU, $(ratio "$te" "$re")x fewer routes re-evaluated"
	done
}
echo "The first change after the route server started:"
echo
rows data "embedded tables + birdc configure"
echo
echo "The routine case: the same change reverted,"
echo
rows revert "embedded tables + birdc configure"
echo
echo "then made again:"
echo
rows again "embedded tables + birdc configure"
echo
echo "The AS-SET change: $asset_set (AS$asset_member, $asset_routes routes in its 2 sessions) gains"
echo "AS$asset_asn, whose routes it announces: $asset_flips of them become accepted. The config"
echo "changes in that member's ASN list only; birdc configure."
echo
rows asset "embedded tables"
echo
echo "Targets: RTR applies the data change in <= 5 s with >= 10x less BIRD CPU than the"
echo "conventional path, re-evaluating only routes inside a changed prefix; the AS-SET change"
echo "re-evaluates that member's sessions only."
