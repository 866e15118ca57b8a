// SPDX-License-Identifier: BSD-3-Clause
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>

#include "tee_test_common.h"

/* What the TEE's result starts as, so that a call that never sets it fails the test. */
#define RET_UNSET 0xdeadbeefu

struct echo_env *echo_env_new(const struct optee_sim_limits *limits)
{
	struct echo_env *env = calloc(1, sizeof(*env));

	assert_non_null(env);
	env->core = optee_sim_core_new(limits);
	assert_non_null(env->core);
	assert_int_equal(optee_sim_core_add_pta(env->core, &echo_pta_ops, &env->pta), 0);
	env->static_fd = memfd_create("echo_static", MFD_CLOEXEC | MFD_ALLOW_SEALING);
	assert_true(env->static_fd >= 0);
	assert_int_equal(ftruncate(env->static_fd, ECHO_STATIC_SIZE), 0);
	assert_int_equal(fcntl(env->static_fd, F_ADD_SEALS, F_SEAL_SHRINK | F_SEAL_GROW), 0);
	env->static_addr =
	    mmap(NULL, ECHO_STATIC_SIZE, PROT_READ | PROT_WRITE, MAP_SHARED, env->static_fd, 0);
	assert_true(env->static_addr != MAP_FAILED);
	optee_sim_core_set_static_shm(env->core, env->static_fd, env->static_addr, ECHO_STATIC_BASE,
				      ECHO_STATIC_SIZE);
	return env;
}

void echo_env_free(struct echo_env *env)
{
	if (!env)
		return;
	optee_sim_core_free(env->core);
	munmap(env->static_addr, ECHO_STATIC_SIZE);
	close(env->static_fd);
	free(env);
}

int echo_open(struct tee_context *ctx, uint32_t login, uint32_t *session)
{
	struct tee_open_session_arg arg = {.clnt_login = login};
	int rc;

	*session = 0;
	memcpy(arg.uuid, echo_pta_uuid, sizeof(arg.uuid));
	rc = tee_client_open_session(ctx, &arg, NULL, 0);
	if (rc)
		return rc;
	assert_int_equal(arg.ret, TEE_SUCCESS);
	*session = arg.session;
	return 0;
}

int echo_invoke(struct tee_context *ctx, uint32_t session, uint32_t cmd, struct tee_param *p,
		size_t n, uint32_t *ret)
{
	struct tee_invoke_arg arg = {.func = cmd, .session = session};
	int rc;

	rc = tee_client_invoke_func(ctx, &arg, p, n);
	if (!rc && ret)
		*ret = arg.ret;
	return rc;
}

static struct tee_param value(uint32_t attr, uint64_t a, uint64_t b)
{
	struct tee_param p = {.attr = attr};

	p.u.value.a = a;
	p.u.value.b = b;
	return p;
}

static struct tee_param memref(uint32_t attr, struct tee_shm *shm, size_t off, size_t size)
{
	struct tee_param p = {.attr = attr};

	p.u.memref.shm = shm;
	p.u.memref.offset = off;
	p.u.memref.size = size;
	return p;
}

void check_values(struct tee_context *ctx)
{
	struct tee_param p[4];
	uint32_t s, ret = RET_UNSET;

	assert_int_equal(echo_open(ctx, TEE_LOGIN_PUBLIC, &s), 0);
	p[0] = value(TEE_PARAM_TYPE_VALUE_INOUT, 41, 100);
	p[1] = value(TEE_PARAM_TYPE_VALUE_OUTPUT, 0, 0);
	p[2] = value(TEE_PARAM_TYPE_VALUE_INPUT, 7, 7);
	p[3] = value(TEE_PARAM_TYPE_NONE, 0, 0);
	assert_int_equal(echo_invoke(ctx, s, ECHO_CMD_VALUES, p, 4, &ret), 0);
	assert_int_equal(ret, TEE_SUCCESS);
	assert_int_equal(p[0].u.value.a, 42);
	assert_int_equal(p[0].u.value.b, 102);
	assert_int_equal(p[1].u.value.a, 0xA1);
	assert_int_equal(p[1].u.value.b, TEE_PARAM_TYPES(3, 2, 1, 0));
	/* Inputs are not written back. */
	assert_int_equal(p[2].u.value.a, 7);
	/* An unknown command is the TA's verdict, not a transport error. */
	assert_int_equal(echo_invoke(ctx, s, 99, NULL, 0, &ret), 0);
	assert_int_equal(ret, TEE_ERROR_NOT_SUPPORTED);
	assert_int_equal(tee_client_close_session(ctx, s), 0);
	/* The session is gone: closing it again or invoking it fails. */
	assert_int_equal(tee_client_close_session(ctx, s), -EINVAL);
	assert_int_equal(echo_invoke(ctx, s, ECHO_CMD_VALUES, NULL, 0, &ret), -EINVAL);
}

void check_memref(struct tee_context *ctx, struct echo_env *env)
{
	struct tee_param p[2];
	struct tee_shm *shm;
	uint32_t s, ret = RET_UNSET;
	uint8_t *va;
	size_t i;

	assert_int_equal(echo_open(ctx, TEE_LOGIN_PUBLIC, &s), 0);
	assert_int_equal(tee_shm_alloc(ctx, 4096, &shm), 0);
	assert_int_equal(tee_shm_get_size(shm), 4096);
	assert_true(tee_shm_get_id(shm) >= 0);
	va = tee_shm_get_va(shm);
	for (i = 0; i < 4096; i++)
		assert_int_equal(va[i], 0); /* zero-filled */

	/* The TEE sees what the client wrote. */
	for (i = 0; i < 100; i++)
		va[1000 + i] = (uint8_t)i;
	p[0] = memref(TEE_PARAM_TYPE_MEMREF_INPUT, shm, 1000, 100);
	p[1] = value(TEE_PARAM_TYPE_VALUE_OUTPUT, 0, 0);
	assert_int_equal(echo_invoke(ctx, s, ECHO_CMD_SUM, p, 2, &ret), 0);
	assert_int_equal(ret, TEE_SUCCESS);
	assert_int_equal(p[1].u.value.a, 4950);
	assert_int_equal(p[1].u.value.b, 100);
	assert_non_null(env->pta.last_buf);
	/* ... and the client sees what the TEE writes, at the right offset, size updated. */
	p[0] = value(TEE_PARAM_TYPE_VALUE_INPUT, 0x5a, 10);
	p[1] = memref(TEE_PARAM_TYPE_MEMREF_OUTPUT, shm, 2000, 64);
	assert_int_equal(echo_invoke(ctx, s, ECHO_CMD_FILL, p, 2, &ret), 0);
	assert_int_equal(ret, TEE_SUCCESS);
	assert_int_equal(p[1].u.memref.size, 10);
	assert_int_equal(va[1999], 0);
	assert_int_equal(va[2000], 0x5a);
	assert_int_equal(va[2009], 0x5a);
	assert_int_equal(va[2010], 0);
	/* The TEE's own view of that memory is the same pages. */
	((uint8_t *)env->pta.last_buf)[20] = 0x77;
	assert_int_equal(va[2020], 0x77);

	tee_shm_free(shm);
	assert_int_equal(tee_client_close_session(ctx, s), 0);
}

void check_alias(struct tee_context *ctx)
{
	static const char hello[10] = "hello, tee"; /* 10 bytes, no NUL */
	struct tee_param p[2];
	struct tee_shm *shm;
	uint32_t s, ret = RET_UNSET;
	uint8_t *va;

	assert_int_equal(echo_open(ctx, TEE_LOGIN_PUBLIC, &s), 0);
	assert_int_equal(tee_shm_alloc(ctx, 256, &shm), 0);
	va = tee_shm_get_va(shm);
	memcpy(va, hello, sizeof(hello));
	/* The same shm as input and output, as Linux's SCMI transport passes it. */
	p[0] = memref(TEE_PARAM_TYPE_MEMREF_INPUT, shm, 0, 10);
	p[1] = memref(TEE_PARAM_TYPE_MEMREF_OUTPUT, shm, 128, 128);
	assert_int_equal(echo_invoke(ctx, s, ECHO_CMD_COPY, p, 2, &ret), 0);
	assert_int_equal(ret, TEE_SUCCESS);
	assert_int_equal(p[1].u.memref.size, 10);
	assert_memory_equal(va + 128, hello, sizeof(hello));
	tee_shm_free(shm);
	assert_int_equal(tee_client_close_session(ctx, s), 0);
}

void check_short_buffer(struct tee_context *ctx)
{
	struct tee_param p[2];
	struct tee_shm *shm;
	uint32_t s, ret = RET_UNSET;

	assert_int_equal(echo_open(ctx, TEE_LOGIN_PUBLIC, &s), 0);
	assert_int_equal(tee_shm_alloc(ctx, 64, &shm), 0);
	p[0] = value(TEE_PARAM_TYPE_VALUE_INPUT, 1, 500);
	p[1] = memref(TEE_PARAM_TYPE_MEMREF_INOUT, shm, 0, 64);
	assert_int_equal(echo_invoke(ctx, s, ECHO_CMD_FILL, p, 2, &ret), 0);
	assert_int_equal(ret, TEE_ERROR_SHORT_BUFFER);
	assert_int_equal(p[1].u.memref.size, 500); /* the size the TA needs */
	tee_shm_free(shm);
	assert_int_equal(tee_client_close_session(ctx, s), 0);
}

void check_bad_params(struct tee_context *ctx, struct tee_context *other)
{
	struct tee_param p[OPTEE_SIM_WIRE_MAX_PARAMS + 1];
	struct tee_invoke_arg arg;
	struct tee_shm *shm, *foreign;
	uint32_t s, ret = RET_UNSET;

	assert_int_equal(echo_open(ctx, TEE_LOGIN_PUBLIC, &s), 0);
	assert_int_equal(tee_shm_alloc(ctx, 64, &shm), 0);
	assert_int_equal(tee_shm_alloc(other, 64, &foreign), 0);
	memset(p, 0, sizeof(p));
	/* More than the wire carries: refused here. */
	assert_int_equal(
	    echo_invoke(ctx, s, ECHO_CMD_VALUES, p, OPTEE_SIM_WIRE_MAX_PARAMS + 1, &ret), -EINVAL);
	/* Five: the TEE's own verdict, as OP-TEE's core gives it (issue 10, item 12). */
	memset(&arg, 0, sizeof(arg));
	arg.func = ECHO_CMD_VALUES;
	arg.session = s;
	assert_int_equal(tee_client_invoke_func(ctx, &arg, p, 5), 0);
	assert_int_equal(arg.ret, TEE_ERROR_BAD_PARAMETERS);
	assert_int_equal(arg.ret_origin, TEE_ORIGIN_TEE);
	assert_false(tee_client_is_broken(ctx));
	assert_int_equal(echo_invoke(ctx, s, ECHO_CMD_VALUES, NULL, 1, &ret), -EINVAL);
	p[0] = memref(TEE_PARAM_TYPE_MEMREF_INPUT, shm, 60, 5);
	assert_int_equal(echo_invoke(ctx, s, ECHO_CMD_VALUES, p, 1, &ret), -EINVAL);
	p[0] = memref(TEE_PARAM_TYPE_MEMREF_INPUT, shm, 65, 0);
	assert_int_equal(echo_invoke(ctx, s, ECHO_CMD_VALUES, p, 1, &ret), -EINVAL);
	p[0] = memref(TEE_PARAM_TYPE_MEMREF_INPUT, shm, 8, SIZE_MAX);
	assert_int_equal(echo_invoke(ctx, s, ECHO_CMD_VALUES, p, 1, &ret), -EINVAL);
	p[0] = memref(TEE_PARAM_TYPE_MEMREF_INPUT, NULL, 0, 0);
	assert_int_equal(echo_invoke(ctx, s, ECHO_CMD_VALUES, p, 1, &ret), -EINVAL);
	p[0] = memref(TEE_PARAM_TYPE_MEMREF_INPUT, foreign, 0, 8);
	assert_int_equal(echo_invoke(ctx, s, ECHO_CMD_VALUES, p, 1, &ret), -EINVAL);
	p[0] = value(4, 0, 0); /* no such attribute */
	assert_int_equal(echo_invoke(ctx, s, ECHO_CMD_VALUES, p, 1, &ret), -EINVAL);
	assert_int_equal(tee_shm_alloc(ctx, 0, &shm), -EINVAL);
	/* A bad request does not break the context. */
	assert_false(tee_client_is_broken(ctx));
	p[0] = memref(TEE_PARAM_TYPE_MEMREF_INPUT, shm, 0, 64);
	p[1] = value(TEE_PARAM_TYPE_VALUE_OUTPUT, 0, 0);
	assert_int_equal(echo_invoke(ctx, s, ECHO_CMD_SUM, p, 2, &ret), 0);
	assert_int_equal(ret, TEE_SUCCESS);
	tee_shm_free(foreign);
	tee_shm_free(shm);
	tee_shm_free(NULL);
	assert_int_equal(tee_client_close_session(ctx, s), 0);
}

void check_static(struct tee_context *ctx, struct echo_env *env)
{
	struct tee_static_shm a, b;
	uint8_t *tee_side = env->static_addr;
	uint32_t kernel, user;
	uint8_t *va;

	assert_int_equal(echo_open(ctx, TEE_LOGIN_REE_KERNEL, &kernel), 0);
	assert_int_equal(echo_open(ctx, TEE_LOGIN_PUBLIC, &user), 0);
	/* Static memory is the kernel's: a user-login session does not reach it. */
	assert_int_equal(tee_client_static_shm(ctx, user, ECHO_STATIC_BASE, 64, &a), -EACCES);
	assert_int_equal(tee_client_static_shm(ctx, 0x7777, ECHO_STATIC_BASE, 64, &a), -EINVAL);
	assert_int_equal(tee_client_static_shm(ctx, kernel, ECHO_STATIC_BASE, 0, &a), -EINVAL);
	/* Nothing there, or a range running past the region. */
	assert_int_equal(tee_client_static_shm(ctx, kernel, ECHO_STATIC_BASE - 64, 64, &a),
			 -ENOENT);
	assert_int_equal(
	    tee_client_static_shm(ctx, kernel, ECHO_STATIC_BASE + ECHO_STATIC_SIZE - 8, 16, &a),
	    -ENOENT);
	assert_false(tee_client_is_broken(ctx));
	/* A range inside the region gets the whole region. */
	assert_int_equal(tee_client_static_shm(ctx, kernel, ECHO_STATIC_BASE + 128, 128, &a), 0);
	assert_int_equal(a.base, ECHO_STATIC_BASE);
	assert_int_equal(a.size, ECHO_STATIC_SIZE);
	assert_int_equal(tee_client_static_shm(ctx, kernel, ECHO_STATIC_BASE, 64, &b), 0);
	assert_ptr_equal(a.addr, b.addr); /* mapped once per context */
	va = a.addr;
	va[100] = 0x11;
	assert_int_equal(tee_side[100], 0x11);
	tee_side[ECHO_STATIC_SIZE - 1] = 0x22;
	assert_int_equal(va[ECHO_STATIC_SIZE - 1], 0x22);
	assert_int_equal(tee_client_close_session(ctx, user), 0);
	assert_int_equal(tee_client_close_session(ctx, kernel), 0);
}

void check_login(struct tee_context *ctx, int kernel_expect)
{
	struct tee_param p = {.attr = TEE_PARAM_TYPE_VALUE_OUTPUT};
	uint32_t s, ret = RET_UNSET;
	int rc;

	rc = echo_open(ctx, TEE_LOGIN_REE_KERNEL, &s);
	assert_int_equal(rc, kernel_expect);
	if (!rc) {
		assert_int_equal(echo_invoke(ctx, s, ECHO_CMD_LOGIN, &p, 1, &ret), 0);
		assert_int_equal(p.u.value.a, TEE_LOGIN_REE_KERNEL);
		assert_int_equal(tee_client_close_session(ctx, s), 0);
	}
	/* -EPERM is a verdict, not a broken transport. */
	assert_false(tee_client_is_broken(ctx));
	assert_int_equal(echo_open(ctx, TEE_LOGIN_USER, &s), 0);
	assert_int_equal(tee_client_close_session(ctx, s), 0);
}

void check_register_fd(struct tee_context *ctx)
{
	struct tee_param p[2];
	struct tee_shm *shm;
	uint32_t s, ret = RET_UNSET;
	uint8_t *va;
	int fd;

	fd = memfd_create("caller", MFD_CLOEXEC | MFD_ALLOW_SEALING);
	assert_true(fd >= 0);
	assert_int_equal(ftruncate(fd, 8192), 0);
	assert_int_equal(tee_shm_register_fd(ctx, fd, 16384, &shm), -EINVAL); /* larger than it */
	assert_int_equal(tee_shm_register_fd(ctx, fd, 4096, &shm), 0);
	assert_int_equal(echo_open(ctx, TEE_LOGIN_PUBLIC, &s), 0);
	p[0] = value(TEE_PARAM_TYPE_VALUE_INPUT, 3, 4096);
	p[1] = memref(TEE_PARAM_TYPE_MEMREF_OUTPUT, shm, 0, 4096);
	assert_int_equal(echo_invoke(ctx, s, ECHO_CMD_FILL, p, 2, &ret), 0);
	assert_int_equal(ret, TEE_SUCCESS);
	va = tee_shm_get_va(shm);
	assert_int_equal(va[4095], 3);
	tee_shm_free(shm);
	/* The fd is still the caller's and holds what the TEE wrote. */
	assert_int_equal(pread(fd, p, 1, 4095), 1);
	assert_int_equal(*(uint8_t *)p, 3);
	close(fd);
	assert_int_equal(tee_client_close_session(ctx, s), 0);
}

void test_common_values(void **state)
{
	check_values(((struct tee_fixture *)*state)->ctx);
}

void test_common_memref(void **state)
{
	struct tee_fixture *f = *state;

	check_memref(f->ctx, f->env);
}

void test_common_alias(void **state)
{
	check_alias(((struct tee_fixture *)*state)->ctx);
}

void test_common_short_buffer(void **state)
{
	check_short_buffer(((struct tee_fixture *)*state)->ctx);
}

void test_common_bad_params(void **state)
{
	struct tee_fixture *f = *state;

	check_bad_params(f->ctx, f->other);
}

void test_common_register_fd(void **state)
{
	check_register_fd(((struct tee_fixture *)*state)->ctx);
}

int count_fds(void)
{
	DIR *d = opendir("/proc/self/fd");
	struct dirent *e;
	int n = 0;

	assert_non_null(d);
	while ((e = readdir(d)))
		n += e->d_name[0] != '.';
	closedir(d);
	return n - 1; /* the directory's own fd */
}

int wait_until(const int *counter, int value)
{
	int i, v = 0;

	for (i = 0; i < 500; i++) {
		v = echo_pta_count(counter);
		if (v >= value)
			break;
		usleep(10000);
	}
	return v;
}
