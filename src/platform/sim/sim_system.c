// SPDX-License-Identifier: BSD-3-Clause
/*
 * System power (0x12) model. PLACEHOLDER: the system model's owner replaces this file.
 */
#include <errno.h>

#include "platform/sim/sim_platform_priv.h"
#include "platform/sim/sim_system.h"

int sim_system_load(struct sim_loader *ld, int node)
{
	(void)ld;
	(void)node;
	return 0;
}

void sim_system_free(struct sim_platform *p)
{
	(void)p;
}

const struct scmi_server_system_ops sim_system_ops = {0};
