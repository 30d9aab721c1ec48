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
else
	skip "the 1,000-member preset: bench/gen is not built (make build/bench/gen)"
fi
summary t_ixf
