/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Who may drive an agent's channels: the peers (uid/gid of the client
 * process) the platform DT allows per agent (peer-uids, peer-gids). The SCMI
 * PTA asks at GET_CHANNEL_HANDLE time. Read-only data after load: no lock.
 */
#ifndef SCMI_SIM_ACCESS_H
#define SCMI_SIM_ACCESS_H

#include <stdbool.h>
#include <stdint.h>

struct sim_platform;

/**
 * sim_platform_peer_allowed() - whether a client of @uid / @gid may drive the channels
 * of agent @agent_id: it matches peer-uids or peer-gids, or the agent lists neither.
 * false for an unknown agent.
 */
bool sim_platform_peer_allowed(const struct sim_platform *p, uint32_t agent_id, uint32_t uid,
			       uint32_t gid);

/** sim_platform_agent_trusted() - whether agent @agent_id is trusted (DT `trusted`). */
bool sim_platform_agent_trusted(const struct sim_platform *p, uint32_t agent_id);

#endif /* SCMI_SIM_ACCESS_H */
