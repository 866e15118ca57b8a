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
#include "scmi/proto/endian.h"
#include "scmi/sensor.h"

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

#define V2_0				0x20000u
#define V3_0				0x30000u
#define V3_1				0x30001u

/* Replies are never bigger than this (the transport's max payload is smaller). */
#define SENSOR_RX_MAX 1024u
/* Pages a walk may take: one entry per page at worst, plus slack. */
#define SENSOR_MAX_PAGES 1024u

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
	uint8_t tx[4];
	size_t len;
	int ret;

	scmi_put_le32(tx, id);
	ret = sensor_xfer(h, msg_id, tx, sizeof(tx), rx, need, &len);
	if (ret)
		return ret;
	if (len < need)
		return short_reply(h, msg_id, len, need);
	return 0;
}

static int8_t sext5(uint32_t v)
{
	v &= 0x1fu;
	return (int8_t)(v >= 0x10u ? (int32_t)v - 0x20 : (int32_t)v);
}

int scmi_sensor_open(struct scmi_agent *agent, struct scmi_sensor_handle *h)
{
	uint8_t rx[16];
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
	if (len < 4)
		return short_reply(h, SCMI_MSG_PROTOCOL_ATTRIBUTES, len, 4);
	attr = scmi_get_le32(rx);
	h->num_sensors = attr & 0xffffu;
	h->max_async = (attr >> 16) & 0xffu;
	return 0;
}

/* Decode one descriptor at @p (@avail bytes); its size in *@used. */
static int parse_desc(const struct scmi_sensor_handle *h, const uint8_t *p, size_t avail,
		      struct scmi_sensor_desc *d, size_t *used)
{
	bool v2 = h->version >= V2_0;
	uint32_t lo, hi;
	size_t need = 28;

	if (avail < need)
		return -EPROTO;
	memset(d, 0, sizeof(*d));
	d->id = scmi_get_le32(p);
	lo = d->attributes_low = scmi_get_le32(p + 4);
	hi = d->attributes_high = scmi_get_le32(p + 8);
	memcpy(d->name, p + 12, SCMI_SHORT_NAME_SIZE);
	d->name[SCMI_SHORT_NAME_SIZE] = '\0';
	d->async = lo >> 31;
	d->num_trip_points = lo & 0xffu;
	d->type = hi & 0xffu;
	d->unit_exp = sext5(hi >> 11);
	if (!v2) {
		d->v1_interval = ((hi >> 27) << 5) | ((hi >> 22) & 0x1fu);
		*used = need;
		return 0;
	}
	d->continuous_update = (lo >> 30) & 1u;
	d->ext_name = h->version >= V3_0 && ((lo >> 29) & 1u);
	d->timestamped = (lo >> 9) & 1u;
	d->ts_exp = 0;
	if (d->timestamped)
		d->ts_exp = sext5(lo >> 10);
	d->ext_attrs = (lo >> 8) & 1u;
	d->num_axes = ((hi >> 8) & 1u) ? (hi >> 16) & 0x3fu : 0;
	if (d->ext_attrs) {
		need += 4;
		if (!d->num_axes)
			need += 20;
		if (avail < need)
			return -EPROTO;
		d->power_uw = scmi_get_le32(p + 28);
		if (!d->num_axes) {
			uint32_t res = scmi_get_le32(p + 32);

			d->resolution = res & 0x7ffffffu;
			d->res_exp = sext5(res >> 27);
			d->min_range = (int64_t)scmi_get_le64(p + 36);
			d->max_range = (int64_t)scmi_get_le64(p + 44);
		}
	}
	*used = need;
	return 0;
}

int scmi_sensor_describe_page(const struct scmi_sensor_handle *h, uint32_t first,
			      struct scmi_sensor_desc *out, size_t max, uint32_t *returned,
			      uint32_t *remaining)
{
	uint8_t tx[4], rx[SENSOR_RX_MAX];
	size_t len, off = 4, used;
	uint32_t flags, n, i;
	int ret;

	if (!returned || !remaining || (max && !out))
		return -EINVAL;
	scmi_put_le32(tx, first);
	ret = sensor_xfer(h, SENSOR_DESCRIPTION_GET, tx, sizeof(tx), rx, sizeof(rx), &len);
	if (ret)
		return ret;
	if (len < 4)
		return short_reply(h, SENSOR_DESCRIPTION_GET, len, 4);
	flags = scmi_get_le32(rx);
	n = flags & 0xfffu;
	if (n > max) {
		scmi_agent_set_error(h->agent, "sensor descriptions: %u returned, room for %zu", n,
				     max);
		return -EPROTO;
	}
	for (i = 0; i < n; i++) {
		if (parse_desc(h, rx + off, len - off, &out[i], &used))
			return short_reply(h, SENSOR_DESCRIPTION_GET, len, off + 28);
		off += used;
	}
	*returned = n;
	*remaining = flags >> 16;
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

static void copy_name64(char dst[SCMI_SENSOR_NAME_BUF], const uint8_t *src)
{
	memcpy(dst, src, 64);
	dst[64] = '\0';
}

int scmi_sensor_name_get(const struct scmi_sensor_handle *h, uint32_t id,
			 char name[SCMI_SENSOR_NAME_BUF])
{
	uint8_t rx[68];
	int ret;

	if (!h || !name)
		return -EINVAL;
	if (h->version < V3_0)
		return -EOPNOTSUPP;
	ret = sensor_id_xfer(h, SENSOR_NAME_GET, id, rx, sizeof(rx));
	if (ret)
		return ret;
	copy_name64(name, rx + 4);
	return 0;
}

/* One page of an axis message: flags word decoded, payload after it. */
static int axis_page(const struct scmi_sensor_handle *h, uint8_t msg_id, uint32_t id,
		     uint32_t first, uint8_t *rx, size_t *len, uint32_t *got, uint32_t *remaining)
{
	uint8_t tx[8];
	uint32_t flags;
	int ret;

	scmi_put_le32(tx, id);
	scmi_put_le32(tx + 4, first);
	ret = sensor_xfer(h, msg_id, tx, sizeof(tx), rx, SENSOR_RX_MAX, len);
	if (ret)
		return ret;
	if (*len < 4)
		return short_reply(h, msg_id, *len, 4);
	flags = scmi_get_le32(rx);
	*got = flags & 0x3fu;
	*remaining = flags >> 26;
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
	if (h->version < V2_0)
		return -EOPNOTSUPP;
	for (;;) {
		ret = axis_page(h, SENSOR_AXIS_DESCRIPTION_GET, id, (uint32_t)done, rx, &len, &got,
				&remaining);
		if (ret)
			return ret;
		if (got > max - done)
			return -EPROTO;
		for (i = 0, off = 4; i < got; i++) {
			struct scmi_sensor_axis *a = &out[done + i];
			uint32_t lo, hi;

			if (len - off < 28)
				return short_reply(h, SENSOR_AXIS_DESCRIPTION_GET, len, off + 28);
			memset(a, 0, sizeof(*a));
			a->id = scmi_get_le32(rx + off);
			lo = scmi_get_le32(rx + off + 4);
			hi = scmi_get_le32(rx + off + 8);
			memcpy(a->name, rx + off + 12, SCMI_SHORT_NAME_SIZE);
			a->name[SCMI_SHORT_NAME_SIZE] = '\0';
			a->type = hi & 0xffu;
			a->unit_exp = sext5(hi >> 11);
			a->ext_name = h->version >= V3_1 && ((lo >> 9) & 1u);
			a->ext_attrs = (lo >> 8) & 1u;
			off += 28;
			if (!a->ext_attrs)
				continue;
			if (len - off < 20)
				return short_reply(h, SENSOR_AXIS_DESCRIPTION_GET, len, off + 20);
			a->resolution = scmi_get_le32(rx + off) & 0x7ffffffu;
			a->res_exp = sext5(scmi_get_le32(rx + off) >> 27);
			a->min_range = (int64_t)scmi_get_le64(rx + off + 4);
			a->max_range = (int64_t)scmi_get_le64(rx + off + 12);
			off += 20;
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
	if (h->version < V3_1)
		return -EOPNOTSUPP;
	for (;;) {
		ret = axis_page(h, SENSOR_AXIS_NAME_GET, id, (uint32_t)done, rx, &len, &got,
				&remaining);
		if (ret)
			return ret;
		if (len < 4 + (size_t)got * 68u)
			return short_reply(h, SENSOR_AXIS_NAME_GET, len, 4 + (size_t)got * 68u);
		for (i = 0; i < got; i++) {
			axis = scmi_get_le32(rx + 4 + (size_t)i * 68u);
			if (axis >= max)
				return -EPROTO;
			copy_name64(names[axis], rx + 8 + (size_t)i * 68u);
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
	uint8_t tx[8], rx[SENSOR_RX_MAX];
	uint32_t flags, got, remaining, i;
	size_t len;
	int ret;

	if (!h || !iv)
		return -EINVAL;
	memset(iv, 0, sizeof(*iv));
	if (h->version < V2_0)
		return -EOPNOTSUPP;
	for (;;) {
		scmi_put_le32(tx, id);
		scmi_put_le32(tx + 4, iv->count);
		ret = sensor_xfer(h, SENSOR_LIST_UPDATE_INTERVALS, tx, sizeof(tx), rx, sizeof(rx),
				  &len);
		if (ret)
			return ret;
		if (len < 4)
			return short_reply(h, SENSOR_LIST_UPDATE_INTERVALS, len, 4);
		flags = scmi_get_le32(rx);
		got = flags & 0xfffu;
		remaining = flags >> 16;
		if (len < 4 + (size_t)got * 4u)
			return short_reply(h, SENSOR_LIST_UPDATE_INTERVALS, len, 4 + got * 4u);
		if ((flags >> 12) & 1u) {
			if (w.page || got != 3 || remaining) {
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
			iv->words[iv->count + i] = scmi_get_le32(rx + 4 + (size_t)i * 4u);
		ret = scmi_proto_walk_step(h->agent, &w, got, remaining);
		iv->count += got;
		if (ret)
			return ret < 0 ? ret : 0;
	}
}

int scmi_sensor_reading_raw(const struct scmi_sensor_handle *h, uint32_t id, uint32_t flags,
			    struct scmi_sensor_reading *r, size_t max, size_t *n)
{
	uint8_t tx[8], rx[SENSOR_RX_MAX];
	size_t len, i, count;
	int ret;

	if (!h || !n || (max && !r))
		return -EINVAL;
	*n = 0;
	scmi_put_le32(tx, id);
	scmi_put_le32(tx + 4, flags);
	ret = sensor_xfer(h, SENSOR_READING_GET, tx, sizeof(tx), rx, sizeof(rx), &len);
	if (ret)
		return ret;
	if (h->version < V2_0) {
		if (len < 8)
			return short_reply(h, SENSOR_READING_GET, len, 8);
		if (max) {
			r[0].value = (int64_t)scmi_get_le64(rx);
			r[0].timestamp = 0;
			*n = 1;
		}
		return 0;
	}
	if (len < 16 || len % 16)
		return short_reply(h, SENSOR_READING_GET, len, (len / 16 + 1) * 16);
	count = len / 16;
	if (count > SCMI_SENSOR_MAX_AXES)
		return -EPROTO;
	for (i = 0; i < count && i < max; i++) {
		r[i].value = (int64_t)scmi_get_le64(rx + i * 16);
		r[i].timestamp = scmi_get_le64(rx + i * 16 + 8);
	}
	*n = i;
	return 0;
}

int scmi_sensor_reading_get(const struct scmi_sensor_handle *h, uint32_t id,
			    struct scmi_sensor_reading *r, size_t max, size_t *n)
{
	return scmi_sensor_reading_raw(h, id, 0, r, max, n);
}

static int id_and_word(const struct scmi_sensor_handle *h, uint8_t msg_id, uint32_t id,
		       uint32_t word)
{
	uint8_t tx[8];

	scmi_put_le32(tx, id);
	scmi_put_le32(tx + 4, word);
	return sensor_xfer(h, msg_id, tx, sizeof(tx), NULL, 0, NULL);
}

int scmi_sensor_trip_point_notify(const struct scmi_sensor_handle *h, uint32_t id, bool enable)
{
	return id_and_word(h, SENSOR_TRIP_POINT_NOTIFY, id, enable ? 1u : 0u);
}

int scmi_sensor_trip_point_config(const struct scmi_sensor_handle *h, uint32_t id, uint8_t trip,
				  uint32_t event, int64_t value)
{
	uint8_t tx[16];

	scmi_put_le32(tx, id);
	scmi_put_le32(tx + 4, (event & 0x3u) | ((uint32_t)trip << 4));
	scmi_put_le64(tx + 8, (uint64_t)value);
	return sensor_xfer(h, SENSOR_TRIP_POINT_CONFIG, tx, sizeof(tx), NULL, 0, NULL);
}

int scmi_sensor_config_get(const struct scmi_sensor_handle *h, uint32_t id, uint32_t *config)
{
	uint8_t rx[4];
	int ret;

	if (!h || !config)
		return -EINVAL;
	if (h->version < V2_0)
		return -EOPNOTSUPP;
	ret = sensor_id_xfer(h, SENSOR_CONFIG_GET, id, rx, sizeof(rx));
	if (ret)
		return ret;
	*config = scmi_get_le32(rx);
	return 0;
}

int scmi_sensor_config_set(const struct scmi_sensor_handle *h, uint32_t id, uint32_t config)
{
	if (!h)
		return -EINVAL;
	if (h->version < V2_0)
		return -EOPNOTSUPP;
	return id_and_word(h, SENSOR_CONFIG_SET, id, config);
}

int scmi_sensor_continuous_update_notify(const struct scmi_sensor_handle *h, uint32_t id,
					 bool enable)
{
	if (!h)
		return -EINVAL;
	if (h->version < V2_0)
		return -EOPNOTSUPP;
	return id_and_word(h, SENSOR_CONTINUOUS_UPDATE_NOTIFY, id, enable ? 1u : 0u);
}

uint32_t scmi_sensor_config_word(bool enable, bool timestamp, uint32_t interval, uint32_t round)
{
	return ((interval >> 5) << 16) | ((interval & 0x1fu) << 11) | ((round & 0x3u) << 9) |
	       (timestamp ? SCMI_SENSOR_CONFIG_TIMESTAMP : 0) |
	       (enable ? SCMI_SENSOR_CONFIG_ENABLE : 0);
}

uint32_t scmi_sensor_config_interval(uint32_t config)
{
	return ((config >> 16) << 5) | ((config >> 11) & 0x1fu);
}

uint64_t scmi_sensor_interval_us(uint32_t word)
{
	uint64_t v = (word >> 5) & 0xffffu;
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
	if (us > 0xffffu)
		return -ERANGE;
	*word = ((uint32_t)us << 5) | ((uint32_t)e & 0x1fu);
	return 0;
}
