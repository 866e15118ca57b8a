// SPDX-License-Identifier: BSD-3-Clause
/*
 * Clock protocol (0x14).
 * PLACEHOLDER: only the common messages; the clock protocol's owner replaces this file.
 */
#include "server/server_protocol.h"
#include "server/clock.h"

static const scmi_server_handler_t clock_handlers[] = {
    [SCMI_MSG_PROTOCOL_VERSION] = scmi_server_common_version,
    [SCMI_MSG_PROTOCOL_MESSAGE_ATTRIBUTES] = scmi_server_common_msg_attributes,
    [SCMI_MSG_NEGOTIATE_PROTOCOL_VERSION] = scmi_server_common_negotiate,
};

static const uint16_t clock_sizes[] = {
    [SCMI_MSG_PROTOCOL_VERSION] = 0,
    [SCMI_MSG_PROTOCOL_MESSAGE_ATTRIBUTES] = 4,
    [SCMI_MSG_NEGOTIATE_PROTOCOL_VERSION] = 4,
};

static const uint32_t clock_min_versions[] = {
    [SCMI_MSG_NEGOTIATE_PROTOCOL_VERSION] = 0,
};

SCMI_SERVER_PROTOCOL_DEFINE_VERSIONED(scmi_server_clock_protocol, SCMI_PROTOCOL_CLOCK,
				      SCMI_VERSION(3, 0), SCMI_VERSION(1, 0), clock_handlers,
				      clock_sizes, clock_min_versions);
