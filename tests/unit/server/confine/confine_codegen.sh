#!/bin/sh
# SPDX-License-Identifier: BSD-3-Clause
#
# scmi_server_confine_index() must compare the index with the count again, after the bounds
# check the caller made, so that the mask depends on the index even when that check was
# mispredicted. A compiler that knows the check passed makes the mask a constant all-ones:
# then probe() holds one compare, and the guard does nothing. For a constant power-of-two
# count the guard is an AND with count - 1 instead: probe_pow2() must keep it.
#
#   confine_codegen.sh CC INCLUDE_DIR PROBE_C [CC_FLAGS...]
set -eu
cc=$1 inc=$2 probe=$3
shift 3
for opt in -O2 -Os -O3; do
	asm=$("$cc" "$@" "$opt" -S -o - -I"$inc" "$probe")
	compares=$(printf '%s\n' "$asm" | awk '
		/^probe:/ { inside = 1; next }
		inside && /^[A-Za-z_.][A-Za-z0-9_.]*:/ && !/^\.L/ { inside = 0 }
		inside && /^[ \t]+cmp/ { n++ }
		END { print n + 0 }')
	if [ "$compares" -lt 2 ]; then
		echo "confine_codegen: $cc $opt: probe() compares $compares time(s): the index is not confined" >&2
		printf '%s\n' "$asm" | sed -n '/^probe:/,/ret/p' >&2
		exit 1
	fi
	masks=$(printf '%s\n' "$asm" | awk '
		/^probe_pow2:/ { inside = 1; next }
		inside && /^[A-Za-z_.][A-Za-z0-9_.]*:/ && !/^\.L/ { inside = 0 }
		inside && /^[ \t]+and[a-z]*[ \t]+\$15,/ { n++ }
		END { print n + 0 }')
	if [ "$masks" -lt 1 ]; then
		echo "confine_codegen: $cc $opt: probe_pow2() does not mask the index with 15" >&2
		printf '%s\n' "$asm" | sed -n '/^probe_pow2:/,/ret/p' >&2
		exit 1
	fi
	echo "confine_codegen: $cc $opt: $compares compares in probe(), the mask in probe_pow2()"
done
