#!/usr/bin/env bash
# `scmi pinctrl` against a real optee-simd: list, show (associations over several pages,
# settings), set (function and configs), request/release between two agents, and the exit
# codes for unknown elements, values out of range, pins in use and bad arguments.
# Usage: cli_pinctrl.sh SCMI OPTEE_SIMD PLATFORM_DTB AGENT_SMT_DTB AGENT_MSG_DTB
set -u
source "$(dirname "$0")/cli_lib.sh" "$@"
VM1="$(dirname "$AGENT_SMT")/agent-vm1.dtb"

check "no verb" 2 "" -- "${S[@]}" pinctrl
check "bad list" 2 "pins, groups or functions" -- "${S[@]}" pinctrl list wires
check "bad kind" 2 "expected pin or group" -- "${S[@]}" pinctrl request function 0
check "bad set word" 2 "function=FUNC" -- "${S[@]}" pinctrl set pin 0 color=red
check "bad config" 2 "unknown config type" -- "${S[@]}" pinctrl set pin 0 config=sparkle:1

start_daemon || exit 1

for mode in "smt $AGENT_SMT" "msg $AGENT_MSG"; do
	set -- $mode
	check "list functions $1" 0 "^ID +NAME +ELEMENTS" "^ +0 +uart0 +2" "^ +5 +gpio +64" -- \
		"${S[@]}" --dt "$2" --mode "$1" pinctrl list functions
done
check "list pins: function and owner" 0 "^ID +NAME +FUNCTION +OWNER$" "^ *0 +PA0 +- +-$" "^ *63 +PD15 +- +-$" -- \
	"${S[@]}" pinctrl list pins
check "list groups: function and owner" 0 "^ID +NAME +ELEMENTS +FUNCTION +OWNER$" \
	"^ *5 +mmc0_clk_cmd_data8 +10 +- +-$" "^ *70 +PD15 +1 +- +-$" -- "${S[@]}" pinctrl list groups
check "list --json" 0 '"id":4,"name":"mmc0","extended_name":null,"num_groups":1' -- "${S[@]}" --json pinctrl list functions

check "show group: its pins by name" 0 "^group 5: mmc0_clk_cmd_data8$" "^pins: PC0 \(32\), PC1 \(33\), .*, PC9 \(41\)$" \
	"^function: none$" "^  drive-strength = 4$" -- "${S[@]}" pinctrl show group 5
check "show function (two pages)" 0 "^function 5: gpio$" "^groups: PA0 \(7\), PA1 \(8\), .*, PD15 \(70\)$" -- \
	"${S[@]}" pinctrl show function 5
check "show pin --json" 0 '"type":"pin","id":0,"name":"PA0","extended_name":null,"function":null' \
	'"type":"bias-pull-down","type_id":6,"value":1' '"type":"slew-rate","type_id":20,"value":0' -- \
	"${S[@]}" --json pinctrl show pin 0

check "set: one line" 0 "^pin 0: function uart0 \(0\), bias-pull-up=1 drive-strength=8 set$" -- \
	"${S[@]}" pinctrl set pin 0 function=uart0 config=bias-pull-up:1 config=drive-strength:8
check "show after set" 0 "^pin 0: PA0$" "^function: 0 \(uart0\)$" "^  bias-pull-up = 1$" \
	"^  bias-pull-down = 0$" "^  drive-strength = 8$" -- "${S[@]}" pinctrl show pin 0
check "set group by number" 0 "^group 5: function mmc0 \(4\), slew-rate=3 set$" -- \
	"${S[@]}" pinctrl set group 5 function=4 config=20:3
check "set --json shows the state" 0 '"type":"group","id":5,.*"function":4,"function_name":"mmc0"' \
	'"type":"slew-rate","type_id":20,"value":3' -- \
	"${S[@]}" --json pinctrl set group 5 config=slew-rate:3

check "request" 0 "^pin 1: requested$" -- "${S[@]}" pinctrl request pin 1
check "in use for vm1" 1 "pin 1: request: IN_USE" -- "${S[@]}" --dt "$VM1" pinctrl request pin 1
check "vm1 cannot configure" 1 "IN_USE" -- \
	"${S[@]}" --dt "$VM1" pinctrl set group 0 config=bias-disable:1
check "vm1 cannot release" 1 "DENIED" -- "${S[@]}" --dt "$VM1" pinctrl release pin 1
check "held by this agent or free" 0 "^held: free or by this agent \(SCMI cannot tell which\)$" -- \
	"${S[@]}" pinctrl show pin 1
check "held by another agent" 0 "^held: by another agent$" -- "${S[@]}" --dt "$VM1" pinctrl show pin 1
check "list: the owner" 0 "^ *1 +PA1 +- +other agent$" "^ *0 +PA0 +uart0 +-$" -- \
	"${S[@]}" --dt "$VM1" pinctrl list pins
check "held --json" 0 '"held":"other"' -- "${S[@]}" --dt "$VM1" --json pinctrl show pin 1
check "release" 0 "^pin 1: released$" -- "${S[@]}" pinctrl release pin 1
check "vm1 requests --json" 0 '"type":"group","id":0,"action":"request"' -- \
	"${S[@]}" --dt "$VM1" --json pinctrl request group 0

check "unknown pin" 1 "pinctrl pin 64.*NOT_FOUND" -- "${S[@]}" pinctrl show pin 64
check "strength out of range" 1 "OUT_OF_RANGE" -- "${S[@]}" pinctrl set pin 9 config=drive-strength:5
check "function does not fit" 1 "INVALID_PARAMETERS" -- "${S[@]}" pinctrl set pin 9 function=i2c0
check "unknown function" 2 "FUNC 'hdmi': no function has that name" "gpio \(5\)" -- \
	"${S[@]}" pinctrl set pin 9 function=hdmi
# Names: pins, groups and functions by the names `list` shows, any case.
check "request group by name" 0 "^group 1: requested$" -- "${S[@]}" pinctrl request group uart1_grp
check "release group by name" 0 "^group 1: released$" -- "${S[@]}" pinctrl release group UART1_GRP
check "show pin by name" 0 "^pin 9: PA9$" -- "${S[@]}" pinctrl show pin PA9
check "show function by name" 0 "^function 4: mmc0$" -- "${S[@]}" pinctrl show function mmc0
check "set by names" 0 "^pin 9: function gpio \(5\) set$" -- "${S[@]}" pinctrl set pin pa9 function=GPIO
check "unknown group name" 2 "ID 'uart9': no group has that name" "uart0_grp \(0\)" \
	"see scmi pinctrl list groups" -- "${S[@]}" pinctrl request group uart9
# A prefix names an element when it is the only one it fits.
check "group by a unique prefix" 0 "^group 4: requested$" -- "${S[@]}" pinctrl request group spi0
check "release by the short name" 0 "^group 4: released$" -- "${S[@]}" pinctrl release group spi0_grp
check "an ambiguous prefix" 2 "ID 'uart0' is ambiguous: 2 groups match: uart0_grp \(0\), uart0_alt_grp \(6\)" -- \
	"${S[@]}" pinctrl request group uart0
check "a group by its 15-byte short name" 0 "^group 5: mmc0_clk_cmd_data8$" -- \
	"${S[@]}" pinctrl show group mmc0_clk_cmd_da
check "help" 0 "request pin\|group ID" "who holds it" "scmi pinctrl set pin PA0 function=uart0" -- \
	"${S[@]}" pinctrl --help

stop_daemon
finish
