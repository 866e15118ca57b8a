/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Base protocol (0x10) client: discovery of the platform and its agents,
 * error notifications and (trusted agents) permissions.
 */
#ifndef SCMI_BASE_H
#define SCMI_BASE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "proto/base.h"
#include "scmi.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Room for a 16-byte SCMI name plus a terminating NUL. */
#define SCMI_NAME_BUF (SCMI_SHORT_NAME_SIZE + 1)

/**
 * struct scmi_base_info - what Base tells about the platform.
 * @version:       Base protocol version
 * @num_protocols: protocols other than Base (attributes)
 * @num_agents:    agents other than the platform (attributes)
 * @vendor:        vendor identifier
 * @sub_vendor:    sub-vendor identifier ("" if the platform has none)
 * @impl_version:  implementation version
 * @protocols:     protocol ids, as listed
 * @num_listed:    entries in @protocols
 */
struct scmi_base_info {
	uint32_t version;
	uint32_t num_protocols;
	uint32_t num_agents;
	char vendor[SCMI_NAME_BUF];
	char sub_vendor[SCMI_NAME_BUF];
	uint32_t impl_version;
	uint8_t protocols[256];
	size_t num_listed;
};

/** scmi_base_attributes() - PROTOCOL_ATTRIBUTES: protocol and agent counts. */
int scmi_base_attributes(struct scmi_agent *agent, uint32_t *num_protocols, uint32_t *num_agents);

/** scmi_base_discover_vendor() - BASE_DISCOVER_VENDOR, NUL-terminated. */
int scmi_base_discover_vendor(struct scmi_agent *agent, char vendor[SCMI_NAME_BUF]);

/** scmi_base_discover_sub_vendor() - BASE_DISCOVER_SUB_VENDOR, NUL-terminated. */
int scmi_base_discover_sub_vendor(struct scmi_agent *agent, char sub_vendor[SCMI_NAME_BUF]);

/** scmi_base_discover_impl_version() - BASE_DISCOVER_IMPLEMENTATION_VERSION. */
int scmi_base_discover_impl_version(struct scmi_agent *agent, uint32_t *impl_version);

/**
 * scmi_base_discover_list_protocols() - walk BASE_DISCOVER_LIST_PROTOCOLS page by page
 * until @expected ids are listed (from attributes) or a page is empty; at most @max ids
 * into @ids, count in *@count. Rejects (-EPROTO) a page that claims more ids than its
 * payload holds or than remain; the walk is bounded.
 */
int scmi_base_discover_list_protocols(struct scmi_agent *agent, uint32_t expected, uint8_t *ids,
				      size_t max, size_t *count);

/**
 * scmi_base_discover_agent() - BASE_DISCOVER_AGENT for @agent_id (SCMI_BASE_AGENT_ID_SELF:
 * the caller); out: the agent's id and name.
 */
int scmi_base_discover_agent(struct scmi_agent *agent, uint32_t agent_id, uint32_t *id_out,
			     char name[SCMI_NAME_BUF]);

/** scmi_base_notify_errors() - BASE_NOTIFY_ERRORS. */
int scmi_base_notify_errors(struct scmi_agent *agent, bool enable);

/** scmi_base_set_device_permissions() - BASE_SET_DEVICE_PERMISSIONS. */
int scmi_base_set_device_permissions(struct scmi_agent *agent, uint32_t agent_id,
				     uint32_t device_id, bool allow);

/** scmi_base_set_protocol_permissions() - BASE_SET_PROTOCOL_PERMISSIONS. */
int scmi_base_set_protocol_permissions(struct scmi_agent *agent, uint32_t agent_id,
				       uint32_t device_id, uint8_t protocol_id, bool allow);

/** scmi_base_reset_agent_configuration() - BASE_RESET_AGENT_CONFIGURATION. */
int scmi_base_reset_agent_configuration(struct scmi_agent *agent, uint32_t agent_id,
					bool reset_permissions);

/** scmi_base_get_info() - version, attributes, vendor strings and the protocol list. */
int scmi_base_get_info(struct scmi_agent *agent, struct scmi_base_info *info);

#ifdef __cplusplus
}
#endif

#endif /* SCMI_BASE_H */
