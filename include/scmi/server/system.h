/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * System power protocol (0x12): what the server asks of the platform, and
 * the SYSTEM_POWER_STATE_NOTIFIER payload built for a version.
 */
#ifndef SCMI_SERVER_SYSTEM_H
#define SCMI_SERVER_SYSTEM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "scmi/proto/system.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * struct scmi_server_system_ops - System power of the platform.
 * @supported: bitmap of the system_state values (bit n = state n, enum scmi_system_state)
 *             the platform supports
 * @state_set: move the system to @state with @flags on behalf of @agent_id (SCMI status;
 *             DENIED for an agent not allowed to); @state is a supported standard state
 * @state_get: the current system_state
 * @notify:    record (@enable) or drop @agent_id's subscription to the notifier
 */
struct scmi_server_system_ops {
	uint32_t (*supported)(void *plat);
	int32_t (*state_set)(void *plat, uint32_t agent_id, uint32_t flags, uint32_t state);
	uint32_t (*state_get)(void *plat);
	int32_t (*notify)(void *plat, uint32_t agent_id, bool enable);
};

/**
 * scmi_server_system_notifier() - build a SYSTEM_POWER_STATE_NOTIFIER payload (struct
 * scmi_system_power_state_notifier_evt) for protocol @version into @buf (@room bytes):
 * agent_id, flags, system_state, and from 2.0 the graceful-shutdown @timeout. Returns the
 * bytes written, 0 if @room is too small.
 */
size_t scmi_server_system_notifier(uint32_t version, uint32_t agent_id, uint32_t flags,
				   uint32_t state, uint32_t timeout, uint8_t *buf, size_t room);

#ifdef __cplusplus
}
#endif

#endif /* SCMI_SERVER_SYSTEM_H */
