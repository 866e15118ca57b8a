#!/usr/bin/env bash
# SCMI_TRACE in libscmi (scmi_msg_dump lines, Linux's layout) and the daemon's log: quiet by
# default (connections at -v), every line timestamped, --log FILE.
# Usage: cli_trace.sh SCMI OPTEE_SIMD PLATFORM_DTB AGENT_SMT_DTB AGENT_MSG_DTB
set -u
source "$(dirname "$0")/cli_lib.sh" "$@"

start_daemon || exit 1
dump='scmi-[0-9]+ [0-9]+\.[0-9]{6}: scmi_msg_dump: '
check "trace to stderr: command" 0 \
	"${dump}id=0 ch=10 pt=10 t=CMND msg_id=00 seq=0000 s=0 pyld=\$" -- \
	env SCMI_TRACE=1 "${S[@]}" info
check "trace: response with its payload" 0 \
	"${dump}id=0 ch=10 pt=10 t=RESP msg_id=00 seq=0000 s=0 pyld=[0-9a-f]{8}\$" \
	"t=RESP msg_id=03 seq=0002 s=0 pyld=[0-9a-f]{32}\$" -- env SCMI_TRACE=stderr "${S[@]}" info
check "trace: request payload" 0 "pt=14 t=CMND msg_id=06 seq=[0-9A-F]{4} s=0 pyld=13000000\$" \
	"pt=14 t=RESP msg_id=06 seq=[0-9A-F]{4} s=0 pyld=[0-9a-f]{16}\$" -- \
	env SCMI_TRACE=1 "${S[@]}" clock get 19
check "trace: a refusal's status" 1 "pt=14 t=RESP msg_id=03 seq=[0-9A-F]{4} s=-4 pyld=\$" -- \
	env SCMI_TRACE=1 "${S[@]}" clock get 20
check "no trace by default" 0 "" -- "${S[@]}" info
if grep -q scmi_msg_dump "$tmp/err"; then
	fail=$((fail + 1)); echo "FAIL a trace without SCMI_TRACE"
else
	pass=$((pass + 1)); echo "ok   no trace without SCMI_TRACE"
fi
check "SCMI_TRACE=0: no trace" 0 "" -- env SCMI_TRACE=0 "${S[@]}" info
grep -q scmi_msg_dump "$tmp/err" && { fail=$((fail + 1)); echo "FAIL SCMI_TRACE=0 traces"; }

# To a file: every command answered, in order, with the same token.
rm -f "$tmp/trace"
check "trace to a file" 0 "" -- env SCMI_TRACE="$tmp/trace" "${S[@]}" info
cmnd=$(grep -c "t=CMND" "$tmp/trace")
resp=$(grep -c "t=RESP" "$tmp/trace")
pairs=$(awk '{ for (i = 1; i <= NF; i++) { split($i, kv, "="); f[kv[1]] = kv[2] } }
	f["t"] == "CMND" { want = f["pt"] f["msg_id"] f["seq"] }
	f["t"] == "RESP" && f["pt"] f["msg_id"] f["seq"] == want { n++ } END { print n + 0 }' \
	"$tmp/trace")
if [ "$cmnd" -gt 5 ] && [ "$cmnd" = "$resp" ] && [ "$pairs" = "$cmnd" ]; then
	pass=$((pass + 1)); echo "ok   file trace: $cmnd commands, each followed by its response"
else
	fail=$((fail + 1)); echo "FAIL file trace: $cmnd CMND, $resp RESP, $pairs pairs"
	head -20 "$tmp/trace"
fi
# A trace line's fields feed scmi decode: header from pt, msg_id, seq; then the payload.
line=$(grep -m1 "pt=14 t=CMND msg_id=06" "$tmp/trace" || true)
[ -n "$line" ] || { env SCMI_TRACE="$tmp/trace" "${S[@]}" clock get 1 >/dev/null 2>&1;
	line=$(grep -m1 "pt=14 t=CMND msg_id=06" "$tmp/trace"); }
pyld=${line##*pyld=}
check "a traced command decodes" 0 "^CLOCK_RATE_GET command" "^  id +1$" -- \
	"$SCMI" decode 06500000 "$pyld"

# The daemon: quiet by default, every line timestamped.
ts='^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{6}Z optee-simd: '
check "daemon log: timestamped" 0 "${ts}listening on " -- cat "$tmp/daemon.log"
if grep -q "connected" "$tmp/daemon.log"; then
	fail=$((fail + 1)); echo "FAIL the daemon logs connections without -v"; cat "$tmp/daemon.log"
else
	pass=$((pass + 1)); echo "ok   daemon quiet about connections by default"
fi
stop_daemon
check "daemon log: stop timestamped" 0 "${ts}SIGTERM, stopping" -- cat "$tmp/daemon.log"

start_daemon -v --log "$tmp/file.log" || exit 1
check "-v: a command" 0 "clock 1:" -- "${S[@]}" clock get 1
stop_daemon
check "--log FILE: connections at -v" 0 "${ts}listening on " \
	"${ts}client pid [0-9]+ uid [0-9]+ connected" "${ts}client pid [0-9]+ uid [0-9]+ disconnected" \
	"${ts}SIGTERM, stopping" -- cat "$tmp/file.log"
if [ -s "$tmp/daemon.log" ]; then
	fail=$((fail + 1)); echo "FAIL --log: stderr not empty"; cat "$tmp/daemon.log"
else
	pass=$((pass + 1)); echo "ok   --log: nothing on stderr"
fi

# optee-simd --trace: the platform's side of the same exchange, each door.
start_daemon --trace --pcap "$tmp/cap.pcap" || exit 1
check "--trace: smt" 0 "clock 19:" -- "${S[@]}" --dt "$AGENT_SMT" --mode smt clock get 19
check "--trace: msg" 0 "clock 19:" -- "${S[@]}" --dt "$AGENT_MSG" --mode msg clock get 19
stop_daemon
check "--trace: command and response" 0 \
	"${ts}scmi_msg_dump: id=0 ch=00 pt=14 t=CMND msg_id=06 seq=[0-9A-F]{4} s=0 pyld=13000000\$" \
	"${ts}scmi_msg_dump: id=0 ch=00 pt=14 t=RESP msg_id=06 seq=[0-9A-F]{4} s=0 pyld=[0-9a-f]{16}\$" \
	"${ts}scmi_msg_dump: id=0 ch=01 pt=14 t=CMND msg_id=06 seq=[0-9A-F]{4} s=0 pyld=13000000\$" \
	-- cat "$tmp/daemon.log"
# --pcap: the pcap header (magic, version 2.4, link type 147), then records.
check "--pcap: header" 0 "^d4c3b2a1020004000000000000000000ffff000093000000$" -- \
	sh -c "head -c 24 '$tmp/cap.pcap' | od -An -tx1 | tr -d ' \n'; echo"
size=$(stat -c %s "$tmp/cap.pcap")
if [ "$size" -gt 1000 ]; then
	pass=$((pass + 1)); echo "ok   --pcap: $size bytes of records"
else
	fail=$((fail + 1)); echo "FAIL --pcap: $size bytes"
fi
finish
