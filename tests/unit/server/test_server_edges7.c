// SPDX-License-Identifier: BSD-3-Clause
/*
 * Edges of the handlers that a mutation run over every mutant of six protocol files (power,
 * reset, system, voltage, powercap, pin control) found unguarded: through the server over the
 * simulated default platform, with one protocol's ops swapped where the platform must leave
 * an output unwritten, lack an op or fail.
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
#include "scmi/proto/powercap.h"
#include "scmi/proto/reset.h"
#include "scmi/proto/sensor.h"
#include "scmi/proto/system.h"
#include "scmi/proto/voltage.h"
#include "scmi/proto/status.h"
#include "scmi/server/pinctrl.h"
#include "scmi/server/powercap.h"
#include "scmi/server/reset.h"
#include "scmi/server/sensor.h"
#include "scmi/server/system.h"
#include "scmi/server/voltage.h"
#include "scmi/server/server.h"
#include "edges_fixture.h"

/* --- Pinctrl ------------------------------------------------------------------------------ */

static const struct scmi_server_pinctrl_ops *real_pc;

/* The platform's info, with the name written and the member count left as the server set it. */
// NOLINTBEGIN(readability-non-const-parameter): the op's signature; it leaves @num_elems
static int32_t info_no_count(void *plat, uint32_t agent_id, uint32_t sel, uint32_t id,
			     char name[SCMI_EXT_NAME_SIZE], uint32_t *num_elems)
{
	uint32_t real;

	(void)num_elems;
	return real_pc->info(plat, agent_id, sel, id, name, &real);
}
// NOLINTEND(readability-non-const-parameter)

/*
 * PINCTRL_ATTRIBUTES of a group whose info op succeeds without giving its member count: 0
 * members, as every field the platform leaves unwritten reads (the group has members, so the
 * count the real op gives is not 0).
 */
static void test_pinctrl_attributes_count_unwritten(void **state)
{
	struct edges_fx *f = *state;
	struct scmi_server_platform_ops ops;
	struct scmi_server_pinctrl_ops pc;
	const uint32_t args[2] = {0, SCMI_PINCTRL_SEL_GROUP};

	scmi_server_init(&f->srv, sim_platform_ops(), f->p);
	assert_int_equal(edges_call(f, SCMI_PROTOCOL_PINCTRL, SCMI_MSG_PINCTRL_ATTRIBUTES, args, 2),
			 SCMI_SUCCESS);
	assert_int_not_equal(scmi_get_le32(f->rsp + 4) & SCMI_PINCTRL_ATTR_NUM_ELEMS_MAX, 0);

	real_pc = EDGES_SWAP(&ops, pinctrl, &pc);
	pc.info = info_no_count;
	scmi_server_init(&f->srv, &ops, f->p);
	assert_int_equal(edges_call(f, SCMI_PROTOCOL_PINCTRL, SCMI_MSG_PINCTRL_ATTRIBUTES, args, 2),
			 SCMI_SUCCESS);
	assert_int_equal(scmi_get_le32(f->rsp + 4) & SCMI_PINCTRL_ATTR_NUM_ELEMS_MAX, 0);
}

/* An association op that succeeds without naming the member. */
// NOLINTBEGIN(readability-non-const-parameter): the op's signature; it writes nothing
static int32_t association_unwritten(void *plat, uint32_t agent_id, uint32_t sel, uint32_t id,
				     uint32_t index, uint32_t *elem)
{
	(void)plat;
	(void)agent_id;
	(void)sel;
	(void)id;
	(void)index;
	(void)elem;
	return SCMI_SUCCESS;
}
// NOLINTEND(readability-non-const-parameter)

/*
 * LIST_ASSOCIATIONS of a group whose association op succeeds without naming the members:
 * every id 0, the unwritten field's value, in both halves of each word.
 */
static void test_pinctrl_associations_unwritten(void **state)
{
	struct edges_fx *f = *state;
	struct scmi_server_platform_ops ops;
	struct scmi_server_pinctrl_ops pc;
	const uint32_t args[3] = {0, SCMI_PINCTRL_SEL_GROUP, 0};
	uint32_t n, i;

	real_pc = EDGES_SWAP(&ops, pinctrl, &pc);
	pc.association = association_unwritten;
	scmi_server_init(&f->srv, &ops, f->p);
	assert_int_equal(
	    edges_call(f, SCMI_PROTOCOL_PINCTRL, SCMI_MSG_PINCTRL_LIST_ASSOCIATIONS, args, 3),
	    SCMI_SUCCESS);
	n = scmi_get_le32(f->rsp + 4) & SCMI_PINCTRL_LIST_RETURNED_MAX;
	assert_true(n > 0);
	assert_int_equal(f->len, 8 + (n + 1) / 2 * 4);
	for (i = 0; i < (n + 1) / 2; i++)
		assert_int_equal(scmi_get_le32(f->rsp + 8 + (size_t)4 * i), 0);
}

/* SETTINGS_GET attributes of pin 0 with config flag @flag, skip @skip and type @type. */
static uint32_t settings_attr(uint32_t flag, uint32_t skip, uint32_t type)
{
	/* The pin selector is 0: no bit of its own. */
	return flag << SCMI_PINCTRL_GET_FLAG_SHIFT | skip << SCMI_PINCTRL_GET_SKIP_SHIFT | type;
}

/* A config_count op that succeeds without giving the count. */
// NOLINTBEGIN(readability-non-const-parameter): the op's signature; it writes nothing
static int32_t config_count_unwritten(void *plat, uint32_t agent_id, uint32_t sel, uint32_t id,
				      uint32_t *count)
{
	(void)plat;
	(void)agent_id;
	(void)sel;
	(void)id;
	(void)count;
	return SCMI_SUCCESS;
}
// NOLINTEND(readability-non-const-parameter)

/*
 * SETTINGS_GET of all the configs of a pin whose config_count op gives no count: none (the
 * unwritten count reads 0), an empty page with nothing remaining, where the real op has some.
 */
static void test_pinctrl_settings_all_count_unwritten(void **state)
{
	struct edges_fx *f = *state;
	struct scmi_server_platform_ops ops;
	struct scmi_server_pinctrl_ops pc;
	const uint32_t args[2] = {0, settings_attr(SCMI_PINCTRL_GET_ALL, 0, 0)};

	scmi_server_init(&f->srv, sim_platform_ops(), f->p);
	assert_int_equal(
	    edges_call(f, SCMI_PROTOCOL_PINCTRL, SCMI_MSG_PINCTRL_SETTINGS_GET, args, 2),
	    SCMI_SUCCESS);
	assert_int_not_equal(scmi_get_le32(f->rsp + 8), 0);

	real_pc = EDGES_SWAP(&ops, pinctrl, &pc);
	pc.config_count = config_count_unwritten;
	scmi_server_init(&f->srv, &ops, f->p);
	assert_int_equal(
	    edges_call(f, SCMI_PROTOCOL_PINCTRL, SCMI_MSG_PINCTRL_SETTINGS_GET, args, 2),
	    SCMI_SUCCESS);
	assert_int_equal(f->len, 12);
	assert_int_equal(scmi_get_le32(f->rsp + 8), 0);
}

/* The platform's config_at, with the value written and the type left as the server set it. */
// NOLINTBEGIN(readability-non-const-parameter): the op's signature; it leaves @type
static int32_t config_at_no_type(void *plat, uint32_t agent_id, uint32_t sel, uint32_t id,
				 uint32_t index, uint32_t *type, uint32_t *value)
{
	uint32_t real;

	(void)type;
	return real_pc->config_at(plat, agent_id, sel, id, index, &real, value);
}
// NOLINTEND(readability-non-const-parameter)

/*
 * SETTINGS_GET of all the configs of a pin whose config_at op gives each value but no type:
 * the first entry's type is 0, the unwritten field's value, its value the platform's.
 */
static void test_pinctrl_settings_all_type_unwritten(void **state)
{
	struct edges_fx *f = *state;
	struct scmi_server_platform_ops ops;
	struct scmi_server_pinctrl_ops pc;
	const uint32_t args[2] = {0, settings_attr(SCMI_PINCTRL_GET_ALL, 0, 0)};
	uint32_t value;

	scmi_server_init(&f->srv, sim_platform_ops(), f->p);
	assert_int_equal(
	    edges_call(f, SCMI_PROTOCOL_PINCTRL, SCMI_MSG_PINCTRL_SETTINGS_GET, args, 2),
	    SCMI_SUCCESS);
	assert_true((scmi_get_le32(f->rsp + 8) & 0xffu) > 0);
	value = scmi_get_le32(f->rsp + 16);

	real_pc = EDGES_SWAP(&ops, pinctrl, &pc);
	pc.config_at = config_at_no_type;
	scmi_server_init(&f->srv, &ops, f->p);
	assert_int_equal(
	    edges_call(f, SCMI_PROTOCOL_PINCTRL, SCMI_MSG_PINCTRL_SETTINGS_GET, args, 2),
	    SCMI_SUCCESS);
	assert_int_equal(scmi_get_le32(f->rsp + 12), 0);
	assert_int_equal(scmi_get_le32(f->rsp + 16), value);
}

/*
 * SETTINGS_GET of all the configs takes no config type (that field is for one config):
 * INVALID_PARAMETERS, whatever the type; the same request without it succeeds.
 */
static void test_pinctrl_settings_all_with_type(void **state)
{
	struct edges_fx *f = *state;
	uint32_t args[2] = {0, settings_attr(SCMI_PINCTRL_GET_ALL, 0, 1)};

	scmi_server_init(&f->srv, sim_platform_ops(), f->p);
	assert_int_equal(
	    edges_call(f, SCMI_PROTOCOL_PINCTRL, SCMI_MSG_PINCTRL_SETTINGS_GET, args, 2),
	    SCMI_INVALID_PARAMETERS);
	assert_int_equal(f->len, 4);
	args[1] = settings_attr(SCMI_PINCTRL_GET_ALL, 0, SCMI_PINCTRL_GET_TYPE_MASK);
	assert_int_equal(
	    edges_call(f, SCMI_PROTOCOL_PINCTRL, SCMI_MSG_PINCTRL_SETTINGS_GET, args, 2),
	    SCMI_INVALID_PARAMETERS);
	args[1] = settings_attr(SCMI_PINCTRL_GET_ALL, 0, 0);
	assert_int_equal(
	    edges_call(f, SCMI_PROTOCOL_PINCTRL, SCMI_MSG_PINCTRL_SETTINGS_GET, args, 2),
	    SCMI_SUCCESS);
}

/* The platform's config_at, failing from index 1 on. */
static int32_t config_at_fails_second(void *plat, uint32_t agent_id, uint32_t sel, uint32_t id,
				      uint32_t index, uint32_t *type, uint32_t *value)
{
	if (index >= 1)
		return SCMI_HARDWARE_ERROR;
	return real_pc->config_at(plat, agent_id, sel, id, index, type, value);
}

/*
 * SETTINGS_GET of all the configs of a pin whose config_at op fails on the second: the
 * platform's status, alone, not a page cut where the failure was.
 */
static void test_pinctrl_settings_all_fails_part_way(void **state)
{
	struct edges_fx *f = *state;
	struct scmi_server_platform_ops ops;
	struct scmi_server_pinctrl_ops pc;
	const uint32_t args[2] = {0, settings_attr(SCMI_PINCTRL_GET_ALL, 0, 0)};

	scmi_server_init(&f->srv, sim_platform_ops(), f->p);
	assert_int_equal(
	    edges_call(f, SCMI_PROTOCOL_PINCTRL, SCMI_MSG_PINCTRL_SETTINGS_GET, args, 2),
	    SCMI_SUCCESS);
	assert_true((scmi_get_le32(f->rsp + 8) & 0xffu) > 1);

	real_pc = EDGES_SWAP(&ops, pinctrl, &pc);
	pc.config_at = config_at_fails_second;
	scmi_server_init(&f->srv, &ops, f->p);
	assert_int_equal(
	    edges_call(f, SCMI_PROTOCOL_PINCTRL, SCMI_MSG_PINCTRL_SETTINGS_GET, args, 2),
	    SCMI_HARDWARE_ERROR);
	assert_int_equal(f->len, 4);
}

/* --- Powercap ----------------------------------------------------------------------------- */

static const struct scmi_server_powercap_ops *real_pcap;

/* The platform's info, with a name that fills its whole field and has no NUL. */
static int32_t info_name_unended(void *plat, uint32_t agent_id, uint32_t id,
				 struct scmi_server_powercap_info *info)
{
	int32_t st = real_pcap->info(plat, agent_id, id, info);

	memset(info->name, 'z', sizeof(info->name));
	return st;
}

/*
 * DOMAIN_NAME_GET of a zone whose name fills the platform's field without a NUL: the first 63
 * characters, then the NUL the server puts in the last byte, in a field of 64.
 */
static void test_powercap_name_unended(void **state)
{
	struct edges_fx *f = *state;
	struct scmi_server_platform_ops ops;
	struct scmi_server_powercap_ops pcap;
	const uint32_t zone = 0;
	size_t i;

	real_pcap = EDGES_SWAP(&ops, powercap, &pcap);
	pcap.info = info_name_unended;
	scmi_server_init(&f->srv, &ops, f->p);
	assert_int_equal(
	    edges_call(f, SCMI_PROTOCOL_POWERCAP, SCMI_MSG_POWERCAP_DOMAIN_NAME_GET, &zone, 1),
	    SCMI_SUCCESS);
	assert_int_equal(f->len, 8 + SCMI_EXT_NAME_SIZE);
	for (i = 0; i < SCMI_EXT_NAME_SIZE - 1; i++)
		assert_int_equal(f->rsp[8 + i], 'z');
	assert_int_equal(f->rsp[8 + SCMI_EXT_NAME_SIZE - 1], 0);
}

/* A cap_get or pai_get op that fails. */
// NOLINTNEXTLINE(readability-non-const-parameter): the op's signature; it writes nothing
static int32_t value_get_fails(void *plat, uint32_t agent_id, uint32_t id, uint32_t *v)
{
	(void)plat;
	(void)agent_id;
	(void)id;
	(void)v;
	return SCMI_HARDWARE_ERROR;
}

/* CAP_GET and PAI_GET of a zone whose op fails: the platform's status, alone. */
static void test_powercap_value_get_fails(void **state)
{
	struct edges_fx *f = *state;
	struct scmi_server_platform_ops ops;
	struct scmi_server_powercap_ops pcap;
	const uint32_t zone = 0;

	real_pcap = EDGES_SWAP(&ops, powercap, &pcap);
	pcap.cap_get = value_get_fails;
	pcap.pai_get = value_get_fails;
	scmi_server_init(&f->srv, &ops, f->p);
	assert_int_equal(edges_call(f, SCMI_PROTOCOL_POWERCAP, SCMI_MSG_POWERCAP_CAP_GET, &zone, 1),
			 SCMI_HARDWARE_ERROR);
	assert_int_equal(f->len, 4);
	assert_int_equal(edges_call(f, SCMI_PROTOCOL_POWERCAP, SCMI_MSG_POWERCAP_PAI_GET, &zone, 1),
			 SCMI_HARDWARE_ERROR);
	assert_int_equal(f->len, 4);
}

/*
 * A synchronous CAP_SET and PAI_SET that succeed answer the status alone: the zone and value
 * words belong to the delayed response of an asynchronous one.
 */
static void test_powercap_set_sync_reply(void **state)
{
	struct edges_fx *f = *state;
	const uint32_t zone = 0;
	uint32_t args[3] = {0, 0, 0};

	scmi_server_init(&f->srv, sim_platform_ops(), f->p);
	assert_int_equal(edges_call(f, SCMI_PROTOCOL_POWERCAP, SCMI_MSG_POWERCAP_CAP_GET, &zone, 1),
			 SCMI_SUCCESS);
	args[2] = scmi_get_le32(f->rsp + 4);
	assert_int_equal(edges_call(f, SCMI_PROTOCOL_POWERCAP, SCMI_MSG_POWERCAP_CAP_SET, args, 3),
			 SCMI_SUCCESS);
	assert_int_equal(f->len, 4);
	assert_int_equal(edges_call(f, SCMI_PROTOCOL_POWERCAP, SCMI_MSG_POWERCAP_PAI_GET, &zone, 1),
			 SCMI_SUCCESS);
	args[2] = scmi_get_le32(f->rsp + 4);
	assert_int_equal(edges_call(f, SCMI_PROTOCOL_POWERCAP, SCMI_MSG_POWERCAP_PAI_SET, args, 3),
			 SCMI_SUCCESS);
	assert_int_equal(f->len, 4);
}

/*
 * The platform's info, with cap notifications, no measurement notifications, and fast
 * channels on zone 0 alone.
 */
static int32_t info_cap_notify_fc0(void *plat, uint32_t agent_id, uint32_t id,
				   struct scmi_server_powercap_info *info)
{
	int32_t st = real_pcap->info(plat, agent_id, id, info);

	info->cap_notify = true;
	info->meas_notify = false;
	info->fastchannels = id == 0;
	return st;
}

/* How many times the notify op below was called. */
static unsigned int notify_calls;

static int32_t counting_notify(void *plat, uint32_t agent_id, uint32_t id, uint32_t event,
			       bool enable, uint32_t low, uint32_t high)
{
	(void)plat;
	(void)agent_id;
	(void)id;
	(void)event;
	(void)enable;
	(void)low;
	(void)high;
	notify_calls++;
	return SCMI_SUCCESS;
}

/*
 * CAP_NOTIFY is judged on the zone's cap notifications and MEASUREMENTS_NOTIFY on its
 * measurement notifications, each on its own: a zone with the first and not the second
 * subscribes to caps (the platform asked) and refuses measurements NOT_SUPPORTED (not asked).
 */
static void test_powercap_notify_each_its_own(void **state)
{
	struct edges_fx *f = *state;
	struct scmi_server_platform_ops ops;
	struct scmi_server_powercap_ops pcap;
	const uint32_t cap[2] = {0, 1};
	const uint32_t meas[4] = {0, 1, 0, 100};

	real_pcap = EDGES_SWAP(&ops, powercap, &pcap);
	pcap.info = info_cap_notify_fc0;
	pcap.notify = counting_notify;
	scmi_server_init(&f->srv, &ops, f->p);
	notify_calls = 0;
	assert_int_equal(
	    edges_call(f, SCMI_PROTOCOL_POWERCAP, SCMI_MSG_POWERCAP_CAP_NOTIFY, cap, 2),
	    SCMI_SUCCESS);
	assert_int_equal(notify_calls, 1);
	assert_int_equal(
	    edges_call(f, SCMI_PROTOCOL_POWERCAP, SCMI_MSG_POWERCAP_MEASUREMENTS_NOTIFY, meas, 4),
	    SCMI_NOT_SUPPORTED);
	assert_int_equal(notify_calls, 1);
}

/* A fastchannel op that fails. */
// NOLINTNEXTLINE(readability-non-const-parameter): the op's signature; it writes nothing
static int32_t fastchannel_fails(void *plat, uint32_t agent_id, uint32_t id, uint32_t msg_id,
				 struct scmi_server_fastchannel *out)
{
	(void)plat;
	(void)agent_id;
	(void)id;
	(void)msg_id;
	(void)out;
	return SCMI_HARDWARE_ERROR;
}

/*
 * With fast channels on zone 0 alone: PROTOCOL_MESSAGE_ATTRIBUTES of CAP_GET says a zone has
 * one (zone 0 is looked at too), and DESCRIBE_FASTCHANNEL of zone 0 whose op fails is the
 * platform's status alone.
 */
static void test_powercap_fastchannel_zone0(void **state)
{
	struct edges_fx *f = *state;
	struct scmi_server_platform_ops ops;
	struct scmi_server_powercap_ops pcap;
	const uint32_t msg = SCMI_MSG_POWERCAP_CAP_GET;
	const uint32_t describe[2] = {0, SCMI_MSG_POWERCAP_CAP_GET};

	real_pcap = EDGES_SWAP(&ops, powercap, &pcap);
	pcap.info = info_cap_notify_fc0;
	pcap.fastchannel = fastchannel_fails;
	scmi_server_init(&f->srv, &ops, f->p);
	assert_int_equal(
	    edges_call(f, SCMI_PROTOCOL_POWERCAP, SCMI_MSG_PROTOCOL_MESSAGE_ATTRIBUTES, &msg, 1),
	    SCMI_SUCCESS);
	assert_int_equal(scmi_get_le32(f->rsp + 4), SCMI_POWERCAP_MSG_ATTR_FASTCHANNEL);
	assert_int_equal(edges_call(f, SCMI_PROTOCOL_POWERCAP,
				    SCMI_MSG_POWERCAP_DESCRIBE_FASTCHANNEL, describe, 2),
			 SCMI_HARDWARE_ERROR);
	assert_int_equal(f->len, 4);
}

/* --- Reset -------------------------------------------------------------------------------- */

/* An info op that gives a short name of exactly 15 characters and nothing else. */
static int32_t reset_info_name_only(void *plat, uint32_t agent_id, uint32_t id,
				    struct scmi_server_reset_info *info)
{
	(void)plat;
	(void)agent_id;
	(void)id;
	memset(info->name, 'r', SCMI_SHORT_NAME_SIZE - 1);
	info->name[SCMI_SHORT_NAME_SIZE - 1] = '\0';
	return SCMI_SUCCESS;
}

/*
 * A reset domain whose platform gives its short name alone, 15 characters, its field's
 * longest: DOMAIN_ATTRIBUTES shows every character, no notifications and a latency of 0 (what
 * the platform left unwritten reads), and DOMAIN_NAME_GET the short name (no long one given).
 */
static void test_reset_name_only(void **state)
{
	struct edges_fx *f = *state;
	struct scmi_server_platform_ops ops;
	struct scmi_server_reset_ops reset;
	const uint32_t domain = 0;
	size_t i;

	(void)EDGES_SWAP(&ops, reset, &reset);
	reset.info = reset_info_name_only;
	scmi_server_init(&f->srv, &ops, f->p);
	assert_int_equal(
	    edges_call(f, SCMI_PROTOCOL_RESET, SCMI_MSG_RESET_DOMAIN_ATTRIBUTES, &domain, 1),
	    SCMI_SUCCESS);
	assert_int_equal(f->len, 12 + SCMI_SHORT_NAME_SIZE);
	assert_int_equal(scmi_get_le32(f->rsp + 4) & SCMI_RESET_ATTR_NOTIFY, 0);
	assert_int_equal(scmi_get_le32(f->rsp + 8), 0);
	for (i = 0; i < SCMI_SHORT_NAME_SIZE - 1; i++)
		assert_int_equal(f->rsp[12 + i], 'r');
	assert_int_equal(f->rsp[12 + SCMI_SHORT_NAME_SIZE - 1], 0);

	assert_int_equal(
	    edges_call(f, SCMI_PROTOCOL_RESET, SCMI_MSG_RESET_DOMAIN_NAME_GET, &domain, 1),
	    SCMI_SUCCESS);
	assert_int_equal(f->len, 8 + SCMI_EXT_NAME_SIZE);
	for (i = 0; i < SCMI_SHORT_NAME_SIZE - 1; i++)
		assert_int_equal(f->rsp[8 + i], 'r');
	for (; i < SCMI_EXT_NAME_SIZE; i++)
		assert_int_equal(f->rsp[8 + i], 0);
}

/* --- System power ------------------------------------------------------------------------- */

/* The states the system op below says the platform supports. */
static uint32_t system_states;

static uint32_t supported_states(void *plat)
{
	(void)plat;
	return system_states;
}

/*
 * PROTOCOL_MESSAGE_ATTRIBUTES of SYSTEM_POWER_STATE_SET: the warm reset bit says warm reset,
 * and nothing else, is supported (its neighbours, cold reset and power up, apart).
 */
static void test_system_warm_reset_attribute(void **state)
{
	struct edges_fx *f = *state;
	struct scmi_server_platform_ops ops;
	struct scmi_server_system_ops sys;
	const uint32_t msg = SCMI_MSG_SYSTEM_POWER_STATE_SET;

	(void)EDGES_SWAP(&ops, system, &sys);
	sys.supported = supported_states;
	scmi_server_init(&f->srv, &ops, f->p);
	system_states = 1u << SCMI_SYSTEM_STATE_WARM_RESET;
	assert_int_equal(
	    edges_call(f, SCMI_PROTOCOL_SYSTEM, SCMI_MSG_PROTOCOL_MESSAGE_ATTRIBUTES, &msg, 1),
	    SCMI_SUCCESS);
	assert_int_equal(scmi_get_le32(f->rsp + 4), SCMI_SYSTEM_ATTR_WARM_RESET);
	system_states = 1u << SCMI_SYSTEM_STATE_COLD_RESET | 1u << SCMI_SYSTEM_STATE_POWER_UP;
	assert_int_equal(
	    edges_call(f, SCMI_PROTOCOL_SYSTEM, SCMI_MSG_PROTOCOL_MESSAGE_ATTRIBUTES, &msg, 1),
	    SCMI_SUCCESS);
	assert_int_equal(scmi_get_le32(f->rsp + 4), 0);
}

/* --- Voltage ------------------------------------------------------------------------------ */

static const struct scmi_server_voltage_ops *real_volt;

/* The first level of voltage domain 0, as the platform gives it to the agent on channel 0. */
static int32_t volt_first_level(struct edges_fx *f)
{
	uint32_t me;
	int32_t lo;

	assert_true(sim_platform_ops()->channel_agent(f->p, 0, &me));
	assert_int_equal(sim_platform_ops()->voltage->level_at(f->p, me, 0, 0, &lo), SCMI_SUCCESS);
	return lo;
}

/* The platform's info, with a short name of 16 characters and no NUL, and no long name. */
static int32_t volt_info_short_unended(void *plat, uint32_t agent_id, uint32_t id,
				       struct scmi_server_voltage_info *info)
{
	int32_t st = real_volt->info(plat, agent_id, id, info);

	memset(info->name, 'v', sizeof(info->name));
	memset(info->ext_name, 0, sizeof(info->ext_name));
	return st;
}

/*
 * DOMAIN_ATTRIBUTES of a voltage domain whose short name fills its field without a NUL: the
 * first 15 characters, then the NUL the server puts in the last byte.
 */
static void test_voltage_short_name_unended(void **state)
{
	struct edges_fx *f = *state;
	struct scmi_server_platform_ops ops;
	struct scmi_server_voltage_ops volt;
	const uint32_t domain = 0;
	size_t i;

	real_volt = EDGES_SWAP(&ops, voltage, &volt);
	volt.info = volt_info_short_unended;
	scmi_server_init(&f->srv, &ops, f->p);
	assert_int_equal(
	    edges_call(f, SCMI_PROTOCOL_VOLTAGE, SCMI_MSG_VOLTAGE_DOMAIN_ATTRIBUTES, &domain, 1),
	    SCMI_SUCCESS);
	assert_int_equal(f->len, 8 + SCMI_SHORT_NAME_SIZE);
	for (i = 0; i < SCMI_SHORT_NAME_SIZE - 1; i++)
		assert_int_equal(f->rsp[8 + i], 'v');
	assert_int_equal(f->rsp[8 + SCMI_SHORT_NAME_SIZE - 1], 0);
}

/* The platform's info, with a long name of one character. */
static int32_t volt_info_ext_one(void *plat, uint32_t agent_id, uint32_t id,
				 struct scmi_server_voltage_info *info)
{
	int32_t st = real_volt->info(plat, agent_id, id, info);

	memset(info->ext_name, 0, sizeof(info->ext_name));
	info->ext_name[0] = 'x';
	return st;
}

/* DOMAIN_NAME_GET of a domain whose long name is one character: that name, not the short. */
static void test_voltage_ext_name_one_char(void **state)
{
	struct edges_fx *f = *state;
	struct scmi_server_platform_ops ops;
	struct scmi_server_voltage_ops volt;
	const uint32_t domain = 0;

	real_volt = EDGES_SWAP(&ops, voltage, &volt);
	volt.info = volt_info_ext_one;
	scmi_server_init(&f->srv, &ops, f->p);
	assert_int_equal(
	    edges_call(f, SCMI_PROTOCOL_VOLTAGE, SCMI_MSG_VOLTAGE_DOMAIN_NAME_GET, &domain, 1),
	    SCMI_SUCCESS);
	assert_int_equal(f->rsp[8], 'x');
	assert_int_equal(f->rsp[9], 0);
}

/* The platform's info, made a segment. */
static int32_t volt_info_segment(void *plat, uint32_t agent_id, uint32_t id,
				 struct scmi_server_voltage_info *info)
{
	int32_t st = real_volt->info(plat, agent_id, id, info);

	info->segmented = true;
	return st;
}

/*
 * DESCRIBE_LEVELS of a segment in a reply with room for two of its three levels:
 * PROTOCOL_ERROR, a segment is never split; with room for the three, the whole segment.
 */
static void test_voltage_segment_no_room(void **state)
{
	struct edges_fx *f = *state;
	struct scmi_server_platform_ops ops;
	struct scmi_server_voltage_ops volt;
	const uint32_t hdr =
	    scmi_hdr_make(SCMI_PROTOCOL_VOLTAGE, SCMI_MSG_VOLTAGE_DESCRIBE_LEVELS, 0, 1);
	uint8_t in[8] = {0};

	real_volt = EDGES_SWAP(&ops, voltage, &volt);
	volt.info = volt_info_segment;
	scmi_server_init(&f->srv, &ops, f->p);
	/* The status, the flags and two levels. */
	f->len = scmi_server_process_raw(&f->srv, 0, hdr, in, sizeof(in), f->rsp, 16);
	assert_int_equal(f->len, 4);
	assert_int_equal(scmi_get_le32(f->rsp), (uint32_t)SCMI_PROTOCOL_ERROR);
	f->len = scmi_server_process_raw(&f->srv, 0, hdr, in, sizeof(in), f->rsp, 20);
	assert_int_equal(scmi_get_le32(f->rsp), SCMI_SUCCESS);
	assert_int_equal(f->len, 20);
	assert_int_equal(scmi_get_le32(f->rsp + 4) & SCMI_VOLTAGE_LEVELS_RETURNED_MAX, 3);
}

/* CONFIG_SET of a valid mode on a platform without the op: NOT_SUPPORTED. */
static void test_voltage_config_set_no_op(void **state)
{
	struct edges_fx *f = *state;
	struct scmi_server_platform_ops ops;
	struct scmi_server_voltage_ops volt;
	const uint32_t args[2] = {0, SCMI_VOLTAGE_CONFIG_ON};

	(void)EDGES_SWAP(&ops, voltage, &volt);
	volt.config_set = NULL;
	scmi_server_init(&f->srv, &ops, f->p);
	assert_int_equal(edges_call(f, SCMI_PROTOCOL_VOLTAGE, SCMI_MSG_VOLTAGE_CONFIG_SET, args, 2),
			 SCMI_NOT_SUPPORTED);
	assert_int_equal(f->len, 4);
}

/* A level_at op that fails. */
// NOLINTBEGIN(readability-non-const-parameter): the op's signature; it writes nothing
static int32_t level_at_fails(void *plat, uint32_t agent_id, uint32_t id, uint32_t index,
			      int32_t *uv)
{
	(void)plat;
	(void)agent_id;
	(void)id;
	(void)index;
	(void)uv;
	return SCMI_HARDWARE_ERROR;
}
// NOLINTEND(readability-non-const-parameter)

/* The platform's level_at, failing on index 2 (a segment's step). */
static int32_t level_at_no_step(void *plat, uint32_t agent_id, uint32_t id, uint32_t index,
				int32_t *uv)
{
	if (index == 2)
		return SCMI_HARDWARE_ERROR;
	return real_volt->level_at(plat, agent_id, id, index, uv);
}

/* How many times the level_set op below was called. */
static unsigned int level_set_calls;

static int32_t counting_level_set(void *plat, uint32_t agent_id, uint32_t id, int32_t uv)
{
	(void)plat;
	(void)agent_id;
	(void)id;
	(void)uv;
	level_set_calls++;
	return SCMI_SUCCESS;
}

/*
 * LEVEL_SET on a domain whose levels the platform fails to give: its status, and the level is
 * never set (the server cannot tell whether it is one of the domain's).
 */
static void test_voltage_level_set_levels_fail(void **state)
{
	struct edges_fx *f = *state;
	struct scmi_server_platform_ops ops;
	struct scmi_server_voltage_ops volt;
	const uint32_t args[3] = {0, 0, 800000};

	(void)EDGES_SWAP(&ops, voltage, &volt);
	volt.level_at = level_at_fails;
	volt.level_set = counting_level_set;
	scmi_server_init(&f->srv, &ops, f->p);
	level_set_calls = 0;
	assert_int_equal(edges_call(f, SCMI_PROTOCOL_VOLTAGE, SCMI_MSG_VOLTAGE_LEVEL_SET, args, 3),
			 SCMI_HARDWARE_ERROR);
	assert_int_equal(f->len, 4);
	assert_int_equal(level_set_calls, 0);
}

/* A segment from 1000 to 2000 uV in steps of 1 uV. */
static int32_t level_at_step_one(void *plat, uint32_t agent_id, uint32_t id, uint32_t index,
				 int32_t *uv)
{
	static const int32_t segment[3] = {1000, 2000, 1};

	(void)plat;
	(void)agent_id;
	(void)id;
	if (index >= 3)
		return SCMI_INVALID_PARAMETERS;
	*uv = segment[index];
	return SCMI_SUCCESS;
}

/*
 * LEVEL_SET on a segment whose step is 1 uV: every level between its ends is one (a step of
 * 0 would allow the minimum alone).
 */
static void test_voltage_level_set_step_one(void **state)
{
	struct edges_fx *f = *state;
	struct scmi_server_platform_ops ops;
	struct scmi_server_voltage_ops volt;
	const uint32_t args[3] = {0, 0, 1001};

	real_volt = EDGES_SWAP(&ops, voltage, &volt);
	volt.info = volt_info_segment;
	volt.level_at = level_at_step_one;
	volt.level_set = counting_level_set;
	scmi_server_init(&f->srv, &ops, f->p);
	level_set_calls = 0;
	assert_int_equal(edges_call(f, SCMI_PROTOCOL_VOLTAGE, SCMI_MSG_VOLTAGE_LEVEL_SET, args, 3),
			 SCMI_SUCCESS);
	assert_int_equal(level_set_calls, 1);
}

/*
 * LEVEL_SET of a segment's minimum on a domain whose step the platform fails to give: its
 * status, the level never set.
 */
static void test_voltage_level_set_step_fails(void **state)
{
	struct edges_fx *f = *state;
	struct scmi_server_platform_ops ops;
	struct scmi_server_voltage_ops volt;
	uint32_t args[3] = {0, 0, 0};

	real_volt = EDGES_SWAP(&ops, voltage, &volt);
	volt.info = volt_info_segment;
	volt.level_at = level_at_no_step;
	volt.level_set = counting_level_set;
	scmi_server_init(&f->srv, &ops, f->p);
	args[2] = (uint32_t)volt_first_level(f);
	level_set_calls = 0;
	assert_int_equal(edges_call(f, SCMI_PROTOCOL_VOLTAGE, SCMI_MSG_VOLTAGE_LEVEL_SET, args, 3),
			 SCMI_HARDWARE_ERROR);
	assert_int_equal(f->len, 4);
	assert_int_equal(level_set_calls, 0);
}

/*
 * LEVEL_SET of one of the domain's levels on a platform without the op: NOT_SUPPORTED, after
 * the level was found to be one.
 */
static void test_voltage_level_set_no_op(void **state)
{
	struct edges_fx *f = *state;
	struct scmi_server_platform_ops ops;
	struct scmi_server_voltage_ops volt;
	uint32_t args[3] = {0, 0, 0};

	(void)EDGES_SWAP(&ops, voltage, &volt);
	volt.level_set = NULL;
	scmi_server_init(&f->srv, &ops, f->p);
	args[2] = (uint32_t)volt_first_level(f);
	assert_int_equal(edges_call(f, SCMI_PROTOCOL_VOLTAGE, SCMI_MSG_VOLTAGE_LEVEL_SET, args, 3),
			 SCMI_NOT_SUPPORTED);
	assert_int_equal(f->len, 4);
}

/*
 * An asynchronous LEVEL_SET on a channel with a P2A path: SUCCESS now, then the delayed
 * response (domain and level: the one asked, with no level_get op) with no latency, since the
 * platform gives none for a level.
 */
static void test_voltage_async_level_set_latency(void **state)
{
	struct edges_fx *f = *state;
	struct scmi_server_platform_ops ops;
	struct scmi_server_voltage_ops volt;
	struct scmi_server_delayed d;
	uint8_t in[12], out[64];
	int32_t lo;

	(void)EDGES_SWAP(&ops, voltage, &volt);
	volt.level_set = counting_level_set;
	volt.level_get = NULL;
	scmi_server_init(&f->srv, &ops, f->p);
	lo = volt_first_level(f);
	scmi_server_set_p2a(&f->srv, &edges_p2a, NULL);
	scmi_put_le32(in, 0);
	scmi_put_le32(in + 4, SCMI_VOLTAGE_LEVEL_SET_ASYNC);
	scmi_put_le32(in + 8, (uint32_t)lo);
	memset(&d, 0xa5, sizeof(d));
	assert_int_equal(scmi_server_process_p2a(
			     &f->srv, 0,
			     scmi_hdr_make(SCMI_PROTOCOL_VOLTAGE, SCMI_MSG_VOLTAGE_LEVEL_SET, 0, 1),
			     in, sizeof(in), out, sizeof(out), &d),
			 4);
	assert_int_equal(scmi_get_le32(out), SCMI_SUCCESS);
	assert_true(d.pending);
	assert_int_equal(d.latency_us, 0);
	assert_int_equal(d.len, 12);
	assert_int_equal(scmi_get_le32(d.payload), SCMI_SUCCESS);
	assert_int_equal(scmi_get_le32(d.payload + 4), 0);
	assert_int_equal(scmi_get_le32(d.payload + 8), (uint32_t)lo);
}

/* A config_get op that succeeds without giving the mode. */
// NOLINTNEXTLINE(readability-non-const-parameter): the op's signature; it writes nothing
static int32_t config_get_unwritten(void *plat, uint32_t agent_id, uint32_t id, uint32_t *config)
{
	(void)plat;
	(void)agent_id;
	(void)id;
	(void)config;
	return SCMI_SUCCESS;
}

/* CONFIG_GET of a domain whose platform gives no mode: 0 (off), what the unwritten field reads. */
static void test_voltage_config_get_unwritten(void **state)
{
	struct edges_fx *f = *state;
	struct scmi_server_platform_ops ops;
	struct scmi_server_voltage_ops volt;
	const uint32_t domain = 0;

	(void)EDGES_SWAP(&ops, voltage, &volt);
	volt.config_get = config_get_unwritten;
	scmi_server_init(&f->srv, &ops, f->p);
	assert_int_equal(
	    edges_call(f, SCMI_PROTOCOL_VOLTAGE, SCMI_MSG_VOLTAGE_CONFIG_GET, &domain, 1),
	    SCMI_SUCCESS);
	assert_int_equal(f->len, 8);
	assert_int_equal(scmi_get_le32(f->rsp + 4), SCMI_VOLTAGE_CONFIG_OFF);
}

/* A list twice what the 16-bit remaining field counts, 10 uV apart from 500000 uV. */
#define LONG_LIST_LEVELS (2u * (SCMI_VOLTAGE_LEVELS_REMAINING_MAX + 1u))

static int32_t long_list_level(uint32_t index)
{
	return 500000 + 10 * (int32_t)index;
}

static int32_t volt_info_long_list(void *plat, uint32_t agent_id, uint32_t id,
				   struct scmi_server_voltage_info *info)
{
	int32_t st = real_volt->info(plat, agent_id, id, info);

	info->segmented = false;
	info->num_levels = LONG_LIST_LEVELS;
	return st;
}

static int32_t level_at_long_list(void *plat, uint32_t agent_id, uint32_t id, uint32_t index,
				  int32_t *uv)
{
	(void)plat;
	(void)agent_id;
	(void)id;
	if (index >= LONG_LIST_LEVELS)
		return SCMI_INVALID_PARAMETERS;
	*uv = long_list_level(index);
	return SCMI_SUCCESS;
}

/* The last level set (counting_level_set() counts the calls). */
static int32_t level_set_uv;

static int32_t recording_level_set(void *plat, uint32_t agent_id, uint32_t id, int32_t uv)
{
	level_set_uv = uv;
	return counting_level_set(plat, agent_id, id, uv);
}

/* The voltage ops of a platform whose domains list more levels than 16 bits count. */
static void volt_long_list(struct edges_fx *f, struct scmi_server_platform_ops *ops,
			   struct scmi_server_voltage_ops *volt)
{
	real_volt = EDGES_SWAP(ops, voltage, volt);
	volt->info = volt_info_long_list;
	volt->level_at = level_at_long_list;
	volt->level_set = recording_level_set;
	scmi_server_init(&f->srv, ops, f->p);
}

/*
 * DESCRIBE_LEVELS of a list longer than its 16-bit remaining field counts: GENERIC_ERROR for a
 * page after which more remain than the field holds (the platform's list is at fault, as
 * clock and perf answer), never a count cut to fit; a page late enough is answered whole.
 */
static void test_voltage_levels_past_16_bits(void **state)
{
	struct edges_fx *f = *state;
	struct scmi_server_platform_ops ops;
	struct scmi_server_voltage_ops volt;
	const uint32_t hdr =
	    scmi_hdr_make(SCMI_PROTOCOL_VOLTAGE, SCMI_MSG_VOLTAGE_DESCRIBE_LEVELS, 0, 1);
	uint8_t in[8] = {0};
	uint32_t args[2] = {0, 0};
	uint32_t flags;

	volt_long_list(f, &ops, &volt);
	assert_int_equal(
	    edges_call(f, SCMI_PROTOCOL_VOLTAGE, SCMI_MSG_VOLTAGE_DESCRIBE_LEVELS, args, 2),
	    SCMI_GENERIC_ERROR);
	assert_int_equal(f->len, 4);

	/* One level a page: 0xffff may remain after it, 0x10000 not. */
	scmi_put_le32(in + 4, LONG_LIST_LEVELS - 1 - SCMI_VOLTAGE_LEVELS_REMAINING_MAX);
	f->len = scmi_server_process_raw(&f->srv, 0, hdr, in, sizeof(in), f->rsp, 12);
	assert_int_equal(scmi_get_le32(f->rsp), SCMI_SUCCESS);
	assert_int_equal(scmi_get_le32(f->rsp + 4) >> SCMI_VOLTAGE_LEVELS_REMAINING_SHIFT,
			 SCMI_VOLTAGE_LEVELS_REMAINING_MAX);
	scmi_put_le32(in + 4, LONG_LIST_LEVELS - 2 - SCMI_VOLTAGE_LEVELS_REMAINING_MAX);
	f->len = scmi_server_process_raw(&f->srv, 0, hdr, in, sizeof(in), f->rsp, 12);
	assert_int_equal(scmi_get_le32(f->rsp), (uint32_t)SCMI_GENERIC_ERROR);
	assert_int_equal(f->len, 4);

	/* The last two levels, past index 0xffff: there, nothing remains. */
	args[1] = LONG_LIST_LEVELS - 2;
	assert_int_equal(
	    edges_call(f, SCMI_PROTOCOL_VOLTAGE, SCMI_MSG_VOLTAGE_DESCRIBE_LEVELS, args, 2),
	    SCMI_SUCCESS);
	assert_int_equal(f->len, 16);
	flags = scmi_get_le32(f->rsp + 4);
	assert_int_equal(flags & SCMI_VOLTAGE_LEVELS_RETURNED_MAX, 2);
	assert_int_equal(flags >> SCMI_VOLTAGE_LEVELS_REMAINING_SHIFT, 0);
	assert_int_equal((int32_t)scmi_get_le32(f->rsp + 8), long_list_level(args[1]));
	assert_int_equal((int32_t)scmi_get_le32(f->rsp + 12), long_list_level(args[1] + 1));

	/* Past the end: OUT_OF_RANGE, as for any list. */
	args[1] = LONG_LIST_LEVELS;
	assert_int_equal(
	    edges_call(f, SCMI_PROTOCOL_VOLTAGE, SCMI_MSG_VOLTAGE_DESCRIBE_LEVELS, args, 2),
	    SCMI_OUT_OF_RANGE);
}

/*
 * LEVEL_SET to the last level of a list longer than 16 bits count: one of the domain's levels,
 * set; one step above it, OUT_OF_RANGE.
 */
static void test_voltage_level_set_past_16_bits(void **state)
{
	struct edges_fx *f = *state;
	struct scmi_server_platform_ops ops;
	struct scmi_server_voltage_ops volt;
	uint32_t args[3] = {0, 0, (uint32_t)long_list_level(LONG_LIST_LEVELS - 1)};

	volt_long_list(f, &ops, &volt);
	level_set_calls = 0;
	assert_int_equal(edges_call(f, SCMI_PROTOCOL_VOLTAGE, SCMI_MSG_VOLTAGE_LEVEL_SET, args, 3),
			 SCMI_SUCCESS);
	assert_int_equal(level_set_calls, 1);
	assert_int_equal(level_set_uv, long_list_level(LONG_LIST_LEVELS - 1));

	args[2] = (uint32_t)long_list_level(LONG_LIST_LEVELS);
	assert_int_equal(edges_call(f, SCMI_PROTOCOL_VOLTAGE, SCMI_MSG_VOLTAGE_LEVEL_SET, args, 3),
			 SCMI_OUT_OF_RANGE);
	assert_int_equal(level_set_calls, 1);
}

/* --- Sensor ------------------------------------------------------------------------------- */

static const struct scmi_server_sensor_ops *real_sensor;

/* The platform's info, without extended attributes. */
static int32_t sensor_info_no_ext(void *plat, uint32_t agent_id, uint32_t id,
				  struct scmi_server_sensor_info *info)
{
	int32_t st = real_sensor->info(plat, agent_id, id, info);

	info->ext_attrs = false;
	return st;
}

/*
 * DESCRIPTION_GET of sensors without extended attributes in a reply with room for exactly two
 * base descriptors: both, each of the base size; one byte less, one.
 */
static void test_sensor_descriptions_exact_room(void **state)
{
	struct edges_fx *f = *state;
	struct scmi_server_platform_ops ops;
	struct scmi_server_sensor_ops sensor;
	const uint32_t hdr =
	    scmi_hdr_make(SCMI_PROTOCOL_SENSOR, SCMI_MSG_SENSOR_DESCRIPTION_GET, 0, 1);
	const size_t two = 8 + 2 * SCMI_SENSOR_DESC_BASE_SIZE;
	uint8_t in[4] = {0};

	real_sensor = EDGES_SWAP(&ops, sensor, &sensor);
	sensor.info = sensor_info_no_ext;
	scmi_server_init(&f->srv, &ops, f->p);
	f->len = scmi_server_process_raw(&f->srv, 0, hdr, in, sizeof(in), f->rsp, two);
	assert_int_equal(scmi_get_le32(f->rsp), SCMI_SUCCESS);
	assert_int_equal(f->len, two);
	assert_int_equal(SCMI_SENSOR_DESCS_RETURNED(scmi_get_le32(f->rsp + 4)), 2);
	f->len = scmi_server_process_raw(&f->srv, 0, hdr, in, sizeof(in), f->rsp, two - 1);
	assert_int_equal(scmi_get_le32(f->rsp), SCMI_SUCCESS);
	assert_int_equal(f->len, 8 + SCMI_SENSOR_DESC_BASE_SIZE);
	assert_int_equal(SCMI_SENSOR_DESCS_RETURNED(scmi_get_le32(f->rsp + 4)), 1);
}

/* The platform's info, single-axis and without timestamps. */
static int32_t sensor_info_plain(void *plat, uint32_t agent_id, uint32_t id,
				 struct scmi_server_sensor_info *info)
{
	int32_t st = real_sensor->info(plat, agent_id, id, info);

	info->num_axes = 0;
	info->timestamped = false;
	return st;
}

/* A read op that succeeds and gives no reading at all (neither a count nor a value). */
// NOLINTBEGIN(readability-non-const-parameter): the op's signature; it writes nothing
static int32_t read_nothing(void *plat, uint32_t agent_id, uint32_t id,
			    struct scmi_server_sensor_reading *r, uint32_t max, uint32_t *n)
{
	(void)plat;
	(void)agent_id;
	(void)id;
	(void)r;
	(void)max;
	(void)n;
	return SCMI_SUCCESS;
}
// NOLINTEND(readability-non-const-parameter)

/* A read op that says it gave every reading asked for, and wrote none of them. */
static int32_t read_count_only(void *plat, uint32_t agent_id, uint32_t id,
			       struct scmi_server_sensor_reading *r, uint32_t max, uint32_t *n)
{
	(void)plat;
	(void)agent_id;
	(void)id;
	(void)r;
	*n = max;
	return SCMI_SUCCESS;
}

/* A read op that gives one reading with a timestamp. */
static int32_t read_stamped(void *plat, uint32_t agent_id, uint32_t id,
			    struct scmi_server_sensor_reading *r, uint32_t max, uint32_t *n)
{
	(void)plat;
	(void)agent_id;
	(void)id;
	(void)max;
	r[0].value = 42;
	r[0].timestamp = 77;
	*n = 1;
	return SCMI_SUCCESS;
}

/*
 * READING_GET of sensor 0, made single-axis and without timestamps, from a platform whose read
 * op is @read: the status, the reply in @f->rsp.
 */
static int32_t plain_reading(struct edges_fx *f,
			     int32_t (*read)(void *plat, uint32_t agent_id, uint32_t id,
					     struct scmi_server_sensor_reading *r, uint32_t max,
					     uint32_t *n))
{
	struct scmi_server_platform_ops ops;
	struct scmi_server_sensor_ops sensor;
	const uint32_t args[2] = {0, 0};

	real_sensor = EDGES_SWAP(&ops, sensor, &sensor);
	sensor.info = sensor_info_plain;
	sensor.read = read;
	scmi_server_init(&f->srv, &ops, f->p);
	return edges_call(f, SCMI_PROTOCOL_SENSOR, SCMI_MSG_SENSOR_READING_GET, args, 2);
}

/* READING_GET from a platform that succeeds and gives no reading: GENERIC_ERROR. */
static void test_sensor_reading_none_given(void **state)
{
	struct edges_fx *f = *state;

	assert_int_equal(plain_reading(f, read_nothing), SCMI_GENERIC_ERROR);
	assert_int_equal(f->len, 4);
}

/* READING_GET from a platform that claims a reading it never wrote: value 0, timestamp 0. */
static void test_sensor_reading_unwritten(void **state)
{
	struct edges_fx *f = *state;

	assert_int_equal(plain_reading(f, read_count_only), SCMI_SUCCESS);
	assert_int_equal(f->len, 4 + 16);
	assert_int_equal(scmi_get_le64(f->rsp + 4), 0);
	assert_int_equal(scmi_get_le64(f->rsp + 12), 0);
}

/*
 * READING_GET of a sensor that claims no timestamps, from a platform that gives one: the
 * value, and a timestamp of 0 (the agent was told there is none).
 */
static void test_sensor_reading_stamp_unclaimed(void **state)
{
	struct edges_fx *f = *state;

	assert_int_equal(plain_reading(f, read_stamped), SCMI_SUCCESS);
	assert_int_equal(f->len, 4 + 16);
	assert_int_equal(scmi_get_le64(f->rsp + 4), 42);
	assert_int_equal(scmi_get_le64(f->rsp + 12), 0);
}

/*
 * An asynchronous READING_GET on a channel with a P2A path: SUCCESS now, then the delayed
 * response (sensor id and the reading) with no latency, since the platform gives none.
 */
static void test_sensor_async_reading_latency(void **state)
{
	struct edges_fx *f = *state;
	struct scmi_server_platform_ops ops;
	struct scmi_server_sensor_ops sensor;
	struct scmi_server_delayed d;
	uint8_t in[8], out[64];

	real_sensor = EDGES_SWAP(&ops, sensor, &sensor);
	sensor.info = sensor_info_plain;
	sensor.read = read_stamped;
	scmi_server_init(&f->srv, &ops, f->p);
	scmi_server_set_p2a(&f->srv, &edges_p2a, NULL);
	scmi_put_le32(in, 0);
	scmi_put_le32(in + 4, SCMI_SENSOR_READ_ASYNC);
	memset(&d, 0xa5, sizeof(d));
	assert_int_equal(scmi_server_process_p2a(
			     &f->srv, 0,
			     scmi_hdr_make(SCMI_PROTOCOL_SENSOR, SCMI_MSG_SENSOR_READING_GET, 0, 1),
			     in, sizeof(in), out, sizeof(out), &d),
			 4);
	assert_int_equal(scmi_get_le32(out), SCMI_SUCCESS);
	assert_true(d.pending);
	assert_int_equal(d.latency_us, 0);
	assert_int_equal(d.len, 4 + 4 + 16);
	assert_int_equal(scmi_get_le32(d.payload), SCMI_SUCCESS);
	assert_int_equal(scmi_get_le32(d.payload + 4), 0);
	assert_int_equal(scmi_get_le64(d.payload + 8), 42);
}

/* The platform's info, with two axes and a triplet of update intervals. */
static int32_t sensor_info_axes_triplet(void *plat, uint32_t agent_id, uint32_t id,
					struct scmi_server_sensor_info *info)
{
	int32_t st = real_sensor->info(plat, agent_id, id, info);

	info->num_axes = 2;
	info->segmented = true;
	info->num_intervals = 3;
	return st;
}

/* Update intervals of 1, 2 and 3 seconds. */
static int32_t interval_seconds(void *plat, uint32_t agent_id, uint32_t id, uint32_t idx,
				struct scmi_server_sensor_interval *iv)
{
	(void)plat;
	(void)agent_id;
	(void)id;
	iv->secs = (uint16_t)(idx + 1);
	iv->exp = 0;
	return SCMI_SUCCESS;
}

/*
 * AXIS_DESCRIPTION_GET in a reply with no room past the status (not even the flags word):
 * PROTOCOL_ERROR.
 */
static void test_sensor_axes_no_room(void **state)
{
	struct edges_fx *f = *state;
	struct scmi_server_platform_ops ops;
	struct scmi_server_sensor_ops sensor;
	uint8_t in[8] = {0};

	real_sensor = EDGES_SWAP(&ops, sensor, &sensor);
	sensor.info = sensor_info_axes_triplet;
	scmi_server_init(&f->srv, &ops, f->p);
	f->len = scmi_server_process_raw(
	    &f->srv, 0,
	    scmi_hdr_make(SCMI_PROTOCOL_SENSOR, SCMI_MSG_SENSOR_AXIS_DESCRIPTION_GET, 0, 1), in,
	    sizeof(in), f->rsp, 4);
	assert_int_equal(f->len, 4);
	assert_int_equal(scmi_get_le32(f->rsp), (uint32_t)SCMI_PROTOCOL_ERROR);
}

/*
 * LIST_UPDATE_INTERVALS of a triplet in a reply with room for two of its three intervals:
 * PROTOCOL_ERROR, a triplet is never split; with room for the three, the whole triplet.
 */
static void test_sensor_triplet_no_room(void **state)
{
	struct edges_fx *f = *state;
	struct scmi_server_platform_ops ops;
	struct scmi_server_sensor_ops sensor;
	const uint32_t hdr =
	    scmi_hdr_make(SCMI_PROTOCOL_SENSOR, SCMI_MSG_SENSOR_LIST_UPDATE_INTERVALS, 0, 1);
	uint8_t in[8] = {0};

	real_sensor = EDGES_SWAP(&ops, sensor, &sensor);
	sensor.info = sensor_info_axes_triplet;
	sensor.interval = interval_seconds;
	scmi_server_init(&f->srv, &ops, f->p);
	/* The status, the flags and two intervals. */
	f->len = scmi_server_process_raw(&f->srv, 0, hdr, in, sizeof(in), f->rsp, 16);
	assert_int_equal(f->len, 4);
	assert_int_equal(scmi_get_le32(f->rsp), (uint32_t)SCMI_PROTOCOL_ERROR);
	f->len = scmi_server_process_raw(&f->srv, 0, hdr, in, sizeof(in), f->rsp, 20);
	assert_int_equal(scmi_get_le32(f->rsp), SCMI_SUCCESS);
	assert_int_equal(f->len, 20);
	assert_int_equal(SCMI_SENSOR_INTERVALS_RETURNED(scmi_get_le32(f->rsp + 4)), 3);
}

/* CONFIG_GET of a sensor on a platform without the op: NOT_SUPPORTED. */
static void test_sensor_config_get_no_op(void **state)
{
	struct edges_fx *f = *state;
	struct scmi_server_platform_ops ops;
	struct scmi_server_sensor_ops sensor;
	const uint32_t id = 0;

	(void)EDGES_SWAP(&ops, sensor, &sensor);
	sensor.config_get = NULL;
	scmi_server_init(&f->srv, &ops, f->p);
	assert_int_equal(edges_call(f, SCMI_PROTOCOL_SENSOR, SCMI_MSG_SENSOR_CONFIG_GET, &id, 1),
			 SCMI_NOT_SUPPORTED);
	assert_int_equal(f->len, 4);
}

/* A config_get op that fails. */
// NOLINTBEGIN(readability-non-const-parameter): the op's signature; it writes nothing
static int32_t config_get_fails(void *plat, uint32_t agent_id, uint32_t id,
				struct scmi_server_sensor_config *cfg)
{
	(void)plat;
	(void)agent_id;
	(void)id;
	(void)cfg;
	return SCMI_HARDWARE_ERROR;
}
// NOLINTEND(readability-non-const-parameter)

/* CONFIG_GET of a sensor whose platform fails it: the platform's status, alone. */
static void test_sensor_config_get_fails(void **state)
{
	struct edges_fx *f = *state;
	struct scmi_server_platform_ops ops;
	struct scmi_server_sensor_ops sensor;
	const uint32_t id = 0;

	(void)EDGES_SWAP(&ops, sensor, &sensor);
	sensor.config_get = config_get_fails;
	scmi_server_init(&f->srv, &ops, f->p);
	assert_int_equal(edges_call(f, SCMI_PROTOCOL_SENSOR, SCMI_MSG_SENSOR_CONFIG_GET, &id, 1),
			 SCMI_HARDWARE_ERROR);
	assert_int_equal(f->len, 4);
}

/* The configuration the config_set op below was last given. */
static struct scmi_server_sensor_config set_cfg;

static int32_t recording_config_set(void *plat, uint32_t agent_id, uint32_t id,
				    const struct scmi_server_sensor_config *cfg)
{
	(void)plat;
	(void)agent_id;
	(void)id;
	set_cfg = *cfg;
	return SCMI_SUCCESS;
}

/*
 * CONFIG_SET with the update interval's exponent field at 0x10, the 5-bit two's complement
 * -16 (the most negative), and at 0x0f (+15): the platform is given -16 and 15.
 */
static void test_sensor_config_set_exponent_ends(void **state)
{
	struct edges_fx *f = *state;
	struct scmi_server_platform_ops ops;
	struct scmi_server_sensor_ops sensor;
	uint32_t args[2] = {0, 1u << SCMI_SENSOR_CONFIG_SECS_SHIFT |
				   0x10u << SCMI_SENSOR_CONFIG_EXP_SHIFT};

	(void)EDGES_SWAP(&ops, sensor, &sensor);
	sensor.config_set = recording_config_set;
	scmi_server_init(&f->srv, &ops, f->p);
	assert_int_equal(edges_call(f, SCMI_PROTOCOL_SENSOR, SCMI_MSG_SENSOR_CONFIG_SET, args, 2),
			 SCMI_SUCCESS);
	assert_int_equal(set_cfg.interval.secs, 1);
	assert_int_equal(set_cfg.interval.exp, -16);
	args[1] = 1u << SCMI_SENSOR_CONFIG_SECS_SHIFT | 0x0fu << SCMI_SENSOR_CONFIG_EXP_SHIFT;
	assert_int_equal(edges_call(f, SCMI_PROTOCOL_SENSOR, SCMI_MSG_SENSOR_CONFIG_SET, args, 2),
			 SCMI_SUCCESS);
	assert_int_equal(set_cfg.interval.exp, 15);
}

/* The platform's info, with a long name claimed. */
static int32_t sensor_info_ext_name(void *plat, uint32_t agent_id, uint32_t id,
				    struct scmi_server_sensor_info *info)
{
	int32_t st = real_sensor->info(plat, agent_id, id, info);

	info->has_ext_name = true;
	return st;
}

/* An ext_name op that succeeds and writes nothing. */
// NOLINTNEXTLINE(readability-non-const-parameter): the op's signature; it writes nothing
static int32_t ext_name_unwritten(void *plat, uint32_t agent_id, uint32_t id, char *name)
{
	(void)plat;
	(void)agent_id;
	(void)id;
	(void)name;
	return SCMI_SUCCESS;
}

/*
 * NAME_GET of a sensor that claims a long name its platform then gives without writing it:
 * an empty name (the unwritten field reads zeros), 64 bytes of NUL.
 */
static void test_sensor_ext_name_unwritten(void **state)
{
	struct edges_fx *f = *state;
	struct scmi_server_platform_ops ops;
	struct scmi_server_sensor_ops sensor;
	const uint32_t id = 0;
	size_t i;

	real_sensor = EDGES_SWAP(&ops, sensor, &sensor);
	sensor.info = sensor_info_ext_name;
	sensor.ext_name = ext_name_unwritten;
	scmi_server_init(&f->srv, &ops, f->p);
	assert_int_equal(edges_call(f, SCMI_PROTOCOL_SENSOR, SCMI_MSG_SENSOR_NAME_GET, &id, 1),
			 SCMI_SUCCESS);
	assert_int_equal(f->len, 8 + SCMI_EXT_NAME_SIZE);
	for (i = 0; i < SCMI_EXT_NAME_SIZE; i++)
		assert_int_equal(f->rsp[8 + i], 0);
}

/* An axis_info op that fails. */
// NOLINTBEGIN(readability-non-const-parameter): the op's signature; it writes nothing
static int32_t axis_info_fails(void *plat, uint32_t agent_id, uint32_t id, uint32_t axis,
			       struct scmi_server_sensor_axis_info *a)
{
	(void)plat;
	(void)agent_id;
	(void)id;
	(void)axis;
	(void)a;
	return SCMI_HARDWARE_ERROR;
}
// NOLINTEND(readability-non-const-parameter)

/*
 * AXIS_NAME_GET of a sensor with axes the platform fails to describe: GENERIC_ERROR (the
 * sensor claimed axes it cannot name), alone.
 */
static void test_sensor_axis_names_fail(void **state)
{
	struct edges_fx *f = *state;
	struct scmi_server_platform_ops ops;
	struct scmi_server_sensor_ops sensor;
	const uint32_t args[2] = {0, 0};

	real_sensor = EDGES_SWAP(&ops, sensor, &sensor);
	sensor.info = sensor_info_axes_triplet;
	sensor.axis_info = axis_info_fails;
	scmi_server_init(&f->srv, &ops, f->p);
	assert_int_equal(
	    edges_call(f, SCMI_PROTOCOL_SENSOR, SCMI_MSG_SENSOR_AXIS_NAME_GET, args, 2),
	    SCMI_GENERIC_ERROR);
	assert_int_equal(f->len, 4);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    EDGES_TEST(test_pinctrl_attributes_count_unwritten),
	    EDGES_TEST(test_pinctrl_associations_unwritten),
	    EDGES_TEST(test_pinctrl_settings_all_count_unwritten),
	    EDGES_TEST(test_pinctrl_settings_all_type_unwritten),
	    EDGES_TEST(test_pinctrl_settings_all_with_type),
	    EDGES_TEST(test_pinctrl_settings_all_fails_part_way),
	    EDGES_TEST(test_powercap_name_unended),
	    EDGES_TEST(test_powercap_value_get_fails),
	    EDGES_TEST(test_powercap_set_sync_reply),
	    EDGES_TEST(test_powercap_notify_each_its_own),
	    EDGES_TEST(test_powercap_fastchannel_zone0),
	    EDGES_TEST(test_reset_name_only),
	    EDGES_TEST(test_system_warm_reset_attribute),
	    EDGES_TEST(test_voltage_short_name_unended),
	    EDGES_TEST(test_voltage_ext_name_one_char),
	    EDGES_TEST(test_voltage_segment_no_room),
	    EDGES_TEST(test_voltage_config_set_no_op),
	    EDGES_TEST(test_voltage_level_set_levels_fail),
	    EDGES_TEST(test_voltage_level_set_step_fails),
	    EDGES_TEST(test_voltage_level_set_step_one),
	    EDGES_TEST(test_voltage_level_set_no_op),
	    EDGES_TEST(test_voltage_async_level_set_latency),
	    EDGES_TEST(test_voltage_config_get_unwritten),
	    EDGES_TEST(test_voltage_levels_past_16_bits),
	    EDGES_TEST(test_voltage_level_set_past_16_bits),
	    EDGES_TEST(test_sensor_descriptions_exact_room),
	    EDGES_TEST(test_sensor_reading_none_given),
	    EDGES_TEST(test_sensor_reading_unwritten),
	    EDGES_TEST(test_sensor_reading_stamp_unclaimed),
	    EDGES_TEST(test_sensor_async_reading_latency),
	    EDGES_TEST(test_sensor_axes_no_room),
	    EDGES_TEST(test_sensor_triplet_no_room),
	    EDGES_TEST(test_sensor_config_get_no_op),
	    EDGES_TEST(test_sensor_config_get_fails),
	    EDGES_TEST(test_sensor_config_set_exponent_ends),
	    EDGES_TEST(test_sensor_ext_name_unwritten),
	    EDGES_TEST(test_sensor_axis_names_fail),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
