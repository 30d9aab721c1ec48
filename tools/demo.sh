#!/bin/sh
# `make demo`: compile the bundled example IXP offline and show the result.
set -eu
rsc=${1:-build/ixp-rsc}
out=build/demo
ex=examples/example-ix

echo "==> $rsc compile $ex/ixp.yaml -o $out --check"
"$rsc" compile "$ex/ixp.yaml" -o "$out" --check
echo
echo "==> $out:"
ls -l "$out"
echo
echo "==> $out/rs1.conf, the session of AS64502 (a transit member with a nested AS-SET):"
sed -n '/^# ---- AS64502 /,/^# ---- AS64503 /p' "$out/rs1.conf" | sed -n '1,95p'
echo "   [...]"
echo
echo "==> report.json, per member (ASNs, prefixes, RPKI, warnings):"
if command -v jq >/dev/null 2>&1; then
	jq -r '.members[] | "AS\(.asn) \(.name): \(.irr.asns) ASNs, \(.irr.prefixes.ipv4)+\(.irr.prefixes.ipv6) prefixes, \(.warnings | length) warnings"' "$out/report.json"
else
	grep -E '"(asn|name)"' "$out/report.json" | paste - - | sed 's/^ *//'
fi
echo
echo "==> why would rs1 reject 198.51.100.192/27 from AS64506?"
"$rsc" explain "$ex/ixp.yaml" --member 64506 --prefix 198.51.100.192/27
echo
echo "Done. The full configs are in $out/; validate one with: bird -p -c $out/rs1.conf"
