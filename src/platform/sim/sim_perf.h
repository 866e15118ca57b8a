/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Performance domain (0x13) model of the simulated platform.
 * PLACEHOLDER until the perf model's owner writes it. The functions below are
 * the model's contract with the rest of the platform: keep them.
 */
#ifndef SCMI_SIM_PERF_H
#define SCMI_SIM_PERF_H

#include <stdbool.h>
#include <stdint.h>

#include "server/perf.h"

struct sim_platform;
struct sim_loader;

/** sim_perf_load() - parse protocol node @node (its protocol@13) into @ld->p. */
int sim_perf_load(struct sim_loader *ld, int node);

/** sim_perf_free() - free the model's state. */
void sim_perf_free(struct sim_platform *p);

/** sim_perf_ops - the server's perf ops over this model. */
extern const struct scmi_server_perf_ops sim_perf_ops;

/** sim_perf_model_id_by_node() - the domain described by DT node @node (load time only); -ENOENT.
 */
int sim_perf_model_id_by_node(struct sim_platform *p, int node, uint32_t *id);

/** sim_perf_model_power_mw() - power drawn by perf domain @id at its current level, mW (lock held).
 */
uint32_t sim_perf_model_power_mw(struct sim_platform *p, uint32_t id);

/** sim_perf_model_total_power_mw() - sum over all perf domains, mW (lock held). */
uint32_t sim_perf_model_total_power_mw(struct sim_platform *p);

/**
 * sim_perf_model_set_cap_mw() - cap perf domain @id so it draws at most @mw (0: no cap); the
 * domain drops to the highest level within the cap (lock held). -ENOENT for an unknown domain.
 */
int sim_perf_model_set_cap_mw(struct sim_platform *p, uint32_t id, uint32_t mw);

#endif /* SCMI_SIM_PERF_H */
