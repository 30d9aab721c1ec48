#!/bin/sh
# make bench, deploy part: `ixp-rsc impact` on a route server BIRD holding
# IMPACT_ROUTES routes (default 500,000: the scale of the largest IXPs),
# next to the time BIRD itself needs to dump the same routes on its
# socket (`show route all` of both tables, accepted and filtered): the
# floor, since impact reads exactly that. Needs root; SKIP otherwise.
cd "$(dirname "$0")/.."
. bench/lgenv.sh
REPS=${BENCH_REPS:-3}
MEASURE=$(pwd)/build/bench/measure
RSC=$(pwd)/build/ixp-rsc
bench_rs impact "${IMPACT_ROUTES:-500000}" 900

# median NAME CMD...: REPS runs of CMD; NAME_s and NAME_kb.
median() {
	_n=$1
	shift
	: > "$T_TMP/runs"
	_i=0
	while [ $_i -lt "$REPS" ]; do
		"$MEASURE" "$@" >> "$T_TMP/runs" || exit 1
		_i=$((_i + 1))
	done
	_m=$(( (REPS + 1) / 2 ))
	eval "${_n}_s=$(cut -d' ' -f1 "$T_TMP/runs" | sort -n | sed -n "${_m}p")"
	eval "${_n}_kb=$(cut -d' ' -f2 "$T_TMP/runs" | sort -n | sed -n "${_m}p")"
}
cat > "$T_TMP/dump.sh" <<EOD
for t in master4 master6; do
	"$RS_BIRDC" -s "$T_TMP/rs.ctl" show route all table \$t > /dev/null
	"$RS_BIRDC" -s "$T_TMP/rs.ctl" show route all filtered table \$t > /dev/null
done
EOD
median dump sh "$T_TMP/dump.sh"
median impact "$RSC" impact "$T_TMP/ixp.yaml" --bird rs1="$T_TMP/rs.ctl" -q --json
routes=$("$RSC" impact "$T_TMP/ixp.yaml" --bird rs1="$T_TMP/rs.ctl" -q --json | jq '.route_servers[0].routes')
echo
echo "impact bench: BIRD $("$RS_BIRD" --version 2>&1 | sed -n 's/.*version //p') route server holding $routes routes; median of $REPS runs ($(nproc) cores)"
echo
printf '| %-58s | %8s | %9s | %s\n' "what" "wall s" "peak MiB" "compared"
printf '| %-58s | %8s | %9s | %s\n' "reference: birdc, the 4 dumps impact reads" "$dump_s" \
    "$(echo "$dump_kb" | awk '{ printf "%.0f", $1 / 1024 }')" ""
printf '| %-58s | %8s | %9s | %s\n' "ixp-rsc impact (compile the model, read, judge every route)" \
    "$impact_s" "$(echo "$impact_kb" | awk '{ printf "%.0f", $1 / 1024 }')" \
    "$(echo "$impact_s $dump_s" | awk '{ printf "%.1fx the dump", $1 / $2 }')"
