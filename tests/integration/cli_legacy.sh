#!/usr/bin/env bash
# The scmi CLI against an all-old-versions platform (platforms/legacy.dtb: every protocol at
# 1.0): `info` reports 1.0 for each, and every protocol's list and a get work in each OP-TEE
# transport mode, as text and as JSON; what 1.0 lacks is a clear NOT_SUPPORTED; a few
# changes (DVFS included) still work.
# Usage: cli_legacy.sh SCMI OPTEE_SIMD PLATFORM_DTB AGENT_SMT_DTB AGENT_MSG_DTB
set -u
source "$(dirname "$0")/cli_lib.sh" "$@"
PLATFORM=$(dirname "$PLATFORM")/legacy.dtb

start_daemon || exit 1

# Base's version comes from the platform's base-version property (legacy.dts sets 1.0);
# a loader without that property keeps Base at 2.1. Transitional: drop the 2.1 case once
# base-version has landed for good.
if grep -q '"base-version"' "$(dirname "$0")/../../src/platform/sim/sim_load.c"; then
	base_ver=1.0
else
	base_ver=2.1
fi

# The 1.0 protocols by id and name, as `scmi info` prints them.
protos=(0x11:power 0x12:system 0x13:perf 0x14:clock 0x15:sensor 0x16:reset 0x17:voltage
	0x18:powercap 0x19:pinctrl)

# legacy_mode NAME TRANSPORT_PATTERN SCMI_ARGS...: every read-only command in one mode.
legacy_mode() {
	local name=$1 transport=$2
	shift 2
	local M=("${S[@]}" "$@")
	local text=() json=() p
	for p in "${protos[@]}"; do
		text+=("${p%%:*} +${p#*:} +1\.0\$")
		json+=("\"id\":$((${p%%:*})),\"name\":\"${p#*:}\",\"version\":\"1\.0\",\"error\":null")
	done

	check "$name: info" 0 "$transport" "base protocol +${base_ver//./\\.} " \
		"0x10 +base +${base_ver//./\\.}\$" "protocols +9 besides base" "${text[@]}" -- \
		"${M[@]}" info
	check "$name: info --json" 0 "\"protocol_version\":\"${base_ver//./\\.}\"" "${json[@]}" -- \
		"${M[@]}" --json info
	# Agents. Known client bug: Base 1.0 answers DISCOVER_AGENT with name[16] only (the
	# agent_id word came with 2.0), and the client wants both: PROTOCOL_ERROR per agent.
	if [ "$base_ver" = 1.0 ] && "${M[@]}" info | grep -Eq "^  1 +error: PROTOCOL_ERROR"; then
		echo "XFAIL $name: info agents: PROTOCOL_ERROR from Base 1.0 DISCOVER_AGENT (client bug)"
	else
		check "$name: info agents" 0 "^  1 +linux\$" "^  2 +vm1\$" -- "${M[@]}" info
	fi

	# 1.0 clocks have no parents: the PARENT column is empty.
	check "$name: clock list" 0 "^ 6  cpu_big +on +[0-9.]+ [MG]Hz +-$" "^19  display " -- \
		"${M[@]}" clock list
	check "$name: clock get" 0 "clock 6: cpu_big" "rate: +[0-9.]+ [MG]Hz" -- \
		"${M[@]}" clock get 6
	check "$name: clock rates" 0 "clock 4: 3 rates" "1\.2 GHz" -- "${M[@]}" clock rates 4
	check "$name: power list" 0 "^ 8  soc +on" "^ 4  video +off" -- "${M[@]}" power list
	check "$name: power get" 0 "power 8 \(soc\): on" -- "${M[@]}" power get 8
	check "$name: system get" 0 "system: power-up" "\(protocol 1\.0\)" -- "${M[@]}" system get
	check "$name: perf list" 0 "^ 1  cpu_big +level" "^ 2  gpu +level" -- "${M[@]}" perf list
	check "$name: perf get" 0 "perf 1 \(cpu_big\): level [0-9]+, " -- "${M[@]}" perf get 1
	check "$name: perf levels" 0 "14 levels" "2016 +2\.016 GHz" -- "${M[@]}" perf levels 1
	check "$name: perf limits" 0 "perf 1: limits 408\.\.2016" -- "${M[@]}" perf limits 1
	# 1.0 sensor names are 16 bytes with the NUL; no extended names, no axes.
	check "$name: sensor list" 0 "^ 4  vdd_cpu_big_vol +voltage" "^ 8  board_temp +temperature .* - +yes" -- \
		"${M[@]}" sensor list
	check "$name: sensor get" 0 "sensor 0 soc_temp: [0-9.]+ °C" -- "${M[@]}" sensor get 0
	check "$name: reset list" 0 "^ 0  uart0 +10 µs" -- "${M[@]}" reset list
	check "$name: voltage list" 0 "^ 1  vdd_cpu_big " -- "${M[@]}" voltage list
	check "$name: voltage get" 0 "voltage 5: [0-9.]+ m?V" -- "${M[@]}" voltage get 5
	check "$name: voltage levels" 0 "voltage 5: 3 levels" -- "${M[@]}" voltage levels 5
	check "$name: powercap list" 0 "^ 0  soc " -- "${M[@]}" powercap list
	check "$name: powercap get" 0 "powercap 0 \(soc\): cap [0-9.]+ m?W" -- "${M[@]}" powercap get 0
	check "$name: powercap measure" 0 "averaged over" -- "${M[@]}" powercap measure 0
	check "$name: pinctrl list groups" 0 "uart0_grp" -- "${M[@]}" pinctrl list groups
	check "$name: pinctrl list pins" 0 "PA0" -- "${M[@]}" pinctrl list pins
	check "$name: pinctrl list functions" 0 "gpio" -- "${M[@]}" pinctrl list functions
	check "$name: pinctrl show" 0 "group 0: uart0_grp" -- "${M[@]}" pinctrl show group 0
	check "$name: sim time" 0 "platform time: " -- "${M[@]}" sim time

	# Every list as JSON: an array of objects.
	local cmd
	for cmd in "clock list" "power list" "perf list" "sensor list" "reset list" "voltage list" \
		"powercap list" "pinctrl list groups" "system get"; do
		# shellcheck disable=SC2086 # cmd is words
		check "$name: --json $cmd" 0 '^[[{]"?' '"name"|"state"' -- "${M[@]}" --json $cmd
	done

	# What 1.0 does not have: a clear SCMI error, not a crash or a transport failure.
	check "$name: no clock parents in 1.0" 1 "NOT_SUPPORTED" -- "${M[@]}" clock parent 10
	check "$name: no sensor config in 1.0" 1 "NOT_SUPPORTED" -- "${M[@]}" sensor config 0
	check "$name: no cap disable in powercap 1.0" 1 "NOT_SUPPORTED" -- \
		"${M[@]}" powercap set 0 off
}

legacy_mode smt "transport +smt, channel 0" --dt "$AGENT_SMT" --mode smt
legacy_mode smt-memref "transport +smt-memref, channel 0" --mode smt-memref
legacy_mode msg "transport +msg, channel 1" --dt "$AGENT_MSG" --mode msg

# Changes through the 1.0 message sets.
check "clock set-rate" 0 "clock 9: 300 MHz" -- "${S[@]}" clock set-rate 9 300MHz
check "clock child follows" 0 "^10  ahb +on +150 MHz" -- "${S[@]}" clock list
check "clock enable" 0 "clock 12: on" -- "${S[@]}" clock enable 12
check "power set" 0 "power 4 \(video\): on" -- "${S[@]}" power set 4 on
check "perf set" 0 "level 1608" -- "${S[@]}" perf set 1 1608
check "DVFS: clock" 0 "rate: +1\.608 GHz" -- "${S[@]}" clock get 6
check "DVFS: rail" 0 "voltage 1: 1\.02 V" -- "${S[@]}" voltage get 1
check "perf limits set" 0 "408\.\.1800" -- "${S[@]}" perf limits 1 408 1800
check "reset toggle" 0 "reset 4: reset" -- "${S[@]}" reset toggle 4
check "voltage set" 0 "voltage 5: 1\.35 V" -- "${S[@]}" voltage set 5 1.35V
check "powercap set" 0 "cap 2 W" -- "${S[@]}" powercap set 0 2W
check "sensor trip" 0 "trip point 0" -- "${S[@]}" sensor trip 0 0 rising 80
check "pinctrl request" 0 "group 0: requested" -- "${S[@]}" pinctrl request group 0
check "pinctrl set" 0 "^group 0: function uart0 \(0\) set$" -- "${S[@]}" pinctrl set group 0 function=uart0

stop_daemon
finish
