// SPDX-License-Identifier: BSD-3-Clause
/*
 * Pin control protocol (0x19) through libscmi against the default platform, in
 * every transport mode: counts and names, paged associations and settings (with
 * the raw `remaining` of a first page), settings round trips, mux rules, and
 * pin ownership between two agents.
 */
#include <errno.h>
#include <string.h>

#include "fixture.h"
#include "platform/sim/sim_platform_priv.h"
#include "platform/sim/sim_pinctrl.h"
#include "scmi/pinctrl.h"
#include "scmi/proto/endian.h"
#include "scmi/proto/header.h"
#include "scmi/server/pinctrl.h"
#include "secure/secure_world.h"

#define NUM_PINS       64u
#define NUM_GROUPS     71u /* 7 peripheral groups and one per pin */
#define NUM_FUNCTIONS  6u

#define GRP_UART0      0u
#define GRP_I2C0       3u
#define GRP_MMC0       5u
#define GRP_UART0_ALT  6u
#define GRP_PIN(n)     (7u + (n))

#define FN_UART0       0u
#define FN_I2C0	       2u
#define FN_MMC0	       4u
#define FN_GPIO	       5u

#define PIN_PA0	       0u
#define PIN_PC0	       32u

#define NUM_CONF_TYPES 13u

static void init(struct proto_fixture *f, struct scmi_pinctrl *pc)
{
	assert_int_equal(scmi_pinctrl_init(pc, f->agent), 0);
}

/* A raw request (room capped to the largest reply); returns scmi_xfer()'s result. */
static int raw(struct scmi_agent *agent, uint8_t msg, const uint32_t *words, size_t n, uint8_t *rx,
	       size_t rx_max, size_t *rx_len)
{
	return proto_raw_capped(agent, SCMI_PROTOCOL_PINCTRL, msg, words, n, rx, rx_max, rx_len,
				NULL);
}

static uint32_t conf_of(struct proto_fixture *f, struct scmi_pinctrl *pc, uint32_t type,
			uint32_t id, uint32_t conf)
{
	uint32_t v = 0xdeadbeef;

	(void)f;
	assert_int_equal(scmi_pinctrl_settings_get_one(pc, type, id, conf, NULL, &v), 0);
	return v;
}

static uint32_t function_of(struct scmi_pinctrl *pc, enum scmi_pinctrl_type type, uint32_t id)
{
	uint32_t fn = 0x12345678;

	assert_int_equal(scmi_pinctrl_function_get(pc, type, id, &fn), 0);
	return fn;
}

static void test_version_and_counts(void **state)
{
	struct proto_fixture *f = *state;
	struct scmi_pinctrl pc;

	init(f, &pc);
	assert_int_equal(pc.version, 0x10000);
	assert_int_equal(pc.num_pins, NUM_PINS);
	assert_int_equal(pc.num_groups, NUM_GROUPS);
	assert_int_equal(pc.num_functions, NUM_FUNCTIONS);
}

static void test_attributes_and_names(void **state)
{
	struct proto_fixture *f = *state;
	struct scmi_pinctrl pc;
	struct scmi_pinctrl_info in;
	char name[SCMI_EXT_NAME_SIZE + 1];

	init(f, &pc);
	assert_int_equal(scmi_pinctrl_info(&pc, SCMI_PINCTRL_PIN, PIN_PC0, &in), 0);
	assert_string_equal(in.name, "PC0");
	assert_int_equal(in.num_elems, 0);
	assert_false(in.ext_name);
	assert_int_equal(scmi_pinctrl_info(&pc, SCMI_PINCTRL_GROUP, GRP_MMC0, &in), 0);
	assert_true(in.ext_name);
	assert_string_equal(in.name, "mmc0_clk_cmd_data8");
	assert_int_equal(in.num_elems, 10);
	assert_int_equal(scmi_pinctrl_info(&pc, SCMI_PINCTRL_GROUP, GRP_PIN(17), &in), 0);
	assert_string_equal(in.name, "PB1");
	assert_int_equal(in.num_elems, 1);
	assert_int_equal(scmi_pinctrl_info(&pc, SCMI_PINCTRL_FUNCTION, FN_GPIO, &in), 0);
	assert_string_equal(in.name, "gpio");
	assert_int_equal(in.num_elems, NUM_PINS);
	assert_int_equal(scmi_pinctrl_info(&pc, SCMI_PINCTRL_FUNCTION, FN_UART0, &in), 0);
	assert_int_equal(in.num_elems, 2);

	assert_int_equal(scmi_pinctrl_name(&pc, SCMI_PINCTRL_GROUP, GRP_MMC0, name), 0);
	assert_string_equal(name, "mmc0_clk_cmd_data8");
	assert_int_equal(scmi_pinctrl_name(&pc, SCMI_PINCTRL_FUNCTION, FN_I2C0, name), 0);
	assert_string_equal(name, "i2c0");
	assert_int_equal(scmi_pinctrl_name(&pc, SCMI_PINCTRL_PIN, 63, name), 0);
	assert_string_equal(name, "PD15");
}

static void test_unknown_ids_and_selectors(void **state)
{
	struct proto_fixture *f = *state;
	struct scmi_pinctrl pc;
	struct scmi_pinctrl_info in;
	char name[SCMI_EXT_NAME_SIZE + 1];
	uint16_t ids[4];
	uint32_t n, rem, v;
	uint8_t rx[128];
	size_t len;

	init(f, &pc);
	assert_int_equal(scmi_pinctrl_info(&pc, SCMI_PINCTRL_PIN, NUM_PINS, &in), -ENOENT);
	assert_int_equal(scmi_pinctrl_info(&pc, SCMI_PINCTRL_GROUP, NUM_GROUPS, &in), -ENOENT);
	assert_int_equal(scmi_pinctrl_info(&pc, SCMI_PINCTRL_FUNCTION, NUM_FUNCTIONS, &in),
			 -ENOENT);
	assert_int_equal(scmi_pinctrl_name(&pc, SCMI_PINCTRL_PIN, 0xffffffffu, name), -ENOENT);
	assert_int_equal(
	    scmi_pinctrl_list_page(&pc, SCMI_PINCTRL_GROUP, NUM_GROUPS, 0, ids, 4, &n, &rem),
	    -ENOENT);
	assert_int_equal(
	    scmi_pinctrl_settings_get_one(&pc, SCMI_PINCTRL_PIN, NUM_PINS, 10, NULL, &v), -ENOENT);
	assert_int_equal(scmi_pinctrl_request(&pc, SCMI_PINCTRL_GROUP, NUM_GROUPS), -ENOENT);
	assert_int_equal(scmi_pinctrl_release(&pc, SCMI_PINCTRL_PIN, NUM_PINS), -ENOENT);
	assert_int_equal(scmi_pinctrl_settings_configure(&pc, SCMI_PINCTRL_PIN, NUM_PINS,
							 SCMI_PINCTRL_NO_FUNCTION, NULL, 0),
			 -ENOENT);
	/* Selector 3 does not exist; reserved flag bits are refused. */
	assert_int_equal(raw(f->agent, SCMI_MSG_PINCTRL_ATTRIBUTES, (const uint32_t[]){0, 3}, 2, rx,
			     sizeof(rx), &len),
			 -EINVAL);
	assert_int_equal(raw(f->agent, SCMI_MSG_PINCTRL_ATTRIBUTES, (const uint32_t[]){0, 0x100}, 2,
			     rx, sizeof(rx), &len),
			 -EINVAL);
	/* Pins have no associations; functions have no settings. */
	assert_int_equal(raw(f->agent, SCMI_MSG_PINCTRL_LIST_ASSOCIATIONS,
			     (const uint32_t[]){0, 0, 0}, 3, rx, sizeof(rx), &len),
			 -EINVAL);
	assert_int_equal(raw(f->agent, SCMI_MSG_PINCTRL_SETTINGS_GET,
			     (const uint32_t[]){0, (2u << 16) | (1u << 18)}, 2, rx, sizeof(rx),
			     &len),
			 -EINVAL);
}

static void test_group_pins(void **state)
{
	struct proto_fixture *f = *state;
	struct scmi_pinctrl pc;
	uint16_t ids[16];
	uint32_t n, i;

	init(f, &pc);
	assert_int_equal(
	    scmi_pinctrl_list_associations(&pc, SCMI_PINCTRL_GROUP, GRP_MMC0, ids, 16, &n), 0);
	assert_int_equal(n, 10);
	for (i = 0; i < n; i++)
		assert_int_equal(ids[i], PIN_PC0 + i);
	assert_int_equal(
	    scmi_pinctrl_list_associations(&pc, SCMI_PINCTRL_FUNCTION, FN_UART0, ids, 16, &n), 0);
	assert_int_equal(n, 2);
	assert_int_equal(ids[0], GRP_UART0);
	assert_int_equal(ids[1], GRP_UART0_ALT);
	/* Too small a buffer: the walk says how many there are. */
	assert_int_equal(
	    scmi_pinctrl_list_associations(&pc, SCMI_PINCTRL_GROUP, GRP_MMC0, ids, 4, &n), -ENOSPC);
	assert_int_equal(n, 10);
}

static void test_function_groups_span_pages(void **state)
{
	struct proto_fixture *f = *state;
	struct scmi_pinctrl pc;
	uint16_t ids[NUM_PINS];
	uint8_t rx[256];
	uint32_t n, i, flags, returned, remaining;
	size_t len;

	init(f, &pc);
	/* The raw first page: it cannot hold all 64 groups, and says how many remain. */
	assert_int_equal(raw(f->agent, SCMI_MSG_PINCTRL_LIST_ASSOCIATIONS,
			     (const uint32_t[]){FN_GPIO, 2, 0}, 3, rx, sizeof(rx), &len),
			 0);
	flags = scmi_get_le32(rx);
	returned = flags & 0xfffu;
	remaining = flags >> 16;
	assert_true(returned > 0 && returned < NUM_PINS);
	assert_int_equal(returned + remaining, NUM_PINS);
	assert_true(len >= 4 + 2 * returned && len <= 4 + 2 * returned + 2);
	assert_int_equal(scmi_get_le16(rx + 4), GRP_PIN(0));
	/* The last page, and the empty page after it. */
	assert_int_equal(raw(f->agent, SCMI_MSG_PINCTRL_LIST_ASSOCIATIONS,
			     (const uint32_t[]){FN_GPIO, 2, returned}, 3, rx, sizeof(rx), &len),
			 0);
	assert_int_equal(scmi_get_le32(rx), remaining);
	assert_int_equal(raw(f->agent, SCMI_MSG_PINCTRL_LIST_ASSOCIATIONS,
			     (const uint32_t[]){FN_GPIO, 2, NUM_PINS}, 3, rx, sizeof(rx), &len),
			 0);
	assert_int_equal(scmi_get_le32(rx), 0);
	assert_int_equal(raw(f->agent, SCMI_MSG_PINCTRL_LIST_ASSOCIATIONS,
			     (const uint32_t[]){FN_GPIO, 2, NUM_PINS + 1}, 3, rx, sizeof(rx), &len),
			 -EINVAL);

	assert_int_equal(
	    scmi_pinctrl_list_associations(&pc, SCMI_PINCTRL_FUNCTION, FN_GPIO, ids, NUM_PINS, &n),
	    0);
	assert_int_equal(n, NUM_PINS);
	for (i = 0; i < n; i++)
		assert_int_equal(ids[i], GRP_PIN(i));
}

static void test_settings_defaults_span_pages(void **state)
{
	struct proto_fixture *f = *state;
	struct scmi_pinctrl pc;
	struct scmi_pinctrl_config c[SCMI_PINCTRL_MAX_CONFIGS];
	uint32_t fn, n, rem, i;

	init(f, &pc);
	/* 13 configs of 8 bytes do not fit one reply. */
	assert_int_equal(scmi_pinctrl_settings_get_page(&pc, SCMI_PINCTRL_PIN, PIN_PA0, 0, &fn, c,
							SCMI_PINCTRL_MAX_CONFIGS, &n, &rem),
			 0);
	assert_true(n > 0 && n < NUM_CONF_TYPES);
	assert_int_equal(n + rem, NUM_CONF_TYPES);
	assert_int_equal(fn, SCMI_PINCTRL_NO_FUNCTION);

	assert_int_equal(scmi_pinctrl_settings_get_all(&pc, SCMI_PINCTRL_PIN, PIN_PA0, &fn, c,
						       SCMI_PINCTRL_MAX_CONFIGS, &n),
			 0);
	assert_int_equal(n, NUM_CONF_TYPES);
	for (i = 0; i < n; i++) {
		switch (c[i].type) {
		case SCMI_PINCTRL_CONF_BIAS_PULL_DOWN:
		case SCMI_PINCTRL_CONF_DRIVE_PUSH_PULL:
		case SCMI_PINCTRL_CONF_INPUT_MODE:
			assert_int_equal(c[i].value, 1);
			break;
		case SCMI_PINCTRL_CONF_DRIVE_STRENGTH:
			assert_int_equal(c[i].value, 4);
			break;
		default:
			assert_int_equal(c[i].value, 0);
		}
	}
	/* Past the end of the list; a type the pads lack; a reserved type. */
	assert_int_equal(scmi_pinctrl_settings_get_page(&pc, SCMI_PINCTRL_PIN, PIN_PA0, 14, &fn, c,
							SCMI_PINCTRL_MAX_CONFIGS, &n, &rem),
			 -EINVAL);
	assert_int_equal(scmi_pinctrl_settings_get_one(&pc, SCMI_PINCTRL_PIN, PIN_PA0,
						       SCMI_PINCTRL_CONF_BIAS_HIGH_IMPEDANCE, NULL,
						       &i),
			 -EOPNOTSUPP);
	assert_int_equal(
	    scmi_pinctrl_settings_get_one(&pc, SCMI_PINCTRL_PIN, PIN_PA0, 100, NULL, &i), -EINVAL);
}

static void test_configure_round_trip(void **state)
{
	struct proto_fixture *f = *state;
	struct scmi_pinctrl pc;
	const struct scmi_pinctrl_config set[] = {
	    {SCMI_PINCTRL_CONF_BIAS_PULL_UP, 1},
	    {SCMI_PINCTRL_CONF_DRIVE_STRENGTH, 8},
	    {SCMI_PINCTRL_CONF_SLEW_RATE, 2},
	};
	uint32_t fn, v;

	init(f, &pc);
	assert_int_equal(
	    scmi_pinctrl_settings_configure(&pc, SCMI_PINCTRL_PIN, PIN_PA0, FN_UART0, set, 3), 0);
	assert_int_equal(scmi_pinctrl_settings_get_one(&pc, SCMI_PINCTRL_PIN, PIN_PA0,
						       SCMI_PINCTRL_CONF_DRIVE_STRENGTH, &fn, &v),
			 0);
	assert_int_equal(fn, FN_UART0);
	assert_int_equal(v, 8);
	assert_int_equal(conf_of(f, &pc, SCMI_PINCTRL_PIN, PIN_PA0, SCMI_PINCTRL_CONF_SLEW_RATE),
			 2);
	/* Bias is one field: pull-up replaced the default pull-down. */
	assert_int_equal(conf_of(f, &pc, SCMI_PINCTRL_PIN, PIN_PA0, SCMI_PINCTRL_CONF_BIAS_PULL_UP),
			 1);
	assert_int_equal(
	    conf_of(f, &pc, SCMI_PINCTRL_PIN, PIN_PA0, SCMI_PINCTRL_CONF_BIAS_PULL_DOWN), 0);
	assert_int_equal(conf_of(f, &pc, SCMI_PINCTRL_PIN, PIN_PA0, SCMI_PINCTRL_CONF_BIAS_DISABLE),
			 0);
	/* The neighbour pin is untouched. */
	assert_int_equal(conf_of(f, &pc, SCMI_PINCTRL_PIN, 1, SCMI_PINCTRL_CONF_DRIVE_STRENGTH), 4);
	assert_int_equal(function_of(&pc, SCMI_PINCTRL_PIN, 1), SCMI_PINCTRL_NO_FUNCTION);
}

static void test_configure_group_and_mux(void **state)
{
	struct proto_fixture *f = *state;
	struct scmi_pinctrl pc;
	const struct scmi_pinctrl_config strong = {SCMI_PINCTRL_CONF_DRIVE_STRENGTH, 12};
	uint32_t i;

	init(f, &pc);
	assert_int_equal(
	    scmi_pinctrl_settings_configure(&pc, SCMI_PINCTRL_GROUP, GRP_MMC0, FN_MMC0, &strong, 1),
	    0);
	assert_int_equal(function_of(&pc, SCMI_PINCTRL_GROUP, GRP_MMC0), FN_MMC0);
	for (i = 0; i < 10; i++) {
		assert_int_equal(function_of(&pc, SCMI_PINCTRL_PIN, PIN_PC0 + i), FN_MMC0);
		assert_int_equal(conf_of(f, &pc, SCMI_PINCTRL_PIN, PIN_PC0 + i,
					 SCMI_PINCTRL_CONF_DRIVE_STRENGTH),
				 12);
	}
	/* One pin at a time serves one function: PC3 becomes a GPIO, the group no longer mmc0. */
	assert_int_equal(
	    scmi_pinctrl_settings_configure(&pc, SCMI_PINCTRL_PIN, PIN_PC0 + 3, FN_GPIO, NULL, 0),
	    0);
	assert_int_equal(function_of(&pc, SCMI_PINCTRL_PIN, PIN_PC0 + 3), FN_GPIO);
	assert_int_equal(function_of(&pc, SCMI_PINCTRL_GROUP, GRP_MMC0), SCMI_PINCTRL_NO_FUNCTION);
	assert_int_equal(function_of(&pc, SCMI_PINCTRL_GROUP, GRP_PIN(PIN_PC0 + 3)), FN_GPIO);
	/* A function that has no group with the pin, or that does not exist. */
	assert_int_equal(
	    scmi_pinctrl_settings_configure(&pc, SCMI_PINCTRL_PIN, PIN_PA0, FN_I2C0, NULL, 0),
	    -EINVAL);
	assert_int_equal(
	    scmi_pinctrl_settings_configure(&pc, SCMI_PINCTRL_GROUP, GRP_UART0, FN_MMC0, NULL, 0),
	    -EINVAL);
	assert_int_equal(
	    scmi_pinctrl_settings_configure(&pc, SCMI_PINCTRL_PIN, PIN_PA0, 99, NULL, 0), -ENOENT);
	assert_int_equal(function_of(&pc, SCMI_PINCTRL_PIN, PIN_PA0), SCMI_PINCTRL_NO_FUNCTION);
}

static void test_configure_all_or_nothing(void **state)
{
	struct proto_fixture *f = *state;
	struct scmi_pinctrl pc;
	const struct scmi_pinctrl_config bad_strength[] = {
	    {SCMI_PINCTRL_CONF_BIAS_PULL_UP, 1},
	    {SCMI_PINCTRL_CONF_DRIVE_STRENGTH, 5},
	};
	const struct scmi_pinctrl_config bad_bool = {SCMI_PINCTRL_CONF_OUTPUT_VALUE, 2};
	const struct scmi_pinctrl_config unsupported = {SCMI_PINCTRL_CONF_POWER_SOURCE, 1};
	const struct scmi_pinctrl_config reserved = {100, 1};

	init(f, &pc);
	assert_int_equal(scmi_pinctrl_settings_configure(&pc, SCMI_PINCTRL_PIN, PIN_PA0, FN_UART0,
							 bad_strength, 2),
			 -ERANGE);
	/* Nothing of the refused request was applied. */
	assert_int_equal(conf_of(f, &pc, SCMI_PINCTRL_PIN, PIN_PA0, SCMI_PINCTRL_CONF_BIAS_PULL_UP),
			 0);
	assert_int_equal(function_of(&pc, SCMI_PINCTRL_PIN, PIN_PA0), SCMI_PINCTRL_NO_FUNCTION);
	assert_int_equal(scmi_pinctrl_settings_configure(&pc, SCMI_PINCTRL_PIN, PIN_PA0,
							 SCMI_PINCTRL_NO_FUNCTION, &bad_bool, 1),
			 -ERANGE);
	assert_int_equal(scmi_pinctrl_settings_configure(&pc, SCMI_PINCTRL_PIN, PIN_PA0,
							 SCMI_PINCTRL_NO_FUNCTION, &unsupported, 1),
			 -EOPNOTSUPP);
	assert_int_equal(scmi_pinctrl_settings_configure(&pc, SCMI_PINCTRL_PIN, PIN_PA0,
							 SCMI_PINCTRL_NO_FUNCTION, &reserved, 1),
			 -EINVAL);
}

static void test_configure_sizes(void **state)
{
	struct proto_fixture *f = *state;
	struct scmi_pinctrl pc;
	struct scmi_pinctrl_config many[NUM_CONF_TYPES + 3];
	uint8_t rx[16];
	size_t len, i;

	init(f, &pc);
	/* Count says two configs, one is there; then one too many; then a truncated header. */
	assert_int_equal(raw(f->agent, SCMI_MSG_PINCTRL_SETTINGS_CONFIGURE,
			     (const uint32_t[]){PIN_PA0, 0xffffffffu, 2u << 2, 10, 8}, 5, rx,
			     sizeof(rx), &len),
			 -EPROTO);
	assert_int_equal(raw(f->agent, SCMI_MSG_PINCTRL_SETTINGS_CONFIGURE,
			     (const uint32_t[]){PIN_PA0, 0xffffffffu, 0, 10, 8}, 5, rx, sizeof(rx),
			     &len),
			 -EPROTO);
	assert_int_equal(raw(f->agent, SCMI_MSG_PINCTRL_SETTINGS_CONFIGURE,
			     (const uint32_t[]){PIN_PA0, 0}, 2, rx, sizeof(rx), &len),
			 -EPROTO);
	/* Reserved attribute bits, the function selector. */
	assert_int_equal(raw(f->agent, SCMI_MSG_PINCTRL_SETTINGS_CONFIGURE,
			     (const uint32_t[]){PIN_PA0, 0xffffffffu, 1u << 11}, 3, rx, sizeof(rx),
			     &len),
			 -EINVAL);
	assert_int_equal(raw(f->agent, SCMI_MSG_PINCTRL_SETTINGS_CONFIGURE,
			     (const uint32_t[]){0, 0xffffffffu, 2}, 3, rx, sizeof(rx), &len),
			 -EINVAL);
	/* More configs than one message holds: the client splits them, all land. */
	for (i = 0; i < PROTO_ARRAY_SIZE(many); i++) {
		many[i].type = SCMI_PINCTRL_CONF_INPUT_DEBOUNCE;
		many[i].value = (uint32_t)(100 + i);
	}
	assert_int_equal(scmi_pinctrl_settings_configure(&pc, SCMI_PINCTRL_PIN, 9,
							 SCMI_PINCTRL_NO_FUNCTION, many,
							 PROTO_ARRAY_SIZE(many)),
			 0);
	assert_int_equal(conf_of(f, &pc, SCMI_PINCTRL_PIN, 9, SCMI_PINCTRL_CONF_INPUT_DEBOUNCE),
			 100 + PROTO_ARRAY_SIZE(many) - 1);
}

/*
 * The server keeps the configs of one SETTINGS_CONFIGURE on its stack, as many as the largest
 * request holds (30): that many land; one more, which only a caller bypassing the transports
 * can hand in, is refused whole.
 */
static void test_configure_bound(void **state)
{
	struct proto_fixture *f = *state;
	const size_t head = sizeof(struct scmi_pinctrl_settings_configure_a2p);
	const size_t entry = sizeof(struct scmi_pinctrl_config_entry);
	const uint32_t hdr =
	    scmi_hdr_make(SCMI_PROTOCOL_PINCTRL, SCMI_MSG_PINCTRL_SETTINGS_CONFIGURE, 0, 1);
	uint8_t
	    in[sizeof(struct scmi_pinctrl_settings_configure_a2p) +
	       (SCMI_SERVER_PINCTRL_MAX_CONFIGS + 1) * sizeof(struct scmi_pinctrl_config_entry)];
	uint8_t out[16];
	struct scmi_pinctrl pc;
	uint32_t n, i;

	assert_int_equal(SCMI_SERVER_PINCTRL_MAX_CONFIGS, 30);
	assert_true(head + SCMI_SERVER_PINCTRL_MAX_CONFIGS * entry <= SCMI_SERVER_MAX_PAYLOAD);
	assert_true(sizeof(in) > SCMI_SERVER_MAX_PAYLOAD);
	init(f, &pc);
	for (n = SCMI_SERVER_PINCTRL_MAX_CONFIGS; n <= SCMI_SERVER_PINCTRL_MAX_CONFIGS + 1; n++) {
		SCMI_PUT_U32(in, struct scmi_pinctrl_settings_configure_a2p, identifier, 9);
		SCMI_PUT_U32(in, struct scmi_pinctrl_settings_configure_a2p, function_id,
			     SCMI_PINCTRL_NO_FUNCTION);
		SCMI_PUT_U32(in, struct scmi_pinctrl_settings_configure_a2p, attributes,
			     SCMI_PINCTRL_SEL_PIN | (n << SCMI_PINCTRL_CONFIGURE_NUM_SHIFT));
		for (i = 0; i < n; i++) {
			SCMI_PUT_U32(in + head + i * entry, struct scmi_pinctrl_config_entry, type,
				     SCMI_PINCTRL_CONF_INPUT_DEBOUNCE);
			SCMI_PUT_U32(in + head + i * entry, struct scmi_pinctrl_config_entry, value,
				     n * 100 + i);
		}
		assert_int_equal(scmi_server_process_raw(secure_world_server(f->world), 0, hdr, in,
							 head + n * entry, out, sizeof(out)),
				 4);
		assert_int_equal((int32_t)scmi_get_le32(out), n == SCMI_SERVER_PINCTRL_MAX_CONFIGS
								  ? SCMI_SUCCESS
								  : SCMI_PROTOCOL_ERROR);
		/* The last config of the 30 is in force; nothing of the 31. */
		assert_int_equal(
		    conf_of(f, &pc, SCMI_PINCTRL_PIN, 9, SCMI_PINCTRL_CONF_INPUT_DEBOUNCE),
		    SCMI_SERVER_PINCTRL_MAX_CONFIGS * 100 + SCMI_SERVER_PINCTRL_MAX_CONFIGS - 1);
	}
}

static void test_ownership_between_agents(void **state)
{
	struct proto_fixture *f = *state;
	struct scmi_pinctrl pc, pc2;
	struct scmi_agent *vm1;
	const struct scmi_pinctrl_config up = {SCMI_PINCTRL_CONF_BIAS_PULL_UP, 1};
	uint32_t v;

	init(f, &pc);
	vm1 = proto_open_agent(f, proto_agent_vm1_dtb, SCMI_MODE_AUTO);
	assert_int_equal(scmi_pinctrl_init(&pc2, vm1), 0);

	assert_int_equal(scmi_pinctrl_request(&pc, SCMI_PINCTRL_PIN, PIN_PA0), 0);
	/* Asking again for one's own pin is fine. */
	assert_int_equal(scmi_pinctrl_request(&pc, SCMI_PINCTRL_PIN, PIN_PA0), 0);
	/* IN_USE (-EPERM) for the other agent: request, group request, configure. */
	assert_int_equal(scmi_pinctrl_request(&pc2, SCMI_PINCTRL_PIN, PIN_PA0), -EPERM);
	assert_int_equal(scmi_pinctrl_request(&pc2, SCMI_PINCTRL_GROUP, GRP_UART0), -EPERM);
	assert_int_equal(scmi_pinctrl_settings_configure(&pc2, SCMI_PINCTRL_PIN, PIN_PA0,
							 SCMI_PINCTRL_NO_FUNCTION, &up, 1),
			 -EPERM);
	assert_int_equal(
	    scmi_pinctrl_settings_configure(&pc2, SCMI_PINCTRL_GROUP, GRP_UART0, FN_UART0, NULL, 0),
	    -EPERM);
	assert_int_equal(conf_of(f, &pc, SCMI_PINCTRL_PIN, PIN_PA0, SCMI_PINCTRL_CONF_BIAS_PULL_UP),
			 0);
	/* Reading is open to all. */
	assert_int_equal(scmi_pinctrl_settings_get_one(&pc2, SCMI_PINCTRL_PIN, PIN_PA0,
						       SCMI_PINCTRL_CONF_BIAS_PULL_UP, NULL, &v),
			 0);
	/* The owner configures; the other cannot release it; a free pin is nobody's to release. */
	assert_int_equal(scmi_pinctrl_settings_configure(&pc, SCMI_PINCTRL_PIN, PIN_PA0,
							 SCMI_PINCTRL_NO_FUNCTION, &up, 1),
			 0);
	assert_int_equal(scmi_pinctrl_release(&pc2, SCMI_PINCTRL_PIN, PIN_PA0), -EACCES);
	assert_int_equal(scmi_pinctrl_release(&pc, SCMI_PINCTRL_PIN, 1), -EACCES);
	assert_int_equal(scmi_pinctrl_release(&pc, SCMI_PINCTRL_PIN, PIN_PA0), 0);
	assert_int_equal(scmi_pinctrl_request(&pc2, SCMI_PINCTRL_GROUP, GRP_UART0), 0);

	/* A group request takes every pin: the pins of mmc0 one by one are then in use. */
	assert_int_equal(scmi_pinctrl_request(&pc, SCMI_PINCTRL_GROUP, GRP_MMC0), 0);
	assert_int_equal(scmi_pinctrl_request(&pc2, SCMI_PINCTRL_PIN, PIN_PC0 + 7), -EPERM);
	assert_int_equal(scmi_pinctrl_request(&pc2, SCMI_PINCTRL_GROUP, GRP_PIN(PIN_PC0 + 7)),
			 -EPERM);
	/* Releasing the group needs every pin of it. */
	assert_int_equal(scmi_pinctrl_release(&pc, SCMI_PINCTRL_PIN, PIN_PC0 + 7), 0);
	assert_int_equal(scmi_pinctrl_release(&pc, SCMI_PINCTRL_GROUP, GRP_MMC0), -EACCES);
	assert_int_equal(scmi_pinctrl_request(&pc2, SCMI_PINCTRL_PIN, PIN_PC0 + 7), 0);
	/* Functions cannot be requested. */
	assert_int_equal(raw(f->agent, SCMI_MSG_PINCTRL_REQUEST, (const uint32_t[]){FN_GPIO, 2}, 2,
			     NULL, 0, NULL),
			 -EINVAL);
	scmi_agent_close(vm1);
}

static void test_set_permissions(void **state)
{
	struct proto_fixture *f = *state;
	struct scmi_pinctrl pc;

	init(f, &pc);
	/* Valid, but no agent is trusted to change permissions. */
	assert_int_equal(scmi_pinctrl_set_permissions(&pc, 2, SCMI_PINCTRL_PIN, PIN_PA0, true),
			 -EACCES);
	assert_int_equal(scmi_pinctrl_set_permissions(&pc, 2, SCMI_PINCTRL_GROUP, GRP_MMC0, false),
			 -EACCES);
	assert_int_equal(scmi_pinctrl_set_permissions(&pc, 99, SCMI_PINCTRL_PIN, PIN_PA0, true),
			 -ENOENT);
	assert_int_equal(scmi_pinctrl_set_permissions(&pc, 0, SCMI_PINCTRL_PIN, PIN_PA0, true),
			 -ENOENT);
	assert_int_equal(scmi_pinctrl_set_permissions(&pc, 2, SCMI_PINCTRL_PIN, NUM_PINS, true),
			 -ENOENT);
	assert_int_equal(scmi_pinctrl_set_permissions(&pc, 2, SCMI_PINCTRL_FUNCTION, 0, true),
			 -EINVAL);
}

/* Agents are linux (1) and vm1 (2) on the default platform. */
static void test_agents_views_and_reset(void **state)
{
	struct proto_fixture *f = *state;
	struct scmi_agent *vm1 = proto_open_agent(f, proto_agent_vm1_dtb, SCMI_MODE_AUTO);
	const struct scmi_server_pinctrl_ops *ops = &sim_pinctrl_ops;
	uint32_t p1, g1, f1, p2, g2, f2, n1, n2, e1, e2, i;
	char a[SCMI_EXT_NAME_SIZE], b[SCMI_EXT_NAME_SIZE];
	struct scmi_pinctrl lx, vm;

	assert_int_equal(scmi_pinctrl_init(&lx, f->agent), 0);
	assert_int_equal(scmi_pinctrl_init(&vm, vm1), 0);
	assert_int_equal(vm.num_pins, lx.num_pins);
	assert_int_equal(vm.num_groups, lx.num_groups);
	assert_int_equal(vm.num_functions, lx.num_functions);
	ops->counts(f->plat, 1, &p1, &g1, &f1);
	ops->counts(f->plat, 2, &p2, &g2, &f2);
	assert_int_equal(p1, p2);
	assert_int_equal(g1, g2);
	assert_int_equal(f1, f2);
	/* Same names and associations under identity views. */
	for (i = 0; i < g1; i++) {
		assert_int_equal(ops->info(f->plat, 1, SCMI_PINCTRL_SEL_GROUP, i, a, &n1), 0);
		assert_int_equal(ops->info(f->plat, 2, SCMI_PINCTRL_SEL_GROUP, i, b, &n2), 0);
		assert_string_equal(a, b);
		assert_int_equal(n1, n2);
		assert_int_equal(ops->association(f->plat, 1, SCMI_PINCTRL_SEL_GROUP, i, 0, &e1),
				 SCMI_SUCCESS);
		assert_int_equal(ops->association(f->plat, 2, SCMI_PINCTRL_SEL_GROUP, i, 0, &e2),
				 SCMI_SUCCESS);
		assert_int_equal(e1, e2);
		assert_int_equal(ops->association(f->plat, 2, SCMI_PINCTRL_SEL_GROUP, i, n2, &e2),
				 SCMI_NOT_FOUND);
	}
	assert_int_equal(ops->info(f->plat, 2, SCMI_PINCTRL_SEL_PIN, p2, a, &n2), SCMI_NOT_FOUND);
	/* vm1 holds group 0 (pins 0 and 1): linux is kept out until vm1 is reset. */
	assert_int_equal(scmi_pinctrl_request(&vm, SCMI_PINCTRL_GROUP, 0), 0);
	assert_int_equal(ops->request(f->plat, 1, SCMI_PINCTRL_SEL_PIN, 0), SCMI_IN_USE);
	assert_int_equal(ops->request(f->plat, 1, SCMI_PINCTRL_SEL_PIN, 5), SCMI_SUCCESS);
	proto_lock(f);
	sim_pinctrl_reset_agent(f->plat, 2);
	proto_unlock(f);
	assert_int_equal(scmi_pinctrl_request(&lx, SCMI_PINCTRL_PIN, 0), 0);
	/* linux's own pins survived vm1's reset. */
	assert_int_equal(ops->request(f->plat, 2, SCMI_PINCTRL_SEL_PIN, 5), SCMI_IN_USE);
	proto_lock(f);
	sim_pinctrl_reset_agent(f->plat, 1);
	proto_unlock(f);
	assert_int_equal(ops->request(f->plat, 2, SCMI_PINCTRL_SEL_PIN, 5), SCMI_SUCCESS);
	assert_int_equal(ops->release(f->plat, 1, SCMI_PINCTRL_SEL_PIN, 5), SCMI_DENIED);
	scmi_agent_close(vm1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    PROTO_TEST(test_agents_views_and_reset),
	    PROTO_TEST(test_version_and_counts),
	    PROTO_TEST(test_attributes_and_names),
	    PROTO_TEST(test_unknown_ids_and_selectors),
	    PROTO_TEST(test_group_pins),
	    PROTO_TEST(test_function_groups_span_pages),
	    PROTO_TEST(test_settings_defaults_span_pages),
	    PROTO_TEST(test_configure_round_trip),
	    PROTO_TEST(test_configure_group_and_mux),
	    PROTO_TEST(test_configure_all_or_nothing),
	    PROTO_TEST(test_configure_sizes),
	    PROTO_TEST(test_configure_bound),
	    PROTO_TEST(test_ownership_between_agents),
	    PROTO_TEST(test_set_permissions),
	};

	return proto_run("pinctrl", tests, PROTO_ARRAY_SIZE(tests));
}
