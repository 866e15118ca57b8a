/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Powercap protocol (0x18) client.
 *
 * Start with scmi_powercap_init(): it reads the platform's version and adapts as
 * Linux does (a newer platform is asked to negotiate down to 2.0, the version
 * this client speaks; an older one is spoken to as it is, and what it lacks is
 * refused locally with -EOPNOTSUPP), then reads the number of zones.
 *
 * Caps are set synchronously (the async flag is never sent: the OP-TEE
 * transport has no channel for delayed responses). From version 2.0 a cap of 0
 * means "capping disabled"; scmi_powercap_cap_enable() uses that.
 */
#ifndef SCMI_POWERCAP_H
#define SCMI_POWERCAP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "proto/powercap.h"
#include "scmi.h"

#ifdef __cplusplus
extern "C" {
#endif

/*
 * SCMI_POWERCAP_ROOT (the parent_id of a root zone) and enum scmi_powercap_unit are wire
 * facts: proto/powercap.h.
 */

/** Version of the Powercap protocol this client speaks. */
#define SCMI_POWERCAP_CLIENT_VERSION SCMI_POWERCAP_VERSION_2_0

/**
 * struct scmi_powercap - a Powercap protocol handle.
 * @agent:     the agent it talks through
 * @version:   version in use: the platform's, or the negotiated one
 * @num_zones: zones the platform exposes to this agent
 */
struct scmi_powercap {
	struct scmi_agent *agent;
	uint32_t version;
	uint32_t num_zones;
};

/**
 * struct scmi_powercap_zone_info - POWERCAP_DOMAIN_ATTRIBUTES of a zone.
 * @name:        its name: the extended one when the platform has one
 * @cap_notify:  cap change notifications supported
 * @meas_notify: measurement notifications supported
 * @async:       asynchronous CAP_SET supported
 * @ext_name:    the platform has an extended name (and @name is it)
 * @cap_config:  the cap can be set
 * @monitoring:  MEASUREMENTS_GET supported
 * @pai_config:  the averaging interval can be set
 * @fastchannel: fast channels exist
 * @unit:        power unit of every power value of the zone
 * @min_pai_us:  shortest averaging interval
 * @max_pai_us:  longest
 * @pai_step_us: its step
 * @min_cap:     lowest cap, in @unit
 * @max_cap:     highest cap
 * @cap_step:    its step
 * @sustainable: sustainable power
 * @accuracy:    measurement accuracy, 0.001 % units
 * @parent_id:   enclosing zone, or SCMI_POWERCAP_ROOT
 */
struct scmi_powercap_zone_info {
	char name[SCMI_EXT_NAME_SIZE + 1];
	bool cap_notify;
	bool meas_notify;
	bool async;
	bool ext_name;
	bool cap_config;
	bool monitoring;
	bool pai_config;
	bool fastchannel;
	enum scmi_powercap_unit unit;
	uint32_t min_pai_us;
	uint32_t max_pai_us;
	uint32_t pai_step_us;
	uint32_t min_cap;
	uint32_t max_cap;
	uint32_t cap_step;
	uint32_t sustainable;
	uint32_t accuracy;
	uint32_t parent_id;
};

/**
 * scmi_powercap_init() - read the version (negotiating if the platform is newer) and the
 * number of zones into @pc. 0 or -errno.
 */
int scmi_powercap_init(struct scmi_powercap *pc, struct scmi_agent *agent);

/**
 * scmi_powercap_zone_info() - POWERCAP_DOMAIN_ATTRIBUTES of zone @id, and its extended
 * name (POWERCAP_DOMAIN_NAME_GET) when announced; a failing NAME_GET keeps the short name.
 * -EPROTO for a reply Linux would refuse (zero limits, configurable without a step, a parent
 * that does not exist or is the zone itself).
 */
int scmi_powercap_zone_info(const struct scmi_powercap *pc, uint32_t id,
			    struct scmi_powercap_zone_info *info);

/** scmi_powercap_zone_name() - POWERCAP_DOMAIN_NAME_GET of zone @id, NUL-terminated. */
int scmi_powercap_zone_name(const struct scmi_powercap *pc, uint32_t id,
			    char name[SCMI_EXT_NAME_SIZE + 1]);

/**
 * scmi_powercap_cap_get() - POWERCAP_CAP_GET: the cap of zone @id (0 from version 2.0:
 * capping disabled).
 */
int scmi_powercap_cap_get(const struct scmi_powercap *pc, uint32_t id, uint32_t *cap);

/**
 * scmi_powercap_cap_set() - POWERCAP_CAP_SET, synchronous. @cap 0 disables capping, and is
 * refused locally (-EOPNOTSUPP) below version 2.0.
 */
int scmi_powercap_cap_set(const struct scmi_powercap *pc, uint32_t id, uint32_t cap);

/**
 * scmi_powercap_cap_enable() - enable capping of zone @id at cap @cap, or disable it
 * (@enable false; @cap ignored). -EOPNOTSUPP below version 2.0.
 */
int scmi_powercap_cap_enable(const struct scmi_powercap *pc, uint32_t id, bool enable,
			     uint32_t cap);

/** scmi_powercap_pai_get() - POWERCAP_PAI_GET: the averaging interval of zone @id, us. */
int scmi_powercap_pai_get(const struct scmi_powercap *pc, uint32_t id, uint32_t *pai_us);

/** scmi_powercap_pai_set() - POWERCAP_PAI_SET. */
int scmi_powercap_pai_set(const struct scmi_powercap *pc, uint32_t id, uint32_t pai_us);

/**
 * scmi_powercap_measure() - POWERCAP_MEASUREMENTS_GET: average power of zone @id over the
 * last interval (in the zone's unit) and that interval in us (either may be NULL).
 */
int scmi_powercap_measure(const struct scmi_powercap *pc, uint32_t id, uint32_t *power,
			  uint32_t *pai_us);

/** scmi_powercap_cap_notify() - POWERCAP_CAP_NOTIFY: (un)subscribe to cap changes. */
int scmi_powercap_cap_notify(const struct scmi_powercap *pc, uint32_t id, bool enable);

/**
 * scmi_powercap_measurements_notify() - POWERCAP_MEASUREMENTS_NOTIFY: (un)subscribe to
 * power leaving [@low, @high].
 */
int scmi_powercap_measurements_notify(const struct scmi_powercap *pc, uint32_t id, bool enable,
				      uint32_t low, uint32_t high);

/**
 * scmi_powercap_describe_fastchannel() - POWERCAP_DESCRIBE_FASTCHANNEL of @msg_id on zone
 * @id: the raw reply (up to @max bytes) and its length. The platform of this project has
 * no fast channel and answers -EOPNOTSUPP.
 */
int scmi_powercap_describe_fastchannel(const struct scmi_powercap *pc, uint32_t id, uint32_t msg_id,
				       uint8_t *rx, size_t max, size_t *len);

#ifdef __cplusplus
}
#endif

#endif /* SCMI_POWERCAP_H */
