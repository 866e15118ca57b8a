/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Output of the CLI (output.c): errors and the exit code for a libscmi error,
 * strings from the platform made safe for a terminal or for JSON, and what
 * `info` and `raw` print, as aligned text for people or JSON for programs.
 */
#ifndef SCMI_TOOLS_OUTPUT_H
#define SCMI_TOOLS_OUTPUT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "scmi/base.h"
#include "scmi/scmi.h"

/**
 * cli_error() - print "scmi: error: ..." on stderr, control characters escaped.
 * The first error of a run is also kept for cli_print_error_json().
 */
void cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/** cli_error_status() - cli_error() for a refusal whose SCMI status (a name) is known. */
void cli_error_status(const char *status, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/**
 * cli_error_in_output() - the document a command printed carries its failure
 * (`raw`: the status it answered), so cli_print_error_json() prints nothing.
 */
void cli_error_in_output(void);

/** cli_error_forget() - forget the error kept so far (a fresh start; tests). */
void cli_error_forget(void);

/**
 * cli_print_error_json() - the error of a run under --json, as a document on
 * @f: {"error":{"exit_code":N,"status":"NOT_FOUND" or null,"message":"..."}}
 * (docs/json/error.schema.json), unless cli_error_in_output() was called.
 * Returns 0 or a negative errno.
 */
int cli_print_error_json(FILE *f, int exit_code);

/**
 * cli_err_status() - the SCMI status name behind a libscmi errno, or NULL when no
 * status maps to it.
 */
const char *cli_err_status(int err);

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

/** cli_json_string() - write @s as a JSON string literal, quotes and escapes included. */
void cli_json_string(FILE *f, const char *s);

/* Room for any escaped resource name: every byte of a 64-byte name as "\xNN". */
#define CLI_SAFE_MAX (4 * 64 + 1)

/**
 * cli_safe() - @s, a string from a platform or a DT, for a terminal: printable ASCII
 * as is, '\\' doubled, anything else as \xNN (as cli_table_add_name() does), into
 * @buf (@len bytes; cut at a whole escape). Returns @buf.
 */
const char *cli_safe(char *buf, size_t len, const char *s);

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

/**
 * cli_print_info() - `info` output, as aligned text or (@json) one JSON object.
 * Returns 0 or the negative errno of cli_json_end().
 */
int cli_print_info(FILE *f, const struct cli_info *info, bool json);

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

/**
 * cli_print_raw() - `raw` output: the answer @r and, when not NULL, the delayed
 * response @delayed that followed it; as text or (@json) one JSON object.
 * Returns 0 or the negative errno of cli_json_end().
 */
int cli_print_raw(FILE *f, const struct cli_raw_result *r, const struct cli_raw_result *delayed,
		  bool json);

#endif /* SCMI_TOOLS_OUTPUT_H */
