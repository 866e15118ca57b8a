#!/usr/bin/env bash
# `scmi power` against a real optee-simd: list (text and JSON), get, set with the
# hierarchy refusing a change (DENIED, exit 1), bad arguments (exit 2), unknown domain.
# Usage: cli_power.sh SCMI OPTEE_SIMD PLATFORM_DTB AGENT_SMT_DTB AGENT_MSG_DTB
set -u
source "$(dirname "$0")/cli_lib.sh" "$@"

start_daemon || exit 1

check "list" 0 "ID +NAME +STATE" "0 +cpu_little +on" "4 +video +off" "8 +soc +on" -- \
	"${S[@]}" power list
check "list msg" 0 "2 +gpu +on" -- "${S[@]}" --dt "$AGENT_MSG" --mode msg power list
check "list --json" 0 '"name": ?"gpu"' '"state": ?1073741824' '"state_name": ?"off"' -- \
	"${S[@]}" --json power list
check "get" 0 "power 2 \(gpu\): on" -- "${S[@]}" power get 2
check "get --json" 0 '"id": ?4' '"state": ?1073741824' -- "${S[@]}" --json power get 4
check "set retention" 0 "power 2 \(gpu\): ret:0x1" -- "${S[@]}" power set 2 0x1
check "set on" 0 "power 2 \(gpu\): on" -- "${S[@]}" power set 2 on
# soc cannot go off under powered children; then, once they are off, a child cannot come on.
check "parent off refused" 1 "DENIED: a domain cannot go off while a domain it feeds is on" -- "${S[@]}" power set 8 off
for d in 2 3 5; do
	check "child $d off" 0 "off" -- "${S[@]}" power set $d off
done
check "parent off" 0 "power 8 \(soc\): off" -- "${S[@]}" power set 8 off
check "child on refused" 1 "DENIED: a domain cannot come on while the domain feeding it is off" -- "${S[@]}" power set 2 on
check "parent on" 0 "power 8 \(soc\): on" -- "${S[@]}" power set 8 on
check "child on" 0 "power 2 \(gpu\): on" -- "${S[@]}" power set 2 on
check "state the domain lacks" 1 "INVALID_PARAMETERS" -- "${S[@]}" power set 3 0x1
check "unknown domain" 1 "NOT_FOUND" -- "${S[@]}" power get 9
check "bad state word" 2 "STATE" -- "${S[@]}" power set 2 sideways
check "bad id" 2 "DOMAIN 'two': no power domain has that name" "gpu \(2\)" -- \
	"${S[@]}" power get two
# Names: a DOMAIN is an id or its name as `list` shows it.
check "set by name" 0 "^power 2 \(gpu\): off$" -- "${S[@]}" power set gpu off
check "get by name, any case" 0 "^power 2 \(gpu\): off$" -- "${S[@]}" power get GPU
check "get by name --json" 0 '"id": ?2' '"state_name": ?"off"' -- "${S[@]}" --json power get gpu
check "set on by name" 0 "^power 2 \(gpu\): on$" -- "${S[@]}" power set gpu on
check "missing args" 2 "." -- "${S[@]}" power set 2
check "unknown verb" 2 "." -- "${S[@]}" power frob
check "help" 0 "list" "get DOMAIN" "set DOMAIN STATE" "scmi power set gpu off" -- \
	"${S[@]}" power --help

stop_daemon
finish
