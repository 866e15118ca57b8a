// SPDX-License-Identifier: BSD-3-Clause
/* Sampling loops: --interval/--count parsing, the count bound, the interval, SIGINT ends it. */
#include <errno.h>
#include <pthread.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <cmocka.h>

#include "cli.h"
#include "args.h"
#include "watch.h"

static const struct cli_option opts[] = {CLI_WATCH_OPTIONS, {NULL, NULL, NULL}};
static const struct cli_command fake_sensor = {.name = "sensor", .options = opts};
static const struct cli_command *const table[] = {&fake_sensor, NULL};

static void parse(struct cli_opts *o, const char *interval, const char *count)
{
	char *argv[8] = {"scmi", "sensor", "watch"};
	int argc = 3;
	char err[256];

	if (interval) {
		argv[argc++] = "--interval";
		argv[argc++] = (char *)interval;
	}
	if (count) {
		argv[argc++] = "--count";
		argv[argc++] = (char *)count;
	}
	assert_int_equal(cli_parse_args(argc, argv, table, o, err, sizeof(err)), 0);
}

static uint64_t now_us(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000 + (uint64_t)ts.tv_nsec / 1000;
}

static void test_options(void **state)
{
	struct cli_watch w;
	struct cli_opts o;

	(void)state;
	parse(&o, NULL, NULL);
	assert_int_equal(cli_watch_init(&w, &o, 1000000), 0);
	assert_int_equal(w.interval_us, 1000000);
	assert_int_equal(w.count, 0);
	parse(&o, "10ms", "3");
	assert_int_equal(cli_watch_init(&w, &o, 1000000), 0);
	assert_int_equal(w.interval_us, 10000);
	assert_int_equal(w.count, 3);
	/* Usage errors (their text goes to stderr). */
	parse(&o, "0ms", NULL);
	assert_int_equal(cli_watch_init(&w, &o, 1000000), CLI_EXIT_USAGE);
	parse(&o, "10 parsecs", NULL);
	assert_int_equal(cli_watch_init(&w, &o, 1000000), CLI_EXIT_USAGE);
	parse(&o, NULL, "0");
	assert_int_equal(cli_watch_init(&w, &o, 1000000), CLI_EXIT_USAGE);
	parse(&o, NULL, "-1");
	assert_int_equal(cli_watch_init(&w, &o, 1000000), CLI_EXIT_USAGE);
	parse(&o, NULL, "many");
	assert_int_equal(cli_watch_init(&w, &o, 1000000), CLI_EXIT_USAGE);
}

static void test_count_and_interval(void **state)
{
	struct cli_watch w;
	struct cli_opts o;
	uint64_t t0, dt;
	int n = 0;

	(void)state;
	parse(&o, "10ms", "3");
	assert_int_equal(cli_watch_init(&w, &o, 1000000), 0);
	t0 = now_us();
	while (cli_watch_next(&w))
		n++;
	dt = now_us() - t0;
	assert_int_equal(n, 3);
	/* First sample at once, then two intervals. */
	assert_true(dt >= 20000);
	assert_true(dt < 2000000);
	assert_false(cli_watch_next(&w));
}

static void *send_sigint(void *arg)
{
	sigset_t set;

	(void)arg;
	/* Leave the signal to the main thread, which is the one waiting. */
	sigemptyset(&set);
	sigaddset(&set, SIGINT);
	pthread_sigmask(SIG_BLOCK, &set, NULL);
	usleep(50000);
	kill(getpid(), SIGINT);
	return NULL;
}

static void test_sigint_ends_the_loop(void **state)
{
	struct cli_watch w;
	struct cli_opts o;
	pthread_t th;
	uint64_t t0, dt;
	int n = 0;

	(void)state;
	parse(&o, "10s", NULL);
	assert_int_equal(cli_watch_init(&w, &o, 1000000), 0);
	assert_false(cli_interrupted());
	assert_int_equal(pthread_create(&th, NULL, send_sigint, NULL), 0);
	t0 = now_us();
	while (cli_watch_next(&w))
		n++;
	dt = now_us() - t0;
	pthread_join(th, NULL);
	/* One sample, then the 10 s wait was cut short. */
	assert_int_equal(n, 1);
	assert_true(cli_interrupted());
	assert_true(dt < 5000000);
	assert_int_equal(cli_sleep(1000000), -EINTR);
	/* A fresh loop starts uninterrupted. */
	parse(&o, "1ms", "2");
	assert_int_equal(cli_watch_init(&w, &o, 1000000), 0);
	assert_false(cli_interrupted());
	assert_int_equal(cli_sleep(1000), 0);
}

/* A SIGINT that came before the wait (during a sample) is not lost. */
static void test_sigint_before_wait(void **state)
{
	struct cli_watch w;
	struct cli_opts o;
	uint64_t t0;

	(void)state;
	parse(&o, "10s", NULL);
	assert_int_equal(cli_watch_init(&w, &o, 1000000), 0);
	assert_true(cli_watch_next(&w));
	assert_int_equal(raise(SIGINT), 0);
	t0 = now_us();
	assert_false(cli_watch_next(&w));
	assert_true(now_us() - t0 < 1000000);
	assert_int_equal(w.done, 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_options),
	    cmocka_unit_test(test_count_and_interval),
	    cmocka_unit_test(test_sigint_ends_the_loop),
	    cmocka_unit_test(test_sigint_before_wait),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
