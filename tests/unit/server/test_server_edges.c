// SPDX-License-Identifier: BSD-3-Clause
/*
 * The edges a mutation run found unguarded (issue 17): names of exactly 16 characters,
 * protocols whose ops table lacks a callback, reply rooms of exactly the header plus n
 * entries, Sensor 1.0's 5-bit update intervals at their limits, behaviour that starts at
 * exactly Sensor 3.0, and a platform failing midway through a description. Each test sits
 * on the boundary, so that a comparison moved by one or a constant off by one fails it.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "scmi/proto/base.h"
#include "scmi/proto/clock.h"
#include "scmi/proto/ids.h"
#include "scmi/proto/perf.h"
#include "scmi/proto/sensor.h"
#include "scmi/proto/status.h"
#include "scmi/server/clock.h"
#include "scmi/server/perf.h"
#include "scmi/server/sensor.h"
#include "server_test.h"

#define CH	 0u
#define NUM_AXES 3u

/*
 * The platform of these tests: one agent on channel 0. @clock_name names clock 0;
 * @sensor_version is what the platform runs for Sensor; @info_fail_call makes the sensor
 * info op fail on that call (1-based; 0: never); @axis_ext makes every axis carry the
 * extended attributes; @num_intervals and @interval describe sensor 0.
 */
static struct edge_platform {
	const char *clock_name;
	uint32_t sensor_version;
	unsigned int info_calls, info_fail_call;
	bool axis_ext;
	uint32_t num_intervals;
	struct scmi_server_sensor_interval interval;
	unsigned int num_sensors;
} ep;

static bool channel_agent(void *plat, uint32_t channel, uint32_t *agent)
{
	(void)plat;
	*agent = 1;
	return channel == CH;
}

static bool available(void *plat, uint32_t agent, uint8_t protocol)
{
	(void)plat;
	(void)agent;
	return protocol == SCMI_PROTOCOL_CLOCK || protocol == SCMI_PROTOCOL_PERF ||
	       protocol == SCMI_PROTOCOL_SENSOR;
}

static uint32_t protocol_version(void *plat, uint8_t protocol)
{
	(void)plat;
	return protocol == SCMI_PROTOCOL_SENSOR ? ep.sensor_version : 0;
}

static uint32_t clk_count(void *plat, uint32_t agent)
{
	(void)plat;
	(void)agent;
	return 1;
}

static int32_t clk_info(void *plat, uint32_t agent, uint32_t id,
			struct scmi_server_clock_info *info)
{
	(void)plat;
	(void)agent;
	if (id)
		return SCMI_NOT_FOUND;
	snprintf(info->name, sizeof(info->name), "%s", ep.clock_name);
	return SCMI_SUCCESS;
}

static const struct scmi_server_clock_ops clock_ops = {.count = clk_count, .info = clk_info};

static uint32_t sns_count(void *plat, uint32_t agent)
{
	(void)plat;
	(void)agent;
	return ep.num_sensors;
}

/* Sensor 0 is scalar with update intervals; every other one has NUM_AXES axes. */
static int32_t sns_info(void *plat, uint32_t agent, uint32_t id,
			struct scmi_server_sensor_info *info)
{
	(void)plat;
	(void)agent;
	if (++ep.info_calls == ep.info_fail_call)
		return SCMI_HARDWARE_ERROR;
	if (id >= ep.num_sensors)
		return SCMI_NOT_FOUND;
	snprintf(info->name, sizeof(info->name), "s");
	info->type = 2;
	info->has_ext_name = true;
	info->num_axes = id ? NUM_AXES : 0;
	info->num_intervals = id ? 0 : ep.num_intervals;
	info->interval = ep.interval;
	return SCMI_SUCCESS;
}

static int32_t sns_axis(void *plat, uint32_t agent, uint32_t id, uint32_t axis,
			struct scmi_server_sensor_axis_info *a)
{
	(void)plat;
	(void)agent;
	if (!id || axis >= NUM_AXES)
		return SCMI_NOT_FOUND;
	a->name[0] = (char)('x' + axis);
	a->type = 2;
	a->ext_attrs = ep.axis_ext;
	return SCMI_SUCCESS;
}

static int32_t sns_interval(void *plat, uint32_t agent, uint32_t id, uint32_t idx,
			    struct scmi_server_sensor_interval *iv)
{
	(void)plat;
	(void)agent;
	if (id || idx >= ep.num_intervals)
		return SCMI_NOT_FOUND;
	iv->secs = (uint16_t)(idx + 1);
	iv->exp = 0;
	return SCMI_SUCCESS;
}

static const struct scmi_server_sensor_ops sensor_ops = {
    .count = sns_count, .info = sns_info, .axis_info = sns_axis, .interval = sns_interval};

/* Perf is exposed, but the platform gave it no callbacks at all. */
static const struct scmi_server_perf_ops perf_ops;

static const struct scmi_server_platform_ops ops = {
    .channel_agent = channel_agent,
    .protocol_available = available,
    .protocol_version = protocol_version,
    .clock = &clock_ops,
    .sensor = &sensor_ops,
    .perf = &perf_ops,
};

struct fixture {
	struct scmi_server srv;
	struct reply r;
};

static int setup(void **state)
{
	static struct fixture f;

	memset(&ep, 0, sizeof(ep));
	ep.clock_name = "clk";
	ep.num_sensors = 2;
	ep.num_intervals = 4;
	ep.interval = (struct scmi_server_sensor_interval){.secs = 1, .exp = 0};
	scmi_server_init(&f.srv, &ops, NULL);
	*state = &f;
	return 0;
}

/* Message @msg of @proto with u32 parameters @a[0..n), a reply room of @room bytes. */
static int32_t call(struct fixture *f, uint8_t proto, uint8_t msg, const uint32_t *a, size_t n,
		    size_t room)
{
	uint8_t in[16];
	size_t i;

	assert_true(n <= 4);
	for (i = 0; i < n; i++)
		scmi_put_le32(in + 4 * i, a[i]);
	return raw_call_room(&f->srv, CH, scmi_hdr_make(proto, msg, SCMI_MSG_TYPE_COMMAND, 1), in,
			     4 * n, room, &f->r);
}

#define ROOM SCMI_SERVER_MAX_PAYLOAD

/* A 16-character clock name: the 16-byte field carries its first 15 and a NUL. */
static void test_clock_name_of_16(void **state)
{
	struct fixture *f = *state;
	const uint32_t id = 0;

	ep.clock_name = "abcdefghijklmnop";
	assert_int_equal(call(f, SCMI_PROTOCOL_CLOCK, SCMI_MSG_CLOCK_ATTRIBUTES, &id, 1, ROOM),
			 SCMI_SUCCESS);
	assert_memory_equal(f->r.buf + 8, "abcdefghijklmno", 16);
	ep.clock_name = "abcdefghijklmno";
	assert_int_equal(call(f, SCMI_PROTOCOL_CLOCK, SCMI_MSG_CLOCK_ATTRIBUTES, &id, 1, ROOM),
			 SCMI_SUCCESS);
	assert_memory_equal(f->r.buf + 8, "abcdefghijklmno", 16);
	/* The extended name keeps all 16 (CLOCK_NAME_GET: flags, then 64 bytes). */
	ep.clock_name = "abcdefghijklmnop";
	assert_int_equal(call(f, SCMI_PROTOCOL_CLOCK, SCMI_MSG_CLOCK_NAME_GET, &id, 1, ROOM),
			 SCMI_SUCCESS);
	assert_string_equal((const char *)f->r.buf + 8, "abcdefghijklmnop");
}

/* Perf exposed with no callbacks: no domains, and a domain is not found, never a crash. */
static void test_perf_without_callbacks(void **state)
{
	struct fixture *f = *state;
	const uint32_t id = 0;

	assert_int_equal(call(f, SCMI_PROTOCOL_PERF, SCMI_MSG_PROTOCOL_ATTRIBUTES, NULL, 0, ROOM),
			 SCMI_SUCCESS);
	assert_int_equal(reply_u32(&f->r, 4) & 0xffffu, 0);
	assert_int_equal(call(f, SCMI_PROTOCOL_PERF, SCMI_MSG_PERF_DOMAIN_ATTRIBUTES, &id, 1, ROOM),
			 SCMI_NOT_FOUND);
	assert_int_equal(call(f, SCMI_PROTOCOL_PERF, SCMI_MSG_PERF_LEVEL_GET, &id, 1, ROOM),
			 SCMI_NOT_FOUND);
	assert_int_equal(f->r.len, 4);
}

/* A room of exactly the flags word and n axis entries holds n; one byte less, n - 1. */
static void test_axis_page_at_the_room(void **state)
{
	struct fixture *f = *state;
	const uint32_t a[2] = {1, 0};
	const size_t base = SCMI_SENSOR_AXIS_DESC_BASE_SIZE;
	const size_t full = sizeof(struct scmi_sensor_axis_desc_entry);
	const size_t sizes[2] = {base, full};
	unsigned int e;

	for (e = 0; e < 2; e++) {
		size_t room = 4 + 4 + 2 * sizes[e]; /* status, flags, two entries */

		ep.axis_ext = e;
		assert_int_equal(
		    call(f, SCMI_PROTOCOL_SENSOR, SCMI_MSG_SENSOR_AXIS_DESCRIPTION_GET, a, 2, room),
		    SCMI_SUCCESS);
		assert_int_equal(reply_u32(&f->r, 4),
				 2u | (1u << SCMI_SENSOR_AXES_REMAINING_SHIFT));
		assert_int_equal(f->r.len, room);
		assert_int_equal(reply_u32(&f->r, 8 + sizes[e]), 1); /* the second entry's id */
		assert_int_equal(call(f, SCMI_PROTOCOL_SENSOR, SCMI_MSG_SENSOR_AXIS_DESCRIPTION_GET,
				      a, 2, room - 1),
				 SCMI_SUCCESS);
		assert_int_equal(reply_u32(&f->r, 4),
				 1u | (2u << SCMI_SENSOR_AXES_REMAINING_SHIFT));
		assert_int_equal(f->r.len, 8 + sizes[e]);
		/* No room for one entry while some remain: an error, never an empty page. */
		assert_int_equal(call(f, SCMI_PROTOCOL_SENSOR, SCMI_MSG_SENSOR_AXIS_DESCRIPTION_GET,
				      a, 2, 8 + sizes[e] - 1),
				 SCMI_PROTOCOL_ERROR);
	}
}

/* The same for LIST_UPDATE_INTERVALS: 4-byte entries after the flags word. */
static void test_interval_page_at_the_room(void **state)
{
	struct fixture *f = *state;
	const uint32_t a[2] = {0, 0};
	const uint32_t from1[2] = {0, 1};

	assert_int_equal(
	    call(f, SCMI_PROTOCOL_SENSOR, SCMI_MSG_SENSOR_LIST_UPDATE_INTERVALS, a, 2, 8 + 3 * 4),
	    SCMI_SUCCESS);
	assert_int_equal(SCMI_SENSOR_INTERVALS_RETURNED(reply_u32(&f->r, 4)), 3);
	assert_int_equal(reply_u32(&f->r, 4) >> SCMI_SENSOR_INTERVALS_REMAINING_SHIFT, 1);
	assert_int_equal(reply_u32(&f->r, 16) >> SCMI_SENSOR_INTERVAL_SECS_SHIFT, 3);
	assert_int_equal(call(f, SCMI_PROTOCOL_SENSOR, SCMI_MSG_SENSOR_LIST_UPDATE_INTERVALS, a, 2,
			      8 + 3 * 4 - 1),
			 SCMI_SUCCESS);
	assert_int_equal(SCMI_SENSOR_INTERVALS_RETURNED(reply_u32(&f->r, 4)), 2);
	assert_int_equal(f->r.len, 8 + 2 * 4);
	/* From index 1, all that is left fits exactly. */
	assert_int_equal(call(f, SCMI_PROTOCOL_SENSOR, SCMI_MSG_SENSOR_LIST_UPDATE_INTERVALS, from1,
			      2, 8 + 3 * 4),
			 SCMI_SUCCESS);
	assert_int_equal(reply_u32(&f->r, 4), 3);
	assert_int_equal(reply_u32(&f->r, 8) >> SCMI_SENSOR_INTERVAL_SECS_SHIFT, 2);
	assert_int_equal(
	    call(f, SCMI_PROTOCOL_SENSOR, SCMI_MSG_SENSOR_LIST_UPDATE_INTERVALS, a, 2, 8 - 1),
	    SCMI_PROTOCOL_ERROR);
}

/* Sensor 1.0's attributes_high interval: bits [31:27] seconds, [26:22] the exponent. */
static uint32_t v1_interval(struct fixture *f, uint16_t secs, int8_t exp)
{
	const uint32_t first = 0;

	ep.sensor_version = SCMI_SENSOR_VERSION_1_0;
	ep.interval = (struct scmi_server_sensor_interval){.secs = secs, .exp = exp};
	assert_int_equal(
	    call(f, SCMI_PROTOCOL_SENSOR, SCMI_MSG_SENSOR_DESCRIPTION_GET, &first, 1, ROOM),
	    SCMI_SUCCESS);
	return reply_u32(&f->r, 8 + 8) >> 22; /* sensor 0's attributes_high */
}

static void test_v1_interval_limits(void **state)
{
	struct fixture *f = *state;

	/* 31 s fits the 5 bits as it is. */
	assert_int_equal(v1_interval(f, 31, 0), 31u << 5);
	/* 32 s does not: 3 x 10^1. */
	assert_int_equal(v1_interval(f, 32, 0), (3u << 5) | 1);
	/* 100 x 10^15 cannot be scaled past exponent 15: clamped to 31 x 10^15. */
	assert_int_equal(v1_interval(f, 100, 15), (31u << 5) | 15);
	/* 100 x 10^14 scales once: 10 x 10^15. */
	assert_int_equal(v1_interval(f, 100, 14), (10u << 5) | 15);
	/* A negative exponent keeps its 5-bit two's complement. */
	assert_int_equal(v1_interval(f, 5, -3), (5u << 5) | 0x1du);
}

/* The extended-name bit of a sensor descriptor exists from Sensor 3.0 exactly. */
static void test_sensor_ext_name_from_3_0(void **state)
{
	struct fixture *f = *state;
	const uint32_t first = 0;
	const uint32_t versions[3] = {SCMI_SENSOR_VERSION_2_0, SCMI_SENSOR_VERSION_3_0,
				      SCMI_SENSOR_VERSION_3_1};
	unsigned int i;

	for (i = 0; i < 3; i++) {
		scmi_server_init(&f->srv, &ops, NULL);
		ep.sensor_version = versions[i];
		assert_int_equal(
		    call(f, SCMI_PROTOCOL_SENSOR, SCMI_MSG_SENSOR_DESCRIPTION_GET, &first, 1, ROOM),
		    SCMI_SUCCESS);
		assert_int_equal(!!(reply_u32(&f->r, 8 + 4) & SCMI_SENSOR_ATTR_LOW_EXT_NAME),
				 i > 0);
	}
}

/* The platform failing midway through a description page: an error, no partial success. */
static void test_description_fails_midway(void **state)
{
	struct fixture *f = *state;
	const uint32_t first = 0;
	unsigned int fail;

	ep.sensor_version = SCMI_SENSOR_VERSION_3_1;
	/* Calls 1, 2 size the page; 3, 4 fill it. Fail each in turn. */
	for (fail = 1; fail <= 4; fail++) {
		ep.info_calls = 0;
		ep.info_fail_call = fail;
		assert_int_equal(
		    call(f, SCMI_PROTOCOL_SENSOR, SCMI_MSG_SENSOR_DESCRIPTION_GET, &first, 1, ROOM),
		    SCMI_GENERIC_ERROR);
		assert_int_equal(f->r.len, 4);
	}
	ep.info_calls = 0;
	ep.info_fail_call = 5;
	assert_int_equal(
	    call(f, SCMI_PROTOCOL_SENSOR, SCMI_MSG_SENSOR_DESCRIPTION_GET, &first, 1, ROOM),
	    SCMI_SUCCESS);
	assert_int_equal(reply_u32(&f->r, 4) & 0xfffu, 2);
}

/* A platform with no vendor ops: both names are 16 NUL bytes, not whatever was there. */
static void test_vendor_names_without_ops(void **state)
{
	struct fixture *f = *state;
	static const uint8_t zeros[SCMI_SHORT_NAME_SIZE];
	uint8_t msg;

	for (msg = SCMI_MSG_BASE_DISCOVER_VENDOR; msg <= SCMI_MSG_BASE_DISCOVER_SUB_VENDOR; msg++) {
		assert_int_equal(call(f, SCMI_PROTOCOL_BASE, msg, NULL, 0, ROOM), SCMI_SUCCESS);
		assert_int_equal(f->r.len, 4 + SCMI_SHORT_NAME_SIZE);
		assert_memory_equal(f->r.buf + 4, zeros, SCMI_SHORT_NAME_SIZE);
	}
}

/* A notification with no P2A path configured: not connected, nothing sent. */
static void test_notify_without_p2a(void **state)
{
	struct fixture *f = *state;
	const uint8_t payload[4] = {0};

	assert_int_equal(
	    scmi_server_notify(&f->srv, 1, SCMI_PROTOCOL_SENSOR, 0, payload, sizeof(payload)),
	    -SCMI_SERVER_ENOTCONN);
	assert_int_equal(
	    scmi_server_notify(&f->srv, 0, SCMI_PROTOCOL_SENSOR, 0, payload, sizeof(payload)),
	    -SCMI_SERVER_EINVAL);
}

/* A delayed response with no P2A path: not connected, and no longer pending. */
static void test_delayed_without_p2a(void **state)
{
	struct fixture *f = *state;
	struct scmi_server_delayed d = {.pending = true, .len = 4};

	assert_int_equal(scmi_server_send_delayed(&f->srv, CH, &d), -SCMI_SERVER_ENOTCONN);
	assert_false(d.pending);
	assert_int_equal(scmi_server_send_delayed(&f->srv, CH, &d), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup(test_clock_name_of_16, setup),
	    cmocka_unit_test_setup(test_perf_without_callbacks, setup),
	    cmocka_unit_test_setup(test_axis_page_at_the_room, setup),
	    cmocka_unit_test_setup(test_interval_page_at_the_room, setup),
	    cmocka_unit_test_setup(test_v1_interval_limits, setup),
	    cmocka_unit_test_setup(test_sensor_ext_name_from_3_0, setup),
	    cmocka_unit_test_setup(test_description_fails_midway, setup),
	    cmocka_unit_test_setup(test_vendor_names_without_ops, setup),
	    cmocka_unit_test_setup(test_notify_without_p2a, setup),
	    cmocka_unit_test_setup(test_delayed_without_p2a, setup),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
