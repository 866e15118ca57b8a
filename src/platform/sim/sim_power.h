/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Power domain (0x11) model of the simulated platform (binding:
 * docs/binding/power.md). The sim_power_model_*() functions are the model's
 * contract with the rest of the platform (sensors read them): keep them.
 */
#ifndef SCMI_SIM_POWER_H
#define SCMI_SIM_POWER_H

#include <stdbool.h>
#include <stdint.h>

#include "platform/sim/sim_reset_agent.h" /* sim_power_reset_agent() */
#include "scmi/server/power.h"

struct sim_platform;
struct sim_loader;

/* Bounds the loader enforces. */
#define SIM_POWER_MAX_DOMAINS	64u
#define SIM_POWER_MAX_RETENTION 8u
/* No parent. */
#define SIM_POWER_NO_PARENT 0xffffffffu

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

/**
 * sim_power_subscribed() - whether agent @agent_id subscribed to event @event
 * (SCMI_EVT_POWER_*) of domain @id (takes the lock; for tests and tools).
 */
bool sim_power_subscribed(struct sim_platform *p, uint32_t agent_id, uint32_t id, uint32_t event);

/**
 * sim_power_last_agent() - the agent whose request last changed domain @id, 0 if none
 * (takes the lock). Requests are "last writer wins": there is no per-agent vote.
 */
uint32_t sim_power_last_agent(struct sim_platform *p, uint32_t id);

#endif /* SCMI_SIM_POWER_H */
