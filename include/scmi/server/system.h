/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * System power protocol (0x12): what the server asks of the platform, and
 * the SYSTEM_POWER_STATE_NOTIFIER layout per version.
 */
#ifndef SCMI_SERVER_SYSTEM_H
#define SCMI_SERVER_SYSTEM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* system_state values (SCP, Linux enum scmi_system_events). */
#define SCMI_SYSTEM_SHUTDOWN   0u
#define SCMI_SYSTEM_COLD_RESET 1u
#define SCMI_SYSTEM_WARM_RESET 2u
#define SCMI_SYSTEM_POWER_UP   3u
#define SCMI_SYSTEM_SUSPEND    4u
#define SCMI_SYSTEM_NUM_STATES 5u
/* States from here on are the vendor's; those in between are reserved. */
#define SCMI_SYSTEM_VENDOR_FIRST 0x80000000u

/* SYSTEM_POWER_STATE_SET / notifier flags: bit 0 = graceful (1) or forceful (0). */
#define SCMI_SYSTEM_FLAG_GRACEFUL 1u

/* PROTOCOL_MESSAGE_ATTRIBUTES(SYSTEM_POWER_STATE_SET) bits. */
#define SCMI_SYSTEM_ATTR_WARM_RESET (1u << 31)
#define SCMI_SYSTEM_ATTR_SUSPEND    (1u << 30)

/* Notifier payload: 12 bytes up to 1.x, 16 (with the timeout) from 2.0. */
#define SCMI_SYSTEM_NOTIFIER_SIZE_V1 12u
#define SCMI_SYSTEM_NOTIFIER_SIZE_V2 16u

/**
 * struct scmi_server_system_ops - System power of the platform.
 * @supported: bitmap of the system_state values (bit n = state n) the platform supports
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
 * scmi_server_system_notifier() - build a SYSTEM_POWER_STATE_NOTIFIER payload for protocol
 * @version into @buf (@room bytes): agent_id, flags, system_state, and from 2.0 the
 * graceful-shutdown @timeout. Returns the bytes written, 0 if @room is too small.
 */
size_t scmi_server_system_notifier(uint32_t version, uint32_t agent_id, uint32_t flags,
				   uint32_t state, uint32_t timeout, uint8_t *buf, size_t room);

#endif /* SCMI_SERVER_SYSTEM_H */
