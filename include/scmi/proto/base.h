/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Base protocol (0x10) on the wire: message ids, the version each appeared in,
 * bits, and request/response layouts (DEN0056 §4.2; Linux arm_scmi/base.c).
 * Conventions: layout.h.
 *
 * Versions: 1.0 has the discovery messages 0x3..0x7, NOTIFY_ERRORS and a
 * DISCOVER_AGENT reply of the name alone (SCP-firmware's 1.0 layout); 2.0 adds
 * the permission messages 0x9..0xB, the agent id in the DISCOVER_AGENT reply and
 * the "calling agent" id SCMI_BASE_AGENT_ID_SELF; 2.1 adds
 * NEGOTIATE_PROTOCOL_VERSION.
 *
 * PROTOCOL_ATTRIBUTES answers a struct scmi_protocol_attributes_p2a (ids.h)
 * whose word is read with the SCMI_BASE_PA_* macros. DISCOVER_VENDOR,
 * DISCOVER_SUB_VENDOR and DISCOVER_IMPLEMENTATION_VERSION take no request.
 */
#ifndef SCMI_PROTO_BASE_H
#define SCMI_PROTO_BASE_H

#include <stdint.h>

#include "ids.h"
#include "layout.h"

#ifdef __cplusplus
extern "C" {
#endif

#define SCMI_BASE_VERSION_1_0 SCMI_VERSION(1, 0)
#define SCMI_BASE_VERSION_2_0 SCMI_VERSION(2, 0)
#define SCMI_BASE_VERSION_2_1 SCMI_VERSION(2, 1)

/* Messages, and the version each first appears in. */
#define SCMI_MSG_BASE_DISCOVER_VENDOR		      0x3
#define SCMI_MSG_BASE_DISCOVER_SUB_VENDOR	      0x4
#define SCMI_MSG_BASE_DISCOVER_IMPLEMENTATION_VERSION 0x5
#define SCMI_MSG_BASE_DISCOVER_LIST_PROTOCOLS	      0x6
#define SCMI_MSG_BASE_DISCOVER_AGENT		      0x7
#define SCMI_MSG_BASE_NOTIFY_ERRORS		      0x8
#define SCMI_MSG_BASE_SET_DEVICE_PERMISSIONS	      0x9
#define SCMI_MSG_BASE_SET_PROTOCOL_PERMISSIONS	      0xa
#define SCMI_MSG_BASE_RESET_AGENT_CONFIGURATION	      0xb
#define SCMI_MSG_BASE_SET_DEVICE_PERMISSIONS_SINCE    SCMI_BASE_VERSION_2_0
#define SCMI_MSG_BASE_SET_PROTOCOL_PERMISSIONS_SINCE  SCMI_BASE_VERSION_2_0
#define SCMI_MSG_BASE_RESET_AGENT_CONFIGURATION_SINCE SCMI_BASE_VERSION_2_0
/* SCMI_MSG_NEGOTIATE_PROTOCOL_VERSION (ids.h) is Base's from 2.1 only. */
#define SCMI_MSG_BASE_NEGOTIATE_PROTOCOL_VERSION_SINCE SCMI_BASE_VERSION_2_1

/* Notifications (enabled by NOTIFY_ERRORS). */
#define SCMI_EVT_BASE_ERROR_EVENT 0x0

/* PROTOCOL_ATTRIBUTES: num_protocols (Base excluded) [7:0], num_agents [15:8]. */
#define SCMI_BASE_PA_NUM_PROTOCOLS(a) ((a)&0xffu)
#define SCMI_BASE_PA_NUM_AGENTS(a)    (((a) >> 8) & 0xffu)
#define SCMI_BASE_PA_NUM_AGENTS_SHIFT 8
#define SCMI_BASE_PA_COUNT_MAX	      0xffu

/* DISCOVER_LIST_PROTOCOLS: protocol ids are bytes, four to a word, the last word zero-padded. */
#define SCMI_BASE_PROTOCOLS_PER_WORD 4u

/* DISCOVER_AGENT agent_id meaning "the calling agent" (2.0 on). */
#define SCMI_BASE_AGENT_ID_SELF 0xffffffffu

/* SET_DEVICE_PERMISSIONS, SET_PROTOCOL_PERMISSIONS flags: bit 0 allows (1) or denies (0). */
#define SCMI_BASE_PERM_ALLOW	(1u << 0)
#define SCMI_BASE_PERM_RESERVED 0xfffffffeu

/* SET_PROTOCOL_PERMISSIONS command_id: the protocol id in [7:0], the rest reserved. */
#define SCMI_BASE_COMMAND_ID_PROTOCOL(c) ((c)&0xffu)
#define SCMI_BASE_COMMAND_ID_RESERVED	 0xffffff00u

/* RESET_AGENT_CONFIGURATION flags: bit 0 also resets the agent's access permissions. */
#define SCMI_BASE_RESET_PERMISSIONS (1u << 0)
#define SCMI_BASE_RESET_RESERVED    0xfffffffeu

/* BASE_ERROR_EVENT error_status: bit 31 fatal, [9:0] reports that follow. */
#define SCMI_BASE_ERROR_FATAL	 (1u << 31)
#define SCMI_BASE_ERROR_COUNT(s) ((s)&0x3ffu)

/* DISCOVER_VENDOR and DISCOVER_SUB_VENDOR: an ASCII identifier, NUL-padded. */
struct scmi_base_discover_vendor_p2a {
	char vendor_identifier[SCMI_SHORT_NAME_SIZE];
};

struct scmi_base_discover_impl_version_p2a {
	uint32_t impl_version;
};

struct scmi_base_discover_list_protocols_a2p {
	uint32_t skip;
};

/* One page: num_protocols ids, packed as SCMI_BASE_PROTOCOLS_PER_WORD says. */
struct scmi_base_discover_list_protocols_p2a {
	uint32_t num_protocols;
	uint8_t protocols[];
};

struct scmi_base_discover_agent_a2p {
	uint32_t agent_id;
};

/* DISCOVER_AGENT from 2.0. */
struct scmi_base_discover_agent_p2a {
	uint32_t agent_id;
	char name[SCMI_SHORT_NAME_SIZE];
};

/* DISCOVER_AGENT in 1.0: the name alone (not a prefix of the 2.0 reply). */
struct scmi_base_discover_agent_v1_p2a {
	char name[SCMI_SHORT_NAME_SIZE];
};

struct scmi_base_notify_errors_a2p {
	uint32_t notify_enable;
};

struct scmi_base_set_device_permissions_a2p {
	uint32_t agent_id;
	uint32_t device_id;
	uint32_t flags;
};

struct scmi_base_set_protocol_permissions_a2p {
	uint32_t agent_id;
	uint32_t device_id;
	uint32_t command_id;
	uint32_t flags;
};

struct scmi_base_reset_agent_configuration_a2p {
	uint32_t agent_id;
	uint32_t flags;
};

/* BASE_ERROR_EVENT: error_status counts the msg_reports that follow. */
struct scmi_base_error_evt {
	uint32_t agent_id;
	uint32_t error_status;
	struct scmi_u64 msg_reports[];
};

SCMI_LAYOUT_SIZE(struct scmi_base_discover_vendor_p2a, 16);
SCMI_LAYOUT_SIZE(struct scmi_base_discover_impl_version_p2a, 4);
SCMI_LAYOUT_SIZE(struct scmi_base_discover_list_protocols_a2p, 4);
SCMI_LAYOUT_SIZE(struct scmi_base_discover_list_protocols_p2a, 4);
SCMI_LAYOUT_SIZE(struct scmi_base_discover_agent_a2p, 4);
SCMI_LAYOUT_SIZE(struct scmi_base_discover_agent_p2a, 20);
SCMI_LAYOUT_SIZE(struct scmi_base_discover_agent_v1_p2a, 16);
SCMI_LAYOUT_SIZE(struct scmi_base_notify_errors_a2p, 4);
SCMI_LAYOUT_SIZE(struct scmi_base_set_device_permissions_a2p, 12);
SCMI_LAYOUT_SIZE(struct scmi_base_set_protocol_permissions_a2p, 16);
SCMI_LAYOUT_SIZE(struct scmi_base_reset_agent_configuration_a2p, 8);
SCMI_LAYOUT_SIZE(struct scmi_base_error_evt, 8);

#ifdef __cplusplus
}
#endif

#endif /* SCMI_PROTO_BASE_H */
