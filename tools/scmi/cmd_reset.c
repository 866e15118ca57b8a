// SPDX-License-Identifier: BSD-3-Clause
/*
 * `scmi reset`: reset domains. `list` shows each domain with its latency and
 * whether it accepts notifications; `assert`, `deassert` and `toggle` (an
 * autonomous reset: assert then release, done by the platform) act on one.
 * The protocol has no message to read a line's state back, so `list` cannot
 * show it.
 */
#include <errno.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "command.h"
#include "json.h"
#include "list.h"
#include "resolve.h"
#include "table.h"
#include "names.h"
#include "units.h"
#include "scmi/proto/reset.h"
#include "scmi/reset.h"

static int id_check(const struct cli_opts *o, int argc, const char *const argv[])
{
	(void)argc;
	return cli_arg_id(o, "DOMAIN", argv[0]);
}

/* Both names of domain @id, whose attributes libscmi read into @info. */
static int domain_names(const struct scmi_reset *r, uint32_t id,
			const struct scmi_reset_domain_info *info, struct cli_names *n)
{
	return cli_names_fill(n, r->agent, info->name, info->ext_name, SCMI_PROTOCOL_RESET,
			      SCMI_MSG_RESET_DOMAIN_ATTRIBUTES, &id, 1,
			      offsetof(struct scmi_reset_domain_attributes_p2a, name));
}

static int domain_name(void *ctx, uint32_t id, struct cli_names *n)
{
	struct scmi_reset_domain_info info;
	int ret = scmi_reset_domain_attributes(ctx, id, &info);

	return ret ? ret : domain_names(ctx, id, &info, n);
}

static int open_reset(struct scmi_agent *agent, struct scmi_reset *r)
{
	int ret = scmi_reset_init(r, agent);

	return ret ? cli_fail(ret, "reset: protocol") : CLI_EXIT_OK;
}

static int list_row(void *ctx, uint32_t id, struct cli_json *j, struct cli_table *t)
{
	struct scmi_reset_domain_info info;
	char b[CLI_FMT_MAX];
	int ret;

	ret = scmi_reset_domain_attributes(ctx, id, &info);
	if (ret)
		return cli_fail(ret, "reset %u: attributes", id);
	if (j) {
		struct cli_names n;

		ret = domain_names(ctx, id, &info, &n);
		if (ret)
			return cli_fail(ret, "reset %u: name", id);
		cli_json_begin_object(j);
		cli_json_kv_u64(j, "id", id);
		cli_json_kv_names(j, n.name, n.ext);
		cli_json_kv_u64_or_null(j, "latency_us", info.latency_known, info.latency_us);
		cli_json_kv_bool(j, "notify", info.notify);
		cli_json_kv_bool(j, "async", info.async);
		cli_json_end_object(j);
		return CLI_EXIT_OK;
	}
	cli_table_add(t, "%u", id);
	cli_table_add_name(t, info.name);
	if (info.latency_known)
		cli_table_add(t, "%s", cli_fmt_duration(b, sizeof(b), info.latency_us));
	else
		cli_table_add(t, "unknown");
	cli_table_add(t, "%s", info.notify ? "yes" : "no");
	return CLI_EXIT_OK;
}

static int list_run(const struct cli_opts *o, int argc, const char *const argv[],
		    struct scmi_agent *agent)
{
	static const struct cli_column cols[] = {
	    {"ID", CLI_RIGHT}, {"NAME", CLI_LEFT}, {"LATENCY", CLI_RIGHT}, {"NOTIFY", CLI_LEFT}};
	struct scmi_reset r;
	int ret;

	(void)argc;
	(void)argv;
	ret = open_reset(agent, &r);
	if (!ret) {
		const struct cli_list l = {"reset",	  cols,	    sizeof(cols) / sizeof(cols[0]),
					   r.num_domains, list_row, &r};

		ret = cli_list_run(o, &l);
	}
	return ret;
}

/* assert / deassert / toggle: one action on one domain, reported the same way. */
static int act(const struct cli_opts *o, const char *const argv[], struct scmi_agent *agent,
	       const char *what)
{
	struct scmi_reset r;
	struct cli_json j;
	uint32_t id;
	int ret;

	ret = open_reset(agent, &r);
	if (!ret) {
		const struct cli_resolve res = {"reset domain", NULL, r.num_domains, domain_name,
						&r};

		ret = cli_resolve_id(o, &res, "DOMAIN", argv[0], &id);
	}
	if (ret)
		return ret;
	if (!strcmp(what, "assert"))
		ret = scmi_reset_assert(&r, id);
	else if (!strcmp(what, "deassert"))
		ret = scmi_reset_deassert(&r, id);
	else
		ret = scmi_reset_autonomous(&r, id, SCMI_RESET_STATE_COLD_RESET);
	if (ret)
		return cli_fail(ret, "reset %u: %s", id, what);
	if (o->json) {
		cli_json_begin_item(&j, id);
		cli_json_kv_str(&j, "action", what);
		return cli_json_end_item(&j);
	}
	printf("reset %u: %s\n", id,
	       !strcmp(what, "assert")	   ? "asserted"
	       : !strcmp(what, "deassert") ? "deasserted"
					   : "reset (autonomous)");
	return CLI_EXIT_OK;
}

static int assert_run(const struct cli_opts *o, int argc, const char *const argv[],
		      struct scmi_agent *agent)
{
	(void)argc;
	return act(o, argv, agent, "assert");
}

static int deassert_run(const struct cli_opts *o, int argc, const char *const argv[],
			struct scmi_agent *agent)
{
	(void)argc;
	return act(o, argv, agent, "deassert");
}

static int toggle_run(const struct cli_opts *o, int argc, const char *const argv[],
		      struct scmi_agent *agent)
{
	(void)argc;
	return act(o, argv, agent, "toggle");
}

static const struct cli_verb verbs[] = {
    {"list", "", "list the reset domains (id, name, latency, notify)", 0, 0, NULL, NULL, list_run},
    {"assert", "DOMAIN", "hold a domain in reset", 1, 1, NULL, id_check, assert_run},
    {"deassert", "DOMAIN", "release a domain from reset", 1, 1, NULL, id_check, deassert_run},
    {"toggle", "DOMAIN", "reset a domain autonomously (the platform asserts, then releases)", 1, 1,
     NULL, id_check, toggle_run},
    {0},
};

const struct cli_command cli_cmd_reset = {
    .name = "reset",
    .summary = "reset domains: list, assert/deassert/toggle",
    .needs_agent = true,
    .verbs = verbs,
    .details = "DOMAIN is an id or a name as `scmi reset list` shows it. SCMI has no message\n"
	       "to read a line's state back: `list` cannot show which lines are held.\n"
	       "\n"
	       "Examples:\n"
	       "  scmi reset toggle uart0\n"
	       "  scmi reset assert gpu && scmi reset deassert gpu\n",
};
