// SPDX-License-Identifier: BSD-3-Clause
/* The secure PL011. */
#include "fw/arch.h"
#include "fw/config.h"
#include "fw/console.h"

#define UART_DR		  0x00u
#define UART_FR		  0x18u
#define UART_LCRH	  0x2cu
#define UART_CR		  0x30u
#define FR_TXFF		  (1u << 5)
#define LCRH_8N1_FIFO	  0x70u
#define CR_UARTEN_TXE_RXE 0x301u

void fw_uart_init(void)
{
	fw_mmio_write32(FW_UART_BASE + UART_CR, 0);
	fw_mmio_write32(FW_UART_BASE + UART_LCRH, LCRH_8N1_FIFO);
	fw_mmio_write32(FW_UART_BASE + UART_CR, CR_UARTEN_TXE_RXE);
}

static void raw_putc(char c)
{
	while (fw_mmio_read32(FW_UART_BASE + UART_FR) & FR_TXFF)
		;
	fw_mmio_write32(FW_UART_BASE + UART_DR, (uint8_t)c);
}

void fw_uart_putc(char c)
{
	if (c == '\n')
		raw_putc('\r');
	raw_putc(c);
}
