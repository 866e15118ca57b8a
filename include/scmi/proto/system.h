/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * System power protocol (0x12) on the wire: message ids, versions, bits, and
 * request/response/notification layouts (DEN0056 §4.4; Linux arm_scmi/system.c;
 * SCP-firmware scmi_system_power). Conventions: layout.h.
 *
 * Versions: every message exists from 1.0; 1.1 changes no layout; 2.0 adds the
 * graceful-shutdown timeout to SYSTEM_POWER_STATE_NOTIFIER (12 bytes before, as
 * Linux checks; SCP-firmware's 8-byte 1.0 struct without flags is the odd one out);
 * 2.1 changes no layout.
 *
 * PROTOCOL_ATTRIBUTES answers a reserved (zero) struct scmi_protocol_attributes_p2a;
 * PROTOCOL_MESSAGE_ATTRIBUTES of SYSTEM_POWER_STATE_SET carries the SCMI_SYSTEM_ATTR_*
 * bits in its struct scmi_msg_attributes_p2a (ids.h).
 */
#ifndef SCMI_PROTO_SYSTEM_H
#define SCMI_PROTO_SYSTEM_H

#include <stddef.h>
#include <stdint.h>

#include "ids.h"
#include "layout.h"

#ifdef __cplusplus
extern "C" {
#endif

#define SCMI_SYSTEM_VERSION_1_0 SCMI_VERSION(1, 0)
#define SCMI_SYSTEM_VERSION_1_1 SCMI_VERSION(1, 1)
#define SCMI_SYSTEM_VERSION_2_0 SCMI_VERSION(2, 0)
#define SCMI_SYSTEM_VERSION_2_1 SCMI_VERSION(2, 1)

/* Messages (all from 1.0). */
#define SCMI_MSG_SYSTEM_POWER_STATE_SET	   0x3
#define SCMI_MSG_SYSTEM_POWER_STATE_GET	   0x4
#define SCMI_MSG_SYSTEM_POWER_STATE_NOTIFY 0x5

/*
 * NEGOTIATE_PROTOCOL_VERSION (ids.h) came with SCMI 3.2, which brought this version of the
 * protocol; it exists when the platform runs it, whatever the agent negotiated since.
 */
#define SCMI_MSG_SYSTEM_NEGOTIATE_PROTOCOL_VERSION_SINCE SCMI_SYSTEM_VERSION_2_1

/* Notifications. */
#define SCMI_EVT_SYSTEM_POWER_STATE_NOTIFIER 0x0

/** enum scmi_system_state - the architectural system_state values (SCP, Linux). */
enum scmi_system_state {
	SCMI_SYSTEM_STATE_SHUTDOWN = 0,
	SCMI_SYSTEM_STATE_COLD_RESET = 1,
	SCMI_SYSTEM_STATE_WARM_RESET = 2,
	SCMI_SYSTEM_STATE_POWER_UP = 3,
	SCMI_SYSTEM_STATE_SUSPEND = 4,
};
/* How many architectural states there are; up to VENDOR_FIRST the rest are reserved. */
#define SCMI_SYSTEM_STATE_COUNT	       5u
#define SCMI_SYSTEM_STATE_VENDOR_FIRST 0x80000000u

/* SYSTEM_POWER_STATE_SET and notifier flags: bit 0 graceful (1) or forceful (0). */
#define SCMI_SYSTEM_FLAG_GRACEFUL (1u << 0)
#define SCMI_SYSTEM_FLAG_RESERVED 0xfffffffeu

/* PROTOCOL_MESSAGE_ATTRIBUTES(SYSTEM_POWER_STATE_SET) attributes. */
#define SCMI_SYSTEM_ATTR_WARM_RESET (1u << 31)
#define SCMI_SYSTEM_ATTR_SUSPEND    (1u << 30)

struct scmi_system_power_state_set_a2p {
	uint32_t flags;
	uint32_t system_state;
};

struct scmi_system_power_state_get_p2a {
	uint32_t system_state;
};

struct scmi_system_power_state_notify_a2p {
	uint32_t notify_enable;
};

/* SYSTEM_POWER_STATE_NOTIFIER: timeout from 2.0 (the older payload ends before it). */
struct scmi_system_power_state_notifier_evt {
	uint32_t agent_id;
	uint32_t flags;
	uint32_t system_state;
	uint32_t timeout;
};
#define SCMI_SYSTEM_POWER_STATE_NOTIFIER_V1_SIZE                                                   \
	offsetof(struct scmi_system_power_state_notifier_evt, timeout)

SCMI_LAYOUT_SIZE(struct scmi_system_power_state_set_a2p, 8);
SCMI_LAYOUT_SIZE(struct scmi_system_power_state_get_p2a, 4);
SCMI_LAYOUT_SIZE(struct scmi_system_power_state_notify_a2p, 4);
SCMI_LAYOUT_SIZE(struct scmi_system_power_state_notifier_evt, 16);

#ifdef __cplusplus
}
#endif

#endif /* SCMI_PROTO_SYSTEM_H */
