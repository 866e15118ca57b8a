// SPDX-License-Identifier: BSD-3-Clause
/*
 * System power protocol (0x12).
 * PLACEHOLDER: only the common messages; the system protocol's owner replaces this file.
 */
#include "server/server_protocol.h"
#include "server/system.h"

static const scmi_server_handler_t system_handlers[] = {
    [SCMI_MSG_PROTOCOL_VERSION] = scmi_server_common_version,
    [SCMI_MSG_PROTOCOL_MESSAGE_ATTRIBUTES] = scmi_server_common_msg_attributes,
    [SCMI_MSG_NEGOTIATE_PROTOCOL_VERSION] = scmi_server_common_negotiate,
};

static const uint16_t system_sizes[] = {
    [SCMI_MSG_PROTOCOL_VERSION] = 0,
    [SCMI_MSG_PROTOCOL_MESSAGE_ATTRIBUTES] = 4,
    [SCMI_MSG_NEGOTIATE_PROTOCOL_VERSION] = 4,
};

static const uint32_t system_min_versions[] = {
    [SCMI_MSG_NEGOTIATE_PROTOCOL_VERSION] = 0,
};

SCMI_SERVER_PROTOCOL_DEFINE_VERSIONED(scmi_server_system_protocol, SCMI_PROTOCOL_SYSTEM,
				      SCMI_VERSION(2, 1), SCMI_VERSION(1, 0), system_handlers,
				      system_sizes, system_min_versions);
