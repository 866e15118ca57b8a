// SPDX-License-Identifier: BSD-3-Clause
/*
 * Commands from a table: the command's own options, verb dispatch and its
 * errors (exit 2 with a hint), check hooks, generated help, argument helpers
 * and cli_fail().
 */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "cli.h"
#include "args.h"
#include "command.h"
#include "help.h"
#include "watch.h"

/* The argument lists' sentinel, typed: a bare NULL in a variadic call may be a plain 0. */
#define ARGV_END ((const char *)NULL)

/* What the last verb run saw. */
static struct {
	const char *verb;
	int argc;
	const char *argv0;
	struct scmi_agent *agent;
	int checks;
} seen;

static int record(const char *verb, int argc, const char *const argv[], struct scmi_agent *agent)
{
	seen.verb = verb;
	seen.argc = argc;
	seen.argv0 = argc ? argv[0] : NULL;
	seen.agent = agent;
	return CLI_EXIT_OK;
}

static int run_list(const struct cli_opts *o, int argc, const char *const argv[],
		    struct scmi_agent *agent)
{
	(void)o;
	return record("list", argc, argv, agent);
}

static int run_set(const struct cli_opts *o, int argc, const char *const argv[],
		   struct scmi_agent *agent)
{
	(void)o;
	return record("set", argc, argv, agent);
}

static int check_set(const struct cli_opts *o, int argc, const char *const argv[])
{
	uint32_t id;
	uint64_t hz;

	(void)argc;
	seen.checks++;
	if (cli_arg_u32(o, "ID", argv[0], &id))
		return CLI_EXIT_USAGE;
	return cli_arg_freq(o, "RATE", argv[1], &hz);
}

static int run_watch(const struct cli_opts *o, int argc, const char *const argv[],
		     struct scmi_agent *agent)
{
	(void)o;
	return record("watch", argc, argv, agent);
}

static const struct cli_option clock_opts[] = {
    CLI_WATCH_OPTIONS,
    {"--all", NULL, "also the disabled clocks"},
    {NULL, NULL, NULL},
};

static const struct cli_verb clock_verbs[] = {
    {"list", "", "list the clocks", 0, 0, (const char *const[]){"--all", NULL}, NULL, run_list},
    {"set", "ID RATE", "set a clock's rate", 2, 2, NULL, check_set, run_set},
    {"watch", "[ID...]", "rates over time", 0, -1,
     (const char *const[]){"--interval", "--count", NULL}, NULL, run_watch},
    {NULL, NULL, NULL, 0, 0, NULL, NULL, NULL},
};

static const struct cli_command fake_clock = {
    .name = "clock",
    .summary = "clocks",
    .needs_agent = true,
    .options = clock_opts,
    .verbs = clock_verbs,
};

static int plain_run(const struct cli_opts *o, int argc, const char *const argv[],
		     struct scmi_agent *agent)
{
	(void)o;
	record("plain", argc, argv, agent);
	return 7;
}

static const struct cli_command fake_plain = {
    .name = "plain", .summary = "no verbs", .run = plain_run};

static const struct cli_command *const table[] = {&fake_clock, &fake_plain, NULL};

/* stderr goes to a file while @fn runs; the text is returned (free it). */
static char *stderr_of(int (*fn)(const struct cli_opts *), const struct cli_opts *o, int *ret)
{
	FILE *tmp = tmpfile();
	int saved = dup(STDERR_FILENO);
	char *buf;
	long len;

	assert_non_null(tmp);
	assert_int_equal(fflush(stderr), 0);
	dup2(fileno(tmp), STDERR_FILENO);
	*ret = fn(o);
	assert_int_equal(fflush(stderr), 0);
	dup2(saved, STDERR_FILENO);
	close(saved);
	len = ftell(tmp);
	buf = calloc(1, (size_t)len + 1);
	rewind(tmp);
	assert_int_equal(fread(buf, 1, (size_t)len, tmp), (size_t)len);
	assert_int_equal(fclose(tmp), 0);
	return buf;
}

static int parse_v(struct cli_opts *o, char *err, const char *first, va_list ap)
{
	char *argv[40];
	int argc = 0;

	argv[argc++] = "scmi";
	for (const char *a = first; a; a = va_arg(ap, const char *))
		argv[argc++] = (char *)a;
	argv[argc] = NULL;
	return cli_parse_args(argc, argv, table, o, err, 256);
}

static void parse_ok(struct cli_opts *o, const char *first, ...)
{
	char err[256];
	va_list ap;
	int ret;

	va_start(ap, first);
	ret = parse_v(o, err, first, ap);
	va_end(ap);
	if (ret)
		fail_msg("parse failed: %s", err);
}

static void parse_bad(const char *want, const char *first, ...)
{
	struct cli_opts o;
	char err[256];
	va_list ap;
	int ret;

	va_start(ap, first);
	ret = parse_v(&o, err, first, ap);
	va_end(ap);
	assert_int_equal(ret, -EINVAL);
	if (!strstr(err, want))
		fail_msg("error '%s' lacks '%s'", err, want);
}

/* Check then run, as main does; the error text (if any) in @errtext. */
static int check_and_run(const struct cli_opts *o)
{
	int ret = cli_command_check(o);

	return ret ? ret : cli_command_run(o, (struct scmi_agent *)0x1234);
}

static void expect(const struct cli_opts *o, int want, const char *errpart)
{
	int ret;
	char *e = stderr_of(check_and_run, o, &ret);

	if (ret != want || (errpart && !strstr(e, errpart)) || (!errpart && *e))
		fail_msg("exit %d (wanted %d), stderr '%s' (wanted '%s')", ret, want, e,
			 errpart ? errpart : "");
	free(e);
}

static void test_command_options(void **state)
{
	struct cli_opts o;

	(void)state;
	parse_ok(&o, "clock", "watch", "--interval", "10ms", "--count=3", "--json", ARGV_END);
	assert_ptr_equal(o.cmd, &fake_clock);
	assert_string_equal(cli_opt(&o, "--interval"), "10ms");
	assert_string_equal(cli_opt(&o, "--count"), "3");
	assert_null(cli_opt(&o, "--all"));
	assert_null(cli_opt(&o, "--nonexistent"));
	assert_true(o.json);
	assert_int_equal(o.nargs, 1);
	parse_ok(&o, "clock", "list", "--all", ARGV_END);
	assert_string_equal(cli_opt(&o, "--all"), "");
	/* Negative numbers are arguments, not options. */
	parse_ok(&o, "clock", "set", "-5", "-0.5V", ARGV_END);
	assert_int_equal(o.nargs, 3);
	assert_string_equal(o.args[1], "-5");
	assert_string_equal(o.args[2], "-0.5V");

	/* A command's options are only known after the command word. */
	parse_bad("unknown option '--all'", "--all", "clock", "list", ARGV_END);
	parse_bad("unknown option '--all'", "plain", "--all", ARGV_END);
	parse_bad("--all takes no value", "clock", "--all=1", ARGV_END);
	parse_bad("--interval needs a value", "clock", "watch", "--interval", ARGV_END);
	parse_bad("unknown option '--intervals'", "clock", "--intervals", "1", ARGV_END);
	parse_bad("unknown command 'clocks'", "clocks", ARGV_END);
}

static void test_verbs(void **state)
{
	struct cli_opts o;

	(void)state;
	parse_ok(&o, "clock", "list", ARGV_END);
	memset(&seen, 0, sizeof(seen));
	expect(&o, CLI_EXIT_OK, NULL);
	assert_string_equal(seen.verb, "list");
	assert_int_equal(seen.argc, 0);
	assert_ptr_equal(seen.agent, (void *)0x1234);

	parse_ok(&o, "clock", "set", "3", "1.2GHz", ARGV_END);
	memset(&seen, 0, sizeof(seen));
	expect(&o, CLI_EXIT_OK, NULL);
	assert_string_equal(seen.verb, "set");
	assert_int_equal(seen.argc, 2);
	assert_string_equal(seen.argv0, "3");
	assert_int_equal(seen.checks, 1);

	parse_ok(&o, "clock", "watch", "1", "2", "3", "4", "--count", "2", ARGV_END);
	expect(&o, CLI_EXIT_OK, NULL);
	assert_string_equal(seen.verb, "watch");
	assert_int_equal(seen.argc, 4);

	/* Plain commands get every argument. */
	parse_ok(&o, "plain", "a", "b", ARGV_END);
	expect(&o, 7, NULL);
	assert_int_equal(seen.argc, 2);
	assert_string_equal(seen.argv0, "a");
}

static void test_verb_errors(void **state)
{
	struct cli_opts o;

	(void)state;
	memset(&seen, 0, sizeof(seen));
	parse_ok(&o, "clock", ARGV_END);
	expect(&o, CLI_EXIT_USAGE, "clock needs a verb: list, set, watch (see scmi clock --help)");
	parse_ok(&o, "clock", "frob", ARGV_END);
	expect(&o, CLI_EXIT_USAGE, "clock: unknown verb 'frob' (list, set, watch)");
	parse_ok(&o, "clock", "set", "3", ARGV_END);
	expect(&o, CLI_EXIT_USAGE, "clock set: missing arguments (usage: scmi clock set ID RATE)");
	parse_ok(&o, "clock", "set", "3", "4", "5", ARGV_END);
	expect(&o, CLI_EXIT_USAGE, "clock set: too many arguments");
	parse_ok(&o, "clock", "list", "x", ARGV_END);
	expect(&o, CLI_EXIT_USAGE, "clock list: too many arguments (usage: scmi clock list)");
	parse_ok(&o, "clock", "list", "--count", "3", ARGV_END);
	expect(&o, CLI_EXIT_USAGE, "--count is not an option of 'clock list'");
	parse_ok(&o, "clock", "set", "--all", "1", "2", ARGV_END);
	expect(&o, CLI_EXIT_USAGE, "--all is not an option of 'clock set'");
	/* The verb's check hook: bad values are usage errors before any platform is needed. */
	parse_ok(&o, "clock", "set", "x", "1GHz", ARGV_END);
	expect(&o, CLI_EXIT_USAGE, "ID 'x' is not valid (e.g. 3, 0x1f) (see scmi clock --help)");
	parse_ok(&o, "clock", "set", "0x100000000", "1GHz", ARGV_END);
	expect(&o, CLI_EXIT_USAGE, "ID '0x100000000' is out of range (0..4294967295)");
	parse_ok(&o, "clock", "set", "1", "1.2XHz", ARGV_END);
	expect(&o, CLI_EXIT_USAGE, "RATE '1.2XHz' is not valid (e.g. 800MHz, 1.2GHz");
	parse_ok(&o, "clock", "set", "1", "0.5Hz", ARGV_END);
	expect(&o, CLI_EXIT_USAGE, "RATE '0.5Hz' is not a whole number of Hz");
	parse_ok(&o, "clock", "set", "1", "99999999999GHz", ARGV_END);
	expect(&o, CLI_EXIT_USAGE, "RATE '99999999999GHz' is too large");
	/* No verb ever ran. */
	assert_null(seen.verb);
}

static void test_help(void **state)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	(void)state;
	cli_command_help(f, &fake_clock);
	assert_int_equal(fclose(f), 0);
	assert_non_null(strstr(buf, "usage: scmi [global options] clock VERB [args]\n"));
	assert_non_null(strstr(buf, "\nVerbs:\n"));
	assert_non_null(strstr(buf, "  clock list                   list the clocks\n"));
	assert_non_null(strstr(buf, "  clock set ID RATE            set a clock's rate\n"));
	assert_non_null(strstr(buf, "  clock watch [ID...]          rates over time\n"));
	assert_non_null(strstr(buf, "\nOptions:\n  --interval TIME    time between samples"));
	assert_non_null(strstr(buf, "  --all              also the disabled clocks\n"));
	assert_non_null(strstr(buf, "Run `scmi --help` for the global options.\n"));
	free(buf);

	buf = NULL;
	f = open_memstream(&buf, &len);
	cli_usage(f, table);
	assert_int_equal(fclose(f), 0);
	assert_non_null(strstr(buf, "  clock      clocks\n  plain      no verbs\n"));
	free(buf);
}

static int fail_scmi(const struct cli_opts *o)
{
	(void)o;
	return cli_fail(-ENOENT, "clock %u: set rate", 3);
}

static int fail_transport(const struct cli_opts *o)
{
	(void)o;
	return cli_fail(-ETIMEDOUT, "clock %u: set rate", 3);
}

static int usage_err_nocmd(const struct cli_opts *o)
{
	(void)o;
	return cli_usage_error(NULL, "no command given");
}

static void test_errors(void **state)
{
	int ret;
	char *e;

	(void)state;
	e = stderr_of(fail_scmi, NULL, &ret);
	assert_int_equal(ret, CLI_EXIT_SCMI);
	assert_string_equal(e, "scmi: error: clock 3: set rate: NOT_FOUND\n");
	free(e);
	e = stderr_of(fail_transport, NULL, &ret);
	assert_int_equal(ret, CLI_EXIT_TRANSPORT);
	assert_string_equal(e, "scmi: error: clock 3: set rate: Connection timed out\n");
	free(e);
	e = stderr_of(usage_err_nocmd, NULL, &ret);
	assert_int_equal(ret, CLI_EXIT_USAGE);
	assert_string_equal(e, "scmi: error: no command given (see scmi --help)\n");
	free(e);
}

static void test_arg_helpers(void **state)
{
	struct cli_opts o;
	uint64_t u;
	int32_t uv;

	(void)state;
	parse_ok(&o, "plain", ARGV_END);
	/* Success prints nothing and returns 0; the rest is covered by the parser tests. */
	assert_int_equal(cli_arg_voltage(&o, "LEVEL", "-0.9V", &uv), 0);
	assert_int_equal(uv, -900000);
	assert_int_equal(cli_arg_power_uw(&o, "CAP", "1.5W", &u), 0);
	assert_int_equal(u, 1500000);
	assert_int_equal(cli_arg_power_mw(&o, "CAP", "1.5W", &u), 0);
	assert_int_equal(u, 1500);
	assert_int_equal(cli_arg_duration(&o, "PAI", "10ms", &u), 0);
	assert_int_equal(u, 10000);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_command_options), cmocka_unit_test(test_verbs),
	    cmocka_unit_test(test_verb_errors),	    cmocka_unit_test(test_help),
	    cmocka_unit_test(test_errors),	    cmocka_unit_test(test_arg_helpers),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
