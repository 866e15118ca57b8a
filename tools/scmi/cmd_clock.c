// SPDX-License-Identifier: BSD-3-Clause
/* `scmi clock`: a placeholder until the command is written (see "Writing a subcommand" in cli.h).
 */
#include "cli.h"

static int run(const struct cli_opts *o, int argc, const char *const argv[],
	       struct scmi_agent *agent)
{
	(void)o;
	(void)argc;
	(void)argv;
	(void)agent;
	cli_error("'clock' is not available yet");
	return CLI_EXIT_USAGE;
}

const struct cli_command cli_cmd_clock = {
    .name = "clock",
    .summary = "clocks: list, rate get/set, enable/disable (not available yet)",
    .needs_agent = false,
    .run = run,
};
