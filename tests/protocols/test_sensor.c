// SPDX-License-Identifier: BSD-3-Clause
/*
 * Sensor protocol (0x15) through libscmi against the simulated platform, in
 * every transport mode: discovery, every message, bad input, the sensors'
 * behaviour in virtual time (sampling, thermal step response, multi-axis,
 * trip points), and 1.0 / 2.0 platforms.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "fixture.h"
#include "platform/sim/sim_platform_priv.h"
#include "platform/sim/sim_platform.h"
#include "platform/sim/sim_sensor.h"
#include "scmi/perf.h"
#include "scmi/proto/endian.h"
#include "scmi/sensor.h"
#include "secure/secure_world.h"

#define ID_SOC_TEMP	 0u
#define ID_CPU_LITTLE	 1u
#define ID_CPU_BIG_TEMP	 2u
#define ID_VDD_CPU_BIG	 4u
#define ID_SOC_CURRENT	 5u
#define ID_SOC_POWER	 6u
#define ID_CPU_BIG_POWER 7u
#define ID_BOARD_TEMP	 8u
#define NUM_SENSORS	 9u
#define AMBIENT_MC	 25000
#define SOC_K_MC_PER_W	 15000
#define SOC_TAU_US	 UINT64_C(2000000) /* 64-bit: multiples are times in us */
#define BOARD_TAU_US	 30000000u

static const struct {
	const char *name;
	uint8_t type;
	int8_t unit_exp;
} sensors[NUM_SENSORS] = {
    {"soc_temp", 2, -3},  {"cpu_little_temp", 2, -3}, {"cpu_big_temp", 2, -3},
    {"gpu_temp", 2, -3},  {"vdd_cpu_big_vol", 5, -6}, {"soc_current", 6, -3},
    {"soc_power", 7, -3}, {"cpu_big_power", 7, -3},   {"board_temp", 2, -3},
};

static void open_handle(struct scmi_agent *agent, struct scmi_sensor_handle *h)
{
	assert_int_equal(scmi_sensor_open(agent, h), 0);
}

/* A raw request (room capped to the largest reply); returns scmi_xfer()'s result. */
static int raw(struct scmi_agent *agent, uint8_t msg, const uint32_t *words, size_t n, uint8_t *rx,
	       size_t rx_max, size_t *rx_len)
{
	return proto_raw_capped(agent, SCMI_PROTOCOL_SENSOR, msg, words, n, rx, rx_max, rx_len,
				NULL);
}

static int64_t read1(const struct scmi_sensor_handle *h, uint32_t id, uint64_t *ts)
{
	struct scmi_sensor_reading r[SCMI_SENSOR_MAX_AXES];
	size_t n = 0;

	assert_int_equal(scmi_sensor_reading_get(h, id, r, SCMI_SENSOR_MAX_AXES, &n), 0);
	assert_int_equal(n, 1);
	if (ts)
		*ts = r[0].timestamp;
	return r[0].value;
}

static void advance(struct proto_fixture *f, uint64_t us)
{
	assert_int_equal(sim_platform_advance_time(f->plat, us), 0);
}

static void test_version_and_attributes(void **state)
{
	struct proto_fixture *f = *state;
	struct scmi_sensor_handle h;
	uint8_t rx[32];
	size_t len;

	open_handle(f->agent, &h);
	assert_int_equal(h.version, 0x30001);
	assert_int_equal(h.num_sensors, NUM_SENSORS);
	assert_int_equal(h.max_async, 0);
	/* Attributes: count, no async, no statistics region. */
	assert_int_equal(raw(f->agent, 0x1, NULL, 0, rx, sizeof(rx), &len), 0);
	assert_int_equal(len, 16);
	assert_int_equal(scmi_get_le32(rx), NUM_SENSORS);
	assert_int_equal(scmi_get_le32(rx + 4) | scmi_get_le32(rx + 8) | scmi_get_le32(rx + 12), 0);
}

static void test_describe_all(void **state)
{
	struct proto_fixture *f = *state;
	struct scmi_sensor_desc d[NUM_SENSORS + 2];
	struct scmi_sensor_handle h;
	size_t n = 0, i;

	open_handle(f->agent, &h);
	assert_int_equal(scmi_sensor_describe(&h, d, PROTO_ARRAY_SIZE(d), &n), 0);
	assert_int_equal(n, NUM_SENSORS);
	for (i = 0; i < NUM_SENSORS; i++) {
		assert_int_equal(d[i].id, i);
		assert_string_equal(d[i].name, sensors[i].name);
		assert_int_equal(d[i].type, sensors[i].type);
		assert_int_equal(d[i].unit_exp, sensors[i].unit_exp);
		assert_false(d[i].async);
		assert_true(d[i].timestamped);
		assert_int_equal(d[i].ts_exp, -6);
		assert_true(d[i].ext_attrs);
	}
	assert_true(d[ID_SOC_TEMP].ext_name);
	assert_false(d[ID_CPU_LITTLE].ext_name);
	assert_true(d[ID_SOC_TEMP].continuous_update);
	assert_false(d[ID_CPU_LITTLE].continuous_update);
	assert_int_equal(d[ID_SOC_TEMP].num_trip_points, 2);
	assert_int_equal(d[ID_SOC_TEMP].min_range, -40000);
	assert_int_equal(d[ID_SOC_TEMP].max_range, 125000);
	assert_int_equal(d[ID_SOC_TEMP].power_uw, 150);
	assert_int_equal(d[ID_SOC_TEMP].resolution, 1);
	assert_int_equal(d[ID_SOC_TEMP].res_exp, -3);
	assert_int_equal(d[ID_BOARD_TEMP].num_axes, 3);
	assert_int_equal(d[ID_BOARD_TEMP].num_trip_points, 0);
	assert_int_equal(d[ID_SOC_TEMP].num_axes, 0);
}

/*
 * Found by fuzz_server_raw and fuzz_agent_response (tests/fuzz/crashes): an update
 * interval of ~2^64 us made the platform convert an out-of-range double to an integer
 * (undefined: UBSan aborts), and describe with no room did pointer arithmetic on NULL.
 */
static void test_fuzz_regressions(void **state)
{
	struct proto_fixture *f = *state;
	struct scmi_sensor_handle h;
	/* SENSOR_CONFIG_SET of sensor 2: interval 0x3fc * 10^12 s, rounded down (to the
	 * range's top), sensor disabled. */
	const uint32_t cfg[2] = {2, 0xff206000u};
	int32_t status = 0;
	size_t n = 99;

	open_handle(f->agent, &h);
	assert_int_equal(
	    proto_raw(f->agent, SCMI_PROTOCOL_SENSOR, 0xa, cfg, 2, NULL, 0, NULL, &status), 0);
	assert_int_equal(status, SCMI_SUCCESS);
	assert_int_equal(scmi_sensor_describe(&h, NULL, 0, &n), 0);
	assert_int_equal(n, 0);
}

static void test_describe_pages_raw(void **state)
{
	struct proto_fixture *f = *state;
	uint8_t rx[256];
	uint32_t idx, flags, got, rem;
	size_t len;

	/* First page: fewer than all (52-byte descriptors), and remaining counts the rest. */
	idx = 0;
	assert_int_equal(
	    raw(f->agent, SCMI_MSG_SENSOR_DESCRIPTION_GET, &idx, 1, rx, sizeof(rx), &len), 0);
	flags = scmi_get_le32(rx);
	got = flags & 0xfff;
	rem = flags >> 16;
	assert_true(got >= 1 && got < NUM_SENSORS);
	assert_int_equal(got + rem, NUM_SENSORS);
	assert_int_equal(len, 4 + got * 52u);
	/* A page from the middle: remaining is counted after the ones returned. */
	idx = 5;
	assert_int_equal(
	    raw(f->agent, SCMI_MSG_SENSOR_DESCRIPTION_GET, &idx, 1, rx, sizeof(rx), &len), 0);
	flags = scmi_get_le32(rx);
	assert_int_equal((flags & 0xfff) + (flags >> 16), NUM_SENSORS - 5);
	assert_int_equal(scmi_get_le32(rx + 4), 5);
	/* The last descriptor (board_temp, 3 axes): power but no range, 32 bytes. */
	idx = ID_BOARD_TEMP;
	assert_int_equal(
	    raw(f->agent, SCMI_MSG_SENSOR_DESCRIPTION_GET, &idx, 1, rx, sizeof(rx), &len), 0);
	assert_int_equal(scmi_get_le32(rx), 1);
	assert_int_equal(len, 4 + 32);
	assert_int_equal((scmi_get_le32(rx + 12) >> 16) & 0x3f, 3);
	/* Past the end: an empty last page, then INVALID_PARAMETERS. */
	idx = NUM_SENSORS;
	assert_int_equal(
	    raw(f->agent, SCMI_MSG_SENSOR_DESCRIPTION_GET, &idx, 1, rx, sizeof(rx), &len), 0);
	assert_int_equal(scmi_get_le32(rx), 0);
	idx = NUM_SENSORS + 1;
	assert_int_equal(
	    raw(f->agent, SCMI_MSG_SENSOR_DESCRIPTION_GET, &idx, 1, rx, sizeof(rx), &len), -EINVAL);
	/* Wrong request size: central check. */
	assert_int_equal(
	    raw(f->agent, SCMI_MSG_SENSOR_DESCRIPTION_GET, NULL, 0, rx, sizeof(rx), &len), -EPROTO);
}

static void test_name_get(void **state)
{
	struct proto_fixture *f = *state;
	char name[SCMI_SENSOR_NAME_BUF];
	struct scmi_sensor_handle h;

	open_handle(f->agent, &h);
	assert_int_equal(scmi_sensor_name_get(&h, ID_SOC_TEMP, name), 0);
	assert_string_equal(name, "soc_temp (SoC die, junction)");
	/* No longer name: the short one. */
	assert_int_equal(scmi_sensor_name_get(&h, ID_CPU_LITTLE, name), 0);
	assert_string_equal(name, "cpu_little_temp");
	/* 16 characters: only the extended name holds it all. */
	assert_int_equal(scmi_sensor_name_get(&h, ID_VDD_CPU_BIG, name), 0);
	assert_string_equal(name, "vdd_cpu_big_volt");
	assert_int_equal(scmi_sensor_name_get(&h, NUM_SENSORS, name), -ENOENT);
}

static void test_axes(void **state)
{
	static const char *const axis_names[] = {"near_soc", "near_ddr", "near_pmic"};
	struct proto_fixture *f = *state;
	struct scmi_sensor_axis a[8];
	char names[8][SCMI_SENSOR_NAME_BUF];
	struct scmi_sensor_handle h;
	uint32_t req[2] = {ID_BOARD_TEMP, 0};
	uint8_t rx[256];
	size_t n = 0, len, i;

	open_handle(f->agent, &h);
	assert_int_equal(scmi_sensor_axes(&h, ID_BOARD_TEMP, a, PROTO_ARRAY_SIZE(a), &n), 0);
	assert_int_equal(n, 3);
	for (i = 0; i < 3; i++) {
		assert_int_equal(a[i].id, i);
		assert_string_equal(a[i].name, axis_names[i]);
		assert_int_equal(a[i].type, 2);
		assert_int_equal(a[i].unit_exp, -3);
		assert_true(a[i].ext_attrs);
		assert_true(a[i].ext_name);
		assert_int_equal(a[i].max_range, 125000);
	}
	memset(names, 0, sizeof(names));
	assert_int_equal(scmi_sensor_axis_names(&h, ID_BOARD_TEMP, names, 8, &n), 0);
	assert_int_equal(n, 3);
	assert_string_equal(names[1], "board_temp: between the DDR chips");
	/* Raw first pages: 48-byte axis descriptors, 68-byte names; remaining is the rest. */
	assert_int_equal(
	    raw(f->agent, SCMI_MSG_SENSOR_AXIS_DESCRIPTION_GET, req, 2, rx, sizeof(rx), &len), 0);
	assert_true((scmi_get_le32(rx) & 0x3f) >= 1);
	assert_int_equal((scmi_get_le32(rx) & 0x3f) + (scmi_get_le32(rx) >> 26), 3);
	assert_int_equal(len, 4 + 48u * (scmi_get_le32(rx) & 0x3f));
	assert_int_equal(raw(f->agent, SCMI_MSG_SENSOR_AXIS_NAME_GET, req, 2, rx, sizeof(rx), &len),
			 0);
	assert_int_equal(scmi_get_le32(rx) & 0x3f, 1);
	assert_int_equal(scmi_get_le32(rx) >> 26, 2);
	req[1] = 2;
	assert_int_equal(raw(f->agent, SCMI_MSG_SENSOR_AXIS_NAME_GET, req, 2, rx, sizeof(rx), &len),
			 0);
	assert_int_equal(scmi_get_le32(rx), 1);
	assert_int_equal(scmi_get_le32(rx + 4), 2);
	/* Beyond the axes, a scalar sensor, an unknown sensor. */
	req[1] = 4;
	assert_int_equal(
	    raw(f->agent, SCMI_MSG_SENSOR_AXIS_DESCRIPTION_GET, req, 2, rx, sizeof(rx), &len),
	    -EINVAL);
	assert_int_equal(scmi_sensor_axes(&h, ID_SOC_TEMP, a, 8, &n), -EOPNOTSUPP);
	assert_int_equal(scmi_sensor_axes(&h, NUM_SENSORS, a, 8, &n), -ENOENT);
	assert_int_equal(scmi_sensor_axis_names(&h, NUM_SENSORS, names, 8, &n), -ENOENT);
}

static void test_update_intervals(void **state)
{
	struct proto_fixture *f = *state;
	struct scmi_sensor_intervals iv;
	struct scmi_sensor_handle h;
	uint32_t req[2] = {ID_CPU_BIG_TEMP, 1};
	uint8_t rx[64];
	size_t len;

	open_handle(f->agent, &h);
	/* A discrete list. */
	assert_int_equal(scmi_sensor_update_intervals(&h, ID_SOC_TEMP, &iv), 0);
	assert_false(iv.segmented);
	assert_int_equal(iv.count, 4);
	assert_int_equal(scmi_sensor_interval_us(iv.words[0]), 1000);
	assert_int_equal(scmi_sensor_interval_us(iv.words[1]), 10000);
	assert_int_equal(scmi_sensor_interval_us(iv.words[3]), 1000000);
	/* secs 1, exponent -3 */
	assert_int_equal(iv.words[0], (1u << 5) | 0x1du);
	/* A triplet. */
	assert_int_equal(scmi_sensor_update_intervals(&h, ID_CPU_BIG_TEMP, &iv), 0);
	assert_true(iv.segmented);
	assert_int_equal(iv.count, 3);
	assert_int_equal(scmi_sensor_interval_us(iv.words[0]), 1000);
	assert_int_equal(scmi_sensor_interval_us(iv.words[1]), 100000);
	assert_int_equal(scmi_sensor_interval_us(iv.words[2]), 1000);
	/* A triplet cannot be entered in the middle; a list can, and not beyond its end. */
	assert_int_equal(
	    raw(f->agent, SCMI_MSG_SENSOR_LIST_UPDATE_INTERVALS, req, 2, rx, sizeof(rx), &len),
	    -EINVAL);
	req[0] = ID_SOC_TEMP;
	req[1] = 3;
	assert_int_equal(
	    raw(f->agent, SCMI_MSG_SENSOR_LIST_UPDATE_INTERVALS, req, 2, rx, sizeof(rx), &len), 0);
	assert_int_equal(scmi_get_le32(rx), 1);
	req[1] = 5;
	assert_int_equal(
	    raw(f->agent, SCMI_MSG_SENSOR_LIST_UPDATE_INTERVALS, req, 2, rx, sizeof(rx), &len),
	    -EINVAL);
	assert_int_equal(scmi_sensor_update_intervals(&h, NUM_SENSORS, &iv), -ENOENT);
}

static uint64_t config_interval_us(const struct scmi_sensor_handle *h, uint32_t id)
{
	uint32_t cfg = 0;

	assert_int_equal(scmi_sensor_config_get(h, id, &cfg), 0);
	return scmi_sensor_interval_us(scmi_sensor_config_interval(cfg));
}

static void set_interval(const struct scmi_sensor_handle *h, uint32_t id, uint64_t us,
			 uint32_t round, int want)
{
	uint32_t w;

	assert_int_equal(scmi_sensor_interval_from_us(us, &w), 0);
	assert_int_equal(
	    scmi_sensor_config_set(h, id, scmi_sensor_config_word(true, true, w, round)), want);
}

static void test_config(void **state)
{
	struct proto_fixture *f = *state;
	struct scmi_sensor_reading r[4];
	struct scmi_sensor_handle h;
	uint32_t cfg = 0, req[2];
	size_t n;

	open_handle(f->agent, &h);
	assert_int_equal(scmi_sensor_config_get(&h, ID_SOC_TEMP, &cfg), 0);
	assert_int_equal(cfg & 3u, 3u); /* enabled, timestamps on */
	assert_int_equal(config_interval_us(&h, ID_SOC_TEMP), 10000);
	/* Supported, then rounded down / up / to the nearest, then nothing above. */
	set_interval(&h, ID_SOC_TEMP, 100000, SCMI_SENSOR_ROUND_DOWN, 0);
	assert_int_equal(config_interval_us(&h, ID_SOC_TEMP), 100000);
	set_interval(&h, ID_SOC_TEMP, 50000, SCMI_SENSOR_ROUND_DOWN, 0);
	assert_int_equal(config_interval_us(&h, ID_SOC_TEMP), 10000);
	set_interval(&h, ID_SOC_TEMP, 50000, SCMI_SENSOR_ROUND_UP, 0);
	assert_int_equal(config_interval_us(&h, ID_SOC_TEMP), 100000);
	set_interval(&h, ID_SOC_TEMP, 40000, SCMI_SENSOR_ROUND_AUTO, 0);
	assert_int_equal(config_interval_us(&h, ID_SOC_TEMP), 10000);
	set_interval(&h, ID_SOC_TEMP, 5000000, SCMI_SENSOR_ROUND_UP, -ERANGE);
	set_interval(&h, ID_SOC_TEMP, 500, SCMI_SENSOR_ROUND_DOWN, -ERANGE);
	assert_int_equal(config_interval_us(&h, ID_SOC_TEMP), 10000);
	/* The triplet: its grid. */
	set_interval(&h, ID_CPU_BIG_TEMP, 5500, SCMI_SENSOR_ROUND_DOWN, 0);
	assert_int_equal(config_interval_us(&h, ID_CPU_BIG_TEMP), 5000);
	set_interval(&h, ID_CPU_BIG_TEMP, 5500, SCMI_SENSOR_ROUND_UP, 0);
	assert_int_equal(config_interval_us(&h, ID_CPU_BIG_TEMP), 6000);
	set_interval(&h, ID_CPU_BIG_TEMP, 100000, SCMI_SENSOR_ROUND_DOWN, 0);
	assert_int_equal(config_interval_us(&h, ID_CPU_BIG_TEMP), 100000);
	set_interval(&h, ID_CPU_BIG_TEMP, 200000, SCMI_SENSOR_ROUND_DOWN, 0);
	assert_int_equal(config_interval_us(&h, ID_CPU_BIG_TEMP), 100000);
	/* Bad words: reserved bits, rounding 3, unknown sensor. */
	assert_int_equal(scmi_sensor_config_set(&h, ID_SOC_TEMP, 0x5u), -EINVAL);
	assert_int_equal(scmi_sensor_config_set(&h, ID_SOC_TEMP, (3u << 9) | 1u), -EINVAL);
	assert_int_equal(scmi_sensor_config_set(&h, NUM_SENSORS, 1u), -ENOENT);
	assert_int_equal(scmi_sensor_config_get(&h, NUM_SENSORS, &cfg), -ENOENT);
	/* Disabled: no reading, the interval kept; enabled again: readings resume. */
	assert_int_equal(scmi_sensor_config_set(&h, ID_SOC_TEMP, 0), 0);
	assert_int_equal(scmi_sensor_config_get(&h, ID_SOC_TEMP, &cfg), 0);
	assert_int_equal(cfg & 1u, 0);
	assert_int_equal(scmi_sensor_interval_us(scmi_sensor_config_interval(cfg)), 10000);
	assert_int_equal(scmi_sensor_reading_get(&h, ID_SOC_TEMP, r, 4, &n), -EACCES);
	/* Timestamps off: readings carry 0. */
	assert_int_equal(scmi_sensor_config_set(&h, ID_SOC_TEMP, SCMI_SENSOR_CONFIG_ENABLE), 0);
	advance(f, 20000);
	assert_int_equal(scmi_sensor_reading_get(&h, ID_SOC_TEMP, r, 4, &n), 0);
	assert_int_equal(r[0].timestamp, 0);
	/* Raw: a short request. */
	req[0] = ID_SOC_TEMP;
	assert_int_equal(raw(f->agent, SCMI_MSG_SENSOR_CONFIG_SET, req, 1, NULL, 0, NULL), -EPROTO);
}

/* |got - want| within @tol. */
static void assert_near(int64_t got, double want, double tol)
{
	double d = (double)got - want;

	if (d < -tol || d > tol)
		fail_msg("%lld not within %.1f of %.1f", (long long)got, tol, want);
}

/* Advance virtual time to @us since the platform was loaded (its power-on). */
static void advance_to(struct proto_fixture *f, uint64_t us)
{
	uint64_t now = sim_platform_time_us(f->plat);

	assert_true(us >= now);
	advance(f, us - now);
}

/*
 * soc_temp starts at ambient at power-on and, with the SoC drawing a steady P,
 * rises as ambient + k P (1 - e^(-t/tau)). P is what soc_power reads (the perf and
 * power models' power plus the base), so this holds whatever they draw.
 */
static void test_thermal_step_response(void **state)
{
	static const double e1 = 0.36787944117144233, e3 = 0.049787068367863944,
			    e5 = 0.006737946999085467;
	struct proto_fixture *f = *state;
	struct scmi_sensor_handle h;
	double rise;
	int64_t t0, p_mw;
	uint64_t ts;

	open_handle(f->agent, &h);
	p_mw = read1(&h, ID_SOC_POWER, NULL);
	assert_true(p_mw >= 350); /* at least the base */
	rise = (double)SOC_K_MC_PER_W * (double)p_mw / 1000.0;
	/*
	 * The platform ran in real time from its load until the fixture made time virtual:
	 * the first sample is near ambient, by at most rise x t / tau (1 - e^-x <= x).
	 */
	t0 = read1(&h, ID_SOC_TEMP, &ts);
	assert_true(t0 >= AMBIENT_MC);
	assert_true((double)t0 <= AMBIENT_MC + rise * (double)ts / SOC_TAU_US + 1);

	advance_to(f, SOC_TAU_US);
	assert_near(read1(&h, ID_SOC_TEMP, &ts), AMBIENT_MC + rise * (1 - e1), 2 + rise * 0.002);
	assert_int_equal(ts, SOC_TAU_US);
	advance_to(f, 3 * SOC_TAU_US);
	assert_near(read1(&h, ID_SOC_TEMP, NULL), AMBIENT_MC + rise * (1 - e3), 2 + rise * 0.002);
	advance_to(f, 5 * SOC_TAU_US);
	assert_near(read1(&h, ID_SOC_TEMP, NULL), AMBIENT_MC + rise * (1 - e5), 2 + rise * 0.002);
	/* Steady state. */
	advance_to(f, 25 * SOC_TAU_US);
	assert_near(read1(&h, ID_SOC_TEMP, NULL), AMBIENT_MC + rise, 2);
}

/* Readings change only at sample instants of the update interval, stamped with them. */
static void test_sampling(void **state)
{
	struct proto_fixture *f = *state;
	struct scmi_sensor_handle h;
	uint64_t ts0, ts1, ts2;
	int64_t v0, v1, v2;

	open_handle(f->agent, &h);
	advance_to(f, 1234567);
	v0 = read1(&h, ID_SOC_TEMP, &ts0);
	assert_int_equal(ts0, 1230000); /* 10 ms interval */
	advance(f, 5000);		/* 1239567: same sample */
	v1 = read1(&h, ID_SOC_TEMP, &ts1);
	assert_int_equal(ts1, ts0);
	assert_int_equal(v1, v0);
	advance(f, 100000);
	v2 = read1(&h, ID_SOC_TEMP, &ts2);
	assert_int_equal(ts2, 1330000);
	assert_true(v2 > v1); /* still warming up */
}

static void test_multi_axis(void **state)
{
	struct proto_fixture *f = *state;
	struct scmi_sensor_reading r[SCMI_SENSOR_MAX_AXES];
	struct scmi_sensor_handle h;
	uint32_t req[2] = {ID_BOARD_TEMP, 0};
	uint8_t rx[128];
	size_t n = 0, len, i;

	open_handle(f->agent, &h);
	assert_int_equal(scmi_sensor_reading_get(&h, ID_BOARD_TEMP, r, PROTO_ARRAY_SIZE(r), &n), 0);
	assert_int_equal(n, 3);
	/* Near ambient (the platform ran in real time for a moment before the test). */
	for (i = 0; i < 3; i++)
		assert_true(r[i].value >= AMBIENT_MC && r[i].value < AMBIENT_MC + 500);
	advance_to(f, BOARD_TAU_US);
	assert_int_equal(scmi_sensor_reading_get(&h, ID_BOARD_TEMP, r, PROTO_ARRAY_SIZE(r), &n), 0);
	assert_int_equal(n, 3);
	/* Nearer the SoC, warmer; every axis above ambient, stamped at the same sample. */
	assert_true(r[0].value > r[1].value);
	assert_true(r[1].value > r[2].value);
	assert_true(r[2].value > AMBIENT_MC);
	assert_int_equal(r[0].timestamp, BOARD_TAU_US);
	assert_int_equal(r[2].timestamp, BOARD_TAU_US);
	/* 0.8 / 0.5 of the same rise. */
	assert_near((r[1].value - AMBIENT_MC) * 8, (double)(r[0].value - AMBIENT_MC) * 5, 16);
	/* Raw: 3 x 16 bytes. */
	assert_int_equal(raw(f->agent, SCMI_MSG_SENSOR_READING_GET, req, 2, rx, sizeof(rx), &len),
			 0);
	assert_int_equal(len, 48);
}

static void test_reading_errors(void **state)
{
	struct proto_fixture *f = *state;
	struct scmi_sensor_reading r[4];
	struct scmi_sensor_handle h;
	size_t n;

	open_handle(f->agent, &h);
	/* No asynchronous reads (no channel to answer on); reserved flags; unknown sensor. */
	assert_int_equal(scmi_sensor_reading_raw(&h, ID_SOC_TEMP, 1, r, 4, &n), -EOPNOTSUPP);
	assert_int_equal(scmi_sensor_reading_raw(&h, ID_SOC_TEMP, 2, r, 4, &n), -EINVAL);
	assert_int_equal(scmi_sensor_reading_get(&h, NUM_SENSORS, r, 4, &n), -ENOENT);
	assert_int_equal(scmi_sensor_reading_get(&h, 0xffffffffu, r, 4, &n), -ENOENT);
}

/* The electrical sensors agree with the models behind them. */
static void test_electrical(void **state)
{
	struct proto_fixture *f = *state;
	struct scmi_sensor_handle h;
	uint32_t dom = 1;
	uint8_t rx[8];
	size_t len;
	int64_t uv, p, ma;
	int ret;

	open_handle(f->agent, &h);
	uv = read1(&h, ID_VDD_CPU_BIG, NULL);
	/* The voltage protocol's VOLTAGE_LEVEL_GET of vdd_cpu_big (while it may be a stub). */
	ret = scmi_xfer(f->agent, SCMI_PROTOCOL_VOLTAGE, 0x8, &dom, 4, rx, sizeof(rx), &len, NULL);
	if (!ret && len >= 4)
		assert_int_equal(uv, (int32_t)scmi_get_le32(rx));
	else
		assert_int_equal(uv, 0);
	p = read1(&h, ID_SOC_POWER, NULL);
	assert_true(p >= 350);
	ma = read1(&h, ID_SOC_CURRENT, NULL);
	/* I = P / V, V the SoC rail or its 0.8 V nominal while it reads 0. */
	assert_true(ma > 0);
	assert_true(ma <= p * 1000 / 500 + 1);
	assert_true(read1(&h, ID_CPU_BIG_POWER, NULL) <= p);
}

/*
 * Power and temperature follow the perf model: cpu_big at its lowest level, then at its
 * highest. Needs the perf model (sim_perf.c) and client (scmi/perf.h) of the perf slice.
 */
static void test_power_follows_perf(void **state)
{
	struct proto_fixture *f = *state;
	struct scmi_perf_level lv[64];
	struct scmi_sensor_handle h;
	int64_t p_lo, p_hi, soc_lo, soc_hi, t0, t_lo, t_hi;
	size_t n = 0;

	open_handle(f->agent, &h);
	assert_int_equal(scmi_perf_init(f->agent, NULL), 0);
	assert_int_equal(scmi_perf_describe_levels(f->agent, 1, lv, PROTO_ARRAY_SIZE(lv), &n), 0);
	assert_true(n >= 2);
	assert_int_equal(scmi_perf_level_set(f->agent, 1, lv[0].perf), 0);
	advance(f, 1000);
	p_lo = read1(&h, ID_CPU_BIG_POWER, NULL);
	soc_lo = read1(&h, ID_SOC_POWER, NULL);
	t0 = read1(&h, ID_CPU_BIG_TEMP, NULL);
	advance(f, 400000);
	t_lo = read1(&h, ID_CPU_BIG_TEMP, NULL) - t0;

	assert_int_equal(scmi_perf_level_set(f->agent, 1, lv[n - 1].perf), 0);
	advance(f, 1000);
	p_hi = read1(&h, ID_CPU_BIG_POWER, NULL);
	soc_hi = read1(&h, ID_SOC_POWER, NULL);
	assert_true(p_hi > p_lo);
	/* The SoC's power grows by what cpu_big's did. */
	assert_int_equal(soc_hi - soc_lo, p_hi - p_lo);
	t0 = read1(&h, ID_CPU_BIG_TEMP, NULL);
	advance(f, 400000);
	t_hi = read1(&h, ID_CPU_BIG_TEMP, NULL) - t0;
	/* The same time at more power: the temperature climbs faster. */
	assert_true(t_hi > t_lo);
}

static void test_trip_points(void **state)
{
	struct proto_fixture *f = *state;
	struct scmi_sensor_handle h;
	struct sim_sensor_trip t;
	uint32_t req[4];

	open_handle(f->agent, &h);
	read1(&h, ID_SOC_TEMP, NULL);
	assert_int_equal(
	    scmi_sensor_trip_point_config(&h, ID_SOC_TEMP, 0, SCMI_SENSOR_TRIP_POSITIVE, 27000), 0);
	assert_int_equal(
	    scmi_sensor_trip_point_config(&h, ID_SOC_TEMP, 1, SCMI_SENSOR_TRIP_NEGATIVE, 26000), 0);
	assert_int_equal(sim_sensor_trip_state(f->plat, ID_SOC_TEMP, 0, &t), 0);
	assert_int_equal(t.ev_ctrl, 1);
	assert_int_equal(t.value, 27000);
	assert_false(t.above);
	assert_int_equal(t.events, 0);
	/* Warm up past 27 degrees, sampling on the way. */
	advance(f, SOC_TAU_US);
	read1(&h, ID_SOC_TEMP, NULL);
	advance(f, 2 * SOC_TAU_US);
	read1(&h, ID_SOC_TEMP, NULL);
	assert_int_equal(sim_sensor_trip_state(f->plat, ID_SOC_TEMP, 0, &t), 0);
	assert_true(t.above);
	assert_int_equal(t.events, 1);
	/* The falling trip point saw a rising crossing only: no event. */
	assert_int_equal(sim_sensor_trip_state(f->plat, ID_SOC_TEMP, 1, &t), 0);
	assert_true(t.above);
	assert_int_equal(t.events, 0);
	/* Disabled: the configuration is kept, events are not counted. */
	assert_int_equal(
	    scmi_sensor_trip_point_config(&h, ID_SOC_TEMP, 0, SCMI_SENSOR_TRIP_DISABLED, 27000), 0);
	assert_int_equal(sim_sensor_trip_state(f->plat, ID_SOC_TEMP, 0, &t), 0);
	assert_int_equal(t.ev_ctrl, 0);
	/* Bad: trip id beyond the sensor's, a sensor with none, reserved bits, unknown sensor. */
	assert_int_equal(scmi_sensor_trip_point_config(&h, ID_SOC_TEMP, 2, 3, 0), -EINVAL);
	assert_int_equal(scmi_sensor_trip_point_config(&h, ID_BOARD_TEMP, 0, 3, 0), -EINVAL);
	assert_int_equal(scmi_sensor_trip_point_config(&h, NUM_SENSORS, 0, 3, 0), -ENOENT);
	req[0] = ID_SOC_TEMP;
	req[1] = 0x1000u | 1u;
	req[2] = 0;
	req[3] = 0;
	assert_int_equal(raw(f->agent, SCMI_MSG_SENSOR_TRIP_POINT_CONFIG, req, 4, NULL, 0, NULL),
			 -EINVAL);
	req[1] = 0x4u;
	assert_int_equal(raw(f->agent, SCMI_MSG_SENSOR_TRIP_POINT_CONFIG, req, 4, NULL, 0, NULL),
			 -EINVAL);
	assert_int_equal(sim_sensor_trip_state(f->plat, ID_SOC_TEMP, 2, &t), -ENOENT);
}

static void test_notify(void **state)
{
	struct proto_fixture *f = *state;
	struct scmi_sensor_handle h, h2;
	struct scmi_agent *vm1;
	uint32_t req[2] = {ID_SOC_TEMP, 2};
	bool trip, update;

	open_handle(f->agent, &h);
	vm1 = proto_open_agent(f, proto_agent_vm1_dtb, SCMI_MODE_AUTO);
	open_handle(vm1, &h2);
	assert_int_equal(scmi_sensor_trip_point_notify(&h, ID_SOC_TEMP, true), 0);
	assert_int_equal(scmi_sensor_continuous_update_notify(&h2, ID_SOC_TEMP, true), 0);
	assert_int_equal(sim_sensor_notify_state(f->plat, ID_SOC_TEMP, 1, &trip, &update), 0);
	assert_true(trip);
	assert_false(update);
	assert_int_equal(sim_sensor_notify_state(f->plat, ID_SOC_TEMP, 2, &trip, &update), 0);
	assert_false(trip);
	assert_true(update);
	assert_int_equal(scmi_sensor_trip_point_notify(&h, ID_SOC_TEMP, false), 0);
	assert_int_equal(sim_sensor_notify_state(f->plat, ID_SOC_TEMP, 1, &trip, &update), 0);
	assert_false(trip);
	/* No continuous updates on that sensor; reserved bits; unknown sensor. */
	assert_int_equal(scmi_sensor_continuous_update_notify(&h, ID_CPU_LITTLE, true),
			 -EOPNOTSUPP);
	assert_int_equal(scmi_sensor_continuous_update_notify(&h, ID_CPU_LITTLE, false), 0);
	assert_int_equal(raw(f->agent, SCMI_MSG_SENSOR_TRIP_POINT_NOTIFY, req, 2, NULL, 0, NULL),
			 -EINVAL);
	assert_int_equal(
	    raw(f->agent, SCMI_MSG_SENSOR_CONTINUOUS_UPDATE_NOTIFY, req, 2, NULL, 0, NULL),
	    -EINVAL);
	assert_int_equal(scmi_sensor_trip_point_notify(&h, NUM_SENSORS, true), -ENOENT);
	assert_int_equal(scmi_sensor_continuous_update_notify(&h, NUM_SENSORS, true), -ENOENT);
	scmi_agent_close(vm1);
}

static void test_message_attributes(void **state)
{
	struct proto_fixture *f = *state;
	uint32_t attr, m;

	for (m = SCMI_MSG_SENSOR_DESCRIPTION_GET; m <= SCMI_MSG_SENSOR_AXIS_NAME_GET; m++)
		assert_int_equal(
		    scmi_protocol_message_attributes(f->agent, SCMI_PROTOCOL_SENSOR, m, &attr), 0);
	assert_int_equal(
	    scmi_protocol_message_attributes(f->agent, SCMI_PROTOCOL_SENSOR, 0xe, &attr), -ENOENT);
}

/* An agent that negotiated 1.0 gets the 1.0 layouts from the 3.1 platform. */
static void test_negotiated_v1(void **state)
{
	struct proto_fixture *f = *state;
	struct scmi_sensor_desc d[NUM_SENSORS];
	struct scmi_sensor_handle h;
	struct scmi_sensor_reading r[4];
	uint8_t rx[128];
	uint32_t idx = 0;
	size_t n, len;

	assert_int_equal(scmi_protocol_negotiate_version(f->agent, SCMI_PROTOCOL_SENSOR, 0x10000),
			 0);
	open_handle(f->agent, &h);
	assert_int_equal(h.version, 0x10000);
	assert_int_equal(scmi_sensor_describe(&h, d, NUM_SENSORS, &n), 0);
	assert_int_equal(n, NUM_SENSORS);
	assert_false(d[ID_SOC_TEMP].timestamped);
	assert_int_equal(
	    raw(f->agent, SCMI_MSG_SENSOR_DESCRIPTION_GET, &idx, 1, rx, sizeof(rx), &len), 0);
	assert_int_equal(len, 4 + 28u * (scmi_get_le32(rx) & 0xfff));
	assert_int_equal(scmi_sensor_reading_get(&h, ID_BOARD_TEMP, r, 4, &n), 0);
	assert_int_equal(n, 1);
}

static void check_v1_platform(enum scmi_mode mode)
{
	struct proto_fixture g;
	struct scmi_sensor_desc d[NUM_SENSORS];
	struct scmi_sensor_handle h;
	struct scmi_sensor_reading r[4];
	uint32_t req[2] = {ID_BOARD_TEMP, 0}, attr, cfg;
	uint8_t rx[128];
	size_t n, len, i;

	proto_open_platform(&g, "sensor-v1.dtb", mode);
	open_handle(g.agent, &h);
	assert_int_equal(h.version, 0x10000);
	assert_int_equal(h.num_sensors, NUM_SENSORS);
	assert_int_equal(scmi_sensor_describe(&h, d, NUM_SENSORS, &n), 0);
	assert_int_equal(n, NUM_SENSORS);
	for (i = 0; i < NUM_SENSORS; i++) {
		assert_string_equal(d[i].name, sensors[i].name);
		assert_int_equal(d[i].attributes_low & ~0xffu, 0);
		assert_int_equal(d[i].num_axes, 0);
	}
	/* 10 ms in attributes_high: 1 x 10^-2 s. */
	assert_int_equal(scmi_sensor_interval_us(d[ID_SOC_TEMP].v1_interval), 10000);
	assert_int_equal(d[ID_SOC_TEMP].attributes_high >> 27, 1);
	/* Descriptors of 28 bytes, three to a page in 104 bytes. */
	req[0] = 0;
	assert_int_equal(
	    raw(g.agent, SCMI_MSG_SENSOR_DESCRIPTION_GET, req, 1, rx, sizeof(rx), &len), 0);
	assert_int_equal(len, 4 + 28u * (scmi_get_le32(rx) & 0xfff));
	assert_true((scmi_get_le32(rx) & 0xfff) > 1);
	/* One 64-bit value per reading, even for the 3-axis sensor. */
	req[0] = ID_BOARD_TEMP;
	assert_int_equal(raw(g.agent, SCMI_MSG_SENSOR_READING_GET, req, 2, rx, sizeof(rx), &len),
			 0);
	assert_int_equal(len, 8);
	assert_int_equal(scmi_sensor_reading_get(&h, ID_SOC_TEMP, r, 4, &n), 0);
	assert_true(r[0].value >= AMBIENT_MC && r[0].value < AMBIENT_MC + 5000);
	/* Messages of 2.0 and later do not exist. */
	for (i = SCMI_MSG_SENSOR_AXIS_DESCRIPTION_GET; i <= SCMI_MSG_SENSOR_AXIS_NAME_GET; i++) {
		assert_int_equal(scmi_protocol_message_attributes(g.agent, SCMI_PROTOCOL_SENSOR,
								  (uint32_t)i, &attr),
				 -ENOENT);
		assert_int_equal(raw(g.agent, (uint8_t)i, req,
				     i == SCMI_MSG_SENSOR_CONFIG_GET ? 1 : 2, rx, sizeof(rx), &len),
				 -ENOENT);
	}
	assert_int_equal(scmi_sensor_config_get(&h, ID_SOC_TEMP, &cfg), -EOPNOTSUPP);
	/* 1.0 messages work. */
	assert_int_equal(scmi_sensor_trip_point_config(&h, ID_SOC_TEMP, 0, 3, 30000), 0);
	assert_int_equal(scmi_sensor_trip_point_notify(&h, ID_SOC_TEMP, true), 0);
	proto_fixture_close(&g);
}

static void check_v2_platform(enum scmi_mode mode)
{
	struct proto_fixture g;
	struct scmi_sensor_desc d[NUM_SENSORS];
	struct scmi_sensor_axis a[4];
	struct scmi_sensor_handle h;
	struct scmi_sensor_intervals iv;
	char name[SCMI_SENSOR_NAME_BUF];
	uint32_t req[2] = {ID_SOC_TEMP, 0};
	uint8_t rx[128];
	size_t n, len;

	proto_open_platform(&g, "sensor-v2.dtb", mode);
	open_handle(g.agent, &h);
	assert_int_equal(h.version, 0x20000);
	assert_int_equal(scmi_sensor_describe(&h, d, NUM_SENSORS, &n), 0);
	assert_int_equal(n, NUM_SENSORS);
	/* Extended attributes and axes, but no extended-name bits. */
	assert_false(d[ID_SOC_TEMP].ext_name);
	assert_int_equal(d[ID_SOC_TEMP].attributes_low & (1u << 29), 0);
	assert_true(d[ID_SOC_TEMP].ext_attrs);
	assert_int_equal(d[ID_BOARD_TEMP].num_axes, 3);
	assert_int_equal(scmi_sensor_axes(&h, ID_BOARD_TEMP, a, 4, &n), 0);
	assert_int_equal(n, 3);
	assert_false(a[0].ext_name);
	assert_int_equal(scmi_sensor_update_intervals(&h, ID_SOC_TEMP, &iv), 0);
	assert_int_equal(iv.count, 4);
	assert_int_equal(raw(g.agent, SCMI_MSG_SENSOR_READING_GET, req, 2, rx, sizeof(rx), &len),
			 0);
	assert_int_equal(len, 16);
	/* 3.0 and 3.1 messages do not exist. */
	assert_int_equal(scmi_sensor_name_get(&h, ID_SOC_TEMP, name), -EOPNOTSUPP);
	assert_int_equal(raw(g.agent, SCMI_MSG_SENSOR_NAME_GET, req, 1, rx, sizeof(rx), &len),
			 -ENOENT);
	assert_int_equal(raw(g.agent, SCMI_MSG_SENSOR_AXIS_NAME_GET, req, 2, rx, sizeof(rx), &len),
			 -ENOENT);
	proto_fixture_close(&g);
}

static void test_old_platforms(void **state)
{
	struct proto_fixture *f = *state;

	check_v1_platform(f->mode);
	check_v2_platform(f->mode);
}

/* Agents are linux (1) and vm1 (2) on the default platform. */
static void test_agents_views_and_reset(void **state)
{
	struct proto_fixture *f = *state;
	struct scmi_agent *vm1 = proto_open_agent(f, proto_agent_vm1_dtb, SCMI_MODE_AUTO);
	const struct scmi_server_sensor_ops *ops = &sim_sensor_ops;
	struct scmi_server_sensor_info a, b;
	struct scmi_server_sensor_config c1, c2;
	bool trip, update;
	uint32_t i;

	assert_true(ops->count(f->plat, 1) > 0);
	assert_int_equal(ops->count(f->plat, 2), ops->count(f->plat, 1));
	for (i = 0; i < ops->count(f->plat, 1); i++) {
		assert_int_equal(ops->info(f->plat, 1, i, &a), SCMI_SUCCESS);
		assert_int_equal(ops->info(f->plat, 2, i, &b), SCMI_SUCCESS);
		assert_string_equal(a.name, b.name);
	}
	assert_int_equal(ops->info(f->plat, 2, ops->count(f->plat, 2), &b), SCMI_NOT_FOUND);
	assert_int_equal(ops->trip_notify(f->plat, 2, 0, true), SCMI_SUCCESS);
	assert_int_equal(ops->update_notify(f->plat, 1, 0, true), SCMI_SUCCESS);
	assert_int_equal(ops->config_get(f->plat, 2, 0, &c1), SCMI_SUCCESS);
	proto_lock(f);
	sim_sensor_reset_agent(f->plat, 2);
	proto_unlock(f);
	assert_int_equal(sim_sensor_notify_state(f->plat, 0, 2, &trip, &update), 0);
	assert_false(trip);
	assert_int_equal(sim_sensor_notify_state(f->plat, 0, 1, &trip, &update), 0);
	assert_true(update);
	/* The configuration is the sensor's: it stays. */
	assert_int_equal(ops->config_get(f->plat, 1, 0, &c2), SCMI_SUCCESS);
	assert_int_equal(c1.enabled, c2.enabled);
	assert_int_equal(c1.interval.secs, c2.interval.secs);
	scmi_agent_close(vm1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    PROTO_TEST(test_agents_views_and_reset),
	    PROTO_TEST(test_version_and_attributes),
	    PROTO_TEST(test_describe_all),
	    PROTO_TEST(test_fuzz_regressions),
	    PROTO_TEST(test_describe_pages_raw),
	    PROTO_TEST(test_name_get),
	    PROTO_TEST(test_axes),
	    PROTO_TEST(test_update_intervals),
	    PROTO_TEST(test_config),
	    PROTO_TEST(test_thermal_step_response),
	    PROTO_TEST(test_sampling),
	    PROTO_TEST(test_multi_axis),
	    PROTO_TEST(test_reading_errors),
	    PROTO_TEST(test_electrical),
	    PROTO_TEST(test_power_follows_perf),
	    PROTO_TEST(test_trip_points),
	    PROTO_TEST(test_notify),
	    PROTO_TEST(test_message_attributes),
	    PROTO_TEST(test_negotiated_v1),
	    PROTO_TEST(test_old_platforms),
	};

	return proto_run("sensor", tests, PROTO_ARRAY_SIZE(tests));
}
