// SPDX-License-Identifier: BSD-3-Clause
/*
 * Corrupt input never crashes the loader: every prefix of the default DTB,
 * the same prefixes with totalsize patched to match, and thousands of random
 * byte flips (fixed seed, reproducible). Each blob sits in a buffer of exactly
 * its size, so ASan catches a read past its end. Every outcome must be 0 or
 * -EINVAL with a message.
 */
#include <errno.h>
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include <libfdt.h>

#include "platform/sim/sim_platform.h"
#include "dtb_util.h"

#define FLIP_ITERATIONS 5000

static int try_load(const uint8_t *blob, size_t size)
{
	uint8_t *copy = malloc(size ? size : 1);
	struct sim_platform *p = NULL;
	char err[256] = "";
	int ret;

	assert_non_null(copy);
	memcpy(copy, blob, size);
	ret = sim_platform_load(copy, size, &p, err, sizeof(err));
	if (ret == 0) {
		assert_non_null(p);
		/* Whatever loaded must answer queries consistently. */
		for (size_t i = 0; i < sim_platform_num_channels(p); i++) {
			const struct sim_channel *ch = sim_platform_channel_at(p, i);

			assert_ptr_equal(sim_platform_channel(p, ch->id), ch);
			assert_true(ch->agent_id >= 1);
		}
		sim_platform_free(p);
	} else {
		if (ret != -EINVAL)
			fail_msg("size %zu: unexpected %d (%s)", size, ret, err);
		assert_null(p);
		assert_true(err[0] != '\0');
	}
	free(copy);
	return ret;
}

static void test_prefixes(void **state)
{
	size_t size, len;
	uint8_t *dtb = dtb_read_default(&size);
	uint8_t *patched = malloc(size);

	(void)state;
	assert_non_null(patched);
	for (len = 0; len < size; len++)
		assert_int_equal(try_load(dtb, len), -EINVAL);
	assert_int_equal(try_load(dtb, size), 0);

	/* Truncated blobs that claim to be whole: libfdt's own checks must catch them. */
	for (len = sizeof(struct fdt_header); len < size; len++) {
		memcpy(patched, dtb, len);
		fdt_set_totalsize(patched, (uint32_t)len);
		try_load(patched, len);
	}
	free(patched);
	free(dtb);
}

/* xorshift32: a fixed seed gives the same corruptions on every run. */
static uint32_t next_rand(uint32_t *s)
{
	uint32_t x = *s;

	x ^= x << 13;
	x ^= x >> 17;
	x ^= x << 5;
	*s = x;
	return x;
}

static void test_flips(void **state)
{
	size_t size;
	uint8_t *dtb = dtb_read_default(&size);
	uint8_t *buf = malloc(size);
	uint32_t seed = 0x5c3100e5u;
	int i, loaded = 0;

	(void)state;
	assert_non_null(buf);
	for (i = 0; i < FLIP_ITERATIONS; i++) {
		unsigned int flips = 1 + next_rand(&seed) % 4;

		memcpy(buf, dtb, size);
		while (flips--) {
			uint32_t r = next_rand(&seed);
			size_t pos = r % size;

			/* Half of the flips hit the header and the structure block's first
			 * part, where corruption is most damaging. */
			if (r & 0x80000000u)
				pos = (r >> 8) % (size < 512 ? size : 512);
			buf[pos] ^= (uint8_t)(1u << ((r >> 4) % 8));
		}
		if (try_load(buf, size) == 0)
			loaded++;
	}
	/* Flips in string values or padding still load: the test did exercise both paths. */
	assert_true(loaded > 0);
	assert_true(loaded < FLIP_ITERATIONS);
	free(buf);
	free(dtb);
}

static void test_random_bytes(void **state)
{
	uint8_t buf[512];
	uint32_t seed = 12345;
	int i;

	(void)state;
	for (i = 0; i < 1000; i++) {
		size_t j;

		for (j = 0; j < sizeof(buf); j++)
			buf[j] = (uint8_t)next_rand(&seed);
		/* A valid header on random contents gets past the first check. */
		fdt_set_magic(buf, FDT_MAGIC);
		fdt_set_totalsize(buf, sizeof(buf));
		fdt_set_version(buf, 17);
		fdt_set_last_comp_version(buf, 16);
		assert_int_equal(try_load(buf, sizeof(buf)), -EINVAL);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_prefixes),
	    cmocka_unit_test(test_flips),
	    cmocka_unit_test(test_random_bytes),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
