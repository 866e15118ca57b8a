// SPDX-License-Identifier: BSD-3-Clause
/*
 * P2A messages of the server core over the default platform, with a recording
 * sink standing for the transports: channel 0 ("linux", OP-TEE) has no P2A
 * path; channels 1 ("linux") and 2 ("vm1") have one. Events go from the
 * models through sim_events to scmi_server_notify(), as in the secure world.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <errno.h>
#include <pthread.h>
#include <string.h>

#include "platform/sim/sim_events.h"
#include "platform/sim/sim_platform.h"
#include "platform/sim/sim_platform_priv.h"
#include "platform/sim/sim_sensor.h"
#include "platform/sim/sim_system.h"
#include "scmi/proto/endian.h"
#include "scmi/proto/header.h"
#include "scmi/server/server.h"

#define MAX_SENT 32

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
	bool lock_was_held;
	int send_rc; /* what the sink's send answers after taking the message */
};

static bool has_p2a(void *ctx, uint32_t ch)
{
	(void)ctx;
	return ch == 1 || ch == 2;
}

static size_t agent_channels(void *ctx, uint32_t agent, uint32_t *ids, size_t max)
{
	(void)ctx;
	if (max < 1)
		return 0;
	if (agent == 1)
		ids[0] = 1;
	else if (agent == 2)
		ids[0] = 2;
	else
		return 0;
	return 1;
}

static int send(void *ctx, uint32_t ch, const void *msg, size_t len)
{
	struct fx *f = ctx;

	/* A P2A send never runs under the platform lock: no slot of it, read or write. */
	for (uint32_t slot = 0; slot < f->p->lock.n; slot++) {
		if (sim_rwlock_try_slot(&f->p->lock, slot))
			sim_rwlock_read_end(&f->p->lock, slot);
		else
			f->lock_was_held = true;
	}
	if (f->n < MAX_SENT && len <= sizeof(f->sent[0].buf)) {
		f->sent[f->n].channel = ch;
		f->sent[f->n].len = len;
		memcpy(f->sent[f->n].buf, msg, len);
		f->n++;
	}
	return f->send_rc;
}

static const struct scmi_server_p2a_ops sink = {
    .send = send, .has_p2a = has_p2a, .agent_channels = agent_channels};

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

	assert_false(f->lock_was_held);
	sim_events_set_hook(f->p, NULL, NULL);
	sim_platform_free(f->p);
	return 0;
}

/* Run a command; returns the status, values in @vals, delayed response in @dl. */
static int32_t call(struct fx *f, uint32_t ch, uint8_t proto, uint8_t msg, uint16_t token,
		    const uint32_t *args, size_t nargs, uint8_t *out, size_t *out_len,
		    struct scmi_server_delayed *dl)
{
	uint8_t in[64] = {0}, rsp[SCMI_SERVER_MAX_PAYLOAD];
	size_t n;

	for (size_t i = 0; i < nargs; i++)
		scmi_put_le32(in + 4 * i, args[i]);
	n = scmi_server_process_p2a(&f->srv, ch, scmi_hdr_make(proto, msg, 0, token), in, 4 * nargs,
				    rsp, sizeof(rsp), dl);
	assert_true(n >= 4);
	if (out)
		memcpy(out, rsp, n);
	if (out_len)
		*out_len = n;
	return (int32_t)scmi_get_le32(rsp);
}

#define CALL(f, ch, proto, msg, ...)                                                               \
	({                                                                                         \
		const uint32_t _a[] = {__VA_ARGS__};                                               \
		struct scmi_server_delayed _dl;                                                    \
		call(f, ch, proto, msg, 1, _a, sizeof(_a) / 4, NULL, NULL, &_dl);                  \
	})

static uint32_t u32_at(const uint8_t *b, size_t off)
{
	return scmi_get_le32(b + off);
}

/* Attributes: async and notify support only where a P2A path exists. */
static void test_attributes(void **state)
{
	struct fx *f = *state;
	uint8_t out[SCMI_SERVER_MAX_PAYLOAD];
	struct scmi_server_delayed dl;
	const uint32_t zero[] = {0};
	size_t n;

	/* Clock PROTOCOL_ATTRIBUTES: max pending async RATE_SET in bits 23:16. */
	call(f, 0, 0x14, 0x1, 1, NULL, 0, out, &n, &dl);
	assert_int_equal((u32_at(out, 4) >> 16) & 0xff, 0);
	call(f, 2, 0x14, 0x1, 1, NULL, 0, out, &n, &dl);
	assert_int_not_equal((u32_at(out, 4) >> 16) & 0xff, 0);
	/* Without a caller that takes delayed responses: as over OP-TEE. */
	call(f, 2, 0x14, 0x1, 1, NULL, 0, out, &n, NULL);
	assert_int_equal((u32_at(out, 4) >> 16) & 0xff, 0);

	/* Reset domain: async bit 31. */
	call(f, 0, 0x16, 0x3, 1, zero, 1, out, &n, &dl);
	assert_int_equal(u32_at(out, 4) >> 31, 0);
	call(f, 2, 0x16, 0x3, 1, zero, 1, out, &n, &dl);
	assert_int_equal(u32_at(out, 4) >> 31, 1);
	/* Voltage domain: async bit 31. */
	call(f, 0, 0x17, 0x3, 1, zero, 1, out, &n, &dl);
	assert_int_equal(u32_at(out, 4) >> 31, 0);
	call(f, 1, 0x17, 0x3, 1, zero, 1, out, &n, &dl);
	assert_int_equal(u32_at(out, 4) >> 31, 1);
	/* Powercap domain: async CAP_SET bit 29. */
	call(f, 0, 0x18, 0x3, 1, zero, 1, out, &n, &dl);
	assert_int_equal((u32_at(out, 4) >> 29) & 1, 0);
	call(f, 2, 0x18, 0x3, 1, zero, 1, out, &n, &dl);
	assert_int_equal((u32_at(out, 4) >> 29) & 1, 1);
	/* Sensor descriptor attributes_low bit 31: async read (after status, counts, id). */
	call(f, 0, 0x15, 0x3, 1, zero, 1, out, &n, &dl);
	assert_int_equal(u32_at(out, 12) >> 31, 0);
	call(f, 2, 0x15, 0x3, 1, zero, 1, out, &n, &dl);
	assert_int_equal(u32_at(out, 12) >> 31, 1);
	/* Power domain: async bit 30. */
	call(f, 0, 0x11, 0x3, 1, zero, 1, out, &n, &dl);
	assert_int_equal((u32_at(out, 4) >> 30) & 1, 0);
	call(f, 2, 0x11, 0x3, 1, zero, 1, out, &n, &dl);
	assert_int_equal((u32_at(out, 4) >> 30) & 1, 1);
	/* BASE_NOTIFY_ERRORS: accepted only where BASE_ERROR_EVENT could be delivered. */
	assert_int_equal(call(f, 0, 0x10, 0x8, 1, (const uint32_t[]){1}, 1, out, &n, &dl),
			 SCMI_NOT_SUPPORTED);
	assert_int_equal(call(f, 2, 0x10, 0x8, 1, (const uint32_t[]){1}, 1, out, &n, &dl), 0);
	assert_int_equal(f->n, 0);
}

/*
 * A server with no P2A sink, or one that cannot send or cannot tell, has no P2A path on any
 * channel, whatever the caller offers for delayed responses: nothing async announced, no
 * BASE_ERROR_EVENT promised.
 */
static void test_attributes_without_sink(void **state)
{
	struct fx *f = *state;
	const struct scmi_server_p2a_ops no_send = {.has_p2a = has_p2a,
						    .agent_channels = agent_channels};
	const struct scmi_server_p2a_ops no_has = {.send = send, .agent_channels = agent_channels};
	const struct scmi_server_p2a_ops *sinks[] = {NULL, &no_send, &no_has};
	struct scmi_server srv = f->srv;
	uint8_t in[4] = {0}, out[SCMI_SERVER_MAX_PAYLOAD];
	struct scmi_server_delayed dl;
	size_t i, n;

	for (i = 0; i < sizeof(sinks) / sizeof(sinks[0]); i++) {
		scmi_server_init(&srv, sim_platform_ops(), f->p);
		if (sinks[i])
			scmi_server_set_p2a(&srv, sinks[i], f);
		/* Clock PROTOCOL_ATTRIBUTES on channel 2: no async RATE_SET. */
		n = scmi_server_process_p2a(&srv, 2, scmi_hdr_make(0x14, 0x1, 0, 1), NULL, 0, out,
					    sizeof(out), &dl);
		assert_int_equal(n, 8);
		assert_int_equal(u32_at(out, 0), 0);
		assert_int_equal((u32_at(out, 4) >> 16) & 0xff, 0);
		/* BASE_NOTIFY_ERRORS: nowhere to deliver the event. */
		scmi_put_le32(in, 1);
		n = scmi_server_process_p2a(&srv, 2, scmi_hdr_make(0x10, 0x8, 0, 1), in, 4, out,
					    sizeof(out), &dl);
		assert_int_equal(n, 4);
		assert_int_equal(u32_at(out, 0), (uint32_t)SCMI_NOT_SUPPORTED);
	}
	assert_int_equal(f->n, 0);
}

/* One async command: sync SUCCESS alone, then type 2 with the same token and ids. */
static void expect_delayed(struct fx *f, uint32_t ch, uint8_t proto, uint8_t msg,
			   const uint32_t *args, size_t nargs, size_t values_len, uint32_t first)
{
	uint8_t out[SCMI_SERVER_MAX_PAYLOAD];
	struct scmi_server_delayed dl;
	size_t n;

	assert_int_equal(call(f, ch, proto, msg, 0x2a5, args, nargs, out, &n, &dl), 0);
	assert_int_equal(n, 4);
	assert_true(dl.pending);
	assert_int_equal(dl.hdr, scmi_hdr_make(proto, msg, SCMI_MSG_TYPE_DELAYED_RESP, 0x2a5));
	assert_int_equal(u32_at(dl.payload, 0), 0);
	assert_int_equal(dl.len, 4 + values_len);
	assert_int_equal(u32_at(dl.payload, 4), first);
	assert_int_equal(scmi_server_send_delayed(&f->srv, ch, &dl), 0);
	assert_false(dl.pending);
	assert_int_equal(f->sent[f->n - 1].channel, ch);
	assert_int_equal(f->sent[f->n - 1].len, 4 + 4 + values_len);
	assert_int_equal(u32_at(f->sent[f->n - 1].buf, 0), dl.hdr);

	/* The same request without a P2A path completes synchronously, no delayed response. */
	call(f, 0, proto, msg, 0x2a5, args, nargs, out, &n, &dl);
	assert_false(dl.pending);
}

static void test_delayed(void **state)
{
	struct fx *f = *state;
	const uint32_t clock[] = {1, 1, 0, 0}; /* async, clock 1, rate from DESCRIBE below */
	uint32_t args[4];
	uint8_t out[SCMI_SERVER_MAX_PAYLOAD];
	struct scmi_server_delayed dl;
	size_t n;

	/* CLOCK_RATE_SET async of clock 1 (pll_cpu_little) to its current rate. */
	call(f, 1, 0x14, 0x6, 1, &clock[1], 1, out, &n, &dl);
	memcpy(args, clock, sizeof(args));
	args[2] = u32_at(out, 4);
	args[3] = u32_at(out, 8);
	expect_delayed(f, 1, 0x14, 0x5, args, 4, 12, 1);
	/* RESET async + autonomous of domain 0. */
	args[0] = 0;
	args[1] = (1u << 2) | 1u;
	args[2] = 0;
	expect_delayed(f, 2, 0x16, 0x4, args, 3, 4, 0);
	/* SENSOR_READING_GET async of sensor 0: sensor_id + one reading. */
	args[0] = 0;
	args[1] = 1;
	expect_delayed(f, 2, 0x15, 0x6, args, 2, 4 + 16, 0);
	/* VOLTAGE_LEVEL_SET async of domain 0 to 850 mV. */
	args[0] = 0;
	args[1] = 1;
	args[2] = 850000;
	expect_delayed(f, 1, 0x17, 0x7, args, 3, 8, 0);
	/* POWERCAP_CAP_SET async of zone 0 to 3000 mW. */
	args[0] = 0;
	args[1] = 2;
	args[2] = 3000;
	expect_delayed(f, 1, 0x18, 0x5, args, 3, 8, 0);
	/* Async with "no delayed response": synchronous. */
	args[1] = 3;
	args[2] = 3050;
	assert_int_equal(call(f, 1, 0x18, 0x5, 3, args, 3, out, &n, &dl), 0);
	assert_false(dl.pending);
	/* A failing async request: the error is in the delayed response, not here. */
	args[0] = 0;
	args[1] = 1;
	args[2] = 850000 + 5; /* off the step grid: refused before the request is accepted */
	assert_int_not_equal(call(f, 1, 0x17, 0x7, 3, args, 3, out, &n, &dl), 0);
	assert_false(dl.pending);
}

/*
 * The delayed response carries the operation's latency as the platform gives it, so that a
 * transport can model time without parsing the message: a reset domain's latency, a clock's
 * enable latency (the time to relock), 0 where the platform says nothing.
 */
static void test_delayed_latency(void **state)
{
	struct fx *f = *state;
	const uint32_t mmc0[] = {4, (1u << 2) | 1u, 0}; /* RESET domain 4, async autonomous */
	const uint32_t usb[] = {5, (1u << 2) | 1u, 0};	/* domain 5: latency not documented */
	uint32_t rate_set[4] = {1, 1, 0, 0};		/* CLOCK_RATE_SET async, clock 1 */
	uint8_t out[SCMI_SERVER_MAX_PAYLOAD];
	struct scmi_server_delayed dl;
	size_t n;

	assert_int_equal(call(f, 1, 0x16, 0x4, 7, mmc0, 3, out, &n, &dl), 0);
	assert_true(dl.pending);
	assert_int_equal(dl.latency_us, 100);
	assert_int_equal(call(f, 1, 0x16, 0x4, 8, usb, 3, out, &n, &dl), 0);
	assert_true(dl.pending);
	assert_int_equal(dl.latency_us, 0);
	assert_int_equal(call(f, 1, 0x14, 0x6, 9, &rate_set[1], 1, out, &n, &dl), 0);
	rate_set[2] = u32_at(out, 4);
	rate_set[3] = u32_at(out, 8);
	assert_int_equal(call(f, 1, 0x14, 0x5, 10, rate_set, 4, out, &n, &dl), 0);
	assert_true(dl.pending);
	assert_int_equal(dl.latency_us, 50);
	/* A synchronous command leaves no latency behind. */
	rate_set[0] = 0;
	assert_int_equal(call(f, 1, 0x14, 0x5, 11, rate_set, 4, out, &n, &dl), 0);
	assert_false(dl.pending);
}

static const struct sent *last(struct fx *f)
{
	assert_true(f->n > 0);
	return &f->sent[f->n - 1];
}

static void expect_notif(const struct sent *s, uint32_t ch, uint8_t proto, uint8_t msg,
			 size_t payload_len)
{
	assert_int_equal(s->channel, ch);
	assert_int_equal(u32_at(s->buf, 0),
			 scmi_hdr_make(proto, msg, SCMI_MSG_TYPE_NOTIFICATION, 0));
	assert_int_equal(s->len, 4 + payload_len);
}

static void test_power_notify(void **state)
{
	struct fx *f = *state;

	/* vm1 subscribes to domain 4 (video); linux (OP-TEE, channel 0) turns it on. */
	assert_int_equal(CALL(f, 2, 0x11, 0x6, 4, 1), 0);
	assert_int_equal(CALL(f, 0, 0x11, 0x4, 0, 4, 0x00000000), 0);
	assert_int_equal(f->n, 1);
	expect_notif(last(f), 2, 0x11, 0x0, 12);
	assert_int_equal(u32_at(last(f)->buf, 4), 1); /* caused by linux */
	assert_int_equal(u32_at(last(f)->buf, 8), 4);
	assert_int_equal(u32_at(last(f)->buf, 12), 0);
	/* Unsubscribed: nothing more. */
	assert_int_equal(CALL(f, 2, 0x11, 0x6, 4, 0), 0);
	assert_int_equal(CALL(f, 0, 0x11, 0x4, 0, 4, 0x40000000), 0);
	assert_int_equal(f->n, 1);
}

static void test_perf_clock_notify(void **state)
{
	struct fx *f = *state;
	size_t before;

	/* vm1 watches perf domain 0 level and limits, linux watches clock 5 (cpu_little). */
	assert_int_equal(CALL(f, 2, 0x13, 0xa, 0, 1), 0);
	assert_int_equal(CALL(f, 2, 0x13, 0x9, 0, 1), 0);
	assert_int_equal(CALL(f, 1, 0x14, 0x9, 5, 1), 0);
	before = f->n;
	/* linux (channel 0, no P2A) caps the levels to the lowest OPP: limits then level. */
	{
		uint8_t out[SCMI_SERVER_MAX_PAYLOAD];
		struct scmi_server_delayed dl;
		const uint32_t idx[] = {0, 0};
		size_t n;
		uint32_t lowest;

		assert_int_equal(call(f, 0, 0x13, 0x4, 1, idx, 2, out, &n, &dl), 0);
		lowest = u32_at(out, 8);
		assert_int_equal(CALL(f, 0, 0x13, 0x5, 0, lowest, lowest), 0);
	}
	assert_true(f->n > before);
	bool limits = false, level = false, clock = false;

	for (size_t i = before; i < f->n; i++) {
		const struct sent *s = &f->sent[i];
		uint32_t h = u32_at(s->buf, 0);

		if (h == scmi_hdr_make(0x13, 0x0, 3, 0)) {
			expect_notif(s, 2, 0x13, 0x0, 16);
			limits = true;
		} else if (h == scmi_hdr_make(0x13, 0x1, 3, 0)) {
			expect_notif(s, 2, 0x13, 0x1, 12);
			level = true;
		} else if (h == scmi_hdr_make(0x14, 0x0, 3, 0)) {
			expect_notif(s, 1, 0x14, 0x0, 16);
			assert_int_equal(u32_at(s->buf, 8), 5);
			clock = true;
		}
	}
	assert_true(limits);
	assert_true(level);
	assert_true(clock);
}

static void test_reset_powercap_notify(void **state)
{
	struct fx *f = *state;

	assert_int_equal(CALL(f, 2, 0x16, 0x5, 0, 1), 0);
	assert_int_equal(CALL(f, 0, 0x16, 0x4, 0, 1, 0), 0);
	assert_int_equal(f->n, 1);
	expect_notif(last(f), 2, 0x16, 0x0, 12);
	assert_int_equal(CALL(f, 1, 0x18, 0xa, 0, 1), 0);
	assert_int_equal(CALL(f, 0, 0x18, 0x5, 0, 0, 2000), 0);
	assert_int_equal(f->n, 2);
	expect_notif(last(f), 1, 0x18, 0x0, 16);
	assert_int_equal(u32_at(last(f)->buf, 12), 2000);
}

static void test_trip_point_virtual_time(void **state)
{
	struct fx *f = *state;
	uint8_t out[SCMI_SERVER_MAX_PAYLOAD];
	struct scmi_server_delayed dl;
	const uint32_t id[] = {0, 0};
	int64_t now;
	size_t n;

	sim_platform_set_virtual_time(f->p, true);
	/* SoC temperature now, then a trip point 2 degrees above it, both directions. */
	assert_int_equal(call(f, 2, 0x15, 0x6, 1, id, 2, out, &n, &dl), 0);
	now = (int64_t)((uint64_t)u32_at(out, 4) | ((uint64_t)u32_at(out, 8) << 32));
	assert_int_equal(CALL(f, 2, 0x15, 0x5, 0, 3, (uint32_t)(now + 2000),
			      (uint32_t)((uint64_t)(now + 2000) >> 32)),
			 0);
	assert_int_equal(CALL(f, 2, 0x15, 0x4, 0, 1), 0);
	assert_int_equal(f->n, 0);
	/* Ambient up 20 degrees: nothing until time moves on. */
	assert_int_equal(sim_sensor_set_ambient(f->p, f->p->sensor->ambient_mc + 20000), 0);
	assert_int_equal(sim_platform_advance_time(f->p, 60 * UINT64_C(1000000)), 0);
	sim_events_time_check(f->p);
	assert_int_equal(f->n, 1);
	expect_notif(last(f), 2, 0x15, 0x0, 12);
	assert_int_equal(u32_at(last(f)->buf, 4), 0);	      /* the platform */
	assert_int_equal(u32_at(last(f)->buf, 8), 0);	      /* sensor */
	assert_int_equal(u32_at(last(f)->buf, 12), 1u << 16); /* trip 0, rising */
}

static void test_graceful_shutdown(void **state)
{
	struct fx *f = *state;

	/* vm1 subscribes; linux does not: only vm1 hears the request. */
	assert_int_equal(CALL(f, 2, 0x12, 0x5, 1), 0);
	assert_int_equal(sim_system_request(f->p, SCMI_SYSTEM_STATE_SHUTDOWN, true), 0);
	assert_int_equal(f->n, 1);
	expect_notif(last(f), 2, 0x12, 0x0, 16);
	assert_int_equal(u32_at(last(f)->buf, 4), 0);
	assert_int_equal(u32_at(last(f)->buf, 8), 1);
	assert_int_equal(u32_at(last(f)->buf, 12), SCMI_SYSTEM_STATE_SHUTDOWN);
	assert_int_equal(u32_at(last(f)->buf, 16), 2000);
	/* An agent that negotiated 1.0 gets the 12-byte layout. */
	assert_int_equal(CALL(f, 2, 0x12, 0x10, 0x10000), 0);
	assert_int_equal(sim_system_request(f->p, SCMI_SYSTEM_STATE_COLD_RESET, false), 0);
	assert_int_equal(f->n, 2);
	expect_notif(last(f), 2, 0x12, 0x0, 12);
	assert_int_equal(u32_at(last(f)->buf, 8), 0);
	/* Only the notifier has a 1.0 layout: any other System event goes whole. */
	assert_int_equal(scmi_server_notify(&f->srv, 2, 0x12, 0x1, (const uint8_t[16]){1}, 16), 1);
	assert_int_equal(f->n, 3);
	expect_notif(last(f), 2, 0x12, 0x1, 16);
	/* Unsubscribed: nothing. */
	assert_int_equal(CALL(f, 2, 0x12, 0x5, 0), 0);
	assert_int_equal(sim_system_request(f->p, SCMI_SYSTEM_STATE_SHUTDOWN, true), 0);
	assert_int_equal(f->n, 3);
	assert_int_equal(sim_system_request(f->p, 77, true), -EINVAL);
}

static void test_notify_bad_args(void **state)
{
	struct fx *f = *state;
	uint8_t b[4] = {0};

	assert_int_equal(scmi_server_notify(&f->srv, 0, 0x11, 0, b, 4), -SCMI_SERVER_EINVAL);
	assert_int_equal(scmi_server_notify(&f->srv, 1, 0x11, 0, NULL, 4), -SCMI_SERVER_EINVAL);
	assert_int_equal(scmi_server_notify(&f->srv, 1, 0x11, 0, b, SCMI_SERVER_MAX_PAYLOAD + 1),
			 -SCMI_SERVER_EINVAL);
	assert_int_equal(scmi_server_notify(&f->srv, 3, 0x11, 0, b, 4), -SCMI_SERVER_ENOTCONN);
	assert_int_equal(scmi_server_notify(&f->srv, 1, 0x11, 0, b, 4), 1);
}

/*
 * An agent that never spoke System gets the notifier at the platform's version, in its
 * current layout (with the timeout word), not at the oldest version the server knows.
 */
static void test_notifier_unasked_agent(void **state)
{
	struct fx *f = *state;

	assert_int_equal(scmi_server_notify(&f->srv, 1, 0x12, 0x0, (const uint8_t[16]){1}, 16), 1);
	assert_int_equal(f->n, 1);
	expect_notif(last(f), 1, 0x12, 0x0, 16);
}

/*
 * A delayed response is the caller's storage: one whose length was spoilt past its payload is
 * refused and nothing is sent, and it is no longer pending; one at the limit goes whole.
 */
static void test_delayed_bad_length(void **state)
{
	struct fx *f = *state;
	static struct scmi_server_delayed dl;

	memset(&dl, 0x3c, sizeof(dl));
	dl.pending = true;
	dl.hdr = scmi_hdr_make(0x14, 0x5, SCMI_MSG_TYPE_DELAYED_RESP, 7);
	dl.len = SCMI_SERVER_MAX_PAYLOAD + 1;
	assert_int_equal(scmi_server_send_delayed(&f->srv, 2, &dl), -SCMI_SERVER_EINVAL);
	assert_false(dl.pending);
	assert_int_equal(f->n, 0);
	/* The sink's refusal comes back as it is; any other answer, a count taken, is success. */
	dl.pending = true;
	dl.len = 4;
	f->send_rc = -5;
	assert_int_equal(scmi_server_send_delayed(&f->srv, 2, &dl), -5);
	dl.pending = true;
	f->send_rc = 1;
	assert_int_equal(scmi_server_send_delayed(&f->srv, 2, &dl), 0);
	f->send_rc = 0;
	dl.pending = true;
	dl.len = SCMI_SERVER_MAX_PAYLOAD;
	assert_int_equal(scmi_server_send_delayed(&f->srv, 2, &dl), 0);
	assert_int_equal(f->n, 3);
	assert_int_equal(last(f)->channel, 2);
	assert_int_equal(last(f)->len, 4 + SCMI_SERVER_MAX_PAYLOAD);
	assert_int_equal(u32_at(last(f)->buf, 0), dl.hdr);
	assert_memory_equal(last(f)->buf + 4, dl.payload, SCMI_SERVER_MAX_PAYLOAD);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(test_attributes, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_attributes_without_sink, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_delayed, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_delayed_latency, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_delayed_bad_length, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_notifier_unasked_agent, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_power_notify, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_perf_clock_notify, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_reset_powercap_notify, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_trip_point_virtual_time, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_graceful_shutdown, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_notify_bad_args, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
