/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * System power protocol (0x12) client, up to version 2.1.
 *
 * Open a struct scmi_system once per agent (version read, negotiated down to
 * 2.1 if the platform is newer). The notifier parser takes the layout of the
 * version in force: 12 bytes up to 1.x, 16 from 2.0 (timeout added).
 */
#ifndef SCMI_SYSTEM_H
#define SCMI_SYSTEM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "proto/system.h"
#include "scmi.h"

#ifdef __cplusplus
extern "C" {
#endif

/** The newest version this client speaks. */
#define SCMI_SYSTEM_VERSION_SUPPORTED SCMI_SYSTEM_VERSION_2_1

/* The system_state values are enum scmi_system_state (proto/system.h). */

/**
 * struct scmi_system - the protocol as this agent uses it.
 * @agent:            the agent
 * @version:          version in force
 * @platform_version: what the platform reported first
 */
struct scmi_system {
	struct scmi_agent *agent;
	uint32_t version;
	uint32_t platform_version;
};

/**
 * struct scmi_system_notifier - a SYSTEM_POWER_STATE_NOTIFIER payload.
 * @agent_id:    agent that caused it
 * @graceful:    flags bit 0
 * @state:       system_state
 * @has_timeout: the payload has a timeout field (2.0 on)
 * @timeout:     its value (meaningful for a graceful shutdown, as Linux reads it)
 */
struct scmi_system_notifier {
	uint32_t agent_id;
	bool graceful;
	uint32_t state;
	bool has_timeout;
	uint32_t timeout;
};

/** scmi_system_open() - read (and negotiate) the version into @sys. */
int scmi_system_open(struct scmi_agent *agent, struct scmi_system *sys);

/**
 * scmi_system_capabilities() - PROTOCOL_MESSAGE_ATTRIBUTES of SYSTEM_POWER_STATE_SET:
 * whether warm reset and suspend are supported. Either pointer may be NULL.
 */
int scmi_system_capabilities(struct scmi_system *sys, bool *warm_reset, bool *suspend);

/** scmi_system_state_set() - SYSTEM_POWER_STATE_SET to @state, graceful or forceful. */
int scmi_system_state_set(struct scmi_system *sys, uint32_t state, bool graceful);

/** scmi_system_state_get() - SYSTEM_POWER_STATE_GET. */
int scmi_system_state_get(struct scmi_system *sys, uint32_t *state);

/** scmi_system_state_notify() - SYSTEM_POWER_STATE_NOTIFY: (un)subscribe to the notifier. */
int scmi_system_state_notify(struct scmi_system *sys, bool enable);

/**
 * scmi_system_parse_notifier() - check and decode a notifier payload of @len bytes
 * laid out for @version (exact size, as Linux checks). -EPROTO otherwise.
 */
int scmi_system_parse_notifier(uint32_t version, const void *payload, size_t len,
			       struct scmi_system_notifier *out);

/** scmi_system_state_name() - "shutdown", "cold-reset", ... or "unknown". */
const char *scmi_system_state_name(uint32_t state);

/** scmi_system_state_parse() - the inverse of scmi_system_state_name(); -EINVAL if unknown. */
int scmi_system_state_parse(const char *name, uint32_t *state);

#ifdef __cplusplus
}
#endif

#endif /* SCMI_SYSTEM_H */
