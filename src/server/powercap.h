/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Powercap protocol (0x18): what the server asks of the platform.
 * PLACEHOLDER: the powercap protocol's owner replaces this with the real ops.
 */
#ifndef SCMI_SERVER_POWERCAP_H
#define SCMI_SERVER_POWERCAP_H

#include <stdint.h>

/**
 * struct scmi_server_powercap_ops - Powercap resources of the platform.
 * @count: resources visible to @agent_id
 */
struct scmi_server_powercap_ops {
	uint32_t (*count)(void *plat, uint32_t agent_id);
};

#endif /* SCMI_SERVER_POWERCAP_H */
