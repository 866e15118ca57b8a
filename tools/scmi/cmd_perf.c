// SPDX-License-Identifier: BSD-3-Clause
/*
 * `scmi perf`: performance domains. `list` shows each domain with its current
 * level, frequency and limits; `levels` its OPP table; `get` one domain;
 * `set` requests a level (or, with --freq, the lowest level reaching that
 * frequency); `limits` shows or sets the limits.
 *
 * Levels are shown as the wire carries them: performance levels, or level
 * indexes for a domain in level-indexing mode (v4; the MODE column says
 * which). Frequencies come from the OPP table (v4 indicative frequency), or
 * before v4 from level x sustained kHz / sustained level, as Linux computes them.
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
#include "json.h"
#include "output.h"
#include "resolve.h"
#include "table.h"
#include "names.h"
#include "units.h"
#include "scmi/perf.h"
#include "scmi/proto/perf.h"

/**
 * struct perf_dom - what the verbs know of one domain.
 * @id:     domain id
 * @info:   its attributes
 * @levels: its OPP table
 * @count:  entries in @levels
 */
struct perf_dom {
	uint32_t id;
	struct scmi_perf_domain_info info;
	struct scmi_perf_level levels[SCMI_PERF_MAX_LEVELS];
	size_t count;
};

static int id_check(const struct cli_opts *o, int argc, const char *const argv[])
{
	uint32_t v;
	int i, ret;

	ret = cli_arg_id(o, "DOMAIN", argv[0]);
	for (i = 1; !ret && i < argc; i++)
		ret = cli_arg_u32(o, "LEVEL", argv[i], &v);
	return ret;
}

static int set_check(const struct cli_opts *o, int argc, const char *const argv[])
{
	const char *freq = cli_opt(o, "--freq");
	uint64_t hz;
	int ret = id_check(o, argc, argv);

	if (ret)
		return ret;
	if (freq && argc != 1)
		return cli_usage_error(o, "give either LEVEL or --freq, not both");
	if (!freq && argc != 2)
		return cli_usage_error(o, "missing LEVEL (or --freq FREQ)");
	if (freq)
		return cli_arg_freq(o, "--freq", freq, &hz);
	return CLI_EXIT_OK;
}

static int limits_check(const struct cli_opts *o, int argc, const char *const argv[])
{
	uint32_t v;
	int i, ret;

	if (argc == 2)
		return cli_usage_error(o, "give both MIN and MAX, or neither");
	ret = cli_arg_id(o, "DOMAIN", argv[0]);
	for (i = 1; !ret && i < argc; i++)
		ret = cli_arg_u32(o, i == 1 ? "MIN" : "MAX", argv[i], &v);
	return ret;
}

static int domain_name(void *ctx, uint32_t id, struct cli_names *n)
{
	struct scmi_perf_domain_info info;
	int ret = scmi_perf_domain_attributes(ctx, id, &info);

	if (ret)
		return ret;
	return cli_names_fill(n, ctx, info.name, info.extended_name, SCMI_PROTOCOL_PERF,
			      SCMI_MSG_PERF_DOMAIN_ATTRIBUTES, &id, 1,
			      offsetof(struct scmi_perf_domain_attributes_p2a, name));
}

/* The domain @s names (an id or a name). */
static int domain_id(const struct cli_opts *o, struct scmi_agent *agent, const char *s,
		     uint32_t *id)
{
	struct scmi_perf_info pi;
	struct cli_resolve r = {"perf domain", NULL, 0, domain_name, agent};
	int ret;

	if (cli_is_number(s))
		return cli_resolve_id(o, &r, "DOMAIN", s, id);
	ret = scmi_perf_protocol_info(agent, &pi);
	if (ret)
		return cli_fail(ret, "perf: protocol");
	r.count = pi.num_domains;
	return cli_resolve_id(o, &r, "DOMAIN", s, id);
}

static int load_dom(struct scmi_agent *agent, uint32_t id, struct perf_dom *d)
{
	int ret;

	d->id = id;
	ret = scmi_perf_domain_attributes(agent, id, &d->info);
	if (ret)
		return cli_fail(ret, "perf %u: attributes", id);
	ret = scmi_perf_describe_levels(agent, id, d->levels, SCMI_PERF_MAX_LEVELS, &d->count);
	if (ret)
		return cli_fail(ret, "perf %u: levels", id);
	return CLI_EXIT_OK;
}

/* The OPP a wire value names (a level, or an index in level-indexing mode); NULL if none. */
static const struct scmi_perf_level *find_level(const struct perf_dom *d, uint32_t v)
{
	size_t i;

	for (i = 0; i < d->count; i++)
		if ((d->info.level_indexing ? d->levels[i].index : d->levels[i].perf) == v)
			return &d->levels[i];
	return NULL;
}

static uint32_t wire_value(const struct perf_dom *d, const struct scmi_perf_level *l)
{
	return d->info.level_indexing ? l->index : l->perf;
}

/* Frequency in Hz of the OPP named by wire value @v; 0 when unknown. */
static uint64_t level_hz(const struct perf_dom *d, uint32_t v)
{
	const struct scmi_perf_level *l = find_level(d, v);
	uint32_t perf;

	if (l && l->freq_khz)
		return (uint64_t)l->freq_khz * 1000u;
	perf = l ? l->perf : v;
	if (d->info.level_indexing || !d->info.sustained_level || !d->info.sustained_freq_khz)
		return 0;
	return (uint64_t)perf * d->info.sustained_freq_khz * 1000u / d->info.sustained_level;
}

static char *fmt_hz(char *b, size_t len, uint64_t hz)
{
	if (!hz) {
		snprintf(b, len, "-");
		return b;
	}
	return cli_fmt_freq(b, len, hz);
}

/* Both names of the domain @d (its attributes loaded). */
static int dom_names(struct scmi_agent *agent, const struct perf_dom *d, struct cli_names *n)
{
	int ret = cli_names_fill(n, agent, d->info.name, d->info.extended_name, SCMI_PROTOCOL_PERF,
				 SCMI_MSG_PERF_DOMAIN_ATTRIBUTES, &d->id, 1,
				 offsetof(struct scmi_perf_domain_attributes_p2a, name));

	return ret ? cli_fail(ret, "perf %u: name", d->id) : CLI_EXIT_OK;
}

/* A power value of the OPP table, in µW when the platform has a unit ("power_uw"), else raw. */
static void json_power(struct cli_json *j, const struct scmi_perf_info *pi, uint32_t v)
{
	bool real = pi->power_uw || pi->power_mw;

	cli_json_kv_u64_or_null(j, "power_uw", real, pi->power_mw ? (uint64_t)v * 1000u : v);
	cli_json_kv_u64_or_null(j, "power_abstract", !real, v);
}

static int json_domain(struct cli_json *j, struct scmi_agent *agent, const struct perf_dom *d,
		       uint32_t level, uint32_t max, uint32_t min)
{
	uint64_t hz = level_hz(d, level);
	struct cli_names n;
	int ret = dom_names(agent, d, &n);

	if (ret)
		return ret;
	cli_json_begin_object(j);
	cli_json_kv_u64(j, "id", d->id);
	cli_json_kv_names(j, n.name, n.ext);
	cli_json_kv_bool(j, "level_indexing", d->info.level_indexing);
	cli_json_kv_u64(j, "level", level);
	cli_json_kv_u64_or_null(j, "freq_hz", hz != 0, hz);
	cli_json_kv_u64(j, "limit_min", min);
	cli_json_kv_u64(j, "limit_max", max);
	cli_json_kv_u64(j, "sustained_level", d->info.sustained_level);
	cli_json_kv_u64(j, "sustained_freq_hz", (uint64_t)d->info.sustained_freq_khz * 1000u);
	cli_json_kv_u64(j, "rate_limit_us", d->info.rate_limit_us);
	cli_json_end_object(j);
	return CLI_EXIT_OK;
}

static int list_run(const struct cli_opts *o, int argc, const char *const argv[],
		    struct scmi_agent *agent)
{
	static const struct cli_column cols[] = {
	    {"ID", CLI_RIGHT},	 {"NAME", CLI_LEFT}, {"MODE", CLI_LEFT}, {"LEVEL", CLI_RIGHT},
	    {"FREQ", CLI_RIGHT}, {"MIN", CLI_RIGHT}, {"MAX", CLI_RIGHT}, {"LEVELS", CLI_RIGHT}};
	struct scmi_perf_info pi;
	struct perf_dom *d;
	struct cli_table *t = NULL;
	struct cli_json j;
	char b[CLI_FMT_MAX];
	int ret = CLI_EXIT_OK, err;
	uint32_t id;

	(void)argc;
	(void)argv;
	err = scmi_perf_init(agent, NULL);
	if (!err)
		err = scmi_perf_protocol_info(agent, &pi);
	if (err)
		return cli_fail(err, "perf: protocol");
	d = calloc(1, sizeof(*d));
	if (!d)
		return cli_fail(-ENOMEM, "perf");
	if (o->json) {
		cli_json_init(&j, stdout);
		cli_json_begin_array(&j);
	} else {
		t = cli_table_new(cols, sizeof(cols) / sizeof(cols[0]));
		if (!t) {
			free(d);
			return cli_fail(-ENOMEM, "perf");
		}
	}
	for (id = 0; id < pi.num_domains; id++) {
		uint32_t level, max, min;

		ret = load_dom(agent, id, d);
		if (ret)
			break;
		err = scmi_perf_level_get(agent, id, &level);
		if (!err)
			err = scmi_perf_limits_get(agent, id, &max, &min);
		if (err) {
			ret = cli_fail(err, "perf %u: level", id);
			break;
		}
		if (o->json) {
			ret = json_domain(&j, agent, d, level, max, min);
			if (ret)
				break;
			continue;
		}
		cli_table_add(t, "%u", id);
		cli_table_add_name(t, d->info.name);
		cli_table_add(t, "%s", d->info.level_indexing ? "index" : "level");
		cli_table_add(t, "%u", level);
		cli_table_add(t, "%s", fmt_hz(b, sizeof(b), level_hz(d, level)));
		cli_table_add(t, "%u", min);
		cli_table_add(t, "%u", max);
		cli_table_add(t, "%zu", d->count);
	}
	if (o->json) {
		cli_json_end_array(&j);
		if (!ret)
			ret = cli_json_exit(&j);
	} else {
		if (!ret && cli_table_print(t, stdout))
			ret = cli_fail(-ENOMEM, "perf");
		cli_table_free(t);
	}
	free(d);
	return ret;
}

static int levels_run(const struct cli_opts *o, int argc, const char *const argv[],
		      struct scmi_agent *agent)
{
	char sb[CLI_SAFE_MAX];
	static const struct cli_column cols[] = {{"INDEX", CLI_RIGHT},
						 {"LEVEL", CLI_RIGHT},
						 {"FREQ", CLI_RIGHT},
						 {"POWER", CLI_RIGHT},
						 {"LATENCY", CLI_RIGHT}};
	struct scmi_perf_info pi;
	struct perf_dom *d;
	struct cli_table *t;
	struct cli_json j;
	char b[CLI_FMT_MAX];
	uint32_t id = 0;
	size_t i;
	int ret;

	(void)argc;
	ret = scmi_perf_protocol_info(agent, &pi);
	if (ret)
		return cli_fail(ret, "perf: protocol");
	ret = domain_id(o, agent, argv[0], &id);
	if (ret)
		return ret;
	d = calloc(1, sizeof(*d));
	if (!d)
		return cli_fail(-ENOMEM, "perf");
	ret = load_dom(agent, id, d);
	if (ret)
		goto out;
	if (o->json) {
		struct cli_names n;

		ret = dom_names(agent, d, &n);
		if (ret)
			goto out;
		cli_json_begin_item(&j, id);
		cli_json_kv_names(&j, n.name, n.ext);
		cli_json_kv_bool(&j, "level_indexing", d->info.level_indexing);
		cli_json_kv_array(&j, "levels");
		for (i = 0; i < d->count; i++) {
			const struct scmi_perf_level *l = &d->levels[i];
			uint64_t hz = level_hz(d, wire_value(d, l));

			cli_json_begin_object(&j);
			cli_json_kv_u64(&j, "index", l->index);
			cli_json_kv_u64(&j, "level", l->perf);
			cli_json_kv_u64_or_null(&j, "freq_hz", hz != 0, hz);
			json_power(&j, &pi, l->power);
			cli_json_kv_u64(&j, "latency_us", l->latency_us);
			cli_json_end_object(&j);
		}
		cli_json_end_array(&j);
		ret = cli_json_end_item(&j);
		goto out;
	}
	t = cli_table_new(cols, sizeof(cols) / sizeof(cols[0]));
	if (!t) {
		ret = cli_fail(-ENOMEM, "perf");
		goto out;
	}
	printf("perf %u (%s): %zu levels\n", id, cli_safe(sb, sizeof(sb), d->info.name), d->count);
	for (i = 0; i < d->count; i++) {
		const struct scmi_perf_level *l = &d->levels[i];

		cli_table_add(t, "%u", l->index);
		cli_table_add(t, "%u", l->perf);
		cli_table_add(t, "%s", fmt_hz(b, sizeof(b), level_hz(d, wire_value(d, l))));
		if (pi.power_uw)
			cli_table_add(t, "%s", cli_fmt_power_uw(b, sizeof(b), l->power));
		else if (pi.power_mw)
			cli_table_add(t, "%s", cli_fmt_power_mw(b, sizeof(b), l->power));
		else
			cli_table_add(t, "%u", l->power);
		cli_table_add(t, "%s", cli_fmt_duration(b, sizeof(b), l->latency_us));
	}
	if (cli_table_print(t, stdout))
		ret = cli_fail(-ENOMEM, "perf");
	cli_table_free(t);
out:
	free(d);
	return ret;
}

static int get_run(const struct cli_opts *o, int argc, const char *const argv[],
		   struct scmi_agent *agent)
{
	char sb[CLI_SAFE_MAX];
	struct perf_dom *d;
	struct cli_json j;
	char b[CLI_FMT_MAX];
	uint32_t id = 0, level, max, min;
	int ret, err;

	(void)argc;
	ret = domain_id(o, agent, argv[0], &id);
	if (ret)
		return ret;
	d = calloc(1, sizeof(*d));
	if (!d)
		return cli_fail(-ENOMEM, "perf");
	ret = load_dom(agent, id, d);
	if (ret)
		goto out;
	err = scmi_perf_level_get(agent, id, &level);
	if (!err)
		err = scmi_perf_limits_get(agent, id, &max, &min);
	if (err) {
		ret = cli_fail(err, "perf %u: level", id);
		goto out;
	}
	if (o->json) {
		cli_json_init(&j, stdout);
		ret = json_domain(&j, agent, d, level, max, min);
		if (!ret)
			ret = cli_json_exit(&j);
		goto out;
	}
	printf("perf %u (%s): %s %u, %s, limits %u..%u\n", id,
	       cli_safe(sb, sizeof(sb), d->info.name), d->info.level_indexing ? "index" : "level",
	       level, fmt_hz(b, sizeof(b), level_hz(d, level)), min, max);
out:
	free(d);
	return ret;
}

/* The lowest OPP reaching @hz, as cpufreq's "at least" relation. */
static const struct scmi_perf_level *level_for_hz(const struct perf_dom *d, uint64_t hz)
{
	const struct scmi_perf_level *best = NULL;
	size_t i;

	for (i = 0; i < d->count; i++) {
		uint64_t f = level_hz(d, wire_value(d, &d->levels[i]));

		if (f >= hz && (!best || f < level_hz(d, wire_value(d, best))))
			best = &d->levels[i];
	}
	return best;
}

/*
 * Why the platform refused level @v of @id, from what the CLI can read: the
 * domain counts by index, @v is no level of it, or the limits in force exclude
 * it. Empty when none of these explains it.
 */
static void level_why(struct scmi_agent *agent, uint32_t id, uint32_t v, char *why, size_t len)
{
	struct perf_dom *d = calloc(1, sizeof(*d));
	const struct scmi_perf_level *l;
	uint32_t max, min;
	size_t i, n;

	why[0] = '\0';
	if (!d)
		return;
	d->id = id;
	if (scmi_perf_domain_attributes(agent, id, &d->info) ||
	    scmi_perf_describe_levels(agent, id, d->levels, SCMI_PERF_MAX_LEVELS, &d->count) ||
	    !d->count)
		goto out;
	l = find_level(d, v);
	if (!l && d->info.level_indexing) {
		for (i = 0; i < d->count && d->levels[i].perf != v; i++)
			;
		if (i < d->count)
			snprintf(why, len,
				 "the domain counts levels by index 0..%zu: level %u is index %u "
				 "(or give --freq)",
				 d->count - 1, v, d->levels[i].index);
		else
			snprintf(why, len, "the domain counts levels by index: 0..%zu",
				 d->count - 1);
		goto out;
	}
	if (!l) {
		n = (size_t)snprintf(why, len, "not a level of the domain; its levels:");
		for (i = 0; i < d->count && n < len; i++)
			n += (size_t)snprintf(why + n, len - n, "%s %u", i ? "," : "",
					      d->levels[i].perf);
		goto out;
	}
	if (!scmi_perf_limits_get(agent, id, &max, &min) && (v < min || v > max))
		snprintf(why, len, "outside the limits in force %u..%u (scmi perf limits %u)", min,
			 max, id);
out:
	free(d);
}

static int set_run(const struct cli_opts *o, int argc, const char *const argv[],
		   struct scmi_agent *agent)
{
	const char *freq = cli_opt(o, "--freq");
	struct perf_dom *d = NULL;
	uint32_t id = 0, v = 0, now = 0;
	uint64_t hz = 0;
	int ret, err;

	ret = domain_id(o, agent, argv[0], &id);
	if (ret)
		return ret;
	if (argc > 1)
		cli_parse_u32(argv[1], &v);
	if (freq) {
		const struct scmi_perf_level *l;
		char b[CLI_FMT_MAX];

		cli_parse_freq(freq, &hz);
		d = calloc(1, sizeof(*d));
		if (!d)
			return cli_fail(-ENOMEM, "perf");
		ret = load_dom(agent, id, d);
		if (ret)
			goto out;
		l = level_for_hz(d, hz);
		if (!l) {
			cli_error("perf %u: no level reaches %s", id,
				  cli_fmt_freq(b, sizeof(b), hz));
			ret = CLI_EXIT_SCMI;
			goto out;
		}
		v = wire_value(d, l);
	}
	err = scmi_perf_level_set(agent, id, v);
	if (err) {
		char why[200] = "";

		if (err == -ERANGE || err == -EINVAL)
			level_why(agent, id, v, why, sizeof(why));
		ret = cli_fail_why(err, why, "perf %u: set level %u", id, v);
		goto out;
	}
	/*
	 * SCMI reports the level the domain runs, never the one asked for: read it
	 * back now, while the request is known, to show a limit, a power cap or
	 * another agent's vote holding the domain elsewhere.
	 */
	err = scmi_perf_level_get(agent, id, &now);
	if (err) {
		ret = cli_fail(err, "perf %u: level", id);
		goto out;
	}
	if (o->json) {
		struct cli_json j;

		cli_json_begin_item(&j, id);
		cli_json_kv_u64(&j, "level", v);
		cli_json_kv_u64(&j, "running_level", now);
		ret = cli_json_end_item(&j);
	} else if (now == v) {
		printf("perf %u: level %u requested\n", id, v);
	} else {
		printf(
		    "perf %u: level %u requested, running at %u (held by the platform: limits, a "
		    "power cap or another agent's request)\n",
		    id, v, now);
	}
out:
	free(d);
	return ret;
}

static int limits_run(const struct cli_opts *o, int argc, const char *const argv[],
		      struct scmi_agent *agent)
{
	uint32_t id = 0, max, min;
	int err;

	err = domain_id(o, agent, argv[0], &id);
	if (err)
		return err;
	if (argc == 3) {
		cli_parse_u32(argv[1], &min);
		cli_parse_u32(argv[2], &max);
		err = scmi_perf_limits_set(agent, id, max, min);
		if (err)
			return cli_fail(err, "perf %u: set limits %u..%u", id, min, max);
	}
	err = scmi_perf_limits_get(agent, id, &max, &min);
	if (err)
		return cli_fail(err, "perf %u: limits", id);
	if (o->json) {
		struct cli_json j;

		cli_json_begin_item(&j, id);
		cli_json_kv_u64(&j, "limit_min", min);
		cli_json_kv_u64(&j, "limit_max", max);
		return cli_json_end_item(&j);
	}
	printf("perf %u: limits %u..%u\n", id, min, max);
	return CLI_EXIT_OK;
}

static const struct cli_option options[] = {
    {"--freq", "FREQ", "set: the lowest level reaching FREQ (e.g. 1.2GHz)"},
    {0},
};

static const char *const set_options[] = {"--freq", NULL};

static const struct cli_verb verbs[] = {
    {"list", "", "domains with level, frequency and limits", 0, 0, NULL, NULL, list_run},
    {"levels", "DOMAIN", "a domain's OPP table (frequency, power, latency)", 1, 1, NULL, id_check,
     levels_run},
    {"get", "DOMAIN", "a domain's running level, frequency and limits", 1, 1, NULL, id_check,
     get_run},
    {"set", "DOMAIN [LEVEL]",
     "request LEVEL (an index in level-indexing mode), or --freq; says if it runs elsewhere", 1, 2,
     set_options, set_check, set_run},
    {"limits", "DOMAIN [MIN MAX]", "show, or set, a domain's limits (levels, as LEVEL)", 1, 3, NULL,
     limits_check, limits_run},
    {0},
};

const struct cli_command cli_cmd_perf = {
    .name = "perf",
    .summary = "performance domains: list, levels, level get/set, limits",
    .needs_agent = true,
    .options = options,
    .verbs = verbs,
    .details = "DOMAIN is an id or a name as `scmi perf list` shows it. LEVEL, MIN and MAX are\n"
	       "performance levels as `scmi perf levels` lists them (indexes for a domain in\n"
	       "level-indexing mode, MODE index).\n"
	       "The level shown is the one the domain runs. SCMI does not report the level an\n"
	       "agent requested, so `get` and `list` cannot tell that a power cap or another\n"
	       "agent holds a domain away from it; `set` reads the level back and says so.\n"
	       "\n"
	       "Examples:\n"
	       "  scmi perf set cpu_big --freq 1.6GHz\n"
	       "  scmi perf set cpu_big 1800\n"
	       "  scmi perf limits cpu_little 600 816\n"
	       "  scmi --json perf get gpu          (freq_hz, limit_min, limit_max)\n",
};
