/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Protocol ids, message ids and fixed sizes shared by agent and server.
 */
#ifndef SCMI_PROTO_IDS_H
#define SCMI_PROTO_IDS_H

#include <stdint.h>

#include "layout.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Protocol ids (DEN0056 §4.x; Linux include/linux/scmi_protocol.h). */
#define SCMI_PROTOCOL_BASE     0x10
#define SCMI_PROTOCOL_POWER    0x11
#define SCMI_PROTOCOL_SYSTEM   0x12
#define SCMI_PROTOCOL_PERF     0x13
#define SCMI_PROTOCOL_CLOCK    0x14
#define SCMI_PROTOCOL_SENSOR   0x15
#define SCMI_PROTOCOL_RESET    0x16
#define SCMI_PROTOCOL_VOLTAGE  0x17
#define SCMI_PROTOCOL_POWERCAP 0x18
#define SCMI_PROTOCOL_PINCTRL  0x19
/* First vendor-specific protocol id. */
#define SCMI_PROTOCOL_VENDOR_BASE 0x80

/* Messages every protocol has. */
#define SCMI_MSG_PROTOCOL_VERSION	     0x0
#define SCMI_MSG_PROTOCOL_ATTRIBUTES	     0x1
#define SCMI_MSG_PROTOCOL_MESSAGE_ATTRIBUTES 0x2
#define SCMI_MSG_NEGOTIATE_PROTOCOL_VERSION  0x10

/* Version word: major in [31:16], minor in [15:0]. */
#define SCMI_VERSION(major, minor) (((uint32_t)(major) << 16) | (uint32_t)(minor))
#define SCMI_VERSION_MAJOR(v)	   ((uint32_t)(v) >> 16)
#define SCMI_VERSION_MINOR(v)	   ((uint32_t)(v)&0xffffu)

/* Name fields: short names in *_ATTRIBUTES and vendor strings; extended names. */
#define SCMI_SHORT_NAME_SIZE 16
#define SCMI_EXT_NAME_SIZE   64

/* Layouts every protocol uses (conventions: layout.h). */

/* PROTOCOL_VERSION, NEGOTIATE_PROTOCOL_VERSION: a version word. */
struct scmi_version_msg {
	uint32_t version;
};

/* PROTOCOL_ATTRIBUTES reply; the meaning of the word is the protocol's. */
struct scmi_protocol_attributes_p2a {
	uint32_t attributes;
};

struct scmi_msg_attributes_a2p {
	uint32_t message_id;
};

struct scmi_msg_attributes_p2a {
	uint32_t attributes;
};

/* A request that names one resource (clock, domain, sensor, ...) and nothing else. */
struct scmi_id_a2p {
	uint32_t id;
};

/* The *_NOTIFY requests that enable or disable one resource's notifications. */
struct scmi_notify_a2p {
	uint32_t id;
	uint32_t notify_enable;
};
/* notify_enable: bit 0 enables; the other bits are reserved. */
#define SCMI_NOTIFY_ENABLE	    (1u << 0)
#define SCMI_NOTIFY_ENABLE_RESERVED 0xfffffffeu

/* The *_NAME_GET reply: flags (reserved, zero) and the extended name, NUL-terminated. */
struct scmi_name_get_p2a {
	uint32_t flags;
	char name[SCMI_EXT_NAME_SIZE];
};

SCMI_LAYOUT_SIZE(struct scmi_version_msg, 4);
SCMI_LAYOUT_SIZE(struct scmi_protocol_attributes_p2a, 4);
SCMI_LAYOUT_SIZE(struct scmi_msg_attributes_a2p, 4);
SCMI_LAYOUT_SIZE(struct scmi_msg_attributes_p2a, 4);
SCMI_LAYOUT_SIZE(struct scmi_id_a2p, 4);
SCMI_LAYOUT_SIZE(struct scmi_notify_a2p, 8);
SCMI_LAYOUT_SIZE(struct scmi_name_get_p2a, 68);

#ifdef __cplusplus
}
#endif

#endif /* SCMI_PROTO_IDS_H */
