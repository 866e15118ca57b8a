/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The firmware's configuration: QEMU virt,secure=on's memory map (facts in
 * shared/reference/optee-smc-abi.md §e), the normal world's boot contract,
 * the static regions it may reserve, and the limits.
 *
 * RAM budget (secure RAM, 16 MiB): .data + .bss (the server with its
 * per-agent state, the TEE tables), the page tables (FW_MMU_TABLES x 4 KiB),
 * FW_MAX_CPUS stacks of FW_STACK_SIZE and the platform's arena
 * (FW_PLAT_ARENA_SIZE: the simulated platform as loaded from its DT; the
 * firmware prints its peak at boot). The deepest paths are the platform's
 * load at boot and an SMC that processes an SCMI message: the saved
 * registers (general and FP/SIMD, 800 bytes), the message layer's private
 * arg copy, the server's request and response copies (2 x
 * SCMI_SERVER_MAX_PAYLOAD) and the platform's op; `make firmware` lists the
 * largest frames in fw.stack. docs/porting.md has the numbers.
 */
#ifndef FW_CONFIG_H
#define FW_CONFIG_H

/* CPUs: MPIDR Aff0 0..FW_MAX_CPUS-1 in cluster 0 (QEMU virt with GICv2 has at most 8). */
#define FW_MAX_CPUS   8
#define FW_STACK_SIZE 0x4000
/* What each CPU fills its stack with at reset: the report at power-off measures the depth. */
#define FW_STACK_PAINT 0x5741434b5741434bUL

/* Secure memory: the flash the image runs from, and the RAM only the secure world sees. */
#define FW_FLASH_BASE  0x00000000UL
#define FW_FLASH_SIZE  0x04000000UL
#define FW_SECRAM_BASE 0x0e000000UL
#define FW_SECRAM_SIZE 0x01000000UL

/* Devices. */
#define FW_GICD_BASE   0x08000000UL
#define FW_GICC_BASE   0x08010000UL
#define FW_UART_BASE   0x09040000UL /* the secure PL011 */
#define FW_GPIO_BASE   0x090b0000UL /* secure PL061: pin 0 power-off, pin 1 restart */
#define FW_DEVICE_BASE 0x08000000UL /* the MMIO window below secure RAM */
#define FW_DEVICE_SIZE 0x06000000UL

/* The normal world: RAM base, where QEMU puts the DTB, where the kernel Image is loaded. */
#define FW_NS_RAM_BASE 0x40000000UL
#define FW_NS_DTB      0x40000000UL
#define FW_NS_DTB_MAX  0x00200000UL
#define FW_NS_ENTRY    0x40200000UL
/* RAM assumed when the DTB names none (QEMU virt's smallest useful size). */
#define FW_NS_RAM_DEFAULT 0x08000000UL
/* Most RAM the firmware maps (the MMU covers a 39-bit space). */
#define FW_NS_RAM_MAX 0x4000000000UL

/*
 * Static regions, each used only if the DTB reserves it with no-map. The platform DT's
 * static SMT areas (arm,scmi-shmem regions of its channels) keep their layout but move
 * as one window, page-aligned, to end at FW_STATIC_TOP: the top of a 1 GiB guest (a
 * window larger than FW_STATIC_MAX is not offered). Below it, the static shared-memory
 * pool, offered instead of dynamic shared memory.
 */
#define FW_STATIC_TOP	 0x80000000UL
#define FW_STATIC_MAX	 0x00200000UL
#define FW_SHM_POOL_BASE 0x7fc00000UL
#define FW_SHM_POOL_SIZE 0x00200000UL

/*
 * The platform: its DTB is appended to the image (Makefile) at the first 4 KiB boundary
 * after it, in the secure flash; the platform loaded from it lives in an arena of secure RAM.
 */
#define FW_PLAT_ARENA_SIZE 0x00200000UL

/* OP-TEE threads Linux may think we have (it must see at least 2). */
#define FW_THREAD_COUNT 8

/* GET_OS_REVISION. */
#define FW_REV_MAJOR 0
#define FW_REV_MINOR 1
#ifndef FW_BUILD_ID
#define FW_BUILD_ID 0
#endif

/*
 * The secure physical timer's interrupt (PPI 13): the firmware's own, a FIQ taken at EL3,
 * for the fast-channel passes at the rate limit (core/fc.c). Boot CPU only.
 */
#define FW_SEC_TIMER_INTID 29u

/* Page tables the MMU set-up may use. */
#define FW_MMU_TABLES 16

#endif /* FW_CONFIG_H */
