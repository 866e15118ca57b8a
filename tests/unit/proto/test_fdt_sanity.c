// SPDX-License-Identifier: BSD-3-Clause
/*
 * The device-tree pre-check, and the two libfdt 1.6.1 bugs it guards against
 * (reproducers found by tests/fuzz/fuzz_dt_loader): both parsers of the
 * project (the platform loader and the agent's DT reader) must refuse those
 * trees with an error instead of hanging or crashing.
 */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "platform/sim/sim_platform.h"
#include "scmi/proto/fdt_sanity.h"
#include "scmi/scmi.h"

static uint8_t *slurp(const char *path, size_t *size)
{
	FILE *f = fopen(path, "rb");
	uint8_t *buf;
	long n;

	assert_non_null(f);
	assert_int_equal(fseek(f, 0, SEEK_END), 0);
	n = ftell(f);
	assert_true(n > 0);
	rewind(f);
	buf = malloc((size_t)n);
	assert_non_null(buf);
	assert_int_equal(fread(buf, 1, (size_t)n, f), (size_t)n);
	assert_int_equal(fclose(f), 0);
	*size = (size_t)n;
	return buf;
}

static void test_good_trees_pass(void **state)
{
	const char *why = NULL;
	size_t size;
	uint8_t *dtb;

	(void)state;
	dtb = slurp(PLATFORM_DTB, &size);
	assert_int_equal(scmi_fdt_sanity(dtb, size, &why), 0);
	/* Every truncation is refused, never read past. */
	for (size_t n = 0; n < size; n += 7)
		assert_true(scmi_fdt_sanity(dtb, n, &why) < 0);
	free(dtb);
	dtb = slurp(AGENT_DTB, &size);
	assert_int_equal(scmi_fdt_sanity(dtb, size, &why), 0);
	free(dtb);
}

static void check_refused(const char *path, const char *reason)
{
	struct scmi_agent_config cfg = {.socket_path = "/nonexistent"};
	struct sim_platform *p = NULL;
	struct scmi_agent *agent = NULL;
	const char *why = NULL;
	char err[256] = "";
	size_t size;
	uint8_t *dtb = slurp(path, &size);

	assert_true(scmi_fdt_sanity(dtb, size, &why) < 0);
	assert_non_null(strstr(why, reason));
	assert_int_equal(sim_platform_load(dtb, size, &p, err, sizeof(err)), -EINVAL);
	assert_null(p);
	assert_non_null(strstr(err, "corrupt DTB"));
	/* The agent reads its DT before it reaches for the TEE. */
	cfg.dtb = dtb;
	cfg.dtb_size = size;
	cfg.errbuf = err;
	cfg.errbuf_len = sizeof(err);
	assert_int_equal(scmi_agent_open(&cfg, &agent), -EINVAL);
	assert_null(agent);
	free(dtb);
}

static void test_libfdt_wrapping_length(void **state)
{
	(void)state;
	check_refused(CRASHES "/fuzz_dt_loader-fdt-check-full-hang", "property longer");
}

static void test_libfdt_old_version(void **state)
{
	(void)state;
	check_refused(CRASHES "/fuzz_dt_loader-fdt-check-full-null-old-version", "version");
}

static void test_structure_corruptions(void **state)
{
	const char *why;
	size_t size, i;
	uint8_t *dtb = slurp(AGENT_DTB, &size);
	uint8_t *copy = malloc(size);

	(void)state;
	assert_non_null(copy);
	/* Every single-byte change is either still sane or refused: never a hang or a read past. */
	for (i = 0; i < size; i++) {
		memcpy(copy, dtb, size);
		copy[i] ^= 0xff;
		why = NULL;
		(void)scmi_fdt_sanity(copy, size, &why);
	}
	free(copy);
	free(dtb);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_good_trees_pass),
	    cmocka_unit_test(test_libfdt_wrapping_length),
	    cmocka_unit_test(test_libfdt_old_version),
	    cmocka_unit_test(test_structure_corruptions),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
