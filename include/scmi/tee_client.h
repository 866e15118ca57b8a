/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * TEE client API, in the shape of Linux's kernel TEE client
 * (tee_client_open_context / open_session / invoke_func / shm) and the
 * structs of <linux/tee.h>, with interchangeable backends:
 *
 *   sim     Unix SOCK_SEQPACKET socket to optee-simd; shared memory is a
 *           memfd passed with SCM_RIGHTS and mapped by both processes.
 *   inproc  the secure side linked into this process (tests, benchmarks);
 *           see tee_inproc.h.
 *
 * Return convention: functions return 0 when the request reached the TEE
 * and came back (the TEE's own verdict is then in arg->ret / ret_origin),
 * or a negative errno when it did not (no daemon, connection lost, timed
 * out, bad arguments). This is the ioctl convention of <linux/tee.h>.
 * optee-simd may refuse a connection: the first request then fails with
 * -EUSERS (over its connection limits), or -ETIMEDOUT after a context held
 * no session for its idle timeout; the context is broken either way.
 *
 * A context serialises its requests: one request is in flight per
 * context at a time. Use one context per channel for parallelism.
 */
#ifndef SCMI_TEE_CLIENT_H
#define SCMI_TEE_CLIENT_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "proto/tee.h"
#include "proto/tee_wire.h"

#ifdef __cplusplus
extern "C" {
#endif

struct tee_context;
struct tee_shm;

/**
 * struct tee_param - one invoke parameter (Linux struct tee_param).
 * @attr:   TEE_PARAM_TYPE_*
 * @value:  a, b, c for value parameters (the TEE sees a and b as u32)
 * @memref: a registered buffer, a window [offset, offset + size) of it;
 *          on return from an output memref, size is what the TA reported
 */
struct tee_param {
	uint32_t attr;
	union {
		struct {
			uint64_t a, b, c;
		} value;
		struct {
			struct tee_shm *shm;
			size_t offset;
			size_t size;
		} memref;
	} u;
};

/**
 * struct tee_static_shm - one region of the platform's static shared memory, as mapped here.
 * @addr:    where the region is mapped in this process
 * @base:    the physical address it stands for (the arm,scmi-shmem reg address)
 * @size:    its size in bytes
 * @lock_fd: the region's lock (tee_static_shm_lock()); owned by the context
 */
struct tee_static_shm {
	void *addr;
	uint64_t base;
	size_t size;
	int lock_fd;
};

/** Timeout applied to each request when none is set: a stopped daemon must not hang us. */
#define TEE_DEFAULT_TIMEOUT_MS 1000u

/**
 * tee_client_open_sim() - connect to optee-simd on @socket_path (NULL: the default path).
 * Before anything is sent, the server must be running as one of our uids or as root:
 * anyone may have created the socket (-EPERM otherwise, and nothing was sent). On the
 * default path outside $XDG_RUNTIME_DIR, the socket's directory must be ours and private
 * (-EACCES otherwise). Returns 0 and sets *@ctx, or -ENOENT / -ECONNREFUSED when no daemon
 * listens, other -errno.
 */
int tee_client_open_sim(const char *socket_path, struct tee_context **ctx);

/**
 * tee_client_open_sim_uid() - tee_client_open_sim(), trusting a server running as @server_uid
 * too (a daemon of a dedicated account; tests).
 */
int tee_client_open_sim_uid(const char *socket_path, uid_t server_uid, struct tee_context **ctx);

/**
 * tee_client_default_socket() - the default socket path into @buf: $XDG_RUNTIME_DIR/
 * optee-simd.sock, or ${TMPDIR:-/tmp}/optee-simd-UID/optee-simd.sock (a directory the
 * daemon makes private, mode 0700).
 */
int tee_client_default_socket(char *buf, size_t len);

/** tee_client_close_context() - close @ctx: frees its shared memory; sessions die with it. NULL is
 * a no-op. */
void tee_client_close_context(struct tee_context *ctx);

/** tee_client_set_timeout() - bound each request to @ms milliseconds (0: wait forever). */
void tee_client_set_timeout(struct tee_context *ctx, uint32_t ms);

/**
 * tee_client_is_broken() - true once a request on @ctx failed at the transport level
 * (peer gone, timeout): every later request fails with -ENOTCONN; reopen the context.
 */
int tee_client_is_broken(const struct tee_context *ctx);

/** tee_client_open_session() - open a session; @params may be NULL when @num_params is 0. */
int tee_client_open_session(struct tee_context *ctx, struct tee_open_session_arg *arg,
			    struct tee_param *params, size_t num_params);

/** tee_client_close_session() - close @session. */
int tee_client_close_session(struct tee_context *ctx, uint32_t session);

/**
 * tee_client_invoke_func() - invoke @arg->func with @params. More than TEE_NUM_PARAMS reach
 * the TEE, which refuses them as OP-TEE's core does (0, arg->ret BAD_PARAMETERS, origin TEE);
 * more than OPTEE_SIM_WIRE_MAX_PARAMS are refused here (-EINVAL).
 */
int tee_client_invoke_func(struct tee_context *ctx, struct tee_invoke_arg *arg,
			   struct tee_param *params, size_t num_params);

/**
 * tee_shm_alloc() - allocate @size bytes of memory shared with the TEE (a memfd,
 * mapped here and registered with the TEE). Zero-filled.
 */
int tee_shm_alloc(struct tee_context *ctx, size_t size, struct tee_shm **shm);

/**
 * tee_shm_register_fd() - register @size bytes of the memory object @fd (from its start)
 * with the TEE and map it here. @fd stays the caller's.
 */
int tee_shm_register_fd(struct tee_context *ctx, int fd, size_t size, struct tee_shm **shm);

/** tee_shm_free() - unregister and unmap @shm. NULL is a no-op. */
void tee_shm_free(struct tee_shm *shm);

/** tee_shm_get_va() - where @shm is mapped in this process. */
void *tee_shm_get_va(const struct tee_shm *shm);

/** tee_shm_get_size() - size of @shm in bytes. */
size_t tee_shm_get_size(const struct tee_shm *shm);

/** tee_shm_get_id() - the id by which the TEE knows @shm. */
int tee_shm_get_id(const struct tee_shm *shm);

/**
 * tee_client_static_shm() - map the static shared-memory region holding physical
 * [@addr, @addr + @size) (a channel's arm,scmi-shmem region). As on a board, where only the
 * kernel maps it, the TEE gives it only through @session, a session opened with the
 * REE-kernel login, and only a region of a channel this peer may drive. Each region is
 * mapped once per context and unmapped at close. Returns 0 with *@out (the whole region);
 * -ENODEV if the platform has no static memory, -ENOENT if no region holds the range,
 * -EACCES if it is not ours (no kernel session, or a channel of another peer), -EINVAL.
 */
int tee_client_static_shm(struct tee_context *ctx, uint32_t session, uint64_t addr, uint64_t size,
			  struct tee_static_shm *out);

/**
 * tee_static_shm_lock() - take the lock of static region @shm, shared by every context and
 * process that maps the region: one SMT area carries one message at a time, whoever writes
 * it. Waiters take turns (a releasing holder queues behind them). A holder that dies, or
 * closes its context, releases the lock. Waits at most @timeout_ms (0: no limit). Returns
 * 0, or -EBUSY when the wait timed out, other -errno.
 */
int tee_static_shm_lock(const struct tee_static_shm *shm, uint32_t timeout_ms);

/** tee_static_shm_unlock() - release the lock taken by tee_static_shm_lock(). */
void tee_static_shm_unlock(const struct tee_static_shm *shm);

#ifdef __cplusplus
}
#endif

#endif /* SCMI_TEE_CLIENT_H */
