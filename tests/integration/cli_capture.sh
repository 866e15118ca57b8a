#!/usr/bin/env bash
# optee-simd --pcap and contrib/wireshark/scmi.lua: a capture of the `make run` tour
# (tools/tour.sh), decoded by Debian's tshark with the dissector, names every message, has
# no malformed packet, and shows the fields the tour set and read.
# Usage: cli_capture.sh SCMI OPTEE_SIMD PLATFORM_DTB AGENT_SMT_DTB AGENT_MSG_DTB
set -u
source "$(dirname "$0")/cli_lib.sh" "$@"
root=$(cd "$(dirname "$0")/../.." && pwd)
build=$(cd "$(dirname "$SCMI")/../.." && pwd)

if ! command -v tshark >/dev/null; then
	echo "FAIL tshark is missing (make test installs it)"
	exit 1
fi
# tshark warns when run as root; Wireshark reads no personal Lua plugins in a fresh HOME.
export HOME=$tmp

TOUR_SIMD_ARGS="--pcap $tmp/tour.pcap" bash "$root/tools/tour.sh" "$build" >"$tmp/tour.out" 2>&1
rc=$?
if [ "$rc" = 0 ] && [ -s "$tmp/tour.pcap" ]; then
	pass=$((pass + 1)); echo "ok   the tour runs with --pcap"
else
	fail=$((fail + 1)); echo "FAIL the tour (exit $rc) or its capture"; tail -20 "$tmp/tour.out"
	finish; exit
fi

lua=$root/contrib/wireshark/scmi.lua
tshark -X "lua_script:$lua" -r "$tmp/tour.pcap" >"$tmp/summary" 2>"$tmp/tshark.err"
tshark -X "lua_script:$lua" -r "$tmp/tour.pcap" -V >"$tmp/verbose" 2>>"$tmp/tshark.err"
frames=$(wc -l <"$tmp/summary")
scmi=$(grep -c " SCMI " "$tmp/summary")
if [ "$frames" -gt 200 ] && [ "$frames" = "$scmi" ]; then
	pass=$((pass + 1)); echo "ok   $frames frames, every one dissected as SCMI"
else
	fail=$((fail + 1)); echo "FAIL $scmi of $frames frames are SCMI"; head "$tmp/summary"
	cat "$tmp/tshark.err"
fi
# The tour's SCMI error sends to protocol 0x7f, which no one defines: the only unnamed one.
grep -Ehi "malformed|lua error|unknown 0x" "$tmp/summary" "$tmp/verbose" "$tmp/tshark.err" |
	grep -v "unknown 0x7f/0x00" >"$tmp/bad"
if [ -s "$tmp/bad" ]; then
	fail=$((fail + 1)); echo "FAIL malformed, unnamed or Lua errors:"
	head "$tmp/bad"
else
	pass=$((pass + 1)); echo "ok   no malformed packet, every message named"
fi
# Every protocol of the tour, both directions, each OP-TEE door it used.
for p in base power system perf clock sensor reset voltage powercap pinctrl; do
	check "tour: $p named" 0 "SCMI [0-9]+ $p [A-Z_]+ command" "SCMI [0-9]+ $p [A-Z_]+ response" -- \
		cat "$tmp/summary"
done
check "named fields" 0 "Message: BASE_DISCOVER_VENDOR" "vendor_identifier: " \
	"Message: CLOCK_RATE_GET" "rate: [0-9]+ Hz" "Protocol: clock \(0x14\)" \
	"Direction: platform to agent" "Transport: OP-TEE SMT" "Transport: OP-TEE MSG" \
	"Status: NOT_SUPPORTED \(-1\)" "unknown 0x7f/0x00 response NOT_SUPPORTED" \
	"Message: PERF_LEVEL_SET" "Message: SENSOR_READING_GET" \
	"readings\[0\] value: " -- cat "$tmp/verbose" "$tmp/summary"
check "display filter on a field" 0 "CLOCK_RATE_GET response" -- \
	tshark -X "lua_script:$lua" -r "$tmp/tour.pcap" -Y "scmi.clock.rate > 0"
finish
