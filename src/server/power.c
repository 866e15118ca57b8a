// SPDX-License-Identifier: BSD-3-Clause
/*
 * Power domain protocol (0x11).
 * PLACEHOLDER: only the common messages; the power protocol's owner replaces this file.
 */
#include "server/server_protocol.h"
#include "server/power.h"

static const scmi_server_handler_t power_handlers[] = {
    [SCMI_MSG_PROTOCOL_VERSION] = scmi_server_common_version,
    [SCMI_MSG_PROTOCOL_MESSAGE_ATTRIBUTES] = scmi_server_common_msg_attributes,
    [SCMI_MSG_NEGOTIATE_PROTOCOL_VERSION] = scmi_server_common_negotiate,
};

static const uint16_t power_sizes[] = {
    [SCMI_MSG_PROTOCOL_VERSION] = 0,
    [SCMI_MSG_PROTOCOL_MESSAGE_ATTRIBUTES] = 4,
    [SCMI_MSG_NEGOTIATE_PROTOCOL_VERSION] = 4,
};

static const uint32_t power_min_versions[] = {
    [SCMI_MSG_NEGOTIATE_PROTOCOL_VERSION] = 0,
};

SCMI_SERVER_PROTOCOL_DEFINE_VERSIONED(scmi_server_power_protocol, SCMI_PROTOCOL_POWER,
				      SCMI_VERSION(3, 1), SCMI_VERSION(1, 0), power_handlers,
				      power_sizes, power_min_versions);
