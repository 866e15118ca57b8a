// SPDX-License-Identifier: BSD-3-Clause
/*
 * SMT helpers. The area is shared with the platform, which may write it at
 * any time: every field is read once through the volatile accessors and
 * every length is bounded by the size of the area before it is used.
 */
#include <errno.h>
#include <string.h>
#include <time.h>

#include "agent/common.h"
#include "agent/shmem.h"
#include "scmi/proto/smt.h"

static uint64_t shmem_now_us(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000u + (uint64_t)ts.tv_nsec / 1000u;
}

static int shmem_tx_prepare(volatile void *shm, size_t size, struct scmi_xfer *xfer,
			    uint32_t timeout_ms)
{
	uint64_t deadline = shmem_now_us() + 2ull * timeout_ms * 1000u;
	struct timespec nap = {.tv_sec = 0, .tv_nsec = 20000};
	volatile uint8_t *p = shm;
	const uint8_t *tx = xfer->tx;
	size_t i;

	if (size < SCMI_SMT_HDR_SIZE || xfer->tx_len > size - SCMI_SMT_HDR_SIZE) {
		scmi_set_err(xfer->err, sizeof(xfer->err),
			     "request of %zu bytes does not fit a %zu-byte SMT area", xfer->tx_len,
			     size);
		return -ERANGE;
	}
	/*
	 * Linux warns and writes anyway when the channel never becomes FREE. We refuse:
	 * writing over a message the platform still owns corrupts both.
	 */
	while (!(scmi_smt_read32(shm, SCMI_SMT_OFF_STATUS) & SCMI_SMT_STATUS_FREE)) {
		if (shmem_now_us() >= deadline) {
			scmi_set_err(xfer->err, sizeof(xfer->err),
				     "timeout waiting for a free TX channel");
			return -EBUSY;
		}
		nanosleep(&nap, NULL);
	}
	scmi_smt_write32(shm, SCMI_SMT_OFF_STATUS, 0);
	scmi_smt_write32(shm, SCMI_SMT_OFF_FLAGS, 0);
	scmi_smt_write32(shm, SCMI_SMT_OFF_LENGTH, (uint32_t)(4 + xfer->tx_len));
	scmi_smt_write32(shm, SCMI_SMT_OFF_HEADER, xfer->hdr_word);
	for (i = 0; i < xfer->tx_len; i++)
		p[SCMI_SMT_OFF_PAYLOAD + i] = tx[i];
	__atomic_thread_fence(__ATOMIC_RELEASE);
	return 0;
}

static int shmem_fetch_response(volatile void *shm, size_t size, struct scmi_xfer *xfer)
{
	const size_t ret_off = SCMI_SMT_OFF_PAYLOAD + 4;
	const volatile uint8_t *p = shm;
	uint8_t *rx = xfer->rx;
	uint32_t status, len;
	size_t i, room;

	__atomic_thread_fence(__ATOMIC_ACQUIRE);
	status = scmi_smt_read32(shm, SCMI_SMT_OFF_STATUS);
	if (status & SCMI_SMT_STATUS_ERROR) {
		scmi_set_err(xfer->err, sizeof(xfer->err),
			     "platform set the SMT ERROR bit (channel status 0x%x)", status);
		return -ECOMM;
	}
	if (!(status & SCMI_SMT_STATUS_FREE)) {
		scmi_set_err(xfer->err, sizeof(xfer->err),
			     "SMT channel still busy after the platform returned");
		return -EPROTO;
	}
	len = scmi_smt_read32(shm, SCMI_SMT_OFF_LENGTH);
	if (len < 8) {
		scmi_set_err(xfer->err, sizeof(xfer->err),
			     "short reply: SMT length %u has no status word", len);
		return -EPROTO;
	}
	room = size > ret_off ? size - ret_off : 0;
	if (len - 8 > room) {
		scmi_set_err(xfer->err, sizeof(xfer->err),
			     "reply length %u overruns the %zu-byte SMT area", len, size);
		return -EPROTO;
	}
	xfer->resp_hdr = scmi_smt_read32(shm, SCMI_SMT_OFF_HEADER);
	xfer->status = (int32_t)scmi_smt_read32(shm, SCMI_SMT_OFF_PAYLOAD);
	xfer->rx_full = len - 8;
	xfer->rx_len = xfer->rx_full < xfer->rx_max ? xfer->rx_full : xfer->rx_max;
	for (i = 0; i < xfer->rx_len; i++)
		rx[i] = p[ret_off + i];
	return 0;
}

static bool shmem_poll_done(volatile void *shm, size_t size, const struct scmi_xfer *xfer)
{
	uint32_t status;

	if (size < SCMI_SMT_HDR_SIZE)
		return true; /* fetch_response reports the bad area */
	status = scmi_smt_read32(shm, SCMI_SMT_OFF_STATUS);
	if (!(status & (SCMI_SMT_STATUS_FREE | SCMI_SMT_STATUS_ERROR)))
		return false;
	return scmi_hdr_token(scmi_smt_read32(shm, SCMI_SMT_OFF_HEADER)) == xfer->hdr.token;
}

static void shmem_clear_channel(volatile void *shm, size_t size)
{
	if (size >= SCMI_SMT_HDR_SIZE)
		scmi_smt_write32(shm, SCMI_SMT_OFF_STATUS, SCMI_SMT_STATUS_FREE);
}

static const struct scmi_shmem_ops scmi_shmem_ops = {
    .tx_prepare = shmem_tx_prepare,
    .fetch_response = shmem_fetch_response,
    .poll_done = shmem_poll_done,
    .clear_channel = shmem_clear_channel,
};

const struct scmi_shmem_ops *scmi_shmem_get_ops(void)
{
	return &scmi_shmem_ops;
}
