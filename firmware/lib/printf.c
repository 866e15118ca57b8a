// SPDX-License-Identifier: BSD-3-Clause
/* A small printf for the secure console: what the firmware's messages use, nothing more. */
#include <stdbool.h>
#include <stdint.h>

#include "fw/arch.h"
#include "fw/console.h"

static struct fw_lock console_lock;
/* The MMU (and so the lock's exclusives) is on once the boot CPU says so. */
bool fw_console_locking;

static void put_num(uint64_t v, unsigned int base, int width, bool zero, bool neg)
{
	char buf[24];
	int n = 0;

	do {
		buf[n++] = "0123456789abcdef"[v % base];
		v /= base;
	} while (v);
	if (neg)
		buf[n++] = '-';
	for (; width > n; width--)
		fw_uart_putc(zero ? '0' : ' ');
	while (n)
		fw_uart_putc(buf[--n]);
}

static void vprint(const char *fmt, va_list ap)
{
	for (; *fmt; fmt++) {
		int width = 0, longs = 0;
		bool zero = false;
		uint64_t v;

		if (*fmt != '%') {
			fw_uart_putc(*fmt);
			continue;
		}
		fmt++;
		if (*fmt == '0') {
			zero = true;
			fmt++;
		}
		while (*fmt >= '0' && *fmt <= '9')
			width = width * 10 + (*fmt++ - '0');
		while (*fmt == 'l') {
			longs++;
			fmt++;
		}
		switch (*fmt) {
		case 's': {
			const char *s = va_arg(ap, const char *);

			for (s = s ? s : "(null)"; *s; s++)
				fw_uart_putc(*s);
			break;
		}
		case 'c':
			fw_uart_putc((char)va_arg(ap, int));
			break;
		case 'd': {
			int64_t d = longs ? va_arg(ap, int64_t) : va_arg(ap, int);

			put_num(d < 0 ? (uint64_t)-d : (uint64_t)d, 10, width, zero, d < 0);
			break;
		}
		case 'u':
		case 'x':
			v = longs ? va_arg(ap, uint64_t) : va_arg(ap, unsigned int);
			put_num(v, *fmt == 'u' ? 10 : 16, width, zero, false);
			break;
		case 'p':
			fw_uart_putc('0');
			fw_uart_putc('x');
			put_num((uintptr_t)va_arg(ap, void *), 16, width, zero, false);
			break;
		case '%':
			fw_uart_putc('%');
			break;
		default:
			return;
		}
	}
}

void fw_printf(const char *fmt, ...)
{
	va_list ap;

	if (fw_console_locking)
		fw_lock(&console_lock);
	va_start(ap, fmt);
	vprint(fmt, ap);
	va_end(ap);
	if (fw_console_locking)
		fw_unlock(&console_lock);
}

void fw_panic(const char *fmt, ...)
{
	va_list ap;

	/* No lock: the panic may come from inside a print. */
	va_start(ap, fmt);
	vprint("\nfw: PANIC: ", ap);
	vprint(fmt, ap);
	va_end(ap);
	for (;;)
		fw_wfe();
}
