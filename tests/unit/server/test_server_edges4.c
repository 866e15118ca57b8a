// SPDX-License-Identifier: BSD-3-Clause
/*
 * Edges of the pin control handlers (src/server/pinctrl.c) a mutation run found unguarded:
 * through the server over the simulated default platform, with pinctrl ops wrapped where the
 * platform must fail, lack an op, or describe something the default tree has not (the longest
 * name, a group too large for the remaining field) for the edge to show.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "platform/sim/sim_platform.h"
#include "scmi/proto/endian.h"
#include "scmi/proto/header.h"
#include "scmi/proto/ids.h"
#include "scmi/proto/pinctrl.h"
#include "scmi/proto/status.h"
#include "scmi/server/pinctrl.h"
#include "scmi/server/server.h"
#include "edges_fixture.h"

/* The default tree's group 5, mmc0_clk_cmd_data8: ten pins, 32 to 41. */
#define GRP_MMC0      5u
#define GRP_MMC0_PINS 10u
#define GRP_MMC0_PIN0 32u
/* The default tree's group count: the first group id an agent has not. */
#define NUM_GROUPS 71u

/* SETTINGS_GET attributes with config flag @flag (which settings) and the pin selector (0). */
#define GET_ATTR(flag) ((uint32_t)(flag) << SCMI_PINCTRL_GET_FLAG_SHIFT)

/* The simulated platform's own pinctrl ops, which the wrappers below call through. */
static const struct scmi_server_pinctrl_ops *real;

/*
 * The platform with @pc for pinctrl's ops, @pc first a copy of the simulated platform's (the
 * test then swaps the ones it needs).
 */
static void with_pinctrl(struct scmi_server_platform_ops *ops, struct scmi_server_pinctrl_ops *pc)
{
	real = EDGES_SWAP(ops, pinctrl, pc);
}

/* --- Names: the longest one the protocol carries ----------------------------------------- */

/* 63 characters: all that SCMI_EXT_NAME_SIZE holds with its NUL. */
static const char longest[] = "pin0-of-the-longest-name-that-an-extended-name-field-holds-0063";

static int32_t longest_name(void *plat, uint32_t agent_id, uint32_t sel, uint32_t id,
			    char name[SCMI_EXT_NAME_SIZE], uint32_t *num)
{
	int32_t st = real->info(plat, agent_id, sel, id, name, num);

	if (st == SCMI_SUCCESS && sel == SCMI_PINCTRL_SEL_PIN && id == 0)
		memcpy(name, longest, sizeof(longest));
	return st;
}

/*
 * NAME_GET of an element whose name is as long as the field allows (63 characters and the
 * NUL): every character reaches the agent, none is cut for the terminator.
 */
static void test_pinctrl_name_get_longest(void **state)
{
	struct edges_fx *f = *state;
	struct scmi_server_platform_ops ops;
	struct scmi_server_pinctrl_ops pc;
	const uint32_t pin0[2] = {0, SCMI_PINCTRL_SEL_PIN};

	assert_int_equal(strlen(longest), SCMI_EXT_NAME_SIZE - 1);
	with_pinctrl(&ops, &pc);
	pc.info = longest_name;
	scmi_server_init(&f->srv, &ops, f->p);
	assert_int_equal(edges_call(f, SCMI_PROTOCOL_PINCTRL, SCMI_MSG_PINCTRL_NAME_GET, pin0, 2),
			 SCMI_SUCCESS);
	assert_int_equal(f->len, 4 + sizeof(struct scmi_name_get_p2a));
	assert_int_equal(scmi_get_le32(f->rsp + 4), 0);
	assert_memory_equal(f->rsp + 8, longest, sizeof(longest));
	/* ATTRIBUTES says the name is extended and carries its first 15 characters. */
	assert_int_equal(edges_call(f, SCMI_PROTOCOL_PINCTRL, SCMI_MSG_PINCTRL_ATTRIBUTES, pin0, 2),
			 SCMI_SUCCESS);
	assert_true(scmi_get_le32(f->rsp + 4) & SCMI_PINCTRL_ATTR_EXT_NAME);
	assert_memory_equal(f->rsp + 8, longest, SCMI_SHORT_NAME_SIZE - 1);
	assert_int_equal(f->rsp[8 + SCMI_SHORT_NAME_SIZE - 1], 0);
}

/* Pin 0's name given as two characters and nothing else: no NUL, the rest never written. */
static int32_t bare_name(void *plat, uint32_t agent_id, uint32_t sel, uint32_t id,
			 char name[SCMI_EXT_NAME_SIZE], uint32_t *num)
{
	(void)plat;
	(void)agent_id;
	if (sel != SCMI_PINCTRL_SEL_PIN || id != 0)
		return SCMI_NOT_FOUND;
	name[0] = 'a';
	name[1] = 'b';
	*num = 1;
	return SCMI_SUCCESS;
}

/*
 * A name the platform writes without its terminator or the rest of its field: what it did not
 * write is zeros, in NAME_GET and in ATTRIBUTES, never what the server held before.
 */
static void test_pinctrl_name_unwritten_rest(void **state)
{
	struct edges_fx *f = *state;
	struct scmi_server_platform_ops ops;
	struct scmi_server_pinctrl_ops pc;
	const uint32_t pin0[2] = {0, SCMI_PINCTRL_SEL_PIN};
	uint8_t want[SCMI_EXT_NAME_SIZE] = {'a', 'b'};

	with_pinctrl(&ops, &pc);
	pc.info = bare_name;
	scmi_server_init(&f->srv, &ops, f->p);
	assert_int_equal(edges_call(f, SCMI_PROTOCOL_PINCTRL, SCMI_MSG_PINCTRL_NAME_GET, pin0, 2),
			 SCMI_SUCCESS);
	assert_memory_equal(f->rsp + 8, want, sizeof(want));
	assert_int_equal(edges_call(f, SCMI_PROTOCOL_PINCTRL, SCMI_MSG_PINCTRL_ATTRIBUTES, pin0, 2),
			 SCMI_SUCCESS);
	assert_false(scmi_get_le32(f->rsp + 4) & SCMI_PINCTRL_ATTR_EXT_NAME);
	assert_memory_equal(f->rsp + 8, want, SCMI_SHORT_NAME_SIZE);
}

/* --- LIST_ASSOCIATIONS --------------------------------------------------------------------- */

/*
 * A platform that describes groups but cannot list their pins: LIST_ASSOCIATIONS is
 * NOT_SUPPORTED (status alone), never an empty success an agent would read as no pins; a
 * group the agent has not is still NOT_FOUND.
 */
static void test_pinctrl_list_associations_without_op(void **state)
{
	struct edges_fx *f = *state;
	struct scmi_server_platform_ops ops;
	struct scmi_server_pinctrl_ops pc;
	const uint32_t mmc0[3] = {GRP_MMC0, SCMI_PINCTRL_SEL_GROUP, 0};
	const uint32_t unknown[3] = {NUM_GROUPS, SCMI_PINCTRL_SEL_GROUP, 0};

	with_pinctrl(&ops, &pc);
	pc.association = NULL;
	scmi_server_init(&f->srv, &ops, f->p);
	assert_int_equal(
	    edges_call(f, SCMI_PROTOCOL_PINCTRL, SCMI_MSG_PINCTRL_LIST_ASSOCIATIONS, mmc0, 3),
	    SCMI_NOT_SUPPORTED);
	assert_int_equal(f->len, 4);
	assert_int_equal(
	    edges_call(f, SCMI_PROTOCOL_PINCTRL, SCMI_MSG_PINCTRL_LIST_ASSOCIATIONS, unknown, 3),
	    SCMI_NOT_FOUND);
	assert_int_equal(f->len, 4);
}

/* LIST_ASSOCIATIONS of group 5 from @index into a response buffer of @out_room bytes. */
static size_t list_mmc0(struct edges_fx *f, uint32_t index, size_t out_room)
{
	uint8_t in[12];

	assert_true(out_room <= sizeof(f->rsp));
	scmi_put_le32(in, GRP_MMC0);
	scmi_put_le32(in + 4, SCMI_PINCTRL_SEL_GROUP);
	scmi_put_le32(in + 8, index);
	memset(f->rsp, 0xa5, sizeof(f->rsp));
	f->len = scmi_server_process_raw(
	    &f->srv, 0,
	    scmi_hdr_make(SCMI_PROTOCOL_PINCTRL, SCMI_MSG_PINCTRL_LIST_ASSOCIATIONS, 0, 1), in,
	    sizeof(in), f->rsp, out_room);
	return f->len;
}

/*
 * A response too small for a page of the group's pins (decisions.md, protocols): no room for
 * the flags word, or room for it but not one id while ten remain, is PROTOCOL_ERROR alone,
 * never an empty success an agent would take for the end of the list. The empty last page
 * (index == count) fits in the flags word alone.
 */
static void test_pinctrl_list_associations_without_room(void **state)
{
	struct edges_fx *f = *state;

	assert_int_equal(list_mmc0(f, 0, 4 + 3), 4);
	assert_int_equal((int32_t)scmi_get_le32(f->rsp), SCMI_PROTOCOL_ERROR);
	assert_int_equal(list_mmc0(f, 0, 4 + 4 + 3), 4);
	assert_int_equal((int32_t)scmi_get_le32(f->rsp), SCMI_PROTOCOL_ERROR);
	assert_int_equal(list_mmc0(f, GRP_MMC0_PINS, 4 + 4), 8);
	assert_int_equal((int32_t)scmi_get_le32(f->rsp), SCMI_SUCCESS);
	assert_int_equal(scmi_get_le32(f->rsp + 4), 0);
	/* One word of room: the first two pins, eight remaining. */
	assert_int_equal(list_mmc0(f, 0, 4 + 4 + 4), 12);
	assert_int_equal((int32_t)scmi_get_le32(f->rsp), SCMI_SUCCESS);
	assert_int_equal(scmi_get_le32(f->rsp + 4), 2u | (8u << SCMI_PINCTRL_LIST_REMAINING_SHIFT));
	assert_int_equal(scmi_get_le32(f->rsp + 8), GRP_MMC0_PIN0 | ((GRP_MMC0_PIN0 + 1u) << 16));
}

/* The association op fails on group 5's fourth pin. */
static int32_t failing_association(void *plat, uint32_t agent_id, uint32_t sel, uint32_t id,
				   uint32_t index, uint32_t *elem)
{
	if (sel == SCMI_PINCTRL_SEL_GROUP && id == GRP_MMC0 && index == 3)
		return SCMI_HARDWARE_ERROR;
	return real->association(plat, agent_id, sel, id, index, elem);
}

/*
 * A platform failing to give one pin of a page: the page is the platform's status alone,
 * not a success carrying the pins before it; a page past that pin is served.
 */
static void test_pinctrl_list_associations_platform_fails(void **state)
{
	struct edges_fx *f = *state;
	struct scmi_server_platform_ops ops;
	struct scmi_server_pinctrl_ops pc;

	with_pinctrl(&ops, &pc);
	pc.association = failing_association;
	scmi_server_init(&f->srv, &ops, f->p);
	assert_int_equal(list_mmc0(f, 0, sizeof(f->rsp)), 4);
	assert_int_equal((int32_t)scmi_get_le32(f->rsp), SCMI_HARDWARE_ERROR);
	assert_int_equal(list_mmc0(f, 4, sizeof(f->rsp)), 4 + 4 + 3 * 4);
	assert_int_equal((int32_t)scmi_get_le32(f->rsp), SCMI_SUCCESS);
	assert_int_equal(scmi_get_le32(f->rsp + 4), 6u);
}

/* Group 5 said to have more pins than the 16-bit remaining field can count from index 0. */
#define HUGE_GROUP (0x10000u + 0x100u)

static int32_t huge_group_info(void *plat, uint32_t agent_id, uint32_t sel, uint32_t id,
			       char name[SCMI_EXT_NAME_SIZE], uint32_t *num)
{
	int32_t st = real->info(plat, agent_id, sel, id, name, num);

	if (st == SCMI_SUCCESS && sel == SCMI_PINCTRL_SEL_GROUP && id == GRP_MMC0)
		*num = HUGE_GROUP;
	return st;
}

static int32_t huge_group_association(void *plat, uint32_t agent_id, uint32_t sel, uint32_t id,
				      uint32_t index, uint32_t *elem)
{
	if (sel == SCMI_PINCTRL_SEL_GROUP && id == GRP_MMC0) {
		*elem = index & SCMI_PINCTRL_LIST_ID_MASK;
		return SCMI_SUCCESS;
	}
	return real->association(plat, agent_id, sel, id, index, elem);
}

/*
 * A page after which more ids remain than the 16-bit remaining field holds: GENERIC_ERROR
 * alone (the platform's list, not the agent's request, is at fault: as clock's and perf's
 * lists), not a page whose remaining count lies; from an index where the rest fits, the page
 * is served and its counts add up to what is left.
 */
static void test_pinctrl_list_associations_remaining_overflow(void **state)
{
	struct edges_fx *f = *state;
	struct scmi_server_platform_ops ops;
	struct scmi_server_pinctrl_ops pc;
	uint32_t flags, n;

	with_pinctrl(&ops, &pc);
	pc.info = huge_group_info;
	pc.association = huge_group_association;
	scmi_server_init(&f->srv, &ops, f->p);
	assert_int_equal(list_mmc0(f, 0, sizeof(f->rsp)), 4);
	assert_int_equal((int32_t)scmi_get_le32(f->rsp), SCMI_GENERIC_ERROR);
	assert_true(list_mmc0(f, HUGE_GROUP - 0x10000u, sizeof(f->rsp)) > 8);
	assert_int_equal((int32_t)scmi_get_le32(f->rsp), SCMI_SUCCESS);
	flags = scmi_get_le32(f->rsp + 4);
	n = SCMI_PINCTRL_LIST_RETURNED(flags);
	assert_true(n >= 2);
	assert_int_equal(n + SCMI_PINCTRL_LIST_REMAINING(flags), 0x10000u);
	assert_int_equal(f->len, 4 + 4 + 4 * ((n + 1) / 2));
	assert_int_equal(scmi_get_le32(f->rsp + 8),
			 (HUGE_GROUP - 0x10000u) | ((HUGE_GROUP - 0x10000u + 1) << 16));
}

/*
 * PINCTRL_ATTRIBUTES of a group with more pins than its 16-bit field counts: GENERIC_ERROR
 * alone, never the count cut to its low bits (0x100 for 0x10100).
 */
static void test_pinctrl_attributes_too_many_elements(void **state)
{
	struct edges_fx *f = *state;
	struct scmi_server_platform_ops ops;
	struct scmi_server_pinctrl_ops pc;
	const uint32_t mmc0[2] = {GRP_MMC0, SCMI_PINCTRL_SEL_GROUP};

	with_pinctrl(&ops, &pc);
	pc.info = huge_group_info;
	scmi_server_init(&f->srv, &ops, f->p);
	assert_int_equal(edges_call(f, SCMI_PROTOCOL_PINCTRL, SCMI_MSG_PINCTRL_ATTRIBUTES, mmc0, 2),
			 SCMI_GENERIC_ERROR);
	assert_int_equal(f->len, 4);
	/* NAME_GET has no count to lie about. */
	assert_int_equal(edges_call(f, SCMI_PROTOCOL_PINCTRL, SCMI_MSG_PINCTRL_NAME_GET, mmc0, 2),
			 SCMI_SUCCESS);
}

static void many_counts(void *plat, uint32_t agent_id, uint32_t *pins, uint32_t *groups,
			uint32_t *functions)
{
	real->counts(plat, agent_id, pins, groups, functions);
	*pins = 0x10001u;
	*functions = 0x20000u;
}

/*
 * A platform with more pins or functions than the 16-bit counts of PROTOCOL_ATTRIBUTES hold:
 * the agent is told 0xffff, as many as ids it can name, never the low bits (1, 0).
 */
static void test_pinctrl_counts_beyond_16_bits(void **state)
{
	struct edges_fx *f = *state;
	struct scmi_server_platform_ops ops;
	struct scmi_server_pinctrl_ops pc;
	uint32_t me, groups = 0, unused;

	with_pinctrl(&ops, &pc);
	pc.counts = many_counts;
	scmi_server_init(&f->srv, &ops, f->p);
	assert_true(ops.channel_agent(f->p, 0, &me));
	real->counts(f->p, me, &unused, &groups, &unused);
	assert_true(groups > 0 && groups < SCMI_PINCTRL_PA_COUNT_MAX);
	assert_int_equal(
	    edges_call(f, SCMI_PROTOCOL_PINCTRL, SCMI_MSG_PROTOCOL_ATTRIBUTES, NULL, 0),
	    SCMI_SUCCESS);
	assert_int_equal(f->len, 12);
	assert_int_equal(scmi_get_le32(f->rsp + 4),
			 SCMI_PINCTRL_PA_COUNT_MAX | (groups << SCMI_PINCTRL_PA_GROUPS_SHIFT));
	assert_int_equal(scmi_get_le32(f->rsp + 8), SCMI_PINCTRL_PA_COUNT_MAX);
	/* Refused before the platform sees it, the last pin announced is there, the next not. */
	pc.info = NULL;
	const uint32_t last[2] = {SCMI_PINCTRL_PA_COUNT_MAX - 1, SCMI_PINCTRL_SEL_PIN};
	const uint32_t next[2] = {SCMI_PINCTRL_PA_COUNT_MAX, SCMI_PINCTRL_SEL_PIN};
	assert_int_equal(edges_call(f, SCMI_PROTOCOL_PINCTRL, SCMI_MSG_PINCTRL_ATTRIBUTES, last, 2),
			 SCMI_NOT_SUPPORTED);
	assert_int_equal(edges_call(f, SCMI_PROTOCOL_PINCTRL, SCMI_MSG_PINCTRL_ATTRIBUTES, next, 2),
			 SCMI_NOT_FOUND);
}

/* --- SETTINGS_GET ---------------------------------------------------------------------------- */

/*
 * Reserved bits of SETTINGS_GET's attributes ([31:20]) and the reserved config flag (3) are
 * INVALID_PARAMETERS alone, on a pin the agent has; the same attributes without them are
 * served.
 */
static void test_pinctrl_settings_get_reserved_bits(void **state)
{
	struct edges_fx *f = *state;
	const uint32_t bit31[2] = {0, GET_ATTR(SCMI_PINCTRL_GET_FUNCTION) | (1u << 31)};
	const uint32_t bit20[2] = {0, GET_ATTR(SCMI_PINCTRL_GET_FUNCTION) | (1u << 20)};
	const uint32_t flag3[2] = {0, GET_ATTR(3)};
	const uint32_t function[2] = {0, GET_ATTR(SCMI_PINCTRL_GET_FUNCTION)};

	assert_int_equal(
	    edges_call(f, SCMI_PROTOCOL_PINCTRL, SCMI_MSG_PINCTRL_SETTINGS_GET, bit31, 2),
	    SCMI_INVALID_PARAMETERS);
	assert_int_equal(f->len, 4);
	assert_int_equal(
	    edges_call(f, SCMI_PROTOCOL_PINCTRL, SCMI_MSG_PINCTRL_SETTINGS_GET, bit20, 2),
	    SCMI_INVALID_PARAMETERS);
	assert_int_equal(f->len, 4);
	assert_int_equal(
	    edges_call(f, SCMI_PROTOCOL_PINCTRL, SCMI_MSG_PINCTRL_SETTINGS_GET, flag3, 2),
	    SCMI_INVALID_PARAMETERS);
	assert_int_equal(f->len, 4);
	assert_int_equal(
	    edges_call(f, SCMI_PROTOCOL_PINCTRL, SCMI_MSG_PINCTRL_SETTINGS_GET, function, 2),
	    SCMI_SUCCESS);
	assert_int_equal(f->len, 4 + sizeof(struct scmi_pinctrl_settings_get_p2a));
}

/* The platform cannot count a pin's configs (what it leaves in *count is not a count). */
static int32_t failing_config_count(void *plat, uint32_t agent_id, uint32_t sel, uint32_t id,
				    uint32_t *count)
{
	(void)plat;
	(void)agent_id;
	(void)sel;
	(void)id;
	*count = 7;
	return SCMI_HARDWARE_ERROR;
}

/*
 * SETTINGS_GET of all configs when the platform fails to count them: the platform's status
 * alone, not an empty success that would say the pin has none; one config is still read.
 */
static void test_pinctrl_settings_get_all_count_fails(void **state)
{
	struct edges_fx *f = *state;
	struct scmi_server_platform_ops ops;
	struct scmi_server_pinctrl_ops pc;
	const uint32_t all[2] = {0, GET_ATTR(SCMI_PINCTRL_GET_ALL)};
	const uint32_t one[2] = {0,
				 GET_ATTR(SCMI_PINCTRL_GET_ONE) | SCMI_PINCTRL_CONF_BIAS_PULL_UP};

	with_pinctrl(&ops, &pc);
	pc.config_count = failing_config_count;
	scmi_server_init(&f->srv, &ops, f->p);
	assert_int_equal(
	    edges_call(f, SCMI_PROTOCOL_PINCTRL, SCMI_MSG_PINCTRL_SETTINGS_GET, all, 2),
	    SCMI_HARDWARE_ERROR);
	assert_int_equal(f->len, 4);
	assert_int_equal(
	    edges_call(f, SCMI_PROTOCOL_PINCTRL, SCMI_MSG_PINCTRL_SETTINGS_GET, one, 2),
	    SCMI_SUCCESS);
	assert_int_equal(f->len, 4 + sizeof(struct scmi_pinctrl_settings_get_p2a) +
				     sizeof(struct scmi_pinctrl_config_entry));
}

/* A platform that answers a config's value with success but writes none. */
static int32_t silent_config_get(void *plat, uint32_t agent_id, uint32_t sel, uint32_t id,
				 uint32_t type,
				 uint32_t *value) // NOLINT(readability-non-const-parameter)
{
	(void)plat;
	(void)agent_id;
	(void)sel;
	(void)id;
	(void)type;
	(void)value;
	return SCMI_SUCCESS;
}

/*
 * What a pinctrl platform leaves unwritten reads as zero (as clock's, test_server_edges2): a
 * config value it did not give is 0 in SETTINGS_GET, never what the server's stack held.
 */
static void test_pinctrl_settings_get_unwritten_value(void **state)
{
	struct edges_fx *f = *state;
	struct scmi_server_platform_ops ops;
	struct scmi_server_pinctrl_ops pc;
	const uint32_t one[2] = {0,
				 GET_ATTR(SCMI_PINCTRL_GET_ONE) | SCMI_PINCTRL_CONF_BIAS_PULL_UP};

	with_pinctrl(&ops, &pc);
	pc.config_get = silent_config_get;
	scmi_server_init(&f->srv, &ops, f->p);
	assert_int_equal(
	    edges_call(f, SCMI_PROTOCOL_PINCTRL, SCMI_MSG_PINCTRL_SETTINGS_GET, one, 2),
	    SCMI_SUCCESS);
	assert_int_equal(f->len, 4 + sizeof(struct scmi_pinctrl_settings_get_p2a) +
				     sizeof(struct scmi_pinctrl_config_entry));
	assert_int_equal(scmi_get_le32(f->rsp + 8), 1u);
	assert_int_equal(scmi_get_le32(f->rsp + 12), SCMI_PINCTRL_CONF_BIAS_PULL_UP);
	assert_int_equal(scmi_get_le32(f->rsp + 16), 0);
}

/* SETTINGS_GET of pin 0 with @attr into a response buffer of @out_room bytes; the status. */
static int32_t settings_pin0(struct edges_fx *f, uint32_t attr, size_t out_room)
{
	uint8_t in[8];

	assert_true(out_room <= sizeof(f->rsp));
	scmi_put_le32(in, 0);
	scmi_put_le32(in + 4, attr);
	f->len = scmi_server_process_raw(
	    &f->srv, 0, scmi_hdr_make(SCMI_PROTOCOL_PINCTRL, SCMI_MSG_PINCTRL_SETTINGS_GET, 0, 1),
	    in, sizeof(in), f->rsp, out_room);
	assert_true(f->len >= 4);
	return (int32_t)scmi_get_le32(f->rsp);
}

/*
 * SETTINGS_GET of all of a pin's configurations into a response with room for its header but
 * not one configuration: PROTOCOL_ERROR alone, never an empty page an agent would take for
 * the end; with room for one, one comes.
 */
static void test_pinctrl_settings_get_all_without_room(void **state)
{
	struct edges_fx *f = *state;
	const size_t head = 4 + sizeof(struct scmi_pinctrl_settings_get_p2a);
	const size_t one = sizeof(struct scmi_pinctrl_config_entry);

	assert_int_equal(settings_pin0(f, GET_ATTR(SCMI_PINCTRL_GET_ALL), head + one - 1),
			 SCMI_PROTOCOL_ERROR);
	assert_int_equal(f->len, 4);
	assert_int_equal(settings_pin0(f, GET_ATTR(SCMI_PINCTRL_GET_ALL), head + one),
			 SCMI_SUCCESS);
	assert_int_equal(f->len, head + one);
	assert_int_equal(scmi_get_le32(f->rsp + 8) & 0xffu, 1);
}

/* SETTINGS_GET of the function alone takes neither a skip count nor a type. */
static void test_pinctrl_settings_get_function_takes_nothing(void **state)
{
	struct edges_fx *f = *state;
	const uint32_t function = GET_ATTR(SCMI_PINCTRL_GET_FUNCTION);

	assert_int_equal(settings_pin0(f, function, sizeof(f->rsp)), SCMI_SUCCESS);
	assert_int_equal(
	    settings_pin0(f, function | 1u << SCMI_PINCTRL_GET_SKIP_SHIFT, sizeof(f->rsp)),
	    SCMI_INVALID_PARAMETERS);
	assert_int_equal(f->len, 4);
	assert_int_equal(settings_pin0(f, function | 1u, sizeof(f->rsp)), SCMI_INVALID_PARAMETERS);
	assert_int_equal(f->len, 4);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    EDGES_TEST(test_pinctrl_name_get_longest),
	    EDGES_TEST(test_pinctrl_name_unwritten_rest),
	    EDGES_TEST(test_pinctrl_list_associations_without_op),
	    EDGES_TEST(test_pinctrl_list_associations_without_room),
	    EDGES_TEST(test_pinctrl_list_associations_platform_fails),
	    EDGES_TEST(test_pinctrl_list_associations_remaining_overflow),
	    EDGES_TEST(test_pinctrl_attributes_too_many_elements),
	    EDGES_TEST(test_pinctrl_counts_beyond_16_bits),
	    EDGES_TEST(test_pinctrl_settings_get_reserved_bits),
	    EDGES_TEST(test_pinctrl_settings_get_all_count_fails),
	    EDGES_TEST(test_pinctrl_settings_get_unwritten_value),
	    EDGES_TEST(test_pinctrl_settings_get_all_without_room),
	    EDGES_TEST(test_pinctrl_settings_get_function_takes_nothing),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
