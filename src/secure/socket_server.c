// SPDX-License-Identifier: BSD-3-Clause
/*
 * The socket server of the emulated TEE: the listening socket, admission, and the list of
 * connections (each served by socket_conn.c).
 *
 * Theory of operation: an accept thread polls the listening socket and a
 * wake pipe. Each accepted connection gets an optee_sim_client whose
 * credentials come from SO_PEERCRED, and a thread of its own (socket_conn.c).
 * A finished connection thread pokes the wake pipe so the accept thread joins
 * and frees it; stop shuts every connection socket down (which wakes its
 * blocked recvmsg), joins all threads and removes the socket file. A
 * connection thread closes its own socket under the server lock as it
 * finishes, and stop shuts sockets down under that lock, so shutdown() never
 * hits a reused descriptor.
 *
 * Admission: the accept thread counts live connections per peer. Peers not
 * trusted with the kernel login may hold max_per_uid each and half of
 * max_clients together, so that any number of them, from any number of uids,
 * leaves room for trusted peers. A refused peer gets one OPTEE_SIM_OP_REFUSED
 * frame, sent without blocking (a peer that never reads must not stall the
 * accept thread), and is closed. Refusals, malformed frames and connection
 * events go through one rate limiter: a peer connecting in a loop cannot
 * flood the log.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include "secure/socket_server_priv.h"
#include "secure/unix_path.h"

void socket_server_log(struct optee_sim_server *srv, const char *fmt, ...)
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

void socket_server_refuse(int fd, int err)
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

void socket_server_wake(struct optee_sim_server *srv)
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
		socket_conn_destroy(c);
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
		socket_server_refuse(fd, -EUSERS);
		socket_server_log(srv, "client pid %d uid %u refused: %s", (int)uc.pid,
				  (unsigned int)uc.uid, why);
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
		socket_server_log(srv, "client pid %d uid %u connected%s", (int)uc.pid,
				  (unsigned int)uc.uid, trusted ? " (trusted)" : "");
	pthread_mutex_lock(&srv->lock);
	if (pthread_create(&c->thread, NULL, socket_conn_main, c)) {
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
	socket_server_wake(srv);
	pthread_join(srv->accept_thread, NULL);

	/* No new connections now: wake every connection thread and wait for it. */
	pthread_mutex_lock(&srv->lock);
	for (c = srv->conns; c; c = c->next)
		if (c->fd >= 0)
			shutdown(c->fd, SHUT_RDWR);
	pthread_mutex_unlock(&srv->lock);
	while ((c = srv->conns)) {
		srv->conns = c->next;
		socket_conn_destroy(c);
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
