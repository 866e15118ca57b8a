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

#include "scmi/proto/voltage.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * struct scmi_server_voltage_info - what the platform says about one domain.
 * @name:       short name, NUL-padded
 * @ext_name:   full name (NUL-terminated, may equal @name)
 * @segmented:  levels are (min, max, step) rather than a list
 * @num_levels: levels in the list (3 for a segment); a page of DESCRIBE_LEVELS after which
 *              more than SCMI_VOLTAGE_LEVELS_REMAINING_MAX remain is GENERIC_ERROR
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
 * @info:       describe domain @id; returns an SCMI status, NOT_FOUND for an id the agent
 *              does not see (the server asks it first for every message on a domain, and
 *              @count only for PROTOCOL_ATTRIBUTES)
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

#ifdef __cplusplus
}
#endif

#endif /* SCMI_SERVER_VOLTAGE_H */
