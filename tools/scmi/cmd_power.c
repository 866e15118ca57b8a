// SPDX-License-Identifier: BSD-3-Clause
/*
 * `scmi power`: power domains. `list` shows each domain's id, name and
 * state; `get` one domain's state; `set` moves a domain to on, off or a
 * numeric state (e.g. a retention state 0x1). SCMI has no message telling an
 * agent a domain's parent, so the hierarchy is not shown: the platform
 * enforces it (a refused change is DENIED).
 */
#include <errno.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "cli.h"
#include "command.h"
#include "json.h"
#include "output.h"
#include "list.h"
#include "resolve.h"
#include "names.h"
#include "table.h"
#include "scmi/power.h"
#include "scmi/proto/power.h"

static int id_check(const struct cli_opts *o, int argc, const char *const argv[])
{
	(void)argc;
	return cli_arg_id(o, "DOMAIN", argv[0]);
}

static int set_check(const struct cli_opts *o, int argc, const char *const argv[])
{
	uint32_t state;
	int ret = id_check(o, argc, argv);

	if (ret)
		return ret;
	if (scmi_power_state_parse(argv[1], &state))
		return cli_usage_error(o, "STATE: '%s' is not on, off or a number", argv[1]);
	return CLI_EXIT_OK;
}

static int open_power(struct scmi_agent *agent, struct scmi_power *pw)
{
	int ret = scmi_power_open(agent, pw);

	return ret ? cli_fail(ret, "power: protocol") : CLI_EXIT_OK;
}

/* Both names of domain @d (its attributes read). */
static int domain_names(const struct scmi_power *pw, const struct scmi_power_domain *d,
			struct cli_names *n)
{
	return cli_names_fill(n, pw->agent, d->name, d->ext_name, SCMI_PROTOCOL_POWER,
			      SCMI_MSG_POWER_DOMAIN_ATTRIBUTES, &d->id, 1,
			      offsetof(struct scmi_power_domain_attributes_p2a, name));
}

static int domain_name(void *ctx, uint32_t id, struct cli_names *n)
{
	struct scmi_power_domain d;
	int ret = scmi_power_domain_attributes(ctx, id, &d);

	return ret ? ret : domain_names(ctx, &d, n);
}

/* The domain @s names (an id or a name) on the open @pw. */
static int domain_id(const struct cli_opts *o, struct scmi_power *pw, const char *s, uint32_t *id)
{
	const struct cli_resolve r = {"power domain", NULL, pw->num_domains, domain_name, pw};

	return cli_resolve_id(o, &r, "DOMAIN", s, id);
}

static int json_domain(struct cli_json *j, const struct scmi_power *pw,
		       const struct scmi_power_domain *d, uint32_t state)
{
	struct cli_names n;
	char b[24];
	int ret = domain_names(pw, d, &n);

	if (ret)
		return cli_fail(ret, "power %u: name", d->id);
	cli_json_begin_object(j);
	cli_json_kv_u64(j, "id", d->id);
	cli_json_kv_names(j, n.name, n.ext);
	cli_json_kv_u64(j, "state", state);
	cli_json_kv_str(j, "state_name", scmi_power_state_name(state, b, sizeof(b)));
	cli_json_kv_bool(j, "notify", d->notify);
	cli_json_kv_bool(j, "async", d->async);
	cli_json_end_object(j);
	return CLI_EXIT_OK;
}

static int list_row(void *ctx, uint32_t id, struct cli_json *j, struct cli_table *t)
{
	struct scmi_power_domain d;
	uint32_t state;
	char b[24];
	int ret;

	ret = scmi_power_domain_attributes(ctx, id, &d);
	if (!ret)
		ret = scmi_power_state_get(ctx, id, &state);
	if (ret)
		return cli_fail(ret, "power %u: attributes", id);
	if (j)
		return json_domain(j, ctx, &d, state);
	cli_table_add(t, "%u", id);
	cli_table_add_name(t, d.name);
	cli_table_add(t, "%s", scmi_power_state_name(state, b, sizeof(b)));
	cli_table_add(t, "%s", d.notify ? "yes" : "no");
	return CLI_EXIT_OK;
}

static int list_run(const struct cli_opts *o, int argc, const char *const argv[],
		    struct scmi_agent *agent)
{
	static const struct cli_column cols[] = {
	    {"ID", CLI_RIGHT}, {"NAME", CLI_LEFT}, {"STATE", CLI_LEFT}, {"NOTIFY", CLI_LEFT}};
	struct scmi_power pw;
	int ret;

	(void)argc;
	(void)argv;
	ret = open_power(agent, &pw);
	if (!ret) {
		const struct cli_list l = {"power",	   cols,     sizeof(cols) / sizeof(cols[0]),
					   pw.num_domains, list_row, &pw};

		ret = cli_list_run(o, &l);
	}
	return ret;
}

/* Print one domain's state, as `get` and `set` both end. */
static int show(const struct cli_opts *o, struct scmi_power *pw, uint32_t id)
{
	char sb[CLI_SAFE_MAX];
	struct scmi_power_domain d;
	struct cli_json j;
	uint32_t state;
	char b[24];
	int ret;

	ret = scmi_power_domain_attributes(pw, id, &d);
	if (ret)
		return cli_fail(ret, "power %u: attributes", id);
	ret = scmi_power_state_get(pw, id, &state);
	if (ret)
		return cli_fail(ret, "power %u: state", id);
	if (o->json) {
		cli_json_init(&j, stdout);
		ret = json_domain(&j, pw, &d, state);
		return ret ? ret : cli_json_exit(&j);
	}
	printf("power %u (%s): %s\n", id, cli_safe(sb, sizeof(sb), d.name),
	       scmi_power_state_name(state, b, sizeof(b)));
	return CLI_EXIT_OK;
}

static int get_run(const struct cli_opts *o, int argc, const char *const argv[],
		   struct scmi_agent *agent)
{
	struct scmi_power pw;
	uint32_t id;
	int ret;

	(void)argc;
	ret = open_power(agent, &pw);
	if (!ret)
		ret = domain_id(o, &pw, argv[0], &id);
	return ret ? ret : show(o, &pw, id);
}

static int set_run(const struct cli_opts *o, int argc, const char *const argv[],
		   struct scmi_agent *agent)
{
	struct scmi_power pw;
	uint32_t id, state;
	char b[24];
	int ret;

	(void)argc;
	scmi_power_state_parse(argv[1], &state);
	ret = open_power(agent, &pw);
	if (!ret)
		ret = domain_id(o, &pw, argv[0], &id);
	if (ret)
		return ret;
	ret = scmi_power_state_set(&pw, id, state, false);
	/*
	 * SCMI does not expose the hierarchy, so the CLI cannot name the domain in the
	 * way; it says which rule of a hierarchy the refusal may come from.
	 */
	if (ret == -EACCES)
		return cli_fail_why(
		    ret,
		    state & SCMI_POWER_STATE_TYPE_LOST
			? "a domain cannot go off while a domain it feeds is on, "
			  "nor without this agent's permission (scmi power list)"
			: "a domain cannot come on while the domain feeding it is "
			  "off, nor without this agent's permission (scmi power list)",
		    "power %u: set %s", id, scmi_power_state_name(state, b, sizeof(b)));
	if (ret)
		return cli_fail(ret, "power %u: set %s", id,
				scmi_power_state_name(state, b, sizeof(b)));
	return show(o, &pw, id);
}

static const struct cli_verb verbs[] = {
    {"list", "", "list the power domains (id, name, state, notify)", 0, 0, NULL, NULL, list_run},
    {"get", "DOMAIN", "a domain's power state", 1, 1, NULL, id_check, get_run},
    {"set", "DOMAIN STATE", "set a domain's state: on, off or a number (e.g. 0x1), then show it", 2,
     2, NULL, set_check, set_run},
    {0},
};

const struct cli_command cli_cmd_power = {
    .name = "power",
    .summary = "power domains: list, state get/set",
    .needs_agent = true,
    .verbs = verbs,
    .details = "DOMAIN is an id or a name as `scmi power list` shows it. A domain whose\n"
	       "children are on refuses to go off (DENIED): SCMI does not show the hierarchy.\n"
	       "\n"
	       "Examples:\n"
	       "  scmi power get gpu\n"
	       "  scmi power set gpu off\n"
	       "  scmi --json power list\n",
};
