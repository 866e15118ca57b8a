/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Power domain protocol (0x11): what the server asks of the platform.
 *
 * Every op returns an SCMI status (enum scmi_status): the platform decides
 * NOT_FOUND, INVALID_PARAMETERS, DENIED and the like, the server only shapes
 * the message. Domain ids are checked by the platform (count() bounds them).
 */
#ifndef SCMI_SERVER_POWER_H
#define SCMI_SERVER_POWER_H

#include <stdbool.h>
#include <stdint.h>

/* Power state word (scmi_protocol.h): bit 30 = context lost ("off-like"), [27:0] state id. */
#define SCMI_POWER_STATE_ON	   0x00000000u
#define SCMI_POWER_STATE_OFF	   0x40000000u
#define SCMI_POWER_STATE_TYPE_LOST 0x40000000u
#define SCMI_POWER_STATE_ID_MASK   0x0fffffffu

/* POWER_DOMAIN_ATTRIBUTES bits. */
#define SCMI_POWER_ATTR_NOTIFY	   (1u << 31)
#define SCMI_POWER_ATTR_ASYNC	   (1u << 30)
#define SCMI_POWER_ATTR_SYNC	   (1u << 29)
#define SCMI_POWER_ATTR_REQ_NOTIFY (1u << 28)
#define SCMI_POWER_ATTR_EXT_NAME   (1u << 27)

/* Notification (event) ids, also the index of a subscription. */
#define SCMI_POWER_EVENT_STATE_CHANGED		0u
#define SCMI_POWER_EVENT_STATE_CHANGE_REQUESTED 1u

/* Extended names are at most 63 characters and a NUL. */
#define SCMI_SERVER_POWER_NAME_SIZE 64u

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
 *             (SCMI_POWER_EVENT_*) of domain @id
 */
struct scmi_server_power_ops {
	uint32_t (*count)(void *plat, uint32_t agent_id);
	int32_t (*domain)(void *plat, uint32_t agent_id, uint32_t id,
			  struct scmi_server_power_domain *out);
	int32_t (*state_set)(void *plat, uint32_t agent_id, uint32_t id, uint32_t state);
	int32_t (*state_get)(void *plat, uint32_t agent_id, uint32_t id, uint32_t *state);
	int32_t (*notify)(void *plat, uint32_t agent_id, uint32_t id, uint32_t event, bool enable);
};

#endif /* SCMI_SERVER_POWER_H */
