/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * What the platform's state is, as one agent sees it through the server's
 * platform ops: every clock (rate, on), perf domain (level and its OPP's
 * frequency), power domain, voltage domain and sensor (first value), one
 * line each. The firmware prints it at power-off, so that make
 * test-linux-optee checks what the guest did from the firmware's side too
 * (tests/linux-optee/check.sh parses the lines). Host-buildable.
 *
 * Lines: "state <kind> <id> <key>=<value>... name=<name>", kinds clock, perf,
 * power, voltage, sensor; the name is last, as it may hold spaces.
 */
#ifndef FW_STATE_DUMP_H
#define FW_STATE_DUMP_H

#include <stdint.h>

#include "scmi/server/server.h"

/**
 * fw_state_dump() - call @line with one line per resource of @ops visible to @agent_id
 * (@plat passed to each op). Returns the number of lines.
 */
uint32_t fw_state_dump(const struct scmi_server_platform_ops *ops, void *plat, uint32_t agent_id,
		       void (*line)(void *ctx, const char *text), void *ctx);

#endif /* FW_STATE_DUMP_H */
