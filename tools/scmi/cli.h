/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * scmi CLI internals.
 *
 * The CLI is split so that everything a daemon is not needed for (option and
 * number parsing, hex payloads, protocol names, JSON and table output) lives in
 * the static library scmi_cli and is unit tested; the commands (cmd_*.c) only
 * gather data through libscmi and hand it to the printers here.
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

/** enum cli_cmd - the command chosen on the command line. */
enum cli_cmd {
	CLI_CMD_NONE = 0,
	CLI_CMD_HELP,
	CLI_CMD_INFO,
	CLI_CMD_RAW,
};

/**
 * struct cli_opts - the parsed command line.
 * @socket_path: --socket, or NULL for the default path
 * @dt_path:     --dt, or NULL (channel 0, no shmem)
 * @mode:        --mode (SCMI_MODE_AUTO when absent)
 * @timeout_ms:  --timeout, or 0 for "DT or default"
 * @json:        --json
 * @help:        -h/--help seen (with or without a command)
 * @version:     --version seen
 * @cmd:         the command
 * @cmd_name:    the command word as typed (NULL if none)
 * @nargs:       positional arguments after the command
 * @args:        those arguments (pointers into argv)
 */
struct cli_opts {
	const char *socket_path;
	const char *dt_path;
	enum scmi_mode mode;
	uint32_t timeout_ms;
	bool json;
	bool help;
	bool version;
	enum cli_cmd cmd;
	const char *cmd_name;
	int nargs;
	const char *args[CLI_MAX_ARGS];
};

/**
 * cli_parse_args() - parse @argv (argv[0] is the program) into @o.
 * Global options may come before or after the command; "--" ends options.
 * Returns 0, or -EINVAL with a one-line reason in @err.
 */
int cli_parse_args(int argc, char *const argv[], struct cli_opts *o, char *err, size_t errlen);

/**
 * cli_parse_u32() - parse a decimal or 0x-prefixed hex number into @val.
 * No sign, no spaces, no trailing characters, no overflow. Returns 0 or -EINVAL / -ERANGE.
 */
int cli_parse_u32(const char *s, uint32_t *val);

/** cli_parse_mode() - "smt", "smt-memref", "msg" or "auto". Returns 0 or -EINVAL. */
int cli_parse_mode(const char *s, enum scmi_mode *mode);

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
 * @mode:                transport mode in use
 * @channel:             OP-TEE channel id of Base
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

/** cli_usage() - the help text. */
void cli_usage(FILE *f);

/** cli_command_usage() - help for one command (falls back to cli_usage()). */
void cli_command_usage(FILE *f, enum cli_cmd cmd);

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

/* Commands (need libscmi). */

/** cmd_info() - the `info` command; returns an exit code. */
int cmd_info(const struct cli_opts *o, struct scmi_agent *agent);

/** cmd_raw() - the `raw` command; returns an exit code. */
int cmd_raw(const struct cli_opts *o, struct scmi_agent *agent, uint8_t protocol, uint8_t message,
	    const uint8_t *payload, size_t len);

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
