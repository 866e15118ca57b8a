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

#include "scmi/server/sensor.h"
#include "server/server_helpers.h"
#include "server/server_protocol.h"

#define SENSOR_DESCRIPTION_GET		0x3
#define SENSOR_TRIP_POINT_NOTIFY	0x4
#define SENSOR_TRIP_POINT_CONFIG	0x5
#define SENSOR_READING_GET		0x6
#define SENSOR_AXIS_DESCRIPTION_GET	0x7
#define SENSOR_LIST_UPDATE_INTERVALS	0x8
#define SENSOR_CONFIG_GET		0x9
#define SENSOR_CONFIG_SET		0xa
#define SENSOR_CONTINUOUS_UPDATE_NOTIFY 0xb
#define SENSOR_NAME_GET			0xc
#define SENSOR_AXIS_NAME_GET		0xd

#define V1_0				SCMI_VERSION(1, 0)
#define V2_0				SCMI_VERSION(2, 0)
#define V3_0				SCMI_VERSION(3, 0)
#define V3_1				SCMI_VERSION(3, 1)

/* Descriptor sizes: base, + power, + resolution and range (scalar sensors only). */
#define DESC_BASE_SIZE	    28u
#define DESC_POWER_SIZE	    4u
#define DESC_RANGE_SIZE	    20u
#define AXIS_BASE_SIZE	    28u
#define AXIS_NAME_ENTRY	    (4u + SCMI_SERVER_SENSOR_NAME_SIZE)

#define NOTIFY_ENABLE	    0x1u
#define READ_ASYNC	    0x1u
#define TRIP_EV_MASK	    0x3u
#define TRIP_ID_SHIFT	    4
#define TRIP_ID_MASK	    0xffu
#define TRIP_RESERVED	    0xfffff00cu
#define CONFIG_ENABLE	    0x1u
#define CONFIG_TS	    0x2u
#define CONFIG_RESERVED	    0x1fcu
#define CONFIG_ROUND_SHIFT  9
#define CONFIG_EXP_SHIFT    11
#define CONFIG_SECS_SHIFT   16
#define INTERVALS_SEGMENTED (1u << 12)

static const struct scmi_server_sensor_ops *sensor_ops(const struct scmi_server_msg *msg)
{
	return msg->srv->ops ? msg->srv->ops->sensor : NULL;
}

static uint32_t sensor_count(const struct scmi_server_msg *msg)
{
	const struct scmi_server_sensor_ops *ops = sensor_ops(msg);
	uint32_t n;

	if (!ops || !ops->count)
		return 0;
	n = ops->count(msg->srv->plat, msg->agent_id);
	/* The count travels in 16 bits. */
	return n > 0xffffu ? 0xffffu : n;
}

/* Info of sensor @id, NOT_FOUND when it does not exist for this agent. */
static int32_t sensor_info(const struct scmi_server_msg *msg, uint32_t id,
			   struct scmi_server_sensor_info *info)
{
	const struct scmi_server_sensor_ops *ops = sensor_ops(msg);
	int32_t st;

	if (id >= sensor_count(msg) || !ops->info)
		return SCMI_NOT_FOUND;
	memset(info, 0, sizeof(*info));
	st = ops->info(msg->srv->plat, msg->agent_id, id, info);
	if (st != SCMI_SUCCESS)
		return st;
	if (info->num_axes > SCMI_SERVER_SENSOR_MAX_AXES)
		info->num_axes = SCMI_SERVER_SENSOR_MAX_AXES;
	info->name[SCMI_SHORT_NAME_SIZE - 1] = '\0';
	return SCMI_SUCCESS;
}

/* Descriptor attributes_low bit 31: asynchronous reads. */
#define SENSOR_DESC_ASYNC (1u << 31)
/* Pending asynchronous reads an agent may have (PROTOCOL_ATTRIBUTES, P2A channels). */
#define SENSOR_MAX_ASYNC 16u

static uint32_t exp5(int8_t e)
{
	return (uint32_t)e & 0x1fu;
}

static void put_u64(struct scmi_server_msg *msg, uint64_t v)
{
	scmi_server_msg_put_u32(msg, (uint32_t)v);
	scmi_server_msg_put_u32(msg, (uint32_t)(v >> 32));
}

static uint32_t interval_word(struct scmi_server_sensor_interval iv)
{
	return ((uint32_t)iv.secs << 5) | exp5(iv.exp);
}

static int32_t sensor_attributes(struct scmi_server_msg *msg)
{
	uint32_t attr = sensor_count(msg);

	/* Asynchronous reads only with a P2A path to answer on; no shared-memory statistics. */
	if (scmi_server_msg_can_defer(msg))
		attr |= SENSOR_MAX_ASYNC << 16;
	scmi_server_msg_put_u32(msg, attr);
	scmi_server_msg_put_u32(msg, 0);
	scmi_server_msg_put_u32(msg, 0);
	scmi_server_msg_put_u32(msg, 0);
	return SCMI_SUCCESS;
}

static size_t desc_size(const struct scmi_server_msg *msg, const struct scmi_server_sensor_info *in)
{
	size_t n = DESC_BASE_SIZE;

	if (msg->version >= V2_0 && in->ext_attrs) {
		n += DESC_POWER_SIZE;
		if (!in->num_axes)
			n += DESC_RANGE_SIZE;
	}
	return n;
}

/* The v1.0 attributes_high interval: 5 bits of seconds, so scale bigger ones down. */
static uint32_t v1_interval_bits(struct scmi_server_sensor_interval iv)
{
	uint32_t secs = iv.secs;
	int32_t e = (int32_t)iv.exp; /* a signed power of ten: sign-extended on purpose */

	while (secs > 0x1fu && e < 15) {
		secs = (secs + 5u) / 10u;
		e++;
	}
	if (secs > 0x1fu)
		secs = 0x1fu;
	return (secs << 27) | (exp5((int8_t)e) << 22);
}

static void put_descriptor(struct scmi_server_msg *msg, uint32_t id,
			   const struct scmi_server_sensor_info *in)
{
	bool v2 = msg->version >= V2_0;
	uint32_t lo = in->num_trip_points;
	uint32_t hi = ((uint32_t)exp5(in->unit_exp) << 11) | in->type;

	if (scmi_server_msg_can_defer(msg))
		lo |= SENSOR_DESC_ASYNC;
	if (v2) {
		if (in->continuous_update)
			lo |= 1u << 30;
		if (msg->version >= V3_0 && in->has_ext_name)
			lo |= 1u << 29;
		if (in->timestamped)
			lo |= (exp5(in->ts_exp) << 10) | (1u << 9);
		if (in->ext_attrs)
			lo |= 1u << 8;
		if (in->num_axes)
			hi |= ((uint32_t)in->num_axes << 16) | (1u << 8);
	} else {
		hi |= v1_interval_bits(in->interval);
	}
	scmi_server_msg_put_u32(msg, id);
	scmi_server_msg_put_u32(msg, lo);
	scmi_server_msg_put_u32(msg, hi);
	scmi_server_msg_put_bytes(msg, in->name, SCMI_SHORT_NAME_SIZE);
	if (!v2 || !in->ext_attrs)
		return;
	scmi_server_msg_put_u32(msg, in->power_uw);
	if (in->num_axes)
		return;
	scmi_server_msg_put_u32(msg, (in->resolution & 0x7ffffffu) | (exp5(in->res_exp) << 27));
	put_u64(msg, (uint64_t)in->min_range);
	put_u64(msg, (uint64_t)in->max_range);
}

/*
 * Entries that fit: the room left after the flags word, filled in order, each entry
 * of its own size. A page that cannot hold the next entry while some remain is a
 * PROTOCOL_ERROR, never an empty success an agent would take for the end.
 */
static int32_t sensor_description_get(struct scmi_server_msg *msg)
{
	struct scmi_server_sensor_info info;
	uint32_t first = scmi_server_msg_get_u32(msg, 0);
	uint32_t total = sensor_count(msg);
	uint32_t n = 0, id;
	size_t room, used = 0;
	int32_t st;

	if (first > total)
		return SCMI_INVALID_PARAMETERS;
	room = scmi_server_msg_room(msg);
	if (room < 4)
		return SCMI_PROTOCOL_ERROR;
	room -= 4;
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
	scmi_server_msg_put_u32(msg, n | ((total - first - n) << 16));
	for (id = first; id < first + n; id++) {
		if (sensor_info(msg, id, &info) != SCMI_SUCCESS)
			return SCMI_GENERIC_ERROR;
		put_descriptor(msg, id, &info);
	}
	return SCMI_SUCCESS;
}

/* Common validation of "sensor_id, flags word with only bit 0 defined". */
static int32_t sensor_id_and_bit0(struct scmi_server_msg *msg, struct scmi_server_sensor_info *info,
				  bool *bit0)
{
	uint32_t flags = scmi_server_msg_get_u32(msg, 4);
	int32_t st = sensor_info(msg, scmi_server_msg_get_u32(msg, 0), info);

	if (st != SCMI_SUCCESS)
		return st;
	if (flags & ~1u)
		return SCMI_INVALID_PARAMETERS;
	*bit0 = flags & 1u;
	return SCMI_SUCCESS;
}

static int32_t sensor_trip_point_notify(struct scmi_server_msg *msg)
{
	const struct scmi_server_sensor_ops *ops = sensor_ops(msg);
	struct scmi_server_sensor_info info;
	bool enable;
	int32_t st = sensor_id_and_bit0(msg, &info, &enable);

	if (st != SCMI_SUCCESS)
		return st;
	if (!ops->trip_notify)
		return SCMI_NOT_SUPPORTED;
	return ops->trip_notify(msg->srv->plat, msg->agent_id, scmi_server_msg_get_u32(msg, 0),
				enable);
}

static int32_t sensor_trip_point_config(struct scmi_server_msg *msg)
{
	const struct scmi_server_sensor_ops *ops = sensor_ops(msg);
	struct scmi_server_sensor_info info;
	uint32_t id = scmi_server_msg_get_u32(msg, 0);
	uint32_t ev = scmi_server_msg_get_u32(msg, 4);
	uint32_t trip = (ev >> TRIP_ID_SHIFT) & TRIP_ID_MASK;
	uint64_t value;
	int32_t st;

	st = sensor_info(msg, id, &info);
	if (st != SCMI_SUCCESS)
		return st;
	if ((ev & TRIP_RESERVED) || trip >= info.num_trip_points)
		return SCMI_INVALID_PARAMETERS;
	if (!ops->trip_config)
		return SCMI_NOT_SUPPORTED;
	value =
	    scmi_server_msg_get_u32(msg, 8) | ((uint64_t)scmi_server_msg_get_u32(msg, 12) << 32);
	return ops->trip_config(msg->srv->plat, msg->agent_id, id, trip, ev & TRIP_EV_MASK,
				(int64_t)value);
}

static int32_t sensor_reading_get(struct scmi_server_msg *msg)
{
	const struct scmi_server_sensor_ops *ops = sensor_ops(msg);
	struct scmi_server_sensor_reading r[SCMI_SERVER_SENSOR_MAX_AXES];
	struct scmi_server_sensor_info info;
	uint32_t id = scmi_server_msg_get_u32(msg, 0);
	uint32_t want, n = 0, i;
	bool async;
	int32_t st;

	st = sensor_id_and_bit0(msg, &info, &async);
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
	if (async) {
		scmi_server_msg_defer(msg, 0);
		scmi_server_msg_put_u32(msg, id);
	}
	want = (msg->version >= V2_0 && info.num_axes) ? info.num_axes : 1u;
	memset(r, 0, sizeof(r));
	st = ops->read(msg->srv->plat, msg->agent_id, id, r, want, &n);
	if (st != SCMI_SUCCESS)
		return st;
	if (n < want)
		return SCMI_GENERIC_ERROR;
	if (msg->version < V2_0) {
		put_u64(msg, (uint64_t)r[0].value);
		return SCMI_SUCCESS;
	}
	if (scmi_server_msg_room(msg) < (size_t)want * 16u)
		return SCMI_PROTOCOL_ERROR;
	for (i = 0; i < want; i++) {
		put_u64(msg, (uint64_t)r[i].value);
		put_u64(msg, info.timestamped ? r[i].timestamp : 0);
	}
	return SCMI_SUCCESS;
}

/* Sensor @id with axes, and the first axis asked for (<= num_axes). */
static int32_t axis_request(struct scmi_server_msg *msg, struct scmi_server_sensor_info *info,
			    uint32_t *first)
{
	int32_t st = sensor_info(msg, scmi_server_msg_get_u32(msg, 0), info);

	if (st != SCMI_SUCCESS)
		return st;
	if (!info->num_axes)
		return SCMI_NOT_SUPPORTED;
	*first = scmi_server_msg_get_u32(msg, 4);
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
	uint32_t id = scmi_server_msg_get_u32(msg, 0);
	uint32_t first, n = 0, i;
	size_t room, used = 0, sz;
	int32_t st;

	st = axis_request(msg, &info, &first);
	if (st != SCMI_SUCCESS)
		return st;
	room = scmi_server_msg_room(msg);
	if (room < 4)
		return SCMI_PROTOCOL_ERROR;
	room -= 4;
	for (i = first; i < info.num_axes; i++) {
		if (axis_info(msg, id, i, &a) != SCMI_SUCCESS)
			return SCMI_GENERIC_ERROR;
		sz = AXIS_BASE_SIZE + (a.ext_attrs ? DESC_RANGE_SIZE : 0);
		if (used + sz > room)
			break;
		used += sz;
		n++;
	}
	if (!n && first < info.num_axes)
		return SCMI_PROTOCOL_ERROR;
	scmi_server_msg_put_u32(msg, n | ((info.num_axes - first - n) << 26));
	for (i = first; i < first + n; i++) {
		uint32_t lo = 0;

		if (axis_info(msg, id, i, &a) != SCMI_SUCCESS)
			return SCMI_GENERIC_ERROR;
		if (msg->version >= V3_1 && a.has_ext_name)
			lo |= 1u << 9;
		if (a.ext_attrs)
			lo |= 1u << 8;
		scmi_server_msg_put_u32(msg, i);
		scmi_server_msg_put_u32(msg, lo);
		scmi_server_msg_put_u32(msg, (exp5(a.unit_exp) << 11) | a.type);
		scmi_server_msg_put_bytes(msg, a.name, SCMI_SHORT_NAME_SIZE);
		if (!a.ext_attrs)
			continue;
		scmi_server_msg_put_u32(msg, (a.resolution & 0x7ffffffu) | (exp5(a.res_exp) << 27));
		put_u64(msg, (uint64_t)a.min_range);
		put_u64(msg, (uint64_t)a.max_range);
	}
	return SCMI_SUCCESS;
}

static int32_t sensor_list_update_intervals(struct scmi_server_msg *msg)
{
	const struct scmi_server_sensor_ops *ops = sensor_ops(msg);
	struct scmi_server_sensor_interval iv;
	struct scmi_server_sensor_info info;
	uint32_t id = scmi_server_msg_get_u32(msg, 0);
	uint32_t first = scmi_server_msg_get_u32(msg, 4);
	struct scmi_server_page page;
	uint32_t total, i;
	int32_t st;

	st = sensor_info(msg, id, &info);
	if (st != SCMI_SUCCESS)
		return st;
	if (!ops->interval || !info.num_intervals)
		return SCMI_NOT_SUPPORTED;
	total = info.segmented ? 3u : info.num_intervals;
	if (total > 0xfffu)
		total = 0xfffu;
	/* A triplet travels whole, in one reply: only index 0 names it. */
	if (info.segmented && first)
		return SCMI_INVALID_PARAMETERS;
	st = scmi_server_page_get(msg, first, total, 4, UINT32_MAX, &page);
	if (st == SCMI_SUCCESS && info.segmented && page.count < 3)
		st = SCMI_PROTOCOL_ERROR;
	if (st != SCMI_SUCCESS)
		return st;
	scmi_server_msg_put_u32(msg, page.count | (info.segmented ? INTERVALS_SEGMENTED : 0) |
					 (page.remaining << 16));
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
	uint32_t id = scmi_server_msg_get_u32(msg, 0);
	int32_t st;

	st = sensor_info(msg, id, &info);
	if (st != SCMI_SUCCESS)
		return st;
	if (!ops->config_get)
		return SCMI_NOT_SUPPORTED;
	st = ops->config_get(msg->srv->plat, msg->agent_id, id, &cfg);
	if (st != SCMI_SUCCESS)
		return st;
	scmi_server_msg_put_u32(msg, ((uint32_t)cfg.interval.secs << CONFIG_SECS_SHIFT) |
					 (exp5(cfg.interval.exp) << CONFIG_EXP_SHIFT) |
					 (cfg.ts_enabled ? CONFIG_TS : 0) |
					 (cfg.enabled ? CONFIG_ENABLE : 0));
	return SCMI_SUCCESS;
}

/* The 5-bit two's complement field @v as a signed number. */
static int8_t sext5(uint32_t v)
{
	v &= 0x1fu;
	return (int8_t)(v >= 0x10u ? (int32_t)v - 0x20 : (int32_t)v);
}

static int32_t sensor_config_set(struct scmi_server_msg *msg)
{
	const struct scmi_server_sensor_ops *ops = sensor_ops(msg);
	struct scmi_server_sensor_config cfg = {0};
	struct scmi_server_sensor_info info;
	uint32_t id = scmi_server_msg_get_u32(msg, 0);
	uint32_t word = scmi_server_msg_get_u32(msg, 4);
	int32_t st;

	st = sensor_info(msg, id, &info);
	if (st != SCMI_SUCCESS)
		return st;
	cfg.round = (uint8_t)((word >> CONFIG_ROUND_SHIFT) & 0x3u);
	if ((word & CONFIG_RESERVED) || cfg.round == 3)
		return SCMI_INVALID_PARAMETERS;
	if ((word & CONFIG_TS) && !info.timestamped)
		return SCMI_INVALID_PARAMETERS;
	if (!ops->config_set)
		return SCMI_NOT_SUPPORTED;
	cfg.enabled = word & CONFIG_ENABLE;
	cfg.ts_enabled = word & CONFIG_TS;
	cfg.interval.secs = (uint16_t)(word >> CONFIG_SECS_SHIFT);
	cfg.interval.exp = sext5(word >> CONFIG_EXP_SHIFT);
	/* A zero interval keeps the one in force (enable/disable alone). */
	cfg.set_interval = cfg.interval.secs != 0;
	return ops->config_set(msg->srv->plat, msg->agent_id, id, &cfg);
}

static int32_t sensor_continuous_update_notify(struct scmi_server_msg *msg)
{
	const struct scmi_server_sensor_ops *ops = sensor_ops(msg);
	struct scmi_server_sensor_info info;
	bool enable;
	int32_t st = sensor_id_and_bit0(msg, &info, &enable);

	if (st != SCMI_SUCCESS)
		return st;
	if (!ops->update_notify || (enable && !info.continuous_update))
		return SCMI_NOT_SUPPORTED;
	return ops->update_notify(msg->srv->plat, msg->agent_id, scmi_server_msg_get_u32(msg, 0),
				  enable);
}

static int32_t sensor_name_get(struct scmi_server_msg *msg)
{
	const struct scmi_server_sensor_ops *ops = sensor_ops(msg);
	char name[SCMI_SERVER_SENSOR_NAME_SIZE] = {0};
	struct scmi_server_sensor_info info;
	uint32_t id = scmi_server_msg_get_u32(msg, 0);
	int32_t st;

	st = sensor_info(msg, id, &info);
	if (st != SCMI_SUCCESS)
		return st;
	/* A sensor without a longer name answers with its short one. */
	if (!info.has_ext_name || !ops->ext_name ||
	    ops->ext_name(msg->srv->plat, msg->agent_id, id, name) != SCMI_SUCCESS)
		memcpy(name, info.name, SCMI_SHORT_NAME_SIZE);
	return scmi_server_name_get_reply(msg, name, sizeof(name) - 1);
}

static int32_t sensor_axis_name_get(struct scmi_server_msg *msg)
{
	const struct scmi_server_sensor_ops *ops = sensor_ops(msg);
	char name[SCMI_SERVER_SENSOR_NAME_SIZE];
	struct scmi_server_sensor_axis_info a;
	struct scmi_server_sensor_info info;
	uint32_t id = scmi_server_msg_get_u32(msg, 0);
	struct scmi_server_page page;
	uint32_t first, i;
	int32_t st;

	st = axis_request(msg, &info, &first);
	if (st == SCMI_SUCCESS)
		st = scmi_server_page_get(msg, first, info.num_axes, AXIS_NAME_ENTRY, UINT32_MAX,
					  &page);
	if (st != SCMI_SUCCESS)
		return st;
	scmi_server_msg_put_u32(msg, page.count | (page.remaining << 26));
	for (i = first; i < first + page.count; i++) {
		if (axis_info(msg, id, i, &a) != SCMI_SUCCESS)
			return SCMI_GENERIC_ERROR;
		memset(name, 0, sizeof(name));
		if (!a.has_ext_name || !ops->axis_ext_name ||
		    ops->axis_ext_name(msg->srv->plat, msg->agent_id, id, i, name) != SCMI_SUCCESS)
			memcpy(name, a.name, SCMI_SHORT_NAME_SIZE);
		scmi_server_msg_put_u32(msg, i);
		scmi_server_msg_put_name(msg, name, sizeof(name) - 1, sizeof(name));
	}
	return SCMI_SUCCESS;
}

static const scmi_server_handler_t sensor_handlers[] = {
    [SCMI_MSG_PROTOCOL_VERSION] = scmi_server_common_version,
    [SCMI_MSG_PROTOCOL_ATTRIBUTES] = sensor_attributes,
    [SCMI_MSG_PROTOCOL_MESSAGE_ATTRIBUTES] = scmi_server_common_msg_attributes,
    [SENSOR_DESCRIPTION_GET] = sensor_description_get,
    [SENSOR_TRIP_POINT_NOTIFY] = sensor_trip_point_notify,
    [SENSOR_TRIP_POINT_CONFIG] = sensor_trip_point_config,
    [SENSOR_READING_GET] = sensor_reading_get,
    [SENSOR_AXIS_DESCRIPTION_GET] = sensor_axis_description_get,
    [SENSOR_LIST_UPDATE_INTERVALS] = sensor_list_update_intervals,
    [SENSOR_CONFIG_GET] = sensor_config_get,
    [SENSOR_CONFIG_SET] = sensor_config_set,
    [SENSOR_CONTINUOUS_UPDATE_NOTIFY] = sensor_continuous_update_notify,
    [SENSOR_NAME_GET] = sensor_name_get,
    [SENSOR_AXIS_NAME_GET] = sensor_axis_name_get,
    [SCMI_MSG_NEGOTIATE_PROTOCOL_VERSION] = scmi_server_common_negotiate,
};

static const uint16_t sensor_sizes[] = {
    [SCMI_MSG_PROTOCOL_VERSION] = 0,
    [SCMI_MSG_PROTOCOL_ATTRIBUTES] = 0,
    [SCMI_MSG_PROTOCOL_MESSAGE_ATTRIBUTES] = 4,
    [SENSOR_DESCRIPTION_GET] = 4,
    [SENSOR_TRIP_POINT_NOTIFY] = 8,
    [SENSOR_TRIP_POINT_CONFIG] = 16,
    [SENSOR_READING_GET] = 8,
    [SENSOR_AXIS_DESCRIPTION_GET] = 8,
    [SENSOR_LIST_UPDATE_INTERVALS] = 8,
    [SENSOR_CONFIG_GET] = 4,
    [SENSOR_CONFIG_SET] = 8,
    [SENSOR_CONTINUOUS_UPDATE_NOTIFY] = 8,
    [SENSOR_NAME_GET] = 4,
    [SENSOR_AXIS_NAME_GET] = 8,
    [SCMI_MSG_NEGOTIATE_PROTOCOL_VERSION] = 4,
};

static const uint32_t sensor_min_versions[] = {
    [SENSOR_AXIS_DESCRIPTION_GET] = V2_0,
    [SENSOR_LIST_UPDATE_INTERVALS] = V2_0,
    [SENSOR_CONFIG_GET] = V2_0,
    [SENSOR_CONFIG_SET] = V2_0,
    [SENSOR_CONTINUOUS_UPDATE_NOTIFY] = V2_0,
    [SENSOR_NAME_GET] = V3_0,
    [SENSOR_AXIS_NAME_GET] = V3_1,
    [SCMI_MSG_NEGOTIATE_PROTOCOL_VERSION] = 0,
};

SCMI_SERVER_PROTOCOL_DEFINE_VERSIONED(scmi_server_sensor_protocol, SCMI_PROTOCOL_SENSOR, V3_1, V1_0,
				      sensor_handlers, sensor_sizes, sensor_min_versions);
