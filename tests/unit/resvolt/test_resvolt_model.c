// SPDX-License-Identifier: BSD-3-Clause
/*
 * The reset and voltage models: each binding rule is the default tree with
 * one edit, which must fail with -EINVAL and a message naming the property;
 * and the voltage functions the perf and sensor models call.
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
#include "platform/sim/sim_platform.h"
#include "platform/sim/sim_platform_priv.h"
#include "platform/sim/sim_reset.h"
#include "platform/sim/sim_voltage.h"

#define RESET "/scmi-platform/protocols/protocol@16"
#define VOLT  "/scmi-platform/protocols/protocol@17"

static void test_control(void **state)
{
	void *fdt = dtb_editable();
	struct sim_platform *p;

	(void)state;
	p = dtb_load(fdt);
	assert_int_equal(sim_reset_count(p), 8);
	assert_int_equal(sim_voltage_count(p), 6);
	sim_platform_free(p);
	free(fdt);
}

static void test_reset_rules(void **state)
{
	static const uint32_t two[2] = {0, 0};
	static const uint32_t bit31 = 0x00000080u; /* 0x80000000 big-endian */
	void *fdt;

	(void)state;
	dtb_refuse_del_prop(RESET "/domain@3", "domain-name", "missing domain-name");
	dtb_refuse_str(RESET "/domain@3", "domain-name", "a_name_of_16_chr", "domain-name");
	dtb_refuse_u32(RESET "/domain@0", "latency-us", 0xffffffffu, "latency-us");
	dtb_refuse_raw(RESET "/domain@0", "latency-us", two, sizeof(two), "latency-us");
	dtb_refuse_str(RESET "/domain@0", "extended-name",
		       "0123456789012345678901234567890123456789012345678901234567890123",
		       "extended-name");
	dtb_refuse_str(RESET "/domain@0", "extended-name", "", "extended-name");
	dtb_refuse_raw(RESET "/domain@7", "implementation-reset-states", &bit31, 4,
		       "implementation-reset-states");
	dtb_refuse_raw(RESET "/domain@7", "implementation-reset-states", "", 0,
		       "implementation-reset-states");

	/* Ids contiguous from 0. */
	dtb_refuse_renumber(RESET "/domain@7", 9, "contiguous");
	dtb_refuse_renumber(RESET "/domain@7", 300, "at most");

	fdt = dtb_editable();
	dtb_rename(fdt, RESET "/domain@7", "line@7");
	dtb_expect_refused(fdt, "domain@");

	dtb_refuse_u32(RESET, "#address-cells", 2, "#address-cells");

	/* Versions the server cannot speak. */
	dtb_refuse_u32(RESET, "version", 0x30002, "version");
	dtb_refuse_u32(RESET, "version", 0xffff, "version");
}

static void test_voltage_rules(void **state)
{
	static const uint32_t bad_order[3] = {0x40420f00u, 0x30570500u, 0x40420f00u};
	static const uint32_t step0[3] = {0x00000000u, 0x40420f00u, 0x00000000u};
	static const uint32_t step7[3] = {0x00000000u, 0x40420f00u, 0x07000000u};
	static const uint32_t inverted[3] = {0x40420f00u, 0x00000000u, 0x10270000u};
	static const uint32_t two[2] = {0, 0};
	static uint32_t many[257];
	void *fdt;
	size_t i;

	(void)state;
	/* Exactly one of the two level descriptions. */
	dtb_refuse_raw(VOLT "/domain@0", "voltage-levels", two, sizeof(two), "exactly one");
	dtb_refuse_del_prop(VOLT "/domain@0", "voltage-range", "exactly one");

	/* Little-endian words written as raw bytes: the cells are big-endian. */
	dtb_refuse_raw(VOLT "/domain@0", "voltage-range", two, sizeof(two), "voltage-range");
	dtb_refuse_raw(VOLT "/domain@0", "voltage-range", step0, sizeof(step0), "voltage-range");
	dtb_refuse_raw(VOLT "/domain@0", "voltage-range", step7, sizeof(step7), "voltage-range");
	dtb_refuse_raw(VOLT "/domain@0", "voltage-range", inverted, sizeof(inverted),
		       "voltage-range");
	dtb_refuse_raw(VOLT "/domain@3", "voltage-levels", bad_order, sizeof(bad_order),
		       "ascending");
	fdt = dtb_editable();
	for (i = 0; i < 257; i++)
		many[i] = ((uint32_t)i << 24);
	dtb_set_raw(fdt, VOLT "/domain@3", "voltage-levels", many, sizeof(many));
	dtb_expect_refused(fdt, "voltage-levels");

	dtb_refuse_u32(VOLT "/domain@0", "initial-microvolt", 805000, "initial-microvolt");
	dtb_refuse_u32(VOLT "/domain@3", "initial-microvolt", 1000000, "initial-microvolt");
	dtb_refuse_u32(VOLT "/domain@5", "implementation-modes", 0x100, "implementation-modes");
	dtb_refuse_del_prop(VOLT "/domain@2", "domain-name", "missing domain-name");
	dtb_refuse_renumber(VOLT "/domain@5", 7, "contiguous");
	dtb_refuse_u32(VOLT, "version", 0x20002, "version");
}

static void test_optional_properties(void **state)
{
	void *fdt = dtb_editable();
	struct sim_reset_state st;
	struct sim_platform *p;
	uint32_t config;
	int32_t uv;

	(void)state;
	dtb_set_raw(fdt, RESET "/domain@2", "initially-asserted", "", 0);
	dtb_set_raw(fdt, VOLT "/domain@3", "initially-off", "", 0);
	dtb_del_prop(fdt, VOLT "/domain@4", "initial-microvolt");
	p = dtb_load(fdt);
	assert_int_equal(sim_reset_get_state(p, 2, &st), 0);
	assert_true(st.asserted);
	assert_true(st.in_reset);
	assert_int_equal(sim_reset_get_state(p, 1, &st), 0);
	assert_false(st.asserted);
	assert_int_equal(sim_reset_get_state(p, 8, &st), -ENOENT);
	assert_int_equal(sim_voltage_get(p, 3, &uv, &config), 0);
	assert_int_equal(config, 0);
	assert_int_equal(uv, 900000);
	/* No initial level: the lowest. */
	assert_int_equal(sim_voltage_get(p, 4, &uv, &config), 0);
	assert_int_equal(uv, 1800000);
	assert_int_equal(config, 7);
	sim_platform_free(p);
	free(fdt);
}

static void test_no_protocol_node(void **state)
{
	void *fdt = dtb_editable();
	struct sim_platform *p;

	(void)state;
	/* (Voltage domains are referred to by other models: their node stays.) */
	dtb_del_node(fdt, RESET);
	p = dtb_load(fdt);
	assert_int_equal(sim_reset_count(p), 0);
	assert_int_equal(sim_voltage_count(p), 6);
	sim_platform_free(p);
	free(fdt);
}

/* What the perf (DVFS) and sensor models call, with the lock held. */
static void test_cross_model_functions(void **state)
{
	void *fdt = dtb_editable();
	struct sim_platform *p;
	uint32_t id = 99;
	int32_t uv = 0;

	(void)state;
	p = dtb_load(fdt);
	assert_int_equal(sim_voltage_model_id_by_node(p, dtb_node(fdt, VOLT "/domain@1"), &id), 0);
	assert_int_equal(id, 1);
	assert_int_equal(sim_voltage_model_id_by_node(p, dtb_node(fdt, VOLT "/domain@4"), &id), 0);
	assert_int_equal(id, 4);
	assert_int_equal(sim_voltage_model_id_by_node(p, dtb_node(fdt, VOLT), &id), -ENOENT);
	assert_int_equal(sim_voltage_model_id_by_node(p, -1, &id), -ENOENT);

	sim_lock(p);
	assert_int_equal(sim_voltage_model_get_level(p, 1, &uv), 0);
	assert_int_equal(uv, 900000);
	assert_int_equal(sim_voltage_model_set_level(p, 1, 1100000), 0);
	assert_int_equal(sim_voltage_model_get_level(p, 1, &uv), 0);
	assert_int_equal(uv, 1100000);
	assert_int_equal(sim_voltage_model_set_level(p, 1, 1105000), -EINVAL);
	assert_int_equal(sim_voltage_model_set_level(p, 1, 1300000), -ERANGE);
	assert_int_equal(sim_voltage_model_set_level(p, 1, 500000), -ERANGE);
	assert_int_equal(sim_voltage_model_set_level(p, 3, 875000), -EINVAL);
	assert_int_equal(sim_voltage_model_set_level(p, 6, 900000), -ENOENT);
	assert_int_equal(sim_voltage_model_get_level(p, 6, &uv), -ENOENT);
	assert_int_equal(sim_voltage_model_get_level(p, 1, &uv), 0);
	assert_int_equal(uv, 1100000);
	assert_true(sim_voltage_model_is_on(p, 1));
	assert_false(sim_voltage_model_is_on(p, 6));
	sim_unlock(p);

	/*
	 * Through the server ops, as an agent would switch it off: refused while cpu_big's
	 * perf domain runs on it (docs/decisions.md), done on a rail no perf domain drives.
	 */
	assert_int_equal(sim_voltage_ops.config_set(p, 1, 1, 0), SCMI_DENIED);
	assert_int_equal(sim_voltage_ops.config_set(p, 1, 3, 0), 0);
	sim_lock(p);
	assert_true(sim_voltage_model_is_on(p, 1));
	assert_false(sim_voltage_model_is_on(p, 3));
	sim_unlock(p);
	assert_int_equal(sim_voltage_ops.config_set(p, 1, 5, 0x8), 0);
	sim_lock(p);
	assert_true(sim_voltage_model_is_on(p, 5));
	sim_unlock(p);
	sim_platform_free(p);
	free(fdt);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_control),	     cmocka_unit_test(test_reset_rules),
	    cmocka_unit_test(test_voltage_rules),    cmocka_unit_test(test_optional_properties),
	    cmocka_unit_test(test_no_protocol_node), cmocka_unit_test(test_cross_model_functions),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
