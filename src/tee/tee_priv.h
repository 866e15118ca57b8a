/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Private to src/tee: the context and shared-memory objects common to every
 * backend, and the ops table a backend fills.
 *
 * The common code (tee_client.c) owns argument checking, the conversion
 * between struct tee_param (shm pointers) and struct tee_ioctl_param (shm
 * ids), shared-memory allocation and mapping, and request serialisation: a
 * context holds a mutex so that one request is in flight at a time. A
 * backend only moves an ioctl-shaped request to the TEE and back.
 */
#ifndef SCMI_TEE_PRIV_H
#define SCMI_TEE_PRIV_H

#include <pthread.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "scmi/tee_client.h"
#include "scmi/proto/tee_wire.h"

/**
 * struct tee_static_region - a static region as a backend hands it over.
 * @fd:   its memory object
 * @addr: its mapping in this process, or NULL
 * @base: the physical address it stands for
 * @size: its size
 */
struct tee_static_region {
	int fd;
	void *addr;
	uint64_t base;
	size_t size;
};

/**
 * struct tee_static_map - a static region mapped in a context.
 * @shm:    what the caller sees
 * @mapped: the common code mapped it (and unmaps it at close)
 * @next:   list link
 */
struct tee_static_map {
	struct tee_static_shm shm;
	bool mapped;
	struct tee_static_map *next;
};

/**
 * struct tee_backend_ops - what a backend does; called with the context lock held.
 * @open_session:  open a session; params already in wire form (outputs written back)
 * @invoke:        invoke a command; params in wire form (outputs written back)
 * @close_session: close a session
 * @shm_register:  make [@addr, @addr + @size) of memory object @fd known to the TEE;
 *                 returns the id (>= 0) or -errno
 * @shm_release:   forget shm @id
 * @static_shm:    the static region holding [@addr, @addr + @size), through @session: its
 *                 memory object (ours to close) in out->fd, and in out->addr either its
 *                 mapping by the TEE in this process (inproc) or NULL (the common code maps
 *                 the fd)
 * @close:         free the backend state (called once, without the lock)
 */
struct tee_backend_ops {
	int (*open_session)(struct tee_context *ctx, struct tee_open_session_arg *arg,
			    struct tee_ioctl_param *params, size_t num_params);
	int (*invoke)(struct tee_context *ctx, struct tee_invoke_arg *arg,
		      struct tee_ioctl_param *params, size_t num_params);
	int (*close_session)(struct tee_context *ctx, uint32_t session);
	int (*shm_register)(struct tee_context *ctx, int fd, void *addr, size_t size);
	int (*shm_release)(struct tee_context *ctx, int id);
	int (*static_shm)(struct tee_context *ctx, uint32_t session, uint64_t addr, uint64_t size,
			  struct tee_static_region *out);
	void (*close)(struct tee_context *ctx);
};

/**
 * struct tee_shm - shared memory of one context.
 * @ctx:        the owning context
 * @id:         the id the TEE knows it by
 * @fd:         the memory object (ours: a memfd or a dup of the caller's fd)
 * @addr:       where it is mapped here
 * @size:       its size in bytes
 * @prev, @next: the context's list of live shm, freed at close
 */
struct tee_shm {
	struct tee_context *ctx;
	int id;
	int fd;
	void *addr;
	size_t size;
	struct tee_shm *prev, *next;
};

/**
 * struct tee_context - one connection to the TEE.
 * @ops:        the backend
 * @priv:       backend state
 * @timeout_ms: bound on each request (0: none); read atomically by the backend
 * @broken:     set once a request failed at the transport level; read atomically
 * @lock:       serialises requests and protects @shms and @statics
 * @shms:       live shared memory
 * @statics:    static regions mapped so far
 */
struct tee_context {
	const struct tee_backend_ops *ops;
	void *priv;
	uint32_t timeout_ms;
	int broken;
	pthread_mutex_t lock;
	struct tee_shm *shms;
	struct tee_static_map *statics;
};

/** tee_context_new() - a context for backend @ops with state @priv. -ENOMEM on failure. */
int tee_context_new(const struct tee_backend_ops *ops, void *priv, struct tee_context **out);

/** tee_context_mark_broken() - the transport failed: later requests fail with -ENOTCONN. */
void tee_context_mark_broken(struct tee_context *ctx);

/** tee_context_timeout() - the current per-request timeout in ms (0: none). */
uint32_t tee_context_timeout(const struct tee_context *ctx);

#endif /* SCMI_TEE_PRIV_H */
