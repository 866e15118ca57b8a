#!/usr/bin/env bash
# `scmi perf` against a real optee-simd: list (text and JSON) in every mode, the paged OPP
# table of cpu_big, get/set by level and by --freq, limits get/set, the level-indexed gpu,
# and the exit codes for out-of-range levels, unknown domains and bad arguments.
# Usage: cli_perf.sh SCMI OPTEE_SIMD PLATFORM_DTB AGENT_SMT_DTB AGENT_MSG_DTB
set -u
source "$(dirname "$0")/cli_lib.sh" "$@"

check "no verb" 2 "perf" -- "${S[@]}" perf
check "id too large" 2 "DOMAIN '4294967296' is out of range \(0\.\.4294967295\)" -- "${S[@]}" perf get 4294967296
check "bad level" 2 "LEVEL" -- "${S[@]}" perf set 1 fast
check "level and --freq" 2 "either LEVEL or --freq" -- "${S[@]}" perf set 1 1200 --freq 1GHz
check "bad --freq" 2 "freq" -- "${S[@]}" perf set 1 --freq fast
check "set without level" 2 "missing LEVEL" -- "${S[@]}" perf set 1
check "limits with one value" 2 "MIN and MAX" -- "${S[@]}" perf limits 1 600

start_daemon || exit 1

for mode in "smt $AGENT_SMT" "smt-memref $AGENT_MSG" "msg $AGENT_MSG"; do
	set -- $mode
	check "list $1" 0 "^ID +NAME +MODE +LEVEL +FREQ +MIN +MAX +LEVELS$" \
		"^ +0 +cpu_little +level +1008 +1\.008 GHz +408 +1416 +6$" \
		"^ +1 +cpu_big +level +1200 +1\.2 GHz +408 +2016 +14$" \
		"^ +2 +gpu +index +2 +400 MHz +0 +6 +7$" -- \
		"${S[@]}" --dt "$2" --mode "$1" perf list
	# 14 levels: more than one reply holds, walked page by page.
	check "levels paged $1" 0 "^perf 1 \(cpu_big\): 14 levels$" \
		"^INDEX +LEVEL +FREQ +POWER +LATENCY$" "^ +0 +408 +408 MHz +80 mW +150 µs$" \
		"^ +13 +2016 +2\.016 GHz +1\.18 W +150 µs$" -- \
		"${S[@]}" --dt "$2" --mode "$1" perf levels 1
done
check "list --json" 0 '^\[\{"id":0,' '"id":1,"name":"cpu_big","extended_name":"cpu_big","level_indexing":false,"level":1200,"freq_hz":1200000000,"limit_min":408,"limit_max":2016' \
	-- "${S[@]}" --json perf list
check "levels --json" 0 '\{"index":5,"level":700,"freq_hz":700000000,"power_uw":660000,"power_abstract":null,"latency_us":300\}' -- \
	"${S[@]}" --json perf levels 2

check "get" 0 "^perf 1 \(cpu_big\): level 1200, 1\.2 GHz, limits 408\.\.2016$" -- "${S[@]}" perf get 1
check "set level" 0 "^perf 1: level 1800 requested$" -- "${S[@]}" perf set 1 1800
check "get after set" 0 "level 1800, 1\.8 GHz" -- "${S[@]}" perf get 1
check "set --freq (the lowest level reaching it)" 0 "^perf 1: level 1512 requested$" -- \
	"${S[@]}" perf set 1 --freq 1.5GHz
check "get after --freq --json" 0 '"id":1,"name":"cpu_big","extended_name":"cpu_big","level_indexing":false,"level":1512,"freq_hz":1512000000' -- \
	"${S[@]}" --json perf get 1
check "set --freq too high" 1 "no level reaches 3 GHz" -- "${S[@]}" perf set 1 --freq 3GHz
check "gpu by index" 0 "^perf 2: level 5 requested$" -- "${S[@]}" perf set 2 5
check "gpu get" 0 "^perf 2 \(gpu\): index 5, 700 MHz, limits 0\.\.6$" -- "${S[@]}" perf get 2
check "gpu --freq" 0 "^perf 2: level 6 requested$" -- "${S[@]}" perf set 2 --freq 750MHz

check "limits get" 0 "^perf 0: limits 408\.\.1416$" -- "${S[@]}" perf limits 0
check "limits set" 0 "^perf 0: limits 600\.\.816$" -- "${S[@]}" perf limits 0 600 816
check "level clamped by limits" 0 "level 816, 816 MHz, limits 600\.\.816" -- "${S[@]}" perf get 0
check "limits --json" 0 '"id":0,"limit_min":600,"limit_max":816' -- "${S[@]}" --json perf limits 0
check "level outside limits" 1 "OUT_OF_RANGE" -- "${S[@]}" perf set 0 1200
check "limits min > max" 1 "INVALID_PARAMETERS" -- "${S[@]}" perf limits 0 816 600
check "limits off the table" 1 "OUT_OF_RANGE" -- "${S[@]}" perf limits 0 100 816

check "level not an OPP" 1 "OUT_OF_RANGE" -- "${S[@]}" perf set 1 1000
check "unknown domain" 1 "NOT_FOUND" -- "${S[@]}" perf get 3
check "unknown domain levels" 1 "NOT_FOUND" -- "${S[@]}" perf levels 9

# Names: a DOMAIN is an id or its name as `list` shows it.
check "set --freq by name" 0 "^perf 1: level 1608 requested$" -- "${S[@]}" perf set cpu_big --freq 1.6GHz
check "get by name, any case" 0 "^perf 1 \(cpu_big\): level 1608, 1\.608 GHz" -- "${S[@]}" perf get CPU_BIG
check "levels by name" 0 "^perf 2 \(gpu\): 7 levels$" -- "${S[@]}" perf levels gpu
check "limits by name" 0 "^perf 0: limits 600\.\.816$" -- "${S[@]}" perf limits cpu_little
check "unknown name" 2 "DOMAIN 'npu': no perf domain has that name" "cpu_big \(1\)" -- \
	"${S[@]}" perf get npu
# A power cap holds cpu_big below the request: set reads the level back and says so.
check "cap the cpus" 0 "cap 300 mW" -- "${S[@]}" powercap set cpu_little_and_big_clusters 300mW
check "set under a cap" 0 "^perf 1: level 2016 requested, running at [0-9]+ \(held by the platform" -- \
	"${S[@]}" perf set cpu_big 2016
check "set under a cap --json" 0 '"level":2016,"running_level":[0-9]+' -- \
	"${S[@]}" --json perf set cpu_big 2016
check "uncap" 0 "cap 2 W" -- "${S[@]}" powercap set cpu_little_and_big_clusters 2W
# A refusal says why when the CLI can tell: level indexing, no such level, the limits in force.
check "indexing: the level's index" 1 "perf 2: set level 600: OUT_OF_RANGE: the domain counts levels by index 0\.\.6: level 600 is index 4" -- \
	"${S[@]}" perf set gpu 600
check "not a level" 1 "OUT_OF_RANGE: not a level of the domain; its levels: 408, " -- "${S[@]}" perf set cpu_big 409
check "outside the limits" 1 "OUT_OF_RANGE: outside the limits in force 600\.\.816 \(scmi perf limits 0\)" -- \
	sh -c '"$@" perf limits 0 600 816 >/dev/null && "$@" perf set 0 1416' sh "${S[@]}"
check "limits back" 0 "limits" -- "${S[@]}" perf limits 0 408 1416
check "the cause under --json" 1 '"message":"perf 2: set level 600: OUT_OF_RANGE: the domain counts' -- \
	"${S[@]}" --json perf set gpu 600
check "help" 0 "set DOMAIN \[LEVEL\]" "does not report the level" "scmi perf set cpu_big --freq 1.6GHz" -- \
	"${S[@]}" perf --help

stop_daemon
finish
