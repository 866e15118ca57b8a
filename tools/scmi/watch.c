// SPDX-License-Identifier: BSD-3-Clause
/*
 * Sampling loops that end cleanly on Ctrl-C. SIGINT only sets a flag (with
 * SA_RESTART, so a transfer in flight completes); the wait between samples is
 * a pselect() with SIGINT blocked until the call itself, so a signal that comes
 * just before the wait cannot be missed and sleep through a long interval.
 */
#include <errno.h>
#include <signal.h>
#include <stdbool.h>
#include <stdint.h>
#include <string.h>
#include <sys/select.h>
#include <time.h>

#include "cli.h"
#include "command.h"
#include "output.h"
#include "watch.h"

static volatile sig_atomic_t interrupted;

static void on_sigint(int sig)
{
	(void)sig;
	interrupted = 1;
}

bool cli_interrupted(void)
{
	return interrupted != 0;
}

static int catch_sigint(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_sigint;
	sa.sa_flags = SA_RESTART;
	sigemptyset(&sa.sa_mask);
	return sigaction(SIGINT, &sa, NULL) ? -errno : 0;
}

static void now(struct timespec *ts)
{
	clock_gettime(CLOCK_MONOTONIC, ts);
}

/* @end - now, or false if @end has passed. */
static bool remaining(const struct timespec *end, struct timespec *left)
{
	struct timespec t;

	now(&t);
	left->tv_sec = end->tv_sec - t.tv_sec;
	left->tv_nsec = end->tv_nsec - t.tv_nsec;
	if (left->tv_nsec < 0) {
		left->tv_nsec += 1000000000L;
		left->tv_sec--;
	}
	return left->tv_sec > 0 || (left->tv_sec == 0 && left->tv_nsec > 0);
}

int cli_sleep(uint64_t us)
{
	struct timespec end, left;
	sigset_t block, old;
	int ret = 0;

	now(&end);
	end.tv_sec += (time_t)(us / 1000000);
	end.tv_nsec += (long)(us % 1000000) * 1000;
	if (end.tv_nsec >= 1000000000L) {
		end.tv_nsec -= 1000000000L;
		end.tv_sec++;
	}
	sigemptyset(&block);
	sigaddset(&block, SIGINT);
	sigprocmask(SIG_BLOCK, &block, &old);
	/* pselect() may also return early for another signal: wait out the rest. */
	while (!interrupted && remaining(&end, &left))
		pselect(0, NULL, NULL, NULL, &left, &old);
	if (interrupted)
		ret = -EINTR;
	sigprocmask(SIG_SETMASK, &old, NULL);
	return ret;
}

static int watch_parse(struct cli_watch *w, const struct cli_opts *o, uint64_t default_us);

int cli_watch_check(const struct cli_opts *o)
{
	struct cli_watch w;

	return watch_parse(&w, o, 1);
}

int cli_watch_init(struct cli_watch *w, const struct cli_opts *o, uint64_t default_us)
{
	int ret = watch_parse(w, o, default_us);

	if (ret)
		return ret;
	interrupted = 0;
	if (catch_sigint()) {
		cli_error("cannot catch SIGINT: %s", strerror(errno));
		return CLI_EXIT_SCMI;
	}
	return CLI_EXIT_OK;
}

static int watch_parse(struct cli_watch *w, const struct cli_opts *o, uint64_t default_us)
{
	const char *interval = cli_opt(o, "--interval");
	const char *count = cli_opt(o, "--count");
	int ret;

	memset(w, 0, sizeof(*w));
	w->interval_us = default_us;
	if (interval) {
		ret = cli_arg_duration(o, "--interval", interval, &w->interval_us);
		if (ret)
			return ret;
		if (!w->interval_us)
			return cli_usage_error(o, "--interval must be longer than 0");
	}
	if (count) {
		uint32_t n;

		ret = cli_arg_u32(o, "--count", count, &n);
		if (ret)
			return ret;
		if (!n)
			return cli_usage_error(o, "--count must be at least 1");
		w->count = n;
	}
	return CLI_EXIT_OK;
}

bool cli_watch_next(struct cli_watch *w)
{
	if (interrupted || (w->count && w->done >= w->count))
		return false;
	if (w->done && cli_sleep(w->interval_us))
		return false;
	w->done++;
	return true;
}
