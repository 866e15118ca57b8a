/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The simulated platform: a SoC described by a device tree of our own
 * binding (docs/platform-binding.md), parsed with libfdt, behind
 * struct scmi_server_platform_ops.
 */
#ifndef SCMI_SIM_PLATFORM_H
#define SCMI_SIM_PLATFORM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "scmi/server/server.h"

struct sim_platform;

/**
 * struct sim_channel - one channel of the platform.
 * @id:          linaro,optee-channel-id the agent uses
 * @agent_id:    the agent it belongs to (>= 1)
 * @has_shmem:   a static arm,scmi-shmem region is bound to it
 * @shmem_addr:  the region's physical address (its reg)
 * @shmem_size:  the region's size
 */
struct sim_channel {
	uint32_t id;
	uint32_t agent_id;
	bool has_shmem;
	uint64_t shmem_addr;
	uint64_t shmem_size;
};

/**
 * sim_platform_load() - parse the platform DTB @dtb of @size bytes.
 * Returns 0, or -EINVAL with a one-line reason in @err for a corrupt or
 * inconsistent tree (never crashes on any input), -ENOMEM.
 */
int sim_platform_load(const void *dtb, size_t size, struct sim_platform **out, char *err,
		      size_t err_len);

/** sim_platform_load_file() - read and parse @path; -errno and @err as above. */
int sim_platform_load_file(const char *path, struct sim_platform **out, char *err, size_t err_len);

/** sim_platform_free() - free @p. NULL is a no-op. */
void sim_platform_free(struct sim_platform *p);

/** sim_platform_ops() - the server ops; pass the sim_platform as their plat pointer. */
const struct scmi_server_platform_ops *sim_platform_ops(void);

/** sim_platform_channel() - the channel @id, or NULL. */
const struct sim_channel *sim_platform_channel(const struct sim_platform *p, uint32_t id);

/** sim_platform_num_channels() / sim_platform_channel_at() - iterate channels. */
size_t sim_platform_num_channels(const struct sim_platform *p);
const struct sim_channel *sim_platform_channel_at(const struct sim_platform *p, size_t index);

/**
 * sim_platform_shmem_window() - the smallest page-aligned physical window holding
 * every static region: [*base, *base + *size). false if there are no regions.
 */
bool sim_platform_shmem_window(const struct sim_platform *p, uint64_t *base, uint64_t *size);

/** sim_platform_pta_caps() - PTA_SCMI_CAPS_* the platform's PTA offers (DT; default both). */
uint32_t sim_platform_pta_caps(const struct sim_platform *p);

/** sim_platform_time_us() - platform time in microseconds (virtual or real). */
uint64_t sim_platform_time_us(struct sim_platform *p);

/**
 * sim_platform_set_virtual_time() - make time stand still (@on) until advanced, continuing
 * from the current real time if anyone has read the platform's time since load, else from 0
 * (boot); or return to real time.
 */
void sim_platform_set_virtual_time(struct sim_platform *p, bool on);

/** sim_platform_virtual_time() - whether time is virtual. */
bool sim_platform_virtual_time(struct sim_platform *p);

/** sim_platform_advance_time() - advance virtual time by @us; -EPERM in real time. */
int sim_platform_advance_time(struct sim_platform *p, uint64_t us);

#endif /* SCMI_SIM_PLATFORM_H */
