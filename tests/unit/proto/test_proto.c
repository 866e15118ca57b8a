// SPDX-License-Identifier: BSD-3-Clause
/* Wire helpers: header packing, endian accessors, SMT accessors, status names. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "scmi/proto/endian.h"
#include "scmi/proto/header.h"
#include "scmi/proto/msg.h"
#include "scmi/proto/pta.h"
#include "scmi/proto/smt.h"
#include "scmi/proto/status.h"

static void test_header_roundtrip(void **state)
{
	(void)state;
	struct scmi_hdr h = {
	    .msg_id = 0x06, .type = SCMI_MSG_TYPE_COMMAND, .protocol_id = 0x10, .token = 0x3ff};
	uint32_t w = scmi_hdr_pack(&h);
	struct scmi_hdr u;

	/* Bits: id 6, type 0 at [9:8], proto 0x10 at [17:10], token 0x3ff at [27:18]. */
	assert_int_equal(w, 0x06u | (0x10u << 10) | (0x3ffu << 18));
	scmi_hdr_unpack(w, &u);
	assert_int_equal(u.msg_id, 0x06);
	assert_int_equal(u.type, 0);
	assert_int_equal(u.protocol_id, 0x10);
	assert_int_equal(u.token, 0x3ff);
	assert_int_equal(scmi_hdr_token(w), 0x3ff);
}

static void test_header_masks_and_reserved(void **state)
{
	(void)state;
	struct scmi_hdr u;

	/* A token wider than 10 bits is cut, never spills into reserved bits. */
	assert_int_equal(scmi_hdr_make(0xff, 0xff, 3, 0xffff) & SCMI_HDR_RESERVED_MASK, 0);
	/* Reserved bits set by a peer do not leak into fields. */
	scmi_hdr_unpack(0xf0000000u | (2u << 8) | (0x14u << 10) | 7u, &u);
	assert_int_equal(u.type, SCMI_MSG_TYPE_DELAYED_RESP);
	assert_int_equal(u.protocol_id, 0x14);
	assert_int_equal(u.msg_id, 7);
	assert_int_equal(u.token, 0);
}

static void test_endian(void **state)
{
	(void)state;
	uint8_t b[8];

	scmi_put_le32(b, 0x11223344u);
	assert_int_equal(b[0], 0x44);
	assert_int_equal(b[3], 0x11);
	assert_int_equal(scmi_get_le32(b), 0x11223344u);
	scmi_put_le16(b, 0xabcd);
	assert_int_equal(b[0], 0xcd);
	assert_int_equal(scmi_get_le16(b), 0xabcd);
	scmi_put_le64(b, 0x0102030405060708ull);
	assert_int_equal(b[0], 0x08);
	assert_int_equal(b[7], 0x01);
	assert_true(scmi_get_le64(b) == 0x0102030405060708ull);
}

static void test_smt_layout(void **state)
{
	(void)state;
	uint32_t area[32];

	memset(area, 0, sizeof(area));
	assert_int_equal(SCMI_SMT_HDR_SIZE, 28);
	scmi_smt_write32(area, SCMI_SMT_OFF_STATUS, SCMI_SMT_STATUS_FREE);
	scmi_smt_write32(area, SCMI_SMT_OFF_LENGTH, 8);
	assert_int_equal(area[1], SCMI_SMT_STATUS_FREE);
	assert_int_equal(area[5], 8);
	assert_int_equal(scmi_smt_read32(area, SCMI_SMT_OFF_LENGTH), 8);
	assert_int_equal(scmi_smt_payload_room(128), 100);
	assert_int_equal(scmi_smt_payload_room(28), 0);
	assert_int_equal(scmi_smt_payload_room(4), 0);
	assert_int_equal(SCMI_MSG_RESP_OVERHEAD, 8);
}

static void test_pta_abi_words(void **state)
{
	(void)state;
	static const uint8_t uuid[] = PTA_SCMI_UUID_BYTES;

	assert_int_equal(PTA_SCMI_PT_CAPABILITIES, 0x0002);
	assert_int_equal(PTA_SCMI_PT_PROCESS_SMT_CHANNEL, 0x0001);
	assert_int_equal(PTA_SCMI_PT_PROCESS_SMT_CHANNEL_MESSAGE, 0x0071);
	assert_int_equal(PTA_SCMI_PT_GET_CHANNEL_HANDLE, 0x0003);
	assert_int_equal(PTA_SCMI_PT_PROCESS_MSG_CHANNEL, 0x0651);
	assert_int_equal(TEE_PARAM_TYPE_GET(0x0651, 2), TEE_PARAM_TYPE_MEMREF_OUTPUT);
	assert_int_equal(sizeof(uuid), 16);
	assert_int_equal(uuid[0], 0xa8);
	assert_int_equal(uuid[15], 0x99);
}

static void test_status_names(void **state)
{
	(void)state;
	assert_string_equal(scmi_status_name(SCMI_SUCCESS), "SUCCESS");
	assert_string_equal(scmi_status_name(SCMI_NOT_FOUND), "NOT_FOUND");
	assert_string_equal(scmi_status_name(SCMI_PROTOCOL_ERROR), "PROTOCOL_ERROR");
	assert_string_equal(scmi_status_name(SCMI_IN_USE), "IN_USE");
	assert_string_equal(scmi_status_name(SCMI_PARTIAL), "PARTIAL");
	assert_string_equal(scmi_status_name(-13), "UNKNOWN");
	assert_string_equal(scmi_status_name(1), "UNKNOWN");
	assert_string_equal(scmi_status_name(INT32_MIN), "UNKNOWN");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_header_roundtrip),
	    cmocka_unit_test(test_header_masks_and_reserved),
	    cmocka_unit_test(test_endian),
	    cmocka_unit_test(test_smt_layout),
	    cmocka_unit_test(test_pta_abi_words),
	    cmocka_unit_test(test_status_names),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
