/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * What the socket server (socket_server.c: accept, admission, the connection list) and its
 * connections (socket_conn.c: frames, requests, the fast lane) share. Not an interface: both
 * halves of one server.
 */
#ifndef SECURE_SOCKET_SERVER_PRIV_H
#define SECURE_SOCKET_SERVER_PRIV_H

#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>
#include <sys/socket.h>
#include <sys/types.h>
#include <sys/un.h>
#include <time.h>

#include "scmi/proto/tee_wire.h"
#include "secure/socket_server.h"

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

static inline int64_t now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/*
 * socket_server_log() - one line to stderr, at most SRV_LOG_LINES_PER_S a second; what is dropped
 * is counted and reported with the next line that goes out (or at stop).
 */
void socket_server_log(struct optee_sim_server *srv, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* socket_server_refuse() - tell the peer on @fd we will not serve it (@err), never blocking. */
void socket_server_refuse(int fd, int err);

/* socket_server_wake() - wake the accept thread (it reaps finished connections, or stops). */
void socket_server_wake(struct optee_sim_server *srv);

/*
 * socket_conn_main() - the thread of connection @arg (a struct srv_conn, on the server's list):
 * serves it until the peer goes, then marks it done and wakes the accept thread.
 */
void *socket_conn_main(void *arg);

/* socket_conn_destroy() - join @c's thread (done, or its socket shut down) and free it. */
void socket_conn_destroy(struct srv_conn *c);

#endif /* SECURE_SOCKET_SERVER_PRIV_H */
