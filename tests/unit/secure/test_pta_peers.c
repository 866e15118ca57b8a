// SPDX-License-Identifier: BSD-3-Clause
/*
 * The SCMI PTA lets a client drive a channel only if the channel's agent allows
 * the client's peer credentials (platform DT peer-uids / peer-gids): on
 * multi-agent.dts, agent 3 "vm2" (channel 3) allows uid or gid 4242 only, while
 * agent 1 "linux" (channels 0, 1) lists no peers and takes anyone the daemon
 * lets in. Refusals are TEE_ERROR_ACCESS_DENIED at GET_CHANNEL_HANDLE, and on
 * every process command too (the handle is the channel id: a client could skip
 * GET_CHANNEL_HANDLE).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "scmi/proto/endian.h"
#include "scmi/proto/pta.h"
#include "scmi/proto/tee.h"
#include "secure/secure_world.h"
#include "secure/tee_core.h"

#define CH_LINUX 1u
#define CH_VM2	 3u
#define PEER	 4242u
#define STRANGER 1000u

static const uint8_t scmi_uuid[TEE_UUID_SIZE] = PTA_SCMI_UUID_BYTES;

/**
 * struct client - one client of the TEE with its session to the SCMI PTA.
 * @c: the client; @session: its session; @buf/@shm: 256 bytes of shared memory
 */
struct client {
	struct optee_sim_client *c;
	uint32_t session;
	uint8_t *buf;
	int shm;
};

static void client_open(struct secure_world *w, uid_t uid, gid_t gid, struct client *cl)
{
	struct optee_sim_cred cred = {.uid = uid, .gid = gid, .kernel_login_allowed = true};
	struct tee_open_session_arg arg = {.clnt_login = TEE_LOGIN_REE_KERNEL};

	cl->c = optee_sim_client_new(secure_world_core(w), &cred);
	assert_non_null(cl->c);
	memcpy(arg.uuid, scmi_uuid, TEE_UUID_SIZE);
	assert_int_equal(optee_sim_open_session(cl->c, &arg, NULL, 0), 0);
	assert_int_equal(arg.ret, TEE_SUCCESS);
	cl->session = arg.session;
	cl->buf = aligned_alloc(64, 256);
	assert_non_null(cl->buf);
	memset(cl->buf, 0, 256);
	cl->shm = optee_sim_shm_register(cl->c, cl->buf, 256, NULL, NULL);
	assert_true(cl->shm >= 0);
}

static void client_close(struct client *cl)
{
	optee_sim_client_free(cl->c);
	free(cl->buf);
}

static uint32_t get_handle(struct client *cl, uint32_t channel)
{
	struct tee_ioctl_param p = {
	    .attr = TEE_PARAM_TYPE_VALUE_INOUT, .a = channel, .b = PTA_SCMI_CAPS_MSG_HEADER};
	struct tee_invoke_arg arg = {.func = PTA_SCMI_CMD_GET_CHANNEL_HANDLE,
				     .session = cl->session};

	assert_int_equal(optee_sim_invoke(cl->c, &arg, &p, 1), 0);
	return arg.ret;
}

/* PROCESS_MSG_CHANNEL with Base PROTOCOL_VERSION; the TEE result. */
static uint32_t process_msg(struct client *cl, uint32_t channel)
{
	struct tee_ioctl_param p[3] = {
	    {.attr = TEE_PARAM_TYPE_VALUE_INPUT, .a = channel},
	    {.attr = TEE_PARAM_TYPE_MEMREF_INPUT, .a = 0, .b = 4, .c = (uint64_t)cl->shm},
	    {.attr = TEE_PARAM_TYPE_MEMREF_OUTPUT, .a = 128, .b = 128, .c = (uint64_t)cl->shm},
	};
	struct tee_invoke_arg arg = {.func = PTA_SCMI_CMD_PROCESS_MSG_CHANNEL,
				     .session = cl->session};

	scmi_put_le32(cl->buf, 0x10u << 10); /* Base, message 0 */
	assert_int_equal(optee_sim_invoke(cl->c, &arg, p, 3), 0);
	return arg.ret;
}

static int setup(void **state)
{
	struct secure_world *w;
	char err[256];

	assert_int_equal(
	    secure_world_create(PLATFORM_DIR "/multi-agent.dtb", NULL, &w, err, sizeof(err)), 0);
	*state = w;
	return 0;
}

static int teardown(void **state)
{
	secure_world_destroy(*state);
	return 0;
}

static void test_stranger_refused(void **state)
{
	struct client cl;

	client_open(*state, STRANGER, STRANGER, &cl);
	assert_int_equal(get_handle(&cl, CH_VM2), TEE_ERROR_ACCESS_DENIED);
	assert_int_equal(process_msg(&cl, CH_VM2), TEE_ERROR_ACCESS_DENIED);
	/* The response buffer is untouched. */
	assert_int_equal(scmi_get_le32(cl.buf + 128), 0);
	/* A channel whose agent lists no peers takes anyone. */
	assert_int_equal(get_handle(&cl, CH_LINUX), TEE_SUCCESS);
	assert_int_equal(process_msg(&cl, CH_LINUX), TEE_SUCCESS);
	client_close(&cl);
}

static void test_peer_by_uid_or_gid(void **state)
{
	struct client by_uid, by_gid;

	client_open(*state, PEER, STRANGER, &by_uid);
	client_open(*state, STRANGER, PEER, &by_gid);
	assert_int_equal(get_handle(&by_uid, CH_VM2), TEE_SUCCESS);
	assert_int_equal(process_msg(&by_uid, CH_VM2), TEE_SUCCESS);
	/* Base version 2.1 after the status word. */
	assert_int_equal(scmi_get_le32(by_uid.buf + 128 + 8), 0x20001);
	assert_int_equal(get_handle(&by_gid, CH_VM2), TEE_SUCCESS);
	assert_int_equal(process_msg(&by_gid, CH_VM2), TEE_SUCCESS);
	client_close(&by_uid);
	client_close(&by_gid);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(test_stranger_refused, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_peer_by_uid_or_gid, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
