/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * A scripted server over the fake transport, for the edges of the protocol
 * clients: each (protocol, message) gets a fixed reply or a queue of replies,
 * so that a test can serve exactly the malformed, short or boundary reply a
 * client must refuse or accept. Every request is logged with its payload.
 */
#ifndef SCMI_TEST_SCRIPT_SERVER_H
#define SCMI_TEST_SCRIPT_SERVER_H

#include <stddef.h>
#include <stdint.h>

#include "fake_transport.h"

#define SS_MAX_RULES 256
#define SS_MAX_LOG   512
#define SS_MAX_DATA  256
#define SS_MAX_TX    64

/**
 * struct ss_req - one request the server saw.
 * @proto, @msg: its protocol and message ids
 * @tx:          its first SS_MAX_TX payload bytes; @tx_len its full length
 */
struct ss_req {
	uint8_t proto, msg;
	uint8_t tx[SS_MAX_TX];
	size_t tx_len;
};

/** ss_reset() - fake_reset(), then every message is NOT_SUPPORTED until scripted. */
void ss_reset(void);

/** ss_set() - every request for (@proto, @msg) gets @status and @len bytes of @data. */
void ss_set(uint8_t proto, uint8_t msg, int32_t status, const void *data, size_t len);

/** ss_push() - the next request for (@proto, @msg) only; queued before the fixed reply. */
void ss_push(uint8_t proto, uint8_t msg, int32_t status, const void *data, size_t len);

/** ss_u32() - ss_set() of SUCCESS with the @n little-endian words @w. */
void ss_u32(uint8_t proto, uint8_t msg, const uint32_t *w, size_t n);

/** ss_version() - PROTOCOL_VERSION of @proto answers @version, ATTRIBUTES @attr. */
void ss_version(uint8_t proto, uint32_t version, uint32_t attr);

/** ss_count() - requests seen for (@proto, @msg). */
size_t ss_count(uint8_t proto, uint8_t msg);

/** ss_last() - the last request seen for (@proto, @msg), or NULL. */
const struct ss_req *ss_last(uint8_t proto, uint8_t msg);

/** ss_tx_u32() - word @i of the last request for (@proto, @msg) (0 when absent). */
uint32_t ss_tx_u32(uint8_t proto, uint8_t msg, size_t i);

/** ss_open() - an agent over the fake transport (MSG, 104-byte payloads). */
struct scmi_agent *ss_open(void);

/** The agent of the cmocka fixture below: ss_setup() resets the script and opens it. */
extern struct scmi_agent *ss_agent;

/** ss_setup() - cmocka setup: ss_reset(), then ss_agent = ss_open(). */
int ss_setup(void **state);

/** ss_teardown() - cmocka teardown: close ss_agent. */
int ss_teardown(void **state);

#endif /* SCMI_TEST_SCRIPT_SERVER_H */
