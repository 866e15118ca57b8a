#!/usr/bin/env bash
# `scmi decode` and `scmi raw --decode`: a message of every protocol read back as named fields
# with units, the direction rules, and every message and notification id that the headers of
# include/scmi/proto/ define named by the table (the ids are read from the headers here, not
# listed, so that a message added to a header without a description fails this test).
# Usage: cli_decode.sh SCMI OPTEE_SIMD PLATFORM_DTB AGENT_SMT_DTB AGENT_MSG_DTB
set -u
source "$(dirname "$0")/cli_lib.sh" "$@"
root=$(cd "$(dirname "$0")/../.." && pwd)
D=("$SCMI" decode)

# Header words (little-endian): message id [7:0], type [9:8], protocol [17:10], token [27:18].
check "base: vendor response" 0 "^BASE_DISCOVER_VENDOR response" "status +SUCCESS \(0\)" \
	'vendor_identifier +"ARM"' -- "${D[@]}" 03400000 00000000 41524d00000000000000000000000000
check "base: version" 0 "version +2\.1 \(0x00020001\)" -- \
	"${D[@]}" --response 00400000 00000000 01000200
check "base: list protocols" 0 "num_protocols +2" "protocols\[0\] +0x11 \(power\)" \
	"protocols\[1\] +0x14 \(clock\)" -- "${D[@]}" --response 06400000 00000000 02000000 11140000
check "power: state get" 0 "^POWER_STATE_GET response" "power_state +0x40000000" -- \
	"${D[@]}" 05440000 00000000 00000040
check "system: state set" 0 "^SYSTEM_POWER_STATE_SET command" "flags +0x00000000" \
	"system_state +0x00000001" -- "${D[@]}" 03480000 00000000 01000000
check "perf: levels" 0 "num_levels +1" "levels\[0\]\.perf_level +408" \
	"levels\[0\]\.transition_latency +100 us" "levels\[0\]\.indicative_freq_khz +408000 kHz" -- \
	"${D[@]}" --response 044c0000 00000000 01000000 98010000 50000000 64000000 c0390600 00000000
check "clock: rate get" 0 "^CLOCK_RATE_GET command" "token +5" "^  id +1$" -- \
	"${D[@]}" 06501400 01000000
check "clock: rate get response" 0 "rate +1000000000 Hz" -- \
	"${D[@]}" --response 06501400 00000000 00ca9a3b 00000000
check "clock: rates" 0 "num_rates_flags +0x00000002" "rates\[0\] +100000000 Hz" \
	"rates\[1\] +200000000 Hz" -- \
	"${D[@]}" 04500000 00000000 02000000 00e1f505 00000000 00c2eb0b 00000000
check "clock: delayed rate set" 0 "^CLOCK_RATE_SET delayed response" "clock_id +1" \
	"rate +1000000000 Hz" -- "${D[@]}" 05520000 00000000 01000000 00ca9a3b 00000000
check "clock: notification" 0 "^CLOCK_RATE_CHANGED notification" "agent_id +1" "clock_id +7" \
	"rate +24000000 Hz" -- "${D[@]}" 00530000 01000000 07000000 00366e01 00000000
# Entries of their own size: a sensor descriptor without extended attributes ends at its name,
# one with axes at its power word; an axis descriptor without extended attributes at its
# name; performance levels before 4.0 (the count fills the array with 12-byte entries).
name16() { printf '%s' "$1" | od -An -tx1 | tr -d ' \n'; printf '%0*d' $((32 - 2 * ${#1})) 0; }
check "sensor: descriptors of their own size" 0 'descs\[0\]\.name +"soc_temp"' \
	"descs\[1\]\.id +1$" 'descs\[1\]\.name +"imu"' "descs\[1\]\.power +500 uW" \
	"descs\[2\]\.id +2$" "descs\[2\]\.min_range +-40000$" "descs\[2\]\.max_range +125000$" \
	-- "${D[@]}" --response 03540000 00000000 03000000 \
	00000000 00000000 02000000 "$(name16 soc_temp)" \
	01000000 00010000 00000100 "$(name16 imu)" f4010000 \
	02000000 00010000 02000000 "$(name16 cpu)" 00000000 01000000 \
	c063ffff ffffffff 48e80100 00000000
# ...and a short descriptor is whole: no field past its name, nothing truncated.
check "sensor: a short descriptor alone" 0 'descs\[0\]\.name +"a"' -- \
	"${D[@]}" --response 03540000 00000000 01000000 00000000 00000000 02000000 "$(name16 a)"
if grep -Eq "descs\[0\]\.power|truncated|undescribed" "$tmp/out"; then
	fail=$((fail + 1)); echo "FAIL a short descriptor read past its name"; sed 's/^/  out: /' "$tmp/out"
else
	pass=$((pass + 1)); echo "ok   a short descriptor read to its name only"
fi
check "sensor: axes of their own size" 0 'axis_descs\[0\]\.name +"x"' \
	"axis_descs\[1\]\.axis_id +1$" "axis_descs\[1\]\.resolution +3$" -- \
	"${D[@]}" --response 07540000 00000000 02000000 00000000 00000000 00000000 "$(name16 x)" \
	01000000 00010000 00000000 "$(name16 y)" 03000000 00000000 00000000 00000000 00000000
check "perf: levels before 4.0" 0 "levels\[1\]\.perf_level +768$" \
	"levels\[1\]\.power_cost +96 mW" -- "${D[@]}" --response 044c0000 00000000 02000000 \
	98010000 50000000 64000000 00030000 60000000 64000000
check "sensor: reading" 0 "readings\[0\]\.value +-5$" "readings\[0\]\.timestamp +1000 ns" -- \
	"${D[@]}" --response 06540000 00000000 fbffffff ffffffff e8030000 00000000
check "reset: attributes" 0 "latency +20 us" 'name +"gpu"' -- \
	"${D[@]}" --response 03580000 00000000 00000000 14000000 67707500000000000000000000000000
check "voltage: level set" 0 "^VOLTAGE_LEVEL_SET command" "voltage_level +-800000 uV" -- \
	"${D[@]}" 075c0000 02000000 00000000 00cbf3ff
check "powercap: pai set" 0 "pai +1000 us" -- "${D[@]}" 07600000 00000000 00000000 e8030000
check "powercap: cap get" 0 "power_cap +5000 mW\|uW" -- \
	"${D[@]}" --response 04600000 00000000 88130000
check "pinctrl: settings" 0 "function_selected +3" "num_configs +1" "configs\[0\]\.type +18" \
	"configs\[0\]\.value +1" -- \
	"${D[@]}" --response 05640000 00000000 03000000 01000000 12000000 01000000
check "failed status: no layout" 0 "status +NOT_FOUND \(-4\)" -- \
	"${D[@]}" --response 06500000 fcffffff
check "unknown message" 0 "^unknown message command" -- "${D[@]}" 7f500000
check "trailing bytes" 0 "\(undescribed\) +aa bb" -- "${D[@]}" --response 06500000 00000000 0000000000000000 aabb
# --json: the same fields as data (the schema is checked by cli_json).
check "json: fields, units, versions, names" 0 '"message":"CLOCK_DESCRIBE_RATES"' \
	'"direction":"response"' '"status":"SUCCESS","status_code":0' \
	'\{"name":"rates\[1\]","value":200000000,"unit":"Hz"\}' '"truncated":"aa","undescribed":null' -- \
	"${D[@]}" --json --response 04500000 00000000 02000000 00e1f505 00000000 00c2eb0b 00000000 aa
check "json: a version and a name" 0 '\{"name":"version","value":"2.1","unit":null\}' -- \
	"${D[@]}" --json --response 00400000 00000000 01000200
check "json: a short sensor descriptor" 0 '"name":"descs\[0\].name","value":"a"' \
	'"truncated":null,"undescribed":null' -- "${D[@]}" --json --response 03540000 00000000 \
	01000000 00000000 00000000 02000000 "$(name16 a)"
check "json: a failed status" 0 '"status":"NOT_FOUND","status_code":-4,"fields":\[\]' \
	'"undescribed":"01"' -- "${D[@]}" --json --response 06500000 fcffffff 01
check "usage: short" 2 "4-byte header" -- "${D[@]}" 0650
check "usage: bad hex" 2 "bad hex" -- "${D[@]}" 06zz0000

# Every id of every header: ids.h's common messages for each protocol, then SCMI_MSG_* and
# SCMI_EVT_* of the protocol's own header.
missing=0
total=0
for p in base:0x10 power:0x11 system:0x12 perf:0x13 clock:0x14 sensor:0x15 reset:0x16 \
	voltage:0x17 powercap:0x18 pinctrl:0x19; do
	file=$root/include/scmi/proto/${p%%:*}.h
	proto=$((${p#*:}))
	ids=$({
		sed -nE 's/^#define SCMI_MSG_([A-Z0-9_]+)[[:space:]]+(0x[0-9a-fA-F]+)[[:space:]]*$/MSG \1 \2/p' \
			"$root/include/scmi/proto/ids.h"
		sed -nE 's/^#define SCMI_(MSG|EVT)_([A-Z0-9_]+)[[:space:]]+(0x[0-9a-fA-F]+)[[:space:]]*$/\1 \2 \3/p' \
			"$file"
	})
	while read -r kind name id; do
		[ -n "$kind" ] || continue
		type=0
		[ "$kind" = EVT ] && type=3
		hdr=$(((id) | type << 8 | proto << 10))
		hex=$(printf '%02x%02x%02x%02x' $((hdr & 255)) $((hdr >> 8 & 255)) $((hdr >> 16 & 255)) 0)
		total=$((total + 1))
		if ! "$SCMI" decode --command "$hex" | head -1 | grep -q "^$name "; then
			echo "  no description: protocol $proto $kind $name ($id)"
			missing=$((missing + 1))
		fi
	done <<<"$ids"
done
if [ "$missing" = 0 ] && [ "$total" -gt 100 ]; then
	pass=$((pass + 1)); echo "ok   every message of the headers described ($total ids)"
else
	fail=$((fail + 1)); echo "FAIL $missing of $total message ids have no description"
fi

# The tables are generated from the headers: they must be what the generator makes of them now.
if (cd "$root" && python3 tools/gen/msg_desc.py . |
	clang-format --assume-filename=src/proto/msg_desc_table.c |
	diff -u src/proto/msg_desc_table.c -) >"$tmp/gen.diff"; then
	pass=$((pass + 1)); echo "ok   src/proto/msg_desc_table.c is fresh"
else
	fail=$((fail + 1)); echo "FAIL src/proto/msg_desc_table.c differs from the headers' layouts:"
	echo "  run: tools/gen/msg_desc.py | clang-format --assume-filename=src/proto/msg_desc_table.c"
	head -20 "$tmp/gen.diff"
fi
if (cd "$root" && python3 tools/gen/msg_desc.py --lua . |
	diff -u contrib/wireshark/scmi_msgs.lua -) >"$tmp/lua.diff"; then
	pass=$((pass + 1)); echo "ok   contrib/wireshark/scmi_msgs.lua is fresh"
else
	fail=$((fail + 1)); echo "FAIL contrib/wireshark/scmi_msgs.lua differs from the headers' layouts:"
	echo "  run: tools/gen/msg_desc.py --lua > contrib/wireshark/scmi_msgs.lua"
	head -20 "$tmp/lua.diff"
fi

# scmi raw --decode against the daemon.
start_daemon || exit 1
check "raw --decode" 0 "status +SUCCESS" 'vendor_identifier +"' -- \
	"${S[@]}" --dt "$AGENT_SMT" raw --decode base 3
check "raw --decode clock rate" 0 "rate +24000000 Hz" -- \
	"${S[@]}" --dt "$AGENT_SMT" raw --decode clock 6 00000000
finish
