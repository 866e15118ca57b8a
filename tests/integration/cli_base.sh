#!/usr/bin/env bash
# `scmi base` against a real optee-simd (issue 16 item 6): the agents; the trusted agent "linux"
# denies vm1 a device (vm1 then gets DENIED on the gpu's clock), resets vm1's configuration (the
# device is back), denies and allows one protocol of the device; vm1 may not do the same to
# linux; agents by name or id; bad arguments.
# Usage: cli_base.sh SCMI OPTEE_SIMD PLATFORM_DTB AGENT_SMT_DTB AGENT_MSG_DTB
set -u
source "$(dirname "$0")/cli_lib.sh" "$@"
VM1="$(dirname "$AGENT_SMT")/agent-vm1.dtb"

check "no verb" 2 "base needs a verb: list, device, protocol, reset" -- "${S[@]}" base
check "bad word" 2 "'maybe': expected allow or deny" -- "${S[@]}" base device vm1 1 maybe
check "bad protocol" 2 "PROTO 'wires'" -- "${S[@]}" base protocol vm1 1 wires allow
check "bad reset word" 2 "expected keep-permissions" -- "${S[@]}" base reset vm1 all
check "help" 0 "device AGENT DEVICE allow\|deny" "scmi base reset vm1" -- "${S[@]}" base --help

start_daemon || exit 1
V=("${S[@]}" --dt "$VM1")
check "list" 0 "^ID +NAME$" "^ +0 +platform$" "^ +1 +linux$" "^ +2 +vm1$" -- "${S[@]}" base list
check "vm1 sets the gpu's rate" 0 "^clock 7: 300 MHz" -- "${V[@]}" clock set-rate gpu 300MHz
check "deny vm1 the gpu" 0 "^agent 2: device 1 denied$" -- "${S[@]}" base device vm1 1 deny
check "vm1 is denied" 1 "clock 7: set rate: DENIED" -- "${V[@]}" clock set-rate 7 300MHz
check "reset vm1, permissions too" 0 "^agent 2: configuration reset, permissions too$" -- \
	"${S[@]}" base reset vm1
check "vm1 has the gpu back" 0 "^clock 7: 300 MHz" -- "${V[@]}" clock set-rate 7 300MHz
check "deny vm1 the gpu's clocks" 0 "^agent 2: device 1: protocol 0x14 \(clock\) denied$" -- \
	"${S[@]}" base protocol 2 1 clock deny
check "vm1: clock denied" 1 "clock 7: set rate: DENIED" -- "${V[@]}" clock set-rate 7 300MHz
check "vm1: power still allowed" 0 "^power 2 \(gpu\): " -- "${V[@]}" power get gpu
check "allow them back" 0 "^agent 2: device 1: protocol 0x14 \(clock\) allowed$" -- \
	"${S[@]}" base protocol vm1 1 0x14 allow
check "vm1: clock allowed" 0 "^clock 7: 300 MHz" -- "${V[@]}" clock set-rate 7 300MHz
check "reset, keep permissions" 0 "^agent 2: configuration reset, permissions kept$" -- \
	"${S[@]}" base reset vm1 keep-permissions
check "vm1 may not deny linux" 1 "agent 1: device 1: deny: DENIED" -- "${V[@]}" base device linux 1 deny
check "unknown agent name" 2 "AGENT 'vm9': no agent has that name; agents: platform \(0\), linux \(1\), vm1 \(2\)" -- \
	"${S[@]}" base reset vm9
check "unknown agent id" 1 "agent 9: reset: NOT_FOUND" -- "${S[@]}" base reset 9
stop_daemon
finish
