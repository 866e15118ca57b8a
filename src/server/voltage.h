/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Voltage domain protocol (0x17): what the server asks of the platform.
 * PLACEHOLDER: the voltage protocol's owner replaces this with the real ops.
 */
#ifndef SCMI_SERVER_VOLTAGE_H
#define SCMI_SERVER_VOLTAGE_H

#include <stdint.h>

/**
 * struct scmi_server_voltage_ops - Voltage domain resources of the platform.
 * @count: resources visible to @agent_id
 */
struct scmi_server_voltage_ops {
	uint32_t (*count)(void *plat, uint32_t agent_id);
};

#endif /* SCMI_SERVER_VOLTAGE_H */
