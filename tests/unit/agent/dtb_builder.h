/* SPDX-License-Identifier: BSD-3-Clause */
/* Agent DTBs for tests, built with libfdt's sequential-write API. */
#ifndef SCMI_TEST_DTB_BUILDER_H
#define SCMI_TEST_DTB_BUILDER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/**
 * struct tdt_proto - a protocol@NN child.
 * @reg:       its reg (written unless @no_reg)
 * @no_reg:    omit reg
 * @chan:      own linaro,optee-channel-id if @has_chan
 * @shmem:     phandle of its shmem (0: none)
 */
struct tdt_proto {
	uint32_t reg;
	bool no_reg;
	bool has_chan;
	uint32_t chan;
	uint32_t shmem;
};

/**
 * struct tdt - what the DT says. Two shmem nodes exist under /sram (phandles 1 and 2,
 * at @shm_addr[i] with @shm_size[i]); node 3 is a non-shmem node.
 * @compat:        the scmi node's compatible (NULL: "linaro,scmi-optee")
 * @no_chan:       omit linaro,optee-channel-id
 * @chan_len:      length of that property (0: 4)
 * @chan:          its value
 * @shmem:         the scmi node's shmem phandle (0: none)
 * @timeout:       arm,max-rx-timeout-ms if non-zero; @msg_size: arm,max-msg-size
 * @zero_timeout:  write arm,max-rx-timeout-ms = 0
 * @sram_ac/@sram_sc: /sram #address-cells/#size-cells (0: 1)
 * @shm_reg_len:   override the length of shmem 1's reg (0: full)
 * @protos:        protocol children; @nprotos how many
 */
struct tdt {
	const char *compat;
	bool no_chan;
	int chan_len;
	uint32_t chan;
	uint32_t shmem;
	uint32_t timeout;
	uint32_t msg_size;
	bool zero_timeout;
	int sram_ac, sram_sc;
	uint64_t shm_addr[2], shm_size[2];
	int shm_reg_len;
	struct tdt_proto protos[4];
	int nprotos;
};

/** tdt_defaults() - channel 0, no shmem; shmem nodes at 0x1000/0x80 and 0x1080/0x80. */
void tdt_defaults(struct tdt *t);

/** tdt_build() - build into @buf (@size bytes); returns the DTB size, or aborts the test. */
size_t tdt_build(const struct tdt *t, void *buf, size_t size);

#endif /* SCMI_TEST_DTB_BUILDER_H */
