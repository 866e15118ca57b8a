/* SPDX-License-Identifier: BSD-3-Clause */
/* AArch64 helpers of the firmware: system registers, barriers, the one lock. */
#ifndef FW_ARCH_H
#define FW_ARCH_H

#include <stdint.h>

#define fw_read_sysreg(r)                                                                          \
	({                                                                                         \
		uint64_t _v;                                                                       \
		__asm__ volatile("mrs %0, " #r : "=r"(_v));                                        \
		_v;                                                                                \
	})
#define fw_write_sysreg(r, v) __asm__ volatile("msr " #r ", %0" ::"r"((uint64_t)(v)) : "memory")

static inline void fw_isb(void)
{
	__asm__ volatile("isb" ::: "memory");
}

static inline void fw_dsb(void)
{
	__asm__ volatile("dsb sy" ::: "memory");
}

static inline void fw_sev(void)
{
	__asm__ volatile("sev" ::: "memory");
}

static inline void fw_wfe(void)
{
	__asm__ volatile("wfe" ::: "memory");
}

/* Clean the cache line of @p to the point of coherency, for a CPU whose MMU is still off. */
static inline void fw_clean_dcache(const volatile void *p)
{
	__asm__ volatile("dc civac, %0" ::"r"(p) : "memory");
	fw_dsb();
}

static inline void fw_mmio_write32(uint64_t addr, uint32_t v)
{
	*(volatile uint32_t *)(uintptr_t)addr = v;
}

static inline uint32_t fw_mmio_read32(uint64_t addr)
{
	return *(volatile uint32_t *)(uintptr_t)addr;
}

/** struct fw_lock - a spinlock (exclusives need the MMU on: Normal memory). */
struct fw_lock {
	volatile uint32_t held;
};

static inline void fw_lock(struct fw_lock *l)
{
	while (__atomic_exchange_n(&l->held, 1u, __ATOMIC_ACQUIRE))
		while (__atomic_load_n(&l->held, __ATOMIC_RELAXED))
			;
}

static inline void fw_unlock(struct fw_lock *l)
{
	__atomic_store_n(&l->held, 0u, __ATOMIC_RELEASE);
}

/** fw_cpu_id() - this CPU's index (MPIDR Aff0). */
static inline unsigned int fw_cpu_id(void)
{
	return (unsigned int)(fw_read_sysreg(mpidr_el1) & 0xff);
}

#endif /* FW_ARCH_H */
