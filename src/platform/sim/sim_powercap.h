/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Powercap (0x18) model of the simulated platform.
 * Zones cap the perf domains (binding: docs/binding/powercap.md). The functions
 * below are the model's contract with the rest of the platform: keep them.
 */
#ifndef SCMI_SIM_POWERCAP_H
#define SCMI_SIM_POWERCAP_H

#include <stdbool.h>
#include <stdint.h>

#include "platform/sim/sim_reset_agent.h" /* sim_powercap_reset_agent() */
#include "scmi/server/powercap.h"

struct sim_platform;
struct sim_loader;

/** sim_powercap_load() - parse protocol node @node (its protocol@18) into @ld->p. */
int sim_powercap_load(struct sim_loader *ld, int node);

/** sim_powercap_free() - free the model's state. */
void sim_powercap_free(struct sim_platform *p);

/** sim_powercap_ops - the server's powercap ops over this model. */
extern const struct scmi_server_powercap_ops sim_powercap_ops;

/**
 * sim_powercap_subscription() - what agent @agent_id subscribed to for @event
 * (SCMI_EVT_POWERCAP_*) of zone @id: @enabled, and the thresholds of a
 * measurement subscription (0 otherwise). Takes the lock (for tests and tools).
 * 0, or -ENOENT for an unknown zone or agent.
 */
int sim_powercap_subscription(struct sim_platform *p, uint32_t id, uint32_t agent_id,
			      uint32_t event, bool *enabled, uint32_t *low, uint32_t *high);

/**
 * sim_powercap_model_check() - notify measurement subscribers whose thresholds the power is
 * now outside of (lock held; the caller flushes events after unlocking).
 */
void sim_powercap_model_check(struct sim_platform *p);

#endif /* SCMI_SIM_POWERCAP_H */
