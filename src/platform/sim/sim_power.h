/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Power domain (0x11) model of the simulated platform.
 * PLACEHOLDER until the power model's owner writes it. The functions below are
 * the model's contract with the rest of the platform: keep them.
 */
#ifndef SCMI_SIM_POWER_H
#define SCMI_SIM_POWER_H

#include <stdbool.h>
#include <stdint.h>

#include "server/power.h"

struct sim_platform;
struct sim_loader;

/** sim_power_load() - parse protocol node @node (its protocol@11) into @ld->p. */
int sim_power_load(struct sim_loader *ld, int node);

/** sim_power_free() - free the model's state. */
void sim_power_free(struct sim_platform *p);

/** sim_power_ops - the server's power ops over this model. */
extern const struct scmi_server_power_ops sim_power_ops;

/** sim_power_model_id_by_node() - the domain described by DT node @node (load time only); -ENOENT.
 */
int sim_power_model_id_by_node(struct sim_platform *p, int node, uint32_t *id);

/** sim_power_model_is_on() - whether domain @id is powered (lock held). */
bool sim_power_model_is_on(struct sim_platform *p, uint32_t id);

/** sim_power_model_power_mw() - static power of all powered domains, mW (lock held). */
uint32_t sim_power_model_power_mw(struct sim_platform *p);

#endif /* SCMI_SIM_POWER_H */
