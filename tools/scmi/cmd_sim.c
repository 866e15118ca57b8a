// SPDX-License-Identifier: BSD-3-Clause
/* `scmi sim`: a placeholder until the command is written (see "Writing a subcommand" in cli.h). */
#include "cli.h"

static int run(const struct cli_opts *o, int argc, const char *const argv[],
	       struct scmi_agent *agent)
{
	(void)o;
	(void)argc;
	(void)argv;
	(void)agent;
	cli_error("'sim' is not available yet");
	return CLI_EXIT_USAGE;
}

const struct cli_command cli_cmd_sim = {
    .name = "sim",
    .summary = "simulated platform control (virtual time, ...) (not available yet)",
    .needs_agent = false,
    .run = run,
};
