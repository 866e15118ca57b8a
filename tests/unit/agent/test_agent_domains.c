// SPDX-License-Identifier: BSD-3-Clause
/*
 * The Power, Reset, Voltage, System and Powercap clients against scripted
 * replies (issue 17): the bits each version gives meaning to, extended names,
 * reply lengths, the voltage levels walk, and what every command puts on the
 * wire (both values of each flag).
 */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "agent/common.h"
#include "scmi/power.h"
#include "scmi/powercap.h"
#include "scmi/proto/endian.h"
#include "scmi/proto/power.h"
#include "scmi/proto/powercap.h"
#include "scmi/proto/reset.h"
#include "scmi/proto/system.h"
#include "scmi/proto/voltage.h"
#include "scmi/reset.h"
#include "scmi/system.h"
#include "scmi/voltage.h"
#include "script_server.h"

#define V(maj, min) SCMI_VERSION(maj, min)

/* A reply of @attr, then a 16-byte @name at @name_off, @len bytes in all. */
static void named_reply(uint8_t proto, uint8_t msg, uint32_t attr, size_t name_off,
			const char *name, size_t len)
{
	uint8_t v[64] = {0};

	scmi_put_le32(v, attr);
	memcpy(v + name_off, name, strnlen(name, 16));
	ss_set(proto, msg, 0, v, len);
}

static void ext_name(uint8_t proto, uint8_t msg, const char *name)
{
	uint8_t v[68] = {0};

	memcpy(v + 4, name, strlen(name) + 1);
	ss_set(proto, msg, 0, v, sizeof(v));
}

#define PW SCMI_PROTOCOL_POWER

static void test_power(void **state)
{
	struct scmi_power pw;
	struct scmi_power_domain d[3];
	uint8_t pa[16] = {0};
	char name[SCMI_POWER_NAME_SIZE];
	uint32_t st = 0;
	size_t n = 9;
	const uint32_t all = SCMI_POWER_ATTR_NOTIFY | SCMI_POWER_ATTR_ASYNC | SCMI_POWER_ATTR_SYNC |
			     SCMI_POWER_ATTR_REQ_NOTIFY | SCMI_POWER_ATTR_EXT_NAME;

	(void)state;
	assert_int_equal(scmi_power_open(NULL, &pw), -EINVAL);
	assert_int_equal(scmi_power_open(ss_agent, NULL), -EINVAL);
	/* No version: nothing else asked. */
	memset(&pw, 0xa5, sizeof(pw));
	assert_int_equal(scmi_power_open(ss_agent, &pw), -EOPNOTSUPP);
	assert_int_equal(pw.num_domains, 0);
	assert_int_equal(pw.stats_size, 0);
	assert_int_equal(ss_count(PW, SCMI_MSG_PROTOCOL_ATTRIBUTES), 0);
	ss_u32(PW, SCMI_MSG_PROTOCOL_VERSION, (uint32_t[]){V(2, 0)}, 1);
	scmi_put_le32(pa, 2);
	scmi_put_le64(pa + 4, 0xabc0);
	scmi_put_le32(pa + 12, 0x100);
	ss_set(PW, SCMI_MSG_PROTOCOL_ATTRIBUTES, 0, pa, 16);
	assert_int_equal(scmi_power_open(ss_agent, &pw), 0);
	assert_int_equal(pw.num_domains, 2);
	assert_int_equal(pw.stats_addr, 0xabc0);
	assert_int_equal(pw.stats_size, 0x100);
	assert_int_equal(pw.version, V(2, 0));
	ss_set(PW, SCMI_MSG_PROTOCOL_ATTRIBUTES, 0, pa, 15);
	assert_int_equal(scmi_power_open(ss_agent, &pw), -EPROTO);
	ss_set(PW, SCMI_MSG_PROTOCOL_ATTRIBUTES, 0, pa, 16);
	assert_int_equal(scmi_power_open(ss_agent, &pw), 0);

	/* 2.0: the ext-name bit means nothing; NAME_GET is refused here. */
	named_reply(PW, SCMI_MSG_POWER_DOMAIN_ATTRIBUTES, all, 4, "gpu", 20);
	ext_name(PW, SCMI_MSG_POWER_DOMAIN_NAME_GET, "the-graphics-power-domain");
	assert_int_equal(scmi_power_domain_attributes(&pw, 1, &d[0]), 0);
	assert_int_equal(d[0].id, 1);
	assert_int_equal(d[0].attributes, all);
	assert_true(d[0].notify && d[0].async && d[0].sync && d[0].req_notify);
	assert_false(d[0].ext_name);
	assert_string_equal(d[0].name, "gpu");
	assert_int_equal(ss_tx_u32(PW, SCMI_MSG_POWER_DOMAIN_ATTRIBUTES, 0), 1);
	assert_int_equal(scmi_power_domain_name_get(&pw, 1, name), -EOPNOTSUPP);
	assert_int_equal(scmi_power_domain_name_get(&pw, 1, NULL), -EINVAL);
	assert_int_equal(ss_count(PW, SCMI_MSG_POWER_DOMAIN_NAME_GET), 0);
	named_reply(PW, SCMI_MSG_POWER_DOMAIN_ATTRIBUTES, all, 4, "gpu", 19);
	assert_int_equal(scmi_power_domain_attributes(&pw, 1, &d[0]), -EPROTO);
	assert_int_equal(scmi_power_domain_attributes(&pw, 1, NULL), -EINVAL);
	assert_int_equal(scmi_power_domain_attributes(NULL, 1, &d[0]), -EINVAL);

	/* 3.0: the extended name. */
	pw.version = V(3, 0);
	named_reply(PW, SCMI_MSG_POWER_DOMAIN_ATTRIBUTES, SCMI_POWER_ATTR_EXT_NAME, 4, "gpu", 20);
	assert_int_equal(scmi_power_domain_attributes(&pw, 1, &d[0]), 0);
	assert_true(d[0].ext_name);
	assert_false(d[0].notify || d[0].async || d[0].sync || d[0].req_notify);
	assert_string_equal(d[0].name, "the-graphics-power-domain");
	assert_int_equal(ss_tx_u32(PW, SCMI_MSG_POWER_DOMAIN_NAME_GET, 0), 1);
	assert_int_equal(scmi_power_domain_name_get(&pw, 1, NULL), -EINVAL);
	assert_int_equal(scmi_power_domain_name_get(NULL, 1, name), -EINVAL);

	/* The list: num_domains of them, at most max. */
	named_reply(PW, SCMI_MSG_POWER_DOMAIN_ATTRIBUTES, 0, 4, "d", 20);
	assert_int_equal(scmi_power_list(&pw, d, 3, &n), 0);
	assert_int_equal(n, 2);
	assert_int_equal(d[1].id, 1);
	assert_int_equal(scmi_power_list(&pw, d, 1, &n), 0);
	assert_int_equal(n, 1);
	assert_int_equal(scmi_power_list(&pw, NULL, 0, &n), 0);
	assert_int_equal(n, 0);
	assert_int_equal(scmi_power_list(&pw, NULL, 1, &n), -EINVAL);
	assert_int_equal(scmi_power_list(&pw, d, 1, NULL), -EINVAL);
	ss_set(PW, SCMI_MSG_POWER_DOMAIN_ATTRIBUTES, SCMI_NOT_FOUND, NULL, 0);
	assert_int_equal(scmi_power_list(&pw, d, 3, &n), -ENOENT);

	/* The wire. */
	ss_set(PW, SCMI_MSG_POWER_STATE_SET, 0, NULL, 0);
	assert_int_equal(scmi_power_state_set(&pw, 1, SCMI_POWER_STATE_OFF, true), 0);
	assert_int_equal(ss_last(PW, SCMI_MSG_POWER_STATE_SET)->tx_len, 12);
	assert_int_equal(ss_tx_u32(PW, SCMI_MSG_POWER_STATE_SET, 0), SCMI_POWER_SET_ASYNC);
	assert_int_equal(ss_tx_u32(PW, SCMI_MSG_POWER_STATE_SET, 1), 1);
	assert_int_equal(ss_tx_u32(PW, SCMI_MSG_POWER_STATE_SET, 2), SCMI_POWER_STATE_OFF);
	assert_int_equal(scmi_power_state_set(&pw, 1, SCMI_POWER_STATE_ON, false), 0);
	assert_int_equal(ss_tx_u32(PW, SCMI_MSG_POWER_STATE_SET, 0), 0);
	assert_int_equal(scmi_power_state_set(NULL, 1, 0, false), -EINVAL);
	ss_u32(PW, SCMI_MSG_POWER_STATE_GET, (uint32_t[]){0x40000003}, 1);
	assert_int_equal(scmi_power_state_get(&pw, 1, &st), 0);
	assert_int_equal(st, 0x40000003);
	assert_int_equal(ss_tx_u32(PW, SCMI_MSG_POWER_STATE_GET, 0), 1);
	assert_int_equal(scmi_power_state_get(&pw, 1, NULL), -EINVAL);
	ss_set(PW, SCMI_MSG_POWER_STATE_GET, 0, "\1\2\3", 3);
	assert_int_equal(scmi_power_state_get(&pw, 1, &st), -EPROTO);
	ss_set(PW, SCMI_MSG_POWER_STATE_NOTIFY, 0, NULL, 0);
	ss_set(PW, SCMI_MSG_POWER_STATE_CHANGE_REQUESTED_NOTIFY, 0, NULL, 0);
	assert_int_equal(scmi_power_state_notify(&pw, 1, true), 0);
	assert_int_equal(ss_tx_u32(PW, SCMI_MSG_POWER_STATE_NOTIFY, 0), 1);
	assert_int_equal(ss_tx_u32(PW, SCMI_MSG_POWER_STATE_NOTIFY, 1), SCMI_NOTIFY_ENABLE);
	assert_int_equal(scmi_power_state_notify(&pw, 1, false), 0);
	assert_int_equal(ss_tx_u32(PW, SCMI_MSG_POWER_STATE_NOTIFY, 1), 0);
	assert_int_equal(scmi_power_state_change_requested_notify(&pw, 2, true), 0);
	assert_int_equal(ss_tx_u32(PW, SCMI_MSG_POWER_STATE_CHANGE_REQUESTED_NOTIFY, 0), 2);
	assert_int_equal(ss_tx_u32(PW, SCMI_MSG_POWER_STATE_CHANGE_REQUESTED_NOTIFY, 1),
			 SCMI_NOTIFY_ENABLE);
}

static void test_power_names(void **state)
{
	char buf[24];
	uint32_t st = 7;

	(void)state;
	assert_string_equal(scmi_power_state_name(SCMI_POWER_STATE_ON, buf, sizeof(buf)), "on");
	assert_string_equal(scmi_power_state_name(SCMI_POWER_STATE_OFF, buf, sizeof(buf)), "off");
	assert_string_equal(scmi_power_state_name(0x40000005, buf, sizeof(buf)), "off:0x5");
	assert_string_equal(scmi_power_state_name(0x5, buf, sizeof(buf)), "ret:0x5");
	assert_null(scmi_power_state_name(0, NULL, 4));
	buf[0] = 'x';
	assert_ptr_equal(scmi_power_state_name(0, buf, 0), buf);
	assert_int_equal(buf[0], 'x');
	assert_string_equal(scmi_power_state_name(0x5, buf, 3), "re");
	assert_int_equal(scmi_power_state_parse("on", &st), 0);
	assert_int_equal(st, SCMI_POWER_STATE_ON);
	assert_int_equal(scmi_power_state_parse("off", &st), 0);
	assert_int_equal(st, SCMI_POWER_STATE_OFF);
	assert_int_equal(scmi_power_state_parse("0x40000002", &st), 0);
	assert_int_equal(st, 0x40000002);
	assert_int_equal(scmi_power_state_parse("9", &st), 0);
	assert_int_equal(st, 9);
	assert_int_equal(scmi_power_state_parse("0", &st), 0);
	assert_int_equal(st, 0);
	assert_int_equal(scmi_power_state_parse("4294967295", &st), 0);
	assert_int_equal(st, UINT32_MAX);
	st = 3;
	assert_int_equal(scmi_power_state_parse("4294967296", &st), -EINVAL);
	assert_int_equal(scmi_power_state_parse("12x", &st), -EINVAL);
	assert_int_equal(scmi_power_state_parse("-1", &st), -EINVAL);
	assert_int_equal(scmi_power_state_parse(":1", &st), -EINVAL);
	assert_int_equal(scmi_power_state_parse("/1", &st), -EINVAL);
	assert_int_equal(scmi_power_state_parse("", &st), -EINVAL);
	assert_int_equal(scmi_power_state_parse(NULL, &st), -EINVAL);
	assert_int_equal(scmi_power_state_parse("on", NULL), -EINVAL);
	assert_int_equal(st, 3);
}

#define RS SCMI_PROTOCOL_RESET

static void test_reset(void **state)
{
	struct scmi_reset r;
	struct scmi_reset_domain_info info;
	char name[SCMI_EXT_NAME_SIZE + 1];
	uint8_t v[24] = {0};

	(void)state;
	assert_int_equal(scmi_reset_init(NULL, ss_agent), -EINVAL);
	assert_int_equal(scmi_reset_init(&r, NULL), -EINVAL);
	memset(&r, 0xa5, sizeof(r));
	assert_int_equal(scmi_reset_init(&r, ss_agent), -EOPNOTSUPP);
	/* A failed bind leaves nothing behind but the agent. */
	assert_ptr_equal(r.agent, ss_agent);
	assert_int_equal(r.version, 0);
	assert_int_equal(r.num_domains, 0);
	ss_version(RS, V(2, 0), 0x10005);
	assert_int_equal(scmi_reset_init(&r, ss_agent), 0);
	assert_int_equal(r.num_domains, 5);
	assert_int_equal(r.version, V(2, 0));
	scmi_put_le32(v, SCMI_RESET_ATTR_ASYNC | SCMI_RESET_ATTR_NOTIFY | SCMI_RESET_ATTR_EXT_NAME);
	scmi_put_le32(v + 4, 250);
	memcpy(v + 8, "uart", sizeof("uart"));
	ss_set(RS, SCMI_MSG_RESET_DOMAIN_ATTRIBUTES, 0, v, 24);
	ext_name(RS, SCMI_MSG_RESET_DOMAIN_NAME_GET, "the-uart-reset-line");
	assert_int_equal(scmi_reset_domain_attributes(&r, 3, &info), 0);
	assert_true(info.async);
	assert_true(info.notify);
	assert_false(info.ext_name);
	assert_true(info.latency_known);
	assert_int_equal(info.latency_us, 250);
	assert_string_equal(info.name, "uart");
	assert_int_equal(ss_tx_u32(RS, SCMI_MSG_RESET_DOMAIN_ATTRIBUTES, 0), 3);
	assert_int_equal(scmi_reset_domain_name(&r, 3, name), -EOPNOTSUPP);
	assert_int_equal(scmi_reset_domain_name(&r, 3, NULL), -EINVAL);
	assert_int_equal(ss_count(RS, SCMI_MSG_RESET_DOMAIN_NAME_GET), 0);
	ss_set(RS, SCMI_MSG_RESET_DOMAIN_ATTRIBUTES, 0, v, 23);
	assert_int_equal(scmi_reset_domain_attributes(&r, 3, &info), -EPROTO);
	assert_int_equal(scmi_reset_domain_attributes(&r, 3, NULL), -EINVAL);
	assert_int_equal(scmi_reset_domain_attributes(NULL, 3, &info), -EINVAL);
	/* 3.0: extended name; unknown latency reads as 0, not known. */
	r.version = V(3, 0);
	scmi_put_le32(v, SCMI_RESET_ATTR_EXT_NAME);
	scmi_put_le32(v + 4, SCMI_RESET_LATENCY_UNKNOWN);
	ss_set(RS, SCMI_MSG_RESET_DOMAIN_ATTRIBUTES, 0, v, 24);
	assert_int_equal(scmi_reset_domain_attributes(&r, 3, &info), 0);
	assert_true(info.ext_name);
	assert_false(info.async);
	assert_false(info.notify);
	assert_false(info.latency_known);
	assert_int_equal(info.latency_us, 0);
	assert_string_equal(info.name, "the-uart-reset-line");
	assert_int_equal(ss_tx_u32(RS, SCMI_MSG_RESET_DOMAIN_NAME_GET, 0), 3);
	ss_set(RS, SCMI_MSG_RESET_DOMAIN_NAME_GET, SCMI_NOT_FOUND, NULL, 0);
	assert_int_equal(scmi_reset_domain_attributes(&r, 3, &info), 0);
	assert_false(info.ext_name);
	assert_string_equal(info.name, "uart");
	scmi_put_le32(v + 4, SCMI_RESET_LATENCY_UNKNOWN - 1);
	scmi_put_le32(v, 0);
	ss_set(RS, SCMI_MSG_RESET_DOMAIN_ATTRIBUTES, 0, v, 24);
	assert_int_equal(scmi_reset_domain_attributes(&r, 3, &info), 0);
	assert_true(info.latency_known);
	assert_int_equal(info.latency_us, SCMI_RESET_LATENCY_UNKNOWN - 1);
	assert_int_equal(ss_count(RS, SCMI_MSG_RESET_DOMAIN_NAME_GET), 2);
	assert_int_equal(scmi_reset_domain_name(&r, 3, NULL), -EINVAL);
	assert_int_equal(scmi_reset_domain_name(NULL, 3, name), -EINVAL);

	ss_set(RS, SCMI_MSG_RESET, 0, NULL, 0);
	assert_int_equal(scmi_reset_reset(&r, 2, 0x5, 0x80000001), 0);
	assert_int_equal(ss_last(RS, SCMI_MSG_RESET)->tx_len, 12);
	assert_int_equal(ss_tx_u32(RS, SCMI_MSG_RESET, 0), 2);
	assert_int_equal(ss_tx_u32(RS, SCMI_MSG_RESET, 1), 0x5);
	assert_int_equal(ss_tx_u32(RS, SCMI_MSG_RESET, 2), 0x80000001);
	assert_int_equal(scmi_reset_autonomous(&r, 2, 7), 0);
	assert_int_equal(ss_tx_u32(RS, SCMI_MSG_RESET, 1), SCMI_RESET_FLAG_AUTONOMOUS);
	assert_int_equal(ss_tx_u32(RS, SCMI_MSG_RESET, 2), 7);
	assert_int_equal(scmi_reset_assert(&r, 2), 0);
	assert_int_equal(ss_tx_u32(RS, SCMI_MSG_RESET, 1), SCMI_RESET_FLAG_ASSERT);
	assert_int_equal(ss_tx_u32(RS, SCMI_MSG_RESET, 2), SCMI_RESET_STATE_COLD_RESET);
	assert_int_equal(scmi_reset_deassert(&r, 2), 0);
	assert_int_equal(ss_tx_u32(RS, SCMI_MSG_RESET, 1), 0);
	assert_int_equal(scmi_reset_reset(NULL, 2, 0, 0), -EINVAL);
	ss_set(RS, SCMI_MSG_RESET_NOTIFY, 0, NULL, 0);
	assert_int_equal(scmi_reset_notify(&r, 4, true), 0);
	assert_int_equal(ss_tx_u32(RS, SCMI_MSG_RESET_NOTIFY, 0), 4);
	assert_int_equal(ss_tx_u32(RS, SCMI_MSG_RESET_NOTIFY, 1), SCMI_NOTIFY_ENABLE);
	assert_int_equal(scmi_reset_notify(&r, 4, false), 0);
	assert_int_equal(ss_tx_u32(RS, SCMI_MSG_RESET_NOTIFY, 1), 0);
}

#define VO SCMI_PROTOCOL_VOLTAGE
#define VL SCMI_MSG_VOLTAGE_DESCRIBE_LEVELS

static void push_levels(uint32_t flags, uint32_t n, int32_t first, size_t cut)
{
	uint8_t v[104] = {0};
	uint32_t i;

	scmi_put_le32(v, flags);
	for (i = 0; i < n; i++)
		scmi_put_le32(v + 4 + 4 * (size_t)i, (uint32_t)(first + (int32_t)i));
	ss_push(VO, VL, 0, v, 4 + 4 * n - cut);
}

static void test_voltage(void **state)
{
	struct scmi_voltage vo;
	struct scmi_voltage_domain_info info;
	static struct scmi_voltage_levels lv;
	char name[SCMI_EXT_NAME_SIZE + 1];
	int32_t uv = 0;
	uint32_t mode = 0;

	(void)state;
	assert_int_equal(scmi_voltage_init(NULL, ss_agent), -EINVAL);
	assert_int_equal(scmi_voltage_init(&vo, NULL), -EINVAL);
	memset(&vo, 0xa5, sizeof(vo));
	assert_int_equal(scmi_voltage_init(&vo, ss_agent), -EOPNOTSUPP);
	assert_int_equal(vo.version, 0);
	assert_int_equal(vo.num_domains, 0);
	ss_version(VO, V(1, 0), 0x20003);
	assert_int_equal(scmi_voltage_init(&vo, ss_agent), 0);
	assert_int_equal(vo.num_domains, 3);
	named_reply(VO, SCMI_MSG_VOLTAGE_DOMAIN_ATTRIBUTES,
		    SCMI_VOLTAGE_ATTR_ASYNC | SCMI_VOLTAGE_ATTR_EXT_NAME, 4, "vdd", 20);
	ext_name(VO, SCMI_MSG_VOLTAGE_DOMAIN_NAME_GET, "the-core-supply");
	assert_int_equal(scmi_voltage_domain_attributes(&vo, 1, &info), 0);
	assert_true(info.async);
	assert_false(info.ext_name);
	assert_string_equal(info.name, "vdd");
	assert_int_equal(scmi_voltage_domain_name(&vo, 1, name), -EOPNOTSUPP);
	/* The arguments are checked before the version. */
	assert_int_equal(scmi_voltage_domain_name(&vo, 1, NULL), -EINVAL);
	assert_int_equal(scmi_voltage_domain_name(NULL, 1, name), -EINVAL);
	vo.version = V(2, 0);
	assert_int_equal(scmi_voltage_domain_attributes(&vo, 1, &info), 0);
	assert_true(info.ext_name);
	assert_string_equal(info.name, "the-core-supply");
	assert_int_equal(ss_tx_u32(VO, SCMI_MSG_VOLTAGE_DOMAIN_NAME_GET, 0), 1);
	named_reply(VO, SCMI_MSG_VOLTAGE_DOMAIN_ATTRIBUTES, 0, 4, "vdd", 20);
	assert_int_equal(scmi_voltage_domain_attributes(&vo, 2, &info), 0);
	assert_false(info.async);
	assert_false(info.ext_name);
	assert_int_equal(ss_count(VO, SCMI_MSG_VOLTAGE_DOMAIN_NAME_GET), 1);
	named_reply(VO, SCMI_MSG_VOLTAGE_DOMAIN_ATTRIBUTES, 0, 4, "vdd", 19);
	assert_int_equal(scmi_voltage_domain_attributes(&vo, 2, &info), -EPROTO);
	assert_int_equal(scmi_voltage_domain_attributes(&vo, 2, NULL), -EINVAL);
	assert_int_equal(scmi_voltage_domain_attributes(NULL, 2, &info), -EINVAL);
	assert_int_equal(scmi_voltage_domain_name(&vo, 2, NULL), -EINVAL);

	/* Levels: a list in two pages. */
	push_levels(3 | (2u << 16), 3, 100, 0);
	push_levels(2, 2, 103, 0);
	assert_int_equal(scmi_voltage_describe_levels(&vo, 1, &lv), 0);
	assert_false(lv.segmented);
	assert_int_equal(lv.count, 5);
	assert_int_equal(lv.levels[4], 104);
	assert_int_equal(ss_tx_u32(VO, VL, 0), 1);
	assert_int_equal(ss_tx_u32(VO, VL, 1), 3);
	/* A segment: exactly three, nothing remaining, first page only. */
	push_levels(3 | SCMI_VOLTAGE_LEVELS_SEGMENTED, 3, -5, 0);
	assert_int_equal(scmi_voltage_describe_levels(&vo, 1, &lv), 0);
	assert_true(lv.segmented);
	assert_int_equal(lv.count, 3);
	assert_int_equal(lv.levels[0], -5);
	push_levels(2 | SCMI_VOLTAGE_LEVELS_SEGMENTED, 2, 1, 0);
	assert_int_equal(scmi_voltage_describe_levels(&vo, 1, &lv), -EPROTO);
	push_levels(3 | SCMI_VOLTAGE_LEVELS_SEGMENTED | (1u << 16), 3, 1, 0);
	assert_int_equal(scmi_voltage_describe_levels(&vo, 1, &lv), -EPROTO);
	push_levels(1 | (3u << 16), 1, 1, 0);
	push_levels(3 | SCMI_VOLTAGE_LEVELS_SEGMENTED, 3, 1, 0);
	assert_int_equal(scmi_voltage_describe_levels(&vo, 1, &lv), -EPROTO);
	/* Counts that do not follow; an empty page with some left; short pages. */
	push_levels(1 | (2u << 16), 1, 1, 0);
	push_levels(1 | (2u << 16), 1, 2, 0);
	assert_int_equal(scmi_voltage_describe_levels(&vo, 1, &lv), -EPROTO);
	push_levels(2u << 16, 0, 1, 0);
	assert_int_equal(scmi_voltage_describe_levels(&vo, 1, &lv), -EPROTO);
	push_levels(0, 0, 1, 0);
	assert_int_equal(scmi_voltage_describe_levels(&vo, 1, &lv), 0);
	assert_int_equal(lv.count, 0);
	push_levels(2, 2, 1, 1);
	assert_int_equal(scmi_voltage_describe_levels(&vo, 1, &lv), -EPROTO);
	ss_push(VO, VL, 0, "\1\0\0", 3);
	assert_int_equal(scmi_voltage_describe_levels(&vo, 1, &lv), -EPROTO);
	ss_push(VO, VL, SCMI_NOT_FOUND, NULL, 0);
	assert_int_equal(scmi_voltage_describe_levels(&vo, 1, &lv), -ENOENT);
	assert_int_equal(scmi_voltage_describe_levels(&vo, 1, NULL), -EINVAL);
	assert_int_equal(scmi_voltage_describe_levels(NULL, 1, &lv), -EINVAL);

	/* The wire. */
	ss_set(VO, SCMI_MSG_VOLTAGE_CONFIG_SET, 0, NULL, 0);
	assert_int_equal(scmi_voltage_config_set(&vo, 2, 7), 0);
	assert_int_equal(ss_tx_u32(VO, SCMI_MSG_VOLTAGE_CONFIG_SET, 0), 2);
	assert_int_equal(ss_tx_u32(VO, SCMI_MSG_VOLTAGE_CONFIG_SET, 1), 7);
	assert_int_equal(scmi_voltage_config_set(NULL, 2, 7), -EINVAL);
	ss_u32(VO, SCMI_MSG_VOLTAGE_CONFIG_GET, (uint32_t[]){0xf7}, 1);
	assert_int_equal(scmi_voltage_config_get(&vo, 2, &mode), 0);
	assert_int_equal(mode, 0x7);
	assert_int_equal(ss_tx_u32(VO, SCMI_MSG_VOLTAGE_CONFIG_GET, 0), 2);
	assert_int_equal(scmi_voltage_config_get(&vo, 2, NULL), -EINVAL);
	ss_set(VO, SCMI_MSG_VOLTAGE_LEVEL_SET, 0, NULL, 0);
	assert_int_equal(scmi_voltage_level_set(&vo, 2, -900000), 0);
	assert_int_equal(ss_last(VO, SCMI_MSG_VOLTAGE_LEVEL_SET)->tx_len, 12);
	assert_int_equal(ss_tx_u32(VO, SCMI_MSG_VOLTAGE_LEVEL_SET, 0), 2);
	assert_int_equal(ss_tx_u32(VO, SCMI_MSG_VOLTAGE_LEVEL_SET, 1), 0);
	assert_int_equal(ss_tx_u32(VO, SCMI_MSG_VOLTAGE_LEVEL_SET, 2), (uint32_t)-900000);
	ss_u32(VO, SCMI_MSG_VOLTAGE_LEVEL_GET, (uint32_t[]){(uint32_t)-800000}, 1);
	assert_int_equal(scmi_voltage_level_get(&vo, 2, &uv), 0);
	assert_int_equal(uv, -800000);
	assert_int_equal(ss_tx_u32(VO, SCMI_MSG_VOLTAGE_LEVEL_GET, 0), 2);
	assert_int_equal(scmi_voltage_level_get(&vo, 2, NULL), -EINVAL);
	ss_set(VO, SCMI_MSG_VOLTAGE_LEVEL_GET, 0, "\1\2\3", 3);
	assert_int_equal(scmi_voltage_level_get(&vo, 2, &uv), -EPROTO);
}

static void test_voltage_bound(void **state)
{
	struct scmi_voltage vo = {.agent = NULL, .version = V(2, 0)};
	static struct scmi_voltage_levels lv;
	uint32_t i;

	(void)state;
	vo.agent = ss_agent;
	/* Pages of 25 up to exactly SCMI_VOLTAGE_MAX_LEVELS; then one more. */
	for (i = 0; i < SCMI_VOLTAGE_MAX_LEVELS; i += 25) {
		uint32_t left = SCMI_VOLTAGE_MAX_LEVELS - i, n = left < 25 ? left : 25;

		push_levels(n | ((left - n) << 16), n, (int32_t)i, 0);
	}
	assert_int_equal(scmi_voltage_describe_levels(&vo, 0, &lv), 0);
	assert_int_equal(lv.count, SCMI_VOLTAGE_MAX_LEVELS);
	assert_int_equal(lv.levels[SCMI_VOLTAGE_MAX_LEVELS - 1], SCMI_VOLTAGE_MAX_LEVELS - 1);
	for (i = 0; i < SCMI_VOLTAGE_MAX_LEVELS + 1; i += 25) {
		uint32_t left = SCMI_VOLTAGE_MAX_LEVELS + 1 - i, n = left < 25 ? left : 25;

		push_levels(n | ((left - n) << 16), n, (int32_t)i, 0);
	}
	assert_int_equal(scmi_voltage_describe_levels(&vo, 0, &lv), -EPROTO);
}

#define SY SCMI_PROTOCOL_SYSTEM

static void test_system(void **state)
{
	struct scmi_system sys;
	struct scmi_system_notifier nt;
	uint8_t ev[16];
	bool warm = false, susp = false;
	uint32_t st = 0;

	(void)state;
	assert_int_equal(scmi_system_open(NULL, &sys), -EINVAL);
	assert_int_equal(scmi_system_open(ss_agent, NULL), -EINVAL);
	memset(&sys, 0xa5, sizeof(sys));
	assert_int_equal(scmi_system_open(ss_agent, &sys), -EOPNOTSUPP);
	assert_ptr_equal(sys.agent, ss_agent);
	assert_int_equal(sys.version, 0);
	ss_u32(SY, SCMI_MSG_PROTOCOL_VERSION, (uint32_t[]){V(1, 0)}, 1);
	assert_int_equal(scmi_system_open(ss_agent, &sys), 0);
	assert_int_equal(sys.version, V(1, 0));
	assert_int_equal(sys.platform_version, V(1, 0));
	ss_u32(SY, SCMI_MSG_PROTOCOL_MESSAGE_ATTRIBUTES, (uint32_t[]){SCMI_SYSTEM_ATTR_SUSPEND}, 1);
	assert_int_equal(scmi_system_capabilities(&sys, &warm, &susp), 0);
	assert_false(warm);
	assert_true(susp);
	assert_int_equal(ss_tx_u32(SY, SCMI_MSG_PROTOCOL_MESSAGE_ATTRIBUTES, 0),
			 SCMI_MSG_SYSTEM_POWER_STATE_SET);
	ss_u32(SY, SCMI_MSG_PROTOCOL_MESSAGE_ATTRIBUTES, (uint32_t[]){SCMI_SYSTEM_ATTR_WARM_RESET},
	       1);
	assert_int_equal(scmi_system_capabilities(&sys, &warm, &susp), 0);
	assert_true(warm);
	assert_false(susp);
	assert_int_equal(scmi_system_capabilities(&sys, NULL, NULL), 0);
	ss_set(SY, SCMI_MSG_PROTOCOL_MESSAGE_ATTRIBUTES, SCMI_NOT_FOUND, NULL, 0);
	assert_int_equal(scmi_system_capabilities(&sys, &warm, &susp), -ENOENT);
	assert_int_equal(scmi_system_capabilities(NULL, &warm, &susp), -EINVAL);

	ss_set(SY, SCMI_MSG_SYSTEM_POWER_STATE_SET, 0, NULL, 0);
	assert_int_equal(scmi_system_state_set(&sys, 1, true), 0);
	assert_int_equal(ss_last(SY, SCMI_MSG_SYSTEM_POWER_STATE_SET)->tx_len, 8);
	assert_int_equal(ss_tx_u32(SY, SCMI_MSG_SYSTEM_POWER_STATE_SET, 0),
			 SCMI_SYSTEM_FLAG_GRACEFUL);
	assert_int_equal(ss_tx_u32(SY, SCMI_MSG_SYSTEM_POWER_STATE_SET, 1), 1);
	assert_int_equal(scmi_system_state_set(&sys, 4, false), 0);
	assert_int_equal(ss_tx_u32(SY, SCMI_MSG_SYSTEM_POWER_STATE_SET, 0), 0);
	assert_int_equal(scmi_system_state_set(NULL, 4, false), -EINVAL);
	ss_set(SY, SCMI_MSG_SYSTEM_POWER_STATE_SET, SCMI_DENIED, NULL, 0);
	assert_int_equal(scmi_system_state_set(&sys, 4, false), -EACCES);
	ss_u32(SY, SCMI_MSG_SYSTEM_POWER_STATE_GET, (uint32_t[]){3}, 1);
	assert_int_equal(scmi_system_state_get(&sys, &st), 0);
	assert_int_equal(st, 3);
	ss_set(SY, SCMI_MSG_SYSTEM_POWER_STATE_GET, 0, "\1\2\3", 3);
	assert_int_equal(scmi_system_state_get(&sys, &st), -EPROTO);
	ss_set(SY, SCMI_MSG_SYSTEM_POWER_STATE_GET, SCMI_DENIED, NULL, 0);
	assert_int_equal(scmi_system_state_get(&sys, &st), -EACCES);
	assert_int_equal(scmi_system_state_get(&sys, NULL), -EINVAL);
	assert_int_equal(scmi_system_state_get(NULL, &st), -EINVAL);
	ss_set(SY, SCMI_MSG_SYSTEM_POWER_STATE_NOTIFY, 0, NULL, 0);
	assert_int_equal(scmi_system_state_notify(&sys, true), 0);
	assert_int_equal(ss_last(SY, SCMI_MSG_SYSTEM_POWER_STATE_NOTIFY)->tx_len, 4);
	assert_int_equal(ss_tx_u32(SY, SCMI_MSG_SYSTEM_POWER_STATE_NOTIFY, 0), SCMI_NOTIFY_ENABLE);
	assert_int_equal(scmi_system_state_notify(&sys, false), 0);
	assert_int_equal(ss_tx_u32(SY, SCMI_MSG_SYSTEM_POWER_STATE_NOTIFY, 0), 0);
	assert_int_equal(scmi_system_state_notify(NULL, false), -EINVAL);

	/* Notifier payloads: 12 bytes before 2.0, 16 from 2.0. */
	scmi_put_le32(ev, 2);
	scmi_put_le32(ev + 4, SCMI_SYSTEM_FLAG_GRACEFUL);
	scmi_put_le32(ev + 8, 1);
	scmi_put_le32(ev + 12, 500);
	assert_int_equal(scmi_system_parse_notifier(V(1, 1), ev, 12, &nt), 0);
	assert_int_equal(nt.agent_id, 2);
	assert_true(nt.graceful);
	assert_int_equal(nt.state, 1);
	assert_false(nt.has_timeout);
	assert_int_equal(nt.timeout, 0);
	assert_int_equal(scmi_system_parse_notifier(V(1, 1), ev, 16, &nt), -EPROTO);
	assert_int_equal(scmi_system_parse_notifier(V(2, 0), ev, 12, &nt), -EPROTO);
	assert_int_equal(scmi_system_parse_notifier(V(2, 0), ev, 16, &nt), 0);
	assert_true(nt.has_timeout);
	assert_int_equal(nt.timeout, 500);
	scmi_put_le32(ev + 4, 0);
	assert_int_equal(scmi_system_parse_notifier(V(2, 0), ev, 16, &nt), 0);
	assert_false(nt.graceful);
	assert_int_equal(scmi_system_parse_notifier(V(2, 0), NULL, 16, &nt), -EINVAL);
	assert_int_equal(scmi_system_parse_notifier(V(2, 0), ev, 16, NULL), -EINVAL);

	assert_string_equal(scmi_system_state_name(0), "shutdown");
	assert_string_equal(scmi_system_state_name(4), "suspend");
	assert_string_equal(scmi_system_state_name(5), "unknown");
	assert_int_equal(scmi_system_state_parse("shutdown", &st), 0);
	assert_int_equal(st, 0);
	assert_int_equal(scmi_system_state_parse("suspend", &st), 0);
	assert_int_equal(st, 4);
	assert_int_equal(scmi_system_state_parse("reboot", &st), -EINVAL);
	assert_int_equal(scmi_system_state_parse(NULL, &st), -EINVAL);
	assert_int_equal(scmi_system_state_parse("suspend", NULL), -EINVAL);
}

#define PC SCMI_PROTOCOL_POWERCAP

/* DOMAIN_ATTRIBUTES: attributes, name, min/max/step PAI, min/max/step cap, sust, acc, parent. */
static void zone_reply(uint32_t attr, const uint32_t w[9], size_t cut)
{
	uint8_t v[56] = {0};
	size_t i;

	scmi_put_le32(v, attr);
	memcpy(v + 4, "zone", sizeof("zone"));
	for (i = 0; i < 9; i++)
		scmi_put_le32(v + 20 + 4 * i, w[i]);
	ss_set(PC, SCMI_MSG_POWERCAP_DOMAIN_ATTRIBUTES, 0, v, sizeof(v) - cut);
}

static void test_powercap_zone(void **state)
{
	struct scmi_powercap pc;
	struct scmi_powercap_zone_info z;
	uint32_t w[9] = {100, 1000, 10, 50, 500, 5, 300, 99, SCMI_POWERCAP_ROOT};
	const uint32_t cfg = SCMI_POWERCAP_ATTR_CAP_CONFIG;

	(void)state;
	assert_int_equal(scmi_powercap_init(NULL, ss_agent), -EINVAL);
	assert_int_equal(scmi_powercap_init(&pc, NULL), -EINVAL);
	memset(&pc, 0xa5, sizeof(pc));
	assert_int_equal(scmi_powercap_init(&pc, ss_agent), -EOPNOTSUPP);
	assert_int_equal(pc.version, 0);
	assert_int_equal(pc.num_zones, 0);
	ss_version(PC, V(2, 0), 0x30003);
	assert_int_equal(scmi_powercap_init(&pc, ss_agent), 0);
	assert_int_equal(pc.num_zones, 3);
	zone_reply(cfg | SCMI_POWERCAP_ATTR_CAP_NOTIFY | SCMI_POWERCAP_ATTR_MEAS_NOTIFY |
		       SCMI_POWERCAP_ATTR_ASYNC | SCMI_POWERCAP_ATTR_MONITORING |
		       SCMI_POWERCAP_ATTR_PAI_CONFIG | SCMI_POWERCAP_ATTR_FASTCHANNEL |
		       (2u << SCMI_POWERCAP_ATTR_UNIT_SHIFT),
		   w, 0);
	assert_int_equal(scmi_powercap_zone_info(&pc, 1, &z), 0);
	assert_true(z.cap_notify && z.meas_notify && z.async && z.cap_config && z.monitoring &&
		    z.pai_config && z.fastchannel);
	assert_false(z.ext_name);
	assert_int_equal(z.unit, 2);
	assert_string_equal(z.name, "zone");
	assert_int_equal(z.min_pai_us, 100);
	assert_int_equal(z.max_pai_us, 1000);
	assert_int_equal(z.pai_step_us, 10);
	assert_int_equal(z.min_cap, 50);
	assert_int_equal(z.max_cap, 500);
	assert_int_equal(z.cap_step, 5);
	assert_int_equal(z.sustainable, 300);
	assert_int_equal(z.accuracy, 99);
	assert_int_equal(z.parent_id, SCMI_POWERCAP_ROOT);
	assert_int_equal(ss_tx_u32(PC, SCMI_MSG_POWERCAP_DOMAIN_ATTRIBUTES, 0), 1);
	zone_reply(cfg, w, 1);
	assert_int_equal(scmi_powercap_zone_info(&pc, 1, &z), -EPROTO);
	assert_int_equal(scmi_powercap_zone_info(&pc, 1, NULL), -EINVAL);
	assert_int_equal(scmi_powercap_zone_info(NULL, 1, &z), -EINVAL);
	/* The extended name, kept short on failure. */
	zone_reply(cfg | SCMI_POWERCAP_ATTR_EXT_NAME, w, 0);
	ext_name(PC, SCMI_MSG_POWERCAP_DOMAIN_NAME_GET, "the-whole-soc-zone");
	assert_int_equal(scmi_powercap_zone_info(&pc, 1, &z), 0);
	assert_true(z.ext_name);
	assert_string_equal(z.name, "the-whole-soc-zone");
	assert_int_equal(ss_tx_u32(PC, SCMI_MSG_POWERCAP_DOMAIN_NAME_GET, 0), 1);
	ss_set(PC, SCMI_MSG_POWERCAP_DOMAIN_NAME_GET, SCMI_DENIED, NULL, 0);
	assert_int_equal(scmi_powercap_zone_info(&pc, 1, &z), 0);
	assert_string_equal(z.name, "zone");
	assert_int_equal(scmi_powercap_zone_name(NULL, 1, z.name), -EINVAL);

	/* Sanity, one rule at a time, each at its edge. */
	{
		static const struct {
			int field;
			uint32_t value;
			uint32_t attr;
			int ok;
		} cases[] = {
		    {0, 0, cfg, 0},    /* min PAI 0 */
		    {1, 0, cfg, 0},    /* max PAI 0 */
		    {0, 1001, cfg, 0}, /* min PAI > max */
		    {0, 1000, cfg, 1}, /* min PAI == max: no step needed */
		    {2, 0, cfg, 0},    /* PAI range, no step */
		    {3, 0, cfg, 0},    /* min cap 0 */
		    {4, 0, cfg, 0},    /* max cap 0 */
		    {3, 501, cfg, 0},  /* min cap > max */
		    {5, 0, cfg, 0},    /* cap range, no step */
		    {3, 500, cfg, 0},  /* fixed cap but configurable */
		    {3, 500, 0, 1},    /* fixed cap, not configurable */
		    {8, 0, cfg, 1},    /* parent 0 */
		    {8, 2, cfg, 1},    /* parent: the last zone */
		    {8, 3, cfg, 0},    /* parent: no such zone */
		    {8, 1, cfg, 0},    /* its own parent */
		    {6, 0, cfg, 1},    /* no sustainable power: fine */
		};
		size_t i;

		for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
			uint32_t c[9];

			memcpy(c, w, sizeof(c));
			c[cases[i].field] = cases[i].value;
			if (cases[i].field == 0 && cases[i].value == 1000)
				c[2] = 0;
			if (cases[i].field == 3 && cases[i].value == 500 && !cases[i].attr)
				c[5] = 0;
			zone_reply(cases[i].attr, c, 0);
			assert_int_equal(scmi_powercap_zone_info(&pc, 1, &z),
					 cases[i].ok ? 0 : -EPROTO);
		}
		/* Configurable with a range: fine; a range but not configurable: not. */
		zone_reply(0, w, 0);
		assert_int_equal(scmi_powercap_zone_info(&pc, 1, &z), -EPROTO);
	}
}

static void test_powercap_wire(void **state)
{
	struct scmi_powercap pc;
	uint32_t v = 0, pw = 0, pai = 0;
	uint8_t fc[8];
	size_t len = 9;

	(void)state;
	ss_version(PC, V(1, 0), 3);
	assert_int_equal(scmi_powercap_init(&pc, ss_agent), 0);
	ss_set(PC, SCMI_MSG_POWERCAP_CAP_SET, 0, NULL, 0);
	/* 1.0 cannot disable a cap. */
	assert_int_equal(scmi_powercap_cap_set(&pc, 1, SCMI_POWERCAP_CAP_DISABLED), -EOPNOTSUPP);
	assert_int_equal(scmi_powercap_cap_enable(&pc, 1, true, 100), -EOPNOTSUPP);
	assert_int_equal(scmi_powercap_cap_set(&pc, 1, 100), 0);
	assert_int_equal(ss_last(PC, SCMI_MSG_POWERCAP_CAP_SET)->tx_len, 12);
	assert_int_equal(ss_tx_u32(PC, SCMI_MSG_POWERCAP_CAP_SET, 0), 1);
	assert_int_equal(ss_tx_u32(PC, SCMI_MSG_POWERCAP_CAP_SET, 1), 0);
	assert_int_equal(ss_tx_u32(PC, SCMI_MSG_POWERCAP_CAP_SET, 2), 100);
	pc.version = V(2, 0);
	assert_int_equal(scmi_powercap_cap_set(&pc, 1, SCMI_POWERCAP_CAP_DISABLED), 0);
	assert_int_equal(ss_tx_u32(PC, SCMI_MSG_POWERCAP_CAP_SET, 2), 0);
	assert_int_equal(scmi_powercap_cap_enable(&pc, 1, true, 0), -EINVAL);
	assert_int_equal(scmi_powercap_cap_enable(&pc, 1, true, 70), 0);
	assert_int_equal(ss_tx_u32(PC, SCMI_MSG_POWERCAP_CAP_SET, 2), 70);
	assert_int_equal(scmi_powercap_cap_enable(&pc, 1, false, 70), 0);
	assert_int_equal(ss_tx_u32(PC, SCMI_MSG_POWERCAP_CAP_SET, 2), 0);
	assert_int_equal(scmi_powercap_cap_enable(NULL, 1, false, 70), -EINVAL);
	assert_int_equal(scmi_powercap_cap_set(NULL, 1, 70), -EINVAL);

	ss_u32(PC, SCMI_MSG_POWERCAP_CAP_GET, (uint32_t[]){321}, 1);
	assert_int_equal(scmi_powercap_cap_get(&pc, 2, &v), 0);
	assert_int_equal(v, 321);
	assert_int_equal(ss_tx_u32(PC, SCMI_MSG_POWERCAP_CAP_GET, 0), 2);
	assert_int_equal(scmi_powercap_cap_get(&pc, 2, NULL), -EINVAL);
	ss_set(PC, SCMI_MSG_POWERCAP_CAP_GET, 0, "\1\2\3", 3);
	assert_int_equal(scmi_powercap_cap_get(&pc, 2, &v), -EPROTO);
	ss_u32(PC, SCMI_MSG_POWERCAP_PAI_GET, (uint32_t[]){654}, 1);
	assert_int_equal(scmi_powercap_pai_get(&pc, 2, &v), 0);
	assert_int_equal(v, 654);
	ss_set(PC, SCMI_MSG_POWERCAP_PAI_SET, 0, NULL, 0);
	assert_int_equal(scmi_powercap_pai_set(&pc, 2, 900), 0);
	assert_int_equal(ss_last(PC, SCMI_MSG_POWERCAP_PAI_SET)->tx_len, 12);
	assert_int_equal(ss_tx_u32(PC, SCMI_MSG_POWERCAP_PAI_SET, 0), 2);
	assert_int_equal(ss_tx_u32(PC, SCMI_MSG_POWERCAP_PAI_SET, 1), 0);
	assert_int_equal(ss_tx_u32(PC, SCMI_MSG_POWERCAP_PAI_SET, 2), 900);
	ss_u32(PC, SCMI_MSG_POWERCAP_MEASUREMENTS_GET, (uint32_t[]){42, 1000}, 2);
	assert_int_equal(scmi_powercap_measure(&pc, 2, &pw, &pai), 0);
	assert_int_equal(pw, 42);
	assert_int_equal(pai, 1000);
	assert_int_equal(ss_tx_u32(PC, SCMI_MSG_POWERCAP_MEASUREMENTS_GET, 0), 2);
	assert_int_equal(scmi_powercap_measure(&pc, 2, NULL, NULL), 0);
	ss_u32(PC, SCMI_MSG_POWERCAP_MEASUREMENTS_GET, (uint32_t[]){42, 1000}, 1);
	assert_int_equal(scmi_powercap_measure(&pc, 2, &pw, &pai), -EPROTO);
	ss_set(PC, SCMI_MSG_POWERCAP_CAP_NOTIFY, 0, NULL, 0);
	assert_int_equal(scmi_powercap_cap_notify(&pc, 2, true), 0);
	assert_int_equal(ss_tx_u32(PC, SCMI_MSG_POWERCAP_CAP_NOTIFY, 0), 2);
	assert_int_equal(ss_tx_u32(PC, SCMI_MSG_POWERCAP_CAP_NOTIFY, 1), SCMI_NOTIFY_ENABLE);
	assert_int_equal(scmi_powercap_cap_notify(&pc, 2, false), 0);
	assert_int_equal(ss_tx_u32(PC, SCMI_MSG_POWERCAP_CAP_NOTIFY, 1), 0);
	ss_set(PC, SCMI_MSG_POWERCAP_MEASUREMENTS_NOTIFY, 0, NULL, 0);
	assert_int_equal(scmi_powercap_measurements_notify(&pc, 2, true, 10, 20), 0);
	assert_int_equal(ss_last(PC, SCMI_MSG_POWERCAP_MEASUREMENTS_NOTIFY)->tx_len, 16);
	assert_int_equal(ss_tx_u32(PC, SCMI_MSG_POWERCAP_MEASUREMENTS_NOTIFY, 0), 2);
	assert_int_equal(ss_tx_u32(PC, SCMI_MSG_POWERCAP_MEASUREMENTS_NOTIFY, 1),
			 SCMI_NOTIFY_ENABLE);
	assert_int_equal(ss_tx_u32(PC, SCMI_MSG_POWERCAP_MEASUREMENTS_NOTIFY, 2), 10);
	assert_int_equal(ss_tx_u32(PC, SCMI_MSG_POWERCAP_MEASUREMENTS_NOTIFY, 3), 20);
	assert_int_equal(scmi_powercap_measurements_notify(&pc, 2, false, 10, 20), 0);
	assert_int_equal(ss_tx_u32(PC, SCMI_MSG_POWERCAP_MEASUREMENTS_NOTIFY, 1), 0);

	ss_set(PC, SCMI_MSG_POWERCAP_DESCRIBE_FASTCHANNEL, 0, "abcdef", 6);
	assert_int_equal(scmi_powercap_describe_fastchannel(&pc, 2, 5, fc, sizeof(fc), &len), 0);
	assert_int_equal(len, 6);
	assert_memory_equal(fc, "abcdef", 6);
	assert_int_equal(ss_tx_u32(PC, SCMI_MSG_POWERCAP_DESCRIBE_FASTCHANNEL, 0), 2);
	assert_int_equal(ss_tx_u32(PC, SCMI_MSG_POWERCAP_DESCRIBE_FASTCHANNEL, 1), 5);
	assert_int_equal(scmi_powercap_describe_fastchannel(&pc, 2, 5, fc, 4, NULL), 0);
	ss_set(PC, SCMI_MSG_POWERCAP_DESCRIBE_FASTCHANNEL, SCMI_NOT_SUPPORTED, NULL, 0);
	len = 9;
	assert_int_equal(scmi_powercap_describe_fastchannel(&pc, 2, 5, fc, sizeof(fc), &len),
			 -EOPNOTSUPP);
	assert_int_equal(len, 0);
	assert_int_equal(scmi_powercap_describe_fastchannel(&pc, 2, 5, NULL, 4, &len), -EINVAL);
	assert_int_equal(scmi_powercap_describe_fastchannel(NULL, 2, 5, fc, 4, &len), -EINVAL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(test_power, ss_setup, ss_teardown),
	    cmocka_unit_test(test_power_names),
	    cmocka_unit_test_setup_teardown(test_reset, ss_setup, ss_teardown),
	    cmocka_unit_test_setup_teardown(test_voltage, ss_setup, ss_teardown),
	    cmocka_unit_test_setup_teardown(test_voltage_bound, ss_setup, ss_teardown),
	    cmocka_unit_test_setup_teardown(test_system, ss_setup, ss_teardown),
	    cmocka_unit_test_setup_teardown(test_powercap_zone, ss_setup, ss_teardown),
	    cmocka_unit_test_setup_teardown(test_powercap_wire, ss_setup, ss_teardown),
	};

	return cmocka_run_group_tests_name("agent/domains", tests, NULL, NULL);
}
