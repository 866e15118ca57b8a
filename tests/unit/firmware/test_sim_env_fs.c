// SPDX-License-Identifier: BSD-3-Clause
/*
 * The simulated platform's freestanding environment (src/platform/sim/env/
 * freestanding.c): the arena allocator (first fit, merging, bounds, foreign
 * pointers), its formatter against the host's snprintf, and the clock and log
 * hooks.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "platform/sim/sim_env.h"

static uint8_t arena[64 * 1024] __attribute__((aligned(16)));
static uint64_t fake_ns;
static char last_log[300];

static uint64_t fake_now(void)
{
	return fake_ns;
}

static void fake_log(const char *line)
{
	snprintf(last_log, sizeof(last_log), "%s", line);
}

static void setup_arena(size_t size)
{
	const struct sim_env_fs env = {
	    .arena = arena, .arena_size = size, .now_ns = fake_now, .log = fake_log};

	sim_env_fs_setup(&env);
}

static struct sim_env_fs_stats stats(void)
{
	struct sim_env_fs_stats st;

	sim_env_fs_stats(&st);
	return st;
}

static void test_alloc_free_merge(void **state)
{
	void *a, *b, *c, *big;

	(void)state;
	setup_arena(sizeof(arena));
	assert_int_equal(stats().arena_size, sizeof(arena));
	a = sim_calloc(1, 100);
	b = sim_calloc(3, 40);
	c = sim_calloc(1, 1);
	assert_non_null(a);
	assert_non_null(b);
	assert_non_null(c);
	/* Aligned for any type, zeroed, apart. */
	assert_int_equal((uintptr_t)a % 16, 0);
	assert_int_equal((uintptr_t)b % 16, 0);
	for (int i = 0; i < 120; i++)
		assert_int_equal(((uint8_t *)b)[i], 0);
	memset(a, 0xaa, 100);
	memset(b, 0xbb, 120);
	assert_true((uint8_t *)b >= (uint8_t *)a + 100);
	assert_int_equal(stats().blocks, 3);
	/* Free in an order that needs merging on both sides: the whole arena comes back. */
	sim_free(a);
	sim_free(c);
	sim_free(b);
	assert_int_equal(stats().blocks, 0);
	assert_int_equal(stats().in_use, 0);
	big = sim_calloc(1, sizeof(arena) - 16);
	assert_non_null(big);
	assert_ptr_equal(big, a);
	sim_free(big);
	assert_true(stats().peak >= sizeof(arena));
}

static void test_exhaustion_and_bounds(void **state)
{
	void *p[64] = {0};
	size_t n = 0;

	(void)state;
	setup_arena(4096);
	assert_null(sim_calloc(1, 4096));
	assert_null(sim_calloc((size_t)1 << 62, 8)); /* n * size overflows */
	assert_null(sim_calloc(1, (size_t)-1));
	while (n < 64 && (p[n] = sim_calloc(1, 100)))
		n++;
	assert_true(n > 10 && n < 64);
	assert_null(sim_calloc(1, 100));
	/* One freed block in the middle is reused. */
	sim_free(p[3]);
	p[3] = sim_calloc(1, 100);
	assert_non_null(p[3]);
	for (size_t i = 0; i < n; i++)
		sim_free(p[i]);
	assert_int_equal(stats().in_use, 0);
}

static void test_foreign_and_double_free(void **state)
{
	static uint8_t outside[32];
	uint8_t *a;

	(void)state;
	setup_arena(sizeof(arena));
	a = sim_calloc(1, 64);
	last_log[0] = '\0';
	sim_free(outside + 16);
	assert_non_null(strstr(last_log, "not an allocated block"));
	sim_free(a + 16); /* inside a block, not its start */
	assert_int_equal(stats().blocks, 1);
	sim_free(a);
	assert_int_equal(stats().blocks, 0);
	last_log[0] = '\0';
	sim_free(a); /* twice */
	assert_non_null(strstr(last_log, "not an allocated block"));
	assert_int_equal(stats().in_use, 0);
	sim_free(NULL);
}

static void test_grow(void **state)
{
	uint8_t *a, *b;

	(void)state;
	setup_arena(sizeof(arena));
	a = sim_realloc(NULL, 11);
	assert_non_null(a);
	memcpy(a, "0123456789", 11);
	/* Shrinking or growing within the block keeps it. */
	assert_ptr_equal(sim_realloc(a, 5), a);
	b = sim_realloc(a, 1000);
	assert_non_null(b);
	assert_memory_equal(b, "0123456789", 11);
	assert_int_equal(stats().blocks, 1);
	assert_null(sim_realloc(b, sizeof(arena)));
	assert_int_equal(stats().blocks, 1);
	sim_free(b);
	assert_int_equal(stats().in_use, 0);
}

/* Every format the platform uses, and the corners of C99's snprintf, against the host's. */
#define CHECK_FMT(...)                                                                             \
	do {                                                                                       \
		char want[128], got[128];                                                          \
		int wn = snprintf(want, sizeof(want), __VA_ARGS__);                                \
		int gn = sim_snprintf(got, sizeof(got), __VA_ARGS__);                              \
		assert_string_equal(got, want);                                                    \
		assert_int_equal(gn, wn);                                                          \
	} while (0)

static void test_format(void **state)
{
	char small[8];

	(void)state;
	CHECK_FMT("plain");
	CHECK_FMT("%d %d %d %i", 0, -1, 2147483647, -2147483647 - 1);
	CHECK_FMT("%u %x %X %%", 4294967295u, 0xdeadbeefu, 0xabcu);
	/* cppcheck-suppress invalidPrintfArgType_uint ; it reads PRIu64 as glibc's 32-bit "llu" */
	CHECK_FMT("%" PRIu32 " %" PRIx32 " %" PRIu64 " %" PRIx64, 7u, 0x1fu,
		  (uint64_t)18446744073709551615ull, (uint64_t)0x123456789abcull);
	CHECK_FMT("%zu %td %ld %lld %llu %jd", (size_t)123456789, (ptrdiff_t)-5, -7L, -8LL, 9ULL,
		  (intmax_t)-9);
	CHECK_FMT("%hhd %hhu %hd %hu", (signed char)-1, (unsigned char)255, (short)-2,
		  (unsigned short)65535);
	CHECK_FMT("[%5d] [%-5d] [%05d] [%+d] [% d] [%.3d] [%8.3d]", 42, 42, -42, 42, 42, 7, -7);
	CHECK_FMT("[%#x] [%#X] [%#x] [%08x] [%-8x]", 0x2au, 0x2au, 0u, 0xbeefu, 0xbeefu);
	CHECK_FMT("[%s] [%10s] [%-10s] [%.2s] [%.16s] [%*s] [%-*s] [%.*s]", "abc", "abc", "abc",
		  "abc", "a long string of more than sixteen", 4, "x", 4, "y", 1, "zz");
	CHECK_FMT("[%c] [%3c] [%-3c]", 'a', 'b', 'c');
	CHECK_FMT("%s: %s", "agents/agent@2", "reg: must be one cell, is 8 bytes");
	CHECK_FMT("%s%u.%u", "", 2u, 1u);
	CHECK_FMT("%.0d|%5.0d|", 0, 0);
	/* Truncation: the return value is the full length, the buffer ends in NUL. */
	assert_int_equal(sim_snprintf(small, sizeof(small), "%s", "0123456789"), 10);
	assert_string_equal(small, "0123456");
	assert_int_equal(sim_snprintf(NULL, 0, "%d", 12345), 5);
	assert_int_equal(sim_snprintf(small, 1, "abc"), 3);
	assert_string_equal(small, "");
	/* %p as 0x and hex digits, as glibc prints a non-null pointer. */
	CHECK_FMT("%p", (void *)small);
}

static void test_clock_and_log(void **state)
{
	(void)state;
	setup_arena(sizeof(arena));
	fake_ns = 123456789;
	assert_int_equal(sim_now_ns(), 123456789);
	sim_log("sim: %s %u", "line", 5u);
	assert_string_equal(last_log, "sim: line 5");
	/* Without hooks: time stands still, the log is dropped. */
	{
		const struct sim_env_fs none = {.arena = arena, .arena_size = sizeof(arena)};

		sim_env_fs_setup(&none);
		last_log[0] = '\0';
		sim_log("dropped");
		assert_string_equal(last_log, "");
		assert_int_equal(sim_now_ns(), 0);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_alloc_free_merge),
	    cmocka_unit_test(test_exhaustion_and_bounds),
	    cmocka_unit_test(test_foreign_and_double_free),
	    cmocka_unit_test(test_grow),
	    cmocka_unit_test(test_format),
	    cmocka_unit_test(test_clock_and_log),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
