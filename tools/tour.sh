#!/usr/bin/env bash
# A tour of the simulated platform with the scmi CLI (`make run`).
# Usage: tools/tour.sh BUILD_DIR
#
# Starts optee-simd on a private socket with the default platform, shows `scmi info` in the
# three OP-TEE transport modes, a few raw messages, JSON output and an SCMI error, then stops
# the daemon. Exits non-zero if any step that should succeed fails.
set -euo pipefail

if [ $# -ne 1 ] || [ ! -d "$1" ]; then
	echo "usage: $0 BUILD_DIR" >&2
	exit 2
fi
build=$(cd "$1" && pwd)
simd=$build/tools/optee-simd/optee-simd
scmi=$build/tools/scmi/scmi
platforms=$build/platforms
for f in "$simd" "$scmi"; do
	[ -x "$f" ] || { echo "tour: $f is missing: build first (make build)" >&2; exit 1; }
done
for f in default.dtb agent-smt.dtb agent-msg.dtb; do
	[ -f "$platforms/$f" ] || { echo "tour: $platforms/$f is missing: build first" >&2; exit 1; }
done

tmpdir=$(mktemp -d "${TMPDIR:-/tmp}/scmi-tour-XXXXXX")
sock=$tmpdir/optee-simd.sock
daemon=

cleanup() {
	local rc=$?
	if [ -n "$daemon" ]; then
		kill -TERM "$daemon" 2>/dev/null || true
		wait "$daemon" 2>/dev/null || true
	fi
	if [ "$rc" != 0 ] && [ -s "$tmpdir/daemon.log" ]; then
		echo "--- optee-simd log ---" >&2
		cat "$tmpdir/daemon.log" >&2
	fi
	rm -rf "$tmpdir"
	exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

if [ -t 1 ]; then
	bold=$(printf '\033[1m') dim=$(printf '\033[2m') off=$(printf '\033[0m')
else
	bold='' dim='' off=''
fi

section() {
	printf '%s== %s ==%s\n' "$bold" "$1" "$off"
}

# step "what this shows" ARGS...: echo the command, run it; a failure ends the tour.
step() {
	local what=$1
	shift
	printf '%s# %s%s\n' "$dim" "$what" "$off"
	printf '$ scmi %s\n' "$*"
	"$scmi" --socket "$sock" "$@" || {
		local rc=$?
		echo "tour: 'scmi $*' failed with exit status $rc" >&2
		exit 1
	}
	echo
}

section "Starting optee-simd (emulated OP-TEE with the SCMI PTA)"
echo "\$ optee-simd --socket $sock --platform $platforms/default.dtb &"
"$simd" --socket "$sock" --platform "$platforms/default.dtb" 2>"$tmpdir/daemon.log" &
daemon=$!
# Bounded wait for the socket: 5 s.
for _ in $(seq 50); do
	[ -S "$sock" ] && break
	kill -0 "$daemon" 2>/dev/null || { echo "tour: optee-simd exited early" >&2; exit 1; }
	sleep 0.1
done
[ -S "$sock" ] || { echo "tour: optee-simd did not create $sock within 5 s" >&2; exit 1; }
echo "listening (pid $daemon)"
echo

section "The platform over SMT in a static shared-memory region"
step "agent DT with a shmem phandle: PROCESS_SMT_CHANNEL" \
	--dt "$platforms/agent-smt.dtb" --mode smt info

section "The platform over SMT in a memref"
step "no shmem in the DT: the SMT area travels as a TEE buffer (PROCESS_SMT_CHANNEL_MESSAGE)" \
	--mode smt-memref info

section "The platform over MSG"
step "MSG layout in a TEE buffer (PROCESS_MSG_CHANNEL), as Linux without shmem" \
	--dt "$platforms/agent-msg.dtb" --mode msg info

section "Raw messages"
step "Base PROTOCOL_VERSION: one word, 0x00020001 is version 2.1" raw base 0x0
step "Base DISCOVER_LIST_PROTOCOLS from index 0: a count, then ids packed 4 per word" \
	raw base 0x6 00000000

section "Machine-readable output"
step "the same discovery as one JSON object" --json info

section "An SCMI error"
printf '%s# %s%s\n' "$dim" "protocol 0x7f does not exist: the platform answers NOT_SUPPORTED, exit 1" "$off"
echo "\$ scmi raw 0x7f 0x0"
rc=0
"$scmi" --socket "$sock" raw 0x7f 0x0 || rc=$?
echo "(exit status $rc)"
echo

section "Stopping optee-simd"
kill -TERM "$daemon"
rc=0
wait "$daemon" || rc=$?
daemon=
if [ "$rc" != 0 ]; then
	echo "tour: optee-simd exited with status $rc" >&2
	exit 1
fi
echo "stopped cleanly"
echo
printf '%sTour done.%s More: %s --help\n' "$bold" "$off" "$scmi"
