// SPDX-License-Identifier: BSD-3-Clause
/*
 * sim_model_check PLATFORM.dtb: the platform's arithmetic on fixed inputs
 * (firmware/core/model_check.c), on the host, printed as the firmware prints
 * it at boot ("model: ..." lines, then the digest). Built against both the
 * hosted and the freestanding environment; make test-linux-optee compares its
 * output with the firmware's console, ctest the two host builds with each
 * other.
 */
#include <stdio.h>

#include "fw/model_check.h"
#include "platform/sim/sim_platform.h"

static void print_line(void *ctx, const char *line)
{
	(void)ctx;
	printf("%s\n", line);
}

int main(int argc, char **argv)
{
	struct fw_model_digest d;
	struct sim_platform *p;
	char err[256];
	int ret;

	if (argc != 2) {
		fprintf(stderr, "usage: %s PLATFORM.dtb\n", argv[0]);
		return 2;
	}
	ret = sim_platform_load_file(argv[1], &p, err, sizeof(err));
	if (ret) {
		fprintf(stderr, "%s: %s\n", argv[1], err);
		return 1;
	}
	ret = fw_model_check(p, &d, print_line, NULL);
	if (!ret)
		printf("model check: %u steps, %u readings, fnv %llx\n", d.steps, d.readings,
		       (unsigned long long)d.fnv);
	sim_platform_free(p);
	return ret ? 1 : 0;
}
