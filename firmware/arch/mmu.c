// SPDX-License-Identifier: BSD-3-Clause
/*
 * EL3 translation tables: 4 KiB granule, 39-bit space (T0SZ 25), so the walk
 * starts at level 1 (1 GiB blocks), splitting to 2 MiB and 4 KiB where a
 * range needs it. The boot CPU builds the tables with its MMU off, and adds
 * the static SMT areas once the platform (loaded with the MMU on) has named
 * them, before any other CPU enables the same tables. Nothing changes them
 * afterwards.
 */
#include <string.h>

#include "fw/arch.h"
#include "fw/config.h"
#include "fw/mmu.h"

#define ENTRIES	     512u
#define DESC_BLOCK   1ull
#define DESC_TABLE   3ull
#define DESC_PAGE    3ull
#define DESC_VALID   1ull
#define DESC_ATTR(i) ((uint64_t)(i) << 2)
#define DESC_NS	     (1ull << 5)
#define DESC_AP_RO   (2ull << 6)
#define DESC_SH_IS   (3ull << 8)
#define DESC_AF	     (1ull << 10)
#define DESC_XN	     (1ull << 54)
#define DESC_ADDR    0x0000fffffffff000ull

/* MAIR_EL3 slots. */
#define MAIR_DEVICE_NGNRNE 0u
#define MAIR_NORMAL_WB	   1u
#define MAIR_DEVICE_NGNRE  2u
#define MAIR_VALUE	   ((0x00ull << 0) | (0xffull << 8) | (0x04ull << 16))

/* TCR_EL3: T0SZ 25, inner/outer WBWA, inner shareable, 4 KiB granule, 40-bit PA, RES1. */
#define TCR_VALUE                                                                                  \
	(25ull | (1ull << 8) | (1ull << 10) | (3ull << 12) | (2ull << 16) | (1ull << 23) |         \
	 (1ull << 31))
#define SCTLR_M (1ull << 0)
#define SCTLR_C (1ull << 2)
#define SCTLR_I (1ull << 12)

static uint64_t tables[FW_MMU_TABLES][ENTRIES] __attribute__((aligned(4096)));
static unsigned int tables_used = 1;

static uint64_t type_attrs(enum fw_mmu_type type)
{
	switch (type) {
	case FW_MMU_CODE:
		return DESC_ATTR(MAIR_NORMAL_WB) | DESC_SH_IS | DESC_AF | DESC_AP_RO;
	case FW_MMU_RODATA:
		return DESC_ATTR(MAIR_NORMAL_WB) | DESC_SH_IS | DESC_AF | DESC_AP_RO | DESC_XN;
	case FW_MMU_DATA:
		return DESC_ATTR(MAIR_NORMAL_WB) | DESC_SH_IS | DESC_AF | DESC_XN;
	case FW_MMU_NS_RAM:
		return DESC_ATTR(MAIR_NORMAL_WB) | DESC_SH_IS | DESC_AF | DESC_XN | DESC_NS;
	case FW_MMU_NS_DEVICE:
		return DESC_ATTR(MAIR_DEVICE_NGNRE) | DESC_AF | DESC_XN | DESC_NS;
	case FW_MMU_DEVICE:
	default:
		return DESC_ATTR(MAIR_DEVICE_NGNRNE) | DESC_AF | DESC_XN;
	}
}

static uint64_t *new_table(void)
{
	if (tables_used >= FW_MMU_TABLES)
		return NULL;
	return tables[tables_used++];
}

/* Map [va, end) into @table at @level (1..3) with descriptor attributes @attrs. */
static bool map_level(uint64_t *table, unsigned int level, uint64_t va, uint64_t end,
		      uint64_t attrs)
{
	const unsigned int shift = 39 - 9 * level;
	const uint64_t blk = 1ull << shift;

	while (va < end) {
		uint64_t *e = &table[(va >> shift) & (ENTRIES - 1)];
		uint64_t start = va & ~(blk - 1);
		uint64_t stop = start + blk < end ? start + blk : end;

		if (level == 3 || (va == start && stop == start + blk && (*e & 3) != DESC_TABLE)) {
			*e = va | attrs | (level == 3 ? DESC_PAGE : DESC_BLOCK);
		} else {
			uint64_t *sub;

			if ((*e & 3) == DESC_TABLE) {
				sub = (uint64_t *)(uintptr_t)(*e & DESC_ADDR);
			} else {
				sub = new_table();
				if (!sub)
					return false;
				/* A block being split keeps its mapping around the new range. */
				if (*e & DESC_VALID) {
					uint64_t old = *e & ~DESC_ADDR & ~3ull;
					uint64_t sub_blk = blk >> 9;

					for (unsigned int i = 0; i < ENTRIES; i++)
						sub[i] = (start + i * sub_blk) | old |
							 (level + 1 == 3 ? DESC_PAGE : DESC_BLOCK);
				}
				*e = (uint64_t)(uintptr_t)sub | DESC_TABLE;
			}
			if (!map_level(sub, level + 1, va, stop, attrs))
				return false;
		}
		va = stop;
	}
	return true;
}

unsigned int fw_mmu_tables_used(void)
{
	return tables_used;
}

bool fw_mmu_map(uint64_t base, uint64_t size, enum fw_mmu_type type)
{
	if ((base | size) & 0xfffull || base + size < base || base + size > (1ull << 39))
		return false;
	return map_level(tables[0], 1, base, base + size, type_attrs(type));
}

void fw_mmu_enable(void)
{
	fw_write_sysreg(mair_el3, MAIR_VALUE);
	fw_write_sysreg(tcr_el3, TCR_VALUE);
	fw_write_sysreg(ttbr0_el3, (uintptr_t)tables[0]);
	fw_dsb();
	__asm__ volatile("tlbi alle3" ::: "memory");
	fw_dsb();
	fw_isb();
	fw_write_sysreg(sctlr_el3, fw_read_sysreg(sctlr_el3) | SCTLR_M | SCTLR_C | SCTLR_I);
	fw_isb();
}

void fw_mmu_sync(void)
{
	__asm__ volatile("dsb ishst" ::: "memory");
	__asm__ volatile("tlbi alle3" ::: "memory");
	fw_dsb();
	fw_isb();
}
