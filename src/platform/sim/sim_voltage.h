/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Voltage domain (0x17) model of the simulated platform (binding:
 * docs/binding/voltage.md).
 *
 * Each domain is a regulator with a programmed level and a mode (off, on, or
 * an IMPLEMENTATION defined mode the DT lists). The level is kept while the
 * regulator is off: LEVEL_GET and sim_voltage_model_get_level() report the
 * programmed level, as a PMIC's voltage register does; whether it is driven
 * is sim_voltage_model_is_on(). One state per domain, shared by every agent
 * and by the perf (DVFS) model.
 */
#ifndef SCMI_SIM_VOLTAGE_H
#define SCMI_SIM_VOLTAGE_H

#include <stdbool.h>
#include <stdint.h>

#include "platform/sim/sim_reset_agent.h" /* sim_voltage_reset_agent() */
#include "scmi/server/voltage.h"

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
 * held). -ENOENT (no such domain), -ERANGE (outside the domain's span), -EINVAL (inside
 * it but not one of its levels). */
int sim_voltage_model_set_level(struct sim_platform *p, uint32_t id, int32_t uv);

/** sim_voltage_model_get_level() - domain @id's level in microvolts (lock held). */
int sim_voltage_model_get_level(struct sim_platform *p, uint32_t id, int32_t *uv);

/** sim_voltage_model_is_on() - whether domain @id drives its output (on, or an
 * IMPLEMENTATION defined mode); false for an unknown domain (lock held). */
bool sim_voltage_model_is_on(struct sim_platform *p, uint32_t id);

/** sim_voltage_count() - voltage domains of the platform (0 if it has none). */
uint32_t sim_voltage_count(struct sim_platform *p);

/**
 * sim_voltage_get() - domain @id's level and config word (takes the lock: for tests and
 * tools, not for other models). 0 or -ENOENT.
 */
int sim_voltage_get(struct sim_platform *p, uint32_t id, int32_t *uv, uint32_t *config);

#endif /* SCMI_SIM_VOLTAGE_H */
