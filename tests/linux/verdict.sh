# SPDX-License-Identifier: BSD-3-Clause
# Sourced by the Linux guests' judges (tests/linux/check.sh, tests/linux-optee/check.sh): one
# line per check, PASS, FAIL with the reason, or PENDING with why it cannot be checked, and
# the counts for the summary.
# shellcheck shell=bash
npass=0
nfail=0
npend=0
pass() { printf 'PASS     %s\n' "$1"; npass=$((npass + 1)); }
fail() { printf 'FAIL     %s: %s\n' "$1" "$2"; nfail=$((nfail + 1)); }
pending() { printf 'PENDING  %s: %s\n' "$1" "$2"; npend=$((npend + 1)); }
note() { printf '         %s\n' "$*"; }
verdict() { # name failure-text: pass when failure-text is empty
	if [ -z "$2" ]; then pass "$1"; else fail "$1" "$2"; fi
}

# fc_map_verdicts DMESG DOMAINS ELSE REASON: a verdict per perf domain of DOMAINS that Linux
# mapped its four fast channels (LIMITS_SET/GET, LEVEL_SET/GET: messages 5 to 8), from the
# SCMI core's dynamic debug in the file DMESG; when DMESG has no fast-channel line at all,
# ELSE (pending or fail) "Linux maps the perf fast channels" with REASON.
fc_map_verdicts() {
	local d m missing
	if grep -q 'Using valid FC for protocol\|Skip FC init\|Failed to get FC' "$1"; then
		for d in $2; do
			missing=
			for m in 5 6 7 8; do
				grep -q "Using valid FC for protocol 13 \\[MSG_ID:$m / RES_ID:$d\\]" "$1" ||
					missing="$missing $m"
			done
			verdict "Linux maps perf domain $d's fast channels (LIMITS_SET/GET, LEVEL_SET/GET in its log)" \
				"${missing:+no 'Using valid FC' line for message(s)$missing}"
		done
	else
		"$3" "Linux maps the perf fast channels" "$4"
	fi
}

# fc_call_counts TEXT: fc_set, fc_get and fc_all, the guest's scmi_fc_call trace events in TEXT
# (LEVEL_SET, LEVEL_GET, all).
# shellcheck disable=SC2034 # for the judge that sources this file
fc_call_counts() {
	fc_set=$(echo "$1" | grep -c 'msg_id=07')
	fc_get=$(echo "$1" | grep -c 'msg_id=08')
	fc_all=$(echo "$1" | grep -c 'scmi_fc_call')
}
