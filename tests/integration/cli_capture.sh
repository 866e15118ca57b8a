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
# Entries of their own size (the tour's platform gives every sensor extended attributes and
# perf 4.0 levels): short sensor and axis descriptors and 12-byte levels, in a capture made
# here, dissected like `scmi decode` reads them (cli_decode).
python3 - "$tmp/short.pcap" <<'PY'
import struct, sys
def name(s): return s.encode().ljust(16, b"\0")
def w(*v): return struct.pack("<%dI" % len(v), *v)
msgs = [
    w(0x5403, 0, 3) + w(0, 0, 2) + name("soc_temp") + w(1, 0x100, 0x10000) + name("imu") + w(500)
    + w(2, 0x100, 2) + name("cpu") + w(0, 1) + struct.pack("<qq", -40000, 125000),
    w(0x5407, 0, 2) + w(0, 0, 0) + name("x") + w(1, 0x100, 0) + name("y") + w(3, 0, 0, 0, 0),
    w(0x4c04, 0, 2) + w(408, 80, 100) + w(768, 96, 100),
]
with open(sys.argv[1], "wb") as f:
    f.write(struct.pack("<IHHiIII", 0xa1b2c3d4, 2, 4, 0, 0, 65535, 147))
    for i, m in enumerate(msgs):
        rec = bytes([1, 1, 0, 0]) + w(0, 0) + m
        f.write(struct.pack("<IIII", i, 0, len(rec), len(rec)) + rec)
PY
tshark -X "lua_script:$lua" -r "$tmp/short.pcap" -V >"$tmp/short.out" 2>&1
check "entries of their own size" 0 "descs\[0\] name: soc_temp" "descs\[1\] id: 1$" \
	"descs\[1\] name: imu" "descs\[1\] power: 500 uW" "descs\[2\] id: 2$" \
	"descs\[2\] min_range: -40000" "axis_descs\[1\] axis_id: 1$" "axis_descs\[1\] resolution: 3$" \
	"levels\[1\] perf_level: 768$" "levels\[1\] power_cost: 96 " -- cat "$tmp/short.out"
if grep -Eiq "descs\[0\] power|malformed|undescribed|lua error" "$tmp/short.out"; then
	fail=$((fail + 1)); echo "FAIL a short entry read past its end"; grep -Ei "descs|levels|malformed|undesc|error" "$tmp/short.out" | head -20
else
	pass=$((pass + 1)); echo "ok   short entries read to their end only"
fi
check "display filter on a field" 0 "CLOCK_RATE_GET response" -- \
	tshark -X "lua_script:$lua" -r "$tmp/tour.pcap" -Y "scmi.clock.rate > 0"
finish
