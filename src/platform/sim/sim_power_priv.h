/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * State of the power domain model, shared by its loader (sim_power_load.c)
 * and its ops (sim_power.c).
 */
#ifndef SCMI_SIM_POWER_PRIV_H
#define SCMI_SIM_POWER_PRIV_H

#include <stdint.h>

#include "platform/sim/sim_power.h"

/**
 * struct sim_power_domain - one power domain.
 * @name:         NUL-terminated name, at most 63 characters
 * @node:         its DT node (valid during the load only)
 * @parent:       parent domain id, or SIM_POWER_NO_PARENT
 * @power_mw:     static power when ON
 * @retention_mw: static power in a retention state
 * @retention:    retention state words (context kept, so bit 30 clear)
 * @num_retention: entries in @retention
 * @state:        current power state word
 * @last_agent:   agent whose request last changed @state (0: none yet)
 * @subscribers:  per event (SCMI_EVT_POWER_*), bit n = agent n + 1 subscribed
 */
struct sim_power_domain {
	char name[SCMI_SERVER_POWER_NAME_SIZE];
	int node;
	uint32_t parent;
	uint32_t power_mw;
	uint32_t retention_mw;
	uint32_t retention[SIM_POWER_MAX_RETENTION];
	uint32_t num_retention;
	uint32_t state;
	uint32_t last_agent;
	uint64_t subscribers[SCMI_EVT_POWER_STATE_CHANGE_REQUESTED + 1];
};

/**
 * struct sim_power - the model.
 * @count:   domains (ids 0..count-1)
 * @domains: the domains, by id
 */
struct sim_power {
	uint32_t count;
	struct sim_power_domain domains[SIM_POWER_MAX_DOMAINS];
};

/** sim_power_state_powered() - a state in which the domain keeps its context (not off-like). */
static inline bool sim_power_state_powered(uint32_t state)
{
	return !(state & SCMI_POWER_STATE_TYPE_LOST);
}

#endif /* SCMI_SIM_POWER_PRIV_H */
