// SPDX-License-Identifier: BSD-3-Clause
/*
 * Powercap (0x18) model. PLACEHOLDER: the powercap model's owner replaces this file.
 */
#include <errno.h>

#include "platform/sim/sim_platform_priv.h"
#include "platform/sim/sim_powercap.h"

int sim_powercap_load(struct sim_loader *ld, int node)
{
	(void)ld;
	(void)node;
	return 0;
}

void sim_powercap_free(struct sim_platform *p)
{
	(void)p;
}

const struct scmi_server_powercap_ops sim_powercap_ops = {0};
