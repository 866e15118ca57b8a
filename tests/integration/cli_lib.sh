#!/usr/bin/env bash
# Shared by the CLI tests (tests/integration/test_cli.sh, cli_<protocol>.sh): a private
# optee-simd, a `check` that runs scmi and matches its output, and the closing tally.
# Usage in a script:  source "$(dirname "$0")/cli_lib.sh" "$@"   (args: SCMI SIMD PLATFORM
# AGENT_SMT AGENT_MSG), then start_daemon [extra optee-simd args], check ..., finish.
set -u
SCMI=$1 SIMD=$2 PLATFORM=$3 AGENT_SMT=$4 AGENT_MSG=$5
tmp=$(mktemp -d /tmp/scmi-cli-XXXXXX)
sock=$tmp/optee-simd.sock
pass=0 fail=0
daemon=
# A generous timeout: sanitizers and a loaded machine slow the daemon; timeouts are tested elsewhere.
S=("$SCMI" --socket "$sock" --timeout 5000)

cleanup() {
	[ -n "$daemon" ] && kill "$daemon" 2>/dev/null && wait "$daemon" 2>/dev/null
	rm -rf "$tmp"
}
trap cleanup EXIT

# start_daemon [ARGS...]: optee-simd on the private socket with the default platform
# (pass --platform to change it); waits until it listens.
start_daemon() {
	"$SIMD" --socket "$sock" --platform "$PLATFORM" "$@" 2>"$tmp/daemon.log" &
	daemon=$!
	for _ in $(seq 500); do [ -S "$sock" ] && return 0; sleep 0.01; done
	echo "daemon did not start"; cat "$tmp/daemon.log"; return 1
}

# stop_daemon: SIGTERM, expect exit 0 and the socket removed.
stop_daemon() {
	local rc
	kill -TERM "$daemon"; wait "$daemon"; rc=$?; daemon=
	if [ "$rc" = 0 ] && [ ! -e "$sock" ]; then
		pass=$((pass + 1)); echo "ok   daemon stops cleanly"
	else
		fail=$((fail + 1)); echo "FAIL daemon exit $rc or socket left"; cat "$tmp/daemon.log"
	fi
}

# check NAME EXPECTED_EXIT PATTERN... -- CMD...: run CMD, expect its exit code and every
# extended-regex PATTERN somewhere in its stdout or stderr. Output is kept in $tmp/out.
check() {
	local name=$1 want=$2; shift 2
	local pats=()
	while [ "$1" != "--" ]; do pats+=("$1"); shift; done
	shift
	"$@" >"$tmp/out" 2>"$tmp/err"
	local got=$?
	local ok=1
	[ "$got" = "$want" ] || ok=0
	for p in "${pats[@]}"; do
		grep -Eq -- "$p" "$tmp/out" "$tmp/err" || { ok=0; echo "  missing: $p"; }
	done
	if [ $ok = 1 ]; then
		pass=$((pass + 1)); echo "ok   $name"
	else
		fail=$((fail + 1)); echo "FAIL $name (exit $got, wanted $want)"
		sed 's/^/  out: /' "$tmp/out"; sed 's/^/  err: /' "$tmp/err"
	fi
}

# finish: the tally line ctest and CI read, and the exit status.
finish() {
	echo "$pass passed, $fail failed"
	[ "$fail" = 0 ]
}
