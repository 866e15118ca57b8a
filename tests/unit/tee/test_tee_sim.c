// SPDX-License-Identifier: BSD-3-Clause
/*
 * The sim backend against an in-process socket server on a temporary path:
 * the same round trips as inproc, across the socket with memfd sharing,
 * plus what only a socket can do wrong (timeouts, a server going away,
 * trust by SO_PEERCRED, per-connection limits, disconnects).
 */
#include <errno.h>
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>

#include "secure/socket_server.h"
#include "tee_test_common.h"

/* The common part first: the test_common_*() tests take this state. */
struct fixture {
	struct tee_fixture t;
	char dir[64];
	char path[128];
	struct optee_sim_server *srv;
};

static struct optee_sim_server *start(struct echo_env *env, const char *path, bool trust_none,
				      unsigned int max_clients)
{
	struct optee_sim_server_config cfg = {
	    .socket_path = path,
	    .trust_none = trust_none,
	    .max_clients = max_clients,
	    .quiet = true,
	};
	struct optee_sim_server *srv;
	char err[256] = "";

	srv = optee_sim_server_start(env->core, &cfg, err, sizeof(err));
	if (!srv)
		fail_msg("server start: %s", err);
	return srv;
}

static int setup(void **state)
{
	static struct fixture f;

	snprintf(f.dir, sizeof(f.dir), "/tmp/tee-sim-XXXXXX");
	assert_non_null(mkdtemp(f.dir));
	snprintf(f.path, sizeof(f.path), "%s/s.sock", f.dir);
	f.t.env = echo_env_new(NULL);
	f.srv = start(f.t.env, f.path, false, 0);
	assert_int_equal(tee_client_open_sim(f.path, &f.t.ctx), 0);
	assert_int_equal(tee_client_open_sim(f.path, &f.t.other), 0);
	*state = &f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;
	struct stat st;

	tee_client_close_context(f->t.ctx);
	tee_client_close_context(f->t.other);
	optee_sim_server_stop(f->srv);
	/* Stop frees every client, so every session is closed, and removes the socket. */
	assert_int_equal(f->t.env->pta.opens, f->t.env->pta.closes);
	assert_int_equal(stat(f->path, &st), -1);
	echo_env_free(f->t.env);
	rmdir(f->dir);
	return 0;
}

static int64_t now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static void sub_path(const struct fixture *f, const char *name, char *buf, size_t len)
{
	snprintf(buf, len, "%s/%s", f->dir, name);
}

static void test_static(void **state)
{
	struct fixture *f = *state;

	check_static(f->t.ctx, f->t.env);
	check_static(f->t.other, f->t.env);
}

static void test_login_trusted(void **state)
{
	check_login(((struct fixture *)*state)->t.ctx, 0);
}

static void test_register_unsealed(void **state)
{
	struct fixture *f = *state;
	struct tee_shm *shm;
	char tmpl[128];
	int fd;

	/* A plain file cannot be sealed: the daemon refuses it (it could be truncated under us). */
	sub_path(f, "plain-XXXXXX", tmpl, sizeof(tmpl));
	fd = mkstemp(tmpl);
	assert_true(fd >= 0);
	unlink(tmpl);
	assert_int_equal(ftruncate(fd, 4096), 0);
	assert_int_equal(tee_shm_register_fd(f->t.ctx, fd, 4096, &shm), -EINVAL);
	assert_false(tee_client_is_broken(f->t.ctx));
	close(fd);
	assert_int_equal(tee_shm_register_fd(f->t.ctx, 0x7fff, 4096, &shm), -EBADF);
}

static void test_no_daemon(void **state)
{
	struct fixture *f = *state;
	struct sockaddr_un sa = {.sun_family = AF_UNIX};
	struct tee_context *ctx;
	char path[128];
	int s;

	sub_path(f, "none.sock", path, sizeof(path));
	assert_int_equal(tee_client_open_sim(path, &ctx), -ENOENT);
	/* A socket file nobody listens on. */
	s = socket(AF_UNIX, SOCK_SEQPACKET, 0);
	assert_true(s >= 0);
	assert_true(strlen(path) < sizeof(sa.sun_path));
	memcpy(sa.sun_path, path, strlen(path) + 1);
	assert_int_equal(bind(s, (struct sockaddr *)&sa, sizeof(sa)), 0);
	close(s);
	assert_int_equal(tee_client_open_sim(path, &ctx), -ECONNREFUSED);
	/* A server takes over such a stale socket. */
	struct optee_sim_server *srv = start(f->t.env, path, false, 0);

	assert_int_equal(tee_client_open_sim(path, &ctx), 0);
	check_values(ctx);
	tee_client_close_context(ctx);
	optee_sim_server_stop(srv);
	memset(path, 'x', sizeof(path) - 1);
	path[sizeof(path) - 1] = 0;
	assert_int_equal(tee_client_open_sim(path, &ctx), -ENAMETOOLONG);
	assert_int_equal(tee_client_open_sim("", &ctx), -EINVAL);
}

static void test_second_server_refused(void **state)
{
	struct fixture *f = *state;
	struct optee_sim_server_config cfg = {.socket_path = f->path, .quiet = true};
	char err[256] = "";
	char file[128];
	FILE *fp;

	assert_null(optee_sim_server_start(f->t.env->core, &cfg, err, sizeof(err)));
	assert_non_null(strstr(err, "listening"));
	/* The live server is untouched. */
	check_values(f->t.ctx);
	/* Not a socket: never removed. */
	sub_path(f, "file", file, sizeof(file));
	fp = fopen(file, "w");
	assert_non_null(fp);
	assert_int_equal(fclose(fp), 0);
	cfg.socket_path = file;
	assert_null(optee_sim_server_start(f->t.env->core, &cfg, err, sizeof(err)));
	assert_int_equal(access(file, F_OK), 0);
	unlink(file);
}

static void test_default_socket(void **state)
{
	char buf[128], small[4];
	const char *old = getenv("XDG_RUNTIME_DIR");
	char *save = old ? strdup(old) : NULL;

	(void)state;
	setenv("XDG_RUNTIME_DIR", "/run/user/42", 1);
	assert_int_equal(tee_client_default_socket(buf, sizeof(buf)), 0);
	assert_string_equal(buf, "/run/user/42/optee-simd.sock");
	unsetenv("XDG_RUNTIME_DIR");
	assert_int_equal(tee_client_default_socket(buf, sizeof(buf)), 0);
	assert_non_null(strstr(buf, "/tmp/optee-simd-"));
	assert_int_equal(tee_client_default_socket(small, sizeof(small)), -ENAMETOOLONG);
	if (save)
		setenv("XDG_RUNTIME_DIR", save, 1);
	free(save);
}

static void test_timeout(void **state)
{
	struct fixture *f = *state;
	struct tee_param p = {.attr = TEE_PARAM_TYPE_VALUE_INPUT};
	struct tee_context *ctx;
	struct tee_shm *shm;
	uint32_t s, ret;
	int64_t t0, dt;
	int closes;

	assert_int_equal(tee_client_open_sim(f->path, &ctx), 0);
	assert_int_equal(echo_open(ctx, TEE_LOGIN_PUBLIC, &s), 0);
	tee_client_set_timeout(ctx, 100);
	p.u.value.a = 20; /* within the timeout */
	assert_int_equal(echo_invoke(ctx, s, ECHO_CMD_SLEEP, &p, 1, &ret), 0);
	p.u.value.a = 700;
	t0 = now_ms();
	assert_int_equal(echo_invoke(ctx, s, ECHO_CMD_SLEEP, &p, 1, &ret), -ETIMEDOUT);
	dt = now_ms() - t0;
	assert_true(dt >= 90 && dt < 600);
	assert_true(tee_client_is_broken(ctx));
	/* Broken: everything fails at once, nothing waits for the late reply. */
	t0 = now_ms();
	assert_int_equal(echo_invoke(ctx, s, ECHO_CMD_VALUES, NULL, 0, &ret), -ENOTCONN);
	assert_int_equal(tee_shm_alloc(ctx, 64, &shm), -ENOTCONN);
	assert_int_equal(tee_client_close_session(ctx, s), -ENOTCONN);
	assert_true(now_ms() - t0 < 50);
	closes = echo_pta_count(&f->t.env->pta.closes);
	tee_client_close_context(ctx);
	/* The server notices the hang-up after the PTA returns and closes the session. */
	assert_true(wait_until(&f->t.env->pta.closes, closes + 1) >= closes + 1);
	check_values(f->t.ctx);
}

struct slow_call {
	struct tee_context *ctx;
	uint32_t session;
	int rc;
};

static void *slow_invoke(void *arg)
{
	struct slow_call *c = arg;
	struct tee_param p = {.attr = TEE_PARAM_TYPE_VALUE_INPUT};
	uint32_t ret;

	p.u.value.a = 300;
	c->rc = echo_invoke(c->ctx, c->session, ECHO_CMD_SLEEP, &p, 1, &ret);
	return NULL;
}

static void test_server_stops(void **state)
{
	struct fixture *f = *state;
	struct tee_context *idle, *busy;
	struct optee_sim_server *srv;
	struct slow_call call;
	uint32_t s1, ret;
	pthread_t th;
	char path[128];
	int64_t t0;

	sub_path(f, "stop.sock", path, sizeof(path));
	srv = start(f->t.env, path, false, 0);
	assert_int_equal(tee_client_open_sim(path, &idle), 0);
	assert_int_equal(tee_client_open_sim(path, &busy), 0);
	assert_int_equal(echo_open(idle, TEE_LOGIN_PUBLIC, &s1), 0);
	assert_int_equal(echo_open(busy, TEE_LOGIN_PUBLIC, &call.session), 0);
	tee_client_set_timeout(busy, 0); /* no timeout: only the hang-up can end the wait */
	call.ctx = busy;
	assert_int_equal(pthread_create(&th, NULL, slow_invoke, &call), 0);
	usleep(50000);
	t0 = now_ms();
	optee_sim_server_stop(srv);
	pthread_join(th, NULL);
	assert_true(now_ms() - t0 < 2000);
	assert_int_equal(call.rc, -ECONNRESET);
	assert_int_equal(echo_invoke(idle, s1, ECHO_CMD_VALUES, NULL, 0, &ret), -ECONNRESET);
	assert_true(tee_client_is_broken(idle));
	assert_int_equal(echo_invoke(idle, s1, ECHO_CMD_VALUES, NULL, 0, &ret), -ENOTCONN);
	assert_int_equal(access(path, F_OK), -1);
	tee_client_close_context(idle);
	tee_client_close_context(busy);
	check_values(f->t.ctx);
}

static void test_untrusted(void **state)
{
	struct fixture *f = *state;
	struct optee_sim_server *srv;
	struct tee_context *ctx;
	char path[128];

	sub_path(f, "untrusted.sock", path, sizeof(path));
	srv = start(f->t.env, path, true, 0);
	assert_int_equal(tee_client_open_sim(path, &ctx), 0);
	check_login(ctx, -EPERM);
	tee_client_close_context(ctx);
	optee_sim_server_stop(srv);
}

static void test_limits(void **state)
{
	struct fixture *f = *state;
	struct optee_sim_limits lim = {.max_sessions = 2, .max_shm = 1};
	struct echo_env *env = echo_env_new(&lim);
	struct optee_sim_server *srv;
	struct tee_context *a, *b;
	struct tee_shm *s1, *s2;
	uint32_t x1, x2, x3;
	char path[128];

	sub_path(f, "limits.sock", path, sizeof(path));
	srv = start(env, path, false, 0);
	assert_int_equal(tee_client_open_sim(path, &a), 0);
	assert_int_equal(tee_client_open_sim(path, &b), 0);
	assert_int_equal(echo_open(a, TEE_LOGIN_PUBLIC, &x1), 0);
	assert_int_equal(echo_open(a, TEE_LOGIN_PUBLIC, &x2), 0);
	assert_int_equal(echo_open(a, TEE_LOGIN_PUBLIC, &x3), -EMFILE);
	assert_int_equal(tee_shm_alloc(a, 64, &s1), 0);
	assert_int_equal(tee_shm_alloc(a, 64, &s2), -ENOSPC);
	assert_false(tee_client_is_broken(a));
	assert_int_equal(echo_open(b, TEE_LOGIN_PUBLIC, &x3), 0);
	assert_int_equal(tee_shm_alloc(b, 64, &s2), 0);
	check_values(b);
	tee_client_close_context(a);
	tee_client_close_context(b);
	optee_sim_server_stop(srv);
	assert_int_equal(env->pta.opens, env->pta.closes);
	echo_env_free(env);
}

static void test_max_clients(void **state)
{
	struct fixture *f = *state;
	struct optee_sim_server *srv;
	struct tee_context *a, *b;
	uint32_t s;
	char path[128];

	sub_path(f, "max.sock", path, sizeof(path));
	srv = start(f->t.env, path, false, 1);
	assert_int_equal(tee_client_open_sim(path, &a), 0);
	check_values(a);
	/* The second connection is accepted, told why (not just reset) and closed at once. */
	assert_int_equal(tee_client_open_sim(path, &b), 0);
	assert_int_equal(echo_open(b, TEE_LOGIN_PUBLIC, &s), -EUSERS);
	tee_client_close_context(b);
	check_values(a);
	tee_client_close_context(a);
	/* Once the first is gone, there is room again. */
	for (int i = 0; i < 100 && optee_sim_server_clients(srv); i++)
		usleep(10000);
	assert_int_equal(optee_sim_server_clients(srv), 0);
	assert_int_equal(tee_client_open_sim(path, &b), 0);
	check_values(b);
	tee_client_close_context(b);
	optee_sim_server_stop(srv);
}

static void test_disconnect_mid_session(void **state)
{
	struct fixture *f = *state;
	struct tee_param p[2];
	struct tee_context *ctx;
	struct tee_shm *shm;
	uint32_t s1, s2, ret;
	int opens, closes;

	assert_int_equal(tee_client_open_sim(f->path, &ctx), 0);
	assert_int_equal(echo_open(ctx, TEE_LOGIN_PUBLIC, &s1), 0);
	assert_int_equal(echo_open(ctx, TEE_LOGIN_PUBLIC, &s2), 0);
	assert_int_equal(tee_shm_alloc(ctx, 4096, &shm), 0);
	memset(p, 0, sizeof(p));
	p[0].attr = TEE_PARAM_TYPE_MEMREF_INPUT;
	p[0].u.memref.shm = shm;
	p[0].u.memref.size = 16;
	p[1].attr = TEE_PARAM_TYPE_VALUE_OUTPUT;
	assert_int_equal(echo_invoke(ctx, s1, ECHO_CMD_SUM, p, 2, &ret), 0);
	opens = echo_pta_count(&f->t.env->pta.opens);
	closes = echo_pta_count(&f->t.env->pta.closes);
	/* Gone without closing its sessions: the server must close them (LSan checks the rest). */
	tee_client_close_context(ctx);
	assert_int_equal(wait_until(&f->t.env->pta.closes, closes + 2), closes + 2);
	assert_int_equal(echo_pta_count(&f->t.env->pta.opens), opens);
}

static void test_killed_mid_invoke(void **state)
{
	struct fixture *f = *state;
	struct tee_param p = {.attr = TEE_PARAM_TYPE_VALUE_INPUT};
	struct tee_context *ctx;
	uint32_t s, ret;
	int closes;

	/* A client that vanishes while its invoke runs (timeout as a stand-in for a kill). */
	assert_int_equal(tee_client_open_sim(f->path, &ctx), 0);
	assert_int_equal(echo_open(ctx, TEE_LOGIN_PUBLIC, &s), 0);
	tee_client_set_timeout(ctx, 20);
	p.u.value.a = 200;
	closes = echo_pta_count(&f->t.env->pta.closes);
	assert_int_equal(echo_invoke(ctx, s, ECHO_CMD_SLEEP, &p, 1, &ret), -ETIMEDOUT);
	tee_client_close_context(ctx);
	assert_int_equal(wait_until(&f->t.env->pta.closes, closes + 1), closes + 1);
	check_values(f->t.ctx);
}

struct hammer {
	struct tee_context *ctx; /* shared by several threads, or NULL: open a private one */
	const char *path;
	int failures;
};

static void *hammer_main(void *arg)
{
	struct hammer *h = arg;
	struct tee_context *ctx = h->ctx;
	uint32_t s, ret;

	if (!ctx && tee_client_open_sim(h->path, &ctx)) {
		h->failures++;
		return NULL;
	}
	if (echo_open(ctx, TEE_LOGIN_PUBLIC, &s)) {
		h->failures++;
		goto out;
	}
	for (uint32_t i = 0; i < 200; i++) {
		struct tee_param p = {.attr = TEE_PARAM_TYPE_VALUE_INOUT};

		p.u.value.a = i;
		p.u.value.b = (uint64_t)i * 3;
		if (echo_invoke(ctx, s, ECHO_CMD_VALUES, &p, 1, &ret) || ret != TEE_SUCCESS ||
		    p.u.value.a != i + 1 || p.u.value.b != i * 3 + 2)
			h->failures++;
	}
	if (tee_client_close_session(ctx, s))
		h->failures++;
out:
	if (!h->ctx)
		tee_client_close_context(ctx);
	return NULL;
}

static void test_concurrent(void **state)
{
	struct fixture *f = *state;
	struct hammer h[8];
	pthread_t th[8];

	/* Half the threads share one context (serialised), half have their own connection. */
	for (int i = 0; i < 8; i++) {
		h[i].ctx = i < 4 ? f->t.ctx : NULL;
		h[i].path = f->path;
		h[i].failures = 0;
		assert_int_equal(pthread_create(&th[i], NULL, hammer_main, &h[i]), 0);
	}
	for (int i = 0; i < 8; i++) {
		pthread_join(th[i], NULL);
		assert_int_equal(h[i].failures, 0);
	}
	assert_false(tee_client_is_broken(f->t.ctx));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    TEE_COMMON_TESTS,
	    cmocka_unit_test(test_static),
	    cmocka_unit_test(test_login_trusted),
	    cmocka_unit_test(test_register_unsealed),
	    cmocka_unit_test(test_no_daemon),
	    cmocka_unit_test(test_second_server_refused),
	    cmocka_unit_test(test_default_socket),
	    cmocka_unit_test(test_timeout),
	    cmocka_unit_test(test_server_stops),
	    cmocka_unit_test(test_untrusted),
	    cmocka_unit_test(test_limits),
	    cmocka_unit_test(test_max_clients),
	    cmocka_unit_test(test_disconnect_mid_session),
	    cmocka_unit_test(test_killed_mid_invoke),
	    cmocka_unit_test(test_concurrent),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
