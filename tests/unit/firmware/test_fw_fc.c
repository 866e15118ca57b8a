// SPDX-License-Identifier: BSD-3-Clause
/*
 * The firmware's fast-channel door (firmware/core/fc.c) on the hosted platform of
 * platforms/optee-fastchannel.dts (agent 1's region at 0x7fe00000): which regions it serves
 * (normal-world RAM only), when the passes run (every entry; on the timer only once the rate
 * limit has elapsed), and that a pass carries out what the agent wrote and publishes the
 * level, as the daemon's door does.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "fw/fc.h"
#include "platform/sim/sim_fastchannel.h"
#include "platform/sim/sim_platform.h"
#include "scmi/server/perf.h"

#define REGION_PA   0x7fe00000ull
#define REGION_SIZE 0x1000u
#define PERIOD_NS   1000000ull /* rate-limit-us = <1000> */

static uint8_t ram[REGION_SIZE] __attribute__((aligned(64)));

static struct sim_platform *load(void)
{
	struct sim_platform *p;
	char err[256];

	assert_int_equal(sim_platform_load_file(SCMI_PLATFORM_DTB_DIR "/optee-fastchannel.dtb", &p,
						err, sizeof(err)),
			 0);
	return p;
}

/* The normal world's RAM: exactly the region, at @ram. */
static void ns_setup(struct fw_nsmem *ns)
{
	memset(ns, 0, sizeof(*ns));
	memset(ram, 0, sizeof(ram));
	assert_true(fw_ns_add_ram(ns, REGION_PA, REGION_SIZE, ram));
}

static void test_add(void **state)
{
	struct fw_fc fc = {0};
	struct fw_nsmem ns;

	(void)state;
	fc.plat = load();
	ns_setup(&ns);
	/* Agent 2 has no region in this platform; agent 1 has, in normal-world RAM. */
	assert_int_equal(fw_fc_add(&fc, &ns, 2), 0);
	assert_int_equal(fw_fc_add(&fc, &ns, 1), 1);
	assert_int_equal(fw_fc_add(&fc, &ns, 1), 0);
	assert_int_equal(fc.num, 1);
	assert_int_equal(fc.regions[0].agent_id, 1);
	assert_int_equal(fc.regions[0].pa, REGION_PA);
	assert_ptr_equal(fc.regions[0].mem, ram);
	assert_int_equal(fc.regions[0].size, REGION_SIZE);
	assert_int_equal(fc.regions[0].period_ns, PERIOD_NS);
	assert_int_equal(fw_fc_min_period_ns(&fc), PERIOD_NS);
	assert_int_equal(fc.refused, 0);
	sim_platform_free(fc.plat);
}

static void test_refused(void **state)
{
	struct fw_fc fc = {0};
	struct fw_nsmem ns;

	(void)state;
	fc.plat = load();
	/* Half the region outside the normal world's RAM. */
	memset(&ns, 0, sizeof(ns));
	assert_true(fw_ns_add_ram(&ns, REGION_PA, REGION_SIZE / 2, ram));
	assert_int_equal(fw_fc_add(&fc, &ns, 1), -1);
	/* In RAM, but overlapping memory the secure world keeps. */
	ns_setup(&ns);
	assert_true(fw_ns_add_secure(&ns, REGION_PA + 0x800, 0x1000));
	assert_int_equal(fw_fc_add(&fc, &ns, 1), -1);
	assert_int_equal(fc.num, 0);
	assert_int_equal(fc.refused, 2);
	assert_int_equal(fw_fc_next_ns(&fc), UINT64_MAX);
	assert_int_equal(fw_fc_min_period_ns(&fc), 0);
	sim_platform_free(fc.plat);
	/* No platform: nothing to serve. */
	fc.plat = NULL;
	assert_int_equal(fw_fc_add(&fc, &ns, 1), 0);
}

static uint32_t level_of(struct sim_platform *p, uint32_t dom)
{
	uint32_t level = 0;

	assert_int_equal(sim_platform_ops()->perf->level_get(p, 1, dom, &level), 0);
	return level;
}

static void test_passes(void **state)
{
	const size_t set = SIM_FC_PERF_OFF + SIM_FC_PERF_LEVEL_SET;
	const size_t get = SIM_FC_PERF_OFF + SIM_FC_PERF_LEVEL_GET;
	struct sim_fc_stats st;
	struct fw_fc fc = {0};
	struct fw_nsmem ns;

	(void)state;
	fc.plat = load();
	ns_setup(&ns);
	assert_int_equal(fw_fc_add(&fc, &ns, 1), 1);
	/* Due at once: the first timer pass publishes the level. */
	assert_int_equal(fw_fc_next_ns(&fc), 0);
	fw_fc_run(&fc, FW_FC_TIMER, 5000);
	assert_int_equal(fc.regions[0].passes[FW_FC_TIMER], 1);
	assert_int_equal(fw_fc_next_ns(&fc), 5000 + PERIOD_NS);
	assert_int_equal(sim_fc_read32(ram, get), level_of(fc.plat, 0));

	/* Written with no call after it: the timer carries it out once the rate limit is up. */
	assert_int_not_equal(level_of(fc.plat, 0), 600);
	sim_fc_write32(ram, set, 600);
	fw_fc_run(&fc, FW_FC_TIMER, 5000 + PERIOD_NS - 1);
	assert_int_equal(fc.regions[0].passes[FW_FC_TIMER], 1);
	assert_int_not_equal(level_of(fc.plat, 0), 600);
	fw_fc_run(&fc, FW_FC_TIMER, 5000 + PERIOD_NS);
	assert_int_equal(fc.regions[0].passes[FW_FC_TIMER], 2);
	assert_int_equal(level_of(fc.plat, 0), 600);
	assert_int_equal(sim_fc_read32(ram, get), 600);
	assert_int_equal(fc.regions[0].applied[FW_FC_TIMER], 1);
	assert_int_equal(fc.regions[0].applied[FW_FC_ENTRY], 0);

	/* An entry runs a pass whatever the time, and pushes the timer's deadline. */
	sim_fc_write32(ram, set, 816);
	fw_fc_run(&fc, FW_FC_ENTRY, 5000 + PERIOD_NS + 1);
	assert_int_equal(fc.regions[0].passes[FW_FC_ENTRY], 1);
	assert_int_equal(level_of(fc.plat, 0), 816);
	assert_int_equal(fw_fc_next_ns(&fc), 5000 + 2 * PERIOD_NS + 1);
	assert_int_equal(fc.regions[0].applied[FW_FC_ENTRY], 1);

	/* Garbage is refused with the rules of the messages, and counted. */
	sim_fc_write32(ram, set, 12345);
	fw_fc_run(&fc, FW_FC_ENTRY, 5000 + PERIOD_NS + 2);
	assert_int_equal(level_of(fc.plat, 0), 816);
	sim_fc_stats(fc.plat, 1, &st);
	assert_int_equal(st.passes, 4);
	assert_int_equal(st.applied, 2);
	assert_int_equal(st.refused, 1);
	assert_int_equal(fc.regions[0].applied[FW_FC_ENTRY] + fc.regions[0].applied[FW_FC_TIMER],
			 st.applied);
	sim_platform_free(fc.plat);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_add),
	    cmocka_unit_test(test_refused),
	    cmocka_unit_test(test_passes),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
