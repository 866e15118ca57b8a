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
#include <unistd.h>
#include <cmocka.h>

#include <libfdt.h>

#include "platform/sim/sim_clock.h"
#include "platform/sim/sim_env.h"
#include "platform/sim/sim_events.h"
#include "platform/sim/sim_platform.h"
#include "platform/sim/sim_power.h"
#include "platform/sim/sim_powercap.h"
#include "platform/sim/sim_reset.h"
#include "platform/sim/sim_system.h"
#include "scmi/proto/clock.h"
#include "scmi/proto/endian.h"
#include "scmi/proto/header.h"
#include "scmi/proto/powercap.h"
#include "scmi/proto/sensor.h"
#include "scmi/proto/status.h"
#include "scmi/proto/system.h"
#include "scmi/server/clock.h"
#include "scmi/server/sensor.h"
#include "scmi/server/server.h"
#include "scmi/server/system.h"
#include "dtb_expect.h"
#include "dtb_util.h"

#define PLAT	"/scmi-platform"
#define PROTOS	PLAT "/protocols"
#define CLOCKS	PROTOS "/protocol@14"
#define PERF	PROTOS "/protocol@13"
#define PCAP	PROTOS "/protocol@18"
#define SENSORS PROTOS "/protocol@15"
#define PWR	PROTOS "/protocol@11"
#define VOLT	PROTOS "/protocol@17"
#define PINCTRL PROTOS "/protocol@19"
#define RM	"/reserved-memory"

/*
 * Command @msg of @proto with @nargs u32 parameters to platform @p on channel @ch (0 and 1:
 * agent linux, 2: vm1), through a fresh server: the status; the reply in @rsp.
 */
static int32_t call_ch(struct sim_platform *p, uint32_t ch, uint8_t proto, uint8_t msg,
		       const uint32_t *args, size_t nargs, uint8_t rsp[SCMI_SERVER_MAX_PAYLOAD])
{
	struct scmi_server srv;
	uint8_t in[32] = {0};
	size_t n;

	assert_true(nargs <= 8);
	for (size_t i = 0; i < nargs; i++)
		scmi_put_le32(in + 4 * i, args[i]);
	scmi_server_init(&srv, sim_platform_ops(), p);
	n = scmi_server_process_raw(&srv, ch, scmi_hdr_make(proto, msg, 0, 1), in, 4 * nargs, rsp,
				    SCMI_SERVER_MAX_PAYLOAD);
	assert_true(n >= 4);
	return (int32_t)scmi_get_le32(rsp);
}

static int32_t call_on(struct sim_platform *p, uint8_t proto, uint8_t msg, const uint32_t *args,
		       size_t nargs, uint8_t rsp[SCMI_SERVER_MAX_PAYLOAD])
{
	return call_ch(p, 0, proto, msg, args, nargs, rsp);
}

/* rate-range takes exactly three cells: a fourth is refused as too many, not misread. */
static void test_rate_range_cells(void **state)
{
	static const uint32_t four[] = {408000000, 1416000000, 24000000, 1};

	(void)state;
	dtb_refuse_cells(CLOCKS "/clock@1", "rate-range", four, 4,
			 "rate-range: more than 3 entries");
}

/* A PLL's rate list is checked from its first entry: a zero there is refused too. */
static void test_rates_checked_from_first(void **state)
{
	static const uint32_t zero_first[] = {0, 1000000000, 1200000000};

	(void)state;
	dtb_refuse_cells(CLOCKS "/clock@4", "rates", zero_first, 3,
			 "rates: must be non-zero and ascending");
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

/*
 * A perf domain's clock naming the root node (offset 0, a node all the same): the link
 * resolves, and is refused for not being a clock, not as a dangling phandle.
 */
static void test_perf_link_to_root(void **state)
{
	void *fdt = dtb_editable();

	(void)state;
	dtb_set_u32(fdt, PERF "/domain@0", "clocks", dtb_phandle(fdt, "/", 0x7777));
	dtb_expect_refused(fdt, "clocks: not a node of that protocol's model");
}

/* A zone whose cap or PAI ranges (min != max) has no step: refused, no step is assumed. */
static void test_powercap_step_required(void **state)
{
	(void)state;
	dtb_refuse_del_prop(PCAP "/zone@0", "cap-step", "cap: a step is needed when min != max");
	dtb_refuse_del_prop(PCAP "/zone@0", "pai-step-us", "pai: a step is needed when min != max");
}

/* ambient-millicelsius is bounded to -100000..200000: each bound holds, one past it does not. */
static void test_ambient_bounds(void **state)
{
	(void)state;
	dtb_refuse_u32(SENSORS, "ambient-millicelsius", 200001,
		       "ambient-millicelsius: 200001 out of -100000..200000");
	dtb_refuse_u32(SENSORS, "ambient-millicelsius", (uint32_t)-100001,
		       "ambient-millicelsius: -100001 out of -100000..200000");
	for (int32_t mc = -100000; mc <= 200000; mc += 300000) {
		void *fdt = dtb_editable();

		dtb_set_u32(fdt, SENSORS, "ambient-millicelsius", (uint32_t)mc);
		sim_platform_free(dtb_load_free(fdt));
	}
}

/* Every listed update interval is checked: representable, and strictly ascending. */
static void test_update_intervals_checked(void **state)
{
	static const uint32_t descending[] = {1000, 10000, 5000};
	static const uint32_t unrepresentable[] = {1000, 65537};
	static const uint32_t zero[] = {0};

	(void)state;
	dtb_refuse_cells(SENSORS "/sensor@0", "update-intervals-us", descending, 3,
			 "update-intervals-us: not strictly ascending");
	dtb_refuse_cells(SENSORS "/sensor@0", "update-intervals-us", unrepresentable, 2,
			 "update interval 65537 us: not 1..65535 x 10^n us");
	dtb_refuse_cells(SENSORS "/sensor@0", "update-intervals-us", zero, 1,
			 "update interval 0 us");
}

/* Axes belong to thermal sensors only: a voltage sensor with axis-names is refused. */
static void test_axes_only_thermal(void **state)
{
	(void)state;
	dtb_refuse_raw(SENSORS "/sensor@4", "axis-names", "a\0b", 4,
		       "axis-names: only thermal sensors have axes");
}

/* Two sensor nodes with one id: the second is refused, not skipped as if it loaded. */
static void test_duplicate_sensor_id(void **state)
{
	(void)state;
	dtb_refuse_renumber(SENSORS "/sensor@8", 0, "sensor@0: duplicate sensor id 0");
}

/* The current sensor 5 of the default platform on a missing rail, nominally @nominal_uv. */
static int64_t current_on_missing_rail(uint32_t nominal_uv)
{
	uint8_t rsp[SCMI_SERVER_MAX_PAYLOAD];
	const uint32_t cur[2] = {5, 0};
	struct sim_platform *p;
	void *fdt = dtb_editable();
	int64_t ma;

	dtb_set_u32(fdt, SENSORS "/sensor@5", "voltage-domain", 99);
	dtb_set_u32(fdt, SENSORS "/sensor@5", "nominal-microvolt", nominal_uv);
	p = dtb_load_free(fdt);
	sim_platform_set_virtual_time(p, true);
	assert_int_equal(call_on(p, 0x15, SCMI_MSG_SENSOR_READING_GET, cur, 2, rsp), SCMI_SUCCESS);
	ma = (int64_t)((uint64_t)scmi_get_le32(rsp + 8) << 32 | scmi_get_le32(rsp + 4));
	sim_platform_free(p);
	return ma;
}

/*
 * A voltage sensor on a rail the voltage model does not have reads 0 uV, and a current
 * sensor there divides by its nominal voltage (half the voltage, twice the current), never
 * by a made-up level.
 */
static void test_sensor_on_missing_rail(void **state)
{
	uint8_t rsp[SCMI_SERVER_MAX_PAYLOAD];
	const uint32_t vol[2] = {4, 0};
	struct sim_platform *p;
	void *fdt = dtb_editable();
	int64_t at_1v, at_half;

	(void)state;
	dtb_set_u32(fdt, SENSORS "/sensor@4", "voltage-domain", 99);
	p = dtb_load_free(fdt);
	sim_platform_set_virtual_time(p, true);
	assert_int_equal(call_on(p, 0x15, SCMI_MSG_SENSOR_READING_GET, vol, 2, rsp), SCMI_SUCCESS);
	assert_int_equal(scmi_get_le32(rsp + 4), 0);
	assert_int_equal(scmi_get_le32(rsp + 8), 0);
	sim_platform_free(p);

	at_1v = current_on_missing_rail(1000000);
	at_half = current_on_missing_rail(500000);
	assert_true(at_1v > 0);
	assert_true(at_half >= 2 * at_1v - 1 && at_half <= 2 * at_1v + 1);
}

/* An axis extended name of a single character is an extended name all the same. */
static void test_axis_ext_name_of_one(void **state)
{
	const struct scmi_server_sensor_ops *ops = sim_platform_ops()->sensor;
	struct scmi_server_sensor_axis_info a;
	char name[SCMI_EXT_NAME_SIZE];
	struct sim_platform *p;
	void *fdt = dtb_editable();

	(void)state;
	dtb_set_raw(fdt, SENSORS "/sensor@8", "axis-extended-names", "x\0y\0z", 6);
	p = dtb_load_free(fdt);
	for (uint32_t axis = 0; axis < 3; axis++) {
		memset(&a, 0, sizeof(a));
		assert_int_equal(ops->axis_info(p, 1, 8, axis, &a), SCMI_SUCCESS);
		assert_true(a.has_ext_name);
		memset(name, 0, sizeof(name));
		assert_int_equal(ops->axis_ext_name(p, 1, 8, axis, name), SCMI_SUCCESS);
		assert_int_equal(name[0], "xyz"[axis]);
		assert_int_equal(name[1], '\0');
	}
	sim_platform_free(p);
}

/*
 * The platform's own system request: 0 when the state is one the DT supports (a forceful
 * one is entered at once), -EINVAL for a state it does not list or no state at all.
 */
static void test_system_request(void **state)
{
	struct sim_system_status st;
	struct sim_platform *p;
	void *fdt = dtb_editable();

	(void)state;
	dtb_set_raw(fdt, PROTOS "/protocol@12", "supported-states", "shutdown\0cold-reset\0suspend",
		    28);
	p = dtb_load_free(fdt);
	assert_int_equal(sim_system_request(p, SCMI_SYSTEM_STATE_SHUTDOWN, true), 0);
	assert_int_equal(sim_system_request(p, SCMI_SYSTEM_STATE_WARM_RESET, false), -EINVAL);
	assert_int_equal(sim_system_request(p, SCMI_SYSTEM_STATE_COUNT, false), -EINVAL);
	assert_int_equal(sim_system_request(p, SCMI_SYSTEM_STATE_SUSPEND, false), 0);
	assert_true(sim_system_status(p, &st));
	assert_int_equal(st.state, SCMI_SYSTEM_STATE_SUSPEND);
	sim_platform_free(p);
}

/* The phandle of node @path of the default tree, given one if it has none. */
static uint32_t ph_of(void *fdt, const char *path)
{
	return dtb_phandle(fdt, path, 0x6000u + (uint32_t)dtb_node(fdt, path));
}

/* The default tree with u32 @prop of @path set to the phandle of @target: refused. */
static void refuse_link(const char *path, const char *prop, const char *target,
			const char *fragment)
{
	void *fdt = dtb_editable();

	dtb_set_u32(fdt, path, prop, ph_of(fdt, target));
	dtb_expect_refused(fdt, fragment);
}

/* Power domains: links, cycles, retention states, boot-on of a child of an off parent. */
static void test_power_refusals(void **state)
{
	void *fdt;

	(void)state;
	refuse_link(PWR "/domain@8", "parent", PWR "/domain@8",
		    "parent: a domain cannot be its own parent");
	refuse_link(PWR "/domain@8", "parent", PWR "/domain@2",
		    "parent: the hierarchy has a cycle");
	refuse_link(PWR "/domain@8", "parent", CLOCKS "/clock@0",
		    "parent: not a power domain of this protocol");
	dtb_refuse_u32(PWR "/domain@8", "parent", 0x4444, "parent: no node with phandle 0x4444");
	dtb_refuse_cells(PWR "/domain@0", "retention-states", (const uint32_t[]){1, 1}, 2,
			 "retention-states: 0x1 twice");
	dtb_refuse_u32(PWR "/domain@0", "boot-on", 1, "boot-on: takes no value");
	dtb_refuse_del_prop(PWR "/domain@8", "boot-on",
			    "boot-on: the parent domain is not boot-on");
	/* With no child boot-on, the parent may be off at boot. */
	fdt = dtb_editable();
	dtb_del_prop(fdt, PWR "/domain@8", "boot-on");
	dtb_del_prop(fdt, PWR "/domain@2", "boot-on");
	dtb_del_prop(fdt, PWR "/domain@3", "boot-on");
	dtb_del_prop(fdt, PWR "/domain@5", "boot-on");
	sim_platform_free(dtb_load_free(fdt));
}

/* Voltage domains: one way of listing levels, ascending, and an initial level among them. */
static void test_voltage_refusals(void **state)
{
	static const uint32_t desc[] = {900000, 850000};
	static const uint32_t range_down[] = {1200000, 600000, 10000};

	(void)state;
	dtb_refuse_cells(VOLT "/domain@3", "voltage-levels", desc, 2,
			 "voltage-levels: must be strictly ascending");
	dtb_refuse_cells(VOLT "/domain@0", "voltage-levels", desc + 1, 1,
			 "exactly one of voltage-levels and voltage-range");
	dtb_refuse_cells(VOLT "/domain@0", "voltage-range", range_down, 3,
			 "voltage-range: need min <= max, step > 0 dividing max - min");
	dtb_refuse_u32(VOLT "/domain@0", "initial-microvolt", 805000,
		       "initial-microvolt: not a level of the domain");
}

/* Powercap zones: ranges, steps, weights, links and the measurement flags. */
static void test_powercap_refusals(void **state)
{
	(void)state;
	dtb_refuse_u32(PCAP "/zone@0", "accuracy", 100001, "accuracy: at most 100000 (100 %)");
	/* Printable ASCII is 0x20..0x7e: one below and one above are refused. */
	dtb_refuse_str(PCAP "/zone@0", "zone-name", "cpu\x1fzone",
		       "zone-name: not printable ASCII");
	dtb_refuse_str(PCAP "/zone@0", "zone-name", "cpu\x7fzone",
		       "zone-name: not printable ASCII");
	dtb_refuse_u32(PCAP "/zone@1", "parent-zone", 1,
		       "parent-zone: must be a zone listed before this one");
	dtb_refuse_cells(PCAP "/zone@1", "perf-weights", (const uint32_t[]){30}, 1,
			 "perf-weights: one per perf domain");
	dtb_refuse_cells(PCAP "/zone@1", "perf-weights", (const uint32_t[]){0, 70}, 2,
			 "perf-weights: 1..1000");
	dtb_refuse_cells(PCAP "/zone@1", "perf-weights", (const uint32_t[]){1001, 70}, 2,
			 "perf-weights: 1..1000");
	dtb_refuse_u32(PCAP "/zone@0", "static-power", 1000, "static-power: must be below min-cap");
	dtb_refuse_raw(PCAP "/zone@1", "perf-domains", "", 0, "perf-domains: 1..");
	dtb_refuse_raw(PCAP "/zone@1", "perf-domains", "abc", 3, "perf-domains: 1..");
	dtb_refuse_del_prop(PCAP "/zone@0", "measurement", "measurement-notify: needs measurement");
	dtb_refuse_u32(PCAP "/zone@0", "min-cap", 4001, "cap: min above max");
	dtb_refuse_u32(PCAP "/zone@0", "min-cap", 0, "cap: min and max must not be 0");
	dtb_refuse_u32(PCAP "/zone@0", "cap-step", 70,
		       "cap: max - min is not a multiple of the step");
	dtb_refuse_u32(PCAP "/zone@0", "cap", 1010,
		       "cap: initial value not in range or not on a step");
	dtb_refuse_u32(PCAP "/zone@0", "cap", 4050,
		       "cap: initial value not in range or not on a step");
}

/* Sensors: axes, ranges, trip points, kinds and intervals, each one past its limit. */
static void test_sensor_refusals(void **state)
{
	(void)state;
	dtb_refuse_cells(SENSORS "/sensor@8", "axis-permille", (const uint32_t[]){800, 500, 1001},
			 3, "axis-permille: above 1000");
	dtb_refuse_cells(SENSORS "/sensor@8", "axis-permille", (const uint32_t[]){800, 500}, 2,
			 "axis-permille: one per axis");
	dtb_refuse_raw(SENSORS "/sensor@8", "axis-extended-names", "a\0b", 4,
		       "axis-extended-names: one per axis");
	dtb_refuse_raw(SENSORS "/sensor@8", "axis-names", "0123456789abcdef\0b\0c", 21,
		       "axis-names: entry 0 not 1..15 printable");
	dtb_refuse_cells(SENSORS "/sensor@0", "range", (const uint32_t[]){10, 5}, 2,
			 "range: <min max> (signed) with min <= max");
	dtb_refuse_cells(SENSORS "/sensor@0", "range", (const uint32_t[]){10}, 1,
			 "range: <min max> (signed) with min <= max");
	dtb_refuse_u32(SENSORS "/sensor@0", "trip-points", 9, "trip-points: 9 out of 0..8");
	dtb_refuse_u32(SENSORS "/sensor@0", "millicelsius-per-watt", 1000001,
		       "millicelsius-per-watt: above 1000000");
	dtb_refuse_str(SENSORS "/sensor@0", "kind", "magnetic",
		       "kind: not one of thermal, power, voltage, current, constant");
	dtb_refuse_u32(SENSORS "/sensor@0", "default-interval-us", 5000,
		       "default-interval-us: 5000 is not a supported interval");
	dtb_refuse_del_prop(SENSORS "/sensor@4", "voltage-domain",
			    "voltage-domain: required for kind voltage");
	dtb_refuse_del_prop(SENSORS "/sensor@5", "voltage-domain",
			    "voltage-domain: required for kind current");
}

/* One-character axis names are names; a sensor without trip-points has none. */
static void test_sensor_small_edges(void **state)
{
	const struct scmi_server_sensor_ops *ops = sim_platform_ops()->sensor;
	struct scmi_server_sensor_info info;
	struct sim_platform *p;
	void *fdt = dtb_editable();

	(void)state;
	dtb_set_raw(fdt, SENSORS "/sensor@8", "axis-names", "a\0b\0c", 6);
	dtb_del_prop(fdt, SENSORS "/sensor@0", "trip-points");
	p = dtb_load_free(fdt);
	memset(&info, 0, sizeof(info));
	assert_int_equal(ops->info(p, 1, 0, &info), SCMI_SUCCESS);
	assert_int_equal(info.num_trip_points, 0);
	memset(&info, 0, sizeof(info));
	assert_int_equal(ops->info(p, 1, 8, &info), SCMI_SUCCESS);
	assert_int_equal(info.num_axes, 3);
	sim_platform_free(p);
}

/* Clocks: cells and frequency; a protocol version of 0; an allowed agent that is not one. */
static void test_clock_refusals(void **state)
{
	(void)state;
	dtb_refuse_u32(CLOCKS "/clock@0", "#clock-cells", 1, "#clock-cells: must be <0>");
	dtb_refuse_u32(CLOCKS "/clock@0", "clock-frequency", 0, "clock-frequency: must not be 0");
	dtb_refuse_u32(CLOCKS, "version", 0, "version: must not be 0 (omit it instead)");
	dtb_refuse_u32(PROTOS "/protocol@12", "allowed-agents", 9, "allowed-agents: no agent 9");
}

/* Without the system protocol in the DT, the platform supports no system state at all. */
static void test_system_absent(void **state)
{
	const struct scmi_server_system_ops *ops = sim_platform_ops()->system;
	struct sim_platform *p;
	void *fdt = dtb_editable();

	(void)state;
	p = dtb_load(fdt);
	assert_int_equal(ops->supported(p), 0x1f);
	sim_platform_free(p);
	dtb_del_node(fdt, PROTOS "/protocol@12");
	p = dtb_load_free(fdt);
	assert_int_equal(ops->supported(p), 0);
	sim_platform_free(p);
}

/* A powercap zone whose cap is set to 0 is disabled: POWERCAP_CAP_GET reads 0, not the cap. */
static void test_powercap_disabled_reads_0(void **state)
{
	uint8_t rsp[SCMI_SERVER_MAX_PAYLOAD];
	struct sim_platform *p = dtb_load_free(dtb_editable());
	const uint32_t zone = 0, off[3] = {0, 0, 0};

	(void)state;
	assert_int_equal(call_on(p, 0x18, 0x4, &zone, 1, rsp), SCMI_SUCCESS);
	assert_int_equal(scmi_get_le32(rsp + 4), 4000);
	assert_int_equal(call_on(p, 0x18, 0x5, off, 3, rsp), SCMI_SUCCESS);
	assert_int_equal(call_on(p, 0x18, 0x4, &zone, 1, rsp), SCMI_SUCCESS);
	assert_int_equal(scmi_get_le32(rsp + 4), 0);
	sim_platform_free(p);
}

/* Resetting an agent's configuration frees the pins it owned: nobody owns them after. */
static void test_pinctrl_reset_frees_pins(void **state)
{
	uint8_t rsp[SCMI_SERVER_MAX_PAYLOAD];
	struct sim_platform *p = dtb_load_free(dtb_editable());
	const uint32_t reset_vm1[2] = {2, 0};
	uint32_t pin[2] = {0, 0};

	(void)state;
	while (pin[0] < 64 && call_ch(p, 2, 0x19, 0x7, pin, 2, rsp) != SCMI_SUCCESS)
		pin[0]++;
	assert_true(pin[0] < 64);
	/* Owned by vm1: linux cannot have it. */
	assert_int_not_equal(call_ch(p, 0, 0x19, 0x7, pin, 2, rsp), SCMI_SUCCESS);
	assert_int_equal(call_ch(p, 0, 0x10, 0xb, reset_vm1, 2, rsp), SCMI_SUCCESS);
	/* Free again: linux cannot give it back (it is not linux's), vm1 can have it again. */
	assert_int_not_equal(call_ch(p, 0, 0x19, 0x8, pin, 2, rsp), SCMI_SUCCESS);
	assert_int_equal(call_ch(p, 2, 0x19, 0x7, pin, 2, rsp), SCMI_SUCCESS);
	assert_int_not_equal(call_ch(p, 0, 0x19, 0x7, pin, 2, rsp), SCMI_SUCCESS);
	sim_platform_free(p);
}

/* A PLL's initial clock-frequency must be one of its rates. */
static void test_pll_initial_rate(void **state)
{
	(void)state;
	dtb_refuse_u32(CLOCKS "/clock@1", "clock-frequency", 24000000, "clock-frequency");
	dtb_refuse_u32(CLOCKS "/clock@1", "clock-frequency", 1008000001, "clock-frequency");
}

/* A group's pins are ids below the number of pins: 64 is one past the default's last. */
static void test_pinctrl_pin_ids(void **state)
{
	(void)state;
	dtb_refuse_cells(PINCTRL "/groups/group@0", "pins", (const uint32_t[]){0, 64}, 2,
			 "pins: 64 does not exist");
}

/* A device lists at most 256 resources: one more is refused before any is resolved. */
static void test_device_resources_limit(void **state)
{
	static fdt32_t ph[257];
	void *fdt = dtb_editable();
	uint32_t osc = ph_of(fdt, CLOCKS "/clock@0");

	(void)state;
	for (size_t i = 0; i < 257; i++)
		ph[i] = cpu_to_fdt32(osc);
	dtb_set_raw(fdt, PLAT "/devices/device@0", "resources", ph, (int)sizeof(ph));
	dtb_expect_refused(fdt, "resources: more than 256");
}

/*
 * Resetting an agent's configuration drops its measurement subscription and its thresholds
 * with it (zeroed, not left over for the next subscription to inherit).
 */
static void test_powercap_reset_drops_thresholds(void **state)
{
	uint8_t rsp[SCMI_SERVER_MAX_PAYLOAD];
	struct sim_platform *p = dtb_load_free(dtb_editable());
	const uint32_t sub[4] = {0, 1, 1500, 3000}, reset_linux[2] = {1, 0};
	uint32_t low, high;
	bool on;

	(void)state;
	assert_int_equal(call_on(p, 0x18, SCMI_MSG_POWERCAP_MEASUREMENTS_NOTIFY, sub, 4, rsp),
			 SCMI_SUCCESS);
	assert_int_equal(sim_powercap_subscription(p, 0, 1, SCMI_EVT_POWERCAP_MEASUREMENTS_CHANGED,
						   &on, &low, &high),
			 0);
	assert_true(on);
	assert_int_equal(low, 1500);
	assert_int_equal(high, 3000);
	assert_int_equal(call_on(p, 0x10, 0xb, reset_linux, 2, rsp), SCMI_SUCCESS);
	assert_int_equal(sim_powercap_subscription(p, 0, 1, SCMI_EVT_POWERCAP_MEASUREMENTS_CHANGED,
						   &on, &low, &high),
			 0);
	assert_false(on);
	assert_int_equal(low, 0);
	assert_int_equal(high, 0);
	sim_platform_free(p);
}

/* Clock loader edges: a missing frequency, a short rate-range, a parent that is the clock. */
static void test_clock_load_edges(void **state)
{
	(void)state;
	dtb_refuse_del_prop(CLOCKS "/clock@0", "clock-frequency", "missing clock-frequency");
	dtb_refuse_cells(CLOCKS "/clock@1", "rate-range", (const uint32_t[]){408000000, 1416000000},
			 2, "rate-range: must be <min max step>");
	refuse_link(CLOCKS "/clock@1", "clocks", CLOCKS "/clock@1",
		    "clocks: parent clock@1 must have a smaller reg");
}

/* A shmem reg is exactly one (address, size) pair in its bus's cells: 12 bytes for 2+2 are not. */
static void test_shmem_reg_length(void **state)
{
	(void)state;
	dtb_refuse_cells(RM "/scmi-shmem@3f000000", "reg", (const uint32_t[]){0, 0x3f000000, 0x80},
			 3, "reg: must be one (address, size) pair of 2+2 cells, is 12 bytes");
}

/* A perf domain without sustained-level sustains its highest OPP. */
static void test_perf_sustained_default(void **state)
{
	uint8_t rsp[SCMI_SERVER_MAX_PAYLOAD];
	struct sim_platform *p;
	void *fdt = dtb_editable();
	const uint32_t gpu = 2;

	(void)state;
	dtb_del_prop(fdt, PERF "/domain@2", "sustained-level");
	p = dtb_load_free(fdt);
	assert_int_equal(call_on(p, 0x13, 0x3, &gpu, 1, rsp), SCMI_SUCCESS);
	assert_int_equal(scmi_get_le32(rsp + 12), 800000);
	sim_platform_free(p);
}

/*
 * Sensor 0 updates every 1, 10, 100 or 1000 ms. Ask for @secs x 10^@exp s rounded by
 * @round (0 down, 1 up, 2 nearest): the interval in force afterwards, in microseconds.
 */
static uint64_t interval_after(uint16_t secs, int8_t exp, uint32_t round)
{
	uint8_t rsp[SCMI_SERVER_MAX_PAYLOAD];
	struct sim_platform *p = dtb_load_free(dtb_editable());
	uint32_t set[2] = {0, SCMI_SENSOR_CONFIG_ENABLE}, word;
	const uint32_t id = 0;
	uint64_t us;
	int e;

	set[1] |= (uint32_t)secs << SCMI_SENSOR_CONFIG_SECS_SHIFT;
	set[1] |= ((uint32_t)exp & 0x1fu) << SCMI_SENSOR_CONFIG_EXP_SHIFT;
	set[1] |= round << SCMI_SENSOR_CONFIG_ROUND_SHIFT;
	assert_int_equal(call_on(p, 0x15, SCMI_MSG_SENSOR_CONFIG_SET, set, 2, rsp), SCMI_SUCCESS);
	assert_int_equal(call_on(p, 0x15, SCMI_MSG_SENSOR_CONFIG_GET, &id, 1, rsp), SCMI_SUCCESS);
	sim_platform_free(p);
	word = scmi_get_le32(rsp + 4);
	us = word >> SCMI_SENSOR_CONFIG_SECS_SHIFT;
	e = (int)((word >> SCMI_SENSOR_CONFIG_EXP_SHIFT) & 0x1fu);
	e = (e ^ 0x10) - 0x10; /* 5-bit two's complement */
	for (e += 6; e > 0; e--)
		us *= 10;
	for (; e < 0; e++)
		us /= 10;
	return us;
}

/* The interval asked for is rounded as asked among the ones the sensor has. */
static void test_sensor_interval_rounding(void **state)
{
	(void)state;
	/* 5 ms: down 1 ms, up 10 ms, nearest 1 ms (4 ms away against 5). */
	assert_int_equal(interval_after(5, -3, 0), 1000);
	assert_int_equal(interval_after(5, -3, 1), 10000);
	assert_int_equal(interval_after(5, -3, 2), 1000);
	/* 6 ms: nearest is 10 ms. Exactly 10 ms: that one, whatever the rounding. */
	assert_int_equal(interval_after(6, -3, 2), 10000);
	for (uint32_t round = 0; round < 3; round++)
		assert_int_equal(interval_after(10, -3, round), 10000);
	/* 50 ms: down 10 ms, up 100 ms. */
	assert_int_equal(interval_after(50, -3, 0), 10000);
	assert_int_equal(interval_after(50, -3, 1), 100000);
}

/*
 * Loading a file with no room for the error (NULL with a length, or a buffer of length 0):
 * the error code alone, and nothing written anywhere.
 */
static void test_load_file_without_error_room(void **state)
{
	struct sim_platform *p = (void *)1;
	char err[8] = "intact";

	(void)state;
	assert_int_equal(sim_platform_load_file("/nonexistent/x.dtb", &p, NULL, 16), -ENOENT);
	assert_null(p);
	assert_int_equal(sim_platform_load_file("/nonexistent/x.dtb", &p, err, 0), -ENOENT);
	assert_string_equal(err, "intact");
	assert_int_equal(sim_platform_load_file("/nonexistent/x.dtb", &p, err, sizeof(err)),
			 -ENOENT);
	assert_int_equal(strlen(err), sizeof(err) - 1);
}

/* A log line longer than the line buffer is cut to 255 characters, one write, one newline. */
static void test_log_line_cut(void **state)
{
	char big[400], got[600];
	FILE *tmp = tmpfile();
	int saved = dup(2);
	size_t n;

	(void)state;
	assert_non_null(tmp);
	assert_true(saved >= 0);
	memset(big, 'x', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	assert_int_equal(fflush(stderr), 0);
	assert_true(dup2(fileno(tmp), 2) >= 0);
	sim_log("%s", big);
	assert_int_equal(fflush(stderr), 0);
	assert_true(dup2(saved, 2) >= 0);
	assert_int_equal(close(saved), 0);
	rewind(tmp);
	n = fread(got, 1, sizeof(got), tmp);
	assert_int_equal(fclose(tmp), 0);
	assert_int_equal(n, 256);
	assert_int_equal(got[254], 'x');
	assert_int_equal(got[255], '\n');
}

/* More loader edges: a rate range from 0, a rate list, names, mandatory states, modes. */
static void test_more_loader_edges(void **state)
{
	static const uint32_t rates[] = {408000000, 1008000000};
	char err[64];
	struct sim_platform *p;
	void *fdt;

	(void)state;
	dtb_refuse_cells(CLOCKS "/clock@1", "rate-range",
			 (const uint32_t[]){0, 1416000000, 24000000}, 3,
			 "rate-range: needs 0 < min < max and a step dividing max - min");
	/* A list of ascending rates in place of the range loads. */
	fdt = dtb_editable();
	dtb_del_prop(fdt, CLOCKS "/clock@1", "rate-range");
	dtb_set_cells(fdt, CLOCKS "/clock@1", "rates", rates, 2);
	sim_platform_free(dtb_load(fdt));
	dtb_set_cells(fdt, CLOCKS "/clock@1", "rates", (const uint32_t[]){1008000000, 408000000},
		      2);
	dtb_expect_refused(fdt, "rates: must be non-zero and ascending");

	dtb_refuse_str(PWR "/domain@0", "domain-name", "cpu\tlittle",
		       "domain-name: not printable ASCII");
	dtb_refuse_str(PWR "/domain@0", "domain-name", "cpu\x7flittle",
		       "domain-name: not printable ASCII");
	dtb_refuse_u32(PROTOS "/protocol@12", "supported-states", 1,
		       "supported-states: not a list of strings");
	dtb_refuse_raw(PROTOS "/protocol@12", "supported-states", "shutdown\0warm-reset", 20,
		       "supported-states: shutdown and cold-reset are mandatory");
	dtb_refuse_raw(PROTOS "/protocol@12", "supported-states", "cold-reset\0warm-reset", 22,
		       "supported-states: shutdown and cold-reset are mandatory");
	dtb_refuse_u32(VOLT "/domain@0", "implementation-modes", 0x100,
		       "implementation-modes: a bitmap of modes 0..7");
	dtb_refuse_u32(RM, "ranges", 0, "ranges: only an empty (1:1) ranges is supported");

	/* A successful load clears an error buffer that held something. */
	memset(err, 'z', sizeof(err));
	fdt = dtb_editable();
	assert_int_equal(sim_platform_load(fdt, fdt_totalsize(fdt), &p, err, sizeof(err)), 0);
	assert_int_equal(err[0], '\0');
	sim_platform_free(p);
	free(fdt);
}

/*
 * A reset domain is asserted at boot only when its DT says initially-asserted; a power domain
 * nobody changed, or one that does not exist, has no last agent.
 */
static void test_boot_states(void **state)
{
	struct sim_reset_state st;
	struct sim_platform *p;
	void *fdt = dtb_editable();

	(void)state;
	dtb_set_raw(fdt, PROTOS "/protocol@16/domain@0", "initially-asserted", "", 0);
	p = dtb_load_free(fdt);
	assert_int_equal(sim_reset_get_state(p, 0, &st), 0);
	assert_true(st.asserted);
	assert_int_equal(sim_reset_get_state(p, 1, &st), 0);
	assert_false(st.asserted);
	assert_int_equal(sim_power_last_agent(p, 0), 0);
	assert_int_equal(sim_power_last_agent(p, 999), 0);
	sim_platform_free(p);
}

/* Loading from memory with no room for the error: the code alone, nothing written. */
static void test_load_without_error_room(void **state)
{
	struct sim_platform *p;
	char err[8] = "intact";
	char garbage[64];

	(void)state;
	memset(garbage, 0x5a, sizeof(garbage));
	assert_int_equal(sim_platform_load(garbage, sizeof(garbage), &p, NULL, 16), -EINVAL);
	assert_int_equal(sim_platform_load(garbage, sizeof(garbage), &p, err, 0), -EINVAL);
	assert_string_equal(err, "intact");
}

/*
 * Every one-cell property of the default tree, given two cells instead: refused, naming the
 * property, whichever loader reads it (none may take the error for an absent property).
 */
static void test_one_cell_properties(void **state)
{
	static const struct {
		const char *path, *prop;
	} props[] = {
	    {CLOCKS "/clock@0", "clock-frequency"},
	    {CLOCKS "/clock@1", "enable-latency-us"},
	    {PERF "/domain@0", "rate-limit-us"},
	    {PERF "/domain@0", "sustained-level"},
	    {PERF "/domain@0", "initial-level"},
	    {PWR "/domain@0", "power-mw"},
	    {PWR "/domain@0", "retention-power-mw"},
	    {PWR "/domain@2", "parent"},
	    {PERF "/domain@0", "clocks"},
	    {PERF "/domain@0", "voltage-domain"},
	    {VOLT "/domain@0", "initial-microvolt"},
	    {SENSORS, "ambient-millicelsius"},
	    {SENSORS, "soc-base-milliwatt"},
	    {SENSORS "/sensor@0", "millicelsius-per-watt"},
	    {SENSORS "/sensor@0", "time-constant-us"},
	    {SENSORS "/sensor@0", "default-interval-us"},
	    {SENSORS "/sensor@0", "trip-points"},
	    {SENSORS "/sensor@0", "sensor-power-microwatt"},
	    {SENSORS "/sensor@4", "voltage-domain"},
	    {SENSORS "/sensor@5", "nominal-microvolt"},
	    {PCAP "/zone@0", "min-cap"},
	    {PCAP "/zone@0", "max-cap"},
	    {PCAP "/zone@0", "cap-step"},
	    {PCAP "/zone@0", "sustainable-power"},
	    {PCAP "/zone@0", "min-pai-us"},
	    {PCAP "/zone@0", "max-pai-us"},
	    {PCAP "/zone@0", "pai-step-us"},
	    {PCAP "/zone@0", "pai-us"},
	    {PCAP "/zone@0", "accuracy"},
	    {PCAP "/zone@0", "static-power"},
	    {PCAP "/zone@1", "parent-zone"},
	    {PROTOS "/protocol@16/domain@0", "latency-us"},
	    {PROTOS "/protocol@12", "shutdown-timeout-ms"},
	    {PLAT, "base-version"},
	};
	static const uint32_t two[] = {1, 2};
	char want[96];

	(void)state;
	for (size_t i = 0; i < sizeof(props) / sizeof(props[0]); i++) {
		snprintf(want, sizeof(want), "%s: must be one cell, is 8 bytes", props[i].prop);
		dtb_refuse_cells(props[i].path, props[i].prop, two, 2, want);
	}
}

/* A pinctrl protocol node with neither pins nor groups nor functions: a controller of none. */
static void test_bare_pinctrl(void **state)
{
	uint8_t rsp[SCMI_SERVER_MAX_PAYLOAD];
	struct sim_platform *p;
	void *fdt = dtb_editable();

	(void)state;
	dtb_del_prop(fdt, PINCTRL, "pin-names");
	dtb_del_prop(fdt, PINCTRL, "pin-groups");
	dtb_del_node(fdt, PINCTRL "/groups");
	dtb_del_node(fdt, PINCTRL "/functions");
	p = dtb_load_free(fdt);
	assert_int_equal(call_on(p, 0x19, 0x1, NULL, 0, rsp), SCMI_SUCCESS);
	assert_int_equal(scmi_get_le32(rsp + 4), 0);
	sim_platform_free(p);
}

/* The events a platform emitted: agent, protocol, message and the first three words. */
static struct rec {
	unsigned int n;
	uint32_t agent[8], words[8][3];
	uint8_t proto[8], msg[8];
} rec;

static void record(void *ctx, uint32_t agent_id, uint8_t proto, uint8_t msg_id, const void *payload,
		   size_t len)
{
	(void)ctx;
	if (rec.n < 8) {
		rec.agent[rec.n] = agent_id;
		rec.proto[rec.n] = proto;
		rec.msg[rec.n] = msg_id;
		for (size_t i = 0; i < 3 && 4 * i + 4 <= len; i++)
			rec.words[rec.n][i] = scmi_get_le32((const uint8_t *)payload + 4 * i);
	}
	rec.n++;
}

/*
 * A measurement subscription whose thresholds the zone's power is outside of: reading the
 * power notifies the subscriber once (zone and power), not again for the same value; inside
 * the thresholds, never.
 */
static void test_powercap_measurement_notified(void **state)
{
	uint8_t rsp[SCMI_SERVER_MAX_PAYLOAD];
	struct sim_platform *p = dtb_load_free(dtb_editable());
	const uint32_t outside[4] = {0, 1, 1, 2}, inside[4] = {0, 1, 1, 0xffffffffu};
	const uint32_t zone = 0;
	uint32_t power;

	(void)state;
	memset(&rec, 0, sizeof(rec));
	sim_platform_set_virtual_time(p, true);
	assert_int_equal(sim_events_set_hook(p, record, NULL), 0);
	assert_int_equal(call_on(p, 0x18, SCMI_MSG_POWERCAP_MEASUREMENTS_NOTIFY, inside, 4, rsp),
			 SCMI_SUCCESS);
	assert_int_equal(call_on(p, 0x18, SCMI_MSG_POWERCAP_MEASUREMENTS_GET, &zone, 1, rsp),
			 SCMI_SUCCESS);
	assert_int_equal(rec.n, 0);

	assert_int_equal(call_on(p, 0x18, SCMI_MSG_POWERCAP_MEASUREMENTS_NOTIFY, outside, 4, rsp),
			 SCMI_SUCCESS);
	assert_int_equal(call_on(p, 0x18, SCMI_MSG_POWERCAP_MEASUREMENTS_GET, &zone, 1, rsp),
			 SCMI_SUCCESS);
	power = scmi_get_le32(rsp + 4);
	assert_true(power > 2);
	assert_int_equal(rec.n, 1);
	assert_int_equal(rec.agent[0], 1);
	assert_int_equal(rec.proto[0], 0x18);
	assert_int_equal(rec.msg[0], SCMI_EVT_POWERCAP_MEASUREMENTS_CHANGED);
	assert_int_equal(rec.words[0][1], 0);
	assert_int_equal(rec.words[0][2], power);
	assert_int_equal(call_on(p, 0x18, SCMI_MSG_POWERCAP_MEASUREMENTS_GET, &zone, 1, rsp),
			 SCMI_SUCCESS);
	assert_int_equal(rec.n, 1);
	sim_events_set_hook(p, NULL, NULL);
	sim_platform_free(p);
}

/* A clock rate change notifies the clocks it moved, not every clock someone watches. */
static void test_clock_change_notifies_only_moved(void **state)
{
	uint8_t rsp[SCMI_SERVER_MAX_PAYLOAD];
	struct sim_platform *p = dtb_load_free(dtb_editable());
	const uint32_t watch_osc[2] = {0, 1}, watch_uart[2] = {12, 1}, uart = 12;
	uint32_t set[4] = {SCMI_CLOCK_RATE_ROUND_AUTO, 12, 0, 0};
	uint64_t hz;
	unsigned int uart_events = 0;

	(void)state;
	memset(&rec, 0, sizeof(rec));
	sim_platform_set_virtual_time(p, true);
	assert_int_equal(sim_events_set_hook(p, record, NULL), 0);
	assert_int_equal(call_on(p, 0x14, SCMI_MSG_CLOCK_RATE_NOTIFY, watch_osc, 2, rsp),
			 SCMI_SUCCESS);
	assert_int_equal(call_on(p, 0x14, SCMI_MSG_CLOCK_RATE_NOTIFY, watch_uart, 2, rsp),
			 SCMI_SUCCESS);
	assert_int_equal(call_on(p, 0x14, SCMI_MSG_CLOCK_RATE_GET, &uart, 1, rsp), SCMI_SUCCESS);
	hz = (uint64_t)scmi_get_le32(rsp + 8) << 32 | scmi_get_le32(rsp + 4);
	hz /= 2;
	set[2] = (uint32_t)hz;
	set[3] = (uint32_t)(hz >> 32);
	assert_int_equal(call_on(p, 0x14, SCMI_MSG_CLOCK_RATE_SET, set, 4, rsp), SCMI_SUCCESS);
	assert_true(rec.n >= 1 && rec.n <= 8);
	for (unsigned int i = 0; i < rec.n; i++) {
		assert_int_equal(rec.proto[i], 0x14);
		assert_int_equal(rec.words[i][1], 12);
		uart_events++;
	}
	assert_int_equal(uart_events, 1);
	sim_events_set_hook(p, NULL, NULL);
	sim_platform_free(p);
}

/* A space is printable: names with one load, a control character just below it does not. */
static void test_names_with_space(void **state)
{
	void *fdt = dtb_editable();

	(void)state;
	dtb_set_str(fdt, PERF "/domain@0", "domain-name", "cpu little");
	dtb_set_str(fdt, PWR "/domain@0", "domain-name", "cpu little");
	sim_platform_free(dtb_load_free(fdt));
	dtb_refuse_str(PERF "/domain@0", "domain-name", "cpu\x1flittle",
		       "domain-name: not printable ASCII");
}

/*
 * A range clock has no list entries: its rate set counts 0, so that nothing walks a list
 * (sim_clock_rate_at) that a range does not have. Through the platform op and the model.
 */
static void test_range_clock_counts_no_entries(void **state)
{
	struct sim_platform *p = dtb_load_free(dtb_editable());
	struct scmi_server_clock_rates r;
	uint64_t rates[4] = {7, 7, 7, 7};

	(void)state;
	memset(&r, 0xa5, sizeof(r));
	/* Agent 1 (linux) sees pll_cpu_little, a rate-range PLL, as clock 1. */
	assert_int_equal(sim_platform_ops()->clock->describe(p, 1, 1, 0, rates, 4, &r),
			 SCMI_SUCCESS);
	assert_true(r.range);
	assert_int_equal(r.min, 408000000);
	assert_int_equal(r.count, 0);
	assert_int_equal(rates[0], 7);
	sim_platform_free(p);
}

/* The default tree with a tenth sensor, a constant one of unit exponent @exp. */
static void *with_constant_sensor(int32_t exp)
{
	void *fdt = dtb_editable();

	dtb_add_node(fdt, SENSORS, "sensor@9");
	dtb_set_u32(fdt, SENSORS "/sensor@9", "reg", 9);
	dtb_set_str(fdt, SENSORS "/sensor@9", "sensor-name", "const9");
	dtb_set_str(fdt, SENSORS "/sensor@9", "kind", "constant");
	dtb_set_u32(fdt, SENSORS "/sensor@9", "unit-exponent", (uint32_t)exp);
	return fdt;
}

/* A constant sensor's unit exponent is a signed 5-bit field: -16..15, and no further. */
static void test_constant_unit_exponent_bounds(void **state)
{
	(void)state;
	sim_platform_free(dtb_load_free(with_constant_sensor(-16)));
	sim_platform_free(dtb_load_free(with_constant_sensor(15)));
	dtb_expect_refused(with_constant_sensor(16), "unit-exponent: 16 out of -16..15");
	dtb_expect_refused(with_constant_sensor(-17), "unit-exponent: -17 out of -16..15");
}

/* SYSTEM_POWER_STATE_SET of a state the platform does not have: NOT_SUPPORTED, exactly. */
static void test_system_state_unsupported(void **state)
{
	struct sim_platform *p = dtb_load_free(dtb_editable());
	const struct scmi_server_system_ops *ops = sim_platform_ops()->system;

	(void)state;
	assert_int_equal(ops->state_set(p, 1, 0, SCMI_SYSTEM_STATE_COUNT), SCMI_NOT_SUPPORTED);
	assert_int_equal(ops->state_set(p, 1, 0, 0xffffffffu), SCMI_NOT_SUPPORTED);
	sim_platform_free(p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_rate_range_cells),
	    cmocka_unit_test(test_rates_checked_from_first),
	    cmocka_unit_test(test_range_clock_counts_no_entries),
	    cmocka_unit_test(test_constant_unit_exponent_bounds),
	    cmocka_unit_test(test_system_state_unsupported),
	    cmocka_unit_test(test_too_many_clocks),
	    cmocka_unit_test(test_shmem_bus_default_cells),
	    cmocka_unit_test(test_perf_link_to_root),
	    cmocka_unit_test(test_powercap_step_required),
	    cmocka_unit_test(test_ambient_bounds),
	    cmocka_unit_test(test_update_intervals_checked),
	    cmocka_unit_test(test_axes_only_thermal),
	    cmocka_unit_test(test_duplicate_sensor_id),
	    cmocka_unit_test(test_sensor_on_missing_rail),
	    cmocka_unit_test(test_axis_ext_name_of_one),
	    cmocka_unit_test(test_system_request),
	    cmocka_unit_test(test_power_refusals),
	    cmocka_unit_test(test_voltage_refusals),
	    cmocka_unit_test(test_powercap_refusals),
	    cmocka_unit_test(test_sensor_refusals),
	    cmocka_unit_test(test_sensor_small_edges),
	    cmocka_unit_test(test_clock_refusals),
	    cmocka_unit_test(test_system_absent),
	    cmocka_unit_test(test_powercap_disabled_reads_0),
	    cmocka_unit_test(test_pinctrl_reset_frees_pins),
	    cmocka_unit_test(test_pll_initial_rate),
	    cmocka_unit_test(test_pinctrl_pin_ids),
	    cmocka_unit_test(test_device_resources_limit),
	    cmocka_unit_test(test_powercap_reset_drops_thresholds),
	    cmocka_unit_test(test_clock_load_edges),
	    cmocka_unit_test(test_shmem_reg_length),
	    cmocka_unit_test(test_perf_sustained_default),
	    cmocka_unit_test(test_sensor_interval_rounding),
	    cmocka_unit_test(test_load_file_without_error_room),
	    cmocka_unit_test(test_log_line_cut),
	    cmocka_unit_test(test_more_loader_edges),
	    cmocka_unit_test(test_boot_states),
	    cmocka_unit_test(test_load_without_error_room),
	    cmocka_unit_test(test_one_cell_properties),
	    cmocka_unit_test(test_bare_pinctrl),
	    cmocka_unit_test(test_powercap_measurement_notified),
	    cmocka_unit_test(test_clock_change_notifies_only_moved),
	    cmocka_unit_test(test_names_with_space),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
