#!/bin/sh
# make bench: ixp-rsc and BIRD at the scale of the largest IXPs, against
# reference rows measured in the same run on the same data.
#
#   BENCH_MEMBERS=1000|100|10   preset (default 1000)
#   BENCH_REPS=3                runs per row; the median is reported
#
# The synthetic data (bench/gen.c) is generated once per preset into
# build/bench/data-N. Wall time and peak RSS come from bench/measure. BIRD
# runs in a network namespace of its own with no interfaces, so its BGP
# sessions never leave the machine (root needed; the BIRD rows are skipped
# otherwise).
set -u
cd "$(dirname "$0")/.."

B=build/bench
MEMBERS=${BENCH_MEMBERS:-1000}
REPS=${BENCH_REPS:-3}
MEASURE=$B/measure
RSC=$(pwd)/build/ixp-rsc
FIXTURE=build/tests/irrd_fixture
T=$(mktemp -d /tmp/ixp-bench.XXXXXX)
NS=ixb$$
FIX_PID=
BIRD_PID=

cleanup() {
	[ -n "$BIRD_PID" ] && kill "$BIRD_PID" 2>/dev/null
	[ -n "$FIX_PID" ] && kill "$FIX_PID" 2>/dev/null
	ip netns del "$NS" 2>/dev/null
	rm -rf "$T"
}
trap cleanup EXIT INT TERM

die() { echo "bench: $*" >&2; exit 1; }

# ---- data ----------------------------------------------------------------

. bench/data.sh
bench_data "$MEMBERS" || die "generator failed"
sed 's/^ixp:$/ixp:\n  bird: {irr_filter: prefix_sets}/' "$DATA/ixp.yaml" > "$DATA/ixp-sets.yaml"

# ---- measuring -------------------------------------------------------------

# medians NAME: NAME_s and NAME_kb from the "seconds KiB" lines of $T/runs.
medians() {
	_mid=$(( (REPS + 1) / 2 ))
	eval "${1}_s=$(cut -d' ' -f1 "$T/runs" | sort -n | sed -n "${_mid}p")"
	eval "${1}_kb=$(cut -d' ' -f2 "$T/runs" | sort -n | sed -n "${_mid}p")"
}

# run NAME CMD...: REPS runs; sets NAME_s (median seconds), NAME_kb (median
# peak KiB). A failing command stops the bench.
run() {
	_name=$1
	shift
	: > "$T/runs"
	_i=0
	while [ $_i -lt "$REPS" ]; do
		_r=$("$MEASURE" "$@") || die "measure failed: $*"
		[ "${_r##* }" = 0 ] || die "exit status ${_r##* } from: $* (rerun it to see why)"
		echo "$_r" >> "$T/runs"
		_i=$((_i + 1))
	done
	medians "$_name"
}

# startup NAME CONF [BIRD]: BIRD (default: Debian's) started on CONF until
# every static protocol is up and every table holds its routes; sets NAME_s
# and NAME_kb (VmHWM). BIRD 3 runs with its default threads.
startup() {
	_name=$1 _conf=$2 _bird=${3:-bird}
	case $_bird in */*) BIRDC=$(dirname "$_bird")/birdc ;; *) BIRDC=birdc ;; esac
	# Expected entries per table: the distinct routes of its static protocol.
	awk '/^protocol static/ { p = 1; next }
	     p && /\{ table / { t = $4; sub(";", "", t) }
	     p && /^\troute / { n[t]++ }
	     /^}/ { p = 0 }
	     END { for (t in n) print t, n[t] }' "$_conf" > "$T/expect"
	: > "$T/runs"
	_i=0
	while [ $_i -lt "$REPS" ]; do
		ip netns add "$NS" || die "cannot create a network namespace"
		_t0=$(date +%s.%N)
		ip netns exec "$NS" "$_bird" -f -c "$_conf" -s "$T/bird.ctl" > "$T/bird.log" 2>&1 &
		BIRD_PID=$!
		_ok=0
		while kill -0 "$BIRD_PID" 2>/dev/null; do
			if "$BIRDC" -s "$T/bird.ctl" show protocols 2>/dev/null | grep -q '^irr\|^rpki\|^device' &&
			    ! "$BIRDC" -s "$T/bird.ctl" show protocols 2>/dev/null | awk '$2 == "Static" && $4 != "up" { bad = 1 } END { exit !bad }' &&
			    loaded; then
				_ok=1
				break
			fi
			sleep 0.05
		done
		_t1=$(date +%s.%N)
		_kb=$(sed -n 's/^VmHWM:[[:space:]]*\([0-9]*\) kB/\1/p' "/proc/$BIRD_PID/status" 2>/dev/null)
		kill "$BIRD_PID" 2>/dev/null
		wait "$BIRD_PID" 2>/dev/null
		BIRD_PID=
		ip netns del "$NS"
		[ $_ok = 1 ] || die "BIRD did not load $_conf: $(tail -3 "$T/bird.log")"
		echo "$(awk -v a="$_t0" -v b="$_t1" 'BEGIN { printf "%.3f", b - a }') ${_kb:-0}" >> "$T/runs"
		_i=$((_i + 1))
	done
	medians "$_name"
}

# Every table holds as many entries as its protocol defines.
loaded() {
	while read -r _tab _n; do
		_have=$("$BIRDC" -s "$T/bird.ctl" show route table "$_tab" count 2>/dev/null |
		    sed -n 's/^\([0-9]*\) of .*/\1/p')
		[ "${_have:-0}" -ge "$_n" ] || return 1
	done < "$T/expect"
	return 0
}

mib() { echo "$1" | awk '{ printf "%.0f", $1 / 1024 }'; }
ratio() { echo "$1 $2" | awk '{ if ($2 > 0) printf "%.1f", $1 / $2; else print "-" }'; }

# ---- rows --------------------------------------------------------------------

echo "bench: $MEMBERS members, $REPS runs per row (median); this takes a few minutes"

run c_dump "$RSC" compile "$DATA/ixp.yaml" -o "$T/table" -q --no-timestamp
"$RSC" compile "$DATA/ixp.yaml" -o "$T/table" -q --no-timestamp
routes=$(jq '.sources.irr.route_objects' "$T/table/report.json")
vrps=$(grep -c '"asn"' "$DATA/vrps.json")

"$FIXTURE" -p 0 "$DATA/irr.db" > "$T/fixture.out" 2>&1 &
FIX_PID=$!
_w=0
while ! grep -q '^READY' "$T/fixture.out" && [ $_w -lt 600 ]; do sleep 0.1; _w=$((_w + 1)); done
port=$(sed -n 's/^READY //p' "$T/fixture.out")
[ -n "$port" ] || die "the IRRd fixture did not start"
sed "s|dumps: \[irr.db\]|servers: [\"127.0.0.1:$port\"]|" "$DATA/ixp.yaml" > "$DATA/ixp-irrd.yaml"
run c_irrd "$RSC" compile "$DATA/ixp-irrd.yaml" -o "$T/irrd" -q --no-timestamp
# What other generators do: bgpq4 per member AS-SET and family, 4 at once.
run bgpq4 sh -c "xargs -P4 -I{} sh -c 'bgpq4 -h 127.0.0.1:$port -S BENCH -4 -l x {} >/dev/null &&
    bgpq4 -h 127.0.0.1:$port -S BENCH -6 -l x {} >/dev/null' < $DATA/sets.txt"
kill "$FIX_PID"
FIX_PID=

# The reference config: one prefix set per member (generated once).
_r=$("$MEASURE" "$RSC" compile "$DATA/ixp-sets.yaml" -o "$T/sets" -q --no-timestamp)
c_sets_s=$(echo "$_r" | cut -d' ' -f1)
c_sets_kb=$(echo "$_r" | cut -d' ' -f2)
size_t=$(stat -c %s "$T/table/rs1.conf")
size_s=$(stat -c %s "$T/sets/rs1.conf")

have_bird=0
if command -v bird >/dev/null && command -v birdc >/dev/null; then
	have_bird=1
	run p_table bird -p -c "$T/table/rs1.conf"
	run p_sets bird -p -c "$T/sets/rs1.conf"
	if [ "$(id -u)" -eq 0 ]; then
		startup s_table "$T/table/rs1.conf"
		startup s_sets "$T/sets/rs1.conf"
	fi
fi

# Each BIRD in /opt/ixp-bird (built from ../shared/bird), the default config
# compiled for its own dialect (bird.version = its major.minor): parse and
# start, against Debian's BIRD 2.0.12 on the "2.0" config above.
versions=""
for c in /opt/ixp-bird/*/sbin/bird; do
	[ $have_bird = 1 ] && [ -x "$c" ] || continue
	v=$("$c" --version 2>&1 | sed -n 's/.*version \([0-9][0-9.]*\).*/\1/p')
	mm=$(echo "$v" | cut -d. -f1,2)
	id=$(echo "$v" | tr -c '0-9\n' _)
	sed "s/^ixp:$/ixp:\n  bird: {version: \"$mm\"}/" "$DATA/ixp.yaml" > "$DATA/ixp-$mm.yaml"
	"$RSC" compile "$DATA/ixp-$mm.yaml" -o "$T/v$id" -q --no-timestamp || die "compile for BIRD $mm failed"
	run "p_$id" "$c" -p -c "$T/v$id/rs1.conf"
	[ "$(id -u)" -eq 0 ] && startup "s_$id" "$T/v$id/rs1.conf" "$c"
	versions="$versions $v:$id"
done

# ---- report ------------------------------------------------------------------

echo
echo "ixp-rs bench: $MEMBERS members, $routes route objects, $vrps VRPs; median of $REPS runs ($(nproc) cores)"
echo
printf '| %-58s | %8s | %9s | %s\n' "what" "wall s" "peak MiB" "compared"
printf '|%s|%s|%s|%s\n' "------------------------------------------------------------" "----------" "-----------" "----------"
row() { printf '| %-58s | %8s | %9s | %s\n' "$1" "$2" "$3" "$4"; }
row "ixp-rsc compile from RPSL dumps" "$c_dump_s" "$(mib "$c_dump_kb")" ""
row "ixp-rsc compile through the IRRd server" "$c_irrd_s" "$(mib "$c_irrd_kb")" \
    "bgpq4 takes $(ratio "$bgpq4_s" "$c_irrd_s")x the time"
row "reference: bgpq4, every AS-SET, IPv4 and IPv6, 4 parallel" "$bgpq4_s" "$(mib "$bgpq4_kb")" ""
row "ixp-rsc compile, prefix_sets (reference config, 1 run)" "$c_sets_s" "$(mib "$c_sets_kb")" ""
row "config size, MB: table (default)" "$(echo "$size_t" | awk '{ printf "%.0f", $1 / 1e6 }')" "" \
    "prefix sets: $(ratio "$size_s" "$size_t")x the size"
row "config size, MB: one prefix set per member" "$(echo "$size_s" | awk '{ printf "%.0f", $1 / 1e6 }')" "" ""
if [ $have_bird = 1 ]; then
	row "bird -p, table (default)" "$p_table_s" "$(mib "$p_table_kb")" \
	    "prefix sets: $(ratio "$p_sets_s" "$p_table_s")x the time, $(ratio "$p_sets_kb" "$p_table_kb")x the memory"
	row "reference: bird -p, one prefix set per member" "$p_sets_s" "$(mib "$p_sets_kb")" ""
	if [ "$(id -u)" -eq 0 ]; then
		row "BIRD start until all tables loaded, table (default)" "$s_table_s" "$(mib "$s_table_kb")" \
		    "prefix sets: $(ratio "$s_sets_s" "$s_table_s")x the time, $(ratio "$s_sets_kb" "$s_table_kb")x the memory"
		row "reference: BIRD start, one prefix set per member" "$s_sets_s" "$(mib "$s_sets_kb")" ""
	else
		echo "(BIRD start rows skipped: need root for a network namespace)"
	fi
else
	echo "(BIRD rows skipped: bird and birdc not installed; run make deps-test)"
fi
for vi in $versions; do
	v=${vi%:*} id=${vi#*:}
	eval "ps=\$p_${id}_s pk=\$p_${id}_kb ss=\${s_${id}_s:-} sk=\${s_${id}_kb:-}"
	row "bird -p, BIRD $v (config for $(echo "$v" | cut -d. -f1,2))" "$ps" "$(mib "$pk")" \
	    "$(ratio "$ps" "$p_table_s")x the time, $(ratio "$pk" "$p_table_kb")x the memory of 2.0.12"
	[ -n "$ss" ] && row "BIRD $v start until all tables loaded" "$ss" "$(mib "$sk")" \
	    "$(ratio "$ss" "$s_table_s")x the time, $(ratio "$sk" "$s_table_kb")x the memory of 2.0.12"
done
[ -n "$versions" ] || echo "(no BIRD in /opt/ixp-bird: the per-version rows need ../shared/bird/build.sh)"
echo
echo "Targets (1000 members): compile <= 10 s and <= 2048 MiB; bird -p <= 5 s and <= 1024 MiB,"
echo ">= 3x less time and memory than one prefix set per member; IRRd no slower than bgpq4."
