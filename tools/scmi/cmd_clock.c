// SPDX-License-Identifier: BSD-3-Clause
/*
 * `scmi clock`: list the clocks, show one, its rates, set its rate (with a
 * rounding mode), enable or disable it, show or change its parent.
 */
#include <errno.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "command.h"
#include "json.h"
#include "output.h"
#include "resolve.h"
#include "table.h"
#include "names.h"
#include "units.h"
#include "scmi/clock.h"
#include "scmi/proto/clock.h"

/* Rates `rates` prints at most: a list longer than this is cut, and says so. */
#define RATES_MAX 256

static int open_clock(struct scmi_agent *agent, struct scmi_clock *clk)
{
	int ret = scmi_clock_init(agent, clk);

	if (ret)
		return cli_fail(ret, "clock protocol");
	return CLI_EXIT_OK;
}

static int id_check(const struct cli_opts *o, int argc, const char *const argv[])
{
	(void)argc;
	return cli_arg_id(o, "CLOCK", argv[0]);
}

/* Both names of clock @id, whose attributes libscmi read into @info. */
static int clock_names(struct scmi_clock *clk, uint32_t id, const struct scmi_clock_info *info,
		       struct cli_names *n)
{
	bool ext =
	    clk->version >= SCMI_VERSION(2, 0) && (info->attributes & SCMI_CLOCK_ATTR_EXT_NAME);

	return cli_names_fill(n, clk->agent, info->name, ext, SCMI_PROTOCOL_CLOCK,
			      SCMI_MSG_CLOCK_ATTRIBUTES, &id, 1,
			      offsetof(struct scmi_clock_attributes_p2a, name));
}

/* The resolver's names of clock @id. */
static int clock_name(void *ctx, uint32_t id, struct cli_names *n)
{
	struct scmi_clock_info info;
	int ret = scmi_clock_attributes(ctx, id, &info);

	return ret ? ret : clock_names(ctx, id, &info, n);
}

/* The clock @s names (an id or a name), on the open @clk. */
static int clock_id(const struct cli_opts *o, struct scmi_clock *clk, const char *what,
		    const char *s, uint32_t *id)
{
	const struct cli_resolve r = {"clock", NULL, clk->num_clocks, clock_name, clk};

	return cli_resolve_id(o, &r, what, s, id);
}

/*
 * The name of a parent. Parents exist from 3.0, so CLOCK_NAME_GET (2.0) does
 * too: it is tried first, leaving CLOCK_ATTRIBUTES to the clock asked about
 * (one attributes message per `get`, as fault-injection tests count them);
 * attributes only when the platform gives no extended name.
 */
static int parent_name(struct scmi_clock *clk, uint32_t id, char *name, size_t len)
{
	struct scmi_clock_info info;
	char b[SCMI_CLOCK_NAME_BUF];
	int ret;

	if (!scmi_clock_name_get(clk, id, b) && b[0]) {
		snprintf(name, len, "%s", b);
		return 0;
	}
	ret = scmi_clock_attributes(clk, id, &info);
	if (!ret)
		snprintf(name, len, "%s", info.name);
	return ret;
}

/* "pll_periph (4)": a parent by name and id, or the id alone when its name is unknown. */
static const char *name_and_id(struct scmi_clock *clk, uint32_t id, char *b, size_t len)
{
	char name[CLI_NAME_MAX];

	char safe[CLI_SAFE_MAX];

	if (parent_name(clk, id, name, sizeof(name)))
		snprintf(b, len, "%u", id);
	else
		snprintf(b, len, "%s (%u)", cli_safe(safe, sizeof(safe), name), id);
	return b;
}

/* The current parent of @id, or false when the platform has no parents (before 3.0). */
static bool parent_of(struct scmi_clock *clk, uint32_t id, uint32_t attributes, uint32_t *parent)
{
	if (clk->version < SCMI_VERSION(3, 0) || !(attributes & SCMI_CLOCK_ATTR_PARENTS))
		return false;
	return scmi_clock_parent_get(clk, id, parent) == 0;
}

static int list_run(const struct cli_opts *o, int argc, const char *const argv[],
		    struct scmi_agent *agent)
{
	static const struct cli_column cols[] = {
	    {"ID", CLI_RIGHT},	 {"NAME", CLI_LEFT},   {"STATE", CLI_LEFT},
	    {"RATE", CLI_RIGHT}, {"PARENT", CLI_LEFT},
	};
	struct scmi_clock_info *info = NULL;
	struct cli_table *t = NULL;
	struct scmi_clock clk;
	struct cli_json j;
	char b[CLI_FMT_MAX];
	uint64_t *rates = NULL;
	uint32_t *parents = NULL;
	bool *has_parent = NULL;
	uint32_t i;
	int ret;

	(void)argc;
	(void)argv;
	ret = open_clock(agent, &clk);
	if (ret)
		return ret;
	info = calloc(clk.num_clocks + 1u, sizeof(*info));
	rates = calloc(clk.num_clocks + 1u, sizeof(*rates));
	parents = calloc(clk.num_clocks + 1u, sizeof(*parents));
	has_parent = calloc(clk.num_clocks + 1u, sizeof(*has_parent));
	if (!info || !rates || !parents || !has_parent) {
		cli_error("out of memory");
		ret = CLI_EXIT_SCMI;
		goto out;
	}
	for (i = 0; i < clk.num_clocks; i++) {
		ret = scmi_clock_attributes(&clk, i, &info[i]);
		if (!ret)
			ret = scmi_clock_rate_get(&clk, i, &rates[i]);
		if (ret) {
			ret = cli_fail(ret, "clock %u", i);
			goto out;
		}
		has_parent[i] = parent_of(&clk, i, info[i].attributes, &parents[i]);
	}
	if (o->json) {
		struct cli_names n;

		cli_json_init(&j, stdout);
		cli_json_begin_array(&j);
		for (i = 0; i < clk.num_clocks; i++) {
			bool known = has_parent[i] && parents[i] < clk.num_clocks;

			ret = clock_names(&clk, i, &info[i], &n);
			if (ret) {
				ret = cli_fail(ret, "clock %u: name", i);
				goto out;
			}
			cli_json_begin_object(&j);
			cli_json_kv_u64(&j, "id", i);
			cli_json_kv_names(&j, n.name, n.ext);
			cli_json_kv_bool(&j, "enabled", info[i].enabled);
			cli_json_kv_u64(&j, "rate_hz", rates[i]);
			cli_json_kv_u64_or_null(&j, "parent", has_parent[i], parents[i]);
			cli_json_kv_str_or_null(&j, "parent_name",
						known ? info[parents[i]].name : NULL);
			cli_json_end_object(&j);
		}
		cli_json_end_array(&j);
		ret = cli_json_exit(&j);
		goto out;
	}
	t = cli_table_new(cols, sizeof(cols) / sizeof(cols[0]));
	if (!t) {
		cli_error("out of memory");
		ret = CLI_EXIT_SCMI;
		goto out;
	}
	for (i = 0; i < clk.num_clocks; i++) {
		cli_table_add(t, "%u", i);
		cli_table_add_name(t, info[i].name);
		cli_table_add(t, "%s", info[i].enabled ? "on" : "off");
		cli_table_add(t, "%s", cli_fmt_freq(b, sizeof(b), rates[i]));
		if (has_parent[i] && parents[i] < clk.num_clocks)
			cli_table_add_name(t, info[parents[i]].name);
		else
			cli_table_add(t, "-");
	}
	ret = cli_table_print(t, stdout) ? CLI_EXIT_SCMI : CLI_EXIT_OK;
out:
	cli_table_free(t);
	free(has_parent);
	free(parents);
	free(rates);
	free(info);
	return ret;
}

static int get_run(const struct cli_opts *o, int argc, const char *const argv[],
		   struct scmi_agent *agent)
{
	char sb[CLI_SAFE_MAX];
	struct scmi_clock_info info;
	struct scmi_clock clk;
	char b[CLI_FMT_MAX];
	uint32_t id, parent = 0, perms = 0;
	bool has_parent, has_perms = false;
	uint64_t hz;
	int ret;

	(void)argc;
	ret = open_clock(agent, &clk);
	if (!ret)
		ret = clock_id(o, &clk, "CLOCK", argv[0], &id);
	if (ret)
		return ret;
	ret = scmi_clock_attributes(&clk, id, &info);
	if (!ret)
		ret = scmi_clock_rate_get(&clk, id, &hz);
	if (ret)
		return cli_fail(ret, "clock %u", id);
	has_parent = parent_of(&clk, id, info.attributes, &parent);
	if (info.attributes & SCMI_CLOCK_ATTR_GET_PERMISSIONS)
		has_perms = !scmi_clock_get_permissions(&clk, id, &perms);
	if (o->json) {
		char pname[CLI_NAME_MAX];
		struct cli_names n;
		struct cli_json j;

		ret = clock_names(&clk, id, &info, &n);
		if (ret)
			return cli_fail(ret, "clock %u: name", id);
		cli_json_begin_item(&j, id);
		cli_json_kv_names(&j, n.name, n.ext);
		cli_json_kv_bool(&j, "enabled", info.enabled);
		cli_json_kv_u64(&j, "rate_hz", hz);
		cli_json_kv_u64_or_null(&j, "parent", has_parent, parent);
		cli_json_kv_str_or_null(
		    &j, "parent_name",
		    has_parent && !parent_name(&clk, parent, pname, sizeof(pname)) ? pname : NULL);
		cli_json_kv_u64(&j, "enable_latency_us", info.enable_latency_us);
		cli_json_kv_u64(&j, "attributes", info.attributes);
		cli_json_kv_u64_or_null(&j, "permissions", has_perms, perms);
		return cli_json_end_item(&j);
	}
	printf("clock %u: ", id);
	fputs(cli_safe(sb, sizeof(sb), info.name), stdout);
	printf("\n  state:   %s\n", info.enabled ? "on" : "off");
	printf("  rate:    %s (%llu Hz)\n", cli_fmt_freq(b, sizeof(b), hz), (unsigned long long)hz);
	if (has_parent) {
		char pb[CLI_NAME_MAX + 16];

		fputs("  parent:  ", stdout);
		fputs(name_and_id(&clk, parent, pb, sizeof(pb)), stdout);
		fputs("\n", stdout);
	}
	printf("  latency: %s\n", cli_fmt_duration(b, sizeof(b), info.enable_latency_us));
	if (has_perms)
		printf("  control: %s%s%s\n", perms & SCMI_CLOCK_PERM_STATE ? "state " : "",
		       perms & SCMI_CLOCK_PERM_RATE ? "rate " : "",
		       perms & SCMI_CLOCK_PERM_PARENT ? "parent" : "");
	return CLI_EXIT_OK;
}

static int rates_run(const struct cli_opts *o, int argc, const char *const argv[],
		     struct scmi_agent *agent)
{
	struct scmi_clock_rates r;
	struct scmi_clock clk;
	char b[CLI_FMT_MAX], c[CLI_FMT_MAX], d[CLI_FMT_MAX];
	uint64_t *rates;
	size_t i, shown;
	uint32_t id;
	int ret;

	(void)argc;
	ret = open_clock(agent, &clk);
	if (!ret)
		ret = clock_id(o, &clk, "CLOCK", argv[0], &id);
	if (ret)
		return ret;
	rates = calloc(RATES_MAX, sizeof(*rates));
	if (!rates) {
		cli_error("out of memory");
		return CLI_EXIT_SCMI;
	}
	ret = scmi_clock_describe_rates(&clk, id, &r, rates, RATES_MAX);
	if (ret) {
		free(rates);
		return cli_fail(ret, "clock %u: rates", id);
	}
	shown = r.count;
	if (shown > RATES_MAX)
		shown = RATES_MAX;
	if (o->json) {
		struct cli_json j;

		uint64_t lo = r.range ? r.min : UINT64_MAX, hi = r.range ? r.max : 0;

		for (i = 0; !r.range && i < shown; i++) {
			lo = rates[i] < lo ? rates[i] : lo;
			hi = rates[i] > hi ? rates[i] : hi;
		}
		/* One shape for both kinds: what a kind lacks is null. */
		cli_json_begin_item(&j, id);
		cli_json_kv_str(&j, "kind", r.range ? "range" : "list");
		cli_json_kv_u64_or_null(&j, "min_hz", r.range || shown, lo);
		cli_json_kv_u64_or_null(&j, "max_hz", r.range || shown, hi);
		cli_json_kv_u64_or_null(&j, "step_hz", r.range, r.step);
		cli_json_kv_u64_or_null(&j, "count", !r.range, r.count);
		if (r.range) {
			cli_json_kv_null(&j, "rates_hz");
		} else {
			cli_json_kv_array(&j, "rates_hz");
			for (i = 0; i < shown; i++)
				cli_json_u64(&j, rates[i]);
			cli_json_end_array(&j);
		}
		free(rates);
		return cli_json_end_item(&j);
	}
	if (r.range) {
		printf("clock %u: %s to %s in steps of %s\n", id, cli_fmt_freq(b, sizeof(b), r.min),
		       cli_fmt_freq(c, sizeof(c), r.max), cli_fmt_freq(d, sizeof(d), r.step));
	} else {
		printf("clock %u: %zu rate%s\n", id, r.count, r.count == 1 ? "" : "s");
		for (i = 0; i < shown; i++)
			printf("  %s\n", cli_fmt_freq(b, sizeof(b), rates[i]));
		if (shown < r.count)
			printf("  ... %zu more\n", r.count - shown);
	}
	free(rates);
	return CLI_EXIT_OK;
}

static int parse_round(const struct cli_opts *o, enum scmi_clock_round *round)
{
	const char *s = cli_opt(o, "--round");

	*round = SCMI_CLOCK_ROUND_DOWN;
	if (!s || !strcmp(s, "down"))
		return 0;
	if (!strcmp(s, "up"))
		*round = SCMI_CLOCK_ROUND_UP;
	else if (!strcmp(s, "closest") || !strcmp(s, "auto"))
		*round = SCMI_CLOCK_ROUND_CLOSEST;
	else
		return cli_usage_error(o, "--round: '%s' is not up, down or closest", s);
	return 0;
}

static int set_rate_check(const struct cli_opts *o, int argc, const char *const argv[])
{
	enum scmi_clock_round round;
	uint64_t hz;
	int ret;

	(void)argc;
	ret = cli_arg_id(o, "CLOCK", argv[0]);
	if (!ret)
		ret = cli_arg_freq(o, "RATE", argv[1], &hz);
	if (!ret)
		ret = parse_round(o, &round);
	return ret;
}

/* The rates @id supports, for a refused set-rate: "valid: 200 MHz..800 MHz in steps of 1 MHz". */
static void rate_why(struct scmi_clock *clk, uint32_t id, char *why, size_t len)
{
	char lo[CLI_FMT_MAX], hi[CLI_FMT_MAX], st[CLI_FMT_MAX];
	uint64_t rates[8];
	struct scmi_clock_rates r;
	size_t i, n, shown;

	why[0] = '\0';
	if (scmi_clock_describe_rates(clk, id, &r, rates, 8))
		return;
	if (r.range) {
		snprintf(why, len, "valid: %s..%s in steps of %s",
			 cli_fmt_freq(lo, sizeof(lo), r.min), cli_fmt_freq(hi, sizeof(hi), r.max),
			 cli_fmt_freq(st, sizeof(st), r.step));
		return;
	}
	n = (size_t)snprintf(why, len, "valid:");
	for (i = 0, shown = 0; i < r.count && i < 8 && n < len; i++, shown++)
		n += (size_t)snprintf(why + n, len - n, "%s %s", i ? "," : "",
				      cli_fmt_freq(lo, sizeof(lo), rates[i]));
	if (shown < r.count && n < len)
		snprintf(why + n, len - n, ", ... (scmi clock rates %u)", id);
}

static int set_rate_run(const struct cli_opts *o, int argc, const char *const argv[],
			struct scmi_agent *agent)
{
	enum scmi_clock_round round;
	struct scmi_clock clk;
	char b[CLI_FMT_MAX];
	uint64_t hz, got = 0;
	uint32_t id;
	int ret;

	(void)argc;
	cli_parse_freq(argv[1], &hz);
	parse_round(o, &round);
	ret = open_clock(agent, &clk);
	if (!ret)
		ret = clock_id(o, &clk, "CLOCK", argv[0], &id);
	if (ret)
		return ret;
	ret = scmi_clock_rate_set(&clk, id, hz, round);
	if (ret) {
		char why[160] = "";

		if (ret == -ERANGE || ret == -EINVAL)
			rate_why(&clk, id, why, sizeof(why));
		return cli_fail_why(ret, why, "clock %u: set rate", id);
	}
	ret = scmi_clock_rate_get(&clk, id, &got);
	if (ret)
		return cli_fail(ret, "clock %u: rate", id);
	if (o->json) {
		struct cli_json j;

		cli_json_begin_item(&j, id);
		cli_json_kv_u64(&j, "requested_hz", hz);
		cli_json_kv_u64(&j, "rate_hz", got);
		return cli_json_end_item(&j);
	}
	printf("clock %u: %s (%llu Hz)\n", id, cli_fmt_freq(b, sizeof(b), got),
	       (unsigned long long)got);
	return CLI_EXIT_OK;
}

static int state_run(const struct cli_opts *o, const char *arg, bool enable,
		     struct scmi_agent *agent)
{
	struct scmi_clock clk;
	bool en = false;
	uint32_t id;
	int ret;

	ret = open_clock(agent, &clk);
	if (!ret)
		ret = clock_id(o, &clk, "CLOCK", arg, &id);
	if (ret)
		return ret;
	ret = scmi_clock_enable(&clk, id, enable);
	if (ret)
		return cli_fail(ret, "clock %u: %s", id, enable ? "enable" : "disable");
	ret = scmi_clock_state_get(&clk, id, &en);
	if (ret)
		return cli_fail(ret, "clock %u: state", id);
	if (o->json) {
		struct cli_json j;

		cli_json_begin_item(&j, id);
		cli_json_kv_bool(&j, "enabled", en);
		return cli_json_end_item(&j);
	}
	/* Another agent's vote or a running child may keep it on: say what it is now. */
	printf("clock %u: %s\n", id, en ? "on" : "off");
	return CLI_EXIT_OK;
}

static int enable_run(const struct cli_opts *o, int argc, const char *const argv[],
		      struct scmi_agent *agent)
{
	(void)argc;
	return state_run(o, argv[0], true, agent);
}

static int disable_run(const struct cli_opts *o, int argc, const char *const argv[],
		       struct scmi_agent *agent)
{
	(void)argc;
	return state_run(o, argv[0], false, agent);
}

static int parent_check(const struct cli_opts *o, int argc, const char *const argv[])
{
	int ret = cli_arg_id(o, "CLOCK", argv[0]);

	if (!ret && argc > 1)
		ret = cli_arg_id(o, "PARENT", argv[1]);
	return ret;
}

static int parent_run(const struct cli_opts *o, int argc, const char *const argv[],
		      struct scmi_agent *agent)
{
	struct scmi_clock clk;
	uint32_t id, parent = 0, *ids = NULL;
	size_t n = 0, i;
	int ret;

	char b[CLI_NAME_MAX + 16];

	ret = open_clock(agent, &clk);
	if (!ret)
		ret = clock_id(o, &clk, "CLOCK", argv[0], &id);
	if (ret)
		return ret;
	if (argc > 1) {
		ret = clock_id(o, &clk, "PARENT", argv[1], &parent);
		if (ret)
			return ret;
		ret = scmi_clock_parent_set(&clk, id, parent);
		if (ret)
			return cli_fail(ret, "clock %u: set parent", id);
	}
	ret = scmi_clock_parent_get(&clk, id, &parent);
	if (ret)
		return cli_fail(ret, "clock %u: parent", id);
	ids = calloc(256, sizeof(*ids));
	if (!ids) {
		cli_error("out of memory");
		return CLI_EXIT_SCMI;
	}
	ret = scmi_clock_possible_parents(&clk, id, ids, 256, &n);
	if (ret) {
		free(ids);
		return cli_fail(ret, "clock %u: possible parents", id);
	}
	if (n > 256)
		n = 256;
	if (o->json) {
		struct cli_json j;

		char pname[CLI_NAME_MAX];

		cli_json_begin_item(&j, id);
		cli_json_kv_u64(&j, "parent", parent);
		cli_json_kv_str_or_null(&j, "parent_name",
					parent_name(&clk, parent, pname, sizeof(pname)) ? NULL
											: pname);
		cli_json_kv_array(&j, "possible_parents");
		for (i = 0; i < n; i++)
			cli_json_u64(&j, ids[i]);
		cli_json_end_array(&j);
		cli_json_end_object(&j);
		free(ids);
		return cli_json_exit(&j);
	}
	printf("clock %u: parent %s; possible: ", id, name_and_id(&clk, parent, b, sizeof(b)));
	for (i = 0; i < n; i++)
		printf("%s%s", i ? ", " : "", name_and_id(&clk, ids[i], b, sizeof(b)));
	printf("\n");
	free(ids);
	return CLI_EXIT_OK;
}

static const struct cli_option options[] = {
    {"--round", "MODE", "rounding of set-rate: down (default), up or closest"},
    {0},
};

/**
 * struct tree_clk - one clock of `clock tree`.
 * @name:   its name, escaped for the terminal
 * @rate:   its rate in Hz
 * @on:     enabled
 * @parent: its parent's id, or UINT32_MAX for a root
 * @seen:   drawn already (a loop in what a platform says cannot draw forever)
 */
struct tree_clk {
	char name[CLI_SAFE_MAX];
	uint64_t rate;
	bool on;
	uint32_t parent;
	bool seen;
};

/**
 * struct tree_frame - a clock waiting to be drawn.
 * @id:    the clock
 * @depth: 0 for a root
 * @last:  the last child of its parent
 */
struct tree_frame {
	uint32_t id;
	uint32_t depth;
	bool last;
};

/*
 * Clock @root and, below it, its children, depth first with an explicit stack
 * (@stack: room for @n) and @last_at (room for @n + 1 depths): "├── " and "└── "
 * as tree(1) and clk_summary draw them.
 */
static void tree_add(struct cli_table *t, struct tree_clk *c, uint32_t n, uint32_t root,
		     struct tree_frame *stack, bool *last_at)
{
	char b[CLI_FMT_MAX], prefix[512];
	uint32_t sp = 0;

	c[root].seen = true;
	stack[sp++] = (struct tree_frame){root, 0, true};
	while (sp) {
		struct tree_frame f = stack[--sp];
		size_t len = 0;
		uint32_t i, first = sp;

		prefix[0] = '\0';
		for (uint32_t d = 1; d < f.depth && len < sizeof(prefix); d++)
			len += (size_t)snprintf(prefix + len, sizeof(prefix) - len, "%s",
						last_at[d] ? "    " : "│   ");
		if (f.depth && len < sizeof(prefix))
			snprintf(prefix + len, sizeof(prefix) - len, "%s",
				 f.last ? "└── " : "├── ");
		last_at[f.depth] = f.last;
		cli_table_add(t, "%u", f.id);
		cli_table_add(t, "%s%s", prefix, c[f.id].name);
		cli_table_add(t, "%s", cli_fmt_freq(b, sizeof(b), c[f.id].rate));
		cli_table_add(t, "%s", c[f.id].on ? "on" : "off");
		/* Children highest id first, so that the lowest is drawn first. */
		for (i = n; i-- > 0;) {
			if (c[i].parent != f.id || c[i].seen)
				continue;
			c[i].seen = true;
			stack[sp] = (struct tree_frame){i, f.depth + 1, sp == first};
			sp++;
		}
	}
}

static int tree_run(const struct cli_opts *o, int argc, const char *const argv[],
		    struct scmi_agent *agent)
{
	static const struct cli_column cols[] = {
	    {"ID", CLI_RIGHT}, {"CLOCK", CLI_LEFT}, {"RATE", CLI_RIGHT}, {"STATE", CLI_LEFT}};
	struct scmi_clock_info info;
	struct tree_frame *stack;
	struct tree_clk *c;
	bool *last_at;
	struct cli_table *t;
	struct scmi_clock clk;
	uint32_t i, n;
	int ret;

	/* For a script the tree is the list: each clock names its parent. */
	if (o->json)
		return list_run(o, argc, argv, agent);
	ret = open_clock(agent, &clk);
	if (ret)
		return ret;
	n = clk.num_clocks;
	c = calloc(n ? n : 1, sizeof(*c));
	stack = calloc(n ? n : 1, sizeof(*stack));
	last_at = calloc(n + 1, sizeof(*last_at));
	t = cli_table_new(cols, 4);
	if (!c || !stack || !last_at || !t) {
		ret = cli_fail(-ENOMEM, "clock: tree");
		goto out;
	}
	for (i = 0; i < n; i++) {
		ret = scmi_clock_attributes(&clk, i, &info);
		if (!ret)
			ret = scmi_clock_rate_get(&clk, i, &c[i].rate);
		if (ret) {
			ret = cli_fail(ret, "clock %u", i);
			goto out;
		}
		cli_safe(c[i].name, sizeof(c[i].name), info.name);
		c[i].on = info.enabled;
		/* Before Clock 3.0 there are no parents: every clock is a root. */
		if (scmi_clock_parent_get(&clk, i, &c[i].parent) || c[i].parent >= n ||
		    c[i].parent == i)
			c[i].parent = UINT32_MAX;
	}
	for (i = 0; i < n; i++)
		if (c[i].parent == UINT32_MAX)
			tree_add(t, c, n, i, stack, last_at);
	/* What a loop of parents left out is drawn from its lowest id. */
	for (i = 0; i < n; i++)
		if (!c[i].seen)
			tree_add(t, c, n, i, stack, last_at);
	ret = cli_table_print(t, stdout);
	ret = ret ? cli_fail(ret, "clock: tree") : CLI_EXIT_OK;
out:
	cli_table_free(t);
	free(last_at);
	free(stack);
	free(c);
	return ret;
}
static const char *const set_rate_opts[] = {"--round", NULL};

static const struct cli_verb verbs[] = {
    {"list", "", "every clock: id, name, state, rate, parent", 0, 0, NULL, NULL, list_run},
    {"tree", "", "the clock tree, as clk_summary draws it: rates and states", 0, 0, NULL, NULL,
     tree_run},
    {"get", "CLOCK", "one clock: state, rate, parent, latency, permissions", 1, 1, NULL, id_check,
     get_run},
    {"rates", "CLOCK", "the rates a clock supports (a range or a list)", 1, 1, NULL, id_check,
     rates_run},
    {"set-rate", "CLOCK RATE",
     "set a rate in Hz with a unit (300MHz, 1.2GHz, 32768), rounded as --round says", 2, 2,
     set_rate_opts, set_rate_check, set_rate_run},
    {"enable", "CLOCK", "vote for a clock to run", 1, 1, NULL, id_check, enable_run},
    {"disable", "CLOCK", "withdraw this agent's vote (another agent or a child may keep it on)", 1,
     1, NULL, id_check, disable_run},
    {"parent", "CLOCK [PARENT]", "show, or select, a clock's parent (and the possible ones)", 1, 2,
     NULL, parent_check, parent_run},
    {0},
};

const struct cli_command cli_cmd_clock = {
    .name = "clock",
    .summary = "clocks: list, rates, rate set with rounding, enable/disable, parents",
    .needs_agent = true,
    .options = options,
    .verbs = verbs,
    .details = "CLOCK and PARENT are ids or names as `scmi clock list` shows them.\n"
	       "\n"
	       "Examples:\n"
	       "  scmi clock get display\n"
	       "  scmi clock set-rate gpu 300MHz --round closest\n"
	       "  scmi clock parent display pll_gpu\n"
	       "  scmi --json clock list        (rates in rate_hz)\n",
};
