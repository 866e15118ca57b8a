#!/usr/bin/env bash
# `scmi reset` against a real optee-simd: list (text and JSON), assert/deassert/toggle,
# and the exit codes for an unknown domain and bad arguments.
# Usage: cli_reset.sh SCMI OPTEE_SIMD PLATFORM_DTB AGENT_SMT_DTB AGENT_MSG_DTB
set -u
source "$(dirname "$0")/cli_lib.sh" "$@"

# Bad arguments are caught before any platform is contacted.
check "no verb" 2 "reset" -- "${S[@]}" reset
check "unknown verb" 2 "frob" -- "${S[@]}" reset frob
check "id too large" 2 "DOMAIN '4294967296' is out of range \(0\.\.4294967295\)" -- "${S[@]}" reset assert 4294967296
check "empty name" 2 "DOMAIN: empty" -- "${S[@]}" reset assert ""
check "missing id" 2 "" -- "${S[@]}" reset toggle

start_daemon || exit 1

for mode in "smt $AGENT_SMT" "msg $AGENT_MSG"; do
	set -- $mode
	check "list $1" 0 "^ID +NAME +LATENCY +NOTIFY" "^ +0 +uart0 +10 µs +yes" \
		"^ +5 +usb +unknown +yes" "^ +6 +eth +250 µs +no" \
		"^ +7 +gpu_core_and_shader_cluster +1 ms +yes" -- \
		"${S[@]}" --dt "$2" --mode "$1" reset list
done
check "list rows" 0 "" -- "${S[@]}" reset list
[ "$(wc -l <"$tmp/out")" = 9 ] || { fail=$((fail + 1)); echo "FAIL list: not 8 domains"; }
check "list --json" 0 '"id":0,"name":"uart0","extended_name":"uart0","latency_us":10,"notify":true,"async":false' \
	'"name":"usb","extended_name":"usb","latency_us":null' '"name":"eth","extended_name":"eth","latency_us":250,"notify":false' \
	'"id":7,"name":"gpu","extended_name":"gpu_core_and_shader_cluster",' -- \
	"${S[@]}" --json reset list

check "assert" 0 "^reset 3: asserted$" -- "${S[@]}" reset assert 3
check "deassert" 0 "^reset 3: deasserted$" -- "${S[@]}" reset deassert 3
check "toggle" 0 "^reset 7: reset \(autonomous\)$" -- "${S[@]}" reset toggle 0x7
check "toggle --json" 0 '"id":4,"action":"toggle"' -- "${S[@]}" --json reset toggle 4

# SCMI errors: exit 1, the status by name.
check "unknown domain" 1 "reset 8: toggle: NOT_FOUND" -- "${S[@]}" reset toggle 8
check "unknown domain assert" 1 "NOT_FOUND" -- "${S[@]}" reset assert 0xffffffff

# Names: a DOMAIN is an id or its name as `list` shows it.
check "toggle by name" 0 "^reset 0: reset \(autonomous\)$" -- "${S[@]}" reset toggle uart0
check "assert by name, any case" 0 "^reset 7: asserted$" -- "${S[@]}" reset assert GPU_Core_And_Shader_Cluster
check "deassert by name" 0 "^reset 7: deasserted$" -- "${S[@]}" reset deassert gpu_core_and_shader_cluster
# The short name the DT writes (domain-name = "gpu"), beside the extended one.
check "assert by short name" 0 "^reset 7: asserted$" -- "${S[@]}" reset assert gpu
check "deassert by prefix" 0 "^reset 7: deasserted$" -- "${S[@]}" reset deassert gpu_core
check "unknown name" 2 "DOMAIN 'x': no reset domain has that name" "uart0 \(0\)" \
	"gpu_core_and_shader_cluster \(gpu, 7\)" -- \
	"${S[@]}" reset assert x
check "help" 0 "toggle DOMAIN" "id or a name" "scmi reset toggle uart0" -- "${S[@]}" reset --help

stop_daemon
finish
