// SPDX-License-Identifier: BSD-3-Clause
/*
 * `scmi pinctrl`: the pin controller. `list pins|groups|functions` shows the
 * names and association counts; `show pin|group|function ID` one element with
 * its associations (pins of a group, groups of a function) and, for pins and
 * groups, the function it is muxed to and every config; `request` / `release`
 * take and give back a pin or group; `set pin|group ID function=FUNC
 * config=TYPE:VALUE ...` muxes and configures (FUNC by name or id, TYPE by
 * name, e.g. bias-pull-up, drive-strength, or number).
 */
#include <errno.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "args.h"
#include "command.h"
#include "json.h"
#include "output.h"
#include "resolve.h"
#include "names.h"
#include "table.h"
#include "scmi/pinctrl.h"
#include "scmi/proto/pinctrl.h"

/* Config type names, as Linux's generic pin config names them. */
static const char *const conf_names[] = {
    "default",		 "bias-bus-hold",
    "bias-disable",	 "bias-high-impedance",
    "bias-pull-up",	 "bias-pull-pin-default",
    "bias-pull-down",	 "drive-open-drain",
    "drive-open-source", "drive-push-pull",
    "drive-strength",	 "input-debounce",
    "input-mode",	 "pull-mode",
    "input-value",	 "input-schmitt",
    "low-power-mode",	 "output-mode",
    "output-value",	 "power-source",
    "slew-rate",
};

#define NUM_CONF_NAMES	(sizeof(conf_names) / sizeof(conf_names[0]))
#define MAX_SET_CONFIGS 32

static const char *const type_words[] = {"pin", "group", "function"};
static const char *const type_plural[] = {"pins", "groups", "functions"};

static int parse_type(const char *s, bool plural, bool allow_function, enum scmi_pinctrl_type *t)
{
	const char *const *words = plural ? type_plural : type_words;
	int i;

	for (i = 0; i < 3; i++) {
		if (!strcmp(s, words[i]) && (allow_function || i != SCMI_PINCTRL_FUNCTION)) {
			*t = (enum scmi_pinctrl_type)i;
			return 0;
		}
	}
	return -EINVAL;
}

static int conf_parse(const char *s, uint32_t *type)
{
	size_t i;

	for (i = 0; i < NUM_CONF_NAMES; i++) {
		if (!strcmp(s, conf_names[i])) {
			*type = (uint32_t)i;
			return 0;
		}
	}
	if (cli_parse_u32(s, type) || *type > SCMI_PINCTRL_CONF_TYPE_MASK)
		return -EINVAL;
	return 0;
}

static const char *conf_name(uint32_t type, char *b, size_t len)
{
	if (type < NUM_CONF_NAMES)
		return conf_names[type];
	snprintf(b, len, "oem-%u", type);
	return b;
}

/* Both names of element @id of kind @t, whose attributes libscmi read into @in. */
static int elem_fill(const struct scmi_pinctrl *pc, enum scmi_pinctrl_type t, uint32_t id,
		     const struct scmi_pinctrl_info *in, struct cli_names *n)
{
	const uint32_t req[] = {id, (uint32_t)t};

	return cli_names_fill(n, pc->agent, in->name, in->ext_name, SCMI_PROTOCOL_PINCTRL,
			      SCMI_MSG_PINCTRL_ATTRIBUTES, req, 2,
			      offsetof(struct scmi_pinctrl_attributes_p2a, name));
}

static int elem_names(const struct scmi_pinctrl *pc, enum scmi_pinctrl_type t, uint32_t id,
		      const struct scmi_pinctrl_info *in, struct cli_names *n)
{
	int ret = elem_fill(pc, t, id, in, n);

	return ret ? cli_fail(ret, "pinctrl %s %u: name", type_words[t], id) : CLI_EXIT_OK;
}

static int open_pc(struct scmi_agent *agent, struct scmi_pinctrl *pc)
{
	int ret = scmi_pinctrl_init(pc, agent);

	return ret ? cli_fail(ret, "pinctrl: protocol") : CLI_EXIT_OK;
}

/* "name of id i" for the resolver: one kind of element of one controller. */
struct elem_ctx {
	const struct scmi_pinctrl *pc;
	enum scmi_pinctrl_type t;
};

static int elem_name(void *ctx, uint32_t id, struct cli_names *n)
{
	const struct elem_ctx *c = ctx;
	struct scmi_pinctrl_info in;
	int ret = scmi_pinctrl_info(c->pc, c->t, id, &in);

	return ret ? ret : elem_fill(c->pc, c->t, id, &in, n);
}

/* The element of type @t that @s names (an id or a name). */
static int elem_id(const struct cli_opts *o, const struct scmi_pinctrl *pc,
		   enum scmi_pinctrl_type t, const char *what, const char *s, uint32_t *id)
{
	struct elem_ctx c = {pc, t};
	const struct cli_resolve r = {type_words[t], type_plural[t],
				      t == SCMI_PINCTRL_PIN	? pc->num_pins
				      : t == SCMI_PINCTRL_GROUP ? pc->num_groups
								: pc->num_functions,
				      elem_name, &c};

	return cli_resolve_id(o, &r, what, s, id);
}

static int list_check(const struct cli_opts *o, int argc, const char *const argv[])
{
	enum scmi_pinctrl_type t;

	(void)argc;
	if (parse_type(argv[0], true, true, &t))
		return cli_usage_error(o, "list: pins, groups or functions, not '%s'", argv[0]);
	return CLI_EXIT_OK;
}

/*
 * Who holds a pin or group. SCMI has no message for it; an empty
 * SETTINGS_CONFIGURE changes nothing and is refused IN_USE exactly when
 * another agent holds it. Free and held by this agent answer alike, and
 * telling them apart would take a RELEASE (destructive), so they stay one answer.
 */
static const char *probe_holder(const struct scmi_pinctrl *pc, enum scmi_pinctrl_type t,
				uint32_t id)
{
	int ret = scmi_pinctrl_settings_configure(pc, t, id, SCMI_PINCTRL_NO_FUNCTION, NULL, 0);

	if (!ret)
		return "not-other";
	if (ret == -EPERM)
		return "other";
	return "unknown";
}

/*
 * The FUNCTION and OWNER cells of pin or group @id: the function it is muxed to
 * ("-" for none) and "other agent" when another agent holds it ("-" when it is
 * free or ours: SCMI cannot tell those apart).
 */
static void add_mux(struct cli_table *tb, const struct scmi_pinctrl *pc, enum scmi_pinctrl_type t,
		    uint32_t id)
{
	char name[SCMI_EXT_NAME_SIZE + 1];
	struct scmi_pinctrl_config cfg[SCMI_PINCTRL_MAX_CONFIGS];
	uint32_t fn = SCMI_PINCTRL_NO_FUNCTION, ncfg = 0;
	const char *h;

	if (scmi_pinctrl_settings_get_all(pc, t, id, &fn, cfg, SCMI_PINCTRL_MAX_CONFIGS, &ncfg))
		cli_table_add(tb, "?");
	else if (fn == SCMI_PINCTRL_NO_FUNCTION)
		cli_table_add(tb, "-");
	else if (scmi_pinctrl_name(pc, SCMI_PINCTRL_FUNCTION, fn, name))
		cli_table_add(tb, "%u", fn);
	else
		cli_table_add_name(tb, name);
	h = probe_holder(pc, t, id);
	cli_table_add(tb, "%s",
		      !strcmp(h, "other")     ? "other agent"
		      : !strcmp(h, "unknown") ? "?"
					      : "-");
}

static int list_run(const struct cli_opts *o, int argc, const char *const argv[],
		    struct scmi_agent *agent)
{
	static const struct cli_column cols[] = {{"ID", CLI_RIGHT},
						 {"NAME", CLI_LEFT},
						 {"ELEMENTS", CLI_RIGHT},
						 {"FUNCTION", CLI_LEFT},
						 {"OWNER", CLI_LEFT}};
	static const struct cli_column pin_cols[] = {
	    {"ID", CLI_RIGHT}, {"NAME", CLI_LEFT}, {"FUNCTION", CLI_LEFT}, {"OWNER", CLI_LEFT}};
	struct scmi_pinctrl_info in;
	struct scmi_pinctrl pc;
	enum scmi_pinctrl_type t = SCMI_PINCTRL_PIN;
	struct cli_table *tb = NULL;
	struct cli_json j;
	uint32_t id, n;
	int ret;

	(void)argc;
	parse_type(argv[0], true, true, &t);
	ret = open_pc(agent, &pc);
	if (ret)
		return ret;
	n = t == SCMI_PINCTRL_PIN     ? pc.num_pins
	    : t == SCMI_PINCTRL_GROUP ? pc.num_groups
				      : pc.num_functions;
	if (o->json) {
		cli_json_init(&j, stdout);
		cli_json_begin_array(&j);
	} else {
		/* Pins and groups show what they are muxed to and who holds them; functions do not.
		 */
		if (t == SCMI_PINCTRL_PIN)
			tb = cli_table_new(pin_cols, 4);
		else
			tb = cli_table_new(cols, t == SCMI_PINCTRL_GROUP ? 5 : 3);
		if (!tb)
			return cli_fail(-ENOMEM, "pinctrl: list");
	}
	for (id = 0; id < n; id++) {
		ret = scmi_pinctrl_info(&pc, t, id, &in);
		if (ret) {
			cli_table_free(tb);
			return cli_fail(ret, "pinctrl %s %u", type_words[t], id);
		}
		if (o->json) {
			struct cli_names nm;

			ret = elem_names(&pc, t, id, &in, &nm);
			if (ret)
				return ret;
			cli_json_begin_object(&j);
			cli_json_kv_u64(&j, "id", id);
			cli_json_kv_names(&j, nm.name, nm.ext);
			if (t != SCMI_PINCTRL_PIN)
				cli_json_kv_u64(&j,
						t == SCMI_PINCTRL_GROUP ? "num_pins" : "num_groups",
						in.num_elems);
			cli_json_end_object(&j);
			continue;
		}
		cli_table_add(tb, "%u", id);
		cli_table_add_name(tb, in.name);
		if (t != SCMI_PINCTRL_PIN)
			cli_table_add(tb, "%u", in.num_elems);
		if (t != SCMI_PINCTRL_FUNCTION)
			add_mux(tb, &pc, t, id);
	}
	if (o->json) {
		cli_json_end_array(&j);
		return cli_json_exit(&j);
	}
	ret = cli_table_print(tb, stdout);
	cli_table_free(tb);
	return ret ? cli_fail(ret, "pinctrl: list") : CLI_EXIT_OK;
}

static int elem_check(const struct cli_opts *o, const char *const argv[], bool allow_function)
{
	enum scmi_pinctrl_type t;

	if (parse_type(argv[0], false, allow_function, &t))
		return cli_usage_error(o, "'%s': expected pin%s", argv[0],
				       allow_function ? ", group or function" : " or group");
	return cli_arg_id(o, "ID", argv[1]);
}

static int show_check(const struct cli_opts *o, int argc, const char *const argv[])
{
	(void)argc;
	return elem_check(o, argv, true);
}

static const char *holder_text(const char *h)
{
	if (!strcmp(h, "other"))
		return "by another agent";
	if (!strcmp(h, "not-other"))
		return "free or by this agent (SCMI cannot tell which)";
	return "unknown (the platform did not say)";
}

static int show_run(const struct cli_opts *o, int argc, const char *const argv[],
		    struct scmi_agent *agent)
{
	char sb[CLI_SAFE_MAX];
	struct scmi_pinctrl_config cfg[SCMI_PINCTRL_MAX_CONFIGS];
	uint16_t assoc[1024];
	struct scmi_pinctrl_info in;
	struct scmi_pinctrl pc;
	enum scmi_pinctrl_type t = SCMI_PINCTRL_PIN;
	struct cli_json j;
	uint32_t id, nassoc = 0, ncfg = 0, fn = SCMI_PINCTRL_NO_FUNCTION, i;
	const char *holder = "unknown";
	char b[32];
	int ret;

	(void)argc;
	parse_type(argv[0], false, true, &t);
	ret = open_pc(agent, &pc);
	if (!ret)
		ret = elem_id(o, &pc, t, "ID", argv[1], &id);
	if (ret)
		return ret;
	ret = scmi_pinctrl_info(&pc, t, id, &in);
	if (!ret && t != SCMI_PINCTRL_PIN)
		ret = scmi_pinctrl_list_associations(&pc, t, id, assoc, 1024, &nassoc);
	if (!ret && t != SCMI_PINCTRL_FUNCTION)
		ret = scmi_pinctrl_settings_get_all(&pc, t, id, &fn, cfg, SCMI_PINCTRL_MAX_CONFIGS,
						    &ncfg);
	if (ret)
		return cli_fail(ret, "pinctrl %s %u", type_words[t], id);
	if (t != SCMI_PINCTRL_FUNCTION)
		holder = probe_holder(&pc, t, id);
	if (o->json) {
		char fname[SCMI_EXT_NAME_SIZE + 1] = "";
		struct cli_names n;

		ret = elem_names(&pc, t, id, &in, &n);
		if (ret)
			return ret;
		if (fn != SCMI_PINCTRL_NO_FUNCTION &&
		    scmi_pinctrl_name(&pc, SCMI_PINCTRL_FUNCTION, fn, fname))
			fname[0] = '\0';
		cli_json_init(&j, stdout);
		cli_json_begin_object(&j);
		cli_json_kv_str(&j, "type", type_words[t]);
		cli_json_kv_u64(&j, "id", id);
		cli_json_kv_names(&j, n.name, n.ext);
		if (t != SCMI_PINCTRL_PIN) {
			cli_json_kv_array(&j, t == SCMI_PINCTRL_GROUP ? "pins" : "groups");
			for (i = 0; i < nassoc; i++)
				cli_json_u64(&j, assoc[i]);
			cli_json_end_array(&j);
		}
		if (t != SCMI_PINCTRL_FUNCTION) {
			cli_json_kv_u64_or_null(&j, "function", fn != SCMI_PINCTRL_NO_FUNCTION, fn);
			cli_json_kv_str_or_null(&j, "function_name", fname);
			cli_json_kv_str(&j, "held", holder);
			cli_json_kv_array(&j, "configs");
			for (i = 0; i < ncfg; i++) {
				cli_json_begin_object(&j);
				cli_json_kv_str(&j, "type", conf_name(cfg[i].type, b, sizeof(b)));
				cli_json_kv_u64(&j, "type_id", cfg[i].type);
				cli_json_kv_u64(&j, "value", cfg[i].value);
				cli_json_end_object(&j);
			}
			cli_json_end_array(&j);
		}
		cli_json_end_object(&j);
		return cli_json_exit(&j);
	}
	printf("%s %u: %s\n", type_words[t], id, cli_safe(sb, sizeof(sb), in.name));
	if (t != SCMI_PINCTRL_PIN) {
		enum scmi_pinctrl_type at =
		    t == SCMI_PINCTRL_GROUP ? SCMI_PINCTRL_PIN : SCMI_PINCTRL_GROUP;

		printf("%s:", t == SCMI_PINCTRL_GROUP ? "pins" : "groups");
		for (i = 0; i < nassoc; i++) {
			char an[SCMI_EXT_NAME_SIZE + 1];

			if (scmi_pinctrl_name(&pc, at, assoc[i], an))
				printf("%s %u", i ? "," : "", assoc[i]);
			else
				printf("%s %s (%u)", i ? "," : "", cli_safe(sb, sizeof(sb), an),
				       assoc[i]);
		}
		printf("\n");
	}
	if (t != SCMI_PINCTRL_FUNCTION) {
		if (fn == SCMI_PINCTRL_NO_FUNCTION) {
			printf("function: none\n");
		} else {
			char name[SCMI_EXT_NAME_SIZE + 1] = "?";

			scmi_pinctrl_name(&pc, SCMI_PINCTRL_FUNCTION, fn, name);
			printf("function: %u (%s)\n", fn, cli_safe(sb, sizeof(sb), name));
		}
		printf("held: %s\n", holder_text(holder));
		for (i = 0; i < ncfg; i++)
			printf("  %s = %u\n", conf_name(cfg[i].type, b, sizeof(b)), cfg[i].value);
	}
	return CLI_EXIT_OK;
}

static int own_check(const struct cli_opts *o, int argc, const char *const argv[])
{
	(void)argc;
	return elem_check(o, argv, false);
}

static int own(const struct cli_opts *o, const char *const argv[], struct scmi_agent *agent,
	       bool request)
{
	enum scmi_pinctrl_type t = SCMI_PINCTRL_PIN;
	struct scmi_pinctrl pc;
	struct cli_json j;
	uint32_t id;
	int ret;

	parse_type(argv[0], false, false, &t);
	ret = open_pc(agent, &pc);
	if (!ret)
		ret = elem_id(o, &pc, t, "ID", argv[1], &id);
	if (ret)
		return ret;
	ret = request ? scmi_pinctrl_request(&pc, t, id) : scmi_pinctrl_release(&pc, t, id);
	if (ret)
		return cli_fail(ret, "pinctrl %s %u: %s", type_words[t], id,
				request ? "request" : "release");
	if (o->json) {
		cli_json_init(&j, stdout);
		cli_json_begin_object(&j);
		cli_json_kv_str(&j, "type", type_words[t]);
		cli_json_kv_u64(&j, "id", id);
		cli_json_kv_str(&j, "action", request ? "request" : "release");
		return cli_json_end_item(&j);
	}
	printf("%s %u: %s\n", type_words[t], id, request ? "requested" : "released");
	return CLI_EXIT_OK;
}

static int request_run(const struct cli_opts *o, int argc, const char *const argv[],
		       struct scmi_agent *agent)
{
	(void)argc;
	return own(o, argv, agent, true);
}

static int release_run(const struct cli_opts *o, int argc, const char *const argv[],
		       struct scmi_agent *agent)
{
	(void)argc;
	return own(o, argv, agent, false);
}

/* One "function=FUNC" or "config=TYPE:VALUE" word; FUNC by name needs the platform (@pc). */
static int set_word(const struct cli_opts *o, const char *w, const struct scmi_pinctrl *pc,
		    uint32_t *fn, struct scmi_pinctrl_config *cfg, size_t *n)
{
	char type[64];
	const char *colon;

	if (!strncmp(w, "function=", 9)) {
		if (!pc)
			return cli_arg_id(o, "FUNC",
					  w + 9); /* a name: resolved with the platform */
		return elem_id(o, pc, SCMI_PINCTRL_FUNCTION, "FUNC", w + 9, fn);
	}
	if (!strncmp(w, "config=", 7)) {
		colon = strchr(w + 7, ':');
		if (!colon || (size_t)(colon - (w + 7)) >= sizeof(type))
			return cli_usage_error(o, "%s: expected config=TYPE:VALUE", w);
		memcpy(type, w + 7, (size_t)(colon - (w + 7)));
		type[colon - (w + 7)] = '\0';
		if (*n >= MAX_SET_CONFIGS)
			return cli_usage_error(o, "at most %d configs", MAX_SET_CONFIGS);
		if (conf_parse(type, &cfg[*n].type))
			return cli_usage_error(o, "%s: unknown config type '%s'", w, type);
		if (cli_parse_u32(colon + 1, &cfg[*n].value))
			return cli_usage_error(o, "%s: VALUE must be a number", w);
		(*n)++;
		return 0;
	}
	return cli_usage_error(o, "'%s': expected function=FUNC or config=TYPE:VALUE", w);
}

static int set_check(const struct cli_opts *o, int argc, const char *const argv[])
{
	struct scmi_pinctrl_config cfg[MAX_SET_CONFIGS];
	uint32_t fn = SCMI_PINCTRL_NO_FUNCTION;
	size_t n = 0;
	int i, ret = elem_check(o, argv, false);

	for (i = 2; !ret && i < argc; i++)
		ret = set_word(o, argv[i], NULL, &fn, cfg, &n);
	return ret;
}

static int set_run(const struct cli_opts *o, int argc, const char *const argv[],
		   struct scmi_agent *agent)
{
	char sb[CLI_SAFE_MAX];
	struct scmi_pinctrl_config cfg[MAX_SET_CONFIGS];
	enum scmi_pinctrl_type t = SCMI_PINCTRL_PIN;
	uint32_t fn = SCMI_PINCTRL_NO_FUNCTION, id;
	struct scmi_pinctrl pc;
	size_t n = 0;
	int i, ret;

	parse_type(argv[0], false, false, &t);
	ret = open_pc(agent, &pc);
	if (!ret)
		ret = elem_id(o, &pc, t, "ID", argv[1], &id);
	if (ret)
		return ret;
	for (i = 2; i < argc; i++) {
		ret = set_word(o, argv[i], &pc, &fn, cfg, &n);
		if (ret)
			return ret;
	}
	ret = scmi_pinctrl_settings_configure(&pc, t, id, fn, cfg, n);
	if (ret)
		return cli_fail(ret, "pinctrl %s %u: configure", type_words[t], id);
	if (o->json)
		return show_run(o, 2, argv, agent);
	/* One line: what was done. `show` has the whole state. */
	printf("%s %u: ", type_words[t], id);
	if (fn != SCMI_PINCTRL_NO_FUNCTION) {
		char name[SCMI_EXT_NAME_SIZE + 1] = "?";

		if (scmi_pinctrl_name(&pc, SCMI_PINCTRL_FUNCTION, fn, name))
			snprintf(name, sizeof(name), "?");
		printf("function %s (%u)%s", cli_safe(sb, sizeof(sb), name), fn, n ? ", " : "");
	}
	for (size_t k = 0; k < n; k++) {
		char b[32];

		printf("%s%s=%u", k ? " " : "", conf_name(cfg[k].type, b, sizeof(b)), cfg[k].value);
	}
	printf(" set\n");
	return CLI_EXIT_OK;
}

static const struct cli_verb verbs[] = {
    {"list", "pins|groups|functions", "list pins, groups or functions", 1, 1, NULL, list_check,
     list_run},
    {"show", "pin|group|function ID", "one element: associations, function, configs, who holds it",
     2, 2, NULL, show_check, show_run},
    {"request", "pin|group ID", "take a pin or group for this agent (IN_USE if another has it)", 2,
     2, NULL, own_check, request_run},
    {"release", "pin|group ID", "give a pin or group back", 2, 2, NULL, own_check, release_run},
    {"set", "pin|group ID function=FUNC|config=TYPE:VALUE...",
     "mux and configure (e.g. function=uart0 config=bias-pull-up:1)", 3, -1, NULL, set_check,
     set_run},
    {0},
};

const struct cli_command cli_cmd_pinctrl = {
    .name = "pinctrl",
    .summary = "pin control: list pins/groups/functions, show, request/release, set",
    .needs_agent = true,
    .verbs = verbs,
    .details = "ID and FUNC are ids or names as `scmi pinctrl list pins|groups|functions` shows\n"
	       "them. TYPE is a config name (bias-pull-up, drive-strength, slew-rate, ...) or a\n"
	       "number (192..255 OEM); VALUE a number. SCMI does not say which agent holds an\n"
	       "element: `show` tells \"another agent\" from \"free or this agent\".\n"
	       "\n"
	       "Examples:\n"
	       "  scmi pinctrl request group uart0_grp\n"
	       "  scmi pinctrl set pin PA0 function=uart0 config=bias-pull-up:1\n"
	       "  scmi pinctrl show group mmc0_clk_cmd_data8\n",
};
