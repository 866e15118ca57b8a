/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Reset domain protocol (0x16) on the wire: message ids, the version each
 * appeared in, bits, and request/response/notification layouts (DEN0056 §4.8;
 * Linux arm_scmi/reset.c). Conventions: layout.h.
 *
 * Versions: 1.0 has DOMAIN_ATTRIBUTES, RESET (with its RESET_COMPLETE delayed
 * response) and RESET_NOTIFY with RESET_ISSUED; 2.0 changes no layout; 3.0 adds
 * DOMAIN_NAME_GET and the extended-name attribute bit; 3.1 changes no layout.
 *
 * DOMAIN_ATTRIBUTES and DOMAIN_NAME_GET take a struct scmi_id_a2p; DOMAIN_NAME_GET
 * answers a struct scmi_name_get_p2a; RESET_NOTIFY takes a struct scmi_notify_a2p
 * (ids.h).
 */
#ifndef SCMI_PROTO_RESET_H
#define SCMI_PROTO_RESET_H

#include <stdint.h>

#include "ids.h"
#include "layout.h"

#ifdef __cplusplus
extern "C" {
#endif

#define SCMI_RESET_VERSION_1_0 SCMI_VERSION(1, 0)
#define SCMI_RESET_VERSION_2_0 SCMI_VERSION(2, 0)
#define SCMI_RESET_VERSION_3_0 SCMI_VERSION(3, 0)
#define SCMI_RESET_VERSION_3_1 SCMI_VERSION(3, 1)

/* Messages, and the version each first appears in. The spec calls message 0x4 "RESET". */
#define SCMI_MSG_RESET_DOMAIN_ATTRIBUTES     0x3
#define SCMI_MSG_RESET			     0x4
#define SCMI_MSG_RESET_NOTIFY		     0x5
#define SCMI_MSG_RESET_DOMAIN_NAME_GET	     0x6
#define SCMI_MSG_RESET_DOMAIN_NAME_GET_SINCE SCMI_RESET_VERSION_3_0

/*
 * NEGOTIATE_PROTOCOL_VERSION (ids.h) came with SCMI 3.2, which brought this version of the
 * protocol; it exists when the platform runs it, whatever the agent negotiated since.
 */
#define SCMI_MSG_RESET_NEGOTIATE_PROTOCOL_VERSION_SINCE SCMI_RESET_VERSION_3_1

/* Notifications. */
#define SCMI_EVT_RESET_ISSUED 0x0

/* PROTOCOL_ATTRIBUTES attributes: num_domains [15:0], the rest reserved. */
#define SCMI_RESET_PA_NUM_DOMAINS(a)  ((a)&0xffffu)
#define SCMI_RESET_PA_NUM_DOMAINS_MAX 0xffffu

/* RESET_DOMAIN_ATTRIBUTES attributes. The extended-name bit from 3.0. */
#define SCMI_RESET_ATTR_ASYNC	 (1u << 31)
#define SCMI_RESET_ATTR_NOTIFY	 (1u << 30)
#define SCMI_RESET_ATTR_EXT_NAME (1u << 29)
/* The version the bit first exists in (with RESET_DOMAIN_NAME_GET). */
#define SCMI_RESET_ATTR_EXT_NAME_SINCE SCMI_RESET_VERSION_3_0

/* RESET_DOMAIN_ATTRIBUTES latency meaning "not known". */
#define SCMI_RESET_LATENCY_UNKNOWN 0xffffffffu

/* RESET flags: autonomous reset (a full pulse), explicit assert (1) or deassert (0), async. */
#define SCMI_RESET_FLAG_AUTONOMOUS (1u << 0)
#define SCMI_RESET_FLAG_ASSERT	   (1u << 1)
#define SCMI_RESET_FLAG_ASYNC	   (1u << 2)
#define SCMI_RESET_FLAG_RESERVED   0xfffffff8u

/* reset_state: bit 31 selects an IMPLEMENTATION defined state, whose id is [30:0]. */
#define SCMI_RESET_STATE_IMPL	 (1u << 31)
#define SCMI_RESET_STATE_ID_MASK 0x7fffffffu
/** reset_state of IMPLEMENTATION defined reset @id. */
#define SCMI_RESET_STATE_IMPL_DEFINED(id)                                                          \
	(SCMI_RESET_STATE_IMPL | ((uint32_t)(id)&SCMI_RESET_STATE_ID_MASK))
/** The only architectural reset state; the rest of that space is reserved. */
#define SCMI_RESET_STATE_COLD_RESET 0u

struct scmi_reset_domain_attributes_p2a {
	uint32_t attributes;
	uint32_t latency;
	char name[SCMI_SHORT_NAME_SIZE];
};

struct scmi_reset_a2p {
	uint32_t domain_id;
	uint32_t flags;
	uint32_t reset_state;
};

/* RESET_COMPLETE, the delayed response of an asynchronous RESET (after its status). */
struct scmi_reset_dresp {
	uint32_t domain_id;
};

struct scmi_reset_issued_evt {
	uint32_t agent_id;
	uint32_t domain_id;
	uint32_t reset_state;
};

SCMI_LAYOUT_SIZE(struct scmi_reset_domain_attributes_p2a, 24);
SCMI_LAYOUT_SIZE(struct scmi_reset_a2p, 12);
SCMI_LAYOUT_SIZE(struct scmi_reset_dresp, 4);
SCMI_LAYOUT_SIZE(struct scmi_reset_issued_evt, 12);

#ifdef __cplusplus
}
#endif

#endif /* SCMI_PROTO_RESET_H */
