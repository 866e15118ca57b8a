// SPDX-License-Identifier: BSD-3-Clause
/* The SMT and MSG helpers on local buffers. */
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

static void init_xfer(struct scmi_xfer *x, const void *tx, size_t tx_len, void *rx, size_t rx_max)
{
	memset(x, 0, sizeof(*x));
	x->hdr.protocol_id = 0x14;
	x->hdr.msg_id = 3;
	x->hdr.token = 0x2a;
	x->hdr_word = scmi_hdr_pack(&x->hdr);
	x->tx = tx;
	x->tx_len = tx_len;
	x->rx = rx;
	x->rx_max = rx_max;
}

static void test_smt_prepare_and_fetch(void **state)
{
	static const char values[12] = "abcdefghijkl"; /* 12 bytes, no NUL */
	const struct scmi_shmem_ops *ops = scmi_shmem_get_ops();
	uint8_t *area = (uint8_t *)area32, rx[8];
	struct scmi_xfer x;
	const uint8_t tx[5] = {1, 2, 3, 4, 5};

	(void)state;
	memset(area32, 0xee, sizeof(area32));
	scmi_smt_write32(area, SCMI_SMT_OFF_STATUS, SCMI_SMT_STATUS_FREE);
	init_xfer(&x, tx, sizeof(tx), rx, sizeof(rx));
	assert_int_equal(ops->tx_prepare(area, 128, &x, 30), 0);
	assert_int_equal(scmi_smt_read32(area, SCMI_SMT_OFF_STATUS), 0);
	assert_int_equal(scmi_smt_read32(area, SCMI_SMT_OFF_FLAGS), 0);
	assert_int_equal(scmi_smt_read32(area, SCMI_SMT_OFF_LENGTH), 4 + 5);
	assert_int_equal(scmi_smt_read32(area, SCMI_SMT_OFF_HEADER), x.hdr_word);
	assert_memory_equal(area + SCMI_SMT_OFF_PAYLOAD, tx, 5);
	assert_false(ops->poll_done(area, 128, &x));

	/* The platform answers: status, 12 bytes of values (more than rx holds). */
	scmi_smt_write32(area, SCMI_SMT_OFF_LENGTH, 4 + 4 + 12);
	scmi_smt_write32(area, SCMI_SMT_OFF_PAYLOAD, (uint32_t)-4);
	memcpy(area + 32, values, sizeof(values));
	scmi_smt_write32(area, SCMI_SMT_OFF_STATUS, SCMI_SMT_STATUS_FREE);
	assert_true(ops->poll_done(area, 128, &x));
	assert_int_equal(ops->fetch_response(area, 128, &x), 0);
	assert_int_equal(x.status, -4);
	assert_int_equal(x.resp_hdr, x.hdr_word);
	assert_int_equal(x.rx_full, 12);
	assert_int_equal(x.rx_len, 8);
	assert_memory_equal(rx, "abcdefgh", 8);

	/* Malformed replies. */
	scmi_smt_write32(area, SCMI_SMT_OFF_LENGTH, 7);
	assert_int_equal(ops->fetch_response(area, 128, &x), -EPROTO);
	scmi_smt_write32(area, SCMI_SMT_OFF_LENGTH, 0xffffffffu);
	assert_int_equal(ops->fetch_response(area, 128, &x), -EPROTO);
	scmi_smt_write32(area, SCMI_SMT_OFF_LENGTH, 8 + 97); /* one past a 128-byte area */
	assert_int_equal(ops->fetch_response(area, 128, &x), -EPROTO);
	scmi_smt_write32(area, SCMI_SMT_OFF_LENGTH, 8 + 96);
	assert_int_equal(ops->fetch_response(area, 128, &x), 0);
	scmi_smt_write32(area, SCMI_SMT_OFF_STATUS, 0);
	assert_int_equal(ops->fetch_response(area, 128, &x), -EPROTO);
	assert_non_null(strstr(x.err, "still busy"));
	scmi_smt_write32(area, SCMI_SMT_OFF_STATUS, SCMI_SMT_STATUS_FREE | SCMI_SMT_STATUS_ERROR);
	assert_int_equal(ops->fetch_response(area, 128, &x), -ECOMM);

	ops->clear_channel(area, 128);
	assert_int_equal(scmi_smt_read32(area, SCMI_SMT_OFF_STATUS), SCMI_SMT_STATUS_FREE);
}

static void test_smt_never_free(void **state)
{
	const struct scmi_shmem_ops *ops = scmi_shmem_get_ops();
	uint8_t *area = (uint8_t *)area32;
	struct timespec t0, t1;
	struct scmi_xfer x;
	long ms;

	(void)state;
	scmi_smt_write32(area, SCMI_SMT_OFF_STATUS, 0);
	scmi_smt_write32(area, SCMI_SMT_OFF_HEADER, 0x12345678);
	init_xfer(&x, NULL, 0, NULL, 0);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	assert_int_equal(ops->tx_prepare(area, 128, &x, 10), -EBUSY);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	ms = (t1.tv_sec - t0.tv_sec) * 1000 + (t1.tv_nsec - t0.tv_nsec) / 1000000;
	assert_true(ms >= 19 && ms < 2000);
	assert_string_equal(x.err, "timeout waiting for a free TX channel");
	/* Nothing was written over the platform's message. */
	assert_int_equal(scmi_smt_read32(area, SCMI_SMT_OFF_HEADER), 0x12345678);
}

static void test_smt_too_big(void **state)
{
	const struct scmi_shmem_ops *ops = scmi_shmem_get_ops();
	uint8_t *area = (uint8_t *)area32, tx[120] = {0};
	struct scmi_xfer x;

	(void)state;
	scmi_smt_write32(area, SCMI_SMT_OFF_STATUS, SCMI_SMT_STATUS_FREE);
	init_xfer(&x, tx, 101, NULL, 0);
	assert_int_equal(ops->tx_prepare(area, 128, &x, 10), -ERANGE);
	init_xfer(&x, tx, 100, NULL, 0);
	assert_int_equal(ops->tx_prepare(area, 128, &x, 10), 0);
	assert_int_equal(ops->tx_prepare(area, 20, &x, 10), -ERANGE);
}

static void test_msg(void **state)
{
	const struct scmi_msg_ops *ops = scmi_msg_get_ops();
	uint8_t buf[112], rx[4];
	const uint8_t tx[4] = {9, 8, 7, 6};
	struct scmi_xfer x;

	(void)state;
	init_xfer(&x, tx, sizeof(tx), rx, sizeof(rx));
	assert_int_equal(ops->command_size(&x), 8);
	assert_int_equal(ops->response_size(104), 112);
	assert_int_equal(ops->tx_prepare(buf, sizeof(buf), &x), 0);
	assert_int_equal(scmi_get_le32(buf), x.hdr_word);
	assert_memory_equal(buf + 4, tx, 4);
	scmi_put_le32(buf + 4, 0);
	scmi_put_le32(buf + 8, 0xcafe);
	assert_int_equal(ops->fetch_response(buf, sizeof(buf), 12, &x), 0);
	assert_int_equal(x.rx_len, 4);
	assert_int_equal(scmi_get_le32(rx), 0xcafe);
	assert_int_equal(ops->fetch_response(buf, sizeof(buf), 8, &x), 0);
	assert_int_equal(x.rx_len, 0);
	assert_int_equal(ops->fetch_response(buf, sizeof(buf), 7, &x), -EPROTO);
	assert_int_equal(ops->fetch_response(buf, sizeof(buf), sizeof(buf) + 1, &x), -EPROTO);
	init_xfer(&x, buf, 109, NULL, 0);
	assert_int_equal(ops->tx_prepare(buf, sizeof(buf), &x), -ERANGE);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_smt_prepare_and_fetch),
	    cmocka_unit_test(test_smt_never_free),
	    cmocka_unit_test(test_smt_too_big),
	    cmocka_unit_test(test_msg),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
