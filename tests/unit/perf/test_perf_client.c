// SPDX-License-Identifier: BSD-3-Clause
/*
 * The perf client against a scripted fake platform: malformed and lying
 * replies are refused (-EPROTO), walks are bounded, and the client adapts its
 * layouts and its messages to the platform's version.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <errno.h>
#include <string.h>

#include "agent/common.h"
#include "fake_transport.h"
#include "scmi/perf.h"
#include "scmi/proto/endian.h"

/* The script of the fake perf platform. */
static struct {
	uint32_t version;    /* PROTOCOL_VERSION */
	uint32_t num_levels; /* DESCRIBE_LEVELS: table size */
	uint32_t per_page;   /* entries per page */
	int lie;	     /* 1: count beyond payload; 2: remaining stuck; 3: remaining grows */
	size_t short_by;     /* bytes cut off every reply */
	uint32_t negotiated; /* NEGOTIATE_PROTOCOL_VERSION seen */
	unsigned int name_gets;	  /* DOMAIN_NAME_GET seen */
	unsigned int level_pages; /* DESCRIBE_LEVELS seen */
} plat;

static void serve(struct fake *f, const struct scmi_xfer *x)
{
	uint8_t v[128] = {0};
	size_t n = 0, e, i;
	uint32_t first, ret, rem;

	(void)f;
	if (x->hdr.protocol_id != SCMI_PROTOCOL_PERF) {
		fake_reply(x->hdr_word, SCMI_NOT_SUPPORTED, NULL, 0);
		return;
	}
	switch (x->hdr.msg_id) {
	case SCMI_MSG_PROTOCOL_VERSION:
		scmi_put_le32(v, plat.version);
		n = 4;
		break;
	case SCMI_MSG_PROTOCOL_MESSAGE_ATTRIBUTES:
		n = 4;
		break;
	case SCMI_MSG_NEGOTIATE_PROTOCOL_VERSION:
		plat.negotiated = scmi_get_le32(x->tx);
		break;
	case SCMI_MSG_PROTOCOL_ATTRIBUTES:
		scmi_put_le32(v, 2u | (3u << 16)); /* mW and µW both set */
		n = 16;
		break;
	case SCMI_MSG_PERF_DOMAIN_ATTRIBUTES:
		scmi_put_le32(v, (1u << 26) | (1u << 25) | (1u << 27));
		scmi_put_le32(v + 4, 0xfff12345u);
		memcpy(v + 16, "short_name_xxxxxxxx", 16); /* no NUL in 16 bytes */
		n = 32;
		break;
	case SCMI_MSG_PERF_DOMAIN_NAME_GET:
		plat.name_gets++;
		memcpy(v + 4, "a_long_extended_name", 21);
		n = 68;
		break;
	case SCMI_MSG_PERF_DESCRIBE_LEVELS:
		plat.level_pages++;
		e = plat.version >= 0x40000 ? 20 : 12;
		first = scmi_get_le32((const uint8_t *)x->tx + 4);
		ret = plat.num_levels - first < plat.per_page ? plat.num_levels - first
							      : plat.per_page;
		rem = plat.num_levels - first - ret;
		if (plat.lie == 2)
			rem = plat.num_levels; /* never shrinks */
		if (plat.lie == 3)
			rem = plat.num_levels + first;
		scmi_put_le32(v, (plat.lie == 1 ? ret + 1 : ret) | (rem << 16));
		for (i = 0; i < ret; i++) {
			scmi_put_le32(v + 4 + i * e, 100 * (first + (uint32_t)i + 1));
			scmi_put_le32(v + 4 + i * e + 8, 0xabcd0000u | 42u); /* reserved bits set */
			if (e == 20) {
				scmi_put_le32(v + 4 + i * e + 12, 1000 * (first + (uint32_t)i + 1));
				scmi_put_le32(v + 4 + i * e + 16, first + (uint32_t)i);
			}
		}
		n = 4 + ret * e;
		break;
	case SCMI_MSG_PERF_LEVEL_GET:
		scmi_put_le32(v, 777);
		n = 4;
		break;
	case SCMI_MSG_PERF_LIMITS_GET:
		scmi_put_le32(v, 900);
		scmi_put_le32(v + 4, 100);
		n = 8;
		break;
	default:
		break;
	}
	n = n > plat.short_by ? n - plat.short_by : 0;
	fake_reply(x->hdr_word, SCMI_SUCCESS, v, n);
}

static int setup(void **state)
{
	struct scmi_agent_config cfg = {.timeout_ms = 0};
	struct scmi_agent *a = NULL;

	fake_reset();
	fake.serve = serve;
	memset(&plat, 0, sizeof(plat));
	plat.version = 0x40000;
	plat.num_levels = 10;
	plat.per_page = 4;
	assert_int_equal(scmi_agent_open_with_transport(&cfg, &fake_desc, &a), 0);
	*state = a;
	return 0;
}

static int teardown(void **state)
{
	scmi_agent_close(*state);
	return 0;
}

static void test_walk_v4(void **state)
{
	struct scmi_perf_level lv[32];
	size_t n = 0;

	assert_int_equal(scmi_perf_describe_levels(*state, 0, lv, 32, &n), 0);
	assert_int_equal(n, 10);
	assert_int_equal(plat.level_pages, 3);
	assert_int_equal(lv[9].perf, 1000);
	assert_int_equal(lv[9].freq_khz, 10000);
	assert_int_equal(lv[9].index, 9);
	assert_int_equal(lv[0].latency_us, 42); /* bits [15:0] only */
}

static void test_walk_v3_layout(void **state)
{
	struct scmi_perf_level lv[32];
	size_t n = 0;

	plat.version = 0x30000;
	assert_int_equal(scmi_perf_describe_levels(*state, 0, lv, 32, &n), 0);
	assert_int_equal(n, 10);
	assert_int_equal(lv[5].perf, 600);
	assert_int_equal(lv[5].freq_khz, 0);
	assert_int_equal(lv[5].index, 5);
}

static void test_walk_refuses_lies(void **state)
{
	struct scmi_perf_level lv[32];
	size_t n = 7;

	plat.lie = 1;
	assert_int_equal(scmi_perf_describe_levels(*state, 0, lv, 32, &n), -EPROTO);
	assert_int_equal(n, 0);
	plat.lie = 2;
	plat.level_pages = 0;
	assert_int_equal(scmi_perf_describe_levels(*state, 0, lv, 32, &n), -EPROTO);
	assert_true(plat.level_pages <= 2);
	plat.lie = 3;
	assert_int_equal(scmi_perf_describe_levels(*state, 0, lv, 32, &n), -EPROTO);
	/* A table larger than the client's bound. */
	plat.lie = 0;
	plat.num_levels = SCMI_PERF_MAX_LEVELS + 1;
	assert_int_equal(scmi_perf_describe_levels(*state, 0, lv, 32, &n), -EPROTO);
	/* Room for fewer levels than the platform has. */
	plat.num_levels = 10;
	assert_int_equal(scmi_perf_describe_levels(*state, 0, lv, 9, &n), -ENOSPC);
	assert_int_equal(scmi_perf_describe_levels(*state, 0, NULL, 9, &n), -EINVAL);
}

static void test_short_replies(void **state)
{
	struct scmi_perf_domain_info d;
	struct scmi_perf_info pi;
	struct scmi_perf_level lv[32];
	uint32_t v, w;
	size_t n;

	plat.short_by = 1;
	assert_int_equal(scmi_perf_level_get(*state, 0, &v), -EPROTO);
	assert_int_equal(scmi_perf_limits_get(*state, 0, &v, &w), -EPROTO);
	assert_int_equal(scmi_perf_domain_attributes(*state, 0, &d), -EPROTO);
	assert_int_equal(scmi_perf_describe_levels(*state, 0, lv, 32, &n), -EPROTO);
	plat.short_by = 0;
	assert_int_equal(scmi_perf_protocol_info(*state, &pi), 0);
	assert_int_equal(pi.num_domains, 2);
	assert_true(pi.power_mw && pi.power_uw);
	assert_int_equal(scmi_perf_level_get(*state, 0, &v), 0);
	assert_int_equal(v, 777);
}

static void test_attributes_by_version(void **state)
{
	struct scmi_perf_domain_info d;
	struct scmi_perf_info pi;

	assert_int_equal(scmi_perf_domain_attributes(*state, 0, &d), 0);
	assert_string_equal(d.name, "a_long_extended_name");
	assert_true(d.extended_name && d.level_indexing && d.fastchannels);
	assert_int_equal(d.rate_limit_us, 0x12345);
	assert_int_equal(plat.name_gets, 1);

	/* 2.0: the bits of later versions mean nothing, NAME_GET is not sent. */
	plat.version = 0x20000;
	assert_int_equal(scmi_perf_domain_attributes(*state, 0, &d), 0);
	assert_string_equal(d.name, "short_name_xxxx"); /* 15 characters and the NUL */
	assert_false(d.extended_name || d.level_indexing);
	assert_true(d.fastchannels);
	assert_int_equal(plat.name_gets, 1);
	assert_int_equal(scmi_perf_protocol_info(*state, &pi), 0);
	assert_false(pi.power_uw);

	plat.version = 0x10000;
	assert_int_equal(scmi_perf_domain_attributes(*state, 0, &d), 0);
	assert_false(d.fastchannels);
	{
		struct scmi_perf_fastchannel fc;
		char name[SCMI_PERF_NAME_BUF];

		assert_int_equal(scmi_perf_describe_fastchannel(*state, 0, 7, &fc), -EOPNOTSUPP);
		assert_int_equal(scmi_perf_domain_name_get(*state, 0, name), -EOPNOTSUPP);
	}
}

static void test_negotiates_down_from_newer(void **state)
{
	uint32_t v = 0;

	plat.version = 0x50000;
	assert_int_equal(scmi_perf_init(*state, &v), 0);
	assert_int_equal(v, 0x40000);
	assert_int_equal(plat.negotiated, 0x40000);
	plat.negotiated = 0;
	plat.version = 0x30000;
	assert_int_equal(scmi_perf_init(*state, &v), 0);
	assert_int_equal(v, 0x30000);
	assert_int_equal(plat.negotiated, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(test_walk_v4, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_walk_v3_layout, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_walk_refuses_lies, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_short_replies, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_attributes_by_version, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_negotiates_down_from_newer, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
