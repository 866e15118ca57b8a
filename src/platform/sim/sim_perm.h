/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Per-agent views and permissions of the simulated platform.
 *
 * Each agent sees its own numbering of each protocol's resources: agent-local
 * ids 0..count-1 map to the platform's (global) ids of the resources that agent
 * may see, so that resource counts and lists reflect what the calling agent may
 * see, as SCP-firmware's per-agent tables do. A visible resource may still be
 * refused (DENIED) when the agent's permission on the device it belongs to is
 * revoked (BASE_SET_DEVICE_PERMISSIONS by a trusted agent).
 *
 * Every model's server-op entry point translates the agent-local id it gets
 * with sim_view_global() (unknown -> NOT_FOUND) and checks sim_perm_allowed()
 * before changing anything (refused -> DENIED). Contract between the
 * permissions core (sim_perm.c) and the protocol models: keep these signatures.
 * All of them are called with the platform lock held.
 */
#ifndef SCMI_SIM_PERM_H
#define SCMI_SIM_PERM_H

#include <stdbool.h>
#include <stdint.h>

#include "platform/sim/sim_platform_priv.h"

struct sim_platform;

/**
 * sim_view_count() - how many of the @total resources of protocol @proto agent @agent_id
 * sees.
 */
uint32_t sim_view_count(const struct sim_platform *p, uint32_t agent_id, uint8_t proto,
			uint32_t total);

/* The walk of sim_view_global(), for an agent that does not see @proto whole. */
bool sim_view_global_walk(const struct sim_platform *p, uint32_t agent_id, uint8_t proto,
			  uint32_t total, uint32_t local_id, uint32_t *global_id);

/**
 * sim_view_global() - the global id of agent @agent_id's local id @local_id of protocol
 * @proto (whose model has @total resources); false if the agent has no such resource.
 * Inline: on every resource message's path, and an agent that sees the protocol whole (the
 * usual case) has nothing to walk.
 */
static inline bool sim_view_global(const struct sim_platform *p, uint32_t agent_id, uint8_t proto,
				   uint32_t total, uint32_t local_id, uint32_t *global_id)
{
	if (agent_id - 1u < p->num_agents &&
	    sim_bit_test(p->agents[agent_id - 1u].sees_all, proto)) {
		if (local_id >= total)
			return false;
		*global_id = local_id;
		return true;
	}
	return sim_view_global_walk(p, agent_id, proto, total, local_id, global_id);
}

/**
 * sim_view_local() - the agent-local id of global resource @global_id, for messages that
 * name other resources (a clock's parents); false if the agent does not see it.
 */
bool sim_view_local(const struct sim_platform *p, uint32_t agent_id, uint8_t proto, uint32_t total,
		    uint32_t global_id, uint32_t *local_id);

/**
 * sim_perm_allowed() - whether agent @agent_id may currently use (change the state of)
 * global resource @global_id of protocol @proto.
 */
bool sim_perm_allowed(const struct sim_platform *p, uint32_t agent_id, uint8_t proto,
		      uint32_t global_id);

#endif /* SCMI_SIM_PERM_H */
