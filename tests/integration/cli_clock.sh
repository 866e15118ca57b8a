#!/usr/bin/env bash
# `scmi clock` against a real optee-simd on the default platform: every verb, in text and
# JSON, the rounding modes, refusals (OUT_OF_RANGE, DENIED) and usage errors.
# Usage: cli_clock.sh SCMI OPTEE_SIMD PLATFORM_DTB AGENT_SMT_DTB AGENT_MSG_DTB
set -u
source "$(dirname "$0")/cli_lib.sh" "$@"

start_daemon || exit 1

for mode in "smt $AGENT_SMT" "msg $AGENT_MSG"; do
	set -- $mode
	check "list $1" 0 "ID +NAME +STATE +RATE +PARENT" " 0 +osc24m +on +24 MHz +-" \
		" 5 +cpu_little +on +1\.008 GHz +pll_cpu_little" "19 +display +off +150 MHz +pll_periph" -- \
		"${S[@]}" --dt "$2" --mode "$1" clock list
done
check "list --json" 0 '"name": ?"pll_gpu"' '"rate_hz": ?400000000' '"parent": ?null' \
	'"enabled": ?false' -- "${S[@]}" --json clock list
check "get" 0 "clock 19: display" "state: +off" "rate: +150 MHz \(150000000 Hz\)" "parent: +pll_periph \(4\)" \
	"latency: +20 µs" "control: state rate parent" -- "${S[@]}" clock get 19
check "get --json" 0 '"id": ?8' '"permissions": ?0' '"enable_latency_us": ?0' -- \
	"${S[@]}" --json clock get 8
check "rates range" 0 "clock 5: 408 MHz to 1\.416 GHz in steps of 24 MHz" -- \
	"${S[@]}" clock rates 5
check "rates: one rate" 0 "^clock 0: 1 rate$" "^  24 MHz$" -- "${S[@]}" clock rates 0
check "rates list" 0 "clock 19: 32 rates" "37\.5 MHz" "^  1\.2 GHz$" -- "${S[@]}" clock rates 19
check "rates --json" 0 '"kind": ?"list"' '"count": ?32' '"rates_hz": ?\[37500000,' -- \
	"${S[@]}" --json clock rates 19
# Rounding: gpu runs from pll_gpu in 1 MHz steps.
check "set-rate down" 0 "clock 7: 300 MHz \(300000000 Hz\)" -- "${S[@]}" clock set-rate 7 300.6MHz
check "set-rate up" 0 "clock 7: 301 MHz" -- "${S[@]}" clock set-rate 7 300.4MHz --round up
check "set-rate closest" 0 "clock 7: 301 MHz" -- \
	"${S[@]}" clock set-rate 7 300.6MHz --round closest
check "set-rate --json" 0 '"requested_hz": ?130000000' '"rate_hz": ?120000000' -- \
	"${S[@]}" --json clock set-rate 19 130MHz
check "set-rate parent" 0 "clock 3: 600 MHz" -- "${S[@]}" clock set-rate 3 600MHz
check "child follows parent" 0 "rate: +600 MHz" -- "${S[@]}" clock get 7
check "out of range, and the range" 1 "clock 7: set rate: OUT_OF_RANGE: valid: 200 MHz\.\.800 MHz in steps of 1 MHz" -- \
	"${S[@]}" clock set-rate 7 900MHz
check "tree" 0 "^ID +CLOCK +RATE +STATE$" "^ +0 +osc24m +24 MHz +on$" "^ +1 +├── pll_cpu_little +[0-9.]+ [MG]Hz +(on|off)$" \
	"^ +7 +│   └── gpu +[0-9.]+ MHz +(on|off)$" -- "${S[@]}" clock tree
check "a rate as cpupower writes it" 0 "^clock 7: 400 MHz \(400000000 Hz\)$" -- "${S[@]}" clock set-rate gpu 400M
check "denied" 1 "clock 8: set rate: DENIED" -- "${S[@]}" clock set-rate 8 300MHz
check "unknown clock" 1 "clock 20: NOT_FOUND" -- "${S[@]}" clock get 20
# Enable: the parent starts with its child.
check "enable" 0 "clock 7: on" -- "${S[@]}" clock enable 7
check "parent runs" 0 " 3 +pll_gpu +on" -- "${S[@]}" clock list
check "disable" 0 "clock 7: off" -- "${S[@]}" clock disable 7
# pll_periph is always on: a disable leaves it running, and says so.
check "disable --json" 0 '"enabled": ?true' -- "${S[@]}" --json clock disable 4
check "no state control" 1 "clock 0: disable: DENIED" -- "${S[@]}" clock disable 0
check "parent get" 0 \
	"^clock 19: parent pll_periph \(4\); possible: pll_periph \(4\), pll_gpu \(3\), osc24m \(0\)$" \
	-- "${S[@]}" clock parent 19
check "parent set" 0 "clock 19: parent pll_gpu \(3\)" -- "${S[@]}" clock parent 19 3
check "parent --json" 0 '"parent": ?3' '"possible_parents": ?\[4, ?3, ?0\]' -- \
	"${S[@]}" --json clock parent 19
check "parent not possible" 1 "INVALID_PARAMETERS" -- "${S[@]}" clock parent 19 1
# Names: every CLOCK (and PARENT) argument takes the name `list` shows, any case.
check "get by name" 0 "^clock 19: display$" "parent: +pll_gpu \(3\)" -- "${S[@]}" clock get display
check "get --json parent_name" 0 '"parent": ?3' '"parent_name": ?"pll_gpu"' -- \
	"${S[@]}" --json clock get display
check "set-rate by name" 0 "^clock 9: 300 MHz" -- "${S[@]}" clock set-rate axi 300MHz
check "name in another case" 0 "^clock 9: axi$" "rate: +300 MHz" -- "${S[@]}" clock get AXI
check "parent by names" 0 "clock 19: parent pll_periph \(4\)" -- \
	"${S[@]}" clock parent display pll_periph
check "rates by name" 0 "^clock 5: 408 MHz to" -- "${S[@]}" clock rates cpu_little
check "enable by name" 0 "^clock 12: on$" -- "${S[@]}" clock enable uart0
check "unknown name" 2 "CLOCK 'hdmi': no clock has that name" "osc24m \(0\)" -- \
	"${S[@]}" clock get hdmi
check "unknown parent name" 2 "PARENT 'pll_x': no clock" -- "${S[@]}" clock parent display pll_x
# Usage errors: exit 2 before any message.
check "no verb" 2 "." -- "${S[@]}" clock
check "bad verb" 2 "unknown verb" -- "${S[@]}" clock frob
check "bad id" 2 "CLOCK 'x'" -- "${S[@]}" clock get x
check "id too large" 2 "CLOCK '4294967296' is out of range \(0\.\.4294967295\)" -- "${S[@]}" clock get 4294967296
check "bad rate" 2 "RATE" -- "${S[@]}" clock set-rate 7 fast
check "bad round" 2 "round" -- "${S[@]}" clock set-rate 7 300MHz --round sideways
check "extra args" 2 "." -- "${S[@]}" clock enable 7 8
check "help" 0 "set-rate CLOCK RATE" "--round" "ids or names" "scmi clock set-rate gpu 300MHz" -- \
	"${S[@]}" clock --help

stop_daemon

# A parent whose name fills the 64-byte field: shown whole, in the table and in JSON.
long=osc24m_reference_crystal_oscillator_of_the_always_on_domain_001
start_daemon --platform "$(dirname "$PLATFORM")/long-names.dtb"
check "long parent name, JSON" 0 "\"parent_name\": ?\"$long\"" -- \
	"${S[@]}" --json clock get pll_cpu_little
check "long parent name, table" 0 "parent:  $long \(0\)" -- "${S[@]}" clock get pll_cpu_little
stop_daemon
finish
