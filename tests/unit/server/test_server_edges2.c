// SPDX-License-Identifier: BSD-3-Clause
/*
 * More edges of the server core a mutation run found unguarded (issue 17), through the
 * server and the simulated platform on the default DT: each request sits exactly on the
 * rule it breaks, and the status must be the one the specification gives, not a neighbour.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include <stdlib.h>

#include <libfdt.h>

#include "platform/sim/sim_platform.h"
#include "scmi/proto/clock.h"
#include "scmi/proto/endian.h"
#include "scmi/proto/header.h"
#include "scmi/proto/perf.h"
#include "scmi/proto/pinctrl.h"
#include "scmi/proto/powercap.h"
#include "scmi/proto/reset.h"
#include "scmi/proto/sensor.h"
#include "scmi/proto/status.h"
#include "scmi/proto/voltage.h"
#include "scmi/server/clock.h"
#include "scmi/server/perf.h"
#include "scmi/server/pinctrl.h"
#include "scmi/server/power.h"
#include "scmi/server/powercap.h"
#include "scmi/server/reset.h"
#include "scmi/server/sensor.h"
#include "scmi/server/server.h"
#include "scmi/server/system.h"
#include "scmi/server/voltage.h"
#include "dtb_expect.h"
#include "dtb_util.h"
#include "edges_fixture.h"

/* PINCTRL_SETTINGS_GET of one configuration takes no skip count: INVALID_PARAMETERS. */
static void test_pinctrl_get_one_with_skip(void **state)
{
	struct edges_fx *f = *state;
	/* The flag field left 0 is SCMI_PINCTRL_GET_ONE. */
	const uint32_t skip[2] = {0, 1u << SCMI_PINCTRL_GET_SKIP_SHIFT};

	assert_int_equal(SCMI_PINCTRL_GET_FLAG(skip[1]), SCMI_PINCTRL_GET_ONE);

	assert_int_equal(edges_call(f, 0x19, SCMI_MSG_PINCTRL_SETTINGS_GET, skip, 2),
			 SCMI_INVALID_PARAMETERS);
	assert_int_equal(f->len, 4);
}

/*
 * SENSOR_CONFIG_SET asking for timestamps of a sensor that has none: INVALID_PARAMETERS,
 * while the same request without the bit is served.
 */
static void test_sensor_timestamp_without_one(void **state)
{
	struct edges_fx *f = *state;
	void *fdt = dtb_editable();
	const uint32_t with_ts[2] = {0, SCMI_SENSOR_CONFIG_ENABLE | SCMI_SENSOR_CONFIG_TIMESTAMP};
	const uint32_t without[2] = {0, SCMI_SENSOR_CONFIG_ENABLE};

	dtb_set_raw(fdt, "/scmi-platform/protocols/protocol@15/sensor@0", "no-timestamp", "", 0);
	edges_reload(f, fdt);
	assert_int_equal(edges_call(f, 0x15, SCMI_MSG_SENSOR_CONFIG_SET, with_ts, 2),
			 SCMI_INVALID_PARAMETERS);
	assert_int_equal(edges_call(f, 0x15, SCMI_MSG_SENSOR_CONFIG_SET, without, 2), SCMI_SUCCESS);
}

/* Every protocol exposed with an ops table of no callbacks at all. */
static const struct scmi_server_power_ops no_power;
static const struct scmi_server_system_ops no_system;
static const struct scmi_server_perf_ops no_perf;
static const struct scmi_server_clock_ops no_clock;
static const struct scmi_server_sensor_ops no_sensor;
static const struct scmi_server_reset_ops no_reset;
static const struct scmi_server_voltage_ops no_voltage;
static const struct scmi_server_powercap_ops no_powercap;
static const struct scmi_server_pinctrl_ops no_pinctrl;

/*
 * What each command of each protocol answers when the platform gave the protocol no callback:
 * the protocol, the message, the exact payload it takes (zeros), the status. With no
 * resource, every command naming one finds none (NOT_FOUND, as does an unknown message);
 * System has nothing to support; LIST_ASSOCIATIONS of a pin is refused before any lookup
 * (only groups and functions have associations); SENSOR_DESCRIPTION_GET lists no sensor.
 */
static const struct empty_case {
	uint8_t proto, msg;
	uint8_t size;
	int32_t status;
} empty_cases[] = {
    {0x11, 0x3, 4, SCMI_NOT_FOUND},	{0x11, 0x4, 12, SCMI_NOT_FOUND},
    {0x11, 0x5, 4, SCMI_NOT_FOUND},	{0x11, 0x6, 8, SCMI_NOT_FOUND},
    {0x11, 0x7, 8, SCMI_NOT_FOUND},	{0x11, 0x8, 4, SCMI_NOT_FOUND},
    {0x11, 0x9, 0, SCMI_NOT_FOUND},	{0x11, 0xa, 0, SCMI_NOT_FOUND},
    {0x11, 0xb, 0, SCMI_NOT_FOUND},	{0x11, 0xc, 0, SCMI_NOT_FOUND},
    {0x11, 0xd, 0, SCMI_NOT_FOUND},	{0x11, 0xe, 0, SCMI_NOT_FOUND},
    {0x11, 0xf, 0, SCMI_NOT_FOUND},	{0x12, 0x3, 8, SCMI_NOT_SUPPORTED},
    {0x12, 0x4, 0, SCMI_NOT_SUPPORTED}, {0x12, 0x5, 4, SCMI_NOT_SUPPORTED},
    {0x12, 0x6, 0, SCMI_NOT_FOUND},	{0x12, 0x7, 0, SCMI_NOT_FOUND},
    {0x12, 0x8, 0, SCMI_NOT_FOUND},	{0x12, 0x9, 0, SCMI_NOT_FOUND},
    {0x12, 0xa, 0, SCMI_NOT_FOUND},	{0x12, 0xb, 0, SCMI_NOT_FOUND},
    {0x12, 0xc, 0, SCMI_NOT_FOUND},	{0x12, 0xd, 0, SCMI_NOT_FOUND},
    {0x12, 0xe, 0, SCMI_NOT_FOUND},	{0x12, 0xf, 0, SCMI_NOT_FOUND},
    {0x13, 0x3, 4, SCMI_NOT_FOUND},	{0x13, 0x4, 8, SCMI_NOT_FOUND},
    {0x13, 0x5, 12, SCMI_NOT_FOUND},	{0x13, 0x6, 4, SCMI_NOT_FOUND},
    {0x13, 0x7, 8, SCMI_NOT_FOUND},	{0x13, 0x8, 4, SCMI_NOT_FOUND},
    {0x13, 0x9, 8, SCMI_NOT_FOUND},	{0x13, 0xa, 8, SCMI_NOT_FOUND},
    {0x13, 0xb, 8, SCMI_NOT_FOUND},	{0x13, 0xc, 4, SCMI_NOT_FOUND},
    {0x13, 0xd, 0, SCMI_NOT_FOUND},	{0x13, 0xe, 0, SCMI_NOT_FOUND},
    {0x13, 0xf, 0, SCMI_NOT_FOUND},	{0x14, 0x3, 4, SCMI_NOT_FOUND},
    {0x14, 0x4, 8, SCMI_NOT_FOUND},	{0x14, 0x5, 16, SCMI_NOT_FOUND},
    {0x14, 0x6, 4, SCMI_NOT_FOUND},	{0x14, 0x7, 12, SCMI_NOT_FOUND},
    {0x14, 0x8, 4, SCMI_NOT_FOUND},	{0x14, 0x9, 8, SCMI_NOT_FOUND},
    {0x14, 0xa, 8, SCMI_NOT_FOUND},	{0x14, 0xb, 8, SCMI_NOT_FOUND},
    {0x14, 0xc, 8, SCMI_NOT_FOUND},	{0x14, 0xd, 8, SCMI_NOT_FOUND},
    {0x14, 0xe, 4, SCMI_NOT_FOUND},	{0x14, 0xf, 4, SCMI_NOT_FOUND},
    {0x15, 0x3, 4, SCMI_SUCCESS},	{0x15, 0x4, 8, SCMI_NOT_FOUND},
    {0x15, 0x5, 16, SCMI_NOT_FOUND},	{0x15, 0x6, 8, SCMI_NOT_FOUND},
    {0x15, 0x7, 8, SCMI_NOT_FOUND},	{0x15, 0x8, 8, SCMI_NOT_FOUND},
    {0x15, 0x9, 4, SCMI_NOT_FOUND},	{0x15, 0xa, 8, SCMI_NOT_FOUND},
    {0x15, 0xb, 8, SCMI_NOT_FOUND},	{0x15, 0xc, 4, SCMI_NOT_FOUND},
    {0x15, 0xd, 8, SCMI_NOT_FOUND},	{0x15, 0xe, 0, SCMI_NOT_FOUND},
    {0x15, 0xf, 0, SCMI_NOT_FOUND},	{0x16, 0x3, 4, SCMI_NOT_FOUND},
    {0x16, 0x4, 12, SCMI_NOT_FOUND},	{0x16, 0x5, 8, SCMI_NOT_FOUND},
    {0x16, 0x6, 4, SCMI_NOT_FOUND},	{0x16, 0x7, 0, SCMI_NOT_FOUND},
    {0x16, 0x8, 0, SCMI_NOT_FOUND},	{0x16, 0x9, 0, SCMI_NOT_FOUND},
    {0x16, 0xa, 0, SCMI_NOT_FOUND},	{0x16, 0xb, 0, SCMI_NOT_FOUND},
    {0x16, 0xc, 0, SCMI_NOT_FOUND},	{0x16, 0xd, 0, SCMI_NOT_FOUND},
    {0x16, 0xe, 0, SCMI_NOT_FOUND},	{0x16, 0xf, 0, SCMI_NOT_FOUND},
    {0x17, 0x3, 4, SCMI_NOT_FOUND},	{0x17, 0x4, 8, SCMI_NOT_FOUND},
    {0x17, 0x5, 8, SCMI_NOT_FOUND},	{0x17, 0x6, 4, SCMI_NOT_FOUND},
    {0x17, 0x7, 12, SCMI_NOT_FOUND},	{0x17, 0x8, 4, SCMI_NOT_FOUND},
    {0x17, 0x9, 4, SCMI_NOT_FOUND},	{0x17, 0xa, 0, SCMI_NOT_FOUND},
    {0x17, 0xb, 0, SCMI_NOT_FOUND},	{0x17, 0xc, 0, SCMI_NOT_FOUND},
    {0x17, 0xd, 0, SCMI_NOT_FOUND},	{0x17, 0xe, 0, SCMI_NOT_FOUND},
    {0x17, 0xf, 0, SCMI_NOT_FOUND},	{0x18, 0x3, 4, SCMI_NOT_FOUND},
    {0x18, 0x4, 4, SCMI_NOT_FOUND},	{0x18, 0x5, 12, SCMI_NOT_FOUND},
    {0x18, 0x6, 4, SCMI_NOT_FOUND},	{0x18, 0x7, 12, SCMI_NOT_FOUND},
    {0x18, 0x8, 4, SCMI_NOT_FOUND},	{0x18, 0x9, 4, SCMI_NOT_FOUND},
    {0x18, 0xa, 8, SCMI_NOT_FOUND},	{0x18, 0xb, 16, SCMI_NOT_FOUND},
    {0x18, 0xc, 8, SCMI_NOT_FOUND},	{0x18, 0xd, 0, SCMI_NOT_FOUND},
    {0x18, 0xe, 0, SCMI_NOT_FOUND},	{0x18, 0xf, 0, SCMI_NOT_FOUND},
    {0x19, 0x3, 8, SCMI_NOT_FOUND},	{0x19, 0x4, 12, SCMI_INVALID_PARAMETERS},
    {0x19, 0x5, 8, SCMI_NOT_FOUND},	{0x19, 0x6, 12, SCMI_NOT_FOUND},
    {0x19, 0x7, 8, SCMI_NOT_FOUND},	{0x19, 0x8, 8, SCMI_NOT_FOUND},
    {0x19, 0x9, 8, SCMI_NOT_FOUND},	{0x19, 0xa, 12, SCMI_NOT_FOUND},
    {0x19, 0xb, 0, SCMI_NOT_FOUND},	{0x19, 0xc, 0, SCMI_NOT_FOUND},
    {0x19, 0xd, 0, SCMI_NOT_FOUND},	{0x19, 0xe, 0, SCMI_NOT_FOUND},
    {0x19, 0xf, 0, SCMI_NOT_FOUND},
};

/* No callback is ever called through NULL, and each answer is the exact status, nothing more. */
static void test_protocols_without_callbacks(void **state)
{
	struct edges_fx *f = *state;
	struct scmi_server_platform_ops ops = *sim_platform_ops();

	ops.power = &no_power;
	ops.system = &no_system;
	ops.perf = &no_perf;
	ops.clock = &no_clock;
	ops.sensor = &no_sensor;
	ops.reset = &no_reset;
	ops.voltage = &no_voltage;
	ops.powercap = &no_powercap;
	ops.pinctrl = &no_pinctrl;
	scmi_server_init(&f->srv, &ops, f->p);
	for (size_t i = 0; i < sizeof(empty_cases) / sizeof(empty_cases[0]); i++) {
		const struct empty_case *c = &empty_cases[i];
		const uint32_t zeros[8] = {0};

		if (edges_call(f, c->proto, c->msg, zeros, c->size / 4u) != c->status)
			fail_msg("protocol 0x%x message 0x%x: %d, not %d", c->proto, c->msg,
				 (int)scmi_get_le32(f->rsp), (int)c->status);
		/* Only the sensor list carries anything (its empty page). */
		if (c->status == SCMI_SUCCESS)
			assert_int_equal(f->len, 8);
		else
			assert_int_equal(f->len, 4);
		/* The exact size: a word less is a protocol error. */
		if (c->size)
			assert_int_equal(edges_call(f, c->proto, c->msg, zeros, c->size / 4u - 1u),
					 SCMI_PROTOCOL_ERROR);
	}
	/* PROTOCOL_ATTRIBUTES: each protocol but System counts no resource. */
	for (uint8_t proto = 0x11; proto <= 0x19; proto++) {
		assert_int_equal(edges_call(f, proto, 0x1, NULL, 0), SCMI_SUCCESS);
		if (proto != 0x12)
			assert_int_equal(scmi_get_le32(f->rsp + 4) & 0xffffu, 0);
	}
}

/* Sensor's PROTOCOL_ATTRIBUTES: no shared-memory statistics region, all three words 0. */
static void test_sensor_no_statistics(void **state)
{
	struct edges_fx *f = *state;

	assert_int_equal(edges_call(f, 0x15, 0x1, NULL, 0), SCMI_SUCCESS);
	assert_int_equal(f->len, 20);
	assert_int_equal(scmi_get_le32(f->rsp + 8), 0);
	assert_int_equal(scmi_get_le32(f->rsp + 12), 0);
	assert_int_equal(scmi_get_le32(f->rsp + 16), 0);
}

/* A reply room smaller than the status word gets nothing at all. */
static void test_room_below_the_status(void **state)
{
	struct edges_fx *f = *state;
	uint8_t out[4] = {0xa5, 0xa5, 0xa5, 0xa5};

	assert_int_equal(
	    scmi_server_process_raw(&f->srv, 0, scmi_hdr_make(0x10, 0x0, 0, 1), NULL, 0, out, 3),
	    0);
	assert_int_equal(out[0], 0xa5);
	/* Room for the status alone: the status alone. */
	assert_int_equal(
	    scmi_server_process_raw(&f->srv, 0, scmi_hdr_make(0x10, 0x0, 0, 1), NULL, 0, out, 4),
	    4);
}

static const struct scmi_server_sensor_ops *real_sensor;

/* The sim's reading, one value short. */
static int32_t short_read(void *plat, uint32_t agent_id, uint32_t id,
			  struct scmi_server_sensor_reading *r, uint32_t max, uint32_t *n)
{
	int32_t st = real_sensor->read(plat, agent_id, id, r, max, n);

	if (st == SCMI_SUCCESS && *n)
		(*n)--;
	return st;
}

/* A platform giving fewer readings than the sensor has axes: an error, not a short reply. */
static void test_sensor_short_read(void **state)
{
	struct edges_fx *f = *state;
	struct scmi_server_platform_ops ops = *sim_platform_ops();
	struct scmi_server_sensor_ops sensor;
	const uint32_t scalar[2] = {0, 0}, axes[2] = {8, 0};

	real_sensor = ops.sensor;
	sensor = *real_sensor;
	sensor.read = short_read;
	ops.sensor = &sensor;
	scmi_server_init(&f->srv, &ops, f->p);
	assert_int_equal(edges_call(f, 0x15, SCMI_MSG_SENSOR_READING_GET, scalar, 2),
			 SCMI_GENERIC_ERROR);
	assert_int_equal(f->len, 4);
	assert_int_equal(edges_call(f, 0x15, SCMI_MSG_SENSOR_READING_GET, axes, 2),
			 SCMI_GENERIC_ERROR);
	assert_int_equal(f->len, 4);
}

static const struct scmi_server_clock_ops *real_clock;

/* The sim's clocks, whose descriptions all fail. */
static int32_t failing_info(void *plat, uint32_t agent_id, uint32_t id,
			    struct scmi_server_clock_info *info)
{
	(void)plat;
	(void)agent_id;
	(void)id;
	(void)info;
	return SCMI_HARDWARE_ERROR;
}

/*
 * An asynchronous CLOCK_RATE_SET defers its answer by the clock's enable latency; when the
 * platform cannot describe the clock, by none (0 us), not by some other guess.
 */
static void test_async_rate_latency_without_info(void **state)
{
	struct edges_fx *f = *state;
	struct scmi_server_platform_ops ops = *sim_platform_ops();
	struct scmi_server_clock_ops clock;
	struct scmi_server_delayed d;
	uint8_t in[16], out[64];
	const uint64_t hz = 24000000;

	real_clock = ops.clock;
	clock = *real_clock;
	clock.info = failing_info;
	ops.clock = &clock;
	scmi_server_init(&f->srv, &ops, f->p);
	scmi_server_set_p2a(&f->srv, &edges_p2a, NULL);
	scmi_put_le32(in, SCMI_CLOCK_RATE_ASYNC);
	scmi_put_le32(in + 4, 0); /* osc24m runs at 24 MHz: the same rate is accepted */
	scmi_put_le32(in + 8, (uint32_t)hz);
	scmi_put_le32(in + 12, (uint32_t)(hz >> 32));
	memset(&d, 0xa5, sizeof(d));
	assert_true(scmi_server_process_p2a(&f->srv, 0,
					    scmi_hdr_make(0x14, SCMI_MSG_CLOCK_RATE_SET, 0, 1), in,
					    sizeof(in), out, sizeof(out), &d) >= 4);
	assert_int_equal(scmi_get_le32(out), SCMI_SUCCESS);
	assert_true(d.pending);
	assert_int_equal(d.latency_us, 0);
}

/* A clock that a platform describes by its name alone, leaving every other field unwritten. */
static int32_t name_only_info(void *plat, uint32_t agent_id, uint32_t id,
			      struct scmi_server_clock_info *info)
{
	(void)plat;
	(void)agent_id;
	(void)id;
	strcpy(info->name, "bare");
	return SCMI_SUCCESS;
}

/*
 * CLOCK_ATTRIBUTES of a clock whose info op writes only its name: the fields it left read
 * as zero (not enabled, no parents, latency unknown), never as what the stack held.
 */
static void test_clock_info_unwritten_fields(void **state)
{
	struct edges_fx *f = *state;
	struct scmi_server_platform_ops ops = *sim_platform_ops();
	struct scmi_server_clock_ops clock;
	const uint32_t id = 0;
	uint32_t attr;

	real_clock = ops.clock;
	clock = *real_clock;
	clock.info = name_only_info;
	ops.clock = &clock;
	scmi_server_init(&f->srv, &ops, f->p);
	assert_int_equal(edges_call(f, 0x14, SCMI_MSG_CLOCK_ATTRIBUTES, &id, 1), SCMI_SUCCESS);
	assert_int_equal(f->len, 4 + sizeof(struct scmi_clock_attributes_p2a));
	attr = scmi_get_le32(f->rsp + 4);
	assert_int_equal(attr & SCMI_CLOCK_ATTR_ENABLED, 0);
	assert_int_equal(attr & SCMI_CLOCK_ATTR_PARENTS, 0);
	assert_string_equal((const char *)f->rsp + 8, "bare");
	assert_int_equal(
	    scmi_get_le32(f->rsp + 4 + offsetof(struct scmi_clock_attributes_p2a, enable_latency)),
	    0);
}

/* An info op giving a name of the longest length the reply carries: 63 characters. */
static int32_t longest_name_info(void *plat, uint32_t agent_id, uint32_t id,
				 struct scmi_server_clock_info *info)
{
	(void)plat;
	(void)agent_id;
	(void)id;
	memset(info->name, 'n', sizeof(info->name) - 1);
	info->name[sizeof(info->name) - 1] = '\0';
	return SCMI_SUCCESS;
}

/* CLOCK_NAME_GET carries a name of 63 characters whole, NUL-terminated in its 64 bytes. */
static void test_clock_name_of_63(void **state)
{
	struct edges_fx *f = *state;
	struct scmi_server_platform_ops ops = *sim_platform_ops();
	struct scmi_server_clock_ops clock;
	const uint32_t id = 0;
	const char *name;

	clock = *ops.clock;
	clock.info = longest_name_info;
	ops.clock = &clock;
	scmi_server_init(&f->srv, &ops, f->p);
	assert_int_equal(edges_call(f, 0x14, SCMI_MSG_CLOCK_NAME_GET, &id, 1), SCMI_SUCCESS);
	assert_int_equal(f->len, 4 + sizeof(struct scmi_name_get_p2a));
	name = (const char *)f->rsp + 4 + offsetof(struct scmi_name_get_p2a, name);
	assert_int_equal(strnlen(name, SCMI_EXT_NAME_SIZE), SCMI_EXT_NAME_SIZE - 1);
	assert_int_equal(name[0], 'n');
}

/* A parents op claiming more parents than a page's 24-bit "remaining" field can say. */
static int32_t too_many_parents(void *plat, uint32_t agent_id, uint32_t id, uint32_t skip,
				uint32_t *ids, uint32_t max, uint32_t *total)
{
	(void)plat;
	(void)agent_id;
	(void)id;
	(void)skip;
	for (uint32_t i = 0; i < max; i++)
		ids[i] = 0;
	*total = max + SCMI_CLOCK_PARENTS_REMAINING_MAX + 1;
	return SCMI_SUCCESS;
}

/*
 * CLOCK_POSSIBLE_PARENTS_GET when the rest cannot be encoded: the platform is at fault,
 * GENERIC_ERROR and nothing else.
 */
static void test_clock_parents_remaining_too_many(void **state)
{
	struct edges_fx *f = *state;
	struct scmi_server_platform_ops ops = *sim_platform_ops();
	struct scmi_server_clock_ops clock;
	const uint32_t args[2] = {0, 0};

	clock = *ops.clock;
	clock.parents = too_many_parents;
	ops.clock = &clock;
	scmi_server_init(&f->srv, &ops, f->p);
	assert_int_equal(edges_call(f, 0x14, SCMI_MSG_CLOCK_POSSIBLE_PARENTS_GET, args, 2),
			 SCMI_GENERIC_ERROR);
	assert_int_equal(f->len, 4);
}

static const struct scmi_server_perf_ops *real_perf;
static const struct scmi_server_voltage_ops *real_voltage;

/* A platform op that fails with a status of its own, which the reply must carry as it is. */
static int32_t failing_limits(void *plat, uint32_t agent_id, uint32_t id, uint32_t *max,
			      uint32_t *min)
{
	(void)plat;
	(void)agent_id;
	(void)id;
	/* What a failing platform leaves there must not reach the agent. */
	*max = 1;
	*min = 2;
	return SCMI_HARDWARE_ERROR;
}

static int32_t failing_voltage_get(void *plat, uint32_t agent_id, uint32_t id, int32_t *uv)
{
	(void)plat;
	(void)agent_id;
	(void)id;
	*uv = 1;
	return SCMI_HARDWARE_ERROR;
}

/* PERF_LIMITS_GET: a platform failing to read the limits gives its own status, no payload. */
static void test_perf_limits_get_fails(void **state)
{
	struct edges_fx *f = *state;
	struct scmi_server_platform_ops ops = *sim_platform_ops();
	struct scmi_server_perf_ops perf;
	const uint32_t dom = 0;

	assert_int_equal(edges_call(f, 0x13, SCMI_MSG_PERF_LIMITS_GET, &dom, 1), SCMI_SUCCESS);
	real_perf = ops.perf;
	perf = *real_perf;
	perf.limits_get = failing_limits;
	ops.perf = &perf;
	scmi_server_init(&f->srv, &ops, f->p);
	assert_int_equal(edges_call(f, 0x13, SCMI_MSG_PERF_LIMITS_GET, &dom, 1),
			 SCMI_HARDWARE_ERROR);
	assert_int_equal(f->len, 4);
}

/* Domain 0 as the sim has it, with fast channels whatever the DT says. */
static int32_t fc_domain(void *plat, uint32_t agent_id, uint32_t id,
			 struct scmi_server_perf_domain *out)
{
	int32_t st = real_perf->domain(plat, agent_id, id, out);

	out->fastchannels = true;
	return st;
}

static uint8_t fc_db_width;

/* A SET channel with a doorbell fc_db_width wide (8 << width bits). */
static int32_t fc_with_doorbell(void *plat, uint32_t agent_id, uint32_t id, uint32_t msg_id,
				struct scmi_server_fastchannel *out)
{
	(void)plat;
	(void)agent_id;
	(void)id;
	(void)msg_id;
	out->addr = 0x1000;
	out->size = 4;
	out->doorbell = true;
	out->db_width = fc_db_width;
	out->db_addr = 0x2000;
	out->db_set = 1;
	return SCMI_SUCCESS;
}

/*
 * DESCRIBE_FASTCHANNEL: a doorbell of 64 bits (width 3) is described; one the platform says
 * is wider cannot be encoded, and the platform is at fault: GENERIC_ERROR, nothing else.
 */
static void test_fastchannel_doorbell_too_wide(void **state)
{
	struct edges_fx *f = *state;
	struct scmi_server_platform_ops ops = *sim_platform_ops();
	struct scmi_server_perf_ops perf;
	const uint32_t args[2] = {0, SCMI_MSG_PERF_LEVEL_SET};

	real_perf = ops.perf;
	perf = *real_perf;
	perf.domain = fc_domain;
	perf.fastchannel = fc_with_doorbell;
	ops.perf = &perf;
	scmi_server_init(&f->srv, &ops, f->p);
	fc_db_width = SCMI_PERF_FC_DOORBELL_WIDTH_MAX;
	assert_int_equal(edges_call(f, 0x13, SCMI_MSG_PERF_DESCRIBE_FASTCHANNEL, args, 2),
			 SCMI_SUCCESS);
	assert_int_equal(scmi_get_le32(f->rsp + 4),
			 SCMI_PERF_FC_DOORBELL | (SCMI_PERF_FC_DOORBELL_WIDTH_MAX
						  << SCMI_PERF_FC_DOORBELL_WIDTH_SHIFT));
	fc_db_width = SCMI_PERF_FC_DOORBELL_WIDTH_MAX + 1u;
	assert_int_equal(edges_call(f, 0x13, SCMI_MSG_PERF_DESCRIBE_FASTCHANNEL, args, 2),
			 SCMI_GENERIC_ERROR);
	assert_int_equal(f->len, 4);
}

/* VOLTAGE_LEVEL_GET: the platform's failure is the reply's status, with no level. */
static void test_voltage_level_get_fails(void **state)
{
	struct edges_fx *f = *state;
	struct scmi_server_platform_ops ops = *sim_platform_ops();
	struct scmi_server_voltage_ops voltage;
	const uint32_t dom = 0;

	assert_int_equal(edges_call(f, 0x17, SCMI_MSG_VOLTAGE_LEVEL_GET, &dom, 1), SCMI_SUCCESS);
	real_voltage = ops.voltage;
	voltage = *real_voltage;
	voltage.level_get = failing_voltage_get;
	ops.voltage = &voltage;
	scmi_server_init(&f->srv, &ops, f->p);
	assert_int_equal(edges_call(f, 0x17, SCMI_MSG_VOLTAGE_LEVEL_GET, &dom, 1),
			 SCMI_HARDWARE_ERROR);
	assert_int_equal(f->len, 4);
}

/*
 * An asynchronous VOLTAGE_LEVEL_SET whose level cannot be read back once set: the delayed
 * response says GENERIC_ERROR (the platform's fault, not the agent's), and carries nothing.
 */
static void test_voltage_async_readback_fails(void **state)
{
	struct edges_fx *f = *state;
	struct scmi_server_platform_ops ops = *sim_platform_ops();
	struct scmi_server_voltage_ops voltage;
	struct scmi_server_delayed d;
	const uint32_t dom = 0;
	uint8_t in[12], out[64];
	uint32_t uv;

	assert_int_equal(edges_call(f, 0x17, SCMI_MSG_VOLTAGE_LEVEL_GET, &dom, 1), SCMI_SUCCESS);
	uv = scmi_get_le32(f->rsp + 4);
	real_voltage = ops.voltage;
	voltage = *real_voltage;
	voltage.level_get = failing_voltage_get;
	ops.voltage = &voltage;
	scmi_server_init(&f->srv, &ops, f->p);
	scmi_server_set_p2a(&f->srv, &edges_p2a, NULL);
	scmi_put_le32(in, dom);
	scmi_put_le32(in + 4, SCMI_VOLTAGE_LEVEL_SET_ASYNC);
	scmi_put_le32(in + 8, uv); /* the level it runs at is one of its levels */
	memset(&d, 0xa5, sizeof(d));
	assert_true(scmi_server_process_p2a(&f->srv, 0,
					    scmi_hdr_make(0x17, SCMI_MSG_VOLTAGE_LEVEL_SET, 0, 1),
					    in, sizeof(in), out, sizeof(out), &d) >= 4);
	assert_int_equal(scmi_get_le32(out), SCMI_SUCCESS);
	assert_true(d.pending);
	assert_int_equal(d.len, 4);
	assert_int_equal((int32_t)scmi_get_le32(d.payload), SCMI_GENERIC_ERROR);
}

/* RESET_DOMAIN_NAME_GET of a 15-character short name (no extended one): all 15 come back. */
static void test_reset_name_of_15(void **state)
{
	struct edges_fx *f = *state;
	void *fdt = dtb_editable();
	const uint32_t dom = 0;

	dtb_set_str(fdt, "/scmi-platform/protocols/protocol@16/domain@0", "domain-name",
		    "abcdefghijklmno");
	edges_reload(f, fdt);
	assert_int_equal(edges_call(f, 0x16, SCMI_MSG_RESET_DOMAIN_NAME_GET, &dom, 1),
			 SCMI_SUCCESS);
	assert_string_equal((const char *)f->rsp + 8, "abcdefghijklmno");
}

/*
 * POWERCAP_DOMAIN_ATTRIBUTES of a zone with a 15-character name (no extended one): all 15 in
 * the short field, NUL-terminated.
 */
static void test_powercap_name_of_15(void **state)
{
	struct edges_fx *f = *state;
	void *fdt = dtb_editable();
	const uint32_t zone = 0;

	dtb_set_str(fdt, "/scmi-platform/protocols/protocol@18/zone@0", "zone-name",
		    "abcdefghijklmno");
	edges_reload(f, fdt);
	assert_int_equal(edges_call(f, 0x18, SCMI_MSG_POWERCAP_DOMAIN_ATTRIBUTES, &zone, 1),
			 SCMI_SUCCESS);
	assert_int_equal(scmi_get_le32(f->rsp + 4) & SCMI_POWERCAP_ATTR_EXT_NAME, 0);
	assert_string_equal((const char *)f->rsp + 8, "abcdefghijklmno");
}

/* A segment wider than 2^31 uV end to end: -2 V to 2 V in steps of 1 V. */
static int32_t wide_info(void *plat, uint32_t agent_id, uint32_t id,
			 struct scmi_server_voltage_info *info)
{
	(void)plat;
	(void)agent_id;
	if (id)
		return SCMI_NOT_FOUND;
	strcpy(info->name, "wide");
	info->segmented = true;
	info->num_levels = 3;
	return SCMI_SUCCESS;
}

static int32_t wide_level_at(void *plat, uint32_t agent_id, uint32_t id, uint32_t index,
			     int32_t *uv)
{
	static const int32_t segment[3] = {-2000000000, 2000000000, 1000000000};

	(void)plat;
	(void)agent_id;
	(void)id;
	if (index >= 3)
		return SCMI_NOT_FOUND;
	*uv = segment[index];
	return SCMI_SUCCESS;
}

static int32_t wide_set;

static int32_t wide_level_set(void *plat, uint32_t agent_id, uint32_t id, int32_t uv)
{
	(void)plat;
	(void)agent_id;
	(void)id;
	wide_set = uv;
	return SCMI_SUCCESS;
}

/*
 * VOLTAGE_LEVEL_SET on a segment whose levels lie more than 2^31 uV from its minimum: the
 * step grid still holds there (the distance does not wrap), and a level off it is refused.
 */
static void test_voltage_wide_segment(void **state)
{
	struct edges_fx *f = *state;
	struct scmi_server_platform_ops ops = *sim_platform_ops();
	struct scmi_server_voltage_ops voltage = *ops.voltage;
	uint32_t args[3] = {0, 0, 0};

	voltage.info = wide_info;
	voltage.level_at = wide_level_at;
	voltage.level_set = wide_level_set;
	ops.voltage = &voltage;
	scmi_server_init(&f->srv, &ops, f->p);
	args[2] = 2000000000u;
	wide_set = 0;
	assert_int_equal(edges_call(f, 0x17, SCMI_MSG_VOLTAGE_LEVEL_SET, args, 3), SCMI_SUCCESS);
	assert_int_equal(wide_set, 2000000000);
	args[2] = (uint32_t)-1000000000;
	assert_int_equal(edges_call(f, 0x17, SCMI_MSG_VOLTAGE_LEVEL_SET, args, 3), SCMI_SUCCESS);
	assert_int_equal(wide_set, -1000000000);
	wide_set = 0;
	args[2] = 1500000000u;
	assert_int_equal(edges_call(f, 0x17, SCMI_MSG_VOLTAGE_LEVEL_SET, args, 3),
			 SCMI_INVALID_PARAMETERS);
	args[2] = (uint32_t)-1999999999;
	assert_int_equal(edges_call(f, 0x17, SCMI_MSG_VOLTAGE_LEVEL_SET, args, 3),
			 SCMI_INVALID_PARAMETERS);
	assert_int_equal(wide_set, 0);
}

/*
 * POWERCAP_DOMAIN_ATTRIBUTES leaves the reserved bits (21:0) of its attributes zero, for
 * every zone the agent sees: only the flags the specification names are ever set.
 */
static void test_powercap_attributes_reserved(void **state)
{
	struct edges_fx *f = *state;
	uint32_t zone = 0;

	while (edges_call(f, 0x18, SCMI_MSG_POWERCAP_DOMAIN_ATTRIBUTES, &zone, 1) == SCMI_SUCCESS) {
		assert_true(f->len >= 8);
		assert_int_equal(scmi_get_le32(f->rsp + 4) & (SCMI_POWERCAP_ATTR_FASTCHANNEL - 1u),
				 0);
		zone++;
	}
	assert_true(zone > 0);
}

/* Clock 0 that the platform says exists and describes with nothing written (no name). */
static int32_t blank_clock_info(void *plat, uint32_t agent_id, uint32_t id,
				struct scmi_server_clock_info *info)
{
	(void)plat;
	(void)agent_id;
	(void)info;
	return id == 0 ? SCMI_SUCCESS : SCMI_NOT_FOUND;
}

// NOLINTNEXTLINE(readability-non-const-parameter): the rate_get op's signature
static int32_t blank_rate_get(void *plat, uint32_t agent_id, uint32_t id, uint64_t *hz)
{
	(void)plat;
	(void)agent_id;
	(void)hz;
	return id == 0 ? SCMI_SUCCESS : SCMI_NOT_FOUND;
}

/* A rate list longer than the 16-bit count of rates remaining can say. */
static int32_t too_many_rates(void *plat, uint32_t agent_id, uint32_t id, uint32_t first,
			      uint64_t *rates, uint32_t max, struct scmi_server_clock_rates *r)
{
	uint32_t i;

	(void)plat;
	(void)agent_id;
	(void)id;
	for (i = 0; i < max; i++)
		rates[i] = 1000 + first + i;
	r->range = false;
	r->count = 0x20000;
	return SCMI_SUCCESS;
}

/*
 * What a clock platform leaves unwritten reads as zero: an empty name is sixteen zero bytes
 * in CLOCK_ATTRIBUTES, a rate never written is 0 Hz (in RATE_GET and in an asynchronous
 * RATE_SET's delayed response). A rate list whose remaining count does
 * not fit its field is GENERIC_ERROR, not a lie.
 */
static void test_clock_ops_leave_fields(void **state)
{
	struct edges_fx *f = *state;
	struct scmi_server_platform_ops ops = *sim_platform_ops();
	struct scmi_server_clock_ops clock = *ops.clock;
	static const uint8_t zero[SCMI_SHORT_NAME_SIZE];
	const uint32_t id = 0, describe[2] = {0, 0};
	struct scmi_server_delayed d;
	uint8_t in[16], out[64];

	clock.info = blank_clock_info;
	clock.rate_get = blank_rate_get;
	clock.describe = too_many_rates;
	ops.clock = &clock;
	scmi_server_init(&f->srv, &ops, f->p);
	assert_int_equal(edges_call(f, 0x14, SCMI_MSG_CLOCK_ATTRIBUTES, &id, 1), SCMI_SUCCESS);
	assert_memory_equal(f->rsp + 8, zero, sizeof(zero));
	assert_int_equal(edges_call(f, 0x14, SCMI_MSG_CLOCK_RATE_GET, &id, 1), SCMI_SUCCESS);
	assert_int_equal(f->len, 12);
	assert_int_equal(scmi_get_le32(f->rsp + 4), 0);
	assert_int_equal(scmi_get_le32(f->rsp + 8), 0);
	assert_int_equal(edges_call(f, 0x14, SCMI_MSG_CLOCK_DESCRIBE_RATES, describe, 2),
			 SCMI_GENERIC_ERROR);
	assert_int_equal(f->len, 4);
	/* The delayed response of an asynchronous RATE_SET carries the rate read after: 0 too. */
	scmi_server_set_p2a(&f->srv, &edges_p2a, NULL);
	scmi_put_le32(in, SCMI_CLOCK_RATE_ASYNC);
	scmi_put_le32(in + 4, 0); /* osc24m runs at 24 MHz: the same rate is accepted */
	scmi_put_le32(in + 8, 24000000);
	scmi_put_le32(in + 12, 0);
	memset(&d, 0xa5, sizeof(d));
	assert_true(scmi_server_process_p2a(&f->srv, 0,
					    scmi_hdr_make(0x14, SCMI_MSG_CLOCK_RATE_SET, 0, 1), in,
					    sizeof(in), out, sizeof(out), &d) >= 4);
	assert_int_equal(scmi_get_le32(out), SCMI_SUCCESS);
	assert_true(d.pending);
	assert_int_equal(d.len, 4 + 4 + 8);
	assert_int_equal(scmi_get_le32(d.payload), SCMI_SUCCESS);
	assert_int_equal(scmi_get_le32(d.payload + 4), 0);
	assert_int_equal(scmi_get_le32(d.payload + 8), 0);
	assert_int_equal(scmi_get_le32(d.payload + 12), 0);
}

/*
 * DESCRIBE_RATES with no room for even the rate count after the status: PROTOCOL_ERROR for a
 * clock the agent has, NOT_FOUND first for one it has not.
 */
static void test_clock_describe_without_room(void **state)
{
	struct edges_fx *f = *state;
	uint8_t in[8] = {0}, out[8];
	size_t n;

	n = scmi_server_process_raw(&f->srv, 0,
				    scmi_hdr_make(0x14, SCMI_MSG_CLOCK_DESCRIBE_RATES, 0, 1), in,
				    sizeof(in), out, 7);
	assert_int_equal(n, 4);
	assert_int_equal((int32_t)scmi_get_le32(out), SCMI_PROTOCOL_ERROR);
	scmi_put_le32(in, 9999);
	n = scmi_server_process_raw(&f->srv, 0,
				    scmi_hdr_make(0x14, SCMI_MSG_CLOCK_DESCRIBE_RATES, 0, 1), in,
				    sizeof(in), out, 7);
	assert_int_equal(n, 4);
	assert_int_equal((int32_t)scmi_get_le32(out), SCMI_NOT_FOUND);
}

/* Domain @id of the sim, with only its level count written: every flag reads false. */
static int32_t levels_only_domain(void *plat, uint32_t agent_id, uint32_t id,
				  struct scmi_server_perf_domain *out)
{
	struct scmi_server_perf_domain real;
	int32_t st;

	memset(&real, 0, sizeof(real));
	st = real_perf->domain(plat, agent_id, id, &real);
	if (st == SCMI_SUCCESS)
		out->num_levels = real.num_levels;
	return st;
}

/* Every OPP of the sim's but the second, which the platform fails to read. */
static int32_t second_opp_fails(void *plat, uint32_t agent_id, uint32_t id, uint32_t index,
				struct scmi_server_perf_opp *out)
{
	if (index == 1)
		return SCMI_HARDWARE_ERROR;
	return real_perf->opp(plat, agent_id, id, index, out);
}

/*
 * PERF: a domain the platform does not let the agent set (set_level false) refuses
 * LEVEL_SET with DENIED although the level op exists; a platform without limits_get answers
 * LIMITS_GET with GENERIC_ERROR; an OPP that cannot be read ends DESCRIBE_LEVELS with the
 * platform's status.
 */
static void test_perf_ops_refuse(void **state)
{
	struct edges_fx *f = *state;
	struct scmi_server_platform_ops ops = *sim_platform_ops();
	struct scmi_server_perf_ops perf;
	const uint32_t level[2] = {0, 0}, dom = 0, describe[2] = {0, 0};

	real_perf = ops.perf;
	perf = *real_perf;
	assert_non_null(perf.level_set);
	perf.domain = levels_only_domain;
	perf.limits_get = NULL;
	perf.opp = second_opp_fails;
	ops.perf = &perf;
	scmi_server_init(&f->srv, &ops, f->p);
	assert_int_equal(edges_call(f, 0x13, SCMI_MSG_PERF_LEVEL_SET, level, 2), SCMI_DENIED);
	assert_int_equal(edges_call(f, 0x13, SCMI_MSG_PERF_LIMITS_GET, &dom, 1),
			 SCMI_GENERIC_ERROR);
	assert_int_equal(f->len, 4);
	assert_int_equal(edges_call(f, 0x13, SCMI_MSG_PERF_DESCRIBE_LEVELS, describe, 2),
			 SCMI_HARDWARE_ERROR);
	assert_int_equal(f->len, 4);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    EDGES_TEST(test_pinctrl_get_one_with_skip),
	    EDGES_TEST(test_sensor_timestamp_without_one),
	    EDGES_TEST(test_protocols_without_callbacks),
	    EDGES_TEST(test_sensor_no_statistics),
	    EDGES_TEST(test_room_below_the_status),
	    EDGES_TEST(test_sensor_short_read),
	    EDGES_TEST(test_async_rate_latency_without_info),
	    EDGES_TEST(test_perf_limits_get_fails),
	    EDGES_TEST(test_fastchannel_doorbell_too_wide),
	    EDGES_TEST(test_voltage_level_get_fails),
	    EDGES_TEST(test_voltage_async_readback_fails),
	    EDGES_TEST(test_reset_name_of_15),
	    EDGES_TEST(test_powercap_name_of_15),
	    EDGES_TEST(test_clock_ops_leave_fields),
	    EDGES_TEST(test_clock_describe_without_room),
	    EDGES_TEST(test_perf_ops_refuse),
	    EDGES_TEST(test_voltage_wide_segment),
	    EDGES_TEST(test_powercap_attributes_reserved),
	    EDGES_TEST(test_clock_info_unwritten_fields),
	    EDGES_TEST(test_clock_name_of_63),
	    EDGES_TEST(test_clock_parents_remaining_too_many),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
