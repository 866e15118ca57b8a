/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Entry, exception vectors and the SMC path of the EL3 firmware.
 *
 * Every CPU of QEMU virt starts here, at EL3 with the MMU off. Each takes
 * its own stack (its top also kept in TPIDR_EL3, so that every SMC starts on
 * a fresh stack), then the boot CPU (Aff0 = 0) copies .data and clears .bss
 * and runs fw_main(); the others run fw_secondary_main(), which parks them
 * until PSCI CPU_ON. Both return the normal world's entry point and x0 in
 * x0/x1, and fw_enter_ns drops to non-secure EL1 there.
 *
 * An SMC from the normal world saves x0..x30, ELR and SPSR on the stack and
 * calls fw_smc_handler() with a pointer to them; the handler writes the
 * results into the saved x0..x3, and everything is restored on the way out.
 * The normal world's FP/SIMD state (q0..q31, FPSR, FPCR) is live across an
 * SMC, as Linux does not save it for the call, and the simulated platform
 * computes with double: it is saved and restored around the handler too.
 * A FIQ (the secure timer, group 0) is handled likewise by fw_fiq_handler(). Any other
 * exception is fatal.
 */
#include "fw/config.h"

#define SCR_NS_EL1_AARCH64 0x435 /* NS, FIQ to EL3, RES1 bits 5:4, RW: lower ELs AArch64 */
#define SPSR_EL1H_DAIF	   0x3c5 /* EL1h, D, A, I, F masked */
#define SCTLR_EL3_RESET	   0x30c50830 /* RES1 bits only: MMU and caches off */
#define SCTLR_EL1_RESET	   0x30d00800 /* likewise for EL1 */
#define FRAME_SIZE	   (34 * 8)
#define FP_FRAME_SIZE	   (16 + 32 * 16) /* FPSR, FPCR, then q0..q31 */

	.section .text.entry, "ax"
	.global _start
_start:
	mrs	x0, mpidr_el1
	ubfx	x1, x0, #8, #16 /* Aff1, Aff2 */
	cbnz	x1, park_forever
	and	x19, x0, #0xff
	cmp	x19, #FW_MAX_CPUS
	b.hs	park_forever

	msr	daifset, #0xf
	ldr	x0, =SCTLR_EL3_RESET
	msr	sctlr_el3, x0
	adr	x0, vectors
	msr	vbar_el3, x0
	msr	cptr_el3, xzr /* the normal world may use FP/SIMD */
	isb

	ldr	x0, =fw_stacks
	mov	x1, #FW_STACK_SIZE
	madd	x0, x19, x1, x0
	/* Paint the stack, so that the report at power-off can tell how deep it went. */
	ldr	x2, =FW_STACK_PAINT
	add	x3, x0, x1
0:	str	x2, [x0], #8
	cmp	x0, x3
	b.lo	0b
	mov	sp, x0
	msr	tpidr_el3, x0

	cbnz	x19, 1f
	ldr	x0, =__data_start
	ldr	x1, =__data_lma
	ldr	x2, =__data_end
0:	cmp	x0, x2
	b.hs	0f
	ldr	x3, [x1], #8
	str	x3, [x0], #8
	b	0b
0:	ldr	x0, =__bss_start
	ldr	x1, =__bss_end
0:	cmp	x0, x1
	b.hs	0f
	str	xzr, [x0], #8
	b	0b
0:	bl	fw_main
	b	fw_enter_ns

1:	mov	x0, x19
	bl	fw_secondary_main
	b	fw_enter_ns

park_forever:
	wfe
	b	park_forever

/* fw_enter_ns(entry, arg): drop to non-secure EL1h at @entry with x0 = @arg. */
	.global fw_enter_ns
fw_enter_ns:
	msr	elr_el3, x0
	mov	x0, x1
	mov	x1, #SCR_NS_EL1_AARCH64
	msr	scr_el3, x1
	mov	x1, #SPSR_EL1H_DAIF
	msr	spsr_el3, x1
	/*
	 * The kernel expects its MMU off at entry (booting.rst). A CPU that CPU_OFF parked here
	 * still has the MMU and caches its kernel had turned on: switch them off.
	 */
	ldr	x1, =SCTLR_EL1_RESET
	msr	sctlr_el1, x1
	mrs	x1, tpidr_el3
	mov	sp, x1
	/* Leave nothing of the secure world in the registers. */
	mov	x1, xzr
	mov	x2, xzr
	mov	x3, xzr
	mov	x4, xzr
	mov	x5, xzr
	mov	x6, xzr
	mov	x7, xzr
	mov	x8, xzr
	mov	x9, xzr
	mov	x10, xzr
	mov	x11, xzr
	mov	x12, xzr
	mov	x13, xzr
	mov	x14, xzr
	mov	x15, xzr
	mov	x16, xzr
	mov	x17, xzr
	mov	x18, xzr
	mov	x19, xzr
	mov	x20, xzr
	mov	x21, xzr
	mov	x22, xzr
	mov	x23, xzr
	mov	x24, xzr
	mov	x25, xzr
	mov	x26, xzr
	mov	x27, xzr
	mov	x28, xzr
	mov	x29, xzr
	mov	x30, xzr
	isb
	eret

/* fw_cpu_park(cpu): PSCI CPU_OFF: back to a fresh stack, wait for CPU_ON, enter there. */
	.global fw_cpu_park
fw_cpu_park:
	mrs	x1, tpidr_el3
	mov	sp, x1
	bl	fw_wait_cpu_on
	b	fw_enter_ns

	.macro	fatal kind
	mov	x0, #\kind
	mrs	x1, esr_el3
	mrs	x2, elr_el3
	mrs	x3, far_el3
	b	fw_exception_panic
	.endm

	.balign	2048
vectors:
	/* Current EL with SP_EL0. */
	.balign	0x80
	fatal	0
	.balign	0x80
	fatal	1
	.balign	0x80
	fatal	2
	.balign	0x80
	fatal	3
	/* Current EL with SP_ELx. */
	.balign	0x80
	fatal	4
	.balign	0x80
	fatal	5
	.balign	0x80
	fatal	6
	.balign	0x80
	fatal	7
	/* Lower EL, AArch64: the synchronous entry is the SMC. */
	.balign	0x80
	b	smc_entry
	.balign	0x80
	fatal	9
	.balign	0x80
	b	fiq_entry
	.balign	0x80
	fatal	11
	/* Lower EL, AArch32. */
	.balign	0x80
	fatal	12
	.balign	0x80
	fatal	13
	.balign	0x80
	fatal	14
	.balign	0x80
	fatal	15

/* The normal world's general registers, ELR and SPSR: struct fw_smc_regs at sp. */
	.macro	save_gprs
	sub	sp, sp, #FRAME_SIZE
	stp	x0, x1, [sp, #0]
	stp	x2, x3, [sp, #16]
	stp	x4, x5, [sp, #32]
	stp	x6, x7, [sp, #48]
	stp	x8, x9, [sp, #64]
	stp	x10, x11, [sp, #80]
	stp	x12, x13, [sp, #96]
	stp	x14, x15, [sp, #112]
	stp	x16, x17, [sp, #128]
	stp	x18, x19, [sp, #144]
	stp	x20, x21, [sp, #160]
	stp	x22, x23, [sp, #176]
	stp	x24, x25, [sp, #192]
	stp	x26, x27, [sp, #208]
	stp	x28, x29, [sp, #224]
	mrs	x0, elr_el3
	mrs	x1, spsr_el3
	stp	x30, x0, [sp, #240]
	str	x1, [sp, #256]
	.endm

/* Its FP/SIMD state below them: the platform computes with double. */
	.macro	save_fp
	sub	sp, sp, #FP_FRAME_SIZE
	stp	q0, q1, [sp, #16]
	stp	q2, q3, [sp, #48]
	stp	q4, q5, [sp, #80]
	stp	q6, q7, [sp, #112]
	stp	q8, q9, [sp, #144]
	stp	q10, q11, [sp, #176]
	stp	q12, q13, [sp, #208]
	stp	q14, q15, [sp, #240]
	stp	q16, q17, [sp, #272]
	stp	q18, q19, [sp, #304]
	stp	q20, q21, [sp, #336]
	stp	q22, q23, [sp, #368]
	stp	q24, q25, [sp, #400]
	stp	q26, q27, [sp, #432]
	stp	q28, q29, [sp, #464]
	stp	q30, q31, [sp, #496]
	mrs	x0, fpsr
	mrs	x1, fpcr
	stp	x0, x1, [sp, #0]
	.endm

/* Both back, and return to it. */
	.macro	restore_all_eret
	ldp	x0, x1, [sp, #0]
	msr	fpsr, x0
	msr	fpcr, x1
	ldp	q0, q1, [sp, #16]
	ldp	q2, q3, [sp, #48]
	ldp	q4, q5, [sp, #80]
	ldp	q6, q7, [sp, #112]
	ldp	q8, q9, [sp, #144]
	ldp	q10, q11, [sp, #176]
	ldp	q12, q13, [sp, #208]
	ldp	q14, q15, [sp, #240]
	ldp	q16, q17, [sp, #272]
	ldp	q18, q19, [sp, #304]
	ldp	q20, q21, [sp, #336]
	ldp	q22, q23, [sp, #368]
	ldp	q24, q25, [sp, #400]
	ldp	q26, q27, [sp, #432]
	ldp	q28, q29, [sp, #464]
	ldp	q30, q31, [sp, #496]
	add	sp, sp, #FP_FRAME_SIZE
	ldp	x30, x0, [sp, #240]
	ldr	x1, [sp, #256]
	msr	elr_el3, x0
	msr	spsr_el3, x1
	ldp	x0, x1, [sp, #0]
	ldp	x2, x3, [sp, #16]
	ldp	x4, x5, [sp, #32]
	ldp	x6, x7, [sp, #48]
	ldp	x8, x9, [sp, #64]
	ldp	x10, x11, [sp, #80]
	ldp	x12, x13, [sp, #96]
	ldp	x14, x15, [sp, #112]
	ldp	x16, x17, [sp, #128]
	ldp	x18, x19, [sp, #144]
	ldp	x20, x21, [sp, #160]
	ldp	x22, x23, [sp, #176]
	ldp	x24, x25, [sp, #192]
	ldp	x26, x27, [sp, #208]
	ldp	x28, x29, [sp, #224]
	add	sp, sp, #FRAME_SIZE
	eret
	.endm

smc_entry:
	save_gprs
	mrs	x0, esr_el3
	lsr	x0, x0, #26
	cmp	x0, #0x17 /* EC: SMC from AArch64 */
	b.eq	0f
	fatal	8
0:	save_fp
	add	x0, sp, #FP_FRAME_SIZE
	bl	fw_smc_handler
	restore_all_eret

/*
 * A FIQ from the normal world: a group 0 interrupt, the firmware's own (the secure timer of
 * the fast channels). Everything is saved as for an SMC, and nothing of it changes.
 */
fiq_entry:
	save_gprs
	save_fp
	bl	fw_fiq_handler
	restore_all_eret
