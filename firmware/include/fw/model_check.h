/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The simulated platform's arithmetic, run on fixed inputs: the thermal
 * model (double, its own exponential series), the currents it derives
 * (power / voltage, rounded) and the sensor-interval rounding, driven
 * through the platform's server ops on a platform in virtual time. The
 * firmware runs it at boot, on a platform instance of its own, and prints
 * the digest on its console; the host runs the same code against the hosted
 * build (tests/unit/firmware/sim_model_check.c), and make test-linux-optee
 * compares the two: the firmware (AArch64, FP at EL3) and the host must give
 * the same readings for the same inputs. Host-buildable, freestanding.
 */
#ifndef FW_MODEL_CHECK_H
#define FW_MODEL_CHECK_H

#include <stdint.h>

struct sim_platform;

/**
 * struct fw_model_digest - what one run gave.
 * @steps:    time steps taken
 * @readings: sensor values read
 * @fnv:      FNV-1a 64 over every value, in order (and the exponential series' bits)
 */
struct fw_model_digest {
	uint32_t steps;
	uint32_t readings;
	uint64_t fnv;
};

/**
 * fw_model_check() - run the fixed schedule on @p (switched to virtual time; its state is
 * changed for good: use an instance of its own) as agent 1, calling @line (if not NULL)
 * with one line per step. Returns 0, or -1 if the platform lacks sensors or perf domains
 * or was loaded more than 10 s (the check's start, in virtual time) before.
 */
int fw_model_check(struct sim_platform *p, struct fw_model_digest *d,
		   void (*line)(void *ctx, const char *text), void *ctx);

#endif /* FW_MODEL_CHECK_H */
