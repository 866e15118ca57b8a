/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Power domain protocol (0x11): what the server asks of the platform.
 *
 * Every op returns an SCMI status (enum scmi_status): the platform decides
 * NOT_FOUND, INVALID_PARAMETERS, DENIED and the like, the server only shapes
 * the message. Domain ids are checked by the platform: every op given a domain
 * id answers NOT_FOUND, before any other status, for one the agent does not see
 * (count() bounds them; the server asks it only to report it, and to tell
 * NOT_FOUND apart when it refuses a request itself).
 */
#ifndef SCMI_SERVER_POWER_H
#define SCMI_SERVER_POWER_H

#include <stdbool.h>
#include <stdint.h>

#include "scmi/proto/power.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Room for a name: the extended name's field, at most 63 characters and a NUL. */
#define SCMI_SERVER_POWER_NAME_SIZE ((uint32_t)SCMI_EXT_NAME_SIZE)

/**
 * struct scmi_server_power_domain - what the server reports about one domain.
 * @name:       NUL-terminated, zero-padded name (the short name is its first 15 characters)
 * @notify:     state-change notifications can be subscribed
 * @req_notify: state-change-requested notifications can be subscribed
 */
struct scmi_server_power_domain {
	char name[SCMI_SERVER_POWER_NAME_SIZE];
	bool notify;
	bool req_notify;
};

/**
 * struct scmi_server_power_ops - Power domain resources of the platform.
 * @count:     domains visible to @agent_id (ids 0..count-1)
 * @domain:    describe domain @id into @out; NOT_FOUND for an unknown id
 * @state_set: set domain @id to @state on behalf of @agent_id
 * @state_get: current state of domain @id
 * @notify:    record (@enable) or drop the subscription of @agent_id to event @event
 *             (SCMI_EVT_POWER_*, proto/power.h) of domain @id
 */
struct scmi_server_power_ops {
	uint32_t (*count)(void *plat, uint32_t agent_id);
	int32_t (*domain)(void *plat, uint32_t agent_id, uint32_t id,
			  struct scmi_server_power_domain *out);
	int32_t (*state_set)(void *plat, uint32_t agent_id, uint32_t id, uint32_t state);
	int32_t (*state_get)(void *plat, uint32_t agent_id, uint32_t id, uint32_t *state);
	int32_t (*notify)(void *plat, uint32_t agent_id, uint32_t id, uint32_t event, bool enable);
};

#ifdef __cplusplus
}
#endif

#endif /* SCMI_SERVER_POWER_H */
