// SPDX-License-Identifier: BSD-3-Clause
/*
 * optee-simd as a process: start on a temporary socket, talk to the SCMI
 * PTA through the sim backend, stop with SIGTERM/SIGINT (exit 0, socket
 * removed, and under ASan no leak), refuse a second daemon, survive a
 * kill -9 of the previous one, reject bad arguments and platforms.
 */
#include <errno.h>
#include <fcntl.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>

#include "scmi/proto/pta.h"
#include "scmi/tee_client.h"

static char dir[64];
static char sock[128];
static char log_path[128];

static int setup(void **state)
{
	(void)state;
	snprintf(dir, sizeof(dir), "/tmp/tee-simd-XXXXXX");
	assert_non_null(mkdtemp(dir));
	snprintf(sock, sizeof(sock), "%s/d.sock", dir);
	snprintf(log_path, sizeof(log_path), "%s/log", dir);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	unlink(sock);
	unlink(log_path);
	rmdir(dir);
	return 0;
}

/* Start the daemon with @args (NULL-terminated, after argv[0]); stderr appends to log_path. */
static pid_t spawn(const char *const *args)
{
	const char *argv[16] = {OPTEE_SIMD_PATH};
	size_t n = 1;
	pid_t pid;

	while (*args && n < 15)
		argv[n++] = *args++;
	argv[n] = NULL;
	pid = fork();
	assert_true(pid >= 0);
	if (!pid) {
		int fd = open(log_path, O_WRONLY | O_CREAT | O_APPEND, 0600);

		if (fd < 0 || dup2(fd, 2) < 0)
			_exit(127);
		execv(argv[0], (char *const *)argv);
		_exit(127);
	}
	return pid;
}

static bool wait_socket(const char *path)
{
	struct stat st;

	for (int i = 0; i < 500; i++) {
		if (!stat(path, &st) && S_ISSOCK(st.st_mode))
			return true;
		usleep(10000);
	}
	return false;
}

/* Wait up to 10 s for @pid; returns its exit status, or -1 (and kills it) on timeout. */
static int wait_exit(pid_t pid)
{
	int status;

	for (int i = 0; i < 1000; i++) {
		pid_t r = waitpid(pid, &status, WNOHANG);

		if (r == pid)
			return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
		usleep(10000);
	}
	kill(pid, SIGKILL);
	waitpid(pid, &status, 0);
	return -1;
}

static bool log_has_now(const char *what)
{
	char buf[8192];
	FILE *fp = fopen(log_path, "r");
	size_t n;

	if (!fp)
		return false;
	n = fread(buf, 1, sizeof(buf) - 1, fp);
	assert_int_equal(fclose(fp), 0);
	buf[n] = 0;
	return strstr(buf, what) != NULL;
}

/* Whether the daemon's log says @what within 5 s: it may write it after we saw it work. */
static bool log_has(const char *what)
{
	for (int i = 0; i < 500; i++) {
		if (log_has_now(what))
			return true;
		usleep(10000);
	}
	return false;
}

static int open_scmi(struct tee_context *ctx, uint32_t login, uint32_t *session)
{
	static const uint8_t uuid[TEE_UUID_SIZE] = PTA_SCMI_UUID_BYTES;
	struct tee_open_session_arg arg = {.clnt_login = login};
	int rc;

	*session = 0;
	memcpy(arg.uuid, uuid, sizeof(uuid));
	rc = tee_client_open_session(ctx, &arg, NULL, 0);
	if (!rc && arg.ret != TEE_SUCCESS)
		return -(int)arg.ret; /* any non-zero */
	*session = arg.session;
	return rc;
}

static int capabilities(struct tee_context *ctx, uint32_t session, uint64_t *caps)
{
	struct tee_param p = {.attr = TEE_PARAM_TYPE_VALUE_OUTPUT};
	struct tee_invoke_arg arg = {.func = PTA_SCMI_CMD_CAPABILITIES, .session = session};
	int rc;

	*caps = 0;
	rc = tee_client_invoke_func(ctx, &arg, &p, 1);

	if (!rc && arg.ret != TEE_SUCCESS)
		return -EIO;
	*caps = p.u.value.a;
	return rc;
}

static void test_lifecycle(void **state)
{
	const char *args[] = {"--socket", sock, NULL};
	struct tee_static_shm st;
	struct tee_context *ctx;
	uint32_t session;
	uint64_t caps = 0;
	pid_t pid;
	int rc;

	(void)state;
	pid = spawn(args);
	assert_true(wait_socket(sock));
	assert_int_equal(tee_client_open_sim(sock, &ctx), 0);
	/* Our own uid is trusted for the kernel login the SCMI PTA insists on. */
	assert_int_equal(open_scmi(ctx, TEE_LOGIN_REE_KERNEL, &session), 0);
	assert_int_equal(capabilities(ctx, session, &caps), 0);
	assert_true(caps & PTA_SCMI_CAPS_MASK);
	/* The default platform's channel 0 region. */
	rc = tee_client_static_shm(ctx, session, 0x3f000000, 0x80, &st);
	assert_int_equal(rc, 0);
	assert_int_equal(st.base, 0x3f000000);
	assert_int_equal(st.size, 0x80);
	assert_int_equal(tee_client_close_session(ctx, session), 0);
	tee_client_close_context(ctx);
	assert_true(log_has("optee-simd: listening on "));
	assert_int_equal(kill(pid, SIGTERM), 0);
	assert_int_equal(wait_exit(pid), 0);
	assert_int_equal(access(sock, F_OK), -1);
}

static void test_second_daemon_and_sigint(void **state)
{
	const char *args[] = {"--socket", sock, "--max-sessions", "4", NULL};
	struct tee_context *ctx;
	uint32_t session;
	uint64_t caps;
	pid_t a, b;

	(void)state;
	a = spawn(args);
	assert_true(wait_socket(sock));
	b = spawn(args);
	assert_int_equal(wait_exit(b), 1);
	assert_true(log_has("another daemon is listening"));
	/* The first one is unharmed. */
	assert_int_equal(tee_client_open_sim(sock, &ctx), 0);
	assert_int_equal(open_scmi(ctx, TEE_LOGIN_REE_KERNEL, &session), 0);
	assert_int_equal(capabilities(ctx, session, &caps), 0);
	/* A client that leaves with its session open, then SIGINT. */
	tee_client_close_context(ctx);
	assert_int_equal(kill(a, SIGINT), 0);
	assert_int_equal(wait_exit(a), 0);
	assert_int_equal(access(sock, F_OK), -1);
}

static void test_kill9_then_restart(void **state)
{
	const char *args[] = {"--socket", sock, NULL};
	struct tee_context *ctx;
	uint32_t session;
	uint64_t caps;
	pid_t pid;

	(void)state;
	pid = spawn(args);
	assert_true(wait_socket(sock));
	assert_int_equal(tee_client_open_sim(sock, &ctx), 0);
	assert_int_equal(open_scmi(ctx, TEE_LOGIN_REE_KERNEL, &session), 0);
	kill(pid, SIGKILL);
	assert_int_equal(wait_exit(pid), 128 + SIGKILL);
	/* The daemon died mid-session: an error, not a hang. */
	assert_int_equal(capabilities(ctx, session, &caps), -ECONNRESET);
	assert_int_equal(capabilities(ctx, session, &caps), -ENOTCONN);
	tee_client_close_context(ctx);
	/* Its socket file is stale: a new daemon replaces it. */
	assert_int_equal(access(sock, F_OK), 0);
	assert_int_equal(tee_client_open_sim(sock, &ctx), -ECONNREFUSED);
	pid = spawn(args);
	for (int i = 0; i < 500 && tee_client_open_sim(sock, &ctx); i++)
		usleep(10000);
	assert_int_equal(open_scmi(ctx, TEE_LOGIN_REE_KERNEL, &session), 0);
	assert_int_equal(capabilities(ctx, session, &caps), 0);
	tee_client_close_context(ctx);
	kill(pid, SIGTERM);
	assert_int_equal(wait_exit(pid), 0);
}

static void test_bad_invocations(void **state)
{
	const char *bad_platform[] = {"--socket", sock, "--platform", "/nonexistent.dtb", NULL};
	const char *bad_args[][4] = {
	    {"--bogus", NULL},
	    {"--max-sessions", "0", NULL},
	    {"--max-shm", "12x", NULL},
	    {"--kernel-uid", "-1", NULL},
	    {"--socket", NULL},
	    {"stray", NULL},
	    {"--max-clients", "0", NULL},
	    {"--max-clients-per-uid", "x", NULL},
	    {"--idle-timeout", "-5", NULL},
	};

	(void)state;
	assert_int_equal(wait_exit(spawn(bad_platform)), 1);
	assert_int_equal(access(sock, F_OK), -1);
	for (size_t i = 0; i < sizeof(bad_args) / sizeof(bad_args[0]); i++)
		assert_int_equal(wait_exit(spawn(bad_args[i])), 2);
	assert_true(log_has("usage: optee-simd"));
}

/*
 * No --socket and no XDG_RUNTIME_DIR: the daemon listens in a directory it makes private
 * (0700), never directly in the shared one, and refuses a directory that is not private
 * (issue 10, item 3). TMPDIR keeps the test out of the real /tmp.
 */
static void test_default_socket(void **state)
{
	const char *no_args[] = {NULL};
	const char *xdg = getenv("XDG_RUNTIME_DIR");
	char tmp[96], priv[128], def[160], saved_xdg[256] = "";
	struct tee_context *ctx;
	uint32_t session;
	struct stat st;
	pid_t pid;

	(void)state;
	if (xdg)
		snprintf(saved_xdg, sizeof(saved_xdg), "%s", xdg);
	snprintf(tmp, sizeof(tmp), "%s/tmp", dir);
	assert_int_equal(mkdir(tmp, 0700), 0);
	assert_int_equal(chmod(tmp, 01777), 0);
	snprintf(priv, sizeof(priv), "%s/optee-simd-%u", tmp, (unsigned int)getuid());
	snprintf(def, sizeof(def), "%s/optee-simd.sock", priv);
	assert_int_equal(unsetenv("XDG_RUNTIME_DIR"), 0);
	assert_int_equal(setenv("TMPDIR", tmp, 1), 0);

	pid = spawn(no_args);
	assert_true(wait_socket(def));
	assert_int_equal(lstat(priv, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0700);
	assert_int_equal(st.st_uid, geteuid());
	/* The client finds it on its own. */
	assert_int_equal(tee_client_open_sim(NULL, &ctx), 0);
	assert_int_equal(open_scmi(ctx, TEE_LOGIN_REE_KERNEL, &session), 0);
	tee_client_close_context(ctx);
	assert_int_equal(kill(pid, SIGTERM), 0);
	assert_int_equal(wait_exit(pid), 0);

	/* A directory others may enter (a squatter's, say) is refused: exit 1, nothing bound. */
	assert_int_equal(chmod(priv, 0755), 0);
	assert_int_equal(truncate(log_path, 0), 0); /* log_has() reads the log's start */
	assert_int_equal(wait_exit(spawn(no_args)), 1);
	assert_true(log_has("not private"));
	assert_int_equal(access(def, F_OK), -1);

	assert_int_equal(rmdir(priv), 0);
	assert_int_equal(rmdir(tmp), 0);
	unsetenv("TMPDIR");
	if (saved_xdg[0])
		setenv("XDG_RUNTIME_DIR", saved_xdg, 1);
}

/* --max-clients limits the connections served (issue 10, item 5). */
static void test_max_clients_option(void **state)
{
	const char *args[] = {"--socket", sock, "--max-clients", "2", NULL};
	struct tee_context *ctx[3];
	uint32_t session;
	pid_t pid;

	(void)state;
	assert_int_equal(truncate(log_path, 0), 0);
	pid = spawn(args);
	assert_true(wait_socket(sock));
	for (int i = 0; i < 3; i++)
		assert_int_equal(tee_client_open_sim(sock, &ctx[i]), 0);
	assert_int_equal(open_scmi(ctx[0], TEE_LOGIN_REE_KERNEL, &session), 0);
	assert_int_equal(open_scmi(ctx[1], TEE_LOGIN_REE_KERNEL, &session), 0);
	/* The third is over the limit, and told so. */
	assert_int_equal(open_scmi(ctx[2], TEE_LOGIN_REE_KERNEL, &session), -EUSERS);
	for (int i = 0; i < 3; i++)
		tee_client_close_context(ctx[i]);
	assert_int_equal(kill(pid, SIGTERM), 0);
	assert_int_equal(wait_exit(pid), 0);
	assert_true(log_has("refused: 2 connections already"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_lifecycle),
	    cmocka_unit_test(test_second_daemon_and_sigint),
	    cmocka_unit_test(test_kill9_then_restart),
	    cmocka_unit_test(test_bad_invocations),
	    cmocka_unit_test(test_default_socket),
	    cmocka_unit_test(test_max_clients_option),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
