/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Test helpers: load an (edited) platform DTB and expect it to load, or to be
 * refused. A refusal must be -EINVAL with a one-line message naming the fault,
 * and leave *out NULL: the binding's contract (docs/platform-binding.md).
 *
 * The dtb_refuse_*() helpers are the common case in one line: the default DTB
 * with a single edit, which must be refused with a message containing @fragment.
 */
#ifndef TEST_DTB_EXPECT_H
#define TEST_DTB_EXPECT_H

#include <stddef.h>
#include <stdint.h>

struct sim_platform;

/** dtb_load() - load @fdt (not freed) and return the platform; fails the test on error. */
struct sim_platform *dtb_load(const void *fdt);

/** dtb_load_free() - dtb_load(), then free @fdt. */
struct sim_platform *dtb_load_free(void *fdt);

/**
 * dtb_expect_refused() - loading @fdt must fail with -EINVAL, a one-line error containing
 * @fragment and no platform. Frees @fdt.
 */
void dtb_expect_refused(void *fdt, const char *fragment);

/* The default DTB with one edit at @path must be refused with @fragment. */
void dtb_refuse_str(const char *path, const char *prop, const char *val, const char *fragment);
void dtb_refuse_u32(const char *path, const char *prop, uint32_t val, const char *fragment);
void dtb_refuse_raw(const char *path, const char *prop, const void *val, int len,
		    const char *fragment);
void dtb_refuse_cells(const char *path, const char *prop, const uint32_t *v, size_t n,
		      const char *fragment);
void dtb_refuse_del_prop(const char *path, const char *prop, const char *fragment);
void dtb_refuse_del_node(const char *path, const char *fragment);
void dtb_refuse_add_node(const char *parent, const char *name, const char *fragment);
/** dtb_refuse_phandle() - point @prop of @path at node @target (giving it a phandle). */
void dtb_refuse_phandle(const char *path, const char *prop, const char *target,
			const char *fragment);
/** dtb_refuse_renumber() - rename node @path to <base>@<reg in hex> and set its reg. */
void dtb_refuse_renumber(const char *path, uint32_t reg, const char *fragment);

#endif /* TEST_DTB_EXPECT_H */
