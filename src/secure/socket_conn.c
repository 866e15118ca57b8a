// SPDX-License-Identifier: BSD-3-Clause
/*
 * One connection of the socket server (socket_server.c): its thread reads one request
 * packet, calls the core, and writes one reply, until the peer goes away or sends a
 * malformed frame (then only that connection is closed). A connection whose client has no
 * session waits for a request at most idle_timeout_ms, then is refused.
 *
 * Registered shared memory is the client's memfd mapped here MAP_SHARED.
 * It must carry F_SEAL_SHRINK: otherwise the client could truncate it and
 * the PTA's next touch would SIGBUS the whole daemon.
 *
 * The fast lane (OPTEE_SIM_OP_LANE, scmi/proto/tee_wire.h): a connection may
 * hand over one more sealed memory object, a struct optee_sim_lane, and a
 * lane thread then serves the invokes posted there, while the connection
 * thread goes on serving the socket. The core serves a client from one
 * thread at a time, so both take the connection's core_lock around it. The
 * lane thread copies each request out of the shared block before checking
 * it, and a malformed one gets -EPROTO in its reply. The connection thread
 * stops the lane thread (a private flag, the state word changed, a wake-up)
 * and joins it before the client is freed.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ipc/lane.h"
#include "ipc/scm_rights.h"
#include "secure/socket_server_priv.h"

/* Room for more fds than any valid frame carries, to see (and close) extras. */
#define SRV_MAX_RX_FDS 8
/* How long a sleeping lane thread goes before it looks at its stop flag anyway. */
#define SRV_LANE_SLICE_MS 100
/* Written into a lane's state word to end its thread's wait: no state a client posts. */
#define SRV_LANE_STOPPED 0x57u

static void close_fds(int *fds, int n)
{
	int i;

	for (i = 0; i < n; i++)
		close(fds[i]);
}

/*
 * Read one frame. Returns 1 with a valid request (and *@fd its fd for
 * SHM_REGISTER), 0 at the end of the connection, or -1 for a malformed frame
 * (*@why says what). Every other received fd is closed.
 */
static int conn_read(struct srv_conn *c, struct optee_sim_req *req, int *fd, const char **why)
{
	union {
		char buf[CMSG_SPACE(sizeof(int) * SRV_MAX_RX_FDS)];
		struct cmsghdr align;
	} cbuf;
	unsigned char buf[sizeof(*req) + 1];
	struct iovec iov = {.iov_base = buf, .iov_len = sizeof(buf)};
	struct msghdr msg = {.msg_iov = &iov, .msg_iovlen = 1};
	int fds[SRV_MAX_RX_FDS];
	bool foreign = false, takes_fd;
	int nfds;
	ssize_t n;

	*fd = -1;
	msg.msg_control = cbuf.buf;
	msg.msg_controllen = sizeof(cbuf.buf);
	do {
		n = recvmsg(c->fd, &msg, MSG_CMSG_CLOEXEC);
	} while (n < 0 && errno == EINTR);
	if (n <= 0)
		return 0;
	/* Past SRV_MAX_RX_FDS the helper closes them; the kernel truncates first anyway. */
	nfds = scm_take_fds(&msg, fds, SRV_MAX_RX_FDS, &foreign);
	if (nfds > SRV_MAX_RX_FDS)
		nfds = SRV_MAX_RX_FDS;

	*why = NULL;
	if (n != (ssize_t)sizeof(*req) || (msg.msg_flags & MSG_TRUNC))
		*why = "wrong size";
	else if (msg.msg_flags & MSG_CTRUNC)
		*why = "too many fds";
	else if (foreign)
		*why = "unexpected control message";
	if (*why)
		goto bad;
	memcpy(req, buf, sizeof(*req));
	takes_fd = req->op == OPTEE_SIM_OP_SHM_REGISTER || req->op == OPTEE_SIM_OP_LANE;
	if (req->magic != OPTEE_SIM_WIRE_MAGIC)
		*why = "bad magic";
	else if (req->version != OPTEE_SIM_WIRE_VERSION)
		*why = "bad version";
	else if (req->op < OPTEE_SIM_OP_OPEN_SESSION || req->op > OPTEE_SIM_OP_LANE)
		*why = "unknown op";
	else if (req->num_params > OPTEE_SIM_WIRE_MAX_PARAMS)
		*why = "too many params";
	else if (takes_fd && nfds != 1)
		*why = "SHM_REGISTER or LANE without exactly one fd";
	else if (!takes_fd && nfds)
		*why = "fd on a request that takes none";
	if (*why)
		goto bad;
	if (nfds)
		*fd = fds[0];
	return 1;

bad:
	close_fds(fds, nfds);
	return -1;
}

static void shm_unmap(void *arg, void *addr, size_t size)
{
	(void)arg;
	munmap(addr, size);
}

/*
 * Map @size bytes of the client's memory object @fd. It must be a regular file of at least
 * that size that can never shrink: otherwise the client could truncate it and our next touch
 * would SIGBUS the whole daemon. 0 or -errno.
 */
static int map_client_memory(int fd, uint64_t size, void **out)
{
	struct stat st;
	void *addr;
	int seals;

	*out = NULL;
	if (fstat(fd, &st))
		return errno ? -errno : -EIO;
	if (!S_ISREG(st.st_mode) || (uint64_t)st.st_size < size)
		return -EINVAL;
	seals = fcntl(fd, F_GET_SEALS);
	if (seals < 0 || !(seals & F_SEAL_SHRINK))
		return -EINVAL;
	addr = mmap(NULL, (size_t)size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	if (addr == MAP_FAILED)
		return errno ? -errno : -ENOMEM;
	*out = addr;
	return 0;
}

static int do_shm_register(struct optee_sim_client *client, const struct optee_sim_req *req, int fd)
{
	void *addr;
	int id;

	if (!req->shm_size || req->shm_size > OPTEE_SIM_SERVER_MAX_SHM_BYTES)
		return -EINVAL;
	id = map_client_memory(fd, req->shm_size, &addr);
	if (id)
		return id;
	id = optee_sim_shm_register(client, addr, (size_t)req->shm_size, shm_unmap, NULL);
	if (id < 0)
		munmap(addr, (size_t)req->shm_size);
	return id;
}

/* Carry out @req for client @cl; the reply goes in @rsp, a reply fd in *@rsp_fd. */
static void conn_handle(struct optee_sim_client *cl, const struct optee_sim_req *req, int fd,
			struct optee_sim_rsp *rsp, int *rsp_fd)
{
	struct tee_ioctl_param params[OPTEE_SIM_WIRE_MAX_PARAMS];
	int rc = 0;

	memcpy(params, req->params, sizeof(params));
	switch (req->op) {
	case OPTEE_SIM_OP_OPEN_SESSION: {
		struct tee_open_session_arg arg = {.clnt_login = req->login};

		memcpy(arg.uuid, req->uuid, sizeof(arg.uuid));
		rc = optee_sim_open_session(cl, &arg, params, req->num_params);
		if (!rc) {
			rsp->session = arg.session;
			rsp->ret = arg.ret;
			rsp->ret_origin = arg.ret_origin;
		}
		break;
	}
	case OPTEE_SIM_OP_INVOKE: {
		struct tee_invoke_arg arg = {.func = req->func, .session = req->session};

		rc = optee_sim_invoke(cl, &arg, params, req->num_params);
		if (!rc) {
			rsp->ret = arg.ret;
			rsp->ret_origin = arg.ret_origin;
		}
		break;
	}
	case OPTEE_SIM_OP_CLOSE_SESSION:
		rc = optee_sim_close_session(cl, req->session);
		break;
	case OPTEE_SIM_OP_SHM_REGISTER:
		rc = do_shm_register(cl, req, fd);
		if (rc >= 0) {
			rsp->shm_id = rc;
			rc = 0;
		}
		break;
	case OPTEE_SIM_OP_SHM_RELEASE:
		rc = optee_sim_shm_release(cl, req->shm_id);
		break;
	case OPTEE_SIM_OP_STATIC_SHM: {
		struct optee_sim_static_region r;

		rc = optee_sim_static_shm(cl, req->session, req->shm_addr, req->shm_size, &r);
		if (!rc) {
			*rsp_fd = r.fd;
			rsp->static_base = r.base;
			rsp->static_size = r.size;
		}
		break;
	}
	}
	rsp->err = rc > 0 ? -EIO : rc;
	if (!rc && (req->op == OPTEE_SIM_OP_OPEN_SESSION || req->op == OPTEE_SIM_OP_INVOKE)) {
		rsp->num_params = req->num_params;
		memcpy(rsp->params, params, sizeof(params));
	}
}

static int conn_send(struct srv_conn *c, const struct optee_sim_rsp *rsp, int fd)
{
	return scm_send_packet(c->fd, rsp, sizeof(*rsp), fd) ? -1 : 0;
}

/* Whether a request (or the end of the connection) comes within the idle timeout. */
static bool conn_wait(struct srv_conn *c)
{
	struct pollfd pfd = {.fd = c->fd, .events = POLLIN};
	int64_t deadline = now_ms() + c->srv->cfg.idle_timeout_ms;
	int64_t left;
	int n;

	while ((left = deadline - now_ms()) > 0) {
		n = poll(&pfd, 1, left > 60000 ? 60000 : (int)left);
		if (n > 0 || (n < 0 && errno != EINTR))
			return true; /* conn_read says which */
	}
	return false;
}

/* A reply to @req with the echoed header and no verdict yet. */
static void rsp_init(struct optee_sim_rsp *rsp, const struct optee_sim_req *req)
{
	memset(rsp, 0, sizeof(*rsp));
	rsp->magic = OPTEE_SIM_WIRE_MAGIC;
	rsp->version = OPTEE_SIM_WIRE_VERSION;
	rsp->op = req->op;
	rsp->seq = req->seq;
}

static int lane_stopping(void *arg)
{
	struct srv_conn *c = arg;

	return __atomic_load_n(&c->lane_stop, __ATOMIC_ACQUIRE) ? -ECANCELED : 0;
}

static void *lane_main(void *arg)
{
	struct srv_conn *c = arg;
	struct optee_sim_lane *l = c->lane;
	struct lane_spin spin;

	lane_spin_init(&spin);
	while (!lane_await(&l->state, &l->daemon_waits, OPTEE_SIM_LANE_REQ, &spin,
			   SRV_LANE_SLICE_MS, lane_stopping, c) &&
	       !lane_stopping(c)) {
		struct optee_sim_req req;
		struct optee_sim_rsp rsp;
		int rsp_fd = -1;

		/* The client can change the block at any time: check and use our copy only. */
		memcpy(&req, &l->req, sizeof(req));
		rsp_init(&rsp, &req);
		if (req.magic != OPTEE_SIM_WIRE_MAGIC || req.version != OPTEE_SIM_WIRE_VERSION ||
		    req.op != OPTEE_SIM_OP_INVOKE || req.num_params > OPTEE_SIM_WIRE_MAX_PARAMS) {
			rsp.err = -EPROTO;
		} else {
			pthread_mutex_lock(&c->core_lock);
			conn_handle(c->cl, &req, -1, &rsp, &rsp_fd);
			pthread_mutex_unlock(&c->core_lock);
		}
		memcpy(&l->rsp, &rsp, sizeof(rsp));
		lane_post(&l->state, &l->client_waits, OPTEE_SIM_LANE_RSP);
	}
	return NULL;
}

/* OPTEE_SIM_OP_LANE: map the client's block and start serving it. 0 or -errno. */
static int conn_lane_start(struct srv_conn *c, const struct optee_sim_req *req, int fd)
{
	void *addr;
	int rc;

	if (c->lane)
		return -EBUSY;
	if (req->shm_size != sizeof(struct optee_sim_lane))
		return -EINVAL;
	rc = map_client_memory(fd, req->shm_size, &addr);
	if (rc)
		return rc;
	c->lane = addr;
	__atomic_store_n(&c->lane_stop, 0, __ATOMIC_RELAXED);
	rc = pthread_create(&c->lane_thread, NULL, lane_main, c);
	if (rc) {
		munmap(addr, sizeof(struct optee_sim_lane));
		c->lane = NULL;
		return -rc;
	}
	return 0;
}

static void conn_lane_stop(struct srv_conn *c)
{
	if (!c->lane)
		return;
	__atomic_store_n(&c->lane_stop, 1, __ATOMIC_RELEASE);
	__atomic_store_n(&c->lane->state, SRV_LANE_STOPPED, __ATOMIC_SEQ_CST);
	lane_wake(&c->lane->state);
	pthread_join(c->lane_thread, NULL);
	munmap(c->lane, sizeof(struct optee_sim_lane));
	c->lane = NULL;
}

void *socket_conn_main(void *arg)
{
	struct srv_conn *c = arg;
	struct optee_sim_server *srv = c->srv;
	struct optee_sim_client *cl;

	cl = optee_sim_client_new(srv->core, &c->cred);
	c->cl = cl;
	if (!cl) {
		fprintf(stderr, "optee-simd: pid %d: out of memory, closing connection\n",
			(int)c->pid);
		goto out;
	}
	for (;;) {
		struct optee_sim_req req;
		struct optee_sim_rsp rsp;
		const char *why = NULL;
		int rsp_fd = -1;
		int fd;
		int r;

		if (!optee_sim_client_sessions(cl) && !conn_wait(c)) {
			socket_server_refuse(c->fd, -ETIMEDOUT);
			socket_server_log(
			    srv, "pid %d uid %u: no session for %u ms, closing connection",
			    (int)c->pid, (unsigned int)c->cred.uid, srv->cfg.idle_timeout_ms);
			break;
		}
		r = conn_read(c, &req, &fd, &why);
		if (r == 0)
			break;
		if (r < 0) {
			socket_server_log(srv, "pid %d: malformed frame (%s), closing connection",
					  (int)c->pid, why);
			break;
		}
		rsp_init(&rsp, &req);
		if (req.op == OPTEE_SIM_OP_LANE) {
			rsp.err = conn_lane_start(c, &req, fd);
		} else {
			pthread_mutex_lock(&c->core_lock);
			conn_handle(cl, &req, fd, &rsp, &rsp_fd);
			pthread_mutex_unlock(&c->core_lock);
		}
		if (fd >= 0)
			close(fd);
		/* rsp_fd is a static region's fd: lent by the core, not ours to close. */
		if (conn_send(c, &rsp, rsp_fd))
			break;
	}
	conn_lane_stop(c);
	optee_sim_client_free(cl);
out:
	if (!srv->cfg.quiet)
		socket_server_log(srv, "client pid %d uid %u disconnected", (int)c->pid,
				  (unsigned int)c->cred.uid);
	/* Close now, not at reap time: under the lock, so stop never shuts down a reused fd. */
	pthread_mutex_lock(&srv->lock);
	close(c->fd);
	c->fd = -1;
	c->done = true;
	pthread_mutex_unlock(&srv->lock);
	socket_server_wake(srv);
	return NULL;
}

void socket_conn_destroy(struct srv_conn *c)
{
	pthread_join(c->thread, NULL);
	pthread_mutex_destroy(&c->core_lock);
	free(c);
}
