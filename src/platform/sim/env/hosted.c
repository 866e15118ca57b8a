// SPDX-License-Identifier: BSD-3-Clause
/* The hosted environment of the simulated platform (sim_env.h): libc and POSIX. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "platform/sim/sim_env.h"

void *sim_calloc(size_t n, size_t size)
{
	return calloc(n, size);
}

void *sim_realloc(void *p, size_t size)
{
	return realloc(p, size);
}

void sim_free(void *p)
{
	free(p);
}

uint64_t sim_now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

int sim_vsnprintf(char *buf, size_t len, const char *fmt, va_list ap)
{
	return vsnprintf(buf, len, fmt, ap);
}

int sim_snprintf(char *buf, size_t len, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(buf, len, fmt, ap);
	va_end(ap);
	return n;
}

void sim_log(const char *fmt, ...)
{
	char line[256];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(line, sizeof(line), fmt, ap);
	va_end(ap);
	/* One write per line: lines of concurrent threads do not interleave. */
	fprintf(stderr, "%s\n", line);
}
