/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Reset domain protocol (0x16): what the server asks of the platform.
 *
 * The server validates the message (domain id against @count, flags,
 * reset_state encoding) and then asks the platform; the platform answers
 * with an SCMI status for what only it can judge (an IMPLEMENTATION defined
 * reset state it lacks, a denied domain). Every op runs synchronously: the
 * OP-TEE transport has no platform-to-agent channel for RESET_COMPLETE.
 */
#ifndef SCMI_SERVER_RESET_H
#define SCMI_SERVER_RESET_H

#include <stdbool.h>
#include <stdint.h>

#include "scmi/proto/ids.h"

/* Message ids of the Reset domain protocol. */
#define SCMI_RESET_DOMAIN_ATTRIBUTES 0x3
#define SCMI_RESET_RESET	     0x4
#define SCMI_RESET_NOTIFY	     0x5
#define SCMI_RESET_DOMAIN_NAME_GET   0x6

/* RESET flags. */
#define SCMI_RESET_FLAG_AUTONOMOUS (1u << 0)
#define SCMI_RESET_FLAG_ASSERT	   (1u << 1)
#define SCMI_RESET_FLAG_ASYNC	   (1u << 2)

/* reset_state: bit 31 selects an IMPLEMENTATION defined state; bits [30:0] are its id. */
#define SCMI_RESET_STATE_IMPL	 (1u << 31)
#define SCMI_RESET_STATE_ID_MASK 0x7fffffffu
/* The only architectural reset state: cold reset. */
#define SCMI_RESET_STATE_COLD 0u

/* RESET_DOMAIN_ATTRIBUTES attribute bits. */
#define SCMI_RESET_ATTR_ASYNC	 (1u << 31)
#define SCMI_RESET_ATTR_NOTIFY	 (1u << 30)
#define SCMI_RESET_ATTR_EXT_NAME (1u << 29)

/* Latency value meaning "not known". */
#define SCMI_RESET_LATENCY_UNKNOWN 0xffffffffu

/** enum scmi_server_reset_action - what RESET asks of a domain. */
enum scmi_server_reset_action {
	SCMI_SERVER_RESET_AUTONOMOUS = 0, /* assert then deassert, done by the platform */
	SCMI_SERVER_RESET_ASSERT,	  /* hold the domain in reset */
	SCMI_SERVER_RESET_DEASSERT,	  /* release it */
};

/**
 * struct scmi_server_reset_info - what the platform says about one domain.
 * @name:       short name, NUL-padded
 * @ext_name:   full name (NUL-terminated, may equal @name)
 * @latency_us: worst-case time for a reset to take effect, or SCMI_RESET_LATENCY_UNKNOWN
 * @notify:     the domain can report RESET_ISSUED (RESET_NOTIFY is accepted)
 */
struct scmi_server_reset_info {
	char name[SCMI_SHORT_NAME_SIZE];
	char ext_name[SCMI_EXT_NAME_SIZE];
	uint32_t latency_us;
	bool notify;
};

/**
 * struct scmi_server_reset_ops - Reset domain resources of the platform.
 * @count:  domains visible to @agent_id (ids 0..count-1)
 * @info:   describe domain @id (< count); returns an SCMI status
 * @reset:  perform @action on domain @id with @reset_state (validated encoding:
 *          architectural states are only ever COLD); returns an SCMI status
 *          (INVALID_PARAMETERS for an IMPLEMENTATION defined state the domain lacks)
 * @notify: record whether @agent_id wants RESET_ISSUED for domain @id
 */
struct scmi_server_reset_ops {
	uint32_t (*count)(void *plat, uint32_t agent_id);
	int32_t (*info)(void *plat, uint32_t agent_id, uint32_t id,
			struct scmi_server_reset_info *info);
	int32_t (*reset)(void *plat, uint32_t agent_id, uint32_t id,
			 enum scmi_server_reset_action action, uint32_t reset_state);
	int32_t (*notify)(void *plat, uint32_t agent_id, uint32_t id, bool enable);
};

#endif /* SCMI_SERVER_RESET_H */
