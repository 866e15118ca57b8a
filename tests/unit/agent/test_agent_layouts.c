// SPDX-License-Identifier: BSD-3-Clause
/*
 * The SMT and MSG helpers at their edges (issue 17; test_agent_helpers has the
 * common cases): areas too small for a header, replies of exactly a status,
 * an area with no room after the status, poll_done on each status, the wait for
 * a free area timed against its 2x bound.
 */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <time.h>

#include <cmocka.h>

#include "agent/msg.h"
#include "agent/shmem.h"
#include "scmi/proto/endian.h"
#include "scmi/proto/smt.h"

static uint32_t area32[64]; /* 256 bytes, 4-aligned */

static void init_xfer(struct scmi_xfer *x, const void *tx, size_t tx_len, void *rx, size_t rx_max,
		      uint16_t token)
{
	memset(x, 0, sizeof(*x));
	x->hdr.protocol_id = 0x14;
	x->hdr.msg_id = 3;
	x->hdr.token = token;
	x->hdr_word = scmi_hdr_pack(&x->hdr);
	x->tx = tx;
	x->tx_len = tx_len;
	x->rx = rx;
	x->rx_max = rx_max;
}

static void test_smt_small_areas(void **state)
{
	const struct scmi_shmem_ops *ops = scmi_shmem_get_ops();
	uint8_t *area = (uint8_t *)area32, rx[8];
	struct scmi_xfer x;

	(void)state;
	memset(area32, 0, sizeof(area32));
	scmi_smt_write32(area, SCMI_SMT_OFF_STATUS, SCMI_SMT_STATUS_FREE);
	/* No room for the header: refused even for an empty request, and nothing written. */
	init_xfer(&x, NULL, 0, rx, sizeof(rx), 1);
	assert_int_equal(ops->tx_prepare(area, SCMI_SMT_HDR_SIZE - 1, &x, 10), -ERANGE);
	assert_int_equal(scmi_smt_read32(area, SCMI_SMT_OFF_STATUS), SCMI_SMT_STATUS_FREE);
	assert_int_equal(scmi_smt_read32(area, SCMI_SMT_OFF_HEADER), 0);
	/* Exactly the header: an empty request fits. */
	assert_int_equal(ops->tx_prepare(area, SCMI_SMT_HDR_SIZE, &x, 10), 0);
	assert_int_equal(scmi_smt_read32(area, SCMI_SMT_OFF_LENGTH), 4);
	/* poll_done on an area without a header: done, so that fetch_response reports it. */
	assert_true(ops->poll_done(area, SCMI_SMT_HDR_SIZE - 1, &x));
	assert_false(ops->poll_done(area, SCMI_SMT_HDR_SIZE, &x));
	/* clear_channel leaves an area without a header alone. */
	ops->clear_channel(area, SCMI_SMT_HDR_SIZE - 1);
	assert_int_equal(scmi_smt_read32(area, SCMI_SMT_OFF_STATUS), 0);
	ops->clear_channel(area, SCMI_SMT_HDR_SIZE);
	assert_int_equal(scmi_smt_read32(area, SCMI_SMT_OFF_STATUS), SCMI_SMT_STATUS_FREE);

	/* A reply of exactly the status word: no values. */
	scmi_smt_write32(area, SCMI_SMT_OFF_LENGTH, 8);
	scmi_smt_write32(area, SCMI_SMT_OFF_PAYLOAD, 0);
	memset(rx, 0x77, sizeof(rx));
	assert_int_equal(ops->fetch_response(area, 128, &x), 0);
	assert_int_equal(x.rx_full, 0);
	assert_int_equal(x.rx_len, 0);
	assert_int_equal(rx[0], 0x77);
	/* An area that ends right after the status word: one value byte overruns it. */
	assert_int_equal(ops->fetch_response(area, SCMI_SMT_OFF_PAYLOAD + 4, &x), 0);
	scmi_smt_write32(area, SCMI_SMT_OFF_LENGTH, 9);
	assert_int_equal(ops->fetch_response(area, SCMI_SMT_OFF_PAYLOAD + 4, &x), -EPROTO);
	assert_int_equal(ops->fetch_response(area, SCMI_SMT_OFF_PAYLOAD + 3, &x), -EPROTO);
	assert_int_equal(ops->fetch_response(area, SCMI_SMT_OFF_PAYLOAD + 5, &x), 0);
	assert_int_equal(x.rx_len, 1);
	/* Exactly the room the caller has. */
	scmi_smt_write32(area, SCMI_SMT_OFF_LENGTH, 8 + 8);
	memcpy(area + SCMI_SMT_OFF_PAYLOAD + 4, "ABCDEFGH", sizeof("ABCDEFGH"));
	assert_int_equal(ops->fetch_response(area, 128, &x), 0);
	assert_int_equal(x.rx_len, 8);
	assert_memory_equal(rx, "ABCDEFGH", 8);
}

static void test_smt_poll_status(void **state)
{
	const struct scmi_shmem_ops *ops = scmi_shmem_get_ops();
	uint8_t *area = (uint8_t *)area32;
	struct scmi_xfer x, other;

	(void)state;
	memset(area32, 0, sizeof(area32));
	init_xfer(&x, NULL, 0, NULL, 0, 0x2a);
	init_xfer(&other, NULL, 0, NULL, 0, 0x2b);
	scmi_smt_write32(area, SCMI_SMT_OFF_HEADER, x.hdr_word);
	/* Busy: not done. FREE or ERROR with our token: done; another token: not ours. */
	assert_false(ops->poll_done(area, 128, &x));
	scmi_smt_write32(area, SCMI_SMT_OFF_STATUS, SCMI_SMT_STATUS_ERROR);
	assert_true(ops->poll_done(area, 128, &x));
	assert_false(ops->poll_done(area, 128, &other));
	scmi_smt_write32(area, SCMI_SMT_OFF_STATUS, SCMI_SMT_STATUS_FREE);
	assert_true(ops->poll_done(area, 128, &x));
	assert_false(ops->poll_done(area, 128, &other));
	/* The error bit alone (not FREE) is a communication error, not "busy". */
	scmi_smt_write32(area, SCMI_SMT_OFF_STATUS, SCMI_SMT_STATUS_ERROR);
	scmi_smt_write32(area, SCMI_SMT_OFF_LENGTH, 8);
	assert_int_equal(ops->fetch_response(area, 128, &x), -ECOMM);
}

static long ms_since(const struct timespec *t0)
{
	struct timespec t1;

	clock_gettime(CLOCK_MONOTONIC, &t1);
	return (t1.tv_sec - t0->tv_sec) * 1000 + (t1.tv_nsec - t0->tv_nsec) / 1000000;
}

static void test_smt_wait_bound(void **state)
{
	const struct scmi_shmem_ops *ops = scmi_shmem_get_ops();
	uint8_t *area = (uint8_t *)area32;
	struct timespec t0;
	struct scmi_xfer x;
	long ms;

	(void)state;
	scmi_smt_write32(area, SCMI_SMT_OFF_STATUS, 0);
	init_xfer(&x, NULL, 0, NULL, 0, 1);
	/* Twice the 100 ms timeout: at least 200 ms, well under three times it. */
	clock_gettime(CLOCK_MONOTONIC, &t0);
	assert_int_equal(ops->tx_prepare(area, 128, &x, 100), -EBUSY);
	ms = ms_since(&t0);
	assert_true(ms >= 199);
	assert_true(ms < 290);
	/* Freed meanwhile (here: before), it goes at once. */
	scmi_smt_write32(area, SCMI_SMT_OFF_STATUS, SCMI_SMT_STATUS_FREE);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	assert_int_equal(ops->tx_prepare(area, 128, &x, 100), 0);
	assert_true(ms_since(&t0) < 50);
}

static void test_msg_small_buffers(void **state)
{
	const struct scmi_msg_ops *ops = scmi_msg_get_ops();
	uint8_t buf[16] = {0}, rx[4];
	const uint8_t tx[12] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};
	struct scmi_xfer x;

	(void)state;
	/* No room for a header: refused even for an empty request. */
	init_xfer(&x, NULL, 0, rx, sizeof(rx), 1);
	assert_int_equal(ops->tx_prepare(buf, 3, &x), -ERANGE);
	assert_int_equal(scmi_get_le32(buf), 0);
	assert_int_equal(ops->tx_prepare(buf, 4, &x), 0);
	assert_int_equal(scmi_get_le32(buf), x.hdr_word);
	/* Exactly the buffer. */
	init_xfer(&x, tx, 12, rx, sizeof(rx), 1);
	assert_int_equal(ops->tx_prepare(buf, 16, &x), 0);
	assert_memory_equal(buf + 4, tx, 12);
	assert_int_equal(ops->tx_prepare(buf, 15, &x), -ERANGE);
	/* A reply exactly the buffer; the values cut to the room. */
	scmi_put_le32(buf + 4, 0);
	assert_int_equal(ops->fetch_response(buf, 16, 16, &x), 0);
	assert_int_equal(x.rx_full, 8);
	assert_int_equal(x.rx_len, 4);
	assert_memory_equal(rx, tx + 4, 4);
	assert_int_equal(x.resp_hdr, x.hdr_word);
	assert_int_equal(ops->command_size(&x), 16);
	assert_int_equal(ops->response_size(0), 8);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_smt_small_areas),
	    cmocka_unit_test(test_smt_poll_status),
	    cmocka_unit_test(test_smt_wait_bound),
	    cmocka_unit_test(test_msg_small_buffers),
	};

	return cmocka_run_group_tests_name("agent/layouts", tests, NULL, NULL);
}
