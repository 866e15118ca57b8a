#!/usr/bin/env bash
# Static checks of the whole tree (docs/lint.md): clang-tidy with the checked-in .clang-tidy and
# cppcheck with tools/lint/cppcheck-suppressions, over every C file of the CMake build (from its
# compile_commands.json) and the libFuzzer targets (a separate project, given explicit flags).
# A finding fails the run unless tools/lint/known-findings lists it (findings in code whose
# owners have yet to fix them; matched on file, check and the text of the line, not its number).
#
#   tools/lint/lint.sh [BUILD_DIR]     BUILD_DIR defaults to build-lint; configured, not built
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-build-lint}
jobs=${LINT_JOBS:-$(nproc)}
known="$root/tools/lint/known-findings"
cd "$root"

# Only the compile commands are needed; configure without sanitizers (plain compiler flags).
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DSCMI_SANITIZE=OFF >/dev/null
db="$build/compile_commands.json"

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

# Each source once (some are compiled into several targets), then the fuzz targets.
grep -o '"file": "[^"]*"' "$db" | sed 's/^"file": "//; s/"$//' | sort -u >"$out/files"
ls "$root"/tests/fuzz/*.c >"$out/fuzz_files"
fuzz_flags=(-std=gnu11 -D_GNU_SOURCE '-DSCMI_DEFAULT_PLATFORM_DTB="default.dtb"'
	    -I"$root/include" -I"$root/src" -I"$root/tests/fuzz")

echo "lint: clang-tidy on $(wc -l <"$out/files") + $(wc -l <"$out/fuzz_files") files ($jobs jobs)"
export LINT_OUT=$out LINT_BUILD=$build
run_tidy() { # $1: file list; the rest is passed after each file (e.g. -- flags)
	local list=$1
	shift
	# One file per process, each with its own log; a crash (no finding, status != 0) is
	# recorded too.
	xargs -a "$list" -P "$jobs" -I{} bash -c 'f=$1; shift
		log=$(mktemp -p "$LINT_OUT" tidy.XXXXXX)
		if ! clang-tidy --quiet -p "$LINT_BUILD" "$f" "$@" >"$log" 2>&1 &&
		   ! grep -q -E ":[0-9]+:[0-9]+: (warning|error):" "$log"; then
			echo "$f" >>"$LINT_OUT/crashed"; cat "$log" >&2
		fi' _ {} "$@"
}
run_tidy "$out/files"
run_tidy "$out/fuzz_files" -- "${fuzz_flags[@]}"
# file:line:col: severity: message [check,-warnings-as-errors] -> file:line: tidy: check: message
# No finding at all is the goal: grep's "no match" must not stop the script (pipefail).
cat "$out"/tidy.* | { grep -E '^/.*:[0-9]+:[0-9]+: (warning|error): .*\]$' || true; } |
	sed -E "s|^$root/||; s/^([^:]+):([0-9]+):[0-9]+: [a-z]+: (.*) \[([^],]+)[^]]*\]$/\1:\2: tidy: \4: \3/" |
	sort -u >"$out/findings"

echo "lint: cppcheck"
cpp_flags=(--enable=warning,style,performance,portability --inline-suppr --library=posix
	   --std=c11 --quiet -j "$jobs" --suppressions-list=tools/lint/cppcheck-suppressions
	   --template='{file}:{line}: cppcheck: {id}: {message}')
cpp_status=0
cppcheck "${cpp_flags[@]}" --project="$db" 2>"$out/cpp" || cpp_status=1
# shellcheck disable=SC2046 # one word per file
cppcheck "${cpp_flags[@]}" -D_GNU_SOURCE -Iinclude -Isrc $(cat "$out/fuzz_files") \
	2>>"$out/cpp" || cpp_status=1
grep -E '^[^ ]+:[0-9]+: cppcheck: ' "$out/cpp" | sed "s|^$root/||" | sort -u >>"$out/findings" ||
	true
if [ $cpp_status != 0 ] && ! grep -q -E '^[^ ]+:[0-9]+: cppcheck: ' "$out/cpp"; then
	cat "$out/cpp" >&2
	echo "lint: cppcheck failed without a finding" >"$out/crashed"
fi

# A finding's key: file|check|the line's text without surrounding blanks.
awk -F': ' '{
	split($1, loc, ":"); line = ""
	for (i = 0; i < loc[2] && (getline line < loc[1]) > 0; ) i++
	close(loc[1]); gsub(/^[ \t]+|[ \t]+$/, "", line)
	print loc[1] "|" $3 "|" line "\t" $0
}' "$out/findings" | sort -u >"$out/keyed"
{ grep -v -E '^(#|[[:space:]]*$)' "$known" || true; } | sort -u >"$out/known"
cut -f1 "$out/keyed" | sort -u | comm -12 - "$out/known" >"$out/known_hit"
new=$(awk -F'\t' -v known="$out/known" '
	BEGIN { while ((getline k < known) > 0) seen[k] = 1 }
	!($1 in seen) { print $2 }' "$out/keyed")
stale=$(cut -f1 "$out/keyed" | sort -u | comm -13 - "$out/known")

echo "lint: $(wc -l <"$out/findings") finding(s), $(wc -l <"$out/known_hit") of them known" \
	"(tools/lint/known-findings)"
if [ -n "$stale" ]; then
	echo "lint: known findings that no longer occur (remove them from tools/lint/known-findings):"
	echo "$stale" | sed 's/^/  /'
fi
status=0
if [ -n "$new" ]; then
	echo "lint: new findings:"
	echo "$new" | sed 's/^/  /'
	status=1
fi
if [ -s "$out/crashed" ]; then
	echo "lint: a checker failed without a finding on:" && sed 's/^/  /' "$out/crashed"
	status=1
fi
[ $status = 0 ] && echo "lint: clean"
exit $status
