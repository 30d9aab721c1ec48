# Safe output: links planted in OUTDIR are never followed, an interrupted
# or hung compile leaves no file behind, a full disk is a clear error, and in
# every case the previous OUTDIR stays byte-for-byte as it was.
. tests/lib.sh
scratch
good_start t_safe_output
files=$(cd "$out" && ls)

# 1. Links planted under the names a compile writes: the temporary names of
# earlier versions (.NAME.tmp.PID for the PIDs that come next: one process
# plants them all) and the final names. The victims keep their contents;
# OUTDIR holds regular files.
echo "precious" > "$T_TMP/victim"
chmod 0644 "$T_TMP/victim"
perl -e 'my ($v, $o, @f) = @ARGV; for my $f (@f) { for my $p ($$ + 1 .. $$ + 400) {
	symlink($v, "$o/.$f.tmp.$p") or die "$!" } }
	for my $f ("rs1.conf", "report.json") { unlink("$o/$f"); symlink($v, "$o/$f") or die }' \
	"$T_TMP/victim" "$out" $files
"$IXP_RSC" compile "$d/ixp.yaml" -o "$out" -q 2> "$T_TMP/err"
check "compile with planted links: exit 0" [ $? -eq 0 ]
check "no planted link was followed" [ "$(cat "$T_TMP/victim")" = "precious" ]
check "the outputs are regular files, not the planted links" \
	sh -c '! [ -L "$1/rs1.conf" ] && [ -f "$1/rs1.conf" ] && ! [ -L "$1/report.json" ]' _ "$out"
check "the outputs are mode 0640" [ "$(stat -c %a "$out/rs1.conf")" = 640 ]
find "$out" -name '.*.tmp.*' -type l -delete
left=$(find "$out" -name '.*' -type f | wc -l)
check "no temporary file is left ($left)" [ "$left" -eq 0 ]
before=$(dir_state "$out")

# A stand-in `bird` that says it started, then hangs (as a stuck BIRD would).
cat > "$T_TMP/slowbird" <<EOF
#!/bin/sh
echo \$\$ > "$T_TMP/bird.pid"
sleep 120
EOF
chmod +x "$T_TMP/slowbird"

# 2. A compile killed with SIGTERM while `--check` runs: no file left, the
# checker is stopped with it.
rm -f "$T_TMP/bird.pid"
IXP_RSC_BIRD=$T_TMP/slowbird "$IXP_RSC" compile "$d/ixp.yaml" -o "$out" --check -q \
	2> "$T_TMP/err" &
cpid=$!
echo "$cpid" >> "$T_TMP/pids"
i=0
while [ ! -s "$T_TMP/bird.pid" ] && [ $i -lt 300 ]; do sleep 0.1; i=$((i + 1)); done
staged=$(find "$out" -name '.*' -type f | wc -l)
check "while checking, the new files are staged in OUTDIR ($staged)" [ "$staged" -gt 0 ]
# One compile or deploy per OUTDIR at a time: a second one is refused.
"$IXP_RSC" compile "$d/ixp.yaml" -o "$out" -q 2> "$T_TMP/err2"
rc=$?
check "a second compile into the same OUTDIR meanwhile: exit 4 (got $rc)" [ "$rc" -eq 4 ]
check "... because OUTDIR is in use" grep -q "is in use by another ixp-rsc compile or deploy" "$T_TMP/err2"
kill -TERM "$cpid"
wait "$cpid"
rc=$?
check "killed compile: died of SIGTERM (exit $rc)" [ "$rc" -eq 143 ]
check "killed compile: OUTDIR byte-identical, no temporary file" \
	[ "$(dir_state "$out")" = "$before" ]
bpid=$(cat "$T_TMP/bird.pid" 2>/dev/null)
i=0
while [ -n "$bpid" ] && kill -0 "$bpid" 2>/dev/null && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
check "killed compile: the checker was stopped too" sh -c '! kill -0 "$1" 2>/dev/null' _ "$bpid"

# 3. A checker that never finishes: stopped after IXP_RSC_CHECK_TIMEOUT,
# exit 4 with a message, nothing written.
rm -f "$T_TMP/bird.pid"
IXP_RSC_CHECK_TIMEOUT=2 IXP_RSC_BIRD=$T_TMP/slowbird timeout 60 "$IXP_RSC" compile \
	"$d/ixp.yaml" -o "$out" --check -q 2> "$T_TMP/err"
rc=$?
check "hung bird -p: exit 4 (got $rc)" [ "$rc" -eq 4 ]
check "hung bird -p: says it did not finish" grep -q "did not finish within 2 s" "$T_TMP/err"
check "hung bird -p: OUTDIR byte-identical" [ "$(dir_state "$out")" = "$before" ]
bpid=$(cat "$T_TMP/bird.pid" 2>/dev/null)
check "hung bird -p: the checker was stopped" sh -c '! kill -0 "$1" 2>/dev/null' _ "$bpid"

# 4. The disk fills while OUTDIR is written: a file size limit, and a full
# filesystem (a small tmpfs, as root).
(ulimit -f 8; "$IXP_RSC" compile "$d/ixp.yaml" -o "$out" -q 2> "$T_TMP/err")
rc=$?
check "file size limit: exit 4 (got $rc)" [ "$rc" -eq 4 ]
check "file size limit: says the disk is full" grep -q "disk full or file size limit" "$T_TMP/err"
check "file size limit: OUTDIR byte-identical" [ "$(dir_state "$out")" = "$before" ]
if [ "$(id -u)" -eq 0 ]; then
	small=$T_TMP/small
	mkdir -p "$small"
	if mount -t tmpfs -o size=64k tmpfs "$small" 2>/dev/null; then
		cp -a "$out" "$small/out" 2>/dev/null
		# What fits stays: the copy of the previous output, if it fit.
		fill=$(dir_state "$small/out" 2>/dev/null)
		"$IXP_RSC" compile "$d/ixp.yaml" -o "$small/out" -q 2> "$T_TMP/err"
		rc=$?
		check "full filesystem: exit 4 (got $rc)" [ "$rc" -eq 4 ]
		check "full filesystem: names the problem" grep -q "No space left on device" "$T_TMP/err"
		check "full filesystem: OUTDIR byte-identical" [ "$(dir_state "$small/out")" = "$fill" ]
		umount "$small"
	else
		skip "full filesystem: cannot mount a tmpfs here"
	fi
else
	skip "full filesystem: needs root to mount a small tmpfs"
fi

check "the good input still compiles" "$IXP_RSC" compile "$d/ixp.yaml" -o "$out" -q
summary t_safe_output
