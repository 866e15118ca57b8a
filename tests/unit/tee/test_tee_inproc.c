// SPDX-License-Identifier: BSD-3-Clause
/* The inproc backend against the echo PTA. */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "scmi/tee_inproc.h"
#include "tee_test_common.h"

struct fixture {
	struct echo_env *env;
	struct tee_context *ctx;
	struct tee_context *other;
};

static int setup(void **state)
{
	static struct fixture f;

	f.env = echo_env_new(NULL);
	assert_int_equal(tee_client_open_inproc(f.env->core, true, &f.ctx), 0);
	assert_int_equal(tee_client_open_inproc(f.env->core, false, &f.other), 0);
	*state = &f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;

	tee_client_close_context(f->ctx);
	tee_client_close_context(f->other);
	/* Every session that opened was closed. */
	assert_int_equal(f->env->pta.opens, f->env->pta.closes);
	echo_env_free(f->env);
	return 0;
}

static void test_values(void **state)
{
	check_values(((struct fixture *)*state)->ctx);
}

static void test_memref(void **state)
{
	struct fixture *f = *state;

	check_memref(f->ctx, f->env);
}

static void test_alias(void **state)
{
	check_alias(((struct fixture *)*state)->ctx);
}

static void test_short_buffer(void **state)
{
	check_short_buffer(((struct fixture *)*state)->ctx);
}

static void test_bad_params(void **state)
{
	struct fixture *f = *state;

	check_bad_params(f->ctx, f->other);
}

static void test_static(void **state)
{
	struct fixture *f = *state;

	check_static(f->ctx, f->env);
	/* inproc: no second mapping, the TEE's own. */
	struct tee_static_shm s;

	assert_int_equal(tee_client_static_shm(f->other, &s), 0);
	assert_ptr_equal(s.addr, f->env->static_addr);
}

static void test_login(void **state)
{
	struct fixture *f = *state;

	check_login(f->ctx, 0);
	check_login(f->other, -EPERM);
}

static void test_register_fd(void **state)
{
	check_register_fd(((struct fixture *)*state)->ctx);
}

static void test_no_static(void **state)
{
	struct optee_sim_core *core = optee_sim_core_new(NULL);
	struct tee_static_shm s;
	struct tee_context *ctx;

	(void)state;
	assert_non_null(core);
	assert_int_equal(tee_client_open_inproc(core, false, &ctx), 0);
	assert_int_equal(tee_client_static_shm(ctx, &s), -ENODEV);
	tee_client_close_context(ctx);
	tee_client_close_context(NULL);
	optee_sim_core_free(core);
	assert_int_equal(tee_client_open_inproc(NULL, false, &ctx), -EINVAL);
}

static void test_limits(void **state)
{
	struct optee_sim_limits lim = {.max_sessions = 2, .max_shm = 1};
	struct echo_env *env = echo_env_new(&lim);
	struct tee_context *a, *b;
	struct tee_shm *s1, *s2;
	uint32_t x1, x2, x3;

	(void)state;
	assert_int_equal(tee_client_open_inproc(env->core, false, &a), 0);
	assert_int_equal(tee_client_open_inproc(env->core, false, &b), 0);
	assert_int_equal(echo_open(a, TEE_LOGIN_PUBLIC, &x1), 0);
	assert_int_equal(echo_open(a, TEE_LOGIN_PUBLIC, &x2), 0);
	assert_int_equal(echo_open(a, TEE_LOGIN_PUBLIC, &x3), -EMFILE);
	assert_int_equal(tee_shm_alloc(a, 64, &s1), 0);
	assert_int_equal(tee_shm_alloc(a, 64, &s2), -ENOSPC);
	/* Limits are per client: another one is unaffected. */
	assert_int_equal(echo_open(b, TEE_LOGIN_PUBLIC, &x3), 0);
	assert_int_equal(tee_shm_alloc(b, 64, &s2), 0);
	/* Closing a context with open sessions and shm closes them all. */
	tee_client_close_context(a);
	tee_client_close_context(b);
	assert_int_equal(env->pta.opens, 3);
	assert_int_equal(env->pta.closes, 3);
	echo_env_free(env);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_values),     cmocka_unit_test(test_memref),
	    cmocka_unit_test(test_alias),      cmocka_unit_test(test_short_buffer),
	    cmocka_unit_test(test_bad_params), cmocka_unit_test(test_static),
	    cmocka_unit_test(test_login),      cmocka_unit_test(test_register_fd),
	    cmocka_unit_test(test_no_static),  cmocka_unit_test(test_limits),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
