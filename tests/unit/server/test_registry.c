// SPDX-License-Identifier: BSD-3-Clause
/*
 * A protocol registry for tests, replacing src/server/server_protocols.c: Base
 * plus dummy protocols, so that list paging and dispatch into a non-Base
 * protocol can be exercised before real protocols exist.
 */
#include "server/server_protocol.h"
#include "test_registry.h"

extern const struct scmi_server_protocol scmi_server_base_protocol;

static int32_t dummy_version(struct scmi_server_msg *msg)
{
	scmi_server_msg_put_u32(msg, DUMMY_VERSION);
	return SCMI_SUCCESS;
}

/*
 * Variable size: checks its own bound (11), then replies how many bytes it got, and the bytes:
 * every request byte a transport copied in, ragged tail included, comes back.
 */
static int32_t dummy_echo_size(struct scmi_server_msg *msg)
{
	if (msg->in_size > 11)
		return SCMI_PROTOCOL_ERROR;
	scmi_server_msg_put_u32(msg, (uint32_t)msg->in_size);
	scmi_server_msg_put_bytes(msg, msg->in, msg->in_size);
	return SCMI_SUCCESS;
}

/* A handler that tries to write more than any room: the put helpers must refuse. */
static int32_t dummy_flood(struct scmi_server_msg *msg)
{
	static const uint8_t big[SCMI_SERVER_MAX_PAYLOAD + 8] = {0x5a};
	uint32_t i;

	for (i = 0; i < 100; i++)
		scmi_server_msg_put_u32(msg, i);
	scmi_server_msg_put_bytes(msg, big, sizeof(big));
	return SCMI_SUCCESS;
}

static const scmi_server_handler_t dummy_handlers[] = {
    [0] = dummy_version,
    [1] = dummy_echo_size,
    [3] = dummy_flood,
};
static const uint8_t dummy_sizes[] = {
    [0] = 0,
    [1] = SCMI_SERVER_SIZE_VARIABLE,
    [3] = 0,
};

#define DUMMY(name, id) SCMI_SERVER_PROTOCOL_DEFINE(name, id, dummy_handlers, dummy_sizes)

DUMMY(p11, 0x11);
DUMMY(p12, 0x12);
DUMMY(p13, 0x13);
DUMMY(p14, 0x14);
DUMMY(p15, 0x15);
DUMMY(p16, 0x16);
DUMMY(p17, 0x17);
DUMMY(p18, 0x18);
DUMMY(p19, 0x19);
DUMMY(p80, 0x80);
/* A vendor protocol whose messages 1 and 3 need the platform's version to be new enough. */
static const uint32_t p81_since[] = {[0] = 0x10000, [1] = 0, [2] = 0x20000};
_Static_assert(1 + SCMI_SERVER_ARRAY_SIZE(p81_since) == SCMI_SERVER_ARRAY_SIZE(dummy_handlers),
	       "a first version for every message from 1 on");
const struct scmi_server_protocol p81 = {
    .id = 0x81,
    .later_from = 1,
    .handlers = dummy_handlers,
    .sizes = dummy_sizes,
    .count = SCMI_SERVER_ARRAY_SIZE(dummy_handlers),
    .since = p81_since,
};
/* Holes in its table (1 and 3), and PROTOCOL_MESSAGE_ATTRIBUTES to ask about them. */
static const scmi_server_handler_t holey_handlers[] = {
    [0] = dummy_version,
    [2] = scmi_server_common_msg_attributes,
    [4] = dummy_version,
};
static const uint8_t holey_sizes[] = {
    [0] = 0,
    [2] = SCMI_SERVER_SIZE(sizeof(struct scmi_msg_attributes_a2p)),
    [4] = 0,
};
SCMI_SERVER_PROTOCOL_DEFINE(pfe, 0xfe, holey_handlers, holey_sizes);
DUMMY(pff, 0xff);

/* Indexed by id - 0x10. */
const struct scmi_server_protocol *const scmi_server_std_protocols[SCMI_SERVER_STD_PROTOCOLS] = {
    [0x0] = &scmi_server_base_protocol,
    [0x1] = &p11,
    [0x2] = &p12,
    [0x3] = &p13,
    [0x4] = &p14,
    [0x5] = &p15,
    [0x6] = &p16,
    [0x7] = &p17,
    [0x8] = &p18,
    [0x9] = &p19,
};

static const struct scmi_server_protocol *const vendor[] = {
    &p80,
    &p81,
    &pfe,
    &pff,
};

const struct scmi_server_protocol *scmi_server_vendor_protocol_find(uint8_t id)
{
	size_t i;

	for (i = 0; i < SCMI_SERVER_ARRAY_SIZE(vendor); i++) {
		if (vendor[i]->id == id)
			return vendor[i];
	}
	return NULL;
}
