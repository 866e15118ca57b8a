// SPDX-License-Identifier: BSD-3-Clause
/*
 * Which messages exist at a platform's own version, one the server does not speak: the first
 * version of a message that came after its protocol's oldest is looked up in the protocol's
 * since table, and Base's and Clock's 1.0 messages exist from 1.0 on, not below it, while the
 * other protocols' exist in every version. The listed versions are swept by
 * tests/unit/gates/test_version_gates.c; these are the versions between and below them, which
 * the simulated platform refuses to configure, so the platform's version ops are replaced here.
 * And the descriptors themselves: every first version in a since table is one the protocol
 * speaks, above its oldest (a message of the oldest version belongs before later_from, and a
 * 0 is an entry forgotten).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "platform/sim/sim_platform.h"
#include "scmi/proto/base.h"
#include "scmi/proto/clock.h"
#include "scmi/proto/endian.h"
#include "scmi/proto/header.h"
#include "scmi/proto/ids.h"
#include "scmi/proto/perf.h"
#include "scmi/proto/status.h"
#include "scmi/server/base.h"
#include "scmi/server/server.h"
#include "server/server_protocol.h"

/* The version every protocol of the platform reports (Base's included). */
static uint32_t forced;

static uint32_t forced_protocol_version(void *plat, uint8_t protocol_id)
{
	(void)plat;
	(void)protocol_id;
	return forced;
}

static uint32_t forced_base_version(void *plat)
{
	(void)plat;
	return forced;
}

struct fx {
	struct sim_platform *p;
	struct scmi_server_platform_ops ops;
	struct scmi_server_base_ops base;
	struct scmi_server srv;
	uint8_t rsp[SCMI_SERVER_MAX_PAYLOAD];
	size_t len;
};

/* The default platform, every protocol at @version. */
static void open_at(struct fx *f, uint32_t version)
{
	char err[256];

	memset(f, 0, sizeof(*f));
	assert_int_equal(sim_platform_load_file(SCMI_DEFAULT_PLATFORM_DTB, &f->p, err, sizeof(err)),
			 0);
	f->ops = *sim_platform_ops();
	f->base = *f->ops.base;
	f->base.version = forced_base_version;
	f->ops.base = &f->base;
	f->ops.protocol_version = forced_protocol_version;
	forced = version;
	scmi_server_init(&f->srv, &f->ops, f->p);
}

/* Command @msg of @proto with one u32 parameter @arg (none if @len is 0), on channel 0. */
static int32_t call(struct fx *f, uint8_t proto, uint8_t msg, uint32_t arg, size_t len)
{
	uint8_t in[4];

	scmi_put_le32(in, arg);
	f->len = scmi_server_process_raw(&f->srv, 0, scmi_hdr_make(proto, msg, 0, 1), in, len,
					 f->rsp, sizeof(f->rsp));
	assert_true(f->len >= 4);
	return (int32_t)scmi_get_le32(f->rsp);
}

/* PROTOCOL_MESSAGE_ATTRIBUTES of @msg: SUCCESS when it exists. */
static int32_t exists(struct fx *f, uint8_t proto, uint32_t msg)
{
	return call(f, proto, SCMI_MSG_PROTOCOL_MESSAGE_ATTRIBUTES, msg, 4);
}

/* Below 1.0: Base and Clock have no message at all, Perf has its 1.0 ones. */
static void test_below_oldest(void **state)
{
	struct fx f;
	uint32_t msg;

	(void)state;
	open_at(&f, 0x5000);
	for (msg = 0; msg < 0x10; msg++) {
		assert_int_equal(call(&f, SCMI_PROTOCOL_CLOCK, (uint8_t)msg, 0, 4), SCMI_NOT_FOUND);
		assert_int_equal(call(&f, SCMI_PROTOCOL_BASE, (uint8_t)msg, 0, 4), SCMI_NOT_FOUND);
	}
	assert_int_equal(call(&f, SCMI_PROTOCOL_PERF, SCMI_MSG_PROTOCOL_VERSION, 0, 0),
			 SCMI_SUCCESS);
	assert_int_equal(scmi_get_le32(f.rsp + 4), 0x5000);
	assert_int_equal(exists(&f, SCMI_PROTOCOL_PERF, SCMI_MSG_PERF_LEVEL_GET), SCMI_SUCCESS);
	assert_int_equal(exists(&f, SCMI_PROTOCOL_PERF, SCMI_MSG_PERF_DESCRIBE_FASTCHANNEL),
			 SCMI_NOT_FOUND);
	assert_int_equal(call(&f, SCMI_PROTOCOL_PERF, SCMI_MSG_PERF_DOMAIN_NAME_GET, 0, 4),
			 SCMI_NOT_FOUND);
	sim_platform_free(f.p);
}

/* Between two listed versions: what the older one has, and no more. */
static void test_between(void **state)
{
	struct fx f;

	(void)state;
	open_at(&f, SCMI_CLOCK_VERSION_2_0 + 1);
	assert_int_equal(exists(&f, SCMI_PROTOCOL_CLOCK, SCMI_MSG_CLOCK_RATE_GET), SCMI_SUCCESS);
	assert_int_equal(exists(&f, SCMI_PROTOCOL_CLOCK, SCMI_MSG_CLOCK_NAME_GET), SCMI_SUCCESS);
	assert_int_equal(exists(&f, SCMI_PROTOCOL_CLOCK, SCMI_MSG_CLOCK_CONFIG_GET),
			 SCMI_NOT_FOUND);
	assert_int_equal(call(&f, SCMI_PROTOCOL_CLOCK, SCMI_MSG_CLOCK_GET_PERMISSIONS, 0, 4),
			 SCMI_NOT_FOUND);
	/* Base 2.0 brought the permission messages: a wrong size is the size check's. */
	assert_int_equal(call(&f, SCMI_PROTOCOL_BASE, SCMI_MSG_BASE_SET_DEVICE_PERMISSIONS, 0, 0),
			 SCMI_PROTOCOL_ERROR);
	assert_int_equal(call(&f, SCMI_PROTOCOL_PERF, SCMI_MSG_PERF_DESCRIBE_FASTCHANNEL, 0, 0),
			 SCMI_PROTOCOL_ERROR);
	assert_int_equal(call(&f, SCMI_PROTOCOL_PERF, SCMI_MSG_PERF_DOMAIN_NAME_GET, 0, 0),
			 SCMI_NOT_FOUND);
	sim_platform_free(f.p);
	open_at(&f, SCMI_BASE_VERSION_1_0 + 1);
	assert_int_equal(call(&f, SCMI_PROTOCOL_BASE, SCMI_MSG_BASE_SET_DEVICE_PERMISSIONS, 0, 0),
			 SCMI_NOT_FOUND);
	assert_int_equal(exists(&f, SCMI_PROTOCOL_BASE, SCMI_MSG_BASE_DISCOVER_AGENT),
			 SCMI_SUCCESS);
	sim_platform_free(f.p);
}

static void test_since_tables(void **state)
{
	size_t i, m, v, later = 0;

	(void)state;
	for (i = 0; i < SCMI_SERVER_STD_PROTOCOLS; i++) {
		const struct scmi_server_protocol *proto = scmi_server_std_protocols[i];

		if (!proto)
			continue;
		assert_true(proto->num_versions > 0);
		assert_true(proto->later_from <= proto->count);
		assert_true(proto->later_from == proto->count || proto->since);
		for (m = proto->later_from; m < proto->count; m++) {
			uint32_t since = proto->since[m - proto->later_from];
			bool listed = false;

			for (v = 0; v < proto->num_versions; v++)
				listed |= proto->versions[v] == since;
			if (!listed || since <= proto->versions[0])
				fail_msg("protocol 0x%x message 0x%zx: first version 0x%x",
					 proto->id, m, since);
			later++;
		}
	}
	/* Base 3, Power 2, Perf 2, Clock 8, Sensor 7, Reset 1, Voltage 1. */
	assert_int_equal(later, 24);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_below_oldest),
	    cmocka_unit_test(test_between),
	    cmocka_unit_test(test_since_tables),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
