/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Voltage domain protocol (0x17) client.
 *
 * Start with scmi_voltage_init(): it reads the platform's version and adapts
 * as Linux does (a newer platform is asked to negotiate down to 2.1, the
 * version this client speaks; an older one is spoken to in its own layouts,
 * and messages it lacks are refused locally with -EOPNOTSUPP), then reads the
 * number of domains. Levels are signed microvolts.
 */
#ifndef SCMI_VOLTAGE_H
#define SCMI_VOLTAGE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "proto/voltage.h"
#include "scmi.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Version of the Voltage domain protocol this client speaks. */
#define SCMI_VOLTAGE_CLIENT_VERSION SCMI_VOLTAGE_VERSION_2_1

/*
 * Modes for scmi_voltage_config_set(): SCMI_VOLTAGE_CONFIG_OFF, SCMI_VOLTAGE_CONFIG_ON or
 * SCMI_VOLTAGE_CONFIG_IMPL_DEFINED(n) (proto/voltage.h).
 */

/** Most levels scmi_voltage_describe_levels() collects (a bound on the walk too). */
#define SCMI_VOLTAGE_MAX_LEVELS 1024u

/**
 * struct scmi_voltage - a Voltage domain protocol handle.
 * @agent:       the agent it talks through
 * @version:     version in use: the platform's, or the negotiated one
 * @num_domains: domains the platform exposes to this agent
 */
struct scmi_voltage {
	struct scmi_agent *agent;
	uint32_t version;
	uint32_t num_domains;
};

/**
 * struct scmi_voltage_domain_info - one voltage domain.
 * @name:     the extended name when the platform has one, else the short one
 * @async:    the platform can set levels asynchronously
 * @ext_name: the platform has an extended name (and @name is it)
 */
struct scmi_voltage_domain_info {
	char name[SCMI_EXT_NAME_SIZE + 1];
	bool async;
	bool ext_name;
};

/**
 * struct scmi_voltage_levels_page - one VOLTAGE_DESCRIBE_LEVELS reply, checked.
 * @segmented: the levels are a (min, max, step) triplet
 * @returned:  levels in this page
 * @remaining: levels after this page, as the platform says
 * @levels:    the levels (µV)
 */
struct scmi_voltage_levels_page {
	bool segmented;
	uint32_t returned;
	uint32_t remaining;
	int32_t levels[1024];
};

/**
 * struct scmi_voltage_levels - a domain's levels, walked to the end.
 * @segmented: @levels is min, max, step (@count 3)
 * @count:     levels in @levels
 * @levels:    ascending levels (µV), or the triplet
 */
struct scmi_voltage_levels {
	bool segmented;
	size_t count;
	int32_t levels[SCMI_VOLTAGE_MAX_LEVELS];
};

/**
 * scmi_voltage_init() - read the version (negotiating if the platform is newer) and the
 * number of domains into @v. 0 or -errno.
 */
int scmi_voltage_init(struct scmi_voltage *v, struct scmi_agent *agent);

/**
 * scmi_voltage_domain_attributes() - VOLTAGE_DOMAIN_ATTRIBUTES of domain @id, and its
 * extended name (VOLTAGE_DOMAIN_NAME_GET, version >= 2.0) when the attributes announce
 * one. A failing NAME_GET keeps the short name, as Linux does.
 */
int scmi_voltage_domain_attributes(const struct scmi_voltage *v, uint32_t id,
				   struct scmi_voltage_domain_info *info);

/**
 * scmi_voltage_domain_name() - VOLTAGE_DOMAIN_NAME_GET of domain @id, NUL-terminated.
 * -EOPNOTSUPP below version 2.0 (without sending anything).
 */
int scmi_voltage_domain_name(const struct scmi_voltage *v, uint32_t id,
			     char name[SCMI_EXT_NAME_SIZE + 1]);

/**
 * scmi_voltage_describe_levels_page() - one VOLTAGE_DESCRIBE_LEVELS reply from @index.
 * -EPROTO when the reply is shorter than its count says, or a triplet is not exactly
 * three levels with none remaining.
 */
int scmi_voltage_describe_levels_page(const struct scmi_voltage *v, uint32_t id, uint32_t index,
				      struct scmi_voltage_levels_page *page);

/**
 * scmi_voltage_describe_levels() - every level of domain @id, page by page. -EPROTO for
 * a malformed page, a page that returns nothing while levels remain, a remaining count
 * that does not shrink by what was returned, or more than SCMI_VOLTAGE_MAX_LEVELS.
 */
int scmi_voltage_describe_levels(const struct scmi_voltage *v, uint32_t id,
				 struct scmi_voltage_levels *levels);

/** scmi_voltage_config_set() - VOLTAGE_CONFIG_SET: @mode (SCMI_VOLTAGE_CONFIG_*). */
int scmi_voltage_config_set(const struct scmi_voltage *v, uint32_t id, uint32_t mode);

/** scmi_voltage_config_get() - VOLTAGE_CONFIG_GET: the mode (4 bits). */
int scmi_voltage_config_get(const struct scmi_voltage *v, uint32_t id, uint32_t *mode);

/** scmi_voltage_level_set() - VOLTAGE_LEVEL_SET, synchronous: domain @id to @uv µV. */
int scmi_voltage_level_set(const struct scmi_voltage *v, uint32_t id, int32_t uv);

/** scmi_voltage_level_get() - VOLTAGE_LEVEL_GET: domain @id's level in µV. */
int scmi_voltage_level_get(const struct scmi_voltage *v, uint32_t id, int32_t *uv);

#ifdef __cplusplus
}
#endif

#endif /* SCMI_VOLTAGE_H */
