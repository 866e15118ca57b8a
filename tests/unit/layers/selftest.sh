#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# layers.sh must pass a tree that keeps the walls and fail one that breaks them, naming the
# file and the include.
set -u
checker=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0

mkdir -p "$tmp/src/agent/transport" "$tmp/src/server" "$tmp/include/scmi/proto"
printf '#include "scmi/proto/ids.h"\n#include "agent/common.h"\n' >"$tmp/src/agent/clock.c"
printf '#include "server/server_protocol.h"\n' >"$tmp/src/server/clock.c"
printf '#include "layout.h"\n' >"$tmp/include/scmi/proto/ids.h"
if ! out=$("$checker" "$tmp"); then
	echo "FAIL: a tree that keeps the walls was refused:"; echo "$out"; fail=1
fi

# The agent reaching into the secure side, and a proto header reaching into the agent.
printf '#include "secure/tee_core.h"\n' >"$tmp/src/agent/transport/optee.c"
printf '#include "scmi/scmi.h"\n' >>"$tmp/include/scmi/proto/ids.h"
if out=$("$checker" "$tmp"); then
	echo "FAIL: a tree that breaks two walls passed:"; echo "$out"; fail=1
fi
for want in 'src/agent/transport/optee.c: includes "secure/tee_core.h"' \
	'include/scmi/proto/ids.h: includes "scmi/scmi.h"' '2 includes across a wall'; do
	printf '%s\n' "$out" | grep -qF "$want" || { echo "FAIL: missing '$want' in:"; echo "$out"; fail=1; }
done
[ $fail = 0 ] && echo "layers selftest: ok"
exit $fail
