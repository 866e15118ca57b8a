// SPDX-License-Identifier: BSD-3-Clause
/*
 * Resources by name (cli_resolve_id, cli_arg_id): numbers without a message,
 * exact before case-insensitive before first-word matches, ambiguity and
 * unknown names as exit 2 with the candidates, hidden ids skipped, transport
 * errors passed on.
 */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "cli.h"
#include "resolve.h"

/*
 * The fake platform: names by id, NULL for an id hidden from this agent; extended
 * names beside them, NULL for none.
 */
struct fake {
	const char *const *names;
	int fail_id; /* id whose name fails with @fail_err, or -1 */
	int fail_err;
	int calls;
	const char *const *exts;
};

static int fake_name(void *ctx, uint32_t id, struct cli_names *n)
{
	struct fake *f = ctx;

	f->calls++;
	if ((int)id == f->fail_id)
		return f->fail_err;
	if (!f->names[id])
		return -ENOENT;
	/* A name too long for the short field is an extended one, the short its first 15 bytes. */
	snprintf(n->name, sizeof(n->name), "%.15s", f->names[id]);
	if (strlen(f->names[id]) > 15)
		snprintf(n->ext, sizeof(n->ext), "%s", f->names[id]);
	else
		snprintf(n->ext, sizeof(n->ext), "%s", f->exts && f->exts[id] ? f->exts[id] : "");
	return 0;
}

static const char *const names[] = {
    "osc24m", "UART", "uart",	    "soc_temp (SoC die, junction)", NULL, "gpu", "Gpu2",
    "dup",    "dup",  "board temp",
};

/* As a DT author writes them: short names, and extended ones beside some. */
static const char *const dt_names[] = {
    "vdd_cpu_little", "vdd_cpu_big", "vdd_gpu", "vdd_soc",
    "vdd_io",	      "vdd_ddr",     "gpu",	"cpu_little_and_",
};
static const char *const dt_exts[] = {
    NULL,
    NULL,
    NULL,
    NULL,
    NULL,
    "vdd_ddr_dram_core_and_io_supply",
    "gpu_core_and_shader_cluster",
    "cpu_little_and_big_clusters",
};

#define NUM_NAMES (sizeof(names) / sizeof(names[0]))

/* Resolve @s; the exit code, the id in @id and stderr's text in @err (freed by the caller). */
static int resolve(struct fake *f, const char *s, uint32_t *id, char **err)
{
	const struct cli_resolve r = {"clock", NULL, NUM_NAMES, fake_name, f};
	FILE *tmp = tmpfile();
	int saved = dup(STDERR_FILENO), ret;
	long n;

	assert_non_null(tmp);
	assert_int_equal(fflush(stderr), 0);
	dup2(fileno(tmp), STDERR_FILENO);
	*id = 0xdead;
	ret = cli_resolve_id(NULL, &r, "CLOCK", s, id);
	assert_int_equal(fflush(stderr), 0);
	dup2(saved, STDERR_FILENO);
	close(saved);
	n = ftell(tmp);
	*err = calloc(1, (size_t)(n > 0 ? n : 0) + 1);
	assert_non_null(*err);
	rewind(tmp);
	if (n > 0)
		assert_int_equal(fread(*err, 1, (size_t)n, tmp), (size_t)n);
	assert_int_equal(fclose(tmp), 0);
	return ret;
}

static void expect_id(const char *s, uint32_t want)
{
	struct fake f = {names, -1, 0, 0, NULL};
	uint32_t id;
	char *err;
	int ret = resolve(&f, s, &id, &err);

	if (ret != CLI_EXIT_OK || id != want)
		fail_msg("'%s': exit %d id %u (wanted %u), stderr '%s'", s, ret, id, want, err);
	free(err);
}

/* @s is exit 2 with every one of @pats in the message. */
static void expect_usage(const char *s, const char *const *pats)
{
	struct fake f = {names, -1, 0, 0, NULL};
	uint32_t id;
	char *err;
	int ret = resolve(&f, s, &id, &err);

	if (ret != CLI_EXIT_USAGE)
		fail_msg("'%s': exit %d (wanted 2), stderr '%s'", s, ret, err);
	for (; *pats; pats++) {
		if (!strstr(err, *pats))
			fail_msg("'%s': '%s' not in '%s'", s, *pats, err);
	}
	free(err);
}

static void test_numbers(void **state)
{
	struct fake f = {names, -1, 0, 0, NULL};
	uint32_t id;
	char *err;

	(void)state;
	/* A number is taken as is, in or out of range: no name message, the platform judges. */
	assert_int_equal(resolve(&f, "3", &id, &err), CLI_EXIT_OK);
	assert_int_equal(id, 3);
	free(err);
	assert_int_equal(resolve(&f, "0x40", &id, &err), CLI_EXIT_OK);
	assert_int_equal(id, 0x40);
	free(err);
	assert_int_equal(f.calls, 0);
	assert_int_equal(resolve(&f, "99999999999", &id, &err), CLI_EXIT_USAGE);
	assert_non_null(strstr(err, "out of range (0..4294967295)"));
	free(err);
	assert_int_equal(f.calls, 0);
}

static void test_names(void **state)
{
	(void)state;
	expect_id("osc24m", 0);
	expect_id("OSC24M", 0); /* one case-insensitive match */
	expect_id("uart", 2);	/* exact wins over the case-insensitive UART */
	expect_id("UART", 1);
	expect_id("gpu", 5);	  /* exact wins over Gpu2, which it is a prefix of */
	expect_id("soc_temp", 3); /* the first word of a longer name */
	expect_id("SOC_TEMP", 3);
	expect_id("soc_temp (SoC die, junction)", 3);
	expect_id("board", 9);
	expect_id("board temp", 9);
}

/* Resolve @s among dt_names/dt_exts: the exit code and the id. */
static int resolve_dt(const char *s, uint32_t *id, char **err)
{
	struct fake f = {dt_names, -1, 0, 0, dt_exts};
	const struct cli_resolve r = {"voltage domain", NULL,
				      sizeof(dt_names) / sizeof(dt_names[0]), fake_name, &f};
	FILE *tmp = tmpfile();
	int saved = dup(STDERR_FILENO), ret;
	long n;

	assert_non_null(tmp);
	assert_int_equal(fflush(stderr), 0);
	dup2(fileno(tmp), STDERR_FILENO);
	*id = 0xdead;
	ret = cli_resolve_id(NULL, &r, "DOMAIN", s, id);
	assert_int_equal(fflush(stderr), 0);
	dup2(saved, STDERR_FILENO);
	close(saved);
	n = ftell(tmp);
	*err = calloc(1, (size_t)(n > 0 ? n : 0) + 1);
	assert_non_null(*err);
	rewind(tmp);
	if (n > 0)
		assert_int_equal(fread(*err, 1, (size_t)n, tmp), (size_t)n);
	assert_int_equal(fclose(tmp), 0);
	return ret;
}

static void expect_dt(const char *s, uint32_t want)
{
	uint32_t id;
	char *err;
	int ret = resolve_dt(s, &id, &err);

	if (ret != CLI_EXIT_OK || id != want)
		fail_msg("'%s': exit %d id %u (wanted %u), stderr '%s'", s, ret, id, want, err);
	free(err);
}

/* The short name, the extended one, and a unique prefix of either all name a resource. */
static void test_short_extended_prefix(void **state)
{
	uint32_t id;
	char *err;

	(void)state;
	expect_dt("vdd_ddr", 5);			 /* domain-name = "vdd_ddr" */
	expect_dt("vdd_ddr_dram_core_and_io_supply", 5); /* its extended name */
	expect_dt("VDD_DDR", 5);
	expect_dt("gpu", 6);		    /* exact short name, not vdd_gpu */
	expect_dt("gpu_core", 6);	    /* a prefix of the extended name */
	expect_dt("cpu_little_and_big", 7); /* past the 15 characters of the short name */
	expect_dt("vdd_i", 4);		    /* a unique prefix */
	expect_dt("vdd_cpu_b", 1);
	/* A prefix two resources share is ambiguous, and says which. */
	assert_int_equal(resolve_dt("vdd_cpu", &id, &err), CLI_EXIT_USAGE);
	assert_non_null(strstr(err, "'vdd_cpu' is ambiguous: 2 voltage domains match: "
				    "vdd_cpu_little (0), vdd_cpu_big (1)"));
	free(err);
	/* Candidates show the full name and the short one where they differ. */
	assert_int_equal(resolve_dt("ddr4", &id, &err), CLI_EXIT_USAGE);
	assert_non_null(strstr(err, "vdd_ddr_dram_core_and_io_supply (vdd_ddr, 5)"));
	assert_non_null(strstr(err, "vdd_io (4)"));
	free(err);
}

static void test_ambiguous_and_unknown(void **state)
{
	static const char *const amb_case[] = {"CLOCK 'Uart' is ambiguous",
					       "2 clocks match",
					       "UART (1)",
					       "uart (2)",
					       "give the id",
					       NULL};
	static const char *const amb_dup[] = {"'dup' is ambiguous", "dup (7), dup (8)", NULL};
	static const char *const unknown[] = {"CLOCK 'hdmi': no clock has that name", "osc24m (0)",
					      "board temp (9)", "scmi  list", NULL};
	static const char *const empty[] = {"CLOCK", "empty", NULL};

	(void)state;
	expect_usage("Uart", amb_case);
	expect_usage("dup", amb_dup);
	expect_usage("hdmi", unknown);
	expect_usage("", empty);
}

static void test_hidden_and_transport(void **state)
{
	struct fake f = {names, 0, -ENOENT, 0, NULL};
	uint32_t id;
	char *err;

	(void)state;
	/* An id whose name the platform refuses is no candidate; the others still are. */
	assert_int_equal(resolve(&f, "osc24m", &id, &err), CLI_EXIT_USAGE);
	assert_null(strstr(err, "osc24m ("));
	free(err);
	assert_int_equal(resolve(&f, "gpu", &id, &err), CLI_EXIT_OK);
	assert_int_equal(id, 5);
	free(err);
	/* A transport failure stops the lookup with its own exit code. */
	f.fail_id = 2;
	f.fail_err = -ETIMEDOUT;
	f.calls = 0;
	assert_int_equal(resolve(&f, "gpu", &id, &err), CLI_EXIT_TRANSPORT);
	assert_int_equal(f.calls, 3);
	assert_non_null(strstr(err, "clock 2: name"));
	free(err);
}

static void test_many_candidates(void **state)
{
	static const char *many[40];
	struct fake f = {many, -1, 0, 0, NULL};
	const struct cli_resolve r = {"pin", "pins", 40, fake_name, &f};
	char bufs[40][8];
	uint32_t id;
	int i;

	(void)state;
	for (i = 0; i < 40; i++) {
		snprintf(bufs[i], sizeof(bufs[i]), "P%d", i);
		many[i] = bufs[i];
	}
	assert_int_equal(cli_resolve_id(NULL, &r, "ID", "p39", &id), CLI_EXIT_OK);
	assert_int_equal(id, 39);
	/* Unknown among many: a bounded list, no crash; the message was checked above. */
	assert_int_equal(cli_resolve_id(NULL, &r, "ID", "Q1", &id), CLI_EXIT_USAGE);
}

static void test_arg_id(void **state)
{
	(void)state;
	assert_int_equal(cli_arg_id(NULL, "ID", "7"), 0);
	assert_int_equal(cli_arg_id(NULL, "ID", "uart0"), 0);
	assert_int_equal(cli_arg_id(NULL, "ID", "with space"), 0);
	assert_int_equal(cli_arg_id(NULL, "ID", ""), CLI_EXIT_USAGE);
	assert_int_equal(cli_arg_id(NULL, "ID", "4294967296"), CLI_EXIT_USAGE);
	assert_true(cli_is_number("0x10"));
	assert_true(cli_is_number("4294967296"));
	assert_false(cli_is_number("uart0"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_numbers),
	    cmocka_unit_test(test_names),
	    cmocka_unit_test(test_short_extended_prefix),
	    cmocka_unit_test(test_ambiguous_and_unknown),
	    cmocka_unit_test(test_hidden_and_transport),
	    cmocka_unit_test(test_many_candidates),
	    cmocka_unit_test(test_arg_id),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
