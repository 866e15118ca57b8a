// SPDX-License-Identifier: BSD-3-Clause
/* The CLI's parsing: numbers, modes, hex payloads, protocol names, options, raw's arguments. */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "cli.h"
#include "args.h"
#include "watch.h"

/* The argument lists' sentinel, typed: a bare NULL in a variadic call may be a plain 0. */
#define ARGV_END ((const char *)NULL)

/* A command table like the real one; only the parser's view of it matters here. */
static const struct cli_command fake_info = {.name = "info"};
static const struct cli_command fake_raw = {.name = "raw"};
static const struct cli_command fake_help = {.name = "help"};
static const struct cli_option fake_watch_opts[] = {CLI_WATCH_OPTIONS, {"--all", NULL, "all"}, {0}};
static const struct cli_command fake_sensor = {.name = "sensor", .options = fake_watch_opts};
static const struct cli_command *const table[] = {&fake_info, &fake_raw, &fake_help, &fake_sensor,
						  NULL};

static void test_u32_forms(void **state)
{
	uint32_t v = 7;

	(void)state;
	assert_int_equal(cli_parse_u32("0", &v), 0);
	assert_int_equal(v, 0);
	assert_int_equal(cli_parse_u32("16", &v), 0);
	assert_int_equal(v, 16);
	/* Leading zeros are decimal, not octal. */
	assert_int_equal(cli_parse_u32("010", &v), 0);
	assert_int_equal(v, 10);
	assert_int_equal(cli_parse_u32("0x10", &v), 0);
	assert_int_equal(v, 0x10);
	assert_int_equal(cli_parse_u32("0XaBc", &v), 0);
	assert_int_equal(v, 0xabc);
	assert_int_equal(cli_parse_u32("4294967295", &v), 0);
	assert_int_equal(v, UINT32_MAX);
	assert_int_equal(cli_parse_u32("0xffffffff", &v), 0);
	assert_int_equal(v, UINT32_MAX);
	assert_int_equal(cli_parse_u32("0x00000000000000000001", &v), 0);
	assert_int_equal(v, 1);
}

static void test_u32_bad(void **state)
{
	static const char *const bad[] = {"",	  "0x",	 "-1",	"+1",  " 1",  "1 ",  "12a",
					  "0x1g", "1.5", "x10", "0b1", "1e3", "0xx1"};
	uint32_t v = 1234;

	(void)state;
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		assert_int_equal(cli_parse_u32(bad[i], &v), -EINVAL);
		assert_int_equal(v, 1234); /* untouched on error */
	}
	assert_int_equal(cli_parse_u32(NULL, &v), -EINVAL);
	assert_int_equal(cli_parse_u32("4294967296", &v), -ERANGE);
	assert_int_equal(cli_parse_u32("0x100000000", &v), -ERANGE);
	/* Long enough to wrap a 64-bit accumulator if it were not checked per digit. */
	assert_int_equal(cli_parse_u32("99999999999999999999999999999", &v), -ERANGE);
	assert_int_equal(cli_parse_u32("0xffffffffffffffffffffffff", &v), -ERANGE);
	assert_int_equal(v, 1234);
}

static void test_mode(void **state)
{
	enum scmi_mode m = SCMI_MODE_MSG;

	(void)state;
	assert_int_equal(cli_parse_mode("smt", &m), 0);
	assert_int_equal(m, SCMI_MODE_SMT);
	assert_int_equal(cli_parse_mode("smt-memref", &m), 0);
	assert_int_equal(m, SCMI_MODE_SMT_MEMREF);
	assert_int_equal(cli_parse_mode("msg", &m), 0);
	assert_int_equal(m, SCMI_MODE_MSG);
	assert_int_equal(cli_parse_mode("auto", &m), 0);
	assert_int_equal(m, SCMI_MODE_AUTO);
	assert_int_equal(cli_parse_mode("SMT", &m), -EINVAL);
	assert_int_equal(cli_parse_mode("smt-", &m), -EINVAL);
	assert_int_equal(cli_parse_mode("", &m), -EINVAL);
	assert_int_equal(cli_parse_mode(NULL, &m), -EINVAL);
	assert_string_equal(cli_mode_name(SCMI_MODE_SMT_MEMREF), "smt-memref");
	assert_string_equal(cli_mode_name(SCMI_MODE_MSG), "msg");
	assert_string_equal(cli_mode_name((enum scmi_mode)99), "unknown");
}

static void expect_hex(const char *s, const uint8_t *want, size_t want_len)
{
	uint8_t buf[16];
	size_t len = 0;

	assert_int_equal(cli_parse_hex(s, buf, sizeof(buf), &len), 0);
	assert_int_equal(len, want_len);
	if (want_len)
		assert_memory_equal(buf, want, want_len);
}

static void test_hex_forms(void **state)
{
	static const uint8_t one[] = {0x01, 0x00, 0x00, 0x00};
	static const uint8_t mixed[] = {0xab, 0xcd, 0xef, 0x0a};

	(void)state;
	expect_hex("01000000", one, 4);
	expect_hex("01 00 00 00", one, 4);
	expect_hex("0x01,0x00,0x00,0x00", one, 4);
	expect_hex("0x01, 0x00, 0x00, 0x00", one, 4);
	expect_hex("01:00:00:00", one, 4);
	expect_hex("\t0100 0000\n", one, 4);
	/* A prefixed multi-byte token is bytes in order, not a number. */
	expect_hex("0x01000000", one, 4);
	expect_hex("ABcd 0XeF0a", mixed, 4);
	expect_hex("", NULL, 0);
	expect_hex("  , ", NULL, 0);
}

static void test_hex_bad(void **state)
{
	static const char *const bad[] = {"1",	"123", "01 0",	"0x1",	  "0x",	   "0x,01",
					  "zz", "0g",  "01-02", "0x0x01", "01;02", "\xc3\xa9\x31"};
	uint8_t buf[8] = {0};
	size_t len = 3;

	(void)state;
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		assert_int_equal(cli_parse_hex(bad[i], buf, sizeof(buf), &len), -EINVAL);
		assert_int_equal(len, 3); /* length untouched on error */
	}
	assert_int_equal(cli_parse_hex(NULL, buf, sizeof(buf), &len), -EINVAL);
}

static void test_hex_limits_and_append(void **state)
{
	uint8_t buf[4];
	size_t len = 0;

	(void)state;
	assert_int_equal(cli_parse_hex("01020304", buf, sizeof(buf), &len), 0);
	assert_int_equal(len, 4);
	len = 0;
	assert_int_equal(cli_parse_hex("0102030405", buf, sizeof(buf), &len), -E2BIG);
	assert_int_equal(len, 0);
	len = 0;
	assert_int_equal(cli_parse_hex("01", buf, sizeof(buf), &len), 0);
	assert_int_equal(cli_parse_hex("02 03", buf, sizeof(buf), &len), 0);
	assert_int_equal(len, 3);
	assert_int_equal(buf[0], 1);
	assert_int_equal(buf[2], 3);
	assert_int_equal(cli_parse_hex("0405", buf, sizeof(buf), &len), -E2BIG);
	assert_int_equal(len, 3);
}

static void test_proto_lookup(void **state)
{
	static const struct {
		const char *name;
		uint8_t id;
	} names[] = {{"base", 0x10},	 {"power", 0x11},   {"system", 0x12}, {"perf", 0x13},
		     {"clock", 0x14},	 {"sensor", 0x15},  {"reset", 0x16},  {"voltage", 0x17},
		     {"powercap", 0x18}, {"pinctrl", 0x19}, {"BASE", 0x10},   {"Clock", 0x14},
		     {"0x10", 0x10},	 {"16", 0x10},	    {"0xff", 0xff},   {"0", 0}};
	uint8_t id;

	(void)state;
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		id = 0x42;
		assert_int_equal(cli_proto_lookup(names[i].name, &id), 0);
		assert_int_equal(id, names[i].id);
	}
	assert_int_equal(cli_proto_lookup("0x100", &id), -ERANGE);
	assert_int_equal(cli_proto_lookup("256", &id), -ERANGE);
	assert_int_equal(cli_proto_lookup("bas", &id), -EINVAL);
	assert_int_equal(cli_proto_lookup("basee", &id), -EINVAL);
	assert_int_equal(cli_proto_lookup("", &id), -EINVAL);
	assert_int_equal(cli_proto_lookup(NULL, &id), -EINVAL);

	assert_string_equal(cli_proto_name(0x10), "base");
	assert_string_equal(cli_proto_name(0x19), "pinctrl");
	assert_string_equal(cli_proto_name(0x1a), "unknown");
	assert_string_equal(cli_proto_name(0x00), "unknown");
	assert_string_equal(cli_proto_name(0x80), "vendor");
	assert_string_equal(cli_proto_name(0xff), "vendor");
}

/* Parse a NULL-terminated argument list. */
static int parse(struct cli_opts *o, char *err, const char *first, ...)
{
	char *argv[40];
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

static void test_args_defaults(void **state)
{
	struct cli_opts o;
	char err[256];
	char *argv[] = {"scmi", NULL};

	(void)state;
	assert_int_equal(cli_parse_args(1, argv, table, &o, err, sizeof(err)), 0);
	assert_null(o.cmd);
	assert_null(o.cmd_name);
	assert_null(o.socket_path);
	assert_null(o.dt_path);
	assert_int_equal(o.mode, SCMI_MODE_AUTO);
	assert_int_equal(o.timeout_ms, 0);
	assert_false(o.json);
	assert_false(o.help);
	assert_false(o.version);
	assert_int_equal(o.nargs, 0);
}

static void test_args_every_option(void **state)
{
	struct cli_opts o;
	char err[256];

	(void)state;
	assert_int_equal(parse(&o, err, "--socket", "/s", "--dt", "a.dtb", "--mode", "smt",
			       "--timeout", "0x64", "--json", "info", ARGV_END),
			 0);
	assert_ptr_equal(o.cmd, &fake_info);
	assert_string_equal(o.cmd_name, "info");
	assert_string_equal(o.socket_path, "/s");
	assert_string_equal(o.dt_path, "a.dtb");
	assert_int_equal(o.mode, SCMI_MODE_SMT);
	assert_int_equal(o.timeout_ms, 100);
	assert_true(o.json);
	assert_int_equal(o.nargs, 0);

	/* The same after the command, with --opt=value forms. */
	assert_int_equal(parse(&o, err, "info", "--socket=/t", "--dt=b.dtb", "--mode=smt-memref",
			       "--timeout=250", "--json", ARGV_END),
			 0);
	assert_ptr_equal(o.cmd, &fake_info);
	assert_string_equal(o.socket_path, "/t");
	assert_string_equal(o.dt_path, "b.dtb");
	assert_int_equal(o.mode, SCMI_MODE_SMT_MEMREF);
	assert_int_equal(o.timeout_ms, 250);
	assert_true(o.json);

	/* Options interleaved with raw's positional arguments; the last one wins. */
	assert_int_equal(parse(&o, err, "--mode", "smt", "raw", "base", "--mode", "msg", "0x6",
			       "--json", "00000000", ARGV_END),
			 0);
	assert_ptr_equal(o.cmd, &fake_raw);
	assert_int_equal(o.mode, SCMI_MODE_MSG);
	assert_true(o.json);
	assert_int_equal(o.nargs, 3);
	assert_string_equal(o.args[0], "base");
	assert_string_equal(o.args[1], "0x6");
	assert_string_equal(o.args[2], "00000000");
}

static void test_args_help_version(void **state)
{
	struct cli_opts o;
	char err[256];

	(void)state;
	assert_int_equal(parse(&o, err, "-h", ARGV_END), 0);
	assert_true(o.help);
	assert_null(o.cmd);
	assert_int_equal(parse(&o, err, "--help", ARGV_END), 0);
	assert_true(o.help);
	assert_int_equal(parse(&o, err, "raw", "--help", ARGV_END), 0);
	assert_true(o.help);
	assert_ptr_equal(o.cmd, &fake_raw);
	assert_int_equal(parse(&o, err, "help", "info", ARGV_END), 0);
	assert_ptr_equal(o.cmd, &fake_help);
	assert_int_equal(o.nargs, 1);
	assert_int_equal(parse(&o, err, "--version", ARGV_END), 0);
	assert_true(o.version);
	assert_false(o.help);
}

static void test_args_separator(void **state)
{
	struct cli_opts o;
	char err[256];

	(void)state;
	/* After "--" a dashed word is an argument; "-" alone always is. */
	assert_int_equal(parse(&o, err, "raw", "--", "--json", "-", ARGV_END), 0);
	assert_false(o.json);
	assert_int_equal(o.nargs, 2);
	assert_string_equal(o.args[0], "--json");
	assert_string_equal(o.args[1], "-");
}

static void expect_bad(const char *want, const char *first, ...)
{
	struct cli_opts o;
	char err[256];
	char *argv[40];
	int argc = 0;
	va_list ap;

	argv[argc++] = "scmi";
	va_start(ap, first);
	for (const char *a = first; a; a = va_arg(ap, const char *))
		argv[argc++] = (char *)a;
	va_end(ap);
	argv[argc] = NULL;
	assert_int_equal(cli_parse_args(argc, argv, table, &o, err, sizeof(err)), -EINVAL);
	if (!strstr(err, want))
		fail_msg("error '%s' lacks '%s'", err, want);
}

static void test_args_bad(void **state)
{
	(void)state;
	expect_bad("unknown command 'frobnicate'", "frobnicate", ARGV_END);
	expect_bad("unknown option '--frob'", "--frob", "info", ARGV_END);
	expect_bad("unknown option '-x'", "info", "-x", ARGV_END);
	expect_bad("unknown option '--jsonx'", "--jsonx", ARGV_END);
	expect_bad("unknown option '--sockets'", "--sockets", "/x", ARGV_END);
	expect_bad("--socket needs a value", "info", "--socket", ARGV_END);
	expect_bad("--dt needs a value", "--dt", ARGV_END);
	expect_bad("--mode needs a value", "--mode", ARGV_END);
	expect_bad("--timeout needs a value", "--timeout", ARGV_END);
	expect_bad("--socket: empty path", "--socket=", "info", ARGV_END);
	expect_bad("--dt: empty path", "--dt", "", "info", ARGV_END);
	expect_bad("unknown mode 'carrier-pigeon'", "--mode", "carrier-pigeon", "info", ARGV_END);
	expect_bad("--timeout: 'abc'", "--timeout", "abc", ARGV_END);
	expect_bad("--timeout: '0'", "--timeout", "0", ARGV_END);
	expect_bad("--timeout: '-5'", "--timeout=-5", ARGV_END);
	expect_bad("--timeout: '3600001'", "--timeout", "3600001", ARGV_END);
	expect_bad("--timeout: '99999999999'", "--timeout", "99999999999", ARGV_END);
	expect_bad("--json takes no value", "--json=yes", ARGV_END);
	expect_bad("--help takes no value", "--help=1", ARGV_END);
	/* A long argument is cut in the message, which stays short. */
	expect_bad("unknown command '0123456789012345678901234567890123456789...'",
		   "0123456789012345678901234567890123456789X", ARGV_END);
	expect_bad("unknown command '0123456789012345678901234567890123456789'",
		   "0123456789012345678901234567890123456789", ARGV_END);
}

static void test_args_too_many(void **state)
{
	char *argv[CLI_MAX_ARGS + 4];
	struct cli_opts o;
	char err[256];
	int argc = 0;

	(void)state;
	argv[argc++] = "scmi";
	argv[argc++] = "raw";
	for (int i = 0; i < CLI_MAX_ARGS; i++)
		argv[argc++] = "00";
	assert_int_equal(cli_parse_args(argc, argv, table, &o, err, sizeof(err)), 0);
	assert_int_equal(o.nargs, CLI_MAX_ARGS);
	argv[argc++] = "00";
	assert_int_equal(cli_parse_args(argc, argv, table, &o, err, sizeof(err)), -EINVAL);
	assert_non_null(strstr(err, "too many arguments"));
}

static int raw_parse(struct cli_raw_req *req, char *err, const char *first, ...)
{
	struct cli_opts o;
	char *argv[40];
	int argc = 0;
	va_list ap;

	argv[argc++] = "scmi";
	argv[argc++] = "raw";
	va_start(ap, first);
	for (const char *a = first; a; a = va_arg(ap, const char *))
		argv[argc++] = (char *)a;
	va_end(ap);
	assert_int_equal(cli_parse_args(argc, argv, table, &o, err, 256), 0);
	return cli_raw_parse(&o, req, err, 256);
}

static void test_raw_args(void **state)
{
	static struct cli_raw_req req;
	static const uint8_t want[] = {0x01, 0x00, 0xff, 0xee, 0x0a};
	char err[256];

	(void)state;
	assert_int_equal(raw_parse(&req, err, "base", "0x0", ARGV_END), 0);
	assert_int_equal(req.protocol, 0x10);
	assert_int_equal(req.message, 0);
	assert_int_equal(req.len, 0);
	assert_int_equal(raw_parse(&req, err, "0x7f", "255", ARGV_END), 0);
	assert_int_equal(req.protocol, 0x7f);
	assert_int_equal(req.message, 0xff);
	/* Several payload words are concatenated. */
	assert_int_equal(raw_parse(&req, err, "clock", "6", "01 00", "0xff,0xee", "0a", ARGV_END),
			 0);
	assert_int_equal(req.protocol, 0x14);
	assert_int_equal(req.message, 6);
	assert_int_equal(req.len, sizeof(want));
	assert_memory_equal(req.payload, want, sizeof(want));
}

static void test_raw_args_bad(void **state)
{
	static struct cli_raw_req req;
	static char big[2 * CLI_MAX_PAYLOAD + 3];
	const size_t hex_len = 2 * (size_t)CLI_MAX_PAYLOAD;
	char err[256];

	(void)state;
	assert_int_equal(raw_parse(&req, err, NULL), -EINVAL);
	assert_non_null(strstr(err, "needs PROTO and MSG"));
	assert_int_equal(raw_parse(&req, err, "base", ARGV_END), -EINVAL);
	assert_int_equal(raw_parse(&req, err, "frob", "0", ARGV_END), -EINVAL);
	assert_non_null(strstr(err, "unknown protocol 'frob'"));
	assert_int_equal(raw_parse(&req, err, "0x100", "0", ARGV_END), -EINVAL);
	assert_non_null(strstr(err, "out of range"));
	assert_int_equal(raw_parse(&req, err, "base", "zz", ARGV_END), -EINVAL);
	assert_non_null(strstr(err, "message 'zz'"));
	assert_int_equal(raw_parse(&req, err, "base", "0x100", ARGV_END), -EINVAL);
	assert_int_equal(raw_parse(&req, err, "base", "--", "-1", ARGV_END), -EINVAL);
	assert_int_equal(raw_parse(&req, err, "base", "0", "123", ARGV_END), -EINVAL);
	assert_non_null(strstr(err, "bad hex payload '123'"));

	/* Exactly the parse-time cap fits; a byte more does not; an odd count is bad hex. */
	memset(big, '0', hex_len);
	big[hex_len] = '\0';
	assert_int_equal(raw_parse(&req, err, "base", "0", big, "00", ARGV_END), -E2BIG);
	assert_non_null(strstr(err, "payload longer than"));
	big[hex_len] = '0';
	big[hex_len + 1] = '0';
	assert_int_equal(raw_parse(&req, err, "base", "0", big, ARGV_END), -E2BIG);
	big[hex_len + 1] = '\0';
	assert_int_equal(raw_parse(&req, err, "base", "0", big, ARGV_END), -EINVAL);
	big[hex_len] = '\0';
	assert_int_equal(raw_parse(&req, err, "base", "0", big, ARGV_END), 0);
	assert_int_equal(req.len, CLI_MAX_PAYLOAD);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_u32_forms),
	    cmocka_unit_test(test_u32_bad),
	    cmocka_unit_test(test_mode),
	    cmocka_unit_test(test_hex_forms),
	    cmocka_unit_test(test_hex_bad),
	    cmocka_unit_test(test_hex_limits_and_append),
	    cmocka_unit_test(test_proto_lookup),
	    cmocka_unit_test(test_args_defaults),
	    cmocka_unit_test(test_args_every_option),
	    cmocka_unit_test(test_args_help_version),
	    cmocka_unit_test(test_args_separator),
	    cmocka_unit_test(test_args_bad),
	    cmocka_unit_test(test_args_too_many),
	    cmocka_unit_test(test_raw_args),
	    cmocka_unit_test(test_raw_args_bad),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
