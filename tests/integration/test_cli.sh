#!/usr/bin/env bash
# The scmi CLI against a real optee-simd: output of `info` and `raw` in every mode, JSON,
# and the exit codes and one-line errors for a missing daemon, bad arguments and an SCMI
# error status.
# Usage: test_cli.sh SCMI OPTEE_SIMD PLATFORM_DTB AGENT_SMT_DTB AGENT_MSG_DTB
set -u
source "$(dirname "$0")/cli_lib.sh" "$@"

# No daemon yet: exit 3, one line that says what is wrong.
check "no daemon" 3 "TEE not reachable" -- "$SCMI" --socket "$sock" info
[ "$(wc -l <"$tmp/err")" = 1 ] || { fail=$((fail + 1)); echo "FAIL no daemon: error is not one line"; }

start_daemon || exit 1

for mode in "smt $AGENT_SMT" "smt-memref $AGENT_MSG" "msg $AGENT_MSG"; do
	set -- $mode
	check "info $1" 0 "scmi-optee" "sim-soc" "0x00010000" "2\.1" "linux" "vm1" "platform" "$1" -- \
		"${S[@]}" --dt "$2" --mode "$1" info
	check "info --json $1" 0 '"vendor": ?"scmi-optee"' '"sub_vendor": ?"sim-soc"' "\"mode\": ?\"$1\"" -- \
		"${S[@]}" --dt "$2" --mode "$1" --json info
	check "raw version $1" 0 "SUCCESS" "01 ?00 ?02 ?00" -- "${S[@]}" --dt "$2" --mode "$1" raw base 0x0
done
check "raw by number" 0 "SUCCESS" "0x00020001" -- "${S[@]}" raw 0x10 0
check "raw --json" 0 '"protocol":16,"message":0,"status":"SUCCESS"' '"response":"01000200","words":\[131073\]' -- \
	"${S[@]}" --json raw base 0
check "raw vendor" 0 "SUCCESS" "73 ?63 ?6d ?69" -- "${S[@]}" raw base 3
check "raw list protocols" 0 "SUCCESS" -- "${S[@]}" raw base 6 00000000
check "raw discover agent self" 0 "SUCCESS" "ff ?ff ?ff ?ff|01 ?00 ?00 ?00" -- "${S[@]}" raw base 7 ffffffff
# SCMI error statuses: printed by name, exit 1.
check "raw unknown protocol" 1 "NOT_SUPPORTED" -- "${S[@]}" raw 0x7f 0
check "raw bad length" 1 "PROTOCOL_ERROR" -- "${S[@]}" raw base 3 00
check "raw unknown agent" 1 "NOT_FOUND" -- "${S[@]}" raw base 7 09000000
# Under --json an error is a JSON document on stdout too (the line stays on stderr); a raw
# answer with an error status is the document itself.
check "error --json" 1 '^\{"error":\{"exit_code":1,"status":"NOT_FOUND","message":"clock 20: NOT_FOUND"\}\}$' \
	"scmi: error: clock 20: NOT_FOUND" -- "${S[@]}" --json clock get 20
check "usage error --json" 2 '^\{"error":\{"exit_code":2,"status":null,"message":"unknown command .frobnicate.' -- \
	"${S[@]}" frobnicate --json
check "raw error status --json" 1 '^\{"protocol":127,"message":0,"status":"NOT_SUPPORTED",.*"delayed":null\}$' -- \
	"${S[@]}" --json raw 0x7f 0
[ "$(wc -l <"$tmp/out")" = 1 ] || { fail=$((fail + 1)); echo "FAIL raw error status --json: not one document"; }
# Bad arguments: exit 2, a hint.
check "no command" 2 "help" -- "${S[@]}"
check "unknown command" 2 "unknown|help" -- "${S[@]}" frobnicate
check "bad mode" 2 "mode" -- "${S[@]}" --mode carrier-pigeon info
check "bad number" 2 "." -- "${S[@]}" raw base zz
check "odd hex" 2 "hex" -- "${S[@]}" raw base 0 123
check "raw missing args" 2 "." -- "${S[@]}" raw
check "bad dt" 1 "." -- "${S[@]}" --dt /nonexistent.dtb info
check "help" 0 "info" "raw" "--socket" "--mode" -- "${S[@]}" --help

stop_daemon
finish
