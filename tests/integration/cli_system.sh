#!/usr/bin/env bash
# `scmi system` against a real optee-simd: get (text and JSON), set by the allowed agent
# (graceful and --forceful), DENIED for agent vm1, bad arguments.
# Usage: cli_system.sh SCMI OPTEE_SIMD PLATFORM_DTB AGENT_SMT_DTB AGENT_MSG_DTB
set -u
source "$(dirname "$0")/cli_lib.sh" "$@"
AGENT_VM1=$(dirname "$AGENT_SMT")/agent-vm1.dtb

start_daemon || exit 1

check "get" 0 "system: power-up" "warm reset: supported" "suspend: supported" -- \
	"${S[@]}" system get
check "get --json" 0 '"state": ?3' '"state_name": ?"power-up"' '"warm_reset_supported": ?true' -- \
	"${S[@]}" --json system get
check "vm1 may read" 0 "system: power-up" -- "${S[@]}" --dt "$AGENT_VM1" system get
check "vm1 denied" 1 "DENIED" -- "${S[@]}" --dt "$AGENT_VM1" system set shutdown
check "shutdown" 0 "graceful shutdown requested" "system: shutdown" -- "${S[@]}" system set shutdown
check "suspend while off" 1 "DENIED" -- "${S[@]}" system set suspend
check "power-up" 0 "system: power-up" -- "${S[@]}" --dt "$AGENT_MSG" --mode msg system set power-up
check "suspend" 0 "system: suspend" -- "${S[@]}" system set suspend
check "warm reset forceful" 0 "forceful warm-reset requested" "system: power-up" -- \
	"${S[@]}" system set warm-reset --forceful
check "set --json" 0 '"state_name": ?"power-up"' -- "${S[@]}" --json system set cold-reset
grep -q "sim: system: agent 1: forceful warm-reset" "$tmp/daemon.log" &&
	{ pass=$((pass + 1)); echo "ok   daemon logs the change"; } ||
	{ fail=$((fail + 1)); echo "FAIL daemon log lacks the change"; cat "$tmp/daemon.log"; }
check "unknown state" 2 "STATE" -- "${S[@]}" system set reboot
check "option on get" 2 "." -- "${S[@]}" system get --forceful
check "missing state" 2 "." -- "${S[@]}" system set
check "help" 0 "get" "set" "--forceful" -- "${S[@]}" system --help

# A platform that does not answer while the session opens: the error says what to try.
kill -STOP "$daemon"
check "timeout hint" 3 "timed out \(try --timeout MS\)" -- "$SCMI" --socket "$sock" --timeout 200 system get
kill -CONT "$daemon"
check "answers again" 0 "^system: " -- "${S[@]}" system get

stop_daemon
finish
