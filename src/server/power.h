/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Power domain protocol (0x11): what the server asks of the platform.
 * PLACEHOLDER: the power protocol's owner replaces this with the real ops.
 */
#ifndef SCMI_SERVER_POWER_H
#define SCMI_SERVER_POWER_H

#include <stdint.h>

/**
 * struct scmi_server_power_ops - Power domain resources of the platform.
 * @count: resources visible to @agent_id
 */
struct scmi_server_power_ops {
	uint32_t (*count)(void *plat, uint32_t agent_id);
};

#endif /* SCMI_SERVER_POWER_H */
