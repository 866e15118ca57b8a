/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The whole secure side in one object: platform loaded from a DTB, the
 * SCMI server over it, the static shared memory (one sealed memfd per
 * arm,scmi-shmem region, SMT areas initialised FREE, each given only to a
 * peer its channel's agent allows), the emulated TEE core and the SCMI PTA
 * registered in it. optee-simd serves it over a socket;
 * the inproc TEE backend calls it directly.
 */
#ifndef SCMI_SECURE_WORLD_H
#define SCMI_SECURE_WORLD_H

#include <stddef.h>
#include <stdint.h>

#include "secure/tee_core.h"

struct secure_world;
struct sim_platform;
struct scmi_server;

/**
 * secure_world_create() - build the secure side from the platform DTB at @dtb_path.
 * @limits may be NULL. Returns 0, or -errno with a one-line reason in @err.
 */
int secure_world_create(const char *dtb_path, const struct optee_sim_limits *limits,
			struct secure_world **out, char *err, size_t err_len);

/** secure_world_core() - the TEE core clients talk to. */
struct optee_sim_core *secure_world_core(struct secure_world *w);

/** secure_world_platform() - the simulated platform (to drive virtual time, inspect state). */
struct sim_platform *secure_world_platform(struct secure_world *w);

/** secure_world_server() - the SCMI server. */
struct scmi_server *secure_world_server(struct secure_world *w);

/**
 * secure_world_static_region() - where the static region holding physical address @addr is
 * mapped in this process (the secure side's view, for tests), or NULL; *@size (may be NULL)
 * gets the bytes from @addr to the region's end.
 */
void *secure_world_static_region(struct secure_world *w, uint64_t addr, size_t *size);

/**
 * secure_world_set_max_payload() - the request payload the SCMI PTA refuses above, at the
 * transport, as OP-TEE does with 92 (pta_scmi_set_max_payload(); by default only the
 * server's own bound applies).
 */
void secure_world_set_max_payload(struct secure_world *w, uint32_t bytes);

/** secure_world_destroy() - tear down; all clients must be gone. NULL is a no-op. */
void secure_world_destroy(struct secure_world *w);

#endif /* SCMI_SECURE_WORLD_H */
