// SPDX-License-Identifier: BSD-3-Clause
/*
 * Power domain (0x11) model. PLACEHOLDER: the power model's owner replaces this file.
 */
#include <errno.h>

#include "platform/sim/sim_platform_priv.h"
#include "platform/sim/sim_power.h"

int sim_power_load(struct sim_loader *ld, int node)
{
	(void)ld;
	(void)node;
	return 0;
}

void sim_power_free(struct sim_platform *p)
{
	(void)p;
}

const struct scmi_server_power_ops sim_power_ops = {0};

int sim_power_model_id_by_node(struct sim_platform *p, int node, uint32_t *id)
{
	(void)p;
	(void)node;
	(void)id;
	return -ENOENT;
}

bool sim_power_model_is_on(struct sim_platform *p, uint32_t id)
{
	(void)p;
	(void)id;
	return false;
}

uint32_t sim_power_model_power_mw(struct sim_platform *p)
{
	(void)p;
	return 0;
}
