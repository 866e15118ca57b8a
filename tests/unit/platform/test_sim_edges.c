// SPDX-License-Identifier: BSD-3-Clause
/*
 * Edges of the simulated platform that a mutation run found unguarded (issue 17): limits
 * of the DT loaders hit exactly (one entry or one node more than allowed), and what the
 * models must do at their boundaries. Each case sits on the edge, so that a limit moved by
 * one or a check dropped fails it.
 */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include <libfdt.h>

#include "platform/sim/sim_clock.h"
#include "platform/sim/sim_platform.h"
#include "dtb_expect.h"
#include "dtb_util.h"

#define PLAT   "/scmi-platform"
#define PROTOS PLAT "/protocols"
#define CLOCKS PROTOS "/protocol@14"
#define RM     "/reserved-memory"

/* rate-range takes exactly three cells: a fourth is refused as too many, not misread. */
static void test_rate_range_cells(void **state)
{
	static const uint32_t four[] = {408000000, 1416000000, 24000000, 1};

	(void)state;
	dtb_refuse_cells(CLOCKS "/clock@1", "rate-range", four, 4,
			 "rate-range: more than 3 entries");
}

/* One clock node more than SIM_CLOCK_MAX is refused before any of them is read. */
static void test_too_many_clocks(void **state)
{
	void *fdt = dtb_editable();
	char name[32];

	(void)state;
	for (uint32_t i = 0; i <= SIM_CLOCK_MAX; i++) {
		snprintf(name, sizeof(name), "x@%u", 1000u + i);
		dtb_add_node(fdt, CLOCKS, name);
	}
	dtb_expect_refused(fdt, "more than 256 clocks");
}

/*
 * A shmem region's bus without #address-cells takes the DT default of 2 (and #size-cells
 * its default of 1): the default tree's 2-cell addresses read the same without it.
 */
static void test_shmem_bus_default_cells(void **state)
{
	static const uint32_t reg0[] = {0x0, 0x3f000000, 0x80}, reg1[] = {0x0, 0x3f000080, 0x80};
	void *fdt = dtb_editable();
	const struct sim_channel *ch;
	struct sim_platform *p;

	(void)state;
	dtb_del_prop(fdt, RM, "#address-cells");
	dtb_del_prop(fdt, RM, "#size-cells");
	dtb_set_cells(fdt, RM "/scmi-shmem@3f000000", "reg", reg0, 3);
	dtb_set_cells(fdt, RM "/scmi-shmem@3f000080", "reg", reg1, 3);
	p = dtb_load_free(fdt);
	ch = sim_platform_channel(p, 0);
	assert_non_null(ch);
	assert_true(ch->has_shmem);
	assert_int_equal(ch->shmem_addr, 0x3f000000u);
	assert_int_equal(ch->shmem_size, 0x80);
	sim_platform_free(p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_rate_range_cells),
	    cmocka_unit_test(test_too_many_clocks),
	    cmocka_unit_test(test_shmem_bus_default_cells),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
