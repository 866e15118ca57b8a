#!/usr/bin/env bash
# `scmi sim` against a real optee-simd: virtual time read and advanced through the
# sim-control PTA; refused in real time; no daemon; bad durations.
# Usage: cli_sim.sh SCMI OPTEE_SIMD PLATFORM_DTB AGENT_SMT_DTB AGENT_MSG_DTB
set -u
source "$(dirname "$0")/cli_lib.sh" "$@"

check "no daemon" 3 "TEE not reachable" -- "${S[@]}" sim time

# Real time: it runs, and cannot be advanced.
start_daemon || exit 1
check "time real" 0 "platform time: .* \(real\)" -- "${S[@]}" sim time
check "advance in real time" 1 "real" "--virtual-time" -- "${S[@]}" sim advance 1s
stop_daemon

# Virtual time: it stands still until advanced, by exactly what was asked.
start_daemon --virtual-time || exit 1
"${S[@]}" --json sim time >"$tmp/t0" 2>&1
t0=$(sed -n 's/.*"time_us": *\([0-9]*\).*/\1/p' "$tmp/t0")
check "time virtual" 0 "\(virtual\)" -- "${S[@]}" sim time
sleep 0.05
check "time stands still" 0 "\"time_us\": ?$t0[,}]" '"virtual": ?true' -- "${S[@]}" --json sim time
check "advance 2s" 0 "\"time_us\": ?$((t0 + 2000000))[,}]" -- "${S[@]}" --json sim advance 2s
check "advance 500ms" 0 "\"time_us\": ?$((t0 + 2500000))[,}]" -- "${S[@]}" --json sim advance 500ms
check "advance text" 0 "platform time: .* s \(virtual\)" -- "${S[@]}" sim advance 250us
check "advance 0" 0 "\"time_us\": ?$((t0 + 2500250))[,}]" -- "${S[@]}" --json sim advance 0
check "bad duration" 2 "DURATION" -- "${S[@]}" sim advance soon
check "negative duration" 2 "DURATION" -- "${S[@]}" sim advance -1s
check "missing duration" 2 "." -- "${S[@]}" sim advance
check "unknown verb" 2 "." -- "${S[@]}" sim rewind 1s
check "help" 0 "time" "advance" -- "${S[@]}" sim --help
stop_daemon
finish
