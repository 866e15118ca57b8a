// SPDX-License-Identifier: BSD-3-Clause
/*
 * The socket server of the emulated TEE.
 *
 * Theory of operation: an accept thread polls the listening socket and a
 * wake pipe. Each accepted connection gets an optee_sim_client whose
 * credentials come from SO_PEERCRED, and a thread that reads one request
 * packet, calls the core, and writes one reply, until the peer goes away or
 * sends a malformed frame (then only that connection is closed). A finished
 * connection thread pokes the wake pipe so the accept thread joins and frees
 * it; stop shuts every connection socket down (which wakes its blocked
 * recvmsg), joins all threads and removes the socket file. A connection
 * thread closes its own socket under the server lock as it finishes, and
 * stop shuts sockets down under that lock, so shutdown() never hits a
 * reused descriptor.
 *
 * Registered shared memory is the client's memfd mapped here MAP_SHARED.
 * It must carry F_SEAL_SHRINK: otherwise the client could truncate it and
 * the PTA's next touch would SIGBUS the whole daemon.
 *
 * Admission: the accept thread counts live connections per peer. Peers not
 * trusted with the kernel login may hold max_per_uid each and half of
 * max_clients together, so that any number of them, from any number of uids,
 * leaves room for trusted peers. A refused peer gets one OPTEE_SIM_OP_REFUSED
 * frame, sent without blocking (a peer that never reads must not stall the
 * accept thread), and is closed. A connection thread whose client has no
 * session waits for a request at most idle_timeout_ms, then refuses likewise.
 * Refusals, malformed frames and connection events go through one rate
 * limiter: a peer connecting in a loop cannot flood the log.
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
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

#include "secure/socket_server.h"
#include "secure/unix_path.h"
#include "ipc/lane.h"
#include "ipc/scm_rights.h"

/* Room for more fds than any valid frame carries, to see (and close) extras. */
#define SRV_MAX_RX_FDS 8
/* How long a sleeping lane thread goes before it looks at its stop flag anyway. */
#define SRV_LANE_SLICE_MS 100
/* Written into a lane's state word to end its thread's wait: no state a client posts. */
#define SRV_LANE_STOPPED 0x57u

/* Log lines of connection events and refusals per second; the rest are counted. */
#define SRV_LOG_LINES_PER_S 5u

/**
 * struct srv_conn - one client connection.
 * @srv:    the server
 * @fd:     the connection socket; -1 once the thread closed it (under srv->lock)
 * @thread: serves it
 * @done:   the thread has finished (read under srv->lock)
 * @cred:   the peer's credentials and trust
 * @pid:    the peer's pid, for logs
 * @core_lock: held around every call into the core for @cl (the two threads share it)
 * @cl:     the core's client (set by the connection thread before the lane thread starts)
 * @lane:   the fast lane's block, mapped; NULL until the client hands one over
 * @lane_thread: serves @lane
 * @lane_stop: set (atomically) to end @lane_thread
 * @next:   list link
 */
struct srv_conn {
	struct optee_sim_server *srv;
	int fd;
	pthread_t thread;
	bool done;
	struct optee_sim_cred cred;
	pid_t pid;
	pthread_mutex_t core_lock;
	struct optee_sim_client *cl;
	struct optee_sim_lane *lane;
	pthread_t lane_thread;
	int lane_stop;
	struct srv_conn *next;
};

/**
 * struct optee_sim_server - a running server.
 * @core:      the TEE core served
 * @cfg:       the config (arrays copied)
 * @path:      the socket path
 * @listen_fd: the listening socket
 * @sock_ino:  inode of the socket we bound, so stop unlinks only our own file
 * @wake:      pipe waking the accept thread (stop, or a connection finished)
 * @accept_thread: the accept loop
 * @lock:      protects @conns, @nconns and @stopping
 * @conns:     live connections
 * @nconns:    entries in @conns
 * @stopping:  stop was asked
 * @log_lock:  protects the rate limiter: @log_window, @log_lines, @log_dropped
 * @log_window: start of the current second of logging (CLOCK_MONOTONIC ms)
 * @log_lines: lines logged in it
 * @log_dropped: lines not logged since the last one that was
 */
struct optee_sim_server {
	struct optee_sim_core *core;
	struct optee_sim_server_config cfg;
	char path[sizeof(((struct sockaddr_un *)0)->sun_path)];
	int listen_fd;
	ino_t sock_ino;
	int wake[2];
	pthread_t accept_thread;
	pthread_mutex_t lock;
	struct srv_conn *conns;
	unsigned int nconns;
	bool stopping;
	pthread_mutex_t log_lock;
	int64_t log_window;
	unsigned int log_lines;
	unsigned long log_dropped;
};

static int64_t now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/*
 * One line to stderr, at most SRV_LOG_LINES_PER_S a second; what is dropped is counted and
 * reported with the next line that goes out (or at stop).
 */
static void srv_log(struct optee_sim_server *srv, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static void srv_log(struct optee_sim_server *srv, const char *fmt, ...)
{
	int64_t now = now_ms();
	va_list ap;

	pthread_mutex_lock(&srv->log_lock);
	if (now - srv->log_window >= 1000) {
		srv->log_window = now;
		srv->log_lines = 0;
	}
	if (srv->log_lines == SRV_LOG_LINES_PER_S) {
		srv->log_dropped++;
		pthread_mutex_unlock(&srv->log_lock);
		return;
	}
	srv->log_lines++;
	if (srv->log_dropped) {
		fprintf(stderr, "optee-simd: (%lu log lines dropped: more than %u a second)\n",
			srv->log_dropped, SRV_LOG_LINES_PER_S);
		srv->log_dropped = 0;
	}
	fputs("optee-simd: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	pthread_mutex_unlock(&srv->log_lock);
}

/* Tell the peer on @fd we will not serve it (@err), without ever blocking on it. */
static void send_refusal(int fd, int err)
{
	struct optee_sim_rsp rsp;

	memset(&rsp, 0, sizeof(rsp));
	rsp.magic = OPTEE_SIM_WIRE_MAGIC;
	rsp.version = OPTEE_SIM_WIRE_VERSION;
	rsp.op = OPTEE_SIM_OP_REFUSED;
	rsp.err = err;
	/* Best effort: a peer that cannot take one frame learns it from the hang-up. */
	(void)!send(fd, &rsp, sizeof(rsp), MSG_DONTWAIT | MSG_NOSIGNAL);
}

static void srv_wake(struct optee_sim_server *srv)
{
	char c = 1;

	/* Non-blocking: a full pipe already means "wake up". */
	if (write(srv->wake[1], &c, 1) < 0 && errno != EAGAIN)
		fprintf(stderr, "optee-simd: wake pipe: %s\n", strerror(errno));
}

static bool srv_trusts(const struct optee_sim_server *srv, uid_t uid, gid_t gid)
{
	size_t i;

	if (srv->cfg.trust_none)
		return false;
	if (uid == geteuid())
		return true;
	for (i = 0; i < srv->cfg.num_kernel_uids; i++)
		if (srv->cfg.kernel_uids[i] == uid)
			return true;
	for (i = 0; i < srv->cfg.num_kernel_gids; i++)
		if (srv->cfg.kernel_gids[i] == gid)
			return true;
	return false;
}

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

static void *conn_main(void *arg)
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
			send_refusal(c->fd, -ETIMEDOUT);
			srv_log(srv, "pid %d uid %u: no session for %u ms, closing connection",
				(int)c->pid, (unsigned int)c->cred.uid, srv->cfg.idle_timeout_ms);
			break;
		}
		r = conn_read(c, &req, &fd, &why);
		if (r == 0)
			break;
		if (r < 0) {
			srv_log(srv, "pid %d: malformed frame (%s), closing connection",
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
		srv_log(srv, "client pid %d uid %u disconnected", (int)c->pid,
			(unsigned int)c->cred.uid);
	/* Close now, not at reap time: under the lock, so stop never shuts down a reused fd. */
	pthread_mutex_lock(&srv->lock);
	close(c->fd);
	c->fd = -1;
	c->done = true;
	pthread_mutex_unlock(&srv->lock);
	srv_wake(srv);
	return NULL;
}

static void conn_destroy(struct srv_conn *c)
{
	pthread_join(c->thread, NULL);
	pthread_mutex_destroy(&c->core_lock);
	free(c);
}

/* Join and free finished connections. */
static void srv_reap(struct optee_sim_server *srv)
{
	struct srv_conn *done = NULL, **pp, *c;

	pthread_mutex_lock(&srv->lock);
	for (pp = &srv->conns; (c = *pp);) {
		if (c->done) {
			*pp = c->next;
			c->next = done;
			done = c;
			srv->nconns--;
		} else {
			pp = &c->next;
		}
	}
	pthread_mutex_unlock(&srv->lock);
	while (done) {
		c = done;
		done = c->next;
		conn_destroy(c);
	}
}

/*
 * Why a new connection of @uc (@trusted or not) must be refused, into @why; false if it may
 * be served. Lock held.
 */
static bool srv_over_limit(struct optee_sim_server *srv, const struct ucred *uc, bool trusted,
			   char *why, size_t why_len)
{
	unsigned int max = srv->cfg.max_clients, all = 0, untrusted = 0, mine = 0;
	const struct srv_conn *c;

	for (c = srv->conns; c; c = c->next) {
		if (c->done)
			continue;
		all++;
		if (!c->cred.kernel_login_allowed) {
			untrusted++;
			mine += c->cred.uid == uc->uid;
		}
	}
	if (all >= max) {
		snprintf(why, why_len, "%u connections already", all);
		return true;
	}
	if (trusted)
		return false;
	if (mine >= srv->cfg.max_per_uid) {
		snprintf(why, why_len, "uid %u holds %u connections already", (unsigned int)uc->uid,
			 mine);
		return true;
	}
	if (untrusted >= max / 2) {
		snprintf(why, why_len, "untrusted peers hold %u of %u connections already",
			 untrusted, max);
		return true;
	}
	return false;
}

static void srv_accept_one(struct optee_sim_server *srv)
{
	struct ucred uc;
	socklen_t len = sizeof(uc);
	struct srv_conn *c;
	char why[96];
	bool trusted;
	int fd;

	fd = accept4(srv->listen_fd, NULL, NULL, SOCK_CLOEXEC);
	if (fd < 0) {
		if (errno != EINTR && errno != EAGAIN && errno != ECONNABORTED)
			fprintf(stderr, "optee-simd: accept: %s\n", strerror(errno));
		return;
	}
	if (getsockopt(fd, SOL_SOCKET, SO_PEERCRED, &uc, &len)) {
		fprintf(stderr, "optee-simd: SO_PEERCRED: %s\n", strerror(errno));
		close(fd);
		return;
	}
	trusted = srv_trusts(srv, uc.uid, uc.gid);
	pthread_mutex_lock(&srv->lock);
	if (srv_over_limit(srv, &uc, trusted, why, sizeof(why))) {
		pthread_mutex_unlock(&srv->lock);
		send_refusal(fd, -EUSERS);
		srv_log(srv, "client pid %d uid %u refused: %s", (int)uc.pid, (unsigned int)uc.uid,
			why);
		close(fd);
		return;
	}
	pthread_mutex_unlock(&srv->lock);
	c = calloc(1, sizeof(*c));
	if (!c) {
		close(fd);
		return;
	}
	c->srv = srv;
	c->fd = fd;
	c->pid = uc.pid;
	c->cred.uid = uc.uid;
	c->cred.gid = uc.gid;
	c->cred.kernel_login_allowed = trusted;
	pthread_mutex_init(&c->core_lock, NULL);
	if (!srv->cfg.quiet)
		srv_log(srv, "client pid %d uid %u connected%s", (int)uc.pid, (unsigned int)uc.uid,
			trusted ? " (trusted)" : "");
	pthread_mutex_lock(&srv->lock);
	if (pthread_create(&c->thread, NULL, conn_main, c)) {
		pthread_mutex_unlock(&srv->lock);
		fprintf(stderr, "optee-simd: cannot start a thread for pid %d\n", (int)uc.pid);
		close(fd);
		pthread_mutex_destroy(&c->core_lock);
		free(c);
		return;
	}
	c->next = srv->conns;
	srv->conns = c;
	srv->nconns++;
	pthread_mutex_unlock(&srv->lock);
}

static void *accept_main(void *arg)
{
	struct optee_sim_server *srv = arg;

	for (;;) {
		struct pollfd pfd[2] = {
		    {.fd = srv->listen_fd, .events = POLLIN},
		    {.fd = srv->wake[0], .events = POLLIN},
		};
		bool stopping;

		if (poll(pfd, 2, -1) < 0) {
			if (errno == EINTR)
				continue;
			fprintf(stderr, "optee-simd: poll: %s\n", strerror(errno));
			break;
		}
		if (pfd[1].revents) {
			char buf[64];

			while (read(srv->wake[0], buf, sizeof(buf)) > 0)
				;
		}
		srv_reap(srv);
		pthread_mutex_lock(&srv->lock);
		stopping = srv->stopping;
		pthread_mutex_unlock(&srv->lock);
		if (stopping)
			break;
		if (pfd[0].revents & POLLIN)
			srv_accept_one(srv);
	}
	return NULL;
}

static int srv_copy_cfg(struct optee_sim_server *srv, const struct optee_sim_server_config *cfg)
{
	srv->cfg = *cfg;
	srv->cfg.kernel_uids = NULL;
	srv->cfg.kernel_gids = NULL;
	if (cfg->num_kernel_uids) {
		uid_t *u = calloc(cfg->num_kernel_uids, sizeof(*u));

		if (!u)
			return -ENOMEM;
		memcpy(u, cfg->kernel_uids, cfg->num_kernel_uids * sizeof(*u));
		srv->cfg.kernel_uids = u;
	}
	if (cfg->num_kernel_gids) {
		gid_t *g = calloc(cfg->num_kernel_gids, sizeof(*g));

		if (!g)
			return -ENOMEM;
		memcpy(g, cfg->kernel_gids, cfg->num_kernel_gids * sizeof(*g));
		srv->cfg.kernel_gids = g;
	}
	srv->cfg.socket_path = srv->path;
	if (!srv->cfg.max_clients)
		srv->cfg.max_clients = OPTEE_SIM_SERVER_DEFAULT_MAX_CLIENTS;
	if (!srv->cfg.max_per_uid)
		srv->cfg.max_per_uid = OPTEE_SIM_SERVER_DEFAULT_MAX_PER_UID;
	if (!srv->cfg.idle_timeout_ms)
		srv->cfg.idle_timeout_ms = OPTEE_SIM_SERVER_DEFAULT_IDLE_MS;
	return 0;
}

static void srv_free(struct optee_sim_server *srv)
{
	free((void *)srv->cfg.kernel_uids);
	free((void *)srv->cfg.kernel_gids);
	pthread_mutex_destroy(&srv->log_lock);
	pthread_mutex_destroy(&srv->lock);
	free(srv);
}

struct optee_sim_server *optee_sim_server_start(struct optee_sim_core *core,
						const struct optee_sim_server_config *cfg,
						char *err, size_t err_len)
{
	struct sockaddr_un sa = {.sun_family = AF_UNIX};
	struct optee_sim_server *srv;
	struct stat st;
	int rc;

	if (!core || !cfg || !cfg->socket_path || !cfg->socket_path[0] ||
	    (cfg->num_kernel_uids && !cfg->kernel_uids) ||
	    (cfg->num_kernel_gids && !cfg->kernel_gids)) {
		snprintf(err, err_len, "invalid server configuration");
		return NULL;
	}
	if (strlen(cfg->socket_path) >= sizeof(sa.sun_path)) {
		snprintf(err, err_len, "socket path too long (max %zu bytes)",
			 sizeof(sa.sun_path) - 1);
		return NULL;
	}
	srv = calloc(1, sizeof(*srv));
	if (!srv) {
		snprintf(err, err_len, "out of memory");
		return NULL;
	}
	if (pthread_mutex_init(&srv->lock, NULL)) {
		free(srv);
		snprintf(err, err_len, "out of memory");
		return NULL;
	}
	if (pthread_mutex_init(&srv->log_lock, NULL)) {
		pthread_mutex_destroy(&srv->lock);
		free(srv);
		snprintf(err, err_len, "out of memory");
		return NULL;
	}
	srv->core = core;
	srv->listen_fd = -1;
	srv->wake[0] = srv->wake[1] = -1;
	memcpy(srv->path, cfg->socket_path, strlen(cfg->socket_path) + 1);
	if (srv_copy_cfg(srv, cfg)) {
		snprintf(err, err_len, "out of memory");
		goto err_free;
	}
	if (unix_claim_path(srv->path, SOCK_SEQPACKET, "daemon", err, err_len))
		goto err_free;
	if (pipe2(srv->wake, O_CLOEXEC | O_NONBLOCK)) {
		snprintf(err, err_len, "pipe: %s", strerror(errno));
		goto err_free;
	}
	srv->listen_fd = socket(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
	if (srv->listen_fd < 0) {
		snprintf(err, err_len, "socket: %s", strerror(errno));
		goto err_pipe;
	}
	/*
	 * Bind under a private name, listen, then link it into place: the path appears only
	 * once it accepts connections, so a client (or a second daemon probing for a live
	 * one) never finds it bound but not yet listening.
	 */
	if ((size_t)snprintf(sa.sun_path, sizeof(sa.sun_path), "%s.%ld.tmp", srv->path,
			     (long)getpid()) >= sizeof(sa.sun_path)) {
		snprintf(err, err_len, "socket path too long: %s", srv->path);
		goto err_sock;
	}
	unlink(sa.sun_path);
	if (bind(srv->listen_fd, (struct sockaddr *)&sa, sizeof(sa))) {
		snprintf(err, err_len, "bind %s: %s", sa.sun_path, strerror(errno));
		goto err_sock;
	}
	if (listen(srv->listen_fd, 64)) {
		snprintf(err, err_len, "listen %s: %s", sa.sun_path, strerror(errno));
		unlink(sa.sun_path);
		goto err_sock;
	}
	/* link() refuses to replace: a daemon that claimed the path meanwhile wins. */
	if (link(sa.sun_path, srv->path)) {
		snprintf(err, err_len, "cannot publish %s: %s", srv->path,
			 errno == EEXIST ? "another daemon is listening there" : strerror(errno));
		unlink(sa.sun_path);
		goto err_sock;
	}
	unlink(sa.sun_path);
	if (!stat(srv->path, &st))
		srv->sock_ino = st.st_ino;
	rc = pthread_create(&srv->accept_thread, NULL, accept_main, srv);
	if (rc) {
		snprintf(err, err_len, "cannot start the accept thread: %s", strerror(rc));
		goto err_unlink;
	}
	return srv;

err_unlink:
	unlink(srv->path);
err_sock:
	close(srv->listen_fd);
err_pipe:
	close(srv->wake[0]);
	close(srv->wake[1]);
err_free:
	srv_free(srv);
	return NULL;
}

void optee_sim_server_stop(struct optee_sim_server *srv)
{
	struct srv_conn *c;
	struct stat st;

	if (!srv)
		return;
	pthread_mutex_lock(&srv->lock);
	srv->stopping = true;
	pthread_mutex_unlock(&srv->lock);
	srv_wake(srv);
	pthread_join(srv->accept_thread, NULL);

	/* No new connections now: wake every connection thread and wait for it. */
	pthread_mutex_lock(&srv->lock);
	for (c = srv->conns; c; c = c->next)
		if (c->fd >= 0)
			shutdown(c->fd, SHUT_RDWR);
	pthread_mutex_unlock(&srv->lock);
	while ((c = srv->conns)) {
		srv->conns = c->next;
		conn_destroy(c);
	}
	srv->nconns = 0;
	if (srv->log_dropped)
		fprintf(stderr, "optee-simd: (%lu log lines dropped: more than %u a second)\n",
			srv->log_dropped, SRV_LOG_LINES_PER_S);
	close(srv->listen_fd);
	/* Only remove the file if it is still the socket we bound (not a successor's). */
	if (!lstat(srv->path, &st) && st.st_ino == srv->sock_ino)
		unlink(srv->path);
	close(srv->wake[0]);
	close(srv->wake[1]);
	srv_free(srv);
}

unsigned int optee_sim_server_clients(struct optee_sim_server *srv)
{
	unsigned int n = 0;
	struct srv_conn *c;

	if (!srv)
		return 0;
	pthread_mutex_lock(&srv->lock);
	for (c = srv->conns; c; c = c->next)
		n += !c->done;
	pthread_mutex_unlock(&srv->lock);
	return n;
}
