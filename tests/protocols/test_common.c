// SPDX-License-Identifier: BSD-3-Clause
/*
 * The messages every protocol has, for every protocol of the default platform,
 * in every transport mode: version, message attributes, negotiation.
 */
#include <errno.h>

#include "fixture.h"
#include "scmi/base.h"

static const struct {
	uint8_t id;
	uint32_t version;
} expected[] = {
    {SCMI_PROTOCOL_POWER, 0x30001},   {SCMI_PROTOCOL_SYSTEM, 0x20001},
    {SCMI_PROTOCOL_PERF, 0x40000},    {SCMI_PROTOCOL_CLOCK, 0x30000},
    {SCMI_PROTOCOL_SENSOR, 0x30001},  {SCMI_PROTOCOL_RESET, 0x30001},
    {SCMI_PROTOCOL_VOLTAGE, 0x20001}, {SCMI_PROTOCOL_POWERCAP, 0x20000},
    {SCMI_PROTOCOL_PINCTRL, 0x10000},
};

static void test_every_protocol_listed_with_its_version(void **state)
{
	struct proto_fixture *f = *state;
	struct scmi_base_info info;
	size_t i, j;

	assert_int_equal(scmi_base_get_info(f->agent, &info), 0);
	assert_int_equal(info.num_protocols, PROTO_ARRAY_SIZE(expected));
	for (i = 0; i < PROTO_ARRAY_SIZE(expected); i++) {
		uint32_t v = 0;
		bool listed = false;

		for (j = 0; j < info.num_listed; j++)
			listed |= info.protocols[j] == expected[i].id;
		assert_true(listed);
		assert_int_equal(scmi_protocol_version(f->agent, expected[i].id, &v), 0);
		assert_int_equal(v, expected[i].version);
	}
}

static void test_message_attributes_of_missing_messages(void **state)
{
	struct proto_fixture *f = *state;
	uint32_t attr;
	size_t i;

	for (i = 0; i < PROTO_ARRAY_SIZE(expected); i++) {
		/* PROTOCOL_VERSION always exists; message 0xff never does. */
		assert_int_equal(
		    scmi_protocol_message_attributes(f->agent, expected[i].id, 0, &attr), 0);
		assert_int_equal(
		    scmi_protocol_message_attributes(f->agent, expected[i].id, 0xff, &attr),
		    -ENOENT);
	}
}

static void test_negotiate_down_and_back(void **state)
{
	struct proto_fixture *f = *state;
	size_t i;

	for (i = 0; i < PROTO_ARRAY_SIZE(expected); i++) {
		uint8_t id = expected[i].id;
		uint32_t v = 0;

		/* Newer than the platform, or older than the first published version: refused. */
		assert_int_equal(
		    scmi_protocol_negotiate_version(f->agent, id, expected[i].version + 1),
		    -EOPNOTSUPP);
		assert_int_equal(scmi_protocol_negotiate_version(f->agent, id, 0x0000ffff),
				 -EOPNOTSUPP);
		/* 1.0 exists for every protocol: the version in force follows. */
		assert_int_equal(scmi_protocol_negotiate_version(f->agent, id, 0x10000), 0);
		assert_int_equal(scmi_protocol_version(f->agent, id, &v), 0);
		assert_int_equal(v, 0x10000);
		assert_int_equal(scmi_protocol_negotiate_version(f->agent, id, expected[i].version),
				 0);
		assert_int_equal(scmi_protocol_version(f->agent, id, &v), 0);
		assert_int_equal(v, expected[i].version);
	}
}

static void test_negotiation_is_per_agent(void **state)
{
	struct proto_fixture *f = *state;
	struct scmi_agent *vm1 = proto_open_agent(f, proto_agent_vm1_dtb, SCMI_MODE_AUTO);
	uint32_t v = 0;

	assert_int_equal(scmi_protocol_negotiate_version(f->agent, SCMI_PROTOCOL_CLOCK, 0x10000),
			 0);
	assert_int_equal(scmi_protocol_version(vm1, SCMI_PROTOCOL_CLOCK, &v), 0);
	assert_int_equal(v, 0x30000);
	scmi_agent_close(vm1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    PROTO_TEST(test_every_protocol_listed_with_its_version),
	    PROTO_TEST(test_message_attributes_of_missing_messages),
	    PROTO_TEST(test_negotiate_down_and_back),
	    PROTO_TEST(test_negotiation_is_per_agent),
	};

	return proto_run("common", tests, PROTO_ARRAY_SIZE(tests));
}
