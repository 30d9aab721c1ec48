# ixp-rsc ixf-export: the IX-F member list (Euro-IX JSON schema 1.0, in
# ../shared/ixf or IXF_SCHEMA) of the example and of a 1,000-member IXP,
# validated with Debian's python3-jsonschema; every member and address of
# the YAML in it; MAC addresses only when asked for; the route servers as
# the IXP's own entry.
. tests/lib.sh
scratch
ex=examples/example-ix
schema=${IXF_SCHEMA:-$TOP/../shared/ixf/ixp-member-list-1.0.schema.json}

if [ ! -f "$schema" ] || ! /usr/bin/python3 -c 'import jsonschema' 2>/dev/null; then
	skip "IX-F export: needs the schema at $schema and python3-jsonschema"
	summary t_ixf
	exit 0
fi
valid() {	# FILE: valid against the schema (draft 4, formats checked)
	/usr/bin/python3 - "$schema" "$1" <<'EOF'
import json, sys, jsonschema
schema = json.load(open(sys.argv[1]))
doc = json.load(open(sys.argv[2]))
errors = list(jsonschema.Draft4Validator(schema, format_checker=jsonschema.FormatChecker()).iter_errors(doc))
for e in errors[:5]:
    print("        " + "/".join(map(str, e.path)) + ": " + e.message)
sys.exit(1 if errors else 0)
EOF
}

"$IXP_RSC" ixf-export $ex/ixp.yaml --no-timestamp > "$T_TMP/ixf.json"
check "ixf-export of the example: exit 0" [ $? -eq 0 ]
check "the example's export is valid IX-F 1.0" valid "$T_TMP/ixf.json"
"$IXP_RSC" compile $ex/ixp.yaml -o "$T_TMP/out" --offline -q
# Every (ASN, address) of the member directory is in the export, and no other.
jq -r '.members[] | .asn as $a | .connections[] | (.ipv4 // empty, .ipv6 // empty) | "\($a) \(.)"' \
	"$T_TMP/out/members.json" 2>/dev/null | sort > "$T_TMP/yaml.pairs"
jq -r '.member_list[] | select(.member_type == "peering") | .asnum as $a |
	.connection_list[].vlan_list[] | (.ipv4.address // empty, .ipv6.address // empty) | "\($a) \(.)"' \
	"$T_TMP/ixf.json" | sort > "$T_TMP/ixf.pairs"
check "every member address of the YAML, and only those ($(wc -l < "$T_TMP/ixf.pairs") pairs)" \
	sh -c "[ -s $T_TMP/yaml.pairs ] && cmp -s $T_TMP/yaml.pairs $T_TMP/ixf.pairs"
check "the route servers: the IXP's entry, AS64500, ixrouteserver at 192.0.2.1 and 192.0.2.2" sh -c \
	"jq -e '[.member_list[] | select(.member_type == \"ixp\" and .asnum == 64500) | .connection_list[].vlan_list[].ipv4 | select(.services[0].type == \"ixrouteserver\") | .address] == [\"192.0.2.1\", \"192.0.2.2\"]' $T_TMP/ixf.json >/dev/null"
check "AS-SET, max-prefix and route-server flag per address (AS64501)" sh -c \
	"jq -e '.member_list[] | select(.asnum == 64501) | .connection_list[0].vlan_list[0].ipv4 | .as_macro == \"RIPE::AS-EXCONTENT\" and .max_prefix == 500 and .routeserver == true' $T_TMP/ixf.json >/dev/null"
check "switches from the port names: sw1, sw2" sh -c \
	"jq -e '[.ixp_list[0].switch[].name] == [\"sw1\", \"sw2\"]' $T_TMP/ixf.json >/dev/null"
check "no MAC address unless ixp.ixf.export_macs" sh -c "! grep -q mac_addresses $T_TMP/ixf.json"
sed 's/^  ixf:.*$/&\n    export_macs: true/' $ex/ixp.yaml > "$T_TMP/macs.yaml"
sed -i "s|irr/|$TOP/$ex/irr/|g; s|rpki/|$TOP/$ex/rpki/|g" "$T_TMP/macs.yaml"
"$IXP_RSC" ixf-export "$T_TMP/macs.yaml" --no-timestamp > "$T_TMP/macs.json"
valid "$T_TMP/macs.json" > /dev/null
mv=$?
check "export_macs: true: the MAC addresses, lower case, still valid" sh -c \
	"[ $mv = 0 ] && jq -e '.member_list[] | select(.asnum == 64501) | .connection_list[0].vlan_list[0].ipv4.mac_addresses == [\"02:00:00:00:01:01\"]' $T_TMP/macs.json >/dev/null"
SOURCE_DATE_EPOCH=86400 "$IXP_RSC" ixf-export $ex/ixp.yaml > "$T_TMP/ts.json"
check "the timestamp follows SOURCE_DATE_EPOCH" sh -c "jq -e '.timestamp == \"1970-01-02T00:00:00Z\"' $T_TMP/ts.json >/dev/null"
grep -v '^    id: 9999' $ex/ixp.yaml > "$T_TMP/noid.yaml"
"$IXP_RSC" ixf-export "$T_TMP/noid.yaml" > "$T_TMP/noid.json" 2> "$T_TMP/noid.err"
rc=$?
check "no ixp.ixf.id: exit 1 (got $rc), says what is missing, prints nothing" sh -c \
	"[ $rc = 1 ] && grep -q 'ixp.ixf.id is not set' $T_TMP/noid.err && [ ! -s $T_TMP/noid.json ]"

# ---- import ixf -------------------------------------------------------------

# The example's own bogon lists (documentation data): what the import
# cannot know; the skeleton says so in a DECIDE line.
bogons() { printf 'policy:\n'; sed -n '/^  bogon_prefixes:/,/^  bogon_asns:/p' $ex/ixp.yaml; }
sessions() { jq -c '[.members[] | {asn, sessions: [.sessions[] | {name, family, neighbor, route_servers}]}]' "$1/report.json"; }
"$IXP_RSC" import ixf "$T_TMP/ixf.json" --irr-dump "$TOP/$ex/irr/ripe.db" \
	--irr-dump "$TOP/$ex/irr/radb.db.gz" -q > "$T_TMP/imported.yaml"
check "import ixf of the example's export: exit 0" [ $? -eq 0 ]
check "the skeleton says what a human must decide (AS-SETs, ports, RPKI, bogon ASNs)" sh -c \
	"grep -q 'DECIDE: from the list; check that it is the member' $T_TMP/imported.yaml && grep -q 'DECIDE: the switch port' $T_TMP/imported.yaml && grep -q 'DECIDE: RPKI' $T_TMP/imported.yaml && grep -q 'DECIDE: 10 members have private or documentation ASNs' $T_TMP/imported.yaml"
{ cat "$T_TMP/imported.yaml"; bogons; } > "$T_TMP/imported-doc.yaml"
"$IXP_RSC" check "$T_TMP/imported-doc.yaml" --offline -q 2> "$T_TMP/check.err"
check "ixp-rsc check accepts it (with the example's bogon lists for documentation ASNs)" [ $? -eq 0 ]
sed 's/^/        /' "$T_TMP/check.err" | head -5
"$IXP_RSC" compile "$T_TMP/imported-doc.yaml" -o "$T_TMP/out-imported" --offline -q 2> /dev/null
check "it compiles to the same sessions as the YAML it came from ($(jq '[.members[].sessions[]] | length' "$T_TMP/out/report.json") sessions)" \
	[ "$(sessions "$T_TMP/out-imported")" = "$(sessions "$T_TMP/out")" ]
members_of() { jq -c '[.members[] | {asn, name, email, phone, connections}]' "$1/members.json"; }
check "and the same members, names, contacts and addresses" \
	[ "$(members_of "$T_TMP/out-imported")" = "$(members_of "$T_TMP/out")" ]
# A hostile list (tests/ixf/hostile.json): YAML syntax, quotes and a comment
# sign in names, control characters, an address off the LAN, one used
# twice, absurd numbers.
"$IXP_RSC" import ixf tests/ixf/hostile.json --irr-dump "$TOP/$ex/irr/ripe.db" -q \
	> "$T_TMP/hostile.yaml" 2> "$T_TMP/hostile.err"
rc=$?
{ cat "$T_TMP/hostile.yaml"; bogons; } > "$T_TMP/hostile-doc.yaml"
"$IXP_RSC" check "$T_TMP/hostile-doc.yaml" --offline -q 2> "$T_TMP/hcheck.err"
hc=$?
check "a hostile list: imported (exit $rc), and the skeleton passes check (exit $hc)" sh -c "[ $rc = 0 ] && [ $hc = 0 ]"
sed 's/^/        /' "$T_TMP/hcheck.err" | head -5
check "... the name with quotes, '#', ':' and brackets is one quoted value, intact" \
	grep -qF '    name: "Quote \" hash # colon: [bracket] {brace}"' "$T_TMP/hostile.yaml"
check "... the newlines in the IXP's name made no YAML (one rs_asn line)" \
	[ "$(grep -c '^  rs_asn:' "$T_TMP/hostile.yaml")" = 1 ]
check "... the invalid values are left out and counted" sh -c \
	"grep -q 'values of the list were not valid and are left out' $T_TMP/hostile.yaml && ! grep -Eq '198.51.100.1|evil|not an address|-5|99999999999' $T_TMP/hostile.yaml"
check "... the address used twice stays with its first member" \
	[ "$(grep -c '192.0.2.11' "$T_TMP/hostile.yaml")" = 1 ]
printf 'not json' > "$T_TMP/bad.json"
"$IXP_RSC" import ixf "$T_TMP/bad.json" > /dev/null 2> "$T_TMP/bad.err"
rc=$?
check "not JSON: exit 1 (got $rc) with the reason" sh -c "[ $rc = 1 ] && grep -q 'not JSON' $T_TMP/bad.err"
jq 'del(.member_list[] | select(.member_type == "ixp"))' "$T_TMP/ixf.json" > "$T_TMP/nors.json"
"$IXP_RSC" import ixf "$T_TMP/nors.json" > /dev/null 2> "$T_TMP/nors.err"
rc=$?
check "no route server in the list: exit 1 (got $rc), says what to add" sh -c "[ $rc = 1 ] && grep -q 'names no route server' $T_TMP/nors.err"

# ---- import peeringdb ----------------------------------------------------------

# tests/ixf/pdb-ixlan.json: /api/ixlan/ID?depth=2 for documentation data,
# with a bilateral-only network, an address off the LAN, a bad prefix and
# ASN, a name with quotes and a newline, one network twice.
"$IXP_RSC" import peeringdb tests/ixf/pdb-ixlan.json --route-server 192.0.2.1,2001:db8:100::1 \
	--route-server 192.0.2.2 --rs-asn 64500 --irr-dump "$TOP/$ex/irr/ripe.db" -q > "$T_TMP/pdb.yaml"
rc=$?
{ cat "$T_TMP/pdb.yaml"; bogons; } > "$T_TMP/pdb-doc.yaml"
"$IXP_RSC" check "$T_TMP/pdb-doc.yaml" --offline -q 2> "$T_TMP/pcheck.err"
pc=$?
check "import peeringdb: exit $rc, and check accepts the skeleton (exit $pc)" sh -c "[ $rc = 0 ] && [ $pc = 0 ]"
sed 's/^/        /' "$T_TMP/pcheck.err" | head -5
"$IXP_RSC" compile "$T_TMP/pdb-doc.yaml" -o "$T_TMP/out-pdb" --offline -q 2> /dev/null
check "... the route-server peers only, their addresses on the LAN: AS64501 (2 connections), AS64502, AS64504 (IPv6)" \
	[ "$(jq -c '[.members[] | {asn, n: (.connections | length)}]' "$T_TMP/out-pdb/members.json")" = '[{"asn":64501,"n":2},{"asn":64502,"n":1},{"asn":64504,"n":1}]' ]
check "... two route servers, rs2 IPv4 only; the IX's PeeringDB id kept" sh -c \
	"grep -q '^    - name: rs2' $T_TMP/pdb.yaml && grep -q 'peeringdb_id: 4243' $T_TMP/pdb.yaml && [ \$(grep -c '^      ipv6:' $T_TMP/pdb.yaml) = 1 ]"
"$IXP_RSC" import peeringdb tests/ixf/pdb-ixlan.json --rs-asn 64500 > /dev/null 2> "$T_TMP/nors2.err"
rc=$?
check "import peeringdb without --route-server: exit 1 (got $rc), says to give them" sh -c \
	"[ $rc = 1 ] && grep -q 'give --route-server' $T_TMP/nors2.err"
"$IXP_RSC" import peeringdb tests/ixf/pdb-ixlan.json --route-server 192.0.2.1 > /dev/null 2> "$T_TMP/noasn.err"
rc=$?
check "import peeringdb without an RS ASN anywhere: exit 1 (got $rc), asks for --rs-asn" sh -c \
	"[ $rc = 1 ] && grep -q 'give --rs-asn' $T_TMP/noasn.err"
"$IXP_RSC" import peeringdb tests/ixf/pdb-ixlan.json --route-server 198.51.100.1 --rs-asn 64500 > /dev/null 2> "$T_TMP/offlan.err"
rc=$?
check "import peeringdb with a route server off the LAN: exit 1 (got $rc), names it" sh -c \
	"[ $rc = 1 ] && grep -q '198.51.100.1 is not a host address' $T_TMP/offlan.err"

# A 1,000-member IXP (the benchmarks' generator).
gen=$(dirname "$IXP_RSC")/bench/gen
[ -x "$gen" ] || gen=$TOP/build/bench/gen
if [ -x "$gen" ]; then
	"$gen" 1000 1 "$T_TMP/big" > /dev/null 2>&1
	sed -i 's/^ixp:$/ixp:\n  ixf: {id: 1}/' "$T_TMP/big/ixp.yaml"
	"$IXP_RSC" ixf-export "$T_TMP/big/ixp.yaml" --no-timestamp > "$T_TMP/big.json"
	n=$(jq '[.member_list[] | select(.member_type == "peering")] | length' "$T_TMP/big.json")
	valid "$T_TMP/big.json" > /dev/null
	bv=$?
	check "the 1,000-member preset: $n members, valid IX-F 1.0" sh -c "[ '$n' = 1000 ] && [ $bv = 0 ]"
	"$IXP_RSC" import ixf "$T_TMP/big.json" --irr-dump "$T_TMP/big/irr.db" -q > "$T_TMP/big-imp.yaml"
	{ cat "$T_TMP/big-imp.yaml"; printf 'policy:\n'; grep -E '^  bogon_(prefixes|asns):' "$T_TMP/big/ixp.yaml"; } \
		> "$T_TMP/big-imp2.yaml"
	"$IXP_RSC" compile "$T_TMP/big/ixp.yaml" -o "$T_TMP/big-out" --offline -q 2> /dev/null
	"$IXP_RSC" compile "$T_TMP/big-imp2.yaml" -o "$T_TMP/big-out2" --offline -q 2> "$T_TMP/big.err"
	check "... imported again, it compiles to the same sessions" \
		[ "$(sessions "$T_TMP/big-out2")" = "$(sessions "$T_TMP/big-out")" ]
	sed 's/^/        /' "$T_TMP/big.err" | head -3
else
	skip "the 1,000-member preset: bench/gen is not built (make build/bench/gen)"
fi
summary t_ixf
