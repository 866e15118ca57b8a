/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Performance domain protocol (0x13): what the server asks of the platform.
 * PLACEHOLDER: the perf protocol's owner replaces this with the real ops.
 */
#ifndef SCMI_SERVER_PERF_H
#define SCMI_SERVER_PERF_H

#include <stdint.h>

/**
 * struct scmi_server_perf_ops - Performance domain resources of the platform.
 * @count: resources visible to @agent_id
 */
struct scmi_server_perf_ops {
	uint32_t (*count)(void *plat, uint32_t agent_id);
};

#endif /* SCMI_SERVER_PERF_H */
