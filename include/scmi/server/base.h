/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * What the Base protocol asks of the platform (struct scmi_server_platform_ops.base):
 * its own version, which agents are trusted, the devices, and the permission changes.
 * Without it (NULL), Base runs at 2.1, no agent is trusted and the permission messages
 * validate their parameters and answer DENIED.
 */
#ifndef SCMI_SERVER_BASE_H
#define SCMI_SERVER_BASE_H

#include <stdbool.h>
#include <stdint.h>

#include "scmi/proto/base.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * struct scmi_server_base_ops - the platform side of Base. Every callback gets the
 * server's plat pointer; each may be NULL.
 * @version:          Base version the platform runs (1.0, 2.0 or 2.1); 0: the server's
 * @agent_trusted:    whether @agent_id may send permission messages
 * @device_exists:    whether @device_id names a device of the platform
 * @set_device_permissions:   BASE_SET_DEVICE_PERMISSIONS for a known agent and device;
 *                    returns an SCMI status
 * @set_protocol_permissions: BASE_SET_PROTOCOL_PERMISSIONS, likewise (@protocol_id is not
 *                    Base)
 * @reset_agent:      the platform's part of BASE_RESET_AGENT_CONFIGURATION (per-agent
 *                    state, and permissions back to the configuration's if
 *                    @reset_permissions); returns an SCMI status
 */
struct scmi_server_base_ops {
	uint32_t (*version)(void *plat);
	bool (*agent_trusted)(void *plat, uint32_t agent_id);
	bool (*device_exists)(void *plat, uint32_t device_id);
	int32_t (*set_device_permissions)(void *plat, uint32_t agent_id, uint32_t device_id,
					  bool allow);
	int32_t (*set_protocol_permissions)(void *plat, uint32_t agent_id, uint32_t device_id,
					    uint8_t protocol_id, bool allow);
	int32_t (*reset_agent)(void *plat, uint32_t agent_id, bool reset_permissions);
};

#ifdef __cplusplus
}
#endif

#endif /* SCMI_SERVER_BASE_H */
