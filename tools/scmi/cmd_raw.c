// SPDX-License-Identifier: BSD-3-Clause
/*
 * `scmi raw`: one message as given, the status by name and the response bytes;
 * with --async also the delayed response that follows (linux-raw).
 */
#include <errno.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "cli.h"
#include "args.h"
#include "command.h"
#include "decode.h"
#include "help.h"
#include "output.h"

static int raw_check(const struct cli_opts *o, int argc, const char *const argv[])
{
	struct cli_raw_req *req = calloc(1, sizeof(*req));
	char err[256];
	int ret = CLI_EXIT_OK;

	(void)argc;
	(void)argv;
	if (!req) {
		cli_error("out of memory");
		return CLI_EXIT_SCMI;
	}
	if (cli_raw_parse(o, req, err, sizeof(err)))
		ret = cli_usage_error(NULL, "%s", err);
	free(req);
	return ret;
}

/*
 * The exit code of an answer: an SCMI status other than SUCCESS is exit 1. The
 * answer printed says so already: no error document follows it under --json.
 */
static int raw_exit(const struct cli_raw_result *r)
{
	if (r->status == SCMI_SUCCESS)
		return CLI_EXIT_OK;
	cli_error_in_output();
	return CLI_EXIT_SCMI;
}

/*
 * The immediate reply, then the delayed response into @a's buffers; the caller set the
 * async flag in @payload.
 */
static int raw_send_async(const struct cli_opts *o, struct scmi_agent *agent, uint8_t protocol,
			  uint8_t message, const uint8_t *payload, size_t len,
			  struct scmi_async_reply *reply)
{
	struct cli_raw_result r = {.protocol = protocol, .message = message}, d;
	const struct scmi_async_reply *a = reply;
	char why[160];
	int ret;

	ret = scmi_xfer_async(agent, protocol, message, payload, len, reply);
	if (ret == -EOPNOTSUPP && a->status == SCMI_SUCCESS && !a->rx_len) {
		cli_error("--async: the transport has no platform-to-agent path (linux-raw has)");
		return CLI_EXIT_USAGE;
	}
	if (ret && a->status == SCMI_SUCCESS && !a->delayed) {
		if (!scmi_agent_last_error(agent, why, sizeof(why)))
			snprintf(why, sizeof(why), "%s", scmi_strerror(ret));
		cli_error("protocol 0x%02x message 0x%02x: %s", protocol, message, why);
		return CLI_EXIT_TRANSPORT;
	}
	r.status = a->status;
	r.data = a->rx;
	r.len = a->rx_len;
	if (a->delayed) {
		d = r;
		d.status = a->dstatus;
		d.data = a->drx;
		d.len = a->drx_len;
	}
	if (cli_print_raw(stdout, &r, a->delayed ? &d : NULL, o->json))
		return cli_fail(-EIO, "raw: output");
	return raw_exit(a->delayed ? &d : &r);
}

static int raw_send(const struct cli_opts *o, struct scmi_agent *agent, uint8_t protocol,
		    uint8_t message, const uint8_t *payload, size_t len)
{
	size_t max = scmi_agent_max_msg_size(agent);
	struct cli_raw_result r = {.protocol = protocol, .message = message};
	int32_t status = SCMI_SUCCESS;
	size_t rx_len = 0;
	uint8_t *rx;
	int ret;

	if (len > max) {
		cli_error("payload of %zu bytes is longer than the max message size (%zu bytes); "
			  "see scmi raw --help",
			  len, max);
		return CLI_EXIT_USAGE;
	}
	rx = calloc(2, max ? max : 1);
	if (!rx) {
		cli_error("out of memory");
		return CLI_EXIT_SCMI;
	}
	if (cli_opt(o, "--async")) {
		struct scmi_async_reply a = {
		    .rx = rx, .rx_max = max, .drx = rx + max, .drx_max = max};

		ret = raw_send_async(o, agent, protocol, message, payload, len, &a);
		free(rx);
		return ret;
	}
	ret = scmi_xfer(agent, protocol, message, payload, len, rx, max, &rx_len, &status);
	if (ret && status == SCMI_SUCCESS) {
		char why[160];

		/* No status came back: the message never completed. */
		if (scmi_agent_last_error(agent, why, sizeof(why)))
			cli_error("protocol 0x%02x message 0x%02x: %s: %s", protocol, message,
				  scmi_strerror(ret), why);
		else
			cli_error("protocol 0x%02x message 0x%02x: %s", protocol, message,
				  scmi_strerror(ret));
		free(rx);
		return CLI_EXIT_TRANSPORT;
	}
	r.status = status;
	r.data = rx;
	r.len = rx_len < max ? rx_len : max;
	ret =
	    cli_print_raw(stdout, &r, NULL, o->json) ? cli_fail(-EIO, "raw: output") : raw_exit(&r);
	if (cli_opt(o, "--decode") && !o->json && r.status == SCMI_SUCCESS)
		cli_decode_payload(stdout, protocol, message, CLI_DECODE_RESPONSE, r.data, r.len);
	free(rx);
	return ret;
}

static int raw_run(const struct cli_opts *o, int argc, const char *const argv[],
		   struct scmi_agent *agent)
{
	struct cli_raw_req *req = calloc(1, sizeof(*req));
	char err[256];
	int ret;

	(void)argc;
	(void)argv;
	if (!req) {
		cli_error("out of memory");
		return CLI_EXIT_SCMI;
	}
	/* Checked before the agent was opened; cannot fail differently now. */
	if (cli_raw_parse(o, req, err, sizeof(err)))
		ret = cli_usage_error(NULL, "%s", err);
	else
		ret = raw_send(o, agent, req->protocol, req->message, req->payload, req->len);
	free(req);
	return ret;
}

static const struct cli_option raw_options[] = {
    {"--async", NULL, "also wait for the delayed response (set the command's async flag)"},
    {"--decode", NULL, "also print the response as named fields (see scmi decode)"},
    {0},
};

const struct cli_command cli_cmd_raw = {
    .name = "raw",
    .options = raw_options,
    .summary = "send any message, print the status and response: raw PROTO MSG [HEXBYTES]",
    .usage = cli_usage_raw,
    .needs_agent = true,
    .check = raw_check,
    .run = raw_run,
};
