// SPDX-License-Identifier: BSD-3-Clause
/*
 * The default socket path cannot be squatted and a client talks only to a
 * server it trusts (issue 10, item 3). Before the fix, with XDG_RUNTIME_DIR
 * unset, the path was /tmp/optee-simd-UID.sock: another user pre-created it,
 * the daemon refused to start, and clients connected to the impostor and
 * handed it shared memory. Now the path lies in ${TMPDIR:-/tmp}/optee-simd-UID,
 * a directory checked to be ours and private (0700), and the client asks the
 * kernel who listens (SO_PEERCRED) before it sends a byte: only one of our
 * uids or root, or a uid it was told to trust.
 *
 * TMPDIR points every test at a scratch directory (mode 1777, as /tmp), so
 * the real /tmp is never touched. The second-user tests need root.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
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
#include <unistd.h>

#include <cmocka.h>

#include "as_user.h"
#include "ipc/socket_path.h"
#include "secure/socket_server.h"
#include "tee_test_common.h"

/**
 * struct fixture - a scratch TMPDIR.
 * @tmp:  the scratch directory, mode 1777 like /tmp
 * @priv: where the default path's private directory goes in it
 * @sock: the default socket path in it
 */
struct fixture {
	char tmp[64];
	char priv[128];
	char sock[160];
};

static int setup(void **state)
{
	static struct fixture f;

	snprintf(f.tmp, sizeof(f.tmp), "/tmp/sock-path-XXXXXX");
	assert_non_null(mkdtemp(f.tmp));
	assert_int_equal(chmod(f.tmp, 01777), 0);
	snprintf(f.priv, sizeof(f.priv), "%s/optee-simd-%u", f.tmp, (unsigned int)getuid());
	snprintf(f.sock, sizeof(f.sock), "%s/optee-simd.sock", f.priv);
	assert_int_equal(unsetenv("XDG_RUNTIME_DIR"), 0);
	assert_int_equal(setenv("TMPDIR", f.tmp, 1), 0);
	*state = &f;
	return 0;
}

/* Remove whatever a test left in the scratch directory (one level of subdirectories). */
static int teardown(void **state)
{
	struct fixture *f = *state;
	char cmd[128];

	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", f->tmp);
	assert_int_equal(system(cmd), 0); /* NOLINT(cert-env33-c): a test's own temporary tree */
	unsetenv("TMPDIR");
	return 0;
}

static void test_default_path(void **state)
{
	struct fixture *f = *state;
	char path[108], dir[108];

	/* Outside a session: in a private directory of our own, not in the shared one. */
	assert_int_equal(ipc_default_socket(path, sizeof(path), dir), 0);
	assert_string_equal(path, f->sock);
	assert_string_equal(dir, f->priv);
	/* Both ends compute the same path. */
	assert_int_equal(tee_client_default_socket(path, sizeof(path)), 0);
	assert_string_equal(path, f->sock);
	/* A relative TMPDIR is ignored. */
	assert_int_equal(setenv("TMPDIR", "relative", 1), 0);
	assert_int_equal(ipc_default_socket(path, sizeof(path), dir), 0);
	assert_int_equal(strncmp(path, "/tmp/optee-simd-", 16), 0);
	assert_int_equal(setenv("TMPDIR", f->tmp, 1), 0);
	/* In a session: the session's private runtime directory. */
	assert_int_equal(setenv("XDG_RUNTIME_DIR", "/run/user/4242", 1), 0);
	assert_int_equal(ipc_default_socket(path, sizeof(path), dir), 0);
	assert_string_equal(path, "/run/user/4242/optee-simd.sock");
	assert_string_equal(dir, "");
	assert_int_equal(unsetenv("XDG_RUNTIME_DIR"), 0);
	assert_int_equal(ipc_default_socket(path, 8, dir), -ENAMETOOLONG);
}

static void test_private_dir(void **state)
{
	struct fixture *f = *state;
	struct tee_context *ctx;
	char err[256], link_path[160];
	struct stat st;

	assert_int_equal(ipc_private_dir(f->priv, geteuid(), false, err, sizeof(err)), -ENOENT);
	/* No directory, no daemon: the client says so without creating anything. */
	assert_int_equal(tee_client_open_sim(NULL, &ctx), -ENOENT);
	assert_int_equal(ipc_private_dir(f->priv, geteuid(), true, err, sizeof(err)), 0);
	assert_int_equal(lstat(f->priv, &st), 0);
	assert_true(S_ISDIR(st.st_mode));
	assert_int_equal(st.st_mode & 0777, 0700);
	assert_int_equal(st.st_uid, geteuid());
	/* Existing and private: fine again. */
	assert_int_equal(ipc_private_dir(f->priv, geteuid(), true, err, sizeof(err)), 0);

	/* Any access for others: refused by both ends. */
	assert_int_equal(chmod(f->priv, 0755), 0);
	assert_int_equal(ipc_private_dir(f->priv, geteuid(), true, err, sizeof(err)), -EACCES);
	assert_non_null(strstr(err, "not private"));
	assert_int_equal(tee_client_open_sim(NULL, &ctx), -EACCES);
	assert_int_equal(chmod(f->priv, 0700), 0);
	/* Another owner (as far as the check knows). */
	assert_int_equal(ipc_private_dir(f->priv, geteuid() + 1, false, err, sizeof(err)), -EACCES);
	assert_non_null(strstr(err, "belongs to uid"));
	assert_int_equal(rmdir(f->priv), 0);

	/* A link to a private directory elsewhere, or a plain file. */
	snprintf(link_path, sizeof(link_path), "%s/elsewhere", f->tmp);
	assert_int_equal(mkdir(link_path, 0700), 0);
	assert_int_equal(symlink(link_path, f->priv), 0);
	assert_int_equal(ipc_private_dir(f->priv, geteuid(), true, err, sizeof(err)), -EACCES);
	assert_int_equal(unlink(f->priv), 0);
	assert_int_equal(close(open(f->priv, O_CREAT | O_WRONLY | O_CLOEXEC, 0600)), 0);
	assert_int_equal(ipc_private_dir(f->priv, geteuid(), true, err, sizeof(err)), -EACCES);
	assert_int_equal(unlink(f->priv), 0);
}

/* --- second users -------------------------------------------------------------------------- */

/**
 * struct impostor - a server another user runs on a path we might use.
 * @path:     where it listens
 * @report:   write end of a pipe: how many bytes it received, when done
 * @make_dir: also create the default path's private directory first, as its own
 */
struct impostor {
	const char *path;
	int report[2];
	const char *make_dir;
};

/* Accept one connection and report the bytes it sent before hanging up. */
static int impostor_main(void *arg)
{
	struct impostor *im = arg;
	struct sockaddr_un sa = {.sun_family = AF_UNIX};
	struct pollfd pfd;
	char buf[4096];
	long total = 0;
	ssize_t n;
	int l, c;

	if (im->make_dir && mkdir(im->make_dir, 0777))
		return 1;
	if (im->make_dir && chmod(im->make_dir, 0777))
		return 1;
	l = socket(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0);
	memcpy(sa.sun_path, im->path, strlen(im->path) + 1);
	if (l < 0 || bind(l, (struct sockaddr *)&sa, sizeof(sa)) || chmod(im->path, 0777) ||
	    listen(l, 4))
		return 2;
	/* A child process: its exit closes what it opened. */
	if (write(im->report[1], &total, sizeof(total)) != sizeof(total)) /* listening */
		/* cppcheck-suppress resourceLeak */
		return 3;
	pfd = (struct pollfd){.fd = l, .events = POLLIN};
	if (poll(&pfd, 1, 5000) != 1)
		return 4;
	c = accept(l, NULL, NULL);
	if (c < 0)
		return 5;
	while ((n = recv(c, buf, sizeof(buf), 0)) > 0)
		total += n;
	if (write(im->report[1], &total, sizeof(total)) != sizeof(total))
		return 6;
	close(c);
	close(l);
	unlink(im->path);
	return 0;
}

static void impostor_start(struct impostor *im, struct as_user *u)
{
	long ready;

	assert_int_equal(pipe2(im->report, O_CLOEXEC), 0);
	as_user_spawn(u, AS_USER_NOBODY, AS_USER_NOBODY, impostor_main, im);
	close(im->report[1]);
	as_user_go(u);
	assert_int_equal(read(im->report[0], &ready, sizeof(ready)), sizeof(ready));
}

/* The bytes the impostor received once we hung up. */
static long impostor_finish(struct impostor *im, struct as_user *u)
{
	long total = -1;

	assert_int_equal(read(im->report[0], &total, sizeof(total)), sizeof(total));
	close(im->report[0]);
	assert_int_equal(as_user_wait(u), 0);
	return total;
}

/* A socket another user listens on: refused before anything is sent, unless trusted. */
static void test_impostor_refused(void **state)
{
	struct fixture *f = *state;
	struct impostor im = {0};
	struct tee_context *ctx = NULL;
	struct as_user u;
	char path[160];
	uint32_t session;

	if (!as_user_possible())
		skip();
	snprintf(path, sizeof(path), "%s/optee-simd.sock", f->tmp);
	im.path = path;
	impostor_start(&im, &u);
	assert_int_equal(tee_client_open_sim(path, &ctx), -EPERM);
	assert_null(ctx);
	/* Connected, asked, hung up: the impostor got nothing. */
	assert_int_equal(impostor_finish(&im, &u), 0);

	/* The same server, trusted on purpose: it gets our requests. */
	impostor_start(&im, &u);
	assert_int_equal(tee_client_open_sim_uid(path, AS_USER_NOBODY, &ctx), 0);
	tee_client_set_timeout(ctx, 200);
	assert_int_equal(echo_open(ctx, TEE_LOGIN_PUBLIC, &session), -ETIMEDOUT);
	tee_client_close_context(ctx);
	assert_true(impostor_finish(&im, &u) > 0);
}

/* Another user made the private directory first (with its impostor in it). */
static void test_squatted_directory(void **state)
{
	struct fixture *f = *state;
	struct impostor im = {0};
	struct tee_context *ctx = NULL;
	struct as_user u;
	char err[256];

	if (!as_user_possible())
		skip();
	im.path = f->sock;
	im.make_dir = f->priv;
	impostor_start(&im, &u);
	/* The daemon refuses to start there, the client to connect there. */
	assert_int_equal(ipc_private_dir(f->priv, geteuid(), true, err, sizeof(err)), -EACCES);
	assert_non_null(strstr(err, "belongs to uid 65534"));
	assert_int_equal(tee_client_open_sim(NULL, &ctx), -EACCES);
	assert_null(ctx);
	/* Release the impostor: it never saw a connection of ours, so connect and leave. */
	assert_int_equal(tee_client_open_sim_uid(f->sock, AS_USER_NOBODY, &ctx), 0);
	tee_client_close_context(ctx);
	assert_int_equal(impostor_finish(&im, &u), 0);
}

/* Root's daemon serves other users: a client trusts root. */
static int as_client(void *arg)
{
	struct tee_context *ctx;
	uint32_t session;
	int rc;

	if (tee_client_open_sim(arg, &ctx))
		return 1;
	rc = echo_open(ctx, TEE_LOGIN_PUBLIC, &session);
	tee_client_close_context(ctx);
	return rc ? 2 : 0;
}

static void test_root_server_trusted(void **state)
{
	struct fixture *f = *state;
	struct optee_sim_server_config cfg = {.quiet = true};
	struct optee_sim_server *srv;
	struct echo_env *env;
	struct as_user u;
	char path[160], err[256];

	if (!as_user_possible())
		skip();
	snprintf(path, sizeof(path), "%s/root.sock", f->tmp);
	as_user_spawn(&u, AS_USER_NOBODY, AS_USER_NOBODY, as_client, path);
	env = echo_env_new(NULL);
	cfg.socket_path = path;
	srv = optee_sim_server_start(env->core, &cfg, err, sizeof(err));
	assert_non_null(srv);
	assert_int_equal(chmod(path, 0777), 0);
	as_user_go(&u);
	assert_int_equal(as_user_wait(&u), 0);
	optee_sim_server_stop(srv);
	echo_env_free(env);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(test_default_path, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_private_dir, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_impostor_refused, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_squatted_directory, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_root_server_trusted, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
