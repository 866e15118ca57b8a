/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * libscmi: Clock protocol (0x14) client, versions 1.0 to 3.0.
 *
 * Open a struct scmi_clock once with scmi_clock_init(): it reads the platform's
 * version, negotiates down to 3.0 when the platform is newer (as Linux does),
 * and from then on lays every message out for the version in force and refuses
 * (-EOPNOTSUPP, nothing sent) the messages that version lacks.
 *
 * Errors are negative errno (see scmi.h); a malformed reply is -EPROTO.
 */
#ifndef SCMI_CLOCK_H
#define SCMI_CLOCK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "proto/clock.h"
#include "scmi.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The newest version this client speaks. */
#define SCMI_CLOCK_VERSION SCMI_CLOCK_VERSION_3_0

/** Room for a clock name: 64 bytes on the wire plus a NUL. */
#define SCMI_CLOCK_NAME_BUF (SCMI_EXT_NAME_SIZE + 1)

/** enum scmi_clock_round - how CLOCK_RATE_SET rounds to a supported rate. */
enum scmi_clock_round {
	SCMI_CLOCK_ROUND_DOWN = 0,    /* the highest rate <= the request */
	SCMI_CLOCK_ROUND_UP = 1,      /* the lowest rate >= the request */
	SCMI_CLOCK_ROUND_CLOSEST = 2, /* whichever is closer ("auto") */
};

/**
 * struct scmi_clock - the clock protocol as one agent sees it.
 * @agent:      the agent
 * @version:    version in force (the platform's, or 3.0 after negotiating down)
 * @platform_version: version the platform reported first
 * @num_clocks: clocks (PROTOCOL_ATTRIBUTES)
 * @max_async:  asynchronous RATE_SETs the platform accepts in flight
 */
struct scmi_clock {
	struct scmi_agent *agent;
	uint32_t version;
	uint32_t platform_version;
	uint32_t num_clocks;
	uint32_t max_async;
};

/**
 * struct scmi_clock_info - a clock's attributes.
 * @name:              NUL-terminated name (the extended name when the platform has one)
 * @attributes:        raw CLOCK_ATTRIBUTES word (SCMI_CLOCK_ATTR_*)
 * @enabled:           the clock runs
 * @enable_latency_us: enable latency (0: unknown, or a version 1.0 platform)
 */
struct scmi_clock_info {
	char name[SCMI_CLOCK_NAME_BUF];
	uint32_t attributes;
	bool enabled;
	uint32_t enable_latency_us;
};

/**
 * struct scmi_clock_rates - what CLOCK_DESCRIBE_RATES says.
 * @range: true: @min..@max by @step; false: a list of @count rates
 * @min:   range: lowest
 * @max:   range: highest
 * @step:  range: step
 * @count: list: rates the platform listed (all of them, even beyond the caller's room)
 */
struct scmi_clock_rates {
	bool range;
	uint64_t min;
	uint64_t max;
	uint64_t step;
	size_t count;
};

/**
 * scmi_clock_init() - bind @clk to @agent: PROTOCOL_VERSION (negotiating down to 3.0 if
 * the platform is newer), then PROTOCOL_ATTRIBUTES.
 */
int scmi_clock_init(struct scmi_agent *agent, struct scmi_clock *clk);

/** scmi_clock_attributes() - CLOCK_ATTRIBUTES of @id, then CLOCK_NAME_GET if it has one. */
int scmi_clock_attributes(struct scmi_clock *clk, uint32_t id, struct scmi_clock_info *info);

/** scmi_clock_name_get() - CLOCK_NAME_GET (2.0+): the extended name into @name. */
int scmi_clock_name_get(struct scmi_clock *clk, uint32_t id, char name[SCMI_CLOCK_NAME_BUF]);

/**
 * scmi_clock_describe_rates() - CLOCK_DESCRIBE_RATES of @id, every page: a range, or the
 * list (the first @max rates into @rates, the total in @r->count). @rates may be NULL
 * when @max is 0. -EPROTO for a malformed page, a list that changes kind, or no end.
 */
int scmi_clock_describe_rates(struct scmi_clock *clk, uint32_t id, struct scmi_clock_rates *r,
			      uint64_t *rates, size_t max);

/** scmi_clock_rate_get() - CLOCK_RATE_GET. */
int scmi_clock_rate_get(struct scmi_clock *clk, uint32_t id, uint64_t *hz);

/** scmi_clock_rate_set() - CLOCK_RATE_SET, synchronous, rounding as @round says. */
int scmi_clock_rate_set(struct scmi_clock *clk, uint32_t id, uint64_t hz,
			enum scmi_clock_round round);

/**
 * scmi_clock_enable() - CLOCK_CONFIG_SET: this agent's vote for @id to run (@enable) or not.
 * Laid out as the version in force wants (two words before 3.0, three from 3.0).
 */
int scmi_clock_enable(struct scmi_clock *clk, uint32_t id, bool enable);

/**
 * scmi_clock_state_get() - whether @id runs: CLOCK_CONFIG_GET from 3.0, the enabled bit
 * of CLOCK_ATTRIBUTES before.
 */
int scmi_clock_state_get(struct scmi_clock *clk, uint32_t id, bool *enabled);

/** scmi_clock_config_get() - CLOCK_CONFIG_GET (3.0+) with OEM type 0: the raw config word. */
int scmi_clock_config_get(struct scmi_clock *clk, uint32_t id, uint32_t *config);

/** scmi_clock_rate_notify() - CLOCK_RATE_NOTIFY (2.0+): subscribe (@enable) or not. */
int scmi_clock_rate_notify(struct scmi_clock *clk, uint32_t id, bool enable);

/** scmi_clock_rate_req_notify() - CLOCK_RATE_CHANGE_REQUESTED_NOTIFY (2.0+). */
int scmi_clock_rate_req_notify(struct scmi_clock *clk, uint32_t id, bool enable);

/**
 * scmi_clock_possible_parents() - CLOCK_POSSIBLE_PARENTS_GET (3.0+), every page: the first
 * @max parent ids into @ids, the total into @count.
 */
int scmi_clock_possible_parents(struct scmi_clock *clk, uint32_t id, uint32_t *ids, size_t max,
				size_t *count);

/** scmi_clock_parent_set() - CLOCK_PARENT_SET (3.0+). */
int scmi_clock_parent_set(struct scmi_clock *clk, uint32_t id, uint32_t parent);

/** scmi_clock_parent_get() - CLOCK_PARENT_GET (3.0+). */
int scmi_clock_parent_get(struct scmi_clock *clk, uint32_t id, uint32_t *parent);

/** scmi_clock_get_permissions() - CLOCK_GET_PERMISSIONS (3.0+): SCMI_CLOCK_PERM_* bits. */
int scmi_clock_get_permissions(struct scmi_clock *clk, uint32_t id, uint32_t *perms);

#ifdef __cplusplus
}
#endif

#endif /* SCMI_CLOCK_H */
