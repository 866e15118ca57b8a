#!/usr/bin/env bash
# Run every fuzz target of a build for a bounded time, one after the other.
#   tests/fuzz/run.sh <build-dir> <seconds-per-target> [target...]
# FUZZ_SEED=<n> fixes libFuzzer's seed (0: random); by default short runs (<= 60 s per
# target, i.e. `make fuzz-ci`) use seed 1 so CI explores the same way every time.
# Seeds come from tests/fuzz/corpus/<target>/ (read-only); new inputs go to
# <build-dir>/corpus/<target>/, crashes to <build-dir>/crashes/, logs to
# <build-dir>/logs/. Prints libFuzzer's final stats per target; exits 1 if
# any target found a crash (the reproducer's path is printed).
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
build="$(cd "$1" && pwd)"
secs="$2"
shift 2
if [ $# -gt 0 ]; then
	targets="$*"
else
	targets="$(cat "$build/fuzz_targets.txt" | tr ';' ' ')"
fi
mkdir -p "$build/logs" "$build/crashes"
seed="${FUZZ_SEED:-}"
if [ -z "$seed" ]; then
	if [ "$secs" -le 60 ]; then seed=1; else seed=0; fi
fi
failed=""
printf '%-22s %10s %8s %8s %8s  %s\n' target execs exec/s cov ft result
for t in $targets; do
	work="$build/corpus/$t"
	mkdir -p "$work"
	seeds=()
	[ -d "$here/corpus/$t" ] && seeds=("$here/corpus/$t")
	log="$build/logs/$t.log"
	"$build/$t" -max_total_time="$secs" -seed="$seed" -print_final_stats=1 -timeout=10 -rss_limit_mb=2048 \
		-artifact_prefix="$build/crashes/$t-" "$work" "${seeds[@]}" >"$log" 2>&1
	rc=$?
	execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
	rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
	last=$(grep -E '^#[0-9]+' "$log" | grep -E 'cov: ' | tail -1)
	cov=$(sed -n 's/.*cov: \([0-9]*\).*/\1/p' <<<"$last")
	ft=$(sed -n 's/.*ft: \([0-9]*\).*/\1/p' <<<"$last")
	if [ $rc -eq 0 ]; then
		res=ok
	else
		res="FAILED (rc $rc, see $log)"
		failed="$failed $t"
		grep -E 'SUMMARY|invariant failed|Test unit written' "$log" | sed 's/^/    /'
	fi
	printf '%-22s %10s %8s %8s %8s  %s\n' "$t" "${execs:-?}" "${rate:-?}" "${cov:-?}" "${ft:-?}" \
		"$res"
done
if [ -n "$failed" ]; then
	echo "fuzz: failures in:$failed" >&2
	exit 1
fi
