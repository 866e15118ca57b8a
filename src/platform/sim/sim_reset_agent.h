/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Each protocol model's part of BASE_RESET_AGENT_CONFIGURATION: forget the
 * per-agent state agent @agent_id built up (clock enable votes, perf requests,
 * pinctrl ownership, notification subscriptions, ...), as if that agent had just
 * booted. The platform's own state that other agents depend on stays (a clock
 * another agent still votes for keeps running).
 *
 * Contract between the permissions core (sim_perm.c, through the models table of
 * sim_models.c) and the models: each sim_<protocol>.c defines its function with
 * exactly this signature; it is called with the platform lock held, for an agent
 * id in 1..num_agents, and must not fail. Until a model defines its own,
 * sim_models.c links a weak no-op.
 */
#ifndef SCMI_SIM_RESET_AGENT_H
#define SCMI_SIM_RESET_AGENT_H

#include <stdint.h>

struct sim_platform;

/** sim_clock_reset_agent() - drop @agent_id's clock enable votes, rates it asked for... */
void sim_clock_reset_agent(struct sim_platform *p, uint32_t agent_id);
/** sim_perf_reset_agent() - drop @agent_id's level and limit requests. */
void sim_perf_reset_agent(struct sim_platform *p, uint32_t agent_id);
/** sim_pinctrl_reset_agent() - release what @agent_id owns. */
void sim_pinctrl_reset_agent(struct sim_platform *p, uint32_t agent_id);
/** sim_power_reset_agent() - drop @agent_id's power state requests and notifications. */
void sim_power_reset_agent(struct sim_platform *p, uint32_t agent_id);
/** sim_powercap_reset_agent() - drop @agent_id's caps and notifications. */
void sim_powercap_reset_agent(struct sim_platform *p, uint32_t agent_id);
/** sim_reset_reset_agent() - release what @agent_id asserted, drop its notifications. */
void sim_reset_reset_agent(struct sim_platform *p, uint32_t agent_id);
/** sim_sensor_reset_agent() - drop @agent_id's sensor configs, trips, notifications. */
void sim_sensor_reset_agent(struct sim_platform *p, uint32_t agent_id);
/** sim_system_reset_agent() - drop @agent_id's notifier subscription. */
void sim_system_reset_agent(struct sim_platform *p, uint32_t agent_id);
/** sim_voltage_reset_agent() - drop @agent_id's per-agent voltage state, if any. */
void sim_voltage_reset_agent(struct sim_platform *p, uint32_t agent_id);

#endif /* SCMI_SIM_RESET_AGENT_H */
