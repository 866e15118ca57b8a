/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The socket door of the emulated TEE: serves an optee_sim_core to sim-backend
 * clients (tee_client_open_sim) over a SOCK_SEQPACKET Unix socket, one thread
 * per connection, one optee_sim_client per connection. Wire format:
 * include/scmi/proto/tee_wire.h.
 */
#ifndef SCMI_SECURE_SOCKET_SERVER_H
#define SCMI_SECURE_SOCKET_SERVER_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

#include "secure/tee_core.h"

/** Largest dynamic shared memory a client may register, in bytes. */
#define OPTEE_SIM_SERVER_MAX_SHM_BYTES (64u << 20)

/** Concurrent connections served when the config says 0. */
#define OPTEE_SIM_SERVER_DEFAULT_MAX_CLIENTS 64u

/** Connections one untrusted uid may hold when the config says 0. */
#define OPTEE_SIM_SERVER_DEFAULT_MAX_PER_UID 8u

/** How long a connection may stay without a session when the config says 0, in ms. */
#define OPTEE_SIM_SERVER_DEFAULT_IDLE_MS 10000u

struct optee_sim_server;

/**
 * struct optee_sim_server_config - how to serve.
 * @socket_path:     where to listen (required)
 * @kernel_uids:     peers with these uids may claim the REE-kernel login (besides our euid)
 * @num_kernel_uids: entries in @kernel_uids
 * @kernel_gids:     peers with these primary gids may claim it too
 * @num_kernel_gids: entries in @kernel_gids
 * @trust_none:      trust no peer, not even our own uid (tests of the untrusted path)
 * @max_clients:     concurrent connections (0: OPTEE_SIM_SERVER_DEFAULT_MAX_CLIENTS). Peers
 *                   not trusted with the kernel login hold at most half of them together,
 *                   so trusted ones always find room
 * @max_per_uid:     connections one untrusted uid may hold (0:
 *                   OPTEE_SIM_SERVER_DEFAULT_MAX_PER_UID)
 * @idle_timeout_ms: a connection with no session open for this long is closed (0:
 *                   OPTEE_SIM_SERVER_DEFAULT_IDLE_MS)
 * @quiet:           do not log connects and disconnects (errors are still logged)
 *
 * A connection over a limit is accepted, told OPTEE_SIM_OP_REFUSED (-EUSERS) and closed;
 * one idle too long is told the same (-ETIMEDOUT). Refusals and connection events are
 * logged at a bounded rate: a peer that connects in a loop cannot flood the log.
 */
struct optee_sim_server_config {
	const char *socket_path;
	const uid_t *kernel_uids;
	size_t num_kernel_uids;
	const gid_t *kernel_gids;
	size_t num_kernel_gids;
	bool trust_none;
	unsigned int max_clients;
	unsigned int max_per_uid;
	unsigned int idle_timeout_ms;
	bool quiet;
};

/**
 * optee_sim_server_start() - listen on cfg->socket_path and serve @core from a thread.
 * Refuses (-EADDRINUSE) if a live server answers on the path; removes a stale socket
 * file; refuses (-EEXIST) to replace anything that is not a socket. Returns the server,
 * or NULL with a one-line reason in @err.
 */
struct optee_sim_server *optee_sim_server_start(struct optee_sim_core *core,
						const struct optee_sim_server_config *cfg,
						char *err, size_t err_len);

/**
 * optee_sim_server_stop() - stop accepting, disconnect every client (their sessions
 * and shared memory are freed), wait for all threads and remove the socket file.
 * NULL is a no-op.
 */
void optee_sim_server_stop(struct optee_sim_server *srv);

/** optee_sim_server_clients() - connections currently served (for tests and logs). */
unsigned int optee_sim_server_clients(struct optee_sim_server *srv);

#endif /* SCMI_SECURE_SOCKET_SERVER_H */
