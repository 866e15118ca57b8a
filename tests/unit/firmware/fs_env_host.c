// SPDX-License-Identifier: BSD-3-Clause
/*
 * The host of the simulated platform's freestanding environment, for the
 * platform's own tests built against it (CMakeLists.txt): a static arena
 * where the firmware has secure RAM, CLOCK_MONOTONIC where it has the
 * generic timer, stderr where it has its console. Linked into each test as
 * an object: the constructor hands the arena over before main(), and at exit
 * every block must be back, the arena's leak check (LeakSanitizer does not
 * see inside it).
 */
#include <stdint.h>
#include <stdio.h>
#include <time.h>
#include <unistd.h>

#include "platform/sim/sim_env.h"

static uint8_t arena[32u << 20] __attribute__((aligned(16)));

static uint64_t host_now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

static void host_log(const char *line)
{
	fprintf(stderr, "%s\n", line);
}

__attribute__((constructor)) static void fs_env_host_setup(void)
{
	const struct sim_env_fs env = {
	    .arena = arena,
	    .arena_size = sizeof(arena),
	    .now_ns = host_now_ns,
	    .log = host_log,
	};

	sim_env_fs_setup(&env);
}

__attribute__((destructor)) static void fs_env_host_check(void)
{
	struct sim_env_fs_stats st;

	sim_env_fs_stats(&st);
	fprintf(stderr, "freestanding arena: peak %zu of %zu bytes, %zu blocks left\n", st.peak,
		st.arena_size, st.blocks);
	if (st.blocks || st.in_use) {
		fprintf(stderr, "freestanding arena: %zu bytes in %zu blocks never freed\n",
			st.in_use, st.blocks);
		_exit(1);
	}
}
