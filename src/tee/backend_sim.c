// SPDX-License-Identifier: BSD-3-Clause
/*
 * The sim backend: a SOCK_SEQPACKET Unix socket to optee-simd.
 *
 * Theory of operation: each request is one fixed-size struct optee_sim_req
 * packet (an fd in SCM_RIGHTS for SHM_REGISTER) answered by exactly one
 * struct optee_sim_rsp packet (an fd for STATIC_SHM: the region's memory
 * object, mapped by the common code). The context lock
 * guarantees one request in flight, so the next packet must be our reply:
 * anything else is a protocol error. The wait for the reply is bounded by
 * the context timeout; a timeout, a lost peer or a malformed reply breaks
 * the context, because the stream can no longer be trusted to be in step.
 *
 * The fast lane: at the first invoke, unless SCMI_TEE_LANE=0, the backend hands the
 * daemon a sealed memory object holding a struct optee_sim_lane
 * (OPTEE_SIM_OP_LANE); from then on invokes go through it (ipc/lane.h) and
 * everything else through the socket. A daemon that refuses the lane is
 * simply used without it. While it waits on the lane, the backend also
 * watches the socket: the daemon's hang-up, or any frame at all, ends the
 * wait as a lost peer would end a socket wait.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

#include "ipc/lane.h"
#include "ipc/scm_rights.h"
#include "ipc/socket_path.h"
#include "tee/tee_priv.h"

/* The most fds a reply may carry; more are closed by the kernel (MSG_CTRUNC). */
#define SIM_MAX_RX_FDS 4
/* How often a wait on the lane looks at the socket and the deadline. */
#define SIM_LANE_SLICE_MS 20

/**
 * struct sim_state - sim backend state.
 * @sock:   the connection
 * @seq:    sequence number of the last request
 * @lane_tried: the lane was offered (at the first invoke: an open sends nothing)
 * @lane:   the fast lane's block, mapped (NULL: invokes go through the socket)
 * @spin:   our spin budget on the lane
 * @deadline: the current lane wait's end (CLOCK_MONOTONIC ms; 0: none)
 */
struct sim_state {
	int sock;
	uint32_t seq;
	bool lane_tried;
	struct optee_sim_lane *lane;
	struct lane_spin spin;
	int64_t deadline;
};

static int64_t now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static int sim_send(struct sim_state *st, const struct optee_sim_req *req, int fd)
{
	int rc = scm_send_packet(st->sock, req, sizeof(*req), fd);

	return (rc == -EPIPE || rc == -ECONNRESET) ? -ECONNRESET : rc;
}

/* Wait for one reply packet; *@fd gets an fd the reply carried (-1 if none). */
/* The failed call's errno, negative; never 0, which would read as a reply. */
static int neg_errno(void)
{
	int e = errno;

	return e > 0 ? -e : -EIO;
}

static int sim_recv(struct tee_context *ctx, struct sim_state *st, struct optee_sim_rsp *rsp,
		    int *fd)
{
	union {
		char buf[CMSG_SPACE(sizeof(int) * SIM_MAX_RX_FDS)];
		struct cmsghdr align;
	} cbuf;
	uint32_t timeout = tee_context_timeout(ctx);
	int64_t deadline = now_ms() + timeout;
	/* One byte more than a reply, so that an oversized packet shows as such. */
	unsigned char buf[sizeof(*rsp) + 1];

	*fd = -1;
	for (;;) {
		struct pollfd pfd = {.fd = st->sock, .events = POLLIN};
		struct iovec iov = {.iov_base = buf, .iov_len = sizeof(buf)};
		struct msghdr msg = {.msg_iov = &iov, .msg_iovlen = 1};
		int wait = -1;
		ssize_t n;
		int nfds;

		if (timeout) {
			int64_t left = deadline - now_ms();

			if (left <= 0)
				return -ETIMEDOUT;
			wait = left > 1000000 ? 1000000 : (int)left;
		}
		n = poll(&pfd, 1, wait);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return neg_errno();
		if (n == 0)
			continue; /* the deadline check above decides */
		msg.msg_control = cbuf.buf;
		msg.msg_controllen = sizeof(cbuf.buf);
		n = recvmsg(st->sock, &msg, MSG_DONTWAIT | MSG_CMSG_CLOEXEC);
		if (n < 0 && (errno == EINTR || errno == EAGAIN))
			continue;
		if (n < 0)
			return neg_errno();
		nfds = scm_take_fds(&msg, fd, 1, NULL);
		if (n == 0) {
			if (*fd >= 0)
				close(*fd);
			*fd = -1;
			return -ECONNRESET;
		}
		if (n != (ssize_t)sizeof(*rsp) || (msg.msg_flags & (MSG_TRUNC | MSG_CTRUNC)) ||
		    nfds > 1) {
			if (*fd >= 0)
				close(*fd);
			*fd = -1;
			return -EPROTO;
		}
		memcpy(rsp, buf, sizeof(*rsp));
		return 0;
	}
}

/* The daemon's notice that it will not serve us (over its limits, or idle too long). */
static bool sim_is_refusal(const struct optee_sim_rsp *rsp)
{
	return rsp->magic == OPTEE_SIM_WIRE_MAGIC && rsp->version == OPTEE_SIM_WIRE_VERSION &&
	       rsp->op == OPTEE_SIM_OP_REFUSED;
}

/*
 * The peer hung up on us (@rc): the reason may wait in the socket, a refusal it sent as it
 * closed. Linux reports the reset before that frame when our request was still unread at
 * the close, so look twice. The refusal's error if there is one, else @rc.
 */
static int sim_refusal(struct sim_state *st, int rc)
{
	struct optee_sim_rsp rsp;

	for (int i = 0; i < 2; i++) {
		ssize_t n = recv(st->sock, &rsp, sizeof(rsp), MSG_DONTWAIT);

		if (n == (ssize_t)sizeof(rsp) && sim_is_refusal(&rsp) && rsp.err < 0)
			return rsp.err;
		if (n >= 0 || errno != ECONNRESET)
			break;
	}
	return rc;
}

/* While waiting on the lane: the deadline passed, or the socket says the daemon is gone. */
static int sim_lane_check(void *arg)
{
	struct sim_state *st = arg;
	struct pollfd pfd = {.fd = st->sock, .events = POLLIN};

	if (poll(&pfd, 1, 0) > 0)
		return -ECONNRESET; /* a hang-up, or a refusal in its place */
	if (st->deadline && now_ms() >= st->deadline)
		return -ETIMEDOUT;
	return 0;
}

/* One invoke through the lane: post the request, wait for the daemon's reply. */
static int sim_lane_exchange(struct tee_context *ctx, struct sim_state *st,
			     const struct optee_sim_req *req, struct optee_sim_rsp *rsp)
{
	struct optee_sim_lane *l = st->lane;
	uint32_t timeout = tee_context_timeout(ctx);
	int rc;

	st->deadline = timeout ? now_ms() + timeout : 0;
	memcpy(&l->req, req, sizeof(*req));
	lane_post(&l->state, &l->daemon_waits, OPTEE_SIM_LANE_REQ);
	rc = lane_await(&l->state, &l->client_waits, OPTEE_SIM_LANE_RSP, &st->spin,
			SIM_LANE_SLICE_MS, sim_lane_check, st);
	if (rc)
		return rc;
	memcpy(rsp, &l->rsp, sizeof(*rsp));
	__atomic_store_n(&l->state, OPTEE_SIM_LANE_IDLE, __ATOMIC_RELEASE);
	return 0;
}

/*
 * One request/reply exchange. @fd_out (may be NULL) receives an fd the reply
 * carried; an fd on a reply that should have none is closed. Transport
 * failures break the context.
 */
static int sim_call(struct tee_context *ctx, struct optee_sim_req *req, int fd_in,
		    struct optee_sim_rsp *rsp, int *fd_out)
{
	struct sim_state *st = ctx->priv;
	int fd = -1;
	int rc;

	memset(rsp, 0, sizeof(*rsp)); /* a failed exchange leaves no stale reply behind */
	req->magic = OPTEE_SIM_WIRE_MAGIC;
	req->version = OPTEE_SIM_WIRE_VERSION;
	req->seq = ++st->seq;
	if (st->lane && req->op == OPTEE_SIM_OP_INVOKE) {
		rc = sim_lane_exchange(ctx, st, req, rsp);
	} else {
		rc = sim_send(st, req, fd_in);
		if (!rc)
			rc = sim_recv(ctx, st, rsp, &fd);
	}
	if (rc == -ECONNRESET)
		rc = sim_refusal(st, rc);
	if (!rc && sim_is_refusal(rsp))
		rc = rsp->err < 0 ? rsp->err : -ECONNRESET;
	else if (!rc && (rsp->magic != OPTEE_SIM_WIRE_MAGIC ||
			 rsp->version != OPTEE_SIM_WIRE_VERSION || rsp->op != req->op ||
			 rsp->seq != req->seq || rsp->num_params > OPTEE_SIM_WIRE_MAX_PARAMS))
		rc = -EPROTO;
	if (rc) {
		if (fd >= 0)
			close(fd);
		tee_context_mark_broken(ctx);
		return rc;
	}
	if (fd_out)
		*fd_out = fd;
	else if (fd >= 0)
		close(fd);
	return 0;
}

/* The TEE's verdict in a well-formed reply: a positive err is not a valid errno. */
static int sim_verdict(const struct optee_sim_rsp *rsp)
{
	return rsp->err > 0 ? -EPROTO : rsp->err;
}

/* An exchange whose reply carries only a verdict. */
static int sim_call_simple(struct tee_context *ctx, struct optee_sim_req *req)
{
	struct optee_sim_rsp rsp;
	int rc;

	rc = sim_call(ctx, req, -1, &rsp, NULL);
	return rc ? rc : sim_verdict(&rsp);
}

/*
 * A param-carrying exchange (open session, invoke): send @params, and on
 * success copy the outputs back; the reply's count must match the request.
 */
static int sim_call_params(struct tee_context *ctx, struct optee_sim_req *req,
			   struct tee_ioctl_param *params, size_t num_params,
			   struct optee_sim_rsp *rsp)
{
	int rc;

	req->num_params = (uint32_t)num_params;
	memcpy(req->params, params, sizeof(*params) * num_params);
	rc = sim_call(ctx, req, -1, rsp, NULL);
	if (rc)
		return rc;
	if (rsp->err)
		return sim_verdict(rsp);
	if (rsp->num_params != num_params) {
		tee_context_mark_broken(ctx);
		return -EPROTO;
	}
	memcpy(params, rsp->params, sizeof(*params) * num_params);
	return 0;
}

static int sim_open_session(struct tee_context *ctx, struct tee_open_session_arg *arg,
			    struct tee_ioctl_param *params, size_t num_params)
{
	struct optee_sim_req req = {.op = OPTEE_SIM_OP_OPEN_SESSION};
	struct optee_sim_rsp rsp;
	int rc;

	memcpy(req.uuid, arg->uuid, sizeof(req.uuid));
	req.login = arg->clnt_login;
	rc = sim_call_params(ctx, &req, params, num_params, &rsp);
	if (rc)
		return rc;
	arg->session = rsp.session;
	arg->ret = rsp.ret;
	arg->ret_origin = rsp.ret_origin;
	return 0;
}

/*
 * Offer the daemon a fast lane (unless SCMI_TEE_LANE=0). A daemon that refuses it is used
 * without; only a failed exchange (the context broken) fails the open.
 */
static int sim_lane_open(struct tee_context *ctx, struct sim_state *st)
{
	const char *env = getenv("SCMI_TEE_LANE");
	struct optee_sim_req req = {.op = OPTEE_SIM_OP_LANE, .shm_size = sizeof(*st->lane)};
	struct optee_sim_rsp rsp;
	void *addr;
	int fd, rc;

	if (env && !strcmp(env, "0"))
		return 0;
	fd = memfd_create("scmi-tee-lane", MFD_CLOEXEC | MFD_ALLOW_SEALING);
	if (fd < 0)
		return 0;
	if (ftruncate(fd, sizeof(*st->lane)) ||
	    fcntl(fd, F_ADD_SEALS, F_SEAL_SHRINK | F_SEAL_GROW | F_SEAL_SEAL)) {
		close(fd);
		return 0;
	}
	addr = mmap(NULL, sizeof(*st->lane), PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	if (addr == MAP_FAILED) {
		close(fd);
		return 0;
	}
	rc = sim_call(ctx, &req, fd, &rsp, NULL);
	close(fd);
	if (rc || rsp.err) {
		munmap(addr, sizeof(*st->lane));
		return rc;
	}
	st->lane = addr;
	lane_spin_init(&st->spin);
	return 0;
}

static int sim_invoke(struct tee_context *ctx, struct tee_invoke_arg *arg,
		      struct tee_ioctl_param *params, size_t num_params)
{
	struct sim_state *st = ctx->priv;
	struct optee_sim_req req = {.op = OPTEE_SIM_OP_INVOKE};
	struct optee_sim_rsp rsp;
	int rc;

	if (!st->lane_tried) {
		st->lane_tried = true;
		rc = sim_lane_open(ctx, st);
		if (rc)
			return rc;
	}
	req.func = arg->func;
	req.session = arg->session;
	rc = sim_call_params(ctx, &req, params, num_params, &rsp);
	if (rc)
		return rc;
	arg->ret = rsp.ret;
	arg->ret_origin = rsp.ret_origin;
	return 0;
}

static int sim_close_session(struct tee_context *ctx, uint32_t session)
{
	struct optee_sim_req req = {.op = OPTEE_SIM_OP_CLOSE_SESSION, .session = session};

	return sim_call_simple(ctx, &req);
}

static int sim_shm_register(struct tee_context *ctx, int fd, void *addr, size_t size)
{
	struct optee_sim_req req = {.op = OPTEE_SIM_OP_SHM_REGISTER, .shm_size = size};
	struct optee_sim_rsp rsp;
	int rc;

	(void)addr;
	rc = sim_call(ctx, &req, fd, &rsp, NULL);
	if (rc)
		return rc;
	if (rsp.err)
		return sim_verdict(&rsp);
	if (rsp.shm_id < 0) {
		tee_context_mark_broken(ctx);
		return -EPROTO;
	}
	return rsp.shm_id;
}

static int sim_shm_release(struct tee_context *ctx, int id)
{
	struct optee_sim_req req = {.op = OPTEE_SIM_OP_SHM_RELEASE, .shm_id = id};

	return sim_call_simple(ctx, &req);
}

static int sim_static_shm(struct tee_context *ctx, uint32_t session, uint64_t addr, uint64_t size,
			  struct tee_static_region *out)
{
	struct optee_sim_req req = {.op = OPTEE_SIM_OP_STATIC_SHM};
	struct optee_sim_rsp rsp;
	struct stat sb;
	int seals;
	int fd = -1;
	int rc;

	req.session = session;
	req.shm_addr = addr;
	req.shm_size = size;
	rc = sim_call(ctx, &req, -1, &rsp, &fd);
	if (rc)
		return rc;
	if (rsp.err) {
		if (fd >= 0)
			close(fd);
		return sim_verdict(&rsp);
	}
	if (fd < 0 || !rsp.static_size || rsp.static_size > SIZE_MAX)
		goto err_broken;
	/*
	 * Mapping past the object's end would SIGBUS on first touch, and so would an object
	 * its other holders may still shrink: take only a sealed one of the size claimed.
	 */
	seals = fcntl(fd, F_GET_SEALS);
	if (fstat(fd, &sb) || !S_ISREG(sb.st_mode) || (uint64_t)sb.st_size < rsp.static_size ||
	    seals < 0 || !(seals & F_SEAL_SHRINK))
		goto err_broken;
	out->fd = fd;
	out->addr = NULL;
	out->base = rsp.static_base;
	out->size = (size_t)rsp.static_size;
	return 0;

err_broken:
	if (fd >= 0)
		close(fd);
	tee_context_mark_broken(ctx);
	return -EPROTO;
}

static void sim_close(struct tee_context *ctx)
{
	struct sim_state *st = ctx->priv;

	if (st->lane)
		munmap(st->lane, sizeof(*st->lane));
	close(st->sock);
	free(st);
}

static const struct tee_backend_ops sim_ops = {
    .open_session = sim_open_session,
    .invoke = sim_invoke,
    .close_session = sim_close_session,
    .shm_register = sim_shm_register,
    .shm_release = sim_shm_release,
    .static_shm = sim_static_shm,
    .close = sim_close,
};

/* Connect to the server at @path, which must run as us, root or @also; nothing is sent. */
static int sim_connect(const char *path, uid_t also, int *out)
{
	struct sockaddr_un sa = {.sun_family = AF_UNIX};
	uid_t server;
	int s, rc;

	if (strlen(path) >= sizeof(sa.sun_path))
		return -ENAMETOOLONG;
	memcpy(sa.sun_path, path, strlen(path) + 1);
	s = socket(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0);
	if (s < 0)
		return -errno;
	do {
		rc = connect(s, (struct sockaddr *)&sa, sizeof(sa));
	} while (rc < 0 && errno == EINTR);
	if (rc < 0) {
		rc = -errno;
		goto err_close;
	}
	/*
	 * Anyone may have bound that name (a world-writable directory, a stale path): an
	 * impostor would get our shared memory and feed us its replies. Ask the kernel who
	 * listens before a byte goes out.
	 */
	rc = ipc_peer_uid(s, &server);
	if (rc)
		goto err_close;
	if (!ipc_server_trusted(server, also)) {
		rc = -EPERM;
		goto err_close;
	}
	*out = s;
	return 0;

err_close:
	close(s);
	return rc;
}

static int sim_open(const char *socket_path, uid_t also, struct tee_context **ctx)
{
	char path[sizeof(((struct sockaddr_un *)0)->sun_path)];
	char dir[sizeof(path)];
	struct sim_state *st;
	int rc;

	if (!ctx)
		return -EINVAL;
	if (!socket_path) {
		char why[160];

		rc = ipc_default_socket(path, sizeof(path), dir);
		if (rc)
			return rc;
		/* Only our own private directory: never a squatter's. */
		if (dir[0]) {
			rc = ipc_private_dir(dir, geteuid(), false, why, sizeof(why));
			if (rc)
				return rc;
		}
		socket_path = path;
	}
	if (!socket_path[0])
		return -EINVAL;
	st = calloc(1, sizeof(*st));
	if (!st)
		return -ENOMEM;
	rc = sim_connect(socket_path, also, &st->sock);
	if (rc)
		goto err_free;
	rc = tee_context_new(&sim_ops, st, ctx);
	if (rc)
		goto err_close;
	return 0;

err_close:
	close(st->sock);
err_free:
	free(st);
	return rc;
}

int tee_client_open_sim(const char *socket_path, struct tee_context **ctx)
{
	return sim_open(socket_path, (uid_t)-1, ctx);
}

int tee_client_open_sim_uid(const char *socket_path, uid_t server_uid, struct tee_context **ctx)
{
	return sim_open(socket_path, server_uid, ctx);
}
