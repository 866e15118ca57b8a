/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Performance domain protocol (0x13) client, versions 1.0 to 4.0.
 *
 * The client adapts to the platform as Linux does: scmi_perf_init() reads
 * PROTOCOL_VERSION and, when the platform is newer than 4.0, negotiates 4.0.
 * Calls whose layout depends on the version (level entries, the extended
 * name) ask the version again, so every call works without scmi_perf_init()
 * too; messages the platform's version lacks are not sent (-EOPNOTSUPP).
 *
 * Levels: in level-indexing mode (v4, @level_indexing in the domain info)
 * LEVEL/LIMITS SET/GET take and return level indexes (struct
 * scmi_perf_level.index), otherwise performance levels.
 */
#ifndef SCMI_PERF_H
#define SCMI_PERF_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "proto/perf.h"
#include "scmi.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Highest perf protocol version this client speaks. */
#define SCMI_PERF_VERSION SCMI_PERF_VERSION_4_0
/** Room for a perf domain name (extended: 64 bytes with the NUL). */
#define SCMI_PERF_NAME_BUF SCMI_EXT_NAME_SIZE
/** Most levels scmi_perf_describe_levels() walks, whatever the platform claims. */
#define SCMI_PERF_MAX_LEVELS 256u

/**
 * struct scmi_perf_info - PROTOCOL_ATTRIBUTES.
 * @version:     protocol version in force
 * @num_domains: performance domains
 * @power_mw:    power costs are in milliwatts
 * @power_uw:    power costs are in microwatts (v3+); neither: abstract units
 * @stats_addr:  statistics shared memory address (0: none)
 * @stats_size:  its size
 */
struct scmi_perf_info {
	uint32_t version;
	uint32_t num_domains;
	bool power_mw;
	bool power_uw;
	uint64_t stats_addr;
	uint32_t stats_size;
};

/**
 * struct scmi_perf_domain_info - PERF_DOMAIN_ATTRIBUTES (and the extended name).
 * @name:               name (extended when @extended_name), NUL-terminated
 * @set_limits:         the agent may set limits
 * @set_level:          the agent may set the level
 * @notify_limits:      limit-change notifications are supported
 * @notify_level:       level-change notifications are supported
 * @fastchannels:       fast channels are supported
 * @extended_name:      the name came from PERF_DOMAIN_NAME_GET (v3+)
 * @level_indexing:     level-indexing mode (v4)
 * @rate_limit_us:      shortest time between level changes, microseconds
 * @sustained_freq_khz: sustained frequency, kHz
 * @sustained_level:    sustained performance level (an index in level-indexing mode)
 */
struct scmi_perf_domain_info {
	char name[SCMI_PERF_NAME_BUF];
	bool set_limits;
	bool set_level;
	bool notify_limits;
	bool notify_level;
	bool fastchannels;
	bool extended_name;
	bool level_indexing;
	uint32_t rate_limit_us;
	uint32_t sustained_freq_khz;
	uint32_t sustained_level;
};

/**
 * struct scmi_perf_level - one entry of PERF_DESCRIBE_LEVELS.
 * @perf:       performance level
 * @power:      power cost (unit: struct scmi_perf_info)
 * @latency_us: transition latency, microseconds
 * @freq_khz:   indicative frequency, kHz (v4; 0 before)
 * @index:      level index (v4; before v4 the entry's position in the table)
 */
struct scmi_perf_level {
	uint32_t perf;
	uint32_t power;
	uint32_t latency_us;
	uint32_t freq_khz;
	uint32_t index;
};

/**
 * struct scmi_perf_fastchannel - PERF_DESCRIBE_FASTCHANNEL.
 * @attributes:    SCMI_PERF_FC_DOORBELL, SCMI_PERF_FC_DOORBELL_WIDTH() (proto/perf.h)
 * @rate_limit_us: rate limit, microseconds
 * @chan_addr:     channel address
 * @chan_size:     channel size
 * @db_addr:       doorbell address
 * @db_set_mask:   doorbell set mask
 * @db_preserve_mask: doorbell preserve mask
 */
struct scmi_perf_fastchannel {
	uint32_t attributes;
	uint32_t rate_limit_us;
	uint64_t chan_addr;
	uint32_t chan_size;
	uint64_t db_addr;
	uint64_t db_set_mask;
	uint64_t db_preserve_mask;
};

/**
 * scmi_perf_init() - the version in force: PROTOCOL_VERSION, negotiating down to
 * SCMI_PERF_VERSION when the platform is newer (as Linux: a refusal is not an error,
 * the client then uses its own layouts). @version may be NULL.
 */
int scmi_perf_init(struct scmi_agent *agent, uint32_t *version);

/** scmi_perf_protocol_info() - PROTOCOL_VERSION and PROTOCOL_ATTRIBUTES into @info. */
int scmi_perf_protocol_info(struct scmi_agent *agent, struct scmi_perf_info *info);

/**
 * scmi_perf_domain_attributes() - PERF_DOMAIN_ATTRIBUTES of @domain, then, when the
 * extended-name bit is set (v3+), PERF_DOMAIN_NAME_GET (its failure keeps the short name).
 */
int scmi_perf_domain_attributes(struct scmi_agent *agent, uint32_t domain,
				struct scmi_perf_domain_info *info);

/**
 * scmi_perf_describe_levels_page() - one PERF_DESCRIBE_LEVELS reply from @first: at most
 * @max entries into @levels, *@returned and *@remaining as the platform said. -EPROTO
 * for a reply shorter than its count says.
 */
int scmi_perf_describe_levels_page(struct scmi_agent *agent, uint32_t domain, uint32_t first,
				   struct scmi_perf_level *levels, size_t max, uint32_t *returned,
				   uint32_t *remaining);

/**
 * scmi_perf_describe_levels() - walk PERF_DESCRIBE_LEVELS to the end: at most @max levels
 * into @levels, the total in *@count. -EPROTO when a page is malformed, when the remaining
 * count fails to shrink by what was returned, or when the walk passes SCMI_PERF_MAX_LEVELS;
 * -ENOSPC when @max is too small.
 */
int scmi_perf_describe_levels(struct scmi_agent *agent, uint32_t domain,
			      struct scmi_perf_level *levels, size_t max, size_t *count);

/** scmi_perf_limits_set() - PERF_LIMITS_SET (@max, @min: levels or indexes). */
int scmi_perf_limits_set(struct scmi_agent *agent, uint32_t domain, uint32_t max, uint32_t min);

/** scmi_perf_limits_get() - PERF_LIMITS_GET. */
int scmi_perf_limits_get(struct scmi_agent *agent, uint32_t domain, uint32_t *max, uint32_t *min);

/** scmi_perf_level_set() - PERF_LEVEL_SET (a level, or an index). */
int scmi_perf_level_set(struct scmi_agent *agent, uint32_t domain, uint32_t level);

/** scmi_perf_level_get() - PERF_LEVEL_GET. */
int scmi_perf_level_get(struct scmi_agent *agent, uint32_t domain, uint32_t *level);

/** scmi_perf_notify_limits() - PERF_NOTIFY_LIMITS. */
int scmi_perf_notify_limits(struct scmi_agent *agent, uint32_t domain, bool enable);

/** scmi_perf_notify_level() - PERF_NOTIFY_LEVEL. */
int scmi_perf_notify_level(struct scmi_agent *agent, uint32_t domain, bool enable);

/**
 * scmi_perf_describe_fastchannel() - PERF_DESCRIBE_FASTCHANNEL of @msg_id (v2+;
 * -EOPNOTSUPP before).
 */
int scmi_perf_describe_fastchannel(struct scmi_agent *agent, uint32_t domain, uint32_t msg_id,
				   struct scmi_perf_fastchannel *fc);

/** scmi_perf_domain_name_get() - PERF_DOMAIN_NAME_GET (v3+; -EOPNOTSUPP before). */
int scmi_perf_domain_name_get(struct scmi_agent *agent, uint32_t domain,
			      char name[SCMI_PERF_NAME_BUF]);

#ifdef __cplusplus
}
#endif

#endif /* SCMI_PERF_H */
