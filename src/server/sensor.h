/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Sensor protocol (0x15): what the server asks of the platform.
 * PLACEHOLDER: the sensor protocol's owner replaces this with the real ops.
 */
#ifndef SCMI_SERVER_SENSOR_H
#define SCMI_SERVER_SENSOR_H

#include <stdint.h>

/**
 * struct scmi_server_sensor_ops - Sensor resources of the platform.
 * @count: resources visible to @agent_id
 */
struct scmi_server_sensor_ops {
	uint32_t (*count)(void *plat, uint32_t agent_id);
};

#endif /* SCMI_SERVER_SENSOR_H */
