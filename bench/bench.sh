#!/bin/sh
# SPDX-License-Identifier: BSD-3-Clause
#
# make bench: every number of docs/performance.md, from one run, as one table on stdout and
# as JSON in BUILD/bench.json.
#
#   bench/bench.sh BUILD
#
# BUILD is a build of this tree (make bench uses build-bench, Release) with bench_roundtrip,
# bench_core, bench_inproc, optee-simd and the platforms built. Needs valgrind and Debian's
# gcc-arm-none-eabi (make bench installs them).
#
#  - latency: bench_latency, each round trip timed alone: p50, p99 and rate of five commands
#    per path and mode, of the raw mechanisms under them (SOCK_SEQPACKET and spin+futex
#    ping-pongs, a call with 128-byte copies), pinned and unpinned, and the aggregate rate of
#    1, 4, 16 and 64 agent processes, and of as many bare pairs of processes handing a word
#    back and forth with the lane's own hand-off (what the machine gives the mechanism);
#  - round trips: bench_roundtrip, as before (ns per round trip and the ratio to the
#    SOCK_SEQPACKET ping-pong under the sim backend, median of 5 runs, one CPU);
#  - server instructions per message: callgrind counts from the transport entry down
#    (scmi_server_process_smt/_msg) with N and 2N messages, (I(2N) - I(N)) / N, so that
#    start-up and first calls cancel out; the bench platform's ops (k_*, constants) are not
#    counted, only the server's calls to them;
#  - the whole in-process path for CLOCK_RATE_GET: the same, counted from the secure side's
#    entry (optee_sim_invoke: TEE core, PTA, server, simulated platform);
#  - code size: each src/server file for Thumb-2 (Cortex-M3) -Os, freestanding, text + data
#    + bss; the core is every file that is not a protocol; the average per protocol
#    charges the core to the protocols it serves;
#  - RAM: sizeof(struct scmi_server) on arm32 (what a firmware keeps per server); the core
#    keeps nothing per channel;
#  - the largest stack frame of the same Thumb-2 build (-fstack-usage).
set -eu

B=${1:?usage: bench.sh BUILD}
SRC=$(cd "$(dirname "$0")/.." && pwd)
N=${BENCH_MESSAGES:-1000}
OUT=$B/bench.json
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

# Targets of issue 11 (docs/performance.md).
T_MSG=150
T_DESCRIBE=400
T_INPROC=600
T_STACK=512
T_SIZE=1024
T_LOAD=5000000
T_CHANNELS=1.8
T_SCALE=0.8

# --- instructions -------------------------------------------------------------------------

# count FUNCTION PROGRAM ARGS...: instructions from FUNCTION down, bench platform excluded.
count() {
	fn=$1
	shift
	valgrind --tool=callgrind --callgrind-out-file="$TMP/cg.out" --toggle-collect="$fn" \
		--toggle-collect='k_*' "$@" >/dev/null 2>"$TMP/cg.err" || {
		cat "$TMP/cg.err" >&2
		echo "bench: $* failed under callgrind" >&2
		exit 1
	}
	awk '/^(summary|totals):/ { print $2; exit }' "$TMP/cg.out"
}

# per_msg FUNCTION PROGRAM ARGS_BEFORE_N: (I(2N) - I(N)) / N.
per_msg() {
	fn=$1
	shift
	a=$(count "$fn" "$@" "$N")
	b=$(count "$fn" "$@" $((2 * N)))
	echo $(((b - a) / N))
}

for layout in smt msg; do
	for m in version rate_get level_get describe_rates; do
		v=$(per_msg "scmi_server_process_$layout" "$B/bench/bench_core" "$layout" "$m")
		eval "I_${layout}_$m=$v"
	done
done
I_inproc=$(per_msg optee_sim_invoke "$B/bench/bench_inproc" "$B/platforms/default.dtb" \
	"$B/platforms/agent-msg.dtb")
# Loading the default platform: every instruction of sim_platform_load() (libfdt included),
# once, in the same run (the first message's N does not matter: the load happens once).
I_load=$(valgrind --tool=callgrind --callgrind-out-file="$TMP/load.out" \
	--toggle-collect=sim_platform_load "$B/bench/bench_inproc" "$B/platforms/default.dtb" \
	"$B/platforms/agent-msg.dtb" 1 >/dev/null 2>"$TMP/load.err" &&
	awk '/^(summary|totals):/ { print $2; exit }' "$TMP/load.out")
[ -n "$I_load" ] || {
	cat "$TMP/load.err" >&2
	echo "bench: loading default.dtb failed under callgrind" >&2
	exit 1
}

# --- code size, stack, RAM (Thumb-2 -Os) --------------------------------------------------

CC=arm-none-eabi-gcc
CFLAGS="-mcpu=cortex-m3 -mthumb -Os -std=c11 -ffreestanding -nostdinc
	-isystem $($CC -print-file-name=include) -isystem $SRC/tests/freestanding/include
	-I$SRC/include -I$SRC/src -fstack-usage"
PROTOCOLS="base power system perf clock sensor reset voltage powercap pinctrl"
mkdir -p "$TMP/arm"
for f in "$SRC"/src/server/*.c; do
	# shellcheck disable=SC2086
	$CC $CFLAGS -c "$f" -o "$TMP/arm/$(basename "$f" .c).o"
done
size_of() {
	arm-none-eabi-size "$TMP/arm/$1.o" | awk 'NR == 2 { print $1 + $2 + $3 }'
}
core=0
for f in "$TMP"/arm/*.o; do
	name=$(basename "$f" .o)
	case " $PROTOCOLS " in
	*" $name "*) ;;
	*) core=$((core + $(size_of "$name"))) ;;
	esac
done
total=$core
nproto=0
for p in $PROTOCOLS; do
	v=$(size_of "$p")
	eval "S_$p=$v"
	total=$((total + v))
	nproto=$((nproto + 1))
done
avg=$((total / nproto))
stack=$(cat "$TMP"/arm/*.su | sort -t "$(printf '\t')" -k2 -n | tail -1)
stack_bytes=$(echo "$stack" | awk -F '\t' '{ print $2 }')
stack_fn=$(echo "$stack" | awk -F '\t' '{ n = $1; sub(/.*:/, "", n); print n }')

cat >"$TMP/ram.c" <<'EOF'
#include "scmi/server/server.h"
char ram_server[sizeof(struct scmi_server)];
char ram_agent[sizeof(struct scmi_server_agent_state)];
EOF
# shellcheck disable=SC2086
$CC $CFLAGS -fno-common -c "$TMP/ram.c" -o "$TMP/ram.o"
sym() {
	printf '%d' "0x$(arm-none-eabi-nm -S "$TMP/ram.o" | awk -v s="$1" '$4 == s { print $2 }')"
}
ram_server=$(sym ram_server)
ram_agent=$(sym ram_agent)

# --- round trips ---------------------------------------------------------------------------

"$B/bench/bench_roundtrip" "$B/tools/optee-simd/optee-simd" "$B/platforms/default.dtb" \
	"$B/platforms/agent-smt.dtb" "$B/platforms/agent-msg.dtb" >"$TMP/rt.txt" || {
	cat "$TMP/rt.txt"
	echo "bench: bench_roundtrip failed" >&2
	exit 1
}
rt_iters=$(awk '/^round trips:/ { print $3 }' "$TMP/rt.txt")
# p50, p99 and rate of each command and raw mechanism, pinned and unpinned, and 1 to 64 agent
# processes. A row that failed says FAILED (the scale rows can, on a loaded machine).
# platforms/bench.dts: the default platform with a channel for each concurrent agent.
"$B/bench/bench_latency" "$B/tools/optee-simd/optee-simd" "$B/platforms/bench.dtb" \
	"$B/platforms/agent-smt.dtb" "$B/platforms/agent-msg.dtb" "${BENCH_LATENCY_N:-5000}" \
	>"$TMP/lat.txt" 2>"$TMP/lat.err" || echo "bench: some latency rows failed" >&2

# --- the table -----------------------------------------------------------------------------

verdict() { # value target
	if [ "$1" -le "$2" ]; then echo "met"; else echo "MISSED"; fi
}
row() { # what value unit target
	printf '%-52s %8s %-6s %-16s %s\n' "$1" "$2" "$3" "$4" "${5:-}"
}

machine=$(awk -F ': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)
cpus=$(nproc)
echo "scmi-optee bench: $machine, $cpus CPU(s), $(uname -sr), $(gcc -dumpfullversion 2>/dev/null || echo gcc)"
row "measure" "value" "unit" "target" "verdict"
for layout in smt msg; do
	for m in version rate_get level_get describe_rates; do
		eval "v=\$I_${layout}_$m"
		case $m in
		version) what="BASE PROTOCOL_VERSION" t=$T_MSG ;;
		rate_get) what="CLOCK_RATE_GET" t=$T_MSG ;;
		level_get) what="PERF_LEVEL_GET" t=$T_MSG ;;
		describe_rates) what="CLOCK_DESCRIBE_RATES, 8 rates" t=$T_DESCRIBE ;;
		esac
		# shellcheck disable=SC2154
		row "server core, $layout: $what" "$v" "instr" "<= $t" "$(verdict "$v" "$t")"
	done
done
row "in-process CLOCK_RATE_GET (TEE core, PTA, server, sim)" "$I_inproc" "instr" \
	"<= $T_INPROC" "$(verdict "$I_inproc" "$T_INPROC")"
row "loading default.dtb (sim_platform_load)" "$I_load" "instr" "<= $T_LOAD" \
	"$(verdict "$I_load" "$T_LOAD")"
awk -v fmt='%-52s %8s %-6s %-16s %s\n' '
	/^round trips:/ { next }
	NF >= 2 && $2 == "FAILED" { printf fmt, "round trip, " $1, "FAILED", "", "", ""; next }
	NF >= 4 { printf fmt, "round trip, " $1, $2, "ns", "", $4 " baseline" }' "$TMP/rt.txt"
awk -v fmt='%-52s %8s %-6s %-16s %s\n' '
	/^latency:/ { next }
	$3 == "FAILED" { printf fmt, "latency p50, " $1 " (" $2 ")", "FAILED", "", "", ""; next }
	$3 == "-" { printf fmt, "aggregate, " $1 " (" $2 ")", $5, "/s", "",
		(NF >= 6 ? "CPU " $6 " ns an operation" : ""); next }
	NF >= 5 { printf fmt, "latency p50, " $1 " (" $2 ")", $3, "ns", "", "p99 " $4 " ns, " $5 "/s" }' \
	"$TMP/lat.txt"
# Ratios of the concurrency rows: two threads on two channels against one, and the smallest
# aggregate of 1 to 64 agent processes against the best, pinned and unpinned.
rate() { # NAME CPUS [COLUMN]: that column (the rate) of that latency row (0 if absent or failed)
	awk -v n="$1" -v c="$2" -v k="${3:-5}" '$1 == n && $2 == c && $3 == "-" { v = $k }
		END { print v + 0 }' "$TMP/lat.txt"
}
ratio() { # A B: A / B to two decimals (0 when B is 0)
	awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }'
}
at_least() { # VALUE TARGET
	awk -v v="$1" -v t="$2" 'BEGIN { print ((v >= t) ? "met" : "MISSED") }'
}
R_channels=$(ratio "$(rate channels/2 unpinned)" "$(rate channels/1 unpinned)")
R_threads=$(ratio "$(rate raw/threads/2 unpinned)" "$(rate raw/threads/1 unpinned)")
R_cpu=$(ratio "$(rate channels/2 unpinned 6)" "$(rate channels/1 unpinned 6)")
# What two threads of plain calls got in the same run is the most two threads could get.
R_rel=$(ratio "$R_channels" "$R_threads")
row "channels: 2 threads / 1, in process (CLOCK_RATE_GET)" "$R_channels" "x" \
	">= $T_CHANNELS" "$(at_least "$R_channels" "$T_CHANNELS") (plain threads: ${R_threads}x, so ${R_rel} of what the machine gave; CPU an operation: ${R_cpu}x)"
worst_over_best() { # PREFIX CPUS: the smallest rate of PREFIX/1..64 over the largest
	lo=0 hi=0
	for n in 1 4 16 64; do
		v=$(rate "$1/$n" "$2")
		hi=$(awk -v a="$hi" -v b="$v" 'BEGIN { print ((b > a) ? b : a) }')
		lo=$(awk -v a="$lo" -v b="$v" -v f="$n" 'BEGIN { print ((f == 1 || b < a) ? b : a) }')
	done
	ratio "$lo" "$hi"
}
# (not $cpus: that is the machine's count, which the JSON gives)
for where in pinned unpinned; do
	r=$(worst_over_best scale "$where")
	# The same hand-off between bare pairs of processes, no work: what this machine gives.
	b=$(worst_over_best raw/scale "$where")
	eval "R_scale_$where=$r R_rawscale_$where=$b"
	row "scale: worst / best aggregate, 1-64 processes ($where)" "$r" "x" ">= $T_SCALE" \
		"$(at_least "$r" "$T_SCALE") (the bare lane hand-off between as many pairs: ${b}x)"
done
for p in $PROTOCOLS; do
	eval "v=\$S_$p"
	row "Thumb-2 -Os, $p" "$v" "B" ""
done
row "Thumb-2 -Os, core (dispatch, versions, transports)" "$core" "B" ""
row "Thumb-2 -Os, average per protocol, core included" "$avg" "B" "<= $T_SIZE" \
	"$(verdict "$avg" "$T_SIZE")"
row "RAM per server (struct scmi_server, arm32)" "$ram_server" "B" ""
row "RAM per agent (in the above)" "$ram_agent" "B" ""
row "RAM per channel (server core)" "0" "B" ""
row "largest server stack frame ($stack_fn)" "$stack_bytes" "B" "<= $T_STACK" \
	"$(verdict "$stack_bytes" "$T_STACK")"

# --- JSON ----------------------------------------------------------------------------------

{
	printf '{\n  "machine": {"cpu": "%s", "cpus": %s, "kernel": "%s"},\n' \
		"$machine" "$cpus" "$(uname -sr)"
	printf '  "messages_counted": %s,\n  "server_instructions": {\n' "$N"
	sep=""
	for layout in smt msg; do
		printf '%s    "%s": {' "$sep" "$layout"
		s2=""
		for m in version rate_get level_get describe_rates; do
			eval "v=\$I_${layout}_$m"
			printf '%s"%s": %s' "$s2" "$m" "$v"
			s2=", "
		done
		printf '}'
		sep=",
"
	done
	printf '\n  },\n  "inproc_clock_rate_get_instructions": %s,\n' "$I_inproc"
	printf '  "load_default_dtb_instructions": %s,\n' "$I_load"
	printf '  "roundtrip_ns": {"iterations": %s' "${rt_iters:-0}"
	awk 'NF >= 4 && !/^round trips:/ { printf ", \"%s\": %s", $1, $2 }' "$TMP/rt.txt"
	printf '},\n  "latency": {'
	awk '!/^latency:/ && NF >= 3 {
		if ($3 == "FAILED") v = "null"
		else if ($3 == "-" && NF >= 6)
			v = sprintf("{\"per_second\": %s, \"cpu_ns_per_op\": %s}", $5, $6)
		else if ($3 == "-") v = sprintf("{\"per_second\": %s}", $5)
		else v = sprintf("{\"p50_ns\": %s, \"p99_ns\": %s, \"per_second\": %s}", $3, $4, $5)
		printf "%s\"%s/%s\": %s", (n++ ? ", " : ""), $1, $2, v }' "$TMP/lat.txt"
	printf '},\n  "thumb2_os_bytes": {"core": %s' "$core"
	for p in $PROTOCOLS; do
		eval "v=\$S_$p"
		printf ', "%s": %s' "$p" "$v"
	done
	printf ', "average_per_protocol": %s},\n' "$avg"
	printf '  "ram_bytes": {"server_arm32": %s, "per_agent": %s, "per_channel": 0},\n' \
		"$ram_server" "$ram_agent"
	printf '  "largest_stack_frame": {"function": "%s", "bytes": %s},\n' "$stack_fn" \
		"$stack_bytes"
	# shellcheck disable=SC2154
	printf '  "ratios": {"channels_2_over_1": %s, "threads_2_over_1": %s, ' "$R_channels" \
		"$R_threads"
	printf '"channels_cpu_per_op_2_over_1": %s, "channels_over_threads": %s, ' "$R_cpu" \
		"$R_rel"
	# shellcheck disable=SC2154
	printf '"scale_worst_over_best": {"pinned": %s, "unpinned": %s}, ' "$R_scale_pinned" \
		"$R_scale_unpinned"
	# shellcheck disable=SC2154
	printf '"raw_scale_worst_over_best": {"pinned": %s, "unpinned": %s}},\n' \
		"$R_rawscale_pinned" "$R_rawscale_unpinned"
	printf '  "targets": {"message": %s, "describe_rates": %s, "inproc": %s, ' "$T_MSG" \
		"$T_DESCRIBE" "$T_INPROC"
	printf '"stack_frame": %s, "average_per_protocol": %s, "load": %s, ' "$T_STACK" \
		"$T_SIZE" "$T_LOAD"
	printf '"channels_2_over_1": %s, "scale_worst_over_best": %s}\n}\n' "$T_CHANNELS" \
		"$T_SCALE"
} >"$OUT"
# What other tools read must parse (python3 is there on most machines; skipped where not).
if command -v python3 >/dev/null 2>&1 && ! python3 -m json.tool "$OUT" >/dev/null; then
	echo "bench: $OUT is not valid JSON" >&2
	exit 1
fi
echo "JSON: $OUT"
