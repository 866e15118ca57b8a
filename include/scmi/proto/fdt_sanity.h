/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * A structural pre-check of a flattened device tree, run before libfdt's
 * fdt_check_full(). Debian 12's libfdt 1.6.1 loops forever on a property
 * whose length wraps the cursor (0xfffffff4) and dereferences NULL on trees
 * of format version < 16 (found by tests/fuzz/fuzz_dt_loader): a hostile DTB
 * could hang or crash the agent or the daemon. This walk bounds every token
 * by the structure block so that libfdt only ever sees a sane tree.
 * Freestanding.
 */
#ifndef SCMI_PROTO_FDT_SANITY_H
#define SCMI_PROTO_FDT_SANITY_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/**
 * scmi_fdt_sanity() - check the header (magic, version 16..17, blocks inside totalsize and
 * inside @size) and walk the structure block: every node name terminated inside it, every
 * property length within it, nesting bounded, an END token present. 0 if sane, else a
 * negative value; *@why (if non-NULL) names the problem.
 */
int scmi_fdt_sanity(const void *fdt, size_t size, const char **why);

/**
 * scmi_fdt_struct_size() - the bytes of the structure block of a tree that passed
 * scmi_fdt_sanity(): size_dt_struct at version 17; at version 16, which has no such field
 * (whatever the header holds there is not a size, and libfdt does not look), the rest of
 * the blob from the block's start.
 */
size_t scmi_fdt_struct_size(const void *fdt);

#ifdef __cplusplus
}
#endif

#endif /* SCMI_PROTO_FDT_SANITY_H */
