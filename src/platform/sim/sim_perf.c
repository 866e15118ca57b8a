// SPDX-License-Identifier: BSD-3-Clause
/*
 * Performance domain (0x13) model. PLACEHOLDER: the perf model's owner replaces this file.
 */
#include <errno.h>

#include "platform/sim/sim_platform_priv.h"
#include "platform/sim/sim_perf.h"

int sim_perf_load(struct sim_loader *ld, int node)
{
	(void)ld;
	(void)node;
	return 0;
}

void sim_perf_free(struct sim_platform *p)
{
	(void)p;
}

const struct scmi_server_perf_ops sim_perf_ops = {0};

int sim_perf_model_id_by_node(struct sim_platform *p, int node, uint32_t *id)
{
	(void)p;
	(void)node;
	(void)id;
	return -ENOENT;
}

uint32_t sim_perf_model_power_mw(struct sim_platform *p, uint32_t id)
{
	(void)p;
	(void)id;
	return 0;
}

uint32_t sim_perf_model_total_power_mw(struct sim_platform *p)
{
	(void)p;
	return 0;
}

int sim_perf_model_set_cap_mw(struct sim_platform *p, uint32_t id, uint32_t mw)
{
	(void)p;
	(void)id;
	(void)mw;
	return -ENOENT;
}
