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

#include "scmi/server/server.h"

struct sim_platform;

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

#endif /* TEST_EDGES_FIXTURE_H */
