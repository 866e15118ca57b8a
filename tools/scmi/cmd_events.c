// SPDX-License-Identifier: BSD-3-Clause
/*
 * `scmi events`: print the notifications the platform sends this agent, one a
 * line, until --count came, --wait passed, or Ctrl-C. Only a transport with a
 * platform-to-agent path has them: linux-raw, where the kernel forwards every
 * notification it receives (those its own drivers subscribed to as well).
 * Subscribing is the protocol's NOTIFY command, e.g. with `scmi raw`.
 */
#include <errno.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "cli.h"
#include "args.h"
#include "command.h"
#include "json.h"
#include "output.h"
#include "watch.h"
#include "scmi/proto/endian.h"

/* How long one wait lasts at most, so that Ctrl-C is seen soon. */
#define EVENTS_SLICE_MS 200u

static const struct {
	uint8_t protocol;
	uint8_t msg;
	const char *name;
} event_names[] = {
    {SCMI_PROTOCOL_BASE, 0x0, "BASE_ERROR_EVENT"},
    {SCMI_PROTOCOL_POWER, 0x0, "POWER_STATE_CHANGED"},
    {SCMI_PROTOCOL_POWER, 0x1, "POWER_STATE_CHANGE_REQUESTED"},
    {SCMI_PROTOCOL_SYSTEM, 0x0, "SYSTEM_POWER_STATE_NOTIFIER"},
    {SCMI_PROTOCOL_PERF, 0x0, "PERFORMANCE_LIMITS_CHANGED"},
    {SCMI_PROTOCOL_PERF, 0x1, "PERFORMANCE_LEVEL_CHANGED"},
    {SCMI_PROTOCOL_CLOCK, 0x0, "CLOCK_RATE_CHANGED"},
    {SCMI_PROTOCOL_CLOCK, 0x1, "CLOCK_RATE_CHANGE_REQUESTED"},
    {SCMI_PROTOCOL_SENSOR, 0x0, "SENSOR_TRIP_POINT_EVENT"},
    {SCMI_PROTOCOL_SENSOR, 0x1, "SENSOR_UPDATE"},
    {SCMI_PROTOCOL_RESET, 0x0, "RESET_ISSUED"},
    {SCMI_PROTOCOL_POWERCAP, 0x0, "POWERCAP_CAP_CHANGED"},
    {SCMI_PROTOCOL_POWERCAP, 0x1, "POWERCAP_MEASUREMENTS_CHANGED"},
};

static const char *event_name(uint8_t protocol, uint8_t msg)
{
	for (size_t i = 0; i < sizeof(event_names) / sizeof(event_names[0]); i++) {
		if (event_names[i].protocol == protocol && event_names[i].msg == msg)
			return event_names[i].name;
	}
	return "unknown";
}

static uint64_t now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000u + (uint64_t)ts.tv_nsec / 1000000u;
}

static void print_event(const struct cli_opts *o, const struct scmi_notification *n)
{
	const uint8_t *p = n->payload;
	size_t words = n->len / 4;

	if (o->json) {
		struct cli_json j;

		cli_json_init(&j, stdout);
		cli_json_begin_object(&j);
		cli_json_kv_u64(&j, "protocol", n->protocol_id);
		cli_json_kv_str(&j, "protocol_name", cli_proto_name(n->protocol_id));
		cli_json_kv_u64(&j, "message", n->msg_id);
		cli_json_kv_str(&j, "event", event_name(n->protocol_id, n->msg_id));
		cli_json_kv_array(&j, "words");
		for (size_t i = 0; i < words; i++)
			cli_json_u64(&j, scmi_get_le32(p + 4 * i));
		cli_json_end_array(&j);
		cli_json_kv_u64(&j, "length", n->full_len);
		cli_json_end_object(&j);
		(void)cli_json_exit(&j);
		return;
	}
	printf("%s 0x%02x %s:", cli_proto_name(n->protocol_id), n->msg_id,
	       event_name(n->protocol_id, n->msg_id));
	for (size_t i = 0; i < words; i++)
		printf(" %u", scmi_get_le32(p + 4 * i));
	if (n->full_len > n->len)
		printf(" (%zu of %zu bytes)", n->len, n->full_len);
	putchar('\n');
}

static int events_check(const struct cli_opts *o, int argc, const char *const argv[])
{
	const char *wait = cli_opt(o, "--wait");
	const char *count = cli_opt(o, "--count");
	uint64_t us;
	uint32_t n;
	int ret;

	(void)argv;
	if (argc)
		return cli_usage_error(o, "events takes no arguments");
	if (wait) {
		ret = cli_arg_duration(o, "--wait", wait, &us);
		if (ret)
			return ret;
	}
	if (count) {
		ret = cli_arg_u32(o, "--count", count, &n);
		if (ret)
			return ret;
		if (!n)
			return cli_usage_error(o, "--count must be at least 1");
	}
	return CLI_EXIT_OK;
}

static int events_run(const struct cli_opts *o, int argc, const char *const argv[],
		      struct scmi_agent *agent)
{
	const char *wait = cli_opt(o, "--wait");
	struct scmi_notification n = {0};
	uint64_t deadline = 0, wait_us = 0;
	struct cli_watch w;
	uint32_t got = 0;
	int ret;

	(void)argc;
	(void)argv;
	/* --count and Ctrl-C as a watch loop has them. */
	ret = cli_watch_init(&w, o, 1000000);
	if (ret)
		return ret;
	if (wait) {
		cli_arg_duration(o, "--wait", wait, &wait_us);
		deadline = now_ms() + wait_us / 1000u;
	}
	n.max = scmi_agent_max_msg_size(agent);
	n.payload = calloc(1, n.max ? n.max : 1);
	if (!n.payload)
		return cli_fail(-ENOMEM, "events");
	while (!cli_interrupted() && (!w.count || got < w.count)) {
		uint32_t slice = EVENTS_SLICE_MS;
		uint64_t t = now_ms();

		if (deadline) {
			if (t >= deadline)
				break;
			if (deadline - t < slice)
				slice = (uint32_t)(deadline - t);
		}
		ret = scmi_notification_wait(agent, slice, &n);
		if (ret == -ETIMEDOUT)
			continue;
		if (ret == -EOPNOTSUPP) {
			free(n.payload);
			cli_error("events: the transport has no platform-to-agent path; "
				  "notifications need linux-raw (a board's kernel)");
			return CLI_EXIT_SCMI;
		}
		if (ret) {
			free(n.payload);
			return cli_fail(ret, "events");
		}
		print_event(o, &n);
		got++;
		if (fflush(stdout) == EOF) {
			free(n.payload);
			return cli_fail(-EIO, "events: writing");
		}
	}
	free(n.payload);
	if (w.count && got < w.count && !cli_interrupted()) {
		cli_error("events: %u of %llu notification%s within --wait", got,
			  (unsigned long long)w.count, w.count == 1 ? "" : "s");
		return CLI_EXIT_SCMI;
	}
	return CLI_EXIT_OK;
}

static void events_usage(FILE *f)
{
	fputs("usage: scmi [global options] events [--count N] [--wait TIME]\n\n"
	      "Print the notifications the platform sends this agent, one a line: protocol,\n"
	      "notification id and name, then the payload as little-endian 32-bit words.\n"
	      "Only linux-raw has them: the kernel forwards every notification it receives,\n"
	      "those its own drivers asked for too. Subscribe with the protocol's NOTIFY\n"
	      "command; they queue in the kernel until read.\n"
	      "\nexample: PERFORMANCE_LEVEL_CHANGED of perf domain 0\n"
	      "  scmi raw perf 0xa 00000000 01000000   (PERF_NOTIFY_LEVEL, enable)\n"
	      "  scmi perf set 0 ...                   (from here or from elsewhere)\n"
	      "  scmi events --count 1 --wait 5s\n",
	      f);
}

static const struct cli_option options[] = {
    {"--count", "N", "stop after N notifications (default: until Ctrl-C or --wait)"},
    {"--wait", "TIME", "stop after TIME, e.g. 5s (exit 1 if --count did not come)"},
    {0},
};

const struct cli_command cli_cmd_events = {
    .name = "events",
    .summary = "print the notifications the platform sends (linux-raw)",
    .usage = events_usage,
    .needs_agent = true,
    .options = options,
    .check = events_check,
    .run = events_run,
};
