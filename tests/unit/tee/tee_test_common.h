/* SPDX-License-Identifier: BSD-3-Clause */
/* Helpers shared by the TEE boundary tests: an echo core and backend-independent checks. */
#ifndef TEST_TEE_COMMON_H
#define TEST_TEE_COMMON_H

#include <stddef.h>
#include <stdint.h>

#include "echo_pta.h"
#include "scmi/tee_client.h"

#define ECHO_STATIC_BASE 0x40000000ull
#define ECHO_STATIC_SIZE 8192u

/**
 * struct echo_env - a core with the echo PTA and a static shm.
 * @core:        the core
 * @pta:         the PTA's counters
 * @static_fd:   the static shm memfd
 * @static_addr: its mapping on the TEE side
 */
struct echo_env {
	struct optee_sim_core *core;
	struct echo_pta pta;
	int static_fd;
	void *static_addr;
};

/** echo_env_new() - a fresh env; @limits may be NULL. Aborts the test on failure. */
struct echo_env *echo_env_new(const struct optee_sim_limits *limits);
void echo_env_free(struct echo_env *env);

/** echo_open() - open a session to the echo PTA; returns the client API's rc. */
int echo_open(struct tee_context *ctx, uint32_t login, uint32_t *session);

/** echo_invoke() - invoke @cmd; returns the client API's rc, TEE verdict in *@ret. */
int echo_invoke(struct tee_context *ctx, uint32_t session, uint32_t cmd, struct tee_param *p,
		size_t n, uint32_t *ret);

/**
 * struct tee_fixture - what every backend's test group sets up: an echo env
 * and two contexts on it.
 * @env:   the env
 * @ctx:   a client trusted for the kernel login
 * @other: a second client
 *
 * A group whose fixture needs more embeds this as its first member, so that
 * the test_common_*() tests can take its state.
 */
struct tee_fixture {
	struct echo_env *env;
	struct tee_context *ctx;
	struct tee_context *other;
};

/* cmocka tests the same for every backend; *state points at a struct tee_fixture. */
void test_common_values(void **state);
void test_common_memref(void **state);
void test_common_alias(void **state);
void test_common_short_buffer(void **state);
void test_common_bad_params(void **state);
void test_common_register_fd(void **state);

/* The entries for all of them, for a group's CMUnitTest array. */
#define TEE_COMMON_TESTS                                                                           \
	cmocka_unit_test(test_common_values), cmocka_unit_test(test_common_memref),                \
	    cmocka_unit_test(test_common_alias), cmocka_unit_test(test_common_short_buffer),       \
	    cmocka_unit_test(test_common_bad_params), cmocka_unit_test(test_common_register_fd)

/** count_fds() - how many fds this process has open. */
int count_fds(void);

/* Backend-independent checks; each asserts with cmocka. */
void check_values(struct tee_context *ctx);
void check_memref(struct tee_context *ctx, struct echo_env *env);
void check_alias(struct tee_context *ctx);
void check_short_buffer(struct tee_context *ctx);
void check_bad_params(struct tee_context *ctx, struct tee_context *other);
void check_static(struct tee_context *ctx, struct echo_env *env);
void check_login(struct tee_context *ctx, int kernel_expect);
void check_register_fd(struct tee_context *ctx);

/** wait_until() - poll @counter until it reaches @value or 5 s pass; returns the last value. */
int wait_until(const int *counter, int value);

#endif /* TEST_TEE_COMMON_H */
