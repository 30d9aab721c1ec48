# The RTR data files compile writes (irr_filter: rtr), against what OUTDIR
# held before: the serial moves only when the entries changed, whatever the
# previous file looks like (one entry short, longer, not ours at all), and
# a file whose entries and metadata stay is not written again.
. tests/lib.sh
scratch
cp -r examples/example-ix "$T_TMP/ix"
sed -i "s|^  bird:$|  bird:\n    irr_filter: rtr|" "$T_TMP/ix/ixp.yaml"
out=$T_TMP/out
f=$out/irr-rtr-exact.json
run() { "$IXP_RSC" compile "$T_TMP/ix/ixp.yaml" -o "$out" --offline --no-timestamp > "$T_TMP/log" 2>&1; }
serial() { sed -n 's/.*irr-rtr-exact.json): [0-9]* entries, serial \([0-9]*\).*/\1/p' "$T_TMP/log"; }

run
check "first compile: the exact data set, serial 1" [ "$(serial)" = 1 ]
n=$(grep -c '"prefix"' "$f")
check "... with its entries ($n) and the sentinels" [ "$n" -gt 4 ]
cp "$f" "$T_TMP/good"

sed -i '4d' "$f"	# the first entry (lines 1-3: the header)
run
check "the previous file one entry short: rewritten, serial 2" sh -c \
	"[ $(serial) = 2 ] && [ \$(grep -c '\"prefix\"' $f) = $n ]"

printf '  {"prefix": "192.0.2.0/24", "maxLength": 24, "asn": 64496}\n' >> "$f"
run
check "the previous file longer than the new one: rewritten, serial 3" sh -c \
	"[ $(serial) = 3 ] && [ \$(grep -c '\"prefix\"' $f) = $n ]"

ino=$(stat -c %i "$f")
run
check "nothing changed: serial 3 (unchanged), the file left as it was" sh -c \
	"grep -q 'serial 3 (unchanged)' $T_TMP/log && [ \$(stat -c %i $f) = $ino ]"

printf '{"roas": [' > "$f"
run
check "a previous file with no serial (not ours, cut short): serial 1 again, whole" sh -c \
	"[ $(serial) = 1 ] && cmp -s $f $T_TMP/good"

sed -i 's/"generator": "[^"]*"/"generator": "elsewhere"/' "$f"
run
check "the same entries under other metadata: rewritten, serial kept (1, unchanged)" sh -c \
	"grep -q 'serial 1 (unchanged)' $T_TMP/log && cmp -s $f $T_TMP/good"
summary t_rtr_files
