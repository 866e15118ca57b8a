// SPDX-License-Identifier: BSD-3-Clause
/* scmi: explore and drive an SCMI platform over the OP-TEE transport. */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "scmi/tee_client.h"

#ifndef SCMI_CLI_VERSION
#define SCMI_CLI_VERSION "unknown"
#endif

static int usage_error(const char *msg)
{
	cli_error("%s (see scmi --help)", msg);
	return CLI_EXIT_USAGE;
}

static int help_command(const struct cli_opts *o)
{
	char err[256];
	struct cli_opts sub;
	char *argv[3] = {"scmi", NULL, NULL};

	if (o->nargs == 0) {
		cli_usage(stdout);
		return CLI_EXIT_OK;
	}
	if (o->nargs > 1)
		return usage_error("help takes at most one command");
	/* Reuse the parser to look the command word up. */
	argv[1] = (char *)o->args[0];
	if (cli_parse_args(2, argv, &sub, err, sizeof(err)) || sub.cmd == CLI_CMD_NONE)
		return usage_error(err[0] ? err : "help takes a command name");
	cli_command_usage(stdout, sub.cmd);
	return CLI_EXIT_OK;
}

static int open_agent(const struct cli_opts *o, struct scmi_agent **agent)
{
	char sock[PATH_MAX];
	char errbuf[256] = "";
	struct scmi_agent_config cfg = {
	    .dt_path = o->dt_path,
	    .mode = o->mode,
	    .timeout_ms = o->timeout_ms,
	    .errbuf = errbuf,
	    .errbuf_len = sizeof(errbuf),
	};
	int ret;

	/* Resolve the default here so the error can name the path that was tried. */
	if (o->socket_path) {
		snprintf(sock, sizeof(sock), "%s", o->socket_path);
	} else if (tee_client_default_socket(sock, sizeof(sock))) {
		cli_error("cannot build the default socket path; give --socket PATH");
		return CLI_EXIT_USAGE;
	}
	cfg.socket_path = sock;
	ret = scmi_agent_open(&cfg, agent);
	if (ret == -EAGAIN) {
		cli_error("TEE not reachable: no optee-simd at %s (start it, then retry)", sock);
		return CLI_EXIT_TRANSPORT;
	}
	if (ret) {
		cli_error("%s", errbuf[0] ? errbuf : scmi_strerror(ret));
		return cli_errno_exit(ret);
	}
	return CLI_EXIT_OK;
}

int main(int argc, char *argv[])
{
	static struct cli_raw_req raw;
	struct scmi_agent *agent = NULL;
	struct cli_opts o;
	char err[256];
	int ret;

	if (cli_parse_args(argc, argv, &o, err, sizeof(err)))
		return usage_error(err);
	if (o.help) {
		cli_command_usage(stdout, o.cmd);
		return CLI_EXIT_OK;
	}
	if (o.version) {
		printf("scmi %s\n", SCMI_CLI_VERSION);
		return CLI_EXIT_OK;
	}
	switch (o.cmd) {
	case CLI_CMD_NONE:
		return usage_error("no command given");
	case CLI_CMD_HELP:
		return help_command(&o);
	case CLI_CMD_INFO:
		if (o.nargs)
			return usage_error("info takes no arguments");
		break;
	case CLI_CMD_RAW:
		if (cli_raw_parse(&o, &raw, err, sizeof(err)))
			return usage_error(err);
		break;
	}

	ret = open_agent(&o, &agent);
	if (ret)
		return ret;
	if (o.cmd == CLI_CMD_INFO)
		ret = cmd_info(&o, agent);
	else
		ret = cmd_raw(&o, agent, raw.protocol, raw.message, raw.payload, raw.len);
	scmi_agent_close(agent);
	if (fflush(stdout) && ret == CLI_EXIT_OK) {
		cli_error("writing the output: %s", strerror(errno));
		ret = CLI_EXIT_SCMI;
	}
	return ret;
}
