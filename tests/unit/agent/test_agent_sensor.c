// SPDX-License-Identifier: BSD-3-Clause
/*
 * The Sensor client against scripted replies (issue 17): descriptors of each
 * size and version, pages at their bounds, axes, names, intervals, readings,
 * what each command puts on the wire, and the interval arithmetic at its edges.
 */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "agent/common.h"
#include "scmi/proto/endian.h"
#include "scmi/proto/sensor.h"
#include "scmi/sensor.h"
#include "script_server.h"

#define SENSOR	    SCMI_PROTOCOL_SENSOR
#define V(maj, min) SCMI_VERSION(maj, min)

static void open_at(struct scmi_sensor_handle *h, uint32_t version, uint32_t num)
{
	ss_version(SENSOR, version, num);
	assert_int_equal(scmi_sensor_open(ss_agent, h), 0);
	assert_int_equal(h->version, version);
}

/* One descriptor into @p: @len bytes of it (28, 32 or 52). */
static size_t put_desc(uint8_t *p, uint32_t id, uint32_t lo, uint32_t hi, const char *name,
		       size_t len)
{
	memset(p, 0, len);
	scmi_put_le32(p, id);
	scmi_put_le32(p + 4, lo);
	scmi_put_le32(p + 8, hi);
	memcpy(p + 12, name, strnlen(name, 16));
	if (len >= 32)
		scmi_put_le32(p + 28, 1500); /* power */
	if (len >= 52) {
		scmi_put_le32(p + 32, 0x5u | (0x1eu << SCMI_SENSOR_RES_EXP_SHIFT)); /* 5e-2 */
		scmi_put_le64(p + 36, (uint64_t)-40);
		scmi_put_le64(p + 44, 125);
	}
	return len;
}

static void test_open(void **state)
{
	struct scmi_sensor_handle h;
	uint8_t rx[16] = {0};

	(void)state;
	assert_int_equal(scmi_sensor_open(NULL, &h), -EINVAL);
	assert_int_equal(scmi_sensor_open(ss_agent, NULL), -EINVAL);
	assert_int_equal(scmi_sensor_open(ss_agent, &h), -EOPNOTSUPP);
	/* Only the attributes word is needed: 4 bytes do, 3 do not. */
	ss_u32(SENSOR, SCMI_MSG_PROTOCOL_VERSION, (uint32_t[]){V(2, 0)}, 1);
	scmi_put_le32(rx, 7 | (3u << SCMI_SENSOR_PA_MAX_ASYNC_SHIFT));
	ss_set(SENSOR, SCMI_MSG_PROTOCOL_ATTRIBUTES, 0, rx, 4);
	assert_int_equal(scmi_sensor_open(ss_agent, &h), 0);
	assert_int_equal(h.num_sensors, 7);
	assert_int_equal(h.max_async, 3);
	assert_int_equal(h.version, V(2, 0));
	ss_set(SENSOR, SCMI_MSG_PROTOCOL_ATTRIBUTES, 0, rx, 3);
	assert_int_equal(scmi_sensor_open(ss_agent, &h), -EPROTO);
	ss_set(SENSOR, SCMI_MSG_PROTOCOL_ATTRIBUTES, SCMI_DENIED, NULL, 0);
	assert_int_equal(scmi_sensor_open(ss_agent, &h), -EACCES);
	/* Newer than ours: negotiated down when the platform agrees, its own otherwise. */
	ss_set(SENSOR, SCMI_MSG_PROTOCOL_ATTRIBUTES, 0, rx, 16);
	ss_u32(SENSOR, SCMI_MSG_PROTOCOL_VERSION, (uint32_t[]){V(3, 2)}, 1);
	ss_u32(SENSOR, SCMI_MSG_PROTOCOL_MESSAGE_ATTRIBUTES, (uint32_t[]){0}, 1);
	ss_set(SENSOR, SCMI_MSG_NEGOTIATE_PROTOCOL_VERSION, 0, NULL, 0);
	assert_int_equal(scmi_sensor_open(ss_agent, &h), 0);
	assert_int_equal(h.version, SCMI_SENSOR_CLIENT_VERSION);
	assert_int_equal(ss_tx_u32(SENSOR, SCMI_MSG_NEGOTIATE_PROTOCOL_VERSION, 0),
			 SCMI_SENSOR_CLIENT_VERSION);
	ss_set(SENSOR, SCMI_MSG_NEGOTIATE_PROTOCOL_VERSION, SCMI_NOT_SUPPORTED, NULL, 0);
	assert_int_equal(scmi_sensor_open(ss_agent, &h), 0);
	assert_int_equal(h.version, V(3, 2));
	/* Ours exactly: nothing negotiated. */
	ss_u32(SENSOR, SCMI_MSG_PROTOCOL_VERSION, (uint32_t[]){SCMI_SENSOR_CLIENT_VERSION}, 1);
	assert_int_equal(scmi_sensor_open(ss_agent, &h), 0);
	assert_int_equal(ss_count(SENSOR, SCMI_MSG_NEGOTIATE_PROTOCOL_VERSION), 2);
}

static void test_describe_v1(void **state)
{
	struct scmi_sensor_handle h;
	struct scmi_sensor_desc d[2];
	uint8_t rx[104];
	uint32_t got = 9, rem = 9;
	size_t off = 4;
	/* 1.0: update interval 31 s, exponent -1, unit exponent -3, type 2. */
	uint32_t hi = 2u | (0x1du << SCMI_SENSOR_ATTR_HIGH_UNIT_EXP_SHIFT) |
		      (0x1fu << SCMI_SENSOR_ATTR_HIGH_V1_EXP_SHIFT) |
		      (31u << SCMI_SENSOR_ATTR_HIGH_V1_SECS_SHIFT);

	(void)state;
	open_at(&h, V(1, 0), 2);
	scmi_put_le32(rx, 2); /* none remaining */
	/* EXT_ATTRS and TIMESTAMP mean nothing at 1.0: 28 bytes each. */
	off +=
	    put_desc(rx + off, 0, SCMI_SENSOR_ATTR_LOW_ASYNC | 2 | SCMI_SENSOR_ATTR_LOW_EXT_ATTRS,
		     hi, "t0", 28);
	off += put_desc(rx + off, 1, SCMI_SENSOR_ATTR_LOW_TIMESTAMP, 0, "0123456789abcdef", 28);
	ss_set(SENSOR, SCMI_MSG_SENSOR_DESCRIPTION_GET, 0, rx, off);
	assert_int_equal(scmi_sensor_describe_page(&h, 0, d, 2, &got, &rem), 0);
	assert_int_equal(got, 2);
	assert_int_equal(rem, 0);
	assert_true(d[0].async);
	assert_int_equal(d[0].num_trip_points, 2);
	assert_int_equal(d[0].type, 2);
	assert_int_equal(d[0].unit_exp, -3);
	assert_int_equal(d[0].v1_interval, (31u << SCMI_SENSOR_INTERVAL_SECS_SHIFT) | 0x1fu);
	assert_false(d[0].ext_attrs);
	assert_false(d[0].continuous_update);
	assert_false(d[1].timestamped);
	assert_int_equal(d[1].id, 1);
	assert_string_equal(d[1].name, "0123456789abcdef");
	/* One byte short of the second descriptor. */
	ss_set(SENSOR, SCMI_MSG_SENSOR_DESCRIPTION_GET, 0, rx, off - 1);
	assert_int_equal(scmi_sensor_describe_page(&h, 0, d, 2, &got, &rem), -EPROTO);
	/* Room for one, two returned. */
	ss_set(SENSOR, SCMI_MSG_SENSOR_DESCRIPTION_GET, 0, rx, off);
	assert_int_equal(scmi_sensor_describe_page(&h, 0, d, 1, &got, &rem), -EPROTO);
	assert_int_equal(ss_tx_u32(SENSOR, SCMI_MSG_SENSOR_DESCRIPTION_GET, 0), 0);
	assert_int_equal(scmi_sensor_describe_page(&h, 5, d, 2, &got, &rem), 0);
	assert_int_equal(ss_tx_u32(SENSOR, SCMI_MSG_SENSOR_DESCRIPTION_GET, 0), 5);
	/* No head at all. */
	ss_set(SENSOR, SCMI_MSG_SENSOR_DESCRIPTION_GET, 0, rx, 3);
	assert_int_equal(scmi_sensor_describe_page(&h, 0, d, 2, &got, &rem), -EPROTO);
	assert_int_equal(scmi_sensor_describe_page(&h, 0, d, 2, NULL, &rem), -EINVAL);
	assert_int_equal(scmi_sensor_describe_page(&h, 0, d, 2, &got, NULL), -EINVAL);
	assert_int_equal(scmi_sensor_describe_page(&h, 0, NULL, 2, &got, &rem), -EINVAL);
	assert_int_equal(scmi_sensor_describe_page(NULL, 0, d, 2, &got, &rem), -EINVAL);
}

static void test_describe_v3(void **state)
{
	struct scmi_sensor_handle h;
	struct scmi_sensor_desc d[2];
	uint8_t rx[104];
	uint32_t got, rem;
	size_t off = 4;
	uint32_t lo = SCMI_SENSOR_ATTR_LOW_EXT_ATTRS | SCMI_SENSOR_ATTR_LOW_CONT_UPDATE |
		      SCMI_SENSOR_ATTR_LOW_EXT_NAME | SCMI_SENSOR_ATTR_LOW_TIMESTAMP |
		      (0x1au << SCMI_SENSOR_ATTR_LOW_TS_EXP_SHIFT);
	uint32_t axes_hi = SCMI_SENSOR_ATTR_HIGH_MULTI_AXIS | (3u << 16) | 7u;

	(void)state;
	open_at(&h, V(3, 0), 2);
	scmi_put_le32(rx, 2 | (4u << 16));
	off += put_desc(rx + off, 4, lo, 0x10u << SCMI_SENSOR_ATTR_HIGH_UNIT_EXP_SHIFT, "full", 52);
	/* With axes and extended attributes: up to the power word only (32 bytes). */
	off += put_desc(rx + off, 5, SCMI_SENSOR_ATTR_LOW_EXT_ATTRS, axes_hi, "axes", 32);
	ss_set(SENSOR, SCMI_MSG_SENSOR_DESCRIPTION_GET, 0, rx, off);
	assert_int_equal(scmi_sensor_describe_page(&h, 0, d, 2, &got, &rem), 0);
	assert_int_equal(got, 2);
	assert_int_equal(rem, 4);
	assert_true(d[0].ext_attrs);
	assert_true(d[0].continuous_update);
	assert_true(d[0].ext_name);
	assert_true(d[0].timestamped);
	assert_int_equal(d[0].ts_exp, -6);
	assert_int_equal(d[0].unit_exp, -16);
	assert_int_equal(d[0].power_uw, 1500);
	assert_int_equal(d[0].resolution, 5);
	assert_int_equal(d[0].res_exp, -2);
	assert_int_equal(d[0].min_range, -40);
	assert_int_equal(d[0].max_range, 125);
	assert_int_equal(d[0].num_axes, 0);
	assert_int_equal(d[1].num_axes, 3);
	assert_int_equal(d[1].type, 7);
	assert_int_equal(d[1].power_uw, 1500);
	assert_int_equal(d[1].resolution, 0);
	assert_int_equal(d[1].min_range, 0);
	assert_false(d[1].timestamped);
	assert_int_equal(d[1].ts_exp, 0);
	/* The full entry one byte short; then the axes entry one byte short. */
	ss_set(SENSOR, SCMI_MSG_SENSOR_DESCRIPTION_GET, 0, rx, 4 + 51);
	assert_int_equal(scmi_sensor_describe_page(&h, 0, d, 2, &got, &rem), -EPROTO);
	ss_set(SENSOR, SCMI_MSG_SENSOR_DESCRIPTION_GET, 0, rx, off - 1);
	assert_int_equal(scmi_sensor_describe_page(&h, 0, d, 2, &got, &rem), -EPROTO);
	/* Multi-axis bit clear: the axis count is not read. */
	scmi_put_le32(rx, 1);
	put_desc(rx + 4, 5, SCMI_SENSOR_ATTR_LOW_EXT_ATTRS, 3u << 16, "noaxes", 52);
	ss_set(SENSOR, SCMI_MSG_SENSOR_DESCRIPTION_GET, 0, rx, 4 + 32);
	assert_int_equal(scmi_sensor_describe_page(&h, 0, d, 2, &got, &rem), -EPROTO);
	ss_set(SENSOR, SCMI_MSG_SENSOR_DESCRIPTION_GET, 0, rx, 4 + 52);
	assert_int_equal(scmi_sensor_describe_page(&h, 0, d, 2, &got, &rem), 0);
	assert_int_equal(d[0].num_axes, 0);
	assert_int_equal(d[0].max_range, 125);
	/* At 2.0 the ext-name bit means nothing. */
	open_at(&h, V(2, 0), 2);
	scmi_put_le32(rx, 1);
	put_desc(rx + 4, 4, lo, 0, "full", 52);
	ss_set(SENSOR, SCMI_MSG_SENSOR_DESCRIPTION_GET, 0, rx, 56);
	assert_int_equal(scmi_sensor_describe_page(&h, 0, d, 2, &got, &rem), 0);
	assert_false(d[0].ext_name);
	assert_true(d[0].timestamped);
}

static void test_describe_walk(void **state)
{
	struct scmi_sensor_handle h;
	struct scmi_sensor_desc d[4];
	uint8_t p1[64], p2[64];
	size_t n = 9;

	(void)state;
	open_at(&h, V(2, 0), 3);
	scmi_put_le32(p1, 2 | (1u << 16));
	put_desc(p1 + 4, 0, 0, 0, "a", 28);
	put_desc(p1 + 32, 1, 0, 0, "b", 28);
	scmi_put_le32(p2, 1);
	put_desc(p2 + 4, 2, 0, 0, "c", 28);
	ss_push(SENSOR, SCMI_MSG_SENSOR_DESCRIPTION_GET, 0, p1, 60);
	ss_push(SENSOR, SCMI_MSG_SENSOR_DESCRIPTION_GET, 0, p2, 32);
	assert_int_equal(scmi_sensor_describe(&h, d, 4, &n), 0);
	assert_int_equal(n, 3);
	assert_string_equal(d[2].name, "c");
	assert_int_equal(ss_tx_u32(SENSOR, SCMI_MSG_SENSOR_DESCRIPTION_GET, 0), 2);
	/* Room for exactly what the first page holds: the walk stops there. */
	ss_push(SENSOR, SCMI_MSG_SENSOR_DESCRIPTION_GET, 0, p1, 60);
	assert_int_equal(scmi_sensor_describe(&h, d, 2, &n), 0);
	assert_int_equal(n, 2);
	assert_int_equal(ss_count(SENSOR, SCMI_MSG_SENSOR_DESCRIPTION_GET), 3);
	/* More than the sensors the platform has. */
	h.num_sensors = 2;
	ss_push(SENSOR, SCMI_MSG_SENSOR_DESCRIPTION_GET, 0, p1, 60);
	assert_int_equal(scmi_sensor_describe(&h, d, 4, &n), -EPROTO);
	/* A second page that does not follow the first. */
	scmi_put_le32(p2, 1 | (1u << 16));
	ss_push(SENSOR, SCMI_MSG_SENSOR_DESCRIPTION_GET, 0, p1, 60);
	ss_push(SENSOR, SCMI_MSG_SENSOR_DESCRIPTION_GET, 0, p2, 32);
	h.num_sensors = 9;
	assert_int_equal(scmi_sensor_describe(&h, d, 4, &n), -EPROTO);
	assert_int_equal(n, 3);
	/* A failing page is the walk's failure. */
	ss_set(SENSOR, SCMI_MSG_SENSOR_DESCRIPTION_GET, SCMI_GENERIC_ERROR, NULL, 0);
	assert_int_equal(scmi_sensor_describe(&h, d, 4, &n), -EIO);
	/* No room: nothing asked. */
	assert_int_equal(scmi_sensor_describe(&h, NULL, 0, &n), 0);
	assert_int_equal(n, 0);
	assert_int_equal(scmi_sensor_describe(&h, NULL, 1, &n), -EINVAL);
	assert_int_equal(scmi_sensor_describe(&h, d, 1, NULL), -EINVAL);
	assert_int_equal(scmi_sensor_describe(NULL, d, 1, &n), -EINVAL);
}

static void test_names(void **state)
{
	struct scmi_sensor_handle h;
	char name[SCMI_SENSOR_NAME_BUF], names[3][SCMI_SENSOR_NAME_BUF];
	uint8_t rx[104];
	size_t n;

	(void)state;
	open_at(&h, V(2, 0), 1);
	assert_int_equal(scmi_sensor_name_get(&h, 0, name), -EOPNOTSUPP);
	assert_int_equal(scmi_sensor_name_get(&h, 0, NULL), -EINVAL);
	assert_int_equal(scmi_sensor_axis_names(&h, 0, names, 3, &n), -EOPNOTSUPP);
	open_at(&h, V(3, 0), 1);
	memset(rx, 'x', sizeof(rx));
	ss_set(SENSOR, SCMI_MSG_SENSOR_NAME_GET, 0, rx, 4 + SCMI_EXT_NAME_SIZE);
	assert_int_equal(scmi_sensor_name_get(&h, 6, name), 0);
	assert_int_equal(strlen(name), SCMI_EXT_NAME_SIZE);
	assert_int_equal(ss_tx_u32(SENSOR, SCMI_MSG_SENSOR_NAME_GET, 0), 6);
	ss_set(SENSOR, SCMI_MSG_SENSOR_NAME_GET, SCMI_NOT_FOUND, NULL, 0);
	name[0] = '\0';
	assert_int_equal(scmi_sensor_name_get(&h, 6, name), -ENOENT);
	assert_string_equal(name, "");
	ss_set(SENSOR, SCMI_MSG_SENSOR_NAME_GET, 0, rx, 3 + SCMI_EXT_NAME_SIZE);
	assert_int_equal(scmi_sensor_name_get(&h, 6, name), -EPROTO);
	assert_int_equal(scmi_sensor_name_get(&h, 6, NULL), -EINVAL);
	assert_int_equal(scmi_sensor_name_get(NULL, 6, name), -EINVAL);
	assert_int_equal(scmi_sensor_axis_names(&h, 0, names, 3, &n), -EOPNOTSUPP);

	/* Axis names (3.1): entries of an id and 64 bytes, at the index they name. */
	open_at(&h, V(3, 1), 1);
	memset(rx, 0, sizeof(rx));
	scmi_put_le32(rx, 1 | (1u << 26));
	scmi_put_le32(rx + 4, 2);
	memcpy(rx + 8, "z-axis", sizeof("z-axis"));
	ss_push(SENSOR, SCMI_MSG_SENSOR_AXIS_NAME_GET, 0, rx, 4 + 68);
	scmi_put_le32(rx, 1);
	scmi_put_le32(rx + 4, 0);
	memcpy(rx + 8, "x-axis", sizeof("x-axis"));
	ss_push(SENSOR, SCMI_MSG_SENSOR_AXIS_NAME_GET, 0, rx, 4 + 68);
	memset(names, 0, sizeof(names));
	assert_int_equal(scmi_sensor_axis_names(&h, 9, names, 3, &n), 0);
	assert_int_equal(n, 2);
	assert_string_equal(names[2], "z-axis");
	assert_string_equal(names[0], "x-axis");
	assert_int_equal(ss_tx_u32(SENSOR, SCMI_MSG_SENSOR_AXIS_NAME_GET, 0), 9);
	assert_int_equal(ss_tx_u32(SENSOR, SCMI_MSG_SENSOR_AXIS_NAME_GET, 1), 1);
	/* An axis id past the room; a reply one byte short. */
	scmi_put_le32(rx + 4, 3);
	ss_push(SENSOR, SCMI_MSG_SENSOR_AXIS_NAME_GET, 0, rx, 4 + 68);
	assert_int_equal(scmi_sensor_axis_names(&h, 9, names, 3, &n), -EPROTO);
	scmi_put_le32(rx + 4, 2);
	ss_push(SENSOR, SCMI_MSG_SENSOR_AXIS_NAME_GET, 0, rx, 4 + 67);
	assert_int_equal(scmi_sensor_axis_names(&h, 9, names, 3, &n), -EPROTO);
	ss_push(SENSOR, SCMI_MSG_SENSOR_AXIS_NAME_GET, 0, rx, 3);
	assert_int_equal(scmi_sensor_axis_names(&h, 9, names, 3, &n), -EPROTO);
	ss_push(SENSOR, SCMI_MSG_SENSOR_AXIS_NAME_GET, SCMI_NOT_FOUND, NULL, 0);
	assert_int_equal(scmi_sensor_axis_names(&h, 9, names, 3, &n), -ENOENT);
	assert_int_equal(scmi_sensor_axis_names(&h, 9, NULL, 3, &n), -EINVAL);
	assert_int_equal(scmi_sensor_axis_names(&h, 9, names, 3, NULL), -EINVAL);
	assert_int_equal(scmi_sensor_axis_names(NULL, 9, names, 3, &n), -EINVAL);
}

/* One axis descriptor into @p: 28 bytes, or 48 with extended attributes. */
static size_t put_axis(uint8_t *p, uint32_t id, uint32_t lo, uint32_t hi, const char *name)
{
	size_t len = (lo & SCMI_SENSOR_AXIS_ATTR_LOW_EXT_ATTRS) ? 48 : 28;

	memset(p, 0, len);
	scmi_put_le32(p, id);
	scmi_put_le32(p + 4, lo);
	scmi_put_le32(p + 8, hi);
	memcpy(p + 12, name, strlen(name) + 1);
	if (len == 48) {
		scmi_put_le32(p + 28, 9u | (0x1fu << SCMI_SENSOR_RES_EXP_SHIFT));
		scmi_put_le64(p + 32, (uint64_t)-2);
		scmi_put_le64(p + 40, 2);
	}
	return len;
}

static void test_axes(void **state)
{
	struct scmi_sensor_handle h;
	struct scmi_sensor_axis ax[3];
	uint8_t rx[104];
	size_t off = 4, n = 9;
	const uint32_t ext = SCMI_SENSOR_AXIS_ATTR_LOW_EXT_ATTRS;
	const uint32_t en = SCMI_SENSOR_AXIS_ATTR_LOW_EXT_NAME;

	(void)state;
	open_at(&h, V(1, 0), 1);
	assert_int_equal(scmi_sensor_axes(&h, 0, ax, 3, &n), -EOPNOTSUPP);
	assert_int_equal(n, 0);
	open_at(&h, V(3, 0), 1);
	/* Page 1: a full axis and a short one; page 2: the third. */
	scmi_put_le32(rx, 2 | (1u << 26));
	off += put_axis(rx + off, 0, ext | en, 3u | (0x1eu << SCMI_SENSOR_ATTR_HIGH_UNIT_EXP_SHIFT),
			"x");
	off += put_axis(rx + off, 1, en, 4, "y");
	ss_push(SENSOR, SCMI_MSG_SENSOR_AXIS_DESCRIPTION_GET, 0, rx, off);
	{
		uint8_t p2[40];

		scmi_put_le32(p2, 1);
		put_axis(p2 + 4, 2, 0, 5, "z");
		ss_push(SENSOR, SCMI_MSG_SENSOR_AXIS_DESCRIPTION_GET, 0, p2, 32);
	}
	assert_int_equal(scmi_sensor_axes(&h, 8, ax, 3, &n), 0);
	assert_int_equal(n, 3);
	assert_int_equal(ss_tx_u32(SENSOR, SCMI_MSG_SENSOR_AXIS_DESCRIPTION_GET, 0), 8);
	assert_int_equal(ss_tx_u32(SENSOR, SCMI_MSG_SENSOR_AXIS_DESCRIPTION_GET, 1), 2);
	assert_true(ax[0].ext_attrs);
	assert_false(ax[0].ext_name); /* 3.0: the bit means nothing */
	assert_int_equal(ax[0].type, 3);
	assert_int_equal(ax[0].unit_exp, -2);
	assert_int_equal(ax[0].resolution, 9);
	assert_int_equal(ax[0].res_exp, -1);
	assert_int_equal(ax[0].min_range, -2);
	assert_int_equal(ax[0].max_range, 2);
	assert_false(ax[1].ext_attrs);
	assert_int_equal(ax[1].resolution, 0);
	assert_int_equal(ax[1].id, 1);
	assert_string_equal(ax[2].name, "z");
	/* 3.1: ext_name is read. */
	open_at(&h, V(3, 1), 1);
	ss_push(SENSOR, SCMI_MSG_SENSOR_AXIS_DESCRIPTION_GET, 0, rx, off);
	assert_int_equal(scmi_sensor_axes(&h, 8, ax, 2, &n), 0);
	assert_int_equal(n, 2);
	assert_true(ax[0].ext_name);
	assert_true(ax[1].ext_name);
	/* Room for one of two; each entry one byte short. */
	ss_push(SENSOR, SCMI_MSG_SENSOR_AXIS_DESCRIPTION_GET, 0, rx, off);
	assert_int_equal(scmi_sensor_axes(&h, 8, ax, 1, &n), -EPROTO);
	ss_push(SENSOR, SCMI_MSG_SENSOR_AXIS_DESCRIPTION_GET, 0, rx, 4 + 47);
	assert_int_equal(scmi_sensor_axes(&h, 8, ax, 3, &n), -EPROTO);
	ss_push(SENSOR, SCMI_MSG_SENSOR_AXIS_DESCRIPTION_GET, 0, rx, 4 + 48 + 27);
	assert_int_equal(scmi_sensor_axes(&h, 8, ax, 3, &n), -EPROTO);
	ss_push(SENSOR, SCMI_MSG_SENSOR_AXIS_DESCRIPTION_GET, 0, rx, 4 + 27);
	assert_int_equal(scmi_sensor_axes(&h, 8, ax, 3, &n), -EPROTO);
	ss_push(SENSOR, SCMI_MSG_SENSOR_AXIS_DESCRIPTION_GET, 0, rx, 3);
	assert_int_equal(scmi_sensor_axes(&h, 8, ax, 3, &n), -EPROTO);
	ss_push(SENSOR, SCMI_MSG_SENSOR_AXIS_DESCRIPTION_GET, SCMI_NOT_FOUND, NULL, 0);
	assert_int_equal(scmi_sensor_axes(&h, 8, ax, 3, &n), -ENOENT);
	/* Exactly two returned, two of room, none remaining. */
	scmi_put_le32(rx, 2);
	ss_push(SENSOR, SCMI_MSG_SENSOR_AXIS_DESCRIPTION_GET, 0, rx, off);
	assert_int_equal(scmi_sensor_axes(&h, 8, ax, 2, &n), 0);
	assert_int_equal(n, 2);
	/* A second page that breaks the count. */
	scmi_put_le32(rx, 1 | (1u << 26));
	ss_push(SENSOR, SCMI_MSG_SENSOR_AXIS_DESCRIPTION_GET, 0, rx, 4 + 48);
	ss_push(SENSOR, SCMI_MSG_SENSOR_AXIS_DESCRIPTION_GET, 0, rx, 4 + 48);
	assert_int_equal(scmi_sensor_axes(&h, 8, ax, 3, &n), -EPROTO);
	assert_int_equal(scmi_sensor_axes(&h, 8, NULL, 3, &n), -EINVAL);
	assert_int_equal(scmi_sensor_axes(&h, 8, ax, 3, NULL), -EINVAL);
	assert_int_equal(scmi_sensor_axes(NULL, 8, ax, 3, &n), -EINVAL);
}

static void test_intervals(void **state)
{
	struct scmi_sensor_handle h;
	struct scmi_sensor_intervals iv;
	uint8_t rx[104];

	(void)state;
	open_at(&h, V(1, 0), 1);
	assert_int_equal(scmi_sensor_update_intervals(&h, 0, &iv), -EOPNOTSUPP);
	open_at(&h, V(2, 0), 1);
	/* A segmented triplet. */
	scmi_put_le32(rx, 3 | SCMI_SENSOR_INTERVALS_SEGMENTED);
	scmi_put_le32(rx + 4, 10);
	scmi_put_le32(rx + 8, 20);
	scmi_put_le32(rx + 12, 5);
	ss_push(SENSOR, SCMI_MSG_SENSOR_LIST_UPDATE_INTERVALS, 0, rx, 16);
	assert_int_equal(scmi_sensor_update_intervals(&h, 4, &iv), 0);
	assert_true(iv.segmented);
	assert_int_equal(iv.count, 3);
	assert_int_equal(iv.words[2], 5);
	assert_int_equal(ss_tx_u32(SENSOR, SCMI_MSG_SENSOR_LIST_UPDATE_INTERVALS, 0), 4);
	assert_int_equal(ss_tx_u32(SENSOR, SCMI_MSG_SENSOR_LIST_UPDATE_INTERVALS, 1), 0);
	/* A segmented reply of two, or with entries remaining. */
	scmi_put_le32(rx, 2 | SCMI_SENSOR_INTERVALS_SEGMENTED);
	ss_push(SENSOR, SCMI_MSG_SENSOR_LIST_UPDATE_INTERVALS, 0, rx, 16);
	assert_int_equal(scmi_sensor_update_intervals(&h, 4, &iv), -EPROTO);
	scmi_put_le32(rx, 3 | SCMI_SENSOR_INTERVALS_SEGMENTED | (1u << 16));
	ss_push(SENSOR, SCMI_MSG_SENSOR_LIST_UPDATE_INTERVALS, 0, rx, 16);
	assert_int_equal(scmi_sensor_update_intervals(&h, 4, &iv), -EPROTO);
	/* A list in two pages; the second asks from index 2. */
	scmi_put_le32(rx, 2 | (1u << 16));
	ss_push(SENSOR, SCMI_MSG_SENSOR_LIST_UPDATE_INTERVALS, 0, rx, 12);
	scmi_put_le32(rx, 1);
	scmi_put_le32(rx + 4, 77);
	ss_push(SENSOR, SCMI_MSG_SENSOR_LIST_UPDATE_INTERVALS, 0, rx, 8);
	assert_int_equal(scmi_sensor_update_intervals(&h, 4, &iv), 0);
	assert_false(iv.segmented);
	assert_int_equal(iv.count, 3);
	assert_int_equal(iv.words[2], 77);
	assert_int_equal(ss_tx_u32(SENSOR, SCMI_MSG_SENSOR_LIST_UPDATE_INTERVALS, 1), 2);
	/* A segmented second page. */
	scmi_put_le32(rx, 2 | (3u << 16));
	ss_push(SENSOR, SCMI_MSG_SENSOR_LIST_UPDATE_INTERVALS, 0, rx, 12);
	scmi_put_le32(rx, 3 | SCMI_SENSOR_INTERVALS_SEGMENTED);
	ss_push(SENSOR, SCMI_MSG_SENSOR_LIST_UPDATE_INTERVALS, 0, rx, 16);
	assert_int_equal(scmi_sensor_update_intervals(&h, 4, &iv), -EPROTO);
	/* One byte short of the entries it claims; no head. */
	scmi_put_le32(rx, 2);
	ss_push(SENSOR, SCMI_MSG_SENSOR_LIST_UPDATE_INTERVALS, 0, rx, 11);
	assert_int_equal(scmi_sensor_update_intervals(&h, 4, &iv), -EPROTO);
	ss_push(SENSOR, SCMI_MSG_SENSOR_LIST_UPDATE_INTERVALS, 0, rx, 3);
	assert_int_equal(scmi_sensor_update_intervals(&h, 4, &iv), -EPROTO);
	ss_push(SENSOR, SCMI_MSG_SENSOR_LIST_UPDATE_INTERVALS, SCMI_DENIED, NULL, 0);
	assert_int_equal(scmi_sensor_update_intervals(&h, 4, &iv), -EACCES);
	assert_int_equal(scmi_sensor_update_intervals(&h, 4, NULL), -EINVAL);
	assert_int_equal(scmi_sensor_update_intervals(NULL, 4, &iv), -EINVAL);
}

static void test_intervals_full(void **state)
{
	struct scmi_sensor_handle h;
	struct scmi_sensor_intervals iv;
	uint8_t rx[104] = {0};
	uint32_t i;

	(void)state;
	open_at(&h, V(2, 0), 1);
	/* Pages of 25 words up to exactly SCMI_SENSOR_MAX_INTERVALS: fine; one more: not. */
	for (i = 0; i < SCMI_SENSOR_MAX_INTERVALS; i += 25) {
		uint32_t got =
		    SCMI_SENSOR_MAX_INTERVALS - i < 25 ? SCMI_SENSOR_MAX_INTERVALS - i : 25;

		scmi_put_le32(rx, got | ((SCMI_SENSOR_MAX_INTERVALS - i - got) << 16));
		ss_push(SENSOR, SCMI_MSG_SENSOR_LIST_UPDATE_INTERVALS, 0, rx, 4 + 4 * got);
	}
	assert_int_equal(scmi_sensor_update_intervals(&h, 0, &iv), 0);
	assert_int_equal(iv.count, SCMI_SENSOR_MAX_INTERVALS);
	for (i = 0; i < SCMI_SENSOR_MAX_INTERVALS + 1; i += 25) {
		uint32_t left = SCMI_SENSOR_MAX_INTERVALS + 1 - i, got = left < 25 ? left : 25;

		scmi_put_le32(rx, got | ((left - got) << 16));
		ss_push(SENSOR, SCMI_MSG_SENSOR_LIST_UPDATE_INTERVALS, 0, rx, 4 + 4 * got);
	}
	assert_int_equal(scmi_sensor_update_intervals(&h, 0, &iv), -EPROTO);
}

static void test_readings(void **state)
{
	struct scmi_sensor_handle h;
	struct scmi_sensor_reading r[2];
	uint8_t rx[104] = {0};
	size_t n = 9;

	(void)state;
	/* 1.0: 8 bytes of value, no timestamp. */
	open_at(&h, V(1, 0), 1);
	scmi_put_le64(rx, (uint64_t)-5);
	ss_set(SENSOR, SCMI_MSG_SENSOR_READING_GET, 0, rx, 8);
	r[0].timestamp = 99;
	assert_int_equal(scmi_sensor_reading_raw(&h, 3, 1, r, 2, &n), 0);
	assert_int_equal(n, 1);
	assert_int_equal(r[0].value, -5);
	assert_int_equal(r[0].timestamp, 0);
	assert_int_equal(ss_tx_u32(SENSOR, SCMI_MSG_SENSOR_READING_GET, 0), 3);
	assert_int_equal(ss_tx_u32(SENSOR, SCMI_MSG_SENSOR_READING_GET, 1), 1);
	assert_int_equal(scmi_sensor_reading_get(&h, 3, r, 0, &n), 0);
	assert_int_equal(n, 0);
	assert_int_equal(ss_tx_u32(SENSOR, SCMI_MSG_SENSOR_READING_GET, 1), 0);
	ss_set(SENSOR, SCMI_MSG_SENSOR_READING_GET, 0, rx, 7);
	assert_int_equal(scmi_sensor_reading_get(&h, 3, r, 2, &n), -EPROTO);
	/* 2.0: 16-byte entries, one per axis. */
	open_at(&h, V(2, 0), 1);
	scmi_put_le64(rx + 8, 1234);
	scmi_put_le64(rx + 16, 6);
	scmi_put_le64(rx + 24, 5678);
	ss_set(SENSOR, SCMI_MSG_SENSOR_READING_GET, 0, rx, 32);
	assert_int_equal(scmi_sensor_reading_get(&h, 3, r, 2, &n), 0);
	assert_int_equal(n, 2);
	assert_int_equal(r[0].value, -5);
	assert_int_equal(r[0].timestamp, 1234);
	assert_int_equal(r[1].value, 6);
	assert_int_equal(r[1].timestamp, 5678);
	assert_int_equal(scmi_sensor_reading_get(&h, 3, r, 1, &n), 0);
	assert_int_equal(n, 1);
	ss_set(SENSOR, SCMI_MSG_SENSOR_READING_GET, 0, rx, 16);
	assert_int_equal(scmi_sensor_reading_get(&h, 3, r, 2, &n), 0);
	assert_int_equal(n, 1);
	/* Not whole entries, or none. */
	ss_set(SENSOR, SCMI_MSG_SENSOR_READING_GET, 0, rx, 17);
	assert_int_equal(scmi_sensor_reading_get(&h, 3, r, 2, &n), -EPROTO);
	ss_set(SENSOR, SCMI_MSG_SENSOR_READING_GET, 0, rx, 8);
	assert_int_equal(scmi_sensor_reading_get(&h, 3, r, 2, &n), -EPROTO);
	ss_set(SENSOR, SCMI_MSG_SENSOR_READING_GET, SCMI_HARDWARE_ERROR, NULL, 0);
	assert_int_equal(scmi_sensor_reading_get(&h, 3, r, 2, &n), -EREMOTEIO);
	assert_int_equal(scmi_sensor_reading_get(&h, 3, NULL, 2, &n), -EINVAL);
	assert_int_equal(scmi_sensor_reading_get(&h, 3, r, 2, NULL), -EINVAL);
	assert_int_equal(scmi_sensor_reading_get(NULL, 3, r, 2, &n), -EINVAL);
}

static void test_config_and_notify(void **state)
{
	struct scmi_sensor_handle h;
	uint32_t cfg = 0;
	const uint8_t tpn = SCMI_MSG_SENSOR_TRIP_POINT_NOTIFY;
	const uint8_t tpc = SCMI_MSG_SENSOR_TRIP_POINT_CONFIG;
	const uint8_t cun = SCMI_MSG_SENSOR_CONTINUOUS_UPDATE_NOTIFY;

	(void)state;
	open_at(&h, V(1, 0), 1);
	assert_int_equal(scmi_sensor_config_get(&h, 0, &cfg), -EOPNOTSUPP);
	assert_int_equal(scmi_sensor_config_set(&h, 0, 1), -EOPNOTSUPP);
	assert_int_equal(scmi_sensor_continuous_update_notify(&h, 0, true), -EOPNOTSUPP);
	ss_set(SENSOR, tpn, 0, NULL, 0);
	ss_set(SENSOR, tpc, 0, NULL, 0);
	assert_int_equal(scmi_sensor_trip_point_notify(&h, 2, true), 0);
	assert_int_equal(ss_last(SENSOR, tpn)->tx_len, 8);
	assert_int_equal(ss_tx_u32(SENSOR, tpn, 0), 2);
	assert_int_equal(ss_tx_u32(SENSOR, tpn, 1), SCMI_NOTIFY_ENABLE);
	assert_int_equal(scmi_sensor_trip_point_notify(&h, 2, false), 0);
	assert_int_equal(ss_tx_u32(SENSOR, tpn, 1), 0);
	assert_int_equal(scmi_sensor_trip_point_config(&h, 2, 5, 0x7, -3), 0);
	assert_int_equal(ss_last(SENSOR, tpc)->tx_len, 16);
	assert_int_equal(ss_tx_u32(SENSOR, tpc, 0), 2);
	assert_int_equal(ss_tx_u32(SENSOR, tpc, 1), 3u | (5u << 4));
	assert_int_equal(ss_tx_u32(SENSOR, tpc, 2), 0xfffffffdu);
	assert_int_equal(ss_tx_u32(SENSOR, tpc, 3), 0xffffffffu);

	open_at(&h, V(2, 0), 1);
	ss_set(SENSOR, SCMI_MSG_SENSOR_CONFIG_GET, 0, "\x23\x01\0\0", 4);
	assert_int_equal(scmi_sensor_config_get(&h, 4, &cfg), 0);
	assert_int_equal(cfg, 0x123);
	assert_int_equal(ss_tx_u32(SENSOR, SCMI_MSG_SENSOR_CONFIG_GET, 0), 4);
	ss_set(SENSOR, SCMI_MSG_SENSOR_CONFIG_GET, SCMI_DENIED, NULL, 0);
	cfg = 5;
	assert_int_equal(scmi_sensor_config_get(&h, 4, &cfg), -EACCES);
	assert_int_equal(cfg, 5);
	ss_set(SENSOR, SCMI_MSG_SENSOR_CONFIG_GET, 0, "\x23\x01\0", 3);
	assert_int_equal(scmi_sensor_config_get(&h, 4, &cfg), -EPROTO);
	assert_int_equal(scmi_sensor_config_get(&h, 4, NULL), -EINVAL);
	assert_int_equal(scmi_sensor_config_get(NULL, 4, &cfg), -EINVAL);
	ss_set(SENSOR, SCMI_MSG_SENSOR_CONFIG_SET, 0, NULL, 0);
	assert_int_equal(scmi_sensor_config_set(&h, 4, 0xabc), 0);
	assert_int_equal(ss_tx_u32(SENSOR, SCMI_MSG_SENSOR_CONFIG_SET, 0), 4);
	assert_int_equal(ss_tx_u32(SENSOR, SCMI_MSG_SENSOR_CONFIG_SET, 1), 0xabc);
	assert_int_equal(scmi_sensor_config_set(NULL, 4, 0xabc), -EINVAL);
	ss_set(SENSOR, cun, 0, NULL, 0);
	assert_int_equal(scmi_sensor_continuous_update_notify(&h, 4, true), 0);
	assert_int_equal(ss_tx_u32(SENSOR, cun, 0), 4);
	assert_int_equal(ss_tx_u32(SENSOR, cun, 1), SCMI_NOTIFY_ENABLE);
	assert_int_equal(scmi_sensor_continuous_update_notify(&h, 4, false), 0);
	assert_int_equal(ss_tx_u32(SENSOR, cun, 1), 0);
	assert_int_equal(scmi_sensor_continuous_update_notify(NULL, 4, false), -EINVAL);
}

static void test_interval_math(void **state)
{
	uint32_t w = 0;

	(void)state;
	/* 1 s = 1 × 10^0; 1 µs = 1 × 10^-6; 100 × 10^15 saturates the exponent. */
	assert_int_equal(scmi_sensor_interval_from_us(1000000, &w), 0);
	assert_int_equal(w, 1u << 5);
	assert_int_equal(scmi_sensor_interval_us(w), 1000000);
	assert_int_equal(scmi_sensor_interval_from_us(1, &w), 0);
	assert_int_equal(w, (1u << 5) | (0x1au));
	assert_int_equal(scmi_sensor_interval_us(w), 1);
	assert_int_equal(scmi_sensor_interval_from_us(0, &w), 0);
	assert_int_equal(w, 0x1au);
	assert_int_equal(scmi_sensor_interval_from_us(10, &w), 0);
	assert_int_equal(w, (1u << 5) | 0x1bu);
	assert_int_equal(scmi_sensor_interval_from_us(12, &w), 0);
	assert_int_equal(w, (12u << 5) | 0x1au);
	/* 10^21 µs = 1 × 10^15 s: the largest exponent; 10^22 µs = 10 × 10^15. */
	assert_int_equal(scmi_sensor_interval_from_us(1000000000000000000ull, &w), 0);
	assert_int_equal(w, (1u << 5) | 12u);
	assert_int_equal(scmi_sensor_interval_us((100u << 5) | 7u), 1000000000000000ull);
	assert_int_equal(scmi_sensor_interval_from_us(65535, &w), 0);
	assert_int_equal(w, (65535u << 5) | 0x1au);
	assert_int_equal(scmi_sensor_interval_from_us(65537, &w), -ERANGE);
	assert_int_equal(scmi_sensor_interval_from_us(655350, &w), 0);
	assert_int_equal(w, (65535u << 5) | 0x1bu);
	assert_int_equal(scmi_sensor_interval_from_us(1, NULL), -EINVAL);
	/* Negative exponents divide; exponent 0x10 is -16. */
	assert_int_equal(scmi_sensor_interval_us((5000u << 5) | 0x18u), 50);
	assert_int_equal(scmi_sensor_interval_us((7u << 5) | 0x10u), 0);
	assert_int_equal(scmi_sensor_interval_us((7u << 5) | 0xcu), 7000000000000000000ull);
	/* Config words carry the interval and flags in their own places. */
	assert_int_equal(scmi_sensor_config_word(true, false, (31u << 5) | 0x1fu, 2),
			 (31u << 16) | (0x1fu << 11) | (2u << 9) | 1u);
	assert_int_equal(scmi_sensor_config_word(false, true, 0, 7), (3u << 9) | 2u);
	assert_int_equal(scmi_sensor_config_interval((31u << 16) | (0x1fu << 11) | 0x7ff),
			 (31u << 5) | 0x1fu);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(test_open, ss_setup, ss_teardown),
	    cmocka_unit_test_setup_teardown(test_describe_v1, ss_setup, ss_teardown),
	    cmocka_unit_test_setup_teardown(test_describe_v3, ss_setup, ss_teardown),
	    cmocka_unit_test_setup_teardown(test_describe_walk, ss_setup, ss_teardown),
	    cmocka_unit_test_setup_teardown(test_names, ss_setup, ss_teardown),
	    cmocka_unit_test_setup_teardown(test_axes, ss_setup, ss_teardown),
	    cmocka_unit_test_setup_teardown(test_intervals, ss_setup, ss_teardown),
	    cmocka_unit_test_setup_teardown(test_intervals_full, ss_setup, ss_teardown),
	    cmocka_unit_test_setup_teardown(test_readings, ss_setup, ss_teardown),
	    cmocka_unit_test_setup_teardown(test_config_and_notify, ss_setup, ss_teardown),
	    cmocka_unit_test(test_interval_math),
	};

	return cmocka_run_group_tests_name("agent/sensor", tests, NULL, NULL);
}
