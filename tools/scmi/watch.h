/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Repeating a sample until a count or Ctrl-C (watch.c). A command that watches
 * declares CLI_WATCH_OPTIONS among its options (and lists "--interval",
 * "--count" in the verb's options), then:
 *
 *	struct cli_watch w;
 *	int ret = cli_watch_init(&w, o, 1000000);
 *
 *	if (ret)
 *		return ret;
 *	while (cli_watch_next(&w)) {
 *		read and print one sample (fflush(stdout));
 *	}
 *	return CLI_EXIT_OK;
 *
 * SIGINT during the wait (or during a sample) ends the loop and the command
 * exits 0; the sample in progress completes first.
 */
#ifndef SCMI_TOOLS_WATCH_H
#define SCMI_TOOLS_WATCH_H

#include <stdbool.h>
#include <stdint.h>

#include "cli.h"

#define CLI_WATCH_OPTIONS                                                                          \
	{"--interval", "TIME", "time between samples, e.g. 10ms, 1s (default 1s)"},                \
	{                                                                                          \
		"--count", "N", "stop after N samples (default: until Ctrl-C)"                     \
	}

/**
 * struct cli_watch - a sampling loop.
 * @interval_us: time between samples
 * @count:       samples to take, 0 for no limit
 * @done:        samples started so far
 */
struct cli_watch {
	uint64_t interval_us;
	uint64_t count;
	uint64_t done;
};

/**
 * cli_watch_check() - check --interval and --count of @o as cli_watch_init() reads
 * them, for a verb's check hook (before any platform). Returns 0 or CLI_EXIT_USAGE.
 */
int cli_watch_check(const struct cli_opts *o);

/**
 * cli_watch_init() - read --interval (default @default_us) and --count from @o,
 * and catch SIGINT. Returns 0 or CLI_EXIT_USAGE (error printed).
 */
int cli_watch_init(struct cli_watch *w, const struct cli_opts *o, uint64_t default_us);

/**
 * cli_watch_next() - true when the next sample is due: at once for the first,
 * after the interval for the others; false when --count samples were taken or
 * SIGINT came.
 */
bool cli_watch_next(struct cli_watch *w);

/**
 * cli_sleep() - sleep @us microseconds unless SIGINT comes (or came since
 * cli_watch_init()). Returns 0, or -EINTR when interrupted.
 */
int cli_sleep(uint64_t us);

/** cli_interrupted() - SIGINT came since cli_watch_init(). */
bool cli_interrupted(void);

#endif /* SCMI_TOOLS_WATCH_H */
