/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The scmi CLI's command model: exit codes, the parsed command line, and the
 * tables a command is made of (commands, verbs, options).
 *
 * Writing a subcommand
 * --------------------
 * A command is one file, tools/scmi/cmd_<name>.c, exporting one
 * `const struct cli_command cli_cmd_<name>` (declared below and listed in
 * cli_commands[] in commands.c; CMake picks the file up by itself). Give it
 * verbs and let the table do the checking: "scmi clock frob", a missing or
 * extra argument, or an option the verb does not take is exit 2 with a hint,
 * before any platform is contacted. Parse values in the verb's check hook
 * with cli_arg_*() (command.h; exit 2 on bad input), call libscmi in run,
 * report failures with cli_fail() (exit 1 or 3), print people a cli_table
 * (table.h), scripts (o->json) a cli_json document (json.h) of raw base-unit
 * integers ("rate_hz").
 *
 *	#include "cli.h"
 *	#include "command.h"
 *	#include "json.h"
 *	#include "units.h"
 *
 *	static int get_check(const struct cli_opts *o, int argc, const char *const argv[])
 *	{
 *		uint32_t id;
 *
 *		(void)argc;                           // the verb table checked the count
 *		return cli_arg_u32(o, "ID", argv[0], &id);
 *	}
 *
 *	static int get_run(const struct cli_opts *o, int argc, const char *const argv[],
 *			   struct scmi_agent *agent)
 *	{
 *		uint32_t id;
 *		uint64_t hz;
 *		char b[CLI_FMT_MAX];
 *		int ret;
 *
 *		(void)argc;
 *		cli_parse_u32(argv[0], &id);          // checked already
 *		ret = scmi_clock_rate_get(agent, id, &hz); // libscmi, hypothetical
 *		if (ret)
 *			return cli_fail(ret, "clock %u: rate", id);
 *		if (o->json) {
 *			struct cli_json j;
 *
 *			cli_json_begin_item(&j, id);      // '{' and "id"
 *			cli_json_kv_u64(&j, "rate_hz", hz);
 *			return cli_json_end_item(&j);
 *		}
 *		printf("clock %u: %s\n", id, cli_fmt_freq(b, sizeof(b), hz));
 *		return CLI_EXIT_OK;
 *	}
 *
 *	static const struct cli_verb verbs[] = {
 *		{"list", "", "list the clocks", 0, 0, NULL, NULL, list_run},
 *		{"get", "ID", "a clock's rate", 1, 1, NULL, get_check, get_run},
 *		{"set", "ID RATE", "set a rate (e.g. 800MHz)", 2, 2, NULL, set_check, set_run},
 *		{0},
 *	};
 *
 *	const struct cli_command cli_cmd_clock = {
 *		.name = "clock",
 *		.summary = "clocks: list, rate get/set",
 *		.needs_agent = true,
 *		.verbs = verbs,                       // usage is generated from them
 *	};
 *
 * Lists: a `list` verb is a struct cli_list (list.h): one table row or one JSON
 * object per resource id, always a JSON array. Resource arguments take an id or
 * a name (resolve.h: cli_arg_id() in check, cli_resolve_id() in run). Own
 * options (e.g. CLI_WATCH_OPTIONS of watch.h for `watch`) go in .options, come
 * after the command word, are allowed per verb through the verb's options list
 * and read with cli_opt(). Write only to stdout (results) and through
 * cli_error()/cli_fail()/cli_usage_error() (stderr).
 *
 * Layout: everything a daemon is not needed for lives in the static library
 * scmi_cli, one header per module, and is unit tested in tests/unit/cli:
 *   args.h     the command line, numbers, modes, protocol names, hex payloads
 *   command.h  verb dispatch, checks, cli_opt(), cli_fail(), cli_arg_*()
 *   help.h     help texts
 *   output.h   errors and exit codes, `info` and `raw` output
 *   units.h    values with units, both ways
 *   table.h    aligned text tables
 *   json.h     the JSON writer
 *   list.h     the `list` verbs' scaffold
 *   resolve.h  resources by name
 *   watch.h    sampling loops that end on Ctrl-C
 * The commands (cmd_*.c) only gather data through libscmi and hand it to those.
 *
 * Exit codes: CLI_EXIT_OK, CLI_EXIT_SCMI (an SCMI error status), CLI_EXIT_USAGE
 * (bad arguments), CLI_EXIT_TRANSPORT (platform not reachable, transport failure).
 */
#ifndef SCMI_TOOLS_CLI_H
#define SCMI_TOOLS_CLI_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "scmi/scmi.h"

#define CLI_EXIT_OK	   0
#define CLI_EXIT_SCMI	   1
#define CLI_EXIT_USAGE	   2
#define CLI_EXIT_TRANSPORT 3

/* Positional arguments after the command name; raw takes PROTO MSG and hex words. */
#define CLI_MAX_ARGS 64

/* Values of a command's own options (struct cli_command.options) that one command line holds. */
#define CLI_MAX_CMD_OPTS 16

struct cli_command;

/**
 * struct cli_opts - the parsed command line.
 * @socket_path: --socket, or NULL for the default path
 * @dt_path:     --dt, or NULL (channel 0, no shmem)
 * @mode:        --mode (SCMI_MODE_AUTO when absent)
 * @timeout_ms:  --timeout, or 0 for "DT or default"
 * @json:        --json
 * @transport:   --transport (SCMI_TRANSPORT_AUTO when absent)
 * @raw_dir:     the DIR of --transport linux-raw:DIR, or NULL (the default raw directory)
 * @help:        -h/--help seen (with or without a command)
 * @version:     --version seen
 * @cmd:         the command, or NULL if none was given
 * @cmd_name:    the command word as typed (NULL if none)
 * @nargs:       positional arguments after the command
 * @args:        those arguments (pointers into argv)
 * @opt_vals:    per entry of @cmd->options: its value, "" for a flag, NULL if absent
 */
struct cli_opts {
	const char *socket_path;
	const char *dt_path;
	enum scmi_mode mode;
	uint32_t timeout_ms;
	bool json;
	enum scmi_transport_kind transport;
	const char *raw_dir;
	bool help;
	bool version;
	const struct cli_command *cmd;
	const char *cmd_name;
	int nargs;
	const char *args[CLI_MAX_ARGS];
	const char *opt_vals[CLI_MAX_CMD_OPTS];
};

/**
 * typedef cli_run_fn - runs a command or a verb.
 * @o:     the whole command line (global options, cli_opt() for the command's own)
 * @argc:  positional arguments: after the command word, or after the verb
 * @argv:  those arguments
 * @agent: the open agent, or NULL for a command with needs_agent false
 * Returns an exit code (CLI_EXIT_*), having printed any error itself.
 */
typedef int cli_run_fn(const struct cli_opts *o, int argc, const char *const argv[],
		       struct scmi_agent *agent);

/**
 * typedef cli_check_fn - checks arguments before the agent is opened, so that a
 * usage error is exit 2 whether or not a platform is reachable.
 * Returns CLI_EXIT_OK, or an exit code after printing the error.
 */
typedef int cli_check_fn(const struct cli_opts *o, int argc, const char *const argv[]);

/**
 * struct cli_option - an option of one command ("--interval 10ms", "--all").
 * @name: with its dashes; must not be a global option's name
 * @arg:  the value's name in help ("TIME"), or NULL for a flag without value
 * @help: one line of help
 */
struct cli_option {
	const char *name;
	const char *arg;
	const char *help;
};

/**
 * struct cli_verb - one verb of a command ("list", "get", "set").
 * @name:     the word
 * @args:     its arguments for help ("ID RATE"), "" or NULL for none
 * @summary:  one line of help
 * @min_args: fewest arguments after the verb
 * @max_args: most arguments after the verb, or -1 for no limit
 * @options:  names of the command's options this verb accepts, NULL-terminated,
 *            or NULL for none
 * @check:    optional, see cli_check_fn; argv starts after the verb
 * @run:      the verb; argv starts after the verb
 */
struct cli_verb {
	const char *name;
	const char *args;
	const char *summary;
	int min_args;
	int max_args;
	const char *const *options;
	cli_check_fn *check;
	cli_run_fn *run;
};

/**
 * struct cli_command - one command of the CLI, an entry of cli_commands[].
 * @name:        the command word
 * @summary:     one line for `scmi --help`
 * @usage:       prints the command's help (first line "usage: scmi [global options] NAME ...");
 *               optional when @verbs is set: then it is generated from them
 * @needs_agent: open the agent (and so need a running optee-simd) before @run
 * @options:     the command's own options, ended by an entry with a NULL name; or NULL
 * @verbs:       the command's verbs, ended by an entry with a NULL name; or NULL
 * @check:       optional, see cli_check_fn (called after the verb checks)
 * @run:         the command; NULL to dispatch to @verbs
 * @details:     optional text the generated help prints after the verbs: what the
 *               arguments accept, notes, examples (lines end with '\n')
 */
struct cli_command {
	const char *name;
	const char *summary;
	void (*usage)(FILE *f);
	bool needs_agent;
	const struct cli_option *options;
	const struct cli_verb *verbs;
	cli_check_fn *check;
	cli_run_fn *run;
	const char *details;
};

/** cli_commands - every command, NULL-terminated (commands.c). */
extern const struct cli_command *const cli_commands[];

/* The commands, one file each (cmd_<name>.c). */
extern const struct cli_command cli_cmd_info;
extern const struct cli_command cli_cmd_base;
extern const struct cli_command cli_cmd_raw;
extern const struct cli_command cli_cmd_clock;
extern const struct cli_command cli_cmd_power;
extern const struct cli_command cli_cmd_perf;
extern const struct cli_command cli_cmd_sensor;
extern const struct cli_command cli_cmd_reset;
extern const struct cli_command cli_cmd_voltage;
extern const struct cli_command cli_cmd_system;
extern const struct cli_command cli_cmd_powercap;
extern const struct cli_command cli_cmd_pinctrl;
extern const struct cli_command cli_cmd_sim;
extern const struct cli_command cli_cmd_events;
extern const struct cli_command cli_cmd_decode;

#endif /* SCMI_TOOLS_CLI_H */
