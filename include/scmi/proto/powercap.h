/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Powercap protocol (0x18) on the wire: message ids, bits, and request/response
 * layouts (DEN0056 §4.10; Linux arm_scmi/powercap.c). Conventions: layout.h.
 *
 * Versions: 1.0 (SCMI 3.1) has every message below; 2.0 (SCMI 3.2) adds no
 * message but gives a cap of 0 a meaning: capping disabled
 * (SCMI_POWERCAP_CAP_DISABLED, in CAP_SET and CAP_GET).
 *
 * DOMAIN_ATTRIBUTES, CAP_GET, PAI_GET, DOMAIN_NAME_GET and MEASUREMENTS_GET
 * take a struct scmi_id_a2p; DOMAIN_NAME_GET answers a struct
 * scmi_name_get_p2a; CAP_NOTIFY takes a struct scmi_notify_a2p (ids.h).
 */
#ifndef SCMI_PROTO_POWERCAP_H
#define SCMI_PROTO_POWERCAP_H

#include <stdint.h>

#include "ids.h"
#include "layout.h"

#ifdef __cplusplus
extern "C" {
#endif

#define SCMI_POWERCAP_VERSION_1_0 SCMI_VERSION(1, 0)
#define SCMI_POWERCAP_VERSION_2_0 SCMI_VERSION(2, 0)

/* Messages. */
#define SCMI_MSG_POWERCAP_DOMAIN_ATTRIBUTES    0x3
#define SCMI_MSG_POWERCAP_CAP_GET	       0x4
#define SCMI_MSG_POWERCAP_CAP_SET	       0x5
#define SCMI_MSG_POWERCAP_PAI_GET	       0x6
#define SCMI_MSG_POWERCAP_PAI_SET	       0x7
#define SCMI_MSG_POWERCAP_DOMAIN_NAME_GET      0x8
#define SCMI_MSG_POWERCAP_MEASUREMENTS_GET     0x9
#define SCMI_MSG_POWERCAP_CAP_NOTIFY	       0xa
#define SCMI_MSG_POWERCAP_MEASUREMENTS_NOTIFY  0xb
#define SCMI_MSG_POWERCAP_DESCRIBE_FASTCHANNEL 0xc

/*
 * NEGOTIATE_PROTOCOL_VERSION (ids.h) came with SCMI 3.2, which brought this version of the
 * protocol; it exists when the platform runs it, whatever the agent negotiated since.
 */
#define SCMI_MSG_POWERCAP_NEGOTIATE_PROTOCOL_VERSION_SINCE SCMI_POWERCAP_VERSION_2_0

/* Notifications. */
#define SCMI_EVT_POWERCAP_CAP_CHANGED	       0x0
#define SCMI_EVT_POWERCAP_MEASUREMENTS_CHANGED 0x1

/* PROTOCOL_ATTRIBUTES attributes: num_domains [15:0]. */
#define SCMI_POWERCAP_PA_NUM_DOMAINS(a)	 ((a)&0xffffu)
#define SCMI_POWERCAP_PA_NUM_DOMAINS_MAX 0xffffu

/* POWERCAP_DOMAIN_ATTRIBUTES attributes; the power unit in [24:23]. */
#define SCMI_POWERCAP_ATTR_CAP_NOTIFY  (1u << 31)
#define SCMI_POWERCAP_ATTR_MEAS_NOTIFY (1u << 30)
#define SCMI_POWERCAP_ATTR_ASYNC       (1u << 29)
#define SCMI_POWERCAP_ATTR_EXT_NAME    (1u << 28)
#define SCMI_POWERCAP_ATTR_CAP_CONFIG  (1u << 27)
#define SCMI_POWERCAP_ATTR_MONITORING  (1u << 26)
#define SCMI_POWERCAP_ATTR_PAI_CONFIG  (1u << 25)
#define SCMI_POWERCAP_ATTR_UNIT(a)     (((a) >> 23) & 0x3u)
#define SCMI_POWERCAP_ATTR_UNIT_SHIFT  23
#define SCMI_POWERCAP_ATTR_UNIT_MASK   0x3u
#define SCMI_POWERCAP_ATTR_FASTCHANNEL (1u << 22)

/*
 * PROTOCOL_MESSAGE_ATTRIBUTES of CAP_GET/SET and PAI_GET/SET: bit 0, a fast channel exists for
 * the message (on some zone). Each of those channels is one word (Linux insists on 4 bytes).
 */
#define SCMI_POWERCAP_MSG_ATTR_FASTCHANNEL (1u << 0)
#define SCMI_POWERCAP_FC_SIZE		   4u

/** enum scmi_powercap_unit - the power unit of a zone (POWERCAP_DOMAIN_ATTRIBUTES). */
enum scmi_powercap_unit {
	SCMI_POWERCAP_UNIT_ABSTRACT = 0,
	SCMI_POWERCAP_UNIT_UW = 1,
	SCMI_POWERCAP_UNIT_MW = 2,
};

/* parent_id of a root zone. */
#define SCMI_POWERCAP_ROOT 0xffffffffu

/* POWERCAP_CAP_SET flags: bit 0 no delayed response, bit 1 asynchronous; the rest reserved. */
#define SCMI_POWERCAP_CAP_SET_IGNORE_DRESP (1u << 0)
#define SCMI_POWERCAP_CAP_SET_ASYNC	   (1u << 1)
#define SCMI_POWERCAP_CAP_SET_RESERVED	   0xfffffffcu

/* The cap that disables capping (2.0; below any minimum before). */
#define SCMI_POWERCAP_CAP_DISABLED 0u

struct scmi_powercap_domain_attributes_p2a {
	uint32_t attributes;
	char name[SCMI_SHORT_NAME_SIZE];
	uint32_t min_pai;
	uint32_t max_pai;
	uint32_t pai_step;
	uint32_t min_power_cap;
	uint32_t max_power_cap;
	uint32_t power_cap_step;
	uint32_t sustainable_power;
	uint32_t accuracy;
	uint32_t parent_id;
};

struct scmi_powercap_cap_get_p2a {
	uint32_t power_cap;
};

struct scmi_powercap_cap_set_a2p {
	uint32_t domain_id;
	uint32_t flags;
	uint32_t power_cap;
};

/* The delayed response of an asynchronous CAP_SET (after its status). */
struct scmi_powercap_cap_set_dresp {
	uint32_t domain_id;
	uint32_t power_cap;
};

struct scmi_powercap_pai_get_p2a {
	uint32_t pai;
};

/* POWERCAP_PAI_SET: flags are reserved, 0. */
struct scmi_powercap_pai_set_a2p {
	uint32_t domain_id;
	uint32_t flags;
	uint32_t pai;
};

struct scmi_powercap_measurements_get_p2a {
	uint32_t power;
	uint32_t pai;
};

/* The thresholds bound the band outside which a measurement is notified. */
struct scmi_powercap_measurements_notify_a2p {
	uint32_t domain_id;
	uint32_t notify_enable;
	uint32_t power_thresh_low;
	uint32_t power_thresh_high;
};

/*
 * POWERCAP_DESCRIBE_FASTCHANNEL; its reply has the layout of PERF_DESCRIBE_FASTCHANNEL's
 * (struct scmi_perf_describe_fastchannel_p2a, perf.h).
 */
struct scmi_powercap_describe_fastchannel_a2p {
	uint32_t domain_id;
	uint32_t message_id;
};

/* POWERCAP_CAP_CHANGED. */
struct scmi_powercap_cap_changed_evt {
	uint32_t agent_id;
	uint32_t domain_id;
	uint32_t power_cap;
	uint32_t pai;
};

/* POWERCAP_MEASUREMENTS_CHANGED. */
struct scmi_powercap_measurements_changed_evt {
	uint32_t agent_id;
	uint32_t domain_id;
	uint32_t power;
};

SCMI_LAYOUT_SIZE(struct scmi_powercap_domain_attributes_p2a, 56);
SCMI_LAYOUT_SIZE(struct scmi_powercap_cap_get_p2a, 4);
SCMI_LAYOUT_SIZE(struct scmi_powercap_cap_set_a2p, 12);
SCMI_LAYOUT_SIZE(struct scmi_powercap_cap_set_dresp, 8);
SCMI_LAYOUT_SIZE(struct scmi_powercap_pai_get_p2a, 4);
SCMI_LAYOUT_SIZE(struct scmi_powercap_pai_set_a2p, 12);
SCMI_LAYOUT_SIZE(struct scmi_powercap_measurements_get_p2a, 8);
SCMI_LAYOUT_SIZE(struct scmi_powercap_measurements_notify_a2p, 16);
SCMI_LAYOUT_SIZE(struct scmi_powercap_describe_fastchannel_a2p, 8);
SCMI_LAYOUT_SIZE(struct scmi_powercap_cap_changed_evt, 16);
SCMI_LAYOUT_SIZE(struct scmi_powercap_measurements_changed_evt, 12);

#ifdef __cplusplus
}
#endif

#endif /* SCMI_PROTO_POWERCAP_H */
