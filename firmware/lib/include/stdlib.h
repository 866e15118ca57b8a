/* SPDX-License-Identifier: BSD-3-Clause */
/* The firmware's <stdlib.h>: what libfdt's environment header asks for (lib/string.c). */
#ifndef FW_STDLIB_H
#define FW_STDLIB_H
#include <stddef.h>
unsigned long strtoul(const char *s, char **end, int base);
#endif
