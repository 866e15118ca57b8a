// SPDX-License-Identifier: BSD-3-Clause
/*
 * `scmi base`: what the Base protocol lets a trusted agent do to the others,
 * without hand-written `scmi raw`: allow or deny an agent a device
 * (BASE_SET_DEVICE_PERMISSIONS) or one protocol on a device
 * (BASE_SET_PROTOCOL_PERMISSIONS), and reset an agent's configuration
 * (BASE_RESET_AGENT_CONFIGURATION), its permissions too unless told to keep
 * them. An agent is given by id or by the name DISCOVER_AGENT answers; a
 * device by its id (SCMI has no message naming devices).
 */
#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "args.h"
#include "command.h"
#include "json.h"
#include "output.h"
#include "resolve.h"
#include "table.h"
#include "scmi/base.h"

static int allow_parse(const char *s, bool *allow)
{
	if (!strcmp(s, "allow") || !strcmp(s, "on")) {
		*allow = true;
		return 0;
	}
	if (!strcmp(s, "deny") || !strcmp(s, "off")) {
		*allow = false;
		return 0;
	}
	return -1;
}

static int allow_check(const struct cli_opts *o, const char *s)
{
	bool allow;

	if (allow_parse(s, &allow))
		return cli_usage_error(o, "'%s': expected allow or deny", s);
	return CLI_EXIT_OK;
}

static int device_check(const struct cli_opts *o, int argc, const char *const argv[])
{
	uint32_t dev;
	int ret;

	(void)argc;
	ret = cli_arg_id(o, "AGENT", argv[0]);
	if (!ret)
		ret = cli_arg_u32(o, "DEVICE", argv[1], &dev);
	return ret ? ret : allow_check(o, argv[2]);
}

static int protocol_check(const struct cli_opts *o, int argc, const char *const argv[])
{
	uint8_t proto;
	uint32_t dev;
	int ret;

	(void)argc;
	ret = cli_arg_id(o, "AGENT", argv[0]);
	if (!ret)
		ret = cli_arg_u32(o, "DEVICE", argv[1], &dev);
	if (ret)
		return ret;
	if (cli_proto_lookup(argv[2], &proto))
		return cli_usage_error(
		    o, "PROTO '%s': a protocol name (clock, power, ...) or 0..0xff", argv[2]);
	return allow_check(o, argv[3]);
}

static int reset_check(const struct cli_opts *o, int argc, const char *const argv[])
{
	if (argc > 1 && strcmp(argv[1], "keep-permissions") != 0)
		return cli_usage_error(o, "'%s': expected keep-permissions", argv[1]);
	return cli_arg_id(o, "AGENT", argv[0]);
}

/* The agents' names for the resolver: DISCOVER_AGENT of each id. */
static int agent_name(void *ctx, uint32_t id, struct cli_names *n)
{
	char name[SCMI_NAME_BUF];
	uint32_t got;
	int ret = scmi_base_discover_agent(ctx, id, &got, name);

	if (ret)
		return ret;
	memset(n, 0, sizeof(*n));
	snprintf(n->name, sizeof(n->name), "%s", name);
	return 0;
}

static int agent_id(const struct cli_opts *o, struct scmi_agent *agent, const char *s, uint32_t *id)
{
	uint32_t nprot = 0, nagents = 0;
	struct cli_resolve r = {"agent", NULL, 0, agent_name, agent};
	int ret;

	if (cli_is_number(s))
		return cli_resolve_id(o, &r, "AGENT", s, id);
	ret = scmi_base_attributes(agent, &nprot, &nagents);
	if (ret)
		return cli_fail(ret, "base: attributes");
	/* Agent 0 is the platform; the agents are 1..N. */
	r.count = nagents + 1;
	return cli_resolve_id(o, &r, "AGENT", s, id);
}

static int list_run(const struct cli_opts *o, int argc, const char *const argv[],
		    struct scmi_agent *agent)
{
	static const struct cli_column cols[] = {{"ID", CLI_RIGHT}, {"NAME", CLI_LEFT}};
	uint32_t nprot = 0, nagents = 0, i;
	struct cli_table *t = NULL;
	struct cli_json j;
	int ret;

	(void)argc;
	(void)argv;
	ret = scmi_base_attributes(agent, &nprot, &nagents);
	if (ret)
		return cli_fail(ret, "base: attributes");
	if (o->json) {
		cli_json_init(&j, stdout);
		cli_json_begin_array(&j);
	} else {
		t = cli_table_new(cols, 2);
		if (!t)
			return cli_fail(-ENOMEM, "base: list");
	}
	/* Agent 0 is the platform itself. */
	for (i = 0; i <= nagents; i++) {
		char name[SCMI_NAME_BUF];
		uint32_t got;

		ret = scmi_base_discover_agent(agent, i, &got, name);
		if (ret) {
			cli_table_free(t);
			return cli_fail(ret, "agent %u", i);
		}
		if (o->json) {
			cli_json_begin_object(&j);
			cli_json_kv_u64(&j, "id", i);
			cli_json_kv_str(&j, "name", name);
			cli_json_end_object(&j);
			continue;
		}
		cli_table_add(t, "%u", i);
		cli_table_add_name(t, name);
	}
	if (o->json) {
		cli_json_end_array(&j);
		return cli_json_exit(&j);
	}
	ret = cli_table_print(t, stdout);
	cli_table_free(t);
	return ret ? cli_fail(ret, "base: list") : CLI_EXIT_OK;
}

static int device_run(const struct cli_opts *o, int argc, const char *const argv[],
		      struct scmi_agent *agent)
{
	struct cli_json j;
	uint32_t id = 0, dev = 0;
	bool allow = false;
	int ret;

	(void)argc;
	ret = agent_id(o, agent, argv[0], &id);
	if (ret)
		return ret;
	cli_parse_u32(argv[1], &dev);
	allow_parse(argv[2], &allow);
	ret = scmi_base_set_device_permissions(agent, id, dev, allow);
	if (ret)
		return cli_fail(ret, "agent %u: device %u: %s", id, dev, allow ? "allow" : "deny");
	if (o->json) {
		cli_json_init(&j, stdout);
		cli_json_begin_object(&j);
		cli_json_kv_u64(&j, "agent", id);
		cli_json_kv_u64(&j, "device", dev);
		cli_json_kv_bool(&j, "allowed", allow);
		cli_json_end_object(&j);
		return cli_json_exit(&j);
	}
	printf("agent %u: device %u %s\n", id, dev, allow ? "allowed" : "denied");
	return CLI_EXIT_OK;
}

static int protocol_run(const struct cli_opts *o, int argc, const char *const argv[],
			struct scmi_agent *agent)
{
	struct cli_json j;
	uint32_t id = 0, dev = 0;
	uint8_t proto = 0;
	bool allow = false;
	int ret;

	(void)argc;
	ret = agent_id(o, agent, argv[0], &id);
	if (ret)
		return ret;
	cli_parse_u32(argv[1], &dev);
	cli_proto_lookup(argv[2], &proto);
	allow_parse(argv[3], &allow);
	ret = scmi_base_set_protocol_permissions(agent, id, dev, proto, allow);
	if (ret)
		return cli_fail(ret, "agent %u: device %u: protocol 0x%02x: %s", id, dev, proto,
				allow ? "allow" : "deny");
	if (o->json) {
		cli_json_init(&j, stdout);
		cli_json_begin_object(&j);
		cli_json_kv_u64(&j, "agent", id);
		cli_json_kv_u64(&j, "device", dev);
		cli_json_kv_u64(&j, "protocol", proto);
		cli_json_kv_bool(&j, "allowed", allow);
		cli_json_end_object(&j);
		return cli_json_exit(&j);
	}
	printf("agent %u: device %u: protocol 0x%02x (%s) %s\n", id, dev, proto,
	       cli_proto_name(proto), allow ? "allowed" : "denied");
	return CLI_EXIT_OK;
}

static int reset_run(const struct cli_opts *o, int argc, const char *const argv[],
		     struct scmi_agent *agent)
{
	bool perms = argc < 2;
	struct cli_json j;
	uint32_t id = 0;
	int ret;

	ret = agent_id(o, agent, argv[0], &id);
	if (ret)
		return ret;
	ret = scmi_base_reset_agent_configuration(agent, id, perms);
	if (ret)
		return cli_fail(ret, "agent %u: reset", id);
	if (o->json) {
		cli_json_init(&j, stdout);
		cli_json_begin_object(&j);
		cli_json_kv_u64(&j, "agent", id);
		cli_json_kv_bool(&j, "permissions_reset", perms);
		cli_json_end_object(&j);
		return cli_json_exit(&j);
	}
	printf("agent %u: configuration reset%s\n", id,
	       perms ? ", permissions too" : ", permissions kept");
	return CLI_EXIT_OK;
}

static const struct cli_verb verbs[] = {
    {"list", "", "the agents (0 is the platform)", 0, 0, NULL, NULL, list_run},
    {"device", "AGENT DEVICE allow|deny", "allow or deny an agent every protocol of a device", 3, 3,
     NULL, device_check, device_run},
    {"protocol", "AGENT DEVICE PROTO allow|deny",
     "allow or deny an agent one protocol (a name or id) of a device", 4, 4, NULL, protocol_check,
     protocol_run},
    {"reset", "AGENT [keep-permissions]",
     "reset an agent's configuration (BASE_RESET_AGENT_CONFIGURATION), its permissions too "
     "unless kept",
     1, 2, NULL, reset_check, reset_run},
    {0},
};

const struct cli_command cli_cmd_base = {
    .name = "base",
    .summary = "base protocol: agents, their device and protocol permissions, agent reset",
    .needs_agent = true,
    .verbs = verbs,
    .details = "AGENT is an id or a name (scmi base list); DEVICE is an id (the\n"
	       "platform's devices, e.g. 1 for the default platform's gpu). Only a trusted\n"
	       "agent may change another's permissions (others get DENIED).\n"
	       "\n"
	       "Examples:\n"
	       "  scmi base device vm1 1 deny\n"
	       "  scmi base protocol vm1 1 clock allow\n"
	       "  scmi base reset vm1\n",
};
