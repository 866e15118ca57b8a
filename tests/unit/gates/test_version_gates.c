// SPDX-License-Identifier: BSD-3-Clause
/*
 * The message-exists check, for every protocol at every version the server speaks (the
 * default platform with that protocol's version edited): a message id the protocol lacks, or
 * lacks at that version, is NOT_FOUND whatever the size of its request (the check comes before
 * the size check), and PROTOCOL_MESSAGE_ATTRIBUTES says the same of it. A message that exists
 * is never NOT_FOUND for an empty request of the wrong size: it gets PROTOCOL_ERROR (or, for
 * the few that take no parameters, an answer).
 *
 * Then the facts the sweep alone cannot tell, each written down in include/scmi/proto/:
 * NEGOTIATE_PROTOCOL_VERSION exists from the version SCMI 3.2 brought (judged on the
 * platform's version, so that an agent that negotiated down may come back up), and Power's
 * POWER_STATE_CHANGE_REQUESTED_NOTIFY exists from Power 2.0.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dtb_expect.h"
#include "dtb_util.h"
#include "platform/sim/sim_platform.h"
#include "scmi/proto/header.h"
#include "scmi/proto/ids.h"
#include "scmi/proto/clock.h"
#include "scmi/proto/perf.h"
#include "scmi/proto/power.h"
#include "scmi/proto/reset.h"
#include "scmi/proto/sensor.h"
#include "scmi/proto/voltage.h"
#include "scmi/server/server.h"

/* Channel 0 of the default platform belongs to agent 1 ("linux"), which sees every protocol. */
#define CH 0u

struct gate {
	struct sim_platform *p;
	struct scmi_server srv;
};

static void gate_open(struct gate *g, uint8_t id, uint32_t version)
{
	void *fdt = dtb_editable();
	char path[64];

	if (id == SCMI_PROTOCOL_BASE) {
		dtb_set_u32(fdt, "/scmi-platform", "base-version", version);
	} else {
		snprintf(path, sizeof(path), "/scmi-platform/protocols/protocol@%x", id);
		dtb_set_u32(fdt, path, "version", version);
	}
	g->p = dtb_load_free(fdt);
	scmi_server_init(&g->srv, sim_platform_ops(), g->p);
}

static void gate_close(struct gate *g)
{
	sim_platform_free(g->p);
}

/* Send message @msg of protocol @id with @len zero bytes of request; the status. */
static int32_t call(struct gate *g, uint8_t id, uint8_t msg, size_t len, const uint32_t *args)
{
	uint8_t in[16] = {0}, out[SCMI_SERVER_MAX_PAYLOAD];
	size_t i, n;

	for (i = 0; args && i < len / 4; i++) {
		in[4 * i] = (uint8_t)args[i];
		in[4 * i + 1] = (uint8_t)(args[i] >> 8);
		in[4 * i + 2] = (uint8_t)(args[i] >> 16);
		in[4 * i + 3] = (uint8_t)(args[i] >> 24);
	}
	n = scmi_server_process_raw(&g->srv, CH, scmi_hdr_make(id, msg, SCMI_MSG_TYPE_COMMAND, 1),
				    in, len, out, sizeof(out));
	assert_true(n >= 4);
	return (int32_t)((uint32_t)out[0] | (uint32_t)out[1] << 8 | (uint32_t)out[2] << 16 |
			 (uint32_t)out[3] << 24);
}

/* PROTOCOL_MESSAGE_ATTRIBUTES of @msg: SUCCESS when it exists, NOT_FOUND when not. */
static int32_t exists(struct gate *g, uint8_t id, uint32_t msg)
{
	return call(g, id, SCMI_MSG_PROTOCOL_MESSAGE_ATTRIBUTES, 4, &msg);
}

static void test_sweep(void **state)
{
	static const size_t sizes[] = {0, 4, 8, 12, 16};
	unsigned int id, found_missing = 0, found_present = 0;

	(void)state;
	for (id = SCMI_PROTOCOL_BASE; id <= SCMI_PROTOCOL_PINCTRL; id++) {
		size_t nv, v;
		const uint32_t *versions = scmi_server_protocol_versions((uint8_t)id, &nv);

		assert_non_null(versions);
		for (v = 0; v < nv; v++) {
			struct gate g;
			unsigned int msg;

			gate_open(&g, (uint8_t)id, versions[v]);
			for (msg = 0; msg <= 0xff; msg++) {
				int32_t pma = exists(&g, (uint8_t)id, msg);
				size_t s;

				assert_true(pma == SCMI_SUCCESS || pma == SCMI_NOT_FOUND);
				for (s = 0; s < sizeof(sizes) / sizeof(sizes[0]); s++) {
					int32_t st =
					    call(&g, (uint8_t)id, (uint8_t)msg, sizes[s], NULL);

					if (pma == SCMI_NOT_FOUND) {
						if (st != SCMI_NOT_FOUND)
							fail_msg(
							    "protocol 0x%x v0x%x msg 0x%x (%zu "
							    "bytes): %d, not NOT_FOUND",
							    id, versions[v], msg, sizes[s], st);
					} else if (st == SCMI_NOT_FOUND && sizes[s] == 0 &&
						   msg == SCMI_MSG_PROTOCOL_MESSAGE_ATTRIBUTES) {
						fail_msg("PMA itself missing");
					}
				}
				if (pma == SCMI_NOT_FOUND)
					found_missing++;
				else
					found_present++;
			}
			gate_close(&g);
		}
	}
	/* Both kinds were seen: the sweep cannot pass by finding nothing. */
	assert_true(found_missing > 1000);
	assert_true(found_present > 100);
}

static void test_negotiate_exists_from_3_2_versions(void **state)
{
	static const struct {
		uint8_t id;
		uint32_t before, since;
	} facts[] = {
	    {SCMI_PROTOCOL_BASE, SCMI_VERSION(2, 0), SCMI_VERSION(2, 1)},
	    {SCMI_PROTOCOL_POWER, SCMI_VERSION(3, 0), SCMI_VERSION(3, 1)},
	    {SCMI_PROTOCOL_SYSTEM, SCMI_VERSION(2, 0), SCMI_VERSION(2, 1)},
	    {SCMI_PROTOCOL_PERF, SCMI_VERSION(3, 0), SCMI_VERSION(4, 0)},
	    {SCMI_PROTOCOL_CLOCK, SCMI_VERSION(2, 0), SCMI_VERSION(3, 0)},
	    {SCMI_PROTOCOL_SENSOR, SCMI_VERSION(3, 0), SCMI_VERSION(3, 1)},
	    {SCMI_PROTOCOL_RESET, SCMI_VERSION(3, 0), SCMI_VERSION(3, 1)},
	    {SCMI_PROTOCOL_VOLTAGE, SCMI_VERSION(2, 0), SCMI_VERSION(2, 1)},
	    {SCMI_PROTOCOL_POWERCAP, SCMI_VERSION(1, 0), SCMI_VERSION(2, 0)},
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(facts) / sizeof(facts[0]); i++) {
		uint32_t older = SCMI_VERSION(1, 0);
		struct gate g;

		gate_open(&g, facts[i].id, facts[i].before);
		assert_int_equal(exists(&g, facts[i].id, SCMI_MSG_NEGOTIATE_PROTOCOL_VERSION),
				 SCMI_NOT_FOUND);
		/* Even with a request of the right size: the message is not there. */
		assert_int_equal(
		    call(&g, facts[i].id, SCMI_MSG_NEGOTIATE_PROTOCOL_VERSION, 4, &older),
		    SCMI_NOT_FOUND);
		gate_close(&g);

		gate_open(&g, facts[i].id, facts[i].since);
		assert_int_equal(exists(&g, facts[i].id, SCMI_MSG_NEGOTIATE_PROTOCOL_VERSION),
				 SCMI_SUCCESS);
		/* Wrong size: the message exists, so the size check speaks. */
		assert_int_equal(
		    call(&g, facts[i].id, SCMI_MSG_NEGOTIATE_PROTOCOL_VERSION, 0, NULL),
		    SCMI_PROTOCOL_ERROR);
		/* Down to the oldest an agent may choose, then back up: NEGOTIATE stays. */
		older = facts[i].id == SCMI_PROTOCOL_BASE ? SCMI_VERSION(2, 0) : older;
		assert_int_equal(
		    call(&g, facts[i].id, SCMI_MSG_NEGOTIATE_PROTOCOL_VERSION, 4, &older),
		    SCMI_SUCCESS);
		assert_int_equal(exists(&g, facts[i].id, SCMI_MSG_NEGOTIATE_PROTOCOL_VERSION),
				 SCMI_SUCCESS);
		assert_int_equal(
		    call(&g, facts[i].id, SCMI_MSG_NEGOTIATE_PROTOCOL_VERSION, 4, &facts[i].since),
		    SCMI_SUCCESS);
		gate_close(&g);
	}
}

/* POWER_DOMAIN_ATTRIBUTES of domain @id: its attributes word (SUCCESS required). */
static uint32_t power_attributes(struct gate *g, uint32_t id)
{
	uint8_t in[4] = {(uint8_t)id}, out[SCMI_SERVER_MAX_PAYLOAD];
	size_t n;

	n = scmi_server_process_raw(&g->srv, CH,
				    scmi_hdr_make(SCMI_PROTOCOL_POWER,
						  SCMI_MSG_POWER_DOMAIN_ATTRIBUTES,
						  SCMI_MSG_TYPE_COMMAND, 1),
				    in, sizeof(in), out, sizeof(out));
	assert_true(n >= 8);
	assert_int_equal(out[0] | out[1] | out[2] | out[3], 0);
	return (uint32_t)out[4] | (uint32_t)out[5] << 8 | (uint32_t)out[6] << 16 |
	       (uint32_t)out[7] << 24;
}

/*
 * POWER_STATE_CHANGE_REQUESTED_NOTIFY is new in 2.0 and attribute bit 28 is reserved in 1.0
 * and 2.0, as Arm's SCMI 2.0 compliance tests read them (bit 28 is set from 3.0).
 */
static void test_power_change_requested_from_2_0(void **state)
{
	static const struct {
		uint32_t version;
		int32_t msg;
		bool bit28;
	} at[] = {
	    {SCMI_POWER_VERSION_1_0, SCMI_NOT_FOUND, false},
	    {SCMI_POWER_VERSION_2_0, SCMI_SUCCESS, false},
	    {SCMI_POWER_VERSION_2_1, SCMI_SUCCESS, false},
	    {SCMI_POWER_VERSION_3_0, SCMI_SUCCESS, true},
	    {SCMI_POWER_VERSION_3_1, SCMI_SUCCESS, true},
	};
	uint32_t d, with_req = 0;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(at) / sizeof(at[0]); i++) {
		struct gate g;

		gate_open(&g, SCMI_PROTOCOL_POWER, at[i].version);
		assert_int_equal(
		    exists(&g, SCMI_PROTOCOL_POWER, SCMI_MSG_POWER_STATE_CHANGE_REQUESTED_NOTIFY),
		    at[i].msg);
		for (d = 0; d < 8; d++) {
			uint32_t attr = power_attributes(&g, d);

			if (!at[i].bit28)
				assert_int_equal(attr & SCMI_POWER_ATTR_REQ_NOTIFY, 0);
			else if (attr & SCMI_POWER_ATTR_REQ_NOTIFY)
				with_req++;
		}
		gate_close(&g);
	}
	/* The default platform has domains that take the requests: the bit is seen from 3.0. */
	assert_true(with_req > 0);
}

/*
 * Every attribute bit that a protocol version brought, against every version the server
 * speaks: a bit is never set before the version its _SINCE macro names (it is reserved there,
 * and Arm's compliance tests read it as zero), and the default platform shows each one at some
 * version from then on, so the sweep cannot pass by never looking. Asked through the path
 * that may defer (a P2A channel), where the asynchronous bits can appear.
 */
struct bit_fact {
	uint8_t id;	   /* protocol */
	uint8_t msg;	   /* the message whose reply carries the word */
	uint8_t off;	   /* byte offset of the word in the reply, status included */
	bool per_resource; /* the request is a resource id (0..7 tried) */
	uint32_t bit;
	uint32_t since;
	bool seen_required; /* the default platform can show it */
};

static const struct bit_fact bit_facts[] = {
    {SCMI_PROTOCOL_CLOCK, SCMI_MSG_CLOCK_ATTRIBUTES, 4, true, SCMI_CLOCK_ATTR_RATE_CHANGED_NOTIFY,
     SCMI_CLOCK_ATTR_RATE_CHANGED_NOTIFY_SINCE, true},
    {SCMI_PROTOCOL_CLOCK, SCMI_MSG_CLOCK_ATTRIBUTES, 4, true, SCMI_CLOCK_ATTR_RATE_REQ_NOTIFY,
     SCMI_CLOCK_ATTR_RATE_REQ_NOTIFY_SINCE, true},
    {SCMI_PROTOCOL_CLOCK, SCMI_MSG_CLOCK_ATTRIBUTES, 4, true, SCMI_CLOCK_ATTR_EXT_NAME,
     SCMI_CLOCK_ATTR_EXT_NAME_SINCE, true},
    {SCMI_PROTOCOL_CLOCK, SCMI_MSG_CLOCK_ATTRIBUTES, 4, true, SCMI_CLOCK_ATTR_PARENTS,
     SCMI_CLOCK_ATTR_PARENTS_SINCE, true},
    {SCMI_PROTOCOL_CLOCK, SCMI_MSG_CLOCK_ATTRIBUTES, 4, true, SCMI_CLOCK_ATTR_EXT_CONFIG,
     SCMI_CLOCK_ATTR_EXT_CONFIG_SINCE, false},
    {SCMI_PROTOCOL_CLOCK, SCMI_MSG_CLOCK_ATTRIBUTES, 4, true, SCMI_CLOCK_ATTR_GET_PERMISSIONS,
     SCMI_CLOCK_ATTR_GET_PERMISSIONS_SINCE, true},
    {SCMI_PROTOCOL_POWER, SCMI_MSG_POWER_DOMAIN_ATTRIBUTES, 4, true, SCMI_POWER_ATTR_REQ_NOTIFY,
     SCMI_POWER_ATTR_REQ_NOTIFY_SINCE, true},
    {SCMI_PROTOCOL_POWER, SCMI_MSG_POWER_DOMAIN_ATTRIBUTES, 4, true, SCMI_POWER_ATTR_EXT_NAME,
     SCMI_POWER_ATTR_EXT_NAME_SINCE, true},
    {SCMI_PROTOCOL_RESET, SCMI_MSG_RESET_DOMAIN_ATTRIBUTES, 4, true, SCMI_RESET_ATTR_EXT_NAME,
     SCMI_RESET_ATTR_EXT_NAME_SINCE, true},
    {SCMI_PROTOCOL_VOLTAGE, SCMI_MSG_VOLTAGE_DOMAIN_ATTRIBUTES, 4, true, SCMI_VOLTAGE_ATTR_ASYNC,
     SCMI_VOLTAGE_ATTR_ASYNC_SINCE, true},
    {SCMI_PROTOCOL_VOLTAGE, SCMI_MSG_VOLTAGE_DOMAIN_ATTRIBUTES, 4, true, SCMI_VOLTAGE_ATTR_EXT_NAME,
     SCMI_VOLTAGE_ATTR_EXT_NAME_SINCE, true},
    {SCMI_PROTOCOL_PERF, SCMI_MSG_PROTOCOL_ATTRIBUTES, 4, false, SCMI_PERF_PA_POWER_UW,
     SCMI_PERF_PA_POWER_UW_SINCE, false},
    {SCMI_PROTOCOL_PERF, SCMI_MSG_PERF_DOMAIN_ATTRIBUTES, 4, true, SCMI_PERF_ATTR_FASTCHANNELS,
     SCMI_PERF_ATTR_FASTCHANNELS_SINCE, false},
    {SCMI_PROTOCOL_PERF, SCMI_MSG_PERF_DOMAIN_ATTRIBUTES, 4, true, SCMI_PERF_ATTR_EXT_NAME,
     SCMI_PERF_ATTR_EXT_NAME_SINCE, false},
    {SCMI_PROTOCOL_PERF, SCMI_MSG_PERF_DOMAIN_ATTRIBUTES, 4, true, SCMI_PERF_ATTR_LEVEL_INDEXING,
     SCMI_PERF_ATTR_LEVEL_INDEXING_SINCE, false},
    /* SENSOR_DESCRIPTION_GET from index i: the first descriptor's attributes_low. */
    {SCMI_PROTOCOL_SENSOR, SCMI_MSG_SENSOR_DESCRIPTION_GET, 12, true, SCMI_SENSOR_ATTR_LOW_EXT_NAME,
     SCMI_SENSOR_ATTR_LOW_EXT_NAME_SINCE, false},
};

static bool p2a_yes(void *ctx, uint32_t channel)
{
	(void)ctx;
	(void)channel;
	return true;
}

/* Nothing is sent: only the replies' attribute words are read. */
static int p2a_send(void *ctx, uint32_t channel, const void *msg, size_t len)
{
	(void)ctx;
	(void)channel;
	(void)msg;
	(void)len;
	return 0;
}

static const struct scmi_server_p2a_ops p2a_ops = {.has_p2a = p2a_yes, .send = p2a_send};

/* The reply word at @f->off for resource @res, or 0 when the request fails. */
static uint32_t fact_word(struct gate *g, const struct bit_fact *f, uint32_t res)
{
	uint8_t in[4] = {(uint8_t)res}, out[SCMI_SERVER_MAX_PAYLOAD];
	struct scmi_server_delayed d;
	size_t n;

	n = scmi_server_process_p2a(&g->srv, CH,
				    scmi_hdr_make(f->id, f->msg, SCMI_MSG_TYPE_COMMAND, 1), in,
				    f->per_resource ? sizeof(in) : 0, out, sizeof(out), &d);
	if (n < (size_t)f->off + 4u || out[0] | out[1] | out[2] | out[3])
		return 0;
	return (uint32_t)out[f->off] | (uint32_t)out[f->off + 1] << 8 |
	       (uint32_t)out[f->off + 2] << 16 | (uint32_t)out[f->off + 3] << 24;
}

static void test_attribute_bits_by_version(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(bit_facts) / sizeof(bit_facts[0]); i++) {
		const struct bit_fact *f = &bit_facts[i];
		size_t nv, v;
		const uint32_t *versions = scmi_server_protocol_versions(f->id, &nv);
		unsigned int seen = 0, answered = 0;

		for (v = 0; v < nv; v++) {
			struct gate g;
			uint32_t res;

			gate_open(&g, f->id, versions[v]);
			scmi_server_set_p2a(&g.srv, &p2a_ops, NULL);
			for (res = 0; res < (f->per_resource ? 8u : 1u); res++) {
				uint32_t w = fact_word(&g, f, res);

				answered += w != 0;
				if (!(w & f->bit))
					continue;
				if (versions[v] < f->since)
					fail_msg(
					    "protocol 0x%x v0x%x msg 0x%x resource %u: bit 0x%08x "
					    "set before 0x%x",
					    f->id, versions[v], f->msg, res, f->bit, f->since);
				seen++;
			}
			gate_close(&g);
		}
		assert_true(answered > 0);
		if (f->seen_required && !seen)
			fail_msg("protocol 0x%x msg 0x%x: bit 0x%08x never seen from 0x%x", f->id,
				 f->msg, f->bit, f->since);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_sweep),
	    cmocka_unit_test(test_negotiate_exists_from_3_2_versions),
	    cmocka_unit_test(test_power_change_requested_from_2_0),
	    cmocka_unit_test(test_attribute_bits_by_version),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
