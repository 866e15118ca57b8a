// SPDX-License-Identifier: BSD-3-Clause
/*
 * Idle and untrusted connections cannot lock anyone out (issue 10, item 5).
 * Before the fix 64 idle connections of any user filled the daemon for good:
 * no idle timeout, untrusted peers counted like trusted ones, refused clients
 * saw "Connection reset by peer", and every refusal was a log line. Now a
 * connection without a session is closed after the idle timeout, each
 * untrusted uid holds at most max_per_uid connections and untrusted peers
 * together at most half of max_clients, a refused client is told why
 * (-EUSERS), and refusals are logged at most 5 lines a second.
 *
 * The flood test needs root: its untrusted peers are six other uids.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
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

#include "as_user.h"
#include "secure/socket_server.h"
#include "tee_test_common.h"

#define FLOOD_UIDS	  6
#define FLOOD_PER_UID	  60
#define FLOOD_MAX_CLIENTS 64u
#define FLOOD_MAX_PER_UID 8u

static char dir[64];
static char path[128];
static char log_path[128];

static int setup(void **state)
{
	(void)state;
	snprintf(dir, sizeof(dir), "/tmp/conn-limits-XXXXXX");
	assert_non_null(mkdtemp(dir));
	assert_int_equal(chmod(dir, 0755), 0);
	snprintf(path, sizeof(path), "%s/s.sock", dir);
	snprintf(log_path, sizeof(log_path), "%s/log", dir);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	unlink(log_path);
	rmdir(dir);
	return 0;
}

static int64_t now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static int raw_connect(void)
{
	struct sockaddr_un sa = {.sun_family = AF_UNIX};
	int s = socket(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0);

	if (s < 0)
		return -1;
	memcpy(sa.sun_path, path, strlen(path) + 1);
	if (connect(s, (struct sockaddr *)&sa, sizeof(sa))) {
		close(s);
		return -1;
	}
	return s;
}

/*
 * What the server did with connection @s within @ms: 0 still served (nothing came),
 * the refusal's error (it sent OPTEE_SIM_OP_REFUSED, then hung up), or 1 for anything else.
 */
static int fate(int s, int ms)
{
	struct pollfd pfd = {.fd = s, .events = POLLIN};
	struct optee_sim_rsp rsp;

	if (poll(&pfd, 1, ms) == 0)
		return 0;
	if (recv(s, &rsp, sizeof(rsp), MSG_DONTWAIT) != (ssize_t)sizeof(rsp) ||
	    rsp.magic != OPTEE_SIM_WIRE_MAGIC || rsp.op != OPTEE_SIM_OP_REFUSED || rsp.err >= 0)
		return 1;
	/* Then the end of the connection. */
	if (poll(&pfd, 1, 2000) != 1 || recv(s, &rsp, sizeof(rsp), 0) != 0)
		return 1;
	return rsp.err;
}

/*
 * Wait (up to @ms) until @want of the @n connections in @socks have something to read:
 * the server answers in its own time, slower on a loaded machine.
 */
static void wait_readable(const int *socks, int n, int want, int ms)
{
	int64_t end = now_ms() + ms;

	for (;;) {
		int ready = 0;

		for (int i = 0; i < n; i++) {
			struct pollfd pfd = {.fd = socks[i], .events = POLLIN};

			ready += poll(&pfd, 1, 0) == 1;
		}
		if (ready >= want || now_ms() >= end)
			return;
		usleep(10000);
	}
}

static struct optee_sim_server *start(struct echo_env *env,
				      const struct optee_sim_server_config *base)
{
	struct optee_sim_server_config cfg = *base;
	struct optee_sim_server *srv;
	char err[256] = "";

	cfg.socket_path = path;
	srv = optee_sim_server_start(env->core, &cfg, err, sizeof(err));
	if (!srv)
		fail_msg("server start: %s", err);
	assert_int_equal(chmod(path, 0777), 0);
	return srv;
}

/* Send the server's log (our stderr) to log_path; returns the saved stderr. */
static int log_capture(void)
{
	int saved = dup(STDERR_FILENO);
	int fd = open(log_path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);

	assert_true(saved >= 0 && fd >= 0);
	assert_int_equal(dup2(fd, STDERR_FILENO), STDERR_FILENO);
	close(fd);
	return saved;
}

static void log_restore(int saved)
{
	assert_int_equal(dup2(saved, STDERR_FILENO), STDERR_FILENO);
	close(saved);
}

/* Lines of the captured log containing @what. */
static int log_count(const char *what)
{
	FILE *fp = fopen(log_path, "r");
	char line[512];
	int n = 0;

	assert_non_null(fp);
	while (fgets(line, sizeof(line), fp))
		n += strstr(line, what) != NULL;
	assert_int_equal(fclose(fp), 0);
	return n;
}

/* A connection with no session is closed after the idle timeout; one with a session stays. */
static void test_idle_timeout(void **state)
{
	struct optee_sim_server_config cfg = {.idle_timeout_ms = 300, .quiet = true};
	struct echo_env *env = echo_env_new(NULL);
	struct optee_sim_server *srv = start(env, &cfg);
	struct tee_context *busy, *quiet_ctx;
	uint32_t s1, s2;
	int64_t t0;
	int s;

	(void)state;
	assert_int_equal(tee_client_open_sim(path, &busy), 0);
	assert_int_equal(echo_open(busy, TEE_LOGIN_PUBLIC, &s1), 0);
	assert_int_equal(tee_client_open_sim(path, &quiet_ctx), 0);
	assert_int_equal(echo_open(quiet_ctx, TEE_LOGIN_PUBLIC, &s2), 0);
	assert_int_equal(tee_client_close_session(quiet_ctx, s2), 0);

	/* Connected, never a word: told -ETIMEDOUT after the timeout, then hung up on. */
	t0 = now_ms();
	s = raw_connect();
	assert_true(s >= 0);
	assert_int_equal(fate(s, 30000), -ETIMEDOUT);
	assert_true(now_ms() - t0 >= 250);
	close(s);

	/*
	 * The context that closed its only session was closed too (wait for it: a request
	 * that reaches it at its deadline is still served); it says why.
	 */
	for (int i = 0; i < 3000 && optee_sim_server_clients(srv) > 1; i++)
		usleep(10000);
	assert_int_equal(optee_sim_server_clients(srv), 1);
	assert_int_equal(echo_open(quiet_ctx, TEE_LOGIN_PUBLIC, &s2), -ETIMEDOUT);
	assert_true(tee_client_is_broken(quiet_ctx));
	tee_client_close_context(quiet_ctx);
	/* The one with a session was not. */
	check_values(busy);
	tee_client_close_context(busy);
	optee_sim_server_stop(srv);
	echo_env_free(env);
}

/* One untrusted uid gets max_per_uid connections, is told -EUSERS beyond, logged sparingly. */
static void test_per_uid_limit(void **state)
{
	struct optee_sim_server_config cfg = {.trust_none = true, .max_per_uid = 4};
	struct echo_env *env = echo_env_new(NULL);
	struct optee_sim_server *srv;
	struct tee_context *ctx;
	int socks[40], kept = 0, refused = 0, saved;
	uint32_t session;

	(void)state;
	saved = log_capture();
	srv = start(env, &cfg);
	for (int i = 0; i < 40; i++) {
		socks[i] = raw_connect();
		assert_true(socks[i] >= 0);
	}
	wait_readable(socks, 40, 36, 30000);
	for (int i = 0; i < 40; i++) {
		int f = fate(socks[i], 0);

		kept += f == 0;
		refused += f == -EUSERS;
	}
	assert_int_equal(kept, 4);
	assert_int_equal(refused, 36);
	/* The library reports the refusal as such, not as a reset. */
	assert_int_equal(tee_client_open_sim(path, &ctx), 0);
	assert_int_equal(echo_open(ctx, TEE_LOGIN_PUBLIC, &session), -EUSERS);
	tee_client_close_context(ctx);
	/* Room again once they go. */
	for (int i = 0; i < 40; i++)
		close(socks[i]);
	for (int i = 0; i < 200 && optee_sim_server_clients(srv); i++)
		usleep(10000);
	assert_int_equal(tee_client_open_sim(path, &ctx), 0);
	check_values(ctx);
	tee_client_close_context(ctx);
	optee_sim_server_stop(srv);
	log_restore(saved);
	/* 37 refusals within a second: at most 5 lines, the rest counted. */
	assert_true(log_count("refused") <= 5);
	assert_int_equal(log_count("log lines dropped"), 1);
	echo_env_free(env);
}

/* --- the flood, from six other uids -------------------------------------------------------- */

/**
 * struct flooder - one untrusted uid's part of the flood.
 * @report:    write end: how many of its connections were kept and refused
 * @release:   read end: it holds its connections until this reads the end
 * @report_r:  the ends the parent keeps, closed in the child (or @release never ends)
 * @release_w:
 */
struct flooder {
	int report;
	int release;
	int report_r;
	int release_w;
};

static int flood_main(void *arg)
{
	struct flooder *f = arg;
	int socks[FLOOD_PER_UID], counts[2] = {0, 0}, n = 0;
	int64_t deadline;
	char c;

	close(f->report_r);
	close(f->release_w);
	for (int i = 0; i < FLOOD_PER_UID; i++) {
		socks[n] = raw_connect();
		if (socks[n] >= 0)
			n++;
	}
	/* The server takes a while to answer them all; the kept ones never answer. */
	deadline = now_ms() + 3000;
	for (int i = 0; i < n; i++) {
		int64_t left = deadline - now_ms();
		int r = fate(socks[i], left > 0 ? (int)left : 0);

		if (r == 0)
			counts[0]++;
		else if (r == -EUSERS)
			counts[1]++;
	}
	if (write(f->report, counts, sizeof(counts)) != sizeof(counts))
		return 1;
	/* Hold what was kept while the trusted client is measured. */
	if (read(f->release, &c, 1) < 0)
		return 2;
	for (int i = 0; i < n; i++)
		close(socks[i]);
	return 0;
}

static void test_flood_from_other_users(void **state)
{
	struct optee_sim_server_config cfg = {.max_clients = FLOOD_MAX_CLIENTS,
					      .max_per_uid = FLOOD_MAX_PER_UID,
					      .idle_timeout_ms = 60000};
	struct as_user users[FLOOD_UIDS];
	struct flooder fl;
	struct echo_env *env;
	struct optee_sim_server *srv;
	struct tee_context *ctx;
	int report[2], release[2], kept = 0, refused = 0, saved;
	int64_t t0, t_flood, waited;
	uint32_t session;

	(void)state;
	if (!as_user_possible())
		skip();
	assert_int_equal(pipe2(report, O_CLOEXEC), 0);
	assert_int_equal(pipe2(release, O_CLOEXEC), 0);
	fl.report = report[1];
	fl.release = release[0];
	fl.report_r = report[0];
	fl.release_w = release[1];
	for (int u = 0; u < FLOOD_UIDS; u++) {
		uid_t uid = u ? AS_USER_OTHER + (uid_t)u - 1 : AS_USER_NOBODY;

		as_user_spawn(&users[u], uid, uid, flood_main, &fl);
	}
	close(report[1]);
	close(release[0]);
	env = echo_env_new(NULL);
	saved = log_capture();
	srv = start(env, &cfg);

	t_flood = now_ms();
	for (int u = 0; u < FLOOD_UIDS; u++)
		as_user_go(&users[u]);
	for (int u = 0; u < FLOOD_UIDS; u++) {
		int counts[2];

		assert_int_equal(read(report[0], counts, sizeof(counts)), sizeof(counts));
		/* No uid above its share. */
		assert_true(counts[0] <= (int)FLOOD_MAX_PER_UID);
		kept += counts[0];
		refused += counts[1];
	}
	t_flood = now_ms() - t_flood;
	/* Untrusted peers together: at most half the connections. */
	assert_true(kept <= (int)FLOOD_MAX_CLIENTS / 2);
	assert_int_equal(kept + refused, FLOOD_UIDS * FLOOD_PER_UID);

	/* While they hold all they may: a trusted client is served at once. */
	t0 = now_ms();
	assert_int_equal(tee_client_open_sim(path, &ctx), 0);
	assert_int_equal(echo_open(ctx, TEE_LOGIN_REE_KERNEL, &session), 0);
	check_values(ctx);
	waited = now_ms() - t0;
	tee_client_close_context(ctx);
	assert_true(waited < 1000);

	close(release[1]);
	for (int u = 0; u < FLOOD_UIDS; u++)
		assert_int_equal(as_user_wait(&users[u]), 0);
	close(report[0]);
	optee_sim_server_stop(srv);
	log_restore(saved);
	print_message(
	    "flood: %d uids x %d connections in %lld ms: %d kept (<= %u per uid, <= %u in "
	    "all), %d refused with -EUSERS; %d log lines in all; a trusted client "
	    "connected, opened a session and made 4 calls in %lld ms\n",
	    FLOOD_UIDS, FLOOD_PER_UID, (long long)t_flood, kept, FLOOD_MAX_PER_UID,
	    FLOOD_MAX_CLIENTS / 2, refused, log_count("optee-simd: "), (long long)waited);
	/* 5 a second (and a line counting the dropped ones), for 360 connections. */
	assert_true(log_count("optee-simd: ") <= 6 * (int)(t_flood / 1000 + 2));
	echo_env_free(env);
}

/*
 * As many agents as the default limit opening at once (issue 11): every one connects, opens a
 * session and is served while all of them hold their connection; none sees ECONNRESET.
 */
#define OPENERS OPTEE_SIM_SERVER_DEFAULT_MAX_CLIENTS

struct opener {
	pthread_barrier_t *held;
	int rc;
};

static void *open_and_hold(void *arg)
{
	struct opener *o = arg;
	struct tee_context *ctx = NULL;
	uint32_t session;

	o->rc = tee_client_open_sim(path, &ctx);
	if (!o->rc)
		o->rc = echo_open(ctx, TEE_LOGIN_REE_KERNEL, &session);
	/* Every opener holds its connection until all have theirs. */
	pthread_barrier_wait(o->held);
	if (ctx)
		tee_client_close_context(ctx);
	return NULL;
}

static void test_default_limit_opens_at_once(void **state)
{
	struct optee_sim_server_config cfg = {0};
	struct opener o[OPENERS];
	pthread_t t[OPENERS];
	pthread_barrier_t held;
	struct optee_sim_server *srv;
	struct echo_env *env;
	unsigned int i, ok = 0;
	int64_t t0;

	(void)state;
	env = echo_env_new(NULL);
	srv = start(env, &cfg);
	assert_int_equal(pthread_barrier_init(&held, NULL, OPENERS), 0);
	t0 = now_ms();
	for (i = 0; i < OPENERS; i++) {
		o[i] = (struct opener){.held = &held, .rc = -1};
		assert_int_equal(pthread_create(&t[i], NULL, open_and_hold, &o[i]), 0);
	}
	for (i = 0; i < OPENERS; i++) {
		assert_int_equal(pthread_join(t[i], NULL), 0);
		if (o[i].rc)
			print_error("opener %u: %d\n", i, o[i].rc);
		ok += o[i].rc == 0;
	}
	print_message("%u of %u simultaneous opens served in %lld ms\n", ok, OPENERS,
		      (long long)(now_ms() - t0));
	assert_int_equal(ok, OPENERS);
	pthread_barrier_destroy(&held);
	optee_sim_server_stop(srv);
	echo_env_free(env);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_idle_timeout),
	    cmocka_unit_test(test_per_uid_limit),
	    cmocka_unit_test(test_flood_from_other_users),
	    cmocka_unit_test(test_default_limit_opens_at_once),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
