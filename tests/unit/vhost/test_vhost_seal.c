// SPDX-License-Identifier: BSD-3-Clause
/*
 * No frontend can take the daemon down through its guest memory (issue 10,
 * item 2). A frontend keeps its own fd of the memory it passes in
 * SET_MEM_TABLE; before the fix it could truncate that memory and kick a
 * queue, and the device thread took SIGBUS in the vring index load, killing
 * the whole daemon. Now guest memory must be sealed against shrinking (what
 * QEMU's memory-backend-memfd does by default): unsealed memory is refused
 * (the connection is closed), sealed memory cannot be truncated, and the
 * device and its neighbours keep serving. The devices run in this process,
 * so a SIGBUS would fail the test by killing it.
 */
#include <errno.h>
#include <fcntl.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "fe.h"
#include "platform/sim/sim_platform.h"
#include "scmi/proto/endian.h"
#include "scmi/proto/header.h"
#include "scmi/proto/ids.h"
#include "scmi/proto/status.h"
#include "scmi/server/server.h"
#include "secure/vhost_user_scmi.h"

#define FEATURES ((1ull << VHU_VIRTIO_F_VERSION_1) | (1ull << VHU_F_PROTOCOL_FEATURES))

/**
 * struct fix - two devices over one platform.
 * @plat, @srv: the platform and its server
 * @dev:        device 0 serves channel 2, device 1 channel 0
 * @dir:        the temporary directory of their sockets
 * @path:       the sockets
 */
struct fix {
	struct sim_platform *plat;
	struct scmi_server srv;
	struct vhost_scmi_dev *dev[2];
	char dir[64];
	char path[2][96];
};

static int setup(void **state)
{
	static const uint32_t channels[2] = {2, 0};
	struct fix *x = calloc(1, sizeof(*x));
	char err[256];

	assert_non_null(x);
	assert_int_equal(
	    sim_platform_load_file(SCMI_DEFAULT_PLATFORM_DTB, &x->plat, err, sizeof(err)), 0);
	scmi_server_init(&x->srv, sim_platform_ops(), x->plat);
	strcpy(x->dir, "/tmp/vhost-seal-XXXXXX");
	assert_non_null(mkdtemp(x->dir));
	for (int i = 0; i < 2; i++) {
		struct vhost_scmi_config cfg = {.channel_id = channels[i]};

		snprintf(x->path[i], sizeof(x->path[i]), "%s/scmi%d.sock", x->dir, i);
		cfg.socket_path = x->path[i];
		if (vhost_scmi_start(&x->srv, &cfg, &x->dev[i], err, sizeof(err)))
			fail_msg("device %d: %s", i, err);
	}
	*state = x;
	return 0;
}

static int teardown(void **state)
{
	struct fix *x = *state;

	vhost_scmi_stop(x->dev[0]);
	vhost_scmi_stop(x->dev[1]);
	assert_int_equal(rmdir(x->dir), 0);
	sim_platform_free(x->plat);
	free(x);
	return 0;
}

/* Base PROTOCOL_VERSION on the frontend's cmdq: the device answers it. */
static void check_serves(struct fe *f)
{
	uint8_t req[4], rsp[16];

	scmi_put_le32(req, scmi_hdr_make(SCMI_PROTOCOL_BASE, SCMI_MSG_PROTOCOL_VERSION, 0, 9));
	assert_int_equal(fe_scmi(f, req, sizeof(req), rsp, sizeof(rsp)), 12);
	assert_int_equal((int32_t)scmi_get_le32(rsp + 4), SCMI_SUCCESS);
}

/* Unsealed guest memory is refused at SET_MEM_TABLE; truncating it then harms nobody. */
static void test_unsealed_memory_refused(void **state)
{
	struct fix *x = *state;
	struct fe bad, good, other;

	assert_int_equal(fe_connect_unsealed(&bad, x->path[0]), 0);
	/* The handshake stops at SET_MEM_TABLE: the device drops the connection. */
	assert_int_not_equal(fe_handshake(&bad, FEATURES), 0);
	assert_true(fe_wait_closed(&bad));
	/* What killed the daemon before: truncate, then kick a queue. */
	assert_int_equal(ftruncate(bad.memfd, 0), 0);
	fe_kick(&bad, 0);
	fe_close(&bad);

	/* The same device serves the next frontend, and the other device never noticed. */
	assert_int_equal(fe_connect(&good, x->path[0]), 0);
	assert_int_equal(fe_handshake(&good, FEATURES), 0);
	check_serves(&good);
	assert_int_equal(fe_connect(&other, x->path[1]), 0);
	assert_int_equal(fe_handshake(&other, FEATURES), 0);
	check_serves(&other);
	fe_close(&other);
	fe_close(&good);
}

/* Sealed guest memory: the frontend cannot truncate it under the device. */
static void test_sealed_memory_stays(void **state)
{
	struct fix *x = *state;
	struct fe f;

	assert_int_equal(fe_connect(&f, x->path[0]), 0);
	assert_int_equal(fe_handshake(&f, FEATURES), 0);
	check_serves(&f);
	assert_int_equal(ftruncate(f.memfd, 0), -1);
	assert_int_equal(errno, EPERM);
	fe_kick(&f, 0);
	check_serves(&f);
	fe_close(&f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(test_unsealed_memory_refused, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_sealed_memory_stays, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
