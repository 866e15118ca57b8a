/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Power domain protocol (0x11) client, up to version 3.1.
 *
 * Open a struct scmi_power once per agent: it reads the platform's version
 * and, as Linux does, negotiates down to 3.1 when the platform is newer
 * (carrying on at 3.1 if it refuses), or keeps the platform's older version
 * and then never sends what that version lacks (POWER_DOMAIN_NAME_GET below
 * 3.0 is -EOPNOTSUPP without a message). Every reply is length-checked: a
 * short one is -EPROTO.
 */
#ifndef SCMI_POWER_H
#define SCMI_POWER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "proto/power.h"
#include "scmi.h"

#ifdef __cplusplus
extern "C" {
#endif

/** The newest version this client speaks. */
#define SCMI_POWER_VERSION_SUPPORTED SCMI_POWER_VERSION_3_1

/* Room for an extended name (63 characters and a NUL). */
#define SCMI_POWER_NAME_SIZE ((uint32_t)SCMI_EXT_NAME_SIZE)

/**
 * struct scmi_power - the protocol as this agent uses it.
 * @agent:       the agent
 * @version:     version in force (negotiated, or the platform's if older)
 * @platform_version: what the platform reported first
 * @num_domains: domains (PROTOCOL_ATTRIBUTES)
 * @stats_addr:  statistics shared memory address (0: none)
 * @stats_size:  its size
 */
struct scmi_power {
	struct scmi_agent *agent;
	uint32_t version;
	uint32_t platform_version;
	uint32_t num_domains;
	uint64_t stats_addr;
	uint32_t stats_size;
};

/**
 * struct scmi_power_domain - POWER_DOMAIN_ATTRIBUTES of one domain.
 * @id:         domain id
 * @attributes: the raw attributes word
 * @notify:     state-change notifications supported
 * @async:      asynchronous POWER_STATE_SET supported
 * @sync:       synchronous POWER_STATE_SET supported
 * @req_notify: state-change-requested notifications supported
 * @ext_name:   the name comes from POWER_DOMAIN_NAME_GET (3.0 on)
 * @name:       the name (extended when @ext_name and the message succeeded)
 */
struct scmi_power_domain {
	uint32_t id;
	uint32_t attributes;
	bool notify;
	bool async;
	bool sync;
	bool req_notify;
	bool ext_name;
	char name[SCMI_POWER_NAME_SIZE];
};

/**
 * scmi_power_open() - read version and attributes of the protocol into @pw,
 * negotiating as described above. -EPROTO for a malformed reply, -errno.
 */
int scmi_power_open(struct scmi_agent *agent, struct scmi_power *pw);

/**
 * scmi_power_domain_attributes() - POWER_DOMAIN_ATTRIBUTES of @id into @out, then the
 * extended name when the domain has one (an error there keeps the short name, as Linux).
 */
int scmi_power_domain_attributes(struct scmi_power *pw, uint32_t id, struct scmi_power_domain *out);

/**
 * scmi_power_domain_name_get() - POWER_DOMAIN_NAME_GET of @id into @name (always
 * NUL-terminated). -EOPNOTSUPP below version 3.0, without sending.
 */
int scmi_power_domain_name_get(struct scmi_power *pw, uint32_t id, char name[SCMI_POWER_NAME_SIZE]);

/**
 * scmi_power_list() - the attributes of every domain, 0..num_domains-1, into @out
 * (at most @max); @count gets the number stored.
 */
int scmi_power_list(struct scmi_power *pw, struct scmi_power_domain *out, size_t max,
		    size_t *count);

/** scmi_power_state_set() - POWER_STATE_SET of @id to @state; @async sets flags bit 0. */
int scmi_power_state_set(struct scmi_power *pw, uint32_t id, uint32_t state, bool async);

/** scmi_power_state_get() - POWER_STATE_GET of @id. */
int scmi_power_state_get(struct scmi_power *pw, uint32_t id, uint32_t *state);

/** scmi_power_state_notify() - POWER_STATE_NOTIFY: (un)subscribe to state changes of @id. */
int scmi_power_state_notify(struct scmi_power *pw, uint32_t id, bool enable);

/**
 * scmi_power_state_change_requested_notify() - POWER_STATE_CHANGE_REQUESTED_NOTIFY:
 * (un)subscribe to state-change requests of @id.
 */
int scmi_power_state_change_requested_notify(struct scmi_power *pw, uint32_t id, bool enable);

/**
 * scmi_power_state_name() - "on", "off", or "ret:0x<id>"/"off:0x<id>" for other states,
 * into @buf (16 bytes suffice). Returns @buf.
 */
char *scmi_power_state_name(uint32_t state, char *buf, size_t len);

/**
 * scmi_power_state_parse() - "on", "off" or a number (decimal or 0x hex) into @state.
 * Returns 0 or -EINVAL.
 */
int scmi_power_state_parse(const char *s, uint32_t *state);

#ifdef __cplusplus
}
#endif

#endif /* SCMI_POWER_H */
