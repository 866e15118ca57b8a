// SPDX-License-Identifier: BSD-3-Clause
/*
 * The clock model's loader: the default tree loads (and its nodes map to ids), and
 * each malformed clock description, one edit away from it, is refused with an error
 * naming the node and the property.
 */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include <libfdt.h>

#include "dtb_expect.h"
#include "dtb_util.h"
#include "platform/sim/sim_clock.h"
#include "platform/sim/sim_platform.h"
#include "platform/sim/sim_platform_priv.h"

#define PROTO  "/scmi-platform/protocols/protocol@14"
#define CLK(n) PROTO "/clock@" n

static void test_default_loads(void **state)
{
	struct sim_platform *p = NULL;
	void *fdt = dtb_editable();
	char err[256] = "";
	uint32_t id = 0;
	uint64_t hz = 0;

	(void)state;
	assert_int_equal(sim_platform_load(fdt, fdt_totalsize(fdt), &p, err, sizeof(err)), 0);
	assert_int_equal(p->clock->count, 20);
	assert_int_equal(sim_clock_model_id_by_node(p, dtb_node(fdt, CLK("13")), &id), 0);
	assert_int_equal(id, 19);
	assert_string_equal(p->clock->clk[id].name, "display");
	assert_int_equal(sim_clock_model_id_by_node(p, dtb_node(fdt, PROTO), &id), -ENOENT);
	assert_int_equal(sim_clock_model_get_rate(p, 19, &hz), 0);
	assert_int_equal(hz, 150000000);
	sim_platform_free(p);
	free(fdt);
}

static void test_parent_not_smaller(void **state)
{
	(void)state;
	dtb_refuse_phandle(CLK("c"), "clocks", CLK("13"), "smaller reg");
}

static void test_parent_not_a_clock(void **state)
{
	fdt32_t v = cpu_to_fdt32(0xdead);

	(void)state;
	dtb_refuse_raw(CLK("c"), "clocks", &v, sizeof(v), "not a clock");
}

static void test_bad_range(void **state)
{
	fdt32_t v[3] = {cpu_to_fdt32(408000000), cpu_to_fdt32(1416000000), cpu_to_fdt32(25000000)};

	(void)state;
	dtb_refuse_raw(CLK("1"), "rate-range", v, sizeof(v), "rate-range");
}

static void test_range_and_list(void **state)
{
	(void)state;
	dtb_refuse_u32(CLK("1"), "rates", 1008000000, "exactly one of rate-range and rates");
}

static void test_rates_not_ascending(void **state)
{
	fdt32_t v[2] = {cpu_to_fdt32(1200000000), cpu_to_fdt32(600000000)};

	(void)state;
	dtb_refuse_raw(CLK("4"), "rates", v, sizeof(v), "ascending");
}

static void test_unsupported_boot_rate(void **state)
{
	(void)state;
	dtb_refuse_u32(CLK("1"), "clock-frequency", 1000000000, "not a supported rate");
}

static void test_bad_version(void **state)
{
	(void)state;
	dtb_refuse_u32(PROTO, "version", 0x20001, "version");
}

static void test_divider_above_max(void **state)
{
	(void)state;
	dtb_refuse_u32(CLK("13"), "divider", 33, "divider");
}

static void test_bad_clock_parent(void **state)
{
	(void)state;
	dtb_refuse_u32(CLK("13"), "clock-parent", 3, "clock-parent");
}

static void test_set_rate_parent_needs_max_div_1(void **state)
{
	(void)state;
	dtb_refuse_u32(CLK("7"), "max-divider", 4, "set-rate-parent");
}

static void test_unknown_compatible(void **state)
{
	(void)state;
	dtb_refuse_str(CLK("c"), "compatible", "acme,clock", "compatible");
}

static void test_missing_name(void **state)
{
	(void)state;
	dtb_refuse_del_prop(CLK("c"), "clock-output-names", "missing clock-output-names");
}

static void test_fixed_without_rate(void **state)
{
	(void)state;
	dtb_refuse_del_prop(CLK("0"), "clock-frequency", "missing clock-frequency");
}

static void test_ids_not_contiguous(void **state)
{
	(void)state;
	dtb_refuse_renumber(CLK("13"), 0x20, "contiguous");
}

static void test_duplicate_parent(void **state)
{
	void *fdt = dtb_editable();
	uint32_t ph = dtb_phandle(fdt, CLK("0"), 0x7001);
	fdt32_t v[2] = {cpu_to_fdt32(ph), cpu_to_fdt32(ph)};

	(void)state;
	dtb_set_raw(fdt, CLK("c"), "clocks", v, sizeof(v));
	dtb_expect_refused(fdt, "twice");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_default_loads),
	    cmocka_unit_test(test_parent_not_smaller),
	    cmocka_unit_test(test_parent_not_a_clock),
	    cmocka_unit_test(test_bad_range),
	    cmocka_unit_test(test_range_and_list),
	    cmocka_unit_test(test_rates_not_ascending),
	    cmocka_unit_test(test_unsupported_boot_rate),
	    cmocka_unit_test(test_bad_version),
	    cmocka_unit_test(test_divider_above_max),
	    cmocka_unit_test(test_bad_clock_parent),
	    cmocka_unit_test(test_set_rate_parent_needs_max_div_1),
	    cmocka_unit_test(test_unknown_compatible),
	    cmocka_unit_test(test_missing_name),
	    cmocka_unit_test(test_fixed_without_rate),
	    cmocka_unit_test(test_ids_not_contiguous),
	    cmocka_unit_test(test_duplicate_parent),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
