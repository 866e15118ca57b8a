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
 * Fast channels (v2+): the platform says per agent and domain whether there are
 * any (domain attribute bit 27) and where each lives (@fastchannel); this file
 * only reports them. PROTOCOL_MESSAGE_ATTRIBUTES sets bit 0 for the level and
 * limit messages when some domain the agent sees has them, as Linux asks it
 * before each DESCRIBE_FASTCHANNEL. What agents write there is the platform's
 * to read, with the rules of the messages (docs/fastchannels.md). Statistics
 * shared memory: none (0, 0, 0).
 */
#include <stddef.h>
#include <string.h>

#include "scmi/proto/perf.h"
#include "scmi/server/perf.h"
#include "server/server_helpers.h"
#include "server/server_protocol.h"

#define LEVEL_ENTRY_V4 SCMI_FIELD_SIZE(struct scmi_perf_describe_levels_p2a, levels[0])

static const struct scmi_server_perf_ops *perf_ops(const struct scmi_server_msg *msg)
{
	return msg->srv->ops->perf;
}

static bool perf_v4(const struct scmi_server_msg *msg)
{
	return msg->version >= SCMI_PERF_ATTR_LEVEL_INDEXING_SINCE;
}

static uint32_t perf_count(const struct scmi_server_msg *msg)
{
	const struct scmi_server_perf_ops *ops = perf_ops(msg);

	return scmi_server_count(msg, ops ? ops->count : NULL, UINT32_MAX);
}

/*
 * The domain the request names, or NOT_FOUND: every request of the protocol begins with its
 * domain id, as struct scmi_id_a2p does. The platform's domain op says whether it exists.
 * Only ATTRIBUTES and NAME_GET read the name: for them (@name) the whole description starts
 * zeroed, for the others all but the name, which they never read.
 */
static inline int32_t perf_domain_of(const struct scmi_server_msg *msg, uint32_t *id,
				     struct scmi_server_perf_domain *d, bool name)
{
	const struct scmi_server_perf_ops *ops = perf_ops(msg);
	int32_t st;

	*id = SCMI_SERVER_IN_U32(msg, struct scmi_id_a2p, id);
	if (!ops->domain)
		return SCMI_NOT_FOUND;
	if (name)
		memset(d, 0, sizeof(*d));
	else
		memset(&d->extended_name, 0,
		       sizeof(*d) - offsetof(struct scmi_server_perf_domain, extended_name));
	st = ops->domain(msg->srv->plat, msg->agent_id, *id, d);
	if (st != SCMI_SUCCESS)
		return st;
	if (!d->num_levels)
		return SCMI_GENERIC_ERROR;
	/*
	 * Level indexing does not exist before v4: such a domain speaks levels there. The flag
	 * first: the common domain speaks levels at every version, and never asks the version.
	 */
	if (d->level_indexing && !perf_v4(msg))
		d->level_indexing = false;
	return SCMI_SUCCESS;
}

_Static_assert(offsetof(struct scmi_server_perf_domain, extended_name) ==
		   SCMI_FIELD_SIZE(struct scmi_server_perf_domain, name),
	       "the name leads struct scmi_server_perf_domain, alone");

/* perf_domain_of() for a message that does not read the name. */
static int32_t perf_domain(const struct scmi_server_msg *msg, uint32_t *id,
			   struct scmi_server_perf_domain *d)
{
	return perf_domain_of(msg, id, d, false);
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

/* perf_to_wire() of a level-indexing domain: the walk, out of the way of the common case. */
SCMI_SERVER_COLD static int32_t perf_to_index(const struct scmi_server_msg *msg, uint32_t id,
					      uint32_t num_levels, uint32_t level, uint32_t *v)
{
	struct scmi_server_perf_opp opp;
	uint32_t i, idx = 0;
	int32_t st;

	for (i = 0; i < num_levels; i++) {
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

/*
 * Performance level to wire value. A level between two OPPs (a limit may be one)
 * maps to the index of the highest OPP below it, the lowest OPP for a level below all.
 */
static inline int32_t perf_to_wire(const struct scmi_server_msg *msg, uint32_t id,
				   const struct scmi_server_perf_domain *d, uint32_t level,
				   uint32_t *v)
{
	if (d->level_indexing)
		return perf_to_index(msg, id, d->num_levels, level, v);
	*v = level;
	return SCMI_SUCCESS;
}

static int32_t perf_attributes(struct scmi_server_msg *msg)
{
	const struct scmi_server_perf_ops *ops = perf_ops(msg);
	uint32_t n = perf_count(msg);
	uint32_t flags = SCMI_PERF_PA_POWER_MW;

	if (n > SCMI_PERF_PA_NUM_DOMAINS_MAX)
		n = SCMI_PERF_PA_NUM_DOMAINS_MAX;
	/* The microwatt flag exists from v3; an older agent gets milliwatts only. */
	if (ops && ops->power_uw && ops->power_uw(msg->srv->plat))
		flags = msg->version >= SCMI_PERF_PA_POWER_UW_SINCE ? SCMI_PERF_PA_POWER_UW : 0;
	/* struct scmi_perf_protocol_attributes_p2a; statistics: none. */
	scmi_server_msg_put_u32(msg, n | flags);
	scmi_server_msg_put_u64(msg, 0);
	scmi_server_msg_put_u32(msg, 0);
	return SCMI_SUCCESS;
}

static int32_t perf_domain_attributes(struct scmi_server_msg *msg)
{
	struct scmi_server_perf_domain d;
	uint32_t id, attr = 0, sustained;
	int32_t st;

	st = perf_domain_of(msg, &id, &d, true);
	if (st != SCMI_SUCCESS)
		return st;
	if (d.set_limits)
		attr |= SCMI_PERF_ATTR_SET_LIMITS;
	if (d.set_level)
		attr |= SCMI_PERF_ATTR_SET_LEVEL;
	if (d.notify_limits)
		attr |= SCMI_PERF_ATTR_LIMITS_NOTIFY;
	if (d.notify_level)
		attr |= SCMI_PERF_ATTR_LEVEL_NOTIFY;
	if (d.extended_name && msg->version >= SCMI_PERF_ATTR_EXT_NAME_SINCE)
		attr |= SCMI_PERF_ATTR_EXT_NAME;
	if (d.level_indexing)
		attr |= SCMI_PERF_ATTR_LEVEL_INDEXING;
	if (d.fastchannels && msg->version >= SCMI_PERF_ATTR_FASTCHANNELS_SINCE)
		attr |= SCMI_PERF_ATTR_FASTCHANNELS;
	st = perf_to_wire(msg, id, &d, d.sustained_level, &sustained);
	if (st != SCMI_SUCCESS)
		return st;
	/* struct scmi_perf_domain_attributes_p2a. */
	scmi_server_msg_put_u32(msg, attr);
	scmi_server_msg_put_u32(msg, d.rate_limit_us & SCMI_PERF_RATE_LIMIT_MASK);
	scmi_server_msg_put_u32(msg, d.sustained_freq_khz);
	scmi_server_msg_put_u32(msg, sustained);
	scmi_server_msg_put_name(msg, d.name, SCMI_SHORT_NAME_SIZE - 1, SCMI_SHORT_NAME_SIZE);
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
	uint32_t skip = SCMI_SERVER_IN_U32(msg, struct scmi_perf_describe_levels_a2p, level_index);
	uint32_t id;
	size_t entry = perf_v4(msg) ? LEVEL_ENTRY_V4 : SCMI_PERF_LEVEL_ENTRY_V1_SIZE;
	struct scmi_server_page page;
	uint32_t i;
	int32_t st;

	st = perf_domain(msg, &id, &d);
	if (st == SCMI_SUCCESS)
		st = scmi_server_page_get(msg, skip, d.num_levels, entry,
					  SCMI_PERF_LEVELS_RETURNED_MAX, &page);
	if (st != SCMI_SUCCESS)
		return st;
	if (page.remaining > SCMI_PERF_LEVELS_REMAINING_MAX)
		return SCMI_GENERIC_ERROR;

	scmi_server_msg_put_u32(msg,
				page.count | (page.remaining << SCMI_PERF_LEVELS_REMAINING_SHIFT));
	/* Each a struct scmi_perf_level_entry, cut short before v4. */
	for (i = 0; i < page.count; i++) {
		st = perf_opp(msg, id, skip + i, &opp);
		if (st != SCMI_SUCCESS)
			return st;
		scmi_server_msg_put_u32(msg, opp.level);
		scmi_server_msg_put_u32(msg, opp.power);
		scmi_server_msg_put_u32(msg, opp.latency_us > SCMI_PERF_LEVEL_LATENCY_MASK
						 ? SCMI_PERF_LEVEL_LATENCY_MASK
						 : opp.latency_us);
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
	max = SCMI_SERVER_IN_U32(msg, struct scmi_perf_limits_set_a2p, range_max);
	min = SCMI_SERVER_IN_U32(msg, struct scmi_perf_limits_set_a2p, range_min);
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
	/* struct scmi_perf_limits_get_p2a. */
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
	st = perf_from_wire(
	    msg, id, &d, SCMI_SERVER_IN_U32(msg, struct scmi_perf_level_set_a2p, performance_level),
	    &level);
	if (st != SCMI_SUCCESS)
		return st;
	return ops->level_set(msg->srv->plat, msg->agent_id, id, level);
}

/* PERF_LEVEL_GET's reply for a level-indexing domain of @num_levels: the level's index. */
SCMI_SERVER_COLD static int32_t perf_level_get_index(struct scmi_server_msg *msg, uint32_t id,
						     uint32_t num_levels, uint32_t level)
{
	int32_t st = perf_to_index(msg, id, num_levels, level, &level);

	if (st != SCMI_SUCCESS)
		return st;
	scmi_server_msg_put_u32(msg, level);
	return SCMI_SUCCESS;
}

/* The common case, a domain that speaks levels, keeps no register for the walk. */
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
	if (st != SCMI_SUCCESS)
		return st;
	if (d.level_indexing)
		return perf_level_get_index(msg, id, d.num_levels, level);
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
		st = scmi_server_notify_enable(
		    msg, SCMI_U32_OFFSET(struct scmi_notify_a2p, notify_enable), &enable);
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

/* The messages a fast channel may carry. */
static bool perf_fc_message(uint32_t msg_id)
{
	return msg_id >= SCMI_MSG_PERF_LIMITS_SET && msg_id <= SCMI_MSG_PERF_LEVEL_GET;
}

static int32_t perf_describe_fastchannel(struct scmi_server_msg *msg)
{
	const struct scmi_server_perf_ops *ops = perf_ops(msg);
	struct scmi_server_fastchannel fc;
	struct scmi_server_perf_domain d;
	uint32_t id,
	    msg_id = SCMI_SERVER_IN_U32(msg, struct scmi_perf_describe_fastchannel_a2p, message_id);
	int32_t st;

	st = perf_domain(msg, &id, &d);
	if (st != SCMI_SUCCESS)
		return st;
	if (!perf_fc_message(msg_id))
		return SCMI_INVALID_PARAMETERS;
	if (!d.fastchannels || !ops->fastchannel)
		return SCMI_NOT_SUPPORTED;
	memset(&fc, 0, sizeof(fc));
	st = ops->fastchannel(msg->srv->plat, msg->agent_id, id, msg_id, &fc);
	if (st != SCMI_SUCCESS)
		return st;
	return scmi_server_fastchannel_reply(msg, &fc);
}

/*
 * PROTOCOL_MESSAGE_ATTRIBUTES: bit 0 on a level or limit message when a domain the agent sees
 * has fast channels (at a version that has them).
 */
static int32_t perf_msg_attributes(struct scmi_server_msg *msg)
{
	uint32_t msg_id = SCMI_SERVER_IN_U32(msg, struct scmi_msg_attributes_a2p, message_id);
	struct scmi_server_perf_domain d;
	uint32_t i, n, attr = 0;

	if (!scmi_server_msg_exists(msg, msg_id))
		return SCMI_NOT_FOUND;
	if (perf_fc_message(msg_id) && msg->version >= SCMI_PERF_ATTR_FASTCHANNELS_SINCE &&
	    perf_ops(msg) && perf_ops(msg)->domain && perf_ops(msg)->fastchannel) {
		n = perf_count(msg);
		for (i = 0; i < n && !attr; i++) {
			memset(&d, 0, sizeof(d));
			if (perf_ops(msg)->domain(msg->srv->plat, msg->agent_id, i, &d) ==
				SCMI_SUCCESS &&
			    d.fastchannels)
				attr = SCMI_PERF_MSG_ATTR_FASTCHANNEL;
		}
	}
	scmi_server_msg_put_u32(msg, attr);
	return SCMI_SUCCESS;
}

static int32_t perf_domain_name_get(struct scmi_server_msg *msg)
{
	struct scmi_server_perf_domain d;
	uint32_t id;
	int32_t st;

	st = perf_domain_of(msg, &id, &d, true);
	if (st != SCMI_SUCCESS)
		return st;
	if (!d.extended_name)
		return SCMI_NOT_SUPPORTED;
	return scmi_server_name_get_reply(msg, d.name, sizeof(d.name) - 1);
}

static const scmi_server_handler_t perf_handlers[] = {
    [SCMI_MSG_PROTOCOL_VERSION] = scmi_server_common_version,
    [SCMI_MSG_PROTOCOL_ATTRIBUTES] = perf_attributes,
    [SCMI_MSG_PROTOCOL_MESSAGE_ATTRIBUTES] = perf_msg_attributes,
    [SCMI_MSG_PERF_DOMAIN_ATTRIBUTES] = perf_domain_attributes,
    [SCMI_MSG_PERF_DESCRIBE_LEVELS] = perf_describe_levels,
    [SCMI_MSG_PERF_LIMITS_SET] = perf_limits_set,
    [SCMI_MSG_PERF_LIMITS_GET] = perf_limits_get,
    [SCMI_MSG_PERF_LEVEL_SET] = perf_level_set,
    [SCMI_MSG_PERF_LEVEL_GET] = perf_level_get,
    [SCMI_MSG_PERF_NOTIFY_LIMITS] = perf_notify_limits,
    [SCMI_MSG_PERF_NOTIFY_LEVEL] = perf_notify_level,
    [SCMI_MSG_PERF_DESCRIBE_FASTCHANNEL] = perf_describe_fastchannel,
    [SCMI_MSG_PERF_DOMAIN_NAME_GET] = perf_domain_name_get,
};

static const uint8_t perf_sizes[] = {
    [SCMI_MSG_PROTOCOL_VERSION] = 0,
    [SCMI_MSG_PROTOCOL_ATTRIBUTES] = 0,
    [SCMI_MSG_PROTOCOL_MESSAGE_ATTRIBUTES] =
	SCMI_SERVER_SIZE(sizeof(struct scmi_msg_attributes_a2p)),
    [SCMI_MSG_PERF_DOMAIN_ATTRIBUTES] = SCMI_SERVER_SIZE(sizeof(struct scmi_id_a2p)),
    [SCMI_MSG_PERF_DESCRIBE_LEVELS] =
	SCMI_SERVER_SIZE(sizeof(struct scmi_perf_describe_levels_a2p)),
    [SCMI_MSG_PERF_LIMITS_SET] = SCMI_SERVER_SIZE(sizeof(struct scmi_perf_limits_set_a2p)),
    [SCMI_MSG_PERF_LIMITS_GET] = SCMI_SERVER_SIZE(sizeof(struct scmi_id_a2p)),
    [SCMI_MSG_PERF_LEVEL_SET] = SCMI_SERVER_SIZE(sizeof(struct scmi_perf_level_set_a2p)),
    [SCMI_MSG_PERF_LEVEL_GET] = SCMI_SERVER_SIZE(sizeof(struct scmi_id_a2p)),
    [SCMI_MSG_PERF_NOTIFY_LIMITS] = SCMI_SERVER_SIZE(sizeof(struct scmi_notify_a2p)),
    [SCMI_MSG_PERF_NOTIFY_LEVEL] = SCMI_SERVER_SIZE(sizeof(struct scmi_notify_a2p)),
    [SCMI_MSG_PERF_DESCRIBE_FASTCHANNEL] =
	SCMI_SERVER_SIZE(sizeof(struct scmi_perf_describe_fastchannel_a2p)),
    [SCMI_MSG_PERF_DOMAIN_NAME_GET] = SCMI_SERVER_SIZE(sizeof(struct scmi_id_a2p)),
};

/*
 * The messages after Perf 1.0 (the last of the tables): the first version of each.
 */
#define PERF_LATER SCMI_MSG_PERF_DESCRIBE_FASTCHANNEL
static const uint32_t perf_since[] = {
    [SCMI_MSG_PERF_DESCRIBE_FASTCHANNEL - PERF_LATER] = SCMI_MSG_PERF_DESCRIBE_FASTCHANNEL_SINCE,
    [SCMI_MSG_PERF_DOMAIN_NAME_GET - PERF_LATER] = SCMI_MSG_PERF_DOMAIN_NAME_GET_SINCE,
};

/* The versions this server speaks, oldest first: what a platform may configure. */
static const uint32_t perf_versions[] = {SCMI_PERF_VERSION_1_0, SCMI_PERF_VERSION_2_0,
					 SCMI_PERF_VERSION_3_0, SCMI_PERF_VERSION_4_0};

SCMI_SERVER_PROTOCOL_DEFINE_LATER(scmi_server_perf_protocol, SCMI_PROTOCOL_PERF, perf_versions,
				  SCMI_PERF_VERSION_1_0,
				  SCMI_MSG_PERF_NEGOTIATE_PROTOCOL_VERSION_SINCE, perf_handlers,
				  perf_sizes, PERF_LATER, false, perf_since);
