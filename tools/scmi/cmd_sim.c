// SPDX-License-Identifier: BSD-3-Clause
/*
 * `scmi sim`: control of the simulated platform through the daemon's
 * sim-control pseudo-TA (include/scmi/proto/pta_simctl.h), not through SCMI, so no
 * agent is opened. `time` prints the platform time and whether it is
 * virtual; `advance DURATION` moves virtual time on (optee-simd
 * --virtual-time), which is how tests step sensors and other dynamics.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "command.h"
#include "json.h"
#include "output.h"
#include "units.h"
#include "scmi/tee_client.h"
#include "scmi/proto/pta_simctl.h"

/**
 * struct sim_session - an open session to the sim-control PTA.
 * @ctx:     TEE context on the daemon's socket
 * @session: session id
 */
struct sim_session {
	struct tee_context *ctx;
	uint32_t session;
};

static int sim_open(const struct cli_opts *o, struct sim_session *s)
{
	static const uint8_t uuid[TEE_UUID_SIZE] = PTA_SIMCTL_UUID_BYTES;
	struct tee_open_session_arg arg;
	char path[108];
	int ret;

	ret = tee_client_open_sim(o->socket_path, &s->ctx);
	if (ret) {
		if (o->socket_path)
			snprintf(path, sizeof(path), "%s", o->socket_path);
		else if (tee_client_default_socket(path, sizeof(path)))
			snprintf(path, sizeof(path), "the default socket");
		if (ret == -EACCES || ret == -EPERM)
			cli_error("cannot use %s: %s", path,
				  ret == -EPERM ? "the process listening there runs as another user"
						: "permission denied, or its directory is not ours "
						  "and private (0700)");
		else
			cli_error("TEE not reachable: no optee-simd at %s (start it, then retry)",
				  path);
		return CLI_EXIT_TRANSPORT;
	}
	tee_client_set_timeout(s->ctx, o->timeout_ms ? o->timeout_ms : TEE_DEFAULT_TIMEOUT_MS);
	memset(&arg, 0, sizeof(arg));
	memcpy(arg.uuid, uuid, sizeof(uuid));
	arg.clnt_login = TEE_LOGIN_REE_KERNEL;
	ret = tee_client_open_session(s->ctx, &arg, NULL, 0);
	if (ret || arg.ret != TEE_SUCCESS) {
		if (ret == -EPERM || (!ret && arg.ret == TEE_ERROR_ACCESS_DENIED))
			cli_error(
			    "sim-control: REE-kernel login refused: this client is not "
			    "trusted by the TEE (check optee-simd's --kernel-uid/--kernel-gid)");
		else if (ret)
			cli_error("sim-control: open session: %s", strerror(-ret));
		else
			cli_error("sim-control: no such PTA in this TEE (0x%08" PRIx32 ")",
				  arg.ret);
		tee_client_close_context(s->ctx);
		/* Like the SCMI PTA's: the platform's control cannot be reached (exit 3). */
		return CLI_EXIT_TRANSPORT;
	}
	s->session = arg.session;
	return CLI_EXIT_OK;
}

static void sim_close(struct sim_session *s)
{
	tee_client_close_session(s->ctx, s->session);
	tee_client_close_context(s->ctx);
}

/* GET_TIME into @us and @virt; an exit code. */
static int get_time(struct sim_session *s, uint64_t *us, bool *virt)
{
	struct tee_param p[TEE_NUM_PARAMS];
	struct tee_invoke_arg arg = {.func = PTA_SIMCTL_CMD_GET_TIME, .session = s->session};
	int ret;

	memset(p, 0, sizeof(p));
	p[0].attr = TEE_PARAM_TYPE_VALUE_OUTPUT;
	p[1].attr = TEE_PARAM_TYPE_VALUE_OUTPUT;
	ret = tee_client_invoke_func(s->ctx, &arg, p, 2);
	if (ret) {
		cli_error("sim-control: time: %s", strerror(-ret));
		return CLI_EXIT_TRANSPORT;
	}
	if (arg.ret != TEE_SUCCESS) {
		cli_error("sim-control: time: TEE error 0x%08" PRIx32, arg.ret);
		return CLI_EXIT_SCMI;
	}
	*us = (p[0].u.value.a & 0xffffffffu) | ((p[0].u.value.b & 0xffffffffu) << 32);
	*virt = p[1].u.value.a & 1u;
	return CLI_EXIT_OK;
}

static int print_time(const struct cli_opts *o, uint64_t us, bool virt)
{
	struct cli_json j;
	char b[CLI_FMT_MAX];

	if (o->json) {
		cli_json_init(&j, stdout);
		cli_json_begin_object(&j);
		cli_json_kv_u64(&j, "time_us", us);
		cli_json_kv_bool(&j, "virtual", virt);
		cli_json_end_object(&j);
		return cli_json_exit(&j);
	}
	printf("platform time: %s (%s)\n", cli_fmt_duration(b, sizeof(b), us),
	       virt ? "virtual" : "real");
	return CLI_EXIT_OK;
}

static int time_run(const struct cli_opts *o, int argc, const char *const argv[],
		    struct scmi_agent *agent)
{
	struct sim_session s;
	uint64_t us = 0;
	bool virt = false;
	int ret;

	(void)argc;
	(void)argv;
	(void)agent;
	ret = sim_open(o, &s);
	if (ret)
		return ret;
	ret = get_time(&s, &us, &virt);
	sim_close(&s);
	return ret ? ret : print_time(o, us, virt);
}

static int advance_check(const struct cli_opts *o, int argc, const char *const argv[])
{
	uint64_t us;

	(void)argc;
	return cli_arg_duration(o, "DURATION", argv[0], &us);
}

static int advance_run(const struct cli_opts *o, int argc, const char *const argv[],
		       struct scmi_agent *agent)
{
	struct tee_param p[TEE_NUM_PARAMS];
	struct tee_invoke_arg arg;
	struct sim_session s;
	uint64_t us, now = 0;
	bool virt = false;
	int ret;

	(void)argc;
	(void)agent;
	cli_parse_duration(argv[0], &us);
	ret = sim_open(o, &s);
	if (ret)
		return ret;
	memset(p, 0, sizeof(p));
	memset(&arg, 0, sizeof(arg));
	arg.func = PTA_SIMCTL_CMD_ADVANCE_TIME;
	arg.session = s.session;
	p[0].attr = TEE_PARAM_TYPE_VALUE_INPUT;
	p[0].u.value.a = us & 0xffffffffu;
	p[0].u.value.b = us >> 32;
	ret = tee_client_invoke_func(s.ctx, &arg, p, 1);
	if (ret) {
		cli_error("sim-control: advance: %s", strerror(-ret));
		ret = CLI_EXIT_TRANSPORT;
	} else if (arg.ret == TEE_ERROR_BAD_STATE) {
		cli_error("sim-control: advance: platform time is real (start optee-simd with "
			  "--virtual-time)");
		ret = CLI_EXIT_SCMI;
	} else if (arg.ret != TEE_SUCCESS) {
		cli_error("sim-control: advance: time would overflow (TEE error 0x%08" PRIx32 ")",
			  arg.ret);
		ret = CLI_EXIT_SCMI;
	} else {
		ret = get_time(&s, &now, &virt);
	}
	sim_close(&s);
	return ret ? ret : print_time(o, now, virt);
}

/* One VALUE_INPUT command of the PTA; an exit code. */
static int invoke_value(const struct cli_opts *o, uint32_t cmd, uint32_t a, uint32_t b,
			const char *what)
{
	struct tee_param p[TEE_NUM_PARAMS];
	struct tee_invoke_arg arg;
	struct sim_session s;
	int ret;

	ret = sim_open(o, &s);
	if (ret)
		return ret;
	memset(p, 0, sizeof(p));
	memset(&arg, 0, sizeof(arg));
	arg.func = cmd;
	arg.session = s.session;
	p[0].attr = TEE_PARAM_TYPE_VALUE_INPUT;
	p[0].u.value.a = a;
	p[0].u.value.b = b;
	ret = tee_client_invoke_func(s.ctx, &arg, p, 1);
	if (ret) {
		cli_error("sim-control: %s: %s", what, strerror(-ret));
		ret = CLI_EXIT_TRANSPORT;
	} else if (arg.ret == TEE_ERROR_NOT_SUPPORTED) {
		cli_error("sim-control: %s: the platform has no such model (or an older daemon)",
			  what);
		ret = CLI_EXIT_SCMI;
	} else if (arg.ret != TEE_SUCCESS) {
		cli_error("sim-control: %s: refused (TEE error 0x%08" PRIx32 ")", what, arg.ret);
		ret = CLI_EXIT_SCMI;
	}
	sim_close(&s);
	return ret;
}

/* `event` kinds: the system state the platform requests. */
static const struct {
	const char *name;
	uint32_t state;
} events[] = {
    {"shutdown", 0}, {"reboot", 1}, {"cold-reset", 1}, {"warm-reset", 2}, {"suspend", 4},
};

static int event_state(const char *name, uint32_t *state)
{
	for (size_t i = 0; i < sizeof(events) / sizeof(events[0]); i++) {
		if (!strcmp(name, events[i].name)) {
			*state = events[i].state;
			return 0;
		}
	}
	return -EINVAL;
}

static int event_check(const struct cli_opts *o, int argc, const char *const argv[])
{
	uint32_t state;

	(void)o;
	if (event_state(argv[0], &state)) {
		cli_error("EVENT '%s': shutdown, reboot, cold-reset, warm-reset or suspend",
			  argv[0]);
		return CLI_EXIT_USAGE;
	}
	if (argc > 1 && strcmp(argv[1], "graceful") != 0 && strcmp(argv[1], "forceful") != 0) {
		cli_error("MODE '%s': graceful (default) or forceful", argv[1]);
		return CLI_EXIT_USAGE;
	}
	return CLI_EXIT_OK;
}

static int event_run(const struct cli_opts *o, int argc, const char *const argv[],
		     struct scmi_agent *agent)
{
	bool graceful = argc < 2 || !strcmp(argv[1], "graceful");
	uint32_t state = 0;
	int ret;

	(void)agent;
	event_state(argv[0], &state);
	ret = invoke_value(o, PTA_SIMCTL_CMD_REQUEST_SYSTEM_STATE, state,
			   graceful ? PTA_SIMCTL_SYSTEM_GRACEFUL : 0, "event");
	if (ret)
		return ret;
	if (o->json) {
		struct cli_json j;

		cli_json_init(&j, stdout);
		cli_json_begin_object(&j);
		cli_json_kv_str(&j, "event", argv[0]);
		cli_json_kv_u64(&j, "state", state);
		cli_json_kv_bool(&j, "graceful", graceful);
		cli_json_end_object(&j);
		return cli_json_exit(&j);
	}
	printf("platform requested %s %s\n", graceful ? "graceful" : "forceful", argv[0]);
	return CLI_EXIT_OK;
}

/* Absolute zero, in millidegrees: no colder ambient exists. */
#define AMBIENT_MIN_MC (-273150)

static int ambient_check(const struct cli_opts *o, int argc, const char *const argv[])
{
	int32_t mc;
	int ret;

	(void)argc;
	ret = cli_arg_temp(o, "TEMP", argv[0], &mc);
	if (!ret && mc < AMBIENT_MIN_MC)
		return cli_usage_error(o, "TEMP '%s' is below absolute zero (-273.15 °C)", argv[0]);
	return ret;
}

static int ambient_run(const struct cli_opts *o, int argc, const char *const argv[],
		       struct scmi_agent *agent)
{
	char b[CLI_FMT_MAX];
	int32_t mc = 0;
	int ret;

	(void)argc;
	(void)agent;
	cli_parse_temp(argv[0], &mc);
	ret = invoke_value(o, PTA_SIMCTL_CMD_SET_AMBIENT, (uint32_t)mc, 0, "ambient");
	if (ret)
		return ret;
	if (o->json) {
		struct cli_json j;

		cli_json_init(&j, stdout);
		cli_json_begin_object(&j);
		cli_json_kv_i64(&j, "ambient_mc", mc);
		cli_json_end_object(&j);
		return cli_json_exit(&j);
	}
	printf("ambient temperature: %s\n", cli_fmt_temp(b, sizeof(b), mc));
	return CLI_EXIT_OK;
}

static const struct cli_verb verbs[] = {
    {"time", "", "the platform time and whether it is virtual", 0, 0, NULL, NULL, time_run},
    {"advance", "DURATION", "advance virtual time (e.g. 500ms, 2s)", 1, 1, NULL, advance_check,
     advance_run},
    {"event", "EVENT [graceful|forceful]",
     "the platform requests shutdown, reboot, warm-reset or suspend (notifies subscribers)", 1, 2,
     NULL, event_check, event_run},
    {"ambient", "TEMP", "set the ambient temperature thermal sensors settle towards (e.g. 40C)", 1,
     1, NULL, ambient_check, ambient_run},
    {0},
};

const struct cli_command cli_cmd_sim = {
    .name = "sim",
    .summary = "simulated platform control: virtual time, platform events",
    .needs_agent = false,
    .verbs = verbs,
};
