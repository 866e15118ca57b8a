// SPDX-License-Identifier: BSD-3-Clause
/*
 * scmi: explore and drive an SCMI platform over the OP-TEE transport, or on a real
 * board over the kernel's SCMI raw mode (linux-raw).
 */
#include <errno.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "args.h"
#include "command.h"
#include "help.h"
#include "json.h"
#include "output.h"
#include "scmi/tee_client.h"

#ifndef SCMI_CLI_VERSION
#define SCMI_CLI_VERSION "unknown"
#endif

/*
 * The transport: as asked; else the kernel's raw mode when it is there and no daemon
 * socket was given (a board), else the OP-TEE daemon (libscmi's own rule, decided here
 * so that errors can speak of what was tried).
 */
static enum scmi_transport_kind pick_transport(const struct cli_opts *o)
{
	if (o->transport != SCMI_TRANSPORT_AUTO)
		return o->transport;
	if (!o->socket_path && scmi_linux_raw_present(o->raw_dir))
		return SCMI_TRANSPORT_LINUX_RAW;
	return SCMI_TRANSPORT_OPTEE;
}

static int open_raw(const struct cli_opts *o, struct scmi_agent **agent)
{
	char errbuf[384] = "";
	struct scmi_agent_config cfg = {
	    .dt_path = o->dt_path,
	    .timeout_ms = o->timeout_ms,
	    .errbuf = errbuf,
	    .errbuf_len = sizeof(errbuf),
	    .transport = SCMI_TRANSPORT_LINUX_RAW,
	    .raw_dir = o->raw_dir,
	};
	int ret;

	ret = scmi_agent_open(&cfg, agent);
	if (!ret)
		return CLI_EXIT_OK;
	cli_error("linux-raw: %s", errbuf[0] ? errbuf : scmi_strerror(ret));
	/* Raw mode missing or out of reach: the platform cannot be reached. */
	if (ret == -EAGAIN || ret == -EACCES || ret == -EPERM)
		return CLI_EXIT_TRANSPORT;
	return cli_errno_exit(ret);
}

/*
 * Opening sends no SCMI message, so a refusal there is the TEE's, not the platform's:
 * the socket's permissions (-EACCES), a server of another uid (-EPERM), the REE-kernel
 * login (-EACCES), the PTA refusing the channel (-EOPNOTSUPP) or the daemon's client
 * limits (-EUSERS) all leave the platform out of reach. Bad configuration stays exit 1.
 */
static int open_exit(int err)
{
	switch (err) {
	case -EACCES:
	case -EPERM:
	case -EOPNOTSUPP:
	case -EUSERS:
		return CLI_EXIT_TRANSPORT;
	default:
		return cli_errno_exit(err);
	}
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
	    .transport = SCMI_TRANSPORT_OPTEE,
	};
	int ret;

	if (pick_transport(o) == SCMI_TRANSPORT_LINUX_RAW)
		return open_raw(o, agent);
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
		/* A slow platform (a loaded machine, sanitizers) needs more than the default. */
		cli_error("%s%s", errbuf[0] ? errbuf : scmi_strerror(ret),
			  ret == -ETIMEDOUT ? " (try --timeout MS)" : "");
		return open_exit(ret);
	}
	return CLI_EXIT_OK;
}

/* --json among the options, for an error before (or while) they are parsed. */
static bool asks_json(int argc, char *const argv[])
{
	for (int i = 1; i < argc && argv[i]; i++) {
		if (!strcmp(argv[i], "--"))
			break;
		if (!strcmp(argv[i], "--json"))
			return true;
	}
	return false;
}

static int run(int argc, char *argv[], bool *json)
{
	struct scmi_agent *agent = NULL;
	struct cli_opts o;
	char err[256];
	int ret;

	if (cli_parse_args(argc, argv, cli_commands, &o, err, sizeof(err)))
		return cli_usage_error(NULL, "%s", err);
	*json = o.json;
	/* As --socket, for a shell that sets it once; the command line still wins. */
	if (!o.socket_path && o.transport != SCMI_TRANSPORT_LINUX_RAW) {
		const char *env = getenv("SCMI_SOCKET");

		if (env && *env)
			o.socket_path = env;
	}
	if (o.help) {
		if (o.cmd)
			cli_command_help(stdout, o.cmd);
		else
			cli_usage(stdout, cli_commands);
		return CLI_EXIT_OK;
	}
	if (o.version) {
		printf("scmi %s\n", SCMI_CLI_VERSION);
		return CLI_EXIT_OK;
	}
	if (!o.cmd) {
		/* A bare `scmi` is someone finding their way: the whole usage, still exit 2. */
		cli_usage(stderr, cli_commands);
		if (o.json)
			cli_error("no command given");
		return CLI_EXIT_USAGE;
	}
	ret = cli_command_check(&o);
	if (ret)
		return ret;
	if (o.cmd->needs_agent) {
		ret = open_agent(&o, &agent);
		if (ret)
			return ret;
	}
	ret = cli_command_run(&o, agent);
	if (agent)
		scmi_agent_close(agent);
	return ret;
}

int main(int argc, char *argv[])
{
	bool json = asks_json(argc, argv);
	int ret = run(argc, argv, &json);

	/* A document a failed command left unfinished is not printed. */
	cli_json_discard();
	/* Under --json a failure is a JSON document too, so scripts always get one. */
	if (ret != CLI_EXIT_OK && json)
		cli_print_error_json(stdout, ret);
	if (fflush(stdout) && ret == CLI_EXIT_OK) {
		cli_error("writing the output: %s", strerror(errno));
		ret = CLI_EXIT_SCMI;
	}
	return ret;
}
