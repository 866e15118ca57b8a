#!/usr/bin/env bash
# Every command's --json output against the schema of docs/json/ (docs/json.md), validated by
# Debian's python3-jsonschema (tests/integration/cli_json.py), not by hand-written checks: every
# verb of every command on the default platform, the legacy (all 1.0) platform and a platform
# with 64-byte names, and the errors (exit 1, 2 and 3), which are JSON documents too.
# Usage: cli_json.sh SCMI OPTEE_SIMD PLATFORM_DTB AGENT_SMT_DTB AGENT_MSG_DTB
set -u
source "$(dirname "$0")/cli_lib.sh" "$@"
SCHEMA=$(cd "$(dirname "$0")/../../docs/json" && pwd)
VALIDATE=$(dirname "$0")/cli_json.py
# Debian's python3 has Debian's jsonschema; another python3 first in PATH may have another one.
PY=${SCMI_PYTHON:-/usr/bin/python3}
[ -x "$PY" ] || PY=python3
VM1=$(dirname "$AGENT_SMT")/agent-vm1.dtb
J=("${S[@]}" --json)
manifest=$tmp/manifest
: >"$manifest"
n=0

# json NAME EXPECTED_EXIT REF -- CMD...: run CMD, expect its exit code, and queue its stdout for
# validation against REF (SCHEMA_FILE#/$defs/NAME).
json() {
	local name=$1 want=$2 ref=$3; shift 4
	n=$((n + 1))
	"$@" >"$tmp/json.$n" 2>"$tmp/err"
	local got=$?
	if [ "$got" = "$want" ]; then
		printf '%s\t%s\t%s\n' "$name" "$ref" "$tmp/json.$n" >>"$manifest"
	else
		fail=$((fail + 1)); echo "FAIL $name (exit $got, wanted $want)"
		sed 's/^/  out: /' "$tmp/json.$n"; sed 's/^/  err: /' "$tmp/err"
	fi
}
E=error.schema.json#/\$defs/error

# Before the daemon: usage errors and an unreachable platform are JSON too.
json "no daemon" 3 "$E" -- "${J[@]}" info
json "no command" 2 "$E" -- "${J[@]}"
json "unknown command" 2 "$E" -- "${J[@]}" frobnicate
json "unknown option, --json first" 2 "$E" -- "$SCMI" --json --frob info
json "bad value" 2 "$E" -- "${J[@]}" clock set-rate 7 fast

start_daemon --virtual-time || exit 1

for mode in "smt $AGENT_SMT" "smt-memref $AGENT_MSG" "msg $AGENT_MSG"; do
	set -- $mode
	json "info $1" 0 info.schema.json -- "${J[@]}" --dt "$2" --mode "$1" info
done
json "raw" 0 raw.schema.json -- "${J[@]}" raw base 0x0
json "raw, an error status" 1 raw.schema.json -- "${J[@]}" raw 0x7f 0x0
json "raw: bad hex" 2 "$E" -- "${J[@]}" raw base 0 123
DEC=decode.schema.json
json "decode: a command" 0 "$DEC" -- "${J[@]}" decode 06501400 01000000
json "decode: a response, trailing bytes" 0 "$DEC" -- "${J[@]}" decode --response \
	06500000 00000000 00ca9a3b 00000000 aabb
json "decode: a failed response" 0 "$DEC" -- "${J[@]}" decode --response 06500000 fcffffff 01
json "decode: an entry cut short" 0 "$DEC" -- "${J[@]}" decode --response \
	04500000 00000000 02000000 00e1f505 00000000 00c2eb0b 000000
json "decode: a version" 0 "$DEC" -- "${J[@]}" decode --response \
	00400000 00000000 01000200
json "decode: names" 0 "$DEC" -- "${J[@]}" decode --response 03580000 00000000 00000000 \
	14000000 67707500000000000000000000000000
json "decode: a notification" 0 "$DEC" -- "${J[@]}" decode 00530000 01000000 07000000 \
	00366e01 00000000
json "decode: an unknown message" 0 "$DEC" -- "${J[@]}" decode 7f500000
json "decode: too short" 2 "$E" -- "${J[@]}" decode 0650

C=clock.schema.json#/\$defs
json "clock list" 0 "$C/list" -- "${J[@]}" clock list
json "clock tree" 0 "$C/list" -- "${J[@]}" clock tree
json "clock get" 0 "$C/get" -- "${J[@]}" clock get display
json "clock get, no permissions" 0 "$C/get" -- "${J[@]}" clock get 0
json "clock rates, a list" 0 "$C/rates" -- "${J[@]}" clock rates 19
json "clock rates, a range" 0 "$C/rates" -- "${J[@]}" clock rates 5
json "clock set-rate" 0 "$C/set-rate" -- "${J[@]}" clock set-rate gpu 300MHz
json "clock enable" 0 "$C/state" -- "${J[@]}" clock enable uart0
json "clock disable" 0 "$C/state" -- "${J[@]}" clock disable uart0
json "clock parent" 0 "$C/parent" -- "${J[@]}" clock parent display
json "clock parent set" 0 "$C/parent" -- "${J[@]}" clock parent display pll_periph
json "clock: out of range" 1 "$E" -- "${J[@]}" clock set-rate 7 900MHz
json "clock: unknown" 1 "$E" -- "${J[@]}" clock get 20
json "clock: unknown name" 2 "$E" -- "${J[@]}" clock get hdmi

P=power.schema.json#/\$defs
json "power list" 0 "$P/list" -- "${J[@]}" power list
json "power get" 0 "$P/domain" -- "${J[@]}" power get gpu
json "power set" 0 "$P/domain" -- "${J[@]}" power set gpu on
json "power: denied" 1 "$E" -- "${J[@]}" power set soc off

F=perf.schema.json#/\$defs
json "perf list" 0 "$F/list" -- "${J[@]}" perf list
json "perf levels" 0 "$F/levels" -- "${J[@]}" perf levels cpu_big
json "perf levels, indexed" 0 "$F/levels" -- "${J[@]}" perf levels gpu
json "perf get" 0 "$F/domain" -- "${J[@]}" perf get cpu_little
json "perf set" 0 "$F/set" -- "${J[@]}" perf set cpu_big 1200
json "perf set --freq" 0 "$F/set" -- "${J[@]}" perf set cpu_big --freq 1.5GHz
json "perf limits" 0 "$F/limits" -- "${J[@]}" perf limits cpu_little
json "perf limits set" 0 "$F/limits" -- "${J[@]}" perf limits cpu_little 408 1416
json "perf: out of range" 1 "$E" -- "${J[@]}" perf set cpu_big 1000

N=sensor.schema.json#/\$defs
json "sensor list" 0 "$N/list" -- "${J[@]}" sensor list
json "sensor get" 0 "$N/get" -- "${J[@]}" sensor get soc_temp
json "sensor get, multi-axis" 0 "$N/get" -- "${J[@]}" sensor get board_temp
for s in 4 5 6; do
	json "sensor get $s" 0 "$N/get" -- "${J[@]}" sensor get $s
done
json "sensor watch" 0 "$N/watch" -- "${J[@]}" sensor watch --count 2 --interval 1ms
json "sensor trip" 0 "$N/trip" -- "${J[@]}" sensor trip soc_temp 1 rising 80000
json "sensor config" 0 "$N/config" -- "${J[@]}" sensor config soc_temp
json "sensor config set" 0 "$N/config" -- "${J[@]}" sensor config soc_temp enable --interval 100ms

R=reset.schema.json#/\$defs
json "reset list" 0 "$R/list" -- "${J[@]}" reset list
json "reset assert" 0 "$R/action" -- "${J[@]}" reset assert uart0
json "reset deassert" 0 "$R/action" -- "${J[@]}" reset deassert uart0
json "reset toggle" 0 "$R/action" -- "${J[@]}" reset toggle mmc0
json "reset: unknown" 1 "$E" -- "${J[@]}" reset toggle 8

V=voltage.schema.json#/\$defs
json "voltage list" 0 "$V/list" -- "${J[@]}" voltage list
json "voltage levels, a range" 0 "$V/levels" -- "${J[@]}" voltage levels 0
json "voltage levels, a list" 0 "$V/levels" -- "${J[@]}" voltage levels 4
json "voltage get" 0 "$V/level" -- "${J[@]}" voltage get vdd_cpu_big
json "voltage set" 0 "$V/level" -- "${J[@]}" voltage set 4 2.5V
json "voltage off" 0 "$V/mode" -- "${J[@]}" voltage off 3
json "voltage on" 0 "$V/mode" -- "${J[@]}" voltage on 2

json "system get" 0 system.schema.json -- "${J[@]}" system get
json "system set" 0 system.schema.json -- "${J[@]}" system set cold-reset
json "system: denied" 1 "$E" -- "${J[@]}" --dt "$VM1" system set shutdown

W=powercap.schema.json#/\$defs
json "powercap list" 0 "$W/list" -- "${J[@]}" powercap list
json "powercap get" 0 "$W/zone" -- "${J[@]}" powercap get soc
json "powercap set" 0 "$W/zone" -- "${J[@]}" powercap set soc 2W
json "powercap set, a uW zone" 0 "$W/zone" -- "${J[@]}" powercap set gpu 350mW
json "powercap set off" 0 "$W/zone" -- "${J[@]}" powercap set soc off
json "powercap pai" 0 "$W/zone" -- "${J[@]}" powercap pai soc 10ms
json "powercap measure" 0 "$W/measure" -- "${J[@]}" powercap measure soc
json "powercap: no monitoring" 1 "$E" -- "${J[@]}" powercap measure gpu

X=pinctrl.schema.json#/\$defs
json "pinctrl list pins" 0 "$X/list-pins" -- "${J[@]}" pinctrl list pins
json "pinctrl list groups" 0 "$X/list-groups" -- "${J[@]}" pinctrl list groups
json "pinctrl list functions" 0 "$X/list-functions" -- "${J[@]}" pinctrl list functions
json "pinctrl show pin" 0 "$X/show-pin" -- "${J[@]}" pinctrl show pin PA0
json "pinctrl show group" 0 "$X/show-group" -- "${J[@]}" pinctrl show group 5
json "pinctrl show function" 0 "$X/show-function" -- "${J[@]}" pinctrl show function gpio
json "pinctrl request" 0 "$X/own" -- "${J[@]}" pinctrl request pin 1
json "pinctrl show, held by another" 0 "$X/show-pin" -- "${J[@]}" --dt "$VM1" pinctrl show pin 1
json "pinctrl: in use" 1 "$E" -- "${J[@]}" --dt "$VM1" pinctrl request pin 1
json "pinctrl release" 0 "$X/own" -- "${J[@]}" pinctrl release pin 1
json "pinctrl set" 0 "$X/show-pin" -- "${J[@]}" pinctrl set pin 0 function=uart0 config=bias-pull-up:1

M=sim.schema.json#/\$defs
json "sim time" 0 "$M/time" -- "${J[@]}" sim time
json "sim advance" 0 "$M/time" -- "${J[@]}" sim advance 1s
json "sim event" 0 "$M/event" -- "${J[@]}" sim event warm-reset
json "sim ambient" 0 "$M/ambient" -- "${J[@]}" sim ambient 30000
json "sim ambient in °C" 0 "$M/ambient" -- "${J[@]}" sim ambient 30C

B=base.schema.json#/\$defs
json "base list" 0 "$B/list" -- "${J[@]}" base list
json "base device" 0 "$B/device" -- "${J[@]}" base device vm1 1 deny
json "base protocol" 0 "$B/protocol" -- "${J[@]}" base protocol vm1 1 clock allow
json "base reset" 0 "$B/reset" -- "${J[@]}" base reset vm1
json "base reset, keep permissions" 0 "$B/reset" -- "${J[@]}" base reset 2 keep-permissions
json "base: denied" 1 "$E" -- "${J[@]}" --dt "$VM1" base device linux 1 deny
json "base: bad word" 2 "$E" -- "${J[@]}" base device vm1 1 maybe
json "events: no P2A path" 1 "$E" -- "${J[@]}" events --count 1 --wait 10ms

stop_daemon

# The legacy platform (every protocol at 1.0: no extended names, no parents, no permissions).
PLATFORM=$(dirname "$PLATFORM")/legacy.dtb start_daemon || exit 1
json "legacy info" 0 info.schema.json -- "${J[@]}" info
for c in "clock list:$C/list" "clock get 6:$C/get" "power list:$P/list" "perf list:$F/list" \
	"perf levels 1:$F/levels" "sensor list:$N/list" "sensor get 0:$N/get" "reset list:$R/list" \
	"voltage list:$V/list" "powercap list:$W/list" "pinctrl list groups:$X/list-groups" \
	"pinctrl show group 0:$X/show-group" "system get:system.schema.json"; do
	# shellcheck disable=SC2086 # the command is words
	json "legacy ${c%%:*}" 0 "${c#*:}" -- "${J[@]}" ${c%%:*}
done
json "legacy: no parents in 1.0" 1 "$E" -- "${J[@]}" clock parent 10
stop_daemon

# 64-byte names, whole in JSON.
PLATFORM=$(dirname "$PLATFORM")/long-names.dtb start_daemon || exit 1
json "long names: clock list" 0 "$C/list" -- "${J[@]}" clock list
json "long names: clock get" 0 "$C/get" -- "${J[@]}" clock get pll_cpu_little
stop_daemon

# The validator must be able to fail: the shapes the CLI printed before the schema are refused.
: >"$tmp/old-manifest"
old() {
	n=$((n + 1))
	printf '%s\n' "$3" >"$tmp/json.$n"
	printf '%s\t%s\t%s\n' "$1" "$2" "$tmp/json.$n" >>"$tmp/old-manifest"
}
old "hex ids" info.schema.json \
	'{"vendor":"v","sub_vendor":null,"impl_version":"0x00010000","protocol_version":"2.1","mode":"smt","channel":0,"num_protocols":0,"num_agents":0,"protocols":[{"id":"0x10","name":"base","version":"2.1"}],"agents":[]}'
old "a list as an object" "$F/list" '{"version":262144,"power_unit":"mw","domains":[]}'
old "keys that change within an array" "$W/list" \
	'[{"id":0,"name":"a","extended_name":null,"parent":null,"cap_mw":1,"capping":true,"pai_us":1,"measurement":true}]'
old "a version as a number" system.schema.json \
	'{"state":3,"state_name":"power-up","warm_reset_supported":true,"suspend_supported":true,"version":131073}'
old "an extended name in name, no extended_name" "$N/list" \
	'[{"id":0,"name":"soc_temp (SoC die, junction)","type":"temperature","unit_code":2,"unit_exponent":-3,"axes":0,"multi_axis":false,"trip_points":2,"enabled":true}]'
old "configs as an object" "$X/show-pin" \
	'{"type":"pin","id":0,"name":"PA0","extended_name":null,"function":null,"function_name":null,"held":"unknown","configs":{"slew-rate":0}}'
"$PY" "$VALIDATE" "$SCHEMA" "$tmp/old-manifest" >"$tmp/old" 2>&1
if [ "$(grep -c '^FAIL ' "$tmp/old")" = 6 ]; then
	pass=$((pass + 1)); echo "ok   the validator refuses the old shapes"
else
	fail=$((fail + 1)); echo "FAIL the validator accepts an old shape"; cat "$tmp/old"
fi

"$PY" "$VALIDATE" "$SCHEMA" "$manifest" >"$tmp/validate" 2>&1
rc=$?
cat "$tmp/validate"
ok=$(grep -c '^ok ' "$tmp/validate")
bad=$(grep -c '^FAIL ' "$tmp/validate")
pass=$((pass + ok)); fail=$((fail + bad))
if [ "$rc" != 0 ] && [ "$bad" = 0 ]; then
	fail=$((fail + 1)); echo "FAIL the validator itself (exit $rc)"
fi
finish
