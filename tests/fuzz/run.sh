#!/bin/sh
# Run each libFuzzer target for SECONDS over a seed corpus built from the
# repository's own inputs. Fails on any crash, leak or sanitizer report.
#   tests/fuzz/run.sh SECONDS TARGET...
set -eu
secs=$1
shift
top=$(cd "$(dirname "$0")/../.." && pwd)
for t in "$@"; do
	name=$(basename "$t")
	corpus=$top/build/fuzz/corpus/$name
	mkdir -p "$corpus"
	case $name in
	fuzz_yaml)
		for f in "$top"/tests/yaml/bad/*.yaml "$top"/tests/hostile/*.yaml \
			"$top"/examples/*/ixp.yaml "$top"/tests/integration/good.yaml; do
			cp "$f" "$corpus/$(basename "$(dirname "$f")")-$(basename "$f")"
		done ;;
	fuzz_rpsl)
		cp "$top"/examples/*/irr/*.db "$corpus"/
		gzip -dc "$top"/examples/example-ix/irr/radb.db.gz > "$corpus"/radb.db ;;
	fuzz_vrp)
		cp "$top"/examples/*/rpki/vrps.json "$corpus"/
		{ cat "$top"/examples/example-ix/rpki/vrps.json; printf '\000';
		  cat "$top"/examples/example-ix/rpki/local.json; } > "$corpus"/with-slurm ;;
	fuzz_birdreply)
		for f in "$top"/tests/lg/transcripts/*.txt; do
			{ printf '\007'; sed 1d "$f"; } > "$corpus/$(basename "$f")"
		done ;;
	fuzz_lgquery)
		for u in '/' '/rs/rs1/AS64501_1?view=filtered&page=2' '/lookup?q=2001%3Adb8%3A%3A1' \
		    '/api/v1/origin?asn=AS64500' '/birdwatcher/rs1/routes/prefix?prefix=192.0.2.0/24' \
		    '/birdwatcher/rs1/protocols/short?uncached=true' '/rs/..%2Fx?q=%zz&q=1'; do
			printf '%s' "$u" > "$corpus/$(printf '%s' "$u" | cksum | cut -d' ' -f1)"
		done ;;
	fuzz_irrd)
		printf '\001C\nD\nA24\nAS64496 AS64497 AS64498\nC\nF bad\nE\n' > "$corpus/answers"
		printf '\007A5\nab\ncd\nC\n' > "$corpus/liar" ;;
	esac
	echo "fuzz: $name for ${secs}s ($(ls "$corpus" | wc -l) inputs in corpus)"
	if ! "$t" -max_total_time="$secs" -rss_limit_mb=2048 -timeout=10 \
		-artifact_prefix="$top/build/fuzz/$name-" \
		-print_final_stats=0 "$corpus" > "$top/build/fuzz/$name.log" 2>&1; then
		tail -40 "$top/build/fuzz/$name.log"
		echo "fuzz: $name FAILED (input saved as build/fuzz/$name-crash-*)"
		exit 1
	fi
	grep -E '^#[0-9]+.*DONE' "$top/build/fuzz/$name.log" | tail -1 || true
done
echo "fuzz: all targets ran clean"
