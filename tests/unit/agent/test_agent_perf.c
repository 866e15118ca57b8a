// SPDX-License-Identifier: BSD-3-Clause
/*
 * The Performance client's edges against scripted replies (issue 17; the walk
 * itself is test_perf_client's): attribute bits at each version, the wire of
 * every word command, FASTCHANNEL and NAME_GET gates, the level bound exactly.
 */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "agent/common.h"
#include "scmi/perf.h"
#include "scmi/proto/endian.h"
#include "scmi/proto/perf.h"
#include "script_server.h"

#define PERF	    SCMI_PROTOCOL_PERF
#define V(maj, min) SCMI_VERSION(maj, min)

static void at(uint32_t version)
{
	ss_u32(PERF, SCMI_MSG_PROTOCOL_VERSION, &version, 1);
}

static void test_protocol_info(void **state)
{
	struct scmi_perf_info info;
	uint8_t v[16] = {0};
	uint32_t ver = 0;

	(void)state;
	assert_int_equal(scmi_perf_protocol_info(ss_agent, NULL), -EINVAL);
	assert_int_equal(scmi_perf_protocol_info(ss_agent, &info), -EOPNOTSUPP);
	scmi_put_le32(v, 3 | SCMI_PERF_PA_POWER_MW | SCMI_PERF_PA_POWER_UW);
	scmi_put_le64(v + 4, 0x1122334455667788ull);
	scmi_put_le32(v + 12, 0x400);
	ss_set(PERF, SCMI_MSG_PROTOCOL_ATTRIBUTES, 0, v, 16);
	at(V(2, 0));
	assert_int_equal(scmi_perf_protocol_info(ss_agent, &info), 0);
	assert_int_equal(info.version, V(2, 0));
	assert_int_equal(info.num_domains, 3);
	assert_true(info.power_mw);
	assert_false(info.power_uw); /* the bit means nothing before 3.0 */
	assert_int_equal(info.stats_addr, 0x1122334455667788ull);
	assert_int_equal(info.stats_size, 0x400);
	at(V(3, 0));
	assert_int_equal(scmi_perf_protocol_info(ss_agent, &info), 0);
	assert_true(info.power_uw);
	/* Newer than ours: our layouts. */
	at(V(4, 1));
	assert_int_equal(scmi_perf_protocol_info(ss_agent, &info), 0);
	assert_int_equal(info.version, SCMI_PERF_VERSION);
	scmi_put_le32(v, 3);
	ss_set(PERF, SCMI_MSG_PROTOCOL_ATTRIBUTES, 0, v, 15);
	assert_int_equal(scmi_perf_protocol_info(ss_agent, &info), -EPROTO);
	/* init: the version in force, negotiated down. */
	ss_u32(PERF, SCMI_MSG_PROTOCOL_MESSAGE_ATTRIBUTES, (uint32_t[]){0}, 1);
	ss_set(PERF, SCMI_MSG_NEGOTIATE_PROTOCOL_VERSION, 0, NULL, 0);
	assert_int_equal(scmi_perf_init(ss_agent, &ver), 0);
	assert_int_equal(ver, SCMI_PERF_VERSION);
	assert_int_equal(ss_tx_u32(PERF, SCMI_MSG_NEGOTIATE_PROTOCOL_VERSION, 0),
			 SCMI_PERF_VERSION);
	assert_int_equal(scmi_perf_init(ss_agent, NULL), 0);
	at(V(2, 0));
	assert_int_equal(scmi_perf_init(ss_agent, &ver), 0);
	assert_int_equal(ver, V(2, 0));
	ss_set(PERF, SCMI_MSG_PROTOCOL_VERSION, SCMI_DENIED, NULL, 0);
	ver = 7;
	assert_int_equal(scmi_perf_init(ss_agent, &ver), -EACCES);
	assert_int_equal(ver, 7);
}

static void domain_reply(uint32_t attr, const char *name, size_t len)
{
	uint8_t v[32] = {0};

	scmi_put_le32(v, attr);
	scmi_put_le32(v + 4, 0xfff12345); /* rate limit: 20 bits */
	scmi_put_le32(v + 8, 1000);
	scmi_put_le32(v + 12, 7);
	memcpy(v + 16, name, strnlen(name, 16));
	ss_set(PERF, SCMI_MSG_PERF_DOMAIN_ATTRIBUTES, 0, v, len);
}

static void test_domain_attributes(void **state)
{
	struct scmi_perf_domain_info d;
	uint8_t ext[68] = {0};
	const uint32_t all = SCMI_PERF_ATTR_SET_LIMITS | SCMI_PERF_ATTR_SET_LEVEL |
			     SCMI_PERF_ATTR_LIMITS_NOTIFY | SCMI_PERF_ATTR_LEVEL_NOTIFY |
			     SCMI_PERF_ATTR_FASTCHANNELS | SCMI_PERF_ATTR_EXT_NAME |
			     SCMI_PERF_ATTR_LEVEL_INDEXING;
	char name[SCMI_PERF_NAME_BUF];

	(void)state;
	memcpy(ext + 4, "the-long-name-of-the-domain", sizeof("the-long-name-of-the-domain"));
	ss_set(PERF, SCMI_MSG_PERF_DOMAIN_NAME_GET, 0, ext, sizeof(ext));
	domain_reply(all, "cpu", 32);
	at(V(1, 0));
	assert_int_equal(scmi_perf_domain_attributes(ss_agent, 2, &d), 0);
	assert_true(d.set_limits && d.set_level && d.notify_limits && d.notify_level);
	assert_false(d.fastchannels);
	assert_false(d.extended_name);
	assert_false(d.level_indexing);
	assert_string_equal(d.name, "cpu");
	assert_int_equal(d.rate_limit_us, 0x12345);
	assert_int_equal(d.sustained_freq_khz, 1000);
	assert_int_equal(d.sustained_level, 7);
	assert_int_equal(ss_tx_u32(PERF, SCMI_MSG_PERF_DOMAIN_ATTRIBUTES, 0), 2);
	assert_int_equal(scmi_perf_domain_name_get(ss_agent, 2, name), -EOPNOTSUPP);
	at(V(2, 0));
	assert_int_equal(scmi_perf_domain_attributes(ss_agent, 2, &d), 0);
	assert_true(d.fastchannels);
	assert_false(d.extended_name);
	assert_int_equal(ss_count(PERF, SCMI_MSG_PERF_DOMAIN_NAME_GET), 0);
	assert_int_equal(scmi_perf_domain_name_get(ss_agent, 2, name), -EOPNOTSUPP);
	at(V(3, 0));
	assert_int_equal(scmi_perf_domain_attributes(ss_agent, 2, &d), 0);
	assert_true(d.extended_name);
	assert_false(d.level_indexing);
	assert_string_equal(d.name, "the-long-name-of-the-domain");
	assert_int_equal(ss_tx_u32(PERF, SCMI_MSG_PERF_DOMAIN_NAME_GET, 0), 2);
	assert_int_equal(scmi_perf_domain_name_get(ss_agent, 4, name), 0);
	assert_string_equal(name, "the-long-name-of-the-domain");
	assert_int_equal(ss_tx_u32(PERF, SCMI_MSG_PERF_DOMAIN_NAME_GET, 0), 4);
	assert_int_equal(scmi_perf_domain_name_get(ss_agent, 4, NULL), -EINVAL);
	at(V(4, 0));
	assert_int_equal(scmi_perf_domain_attributes(ss_agent, 2, &d), 0);
	assert_true(d.level_indexing);
	/* The extended name failing keeps the short one. */
	ss_set(PERF, SCMI_MSG_PERF_DOMAIN_NAME_GET, SCMI_NOT_FOUND, NULL, 0);
	assert_int_equal(scmi_perf_domain_attributes(ss_agent, 2, &d), 0);
	assert_false(d.extended_name);
	assert_string_equal(d.name, "cpu");
	/* Without the bit, not asked. */
	domain_reply(SCMI_PERF_ATTR_SET_LEVEL, "gpu", 32);
	assert_int_equal(scmi_perf_domain_attributes(ss_agent, 3, &d), 0);
	assert_false(d.set_limits);
	assert_true(d.set_level);
	assert_false(d.fastchannels);
	assert_false(d.level_indexing);
	assert_int_equal(ss_tx_u32(PERF, SCMI_MSG_PERF_DOMAIN_NAME_GET, 0), 2);
	domain_reply(all, "cpu", 31);
	assert_int_equal(scmi_perf_domain_attributes(ss_agent, 2, &d), -EPROTO);
	assert_int_equal(scmi_perf_domain_attributes(ss_agent, 2, NULL), -EINVAL);
	ss_set(PERF, SCMI_MSG_PROTOCOL_VERSION, SCMI_DENIED, NULL, 0);
	assert_int_equal(scmi_perf_domain_attributes(ss_agent, 2, &d), -EACCES);
	assert_int_equal(scmi_perf_domain_name_get(ss_agent, 4, name), -EACCES);
}

static void test_words(void **state)
{
	uint32_t max = 0, min = 0, level = 0;

	(void)state;
	ss_set(PERF, SCMI_MSG_PERF_LIMITS_SET, 0, NULL, 0);
	assert_int_equal(scmi_perf_limits_set(ss_agent, 1, 900, 100), 0);
	assert_int_equal(ss_last(PERF, SCMI_MSG_PERF_LIMITS_SET)->tx_len, 12);
	assert_int_equal(ss_tx_u32(PERF, SCMI_MSG_PERF_LIMITS_SET, 0), 1);
	assert_int_equal(ss_tx_u32(PERF, SCMI_MSG_PERF_LIMITS_SET, 1), 900);
	assert_int_equal(ss_tx_u32(PERF, SCMI_MSG_PERF_LIMITS_SET, 2), 100);
	ss_u32(PERF, SCMI_MSG_PERF_LIMITS_GET, (uint32_t[]){800, 200}, 2);
	assert_int_equal(scmi_perf_limits_get(ss_agent, 1, &max, &min), 0);
	assert_int_equal(max, 800);
	assert_int_equal(min, 200);
	assert_int_equal(ss_last(PERF, SCMI_MSG_PERF_LIMITS_GET)->tx_len, 4);
	assert_int_equal(ss_tx_u32(PERF, SCMI_MSG_PERF_LIMITS_GET, 0), 1);
	assert_int_equal(scmi_perf_limits_get(ss_agent, 1, NULL, NULL), 0);
	ss_u32(PERF, SCMI_MSG_PERF_LIMITS_GET, (uint32_t[]){800, 200}, 1);
	assert_int_equal(scmi_perf_limits_get(ss_agent, 1, &max, &min), -EPROTO);
	ss_set(PERF, SCMI_MSG_PERF_LEVEL_SET, 0, NULL, 0);
	assert_int_equal(scmi_perf_level_set(ss_agent, 2, 500), 0);
	assert_int_equal(ss_last(PERF, SCMI_MSG_PERF_LEVEL_SET)->tx_len, 8);
	assert_int_equal(ss_tx_u32(PERF, SCMI_MSG_PERF_LEVEL_SET, 0), 2);
	assert_int_equal(ss_tx_u32(PERF, SCMI_MSG_PERF_LEVEL_SET, 1), 500);
	ss_u32(PERF, SCMI_MSG_PERF_LEVEL_GET, (uint32_t[]){444}, 1);
	assert_int_equal(scmi_perf_level_get(ss_agent, 2, &level), 0);
	assert_int_equal(level, 444);
	assert_int_equal(ss_last(PERF, SCMI_MSG_PERF_LEVEL_GET)->tx_len, 4);
	assert_int_equal(scmi_perf_level_get(ss_agent, 2, NULL), -EINVAL);
	ss_set(PERF, SCMI_MSG_PERF_NOTIFY_LIMITS, 0, NULL, 0);
	ss_set(PERF, SCMI_MSG_PERF_NOTIFY_LEVEL, 0, NULL, 0);
	assert_int_equal(scmi_perf_notify_limits(ss_agent, 3, true), 0);
	assert_int_equal(ss_tx_u32(PERF, SCMI_MSG_PERF_NOTIFY_LIMITS, 0), 3);
	assert_int_equal(ss_tx_u32(PERF, SCMI_MSG_PERF_NOTIFY_LIMITS, 1), SCMI_NOTIFY_ENABLE);
	assert_int_equal(scmi_perf_notify_limits(ss_agent, 3, false), 0);
	assert_int_equal(ss_tx_u32(PERF, SCMI_MSG_PERF_NOTIFY_LIMITS, 1), 0);
	assert_int_equal(scmi_perf_notify_level(ss_agent, 4, true), 0);
	assert_int_equal(ss_tx_u32(PERF, SCMI_MSG_PERF_NOTIFY_LEVEL, 0), 4);
	assert_int_equal(ss_tx_u32(PERF, SCMI_MSG_PERF_NOTIFY_LEVEL, 1), SCMI_NOTIFY_ENABLE);
	assert_int_equal(ss_last(PERF, SCMI_MSG_PERF_NOTIFY_LEVEL)->tx_len, 8);
}

static void test_fastchannel(void **state)
{
	struct scmi_perf_fastchannel fc;
	uint8_t v[44] = {0};

	(void)state;
	assert_int_equal(scmi_perf_describe_fastchannel(ss_agent, 1, 7, NULL), -EINVAL);
	at(V(1, 0));
	assert_int_equal(scmi_perf_describe_fastchannel(ss_agent, 1, 7, &fc), -EOPNOTSUPP);
	at(V(2, 0));
	scmi_put_le32(v, 0x3);
	scmi_put_le32(v + 4, 0xfff00010);
	scmi_put_le64(v + 8, 0x1000);
	scmi_put_le32(v + 16, 0x20);
	scmi_put_le64(v + 20, 0x2000);
	scmi_put_le64(v + 28, 0x5);
	scmi_put_le64(v + 36, 0xf0);
	ss_set(PERF, SCMI_MSG_PERF_DESCRIBE_FASTCHANNEL, 0, v, 44);
	assert_int_equal(scmi_perf_describe_fastchannel(ss_agent, 1, 7, &fc), 0);
	assert_int_equal(ss_tx_u32(PERF, SCMI_MSG_PERF_DESCRIBE_FASTCHANNEL, 0), 1);
	assert_int_equal(ss_tx_u32(PERF, SCMI_MSG_PERF_DESCRIBE_FASTCHANNEL, 1), 7);
	assert_int_equal(fc.attributes, 3);
	assert_int_equal(fc.rate_limit_us, 0x10);
	assert_int_equal(fc.chan_addr, 0x1000);
	assert_int_equal(fc.chan_size, 0x20);
	assert_int_equal(fc.db_addr, 0x2000);
	assert_int_equal(fc.db_set_mask, 0x5);
	assert_int_equal(fc.db_preserve_mask, 0xf0);
	ss_set(PERF, SCMI_MSG_PERF_DESCRIBE_FASTCHANNEL, 0, v, 43);
	assert_int_equal(scmi_perf_describe_fastchannel(ss_agent, 1, 7, &fc), -EPROTO);
	ss_set(PERF, SCMI_MSG_PROTOCOL_VERSION, SCMI_DENIED, NULL, 0);
	assert_int_equal(scmi_perf_describe_fastchannel(ss_agent, 1, 7, &fc), -EACCES);
}

/* Levels pages of @per levels (3.0 layout: 12 bytes each) out of @total. */
static uint32_t lv_total, lv_per;

static void serve_levels(struct fake *f, const struct scmi_xfer *x)
{
	uint8_t v[104] = {0};
	uint32_t first, n, i;

	(void)f;
	if (x->hdr.msg_id == SCMI_MSG_PROTOCOL_VERSION) {
		scmi_put_le32(v, V(3, 0));
		fake_reply(x->hdr_word, 0, v, 4);
		return;
	}
	first = scmi_get_le32((const uint8_t *)x->tx + 4);
	n = lv_total - first < lv_per ? lv_total - first : lv_per;
	/* 8 levels fill the 104 bytes: a bound the compiler can see (-O3 checks the writes). */
	assert_true(n <= (sizeof(v) - 4) / 12);
	if (n > (sizeof(v) - 4) / 12)
		return;
	scmi_put_le32(v, n | ((lv_total - first - n) << 16));
	for (i = 0; i < n; i++)
		scmi_put_le32(v + 4 + 12 * (size_t)i, first + i + 1);
	fake_reply(x->hdr_word, 0, v, 4 + 12 * n);
}

static void test_level_bound(void **state)
{
	static struct scmi_perf_level levels[SCMI_PERF_MAX_LEVELS + 1];
	size_t n = 0;

	(void)state;
	fake.serve = serve_levels;
	lv_per = 8;
	lv_total = SCMI_PERF_MAX_LEVELS;
	assert_int_equal(scmi_perf_describe_levels(ss_agent, 0, levels, SCMI_PERF_MAX_LEVELS, &n),
			 0);
	assert_int_equal(n, SCMI_PERF_MAX_LEVELS);
	assert_int_equal(levels[SCMI_PERF_MAX_LEVELS - 1].perf, SCMI_PERF_MAX_LEVELS);
	assert_int_equal(levels[SCMI_PERF_MAX_LEVELS - 1].index, SCMI_PERF_MAX_LEVELS - 1);
	lv_total = SCMI_PERF_MAX_LEVELS + 1;
	assert_int_equal(
	    scmi_perf_describe_levels(ss_agent, 0, levels, SCMI_PERF_MAX_LEVELS + 1, &n), -EPROTO);
	/* Room for one less than there are. */
	lv_total = 9;
	assert_int_equal(scmi_perf_describe_levels(ss_agent, 0, levels, 8, &n), -ENOSPC);
	assert_int_equal(scmi_perf_describe_levels(ss_agent, 0, levels, 9, &n), 0);
	assert_int_equal(n, 9);
	assert_int_equal(scmi_perf_describe_levels(ss_agent, 0, NULL, 9, &n), -EINVAL);
	assert_int_equal(scmi_perf_describe_levels(ss_agent, 0, levels, 9, NULL), -EINVAL);
}

static void test_levels_page(void **state)
{
	struct scmi_perf_level lv[3];
	uint8_t v[104] = {0};
	uint32_t got = 9, rem = 9, i;

	(void)state;
	/* 3.0 layout: 12-byte entries, indexes counted from the first asked for. */
	at(V(3, 0));
	scmi_put_le32(v, 2 | (5u << 16));
	for (i = 0; i < 2; i++) {
		scmi_put_le32(v + 4 + 12 * (size_t)i, 100 + i);
		scmi_put_le32(v + 8 + 12 * (size_t)i, 7);
		scmi_put_le32(v + 12 + 12 * (size_t)i, 0xabcd0000u | 33);
	}
	ss_set(PERF, SCMI_MSG_PERF_DESCRIBE_LEVELS, 0, v, 4 + 24);
	assert_int_equal(scmi_perf_describe_levels_page(ss_agent, 6, 10, lv, 3, &got, &rem), 0);
	assert_int_equal(got, 2);
	assert_int_equal(rem, 5);
	assert_int_equal(lv[1].perf, 101);
	assert_int_equal(lv[1].power, 7);
	assert_int_equal(lv[1].latency_us, 33);
	assert_int_equal(lv[0].index, 10);
	assert_int_equal(lv[1].index, 11);
	assert_int_equal(lv[1].freq_khz, 0);
	assert_int_equal(ss_tx_u32(PERF, SCMI_MSG_PERF_DESCRIBE_LEVELS, 0), 6);
	assert_int_equal(ss_tx_u32(PERF, SCMI_MSG_PERF_DESCRIBE_LEVELS, 1), 10);
	/* Room for one: the first kept, the counts still told. */
	memset(lv, 0, sizeof(lv));
	assert_int_equal(scmi_perf_describe_levels_page(ss_agent, 6, 10, lv, 1, &got, &rem), 0);
	assert_int_equal(got, 2);
	assert_int_equal(lv[0].perf, 100);
	assert_int_equal(lv[1].perf, 0);
	/* One byte short; no head. */
	ss_set(PERF, SCMI_MSG_PERF_DESCRIBE_LEVELS, 0, v, 4 + 23);
	assert_int_equal(scmi_perf_describe_levels_page(ss_agent, 6, 10, lv, 3, &got, &rem),
			 -EPROTO);
	ss_set(PERF, SCMI_MSG_PERF_DESCRIBE_LEVELS, 0, v, 3);
	assert_int_equal(scmi_perf_describe_levels_page(ss_agent, 6, 10, lv, 3, &got, &rem),
			 -EPROTO);
	/* Arguments, and the version's failure. */
	assert_int_equal(scmi_perf_describe_levels_page(ss_agent, 6, 10, lv, 3, NULL, &rem),
			 -EINVAL);
	assert_int_equal(scmi_perf_describe_levels_page(ss_agent, 6, 10, lv, 3, &got, NULL),
			 -EINVAL);
	assert_int_equal(scmi_perf_describe_levels_page(ss_agent, 6, 10, NULL, 3, &got, &rem),
			 -EINVAL);
	ss_set(PERF, SCMI_MSG_PROTOCOL_VERSION, SCMI_DENIED, NULL, 0);
	assert_int_equal(scmi_perf_describe_levels_page(ss_agent, 6, 10, lv, 3, &got, &rem),
			 -EACCES);
	{
		size_t n = 9;

		assert_int_equal(scmi_perf_describe_levels(ss_agent, 6, lv, 3, &n), -EACCES);
		assert_int_equal(n, 0);
	}
}

/* The walk ends on the page that says nothing remains, or on an empty one. */
static void test_walk_ends(void **state)
{
	struct scmi_perf_level lv[4];
	uint8_t v[40] = {0};
	size_t n = 9;

	(void)state;
	at(V(3, 0));
	scmi_put_le32(v, 2);
	scmi_put_le32(v + 4, 1);
	scmi_put_le32(v + 16, 2);
	ss_push(PERF, SCMI_MSG_PERF_DESCRIBE_LEVELS, 0, v, 4 + 24);
	scmi_put_le32(v, 1);
	ss_push(PERF, SCMI_MSG_PERF_DESCRIBE_LEVELS, 0, v, 4 + 12);
	assert_int_equal(scmi_perf_describe_levels(ss_agent, 1, lv, 4, &n), 0);
	assert_int_equal(n, 2);
	assert_int_equal(lv[1].perf, 2);
	assert_int_equal(ss_count(PERF, SCMI_MSG_PERF_DESCRIBE_LEVELS), 1);
	/* An empty page while some remain: refused, without asking again. */
	ss_reset();
	at(V(3, 0));
	scmi_put_le32(v, 3u << 16);
	ss_set(PERF, SCMI_MSG_PERF_DESCRIBE_LEVELS, 0, v, 4);
	assert_int_equal(scmi_perf_describe_levels(ss_agent, 1, lv, 4, &n), -EPROTO);
	assert_int_equal(ss_count(PERF, SCMI_MSG_PERF_DESCRIBE_LEVELS), 1);
	/* An empty first page with none remaining: no levels. */
	scmi_put_le32(v, 0);
	ss_set(PERF, SCMI_MSG_PERF_DESCRIBE_LEVELS, 0, v, 4);
	assert_int_equal(scmi_perf_describe_levels(ss_agent, 1, lv, 4, &n), 0);
	assert_int_equal(n, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(test_protocol_info, ss_setup, ss_teardown),
	    cmocka_unit_test_setup_teardown(test_domain_attributes, ss_setup, ss_teardown),
	    cmocka_unit_test_setup_teardown(test_words, ss_setup, ss_teardown),
	    cmocka_unit_test_setup_teardown(test_fastchannel, ss_setup, ss_teardown),
	    cmocka_unit_test_setup_teardown(test_level_bound, ss_setup, ss_teardown),
	    cmocka_unit_test_setup_teardown(test_levels_page, ss_setup, ss_teardown),
	    cmocka_unit_test_setup_teardown(test_walk_ends, ss_setup, ss_teardown),
	};

	return cmocka_run_group_tests_name("agent/perf", tests, NULL, NULL);
}
