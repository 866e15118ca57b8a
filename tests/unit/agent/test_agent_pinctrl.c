// SPDX-License-Identifier: BSD-3-Clause
/*
 * The Pin control client against scripted replies (issue 17): selectors each
 * message accepts, reply lengths, association and settings pages (totals,
 * empty pages, room, bounds), configure split into messages at the payload
 * limit, and what every command puts on the wire.
 */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "agent/common.h"
#include "scmi/pinctrl.h"
#include "scmi/proto/endian.h"
#include "scmi/proto/pinctrl.h"
#include "script_server.h"

#define PIN SCMI_PROTOCOL_PINCTRL
#define LA  SCMI_MSG_PINCTRL_LIST_ASSOCIATIONS
#define SG  SCMI_MSG_PINCTRL_SETTINGS_GET
#define SC  SCMI_MSG_PINCTRL_SETTINGS_CONFIGURE

static struct scmi_agent *agent;
static struct scmi_pinctrl pc;

static int setup(void **state)
{
	(void)state;
	ss_reset();
	agent = ss_open();
	ss_u32(PIN, SCMI_MSG_PROTOCOL_VERSION, (uint32_t[]){SCMI_PINCTRL_VERSION_1_0}, 1);
	ss_u32(PIN, SCMI_MSG_PROTOCOL_ATTRIBUTES, (uint32_t[]){3 | (2u << 16), 4}, 2);
	assert_int_equal(scmi_pinctrl_init(&pc, agent), 0);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	scmi_agent_close(agent);
	return 0;
}

static void test_init_and_names(void **state)
{
	struct scmi_pinctrl p2;
	struct scmi_pinctrl_info info;
	uint8_t v[68] = {0};
	char name[SCMI_EXT_NAME_SIZE + 1];

	(void)state;
	assert_int_equal(pc.num_pins, 3);
	assert_int_equal(pc.num_groups, 2);
	assert_int_equal(pc.num_functions, 4);
	assert_int_equal(pc.version, SCMI_PINCTRL_VERSION_1_0);
	assert_int_equal(scmi_pinctrl_init(NULL, agent), -EINVAL);
	assert_int_equal(scmi_pinctrl_init(&p2, NULL), -EINVAL);
	ss_u32(PIN, SCMI_MSG_PROTOCOL_ATTRIBUTES, (uint32_t[]){3, 4}, 1);
	assert_int_equal(scmi_pinctrl_init(&p2, agent), -EPROTO);
	ss_set(PIN, SCMI_MSG_PROTOCOL_VERSION, SCMI_DENIED, NULL, 0);
	assert_int_equal(scmi_pinctrl_init(&p2, agent), -EACCES);

	/* ATTRIBUTES: 20 bytes; the extended name when the bit is set and NAME_GET works. */
	scmi_put_le32(v, SCMI_PINCTRL_ATTR_EXT_NAME | 7);
	memcpy(v + 4, "grp", sizeof("grp"));
	ss_set(PIN, SCMI_MSG_PINCTRL_ATTRIBUTES, 0, v, 20);
	memset(v, 0, sizeof(v));
	memcpy(v + 4, "the-uart0-pin-group", sizeof("the-uart0-pin-group"));
	ss_set(PIN, SCMI_MSG_PINCTRL_NAME_GET, 0, v, 68);
	assert_int_equal(scmi_pinctrl_info(&pc, SCMI_PINCTRL_GROUP, 5, &info), 0);
	assert_true(info.ext_name);
	assert_int_equal(info.num_elems, 7);
	assert_string_equal(info.name, "the-uart0-pin-group");
	assert_int_equal(ss_tx_u32(PIN, SCMI_MSG_PINCTRL_ATTRIBUTES, 0), 5);
	assert_int_equal(ss_tx_u32(PIN, SCMI_MSG_PINCTRL_ATTRIBUTES, 1), SCMI_PINCTRL_GROUP);
	assert_int_equal(ss_tx_u32(PIN, SCMI_MSG_PINCTRL_NAME_GET, 0), 5);
	assert_int_equal(ss_tx_u32(PIN, SCMI_MSG_PINCTRL_NAME_GET, 1), SCMI_PINCTRL_GROUP);
	ss_set(PIN, SCMI_MSG_PINCTRL_NAME_GET, SCMI_NOT_FOUND, NULL, 0);
	assert_int_equal(scmi_pinctrl_info(&pc, SCMI_PINCTRL_FUNCTION, 5, &info), 0);
	assert_string_equal(info.name, "grp");
	assert_int_equal(scmi_pinctrl_name(&pc, SCMI_PINCTRL_PIN, 5, name), -ENOENT);
	ss_set(PIN, SCMI_MSG_PINCTRL_NAME_GET, 0, v, 67);
	assert_int_equal(scmi_pinctrl_name(&pc, SCMI_PINCTRL_PIN, 5, name), -EPROTO);
	ss_set(PIN, SCMI_MSG_PINCTRL_NAME_GET, 0, v, 68);
	assert_int_equal(scmi_pinctrl_name(&pc, SCMI_PINCTRL_FUNCTION, 6, name), 0);
	assert_string_equal(name, "the-uart0-pin-group");
	assert_int_equal(ss_tx_u32(PIN, SCMI_MSG_PINCTRL_NAME_GET, 1), SCMI_PINCTRL_FUNCTION);
	scmi_put_le32(v, 2);
	memcpy(v + 4, "pin", 4);
	ss_set(PIN, SCMI_MSG_PINCTRL_ATTRIBUTES, 0, v, 20);
	assert_int_equal(scmi_pinctrl_info(&pc, SCMI_PINCTRL_PIN, 1, &info), 0);
	assert_false(info.ext_name);
	assert_string_equal(info.name, "pin");
	assert_int_equal(ss_count(PIN, SCMI_MSG_PINCTRL_NAME_GET), 5);
	ss_set(PIN, SCMI_MSG_PINCTRL_ATTRIBUTES, 0, v, 19);
	assert_int_equal(scmi_pinctrl_info(&pc, SCMI_PINCTRL_PIN, 1, &info), -EPROTO);
	/* Selectors: only the three. */
	assert_int_equal(scmi_pinctrl_info(&pc, (enum scmi_pinctrl_type)3, 1, &info), -EINVAL);
	assert_int_equal(scmi_pinctrl_name(&pc, (enum scmi_pinctrl_type)3, 1, name), -EINVAL);
	assert_int_equal(scmi_pinctrl_info(&pc, SCMI_PINCTRL_PIN, 1, NULL), -EINVAL);
	assert_int_equal(scmi_pinctrl_name(&pc, SCMI_PINCTRL_PIN, 1, NULL), -EINVAL);
	assert_int_equal(scmi_pinctrl_name(NULL, SCMI_PINCTRL_PIN, 1, name), -EINVAL);
}

/* An association page: flags, then @n 16-bit ids from @first, @cut bytes fewer. */
static void push_assoc(uint32_t flags, uint32_t n, uint16_t first, size_t cut)
{
	uint8_t v[104] = {0};
	uint32_t i;

	scmi_put_le32(v, flags);
	for (i = 0; i < n; i++)
		scmi_put_le16(v + 4 + 2 * (size_t)i, (uint16_t)(first + i));
	ss_push(PIN, LA, 0, v, 4 + 2 * n - cut);
}

static void test_associations(void **state)
{
	uint16_t ids[8];
	uint32_t n = 9, rem = 9, count = 0;

	(void)state;
	push_assoc(3 | (2u << 16), 3, 10, 0);
	push_assoc(2, 2, 13, 0);
	memset(ids, 0, sizeof(ids));
	assert_int_equal(scmi_pinctrl_list_associations(&pc, SCMI_PINCTRL_GROUP, 4, ids, 8, &count),
			 0);
	assert_int_equal(count, 5);
	assert_int_equal(ids[0], 10);
	assert_int_equal(ids[4], 14);
	assert_int_equal(ss_last(PIN, LA)->tx_len, 12);
	assert_int_equal(ss_tx_u32(PIN, LA, 0), 4);
	assert_int_equal(ss_tx_u32(PIN, LA, 1), SCMI_PINCTRL_GROUP);
	assert_int_equal(ss_tx_u32(PIN, LA, 2), 3);
	/* Room for 4 of 5: -ENOSPC, the count told, the first 4 kept. */
	push_assoc(3 | (2u << 16), 3, 10, 0);
	push_assoc(2, 2, 13, 0);
	assert_int_equal(
	    scmi_pinctrl_list_associations(&pc, SCMI_PINCTRL_FUNCTION, 4, ids, 4, &count), -ENOSPC);
	assert_int_equal(count, 5);
	assert_int_equal(ids[3], 13);
	/* Exactly the room. */
	push_assoc(2, 2, 20, 0);
	assert_int_equal(scmi_pinctrl_list_associations(&pc, SCMI_PINCTRL_GROUP, 4, ids, 2, &count),
			 0);
	assert_int_equal(count, 2);
	/* Totals that change; an empty page with some left. */
	push_assoc(1 | (2u << 16), 1, 1, 0);
	push_assoc(1 | (2u << 16), 1, 2, 0);
	assert_int_equal(scmi_pinctrl_list_associations(&pc, SCMI_PINCTRL_GROUP, 4, ids, 8, &count),
			 -EPROTO);
	push_assoc(2u << 16, 0, 1, 0);
	assert_int_equal(scmi_pinctrl_list_associations(&pc, SCMI_PINCTRL_GROUP, 4, ids, 8, &count),
			 -EPROTO);
	ss_push(PIN, LA, SCMI_NOT_FOUND, NULL, 0);
	assert_int_equal(scmi_pinctrl_list_associations(&pc, SCMI_PINCTRL_GROUP, 4, ids, 8, &count),
			 -ENOENT);
	assert_int_equal(
	    scmi_pinctrl_list_associations(&pc, SCMI_PINCTRL_GROUP, 4, NULL, 8, &count), -EINVAL);
	assert_int_equal(scmi_pinctrl_list_associations(&pc, SCMI_PINCTRL_GROUP, 4, ids, 8, NULL),
			 -EINVAL);

	/* One page: short by a byte, more than the room, the head alone, a pin selector. */
	push_assoc(3, 3, 1, 1);
	assert_int_equal(scmi_pinctrl_list_page(&pc, SCMI_PINCTRL_GROUP, 4, 0, ids, 8, &n, &rem),
			 -EPROTO);
	push_assoc(3, 3, 1, 0);
	assert_int_equal(scmi_pinctrl_list_page(&pc, SCMI_PINCTRL_GROUP, 4, 0, ids, 2, &n, &rem),
			 -EPROTO);
	push_assoc(3 | (7u << 16), 3, 1, 0);
	assert_int_equal(scmi_pinctrl_list_page(&pc, SCMI_PINCTRL_GROUP, 4, 9, ids, 3, &n, &rem),
			 0);
	assert_int_equal(n, 3);
	assert_int_equal(rem, 7);
	assert_int_equal(ss_tx_u32(PIN, LA, 2), 9);
	ss_push(PIN, LA, 0, "\0\0\0", 3);
	assert_int_equal(scmi_pinctrl_list_page(&pc, SCMI_PINCTRL_GROUP, 4, 0, ids, 8, &n, &rem),
			 -EPROTO);
	assert_int_equal(scmi_pinctrl_list_page(&pc, SCMI_PINCTRL_PIN, 4, 0, ids, 8, &n, &rem),
			 -EINVAL);
	assert_int_equal(scmi_pinctrl_list_page(&pc, SCMI_PINCTRL_GROUP, 4, 0, NULL, 8, &n, &rem),
			 -EINVAL);
	assert_int_equal(scmi_pinctrl_list_page(&pc, SCMI_PINCTRL_GROUP, 4, 0, ids, 8, NULL, &rem),
			 -EINVAL);
	assert_int_equal(scmi_pinctrl_list_page(&pc, SCMI_PINCTRL_GROUP, 4, 0, ids, 8, &n, NULL),
			 -EINVAL);
	assert_int_equal(scmi_pinctrl_list_page(NULL, SCMI_PINCTRL_GROUP, 4, 0, ids, 8, &n, &rem),
			 -EINVAL);
}

static uint32_t endless_pages;

/* Associations that never end: one id a page, the total (2000) kept by every page. */
static void serve_endless_assoc(struct fake *f, const struct scmi_xfer *x)
{
	uint8_t v[8] = {0};
	uint32_t index = scmi_get_le32((const uint8_t *)x->tx + 8);

	(void)f;
	endless_pages++;
	scmi_put_le32(v, 1 | ((2000u - index - 1) << 16));
	scmi_put_le16(v + 4, (uint16_t)index);
	fake_reply(x->hdr_word, 0, v, 6);
}

/* The walk is bounded (1024 pages) and says why it stopped. */
static void test_associations_endless(void **state)
{
	uint16_t ids[8];
	uint32_t count = 0;
	char err[160];

	(void)state;
	fake.serve = serve_endless_assoc;
	endless_pages = 0;
	assert_int_equal(scmi_pinctrl_list_associations(&pc, SCMI_PINCTRL_GROUP, 4, ids, 8, &count),
			 -EPROTO);
	assert_int_equal(endless_pages, 1024);
	scmi_agent_last_error(agent, err, sizeof(err));
	assert_non_null(strstr(err, "pinctrl: associations of 4: too many pages"));
}

/* A settings page: function, num_configs word, then @n (type, value) pairs. */
static void push_settings(uint32_t function, uint32_t num, uint32_t n, uint32_t type0, size_t cut)
{
	uint8_t v[104] = {0};
	uint32_t i;

	scmi_put_le32(v, function);
	scmi_put_le32(v + 4, num);
	for (i = 0; i < n; i++) {
		scmi_put_le32(v + 8 + 8 * (size_t)i, 0xff00u | (type0 + i));
		scmi_put_le32(v + 12 + 8 * (size_t)i, 100 + i);
	}
	ss_push(PIN, SG, 0, v, 8 + 8 * n - cut);
}

static void test_settings(void **state)
{
	struct scmi_pinctrl_config c[8];
	uint32_t fn = 0, val = 0, n = 0, rem = 0, count = 0;

	(void)state;
	/* One config: GET_ONE of type 5. */
	push_settings(2, 1, 1, 5, 0);
	assert_int_equal(scmi_pinctrl_settings_get_one(&pc, SCMI_PINCTRL_PIN, 1, 5, &fn, &val), 0);
	assert_int_equal(fn, 2);
	assert_int_equal(val, 100);
	assert_int_equal(ss_tx_u32(PIN, SG, 0), 1);
	/* The pin selector is 0: the attributes are the type alone. */
	assert_int_equal(ss_tx_u32(PIN, SG, 1), 5u);
	push_settings(2, 1, 1, 5, 0);
	assert_int_equal(scmi_pinctrl_settings_get_one(&pc, SCMI_PINCTRL_GROUP, 1, 5, NULL, NULL),
			 0);
	assert_int_equal(ss_tx_u32(PIN, SG, 1), 5u | (SCMI_PINCTRL_SEL_GROUP << 16));
	/* The wrong type, or none, or two. */
	push_settings(2, 1, 1, 6, 0);
	assert_int_equal(scmi_pinctrl_settings_get_one(&pc, SCMI_PINCTRL_PIN, 1, 5, &fn, &val),
			 -EPROTO);
	push_settings(2, 0, 0, 5, 0);
	assert_int_equal(scmi_pinctrl_settings_get_one(&pc, SCMI_PINCTRL_PIN, 1, 5, &fn, &val),
			 -EPROTO);
	push_settings(2, 2, 2, 5, 0);
	assert_int_equal(scmi_pinctrl_settings_get_one(&pc, SCMI_PINCTRL_PIN, 1, 5, &fn, &val),
			 -EPROTO);
	assert_int_equal(scmi_pinctrl_settings_get_one(&pc, SCMI_PINCTRL_PIN, 1, 0x100, &fn, &val),
			 -EINVAL);
	push_settings(2, 1, 1, 0xff, 0);
	assert_int_equal(scmi_pinctrl_settings_get_one(&pc, SCMI_PINCTRL_PIN, 1, 0xff, &fn, &val),
			 0);
	assert_int_equal(scmi_pinctrl_settings_get_one(&pc, SCMI_PINCTRL_FUNCTION, 1, 5, &fn, &val),
			 -EINVAL);

	/* The function alone. */
	push_settings(9, 0, 0, 0, 0);
	assert_int_equal(scmi_pinctrl_function_get(&pc, SCMI_PINCTRL_GROUP, 3, &fn), 0);
	assert_int_equal(fn, 9);
	assert_int_equal(ss_tx_u32(PIN, SG, 1),
			 (SCMI_PINCTRL_GET_FUNCTION << 18) | (SCMI_PINCTRL_SEL_GROUP << 16));
	assert_int_equal(scmi_pinctrl_function_get(&pc, SCMI_PINCTRL_GROUP, 3, NULL), -EINVAL);
	push_settings(9, 1, 1, 0, 0);
	assert_int_equal(scmi_pinctrl_function_get(&pc, SCMI_PINCTRL_GROUP, 3, &fn), -EPROTO);
	push_settings(9, 0, 0, 0, 1);
	assert_int_equal(scmi_pinctrl_function_get(&pc, SCMI_PINCTRL_GROUP, 3, &fn), -EPROTO);

	/* All of them, in two pages. */
	push_settings(1, 3 | (2u << 24), 3, 1, 0);
	push_settings(1, 2, 2, 4, 0);
	memset(c, 0, sizeof(c));
	assert_int_equal(scmi_pinctrl_settings_get_all(&pc, SCMI_PINCTRL_PIN, 2, &fn, c, 8, &count),
			 0);
	assert_int_equal(count, 5);
	assert_int_equal(c[0].type, 1); /* the type is the low byte of its word */
	assert_int_equal(c[4].type, 5);
	assert_int_equal(c[4].value, 101);
	assert_int_equal(ss_tx_u32(PIN, SG, 1), (SCMI_PINCTRL_GET_ALL << 18) | (3u << 8));
	push_settings(1, 3 | (2u << 24), 3, 1, 0);
	push_settings(1, 2, 2, 4, 0);
	assert_int_equal(scmi_pinctrl_settings_get_all(&pc, SCMI_PINCTRL_PIN, 2, &fn, c, 4, &count),
			 -ENOSPC);
	assert_int_equal(count, 5);
	push_settings(1, 2, 2, 4, 0);
	assert_int_equal(
	    scmi_pinctrl_settings_get_all(&pc, SCMI_PINCTRL_PIN, 2, NULL, c, 2, &count), 0);
	push_settings(1, 1 | (2u << 24), 1, 1, 0);
	push_settings(1, 1 | (2u << 24), 1, 2, 0);
	assert_int_equal(scmi_pinctrl_settings_get_all(&pc, SCMI_PINCTRL_PIN, 2, &fn, c, 8, &count),
			 -EPROTO);
	push_settings(1, 2u << 24, 0, 1, 0);
	assert_int_equal(scmi_pinctrl_settings_get_all(&pc, SCMI_PINCTRL_PIN, 2, &fn, c, 8, &count),
			 -EPROTO);
	push_settings(1, 2, 2, 4, 1);
	assert_int_equal(scmi_pinctrl_settings_get_all(&pc, SCMI_PINCTRL_PIN, 2, &fn, c, 8, &count),
			 -EPROTO);
	assert_int_equal(
	    scmi_pinctrl_settings_get_all(&pc, SCMI_PINCTRL_PIN, 2, &fn, NULL, 8, &count), -EINVAL);
	assert_int_equal(scmi_pinctrl_settings_get_all(&pc, SCMI_PINCTRL_PIN, 2, &fn, c, 8, NULL),
			 -EINVAL);
	/* One page: the skip at its bound, arguments. */
	push_settings(1, 1, 1, 1, 0);
	assert_int_equal(
	    scmi_pinctrl_settings_get_page(&pc, SCMI_PINCTRL_PIN, 2, 0xff, &fn, c, 8, &n, &rem), 0);
	assert_int_equal(ss_tx_u32(PIN, SG, 1), (SCMI_PINCTRL_GET_ALL << 18) | (0xffu << 8));
	assert_int_equal(
	    scmi_pinctrl_settings_get_page(&pc, SCMI_PINCTRL_PIN, 2, 0x100, &fn, c, 8, &n, &rem),
	    -EINVAL);
	assert_int_equal(
	    scmi_pinctrl_settings_get_page(&pc, SCMI_PINCTRL_PIN, 2, 0, &fn, NULL, 8, &n, &rem),
	    -EINVAL);
	assert_int_equal(
	    scmi_pinctrl_settings_get_page(&pc, SCMI_PINCTRL_PIN, 2, 0, &fn, c, 8, NULL, &rem),
	    -EINVAL);
	assert_int_equal(
	    scmi_pinctrl_settings_get_page(&pc, SCMI_PINCTRL_PIN, 2, 0, &fn, c, 8, &n, NULL),
	    -EINVAL);
}

/* Settings pages of 10 configs, 260 in all: more than SCMI_PINCTRL_MAX_CONFIGS (255). */
static uint32_t many_served;

static void serve_many_configs(struct fake *f, const struct scmi_xfer *x)
{
	uint8_t v[104] = {0};
	const uint32_t total = 260, n = 10;

	(void)f;
	scmi_put_le32(v, 1);
	scmi_put_le32(v + 4, n | ((total - many_served * n - n) << 24));
	many_served++;
	fake_reply(x->hdr_word, 0, v, 8 + 8 * n);
}

static void test_settings_bound(void **state)
{
	struct scmi_pinctrl_config c[8];
	uint32_t count = 0;

	(void)state;
	fake.serve = serve_many_configs;
	many_served = 0;
	assert_int_equal(
	    scmi_pinctrl_settings_get_all(&pc, SCMI_PINCTRL_PIN, 2, NULL, c, 8, &count), -EPROTO);
	assert_int_equal(many_served, 26);
}

static void test_configure(void **state)
{
	struct scmi_pinctrl_config cfg[24];
	size_t i;

	(void)state;
	for (i = 0; i < 24; i++)
		cfg[i] =
		    (struct scmi_pinctrl_config){.type = (uint32_t)i, .value = 1000 + (uint32_t)i};
	ss_set(PIN, SC, 0, NULL, 0);
	/* 104 bytes: 12 of head, 11 configs of 8 per message; 24 go in 11, 11 and 2. */
	assert_int_equal(scmi_pinctrl_settings_configure(&pc, SCMI_PINCTRL_GROUP, 3, 7, cfg, 24),
			 0);
	assert_int_equal(ss_count(PIN, SC), 3);
	assert_int_equal(ss_last(PIN, SC)->tx_len, 12 + 2 * 8);
	assert_int_equal(ss_tx_u32(PIN, SC, 0), 3);
	assert_int_equal(ss_tx_u32(PIN, SC, 1), SCMI_PINCTRL_NO_FUNCTION);
	assert_int_equal(ss_tx_u32(PIN, SC, 2), SCMI_PINCTRL_GROUP | (2u << 2));
	assert_int_equal(ss_tx_u32(PIN, SC, 3), 22);
	assert_int_equal(ss_tx_u32(PIN, SC, 4), 1022);
	assert_int_equal(ss_tx_u32(PIN, SC, 5), 23);
	assert_int_equal(ss_tx_u32(PIN, SC, 6), 1023);
	/* Exactly one message's worth, with the function. */
	assert_int_equal(scmi_pinctrl_settings_configure(&pc, SCMI_PINCTRL_PIN, 3, 7, cfg, 11), 0);
	assert_int_equal(ss_count(PIN, SC), 4);
	assert_int_equal(ss_last(PIN, SC)->tx_len, 12 + 11 * 8);
	assert_int_equal(ss_tx_u32(PIN, SC, 1), 7);
	assert_int_equal(ss_tx_u32(PIN, SC, 2),
			 (11u << 2) | SCMI_PINCTRL_CONFIGURE_FUNC_VALID); /* pin: 0 */
	assert_int_equal(ss_tx_u32(PIN, SC, 3), 0);
	assert_int_equal(ss_tx_u32(PIN, SC, 4), 1000);
	/* No configs: the function alone, one message. */
	assert_int_equal(scmi_pinctrl_settings_configure(&pc, SCMI_PINCTRL_PIN, 3, 7, NULL, 0), 0);
	assert_int_equal(ss_count(PIN, SC), 5);
	assert_int_equal(ss_last(PIN, SC)->tx_len, 12);
	assert_int_equal(ss_tx_u32(PIN, SC, 2), SCMI_PINCTRL_CONFIGURE_FUNC_VALID); /* pin: 0 */
	assert_int_equal(scmi_pinctrl_settings_configure(&pc, SCMI_PINCTRL_PIN, 3,
							 SCMI_PINCTRL_NO_FUNCTION, cfg, 1),
			 0);
	assert_int_equal(ss_tx_u32(PIN, SC, 1), SCMI_PINCTRL_NO_FUNCTION);
	assert_int_equal(ss_tx_u32(PIN, SC, 2), 1u << 2); /* pin: 0 */
	/* A failure stops the rest. */
	ss_set(PIN, SC, SCMI_DENIED, NULL, 0);
	assert_int_equal(scmi_pinctrl_settings_configure(&pc, SCMI_PINCTRL_PIN, 3, 7, cfg, 24),
			 -EACCES);
	assert_int_equal(ss_count(PIN, SC), 7);
	assert_int_equal(scmi_pinctrl_settings_configure(&pc, SCMI_PINCTRL_FUNCTION, 3, 7, cfg, 1),
			 -EINVAL);
	assert_int_equal(scmi_pinctrl_settings_configure(&pc, SCMI_PINCTRL_PIN, 3, 7, NULL, 1),
			 -EINVAL);
	assert_int_equal(scmi_pinctrl_settings_configure(NULL, SCMI_PINCTRL_PIN, 3, 7, cfg, 1),
			 -EINVAL);
}

static void test_request_release_perms(void **state)
{
	(void)state;
	ss_set(PIN, SCMI_MSG_PINCTRL_REQUEST, 0, NULL, 0);
	ss_set(PIN, SCMI_MSG_PINCTRL_RELEASE, 0, NULL, 0);
	ss_set(PIN, SCMI_MSG_PINCTRL_SET_PERMISSIONS, 0, NULL, 0);
	assert_int_equal(scmi_pinctrl_request(&pc, SCMI_PINCTRL_GROUP, 2), 0);
	assert_int_equal(ss_last(PIN, SCMI_MSG_PINCTRL_REQUEST)->tx_len, 8);
	assert_int_equal(ss_tx_u32(PIN, SCMI_MSG_PINCTRL_REQUEST, 0), 2);
	assert_int_equal(ss_tx_u32(PIN, SCMI_MSG_PINCTRL_REQUEST, 1), SCMI_PINCTRL_GROUP);
	assert_int_equal(scmi_pinctrl_release(&pc, SCMI_PINCTRL_PIN, 4), 0);
	assert_int_equal(ss_tx_u32(PIN, SCMI_MSG_PINCTRL_RELEASE, 0), 4);
	assert_int_equal(ss_tx_u32(PIN, SCMI_MSG_PINCTRL_RELEASE, 1), SCMI_PINCTRL_PIN);
	assert_int_equal(scmi_pinctrl_request(&pc, SCMI_PINCTRL_FUNCTION, 2), -EINVAL);
	assert_int_equal(scmi_pinctrl_release(&pc, SCMI_PINCTRL_FUNCTION, 2), -EINVAL);
	assert_int_equal(scmi_pinctrl_set_permissions(&pc, 1, SCMI_PINCTRL_FUNCTION, 6, true), 0);
	assert_int_equal(ss_last(PIN, SCMI_MSG_PINCTRL_SET_PERMISSIONS)->tx_len, 12);
	assert_int_equal(ss_tx_u32(PIN, SCMI_MSG_PINCTRL_SET_PERMISSIONS, 0), 1);
	assert_int_equal(ss_tx_u32(PIN, SCMI_MSG_PINCTRL_SET_PERMISSIONS, 1), 6);
	assert_int_equal(ss_tx_u32(PIN, SCMI_MSG_PINCTRL_SET_PERMISSIONS, 2),
			 SCMI_PINCTRL_FUNCTION | SCMI_PINCTRL_PERM_ALLOW);
	assert_int_equal(scmi_pinctrl_set_permissions(&pc, 1, SCMI_PINCTRL_PIN, 6, false), 0);
	assert_int_equal(ss_tx_u32(PIN, SCMI_MSG_PINCTRL_SET_PERMISSIONS, 2), SCMI_PINCTRL_PIN);
	assert_int_equal(scmi_pinctrl_set_permissions(&pc, 1, (enum scmi_pinctrl_type)3, 6, false),
			 -EINVAL);
	ss_set(PIN, SCMI_MSG_PINCTRL_REQUEST, SCMI_IN_USE, NULL, 0);
	assert_int_equal(scmi_pinctrl_request(&pc, SCMI_PINCTRL_GROUP, 2), -EPERM);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(test_init_and_names, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_associations, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_associations_endless, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_settings, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_settings_bound, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_configure, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_request_release_perms, setup, teardown),
	};

	return cmocka_run_group_tests_name("agent/pinctrl", tests, NULL, NULL);
}
