/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The EL3 identity map. With the MMU off every access is Device-nGnRnE
 * (unaligned accesses fault, exclusives are unreliable) and the normal
 * world's memory is reached through the secure physical space. The map
 * makes RAM Normal write-back, devices Device, and marks the normal world's
 * memory non-secure.
 */
#ifndef FW_MMU_H
#define FW_MMU_H

#include <stdbool.h>
#include <stdint.h>

enum fw_mmu_type {
	FW_MMU_CODE,	  /* secure, Normal WB, read-only, executable */
	FW_MMU_RODATA,	  /* secure, Normal WB, read-only */
	FW_MMU_DATA,	  /* secure, Normal WB, read-write */
	FW_MMU_DEVICE,	  /* secure, Device-nGnRnE */
	FW_MMU_NS_RAM,	  /* non-secure, Normal WB, read-write */
	FW_MMU_NS_DEVICE, /* non-secure, Device-nGnRE (what Linux's ioremap gives) */
};

/** fw_mmu_map() - identity-map [@base, @base + @size) (4 KiB aligned) as @type. */
bool fw_mmu_map(uint64_t base, uint64_t size, enum fw_mmu_type type);

/** fw_mmu_tables_used() - translation tables in use, of FW_MMU_TABLES. */
unsigned int fw_mmu_tables_used(void);

/** fw_mmu_enable() - turn the MMU and caches on with the tables built so far (any CPU). */
void fw_mmu_enable(void);

/**
 * fw_mmu_sync() - after fw_mmu_map() with the MMU already on (boot CPU, nothing else
 * touching the ranges): drop the translations this CPU may still hold for them.
 */
void fw_mmu_sync(void);

#endif /* FW_MMU_H */
