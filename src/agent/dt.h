/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The agent's device-tree configuration (Linux arm,scmi binding, OP-TEE flavour):
 *
 *   firmware { scmi { compatible = "linaro,scmi-optee";
 *       linaro,optee-channel-id = <0>; shmem = <&cpu_scmi_shm>;   (shmem optional)
 *       arm,max-rx-timeout-ms = <..>; arm,max-msg-size = <..>;    (optional)
 *       arm,max-msg = <..>;                                       (optional)
 *       protocol@14 { reg = <0x14>; linaro,optee-channel-id = <1>; shmem = <..>; }; }; };
 */
#ifndef SCMI_AGENT_DT_H
#define SCMI_AGENT_DT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/** Channels one agent may have: the Base channel plus dedicated protocol channels. */
#define SCMI_DT_MAX_CHANNELS 32u
/** Bounds we accept for arm,max-msg-size (our choice; Linux takes any u32). */
#define SCMI_DT_MIN_MSG_SIZE 8u
#define SCMI_DT_MAX_MSG_SIZE 4096u
/** Bound for arm,max-msg: Linux warns beyond its token space (MSG_TOKEN_MAX, 1024). */
#define SCMI_DT_MAX_MSG 1024u
/** Largest DTB file we read. */
#define SCMI_DT_MAX_FILE_SIZE (4u << 20)

/**
 * struct scmi_dt_chan - one channel as the DT describes it.
 * @channel_id:  linaro,optee-channel-id
 * @has_shmem:   an arm,scmi-shmem region is bound to the channel
 * @shmem_addr:  the region's address (its reg)
 * @shmem_size:  the region's size
 * @shmem_io_width: the region's reg-io-width (1, 2, 4 or 8 bytes), 0 if absent. Linux copies
 *               messages in 32-bit words when it is 4 (addresses and lengths 4-aligned)
 */
struct scmi_dt_chan {
	uint32_t channel_id;
	bool has_shmem;
	uint64_t shmem_addr;
	uint64_t shmem_size;
	uint32_t shmem_io_width;
};

/**
 * struct scmi_dt_config - what the agent reads from its DT.
 * @chans:          channels; [0] is the Base channel (the scmi node's)
 * @num_chans:      entries used in @chans (>= 1)
 * @proto_chan:     for each protocol id, the index into @chans it uses
 * @proto_listed:   a protocol@NN node exists for the id
 * @max_rx_timeout_ms: arm,max-rx-timeout-ms, 0 if absent
 * @max_msg_size:   arm,max-msg-size, 0 if absent
 * @max_msg:        arm,max-msg (messages in flight per channel, 1..SCMI_DT_MAX_MSG), 0 if
 *                  absent. Read as Linux reads it; our agent keeps one message in flight
 *                  per channel, within any value
 */
struct scmi_dt_config {
	struct scmi_dt_chan chans[SCMI_DT_MAX_CHANNELS];
	size_t num_chans;
	uint8_t proto_chan[256];
	bool proto_listed[256];
	uint32_t max_rx_timeout_ms;
	uint32_t max_msg_size;
	uint32_t max_msg;
};

/** scmi_dt_default() - the configuration without a DT: channel 0, no shmem. */
void scmi_dt_default(struct scmi_dt_config *cfg);

/**
 * scmi_dt_parse() - read the linaro,scmi-optee node of @fdt (@size bytes).
 * Returns 0, or -EINVAL with a one-line reason in @err for any malformed tree.
 */
int scmi_dt_parse(const void *fdt, size_t size, struct scmi_dt_config *cfg, char *err,
		  size_t err_len);

/**
 * scmi_dt_load_file() - read the DTB at @path into a malloc'ed buffer (*@buf, *@size).
 * -errno with a reason in @err.
 */
int scmi_dt_load_file(const char *path, void **buf, size_t *size, char *err, size_t err_len);

#endif /* SCMI_AGENT_DT_H */
