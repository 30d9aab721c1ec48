# Hostile input: every case exits with its code and a clear message, never
# crashes or hangs, and leaves the previous good OUTDIR byte-for-byte
# untouched (no temporary file either).
. tests/lib.sh
scratch
good_start t_hostile --check
before=$(dir_state "$out")

# expect_run NAME EXIT MESSAGE [compile args...]: run, compare; the run's
# peak memory must stay below MAX_MB (400 MB unless set: a compile of this
# IXP needs about 30 MB under AddressSanitizer).
PEAKRSS=${TOOLS:-$TOP/build/tests}/peakrss
expect_run() {
	name=$1 want=$2 msg=$3
	shift 3
	rm -f "$T_TMP/rss"
	timeout 120 "$PEAKRSS" "$T_TMP/rss" "$IXP_RSC" compile "$@" -o "$out" \
		> "$T_TMP/stdout" 2> "$T_TMP/stderr"
	rc=$?
	kb=$(cat "$T_TMP/rss" 2>/dev/null || echo 0)
	if [ "$kb" -gt $((${MAX_MB:-400} * 1024)) ]; then
		fail "$name: peak memory $((kb / 1024)) MB, more than ${MAX_MB:-400} MB"
	elif [ -n "${MAX_MB:-}" ]; then
		pass "$name: peak memory $((kb / 1024)) MB, at most $MAX_MB MB"
	fi
	if [ "$rc" -ne "$want" ]; then
		fail "$name: exit $rc, want $want"
		sed 's/^/        /' "$T_TMP/stderr" | head -5
	elif [ -n "$msg" ] && ! grep -qF -- "$msg" "$T_TMP/stderr"; then
		fail "$name: message '$msg' missing"
		sed 's/^/        /' "$T_TMP/stderr" | head -5
	elif [ "$(dir_state "$out")" != "$before" ]; then
		fail "$name: OUTDIR changed"
	elif grep -q 'AddressSanitizer\|runtime error' "$T_TMP/stderr"; then
		fail "$name: sanitizer report"
	else
		pass "$name (exit $want)"
	fi
}

# The corpus: YAML files naming their exit code and message.
for f in tests/hostile/*.yaml; do
	cp "$f" "$d/ixp.yaml"
	want=$(sed -n 's/^# expect-exit: //p' "$f")
	msg=$(sed -n 's/^# expect: //p' "$f" | head -1)
	expect_run "hostile $(basename "$f" .yaml)" "$want" "$msg" "$d/ixp.yaml"
done

# Generated cases too big or too binary to keep in git.
awk 'BEGIN { printf "version: 1\nixp:\n  name: \""; for (i = 0; i < 655360; i++) printf "AAAAAAAAAAAAAAAA"; print "\"" }' > "$d/ixp.yaml"
expect_run "10 MB member text" 1 "value is too long (10485760 bytes, at most 65536)" "$d/ixp.yaml"
awk 'BEGIN { printf "version: 1\nixp: "; for (i = 0; i < 100000; i++) printf "["; for (i = 0; i < 100000; i++) printf "]"; print "" }' > "$d/ixp.yaml"
expect_run "100000 nested lists" 1 "error" "$d/ixp.yaml"
head -c 65536 /dev/urandom > "$d/ixp.yaml"
expect_run "random bytes as YAML" 1 "error" "$d/ixp.yaml"
printf 'version: 1\n\000ixp: {}\n' > "$d/ixp.yaml"
expect_run "NUL byte in YAML" 1 "error" "$d/ixp.yaml"
: > "$d/ixp.yaml"
expect_run "empty YAML" 1 "the file is empty" "$d/ixp.yaml"
expect_run "YAML is a directory" 1 "not a regular file" "$d"
expect_run "YAML missing" 1 "cannot open" "$d/nonexistent.yaml"

# Data sources: unusable data is exit 2, with the source named.
cp tests/integration/good.yaml "$d/ixp.yaml"
cp "$d/irr.db" "$d/irr.good"
gzip -c "$d/irr.good" | head -c 100 > "$d/irr.db"
expect_run "truncated gzip IRR dump" 2 "irr.db: error: read error" "$d/ixp.yaml"
head -c 20000 /dev/urandom | od -An -x > "$d/irr.db"
expect_run "garbage IRR dump" 2 "not a usable RPSL dump" "$d/ixp.yaml"
rm -f "$d/irr.db"
expect_run "missing IRR dump" 2 "irr.db: error: cannot open" "$d/ixp.yaml"
# Memory and time bombs in a dump: each refused early, in bounded memory.
head -c 67108864 /dev/zero | gzip -9 > "$T_TMP/zero.gz"
for i in 1 2 3 4 5 6 7 8; do cat "$T_TMP/zero.gz" "$T_TMP/zero.gz" "$T_TMP/zero.gz" "$T_TMP/zero.gz"; done \
	> "$T_TMP/zero32.gz"
for i in 1 2 3 4; do cat "$T_TMP/zero32.gz"; done > "$d/irr.db"
rm -f "$T_TMP/zero.gz" "$T_TMP/zero32.gz"
MAX_MB=400 expect_run "gzip dump of $(( $(stat -c %s "$d/irr.db") >> 10 )) KB expanding to 8 GB of NULs" 2 \
	"gzip expands it more than 100-fold" "$d/ixp.yaml"
{ cat "$d/irr.good"; printf '\nroute: 198.51.100.0/25\norigin: AS64501\nsource: TEST\ndescr: '
  head -c 209715200 /dev/zero | tr '\000' 'A'; printf '\n'; } > "$d/irr.db"
"$PEAKRSS" "$T_TMP/rss" "$IXP_RSC" compile "$d/ixp.yaml" -o "$T_TMP/out-long" 2> "$T_TMP/stderr"
check "an RPSL line of 200 MB: its object is skipped, the rest compiles" [ $? -eq 0 ]
check "... and says so" grep -q "1 malformed RPSL objects skipped (0 syntax, 1 too large)" "$T_TMP/stderr"
check "... in $(( $(cat "$T_TMP/rss") >> 10 )) MB (the line is never held whole)" \
	[ "$(cat "$T_TMP/rss")" -le $((400 * 1024)) ]
head -c 104857600 /dev/zero | tr '\000' '\n' > "$d/irr.db"
MAX_MB=400 expect_run "100 MB of newlines" 2 "no RPSL object in its first 67108864 bytes" "$d/ixp.yaml"
: > "$d/irr.db"
expect_run "empty IRR dump" 2 "no RPSL objects in 0 bytes" "$d/ixp.yaml"
cp "$d/irr.good" "$d/irr.db"
cp "$d/vrps.json" "$d/vrps.good"
printf '{"roas":[{"asn":64501,"prefix":"198.51' > "$d/vrps.json"
expect_run "truncated VRP JSON" 2 "vrps.json:1:" "$d/ixp.yaml"
# The VRP file is read beside the IRR dump (a thread): when the dump fails,
# the run stops there, as it would reading one after the other.
mv "$d/irr.db" "$d/irr.away"
expect_run "missing IRR dump beside a broken VRP file" 2 "irr.db: error: cannot open" "$d/ixp.yaml"
check "... says nothing of the VRP file it no longer wants" sh -c "! grep -q vrps.json $T_TMP/stderr"
mv "$d/irr.away" "$d/irr.db"
head -c 5000 /dev/urandom > "$d/vrps.json"
expect_run "garbage VRP file" 2 "invalid JSON" "$d/ixp.yaml"
echo '{"roas":[{"asn":"x"},{"asn":1},{"prefix":"::/0"}]}' > "$d/vrps.json"
expect_run "VRP export of broken entries" 2 "not a usable VRP export" "$d/ixp.yaml"
echo '{"metadata":{"generated":1000000000},"roas":[]}' > "$d/vrps.json"
sed 's/max_age: 0/max_age: 86400/' tests/integration/good.yaml > "$d/ixp.yaml"
expect_run "stale VRP export" 2 "hours old (limit 24 hours)" "$d/ixp.yaml"
cp tests/integration/good.yaml "$d/ixp.yaml"
# RPKI data that would silently weaken or poison the filters is refused.
echo '{"roas": []}' > "$d/vrps.json"
expect_run "empty VRP export after a full one" 2 "the VRP export has 0 VRPs, the previous run's had 1" "$d/ixp.yaml"
echo '{"roas":[{"asn":64501,"asn":64666,"prefix":"198.51.100.0/24","prefix":"0.0.0.0/0","maxLength":24}]}' > "$d/vrps.json"
expect_run "ROA with duplicate keys" 2 "duplicate object key" "$d/ixp.yaml"
echo '{"metadata":{"buildtime":"2099-01-01T00:00:00Z"},"roas":[{"asn":64501,"prefix":"198.51.100.0/25","maxLength":25}]}' > "$d/vrps.json"
expect_run "VRP build time in the future" 2 "is in the future" "$d/ixp.yaml"
echo '{"metadata":{"generated":9223372036854775807},"roas":[{"asn":64501,"prefix":"198.51.100.0/25","maxLength":25}]}' > "$d/vrps.json"
expect_run "VRP build time INT64_MAX" 2 "is in the future" "$d/ixp.yaml"
echo '{"metadata":{"generated":-1},"roas":[{"asn":64501,"prefix":"198.51.100.0/25","maxLength":25}]}' > "$d/vrps.json"
expect_run "negative VRP build time" 2 "before 1970" "$d/ixp.yaml"
cp "$d/vrps.good" "$d/vrps.json"
sed 's|max_age: 0|max_age: 0, slurm: slurm.json|' tests/integration/good.yaml > "$d/ixp.yaml"
echo '{"slurmVersion": 2, "validationOutputFilters": {}, "locallyAddedAssertions": {}}' > "$d/slurm.json"
expect_run "SLURM version 2" 1 "SLURM version 2 (ASPA) is not supported" "$d/ixp.yaml"
echo '{"slurmVersion": 1, "slurmVersion": 1, "validationOutputFilters": {}, "locallyAddedAssertions": {}}' > "$d/slurm.json"
expect_run "SLURM with a duplicate key" 1 "duplicate object key" "$d/ixp.yaml"
echo '{"slurmVersion": 1, "validationOutputFilters": {"prefixFilters": [{"prefix": "0.0.0.0/0"}]}, "locallyAddedAssertions": {}}' > "$d/slurm.json"
"$IXP_RSC" compile "$d/ixp.yaml" -o "$T_TMP/out-slurm" 2> "$T_TMP/stderr" > /dev/null
check "SLURM that filters every VRP: said so (the operator's own exception list)" \
	grep -q "SLURM filters removed every one of the 1 VRPs" "$T_TMP/stderr"
# The guard can be lifted for a run where the drop is real.
cp -a "$out" "$T_TMP/out-drop"
echo '{"roas": []}' > "$d/vrps.json"
sed 's|max_age: 0|max_age: 0, max_drop: 100|' tests/integration/good.yaml > "$d/ixp.yaml"
check "max_drop: 100 accepts the empty export" "$IXP_RSC" compile "$d/ixp.yaml" -o "$T_TMP/out-drop" -q
cp "$d/vrps.good" "$d/vrps.json"
sed 's|vrps: vrps.json|vrps: "http://127.0.0.1:9/vrps.json"|' tests/integration/good.yaml > "$d/ixp.yaml"
expect_run "VRP URL unreachable, no cache" 2 "no cache configured" "$d/ixp.yaml"
sed 's|max_age: 0|max_age: 0, slurm: slurm.json|' tests/integration/good.yaml > "$d/ixp.yaml"
echo '{"slurmVersion": 9}' > "$d/slurm.json"
expect_run "invalid SLURM file" 1 "not an RFC 8416 SLURM file" "$d/ixp.yaml"

# Files over their size limit are refused before a byte is read (sparse
# files: the size is all that is checked).
truncate -s 65M "$d/ixp.yaml"
MAX_MB=100 expect_run "a 65 MB YAML" 1 "file is too large" "$d/ixp.yaml"
cp tests/integration/good.yaml "$d/ixp.yaml"
truncate -s 1100M "$d/vrps.json"
MAX_MB=100 expect_run "a 1.1 GB VRP file" 2 "larger than 1024 MB" "$d/ixp.yaml"
cp "$d/vrps.good" "$d/vrps.json"
sed 's|max_age: 0|max_age: 0, slurm: slurm.json|' tests/integration/good.yaml > "$d/ixp.yaml"
truncate -s 17M "$d/slurm.json"
MAX_MB=100 expect_run "a 17 MB SLURM file" 1 "larger than 16 MB" "$d/ixp.yaml"
sed 's|^sources:|&\n  peeringdb: pdb.json|' tests/integration/good.yaml > "$d/ixp.yaml"
truncate -s 1100M "$d/pdb.json"
MAX_MB=100 expect_run "a 1.1 GB PeeringDB file" 2 "pdb.json: cannot read: File too large" "$d/ixp.yaml"
printf 'forbidden_traffic:\n  rules: rules.json\n' >> "$d/ixp.yaml"
sed -i '/peeringdb: pdb.json/d' "$d/ixp.yaml"
truncate -s 2M "$d/rules.json"
MAX_MB=100 expect_run "a 2 MB forbidden-traffic rule set" 1 "rules.json: cannot open: File too large" "$d/ixp.yaml"
rm -f "$d/pdb.json" "$d/rules.json" "$d/slurm.json"
cp tests/integration/good.yaml "$d/ixp.yaml"

# Out of memory is exit 4 with a message, never SIGABRT. A memory limit
# needs the build without AddressSanitizer (it reserves terabytes).
REL=$TOP/build/ixp-rsc
if [ -x "$REL" ]; then
	cp tests/integration/good.yaml "$d/ixp.yaml"
	{ printf '{"roas": ['; head -c 209715200 /dev/zero | tr '\000' ' '; printf ']}'; } > "$d/vrps.json"
	(ulimit -v 150000; "$REL" compile "$d/ixp.yaml" -o "$out" -q 2> "$T_TMP/stderr")
	rc=$?
	check "out of memory (ulimit -v 150 MB, a 200 MB VRP file): exit 4 (got $rc)" [ "$rc" -eq 4 ]
	check "... says so" grep -q "out of memory allocating 209715" "$T_TMP/stderr"
	check "... OUTDIR untouched" [ "$(dir_state "$out")" = "$before" ]
	cp "$d/vrps.good" "$d/vrps.json"
else
	skip "out of memory: no release build at $REL"
fi

# BIRD refuses the config (a stand-in bird that always fails), or is absent.
cp tests/integration/good.yaml "$d/ixp.yaml"
printf '#!/bin/sh\necho "bird: $3:12:3 syntax error"\nexit 1\n' > "$T_TMP/fakebird"
chmod +x "$T_TMP/fakebird"
IXP_RSC_BIRD=$T_TMP/fakebird expect_run "bird -p rejects the config" 3 "rejected by \`bird -p\`" "$d/ixp.yaml" --check
IXP_RSC_BIRD=/nonexistent/bird expect_run "bird not installed" 4 "cannot run BIRD" "$d/ixp.yaml" --check

# OUTDIR cannot be written: exit 4, nothing touched.
touch "$T_TMP/afile"
"$IXP_RSC" compile "$d/ixp.yaml" -o "$T_TMP/afile" -q 2> "$T_TMP/stderr"
check "OUTDIR is a file: exit 4" [ $? -eq 4 ]
check "OUTDIR is a file: message" grep -q "not a directory" "$T_TMP/stderr"

# ixp-lg refuses bad command lines with exit 1 and a message, before it
# touches a socket.
IXP_LG=${IXP_LG:-$(dirname "$IXP_RSC")/ixp-lg}
lg_bad() {	# DESCRIPTION MESSAGE ARGS...
	_d=$1 _m=$2
	shift 2
	"$IXP_LG" serve "$@" > /dev/null 2> "$T_TMP/lgerr"
	_rc=$?
	check "ixp-lg $_d: exit 1 and \"$_m\"" sh -c '[ "$1" -eq 1 ] && grep -qF -- "$2" "$3"' \
		_ "$_rc" "$_m" "$T_TMP/lgerr"
}
many=$(seq -s, -f '192.0.2.%g' 1 17)
lg_bad "unknown option" "unknown argument '--foo'" --bird rs1=/x --foo x
lg_bad "option without its value" "--timeout needs a value" --bird rs1=/x --timeout
lg_bad "number out of range" "--timeout wants a number from 1 to 300" --bird rs1=/x --timeout 1e9
lg_bad "proxy that is no address" "--trust-proxy: 192.0.2.1;x is not an IPv4 or IPv6 address" --bird rs1=/x --trust-proxy '192.0.2.1;x'
lg_bad "too many proxies" "--trust-proxy: at most 16 addresses" --bird rs1=/x --trust-proxy "$many"
lg_bad "route server name with a quote" "use letters, digits, '_' and '-'" --bird "r's=/x"
lg_bad "no route server" "no route server" --listen 127.0.0.1:1
lg_bad "listen address without a port" "--listen 127.0.0.1: use ADDRESS:PORT" --bird rs1=/x --listen 127.0.0.1
lg_bad "the member YAML instead of members.json" "reads the member directory from members.json" \
	--bird rs1=/x --members "$d/ixp.yaml"
printf '{"schema": 1, "members": [{"asn": 1, "name": "a\\u001b[2J", "connections": []}]}' > "$T_TMP/m.json"
lg_bad "members.json with control characters in a name" "members[0] is not a directory entry" \
	--bird rs1=/x --members "$T_TMP/m.json"
printf '{"schema": 1, "schema": 1, "members": []}' > "$T_TMP/m.json"
lg_bad "members.json with a duplicate key" "duplicate object key" --bird rs1=/x --members "$T_TMP/m.json"
# The internet-facing program links none of the compiler's libraries.
check "ixp-lg links no libcurl, libyaml or zlib (ldd)" \
	sh -c '! ldd "$1" | grep -Eq "libcurl|libyaml|libz\\."' _ "$IXP_LG"

# Reports on standard output that cannot be written (a full disk): the
# exit status says so, for every command a pipeline reads.
ex=examples/example-ix/ixp.yaml
"$IXP_RSC" ixf-export "$ex" > "$T_TMP/ixf.json" 2>/dev/null
for cmdline in "ixf-export $ex" "import ixf $T_TMP/ixf.json" "readiness $ex" \
    "readiness $ex --json" "expand $ex AS64502:AS-CUSTOMERS"; do
	# shellcheck disable=SC2086
	"$IXP_RSC" $cmdline -q > /dev/full 2> "$T_TMP/full.err"
	rc=$?
	check "${cmdline%% *} to a full disk: exit 4, \"cannot write the output\" (exit $rc)" \
		sh -c '[ "$1" -eq 4 ] && grep -q "cannot write the output: No space left" "$2"' _ "$rc" "$T_TMP/full.err"
done
# readiness: one route server, one that the YAML names.
"$IXP_RSC" readiness "$ex" --bird rs1=/x --bird rs2=/y -q > /dev/null 2> "$T_TMP/r.err"
check "readiness with two --bird: exit 1, 'name one route server'" \
	sh -c '[ "$1" -eq 1 ] && grep -q "name one route server" "$2"' _ $? "$T_TMP/r.err"
"$IXP_RSC" readiness "$ex" --bird nosuch=/x -q > /dev/null 2> "$T_TMP/r.err"
check "readiness with an unknown route server: exit 1, named" \
	sh -c '[ "$1" -eq 1 ] && grep -q "nosuch=/x: no route server of that name" "$2"' _ $? "$T_TMP/r.err"
"$IXP_RSC" readiness "$ex" --bird rs1="$T_TMP/no.ctl" -q > "$T_TMP/r.out" 2> "$T_TMP/r.err"
check "readiness with a socket nobody listens on: exit 2, nothing on stdout" \
	sh -c '[ "$1" -eq 2 ] && [ ! -s "$2" ] && grep -q "rs1: cannot connect" "$3"' _ $? "$T_TMP/r.out" "$T_TMP/r.err"

# After all that, the good input still compiles into the same OUTDIR.
check "the good input still compiles" "$IXP_RSC" compile "$d/ixp.yaml" -o "$out" -q
summary t_hostile
