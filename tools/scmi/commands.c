// SPDX-License-Identifier: BSD-3-Clause
/*
 * The command table. Each command lives in its own cmd_<name>.c and exports one
 * struct cli_command; adding a command is one file and one line here.
 */
#include <stdio.h>

#include "cli.h"
#include "args.h"
#include "command.h"
#include "help.h"

static int help_check(const struct cli_opts *o, int argc, const char *const argv[])
{
	if (argc > 1)
		return cli_usage_error(o, "help takes at most one command");
	if (argc == 1 && !cli_command_find(cli_commands, argv[0]))
		return cli_usage_error(NULL, "unknown command '%.40s'", argv[0]);
	return CLI_EXIT_OK;
}

static int help_run(const struct cli_opts *o, int argc, const char *const argv[],
		    struct scmi_agent *agent)
{
	(void)o;
	(void)agent;
	if (argc == 0)
		cli_usage(stdout, cli_commands);
	else
		cli_command_help(stdout, cli_command_find(cli_commands, argv[0]));
	return CLI_EXIT_OK;
}

static void help_usage(FILE *f)
{
	fputs("usage: scmi help [COMMAND]\n\n"
	      "  help            the global options and the list of commands\n"
	      "  help COMMAND    the usage of COMMAND (same as scmi COMMAND --help)\n",
	      f);
}

static const struct cli_command cli_cmd_help = {
    .name = "help",
    .summary = "this text; `scmi help COMMAND` for a command's usage",
    .usage = help_usage,
    .check = help_check,
    .run = help_run,
};

const struct cli_command *const cli_commands[] = {
    &cli_cmd_info,    &cli_cmd_raw,   &cli_cmd_clock,	&cli_cmd_power,	 &cli_cmd_perf,
    &cli_cmd_sensor,  &cli_cmd_reset, &cli_cmd_voltage, &cli_cmd_system, &cli_cmd_powercap,
    &cli_cmd_pinctrl, &cli_cmd_sim,   &cli_cmd_events,	&cli_cmd_decode, &cli_cmd_base,
    &cli_cmd_help,    NULL,
};
