/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Pin control (0x19) model of the simulated platform.
 * PLACEHOLDER until the pinctrl model's owner writes it. The functions below are
 * the model's contract with the rest of the platform: keep them.
 */
#ifndef SCMI_SIM_PINCTRL_H
#define SCMI_SIM_PINCTRL_H

#include <stdbool.h>
#include <stdint.h>

#include "platform/sim/sim_reset_agent.h" /* sim_pinctrl_reset_agent() */
#include "scmi/server/pinctrl.h"

struct sim_platform;
struct sim_loader;

/** sim_pinctrl_load() - parse protocol node @node (its protocol@19) into @ld->p. */
int sim_pinctrl_load(struct sim_loader *ld, int node);

/** sim_pinctrl_free() - free the model's state. */
void sim_pinctrl_free(struct sim_platform *p);

/** sim_pinctrl_ops - the server's pinctrl ops over this model. */
extern const struct scmi_server_pinctrl_ops sim_pinctrl_ops;

/*
 * Per-agent views: the permissions core numbers pin n as resource n, group n as resource
 * npins + n and function n as resource npins + ngroups + n of protocol 0x19; each agent then
 * numbers the pins, groups and functions it sees densely from 0, in platform order.
 */

#endif /* SCMI_SIM_PINCTRL_H */
