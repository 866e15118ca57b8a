/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Reset domain protocol (0x16): what the server asks of the platform.
 *
 * The server validates the message (flags, reset_state encoding) and then
 * asks the platform; the platform answers with an SCMI status for what only
 * it can judge (an unknown domain: NOT_FOUND before any other status; an
 * IMPLEMENTATION defined reset state it lacks, a denied domain). The server
 * asks @count only to report it, and to tell NOT_FOUND apart when it refuses
 * a request itself. Every op runs synchronously: the
 * OP-TEE transport has no platform-to-agent channel for RESET_COMPLETE.
 */
#ifndef SCMI_SERVER_RESET_H
#define SCMI_SERVER_RESET_H

#include <stdbool.h>
#include <stdint.h>

#include "scmi/proto/reset.h"

#ifdef __cplusplus
extern "C" {
#endif

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
 *             (proto/reset.h)
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
 * @info:   describe domain @id; returns an SCMI status, NOT_FOUND for an id the agent does
 *          not see
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

#ifdef __cplusplus
}
#endif

#endif /* SCMI_SERVER_RESET_H */
