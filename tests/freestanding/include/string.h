/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The only libc the server core may use: the freestanding-friendly part of
 * <string.h> that every firmware C library provides. The freestanding build
 * check compiles src/server and src/proto against this and the compiler's
 * own freestanding headers, nothing else.
 */
#ifndef FREESTANDING_STRING_H
#define FREESTANDING_STRING_H
#include <stddef.h>
void *memcpy(void *dst, const void *src, size_t n);
void *memmove(void *dst, const void *src, size_t n);
void *memset(void *dst, int c, size_t n);
int memcmp(const void *a, const void *b, size_t n);
size_t strlen(const char *s);
size_t strnlen(const char *s, size_t n);
int strcmp(const char *a, const char *b);
int strncmp(const char *a, const char *b, size_t n);
char *strncpy(char *dst, const char *src, size_t n);
#endif
