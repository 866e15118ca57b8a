/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The fixture of the server-edge tests (test_server_edges2 and on): the server over the
 * simulated default platform, in this process, with virtual time, and one raw call that
 * returns the status. Tests that need a platform which misbehaves copy sim_platform_ops()
 * and swap one protocol's ops for their own.
 */
#ifndef TEST_EDGES_FIXTURE_H
#define TEST_EDGES_FIXTURE_H

#include <stddef.h>
#include <stdint.h>

#include "platform/sim/sim_platform.h"
#include "scmi/server/server.h"

/**
 * struct edges_fx - what an edge test works with.
 * @p:   the simulated default platform
 * @srv: the server over it
 * @rsp: the last reply, its status first
 * @len: the last reply's length
 */
struct edges_fx {
	struct sim_platform *p;
	struct scmi_server srv;
	uint8_t rsp[SCMI_SERVER_MAX_PAYLOAD];
	size_t len;
};

/** edges_setup() / edges_teardown() - cmocka set-up and tear-down of a struct edges_fx. */
int edges_setup(void **state);
int edges_teardown(void **state);

/** EDGES_TEST() - test @fn with a fresh struct edges_fx in *state. */
#define EDGES_TEST(fn) cmocka_unit_test_setup_teardown(fn, edges_setup, edges_teardown)

/**
 * edges_call() - command @msg of @proto with @nargs (at most 8) u32 parameters on channel 0
 * (agent linux); the reply in @f->rsp and @f->len. Returns its status.
 */
int32_t edges_call(struct edges_fx *f, uint8_t proto, uint8_t msg, const uint32_t *args,
		   size_t nargs);

/**
 * edges_reload() - the server again on the platform @fdt describes (an edited default tree,
 * freed here).
 */
void edges_reload(struct edges_fx *f, void *fdt);

/**
 * EDGES_SWAP() - fill *@ops with the simulated platform's ops, except protocol @field's: they
 * become *@local, first a copy of the platform's own for the test to change. Evaluates to the
 * platform's own ops of @field, for the test's ops to call through.
 */
#define EDGES_SWAP(ops, field, local)                                                              \
	(*(ops) = *sim_platform_ops(), *(local) = *(ops)->field, (ops)->field = (local),           \
	 sim_platform_ops()->field)

/**
 * edges_p2a - a platform-to-agent path on every channel that takes every message, so that a
 * server given it (scmi_server_set_p2a()) may defer requests and send notifications.
 */
extern const struct scmi_server_p2a_ops edges_p2a;

#endif /* TEST_EDGES_FIXTURE_H */
