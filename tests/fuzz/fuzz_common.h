/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Helpers shared by the fuzz targets: a cursor that hands out the input's
 * bytes (zeros once it runs dry, so every input is a complete scenario), the
 * default platform loaded once, and a failed-invariant abort that libFuzzer
 * reports as a crash with the input saved.
 */
#ifndef SCMI_FUZZ_COMMON_H
#define SCMI_FUZZ_COMMON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "scmi/server/server.h"

struct sim_platform;

/** struct fuzz_in - what is left of the input. */
struct fuzz_in {
	const uint8_t *p;
	size_t left;
};

/** fuzz_u8() / fuzz_u16() / fuzz_u32() - the next bytes, little-endian; 0 past the end. */
uint8_t fuzz_u8(struct fuzz_in *in);
uint16_t fuzz_u16(struct fuzz_in *in);
uint32_t fuzz_u32(struct fuzz_in *in);

/** fuzz_take() - up to @max bytes: sets *@n to how many and returns where they start. */
const uint8_t *fuzz_take(struct fuzz_in *in, size_t max, size_t *n);

/**
 * FUZZ_CHECK() - abort (libFuzzer saves the input) when an invariant fails. The failure path
 * is a noreturn call, so static analysis does not follow a failed check into the code after it.
 */
#define FUZZ_CHECK(cond) ((cond) ? (void)0 : fuzz_fail(#cond, __FILE__, __LINE__))

/** fuzz_fail() - report the invariant @what that failed at @file:@line, then abort. */
_Noreturn void fuzz_fail(const char *what, const char *file, int line);

/**
 * struct fuzz_server - an SCMI server over a fresh simulated platform.
 * @plat: the platform (virtual time, so an input replays the same way)
 * @srv:  the server bound to it
 */
struct fuzz_server {
	struct sim_platform *plat;
	struct scmi_server srv;
};

/**
 * fuzz_server_open() - @fs over a fresh platform from the default DTB (read once), so no
 * state survives from one input to the next. Aborts if the DTB does not load.
 */
void fuzz_server_open(struct fuzz_server *fs);

/** fuzz_server_close() - free what fuzz_server_open() built. */
void fuzz_server_close(struct fuzz_server *fs);

/*
 * Inputs one persistent platform serves before it is rebuilt from the DTB (building one
 * costs ~1.3 ms, far more than an input). SCMI_FUZZ_REBUILD_EVERY in the environment
 * overrides it; 1 gives every input a fresh platform.
 */
#define FUZZ_REBUILD_EVERY 1000u

/** fuzz_rebuild_every() - FUZZ_REBUILD_EVERY, or the environment's override (>= 1). */
unsigned int fuzz_rebuild_every(void);

/**
 * fuzz_server_get() - the persistent server for this input: built on the first call and
 * every fuzz_rebuild_every() calls, in between brought back to a boot-like state by
 * fuzz_reset_agents(). State that reset_agent keeps by design (rates, levels, states
 * the agents set; virtual time) carries over until the next rebuild, so an input run
 * alone (libFuzzer -runs on one file) starts from a fresh platform.
 */
struct fuzz_server *fuzz_server_get(void);

/**
 * fuzz_reset_agents() - BASE_RESET_AGENT_CONFIGURATION (permissions too) of every agent
 * of @plat through @srv's Base ops (srv->ops->base: each model's sim_<proto>_reset_agent()
 * under the platform lock), then scmi_server_reset_agent() of @srv for each.
 */
void fuzz_reset_agents(struct sim_platform *plat, struct scmi_server *srv);

/**
 * fuzz_defuse_known() - keep known, reported findings (README "Findings") from ending every
 * run: rewrite the requests in @buf (@len bytes; a request may start at any offset, as a
 * TEE memref window may) that would hit one. Today: a
 * SENSOR_CONFIG_SET whose update interval exponent is 8 or more gets exponent - 8 (the
 * sim's pick_interval() converts an out-of-range double to uint64_t). A no-op when
 * SCMI_FUZZ_KNOWN is set in the environment, to replay those findings.
 */
void fuzz_defuse_known(uint8_t *buf, size_t len);

/** fuzz_defuse_known_raw() - fuzz_defuse_known() for a request given as header + payload. */
void fuzz_defuse_known_raw(uint32_t hdr, uint8_t *payload, size_t len);

/** fuzz_read_file() - the malloc'ed contents of @path; NULL on any error. */
void *fuzz_read_file(const char *path, size_t *size);

#endif /* SCMI_FUZZ_COMMON_H */
