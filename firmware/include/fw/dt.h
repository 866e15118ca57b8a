/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * What the firmware reads from the device tree it hands to the normal
 * world: where RAM is (/memory), and which regions the normal world keeps
 * its hands off (/reserved-memory children with no-map). The firmware
 * offers a static region (an SMT area, the shared-memory pool) only when
 * the tree reserves it, so Linux never uses it as ordinary RAM meanwhile.
 * Host-buildable; the tree is checked by scmi_fdt_sanity() first.
 */
#ifndef FW_DT_H
#define FW_DT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define FW_DT_MAX_MEM  4u
#define FW_DT_MAX_RESV 16u

/** struct fw_dt_region - a physical region. */
struct fw_dt_region {
	uint64_t base;
	uint64_t size;
};

/**
 * struct fw_dt_info - what fw_dt_scan() found.
 * @mem:      RAM regions (/memory reg entries)
 * @num_mem:  how many
 * @resv:     no-map reserved regions
 * @num_resv: how many
 */
struct fw_dt_info {
	struct fw_dt_region mem[FW_DT_MAX_MEM];
	size_t num_mem;
	struct fw_dt_region resv[FW_DT_MAX_RESV];
	size_t num_resv;
};

/**
 * fw_dt_scan() - scan the tree at @fdt (at most @max_size bytes readable) into @info.
 * 0 on success, negative if the tree is not sane; *@why names the problem.
 */
int fw_dt_scan(const void *fdt, size_t max_size, struct fw_dt_info *info, const char **why);

/** fw_dt_reserved() - whether one no-map region covers [@base, @base + @size). */
bool fw_dt_reserved(const struct fw_dt_info *info, uint64_t base, uint64_t size);

#endif /* FW_DT_H */
