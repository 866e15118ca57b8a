// SPDX-License-Identifier: BSD-3-Clause
/*
 * Powercap protocol (0x18).
 * PLACEHOLDER: only the common messages; the powercap protocol's owner replaces this file.
 */
#include "server/server_protocol.h"
#include "server/powercap.h"

static const scmi_server_handler_t powercap_handlers[] = {
    [SCMI_MSG_PROTOCOL_VERSION] = scmi_server_common_version,
    [SCMI_MSG_PROTOCOL_MESSAGE_ATTRIBUTES] = scmi_server_common_msg_attributes,
    [SCMI_MSG_NEGOTIATE_PROTOCOL_VERSION] = scmi_server_common_negotiate,
};

static const uint16_t powercap_sizes[] = {
    [SCMI_MSG_PROTOCOL_VERSION] = 0,
    [SCMI_MSG_PROTOCOL_MESSAGE_ATTRIBUTES] = 4,
    [SCMI_MSG_NEGOTIATE_PROTOCOL_VERSION] = 4,
};

static const uint32_t powercap_min_versions[] = {
    [SCMI_MSG_NEGOTIATE_PROTOCOL_VERSION] = 0,
};

SCMI_SERVER_PROTOCOL_DEFINE_VERSIONED(scmi_server_powercap_protocol, SCMI_PROTOCOL_POWERCAP,
				      SCMI_VERSION(2, 0), SCMI_VERSION(1, 0), powercap_handlers,
				      powercap_sizes, powercap_min_versions);
