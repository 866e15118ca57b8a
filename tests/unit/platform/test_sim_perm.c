// SPDX-License-Identifier: BSD-3-Clause
/*
 * Agents' access (trusted, peer-uids/gids, protocols, devices), devices/ and the
 * permissions core (views and sim_perm_allowed), on edits of the default
 * platform: every malformed value is refused with a one-line message, and the
 * views and permissions follow the DT.
 */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include <libfdt.h>

#include "dtb_expect.h"
#include "dtb_util.h"
#include "platform/sim/sim_access.h"
#include "platform/sim/sim_perm.h"
#include "platform/sim/sim_platform.h"
#include "scmi/proto/ids.h"
#include "scmi/server/base.h"

#define PLAT	   "/scmi-platform"
#define A1	   PLAT "/agents/agent@1"
#define A2	   PLAT "/agents/agent@2"
#define DEVS	   PLAT "/devices"
#define GPU	   DEVS "/device@1"

#define NUM_CLOCKS 20u
#define CLK_GPU	   7u

static void test_bad_agent_properties(void **state)
{
	void *fdt;

	(void)state;
	dtb_refuse_u32(A2, "trusted", 1, "agent@2: trusted: takes no value");
	dtb_refuse_raw(A2, "peer-uids", NULL, 0, "peer-uids: must be a non-empty list");
	dtb_refuse_raw(A2, "peer-gids", "abc", 3, "peer-gids: must be a non-empty list");

	fdt = dtb_editable();
	dtb_set_cells(fdt, A2, "peer-uids",
		      (uint32_t[]){1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16}, 16);
	sim_platform_free(dtb_load_free(fdt)); /* 16 is the limit */
	{
		const uint32_t many[17] = {0};
		fdt32_t cells[17];
		int i;

		for (i = 0; i < 17; i++)
			cells[i] = cpu_to_fdt32(many[i] + (uint32_t)i);
		dtb_refuse_raw(A2, "peer-uids", cells, sizeof(cells),
			       "peer-uids: more than 16 entries");
	}

	dtb_refuse_cells(A2, "protocols", (uint32_t[]){0x10}, 1,
			 "protocols: 0x10 (Base) is implicit");
	dtb_refuse_cells(A2, "protocols", (uint32_t[]){0x20}, 1,
			 "protocols: 0x20 is not a protocol of the platform");
	dtb_refuse_cells(A2, "protocols", (uint32_t[]){0x1000}, 1,
			 "protocols: 0x1000 is not a protocol of the platform");
	dtb_refuse_cells(A2, "protocols", (uint32_t[]){0x14, 0x14}, 2,
			 "protocols: 0x14 listed twice");
	dtb_refuse_cells(A2, "devices", (uint32_t[]){9}, 1, "devices: no device 9 in devices/");
	dtb_refuse_cells(A2, "devices", (uint32_t[]){1, 1}, 2, "devices: 1 listed twice");
}

static void test_bad_devices(void **state)
{
	void *fdt;

	(void)state;
	dtb_refuse_del_prop(GPU, "device-name", "device@1: missing device-name");
	dtb_refuse_u32(GPU, "reg", 2, "device@1");
	dtb_refuse_cells(GPU, "resources", (uint32_t[]){0xdead}, 1,
			 "resources: phandle 0xdead does not resolve");
	dtb_refuse_raw(GPU, "resources", "abc", 3, "resources: must be a list of phandles");

	/* A phandle to something that is no resource: a shmem region. */
	fdt = dtb_editable();
	dtb_set_cells(
	    fdt, GPU, "resources",
	    (uint32_t[]){dtb_phandle(fdt, "/reserved-memory/scmi-shmem@3f000000", 0x7000)}, 1);
	dtb_expect_refused(fdt, "is not a resource node");

	/* One resource in two devices. */
	fdt = dtb_editable();
	dtb_set_cells(
	    fdt, GPU, "resources",
	    (uint32_t[]){dtb_phandle(fdt, PLAT "/protocols/protocol@14/clock@13", 0x7001)}, 1);
	dtb_expect_refused(
	    fdt, "device@2: resources: resource 19 of protocol 0x14 already belongs to device 1");

	dtb_refuse_u32(DEVS, "#size-cells", 1, "devices");
	dtb_refuse_u32(PLAT, "base-version", 0x30000, "base-version: 0x30000 is not");
}

/* vm1 sees only the gpu: its clocks are those of no device plus the gpu's. */
static void test_views_and_permissions(void **state)
{
	const struct scmi_server_base_ops *ops;
	struct sim_platform *p;
	void *fdt = dtb_editable();
	uint32_t n, g, l, linux_n;

	(void)state;
	dtb_set_cells(fdt, A2, "devices", (uint32_t[]){1}, 1);
	dtb_set_cells(fdt, A2, "protocols", (uint32_t[]){0x14, 0x13}, 2);
	dtb_set_cells(fdt, A2, "peer-uids", (uint32_t[]){7}, 1);
	p = dtb_load_free(fdt);

	linux_n = sim_view_count(p, 1, SCMI_PROTOCOL_CLOCK, NUM_CLOCKS);
	assert_int_equal(linux_n, NUM_CLOCKS);
	n = sim_view_count(p, 2, SCMI_PROTOCOL_CLOCK, NUM_CLOCKS);
	/* osc24m pll_periph ddr axi ahb apb i2c0 spi0 (no device) + pll_gpu gpu. */
	assert_int_equal(n, 10);
	for (l = 0; l < n; l++) {
		assert_true(sim_view_global(p, 2, SCMI_PROTOCOL_CLOCK, NUM_CLOCKS, l, &g));
		assert_true(sim_view_local(p, 2, SCMI_PROTOCOL_CLOCK, NUM_CLOCKS, g, &g));
		assert_int_equal(g, l);
	}
	assert_false(sim_view_global(p, 2, SCMI_PROTOCOL_CLOCK, NUM_CLOCKS, n, &g));
	assert_false(sim_view_local(p, 2, SCMI_PROTOCOL_CLOCK, NUM_CLOCKS, 0x13, &l));
	assert_true(sim_view_local(p, 2, SCMI_PROTOCOL_CLOCK, NUM_CLOCKS, CLK_GPU, &l));
	assert_int_equal(l, 3); /* osc24m, pll_gpu, pll_periph, gpu */
	assert_false(sim_view_count(p, 99, SCMI_PROTOCOL_CLOCK, NUM_CLOCKS));

	/* Visibility and access. */
	assert_true(sim_platform_ops()->protocol_available(p, 2, SCMI_PROTOCOL_CLOCK));
	assert_false(sim_platform_ops()->protocol_available(p, 2, SCMI_PROTOCOL_POWER));
	assert_true(sim_platform_agent_trusted(p, 1));
	assert_false(sim_platform_agent_trusted(p, 2));
	assert_true(sim_platform_peer_allowed(p, 1, 1234, 1234));
	assert_true(sim_platform_peer_allowed(p, 2, 7, 1234));
	assert_false(sim_platform_peer_allowed(p, 2, 8, 7));
	assert_false(sim_platform_peer_allowed(p, 3, 7, 7));

	/* Permissions through the platform side of Base. */
	ops = sim_platform_ops()->base;
	assert_non_null(ops);
	assert_int_equal(ops->version(p), 0x20001);
	assert_true(ops->device_exists(p, 6));
	assert_false(ops->device_exists(p, 7));
	assert_true(sim_perm_allowed(p, 2, SCMI_PROTOCOL_CLOCK, CLK_GPU));
	assert_true(sim_perm_allowed(p, 2, SCMI_PROTOCOL_CLOCK, 0));
	assert_int_equal(ops->set_device_permissions(p, 2, 1, false), 0);
	assert_false(sim_perm_allowed(p, 2, SCMI_PROTOCOL_CLOCK, CLK_GPU));
	assert_true(sim_perm_allowed(p, 2, SCMI_PROTOCOL_CLOCK, 0));
	assert_true(sim_perm_allowed(p, 1, SCMI_PROTOCOL_CLOCK, CLK_GPU));
	/* A device vm1 does not see cannot be granted; revoking it is a no-op. */
	assert_int_equal(ops->set_device_permissions(p, 2, 2, true), SCMI_DENIED);
	assert_int_equal(ops->set_device_permissions(p, 2, 2, false), 0);
	assert_int_equal(ops->set_device_permissions(p, 2, 1, true), 0);
	assert_true(sim_perm_allowed(p, 2, SCMI_PROTOCOL_CLOCK, CLK_GPU));
	assert_int_equal(ops->set_protocol_permissions(p, 2, 1, SCMI_PROTOCOL_CLOCK, false), 0);
	assert_false(sim_perm_allowed(p, 2, SCMI_PROTOCOL_CLOCK, CLK_GPU));
	assert_true(sim_perm_allowed(p, 2, SCMI_PROTOCOL_PERF, 2));
	assert_int_equal(ops->set_protocol_permissions(p, 2, 1, 0x42, false), SCMI_NOT_FOUND);
	assert_int_equal(ops->set_protocol_permissions(p, 2, 1, SCMI_PROTOCOL_POWER, true),
			 SCMI_DENIED);
	assert_int_equal(ops->reset_agent(p, 2, false), 0);
	assert_false(sim_perm_allowed(p, 2, SCMI_PROTOCOL_CLOCK, CLK_GPU));
	assert_int_equal(ops->reset_agent(p, 2, true), 0);
	assert_true(sim_perm_allowed(p, 2, SCMI_PROTOCOL_CLOCK, CLK_GPU));
	assert_int_equal(ops->reset_agent(p, 9, true), SCMI_NOT_FOUND);
	sim_platform_free(p);
}

static void test_base_version(void **state)
{
	struct sim_platform *p;
	void *fdt = dtb_editable();

	(void)state;
	dtb_set_u32(fdt, PLAT, "base-version", 0x10000);
	p = dtb_load_free(fdt);
	assert_int_equal(sim_platform_ops()->protocol_version(p, SCMI_PROTOCOL_BASE), 0x10000);
	assert_int_equal(sim_platform_ops()->base->version(p), 0x10000);
	sim_platform_free(p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_bad_agent_properties),
	    cmocka_unit_test(test_bad_devices),
	    cmocka_unit_test(test_views_and_permissions),
	    cmocka_unit_test(test_base_version),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
