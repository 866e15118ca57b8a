/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Clock (0x14) model of the simulated platform.
 * PLACEHOLDER until the clock model's owner writes it. The functions below are
 * the model's contract with the rest of the platform: keep them.
 */
#ifndef SCMI_SIM_CLOCK_H
#define SCMI_SIM_CLOCK_H

#include <stdbool.h>
#include <stdint.h>

#include "server/clock.h"

struct sim_platform;
struct sim_loader;

/** sim_clock_load() - parse protocol node @node (its protocol@14) into @ld->p. */
int sim_clock_load(struct sim_loader *ld, int node);

/** sim_clock_free() - free the model's state. */
void sim_clock_free(struct sim_platform *p);

/** sim_clock_ops - the server's clock ops over this model. */
extern const struct scmi_server_clock_ops sim_clock_ops;

/** sim_clock_model_id_by_node() - the clock described by DT node @node (load time only); -ENOENT.
 */
int sim_clock_model_id_by_node(struct sim_platform *p, int node, uint32_t *id);

/** sim_clock_model_set_rate() - set clock @id's rate as the platform itself would (lock held). */
int sim_clock_model_set_rate(struct sim_platform *p, uint32_t id, uint64_t hz);

/** sim_clock_model_get_rate() - clock @id's current rate (lock held). */
int sim_clock_model_get_rate(struct sim_platform *p, uint32_t id, uint64_t *hz);

#endif /* SCMI_SIM_CLOCK_H */
