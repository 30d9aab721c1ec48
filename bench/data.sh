# The synthetic IXP of the benchmarks (bench/gen.c), generated once per
# preset and seed into build/bench/data-N. Sourced from the top directory.
#
#   bench_data MEMBERS   sets DATA; returns 1 if the generator failed
bench_data() {
	DATA=build/bench/data-$1
	_stamp="$(cksum < bench/gen.c) $1 1"
	[ "$(cat "$DATA/.stamp" 2>/dev/null)" = "$_stamp" ] && return 0
	echo "bench: generating the $1-member data set into $DATA"
	rm -rf "$DATA"
	build/bench/gen "$1" 1 "$DATA" || return 1
	printf '%s\n' "$_stamp" > "$DATA/.stamp"
}
