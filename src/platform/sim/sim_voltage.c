// SPDX-License-Identifier: BSD-3-Clause
/*
 * Voltage domain (0x17) model. PLACEHOLDER: the voltage model's owner replaces this file.
 */
#include <errno.h>

#include "platform/sim/sim_platform_priv.h"
#include "platform/sim/sim_voltage.h"

int sim_voltage_load(struct sim_loader *ld, int node)
{
	(void)ld;
	(void)node;
	return 0;
}

void sim_voltage_free(struct sim_platform *p)
{
	(void)p;
}

const struct scmi_server_voltage_ops sim_voltage_ops = {0};

int sim_voltage_model_id_by_node(struct sim_platform *p, int node, uint32_t *id)
{
	(void)p;
	(void)node;
	(void)id;
	return -ENOENT;
}

int sim_voltage_model_set_level(struct sim_platform *p, uint32_t id, int32_t uv)
{
	(void)p;
	(void)id;
	(void)uv;
	return -ENOENT;
}

int sim_voltage_model_get_level(struct sim_platform *p, uint32_t id, int32_t *uv)
{
	(void)p;
	(void)id;
	(void)uv;
	return -ENOENT;
}
