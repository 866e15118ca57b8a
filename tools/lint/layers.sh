#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
#
# The floors of the house (docs/architecture.md) and what each may include: every quoted
# #include of every C file under a floor must start with one of the floor's allowed prefixes.
# A prefix is a path below include/ or src/ ("scmi/proto/", "server/"); "." allows a file of
# the same folder ("cli.h"). Exits 1 and names every include that crosses a wall.
#
#   tools/lint/layers.sh [ROOT]
set -u
root=${1:-$(cd "$(dirname "$0")/../.." && pwd)}
cd "$root" || exit 2

# floor (a folder, or a glob of files) | allowed prefixes
rules=$(
	cat <<'RULES'
include/scmi/proto|. scmi/proto/
src/proto|scmi/proto/
include/scmi/server|scmi/proto/ scmi/server/
src/server|scmi/proto/ scmi/server/ server/
src/pta|scmi/proto/ scmi/server/ pta/
src/platform/sim|scmi/proto/ scmi/server/ platform/sim/
src/platform/sim/env|platform/sim/ ipc/futex_lock.h
src/ipc|ipc/
src/secure|scmi/proto/ scmi/server/ pta/ platform/sim/ ipc/ secure/
src/tee|scmi/proto/ scmi/tee_client.h scmi/tee_inproc.h ipc/ tee/
src/tee/backend_inproc.c|scmi/proto/ scmi/tee_client.h scmi/tee_inproc.h ipc/ tee/ secure/
src/agent|scmi/proto/ scmi/scmi.h scmi/base.h scmi/clock.h scmi/perf.h scmi/pinctrl.h scmi/power.h scmi/powercap.h scmi/reset.h scmi/sensor.h scmi/system.h scmi/voltage.h scmi/tee_client.h agent/
include/scmi|. proto/
tools/scmi|. scmi/proto/ scmi/scmi.h scmi/base.h scmi/clock.h scmi/perf.h scmi/pinctrl.h scmi/power.h scmi/powercap.h scmi/reset.h scmi/sensor.h scmi/system.h scmi/voltage.h scmi/tee_client.h
tools/optee-simd|scmi/proto/ scmi/server/ scmi/tee_client.h platform/sim/ secure/ ipc/
firmware|. fw/ scmi/proto/ scmi/server/ platform/sim/
firmware/core|. fw/ scmi/proto/ scmi/server/ pta/ platform/sim/
firmware/arch|. fw/ scmi/proto/ scmi/server/
firmware/board|. fw/ scmi/proto/ scmi/server/
firmware/include/fw|. fw/ scmi/proto/ scmi/server/ pta/
RULES
)

bad=0
checked=0
while IFS='|' read -r floor allowed; do
	[ -n "$floor" ] || continue
	if [ -d "$floor" ]; then
		# A floor is its own folder, not the sub-floors that have rules of their own.
		files=$(find "$floor" -maxdepth 1 -name '*.[ch]' | sort)
		[ "$floor" = src/agent ] && files="$files $(find src/agent/transport -name '*.[ch]' | sort)"
	elif [ -f "$floor" ]; then
		files=$floor
	else
		continue
	fi
	for f in $files; do
		# A file with a rule of its own is judged by that rule only.
		if [ "$f" != "$floor" ] && printf '%s\n' "$rules" | grep -q "^$f|"; then
			continue
		fi
		checked=$((checked + 1))
		while IFS= read -r inc; do
			ok=0
			for a in $allowed; do
				if [ "$a" = . ]; then
					case $inc in */*) ;; *) ok=1 ;; esac
				else
					case $inc in "$a"*) ok=1 ;; esac
				fi
			done
			if [ $ok = 0 ]; then
				echo "$f: includes \"$inc\", which $floor may not (allowed: $allowed)"
				bad=$((bad + 1))
			fi
		done < <(sed -n 's/^[[:space:]]*#[[:space:]]*include[[:space:]]*"\([^"]*\)".*/\1/p' "$f")
	done
done <<<"$rules"

if [ "$checked" = 0 ]; then
	echo "layers: no file checked under $root"
	exit 2
fi
echo "layers: $checked files, $bad includes across a wall"
[ "$bad" = 0 ]
