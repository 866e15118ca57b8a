/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Internals of the perf model, shared by its loader (sim_perf_load.c) and its
 * runtime (sim_perf.c).
 */
#ifndef SCMI_SIM_PERF_PRIV_H
#define SCMI_SIM_PERF_PRIV_H

#include <stdbool.h>
#include <stdint.h>

#include "platform/sim/sim_fastchannel.h"
#include "platform/sim/sim_perf.h"
#include "platform/sim/sim_platform_priv.h"

/**
 * struct sim_perf_opp - one operating point.
 * @level:      performance level
 * @freq_khz:   clock frequency, kHz
 * @power_mw:   power drawn at this point, mW
 * @latency_us: transition latency into it, microseconds
 * @uv:         supply voltage, microvolts
 */
struct sim_perf_opp {
	uint32_t level;
	uint32_t freq_khz;
	uint32_t power_mw;
	uint32_t latency_us;
	uint32_t uv;
};

/**
 * struct sim_perf_domain - one performance domain.
 * @node:           its DT node (load time only)
 * @name:           name, NUL-terminated (up to 63 characters)
 * @level_indexing: level-indexing mode (v4 agents)
 * @rate_limit_us:  reported rate limit
 * @sustained:      index of the sustained OPP
 * @initial:        index of the OPP it runs at before any agent asks
 * @num_opps:       entries of @opps, sorted by level, unique
 * @opps:           the OPP table
 * @has_clock:      a clock follows the level
 * @clock_id:       that clock (clock model id)
 * @has_voltage:    a voltage domain follows the level
 * @voltage_id:     that voltage domain (voltage model id)
 * @cur:            index of the OPP it runs at
 * @lim_min:        lower limit (a performance level)
 * @lim_max:        upper limit (a performance level)
 * @lim_agent:      agent that set the limits last (0: the boot limits, the whole OPP table)
 * @cap_mw:         power cap, 0 for none
 * @voted:          bitmap of agents (bit id - 1) with a request in @req
 * @req:            per agent (index id - 1), the level it asked for
 * @notify_limits:  bitmap of agents subscribed to limit changes
 * @notify_level:   bitmap of agents subscribed to level changes
 * @fastchannels:   agents with a fast-channel region have fast channels for the domain
 * @fc_level:       per agent, the LEVEL_SET value the platform last read
 * @fc_limits:      per agent, the LIMITS_SET values (max, min) the platform last read
 */
struct sim_perf_domain {
	int node;
	char name[SCMI_EXT_NAME_SIZE];
	bool level_indexing;
	uint32_t rate_limit_us;
	uint32_t sustained;
	uint32_t initial;
	uint32_t num_opps;
	struct sim_perf_opp opps[SIM_PERF_MAX_OPPS];
	bool has_clock;
	uint32_t clock_id;
	bool has_voltage;
	uint32_t voltage_id;
	uint32_t cur;
	uint32_t lim_min;
	uint32_t lim_max;
	uint32_t lim_agent;
	uint32_t cap_mw;
	uint64_t voted;
	uint32_t req[SIM_MAX_AGENTS];
	uint64_t notify_limits;
	uint64_t notify_level;
	bool fastchannels;
	uint32_t fc_level[SIM_MAX_AGENTS];
	uint32_t fc_limits[SIM_MAX_AGENTS][2];
};

/**
 * struct sim_perf - the perf model.
 * @num:        domains
 * @d:          domains, by id
 * @trace:      ring of the most recent DVFS steps
 * @trace_next: slot the next step goes to
 * @trace_len:  steps in the ring
 * @cause_agent: agent whose request is being carried out (0: the platform), for the
 *              agent_id of the notifications
 * @fc:         fast-channel region per agent (index id - 1; sim_fastchannel.h)
 * @fc_stats:   what the platform made of each agent's fast channels
 */
struct sim_perf {
	uint32_t num;
	struct sim_perf_domain d[SIM_PERF_MAX_DOMAINS];
	struct sim_perf_step trace[SIM_PERF_TRACE_LEN];
	uint32_t trace_next;
	uint32_t trace_len;
	uint32_t cause_agent;
	struct sim_fc_region fc[SIM_MAX_AGENTS];
	struct sim_fc_stats fc_stats[SIM_MAX_AGENTS];
};

/**
 * sim_perf_apply() - recompute the level domain @id should run at (votes, limits, cap) and
 * move it there (DVFS). 0, or -errno from the clock or voltage model (the domain is then left
 * where it was).
 */
int sim_perf_apply(struct sim_platform *p, uint32_t id);

/**
 * sim_perf_boot() - program domain @id's clock and voltage for its current OPP (voltage
 * first), as boot firmware would (load time). 0 or -errno.
 */
int sim_perf_boot(struct sim_platform *p, uint32_t id);

/**
 * sim_perf_fc_pass() - SIM_FC_APPLY: carry out what agent @agent_id wrote into its perf SET
 * channels in @mem (its region; with a @doorbell only when @rung); SIM_FC_PUBLISH: write the
 * current level and limits into its GET channels (lock held).
 */
void sim_perf_fc_pass(struct sim_platform *p, uint32_t agent_id, uint8_t *mem,
		      enum sim_fc_phase phase, bool doorbell, bool rung);

#endif /* SCMI_SIM_PERF_PRIV_H */
