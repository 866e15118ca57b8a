/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Reset domain (0x16) model of the simulated platform.
 * PLACEHOLDER until the reset model's owner writes it. The functions below are
 * the model's contract with the rest of the platform: keep them.
 */
#ifndef SCMI_SIM_RESET_H
#define SCMI_SIM_RESET_H

#include <stdbool.h>
#include <stdint.h>

#include "server/reset.h"

struct sim_platform;
struct sim_loader;

/** sim_reset_load() - parse protocol node @node (its protocol@16) into @ld->p. */
int sim_reset_load(struct sim_loader *ld, int node);

/** sim_reset_free() - free the model's state. */
void sim_reset_free(struct sim_platform *p);

/** sim_reset_ops - the server's reset ops over this model. */
extern const struct scmi_server_reset_ops sim_reset_ops;

#endif /* SCMI_SIM_RESET_H */
