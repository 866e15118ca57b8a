/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The command line (args.c): global options anywhere, the command word and its
 * positional arguments; numbers, modes, transports, protocol names and hex
 * payloads. Nothing here talks to a platform.
 */
#ifndef SCMI_TOOLS_ARGS_H
#define SCMI_TOOLS_ARGS_H

#include <stddef.h>
#include <stdint.h>

#include "cli.h"

/*
 * Hard cap on a raw payload while parsing, before the agent (and so its real
 * max message size) exists; the agent's own limit is checked after opening.
 */
#define CLI_MAX_PAYLOAD 4096
/* Bounds of --timeout, in milliseconds. */
#define CLI_TIMEOUT_MAX_MS 3600000u

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
 * cli_command_find() - the command called @name in the NULL-terminated @table, or NULL.
 */
const struct cli_command *cli_command_find(const struct cli_command *const *table,
					   const char *name);

/**
 * cli_parse_u32() - parse a decimal or 0x-prefixed hex number into @val.
 * No sign, no spaces, no trailing characters, no overflow. Returns 0 or -EINVAL / -ERANGE.
 */
int cli_parse_u32(const char *s, uint32_t *val);

/** cli_parse_mode() - "smt", "smt-memref", "msg" or "auto". Returns 0 or -EINVAL. */
int cli_parse_mode(const char *s, enum scmi_mode *mode);

/** cli_mode_name() - "auto", "smt", "smt-memref" or "msg". */
const char *cli_mode_name(enum scmi_mode mode);

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

/** cli_proto_name() - the short name of protocol @id, "vendor" for 0x80.., else "unknown". */
const char *cli_proto_name(uint8_t id);

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

#endif /* SCMI_TOOLS_ARGS_H */
