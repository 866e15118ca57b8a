#!/usr/bin/env bash
# `scmi voltage` against a real optee-simd: list (text and JSON), levels (segment and a
# paged list), get/set with units, on/off, and the exit codes for bad levels, unknown
# domains and bad arguments.
# Usage: cli_voltage.sh SCMI OPTEE_SIMD PLATFORM_DTB AGENT_SMT_DTB AGENT_MSG_DTB
set -u
source "$(dirname "$0")/cli_lib.sh" "$@"

check "no verb" 2 "voltage" -- "${S[@]}" voltage
check "bad level" 2 "LEVEL" -- "${S[@]}" voltage set 1 fast
check "id too large" 2 "DOMAIN '0x100000000' is out of range \(0\.\.4294967295\)" -- "${S[@]}" voltage get 0x100000000
check "extra argument" 2 "" -- "${S[@]}" voltage on 1 2

start_daemon || exit 1

for mode in "smt $AGENT_SMT" "smt-memref $AGENT_MSG" "msg $AGENT_MSG"; do
	set -- $mode
	check "list $1" 0 "^ID +NAME +LEVEL +MODE" "^ +0 +vdd_cpu_little +800 mV +on" \
		"^ +4 +vdd_io +1\.8 V +on" "^ +5 +vdd_ddr_dram_core_and_io_supply +1\.2 V +on" -- \
		"${S[@]}" --dt "$2" --mode "$1" voltage list
	# 30 levels: more than one reply holds, walked page by page.
	check "levels paged $1" 0 "^voltage 4: 30 levels$" "^1\.8 V$" "^3\.25 V$" -- \
		"${S[@]}" --dt "$2" --mode "$1" voltage levels 4
done
check "list --json" 0 '"id":1,"name":"vdd_cpu_big","extended_name":"vdd_cpu_big","level_uv":900000,"mode":"on","on":true' \
	'"id":5,"name":"vdd_ddr","extended_name":"vdd_ddr_dram_core_and_io_supply",' -- \
	"${S[@]}" --json voltage list
check "levels segment" 0 "^voltage 0: 600 mV to 1\.2 V in steps of 10 mV$" -- \
	"${S[@]}" voltage levels 0
check "levels segment --json" 0 '"min_uv":600000,"max_uv":1200000,"step_uv":10000' -- \
	"${S[@]}" --json voltage levels 2
check "levels list --json" 0 '"levels_uv":\[800000,850000,900000,950000\]' -- \
	"${S[@]}" --json voltage levels 3

check "get" 0 "^voltage 1: 900 mV$" -- "${S[@]}" voltage get 1
check "set mV" 0 "^voltage 1: 950 mV$" -- "${S[@]}" voltage set 1 950mV
check "set V" 0 "^voltage 1: 1\.05 V$" -- "${S[@]}" voltage set 1 1.05V
check "get after set --json" 0 '"id":1,"level_uv":1050000' -- "${S[@]}" --json voltage get 1
check "set list level" 0 "^voltage 4: 2\.5 V$" -- "${S[@]}" voltage set 4 2500000uV

check "off" 0 "^voltage 3: off$" -- "${S[@]}" voltage off 3
check "list shows off" 0 "^ +3 +vdd_soc +900 mV +off" -- "${S[@]}" voltage list
check "on --json" 0 '"id":3,"mode":"on","on":true' -- "${S[@]}" --json voltage on 3
# A rail a perf domain runs on: not off, not below the OPP's voltage (docs/decisions.md).
check "off under a perf domain" 1 "voltage 2: mode: DENIED" -- "${S[@]}" voltage off 2
check "below the OPP" 1 "voltage 2: set level: DENIED" -- "${S[@]}" voltage set 2 700mV
check "rail unchanged" 0 "^ +2 +vdd_gpu +800 mV +on" -- "${S[@]}" voltage list

# SCMI errors: exit 1, the status by name; nothing changes.
check "off the step grid" 1 "voltage 1: set level: INVALID_PARAMETERS" -- \
	"${S[@]}" voltage set 1 955mV
check "above the range" 1 "OUT_OF_RANGE" -- "${S[@]}" voltage set 1 1.3V
check "negative level" 1 "OUT_OF_RANGE" -- "${S[@]}" voltage set 4 -50mV
check "level unchanged" 0 "^voltage 1: 1\.05 V$" -- "${S[@]}" voltage get 1
check "unknown domain" 1 "voltage 6: get level: NOT_FOUND" -- "${S[@]}" voltage get 6
check "unknown domain levels" 1 "NOT_FOUND" -- "${S[@]}" voltage levels 6

# Names: a DOMAIN is an id or its name as `list` shows it.
check "set by name" 0 "^voltage 1: 900 mV$" -- "${S[@]}" voltage set vdd_cpu_big 900mV
check "get by name --json" 0 '"id": ?1' '"level_uv": ?900000' -- \
	"${S[@]}" --json voltage get vdd_cpu_big
check "levels by name" 0 "^voltage 4: " -- "${S[@]}" voltage levels VDD_IO
# domain-name = "vdd_ddr" (the DT's), its extended name, a unique prefix; an ambiguous one.
check "get by short name" 0 "^voltage 5: 1\.2 V$" -- "${S[@]}" voltage get vdd_ddr
check "get by extended name" 0 "^voltage 5: " -- "${S[@]}" voltage get vdd_ddr_dram_core_and_io_supply
check "get by prefix" 0 "^voltage 3: " -- "${S[@]}" voltage get vdd_s
check "an ambiguous prefix" 2 "DOMAIN 'vdd_cpu' is ambiguous: 2 voltage domains match: vdd_cpu_little \(0\), vdd_cpu_big \(1\)" -- \
	"${S[@]}" voltage get vdd_cpu
check "unknown name" 2 "DOMAIN 'vdd_x': no voltage domain has that name" "vdd_soc \(3\)" -- \
	"${S[@]}" voltage get vdd_x
check "help" 0 "set DOMAIN LEVEL" "900mV" "scmi voltage set vdd_cpu_big 900mV" -- \
	"${S[@]}" voltage --help

stop_daemon
finish
