// SPDX-License-Identifier: BSD-3-Clause
/*
 * `scmi system`: the system power state. `get` prints it with the optional
 * states the platform supports; `set` asks for shutdown, cold-reset,
 * warm-reset, power-up or suspend, gracefully unless --forceful. Only agents
 * the platform allows may set it (others get DENIED).
 */
#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "cli.h"
#include "command.h"
#include "json.h"
#include "output.h"
#include "scmi/system.h"

static int open_system(struct scmi_agent *agent, struct scmi_system *sys)
{
	int ret = scmi_system_open(agent, sys);

	return ret ? cli_fail(ret, "system: protocol") : CLI_EXIT_OK;
}

static int set_check(const struct cli_opts *o, int argc, const char *const argv[])
{
	uint32_t state;

	(void)argc;
	if (scmi_system_state_parse(argv[0], &state))
		return cli_usage_error(o,
				       "STATE: '%s' is not shutdown, cold-reset, warm-reset, "
				       "power-up or suspend",
				       argv[0]);
	return CLI_EXIT_OK;
}

static int show(const struct cli_opts *o, struct scmi_system *sys)
{
	bool warm = false, suspend = false;
	struct cli_json j;
	uint32_t state;
	char v[16];
	int ret;

	ret = scmi_system_state_get(sys, &state);
	if (ret)
		return cli_fail(ret, "system: state");
	ret = scmi_system_capabilities(sys, &warm, &suspend);
	if (ret)
		return cli_fail(ret, "system: capabilities");
	cli_version_string(sys->version, v, sizeof(v));
	if (o->json) {
		cli_json_init(&j, stdout);
		cli_json_begin_object(&j);
		cli_json_kv_u64(&j, "state", state);
		cli_json_kv_str(&j, "state_name", scmi_system_state_name(state));
		cli_json_kv_bool(&j, "warm_reset_supported", warm);
		cli_json_kv_bool(&j, "suspend_supported", suspend);
		cli_json_kv_str(&j, "version", v);
		return cli_json_end_item(&j);
	}
	printf("system: %s\n", scmi_system_state_name(state));
	printf("warm reset: %s, suspend: %s (protocol %s)\n", warm ? "supported" : "not supported",
	       suspend ? "supported" : "not supported", v);
	return CLI_EXIT_OK;
}

static int get_run(const struct cli_opts *o, int argc, const char *const argv[],
		   struct scmi_agent *agent)
{
	struct scmi_system sys;
	int ret;

	(void)argc;
	(void)argv;
	ret = open_system(agent, &sys);
	return ret ? ret : show(o, &sys);
}

static int set_run(const struct cli_opts *o, int argc, const char *const argv[],
		   struct scmi_agent *agent)
{
	bool graceful = cli_opt(o, "--forceful") == NULL;
	struct scmi_system sys;
	uint32_t state;
	int ret;

	(void)argc;
	scmi_system_state_parse(argv[0], &state);
	ret = open_system(agent, &sys);
	if (ret)
		return ret;
	ret = scmi_system_state_set(&sys, state, graceful);
	if (ret)
		return cli_fail(ret, "system: %s %s", graceful ? "graceful" : "forceful", argv[0]);
	if (!o->json)
		printf("system: %s %s requested\n", graceful ? "graceful" : "forceful", argv[0]);
	return show(o, &sys);
}

static const struct cli_option options[] = {
    {"--forceful", NULL, "forceful rather than graceful (set)"},
    {0},
};

static const char *const set_options[] = {"--forceful", NULL};

static const struct cli_verb verbs[] = {
    {"get", "", "the system power state and the optional states supported", 0, 0, NULL, NULL,
     get_run},
    {"set", "STATE", "shutdown, cold-reset, warm-reset, power-up or suspend", 1, 1, set_options,
     set_check, set_run},
    {0},
};

const struct cli_command cli_cmd_system = {
    .name = "system",
    .summary = "system power: state get/set (shutdown, reset, suspend)",
    .needs_agent = true,
    .options = options,
    .verbs = verbs,
};
