// SPDX-License-Identifier: BSD-3-Clause
/*
 * The perf model's loader: every malformed value of protocol@13 is refused
 * with one line naming the node and the property; the default platform loads
 * and its domains are found by node; a DVFS step the clock refuses leaves
 * the domain, its clock and its rail where they were.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <libfdt.h>

#include "dtb_expect.h"
#include "dtb_util.h"
#include "platform/sim/sim_clock.h"
#include "platform/sim/sim_perf_priv.h"
#include "platform/sim/sim_voltage.h"

#define P13 "/scmi-platform/protocols/protocol@13"
#define BIG P13 "/domain@1"

static void test_bad_values(void **state)
{
	static const uint32_t not_rising[] = {408, 408000, 60, 100, 650000,
					      408, 600000, 95, 100, 700000};
	static const uint32_t zero_level[] = {0, 408000, 60, 100, 650000};
	static const uint32_t slow[] = {408, 408000, 60, 70000, 650000};
	static const uint32_t power_falls[] = {408, 408000, 60, 100, 650000,
					       600, 600000, 50, 100, 700000};

	(void)state;
	dtb_refuse_del_prop(BIG, "domain-name", "domain@1: missing domain-name");
	dtb_refuse_str(BIG, "domain-name",
		       "a_name_far_too_long_for_the_sixty_four_bytes_an_extended_name_has",
		       "domain-name: longer than 63");
	/* Printable ASCII is 0x20 (space) to 0x7e ('~'), both ends included. */
	dtb_refuse_str(BIG, "domain-name",
		       "cpu\x1f"
		       "big",
		       "domain-name: not printable ASCII");
	dtb_refuse_str(BIG, "domain-name", "cpu\x7f", "domain-name: not printable ASCII");
	{
		void *fdt = dtb_editable();
		struct sim_platform *p;

		dtb_set_str(fdt, BIG, "domain-name", " cpu big~");
		p = dtb_load_free(fdt);
		assert_non_null(p);
		sim_platform_free(p);
	}
	dtb_refuse_del_prop(BIG, "opps", "domain@1: missing opps");
	dtb_refuse_raw(BIG, "opps", "\0\0\0\1\0\0\0\2", 8,
		       "opps: must be <level kHz mW latency-us uV>");

	dtb_refuse_cells(BIG, "opps", not_rising, 10, "opps[1]: entries must rise");
	dtb_refuse_cells(BIG, "opps", power_falls, 10, "opps[1]: entries must rise");
	dtb_refuse_cells(BIG, "opps", zero_level, 5, "opps[0]: level and kHz must not be 0");
	dtb_refuse_cells(BIG, "opps", slow, 5, "opps[0]: latency above 65535");
	dtb_refuse_u32(BIG, "sustained-level", 1000, "sustained-level: 1000 is not in opps");
	dtb_refuse_u32(BIG, "initial-level", 2017, "initial-level: 2017 is not in opps");
	dtb_refuse_u32(BIG, "rate-limit-us", 0x100000, "rate-limit-us: above");
	dtb_refuse_u32(BIG, "level-indexing", 1, "level-indexing: must be empty");
	dtb_refuse_u32(BIG, "clocks", 0xdead, "clocks: no node with phandle");

	/* A phandle to a node that is no clock (the perf domain itself). */
	dtb_refuse_phandle(BIG, "clocks", BIG, "clocks: not a node of that protocol's model");
	dtb_refuse_phandle(BIG, "voltage-domain", BIG,
			   "voltage-domain: not a node of that protocol's model");
	dtb_refuse_renumber(BIG, 5, "domain ids must be contiguous from 0");
	dtb_refuse_u32(P13, "#size-cells", 1, "#size-cells");
}

static void test_versions(void **state)
{
	static const uint32_t bad[] = {0x30001, 0x50000, 0x10001, 0x00001};
	struct sim_platform *p;
	void *fdt;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		dtb_refuse_u32(P13, "version", bad[i], "is not 1.0, 2.0, 3.0 or 4.0");
	}
	fdt = dtb_editable();
	dtb_set_u32(fdt, P13, "version", 0x20000);
	p = dtb_load_free(fdt);
	sim_platform_free(p);
}

static void test_default_model(void **state)
{
	void *fdt = dtb_editable();
	int node = dtb_node(fdt, BIG), other = dtb_node(fdt, P13);
	struct sim_platform *p = dtb_load_free(fdt);
	uint32_t id = 99, level = 0, khz = 0;

	(void)state;
	assert_int_equal(sim_perf_model_id_by_node(p, node, &id), 0);
	assert_int_equal(id, 1);
	assert_int_equal(sim_perf_model_id_by_node(p, other, &id), -ENOENT);
	assert_int_equal(sim_perf_model_id_by_node(p, -1, &id), -ENOENT);
	sim_lock(p);
	assert_int_equal(sim_perf_model_num_domains(p), 3);
	assert_int_equal(sim_perf_model_level(p, 1, &level, &khz), 0);
	assert_int_equal(level, 1200);
	assert_int_equal(khz, 1200000);
	assert_int_equal(sim_perf_model_level(p, 3, &level, &khz), -ENOENT);
	assert_int_equal(sim_perf_model_total_power_mw(p), 220 + 300 + 300);
	sim_unlock(p);
	sim_platform_free(p);
}

/* cpu_big's top OPP at 2020 MHz: off the clock's 24 MHz steps, so the clock refuses it. */
static void test_refused_step_rolls_back(void **state)
{
	static const uint32_t opps[] = {408, 408000, 80,   150,	    650000, 1200, 1200000, 300,
					150, 900000, 2020, 2020000, 1180,   150,  1180000};
	const struct scmi_server_perf_ops *ops = &sim_perf_ops;
	struct sim_perf_step s[SIM_PERF_TRACE_LEN];
	void *fdt = dtb_editable();
	struct sim_platform *p;
	uint32_t level = 0;
	uint64_t hz = 0;
	int32_t uv = 0;
	size_t n;

	(void)state;
	dtb_set_cells(fdt, BIG, "opps", opps, 15);
	dtb_set_u32(fdt, BIG, "sustained-level", 1200);
	p = dtb_load_free(fdt);
	sim_lock(p);
	sim_perf_model_trace(p, s, SIM_PERF_TRACE_LEN, true);
	sim_unlock(p);

	assert_int_equal(ops->level_set(p, 1, 1, 2020), SCMI_HARDWARE_ERROR);
	assert_int_equal(ops->level_get(p, 1, 1, &level), SCMI_SUCCESS);
	assert_int_equal(level, 1200);
	sim_lock(p);
	n = sim_perf_model_trace(p, s, SIM_PERF_TRACE_LEN, true);
	/* Voltage up, clock refused, voltage back down. */
	assert_int_equal(n, 3);
	assert_int_equal(s[0].kind, SIM_PERF_STEP_VOLTAGE);
	assert_int_equal(s[0].value, 1180000);
	assert_int_equal(s[1].kind, SIM_PERF_STEP_CLOCK);
	assert_int_not_equal(s[1].ret, 0);
	assert_int_equal(s[2].kind, SIM_PERF_STEP_VOLTAGE);
	assert_int_equal(s[2].value, 900000);
	assert_int_equal(sim_voltage_model_get_level(p, p->perf->d[1].voltage_id, &uv), 0);
	assert_int_equal(uv, 900000);
	assert_int_equal(sim_clock_model_get_rate(p, p->perf->d[1].clock_id, &hz), 0);
	assert_int_equal(hz, 1200000000ull);
	sim_unlock(p);
	/* The refused request is not remembered: a later vote sees the old state. */
	assert_int_equal(ops->level_set(p, 1, 1, 408), SCMI_SUCCESS);
	assert_int_equal(ops->level_get(p, 1, 1, &level), SCMI_SUCCESS);
	assert_int_equal(level, 408);
	sim_platform_free(p);
}

static void test_ops_bad_input(void **state)
{
	const struct scmi_server_perf_ops *ops = &sim_perf_ops;
	struct sim_platform *p = dtb_load_free(dtb_editable());
	struct scmi_server_perf_opp opp;
	uint32_t a, b;

	(void)state;
	assert_int_equal(ops->count(p, 1), 3);
	assert_int_equal(ops->opp(p, 1, 1, 14, &opp), SCMI_INVALID_PARAMETERS);
	assert_int_equal(ops->opp(p, 1, 3, 0, &opp), SCMI_NOT_FOUND);
	/* An agent the platform cannot have sees no domain at all. */
	assert_int_equal(ops->level_set(p, 0, 1, 408), SCMI_NOT_FOUND);
	assert_int_equal(ops->level_set(p, 65, 1, 408), SCMI_NOT_FOUND);
	assert_int_equal(ops->notify(p, 0, 1, true, true), SCMI_NOT_FOUND);
	assert_int_equal(ops->limits_set(p, 1, 1, 408, 2016), SCMI_INVALID_PARAMETERS);
	assert_int_equal(ops->limits_get(p, 1, 3, &a, &b), SCMI_NOT_FOUND);
	assert_int_equal(ops->level_get(p, 1, 3, &a), SCMI_NOT_FOUND);
	sim_platform_free(p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_bad_values),	  cmocka_unit_test(test_versions),
	    cmocka_unit_test(test_default_model), cmocka_unit_test(test_refused_step_rolls_back),
	    cmocka_unit_test(test_ops_bad_input),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
