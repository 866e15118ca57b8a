/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Performance domain protocol (0x13): what the server asks of the platform.
 *
 * The platform speaks performance levels (the values of its OPP table); the
 * server alone knows about the wire: level-indexing mode (v4), where agents
 * name levels by their index in the table, is translated by the server
 * through @opp. Every callback returns an SCMI status (enum scmi_status), so
 * that the freestanding server needs no errno. The server asks @domain first for
 * every message on a domain and takes its NOT_FOUND for an id the agent does
 * not see; @count is asked only for PROTOCOL_ATTRIBUTES.
 */
#ifndef SCMI_SERVER_PERF_H
#define SCMI_SERVER_PERF_H

#include <stdbool.h>
#include <stdint.h>

#include "scmi/proto/perf.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * struct scmi_server_perf_domain - what PERF_DOMAIN_ATTRIBUTES reports of a domain.
 * @name:               NUL-terminated name (PERF_DOMAIN_NAME_GET), zero-padded; the first
 *                      15 characters are the short name
 * @extended_name:      @name is longer than a short name may be (PERF_DOMAIN_NAME_GET)
 * @set_limits:         the agent may set limits
 * @set_level:          the agent may set the level
 * @notify_limits:      the agent may subscribe to limit changes
 * @notify_level:       the agent may subscribe to level changes
 * @level_indexing:     the domain uses level-indexing mode (reported from v4 on)
 * @rate_limit_us:      shortest time between level changes, microseconds (20 bits)
 * @sustained_freq_khz: frequency of the sustained level, kHz
 * @sustained_level:    the sustained performance level
 * @num_levels:         entries of the OPP table (1..)
 * @fastchannels:       the agent has fast channels for this domain (reported from v2 on;
 *                      struct scmi_server_perf_ops.fastchannel describes them)
 */
struct scmi_server_perf_domain {
	char name[SCMI_EXT_NAME_SIZE];
	bool extended_name;
	bool set_limits;
	bool set_level;
	bool notify_limits;
	bool notify_level;
	bool level_indexing;
	uint32_t rate_limit_us;
	uint32_t sustained_freq_khz;
	uint32_t sustained_level;
	uint32_t num_levels;
	bool fastchannels;
};

/**
 * struct scmi_server_fastchannel - one fast channel, as DESCRIBE_FASTCHANNEL gives it (perf
 * and powercap).
 * @addr:          the channel, in the agent's address space (for a guest: guest-physical)
 * @size:          its bytes
 * @rate_limit_us: the platform looks at the channel at most this often (20 bits)
 * @doorbell:      the agent rings a doorbell after writing (a SET channel only)
 * @db_width:      the doorbell register's width: 8 << @db_width bits (0..3)
 * @db_addr:       the doorbell register, in the agent's address space
 * @db_set:        bits the agent sets to ring
 * @db_preserve:   bits of the register the agent keeps when it rings
 */
struct scmi_server_fastchannel {
	uint64_t addr;
	uint32_t size;
	uint32_t rate_limit_us;
	bool doorbell;
	uint8_t db_width;
	uint64_t db_addr;
	uint64_t db_set;
	uint64_t db_preserve;
};

/**
 * struct scmi_server_perf_opp - one entry of a domain's OPP table.
 * @level:      performance level (the table is sorted by it, ascending, unique)
 * @power:      power cost at that level, in the unit the protocol attributes give
 * @latency_us: worst-case transition latency into that level, microseconds
 * @freq_khz:   indicative frequency, kHz
 */
struct scmi_server_perf_opp {
	uint32_t level;
	uint32_t power;
	uint32_t latency_us;
	uint32_t freq_khz;
};

/**
 * struct scmi_server_perf_ops - Performance domain resources of the platform.
 * @count:      domains visible to @agent_id (ids 0..count-1)
 * @power_uw:   power costs are in microwatts (else milliwatts)
 * @domain:     fill @out for domain @id: SUCCESS or NOT_FOUND
 * @opp:        entry @index of domain @id's OPP table: SUCCESS, NOT_FOUND (domain) or
 *              INVALID_PARAMETERS (index)
 * @limits_get: current limits of domain @id
 * @limits_set: set the limits: INVALID_PARAMETERS when @min > @max, OUT_OF_RANGE when they
 *              hold no OPP, DENIED when the agent may not
 * @level_get:  the level domain @id runs at
 * @level_set:  request @level for @agent_id: OUT_OF_RANGE when not an OPP or outside the
 *              limits, DENIED when the agent may not
 * @notify:     record @agent_id's subscription to limit (@limits) or level changes
 * @fastchannel: the fast channel of message @msg_id (LIMITS_SET/GET, LEVEL_SET/GET) on domain
 *              @id for @agent_id: SUCCESS, NOT_FOUND (domain) or NOT_SUPPORTED (none). NULL:
 *              no fast channels at all
 */
struct scmi_server_perf_ops {
	uint32_t (*count)(void *plat, uint32_t agent_id);
	bool (*power_uw)(void *plat);
	int32_t (*domain)(void *plat, uint32_t agent_id, uint32_t id,
			  struct scmi_server_perf_domain *out);
	int32_t (*opp)(void *plat, uint32_t agent_id, uint32_t id, uint32_t index,
		       struct scmi_server_perf_opp *out);
	int32_t (*limits_get)(void *plat, uint32_t agent_id, uint32_t id, uint32_t *max,
			      uint32_t *min);
	int32_t (*limits_set)(void *plat, uint32_t agent_id, uint32_t id, uint32_t max,
			      uint32_t min);
	int32_t (*level_get)(void *plat, uint32_t agent_id, uint32_t id, uint32_t *level);
	int32_t (*level_set)(void *plat, uint32_t agent_id, uint32_t id, uint32_t level);
	int32_t (*notify)(void *plat, uint32_t agent_id, uint32_t id, bool limits, bool enable);
	int32_t (*fastchannel)(void *plat, uint32_t agent_id, uint32_t id, uint32_t msg_id,
			       struct scmi_server_fastchannel *out);
};

#ifdef __cplusplus
}
#endif

#endif /* SCMI_SERVER_PERF_H */
