/* SPDX-License-Identifier: BSD-3-Clause */
/* Help texts of the CLI (help.c). */
#ifndef SCMI_TOOLS_HELP_H
#define SCMI_TOOLS_HELP_H

#include <stdio.h>

#include "cli.h"

/** cli_usage() - the help text: global options and a line per command of @table. */
void cli_usage(FILE *f, const struct cli_command *const *table);

/** cli_command_help() - the help of @c: its usage, its options, then a pointer to the globals. */
void cli_command_help(FILE *f, const struct cli_command *c);

/** cli_usage_info() - the help of `info` (without the global-options footer). */
void cli_usage_info(FILE *f);

/** cli_usage_raw() - the help of `raw` (without the global-options footer). */
void cli_usage_raw(FILE *f);

#endif /* SCMI_TOOLS_HELP_H */
