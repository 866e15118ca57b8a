/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * System power (0x12) model of the simulated platform.
 * PLACEHOLDER until the system model's owner writes it. The functions below are
 * the model's contract with the rest of the platform: keep them.
 */
#ifndef SCMI_SIM_SYSTEM_H
#define SCMI_SIM_SYSTEM_H

#include <stdbool.h>
#include <stdint.h>

#include "server/system.h"

struct sim_platform;
struct sim_loader;

/** sim_system_load() - parse protocol node @node (its protocol@12) into @ld->p. */
int sim_system_load(struct sim_loader *ld, int node);

/** sim_system_free() - free the model's state. */
void sim_system_free(struct sim_platform *p);

/** sim_system_ops - the server's system ops over this model. */
extern const struct scmi_server_system_ops sim_system_ops;

#endif /* SCMI_SIM_SYSTEM_H */
