// SPDX-License-Identifier: BSD-3-Clause
/*
 * Hostile peers on both sides of the socket: malformed frames sent to the
 * server close only that connection (and leak no fd), bad SHM_REGISTER
 * arguments are refused with an error; a fake daemon sending bad replies
 * breaks the client's context without leaking fds into it.
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
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <cmocka.h>

#include "echo_pta.h"
#include "ipc/lane.h"
#include "ipc/scm_rights.h"
#include "secure/socket_server.h"
#include "tee_test_common.h"

struct fixture {
	char dir[64];
	char path[128];
	struct echo_env *env;
	struct optee_sim_server *srv;
	struct tee_context *good;
};

static int setup(void **state)
{
	static struct fixture f;
	struct optee_sim_server_config cfg = {.quiet = true};
	char err[256] = "";

	snprintf(f.dir, sizeof(f.dir), "/tmp/tee-frames-XXXXXX");
	assert_non_null(mkdtemp(f.dir));
	snprintf(f.path, sizeof(f.path), "%s/s.sock", f.dir);
	f.env = echo_env_new(NULL);
	cfg.socket_path = f.path;
	f.srv = optee_sim_server_start(f.env->core, &cfg, err, sizeof(err));
	assert_non_null(f.srv);
	assert_int_equal(tee_client_open_sim(f.path, &f.good), 0);
	check_values(f.good); /* the server has accepted it */
	*state = &f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;

	tee_client_close_context(f->good);
	optee_sim_server_stop(f->srv);
	assert_int_equal(f->env->pta.opens, f->env->pta.closes);
	echo_env_free(f->env);
	rmdir(f->dir);
	return 0;
}

/* Wait until only the fixture's client is served (finished connections close their fds). */
static void wait_idle(struct fixture *f)
{
	for (int i = 0; i < 200 && optee_sim_server_clients(f->srv) != 1; i++)
		usleep(10000);
	assert_int_equal(optee_sim_server_clients(f->srv), 1);
}

static int sock_connect(const char *path)
{
	struct sockaddr_un sa = {.sun_family = AF_UNIX};
	int s = socket(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0);

	assert_true(s >= 0);
	assert_true(strlen(path) < sizeof(sa.sun_path));
	memcpy(sa.sun_path, path, strlen(path) + 1);
	assert_int_equal(connect(s, (struct sockaddr *)&sa, sizeof(sa)), 0);
	return s;
}

static void send_frame(int s, const void *buf, size_t len, const int *fds, int nfds)
{
	union {
		char buf[CMSG_SPACE(sizeof(int) * 4)];
		struct cmsghdr align;
	} cbuf;
	struct iovec iov = {.iov_base = (void *)buf, .iov_len = len};
	struct msghdr msg = {.msg_iov = &iov, .msg_iovlen = 1};

	if (nfds) {
		struct cmsghdr *cm;

		memset(&cbuf, 0, sizeof(cbuf));
		msg.msg_control = cbuf.buf;
		msg.msg_controllen = CMSG_SPACE(sizeof(int) * (size_t)nfds);
		cm = CMSG_FIRSTHDR(&msg);
		cm->cmsg_level = SOL_SOCKET;
		cm->cmsg_type = SCM_RIGHTS;
		cm->cmsg_len = CMSG_LEN(sizeof(int) * (size_t)nfds);
		memcpy(CMSG_DATA(cm), fds, sizeof(int) * (size_t)nfds);
	}
	assert_int_equal(sendmsg(s, &msg, MSG_NOSIGNAL), (ssize_t)len);
}

/* The server must hang up on us: EOF within 2 s, no reply before it. */
static void expect_closed(int s)
{
	struct pollfd pfd = {.fd = s, .events = POLLIN};
	char buf[512];

	assert_int_equal(poll(&pfd, 1, 2000), 1);
	assert_int_equal(recv(s, buf, sizeof(buf), 0), 0);
	close(s);
}

/* Read a well-formed reply to @req. */
static void expect_reply(int s, const struct optee_sim_req *req, struct optee_sim_rsp *rsp)
{
	struct pollfd pfd = {.fd = s, .events = POLLIN};

	assert_int_equal(poll(&pfd, 1, 2000), 1);
	assert_int_equal(recv(s, rsp, sizeof(*rsp), 0), (ssize_t)sizeof(*rsp));
	assert_int_equal(rsp->magic, OPTEE_SIM_WIRE_MAGIC);
	assert_int_equal(rsp->op, req->op);
	assert_int_equal(rsp->seq, req->seq);
}

static struct optee_sim_req good_req(uint32_t op)
{
	struct optee_sim_req r;

	memset(&r, 0, sizeof(r));
	r.magic = OPTEE_SIM_WIRE_MAGIC;
	r.version = OPTEE_SIM_WIRE_VERSION;
	r.op = op;
	r.seq = 7;
	return r;
}

static int sealed_memfd(size_t size)
{
	int fd = memfd_create("t", MFD_CLOEXEC | MFD_ALLOW_SEALING);

	assert_true(fd >= 0);
	assert_int_equal(ftruncate(fd, (off_t)size), 0);
	assert_int_equal(fcntl(fd, F_ADD_SEALS, F_SEAL_SHRINK), 0);
	return fd;
}

/* A fresh connection sends one frame: the server must close it, nothing else. */
static void expect_refused(struct fixture *f, const void *buf, size_t len, const int *fds, int nfds)
{
	int s = sock_connect(f->path);

	send_frame(s, buf, len, fds, nfds);
	expect_closed(s);
}

static void test_malformed_frames(void **state)
{
	struct fixture *f = *state;
	struct optee_sim_req r;
	unsigned char big[sizeof(r) + 8];
	int fds[2];
	int before;

	wait_idle(f);
	before = count_fds();
	fds[0] = sealed_memfd(4096);
	fds[1] = sealed_memfd(4096);

	r = good_req(OPTEE_SIM_OP_INVOKE);
	expect_refused(f, &r, 10, NULL, 0); /* short */

	memset(big, 0, sizeof(big));
	memcpy(big, &r, sizeof(r));
	expect_refused(f, big, sizeof(big), NULL, 0); /* long */

	r.magic ^= 1;
	expect_refused(f, &r, sizeof(r), NULL, 0);

	r = good_req(OPTEE_SIM_OP_INVOKE);
	r.version = OPTEE_SIM_WIRE_VERSION + 1;
	expect_refused(f, &r, sizeof(r), NULL, 0);
	r.version = OPTEE_SIM_WIRE_VERSION - 1;
	expect_refused(f, &r, sizeof(r), NULL, 0);

	r = good_req(0);
	expect_refused(f, &r, sizeof(r), NULL, 0);

	r = good_req(OPTEE_SIM_OP_LANE + 1);
	expect_refused(f, &r, sizeof(r), NULL, 0);

	r = good_req(OPTEE_SIM_OP_INVOKE);
	r.num_params = OPTEE_SIM_WIRE_MAX_PARAMS + 1;
	expect_refused(f, &r, sizeof(r), NULL, 0);

	r = good_req(OPTEE_SIM_OP_INVOKE); /* an fd on a request that takes none */
	expect_refused(f, &r, sizeof(r), fds, 1);

	r = good_req(OPTEE_SIM_OP_SHM_REGISTER); /* no fd */
	r.shm_size = 4096;
	expect_refused(f, &r, sizeof(r), NULL, 0);

	expect_refused(f, &r, sizeof(r), fds, 2); /* two fds */

	/* The well-behaved client never noticed. */
	check_values(f->good);
	close(fds[0]);
	close(fds[1]);
	/* Every fd the server received was closed again. */
	wait_idle(f);
	assert_int_equal(count_fds(), before);
}

static void test_malformed_after_session(void **state)
{
	struct fixture *f = *state;
	struct tee_context *ctx;
	struct optee_sim_req r = good_req(OPTEE_SIM_OP_OPEN_SESSION);
	struct optee_sim_rsp rsp;
	int closes;
	int s;

	/* A raw client opens a session, then misbehaves: its session dies with it. */
	s = sock_connect(f->path);
	memcpy(r.uuid, echo_pta_uuid, sizeof(r.uuid));
	send_frame(s, &r, sizeof(r), NULL, 0);
	expect_reply(s, &r, &rsp);
	assert_int_equal(rsp.err, 0);
	assert_int_equal(rsp.ret, TEE_SUCCESS);
	closes = echo_pta_count(&f->env->pta.closes);
	r.magic = 0;
	send_frame(s, &r, sizeof(r), NULL, 0);
	expect_closed(s);
	assert_int_equal(wait_until(&f->env->pta.closes, closes + 1), closes + 1);
	assert_int_equal(tee_client_open_sim(f->path, &ctx), 0);
	check_values(ctx);
	tee_client_close_context(ctx);
}

/* Read a reply to @req that carries at most one fd; returns it, or -1. */
static int expect_reply_fd(int s, const struct optee_sim_req *req, struct optee_sim_rsp *rsp)
{
	union {
		char buf[CMSG_SPACE(sizeof(int) * 4)];
		struct cmsghdr align;
	} cbuf;
	struct iovec iov = {.iov_base = rsp, .iov_len = sizeof(*rsp)};
	struct msghdr msg = {.msg_iov = &iov, .msg_iovlen = 1};
	struct pollfd pfd = {.fd = s, .events = POLLIN};
	struct cmsghdr *cm;
	int fd = -1;

	msg.msg_control = cbuf.buf;
	msg.msg_controllen = sizeof(cbuf.buf);
	assert_int_equal(poll(&pfd, 1, 2000), 1);
	assert_int_equal(recvmsg(s, &msg, MSG_CMSG_CLOEXEC), (ssize_t)sizeof(*rsp));
	assert_int_equal(rsp->op, req->op);
	assert_int_equal(rsp->seq, req->seq);
	for (cm = CMSG_FIRSTHDR(&msg); cm; cm = CMSG_NXTHDR(&msg, cm)) {
		assert_int_equal(cm->cmsg_type, SCM_RIGHTS);
		assert_int_equal(cm->cmsg_len, CMSG_LEN(sizeof(int)));
		assert_int_equal(fd, -1);
		memcpy(&fd, CMSG_DATA(cm), sizeof(int));
	}
	return fd;
}

/* A raw session to the echo PTA with @login; returns its id. */
static uint32_t raw_open(int s, uint32_t login)
{
	struct optee_sim_req r = good_req(OPTEE_SIM_OP_OPEN_SESSION);
	struct optee_sim_rsp rsp;

	memcpy(r.uuid, echo_pta_uuid, sizeof(r.uuid));
	r.login = login;
	send_frame(s, &r, sizeof(r), NULL, 0);
	expect_reply(s, &r, &rsp);
	assert_int_equal(rsp.err, 0);
	assert_int_equal(rsp.ret, TEE_SUCCESS);
	return rsp.session;
}

/*
 * Static memory is handed out only through a kernel-login session, and sealed: a holder
 * cannot truncate it under the daemon and every other holder (issue 10, item 1).
 */
static void test_static_shm_frames(void **state)
{
	struct fixture *f = *state;
	struct optee_sim_req r = good_req(OPTEE_SIM_OP_STATIC_SHM);
	struct optee_sim_rsp rsp;
	int s = sock_connect(f->path);
	uint32_t user, kernel;
	int fd, seals;

	r.shm_addr = ECHO_STATIC_BASE;
	r.shm_size = 128;
	/* No session at all. */
	send_frame(s, &r, sizeof(r), NULL, 0);
	assert_int_equal(expect_reply_fd(s, &r, &rsp), -1);
	assert_int_equal(rsp.err, -EINVAL);
	assert_int_equal(rsp.static_size, 0);
	/* A user-login session. */
	user = raw_open(s, TEE_LOGIN_PUBLIC);
	r.session = user;
	send_frame(s, &r, sizeof(r), NULL, 0);
	assert_int_equal(expect_reply_fd(s, &r, &rsp), -1);
	assert_int_equal(rsp.err, -EACCES);
	/* A kernel-login session (we are trusted): the region, sealed. */
	kernel = raw_open(s, TEE_LOGIN_REE_KERNEL);
	r.session = kernel;
	send_frame(s, &r, sizeof(r), NULL, 0);
	fd = expect_reply_fd(s, &r, &rsp);
	assert_int_equal(rsp.err, 0);
	assert_true(fd >= 0);
	assert_int_equal(rsp.static_base, ECHO_STATIC_BASE);
	assert_int_equal(rsp.static_size, ECHO_STATIC_SIZE);
	seals = fcntl(fd, F_GET_SEALS);
	assert_true(seals >= 0 && (seals & F_SEAL_SHRINK));
	assert_int_equal(ftruncate(fd, 0), -1);
	assert_int_equal(errno, EPERM);
	close(fd);
	/* A range outside the static memory. */
	r.shm_addr = 0x1000;
	send_frame(s, &r, sizeof(r), NULL, 0);
	assert_int_equal(expect_reply_fd(s, &r, &rsp), -1);
	assert_int_equal(rsp.err, -ENOENT);
	close(s);
	check_values(f->good);
}

static void test_bad_shm_register(void **state)
{
	struct fixture *f = *state;
	struct optee_sim_req r = good_req(OPTEE_SIM_OP_SHM_REGISTER);
	struct optee_sim_rsp rsp;
	int fd, unsealed, pipefd[2];
	int s = sock_connect(f->path);

	fd = sealed_memfd(4096);
	r.shm_size = 0;
	send_frame(s, &r, sizeof(r), &fd, 1);
	expect_reply(s, &r, &rsp);
	assert_int_equal(rsp.err, -EINVAL);
	r.shm_size = 8192; /* larger than the object */
	send_frame(s, &r, sizeof(r), &fd, 1);
	expect_reply(s, &r, &rsp);
	assert_int_equal(rsp.err, -EINVAL);
	r.shm_size = (uint64_t)OPTEE_SIM_SERVER_MAX_SHM_BYTES + 1;
	send_frame(s, &r, sizeof(r), &fd, 1);
	expect_reply(s, &r, &rsp);
	assert_int_equal(rsp.err, -EINVAL);
	unsealed = memfd_create("u", MFD_CLOEXEC);
	assert_int_equal(ftruncate(unsealed, 4096), 0);
	r.shm_size = 4096;
	send_frame(s, &r, sizeof(r), &unsealed, 1);
	expect_reply(s, &r, &rsp);
	assert_int_equal(rsp.err, -EINVAL);
	assert_int_equal(pipe(pipefd), 0);
	send_frame(s, &r, sizeof(r), &pipefd[0], 1);
	expect_reply(s, &r, &rsp);
	assert_int_equal(rsp.err, -EINVAL);
	/* Still serving: a good one works, and it can be released exactly once. */
	send_frame(s, &r, sizeof(r), &fd, 1);
	expect_reply(s, &r, &rsp);
	assert_int_equal(rsp.err, 0);
	assert_true(rsp.shm_id >= 0);
	r = good_req(OPTEE_SIM_OP_SHM_RELEASE);
	r.shm_id = rsp.shm_id;
	send_frame(s, &r, sizeof(r), NULL, 0);
	expect_reply(s, &r, &rsp);
	assert_int_equal(rsp.err, 0);
	send_frame(s, &r, sizeof(r), NULL, 0);
	expect_reply(s, &r, &rsp);
	assert_int_equal(rsp.err, -EINVAL);
	/* Unknown session. */
	r = good_req(OPTEE_SIM_OP_CLOSE_SESSION);
	r.session = 1234;
	send_frame(s, &r, sizeof(r), NULL, 0);
	expect_reply(s, &r, &rsp);
	assert_int_equal(rsp.err, -EINVAL);
	close(s);
	close(fd);
	close(unsealed);
	close(pipefd[0]);
	close(pipefd[1]);
}

/*
 * Offer connection @s a fast-lane block of @size bytes (sealed against shrinking if @seal);
 * the daemon's verdict in *@err, the block mapped here (munmap @size bytes).
 */
static struct optee_sim_lane *lane_offer(int s, size_t size, bool seal, int *err)
{
	struct optee_sim_req r = good_req(OPTEE_SIM_OP_LANE);
	struct optee_sim_rsp rsp;
	int fd = memfd_create("lane", MFD_CLOEXEC | MFD_ALLOW_SEALING);
	void *m;

	assert_true(fd >= 0);
	assert_int_equal(ftruncate(fd, (off_t)size), 0);
	if (seal)
		assert_int_equal(fcntl(fd, F_ADD_SEALS, F_SEAL_SHRINK), 0);
	m = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	assert_true(m != MAP_FAILED);
	r.shm_size = size;
	send_frame(s, &r, sizeof(r), &fd, 1);
	close(fd);
	expect_reply(s, &r, &rsp);
	*err = rsp.err;
	return m;
}

/* Post @req on lane @l and wait (at most 2 s) for the daemon's reply there. */
static void lane_call(struct optee_sim_lane *l, const struct optee_sim_req *req,
		      struct optee_sim_rsp *rsp)
{
	int i;

	memcpy(&l->req, req, sizeof(*req));
	lane_post(&l->state, &l->daemon_waits, OPTEE_SIM_LANE_REQ);
	for (i = 0; i < 2000 && __atomic_load_n(&l->state, __ATOMIC_ACQUIRE) != OPTEE_SIM_LANE_RSP;
	     i++)
		usleep(1000);
	assert_int_equal(__atomic_load_n(&l->state, __ATOMIC_ACQUIRE), OPTEE_SIM_LANE_RSP);
	memcpy(rsp, &l->rsp, sizeof(*rsp));
	__atomic_store_n(&l->state, OPTEE_SIM_LANE_IDLE, __ATOMIC_RELEASE);
}

/* ECHO_CMD_VALUES on @session: the PTA answers a + 1, b + 2. */
static struct optee_sim_req values_req(uint32_t session)
{
	struct optee_sim_req r = good_req(OPTEE_SIM_OP_INVOKE);

	r.func = ECHO_CMD_VALUES;
	r.session = session;
	r.seq = 11;
	r.num_params = 1;
	r.params[0].attr = TEE_PARAM_TYPE_VALUE_INOUT;
	r.params[0].a = 41;
	r.params[0].b = 98;
	return r;
}

static void expect_lane_reply(struct optee_sim_lane *l, const struct optee_sim_req *req,
			      int32_t err)
{
	struct optee_sim_rsp rsp;

	lane_call(l, req, &rsp);
	assert_int_equal(rsp.magic, OPTEE_SIM_WIRE_MAGIC);
	assert_int_equal(rsp.seq, req->seq);
	assert_int_equal(rsp.err, err);
	if (err)
		return;
	assert_int_equal(rsp.ret, TEE_SUCCESS);
	assert_int_equal(rsp.num_params, 1);
	assert_int_equal(rsp.params[0].a, req->params[0].a + 1);
	assert_int_equal(rsp.params[0].b, req->params[0].b + 2);
}

/*
 * The fast lane from the daemon's side: invokes posted in the block are answered there and
 * nothing crosses the socket; whatever else the client writes there (another op, a bad
 * header, too many parameters, a state no one posts) gets -EPROTO or nothing, and the lane
 * and the socket go on serving; one lane per connection; a client that goes away with its
 * lane thread asleep leaves nothing behind.
 */
static void test_lane(void **state)
{
	struct fixture *f = *state;
	int s = sock_connect(f->path), err;
	uint32_t session = raw_open(s, TEE_LOGIN_PUBLIC);
	struct optee_sim_lane *l = lane_offer(s, sizeof(*l), true, &err), *second;
	struct optee_sim_req r = values_req(session), bad;
	struct optee_sim_rsp rsp;
	char c;

	assert_int_equal(err, 0);
	expect_lane_reply(l, &r, 0);
	assert_int_equal(recv(s, &c, 1, MSG_DONTWAIT), -1);
	assert_int_equal(errno, EAGAIN);
	/* The daemon sleeps on the word by now: the wake-up must reach it. */
	usleep(50000);
	r.params[0].a = 1000;
	expect_lane_reply(l, &r, 0);

	bad = good_req(OPTEE_SIM_OP_CLOSE_SESSION);
	bad.session = session;
	expect_lane_reply(l, &bad, -EPROTO);
	bad = r;
	bad.magic ^= 1;
	expect_lane_reply(l, &bad, -EPROTO);
	bad = r;
	bad.version++;
	expect_lane_reply(l, &bad, -EPROTO);
	bad = r;
	bad.num_params = OPTEE_SIM_WIRE_MAX_PARAMS + 1;
	expect_lane_reply(l, &bad, -EPROTO);
	/* A session it does not hold: the core's verdict, as on the socket. */
	bad = r;
	bad.session = session + 1;
	expect_lane_reply(l, &bad, -EINVAL);

	__atomic_store_n(&l->state, 0x1234u, __ATOMIC_SEQ_CST);
	lane_wake(&l->state);
	usleep(20000);
	assert_int_equal(__atomic_load_n(&l->state, __ATOMIC_SEQ_CST), 0x1234u);
	expect_lane_reply(l, &r, 0);

	second = lane_offer(s, sizeof(*second), true, &err);
	assert_int_equal(err, -EBUSY);
	munmap(second, sizeof(*second));
	expect_lane_reply(l, &r, 0);

	/* The session is still the socket's to close. */
	bad = good_req(OPTEE_SIM_OP_CLOSE_SESSION);
	bad.session = session;
	send_frame(s, &bad, sizeof(bad), NULL, 0);
	expect_reply(s, &bad, &rsp);
	assert_int_equal(rsp.err, 0);
	close(s);
	munmap(l, sizeof(*l));
	wait_idle(f);
}

/* A lane block the daemon must not map: unsealed, the wrong size; or no block at all. */
static void test_lane_refused(void **state)
{
	struct fixture *f = *state;
	struct optee_sim_req r = good_req(OPTEE_SIM_OP_LANE);
	int s = sock_connect(f->path), err;
	struct optee_sim_lane *l;

	l = lane_offer(s, sizeof(*l), false, &err);
	assert_int_equal(err, -EINVAL);
	munmap(l, sizeof(*l));
	l = lane_offer(s, sizeof(*l) + 4096, true, &err);
	assert_int_equal(err, -EINVAL);
	munmap(l, sizeof(*l) + 4096);
	l = lane_offer(s, sizeof(*l) - 8, true, &err);
	assert_int_equal(err, -EINVAL);
	munmap(l, sizeof(*l) - 8);
	close(s);
	r.shm_size = sizeof(*l);
	expect_refused(f, &r, sizeof(r), NULL, 0);
	wait_idle(f);
}

/* A fake daemon's listening socket @name in the fixture's directory; its path in @path. */
static int fake_listen(struct fixture *f, const char *name, char *path, size_t len)
{
	struct sockaddr_un sa = {.sun_family = AF_UNIX};
	int fd = socket(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0);

	assert_true(fd >= 0);
	snprintf(path, len, "%s/%s", f->dir, name);
	unlink(path);
	assert_true(strlen(path) < sizeof(sa.sun_path));
	memcpy(sa.sun_path, path, strlen(path) + 1);
	assert_int_equal(bind(fd, (struct sockaddr *)&sa, sizeof(sa)), 0);
	assert_int_equal(listen(fd, 1), 0);
	return fd;
}

/* A fake daemon: accepts one client and answers its first request with a scripted reply. */
enum fake_mode {
	FAKE_SHORT,
	FAKE_BAD_SEQ,
	FAKE_EXTRA_FDS,
	FAKE_HANGUP,
	FAKE_BAD_STATIC,
	FAKE_UNSEALED_STATIC,
	FAKE_OTHER_REGION,
};

/* Where the fake daemon's static regions are, and the range the client asks for. */
#define FAKE_STATIC_BASE 0x40000000u
#define FAKE_STATIC_SIZE 4096u

struct fake {
	int listen_fd;
	enum fake_mode mode;
};

static void *fake_main(void *arg)
{
	struct fake *fk = arg;
	struct optee_sim_req req;
	struct optee_sim_rsp rsp;
	int s = accept(fk->listen_fd, NULL, NULL);
	int fds[3];

	if (s < 0)
		return NULL;
	if (recv(s, &req, sizeof(req), 0) != (ssize_t)sizeof(req))
		goto out;
	memset(&rsp, 0, sizeof(rsp));
	rsp.magic = OPTEE_SIM_WIRE_MAGIC;
	rsp.version = OPTEE_SIM_WIRE_VERSION;
	rsp.op = req.op;
	rsp.seq = req.seq;
	switch (fk->mode) {
	case FAKE_SHORT:
		send_frame(s, &rsp, sizeof(rsp) - 4, NULL, 0);
		break;
	case FAKE_BAD_SEQ:
		rsp.seq++;
		send_frame(s, &rsp, sizeof(rsp), NULL, 0);
		break;
	case FAKE_EXTRA_FDS:
		/* A valid reply that smuggles fds: they must not stay open in the client. */
		fds[0] = memfd_create("x", MFD_CLOEXEC);
		fds[1] = dup(fds[0]);
		fds[2] = dup(fds[0]);
		send_frame(s, &rsp, sizeof(rsp), fds, 3);
		close(fds[0]);
		close(fds[1]);
		close(fds[2]);
		break;
	case FAKE_HANGUP:
		goto out;
	case FAKE_BAD_STATIC:
	case FAKE_UNSEALED_STATIC:
	case FAKE_OTHER_REGION:
		fds[0] = memfd_create("x", MFD_CLOEXEC | MFD_ALLOW_SEALING);
		if (ftruncate(fds[0], FAKE_STATIC_SIZE))
			break;
		rsp.static_base = FAKE_STATIC_BASE;
		rsp.static_size = FAKE_STATIC_SIZE;
		/* Sealed, as a region must be, unless unsealed is the point. */
		if (fk->mode != FAKE_UNSEALED_STATIC &&
		    fcntl(fds[0], F_ADD_SEALS, F_SEAL_SHRINK | F_SEAL_GROW))
			break;
		if (fk->mode == FAKE_BAD_STATIC)
			rsp.static_size = 1 << 20; /* larger than the object it passes */
		else if (fk->mode == FAKE_OTHER_REGION)
			rsp.static_base += FAKE_STATIC_SIZE; /* not the range asked for */
		send_frame(s, &rsp, sizeof(rsp), fds, 1);
		close(fds[0]);
		break;
	}
	/* Wait for the client to hang up. */
	(void)recv(s, &req, sizeof(req), 0);
out:
	close(s);
	return NULL;
}

static void run_fake(struct fixture *f, enum fake_mode mode, int expect)
{
	struct fake fk = {.mode = mode};
	struct tee_static_shm st;
	struct tee_context *ctx;
	uint32_t session;
	char path[160];
	pthread_t th;
	int before, rc;

	wait_idle(f);
	before = count_fds();
	fk.listen_fd = fake_listen(f, "fake.sock", path, sizeof(path));
	assert_int_equal(pthread_create(&th, NULL, fake_main, &fk), 0);
	assert_int_equal(tee_client_open_sim(path, &ctx), 0);
	if (mode >= FAKE_BAD_STATIC)
		rc = tee_client_static_shm(ctx, 1, FAKE_STATIC_BASE, 64, &st);
	else
		rc = echo_open(ctx, TEE_LOGIN_PUBLIC, &session);
	assert_int_equal(rc, expect);
	if (expect) {
		assert_true(tee_client_is_broken(ctx));
		assert_int_equal(echo_open(ctx, TEE_LOGIN_PUBLIC, &session), -ENOTCONN);
	}
	tee_client_close_context(ctx);
	pthread_join(th, NULL);
	close(fk.listen_fd);
	unlink(path);
	/* Nothing the fake daemon sent stayed open in this process. */
	assert_int_equal(count_fds(), before);
}

static void test_hostile_daemon(void **state)
{
	struct fixture *f = *state;

	run_fake(f, FAKE_SHORT, -EPROTO);
	run_fake(f, FAKE_BAD_SEQ, -EPROTO);
	run_fake(f, FAKE_EXTRA_FDS, -EPROTO);
	run_fake(f, FAKE_HANGUP, -ECONNRESET);
	run_fake(f, FAKE_BAD_STATIC, -EPROTO);
	/* An object someone may still shrink would SIGBUS us: refused too. */
	run_fake(f, FAKE_UNSEALED_STATIC, -EPROTO);
	run_fake(f, FAKE_OTHER_REGION, -EPROTO);
}

/*
 * A fake daemon that takes the client's lane and then fails it: it answers the open and the
 * lane offer on the socket, then never answers on the lane; with @hang_up it closes the
 * socket after 100 ms, else it waits for the client to go.
 */
struct fake_lane {
	int listen_fd;
	bool hang_up;
};

static void *fake_lane_main(void *arg)
{
	struct fake_lane *fk = arg;
	int s = accept(fk->listen_fd, NULL, NULL);

	if (s < 0)
		return NULL;
	for (;;) {
		union {
			char buf[CMSG_SPACE(sizeof(int) * 4)];
			struct cmsghdr align;
		} cbuf;
		struct optee_sim_req req;
		struct optee_sim_rsp rsp;
		struct iovec iov = {.iov_base = &req, .iov_len = sizeof(req)};
		struct msghdr msg = {.msg_iov = &iov, .msg_iovlen = 1};
		int fds[4], n;

		memset(&req, 0, sizeof(req));
		msg.msg_control = cbuf.buf;
		msg.msg_controllen = sizeof(cbuf.buf);
		if (recvmsg(s, &msg, MSG_CMSG_CLOEXEC) != (ssize_t)sizeof(req))
			break;
		n = scm_take_fds(&msg, fds, 4, NULL);
		for (int i = 0; i < n && i < 4; i++)
			close(fds[i]);
		memset(&rsp, 0, sizeof(rsp));
		rsp.magic = OPTEE_SIM_WIRE_MAGIC;
		rsp.version = OPTEE_SIM_WIRE_VERSION;
		rsp.op = req.op;
		rsp.seq = req.seq;
		rsp.session = 1;
		rsp.num_params = req.num_params;
		send_frame(s, &rsp, sizeof(rsp), NULL, 0);
		if (req.op == OPTEE_SIM_OP_LANE && fk->hang_up) {
			usleep(100000);
			break;
		}
	}
	close(s);
	return NULL;
}

/* The client on a lane the daemon fails: an error in bounded time, never a hang. */
static void run_fake_lane(struct fixture *f, bool hang_up, int expect)
{
	struct fake_lane fk = {.hang_up = hang_up};
	struct tee_param p = {.attr = TEE_PARAM_TYPE_VALUE_INOUT};
	struct tee_context *ctx;
	uint32_t session, ret;
	char path[160];
	pthread_t th;

	fk.listen_fd = fake_listen(f, "fake-lane.sock", path, sizeof(path));
	assert_int_equal(pthread_create(&th, NULL, fake_lane_main, &fk), 0);
	assert_int_equal(tee_client_open_sim(path, &ctx), 0);
	tee_client_set_timeout(ctx, 300);
	assert_int_equal(echo_open(ctx, TEE_LOGIN_PUBLIC, &session), 0);
	assert_int_equal(echo_invoke(ctx, session, ECHO_CMD_VALUES, &p, 1, &ret), expect);
	assert_true(tee_client_is_broken(ctx));
	tee_client_close_context(ctx);
	pthread_join(th, NULL);
	close(fk.listen_fd);
	unlink(path);
}

static void test_hostile_daemon_lane(void **state)
{
	struct fixture *f = *state;
	const char *was = getenv("SCMI_TEE_LANE");
	char *saved = was ? strdup(was) : NULL;

	/* The lane whatever make test's second pass asks of the others. */
	setenv("SCMI_TEE_LANE", "1", 1);
	run_fake_lane(f, true, -ECONNRESET);
	run_fake_lane(f, false, -ETIMEDOUT);
	if (saved)
		setenv("SCMI_TEE_LANE", saved, 1);
	else
		unsetenv("SCMI_TEE_LANE");
	free(saved);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_malformed_frames), cmocka_unit_test(test_malformed_after_session),
	    cmocka_unit_test(test_bad_shm_register), cmocka_unit_test(test_static_shm_frames),
	    cmocka_unit_test(test_hostile_daemon),   cmocka_unit_test(test_lane),
	    cmocka_unit_test(test_lane_refused),     cmocka_unit_test(test_hostile_daemon_lane),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
