// SPDX-License-Identifier: BSD-3-Clause
/*
 * The Base protocol and the central checks, through scmi_server_process_raw()
 * against the real protocol registry (Base only).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "fake_platform.h"
#include "scmi/proto/ids.h"
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

/* Request payload size of every Base message. */
static const struct {
	uint8_t id;
	size_t size;
} base_msgs[] = {
    {0x0, 0}, {0x1, 0}, {0x2, 4},  {0x3, 0},  {0x4, 0}, {0x5, 0},  {0x6, 4},
    {0x7, 4}, {0x8, 4}, {0x9, 12}, {0xa, 16}, {0xb, 8}, {0x10, 4},
};

static void test_version(void **state)
{
	FIX();
	static const uint8_t expect[] = {0, 0, 0, 0, 0x01, 0x00, 0x02, 0x00};

	assert_int_equal(base_call(&f->srv, FAKE_CH_AGENT1, 0x0, NULL, 0, &f->r), SCMI_SUCCESS);
	assert_int_equal(f->r.len, 8);
	assert_memory_equal(f->r.buf, expect, sizeof(expect));
}

static void test_attributes(void **state)
{
	FIX();

	/*
	 * Agent 1 is offered 0x11, 0x13-0x19 and vendor protocols; the server implements
	 * only the standard ones: 8 protocols, 2 agents.
	 */
	assert_int_equal(base_call(&f->srv, FAKE_CH_AGENT1, 0x1, NULL, 0, &f->r), SCMI_SUCCESS);
	assert_int_equal(f->r.len, 8);
	assert_int_equal(reply_u32(&f->r, 4), 0x00000208u);
}

static void test_message_attributes(void **state)
{
	FIX();
	static const uint32_t absent[] = {0xc, 0xd, 0xf, 0x11, 0xff, 0x100, 0x10010, 0xffffffffu};
	size_t i;

	for (i = 0; i < sizeof(base_msgs) / sizeof(base_msgs[0]); i++) {
		uint32_t id = base_msgs[i].id;

		assert_int_equal(base_call_u32(&f->srv, FAKE_CH_AGENT1, 0x2, &id, 1, &f->r),
				 SCMI_SUCCESS);
		assert_int_equal(f->r.len, 8);
		assert_int_equal(reply_u32(&f->r, 4), 0);
	}
	for (i = 0; i < sizeof(absent) / sizeof(absent[0]); i++) {
		assert_int_equal(base_call_u32(&f->srv, FAKE_CH_AGENT1, 0x2, &absent[i], 1, &f->r),
				 SCMI_NOT_FOUND);
		assert_int_equal(f->r.len, 4);
	}
}

static void test_vendor_strings(void **state)
{
	FIX();
	static const uint8_t vendor[20] = {0, 0, 0, 0, 'L', 'i', 'n', 'a', 'r', 'o'};
	static const uint8_t sub[20] = {0,   0,	  0,   0,   's', 'c', 'm', 'i', '-', 'o',
					'p', 't', 'e', 'e', '-', 's', 'i', 'm', 0,   0};

	assert_int_equal(base_call(&f->srv, FAKE_CH_AGENT1, 0x3, NULL, 0, &f->r), SCMI_SUCCESS);
	assert_int_equal(f->r.len, 20);
	assert_memory_equal(f->r.buf, vendor, 20);
	assert_int_equal(base_call(&f->srv, FAKE_CH_AGENT2, 0x4, NULL, 0, &f->r), SCMI_SUCCESS);
	assert_int_equal(f->r.len, 20);
	assert_memory_equal(f->r.buf, sub, 20);
	assert_int_equal(base_call(&f->srv, FAKE_CH_AGENT1, 0x5, NULL, 0, &f->r), SCMI_SUCCESS);
	assert_int_equal(f->r.len, 8);
	assert_int_equal(reply_u32(&f->r, 4), FAKE_IMPL_VERSION);
}

static void test_names_always_terminated(void **state)
{
	FIX();
	static const uint8_t xs[16] = "XXXXXXXXXXXXXXX";
	uint32_t id = 0;

	f->fp.name_overrun = true;
	assert_int_equal(base_call(&f->srv, FAKE_CH_AGENT1, 0x3, NULL, 0, &f->r), SCMI_SUCCESS);
	assert_memory_equal(f->r.buf + 4, xs, 16);
	assert_int_equal(base_call(&f->srv, FAKE_CH_AGENT1, 0x4, NULL, 0, &f->r), SCMI_SUCCESS);
	assert_memory_equal(f->r.buf + 4, xs, 16);
	assert_int_equal(base_call_u32(&f->srv, FAKE_CH_AGENT1, 0x7, &id, 1, &f->r), SCMI_SUCCESS);
	assert_memory_equal(f->r.buf + 8, xs, 16);
	f->fp.name_overrun = false;
}

static void test_list_protocols_implemented_only(void **state)
{
	FIX();
	static const uint8_t expect[] = {0x11, 0x13, 0x14, 0x15, 0x16, 0x17, 0x18, 0x19};
	uint32_t skip = 0;

	/* Offered by the platform AND implemented by the server; vendor ids are not. */
	assert_int_equal(base_call_u32(&f->srv, FAKE_CH_AGENT1, 0x6, &skip, 1, &f->r),
			 SCMI_SUCCESS);
	assert_int_equal(f->r.len, 16);
	assert_int_equal(reply_u32(&f->r, 4), 8);
	assert_memory_equal(f->r.buf + 8, expect, sizeof(expect));
	skip = 8;
	assert_int_equal(base_call_u32(&f->srv, FAKE_CH_AGENT1, 0x6, &skip, 1, &f->r),
			 SCMI_SUCCESS);
	assert_int_equal(f->r.len, 8);
	assert_int_equal(reply_u32(&f->r, 4), 0);
	skip = 9;
	assert_int_equal(base_call_u32(&f->srv, FAKE_CH_AGENT1, 0x6, &skip, 1, &f->r),
			 SCMI_INVALID_PARAMETERS);
	assert_int_equal(f->r.len, 4);
	skip = 0xffffffffu;
	assert_int_equal(base_call_u32(&f->srv, FAKE_CH_AGENT1, 0x6, &skip, 1, &f->r),
			 SCMI_INVALID_PARAMETERS);
}

static void expect_agent(struct fixture *f, uint32_t ch, uint32_t query, uint32_t id,
			 const char *name)
{
	uint8_t expect[24] = {0};

	scmi_put_le32(expect + 4, id);
	memcpy(expect + 8, name, strlen(name) + 1); /* the name field is NUL-padded */
	assert_int_equal(base_call_u32(&f->srv, ch, 0x7, &query, 1, &f->r), SCMI_SUCCESS);
	assert_int_equal(f->r.len, 24);
	assert_memory_equal(f->r.buf, expect, sizeof(expect));
}

static void test_discover_agent(void **state)
{
	FIX();
	static const uint32_t unknown[] = {3, 4, 0x100, 0xfffffffeu};
	size_t i;

	expect_agent(f, FAKE_CH_AGENT1, 0xffffffffu, 1, "agent-one");
	expect_agent(f, FAKE_CH_AGENT2, 0xffffffffu, 2, "agent-two");
	expect_agent(f, FAKE_CH_AGENT1, 0, 0, "platform");
	expect_agent(f, FAKE_CH_AGENT1, 2, 2, "agent-two");
	/* 3 is named by the platform but beyond num_agents: not an agent. */
	for (i = 0; i < sizeof(unknown) / sizeof(unknown[0]); i++) {
		assert_int_equal(base_call_u32(&f->srv, FAKE_CH_AGENT1, 0x7, &unknown[i], 1, &f->r),
				 SCMI_NOT_FOUND);
		assert_int_equal(f->r.len, 4);
	}
}

static void expect_status(struct fixture *f, uint8_t msg_id, const uint32_t *a, size_t n,
			  int32_t status)
{
	assert_int_equal(base_call_u32(&f->srv, FAKE_CH_AGENT1, msg_id, a, n, &f->r), status);
	assert_int_equal(f->r.len, 4);
}

/* The versions of a protocol the server does not implement: none, and a count of 0. */
static void test_versions_of_unknown_protocols(void **state)
{
	static const uint8_t unknown[] = {0x00, 0x0f, 0x1a, 0x1f, 0x80, 0xff};
	size_t i, n;

	(void)state;
	for (i = 0; i < sizeof(unknown); i++) {
		n = 7;
		assert_null(scmi_server_protocol_versions(unknown[i], &n));
		assert_int_equal(n, 0);
	}
	n = 0;
	assert_non_null(scmi_server_protocol_versions(SCMI_PROTOCOL_BASE, &n));
	assert_true(n >= 1);
}

/* A platform that says it knows the agent but writes no name: the name is empty, all zero. */
// NOLINTNEXTLINE(readability-non-const-parameter): the agent_name op's signature
static bool silent_agent_name(void *plat, uint32_t agent_id, char name[SCMI_SHORT_NAME_SIZE])
{
	(void)plat;
	(void)name;
	return agent_id == 1;
}

static void test_discover_agent_unnamed(void **state)
{
	FIX();
	struct scmi_server_platform_ops ops = *fake_platform_ops();
	static const uint8_t zero[SCMI_SHORT_NAME_SIZE];

	ops.agent_name = silent_agent_name;
	scmi_server_init(&f->srv, &ops, &f->fp);
	assert_int_equal(base_call_u32(&f->srv, FAKE_CH_AGENT1, 0x7, (uint32_t[]){1}, 1, &f->r),
			 SCMI_SUCCESS);
	assert_int_equal(f->r.len, 8 + SCMI_SHORT_NAME_SIZE);
	assert_int_equal(reply_u32(&f->r, 4), 1);
	assert_memory_equal(f->r.buf + 8, zero, SCMI_SHORT_NAME_SIZE);
}

static void test_notify_errors(void **state)
{
	FIX();

	expect_status(f, 0x8, (uint32_t[]){0}, 1, SCMI_NOT_SUPPORTED);
	expect_status(f, 0x8, (uint32_t[]){1}, 1, SCMI_NOT_SUPPORTED);
	expect_status(f, 0x8, (uint32_t[]){2}, 1, SCMI_INVALID_PARAMETERS);
	expect_status(f, 0x8, (uint32_t[]){0x80000001u}, 1, SCMI_INVALID_PARAMETERS);
}

static void test_set_device_permissions(void **state)
{
	FIX();

	expect_status(f, 0x9, (uint32_t[]){2, 7, 1}, 3, SCMI_DENIED);
	expect_status(f, 0x9, (uint32_t[]){1, 7, 0}, 3, SCMI_DENIED);
	expect_status(f, 0x9, (uint32_t[]){2, 7, 2}, 3, SCMI_INVALID_PARAMETERS);
	expect_status(f, 0x9, (uint32_t[]){2, 7, 0xffffffffu}, 3, SCMI_INVALID_PARAMETERS);
	expect_status(f, 0x9, (uint32_t[]){0, 7, 1}, 3, SCMI_NOT_FOUND);
	expect_status(f, 0x9, (uint32_t[]){3, 7, 1}, 3, SCMI_NOT_FOUND);
	expect_status(f, 0x9, (uint32_t[]){0xffffffffu, 7, 1}, 3, SCMI_NOT_FOUND);
}

static void test_set_protocol_permissions(void **state)
{
	FIX();

	expect_status(f, 0xa, (uint32_t[]){2, 7, 0x14, 1}, 4, SCMI_DENIED);
	expect_status(f, 0xa, (uint32_t[]){1, 7, 0x99, 0}, 4, SCMI_DENIED);
	expect_status(f, 0xa, (uint32_t[]){2, 7, 0x10, 0}, 4, SCMI_INVALID_PARAMETERS);
	expect_status(f, 0xa, (uint32_t[]){2, 7, 0x10, 1}, 4, SCMI_INVALID_PARAMETERS);
	expect_status(f, 0xa, (uint32_t[]){2, 7, 0x114, 1}, 4, SCMI_INVALID_PARAMETERS);
	expect_status(f, 0xa, (uint32_t[]){2, 7, 0x14, 4}, 4, SCMI_INVALID_PARAMETERS);
	expect_status(f, 0xa, (uint32_t[]){0, 7, 0x14, 1}, 4, SCMI_NOT_FOUND);
	expect_status(f, 0xa, (uint32_t[]){5, 7, 0x14, 1}, 4, SCMI_NOT_FOUND);
}

static void test_reset_agent_configuration(void **state)
{
	FIX();

	expect_status(f, 0xb, (uint32_t[]){1, 0}, 2, SCMI_DENIED);
	expect_status(f, 0xb, (uint32_t[]){2, 1}, 2, SCMI_DENIED);
	expect_status(f, 0xb, (uint32_t[]){2, 2}, 2, SCMI_INVALID_PARAMETERS);
	expect_status(f, 0xb, (uint32_t[]){0, 0}, 2, SCMI_NOT_FOUND);
	expect_status(f, 0xb, (uint32_t[]){9, 1}, 2, SCMI_NOT_FOUND);
}

static void test_negotiate_version(void **state)
{
	FIX();

	expect_status(f, 0x10, (uint32_t[]){0x20000}, 1, SCMI_SUCCESS);
	expect_status(f, 0x10, (uint32_t[]){0x20001}, 1, SCMI_SUCCESS);
	expect_status(f, 0x10, (uint32_t[]){0x10000}, 1, SCMI_NOT_SUPPORTED);
	expect_status(f, 0x10, (uint32_t[]){0x20002}, 1, SCMI_NOT_SUPPORTED);
	expect_status(f, 0x10, (uint32_t[]){0x30000}, 1, SCMI_NOT_SUPPORTED);
	expect_status(f, 0x10, (uint32_t[]){0xffffffffu}, 1, SCMI_NOT_SUPPORTED);
}

static void test_wrong_lengths(void **state)
{
	FIX();
	uint8_t in[SCMI_SERVER_MAX_PAYLOAD] = {0};
	static const size_t deltas[] = {1, 3, 4, 8};
	size_t i, j;

	for (i = 0; i < sizeof(base_msgs) / sizeof(base_msgs[0]); i++) {
		size_t size = base_msgs[i].size;

		for (j = 0; j < sizeof(deltas) / sizeof(deltas[0]); j++) {
			assert_int_equal(base_call(&f->srv, FAKE_CH_AGENT1, base_msgs[i].id, in,
						   size + deltas[j], &f->r),
					 SCMI_PROTOCOL_ERROR);
			assert_int_equal(f->r.len, 4);
			if (size >= deltas[j]) {
				assert_int_equal(base_call(&f->srv, FAKE_CH_AGENT1, base_msgs[i].id,
							   in, size - deltas[j], &f->r),
						 SCMI_PROTOCOL_ERROR);
				assert_int_equal(f->r.len, 4);
			}
		}
		assert_int_equal(
		    base_call(&f->srv, FAKE_CH_AGENT1, base_msgs[i].id, in, sizeof(in), &f->r),
		    SCMI_PROTOCOL_ERROR);
	}
}

static void test_unknown_protocol_and_message(void **state)
{
	FIX();
	static const uint8_t protos[] = {0x00, 0x0f, 0x12, 0x1a, 0x80, 0x90, 0xff};
	static const uint8_t msgs[] = {0xc, 0xd, 0xe, 0xf, 0x11, 0x12, 0x80, 0xff};
	size_t i;

	/*
	 * 0x12 is implemented but not offered to agent 1; 0x80, 0x90 and 0xff are offered but
	 * not implemented; 0x1a is neither.
	 */
	for (i = 0; i < sizeof(protos); i++) {
		uint32_t hdr = scmi_hdr_make(protos[i], 0, SCMI_MSG_TYPE_COMMAND, 1);

		assert_int_equal(raw_call_room(&f->srv, FAKE_CH_AGENT1, hdr, NULL, 0, 64, &f->r),
				 SCMI_NOT_SUPPORTED);
		assert_int_equal(f->r.len, 4);
	}
	for (i = 0; i < sizeof(msgs); i++) {
		assert_int_equal(base_call(&f->srv, FAKE_CH_AGENT1, msgs[i], NULL, 0, &f->r),
				 SCMI_NOT_FOUND);
		assert_int_equal(f->r.len, 4);
	}
}

static void test_non_command_types(void **state)
{
	FIX();
	uint32_t type;

	for (type = 1; type <= 3; type++) {
		uint32_t hdr = base_hdr(0) | (type << SCMI_HDR_TYPE_SHIFT);

		assert_int_equal(raw_call_room(&f->srv, FAKE_CH_AGENT1, hdr, NULL, 0, 64, &f->r),
				 SCMI_PROTOCOL_ERROR);
		assert_int_equal(f->r.len, 4);
	}
	/* Token and reserved bits do not matter. */
	assert_int_equal(raw_call_room(&f->srv, FAKE_CH_AGENT1,
				       base_hdr(0) | 0xf0000000u | (0x3ffu << 18), NULL, 0, 64,
				       &f->r),
			 SCMI_SUCCESS);
}

static void test_reply_does_not_fit(void **state)
{
	FIX();
	uint8_t in[4] = {0};
	size_t room;

	/* VERSION needs 8 bytes, vendor 20, DISCOVER_AGENT 24. */
	for (room = 4; room < 8; room++) {
		assert_int_equal(
		    raw_call_room(&f->srv, FAKE_CH_AGENT1, base_hdr(0x0), NULL, 0, room, &f->r),
		    SCMI_PROTOCOL_ERROR);
		assert_int_equal(f->r.len, 4);
	}
	for (room = 4; room < 20; room++) {
		assert_int_equal(
		    raw_call_room(&f->srv, FAKE_CH_AGENT1, base_hdr(0x3), NULL, 0, room, &f->r),
		    SCMI_PROTOCOL_ERROR);
		assert_int_equal(f->r.len, 4);
	}
	for (room = 4; room < 24; room++) {
		assert_int_equal(
		    raw_call_room(&f->srv, FAKE_CH_AGENT1, base_hdr(0x7), in, 4, room, &f->r),
		    SCMI_PROTOCOL_ERROR);
		assert_int_equal(f->r.len, 4);
	}
	/* An exact fit is fine; errors need only the status word. */
	assert_int_equal(raw_call_room(&f->srv, FAKE_CH_AGENT1, base_hdr(0x7), in, 4, 24, &f->r),
			 SCMI_SUCCESS);
	assert_int_equal(raw_call_room(&f->srv, FAKE_CH_AGENT1, base_hdr(0x8), in, 4, 4, &f->r),
			 SCMI_NOT_SUPPORTED);
}

static void test_raw_edge_cases(void **state)
{
	FIX();
	uint8_t out[8];

	/* No room for a status word: nothing written, 0 returned. */
	memset(out, CANARY, sizeof(out));
	assert_int_equal(
	    scmi_server_process_raw(&f->srv, FAKE_CH_AGENT1, base_hdr(0), NULL, 0, out, 3), 0);
	assert_int_equal(out[0], CANARY);
	assert_int_equal(
	    scmi_server_process_raw(&f->srv, FAKE_CH_AGENT1, base_hdr(0), NULL, 0, NULL, 8), 0);
	/* A channel without an agent has no rights at all. */
	assert_int_equal(raw_call_room(&f->srv, FAKE_CH_UNKNOWN, base_hdr(0), NULL, 0, 64, &f->r),
			 SCMI_DENIED);
	assert_int_equal(f->r.len, 4);
	/* A size without a buffer. */
	assert_int_equal(raw_call_room(&f->srv, FAKE_CH_AGENT1, base_hdr(0x6), NULL, 4, 64, &f->r),
			 SCMI_PROTOCOL_ERROR);
	assert_true(scmi_server_channel_exists(&f->srv, FAKE_CH_AGENT2));
	assert_false(scmi_server_channel_exists(&f->srv, FAKE_CH_UNKNOWN));
}

static void test_missing_platform_ops(void **state)
{
	(void)state;
	struct scmi_server_platform_ops only_channel = {.channel_agent =
							    fake_platform_ops()->channel_agent};
	struct fake_platform fp;
	struct scmi_server srv;
	struct reply r;

	fake_platform_init(&fp);
	scmi_server_init(&srv, &only_channel, &fp);
	assert_int_equal(base_call(&srv, FAKE_CH_AGENT1, 0x1, NULL, 0, &r), SCMI_SUCCESS);
	assert_int_equal(reply_u32(&r, 4), 0);
	assert_int_equal(base_call(&srv, FAKE_CH_AGENT1, 0x3, NULL, 0, &r), SCMI_SUCCESS);
	assert_int_equal(r.buf[4], 0);
	assert_int_equal(base_call_u32(&srv, FAKE_CH_AGENT1, 0x7, (uint32_t[]){0}, 1, &r),
			 SCMI_NOT_FOUND);
	/* No impl_version: implementation version 0. */
	assert_int_equal(base_call(&srv, FAKE_CH_AGENT1, 0x5, NULL, 0, &r), SCMI_SUCCESS);
	assert_int_equal(r.len, 8);
	assert_int_equal(reply_u32(&r, 4), 0);
	scmi_server_init(&srv, NULL, NULL);
	assert_false(scmi_server_channel_exists(&srv, 0));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup(test_version, setup),
	    cmocka_unit_test_setup(test_attributes, setup),
	    cmocka_unit_test_setup(test_message_attributes, setup),
	    cmocka_unit_test_setup(test_vendor_strings, setup),
	    cmocka_unit_test_setup(test_names_always_terminated, setup),
	    cmocka_unit_test_setup(test_list_protocols_implemented_only, setup),
	    cmocka_unit_test_setup(test_discover_agent, setup),
	    cmocka_unit_test_setup(test_discover_agent_unnamed, setup),
	    cmocka_unit_test(test_versions_of_unknown_protocols),
	    cmocka_unit_test_setup(test_notify_errors, setup),
	    cmocka_unit_test_setup(test_set_device_permissions, setup),
	    cmocka_unit_test_setup(test_set_protocol_permissions, setup),
	    cmocka_unit_test_setup(test_reset_agent_configuration, setup),
	    cmocka_unit_test_setup(test_negotiate_version, setup),
	    cmocka_unit_test_setup(test_wrong_lengths, setup),
	    cmocka_unit_test_setup(test_unknown_protocol_and_message, setup),
	    cmocka_unit_test_setup(test_non_command_types, setup),
	    cmocka_unit_test_setup(test_reply_does_not_fit, setup),
	    cmocka_unit_test_setup(test_raw_edge_cases, setup),
	    cmocka_unit_test(test_missing_platform_ops),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
