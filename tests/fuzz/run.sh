#!/bin/sh
# Run libFuzzer targets. Fails on any crash, leak, timeout, out-of-memory or
# sanitizer report, and shows the input that caused it.
#
#   tests/fuzz/run.sh [--grow] SECONDS TARGET...
#
# Each target starts from its committed corpus (tests/fuzz/corpus/NAME: a
# minimized set of inputs, with every past finding kept as regress-*), plus
# seeds taken from the repository's own inputs, so a run starts where the
# last one stopped. New inputs go to build/fuzz/work/NAME. With --grow
# (`make fuzz`), the committed corpus is re-minimized afterwards with what
# the run found, and the run is added to tests/fuzz/runs.log (commit both).
#
# Environment: FUZZ_MAX_LEN (bytes, default 262144: large enough for the
# size-driven faults, such as deep nesting), FUZZ_LEN_CONTROL (libFuzzer's
# -len_control, default 20: how soon inputs may grow towards FUZZ_MAX_LEN;
# libFuzzer's own 100 stays near the seeds' sizes for hours), FUZZ_JOBS
# (targets run at once, default 1), FUZZ_RSS_MB (default 2048: an input
# that needs more is a finding).
set -eu
grow=0
if [ "${1:-}" = "--grow" ]; then
	grow=1
	shift
fi
secs=$1
shift
top=$(cd "$(dirname "$0")/../.." && pwd)
maxlen=${FUZZ_MAX_LEN:-262144}
jobs=${FUZZ_JOBS:-1}
rss=${FUZZ_RSS_MB:-2048}
lenctl=${FUZZ_LEN_CONTROL:-20}
out=$top/build/fuzz

# Seeds from the repository's own inputs (they change as the repo does).
seed() {
	name=$1 dir=$2
	case $name in
	fuzz_yaml)
		for f in "$top"/tests/yaml/bad/*.yaml "$top"/tests/hostile/*.yaml \
			"$top"/examples/*/ixp.yaml "$top"/tests/integration/good.yaml; do
			cp "$f" "$dir/$(basename "$(dirname "$f")")-$(basename "$f")"
		done ;;
	fuzz_rpsl)
		cp "$top"/examples/*/irr/*.db "$dir"/
		gzip -dc "$top"/examples/example-ix/irr/radb.db.gz > "$dir"/radb.db ;;
	fuzz_vrp)
		cp "$top"/examples/*/rpki/vrps.json "$dir"/ ;;
	fuzz_slurm)
		cp "$top"/examples/example-ix/rpki/local.json "$dir"/ ;;
	fuzz_pdb)
		cp "$top"/tests/http/pdb.json "$dir"/ ;;
	fuzz_ixf)
		cp "$top"/tests/ixf/*.json "$dir"/ ;;
	fuzz_birdreply)
		for f in "$top"/tests/lg/transcripts/*.txt; do
			{ printf '\007'; sed 1d "$f"; } > "$dir/$(basename "$f")"
		done ;;
	fuzz_lgquery | fuzz_lghttp)
		for u in '/' '/rs/rs1/AS64501_1?view=filtered&page=2' '/lookup?q=2001%3Adb8%3A%3A1' \
		    '/api/v1/origin?asn=AS64500' '/birdwatcher/rs1/routes/prefix?prefix=192.0.2.0/24' \
		    '/birdwatcher/rs1/protocols/short?uncached=true' '/rs/..%2Fx?q=%zz&q=1' \
		    '/members' '/api/v1/members' '/member/AS64501' '/api/v1/member/64501' \
		    '/members?find=Alpha' '/community?c=64500:0:64502' '/lookup?q=198.51.100.0/24&page=2' \
		    '/rs/rs1/AS64502_1?view=noexport' '/birdseye/rs1/ipv4/protocols/bgp?use_cache=0' \
		    '/birdseye/rs1/ipv6/route/2001%3Adb8%3A%3A%2F32/protocol/AS64501_2' \
		    '/birdseye/rs1/ipv4/routes/lc-zwild/protocol/AS64501_1/64500/1101'; do
			if [ "$name" = fuzz_lghttp ]; then
				printf 'G%s\n192.0.2.9, 2001:db8::1' "$u"
			else
				printf '%s' "$u"
			fi > "$dir/$(printf '%s' "$u" | cksum | cut -d' ' -f1)"
		done ;;
	fuzz_irrd)
		printf '\001C\nD\nA24\nAS64496 AS64497 AS64498\nC\nF bad\nE\n' > "$dir/answers"
		printf '\007A5\nab\ncd\nC\n' > "$dir/liar" ;;
	esac
}

# The figures of a finished run: executions, coverage, features, corpus.
stats() {
	execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$1" | tail -1)
	line=$(grep -aE '^#[0-9]+.*(DONE|pulse|NEW|REDUCE|INITED)' "$1" | tail -1)
	cov=$(printf '%s' "$line" | sed -n 's/.* cov: \([0-9]*\).*/\1/p')
	ft=$(printf '%s' "$line" | sed -n 's/.* ft: \([0-9]*\).*/\1/p')
	echo "${execs:-0} ${cov:-0} ${ft:-0}"
}

run_one() {
	t=$1
	name=$(basename "$t")
	committed=$top/tests/fuzz/corpus/$name
	work=$out/work/$name
	seeds=$out/seeds/$name
	# A long run and a smoke run of the same target may overlap.
	log=$out/$name.log
	if [ "$grow" -eq 1 ]; then
		log=$out/$name.grow.log
	fi
	mkdir -p "$committed" "$work" "$seeds"
	seed "$name" "$seeds"
	echo "fuzz: $name for ${secs}s, max_len $maxlen ($(ls "$committed" | wc -l) committed inputs)"
	start=$(date +%s)
	# The CPU time the run had (its wall time is max_total_time): with
	# build/tests/peakrss, when it is built.
	meter=""
	[ -x "$out/../tests/peakrss" ] && meter="$out/../tests/peakrss $out/$name.rss"
	rm -f "$out/$name.rss.cpu"
	# shellcheck disable=SC2086
	if ! $meter "$t" -max_total_time="$secs" -max_len="$maxlen" -len_control="$lenctl" -rss_limit_mb="$rss" \
		-malloc_limit_mb="$rss" -timeout=10 -artifact_prefix="$out/$name-" \
		-print_final_stats=1 "$work" "$committed" "$seeds" > "$log" 2>&1; then
		tail -40 "$log"
		echo "fuzz: $name FAILED: input saved as build/fuzz/$name-{crash,leak,timeout,oom}-*;"
		echo "fuzz: after the fix, keep it as tests/fuzz/corpus/$name/regress-WHAT"
		return 1
	fi
	set -- $(stats "$log")
	echo "fuzz: $name: $1 executions, cov $2, ft $3"
	if [ "$grow" -eq 1 ]; then
		new=$out/merged/$name
		rm -rf "$new"
		mkdir -p "$new"
		# Findings are kept whatever their coverage.
		cp "$committed"/regress-* "$new"/ 2>/dev/null || true
		if ! "$t" -merge=1 -max_len="$maxlen" -rss_limit_mb="$rss" -timeout=10 \
			"$new" "$committed" "$work" > "$out/$name.merge.log" 2>&1; then
			tail -20 "$out/$name.merge.log"
			return 1
		fi
		rm -rf "$committed"
		mv "$new" "$committed"
		printf '%s %s wall=%ss cpu=%ss execs=%s cov=%s ft=%s corpus=%s\n' \
			"$(date -u +%Y-%m-%dT%H:%MZ)" "$name" "$(( $(date +%s) - start ))" \
			"$(cat "$out/$name.rss.cpu" 2>/dev/null || echo '?')" "$1" "$2" "$3" \
			"$(ls "$committed" | wc -l)" >> "$top/tests/fuzz/runs.log"
	fi
}

# The whole run is one function, so a script edited while a long run is
# under way cannot change what that run does next.
main() {
	mkdir -p "$out"
	failed=0
	while [ $# -gt 0 ]; do
		pids=""
		n=0
		while [ $# -gt 0 ] && [ "$n" -lt "$jobs" ]; do
			run_one "$1" > "$out/$(basename "$1").run" 2>&1 &
			pids="$pids $!:$(basename "$1")"
			shift
			n=$((n + 1))
		done
		for p in $pids; do
			if ! wait "${p%%:*}"; then
				failed=1
			fi
			cat "$out/${p#*:}.run"
		done
	done
	if [ "$failed" -ne 0 ]; then
		echo "fuzz: FAILED"
		return 1
	fi
	echo "fuzz: all targets ran clean"
}
main "$@"; exit $?
