// SPDX-License-Identifier: BSD-3-Clause
/*
 * A hostile agent: while the server processes messages, another thread keeps
 * rewriting the shared memory (status, length, header, payload) with random
 * words. The server must never read or write outside the buffer it was given
 * (ASan; canaries around the buffer), never crash, and every invoke must
 * still come back with a TEE verdict the PTA's ABI allows. Runs in each of
 * the three ways messages reach the server: static SMT, SMT in a memref, MSG.
 */
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "scmi/proto/base.h"
#include "scmi/proto/header.h"
#include "scmi/proto/ids.h"
#include "scmi/proto/pta.h"
#include "scmi/proto/smt.h"
#include "secure/secure_world.h"
#include "secure/tee_core.h"

#define ITERATIONS 20000
#define REGION0	   0x3f000000ull
#define REGION1	   0x3f000080ull
#define AREA	   128u
#define BUF_SIZE   1024u
#define CANARY	   0xa5

struct hostile {
	struct secure_world *world;
	struct optee_sim_client *client;
	uint32_t session;
	uint8_t *buf; /* registered shared memory */
	int shm;
	/* What the scribbler thread rewrites, and until when. */
	volatile uint32_t *target;
	size_t target_words;
	int stop;
	pthread_t thread;
};

static void *scribbler(void *opaque)
{
	struct hostile *h = opaque;
	uint32_t x = 0x12345678u;

	while (!__atomic_load_n(&h->stop, __ATOMIC_RELAXED)) {
		/* xorshift: cheap, and every bit pattern of every word shows up. */
		x ^= x << 13;
		x ^= x >> 17;
		x ^= x << 5;
		__atomic_store_n(&h->target[x % h->target_words], x, __ATOMIC_RELAXED);
	}
	return NULL;
}

static void scribble_start(struct hostile *h, void *target, size_t bytes)
{
	h->target = target;
	h->target_words = bytes / 4;
	h->stop = 0;
	assert_int_equal(pthread_create(&h->thread, NULL, scribbler, h), 0);
}

static void scribble_stop(struct hostile *h)
{
	__atomic_store_n(&h->stop, 1, __ATOMIC_RELAXED);
	pthread_join(h->thread, NULL);
}

static int setup(void **state)
{
	static const uint8_t uuid[] = PTA_SCMI_UUID_BYTES;
	struct optee_sim_cred cred = {.kernel_login_allowed = true};
	struct tee_open_session_arg arg = {.clnt_login = TEE_LOGIN_REE_KERNEL};
	struct hostile *h = calloc(1, sizeof(*h));
	char err[256];

	assert_non_null(h);
	assert_int_equal(secure_world_create(PLATFORM_DTB, NULL, &h->world, err, sizeof(err)), 0);
	h->client = optee_sim_client_new(secure_world_core(h->world), &cred);
	assert_non_null(h->client);
	memcpy(arg.uuid, uuid, sizeof(uuid));
	assert_int_equal(optee_sim_open_session(h->client, &arg, NULL, 0), 0);
	assert_int_equal(arg.ret, TEE_SUCCESS);
	h->session = arg.session;
	h->buf = aligned_alloc(64, BUF_SIZE);
	assert_non_null(h->buf);
	memset(h->buf, CANARY, BUF_SIZE);
	h->shm = optee_sim_shm_register(h->client, h->buf, BUF_SIZE, NULL, NULL);
	assert_true(h->shm >= 0);
	*state = h;
	return 0;
}

static int teardown(void **state)
{
	struct hostile *h = *state;

	optee_sim_client_free(h->client);
	secure_world_destroy(h->world);
	free(h->buf);
	free(h);
	return 0;
}

static uint32_t invoke(struct hostile *h, uint32_t cmd, struct tee_ioctl_param *p, size_t n)
{
	struct tee_invoke_arg arg = {.func = cmd, .session = h->session};

	assert_int_equal(optee_sim_invoke(h->client, &arg, p, n), 0);
	return arg.ret;
}

/* A well-formed request, different each time, so that the scribbler races real work. */
static void put_request(volatile uint8_t *smt, unsigned int i)
{
	static const uint8_t msgs[] = {SCMI_MSG_PROTOCOL_VERSION, SCMI_MSG_BASE_DISCOVER_VENDOR,
				       SCMI_MSG_BASE_DISCOVER_LIST_PROTOCOLS,
				       SCMI_MSG_BASE_DISCOVER_AGENT};
	uint8_t msg = msgs[i % sizeof(msgs)];
	uint32_t len =
	    msg == SCMI_MSG_BASE_DISCOVER_LIST_PROTOCOLS || msg == SCMI_MSG_BASE_DISCOVER_AGENT ? 8
												: 4;

	scmi_smt_write32(smt, SCMI_SMT_OFF_STATUS, 0);
	scmi_smt_write32(smt, SCMI_SMT_OFF_LENGTH, len);
	scmi_smt_write32(smt, SCMI_SMT_OFF_HEADER,
			 scmi_hdr_make(SCMI_PROTOCOL_BASE, msg, 0, (uint16_t)i));
	scmi_smt_write32(smt, SCMI_SMT_OFF_PAYLOAD, 0);
}

static void test_static_smt_under_attack(void **state)
{
	struct hostile *h = *state;
	size_t size0 = 0, size1 = 0, i;
	uint8_t *area = secure_world_static_region(h->world, REGION0, &size0);
	uint8_t *other = secure_world_static_region(h->world, REGION1, &size1);
	struct tee_ioctl_param p = {.attr = TEE_PARAM_TYPE_VALUE_INPUT, .a = 0};

	assert_non_null(area);
	assert_non_null(other);
	assert_int_equal(size0, AREA);
	assert_int_equal(size1, AREA);
	/* Every other channel's area must come out of the attack unchanged. */
	memset(other, CANARY, AREA);
	scribble_start(h, area, AREA);
	for (i = 0; i < ITERATIONS; i++) {
		put_request(area, (unsigned int)i);
		/* Protocol trouble shows in the area, never as a TEE error. */
		assert_int_equal(invoke(h, PTA_SCMI_CMD_PROCESS_SMT_CHANNEL, &p, 1), TEE_SUCCESS);
	}
	scribble_stop(h);
	for (i = 0; i < AREA; i++)
		assert_int_equal(other[i], CANARY);
	/* Nor did the server write past the area (the rest of its page, past the object's end). */
	for (i = AREA; i < 4096; i++)
		assert_int_equal(area[i], 0);
	/* A well-behaved request still works afterwards. */
	put_request(area, 1);
	assert_int_equal(invoke(h, PTA_SCMI_CMD_PROCESS_SMT_CHANNEL, &p, 1), TEE_SUCCESS);
	assert_int_equal(scmi_smt_read32(area, SCMI_SMT_OFF_STATUS), SCMI_SMT_STATUS_FREE);
	assert_int_equal(scmi_smt_read32(area, SCMI_SMT_OFF_PAYLOAD), 0);
}

static void test_smt_memref_under_attack(void **state)
{
	struct hostile *h = *state;
	const size_t off = 256;
	struct tee_ioctl_param p[2] = {
	    {.attr = TEE_PARAM_TYPE_VALUE_INPUT, .a = 0},
	    {.attr = TEE_PARAM_TYPE_MEMREF_INOUT, .a = off, .b = AREA, .c = (uint64_t)h->shm},
	};
	size_t i;

	scribble_start(h, h->buf + off, AREA);
	for (i = 0; i < ITERATIONS; i++) {
		put_request(h->buf + off, (unsigned int)i);
		p[1].b = AREA;
		assert_int_equal(invoke(h, PTA_SCMI_CMD_PROCESS_SMT_CHANNEL_MESSAGE, p, 2),
				 TEE_SUCCESS);
	}
	scribble_stop(h);
	for (i = 0; i < BUF_SIZE; i++) {
		if (i < off || i >= off + AREA)
			assert_int_equal(h->buf[i], CANARY);
	}
}

static void test_msg_under_attack(void **state)
{
	struct hostile *h = *state;
	const size_t in_off = 0, out_off = 512, out_size = 112;
	struct tee_ioctl_param p[3] = {
	    {.attr = TEE_PARAM_TYPE_VALUE_INPUT, .a = 1},
	    {.attr = TEE_PARAM_TYPE_MEMREF_INPUT, .a = in_off, .c = (uint64_t)h->shm},
	    {.attr = TEE_PARAM_TYPE_MEMREF_OUTPUT, .a = out_off, .c = (uint64_t)h->shm},
	};
	size_t i;

	/* The attacker rewrites the request and the response while they are in use. */
	scribble_start(h, h->buf, out_off + out_size);
	for (i = 0; i < ITERATIONS; i++) {
		uint32_t hdr = scmi_hdr_make(SCMI_PROTOCOL_BASE, (uint8_t)(i % 8), 0, (uint16_t)i);

		memcpy(h->buf + in_off, &hdr, 4);
		p[1].b = 4 + (i % 3) * 4;
		p[2].b = out_size;
		assert_int_equal(invoke(h, PTA_SCMI_CMD_PROCESS_MSG_CHANNEL, p, 3), TEE_SUCCESS);
		/* The reply length reported is what the server wrote, within the buffer. */
		assert_true(p[2].b >= 8 && p[2].b <= out_size);
	}
	scribble_stop(h);
	for (i = out_off + out_size; i < BUF_SIZE; i++)
		assert_int_equal(h->buf[i], CANARY);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(test_static_smt_under_attack, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_smt_memref_under_attack, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_msg_under_attack, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
