# Work linear in every input: each parser of untrusted input is fed an input
# and one ten times larger (tests/scaling/scaling.c); the cost may grow at
# most 25-fold. CPU time of the parsing thread, least of seven interleaved
# runs: the ratio holds on a busy machine, where a time limit would not.
. tests/lib.sh
scratch
SC=${TOOLS:-$TOP/build/tests}/scaling
if [ ! -x "$SC" ]; then
	fail "the scaling harness is built ($SC)"
	summary t_scaling
	exit 1
fi
"$SC" > "$T_TMP/out" 2>&1
rc=$?
while read -r name rest; do
	case $name in
	FAIL:) ;;
	*)	if grep -q "^FAIL: $name " "$T_TMP/out"; then
			fail "$name $rest"
		else
			pass "$name $rest"
		fi ;;
	esac
done < "$T_TMP/out"
check "the scaling harness ran every case (exit $rc)" [ "$(grep -c ' ratio ' "$T_TMP/out")" -ge 9 ]
summary t_scaling
