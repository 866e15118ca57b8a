// SPDX-License-Identifier: BSD-3-Clause
/*
 * The scmi CLI's side of linux-raw: --transport parsing and the options that
 * belong to the OP-TEE transport only.
 */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "cli.h"
#include "args.h"

#define ARGV_END ((const char *)NULL)

static const struct cli_command fake_info = {.name = "info", .summary = "x"};
static const struct cli_command *const table[] = {&fake_info, NULL};

static int parse(struct cli_opts *o, char *err, const char *first, ...)
{
	char *argv[16];
	int argc = 0;
	va_list ap;

	argv[argc++] = "scmi";
	va_start(ap, first);
	for (const char *a = first; a; a = va_arg(ap, const char *))
		argv[argc++] = (char *)a;
	va_end(ap);
	argv[argc] = NULL;
	return cli_parse_args(argc, argv, table, o, err, 256);
}

static void test_parse_transport(void **state)
{
	enum scmi_transport_kind kind;
	const char *dir = "x";

	(void)state;
	assert_int_equal(cli_parse_transport("linux-raw", &kind, &dir), 0);
	assert_int_equal(kind, SCMI_TRANSPORT_LINUX_RAW);
	assert_null(dir);
	assert_int_equal(cli_parse_transport("linux-raw:/d/scmi/1/raw", &kind, &dir), 0);
	assert_int_equal(kind, SCMI_TRANSPORT_LINUX_RAW);
	assert_string_equal(dir, "/d/scmi/1/raw");
	assert_int_equal(cli_parse_transport("optee", &kind, &dir), 0);
	assert_int_equal(kind, SCMI_TRANSPORT_OPTEE);
	assert_null(dir);
	assert_int_equal(cli_parse_transport("auto", &kind, &dir), 0);
	assert_int_equal(kind, SCMI_TRANSPORT_AUTO);
	assert_int_equal(cli_parse_transport("linux-raw:", &kind, &dir), -EINVAL);
	assert_int_equal(cli_parse_transport("linux-rawx", &kind, &dir), -EINVAL);
	assert_int_equal(cli_parse_transport("linux", &kind, &dir), -EINVAL);
	assert_int_equal(cli_parse_transport("", &kind, &dir), -EINVAL);
	assert_int_equal(cli_parse_transport(NULL, &kind, &dir), -EINVAL);
}

static void test_transport_option(void **state)
{
	struct cli_opts o;
	char err[256];

	(void)state;
	assert_int_equal(parse(&o, err, "info", ARGV_END), 0);
	assert_int_equal(o.transport, SCMI_TRANSPORT_AUTO);
	assert_null(o.raw_dir);
	assert_int_equal(parse(&o, err, "--transport=linux-raw:/r", "info", ARGV_END), 0);
	assert_int_equal(o.transport, SCMI_TRANSPORT_LINUX_RAW);
	assert_string_equal(o.raw_dir, "/r");
	assert_int_equal(parse(&o, err, "info", "--transport", "optee", "--socket", "/s", ARGV_END),
			 0);
	assert_int_equal(o.transport, SCMI_TRANSPORT_OPTEE);
	assert_int_equal(parse(&o, err, "--transport", "smt", "info", ARGV_END), -EINVAL);
	assert_string_equal(err, "--transport: unknown transport 'smt' (optee, linux-raw, "
				 "linux-raw:DIR, auto)");
	/* The daemon's options with the kernel's transport: a usage error, not ignored. */
	assert_int_equal(
	    parse(&o, err, "--transport", "linux-raw", "--socket", "/s", "info", ARGV_END),
	    -EINVAL);
	assert_string_equal(err, "--socket is an option of the OP-TEE transport, not of linux-raw");
	assert_int_equal(
	    parse(&o, err, "--mode", "msg", "--transport", "linux-raw", "info", ARGV_END), -EINVAL);
	assert_string_equal(err, "--mode is an option of the OP-TEE transport, not of linux-raw");
	/* --dt and --timeout apply to both. */
	assert_int_equal(parse(&o, err, "--transport", "linux-raw", "--dt", "a.dtb", "--timeout",
			       "500", "info", ARGV_END),
			 0);
	assert_int_equal(o.timeout_ms, 500);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_parse_transport),
	    cmocka_unit_test(test_transport_option),
	};

	return cmocka_run_group_tests_name("cli/linux-raw", tests, NULL, NULL);
}
