// SPDX-License-Identifier: BSD-3-Clause
/*
 * Clock protocol (0x14) through libscmi against the simulated platform, in
 * every transport mode: every message, bad ids and values, pages, the clock
 * tree's behaviour (rates propagating to children, enable votes per agent,
 * parents running under their children) and the older protocol versions.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "fixture.h"
#include "platform/sim/sim_clock.h"
#include "platform/sim/sim_platform_priv.h"
#include "scmi/clock.h"
#include "scmi/proto/endian.h"
#include "secure/secure_world.h"

#define NUM_CLOCKS 20u
#define MHZ	   1000000ull

enum {
	OSC24M,
	PLL_CPU_LITTLE,
	PLL_CPU_BIG,
	PLL_GPU,
	PLL_PERIPH,
	CPU_LITTLE,
	CPU_BIG,
	GPU,
	DDR,
	AXI,
	AHB,
	APB,
	UART0,
	UART1,
	I2C0,
	SPI0,
	MMC0,
	USB,
	ETH,
	DISPLAY,
};

static const char *const names[NUM_CLOCKS] = {
    "osc24m",	   "pll_cpu_little",
    "pll_cpu_big", "pll_gpu",
    "pll_periph",  "cpu_little",
    "cpu_big",	   "gpu",
    "ddr",	   "axi",
    "ahb",	   "apb",
    "uart0",	   "uart1",
    "i2c0",	   "spi0",
    "mmc0",	   "usb",
    "eth",	   "display",
};

/* A raw request; returns scmi_xfer()'s result (an errno), the reply bytes in *rx_len. */
static int raw(struct scmi_agent *agent, uint8_t msg, const uint32_t *words, size_t n, void *rx,
	       size_t rx_max, size_t *rx_len)
{
	return proto_raw(agent, SCMI_PROTOCOL_CLOCK, msg, words, n, rx, rx_max, rx_len, NULL);
}

static void init(struct proto_fixture *f, struct scmi_clock *clk)
{
	assert_int_equal(scmi_clock_init(f->agent, clk), 0);
}

static uint64_t rate_of(struct scmi_clock *clk, uint32_t id)
{
	uint64_t hz = 0;

	assert_int_equal(scmi_clock_rate_get(clk, id, &hz), 0);
	return hz;
}

static bool on(struct scmi_clock *clk, uint32_t id)
{
	bool en = false;

	assert_int_equal(scmi_clock_state_get(clk, id, &en), 0);
	return en;
}

static void test_version_and_attributes(void **state)
{
	struct proto_fixture *f = *state;
	struct scmi_clock clk;
	uint32_t attr;

	init(f, &clk);
	assert_int_equal(clk.version, 0x30000);
	assert_int_equal(clk.num_clocks, NUM_CLOCKS);
	/* No delayed responses without a P2A channel. */
	assert_int_equal(clk.max_async, 0);
	assert_int_equal(scmi_protocol_attributes(f->agent, SCMI_PROTOCOL_CLOCK, &attr), 0);
	assert_int_equal(attr, NUM_CLOCKS);
	for (uint32_t m = 0; m <= SCMI_MSG_CLOCK_GET_PERMISSIONS; m++)
		assert_int_equal(
		    scmi_protocol_message_attributes(f->agent, SCMI_PROTOCOL_CLOCK, m, &attr), 0);
	assert_int_equal(
	    scmi_protocol_message_attributes(f->agent, SCMI_PROTOCOL_CLOCK, 0x11, &attr), -ENOENT);
}

static void test_clock_attributes(void **state)
{
	struct proto_fixture *f = *state;
	struct scmi_clock_info info;
	struct scmi_clock clk;
	uint8_t rx[64];
	size_t len;
	uint32_t id;

	init(f, &clk);
	for (id = 0; id < NUM_CLOCKS; id++) {
		assert_int_equal(scmi_clock_attributes(&clk, id, &info), 0);
		assert_string_equal(info.name, names[id]);
		assert_true(info.attributes & SCMI_CLOCK_ATTR_EXT_NAME);
		assert_true(info.attributes & SCMI_CLOCK_ATTR_GET_PERMISSIONS);
		assert_true(info.attributes & SCMI_CLOCK_ATTR_RATE_CHANGED_NOTIFY);
		/* Only the oscillator has no parent. */
		assert_int_equal(!!(info.attributes & SCMI_CLOCK_ATTR_PARENTS), id != OSC24M);
		assert_int_equal(info.attributes & SCMI_CLOCK_ATTR_EXT_CONFIG, 0);
	}
	assert_int_equal(scmi_clock_attributes(&clk, PLL_CPU_BIG, &info), 0);
	assert_int_equal(info.enable_latency_us, 50);
	/* Boot state: the buses and CPUs run, the peripherals do not. */
	assert_true(on(&clk, OSC24M));
	assert_true(on(&clk, CPU_LITTLE));
	assert_true(on(&clk, PLL_CPU_LITTLE));
	assert_true(on(&clk, APB));
	assert_false(on(&clk, UART0));
	assert_false(on(&clk, GPU));
	assert_false(on(&clk, PLL_GPU));
	/* 3.0 layout: attributes, name[16], latency. */
	id = DISPLAY;
	assert_int_equal(raw(f->agent, SCMI_MSG_CLOCK_ATTRIBUTES, &id, 1, rx, sizeof(rx), &len), 0);
	assert_int_equal(len, 24);
	assert_int_equal(scmi_get_le32(rx + 20), 20);
	assert_memory_equal(rx + 4, "display\0\0\0\0\0\0\0\0\0", 16);
}

static void test_name_get(void **state)
{
	struct proto_fixture *f = *state;
	char name[SCMI_CLOCK_NAME_BUF];
	struct scmi_clock clk;
	uint8_t rx[80];
	size_t len;
	uint32_t id = PLL_CPU_LITTLE;

	init(f, &clk);
	assert_int_equal(scmi_clock_name_get(&clk, PLL_CPU_LITTLE, name), 0);
	assert_string_equal(name, "pll_cpu_little");
	assert_int_equal(raw(f->agent, SCMI_MSG_CLOCK_NAME_GET, &id, 1, rx, sizeof(rx), &len), 0);
	assert_int_equal(len, 68);
	assert_int_equal(scmi_get_le32(rx), 0);
	/* NUL-padded to 64 bytes. */
	for (size_t i = 4 + strlen("pll_cpu_little"); i < 68; i++)
		assert_int_equal(rx[i], 0);
}

static void test_unknown_clock(void **state)
{
	struct proto_fixture *f = *state;
	struct scmi_clock_info info;
	struct scmi_clock_rates r;
	struct scmi_clock clk;
	char name[SCMI_CLOCK_NAME_BUF];
	uint32_t v, ids[4];
	uint64_t hz;
	size_t n;
	bool en;

	init(f, &clk);
	assert_int_equal(scmi_clock_attributes(&clk, NUM_CLOCKS, &info), -ENOENT);
	assert_int_equal(scmi_clock_name_get(&clk, NUM_CLOCKS, name), -ENOENT);
	assert_int_equal(scmi_clock_describe_rates(&clk, NUM_CLOCKS, &r, NULL, 0), -ENOENT);
	assert_int_equal(scmi_clock_rate_get(&clk, 0xffffffffu, &hz), -ENOENT);
	assert_int_equal(scmi_clock_rate_set(&clk, NUM_CLOCKS, MHZ, SCMI_CLOCK_ROUND_DOWN),
			 -ENOENT);
	assert_int_equal(scmi_clock_enable(&clk, NUM_CLOCKS, true), -ENOENT);
	assert_int_equal(scmi_clock_state_get(&clk, NUM_CLOCKS, &en), -ENOENT);
	assert_int_equal(scmi_clock_rate_notify(&clk, NUM_CLOCKS, true), -ENOENT);
	assert_int_equal(scmi_clock_rate_req_notify(&clk, NUM_CLOCKS, true), -ENOENT);
	assert_int_equal(scmi_clock_possible_parents(&clk, NUM_CLOCKS, ids, 4, &n), -ENOENT);
	assert_int_equal(scmi_clock_parent_get(&clk, NUM_CLOCKS, &v), -ENOENT);
	assert_int_equal(scmi_clock_parent_set(&clk, NUM_CLOCKS, OSC24M), -ENOENT);
	assert_int_equal(scmi_clock_get_permissions(&clk, NUM_CLOCKS, &v), -ENOENT);
	/* A parent id that is no clock at all is NOT_FOUND too. */
	assert_int_equal(scmi_clock_parent_set(&clk, DISPLAY, NUM_CLOCKS), -ENOENT);
}

static void test_describe_range(void **state)
{
	struct proto_fixture *f = *state;
	struct scmi_clock_rates r;
	struct scmi_clock clk;
	uint32_t w[2] = {CPU_BIG, 0};
	uint8_t rx[64];
	size_t len;

	init(f, &clk);
	assert_int_equal(scmi_clock_describe_rates(&clk, CPU_LITTLE, &r, NULL, 0), 0);
	assert_true(r.range);
	assert_int_equal(r.min, 408 * MHZ);
	assert_int_equal(r.max, 1416 * MHZ);
	assert_int_equal(r.step, 24 * MHZ);
	assert_int_equal(scmi_clock_describe_rates(&clk, GPU, &r, NULL, 0), 0);
	assert_true(r.range);
	assert_int_equal(r.min, 200 * MHZ);
	assert_int_equal(r.max, 800 * MHZ);
	assert_int_equal(r.step, 1 * MHZ);
	/* Raw: one triplet, remaining 0; 64-bit rates as low/high words. */
	assert_int_equal(raw(f->agent, SCMI_MSG_CLOCK_DESCRIBE_RATES, w, 2, rx, sizeof(rx), &len),
			 0);
	assert_int_equal(len, 28);
	assert_int_equal(scmi_get_le32(rx), 3u | SCMI_CLOCK_RATES_TRIPLET);
	assert_int_equal(scmi_get_le64(rx + 12), 2016 * MHZ);
	assert_int_equal(scmi_get_le32(rx + 16), (uint32_t)((2016 * MHZ) >> 32));
	/* A range has no index beyond 0. */
	w[1] = 1;
	assert_int_equal(raw(f->agent, SCMI_MSG_CLOCK_DESCRIBE_RATES, w, 2, rx, sizeof(rx), &len),
			 -EINVAL);
}

static void test_describe_list_pages(void **state)
{
	struct proto_fixture *f = *state;
	struct scmi_clock_rates r;
	struct scmi_clock clk;
	uint64_t rates[40];
	uint32_t w[2] = {DISPLAY, 0}, n, remaining;
	uint8_t rx[SCMI_DEFAULT_MAX_MSG_SIZE];
	size_t len, i;

	init(f, &clk);
	assert_int_equal(scmi_clock_describe_rates(&clk, DISPLAY, &r, rates, 40), 0);
	assert_false(r.range);
	assert_int_equal(r.count, 32);
	/* pll_periph 1200 MHz / 32 .. / 1, ascending. */
	for (i = 0; i < 32; i++)
		assert_int_equal(rates[i], 1200 * MHZ / (32 - i));
	/* The first page: as many as fit, and the rest counted in remaining. */
	assert_int_equal(raw(f->agent, SCMI_MSG_CLOCK_DESCRIBE_RATES, w, 2, rx, sizeof(rx), &len),
			 0);
	n = SCMI_CLOCK_RATES_RETURNED(scmi_get_le32(rx));
	remaining = SCMI_CLOCK_RATES_REMAINING(scmi_get_le32(rx));
	assert_false(scmi_get_le32(rx) & SCMI_CLOCK_RATES_TRIPLET);
	assert_true(n >= 10 && n < 32);
	assert_int_equal(n + remaining, 32);
	assert_int_equal(len, 4 + 8 * n);
	assert_int_equal(scmi_get_le64(rx + 4), 1200 * MHZ / 32);
	/* From the middle: remaining counts from the index asked for. */
	w[1] = 30;
	assert_int_equal(raw(f->agent, SCMI_MSG_CLOCK_DESCRIBE_RATES, w, 2, rx, sizeof(rx), &len),
			 0);
	assert_int_equal(scmi_get_le32(rx), 2);
	assert_int_equal(scmi_get_le64(rx + 4), 1200 * MHZ / 2);
	assert_int_equal(scmi_get_le64(rx + 12), 1200 * MHZ);
	w[1] = 32;
	assert_int_equal(raw(f->agent, SCMI_MSG_CLOCK_DESCRIBE_RATES, w, 2, rx, sizeof(rx), &len),
			 0);
	assert_int_equal(scmi_get_le32(rx), 0);
	w[1] = 33;
	assert_int_equal(raw(f->agent, SCMI_MSG_CLOCK_DESCRIBE_RATES, w, 2, rx, sizeof(rx), &len),
			 -EINVAL);
	/* A fixed clock lists its one rate; fewer slots than rates still counts them all. */
	assert_int_equal(scmi_clock_describe_rates(&clk, OSC24M, &r, rates, 1), 0);
	assert_int_equal(r.count, 1);
	assert_int_equal(rates[0], 24 * MHZ);
	assert_int_equal(scmi_clock_describe_rates(&clk, MMC0, &r, rates, 2), 0);
	assert_int_equal(r.count, 64);
	assert_int_equal(rates[0], 1200 * MHZ / 64);
}

static void test_rate_rounding(void **state)
{
	struct proto_fixture *f = *state;
	struct scmi_clock clk;

	init(f, &clk);
	/* A range (gpu passes its requests to pll_gpu, 1 MHz steps). */
	assert_int_equal(scmi_clock_rate_set(&clk, GPU, 300 * MHZ + 400000, SCMI_CLOCK_ROUND_DOWN),
			 0);
	assert_int_equal(rate_of(&clk, GPU), 300 * MHZ);
	assert_int_equal(scmi_clock_rate_set(&clk, GPU, 300 * MHZ + 400000, SCMI_CLOCK_ROUND_UP),
			 0);
	assert_int_equal(rate_of(&clk, GPU), 301 * MHZ);
	assert_int_equal(
	    scmi_clock_rate_set(&clk, GPU, 300 * MHZ + 600000, SCMI_CLOCK_ROUND_CLOSEST), 0);
	assert_int_equal(rate_of(&clk, GPU), 301 * MHZ);
	assert_int_equal(
	    scmi_clock_rate_set(&clk, GPU, 300 * MHZ + 400000, SCMI_CLOCK_ROUND_CLOSEST), 0);
	assert_int_equal(rate_of(&clk, GPU), 300 * MHZ);
	/* Exact rates stay exact whatever the rounding. */
	assert_int_equal(scmi_clock_rate_set(&clk, CPU_BIG, 1800 * MHZ, SCMI_CLOCK_ROUND_UP), 0);
	assert_int_equal(rate_of(&clk, CPU_BIG), 1800 * MHZ);
	/* A list (display: 1200 MHz / 1..32): 130 MHz lies between /10 and /9. */
	assert_int_equal(scmi_clock_rate_set(&clk, DISPLAY, 130 * MHZ, SCMI_CLOCK_ROUND_DOWN), 0);
	assert_int_equal(rate_of(&clk, DISPLAY), 120 * MHZ);
	assert_int_equal(scmi_clock_rate_set(&clk, DISPLAY, 130 * MHZ, SCMI_CLOCK_ROUND_UP), 0);
	assert_int_equal(rate_of(&clk, DISPLAY), 1200 * MHZ / 9);
	assert_int_equal(scmi_clock_rate_set(&clk, DISPLAY, 124 * MHZ, SCMI_CLOCK_ROUND_CLOSEST),
			 0);
	assert_int_equal(rate_of(&clk, DISPLAY), 120 * MHZ);
}

static void test_rate_out_of_range_and_denied(void **state)
{
	struct proto_fixture *f = *state;
	struct scmi_clock clk;

	init(f, &clk);
	assert_int_equal(scmi_clock_rate_set(&clk, GPU, 801 * MHZ, SCMI_CLOCK_ROUND_DOWN), -ERANGE);
	assert_int_equal(scmi_clock_rate_set(&clk, GPU, 199 * MHZ, SCMI_CLOCK_ROUND_UP), -ERANGE);
	assert_int_equal(scmi_clock_rate_set(&clk, CPU_LITTLE, 2016 * MHZ, SCMI_CLOCK_ROUND_DOWN),
			 -ERANGE);
	assert_int_equal(scmi_clock_rate_set(&clk, DISPLAY, 1201 * MHZ, SCMI_CLOCK_ROUND_CLOSEST),
			 -ERANGE);
	assert_int_equal(scmi_clock_rate_set(&clk, DISPLAY, 1 * MHZ, SCMI_CLOCK_ROUND_CLOSEST),
			 -ERANGE);
	assert_int_equal(scmi_clock_rate_set(&clk, OSC24M, 25 * MHZ, SCMI_CLOCK_ROUND_CLOSEST),
			 -ERANGE);
	/* A fixed clock accepts its own rate. */
	assert_int_equal(scmi_clock_rate_set(&clk, OSC24M, 24 * MHZ, SCMI_CLOCK_ROUND_DOWN), 0);
	/* Unchanged after a refusal. */
	assert_int_equal(rate_of(&clk, GPU), 400 * MHZ);
	/* The firmware owns ddr and pll_periph. */
	assert_int_equal(scmi_clock_rate_set(&clk, DDR, 300 * MHZ, SCMI_CLOCK_ROUND_DOWN), -EACCES);
	assert_int_equal(scmi_clock_rate_set(&clk, PLL_PERIPH, 600 * MHZ, SCMI_CLOCK_ROUND_DOWN),
			 -EACCES);
	assert_int_equal(rate_of(&clk, DDR), 600 * MHZ);
	assert_int_equal(scmi_clock_enable(&clk, DDR, false), -EACCES);
	assert_int_equal(scmi_clock_parent_set(&clk, DDR, PLL_PERIPH), -EACCES);
}

static void test_rate_set_flags(void **state)
{
	struct proto_fixture *f = *state;
	struct scmi_clock clk;
	uint32_t w[4] = {0, GPU, (uint32_t)(500 * MHZ), 0};

	init(f, &clk);
	/* Async and ignore-delayed-response: done synchronously, the rate is set on return. */
	w[0] = SCMI_CLOCK_RATE_ASYNC;
	assert_int_equal(raw(f->agent, SCMI_MSG_CLOCK_RATE_SET, w, 4, NULL, 0, NULL), 0);
	assert_int_equal(rate_of(&clk, GPU), 500 * MHZ);
	w[0] = SCMI_CLOCK_RATE_ASYNC | SCMI_CLOCK_RATE_IGNORE_DRESP;
	w[2] = (uint32_t)(600 * MHZ);
	assert_int_equal(raw(f->agent, SCMI_MSG_CLOCK_RATE_SET, w, 4, NULL, 0, NULL), 0);
	assert_int_equal(rate_of(&clk, GPU), 600 * MHZ);
	/* Reserved flag bits. */
	w[0] = 1u << 4;
	assert_int_equal(raw(f->agent, SCMI_MSG_CLOCK_RATE_SET, w, 4, NULL, 0, NULL), -EINVAL);
	/* The high word counts: 2^32 + 600 MHz is far out of range. */
	w[0] = 0;
	w[3] = 1;
	assert_int_equal(raw(f->agent, SCMI_MSG_CLOCK_RATE_SET, w, 4, NULL, 0, NULL), -ERANGE);
	/* Wrong request sizes. */
	assert_int_equal(raw(f->agent, SCMI_MSG_CLOCK_RATE_SET, w, 3, NULL, 0, NULL), -EPROTO);
	assert_int_equal(raw(f->agent, SCMI_MSG_CLOCK_RATE_GET, w, 2, NULL, 0, NULL), -EPROTO);
}

static void test_parent_change_seen_by_child(void **state)
{
	struct proto_fixture *f = *state;
	struct scmi_clock clk;
	uint32_t parent;

	init(f, &clk);
	assert_int_equal(rate_of(&clk, GPU), 400 * MHZ);
	assert_int_equal(scmi_clock_rate_set(&clk, PLL_GPU, 600 * MHZ, SCMI_CLOCK_ROUND_DOWN), 0);
	assert_int_equal(rate_of(&clk, GPU), 600 * MHZ);
	/* display: pll_periph / 8; moved to pll_gpu it keeps its divider. */
	assert_int_equal(rate_of(&clk, DISPLAY), 150 * MHZ);
	assert_int_equal(scmi_clock_parent_get(&clk, DISPLAY, &parent), 0);
	assert_int_equal(parent, PLL_PERIPH);
	assert_int_equal(scmi_clock_parent_set(&clk, DISPLAY, PLL_GPU), 0);
	assert_int_equal(scmi_clock_parent_get(&clk, DISPLAY, &parent), 0);
	assert_int_equal(parent, PLL_GPU);
	assert_int_equal(rate_of(&clk, DISPLAY), 75 * MHZ);
	assert_int_equal(scmi_clock_rate_set(&clk, PLL_GPU, 400 * MHZ, SCMI_CLOCK_ROUND_DOWN), 0);
	assert_int_equal(rate_of(&clk, DISPLAY), 50 * MHZ);
	/* A chain: apb = ahb / 2 = axi / 4 = pll_periph / 12. */
	assert_int_equal(rate_of(&clk, APB), 100 * MHZ);
	assert_int_equal(scmi_clock_rate_set(&clk, AXI, 600 * MHZ, SCMI_CLOCK_ROUND_DOWN), 0);
	assert_int_equal(rate_of(&clk, AHB), 300 * MHZ);
	assert_int_equal(rate_of(&clk, APB), 150 * MHZ);
	/* The CPU mux falls back to the oscillator, and its rates follow. */
	assert_int_equal(scmi_clock_parent_set(&clk, CPU_LITTLE, OSC24M), 0);
	assert_int_equal(rate_of(&clk, CPU_LITTLE), 24 * MHZ);
	assert_int_equal(scmi_clock_rate_set(&clk, CPU_LITTLE, 1008 * MHZ, SCMI_CLOCK_ROUND_DOWN),
			 -ERANGE);
	assert_int_equal(scmi_clock_parent_set(&clk, CPU_LITTLE, PLL_CPU_LITTLE), 0);
	assert_int_equal(rate_of(&clk, CPU_LITTLE), 1008 * MHZ);
}

static void test_parents(void **state)
{
	struct proto_fixture *f = *state;
	struct scmi_clock clk;
	uint32_t ids[8], w[2] = {DISPLAY, 1}, parent;
	uint8_t rx[64];
	size_t n, len;

	init(f, &clk);
	assert_int_equal(scmi_clock_possible_parents(&clk, DISPLAY, ids, 8, &n), 0);
	assert_int_equal(n, 3);
	assert_int_equal(ids[0], PLL_PERIPH);
	assert_int_equal(ids[1], PLL_GPU);
	assert_int_equal(ids[2], OSC24M);
	assert_int_equal(scmi_clock_possible_parents(&clk, OSC24M, ids, 8, &n), 0);
	assert_int_equal(n, 0);
	/* Raw pages: skip 1 returns 2 with none remaining; skip 3 is an empty last page. */
	assert_int_equal(
	    raw(f->agent, SCMI_MSG_CLOCK_POSSIBLE_PARENTS_GET, w, 2, rx, sizeof(rx), &len), 0);
	assert_int_equal(scmi_get_le32(rx), 2);
	assert_int_equal(len, 12);
	assert_int_equal(scmi_get_le32(rx + 4), PLL_GPU);
	w[1] = 3;
	assert_int_equal(
	    raw(f->agent, SCMI_MSG_CLOCK_POSSIBLE_PARENTS_GET, w, 2, rx, sizeof(rx), &len), 0);
	assert_int_equal(scmi_get_le32(rx), 0);
	w[1] = 4;
	assert_int_equal(
	    raw(f->agent, SCMI_MSG_CLOCK_POSSIBLE_PARENTS_GET, w, 2, rx, sizeof(rx), &len),
	    -EINVAL);
	/* Not a possible parent; no parent at all. */
	assert_int_equal(scmi_clock_parent_set(&clk, DISPLAY, PLL_CPU_BIG), -EINVAL);
	assert_int_equal(scmi_clock_parent_set(&clk, DISPLAY, DISPLAY), -EINVAL);
	assert_int_equal(scmi_clock_parent_get(&clk, OSC24M, &parent), -EOPNOTSUPP);
	assert_int_equal(scmi_clock_parent_get(&clk, UART0, &parent), 0);
	assert_int_equal(parent, OSC24M);
}

static void test_enable_propagates_to_parents(void **state)
{
	struct proto_fixture *f = *state;
	struct scmi_clock clk;

	init(f, &clk);
	assert_false(on(&clk, GPU));
	assert_false(on(&clk, PLL_GPU));
	assert_int_equal(scmi_clock_enable(&clk, GPU, true), 0);
	assert_true(on(&clk, GPU));
	assert_true(on(&clk, PLL_GPU));
	/* The parent cannot stop under a running child, even when its own vote goes. */
	assert_int_equal(scmi_clock_enable(&clk, PLL_GPU, true), 0);
	assert_int_equal(scmi_clock_enable(&clk, PLL_GPU, false), 0);
	assert_true(on(&clk, PLL_GPU));
	/* Reparenting a running clock starts its new parent and lets the old one stop. */
	assert_int_equal(scmi_clock_parent_set(&clk, GPU, OSC24M), 0);
	assert_false(on(&clk, PLL_GPU));
	assert_int_equal(scmi_clock_parent_set(&clk, GPU, PLL_GPU), 0);
	assert_true(on(&clk, PLL_GPU));
	assert_int_equal(scmi_clock_enable(&clk, GPU, false), 0);
	assert_false(on(&clk, GPU));
	assert_false(on(&clk, PLL_GPU));
	/* Twice is the same as once: no counting within one agent. */
	assert_int_equal(scmi_clock_enable(&clk, UART0, true), 0);
	assert_int_equal(scmi_clock_enable(&clk, UART0, true), 0);
	assert_int_equal(scmi_clock_enable(&clk, UART0, false), 0);
	assert_false(on(&clk, UART0));
	/* The always-on oscillator: no state control, and running anyway. */
	assert_int_equal(scmi_clock_enable(&clk, OSC24M, false), -EACCES);
	assert_true(on(&clk, OSC24M));
}

static void test_enable_votes_per_agent(void **state)
{
	struct proto_fixture *f = *state;
	struct scmi_agent *vm1 = proto_open_agent(f, proto_agent_vm1_dtb, SCMI_MODE_AUTO);
	struct scmi_clock lx, vm;

	init(f, &lx);
	assert_int_equal(scmi_clock_init(vm1, &vm), 0);
	/* vm1 cannot turn off what linux turned on. */
	assert_int_equal(scmi_clock_enable(&lx, UART0, true), 0);
	assert_int_equal(scmi_clock_enable(&vm, UART0, false), 0);
	assert_true(on(&lx, UART0));
	assert_true(on(&vm, UART0));
	/* Both on: it runs until both are off. */
	assert_int_equal(scmi_clock_enable(&vm, UART0, true), 0);
	assert_int_equal(scmi_clock_enable(&lx, UART0, false), 0);
	assert_true(on(&lx, UART0));
	assert_int_equal(scmi_clock_enable(&vm, UART0, false), 0);
	assert_false(on(&lx, UART0));
	/* A child voted by vm1 keeps linux's parent running. */
	assert_int_equal(scmi_clock_enable(&lx, PLL_GPU, true), 0);
	assert_int_equal(scmi_clock_enable(&vm, GPU, true), 0);
	assert_int_equal(scmi_clock_enable(&lx, PLL_GPU, false), 0);
	assert_true(on(&lx, PLL_GPU));
	assert_int_equal(scmi_clock_enable(&vm, GPU, false), 0);
	assert_false(on(&lx, PLL_GPU));
	scmi_agent_close(vm1);
}

static void test_config_set_layouts(void **state)
{
	struct proto_fixture *f = *state;
	struct scmi_clock clk;
	uint32_t w[3] = {UART1, 1, 0}, cfg;
	uint8_t rx[16];
	size_t len;

	init(f, &clk);
	assert_int_equal(raw(f->agent, SCMI_MSG_CLOCK_CONFIG_SET, w, 3, NULL, 0, NULL), 0);
	assert_true(on(&clk, UART1));
	/* State 3: unchanged. */
	w[1] = 3;
	assert_int_equal(raw(f->agent, SCMI_MSG_CLOCK_CONFIG_SET, w, 3, NULL, 0, NULL), 0);
	assert_true(on(&clk, UART1));
	/* State 2 is reserved; so are bits outside state and OEM type. */
	w[1] = 2;
	assert_int_equal(raw(f->agent, SCMI_MSG_CLOCK_CONFIG_SET, w, 3, NULL, 0, NULL), -EINVAL);
	w[1] = 1u << 8;
	assert_int_equal(raw(f->agent, SCMI_MSG_CLOCK_CONFIG_SET, w, 3, NULL, 0, NULL), -EINVAL);
	/* No OEM configuration (duty cycle, phase, ...). */
	w[1] = (1u << 16) | 1u;
	assert_int_equal(raw(f->agent, SCMI_MSG_CLOCK_CONFIG_SET, w, 3, NULL, 0, NULL),
			 -EOPNOTSUPP);
	/* 3.0 takes three words: the two-word form is a protocol error. */
	w[1] = 0;
	assert_int_equal(raw(f->agent, SCMI_MSG_CLOCK_CONFIG_SET, w, 2, NULL, 0, NULL), -EPROTO);
	assert_true(on(&clk, UART1));
	assert_int_equal(raw(f->agent, SCMI_MSG_CLOCK_CONFIG_SET, w, 3, NULL, 0, NULL), 0);
	assert_false(on(&clk, UART1));
	/* CONFIG_GET: attributes 0, config bit0, OEM value 0; OEM types refused. */
	w[0] = UART1;
	w[1] = 0;
	assert_int_equal(raw(f->agent, SCMI_MSG_CLOCK_CONFIG_GET, w, 2, rx, sizeof(rx), &len), 0);
	assert_int_equal(len, 12);
	assert_int_equal(scmi_get_le32(rx + 4), 0);
	w[1] = 1;
	assert_int_equal(raw(f->agent, SCMI_MSG_CLOCK_CONFIG_GET, w, 2, rx, sizeof(rx), &len),
			 -EOPNOTSUPP);
	w[1] = 1u << 8;
	assert_int_equal(raw(f->agent, SCMI_MSG_CLOCK_CONFIG_GET, w, 2, rx, sizeof(rx), &len),
			 -EINVAL);
	assert_int_equal(scmi_clock_config_get(&clk, OSC24M, &cfg), 0);
	assert_int_equal(cfg, 1);
}

static void test_notify_recorded_per_agent(void **state)
{
	struct proto_fixture *f = *state;
	struct scmi_clock clk;
	uint32_t w[2] = {GPU, 2};
	bool sub;

	init(f, &clk);
	assert_int_equal(scmi_clock_rate_notify(&clk, GPU, true), 0);
	assert_int_equal(scmi_clock_rate_req_notify(&clk, CPU_BIG, true), 0);
	assert_int_equal(raw(f->agent, SCMI_MSG_CLOCK_RATE_NOTIFY, w, 2, NULL, 0, NULL), -EINVAL);
	assert_int_equal(
	    raw(f->agent, SCMI_MSG_CLOCK_RATE_CHANGE_REQUESTED_NOTIFY, w, 2, NULL, 0, NULL),
	    -EINVAL);
	proto_lock(f);
	/* Agent 1 is linux; vm1 (agent 2) subscribed to nothing. */
	assert_true(sim_clock_model_notify_subscribed(f->plat, 1, GPU,
						      SCMI_SERVER_CLOCK_NOTIFY_RATE_CHANGED));
	assert_false(sim_clock_model_notify_subscribed(
	    f->plat, 1, GPU, SCMI_SERVER_CLOCK_NOTIFY_RATE_CHANGE_REQUESTED));
	assert_true(sim_clock_model_notify_subscribed(
	    f->plat, 1, CPU_BIG, SCMI_SERVER_CLOCK_NOTIFY_RATE_CHANGE_REQUESTED));
	assert_false(sim_clock_model_notify_subscribed(f->plat, 2, GPU,
						       SCMI_SERVER_CLOCK_NOTIFY_RATE_CHANGED));
	proto_unlock(f);
	assert_int_equal(scmi_clock_rate_notify(&clk, GPU, false), 0);
	proto_lock(f);
	sub = sim_clock_model_notify_subscribed(f->plat, 1, GPU,
						SCMI_SERVER_CLOCK_NOTIFY_RATE_CHANGED);
	proto_unlock(f);
	assert_false(sub);
}

static void test_permissions(void **state)
{
	struct proto_fixture *f = *state;
	struct scmi_clock clk;
	uint32_t p;

	init(f, &clk);
	assert_int_equal(scmi_clock_get_permissions(&clk, GPU, &p), 0);
	assert_int_equal(p, SCMI_CLOCK_PERM_STATE | SCMI_CLOCK_PERM_PARENT | SCMI_CLOCK_PERM_RATE);
	assert_int_equal(scmi_clock_get_permissions(&clk, DDR, &p), 0);
	assert_int_equal(p, 0);
	assert_int_equal(scmi_clock_get_permissions(&clk, PLL_PERIPH, &p), 0);
	assert_int_equal(p, SCMI_CLOCK_PERM_STATE | SCMI_CLOCK_PERM_PARENT);
	assert_int_equal(scmi_clock_get_permissions(&clk, OSC24M, &p), 0);
	assert_int_equal(p, SCMI_CLOCK_PERM_PARENT | SCMI_CLOCK_PERM_RATE);
}

static void test_perf_contract(void **state)
{
	struct proto_fixture *f = *state;
	struct scmi_clock clk;
	uint64_t hz = 0;

	init(f, &clk);
	proto_lock(f);
	/* The platform itself drives cpu_big (a perf domain), whatever the agents' rights. */
	assert_int_equal(sim_clock_model_set_rate(f->plat, CPU_BIG, 1608 * MHZ), 0);
	assert_int_equal(sim_clock_model_get_rate(f->plat, PLL_CPU_BIG, &hz), 0);
	assert_int_equal(hz, 1608 * MHZ);
	assert_int_equal(sim_clock_model_set_rate(f->plat, CPU_BIG, 3000 * MHZ), -ERANGE);
	assert_int_equal(sim_clock_model_set_rate(f->plat, NUM_CLOCKS, MHZ), -ENOENT);
	assert_int_equal(sim_clock_model_get_rate(f->plat, NUM_CLOCKS, &hz), -ENOENT);
	assert_true(sim_clock_model_is_on(f->plat, CPU_BIG));
	proto_unlock(f);
	assert_int_equal(rate_of(&clk, CPU_BIG), 1608 * MHZ);
}

/* The agent at an older version, negotiated: gating and layouts follow. */
static void test_negotiated_2_0(void **state)
{
	struct proto_fixture *f = *state;
	struct scmi_clock clk;
	uint32_t w[3] = {UART0, 1, 0}, v;
	uint8_t rx[80];
	size_t len;

	assert_int_equal(scmi_protocol_negotiate_version(f->agent, SCMI_PROTOCOL_CLOCK, 0x20000),
			 0);
	init(f, &clk);
	assert_int_equal(clk.version, 0x20000);
	assert_int_equal(raw(f->agent, SCMI_MSG_CLOCK_ATTRIBUTES, w, 1, rx, sizeof(rx), &len), 0);
	assert_int_equal(len, 24);
	assert_int_equal(
	    scmi_get_le32(rx) & (SCMI_CLOCK_ATTR_PARENTS | SCMI_CLOCK_ATTR_GET_PERMISSIONS), 0);
	assert_true(scmi_get_le32(rx) & SCMI_CLOCK_ATTR_EXT_NAME);
	/* Two-word CONFIG_SET now, and the three-word one refused. */
	assert_int_equal(raw(f->agent, SCMI_MSG_CLOCK_CONFIG_SET, w, 3, NULL, 0, NULL), -EPROTO);
	assert_int_equal(raw(f->agent, SCMI_MSG_CLOCK_CONFIG_SET, w, 2, NULL, 0, NULL), 0);
	assert_true(on(&clk, UART0));
	assert_int_equal(scmi_clock_enable(&clk, UART0, false), 0);
	assert_false(on(&clk, UART0));
	/* The 3.0 messages are gone; the client does not even send them. */
	assert_int_equal(raw(f->agent, SCMI_MSG_CLOCK_PARENT_GET, w, 1, rx, sizeof(rx), &len),
			 -ENOENT);
	assert_int_equal(scmi_protocol_message_attributes(f->agent, SCMI_PROTOCOL_CLOCK,
							  SCMI_MSG_CLOCK_CONFIG_GET, &v),
			 -ENOENT);
	assert_int_equal(scmi_clock_parent_get(&clk, UART0, &v), -EOPNOTSUPP);
	assert_int_equal(scmi_clock_name_get(&clk, UART0, (char[SCMI_CLOCK_NAME_BUF]){0}), 0);
}

/*
 * A secure world on another platform DTB, with agent "linux" in the mode of @cur (the
 * fixture's own helpers for this are not there yet).
 */

static void test_platform_v1(void **state)
{
	struct proto_fixture v1;
	struct scmi_clock_info info;
	struct scmi_clock_rates r;
	struct scmi_clock clk;
	uint32_t w[2] = {DISPLAY, 0}, v, id;
	uint8_t rx[80];
	size_t len;

	proto_open_platform(&v1, "clock-v1.dtb", ((struct proto_fixture *)*state)->mode);
	assert_int_equal(scmi_clock_init(v1.agent, &clk), 0);
	assert_int_equal(clk.version, 0x10000);
	assert_int_equal(clk.num_clocks, NUM_CLOCKS);
	/* The client still lists every clock, with the 1.0 layout (no latency). */
	for (id = 0; id < NUM_CLOCKS; id++) {
		assert_int_equal(scmi_clock_attributes(&clk, id, &info), 0);
		assert_string_equal(info.name, names[id]);
		assert_int_equal(info.attributes & ~SCMI_CLOCK_ATTR_ENABLED, 0);
		assert_int_equal(info.enable_latency_us, 0);
	}
	assert_int_equal(raw(v1.agent, SCMI_MSG_CLOCK_ATTRIBUTES, w, 1, rx, sizeof(rx), &len), 0);
	assert_int_equal(len, 20);
	/* 2.0 and 3.0 messages: NOT_SUPPORTED, and NOT_FOUND in message attributes. */
	for (v = SCMI_MSG_CLOCK_NAME_GET; v <= SCMI_MSG_CLOCK_GET_PERMISSIONS; v++) {
		uint32_t a;

		assert_int_equal(raw(v1.agent, (uint8_t)v, w,
				     v == SCMI_MSG_CLOCK_NAME_GET ||
					     v == SCMI_MSG_CLOCK_PARENT_GET ||
					     v == SCMI_MSG_CLOCK_GET_PERMISSIONS
					 ? 1
					 : 2,
				     rx, sizeof(rx), &len),
				 -ENOENT);
		assert_int_equal(
		    scmi_protocol_message_attributes(v1.agent, SCMI_PROTOCOL_CLOCK, v, &a),
		    -ENOENT);
	}
	assert_int_equal(scmi_clock_name_get(&clk, DISPLAY, (char[SCMI_CLOCK_NAME_BUF]){0}),
			 -EOPNOTSUPP);
	assert_int_equal(scmi_clock_parent_get(&clk, DISPLAY, &v), -EOPNOTSUPP);
	assert_int_equal(scmi_clock_rate_notify(&clk, DISPLAY, true), -EOPNOTSUPP);
	/* The 1.0 messages work: rates, rate set, two-word enable; state from attributes. */
	assert_int_equal(scmi_clock_describe_rates(&clk, DISPLAY, &r, NULL, 0), 0);
	assert_int_equal(r.count, 32);
	assert_int_equal(scmi_clock_rate_set(&clk, GPU, 700 * MHZ, SCMI_CLOCK_ROUND_DOWN), 0);
	assert_int_equal(rate_of(&clk, GPU), 700 * MHZ);
	assert_int_equal(scmi_clock_enable(&clk, GPU, true), 0);
	assert_true(on(&clk, GPU));
	assert_true(on(&clk, PLL_GPU));
	/* Above the platform's version: refused. */
	assert_int_equal(scmi_protocol_negotiate_version(v1.agent, SCMI_PROTOCOL_CLOCK, 0x20000),
			 -ENOENT);
	proto_fixture_close(&v1);
}

static void test_platform_v2(void **state)
{
	struct proto_fixture v2;
	struct scmi_clock_info info;
	struct scmi_clock clk;
	uint32_t v;

	proto_open_platform(&v2, "clock-v2.dtb", ((struct proto_fixture *)*state)->mode);
	assert_int_equal(scmi_clock_init(v2.agent, &clk), 0);
	assert_int_equal(clk.version, 0x20000);
	assert_int_equal(scmi_clock_attributes(&clk, PLL_GPU, &info), 0);
	assert_string_equal(info.name, "pll_gpu");
	assert_int_equal(info.enable_latency_us, 50);
	assert_int_equal(scmi_clock_rate_notify(&clk, PLL_GPU, true), 0);
	assert_int_equal(scmi_clock_get_permissions(&clk, PLL_GPU, &v), -EOPNOTSUPP);
	assert_int_equal(scmi_clock_enable(&clk, UART0, true), 0);
	assert_true(on(&clk, UART0));
	proto_fixture_close(&v2);
}

/* Agents are linux (1) and vm1 (2) on the default platform. */
static void test_agents_views_and_reset(void **state)
{
	struct proto_fixture *f = *state;
	struct scmi_agent *vm1 = proto_open_agent(f, proto_agent_vm1_dtb, SCMI_MODE_AUTO);
	const struct scmi_server_clock_ops *ops = &sim_clock_ops;
	struct scmi_server_clock_info a, b;
	struct scmi_clock lx, vm;
	uint32_t i;

	init(f, &lx);
	assert_int_equal(scmi_clock_init(vm1, &vm), 0);
	/* Identity views under the placeholder: both see the same clocks under the same ids. */
	assert_int_equal(vm.num_clocks, lx.num_clocks);
	assert_int_equal(ops->count(f->plat, 2), ops->count(f->plat, 1));
	for (i = 0; i < ops->count(f->plat, 1); i++) {
		assert_int_equal(ops->info(f->plat, 1, i, &a), SCMI_SUCCESS);
		assert_int_equal(ops->info(f->plat, 2, i, &b), SCMI_SUCCESS);
		assert_string_equal(a.name, b.name);
		assert_int_equal(a.num_parents, b.num_parents);
	}
	assert_int_equal(ops->info(f->plat, 2, NUM_CLOCKS, &a), SCMI_NOT_FOUND);
	/* Votes: linux keeps PLL_GPU; vm1 keeps GPU (under it) and UART0, and subscribes. */
	assert_int_equal(scmi_clock_enable(&lx, PLL_GPU, true), 0);
	assert_int_equal(scmi_clock_enable(&vm, GPU, true), 0);
	assert_int_equal(scmi_clock_enable(&vm, UART0, true), 0);
	assert_int_equal(scmi_clock_rate_notify(&vm, UART0, true), 0);
	proto_lock(f);
	assert_true(sim_clock_model_notify_subscribed(f->plat, 2, UART0,
						      SCMI_SERVER_CLOCK_NOTIFY_RATE_CHANGED));
	sim_clock_reset_agent(f->plat, 2);
	assert_false(sim_clock_model_notify_subscribed(f->plat, 2, UART0,
						       SCMI_SERVER_CLOCK_NOTIFY_RATE_CHANGED));
	proto_unlock(f);
	/* What only vm1 kept on stops; linux's vote stands. */
	assert_false(on(&lx, UART0));
	assert_false(on(&lx, GPU));
	assert_true(on(&lx, PLL_GPU));
	/* vm1 works on after its reset. */
	assert_int_equal(scmi_clock_enable(&vm, UART0, true), 0);
	assert_true(on(&lx, UART0));
	proto_lock(f);
	sim_clock_reset_agent(f->plat, 1);
	sim_clock_reset_agent(f->plat, 0);  /* not an agent: nothing */
	sim_clock_reset_agent(f->plat, 65); /* likewise */
	proto_unlock(f);
	assert_false(on(&vm, PLL_GPU));
	assert_true(on(&vm, UART0));
	scmi_agent_close(vm1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    PROTO_TEST(test_agents_views_and_reset),
	    PROTO_TEST(test_version_and_attributes),
	    PROTO_TEST(test_clock_attributes),
	    PROTO_TEST(test_name_get),
	    PROTO_TEST(test_unknown_clock),
	    PROTO_TEST(test_describe_range),
	    PROTO_TEST(test_describe_list_pages),
	    PROTO_TEST(test_rate_rounding),
	    PROTO_TEST(test_rate_out_of_range_and_denied),
	    PROTO_TEST(test_rate_set_flags),
	    PROTO_TEST(test_parent_change_seen_by_child),
	    PROTO_TEST(test_parents),
	    PROTO_TEST(test_enable_propagates_to_parents),
	    PROTO_TEST(test_enable_votes_per_agent),
	    PROTO_TEST(test_config_set_layouts),
	    PROTO_TEST(test_notify_recorded_per_agent),
	    PROTO_TEST(test_permissions),
	    PROTO_TEST(test_perf_contract),
	    PROTO_TEST(test_negotiated_2_0),
	    PROTO_TEST(test_platform_v1),
	    PROTO_TEST(test_platform_v2),
	};

	return proto_run("clock", tests, PROTO_ARRAY_SIZE(tests));
}
