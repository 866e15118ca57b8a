/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Powercap (0x18) model of the simulated platform.
 * PLACEHOLDER until the powercap model's owner writes it. The functions below are
 * the model's contract with the rest of the platform: keep them.
 */
#ifndef SCMI_SIM_POWERCAP_H
#define SCMI_SIM_POWERCAP_H

#include <stdbool.h>
#include <stdint.h>

#include "server/powercap.h"

struct sim_platform;
struct sim_loader;

/** sim_powercap_load() - parse protocol node @node (its protocol@18) into @ld->p. */
int sim_powercap_load(struct sim_loader *ld, int node);

/** sim_powercap_free() - free the model's state. */
void sim_powercap_free(struct sim_platform *p);

/** sim_powercap_ops - the server's powercap ops over this model. */
extern const struct scmi_server_powercap_ops sim_powercap_ops;

#endif /* SCMI_SIM_POWERCAP_H */
