/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Clock protocol (0x14): what the server asks of the platform.
 *
 * Every op gets the agent id, so that a platform can keep per-agent state
 * (enable votes, notification subscriptions) and per-agent permissions. Ops
 * that can fail return an SCMI status (enum scmi_status): the server passes it
 * on unchanged. Every op given a clock id answers NOT_FOUND for an id the agent
 * does not see, before any other status: the server does not ask @count first
 * (only to report it, and to tell NOT_FOUND apart when it refuses a request
 * itself).
 */
#ifndef SCMI_SERVER_CLOCK_H
#define SCMI_SERVER_CLOCK_H

#include <stdbool.h>
#include <stdint.h>

#include "scmi/proto/clock.h"

#ifdef __cplusplus
extern "C" {
#endif

/** enum scmi_server_clock_round - how CLOCK_RATE_SET rounds to a supported rate. */
enum scmi_server_clock_round {
	SCMI_SERVER_CLOCK_ROUND_DOWN = 0,
	SCMI_SERVER_CLOCK_ROUND_UP = 1,
	SCMI_SERVER_CLOCK_ROUND_CLOSEST = 2,
};

/** enum scmi_server_clock_notify - the two notifications an agent may subscribe to. */
enum scmi_server_clock_notify {
	SCMI_SERVER_CLOCK_NOTIFY_RATE_CHANGED = 0,
	SCMI_SERVER_CLOCK_NOTIFY_RATE_CHANGE_REQUESTED = 1,
};

/**
 * struct scmi_server_clock_info - what CLOCK_ATTRIBUTES / CLOCK_NAME_GET report.
 * @name:              NUL-terminated name, at most 63 characters
 * @enabled:           the clock runs
 * @enable_latency_us: worst-case enable delay in microseconds (0: unknown)
 * @num_parents:       clocks it may be parented to (0: a root clock)
 * @permissions:       SCMI_CLOCK_PERM_* (proto/clock.h) the agent has on it
 */
struct scmi_server_clock_info {
	char name[SCMI_EXT_NAME_SIZE];
	bool enabled;
	uint32_t enable_latency_us;
	uint32_t num_parents;
	uint32_t permissions;
};

/**
 * struct scmi_server_clock_rates - the rates a clock supports now.
 * @range: true: every rate min + k * step up to max; false: a discrete list
 * @min:   lowest rate (range)
 * @max:   highest rate (range)
 * @step:  step between rates (range, > 0)
 * @count: entries of the discrete list
 */
struct scmi_server_clock_rates {
	bool range;
	uint64_t min;
	uint64_t max;
	uint64_t step;
	uint32_t count;
};

/**
 * struct scmi_server_clock_ops - Clock resources of the platform.
 * @count:       clocks visible to @agent_id (ids 0..count-1), for PROTOCOL_ATTRIBUTES and
 *               refusals; not asked before the other ops
 * @info:        attributes of clock @id
 * @describe:    its supported rates in @r; for a discrete list also entries
 *               [@first, @first + @max) in ascending order into @rates (fewer at the end)
 * @rate_get:    its current rate
 * @rate_set:    round @hz as @round says, OUT_OF_RANGE outside the supported rates
 * @state_set:   @agent_id's vote for the clock to run (@enable) or not
 * @parents:     total possible parents in @total, entries [@skip, @skip + @max) into @ids
 * @parent_set:  select parent @parent_id
 * @parent_get:  the current parent
 * @notify:      record @agent_id's subscription to @kind for clock @id
 */
struct scmi_server_clock_ops {
	uint32_t (*count)(void *plat, uint32_t agent_id);
	int32_t (*info)(void *plat, uint32_t agent_id, uint32_t id,
			struct scmi_server_clock_info *info);
	int32_t (*describe)(void *plat, uint32_t agent_id, uint32_t id, uint32_t first,
			    uint64_t *rates, uint32_t max, struct scmi_server_clock_rates *r);
	int32_t (*rate_get)(void *plat, uint32_t agent_id, uint32_t id, uint64_t *hz);
	int32_t (*rate_set)(void *plat, uint32_t agent_id, uint32_t id, uint64_t hz,
			    enum scmi_server_clock_round round);
	int32_t (*state_set)(void *plat, uint32_t agent_id, uint32_t id, bool enable);
	int32_t (*parents)(void *plat, uint32_t agent_id, uint32_t id, uint32_t skip, uint32_t *ids,
			   uint32_t max, uint32_t *total);
	int32_t (*parent_set)(void *plat, uint32_t agent_id, uint32_t id, uint32_t parent_id);
	int32_t (*parent_get)(void *plat, uint32_t agent_id, uint32_t id, uint32_t *parent_id);
	int32_t (*notify)(void *plat, uint32_t agent_id, uint32_t id,
			  enum scmi_server_clock_notify kind, bool enable);
};

#ifdef __cplusplus
}
#endif

#endif /* SCMI_SERVER_CLOCK_H */
