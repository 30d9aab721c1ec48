# HTTP data sources: VRPs from a URL and PeeringDB, from the fixture server
# (tests/tools/http_fixture.c), never the internet. Caching and fail-safe,
# HTTP 429 back-off, size limits, the API key, TLS verification.
. tests/lib.sh
HF=${TOOLS:-$TOP/build/tests}/http_fixture
scratch
[ -x "$HF" ] || { fail "http_fixture is built"; summary t_http; exit 1; }
d=$T_TMP/ixp
mkdir -p "$d"
cp tests/http/irr.db tests/http/pdb.json tests/http/vrps.json "$d/"

# start_http [flags]: the fixture, $URL set.
start_http() {
	: > "$T_TMP/hf.out"
	"$HF" --vrps "$d/vrps.json" --pdb "$d/pdb.json" "$@" > "$T_TMP/hf.out" 2> "$T_TMP/hf.err" &
	HFPID=$!
	echo $HFPID >> "$T_TMP/pids"
	_n=0
	while ! grep -q READY "$T_TMP/hf.out" 2>/dev/null; do
		_n=$((_n + 1)); [ $_n -gt 100 ] && { fail "http fixture starts"; return 1; }
		sleep 0.05
	done
	PORT=$(awk '/READY/ { print $2 }' "$T_TMP/hf.out")
	URL=${SCHEME:-http}://127.0.0.1:$PORT
}
stop_http() { kill "$HFPID" 2>/dev/null; wait "$HFPID" 2>/dev/null; }
yaml() { sed "s|URL|$URL|; s|URL|$URL|; s|CACHE|$T_TMP/cache|" tests/http/ixp.yaml > "$d/ixp.yaml"; }
run() { timeout 120 "$IXP_RSC" compile "$d/ixp.yaml" -o "$T_TMP/out" --no-timestamp "$@" > /dev/null 2> "$T_TMP/err"; }

start_http
yaml
PEERINGDB_API_KEY=test-key-123 run
check "compile with VRPs and PeeringDB over HTTP" [ $? -eq 0 ]
conf=$T_TMP/out/rs1.conf
check "VRPs from the URL are compiled in" grep -q 'route 198.51.100.0/25 max 25 as 64501;' "$conf"
check "PeeringDB irr_as_set is used for a member without as_set (normalised)" \
	grep -q '^# AS-SET: (from PeeringDB) TEST::AS-FROM-PDB, AS-FROM-PDB' "$conf"
check "... and expands to the set's two ASNs and their prefixes" grep -q '; 2 ASNs, 2 IPv4 and 0 IPv6 prefixes' "$conf"
check "... the unusable words are reported" grep -q "AS64501: 2 unusable name(s) in PeeringDB's irr_as_set" "$T_TMP/err"
check "... with the terminal escape in PeeringDB's text escaped" grep -qF 'see website\x1b[2J\x0d' "$T_TMP/err"
check "... and no raw ESC or CR printed" sh -c '! grep -q "$(printf "[\033\r]")" "$1"' _ "$T_TMP/err"
check "max-prefix from PeeringDB: (120 + 100) x 1.15 = 253" grep -q 'receive limit 253 action restart;	# peeringdb' "$conf"
check "max-prefix falls back to the default when PeeringDB has none" grep -q 'receive limit 100 action restart;	# default' "$conf"
check "PeeringDB never-via-route-servers ASNs are rejected (reason 15)" grep -q 'rs_path_has(RS_NEVER_VIA_RS) then rs_reject(15)' "$conf"
check "... the list holds AS64511" sh -c "sed -n '/RS_NEVER_VIA_RS = \[/,/\]/p' $conf | grep -q 64511"
check "PeeringDB is asked in bulk (asn__in) with the API key" grep -q 'GET /api/net?fields=.*asn__in=64501,64502 AUTH Api-Key test-key-123' "$T_TMP/hf.out"
# The fixture honours `fields` as PeeringDB does: the list of networks that
# are never to be reached via a route server must come from records that
# carry the flag, and a path through one of them is rejected.
"$IXP_RSC" explain "$d/ixp.yaml" --member 64502 --prefix 203.0.113.0/24 \
	--path "64502 64511 64502" > "$T_TMP/explain" 2>&1
check "a path through a non-member that PeeringDB marks never-via-RS fails check 15" \
	grep -Eq '^ *15 .* (REJECT|fails too) +AS64511' "$T_TMP/explain"
check "report.json: as_set_source peeringdb" grep -q '"as_set_source": "peeringdb"' "$T_TMP/out/report.json"
check "both sources are cached" sh -c "ls $T_TMP/cache/vrps-* $T_TMP/cache/peeringdb-* >/dev/null"
cp "$conf" "$T_TMP/live.conf"
stop_http

run
check "server down, fresh cache: compiled from the cache" [ $? -eq 0 ]
check "... identical config" cmp -s "$conf" "$T_TMP/live.conf"
check "... and it says so" grep -q "VRPs: .*using the cached copy" "$T_TMP/err"
run --offline
check "--offline: from the cache, no network" [ $? -eq 0 ]
before=$(dir_state "$T_TMP/out")
touch -d '2 hours ago' "$T_TMP"/cache/*
run
check "server down, cache too old: exit 2" [ $? -eq 2 ]
check "... OUTDIR untouched" [ "$(dir_state "$T_TMP/out")" = "$before" ]
rm -rf "$T_TMP/cache"

# A list of VRP URLs: the first answers 404, the second is used (and the
# first one's failure said); trust anchors filter what is read.
start_http
yaml
sed -i "s|  rpki: {vrps: \"$URL/vrps.json\", max_age: 0}|  rpki: {vrps: [\"$URL/gone.json\", \"$URL/vrps.json\"], max_age: 0}|" "$d/ixp.yaml"
run
check "VRP list: the second URL after a 404 of the first: compiled" [ $? -eq 0 ]
check "... with its 2 VRPs" sh -c "jq -e '.sources.rpki.vrps == 2' $T_TMP/out/report.json > /dev/null"
check "... and the first one's failure is a warning" grep -q "VRPs server $URL/gone.json: .*404" "$T_TMP/err"
sed -i "s|max_age: 0}|max_age: 0, trust_anchors: [lacnic]}|" "$d/ixp.yaml"
run
rc=$?
# Leaving out every VRP is a drop like any other: the guard holds it back,
# from the live and the cached copy alike, until max_drop allows it.
check "trust_anchors [lacnic]: all VRPs gone, held back by max_drop (exit 2, got $rc)" [ "$rc" -eq 2 ]
check "... saying so" grep -q "the VRP export has 0 VRPs, the previous run's had 2" "$T_TMP/err"
sed -i "s|trust_anchors: \[lacnic\]}|trust_anchors: [lacnic], max_drop: 100}|" "$d/ixp.yaml"
run
check "trust_anchors [lacnic], max_drop 100: compiled" [ $? -eq 0 ]
check "... the VRPs of other trust anchors (\"test\") left out and counted" sh -c \
	"jq -e '.sources.rpki.vrps == 0 and .sources.rpki.skipped_other_trust_anchors == 2' $T_TMP/out/report.json > /dev/null"
sed -i "s|trust_anchors: \[lacnic\]|trust_anchors: [LACNIC, Test]|" "$d/ixp.yaml"
run
check "trust_anchors [LACNIC, Test]: the VRPs of \"test\" kept (names compared without case)" sh -c \
	"jq -e '.sources.rpki.vrps == 2 and .sources.rpki.skipped_other_trust_anchors == 0' $T_TMP/out/report.json > /dev/null"
stop_http
rm -rf "$T_TMP/cache"

start_http --429 2
yaml
t0=$(date +%s)
run
check "HTTP 429 twice: backs off (Retry-After) and succeeds" [ $? -eq 0 ]
check "... after waiting" [ $(( $(date +%s) - t0 )) -ge 2 ]
stop_http

# Faults, each bounded: exit 2 without a cache, the previous OUTDIR kept.
PEAKRSS=${TOOLS:-$TOP/build/tests}/peakrss
fault() {	# NAME MESSAGE MAX_S FIXTURE_FLAGS...
	_fn=$1 _fm=$2 _fs=$3
	shift 3
	start_http "$@"
	yaml
	sed -i 's|^  cache_max_age: 3600|&\n  http_deadline: 3|' "$d/ixp.yaml"
	rm -rf "$T_TMP/cache"
	_before=$(dir_state "$T_TMP/out")
	_t0=$(date +%s)
	timeout 120 "$PEAKRSS" "$T_TMP/rss" "$IXP_RSC" compile "$d/ixp.yaml" -o "$T_TMP/out" \
		--no-timestamp > /dev/null 2> "$T_TMP/err"
	_rc=$?
	_dt=$(( $(date +%s) - _t0 ))
	check "$_fn: exit 2 (got $_rc)" [ "$_rc" -eq 2 ]
	check "$_fn: says \"$_fm\"" grep -q "$_fm" "$T_TMP/err"
	check "$_fn: OUTDIR untouched" [ "$(dir_state "$T_TMP/out")" = "$_before" ]
	check "$_fn: done in ${_dt} s, at most $_fs s" [ "$_dt" -le "$_fs" ]
	check "$_fn: peak memory $(( $(cat "$T_TMP/rss") >> 10 )) MB, at most 400 MB" \
		[ "$(cat "$T_TMP/rss")" -le $((400 * 1024)) ]
	stop_http
}
fault "HTTP 500" "HTTP status 500" 60 --status 500
fault "a server slower than sources.http_deadline (3 s)" "no complete answer\|timed out\|Timeout" 60 --slow 10000
fault "429 with Retry-After: 3600" "rate limited for 3600 s" 60 --429 100 --retry-after 3600
fault "an answer of 20 MB of filler" "larger than 16777216 bytes" 60 --huge 20000000

printf '{"roas": [' > "$d/vrps.json"
start_http
yaml
rm -rf "$T_TMP/cache"
run
check "a truncated VRP export over HTTP, no cache: exit 2" [ $? -eq 2 ]
check "... named" grep -q "invalid JSON" "$T_TMP/err"
stop_http
cp tests/http/vrps.json "$d/vrps.json"

# Many networks that ask never to be reached via route servers: the list
# comes in pages (limit/skip), every page is read.
awk 'BEGIN { printf "{\"data\": [{\"asn\": 64502, \"irr_as_set\": \"\", \"info_never_via_route_servers\": false}";
	for (i = 0; i < 2500; i++) printf ", {\"asn\": %.0f, \"info_never_via_route_servers\": true}", 4200000000 + 2 * i;
	print "]}" }' > "$d/pdb.json"
start_http
yaml
rm -rf "$T_TMP/cache"
run
check "2,500 never-via-RS networks: compiled" [ $? -eq 0 ]
check "... read in 3 pages" [ "$(grep -c 'info_never_via_route_servers=1' "$T_TMP/hf.out")" -eq 3 ]
check "... the last page's networks are in the list" grep -q "4200004998" "$conf"
stop_http
cp tests/http/pdb.json "$d/pdb.json"

# TLS: a self-signed certificate is refused; trusted explicitly, it works.
# import peeringdb IXLAN-ID: the same skeleton as from the saved answer.
start_http --ixlan tests/ixf/pdb-ixlan.json
imp() { timeout 60 "$IXP_RSC" import peeringdb "$1" --peeringdb-url "$URL/api" --route-server 192.0.2.1 \
	--rs-asn 64500 --irr-dump "$d/irr.db" -q; }
PEERINGDB_API_KEY=test-key-123 imp 4242 > "$T_TMP/api.yaml" 2> "$T_TMP/api.err"
rc=$?
imp tests/ixf/pdb-ixlan.json > "$T_TMP/file.yaml" 2> /dev/null
sed 1d "$T_TMP/api.yaml" > "$T_TMP/api.body"
sed 1d "$T_TMP/file.yaml" > "$T_TMP/file.body"
check "import peeringdb 4242 from the API (exit $rc): the skeleton of the saved answer" sh -c \
	"[ $rc = 0 ] && [ -s $T_TMP/api.body ] && cmp -s $T_TMP/api.body $T_TMP/file.body"
check "... it asked for /api/ixlan/4242?depth=2 with the API key" sh -c \
	"grep -q '/api/ixlan/4242' $T_TMP/hf.out && grep -q 'Api-Key test-key-123' $T_TMP/hf.out"
imp 99 > /dev/null 2> "$T_TMP/api404.err"
rc=$?
check "import peeringdb of an IX LAN PeeringDB does not know: exit 2 (got $rc), with the HTTP status" sh -c \
	"[ $rc = 2 ] && grep -q '404' $T_TMP/api404.err"
stop_http

openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj "/CN=127.0.0.1" \
	-addext "subjectAltName=IP:127.0.0.1" -keyout "$T_TMP/key.pem" -out "$T_TMP/cert.pem" 2>/dev/null
SCHEME=https start_http --tls "$T_TMP/cert.pem" "$T_TMP/key.pem"
yaml
run
check "TLS: a certificate nobody vouches for is refused: exit 2" [ $? -eq 2 ]
check "... with the TLS error" grep -qi "certificate" "$T_TMP/err"
IXP_RSC_CA_FILE=$T_TMP/cert.pem run
check "TLS: with that certificate trusted, the same source works" [ $? -eq 0 ]
stop_http

summary t_http
