/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Test helpers: the default platform DTB opened into a roomy buffer, and
 * small edits on it by path, so each bad-tree case is one edit away from a
 * tree known to load.
 */
#ifndef TEST_DTB_UTIL_H
#define TEST_DTB_UTIL_H

#include <stddef.h>
#include <stdint.h>

/* Room the edited trees get on top of the default DTB. */
#define DTB_EDIT_ROOM (64u * 1024u)

/** dtb_read_default() - the default DTB as compiled by dtc; *size set. Caller frees. */
void *dtb_read_default(size_t *size);

/** dtb_editable() - a copy of the default DTB with DTB_EDIT_ROOM free space. Caller frees. */
void *dtb_editable(void);

/** dtb_node() - offset of @path; fails the test if absent. */
int dtb_node(void *fdt, const char *path);

void dtb_set_str(void *fdt, const char *path, const char *prop, const char *val);
void dtb_set_u32(void *fdt, const char *path, const char *prop, uint32_t val);
void dtb_set_raw(void *fdt, const char *path, const char *prop, const void *val, int len);
/** dtb_set_cells() - set @prop to the @n cells @v (at most 64). */
void dtb_set_cells(void *fdt, const char *path, const char *prop, const uint32_t *v, size_t n);
void dtb_del_prop(void *fdt, const char *path, const char *prop);
void dtb_rename(void *fdt, const char *path, const char *name);
/** dtb_renumber() - give node @path (<base>@<unit>) the unit address and reg @reg. */
void dtb_renumber(void *fdt, const char *path, uint32_t reg);
void dtb_del_node(void *fdt, const char *path);
/** dtb_add_node() - add @name under @parent; returns its offset. */
int dtb_add_node(void *fdt, const char *parent, const char *name);
/** dtb_phandle() - the phandle of @path, giving it @fallback if it has none. */
uint32_t dtb_phandle(void *fdt, const char *path, uint32_t fallback);

#endif /* TEST_DTB_UTIL_H */
