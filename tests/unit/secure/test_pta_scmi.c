// SPDX-License-Identifier: BSD-3-Clause
/*
 * The SCMI PTA through the TEE core, on a secure world built from the default
 * platform DTB: every command's parameter checks in OP-TEE's order, logins,
 * Base PROTOCOL_VERSION round trips over static SMT, SMT in a memref and MSG,
 * and the per-channel locking (same channel serialised, channels parallel).
 *
 * The default platform (platforms/default.dts): channel 0 (agent "linux",
 * static SMT at 0x3f000000), channel 1 (agent "linux", no static memory),
 * channel 2 (agent "vm1", static SMT at 0x3f000080); regions are 128 bytes.
 */
#include <errno.h>
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <cmocka.h>

#include "platform/sim/sim_platform.h"
#include "scmi/proto/base.h"
#include "scmi/proto/header.h"
#include "scmi/proto/ids.h"
#include "scmi/proto/msg.h"
#include "scmi/proto/pta.h"
#include "scmi/proto/smt.h"
#include "scmi/proto/status.h"
#include "secure/pta_scmi.h"
#include "secure/secure_world.h"

#ifndef SCMI_DEFAULT_PLATFORM_DTB
#error "SCMI_DEFAULT_PLATFORM_DTB must name the default platform DTB"
#endif

#define CH_STATIC    0u
#define CH_NO_STATIC 1u
#define CH_STATIC2   2u
#define CH_UNKNOWN   99u
#define REGION0	     0x3f000000ull
#define REGION2	     0x3f000080ull
#define BUF_SIZE     512u

static const uint8_t scmi_uuid[TEE_UUID_SIZE] = PTA_SCMI_UUID_BYTES;

struct fixture {
	struct secure_world *world;
	struct optee_sim_client *client;
	uint32_t session;
	uint8_t *buf;
	int shm;
};

static uint32_t open_scmi(struct optee_sim_client *c, uint32_t login, uint32_t *session)
{
	struct tee_open_session_arg arg = {.clnt_login = login};
	int rc;

	memcpy(arg.uuid, scmi_uuid, TEE_UUID_SIZE);
	rc = optee_sim_open_session(c, &arg, NULL, 0);
	assert_int_equal(rc, 0);
	if (session)
		*session = arg.session;
	return arg.ret;
}

static struct optee_sim_client *kernel_client(struct optee_sim_core *core)
{
	struct optee_sim_cred cred = {.kernel_login_allowed = true};
	struct optee_sim_client *c = optee_sim_client_new(core, &cred);

	assert_non_null(c);
	return c;
}

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof(*f));
	char err[256];

	assert_non_null(f);
	assert_int_equal(
	    secure_world_create(SCMI_DEFAULT_PLATFORM_DTB, NULL, &f->world, err, sizeof(err)), 0);
	f->client = kernel_client(secure_world_core(f->world));
	assert_int_equal(open_scmi(f->client, TEE_LOGIN_REE_KERNEL, &f->session), TEE_SUCCESS);
	f->buf = aligned_alloc(64, BUF_SIZE);
	assert_non_null(f->buf);
	memset(f->buf, 0, BUF_SIZE);
	f->shm = optee_sim_shm_register(f->client, f->buf, BUF_SIZE, NULL, NULL);
	assert_true(f->shm >= 0);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;

	optee_sim_client_free(f->client);
	secure_world_destroy(f->world);
	free(f->buf);
	free(f);
	return 0;
}

/* Invoke @cmd; the call must reach the PTA. Returns its verdict. */
static uint32_t invoke(struct optee_sim_client *c, uint32_t session, uint32_t cmd,
		       struct tee_ioctl_param *p, size_t n)
{
	struct tee_invoke_arg arg = {.func = cmd, .session = session};

	assert_int_equal(optee_sim_invoke(c, &arg, p, n), 0);
	assert_int_equal(arg.ret_origin, TEE_ORIGIN_TRUSTED_APP);
	return arg.ret;
}

static uint32_t finvoke(struct fixture *f, uint32_t cmd, struct tee_ioctl_param *p, size_t n)
{
	return invoke(f->client, f->session, cmd, p, n);
}

static struct tee_ioctl_param val(uint64_t attr, uint64_t a, uint64_t b)
{
	return (struct tee_ioctl_param){.attr = attr, .a = a, .b = b};
}

static struct tee_ioctl_param mref(uint64_t attr, int shm, uint64_t off, uint64_t size)
{
	return (struct tee_ioctl_param){.attr = attr, .a = off, .b = size, .c = (uint64_t)shm};
}

static uint32_t rd32(const void *p, size_t off)
{
	uint32_t v;

	memcpy(&v, (const uint8_t *)p + off, sizeof(v));
	return v;
}

static void wr32(void *p, size_t off, uint32_t v)
{
	memcpy((uint8_t *)p + off, &v, sizeof(v));
}

static uint32_t version_hdr(uint16_t token)
{
	return scmi_hdr_make(SCMI_PROTOCOL_BASE, SCMI_MSG_PROTOCOL_VERSION, SCMI_MSG_TYPE_COMMAND,
			     token);
}

/* Put a Base PROTOCOL_VERSION request into the SMT area @smt, handed to the platform. */
static void smt_put_version(void *smt, uint16_t token)
{
	wr32(smt, SCMI_SMT_OFF_STATUS, 0);
	wr32(smt, SCMI_SMT_OFF_FLAGS, 0);
	wr32(smt, SCMI_SMT_OFF_LENGTH, 4);
	wr32(smt, SCMI_SMT_OFF_HEADER, version_hdr(token));
}

static void smt_check_version(const void *smt, uint16_t token)
{
	assert_int_equal(rd32(smt, SCMI_SMT_OFF_STATUS), SCMI_SMT_STATUS_FREE);
	assert_int_equal(rd32(smt, SCMI_SMT_OFF_LENGTH), 12);
	assert_int_equal(rd32(smt, SCMI_SMT_OFF_HEADER), version_hdr(token));
	assert_int_equal(rd32(smt, SCMI_SMT_OFF_PAYLOAD), SCMI_SUCCESS);
	assert_int_equal(rd32(smt, SCMI_SMT_OFF_PAYLOAD + 4), SCMI_BASE_VERSION_2_1);
}

static uint8_t *static_area(struct fixture *f, uint64_t region)
{
	size_t size = 0;
	uint8_t *area = secure_world_static_region(f->world, region, &size);

	assert_non_null(area);
	assert_int_equal(size, 128);
	return area;
}

static void test_boot_state_and_login(void **state)
{
	struct fixture *f = *state;
	struct optee_sim_cred cred = {.kernel_login_allowed = false};
	struct optee_sim_client *user = optee_sim_client_new(secure_world_core(f->world), &cred);
	struct tee_open_session_arg arg = {.clnt_login = TEE_LOGIN_REE_KERNEL};
	uint8_t *a0 = static_area(f, REGION0);
	uint8_t *a2 = static_area(f, REGION2);

	/* Every static SMT area starts free, as OP-TEE leaves it at boot. */
	assert_int_equal(rd32(a0, SCMI_SMT_OFF_STATUS), SCMI_SMT_STATUS_FREE);
	assert_int_equal(rd32(a2, SCMI_SMT_OFF_STATUS), SCMI_SMT_STATUS_FREE);
	assert_int_equal(rd32(a0, SCMI_SMT_OFF_HEADER), 0);
	assert_int_equal(rd32(a0, SCMI_SMT_OFF_LENGTH), 0);

	/* Only the REE-kernel login opens; the core stops user space from claiming it. */
	assert_int_equal(open_scmi(f->client, TEE_LOGIN_PUBLIC, NULL), TEE_ERROR_ACCESS_DENIED);
	assert_int_equal(open_scmi(f->client, TEE_LOGIN_USER, NULL), TEE_ERROR_ACCESS_DENIED);
	assert_int_equal(open_scmi(f->client, TEE_LOGIN_REE_KERNEL + 1, NULL),
			 TEE_ERROR_ACCESS_DENIED);
	assert_non_null(user);
	assert_int_equal(open_scmi(user, TEE_LOGIN_PUBLIC, NULL), TEE_ERROR_ACCESS_DENIED);
	memcpy(arg.uuid, scmi_uuid, TEE_UUID_SIZE);
	assert_int_equal(optee_sim_open_session(user, &arg, NULL, 0), -EPERM);
	optee_sim_client_free(user);
}

static void test_wrong_param_types(void **state)
{
	struct fixture *f = *state;
	struct tee_ioctl_param p[3];

	/* CAPABILITIES wants 0x0002. */
	p[0] = val(TEE_PARAM_TYPE_VALUE_INOUT, 0, 0);
	assert_int_equal(finvoke(f, PTA_SCMI_CMD_CAPABILITIES, p, 1), TEE_ERROR_BAD_PARAMETERS);
	assert_int_equal(finvoke(f, PTA_SCMI_CMD_CAPABILITIES, NULL, 0), TEE_ERROR_BAD_PARAMETERS);
	p[0] = val(TEE_PARAM_TYPE_VALUE_OUTPUT, 0, 0);
	p[1] = val(TEE_PARAM_TYPE_VALUE_INPUT, 0, 0);
	assert_int_equal(finvoke(f, PTA_SCMI_CMD_CAPABILITIES, p, 2), TEE_ERROR_BAD_PARAMETERS);

	/* PROCESS_SMT_CHANNEL wants 0x0001. */
	p[0] = val(TEE_PARAM_TYPE_VALUE_INOUT, CH_STATIC, 0);
	assert_int_equal(finvoke(f, PTA_SCMI_CMD_PROCESS_SMT_CHANNEL, p, 1),
			 TEE_ERROR_BAD_PARAMETERS);

	/* PROCESS_SMT_CHANNEL_MESSAGE wants 0x0071. */
	p[0] = val(TEE_PARAM_TYPE_VALUE_INPUT, CH_NO_STATIC, 0);
	assert_int_equal(finvoke(f, PTA_SCMI_CMD_PROCESS_SMT_CHANNEL_MESSAGE, p, 1),
			 TEE_ERROR_BAD_PARAMETERS);
	p[1] = mref(TEE_PARAM_TYPE_MEMREF_INPUT, f->shm, 0, 128);
	assert_int_equal(finvoke(f, PTA_SCMI_CMD_PROCESS_SMT_CHANNEL_MESSAGE, p, 2),
			 TEE_ERROR_BAD_PARAMETERS);

	/* GET_CHANNEL_HANDLE wants 0x0003. */
	p[0] = val(TEE_PARAM_TYPE_VALUE_INPUT, CH_STATIC, PTA_SCMI_CAPS_SMT_HEADER);
	assert_int_equal(finvoke(f, PTA_SCMI_CMD_GET_CHANNEL_HANDLE, p, 1),
			 TEE_ERROR_BAD_PARAMETERS);

	/* PROCESS_MSG_CHANNEL wants 0x0651: not 0x0071, not 0x0751. */
	p[0] = val(TEE_PARAM_TYPE_VALUE_INPUT, CH_NO_STATIC, 0);
	p[1] = mref(TEE_PARAM_TYPE_MEMREF_INOUT, f->shm, 0, 128);
	assert_int_equal(finvoke(f, PTA_SCMI_CMD_PROCESS_MSG_CHANNEL, p, 2),
			 TEE_ERROR_BAD_PARAMETERS);
	p[2] = mref(TEE_PARAM_TYPE_MEMREF_OUTPUT, f->shm, 128, 128);
	assert_int_equal(finvoke(f, PTA_SCMI_CMD_PROCESS_MSG_CHANNEL, p, 3),
			 TEE_ERROR_BAD_PARAMETERS);
}

static void test_unknown_command(void **state)
{
	struct fixture *f = *state;
	struct tee_ioctl_param p = val(TEE_PARAM_TYPE_VALUE_INPUT, 0, 0);

	assert_int_equal(finvoke(f, 5, &p, 1), TEE_ERROR_NOT_SUPPORTED);
	assert_int_equal(finvoke(f, 0xffffffffu, NULL, 0), TEE_ERROR_NOT_SUPPORTED);
}

static void test_capabilities(void **state)
{
	struct fixture *f = *state;
	struct tee_ioctl_param p = val(TEE_PARAM_TYPE_VALUE_OUTPUT, 0x55, 0x77);

	assert_int_equal(finvoke(f, PTA_SCMI_CMD_CAPABILITIES, &p, 1), TEE_SUCCESS);
	assert_int_equal(p.a, PTA_SCMI_CAPS_SMT_HEADER | PTA_SCMI_CAPS_MSG_HEADER);
	assert_int_equal(p.b, 0);
}

static uint32_t get_handle(struct fixture *f, uint32_t channel, uint32_t caps, uint64_t *handle)
{
	struct tee_ioctl_param p = val(TEE_PARAM_TYPE_VALUE_INOUT, channel, caps);
	uint32_t ret = finvoke(f, PTA_SCMI_CMD_GET_CHANNEL_HANDLE, &p, 1);

	if (handle)
		*handle = p.a;
	return ret;
}

static void test_get_channel_handle(void **state)
{
	struct fixture *f = *state;
	uint64_t h = 0;

	assert_int_equal(get_handle(f, CH_STATIC, PTA_SCMI_CAPS_SMT_HEADER, &h), TEE_SUCCESS);
	assert_int_equal(h, CH_STATIC);
	assert_int_equal(get_handle(f, CH_STATIC2, PTA_SCMI_CAPS_MASK, &h), TEE_SUCCESS);
	assert_int_equal(h, CH_STATIC2);
	assert_int_equal(get_handle(f, CH_NO_STATIC, PTA_SCMI_CAPS_MSG_HEADER, &h), TEE_SUCCESS);
	assert_int_equal(h, CH_NO_STATIC);

	/* Unknown cap bits, even beside a known one. */
	assert_int_equal(get_handle(f, CH_STATIC, 1u << 2, NULL), TEE_ERROR_BAD_PARAMETERS);
	assert_int_equal(get_handle(f, CH_STATIC, (1u << 2) | 1u, NULL), TEE_ERROR_BAD_PARAMETERS);
	assert_int_equal(get_handle(f, CH_STATIC, 0x80000000u, NULL), TEE_ERROR_BAD_PARAMETERS);
	/* No cap in common, including none asked. */
	assert_int_equal(get_handle(f, CH_STATIC, 0, NULL), TEE_ERROR_NOT_SUPPORTED);
	assert_int_equal(get_handle(f, CH_UNKNOWN, PTA_SCMI_CAPS_SMT_HEADER, NULL),
			 TEE_ERROR_BAD_PARAMETERS);
	/* OP-TEE's order: the caps are judged before the channel. */
	assert_int_equal(get_handle(f, CH_UNKNOWN, 0, NULL), TEE_ERROR_NOT_SUPPORTED);
	assert_int_equal(get_handle(f, CH_UNKNOWN, 4, NULL), TEE_ERROR_BAD_PARAMETERS);
}

static void test_unknown_channel(void **state)
{
	struct fixture *f = *state;
	struct tee_ioctl_param p[3];

	p[0] = val(TEE_PARAM_TYPE_VALUE_INPUT, CH_UNKNOWN, 0);
	assert_int_equal(finvoke(f, PTA_SCMI_CMD_PROCESS_SMT_CHANNEL, p, 1),
			 TEE_ERROR_BAD_PARAMETERS);
	p[1] = mref(TEE_PARAM_TYPE_MEMREF_INOUT, f->shm, 0, 128);
	smt_put_version(f->buf, 1);
	assert_int_equal(finvoke(f, PTA_SCMI_CMD_PROCESS_SMT_CHANNEL_MESSAGE, p, 2),
			 TEE_ERROR_BAD_PARAMETERS);
	/* Nothing was processed. */
	assert_int_equal(rd32(f->buf, SCMI_SMT_OFF_STATUS), 0);
	p[1] = mref(TEE_PARAM_TYPE_MEMREF_INPUT, f->shm, 0, 4);
	p[2] = mref(TEE_PARAM_TYPE_MEMREF_OUTPUT, f->shm, 0, 104);
	assert_int_equal(finvoke(f, PTA_SCMI_CMD_PROCESS_MSG_CHANNEL, p, 3),
			 TEE_ERROR_BAD_PARAMETERS);
	p[0].a = 0x100000000ull; /* cut to channel 0 by the core, as OP-TEE cuts it */
	p[1] = mref(TEE_PARAM_TYPE_MEMREF_INPUT, f->shm, 0, 4);
	wr32(f->buf, 0, version_hdr(3));
	assert_int_equal(finvoke(f, PTA_SCMI_CMD_PROCESS_MSG_CHANNEL, p, 3), TEE_SUCCESS);
}

static void test_smt_without_static_region(void **state)
{
	struct fixture *f = *state;
	struct tee_ioctl_param p = val(TEE_PARAM_TYPE_VALUE_INPUT, CH_NO_STATIC, 0);

	assert_int_equal(finvoke(f, PTA_SCMI_CMD_PROCESS_SMT_CHANNEL, &p, 1),
			 TEE_ERROR_BAD_PARAMETERS);
}

static void test_smt_memref_too_small(void **state)
{
	struct fixture *f = *state;
	struct tee_ioctl_param p[2] = {
	    val(TEE_PARAM_TYPE_VALUE_INPUT, CH_NO_STATIC, 0),
	    mref(TEE_PARAM_TYPE_MEMREF_INOUT, f->shm, 0, 127),
	};

	smt_put_version(f->buf, 5);
	assert_int_equal(finvoke(f, PTA_SCMI_CMD_PROCESS_SMT_CHANNEL_MESSAGE, p, 2),
			 TEE_ERROR_BAD_PARAMETERS);
	assert_int_equal(rd32(f->buf, SCMI_SMT_OFF_STATUS), 0);
	p[1].b = 0;
	assert_int_equal(finvoke(f, PTA_SCMI_CMD_PROCESS_SMT_CHANNEL_MESSAGE, p, 2),
			 TEE_ERROR_BAD_PARAMETERS);
	/* Exactly 128 is enough. */
	p[1].b = 128;
	assert_int_equal(finvoke(f, PTA_SCMI_CMD_PROCESS_SMT_CHANNEL_MESSAGE, p, 2), TEE_SUCCESS);
	smt_check_version(f->buf, 5);
}

static uint32_t msg_invoke(struct fixture *f, uint32_t channel, uint64_t in_off, uint64_t in_size,
			   uint64_t out_off, uint64_t out_size, uint64_t *resp_size)
{
	struct tee_ioctl_param p[3] = {
	    val(TEE_PARAM_TYPE_VALUE_INPUT, channel, 0),
	    mref(TEE_PARAM_TYPE_MEMREF_INPUT, f->shm, in_off, in_size),
	    mref(TEE_PARAM_TYPE_MEMREF_OUTPUT, f->shm, out_off, out_size),
	};
	uint32_t ret = finvoke(f, PTA_SCMI_CMD_PROCESS_MSG_CHANNEL, p, 3);

	if (resp_size)
		*resp_size = p[2].b;
	return ret;
}

static void test_msg_bad_buffers(void **state)
{
	struct fixture *f = *state;
	uint64_t n = 0;

	wr32(f->buf, 0, version_hdr(7));
	wr32(f->buf, 256, 0xdeadbeef);
	/* in < 4, including empty (NULL). */
	assert_int_equal(msg_invoke(f, CH_NO_STATIC, 0, 3, 256, 104, &n), TEE_ERROR_BAD_PARAMETERS);
	assert_int_equal(msg_invoke(f, CH_NO_STATIC, 0, 0, 256, 104, &n), TEE_ERROR_BAD_PARAMETERS);
	/* out < 8: no room for header and status; empty out is NULL. */
	assert_int_equal(msg_invoke(f, CH_NO_STATIC, 0, 4, 256, 7, &n), TEE_ERROR_BAD_PARAMETERS);
	assert_int_equal(msg_invoke(f, CH_NO_STATIC, 0, 4, 256, 4, &n), TEE_ERROR_BAD_PARAMETERS);
	assert_int_equal(msg_invoke(f, CH_NO_STATIC, 0, 4, 256, 0, &n), TEE_ERROR_BAD_PARAMETERS);
	/* Misaligned windows. */
	assert_int_equal(msg_invoke(f, CH_NO_STATIC, 2, 4, 256, 104, &n), TEE_ERROR_BAD_PARAMETERS);
	assert_int_equal(msg_invoke(f, CH_NO_STATIC, 0, 4, 258, 104, &n), TEE_ERROR_BAD_PARAMETERS);
	/* A payload larger than the server copies in. */
	assert_int_equal(
	    msg_invoke(f, CH_NO_STATIC, 0, 4 + SCMI_SERVER_MAX_PAYLOAD + 4, 0, 104, &n),
	    TEE_ERROR_BAD_PARAMETERS);
	/* Nothing was written. */
	assert_int_equal(rd32(f->buf, 256), 0xdeadbeef);
	assert_int_equal(rd32(f->buf, 0), version_hdr(7));
	/* The smallest accepted output holds header and status (the server's error for a reply
	 * that does not fit: not the PTA's business). */
	assert_int_equal(msg_invoke(f, CH_NO_STATIC, 0, 4, 256, 8, &n), TEE_SUCCESS);
	assert_int_equal(n, 8);
	assert_int_equal(rd32(f->buf, 256), version_hdr(7));
}

/*
 * The request-payload limit (issue 10, item 12): OP-TEE's server refuses a request with
 * more than 92 bytes of payload at the transport, before anything is processed: ERROR|FREE
 * and length unchanged in an SMT area (cmd 1 and 2, TEE_SUCCESS), BAD_PARAMETERS for MSG.
 * The PTA does the same with the limit set to OP-TEE's (optee-simd --max-payload 92); 92
 * bytes are processed (here answered PROTOCOL_ERROR: Base PROTOCOL_VERSION takes no
 * payload). By default only the server's bound applies: 93..100 bytes in a 128-byte area
 * are processed, as before.
 */
static void put_long_version(uint8_t *smt, uint32_t payload, uint16_t token)
{
	smt_put_version(smt, token);
	wr32(smt, SCMI_SMT_OFF_LENGTH, 4 + payload);
	wr32(smt, SCMI_SMT_OFF_PAYLOAD, 0); /* where a response's status would go */
}

static void check_refused_unprocessed(const void *smt, uint32_t payload, uint16_t token)
{
	assert_int_equal(rd32(smt, SCMI_SMT_OFF_STATUS),
			 SCMI_SMT_STATUS_ERROR | SCMI_SMT_STATUS_FREE);
	assert_int_equal(rd32(smt, SCMI_SMT_OFF_LENGTH), 4 + payload);
	assert_int_equal(rd32(smt, SCMI_SMT_OFF_HEADER), version_hdr(token));
	assert_int_equal(rd32(smt, SCMI_SMT_OFF_PAYLOAD), 0);
}

static void check_processed_protocol_error(const void *smt, uint16_t token)
{
	assert_int_equal(rd32(smt, SCMI_SMT_OFF_STATUS), SCMI_SMT_STATUS_FREE);
	assert_int_equal(rd32(smt, SCMI_SMT_OFF_LENGTH), 8);
	assert_int_equal(rd32(smt, SCMI_SMT_OFF_HEADER), version_hdr(token));
	assert_int_equal((int32_t)rd32(smt, SCMI_SMT_OFF_PAYLOAD), SCMI_PROTOCOL_ERROR);
}

static void test_payload_limit(void **state)
{
	struct fixture *f = *state;
	struct tee_ioctl_param p[2] = {
	    val(TEE_PARAM_TYPE_VALUE_INPUT, CH_STATIC, 0),
	    mref(TEE_PARAM_TYPE_MEMREF_INOUT, f->shm, 256, 256),
	};
	uint8_t *a0 = static_area(f, REGION0);
	uint64_t n = 0;

	/* By default: processed, up to what the area holds. */
	assert_int_equal(PTA_SCMI_OPTEE_MAX_PAYLOAD, 92);
	put_long_version(a0, 93, 1);
	assert_int_equal(finvoke(f, PTA_SCMI_CMD_PROCESS_SMT_CHANNEL, p, 1), TEE_SUCCESS);
	check_processed_protocol_error(a0, 1);

	/* OP-TEE's limit. Static SMT (cmd 1). */
	secure_world_set_max_payload(f->world, PTA_SCMI_OPTEE_MAX_PAYLOAD);
	put_long_version(a0, 93, 1);
	assert_int_equal(finvoke(f, PTA_SCMI_CMD_PROCESS_SMT_CHANNEL, p, 1), TEE_SUCCESS);
	check_refused_unprocessed(a0, 93, 1);
	put_long_version(a0, 92, 2);
	assert_int_equal(finvoke(f, PTA_SCMI_CMD_PROCESS_SMT_CHANNEL, p, 1), TEE_SUCCESS);
	check_processed_protocol_error(a0, 2);
	/* SMT in a memref (cmd 2): the same rule, with room for far more. */
	put_long_version(f->buf + 256, 200, 3);
	assert_int_equal(finvoke(f, PTA_SCMI_CMD_PROCESS_SMT_CHANNEL_MESSAGE, p, 2), TEE_SUCCESS);
	check_refused_unprocessed(f->buf + 256, 200, 3);
	put_long_version(f->buf + 256, 92, 4);
	assert_int_equal(finvoke(f, PTA_SCMI_CMD_PROCESS_SMT_CHANNEL_MESSAGE, p, 2), TEE_SUCCESS);
	check_processed_protocol_error(f->buf + 256, 4);
	/* MSG (cmd 4): BAD_PARAMETERS, nothing written. */
	wr32(f->buf, 0, version_hdr(5));
	wr32(f->buf, 256, 0xdeadbeef);
	assert_int_equal(msg_invoke(f, CH_NO_STATIC, 0, 4 + 93, 256, 104, &n),
			 TEE_ERROR_BAD_PARAMETERS);
	assert_int_equal(rd32(f->buf, 256), 0xdeadbeef);
	assert_int_equal(msg_invoke(f, CH_NO_STATIC, 0, 4 + 92, 256, 104, &n), TEE_SUCCESS);
	assert_int_equal(n, 8);
	assert_int_equal((int32_t)rd32(f->buf, 256 + SCMI_MSG_OFF_STATUS), SCMI_PROTOCOL_ERROR);

	/* Configurable: the platform may take more (still bounded by the area and the server). */
	secure_world_set_max_payload(f->world, 200);
	put_long_version(f->buf + 256, 200, 6);
	assert_int_equal(finvoke(f, PTA_SCMI_CMD_PROCESS_SMT_CHANNEL_MESSAGE, p, 2), TEE_SUCCESS);
	check_processed_protocol_error(f->buf + 256, 6);
	assert_int_equal(msg_invoke(f, CH_NO_STATIC, 0, 4 + 93, 256, 104, &n), TEE_SUCCESS);
}

/*
 * OP-TEE keeps a static SMT channel claimed for good after a transport error (its busy
 * flag is not released on the error paths), so every later message on it fails. Ours
 * does not: after each kind of refused message, the next good one is processed.
 */
static void test_channel_free_after_transport_errors(void **state)
{
	struct fixture *f = *state;
	struct tee_ioctl_param p[2] = {
	    val(TEE_PARAM_TYPE_VALUE_INPUT, CH_STATIC, 0),
	    mref(TEE_PARAM_TYPE_MEMREF_INOUT, f->shm, 256, 128),
	};
	uint8_t *areas[2] = {static_area(f, REGION0), f->buf + 256};
	static const uint32_t cmds[2] = {PTA_SCMI_CMD_PROCESS_SMT_CHANNEL,
					 PTA_SCMI_CMD_PROCESS_SMT_CHANNEL_MESSAGE};

	secure_world_set_max_payload(f->world, PTA_SCMI_OPTEE_MAX_PAYLOAD);
	for (int c = 0; c < 2; c++) {
		uint8_t *a = areas[c];
		size_t np = c ? 2 : 1;

		/* Payload over OP-TEE's limit, then over what the area holds. */
		put_long_version(a, 93, 10);
		assert_int_equal(finvoke(f, cmds[c], p, np), TEE_SUCCESS);
		check_refused_unprocessed(a, 93, 10);
		put_long_version(a, 101, 10);
		assert_int_equal(finvoke(f, cmds[c], p, np), TEE_SUCCESS);
		check_refused_unprocessed(a, 101, 10);
		smt_put_version(a, 11);
		assert_int_equal(finvoke(f, cmds[c], p, np), TEE_SUCCESS);
		smt_check_version(a, 11);
		/* Not handed over (FREE still set), then ERROR left set. */
		smt_put_version(a, 12);
		wr32(a, SCMI_SMT_OFF_STATUS, SCMI_SMT_STATUS_FREE);
		assert_int_equal(finvoke(f, cmds[c], p, np), TEE_SUCCESS);
		wr32(a, SCMI_SMT_OFF_STATUS, SCMI_SMT_STATUS_ERROR);
		assert_int_equal(finvoke(f, cmds[c], p, np), TEE_SUCCESS);
		smt_put_version(a, 13);
		assert_int_equal(finvoke(f, cmds[c], p, np), TEE_SUCCESS);
		smt_check_version(a, 13);
		/* A length under the header's 4 bytes. */
		smt_put_version(a, 14);
		wr32(a, SCMI_SMT_OFF_LENGTH, 2);
		assert_int_equal(finvoke(f, cmds[c], p, np), TEE_SUCCESS);
		assert_int_equal(rd32(a, SCMI_SMT_OFF_STATUS),
				 SCMI_SMT_STATUS_ERROR | SCMI_SMT_STATUS_FREE);
		smt_put_version(a, 15);
		assert_int_equal(finvoke(f, cmds[c], p, np), TEE_SUCCESS);
		smt_check_version(a, 15);
	}
}

/*
 * OP-TEE binds the memref of a PTA command 2 to the channel and so forgets the channel's
 * static area: a later command 1 works on the stale memref. Ours keeps both apart.
 */
static void test_static_area_kept_after_cmd2(void **state)
{
	struct fixture *f = *state;
	struct tee_ioctl_param p[2] = {
	    val(TEE_PARAM_TYPE_VALUE_INPUT, CH_STATIC, 0),
	    mref(TEE_PARAM_TYPE_MEMREF_INOUT, f->shm, 128, 128),
	};
	uint8_t *a0 = static_area(f, REGION0);

	smt_put_version(a0, 0x21);
	assert_int_equal(finvoke(f, PTA_SCMI_CMD_PROCESS_SMT_CHANNEL, p, 1), TEE_SUCCESS);
	smt_check_version(a0, 0x21);
	smt_put_version(f->buf + 128, 0x22);
	assert_int_equal(finvoke(f, PTA_SCMI_CMD_PROCESS_SMT_CHANNEL_MESSAGE, p, 2), TEE_SUCCESS);
	smt_check_version(f->buf + 128, 0x22);
	/* The memref now holds a request of its own that nobody hands over... */
	smt_put_version(f->buf + 128, 0x33);
	/* ...and command 1 serves the static area, not the memref. */
	smt_put_version(a0, 0x23);
	assert_int_equal(finvoke(f, PTA_SCMI_CMD_PROCESS_SMT_CHANNEL, p, 1), TEE_SUCCESS);
	smt_check_version(a0, 0x23);
	assert_int_equal(rd32(f->buf + 128, SCMI_SMT_OFF_STATUS), 0);
	assert_int_equal(rd32(f->buf + 128, SCMI_SMT_OFF_LENGTH), 4);
	assert_int_equal(rd32(f->buf + 128, SCMI_SMT_OFF_HEADER), version_hdr(0x33));
}

static void test_roundtrip_static_smt(void **state)
{
	struct fixture *f = *state;
	struct tee_ioctl_param p = val(TEE_PARAM_TYPE_VALUE_INPUT, CH_STATIC, 0);
	uint8_t *a0 = static_area(f, REGION0);
	uint8_t *a2 = static_area(f, REGION2);

	smt_put_version(a0, 0x155);
	assert_int_equal(finvoke(f, PTA_SCMI_CMD_PROCESS_SMT_CHANNEL, &p, 1), TEE_SUCCESS);
	smt_check_version(a0, 0x155);
	/* Channel 2 uses its own region; channel 0's is left alone. */
	smt_put_version(a2, 0x3ff);
	p.a = CH_STATIC2;
	assert_int_equal(finvoke(f, PTA_SCMI_CMD_PROCESS_SMT_CHANNEL, &p, 1), TEE_SUCCESS);
	smt_check_version(a2, 0x3ff);
	smt_check_version(a0, 0x155);
}

static void test_static_smt_not_handed_over(void **state)
{
	struct fixture *f = *state;
	struct tee_ioctl_param p = val(TEE_PARAM_TYPE_VALUE_INPUT, CH_STATIC, 0);
	uint8_t *a0 = static_area(f, REGION0);

	/* FREE still set: the agent never handed the area over. */
	smt_put_version(a0, 9);
	wr32(a0, SCMI_SMT_OFF_STATUS, SCMI_SMT_STATUS_FREE);
	assert_int_equal(finvoke(f, PTA_SCMI_CMD_PROCESS_SMT_CHANNEL, &p, 1), TEE_SUCCESS);
	assert_int_equal(rd32(a0, SCMI_SMT_OFF_STATUS),
			 SCMI_SMT_STATUS_FREE | SCMI_SMT_STATUS_ERROR);
	assert_int_equal(rd32(a0, SCMI_SMT_OFF_LENGTH), 4);
}

static void test_roundtrip_smt_memref(void **state)
{
	struct fixture *f = *state;
	struct tee_ioctl_param p[2] = {
	    val(TEE_PARAM_TYPE_VALUE_INPUT, CH_NO_STATIC, 0),
	    mref(TEE_PARAM_TYPE_MEMREF_INOUT, f->shm, 128, 128),
	};

	smt_put_version(f->buf + 128, 0x2aa);
	assert_int_equal(finvoke(f, PTA_SCMI_CMD_PROCESS_SMT_CHANNEL_MESSAGE, p, 2), TEE_SUCCESS);
	smt_check_version(f->buf + 128, 0x2aa);
	/* A static channel may carry its SMT in a memref too. */
	p[0].a = CH_STATIC;
	smt_put_version(f->buf + 128, 0x2ab);
	assert_int_equal(finvoke(f, PTA_SCMI_CMD_PROCESS_SMT_CHANNEL_MESSAGE, p, 2), TEE_SUCCESS);
	smt_check_version(f->buf + 128, 0x2ab);
}

static void test_roundtrip_msg_same_buffer(void **state)
{
	struct fixture *f = *state;
	uint64_t n = 0;

	/* Linux's layout: one buffer is both the request (4 bytes) and the 104-byte response. */
	wr32(f->buf, 0, version_hdr(0x123));
	assert_int_equal(msg_invoke(f, CH_NO_STATIC, 0, 4, 0, PTA_SCMI_LINUX_MSG_BUF_SIZE, &n),
			 TEE_SUCCESS);
	assert_int_equal(n, 12);
	assert_int_equal(rd32(f->buf, 0), version_hdr(0x123));
	assert_int_equal((int32_t)rd32(f->buf, SCMI_MSG_OFF_STATUS), SCMI_SUCCESS);
	assert_int_equal(rd32(f->buf, SCMI_MSG_OFF_RETURN), SCMI_BASE_VERSION_2_1);
	/* Channel 2 (another agent) over MSG. */
	wr32(f->buf, 0, version_hdr(0x124));
	assert_int_equal(msg_invoke(f, CH_STATIC2, 0, 4, 0, 104, &n), TEE_SUCCESS);
	assert_int_equal(n, 12);
	assert_int_equal(rd32(f->buf, 0), version_hdr(0x124));
	assert_int_equal(rd32(f->buf, SCMI_MSG_OFF_RETURN), SCMI_BASE_VERSION_2_1);
}

/*
 * Hammer: two threads, one channel, each with its own client and buffers,
 * alternating MSG and SMT-in-memref. Every reply must carry the thread's own
 * token and the right version.
 */
struct hammer {
	struct optee_sim_core *core;
	uint32_t channel;
	uint16_t token_base;
	int iterations;
	int bad;
};

static void *hammer_main(void *opaque)
{
	struct hammer *h = opaque;
	struct optee_sim_client *c = kernel_client(h->core);
	uint8_t *buf = aligned_alloc(64, 256);
	uint32_t session = 0;
	int shm;

	open_scmi(c, TEE_LOGIN_REE_KERNEL, &session);
	shm = optee_sim_shm_register(c, buf, 256, NULL, NULL);
	for (int i = 0; i < h->iterations; i++) {
		uint16_t token = (uint16_t)((h->token_base + i) & SCMI_HDR_TOKEN_MASK);
		struct tee_invoke_arg arg = {.session = session};
		struct tee_ioctl_param p[3] = {val(TEE_PARAM_TYPE_VALUE_INPUT, h->channel, 0)};

		if (i & 1) {
			smt_put_version(buf, token);
			p[1] = mref(TEE_PARAM_TYPE_MEMREF_INOUT, shm, 0, 128);
			arg.func = PTA_SCMI_CMD_PROCESS_SMT_CHANNEL_MESSAGE;
			if (optee_sim_invoke(c, &arg, p, 2) || arg.ret ||
			    rd32(buf, SCMI_SMT_OFF_STATUS) != SCMI_SMT_STATUS_FREE ||
			    rd32(buf, SCMI_SMT_OFF_HEADER) != version_hdr(token) ||
			    rd32(buf, SCMI_SMT_OFF_PAYLOAD + 4) != SCMI_BASE_VERSION_2_1)
				h->bad++;
		} else {
			memset(buf, 0, 256);
			wr32(buf, 0, version_hdr(token));
			p[1] = mref(TEE_PARAM_TYPE_MEMREF_INPUT, shm, 0, 4);
			p[2] = mref(TEE_PARAM_TYPE_MEMREF_OUTPUT, shm, 128, 104);
			arg.func = PTA_SCMI_CMD_PROCESS_MSG_CHANNEL;
			if (optee_sim_invoke(c, &arg, p, 3) || arg.ret || p[2].b != 12 ||
			    rd32(buf, 128) != version_hdr(token) || rd32(buf, 132) != 0 ||
			    rd32(buf, 136) != SCMI_BASE_VERSION_2_1)
				h->bad++;
		}
	}
	optee_sim_client_free(c);
	free(buf);
	return NULL;
}

static void test_hammer_one_channel(void **state)
{
	struct fixture *f = *state;
	struct hammer h[2] = {
	    {secure_world_core(f->world), CH_NO_STATIC, 0, 2000, 0},
	    {secure_world_core(f->world), CH_NO_STATIC, 512, 2000, 0},
	};
	pthread_t t[2];

	for (int i = 0; i < 2; i++)
		assert_int_equal(pthread_create(&t[i], NULL, hammer_main, &h[i]), 0);
	for (int i = 0; i < 2; i++) {
		pthread_join(t[i], NULL);
		assert_int_equal(h[i].bad, 0);
	}
}

/*
 * Locking, seen from inside the server. The PTA runs over a server whose
 * platform ops are the simulated platform's with vendor() replaced by a
 * probe: in RENDEZVOUS mode each caller waits (bounded) for a second caller
 * to arrive, which only happens if two channels run at once; in COUNT mode it
 * records how many callers are inside at the same time.
 */
enum probe_mode { PROBE_OFF, PROBE_RENDEZVOUS, PROBE_COUNT };

static struct {
	pthread_mutex_t lock;
	pthread_cond_t cond;
	enum probe_mode mode;
	int arrived;
	int inside;
	int max_inside;
} probe = {PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, PROBE_OFF, 0, 0, 0};

static struct scmi_server_platform_ops probe_ops;

static void probe_vendor(void *plat, char name[SCMI_SHORT_NAME_SIZE])
{
	struct timespec deadline;

	pthread_mutex_lock(&probe.lock);
	probe.inside++;
	if (probe.inside > probe.max_inside)
		probe.max_inside = probe.inside;
	if (probe.mode == PROBE_RENDEZVOUS) {
		probe.arrived++;
		pthread_cond_broadcast(&probe.cond);
		clock_gettime(CLOCK_REALTIME, &deadline);
		deadline.tv_sec += 5;
		while (probe.arrived < 2) {
			if (pthread_cond_timedwait(&probe.cond, &probe.lock, &deadline))
				break;
		}
	} else if (probe.mode == PROBE_COUNT) {
		/* Stay inside a little so that an unserialised second caller overlaps. */
		pthread_mutex_unlock(&probe.lock);
		usleep(50);
		pthread_mutex_lock(&probe.lock);
	}
	probe.inside--;
	pthread_mutex_unlock(&probe.lock);
	sim_platform_ops()->vendor(plat, name);
}

struct probe_world {
	struct sim_platform *plat;
	struct scmi_server server;
	struct pta_scmi *pta;
	struct optee_sim_core *core;
};

static void probe_world_new_caps(struct probe_world *w, uint32_t caps)
{
	char err[256];

	assert_int_equal(
	    sim_platform_load_file(SCMI_DEFAULT_PLATFORM_DTB, &w->plat, err, sizeof(err)), 0);
	probe_ops = *sim_platform_ops();
	probe_ops.vendor = probe_vendor;
	scmi_server_init(&w->server, &probe_ops, w->plat);
	w->pta = pta_scmi_new(&w->server, w->plat, caps, NULL, NULL);
	assert_non_null(w->pta);
	w->core = optee_sim_core_new(NULL);
	assert_non_null(w->core);
	assert_int_equal(optee_sim_core_add_pta(w->core, pta_scmi_ops(), w->pta), 0);
}

static void probe_world_new(struct probe_world *w)
{
	probe_world_new_caps(w, PTA_SCMI_CAPS_MASK);
}

static void probe_world_free(struct probe_world *w)
{
	optee_sim_core_free(w->core);
	pta_scmi_free(w->pta);
	sim_platform_free(w->plat);
}

struct vendor_caller {
	struct optee_sim_core *core;
	uint32_t channel;
	int iterations;
	int bad;
};

/* DISCOVER_VENDOR over MSG, checking the token and the name each time. */
static void *vendor_main(void *opaque)
{
	struct vendor_caller *v = opaque;
	struct optee_sim_client *c = kernel_client(v->core);
	uint8_t *buf = aligned_alloc(64, 128);
	uint32_t session = 0;
	int shm;

	open_scmi(c, TEE_LOGIN_REE_KERNEL, &session);
	shm = optee_sim_shm_register(c, buf, 128, NULL, NULL);
	for (int i = 0; i < v->iterations; i++) {
		uint16_t token = (uint16_t)((v->channel * 100 + (uint32_t)i) & SCMI_HDR_TOKEN_MASK);
		uint32_t hdr = scmi_hdr_make(SCMI_PROTOCOL_BASE, SCMI_MSG_BASE_DISCOVER_VENDOR,
					     SCMI_MSG_TYPE_COMMAND, token);
		struct tee_invoke_arg a = {.func = PTA_SCMI_CMD_PROCESS_MSG_CHANNEL,
					   .session = session};
		struct tee_ioctl_param p[3] = {
		    val(TEE_PARAM_TYPE_VALUE_INPUT, v->channel, 0),
		    mref(TEE_PARAM_TYPE_MEMREF_INPUT, shm, 0, 4),
		    mref(TEE_PARAM_TYPE_MEMREF_OUTPUT, shm, 0, 104),
		};

		memset(buf, 0, 128);
		wr32(buf, 0, hdr);
		if (optee_sim_invoke(c, &a, p, 3) || a.ret || p[2].b != 8 + SCMI_SHORT_NAME_SIZE ||
		    rd32(buf, 0) != hdr || rd32(buf, 4) != 0 ||
		    strcmp((char *)buf + 8, "scmi-optee") != 0)
			v->bad++;
	}
	optee_sim_client_free(c);
	free(buf);
	return NULL;
}

static void run_callers(struct vendor_caller *v, size_t n)
{
	pthread_t t[4];

	for (size_t i = 0; i < n; i++)
		assert_int_equal(pthread_create(&t[i], NULL, vendor_main, &v[i]), 0);
	for (size_t i = 0; i < n; i++)
		pthread_join(t[i], NULL);
}

static void test_channels_run_in_parallel(void **state)
{
	struct probe_world w;
	struct vendor_caller v[2];

	(void)state;
	probe_world_new(&w);
	v[0] = (struct vendor_caller){w.core, CH_STATIC, 1, 0};
	v[1] = (struct vendor_caller){w.core, CH_STATIC2, 1, 0};
	probe.mode = PROBE_RENDEZVOUS;
	probe.arrived = 0;
	probe.max_inside = 0;
	run_callers(v, 2);
	probe.mode = PROBE_OFF;
	assert_int_equal(v[0].bad, 0);
	assert_int_equal(v[1].bad, 0);
	/* Both were inside the server at once: neither waited for the other. */
	assert_int_equal(probe.max_inside, 2);
	probe_world_free(&w);
}

static void test_same_channel_serialised(void **state)
{
	struct probe_world w;
	struct vendor_caller v[3];

	(void)state;
	probe_world_new(&w);
	for (int i = 0; i < 3; i++)
		v[i] = (struct vendor_caller){w.core, CH_NO_STATIC, 300, 0};
	probe.mode = PROBE_COUNT;
	probe.max_inside = 0;
	run_callers(v, 3);
	probe.mode = PROBE_OFF;
	for (int i = 0; i < 3; i++)
		assert_int_equal(v[i].bad, 0);
	assert_int_equal(probe.max_inside, 1);
	probe_world_free(&w);
}

/* A PTA offering only some transports refuses the others with NOT_SUPPORTED. */
static void check_caps(uint32_t caps)
{
	struct probe_world w;
	struct optee_sim_client *c;
	uint8_t *buf = aligned_alloc(64, 256);
	uint32_t s = 0;
	int shm;
	struct tee_ioctl_param p[3];
	uint32_t want_smt =
	    (caps & PTA_SCMI_CAPS_SMT_HEADER) ? TEE_SUCCESS : TEE_ERROR_NOT_SUPPORTED;
	uint32_t want_msg =
	    (caps & PTA_SCMI_CAPS_MSG_HEADER) ? TEE_SUCCESS : TEE_ERROR_NOT_SUPPORTED;

	assert_non_null(buf);
	probe_world_new_caps(&w, caps);
	c = kernel_client(w.core);
	assert_int_equal(open_scmi(c, TEE_LOGIN_REE_KERNEL, &s), TEE_SUCCESS);
	shm = optee_sim_shm_register(c, buf, 256, NULL, NULL);

	p[0] = val(TEE_PARAM_TYPE_VALUE_OUTPUT, 0, 0);
	assert_int_equal(invoke(c, s, PTA_SCMI_CMD_CAPABILITIES, p, 1), TEE_SUCCESS);
	assert_int_equal(p[0].a, caps);

	p[0] = val(TEE_PARAM_TYPE_VALUE_INOUT, CH_NO_STATIC, PTA_SCMI_CAPS_SMT_HEADER);
	assert_int_equal(invoke(c, s, PTA_SCMI_CMD_GET_CHANNEL_HANDLE, p, 1), want_smt);
	p[0] = val(TEE_PARAM_TYPE_VALUE_INOUT, CH_NO_STATIC, PTA_SCMI_CAPS_MSG_HEADER);
	assert_int_equal(invoke(c, s, PTA_SCMI_CMD_GET_CHANNEL_HANDLE, p, 1), want_msg);

	/* No static memory in this world: cmd 1 can at best get as far as the region check. */
	p[0] = val(TEE_PARAM_TYPE_VALUE_INPUT, CH_STATIC, 0);
	assert_int_equal(invoke(c, s, PTA_SCMI_CMD_PROCESS_SMT_CHANNEL, p, 1),
			 want_smt == TEE_SUCCESS ? TEE_ERROR_BAD_PARAMETERS : want_smt);

	smt_put_version(buf, 1);
	p[1] = mref(TEE_PARAM_TYPE_MEMREF_INOUT, shm, 0, 128);
	assert_int_equal(invoke(c, s, PTA_SCMI_CMD_PROCESS_SMT_CHANNEL_MESSAGE, p, 2), want_smt);

	wr32(buf, 0, version_hdr(2));
	p[1] = mref(TEE_PARAM_TYPE_MEMREF_INPUT, shm, 0, 4);
	p[2] = mref(TEE_PARAM_TYPE_MEMREF_OUTPUT, shm, 0, 104);
	assert_int_equal(invoke(c, s, PTA_SCMI_CMD_PROCESS_MSG_CHANNEL, p, 3), want_msg);

	optee_sim_client_free(c);
	probe_world_free(&w);
	free(buf);
}

static void test_caps_not_offered(void **state)
{
	(void)state;
	check_caps(PTA_SCMI_CAPS_SMT_HEADER);
	check_caps(PTA_SCMI_CAPS_MSG_HEADER);
	check_caps(PTA_SCMI_CAPS_NONE);
	check_caps(PTA_SCMI_CAPS_MASK);
}

static void test_world_bad_dtb(void **state)
{
	struct secure_world *w = NULL;
	char err[256] = "";

	(void)state;
	assert_true(secure_world_create("/nonexistent/platform.dtb", NULL, &w, err, sizeof(err)) <
		    0);
	assert_null(w);
	assert_memory_equal(err, "platform: ", 10);
	assert_null(strchr(err, '\n'));
	secure_world_destroy(NULL);
}

static void test_world_corrupt_dtb(void **state)
{
	char path[] = "/tmp/test-secure-dtbXXXXXX";
	static const char junk[] = "this is not a flattened device tree, not at all";
	struct secure_world *w = NULL;
	char err[256] = "";
	int fd = mkstemp(path);

	(void)state;
	assert_true(fd >= 0);
	assert_int_equal(write(fd, junk, sizeof(junk)), (ssize_t)sizeof(junk));
	close(fd);
	assert_true(secure_world_create(path, NULL, &w, err, sizeof(err)) < 0);
	unlink(path);
	assert_null(w);
	assert_memory_equal(err, "platform: ", 10);
	assert_null(strchr(err, '\n'));
	/* Said once, not "platform: platform: ...". */
	assert_null(strstr(err + 1, "platform: "));
}

static void test_world_limits(void **state)
{
	struct optee_sim_limits lim = {.max_sessions = 1, .max_shm = 1};
	struct secure_world *w = NULL;
	struct optee_sim_client *c;
	struct tee_open_session_arg arg = {.clnt_login = TEE_LOGIN_REE_KERNEL};
	uint32_t word;
	char err[256];

	(void)state;
	assert_int_equal(secure_world_create(SCMI_DEFAULT_PLATFORM_DTB, &lim, &w, err, sizeof(err)),
			 0);
	c = kernel_client(secure_world_core(w));
	assert_int_equal(open_scmi(c, TEE_LOGIN_REE_KERNEL, NULL), TEE_SUCCESS);
	memcpy(arg.uuid, scmi_uuid, TEE_UUID_SIZE);
	assert_int_equal(optee_sim_open_session(c, &arg, NULL, 0), -EMFILE);
	assert_true(optee_sim_shm_register(c, &word, sizeof(word), NULL, NULL) >= 0);
	assert_int_equal(optee_sim_shm_register(c, &word, sizeof(word), NULL, NULL), -ENOSPC);
	optee_sim_client_free(c);
	secure_world_destroy(w);
}

int main(void)
{
#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)
	const struct CMUnitTest tests[] = {
	    T(test_boot_state_and_login),
	    T(test_wrong_param_types),
	    T(test_unknown_command),
	    T(test_capabilities),
	    T(test_get_channel_handle),
	    T(test_unknown_channel),
	    T(test_smt_without_static_region),
	    T(test_smt_memref_too_small),
	    T(test_msg_bad_buffers),
	    T(test_roundtrip_static_smt),
	    T(test_payload_limit),
	    T(test_channel_free_after_transport_errors),
	    T(test_static_area_kept_after_cmd2),
	    T(test_static_smt_not_handed_over),
	    T(test_roundtrip_smt_memref),
	    T(test_roundtrip_msg_same_buffer),
	    T(test_hammer_one_channel),
	    cmocka_unit_test(test_channels_run_in_parallel),
	    cmocka_unit_test(test_same_channel_serialised),
	    cmocka_unit_test(test_caps_not_offered),
	    cmocka_unit_test(test_world_bad_dtb),
	    cmocka_unit_test(test_world_corrupt_dtb),
	    cmocka_unit_test(test_world_limits),
	};
#undef T

	return cmocka_run_group_tests(tests, NULL, NULL);
}
