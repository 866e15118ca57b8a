/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Reset domain protocol (0x16): what the server asks of the platform.
 * PLACEHOLDER: the reset protocol's owner replaces this with the real ops.
 */
#ifndef SCMI_SERVER_RESET_H
#define SCMI_SERVER_RESET_H

#include <stdint.h>

/**
 * struct scmi_server_reset_ops - Reset domain resources of the platform.
 * @count: resources visible to @agent_id
 */
struct scmi_server_reset_ops {
	uint32_t (*count)(void *plat, uint32_t agent_id);
};

#endif /* SCMI_SERVER_RESET_H */
