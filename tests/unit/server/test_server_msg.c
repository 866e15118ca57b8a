// SPDX-License-Identifier: BSD-3-Clause
/*
 * The MSG entry: parameter checks (nothing written on refusal), header echo,
 * out size update, in == out aliasing, and never a byte past *out_size.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "fake_platform.h"
#include "scmi/proto/base.h"
#include "scmi/proto/ids.h"
#include "scmi/proto/msg.h"
#include "scmi/proto/pta.h"
#include "scmi/proto/status.h"
#include "server_test.h"

struct fixture {
	struct fake_platform fp;
	struct scmi_server srv;
	struct reply r;
	_Alignas(8) uint8_t in[512];
	_Alignas(8) uint8_t out[512];
};

static int setup(void **state)
{
	static struct fixture f;

	fake_platform_init(&f.fp);
	scmi_server_init(&f.srv, fake_platform_ops(), &f.fp);
	memset(f.in, 0, sizeof(f.in));
	memset(f.out, CANARY, sizeof(f.out));
	*state = &f;
	return 0;
}

#define FIX() struct fixture *f = *state

static void expect_untouched(const uint8_t *p, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		assert_int_equal(p[i], CANARY);
}

static void test_version(void **state)
{
	FIX();
	uint32_t hdr = scmi_hdr_make(0x10, 0, 0, 0x3ff);
	size_t out_size = PTA_SCMI_LINUX_MSG_BUF_SIZE;

	scmi_put_le32(f->in, hdr);
	assert_int_equal(
	    scmi_server_process_msg(&f->srv, FAKE_CH_AGENT1, f->in, 4, f->out, &out_size),
	    SCMI_SERVER_OK);
	assert_int_equal(out_size, 12);
	assert_int_equal(scmi_get_le32(f->out), hdr);
	assert_int_equal(scmi_get_le32(f->out + 4), SCMI_SUCCESS);
	assert_int_equal(scmi_get_le32(f->out + 8), SCMI_BASE_VERSION_2_1);
	expect_untouched(f->out + 12, sizeof(f->out) - 12);
}

static void test_matches_raw(void **state)
{
	FIX();
	size_t out_size = PTA_SCMI_LINUX_MSG_BUF_SIZE;

	scmi_put_le32(f->in, scmi_hdr_make(0x10, SCMI_MSG_BASE_DISCOVER_AGENT, 0, 5));
	scmi_put_le32(f->in + 4, 0);
	assert_int_equal(
	    scmi_server_process_msg(&f->srv, FAKE_CH_AGENT2, f->in, 8, f->out, &out_size),
	    SCMI_SERVER_OK);
	assert_int_equal(
	    base_call(&f->srv, FAKE_CH_AGENT2, SCMI_MSG_BASE_DISCOVER_AGENT, f->in + 4, 4, &f->r),
	    SCMI_SUCCESS);
	assert_int_equal(out_size, 4 + f->r.len);
	assert_memory_equal(f->out + 4, f->r.buf, f->r.len);
}

static void expect_params_error(struct fixture *f, const void *in, size_t in_size, void *out,
				size_t out_size)
{
	size_t size = out_size;

	memset(f->out, CANARY, sizeof(f->out));
	assert_int_equal(scmi_server_process_msg(&f->srv, FAKE_CH_AGENT1, in, in_size, out, &size),
			 SCMI_SERVER_ERR_PARAMS);
	assert_int_equal(size, out_size);
	expect_untouched(f->out, sizeof(f->out));
}

static void test_bad_params(void **state)
{
	FIX();

	scmi_put_le32(f->in, scmi_hdr_make(0x10, 0, 0, 1));
	scmi_put_le32(f->in + 4, scmi_hdr_make(0x10, 0, 0, 1));
	/* Short or oversized request. */
	expect_params_error(f, f->in, 0, f->out, 64);
	expect_params_error(f, f->in, 3, f->out, 64);
	expect_params_error(f, f->in, 4 + SCMI_SERVER_MAX_PAYLOAD + 1, f->out, 64);
	expect_params_error(f, f->in, SIZE_MAX, f->out, 64);
	/* Out too small for header + status. */
	expect_params_error(f, f->in, 4, f->out, 0);
	expect_params_error(f, f->in, 4, f->out, 7);
	/* Misaligned buffers. */
	expect_params_error(f, f->in + 1, 4, f->out, 64);
	expect_params_error(f, f->in + 2, 4, f->out, 64);
	expect_params_error(f, f->in, 4, f->out + 1, 64);
	expect_params_error(f, f->in, 4, f->out + 3, 64);
	/* Missing buffers. */
	expect_params_error(f, NULL, 4, f->out, 64);
	expect_params_error(f, f->in, 4, NULL, 64);
	assert_int_equal(scmi_server_process_msg(&f->srv, FAKE_CH_AGENT1, f->in, 4, f->out, NULL),
			 SCMI_SERVER_ERR_PARAMS);
	expect_untouched(f->out, sizeof(f->out));
	/* The largest request is accepted (and is the wrong size for VERSION). */
	{
		size_t size = 64;

		assert_int_equal(scmi_server_process_msg(&f->srv, FAKE_CH_AGENT1, f->in,
							 4 + SCMI_SERVER_MAX_PAYLOAD, f->out,
							 &size),
				 SCMI_SERVER_OK);
		assert_int_equal(size, 8);
		assert_int_equal(scmi_get_le32(f->out + 4), (uint32_t)SCMI_PROTOCOL_ERROR);
	}
}

static void test_unknown_channel(void **state)
{
	FIX();
	size_t size = 64;

	scmi_put_le32(f->in, scmi_hdr_make(0x10, 0, 0, 1));
	assert_int_equal(scmi_server_process_msg(&f->srv, FAKE_CH_UNKNOWN, f->in, 4, f->out, &size),
			 SCMI_SERVER_ERR_CHANNEL);
	assert_int_equal(size, 64);
	expect_untouched(f->out, sizeof(f->out));
}

/*
 * No channel at all: a platform without channel_agent, no platform, and a server never
 * initialised (zeroed storage) refuse every message and write nothing.
 */
static void test_no_channels(void **state)
{
	FIX();
	struct scmi_server_platform_ops no_channel_agent = *fake_platform_ops();
	struct scmi_server srv;
	size_t size;
	int i;

	no_channel_agent.channel_agent = NULL;
	scmi_put_le32(f->in, scmi_hdr_make(0x10, 0, 0, 1));
	for (i = 0; i < 3; i++) {
		if (i == 0)
			scmi_server_init(&srv, &no_channel_agent, &f->fp);
		else if (i == 1)
			scmi_server_init(&srv, NULL, &f->fp);
		else
			memset(&srv, 0, sizeof(srv));
		size = 64;
		assert_int_equal(
		    scmi_server_process_msg(&srv, FAKE_CH_AGENT1, f->in, 4, f->out, &size),
		    SCMI_SERVER_ERR_CHANNEL);
		assert_int_equal(size, 64);
		expect_untouched(f->out, sizeof(f->out));
	}
}

static void test_small_out(void **state)
{
	FIX();
	size_t size;

	/* 8 bytes: room for the status only, VERSION does not fit. */
	scmi_put_le32(f->in, scmi_hdr_make(0x10, 0, 0, 1));
	size = 8;
	assert_int_equal(scmi_server_process_msg(&f->srv, FAKE_CH_AGENT1, f->in, 4, f->out, &size),
			 SCMI_SERVER_OK);
	assert_int_equal(size, 8);
	assert_int_equal(scmi_get_le32(f->out + 4), (uint32_t)SCMI_PROTOCOL_ERROR);
	expect_untouched(f->out + 8, sizeof(f->out) - 8);
	/* Vendor needs 4 + 4 + 16 = 24. */
	scmi_put_le32(f->in, scmi_hdr_make(0x10, SCMI_MSG_BASE_DISCOVER_VENDOR, 0, 1));
	size = 23;
	memset(f->out, CANARY, sizeof(f->out));
	assert_int_equal(scmi_server_process_msg(&f->srv, FAKE_CH_AGENT1, f->in, 4, f->out, &size),
			 SCMI_SERVER_OK);
	assert_int_equal(size, 8);
	expect_untouched(f->out + 8, sizeof(f->out) - 8);
	size = 24;
	assert_int_equal(scmi_server_process_msg(&f->srv, FAKE_CH_AGENT1, f->in, 4, f->out, &size),
			 SCMI_SERVER_OK);
	assert_int_equal(size, 24);
	assert_memory_equal(f->out + 8, "Linaro\0\0\0\0\0\0\0\0\0\0", 16);
	expect_untouched(f->out + 24, sizeof(f->out) - 24);
}

static void test_in_out_same_buffer(void **state)
{
	FIX();
	uint32_t hdr = scmi_hdr_make(0x10, SCMI_MSG_BASE_DISCOVER_AGENT, 0, 0x77);
	size_t size = PTA_SCMI_LINUX_MSG_BUF_SIZE;
	uint8_t expect[28] = {0};

	scmi_put_le32(f->out, hdr);
	scmi_put_le32(f->out + 4, 0xffffffffu);
	assert_int_equal(scmi_server_process_msg(&f->srv, FAKE_CH_AGENT1, f->out, 8, f->out, &size),
			 SCMI_SERVER_OK);
	scmi_put_le32(expect, hdr);
	scmi_put_le32(expect + 8, 1);
	memcpy(expect + 12, "agent-one", sizeof("agent-one")); /* NUL-padded name */
	assert_int_equal(size, 28);
	assert_memory_equal(f->out, expect, sizeof(expect));
}

/* Exactly-sized heap buffers: ASan reports any access past them. */
static void test_exact_heap_buffers(void **state)
{
	FIX();
	uint8_t *in = aligned_alloc(4, 8);
	uint8_t *out = aligned_alloc(4, 28);
	size_t size = 28;

	assert_non_null(in);
	assert_non_null(out);
	scmi_put_le32(in, scmi_hdr_make(0x10, SCMI_MSG_BASE_DISCOVER_AGENT, 0, 1));
	scmi_put_le32(in + 4, 2);
	assert_int_equal(scmi_server_process_msg(&f->srv, FAKE_CH_AGENT1, in, 8, out, &size),
			 SCMI_SERVER_OK);
	assert_int_equal(size, 28);
	assert_int_equal(scmi_get_le32(out + 8), 2);
	/* A list reply in a tiny out: paged, not overflowed. */
	scmi_put_le32(in, scmi_hdr_make(0x10, SCMI_MSG_BASE_DISCOVER_LIST_PROTOCOLS, 0, 1));
	scmi_put_le32(in + 4, 0);
	size = 16;
	assert_int_equal(scmi_server_process_msg(&f->srv, FAKE_CH_AGENT1, in, 8, out, &size),
			 SCMI_SERVER_OK);
	assert_int_equal(size, 16);
	assert_int_equal(scmi_get_le32(out + 8), 4);
	free(in);
	free(out);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup(test_version, setup),
	    cmocka_unit_test_setup(test_matches_raw, setup),
	    cmocka_unit_test_setup(test_bad_params, setup),
	    cmocka_unit_test_setup(test_unknown_channel, setup),
	    cmocka_unit_test_setup(test_no_channels, setup),
	    cmocka_unit_test_setup(test_small_out, setup),
	    cmocka_unit_test_setup(test_in_out_same_buffer, setup),
	    cmocka_unit_test_setup(test_exact_heap_buffers, setup),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
