// SPDX-License-Identifier: BSD-3-Clause
/*
 * The core's edges against scripted replies (issue 17): Base replies of every
 * length, what each Base command puts on the wire, version negotiation, the
 * paging walk at its bounds, name copies at their limits, DT status values.
 */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>
#include <libfdt.h>

#include "agent/common.h"
#include "agent/dt.h"
#include "agent/proto_common.h"
#include "scmi/base.h"
#include "scmi/proto/base.h"
#include "scmi/proto/endian.h"
#include "dtb_builder.h"
#include "script_server.h"

#define BASE SCMI_PROTOCOL_BASE

static int setup(void **state)
{
	ss_reset();
	*state = ss_open();
	return 0;
}

static int teardown(void **state)
{
	scmi_agent_close(*state);
	return 0;
}

static void test_list_short_reply(void **state)
{
	struct scmi_agent *a = *state;
	uint8_t ids[8], three[4] = {0};
	size_t n = 9;
	char err[SCMI_ERR_LEN];

	ss_set(BASE, SCMI_MSG_BASE_DISCOVER_LIST_PROTOCOLS, 0, three, 3);
	assert_int_equal(scmi_base_discover_list_protocols(a, 2, ids, sizeof(ids), &n), -EPROTO);
	assert_int_equal(n, 0);
	scmi_agent_last_error(a, err, sizeof(err));
	assert_string_equal(err, "LIST_PROTOCOLS: short reply (3 bytes)");
	/* Ids fill whole words: 5 ids need 8 bytes after the count, 7 are not enough. */
	{
		uint8_t v[12] = {5, 0, 0, 0, 0x11, 0x13, 0x14, 0x15, 0x16};

		ss_set(BASE, SCMI_MSG_BASE_DISCOVER_LIST_PROTOCOLS, 0, v, 11);
		assert_int_equal(scmi_base_discover_list_protocols(a, 5, ids, sizeof(ids), &n),
				 -EPROTO);
		ss_set(BASE, SCMI_MSG_BASE_DISCOVER_LIST_PROTOCOLS, 0, v, 12);
		assert_int_equal(scmi_base_discover_list_protocols(a, 5, ids, sizeof(ids), &n), 0);
		assert_int_equal(n, 5);
		assert_memory_equal(ids, v + 4, 5);
		/* Exactly the ids that remain is fine; the skip word is 0 on the first page. */
		assert_int_equal(ss_tx_u32(BASE, SCMI_MSG_BASE_DISCOVER_LIST_PROTOCOLS, 0), 0);
		/* Room for 4 only: the fifth is dropped, not written past. */
		memset(ids, 0, sizeof(ids));
		assert_int_equal(scmi_base_discover_list_protocols(a, 5, ids, 4, &n), 0);
		assert_int_equal(n, 4);
		assert_int_equal(ids[4], 0);
	}
	assert_int_equal(scmi_base_discover_list_protocols(NULL, 5, ids, 4, &n), -EINVAL);
	assert_int_equal(scmi_base_discover_list_protocols(a, 5, NULL, 4, &n), -EINVAL);
	/* No room at all: the walk still runs (and checks), storing nothing. */
	assert_int_equal(scmi_base_discover_list_protocols(a, 5, NULL, 0, &n), 0);
	assert_int_equal(n, 0);
}

static void test_discover_agent_lengths(void **state)
{
	struct scmi_agent *a = *state;
	uint8_t v[24] = {0};
	char name[SCMI_NAME_BUF];
	uint32_t id = 0;

	/* A 1.0 reply (the name alone) names the agent asked for. */
	memcpy(v, "agent-zero", sizeof("agent-zero"));
	ss_set(BASE, SCMI_MSG_BASE_DISCOVER_AGENT, 0, v, 16);
	assert_int_equal(scmi_base_discover_agent(a, 3, &id, name), 0);
	assert_int_equal(id, 3);
	assert_string_equal(name, "agent-zero");
	assert_int_equal(ss_tx_u32(BASE, SCMI_MSG_BASE_DISCOVER_AGENT, 0), 3);
	assert_int_equal(scmi_base_discover_agent(a, 3, NULL, NULL), 0);
	/* Between the two shapes: short. */
	ss_set(BASE, SCMI_MSG_BASE_DISCOVER_AGENT, 0, v, 19);
	assert_int_equal(scmi_base_discover_agent(a, 3, &id, name), -EPROTO);
	ss_set(BASE, SCMI_MSG_BASE_DISCOVER_AGENT, 0, v, 15);
	assert_int_equal(scmi_base_discover_agent(a, 3, &id, name), -EPROTO);
	/* 2.0: the id first, then the name. */
	scmi_put_le32(v, 7);
	memcpy(v + 4, "agent-seven", sizeof("agent-seven"));
	ss_set(BASE, SCMI_MSG_BASE_DISCOVER_AGENT, 0, v, 20);
	assert_int_equal(scmi_base_discover_agent(a, 3, &id, name), 0);
	assert_int_equal(id, 7);
	assert_string_equal(name, "agent-seven");
	assert_int_equal(scmi_base_discover_agent(a, 3, NULL, NULL), 0);
	ss_set(BASE, SCMI_MSG_BASE_DISCOVER_AGENT, SCMI_NOT_FOUND, NULL, 0);
	assert_int_equal(scmi_base_discover_agent(a, 3, &id, name), -ENOENT);
}

static void test_base_wire(void **state)
{
	struct scmi_agent *a = *state;
	const uint8_t m_notify = SCMI_MSG_BASE_NOTIFY_ERRORS;
	const uint8_t m_dev = SCMI_MSG_BASE_SET_DEVICE_PERMISSIONS;
	const uint8_t m_proto = SCMI_MSG_BASE_SET_PROTOCOL_PERMISSIONS;
	const uint8_t m_reset = SCMI_MSG_BASE_RESET_AGENT_CONFIGURATION;

	ss_set(BASE, m_notify, 0, NULL, 0);
	ss_set(BASE, m_dev, 0, NULL, 0);
	ss_set(BASE, m_proto, 0, NULL, 0);
	ss_set(BASE, m_reset, 0, NULL, 0);
	assert_int_equal(scmi_base_notify_errors(a, true), 0);
	assert_int_equal(ss_last(BASE, m_notify)->tx_len, 4);
	assert_int_equal(ss_tx_u32(BASE, m_notify, 0), SCMI_NOTIFY_ENABLE);
	assert_int_equal(scmi_base_notify_errors(a, false), 0);
	assert_int_equal(ss_tx_u32(BASE, m_notify, 0), 0);

	assert_int_equal(scmi_base_set_device_permissions(a, 2, 5, true), 0);
	assert_int_equal(ss_last(BASE, m_dev)->tx_len, 12);
	assert_int_equal(ss_tx_u32(BASE, m_dev, 0), 2);
	assert_int_equal(ss_tx_u32(BASE, m_dev, 1), 5);
	assert_int_equal(ss_tx_u32(BASE, m_dev, 2), SCMI_BASE_PERM_ALLOW);
	assert_int_equal(scmi_base_set_device_permissions(a, 2, 5, false), 0);
	assert_int_equal(ss_tx_u32(BASE, m_dev, 2), 0);

	assert_int_equal(scmi_base_set_protocol_permissions(a, 2, 5, 0x14, true), 0);
	assert_int_equal(ss_last(BASE, m_proto)->tx_len, 16);
	assert_int_equal(ss_tx_u32(BASE, m_proto, 0), 2);
	assert_int_equal(ss_tx_u32(BASE, m_proto, 1), 5);
	assert_int_equal(ss_tx_u32(BASE, m_proto, 2), 0x14);
	assert_int_equal(ss_tx_u32(BASE, m_proto, 3), SCMI_BASE_PERM_ALLOW);
	assert_int_equal(scmi_base_set_protocol_permissions(a, 2, 5, 0x14, false), 0);
	assert_int_equal(ss_tx_u32(BASE, m_proto, 3), 0);

	assert_int_equal(scmi_base_reset_agent_configuration(a, 4, true), 0);
	assert_int_equal(ss_last(BASE, m_reset)->tx_len, 8);
	assert_int_equal(ss_tx_u32(BASE, m_reset, 0), 4);
	assert_int_equal(ss_tx_u32(BASE, m_reset, 1), SCMI_BASE_RESET_PERMISSIONS);
	assert_int_equal(scmi_base_reset_agent_configuration(a, 4, false), 0);
	assert_int_equal(ss_tx_u32(BASE, m_reset, 1), 0);

	/* Vendor names: exactly 16 bytes, no NUL, kept whole. */
	ss_set(BASE, SCMI_MSG_BASE_DISCOVER_VENDOR, 0, "0123456789abcdef", 16);
	{
		char name[SCMI_NAME_BUF];
		uint32_t v = 0;

		assert_int_equal(scmi_base_discover_vendor(a, name), 0);
		assert_string_equal(name, "0123456789abcdef");
		assert_int_equal(scmi_base_discover_vendor(a, NULL), -EINVAL);
		assert_int_equal(scmi_base_discover_impl_version(a, NULL), -EINVAL);
		ss_set(BASE, SCMI_MSG_BASE_DISCOVER_IMPLEMENTATION_VERSION, 0, "\x01\x02\x03\x04",
		       4);
		assert_int_equal(scmi_base_discover_impl_version(a, &v), 0);
		assert_int_equal(v, 0x04030201);
		ss_set(BASE, SCMI_MSG_BASE_DISCOVER_IMPLEMENTATION_VERSION, SCMI_DENIED, NULL, 0);
		assert_int_equal(scmi_base_discover_impl_version(a, &v), -EACCES);
		assert_int_equal(v, 0x04030201);
	}
}

static void test_base_info_steps(void **state)
{
	struct scmi_agent *a = *state;
	struct scmi_base_info info;
	uint8_t ids[8] = {2, 0, 0, 0, 0x14, 0x15};
	uint32_t np = 0, na = 0;

	assert_int_equal(scmi_base_get_info(NULL, &info), -EINVAL);
	assert_int_equal(scmi_base_get_info(a, NULL), -EINVAL);
	/* Each step's failure is the result. */
	assert_int_equal(scmi_base_get_info(a, &info), -EOPNOTSUPP);
	ss_version(BASE, 0x20000, 2 | (3u << 8));
	assert_int_equal(scmi_base_attributes(a, &np, &na), 0);
	assert_int_equal(np, 2);
	assert_int_equal(na, 3);
	assert_int_equal(scmi_base_attributes(a, NULL, NULL), 0);
	memset(&info, 0xa5, sizeof(info));
	assert_int_equal(scmi_base_get_info(a, &info), -EOPNOTSUPP); /* no vendor */
	/* A failure midway leaves what was read and nothing stale: the rest is empty. */
	assert_int_equal(info.num_protocols, 2);
	assert_int_equal(info.vendor[0], '\0');
	assert_int_equal(info.sub_vendor[0], '\0');
	assert_int_equal(info.impl_version, 0);
	assert_int_equal(info.num_listed, 0);
	assert_int_equal(info.protocols[0], 0);
	ss_set(BASE, SCMI_MSG_BASE_DISCOVER_VENDOR, 0, "V\0..............", 16);
	assert_int_equal(scmi_base_get_info(a, &info), -EOPNOTSUPP); /* no impl version */
	assert_string_equal(info.sub_vendor, "");
	ss_set(BASE, SCMI_MSG_BASE_DISCOVER_IMPLEMENTATION_VERSION, 0, "\x09\0\0\0", 4);
	ss_set(BASE, SCMI_MSG_BASE_DISCOVER_LIST_PROTOCOLS, 0, ids, 8);
	assert_int_equal(scmi_base_get_info(a, &info), 0);
	assert_int_equal(info.version, 0x20000);
	assert_int_equal(info.num_protocols, 2);
	assert_int_equal(info.num_agents, 3);
	assert_int_equal(info.impl_version, 9);
	assert_int_equal(info.num_listed, 2);
	assert_int_equal(info.protocols[1], 0x15);
	ss_set(BASE, SCMI_MSG_PROTOCOL_ATTRIBUTES, SCMI_DENIED, NULL, 0);
	assert_int_equal(scmi_base_get_info(a, &info), -EACCES);
	assert_int_equal(scmi_base_attributes(a, &np, &na), -EACCES);
	ss_set(BASE, SCMI_MSG_PROTOCOL_VERSION, SCMI_DENIED, NULL, 0);
	assert_int_equal(scmi_base_get_info(a, &info), -EACCES);
}

static void test_common_u32(void **state)
{
	struct scmi_agent *a = *state;
	uint32_t v = 5;

	/* Three bytes are not a word. */
	ss_set(0x14, SCMI_MSG_PROTOCOL_VERSION, 0, "\1\2\3", 3);
	assert_int_equal(scmi_protocol_version(a, 0x14, &v), -EPROTO);
	assert_int_equal(v, 5);
	ss_set(0x14, SCMI_MSG_PROTOCOL_MESSAGE_ATTRIBUTES, 0, "\1\0\0\0", 4);
	assert_int_equal(scmi_protocol_message_attributes(a, 0x14, 9, &v), 0);
	assert_int_equal(v, 1);
	assert_int_equal(ss_tx_u32(0x14, SCMI_MSG_PROTOCOL_MESSAGE_ATTRIBUTES, 0), 9);
	assert_int_equal(scmi_protocol_message_attributes(a, 0x14, 9, NULL), -EINVAL);
	ss_set(0x14, SCMI_MSG_NEGOTIATE_PROTOCOL_VERSION, 0, NULL, 0);
	assert_int_equal(scmi_protocol_negotiate_version(a, 0x14, 0x10000), 0);
	assert_int_equal(ss_tx_u32(0x14, SCMI_MSG_NEGOTIATE_PROTOCOL_VERSION, 0), 0x10000);
}

static void test_proto_version(void **state)
{
	struct scmi_agent *a = *state;
	uint32_t plat = 0, v = 0, attr = 0;
	const uint8_t neg = SCMI_MSG_NEGOTIATE_PROTOCOL_VERSION;

	/* Newer than ours: negotiated down, both versions told. */
	ss_version(0x14, 0x30001, 0x55);
	ss_set(0x14, SCMI_MSG_PROTOCOL_MESSAGE_ATTRIBUTES, 0, "\0\0\0\0", 4);
	ss_set(0x14, neg, 0, NULL, 0);
	assert_int_equal(scmi_proto_init(a, 0x14, 0x30000, &plat, &v, &attr), 0);
	assert_int_equal(plat, 0x30001);
	assert_int_equal(v, 0x30000);
	assert_int_equal(attr, 0x55);
	assert_int_equal(ss_count(0x14, neg), 1);
	assert_int_equal(ss_tx_u32(0x14, neg, 0), 0x30000);
	assert_int_equal(ss_tx_u32(0x14, SCMI_MSG_PROTOCOL_MESSAGE_ATTRIBUTES, 0), neg);
	/* Refused: still ours. The message missing: not even asked. */
	ss_set(0x14, neg, SCMI_NOT_SUPPORTED, NULL, 0);
	assert_int_equal(scmi_proto_version(a, 0x14, 0x30000, NULL, &v), 0);
	assert_int_equal(v, 0x30000);
	ss_set(0x14, SCMI_MSG_PROTOCOL_MESSAGE_ATTRIBUTES, SCMI_NOT_FOUND, NULL, 0);
	assert_int_equal(scmi_proto_negotiate(a, 0x14, 0x30000), -ENOENT);
	assert_int_equal(ss_count(0x14, neg), 2);
	/* Equal: nothing negotiated. */
	assert_int_equal(scmi_proto_version(a, 0x14, 0x30001, &plat, &v), 0);
	assert_int_equal(v, 0x30001);
	assert_int_equal(ss_count(0x14, neg), 2);
	assert_int_equal(ss_count(0x14, SCMI_MSG_PROTOCOL_MESSAGE_ATTRIBUTES), 3);
	/* Older: as it is. */
	assert_int_equal(scmi_proto_version(a, 0x14, 0x40000, &plat, &v), 0);
	assert_int_equal(v, 0x30001);
	/* The attributes' failure is the init's. */
	ss_set(0x14, SCMI_MSG_PROTOCOL_ATTRIBUTES, SCMI_DENIED, NULL, 0);
	assert_int_equal(scmi_proto_init(a, 0x14, 0x40000, &plat, &v, &attr), -EACCES);
	ss_set(0x14, SCMI_MSG_PROTOCOL_VERSION, SCMI_DENIED, NULL, 0);
	v = 1;
	assert_int_equal(scmi_proto_init(a, 0x14, 0x40000, &plat, &v, &attr), -EACCES);
	assert_int_equal(v, 1);
}

static void test_proto_xfer_u32(void **state)
{
	struct scmi_agent *a = *state;
	uint32_t args[SCMI_PROTO_U32_MAX + 1] = {1, 2, 3}, out[SCMI_PROTO_U32_MAX + 1];
	uint32_t w[3] = {0xa, 0xb, 0xc};

	ss_u32(0x14, 0x30, w, 3);
	assert_int_equal(scmi_proto_xfer_u32(a, 0x14, 0x30, args, 2, out, 3), 0);
	assert_int_equal(ss_last(0x14, 0x30)->tx_len, 8);
	assert_int_equal(ss_tx_u32(0x14, 0x30, 1), 2);
	assert_int_equal(out[0], 0xa);
	assert_int_equal(out[2], 0xc);
	/* One word more than the reply holds: short. */
	assert_int_equal(scmi_proto_xfer_u32(a, 0x14, 0x30, args, 0, out, 4), -EPROTO);
	assert_int_equal(ss_last(0x14, 0x30)->tx_len, 0);
	assert_int_equal(scmi_proto_xfer_u32(a, 0x14, 0x30, args, 1, NULL, 0), 0);
	assert_int_equal(scmi_proto_xfer_u32(a, 0x14, 0x30, args, 1, NULL, 1), -EINVAL);
	assert_int_equal(scmi_proto_xfer_u32(a, 0x14, 0x30, args, SCMI_PROTO_U32_MAX + 1, out, 1),
			 -EINVAL);
	assert_int_equal(scmi_proto_xfer_u32(a, 0x14, 0x30, args, 1, out, SCMI_PROTO_U32_MAX + 1),
			 -EINVAL);
	assert_int_equal(scmi_proto_xfer_u32(a, 0x14, 0x30, args, SCMI_PROTO_U32_MAX, out, 1), 0);
	assert_int_equal(ss_last(0x14, 0x30)->tx_len, 4 * SCMI_PROTO_U32_MAX);
	assert_int_equal(scmi_proto_xfer(NULL, 0x14, 0x30, NULL, 0, NULL, 0), -EINVAL);
	ss_set(0x14, 0x30, SCMI_BUSY, NULL, 0);
	assert_int_equal(scmi_proto_xfer_u32(a, 0x14, 0x30, args, 1, out, 1), -EBUSY);
}

static void test_walk_bounds(void **state)
{
	struct scmi_agent *a = *state;
	struct scmi_proto_walk w = {"things", 0, 3, 0};
	char err[SCMI_ERR_LEN];

	/* The first page sets the total; the next must follow it exactly. */
	assert_int_equal(scmi_proto_walk_step(a, &w, 2, 4), 0);
	assert_int_equal(w.page, 1);
	assert_int_equal(w.expect, 4);
	assert_int_equal(scmi_proto_walk_step(a, &w, 1, 4), -EPROTO);
	scmi_agent_last_error(a, err, sizeof(err));
	assert_string_equal(err, "things: remaining 4 after 1 does not follow (4 left)");
	w = (struct scmi_proto_walk){"things", 0, 3, 0};
	assert_int_equal(scmi_proto_walk_step(a, &w, 2, 4), 0);
	assert_int_equal(scmi_proto_walk_step(a, &w, 1, 3), 0);
	/* The third page of three must be the last. */
	assert_int_equal(scmi_proto_walk_step(a, &w, 1, 2), -EPROTO);
	scmi_agent_last_error(a, err, sizeof(err));
	assert_string_equal(err, "things: no end after 3 pages");
	w = (struct scmi_proto_walk){"things", 0, 3, 0};
	assert_int_equal(scmi_proto_walk_step(a, &w, 2, 2), 0);
	assert_int_equal(scmi_proto_walk_step(a, &w, 1, 1), 0);
	assert_int_equal(scmi_proto_walk_step(a, &w, 1, 0), 1);
	/* An empty page while entries remain. */
	w = (struct scmi_proto_walk){"things", 0, 3, 0};
	assert_int_equal(scmi_proto_walk_step(a, &w, 0, 1), -EPROTO);
	scmi_agent_last_error(a, err, sizeof(err));
	assert_string_equal(err, "things: empty page with 1 remaining");
	w = (struct scmi_proto_walk){"things", 0, 3, 0};
	assert_int_equal(scmi_proto_walk_step(a, &w, 0, 0), 1);
	/* The sum is not allowed to wrap. */
	w = (struct scmi_proto_walk){"things", 0, 3, 0};
	assert_int_equal(scmi_proto_walk_step(a, &w, 1, 1), 0);
	assert_int_equal(scmi_proto_walk_step(a, &w, 2, UINT32_MAX), -EPROTO);
}

static void test_copy_name(void **state)
{
	char dst[8];
	uint8_t long_src[12] = "abcdefghijk";

	(void)state;
	memset(dst, 'x', sizeof(dst));
	scmi_proto_copy_name(dst, sizeof(dst), long_src, sizeof(long_src));
	assert_string_equal(dst, "abcdefg");
	scmi_proto_copy_name(dst, sizeof(dst), (const uint8_t *)"abcdefg", 7);
	assert_string_equal(dst, "abcdefg");
	scmi_proto_copy_name(dst, sizeof(dst), (const uint8_t *)"abc\0def", 7);
	assert_string_equal(dst, "abc");
	scmi_proto_copy_name(dst, sizeof(dst), long_src, 3);
	assert_string_equal(dst, "abc");
}

static void test_name_get(void **state)
{
	struct scmi_agent *a = *state;
	uint8_t v[4 + SCMI_EXT_NAME_SIZE];
	char name[SCMI_EXT_NAME_SIZE + 1];

	memset(v, 'n', sizeof(v));
	ss_set(0x14, 0x8, 0, v, sizeof(v));
	assert_int_equal(scmi_proto_name_get(a, 0x14, 0x8, NULL, 0, name, sizeof(name)), 0);
	assert_int_equal(strlen(name), SCMI_EXT_NAME_SIZE);
	assert_int_equal(scmi_proto_name_get(a, 0x14, 0x8, NULL, 0, name, 5), 0);
	assert_string_equal(name, "nnnn");
	assert_int_equal(scmi_proto_name_get(a, 0x14, 0x8, NULL, 0, NULL, 5), -EINVAL);
	assert_int_equal(scmi_proto_name_get(a, 0x14, 0x8, NULL, 0, name, 0), -EINVAL);
	ss_set(0x14, 0x8, 0, v, sizeof(v) - 1);
	assert_int_equal(scmi_proto_name_get(a, 0x14, 0x8, NULL, 0, name, sizeof(name)), -EPROTO);
}

/* An scmi node with one protocol child carrying @status (NULL: none) and no reg. */
static size_t dt_with_status(void *buf, size_t size, const char *status, int status_len)
{
	assert_int_equal(fdt_create(buf, (int)size), 0);
	assert_int_equal(fdt_finish_reservemap(buf), 0);
	assert_int_equal(fdt_begin_node(buf, ""), 0);
	assert_int_equal(fdt_begin_node(buf, "firmware"), 0);
	assert_int_equal(fdt_begin_node(buf, "scmi"), 0);
	assert_int_equal(fdt_property_string(buf, "compatible", "linaro,scmi-optee"), 0);
	assert_int_equal(fdt_property_u32(buf, "linaro,optee-channel-id", 0), 0);
	assert_int_equal(fdt_begin_node(buf, "protocol@14"), 0);
	if (status)
		assert_int_equal(fdt_property(buf, "status", status, status_len), 0);
	assert_int_equal(fdt_end_node(buf), 0);
	assert_int_equal(fdt_end_node(buf), 0);
	assert_int_equal(fdt_end_node(buf), 0);
	assert_int_equal(fdt_end_node(buf), 0);
	assert_int_equal(fdt_finish(buf), 0);
	return fdt_totalsize(buf);
}

static void test_dt_status(void **state)
{
	static uint8_t buf[1024];
	struct scmi_dt_config cfg;
	char err[128];

	(void)state;
	/* A protocol@ node without reg is refused when it is available... */
	assert_int_equal(
	    scmi_dt_parse(buf, dt_with_status(buf, sizeof(buf), NULL, 0), &cfg, err, sizeof(err)),
	    -EINVAL);
	assert_string_equal(err, "protocol@14: missing reg");
	assert_int_equal(
	    scmi_dt_parse(buf, dt_with_status(buf, sizeof(buf), "okay", 5), &cfg, err, sizeof(err)),
	    -EINVAL);
	assert_int_equal(
	    scmi_dt_parse(buf, dt_with_status(buf, sizeof(buf), "ok", 3), &cfg, err, sizeof(err)),
	    -EINVAL);
	/* ... and skipped when it is not: disabled, or an empty status. */
	assert_int_equal(scmi_dt_parse(buf, dt_with_status(buf, sizeof(buf), "disabled", 9), &cfg,
				       err, sizeof(err)),
			 0);
	assert_int_equal(
	    scmi_dt_parse(buf, dt_with_status(buf, sizeof(buf), "", 0), &cfg, err, sizeof(err)), 0);
	assert_int_equal(
	    scmi_dt_parse(buf, dt_with_status(buf, sizeof(buf), "fail", 5), &cfg, err, sizeof(err)),
	    0);
	assert_int_equal(cfg.num_chans, 1);
}

static void test_last_error(void **state)
{
	struct scmi_agent *a = *state;
	struct scmi_agent_stats st = {1, 2, 3};
	char buf[8] = "zzzzzzz";

	scmi_agent_set_error(a, "abc%s", "def");
	/* The whole length is told; the copy is cut to the room. */
	assert_int_equal(scmi_agent_last_error(a, buf, 4), 6);
	assert_string_equal(buf, "abc");
	assert_int_equal(scmi_agent_last_error(a, buf, sizeof(buf)), 6);
	assert_string_equal(buf, "abcdef");
	buf[0] = 'q';
	assert_int_equal(scmi_agent_last_error(a, buf, 0), 0);
	assert_int_equal(buf[0], 'q');
	assert_int_equal(scmi_agent_last_error(a, NULL, 4), 0);
	assert_int_equal(scmi_agent_last_error(NULL, buf, 4), 0);
	scmi_agent_get_stats(NULL, &st);
	scmi_agent_get_stats(a, NULL);
	assert_int_equal(st.xfers_ok, 1);
	scmi_agent_get_stats(a, &st);
	assert_int_equal(st.xfers_ok, 0);
	assert_int_equal(st.xfers_failed, 0);
	assert_int_equal(st.bad_replies, 0);
}

/* A transport whose second channel cannot be set up. */
static int setups, frees, removes;

static int second_fails(struct scmi_chan_info *cinfo, char *err, size_t err_len)
{
	if (cinfo->index == 1) {
		scmi_set_err(err, err_len, "second channel refused");
		return -ENODEV;
	}
	setups++;
	return 0;
}

static void count_free(struct scmi_chan_info *cinfo)
{
	(void)cinfo;
	frees++;
}

static void count_remove(struct scmi_agent *agent)
{
	(void)agent;
	removes++;
}

static void test_setup_unwinds(void **state)
{
	static uint8_t dtb[4096];
	static struct scmi_transport_ops ops;
	static struct scmi_transport_desc desc;
	struct scmi_agent_config cfg = {0};
	struct scmi_agent *a = (void *)1;
	char err[128];
	struct tdt t;

	(void)state;
	fake_reset();
	ops = *fake_desc.ops;
	ops.chan_setup = second_fails;
	ops.chan_free = count_free;
	ops.remove = count_remove;
	desc = fake_desc;
	desc.ops = &ops;
	tdt_defaults(&t);
	t.nprotos = 2;
	t.protos[0] = (struct tdt_proto){.reg = 0x14, .has_chan = true, .chan = 9};
	t.protos[1] = (struct tdt_proto){.reg = 0x15, .has_chan = true, .chan = 10};
	cfg.dtb = dtb;
	cfg.dtb_size = tdt_build(&t, dtb, sizeof(dtb));
	cfg.errbuf = err;
	cfg.errbuf_len = sizeof(err);
	setups = frees = removes = 0;
	/* The first channel was set up: it is freed, in reverse, and the transport removed. */
	assert_int_equal(scmi_agent_open_with_transport(&cfg, &desc, &a), -ENODEV);
	assert_null(a);
	assert_string_equal(err, "second channel refused");
	assert_int_equal(setups, 1);
	assert_int_equal(frees, 1);
	assert_int_equal(removes, 1);
	/* Without chan_free or remove the unwinding still works. */
	ops.chan_free = NULL;
	ops.remove = NULL;
	assert_int_equal(scmi_agent_open_with_transport(&cfg, &desc, &a), -ENODEV);
	assert_int_equal(frees, 1);
	/* A transport without the mandatory ops is refused before anything. */
	ops.chan_setup = NULL;
	assert_int_equal(scmi_agent_open_with_transport(&cfg, &desc, &a), -EINVAL);
	assert_string_equal(err, "transport fake lacks mandatory ops");
	ops = *fake_desc.ops;
	ops.send_message = NULL;
	assert_int_equal(scmi_agent_open_with_transport(&cfg, &desc, &a), -EINVAL);
	ops = *fake_desc.ops;
	ops.fetch_response = NULL;
	assert_int_equal(scmi_agent_open_with_transport(&cfg, &desc, &a), -EINVAL);
	ops = *fake_desc.ops;
	ops.remove = count_remove;
	removes = 0;
	assert_int_equal(scmi_agent_open_with_transport(&cfg, &desc, &a), 0);
	scmi_agent_close(a);
	assert_int_equal(removes, 1);
	assert_int_equal(scmi_agent_open_with_transport(&cfg, NULL, &a), -EINVAL);
	assert_int_equal(scmi_agent_open_with_transport(&cfg, &desc, NULL), -EINVAL);
	desc.ops = NULL;
	assert_int_equal(scmi_agent_open_with_transport(&cfg, &desc, &a), -EINVAL);
}

/* The core's path through a transport: mark_txdone, poll_done, sizes, rx_len. */
static int txdone_calls, txdone_ret;

static void count_txdone(struct scmi_chan_info *cinfo, int ret, struct scmi_xfer *xfer)
{
	(void)cinfo;
	(void)xfer;
	txdone_calls++;
	txdone_ret = ret;
}

static void test_xfer_paths(void **state)
{
	static struct scmi_transport_ops ops;
	static struct scmi_transport_desc desc;
	struct scmi_agent_config cfg = {.timeout_ms = 20};
	struct scmi_agent *a;
	struct timespec t0, t1;
	uint8_t rx[8];
	size_t rx_len = 9;
	int32_t status = 5;
	long ms;

	(void)state;
	fake_reset();
	ops = *fake_desc.ops;
	ops.mark_txdone = count_txdone;
	desc = fake_poll_desc;
	desc.ops = &ops;
	assert_int_equal(scmi_agent_open_with_transport(&cfg, &desc, &a), 0);
	txdone_calls = 0;
	/* Every transfer ends with mark_txdone and its result, failed or not. */
	assert_int_equal(scmi_xfer(a, 0x10, 0, NULL, 0, rx, sizeof(rx), &rx_len, &status), 0);
	assert_int_equal(rx_len, 4);
	assert_int_equal(status, 0);
	assert_int_equal(txdone_calls, 1);
	assert_int_equal(txdone_ret, 0);
	fake.send_ret = -ECONNRESET;
	rx_len = 9;
	status = 5;
	assert_int_equal(scmi_xfer(a, 0x10, 0, NULL, 0, rx, sizeof(rx), &rx_len, &status),
			 -ECONNRESET);
	assert_int_equal(rx_len, 0);
	assert_int_equal(status, 5);
	assert_int_equal(txdone_calls, 2);
	assert_int_equal(txdone_ret, -ECONNRESET);
	fake.send_ret = 0;
	/* Never done: -ETIMEDOUT after the 20 ms timeout, not much later. */
	fake.never_done = 1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	assert_int_equal(scmi_xfer(a, 0x10, 0, NULL, 0, NULL, 0, NULL, NULL), -ETIMEDOUT);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	ms = (t1.tv_sec - t0.tv_sec) * 1000 + (t1.tv_nsec - t0.tv_nsec) / 1000000;
	assert_true(ms >= 19 && ms < 500);
	assert_int_equal(txdone_ret, -ETIMEDOUT);
	fake.never_done = 0;
	/* A token is given back after each transfer, failed or not. */
	for (int i = 0; i < (int)SCMI_TOKEN_COUNT; i++)
		assert_true(scmi_token_alloc(a) >= 0);
	assert_int_equal(scmi_token_alloc(a), -EBUSY);
	scmi_agent_close(a);

	/* A transport that neither completes on return nor polls. */
	ops.poll_done = NULL;
	assert_int_equal(scmi_agent_open_with_transport(&cfg, &desc, &a), 0);
	assert_int_equal(scmi_xfer(a, 0x10, 0, NULL, 0, NULL, 0, NULL, NULL), -EINVAL);
	{
		char err[SCMI_ERR_LEN];

		scmi_agent_last_error(a, err, sizeof(err));
		assert_non_null(strstr(err, "transport can neither poll nor complete"));
	}
	scmi_agent_close(a);
	/* Completing on return, it needs no poll. */
	desc.sync_cmds_completed_on_ret = true;
	assert_int_equal(scmi_agent_open_with_transport(&cfg, &desc, &a), 0);
	assert_int_equal(scmi_xfer(a, 0x10, 0, NULL, 0, NULL, 0, NULL, NULL), 0);
	/* Each size at the limit, and NULL buffers with sizes. */
	assert_int_equal(scmi_xfer(a, 0x10, 0, rx, 0, NULL, 0, NULL, NULL), 0);
	assert_int_equal(scmi_xfer(a, 0x10, 0, NULL, 0, NULL, 4, NULL, NULL), -EINVAL);
	assert_int_equal(scmi_xfer(a, 0x10, 0, rx, 4, NULL, 0, NULL, NULL), 0);
	scmi_agent_close(a);
}

static void test_open_api(void **state)
{
	struct scmi_agent_config cfg = {0};
	struct scmi_agent *a = (void *)1;
	char err[64], path[] = "/tmp/scmi-junk-dtb.XXXXXX";
	static const uint8_t junk[64] = {1, 2, 3};
	int fd;

	(void)state;
	fake_reset();
	assert_int_equal(scmi_agent_open(NULL, &a), -EINVAL);
	/* The error buffer: cleared on entry when it has room, never touched when it has none. */
	strcpy(err, "stale");
	cfg.errbuf = err;
	cfg.errbuf_len = sizeof(err);
	assert_int_equal(scmi_agent_open_with_transport(&cfg, &fake_desc, &a), 0);
	assert_string_equal(err, "");
	scmi_agent_close(a);
	strcpy(err, "stale");
	cfg.errbuf_len = 0;
	assert_int_equal(scmi_agent_open_with_transport(&cfg, &fake_desc, &a), 0);
	assert_string_equal(err, "stale");
	scmi_agent_close(a);
	cfg.errbuf = NULL;
	cfg.errbuf_len = sizeof(err);
	assert_int_equal(scmi_agent_open_with_transport(&cfg, &fake_desc, &a), 0);
	scmi_agent_close(a);
	/* A DTB in memory or in a file that is not one: its error. */
	cfg.errbuf = err;
	cfg.dtb = junk;
	cfg.dtb_size = sizeof(junk);
	assert_int_equal(scmi_agent_open_with_transport(&cfg, &fake_desc, &a), -EINVAL);
	assert_null(a);
	assert_non_null(strstr(err, "bad DTB header"));
	cfg.dtb = NULL;
	fd = mkstemp(path);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, junk, sizeof(junk)), (ssize_t)sizeof(junk));
	close(fd);
	cfg.dt_path = path;
	err[0] = '\0';
	assert_int_equal(scmi_agent_open_with_transport(&cfg, &fake_desc, &a), -EINVAL);
	assert_non_null(strstr(err, "bad DTB header"));
	unlink(path);
	/* The mode bound: MSG is the last one. */
	cfg.dt_path = NULL;
	cfg.mode = SCMI_MODE_MSG;
	assert_int_equal(scmi_agent_open_with_transport(&cfg, &fake_desc, &a), 0);
	scmi_agent_close(a);
	cfg.mode = (enum scmi_mode)(SCMI_MODE_MSG + 1);
	assert_int_equal(scmi_agent_open_with_transport(&cfg, &fake_desc, &a), -EINVAL);
	assert_string_equal(err, "unknown transport mode 4");

	/* The small getters, with and without an agent. */
	assert_int_equal(scmi_agent_max_msg_size(NULL), 0);
	assert_int_equal(scmi_agent_mode(NULL), SCMI_MODE_AUTO);
	assert_int_equal(scmi_agent_transport(NULL), SCMI_TRANSPORT_AUTO);
	scmi_agent_channel_of(NULL, 0x14, NULL, NULL);
	assert_string_equal(scmi_transport_name(SCMI_TRANSPORT_AUTO), "auto");
	assert_string_equal(scmi_transport_name(SCMI_TRANSPORT_OPTEE), "optee");
	assert_string_equal(scmi_transport_name(SCMI_TRANSPORT_LINUX_RAW), "linux-raw");
	assert_string_equal(scmi_transport_name((enum scmi_transport_kind)7), "unknown");
	assert_false(scmi_linux_raw_present("/nonexistent/scmi/raw"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(test_list_short_reply, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_discover_agent_lengths, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_base_wire, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_base_info_steps, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_common_u32, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_proto_version, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_proto_xfer_u32, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_walk_bounds, setup, teardown),
	    cmocka_unit_test(test_copy_name),
	    cmocka_unit_test_setup_teardown(test_name_get, setup, teardown),
	    cmocka_unit_test(test_dt_status),
	    cmocka_unit_test_setup_teardown(test_last_error, setup, teardown),
	    cmocka_unit_test(test_setup_unwinds),
	    cmocka_unit_test(test_xfer_paths),
	    cmocka_unit_test(test_open_api),
	};

	return cmocka_run_group_tests_name("agent/edges", tests, NULL, NULL);
}
