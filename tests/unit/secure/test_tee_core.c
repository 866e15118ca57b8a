// SPDX-License-Identifier: BSD-3-Clause
/*
 * The emulated TEE core with a small echo PTA: sessions, logins, limits,
 * parameter checking and conversion, write-back, shared memory life cycle.
 */
#include <errno.h>
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "secure/tee_core.h"

#define ECHO_CMD_ECHO	   0u
#define ECHO_CMD_SHORT	   1u
#define ECHO_LOGIN_REFUSED 0x42u

/* What the echo PTA saw and did. */
struct echo_state {
	int opens;
	int closes;
	int invokes;
	uint32_t last_login;
	uint32_t last_types;
	struct pta_param last[TEE_NUM_PARAMS];
};

static uint32_t echo_open(void *pta_ctx, uint32_t login, void **sess_ctx)
{
	struct echo_state *st = pta_ctx;

	st->last_login = login;
	if (login == ECHO_LOGIN_REFUSED)
		return TEE_ERROR_ACCESS_DENIED;
	st->opens++;
	*sess_ctx = st;
	return TEE_SUCCESS;
}

static void echo_close(void *pta_ctx, void *sess_ctx)
{
	struct echo_state *st = pta_ctx;

	assert_ptr_equal(sess_ctx, st);
	st->closes++;
}

/*
 * ECHO: values come back as a + 1, b + 2; output memrefs get 0xA5 written over
 * their first half and report that half as their size. SHORT: every output
 * memref asks for 1000 bytes.
 */
static uint32_t echo_invoke(void *pta_ctx, void *sess_ctx, uint32_t cmd, uint32_t types,
			    struct pta_param params[TEE_NUM_PARAMS])
{
	struct echo_state *st = pta_ctx;

	(void)sess_ctx;
	st->invokes++;
	st->last_types = types;
	memcpy(st->last, params, sizeof(st->last));
	for (unsigned int i = 0; i < TEE_NUM_PARAMS; i++) {
		uint32_t t = TEE_PARAM_TYPE_GET(types, i);

		if (t == TEE_PARAM_TYPE_VALUE_OUTPUT || t == TEE_PARAM_TYPE_VALUE_INOUT) {
			params[i].value.a += 1;
			params[i].value.b += 2;
		}
		if (t == TEE_PARAM_TYPE_MEMREF_OUTPUT || t == TEE_PARAM_TYPE_MEMREF_INOUT) {
			if (cmd == ECHO_CMD_SHORT) {
				params[i].memref.size = 1000;
				continue;
			}
			if (params[i].memref.buffer)
				memset(params[i].memref.buffer, 0xA5, params[i].memref.size / 2);
			params[i].memref.size /= 2;
		}
	}
	return cmd == ECHO_CMD_SHORT ? TEE_ERROR_SHORT_BUFFER : TEE_SUCCESS;
}

static const struct pta_ops echo_ops = {
    .uuid = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16},
    .name = "echo",
    .open_session = echo_open,
    .close_session = echo_close,
    .invoke = echo_invoke,
};

struct fixture {
	struct echo_state st;
	struct optee_sim_core *core;
	struct optee_sim_client *client;
	uint32_t session;
	uint8_t *buf;
	size_t buf_size;
	int shm;
	int released;
};

static void count_release(void *arg, void *addr, size_t size)
{
	struct fixture *f = arg;

	assert_ptr_equal(addr, f->buf);
	assert_int_equal(size, f->buf_size);
	f->released++;
}

static struct fixture *fixture_new(const struct optee_sim_limits *limits, bool trusted)
{
	struct optee_sim_cred cred = {.uid = 1000, .gid = 1000, .kernel_login_allowed = trusted};
	struct fixture *f = calloc(1, sizeof(*f));

	assert_non_null(f);
	f->core = optee_sim_core_new(limits);
	assert_non_null(f->core);
	assert_int_equal(optee_sim_core_add_pta(f->core, &echo_ops, &f->st), 0);
	f->client = optee_sim_client_new(f->core, &cred);
	assert_non_null(f->client);
	f->buf_size = 256;
	f->buf = aligned_alloc(64, f->buf_size);
	assert_non_null(f->buf);
	memset(f->buf, 0, f->buf_size);
	f->shm = -1;
	return f;
}

static void fixture_free(struct fixture *f)
{
	optee_sim_client_free(f->client);
	optee_sim_core_free(f->core);
	free(f->buf);
	free(f);
}

static int open_echo(struct optee_sim_client *c, uint32_t login, struct tee_open_session_arg *arg)
{
	memset(arg, 0, sizeof(*arg));
	memcpy(arg->uuid, echo_ops.uuid, TEE_UUID_SIZE);
	arg->clnt_login = login;
	return optee_sim_open_session(c, arg, NULL, 0);
}

/* A fixture with a public session open and the buffer registered. */
static int setup(void **state)
{
	struct fixture *f = fixture_new(NULL, false);
	struct tee_open_session_arg arg;

	assert_int_equal(open_echo(f->client, TEE_LOGIN_PUBLIC, &arg), 0);
	assert_int_equal(arg.ret, TEE_SUCCESS);
	f->session = arg.session;
	f->shm = optee_sim_shm_register(f->client, f->buf, f->buf_size, count_release, f);
	assert_true(f->shm >= 0);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	fixture_free(*state);
	return 0;
}

static int invoke(struct fixture *f, uint32_t cmd, struct tee_ioctl_param *p, size_t n,
		  struct tee_invoke_arg *arg)
{
	memset(arg, 0, sizeof(*arg));
	arg->func = cmd;
	arg->session = f->session;
	return optee_sim_invoke(f->client, arg, p, n);
}

static void test_param_conversion(void **state)
{
	struct fixture *f = *state;
	struct tee_ioctl_param p[4] = {
	    {.attr = TEE_PARAM_TYPE_VALUE_INPUT, .a = 0x100000007ull, .b = 9, .c = 77},
	    {.attr = TEE_PARAM_TYPE_VALUE_INOUT, .a = 10, .b = 20, .c = 55},
	    {.attr = TEE_PARAM_TYPE_MEMREF_INOUT, .a = 16, .b = 64, .c = (uint64_t)f->shm},
	    {.attr = TEE_PARAM_TYPE_MEMREF_OUTPUT, .a = 8, .b = 0, .c = (uint64_t)f->shm},
	};
	struct tee_invoke_arg arg;

	assert_int_equal(invoke(f, ECHO_CMD_ECHO, p, 4, &arg), 0);
	assert_int_equal(arg.ret, TEE_SUCCESS);
	assert_int_equal(arg.ret_origin, TEE_ORIGIN_TRUSTED_APP);
	assert_int_equal(f->st.last_types, 0x6731);
	/* Values are cut to 32 bits, as a TA sees them. */
	assert_int_equal(f->st.last[0].value.a, 7);
	assert_int_equal(f->st.last[0].value.b, 9);
	assert_int_equal(f->st.last[1].value.a, 10);
	assert_ptr_equal(f->st.last[2].memref.buffer, f->buf + 16);
	assert_int_equal(f->st.last[2].memref.size, 64);
	/* Size 0 reaches the PTA as NULL. */
	assert_null(f->st.last[3].memref.buffer);
	assert_int_equal(f->st.last[3].memref.size, 0);

	/* Inputs untouched; outputs written back (c cleared), memref sizes updated. */
	assert_int_equal(p[0].a, 0x100000007ull);
	assert_int_equal(p[0].c, 77);
	assert_int_equal(p[1].a, 11);
	assert_int_equal(p[1].b, 22);
	assert_int_equal(p[1].c, 0);
	assert_int_equal(p[2].b, 32);
	assert_int_equal(p[2].a, 16);
	assert_int_equal(f->buf[15], 0);
	assert_int_equal(f->buf[16], 0xA5);
	assert_int_equal(f->buf[47], 0xA5);
	assert_int_equal(f->buf[48], 0);
	assert_int_equal(p[3].b, 0);
}

static void test_fewer_params_are_none(void **state)
{
	struct fixture *f = *state;
	struct tee_ioctl_param p = {.attr = TEE_PARAM_TYPE_VALUE_OUTPUT, .a = 1, .b = 2};
	struct tee_invoke_arg arg;

	assert_int_equal(invoke(f, ECHO_CMD_ECHO, &p, 1, &arg), 0);
	assert_int_equal(f->st.last_types, 0x0002);
	assert_int_equal(p.a, 2);
	assert_int_equal(p.b, 4);
	assert_int_equal(invoke(f, ECHO_CMD_ECHO, NULL, 0, &arg), 0);
	assert_int_equal(f->st.last_types, 0);
}

static void test_short_buffer_writes_back_size(void **state)
{
	struct fixture *f = *state;
	struct tee_ioctl_param p[2] = {
	    {.attr = TEE_PARAM_TYPE_MEMREF_OUTPUT, .a = 0, .b = 16, .c = (uint64_t)f->shm},
	    {.attr = TEE_PARAM_TYPE_MEMREF_INPUT, .a = 0, .b = 16, .c = (uint64_t)f->shm},
	};
	struct tee_invoke_arg arg;

	assert_int_equal(invoke(f, ECHO_CMD_SHORT, p, 2, &arg), 0);
	assert_int_equal(arg.ret, TEE_ERROR_SHORT_BUFFER);
	assert_int_equal(arg.ret_origin, TEE_ORIGIN_TRUSTED_APP);
	assert_int_equal(p[0].b, 1000);
	/* An input memref is not written back. */
	assert_int_equal(p[1].b, 16);
}

static void expect_einval(struct fixture *f, struct tee_ioctl_param *p, size_t n)
{
	struct tee_invoke_arg arg;
	int before = f->st.invokes;

	assert_int_equal(invoke(f, ECHO_CMD_ECHO, p, n, &arg), -EINVAL);
	assert_int_equal(f->st.invokes, before);
}

static void test_memref_out_of_range(void **state)
{
	struct fixture *f = *state;
	uint64_t id = (uint64_t)f->shm;
	struct tee_ioctl_param p = {.attr = TEE_PARAM_TYPE_MEMREF_INOUT, .c = id};
	struct tee_invoke_arg arg;

	/* The whole buffer and an empty window at its very end are fine. */
	p.a = 0, p.b = 256;
	assert_int_equal(invoke(f, ECHO_CMD_ECHO, &p, 1, &arg), 0);
	p.a = 256, p.b = 0;
	assert_int_equal(invoke(f, ECHO_CMD_ECHO, &p, 1, &arg), 0);

	p.a = 0, p.b = 257;
	expect_einval(f, &p, 1);
	p.a = 200, p.b = 57;
	expect_einval(f, &p, 1);
	p.a = 257, p.b = 0;
	expect_einval(f, &p, 1);
	/* offset + size wraps around. */
	p.a = 16, p.b = UINT64_MAX - 8;
	expect_einval(f, &p, 1);
	p.a = UINT64_MAX, p.b = 2;
	expect_einval(f, &p, 1);
}

static void test_unknown_shm_id(void **state)
{
	struct fixture *f = *state;
	struct tee_ioctl_param p = {.attr = TEE_PARAM_TYPE_MEMREF_INPUT, .a = 0, .b = 4};

	p.c = (uint64_t)f->shm + 1;
	expect_einval(f, &p, 1);
	p.c = UINT64_MAX;
	expect_einval(f, &p, 1);
	p.c = 1ull << 32;
	expect_einval(f, &p, 1);
	/* A released id is unknown. */
	p.c = (uint64_t)f->shm;
	assert_int_equal(optee_sim_shm_release(f->client, f->shm), 0);
	assert_int_equal(f->released, 1);
	expect_einval(f, &p, 1);
	assert_int_equal(optee_sim_shm_release(f->client, f->shm), -EINVAL);
	assert_int_equal(optee_sim_shm_release(f->client, -1), -EINVAL);
	assert_int_equal(f->released, 1);
}

static void test_bad_attr_and_count(void **state)
{
	struct fixture *f = *state;
	static const uint64_t bad[] = {4, 8, 15, 0x100 | TEE_PARAM_TYPE_VALUE_INPUT, 1ull << 32};
	struct tee_ioctl_param p[OPTEE_SIM_WIRE_MAX_PARAMS + 1] = {{0}};
	struct tee_invoke_arg arg;

	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		p[1].attr = bad[i];
		expect_einval(f, p, 2);
	}
	p[1].attr = TEE_PARAM_TYPE_NONE;
	/* More than the wire carries is no request at all. */
	expect_einval(f, p, OPTEE_SIM_WIRE_MAX_PARAMS + 1);
	expect_einval(f, NULL, 1);
	assert_int_equal(invoke(f, ECHO_CMD_ECHO, p, 4, &arg), 0);
}

/*
 * More than four parameters: OP-TEE's core answers BAD_PARAMETERS, origin TEE, before any
 * TA runs (issue 10, item 12); so does ours, whatever the parameters hold.
 */
static void test_five_params(void **state)
{
	struct fixture *f = *state;
	struct tee_ioctl_param p[OPTEE_SIM_WIRE_MAX_PARAMS] = {{0}};
	struct tee_open_session_arg oarg;
	struct tee_invoke_arg arg;
	int invokes = f->st.invokes, opens = f->st.opens;

	for (size_t n = TEE_NUM_PARAMS + 1; n <= OPTEE_SIM_WIRE_MAX_PARAMS; n++) {
		p[n - 1].attr = 0x77; /* a bad attribute: not even looked at */
		assert_int_equal(invoke(f, ECHO_CMD_ECHO, p, n, &arg), 0);
		assert_int_equal(arg.ret, TEE_ERROR_BAD_PARAMETERS);
		assert_int_equal(arg.ret_origin, TEE_ORIGIN_TEE);
		/* Before the session is even looked up, as OP-TEE's entry code. */
		arg.session = 999;
		assert_int_equal(optee_sim_invoke(f->client, &arg, p, n), 0);
		assert_int_equal(arg.ret, TEE_ERROR_BAD_PARAMETERS);
		memset(&oarg, 0, sizeof(oarg));
		memcpy(oarg.uuid, echo_ops.uuid, TEE_UUID_SIZE);
		oarg.clnt_login = TEE_LOGIN_PUBLIC;
		assert_int_equal(optee_sim_open_session(f->client, &oarg, p, n), 0);
		assert_int_equal(oarg.ret, TEE_ERROR_BAD_PARAMETERS);
		assert_int_equal(oarg.ret_origin, TEE_ORIGIN_TEE);
		assert_int_equal(oarg.session, 0);
	}
	/* No PTA saw any of it. */
	assert_int_equal(f->st.invokes, invokes);
	assert_int_equal(f->st.opens, opens);
	/* Four still work. */
	memset(p, 0, sizeof(p));
	assert_int_equal(invoke(f, ECHO_CMD_ECHO, p, TEE_NUM_PARAMS, &arg), 0);
	assert_int_equal(arg.ret, TEE_SUCCESS);
}

static void test_unknown_session(void **state)
{
	struct fixture *f = *state;
	struct tee_invoke_arg arg = {.func = 0, .session = f->session + 1};

	assert_int_equal(optee_sim_invoke(f->client, &arg, NULL, 0), -EINVAL);
	arg.session = 0;
	assert_int_equal(optee_sim_invoke(f->client, &arg, NULL, 0), -EINVAL);
	assert_int_equal(optee_sim_close_session(f->client, 0), -EINVAL);
	assert_int_equal(optee_sim_close_session(f->client, 99), -EINVAL);
	assert_int_equal(optee_sim_close_session(f->client, f->session), 0);
	assert_int_equal(f->st.closes, 1);
	arg.session = f->session;
	assert_int_equal(optee_sim_invoke(f->client, &arg, NULL, 0), -EINVAL);
	assert_int_equal(optee_sim_close_session(f->client, f->session), -EINVAL);
	assert_int_equal(f->st.closes, 1);
}

static void test_session_limit(void **state)
{
	struct optee_sim_limits lim = {.max_sessions = 3};
	struct fixture *f = fixture_new(&lim, false);
	struct tee_open_session_arg arg;
	uint32_t ids[3];

	(void)state;
	for (int i = 0; i < 3; i++) {
		assert_int_equal(open_echo(f->client, TEE_LOGIN_PUBLIC, &arg), 0);
		assert_int_equal(arg.ret, TEE_SUCCESS);
		ids[i] = arg.session;
	}
	/* Ids start at 1 and are unique. */
	assert_int_equal(ids[0], 1);
	assert_true(ids[1] != ids[0] && ids[2] != ids[0] && ids[2] != ids[1]);
	assert_int_equal(open_echo(f->client, TEE_LOGIN_PUBLIC, &arg), -EMFILE);
	assert_int_equal(f->st.opens, 3);
	assert_int_equal(optee_sim_close_session(f->client, ids[1]), 0);
	assert_int_equal(open_echo(f->client, TEE_LOGIN_PUBLIC, &arg), 0);
	assert_int_equal(arg.ret, TEE_SUCCESS);
	assert_true(arg.session != ids[0] && arg.session != ids[2] && arg.session != 0);
	fixture_free(f);
}

static void test_default_session_limit(void **state)
{
	struct fixture *f = fixture_new(NULL, false);
	struct tee_open_session_arg arg;

	(void)state;
	for (int i = 0; i < 64; i++) {
		assert_int_equal(open_echo(f->client, TEE_LOGIN_PUBLIC, &arg), 0);
		assert_int_equal(arg.session, (uint32_t)i + 1);
	}
	assert_int_equal(open_echo(f->client, TEE_LOGIN_PUBLIC, &arg), -EMFILE);
	fixture_free(f);
	/* All 64 closed with the client. */
}

static void test_shm_limit_and_args(void **state)
{
	struct optee_sim_limits lim = {.max_shm = 2};
	struct fixture *f = fixture_new(&lim, false);
	int a, b;

	(void)state;
	assert_int_equal(optee_sim_shm_register(f->client, f->buf, 0, NULL, NULL), -EINVAL);
	assert_int_equal(optee_sim_shm_register(f->client, NULL, 16, NULL, NULL), -EINVAL);
	a = optee_sim_shm_register(f->client, f->buf, f->buf_size, count_release, f);
	b = optee_sim_shm_register(f->client, f->buf, f->buf_size, count_release, f);
	assert_true(a >= 0 && b >= 0 && a != b);
	assert_int_equal(optee_sim_shm_register(f->client, f->buf, 16, NULL, NULL), -ENOSPC);
	assert_int_equal(optee_sim_shm_release(f->client, a), 0);
	assert_int_equal(f->released, 1);
	a = optee_sim_shm_register(f->client, f->buf, f->buf_size, count_release, f);
	assert_true(a >= 0 && a != b);
	fixture_free(f);
}

static void test_default_shm_limit(void **state)
{
	struct fixture *f = fixture_new(NULL, false);

	(void)state;
	for (int i = 0; i < 256; i++)
		assert_int_equal(optee_sim_shm_register(f->client, f->buf, 8, NULL, NULL), i);
	assert_int_equal(optee_sim_shm_register(f->client, f->buf, 8, NULL, NULL), -ENOSPC);
	fixture_free(f);
}

static void test_client_free_cleans_up(void **state)
{
	struct fixture *f = fixture_new(NULL, false);
	struct echo_state *st = &f->st;
	struct tee_open_session_arg arg;

	(void)state;
	for (int i = 0; i < 5; i++)
		assert_int_equal(open_echo(f->client, TEE_LOGIN_PUBLIC, &arg), 0);
	assert_int_equal(optee_sim_close_session(f->client, 2), 0);
	for (int i = 0; i < 3; i++) {
		assert_true(
		    optee_sim_shm_register(f->client, f->buf, f->buf_size, count_release, f) >= 0);
	}
	assert_int_equal(optee_sim_shm_release(f->client, 1), 0);
	optee_sim_client_free(f->client);
	f->client = NULL;
	assert_int_equal(st->opens, 5);
	assert_int_equal(st->closes, 5);
	assert_int_equal(f->released, 3);
	fixture_free(f);
}

static void test_kernel_login_untrusted(void **state)
{
	struct fixture *f = fixture_new(NULL, false);
	struct tee_open_session_arg arg;

	(void)state;
	assert_int_equal(open_echo(f->client, TEE_LOGIN_REE_KERNEL, &arg), -EPERM);
	assert_int_equal(open_echo(f->client, TEE_LOGIN_REE_KERNEL_MAX, &arg), -EPERM);
	assert_int_equal(open_echo(f->client, 0x80001234u, &arg), -EPERM);
	assert_int_equal(f->st.opens, 0);
	/* Just outside the kernel range is not refused by the core. */
	assert_int_equal(open_echo(f->client, TEE_LOGIN_REE_KERNEL_MAX + 1, &arg), 0);
	assert_int_equal(arg.ret, TEE_SUCCESS);
	assert_int_equal(f->st.last_login, TEE_LOGIN_REE_KERNEL_MAX + 1);
	fixture_free(f);
}

static void test_kernel_login_trusted(void **state)
{
	struct fixture *f = fixture_new(NULL, true);
	struct tee_open_session_arg arg;

	(void)state;
	assert_int_equal(open_echo(f->client, TEE_LOGIN_REE_KERNEL, &arg), 0);
	assert_int_equal(arg.ret, TEE_SUCCESS);
	assert_int_equal(arg.ret_origin, TEE_ORIGIN_TRUSTED_APP);
	assert_int_equal(arg.session, 1);
	assert_int_equal(f->st.last_login, TEE_LOGIN_REE_KERNEL);
	fixture_free(f);
}

static void test_unknown_uuid(void **state)
{
	struct fixture *f = fixture_new(NULL, true);
	struct tee_open_session_arg arg = {.uuid = {0xff}, .clnt_login = TEE_LOGIN_PUBLIC};

	(void)state;
	assert_int_equal(optee_sim_open_session(f->client, &arg, NULL, 0), 0);
	assert_int_equal(arg.ret, TEE_ERROR_ITEM_NOT_FOUND);
	assert_int_equal(arg.ret_origin, TEE_ORIGIN_TEE);
	assert_int_equal(f->st.opens, 0);
	fixture_free(f);
}

static void test_pta_refuses_session(void **state)
{
	struct fixture *f = fixture_new(NULL, false);
	struct tee_open_session_arg arg;
	struct tee_invoke_arg inv = {.session = 1};

	(void)state;
	assert_int_equal(open_echo(f->client, ECHO_LOGIN_REFUSED, &arg), 0);
	assert_int_equal(arg.ret, TEE_ERROR_ACCESS_DENIED);
	assert_int_equal(arg.ret_origin, TEE_ORIGIN_TRUSTED_APP);
	assert_int_equal(optee_sim_invoke(f->client, &inv, NULL, 0), -EINVAL);
	optee_sim_client_free(f->client);
	f->client = NULL;
	assert_int_equal(f->st.closes, 0);
	fixture_free(f);
}

static void test_open_session_bad_params(void **state)
{
	struct fixture *f = fixture_new(NULL, false);
	struct tee_open_session_arg arg;
	struct tee_ioctl_param p = {.attr = 4};

	(void)state;
	memcpy(arg.uuid, echo_ops.uuid, TEE_UUID_SIZE);
	arg.clnt_login = TEE_LOGIN_PUBLIC;
	assert_int_equal(optee_sim_open_session(f->client, &arg, &p, 1), -EINVAL);
	p.attr = TEE_PARAM_TYPE_MEMREF_INPUT;
	p.c = 3;
	assert_int_equal(optee_sim_open_session(f->client, &arg, &p, 1), -EINVAL);
	assert_int_equal(optee_sim_open_session(f->client, &arg, &p, OPTEE_SIM_WIRE_MAX_PARAMS + 1),
			 -EINVAL);
	/* Five: a TEE verdict, not a malformed request (test_five_params). */
	assert_int_equal(optee_sim_open_session(f->client, &arg, &p, 5), 0);
	assert_int_equal(arg.ret, TEE_ERROR_BAD_PARAMETERS);
	assert_int_equal(f->st.opens, 0);
	p.attr = TEE_PARAM_TYPE_VALUE_INPUT;
	assert_int_equal(optee_sim_open_session(f->client, &arg, &p, 1), 0);
	assert_int_equal(arg.ret, TEE_SUCCESS);
	assert_int_equal(f->st.opens, 1);
	fixture_free(f);
}

static void test_core_registry_and_static_shm(void **state)
{
	struct optee_sim_core *core = optee_sim_core_new(NULL);
	struct optee_sim_cred cred = {.uid = 1000, .gid = 1000, .kernel_login_allowed = true};
	struct optee_sim_static_region r = {.fd = -1};
	struct echo_state st = {0};
	struct pta_ops no_invoke = echo_ops;
	struct tee_open_session_arg arg;
	struct optee_sim_client *c;
	uint32_t kernel, user;
	uint8_t mem[64];

	(void)state;
	assert_non_null(core);
	assert_int_equal(optee_sim_core_add_pta(core, &echo_ops, &st), 0);
	assert_int_equal(optee_sim_core_add_pta(core, &echo_ops, &st), -EEXIST);
	no_invoke.invoke = NULL;
	no_invoke.uuid[0] = 0x77;
	assert_int_equal(optee_sim_core_add_pta(core, &no_invoke, &st), -EINVAL);
	c = optee_sim_client_new(core, &cred);
	assert_non_null(c);
	assert_int_equal(open_echo(c, TEE_LOGIN_REE_KERNEL, &arg), 0);
	kernel = arg.session;
	assert_int_equal(open_echo(c, TEE_LOGIN_USER, &arg), 0);
	user = arg.session;
	assert_int_equal(optee_sim_static_shm(c, kernel, 0x80000000ull, 8, &r), -ENODEV);
	optee_sim_core_set_static_shm(core, 42, mem, 0x80000000ull, sizeof(mem));
	/* Only through a kernel-login session of this client, and only what lies inside. */
	assert_int_equal(optee_sim_static_shm(c, user, 0x80000000ull, 8, &r), -EACCES);
	assert_int_equal(optee_sim_static_shm(c, 99, 0x80000000ull, 8, &r), -EINVAL);
	assert_int_equal(optee_sim_static_shm(c, kernel, 0x80000000ull, 0, &r), -EINVAL);
	assert_int_equal(optee_sim_static_shm(c, kernel, 0x80000000ull + 60, 8, &r), -ENOENT);
	assert_int_equal(optee_sim_static_shm(c, kernel, 0x7ffffff8ull, 16, &r), -ENOENT);
	assert_int_equal(optee_sim_static_shm(c, kernel, UINT64_MAX, 2, &r), -ENOENT);
	assert_int_equal(r.fd, -1);
	assert_int_equal(optee_sim_static_shm(c, kernel, 0x80000000ull + 8, 8, &r), 0);
	assert_int_equal(r.fd, 42);
	assert_ptr_equal(r.map, mem);
	assert_int_equal(r.base, 0x80000000ull);
	assert_int_equal(r.size, sizeof(mem));
	optee_sim_client_free(c);
	optee_sim_core_free(core);
}

/* Many clients, each on its own thread, against one core. */
struct worker {
	struct optee_sim_core *core;
	int failures;
};

static uint32_t stateless_invoke(void *pta_ctx, void *sess_ctx, uint32_t cmd, uint32_t types,
				 struct pta_param params[TEE_NUM_PARAMS])
{
	(void)pta_ctx, (void)sess_ctx, (void)cmd;
	if (types != TEE_PARAM_TYPES(TEE_PARAM_TYPE_VALUE_INOUT, TEE_PARAM_TYPE_MEMREF_INOUT, 0, 0))
		return TEE_ERROR_BAD_PARAMETERS;
	params[0].value.b = params[0].value.a * 3;
	memcpy(params[1].memref.buffer, &params[0].value.a, sizeof(uint32_t));
	return TEE_SUCCESS;
}

static const struct pta_ops stateless_ops = {
    .uuid = {9, 9, 9},
    .name = "stateless",
    .invoke = stateless_invoke,
};

static void *worker_main(void *arg)
{
	struct worker *w = arg;
	struct optee_sim_cred cred = {0};
	struct optee_sim_client *c = optee_sim_client_new(w->core, &cred);
	struct tee_open_session_arg oa = {.uuid = {9, 9, 9}};
	uint32_t word = 0;
	int id;

	if (!c || optee_sim_open_session(c, &oa, NULL, 0) || oa.ret != TEE_SUCCESS) {
		w->failures++;
		optee_sim_client_free(c);
		return NULL;
	}
	id = optee_sim_shm_register(c, &word, sizeof(word), NULL, NULL);
	for (uint32_t i = 0; i < 2000; i++) {
		struct tee_invoke_arg ia = {.session = oa.session};
		struct tee_ioctl_param p[2] = {
		    {.attr = TEE_PARAM_TYPE_VALUE_INOUT, .a = i},
		    {.attr = TEE_PARAM_TYPE_MEMREF_INOUT, .b = 4, .c = (uint64_t)id},
		};

		if (optee_sim_invoke(c, &ia, p, 2) || ia.ret || p[0].b != (uint64_t)i * 3 ||
		    word != i)
			w->failures++;
	}
	optee_sim_client_free(c);
	return NULL;
}

static void test_many_clients_many_threads(void **state)
{
	struct optee_sim_core *core = optee_sim_core_new(NULL);
	struct worker w[4];
	pthread_t t[4];

	(void)state;
	assert_int_equal(optee_sim_core_add_pta(core, &stateless_ops, NULL), 0);
	for (int i = 0; i < 4; i++) {
		w[i] = (struct worker){.core = core};
		assert_int_equal(pthread_create(&t[i], NULL, worker_main, &w[i]), 0);
	}
	for (int i = 0; i < 4; i++) {
		pthread_join(t[i], NULL);
		assert_int_equal(w[i].failures, 0);
	}
	optee_sim_core_free(core);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(test_param_conversion, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_fewer_params_are_none, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_short_buffer_writes_back_size, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_memref_out_of_range, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_unknown_shm_id, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_bad_attr_and_count, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_five_params, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_unknown_session, setup, teardown),
	    cmocka_unit_test(test_session_limit),
	    cmocka_unit_test(test_default_session_limit),
	    cmocka_unit_test(test_shm_limit_and_args),
	    cmocka_unit_test(test_default_shm_limit),
	    cmocka_unit_test(test_client_free_cleans_up),
	    cmocka_unit_test(test_kernel_login_untrusted),
	    cmocka_unit_test(test_kernel_login_trusted),
	    cmocka_unit_test(test_unknown_uuid),
	    cmocka_unit_test(test_pta_refuses_session),
	    cmocka_unit_test(test_open_session_bad_params),
	    cmocka_unit_test(test_core_registry_and_static_shm),
	    cmocka_unit_test(test_many_clients_many_threads),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
