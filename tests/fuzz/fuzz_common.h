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

#include "server/scmi_server.h"

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

/** FUZZ_CHECK() - abort (libFuzzer saves the input) when an invariant fails. */
#define FUZZ_CHECK(cond) fuzz_check((cond), #cond, __FILE__, __LINE__)
void fuzz_check(bool ok, const char *what, const char *file, int line);

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

/** fuzz_read_file() - the malloc'ed contents of @path; NULL on any error. */
void *fuzz_read_file(const char *path, size_t *size);

#endif /* SCMI_FUZZ_COMMON_H */
