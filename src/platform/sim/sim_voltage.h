/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Voltage domain (0x17) model of the simulated platform.
 * PLACEHOLDER until the voltage model's owner writes it. The functions below are
 * the model's contract with the rest of the platform: keep them.
 */
#ifndef SCMI_SIM_VOLTAGE_H
#define SCMI_SIM_VOLTAGE_H

#include <stdbool.h>
#include <stdint.h>

#include "server/voltage.h"

struct sim_platform;
struct sim_loader;

/** sim_voltage_load() - parse protocol node @node (its protocol@17) into @ld->p. */
int sim_voltage_load(struct sim_loader *ld, int node);

/** sim_voltage_free() - free the model's state. */
void sim_voltage_free(struct sim_platform *p);

/** sim_voltage_ops - the server's voltage ops over this model. */
extern const struct scmi_server_voltage_ops sim_voltage_ops;

/** sim_voltage_model_id_by_node() - the domain described by DT node @node (load time only);
 * -ENOENT. */
int sim_voltage_model_id_by_node(struct sim_platform *p, int node, uint32_t *id);

/** sim_voltage_model_set_level() - set domain @id to @uv microvolts as the platform would (lock
 * held). */
int sim_voltage_model_set_level(struct sim_platform *p, uint32_t id, int32_t uv);

/** sim_voltage_model_get_level() - domain @id's level in microvolts (lock held). */
int sim_voltage_model_get_level(struct sim_platform *p, uint32_t id, int32_t *uv);

#endif /* SCMI_SIM_VOLTAGE_H */
