// SPDX-License-Identifier: BSD-3-Clause
/*
 * Sensor protocol (0x15), version 3.1, speaking down to 1.0.
 *
 * Versions and what they add (the layouts follow msg->version, the version
 * in force for the calling agent):
 *   1.0  DESCRIPTION_GET, TRIP_POINT_NOTIFY, TRIP_POINT_CONFIG, READING_GET;
 *        28-byte descriptors whose attributes_high carries the update interval
 *        (bits [31:27] seconds, [26:22] exponent); a reading is one 64-bit value.
 *   2.0  (SCMI v3.0) extended attributes, axes, timestamps, update interval
 *        lists, CONFIG_GET/SET, CONTINUOUS_UPDATE_NOTIFY; a reading is one
 *        {value, timestamp} per axis (one for a scalar sensor).
 *   3.0  SENSOR_NAME_GET and the extended-name bit of a descriptor.
 *   3.1  SENSOR_AXIS_NAME_GET and the extended-name bit of an axis.
 *
 * There is no platform-to-agent channel over OP-TEE: readings are answered
 * synchronously, descriptors never claim asynchronous reads, an asynchronous
 * request is NOT_SUPPORTED, and the notify messages only record the wish.
 * On a channel with a P2A path (virtio) descriptors claim asynchronous reads
 * and an asynchronous READING_GET gets its reading as a delayed response;
 * the platform emits the trip point and update notifications (docs/p2a.md).
 *
 * Paginated replies carry as many entries as fit the room of this reply and
 * count `remaining` from the first entry after the ones returned.
 */
#include <string.h>

#include "scmi/proto/sensor.h"
#include "scmi/server/sensor.h"
#include "server/server_helpers.h"
#include "server/server_protocol.h"

#define V2_0	       SCMI_SENSOR_VERSION_2_0
#define V3_0	       SCMI_SENSOR_VERSION_3_0
#define V3_1	       SCMI_SENSOR_VERSION_3_1

#define READING_SIZE   sizeof(struct scmi_sensor_reading_entry)
#define AXIS_NAME_SIZE SCMI_FIELD_SIZE(struct scmi_sensor_axis_name_get_p2a, names[0])
#define INTERVAL_SIZE  SCMI_FIELD_SIZE(struct scmi_sensor_list_update_intervals_p2a, intervals[0])
/*
 * Readings one reply can carry: the largest reply (status included) bounds them, so that
 * the readings of a sensor's axes need no more stack than that.
 */
#define READINGS_MAX ((SCMI_SERVER_MAX_PAYLOAD - sizeof(uint32_t)) / READING_SIZE)

static const struct scmi_server_sensor_ops *sensor_ops(const struct scmi_server_msg *msg)
{
	return msg->srv->ops->sensor;
}

static uint32_t sensor_count(const struct scmi_server_msg *msg)
{
	const struct scmi_server_sensor_ops *ops = sensor_ops(msg);

	/* The count travels in 16 bits. */
	return scmi_server_count(msg, ops ? ops->count : NULL, SCMI_SENSOR_PA_NUM_SENSORS_MAX);
}

/*
 * Info of sensor @id, NOT_FOUND when it does not exist for this agent: the platform's info op
 * says so, every message on a sensor starts with it.
 */
static int32_t sensor_info(const struct scmi_server_msg *msg, uint32_t id,
			   struct scmi_server_sensor_info *info)
{
	const struct scmi_server_sensor_ops *ops = sensor_ops(msg);
	int32_t st;

	if (id >= SCMI_SENSOR_PA_NUM_SENSORS_MAX || !ops->info)
		return SCMI_NOT_FOUND;
	memset(info, 0, sizeof(*info));
	st = ops->info(msg->srv->plat, msg->agent_id, id, info);
	if (st != SCMI_SUCCESS)
		return st;
	if (info->num_axes > SCMI_SENSOR_MAX_AXES)
		info->num_axes = SCMI_SENSOR_MAX_AXES;
	info->name[SCMI_SHORT_NAME_SIZE - 1] = '\0';
	return SCMI_SUCCESS;
}

/* Pending asynchronous reads an agent may have (PROTOCOL_ATTRIBUTES, P2A channels). */
#define SENSOR_MAX_ASYNC 16u

static uint32_t exp5(int8_t e)
{
	return (uint32_t)e & SCMI_SENSOR_EXP_MASK;
}

static uint32_t interval_word(struct scmi_server_sensor_interval iv)
{
	return ((uint32_t)iv.secs << SCMI_SENSOR_INTERVAL_SECS_SHIFT) | exp5(iv.exp);
}

/* A resolution word: mantissa and exponent. */
static uint32_t resolution_word(uint32_t resolution, int8_t exp)
{
	return (resolution & SCMI_SENSOR_RES_MASK) | (exp5(exp) << SCMI_SENSOR_RES_EXP_SHIFT);
}

static int32_t sensor_attributes(struct scmi_server_msg *msg)
{
	uint32_t attr = sensor_count(msg);

	/* Asynchronous reads only with a P2A path to answer on; no shared-memory statistics. */
	if (scmi_server_msg_can_defer(msg))
		attr |= SENSOR_MAX_ASYNC << SCMI_SENSOR_PA_MAX_ASYNC_SHIFT;
	/* struct scmi_sensor_protocol_attributes_p2a. */
	scmi_server_msg_put_u32(msg, attr);
	scmi_server_msg_put_u64(msg, 0);
	scmi_server_msg_put_u32(msg, 0);
	return SCMI_SUCCESS;
}

static size_t desc_size(const struct scmi_server_msg *msg, const struct scmi_server_sensor_info *in)
{
	if (msg->version < V2_0 || !in->ext_attrs)
		return SCMI_SENSOR_DESC_BASE_SIZE;
	return in->num_axes ? SCMI_SENSOR_DESC_POWER_SIZE : sizeof(struct scmi_sensor_desc_entry);
}

/* The v1.0 attributes_high interval: 5 bits of seconds, so scale bigger ones down. */
static uint32_t v1_interval_bits(struct scmi_server_sensor_interval iv)
{
	uint32_t secs = iv.secs;
	int32_t e = (int32_t)iv.exp; /* a signed power of ten: sign-extended on purpose */

	while (secs > SCMI_SENSOR_ATTR_HIGH_V1_SECS_MAX && e < 15) {
		secs = (secs + 5u) / 10u;
		e++;
	}
	if (secs > SCMI_SENSOR_ATTR_HIGH_V1_SECS_MAX)
		secs = SCMI_SENSOR_ATTR_HIGH_V1_SECS_MAX;
	return (secs << SCMI_SENSOR_ATTR_HIGH_V1_SECS_SHIFT) |
	       (exp5((int8_t)e) << SCMI_SENSOR_ATTR_HIGH_V1_EXP_SHIFT);
}

static void put_descriptor(struct scmi_server_msg *msg, uint32_t id,
			   const struct scmi_server_sensor_info *in)
{
	bool v2 = msg->version >= V2_0;
	uint32_t lo = in->num_trip_points;
	uint32_t hi = (exp5(in->unit_exp) << SCMI_SENSOR_ATTR_HIGH_UNIT_EXP_SHIFT) | in->type;

	if (scmi_server_msg_can_defer(msg))
		lo |= SCMI_SENSOR_ATTR_LOW_ASYNC;
	if (v2) {
		if (in->continuous_update)
			lo |= SCMI_SENSOR_ATTR_LOW_CONT_UPDATE;
		if (msg->version >= SCMI_SENSOR_ATTR_LOW_EXT_NAME_SINCE && in->has_ext_name)
			lo |= SCMI_SENSOR_ATTR_LOW_EXT_NAME;
		if (in->timestamped)
			lo |= (exp5(in->ts_exp) << SCMI_SENSOR_ATTR_LOW_TS_EXP_SHIFT) |
			      SCMI_SENSOR_ATTR_LOW_TIMESTAMP;
		if (in->ext_attrs)
			lo |= SCMI_SENSOR_ATTR_LOW_EXT_ATTRS;
		if (in->num_axes)
			hi |= ((uint32_t)in->num_axes << SCMI_SENSOR_ATTR_HIGH_AXES_SHIFT) |
			      SCMI_SENSOR_ATTR_HIGH_MULTI_AXIS;
	} else {
		hi |= v1_interval_bits(in->interval);
	}
	/* struct scmi_sensor_desc_entry, as long as desc_size() says. */
	scmi_server_msg_put_u32(msg, id);
	scmi_server_msg_put_u32(msg, lo);
	scmi_server_msg_put_u32(msg, hi);
	scmi_server_msg_put_name(msg, in->name, SCMI_SHORT_NAME_SIZE - 1, SCMI_SHORT_NAME_SIZE);
	if (!v2 || !in->ext_attrs)
		return;
	scmi_server_msg_put_u32(msg, in->power_uw);
	if (in->num_axes)
		return;
	scmi_server_msg_put_u32(msg, resolution_word(in->resolution, in->res_exp));
	scmi_server_msg_put_u64(msg, (uint64_t)in->min_range);
	scmi_server_msg_put_u64(msg, (uint64_t)in->max_range);
}

/*
 * Entries that fit: the room left after the flags word, filled in order, each entry
 * of its own size. A page that cannot hold the next entry while some remain is a
 * PROTOCOL_ERROR, never an empty success an agent would take for the end.
 */
static int32_t sensor_description_get(struct scmi_server_msg *msg)
{
	struct scmi_server_sensor_info info;
	uint32_t first =
	    SCMI_SERVER_IN_U32(msg, struct scmi_sensor_description_get_a2p, desc_index);
	uint32_t total = sensor_count(msg);
	uint32_t n = 0, id;
	size_t room, used = 0;
	int32_t st;

	if (first > total)
		return SCMI_INVALID_PARAMETERS;
	room = scmi_server_msg_room(msg);
	if (room < sizeof(struct scmi_sensor_description_get_p2a))
		return SCMI_PROTOCOL_ERROR;
	room -= sizeof(struct scmi_sensor_description_get_p2a);
	for (id = first; id < total; id++) {
		st = sensor_info(msg, id, &info);
		if (st != SCMI_SUCCESS)
			return SCMI_GENERIC_ERROR;
		if (used + desc_size(msg, &info) > room)
			break;
		used += desc_size(msg, &info);
		n++;
	}
	if (!n && first < total)
		return SCMI_PROTOCOL_ERROR;
	scmi_server_msg_put_u32(msg,
				n | ((total - first - n) << SCMI_SENSOR_DESCS_REMAINING_SHIFT));
	for (id = first; id < first + n; id++) {
		if (sensor_info(msg, id, &info) != SCMI_SUCCESS)
			return SCMI_GENERIC_ERROR;
		put_descriptor(msg, id, &info);
	}
	return SCMI_SUCCESS;
}

/* The sensor every request of the protocol names first (as struct scmi_id_a2p does). */
static uint32_t sensor_id(const struct scmi_server_msg *msg)
{
	return SCMI_SERVER_IN_U32(msg, struct scmi_id_a2p, id);
}

/*
 * Common validation of "sensor_id, then a flags word with only @bit defined", the flags at
 * byte @flags_off: the notify_enable of struct scmi_notify_a2p, or the flags of struct
 * scmi_sensor_reading_get_a2p. *@set is @bit.
 */
static int32_t sensor_id_and_flag(struct scmi_server_msg *msg, size_t flags_off, uint32_t bit,
				  struct scmi_server_sensor_info *info, bool *set)
{
	uint32_t flags = scmi_server_msg_get_u32(msg, flags_off);
	int32_t st = sensor_info(msg, sensor_id(msg), info);

	if (st != SCMI_SUCCESS)
		return st;
	if (flags & ~bit)
		return SCMI_INVALID_PARAMETERS;
	*set = flags & bit;
	return SCMI_SUCCESS;
}

/* Where both notify requests have their notify_enable word. */
#define NOTIFY_ENABLE_OFF SCMI_U32_OFFSET(struct scmi_notify_a2p, notify_enable)

/*
 * TRIP_POINT_NOTIFY and CONTINUOUS_UPDATE_NOTIFY, the message id says which: the latter only
 * enables on a sensor that updates continuously.
 */
static int32_t sensor_notify(struct scmi_server_msg *msg)
{
	bool continuous = msg->msg_id == SCMI_MSG_SENSOR_CONTINUOUS_UPDATE_NOTIFY;
	const struct scmi_server_sensor_ops *ops = sensor_ops(msg);
	int32_t (*op)(void *plat, uint32_t agent_id, uint32_t id, bool enable) =
	    continuous ? ops->update_notify : ops->trip_notify;
	struct scmi_server_sensor_info info;
	bool enable;
	int32_t st = sensor_id_and_flag(msg, NOTIFY_ENABLE_OFF, SCMI_NOTIFY_ENABLE, &info, &enable);

	if (st != SCMI_SUCCESS)
		return st;
	if (!op || (continuous && enable && !info.continuous_update))
		return SCMI_NOT_SUPPORTED;
	return op(msg->srv->plat, msg->agent_id, sensor_id(msg), enable);
}

static int32_t sensor_trip_point_config(struct scmi_server_msg *msg)
{
	const struct scmi_server_sensor_ops *ops = sensor_ops(msg);
	struct scmi_server_sensor_info info;
	uint32_t id = SCMI_SERVER_IN_U32(msg, struct scmi_sensor_trip_point_config_a2p, sensor_id);
	uint32_t ev =
	    SCMI_SERVER_IN_U32(msg, struct scmi_sensor_trip_point_config_a2p, trip_point_ev_ctrl);
	uint32_t trip = (ev >> SCMI_SENSOR_TRIP_ID_SHIFT) & SCMI_SENSOR_TRIP_ID_MASK;
	uint64_t value;
	int32_t st;

	st = sensor_info(msg, id, &info);
	if (st != SCMI_SUCCESS)
		return st;
	if ((ev & SCMI_SENSOR_TRIP_RESERVED) || trip >= info.num_trip_points)
		return SCMI_INVALID_PARAMETERS;
	if (!ops->trip_config)
		return SCMI_NOT_SUPPORTED;
	value = SCMI_SERVER_IN_U64(msg, struct scmi_sensor_trip_point_config_a2p, trip_point_value);
	return ops->trip_config(msg->srv->plat, msg->agent_id, id, trip,
				ev & SCMI_SENSOR_TRIP_EV_MASK, (int64_t)value);
}

static int32_t sensor_reading_get(struct scmi_server_msg *msg)
{
	const struct scmi_server_sensor_ops *ops = sensor_ops(msg);
	struct scmi_server_sensor_reading r[READINGS_MAX];
	struct scmi_server_sensor_info info;
	uint32_t id = SCMI_SERVER_IN_U32(msg, struct scmi_sensor_reading_get_a2p, sensor_id);
	uint32_t want, fit, n = 0, i;
	bool async;
	int32_t st;

	st = sensor_id_and_flag(msg, SCMI_U32_OFFSET(struct scmi_sensor_reading_get_a2p, flags),
				SCMI_SENSOR_READ_ASYNC, &info, &async);
	if (st != SCMI_SUCCESS)
		return st;
	/*
	 * Descriptors claim asynchronous reads only on a channel with a P2A path; there the
	 * reading (after sensor_id) is the delayed response. Elsewhere it is refused.
	 */
	if (async && !scmi_server_msg_can_defer(msg))
		return SCMI_NOT_SUPPORTED;
	if (!ops->read)
		return SCMI_NOT_SUPPORTED;
	/* The delayed response is struct scmi_sensor_reading_dresp. */
	if (async) {
		scmi_server_msg_defer(msg, 0);
		scmi_server_msg_put_u32(msg, id);
	}
	want = (msg->version >= V2_0 && info.num_axes) ? info.num_axes : 1u;
	/*
	 * More axes than the largest reply holds are still sampled, so that the platform's
	 * status comes first as for any sensor, then refused for room below.
	 */
	fit = want < READINGS_MAX ? want : (uint32_t)READINGS_MAX;
	memset(r, 0, sizeof(r));
	st = ops->read(msg->srv->plat, msg->agent_id, id, r, fit, &n);
	if (st != SCMI_SUCCESS)
		return st;
	if (n < fit)
		return SCMI_GENERIC_ERROR;
	/* Before 2.0 the reply is one reading cut to its value (SCMI_SENSOR_READING_V1_SIZE). */
	if (msg->version < V2_0) {
		scmi_server_msg_put_u64(msg, (uint64_t)r[0].value);
		return SCMI_SUCCESS;
	}
	if (fit < want || scmi_server_msg_room(msg) < (size_t)want * READING_SIZE)
		return SCMI_PROTOCOL_ERROR;
	/* One struct scmi_sensor_reading_entry per axis. */
	for (i = 0; i < want; i++) {
		scmi_server_msg_put_u64(msg, (uint64_t)r[i].value);
		scmi_server_msg_put_u64(msg, info.timestamped ? r[i].timestamp : 0);
	}
	return SCMI_SUCCESS;
}

/* Sensor @id with axes, and the first axis asked for (<= num_axes). */
static int32_t axis_request(struct scmi_server_msg *msg, struct scmi_server_sensor_info *info,
			    uint32_t *first)
{
	int32_t st =
	    sensor_info(msg, SCMI_SERVER_IN_U32(msg, struct scmi_sensor_axis_a2p, sensor_id), info);

	if (st != SCMI_SUCCESS)
		return st;
	if (!info->num_axes)
		return SCMI_NOT_SUPPORTED;
	*first = SCMI_SERVER_IN_U32(msg, struct scmi_sensor_axis_a2p, axis_desc_index);
	if (*first > info->num_axes)
		return SCMI_INVALID_PARAMETERS;
	return SCMI_SUCCESS;
}

static int32_t axis_info(const struct scmi_server_msg *msg, uint32_t id, uint32_t axis,
			 struct scmi_server_sensor_axis_info *a)
{
	const struct scmi_server_sensor_ops *ops = sensor_ops(msg);

	memset(a, 0, sizeof(*a));
	if (!ops->axis_info ||
	    ops->axis_info(msg->srv->plat, msg->agent_id, id, axis, a) != SCMI_SUCCESS)
		return SCMI_GENERIC_ERROR;
	a->name[SCMI_SHORT_NAME_SIZE - 1] = '\0';
	return SCMI_SUCCESS;
}

static int32_t sensor_axis_description_get(struct scmi_server_msg *msg)
{
	struct scmi_server_sensor_axis_info a;
	struct scmi_server_sensor_info info;
	uint32_t id = SCMI_SERVER_IN_U32(msg, struct scmi_sensor_axis_a2p, sensor_id);
	uint32_t first, n = 0, i;
	size_t room, used = 0, sz;
	int32_t st;

	st = axis_request(msg, &info, &first);
	if (st != SCMI_SUCCESS)
		return st;
	room = scmi_server_msg_room(msg);
	if (room < sizeof(struct scmi_sensor_axis_description_get_p2a))
		return SCMI_PROTOCOL_ERROR;
	room -= sizeof(struct scmi_sensor_axis_description_get_p2a);
	for (i = first; i < info.num_axes; i++) {
		if (axis_info(msg, id, i, &a) != SCMI_SUCCESS)
			return SCMI_GENERIC_ERROR;
		sz = a.ext_attrs ? sizeof(struct scmi_sensor_axis_desc_entry)
				 : SCMI_SENSOR_AXIS_DESC_BASE_SIZE;
		if (used + sz > room)
			break;
		used += sz;
		n++;
	}
	if (!n && first < info.num_axes)
		return SCMI_PROTOCOL_ERROR;
	scmi_server_msg_put_u32(
	    msg, n | ((info.num_axes - first - n) << SCMI_SENSOR_AXES_REMAINING_SHIFT));
	/* Each a struct scmi_sensor_axis_desc_entry, cut before the resolution without ext attrs.
	 */
	for (i = first; i < first + n; i++) {
		uint32_t lo = 0;

		if (axis_info(msg, id, i, &a) != SCMI_SUCCESS)
			return SCMI_GENERIC_ERROR;
		if (msg->version >= SCMI_SENSOR_AXIS_ATTR_LOW_EXT_NAME_SINCE && a.has_ext_name)
			lo |= SCMI_SENSOR_AXIS_ATTR_LOW_EXT_NAME;
		if (a.ext_attrs)
			lo |= SCMI_SENSOR_AXIS_ATTR_LOW_EXT_ATTRS;
		scmi_server_msg_put_u32(msg, i);
		scmi_server_msg_put_u32(msg, lo);
		scmi_server_msg_put_u32(
		    msg, (exp5(a.unit_exp) << SCMI_SENSOR_ATTR_HIGH_UNIT_EXP_SHIFT) | a.type);
		scmi_server_msg_put_name(msg, a.name, SCMI_SHORT_NAME_SIZE - 1,
					 SCMI_SHORT_NAME_SIZE);
		if (!a.ext_attrs)
			continue;
		scmi_server_msg_put_u32(msg, resolution_word(a.resolution, a.res_exp));
		scmi_server_msg_put_u64(msg, (uint64_t)a.min_range);
		scmi_server_msg_put_u64(msg, (uint64_t)a.max_range);
	}
	return SCMI_SUCCESS;
}

static int32_t sensor_list_update_intervals(struct scmi_server_msg *msg)
{
	const struct scmi_server_sensor_ops *ops = sensor_ops(msg);
	struct scmi_server_sensor_interval iv;
	struct scmi_server_sensor_info info;
	uint32_t id =
	    SCMI_SERVER_IN_U32(msg, struct scmi_sensor_list_update_intervals_a2p, sensor_id);
	uint32_t first =
	    SCMI_SERVER_IN_U32(msg, struct scmi_sensor_list_update_intervals_a2p, index);
	struct scmi_server_page page;
	uint32_t total, i;
	int32_t st;

	st = sensor_info(msg, id, &info);
	if (st != SCMI_SUCCESS)
		return st;
	if (!ops->interval || !info.num_intervals)
		return SCMI_NOT_SUPPORTED;
	total = info.segmented ? SCMI_SENSOR_INTERVALS_TRIPLET_COUNT : info.num_intervals;
	if (total > SCMI_SENSOR_INTERVALS_RETURNED_MAX)
		total = SCMI_SENSOR_INTERVALS_RETURNED_MAX;
	/* A triplet travels whole, in one reply: only index 0 names it. */
	if (info.segmented && first)
		return SCMI_INVALID_PARAMETERS;
	st = scmi_server_page_get(msg, first, total, INTERVAL_SIZE, UINT32_MAX, &page);
	if (st == SCMI_SUCCESS && info.segmented &&
	    page.count < SCMI_SENSOR_INTERVALS_TRIPLET_COUNT)
		st = SCMI_PROTOCOL_ERROR;
	if (st != SCMI_SUCCESS)
		return st;
	scmi_server_msg_put_u32(msg, page.count |
					 (info.segmented ? SCMI_SENSOR_INTERVALS_SEGMENTED : 0) |
					 (page.remaining << SCMI_SENSOR_INTERVALS_REMAINING_SHIFT));
	for (i = first; i < first + page.count; i++) {
		st = ops->interval(msg->srv->plat, msg->agent_id, id, i, &iv);
		if (st != SCMI_SUCCESS)
			return SCMI_GENERIC_ERROR;
		scmi_server_msg_put_u32(msg, interval_word(iv));
	}
	return SCMI_SUCCESS;
}

static int32_t sensor_config_get(struct scmi_server_msg *msg)
{
	const struct scmi_server_sensor_ops *ops = sensor_ops(msg);
	struct scmi_server_sensor_config cfg = {0};
	struct scmi_server_sensor_info info;
	uint32_t id = sensor_id(msg);
	int32_t st;

	st = sensor_info(msg, id, &info);
	if (st != SCMI_SUCCESS)
		return st;
	if (!ops->config_get)
		return SCMI_NOT_SUPPORTED;
	st = ops->config_get(msg->srv->plat, msg->agent_id, id, &cfg);
	if (st != SCMI_SUCCESS)
		return st;
	/* struct scmi_sensor_config_get_p2a. */
	scmi_server_msg_put_u32(msg,
				((uint32_t)cfg.interval.secs << SCMI_SENSOR_CONFIG_SECS_SHIFT) |
				    (exp5(cfg.interval.exp) << SCMI_SENSOR_CONFIG_EXP_SHIFT) |
				    (cfg.ts_enabled ? SCMI_SENSOR_CONFIG_TIMESTAMP : 0) |
				    (cfg.enabled ? SCMI_SENSOR_CONFIG_ENABLE : 0));
	return SCMI_SUCCESS;
}

/* The 5-bit two's complement field @v as a signed number. */
static int8_t sext5(uint32_t v)
{
	v &= SCMI_SENSOR_EXP_MASK;
	return (int8_t)(v >= 0x10u ? (int32_t)v - 0x20 : (int32_t)v);
}

static int32_t sensor_config_set(struct scmi_server_msg *msg)
{
	const struct scmi_server_sensor_ops *ops = sensor_ops(msg);
	struct scmi_server_sensor_config cfg = {0};
	struct scmi_server_sensor_info info;
	uint32_t id = SCMI_SERVER_IN_U32(msg, struct scmi_sensor_config_set_a2p, sensor_id);
	uint32_t word = SCMI_SERVER_IN_U32(msg, struct scmi_sensor_config_set_a2p, sensor_config);
	int32_t st;

	st = sensor_info(msg, id, &info);
	if (st != SCMI_SUCCESS)
		return st;
	cfg.round =
	    (uint8_t)((word >> SCMI_SENSOR_CONFIG_ROUND_SHIFT) & SCMI_SENSOR_CONFIG_ROUND_MASK);
	if ((word & SCMI_SENSOR_CONFIG_RESERVED) || cfg.round > SCMI_SENSOR_ROUND_AUTO)
		return SCMI_INVALID_PARAMETERS;
	if ((word & SCMI_SENSOR_CONFIG_TIMESTAMP) && !info.timestamped)
		return SCMI_INVALID_PARAMETERS;
	if (!ops->config_set)
		return SCMI_NOT_SUPPORTED;
	cfg.enabled = word & SCMI_SENSOR_CONFIG_ENABLE;
	cfg.ts_enabled = word & SCMI_SENSOR_CONFIG_TIMESTAMP;
	cfg.interval.secs = (uint16_t)(word >> SCMI_SENSOR_CONFIG_SECS_SHIFT);
	cfg.interval.exp = sext5(word >> SCMI_SENSOR_CONFIG_EXP_SHIFT);
	/* A zero interval keeps the one in force (enable/disable alone). */
	cfg.set_interval = cfg.interval.secs != 0;
	return ops->config_set(msg->srv->plat, msg->agent_id, id, &cfg);
}

static int32_t sensor_name_get(struct scmi_server_msg *msg)
{
	const struct scmi_server_sensor_ops *ops = sensor_ops(msg);
	char name[SCMI_EXT_NAME_SIZE] = {0};
	const char *found = name;
	struct scmi_server_sensor_info info;
	uint32_t id = sensor_id(msg);
	int32_t st;

	st = sensor_info(msg, id, &info);
	if (st != SCMI_SUCCESS)
		return st;
	/* A sensor without a longer name answers with its short one (terminated by sensor_info). */
	if (!info.has_ext_name || !ops->ext_name ||
	    ops->ext_name(msg->srv->plat, msg->agent_id, id, name) != SCMI_SUCCESS)
		found = info.name;
	return scmi_server_name_get_reply(msg, found, sizeof(name) - 1);
}

static int32_t sensor_axis_name_get(struct scmi_server_msg *msg)
{
	const struct scmi_server_sensor_ops *ops = sensor_ops(msg);
	char name[SCMI_EXT_NAME_SIZE];
	struct scmi_server_sensor_axis_info a;
	struct scmi_server_sensor_info info;
	uint32_t id = SCMI_SERVER_IN_U32(msg, struct scmi_sensor_axis_a2p, sensor_id);
	struct scmi_server_page page;
	uint32_t first, i;
	int32_t st;

	st = axis_request(msg, &info, &first);
	if (st == SCMI_SUCCESS)
		st = scmi_server_page_get(msg, first, info.num_axes, AXIS_NAME_SIZE, UINT32_MAX,
					  &page);
	if (st != SCMI_SUCCESS)
		return st;
	scmi_server_msg_put_u32(msg,
				page.count | (page.remaining << SCMI_SENSOR_AXES_REMAINING_SHIFT));
	for (i = first; i < first + page.count; i++) {
		const char *found = name;

		if (axis_info(msg, id, i, &a) != SCMI_SUCCESS)
			return SCMI_GENERIC_ERROR;
		memset(name, 0, sizeof(name));
		/* An axis without a longer name has its short one (terminated by axis_info). */
		if (!a.has_ext_name || !ops->axis_ext_name ||
		    ops->axis_ext_name(msg->srv->plat, msg->agent_id, id, i, name) != SCMI_SUCCESS)
			found = a.name;
		/* struct scmi_sensor_axis_name_entry. */
		scmi_server_msg_put_u32(msg, i);
		scmi_server_msg_put_name(msg, found, sizeof(name) - 1,
					 SCMI_FIELD_SIZE(struct scmi_sensor_axis_name_entry, name));
	}
	return SCMI_SUCCESS;
}

static const scmi_server_handler_t sensor_handlers[] = {
    [SCMI_MSG_PROTOCOL_VERSION] = scmi_server_common_version,
    [SCMI_MSG_PROTOCOL_ATTRIBUTES] = sensor_attributes,
    [SCMI_MSG_PROTOCOL_MESSAGE_ATTRIBUTES] = scmi_server_common_msg_attributes,
    [SCMI_MSG_SENSOR_DESCRIPTION_GET] = sensor_description_get,
    [SCMI_MSG_SENSOR_TRIP_POINT_NOTIFY] = sensor_notify,
    [SCMI_MSG_SENSOR_TRIP_POINT_CONFIG] = sensor_trip_point_config,
    [SCMI_MSG_SENSOR_READING_GET] = sensor_reading_get,
    [SCMI_MSG_SENSOR_AXIS_DESCRIPTION_GET] = sensor_axis_description_get,
    [SCMI_MSG_SENSOR_LIST_UPDATE_INTERVALS] = sensor_list_update_intervals,
    [SCMI_MSG_SENSOR_CONFIG_GET] = sensor_config_get,
    [SCMI_MSG_SENSOR_CONFIG_SET] = sensor_config_set,
    [SCMI_MSG_SENSOR_CONTINUOUS_UPDATE_NOTIFY] = sensor_notify,
    [SCMI_MSG_SENSOR_NAME_GET] = sensor_name_get,
    [SCMI_MSG_SENSOR_AXIS_NAME_GET] = sensor_axis_name_get,
};

static const uint8_t sensor_sizes[] = {
    [SCMI_MSG_PROTOCOL_VERSION] = 0,
    [SCMI_MSG_PROTOCOL_ATTRIBUTES] = 0,
    [SCMI_MSG_PROTOCOL_MESSAGE_ATTRIBUTES] =
	SCMI_SERVER_SIZE(sizeof(struct scmi_msg_attributes_a2p)),
    [SCMI_MSG_SENSOR_DESCRIPTION_GET] =
	SCMI_SERVER_SIZE(sizeof(struct scmi_sensor_description_get_a2p)),
    [SCMI_MSG_SENSOR_TRIP_POINT_NOTIFY] = SCMI_SERVER_SIZE(sizeof(struct scmi_notify_a2p)),
    [SCMI_MSG_SENSOR_TRIP_POINT_CONFIG] =
	SCMI_SERVER_SIZE(sizeof(struct scmi_sensor_trip_point_config_a2p)),
    [SCMI_MSG_SENSOR_READING_GET] = SCMI_SERVER_SIZE(sizeof(struct scmi_sensor_reading_get_a2p)),
    [SCMI_MSG_SENSOR_AXIS_DESCRIPTION_GET] = SCMI_SERVER_SIZE(sizeof(struct scmi_sensor_axis_a2p)),
    [SCMI_MSG_SENSOR_LIST_UPDATE_INTERVALS] =
	SCMI_SERVER_SIZE(sizeof(struct scmi_sensor_list_update_intervals_a2p)),
    [SCMI_MSG_SENSOR_CONFIG_GET] = SCMI_SERVER_SIZE(sizeof(struct scmi_id_a2p)),
    [SCMI_MSG_SENSOR_CONFIG_SET] = SCMI_SERVER_SIZE(sizeof(struct scmi_sensor_config_set_a2p)),
    [SCMI_MSG_SENSOR_CONTINUOUS_UPDATE_NOTIFY] = SCMI_SERVER_SIZE(sizeof(struct scmi_notify_a2p)),
    [SCMI_MSG_SENSOR_NAME_GET] = SCMI_SERVER_SIZE(sizeof(struct scmi_id_a2p)),
    [SCMI_MSG_SENSOR_AXIS_NAME_GET] = SCMI_SERVER_SIZE(sizeof(struct scmi_sensor_axis_a2p)),
};

/*
 * The messages after Sensor 1.0 (the last of the tables): the first version of each.
 */
#define SENSOR_LATER SCMI_MSG_SENSOR_AXIS_DESCRIPTION_GET
static const uint32_t sensor_since[] = {
    [SCMI_MSG_SENSOR_AXIS_DESCRIPTION_GET - SENSOR_LATER] =
	SCMI_MSG_SENSOR_AXIS_DESCRIPTION_GET_SINCE,
    [SCMI_MSG_SENSOR_LIST_UPDATE_INTERVALS - SENSOR_LATER] =
	SCMI_MSG_SENSOR_LIST_UPDATE_INTERVALS_SINCE,
    [SCMI_MSG_SENSOR_CONFIG_GET - SENSOR_LATER] = SCMI_MSG_SENSOR_CONFIG_GET_SINCE,
    [SCMI_MSG_SENSOR_CONFIG_SET - SENSOR_LATER] = SCMI_MSG_SENSOR_CONFIG_SET_SINCE,
    [SCMI_MSG_SENSOR_CONTINUOUS_UPDATE_NOTIFY - SENSOR_LATER] =
	SCMI_MSG_SENSOR_CONTINUOUS_UPDATE_NOTIFY_SINCE,
    [SCMI_MSG_SENSOR_NAME_GET - SENSOR_LATER] = SCMI_MSG_SENSOR_NAME_GET_SINCE,
    [SCMI_MSG_SENSOR_AXIS_NAME_GET - SENSOR_LATER] = SCMI_MSG_SENSOR_AXIS_NAME_GET_SINCE,
};

/* The versions this server speaks, oldest first: what a platform may configure. */
static const uint32_t sensor_versions[] = {SCMI_SENSOR_VERSION_1_0, SCMI_SENSOR_VERSION_2_0,
					   SCMI_SENSOR_VERSION_3_0, SCMI_SENSOR_VERSION_3_1};

SCMI_SERVER_PROTOCOL_DEFINE_LATER(scmi_server_sensor_protocol, SCMI_PROTOCOL_SENSOR,
				  sensor_versions, SCMI_SENSOR_VERSION_1_0,
				  SCMI_MSG_SENSOR_NEGOTIATE_PROTOCOL_VERSION_SINCE, sensor_handlers,
				  sensor_sizes, SENSOR_LATER, false, sensor_since);
