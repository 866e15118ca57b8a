// SPDX-License-Identifier: BSD-3-Clause
/*
 * Reset domain (0x16) model. PLACEHOLDER: the reset model's owner replaces this file.
 */
#include <errno.h>

#include "platform/sim/sim_platform_priv.h"
#include "platform/sim/sim_reset.h"

int sim_reset_load(struct sim_loader *ld, int node)
{
	(void)ld;
	(void)node;
	return 0;
}

void sim_reset_free(struct sim_platform *p)
{
	(void)p;
}

const struct scmi_server_reset_ops sim_reset_ops = {0};
