// SPDX-License-Identifier: BSD-3-Clause
/*
 * Performance domain protocol (0x13) through libscmi against the default
 * platform (cpu_little 6 OPPs, cpu_big 14 OPPs, gpu 7 OPPs in level-indexing
 * mode), in every transport mode; and against perf-v1/v2/v3 platforms.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "fixture.h"
#include "platform/sim/sim_perf_priv.h"
#include "platform/sim/sim_platform_priv.h"
#include "platform/sim/sim_voltage.h"
#include "scmi/clock.h"
#include "scmi/perf.h"
#include "secure/secure_world.h"
#include "scmi/proto/endian.h"
#include "scmi/voltage.h"

#define D_LITTLE 0u
#define D_BIG	 1u
#define D_GPU	 2u

static const uint32_t big_levels[] = {408,  600,  816,	1008, 1200, 1296, 1416,
				      1512, 1608, 1704, 1800, 1896, 1944, 2016};

/* The level and kHz the model runs domain @id at. */
static uint32_t model_level(struct proto_fixture *f, uint32_t id, uint32_t *khz)
{
	uint32_t level = 0;

	proto_lock(f);
	assert_int_equal(sim_perf_model_level(f->plat, id, &level, khz), 0);
	proto_unlock(f);
	return level;
}

static void test_version_and_attributes(void **state)
{
	struct proto_fixture *f = *state;
	struct scmi_perf_info info;
	uint32_t v = 0;

	assert_int_equal(scmi_perf_init(f->agent, &v), 0);
	assert_int_equal(v, 0x40000);
	assert_int_equal(scmi_perf_protocol_info(f->agent, &info), 0);
	assert_int_equal(info.version, 0x40000);
	assert_int_equal(info.num_domains, 3);
	assert_true(info.power_mw);
	assert_false(info.power_uw);
	assert_int_equal(info.stats_addr, 0);
	assert_int_equal(info.stats_size, 0);
}

static void test_message_attributes(void **state)
{
	struct proto_fixture *f = *state;
	uint32_t attr, m;

	/* Every message exists and none has a fast channel (bit 0). */
	for (m = 0; m <= SCMI_MSG_PERF_DOMAIN_NAME_GET; m++) {
		attr = 0xdead;
		assert_int_equal(
		    scmi_protocol_message_attributes(f->agent, SCMI_PROTOCOL_PERF, m, &attr), 0);
		assert_int_equal(attr, 0);
	}
	assert_int_equal(
	    scmi_protocol_message_attributes(f->agent, SCMI_PROTOCOL_PERF, 0x10, &attr), 0);
	assert_int_equal(scmi_protocol_message_attributes(f->agent, SCMI_PROTOCOL_PERF, 0xd, &attr),
			 -ENOENT);
}

static void test_domain_attributes(void **state)
{
	struct proto_fixture *f = *state;
	struct scmi_perf_domain_info d;

	assert_int_equal(scmi_perf_domain_attributes(f->agent, D_LITTLE, &d), 0);
	assert_string_equal(d.name, "cpu_little");
	assert_true(d.set_limits && d.set_level && d.notify_limits && d.notify_level);
	assert_false(d.fastchannels);
	assert_false(d.level_indexing);
	assert_true(d.extended_name);
	assert_int_equal(d.rate_limit_us, 1000);
	assert_int_equal(d.sustained_freq_khz, 1200000);
	assert_int_equal(d.sustained_level, 1200);

	assert_int_equal(scmi_perf_domain_attributes(f->agent, D_BIG, &d), 0);
	assert_string_equal(d.name, "cpu_big");
	assert_int_equal(d.sustained_level, 1800);

	/* gpu speaks level indexes: the sustained level is index 4 (600 MHz). */
	assert_int_equal(scmi_perf_domain_attributes(f->agent, D_GPU, &d), 0);
	assert_string_equal(d.name, "gpu");
	assert_true(d.level_indexing);
	assert_int_equal(d.sustained_freq_khz, 600000);
	assert_int_equal(d.sustained_level, 4);
	assert_int_equal(d.rate_limit_us, 2000);

	assert_int_equal(scmi_perf_domain_attributes(f->agent, 3, &d), -ENOENT);
	assert_int_equal(scmi_perf_domain_attributes(f->agent, 0xffffffffu, &d), -ENOENT);
}

static void test_domain_name_get(void **state)
{
	struct proto_fixture *f = *state;
	char name[SCMI_PERF_NAME_BUF];

	assert_int_equal(scmi_perf_domain_name_get(f->agent, D_BIG, name), 0);
	assert_string_equal(name, "cpu_big");
	assert_int_equal(scmi_perf_domain_name_get(f->agent, 3, name), -ENOENT);
}

static void test_describe_levels_walk(void **state)
{
	struct proto_fixture *f = *state;
	struct scmi_perf_level lv[SCMI_PERF_MAX_LEVELS];
	size_t n = 0, i;

	assert_int_equal(scmi_perf_describe_levels(f->agent, D_BIG, lv, PROTO_ARRAY_SIZE(lv), &n),
			 0);
	assert_int_equal(n, PROTO_ARRAY_SIZE(big_levels));
	for (i = 0; i < n; i++) {
		assert_int_equal(lv[i].perf, big_levels[i]);
		assert_int_equal(lv[i].freq_khz, big_levels[i] * 1000u);
		assert_int_equal(lv[i].index, i);
		assert_int_equal(lv[i].latency_us, 150);
		if (i)
			assert_true(lv[i].power > lv[i - 1].power);
	}
	assert_int_equal(lv[0].power, 80);
	assert_int_equal(lv[13].power, 1180);

	assert_int_equal(scmi_perf_describe_levels(f->agent, D_GPU, lv, PROTO_ARRAY_SIZE(lv), &n),
			 0);
	assert_int_equal(n, 7);
	assert_int_equal(lv[6].perf, 800);
	assert_int_equal(lv[6].index, 6);
	/* Too small a buffer is refused, not truncated silently. */
	assert_int_equal(scmi_perf_describe_levels(f->agent, D_BIG, lv, 5, &n), -ENOSPC);
	assert_int_equal(scmi_perf_describe_levels(f->agent, 7, lv, PROTO_ARRAY_SIZE(lv), &n),
			 -ENOENT);
}

/* The raw first page: as many 20-byte entries as fit, the rest counted in bits [31:16]. */
static void test_describe_levels_raw_pages(void **state)
{
	struct proto_fixture *f = *state;
	uint8_t tx[8], rx[256];
	size_t len = 0, max = scmi_agent_max_msg_size(f->agent);
	uint32_t returned, remaining, first, pages = 0;

	/* Page by page until every level was returned: first stays an index of big_levels. */
	for (first = 0; first < PROTO_ARRAY_SIZE(big_levels); first += returned) {
		scmi_put_le32(tx, D_BIG);
		scmi_put_le32(tx + 4, first);
		assert_int_equal(scmi_xfer(f->agent, SCMI_PROTOCOL_PERF,
					   SCMI_MSG_PERF_DESCRIBE_LEVELS, tx, sizeof(tx), rx, max,
					   &len, NULL),
				 0);
		returned = scmi_get_le32(rx) & 0xfffu;
		remaining = scmi_get_le32(rx) >> 16;
		assert_int_equal((scmi_get_le32(rx) >> 12) & 0xfu, 0);
		assert_true(returned > 0);
		assert_int_equal(len, 4 + 20 * returned);
		assert_true(len <= max);
		/* Full pages: 100..108 bytes of room hold 4 or 5 entries of 20 bytes. */
		if (remaining)
			assert_true(returned == 4 || returned == 5);
		assert_int_equal(first + returned + remaining, PROTO_ARRAY_SIZE(big_levels));
		assert_int_equal(scmi_get_le32(rx + 4), big_levels[first]);
		assert_int_equal(scmi_get_le32(rx + 4 + 16), first); /* level index */
		pages++;
	}
	assert_true(pages >= 3);

	/* One past the last is an empty last page; beyond is refused. */
	scmi_put_le32(tx + 4, PROTO_ARRAY_SIZE(big_levels));
	assert_int_equal(scmi_xfer(f->agent, SCMI_PROTOCOL_PERF, SCMI_MSG_PERF_DESCRIBE_LEVELS, tx,
				   sizeof(tx), rx, max, &len, NULL),
			 0);
	assert_int_equal(len, 4);
	assert_int_equal(scmi_get_le32(rx), 0);
	scmi_put_le32(tx + 4, PROTO_ARRAY_SIZE(big_levels) + 1);
	assert_int_equal(scmi_xfer(f->agent, SCMI_PROTOCOL_PERF, SCMI_MSG_PERF_DESCRIBE_LEVELS, tx,
				   sizeof(tx), rx, max, &len, NULL),
			 -EINVAL);
}

static void test_level_set_get(void **state)
{
	struct proto_fixture *f = *state;
	uint32_t level = 0, khz = 0;

	/* Initial levels from the DT. */
	assert_int_equal(scmi_perf_level_get(f->agent, D_LITTLE, &level), 0);
	assert_int_equal(level, 1008);
	assert_int_equal(scmi_perf_level_get(f->agent, D_BIG, &level), 0);
	assert_int_equal(level, 1200);

	assert_int_equal(scmi_perf_level_set(f->agent, D_LITTLE, 816), 0);
	assert_int_equal(scmi_perf_level_get(f->agent, D_LITTLE, &level), 0);
	assert_int_equal(level, 816);
	assert_int_equal(model_level(f, D_LITTLE, &khz), 816);
	assert_int_equal(khz, 816000);
	assert_int_equal(scmi_perf_level_set(f->agent, D_LITTLE, 1416), 0);
	assert_int_equal(scmi_perf_level_get(f->agent, D_LITTLE, &level), 0);
	assert_int_equal(level, 1416);

	assert_int_equal(scmi_perf_level_set(f->agent, 3, 816), -ENOENT);
	assert_int_equal(scmi_perf_level_get(f->agent, 3, &level), -ENOENT);
}

static void test_level_out_of_range(void **state)
{
	struct proto_fixture *f = *state;
	uint32_t level = 0;

	/* Not an OPP: between two, below all, above all. */
	assert_int_equal(scmi_perf_level_set(f->agent, D_LITTLE, 900), -ERANGE);
	assert_int_equal(scmi_perf_level_set(f->agent, D_LITTLE, 0), -ERANGE);
	assert_int_equal(scmi_perf_level_set(f->agent, D_LITTLE, 2016), -ERANGE);
	assert_int_equal(scmi_perf_level_set(f->agent, D_LITTLE, 0xffffffffu), -ERANGE);
	assert_int_equal(scmi_perf_level_get(f->agent, D_LITTLE, &level), 0);
	assert_int_equal(level, 1008);
}

/* DVFS: up = voltage then clock, down = clock then voltage, both land on the OPP. */
static void test_dvfs_order_and_values(void **state)
{
	struct proto_fixture *f = *state;
	struct sim_perf_step s[SIM_PERF_TRACE_LEN];
	struct scmi_voltage vh;
	int32_t uv = 0;
	size_t n;

	/* Boot: the rail carries the initial OPP's voltage (1200 MHz, 900 mV). */
	assert_int_equal(scmi_voltage_init(&vh, f->agent), 0);
	assert_int_equal(scmi_voltage_level_get(&vh, 1, &uv), 0);
	assert_int_equal(uv, 900000);
	proto_lock(f);
	sim_perf_model_trace(f->plat, s, PROTO_ARRAY_SIZE(s), true);
	proto_unlock(f);

	assert_int_equal(scmi_perf_level_set(f->agent, D_BIG, 2016), 0);
	proto_lock(f);
	n = sim_perf_model_trace(f->plat, s, PROTO_ARRAY_SIZE(s), true);
	proto_unlock(f);
	assert_int_equal(n, 2);
	assert_int_equal(s[0].kind, SIM_PERF_STEP_VOLTAGE);
	assert_int_equal(s[0].domain, D_BIG);
	assert_int_equal(s[0].value, 1180000);
	assert_int_equal(s[0].ret, 0);
	assert_int_equal(s[1].kind, SIM_PERF_STEP_CLOCK);
	assert_int_equal(s[1].value, 2016000000ull);
	assert_int_equal(s[1].ret, 0);

	/* The voltage protocol sees the rail where the OPP wants it. */
	assert_int_equal(scmi_voltage_level_get(&vh, 1, &uv), 0);
	assert_int_equal(uv, 1180000);

	assert_int_equal(scmi_perf_level_set(f->agent, D_BIG, 600), 0);
	proto_lock(f);
	n = sim_perf_model_trace(f->plat, s, PROTO_ARRAY_SIZE(s), true);
	proto_unlock(f);
	assert_int_equal(n, 2);
	assert_int_equal(s[0].kind, SIM_PERF_STEP_CLOCK);
	assert_int_equal(s[0].value, 600000000ull);
	assert_int_equal(s[1].kind, SIM_PERF_STEP_VOLTAGE);
	assert_int_equal(s[1].value, 700000);
	assert_int_equal(scmi_voltage_level_get(&vh, 1, &uv), 0);
	assert_int_equal(uv, 700000);

	/* Same level again: nothing moves. */
	assert_int_equal(scmi_perf_level_set(f->agent, D_BIG, 600), 0);
	proto_lock(f);
	n = sim_perf_model_trace(f->plat, s, PROTO_ARRAY_SIZE(s), true);
	proto_unlock(f);
	assert_int_equal(n, 0);
}

/* The clock protocol's id of the clock called @name. */
static uint32_t clock_by_name(struct scmi_clock *clk, const char *name)
{
	struct scmi_clock_info info;
	uint32_t id;

	for (id = 0; id < clk->num_clocks; id++) {
		assert_int_equal(scmi_clock_attributes(clk, id, &info), 0);
		if (!strcmp(info.name, name))
			return id;
	}
	fail_msg("no clock %s", name);
	return 0;
}

/* Every domain: its clock and its rail follow the level, read back through their protocols. */
static void test_dvfs_clock_and_voltage_readback(void **state)
{
	static const struct {
		uint32_t domain, wire, khz, uv;
		const char *clock;
		uint32_t rail;
	} cases[] = {
	    {D_LITTLE, 1416, 1416000, 1000000, "cpu_little", 0},
	    {D_LITTLE, 408, 408000, 650000, "cpu_little", 0},
	    {D_BIG, 1944, 1944000, 1140000, "cpu_big", 1},
	    {D_BIG, 816, 816000, 750000, "cpu_big", 1},
	    {D_GPU, 6, 800000, 1000000, "gpu", 2}, /* level-indexing: index 6 */
	    {D_GPU, 0, 200000, 700000, "gpu", 2},
	};
	struct proto_fixture *f = *state;
	struct scmi_clock clk;
	struct scmi_voltage vh;
	uint64_t hz = 0;
	int32_t uv = 0;
	size_t i;

	assert_int_equal(scmi_clock_init(f->agent, &clk), 0);
	assert_int_equal(scmi_voltage_init(&vh, f->agent), 0);
	/* Boot state: the OPPs of the initial levels. */
	assert_int_equal(scmi_clock_rate_get(&clk, clock_by_name(&clk, "cpu_big"), &hz), 0);
	assert_int_equal(hz, 1200000000ull);
	for (i = 0; i < PROTO_ARRAY_SIZE(cases); i++) {
		assert_int_equal(scmi_perf_level_set(f->agent, cases[i].domain, cases[i].wire), 0);
		assert_int_equal(
		    scmi_clock_rate_get(&clk, clock_by_name(&clk, cases[i].clock), &hz), 0);
		assert_int_equal(hz, (uint64_t)cases[i].khz * 1000u);
		assert_int_equal(scmi_voltage_level_get(&vh, cases[i].rail, &uv), 0);
		assert_int_equal(uv, cases[i].uv);
	}
}

static void test_limits(void **state)
{
	struct proto_fixture *f = *state;
	uint32_t max = 0, min = 0, level = 0;

	assert_int_equal(scmi_perf_limits_get(f->agent, D_LITTLE, &max, &min), 0);
	assert_int_equal(max, 1416);
	assert_int_equal(min, 408);

	assert_int_equal(scmi_perf_level_set(f->agent, D_LITTLE, 1200), 0);
	/* Lowering the upper limit below the level brings the level down. */
	assert_int_equal(scmi_perf_limits_set(f->agent, D_LITTLE, 816, 600), 0);
	assert_int_equal(scmi_perf_limits_get(f->agent, D_LITTLE, &max, &min), 0);
	assert_int_equal(max, 816);
	assert_int_equal(min, 600);
	assert_int_equal(scmi_perf_level_get(f->agent, D_LITTLE, &level), 0);
	assert_int_equal(level, 816);
	/* Requests outside the limits are refused. */
	assert_int_equal(scmi_perf_level_set(f->agent, D_LITTLE, 1008), -ERANGE);
	assert_int_equal(scmi_perf_level_set(f->agent, D_LITTLE, 408), -ERANGE);
	assert_int_equal(scmi_perf_level_set(f->agent, D_LITTLE, 600), 0);
	assert_int_equal(scmi_perf_level_get(f->agent, D_LITTLE, &level), 0);
	assert_int_equal(level, 600);
	/* Raising the lower limit above the level brings it up. */
	assert_int_equal(scmi_perf_limits_set(f->agent, D_LITTLE, 1416, 1008), 0);
	assert_int_equal(scmi_perf_level_get(f->agent, D_LITTLE, &level), 0);
	assert_int_equal(level, 1008);
	/* Widening again restores the request. */
	assert_int_equal(scmi_perf_limits_set(f->agent, D_LITTLE, 1416, 408), 0);
	assert_int_equal(scmi_perf_level_get(f->agent, D_LITTLE, &level), 0);
	assert_int_equal(level, 600);

	/* Bad limits, nothing changes. */
	assert_int_equal(scmi_perf_limits_set(f->agent, D_LITTLE, 600, 816), -EINVAL);
	assert_int_equal(scmi_perf_limits_set(f->agent, D_LITTLE, 2016, 408), -ERANGE);
	assert_int_equal(scmi_perf_limits_set(f->agent, D_LITTLE, 1416, 100), -ERANGE);
	assert_int_equal(scmi_perf_limits_set(f->agent, D_LITTLE, 0, 0), -ERANGE);
	assert_int_equal(scmi_perf_limits_set(f->agent, D_LITTLE, 900, 850), -ERANGE); /* no OPP */
	/* Limits need not be OPPs if one lies between them. */
	assert_int_equal(scmi_perf_limits_set(f->agent, D_LITTLE, 1100, 700), 0);
	assert_int_equal(scmi_perf_level_get(f->agent, D_LITTLE, &level), 0);
	assert_int_equal(level, 816);
	assert_int_equal(scmi_perf_limits_get(f->agent, D_LITTLE, &max, &min), 0);
	assert_int_equal(max, 1100);
	assert_int_equal(min, 700);
	assert_int_equal(scmi_perf_limits_set(f->agent, 3, 1416, 408), -ENOENT);
	assert_int_equal(scmi_perf_limits_get(f->agent, 3, &max, &min), -ENOENT);
}

/* Two agents vote: the domain runs at the highest request. */
static void test_votes_of_two_agents(void **state)
{
	struct proto_fixture *f = *state;
	struct scmi_agent *vm1 = proto_open_agent(f, proto_agent_vm1_dtb, SCMI_MODE_AUTO);
	uint32_t level = 0;

	assert_int_equal(scmi_perf_level_set(f->agent, D_BIG, 1008), 0);
	assert_int_equal(scmi_perf_level_set(vm1, D_BIG, 1800), 0);
	assert_int_equal(scmi_perf_level_get(f->agent, D_BIG, &level), 0);
	assert_int_equal(level, 1800);
	assert_int_equal(scmi_perf_level_set(vm1, D_BIG, 408), 0);
	assert_int_equal(scmi_perf_level_get(vm1, D_BIG, &level), 0);
	assert_int_equal(level, 1008);
	assert_int_equal(scmi_perf_level_set(f->agent, D_BIG, 600), 0);
	assert_int_equal(scmi_perf_level_get(vm1, D_BIG, &level), 0);
	assert_int_equal(level, 600);
	scmi_agent_close(vm1);
}

static void test_level_indexing_mode(void **state)
{
	struct proto_fixture *f = *state;
	uint32_t v = 0, max = 0, min = 0;

	/* Initial 400 MHz = index 2. */
	assert_int_equal(scmi_perf_level_get(f->agent, D_GPU, &v), 0);
	assert_int_equal(v, 2);
	assert_int_equal(scmi_perf_level_set(f->agent, D_GPU, 5), 0);
	assert_int_equal(scmi_perf_level_get(f->agent, D_GPU, &v), 0);
	assert_int_equal(v, 5);
	assert_int_equal(model_level(f, D_GPU, NULL), 700);
	/* 7 entries: index 7 does not exist; a perf level is no index either. */
	assert_int_equal(scmi_perf_level_set(f->agent, D_GPU, 7), -ERANGE);
	assert_int_equal(scmi_perf_level_set(f->agent, D_GPU, 700), -ERANGE);

	assert_int_equal(scmi_perf_limits_get(f->agent, D_GPU, &max, &min), 0);
	assert_int_equal(max, 6);
	assert_int_equal(min, 0);
	assert_int_equal(scmi_perf_limits_set(f->agent, D_GPU, 3, 1), 0);
	assert_int_equal(scmi_perf_limits_get(f->agent, D_GPU, &max, &min), 0);
	assert_int_equal(max, 3);
	assert_int_equal(min, 1);
	assert_int_equal(model_level(f, D_GPU, NULL), 500);
	assert_int_equal(scmi_perf_level_get(f->agent, D_GPU, &v), 0);
	assert_int_equal(v, 3);
	assert_int_equal(scmi_perf_limits_set(f->agent, D_GPU, 1, 3), -EINVAL);
	assert_int_equal(scmi_perf_limits_set(f->agent, D_GPU, 7, 0), -ERANGE);

	/* An agent that negotiated 3.0 speaks performance levels to the same domain. */
	assert_int_equal(scmi_protocol_negotiate_version(f->agent, SCMI_PROTOCOL_PERF, 0x30000), 0);
	assert_int_equal(scmi_perf_level_get(f->agent, D_GPU, &v), 0);
	assert_int_equal(v, 500);
	assert_int_equal(scmi_perf_limits_get(f->agent, D_GPU, &max, &min), 0);
	assert_int_equal(max, 500);
	assert_int_equal(min, 300);
}

static void test_notify(void **state)
{
	struct proto_fixture *f = *state;
	struct scmi_agent *vm1 = proto_open_agent(f, proto_agent_vm1_dtb, SCMI_MODE_AUTO);
	uint8_t tx[8];

	assert_int_equal(scmi_perf_notify_level(f->agent, D_BIG, true), 0);
	assert_int_equal(scmi_perf_notify_limits(vm1, D_GPU, true), 0);
	proto_lock(f);
	assert_int_equal(f->plat->perf->d[D_BIG].notify_level, 1u);  /* agent 1 */
	assert_int_equal(f->plat->perf->d[D_GPU].notify_limits, 2u); /* agent 2 */
	assert_int_equal(f->plat->perf->d[D_GPU].notify_level, 0);
	proto_unlock(f);
	assert_int_equal(scmi_perf_notify_level(f->agent, D_BIG, false), 0);
	proto_lock(f);
	assert_int_equal(f->plat->perf->d[D_BIG].notify_level, 0);
	proto_unlock(f);

	assert_int_equal(scmi_perf_notify_level(f->agent, 3, true), -ENOENT);
	assert_int_equal(scmi_perf_notify_limits(f->agent, 3, true), -ENOENT);
	/* Reserved bits of notify_enable. */
	scmi_put_le32(tx, D_BIG);
	scmi_put_le32(tx + 4, 2);
	assert_int_equal(scmi_xfer(f->agent, SCMI_PROTOCOL_PERF, SCMI_MSG_PERF_NOTIFY_LEVEL, tx,
				   sizeof(tx), NULL, 0, NULL, NULL),
			 -EINVAL);
	assert_int_equal(scmi_xfer(f->agent, SCMI_PROTOCOL_PERF, SCMI_MSG_PERF_NOTIFY_LIMITS, tx,
				   sizeof(tx), NULL, 0, NULL, NULL),
			 -EINVAL);
	scmi_agent_close(vm1);
}

static void test_describe_fastchannel(void **state)
{
	struct proto_fixture *f = *state;
	struct scmi_perf_fastchannel fc;

	assert_int_equal(
	    scmi_perf_describe_fastchannel(f->agent, D_BIG, SCMI_MSG_PERF_LEVEL_SET, &fc),
	    -EOPNOTSUPP);
	assert_int_equal(
	    scmi_perf_describe_fastchannel(f->agent, D_BIG, SCMI_MSG_PERF_LIMITS_GET, &fc),
	    -EOPNOTSUPP);
	assert_int_equal(
	    scmi_perf_describe_fastchannel(f->agent, D_BIG, SCMI_MSG_PERF_DOMAIN_ATTRIBUTES, &fc),
	    -EINVAL);
	assert_int_equal(scmi_perf_describe_fastchannel(f->agent, 3, SCMI_MSG_PERF_LEVEL_SET, &fc),
			 -ENOENT);
}

static void test_bad_sizes(void **state)
{
	struct proto_fixture *f = *state;
	uint8_t tx[16] = {0}, rx[64];
	size_t len;

	/* The central size check: one byte short or long is a PROTOCOL_ERROR. */
	assert_int_equal(scmi_xfer(f->agent, SCMI_PROTOCOL_PERF, SCMI_MSG_PERF_LEVEL_SET, tx, 4, rx,
				   sizeof(rx), &len, NULL),
			 -EPROTO);
	assert_int_equal(scmi_xfer(f->agent, SCMI_PROTOCOL_PERF, SCMI_MSG_PERF_LIMITS_SET, tx, 16,
				   rx, sizeof(rx), &len, NULL),
			 -EPROTO);
}

static void test_power_cap_model(void **state)
{
	struct proto_fixture *f = *state;
	uint32_t level = 0, total;

	assert_int_equal(scmi_perf_level_set(f->agent, D_BIG, 2016), 0);
	proto_lock(f);
	assert_int_equal(sim_perf_model_power_mw(f->plat, D_BIG), 1180);
	total = sim_perf_model_total_power_mw(f->plat);
	/* cpu_little 1008 (220 mW) + cpu_big 2016 (1180) + gpu 400 (300). */
	assert_int_equal(total, 220 + 1180 + 300);
	/* 700 mW: the highest OPP within is 1704 MHz (700 mW). */
	assert_int_equal(sim_perf_model_set_cap_mw(f->plat, D_BIG, 700), 0);
	proto_unlock(f);
	assert_int_equal(scmi_perf_level_get(f->agent, D_BIG, &level), 0);
	assert_int_equal(level, 1704);
	/* The request stays: a lower one is honoured, removing the cap restores it. */
	assert_int_equal(scmi_perf_level_set(f->agent, D_BIG, 1008), 0);
	assert_int_equal(scmi_perf_level_set(f->agent, D_BIG, 2016), 0);
	assert_int_equal(scmi_perf_level_get(f->agent, D_BIG, &level), 0);
	assert_int_equal(level, 1704);
	proto_lock(f);
	/* A cap below every OPP leaves the lowest. */
	assert_int_equal(sim_perf_model_set_cap_mw(f->plat, D_BIG, 10), 0);
	assert_int_equal(sim_perf_model_power_mw(f->plat, D_BIG), 80);
	assert_int_equal(sim_perf_model_set_cap_mw(f->plat, D_BIG, 0), 0);
	assert_int_equal(sim_perf_model_set_cap_mw(f->plat, 3, 100), -ENOENT);
	assert_int_equal(sim_perf_model_power_mw(f->plat, 3), 0);
	proto_unlock(f);
	assert_int_equal(scmi_perf_level_get(f->agent, D_BIG, &level), 0);
	assert_int_equal(level, 2016);
}

/* Older platforms: message gating and the 12-byte level entry. */
static void check_old_platform(struct proto_fixture *f, uint32_t major)
{
	char path[512];
	struct proto_fixture g = {0};
	struct scmi_perf_level lv[SCMI_PERF_MAX_LEVELS];
	struct scmi_perf_domain_info d;
	struct scmi_perf_fastchannel fc;
	uint8_t tx[8], rx[256];
	uint32_t v = 0, attr, level = 0;
	size_t n = 0, len, max;
	char name[SCMI_PERF_NAME_BUF];

	snprintf(path, sizeof(path), "perf-v%u.dtb", major);
	proto_open_platform(&g, path, f->mode);
	assert_int_equal(scmi_perf_init(g.agent, &v), 0);
	assert_int_equal(v, major << 16);

	/* Entries of 12 bytes: more per page, no frequency, positional index. */
	max = scmi_agent_max_msg_size(g.agent);
	scmi_put_le32(tx, D_BIG);
	scmi_put_le32(tx + 4, 0);
	assert_int_equal(scmi_xfer(g.agent, SCMI_PROTOCOL_PERF, SCMI_MSG_PERF_DESCRIBE_LEVELS, tx,
				   sizeof(tx), rx, max, &len, NULL),
			 0);
	assert_int_equal(len, 4 + 12 * (scmi_get_le32(rx) & 0xfffu));
	/* ~100 bytes of room: 7 (SMT) or 8 (MSG) entries of 12 bytes, against 4 of 20. */
	assert_true((scmi_get_le32(rx) & 0xfffu) >= 7);
	assert_int_equal((scmi_get_le32(rx) & 0xfffu) + (scmi_get_le32(rx) >> 16), 14);
	assert_int_equal(scmi_perf_describe_levels(g.agent, D_BIG, lv, PROTO_ARRAY_SIZE(lv), &n),
			 0);
	assert_int_equal(n, 14);
	assert_int_equal(lv[13].perf, 2016);
	assert_int_equal(lv[13].freq_khz, 0);
	assert_int_equal(lv[13].index, 13);

	/* No level indexing before v4: gpu speaks levels. */
	assert_int_equal(scmi_perf_domain_attributes(g.agent, D_GPU, &d), 0);
	assert_false(d.level_indexing);
	assert_int_equal(d.sustained_level, 600);
	assert_int_equal(scmi_perf_level_get(g.agent, D_GPU, &level), 0);
	assert_int_equal(level, 400);
	assert_int_equal(scmi_perf_level_set(g.agent, D_GPU, 700), 0);
	assert_int_equal(scmi_perf_level_get(g.agent, D_GPU, &level), 0);
	assert_int_equal(level, 700);

	/* Extended names from v3, fast channel description from v2. */
	assert_int_equal(scmi_perf_domain_attributes(g.agent, D_BIG, &d), 0);
	assert_int_equal(d.extended_name, major >= 3);
	assert_int_equal(scmi_perf_domain_name_get(g.agent, D_BIG, name),
			 major >= 3 ? 0 : -EOPNOTSUPP);
	assert_int_equal(scmi_protocol_message_attributes(g.agent, SCMI_PROTOCOL_PERF,
							  SCMI_MSG_PERF_DOMAIN_NAME_GET, &attr),
			 major >= 3 ? 0 : -ENOENT);
	assert_int_equal(scmi_protocol_message_attributes(g.agent, SCMI_PROTOCOL_PERF,
							  SCMI_MSG_PERF_DESCRIBE_FASTCHANNEL,
							  &attr),
			 major >= 2 ? 0 : -ENOENT);
	assert_int_equal(
	    scmi_perf_describe_fastchannel(g.agent, D_BIG, SCMI_MSG_PERF_LEVEL_GET, &fc),
	    -EOPNOTSUPP);
	/* The server itself refuses what the version lacks. */
	scmi_put_le32(tx, D_BIG);
	if (major < 3)
		assert_int_equal(scmi_xfer(g.agent, SCMI_PROTOCOL_PERF,
					   SCMI_MSG_PERF_DOMAIN_NAME_GET, tx, 4, rx, 68, &len,
					   NULL),
				 -ENOENT);
	proto_fixture_close(&g);
}

static void test_platform_v1(void **state)
{
	check_old_platform(*state, 1);
}

static void test_platform_v2(void **state)
{
	check_old_platform(*state, 2);
}

static void test_platform_v3(void **state)
{
	check_old_platform(*state, 3);
}

/* Agents are linux (1) and vm1 (2) on the default platform. */
static void test_agents_views_and_reset(void **state)
{
	struct proto_fixture *f = *state;
	struct scmi_agent *vm1 = proto_open_agent(f, proto_agent_vm1_dtb, SCMI_MODE_AUTO);
	const struct scmi_server_perf_ops *ops = &sim_perf_ops;
	struct scmi_server_perf_domain d1, d2;
	struct scmi_server_perf_opp lo, mid, hi, below;
	uint32_t i, level, max, min;

	assert_int_equal(ops->count(f->plat, 2), ops->count(f->plat, 1));
	for (i = 0; i < ops->count(f->plat, 1); i++) {
		assert_int_equal(ops->domain(f->plat, 1, i, &d1), SCMI_SUCCESS);
		assert_int_equal(ops->domain(f->plat, 2, i, &d2), SCMI_SUCCESS);
		assert_string_equal(d1.name, d2.name);
	}
	assert_int_equal(ops->domain(f->plat, 1, 0, &d1), SCMI_SUCCESS);
	assert_true(d1.num_levels >= 4);
	assert_int_equal(ops->opp(f->plat, 1, 0, 0, &lo), SCMI_SUCCESS);
	assert_int_equal(ops->opp(f->plat, 1, 0, 1, &mid), SCMI_SUCCESS);
	assert_int_equal(ops->opp(f->plat, 1, 0, d1.num_levels - 2, &below), SCMI_SUCCESS);
	assert_int_equal(ops->opp(f->plat, 1, 0, d1.num_levels - 1, &hi), SCMI_SUCCESS);
	/* Both vote: the higher request wins. */
	assert_int_equal(scmi_perf_level_set(f->agent, 0, mid.level), 0);
	assert_int_equal(scmi_perf_level_set(vm1, 0, hi.level), 0);
	assert_int_equal(scmi_perf_level_get(f->agent, 0, &level), 0);
	assert_int_equal(level, hi.level);
	/* vm1 reset: its request goes, the domain drops to linux's. */
	proto_lock(f);
	sim_perf_reset_agent(f->plat, 2);
	proto_unlock(f);
	assert_int_equal(scmi_perf_level_get(vm1, 0, &level), 0);
	assert_int_equal(level, mid.level);
	/* Limits vm1 set go with it; those linux set stay through vm1's reset. */
	assert_int_equal(ops->limits_set(f->plat, 2, 0, below.level, lo.level), SCMI_SUCCESS);
	proto_lock(f);
	sim_perf_reset_agent(f->plat, 1);
	proto_unlock(f);
	assert_int_equal(ops->limits_get(f->plat, 1, 0, &max, &min), SCMI_SUCCESS);
	assert_int_equal(max, below.level);
	proto_lock(f);
	sim_perf_reset_agent(f->plat, 2);
	proto_unlock(f);
	assert_int_equal(ops->limits_get(f->plat, 1, 0, &max, &min), SCMI_SUCCESS);
	assert_int_equal(max, hi.level);
	assert_int_equal(min, lo.level);
	/* Nobody asks any more: back to the initial level, within the boot limits. */
	assert_int_equal(ops->level_get(f->plat, 2, 0, &level), SCMI_SUCCESS);
	assert_true(level >= lo.level && level <= hi.level);
	assert_int_equal(ops->notify(f->plat, 2, 0, true, true), SCMI_SUCCESS);
	proto_lock(f);
	assert_true(f->plat->perf->d[0].notify_limits & 2u);
	sim_perf_reset_agent(f->plat, 2);
	assert_false(f->plat->perf->d[0].notify_limits & 2u);
	proto_unlock(f);
	scmi_agent_close(vm1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    PROTO_TEST(test_agents_views_and_reset),
	    PROTO_TEST(test_version_and_attributes),
	    PROTO_TEST(test_message_attributes),
	    PROTO_TEST(test_domain_attributes),
	    PROTO_TEST(test_domain_name_get),
	    PROTO_TEST(test_describe_levels_walk),
	    PROTO_TEST(test_describe_levels_raw_pages),
	    PROTO_TEST(test_level_set_get),
	    PROTO_TEST(test_level_out_of_range),
	    PROTO_TEST(test_dvfs_order_and_values),
	    PROTO_TEST(test_dvfs_clock_and_voltage_readback),
	    PROTO_TEST(test_limits),
	    PROTO_TEST(test_votes_of_two_agents),
	    PROTO_TEST(test_level_indexing_mode),
	    PROTO_TEST(test_notify),
	    PROTO_TEST(test_describe_fastchannel),
	    PROTO_TEST(test_bad_sizes),
	    PROTO_TEST(test_power_cap_model),
	    PROTO_TEST(test_platform_v1),
	    PROTO_TEST(test_platform_v2),
	    PROTO_TEST(test_platform_v3),
	};

	return proto_run("perf", tests, PROTO_ARRAY_SIZE(tests));
}
