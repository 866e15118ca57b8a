// SPDX-License-Identifier: BSD-3-Clause
/*
 * The OP-TEE transport against a fake TEE backend (issue 17): every way the
 * TEE can refuse (context, session, login, capabilities, channel handle, static
 * memory) with its error and message, the mode each channel gets, the
 * parameters of each invoke, and the re-setup after a broken context.
 * test_optee_transport drives the same code against the real secure side.
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

#include "agent/common.h"
#include "dtb_builder.h"
#include "scmi/proto/endian.h"
#include "scmi/proto/pta.h"
#include "scmi/proto/smt.h"
#include "scmi/proto/tee.h"
#include "scmi/tee_client.h"
#include "tee/tee_priv.h"

#define FT_SHMS 16

/* The fake TEE: what it answers, and what it saw. */
static struct {
	int open_rc;		/* tee_open fails with this */
	int session_rc;		/* open_session fails with this */
	uint32_t session_ret;	/* or answers this TEE verdict */
	uint64_t caps;		/* CAPABILITIES value a */
	int invoke_rc[5];	/* an invoke of func i fails at the transport */
	uint32_t invoke_ret[5]; /* or gets this verdict */
	int static_rc;		/* static_shm fails with this */
	int opens, sessions, closes, invokes[5];
	uint64_t handle_a, handle_b; /* GET_CHANNEL_HANDLE's request */
	uint64_t msg_in_size, msg_out_size, memref_size;
	size_t num_params;
	void *shm[FT_SHMS];
	size_t shm_size[FT_SHMS];
} ft;

static int ft_open_session(struct tee_context *ctx, struct tee_open_session_arg *arg,
			   struct tee_ioctl_param *params, size_t num)
{
	(void)ctx;
	(void)params;
	(void)num;
	if (ft.session_rc)
		return ft.session_rc;
	arg->ret = ft.session_ret;
	arg->ret_origin = 3;
	arg->session = 7;
	ft.sessions++;
	return 0;
}

/* A reply of status SUCCESS and one word (0x20000) to the command at @p. */
static size_t ft_reply(uint8_t *p)
{
	scmi_put_le32(p + 4, 0);
	scmi_put_le32(p + 8, 0x20000);
	return 12;
}

static int ft_invoke(struct tee_context *ctx, struct tee_invoke_arg *arg,
		     struct tee_ioctl_param *params, size_t num)
{
	uint32_t f = arg->func;

	(void)ctx;
	assert_true(f < 5);
	ft.invokes[f]++;
	ft.num_params = num;
	if (ft.invoke_rc[f])
		return ft.invoke_rc[f];
	arg->ret = ft.invoke_ret[f];
	if (arg->ret)
		return 0;
	switch (f) {
	case PTA_SCMI_CMD_CAPABILITIES:
		params[0].a = ft.caps;
		break;
	case PTA_SCMI_CMD_GET_CHANNEL_HANDLE:
		ft.handle_a = params[0].a;
		ft.handle_b = params[0].b;
		params[0].a = 40 + params[0].a;
		break;
	case PTA_SCMI_CMD_PROCESS_MSG_CHANNEL: {
		uint8_t *in = (uint8_t *)ft.shm[params[1].c] + params[1].a;
		uint8_t *out = (uint8_t *)ft.shm[params[2].c] + params[2].a;

		assert_int_equal(params[0].a, 40 + ft.handle_a);
		ft.msg_in_size = params[1].b;
		ft.msg_out_size = params[2].b;
		memmove(out, in, 4);
		params[2].b = ft_reply(out);
		break;
	}
	case PTA_SCMI_CMD_PROCESS_SMT_CHANNEL_MESSAGE: {
		uint8_t *smt = (uint8_t *)ft.shm[params[1].c] + params[1].a;

		ft.memref_size = params[1].b;
		ft_reply(smt + SCMI_SMT_OFF_HEADER);
		scmi_put_le32(smt + SCMI_SMT_OFF_LENGTH, 12);
		scmi_put_le32(smt + SCMI_SMT_OFF_STATUS, SCMI_SMT_STATUS_FREE);
		break;
	}
	default:
		break;
	}
	return 0;
}

static int ft_close_session(struct tee_context *ctx, uint32_t session)
{
	(void)ctx;
	assert_int_equal(session, 7);
	return 0;
}

static int ft_shm_register(struct tee_context *ctx, int fd, void *addr, size_t size)
{
	int i;

	(void)ctx;
	(void)fd;
	for (i = 0; i < FT_SHMS; i++) {
		if (!ft.shm[i]) {
			ft.shm[i] = addr;
			ft.shm_size[i] = size;
			return i;
		}
	}
	return -ENOSPC;
}

static int ft_shm_release(struct tee_context *ctx, int id)
{
	(void)ctx;
	ft.shm[id] = NULL;
	return 0;
}

static int ft_static_shm(struct tee_context *ctx, uint32_t session, uint64_t addr, uint64_t size,
			 struct tee_static_region *out)
{
	(void)ctx;
	(void)session;
	(void)addr;
	(void)size;
	(void)out;
	return ft.static_rc;
}

static void ft_close(struct tee_context *ctx)
{
	(void)ctx;
	ft.closes++;
}

static const struct tee_backend_ops ft_ops = {
    .open_session = ft_open_session,
    .invoke = ft_invoke,
    .close_session = ft_close_session,
    .shm_register = ft_shm_register,
    .shm_release = ft_shm_release,
    .static_shm = ft_static_shm,
    .close = ft_close,
};

static int ft_tee_open(void *arg, struct tee_context **ctx)
{
	(void)arg;
	ft.opens++;
	if (ft.open_rc)
		return ft.open_rc;
	return tee_context_new(&ft_ops, NULL, ctx);
}

static char err[256];
static uint8_t dtb[4096];

static void ft_reset(void)
{
	memset(&ft, 0, sizeof(ft));
	ft.caps = PTA_SCMI_CAPS_SMT_HEADER | PTA_SCMI_CAPS_MSG_HEADER;
}

/* Open an OP-TEE agent in @mode over the fake TEE; the DT's scmi node has shmem if @shmem. */
static int ft_agent(enum scmi_mode mode, bool shmem, struct scmi_agent **a)
{
	struct scmi_agent_config cfg = {
	    .tee_open = ft_tee_open,
	    .mode = mode,
	    .errbuf = err,
	    .errbuf_len = sizeof(err),
	    .transport = SCMI_TRANSPORT_OPTEE,
	};
	struct tdt t;

	tdt_defaults(&t);
	t.chan = 3;
	t.shmem = shmem ? 1 : 0;
	t.shm_size[0] = 0x100;
	cfg.dtb = dtb;
	cfg.dtb_size = tdt_build(&t, dtb, sizeof(dtb));
	err[0] = '\0';
	*a = NULL;
	return scmi_agent_open(&cfg, a);
}

static void test_context_errors(void **state)
{
	struct scmi_agent *a;
	static const int unreachable[] = {-ENOENT, -ECONNREFUSED, -ENOTCONN};
	size_t i;

	(void)state;
	for (i = 0; i < 3; i++) {
		ft_reset();
		ft.open_rc = unreachable[i];
		assert_int_equal(ft_agent(SCMI_MODE_AUTO, false, &a), -EAGAIN);
		assert_null(a);
		assert_string_equal(err, "TEE not reachable: no optee-simd at the configured TEE "
					 "(start it, then retry)");
	}
	ft_reset();
	ft.open_rc = -EPERM;
	assert_int_equal(ft_agent(SCMI_MODE_AUTO, false, &a), -EPERM);
	assert_string_equal(err, "cannot open a TEE context: Operation not permitted");
	ft.open_rc = -EACCES;
	assert_int_equal(ft_agent(SCMI_MODE_AUTO, false, &a), -EACCES);
	assert_string_equal(err, "cannot open a TEE context: Permission denied");
	ft.open_rc = -EIO;
	assert_int_equal(ft_agent(SCMI_MODE_AUTO, false, &a), -EIO);
}

static void test_session_errors(void **state)
{
	struct scmi_agent *a;

	(void)state;
	ft_reset();
	ft.session_rc = -EPERM;
	assert_int_equal(ft_agent(SCMI_MODE_AUTO, false, &a), -EACCES);
	assert_non_null(strstr(err, "REE-kernel login to the SCMI PTA refused"));
	assert_int_equal(ft.closes, 1);
	ft_reset();
	ft.session_ret = TEE_ERROR_ACCESS_DENIED;
	assert_int_equal(ft_agent(SCMI_MODE_AUTO, false, &a), -EACCES);
	assert_non_null(strstr(err, "REE-kernel login to the SCMI PTA refused"));
	ft_reset();
	ft.session_rc = -EUSERS;
	assert_int_equal(ft_agent(SCMI_MODE_AUTO, false, &a), -EUSERS);
	assert_non_null(strstr(err, "optee-simd refused the connection"));
	ft_reset();
	ft.session_rc = -EIO;
	assert_int_equal(ft_agent(SCMI_MODE_AUTO, false, &a), -EIO);
	assert_string_equal(err, "open session to the SCMI PTA: Input/output error");
	ft_reset();
	ft.session_ret = TEE_ERROR_ITEM_NOT_FOUND;
	assert_int_equal(ft_agent(SCMI_MODE_AUTO, false, &a), -EOPNOTSUPP);
	assert_non_null(strstr(err, "refused a session: TEE 0xffff0008 (origin 3)"));
}

static void test_capabilities(void **state)
{
	struct scmi_agent *a;

	(void)state;
	ft_reset();
	ft.caps = 0x4; /* no bit we know */
	assert_int_equal(ft_agent(SCMI_MODE_AUTO, false, &a), -EOPNOTSUPP);
	assert_string_equal(err, "the SCMI PTA offers neither SMT nor MSG (caps 0x4)");
	assert_int_equal(ft.closes, 1);
	ft_reset();
	ft.invoke_ret[PTA_SCMI_CMD_CAPABILITIES] = TEE_ERROR_BAD_PARAMETERS;
	assert_int_equal(ft_agent(SCMI_MODE_AUTO, false, &a), -EIO);
	assert_string_equal(err, "PTA command 0 failed: TEE 0xffff0006 (origin 0)");
	ft_reset();
	ft.invoke_rc[PTA_SCMI_CMD_CAPABILITIES] = -ETIMEDOUT;
	assert_int_equal(ft_agent(SCMI_MODE_AUTO, false, &a), -ETIMEDOUT);
	assert_string_equal(err, "TEE request failed: Connection timed out");

	/* The modes: AUTO picks SMT with a shmem, MSG without, SMT in memref without MSG. */
	ft_reset();
	ft.static_rc = -ENOENT;
	assert_int_equal(ft_agent(SCMI_MODE_AUTO, true, &a), -EINVAL);
	assert_non_null(strstr(err, "lies outside the TEE's static memory"));
	assert_int_equal(ft.handle_b, PTA_SCMI_CAPS_SMT_HEADER);
	ft_reset();
	ft.caps = PTA_SCMI_CAPS_MSG_HEADER;
	assert_int_equal(ft_agent(SCMI_MODE_AUTO, true, &a), 0);
	assert_int_equal(scmi_agent_mode(a), SCMI_MODE_MSG);
	assert_int_equal(ft.handle_a, 3);
	assert_int_equal(ft.handle_b, PTA_SCMI_CAPS_MSG_HEADER);
	scmi_agent_close(a);
	ft_reset();
	ft.caps = PTA_SCMI_CAPS_SMT_HEADER;
	assert_int_equal(ft_agent(SCMI_MODE_AUTO, false, &a), 0);
	assert_int_equal(scmi_agent_mode(a), SCMI_MODE_SMT_MEMREF);
	assert_int_equal(ft.handle_b, PTA_SCMI_CAPS_SMT_HEADER);
	scmi_agent_close(a);
	/* Forced modes the PTA or the DT cannot give. */
	ft_reset();
	assert_int_equal(ft_agent(SCMI_MODE_SMT, false, &a), -EINVAL);
	assert_string_equal(err, "mode smt needs a shmem region (channel 3 has none in the DT)");
	ft.caps = PTA_SCMI_CAPS_MSG_HEADER;
	assert_int_equal(ft_agent(SCMI_MODE_SMT_MEMREF, false, &a), -EOPNOTSUPP);
	assert_string_equal(err, "mode smt-memref: the PTA does not offer SMT (caps 0x2)");
	assert_int_equal(ft_agent(SCMI_MODE_SMT, true, &a), -EOPNOTSUPP);
	ft.caps = PTA_SCMI_CAPS_SMT_HEADER;
	assert_int_equal(ft_agent(SCMI_MODE_MSG, false, &a), -EOPNOTSUPP);
	assert_string_equal(err, "mode msg: the PTA does not offer MSG (caps 0x1)");
	ft.caps = PTA_SCMI_CAPS_MASK;
	assert_int_equal(ft_agent(SCMI_MODE_MSG, true, &a), 0);
	assert_int_equal(scmi_agent_mode(a), SCMI_MODE_MSG);
	scmi_agent_close(a);
	/* The PTA refusing the channel. */
	ft.invoke_ret[PTA_SCMI_CMD_GET_CHANNEL_HANDLE] = TEE_ERROR_BAD_PARAMETERS;
	assert_int_equal(ft_agent(SCMI_MODE_MSG, false, &a), -EOPNOTSUPP);
	assert_string_equal(err, "the SCMI PTA refused channel 3 in mode msg");
	ft.invoke_ret[PTA_SCMI_CMD_GET_CHANNEL_HANDLE] = 0;
	ft.invoke_rc[PTA_SCMI_CMD_GET_CHANNEL_HANDLE] = -ECONNRESET;
	assert_int_equal(ft_agent(SCMI_MODE_MSG, false, &a), -ECONNRESET);
}

static void test_static_errors(void **state)
{
	struct scmi_agent *a;

	(void)state;
	ft_reset();
	ft.static_rc = -ENODEV;
	assert_int_equal(ft_agent(SCMI_MODE_SMT, true, &a), -EINVAL);
	assert_non_null(strstr(err, "channel 3: shmem 0x1000+0x100 lies outside"));
	ft.static_rc = -EACCES;
	assert_int_equal(ft_agent(SCMI_MODE_SMT, true, &a), -EACCES);
	assert_non_null(strstr(err, "the TEE refused us the shmem region 0x1000+0x100"));
	ft.static_rc = -EIO;
	assert_int_equal(ft_agent(SCMI_MODE_SMT, true, &a), -EIO);
	assert_string_equal(err,
			    "channel 3: no static shared memory from the TEE: Input/output error");
}

static void test_static_too_small(void **state)
{
	struct scmi_agent_config cfg = {
	    .tee_open = ft_tee_open,
	    .mode = SCMI_MODE_SMT,
	    .errbuf = err,
	    .errbuf_len = sizeof(err),
	    .transport = SCMI_TRANSPORT_OPTEE,
	};
	struct scmi_agent *a;
	struct tdt t;

	(void)state;
	ft_reset();
	tdt_defaults(&t);
	t.shmem = 1;
	/* 104-byte messages need 128 bytes of area: one less is refused before the TEE. */
	t.shm_size[0] = 127;
	cfg.dtb = dtb;
	cfg.dtb_size = tdt_build(&t, dtb, sizeof(dtb));
	assert_int_equal(scmi_agent_open(&cfg, &a), -ENOSPC);
	assert_string_equal(err,
			    "channel 0: shmem of 127 bytes is too small for 104-byte messages");
	t.shm_size[0] = 128;
	cfg.dtb_size = tdt_build(&t, dtb, sizeof(dtb));
	ft.static_rc = -EIO;
	assert_int_equal(scmi_agent_open(&cfg, &a), -EIO);
}

static void test_msg_transfers(void **state)
{
	struct scmi_agent *a;
	uint32_t v = 0;

	(void)state;
	ft_reset();
	assert_int_equal(ft_agent(SCMI_MODE_MSG, false, &a), 0);
	assert_int_equal(scmi_protocol_version(a, 0x14, &v), 0);
	assert_int_equal(v, 0x20000);
	assert_int_equal(ft.num_params, 3);
	assert_int_equal(ft.msg_in_size, 4);
	assert_int_equal(ft.msg_out_size, 8 + 104);
	assert_int_equal(scmi_protocol_message_attributes(a, 0x14, 3, &v), 0);
	assert_int_equal(ft.msg_in_size, 8);
	/* A verdict other than SUCCESS: -EIO, the channel kept. */
	ft.invoke_ret[PTA_SCMI_CMD_PROCESS_MSG_CHANNEL] = TEE_ERROR_BAD_PARAMETERS;
	assert_int_equal(scmi_protocol_version(a, 0x14, &v), -EIO);
	ft.invoke_ret[PTA_SCMI_CMD_PROCESS_MSG_CHANNEL] = 0;
	assert_int_equal(ft.opens, 2);
	assert_int_equal(scmi_protocol_version(a, 0x14, &v), 0);
	assert_int_equal(ft.opens, 2);
	/* A broken context: the next command opens a new one first. */
	ft.invoke_rc[PTA_SCMI_CMD_PROCESS_MSG_CHANNEL] = -ECONNRESET;
	assert_int_equal(scmi_protocol_version(a, 0x14, &v), -ECONNRESET);
	ft.invoke_rc[PTA_SCMI_CMD_PROCESS_MSG_CHANNEL] = 0;
	assert_int_equal(scmi_protocol_version(a, 0x14, &v), 0);
	assert_int_equal(ft.opens, 3);
	assert_int_equal(ft.invokes[PTA_SCMI_CMD_GET_CHANNEL_HANDLE], 2);
	/* ... and when that fails, -EAGAIN at once, until it works again. */
	ft.invoke_rc[PTA_SCMI_CMD_PROCESS_MSG_CHANNEL] = -ETIMEDOUT;
	assert_int_equal(scmi_protocol_version(a, 0x14, &v), -ETIMEDOUT);
	ft.invoke_rc[PTA_SCMI_CMD_PROCESS_MSG_CHANNEL] = 0;
	ft.open_rc = -ECONNREFUSED;
	assert_int_equal(scmi_protocol_version(a, 0x14, &v), -EAGAIN);
	scmi_agent_last_error(a, err, sizeof(err));
	assert_non_null(strstr(err, "channel 3 re-setup failed: TEE not reachable"));
	assert_int_equal(scmi_protocol_version(a, 0x14, &v), -EAGAIN);
	ft.open_rc = 0;
	assert_int_equal(scmi_protocol_version(a, 0x14, &v), 0);
	scmi_agent_close(a);
}

static void test_memref_transfers(void **state)
{
	struct scmi_agent *a;
	uint32_t v = 0;

	(void)state;
	ft_reset();
	assert_int_equal(ft_agent(SCMI_MODE_SMT_MEMREF, false, &a), 0);
	assert_int_equal(scmi_protocol_version(a, 0x14, &v), 0);
	assert_int_equal(v, 0x20000);
	assert_int_equal(ft.num_params, 2);
	/* 104 + 28 + 4 = 136 bytes: above the PTA's minimum of 128. */
	assert_int_equal(ft.memref_size, 104 + SCMI_SMT_HDR_SIZE + 4);
	ft.invoke_rc[PTA_SCMI_CMD_PROCESS_SMT_CHANNEL_MESSAGE] = -EPIPE;
	assert_int_equal(scmi_protocol_version(a, 0x14, &v), -EPIPE);
	ft.invoke_rc[PTA_SCMI_CMD_PROCESS_SMT_CHANNEL_MESSAGE] = 0;
	assert_int_equal(scmi_protocol_version(a, 0x14, &v), 0);
	assert_int_equal(ft.opens, 3);
	scmi_agent_close(a);
}

static void test_memref_minimum(void **state)
{
	struct scmi_agent_config cfg = {
	    .tee_open = ft_tee_open,
	    .mode = SCMI_MODE_SMT_MEMREF,
	    .transport = SCMI_TRANSPORT_OPTEE,
	};
	struct scmi_agent *a;
	uint32_t v;
	struct tdt t;

	(void)state;
	ft_reset();
	tdt_defaults(&t);
	t.msg_size = 16;
	cfg.dtb = dtb;
	cfg.dtb_size = tdt_build(&t, dtb, sizeof(dtb));
	assert_int_equal(scmi_agent_open(&cfg, &a), 0);
	assert_int_equal(scmi_protocol_version(a, 0x14, &v), 0);
	assert_int_equal(ft.memref_size, SCMI_SMT_MIN_SIZE);
	scmi_agent_close(a);
	/* 100 + 28 + 4 = 132: above the minimum, taken as it is. */
	t.msg_size = 100;
	cfg.dtb_size = tdt_build(&t, dtb, sizeof(dtb));
	assert_int_equal(scmi_agent_open(&cfg, &a), 0);
	assert_int_equal(scmi_protocol_version(a, 0x14, &v), 0);
	assert_int_equal(ft.memref_size, 132);
	scmi_agent_close(a);
}

/* AUTO with a TEE named (tee_open): OP-TEE, even when a raw mode directory is there. */
static void test_auto_with_tee(void **state)
{
	struct scmi_agent_config cfg = {.tee_open = ft_tee_open};
	char dir[] = "/tmp/scmi-raw-auto.XXXXXX", path[64];
	struct scmi_agent *a;
	int fd;

	(void)state;
	ft_reset();
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/message", dir);
	fd = open(path, O_CREAT | O_WRONLY, 0600);
	assert_true(fd >= 0);
	close(fd);
	cfg.raw_dir = dir;
	assert_int_equal(scmi_agent_open(&cfg, &a), 0);
	assert_int_equal(scmi_agent_transport(a), SCMI_TRANSPORT_OPTEE);
	assert_int_equal(ft.opens, 2);
	scmi_agent_close(a);
	unlink(path);
	rmdir(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_context_errors),   cmocka_unit_test(test_session_errors),
	    cmocka_unit_test(test_capabilities),     cmocka_unit_test(test_static_errors),
	    cmocka_unit_test(test_static_too_small), cmocka_unit_test(test_msg_transfers),
	    cmocka_unit_test(test_memref_transfers), cmocka_unit_test(test_memref_minimum),
	    cmocka_unit_test(test_auto_with_tee),
	};

	return cmocka_run_group_tests_name("agent/optee-fake", tests, NULL, NULL);
}
