// SPDX-License-Identifier: BSD-3-Clause
/*
 * The Clock client against scripted replies (issue 17): version gates at their
 * edges, reply lengths of each version, rates and parents pages (triplets,
 * totals, short and empty pages, room), and what each command puts on the wire.
 */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "agent/common.h"
#include "scmi/clock.h"
#include "scmi/proto/clock.h"
#include "scmi/proto/endian.h"
#include "script_server.h"

#define CLK	    SCMI_PROTOCOL_CLOCK
#define V(maj, min) SCMI_VERSION(maj, min)

static void init_at(struct scmi_clock *clk, uint32_t version)
{
	ss_version(CLK, version, 4 | (2u << SCMI_CLOCK_PA_MAX_ASYNC_SHIFT));
	assert_int_equal(scmi_clock_init(ss_agent, clk), 0);
	assert_int_equal(clk->version, version);
}

/* A CLOCK_ATTRIBUTES reply: attributes, 16-byte name, latency. */
static void attr_reply(uint32_t attr, const char *name, uint32_t latency, size_t len)
{
	uint8_t v[24] = {0};

	scmi_put_le32(v, attr);
	memcpy(v + 4, name, strnlen(name, 16));
	scmi_put_le32(v + 20, latency);
	ss_set(CLK, SCMI_MSG_CLOCK_ATTRIBUTES, 0, v, len);
}

static void test_init(void **state)
{
	struct scmi_clock clk;

	(void)state;
	assert_int_equal(scmi_clock_init(NULL, &clk), -EINVAL);
	assert_int_equal(scmi_clock_init(ss_agent, NULL), -EINVAL);
	init_at(&clk, V(2, 0));
	assert_int_equal(clk.num_clocks, 4);
	assert_int_equal(clk.max_async, 2);
	assert_int_equal(clk.platform_version, V(2, 0));
	ss_set(CLK, SCMI_MSG_PROTOCOL_ATTRIBUTES, SCMI_DENIED, NULL, 0);
	assert_int_equal(scmi_clock_init(ss_agent, &clk), -EACCES);
	/* Every call refuses a clock that was never bound. */
	memset(&clk, 0, sizeof(clk));
	assert_int_equal(scmi_clock_rate_set(&clk, 0, 1, SCMI_CLOCK_ROUND_DOWN), -EINVAL);
	assert_int_equal(scmi_clock_enable(NULL, 0, true), -EINVAL);
}

static void test_attributes(void **state)
{
	struct scmi_clock clk;
	struct scmi_clock_info info;
	uint8_t ext[4 + 64] = {0};
	bool on = false;

	(void)state;
	/* 1.0: 20 bytes, no latency; the ext-name bit means nothing. */
	init_at(&clk, V(1, 0));
	attr_reply(SCMI_CLOCK_ATTR_ENABLED | SCMI_CLOCK_ATTR_EXT_NAME, "short", 77, 20);
	memcpy(ext + 4, "a-very-long-extended-clock-name",
	       sizeof("a-very-long-extended-clock-name"));
	ss_set(CLK, SCMI_MSG_CLOCK_NAME_GET, 0, ext, sizeof(ext));
	assert_int_equal(scmi_clock_attributes(&clk, 3, &info), 0);
	assert_true(info.enabled);
	assert_string_equal(info.name, "short");
	assert_int_equal(info.enable_latency_us, 0);
	assert_int_equal(ss_tx_u32(CLK, SCMI_MSG_CLOCK_ATTRIBUTES, 0), 3);
	assert_int_equal(ss_count(CLK, SCMI_MSG_CLOCK_NAME_GET), 0);
	assert_int_equal(scmi_clock_state_get(&clk, 3, &on), 0);
	assert_true(on);
	attr_reply(0, "short", 77, 19);
	assert_int_equal(scmi_clock_attributes(&clk, 3, &info), -EPROTO);
	assert_int_equal(scmi_clock_state_get(&clk, 3, &on), -EPROTO);
	assert_int_equal(scmi_clock_attributes(&clk, 3, NULL), -EINVAL);
	assert_int_equal(scmi_clock_attributes(NULL, 3, &info), -EINVAL);
	char name[SCMI_CLOCK_NAME_BUF];

	assert_int_equal(scmi_clock_name_get(&clk, 3, name), -EOPNOTSUPP);

	/* 2.0: 24 bytes with the latency, and the extended name when the bit says so. */
	init_at(&clk, V(2, 0));
	attr_reply(SCMI_CLOCK_ATTR_EXT_NAME, "short", 77, 24);
	assert_int_equal(scmi_clock_attributes(&clk, 3, &info), 0);
	assert_false(info.enabled);
	assert_int_equal(info.enable_latency_us, 77);
	assert_string_equal(info.name, "a-very-long-extended-clock-name");
	assert_int_equal(ss_tx_u32(CLK, SCMI_MSG_CLOCK_NAME_GET, 0), 3);
	assert_int_equal(scmi_clock_state_get(&clk, 3, &on), 0);
	assert_false(on);
	attr_reply(SCMI_CLOCK_ATTR_EXT_NAME, "short", 77, 23);
	assert_int_equal(scmi_clock_attributes(&clk, 3, &info), -EPROTO);
	/* An empty or failing extended name keeps the short one. */
	attr_reply(SCMI_CLOCK_ATTR_EXT_NAME, "short", 77, 24);
	memset(ext, 0, sizeof(ext));
	ss_set(CLK, SCMI_MSG_CLOCK_NAME_GET, 0, ext, sizeof(ext));
	assert_int_equal(scmi_clock_attributes(&clk, 3, &info), 0);
	assert_string_equal(info.name, "short");
	ss_set(CLK, SCMI_MSG_CLOCK_NAME_GET, SCMI_NOT_FOUND, NULL, 0);
	assert_int_equal(scmi_clock_attributes(&clk, 3, &info), 0);
	assert_string_equal(info.name, "short");
	/* Without the bit, not asked. */
	attr_reply(0, "short", 77, 24);
	assert_int_equal(scmi_clock_attributes(&clk, 4, &info), 0);
	assert_int_equal(ss_tx_u32(CLK, SCMI_MSG_CLOCK_NAME_GET, 0), 3);
	/* NAME_GET on its own: 64 bytes kept whole; short replies refused. */
	memset(ext + 4, 'q', 64);
	ss_set(CLK, SCMI_MSG_CLOCK_NAME_GET, 0, ext, sizeof(ext));
	assert_int_equal(scmi_clock_name_get(&clk, 5, name), 0);
	assert_int_equal(strlen(name), 64);
	ss_set(CLK, SCMI_MSG_CLOCK_NAME_GET, 0, ext, sizeof(ext) - 1);
	assert_int_equal(scmi_clock_name_get(&clk, 5, name), -EPROTO);
	assert_int_equal(scmi_clock_name_get(&clk, 5, NULL), -EINVAL);
	assert_int_equal(scmi_clock_name_get(NULL, 5, name), -EINVAL);
}

static void test_rate_get_set(void **state)
{
	struct scmi_clock clk;
	uint8_t v[8];
	uint64_t hz = 0;

	(void)state;
	init_at(&clk, V(1, 0));
	scmi_put_le64(v, 0x123456789aull);
	ss_set(CLK, SCMI_MSG_CLOCK_RATE_GET, 0, v, 8);
	assert_int_equal(scmi_clock_rate_get(&clk, 2, &hz), 0);
	assert_int_equal(hz, 0x123456789aull);
	assert_int_equal(ss_tx_u32(CLK, SCMI_MSG_CLOCK_RATE_GET, 0), 2);
	ss_set(CLK, SCMI_MSG_CLOCK_RATE_GET, 0, v, 7);
	hz = 1;
	assert_int_equal(scmi_clock_rate_get(&clk, 2, &hz), -EPROTO);
	assert_int_equal(hz, 1);
	assert_int_equal(scmi_clock_rate_get(&clk, 2, NULL), -EINVAL);
	assert_int_equal(scmi_clock_rate_get(NULL, 2, &hz), -EINVAL);

	ss_set(CLK, SCMI_MSG_CLOCK_RATE_SET, 0, NULL, 0);
	assert_int_equal(scmi_clock_rate_set(&clk, 2, 0x1122334455ull, SCMI_CLOCK_ROUND_DOWN), 0);
	assert_int_equal(ss_last(CLK, SCMI_MSG_CLOCK_RATE_SET)->tx_len, 16);
	assert_int_equal(ss_tx_u32(CLK, SCMI_MSG_CLOCK_RATE_SET, 0), 0);
	assert_int_equal(ss_tx_u32(CLK, SCMI_MSG_CLOCK_RATE_SET, 1), 2);
	assert_int_equal(ss_tx_u32(CLK, SCMI_MSG_CLOCK_RATE_SET, 2), 0x22334455);
	assert_int_equal(ss_tx_u32(CLK, SCMI_MSG_CLOCK_RATE_SET, 3), 0x11);
	assert_int_equal(scmi_clock_rate_set(&clk, 2, 1, SCMI_CLOCK_ROUND_UP), 0);
	assert_int_equal(ss_tx_u32(CLK, SCMI_MSG_CLOCK_RATE_SET, 0), SCMI_CLOCK_RATE_ROUND_UP);
	assert_int_equal(scmi_clock_rate_set(&clk, 2, 1, SCMI_CLOCK_ROUND_CLOSEST), 0);
	assert_int_equal(ss_tx_u32(CLK, SCMI_MSG_CLOCK_RATE_SET, 0), SCMI_CLOCK_RATE_ROUND_AUTO);
	assert_int_equal(scmi_clock_rate_set(&clk, 2, 1, (enum scmi_clock_round)3), -EINVAL);
	assert_int_equal(ss_count(CLK, SCMI_MSG_CLOCK_RATE_SET), 3);
	ss_set(CLK, SCMI_MSG_CLOCK_RATE_SET, SCMI_OUT_OF_RANGE, NULL, 0);
	assert_int_equal(scmi_clock_rate_set(&clk, 2, 1, SCMI_CLOCK_ROUND_UP), -ERANGE);
}

static void test_enable_and_config(void **state)
{
	struct scmi_clock clk;
	uint32_t cfg = 0, perms = 0, parent = 0;
	bool on = true;
	const uint8_t set = SCMI_MSG_CLOCK_CONFIG_SET;

	(void)state;
	ss_set(CLK, set, 0, NULL, 0);
	init_at(&clk, V(2, 0));
	assert_int_equal(scmi_clock_enable(&clk, 6, true), 0);
	assert_int_equal(ss_last(CLK, set)->tx_len, 8);
	assert_int_equal(ss_tx_u32(CLK, set, 0), 6);
	assert_int_equal(ss_tx_u32(CLK, set, 1), SCMI_CLOCK_CONFIG_STATE_ON);
	assert_int_equal(scmi_clock_enable(&clk, 6, false), 0);
	assert_int_equal(ss_tx_u32(CLK, set, 1), SCMI_CLOCK_CONFIG_STATE_OFF);
	/* 2.0 has none of the 3.0 messages. */
	assert_int_equal(scmi_clock_config_get(&clk, 6, &cfg), -EOPNOTSUPP);
	assert_int_equal(scmi_clock_parent_get(&clk, 6, &parent), -EOPNOTSUPP);
	assert_int_equal(scmi_clock_parent_set(&clk, 6, 1), -EOPNOTSUPP);
	assert_int_equal(scmi_clock_get_permissions(&clk, 6, &perms), -EOPNOTSUPP);
	assert_int_equal(ss_count(CLK, SCMI_MSG_CLOCK_CONFIG_GET), 0);

	init_at(&clk, V(3, 0));
	assert_int_equal(scmi_clock_enable(&clk, 6, true), 0);
	assert_int_equal(ss_last(CLK, set)->tx_len, 12);
	assert_int_equal(ss_tx_u32(CLK, set, 2), 0);
	ss_set(CLK, set, SCMI_DENIED, NULL, 0);
	assert_int_equal(scmi_clock_enable(&clk, 6, true), -EACCES);
	/* CONFIG_GET: attributes word, config word; the state is bit 0 of the config. */
	ss_u32(CLK, SCMI_MSG_CLOCK_CONFIG_GET, (uint32_t[]){0, 0x2, 0}, 3);
	assert_int_equal(scmi_clock_config_get(&clk, 6, &cfg), 0);
	assert_int_equal(cfg, 0x2);
	assert_int_equal(ss_last(CLK, SCMI_MSG_CLOCK_CONFIG_GET)->tx_len, 8);
	assert_int_equal(ss_tx_u32(CLK, SCMI_MSG_CLOCK_CONFIG_GET, 0), 6);
	assert_int_equal(ss_tx_u32(CLK, SCMI_MSG_CLOCK_CONFIG_GET, 1), 0);
	assert_int_equal(scmi_clock_state_get(&clk, 6, &on), 0);
	assert_false(on);
	ss_u32(CLK, SCMI_MSG_CLOCK_CONFIG_GET, (uint32_t[]){0, 0x3, 0}, 3);
	assert_int_equal(scmi_clock_state_get(&clk, 6, &on), 0);
	assert_true(on);
	assert_int_equal(ss_count(CLK, SCMI_MSG_CLOCK_ATTRIBUTES), 0);
	ss_u32(CLK, SCMI_MSG_CLOCK_CONFIG_GET, (uint32_t[]){0, 0x3, 0}, 2);
	on = false;
	assert_int_equal(scmi_clock_state_get(&clk, 6, &on), -EPROTO);
	assert_false(on);
	assert_int_equal(scmi_clock_config_get(&clk, 6, NULL), -EINVAL);
	assert_int_equal(scmi_clock_state_get(&clk, 6, NULL), -EINVAL);
	assert_int_equal(scmi_clock_state_get(NULL, 6, &on), -EINVAL);

	/* Parents and permissions. */
	ss_set(CLK, SCMI_MSG_CLOCK_PARENT_SET, 0, NULL, 0);
	assert_int_equal(scmi_clock_parent_set(&clk, 6, 9), 0);
	assert_int_equal(ss_tx_u32(CLK, SCMI_MSG_CLOCK_PARENT_SET, 0), 6);
	assert_int_equal(ss_tx_u32(CLK, SCMI_MSG_CLOCK_PARENT_SET, 1), 9);
	ss_u32(CLK, SCMI_MSG_CLOCK_PARENT_GET, (uint32_t[]){9}, 1);
	assert_int_equal(scmi_clock_parent_get(&clk, 6, &parent), 0);
	assert_int_equal(parent, 9);
	assert_int_equal(ss_tx_u32(CLK, SCMI_MSG_CLOCK_PARENT_GET, 0), 6);
	assert_int_equal(scmi_clock_parent_get(&clk, 6, NULL), -EINVAL);
	ss_set(CLK, SCMI_MSG_CLOCK_PARENT_GET, 0, "\1\2\3", 3);
	assert_int_equal(scmi_clock_parent_get(&clk, 6, &parent), -EPROTO);
	ss_u32(CLK, SCMI_MSG_CLOCK_GET_PERMISSIONS, (uint32_t[]){SCMI_CLOCK_PERM_RATE}, 1);
	assert_int_equal(scmi_clock_get_permissions(&clk, 6, &perms), 0);
	assert_int_equal(perms, SCMI_CLOCK_PERM_RATE);
	assert_int_equal(ss_tx_u32(CLK, SCMI_MSG_CLOCK_GET_PERMISSIONS, 0), 6);
	assert_int_equal(scmi_clock_get_permissions(&clk, 6, NULL), -EINVAL);
	ss_set(CLK, SCMI_MSG_CLOCK_GET_PERMISSIONS, 0, "\1\2\3", 3);
	assert_int_equal(scmi_clock_get_permissions(&clk, 6, &perms), -EPROTO);
}

static void test_notify(void **state)
{
	struct scmi_clock clk;
	const uint8_t rn = SCMI_MSG_CLOCK_RATE_NOTIFY;
	const uint8_t rq = SCMI_MSG_CLOCK_RATE_CHANGE_REQUESTED_NOTIFY;

	(void)state;
	init_at(&clk, V(1, 0));
	assert_int_equal(scmi_clock_rate_notify(&clk, 1, true), -EOPNOTSUPP);
	assert_int_equal(scmi_clock_rate_req_notify(&clk, 1, true), -EOPNOTSUPP);
	init_at(&clk, V(2, 0));
	ss_set(CLK, rn, 0, NULL, 0);
	ss_set(CLK, rq, 0, NULL, 0);
	assert_int_equal(scmi_clock_rate_notify(&clk, 1, true), 0);
	assert_int_equal(ss_tx_u32(CLK, rn, 0), 1);
	assert_int_equal(ss_tx_u32(CLK, rn, 1), SCMI_NOTIFY_ENABLE);
	assert_int_equal(scmi_clock_rate_notify(&clk, 1, false), 0);
	assert_int_equal(ss_tx_u32(CLK, rn, 1), 0);
	assert_int_equal(scmi_clock_rate_req_notify(&clk, 2, true), 0);
	assert_int_equal(ss_tx_u32(CLK, rq, 0), 2);
	assert_int_equal(ss_tx_u32(CLK, rq, 1), SCMI_NOTIFY_ENABLE);
	assert_int_equal(ss_count(CLK, rn), 2);
}

/* A page of rates (or parents, with 4-byte entries): flags then @n entries. */
static void push_page(uint8_t msg, uint32_t flags, const uint64_t *e, size_t n, size_t entry,
		      size_t cut)
{
	uint8_t v[104] = {0};
	size_t i;

	scmi_put_le32(v, flags);
	for (i = 0; i < n; i++) {
		if (entry == 8)
			scmi_put_le64(v + 4 + 8 * i, e[i]);
		else
			scmi_put_le32(v + 4 + 4 * i, (uint32_t)e[i]);
	}
	ss_push(CLK, msg, 0, v, 4 + n * entry - cut);
}

#define DR SCMI_MSG_CLOCK_DESCRIBE_RATES

static void test_rates(void **state)
{
	struct scmi_clock clk;
	struct scmi_clock_rates r;
	uint64_t rates[4];

	(void)state;
	init_at(&clk, V(1, 0));
	/* Two pages: 3 then 2; only 4 stored. */
	push_page(DR, 3 | (2u << 16), (uint64_t[]){1, 2, 3}, 3, 8, 0);
	push_page(DR, 2, (uint64_t[]){4, 5}, 2, 8, 0);
	memset(rates, 0, sizeof(rates));
	assert_int_equal(scmi_clock_describe_rates(&clk, 7, &r, rates, 4), 0);
	assert_int_equal(r.count, 5);
	assert_false(r.range);
	assert_int_equal(rates[0], 1);
	assert_int_equal(rates[3], 4);
	assert_int_equal(ss_tx_u32(CLK, DR, 0), 7);
	assert_int_equal(ss_tx_u32(CLK, DR, 1), 3);
	/* Counting only. */
	push_page(DR, 1, (uint64_t[]){1}, 1, 8, 0);
	assert_int_equal(scmi_clock_describe_rates(&clk, 7, &r, NULL, 0), 0);
	assert_int_equal(r.count, 1);
	/* A triplet. */
	push_page(DR, 3 | SCMI_CLOCK_RATES_TRIPLET, (uint64_t[]){100, 200, 50}, 3, 8, 0);
	assert_int_equal(scmi_clock_describe_rates(&clk, 7, &r, rates, 4), 0);
	assert_true(r.range);
	assert_int_equal(r.min, 100);
	assert_int_equal(r.max, 200);
	assert_int_equal(r.step, 50);
	/* min == max with no step: one rate. min > max, or no step: refused. */
	push_page(DR, 3 | SCMI_CLOCK_RATES_TRIPLET, (uint64_t[]){100, 100, 0}, 3, 8, 0);
	assert_int_equal(scmi_clock_describe_rates(&clk, 7, &r, rates, 4), 0);
	push_page(DR, 3 | SCMI_CLOCK_RATES_TRIPLET, (uint64_t[]){101, 100, 1}, 3, 8, 0);
	assert_int_equal(scmi_clock_describe_rates(&clk, 7, &r, rates, 4), -EPROTO);
	push_page(DR, 3 | SCMI_CLOCK_RATES_TRIPLET, (uint64_t[]){100, 101, 0}, 3, 8, 0);
	assert_int_equal(scmi_clock_describe_rates(&clk, 7, &r, rates, 4), -EPROTO);
	/* Triplets of two, with some remaining, or on a later page. */
	push_page(DR, 2 | SCMI_CLOCK_RATES_TRIPLET, (uint64_t[]){100, 200}, 2, 8, 0);
	assert_int_equal(scmi_clock_describe_rates(&clk, 7, &r, rates, 4), -EPROTO);
	push_page(DR, 3 | SCMI_CLOCK_RATES_TRIPLET | (1u << 16), (uint64_t[]){1, 2, 1}, 3, 8, 0);
	assert_int_equal(scmi_clock_describe_rates(&clk, 7, &r, rates, 4), -EPROTO);
	push_page(DR, 1 | (3u << 16), (uint64_t[]){1}, 1, 8, 0);
	push_page(DR, 3 | SCMI_CLOCK_RATES_TRIPLET, (uint64_t[]){1, 2, 1}, 3, 8, 0);
	assert_int_equal(scmi_clock_describe_rates(&clk, 7, &r, rates, 4), -EPROTO);
	/* Totals that change; an empty page with some left; short pages. */
	push_page(DR, 1 | (2u << 16), (uint64_t[]){1}, 1, 8, 0);
	push_page(DR, 1 | (2u << 16), (uint64_t[]){2}, 1, 8, 0);
	assert_int_equal(scmi_clock_describe_rates(&clk, 7, &r, rates, 4), -EPROTO);
	push_page(DR, 2u << 16, NULL, 0, 8, 0);
	assert_int_equal(scmi_clock_describe_rates(&clk, 7, &r, rates, 4), -EPROTO);
	push_page(DR, 2, (uint64_t[]){1, 2}, 2, 8, 1);
	assert_int_equal(scmi_clock_describe_rates(&clk, 7, &r, rates, 4), -EPROTO);
	ss_push(CLK, DR, 0, "\1\0\0", 3);
	assert_int_equal(scmi_clock_describe_rates(&clk, 7, &r, rates, 4), -EPROTO);
	ss_push(CLK, DR, SCMI_NOT_FOUND, NULL, 0);
	assert_int_equal(scmi_clock_describe_rates(&clk, 7, &r, rates, 4), -ENOENT);
	assert_int_equal(scmi_clock_describe_rates(&clk, 7, NULL, rates, 4), -EINVAL);
	assert_int_equal(scmi_clock_describe_rates(&clk, 7, &r, NULL, 4), -EINVAL);
	assert_int_equal(scmi_clock_describe_rates(NULL, 7, &r, rates, 4), -EINVAL);
}

#define PP SCMI_MSG_CLOCK_POSSIBLE_PARENTS_GET

static void test_parents(void **state)
{
	struct scmi_clock clk;
	uint32_t ids[3];
	size_t n = 9;

	(void)state;
	init_at(&clk, V(2, 0));
	assert_int_equal(scmi_clock_possible_parents(&clk, 1, ids, 3, &n), -EOPNOTSUPP);
	init_at(&clk, V(3, 0));
	push_page(PP, 2 | (2u << 24), (uint64_t[]){10, 11}, 2, 4, 0);
	push_page(PP, 2, (uint64_t[]){12, 13}, 2, 4, 0);
	memset(ids, 0, sizeof(ids));
	assert_int_equal(scmi_clock_possible_parents(&clk, 1, ids, 3, &n), 0);
	assert_int_equal(n, 4);
	assert_int_equal(ids[0], 10);
	assert_int_equal(ids[2], 12);
	assert_int_equal(ss_tx_u32(CLK, PP, 0), 1);
	assert_int_equal(ss_tx_u32(CLK, PP, 1), 2);
	push_page(PP, 1, (uint64_t[]){10}, 1, 4, 0);
	assert_int_equal(scmi_clock_possible_parents(&clk, 1, NULL, 0, &n), 0);
	assert_int_equal(n, 1);
	assert_int_equal(ss_tx_u32(CLK, PP, 1), 0);
	/* A total that changes, an empty page with some left, short pages, errors. */
	push_page(PP, 1 | (2u << 24), (uint64_t[]){1}, 1, 4, 0);
	push_page(PP, 1 | (2u << 24), (uint64_t[]){2}, 1, 4, 0);
	assert_int_equal(scmi_clock_possible_parents(&clk, 1, ids, 3, &n), -EPROTO);
	push_page(PP, 1u << 24, NULL, 0, 4, 0);
	assert_int_equal(scmi_clock_possible_parents(&clk, 1, ids, 3, &n), -EPROTO);
	push_page(PP, 2, (uint64_t[]){1, 2}, 2, 4, 1);
	assert_int_equal(scmi_clock_possible_parents(&clk, 1, ids, 3, &n), -EPROTO);
	ss_push(CLK, PP, 0, "\1\0\0", 3);
	assert_int_equal(scmi_clock_possible_parents(&clk, 1, ids, 3, &n), -EPROTO);
	ss_push(CLK, PP, SCMI_DENIED, NULL, 0);
	assert_int_equal(scmi_clock_possible_parents(&clk, 1, ids, 3, &n), -EACCES);
	assert_int_equal(scmi_clock_possible_parents(&clk, 1, ids, 3, NULL), -EINVAL);
	assert_int_equal(scmi_clock_possible_parents(&clk, 1, NULL, 3, &n), -EINVAL);
	assert_int_equal(scmi_clock_possible_parents(NULL, 1, ids, 3, &n), -EINVAL);
}

/*
 * Rates that never end (one a page, the total kept): bounded. (Parents cannot: their
 * remaining count is 8 bits, so the total check ends the walk first.)
 */
static uint32_t endless_index;

static void serve_endless(struct fake *f, const struct scmi_xfer *x)
{
	uint8_t v[16] = {0};
	uint32_t index;

	(void)f;
	endless_index++;
	if (x->hdr.msg_id == SCMI_MSG_PROTOCOL_VERSION) {
		scmi_put_le32(v, V(3, 0));
		fake_reply(x->hdr_word, 0, v, 4);
		return;
	}
	if (x->hdr.msg_id == SCMI_MSG_PROTOCOL_ATTRIBUTES) {
		fake_reply(x->hdr_word, 0, v, 4);
		return;
	}
	index = scmi_get_le32((const uint8_t *)x->tx + 4);
	scmi_put_le32(v, 1 | ((5000u - index - 1) << 16));
	fake_reply(x->hdr_word, 0, v, 12);
}

static void test_endless(void **state)
{
	struct scmi_clock clk;
	struct scmi_clock_rates r;
	(void)state;
	fake.serve = serve_endless;
	assert_int_equal(scmi_clock_init(ss_agent, &clk), 0);
	endless_index = 0;
	assert_int_equal(scmi_clock_describe_rates(&clk, 0, &r, NULL, 0), -EPROTO);
	assert_int_equal(endless_index, 1024);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(test_init, ss_setup, ss_teardown),
	    cmocka_unit_test_setup_teardown(test_attributes, ss_setup, ss_teardown),
	    cmocka_unit_test_setup_teardown(test_rate_get_set, ss_setup, ss_teardown),
	    cmocka_unit_test_setup_teardown(test_enable_and_config, ss_setup, ss_teardown),
	    cmocka_unit_test_setup_teardown(test_notify, ss_setup, ss_teardown),
	    cmocka_unit_test_setup_teardown(test_rates, ss_setup, ss_teardown),
	    cmocka_unit_test_setup_teardown(test_parents, ss_setup, ss_teardown),
	    cmocka_unit_test_setup_teardown(test_endless, ss_setup, ss_teardown),
	};

	return cmocka_run_group_tests_name("agent/clock", tests, NULL, NULL);
}
