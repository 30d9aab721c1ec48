# The looking glass against a real route server: BIRD running the config
# ixp-rsc generated from tests/lg/ixp.yaml, two members sending accepted and
# filtered routes (IPv4 and IPv6, several reasons, a blackhole, a list of
# two pages), a third member that never connects. Every page and API
# endpoint is checked for the right routes and reasons; hostile requests
# are checked against the commands BIRD itself logged; the rate limit,
# BIRD going away and coming back, CGI mode, and a headless Chromium
# rendering of the neighbour page.
. tests/lib.sh
. tests/netns.sh
ns_need_root t_lg curl jq
ns_init
. tests/lg/env.sh

IXP_LG=${IXP_LG:-$(dirname "$IXP_RSC")/ixp-lg}
if ! lg_env_up; then
	fail "the test IXP starts"
	summary t_lg
	exit 1
fi
wait_until 60 "route server converged" lg_env_converged && pass "route server has the test routes"
# From here until the check of BIRD's command log, only ixp-lg talks to BIRD.
log_from=$(( $(wc -l < "$T_TMP/rs.log") + 1 ))

port=$(( 20000 + NS_ID % 20000 ))
"$IXP_LG" serve --bird rs1="$RS_CTL" --listen 127.0.0.1:$port --members "$T_TMP/rs/members.json" \
	--reasons "$T_TMP/rs/reasons.json" --pages "$T_TMP/rs" --rate 1000 --burst 1000 > "$T_TMP/lg.log" 2>&1 &
echo $! >> "$T_TMP/pids"
LG=http://127.0.0.1:$port
wait_until 20 "ixp-lg listening" curl -sf "$LG/healthz"

get() { curl -s "$LG$1"; }
code() { curl -s -o /dev/null -w '%{http_code}' "$@"; }
# jqc DESCRIPTION URL FILTER: the jq filter is true on the JSON at URL.
jqc() { check "$1" sh -c "curl -s '$LG$2' | jq -e '$3' >/dev/null"; }

# ---- JSON API -----------------------------------------------------------

rs_version=$("$RS_BIRD" --version 2>&1 | sed -n 's/.*version //p')
jqc "status: rs1 up, BIRD $rs_version" /api/v1/status \
	".route_servers[0] | .up == true and .version == \"$rs_version\" and .router_id == \"192.0.2.1\""
N=/api/v1/rs/rs1/neighbors
jqc "neighbours: 5 sessions with member names" $N \
	'(.neighbors | length) == 5 and (.neighbors[0].member_name == "Alpha <Networks> & \"Sons\"")'
jqc "neighbours: AS64501 IPv4 received 120, accepted 3, filtered 117, exported 1" $N \
	'.neighbors[] | select(.id == "AS64501_1") | .families.ipv4 | .received == 120 and .accepted == 3 and .filtered == 117 and .exported == 1'
jqc "neighbours: AS64501's IPv6 session counted on its own channel" $N \
	'.neighbors[] | select(.id == "AS64501_2") | .families.ipv6 | .accepted == 1 and .filtered == 1'
jqc "neighbours: AS64503 never connected, not established" $N \
	'.neighbors[] | select(.id == "AS64503_1") | .established == false and .state == "start"'
R=$N/AS64501_1/routes
jqc "filtered: 117 routes, page 1 of 100" "$R?view=filtered" '.total == 117 and (.routes | length) == 100'
jqc "filtered: page 2 holds the last 17" "$R?view=filtered&page=2" '(.routes | length) == 17 and .page == 2'
# Both pages as one list (BIRD lists filtered routes in its own order).
{ get "$R?view=filtered"; get "$R?view=filtered&page=2"; } | jq -s '{routes: (.[0].routes + .[1].routes)}' > "$T_TMP/filtered.json"
check "filtered: the two pages together hold 117 different networks" \
	sh -c "jq -e '[.routes[].network] | unique | length == 117' $T_TMP/filtered.json >/dev/null"
jqf() { check "$1" sh -c "jq -e '$2' $T_TMP/filtered.json >/dev/null"; }
for spec in "198.51.100.192/28|12|Prefix not in the member" "10.1.0.0/16|2|Bogon prefix" \
    "198.51.100.32/29|13|Invalid prefix length" "198.51.100.48/28|9|Origin ASN not in" \
    "198.51.100.64/28|14|RPKI invalid"; do
	pfx=${spec%%|*} rest=${spec#*|}
	jqf "filtered $pfx: reason ${rest%%|*} (${rest#*|}...)" \
		".routes[] | select(.network == \"$pfx\") | .reject.code == ${rest%%|*} and (.reject.text | startswith(\"${rest#*|}\")) and (.reject.hint | length > 10)"
done
jqf "filtered 198.51.100.64/28: RPKI shown invalid" \
	'.routes[] | select(.network == "198.51.100.64/28") | .rpki == "invalid"'
jqc "accepted: 3 routes, RPKI valid, the blackhole flagged" "$R?view=accepted" \
	'.total == 3 and (.routes[] | select(.network == "198.51.100.0/28") | .rpki == "valid" and .as_path == [64501]) and (.routes[] | select(.network == "198.51.100.1/32") | .blackhole)'
# Why a route is not sent to someone: 198.51.100.16/28 carries 64500:0:64502,
# the blackhole 198.51.100.1/32 the standard 0:64502.
jqc "accepted: .16/28 and .1/32 are not sent to AS64502 (asked not to), .0/28 to everyone" "$R?view=accepted" \
	'([.routes[] | select(.network == "198.51.100.16/28" or .network == "198.51.100.1/32") | .not_sent_to] == [[{"asn": 64502, "reason": "denied"}], [{"asn": 64502, "reason": "denied"}]]) and ([.routes[] | select(.network == "198.51.100.0/28") | .not_sent_to] == [[]]) and ([.routes[].sent_to_none] | unique) == [null]'
jqc "not exported to AS64502: BIRD withholds those two alone, for that reason" "$N/AS64502_1/routes?view=noexport" \
	'([.routes[] | {network, r: .not_exported.reason}] | sort_by(.network)) == [{"network": "198.51.100.1/32", "r": "denied"}, {"network": "198.51.100.16/28", "r": "denied"}]'
jqc "exported to AS64502: without them (BIRD agrees)" "$N/AS64502_1/routes?view=exported" \
	'[.routes[].network] | index("198.51.100.16/28") == null and index("198.51.100.1/32") == null'
check "neighbour page: a 'Not exported to it' tab with the reason" sh -c \
	"curl -s '$LG/rs/rs1/AS64502_1?view=noexport' | grep -q 'Not exported to it' && curl -s '$LG/rs/rs1/AS64502_1?view=noexport' | grep -q 'asked not to send it to this member'"
check "accepted list: 'Not sent to AS64502 Beta Transit (asked not to)'" sh -c \
	"curl -s '$LG/rs/rs1/AS64501_1?view=accepted' | grep -q 'Not sent to <a href=\"member/AS64502\">AS64502</a> Beta Transit (asked not to)'"
# Named communities: the route server's own from reasons.json, the IXP's
# (ixp.communities), well-known ones; raw values beside them.
jqc "named: RPKI state and the IXP's informational community on an accepted route" "$R?view=accepted" \
	'.routes[] | select(.network == "198.51.100.0/28") | .community_meanings["64500:1000:1"] == "RPKI valid" and .community_meanings["64501:1:2"] == "Alpha\u0027s own <tag> & \"marks\""'
jqc "named: announcement control with the peer's name" "$R?view=accepted" \
	'.routes[] | select(.network == "198.51.100.16/28") | .community_meanings["64500:0:64502"] == "do not announce to peer: AS64502 Beta Transit"'
jqc "named: the blackhole community" "$R?view=accepted" \
	'.routes[] | select(.network == "198.51.100.1/32") | .community_meanings["65535:666"] | startswith("BLACKHOLE")'
jqf "named: a filtered route's reject community" \
	'.routes[] | select(.network == "198.51.100.64/28") | .community_meanings["64500:65520:14"] == "filtered, reason 14: RPKI invalid"'
check "named in HTML: the meaning beside the raw value, escaped" sh -c \
	"curl -s '$LG/rs/rs1/AS64501_1?view=accepted' | grep -qF '64501:1:2 <span class=\"cn\">Alpha&#39;s own &lt;tag&gt; &amp; &quot;marks&quot;</span>'"
# Routes by community, and members by name or ASN.
jqc "community search: 64500:0:64502 finds 198.51.100.16/28" "/api/v1/community?c=64500:0:64502" \
	'[.results[0].routes[] | .network] == ["198.51.100.16/28"] and .query == "64500:0:64502"'
jqc "community search: the reject community 64500:65520:14 finds the filtered RPKI-invalid route" "/api/v1/community?c=64500:65520:14" \
	'[.results[0].routes[] | select(.filtered) | .network] == ["198.51.100.64/28"]'
jqc "community search: a standard community, 64502:100, on AS64502's IPv4 route" "/api/v1/community?c=64502:100" \
	'[.results[0].routes[] | .network] == ["203.0.113.0/24"]'
check "community search: a pattern or text is 400" [ "$(code "$LG/api/v1/community?c=64500:0:%7Bx%7D") $(code "$LG/community?c=65536:1") $(code "$LG/community?c=1:2:3:4")" = "400 400 400" ]
jqc "member search by name, any case" "/api/v1/members?find=ALPHA" '[.members[].asn] == [64501]'
jqc "member search by ASN" "/api/v1/members?find=AS64502" '[.members[].asn] == [64502]'
jqc "member search with no match: empty" "/api/v1/members?find=nobody" '.members == []'
check "members page: the search form keeps the text, escaped" sh -c \
	"curl -s '$LG/members?find=%3Cb%3E' | grep -q 'value=\"&lt;b&gt;\"'"
jqc "exported to AS64502: AS64501's routes, not its own" "$N/AS64502_1/routes?view=exported" \
	'([.routes[].network] | index("198.51.100.0/28") != null) and ([.routes[].network] | index("203.0.113.0/24") == null)'
jqc "IPv6 filtered: 2001:db8:1000:1::/64 reason 12" "$N/AS64501_2/routes?view=filtered" \
	'.routes[0].network == "2001:db8:1000:1::/64" and .routes[0].reject.code == 12'
jqc "lookup of an address: longest match 198.51.100.0/28, accepted" "/api/v1/lookup?q=198.51.100.5" \
	'.results[0].routes | length == 1 and .[0].network == "198.51.100.0/28" and .[0].filtered == false'
jqc "lookup of a filtered prefix: shown with its reason" "/api/v1/lookup?q=198.51.100.64/28" \
	'.results[0].routes[] | select(.filtered) | .reject.code == 14'
# A member's aggregate: its filtered more-specifics, paged, with the
# relation of each route to the prefix (issue 20: "No route server has a
# route" while 116 filtered routes were inside it).
L=/api/v1/lookup?q=198.51.100.0/24
{ get "$L"; get "$L&page=2"; } > "$T_TMP/agg.json"
check "lookup of an aggregate: two pages of more specifics, 100 and 16 filtered" sh -c \
	"jq -s -e '[.[] | [.results[0].routes[] | select(.filtered)] | length] == [100, 16] and .[0].pages == 2 and .[1].page == 2' $T_TMP/agg.json >/dev/null"
want=$(jq -c '[.routes[].network | select(startswith("198.51.100."))] | sort' "$T_TMP/filtered.json")
got=$(jq -s -c '[.[].results[0].routes[] | select(.filtered) | .network] | sort' "$T_TMP/agg.json")
check "lookup of an aggregate: its filtered routes are AS64501's filtered routes inside it ($(echo "$got" | jq length))" [ "$got" = "$want" ]
check "lookup of an aggregate: the 3 accepted ones on page 1, all more specific, with their reasons when filtered" sh -c \
	"jq -s -e '([.[0].results[0].routes[] | select(.filtered | not) | .relation] == [\"more_specific\", \"more_specific\", \"more_specific\"]) and ([.[].results[0].routes[] | select(.network == \"198.51.100.64/28\") | .reject.code] == [14])' $T_TMP/agg.json >/dev/null"
jqc "lookup of a /32: the covering /28 and the exact route" "/api/v1/lookup?q=198.51.100.1/32" \
	'[.results[0].routes[] | select(.filtered | not) | {network, relation}] == [{"network": "198.51.100.0/28", "relation": "covering"}, {"network": "198.51.100.1/32", "relation": "exact"}]'
check "lookup page of an aggregate: headed lists and a pager" sh -c \
	"curl -s '$LG/lookup?q=198.51.100.0/24' | grep -q 'Filtered: this prefix and its more specifics' && curl -s '$LG/lookup?q=198.51.100.0/24' | grep -q 'href=\"lookup?q=198.51.100.0/24&amp;page=2\"'"
jqc "lookup of an address in a filtered prefix: found too" "/api/v1/lookup?q=198.51.100.70" \
	'[.results[0].routes[] | select(.filtered) | .network] == ["198.51.100.64/28"]'
jqc "lookup of an IPv6 address: 2001:db8:2000::/36 from AS64502" "/api/v1/lookup?q=2001:DB8:2000::1" \
	'.query == "2001:db8:2000::1" and .results[0].routes[0].network == "2001:db8:2000::/36" and .results[0].routes[0].from_protocol == "AS64502_2"'
jqc "lookup of space nobody announces: empty, not an error" "/api/v1/lookup?q=192.0.2.200" \
	'.results[0].up == true and (.results[0].routes | length) == 0'
jqc "origin AS64502: its IPv4 and IPv6 routes" "/api/v1/origin?asn=AS64502" \
	'[.results[0].routes[].network] | sort == ["2001:db8:2000::/36", "203.0.113.0/24"]'
jqc "members: three, with NOC contacts" /api/v1/members \
	'(.members | length) == 3 and .members[0].email == "noc@alpha.example" and .members[0].manrs'

# ---- metrics --------------------------------------------------------------------

curl -s "$LG/metrics" > "$T_TMP/metrics.txt"
curl -s "$LG$N" > "$T_TMP/neigh.json"
if /usr/bin/python3 -c 'import prometheus_client' 2>/dev/null; then
	/usr/bin/python3 tests/tools/promcheck.py "$T_TMP/metrics.txt" "$T_TMP/neigh.json" rs1 > "$T_TMP/promcheck" 2>&1
	check "/metrics: parsed by the Prometheus client; sessions and routes per family, filtered by reason equal the neighbour list's" \
		[ $? -eq 0 ]
	grep -v '^ok' "$T_TMP/promcheck" | sed 's/^/        /'
else
	skip "/metrics against a Prometheus parser: python3-prometheus-client is not installed"
fi
check "/metrics: filtered routes by reason with the reason's text" \
	grep -q '^ixp_lg_filtered_routes{rs="rs1",code="12",reason="Prefix not in the member' "$T_TMP/metrics.txt"

# ---- birdwatcher (Alice-LG) ---------------------------------------------------

B=/birdwatcher/rs1
jqc "birdwatcher /status: api.Version, result_from_cache, times as YYYY-MM-DD HH:MM:SS" $B/status \
	'(.api.Version | startswith("ixp-lg")) and (.api.result_from_cache | type == "boolean") and (.status.last_reboot | test("^[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}$"))'
jqc "birdwatcher /protocols/bgp: keyed by id, neighbor_as a number, counts per channel" $B/protocols/bgp \
	'.protocols.AS64501_1 | .neighbor_as == 64501 and .channels.ipv4.routes_count.filtered == 117 and .channels.ipv4.routes.imported == 3 and .routes.imported == 3 and .state == "up"'
jqc "birdwatcher /protocols/short: every protocol" "$B/protocols/short?uncached=true" \
	'.protocols.AS64503_1.state == "start" and .protocols.irr4.proto == "Static"'
jqc "birdwatcher routes: as_path strings, local_pref string, type list" $B/routes/protocol/AS64502_1 \
	'.routes[0] | .bgp.as_path == ["64502"] and .bgp.local_pref == "100" and .type == ["BGP", "univ"] and .metric == 100 and .bgp.communities == [[64502, 100]]'
jqc "birdwatcher filtered: reject community there for Alice to decode" $B/routes/filtered/AS64501_2 \
	'.routes[0].bgp.large_communities | any(. == [64500, 65520, 12])'
jqc "birdwatcher noexport: a list (empty here)" $B/routes/noexport/AS64502_1 '.routes | type == "array"'
jqc "birdwatcher prefix: exact network" "$B/routes/prefix?prefix=203.0.113.0/24" \
	'.routes[0].network == "203.0.113.0/24"'
jqc "birdwatcher table master4 (Alice-LG's route store): the 4 accepted IPv4 routes" $B/routes/table/master4 \
	'(.routes | length) == 4 and all(.routes[]; .network | contains(":") | not)'
jqc "birdwatcher table master4 filtered: the 117 filtered ones" $B/routes/table/master4/filtered '(.routes | length) == 117'
jqc "birdwatcher table master6 filtered: 1, with its reason" $B/routes/table/master6/filtered \
	'(.routes | length) == 1 and (.routes[0].bgp.large_communities | any(. == [64500, 65520, 12]))'
check "birdwatcher table that no BGP session uses (ROA table): 404" [ "$(code "$LG$B/routes/table/rpki4")" = 404 ]
check "birdwatcher unknown protocol: 404 with {\"error\": ...}" sh -c \
	"[ \$(curl -s -o $T_TMP/e.json -w '%{http_code}' '$LG$B/routes/protocol/AS64599_1') = 404 ] && jq -e '.error | type == \"string\"' $T_TMP/e.json >/dev/null"

# ---- birdseye (IXP Manager) ---------------------------------------------------------
# Every request IXP Manager's BirdsEye class makes, as it makes them: 200,
# JSON, an "api" block with max_routes a number (its views compare it).
E=/birdseye/rs1/ipv4
: > "$T_TMP/be.bad"
grep -v '^#' "$TOP/tests/lg/ixpmanager-requests.txt" | while read -r req; do
	c=$(curl -s -o "$T_TMP/be.json" -w '%{http_code}' "$LG$E/$req")
	jq -e '.api.max_routes | type == "number"' "$T_TMP/be.json" > /dev/null 2>&1 && [ "$c" = 200 ] ||
		echo "$c $req" >> "$T_TMP/be.bad"
done
check "birdseye: IXP Manager's $(grep -vc '^#' "$TOP/tests/lg/ixpmanager-requests.txt") requests answered with its envelope" [ ! -s "$T_TMP/be.bad" ]
sed 's/^/        failed: /' "$T_TMP/be.bad"
jqc "birdseye status: the fields the router page reads" $E/status \
	'.status | .router_id == "192.0.2.1" and (.version | type == "string") and (.last_reboot | test("^[0-9-]{10}T[0-9:]{8}[+]00:00$")) and (.message | test("up and running"))'
# bgp-summary.foil.php: keyed by protocol; state "up"; routes.imported and
# .exported integers (it tests is_int); import_limit/route_limit_at; the
# details modal reads route_changes.*.*, bgp_session[], neighbor_capabilities[].
jqc "birdseye protocols/bgp: the IPv4 sessions only, with IXP Manager's field types" $E/protocols/bgp \
	'(.protocols | keys) == ["AS64501_1", "AS64502_1", "AS64503_1"] and (.protocols.AS64501_1 | .state == "up" and .neighbor_as == 64501 and .neighbor_address == "192.0.2.11" and .table == "master4" and .routes.imported == 3 and (.routes.exported | type == "number") and .import_limit == 500 and (.route_limit_at | type == "number") and (.route_changes.import_updates.received | type == "number") and (.bgp_session | type == "array") and (.neighbor_capabilities | type == "array") and (.bgp_state | type == "string"))'
jqc "birdseye protocols/bgp for IPv6: the IPv6 sessions" /birdseye/rs1/ipv6/protocols/bgp \
	'(.protocols | keys) == ["AS64501_2", "AS64502_2"] and .protocols.AS64501_2.table == "master6"'
jqc "birdseye symbols: the route search's tables and protocols" $E/symbols \
	'.symbols["routing table"] == ["master4"] and (.symbols.protocol | index("AS64501_1") != null) and (.symbols.protocol | index("AS64501_2") == null)'
# routes.foil.php / route.foil.php: network, gateway, primary, metric,
# type[], age, from_protocol; bgp.as_path[], communities [[a, b]],
# large_communities [[a, b, c]] (it reads $lc[0], $lc[1]).
jqc "birdseye routes/protocol: the 3 accepted routes, with the fields and types IXP Manager reads" $E/routes/protocol/AS64501_1 \
	'(.routes | length) == 3 and all(.routes[]; (.network | type == "string") and (.gateway | type == "string") and (.primary | type == "boolean") and (.metric | type == "number") and (.type | type == "array") and .from_protocol == "AS64501_1" and (.age | test("T")) and .bgp.as_path == [64501] and all(.bgp.large_communities[]; length == 3 and all(.[]; type == "number")))'
jqc "birdseye route/PREFIX/protocol: the prefix in one encoded segment, exact" "$E/route/198.51.100.0%2F28/protocol/AS64501_1" \
	'[.routes[].network] == ["198.51.100.0/28"]'
jqc "birdseye route/PREFIX/export: what AS64502 is sent (and 198.51.100.16/28 is not)" "$E/route/198.51.100.16%2F28/export/AS64502_1" \
	'.routes == []'
jqc "birdseye lc-zwild 64500:65520: AS64501's 117 filtered routes" "$E/routes/lc-zwild/protocol/AS64501_1/64500/65520" \
	'(.routes | length) == 117'
jqc "birdseye lc-zwild 64500:1101 (IXP Manager's filtered view): the Euro-IX tagged ones" "$E/routes/lc-zwild/protocol/AS64501_1/64500/1101" \
	'(.routes | length) > 0 and all(.routes[]; any(.bgp.large_communities[]; .[0] == 64500 and .[1] == 1101))'
check "birdseye: a family that is not ipv4/ipv6, a bad prefix, an unknown protocol: 404, 400, 404" \
	[ "$(code "$LG/birdseye/rs1/ipv5/status") $(code "$LG$E/route/198.51.100.0%2F33/table/master4") $(code "$LG$E/routes/protocol/AS64599_1")" = "404 400 404" ]

# ---- HTML --------------------------------------------------------------------------

html=$(get "/rs/rs1/AS64501_1?view=filtered"; get "/rs/rs1/AS64501_1?view=filtered&page=2")
check "neighbour page: member name escaped" sh -c "printf '%s' \"\$1\" | grep -qF 'Alpha &lt;Networks&gt; &amp; &quot;Sons&quot;'" _ "$html"
check "neighbour page: reasons and hints" sh -c "printf '%s' \"\$1\" | grep -q 'RPKI invalid' && printf '%s' \"\$1\" | grep -q 'Fix your ROAs'" _ "$html"
check "neighbour page: pager to page 2" sh -c "printf '%s' \"\$1\" | grep -q 'view=filtered&amp;page=2'" _ "$html"
check "home page lists rs1 as up" sh -c "curl -s $LG/ | grep -q 'Daemon is up and running'"
check "neighbours page lists AS64503 as not established" sh -c "curl -s $LG/rs/rs1 | grep -A0 'AS64503_1' | grep -q 'st down'"
check "neighbours page: AS64501's IPv4 counts 120/3/117/1, IPv6 session on its own row" sh -c "curl -s $LG/rs/rs1 > $T_TMP/nb.html &&
	grep 'AS64501_1' $T_TMP/nb.html | grep -q '<td>IPv4</td><td class=\"num\">120</td><td class=\"num\">3</td><td class=\"num\"><span class=\"warn\">117</span></td><td class=\"num\">1</td>' &&
	grep 'AS64501_2' $T_TMP/nb.html | grep -q '<td>IPv6</td><td class=\"num\">2</td><td class=\"num\">1</td>'"
check "lookup page: the route and its neighbour link" sh -c "curl -s '$LG/lookup?q=203.0.113.1' | grep -q 'href=\"rs/rs1/AS64502_1\"'"
check "members page: mailto link" sh -c "curl -s $LG/members | grep -q 'mailto:peering@beta.example'"
hdr=$(curl -sI "$LG/rs/rs1")
check "security headers: CSP, nosniff, frame denial" sh -c "printf '%s' \"\$1\" | grep -qi \"content-security-policy: default-src 'none'\" && printf '%s' \"\$1\" | grep -qi 'x-content-type-options: nosniff' && printf '%s' \"\$1\" | grep -qi 'x-frame-options: DENY'" _ "$hdr"

# ---- published pages and MANRS -----------------------------------------------------

check "/policy: the route-server policy ixp-rsc published, with its checks" sh -c \
	"curl -s $LG/policy | grep -q 'What the route servers check' && curl -s $LG/policy | grep -qF '<td>64500:65520:{code}</td>'"
check "/policy: its inline style allowed, nothing else (CSP)" sh -c \
	"curl -sI $LG/policy | grep -qi \"^content-security-policy: default-src 'none'; style-src 'unsafe-inline'\""
check "/policy/traffic: the forbidden-traffic policy" sh -c "curl -s $LG/policy/traffic | grep -q 'Traffic not allowed on the peering LAN'"
check "/manrs: the five actions, linking the policies, the directory and the looking glass" sh -c \
	"curl -s $LG/manrs > $T_TMP/manrs.html && [ \$(grep -c '<tr><td>[1-5]</td>' $T_TMP/manrs.html) = 5 ] && grep -q 'href=\"policy\"' $T_TMP/manrs.html && grep -q 'href=\"policy/traffic\"' $T_TMP/manrs.html && grep -q 'href=\"members\"' $T_TMP/manrs.html"

# ---- bad requests -------------------------------------------------------------------

check "unknown parameter: 400" [ "$(code "$LG/lookup?q=192.0.2.1&cmd=x")" = 400 ]
check "duplicate parameter: 400" [ "$(code "$LG/lookup?q=192.0.2.1&q=192.0.2.2")" = 400 ]
check "prefix with host bits: 400 and a hint" sh -c "curl -s '$LG/api/v1/lookup?q=198.51.100.5/24' | jq -e '.error.param == \"q\" and (.error.message | test(\"host bits\"))' >/dev/null"
check "neighbour that is not a protocol of this BIRD: 404" [ "$(code "$LG/rs/rs1/AS64599_1")" = 404 ]
check "a BIRD protocol that is not a BGP neighbour: 404" [ "$(code "$LG/rs/rs1/irr4")" = 404 ]
check "unknown route server: 404" [ "$(code "$LG/rs/rs9")" = 404 ]
check "POST: 405" [ "$(code -X POST "$LG/")" = 405 ]
many=$(awk 'BEGIN { for (i = 0; i < 1000; i++) printf "%sa", i ? "&" : "" }')
check "1,000 parameters in 2 KB: 400 with the error page, not a dropped connection" \
	sh -c "[ \$(curl -s -o $T_TMP/many.html -w '%{http_code}' '$LG/lookup?$many') = 400 ] && grep -Eq 'too many parameters|malformed parameter' $T_TMP/many.html"

# ---- injection corpus: nothing reaches BIRD but our own commands ---------------------

: > "$T_TMP/inj.codes"
while IFS= read -r u; do
	[ -z "$u" ] && continue
	printf '%s %s\n' "$(curl -s -o /dev/null -w '%{http_code}' --path-as-is -g "$LG$u")" "$u" >> "$T_TMP/inj.codes"
done <<'URLS'
/lookup?q=192.0.2.1;configure
/lookup?q=192.0.2.1%0Aconfigure
/lookup?q=192.0.2.1%0D%0Adown
/lookup?q=192.0.2.1'%20||%20true
/lookup?q=%22%3Bdown%3B%22
/lookup?q=192.0.2.0/24%20filter%20{%20accept;%20}
/lookup?q=192.0.2.0%2F24+where+net+~+[0.0.0.0/0%2B]
/lookup?q=$(id)
/lookup?q=`id`
/origin?asn=64500%20or%201
/origin?asn=64500;eval%201
/origin?asn=AS64500%0Aconfigure
/rs/rs1/AS64501_1%20all%3B%20configure
/rs/rs1/AS64501_1;down
/rs/rs1/AS64501_1'
/rs/rs1/AS64501_1%0Aeval
/rs/rs1/%7B%7D
/rs/rs1/..%2F..%2F..%2Fetc%2Fpasswd
/rs/..%2F..%2Frun%2Fbird%2Fbird.ctl/AS64501_1
/rs/rs1/AS64501_1?view=filtered%20protocol%20x
/rs/rs1/AS64501_1?page=1%3Bdown
/birdwatcher/rs1/routes/protocol/AS64501_1%20all%20filter%20{accept;}
/birdwatcher/rs1/routes/protocol/*
/birdwatcher/rs1/routes/protocol/%22AS*%22
/birdwatcher/rs1/routes/prefix?prefix=192.0.2.0/24%20all%20where%201=1
/birdwatcher/rs1/routes/filtered/echo
/birdwatcher/rs1/routes/table/master4%20all
/birdwatcher/rs1/routes/table/master4;show
/birdwatcher/rs1/routes/table/all
/birdwatcher/rs1/routes/table/master4/filtered/x
/birdseye/rs1/ipv4/route/198.51.100.0%2F24%20all/table/master4
/birdseye/rs1/ipv4/route/..%2F..%2Fetc%2Fpasswd/table/master4
/birdseye/rs1/ipv4/routes/lc-zwild/protocol/AS64501_1/64500/1101%3Bshow
/birdseye/rs1/ipv4/routes/table/master4%20filter
/birdseye/rs1/ipv4/route/198.51.100.0%2F24/protocol/AS64501_1%0Ashow
/birdseye/rs1/ipv4/routes/lc-zwild/protocol/AS64501_1/99999999999/1
/community?c=1:2)%20||%20true
/community?c=1:2;show
/api/v1/community?c=(1,2)
/api/v1/lookup?q=%C0%AE%C0%AE%2F
/api/v1/lookup?q=%00
/member/AS64501;show
/member/AS64501%0Ashow%20status
/api/v1/member/AS-FOO
/api/v1/member/64501/x
/member/%41S64501%00
/api/v1/lookup?q=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA
/api/v1/rs/rs1/neighbors/AS64501_1/routes?view=filtered&view=accepted
URLS
check "injection corpus: every hostile request refused (4xx)" sh -c "! grep -qv '^4' $T_TMP/inj.codes"
grep -v '^4' "$T_TMP/inj.codes" | sed 's/^/        not refused: /'
# BIRD logs every command it receives ("debug commands 2").
tail -n +"$log_from" "$T_TMP/rs.log" | sed -n 's/.*<TRACE> CLI: //p' | sort -u > "$T_TMP/commands"
bad=$(grep -Ev '^(restrict|show status|show protocols all|show route all( filtered)? protocol AS[0-9]+_[0-9]+|show route all (export|noexport) AS[0-9]+_[0-9]+|show route all [0-9a-f.:]+/[0-9]+ (protocol|export) AS[0-9]+_[0-9]+|show route all [0-9a-f.:]+/[0-9]+ table master[46]|show route all for [0-9a-f.:/]+|show route all( filtered)? (in )?[0-9a-f.:]+/[0-9]+|show route all( filtered)? where net\.type = NET_IP[46] && [0-9a-f.:]+ ~ net && net\.len < [0-9]+|show route all( filtered)? where \([0-9, ]+\) ~ bgp_(large_)?community|show route all filtered where [0-9a-f.:]+ ~ net|show route all( filtered)? where bgp_path\.last = [0-9]+|show route all( filtered)? table master[46])$' "$T_TMP/commands")
check "BIRD received only commands of our templates ($(wc -l < "$T_TMP/commands") distinct)" [ -z "$bad" ]
[ -n "$bad" ] && printf '        unexpected: %s\n' $bad
check "BIRD received no text of the corpus" sh -c "! grep -Eqi 'configure|down|eval|echo|filter |id\)|passwd|[;{}\"\`]' $T_TMP/commands"
check "the route server is unharmed" sh -c "$RS_BIRDC -s $RS_CTL show status | grep -q 'Daemon is up'"

# Readiness (MANRS Action 2) from the same route server: its counts and
# reasons are the looking glass's, route by route.
"$IXP_RSC" readiness "$T_TMP/ixp.yaml" --bird rs1="$RS_CTL" --json -q > "$T_TMP/ready.json" 2> "$T_TMP/ready.err"
check "readiness --bird rs1: exit $?" [ -s "$T_TMP/ready.json" ]
sed 's/^/        /' "$T_TMP/ready.err" | head -3
curl -s "$LG$N/AS64501_2/routes?view=filtered" > "$T_TMP/filtered6.json"
want=$(jq -s -c '[.[].routes[].reject.code] | group_by(.) | map({key: (.[0] | tostring), value: length}) | from_entries' \
	"$T_TMP/filtered.json" "$T_TMP/filtered6.json")
echo "        (the looking glass: $want)"
got=$(jq -c '.members[] | select(.asn == 64501) | .filtered_by_reason' "$T_TMP/ready.json")
check "readiness: AS64501's filtered routes by reason are the looking glass's ($got)" [ "$got" = "$want" ]
curl -s "$LG$N" > "$T_TMP/neigh.json"
want=$(jq -c '[.neighbors[] | select(.id | startswith("AS64501_")) | .families[]] | {announced: (map(.received) | add), accepted: (map(.accepted) | add), filtered: (map(.filtered) | add)}' "$T_TMP/neigh.json")
got=$(jq -c '.members[] | select(.asn == 64501) | {announced, accepted, filtered}' "$T_TMP/ready.json")
check "readiness: AS64501 announced, accepted, filtered as the neighbour list counts them ($got)" [ "$got" = "$want" ]
check "readiness: the summary counts every member and the filtered routes by reason" sh -c \
	"jq -e '.summary.members == 3 and .summary.filtered == ([.members[].filtered] | add) and (.summary.filtered_by_reason[\"12\"] >= .members[0].filtered_by_reason[\"12\"])' $T_TMP/ready.json >/dev/null"
"$IXP_RSC" readiness "$T_TMP/ixp.yaml" --bird rs1="$RS_CTL" --member 64501 -q > "$T_TMP/ready64501.txt" 2>/dev/null
check "readiness --member 64501: its section alone, with the fixes in order (RPKI invalid first)" sh -c \
	"[ \$(grep -c '^AS' $T_TMP/ready64501.txt) = 1 ] && sed -n '/  1\\. /p' $T_TMP/ready64501.txt | grep -q 'RPKI invalid' && grep -q 'create route/route6 objects' $T_TMP/ready64501.txt"
# The member's page: the same counts and the same fixes as `readiness`,
# from the same code (common/ready.c) and BIRD; the compile's facts from
# readiness.json in --pages.
M=/api/v1/member/AS64501
curl -s "$LG$M" > "$T_TMP/member.json"
want=$(jq -c '.members[] | select(.asn == 64501) | {announced, accepted, filtered, by: .filtered_by_reason}' "$T_TMP/ready.json")
got=$(jq -c '.routes | {announced, accepted, filtered, by: .filtered_by_reason}' "$T_TMP/member.json")
check "member page: AS64501's routes by reason are readiness's ($got)" [ "$got" = "$want" ]
want=$(jq -c '[.neighbors[] | select(.id | startswith("AS64501_")) | .families[].received] | add' "$T_TMP/neigh.json")
check "member page: announced equals BIRD's received count over both sessions ($want)" \
	sh -c "jq -e '.routes.announced == $want and ([.route_servers[0].sessions[].families[].received] | add) == $want' $T_TMP/member.json >/dev/null"
check "member page: both sessions on rs1, each counted apart" sh -c "jq -e '[.route_servers[0].sessions[] | {id, n: .routes.announced}] == [{id: \"AS64501_1\", n: 120}, {id: \"AS64501_2\", n: 2}]' $T_TMP/member.json >/dev/null"
want=$(jq -c '.members[] | select(.asn == 64501) | .fixes' "$T_TMP/ready.json")
got=$(jq -c '.fixes' "$T_TMP/member.json")
check "member page: the fixes are readiness's, in its order" [ "$got" = "$want" ]
check "member page: the compile's facts (route objects, ROAs) from readiness.json" sh -c \
	"jq -e '.readiness.route_objects.ipv4 > 0 and (.readiness.irr_complete | type) == \"boolean\" and .readiness_error == null and .filtered_by_reason[0].hint != null' $T_TMP/member.json >/dev/null"
jqc "member page: AS64503 never connected, one session, no routes" /api/v1/member/64503 \
	'.route_servers[0].sessions | length == 1 and .[0].established == false and .[0].routes.announced == 0'
check "member page: an ASN of no member is 404" [ "$(code "$LG/api/v1/member/AS64999") $(code "$LG/member/AS64999")" = "404 404" ]
check "member page: a path that is no AS number is 404" [ "$(code "$LG/member/AS-FOO") $(code "$LG/member/0") $(code "$LG/member/4294967296")" = "404 404 404" ]
get /member/AS64501 > "$T_TMP/member.html"
check "member page HTML: the fixes first, the RPKI-invalid one at the top" sh -c \
	"sed -n '/<h2>What to fix/,/<\\/ol>/p' $T_TMP/member.html | grep -o '<li>[^<]*' | head -1 | grep -q 'RPKI invalid'"
check "member page HTML: filtered routes by reason with what to do, linked to a lookup" sh -c \
	"grep -q 'Filtered routes by reason' $T_TMP/member.html && grep -q '<th>What to do</th>' $T_TMP/member.html && grep -q 'href=\"lookup?q=198.51.100.64/28\"' $T_TMP/member.html && grep -q 'Registry data' $T_TMP/member.html"
check "member page: linked from the neighbour list and the member directory" sh -c \
	"get() { curl -s \"$LG\$1\"; }; get /rs/rs1 | grep -q 'href=\"member/AS64501\"' && get /members | grep -q 'href=\"member/AS64501\"'"
if [ "$RS_CTL" = "$T_TMP/rs-lg.ctl" ]; then
	# ixp.bird.lg_socket: restricted by BIRD itself, before ixp-lg says a word.
	check "the looking glass's own socket (ixp.bird.lg_socket) refuses control commands" \
		sh -c "$RS_BIRDC -s $RS_CTL disable AS64501_1 | grep -q 'Access denied'"
	check "... and AS64501_1 is still up" sh -c "$RS_BIRDC -s $T_TMP/rs.ctl show protocols AS64501_1 | grep -q Established"
else
	skip "restricted lg_socket: BIRD $RS_BIRD_VERSION has none (2.16 and later)"
fi

# ---- rate limit -------------------------------------------------------------------------

rport=$((port + 1))
"$IXP_LG" serve --bird rs1="$RS_CTL" --listen 127.0.0.1:$rport --rate 1 --burst 3 > "$T_TMP/lg2.log" 2>&1 &
echo $! >> "$T_TMP/pids"
wait_until 20 "second ixp-lg listening" curl -sf "http://127.0.0.1:$rport/healthz"
for i in 1 2 3 4 5 6; do curl -s -o /dev/null -w '%{http_code}\n' "http://127.0.0.1:$rport/api/v1/status"; done > "$T_TMP/rl"
check "rate limit: burst of 3 answered, the rest 429" [ "$(tr '\n' ' ' < "$T_TMP/rl")" = "200 200 200 429 429 429 " ]
check "rate limit: /metrics from a monitoring host (127.0.0.1) is never limited" \
	[ "$(code "http://127.0.0.1:$rport/metrics") $(code "http://127.0.0.1:$rport/metrics")" = "200 200" ]
check "rate limit: 429 says when to retry" sh -c "curl -sI http://127.0.0.1:$rport/api/v1/status | grep -qi '^retry-after: [0-9]'"
# Behind a reverse proxy: buckets per X-Forwarded-For client, only when the
# proxy is trusted; its right-most entry counts (the left ones are the
# client's own words).
xport=$((port + 2)); uport=$((port + 3))
"$IXP_LG" serve --bird rs1="$RS_CTL" --listen 127.0.0.1:$xport --rate 0.01 --burst 2 \
	--trust-proxy 192.0.2.250,127.0.0.1 > "$T_TMP/lg3.log" 2>&1 &
echo $! >> "$T_TMP/pids"
"$IXP_LG" serve --bird rs1="$RS_CTL" --listen 127.0.0.1:$uport --rate 0.01 --burst 1 > "$T_TMP/lg4.log" 2>&1 &
echo $! >> "$T_TMP/pids"
wait_until 20 "proxied ixp-lg listening" curl -s -o /dev/null "http://127.0.0.1:$xport/healthz"
wait_until 20 "unproxied ixp-lg listening" curl -s -o /dev/null "http://127.0.0.1:$uport/healthz"
xff() { code -H "X-Forwarded-For: $2" "http://127.0.0.1:$1/api/v1/status"; }
r="$(xff $xport 198.51.100.7) $(xff $xport 198.51.100.7) $(xff $xport 198.51.100.7)"
check "trusted proxy: one client's burst of 2, then 429 ($r)" [ "$r" = "200 200 429" ]
check "trusted proxy: another client still answered" [ "$(xff $xport '2001:db8:7::1')" = 200 ]
check "trusted proxy: a spoofed left-hand entry does not help" [ "$(xff $xport '198.51.100.8, 198.51.100.7')" = 429 ]
check "trusted proxy: garbage in the header counts against the proxy itself" [ "$(xff $xport 'x;y')" = 200 ]
r="$(xff $uport 198.51.100.7) $(xff $uport 198.51.100.8)"
check "untrusted peer: X-Forwarded-For ignored ($r)" [ "$r" = "200 429" ]

# ---- slow clients: a slowloris holds 300 connections ------------------------------------

# ixp-lg on the LAN (192.0.2.200), an attacker with 20 addresses, a member
# at a fresh address. The attacker opens 15 connections per address (under
# the cap of 16 per network) and sends a header byte every 5 s: each is
# alive to the idle timeout, none ever completes a request.
ns_host web 192.0.2.200/24
ns_host att 192.0.2.101/24
ns_host cli 192.0.2.201/24
srcs="192.0.2.101"
for i in $(seq 102 120); do
	ip -n "$NS_P-att" addr add 192.0.2.$i/24 dev eth0
	srcs="$srcs 192.0.2.$i"
done
ip netns exec "$NS_P-web" "$IXP_LG" serve --bird rs1="$RS_CTL" --listen 192.0.2.200:8080 --rate 1000 \
	--burst 1000 > "$T_TMP/lg-slow.log" 2>&1 &
echo $! >> "$T_TMP/pids"
W=http://192.0.2.200:8080
wait_until 20 "ixp-lg on the LAN listening" ns_run cli curl -sf -o /dev/null "$W/healthz"
ns_run att python3 tests/tools/slowloris.py 192.0.2.200 8080 15 5 24 $srcs > "$T_TMP/slow.out" 2>&1 &
slow=$!
sleep 3
# While it holds them: every 0.5 s a fresh client's /healthz and lookup,
# each within 1 s.
: > "$T_TMP/probe"
for i in $(seq 1 30); do
	ns_run cli curl -s -m 1 -o /dev/null -w '%{http_code}\n' "$W/healthz" >> "$T_TMP/probe"
	ns_run cli curl -s -m 1 -o /dev/null -w '%{http_code}\n' "$W/lookup?q=192.0.2.1" >> "$T_TMP/probe"
	sleep 0.5
done
wait "$slow"
read -r _ opened _ held < "$T_TMP/slow.out" || { opened=0; held=0; }
check "slowloris: 300 connections from 20 addresses opened and held to the end (opened $opened, held $held)" \
	[ "$opened" -eq 300 ] && [ "$held" -ge 290 ]
check "slowloris: a fresh client got all $(wc -l < "$T_TMP/probe") /healthz and lookups within 1 s ($(grep -vc '^200$' "$T_TMP/probe") did not)" \
	sh -c "[ \$(wc -l < $T_TMP/probe) = 60 ] && ! grep -qv '^200\$' $T_TMP/probe"
check "/metrics from an address not in --metrics-allow: 403" \
	[ "$(ns_run cli curl -s -o /dev/null -w '%{http_code}' "$W/metrics")" = 403 ]
# One address cannot hold more than its network's 16.
ns_run att python3 tests/tools/slowloris.py 192.0.2.200 8080 40 1 3 192.0.2.101 > "$T_TMP/slow1.out" 2>&1
read -r _ opened _ held < "$T_TMP/slow1.out" || { opened=0; held=0; }
check "slowloris: one address holds at most 16 connections (held $held of $opened)" [ "$held" -le 16 ]
# A crowded server (more than half of --max-connections held) gives new
# connections 3 s of idleness instead of 10: the slow ones beyond 32 of 64
# are closed before their first byte.
ip netns exec "$NS_P-web" "$IXP_LG" serve --bird rs1="$RS_CTL" --listen 192.0.2.200:8081 \
	--max-connections 64 > "$T_TMP/lg-crowd.log" 2>&1 &
echo $! >> "$T_TMP/pids"
wait_until 20 "crowded ixp-lg listening" ns_run cli curl -sf -o /dev/null "http://192.0.2.200:8081/healthz"
ns_run att python3 tests/tools/slowloris.py 192.0.2.200 8081 3 5 8 $srcs > "$T_TMP/slow2.out" 2>&1
read -r _ opened _ held < "$T_TMP/slow2.out" || { opened=0; held=0; }
check "slowloris on a crowded server: only the first half are held ($held of $opened)" \
	[ "$opened" -eq 60 ] && [ "$held" -ge 28 ] && [ "$held" -le 34 ]
webpid=$(sed -n '$p' "$T_TMP/pids")
kill "$webpid"
webpid=$(tail -2 "$T_TMP/pids" | head -1)
kill "$webpid"
# SIGTERM reaches the main thread whichever of its threads the kernel
# picks (a handler on another thread once left it running).
wait_until 10 "ixp-lg on the LAN stopped by SIGTERM" sh -c "! kill -0 $webpid 2>/dev/null" &&
	pass "SIGTERM stops ixp-lg (polling threads, workers, reaper) within 10 s"
# One summary a minute at most, and one at the stop: however slow the
# machine, a line or two for the 24 refusals, never one line each.
lines=$(grep -c 'connections over the per-network cap' "$T_TMP/lg-slow.log")
refused=$(sed -n 's/.* \([0-9]*\) connections over the per-network cap.*/\1/p' "$T_TMP/lg-slow.log" | awk '{ s += $1 } END { print s + 0 }')
check "slowloris: $refused refusals summarised in $lines log lines, not one line each" \
	sh -c "[ $lines -ge 1 ] && [ $lines -le 2 ] && [ $refused -ge 20 ]"

# ---- BIRD hangs: per-command deadline and the concurrency cap ---------------------------

hport=$((port + 4))
"$IXP_LG" serve --bird rs1="$RS_CTL" --listen 127.0.0.1:$hport --max-inflight 1 --timeout 4 \
	--cache 0 --rate 1000 --burst 1000 > "$T_TMP/lg5.log" 2>&1 &
echo $! >> "$T_TMP/pids"
wait_until 20 "ixp-lg with one slot listening" curl -sf "http://127.0.0.1:$hport/healthz"
check "without --pages, /policy is a 404 page" [ "$(code "http://127.0.0.1:$hport/policy")" = 404 ]
rspid=$(cat "$T_TMP/rs.pid")
kill -STOP "$rspid"
H=http://127.0.0.1:$hport/api/v1/rs/rs1/neighbors
curl -s -m 30 -o "$T_TMP/hang1.json" -w '%{http_code} %{time_total}\n' "$H" > "$T_TMP/hang1" &
hang1=$!
sleep 0.5
curl -s -m 30 -o "$T_TMP/hang3.json" -w '%{http_code}\n' \
	"http://127.0.0.1:$hport/birdwatcher/rs1/protocols/bgp" > "$T_TMP/hang3" &
hang3=$!
curl -s -m 30 -o "$T_TMP/hang2.json" -w '%{http_code} %{time_total}\n' "$H" > "$T_TMP/hang2"
wait "$hang1"
wait "$hang3"
kill -CONT "$rspid"
read -r c1 t1 < "$T_TMP/hang1"
read -r c2 t2 < "$T_TMP/hang2"
check "BIRD hung: the request holding the slot ends at the 4 s deadline with 503 ($c1 after ${t1}s)" \
	sh -c "[ $c1 = 503 ] && awk 'BEGIN { exit !($t1 >= 3.5 && $t1 < 8) }' && jq -e '.error.message | test(\"not answering\")' $T_TMP/hang1.json >/dev/null"
check "BIRD hung: the next request waits 3 s for a slot, then 503 busy ($c2 after ${t2}s)" \
	sh -c "[ $c2 = 503 ] && awk 'BEGIN { exit !($t2 >= 2.5 && $t2 < 6) }' && jq -e '.error.message | test(\"busy\")' $T_TMP/hang2.json >/dev/null"
check "BIRD hung: a birdwatcher request gets 503 in birdwatcher's shape (Alice-LG reads it)" \
	sh -c "[ \$(cat $T_TMP/hang3) = 503 ] && jq -e '.error | type == \"string\"' $T_TMP/hang3.json >/dev/null"
wait_until 20 "answers again once BIRD runs" sh -c "[ \$(curl -s -o /dev/null -w '%{http_code}' $H) = 200 ]" &&
	pass "BIRD running again: answered without a restart"

# ---- BIRD goes away and comes back -----------------------------------------------------

rspid=$(cat "$T_TMP/rs.pid")
kill "$rspid"
wait_until 10 "route server stopped" sh -c "! kill -0 $rspid 2>/dev/null"
# Answers cached a few seconds ago may still be served; then 503.
wait_until 15 "503 once the cache expired" sh -c "[ \$(curl -s -o $T_TMP/down.json -w '%{http_code}' $LG/api/v1/rs/rs1/neighbors) = 503 ]"
check "BIRD down: 503 with a clear message" sh -c "jq -e '.error.message | test(\"not answering\")' $T_TMP/down.json >/dev/null"
check "BIRD down: HTML says so too" sh -c "curl -s $LG/rs/rs1 | grep -q 'not answering'"
curl -s "$LG/rs/rs1" > "$T_TMP/down.html"
curl -s "$LG/api/v1/status" > "$T_TMP/down-status.json"
curl -s "$LG/lookup?q=192.0.2.1" > "$T_TMP/down-lookup.html"
check "BIRD down: no page shows the socket path or errno text (the log has them)" \
	sh -c "! grep -Eq '$RS_CTL|\\.ctl|No such file|Connection refused' $T_TMP/down.json $T_TMP/down.html $T_TMP/down-status.json $T_TMP/down-lookup.html"
bird_start rs "$T_TMP/rs1.conf"
wait_until 60 "route server back" lg_env_converged
wait_until 20 "looking glass recovers by itself" sh -c "curl -sf $LG/api/v1/rs/rs1/neighbors | jq -e '.neighbors | length == 5' >/dev/null" &&
	pass "BIRD back: the looking glass answers again without a restart"
check "BIRD down and back: the log says so once each ($(grep -c 'rs1: BIRD' "$T_TMP/lg.log") lines)" \
	sh -c "[ \$(grep -c 'rs1: BIRD unreachable: ' $T_TMP/lg.log) = 1 ] && [ \$(grep -c 'rs1: BIRD reachable again' $T_TMP/lg.log) = 1 ] && grep 'rs1: BIRD unreachable: ' $T_TMP/lg.log | grep -q '$RS_CTL'"

# ---- CGI -------------------------------------------------------------------------------

cgi=$(GATEWAY_INTERFACE=CGI/1.1 REQUEST_METHOD=GET PATH_INFO=/api/v1/rs/rs1/neighbors \
	QUERY_STRING= IXP_LG_BIRD="rs1=$RS_CTL" "$IXP_LG")
check "CGI: Status line, headers, JSON body" sh -c "printf '%s' \"\$1\" | head -1 | grep -q '^Status: 200 OK' && printf '%s' \"\$1\" | sed '1,/^\r\$/d' | jq -e '.neighbors | length == 5' >/dev/null" _ "$cgi"
cgi=$(GATEWAY_INTERFACE=CGI/1.1 REQUEST_METHOD=GET PATH_INFO=/lookup QUERY_STRING='q=x;id' \
	SCRIPT_NAME=/cgi-bin/lg IXP_LG_BIRD="rs1=$RS_CTL" "$IXP_LG")
check "CGI: bad input is a 400 page, links under the script's path" sh -c "printf '%s' \"\$1\" | head -1 | grep -q '^Status: 400' && printf '%s' \"\$1\" | grep -q '<base href=\"/cgi-bin/lg/\">'" _ "$cgi"

long=$(printf 'q=%03000d' 0)
cgi=$(GATEWAY_INTERFACE=CGI/1.1 REQUEST_METHOD=GET PATH_INFO=/lookup QUERY_STRING="$long" \
	IXP_LG_BIRD="rs1=$RS_CTL" "$IXP_LG")
check "CGI: a 3,000-byte query is 414, as in serve mode" sh -c "printf '%s' \"\$1\" | head -1 | grep -q '^Status: 414'" _ "$cgi"
cgi=$(GATEWAY_INTERFACE=CGI/1.1 REQUEST_METHOD=GET PATH_INFO=/api/v1/status IXP_LG_BIRD="rs1" \
	"$IXP_LG" 2> "$T_TMP/cgi-err.log")
check "CGI misconfigured: a 500 error page for the member, the reason in the server's log" \
	sh -c "printf '%s' \"\$1\" | head -1 | grep -q '^Status: 500' && printf '%s' \"\$1\" | sed '1,/^\r\$/d' | jq -e '.error.status == 500' >/dev/null && grep -q 'NAME=/path/to/bird.ctl' $T_TMP/cgi-err.log" _ "$cgi"
# The member page without the compile's readiness data, and with a broken
# readiness.json: the routes still counted, the page says the data cannot be
# read, the operator's log says why.
mkdir -p "$T_TMP/nopages" "$T_TMP/badpages"
printf '{"members": [' > "$T_TMP/badpages/readiness.json"
cgi=$(GATEWAY_INTERFACE=CGI/1.1 REQUEST_METHOD=GET PATH_INFO=/api/v1/member/AS64501 QUERY_STRING= \
	IXP_LG_BIRD="rs1=$RS_CTL" IXP_LG_PAGES="$T_TMP/nopages" "$IXP_LG")
check "member page without readiness.json: routes counted, no readiness, no error" sh -c \
	"printf '%s' \"\$1\" | sed '1,/^\r\$/d' | jq -e '.routes.announced == 122 and .readiness == null and .readiness_error == null and (.fixes | length) > 0' >/dev/null" _ "$cgi"
cgi=$(GATEWAY_INTERFACE=CGI/1.1 REQUEST_METHOD=GET PATH_INFO=/api/v1/member/AS64501 QUERY_STRING= \
	IXP_LG_BIRD="rs1=$RS_CTL" IXP_LG_PAGES="$T_TMP/badpages" "$IXP_LG" 2> "$T_TMP/cgi-ready.log")
check "member page with a broken readiness.json: says so, routes still counted, the log names the file" sh -c \
	"printf '%s' \"\$1\" | sed '1,/^\r\$/d' | jq -e '.routes.announced == 122 and .readiness == null and (.readiness_error | test(\"cannot be read\"))' >/dev/null && grep -q 'badpages/readiness.json' $T_TMP/cgi-ready.log" _ "$cgi"

# ---- a real browser ----------------------------------------------------------------------

if command -v chromium >/dev/null 2>&1; then
	url="$LG/rs/rs1/AS64501_1?view=filtered"
	timeout 90 chromium --headless --no-sandbox --disable-gpu --window-size=1280,1000 \
		--screenshot="$T_TMP/neighbour.png" "$url" > "$T_TMP/chromium.log" 2>&1
	check "Chromium: screenshot of the neighbour page" sh -c "[ \$(stat -c %s $T_TMP/neighbour.png 2>/dev/null || echo 0) -gt 20000 ]"
	timeout 90 chromium --headless --no-sandbox --disable-gpu --dump-dom "$url" 2> /dev/null > "$T_TMP/dom.html"
	# (A reason 112 of the 117 routes have: BIRD orders filtered routes its
	# own way, and BIRD 3 differently from BIRD 2.)
	check "Chromium: the rendered page shows the neighbour, reasons and the pager" sh -c \
		"grep -q 'Alpha &lt;Networks&gt; &amp; \"Sons\"' $T_TMP/dom.html && grep -q 'Prefix not in the member' $T_TMP/dom.html && grep -q 'Routes 1.*100 of 117' $T_TMP/dom.html"
	# The text as laid out on paper: escaped markup shows as the characters
	# the member wrote, and the facts and reasons are visible, not hidden.
	timeout 90 chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
		--print-to-pdf="$T_TMP/neighbour.pdf" "$url" >> "$T_TMP/chromium.log" 2>&1
	pdftotext -layout "$T_TMP/neighbour.pdf" "$T_TMP/neighbour.txt" 2>/dev/null
	check "Chromium: printed page reads 'AS64501 Alpha <Networks> & \"Sons\"', the counts and a reason" sh -c \
		"grep -qF 'AS64501 Alpha <Networks> & \"Sons\"' $T_TMP/neighbour.txt && grep -q '120 received, 3 accepted, 117 filtered, 1 exported' $T_TMP/neighbour.txt && grep -q '12 Prefix not in' $T_TMP/neighbour.txt"
	[ -n "${LG_SCREENSHOT:-}" ] && cp "$T_TMP/neighbour.png" "$LG_SCREENSHOT"
	# The published policy and the MANRS page, at desktop and phone widths,
	# and their text as Chromium renders it.
	for w in 1280,1000 390,844; do
		timeout 90 chromium --headless --no-sandbox --disable-gpu --window-size=$w \
			--screenshot="$T_TMP/policy-${w%,*}.png" "$LG/policy" >> "$T_TMP/chromium.log" 2>&1
		timeout 90 chromium --headless --no-sandbox --disable-gpu --window-size=$w \
			--screenshot="$T_TMP/manrs-${w%,*}.png" "$LG/manrs" >> "$T_TMP/chromium.log" 2>&1
	done
	check "Chromium: screenshots of /policy and /manrs at 1280 and 390 px wide" sh -c \
		"for f in $T_TMP/policy-1280.png $T_TMP/policy-390.png $T_TMP/manrs-1280.png $T_TMP/manrs-390.png; do [ \$(stat -c %s \$f 2>/dev/null || echo 0) -gt 10000 ] || exit 1; done"
	timeout 90 chromium --headless --no-sandbox --disable-gpu --dump-dom "$LG/policy" 2> /dev/null > "$T_TMP/policy-dom.html"
	timeout 90 chromium --headless --no-sandbox --disable-gpu --dump-dom "$LG/manrs" 2> /dev/null > "$T_TMP/manrs-dom.html"
	check "Chromium: the rendered policy has its checks and communities, the MANRS page its five actions" sh -c \
		"grep -q 'What the route servers check' $T_TMP/policy-dom.html && grep -q '64500:65520:{code}' $T_TMP/policy-dom.html && [ \$(grep -o '<tr><td>[1-5]</td>' $T_TMP/manrs-dom.html | wc -l) = 5 ]"
	# A member's page, at desktop and phone widths: printed, its fixes and
	# reasons read as text, and on a phone the wide tables scroll sideways
	# inside the page instead of widening it.
	for w in 1280,1000 390,844; do
		timeout 90 chromium --headless --no-sandbox --disable-gpu --window-size=$w \
			--screenshot="$T_TMP/member-${w%,*}.png" "$LG/member/AS64501" >> "$T_TMP/chromium.log" 2>&1
	done
	check "Chromium: screenshots of /member/AS64501 at 1280 and 390 px wide" sh -c \
		"for f in $T_TMP/member-1280.png $T_TMP/member-390.png; do [ \$(stat -c %s \$f 2>/dev/null || echo 0) -gt 10000 ] || exit 1; done"
	timeout 90 chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
		--print-to-pdf="$T_TMP/member.pdf" "$LG/member/AS64501" >> "$T_TMP/chromium.log" 2>&1
	pdftotext -layout "$T_TMP/member.pdf" "$T_TMP/member.txt" 2>/dev/null
	check "Chromium: the printed member page reads its name, the fixes and the reasons" sh -c \
		"grep -qF 'AS64501 Alpha <Networks> & \"Sons\"' $T_TMP/member.txt && grep -q 'What to fix' $T_TMP/member.txt && grep -q 'RPKI invalid' $T_TMP/member.txt && grep -q 'Filtered routes by reason' $T_TMP/member.txt"
	[ -n "${LG_SCREENSHOT:-}" ] && cp "$T_TMP/member-390.png" "${LG_SCREENSHOT%.png}-member-390.png"
	# The aggregate lookup and the not-exported tab, at both widths, as text.
	for w in 1280,1000 390,844; do
		timeout 90 chromium --headless --no-sandbox --disable-gpu --window-size=$w \
			--screenshot="$T_TMP/agg-${w%,*}.png" "$LG/lookup?q=198.51.100.0/24" >> "$T_TMP/chromium.log" 2>&1
		timeout 90 chromium --headless --no-sandbox --disable-gpu --window-size=$w \
			--screenshot="$T_TMP/noexp-${w%,*}.png" "$LG/rs/rs1/AS64502_1?view=noexport" >> "$T_TMP/chromium.log" 2>&1
	done
	check "Chromium: screenshots of the aggregate lookup and the not-exported tab at 1280 and 390 px" sh -c \
		"for f in $T_TMP/agg-1280.png $T_TMP/agg-390.png $T_TMP/noexp-1280.png $T_TMP/noexp-390.png; do [ \$(stat -c %s \$f 2>/dev/null || echo 0) -gt 10000 ] || exit 1; done"
	timeout 90 chromium --headless --no-sandbox --disable-gpu --dump-dom "$LG/lookup?q=198.51.100.0/24" 2> /dev/null > "$T_TMP/agg-dom.html"
	timeout 90 chromium --headless --no-sandbox --disable-gpu --dump-dom "$LG/rs/rs1/AS64502_1?view=noexport" 2> /dev/null > "$T_TMP/noexp-dom.html"
	check "Chromium: the rendered lookup has its scoped lists and named communities; the tab its reason" sh -c \
		"grep -q 'Filtered: this prefix and its more specifics' $T_TMP/agg-dom.html && grep -q 'more specific</span>' $T_TMP/agg-dom.html && grep -q 'RPKI valid' $T_TMP/agg-dom.html && grep -q 'asked not to send it to this member' $T_TMP/noexp-dom.html && grep -q 'do not announce to peer: AS64502 Beta Transit' $T_TMP/noexp-dom.html"
else
	fail "chromium is not installed (make check installs it)"
fi

if [ "$T_FAIL" -ne 0 ]; then
	echo "---- ixp-lg log"
	tail -20 "$T_TMP/lg.log"
fi
summary t_lg
