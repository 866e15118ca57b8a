// SPDX-License-Identifier: BSD-3-Clause
/*
 * Edges of the sensor handlers a mutation run found unguarded: through the server over the
 * simulated default platform, with the sensor ops wrapped or swapped where the platform must
 * lack an op, fail, leave fields unwritten, give names at the edge of their fields or
 * describe what the default tree has not, and with reply rooms at the edge of what a page or
 * a reading needs.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "platform/sim/sim_platform.h"
#include "scmi/proto/endian.h"
#include "scmi/proto/header.h"
#include "scmi/proto/ids.h"
#include "scmi/proto/sensor.h"
#include "scmi/proto/status.h"
#include "scmi/server/sensor.h"
#include "scmi/server/server.h"
#include "edges_fixture.h"

/* The default tree's sensors: 0 "soc_temp" (two trip points, four update intervals, an
 * extended name), 8 "board_temp" (three axes, each with an extended name). */
#define SENSOR_SOC   0u
#define SENSOR_BOARD 8u
#define BOARD_AXES   3u

/* Readings one reply holds: the largest reply (SCMI_SERVER_MAX_PAYLOAD) after the status. */
#define READINGS_IN_A_REPLY                                                                        \
	((SCMI_SERVER_MAX_PAYLOAD - 4u) / sizeof(struct scmi_sensor_reading_entry))

static const struct scmi_server_sensor_ops *real_sensor;
/* How many times the counting ops below were called, and the largest @max a read was given. */
static unsigned int op_calls;
static uint32_t read_max;
/* What the wrapped info op changes of the simulated platform's description (0: nothing). */
static uint8_t force_axes;
static struct scmi_server_sensor_interval force_interval;
/* Calls of the failing axis op that succeed before it fails. */
static unsigned int axis_fail_from;

/* The platform with @s for sensor's ops, @s first a copy of the simulated platform's. */
static void with_sensor(struct edges_fx *f, struct scmi_server_platform_ops *ops,
			struct scmi_server_sensor_ops *s)
{
	real_sensor = EDGES_SWAP(ops, sensor, s);
	scmi_server_init(&f->srv, ops, f->p);
	op_calls = 0;
	read_max = 0;
	force_axes = 0;
	force_interval.secs = 0;
	force_interval.exp = 0;
}

/* Command @msg of Sensor with @nargs u32 parameters, its reply in @out of @room bytes. */
static size_t sensor_call_room(struct edges_fx *f, uint8_t msg, const uint32_t *args, size_t nargs,
			       uint8_t *out, size_t room)
{
	uint8_t in[16] = {0};

	assert_true(nargs <= 4);
	for (size_t i = 0; i < nargs; i++)
		scmi_put_le32(in + 4 * i, args[i]);
	return scmi_server_process_raw(&f->srv, 0, scmi_hdr_make(SCMI_PROTOCOL_SENSOR, msg, 0, 1),
				       in, 4 * nargs, out, room);
}

/* The simulated platform's sensor, with the axes and interval the test forces. */
static int32_t forced_info(void *plat, uint32_t agent_id, uint32_t id,
			   struct scmi_server_sensor_info *info)
{
	int32_t st = real_sensor->info(plat, agent_id, id, info);

	if (force_axes)
		info->num_axes = force_axes;
	if (force_interval.secs)
		info->interval = force_interval;
	return st;
}

/* A read op that gives every reading it is asked for, and records how many that was. */
static int32_t full_read(void *plat, uint32_t agent_id, uint32_t id,
			 struct scmi_server_sensor_reading *r, uint32_t max, uint32_t *n)
{
	(void)plat;
	(void)agent_id;
	(void)id;
	op_calls++;
	read_max = max;
	for (uint32_t i = 0; i < max; i++) {
		r[i].value = 1000 + (int64_t)i;
		r[i].timestamp = 0;
	}
	*n = max;
	return SCMI_SUCCESS;
}

/* An axis the platform describes by a one-character name alone. */
static int32_t name_only_axis(void *plat, uint32_t agent_id, uint32_t id, uint32_t axis,
			      struct scmi_server_sensor_axis_info *a)
{
	(void)plat;
	(void)agent_id;
	(void)id;
	(void)axis;
	memcpy(a->name, "x", 2);
	return SCMI_SUCCESS;
}

/* An axis whose name fills its 16-byte field with no terminator. */
static int32_t full_name_axis(void *plat, uint32_t agent_id, uint32_t id, uint32_t axis,
			      struct scmi_server_sensor_axis_info *a)
{
	(void)plat;
	(void)agent_id;
	(void)id;
	(void)axis;
	memset(a->name, 'A', sizeof(a->name));
	return SCMI_SUCCESS;
}

/*
 * The simulated platform's axes for the first axis_fail_from calls, then a failure: a platform
 * that cannot describe an axis its sensor says it has, at once or after a first look.
 */
static int32_t failing_axis(void *plat, uint32_t agent_id, uint32_t id, uint32_t axis,
			    struct scmi_server_sensor_axis_info *a)
{
	if (op_calls++ >= axis_fail_from)
		return SCMI_NOT_FOUND;
	return real_sensor->axis_info(plat, agent_id, id, axis, a);
}

/* An interval op that fails, though the sensor says it has intervals. */
// NOLINTNEXTLINE(readability-non-const-parameter): the op's signature; it writes nothing
static int32_t failing_interval(void *plat, uint32_t agent_id, uint32_t id, uint32_t idx,
				struct scmi_server_sensor_interval *iv)
{
	(void)plat;
	(void)agent_id;
	(void)id;
	(void)idx;
	(void)iv;
	return SCMI_HARDWARE_ERROR;
}

/* Extended names of the longest length the 64-byte field carries: 63 characters. */
static int32_t longest_ext_name(void *plat, uint32_t agent_id, uint32_t id,
				char name[SCMI_EXT_NAME_SIZE])
{
	(void)plat;
	(void)agent_id;
	(void)id;
	memset(name, 'n', SCMI_EXT_NAME_SIZE - 1);
	name[SCMI_EXT_NAME_SIZE - 1] = '\0';
	return SCMI_SUCCESS;
}

/* Axis 0: the longest name; axis 1: three characters and no terminator; others the sim's. */
static int32_t edge_axis_ext_name(void *plat, uint32_t agent_id, uint32_t id, uint32_t axis,
				  char name[SCMI_EXT_NAME_SIZE])
{
	if (axis == 0) {
		memset(name, 'a', SCMI_EXT_NAME_SIZE - 1);
		name[SCMI_EXT_NAME_SIZE - 1] = '\0';
		return SCMI_SUCCESS;
	}
	if (axis == 1) {
		memcpy(name, "abc", 3);
		return SCMI_SUCCESS;
	}
	return real_sensor->axis_ext_name(plat, agent_id, id, axis, name);
}

/*
 * Sensor 1.0 carries the update interval in 5 bits of seconds and a power of ten: one too
 * long for the 5 bits is scaled to the nearest value they hold, 34 s to 3 x 10^1 (30 s, 4 s
 * off) rather than 4 x 10^1 (40 s, 6 s off); 35 s, halfway, goes up.
 */
static void test_sensor_v1_interval_nearest(void **state)
{
	struct edges_fx *f = *state;
	struct scmi_server_platform_ops ops;
	struct scmi_server_sensor_ops s;
	const uint32_t v1 = SCMI_SENSOR_VERSION_1_0;
	const uint32_t first = SENSOR_SOC;
	uint32_t hi;

	with_sensor(f, &ops, &s);
	s.info = forced_info;
	assert_int_equal(
	    edges_call(f, SCMI_PROTOCOL_SENSOR, SCMI_MSG_NEGOTIATE_PROTOCOL_VERSION, &v1, 1),
	    SCMI_SUCCESS);

	force_interval.secs = 34;
	assert_int_equal(
	    edges_call(f, SCMI_PROTOCOL_SENSOR, SCMI_MSG_SENSOR_DESCRIPTION_GET, &first, 1),
	    SCMI_SUCCESS);
	assert_true(SCMI_SENSOR_DESCS_RETURNED(scmi_get_le32(f->rsp + 4)) >= 1);
	assert_int_equal(scmi_get_le32(f->rsp + 8), SENSOR_SOC);
	hi = scmi_get_le32(f->rsp + 16);
	assert_int_equal(hi >> SCMI_SENSOR_ATTR_HIGH_V1_SECS_SHIFT, 3);
	assert_int_equal((hi >> SCMI_SENSOR_ATTR_HIGH_V1_EXP_SHIFT) & SCMI_SENSOR_EXP_MASK, 1);

	force_interval.secs = 35;
	assert_int_equal(
	    edges_call(f, SCMI_PROTOCOL_SENSOR, SCMI_MSG_SENSOR_DESCRIPTION_GET, &first, 1),
	    SCMI_SUCCESS);
	hi = scmi_get_le32(f->rsp + 16);
	assert_int_equal(hi >> SCMI_SENSOR_ATTR_HIGH_V1_SECS_SHIFT, 4);
	assert_int_equal((hi >> SCMI_SENSOR_ATTR_HIGH_V1_EXP_SHIFT) & SCMI_SENSOR_EXP_MASK, 1);
}

/*
 * SENSOR_DESCRIPTION_GET into a reply without room for its flags word, or with room for the
 * flags but not one descriptor while sensors remain, is PROTOCOL_ERROR alone (an empty page
 * would read as the end of the list); the empty last page (index = count) fits in the flags.
 */
static void test_sensor_description_get_no_room(void **state)
{
	struct edges_fx *f = *state;
	const uint32_t first = 0;
	uint32_t total;

	assert_int_equal(sensor_call_room(f, SCMI_MSG_SENSOR_DESCRIPTION_GET, &first, 1, f->rsp, 7),
			 4);
	assert_int_equal((int32_t)scmi_get_le32(f->rsp), SCMI_PROTOCOL_ERROR);
	assert_int_equal(sensor_call_room(f, SCMI_MSG_SENSOR_DESCRIPTION_GET, &first, 1, f->rsp,
					  4 + 4 + SCMI_SENSOR_DESC_BASE_SIZE - 1),
			 4);
	assert_int_equal((int32_t)scmi_get_le32(f->rsp), SCMI_PROTOCOL_ERROR);

	assert_int_equal(edges_call(f, SCMI_PROTOCOL_SENSOR, SCMI_MSG_PROTOCOL_ATTRIBUTES, NULL, 0),
			 SCMI_SUCCESS);
	total = SCMI_SENSOR_PA_NUM_SENSORS(scmi_get_le32(f->rsp + 4));
	assert_int_equal(sensor_call_room(f, SCMI_MSG_SENSOR_DESCRIPTION_GET, &total, 1, f->rsp, 8),
			 8);
	assert_int_equal((int32_t)scmi_get_le32(f->rsp), SCMI_SUCCESS);
	assert_int_equal(scmi_get_le32(f->rsp + 4), 0);
}

/*
 * A platform without a trip_config op: SENSOR_TRIP_POINT_CONFIG of a trip point the sensor
 * has is NOT_SUPPORTED alone, the request itself being valid.
 */
static void test_sensor_trip_point_config_without_op(void **state)
{
	struct edges_fx *f = *state;
	struct scmi_server_platform_ops ops;
	struct scmi_server_sensor_ops s;
	const uint32_t cfg[4] = {
	    SENSOR_SOC, (1u << SCMI_SENSOR_TRIP_ID_SHIFT) | SCMI_SENSOR_TRIP_BOTH, 90000, 0};

	with_sensor(f, &ops, &s);
	s.trip_config = NULL;
	assert_int_equal(
	    edges_call(f, SCMI_PROTOCOL_SENSOR, SCMI_MSG_SENSOR_TRIP_POINT_CONFIG, cfg, 4),
	    SCMI_NOT_SUPPORTED);
	assert_int_equal(f->len, 4);
}

/* A platform without a read op: SENSOR_READING_GET of a sensor that exists is NOT_SUPPORTED. */
static void test_sensor_reading_get_without_op(void **state)
{
	struct edges_fx *f = *state;
	struct scmi_server_platform_ops ops;
	struct scmi_server_sensor_ops s;
	const uint32_t sync[2] = {SENSOR_SOC, 0};

	with_sensor(f, &ops, &s);
	s.read = NULL;
	assert_int_equal(edges_call(f, SCMI_PROTOCOL_SENSOR, SCMI_MSG_SENSOR_READING_GET, sync, 2),
			 SCMI_NOT_SUPPORTED);
	assert_int_equal(f->len, 4);
}

/*
 * SENSOR_READING_GET of a sensor with axes answers one reading per axis or nothing: a room
 * one byte short of them is PROTOCOL_ERROR alone, the exact room gets them all.
 */
static void test_sensor_reading_get_no_room(void **state)
{
	struct edges_fx *f = *state;
	const uint32_t sync[2] = {SENSOR_BOARD, 0};
	const size_t need = 4 + BOARD_AXES * sizeof(struct scmi_sensor_reading_entry);

	assert_int_equal(
	    sensor_call_room(f, SCMI_MSG_SENSOR_READING_GET, sync, 2, f->rsp, need - 1), 4);
	assert_int_equal((int32_t)scmi_get_le32(f->rsp), SCMI_PROTOCOL_ERROR);
	assert_int_equal(sensor_call_room(f, SCMI_MSG_SENSOR_READING_GET, sync, 2, f->rsp, need),
			 need);
	assert_int_equal((int32_t)scmi_get_le32(f->rsp), SCMI_SUCCESS);
}

/*
 * A sensor with more axes than the largest reply (SCMI_SERVER_MAX_PAYLOAD, status included)
 * holds readings for: the platform is asked for no more readings than that, and the answer
 * is PROTOCOL_ERROR alone, even into a caller's buffer that would take them all.
 */
static void test_sensor_reading_more_axes_than_a_reply(void **state)
{
	struct edges_fx *f = *state;
	struct scmi_server_platform_ops ops;
	struct scmi_server_sensor_ops s;
	const uint32_t sync[2] = {SENSOR_BOARD, 0};
	const uint8_t axes = (uint8_t)(READINGS_IN_A_REPLY + 1);
	uint8_t out[4 + (READINGS_IN_A_REPLY + 1) * sizeof(struct scmi_sensor_reading_entry)];

	with_sensor(f, &ops, &s);
	s.info = forced_info;
	s.read = full_read;
	force_axes = axes;
	memset(out, 0xa5, sizeof(out));
	assert_int_equal(
	    sensor_call_room(f, SCMI_MSG_SENSOR_READING_GET, sync, 2, out, sizeof(out)), 4);
	assert_int_equal((int32_t)scmi_get_le32(out), SCMI_PROTOCOL_ERROR);
	assert_int_equal(op_calls, 1);
	assert_int_equal(read_max, READINGS_IN_A_REPLY);
}

/*
 * An axis the platform describes by its name alone: SENSOR_AXIS_DESCRIPTION_GET gives each
 * axis the 28-byte descriptor without extended attributes, attributes_low 0 (no extended
 * name, no extended attributes, reserved bits clear), attributes_high 0, and the name
 * zero-padded: nothing the platform did not say.
 */
static void test_sensor_axis_fields_unwritten(void **state)
{
	struct edges_fx *f = *state;
	struct scmi_server_platform_ops ops;
	struct scmi_server_sensor_ops s;
	const uint32_t req[2] = {SENSOR_BOARD, 0};
	const uint8_t name[SCMI_SHORT_NAME_SIZE] = "x";
	const uint8_t *e;

	with_sensor(f, &ops, &s);
	s.axis_info = name_only_axis;
	assert_int_equal(
	    edges_call(f, SCMI_PROTOCOL_SENSOR, SCMI_MSG_SENSOR_AXIS_DESCRIPTION_GET, req, 2),
	    SCMI_SUCCESS);
	assert_int_equal(f->len, 8 + BOARD_AXES * SCMI_SENSOR_AXIS_DESC_BASE_SIZE);
	assert_int_equal(scmi_get_le32(f->rsp + 4), BOARD_AXES);
	for (uint32_t i = 0; i < BOARD_AXES; i++) {
		e = f->rsp + 8 + i * SCMI_SENSOR_AXIS_DESC_BASE_SIZE;
		assert_int_equal(scmi_get_le32(e), i);
		assert_int_equal(scmi_get_le32(e + 4), 0);
		assert_int_equal(scmi_get_le32(e + 8), 0);
		assert_memory_equal(e + 12, name, sizeof(name));
	}
}

/*
 * An axis name filling its 16-byte field unterminated is cut at 15 characters, zero-padded:
 * in SENSOR_AXIS_DESCRIPTION_GET, and as the short name SENSOR_AXIS_NAME_GET falls back on.
 */
static void test_sensor_axis_name_cut_at_15(void **state)
{
	struct edges_fx *f = *state;
	struct scmi_server_platform_ops ops;
	struct scmi_server_sensor_ops s;
	const uint32_t req[2] = {SENSOR_BOARD, 0};
	uint8_t name[SCMI_EXT_NAME_SIZE];

	memset(name, 0, sizeof(name));
	memset(name, 'A', SCMI_SHORT_NAME_SIZE - 1);
	with_sensor(f, &ops, &s);
	s.axis_info = full_name_axis;
	assert_int_equal(
	    edges_call(f, SCMI_PROTOCOL_SENSOR, SCMI_MSG_SENSOR_AXIS_DESCRIPTION_GET, req, 2),
	    SCMI_SUCCESS);
	assert_int_equal(scmi_get_le32(f->rsp + 4), BOARD_AXES);
	assert_memory_equal(f->rsp + 8 + 12, name, SCMI_SHORT_NAME_SIZE);
	assert_int_equal(edges_call(f, SCMI_PROTOCOL_SENSOR, SCMI_MSG_SENSOR_AXIS_NAME_GET, req, 2),
			 SCMI_SUCCESS);
	assert_int_equal(scmi_get_le32(f->rsp + 4), BOARD_AXES);
	assert_int_equal(scmi_get_le32(f->rsp + 8), 0);
	assert_memory_equal(f->rsp + 12, name, sizeof(name));
}

/*
 * A platform that cannot describe an axis its sensor says it has: SENSOR_AXIS_DESCRIPTION_GET
 * is GENERIC_ERROR alone (the platform's fault, not the agent's), whether the axis fails at
 * once or only when the page is written, after it was measured.
 */
static void test_sensor_axis_description_platform_fails(void **state)
{
	struct edges_fx *f = *state;
	struct scmi_server_platform_ops ops;
	struct scmi_server_sensor_ops s;
	const uint32_t req[2] = {SENSOR_BOARD, 0};

	with_sensor(f, &ops, &s);
	s.axis_info = failing_axis;
	axis_fail_from = 0;
	assert_int_equal(
	    edges_call(f, SCMI_PROTOCOL_SENSOR, SCMI_MSG_SENSOR_AXIS_DESCRIPTION_GET, req, 2),
	    SCMI_GENERIC_ERROR);
	assert_int_equal(f->len, 4);

	/* Every axis measured for the page, then the first fails when it is written. */
	axis_fail_from = BOARD_AXES;
	op_calls = 0;
	assert_int_equal(
	    edges_call(f, SCMI_PROTOCOL_SENSOR, SCMI_MSG_SENSOR_AXIS_DESCRIPTION_GET, req, 2),
	    SCMI_GENERIC_ERROR);
	assert_int_equal(f->len, 4);
	assert_true(op_calls > BOARD_AXES);
}

/*
 * A platform that fails to give an update interval its sensor says it has:
 * SENSOR_LIST_UPDATE_INTERVALS is GENERIC_ERROR alone, not a page with holes.
 */
static void test_sensor_list_update_intervals_platform_fails(void **state)
{
	struct edges_fx *f = *state;
	struct scmi_server_platform_ops ops;
	struct scmi_server_sensor_ops s;
	const uint32_t req[2] = {SENSOR_SOC, 0};

	with_sensor(f, &ops, &s);
	s.interval = failing_interval;
	assert_int_equal(
	    edges_call(f, SCMI_PROTOCOL_SENSOR, SCMI_MSG_SENSOR_LIST_UPDATE_INTERVALS, req, 2),
	    SCMI_GENERIC_ERROR);
	assert_int_equal(f->len, 4);
}

/* A platform without the interval op: intervals it cannot give are NOT_SUPPORTED alone. */
static void test_sensor_list_update_intervals_without_op(void **state)
{
	struct edges_fx *f = *state;
	struct scmi_server_platform_ops ops;
	struct scmi_server_sensor_ops s;
	const uint32_t req[2] = {SENSOR_SOC, 0};

	with_sensor(f, &ops, &s);
	s.interval = NULL;
	assert_int_equal(
	    edges_call(f, SCMI_PROTOCOL_SENSOR, SCMI_MSG_SENSOR_LIST_UPDATE_INTERVALS, req, 2),
	    SCMI_NOT_SUPPORTED);
	assert_int_equal(f->len, 4);
}

/*
 * A platform without a config_set op: a valid SENSOR_CONFIG_SET is NOT_SUPPORTED alone; an
 * invalid one is still INVALID_PARAMETERS.
 */
static void test_sensor_config_set_without_op(void **state)
{
	struct edges_fx *f = *state;
	struct scmi_server_platform_ops ops;
	struct scmi_server_sensor_ops s;
	const uint32_t enable[2] = {SENSOR_SOC, SCMI_SENSOR_CONFIG_ENABLE};
	const uint32_t reserved[2] = {SENSOR_SOC, SCMI_SENSOR_CONFIG_ENABLE | (1u << 2)};

	with_sensor(f, &ops, &s);
	s.config_set = NULL;
	assert_int_equal(edges_call(f, SCMI_PROTOCOL_SENSOR, SCMI_MSG_SENSOR_CONFIG_SET, enable, 2),
			 SCMI_NOT_SUPPORTED);
	assert_int_equal(f->len, 4);
	assert_int_equal(
	    edges_call(f, SCMI_PROTOCOL_SENSOR, SCMI_MSG_SENSOR_CONFIG_SET, reserved, 2),
	    SCMI_INVALID_PARAMETERS);
}

/*
 * SENSOR_NAME_GET of an extended name of 63 characters, the most its 64-byte field holds
 * with the terminator: all 63 of them.
 */
static void test_sensor_name_get_longest(void **state)
{
	struct edges_fx *f = *state;
	struct scmi_server_platform_ops ops;
	struct scmi_server_sensor_ops s;
	const uint32_t id = SENSOR_SOC;
	uint8_t name[SCMI_EXT_NAME_SIZE];

	memset(name, 'n', sizeof(name) - 1);
	name[sizeof(name) - 1] = 0;
	with_sensor(f, &ops, &s);
	s.ext_name = longest_ext_name;
	assert_int_equal(edges_call(f, SCMI_PROTOCOL_SENSOR, SCMI_MSG_SENSOR_NAME_GET, &id, 1),
			 SCMI_SUCCESS);
	assert_int_equal(f->len, 4 + 4 + SCMI_EXT_NAME_SIZE);
	assert_int_equal(scmi_get_le32(f->rsp + 4), 0);
	assert_memory_equal(f->rsp + 8, name, sizeof(name));
}

/*
 * SENSOR_AXIS_NAME_GET carries an axis' extended name of 63 characters whole, and one the
 * platform wrote as three characters without a terminator as those three, zero-padded:
 * never bytes the platform did not write.
 */
static void test_sensor_axis_name_get_edges(void **state)
{
	struct edges_fx *f = *state;
	struct scmi_server_platform_ops ops;
	struct scmi_server_sensor_ops s;
	const uint32_t req[2] = {SENSOR_BOARD, 0};
	const size_t entry = sizeof(struct scmi_sensor_axis_name_entry);
	const uint8_t abc[SCMI_EXT_NAME_SIZE] = "abc";
	uint8_t longest[SCMI_EXT_NAME_SIZE];

	memset(longest, 'a', sizeof(longest) - 1);
	longest[sizeof(longest) - 1] = 0;
	with_sensor(f, &ops, &s);
	s.axis_ext_name = edge_axis_ext_name;
	assert_int_equal(edges_call(f, SCMI_PROTOCOL_SENSOR, SCMI_MSG_SENSOR_AXIS_NAME_GET, req, 2),
			 SCMI_SUCCESS);
	assert_int_equal(SCMI_SENSOR_AXES_RETURNED(scmi_get_le32(f->rsp + 4)), BOARD_AXES);
	assert_int_equal(f->len, 8 + BOARD_AXES * entry);
	assert_int_equal(scmi_get_le32(f->rsp + 8), 0);
	assert_memory_equal(f->rsp + 12, longest, sizeof(longest));
	assert_int_equal(scmi_get_le32(f->rsp + 8 + entry), 1);
	assert_memory_equal(f->rsp + 12 + entry, abc, sizeof(abc));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    EDGES_TEST(test_sensor_v1_interval_nearest),
	    EDGES_TEST(test_sensor_description_get_no_room),
	    EDGES_TEST(test_sensor_trip_point_config_without_op),
	    EDGES_TEST(test_sensor_reading_get_without_op),
	    EDGES_TEST(test_sensor_reading_get_no_room),
	    EDGES_TEST(test_sensor_reading_more_axes_than_a_reply),
	    EDGES_TEST(test_sensor_axis_fields_unwritten),
	    EDGES_TEST(test_sensor_axis_name_cut_at_15),
	    EDGES_TEST(test_sensor_axis_description_platform_fails),
	    EDGES_TEST(test_sensor_list_update_intervals_platform_fails),
	    EDGES_TEST(test_sensor_list_update_intervals_without_op),
	    EDGES_TEST(test_sensor_config_set_without_op),
	    EDGES_TEST(test_sensor_name_get_longest),
	    EDGES_TEST(test_sensor_axis_name_get_edges),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
