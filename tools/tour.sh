#!/usr/bin/env bash
# A tour of the simulated platform with the scmi CLI (`make run`).
# Usage: tools/tour.sh BUILD_DIR
#
# Starts optee-simd (virtual time) on a private socket with the default platform, then shows
# every SCMI protocol in use: Base over the three OP-TEE transport modes, raw messages and an
# SCMI error, then clocks, power domains, performance (DVFS), sensors, reset, voltage, system
# power, power capping, pin control and the simulation's clock, and stops the daemon.
# Every command is printed before it runs. Exits non-zero if any step that should succeed
# fails, or if a step that demonstrates an SCMI error does not get one.
set -euo pipefail

if [ $# -ne 1 ] || [ ! -d "$1" ]; then
	echo "usage: $0 BUILD_DIR" >&2
	exit 2
fi
build=$(cd "$1" && pwd)
simd=$build/tools/optee-simd/optee-simd
scmi_bin=$build/tools/scmi/scmi
for f in "$simd" "$scmi_bin"; do
	[ -x "$f" ] || { echo "tour: $f is missing: build first (make build)" >&2; exit 1; }
done
for f in default.dtb agent-smt.dtb agent-msg.dtb agent-vm1.dtb; do
	[ -f "$build/platforms/$f" ] || { echo "tour: $build/platforms/$f is missing: build first" >&2; exit 1; }
done
# Relative paths from here on keep the printed commands short.
cd "$build"

tmpdir=$(mktemp -d "${TMPDIR:-/tmp}/scmi-tour-XXXXXX")
sock=$tmpdir/optee-simd.sock
daemon=
# The CLI's default response timeout (30 ms) is tight on a loaded machine or a sanitizer build.
timeout_ms=2000

cleanup() {
	local rc=$?
	if [ -n "$daemon" ]; then
		kill -TERM "$daemon" 2>/dev/null || true
		wait "$daemon" 2>/dev/null || true
	fi
	if [ "$rc" != 0 ] && [ -s "$tmpdir/daemon.log" ]; then
		echo "--- optee-simd log (last lines) ---" >&2
		tail -n 20 "$tmpdir/daemon.log" >&2
	fi
	rm -rf "$tmpdir"
	exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

if [ -t 1 ]; then
	bold=$(printf '\033[1m') dim=$(printf '\033[2m') off=$(printf '\033[0m')
else
	bold='' dim='' off=''
fi

# The commands below are printed as typed; this is what `scmi` means in them.
scmi() {
	"$scmi_bin" --socket "$sock" --timeout "$timeout_ms" "$@"
}

section() {
	printf '%s== %s ==%s\n' "$bold" "$1" "$off"
}

# show "what this shows" 'COMMAND LINE': the line as typed, with its explanation as a comment
# after it when both fit in 100 columns, else on the line before.
show() {
	if [ $((${#2} + ${#1} + 6)) -le 100 ]; then
		printf '$ %s  %s# %s%s\n' "$2" "$dim" "$1" "$off"
	else
		printf '%s# %s%s\n$ %s\n' "$dim" "$1" "$off" "$2"
	fi
}

# step "what this shows" 'COMMAND LINE': show it and run it (it may be a pipeline); a failure
# ends the tour.
step() {
	show "$1" "$2"
	eval "$2" || {
		local rc=$?
		echo "tour: '$2' failed with exit status $rc" >&2
		exit 1
	}
}

# fails "what this shows" 'COMMAND LINE': a step that demonstrates an SCMI error: the
# platform must answer with an error status (scmi exits 1); anything else ends the tour.
fails() {
	show "$1" "$2"
	local rc=0
	eval "$2" 2>&1 || rc=$?
	if [ "$rc" != 1 ]; then
		echo "tour: '$2' should fail with an SCMI error (exit 1), got exit status $rc" >&2
		exit 1
	fi
	echo "(exit status 1: an SCMI error, as intended)"
}

section "Starting optee-simd (emulated OP-TEE with the SCMI PTA)"
echo "\$ optee-simd --socket $sock --platform platforms/default.dtb --virtual-time &"
"$simd" --socket "$sock" --platform platforms/default.dtb --virtual-time ${TOUR_SIMD_ARGS:-} \
	2>"$tmpdir/daemon.log" &
daemon=$!
# Bounded wait for the socket: 5 s.
for _ in $(seq 50); do
	[ -S "$sock" ] && break
	kill -0 "$daemon" 2>/dev/null || { echo "tour: optee-simd exited early" >&2; exit 1; }
	sleep 0.1
done
[ -S "$sock" ] || { echo "tour: optee-simd did not create $sock within 5 s" >&2; exit 1; }
echo "listening (pid $daemon); platform time stands still until \`scmi sim advance\`"
echo "Below, \`scmi\` is: scmi --socket $sock --timeout $timeout_ms"

section "Base (0x10): what the platform implements, over each OP-TEE transport"
step "discovery: every protocol and its version" \
	"scmi info | awk '/^  0x/ { printf \"%s%s %s\", sep, \$2, \$3; sep = \", \" } END { print \"\" }'"
step "SMT in the DT's static shmem" 'scmi --dt platforms/agent-smt.dtb --mode smt info | grep transport'
step "SMT carried in a TEE memref" 'scmi --mode smt-memref info | grep transport'
step "MSG in a memref, 2nd channel" 'scmi --dt platforms/agent-msg.dtb --mode msg info | grep transport'
step "a raw PROTOCOL_VERSION: 0x00020001 is 2.1" 'scmi raw base 0x0'
fails "no protocol 0x7f: NOT_SUPPORTED" 'scmi raw 0x7f 0x0'

section "Clock (0x14): a tree of PLLs and dividers"
step "the first 12 of 20 clocks" 'scmi clock list | sed -n 1,13p'
step "pll_periph: a discrete list" 'scmi clock rates 4'
step "slow the axi bus down (by name or id)..." 'scmi clock set-rate axi 300MHz'
step "...and its children follow" "scmi clock list | grep -Ew 'axi|ahb|apb'"
step "vote for uart0 to run" 'scmi clock enable uart0'

section "Power domains (0x11): parents and children"
step "soc (8) is the parent of domains 2 to 7" 'scmi power list'
# shellcheck disable=SC2016 # $d expands when the step runs
step "children first, then soc" \
	'for d in 2 3 5; do scmi power set $d off; done && scmi power set 8 off'
fails "video (4) under an off parent: refused" 'scmi power set 4 on'
# shellcheck disable=SC2016
step "right order: parent first" \
	'scmi power set 8 on && for d in 4 2 3 5; do scmi power set $d on; done'

section "Performance (0x13): OPPs and DVFS"
step "the operating points of cpu_big, in MHz" 'scmi perf levels cpu_big'
step "cpu_big's clock, then its rail" 'scmi clock list | grep -w cpu_big && scmi voltage get vdd_cpu_big'
step "request 1.608 GHz" 'scmi perf set cpu_big --freq 1.608GHz'
step "DVFS: rail and clock moved" \
	'scmi clock list | grep -w cpu_big && scmi voltage get vdd_cpu_big'

section "Sensors (0x15), on virtual time"
step "board_temp has three axes" 'scmi sensor list'
step "10 s of platform time: the die settles" 'scmi sim advance 10s && scmi sensor get soc_temp'
step "all perf domains to the top" \
	'scmi perf set cpu_little 1416 && scmi perf set cpu_big 2016 && scmi perf set gpu 6'
step "10 s later the die is hotter" 'scmi sim advance 10s && scmi sensor get soc_temp'

section "Reset domains (0x16)"
step "hold uart0 in reset, release it" 'scmi reset assert uart0 && scmi reset deassert uart0'
step "an autonomous reset of mmc0" 'scmi reset toggle mmc0'

section "Voltage domains (0x17)"
step "vdd_ddr (5) has three levels" 'scmi voltage levels 5'
step "select one" 'scmi voltage set 5 1.35V'

section "System power (0x12)"
step "running; optional states; as JSON" 'scmi system get && scmi --json system get'

section "Power capping (0x18)"
step "soc (0) contains the other zones" 'scmi powercap list'
step "cap soc at 2 W: perf levels drop to fit" 'scmi powercap set soc 2W && scmi perf list'
step "lift the cap: the requested level is back" 'scmi powercap set soc off && scmi perf get cpu_big'

section "Pin control (0x19): pins shared between agents"
step "what pins can be muxed to" 'scmi pinctrl list functions'
step "agent linux takes group uart0_grp" 'scmi pinctrl request group uart0_grp'
fails "vm1 wants it too: IN_USE" \
	'scmi --dt platforms/agent-vm1.dtb pinctrl request group uart0_grp'
step "vm1 sees who holds it" 'scmi --dt platforms/agent-vm1.dtb pinctrl show group uart0_grp | grep held'
step "linux gives it back; now vm1 gets it" \
	'scmi pinctrl release group uart0_grp && scmi --dt platforms/agent-vm1.dtb pinctrl request group uart0_grp'

section "Simulation control"
step "platform time: the 20 s we advanced since boot" 'scmi sim time'

section "Stopping optee-simd"
kill -TERM "$daemon"
rc=0
wait "$daemon" || rc=$?
daemon=
if [ "$rc" != 0 ]; then
	echo "tour: optee-simd exited with status $rc" >&2
	exit 1
fi
echo "stopped cleanly"
echo
printf '%sTour done.%s More: scmi --help, scmi COMMAND --help (scmi is %s)\n' "$bold" "$off" \
	"$scmi_bin"
