// SPDX-License-Identifier: BSD-3-Clause
/*
 * The SMT entry: handover rules, length bounds, token echo, the copy-in
 * before parsing, and hostile lengths (run under ASan: areas are heap blocks
 * of their exact size, so any read or write past them is caught).
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
#include "scmi/proto/smt.h"
#include "scmi/proto/status.h"
#include "server_test.h"

struct fixture {
	struct fake_platform fp;
	struct scmi_server srv;
	struct reply r;
};

static int setup(void **state)
{
	static struct fixture f;

	fake_platform_init(&f.fp);
	scmi_server_init(&f.srv, fake_platform_ops(), &f.fp);
	*state = &f;
	return 0;
}

#define FIX() struct fixture *f = *state

/* An SMT area of exactly @size bytes on the heap, filled with a pattern. */
static uint8_t *area_new(size_t size)
{
	uint8_t *a = aligned_alloc(4, (size + 3) / 4 * 4);
	size_t i;

	assert_non_null(a);
	for (i = 0; i < size; i++)
		a[i] = (uint8_t)(0x40 + i);
	return a;
}

/* The agent's side of a handover: status 0, flags, length, header, payload. */
static void agent_write(uint8_t *a, uint32_t hdr, const void *payload, uint32_t length)
{
	scmi_put_le32(a + SCMI_SMT_OFF_STATUS, 0);
	scmi_put_le32(a + SCMI_SMT_OFF_FLAGS, 0);
	scmi_put_le32(a + SCMI_SMT_OFF_LENGTH, length);
	scmi_put_le32(a + SCMI_SMT_OFF_HEADER, hdr);
	if (payload && length > 4)
		memcpy(a + SCMI_SMT_OFF_PAYLOAD, payload, length - 4);
}

static uint32_t field(const uint8_t *a, size_t off)
{
	return scmi_get_le32(a + off);
}

static void test_version_roundtrip(void **state)
{
	FIX();
	uint8_t *a = area_new(128);
	uint32_t hdr = scmi_hdr_make(0x10, 0, 0, 0x2a5);

	agent_write(a, hdr, NULL, 4);
	assert_int_equal(scmi_server_process_smt(&f->srv, FAKE_CH_AGENT1, a, 128), SCMI_SERVER_OK);
	assert_int_equal(field(a, SCMI_SMT_OFF_STATUS), SCMI_SMT_STATUS_FREE);
	assert_int_equal(field(a, SCMI_SMT_OFF_HEADER), hdr);
	assert_int_equal(field(a, SCMI_SMT_OFF_LENGTH), 12);
	assert_int_equal(field(a, SCMI_SMT_OFF_PAYLOAD), SCMI_SUCCESS);
	assert_int_equal(field(a, SCMI_SMT_OFF_PAYLOAD + 4), SCMI_BASE_VERSION_2_1);
	/* Bytes after the reply are untouched. */
	assert_int_equal(a[SCMI_SMT_OFF_PAYLOAD + 8], (uint8_t)(0x40 + SCMI_SMT_OFF_PAYLOAD + 8));
	free(a);
}

static void test_discover_agent_matches_raw(void **state)
{
	FIX();
	uint8_t *a = area_new(128);
	uint8_t in[4];
	uint32_t hdr = scmi_hdr_make(0x10, SCMI_MSG_BASE_DISCOVER_AGENT, 0, 7);

	scmi_put_le32(in, 0xffffffffu);
	agent_write(a, hdr, in, 8);
	assert_int_equal(scmi_server_process_smt(&f->srv, FAKE_CH_AGENT2, a, 128), SCMI_SERVER_OK);
	assert_int_equal(
	    base_call(&f->srv, FAKE_CH_AGENT2, SCMI_MSG_BASE_DISCOVER_AGENT, in, 4, &f->r),
	    SCMI_SUCCESS);
	assert_int_equal(field(a, SCMI_SMT_OFF_LENGTH), 4 + f->r.len);
	assert_memory_equal(a + SCMI_SMT_OFF_PAYLOAD, f->r.buf, f->r.len);
	free(a);
}

static void expect_refused(struct fixture *f, uint8_t *a, size_t size)
{
	uint8_t *before = malloc(size);

	assert_non_null(before);
	memcpy(before, a, size);
	assert_int_equal(scmi_server_process_smt(&f->srv, FAKE_CH_AGENT1, a, size),
			 SCMI_SERVER_ERR_SMT);
	assert_int_equal(field(a, SCMI_SMT_OFF_STATUS),
			 SCMI_SMT_STATUS_ERROR | SCMI_SMT_STATUS_FREE);
	/* Nothing but the status word changed. */
	assert_memory_equal(a, before, SCMI_SMT_OFF_STATUS);
	assert_memory_equal(a + 8, before + 8, size - 8);
	free(before);
}

static void test_not_handed_over(void **state)
{
	FIX();
	uint8_t *a = area_new(128);
	static const uint32_t bad_status[] = {SCMI_SMT_STATUS_FREE, SCMI_SMT_STATUS_ERROR,
					      SCMI_SMT_STATUS_FREE | SCMI_SMT_STATUS_ERROR,
					      0xffffffffu};
	size_t i;

	for (i = 0; i < sizeof(bad_status) / sizeof(bad_status[0]); i++) {
		agent_write(a, scmi_hdr_make(0x10, 0, 0, 1), NULL, 4);
		scmi_put_le32(a + SCMI_SMT_OFF_STATUS, bad_status[i]);
		expect_refused(f, a, 128);
	}
	/* Other status bits do not block a handover. */
	agent_write(a, scmi_hdr_make(0x10, 0, 0, 1), NULL, 4);
	scmi_put_le32(a + SCMI_SMT_OFF_STATUS, 0x100);
	assert_int_equal(scmi_server_process_smt(&f->srv, FAKE_CH_AGENT1, a, 128), SCMI_SERVER_OK);
	free(a);
}

static void test_bad_lengths(void **state)
{
	FIX();
	static const uint32_t bad[] = {0,	1,	     3,		  4 + 100 + 1,
				       4 + 256, 0x7fffffffu, 0xfffffffcu, 0xffffffffu};
	uint8_t *a = area_new(128);
	size_t i;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		agent_write(a, scmi_hdr_make(0x10, 0, 0, 1), NULL, 4);
		scmi_put_le32(a + SCMI_SMT_OFF_LENGTH, bad[i]);
		expect_refused(f, a, 128);
	}
	/* The whole payload room is fine, and is simply the wrong size for VERSION. */
	agent_write(a, scmi_hdr_make(0x10, 0, 0, 1), NULL, 4);
	scmi_put_le32(a + SCMI_SMT_OFF_LENGTH, 4 + 100);
	assert_int_equal(scmi_server_process_smt(&f->srv, FAKE_CH_AGENT1, a, 128), SCMI_SERVER_OK);
	assert_int_equal(field(a, SCMI_SMT_OFF_PAYLOAD), (uint32_t)SCMI_PROTOCOL_ERROR);
	assert_int_equal(field(a, SCMI_SMT_OFF_LENGTH), 8);
	free(a);
}

static void test_big_area_capped(void **state)
{
	FIX();
	size_t size = 4096;
	uint8_t *a = area_new(size);

	/* The copy-in buffer is SCMI_SERVER_MAX_PAYLOAD bytes, whatever the area. */
	agent_write(a, scmi_hdr_make(0x10, 0, 0, 1), NULL, 4);
	scmi_put_le32(a + SCMI_SMT_OFF_LENGTH, 4 + SCMI_SERVER_MAX_PAYLOAD + 1);
	expect_refused(f, a, size);
	agent_write(a, scmi_hdr_make(0x10, 0, 0, 1), NULL, 4);
	scmi_put_le32(a + SCMI_SMT_OFF_LENGTH, 4 + SCMI_SERVER_MAX_PAYLOAD);
	assert_int_equal(scmi_server_process_smt(&f->srv, FAKE_CH_AGENT1, a, size), SCMI_SERVER_OK);
	assert_int_equal(field(a, SCMI_SMT_OFF_PAYLOAD), (uint32_t)SCMI_PROTOCOL_ERROR);
	free(a);
}

static void test_area_too_small(void **state)
{
	FIX();
	uint8_t *a;
	size_t size;

	/* Below header + status word: refused with ERROR|FREE. */
	for (size = 8; size < SCMI_SMT_HDR_SIZE + 4; size++) {
		a = area_new(size);
		if (size >= SCMI_SMT_OFF_HEADER + 4) {
			agent_write(a, scmi_hdr_make(0x10, 0, 0, 1), NULL, 4);
		} else {
			scmi_put_le32(a + SCMI_SMT_OFF_STATUS, 0);
		}
		expect_refused(f, a, size);
		free(a);
	}
	/* Too small for a status word at all: nothing written. */
	a = area_new(8);
	assert_int_equal(scmi_server_process_smt(&f->srv, FAKE_CH_AGENT1, a, 7),
			 SCMI_SERVER_ERR_SMT);
	assert_int_equal(a[4], 0x44);
	assert_int_equal(scmi_server_process_smt(&f->srv, FAKE_CH_AGENT1, NULL, 128),
			 SCMI_SERVER_ERR_SMT);
	free(a);
	/* Misaligned: nothing written. */
	a = area_new(128);
	agent_write(a + 4, scmi_hdr_make(0x10, 0, 0, 1), NULL, 4);
	assert_int_equal(scmi_server_process_smt(&f->srv, FAKE_CH_AGENT1, a + 2, 120),
			 SCMI_SERVER_ERR_SMT);
	assert_int_equal(field(a + 4, SCMI_SMT_OFF_STATUS), 0);
	assert_int_equal(field(a + 4, SCMI_SMT_OFF_LENGTH), 4);
	free(a);
	/* Misaligned and too small (the other branch): nothing written either, at any offset. */
	for (size = 1; size < 4; size++) {
		uint8_t before[40];

		a = area_new(sizeof(before));
		memcpy(before, a, sizeof(before));
		assert_int_equal(scmi_server_process_smt(&f->srv, FAKE_CH_AGENT1, a + size, 24),
				 SCMI_SERVER_ERR_SMT);
		assert_memory_equal(a, before, sizeof(before));
		free(a);
	}

	/* Exactly header + 4: the room holds a status word only. */
	a = area_new(SCMI_SMT_HDR_SIZE + 4);
	agent_write(a, scmi_hdr_make(0x10, 0, 0, 1), NULL, 4);
	assert_int_equal(scmi_server_process_smt(&f->srv, FAKE_CH_AGENT1, a, SCMI_SMT_HDR_SIZE + 4),
			 SCMI_SERVER_OK);
	assert_int_equal(field(a, SCMI_SMT_OFF_PAYLOAD), (uint32_t)SCMI_PROTOCOL_ERROR);
	assert_int_equal(field(a, SCMI_SMT_OFF_LENGTH), 8);
	assert_int_equal(field(a, SCMI_SMT_OFF_STATUS), SCMI_SMT_STATUS_FREE);
	free(a);
}

static void test_hostile_length_max(void **state)
{
	FIX();
	uint8_t *a = area_new(SCMI_SMT_MIN_SIZE);

	agent_write(a, scmi_hdr_make(0x10, 6, 0, 1), NULL, 4);
	scmi_put_le32(a + SCMI_SMT_OFF_LENGTH, 0xffffffffu);
	assert_int_equal(scmi_server_process_smt(&f->srv, FAKE_CH_AGENT1, a, SCMI_SMT_MIN_SIZE),
			 SCMI_SERVER_ERR_SMT);
	/* A length equal to the room, in an area exactly that big: read to the last byte. */
	agent_write(a, scmi_hdr_make(0x10, 6, 0, 1), NULL, 4);
	scmi_put_le32(a + SCMI_SMT_OFF_LENGTH, 4 + SCMI_SMT_MIN_SIZE - SCMI_SMT_HDR_SIZE);
	assert_int_equal(scmi_server_process_smt(&f->srv, FAKE_CH_AGENT1, a, SCMI_SMT_MIN_SIZE),
			 SCMI_SERVER_OK);
	free(a);
}

static void test_unknown_channel(void **state)
{
	FIX();
	uint8_t *a = area_new(128);
	uint8_t before[128];

	agent_write(a, scmi_hdr_make(0x10, 0, 0, 1), NULL, 4);
	memcpy(before, a, sizeof(before));
	assert_int_equal(scmi_server_process_smt(&f->srv, FAKE_CH_UNKNOWN, a, 128),
			 SCMI_SERVER_ERR_CHANNEL);
	assert_memory_equal(a, before, sizeof(before));
	free(a);
}

/*
 * No channel at all: a platform without channel_agent, no platform, and a server never
 * initialised (zeroed storage) refuse every message and leave the area as it was.
 */
static void test_no_channels(void **state)
{
	(void)state;
	struct scmi_server_platform_ops no_channel_agent = *fake_platform_ops();
	struct fake_platform fp;
	struct scmi_server srv;
	uint8_t *a = area_new(128);
	uint8_t before[128];
	int i;

	no_channel_agent.channel_agent = NULL;
	fake_platform_init(&fp);
	agent_write(a, scmi_hdr_make(0x10, 0, 0, 1), NULL, 4);
	memcpy(before, a, sizeof(before));
	for (i = 0; i < 3; i++) {
		if (i == 0)
			scmi_server_init(&srv, &no_channel_agent, &fp);
		else if (i == 1)
			scmi_server_init(&srv, NULL, &fp);
		else
			memset(&srv, 0, sizeof(srv));
		assert_int_equal(scmi_server_process_smt(&srv, FAKE_CH_AGENT1, a, 128),
				 SCMI_SERVER_ERR_CHANNEL);
		assert_memory_equal(a, before, sizeof(before));
	}
	free(a);
}

/*
 * The agent rewrites the payload, length and header after the copy-in (from the
 * platform callback the server makes while processing): the reply follows what
 * was copied, exactly as process_raw computes it from the original request.
 */
static void test_tamper_after_copy(void **state)
{
	FIX();
	uint8_t *a = area_new(128);
	uint8_t in[4];
	uint32_t hdr = scmi_hdr_make(0x10, SCMI_MSG_BASE_DISCOVER_AGENT, 0, 0x155);

	scmi_put_le32(in, 2);
	agent_write(a, hdr, in, 8);
	/*
	 * Call 1 is the channel's one lookup, before the copy; call 2 is the handler asking
	 * for the number of agents, after it.
	 */
	f->fp.channel_calls = 0;
	f->fp.calls = 0;
	f->fp.tamper_call = 2;
	f->fp.tamper_at = (volatile uint32_t *)(a + SCMI_SMT_OFF_PAYLOAD);
	f->fp.tamper_value = 0;
	assert_int_equal(scmi_server_process_smt(&f->srv, FAKE_CH_AGENT1, a, 128), SCMI_SERVER_OK);
	f->fp.tamper_call = 0;
	assert_int_equal(f->fp.channel_calls, 1);
	assert_true(f->fp.calls >= 2);

	assert_int_equal(
	    base_call(&f->srv, FAKE_CH_AGENT1, SCMI_MSG_BASE_DISCOVER_AGENT, in, 4, &f->r),
	    SCMI_SUCCESS);
	assert_int_equal(field(a, SCMI_SMT_OFF_LENGTH), 4 + f->r.len);
	assert_memory_equal(a + SCMI_SMT_OFF_PAYLOAD, f->r.buf, f->r.len);
	assert_int_equal(field(a, SCMI_SMT_OFF_PAYLOAD + 4), 2);

	/* Same with the length word rewritten to something huge mid-flight. */
	agent_write(a, hdr, in, 8);
	f->fp.calls = 0;
	f->fp.tamper_call = 2;
	f->fp.tamper_at = (volatile uint32_t *)(a + SCMI_SMT_OFF_LENGTH);
	f->fp.tamper_value = 0xffffffffu;
	assert_int_equal(scmi_server_process_smt(&f->srv, FAKE_CH_AGENT1, a, 128), SCMI_SERVER_OK);
	f->fp.tamper_call = 0;
	assert_int_equal(field(a, SCMI_SMT_OFF_LENGTH), 4 + f->r.len);
	assert_memory_equal(a + SCMI_SMT_OFF_PAYLOAD, f->r.buf, f->r.len);
	free(a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup(test_version_roundtrip, setup),
	    cmocka_unit_test_setup(test_discover_agent_matches_raw, setup),
	    cmocka_unit_test_setup(test_not_handed_over, setup),
	    cmocka_unit_test_setup(test_bad_lengths, setup),
	    cmocka_unit_test_setup(test_big_area_capped, setup),
	    cmocka_unit_test_setup(test_area_too_small, setup),
	    cmocka_unit_test_setup(test_hostile_length_max, setup),
	    cmocka_unit_test_setup(test_unknown_channel, setup),
	    cmocka_unit_test(test_no_channels),
	    cmocka_unit_test_setup(test_tamper_after_copy, setup),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
