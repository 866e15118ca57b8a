/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * scmi CLI internals.
 *
 * Writing a subcommand
 * --------------------
 * A command is one file, tools/scmi/cmd_<name>.c, exporting one
 * `const struct cli_command cli_cmd_<name>` (declared below and listed in
 * cli_commands[] in commands.c; CMake picks the file up by itself). Give it
 * verbs and let the table do the checking: "scmi clock frob", a missing or
 * extra argument, or an option the verb does not take is exit 2 with a hint,
 * before any platform is contacted. Parse values in the verb's check hook
 * with cli_arg_*() (exit 2 on bad input), call libscmi in run, report failures
 * with cli_fail() (exit 1 or 3), print people a cli_table, scripts (o->json)
 * a cli_json document of raw base-unit integers ("rate_hz").
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
 *			cli_json_init(&j, stdout);
 *			cli_json_begin_object(&j);
 *			cli_json_kv_u64(&j, "id", id);
 *			cli_json_kv_u64(&j, "rate_hz", hz);
 *			cli_json_end_object(&j);
 *			return cli_json_end(&j) ? CLI_EXIT_SCMI : CLI_EXIT_OK;
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
 * Lists: one struct cli_table (cli_column {"ID", CLI_RIGHT}, {"NAME", CLI_LEFT},
 * ...; cli_table_add_name() for names from the platform), or with --json one
 * array of objects. Own options (e.g. CLI_WATCH_OPTIONS for `watch`) go in
 * .options, come after the command word, are allowed per verb through the
 * verb's options list and read with cli_opt(). Write only to stdout (results)
 * and through cli_error()/cli_fail()/cli_usage_error() (stderr).
 *
 * Layout: everything a daemon is not needed for (option and value parsing,
 * hex payloads, protocol names, tables, JSON, help, verb dispatch, watch
 * loops) lives in the static library scmi_cli and is unit tested in
 * tests/unit/cli; the commands (cmd_*.c) only gather data through libscmi and
 * hand it to those helpers.
 *
 * Exit codes: CLI_EXIT_OK, CLI_EXIT_SCMI (an SCMI error status), CLI_EXIT_USAGE
 * (bad arguments), CLI_EXIT_TRANSPORT (platform not reachable, transport failure).
 */
#ifndef SCMI_TOOLS_CLI_H
#define SCMI_TOOLS_CLI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "scmi/base.h"
#include "scmi/scmi.h"

#include "fmt.h"

#define CLI_EXIT_OK	   0
#define CLI_EXIT_SCMI	   1
#define CLI_EXIT_USAGE	   2
#define CLI_EXIT_TRANSPORT 3

/* Positional arguments after the command name; raw takes PROTO MSG and hex words. */
#define CLI_MAX_ARGS 64
/*
 * Hard cap on a raw payload while parsing, before the agent (and so its real
 * max message size) exists; the agent's own limit is checked after opening.
 */
#define CLI_MAX_PAYLOAD 4096
/* Bounds of --timeout, in milliseconds. */
#define CLI_TIMEOUT_MAX_MS 3600000u

struct cli_command;

/* Values of a command's own options (struct cli_command.options) that one command line holds. */
#define CLI_MAX_CMD_OPTS 16

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

/**
 * cli_command_find() - the command called @name in the NULL-terminated @table, or NULL.
 */
const struct cli_command *cli_command_find(const struct cli_command *const *table,
					   const char *name);

/**
 * cli_command_check() - everything about @o->cmd's arguments that can be checked
 * without a platform: the verb and its argument count and options, then the
 * verb's and the command's check hooks. Returns an exit code, error printed.
 */
int cli_command_check(const struct cli_opts *o);

/** cli_command_run() - run @o->cmd (or its verb). Returns an exit code. */
int cli_command_run(const struct cli_opts *o, struct scmi_agent *agent);

/** cli_command_help() - the help of @c: its usage, its options, then a pointer to the globals. */
void cli_command_help(FILE *f, const struct cli_command *c);

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

/*
 * Resources by name. Every argument naming a resource (a clock, a domain, a
 * sensor, a pin...) takes its id or its name as `list` shows it. Check hooks
 * call cli_arg_id() (a number, or something that may be a name); run hooks
 * call cli_resolve_id() with the protocol's "name of id i" and the count.
 * A name matches exactly, else case-insensitively, else by its first word
 * ("soc_temp" for "soc_temp (SoC die, junction)"), the first tier with any
 * match deciding; two or more matches in it, or none in any, is exit 2 with
 * the candidates.
 */

/* Room for a resource's name (SCMI extended names are 64 bytes). */
#define CLI_NAME_MAX 80

/**
 * typedef cli_name_fn - the name of resource @id into @name (@len bytes, NUL-terminated).
 * Returns 0, or a negative errno: a transport error stops the lookup, any
 * other (e.g. NOT_FOUND for a resource hidden from this agent) skips @id.
 */
typedef int cli_name_fn(void *ctx, uint32_t id, char *name, size_t len);

/**
 * struct cli_resolve - where a command's names come from.
 * @noun:      the resource in messages ("clock", "perf domain", "pin")
 * @list_args: what follows "scmi CMD list" to list them ("pins"), or NULL
 * @count:     ids are 0..@count-1
 * @name_of:   the name of one id
 * @ctx:       for @name_of (the protocol handle)
 */
struct cli_resolve {
	const char *noun;
	const char *list_args;
	uint32_t count;
	cli_name_fn *name_of;
	void *ctx;
};

/**
 * cli_row_fn - read resource @id and add it: to @j as one JSON object when
 * @j is set (--json), else to @t as one table row. Returns CLI_EXIT_OK or an
 * exit code already reported (cli_fail()), which ends the list.
 */
typedef int cli_row_fn(void *ctx, uint32_t id, struct cli_json *j, struct cli_table *t);

/**
 * struct cli_list - a `list` verb: one row per resource id 0..@count-1.
 * @what:     the command's name, for errors ("reset: list")
 * @cols:     the table's columns
 * @num_cols: entries in @cols
 * @count:    how many ids there are
 * @row:      what one row holds
 * @ctx:      passed to @row (the protocol handle)
 */
struct cli_list {
	const char *what;
	const struct cli_column *cols;
	size_t num_cols;
	uint32_t count;
	cli_row_fn *row;
	void *ctx;
};

/** cli_list_run() - print the list @l describes (table or JSON). Returns an exit code. */
int cli_list_run(const struct cli_opts *o, const struct cli_list *l);

/** cli_is_number() - @s is written as a number (perhaps too large for one), not a name. */
bool cli_is_number(const char *s);

/**
 * cli_arg_id() - check hook of a resource argument @s called @what ("ID"):
 * a number in range, or a plausible name. Returns 0 or CLI_EXIT_USAGE (printed).
 */
int cli_arg_id(const struct cli_opts *o, const char *what, const char *s);

/**
 * cli_resolve_id() - the id @s names: a number as is (no message sent), else the
 * resource of @r with that name (see above). Returns CLI_EXIT_OK, CLI_EXIT_USAGE
 * (unknown or ambiguous, candidates printed) or the exit code of a transport error.
 */
int cli_resolve_id(const struct cli_opts *o, const struct cli_resolve *r, const char *what,
		   const char *s, uint32_t *id);

/*
 * Repeating a sample until a count or Ctrl-C. A command that watches declares
 * CLI_WATCH_OPTIONS among its options (and lists "--interval", "--count" in
 * the verb's options), then:
 *
 *	struct cli_watch w;
 *	int ret = cli_watch_init(&w, o, 1000000);
 *
 *	if (ret)
 *		return ret;
 *	while (cli_watch_next(&w)) {
 *		read and print one sample (fflush(stdout));
 *	}
 *	return CLI_EXIT_OK;
 *
 * SIGINT during the wait (or during a sample) ends the loop and the command
 * exits 0; the sample in progress completes first.
 */
#define CLI_WATCH_OPTIONS                                                                          \
	{"--interval", "TIME", "time between samples, e.g. 10ms, 1s (default 1s)"},                \
	{                                                                                          \
		"--count", "N", "stop after N samples (default: until Ctrl-C)"                     \
	}

/**
 * struct cli_watch - a sampling loop.
 * @interval_us: time between samples
 * @count:       samples to take, 0 for no limit
 * @done:        samples started so far
 */
struct cli_watch {
	uint64_t interval_us;
	uint64_t count;
	uint64_t done;
};

/**
 * cli_watch_init() - read --interval (default @default_us) and --count from @o,
 * and catch SIGINT. Returns 0 or CLI_EXIT_USAGE (error printed).
 */
int cli_watch_init(struct cli_watch *w, const struct cli_opts *o, uint64_t default_us);

/**
 * cli_watch_next() - true when the next sample is due: at once for the first,
 * after the interval for the others; false when --count samples were taken or
 * SIGINT came.
 */
bool cli_watch_next(struct cli_watch *w);

/**
 * cli_sleep() - sleep @us microseconds unless SIGINT comes (or came since
 * cli_watch_init()). Returns 0, or -EINTR when interrupted.
 */
int cli_sleep(uint64_t us);

/** cli_interrupted() - SIGINT came since cli_watch_init(). */
bool cli_interrupted(void);

/**
 * cli_parse_args() - parse @argv (argv[0] is the program) into @o.
 * The command word is looked up in @table (NULL-terminated). Global options may
 * come before or after the command, the command's own options after it; "--"
 * ends options; "-" and a dash followed by a digit ("-50mV") are arguments.
 * Returns 0, or -EINVAL with a one-line reason in @err.
 */
int cli_parse_args(int argc, char *const argv[], const struct cli_command *const *table,
		   struct cli_opts *o, char *err, size_t errlen);

/**
 * cli_parse_u32() - parse a decimal or 0x-prefixed hex number into @val.
 * No sign, no spaces, no trailing characters, no overflow. Returns 0 or -EINVAL / -ERANGE.
 */
int cli_parse_u32(const char *s, uint32_t *val);

/** cli_parse_mode() - "smt", "smt-memref", "msg" or "auto". Returns 0 or -EINVAL. */
int cli_parse_mode(const char *s, enum scmi_mode *mode);

/**
 * cli_parse_transport() - "auto", "optee", "linux-raw" or "linux-raw:DIR" (DIR not empty)
 * into @kind and @dir (a pointer into @s, or NULL). Returns 0 or -EINVAL.
 */
int cli_parse_transport(const char *s, enum scmi_transport_kind *kind, const char **dir);

/**
 * cli_parse_hex() - parse a payload given as hex into @buf (wire order).
 * Tokens are separated by spaces, tabs, commas or colons; each token is an
 * optional 0x prefix then an even number of hex digits, taken as bytes in
 * order ("01000000", "01 00 00 00", "0x01,0x00"). Appends to the @len bytes
 * already in @buf. Returns 0, -EINVAL (bad digit, odd digit count, lone
 * prefix) or -E2BIG (more than @max bytes in all).
 */
int cli_parse_hex(const char *s, uint8_t *buf, size_t max, size_t *len);

/**
 * cli_proto_lookup() - a protocol given as a name (base, power, ...; any case)
 * or a number (0..0xff). Returns 0 or -EINVAL (unknown name) / -ERANGE.
 */
int cli_proto_lookup(const char *s, uint8_t *id);

/** cli_mode_name() - "auto", "smt", "smt-memref" or "msg". */
const char *cli_mode_name(enum scmi_mode mode);

/** cli_proto_name() - the short name of protocol @id, "vendor" for 0x80.., else "unknown". */
const char *cli_proto_name(uint8_t id);

/* Output. */

/** cli_json_string() - write @s as a JSON string literal, quotes and escapes included. */
void cli_json_string(FILE *f, const char *s);

/** cli_hex_string() - @len bytes of @p as lowercase hex, no separators, into @f. */
void cli_hex_string(FILE *f, const uint8_t *p, size_t len);

/** cli_version_string() - "major.minor" of an SCMI version word into @buf. */
void cli_version_string(uint32_t version, char *buf, size_t len);

/**
 * struct cli_proto_entry - one protocol in `info`.
 * @id:      protocol id
 * @version: PROTOCOL_VERSION, valid when @err is 0
 * @err:     0, or the negative errno of PROTOCOL_VERSION
 */
struct cli_proto_entry {
	uint8_t id;
	uint32_t version;
	int err;
};

/**
 * struct cli_agent_entry - one agent in `info`.
 * @id:   the id asked for
 * @name: the name returned, valid when @err is 0
 * @err:  0, or the negative errno of BASE_DISCOVER_AGENT
 */
struct cli_agent_entry {
	uint32_t id;
	char name[SCMI_NAME_BUF];
	int err;
};

/* 256 possible agent ids (0 = platform .. 0xff). */
#define CLI_MAX_AGENTS 256

/**
 * struct cli_info - everything `info` prints.
 * @vendor, @sub_vendor: identifiers; @has_sub_vendor false when the message failed
 * @impl_version:        implementation version
 * @base_version:        Base PROTOCOL_VERSION
 * @num_protocols:       protocols other than Base, from attributes
 * @num_agents:          agents other than the platform, from attributes
 * @mode:                transport mode in use (OP-TEE)
 * @transport:           the transport's name when it has no modes ("linux-raw"), else NULL
 * @channel:             channel id of Base (OP-TEE's, or linux-raw's kernel channel, 0 for
 *                       "by protocol")
 * @protocols:           Base first, then the listed protocols
 * @nprotocols:          entries in @protocols
 * @agents:              DISCOVER_AGENT results, ids 0..@num_agents
 * @nagents:             entries in @agents
 */
struct cli_info {
	char vendor[SCMI_NAME_BUF];
	char sub_vendor[SCMI_NAME_BUF];
	bool has_sub_vendor;
	uint32_t impl_version;
	uint32_t base_version;
	uint32_t num_protocols;
	uint32_t num_agents;
	enum scmi_mode mode;
	const char *transport;
	uint32_t channel;
	struct cli_proto_entry protocols[257];
	size_t nprotocols;
	struct cli_agent_entry agents[CLI_MAX_AGENTS];
	size_t nagents;
};

/** cli_print_info() - `info` output, as aligned text or (@json) one JSON object. */
void cli_print_info(FILE *f, const struct cli_info *info, bool json);

/**
 * struct cli_raw_result - what `raw` prints.
 * @protocol, @message: what was sent
 * @status:             the SCMI status
 * @data, @len:         the return values after the status
 */
struct cli_raw_result {
	uint8_t protocol;
	uint8_t message;
	int32_t status;
	const uint8_t *data;
	size_t len;
};

/** cli_print_raw() - `raw` output, as text or (@json) one JSON object. */
void cli_print_raw(FILE *f, const struct cli_raw_result *r, bool json);

/** cli_usage() - the help text: global options and a line per command of @table. */
void cli_usage(FILE *f, const struct cli_command *const *table);

/** cli_usage_info() - the help of `info` (without the global-options footer). */
void cli_usage_info(FILE *f);

/** cli_usage_raw() - the help of `raw` (without the global-options footer). */
void cli_usage_raw(FILE *f);

/**
 * cli_err_text() - the SCMI status name behind a libscmi errno (Linux's table read
 * backwards, IN_USE as -EPERM), or strerror() for an errno no status maps to.
 */
const char *cli_err_text(int err);

/**
 * cli_errno_exit() - the exit code for a libscmi error: CLI_EXIT_TRANSPORT for
 * errors of reaching or talking to the platform, CLI_EXIT_SCMI otherwise.
 */
int cli_errno_exit(int err);

/** cli_error() - print "scmi: error: ..." on stderr. */
void cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/**
 * struct cli_raw_req - the parsed arguments of `raw`.
 * @protocol, @message: ids
 * @payload, @len:      request payload
 */
struct cli_raw_req {
	uint8_t protocol;
	uint8_t message;
	uint8_t payload[CLI_MAX_PAYLOAD];
	size_t len;
};

/**
 * cli_raw_parse() - check and convert the positional arguments of `raw`.
 * Returns 0, or -EINVAL / -E2BIG with a reason in @err.
 */
int cli_raw_parse(const struct cli_opts *o, struct cli_raw_req *req, char *err, size_t errlen);

#endif /* SCMI_TOOLS_CLI_H */
