/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Voltage domain protocol (0x17): what the server asks of the platform.
 *
 * A domain's levels are either a discrete ascending list or a segment
 * (min, max, step); the server pages the list itself through @level_at and
 * checks a requested level against it before @level_set, so the platform only
 * stores and applies. Levels are signed microvolts. Level changes complete
 * synchronously (no platform-to-agent channel over OP-TEE).
 */
#ifndef SCMI_SERVER_VOLTAGE_H
#define SCMI_SERVER_VOLTAGE_H

#include <stdbool.h>
#include <stdint.h>

#include "scmi/proto/ids.h"

/* Message ids of the Voltage domain protocol. */
#define SCMI_VOLTAGE_DOMAIN_ATTRIBUTES 0x3
#define SCMI_VOLTAGE_DESCRIBE_LEVELS   0x4
#define SCMI_VOLTAGE_CONFIG_SET	       0x5
#define SCMI_VOLTAGE_CONFIG_GET	       0x6
#define SCMI_VOLTAGE_LEVEL_SET	       0x7
#define SCMI_VOLTAGE_LEVEL_GET	       0x8
#define SCMI_VOLTAGE_DOMAIN_NAME_GET   0x9

/* VOLTAGE_DOMAIN_ATTRIBUTES attribute bits. */
#define SCMI_VOLTAGE_ATTR_ASYNC	   (1u << 31)
#define SCMI_VOLTAGE_ATTR_EXT_NAME (1u << 30)

/* DESCRIBE_LEVELS flags: returned [11:0], segmented bit 12, remaining [31:16]. */
#define SCMI_VOLTAGE_LEVELS_RETURNED_MASK   0xfffu
#define SCMI_VOLTAGE_LEVELS_SEGMENTED	    (1u << 12)
#define SCMI_VOLTAGE_LEVELS_REMAINING_SHIFT 16
#define SCMI_VOLTAGE_LEVELS_MAX		    0xffffu

/* Config: bit 3 = IMPLEMENTATION defined mode, bits [2:0] its id; architectural 0 off, 7 on. */
#define SCMI_VOLTAGE_CONFIG_MASK 0xfu
#define SCMI_VOLTAGE_CONFIG_IMPL (1u << 3)
#define SCMI_VOLTAGE_CONFIG_OFF	 0x0u
#define SCMI_VOLTAGE_CONFIG_ON	 0x7u

/* LEVEL_SET flags: bit 0 asynchronous. */
#define SCMI_VOLTAGE_LEVEL_SET_ASYNC (1u << 0)

/**
 * struct scmi_server_voltage_info - what the platform says about one domain.
 * @name:       short name, NUL-padded
 * @ext_name:   full name (NUL-terminated, may equal @name)
 * @segmented:  levels are (min, max, step) rather than a list
 * @num_levels: levels in the list (3 for a segment); at most SCMI_VOLTAGE_LEVELS_MAX
 */
struct scmi_server_voltage_info {
	char name[SCMI_SHORT_NAME_SIZE];
	char ext_name[SCMI_EXT_NAME_SIZE];
	bool segmented;
	uint32_t num_levels;
};

/**
 * struct scmi_server_voltage_ops - Voltage domain resources of the platform.
 * @count:      domains visible to @agent_id (ids 0..count-1)
 * @info:       describe domain @id (< count); returns an SCMI status
 * @level_at:   level @index (< num_levels) of domain @id in µV (for a segment:
 *              0 min, 1 max, 2 step); returns an SCMI status
 * @config_set: set the mode (@config already checked to be 4 bits, not a reserved
 *              architectural value); INVALID_PARAMETERS for a mode the domain lacks
 * @config_get: the current mode
 * @level_set:  set the level (already checked to be one of the domain's levels)
 * @level_get:  the level in µV
 */
struct scmi_server_voltage_ops {
	uint32_t (*count)(void *plat, uint32_t agent_id);
	int32_t (*info)(void *plat, uint32_t agent_id, uint32_t id,
			struct scmi_server_voltage_info *info);
	int32_t (*level_at)(void *plat, uint32_t agent_id, uint32_t id, uint32_t index,
			    int32_t *uv);
	int32_t (*config_set)(void *plat, uint32_t agent_id, uint32_t id, uint32_t config);
	int32_t (*config_get)(void *plat, uint32_t agent_id, uint32_t id, uint32_t *config);
	int32_t (*level_set)(void *plat, uint32_t agent_id, uint32_t id, int32_t uv);
	int32_t (*level_get)(void *plat, uint32_t agent_id, uint32_t id, int32_t *uv);
};

#endif /* SCMI_SERVER_VOLTAGE_H */
