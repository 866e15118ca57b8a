// SPDX-License-Identifier: BSD-3-Clause
/*
 * The simulated platform never contradicts itself (issue 16 item 5), seen
 * through the server over the default platform with a recording P2A sink:
 * level-indexing domains notify OPP indices.
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
#include "scmi/proto/endian.h"
#include "scmi/proto/header.h"
#include "scmi/server/server.h"

#define MAX_SENT 32

/* Resources of the default platform (platforms/default-*.dtsi). */
#define PERF_CPU_BIG 1u
#define PERF_GPU     2u

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

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(test_level_indexing_notifications, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
