/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Performance domain (0x13) model of the simulated platform (binding:
 * docs/binding/perf.md). Each domain has an OPP table and drives a clock and
 * a voltage domain: a level change is DVFS, voltage first when going up and
 * frequency first when going down. The level a domain runs at is the highest
 * level any agent asked for, within the limits, within the power cap.
 *
 * The sim_perf_model_*() functions are the model's contract with the rest of
 * the platform (sensors, powercap): keep their signatures. They expect the
 * platform lock held.
 */
#ifndef SCMI_SIM_PERF_H
#define SCMI_SIM_PERF_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "platform/sim/sim_reset_agent.h" /* sim_perf_reset_agent() */
#include "scmi/server/perf.h"

struct sim_platform;
struct sim_loader;

/* Bounds the binding enforces. */
#define SIM_PERF_MAX_DOMAINS 16u
#define SIM_PERF_MAX_OPPS    64u
/* Steps the DVFS trace keeps (the most recent ones). */
#define SIM_PERF_TRACE_LEN 32u

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

/** sim_perf_model_num_domains() - domains the model has (0 without a perf protocol; lock held). */
uint32_t sim_perf_model_num_domains(struct sim_platform *p);

/**
 * sim_perf_model_level() - the performance level domain @id runs at and its frequency in kHz
 * (either may be NULL; lock held). -ENOENT for an unknown domain.
 */
int sim_perf_model_level(struct sim_platform *p, uint32_t id, uint32_t *level, uint32_t *freq_khz);

/**
 * sim_perf_model_clock_moved() - agent @agent_id changed the rate of clock @clock_id directly
 * (CLOCK_RATE_SET or CLOCK_PARENT_SET, on it or on a clock it derives from), from @before_hz
 * (lock held). A perf domain that drives the clock takes it as that agent's request for the
 * lowest OPP whose frequency covers the new rate, runs at what all requests, limits and the
 * cap then give, with that OPP's voltage, and reports that level; the clock keeps the new
 * rate when that OPP is the one asked for, else runs at the OPP's frequency. 0 (also when no
 * domain drives the clock), or -errno when the voltage or the clock refused (both are then
 * back where they were).
 */
int sim_perf_model_clock_moved(struct sim_platform *p, uint32_t clock_id, uint32_t agent_id,
			       uint64_t before_hz);

/** enum sim_perf_step_kind - what one DVFS step moved. */
enum sim_perf_step_kind {
	SIM_PERF_STEP_VOLTAGE = 1,
	SIM_PERF_STEP_CLOCK = 2,
};

/**
 * struct sim_perf_step - one call the DVFS made to another model.
 * @domain: perf domain
 * @kind:   voltage or clock
 * @value:  microvolts or hertz asked for
 * @ret:    what the other model answered (0, -ENOENT when it is not there, ...)
 */
struct sim_perf_step {
	uint32_t domain;
	enum sim_perf_step_kind kind;
	uint64_t value;
	int ret;
};

/**
 * sim_perf_model_trace() - copy the most recent DVFS steps, oldest first, at most @max of
 * them, into @steps, and return how many; @clear forgets them (lock held). For tests that
 * check the order of voltage and clock changes.
 */
size_t sim_perf_model_trace(struct sim_platform *p, struct sim_perf_step *steps, size_t max,
			    bool clear);

#endif /* SCMI_SIM_PERF_H */
