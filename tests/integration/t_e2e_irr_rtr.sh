# End to end, data over RTR (ixp.bird.irr_filter: rtr, ixp.bird.vrps_rtr):
# the route objects and the VRPs reach the running route server through
# real StayRTR caches (IRR exact, IRR or-longer, VRPs) fed by the files
# `ixp-rsc compile` writes, with no `birdc configure`: a route object added
# turns a filtered route (12) into an accepted one, removing it filters the
# route again, a VRP change makes a route invalid (14) and valid again, the
# config stays byte for byte the same. And the fail-safe: caches stopped, a
# garbage data file, the route server restarted while the caches are down.
. tests/lib.sh
. tests/netns.sh
ns_need_root t_e2e_irr_rtr stayrtr
ns_init
SRC=tests/e2e/irr_rtr
A=198.51.100

ns_host rs 192.0.2.1/24
ns_host m1 192.0.2.11/24
ns_host m2 192.0.2.12/24
cp $SRC/irr.db $SRC/ixp.yaml "$T_TMP/"
rs_yaml "$T_TMP/ixp.yaml" "irr_filter: rtr, vrps_rtr: {port: 8332}"
vrps_ok='{"roas":[{"asn":64501,"prefix":"198.51.100.0/28","maxLength":28,"ta":"t"}]}'
vrps_bad='{"roas":[{"asn":64501,"prefix":"198.51.100.0/28","maxLength":28,"ta":"t"},{"asn":64599,"prefix":"198.51.100.32/28","maxLength":28,"ta":"t"}]}'
printf '%s\n' "$vrps_ok" > "$T_TMP/vrps.json"
IXP_RSC_BIRD=$RS_BIRD
export IXP_RSC_BIRD
OUT=$T_TMP/out
echo "  (route server: BIRD $("$RS_BIRD" --version 2>&1 | sed -n 's/.*version //p'), bird.version $RS_BIRD_VERSION)"

compile() { "$IXP_RSC" compile "$T_TMP/ixp.yaml" -o "$OUT" --check > "$T_TMP/compile.out" 2>&1; }
# A cache per data set, on the route server's loopback; -refresh 1: the
# file is read every second (operators: a few seconds, see the README).
start_caches() {
	for _c in irr-rtr-exact:8330 irr-rtr-or-longer:8331 rpki-rtr:8332; do
		ip netns exec "$NS_P-rs" stayrtr -bind 127.0.0.1:${_c#*:} -cache "$OUT/${_c%%:*}.json" \
			-refresh 1 -checktime=false -metrics.addr "" >> "$T_TMP/stayrtr.log" 2>&1 &
		echo $! >> "$T_TMP/pids"
		echo $! >> "$T_TMP/caches"
	done
	# Listening before BIRD connects (else BIRD waits for its 30 s retry).
	wait_until 20 "the caches listen" listening
}
listening() {
	_l=$(ip netns exec "$NS_P-rs" ss -ltn)
	for _p in 8330 8331 8332; do printf '%s' "$_l" | grep -q "127.0.0.1:$_p " || return 1; done
}
stop_caches() {
	while read -r _p; do kill "$_p" 2>/dev/null; wait "$_p" 2>/dev/null; done < "$T_TMP/caches"
	: > "$T_TMP/caches"
}
: > "$T_TMP/caches"

if ! compile; then
	sed 's/^/    /' "$T_TMP/compile.out"
	fail "compile with irr_filter: rtr"
	summary t_e2e_irr_rtr
	exit 1
fi
check "compile: no route object in the config (the tables come over RTR)" sh -c \
	"grep -q 'protocol rpki irr_exact' $OUT/rs1.conf && grep -q 'protocol rpki irr_or_longer' $OUT/rs1.conf && ! grep -q 'route $A.0/28 max' $OUT/rs1.conf"
check "compile: the exact data set holds AS64501's $A.0/28 and the sentinels, serial 1" sh -c \
	"jq -e '.metadata.serial == 1 and ([.roas[] | select(.prefix == \"$A.0/28\" and .maxLength == 28 and .asn == 64501)] | length == 1) and ([.roas[] | select(.asn == 4294967295)] | length == 4)' $OUT/irr-rtr-exact.json > /dev/null"
check "compile: the or-longer data set has the same objects up to /32" sh -c \
	"jq -e '[.roas[] | select(.prefix == \"$A.0/28\") | .maxLength] == [32]' $OUT/irr-rtr-or-longer.json > /dev/null"
start_caches
bird_start rs "$OUT/rs1.conf" || fail "the route server starts"

cat > "$T_TMP/m1.conf" <<EOC
router id 192.0.2.11;
protocol device { }
protocol static s4 {
	ipv4;
	route $A.0/28 blackhole;
	route $A.16/28 blackhole;
	route $A.32/28 blackhole { bgp_path.prepend(64511); };
	route $A.48/28 blackhole { bgp_path.prepend(64496); };
}
protocol bgp rs4 {
	local 192.0.2.11 as 64501;
	neighbor 192.0.2.1 as 64500;
	connect delay time 1; connect retry time 1; error wait time 1, 5;
	ipv4 { import all; export all; };
}
EOC
sed -e 's/192.0.2.11/192.0.2.12/g' -e 's/as 64501/as 64502/' -e '/route /d' "$T_TMP/m1.conf" > "$T_TMP/m2.conf"
bird_start m1 "$T_TMP/m1.conf" || fail "member m1 starts"
bird_start m2 "$T_TMP/m2.conf" || fail "member m2 starts"

has2() { bc m2 show route "$1" protocol rs4 | grep -q "^$1 "; }
reason() { bc rs show route "$1" filtered all | sed -n 's/.*(64500, 65520, \([0-9]*\)).*/\1/p' | head -1; }
has_reason() { [ "$(reason "$1")" = "$2" ]; }
rtr_up() { bc rs show protocols irr_exact | grep -q Established && bc rs show protocols irr_or_longer | grep -q Established && bc rs show protocols rtr1 | grep -q Established; }
reconfigured() { bc rs show status | sed -n 's/.*Last reconfiguration on //p'; }

wait_until 60 "the three caches established" rtr_up && pass "BIRD's RTR sessions with the three caches (IRR exact, IRR or-longer, VRPs) are up"
wait_until 60 "AS64502 receives $A.0/28" has2 $A.0/28 && pass "a registered route ($A.0/28) is accepted from the RTR-fed table"
wait_until 30 "$A.16/28 filtered" has_reason $A.16/28 12 &&
	pass "$A.16/28 without a route object is filtered with 12"
wait_until 10 "$A.32/28 accepted" has2 $A.32/28 &&
	pass "$A.32/28 (origin AS64511 of the cone, registered) is accepted"
wait_until 10 "$A.48/28 filtered" has_reason $A.48/28 9 &&
	pass "$A.48/28 (origin AS64496, not in the cone) is filtered with 9"
check "accepted routes carry no warning tag once the caches answered" sh -c \
	"! $RS_BIRDC -s $T_TMP/rs.ctl show route $A.0/28 all | grep -q '(64500, 65521, 12)'"

# ---- a route object added, then removed: no configure -----------------------

conf_before=$(sha256sum < "$OUT/rs1.conf")
reconf_before=$(reconfigured)
printf '\nroute:    %s.16/28\norigin:   AS64501\nsource:   TEST\n' $A >> "$T_TMP/irr.db"
if compile; then
	check "added: rs1.conf is byte for byte the one BIRD runs" [ "$(sha256sum < "$OUT/rs1.conf")" = "$conf_before" ]
	check "added: compile says the config is unchanged and publishes serial 2" sh -c \
		"grep -q 'configs unchanged' $T_TMP/compile.out && grep -q 'irr-rtr-exact.json): 7 entries, serial 2\$' $T_TMP/compile.out"
	wait_until 30 "added: AS64502 receives $A.16/28" has2 $A.16/28 &&
		pass "added: the new route object reaches BIRD over RTR, $A.16/28 is accepted (was 12)"
	check "added: BIRD was not reconfigured" [ "$(reconfigured)" = "$reconf_before" ]
	check "added: the member session was not restarted" sh -c \
		"$RS_BIRDC -s $T_TMP/rs.ctl show protocols AS64501_1 | grep -q Established"
else
	fail "added: compile"
fi
sed -i '/^route:    198.51.100.16\/28$/,+2d' "$T_TMP/irr.db"
if compile; then
	wait_until 30 "removed: $A.16/28 filtered again" has_reason $A.16/28 12 &&
		pass "removed: the route object gone over RTR, $A.16/28 is filtered with 12 again"
	check "removed: AS64502 no longer has it" sh -c "! birdc -s $T_TMP/m2.ctl show route $A.16/28 | grep -q '^$A.16/28'"
	check "removed: serial 3, the config still unchanged" sh -c \
		"grep -q 'serial 3\$' $T_TMP/compile.out && [ \"\$(sha256sum < $OUT/rs1.conf)\" = '$conf_before' ]"
	check "removed: still no reconfigure" [ "$(reconfigured)" = "$reconf_before" ]
else
	fail "removed: compile"
fi

# ---- a VRP changed: no configure -------------------------------------------

check "VRPs: the config has no static ROA table, $A.0/28 is RPKI valid over RTR" sh -c \
	"! grep -q 'protocol static rpki_static4' $OUT/rs1.conf && $RS_BIRDC -s $T_TMP/rs.ctl show route $A.0/28 all | grep -q '(64500, 1000, 1)'"
printf '%s\n' "$vrps_bad" > "$T_TMP/vrps.json"
if compile; then
	check "VRPs: a ROA of AS64599 for $A.32/28: the config unchanged, rpki-rtr.json serial 2" sh -c \
		"grep -q 'rpki-rtr.json): 2 entries, serial 2\$' $T_TMP/compile.out && [ \"\$(sha256sum < $OUT/rs1.conf)\" = '$conf_before' ]"
	wait_until 30 "VRPs: $A.32/28 filtered with 14" has_reason $A.32/28 14 &&
		pass "VRPs: the changed VRP reaches BIRD over RTR, $A.32/28 is filtered with 14 (was accepted)"
else
	fail "VRPs: compile"
fi
printf '%s\n' "$vrps_ok" > "$T_TMP/vrps.json"
compile && wait_until 30 "VRPs: $A.32/28 back" has2 $A.32/28 &&
	pass "VRPs: the ROA gone, AS64502 receives $A.32/28 again"
check "VRPs: still no reconfigure" [ "$(reconfigured)" = "$reconf_before" ]
ino_before=$(stat -c %i "$OUT/irr-rtr-exact.json")
compile
check "a compile with nothing changed keeps the serial (3, unchanged)" \
	grep -q 'irr-rtr-exact.json): 6 entries, serial 3 (unchanged)' "$T_TMP/compile.out"
check "... and leaves the file as it was (not written again)" \
	[ "$(stat -c %i "$OUT/irr-rtr-exact.json")" = "$ino_before" ]
# The same entries under other metadata (a hand edit, another version of
# ixp-rsc): written again, the serial kept.
sed -i 's/"generator": "[^"]*"/"generator": "elsewhere"/' "$OUT/irr-rtr-exact.json"
compile
check "the same entries under another generator: rewritten, serial 3 (unchanged)" sh -c \
	"grep -q 'irr-rtr-exact.json): 6 entries, serial 3 (unchanged)' $T_TMP/compile.out && grep -q '\"generator\": \"ixp-rsc ' $OUT/irr-rtr-exact.json"

# ---- deploy when only data changed: nothing for BIRD to load ----------------

printf '\nroute:    %s.16/28\norigin:   AS64501\nsource:   TEST\n' $A >> "$T_TMP/irr.db"
"$IXP_RSC" deploy "$T_TMP/ixp.yaml" -o "$OUT" --bird rs1="$T_TMP/rs.ctl" --settle 10 \
    > "$T_TMP/deploy.out" 2>&1
rc=$?
check "deploy, a route object added: exit $rc, the config unchanged and not reloaded" sh -c \
	"[ $rc = 0 ] && grep -q 'rs1: config unchanged, not reloaded' $T_TMP/deploy.out"
check "... BIRD not reconfigured" [ "$(reconfigured)" = "$reconf_before" ]
check "... the data published: serial 4" grep -q 'irr-rtr-exact.json): 7 entries, serial 4$' "$T_TMP/deploy.out"
wait_until 30 "deploy: AS64502 receives $A.16/28" has2 $A.16/28 &&
	pass "deploy: the route object reaches BIRD over RTR, $A.16/28 accepted"
sed -i '/^route:    198.51.100.16\/28$/,+2d' "$T_TMP/irr.db"
compile && wait_until 30 "$A.16/28 filtered again" has_reason $A.16/28 12 ||
	fail "deploy: the route object removed again"

# ---- fail-safe --------------------------------------------------------------

# A data file that is not JSON (written by hand, say): the cache keeps
# serving what it had, BIRD keeps its tables.
cp "$OUT/irr-rtr-exact.json" "$T_TMP/exact.good"
printf '{"roas": [' > "$OUT/irr-rtr-exact.json.tmp" && mv "$OUT/irr-rtr-exact.json.tmp" "$OUT/irr-rtr-exact.json"
sleep 3
check "garbage data file: $A.0/28 still accepted, $A.16/28 still 12" sh -c \
	"birdc -s $T_TMP/m2.ctl show route $A.0/28 | grep -q '^$A.0/28' && $RS_BIRDC -s $T_TMP/rs.ctl show route $A.16/28 filtered all | grep -q '(64500, 65520, 12)'"
cp "$T_TMP/exact.good" "$OUT/irr-rtr-exact.json"

# The caches stop: BIRD keeps their data (expire 48 h), no verdict moves.
stop_caches
wait_until 30 "caches down: BIRD notices" sh -c "! $RS_BIRDC -s $T_TMP/rs.ctl show protocols irr_exact | grep -q Established" &&
	pass "caches stopped: BIRD's RTR sessions are down"
sleep 2
check "caches down: $A.0/28 still accepted (the tables are kept)" has2 $A.0/28
check "caches down: $A.16/28 still filtered with 12" has_reason $A.16/28 12

# The route server restarts while the caches are down: its tables are
# empty. Check 12 only warns until they are filled (every member's routes
# would be dropped otherwise); check 9 still holds.
rspid=$(cat "$T_TMP/rs.pid")
bc rs down > /dev/null
wait_until 10 "route server stopped" sh -c "! kill -0 $rspid 2>/dev/null"
bird_start rs "$OUT/rs1.conf" || fail "the route server restarts"
wait_until 60 "caches down at start: AS64502 receives $A.16/28" has2 $A.16/28 &&
	pass "caches down at BIRD start: routes are not all dropped ($A.16/28 accepted, check 12 not applied)"
check "caches down at start: the route server tags it (64500, 65521, 12), check 12 not applied" sh -c \
	"$RS_BIRDC -s $T_TMP/rs.ctl show route $A.16/28 all | grep -q '(64500, 65521, 12)'"
wait_until 10 "caches down at start: $A.48/28 filtered" has_reason $A.48/28 9 &&
	pass "caches down at start: $A.48/28 (origin not in the cone) still filtered with 9"
start_caches
# BIRD would try again within its 30 s retry (t_e2e_bgp waits for it with an
# RPKI cache); here it is told to (disable and enable: `restart` keeps the
# retry timer), to keep the test short.
for _p in irr_exact irr_or_longer rtr1; do bc rs disable $_p; bc rs enable $_p; done > /dev/null
wait_until 60 "caches back: RTR up" rtr_up && pass "caches restarted: BIRD's RTR sessions are up again"
wait_until 60 "caches back: $A.16/28 filtered with 12" has_reason $A.16/28 12 &&
	pass "caches back: the tables filled, $A.16/28 is filtered with 12 again, without a configure"
check "caches back: $A.0/28 accepted, the warning tag gone" sh -c \
	"birdc -s $T_TMP/m2.ctl show route $A.0/28 | grep -q '^$A.0/28' && ! $RS_BIRDC -s $T_TMP/rs.ctl show route $A.0/28 all | grep -q '(64500, 65521, 12)'"

summary t_e2e_irr_rtr
