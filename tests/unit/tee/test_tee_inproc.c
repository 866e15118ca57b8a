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

static int setup(void **state)
{
	static struct tee_fixture f;

	f.env = echo_env_new(NULL);
	assert_int_equal(tee_client_open_inproc(f.env->core, true, &f.ctx), 0);
	assert_int_equal(tee_client_open_inproc(f.env->core, false, &f.other), 0);
	*state = &f;
	return 0;
}

static int teardown(void **state)
{
	struct tee_fixture *f = *state;

	tee_client_close_context(f->ctx);
	tee_client_close_context(f->other);
	/* Every session that opened was closed. */
	assert_int_equal(f->env->pta.opens, f->env->pta.closes);
	echo_env_free(f->env);
	return 0;
}

static void test_static(void **state)
{
	struct tee_fixture *f = *state;

	struct tee_static_shm s;
	uint32_t session;

	check_static(f->ctx, f->env);
	/* inproc: no second mapping, the TEE's own. */
	assert_int_equal(echo_open(f->ctx, TEE_LOGIN_REE_KERNEL, &session), 0);
	assert_int_equal(tee_client_static_shm(f->ctx, session, ECHO_STATIC_BASE, 8, &s), 0);
	assert_ptr_equal(s.addr, f->env->static_addr);
	assert_int_equal(tee_client_close_session(f->ctx, session), 0);
	/* An untrusted client has no kernel session, so no static memory. */
	assert_int_equal(echo_open(f->other, TEE_LOGIN_PUBLIC, &session), 0);
	assert_int_equal(tee_client_static_shm(f->other, session, ECHO_STATIC_BASE, 8, &s),
			 -EACCES);
	assert_int_equal(tee_client_close_session(f->other, session), 0);
}

static void test_login(void **state)
{
	struct tee_fixture *f = *state;

	check_login(f->ctx, 0);
	check_login(f->other, -EPERM);
}

static void test_no_static(void **state)
{
	struct optee_sim_core *core = optee_sim_core_new(NULL);
	struct echo_pta pta = {0};
	struct tee_static_shm s;
	struct tee_context *ctx;
	uint32_t session;

	(void)state;
	assert_non_null(core);
	assert_int_equal(optee_sim_core_add_pta(core, &echo_pta_ops, &pta), 0);
	assert_int_equal(tee_client_open_inproc(core, true, &ctx), 0);
	assert_int_equal(echo_open(ctx, TEE_LOGIN_REE_KERNEL, &session), 0);
	assert_int_equal(tee_client_static_shm(ctx, session, ECHO_STATIC_BASE, 8, &s), -ENODEV);
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
	    TEE_COMMON_TESTS,
	    cmocka_unit_test(test_static),
	    cmocka_unit_test(test_login),
	    cmocka_unit_test(test_no_static),
	    cmocka_unit_test(test_limits),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
