# The bundled example IXP: compiles, BIRD accepts it, output is the reviewed
# golden output, deterministic, and `explain` gives the verdicts below.
. tests/lib.sh
scratch
ex=examples/example-ix
gold=tests/golden/example-ix
out=$T_TMP/out

check "compile --check succeeds" "$IXP_RSC" compile $ex/ixp.yaml -o "$out" --check --no-timestamp -q
for f in rs1.conf rs2.conf reasons.json members.json report.json readiness.json forbidden-traffic.nft \
    forbidden-traffic.md forbidden-traffic.html route-server-policy.md route-server-policy.html; do
	if cmp -s "$gold/$f" "$out/$f"; then
		pass "golden $f"
	else
		fail "golden $f differs (update with: make golden)"
		diff -u "$gold/$f" "$out/$f" | head -20
	fi
done
check "members.json holds no password, MAC address or port" \
	sh -c '! grep -Eqi "md5|secret|mac|\"port\"|02:00:00" "$1"' _ "$out/members.json"
check "readiness.json (served by the looking glass) holds no password, MAC, port or contact" \
	sh -c '! grep -Eqi "md5|secret|mac|\"port\"|02:00:00|@|phone" "$1"' _ "$out/readiness.json"
check "reasons.json has no unformatted placeholder" sh -c '! grep -n "%[-0-9]*[a-z]" "$1"' _ "$out/reasons.json"
"$IXP_RSC" compile $ex/ixp.yaml -o "$T_TMP/out2" --no-timestamp -q
check "two runs are byte-identical" diff -r "$out" "$T_TMP/out2"
check "files are mode 0640 (they hold MD5 passwords)" \
	sh -c "[ \"\$(stat -c %a $out/rs1.conf $out/report.json | sort -u)\" = 640 ]"
check "no temporary files left" sh -c "[ -z \"\$(ls -A $out | grep '^\.')\" ]"
SOURCE_DATE_EPOCH=86400 "$IXP_RSC" compile $ex/ixp.yaml -o "$T_TMP/out3" -q
check "SOURCE_DATE_EPOCH sets the single header timestamp" \
	grep -q '^# Generated at 1970-01-02T00:00:00Z$' "$T_TMP/out3/rs1.conf"
check "timestamp appears once and only in the header" \
	sh -c "[ \$(grep -c 1970-01-02 $T_TMP/out3/rs1.conf) = 1 ]"
check "check writes nothing and exits 0" "$IXP_RSC" check $ex/ixp.yaml -q
check "bird accepts the golden config too" bird -p -c "$gold/rs1.conf"
if [ "$(id -u)" -eq 0 ] && command -v nft >/dev/null; then
	ip netns add "ixt-nft$$"
	check "nft -c accepts the golden ruleset" ip netns exec "ixt-nft$$" nft -c -f "$gold/forbidden-traffic.nft"
	ip netns del "ixt-nft$$"
else
	skip "nft -c of the golden ruleset: needs root and nft"
fi

# explain: member prefix expected-verdict [extra args]
verdicts='64501|198.51.100.0/25|ACCEPTED, tagged (64500, 1000, 1) RPKI valid|
64501|198.51.100.0/24|REJECTED, reason 12 |
64502|203.0.113.64/27|ACCEPTED, tagged (64500, 1000, 2) RPKI unknown|--origin 65536
64502|203.0.113.128/27|ACCEPTED|--origin 65538
64502|203.0.113.144/28|REJECTED, reason 9 |--origin 65539
64504|198.51.100.160/28|REJECTED, reason 13 |--origin 65540
64506|198.51.100.192/27|REJECTED, reason 14 |
64505|198.51.100.0/25|REJECTED, reason 12 |
64501|192.0.2.0/24|REJECTED, reason 3 |
64501|192.0.2.128/25|REJECTED, reason 3 |
64501|0.0.0.0/0|REJECTED, reason 3 |
64501|10.0.0.0/8|REJECTED, reason 2 |
64501|10.1.0.0/16|REJECTED, reason 2 |
64501|198.51.100.0/25|REJECTED, reason 8 |--path 64501,3356,64501
64501|198.51.100.0/25|REJECTED, reason 6 |--path 64502,64501
64501|198.51.100.0/25|REJECTED, reason 5 |--next-hop 192.0.2.12
64501|198.51.100.0/25|REJECTED, reason 7 |--path 64501,64512,64501
64501|198.51.100.0/25|REJECTED, reason 9 |--origin 64510
64509|198.51.100.240/28|REJECTED, reason 12 |
64509|198.51.100.232/29|REJECTED, reason 12 |
64509|198.51.100.224/27|ACCEPTED|
64509|2001:db8:9001::/48|ACCEPTED, tagged (64500, 1000, 1)|
64509|2001:db8:9001::/49|REJECTED, reason 12 |
64509|198.51.100.225/32|ACCEPTED, tagged (64500, 1000, 3) RPKI not checked; blackhole|--community 65535:666
64501|198.51.100.225/32|REJECTED, reason 12 |--community 65535:666
64509|198.51.100.225/32|REJECTED, reason 12 |
64510|203.0.113.224/28|REJECTED, reason 11 |
64510|203.0.113.224/27|ACCEPTED|
64507|203.0.113.160/28|REJECTED, reason 13 |
64501|2001:db8:1000::/48|ACCEPTED, tagged (64500, 1000, 1)|
64501|2001:db8:1000::/49|REJECTED, reason 12 |
64503|2001:db8:3000::/36|ACCEPTED|
64501|fc00::/7|REJECTED, reason 2 |
64501|4000::/16|REJECTED, reason 10 |
64501|2001:db8:100::/64|REJECTED, reason 3 |
64501|2001:db8:1000::/36|ACCEPTED, tagged (64500, 1000, 1) RPKI valid; GRACEFUL_SHUTDOWN|--community 65535:0
'
# The IRR representations (ixp.bird.irr_filter) differ only where the
# README says: a table needs a route object with the route's own origin.
# The same example as per-member prefix sets must give every verdict above
# except these, which it accepts.
differs='64502|203.0.113.64/27|REJECTED, reason 12 |--origin 65537
64502|203.0.113.130/32|REJECTED, reason 12 |--origin 65536 --community 65535:666'
cp -r $ex "$T_TMP/sets"
sed -i 's|^    version: "2.0" .*|&\n    irr_filter: prefix_sets|' "$T_TMP/sets/ixp.yaml"
check "the prefix-sets copy of the example says so" grep -q 'irr_filter: prefix_sets' "$T_TMP/sets/ixp.yaml"
for yaml in $ex/ixp.yaml "$T_TMP/sets/ixp.yaml"; do
	case $yaml in $ex/*) repr=table ;; *) repr=prefix_sets ;; esac
	while IFS='|' read -r member prefix want args; do
		[ -z "$member" ] && continue
		if [ $repr = prefix_sets ] && printf '%s\n' "$differs" | grep -qF "$member|$prefix|"; then
			want=ACCEPTED
		fi
		# shellcheck disable=SC2086
		got=$("$IXP_RSC" explain "$yaml" --member "$member" --prefix "$prefix" $args 2>&1)
		if printf '%s\n' "$got" | grep -q "^Verdict: $want"; then
			pass "explain ($repr) AS$member $prefix $args: $want"
		else
			fail "explain ($repr) AS$member $prefix $args: want '$want', got: $(printf '%s\n' "$got" | grep Verdict)"
		fi
	done <<CASES
$verdicts
$differs
CASES
done

# Blackholes need a covering route object of their origin, also from a
# member whose normal routes are not checked against route objects.
cp -r $ex "$T_TMP/noprefix"
sed -i 's|^    max_prefix: {ipv4: 500, ipv6: 200}$|&\n    policy: {irr: {enforce_prefix: false}}|' "$T_TMP/noprefix/ixp.yaml"
check "the enforce_prefix: false copy says so" grep -q 'enforce_prefix: false' "$T_TMP/noprefix/ixp.yaml"
for c in '198.51.100.0/24||ACCEPTED' '198.51.100.225/32|--community 65535:666|REJECTED, reason 12 ' \
    '198.51.100.1/32|--community 65535:666|ACCEPTED'; do
	prefix=${c%%|*} rest=${c#*|} args=${rest%%|*} want=${rest#*|}
	# shellcheck disable=SC2086
	got=$("$IXP_RSC" explain "$T_TMP/noprefix/ixp.yaml" --member 64501 --prefix "$prefix" $args 2>&1)
	check "enforce_prefix false: AS64501 $prefix $args: $want" \
		sh -c 'printf "%s\n" "$1" | grep -q "^Verdict: $2"' _ "$got" "$want"
done
"$IXP_RSC" compile "$T_TMP/noprefix/ixp.yaml" -o "$T_TMP/noprefix-out" --check -q
check "... and BIRD accepts that config" [ $? -eq 0 ]

long=$(seq -s, 1 70 | sed 's/^/64501,/; s/[0-9]*$/64501/')
got=$("$IXP_RSC" explain $ex/ixp.yaml --member 64501 --prefix 198.51.100.0/25 --path "$long")
check "explain: a 71-ASN path is rejected with reason 1" sh -c "printf '%s' \"\$1\" | grep -q 'REJECTED, reason 1 '" _ "$got"
"$IXP_RSC" explain $ex/ixp.yaml --member 64503 --prefix 198.51.100.0/24 >/dev/null 2>&1
check "explain: an IPv6-only member has no IPv4 session (exit 1)" [ $? -eq 1 ]
"$IXP_RSC" explain $ex/ixp.yaml --member 64999 --prefix 198.51.100.0/24 >/dev/null 2>&1
check "explain: unknown member (exit 1)" [ $? -eq 1 ]

# The published route-server policy (route-server-policy.md/.html, MANRS
# Action 1): every reject code and every community of reasons.json is in
# it, and it follows the YAML.
page=$out/route-server-policy.html
missing=$(jq -r '.reasons | keys[]' "$out/reasons.json" | while read -r c; do
	grep -q "<td>$c</td>" "$page" || echo "$c"; done)
check "policy page: every reject code of reasons.json has its row (missing: ${missing:-none})" [ -z "$missing" ]
missing=$(jq -r '.control_communities[].community' "$out/reasons.json" | while read -r c; do
	grep -qF "<td>$c</td>" "$page" || echo "$c"; done)
check "policy page: every control community of reasons.json (missing: ${missing:-none})" [ -z "$missing" ]
check "policy page: the communities the route servers add, reject and RPKI" sh -c \
	"grep -qF '<td>64500:65520:{code}</td>' $page && grep -qF '<td>64500:1000:4</td>' $page"
check "policy page: a member's own setting is listed (AS64509, irr.allow_more_specifics)" \
	grep -q 'AS64509 Cloud Provider</td><td>irr.allow_more_specifics</td><td>true' "$page"
sed -e 's/^policy:$/policy:\n  max_as_path_length: 32/' \
    -e 's/^    name: Small ISP .*/&\n    policy: {announcement_control: false}/' \
    -e "s|irr/|$TOP/$ex/irr/|g; s|rpki/|$TOP/$ex/rpki/|g" $ex/ixp.yaml > "$T_TMP/policy2.yaml"
"$IXP_RSC" compile "$T_TMP/policy2.yaml" -o "$T_TMP/out-p2" --no-timestamp -q
check "policy page follows the YAML: a path limit of 32, and AS64507's own announcement control" sh -c \
	"grep -q 'at most 32 ASNs' $T_TMP/out-p2/route-server-policy.md && grep -q 'AS64507 Small ISP | announcement\\\\_control | false' $T_TMP/out-p2/route-server-policy.md && ! cmp -s $T_TMP/out-p2/route-server-policy.md $out/route-server-policy.md"

summary t_example
