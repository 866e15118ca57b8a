/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Clock protocol (0x14): what the server asks of the platform.
 * PLACEHOLDER: the clock protocol's owner replaces this with the real ops.
 */
#ifndef SCMI_SERVER_CLOCK_H
#define SCMI_SERVER_CLOCK_H

#include <stdint.h>

/**
 * struct scmi_server_clock_ops - Clock resources of the platform.
 * @count: resources visible to @agent_id
 */
struct scmi_server_clock_ops {
	uint32_t (*count)(void *plat, uint32_t agent_id);
};

#endif /* SCMI_SERVER_CLOCK_H */
