# Live IRR data: ixp-rsc against the fixture IRRd server (tests/tools/
# irrd_fixture.c serving tests/irrd/*.db). bgpq4, the reference client,
# must get exactly the prefixes ixp-rsc computes, for every fixture AS-SET;
# a live compile must equal the compile from the same dumps; and every
# failure mode must end in the fail-safe outcome: the cache when it is
# young enough, else exit 2 with OUTDIR untouched.
. tests/lib.sh
FX=${TOOLS:-$TOP/build/tests}/irrd_fixture
scratch
if ! command -v bgpq4 >/dev/null || [ ! -x "$FX" ]; then
	fail "bgpq4 and the fixture server are available (make check installs/builds them)"
	summary t_irrd
	exit 1
fi

d=$T_TMP/ixp
mkdir -p "$d"
cp tests/irrd/ripe.db tests/irrd/radb.db tests/irrd/ixp.yaml "$d/"
# A bigger set, so the pipeline has work: 16 ASNs with 64 route6 each.
awk 'BEGIN {
	printf "as-set: AS-BIG\nmembers:";
	for (a = 65536; a <= 65551; a++) printf " AS%d%s", a, a < 65551 ? "," : "";
	print "\nsource: RIPE\n";
	for (a = 65536; a <= 65551; a++)
		for (i = 0; i < 64; i++)
			printf "route6: 2001:db8:%x:%x00::/56\norigin: AS%d\nsource: RIPE\n\n", a - 65536 + 16, i, a;
}' > "$d/big.db"
SETS="AS-A AS-B AS-C AS64496:AS-HIER AS-REF AS-EMPTY AS-DUP AS-BIG AS-MISSING"

# start_irrd [fixture flags]: the server on a free port, $PORT set.
start_irrd() {
	# Truncated here, not by the background job's redirection: otherwise
	# the READY line of the previous server may still be read.
	: > "$T_TMP/fx.out"
	"$FX" -p 0 "$@" "$d/ripe.db" "$d/radb.db" "$d/big.db" > "$T_TMP/fx.out" 2> "$T_TMP/fx.err" &
	echo $! >> "$T_TMP/pids"
	FXPID=$!
	_n=0
	while ! grep -q READY "$T_TMP/fx.out" 2>/dev/null; do
		_n=$((_n + 1))
		[ $_n -gt 100 ] && { fail "fixture server starts"; return 1; }
		sleep 0.05
	done
	PORT=$(awk '/READY/ { print $2 }' "$T_TMP/fx.out")
}
stop_irrd() { kill "$FXPID" 2>/dev/null; wait "$FXPID" 2>/dev/null; }

# The YAML with the server instead of the dumps (and a cache).
live_yaml() {
	sed "s|    dumps: \[ripe.db, radb.db, big.db\]|    servers: [\"127.0.0.1:$PORT\"]${1:+\n    $1}\n  cache_dir: $T_TMP/cache\n  cache_max_age: 3600|" \
		tests/irrd/ixp.yaml > "$d/live.yaml"
}

# ---- bgpq4 cross-check ---------------------------------------------------

start_irrd
live_yaml
for mode in "" "-L 20"; do
	for set in $SETS; do
		for af in 4 6; do
			# shellcheck disable=SC2086
			ref=$(bgpq4 -h "127.0.0.1:$PORT" -p -$af $mode -F '%n/%l\n' "$set" 2>/dev/null | sort)
			live=$("$IXP_RSC" expand "$d/live.yaml" "$set" -$af 2>/dev/null | sort)
			dump=$("$IXP_RSC" expand "$d/ixp.yaml" "$set" -$af 2>/dev/null | sort)
			n=$(printf '%s' "$ref" | grep -c . || true)
			if [ "$ref" = "$live" ] && [ "$ref" = "$dump" ]; then
				pass "bgpq4 ${mode:+$mode }-$af $set: $n prefixes, same as ixp-rsc (live and dumps)"
			else
				fail "bgpq4 ${mode:+$mode }-$af $set: bgpq4 $(printf '%s' "$ref" | tr '\n' ' ') / live $(printf '%s' "$live" | tr '\n' ' ') / dumps $(printf '%s' "$dump" | tr '\n' ' ')"
			fi
		done
	done
done
# Without !a the reference client expands with !i,1 and !g/!6.
stop_irrd
start_irrd --no-a
live_yaml
for set in AS-A AS-REF AS-BIG; do
	ref=$(bgpq4 -h "127.0.0.1:$PORT" -p -6 -F '%n/%l\n' "$set" 2>/dev/null | sort)
	live=$("$IXP_RSC" expand "$d/live.yaml" "$set" -6 2>/dev/null | sort)
	check "bgpq4 (server without !a) -6 $set: same as ixp-rsc" \
		sh -c '[ -n "$1" ] && [ "$1" = "$2" ]' _ "$ref" "$live"
done

# ---- live compile equals the compile from the dumps ------------------------

"$IXP_RSC" compile "$d/ixp.yaml" -o "$T_TMP/dump-out" --no-timestamp -q 2>/dev/null
"$IXP_RSC" compile "$d/live.yaml" -o "$T_TMP/live-out" --no-timestamp -q --jobs 1 2>/dev/null
check "live compile (--jobs 1) succeeds and fills the cache" sh -c "ls $T_TMP/cache/irr-* >/dev/null"
check "live rs1.conf is identical to the one from the dumps" cmp -s "$T_TMP/dump-out/rs1.conf" "$T_TMP/live-out/rs1.conf"
"$IXP_RSC" compile "$d/live.yaml" -o "$T_TMP/live-out8" --no-timestamp -q --jobs 8 2>/dev/null
check "--jobs 8 gives the same config as --jobs 1" cmp -s "$T_TMP/live-out/rs1.conf" "$T_TMP/live-out8/rs1.conf"
check "report.json says the IRR data is live" grep -q '"from": "live"' "$T_TMP/live-out8/report.json"

# ---- failure modes ------------------------------------------------------------

out=$T_TMP/out
"$IXP_RSC" compile "$d/ixp.yaml" -o "$out" --no-timestamp -q 2>/dev/null
before=$(dir_state "$out")

# expect NAME EXIT MESSAGE [ixp-rsc args]: run compile on live.yaml into $out.
expect() {
	_name=$1 _want=$2 _msg=$3
	shift 3
	# shellcheck disable=SC2086
	timeout 120 ${RUN:-} "$IXP_RSC" compile "$d/live.yaml" -o "$out" --no-timestamp "$@" \
		> /dev/null 2> "$T_TMP/err"
	_rc=$?
	if [ "$_rc" -ne "$_want" ]; then
		fail "$_name: exit $_rc, want $_want"
		sed 's/^/        /' "$T_TMP/err" | head -4
	elif [ -n "$_msg" ] && ! grep -qF -- "$_msg" "$T_TMP/err"; then
		fail "$_name: message '$_msg' missing"
		sed 's/^/        /' "$T_TMP/err" | head -4
	elif [ "$_want" -ne 0 ] && [ "$(dir_state "$out")" != "$before" ]; then
		fail "$_name: OUTDIR changed"
	else
		pass "$_name (exit $_want)"
	fi
}

# A fresh cache exists now (from the live compiles above).
stop_irrd
expect "server down, fresh cache: the cache is used" 0 "using the cached copy"
check "... and the config equals the live one" cmp -s "$out/rs1.conf" "$T_TMP/live-out/rs1.conf"
check "... and report.json says so" grep -q '"from": "cache"' "$out/report.json"
"$IXP_RSC" compile "$d/ixp.yaml" -o "$out" --no-timestamp -q 2>/dev/null
before=$(dir_state "$out")
expect "--offline uses the cache without asking the server" 0 "offline; using the cached copy" --offline
"$IXP_RSC" compile "$d/ixp.yaml" -o "$out" --no-timestamp -q 2>/dev/null
before=$(dir_state "$out")
touch -d '3 hours ago' "$T_TMP"/cache/irr-*
expect "server down, cache older than cache_max_age: exit 2" 2 "hours old (limit 1)"
mv "$T_TMP/cache" "$T_TMP/cache.saved"
expect "server down, no cache: exit 2" 2 "no cached copy"
expect "--offline without a cache: exit 2" 2 "no cached copy" --offline

# Two servers, the first one down: the second answers and is cached under
# its own name; with both down, that copy serves the fallback.
start_irrd
sed "s|    dumps: \[ripe.db, radb.db, big.db\]|    servers: [\"127.0.0.1:9\", \"127.0.0.1:$PORT\"]\n  cache_dir: $T_TMP/cache2\n  cache_max_age: 3600|" \
	tests/irrd/ixp.yaml > "$d/two.yaml"
"$IXP_RSC" compile "$d/two.yaml" -o "$T_TMP/two-out" --no-timestamp -q 2> "$T_TMP/err"
check "servers [down, up]: compiled from the second" [ $? -eq 0 ]
stop_irrd
"$IXP_RSC" compile "$d/two.yaml" -o "$T_TMP/two-out" --no-timestamp 2> "$T_TMP/err" > /dev/null
check "both down: the second server's cached copy serves (exit 0)" [ $? -eq 0 ]
check "... says so" grep -q "IRR: .*using the cached copy" "$T_TMP/err"
check "... same config as live" cmp -s "$T_TMP/two-out/rs1.conf" "$T_TMP/live-out/rs1.conf"

start_irrd --slow 3000
live_yaml "timeout: 1"
expect "slow server (3 s per answer, timeout 1 s): exit 2" 2 "no answer for 1 s"
stop_irrd
start_irrd --drop-once-after 5
live_yaml
"$IXP_RSC" compile "$d/live.yaml" -o "$T_TMP/drop-out" --no-timestamp -q 2>/dev/null
check "connection dropped once: reconnects, re-issues, same config" \
	cmp -s "$T_TMP/drop-out/rs1.conf" "$T_TMP/live-out/rs1.conf"
stop_irrd
start_irrd --drop-after 3
live_yaml
expect "connection dropped every time: gives up, exit 2" 2 "giving up"
stop_irrd
start_irrd --garbage-after 3
live_yaml
expect "garbage answers: exit 2" 2 "unexpected answer line"
stop_irrd
start_irrd --oversize-after 3
live_yaml
expect "an answer announcing 999999999999 bytes: refused, exit 2" 2 "larger than the limit"
stop_irrd
start_irrd
live_yaml
sed -i 's/sources: \[RIPE, RADB\]/sources: [RIPE, NOPE]/' "$d/live.yaml"
expect "a source the server does not have: exit 2" 2 "does not serve the IRR sources RIPE,NOPE"

# Servers that misbehave the ways real networks do. Each case: the exit
# code, the message, OUTDIR untouched (expect), and bounded memory.
PEAKRSS=${TOOLS:-$TOP/build/tests}/peakrss
# bounded NAME EXIT MESSAGE MAX_MB FIXTURE_FLAGS...: run against a fixture
# with those faults (one connection, a 1 s idle timeout, a 4 s deadline).
bounded() {
	_bn=$1 _bx=$2 _bm=$3 _bmb=$4
	shift 4
	stop_irrd
	start_irrd "$@"
	live_yaml "timeout: 1\\n    deadline: 4"
	RUN="$PEAKRSS $T_TMP/rss"
	expect "$_bn" "$_bx" "$_bm" --jobs 1
	RUN=
	_kb=$(cat "$T_TMP/rss" 2>/dev/null || echo 0)
	check "$_bn: peak memory $((_kb / 1024)) MB, at most $_bmb MB" [ "$_kb" -le $((_bmb * 1024)) ]
}
bounded "server stalls in the middle of an answer" 2 "no answer for 1 s" 400 --stall-after 3
bounded "server announces more bytes than it sends and closes" 2 "giving up" 400 --short-after 3
bounded "server resets the connection (TCP RST)" 2 "giving up" 400 --reset-after 3
bounded "server trickles a byte every 50 ms (never idle)" 2 "no complete answer within 4 s" 400 --trickle 50
bounded "every !i answer names 400 new AS-SETs" 2 "more than 250000 sets" 1000 --explode 400
esc=$(printf 'We are\033[2J\033]0;owned\007 \rdown')
bounded "an error text with terminal escapes from the server" 2 "does not serve the IRR sources" 400 --fail-sources "$esc"
check "... printed with its control characters escaped" grep -qF 'We are\x1b[2J\x1b]0;owned\x07 \x0ddown' "$T_TMP/err"
check "... no raw ESC, BEL or CR reaches the terminal" sh -c '! grep -q "$(printf "[\033\007\r]")" "$1"' _ "$T_TMP/err"
stop_irrd
start_irrd

# ---- shrink detection ---------------------------------------------------------

live_yaml
"$IXP_RSC" compile "$d/live.yaml" -o "$T_TMP/shrink" --no-timestamp -q 2>/dev/null
stop_irrd
# AS-BIG loses three quarters of its members.
sed -i 's/^members: AS65536.*/members: AS65536, AS65537, AS65538, AS65539/' "$d/big.db"
start_irrd
live_yaml
"$IXP_RSC" compile "$d/live.yaml" -o "$T_TMP/shrink" --no-timestamp 2> "$T_TMP/err" >/dev/null
check "a member whose IRR data fell by more than half is warned about" \
	grep -q "AS64511: ipv6 prefixes from the IRR fell from 1024 to 256 since the previous run" "$T_TMP/err"
check "... and flagged in report.json" grep -q '"shrunk"' "$T_TMP/shrink/report.json"
stop_irrd

summary t_irrd
