/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Reset domain (0x16) model of the simulated platform (binding:
 * docs/binding/reset.md).
 *
 * One state per domain, shared by every agent: a reset line is a wire of the
 * SoC, not a per-agent view. A domain is in reset while explicitly asserted,
 * and, after an autonomous reset, until its latency has passed in platform
 * time (with virtual time, a test sees the pulse until it advances time).
 */
#ifndef SCMI_SIM_RESET_H
#define SCMI_SIM_RESET_H

#include <stdbool.h>
#include <stdint.h>

#include "platform/sim/sim_reset_agent.h" /* sim_reset_reset_agent() */
#include "scmi/server/reset.h"

struct sim_platform;
struct sim_loader;

/** sim_reset_load() - parse protocol node @node (its protocol@16) into @ld->p. */
int sim_reset_load(struct sim_loader *ld, int node);

/** sim_reset_free() - free the model's state. */
void sim_reset_free(struct sim_platform *p);

/** sim_reset_ops - the server's reset ops over this model. */
extern const struct scmi_server_reset_ops sim_reset_ops;

/**
 * struct sim_reset_state - what the model knows about one domain.
 * @asserted:         held in reset by an explicit assert
 * @in_reset:         asserted, or an autonomous reset still within its latency
 * @resets:           times the domain entered reset (autonomous resets and asserts)
 * @last_reset_us:    platform time of the last entry into reset (0 if none)
 * @last_reset_state: reset_state of that reset
 * @notify_agents:    bit (agent id - 1) set for each agent that enabled RESET_ISSUED
 */
struct sim_reset_state {
	bool asserted;
	bool in_reset;
	uint64_t resets;
	uint64_t last_reset_us;
	uint32_t last_reset_state;
	uint64_t notify_agents;
};

/** sim_reset_count() - reset domains of the platform (0 if it has none). */
uint32_t sim_reset_count(struct sim_platform *p);

/**
 * sim_reset_get_state() - copy domain @id's state into @st (takes the lock: for
 * tests and tools, not for other models). 0 or -ENOENT.
 */
int sim_reset_get_state(struct sim_platform *p, uint32_t id, struct sim_reset_state *st);

#endif /* SCMI_SIM_RESET_H */
