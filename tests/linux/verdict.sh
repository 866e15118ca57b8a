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
