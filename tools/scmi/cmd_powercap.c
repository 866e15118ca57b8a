// SPDX-License-Identifier: BSD-3-Clause
/*
 * `scmi powercap`: power capping zones. `list` shows each zone with its cap
 * range and current cap; `get` one zone's cap, interval and parent; `set` a
 * cap ("2W", "1500mW", "off" to disable capping from protocol 2.0); `pai`
 * reads or sets the averaging interval ("10ms"); `measure` the average power
 * over it. Values print in the zone's unit; JSON carries them in µW (cap_uw),
 * or for a zone in abstract units raw in the *_abstract keys (the µW ones null).
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
#include "output.h"
#include "list.h"
#include "resolve.h"
#include "table.h"
#include "names.h"
#include "units.h"
#include "scmi/powercap.h"
#include "scmi/proto/powercap.h"

static int id_check(const struct cli_opts *o, int argc, const char *const argv[])
{
	(void)argc;
	return cli_arg_id(o, "ZONE", argv[0]);
}

static int set_check(const struct cli_opts *o, int argc, const char *const argv[])
{
	uint64_t uw;
	int ret = id_check(o, argc, argv);

	if (ret || !strcmp(argv[1], "off"))
		return ret;
	return cli_arg_power_uw(o, "CAP", argv[1], &uw);
}

static int pai_check(const struct cli_opts *o, int argc, const char *const argv[])
{
	uint64_t us;
	int ret = id_check(o, argc, argv);

	if (ret || argc < 2)
		return ret;
	ret = cli_arg_duration(o, "PAI", argv[1], &us);
	return ret ? ret : cli_arg_range(o, "PAI", argv[1], us, 0, UINT32_MAX, "us");
}

static int open_pcap(struct scmi_agent *agent, struct scmi_powercap *pc)
{
	int ret = scmi_powercap_init(pc, agent);

	return ret ? cli_fail(ret, "powercap: protocol") : CLI_EXIT_OK;
}

/* A power value of a zone for people. */
static const char *fmt_power(char *b, size_t len, enum scmi_powercap_unit unit, uint32_t v)
{
	if (unit == SCMI_POWERCAP_UNIT_MW)
		return cli_fmt_power_mw(b, len, v);
	if (unit == SCMI_POWERCAP_UNIT_UW)
		return cli_fmt_power_uw(b, len, v);
	snprintf(b, len, "%u", v);
	return b;
}

/*
 * A power value of a zone in JSON: "<what>_uw" in µW, and "<what>_abstract" for a
 * zone in abstract units (then the µW key is null, else this one is).
 */
static void json_power(struct cli_json *j, const char *what, enum scmi_powercap_unit unit,
		       uint32_t v)
{
	bool real = unit == SCMI_POWERCAP_UNIT_MW || unit == SCMI_POWERCAP_UNIT_UW;
	char k[32];

	snprintf(k, sizeof(k), "%s_uw", what);
	cli_json_kv_u64_or_null(j, k, real,
				unit == SCMI_POWERCAP_UNIT_MW ? (uint64_t)v * 1000u : v);
	snprintf(k, sizeof(k), "%s_abstract", what);
	cli_json_kv_u64_or_null(j, k, !real, v);
}

/* Both names of zone @id, whose attributes libscmi read into @in. */
static int zone_names(const struct scmi_powercap *pc, uint32_t id,
		      const struct scmi_powercap_zone_info *in, struct cli_names *n)
{
	int ret = cli_names_fill(n, pc->agent, in->name, in->ext_name, SCMI_PROTOCOL_POWERCAP,
				 SCMI_MSG_POWERCAP_DOMAIN_ATTRIBUTES, &id, 1,
				 offsetof(struct scmi_powercap_domain_attributes_p2a, name));

	return ret ? cli_fail(ret, "powercap %u: name", id) : CLI_EXIT_OK;
}

static int zone_name(void *ctx, uint32_t id, struct cli_names *n)
{
	struct scmi_powercap_zone_info in;
	int ret = scmi_powercap_zone_info(ctx, id, &in);

	if (ret)
		return ret;
	return cli_names_fill(n, ((const struct scmi_powercap *)ctx)->agent, in.name, in.ext_name,
			      SCMI_PROTOCOL_POWERCAP, SCMI_MSG_POWERCAP_DOMAIN_ATTRIBUTES, &id, 1,
			      offsetof(struct scmi_powercap_domain_attributes_p2a, name));
}

/* Open the protocol and find the zone @s names (an id or a name). */
static int open_zone(const struct cli_opts *o, struct scmi_agent *agent, struct scmi_powercap *pc,
		     const char *s, uint32_t *id)
{
	int ret = open_pcap(agent, pc);

	if (!ret) {
		const struct cli_resolve r = {"powercap zone", NULL, pc->num_zones, zone_name, pc};

		ret = cli_resolve_id(o, &r, "ZONE", s, id);
	}
	return ret;
}

static int list_row(void *ctx, uint32_t id, struct cli_json *j, struct cli_table *t)
{
	struct scmi_powercap_zone_info in;
	struct cli_names n;
	char b[CLI_FMT_MAX];
	uint32_t cap, pai;
	int ret;

	ret = scmi_powercap_zone_info(ctx, id, &in);
	if (!ret)
		ret = scmi_powercap_cap_get(ctx, id, &cap);
	if (!ret)
		ret = scmi_powercap_pai_get(ctx, id, &pai);
	if (ret)
		return cli_fail(ret, "powercap %u", id);
	if (j) {
		ret = zone_names(ctx, id, &in, &n);
		if (ret)
			return ret;
		cli_json_begin_object(j);
		cli_json_kv_u64(j, "id", id);
		cli_json_kv_names(j, n.name, n.ext);
		cli_json_kv_u64_or_null(j, "parent", in.parent_id != SCMI_POWERCAP_ROOT,
					in.parent_id);
		json_power(j, "min_cap", in.unit, in.min_cap);
		json_power(j, "max_cap", in.unit, in.max_cap);
		json_power(j, "cap", in.unit, cap);
		cli_json_kv_bool(j, "capping", cap != 0);
		cli_json_kv_u64(j, "pai_us", pai);
		cli_json_kv_bool(j, "measurement", in.monitoring);
		cli_json_end_object(j);
		return CLI_EXIT_OK;
	}
	cli_table_add(t, "%u", id);
	cli_table_add_name(t, in.name);
	if (in.parent_id == SCMI_POWERCAP_ROOT)
		cli_table_add(t, "-");
	else
		cli_table_add(t, "%u", in.parent_id);
	cli_table_add(t, "%s", fmt_power(b, sizeof(b), in.unit, in.min_cap));
	cli_table_add(t, "%s", fmt_power(b, sizeof(b), in.unit, in.max_cap));
	if (cap)
		cli_table_add(t, "%s", fmt_power(b, sizeof(b), in.unit, cap));
	else
		cli_table_add(t, "off");
	cli_table_add(t, "%s", cli_fmt_duration(b, sizeof(b), pai));
	cli_table_add(t, "%s", in.monitoring ? "yes" : "no");
	return CLI_EXIT_OK;
}

static int list_run(const struct cli_opts *o, int argc, const char *const argv[],
		    struct scmi_agent *agent)
{
	static const struct cli_column cols[] = {
	    {"ID", CLI_RIGHT},	{"NAME", CLI_LEFT}, {"PARENT", CLI_RIGHT}, {"MIN", CLI_RIGHT},
	    {"MAX", CLI_RIGHT}, {"CAP", CLI_RIGHT}, {"PAI", CLI_RIGHT},	   {"MEASURE", CLI_LEFT}};
	struct scmi_powercap pc;
	int ret;

	(void)argc;
	(void)argv;
	ret = open_pcap(agent, &pc);
	if (!ret) {
		const struct cli_list l = {"powercap",	 cols,	   sizeof(cols) / sizeof(cols[0]),
					   pc.num_zones, list_row, &pc};

		ret = cli_list_run(o, &l);
	}
	return ret;
}

/* What get, set and pai print: the zone's cap and interval after the action. */
static int show(const struct cli_opts *o, const struct scmi_powercap *pc, uint32_t id)
{
	char sb[CLI_SAFE_MAX];
	struct scmi_powercap_zone_info in;
	struct cli_names n;
	struct cli_json j;
	char b[CLI_FMT_MAX], b2[CLI_FMT_MAX];
	uint32_t cap, pai;
	int ret;

	ret = scmi_powercap_zone_info(pc, id, &in);
	if (!ret)
		ret = scmi_powercap_cap_get(pc, id, &cap);
	if (!ret)
		ret = scmi_powercap_pai_get(pc, id, &pai);
	if (ret)
		return cli_fail(ret, "powercap %u", id);
	if (o->json) {
		ret = zone_names(pc, id, &in, &n);
		if (ret)
			return ret;
		cli_json_begin_item(&j, id);
		cli_json_kv_names(&j, n.name, n.ext);
		json_power(&j, "cap", in.unit, cap);
		cli_json_kv_bool(&j, "capping", cap != 0);
		cli_json_kv_u64(&j, "pai_us", pai);
		return cli_json_end_item(&j);
	}
	printf("powercap %u (%s): cap %s, pai %s\n", id, cli_safe(sb, sizeof(sb), in.name),
	       cap ? fmt_power(b, sizeof(b), in.unit, cap) : "off",
	       cli_fmt_duration(b2, sizeof(b2), pai));
	return CLI_EXIT_OK;
}

static int get_run(const struct cli_opts *o, int argc, const char *const argv[],
		   struct scmi_agent *agent)
{
	struct scmi_powercap pc;
	uint32_t id;
	int ret;

	(void)argc;
	ret = open_zone(o, agent, &pc, argv[0], &id);
	return ret ? ret : show(o, &pc, id);
}

static int set_run(const struct cli_opts *o, int argc, const char *const argv[],
		   struct scmi_agent *agent)
{
	struct scmi_powercap_zone_info in;
	struct scmi_powercap pc;
	uint64_t uw = 0, cap;
	uint32_t id;
	int ret;

	(void)argc;
	ret = open_zone(o, agent, &pc, argv[0], &id);
	if (ret)
		return ret;
	ret = scmi_powercap_zone_info(&pc, id, &in);
	if (ret)
		return cli_fail(ret, "powercap %u", id);
	if (strcmp(argv[1], "off") != 0)
		cli_parse_power(argv[1], &uw);
	/* Into the zone's unit; a bare number is taken as is for abstract units. */
	cap = in.unit == SCMI_POWERCAP_UNIT_MW ? uw / 1000u : uw;
	if (in.unit == SCMI_POWERCAP_UNIT_MW && uw % 1000u)
		return cli_usage_error(o, "CAP: zone %u counts whole mW", id);
	if (cap > UINT32_MAX)
		return cli_usage_error(o, "CAP: too large for zone %u", id);
	if (!strcmp(argv[1], "off"))
		ret = scmi_powercap_cap_enable(&pc, id, false, 0);
	else if (!cap)
		return cli_usage_error(o, "CAP: 0 is not a cap (use \"off\")");
	else
		ret = scmi_powercap_cap_set(&pc, id, (uint32_t)cap);
	if (ret)
		return cli_fail(ret, "powercap %u: set cap", id);
	return show(o, &pc, id);
}

static int pai_run(const struct cli_opts *o, int argc, const char *const argv[],
		   struct scmi_agent *agent)
{
	struct scmi_powercap pc;
	uint64_t us;
	uint32_t id;
	int ret;

	ret = open_zone(o, agent, &pc, argv[0], &id);
	if (ret)
		return ret;
	if (argc > 1) {
		cli_parse_duration(argv[1], &us);
		ret = scmi_powercap_pai_set(&pc, id, (uint32_t)us);
		if (ret)
			return cli_fail(ret, "powercap %u: set pai", id);
	}
	return show(o, &pc, id);
}

static int measure_run(const struct cli_opts *o, int argc, const char *const argv[],
		       struct scmi_agent *agent)
{
	char sb[CLI_SAFE_MAX];
	struct scmi_powercap_zone_info in;
	struct scmi_powercap pc;
	struct cli_json j;
	char b[CLI_FMT_MAX], b2[CLI_FMT_MAX];
	uint32_t id, power, pai;
	int ret;

	(void)argc;
	ret = open_zone(o, agent, &pc, argv[0], &id);
	if (ret)
		return ret;
	ret = scmi_powercap_zone_info(&pc, id, &in);
	if (ret)
		return cli_fail(ret, "powercap %u", id);
	ret = scmi_powercap_measure(&pc, id, &power, &pai);
	if (ret)
		return cli_fail_why(ret,
				    in.monitoring ? NULL
						  : "the zone measures no power (MEASURE in scmi "
						    "powercap list)",
				    "powercap %u: measure", id);
	if (o->json) {
		cli_json_begin_item(&j, id);
		json_power(&j, "power", in.unit, power);
		cli_json_kv_u64(&j, "pai_us", pai);
		return cli_json_end_item(&j);
	}
	printf("powercap %u (%s): %s averaged over %s\n", id, cli_safe(sb, sizeof(sb), in.name),
	       fmt_power(b, sizeof(b), in.unit, power), cli_fmt_duration(b2, sizeof(b2), pai));
	return CLI_EXIT_OK;
}

static const struct cli_verb verbs[] = {
    {"list", "", "list the zones (range, cap, interval)", 0, 0, NULL, NULL, list_run},
    {"get", "ZONE", "a zone's cap and averaging interval", 1, 1, NULL, id_check, get_run},
    {"set", "ZONE CAP", "set a cap in watts with a unit (2W, 1500mW, 500000uW) or \"off\"", 2, 2,
     NULL, set_check, set_run},
    {"pai", "ZONE [PAI]", "read or set the averaging interval (e.g. 10ms, 1s)", 1, 2, NULL,
     pai_check, pai_run},
    {"measure", "ZONE", "average power over the interval", 1, 1, NULL, id_check, measure_run},
    {0},
};

const struct cli_command cli_cmd_powercap = {
    .name = "powercap",
    .summary = "power capping zones: list, cap get/set, pai, measure",
    .needs_agent = true,
    .verbs = verbs,
    .details = "ZONE is an id or a name as `scmi powercap list` shows it. JSON carries power\n"
	       "in µW (cap_uw); a zone in abstract units has it in cap_abstract instead.\n"
	       "\n"
	       "Examples:\n"
	       "  scmi powercap set soc 2W\n"
	       "  scmi powercap pai soc 10ms\n"
	       "  scmi powercap measure soc\n",
};
