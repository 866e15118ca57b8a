/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The normal world's memory, as the secure firmware may touch it.
 *
 * Every physical address the normal world hands over (an optee_msg_arg, a
 * page list, a data page, a temporary memref) goes through fw_ns_map(): the
 * whole range must lie inside one RAM range the boot configuration declared
 * non-secure, must not overlap any range declared secure (the firmware's
 * flash, its RAM, anything else the platform keeps for itself), and must not
 * wrap. Only then does it get a pointer. The map of a range is where the
 * firmware sees it: identity in the firmware, a host buffer in the tests.
 */
#ifndef FW_NSMEM_H
#define FW_NSMEM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define FW_NS_MAX_RAM	 4u
#define FW_NS_MAX_SECURE 4u

/**
 * struct fw_range - a physical range.
 * @base: first byte
 * @size: bytes (0: the entry is unused)
 * @va:   where the firmware sees @base (ranges of fw_nsmem.ram only)
 */
struct fw_range {
	uint64_t base;
	uint64_t size;
	uint8_t *va;
};

/**
 * struct fw_nsmem - what the normal world may name.
 * @ram:    non-secure RAM
 * @secure: ranges never to be touched on the normal world's behalf, even if @ram claims them
 */
struct fw_nsmem {
	struct fw_range ram[FW_NS_MAX_RAM];
	struct fw_range secure[FW_NS_MAX_SECURE];
};

/** fw_ns_add_ram() - declare [@base, @base + @size) non-secure RAM seen at @va; false if full. */
bool fw_ns_add_ram(struct fw_nsmem *ns, uint64_t base, uint64_t size, void *va);

/** fw_ns_add_secure() - declare [@base, @base + @size) secure; false if full. */
bool fw_ns_add_secure(struct fw_nsmem *ns, uint64_t base, uint64_t size);

/** fw_ns_range_ok() - whether [@pa, @pa + @size) is usable normal-world RAM (@size > 0). */
bool fw_ns_range_ok(const struct fw_nsmem *ns, uint64_t pa, uint64_t size);

/** fw_ns_map() - the firmware's pointer to [@pa, @pa + @size), or NULL if not fw_ns_range_ok(). */
void *fw_ns_map(const struct fw_nsmem *ns, uint64_t pa, uint64_t size);

#endif /* FW_NSMEM_H */
