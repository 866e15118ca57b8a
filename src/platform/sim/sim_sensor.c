// SPDX-License-Identifier: BSD-3-Clause
/*
 * Sensor (0x15) model. PLACEHOLDER: the sensor model's owner replaces this file.
 */
#include <errno.h>

#include "platform/sim/sim_platform_priv.h"
#include "platform/sim/sim_sensor.h"

int sim_sensor_load(struct sim_loader *ld, int node)
{
	(void)ld;
	(void)node;
	return 0;
}

void sim_sensor_free(struct sim_platform *p)
{
	(void)p;
}

const struct scmi_server_sensor_ops sim_sensor_ops = {0};
