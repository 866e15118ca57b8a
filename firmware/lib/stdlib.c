// SPDX-License-Identifier: BSD-3-Clause
/*
 * What libfdt needs beyond <string.h>: strtoul (fdt_path_offset() reads
 * alias and unit names with it), and the stack protector's guard and
 * failure hook, as Debian builds libfdt.a with -fstack-protector-strong.
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>

#include "fw/console.h"

unsigned long strtoul(const char *s, char **end, int base)
{
	const char *start = s;
	unsigned long v = 0;
	bool neg = false, any = false;

	while (*s == ' ' || (*s >= '\t' && *s <= '\r'))
		s++;
	if (*s == '+' || *s == '-')
		neg = *s++ == '-';
	if ((base == 0 || base == 16) && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
		s += 2;
		base = 16;
	} else if (base == 0) {
		base = s[0] == '0' ? 8 : 10;
	}
	for (;; s++) {
		unsigned int d;

		if (*s >= '0' && *s <= '9')
			d = (unsigned int)(*s - '0');
		else if (*s >= 'a' && *s <= 'z')
			d = (unsigned int)(*s - 'a') + 10;
		else if (*s >= 'A' && *s <= 'Z')
			d = (unsigned int)(*s - 'A') + 10;
		else
			break;
		if (d >= (unsigned int)base)
			break;
		/* Saturate as strtoul does (errno aside: there is none). */
		v = v > (~0ul - d) / (unsigned long)base ? ~0ul : v * (unsigned long)base + d;
		any = true;
	}
	if (end)
		*end = (char *)(any ? s : start);
	return neg ? 0ul - v : v;
}

/* A fixed guard: it catches overruns, not an attacker who can read the firmware's image. */
uintptr_t __stack_chk_guard = 0x5ec3a7d1c0ffee00ul;

void __stack_chk_fail(void);
void __stack_chk_fail(void)
{
	fw_panic("stack smashing detected\n");
}
