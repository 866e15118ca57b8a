/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Clock (0x14) model of the simulated platform (binding: docs/binding/clock.md).
 *
 * Theory of operation. The DT describes a clock tree: fixed oscillators, PLLs
 * (a rate range or a discrete list, independent of their reference clock) and
 * dividers (rate = parent rate / divider, one or several selectable parents).
 * A divider marked set-rate-parent passes rate requests to its parent, so its
 * rates are the parent's. A parent always has a smaller id than its children,
 * which keeps the tree acyclic and lets one downward pass compute it.
 *
 * Rates are derived, not stored, below the PLLs: a parent's rate change is
 * seen at once by every child. A clock runs while it is always-on, any agent
 * votes for it (one vote bit per agent: an agent cannot take back another's
 * vote), or any child currently parented to it runs; so enabling a clock
 * enables its ancestors and a parent cannot stop under a running child.
 *
 * The functions sim_clock_model_*() are the contract with the other models
 * (perf drives cpu_little, cpu_big, gpu): they expect the platform lock held.
 */
#ifndef SCMI_SIM_CLOCK_H
#define SCMI_SIM_CLOCK_H

#include <stdbool.h>
#include <stdint.h>

#include "platform/sim/sim_reset_agent.h" /* sim_clock_reset_agent() */
#include "scmi/server/clock.h"

struct sim_platform;
struct sim_loader;

/* Bounds on what a DT may describe. */
#define SIM_CLOCK_MAX	      256u
#define SIM_CLOCK_MAX_PARENTS 64u
#define SIM_CLOCK_MAX_RATES   64u
#define SIM_CLOCK_MAX_DIV     256u

/** enum sim_clk_type - what a clock is. */
enum sim_clk_type {
	SIM_CLK_FIXED,	 /* oscillator: one rate */
	SIM_CLK_PLL,	 /* own rate from a range or a list */
	SIM_CLK_DIVIDER, /* parent rate / divider, parent selectable among several */
};

/**
 * struct sim_clk - one clock.
 * @name:            NUL-terminated name (<= 63 characters)
 * @node:            its DT node (load time only)
 * @type:            see enum sim_clk_type
 * @rate:            current rate (fixed, PLL)
 * @range:           PLL: a range (@min, @max, @step) rather than the list @rates
 * @min:             PLL range: lowest rate
 * @max:             PLL range: highest rate
 * @step:            PLL range: step (> 0, divides @max - @min)
 * @nrates:          PLL list: entries of @rates (ascending)
 * @rates:           PLL list: the rates
 * @nparents:        possible parents (PLL: 0 or 1; divider: >= 1)
 * @parents:         their ids (all smaller than this clock's id)
 * @parent:          index in @parents of the current parent
 * @div:             divider: current divider (1..@max_div)
 * @max_div:         divider: highest divider
 * @set_rate_parent: divider: a rate request goes to the parent (@max_div is 1)
 * @always_on:       runs whatever the votes
 * @latency_us:      enable latency reported to agents
 * @perms:           SCMI_CLOCK_PERM_* every agent has
 * @votes:           bit (agent id - 1): that agent enabled it
 * @notify:          per enum scmi_server_clock_notify, bit (agent id - 1): subscribed
 */
struct sim_clk {
	char name[SCMI_EXT_NAME_SIZE];
	int node;
	enum sim_clk_type type;
	uint64_t rate;
	bool range;
	uint64_t min;
	uint64_t max;
	uint64_t step;
	uint32_t nrates;
	uint64_t rates[SIM_CLOCK_MAX_RATES];
	uint32_t nparents;
	uint32_t parents[SIM_CLOCK_MAX_PARENTS];
	uint32_t parent;
	uint32_t div;
	uint32_t max_div;
	bool set_rate_parent;
	bool always_on;
	uint32_t latency_us;
	uint32_t perms;
	uint64_t votes;
	uint64_t notify[2];
};

/**
 * struct sim_clock - the clock model's state (p->clock).
 * @count: clocks
 * @clk:   clk[i] is clock id i
 */
struct sim_clock {
	uint32_t count;
	struct sim_clk *clk;
};

/** sim_clock_load() - parse protocol node @node (its protocol@14) into @ld->p. */
int sim_clock_load(struct sim_loader *ld, int node);

/** sim_clock_free() - free the model's state. */
void sim_clock_free(struct sim_platform *p);

/** sim_clock_ops - the server's clock ops over this model. */
extern const struct scmi_server_clock_ops sim_clock_ops;

/** sim_clock_model_id_by_node() - the clock described by DT node @node (load time only); -ENOENT.
 */
int sim_clock_model_id_by_node(struct sim_platform *p, int node, uint32_t *id);

/**
 * sim_clock_model_set_rate() - set clock @id's rate as the platform itself would (lock held):
 * to the closest supported rate, whatever the agents' permissions. -ENOENT for an unknown
 * clock, -ERANGE for a rate outside what it supports.
 */
int sim_clock_model_set_rate(struct sim_platform *p, uint32_t id, uint64_t hz);

/** sim_clock_model_get_rate() - clock @id's current rate (lock held). */
int sim_clock_model_get_rate(struct sim_platform *p, uint32_t id, uint64_t *hz);

/** sim_clock_model_is_on() - whether clock @id runs (lock held); false if unknown. */
bool sim_clock_model_is_on(struct sim_platform *p, uint32_t id);

/**
 * sim_clock_model_notify_subscribed() - whether agent @agent_id asked for notification
 * @kind of clock @id (lock held).
 */
bool sim_clock_model_notify_subscribed(struct sim_platform *p, uint32_t agent_id, uint32_t id,
				       enum scmi_server_clock_notify kind);

/* Model internals shared by sim_clock.c and sim_clock_load.c. */

/**
 * struct sim_clk_rateset - the rates a clock supports now.
 * @range: a range (@min..@max by @step) rather than @n discrete rates
 * @min:   range: lowest
 * @max:   range: highest
 * @step:  range: step
 * @n:     list: entries (read them with sim_clock_rate_at())
 * @src:   list: the clock whose list it is (itself, or the ancestor set-rate-parent leads to)
 */
struct sim_clk_rateset {
	bool range;
	uint64_t min;
	uint64_t max;
	uint64_t step;
	uint32_t n;
	uint32_t src;
};

/** sim_clock_rateset() - the rates clock @id supports now. */
void sim_clock_rateset(const struct sim_clock *c, uint32_t id, struct sim_clk_rateset *rs);

/** sim_clock_rate_at() - entry @i (< rs->n) of the discrete list @rs. */
uint64_t sim_clock_rate_at(const struct sim_clock *c, const struct sim_clk_rateset *rs, uint32_t i);

/** sim_clock_rate_divided() - divider @id's current rate, down the chain from its source. */
uint64_t sim_clock_rate_divided(const struct sim_clock *c, uint32_t id);

/**
 * sim_clock_rate() - clock @id's current rate. Inline: every CLOCK_RATE_GET asks it, and a
 * source clock (fixed or PLL) just has its rate.
 */
static inline uint64_t sim_clock_rate(const struct sim_clock *c, uint32_t id)
{
	return c->clk[id].type == SIM_CLK_DIVIDER ? sim_clock_rate_divided(c, id) : c->clk[id].rate;
}

/**
 * sim_clock_round() - round @hz to a rate of @rs as @round says, into @out.
 * 0, or -ERANGE when @hz is below the lowest or above the highest rate.
 */
int sim_clock_round(const struct sim_clock *c, const struct sim_clk_rateset *rs, uint64_t hz,
		    enum scmi_server_clock_round round, uint64_t *out);

/** sim_clock_apply_rate() - set clock @id to @hz, one of its supported rates; 0 or -ERANGE. */
int sim_clock_apply_rate(struct sim_clock *c, uint32_t id, uint64_t hz);

/** sim_clock_running() - fill @on[i] with whether clock i runs (@on has c->count entries). */
void sim_clock_running(const struct sim_clock *c, bool *on);

#endif /* SCMI_SIM_CLOCK_H */
