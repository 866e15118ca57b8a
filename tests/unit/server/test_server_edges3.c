// SPDX-License-Identifier: BSD-3-Clause
/*
 * Edges of the protocols' handlers a mutation run over base.c, pinctrl.c, power.c, powercap.c,
 * reset.c, sensor.c, system.c and voltage.c found unguarded: through the server over the
 * simulated default platform, with one protocol's platform ops swapped where the platform
 * must misbehave or lack something for the edge to show.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "platform/sim/sim_platform.h"
#include "scmi/proto/base.h"
#include "scmi/proto/clock.h"
#include "scmi/proto/endian.h"
#include "scmi/proto/header.h"
#include "scmi/proto/ids.h"
#include "scmi/proto/perf.h"
#include "scmi/proto/reset.h"
#include "scmi/proto/sensor.h"
#include "scmi/proto/status.h"
#include "scmi/proto/system.h"
#include "scmi/proto/voltage.h"
#include "scmi/server/base.h"
#include "scmi/server/perf.h"
#include "scmi/server/reset.h"
#include "scmi/server/sensor.h"
#include "scmi/server/server.h"
#include "scmi/server/system.h"
#include "scmi/server/voltage.h"
#include "edges_fixture.h"

/* --- Base: the permission and reset messages' platform ops --------------------------------- */

static unsigned int device_calls;
static int32_t reset_status;

static bool trusted(void *plat, uint32_t agent_id)
{
	(void)plat;
	(void)agent_id;
	return true;
}

static int32_t device_perm(void *plat, uint32_t agent_id, uint32_t device_id, bool allow)
{
	(void)plat;
	(void)agent_id;
	(void)device_id;
	(void)allow;
	device_calls++;
	return SCMI_SUCCESS;
}

static int32_t reset_agent(void *plat, uint32_t agent_id, bool reset_permissions)
{
	(void)plat;
	(void)agent_id;
	(void)reset_permissions;
	return reset_status;
}

/* The platform with @base for Base's ops; the agent on channel 0 (the caller) in *@agent_id. */
static void with_base(struct edges_fx *f, struct scmi_server_platform_ops *ops,
		      const struct scmi_server_base_ops *base, uint32_t *agent_id)
{
	*ops = *sim_platform_ops();
	ops->base = base;
	scmi_server_init(&f->srv, ops, f->p);
	assert_true(ops->channel_agent(f->p, 0, agent_id));
}

/*
 * A platform that can set a device's permissions but not a protocol's refuses
 * SET_PROTOCOL_PERMISSIONS (DENIED, exactly), and never takes it for a device's.
 */
static void test_base_protocol_permissions_without_op(void **state)
{
	static const struct scmi_server_base_ops base = {.agent_trusted = trusted,
							 .set_device_permissions = device_perm};
	struct edges_fx *f = *state;
	struct scmi_server_platform_ops ops;
	uint32_t me;

	with_base(f, &ops, &base, &me);
	device_calls = 0;
	const uint32_t proto[] = {me, 0, SCMI_PROTOCOL_CLOCK, SCMI_BASE_PERM_ALLOW};
	assert_int_equal(
	    edges_call(f, SCMI_PROTOCOL_BASE, SCMI_MSG_BASE_SET_PROTOCOL_PERMISSIONS, proto, 4),
	    SCMI_DENIED);
	assert_int_equal(f->len, 4);
	assert_int_equal(device_calls, 0);
	/* The device's own message reaches the op. */
	const uint32_t device[] = {me, 0, SCMI_BASE_PERM_ALLOW};
	assert_int_equal(
	    edges_call(f, SCMI_PROTOCOL_BASE, SCMI_MSG_BASE_SET_DEVICE_PERMISSIONS, device, 3),
	    SCMI_SUCCESS);
	assert_int_equal(device_calls, 1);
}

/* A trusted caller on a platform with neither permission op: both messages DENIED. */
static void test_base_permissions_without_ops(void **state)
{
	static const struct scmi_server_base_ops base = {.agent_trusted = trusted};
	struct edges_fx *f = *state;
	struct scmi_server_platform_ops ops;
	uint32_t me;

	with_base(f, &ops, &base, &me);
	const uint32_t device[] = {me, 0, SCMI_BASE_PERM_ALLOW};
	assert_int_equal(
	    edges_call(f, SCMI_PROTOCOL_BASE, SCMI_MSG_BASE_SET_DEVICE_PERMISSIONS, device, 3),
	    SCMI_DENIED);
	const uint32_t proto[] = {me, 0, SCMI_PROTOCOL_CLOCK, 0};
	assert_int_equal(
	    edges_call(f, SCMI_PROTOCOL_BASE, SCMI_MSG_BASE_SET_PROTOCOL_PERMISSIONS, proto, 4),
	    SCMI_DENIED);
}

/*
 * RESET_AGENT_CONFIGURATION the platform fails: its status, and the agent's negotiated
 * versions stay (they are reset only with the rest of its configuration).
 */
static void test_base_reset_agent_fails(void **state)
{
	static const struct scmi_server_base_ops base = {.agent_trusted = trusted,
							 .reset_agent = reset_agent};
	struct edges_fx *f = *state;
	struct scmi_server_platform_ops ops;
	const uint32_t v1 = SCMI_CLOCK_VERSION_1_0;
	uint32_t me;

	with_base(f, &ops, &base, &me);
	assert_int_equal(
	    edges_call(f, SCMI_PROTOCOL_CLOCK, SCMI_MSG_NEGOTIATE_PROTOCOL_VERSION, &v1, 1),
	    SCMI_SUCCESS);
	const uint32_t reset[] = {me, 0};
	reset_status = SCMI_HARDWARE_ERROR;
	assert_int_equal(
	    edges_call(f, SCMI_PROTOCOL_BASE, SCMI_MSG_BASE_RESET_AGENT_CONFIGURATION, reset, 2),
	    SCMI_HARDWARE_ERROR);
	assert_int_equal(edges_call(f, SCMI_PROTOCOL_CLOCK, SCMI_MSG_PROTOCOL_VERSION, NULL, 0),
			 SCMI_SUCCESS);
	assert_int_equal(scmi_get_le32(f->rsp + 4), SCMI_CLOCK_VERSION_1_0);
	/* Once the platform resets it, the negotiated version goes with the rest. */
	reset_status = SCMI_SUCCESS;
	assert_int_equal(
	    edges_call(f, SCMI_PROTOCOL_BASE, SCMI_MSG_BASE_RESET_AGENT_CONFIGURATION, reset, 2),
	    SCMI_SUCCESS);
	assert_int_equal(edges_call(f, SCMI_PROTOCOL_CLOCK, SCMI_MSG_PROTOCOL_VERSION, NULL, 0),
			 SCMI_SUCCESS);
	assert_int_not_equal(scmi_get_le32(f->rsp + 4), SCMI_CLOCK_VERSION_1_0);
}

/* --- Reset: names as the platform writes them, an asynchronous request on no domain -------- */

static const struct scmi_server_reset_ops *real_reset;

/* Domain 0 has a one-character extended name, domain 1 one that fills its field unterminated. */
static int32_t odd_names(void *plat, uint32_t agent_id, uint32_t id,
			 struct scmi_server_reset_info *info)
{
	int32_t st = real_reset->info(plat, agent_id, id, info);

	if (st == SCMI_SUCCESS && id == 0)
		strcpy(info->ext_name, "Z");
	if (st == SCMI_SUCCESS && id == 1)
		memset(info->ext_name, 'x', sizeof(info->ext_name));
	return st;
}

/* The platform with @reset for Reset's ops, @reset first a copy of the simulated platform's. */
static void with_reset(struct edges_fx *f, struct scmi_server_platform_ops *ops,
		       struct scmi_server_reset_ops *reset)
{
	real_reset = EDGES_SWAP(ops, reset, reset);
	scmi_server_init(&f->srv, ops, f->p);
}

/*
 * RESET_DOMAIN_NAME_GET gives the extended name whenever it has a first character (one is
 * enough), and of one the platform left unterminated, all 63 characters its field holds.
 */
static void test_reset_extended_names(void **state)
{
	struct edges_fx *f = *state;
	struct scmi_server_platform_ops ops;
	struct scmi_server_reset_ops reset;
	const uint32_t dom0 = 0, dom1 = 1;
	char want[SCMI_EXT_NAME_SIZE];

	with_reset(f, &ops, &reset);
	reset.info = odd_names;
	assert_int_equal(
	    edges_call(f, SCMI_PROTOCOL_RESET, SCMI_MSG_RESET_DOMAIN_NAME_GET, &dom0, 1),
	    SCMI_SUCCESS);
	assert_string_equal((const char *)f->rsp + 8, "Z");
	assert_int_equal(
	    edges_call(f, SCMI_PROTOCOL_RESET, SCMI_MSG_RESET_DOMAIN_NAME_GET, &dom1, 1),
	    SCMI_SUCCESS);
	memset(want, 'x', sizeof(want) - 1);
	want[sizeof(want) - 1] = '\0';
	assert_int_equal(f->len, 4 + 4 + SCMI_EXT_NAME_SIZE);
	assert_string_equal((const char *)f->rsp + 8, want);
}

/*
 * An asynchronous RESET of a domain past the agent's count (below the 16-bit bound, so the
 * count decides): NOT_FOUND, synchronously, with nothing deferred. Of the last domain it is
 * accepted and deferred; a synchronous one answers the status alone.
 */
static void test_reset_async_unknown_domain(void **state)
{
	struct edges_fx *f = *state;
	struct scmi_server_platform_ops ops;
	struct scmi_server_reset_ops reset;
	struct scmi_server_delayed d;
	uint8_t in[12], out[32];
	uint32_t me, count;

	with_reset(f, &ops, &reset);
	scmi_server_set_p2a(&f->srv, &edges_p2a, NULL);
	assert_true(ops.channel_agent(f->p, 0, &me));
	count = reset.count(f->p, me);
	assert_true(count > 0 && count < SCMI_RESET_PA_NUM_DOMAINS_MAX);
	scmi_put_le32(in, count);
	scmi_put_le32(in + 4, SCMI_RESET_FLAG_ASYNC | SCMI_RESET_FLAG_AUTONOMOUS);
	scmi_put_le32(in + 8, SCMI_RESET_STATE_COLD_RESET);
	memset(&d, 0xa5, sizeof(d));
	assert_int_equal(scmi_server_process_p2a(
			     &f->srv, 0, scmi_hdr_make(SCMI_PROTOCOL_RESET, SCMI_MSG_RESET, 0, 1),
			     in, sizeof(in), out, sizeof(out), &d),
			 4);
	assert_int_equal((int32_t)scmi_get_le32(out), SCMI_NOT_FOUND);
	assert_false(d.pending);
	/* The last domain is there: accepted, its completion deferred. */
	scmi_put_le32(in, count - 1);
	assert_int_equal(scmi_server_process_p2a(
			     &f->srv, 0, scmi_hdr_make(SCMI_PROTOCOL_RESET, SCMI_MSG_RESET, 0, 1),
			     in, sizeof(in), out, sizeof(out), &d),
			 4);
	assert_int_equal((int32_t)scmi_get_le32(out), SCMI_SUCCESS);
	assert_true(d.pending);
	/* Synchronous, its reply is the status alone: the domain id is the delayed response's. */
	scmi_put_le32(in + 4, SCMI_RESET_FLAG_AUTONOMOUS);
	memset(&d, 0xa5, sizeof(d));
	assert_int_equal(scmi_server_process_p2a(
			     &f->srv, 0, scmi_hdr_make(SCMI_PROTOCOL_RESET, SCMI_MSG_RESET, 0, 1),
			     in, sizeof(in), out, sizeof(out), &d),
			 4);
	assert_int_equal((int32_t)scmi_get_le32(out), SCMI_SUCCESS);
	assert_false(d.pending);
}

/* --- System: which states a platform supports, and whether it can set them --------------- */

static unsigned int state_set_calls;

static uint32_t cold_reset_only(void *plat)
{
	(void)plat;
	return 1u << SCMI_SYSTEM_STATE_COLD_RESET;
}

static uint32_t every_state(void *plat)
{
	(void)plat;
	return (1u << SCMI_SYSTEM_STATE_COUNT) - 1u;
}

static int32_t count_state_set(void *plat, uint32_t agent_id, uint32_t flags, uint32_t state)
{
	(void)plat;
	(void)agent_id;
	(void)flags;
	(void)state;
	state_set_calls++;
	return SCMI_SUCCESS;
}

/* SYSTEM_POWER_STATE_SET of @state (forceful) on the platform with @sys: the status. */
static int32_t system_set(struct edges_fx *f, const struct scmi_server_system_ops *sys,
			  uint32_t state)
{
	struct scmi_server_platform_ops ops = *sim_platform_ops();
	const uint32_t args[2] = {0, state};

	ops.system = sys;
	scmi_server_init(&f->srv, &ops, f->p);
	return edges_call(f, SCMI_PROTOCOL_SYSTEM, SCMI_MSG_SYSTEM_POWER_STATE_SET, args, 2);
}

/*
 * SYSTEM_POWER_STATE_SET reaches the platform only for a state it supports and only if it can
 * set states: a state outside its list, any state of a platform that lists none, and a listed
 * state of a platform without state_set are NOT_SUPPORTED, with the op never called.
 */
static void test_system_state_set_supported_only(void **state)
{
	static const struct scmi_server_system_ops cold = {.supported = cold_reset_only,
							   .state_set = count_state_set};
	static const struct scmi_server_system_ops unlisted = {.state_set = count_state_set};
	static const struct scmi_server_system_ops cannot = {.supported = every_state};
	struct edges_fx *f = *state;

	state_set_calls = 0;
	assert_int_equal(system_set(f, &cold, SCMI_SYSTEM_STATE_SHUTDOWN), SCMI_NOT_SUPPORTED);
	assert_int_equal(system_set(f, &unlisted, SCMI_SYSTEM_STATE_SHUTDOWN), SCMI_NOT_SUPPORTED);
	assert_int_equal(system_set(f, &cannot, SCMI_SYSTEM_STATE_SHUTDOWN), SCMI_NOT_SUPPORTED);
	assert_int_equal(f->len, 4);
	assert_int_equal(state_set_calls, 0);
	assert_int_equal(system_set(f, &cold, SCMI_SYSTEM_STATE_COLD_RESET), SCMI_SUCCESS);
	assert_int_equal(state_set_calls, 1);
}

/* --- Voltage: descriptions and levels as the platform gives them ------------------------- */

static const struct scmi_server_voltage_ops *real_voltage;
static int32_t level_status;

/*
 * Domain 0 described by its short name alone, a list of three levels; domain 1 with an
 * extended name filling its field unterminated; domain 2 a list of no levels; domain 3 a
 * segment. Every other field is left unwritten.
 */
static int32_t sparse_info(void *plat, uint32_t agent_id, uint32_t id,
			   struct scmi_server_voltage_info *info)
{
	(void)plat;
	(void)agent_id;
	if (id > 3)
		return SCMI_NOT_FOUND;
	strcpy(info->name, "rail");
	if (id == 1)
		memset(info->ext_name, 'x', sizeof(info->ext_name));
	if (id == 0)
		info->num_levels = 3;
	if (id == 3)
		info->segmented = true;
	return SCMI_SUCCESS;
}

/* The level in the middle of domain 0's list fails alone (HARDWARE_ERROR) when set. */
static bool middle_fails;

/*
 * Each of the three levels of domain 0, unless level_status says the platform fails; domain
 * 3's segment runs from 0.8 to 1.0 V with a step of 0.
 */
static int32_t some_level(void *plat, uint32_t agent_id, uint32_t id, uint32_t index, int32_t *uv)
{
	(void)plat;
	(void)agent_id;
	if (id == 3) {
		*uv = index == 0 ? 800000 : index == 1 ? 1000000 : 0;
		return SCMI_SUCCESS;
	}
	if (middle_fails && index == 1)
		return SCMI_HARDWARE_ERROR;
	*uv = 800000 + 100000 * (int32_t)index;
	return level_status;
}

static unsigned int level_sets;

static int32_t count_level_set(void *plat, uint32_t agent_id, uint32_t id, int32_t uv)
{
	(void)plat;
	(void)agent_id;
	(void)id;
	(void)uv;
	level_sets++;
	return SCMI_SUCCESS;
}

/* The platform with @volt for Voltage's ops, @volt first a copy of the simulated platform's. */
static void with_voltage(struct edges_fx *f, struct scmi_server_platform_ops *ops,
			 struct scmi_server_voltage_ops *volt)
{
	real_voltage = EDGES_SWAP(ops, voltage, volt);
	volt->info = sparse_info;
	volt->level_at = some_level;
	scmi_server_init(&f->srv, ops, f->p);
}

/*
 * VOLTAGE_DOMAIN_NAME_GET of a domain described by its short name alone gives that name (the
 * extended one the platform never wrote is empty, not filler), and of one whose extended name
 * fills its field unterminated, all 63 characters.
 */
static void test_voltage_names_as_written(void **state)
{
	struct edges_fx *f = *state;
	struct scmi_server_platform_ops ops;
	struct scmi_server_voltage_ops volt;
	const uint32_t dom0 = 0, dom1 = 1;
	char want[SCMI_EXT_NAME_SIZE];

	with_voltage(f, &ops, &volt);
	assert_int_equal(
	    edges_call(f, SCMI_PROTOCOL_VOLTAGE, SCMI_MSG_VOLTAGE_DOMAIN_NAME_GET, &dom0, 1),
	    SCMI_SUCCESS);
	assert_string_equal((const char *)f->rsp + 8, "rail");
	assert_int_equal(
	    edges_call(f, SCMI_PROTOCOL_VOLTAGE, SCMI_MSG_VOLTAGE_DOMAIN_NAME_GET, &dom1, 1),
	    SCMI_SUCCESS);
	memset(want, 'x', sizeof(want) - 1);
	want[sizeof(want) - 1] = '\0';
	assert_int_equal(f->len, 4 + 4 + SCMI_EXT_NAME_SIZE);
	assert_string_equal((const char *)f->rsp + 8, want);
	/* Unwritten, the segmented flag is clear: a list of three levels. */
	const uint32_t describe[2] = {0, 0};
	assert_int_equal(
	    edges_call(f, SCMI_PROTOCOL_VOLTAGE, SCMI_MSG_VOLTAGE_DESCRIBE_LEVELS, describe, 2),
	    SCMI_SUCCESS);
	assert_int_equal(scmi_get_le32(f->rsp + 4), 3);
}

/*
 * DESCRIBE_LEVELS on a platform without level_at is GENERIC_ERROR, and one whose level_at
 * fails gives its status; either alone, with no partial page.
 */
static void test_voltage_levels_fail(void **state)
{
	struct edges_fx *f = *state;
	struct scmi_server_platform_ops ops;
	struct scmi_server_voltage_ops volt;
	const uint32_t describe[2] = {0, 0};

	with_voltage(f, &ops, &volt);
	level_status = SCMI_HARDWARE_ERROR;
	assert_int_equal(
	    edges_call(f, SCMI_PROTOCOL_VOLTAGE, SCMI_MSG_VOLTAGE_DESCRIBE_LEVELS, describe, 2),
	    SCMI_HARDWARE_ERROR);
	assert_int_equal(f->len, 4);
	volt.level_at = NULL;
	assert_int_equal(
	    edges_call(f, SCMI_PROTOCOL_VOLTAGE, SCMI_MSG_VOLTAGE_DESCRIBE_LEVELS, describe, 2),
	    SCMI_GENERIC_ERROR);
	assert_int_equal(f->len, 4);
	level_status = SCMI_SUCCESS;
}

/* VOLTAGE_LEVEL_SET on a domain of no levels: no voltage is one of them, OUT_OF_RANGE. */
static void test_voltage_level_set_no_levels(void **state)
{
	struct edges_fx *f = *state;
	struct scmi_server_platform_ops ops;
	struct scmi_server_voltage_ops volt;
	const uint32_t set[3] = {2, 0, 800000};

	with_voltage(f, &ops, &volt);
	level_status = SCMI_SUCCESS;
	assert_int_equal(edges_call(f, SCMI_PROTOCOL_VOLTAGE, SCMI_MSG_VOLTAGE_LEVEL_SET, set, 3),
			 SCMI_OUT_OF_RANGE);
	assert_int_equal(f->len, 4);
}

/*
 * VOLTAGE_LEVEL_SET (synchronous) takes each level of a list, the first included, and only
 * them, with a status alone in the reply; a level the platform fails to describe on the way
 * gives its status. A segment whose step is 0 holds its lowest level only.
 */
static void test_voltage_level_set_checks(void **state)
{
	struct edges_fx *f = *state;
	struct scmi_server_platform_ops ops;
	struct scmi_server_voltage_ops volt;
	uint32_t set[3] = {0, 0, 800000};

	with_voltage(f, &ops, &volt);
	volt.level_set = count_level_set;
	level_sets = 0;
	assert_int_equal(edges_call(f, SCMI_PROTOCOL_VOLTAGE, SCMI_MSG_VOLTAGE_LEVEL_SET, set, 3),
			 SCMI_SUCCESS);
	assert_int_equal(f->len, 4);
	assert_int_equal(level_sets, 1);
	set[2] = 850000;
	assert_int_equal(edges_call(f, SCMI_PROTOCOL_VOLTAGE, SCMI_MSG_VOLTAGE_LEVEL_SET, set, 3),
			 SCMI_INVALID_PARAMETERS);
	middle_fails = true;
	set[2] = 1000000;
	assert_int_equal(edges_call(f, SCMI_PROTOCOL_VOLTAGE, SCMI_MSG_VOLTAGE_LEVEL_SET, set, 3),
			 SCMI_HARDWARE_ERROR);
	assert_int_equal(f->len, 4);
	middle_fails = false;
	assert_int_equal(level_sets, 1);
	/* The segment of step 0. */
	set[0] = 3;
	set[2] = 900000;
	assert_int_equal(edges_call(f, SCMI_PROTOCOL_VOLTAGE, SCMI_MSG_VOLTAGE_LEVEL_SET, set, 3),
			 SCMI_INVALID_PARAMETERS);
	set[2] = 800000;
	assert_int_equal(edges_call(f, SCMI_PROTOCOL_VOLTAGE, SCMI_MSG_VOLTAGE_LEVEL_SET, set, 3),
			 SCMI_SUCCESS);
	assert_int_equal(level_sets, 2);
}

/* A level op that answers SUCCESS and writes nothing. */
// NOLINTNEXTLINE(readability-non-const-parameter): the level_get op's signature
static int32_t silent_level_get(void *plat, uint32_t agent_id, uint32_t id, int32_t *uv)
{
	(void)plat;
	(void)agent_id;
	(void)id;
	(void)uv;
	return SCMI_SUCCESS;
}

/* A level the platform says it gave but never wrote reads as 0, not what the stack held. */
static void test_voltage_level_get_unwritten(void **state)
{
	struct edges_fx *f = *state;
	struct scmi_server_platform_ops ops;
	struct scmi_server_voltage_ops volt;
	const uint32_t dom = 0;

	with_voltage(f, &ops, &volt);
	volt.level_get = silent_level_get;
	assert_int_equal(edges_call(f, SCMI_PROTOCOL_VOLTAGE, SCMI_MSG_VOLTAGE_LEVEL_GET, &dom, 1),
			 SCMI_SUCCESS);
	assert_int_equal(f->len, 8);
	assert_int_equal(scmi_get_le32(f->rsp + 4), 0);
}

/* VOLTAGE_LEVEL_GET and CONFIG_GET on a platform without their op: NOT_SUPPORTED alone. */
static void test_voltage_word_get_without_ops(void **state)
{
	struct edges_fx *f = *state;
	struct scmi_server_platform_ops ops;
	struct scmi_server_voltage_ops volt;
	const uint32_t dom = 0;

	with_voltage(f, &ops, &volt);
	volt.level_get = NULL;
	volt.config_get = NULL;
	assert_int_equal(edges_call(f, SCMI_PROTOCOL_VOLTAGE, SCMI_MSG_VOLTAGE_LEVEL_GET, &dom, 1),
			 SCMI_NOT_SUPPORTED);
	assert_int_equal(f->len, 4);
	assert_int_equal(edges_call(f, SCMI_PROTOCOL_VOLTAGE, SCMI_MSG_VOLTAGE_CONFIG_GET, &dom, 1),
			 SCMI_NOT_SUPPORTED);
	assert_int_equal(f->len, 4);
}

/* --- Short names: what the platform leaves after the NUL never reaches the wire ----------- */

static const struct scmi_server_perf_ops *real_perf;
static const struct scmi_server_sensor_ops *real_sensor;

/* "ab", then the rest of the 16-byte field filled with what a careless platform left. */
static void dirty_name(char name[SCMI_SHORT_NAME_SIZE])
{
	memset(name, 'Z', SCMI_SHORT_NAME_SIZE);
	memcpy(name, "ab", 3);
}

/* The 16 bytes at @p are "ab" and zeros. */
static void assert_clean_name(const uint8_t *p)
{
	uint8_t want[SCMI_SHORT_NAME_SIZE] = {'a', 'b'};

	assert_memory_equal(p, want, sizeof(want));
}

static int32_t dirty_perf(void *plat, uint32_t agent_id, uint32_t id,
			  struct scmi_server_perf_domain *d)
{
	int32_t st = real_perf->domain(plat, agent_id, id, d);

	dirty_name(d->name);
	return st;
}

static int32_t dirty_reset(void *plat, uint32_t agent_id, uint32_t id,
			   struct scmi_server_reset_info *info)
{
	int32_t st = real_reset->info(plat, agent_id, id, info);

	dirty_name(info->name);
	return st;
}

static int32_t dirty_voltage(void *plat, uint32_t agent_id, uint32_t id,
			     struct scmi_server_voltage_info *info)
{
	int32_t st = real_voltage->info(plat, agent_id, id, info);

	dirty_name(info->name);
	return st;
}

static int32_t dirty_sensor(void *plat, uint32_t agent_id, uint32_t id,
			    struct scmi_server_sensor_info *info)
{
	int32_t st = real_sensor->info(plat, agent_id, id, info);

	dirty_name(info->name);
	return st;
}

static int32_t dirty_axis(void *plat, uint32_t agent_id, uint32_t id, uint32_t axis,
			  struct scmi_server_sensor_axis_info *info)
{
	int32_t st = real_sensor->axis_info(plat, agent_id, id, axis, info);

	dirty_name(info->name);
	return st;
}

/*
 * The short names of perf domains, reset and voltage domains, sensors and sensor axes are
 * zero-padded after their NUL, whatever the platform left there (docs/decisions.md, "Names
 * from the platform": no platform memory leaks into a reply), as Base's, Clock's, Power's,
 * Powercap's and Pinctrl's already were.
 */
static void test_short_names_zero_padded(void **state)
{
	struct edges_fx *f = *state;
	struct scmi_server_platform_ops ops = *sim_platform_ops();
	struct scmi_server_perf_ops perf = *ops.perf;
	struct scmi_server_reset_ops reset = *ops.reset;
	struct scmi_server_voltage_ops volt = *ops.voltage;
	struct scmi_server_sensor_ops sensor = *ops.sensor;
	const uint32_t zero[2] = {0, 0}, axes[2] = {8, 0};

	real_perf = ops.perf;
	real_reset = ops.reset;
	real_voltage = ops.voltage;
	real_sensor = ops.sensor;
	perf.domain = dirty_perf;
	reset.info = dirty_reset;
	volt.info = dirty_voltage;
	sensor.info = dirty_sensor;
	sensor.axis_info = dirty_axis;
	ops.perf = &perf;
	ops.reset = &reset;
	ops.voltage = &volt;
	ops.sensor = &sensor;
	scmi_server_init(&f->srv, &ops, f->p);

	/* struct scmi_perf_domain_attributes_p2a: the name after four words. */
	assert_int_equal(
	    edges_call(f, SCMI_PROTOCOL_PERF, SCMI_MSG_PERF_DOMAIN_ATTRIBUTES, zero, 1),
	    SCMI_SUCCESS);
	assert_clean_name(f->rsp + 4 + 16);
	/* struct scmi_reset_domain_attributes_p2a: after attributes and latency. */
	assert_int_equal(
	    edges_call(f, SCMI_PROTOCOL_RESET, SCMI_MSG_RESET_DOMAIN_ATTRIBUTES, zero, 1),
	    SCMI_SUCCESS);
	assert_clean_name(f->rsp + 4 + 8);
	/* struct scmi_voltage_domain_attributes_p2a: after attributes. */
	assert_int_equal(
	    edges_call(f, SCMI_PROTOCOL_VOLTAGE, SCMI_MSG_VOLTAGE_DOMAIN_ATTRIBUTES, zero, 1),
	    SCMI_SUCCESS);
	assert_clean_name(f->rsp + 4 + 4);
	/* The first sensor descriptor and the first axis descriptor: after the count, then id,
	 * attributes_low and attributes_high. */
	assert_int_equal(
	    edges_call(f, SCMI_PROTOCOL_SENSOR, SCMI_MSG_SENSOR_DESCRIPTION_GET, zero, 1),
	    SCMI_SUCCESS);
	assert_clean_name(f->rsp + 4 + 4 + 12);
	assert_int_equal(
	    edges_call(f, SCMI_PROTOCOL_SENSOR, SCMI_MSG_SENSOR_AXIS_DESCRIPTION_GET, axes, 2),
	    SCMI_SUCCESS);
	assert_clean_name(f->rsp + 4 + 4 + 12);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    EDGES_TEST(test_base_protocol_permissions_without_op),
	    EDGES_TEST(test_base_permissions_without_ops),
	    EDGES_TEST(test_base_reset_agent_fails),
	    EDGES_TEST(test_reset_extended_names),
	    EDGES_TEST(test_reset_async_unknown_domain),
	    EDGES_TEST(test_system_state_set_supported_only),
	    EDGES_TEST(test_voltage_names_as_written),
	    EDGES_TEST(test_voltage_levels_fail),
	    EDGES_TEST(test_voltage_level_set_no_levels),
	    EDGES_TEST(test_voltage_level_set_checks),
	    EDGES_TEST(test_voltage_level_get_unwritten),
	    EDGES_TEST(test_voltage_word_get_without_ops),
	    EDGES_TEST(test_short_names_zero_padded),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
