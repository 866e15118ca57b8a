#!/usr/bin/env bash
# `scmi powercap` against a real optee-simd: list (text and JSON), get, set (units, off),
# pai, measure, and the exit codes for bad zones, caps out of range and bad arguments.
# Usage: cli_powercap.sh SCMI OPTEE_SIMD PLATFORM_DTB AGENT_SMT_DTB AGENT_MSG_DTB
set -u
source "$(dirname "$0")/cli_lib.sh" "$@"

check "no verb" 2 "" -- "${S[@]}" powercap
check "unknown verb" 2 "frob" -- "${S[@]}" powercap frob
check "id too large" 2 "ZONE '99999999999' is out of range \(0\.\.4294967295\)" -- "${S[@]}" powercap get 99999999999
check "bad cap" 2 "CAP" -- "${S[@]}" powercap set 0 2 parsecs
check "bad pai" 2 "PAI" -- "${S[@]}" powercap pai 0 fast

start_daemon || exit 1

for mode in "smt $AGENT_SMT" "msg $AGENT_MSG"; do
	set -- $mode
	check "list $1" 0 "^ID +NAME +PARENT +MIN +MAX +CAP +PAI +MEASURE" \
		"^ +0 +soc +- +1 W +4 W +4 W +100 ms +yes" \
		"^ +1 +cpu_little_and_big_clusters +0 +300 mW +2 W +2 W +10 ms +yes" \
		"^ +2 +gpu +0 +200 mW +1 W +1 W +100 ms +no" -- \
		"${S[@]}" --dt "$2" --mode "$1" powercap list
done
check "list --json" 0 '"id":0,"name":"soc","extended_name":null,"parent":null,"min_cap_uw":1000000,"min_cap_abstract":null,"max_cap_uw":4000000,"max_cap_abstract":null,"cap_uw":4000000,"cap_abstract":null,"capping":true,"pai_us":100000,"measurement":true' \
	'"id":2,"name":"gpu","extended_name":null,"parent":0,"min_cap_uw":200000,' -- "${S[@]}" --json powercap list

check "get" 0 "^powercap 0 \(soc\): cap 4 W, pai 100 ms$" -- "${S[@]}" powercap get 0
check "set 2W" 0 "^powercap 0 \(soc\): cap 2 W, pai 100 ms$" -- "${S[@]}" powercap set 0 2W
check "set uW zone" 0 "^powercap 2 \(gpu\): cap 350 mW" -- "${S[@]}" powercap set 2 350mW
check "set --json" 0 '"id":0,"name":"soc","extended_name":null,"cap_uw":1500000,"cap_abstract":null,"capping":true,"pai_us":100000' -- \
	"${S[@]}" --json powercap set 0 1500mW
check "set off" 0 "^powercap 0 \(soc\): cap off" -- "${S[@]}" powercap set 0 off
check "pai set" 0 "^powercap 0 \(soc\): cap off, pai 10 ms$" -- "${S[@]}" powercap pai 0 10ms
check "pai get" 0 "pai 10 ms$" -- "${S[@]}" powercap pai 0
check "measure" 0 "^powercap 0 \(soc\): [0-9.]+ (m?W) averaged over 10 ms$" -- \
	"${S[@]}" powercap measure 0
check "measure --json" 0 '"id":1,"power_uw":[0-9]+000,"power_abstract":null,"pai_us":10000' -- \
	"${S[@]}" --json powercap measure 1

# SCMI errors: exit 1, the status by name.
check "unknown zone" 1 "powercap 3.*NOT_FOUND" -- "${S[@]}" powercap get 3
check "cap out of range" 1 "OUT_OF_RANGE" -- "${S[@]}" powercap set 0 5W
check "cap off step" 1 "INVALID_PARAMETERS" -- "${S[@]}" powercap set 0 1025mW
check "pai out of range" 1 "OUT_OF_RANGE" -- "${S[@]}" powercap pai 0 2s
check "no monitoring, and why" 1 "NOT_SUPPORTED: the zone measures no power" -- "${S[@]}" powercap measure 2
check "fixed pai" 1 "NOT_SUPPORTED" -- "${S[@]}" powercap pai 2 50ms

# Names: a ZONE is an id or its name as `list` shows it.
check "set by name" 0 "^powercap 0 \(soc\): cap 2 W" -- "${S[@]}" powercap set soc 2W
check "get by name, any case" 0 "^powercap 2 \(gpu\): cap" -- "${S[@]}" powercap get GPU
check "pai by name" 0 "^powercap 0 \(soc\): cap .*, pai [0-9]+ ms$" -- "${S[@]}" powercap pai soc
check "get by prefix of the extended name" 0 "^powercap 1 \(cpu_little_and_big_clusters\): " -- \
	"${S[@]}" powercap get cpu_little_and_big
check "unknown name" 2 "ZONE 'dram': no powercap zone has that name" "soc \(0\)" -- \
	"${S[@]}" powercap get dram
check "help" 0 "set ZONE CAP" "2W" "scmi powercap set soc 2W" -- "${S[@]}" powercap --help

stop_daemon
finish
