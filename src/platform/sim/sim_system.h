/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * System power (0x12) model of the simulated platform (binding:
 * docs/binding/system.md). The "system" is simulated: a shutdown moves it to
 * the shutdown state, a reset brings it back up, power-up returns it; each
 * change is logged on stderr.
 */
#ifndef SCMI_SIM_SYSTEM_H
#define SCMI_SIM_SYSTEM_H

#include <stdbool.h>
#include <stdint.h>

#include "platform/sim/sim_reset_agent.h" /* sim_system_reset_agent() */
#include "scmi/server/system.h"

struct sim_platform;
struct sim_loader;

/** sim_system_load() - parse protocol node @node (its protocol@12) into @ld->p. */
int sim_system_load(struct sim_loader *ld, int node);

/** sim_system_free() - free the model's state. */
void sim_system_free(struct sim_platform *p);

/** sim_system_ops - the server's system ops over this model. */
extern const struct scmi_server_system_ops sim_system_ops;

/**
 * struct sim_system_status - what the model recorded.
 * @state:       current system_state
 * @last_agent:  agent of the last accepted SYSTEM_POWER_STATE_SET (0: none)
 * @last_flags:  its flags
 * @last_state:  the state it asked for
 * @resets:      cold and warm resets carried out
 */
struct sim_system_status {
	uint32_t state;
	uint32_t last_agent;
	uint32_t last_flags;
	uint32_t last_state;
	uint32_t resets;
};

/** sim_system_status() - copy the model's record (takes the lock); false without the model. */
bool sim_system_status(struct sim_platform *p, struct sim_system_status *out);

/**
 * sim_system_request() - the platform asks for system state @state (a supported standard
 * state): every subscriber gets SYSTEM_POWER_STATE_NOTIFIER (agent_id 0, the platform).
 * @graceful: the agents are asked to do it themselves (flags bit 0, with the shutdown
 * timeout); forceful: the platform also moves to @state now. Takes the lock and delivers
 * the events. 0, -ENOENT without the model, -EINVAL for a state it does not support.
 */
int sim_system_request(struct sim_platform *p, uint32_t state, bool graceful);

/** sim_system_subscribed() - whether @agent_id subscribed to the notifier (takes the lock). */
bool sim_system_subscribed(struct sim_platform *p, uint32_t agent_id);

#endif /* SCMI_SIM_SYSTEM_H */
