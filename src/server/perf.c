// SPDX-License-Identifier: BSD-3-Clause
/*
 * Performance domain protocol (0x13).
 * PLACEHOLDER: only the common messages; the perf protocol's owner replaces this file.
 */
#include "server/server_protocol.h"
#include "server/perf.h"

static const scmi_server_handler_t perf_handlers[] = {
    [SCMI_MSG_PROTOCOL_VERSION] = scmi_server_common_version,
    [SCMI_MSG_PROTOCOL_MESSAGE_ATTRIBUTES] = scmi_server_common_msg_attributes,
    [SCMI_MSG_NEGOTIATE_PROTOCOL_VERSION] = scmi_server_common_negotiate,
};

static const uint16_t perf_sizes[] = {
    [SCMI_MSG_PROTOCOL_VERSION] = 0,
    [SCMI_MSG_PROTOCOL_MESSAGE_ATTRIBUTES] = 4,
    [SCMI_MSG_NEGOTIATE_PROTOCOL_VERSION] = 4,
};

static const uint32_t perf_min_versions[] = {
    [SCMI_MSG_NEGOTIATE_PROTOCOL_VERSION] = 0,
};

SCMI_SERVER_PROTOCOL_DEFINE_VERSIONED(scmi_server_perf_protocol, SCMI_PROTOCOL_PERF,
				      SCMI_VERSION(4, 0), SCMI_VERSION(1, 0), perf_handlers,
				      perf_sizes, perf_min_versions);
