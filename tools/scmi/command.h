/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Running a command from the table (command.c): verb lookup and argument
 * counts, checks before the platform is reached, the command's own options,
 * the error lines every command prints the same way, and the argument helpers
 * its check hooks call.
 */
#ifndef SCMI_TOOLS_COMMAND_H
#define SCMI_TOOLS_COMMAND_H

#include <stdint.h>

#include "cli.h"

/**
 * cli_command_check() - everything about @o->cmd's arguments that can be checked
 * without a platform: the verb and its argument count and options, then the
 * verb's and the command's check hooks. Returns an exit code, error printed.
 */
int cli_command_check(const struct cli_opts *o);

/** cli_command_run() - run @o->cmd (or its verb). Returns an exit code. */
int cli_command_run(const struct cli_opts *o, struct scmi_agent *agent);

/**
 * cli_opt() - the value of the command's option @name ("--count"): "" for a flag
 * that was given, NULL if absent or if the command declares no such option.
 */
const char *cli_opt(const struct cli_opts *o, const char *name);

/**
 * cli_usage_error() - print "scmi: error: ... (see scmi CMD --help)" for @o's
 * command (or scmi --help) and return CLI_EXIT_USAGE.
 */
int cli_usage_error(const struct cli_opts *o, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/**
 * cli_fail() - report a failed libscmi call @err about what @fmt says, the same
 * way in every command ("clock 3: set rate: NOT_FOUND", or the transport error),
 * and return the exit code for it (cli_errno_exit()).
 */
int cli_fail(int err, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/**
 * cli_fail_why() - cli_fail() for an SCMI refusal whose cause the CLI could work
 * out (@why: "the domain counts levels by index: ..."), printed after the status;
 * NULL or "" when it could not.
 */
int cli_fail_why(int err, const char *why, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/*
 * Positional argument helpers: parse @s; on error print a usage error that
 * names @what and the accepted forms, and return CLI_EXIT_USAGE; else 0.
 */
int cli_arg_u32(const struct cli_opts *o, const char *what, const char *s, uint32_t *v);
int cli_arg_freq(const struct cli_opts *o, const char *what, const char *s, uint64_t *hz);
int cli_arg_voltage(const struct cli_opts *o, const char *what, const char *s, int32_t *uv);
int cli_arg_power_uw(const struct cli_opts *o, const char *what, const char *s, uint64_t *uw);
int cli_arg_power_mw(const struct cli_opts *o, const char *what, const char *s, uint64_t *mw);
int cli_arg_duration(const struct cli_opts *o, const char *what, const char *s, uint64_t *us);
int cli_arg_temp(const struct cli_opts *o, const char *what, const char *s, int32_t *mc);

/**
 * cli_arg_range() - a usage error naming @what, @s and the valid range unless
 * @min <= @v <= @max (@unit, e.g. "us", or NULL, follows the range). Returns 0 or
 * CLI_EXIT_USAGE.
 */
int cli_arg_range(const struct cli_opts *o, const char *what, const char *s, uint64_t v,
		  uint64_t min, uint64_t max, const char *unit);

#endif /* SCMI_TOOLS_COMMAND_H */
