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

/**
 * sim_clock_reset_agent() - forget what agent @agent_id asked of the clocks (lock held): its
 * enable votes (a clock only it kept running stops, unless always-on or a running child needs
 * it) and its notification subscriptions. Rates and parents stay as they are.
 */
void sim_clock_reset_agent(struct sim_platform *p, uint32_t agent_id);

/**
 * sim_perf_reset_agent() - forget what agent @agent_id asked of the perf domains (lock held):
 * its level requests, the limits it set (those domains return to the boot limits, the whole
 * OPP table) and its notification subscriptions; each domain it touched moves to the level the
 * remaining requests ask. A power cap is not the agent's: it stays.
 */
void sim_perf_reset_agent(struct sim_platform *p, uint32_t agent_id);

/**
 * sim_pinctrl_reset_agent() - forget what agent @agent_id holds (lock held): every pin it
 * requested is free again. Mux and pad settings are the pins' own and stay.
 */
void sim_pinctrl_reset_agent(struct sim_platform *p, uint32_t agent_id);

/**
 * sim_power_reset_agent() - forget what agent @agent_id asked of the power domains (lock held):
 * its notification subscriptions, and that it last set a state (sim_power_last_agent() gives 0
 * for those). States are last-writer-wins hardware state: they stay as they are.
 */
void sim_power_reset_agent(struct sim_platform *p, uint32_t agent_id);

/**
 * sim_powercap_reset_agent() - forget agent @agent_id's notification subscriptions (lock held).
 * Caps and averaging intervals it set stay: a cap protects the hardware.
 */
void sim_powercap_reset_agent(struct sim_platform *p, uint32_t agent_id);

/**
 * sim_reset_reset_agent() - forget what agent @agent_id asked of the reset domains (lock held):
 * its RESET_ISSUED subscriptions, and the lines it holds asserted, which are deasserted. An
 * autonomous reset in progress completes as it would.
 */
void sim_reset_reset_agent(struct sim_platform *p, uint32_t agent_id);

/**
 * sim_sensor_reset_agent() - forget agent @agent_id's trip point and continuous update
 * subscriptions (lock held). Configurations (enable, interval, timestamps) and trip points are
 * the sensor's, shared by every agent: they stay.
 */
void sim_sensor_reset_agent(struct sim_platform *p, uint32_t agent_id);

/**
 * sim_system_reset_agent() - forget agent @agent_id's notifier subscription (lock held). The
 * system state (and the record of who last changed it) stays.
 */
void sim_system_reset_agent(struct sim_platform *p, uint32_t agent_id);

/**
 * sim_voltage_reset_agent() - forget what agent @agent_id asked of the voltage domains (lock
 * held): nothing is kept per agent, levels and modes are the rails' (last writer wins), so
 * they stay.
 */
void sim_voltage_reset_agent(struct sim_platform *p, uint32_t agent_id);

#endif /* SCMI_SIM_RESET_AGENT_H */
