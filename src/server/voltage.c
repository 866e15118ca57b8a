// SPDX-License-Identifier: BSD-3-Clause
/*
 * Voltage domain protocol (0x17).
 * PLACEHOLDER: only the common messages; the voltage protocol's owner replaces this file.
 */
#include "server/server_protocol.h"
#include "server/voltage.h"

static const scmi_server_handler_t voltage_handlers[] = {
    [SCMI_MSG_PROTOCOL_VERSION] = scmi_server_common_version,
    [SCMI_MSG_PROTOCOL_MESSAGE_ATTRIBUTES] = scmi_server_common_msg_attributes,
    [SCMI_MSG_NEGOTIATE_PROTOCOL_VERSION] = scmi_server_common_negotiate,
};

static const uint16_t voltage_sizes[] = {
    [SCMI_MSG_PROTOCOL_VERSION] = 0,
    [SCMI_MSG_PROTOCOL_MESSAGE_ATTRIBUTES] = 4,
    [SCMI_MSG_NEGOTIATE_PROTOCOL_VERSION] = 4,
};

static const uint32_t voltage_min_versions[] = {
    [SCMI_MSG_NEGOTIATE_PROTOCOL_VERSION] = 0,
};

SCMI_SERVER_PROTOCOL_DEFINE_VERSIONED(scmi_server_voltage_protocol, SCMI_PROTOCOL_VOLTAGE,
				      SCMI_VERSION(2, 1), SCMI_VERSION(1, 0), voltage_handlers,
				      voltage_sizes, voltage_min_versions);
