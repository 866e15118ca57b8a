#!/usr/bin/env bash
# Every example that `scmi --help` and `scmi COMMAND --help` show runs on the default platform
# (issue 16 item 6): the examples are read from the help text itself, each runs against a
# fresh optee-simd (an example may change the platform), and each must exit 0. A help text
# that loses its examples fails too.
# Usage: cli_examples.sh SCMI OPTEE_SIMD PLATFORM_DTB AGENT_SMT_DTB AGENT_MSG_DTB
set -u
source "$(dirname "$0")/cli_lib.sh" "$@"

# The examples of one help text: the lines of its "Examples:" block (or the "examples:" lines
# of raw's) that start with "scmi ", without the note in parentheses after them.
examples() {
	awk '
		/^[Ee]xamples:/ { on = 1; sub(/^[Ee]xamples:/, ""); if ($0 ~ /^[ \t]*$/) next }
		on && /^$/ { on = 0 }
		on {
			sub(/^[ \t]+/, "")
			if ($0 !~ /^scmi /) next
			sub(/[ \t][ \t]+\(.*\)$/, "")
			print
		}'
}

# Each command named in the global help, and the global help itself.
cmds=$("$SCMI" --help | awk '/^Commands:/ { on = 1; next } on && /^$/ { exit } on { print $1 }')
: >"$tmp/examples"
"$SCMI" --help | examples >>"$tmp/examples"
for c in $cmds; do
	[ "$c" = help ] && continue
	"$SCMI" "$c" --help | examples >>"$tmp/examples"
done
total=$(wc -l <"$tmp/examples")
if [ "$total" -ge 25 ]; then
	pass=$((pass + 1)); echo "ok   $total examples found in the help texts"
else
	fail=$((fail + 1)); echo "FAIL only $total examples found in the help texts"
	cat "$tmp/examples"
fi

# The examples call `scmi`: this one, on the test's daemon.
scmi() { "${S[@]}" "$@"; }

while IFS= read -r ex; do
	# A board's example: the default platform is not reached over the kernel's raw mode.
	case $ex in
	*"--transport linux-raw"*) echo "skip example (linux-raw, a board's): $ex"; continue ;;
	esac
	start_daemon || exit 1
	check "example: $ex" 0 "." -- eval "$ex"
	kill "$daemon" 2>/dev/null; wait "$daemon" 2>/dev/null; daemon=
done <"$tmp/examples"
finish
