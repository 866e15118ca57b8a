/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Reset domain protocol (0x16) client.
 *
 * Start with scmi_reset_init(): it reads the platform's version and adapts as
 * Linux does (a newer platform is asked to negotiate down to the version this
 * client speaks, 3.1; an older one is spoken to in its own layouts, and
 * messages it lacks are refused locally with -EOPNOTSUPP), then reads the
 * number of domains. Every other call takes the resulting handle.
 *
 * Resets complete synchronously: the client never sets the async flag (the
 * OP-TEE transport has no channel for RESET_COMPLETE).
 */
#ifndef SCMI_RESET_H
#define SCMI_RESET_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "proto/reset.h"
#include "scmi.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Version of the Reset domain protocol this client speaks. */
#define SCMI_RESET_CLIENT_VERSION SCMI_RESET_VERSION_3_1

/* reset_state values: SCMI_RESET_STATE_COLD_RESET, SCMI_RESET_STATE_IMPL_DEFINED() (proto/reset.h).
 */

/**
 * struct scmi_reset - a Reset domain protocol handle.
 * @agent:       the agent it talks through
 * @version:     version in use: the platform's, or the negotiated one
 * @num_domains: domains the platform exposes to this agent
 */
struct scmi_reset {
	struct scmi_agent *agent;
	uint32_t version;
	uint32_t num_domains;
};

/**
 * struct scmi_reset_domain_info - one reset domain.
 * @name:          its name: the extended name when the platform has one, else the short one
 * @latency_us:    worst-case reset latency in microseconds, valid if @latency_known
 * @latency_known: the platform gave a latency (not 0xffffffff)
 * @async:         the platform can reset asynchronously
 * @notify:        the domain can report resets (RESET_NOTIFY is supported)
 * @ext_name:      the platform has an extended name (and @name is it)
 */
struct scmi_reset_domain_info {
	char name[SCMI_EXT_NAME_SIZE + 1];
	uint32_t latency_us;
	bool latency_known;
	bool async;
	bool notify;
	bool ext_name;
};

/**
 * scmi_reset_init() - read the version (negotiating if the platform is newer) and the
 * number of domains into @r. 0 or -errno.
 */
int scmi_reset_init(struct scmi_reset *r, struct scmi_agent *agent);

/**
 * scmi_reset_domain_attributes() - RESET_DOMAIN_ATTRIBUTES of domain @id, and its
 * extended name (RESET_DOMAIN_NAME_GET, version >= 3.0) when the attributes announce one.
 * A failing NAME_GET keeps the short name, as Linux does.
 */
int scmi_reset_domain_attributes(const struct scmi_reset *r, uint32_t id,
				 struct scmi_reset_domain_info *info);

/**
 * scmi_reset_domain_name() - RESET_DOMAIN_NAME_GET of domain @id, NUL-terminated.
 * -EOPNOTSUPP below version 3.0 (without sending anything).
 */
int scmi_reset_domain_name(const struct scmi_reset *r, uint32_t id,
			   char name[SCMI_EXT_NAME_SIZE + 1]);

/**
 * scmi_reset_reset() - RESET with raw @flags (SCMI_RESET_FLAG_*: autonomous, assert,
 * async) and @reset_state, for callers that need the wire form.
 */
int scmi_reset_reset(const struct scmi_reset *r, uint32_t id, uint32_t flags, uint32_t reset_state);

/** scmi_reset_autonomous() - reset domain @id and release it (a full pulse) in @reset_state. */
int scmi_reset_autonomous(const struct scmi_reset *r, uint32_t id, uint32_t reset_state);

/** scmi_reset_assert() - hold domain @id in (cold) reset. */
int scmi_reset_assert(const struct scmi_reset *r, uint32_t id);

/** scmi_reset_deassert() - release domain @id. */
int scmi_reset_deassert(const struct scmi_reset *r, uint32_t id);

/** scmi_reset_notify() - RESET_NOTIFY: ask for (@enable) or stop RESET_ISSUED of domain @id. */
int scmi_reset_notify(const struct scmi_reset *r, uint32_t id, bool enable);

#ifdef __cplusplus
}
#endif

#endif /* SCMI_RESET_H */
