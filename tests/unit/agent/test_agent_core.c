// SPDX-License-Identifier: BSD-3-Clause
/*
 * The agent core and the Base client against a fake transport that plays a
 * scripted server: tokens, status mapping, reply checks, sizes, paging.
 */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "agent/common.h"
#include "dtb_builder.h"
#include "fake_transport.h"
#include "scmi/base.h"
#include "scmi/proto/endian.h"

static struct scmi_agent *open_fake(const struct scmi_transport_desc *desc, uint32_t timeout_ms)
{
	struct scmi_agent_config cfg = {.timeout_ms = timeout_ms};
	struct scmi_agent *a = NULL;

	assert_int_equal(scmi_agent_open_with_transport(&cfg, desc, &a), 0);
	assert_non_null(a);
	return a;
}

static int setup(void **state)
{
	fake_reset();
	*state = open_fake(&fake_desc, 0);
	return 0;
}

static int teardown(void **state)
{
	scmi_agent_close(*state);
	return 0;
}

static void test_open_defaults(void **state)
{
	struct scmi_agent *a = *state;
	uint32_t chan = 99;
	enum scmi_mode mode;

	assert_int_equal(scmi_agent_max_msg_size(a), SCMI_DEFAULT_MAX_MSG_SIZE);
	assert_int_equal(a->timeout_ms, SCMI_DEFAULT_TIMEOUT_MS);
	assert_int_equal(a->num_chans, 1);
	assert_int_equal(fake.setups, 1);
	scmi_agent_channel_of(a, SCMI_PROTOCOL_CLOCK, &chan, &mode);
	assert_int_equal(chan, 0);
	assert_int_equal(mode, SCMI_MODE_MSG);
	assert_int_equal(scmi_agent_mode(a), SCMI_MODE_MSG);
}

static void test_open_errors(void **state)
{
	struct scmi_agent_config cfg = {0};
	struct scmi_agent *a = (void *)1;
	char err[128];

	(void)state;
	cfg.errbuf = err;
	cfg.errbuf_len = sizeof(err);
	fake.probe_ret = -EAGAIN;
	assert_int_equal(scmi_agent_open_with_transport(&cfg, &fake_desc, &a), -EAGAIN);
	assert_null(a);
	assert_string_equal(err, "fake probe refused");
	fake.probe_ret = 0;
	fake.setup_ret = -EOPNOTSUPP;
	assert_int_equal(scmi_agent_open_with_transport(&cfg, &fake_desc, &a), -EOPNOTSUPP);
	fake.setup_ret = 0;
	cfg.mode = (enum scmi_mode)42;
	assert_int_equal(scmi_agent_open_with_transport(&cfg, &fake_desc, &a), -EINVAL);
	assert_int_equal(scmi_agent_open_with_transport(NULL, &fake_desc, &a), -EINVAL);
	cfg.mode = SCMI_MODE_AUTO;
	cfg.dt_path = "/nonexistent/agent.dtb";
	assert_int_equal(scmi_agent_open_with_transport(&cfg, &fake_desc, &a), -ENOENT);
	assert_non_null(strstr(err, "/nonexistent/agent.dtb"));
	scmi_agent_close(NULL);
}

static void test_status_to_errno(void **state)
{
	static const struct {
		int32_t status;
		int err;
	} table[] = {
	    {SCMI_SUCCESS, 0},
	    {SCMI_NOT_SUPPORTED, -EOPNOTSUPP},
	    {SCMI_INVALID_PARAMETERS, -EINVAL},
	    {SCMI_DENIED, -EACCES},
	    {SCMI_NOT_FOUND, -ENOENT},
	    {SCMI_OUT_OF_RANGE, -ERANGE},
	    {SCMI_BUSY, -EBUSY},
	    {SCMI_COMMS_ERROR, -ECOMM},
	    {SCMI_GENERIC_ERROR, -EIO},
	    {SCMI_HARDWARE_ERROR, -EREMOTEIO},
	    {SCMI_PROTOCOL_ERROR, -EPROTO},
	    {SCMI_IN_USE, -EPERM},
	    {SCMI_PARTIAL, -EINVAL},
	    {-13, -EIO},
	    {1, -EIO},
	    {INT32_MIN, -EIO},
	    {INT32_MAX, -EIO},
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(table) / sizeof(table[0]); i++)
		assert_int_equal(scmi_status_to_errno(table[i].status), table[i].err);
	assert_string_equal(scmi_strerror(-EPROTO), "protocol error or malformed reply");
	assert_string_equal(scmi_strerror(0), "success");
	assert_string_equal(scmi_strerror(-12345), "unknown error");
}

static void test_mode_names(void **state)
{
	enum scmi_mode m;

	(void)state;
	assert_int_equal(scmi_mode_parse("smt-memref", &m), 0);
	assert_int_equal(m, SCMI_MODE_SMT_MEMREF);
	assert_int_equal(scmi_mode_parse("msg", &m), 0);
	assert_int_equal(m, SCMI_MODE_MSG);
	assert_int_equal(scmi_mode_parse("SMT", &m), -EINVAL);
	assert_int_equal(scmi_mode_parse(NULL, &m), -EINVAL);
	assert_string_equal(scmi_mode_name(SCMI_MODE_SMT), "smt");
	assert_string_equal(scmi_mode_name(SCMI_MODE_AUTO), "auto");
}

static void test_tokens_increment_and_wrap(void **state)
{
	struct scmi_agent *a = *state;
	uint32_t v;
	size_t i;

	for (i = 0; i < SCMI_TOKEN_COUNT + 6; i++)
		assert_int_equal(scmi_protocol_version(a, SCMI_PROTOCOL_BASE, &v), 0);
	assert_int_equal(fake.nlog, SCMI_TOKEN_COUNT + 6);
	for (i = 0; i < fake.nlog; i++)
		assert_int_equal(scmi_hdr_token(fake.log_hdr[i]), i % SCMI_TOKEN_COUNT);
}

static void test_tokens_skip_inflight(void **state)
{
	struct scmi_agent *a = *state;
	int held, t, i;
	uint32_t v;

	held = scmi_token_alloc(a); /* token 0 stays "in flight" */
	assert_int_equal(held, 0);
	for (i = 0; i < (int)SCMI_TOKEN_COUNT - 1; i++)
		assert_int_equal(scmi_protocol_version(a, SCMI_PROTOCOL_BASE, &v), 0);
	assert_int_equal(scmi_hdr_token(fake.log_hdr[fake.nlog - 1]), 1023);
	/* Wrapped: 0 is busy, so the next one is 1. */
	assert_int_equal(scmi_protocol_version(a, SCMI_PROTOCOL_BASE, &v), 0);
	assert_int_equal(scmi_hdr_token(fake.log_hdr[fake.nlog - 1]), 1);
	scmi_token_free(a, (unsigned int)held);

	/* All tokens busy: -EBUSY, and a freed one is found again. */
	for (i = 0; i < (int)SCMI_TOKEN_COUNT; i++)
		assert_true(scmi_token_alloc(a) >= 0);
	assert_int_equal(scmi_token_alloc(a), -EBUSY);
	assert_int_equal(scmi_xfer(a, 0x10, 0, NULL, 0, NULL, 0, NULL, NULL), -EBUSY);
	scmi_token_free(a, 77);
	t = scmi_token_alloc(a);
	assert_int_equal(t, 77);
}

static void serve_wrong_token_once(struct fake *f, const struct scmi_xfer *x)
{
	fake_serve_default(f, x);
	if (f->nlog == 1) /* the first reply carries the next token: a stale reply */
		scmi_put_le32(f->reply,
			      scmi_hdr_make(x->hdr.protocol_id, x->hdr.msg_id, 0,
					    (uint16_t)((x->hdr.token + 5) % SCMI_TOKEN_COUNT)));
}

static void test_mismatched_token(void **state)
{
	struct scmi_agent *a = *state;
	struct scmi_agent_stats st;
	char err[SCMI_ERR_LEN];
	uint32_t v = 0;

	fake.serve = serve_wrong_token_once;
	assert_int_equal(scmi_protocol_version(a, SCMI_PROTOCOL_BASE, &v), -EPROTO);
	assert_int_equal(v, 0);
	scmi_agent_last_error(a, err, sizeof(err));
	assert_non_null(strstr(err, "stale or mismatched token 0x005 (expected 0x000)"));
	scmi_agent_get_stats(a, &st);
	assert_int_equal(st.bad_replies, 1);
	assert_int_equal(st.xfers_failed, 1);
	/* The next transfer works. */
	assert_int_equal(scmi_protocol_version(a, SCMI_PROTOCOL_BASE, &v), 0);
	assert_int_equal(v, SCMI_BASE_VERSION_2_1);
	scmi_agent_get_stats(a, &st);
	assert_int_equal(st.xfers_ok, 1);
}

static void serve_wrong_msg(struct fake *f, const struct scmi_xfer *x)
{
	fake_serve_default(f, x);
	scmi_put_le32(f->reply, x->hdr_word ^ 0x1); /* same token, other message id */
}

static void serve_delayed_type(struct fake *f, const struct scmi_xfer *x)
{
	fake_serve_default(f, x);
	scmi_put_le32(f->reply, x->hdr_word | (SCMI_MSG_TYPE_DELAYED_RESP << SCMI_HDR_TYPE_SHIFT));
}

static void test_mismatched_header(void **state)
{
	struct scmi_agent *a = *state;
	char err[SCMI_ERR_LEN];
	uint32_t v;

	fake.serve = serve_wrong_msg;
	assert_int_equal(scmi_protocol_version(a, SCMI_PROTOCOL_BASE, &v), -EPROTO);
	scmi_agent_last_error(a, err, sizeof(err));
	assert_non_null(strstr(err, "mismatched reply header"));
	fake.serve = serve_delayed_type;
	assert_int_equal(scmi_protocol_version(a, SCMI_PROTOCOL_BASE, &v), -EPROTO);
}

static void serve_short(struct fake *f, const struct scmi_xfer *x)
{
	(void)f;
	fake_reply(x->hdr_word, 0, NULL, 0);
	fake.reply_len = 6; /* not even a whole status word */
}

static void serve_status_only(struct fake *f, const struct scmi_xfer *x)
{
	(void)f;
	fake_reply(x->hdr_word, 0, NULL, 0);
}

static void serve_vendor_short(struct fake *f, const struct scmi_xfer *x)
{
	(void)f;
	fake_reply(x->hdr_word, 0, "Linaro", 6);
}

static void test_short_replies(void **state)
{
	struct scmi_agent *a = *state;
	char name[SCMI_NAME_BUF];
	uint32_t v, id;

	fake.serve = serve_short;
	assert_int_equal(scmi_protocol_version(a, SCMI_PROTOCOL_BASE, &v), -EPROTO);
	fake.serve = serve_status_only;
	assert_int_equal(scmi_protocol_version(a, SCMI_PROTOCOL_BASE, &v), -EPROTO);
	assert_int_equal(scmi_protocol_attributes(a, SCMI_PROTOCOL_BASE, &v), -EPROTO);
	assert_int_equal(scmi_base_discover_impl_version(a, &v), -EPROTO);
	assert_int_equal(scmi_base_discover_agent(a, 0, &id, name), -EPROTO);
	/* Commands without return values are fine with a bare status. */
	assert_int_equal(scmi_base_notify_errors(a, true), 0);
	assert_int_equal(scmi_protocol_negotiate_version(a, SCMI_PROTOCOL_BASE, 0x20000), 0);
	fake.serve = serve_vendor_short;
	assert_int_equal(scmi_base_discover_vendor(a, name), -EPROTO);
	/* The xfer itself reports what came. */
	{
		uint8_t rx[16];
		size_t rx_len = 99;
		int32_t st = 5;

		assert_int_equal(scmi_xfer(a, 0x10, 3, NULL, 0, rx, sizeof(rx), &rx_len, &st), 0);
		assert_int_equal(rx_len, 6);
		assert_int_equal(st, 0);
		assert_memory_equal(rx, "Linaro", 6);
	}
}

static void serve_status(struct fake *f, const struct scmi_xfer *x)
{
	(void)f;
	fake_reply(x->hdr_word, SCMI_DENIED, NULL, 0);
}

static void test_status_and_sizes(void **state)
{
	struct scmi_agent *a = *state;
	uint8_t big[200] = {0};
	size_t rx_len = 7;
	int32_t st = 0;

	fake.serve = serve_status;
	assert_int_equal(scmi_xfer(a, 0x10, 0, NULL, 0, big, 4, &rx_len, &st), -EACCES);
	assert_int_equal(st, SCMI_DENIED);
	assert_int_equal(rx_len, 0);
	/* SCMI errors are not transport failures. */
	{
		struct scmi_agent_stats s;

		scmi_agent_get_stats(a, &s);
		assert_int_equal(s.xfers_ok, 1);
		assert_int_equal(s.xfers_failed, 0);
	}
	assert_int_equal(scmi_xfer(a, 0x10, 0, big, 105, NULL, 0, NULL, NULL), -ERANGE);
	assert_int_equal(scmi_xfer(a, 0x10, 0, NULL, 0, big, 105, NULL, NULL), -ERANGE);
	assert_int_equal(scmi_xfer(a, 0x10, 0, NULL, 4, NULL, 0, NULL, NULL), -EINVAL);
	assert_int_equal(scmi_xfer(NULL, 0x10, 0, NULL, 0, NULL, 0, NULL, NULL), -EINVAL);
	assert_int_equal(fake.nlog, 1); /* refused before reaching the transport */
	fake.serve = fake_serve_default;
	assert_int_equal(scmi_xfer(a, 0x10, 0, big, 104, big, 104, &rx_len, NULL), 0);
	assert_int_equal(rx_len, 4);
}

static void test_transport_error(void **state)
{
	struct scmi_agent *a = *state;
	struct scmi_agent_stats s;
	char err[SCMI_ERR_LEN];
	uint32_t v;

	fake.send_ret = -ETIMEDOUT;
	assert_int_equal(scmi_protocol_version(a, SCMI_PROTOCOL_BASE, &v), -ETIMEDOUT);
	scmi_agent_last_error(a, err, sizeof(err));
	assert_non_null(strstr(err, "ETIMEDOUT"));
	scmi_agent_get_stats(a, &s);
	assert_int_equal(s.xfers_failed, 1);
	fake.send_ret = 0;
	assert_int_equal(scmi_protocol_version(a, SCMI_PROTOCOL_BASE, &v), 0);
}

static void test_poll_timeout(void **state)
{
	struct scmi_agent *a;
	uint32_t v;

	(void)state;
	a = open_fake(&fake_poll_desc, 5);
	assert_int_equal(scmi_protocol_version(a, SCMI_PROTOCOL_BASE, &v), 0);
	fake.never_done = 1;
	assert_int_equal(scmi_protocol_version(a, SCMI_PROTOCOL_BASE, &v), -ETIMEDOUT);
	scmi_agent_close(a);
}

static void test_common_messages(void **state)
{
	struct scmi_agent *a = *state;
	uint32_t v;

	assert_int_equal(scmi_protocol_message_attributes(a, 0x10, 7, &v), 0);
	assert_int_equal(fake.log_tx[fake.nlog - 1], 7);
	assert_int_equal(scmi_protocol_message_attributes(a, 0x10, 0x20, &v), -ENOENT);
	assert_int_equal(scmi_protocol_negotiate_version(a, 0x14, 0x20000), -EOPNOTSUPP);
	assert_int_equal(fake.log_tx[fake.nlog - 1], 0x20000);
	assert_int_equal(scmi_protocol_version(a, 0x14, &v), 0);
	assert_int_equal(v, 0x30000);
	assert_int_equal(scmi_protocol_version(a, 0x14, NULL), -EINVAL);
}

static void test_list_three_pages(void **state)
{
	struct scmi_agent *a = *state;
	uint8_t ids[16];
	size_t n = 0;

	assert_int_equal(scmi_base_discover_list_protocols(a, 7, ids, sizeof(ids), &n), 0);
	assert_int_equal(n, 7);
	assert_memory_equal(ids, fake.ids, 7);
	assert_int_equal(fake.nlog, 3);
	assert_int_equal(fake.log_tx[0], 0);
	assert_int_equal(fake.log_tx[1], 3);
	assert_int_equal(fake.log_tx[2], 6);
	/* A smaller output array gets the first ids. */
	assert_int_equal(scmi_base_discover_list_protocols(a, 7, ids, 2, &n), 0);
	assert_int_equal(n, 2);
	assert_int_equal(ids[1], 0x13);
	/* expected 0: nothing to ask. */
	fake.nlog = 0;
	assert_int_equal(scmi_base_discover_list_protocols(a, 0, ids, sizeof(ids), &n), 0);
	assert_int_equal(n, 0);
	assert_int_equal(fake.nlog, 0);
	assert_int_equal(scmi_base_discover_list_protocols(a, 7, ids, sizeof(ids), NULL), -EINVAL);
}

static void serve_page_lies(struct fake *f, const struct scmi_xfer *x)
{
	uint8_t v[8] = {0};

	(void)f;
	scmi_put_le32(v, 5); /* claims 5 ids (needs 8 bytes) but carries 4 */
	v[4] = 0x11;
	fake_reply(x->hdr_word, 0, v, 8);
}

static void serve_empty_second_page(struct fake *f, const struct scmi_xfer *x)
{
	fake_serve_default(f, x);
	if (scmi_get_le32(x->tx) > 0) {
		uint8_t v[4] = {0};

		fake_reply(x->hdr_word, 0, v, 4);
	}
}

static void test_list_bad_pages(void **state)
{
	struct scmi_agent *a = *state;
	struct scmi_agent_stats s;
	uint8_t ids[300];
	size_t n = 42;

	fake.serve = serve_page_lies;
	assert_int_equal(scmi_base_discover_list_protocols(a, 7, ids, sizeof(ids), &n), -EPROTO);
	assert_int_equal(n, 0);

	/* More ids than remain: 3 per page but only 2 expected. */
	fake.serve = fake_serve_default;
	assert_int_equal(scmi_base_discover_list_protocols(a, 2, ids, sizeof(ids), &n), -EPROTO);

	/* An empty page before the end ends the walk. */
	fake.serve = serve_empty_second_page;
	assert_int_equal(scmi_base_discover_list_protocols(a, 7, ids, sizeof(ids), &n), 0);
	assert_int_equal(n, 3);

	/* A server whose pages never end: bounded. */
	fake.serve = fake_serve_default;
	fake.never_ends = 1;
	fake.nlog = 0;
	assert_int_equal(scmi_base_discover_list_protocols(a, UINT32_MAX, ids, sizeof(ids), &n),
			 -EPROTO);
	assert_int_equal(fake.nlog, 256);
	scmi_agent_get_stats(a, &s);
	assert_true(s.xfers_ok >= 256);
}

static void serve_long_vendor(struct fake *f, const struct scmi_xfer *x)
{
	fake_serve_default(f, x);
	if (x->hdr.msg_id == SCMI_MSG_BASE_DISCOVER_VENDOR)
		fake_reply(x->hdr_word, 0, "ABCDEFGHIJKLMNOPQRSTUVWX", 24);
	if (x->hdr.msg_id == SCMI_MSG_BASE_DISCOVER_SUB_VENDOR)
		fake_reply(x->hdr_word, SCMI_NOT_SUPPORTED, NULL, 0);
}

static void serve_sub_vendor_denied(struct fake *f, const struct scmi_xfer *x)
{
	fake_serve_default(f, x);
	if (x->hdr.msg_id == SCMI_MSG_BASE_DISCOVER_SUB_VENDOR)
		fake_reply(x->hdr_word, SCMI_DENIED, NULL, 0);
}

static void test_base_info(void **state)
{
	struct scmi_agent *a = *state;
	struct scmi_base_info info;
	char name[SCMI_NAME_BUF];
	uint32_t id = 0, np, na;

	assert_int_equal(scmi_base_get_info(a, &info), 0);
	assert_int_equal(info.version, SCMI_BASE_VERSION_2_1);
	assert_int_equal(info.num_protocols, 7);
	assert_int_equal(info.num_agents, 2);
	assert_string_equal(info.vendor, "Linaro");
	assert_string_equal(info.sub_vendor, "sim");
	assert_int_equal(info.impl_version, 0x1234);
	assert_int_equal(info.num_listed, 7);
	assert_memory_equal(info.protocols, fake.ids, 7);

	fake.serve = serve_long_vendor;
	assert_int_equal(scmi_base_get_info(a, &info), 0);
	assert_string_equal(info.vendor, "ABCDEFGHIJKLMNOP");
	assert_string_equal(info.sub_vendor, "");
	fake.serve = serve_sub_vendor_denied;
	assert_int_equal(scmi_base_get_info(a, &info), -EACCES);

	fake.serve = fake_serve_default;
	assert_int_equal(scmi_base_discover_agent(a, SCMI_BASE_AGENT_ID_SELF, &id, name), 0);
	assert_int_equal(id, 1);
	assert_string_equal(name, "agent-one");
	assert_int_equal(scmi_base_attributes(a, &np, &na), 0);
	assert_int_equal(np, 7);
	assert_int_equal(na, 2);
}

static void test_base_permissions(void **state)
{
	struct scmi_agent *a = *state;

	assert_int_equal(scmi_base_set_device_permissions(a, 2, 5, true), 0);
	assert_int_equal(fake.log_tx[fake.nlog - 1], 2);
	assert_int_equal(scmi_base_set_protocol_permissions(a, 2, 5, 0x14, false), 0);
	assert_int_equal(scmi_base_reset_agent_configuration(a, 2, true), 0);
	assert_int_equal(scmi_hdr_make(0x10, SCMI_MSG_BASE_RESET_AGENT_CONFIGURATION, 0, 0) &
			     0x3ffff,
			 fake.log_hdr[fake.nlog - 1] & 0x3ffff);
	fake.serve = serve_status;
	assert_int_equal(scmi_base_set_device_permissions(a, 2, 5, true), -EACCES);
}

static void test_dt_channels_routing(void **state)
{
	struct scmi_agent_config cfg = {0};
	struct scmi_agent *a;
	static uint8_t buf[4096];
	struct tdt t;
	uint32_t v, chan;

	(void)state;
	fake_reset();
	tdt_defaults(&t);
	t.chan = 4;
	t.timeout = 77;
	t.msg_size = 64;
	t.nprotos = 2;
	t.protos[0] = (struct tdt_proto){.reg = 0x14, .has_chan = true, .chan = 9};
	t.protos[1] = (struct tdt_proto){.reg = 0x15};
	cfg.dtb = buf;
	cfg.dtb_size = tdt_build(&t, buf, sizeof(buf));
	assert_int_equal(scmi_agent_open_with_transport(&cfg, &fake_desc, &a), 0);
	assert_int_equal(a->num_chans, 2);
	assert_int_equal(fake.setups, 2);
	assert_int_equal(a->timeout_ms, 77);
	assert_int_equal(scmi_agent_max_msg_size(a), 64);
	assert_int_equal(scmi_protocol_version(a, 0x14, &v), 0);
	assert_int_equal(fake.log_chan[fake.nlog - 1], 9);
	assert_int_equal(scmi_protocol_version(a, 0x15, &v), 0);
	assert_int_equal(fake.log_chan[fake.nlog - 1], 4);
	assert_int_equal(scmi_protocol_version(a, 0x10, &v), 0);
	assert_int_equal(fake.log_chan[fake.nlog - 1], 4);
	scmi_agent_channel_of(a, 0x14, &chan, NULL);
	assert_int_equal(chan, 9);
	scmi_agent_close(a);
	assert_int_equal(fake.frees, 2);

	/* The config's timeout wins over the DT's. */
	cfg.timeout_ms = 12;
	assert_int_equal(scmi_agent_open_with_transport(&cfg, &fake_desc, &a), 0);
	assert_int_equal(a->timeout_ms, 12);
	scmi_agent_close(a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(test_open_defaults, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_open_errors, setup, teardown),
	    cmocka_unit_test(test_status_to_errno),
	    cmocka_unit_test(test_mode_names),
	    cmocka_unit_test_setup_teardown(test_tokens_increment_and_wrap, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_tokens_skip_inflight, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_mismatched_token, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_mismatched_header, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_short_replies, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_status_and_sizes, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_transport_error, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_poll_timeout, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_common_messages, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_list_three_pages, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_list_bad_pages, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_base_info, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_base_permissions, setup, teardown),
	    cmocka_unit_test(test_dt_channels_routing),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
