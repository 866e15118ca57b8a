// SPDX-License-Identifier: BSD-3-Clause
/*
 * The core's platform-to-agent path (p2a.c) against a fake transport that has
 * one: delayed responses (status, header check, timeout, sizes) and
 * notifications (type check, cut payload, errors).
 */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "agent/common.h"
#include "agent/msg.h"
#include "fake_transport.h"
#include "scmi/proto/endian.h"

/* What the fake platform sends after the immediate reply, and what it was asked. */
static struct {
	int dret;	   /* fetch_delayed fails with this */
	int32_t dstatus;   /* the delayed response's status */
	uint32_t dhdr_xor; /* flips bits of the echoed header */
	uint8_t dvals[32]; /* its values */
	size_t dlen;	   /* their length */
	size_t dcalls;	   /* fetch_delayed calls */
	uint32_t dtimeout; /* the timeout it was given */
	int nret;	   /* fetch_notification fails with this */
	uint32_t nhdr;	   /* the notification's header */
	uint8_t npay[32];  /* its payload */
	size_t nlen;	   /* its length */
	uint32_t ntimeout; /* the timeout it was given */
} p;

static int p_fetch_delayed(struct scmi_chan_info *cinfo, struct scmi_xfer *xfer,
			   uint32_t timeout_ms)
{
	uint8_t buf[64];

	(void)cinfo;
	p.dcalls++;
	p.dtimeout = timeout_ms;
	if (p.dret)
		return p.dret;
	scmi_put_le32(buf, xfer->hdr_word ^ p.dhdr_xor);
	scmi_put_le32(buf + 4, (uint32_t)p.dstatus);
	memcpy(buf + 8, p.dvals, p.dlen);
	return scmi_msg_get_ops()->fetch_response(buf, sizeof(buf), 8 + p.dlen, xfer);
}

static int p_fetch_notification(struct scmi_agent *agent, uint32_t timeout_ms,
				struct scmi_notification *n, char *err, size_t err_len)
{
	(void)agent;
	p.ntimeout = timeout_ms;
	if (p.nret) {
		if (p.nret == -EIO)
			scmi_set_err(err, err_len, "fake queue broke");
		return p.nret;
	}
	n->hdr = p.nhdr;
	n->full_len = p.nlen;
	n->len = p.nlen;
	if (n->max)
		memcpy(n->payload, p.npay, p.nlen < n->max ? p.nlen : n->max);
	return 0;
}

static struct scmi_transport_ops p_ops;
static struct scmi_transport_desc p_desc;

static struct scmi_agent *open_p2a(uint32_t timeout_ms)
{
	struct scmi_agent_config cfg = {.timeout_ms = timeout_ms};
	struct scmi_agent *a = NULL;

	fake_reset();
	memset(&p, 0, sizeof(p));
	p_ops = *fake_desc.ops;
	p_ops.fetch_delayed = p_fetch_delayed;
	p_ops.fetch_notification = p_fetch_notification;
	p_desc = fake_desc;
	p_desc.ops = &p_ops;
	assert_int_equal(scmi_agent_open_with_transport(&cfg, &p_desc, &a), 0);
	return a;
}

static void serve_immediate(struct fake *f, const struct scmi_xfer *x)
{
	uint8_t v[4];

	(void)f;
	scmi_put_le32(v, 0x77);
	fake_reply(x->hdr_word, SCMI_SUCCESS, v, sizeof(v));
}

static void serve_refused(struct fake *f, const struct scmi_xfer *x)
{
	(void)f;
	fake_reply(x->hdr_word, SCMI_OUT_OF_RANGE, NULL, 0);
}

static void test_delayed_ok(void **state)
{
	struct scmi_agent *a = open_p2a(0);
	uint8_t rx[8], drx[8], tx[4] = {1, 2, 3, 4};
	struct scmi_async_reply r = {.rx = rx, .rx_max = 2, .drx = drx, .drx_max = 8};
	struct scmi_agent_stats st;

	(void)state;
	fake.serve = serve_immediate;
	p.dlen = 12; /* more than the room: cut to drx_max */
	memset(p.dvals, 0x5a, sizeof(p.dvals));
	assert_int_equal(scmi_xfer_async(a, SCMI_PROTOCOL_CLOCK, 5, tx, sizeof(tx), &r), 0);
	assert_true(r.delayed);
	assert_int_equal(r.status, SCMI_SUCCESS);
	assert_int_equal(r.dstatus, SCMI_SUCCESS);
	assert_int_equal(r.rx_len, 2);
	assert_int_equal(rx[0], 0x77);
	assert_int_equal(r.drx_len, 8);
	assert_int_equal(drx[7], 0x5a);
	assert_int_equal(p.dcalls, 1);
	/* The channel timeout (30 ms here) is below the delayed floor: the floor is used. */
	assert_int_equal(p.dtimeout, SCMI_DELAYED_TIMEOUT_MS);
	assert_int_equal(fake.log_hdr[0], scmi_hdr_make(SCMI_PROTOCOL_CLOCK, 5, 0, 0));
	scmi_agent_get_stats(a, &st);
	assert_int_equal(st.xfers_ok, 1);
	assert_int_equal(st.xfers_failed, 0);
	scmi_agent_close(a);

	/* A channel timeout above the floor is used as it is. */
	a = open_p2a(SCMI_DELAYED_TIMEOUT_MS + 1);
	fake.serve = serve_immediate;
	assert_int_equal(scmi_xfer_async(a, SCMI_PROTOCOL_CLOCK, 5, NULL, 0, &r), 0);
	assert_int_equal(p.dtimeout, SCMI_DELAYED_TIMEOUT_MS + 1);
	assert_int_equal(r.drx_len, 0);
	scmi_agent_close(a);
}

static void test_delayed_errors(void **state)
{
	struct scmi_agent *a = open_p2a(0);
	uint8_t drx[8];
	struct scmi_async_reply r = {.drx = drx, .drx_max = sizeof(drx)};
	struct scmi_agent_stats st;
	char err[SCMI_ERR_LEN];

	(void)state;
	fake.serve = serve_immediate;
	/* The delayed response's own status is the result. */
	p.dstatus = SCMI_DENIED;
	assert_int_equal(scmi_xfer_async(a, SCMI_PROTOCOL_CLOCK, 5, NULL, 0, &r), -EACCES);
	assert_true(r.delayed);
	assert_int_equal(r.status, SCMI_SUCCESS);
	assert_int_equal(r.dstatus, SCMI_DENIED);
	scmi_agent_get_stats(a, &st);
	assert_int_equal(st.xfers_ok, 1);
	p.dstatus = SCMI_SUCCESS;

	/* A delayed response that does not echo the command (type 0 here): -EPROTO. */
	p.dhdr_xor = SCMI_MSG_TYPE_DELAYED_RESP << SCMI_HDR_TYPE_SHIFT;
	assert_int_equal(scmi_xfer_async(a, SCMI_PROTOCOL_CLOCK, 5, NULL, 0, &r), -EPROTO);
	assert_false(r.delayed);
	scmi_agent_get_stats(a, &st);
	assert_int_equal(st.bad_replies, 1);
	assert_int_equal(st.xfers_failed, 1);
	scmi_agent_last_error(a, err, sizeof(err));
	assert_non_null(strstr(err, "(async)"));
	assert_non_null(strstr(err, "mismatched reply header"));
	p.dhdr_xor = 0;

	/* The transport's failure is the result, and the error says so. */
	p.dret = -ETIMEDOUT;
	assert_int_equal(scmi_xfer_async(a, SCMI_PROTOCOL_CLOCK, 5, NULL, 0, &r), -ETIMEDOUT);
	assert_false(r.delayed);
	scmi_agent_last_error(a, err, sizeof(err));
	assert_non_null(strstr(err, "protocol 0x14 message 0x05 (async)"));
	assert_non_null(strstr(err, "ETIMEDOUT"));
	scmi_agent_get_stats(a, &st);
	assert_int_equal(st.xfers_failed, 2);
	p.dret = 0;

	/* Refused at once: no delayed response is asked for. */
	fake.serve = serve_refused;
	p.dcalls = 0;
	assert_int_equal(scmi_xfer_async(a, SCMI_PROTOCOL_CLOCK, 5, NULL, 0, &r), -ERANGE);
	assert_int_equal(p.dcalls, 0);
	assert_false(r.delayed);
	assert_int_equal(r.status, SCMI_OUT_OF_RANGE);

	/* The send fails: nothing else. */
	fake.send_ret = -ECONNRESET;
	assert_int_equal(scmi_xfer_async(a, SCMI_PROTOCOL_CLOCK, 5, NULL, 0, &r), -ECONNRESET);
	assert_int_equal(p.dcalls, 0);
	fake.send_ret = 0;

	/* The tokens were all given back; none left: -EBUSY, nothing sent. */
	fake.serve = serve_immediate;
	for (int i = 0; i < (int)SCMI_TOKEN_COUNT; i++)
		assert_true(scmi_token_alloc(a) >= 0);
	assert_int_equal(scmi_token_alloc(a), -EBUSY);
	fake.nlog = 0;
	p.dcalls = 0;
	assert_int_equal(scmi_xfer_async(a, SCMI_PROTOCOL_CLOCK, 5, NULL, 0, &r), -EBUSY);
	assert_int_equal(fake.nlog, 0);
	assert_int_equal(p.dcalls, 0);
	assert_false(r.delayed);
	scmi_agent_close(a);
}

static void test_delayed_args(void **state)
{
	struct scmi_agent *a = open_p2a(0);
	uint8_t big[200];
	struct scmi_async_reply r;

	(void)state;
	memset(&r, 0, sizeof(r));
	assert_int_equal(scmi_xfer_async(NULL, 0x14, 5, NULL, 0, &r), -EINVAL);
	assert_int_equal(scmi_xfer_async(a, 0x14, 5, NULL, 0, NULL), -EINVAL);
	assert_int_equal(scmi_xfer_async(a, 0x14, 5, NULL, 4, &r), -EINVAL);
	r.rx_max = 4;
	assert_int_equal(scmi_xfer_async(a, 0x14, 5, NULL, 0, &r), -EINVAL);
	r.rx_max = 0;
	r.drx_max = 4;
	assert_int_equal(scmi_xfer_async(a, 0x14, 5, NULL, 0, &r), -EINVAL);
	r.drx_max = 0;
	/* Each size at the agent's limit is fine, one more is not. */
	assert_int_equal(scmi_xfer_async(a, 0x14, 5, big, 105, &r), -ERANGE);
	r.rx = big;
	r.rx_max = 105;
	assert_int_equal(scmi_xfer_async(a, 0x14, 5, NULL, 0, &r), -ERANGE);
	r.rx_max = 0;
	r.drx = big;
	r.drx_max = 105;
	assert_int_equal(scmi_xfer_async(a, 0x14, 5, NULL, 0, &r), -ERANGE);
	assert_int_equal(fake.nlog, 0);
	fake.serve = serve_immediate;
	r.rx_max = 104;
	r.drx_max = 104;
	assert_int_equal(scmi_xfer_async(a, 0x14, 5, big, 104, &r), 0);
	assert_int_equal(fake.nlog, 1);
	scmi_agent_close(a);
}

static void test_notifications(void **state)
{
	struct scmi_agent *a = open_p2a(0);
	uint8_t got[4];
	struct scmi_notification n = {.payload = got, .max = sizeof(got)};
	char err[SCMI_ERR_LEN];

	(void)state;
	p.nhdr = scmi_hdr_make(SCMI_PROTOCOL_SENSOR, 1, SCMI_MSG_TYPE_NOTIFICATION, 9);
	p.nlen = 6;
	memcpy(p.npay, "abcdef", 6);
	assert_int_equal(scmi_notification_wait(a, 17, &n), 0);
	assert_int_equal(p.ntimeout, 17);
	assert_int_equal(n.protocol_id, SCMI_PROTOCOL_SENSOR);
	assert_int_equal(n.msg_id, 1);
	assert_int_equal(n.hdr, p.nhdr);
	assert_int_equal(n.len, 4);
	assert_int_equal(n.full_len, 6);
	assert_memory_equal(got, "abcd", 4);

	/* Exactly the room: kept whole. */
	p.nlen = 4;
	assert_int_equal(scmi_notification_wait(a, 0, &n), 0);
	assert_int_equal(n.len, 4);

	/* Not a notification. */
	p.nhdr = scmi_hdr_make(SCMI_PROTOCOL_SENSOR, 1, SCMI_MSG_TYPE_DELAYED_RESP, 9);
	assert_int_equal(scmi_notification_wait(a, 0, &n), -EPROTO);
	scmi_agent_last_error(a, err, sizeof(err));
	assert_non_null(strstr(err, "is not of type 3"));

	/* A timeout is no error worth recording; a broken queue is. */
	scmi_agent_set_error(a, "before");
	p.nret = -ETIMEDOUT;
	assert_int_equal(scmi_notification_wait(a, 0, &n), -ETIMEDOUT);
	assert_int_equal(n.len, 0);
	assert_int_equal(n.hdr, 0);
	scmi_agent_last_error(a, err, sizeof(err));
	assert_string_equal(err, "before");
	p.nret = -EIO;
	assert_int_equal(scmi_notification_wait(a, 0, &n), -EIO);
	scmi_agent_last_error(a, err, sizeof(err));
	assert_string_equal(err, "notification: fake queue broke");
	p.nret = -ENOTCONN;
	assert_int_equal(scmi_notification_wait(a, 0, &n), -ENOTCONN);
	scmi_agent_last_error(a, err, sizeof(err));
	assert_string_equal(err, "notification: TEE connection broken");

	/* Arguments. */
	assert_int_equal(scmi_notification_wait(NULL, 0, &n), -EINVAL);
	assert_int_equal(scmi_notification_wait(a, 0, NULL), -EINVAL);
	n.payload = NULL;
	assert_int_equal(scmi_notification_wait(a, 0, &n), -EINVAL);
	n.max = 0;
	p.nret = 0;
	p.nlen = 0;
	p.nhdr = scmi_hdr_make(SCMI_PROTOCOL_SENSOR, 1, SCMI_MSG_TYPE_NOTIFICATION, 9);
	assert_int_equal(scmi_notification_wait(a, 0, &n), 0);
	scmi_agent_close(a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_delayed_ok),
	    cmocka_unit_test(test_delayed_errors),
	    cmocka_unit_test(test_delayed_args),
	    cmocka_unit_test(test_notifications),
	};

	return cmocka_run_group_tests_name("agent/p2a", tests, NULL, NULL);
}
