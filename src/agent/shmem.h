/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * SMT helpers shared by transports that use an SMT area (Linux shmem.c):
 * reached through a table of pointers, so a transport holds no SMT code.
 */
#ifndef SCMI_AGENT_SHMEM_H
#define SCMI_AGENT_SHMEM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "agent/transport.h"

/**
 * struct scmi_shmem_ops - operations on one SMT area @shm of @size bytes.
 * @tx_prepare:     wait (up to 2 x @timeout_ms) for the channel to be FREE, then write
 *                  status 0, flags 0, length, header and payload. -EBUSY if it never
 *                  becomes FREE, -ERANGE if the request does not fit the area.
 * @fetch_response: read header, status and return values of a completed reply into
 *                  @xfer; -EPROTO for a malformed reply, -ECOMM if the ERROR bit is set
 * @poll_done:      the platform handed the channel back with a reply for @xfer's token
 * @clear_channel:  mark the area FREE
 */
struct scmi_shmem_ops {
	int (*tx_prepare)(volatile void *shm, size_t size, struct scmi_xfer *xfer,
			  uint32_t timeout_ms);
	int (*fetch_response)(volatile void *shm, size_t size, struct scmi_xfer *xfer);
	bool (*poll_done)(volatile void *shm, size_t size, const struct scmi_xfer *xfer);
	void (*clear_channel)(volatile void *shm, size_t size);
};

/** scmi_shmem_get_ops() - the SMT helpers. */
const struct scmi_shmem_ops *scmi_shmem_get_ops(void);

#endif /* SCMI_AGENT_SHMEM_H */
