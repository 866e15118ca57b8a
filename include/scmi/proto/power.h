/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Power domain protocol (0x11) on the wire: message ids, the version each
 * appeared in, bits, and request/response layouts (DEN0056 §4.3; Linux
 * arm_scmi/power.c). Conventions: layout.h.
 *
 * Versions: 1.0 has DOMAIN_ATTRIBUTES, STATE_SET/GET and STATE_NOTIFY; 2.0 adds
 * POWER_STATE_CHANGE_REQUESTED_NOTIFY (Arm's SCMI 2.0 compliance tests treat it as new in
 * 2.0; the 3.x headers of U-Boot and SCP-firmware still list it, Linux never sends it);
 * 2.1 changes no layout; 3.0 adds DOMAIN_NAME_GET, the extended-name attribute bit and
 * the state-change-requested bit 28 (reserved, zero, in 1.0 and 2.0 as those tests read
 * it; 2.1 gives no evidence, so it stays zero there too); 3.1 adds
 * NEGOTIATE_PROTOCOL_VERSION.
 *
 * DOMAIN_ATTRIBUTES, STATE_GET and DOMAIN_NAME_GET take a struct scmi_id_a2p;
 * DOMAIN_NAME_GET answers a struct scmi_name_get_p2a; the two notify messages
 * take a struct scmi_notify_a2p (ids.h).
 */
#ifndef SCMI_PROTO_POWER_H
#define SCMI_PROTO_POWER_H

#include <stdint.h>

#include "ids.h"
#include "layout.h"

#ifdef __cplusplus
extern "C" {
#endif

#define SCMI_POWER_VERSION_1_0 SCMI_VERSION(1, 0)
#define SCMI_POWER_VERSION_2_0 SCMI_VERSION(2, 0)
#define SCMI_POWER_VERSION_2_1 SCMI_VERSION(2, 1)
#define SCMI_POWER_VERSION_3_0 SCMI_VERSION(3, 0)
#define SCMI_POWER_VERSION_3_1 SCMI_VERSION(3, 1)

/* Messages, and the version each first appears in. */
#define SCMI_MSG_POWER_DOMAIN_ATTRIBUTES		   0x3
#define SCMI_MSG_POWER_STATE_SET			   0x4
#define SCMI_MSG_POWER_STATE_GET			   0x5
#define SCMI_MSG_POWER_STATE_NOTIFY			   0x6
#define SCMI_MSG_POWER_STATE_CHANGE_REQUESTED_NOTIFY	   0x7
#define SCMI_MSG_POWER_DOMAIN_NAME_GET			   0x8
#define SCMI_MSG_POWER_DOMAIN_NAME_GET_SINCE		   SCMI_POWER_VERSION_3_0
#define SCMI_MSG_POWER_STATE_CHANGE_REQUESTED_NOTIFY_SINCE SCMI_POWER_VERSION_2_0

/*
 * NEGOTIATE_PROTOCOL_VERSION (ids.h) came with SCMI 3.2, which brought this version of the
 * protocol; it exists when the platform runs it, whatever the agent negotiated since.
 */
#define SCMI_MSG_POWER_NEGOTIATE_PROTOCOL_VERSION_SINCE SCMI_POWER_VERSION_3_1

/* Notifications; their ids also index a domain's subscriptions. */
#define SCMI_EVT_POWER_STATE_CHANGED	      0x0
#define SCMI_EVT_POWER_STATE_CHANGE_REQUESTED 0x1

/* PROTOCOL_ATTRIBUTES attributes: num_domains [15:0], the rest reserved. */
#define SCMI_POWER_PA_NUM_DOMAINS(a)  ((a)&0xffffu)
#define SCMI_POWER_PA_NUM_DOMAINS_MAX 0xffffu

/* POWER_DOMAIN_ATTRIBUTES attributes. The extended-name bit from 3.0. */
#define SCMI_POWER_ATTR_NOTIFY		 (1u << 31)
#define SCMI_POWER_ATTR_ASYNC		 (1u << 30)
#define SCMI_POWER_ATTR_SYNC		 (1u << 29)
#define SCMI_POWER_ATTR_REQ_NOTIFY	 (1u << 28)
#define SCMI_POWER_ATTR_REQ_NOTIFY_SINCE SCMI_POWER_VERSION_3_0
#define SCMI_POWER_ATTR_EXT_NAME	 (1u << 27)
#define SCMI_POWER_ATTR_EXT_NAME_SINCE	 SCMI_POWER_VERSION_3_0

/* POWER_STATE_SET flags: bit 0 asynchronous, the rest reserved. */
#define SCMI_POWER_SET_ASYNC	(1u << 0)
#define SCMI_POWER_SET_RESERVED 0xfffffffeu

/*
 * Power state word (Linux scmi_protocol.h): bit 30 is the state type, set when the
 * domain loses its context ("off-like"); [27:0] the state id. ON and OFF are the
 * two generic states.
 */
#define SCMI_POWER_STATE_ON	   0x00000000u
#define SCMI_POWER_STATE_OFF	   0x40000000u
#define SCMI_POWER_STATE_TYPE_LOST 0x40000000u
#define SCMI_POWER_STATE_ID_MASK   0x0fffffffu

/* PROTOCOL_ATTRIBUTES: no statistics is a zero address and size. */
struct scmi_power_protocol_attributes_p2a {
	uint32_t attributes;
	struct scmi_u64 stats_addr;
	uint32_t stats_size;
};

struct scmi_power_domain_attributes_p2a {
	uint32_t attributes;
	char name[SCMI_SHORT_NAME_SIZE];
};

struct scmi_power_state_set_a2p {
	uint32_t flags;
	uint32_t domain_id;
	uint32_t power_state;
};

struct scmi_power_state_get_p2a {
	uint32_t power_state;
};

/* POWER_STATE_CHANGED and POWER_STATE_CHANGE_REQUESTED. */
struct scmi_power_state_evt {
	uint32_t agent_id;
	uint32_t domain_id;
	uint32_t power_state;
};

SCMI_LAYOUT_SIZE(struct scmi_power_protocol_attributes_p2a, 16);
SCMI_LAYOUT_SIZE(struct scmi_power_domain_attributes_p2a, 20);
SCMI_LAYOUT_SIZE(struct scmi_power_state_set_a2p, 12);
SCMI_LAYOUT_SIZE(struct scmi_power_state_get_p2a, 4);
SCMI_LAYOUT_SIZE(struct scmi_power_state_evt, 12);

#ifdef __cplusplus
}
#endif

#endif /* SCMI_PROTO_POWER_H */
