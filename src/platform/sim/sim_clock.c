// SPDX-License-Identifier: BSD-3-Clause
/*
 * Clock (0x14) model. PLACEHOLDER: the clock model's owner replaces this file.
 */
#include <errno.h>

#include "platform/sim/sim_platform_priv.h"
#include "platform/sim/sim_clock.h"

int sim_clock_load(struct sim_loader *ld, int node)
{
	(void)ld;
	(void)node;
	return 0;
}

void sim_clock_free(struct sim_platform *p)
{
	(void)p;
}

const struct scmi_server_clock_ops sim_clock_ops = {0};

int sim_clock_model_id_by_node(struct sim_platform *p, int node, uint32_t *id)
{
	(void)p;
	(void)node;
	(void)id;
	return -ENOENT;
}

int sim_clock_model_set_rate(struct sim_platform *p, uint32_t id, uint64_t hz)
{
	(void)p;
	(void)id;
	(void)hz;
	return -ENOENT;
}

int sim_clock_model_get_rate(struct sim_platform *p, uint32_t id, uint64_t *hz)
{
	(void)p;
	(void)id;
	(void)hz;
	return -ENOENT;
}
