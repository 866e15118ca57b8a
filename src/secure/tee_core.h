/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The emulated TEE core: what OP-TEE's core does for a pseudo-TA, minus the
 * world switch. It keeps contexts (one per client connection or inproc
 * context), their sessions and their registered shared memory, checks and
 * translates ioctl-shaped parameters into TA parameters (buffer pointers
 * bounded by the registered memory), and calls the PTA.
 *
 * Thread safety: the core and PTAs may be called from many threads at once
 * (one per client). A client object is used by one thread at a time (its
 * connection's thread); the core's own tables take their own locks.
 */
#ifndef SCMI_SECURE_TEE_CORE_H
#define SCMI_SECURE_TEE_CORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "scmi/proto/tee_wire.h"

struct optee_sim_core;
struct optee_sim_client;

/**
 * struct pta_param - a parameter as a PTA sees it (GP TEE_Param).
 * @value:  a and b for value types
 * @memref: @buffer points into the client's shared memory (NULL when size is 0);
 *          a PTA writes the output size into @size
 */
struct pta_param {
	union {
		struct {
			uint32_t a, b;
		} value;
		struct {
			void *buffer;
			size_t size;
		} memref;
	};
};

struct optee_sim_cred;

/**
 * struct pta_ops - a pseudo-TA (OP-TEE's pseudo_ta_head).
 * @uuid:          its UUID
 * @name:          for logs
 * @open_session:  called with the client's login; returns a TEE_Result; may set *sess_ctx
 * @open_session_cred: optional, used instead of @open_session when set: also gets the
 *                 client's credentials (OP-TEE's TA sees the client identity in the
 *                 session's login data; here the peer's uid/gid, valid for the call)
 * @close_session: called once for every session that opened
 * @invoke:        a command with its param-types word; returns a TEE_Result
 */
struct pta_ops {
	uint8_t uuid[TEE_UUID_SIZE];
	const char *name;
	uint32_t (*open_session)(void *pta_ctx, uint32_t login, void **sess_ctx);
	uint32_t (*open_session_cred)(void *pta_ctx, uint32_t login,
				      const struct optee_sim_cred *cred, void **sess_ctx);
	void (*close_session)(void *pta_ctx, void *sess_ctx);
	uint32_t (*invoke)(void *pta_ctx, void *sess_ctx, uint32_t cmd, uint32_t param_types,
			   struct pta_param params[TEE_NUM_PARAMS]);
};

/**
 * struct optee_sim_limits - per-client resource limits (0: the default).
 * @max_sessions: open sessions a client may hold (default 64)
 * @max_shm:      shared-memory objects a client may register (default 256)
 */
struct optee_sim_limits {
	unsigned int max_sessions;
	unsigned int max_shm;
};

/**
 * struct optee_sim_cred - who a client is.
 * @uid, @gid:           the peer's credentials (SO_PEERCRED, or our own inproc)
 * @kernel_login_allowed: the client may claim TEE_LOGIN_REE_KERNEL (a trusted peer,
 *                       standing for the kernel); others get -EPERM as Linux gives
 *                       user space
 */
struct optee_sim_cred {
	uid_t uid;
	gid_t gid;
	bool kernel_login_allowed;
};

/** optee_sim_core_new() - an empty core. NULL on allocation failure. */
struct optee_sim_core *optee_sim_core_new(const struct optee_sim_limits *limits);

/** optee_sim_core_free() - free @core; all clients must be gone. */
void optee_sim_core_free(struct optee_sim_core *core);

/** optee_sim_core_add_pta() - register a PTA; @pta and @pta_ctx must outlive the core. */
int optee_sim_core_add_pta(struct optee_sim_core *core, const struct pta_ops *pta, void *pta_ctx);

/**
 * struct optee_sim_static_region - one region of static shared memory (an arm,scmi-shmem
 * region: OP-TEE's non-secure carveout of one channel).
 * @fd:   its memory object, sealed against shrinking; lent: the provider keeps it open
 * @map:  where it is mapped in this process
 * @base: the physical address it stands for
 * @size: its size in bytes
 */
struct optee_sim_static_region {
	int fd;
	void *map;
	uint64_t base;
	size_t size;
};

/**
 * struct optee_sim_static_ops - where static shared memory comes from.
 * @find: the region holding [@addr, @addr + @size) if @cred may have it: 0 with *@out;
 *        -ENOENT when no region holds the whole range; -EACCES when the region is not
 *        @cred's (a channel the peer may not drive)
 */
struct optee_sim_static_ops {
	int (*find)(void *ctx, const struct optee_sim_cred *cred, uint64_t addr, uint64_t size,
		    struct optee_sim_static_region *out);
};

/**
 * optee_sim_core_set_static() - take static shared memory from @ops (with @ctx, which
 * must outlive the core). Set up before the first client.
 */
void optee_sim_core_set_static(struct optee_sim_core *core, const struct optee_sim_static_ops *ops,
			       void *ctx);

/**
 * optee_sim_core_set_static_shm() - a core with one region of static memory, given to every
 * kernel-login session (no platform behind it: tests of the core). @fd must carry
 * F_SEAL_SHRINK; it is mapped here at @addr and stands for physical @base.
 */
void optee_sim_core_set_static_shm(struct optee_sim_core *core, int fd, void *addr, uint64_t base,
				   size_t size);

/**
 * optee_sim_static_shm() - the static region holding [@addr, @addr + @size), for @client
 * through its @session. Only the REE kernel reaches static memory: @session must have
 * been opened with a REE-kernel login, and the provider gives out only a region the
 * client's peer may use. Returns 0 with *@out; -EINVAL for an unknown session or an empty
 * range; -EACCES for a session without the kernel login or a region that is not the
 * client's; -ENOENT when no region holds the range; -ENODEV without static memory.
 */
int optee_sim_static_shm(struct optee_sim_client *client, uint32_t session, uint64_t addr,
			 uint64_t size, struct optee_sim_static_region *out);

/** optee_sim_client_new() - a new client (a TEE context). NULL on allocation failure. */
struct optee_sim_client *optee_sim_client_new(struct optee_sim_core *core,
					      const struct optee_sim_cred *cred);

/** optee_sim_client_free() - close the client's sessions and release its shared memory. */
void optee_sim_client_free(struct optee_sim_client *client);

/**
 * optee_sim_open_session() - open a session to arg->uuid.
 * Returns 0 (verdict in arg->ret/ret_origin, arg->session on success; more than
 * TEE_NUM_PARAMS params is BAD_PARAMETERS from the TEE, as OP-TEE's core answers), -EPERM
 * for a kernel login from an untrusted client, -EMFILE over the session limit, -EINVAL for
 * malformed params (more than OPTEE_SIM_WIRE_MAX_PARAMS).
 */
int optee_sim_open_session(struct optee_sim_client *client, struct tee_open_session_arg *arg,
			   struct tee_ioctl_param *params, size_t num_params);

/**
 * optee_sim_invoke() - invoke a command. Memref params name shared memory by id and
 * are bounds-checked against it; output sizes and values are written back into @params.
 * Returns 0 with the verdict in arg->ret (more than TEE_NUM_PARAMS params: BAD_PARAMETERS
 * from the TEE, before any PTA runs, as in OP-TEE), or -EINVAL for malformed params
 * (unknown shm id, window out of range, more than OPTEE_SIM_WIRE_MAX_PARAMS).
 */
int optee_sim_invoke(struct optee_sim_client *client, struct tee_invoke_arg *arg,
		     struct tee_ioctl_param *params, size_t num_params);

/** optee_sim_client_sessions() - how many sessions @client has open. */
unsigned int optee_sim_client_sessions(const struct optee_sim_client *client);

/** optee_sim_close_session() - close @session; -EINVAL if the client has no such session. */
int optee_sim_close_session(struct optee_sim_client *client, uint32_t session);

/**
 * optee_sim_shm_register() - make [@addr, @addr + @size) known to the TEE as shared
 * memory of @client, owned by the caller (the core never unmaps it; @release is called
 * with @release_arg when the core drops it). Returns the id (>= 0) or -errno
 * (-ENOSPC over the limit).
 */
int optee_sim_shm_register(struct optee_sim_client *client, void *addr, size_t size,
			   void (*release)(void *release_arg, void *addr, size_t size),
			   void *release_arg);

/** optee_sim_shm_release() - drop shared memory @id; -EINVAL if unknown. */
int optee_sim_shm_release(struct optee_sim_client *client, int id);

#endif /* SCMI_SECURE_TEE_CORE_H */
