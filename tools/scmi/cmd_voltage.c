// SPDX-License-Identifier: BSD-3-Clause
/*
 * `scmi voltage`: voltage domains (regulators). `list` shows each domain's
 * level and mode, `levels` what it can be set to, `get`/`set` its level
 * (with units: 900mV, 0.9V, 900000uV) and `on`/`off` its mode.
 */
#include <errno.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "cli.h"
#include "command.h"
#include "json.h"
#include "list.h"
#include "resolve.h"
#include "names.h"
#include "table.h"
#include "units.h"
#include "scmi/proto/voltage.h"
#include "scmi/voltage.h"

static int id_check(const struct cli_opts *o, int argc, const char *const argv[])
{
	(void)argc;
	return cli_arg_id(o, "DOMAIN", argv[0]);
}

static int set_check(const struct cli_opts *o, int argc, const char *const argv[])
{
	int32_t uv;
	int ret;

	(void)argc;
	ret = cli_arg_id(o, "DOMAIN", argv[0]);
	return ret ? ret : cli_arg_voltage(o, "LEVEL", argv[1], &uv);
}

static int open_voltage(struct scmi_agent *agent, struct scmi_voltage *v)
{
	int ret = scmi_voltage_init(v, agent);

	return ret ? cli_fail(ret, "voltage: protocol") : CLI_EXIT_OK;
}

/* Both names of domain @id, whose attributes libscmi read into @info. */
static int domain_names(const struct scmi_voltage *v, uint32_t id,
			const struct scmi_voltage_domain_info *info, struct cli_names *n)
{
	return cli_names_fill(n, v->agent, info->name, info->ext_name, SCMI_PROTOCOL_VOLTAGE,
			      SCMI_MSG_VOLTAGE_DOMAIN_ATTRIBUTES, &id, 1,
			      offsetof(struct scmi_voltage_domain_attributes_p2a, name));
}

static int domain_name(void *ctx, uint32_t id, struct cli_names *n)
{
	struct scmi_voltage_domain_info info;
	int ret = scmi_voltage_domain_attributes(ctx, id, &info);

	return ret ? ret : domain_names(ctx, id, &info, n);
}

/* Open the protocol and find the domain @s names (an id or a name). */
static int open_domain(const struct cli_opts *o, struct scmi_agent *agent, struct scmi_voltage *v,
		       const char *s, uint32_t *id)
{
	int ret = open_voltage(agent, v);

	if (!ret) {
		const struct cli_resolve r = {"voltage domain", NULL, v->num_domains, domain_name,
					      v};

		ret = cli_resolve_id(o, &r, "DOMAIN", s, id);
	}
	return ret;
}

static const char *mode_name(uint32_t mode, char *buf, size_t len)
{
	if (mode == SCMI_VOLTAGE_CONFIG_OFF)
		return "off";
	if (mode == SCMI_VOLTAGE_CONFIG_ON)
		return "on";
	snprintf(buf, len, "%s%u", mode & SCMI_VOLTAGE_CONFIG_IMPL ? "impl-" : "reserved-",
		 mode & SCMI_VOLTAGE_CONFIG_IMPL_ID_MASK);
	return buf;
}

static int list_row(void *ctx, uint32_t id, struct cli_json *j, struct cli_table *t)
{
	struct scmi_voltage_domain_info info;
	char b[CLI_FMT_MAX], m[16];
	uint32_t mode;
	int32_t uv;
	int ret;

	ret = scmi_voltage_domain_attributes(ctx, id, &info);
	if (!ret)
		ret = scmi_voltage_level_get(ctx, id, &uv);
	if (!ret)
		ret = scmi_voltage_config_get(ctx, id, &mode);
	if (ret)
		return cli_fail(ret, "voltage %u", id);
	if (j) {
		struct cli_names n;

		ret = domain_names(ctx, id, &info, &n);
		if (ret)
			return cli_fail(ret, "voltage %u: name", id);
		cli_json_begin_object(j);
		cli_json_kv_u64(j, "id", id);
		cli_json_kv_names(j, n.name, n.ext);
		cli_json_kv_i64(j, "level_uv", uv);
		cli_json_kv_str(j, "mode", mode_name(mode, m, sizeof(m)));
		cli_json_kv_bool(j, "on", mode != SCMI_VOLTAGE_CONFIG_OFF);
		cli_json_end_object(j);
		return CLI_EXIT_OK;
	}
	cli_table_add(t, "%u", id);
	cli_table_add_name(t, info.name);
	cli_table_add(t, "%s", cli_fmt_voltage(b, sizeof(b), uv));
	cli_table_add(t, "%s", mode_name(mode, m, sizeof(m)));
	return CLI_EXIT_OK;
}

static int list_run(const struct cli_opts *o, int argc, const char *const argv[],
		    struct scmi_agent *agent)
{
	static const struct cli_column cols[] = {
	    {"ID", CLI_RIGHT}, {"NAME", CLI_LEFT}, {"LEVEL", CLI_RIGHT}, {"MODE", CLI_LEFT}};
	struct scmi_voltage v;
	int ret;

	(void)argc;
	(void)argv;
	ret = open_voltage(agent, &v);
	if (!ret) {
		const struct cli_list l = {"voltage",	  cols,	    sizeof(cols) / sizeof(cols[0]),
					   v.num_domains, list_row, &v};

		ret = cli_list_run(o, &l);
	}
	return ret;
}

static int levels_run(const struct cli_opts *o, int argc, const char *const argv[],
		      struct scmi_agent *agent)
{
	struct scmi_voltage_levels *lv;
	struct scmi_voltage v;
	struct cli_json j;
	char a[CLI_FMT_MAX], b[CLI_FMT_MAX], c[CLI_FMT_MAX];
	uint32_t id;
	size_t i;
	int ret;

	(void)argc;
	ret = open_domain(o, agent, &v, argv[0], &id);
	if (ret)
		return ret;
	lv = malloc(sizeof(*lv));
	if (!lv)
		return cli_fail(-ENOMEM, "voltage %u: levels", id);
	ret = scmi_voltage_describe_levels(&v, id, lv);
	if (ret) {
		free(lv);
		return cli_fail(ret, "voltage %u: levels", id);
	}
	if (o->json) {
		int32_t lo = lv->segmented ? lv->levels[0] : INT32_MAX;
		int32_t hi = lv->segmented ? lv->levels[1] : INT32_MIN;

		for (i = 0; !lv->segmented && i < lv->count; i++) {
			lo = lv->levels[i] < lo ? lv->levels[i] : lo;
			hi = lv->levels[i] > hi ? lv->levels[i] : hi;
		}
		/* One shape for both kinds, as `clock rates`: what a kind lacks is null. */
		cli_json_begin_item(&j, id);
		cli_json_kv_str(&j, "kind", lv->segmented ? "range" : "list");
		cli_json_kv_i64_or_null(&j, "min_uv", lv->segmented || lv->count, lo);
		cli_json_kv_i64_or_null(&j, "max_uv", lv->segmented || lv->count, hi);
		cli_json_kv_i64_or_null(&j, "step_uv", lv->segmented, lv->levels[2]);
		cli_json_kv_u64_or_null(&j, "count", !lv->segmented, lv->count);
		if (lv->segmented) {
			cli_json_kv_null(&j, "levels_uv");
		} else {
			cli_json_kv_array(&j, "levels_uv");
			for (i = 0; i < lv->count; i++)
				cli_json_i64(&j, lv->levels[i]);
			cli_json_end_array(&j);
		}
		free(lv);
		return cli_json_end_item(&j);
	}
	if (lv->segmented) {
		printf("voltage %u: %s to %s in steps of %s\n", id,
		       cli_fmt_voltage(a, sizeof(a), lv->levels[0]),
		       cli_fmt_voltage(b, sizeof(b), lv->levels[1]),
		       cli_fmt_voltage(c, sizeof(c), lv->levels[2]));
	} else {
		printf("voltage %u: %zu levels\n", id, lv->count);
		for (i = 0; i < lv->count; i++)
			printf("%s\n", cli_fmt_voltage(a, sizeof(a), lv->levels[i]));
	}
	free(lv);
	return CLI_EXIT_OK;
}

static int print_level(const struct cli_opts *o, uint32_t id, int32_t uv)
{
	struct cli_json j;
	char b[CLI_FMT_MAX];

	if (o->json) {
		cli_json_begin_item(&j, id);
		cli_json_kv_i64(&j, "level_uv", uv);
		return cli_json_end_item(&j);
	}
	printf("voltage %u: %s\n", id, cli_fmt_voltage(b, sizeof(b), uv));
	return CLI_EXIT_OK;
}

static int get_run(const struct cli_opts *o, int argc, const char *const argv[],
		   struct scmi_agent *agent)
{
	struct scmi_voltage v;
	uint32_t id;
	int32_t uv;
	int ret;

	(void)argc;
	ret = open_domain(o, agent, &v, argv[0], &id);
	if (ret)
		return ret;
	ret = scmi_voltage_level_get(&v, id, &uv);
	if (ret)
		return cli_fail(ret, "voltage %u: get level", id);
	return print_level(o, id, uv);
}

static int set_run(const struct cli_opts *o, int argc, const char *const argv[],
		   struct scmi_agent *agent)
{
	struct scmi_voltage v;
	uint32_t id;
	int32_t uv;
	int ret;

	(void)argc;
	cli_parse_voltage(argv[1], &uv);
	ret = open_domain(o, agent, &v, argv[0], &id);
	if (ret)
		return ret;
	ret = scmi_voltage_level_set(&v, id, uv);
	if (ret)
		return cli_fail(ret, "voltage %u: set level", id);
	ret = scmi_voltage_level_get(&v, id, &uv);
	if (ret)
		return cli_fail(ret, "voltage %u: get level", id);
	return print_level(o, id, uv);
}

static int switch_mode(const struct cli_opts *o, const char *const argv[], struct scmi_agent *agent,
		       uint32_t mode)
{
	struct scmi_voltage v;
	struct cli_json j;
	char m[16];
	uint32_t id;
	int ret;

	ret = open_domain(o, agent, &v, argv[0], &id);
	if (ret)
		return ret;
	ret = scmi_voltage_config_set(&v, id, mode);
	if (!ret)
		ret = scmi_voltage_config_get(&v, id, &mode);
	if (ret)
		return cli_fail(ret, "voltage %u: mode", id);
	if (o->json) {
		cli_json_begin_item(&j, id);
		cli_json_kv_str(&j, "mode", mode_name(mode, m, sizeof(m)));
		cli_json_kv_bool(&j, "on", mode != SCMI_VOLTAGE_CONFIG_OFF);
		return cli_json_end_item(&j);
	}
	printf("voltage %u: %s\n", id, mode_name(mode, m, sizeof(m)));
	return CLI_EXIT_OK;
}

static int on_run(const struct cli_opts *o, int argc, const char *const argv[],
		  struct scmi_agent *agent)
{
	(void)argc;
	return switch_mode(o, argv, agent, SCMI_VOLTAGE_CONFIG_ON);
}

static int off_run(const struct cli_opts *o, int argc, const char *const argv[],
		   struct scmi_agent *agent)
{
	(void)argc;
	return switch_mode(o, argv, agent, SCMI_VOLTAGE_CONFIG_OFF);
}

static const struct cli_verb verbs[] = {
    {"list", "", "list the voltage domains (id, name, level, mode)", 0, 0, NULL, NULL, list_run},
    {"levels", "DOMAIN", "the levels a domain supports (a list, or min to max in steps)", 1, 1,
     NULL, id_check, levels_run},
    {"get", "DOMAIN", "a domain's level", 1, 1, NULL, id_check, get_run},
    {"set", "DOMAIN LEVEL", "set a domain's level in volts with a unit (900mV, 1.05V, 900000uV)", 2,
     2, NULL, set_check, set_run},
    {"on", "DOMAIN", "switch a domain on", 1, 1, NULL, id_check, on_run},
    {"off", "DOMAIN", "switch a domain off", 1, 1, NULL, id_check, off_run},
    {0},
};

const struct cli_command cli_cmd_voltage = {
    .name = "voltage",
    .summary = "voltage domains: list, levels, level get/set, on/off",
    .needs_agent = true,
    .verbs = verbs,
    .details = "DOMAIN is an id or a name as `scmi voltage list` shows it.\n"
	       "\n"
	       "Examples:\n"
	       "  scmi voltage set vdd_cpu_big 900mV\n"
	       "  scmi voltage levels vdd_cpu_big\n"
	       "  scmi --json voltage get vdd_cpu_big   (level_uv)\n",
};
