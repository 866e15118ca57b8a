// SPDX-License-Identifier: BSD-3-Clause
/*
 * `scmi info`: what Base says about the platform, in Linux's init order
 * (version, attributes, vendor, sub-vendor, implementation version, protocol
 * list, then DISCOVER_AGENT for 0..num_agents), plus PROTOCOL_VERSION of every
 * listed protocol. The messages the spec makes mandatory decide the exit code;
 * the optional ones are shown as errors and the tour goes on.
 */
#include <errno.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "cli.h"
#include "command.h"
#include "help.h"
#include "output.h"
#include "scmi/base.h"

static int base_failed(const char *what, int err)
{
	int code = cli_errno_exit(err);

	if (code == CLI_EXIT_SCMI)
		cli_error("Base %s failed: %s (%s)", what, cli_err_text(err), scmi_strerror(err));
	else
		cli_error("Base %s failed: %s", what, scmi_strerror(err));
	return code;
}

/* An optional message failed: go on, unless the transport itself is gone. */
static bool transport_lost(const char *what, int err)
{
	if (cli_errno_exit(err) != CLI_EXIT_TRANSPORT)
		return false;
	cli_error("%s failed: %s", what, scmi_strerror(err));
	return true;
}

static int gather(struct scmi_agent *agent, struct cli_info *info)
{
	uint8_t ids[256];
	size_t count = 0;
	int ret;

	info->mode = scmi_agent_mode(agent);
	if (scmi_agent_transport(agent) == SCMI_TRANSPORT_LINUX_RAW)
		info->transport = scmi_transport_name(SCMI_TRANSPORT_LINUX_RAW);
	scmi_agent_channel_of(agent, SCMI_PROTOCOL_BASE, &info->channel, NULL);

	ret = scmi_protocol_version(agent, SCMI_PROTOCOL_BASE, &info->base_version);
	if (ret)
		return base_failed("PROTOCOL_VERSION", ret);
	ret = scmi_base_attributes(agent, &info->num_protocols, &info->num_agents);
	if (ret)
		return base_failed("PROTOCOL_ATTRIBUTES", ret);
	ret = scmi_base_discover_vendor(agent, info->vendor);
	if (ret)
		return base_failed("DISCOVER_VENDOR", ret);
	ret = scmi_base_discover_sub_vendor(agent, info->sub_vendor);
	if (ret && transport_lost("Base DISCOVER_SUB_VENDOR", ret))
		return CLI_EXIT_TRANSPORT;
	info->has_sub_vendor = !ret;
	ret = scmi_base_discover_impl_version(agent, &info->impl_version);
	if (ret)
		return base_failed("DISCOVER_IMPLEMENTATION_VERSION", ret);
	ret =
	    scmi_base_discover_list_protocols(agent, info->num_protocols, ids, sizeof(ids), &count);
	if (ret)
		return base_failed("DISCOVER_LIST_PROTOCOLS", ret);

	info->protocols[0].id = SCMI_PROTOCOL_BASE;
	info->protocols[0].version = info->base_version;
	info->nprotocols = 1;
	for (size_t i = 0; i < count && info->nprotocols < 257; i++) {
		struct cli_proto_entry *p = &info->protocols[info->nprotocols++];

		p->id = ids[i];
		p->err = scmi_protocol_version(agent, p->id, &p->version);
		if (p->err && transport_lost("PROTOCOL_VERSION", p->err))
			return CLI_EXIT_TRANSPORT;
	}

	/* Agent 0 is the platform; ids 1..num_agents are the agents. */
	for (uint32_t id = 0; id <= info->num_agents && id < CLI_MAX_AGENTS; id++) {
		struct cli_agent_entry *a = &info->agents[info->nagents++];
		uint32_t id_out;

		a->id = id;
		a->err = scmi_base_discover_agent(agent, id, &id_out, a->name);
		if (a->err && transport_lost("Base DISCOVER_AGENT", a->err))
			return CLI_EXIT_TRANSPORT;
	}
	return CLI_EXIT_OK;
}

static int info_check(const struct cli_opts *o, int argc, const char *const argv[])
{
	(void)o;
	(void)argv;
	/* The old wording and hint, unchanged for scripts that match on it. */
	if (argc)
		return cli_usage_error(NULL, "info takes no arguments");
	return CLI_EXIT_OK;
}

static int info_run(const struct cli_opts *o, int argc, const char *const argv[],
		    struct scmi_agent *agent)
{
	struct cli_info *info = calloc(1, sizeof(*info));
	int ret;

	(void)argc;
	(void)argv;
	if (!info) {
		cli_error("out of memory");
		return CLI_EXIT_SCMI;
	}
	ret = gather(agent, info);
	if (ret == CLI_EXIT_OK && cli_print_info(stdout, info, o->json))
		ret = cli_fail(-EIO, "info: output");
	free(info);
	return ret;
}

const struct cli_command cli_cmd_info = {
    .name = "info",
    .summary = "vendor, versions, transport, protocols and agents of the platform",
    .usage = cli_usage_info,
    .needs_agent = true,
    .check = info_check,
    .run = info_run,
};
