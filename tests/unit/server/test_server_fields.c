// SPDX-License-Identifier: BSD-3-Clause
/*
 * What the server remembers per agent and standard protocol (struct scmi_server_agent_state):
 * 4-bit fields packed into words as wide as the host's (one 64-bit word on a 64-bit host, two
 * 32-bit words on a 32-bit one). A version negotiated for one protocol must stay that
 * protocol's, whichever word and bits its field has, and never touch another protocol's or
 * another agent's; an agent reset forgets them all. Through scmi_server_process_raw() and the
 * real protocol registry, on a platform that runs the server's newest version of each.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "scmi/proto/base.h"
#include "scmi/proto/ids.h"
#include "scmi/proto/status.h"
#include "server_test.h"

/* Agent n on channel n; the first and the last agent the state has room for. */
#define FIRST_AGENT 1u
#define LAST_AGENT  SCMI_SERVER_MAX_AGENTS

/* A channel whose agent id is past what the state has room for (a platform's mistake). */
#define BEYOND_CH 1000u

static bool channel_agent(void *plat, uint32_t channel_id, uint32_t *agent_id)
{
	(void)plat;
	if (channel_id == BEYOND_CH) {
		*agent_id = LAST_AGENT + 1;
		return true;
	}
	if (channel_id < FIRST_AGENT || channel_id > LAST_AGENT)
		return false;
	*agent_id = channel_id;
	return true;
}

static bool protocol_available(void *plat, uint32_t agent_id, uint8_t protocol_id)
{
	(void)plat;
	(void)agent_id;
	(void)protocol_id;
	return true;
}

/* Every protocol at the server's own (newest) version. */
static uint32_t protocol_version(void *plat, uint8_t protocol_id)
{
	(void)plat;
	(void)protocol_id;
	return 0;
}

static const struct scmi_server_platform_ops ops = {
    .channel_agent = channel_agent,
    .protocol_available = protocol_available,
    .protocol_version = protocol_version,
};

struct fixture {
	struct scmi_server srv;
	struct reply r;
};

static int setup(void **state)
{
	static struct fixture f;

	scmi_server_init(&f.srv, &ops, NULL);
	*state = &f;
	return 0;
}

#define FIX() struct fixture *f = *state

/* The versions the server speaks of @id: oldest and newest. */
static void versions_of(uint8_t id, uint32_t *oldest, uint32_t *newest)
{
	size_t n;
	const uint32_t *v = scmi_server_protocol_versions(id, &n);

	assert_non_null(v);
	assert_true(n >= 1);
	*oldest = v[0];
	*newest = v[n - 1];
}

/* PROTOCOL_VERSION of protocol @id for the agent of @ch. */
static uint32_t version_of(struct fixture *f, uint32_t ch, uint8_t id)
{
	uint32_t hdr = scmi_hdr_make(id, SCMI_MSG_PROTOCOL_VERSION, SCMI_MSG_TYPE_COMMAND, 1);

	assert_int_equal(raw_call_room(&f->srv, ch, hdr, NULL, 0, SCMI_SERVER_MAX_PAYLOAD, &f->r),
			 SCMI_SUCCESS);
	assert_int_equal(f->r.len, 8);
	return reply_u32(&f->r, 4);
}

/* NEGOTIATE_PROTOCOL_VERSION of protocol @id to @version for the agent of @ch: its status. */
static int32_t negotiate(struct fixture *f, uint32_t ch, uint8_t id, uint32_t version)
{
	uint32_t hdr =
	    scmi_hdr_make(id, SCMI_MSG_NEGOTIATE_PROTOCOL_VERSION, SCMI_MSG_TYPE_COMMAND, 2);
	uint8_t in[4];

	scmi_put_le32(in, version);
	return raw_call_room(&f->srv, ch, hdr, in, sizeof(in), SCMI_SERVER_MAX_PAYLOAD, &f->r);
}

/*
 * Standard protocols the server implements with more than one version, in field order:
 * Base (field 0, the lowest bits), Perf (3) and Powercap (8: the first field past 32 bits).
 */
static const uint8_t negotiable[] = {SCMI_PROTOCOL_BASE, SCMI_PROTOCOL_PERF,
				     SCMI_PROTOCOL_POWERCAP};

/* Every standard protocol the server implements, in field order. */
static const uint8_t all[] = {SCMI_PROTOCOL_BASE,   SCMI_PROTOCOL_POWER,   SCMI_PROTOCOL_SYSTEM,
			      SCMI_PROTOCOL_PERF,   SCMI_PROTOCOL_CLOCK,   SCMI_PROTOCOL_SENSOR,
			      SCMI_PROTOCOL_RESET,  SCMI_PROTOCOL_VOLTAGE, SCMI_PROTOCOL_POWERCAP,
			      SCMI_PROTOCOL_PINCTRL};

static bool is_negotiated(uint8_t id, uint8_t upto)
{
	size_t i;

	for (i = 0; i < sizeof(negotiable) && negotiable[i] <= upto; i++) {
		if (negotiable[i] == id)
			return true;
	}
	return false;
}

/* The oldest version an agent may negotiate of @id: Base 2.0 (1.0 has no NEGOTIATE). */
static uint32_t lowest(uint8_t id)
{
	uint32_t oldest, newest;

	versions_of(id, &oldest, &newest);
	return id == SCMI_PROTOCOL_BASE ? SCMI_BASE_VERSION_2_0 : oldest;
}

/*
 * Every protocol of the agent of @ch: the lowest version for those of negotiable[] up to id
 * @upto (negotiated down so far), the newest for the others.
 */
static void expect_versions(struct fixture *f, uint32_t ch, uint8_t upto)
{
	uint32_t oldest, newest;
	size_t i;

	for (i = 0; i < sizeof(all); i++) {
		versions_of(all[i], &oldest, &newest);
		assert_int_equal(version_of(f, ch, all[i]),
				 is_negotiated(all[i], upto) ? lowest(all[i]) : newest);
	}
}

static void test_each_field_its_own(void **state)
{
	FIX();
	uint32_t oldest, newest;
	size_t i;

	for (i = 0; i < sizeof(negotiable); i++) {
		versions_of(negotiable[i], &oldest, &newest);
		assert_true(lowest(negotiable[i]) < newest);
	}
	expect_versions(f, FIRST_AGENT, 0);
	/* One field at a time, each checked against all the others. */
	for (i = 0; i < sizeof(negotiable); i++) {
		assert_int_equal(negotiate(f, FIRST_AGENT, negotiable[i], lowest(negotiable[i])),
				 SCMI_SUCCESS);
		if (negotiable[i] == SCMI_PROTOCOL_BASE)
			continue;
		expect_versions(f, FIRST_AGENT, negotiable[i]);
	}
	/* Another agent's fields, and its neighbour's in the state, are untouched. */
	expect_versions(f, FIRST_AGENT + 1, 0);
	expect_versions(f, LAST_AGENT, 0);

	/* Back up to the newest, field by field. */
	versions_of(SCMI_PROTOCOL_POWERCAP, &oldest, &newest);
	assert_int_equal(negotiate(f, FIRST_AGENT, SCMI_PROTOCOL_POWERCAP, newest), SCMI_SUCCESS);
	expect_versions(f, FIRST_AGENT, SCMI_PROTOCOL_PERF);
}

static void test_base_field_lowest_bits(void **state)
{
	FIX();
	uint32_t oldest, newest;

	versions_of(SCMI_PROTOCOL_BASE, &oldest, &newest);
	assert_int_equal(negotiate(f, FIRST_AGENT, SCMI_PROTOCOL_BASE, SCMI_BASE_VERSION_2_0),
			 SCMI_SUCCESS);
	assert_int_equal(version_of(f, FIRST_AGENT, SCMI_PROTOCOL_BASE), SCMI_BASE_VERSION_2_0);
	expect_versions(f, FIRST_AGENT + 1, 0);
	assert_int_equal(negotiate(f, FIRST_AGENT, SCMI_PROTOCOL_BASE, newest), SCMI_SUCCESS);
	expect_versions(f, FIRST_AGENT, 0);
}

static void test_last_agent(void **state)
{
	FIX();
	size_t i;

	for (i = 0; i < sizeof(negotiable); i++)
		assert_int_equal(negotiate(f, LAST_AGENT, negotiable[i], lowest(negotiable[i])),
				 SCMI_SUCCESS);
	expect_versions(f, LAST_AGENT, SCMI_PROTOCOL_POWERCAP);
	expect_versions(f, LAST_AGENT - 1, 0);
}

static void test_reset_forgets_all(void **state)
{
	FIX();
	size_t i;

	for (i = 0; i < sizeof(negotiable); i++)
		assert_int_equal(negotiate(f, FIRST_AGENT, negotiable[i], lowest(negotiable[i])),
				 SCMI_SUCCESS);
	scmi_server_reset_agent(&f->srv, FIRST_AGENT);
	expect_versions(f, FIRST_AGENT, 0);
}

/*
 * An agent id the state has no room for is served at the platform's versions, and nothing it
 * asks is remembered: NEGOTIATE is NOT_SUPPORTED, and no other agent's field moves.
 */
static void test_agent_beyond_state(void **state)
{
	FIX();
	uint32_t oldest, newest;

	versions_of(SCMI_PROTOCOL_BASE, &oldest, &newest);
	assert_int_equal(version_of(f, BEYOND_CH, SCMI_PROTOCOL_BASE), newest);
	assert_int_equal(negotiate(f, BEYOND_CH, SCMI_PROTOCOL_BASE, SCMI_BASE_VERSION_2_0),
			 SCMI_NOT_SUPPORTED);
	assert_int_equal(version_of(f, BEYOND_CH, SCMI_PROTOCOL_BASE), newest);
	assert_int_equal(version_of(f, LAST_AGENT, SCMI_PROTOCOL_BASE), newest);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup(test_each_field_its_own, setup),
	    cmocka_unit_test_setup(test_base_field_lowest_bits, setup),
	    cmocka_unit_test_setup(test_last_agent, setup),
	    cmocka_unit_test_setup(test_reset_forgets_all, setup),
	    cmocka_unit_test_setup(test_agent_beyond_state, setup),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
