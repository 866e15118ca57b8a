/* SPDX-License-Identifier: BSD-3-Clause */
/* The secure console (PL011) and a small printf: %s %c %d %u %x %p, l/ll, 0-padded width. */
#ifndef FW_CONSOLE_H
#define FW_CONSOLE_H

#include <stdarg.h>
#include <stdint.h>

/** fw_uart_init() - set up the secure UART (8N1, FIFOs on). */
void fw_uart_init(void);

/** fw_uart_putc() - one character, '\n' as CR LF. */
void fw_uart_putc(char c);

/** fw_printf() - formatted output on the secure console, under the console lock. */
void fw_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/** fw_panic() - print, then stop this CPU for good. */
void fw_panic(const char *fmt, ...) __attribute__((format(printf, 1, 2), noreturn));

#endif /* FW_CONSOLE_H */
