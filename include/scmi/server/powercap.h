/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Powercap protocol (0x18): what the server asks of the platform.
 *
 * The server validates every request (the zone, by asking info() for it; flags,
 * ranges, steps, the version in force) against what info() describes before it
 * calls a setter, so a platform's
 * setters only apply values already known to be acceptable. Every op returns an
 * enum scmi_status (SCMI_SUCCESS or a negative status).
 */
#ifndef SCMI_SERVER_POWERCAP_H
#define SCMI_SERVER_POWERCAP_H

#include <stdbool.h>
#include <stdint.h>

#include "scmi/proto/powercap.h"
#include "scmi/server/perf.h" /* struct scmi_server_fastchannel */

#ifdef __cplusplus
extern "C" {
#endif

/**
 * struct scmi_server_powercap_info - what DOMAIN_ATTRIBUTES says about a zone.
 * @name:        NUL-terminated name, up to 63 characters
 * @cap_notify:  cap-change notifications supported
 * @meas_notify: measurement-change notifications supported
 * @measurement: power monitoring (MEASUREMENTS_GET) supported
 * @cap_config:  the cap can be set (min_cap != max_cap)
 * @pai_config:  the averaging interval can be set (min_pai != max_pai)
 * @unit:        enum scmi_powercap_unit (proto/powercap.h)
 * @min_pai:     shortest power averaging interval, us
 * @max_pai:     longest, us
 * @pai_step:    PAI granularity, us
 * @min_cap:     lowest cap, in @unit
 * @max_cap:     highest cap
 * @cap_step:    cap granularity
 * @sustainable: sustainable power, in @unit
 * @accuracy:    measurement accuracy, 0.001 % units
 * @parent_id:   the enclosing zone, or SCMI_POWERCAP_ROOT
 * @fastchannels: the agent has fast channels for this zone (struct
 *              scmi_server_powercap_ops.fastchannel describes them)
 */
struct scmi_server_powercap_info {
	char name[SCMI_EXT_NAME_SIZE];
	bool cap_notify;
	bool meas_notify;
	bool measurement;
	bool cap_config;
	bool pai_config;
	uint32_t unit;
	uint32_t min_pai;
	uint32_t max_pai;
	uint32_t pai_step;
	uint32_t min_cap;
	uint32_t max_cap;
	uint32_t cap_step;
	uint32_t sustainable;
	uint32_t accuracy;
	uint32_t parent_id;
	bool fastchannels;
};

/**
 * struct scmi_server_powercap_ops - Powercap zones of the platform.
 * @count:   zones visible to @agent_id (ids 0..count-1)
 * @info:    describe zone @id; NOT_FOUND for a zone the agent does not see (asked first for
 *           every message on a zone: @count is not)
 * @cap_get: current cap of @id; 0 when capping is disabled
 * @cap_set: set the cap of @id (validated); 0 disables capping
 * @pai_get: current averaging interval of @id, us
 * @pai_set: set it (validated)
 * @measure: average power of @id over the last interval, and that interval
 * @notify:  record @agent_id's subscription to @event (SCMI_EVT_POWERCAP_*) of @id
 *           (thresholds for measurement events, validated: low <= high)
 * @fastchannel: the fast channel of message @msg_id (CAP_SET/GET, PAI_SET/GET) on zone @id
 *           for @agent_id: SUCCESS, NOT_FOUND (zone) or NOT_SUPPORTED (none). NULL: none at all
 */
struct scmi_server_powercap_ops {
	uint32_t (*count)(void *plat, uint32_t agent_id);
	int32_t (*info)(void *plat, uint32_t agent_id, uint32_t id,
			struct scmi_server_powercap_info *info);
	int32_t (*cap_get)(void *plat, uint32_t agent_id, uint32_t id, uint32_t *cap);
	int32_t (*cap_set)(void *plat, uint32_t agent_id, uint32_t id, uint32_t cap);
	int32_t (*pai_get)(void *plat, uint32_t agent_id, uint32_t id, uint32_t *pai);
	int32_t (*pai_set)(void *plat, uint32_t agent_id, uint32_t id, uint32_t pai);
	int32_t (*measure)(void *plat, uint32_t agent_id, uint32_t id, uint32_t *power,
			   uint32_t *pai);
	int32_t (*notify)(void *plat, uint32_t agent_id, uint32_t id, uint32_t event, bool enable,
			  uint32_t low, uint32_t high);
	int32_t (*fastchannel)(void *plat, uint32_t agent_id, uint32_t id, uint32_t msg_id,
			       struct scmi_server_fastchannel *out);
};

#ifdef __cplusplus
}
#endif

#endif /* SCMI_SERVER_POWERCAP_H */
