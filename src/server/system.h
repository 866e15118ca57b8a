/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * System power protocol (0x12): what the server asks of the platform.
 * PLACEHOLDER: the system protocol's owner replaces this with the real ops.
 */
#ifndef SCMI_SERVER_SYSTEM_H
#define SCMI_SERVER_SYSTEM_H

#include <stdint.h>

/**
 * struct scmi_server_system_ops - System power resources of the platform.
 * @count: resources visible to @agent_id
 */
struct scmi_server_system_ops {
	uint32_t (*count)(void *plat, uint32_t agent_id);
};

#endif /* SCMI_SERVER_SYSTEM_H */
