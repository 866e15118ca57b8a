#!/usr/bin/env bash
# tools/tour.sh (`make run`) against the build under test: it exits 0, shows every section
# and the errors it demonstrates, cleans up after itself, and it fails loudly when a step
# that should succeed fails or a step meant to show an SCMI error does not get one.
# Usage: cli_tour.sh SCMI OPTEE_SIMD PLATFORM_DTB AGENT_SMT_DTB AGENT_MSG_DTB
set -u
source "$(dirname "$0")/cli_lib.sh" "$@"
TOUR=$(cd "$(dirname "$0")/../.." && pwd)/tools/tour.sh
# The tour takes a build dir: the one holding platforms/ and tools/.
BUILD=$(cd "$(dirname "$PLATFORM")/.." && pwd)

check "tour runs the binaries under test" 0 -- \
	test "$BUILD/tools/scmi/scmi" -ef "$SCMI" -a "$BUILD/tools/optee-simd/optee-simd" -ef "$SIMD"

start=$(date +%s)
check "tour exits 0" 0 \
	"^== Starting optee-simd" \
	"^== Base \(0x10\)" \
	"^== Clock \(0x14\)" \
	"^== Power domains \(0x11\)" \
	"^== Performance \(0x13\)" \
	"^== Sensors \(0x15\)" \
	"^== Reset domains \(0x16\)" \
	"^== Voltage domains \(0x17\)" \
	"^== System power \(0x12\)" \
	"^== Power capping \(0x18\)" \
	"^== Pin control \(0x19\)" \
	"^== Simulation control" \
	"^== Stopping optee-simd" \
	"^stopped cleanly" \
	"^Tour done" -- \
	bash "$TOUR" "$BUILD"
cp "$tmp/out" "$tmp/tour.out"
elapsed=$(($(date +%s) - start))
# Under sanitizers the tour takes a few seconds; a minute means something waited on a timeout.
if [ "$elapsed" -lt 60 ]; then
	pass=$((pass + 1)); echo "ok   tour took ${elapsed}s"
else
	fail=$((fail + 1)); echo "FAIL tour took ${elapsed}s"
fi

# What each section claims, read back from the tour's own output.
check "every mode reached" 0 "transport +smt, channel 0" "transport +smt-memref, channel 0" \
	"transport +msg, channel 1" "base 2\.1, power" -- cat "$tmp/tour.out"
check "errors shown as intended" 0 "NOT_SUPPORTED \(-1\)" "power 4: set on: DENIED" \
	"request: IN_USE" -- cat "$tmp/tour.out"
check "children follow, DVFS, sensors, caps" 0 "ahb +on +150 MHz" "cpu_big +on +1\.608 GHz" \
	"voltage 1: 1\.02 V" "level 1800, |1800 +1\.8 GHz" "platform time: 20 s \(virtual\)" -- \
	cat "$tmp/tour.out"
# soc_temp after 10 s at boot-ish levels, then after 10 s at the top levels: it must rise.
temps=$(grep -Eo 'soc_temp[^:]*: [0-9.]+' "$tmp/tour.out" | awk '{ print $NF }' | tr '\n' ' ')
if awk -v t="$temps" 'BEGIN { n = split(t, a, " "); exit !(n == 2 && a[2] > a[1] + 1) }'; then
	pass=$((pass + 1)); echo "ok   soc_temp rises ($temps)"
else
	fail=$((fail + 1)); echo "FAIL soc_temp does not rise: '$temps'"
fi
if grep -q $'\033' "$tmp/tour.out"; then
	fail=$((fail + 1)); echo "FAIL terminal escapes in piped output"
else
	pass=$((pass + 1)); echo "ok   no terminal escapes when piped"
fi

# The tour's daemon and private socket are gone.
# shellcheck disable=SC2016 # the backquotes are the tour's text
sockdir=$(sed -n 's/^Below, `scmi` is: scmi --socket \(.*\)\/optee-simd.sock .*/\1/p' "$tmp/tour.out")
pid=$(sed -n 's/^listening (pid \([0-9]*\)).*/\1/p' "$tmp/tour.out")
if [ -n "$sockdir" ] && [ ! -e "$sockdir" ] && [ -n "$pid" ] && ! kill -0 "$pid" 2>/dev/null; then
	pass=$((pass + 1)); echo "ok   tour leaves no daemon or socket"
else
	fail=$((fail + 1)); echo "FAIL tour left '$sockdir' or pid '$pid' behind"
fi

check "no argument" 2 "usage" -- bash "$TOUR"
check "not a directory" 2 "usage" -- bash "$TOUR" "$tmp/nowhere"
mkdir -p "$tmp/empty"
check "unbuilt dir" 1 "missing: build first" -- bash "$TOUR" "$tmp/empty"

# A fake build dir: the real daemon and platforms, an scmi wrapper that misbehaves on cue.
fake=$tmp/fake
mkdir -p "$fake/tools/scmi" "$fake/tools/optee-simd"
ln -s "$SIMD" "$fake/tools/optee-simd/optee-simd"
ln -s "$(dirname "$PLATFORM")" "$fake/platforms"
cat >"$fake/tools/scmi/scmi" <<EOF
#!/usr/bin/env bash
# FAIL_ON: an exit 3 (transport failure) for that command; SUCCEED_ON: exit 0 without asking.
case " \$* " in
*" \$FAIL_ON "*) echo "scmi: error: injected" >&2; exit 3 ;;
*" \$SUCCEED_ON "*) echo "injected success"; exit 0 ;;
esac
exec "$SCMI" "\$@"
EOF
chmod +x "$fake/tools/scmi/scmi"
check "fake build runs" 0 "^Tour done" -- \
	env FAIL_ON=none SUCCEED_ON=none bash "$TOUR" "$fake"
check "a failing step stops the tour" 1 "'scmi clock rates 4' failed with exit status 3" \
	"optee-simd log" -- env FAIL_ON="clock rates 4" SUCCEED_ON=none bash "$TOUR" "$fake"
if grep -q "^== Power domains" "$tmp/out"; then
	fail=$((fail + 1)); echo "FAIL the tour went on after a failed step"
else
	pass=$((pass + 1)); echo "ok   nothing runs after a failed step"
fi
# (the status reported is the pipeline's: grep's, as pipefail gives the last failure)
check "a failing step inside a pipeline stops the tour" 1 "info \| grep transport' failed" -- \
	env FAIL_ON="--mode smt-memref info" SUCCEED_ON=none bash "$TOUR" "$fake"
check "an error demo that succeeds stops the tour" 1 \
	"should fail with an SCMI error \(exit 1\), got exit status 0" -- \
	env FAIL_ON=none SUCCEED_ON="power set 4 on" bash "$TOUR" "$fake"
check "an error demo that fails the wrong way stops the tour" 1 "got exit status 3" -- \
	env FAIL_ON="raw 0x7f 0x0" SUCCEED_ON=none bash "$TOUR" "$fake"

finish
