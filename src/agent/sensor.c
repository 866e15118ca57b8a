// SPDX-License-Identifier: BSD-3-Clause
/*
 * Sensor protocol (0x15) client. Layouts follow the version in force
 * (include/scmi/sensor.h); every reply is bounded by its length before a
 * field is read, and paginated walks stop after a bounded number of pages.
 */
#include <errno.h>
#include <string.h>

#include "agent/common.h"
#include "agent/proto_common.h"
#include "scmi/proto/sensor.h"
#include "scmi/sensor.h"

#define V2_0 SCMI_SENSOR_VERSION_2_0

/* Replies are never bigger than this (the transport's max payload is smaller). */
#define SENSOR_RX_MAX 1024u
/* Pages a walk may take: one entry per page at worst, plus slack. */
#define SENSOR_MAX_PAGES 1024u

/* The flags word before the entries of both axis messages; their entry sizes. */
#define AXIS_HEAD sizeof(struct scmi_sensor_axis_description_get_p2a)
#define AXIS_BASE SCMI_SENSOR_AXIS_DESC_BASE_SIZE
#define AXIS_FULL sizeof(struct scmi_sensor_axis_desc_entry)
#define AXIS_NAME SCMI_FIELD_SIZE(struct scmi_sensor_axis_name_get_p2a, names[0])

static int sensor_xfer(const struct scmi_sensor_handle *h, uint8_t msg_id, const void *tx,
		       size_t tx_len, void *rx, size_t rx_max, size_t *rx_len)
{
	size_t len = 0;
	int ret;

	if (!h || !h->agent)
		return -EINVAL;
	/* Room for whatever the transport can carry, never more. */
	if (rx_max > scmi_agent_max_msg_size(h->agent))
		rx_max = scmi_agent_max_msg_size(h->agent);
	ret = scmi_xfer(h->agent, SCMI_PROTOCOL_SENSOR, msg_id, tx, tx_len, rx, rx_max, &len, NULL);
	if (rx_len)
		*rx_len = len;
	return ret;
}

static int short_reply(const struct scmi_sensor_handle *h, uint8_t msg_id, size_t got, size_t need)
{
	scmi_agent_set_error(h->agent,
			     "protocol 0x15 message 0x%02x: short reply (%zu of %zu bytes)", msg_id,
			     got, need);
	return -EPROTO;
}

/* @msg_id naming sensor @id, whose reply must hold @need bytes at @rx. */
static int sensor_id_xfer(const struct scmi_sensor_handle *h, uint8_t msg_id, uint32_t id, void *rx,
			  size_t need)
{
	uint8_t tx[sizeof(struct scmi_id_a2p)];
	size_t len;
	int ret;

	SCMI_PUT_U32(tx, struct scmi_id_a2p, id, id);
	ret = sensor_xfer(h, msg_id, tx, sizeof(tx), rx, need, &len);
	if (ret)
		return ret;
	if (len < need)
		return short_reply(h, msg_id, len, need);
	return 0;
}

static int8_t sext5(uint32_t v)
{
	v &= SCMI_SENSOR_EXP_MASK;
	return (int8_t)(v >= 0x10u ? (int32_t)v - 0x20 : (int32_t)v);
}

int scmi_sensor_open(struct scmi_agent *agent, struct scmi_sensor_handle *h)
{
	uint8_t rx[sizeof(struct scmi_sensor_protocol_attributes_p2a)];
	/* Only the attributes word is used: a reply that ends after it will do. */
	const size_t need = offsetof(struct scmi_sensor_protocol_attributes_p2a, reg_addr);
	uint32_t v, attr;
	size_t len;
	int ret;

	if (!agent || !h)
		return -EINVAL;
	memset(h, 0, sizeof(*h));
	h->agent = agent;
	ret = scmi_protocol_version(agent, SCMI_PROTOCOL_SENSOR, &v);
	if (ret)
		return ret;
	/* A newer platform is asked to speak our version; refused, it speaks its own. */
	if (v > SCMI_SENSOR_CLIENT_VERSION &&
	    !scmi_proto_negotiate(agent, SCMI_PROTOCOL_SENSOR, SCMI_SENSOR_CLIENT_VERSION))
		v = SCMI_SENSOR_CLIENT_VERSION;
	h->version = v;
	ret = sensor_xfer(h, SCMI_MSG_PROTOCOL_ATTRIBUTES, NULL, 0, rx, sizeof(rx), &len);
	if (ret)
		return ret;
	if (len < need)
		return short_reply(h, SCMI_MSG_PROTOCOL_ATTRIBUTES, len, need);
	attr = SCMI_GET_U32(rx, struct scmi_sensor_protocol_attributes_p2a, attributes);
	h->num_sensors = SCMI_SENSOR_PA_NUM_SENSORS(attr);
	h->max_async = SCMI_SENSOR_PA_MAX_ASYNC(attr);
	return 0;
}

/* Decode one descriptor at @p (@avail bytes); its size in *@used. */
static int parse_desc(const struct scmi_sensor_handle *h, const uint8_t *p, size_t avail,
		      struct scmi_sensor_desc *d, size_t *used)
{
	bool v2 = h->version >= V2_0;
	uint32_t lo, hi;
	size_t need = SCMI_SENSOR_DESC_BASE_SIZE;

	if (avail < need)
		return -EPROTO;
	memset(d, 0, sizeof(*d));
	d->id = SCMI_GET_U32(p, struct scmi_sensor_desc_entry, id);
	lo = d->attributes_low = SCMI_GET_U32(p, struct scmi_sensor_desc_entry, attributes_low);
	hi = d->attributes_high = SCMI_GET_U32(p, struct scmi_sensor_desc_entry, attributes_high);
	memcpy(d->name, SCMI_FIELD_PTR(p, struct scmi_sensor_desc_entry, name),
	       SCMI_FIELD_SIZE(struct scmi_sensor_desc_entry, name));
	d->name[SCMI_FIELD_SIZE(struct scmi_sensor_desc_entry, name)] = '\0';
	d->async = lo & SCMI_SENSOR_ATTR_LOW_ASYNC;
	d->num_trip_points = SCMI_SENSOR_ATTR_LOW_NUM_TRIPS(lo);
	d->type = SCMI_SENSOR_ATTR_HIGH_TYPE(hi);
	d->unit_exp = sext5(hi >> SCMI_SENSOR_ATTR_HIGH_UNIT_EXP_SHIFT);
	if (!v2) {
		/* The 1.0 interval fields, as an interval word. */
		d->v1_interval =
		    ((hi >> SCMI_SENSOR_ATTR_HIGH_V1_SECS_SHIFT)
		     << SCMI_SENSOR_INTERVAL_SECS_SHIFT) |
		    ((hi >> SCMI_SENSOR_ATTR_HIGH_V1_EXP_SHIFT) & SCMI_SENSOR_EXP_MASK);
		*used = need;
		return 0;
	}
	d->continuous_update = lo & SCMI_SENSOR_ATTR_LOW_CONT_UPDATE;
	d->ext_name = h->version >= SCMI_SENSOR_VERSION_3_0 && (lo & SCMI_SENSOR_ATTR_LOW_EXT_NAME);
	d->timestamped = lo & SCMI_SENSOR_ATTR_LOW_TIMESTAMP;
	d->ts_exp = 0;
	if (d->timestamped)
		d->ts_exp = sext5(lo >> SCMI_SENSOR_ATTR_LOW_TS_EXP_SHIFT);
	d->ext_attrs = lo & SCMI_SENSOR_ATTR_LOW_EXT_ATTRS;
	d->num_axes =
	    (hi & SCMI_SENSOR_ATTR_HIGH_MULTI_AXIS) ? SCMI_SENSOR_ATTR_HIGH_NUM_AXES(hi) : 0;
	if (d->ext_attrs) {
		need = d->num_axes ? SCMI_SENSOR_DESC_POWER_SIZE
				   : sizeof(struct scmi_sensor_desc_entry);
		if (avail < need)
			return -EPROTO;
		d->power_uw = SCMI_GET_U32(p, struct scmi_sensor_desc_entry, power);
		if (!d->num_axes) {
			uint32_t res = SCMI_GET_U32(p, struct scmi_sensor_desc_entry, resolution);

			d->resolution = res & SCMI_SENSOR_RES_MASK;
			d->res_exp = sext5(res >> SCMI_SENSOR_RES_EXP_SHIFT);
			d->min_range =
			    (int64_t)SCMI_GET_U64(p, struct scmi_sensor_desc_entry, min_range);
			d->max_range =
			    (int64_t)SCMI_GET_U64(p, struct scmi_sensor_desc_entry, max_range);
		}
	}
	*used = need;
	return 0;
}

int scmi_sensor_describe_page(const struct scmi_sensor_handle *h, uint32_t first,
			      struct scmi_sensor_desc *out, size_t max, uint32_t *returned,
			      uint32_t *remaining)
{
	const size_t head = sizeof(struct scmi_sensor_description_get_p2a);
	uint8_t tx[sizeof(struct scmi_sensor_description_get_a2p)], rx[SENSOR_RX_MAX];
	size_t len, off = head, used;
	uint32_t flags, n, i;
	int ret;

	if (!returned || !remaining || (max && !out))
		return -EINVAL;
	SCMI_PUT_U32(tx, struct scmi_sensor_description_get_a2p, desc_index, first);
	ret = sensor_xfer(h, SCMI_MSG_SENSOR_DESCRIPTION_GET, tx, sizeof(tx), rx, sizeof(rx), &len);
	if (ret)
		return ret;
	if (len < head)
		return short_reply(h, SCMI_MSG_SENSOR_DESCRIPTION_GET, len, head);
	flags = SCMI_GET_U32(rx, struct scmi_sensor_description_get_p2a, num_sensor_flags);
	n = SCMI_SENSOR_DESCS_RETURNED(flags);
	if (n > max) {
		scmi_agent_set_error(h->agent, "sensor descriptions: %u returned, room for %zu", n,
				     max);
		return -EPROTO;
	}
	for (i = 0; i < n; i++) {
		if (parse_desc(h, rx + off, len - off, &out[i], &used))
			return short_reply(h, SCMI_MSG_SENSOR_DESCRIPTION_GET, len,
					   off + SCMI_SENSOR_DESC_BASE_SIZE);
		off += used;
	}
	*returned = n;
	*remaining = SCMI_SENSOR_DESCS_REMAINING(flags);
	return 0;
}

int scmi_sensor_describe(const struct scmi_sensor_handle *h, struct scmi_sensor_desc *out,
			 size_t max, size_t *count)
{
	struct scmi_proto_walk w = {"sensor descriptions", 0, SENSOR_MAX_PAGES, 0};
	uint32_t got, remaining;
	size_t done = 0;
	int ret;

	if (!h || !count || (max && !out))
		return -EINVAL;
	*count = 0;
	/* No room: nothing to ask the platform for (and no pointer arithmetic on NULL). */
	if (!max)
		return 0;
	for (;;) {
		ret = scmi_sensor_describe_page(h, (uint32_t)done, out + done, max - done, &got,
						&remaining);
		if (ret)
			return ret;
		if (done + got + remaining > h->num_sensors) {
			scmi_agent_set_error(h->agent,
					     "sensor descriptions: more than the %u sensors",
					     h->num_sensors);
			return -EPROTO;
		}
		ret = scmi_proto_walk_step(h->agent, &w, got, remaining);
		done += got;
		*count = done;
		if (ret)
			return ret < 0 ? ret : 0;
		if (done >= max)
			return 0;
	}
}

/* An extended name field (SCMI_EXT_NAME_SIZE bytes, maybe unterminated) into @dst. */
static void copy_name64(char dst[SCMI_SENSOR_NAME_BUF], const uint8_t *src)
{
	memcpy(dst, src, SCMI_EXT_NAME_SIZE);
	dst[SCMI_EXT_NAME_SIZE] = '\0';
}

int scmi_sensor_name_get(const struct scmi_sensor_handle *h, uint32_t id,
			 char name[SCMI_SENSOR_NAME_BUF])
{
	uint8_t rx[sizeof(struct scmi_name_get_p2a)];
	int ret;

	if (!h || !name)
		return -EINVAL;
	if (h->version < SCMI_MSG_SENSOR_NAME_GET_SINCE)
		return -EOPNOTSUPP;
	ret = sensor_id_xfer(h, SCMI_MSG_SENSOR_NAME_GET, id, rx, sizeof(rx));
	if (ret)
		return ret;
	copy_name64(name, SCMI_FIELD_PTR(rx, struct scmi_name_get_p2a, name));
	return 0;
}

/*
 * One page of an axis message (struct scmi_sensor_axis_a2p): its num_axis_flags word
 * decoded, the entries after it.
 */
static int axis_page(const struct scmi_sensor_handle *h, uint8_t msg_id, uint32_t id,
		     uint32_t first, uint8_t *rx, size_t *len, uint32_t *got, uint32_t *remaining)
{
	uint8_t tx[sizeof(struct scmi_sensor_axis_a2p)];
	uint32_t flags;
	int ret;

	SCMI_PUT_U32(tx, struct scmi_sensor_axis_a2p, sensor_id, id);
	SCMI_PUT_U32(tx, struct scmi_sensor_axis_a2p, axis_desc_index, first);
	ret = sensor_xfer(h, msg_id, tx, sizeof(tx), rx, SENSOR_RX_MAX, len);
	if (ret)
		return ret;
	if (*len < AXIS_HEAD)
		return short_reply(h, msg_id, *len, AXIS_HEAD);
	flags = SCMI_GET_U32(rx, struct scmi_sensor_axis_description_get_p2a, num_axis_flags);
	*got = SCMI_SENSOR_AXES_RETURNED(flags);
	*remaining = SCMI_SENSOR_AXES_REMAINING(flags);
	return 0;
}

int scmi_sensor_axes(const struct scmi_sensor_handle *h, uint32_t id, struct scmi_sensor_axis *out,
		     size_t max, size_t *count)
{
	struct scmi_proto_walk w = {"axis descriptions", 0, SENSOR_MAX_PAGES, 0};
	uint8_t rx[SENSOR_RX_MAX];
	uint32_t got, remaining, i;
	size_t done = 0, len, off;
	int ret;

	if (!h || !count || (max && !out))
		return -EINVAL;
	*count = 0;
	if (h->version < SCMI_MSG_SENSOR_AXIS_DESCRIPTION_GET_SINCE)
		return -EOPNOTSUPP;
	for (;;) {
		ret = axis_page(h, SCMI_MSG_SENSOR_AXIS_DESCRIPTION_GET, id, (uint32_t)done, rx,
				&len, &got, &remaining);
		if (ret)
			return ret;
		if (got > max - done)
			return -EPROTO;
		for (i = 0, off = AXIS_HEAD; i < got; i++) {
			struct scmi_sensor_axis *a = &out[done + i];
			const uint8_t *e = rx + off;
			uint32_t lo, hi, res;

			if (len - off < AXIS_BASE)
				return short_reply(h, SCMI_MSG_SENSOR_AXIS_DESCRIPTION_GET, len,
						   off + AXIS_BASE);
			memset(a, 0, sizeof(*a));
			a->id = SCMI_GET_U32(e, struct scmi_sensor_axis_desc_entry, axis_id);
			lo = SCMI_GET_U32(e, struct scmi_sensor_axis_desc_entry, attributes_low);
			hi = SCMI_GET_U32(e, struct scmi_sensor_axis_desc_entry, attributes_high);
			memcpy(a->name, SCMI_FIELD_PTR(e, struct scmi_sensor_axis_desc_entry, name),
			       SCMI_FIELD_SIZE(struct scmi_sensor_axis_desc_entry, name));
			a->name[SCMI_FIELD_SIZE(struct scmi_sensor_axis_desc_entry, name)] = '\0';
			a->type = SCMI_SENSOR_ATTR_HIGH_TYPE(hi);
			a->unit_exp = sext5(hi >> SCMI_SENSOR_ATTR_HIGH_UNIT_EXP_SHIFT);
			a->ext_name = h->version >= SCMI_SENSOR_VERSION_3_1 &&
				      (lo & SCMI_SENSOR_AXIS_ATTR_LOW_EXT_NAME);
			a->ext_attrs = lo & SCMI_SENSOR_AXIS_ATTR_LOW_EXT_ATTRS;
			if (!a->ext_attrs) {
				off += AXIS_BASE;
				continue;
			}
			if (len - off < AXIS_FULL)
				return short_reply(h, SCMI_MSG_SENSOR_AXIS_DESCRIPTION_GET, len,
						   off + AXIS_FULL);
			res = SCMI_GET_U32(e, struct scmi_sensor_axis_desc_entry, resolution);
			a->resolution = res & SCMI_SENSOR_RES_MASK;
			a->res_exp = sext5(res >> SCMI_SENSOR_RES_EXP_SHIFT);
			a->min_range =
			    (int64_t)SCMI_GET_U64(e, struct scmi_sensor_axis_desc_entry, min_range);
			a->max_range =
			    (int64_t)SCMI_GET_U64(e, struct scmi_sensor_axis_desc_entry, max_range);
			off += AXIS_FULL;
		}
		ret = scmi_proto_walk_step(h->agent, &w, got, remaining);
		done += got;
		*count = done;
		if (ret)
			return ret < 0 ? ret : 0;
		if (done >= max)
			return 0;
	}
}

int scmi_sensor_axis_names(const struct scmi_sensor_handle *h, uint32_t id,
			   char (*names)[SCMI_SENSOR_NAME_BUF], size_t max, size_t *count)
{
	struct scmi_proto_walk w = {"axis names", 0, SENSOR_MAX_PAGES, 0};
	uint8_t rx[SENSOR_RX_MAX];
	uint32_t got, remaining, i, axis;
	size_t done = 0, len;
	int ret;

	if (!h || !count || (max && !names))
		return -EINVAL;
	*count = 0;
	if (h->version < SCMI_MSG_SENSOR_AXIS_NAME_GET_SINCE)
		return -EOPNOTSUPP;
	for (;;) {
		ret = axis_page(h, SCMI_MSG_SENSOR_AXIS_NAME_GET, id, (uint32_t)done, rx, &len,
				&got, &remaining);
		if (ret)
			return ret;
		if (len < AXIS_HEAD + (size_t)got * AXIS_NAME)
			return short_reply(h, SCMI_MSG_SENSOR_AXIS_NAME_GET, len,
					   AXIS_HEAD + (size_t)got * AXIS_NAME);
		for (i = 0; i < got; i++) {
			const uint8_t *e = rx + AXIS_HEAD + (size_t)i * AXIS_NAME;

			axis = SCMI_GET_U32(e, struct scmi_sensor_axis_name_entry, axis_id);
			if (axis >= max)
				return -EPROTO;
			copy_name64(names[axis],
				    SCMI_FIELD_PTR(e, struct scmi_sensor_axis_name_entry, name));
		}
		ret = scmi_proto_walk_step(h->agent, &w, got, remaining);
		done += got;
		*count = done;
		if (ret)
			return ret < 0 ? ret : 0;
	}
}

int scmi_sensor_update_intervals(const struct scmi_sensor_handle *h, uint32_t id,
				 struct scmi_sensor_intervals *iv)
{
	struct scmi_proto_walk w = {"update intervals", 0, SENSOR_MAX_PAGES, 0};
	const size_t head = sizeof(struct scmi_sensor_list_update_intervals_p2a);
	const size_t entry =
	    SCMI_FIELD_SIZE(struct scmi_sensor_list_update_intervals_p2a, intervals[0]);
	uint8_t tx[sizeof(struct scmi_sensor_list_update_intervals_a2p)], rx[SENSOR_RX_MAX];
	uint32_t flags, got, remaining, i;
	size_t len;
	int ret;

	if (!h || !iv)
		return -EINVAL;
	memset(iv, 0, sizeof(*iv));
	if (h->version < SCMI_MSG_SENSOR_LIST_UPDATE_INTERVALS_SINCE)
		return -EOPNOTSUPP;
	for (;;) {
		SCMI_PUT_U32(tx, struct scmi_sensor_list_update_intervals_a2p, sensor_id, id);
		SCMI_PUT_U32(tx, struct scmi_sensor_list_update_intervals_a2p, index, iv->count);
		ret = sensor_xfer(h, SCMI_MSG_SENSOR_LIST_UPDATE_INTERVALS, tx, sizeof(tx), rx,
				  sizeof(rx), &len);
		if (ret)
			return ret;
		if (len < head)
			return short_reply(h, SCMI_MSG_SENSOR_LIST_UPDATE_INTERVALS, len, head);
		flags = SCMI_GET_U32(rx, struct scmi_sensor_list_update_intervals_p2a,
				     num_intervals_flags);
		got = SCMI_SENSOR_INTERVALS_RETURNED(flags);
		remaining = SCMI_SENSOR_INTERVALS_REMAINING(flags);
		if (len < head + (size_t)got * entry)
			return short_reply(h, SCMI_MSG_SENSOR_LIST_UPDATE_INTERVALS, len,
					   head + got * entry);
		if (flags & SCMI_SENSOR_INTERVALS_SEGMENTED) {
			if (w.page || got != SCMI_SENSOR_INTERVALS_TRIPLET_COUNT || remaining) {
				scmi_agent_set_error(h->agent,
						     "update intervals: a segmented reply "
						     "must be one triplet");
				return -EPROTO;
			}
			iv->segmented = true;
		}
		if (got > SCMI_SENSOR_MAX_INTERVALS - iv->count)
			return -EPROTO;
		for (i = 0; i < got; i++)
			iv->words[iv->count + i] = scmi_get_le32(rx + head + (size_t)i * entry);
		ret = scmi_proto_walk_step(h->agent, &w, got, remaining);
		iv->count += got;
		if (ret)
			return ret < 0 ? ret : 0;
	}
}

int scmi_sensor_reading_raw(const struct scmi_sensor_handle *h, uint32_t id, uint32_t flags,
			    struct scmi_sensor_reading *r, size_t max, size_t *n)
{
	const size_t entry = sizeof(struct scmi_sensor_reading_entry);
	uint8_t tx[sizeof(struct scmi_sensor_reading_get_a2p)], rx[SENSOR_RX_MAX];
	size_t len, i, count;
	int ret;

	if (!h || !n || (max && !r))
		return -EINVAL;
	*n = 0;
	SCMI_PUT_U32(tx, struct scmi_sensor_reading_get_a2p, sensor_id, id);
	SCMI_PUT_U32(tx, struct scmi_sensor_reading_get_a2p, flags, flags);
	ret = sensor_xfer(h, SCMI_MSG_SENSOR_READING_GET, tx, sizeof(tx), rx, sizeof(rx), &len);
	if (ret)
		return ret;
	/* Before 2.0: one reading cut to its value. */
	if (h->version < V2_0) {
		if (len < SCMI_SENSOR_READING_V1_SIZE)
			return short_reply(h, SCMI_MSG_SENSOR_READING_GET, len,
					   SCMI_SENSOR_READING_V1_SIZE);
		if (max) {
			r[0].value =
			    (int64_t)SCMI_GET_U64(rx, struct scmi_sensor_reading_entry, value);
			r[0].timestamp = 0;
			*n = 1;
		}
		return 0;
	}
	/* One struct scmi_sensor_reading_entry per axis. */
	if (len < entry || len % entry)
		return short_reply(h, SCMI_MSG_SENSOR_READING_GET, len, (len / entry + 1) * entry);
	count = len / entry;
	if (count > SCMI_SENSOR_MAX_AXES)
		return -EPROTO;
	for (i = 0; i < count && i < max; i++) {
		const uint8_t *e = rx + i * entry;

		r[i].value = (int64_t)SCMI_GET_U64(e, struct scmi_sensor_reading_entry, value);
		r[i].timestamp = SCMI_GET_U64(e, struct scmi_sensor_reading_entry, timestamp);
	}
	*n = i;
	return 0;
}

int scmi_sensor_reading_get(const struct scmi_sensor_handle *h, uint32_t id,
			    struct scmi_sensor_reading *r, size_t max, size_t *n)
{
	return scmi_sensor_reading_raw(h, id, 0, r, max, n);
}

static int notify(const struct scmi_sensor_handle *h, uint8_t msg_id, uint32_t id, bool enable)
{
	uint8_t tx[sizeof(struct scmi_notify_a2p)];

	SCMI_PUT_U32(tx, struct scmi_notify_a2p, id, id);
	SCMI_PUT_U32(tx, struct scmi_notify_a2p, notify_enable, enable ? SCMI_NOTIFY_ENABLE : 0u);
	return sensor_xfer(h, msg_id, tx, sizeof(tx), NULL, 0, NULL);
}

int scmi_sensor_trip_point_notify(const struct scmi_sensor_handle *h, uint32_t id, bool enable)
{
	return notify(h, SCMI_MSG_SENSOR_TRIP_POINT_NOTIFY, id, enable);
}

int scmi_sensor_trip_point_config(const struct scmi_sensor_handle *h, uint32_t id, uint8_t trip,
				  uint32_t event, int64_t value)
{
	uint8_t tx[sizeof(struct scmi_sensor_trip_point_config_a2p)];

	SCMI_PUT_U32(tx, struct scmi_sensor_trip_point_config_a2p, sensor_id, id);
	SCMI_PUT_U32(tx, struct scmi_sensor_trip_point_config_a2p, trip_point_ev_ctrl,
		     (event & SCMI_SENSOR_TRIP_EV_MASK) |
			 ((uint32_t)trip << SCMI_SENSOR_TRIP_ID_SHIFT));
	SCMI_PUT_U64(tx, struct scmi_sensor_trip_point_config_a2p, trip_point_value,
		     (uint64_t)value);
	return sensor_xfer(h, SCMI_MSG_SENSOR_TRIP_POINT_CONFIG, tx, sizeof(tx), NULL, 0, NULL);
}

int scmi_sensor_config_get(const struct scmi_sensor_handle *h, uint32_t id, uint32_t *config)
{
	uint8_t rx[sizeof(struct scmi_sensor_config_get_p2a)];
	int ret;

	if (!h || !config)
		return -EINVAL;
	if (h->version < SCMI_MSG_SENSOR_CONFIG_GET_SINCE)
		return -EOPNOTSUPP;
	ret = sensor_id_xfer(h, SCMI_MSG_SENSOR_CONFIG_GET, id, rx, sizeof(rx));
	if (ret)
		return ret;
	*config = SCMI_GET_U32(rx, struct scmi_sensor_config_get_p2a, sensor_config);
	return 0;
}

int scmi_sensor_config_set(const struct scmi_sensor_handle *h, uint32_t id, uint32_t config)
{
	uint8_t tx[sizeof(struct scmi_sensor_config_set_a2p)];

	if (!h)
		return -EINVAL;
	if (h->version < SCMI_MSG_SENSOR_CONFIG_SET_SINCE)
		return -EOPNOTSUPP;
	SCMI_PUT_U32(tx, struct scmi_sensor_config_set_a2p, sensor_id, id);
	SCMI_PUT_U32(tx, struct scmi_sensor_config_set_a2p, sensor_config, config);
	return sensor_xfer(h, SCMI_MSG_SENSOR_CONFIG_SET, tx, sizeof(tx), NULL, 0, NULL);
}

int scmi_sensor_continuous_update_notify(const struct scmi_sensor_handle *h, uint32_t id,
					 bool enable)
{
	if (!h)
		return -EINVAL;
	if (h->version < SCMI_MSG_SENSOR_CONTINUOUS_UPDATE_NOTIFY_SINCE)
		return -EOPNOTSUPP;
	return notify(h, SCMI_MSG_SENSOR_CONTINUOUS_UPDATE_NOTIFY, id, enable);
}

uint32_t scmi_sensor_config_word(bool enable, bool timestamp, uint32_t interval, uint32_t round)
{
	return ((interval >> SCMI_SENSOR_INTERVAL_SECS_SHIFT) << SCMI_SENSOR_CONFIG_SECS_SHIFT) |
	       ((interval & SCMI_SENSOR_EXP_MASK) << SCMI_SENSOR_CONFIG_EXP_SHIFT) |
	       ((round & SCMI_SENSOR_CONFIG_ROUND_MASK) << SCMI_SENSOR_CONFIG_ROUND_SHIFT) |
	       (timestamp ? SCMI_SENSOR_CONFIG_TIMESTAMP : 0) |
	       (enable ? SCMI_SENSOR_CONFIG_ENABLE : 0);
}

uint32_t scmi_sensor_config_interval(uint32_t config)
{
	return ((config >> SCMI_SENSOR_CONFIG_SECS_SHIFT) << SCMI_SENSOR_INTERVAL_SECS_SHIFT) |
	       ((config >> SCMI_SENSOR_CONFIG_EXP_SHIFT) & SCMI_SENSOR_EXP_MASK);
}

uint64_t scmi_sensor_interval_us(uint32_t word)
{
	uint64_t v = SCMI_SENSOR_INTERVAL_SECS(word);
	int e = sext5(word) + 6;

	for (; e > 0; e--)
		v *= 10u;
	for (; e < 0; e++)
		v /= 10u;
	return v;
}

int scmi_sensor_interval_from_us(uint64_t us, uint32_t *word)
{
	int e = -6;

	if (!word)
		return -EINVAL;
	while (us >= 10u && us % 10u == 0 && e < 15) {
		us /= 10u;
		e++;
	}
	if (us > SCMI_SENSOR_INTERVAL_SECS_MAX)
		return -ERANGE;
	*word = ((uint32_t)us << SCMI_SENSOR_INTERVAL_SECS_SHIFT) |
		((uint32_t)e & SCMI_SENSOR_EXP_MASK);
	return 0;
}
