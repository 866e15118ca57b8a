#!/usr/bin/env bash
# Faults on demand: optee-simd --inject, and what the scmi CLI makes of each fault (exit
# code and message). Each scenario gets its own daemon; rules fire every second matching
# message, so the call after a faulted one shows that the agent recovers.
# Usage: cli_faults.sh SCMI OPTEE_SIMD PLATFORM_DTB AGENT_SMT_DTB AGENT_MSG_DTB
set -u
source "$(dirname "$0")/cli_lib.sh" "$@"

# A short timeout, so that a late reply is late; still far above a healthy round trip.
T=("$SCMI" --socket "$sock" --timeout 400)

# check_fast NAME MAX_MS EXPECTED_EXIT PATTERN... -- CMD...: check, and within MAX_MS.
check_fast() {
	local name=$1 max=$2; shift 2
	local t0 t1
	t0=$(date +%s%N)
	check "$name" "$@"
	t1=$(date +%s%N)
	if [ $(((t1 - t0) / 1000000)) -gt "$max" ]; then
		fail=$((fail + 1)); echo "FAIL $name took $(((t1 - t0) / 1000000)) ms (max $max)"
	fi
}

# Bad specs: refused before anything starts, with the reason.
check "bad key" 2 "--inject 'frobnicate=1': fault: unknown key 'frobnicate'" -- \
	"$SIMD" --socket "$sock" --platform "$PLATFORM" --inject frobnicate=1
check "two actions" 2 "drop, corrupt and status exclude one another" -- \
	"$SIMD" --socket "$sock" --platform "$PLATFORM" --inject drop,status=BUSY
check "bad status" 2 "bad value for status: 'SLEEPY'" -- \
	"$SIMD" --socket "$sock" --platform "$PLATFORM" --inject status=SLEEPY
check "bad prob" 2 "bad value for prob: '1.5'" -- \
	"$SIMD" --socket "$sock" --platform "$PLATFORM" --inject drop,prob=1.5

for mode in "smt $AGENT_SMT" "msg $AGENT_MSG"; do
	set -- $mode
	M=("${T[@]}" --dt "$2" --mode "$1")

	# status=BUSY on CLOCK_RATE_SET: the platform refuses and changes nothing. Traced as it
	# crossed the door: the command, and the answer the agent got.
	start_daemon --trace --inject 'proto=0x14,msg=0x5,status=BUSY' || exit 1
	grep -q "injecting channel=any,proto=0x14,msg=0x05,status=BUSY,every=1" "$tmp/daemon.log" ||
		{ fail=$((fail + 1)); echo "FAIL daemon does not log the rule"; }
	check "$1 busy" 1 "clock 7: set rate: BUSY" -- "${M[@]}" clock set-rate 7 300MHz
	check "$1 busy changed nothing" 0 "rate: +400 MHz" -- "${M[@]}" clock get 7
	check "$1 busy traced" 0 "pt=14 t=CMND msg_id=05 seq=[0-9A-F]{4} s=0 pyld=0[0-9a-f]*" \
		"pt=14 t=RESP msg_id=05 seq=[0-9A-F]{4} s=-6 pyld=\$" \
		"pt=14 t=RESP msg_id=06 seq=[0-9A-F]{4} s=0 pyld=[0-9a-f]{16}\$" -- cat "$tmp/daemon.log"
	stop_daemon

	# Reply late (beyond the agent's timeout): a transport error in time, then fine. In
	# static SMT the next process waits for the area until the late reply lands (700 ms).
	start_daemon --inject 'proto=0x14,msg=0x7,delay=700,every=2' || exit 1
	check "$1 delay ok" 0 "clock 7: on" -- "${M[@]}" clock enable 7
	check_fast "$1 delay times out" 1500 3 "clock 7: enable: Connection timed out" -- \
		"${M[@]}" clock enable 7
	check_fast "$1 delay next" 1500 0 "clock 7: on" -- "${M[@]}" clock enable 7
	stop_daemon

	# No reply at all (drop on CLOCK_RATE_GET); the SMT area comes back after the hold.
	start_daemon --inject 'proto=0x14,msg=0x6,drop,delay=700,every=2' || exit 1
	check "$1 drop ok" 0 "rate: +150 MHz" -- "${M[@]}" clock get 19
	check_fast "$1 drop times out" 1500 3 "clock 19: .*Connection timed out" -- \
		"${M[@]}" clock get 19
	check_fast "$1 drop next" 1500 0 "rate: +150 MHz" -- "${M[@]}" clock get 19
	stop_daemon
	# ...traced with --trace: three commands, two responses (none for the dropped one).
	start_daemon --trace --inject 'proto=0x14,msg=0x6,drop,every=2' || exit 1
	for _ in 1 2 3; do "${M[@]}" clock get 19 >/dev/null 2>&1; done
	cm=$(grep -c "pt=14 t=CMND msg_id=06" "$tmp/daemon.log")
	rs=$(grep -c "pt=14 t=RESP msg_id=06" "$tmp/daemon.log")
	if [ "$cm" = 3 ] && [ "$rs" = 2 ]; then
		pass=$((pass + 1)); echo "ok   $1 drop traced: 3 commands, 2 responses"
	else
		fail=$((fail + 1)); echo "FAIL $1 drop traced: $cm commands, $rs responses"
	fi
	stop_daemon

	# A reply with another token (CLOCK_ATTRIBUTES), a bad count (DESCRIBE_RATES), a
	# short reply and an oversized one (CLOCK_CONFIG_SET).
	start_daemon --inject 'proto=0x14,msg=0x3,corrupt=token,every=2' \
		--inject 'proto=0x14,msg=0x4,corrupt=payload,every=2' \
		--inject 'proto=0x14,msg=0x7,corrupt=short,every=2' || exit 1
	check "$1 token ok" 0 "clock 19: display" -- "${M[@]}" clock get 19
	check "$1 token" 1 "clock 19: PROTOCOL_ERROR" -- "${M[@]}" clock get 19
	check "$1 token next" 0 "clock 19: display" -- "${M[@]}" clock get 19
	check "$1 count ok" 0 "clock 4: 3 rates" -- "${M[@]}" clock rates 4
	check "$1 count" 1 "clock 4: rates: PROTOCOL_ERROR" -- "${M[@]}" clock rates 4
	check "$1 count next" 0 "clock 4: 3 rates" -- "${M[@]}" clock rates 4
	check "$1 short ok" 0 "clock 7: off" -- "${M[@]}" clock disable 7
	check "$1 short" 1 "clock 7: .*PROTOCOL_ERROR" -- "${M[@]}" clock disable 7
	check "$1 short next" 0 "clock 7: off" -- "${M[@]}" clock disable 7
	stop_daemon
done

finish
