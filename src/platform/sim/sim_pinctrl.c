// SPDX-License-Identifier: BSD-3-Clause
/*
 * Pin control (0x19) model. PLACEHOLDER: the pinctrl model's owner replaces this file.
 */
#include <errno.h>

#include "platform/sim/sim_platform_priv.h"
#include "platform/sim/sim_pinctrl.h"

int sim_pinctrl_load(struct sim_loader *ld, int node)
{
	(void)ld;
	(void)node;
	return 0;
}

void sim_pinctrl_free(struct sim_platform *p)
{
	(void)p;
}

const struct scmi_server_pinctrl_ops sim_pinctrl_ops = {0};
