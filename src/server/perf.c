// SPDX-License-Identifier: BSD-3-Clause
/*
 * Performance domain protocol (0x13), version 4.0, down to 1.0.
 *
 * Theory of operation: the platform (struct scmi_server_perf_ops) owns the
 * domains, their OPP tables and the DVFS; this file is the wire. It lays out
 * replies for the version in force for the agent (msg->version): level
 * entries of 12 bytes before v4 and 20 bytes (indicative frequency, level
 * index) from v4; the extended-name bit from v3, the level-indexing bit from
 * v4. In level-indexing mode (v4, per domain) agents name levels by their
 * index in the OPP table in LEVEL/LIMITS SET/GET and in the sustained level;
 * the platform always speaks performance levels, so the translation is done
 * here both ways.
 *
 * There is no fast channel over OP-TEE (no shared memory the agent could
 * poke without a message), so PROTOCOL_MESSAGE_ATTRIBUTES never sets bit 0,
 * no domain sets bit 27, and PERF_DESCRIBE_FASTCHANNEL answers NOT_SUPPORTED
 * for a valid domain and message. Statistics shared memory: none (0, 0, 0).
 */
#include <string.h>

#include "scmi/server/perf.h"
#include "server/server_helpers.h"
#include "server/server_protocol.h"

#define PERF_MSG_DOMAIN_ATTRIBUTES    0x3u
#define PERF_MSG_DESCRIBE_LEVELS      0x4u
#define PERF_MSG_LIMITS_SET	      0x5u
#define PERF_MSG_LIMITS_GET	      0x6u
#define PERF_MSG_LEVEL_SET	      0x7u
#define PERF_MSG_LEVEL_GET	      0x8u
#define PERF_MSG_NOTIFY_LIMITS	      0x9u
#define PERF_MSG_NOTIFY_LEVEL	      0xau
#define PERF_MSG_DESCRIBE_FASTCHANNEL 0xbu
#define PERF_MSG_DOMAIN_NAME_GET      0xcu

#define PERF_ATTR_SET_LIMITS	      (1u << 31)
#define PERF_ATTR_SET_LEVEL	      (1u << 30)
#define PERF_ATTR_NOTIFY_LIMITS	      (1u << 29)
#define PERF_ATTR_NOTIFY_LEVEL	      (1u << 28)
#define PERF_ATTR_EXTENDED_NAME	      (1u << 26)
#define PERF_ATTR_LEVEL_INDEXING      (1u << 25)

/* PROTOCOL_ATTRIBUTES flags (bits [31:16] of the first word). */
#define PERF_PROTO_POWER_MW    (1u << 16)
#define PERF_PROTO_POWER_UW    (1u << 17)

#define PERF_RATE_LIMIT_MASK   0xfffffu
#define PERF_LEVEL_ENTRY_V1    12u
#define PERF_LEVEL_ENTRY_V4    20u
#define PERF_NUM_RETURNED_MAX  0xfffu
#define PERF_NUM_REMAINING_MAX 0xffffu

static const struct scmi_server_perf_ops *perf_ops(const struct scmi_server_msg *msg)
{
	return msg->srv->ops ? msg->srv->ops->perf : NULL;
}

static bool perf_v4(const struct scmi_server_msg *msg)
{
	return SCMI_VERSION_MAJOR(msg->version) >= 4;
}

static uint32_t perf_count(const struct scmi_server_msg *msg)
{
	const struct scmi_server_perf_ops *ops = perf_ops(msg);

	return ops && ops->count ? ops->count(msg->srv->plat, msg->agent_id) : 0;
}

/* The domain of the request's first word, or NOT_FOUND. */
static int32_t perf_domain(const struct scmi_server_msg *msg, uint32_t *id,
			   struct scmi_server_perf_domain *d)
{
	const struct scmi_server_perf_ops *ops = perf_ops(msg);
	int32_t st;

	*id = scmi_server_msg_get_u32(msg, 0);
	if (*id >= perf_count(msg) || !ops->domain)
		return SCMI_NOT_FOUND;
	memset(d, 0, sizeof(*d));
	st = ops->domain(msg->srv->plat, msg->agent_id, *id, d);
	if (st != SCMI_SUCCESS)
		return st;
	if (!d->num_levels)
		return SCMI_GENERIC_ERROR;
	/* Level indexing does not exist before v4: such a domain speaks levels there. */
	if (!perf_v4(msg))
		d->level_indexing = false;
	return SCMI_SUCCESS;
}

static int32_t perf_opp(const struct scmi_server_msg *msg, uint32_t id, uint32_t index,
			struct scmi_server_perf_opp *opp)
{
	const struct scmi_server_perf_ops *ops = perf_ops(msg);

	if (!ops->opp)
		return SCMI_GENERIC_ERROR;
	memset(opp, 0, sizeof(*opp));
	return ops->opp(msg->srv->plat, msg->agent_id, id, index, opp);
}

/* Wire value (an index in level-indexing mode) to performance level. */
static int32_t perf_from_wire(const struct scmi_server_msg *msg, uint32_t id,
			      const struct scmi_server_perf_domain *d, uint32_t v, uint32_t *level)
{
	struct scmi_server_perf_opp opp;
	int32_t st;

	if (!d->level_indexing) {
		*level = v;
		return SCMI_SUCCESS;
	}
	if (v >= d->num_levels)
		return SCMI_OUT_OF_RANGE;
	st = perf_opp(msg, id, v, &opp);
	if (st == SCMI_SUCCESS)
		*level = opp.level;
	return st;
}

/*
 * Performance level to wire value. A level between two OPPs (a limit may be one)
 * maps to the index of the highest OPP below it, the lowest OPP for a level below all.
 */
static int32_t perf_to_wire(const struct scmi_server_msg *msg, uint32_t id,
			    const struct scmi_server_perf_domain *d, uint32_t level, uint32_t *v)
{
	struct scmi_server_perf_opp opp;
	uint32_t i, idx = 0;
	int32_t st;

	if (!d->level_indexing) {
		*v = level;
		return SCMI_SUCCESS;
	}
	for (i = 0; i < d->num_levels; i++) {
		st = perf_opp(msg, id, i, &opp);
		if (st != SCMI_SUCCESS)
			return st;
		if (opp.level > level)
			break;
		idx = i;
	}
	*v = idx;
	return SCMI_SUCCESS;
}

static int32_t perf_attributes(struct scmi_server_msg *msg)
{
	const struct scmi_server_perf_ops *ops = perf_ops(msg);
	uint32_t n = perf_count(msg);
	uint32_t flags = PERF_PROTO_POWER_MW;

	if (n > 0xffffu)
		n = 0xffffu;
	/* The microwatt flag exists from v3; an older agent gets milliwatts only. */
	if (ops && ops->power_uw && ops->power_uw(msg->srv->plat))
		flags = SCMI_VERSION_MAJOR(msg->version) >= 3 ? PERF_PROTO_POWER_UW : 0;
	scmi_server_msg_put_u32(msg, n | flags);
	scmi_server_msg_put_u32(msg, 0); /* statistics: none */
	scmi_server_msg_put_u32(msg, 0);
	scmi_server_msg_put_u32(msg, 0);
	return SCMI_SUCCESS;
}

static int32_t perf_domain_attributes(struct scmi_server_msg *msg)
{
	struct scmi_server_perf_domain d;
	char name[SCMI_SHORT_NAME_SIZE] = {0};
	uint32_t id, attr = 0, sustained;
	int32_t st;

	st = perf_domain(msg, &id, &d);
	if (st != SCMI_SUCCESS)
		return st;
	if (d.set_limits)
		attr |= PERF_ATTR_SET_LIMITS;
	if (d.set_level)
		attr |= PERF_ATTR_SET_LEVEL;
	if (d.notify_limits)
		attr |= PERF_ATTR_NOTIFY_LIMITS;
	if (d.notify_level)
		attr |= PERF_ATTR_NOTIFY_LEVEL;
	if (d.extended_name && SCMI_VERSION_MAJOR(msg->version) >= 3)
		attr |= PERF_ATTR_EXTENDED_NAME;
	if (d.level_indexing)
		attr |= PERF_ATTR_LEVEL_INDEXING;
	st = perf_to_wire(msg, id, &d, d.sustained_level, &sustained);
	if (st != SCMI_SUCCESS)
		return st;
	memcpy(name, d.name, SCMI_SHORT_NAME_SIZE - 1);
	scmi_server_msg_put_u32(msg, attr);
	scmi_server_msg_put_u32(msg, d.rate_limit_us & PERF_RATE_LIMIT_MASK);
	scmi_server_msg_put_u32(msg, d.sustained_freq_khz);
	scmi_server_msg_put_u32(msg, sustained);
	scmi_server_msg_put_bytes(msg, name, sizeof(name));
	return SCMI_SUCCESS;
}

/*
 * One page of the OPP table from level_index: as many entries as the room holds.
 * level_index == num_levels is a valid empty last page (as Base's list); beyond is
 * INVALID_PARAMETERS. Entries remaining but no room for one is PROTOCOL_ERROR, never an
 * empty success an agent would take for the end.
 */
static int32_t perf_describe_levels(struct scmi_server_msg *msg)
{
	struct scmi_server_perf_domain d;
	struct scmi_server_perf_opp opp;
	uint32_t id, skip = scmi_server_msg_get_u32(msg, 4);
	size_t entry = perf_v4(msg) ? PERF_LEVEL_ENTRY_V4 : PERF_LEVEL_ENTRY_V1;
	struct scmi_server_page page;
	uint32_t i;
	int32_t st;

	st = perf_domain(msg, &id, &d);
	if (st == SCMI_SUCCESS)
		st = scmi_server_page_get(msg, skip, d.num_levels, entry, PERF_NUM_RETURNED_MAX,
					  &page);
	if (st != SCMI_SUCCESS)
		return st;
	if (page.remaining > PERF_NUM_REMAINING_MAX)
		return SCMI_GENERIC_ERROR;

	scmi_server_msg_put_u32(msg, page.count | (page.remaining << 16));
	for (i = 0; i < page.count; i++) {
		st = perf_opp(msg, id, skip + i, &opp);
		if (st != SCMI_SUCCESS)
			return st;
		scmi_server_msg_put_u32(msg, opp.level);
		scmi_server_msg_put_u32(msg, opp.power);
		scmi_server_msg_put_u32(msg, opp.latency_us > 0xffffu ? 0xffffu : opp.latency_us);
		if (perf_v4(msg)) {
			scmi_server_msg_put_u32(msg, opp.freq_khz);
			scmi_server_msg_put_u32(msg, skip + i);
		}
	}
	return SCMI_SUCCESS;
}

static int32_t perf_limits_set(struct scmi_server_msg *msg)
{
	const struct scmi_server_perf_ops *ops = perf_ops(msg);
	struct scmi_server_perf_domain d;
	uint32_t id, max, min;
	int32_t st;

	st = perf_domain(msg, &id, &d);
	if (st != SCMI_SUCCESS)
		return st;
	if (!d.set_limits || !ops->limits_set)
		return SCMI_DENIED;
	max = scmi_server_msg_get_u32(msg, 4);
	min = scmi_server_msg_get_u32(msg, 8);
	if (min > max)
		return SCMI_INVALID_PARAMETERS;
	st = perf_from_wire(msg, id, &d, max, &max);
	if (st == SCMI_SUCCESS)
		st = perf_from_wire(msg, id, &d, min, &min);
	if (st != SCMI_SUCCESS)
		return st;
	return ops->limits_set(msg->srv->plat, msg->agent_id, id, max, min);
}

static int32_t perf_limits_get(struct scmi_server_msg *msg)
{
	const struct scmi_server_perf_ops *ops = perf_ops(msg);
	struct scmi_server_perf_domain d;
	uint32_t id, max, min;
	int32_t st;

	st = perf_domain(msg, &id, &d);
	if (st != SCMI_SUCCESS)
		return st;
	if (!ops->limits_get)
		return SCMI_GENERIC_ERROR;
	st = ops->limits_get(msg->srv->plat, msg->agent_id, id, &max, &min);
	if (st == SCMI_SUCCESS)
		st = perf_to_wire(msg, id, &d, max, &max);
	if (st == SCMI_SUCCESS)
		st = perf_to_wire(msg, id, &d, min, &min);
	if (st != SCMI_SUCCESS)
		return st;
	scmi_server_msg_put_u32(msg, max);
	scmi_server_msg_put_u32(msg, min);
	return SCMI_SUCCESS;
}

static int32_t perf_level_set(struct scmi_server_msg *msg)
{
	const struct scmi_server_perf_ops *ops = perf_ops(msg);
	struct scmi_server_perf_domain d;
	uint32_t id, level;
	int32_t st;

	st = perf_domain(msg, &id, &d);
	if (st != SCMI_SUCCESS)
		return st;
	if (!d.set_level || !ops->level_set)
		return SCMI_DENIED;
	st = perf_from_wire(msg, id, &d, scmi_server_msg_get_u32(msg, 4), &level);
	if (st != SCMI_SUCCESS)
		return st;
	return ops->level_set(msg->srv->plat, msg->agent_id, id, level);
}

static int32_t perf_level_get(struct scmi_server_msg *msg)
{
	const struct scmi_server_perf_ops *ops = perf_ops(msg);
	struct scmi_server_perf_domain d;
	uint32_t id, level;
	int32_t st;

	st = perf_domain(msg, &id, &d);
	if (st != SCMI_SUCCESS)
		return st;
	if (!ops->level_get)
		return SCMI_GENERIC_ERROR;
	st = ops->level_get(msg->srv->plat, msg->agent_id, id, &level);
	if (st == SCMI_SUCCESS)
		st = perf_to_wire(msg, id, &d, level, &level);
	if (st != SCMI_SUCCESS)
		return st;
	scmi_server_msg_put_u32(msg, level);
	return SCMI_SUCCESS;
}

static int32_t perf_notify(struct scmi_server_msg *msg, bool limits)
{
	const struct scmi_server_perf_ops *ops = perf_ops(msg);
	struct scmi_server_perf_domain d;
	bool enable;
	uint32_t id;
	int32_t st;

	st = perf_domain(msg, &id, &d);
	if (st == SCMI_SUCCESS)
		st = scmi_server_notify_enable(msg, 4, &enable);
	if (st != SCMI_SUCCESS)
		return st;
	if (!(limits ? d.notify_limits : d.notify_level) || !ops->notify)
		return SCMI_NOT_SUPPORTED;
	return ops->notify(msg->srv->plat, msg->agent_id, id, limits, enable);
}

static int32_t perf_notify_limits(struct scmi_server_msg *msg)
{
	return perf_notify(msg, true);
}

static int32_t perf_notify_level(struct scmi_server_msg *msg)
{
	return perf_notify(msg, false);
}

static int32_t perf_describe_fastchannel(struct scmi_server_msg *msg)
{
	struct scmi_server_perf_domain d;
	uint32_t id, msg_id = scmi_server_msg_get_u32(msg, 4);
	int32_t st;

	st = perf_domain(msg, &id, &d);
	if (st != SCMI_SUCCESS)
		return st;
	/* Only the level and limit messages can have a fast channel. */
	if (msg_id < PERF_MSG_LIMITS_SET || msg_id > PERF_MSG_LEVEL_GET)
		return SCMI_INVALID_PARAMETERS;
	return SCMI_NOT_SUPPORTED;
}

static int32_t perf_domain_name_get(struct scmi_server_msg *msg)
{
	struct scmi_server_perf_domain d;
	uint32_t id;
	int32_t st;

	st = perf_domain(msg, &id, &d);
	if (st != SCMI_SUCCESS)
		return st;
	if (!d.extended_name)
		return SCMI_NOT_SUPPORTED;
	return scmi_server_name_get_reply(msg, d.name, sizeof(d.name) - 1);
}

static const scmi_server_handler_t perf_handlers[] = {
    [SCMI_MSG_PROTOCOL_VERSION] = scmi_server_common_version,
    [SCMI_MSG_PROTOCOL_ATTRIBUTES] = perf_attributes,
    [SCMI_MSG_PROTOCOL_MESSAGE_ATTRIBUTES] = scmi_server_common_msg_attributes,
    [PERF_MSG_DOMAIN_ATTRIBUTES] = perf_domain_attributes,
    [PERF_MSG_DESCRIBE_LEVELS] = perf_describe_levels,
    [PERF_MSG_LIMITS_SET] = perf_limits_set,
    [PERF_MSG_LIMITS_GET] = perf_limits_get,
    [PERF_MSG_LEVEL_SET] = perf_level_set,
    [PERF_MSG_LEVEL_GET] = perf_level_get,
    [PERF_MSG_NOTIFY_LIMITS] = perf_notify_limits,
    [PERF_MSG_NOTIFY_LEVEL] = perf_notify_level,
    [PERF_MSG_DESCRIBE_FASTCHANNEL] = perf_describe_fastchannel,
    [PERF_MSG_DOMAIN_NAME_GET] = perf_domain_name_get,
    [SCMI_MSG_NEGOTIATE_PROTOCOL_VERSION] = scmi_server_common_negotiate,
};

static const uint16_t perf_sizes[] = {
    [SCMI_MSG_PROTOCOL_VERSION] = 0,
    [SCMI_MSG_PROTOCOL_ATTRIBUTES] = 0,
    [SCMI_MSG_PROTOCOL_MESSAGE_ATTRIBUTES] = 4,
    [PERF_MSG_DOMAIN_ATTRIBUTES] = 4,
    [PERF_MSG_DESCRIBE_LEVELS] = 8,
    [PERF_MSG_LIMITS_SET] = 12,
    [PERF_MSG_LIMITS_GET] = 4,
    [PERF_MSG_LEVEL_SET] = 8,
    [PERF_MSG_LEVEL_GET] = 4,
    [PERF_MSG_NOTIFY_LIMITS] = 8,
    [PERF_MSG_NOTIFY_LEVEL] = 8,
    [PERF_MSG_DESCRIBE_FASTCHANNEL] = 8,
    [PERF_MSG_DOMAIN_NAME_GET] = 4,
    [SCMI_MSG_NEGOTIATE_PROTOCOL_VERSION] = 4,
};

/* Fast channels came with v2.0 (SCMI 2.0), extended names with v3.0 (SCMI 3.0). */
static const uint32_t perf_min_versions[] = {
    [PERF_MSG_DESCRIBE_FASTCHANNEL] = SCMI_VERSION(2, 0),
    [PERF_MSG_DOMAIN_NAME_GET] = SCMI_VERSION(3, 0),
    [SCMI_MSG_NEGOTIATE_PROTOCOL_VERSION] = 0,
};

SCMI_SERVER_PROTOCOL_DEFINE_VERSIONED(scmi_server_perf_protocol, SCMI_PROTOCOL_PERF,
				      SCMI_VERSION(4, 0), SCMI_VERSION(1, 0), perf_handlers,
				      perf_sizes, perf_min_versions);
