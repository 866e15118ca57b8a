// SPDX-License-Identifier: BSD-3-Clause
/*
 * Pin control protocol (0x19).
 * PLACEHOLDER: only the common messages; the pinctrl protocol's owner replaces this file.
 */
#include "server/server_protocol.h"
#include "server/pinctrl.h"

static const scmi_server_handler_t pinctrl_handlers[] = {
    [SCMI_MSG_PROTOCOL_VERSION] = scmi_server_common_version,
    [SCMI_MSG_PROTOCOL_MESSAGE_ATTRIBUTES] = scmi_server_common_msg_attributes,
    [SCMI_MSG_NEGOTIATE_PROTOCOL_VERSION] = scmi_server_common_negotiate,
};

static const uint16_t pinctrl_sizes[] = {
    [SCMI_MSG_PROTOCOL_VERSION] = 0,
    [SCMI_MSG_PROTOCOL_MESSAGE_ATTRIBUTES] = 4,
    [SCMI_MSG_NEGOTIATE_PROTOCOL_VERSION] = 4,
};

static const uint32_t pinctrl_min_versions[] = {
    [SCMI_MSG_NEGOTIATE_PROTOCOL_VERSION] = 0,
};

SCMI_SERVER_PROTOCOL_DEFINE_VERSIONED(scmi_server_pinctrl_protocol, SCMI_PROTOCOL_PINCTRL,
				      SCMI_VERSION(1, 0), SCMI_VERSION(1, 0), pinctrl_handlers,
				      pinctrl_sizes, pinctrl_min_versions);
