// SPDX-License-Identifier: BSD-3-Clause
/*
 * The firmware's DT scan (firmware/core/dt.c): what it takes for RAM and for
 * reserved regions, and that a damaged tree is refused rather than walked.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "fw/dt.h"

#ifndef TEST_DTB
#error "TEST_DTB must name the compiled test_fw_dt.dts"
#endif

static uint8_t *load(size_t *size)
{
	FILE *f = fopen(TEST_DTB, "rb");
	uint8_t *b = malloc(1 << 16);

	assert_non_null(f);
	assert_non_null(b);
	*size = fread(b, 1, 1 << 16, f);
	assert_int_equal(fclose(f), 0);
	assert_true(*size > 40);
	return b;
}

static void test_scan(void **state)
{
	struct fw_dt_info info;
	const char *why = NULL;
	size_t size;
	uint8_t *b = load(&size);

	(void)state;
	assert_int_equal(fw_dt_scan(b, size, &info, &why), 0);
	assert_int_equal(info.num_mem, 2);
	assert_int_equal(info.mem[0].base, 0x40000000);
	assert_int_equal(info.mem[0].size, 0x20000000);
	assert_int_equal(info.mem[1].base, 0x100000000ull);
	/* Only the no-map children of /reserved-memory, not deeper nodes. */
	assert_int_equal(info.num_resv, 2);
	assert_true(fw_dt_reserved(&info, 0x7ffff000, 0x1000));
	assert_true(fw_dt_reserved(&info, 0x7fc00000, 0x200000));
	assert_true(fw_dt_reserved(&info, 0x7fc01000, 0x1000));
	assert_false(fw_dt_reserved(&info, 0x7fe00000, 0x1000));
	assert_false(fw_dt_reserved(&info, 0x7ffff000, 0x2000));
	assert_false(fw_dt_reserved(&info, 0x7fbff000, 0x2000));
	assert_false(fw_dt_reserved(&info, 0x1000, 0x1000));
	free(b);
}

static void test_damaged(void **state)
{
	struct fw_dt_info info;
	const char *why = NULL;
	size_t size;
	uint8_t *b = load(&size);

	(void)state;
	/* Too small a window, bad magic, a strings block beyond the blob. */
	assert_int_not_equal(fw_dt_scan(b, 39, &info, &why), 0);
	assert_int_not_equal(fw_dt_scan(b, size - 1, &info, &why), 0);
	b[0] ^= 0xff;
	assert_int_not_equal(fw_dt_scan(b, size, &info, &why), 0);
	assert_non_null(why);
	b[0] ^= 0xff;
	b[32] = 0x7f; /* size_dt_strings */
	assert_int_not_equal(fw_dt_scan(b, size, &info, &why), 0);
	assert_int_equal(info.num_mem, 0);
	free(b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_scan),
	    cmocka_unit_test(test_damaged),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
