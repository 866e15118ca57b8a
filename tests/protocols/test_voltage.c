// SPDX-License-Identifier: BSD-3-Clause
/*
 * Voltage domain protocol (0x17) through libscmi against the simulated
 * platform, in every transport mode: discovery, paged level lists (with the
 * raw remaining counts OP-TEE gets wrong), segments, levels and modes as the
 * model sees them, bad input, and a 1.0 platform.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "fixture.h"
#include "platform/sim/sim_platform_priv.h"
#include "platform/sim/sim_platform.h"
#include "platform/sim/sim_voltage.h"
#include "scmi/proto/endian.h"
#include "scmi/voltage.h"
#include "secure/secure_world.h"

#define ID_CPU_LITTLE 0u
#define ID_CPU_BIG    1u
#define ID_GPU	      2u
#define ID_SOC	      3u
#define ID_IO	      4u
#define ID_DDR	      5u
#define NUM_DOMAINS   6u
#define IO_LEVELS     30u

static const char *const names[NUM_DOMAINS] = {
    "vdd_cpu_little", "vdd_cpu_big", "vdd_gpu",
    "vdd_soc",	      "vdd_io",	     "vdd_ddr_dram_core_and_io_supply",
};

/* A raw request of this protocol: proto_raw() without the SCMI status. */
#define raw(agent, msg, words, n, rx, rx_max, rx_len)                                              \
	proto_raw(agent, SCMI_PROTOCOL_VOLTAGE, msg, words, n, rx, rx_max, rx_len, NULL)

static void init(struct proto_fixture *f, struct scmi_voltage *v)
{
	assert_int_equal(scmi_voltage_init(v, f->agent), 0);
}

static int32_t model_level(struct proto_fixture *f, uint32_t id)
{
	int32_t uv = 0;

	assert_int_equal(sim_voltage_get(f->plat, id, &uv, NULL), 0);
	return uv;
}

static uint32_t model_config(struct proto_fixture *f, uint32_t id)
{
	uint32_t config = 0xff;

	assert_int_equal(sim_voltage_get(f->plat, id, NULL, &config), 0);
	return config;
}

static void test_version_and_attributes(void **state)
{
	struct proto_fixture *f = *state;
	struct scmi_voltage v;

	init(f, &v);
	proto_assert_init(f->agent, SCMI_PROTOCOL_VOLTAGE, v.version, 0x20001, v.num_domains,
			  NUM_DOMAINS, 9);
}

static void test_domain_attributes_and_names(void **state)
{
	struct proto_fixture *f = *state;
	struct scmi_voltage_domain_info info;
	char name[SCMI_EXT_NAME_SIZE + 1];
	struct scmi_voltage v;
	uint8_t rx[80];
	size_t len;
	uint32_t id;

	init(f, &v);
	for (id = 0; id < NUM_DOMAINS; id++) {
		assert_int_equal(scmi_voltage_domain_attributes(&v, id, &info), 0);
		assert_string_equal(info.name, names[id]);
		assert_false(info.async);
		assert_true(info.ext_name);
		assert_int_equal(
		    raw(f->agent, SCMI_MSG_VOLTAGE_DOMAIN_ATTRIBUTES, &id, 1, rx, sizeof(rx), &len),
		    0);
		assert_int_equal(len, 20);
		/* No async level set, extended names (2.0 on), nothing else. */
		assert_int_equal(scmi_get_le32(rx), 0x40000000u);
	}
	id = ID_DDR;
	assert_int_equal(
	    raw(f->agent, SCMI_MSG_VOLTAGE_DOMAIN_ATTRIBUTES, &id, 1, rx, sizeof(rx), &len), 0);
	assert_string_equal((const char *)rx + 4, "vdd_ddr");
	assert_int_equal(scmi_voltage_domain_name(&v, ID_DDR, name), 0);
	assert_string_equal(name, "vdd_ddr_dram_core_and_io_supply");
	assert_int_equal(scmi_voltage_domain_name(&v, ID_SOC, name), 0);
	assert_string_equal(name, "vdd_soc");
	assert_int_equal(
	    raw(f->agent, SCMI_MSG_VOLTAGE_DOMAIN_NAME_GET, &id, 1, rx, sizeof(rx), &len), 0);
	assert_int_equal(len, 68);
	assert_int_equal(scmi_get_le32(rx), 0);
}

static void test_segment(void **state)
{
	struct proto_fixture *f = *state;
	struct scmi_voltage_levels lv;
	struct scmi_voltage v;
	uint32_t req[2] = {ID_CPU_LITTLE, 0};
	uint8_t rx[SCMI_DEFAULT_MAX_MSG_SIZE];
	size_t len;
	uint32_t id;

	init(f, &v);
	/* The three DVFS rails: 600..1200 mV in 10 mV steps. */
	for (id = ID_CPU_LITTLE; id <= ID_GPU; id++) {
		assert_int_equal(scmi_voltage_describe_levels(&v, id, &lv), 0);
		assert_true(lv.segmented);
		assert_int_equal(lv.count, 3);
		assert_int_equal(lv.levels[0], 600000);
		assert_int_equal(lv.levels[1], 1200000);
		assert_int_equal(lv.levels[2], 10000);
	}
	assert_int_equal(
	    raw(f->agent, SCMI_MSG_VOLTAGE_DESCRIBE_LEVELS, req, 2, rx, sizeof(rx), &len), 0);
	assert_int_equal(len, 16);
	assert_int_equal(scmi_get_le32(rx), 3u | (1u << 12));
	/* A segment is described whole, from index 0 only. */
	req[1] = 1;
	assert_int_equal(
	    raw(f->agent, SCMI_MSG_VOLTAGE_DESCRIBE_LEVELS, req, 2, rx, sizeof(rx), &len), -ERANGE);
	req[1] = 3;
	assert_int_equal(
	    raw(f->agent, SCMI_MSG_VOLTAGE_DESCRIBE_LEVELS, req, 2, rx, sizeof(rx), &len), -ERANGE);
}

static void test_paged_list_and_raw_remaining(void **state)
{
	struct proto_fixture *f = *state;
	static const uint32_t starts[] = {0, 1, 5, 10, 17, 23, 28, 29};
	struct scmi_voltage_levels lv;
	struct scmi_voltage_levels_page pg;
	struct scmi_voltage v;
	uint32_t per_page, i, start;
	uint32_t req[2] = {ID_IO, 0};
	uint8_t rx[SCMI_DEFAULT_MAX_MSG_SIZE];
	size_t len;

	init(f, &v);
	assert_int_equal(scmi_voltage_describe_levels(&v, ID_IO, &lv), 0);
	assert_false(lv.segmented);
	assert_int_equal(lv.count, IO_LEVELS);
	for (i = 0; i < IO_LEVELS; i++)
		assert_int_equal(lv.levels[i], 1800000 + 50000 * (int32_t)i);

	/* The first page cannot hold all 30: remaining is what follows that page. */
	assert_int_equal(scmi_voltage_describe_levels_page(&v, ID_IO, 0, &pg), 0);
	per_page = pg.returned;
	assert_true(per_page > 0 && per_page < IO_LEVELS);
	assert_int_equal(pg.remaining, IO_LEVELS - per_page);
	assert_int_equal(
	    raw(f->agent, SCMI_MSG_VOLTAGE_DESCRIBE_LEVELS, req, 2, rx, sizeof(rx), &len), 0);
	assert_int_equal(scmi_get_le32(rx) & 0xfffu, per_page);
	assert_int_equal(scmi_get_le32(rx) >> 16, IO_LEVELS - per_page);
	assert_int_equal(scmi_get_le32(rx) & (1u << 12), 0);
	assert_int_equal(len, 4 + 4 * per_page);

	/* From any start index: returned + remaining == levels after the start (OP-TEE bug). */
	for (i = 0; i < PROTO_ARRAY_SIZE(starts); i++) {
		uint32_t left;

		start = starts[i];
		left = IO_LEVELS - start;
		assert_int_equal(scmi_voltage_describe_levels_page(&v, ID_IO, start, &pg), 0);
		assert_int_equal(pg.returned, left < per_page ? left : per_page);
		assert_int_equal(pg.remaining, left - pg.returned);
		assert_int_equal(pg.levels[0], 1800000 + 50000 * (int32_t)start);
	}
	/* Past the end. */
	req[1] = IO_LEVELS;
	assert_int_equal(
	    raw(f->agent, SCMI_MSG_VOLTAGE_DESCRIBE_LEVELS, req, 2, rx, sizeof(rx), &len), -ERANGE);
	req[1] = 0xffffffffu;
	assert_int_equal(
	    raw(f->agent, SCMI_MSG_VOLTAGE_DESCRIBE_LEVELS, req, 2, rx, sizeof(rx), &len), -ERANGE);

	/* A short list fits one page. */
	assert_int_equal(scmi_voltage_describe_levels_page(&v, ID_SOC, 0, &pg), 0);
	assert_int_equal(pg.returned, 4);
	assert_int_equal(pg.remaining, 0);
	assert_int_equal(pg.levels[3], 950000);
}

static void test_level_set_get(void **state)
{
	struct proto_fixture *f = *state;
	struct scmi_agent *vm1 = proto_open_agent(f, proto_agent_vm1_dtb, SCMI_MODE_AUTO);
	struct scmi_voltage v, v1;
	int32_t uv;

	init(f, &v);
	assert_int_equal(scmi_voltage_init(&v1, vm1), 0);
	/* Initial levels from the DT. */
	assert_int_equal(scmi_voltage_level_get(&v, ID_CPU_LITTLE, &uv), 0);
	assert_int_equal(uv, 800000);
	assert_int_equal(scmi_voltage_level_get(&v, ID_IO, &uv), 0);
	assert_int_equal(uv, 1800000);

	assert_int_equal(scmi_voltage_level_set(&v, ID_CPU_BIG, 950000), 0);
	assert_int_equal(model_level(f, ID_CPU_BIG), 950000);
	assert_int_equal(scmi_voltage_level_get(&v, ID_CPU_BIG, &uv), 0);
	assert_int_equal(uv, 950000);
	/* One regulator for every agent. */
	assert_int_equal(scmi_voltage_level_get(&v1, ID_CPU_BIG, &uv), 0);
	assert_int_equal(uv, 950000);
	/* The top of the segment; its bottom is below the OPP cpu_big runs at (900 mV). */
	assert_int_equal(scmi_voltage_level_set(&v1, ID_CPU_BIG, 1200000), 0);
	assert_int_equal(model_level(f, ID_CPU_BIG), 1200000);
	assert_int_equal(scmi_voltage_level_set(&v, ID_CPU_BIG, 600000), -EACCES);
	assert_int_equal(scmi_voltage_level_set(&v, ID_CPU_BIG, 890000), -EACCES);
	assert_int_equal(model_level(f, ID_CPU_BIG), 1200000);
	/* Exactly the OPP's voltage is enough. */
	assert_int_equal(scmi_voltage_level_set(&v, ID_CPU_BIG, 900000), 0);
	assert_int_equal(model_level(f, ID_CPU_BIG), 900000);

	assert_int_equal(scmi_voltage_level_set(&v, ID_IO, 3250000), 0);
	assert_int_equal(model_level(f, ID_IO), 3250000);
	assert_int_equal(scmi_voltage_level_set(&v, ID_IO, 2450000), 0);
	assert_int_equal(scmi_voltage_level_get(&v, ID_IO, &uv), 0);
	assert_int_equal(uv, 2450000);
	scmi_agent_close(vm1);
}

static void test_invalid_levels(void **state)
{
	struct proto_fixture *f = *state;
	struct scmi_voltage v;
	uint32_t req[3] = {ID_GPU, 0, 900000};
	uint8_t rx[8];
	size_t len;

	init(f, &v);
	/* Off the step grid / not in the list: INVALID_PARAMETERS. */
	assert_int_equal(scmi_voltage_level_set(&v, ID_GPU, 905000), -EINVAL);
	assert_int_equal(scmi_voltage_level_set(&v, ID_GPU, 600001), -EINVAL);
	assert_int_equal(scmi_voltage_level_set(&v, ID_IO, 2025000), -EINVAL);
	assert_int_equal(scmi_voltage_level_set(&v, ID_SOC, 875000), -EINVAL);
	/* Outside the span: OUT_OF_RANGE. */
	assert_int_equal(scmi_voltage_level_set(&v, ID_GPU, 590000), -ERANGE);
	assert_int_equal(scmi_voltage_level_set(&v, ID_GPU, 1210000), -ERANGE);
	assert_int_equal(scmi_voltage_level_set(&v, ID_GPU, -900000), -ERANGE);
	assert_int_equal(scmi_voltage_level_set(&v, ID_GPU, 0x7fffffff), -ERANGE);
	assert_int_equal(scmi_voltage_level_set(&v, ID_IO, 3300000), -ERANGE);
	assert_int_equal(scmi_voltage_level_set(&v, ID_IO, 1750000), -ERANGE);
	/* Nothing changed. */
	assert_int_equal(model_level(f, ID_GPU), 800000);
	assert_int_equal(model_level(f, ID_IO), 1800000);
	assert_int_equal(model_level(f, ID_SOC), 900000);

	/* Async asked: done at once; reserved flag bits refused. */
	req[1] = 1;
	assert_int_equal(raw(f->agent, SCMI_MSG_VOLTAGE_LEVEL_SET, req, 3, rx, sizeof(rx), &len),
			 0);
	assert_int_equal(model_level(f, ID_GPU), 900000);
	req[1] = 2;
	req[2] = 1000000;
	assert_int_equal(raw(f->agent, SCMI_MSG_VOLTAGE_LEVEL_SET, req, 3, rx, sizeof(rx), &len),
			 -EINVAL);
	assert_int_equal(model_level(f, ID_GPU), 900000);
}

static void test_config(void **state)
{
	struct proto_fixture *f = *state;
	struct scmi_voltage v;
	uint32_t mode, req[2] = {ID_GPU, 0x17};
	int32_t uv;
	uint8_t rx[8];
	size_t len;

	init(f, &v);
	assert_int_equal(scmi_voltage_config_get(&v, ID_GPU, &mode), 0);
	assert_int_equal(mode, SCMI_VOLTAGE_CONFIG_ON);

	/* The GPU's perf domain runs on vdd_gpu: it stays on (docs/decisions.md). */
	assert_int_equal(scmi_voltage_config_set(&v, ID_GPU, SCMI_VOLTAGE_CONFIG_OFF), -EACCES);
	assert_int_equal(model_config(f, ID_GPU), 7);

	assert_int_equal(scmi_voltage_config_set(&v, ID_SOC, SCMI_VOLTAGE_CONFIG_OFF), 0);
	assert_int_equal(model_config(f, ID_SOC), 0);
	assert_int_equal(scmi_voltage_config_get(&v, ID_SOC, &mode), 0);
	assert_int_equal(mode, SCMI_VOLTAGE_CONFIG_OFF);
	/* The programmed level survives off (and can be changed while off). */
	assert_int_equal(scmi_voltage_level_get(&v, ID_SOC, &uv), 0);
	assert_int_equal(uv, 900000);
	assert_int_equal(scmi_voltage_level_set(&v, ID_SOC, 850000), 0);
	assert_int_equal(scmi_voltage_config_set(&v, ID_SOC, SCMI_VOLTAGE_CONFIG_ON), 0);
	assert_int_equal(model_config(f, ID_SOC), 7);
	assert_int_equal(model_level(f, ID_SOC), 850000);

	/* Reserved architectural modes and bits beyond [3:0]. */
	assert_int_equal(scmi_voltage_config_set(&v, ID_GPU, 3), -EINVAL);
	assert_int_equal(scmi_voltage_config_set(&v, ID_GPU, 1), -EINVAL);
	assert_int_equal(raw(f->agent, SCMI_MSG_VOLTAGE_CONFIG_SET, req, 2, rx, sizeof(rx), &len),
			 -EINVAL);
	/* IMPLEMENTATION defined modes: only those the domain has. */
	assert_int_equal(scmi_voltage_config_set(&v, ID_GPU, SCMI_VOLTAGE_CONFIG_IMPL_DEFINED(0)),
			 -EINVAL);
	assert_int_equal(scmi_voltage_config_set(&v, ID_DDR, SCMI_VOLTAGE_CONFIG_IMPL_DEFINED(1)),
			 -EINVAL);
	assert_int_equal(model_config(f, ID_GPU), 7);
	assert_int_equal(scmi_voltage_config_set(&v, ID_DDR, SCMI_VOLTAGE_CONFIG_IMPL_DEFINED(0)),
			 0);
	assert_int_equal(scmi_voltage_config_get(&v, ID_DDR, &mode), 0);
	assert_int_equal(mode, 0x8);
	assert_int_equal(model_config(f, ID_DDR), 0x8);
}

static void test_unknown_domain(void **state)
{
	struct proto_fixture *f = *state;
	struct scmi_voltage_domain_info info;
	struct scmi_voltage_levels_page pg;
	char name[SCMI_EXT_NAME_SIZE + 1];
	struct scmi_voltage v;
	uint32_t bad[] = {NUM_DOMAINS, 0x10000, 0xffffffffu};
	uint32_t mode;
	int32_t uv;
	uint8_t rx[8];
	size_t i, len;

	init(f, &v);
	for (i = 0; i < PROTO_ARRAY_SIZE(bad); i++) {
		assert_int_equal(scmi_voltage_domain_attributes(&v, bad[i], &info), -ENOENT);
		assert_int_equal(scmi_voltage_domain_name(&v, bad[i], name), -ENOENT);
		assert_int_equal(scmi_voltage_describe_levels_page(&v, bad[i], 0, &pg), -ENOENT);
		assert_int_equal(scmi_voltage_config_set(&v, bad[i], 7), -ENOENT);
		assert_int_equal(scmi_voltage_config_get(&v, bad[i], &mode), -ENOENT);
		assert_int_equal(scmi_voltage_level_set(&v, bad[i], 900000), -ENOENT);
		assert_int_equal(scmi_voltage_level_get(&v, bad[i], &uv), -ENOENT);
		/* An error is the status alone (OP-TEE sends 8 bytes). */
		assert_int_equal(
		    raw(f->agent, SCMI_MSG_VOLTAGE_LEVEL_GET, &bad[i], 1, rx, sizeof(rx), &len),
		    -ENOENT);
		assert_int_equal(len, 0);
	}
}

static void test_request_sizes(void **state)
{
	struct proto_fixture *f = *state;
	static const struct proto_bad_len bad[] = {
	    {SCMI_MSG_VOLTAGE_LEVEL_SET, 2},	   {SCMI_MSG_VOLTAGE_LEVEL_SET, 4},
	    {SCMI_MSG_VOLTAGE_DESCRIBE_LEVELS, 1}, {SCMI_MSG_VOLTAGE_CONFIG_SET, 1},
	    {SCMI_MSG_VOLTAGE_CONFIG_GET, 0},	   {SCMI_MSG_VOLTAGE_LEVEL_GET, 2},
	    {SCMI_MSG_VOLTAGE_DOMAIN_NAME_GET, 0}, {SCMI_MSG_VOLTAGE_DOMAIN_ATTRIBUTES, 2},
	};
	uint32_t w[4] = {ID_GPU, 0, 900000, 0};

	proto_assert_bad_lengths(f->agent, SCMI_PROTOCOL_VOLTAGE, w, bad, PROTO_ARRAY_SIZE(bad));
	assert_int_equal(model_level(f, ID_GPU), 800000);
}

static void test_negotiated_1_0(void **state)
{
	struct proto_fixture *f = *state;
	uint8_t rx[80];
	size_t len;
	uint32_t id = ID_DDR;

	assert_int_equal(scmi_protocol_negotiate_version(f->agent, SCMI_PROTOCOL_VOLTAGE, 0x10000),
			 0);
	assert_int_equal(
	    raw(f->agent, SCMI_MSG_VOLTAGE_DOMAIN_ATTRIBUTES, &id, 1, rx, sizeof(rx), &len), 0);
	assert_int_equal(scmi_get_le32(rx), 0);
	assert_int_equal(
	    raw(f->agent, SCMI_MSG_VOLTAGE_DOMAIN_NAME_GET, &id, 1, rx, sizeof(rx), &len), -ENOENT);
}

static void test_platform_v1(void **state)
{
	struct proto_fixture *f = *state;
	struct scmi_voltage_domain_info info;
	struct scmi_voltage_levels lv;
	char name[SCMI_EXT_NAME_SIZE + 1];
	struct proto_fixture v1;
	struct scmi_voltage v;
	uint32_t attr, id = ID_DDR;
	uint8_t rx[80];
	size_t len;

	proto_open_platform(&v1, "voltage-v1.dtb", f->mode);
	assert_int_equal(scmi_voltage_init(&v, v1.agent), 0);
	assert_int_equal(v.version, 0x10000);
	assert_int_equal(v.num_domains, NUM_DOMAINS);
	assert_int_equal(scmi_protocol_message_attributes(v1.agent, SCMI_PROTOCOL_VOLTAGE,
							  SCMI_MSG_VOLTAGE_DOMAIN_NAME_GET, &attr),
			 -ENOENT);
	assert_int_equal(
	    raw(v1.agent, SCMI_MSG_VOLTAGE_DOMAIN_NAME_GET, &id, 1, rx, sizeof(rx), &len), -ENOENT);
	assert_int_equal(scmi_voltage_domain_name(&v, ID_DDR, name), -EOPNOTSUPP);
	assert_int_equal(scmi_voltage_domain_attributes(&v, ID_DDR, &info), 0);
	assert_string_equal(info.name, "vdd_ddr");
	assert_false(info.ext_name);
	/* The 1.0 messages work as before. */
	assert_int_equal(scmi_voltage_describe_levels(&v, ID_IO, &lv), 0);
	assert_int_equal(lv.count, IO_LEVELS);
	assert_int_equal(scmi_voltage_level_set(&v, ID_CPU_LITTLE, 1000000), 0);
	assert_int_equal(model_level(&v1, ID_CPU_LITTLE), 1000000);
	assert_int_equal(scmi_protocol_negotiate_version(v1.agent, SCMI_PROTOCOL_VOLTAGE, 0x20001),
			 -ENOENT);
	proto_fixture_close(&v1);
}

/* Agents are linux (1) and vm1 (2) on the default platform. */
static void test_agents_views_and_reset(void **state)
{
	struct proto_fixture *f = *state;
	struct scmi_agent *vm1 = proto_open_agent(f, proto_agent_vm1_dtb, SCMI_MODE_AUTO);
	const struct scmi_server_voltage_ops *ops = &sim_voltage_ops;
	struct scmi_server_voltage_info a, b;
	struct scmi_voltage lx, vm;
	int32_t uv1, uv2;
	uint32_t i, c1, c2;

	assert_int_equal(scmi_voltage_init(&lx, f->agent), 0);
	assert_int_equal(scmi_voltage_init(&vm, vm1), 0);
	assert_int_equal(vm.num_domains, lx.num_domains);
	assert_int_equal(ops->count(f->plat, 2), ops->count(f->plat, 1));
	for (i = 0; i < ops->count(f->plat, 1); i++) {
		assert_int_equal(ops->info(f->plat, 1, i, &a), SCMI_SUCCESS);
		assert_int_equal(ops->info(f->plat, 2, i, &b), SCMI_SUCCESS);
		assert_string_equal(a.name, b.name);
		assert_int_equal(ops->level_get(f->plat, 1, i, &uv1), SCMI_SUCCESS);
		assert_int_equal(ops->level_get(f->plat, 2, i, &uv2), SCMI_SUCCESS);
		assert_int_equal(uv1, uv2);
	}
	assert_int_equal(ops->level_get(f->plat, 2, ops->count(f->plat, 2), &uv2), SCMI_NOT_FOUND);
	/* Levels and modes are the rails': an agent's reset leaves them. */
	assert_int_equal(ops->config_get(f->plat, 2, 0, &c1), SCMI_SUCCESS);
	assert_int_equal(ops->level_get(f->plat, 2, 0, &uv1), SCMI_SUCCESS);
	proto_lock(f);
	sim_voltage_reset_agent(f->plat, 2);
	sim_voltage_reset_agent(f->plat, 1);
	proto_unlock(f);
	assert_int_equal(ops->config_get(f->plat, 1, 0, &c2), SCMI_SUCCESS);
	assert_int_equal(ops->level_get(f->plat, 1, 0, &uv2), SCMI_SUCCESS);
	assert_int_equal(c1, c2);
	assert_int_equal(uv1, uv2);
	scmi_agent_close(vm1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    PROTO_TEST(test_agents_views_and_reset),
	    PROTO_TEST(test_version_and_attributes),
	    PROTO_TEST(test_domain_attributes_and_names),
	    PROTO_TEST(test_segment),
	    PROTO_TEST(test_paged_list_and_raw_remaining),
	    PROTO_TEST(test_level_set_get),
	    PROTO_TEST(test_invalid_levels),
	    PROTO_TEST(test_config),
	    PROTO_TEST(test_unknown_domain),
	    PROTO_TEST(test_request_sizes),
	    PROTO_TEST(test_negotiated_1_0),
	    PROTO_TEST(test_platform_v1),
	};

	return proto_run("voltage", tests, PROTO_ARRAY_SIZE(tests));
}
