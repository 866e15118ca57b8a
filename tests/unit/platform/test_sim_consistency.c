// SPDX-License-Identifier: BSD-3-Clause
/*
 * The simulated platform never contradicts itself (issue 16 item 5), seen
 * through the server over the default platform with a recording P2A sink:
 * level-indexing domains notify OPP indices, a perf-owned clock or rail
 * refuses direct changes, and resets restore what they must.
 *
 * Channels: 0 (linux, no P2A), 1 (linux, P2A), 2 (vm1, P2A).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "platform/sim/sim_events.h"
#include "platform/sim/sim_platform.h"
#include "platform/sim/sim_reset.h"
#include "scmi/proto/endian.h"
#include "scmi/proto/header.h"
#include "scmi/proto/status.h"
#include "scmi/server/server.h"
#include "dtb_expect.h"
#include "dtb_util.h"

#define MAX_SENT 32

/* Resources of the default platform (platforms/default-*.dtsi). */
#define PERF_CPU_BIG 1u
#define PERF_GPU     2u
#define CLK_PLL_BIG  2u
#define CLK_CPU_BIG  6u
#define VDD_CPU_BIG  1u
#define VDD_IO	     4u
#define CLK_GPU	     7u
#define CLK_UART0    12u
#define CLK_MMC0     16u
#define SENSOR_BOARD 8u /* board_temp: three axes */

struct sent {
	uint32_t channel;
	size_t len;
	uint8_t buf[4 + SCMI_SERVER_MAX_PAYLOAD];
};

struct fx {
	struct sim_platform *p;
	struct scmi_server srv;
	size_t n;
	struct sent sent[MAX_SENT];
};

static bool has_p2a(void *ctx, uint32_t ch)
{
	(void)ctx;
	return ch == 1 || ch == 2;
}

static size_t agent_channels(void *ctx, uint32_t agent, uint32_t *ids, size_t max)
{
	(void)ctx;
	if (max < 1 || agent < 1 || agent > 2)
		return 0;
	ids[0] = agent;
	return 1;
}

static int send_p2a(void *ctx, uint32_t ch, const void *msg, size_t len)
{
	struct fx *f = ctx;

	if (f->n < MAX_SENT && len <= sizeof(f->sent[0].buf)) {
		f->sent[f->n].channel = ch;
		f->sent[f->n].len = len;
		memcpy(f->sent[f->n].buf, msg, len);
		f->n++;
	}
	return 0;
}

static const struct scmi_server_p2a_ops sink = {
    .send = send_p2a, .has_p2a = has_p2a, .agent_channels = agent_channels};

static void hook(void *ctx, uint32_t agent, uint8_t proto, uint8_t msg_id, const void *payload,
		 size_t len)
{
	struct fx *f = ctx;

	scmi_server_notify(&f->srv, agent, proto, msg_id, payload, len);
}

static int setup(void **state)
{
	static struct fx f;
	char err[256];

	memset(&f, 0, sizeof(f));
	if (sim_platform_load_file(SCMI_DEFAULT_PLATFORM_DTB, &f.p, err, sizeof(err)))
		return -1;
	sim_platform_set_virtual_time(f.p, true);
	scmi_server_init(&f.srv, sim_platform_ops(), f.p);
	scmi_server_set_p2a(&f.srv, &sink, &f);
	if (sim_events_set_hook(f.p, hook, &f))
		return -1;
	*state = &f;
	return 0;
}

static int teardown(void **state)
{
	struct fx *f = *state;

	sim_events_set_hook(f->p, NULL, NULL);
	sim_platform_free(f->p);
	return 0;
}

/* Run command @msg of @proto on @ch with @nargs words; status back, values in @out. */
static int32_t call(struct fx *f, uint32_t ch, uint8_t proto, uint8_t msg, const uint32_t *args,
		    size_t nargs, uint8_t *out)
{
	uint8_t in[64] = {0}, rsp[SCMI_SERVER_MAX_PAYLOAD];
	size_t n, i;

	for (i = 0; i < nargs; i++)
		scmi_put_le32(in + 4 * i, args[i]);
	n = scmi_server_process_raw(&f->srv, ch, scmi_hdr_make(proto, msg, 0, 1), in, 4 * nargs,
				    rsp, sizeof(rsp));
	assert_true(n >= 4);
	if (out)
		memcpy(out, rsp, n);
	return (int32_t)scmi_get_le32(rsp);
}

#define CALL(f, ch, proto, msg, ...)                                                               \
	({                                                                                         \
		const uint32_t _a[] = {__VA_ARGS__};                                               \
		call(f, ch, proto, msg, _a, sizeof(_a) / 4, NULL);                                 \
	})

/* Value word @i (after the status) of command @msg of @proto with one argument @arg. */
static uint32_t get_word(struct fx *f, uint32_t ch, uint8_t proto, uint8_t msg, uint32_t arg,
			 size_t i)
{
	uint8_t out[SCMI_SERVER_MAX_PAYLOAD];

	assert_int_equal(call(f, ch, proto, msg, &arg, 1, out), 0);
	return scmi_get_le32(out + 4 + 4 * i);
}

/* The last notification sent: its channel, header and payload words. */
static const struct sent *last_notif(struct fx *f, uint8_t proto, uint8_t msg, size_t words)
{
	const struct sent *s;

	assert_true(f->n > 0);
	s = &f->sent[f->n - 1];
	assert_int_equal(scmi_get_le32(s->buf),
			 scmi_hdr_make(proto, msg, SCMI_MSG_TYPE_NOTIFICATION, 0));
	assert_int_equal(s->len, 4 + 4 * words);
	return s;
}

static uint32_t word(const struct sent *s, size_t i)
{
	return scmi_get_le32(s->buf + 4 + 4 * i);
}

/*
 * gpu is in level-indexing mode and the platform runs perf 4.0: LEVEL_GET/LIMITS_GET speak
 * OPP indices, and so must the notifications (Linux translates them through its index
 * table in that mode).
 */
static void test_level_indexing_notifications(void **state)
{
	struct fx *f = *state;
	const struct sent *s;

	assert_int_equal(CALL(f, 1, 0x13, 0xa, PERF_GPU, 1), 0);
	assert_int_equal(CALL(f, 1, 0x13, 0x9, PERF_GPU, 1), 0);
	f->n = 0;

	/* Index 4 is 600 MHz. */
	assert_int_equal(CALL(f, 0, 0x13, 0x7, PERF_GPU, 4), 0);
	assert_int_equal(get_word(f, 0, 0x13, 0x8, PERF_GPU, 0), 4);
	s = last_notif(f, 0x13, 0x1, 3);
	assert_int_equal(s->channel, 1);
	assert_int_equal(word(s, 0), 1);
	assert_int_equal(word(s, 1), PERF_GPU);
	assert_int_equal(word(s, 2), 4);

	/* Limits to indices 1..3 (300..500 MHz): the level follows to index 3. */
	assert_int_equal(CALL(f, 0, 0x13, 0x5, PERF_GPU, 3, 1), 0);
	assert_int_equal(get_word(f, 0, 0x13, 0x6, PERF_GPU, 0), 3);
	assert_int_equal(get_word(f, 0, 0x13, 0x6, PERF_GPU, 1), 1);
	assert_int_equal(f->n, 3);
	s = &f->sent[1];
	assert_int_equal(scmi_get_le32(s->buf),
			 scmi_hdr_make(0x13, 0x1, SCMI_MSG_TYPE_NOTIFICATION, 0));
	assert_int_equal(word(s, 2), 3);
	s = last_notif(f, 0x13, 0x0, 4);
	assert_int_equal(word(s, 1), PERF_GPU);
	assert_int_equal(word(s, 2), 3);
	assert_int_equal(word(s, 3), 1);

	/* A domain without level indexing keeps speaking levels. */
	assert_int_equal(CALL(f, 1, 0x13, 0xa, PERF_CPU_BIG, 1), 0);
	assert_int_equal(CALL(f, 0, 0x13, 0x7, PERF_CPU_BIG, 816), 0);
	s = last_notif(f, 0x13, 0x1, 3);
	assert_int_equal(word(s, 2), 816);
}

/* CLOCK_RATE_SET, synchronous, of clock @id to @hz by @ch. */
static int32_t rate_set(struct fx *f, uint32_t ch, uint32_t id, uint64_t hz)
{
	const uint32_t a[] = {0, id, (uint32_t)hz, (uint32_t)(hz >> 32)};

	return call(f, ch, 0x14, 0x5, a, 4, NULL);
}

static uint64_t rate_get(struct fx *f, uint32_t id)
{
	return get_word(f, 0, 0x14, 0x6, id, 0) | (uint64_t)get_word(f, 0, 0x14, 0x6, id, 1) << 32;
}

static uint32_t level_get(struct fx *f, uint32_t domain)
{
	return get_word(f, 0, 0x13, 0x8, domain, 0);
}

static uint32_t volt_get(struct fx *f, uint32_t domain)
{
	return get_word(f, 0, 0x17, 0x8, domain, 0);
}

/* cpu_big's power sensor (default-sensor.dtsi), mW. */
static uint32_t big_power(struct fx *f)
{
	const uint32_t a[] = {7, 0};
	uint8_t out[SCMI_SERVER_MAX_PAYLOAD];

	/* A reading is the latest sample: let the next one be taken. */
	assert_int_equal(sim_platform_advance_time(f->p, 200000), 0);
	assert_int_equal(call(f, 0, 0x15, 0x6, a, 2, out), 0);
	return scmi_get_le32(out + 4);
}

/*
 * The contradiction: after perf set cpu_big 408, a direct 2016 MHz on its clock left
 * the rail at 650 mV while perf said 408 MHz. The direct rate moves the OPP with it, voltage
 * first; perf, the rail and the power sensor all follow.
 */
static void test_perf_clock_follows(void **state)
{
	struct fx *f = *state;

	assert_int_equal(CALL(f, 0, 0x13, 0x7, PERF_CPU_BIG, 408), 0);
	assert_int_equal(rate_get(f, CLK_CPU_BIG), 408000000u);
	assert_int_equal(volt_get(f, VDD_CPU_BIG), 650000);
	assert_int_equal(big_power(f), 80);

	assert_int_equal(rate_set(f, 0, CLK_CPU_BIG, 2016000000u), 0);
	assert_int_equal(rate_get(f, CLK_CPU_BIG), 2016000000u);
	assert_int_equal(level_get(f, PERF_CPU_BIG), 2016);
	assert_int_equal(volt_get(f, VDD_CPU_BIG), 1180000);
	assert_int_equal(big_power(f), 1180);

	/* Between two OPPs: the clock keeps its rate, on the voltage of the OPP above it. */
	assert_int_equal(rate_set(f, 0, CLK_CPU_BIG, 1248000000u), 0);
	assert_int_equal(rate_get(f, CLK_CPU_BIG), 1248000000u);
	assert_int_equal(level_get(f, PERF_CPU_BIG), 1296);
	assert_int_equal(volt_get(f, VDD_CPU_BIG), 930000);

	/* Through the PLL the clock derives from. */
	assert_int_equal(rate_set(f, 0, CLK_PLL_BIG, 600000000u), 0);
	assert_int_equal(rate_get(f, CLK_CPU_BIG), 600000000u);
	assert_int_equal(level_get(f, PERF_CPU_BIG), 600);
	assert_int_equal(volt_get(f, VDD_CPU_BIG), 700000);

	/* Within the limits: above them the clock comes down to the highest OPP allowed. */
	assert_int_equal(CALL(f, 0, 0x13, 0x5, PERF_CPU_BIG, 1008, 408), 0);
	assert_int_equal(rate_set(f, 0, CLK_CPU_BIG, 2016000000u), 0);
	assert_int_equal(rate_get(f, CLK_CPU_BIG), 1008000000u);
	assert_int_equal(level_get(f, PERF_CPU_BIG), 1008);
	assert_int_equal(volt_get(f, VDD_CPU_BIG), 820000);

	/* A perf level moves the clock the other way. */
	assert_int_equal(CALL(f, 0, 0x13, 0x7, PERF_CPU_BIG, 816), 0);
	assert_int_equal(rate_get(f, CLK_CPU_BIG), 816000000u);
	assert_int_equal(volt_get(f, VDD_CPU_BIG), 750000);
}

/*
 * A rate change notifies the clocks it moved and no other: uart0's subscriber hears nothing
 * when mmc0 changes, and mmc0's hears its new rate once.
 */
static void test_rate_change_notifies_moved_only(void **state)
{
	struct fx *f = *state;
	uint64_t was = rate_get(f, CLK_MMC0), now;
	const struct sent *s;

	assert_int_equal(CALL(f, 1, 0x14, 0x9, CLK_UART0, 1), 0);
	assert_int_equal(CALL(f, 1, 0x14, 0x9, CLK_MMC0, 1), 0);
	f->n = 0;
	/* Rounded down to the next rate of mmc0's list below the one it runs at. */
	assert_int_equal(rate_set(f, 1, CLK_MMC0, was - 1), 0);
	now = rate_get(f, CLK_MMC0);
	assert_true(now < was);
	assert_int_equal(f->n, 1);
	s = last_notif(f, 0x14, 0x0, 4);
	assert_int_equal(s->channel, 1);
	assert_int_equal(word(s, 1), CLK_MMC0);
	assert_int_equal(word(s, 2) | (uint64_t)word(s, 3) << 32, now);
}

/*
 * BASE_RESET_AGENT_CONFIGURATION drops what the agent asked: its direct rate on a perf
 * clock was its perf request, so the domain returns to what the others ask (here its boot
 * level), clock, rail and level together.
 */
static void test_agent_reset_drops_clock_request(void **state)
{
	struct fx *f = *state;

	assert_int_equal(rate_set(f, 0, CLK_CPU_BIG, 2016000000u), 0);
	assert_int_equal(level_get(f, PERF_CPU_BIG), 2016);
	assert_int_equal(CALL(f, 0, 0x10, 0xb, 1, 0), 0);
	assert_int_equal(level_get(f, PERF_CPU_BIG), 1200);
	assert_int_equal(rate_get(f, CLK_CPU_BIG), 1200000000u);
	assert_int_equal(volt_get(f, VDD_CPU_BIG), 900000);
}

/* One getter's answer, whole: status and values. */
struct reading {
	uint8_t proto;
	uint8_t msg;
	uint32_t args[2];
	size_t nargs;
};

/* What a reset must restore, as agents read it: every getter of every resource. */
#define SNAP_MAX 256

static size_t add(struct reading *r, size_t n, uint8_t proto, uint8_t msg, uint32_t a0, uint32_t a1,
		  size_t nargs)
{
	assert_true(n < SNAP_MAX);
	r[n].proto = proto;
	r[n].msg = msg;
	r[n].args[0] = a0;
	r[n].args[1] = a1;
	r[n].nargs = nargs;
	return n + 1;
}

static size_t readings(struct reading *r)
{
	size_t n = 0;
	uint32_t i;

	for (i = 0; i < 3; i++) {
		n = add(r, n, 0x13, 0x6, i, 0, 1); /* PERF_LIMITS_GET */
		n = add(r, n, 0x13, 0x8, i, 0, 1); /* PERF_LEVEL_GET */
	}
	for (i = 0; i < 24; i++) {
		n = add(r, n, 0x14, 0x6, i, 0, 1); /* CLOCK_RATE_GET */
		n = add(r, n, 0x14, 0xb, i, 0, 2); /* CLOCK_CONFIG_GET */
		n = add(r, n, 0x14, 0xe, i, 0, 1); /* CLOCK_PARENT_GET */
	}
	for (i = 0; i < 8; i++) {
		n = add(r, n, 0x17, 0x6, i, 0, 1); /* VOLTAGE_CONFIG_GET */
		n = add(r, n, 0x17, 0x8, i, 0, 1); /* VOLTAGE_LEVEL_GET */
	}
	for (i = 0; i < 10; i++)
		n = add(r, n, 0x11, 0x5, i, 0, 1); /* POWER_STATE_GET */
	for (i = 0; i < 4; i++)
		n = add(r, n, 0x18, 0x4, i, 0, 1); /* POWERCAP_CAP_GET */
	return n;
}

static void snapshot(struct fx *f, uint8_t (*out)[32])
{
	struct reading r[SNAP_MAX];
	size_t n = readings(r), i;

	for (i = 0; i < n; i++) {
		memset(out[i], 0, 32);
		(void)call(f, 0, r[i].proto, r[i].msg, r[i].args, r[i].nargs, out[i]);
	}
}

static void expect_snapshot(struct fx *f, uint8_t (*want)[32])
{
	static uint8_t now[SNAP_MAX][32];
	struct reading r[SNAP_MAX];
	size_t n = readings(r), i;

	snapshot(f, now);
	for (i = 0; i < n; i++) {
		if (memcmp(now[i], want[i], 32) != 0)
			fail_msg("protocol 0x%x message 0x%x on %u differs after the reset",
				 r[i].proto, r[i].msg, r[i].args[0]);
	}
}

/* Change a bit of everything an agent can change. */
static void disturb(struct fx *f)
{
	struct sim_reset_state rs;

	assert_int_equal(CALL(f, 0, 0x13, 0x7, PERF_CPU_BIG, 408), 0);
	assert_int_equal(CALL(f, 0, 0x13, 0x5, PERF_GPU, 3, 1), 0);
	assert_int_equal(rate_set(f, 0, CLK_GPU, 300000000u), 0);
	assert_int_equal(CALL(f, 0, 0x14, 0x7, CLK_GPU, 1, 0), 0);	/* CLOCK_CONFIG_SET on */
	assert_int_equal(CALL(f, 0, 0x17, 0x7, VDD_IO, 0, 2500000), 0); /* VOLTAGE_LEVEL_SET */
	assert_int_equal(CALL(f, 0, 0x11, 0x4, 0, 4, 0), 0);		/* video on */
	assert_int_equal(CALL(f, 0, 0x18, 0x5, 0, 0, 2000), 0);		/* POWERCAP_CAP_SET */
	assert_int_equal(CALL(f, 0, 0x16, 0x4, 0, 2, 0), 0);		/* RESET assert */
	assert_int_equal(sim_reset_get_state(f->p, 0, &rs), 0);
	assert_true(rs.asserted);
}

static void test_system_reset_restores(void **state)
{
	static uint8_t boot[SNAP_MAX][32];
	static const uint32_t kinds[] = {1, 2}; /* cold, warm */
	struct fx *f = *state;
	struct sim_reset_state rs;
	size_t k;

	snapshot(f, boot);
	for (k = 0; k < 2; k++) {
		disturb(f);
		assert_int_equal(CALL(f, 1, 0x13, 0xa, PERF_GPU, 1), 0);
		/* SYSTEM_POWER_STATE_SET, forceful. */
		assert_int_equal(CALL(f, 0, 0x12, 0x3, 0, kinds[k]), 0);
		expect_snapshot(f, boot);
		assert_int_equal(sim_reset_get_state(f->p, 0, &rs), 0);
		assert_false(rs.asserted);
		/* The agents restart: no subscription survives. */
		f->n = 0;
		assert_int_equal(CALL(f, 0, 0x13, 0x7, PERF_GPU, 1), 0);
		assert_int_equal(f->n, 0);
	}
}

/*
 * SENSOR_UPDATE of a sensor with axes carries one reading per axis, each what
 * SENSOR_READING_GET gives for that axis (board_temp, given continuous updates here).
 */
static void test_sensor_update_every_axis(void **state)
{
	struct fx *f = *state;
	void *fdt = dtb_editable();
	const uint32_t rd[2] = {SENSOR_BOARD, 0};
	uint8_t out[SCMI_SERVER_MAX_PAYLOAD];
	const struct sent *s;
	size_t i;

	dtb_set_raw(fdt, "/scmi-platform/protocols/protocol@15/sensor@8", "continuous-update", "",
		    0);
	sim_events_set_hook(f->p, NULL, NULL);
	sim_platform_free(f->p);
	f->p = dtb_load_free(fdt);
	sim_platform_set_virtual_time(f->p, true);
	scmi_server_init(&f->srv, sim_platform_ops(), f->p);
	scmi_server_set_p2a(&f->srv, &sink, f);
	assert_int_equal(sim_events_set_hook(f->p, hook, f), 0);
	assert_int_equal(CALL(f, 1, 0x15, 0xb, SENSOR_BOARD, 1), 0);
	assert_int_equal(sim_platform_advance_time(f->p, 1000000), 0);
	assert_int_equal(call(f, 1, 0x15, 0x6, rd, 2, out), 0);
	/* agent_id, sensor_id, then {value, timestamp} of each of the three axes. */
	s = last_notif(f, 0x15, 0x1, 2 + 3 * 4);
	assert_int_equal(s->channel, 1);
	assert_int_equal(word(s, 1), SENSOR_BOARD);
	for (i = 0; i < (size_t)3 * 4; i++)
		assert_int_equal(word(s, 2 + i), scmi_get_le32(out + 4 + 4 * i));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(test_level_indexing_notifications, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_perf_clock_follows, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_rate_change_notifies_moved_only, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_agent_reset_drops_clock_request, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_system_reset_restores, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_sensor_update_every_axis, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
