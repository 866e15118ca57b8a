/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Protocol tests in the imx-sm style: each test walks a protocol through the
 * agent API (libscmi) against the simulated server of the default platform,
 * with the whole secure side in this process (inproc TEE backend), and runs
 * once per transport mode: SMT in the static region, SMT in a memref, MSG.
 *
 * Each test gets a fresh secure world (platform state from the DTB) with
 * virtual time, and an agent "linux" on channel 0/1. Usage:
 *
 *   static void test_x(void **state) { struct proto_fixture *f = *state; ... }
 *   int main(void) {
 *           const struct CMUnitTest tests[] = { PROTO_TEST(test_x), ... };
 *           return proto_run("clock", tests, ARRAY_SIZE(tests));
 *   }
 */
#ifndef SCMI_TEST_PROTO_FIXTURE_H
#define SCMI_TEST_PROTO_FIXTURE_H

/* cmocka needs these first. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "scmi/scmi.h"

struct secure_world;
struct sim_platform;

/**
 * struct proto_fixture - what a protocol test works with.
 * @world: the secure side (platform, server, TEE core, PTA)
 * @plat:  its simulated platform (virtual time: advance with sim_platform_advance_time())
 * @agent: agent "linux" in the mode under test
 * @mode:  that mode
 */
struct proto_fixture {
	struct secure_world *world;
	struct sim_platform *plat;
	struct scmi_agent *agent;
	enum scmi_mode mode;
	bool locked;
};

/**
 * proto_lock() / proto_unlock() - take and give back @f's platform lock, to read or drive the
 * models directly. A failed assertion leaves the test by longjmp, past the unlock: the
 * fixture gives a lock still held back when it closes, so that the test fails instead of
 * its teardown waiting for the lock until the ctest timeout.
 */
void proto_lock(struct proto_fixture *f);
void proto_unlock(struct proto_fixture *f);

/** Agent DTBs of the default platform: "linux" (SMT, channel 0), "linux" (no shmem,
 * channel 1), "vm1" (SMT, channel 2). */
extern const char *const proto_agent_smt_dtb;
extern const char *const proto_agent_msg_dtb;
extern const char *const proto_agent_vm1_dtb;

/**
 * proto_open_agent() - open another agent on @f's world from agent DTB @dtb in @mode
 * (SCMI_MODE_AUTO: as Linux picks). Fails the test on error.
 */
struct scmi_agent *proto_open_agent(struct proto_fixture *f, const char *dtb, enum scmi_mode mode);

/** Directory of the compiled platforms (for tests of other platforms, e.g. old versions). */
extern const char *const proto_platforms_dir;

/**
 * proto_fixture_open() - build @f on platform DTB @platform_dtb with agent "linux" in @mode
 * (for tests that need another platform than the default). 0, or -1 with a message.
 */
int proto_fixture_open(struct proto_fixture *f, const char *platform_dtb, enum scmi_mode mode);

/**
 * proto_open_platform() - proto_fixture_open() on @name, a DTB of the build's platforms
 * directory (e.g. "clock-v1.dtb"); fails the test on error.
 */
void proto_open_platform(struct proto_fixture *f, const char *name, enum scmi_mode mode);

/** proto_fixture_close() - undo proto_fixture_open(). */
void proto_fixture_close(struct proto_fixture *f);

/** proto_setup() / proto_teardown() - per-test fixture for the current mode. */
int proto_setup(void **state);
int proto_teardown(void **state);

/** proto_current_mode() - the transport mode of the group running now. */
enum scmi_mode proto_current_mode(void);

/**
 * proto_raw() - one raw message, as the agent library would never send it: @n words
 * (at most 16) as the little-endian payload of message @msg of protocol @proto. The
 * reply's return values go to @rx (room @rx_max), their length to *@rx_len and the
 * SCMI status to *@status (each may be NULL; *@rx_len is 0 when nothing came back).
 * Returns what scmi_xfer() returns.
 */
int proto_raw(struct scmi_agent *agent, uint8_t proto, uint8_t msg, const uint32_t *words, size_t n,
	      void *rx, size_t rx_max, size_t *rx_len, int32_t *status);

/** proto_raw_capped() - proto_raw() with @rx_max cut to the agent's largest reply. */
int proto_raw_capped(struct scmi_agent *agent, uint8_t proto, uint8_t msg, const uint32_t *words,
		     size_t n, void *rx, size_t rx_max, size_t *rx_len, int32_t *status);

/**
 * proto_assert_messages() - PROTOCOL_MESSAGE_ATTRIBUTES of @proto finds messages 0..@last
 * and NEGOTIATE_PROTOCOL_VERSION (0x10), and no other id up to 0x11.
 */
void proto_assert_messages(struct scmi_agent *agent, uint8_t proto, uint32_t last);

/**
 * proto_assert_init() - @proto's client init settled on @version, which is @want, found
 * @count resources, which is @want_count, and the platform lists messages 0..@last of it
 * (proto_assert_messages()).
 */
void proto_assert_init(struct scmi_agent *agent, uint8_t proto, uint32_t version, uint32_t want,
		       uint32_t count, uint32_t want_count, uint32_t last);

/** struct proto_bad_len - message @msg sent with @words words, a length it must refuse. */
struct proto_bad_len {
	uint8_t msg;
	uint8_t words;
};

/**
 * proto_assert_bad_lengths() - each of the @count @cases of @proto, sent raw with the first
 * words of @w, fails with -EPROTO.
 */
void proto_assert_bad_lengths(struct scmi_agent *agent, uint8_t proto, const uint32_t *w,
			      const struct proto_bad_len *cases, size_t count);

#define PROTO_TEST(fn) cmocka_unit_test_setup_teardown(fn, proto_setup, proto_teardown)

/** proto_run() - run @tests once per transport mode; returns the number of failures. */
int proto_run(const char *name, const struct CMUnitTest *tests, size_t count);

#define PROTO_ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

#endif
