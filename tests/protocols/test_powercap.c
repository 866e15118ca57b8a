// SPDX-License-Identifier: BSD-3-Clause
/*
 * Powercap protocol (0x18) through libscmi against the default platform, in
 * every transport mode: zones and their attributes, caps (range, step, disable),
 * averaging intervals, measurements in platform time, caps that bind the perf
 * domains, notification subscriptions per agent, and a 1.0 platform.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "fixture.h"
#include "platform/sim/sim_platform_priv.h"
#include "platform/sim/sim_platform.h"
#include "platform/sim/sim_powercap.h"
#include "scmi/perf.h"
#include "scmi/powercap.h"
#include "scmi/proto/endian.h"
#include "secure/secure_world.h"

#define ZONE_SOC  0u
#define ZONE_CPU  1u
#define ZONE_GPU  2u
#define NUM_ZONES 3u

static void init(struct proto_fixture *f, struct scmi_powercap *pc)
{
	assert_int_equal(scmi_powercap_init(pc, f->agent), 0);
}

/* A raw request; returns scmi_xfer()'s result, status in *st. */
static int raw(struct proto_fixture *f, uint8_t msg, const uint32_t *w, size_t n, int32_t *st)
{
	uint8_t rx[64];

	*st = 0;
	return proto_raw(f->agent, SCMI_PROTOCOL_POWERCAP, msg, w, n, rx, sizeof(rx), NULL, st);
}

static void test_version_and_zones(void **state)
{
	struct proto_fixture *f = *state;
	struct scmi_powercap pc;
	struct scmi_powercap_zone_info z;

	init(f, &pc);
	assert_int_equal(pc.version, 0x20000);
	assert_int_equal(pc.num_zones, NUM_ZONES);

	assert_int_equal(scmi_powercap_zone_info(&pc, ZONE_SOC, &z), 0);
	assert_string_equal(z.name, "soc");
	assert_false(z.ext_name);
	assert_int_equal(z.unit, SCMI_POWERCAP_UNIT_MW);
	assert_true(z.cap_config && z.pai_config && z.monitoring);
	assert_true(z.cap_notify && z.meas_notify);
	/* No delayed responses and no fast channels over OP-TEE. */
	assert_false(z.async);
	assert_false(z.fastchannel);
	assert_int_equal(z.min_cap, 1000);
	assert_int_equal(z.max_cap, 4000);
	assert_int_equal(z.cap_step, 50);
	assert_int_equal(z.min_pai_us, 1000);
	assert_int_equal(z.max_pai_us, 1000000);
	assert_int_equal(z.pai_step_us, 1000);
	assert_int_equal(z.sustainable, 2500);
	assert_int_equal(z.accuracy, 5000);
	assert_int_equal(z.parent_id, SCMI_POWERCAP_ROOT);

	assert_int_equal(scmi_powercap_zone_info(&pc, ZONE_CPU, &z), 0);
	assert_true(z.ext_name);
	assert_string_equal(z.name, "cpu_little_and_big_clusters");
	assert_int_equal(z.parent_id, ZONE_SOC);
	assert_false(z.cap_notify);

	assert_int_equal(scmi_powercap_zone_info(&pc, ZONE_GPU, &z), 0);
	assert_string_equal(z.name, "gpu");
	assert_int_equal(z.unit, SCMI_POWERCAP_UNIT_UW);
	assert_false(z.pai_config);
	assert_false(z.monitoring);
	assert_int_equal(z.min_pai_us, z.max_pai_us);
	assert_int_equal(z.min_cap, 200000);
}

static void test_name_get(void **state)
{
	struct proto_fixture *f = *state;
	struct scmi_powercap pc;
	char name[SCMI_EXT_NAME_SIZE + 1];

	init(f, &pc);
	assert_int_equal(scmi_powercap_zone_name(&pc, ZONE_CPU, name), 0);
	assert_string_equal(name, "cpu_little_and_big_clusters");
	assert_int_equal(scmi_powercap_zone_name(&pc, ZONE_SOC, name), 0);
	assert_string_equal(name, "soc");
}

static void test_unknown_zone(void **state)
{
	struct proto_fixture *f = *state;
	struct scmi_powercap pc;
	struct scmi_powercap_zone_info z;
	char name[SCMI_EXT_NAME_SIZE + 1];
	uint32_t v;
	uint8_t fc[32];
	size_t len;

	init(f, &pc);
	assert_int_equal(scmi_powercap_zone_info(&pc, NUM_ZONES, &z), -ENOENT);
	assert_int_equal(scmi_powercap_zone_name(&pc, NUM_ZONES, name), -ENOENT);
	assert_int_equal(scmi_powercap_cap_get(&pc, NUM_ZONES, &v), -ENOENT);
	assert_int_equal(scmi_powercap_cap_set(&pc, NUM_ZONES, 2000), -ENOENT);
	assert_int_equal(scmi_powercap_pai_get(&pc, 0xffffffffu, &v), -ENOENT);
	assert_int_equal(scmi_powercap_pai_set(&pc, NUM_ZONES, 2000), -ENOENT);
	assert_int_equal(scmi_powercap_measure(&pc, NUM_ZONES, &v, NULL), -ENOENT);
	assert_int_equal(scmi_powercap_cap_notify(&pc, NUM_ZONES, true), -ENOENT);
	assert_int_equal(scmi_powercap_measurements_notify(&pc, NUM_ZONES, true, 1, 2), -ENOENT);
	assert_int_equal(
	    scmi_powercap_describe_fastchannel(&pc, NUM_ZONES, 4, fc, sizeof(fc), &len), -ENOENT);
}

static void test_cap_set_get(void **state)
{
	struct proto_fixture *f = *state;
	struct scmi_powercap pc;
	uint32_t cap;

	init(f, &pc);
	assert_int_equal(scmi_powercap_cap_get(&pc, ZONE_SOC, &cap), 0);
	assert_int_equal(cap, 4000);
	assert_int_equal(scmi_powercap_cap_set(&pc, ZONE_SOC, 2050), 0);
	assert_int_equal(scmi_powercap_cap_get(&pc, ZONE_SOC, &cap), 0);
	assert_int_equal(cap, 2050);
	/* uW zone. */
	assert_int_equal(scmi_powercap_cap_set(&pc, ZONE_GPU, 350000), 0);
	assert_int_equal(scmi_powercap_cap_get(&pc, ZONE_GPU, &cap), 0);
	assert_int_equal(cap, 350000);
}

static void test_cap_out_of_range_and_off_step(void **state)
{
	struct proto_fixture *f = *state;
	struct scmi_powercap pc;
	uint32_t cap;
	int32_t st;

	init(f, &pc);
	assert_int_equal(scmi_powercap_cap_set(&pc, ZONE_SOC, 950), -ERANGE);
	assert_int_equal(scmi_powercap_cap_set(&pc, ZONE_SOC, 4050), -ERANGE);
	assert_int_equal(scmi_powercap_cap_set(&pc, ZONE_SOC, 0xffffffffu), -ERANGE);
	/* Inside the range but between steps of 50 mW. */
	assert_int_equal(scmi_powercap_cap_set(&pc, ZONE_SOC, 2025), -EINVAL);
	assert_int_equal(scmi_powercap_cap_get(&pc, ZONE_SOC, &cap), 0);
	assert_int_equal(cap, 4000);
	/* Reserved flag bits. */
	assert_int_equal(
	    raw(f, SCMI_MSG_POWERCAP_CAP_SET, (const uint32_t[]){ZONE_SOC, 4, 2000}, 3, &st),
	    -EINVAL);
	assert_int_equal(st, SCMI_INVALID_PARAMETERS);
	/* A request of the wrong size never reaches the handler. */
	assert_int_equal(raw(f, SCMI_MSG_POWERCAP_CAP_SET, (const uint32_t[]){ZONE_SOC, 0}, 2, &st),
			 -EPROTO);
}

static void test_cap_async_flag_completes_synchronously(void **state)
{
	struct proto_fixture *f = *state;
	struct scmi_powercap pc;
	uint32_t cap;
	int32_t st;

	init(f, &pc);
	/* bit1 async, bit0 ignore delayed response: done by the time the reply comes. */
	assert_int_equal(
	    raw(f, SCMI_MSG_POWERCAP_CAP_SET, (const uint32_t[]){ZONE_SOC, 2, 3000}, 3, &st), 0);
	assert_int_equal(scmi_powercap_cap_get(&pc, ZONE_SOC, &cap), 0);
	assert_int_equal(cap, 3000);
	assert_int_equal(
	    raw(f, SCMI_MSG_POWERCAP_CAP_SET, (const uint32_t[]){ZONE_SOC, 3, 2500}, 3, &st), 0);
	assert_int_equal(scmi_powercap_cap_get(&pc, ZONE_SOC, &cap), 0);
	assert_int_equal(cap, 2500);
}

static void test_cap_disable_v2(void **state)
{
	struct proto_fixture *f = *state;
	struct scmi_powercap pc;
	uint32_t cap;

	init(f, &pc);
	assert_int_equal(scmi_powercap_cap_set(&pc, ZONE_SOC, 1500), 0);
	assert_int_equal(scmi_powercap_cap_enable(&pc, ZONE_SOC, false, 0), 0);
	assert_int_equal(scmi_powercap_cap_get(&pc, ZONE_SOC, &cap), 0);
	assert_int_equal(cap, 0);
	assert_int_equal(scmi_powercap_cap_enable(&pc, ZONE_SOC, true, 1800), 0);
	assert_int_equal(scmi_powercap_cap_get(&pc, ZONE_SOC, &cap), 0);
	assert_int_equal(cap, 1800);
}

static void test_pai(void **state)
{
	struct proto_fixture *f = *state;
	struct scmi_powercap pc;
	uint32_t pai;
	int32_t st;

	init(f, &pc);
	assert_int_equal(scmi_powercap_pai_get(&pc, ZONE_SOC, &pai), 0);
	assert_int_equal(pai, 100000);
	assert_int_equal(scmi_powercap_pai_set(&pc, ZONE_SOC, 50000), 0);
	assert_int_equal(scmi_powercap_pai_get(&pc, ZONE_SOC, &pai), 0);
	assert_int_equal(pai, 50000);
	assert_int_equal(scmi_powercap_pai_set(&pc, ZONE_SOC, 500), -ERANGE);
	assert_int_equal(scmi_powercap_pai_set(&pc, ZONE_SOC, 0), -ERANGE);
	assert_int_equal(scmi_powercap_pai_set(&pc, ZONE_SOC, 1001000), -ERANGE);
	assert_int_equal(scmi_powercap_pai_set(&pc, ZONE_SOC, 1500), -EINVAL);
	/* The gpu zone's interval is fixed. */
	assert_int_equal(scmi_powercap_pai_set(&pc, ZONE_GPU, 100000), -EOPNOTSUPP);
	assert_int_equal(scmi_powercap_pai_get(&pc, ZONE_GPU, &pai), 0);
	assert_int_equal(pai, 100000);
	/* PAI_SET flags are reserved. */
	assert_int_equal(
	    raw(f, SCMI_MSG_POWERCAP_PAI_SET, (const uint32_t[]){ZONE_SOC, 1, 2000}, 3, &st),
	    -EINVAL);
	assert_int_equal(scmi_powercap_pai_get(&pc, ZONE_SOC, &pai), 0);
	assert_int_equal(pai, 50000);
}

/* Power of perf domain @d at its current level, from the perf protocol, mW. */
static uint32_t perf_power(struct proto_fixture *f, uint32_t d)
{
	struct scmi_perf_domain_info info;
	struct scmi_perf_level levels[32];
	size_t n, i;
	uint32_t cur;

	assert_int_equal(scmi_perf_domain_attributes(f->agent, d, &info), 0);
	assert_int_equal(scmi_perf_describe_levels(f->agent, d, levels, 32, &n), 0);
	assert_int_equal(scmi_perf_level_get(f->agent, d, &cur), 0);
	for (i = 0; i < n; i++) {
		if ((info.level_indexing ? levels[i].index : levels[i].perf) == cur)
			return levels[i].power;
	}
	fail_msg("perf domain %u runs at level %u, not in its table", d, cur);
	return 0;
}

static uint32_t perf_total(struct proto_fixture *f)
{
	return perf_power(f, 0) + perf_power(f, 1) + perf_power(f, 2);
}

static void test_cap_binds_perf(void **state)
{
	struct proto_fixture *f = *state;
	struct scmi_powercap pc;
	uint32_t before, after, gpu_before, level;

	init(f, &pc);
	assert_int_equal(scmi_perf_init(f->agent, NULL), 0);
	/* Ask for the top of every domain: uncapped, that is more than 1 W. */
	assert_int_equal(scmi_perf_level_set(f->agent, 0, 1416), 0);
	assert_int_equal(scmi_perf_level_set(f->agent, 1, 2016), 0);
	before = perf_total(f);
	gpu_before = perf_power(f, 2);
	assert_true(before + 200 > 1000);

	assert_int_equal(scmi_powercap_cap_set(&pc, ZONE_SOC, 1000), 0);
	after = perf_total(f);
	/* The zone (static 200 mW + its domains) is within its cap, and the domains slowed. */
	assert_true(after + 200 <= 1000);
	assert_true(after < before);
	assert_int_equal(scmi_perf_level_get(f->agent, 1, &level), 0);
	assert_true(level < 2016);

	/* A child zone binds tighter than its parent: the CPU zone at 300 mW. */
	assert_int_equal(scmi_powercap_cap_set(&pc, ZONE_CPU, 300), 0);
	assert_true(perf_power(f, 0) + perf_power(f, 1) <= 300);

	/* Disabling every cap lets the requested levels back. */
	assert_int_equal(scmi_powercap_cap_set(&pc, ZONE_CPU, 0), 0);
	assert_int_equal(scmi_powercap_cap_set(&pc, ZONE_SOC, 0), 0);
	assert_int_equal(perf_total(f), before);
	assert_int_equal(perf_power(f, 2), gpu_before);
}

static void test_measurements_average_over_pai(void **state)
{
	struct proto_fixture *f = *state;
	struct scmi_powercap pc;
	uint32_t high, low, power, pai;

	init(f, &pc);
	assert_int_equal(scmi_perf_init(f->agent, NULL), 0);
	assert_int_equal(scmi_perf_level_set(f->agent, 1, 2016), 0);
	high = perf_total(f) + 200;
	/* A fresh 10 ms window starts now. */
	assert_int_equal(scmi_powercap_pai_set(&pc, ZONE_SOC, 10000), 0);
	assert_int_equal(sim_platform_advance_time(f->plat, 10000), 0);
	assert_int_equal(scmi_powercap_measure(&pc, ZONE_SOC, &power, &pai), 0);
	assert_int_equal(pai, 10000);
	assert_int_equal(power, high);

	assert_int_equal(scmi_powercap_cap_set(&pc, ZONE_SOC, 1000), 0);
	low = perf_total(f) + 200;
	assert_true(low <= 1000);
	/* Half-way through the next window: still the last complete window's average. */
	assert_int_equal(sim_platform_advance_time(f->plat, 5000), 0);
	assert_int_equal(scmi_powercap_measure(&pc, ZONE_SOC, &power, NULL), 0);
	assert_int_equal(power, high);
	/* Once it completes, the capped power. */
	assert_int_equal(sim_platform_advance_time(f->plat, 5000), 0);
	assert_int_equal(scmi_powercap_measure(&pc, ZONE_SOC, &power, NULL), 0);
	assert_int_equal(power, low);
	assert_true(power <= 1000);

	/* The gpu zone has no power monitoring. */
	assert_int_equal(scmi_powercap_measure(&pc, ZONE_GPU, &power, NULL), -EOPNOTSUPP);
}

static void test_measurement_mixes_within_a_window(void **state)
{
	struct proto_fixture *f = *state;
	struct scmi_powercap pc;
	uint32_t high, low, power;

	init(f, &pc);
	assert_int_equal(scmi_perf_init(f->agent, NULL), 0);
	assert_int_equal(scmi_perf_level_set(f->agent, 1, 2016), 0);
	high = perf_total(f) + 200;
	assert_int_equal(scmi_powercap_pai_set(&pc, ZONE_SOC, 10000), 0);
	assert_int_equal(sim_platform_advance_time(f->plat, 5000), 0);
	assert_int_equal(scmi_powercap_cap_set(&pc, ZONE_SOC, 1000), 0);
	low = perf_total(f) + 200;
	assert_int_equal(sim_platform_advance_time(f->plat, 5000), 0);
	/* Half the window at each power. */
	assert_int_equal(scmi_powercap_measure(&pc, ZONE_SOC, &power, NULL), 0);
	assert_int_equal(power, (high + low) / 2);
}

static void test_notify_recorded_per_agent(void **state)
{
	struct proto_fixture *f = *state;
	struct scmi_powercap pc, pc2;
	struct scmi_agent *vm1;
	uint32_t low, high;
	bool on;
	int32_t st;

	init(f, &pc);
	assert_int_equal(scmi_powercap_cap_notify(&pc, ZONE_SOC, true), 0);
	assert_int_equal(sim_powercap_subscription(f->plat, ZONE_SOC, 1, 0, &on, &low, &high), 0);
	assert_true(on);
	assert_int_equal(scmi_powercap_measurements_notify(&pc, ZONE_SOC, true, 500, 1500), 0);
	assert_int_equal(sim_powercap_subscription(f->plat, ZONE_SOC, 1, 1, &on, &low, &high), 0);
	assert_true(on);
	assert_int_equal(low, 500);
	assert_int_equal(high, 1500);

	/* vm1 has subscribed to nothing. */
	vm1 = proto_open_agent(f, proto_agent_vm1_dtb, SCMI_MODE_AUTO);
	assert_int_equal(scmi_powercap_init(&pc2, vm1), 0);
	assert_int_equal(sim_powercap_subscription(f->plat, ZONE_SOC, 2, 0, &on, &low, &high), 0);
	assert_false(on);
	assert_int_equal(scmi_powercap_cap_notify(&pc2, ZONE_SOC, true), 0);
	assert_int_equal(scmi_powercap_cap_notify(&pc, ZONE_SOC, false), 0);
	assert_int_equal(sim_powercap_subscription(f->plat, ZONE_SOC, 1, 0, &on, &low, &high), 0);
	assert_false(on);
	assert_int_equal(sim_powercap_subscription(f->plat, ZONE_SOC, 2, 0, &on, &low, &high), 0);
	assert_true(on);

	/* Bad parameters: a band upside down, reserved bits, zones without notifications. */
	assert_int_equal(scmi_powercap_measurements_notify(&pc, ZONE_SOC, true, 1500, 500),
			 -EINVAL);
	assert_int_equal(
	    raw(f, SCMI_MSG_POWERCAP_CAP_NOTIFY, (const uint32_t[]){ZONE_SOC, 2}, 2, &st), -EINVAL);
	assert_int_equal(scmi_powercap_cap_notify(&pc, ZONE_CPU, true), -EOPNOTSUPP);
	assert_int_equal(scmi_powercap_measurements_notify(&pc, ZONE_GPU, true, 1, 2), -EOPNOTSUPP);
	scmi_agent_close(vm1);
}

static void test_no_fastchannel(void **state)
{
	struct proto_fixture *f = *state;
	struct scmi_powercap pc;
	uint32_t attr;
	uint8_t fc[32];
	size_t len;

	init(f, &pc);
	assert_int_equal(scmi_protocol_message_attributes(f->agent, SCMI_PROTOCOL_POWERCAP,
							  SCMI_MSG_POWERCAP_DESCRIBE_FASTCHANNEL,
							  &attr),
			 0);
	assert_int_equal(scmi_powercap_describe_fastchannel(&pc, ZONE_SOC, 4, fc, sizeof(fc), &len),
			 -EOPNOTSUPP);
}

static void test_negotiated_1_0(void **state)
{
	struct proto_fixture *f = *state;
	struct scmi_powercap pc;
	uint32_t cap;
	int32_t st;

	init(f, &pc);
	assert_int_equal(scmi_powercap_cap_enable(&pc, ZONE_SOC, false, 0), 0);
	assert_int_equal(scmi_protocol_negotiate_version(f->agent, SCMI_PROTOCOL_POWERCAP, 0x10000),
			 0);
	init(f, &pc);
	assert_int_equal(pc.version, 0x10000);
	/* At 1.0 there is no "disabled": the agent sees no cap, i.e. the maximum. */
	assert_int_equal(scmi_powercap_cap_get(&pc, ZONE_SOC, &cap), 0);
	assert_int_equal(cap, 4000);
	assert_int_equal(scmi_powercap_cap_enable(&pc, ZONE_SOC, false, 0), -EOPNOTSUPP);
	assert_int_equal(scmi_powercap_cap_set(&pc, ZONE_SOC, 0), -EOPNOTSUPP);
	/* Sent anyway, 0 is below the minimum. */
	assert_int_equal(
	    raw(f, SCMI_MSG_POWERCAP_CAP_SET, (const uint32_t[]){ZONE_SOC, 0, 0}, 3, &st), -ERANGE);
	assert_int_equal(scmi_powercap_cap_set(&pc, ZONE_SOC, 2000), 0);
}

static void test_platform_1_0(void **state)
{
	struct proto_fixture *f = *state, old;
	struct scmi_powercap pc;
	uint32_t cap;
	int32_t st;

	proto_open_platform(&old, "powercap-v1.dtb", f->mode);
	assert_int_equal(scmi_powercap_init(&pc, old.agent), 0);
	assert_int_equal(pc.version, 0x10000);
	assert_int_equal(pc.num_zones, NUM_ZONES);
	assert_int_equal(
	    scmi_protocol_negotiate_version(old.agent, SCMI_PROTOCOL_POWERCAP, 0x20000),
	    -ENOENT);
	assert_int_equal(scmi_powercap_cap_set(&pc, ZONE_SOC, 0), -EOPNOTSUPP);
	assert_int_equal(
	    raw(&old, SCMI_MSG_POWERCAP_CAP_SET, (const uint32_t[]){ZONE_SOC, 0, 0}, 3, &st),
	    -ERANGE);
	assert_int_equal(scmi_powercap_cap_set(&pc, ZONE_SOC, 1500), 0);
	assert_int_equal(scmi_powercap_cap_get(&pc, ZONE_SOC, &cap), 0);
	assert_int_equal(cap, 1500);
	proto_fixture_close(&old);
}

/* Agents are linux (1) and vm1 (2) on the default platform. */
static void test_agents_views_and_reset(void **state)
{
	struct proto_fixture *f = *state;
	struct scmi_agent *vm1 = proto_open_agent(f, proto_agent_vm1_dtb, SCMI_MODE_AUTO);
	const struct scmi_server_powercap_ops *ops = &sim_powercap_ops;
	struct scmi_server_powercap_info a, b;
	struct scmi_powercap lx, vm;
	uint32_t i, c1, c2, low, high;
	bool on;

	assert_int_equal(scmi_powercap_init(&lx, f->agent), 0);
	assert_int_equal(scmi_powercap_init(&vm, vm1), 0);
	assert_int_equal(vm.num_zones, lx.num_zones);
	assert_int_equal(ops->count(f->plat, 2), ops->count(f->plat, 1));
	for (i = 0; i < ops->count(f->plat, 1); i++) {
		assert_int_equal(ops->info(f->plat, 1, i, &a), SCMI_SUCCESS);
		assert_int_equal(ops->info(f->plat, 2, i, &b), SCMI_SUCCESS);
		assert_string_equal(a.name, b.name);
		/* Parent zones are given in each agent's numbering: the same here. */
		assert_int_equal(a.parent_id, b.parent_id);
	}
	assert_int_equal(ops->cap_get(f->plat, 2, ops->count(f->plat, 2), &c2), SCMI_NOT_FOUND);
	assert_int_equal(ops->notify(f->plat, 2, 0, SCMI_EVT_POWERCAP_CAP_CHANGED, true, 0, 0),
			 SCMI_SUCCESS);
	assert_int_equal(ops->cap_get(f->plat, 1, 0, &c1), SCMI_SUCCESS);
	proto_lock(f);
	sim_powercap_reset_agent(f->plat, 2);
	proto_unlock(f);
	assert_int_equal(sim_powercap_subscription(f->plat, 0, 2, SCMI_EVT_POWERCAP_CAP_CHANGED,
						   &on, &low, &high),
			 0);
	assert_false(on);
	/* A cap protects the hardware: it outlives the agent's reset. */
	assert_int_equal(ops->cap_get(f->plat, 2, 0, &c2), SCMI_SUCCESS);
	assert_int_equal(c1, c2);
	scmi_agent_close(vm1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    PROTO_TEST(test_agents_views_and_reset),
	    PROTO_TEST(test_version_and_zones),
	    PROTO_TEST(test_name_get),
	    PROTO_TEST(test_unknown_zone),
	    PROTO_TEST(test_cap_set_get),
	    PROTO_TEST(test_cap_out_of_range_and_off_step),
	    PROTO_TEST(test_cap_async_flag_completes_synchronously),
	    PROTO_TEST(test_cap_disable_v2),
	    PROTO_TEST(test_pai),
	    PROTO_TEST(test_cap_binds_perf),
	    PROTO_TEST(test_measurements_average_over_pai),
	    PROTO_TEST(test_measurement_mixes_within_a_window),
	    PROTO_TEST(test_notify_recorded_per_agent),
	    PROTO_TEST(test_no_fastchannel),
	    PROTO_TEST(test_negotiated_1_0),
	    PROTO_TEST(test_platform_1_0),
	};

	return proto_run("powercap", tests, PROTO_ARRAY_SIZE(tests));
}
