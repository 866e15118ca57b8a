// SPDX-License-Identifier: BSD-3-Clause
/*
 * Edges of the power domain, powercap and two pin control handlers a mutation run found
 * unguarded: through the server over the simulated default platform, with one protocol's ops
 * wrapped or swapped where the platform must lack an op, fail, leave fields unwritten or
 * describe what the default tree has not, and with counting ops where what shows is whether
 * the platform was asked.
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
#include "scmi/proto/power.h"
#include "scmi/proto/powercap.h"
#include "scmi/proto/status.h"
#include "scmi/server/pinctrl.h"
#include "scmi/server/power.h"
#include "scmi/server/powercap.h"
#include "scmi/server/server.h"
#include "edges_fixture.h"

/* How many times the counting ops below were called. */
static unsigned int op_calls;

/* --- Pinctrl ------------------------------------------------------------------------------ */

static const struct scmi_server_pinctrl_ops *real_pc;

/* The platform with @pc for pinctrl's ops, @pc first a copy of the simulated platform's. */
static void with_pinctrl(struct scmi_server_platform_ops *ops, struct scmi_server_pinctrl_ops *pc)
{
	real_pc = EDGES_SWAP(ops, pinctrl, pc);
}

/* A configure op that takes anything: only whether the server let the request through shows. */
static int32_t counting_configure(void *plat, uint32_t agent_id, uint32_t sel, uint32_t id,
				  uint32_t function, const uint32_t *types, const uint32_t *values,
				  uint32_t n)
{
	(void)plat;
	(void)agent_id;
	(void)sel;
	(void)id;
	(void)function;
	(void)types;
	(void)values;
	(void)n;
	op_calls++;
	return SCMI_SUCCESS;
}

/*
 * SETTINGS_CONFIGURE selecting a function the agent has not (the first id past the count) is
 * NOT_FOUND from the server, before the platform is asked to configure anything; the last
 * function the agent has reaches the platform.
 */
static void test_pinctrl_configure_function_past_end(void **state)
{
	struct edges_fx *f = *state;
	struct scmi_server_platform_ops ops;
	struct scmi_server_pinctrl_ops pc;
	uint32_t nfunc;

	with_pinctrl(&ops, &pc);
	pc.configure = counting_configure;
	scmi_server_init(&f->srv, &ops, f->p);
	assert_int_equal(
	    edges_call(f, SCMI_PROTOCOL_PINCTRL, SCMI_MSG_PROTOCOL_ATTRIBUTES, NULL, 0),
	    SCMI_SUCCESS);
	nfunc = scmi_get_le32(f->rsp + 8) & SCMI_PINCTRL_PA_COUNT_MAX;
	assert_true(nfunc > 0);
	op_calls = 0;
	const uint32_t past[3] = {0, nfunc,
				  SCMI_PINCTRL_CONFIGURE_FUNC_VALID | SCMI_PINCTRL_SEL_PIN};
	assert_int_equal(
	    edges_call(f, SCMI_PROTOCOL_PINCTRL, SCMI_MSG_PINCTRL_SETTINGS_CONFIGURE, past, 3),
	    SCMI_NOT_FOUND);
	assert_int_equal(f->len, 4);
	assert_int_equal(op_calls, 0);
	const uint32_t last[3] = {0, nfunc - 1,
				  SCMI_PINCTRL_CONFIGURE_FUNC_VALID | SCMI_PINCTRL_SEL_PIN};
	assert_int_equal(
	    edges_call(f, SCMI_PROTOCOL_PINCTRL, SCMI_MSG_PINCTRL_SETTINGS_CONFIGURE, last, 3),
	    SCMI_SUCCESS);
	assert_int_equal(op_calls, 1);
}

/*
 * SET_PERMISSIONS with a reserved flag bit (bits 31:3) is INVALID_PARAMETERS, exactly, as
 * every reserved bit of a request is; without it the well-formed request is DENIED (no agent
 * is trusted).
 */
static void test_pinctrl_set_permissions_reserved_flags(void **state)
{
	struct edges_fx *f = *state;
	const uint32_t reserved[3] = {1, 0, SCMI_PINCTRL_SEL_PIN | (1u << 3)};
	const uint32_t allow[3] = {1, 0, SCMI_PINCTRL_SEL_PIN | SCMI_PINCTRL_PERM_ALLOW};

	assert_int_equal(
	    edges_call(f, SCMI_PROTOCOL_PINCTRL, SCMI_MSG_PINCTRL_SET_PERMISSIONS, reserved, 3),
	    SCMI_INVALID_PARAMETERS);
	assert_int_equal(f->len, 4);
	assert_int_equal(
	    edges_call(f, SCMI_PROTOCOL_PINCTRL, SCMI_MSG_PINCTRL_SET_PERMISSIONS, allow, 3),
	    SCMI_DENIED);
}

/* --- Power domains ------------------------------------------------------------------------ */

static const struct scmi_server_power_ops *real_power;
/* What the wrapped domain op clears of the simulated platform's description. */
static bool clear_notify, clear_req_notify;

/* The platform with @pw for power's ops, @pw first a copy of the simulated platform's. */
static void with_power(struct edges_fx *f, struct scmi_server_platform_ops *ops,
		       struct scmi_server_power_ops *pw)
{
	real_power = EDGES_SWAP(ops, power, pw);
	scmi_server_init(&f->srv, ops, f->p);
}

/* A platform that names its domains and says nothing of notifications. */
static int32_t name_only_domain(void *plat, uint32_t agent_id, uint32_t id,
				struct scmi_server_power_domain *out)
{
	(void)plat;
	(void)agent_id;
	(void)id;
	memcpy(out->name, "pd", 3);
	return SCMI_SUCCESS;
}

/* The simulated platform's domain, its notification attributes cleared as the test says. */
static int32_t cleared_domain(void *plat, uint32_t agent_id, uint32_t id,
			      struct scmi_server_power_domain *out)
{
	int32_t st = real_power->domain(plat, agent_id, id, out);

	if (clear_notify)
		out->notify = false;
	if (clear_req_notify)
		out->req_notify = false;
	return st;
}

/* A state_get op that succeeds without writing the state. */
// NOLINTNEXTLINE(readability-non-const-parameter): the op's signature; it writes nothing
static int32_t silent_state_get(void *plat, uint32_t agent_id, uint32_t id, uint32_t *state)
{
	(void)plat;
	(void)agent_id;
	(void)id;
	(void)state;
	return SCMI_SUCCESS;
}

/* A notify op that records the subscription and takes it. */
static int32_t counting_power_notify(void *plat, uint32_t agent_id, uint32_t id, uint32_t event,
				     bool enable)
{
	(void)plat;
	(void)agent_id;
	(void)id;
	(void)event;
	(void)enable;
	op_calls++;
	return SCMI_SUCCESS;
}

/*
 * A domain the platform describes by its name alone: DOMAIN_ATTRIBUTES claims neither
 * notification (what the platform did not say is not supported), and carries the name
 * zero-padded.
 */
static void test_power_domain_fields_unwritten(void **state)
{
	struct edges_fx *f = *state;
	struct scmi_server_platform_ops ops;
	struct scmi_server_power_ops pw;
	const uint32_t dom0 = 0;
	uint8_t name[SCMI_SHORT_NAME_SIZE] = "pd";

	with_power(f, &ops, &pw);
	pw.domain = name_only_domain;
	assert_int_equal(
	    edges_call(f, SCMI_PROTOCOL_POWER, SCMI_MSG_POWER_DOMAIN_ATTRIBUTES, &dom0, 1),
	    SCMI_SUCCESS);
	assert_int_equal(f->len, 4 + 4 + SCMI_SHORT_NAME_SIZE);
	assert_int_equal(
	    scmi_get_le32(f->rsp + 4) & (SCMI_POWER_ATTR_NOTIFY | SCMI_POWER_ATTR_REQ_NOTIFY), 0);
	assert_true(scmi_get_le32(f->rsp + 4) & SCMI_POWER_ATTR_SYNC);
	assert_memory_equal(f->rsp + 8, name, sizeof(name));
}

/*
 * A state_get op that succeeds without a state: POWER_STATE_GET answers 0 (ON, the
 * zero-initialised value), never a state the platform did not give.
 */
static void test_power_state_get_unwritten(void **state)
{
	struct edges_fx *f = *state;
	struct scmi_server_platform_ops ops;
	struct scmi_server_power_ops pw;
	const uint32_t dom0 = 0;

	with_power(f, &ops, &pw);
	pw.state_get = silent_state_get;
	assert_int_equal(edges_call(f, SCMI_PROTOCOL_POWER, SCMI_MSG_POWER_STATE_GET, &dom0, 1),
			 SCMI_SUCCESS);
	assert_int_equal(f->len, 8);
	assert_int_equal(scmi_get_le32(f->rsp + 4), SCMI_POWER_STATE_ON);
}

/*
 * A platform without a notify op: POWER_STATE_NOTIFY on a domain that exists is
 * NOT_SUPPORTED, never a subscription accepted that nothing records.
 */
static void test_power_notify_without_op(void **state)
{
	struct edges_fx *f = *state;
	struct scmi_server_platform_ops ops;
	struct scmi_server_power_ops pw;
	const uint32_t on[2] = {0, 1};

	with_power(f, &ops, &pw);
	pw.notify = NULL;
	assert_int_equal(edges_call(f, SCMI_PROTOCOL_POWER, SCMI_MSG_POWER_STATE_NOTIFY, on, 2),
			 SCMI_NOT_SUPPORTED);
	assert_int_equal(f->len, 4);
}

/*
 * Each notification is gated by its own attribute bit: a domain without state-change
 * notifications refuses POWER_STATE_NOTIFY (NOT_SUPPORTED, the platform not asked) whatever
 * it says of change requests; a domain with them but without change-requested ones takes
 * POWER_STATE_NOTIFY and refuses POWER_STATE_CHANGE_REQUESTED_NOTIFY.
 */
static void test_power_notify_gated_per_event(void **state)
{
	struct edges_fx *f = *state;
	struct scmi_server_platform_ops ops;
	struct scmi_server_power_ops pw;
	const uint32_t on[2] = {0, 1};
	const uint32_t dom0 = 0;

	with_power(f, &ops, &pw);
	pw.domain = cleared_domain;
	pw.notify = counting_power_notify;
	op_calls = 0;

	/* Only state-change notifications cleared. */
	clear_notify = true;
	clear_req_notify = false;
	assert_int_equal(
	    edges_call(f, SCMI_PROTOCOL_POWER, SCMI_MSG_POWER_DOMAIN_ATTRIBUTES, &dom0, 1),
	    SCMI_SUCCESS);
	assert_int_equal(scmi_get_le32(f->rsp + 4) & SCMI_POWER_ATTR_NOTIFY, 0);
	assert_int_equal(edges_call(f, SCMI_PROTOCOL_POWER, SCMI_MSG_POWER_STATE_NOTIFY, on, 2),
			 SCMI_NOT_SUPPORTED);
	assert_int_equal(op_calls, 0);

	/* Only change-requested notifications cleared. */
	clear_notify = false;
	clear_req_notify = true;
	assert_int_equal(
	    edges_call(f, SCMI_PROTOCOL_POWER, SCMI_MSG_POWER_DOMAIN_ATTRIBUTES, &dom0, 1),
	    SCMI_SUCCESS);
	assert_true(scmi_get_le32(f->rsp + 4) & SCMI_POWER_ATTR_NOTIFY);
	assert_int_equal(scmi_get_le32(f->rsp + 4) & SCMI_POWER_ATTR_REQ_NOTIFY, 0);
	assert_int_equal(edges_call(f, SCMI_PROTOCOL_POWER, SCMI_MSG_POWER_STATE_NOTIFY, on, 2),
			 SCMI_SUCCESS);
	assert_int_equal(op_calls, 1);
	assert_int_equal(
	    edges_call(f, SCMI_PROTOCOL_POWER, SCMI_MSG_POWER_STATE_CHANGE_REQUESTED_NOTIFY, on, 2),
	    SCMI_NOT_SUPPORTED);
	assert_int_equal(op_calls, 1);
	clear_req_notify = false;
}

/* --- Powercap ----------------------------------------------------------------------------- */

/* The default tree's zones: 0 "soc" (caps 1000..4000 mW, measured, both notifications),
 * 1 the CPU clusters (measured, no measurement notifications); none has fast channels. */
#define ZONE_SOC  0u
#define ZONE_CPUS 1u
#define SOC_CAP	  2000u

static const struct scmi_server_powercap_ops *real_pcap;
/* The thresholds the counting notify op was last given. */
static uint32_t seen_low, seen_high;

/* The platform with @pcap for powercap's ops, @pcap first a copy of the simulated platform's. */
static void with_powercap(struct edges_fx *f, struct scmi_server_platform_ops *ops,
			  struct scmi_server_powercap_ops *pcap)
{
	real_pcap = EDGES_SWAP(ops, powercap, pcap);
	scmi_server_init(&f->srv, ops, f->p);
}

/* A platform that names its zones and says nothing else of them. */
static int32_t name_only_info(void *plat, uint32_t agent_id, uint32_t id,
			      struct scmi_server_powercap_info *info)
{
	(void)plat;
	(void)agent_id;
	(void)id;
	memcpy(info->name, "zone", 5);
	return SCMI_SUCCESS;
}

/* A measure op that gives the interval but no power. */
// NOLINTNEXTLINE(readability-non-const-parameter): the op's signature; it leaves @power
static int32_t pai_only_measure(void *plat, uint32_t agent_id, uint32_t id, uint32_t *power,
				uint32_t *pai)
{
	(void)plat;
	(void)agent_id;
	(void)id;
	(void)power;
	*pai = 100000;
	return SCMI_SUCCESS;
}

/* A measure op that gives the power but no interval. */
// NOLINTBEGIN(readability-non-const-parameter): the op's signature; it leaves @pai
static int32_t power_only_measure(void *plat, uint32_t agent_id, uint32_t id, uint32_t *power,
				  uint32_t *pai)
{
	(void)plat;
	(void)agent_id;
	(void)id;
	(void)pai;
	*power = 4242;
	return SCMI_SUCCESS;
}
// NOLINTEND(readability-non-const-parameter)

/* A measure op that fails, after scribbling over both outputs. */
static int32_t failing_measure(void *plat, uint32_t agent_id, uint32_t id, uint32_t *power,
			       uint32_t *pai)
{
	(void)plat;
	(void)agent_id;
	(void)id;
	*power = 0xdeadbeefu;
	*pai = 0xdeadbeefu;
	return SCMI_HARDWARE_ERROR;
}

/* A notify op that records the subscription's thresholds and takes it. */
static int32_t counting_pcap_notify(void *plat, uint32_t agent_id, uint32_t id, uint32_t event,
				    bool enable, uint32_t low, uint32_t high)
{
	(void)plat;
	(void)agent_id;
	(void)id;
	(void)event;
	(void)enable;
	op_calls++;
	seen_low = low;
	seen_high = high;
	return SCMI_SUCCESS;
}

/* A fastchannel op that takes any request and counts it. */
// NOLINTNEXTLINE(readability-non-const-parameter): the op's signature; it writes nothing
static int32_t counting_fastchannel(void *plat, uint32_t agent_id, uint32_t id, uint32_t msg_id,
				    struct scmi_server_fastchannel *out)
{
	(void)plat;
	(void)agent_id;
	(void)id;
	(void)msg_id;
	(void)out;
	op_calls++;
	return SCMI_SUCCESS;
}

/*
 * A platform that can describe zones but not count them: the agent has no zone
 * (PROTOCOL_ATTRIBUTES says 0), so DOMAIN_ATTRIBUTES of zone 0 is NOT_FOUND, not the
 * description of a zone the agent was told does not exist.
 */
static void test_powercap_zone_without_count(void **state)
{
	struct edges_fx *f = *state;
	struct scmi_server_platform_ops ops;
	struct scmi_server_powercap_ops pcap;
	const uint32_t zone = ZONE_SOC;

	with_powercap(f, &ops, &pcap);
	pcap.count = NULL;
	assert_int_equal(
	    edges_call(f, SCMI_PROTOCOL_POWERCAP, SCMI_MSG_PROTOCOL_ATTRIBUTES, NULL, 0),
	    SCMI_SUCCESS);
	assert_int_equal(scmi_get_le32(f->rsp + 4) & SCMI_POWERCAP_PA_NUM_DOMAINS_MAX, 0);
	assert_int_equal(
	    edges_call(f, SCMI_PROTOCOL_POWERCAP, SCMI_MSG_POWERCAP_DOMAIN_ATTRIBUTES, &zone, 1),
	    SCMI_NOT_FOUND);
	assert_int_equal(f->len, 4);
}

/*
 * A zone the platform describes by its name alone: DOMAIN_ATTRIBUTES claims nothing the
 * platform did not say (no notification, configuration, monitoring, fast channel, abstract
 * unit) and every value word is 0; PROTOCOL_MESSAGE_ATTRIBUTES of CAP_GET says no fast
 * channel though the platform has the op.
 */
static void test_powercap_info_fields_unwritten(void **state)
{
	struct edges_fx *f = *state;
	struct scmi_server_platform_ops ops;
	struct scmi_server_powercap_ops pcap;
	const uint32_t zone = ZONE_SOC;
	const uint32_t cap_get = SCMI_MSG_POWERCAP_CAP_GET;
	uint8_t zeros[9 * 4];
	uint8_t name[SCMI_SHORT_NAME_SIZE] = "zone";

	memset(zeros, 0, sizeof(zeros));
	with_powercap(f, &ops, &pcap);
	pcap.info = name_only_info;
	pcap.fastchannel = counting_fastchannel;
	assert_int_equal(
	    edges_call(f, SCMI_PROTOCOL_POWERCAP, SCMI_MSG_POWERCAP_DOMAIN_ATTRIBUTES, &zone, 1),
	    SCMI_SUCCESS);
	assert_int_equal(f->len, 4 + 4 + SCMI_SHORT_NAME_SIZE + sizeof(zeros));
	assert_int_equal(scmi_get_le32(f->rsp + 4), 0);
	assert_memory_equal(f->rsp + 8, name, sizeof(name));
	assert_memory_equal(f->rsp + 8 + SCMI_SHORT_NAME_SIZE, zeros, sizeof(zeros));
	assert_int_equal(edges_call(f, SCMI_PROTOCOL_POWERCAP, SCMI_MSG_PROTOCOL_MESSAGE_ATTRIBUTES,
				    &cap_get, 1),
			 SCMI_SUCCESS);
	assert_int_equal(f->len, 8);
	assert_int_equal(scmi_get_le32(f->rsp + 4), 0);
}

/* A platform without a cap_get op: CAP_GET of a zone that exists is NOT_SUPPORTED alone. */
static void test_powercap_cap_get_without_op(void **state)
{
	struct edges_fx *f = *state;
	struct scmi_server_platform_ops ops;
	struct scmi_server_powercap_ops pcap;
	const uint32_t zone = ZONE_SOC;

	with_powercap(f, &ops, &pcap);
	pcap.cap_get = NULL;
	assert_int_equal(edges_call(f, SCMI_PROTOCOL_POWERCAP, SCMI_MSG_POWERCAP_CAP_GET, &zone, 1),
			 SCMI_NOT_SUPPORTED);
	assert_int_equal(f->len, 4);
}

/*
 * An asynchronous CAP_SET on a channel with a P2A path: SUCCESS now, then the delayed
 * response (zone and cap) with no latency, since the platform gives none for a cap (0 us:
 * "it says nothing", not some guess a transport would wait for).
 */
static void test_powercap_async_cap_set_latency(void **state)
{
	struct edges_fx *f = *state;
	struct scmi_server_delayed d;
	uint8_t in[12], out[64];

	scmi_server_set_p2a(&f->srv, &edges_p2a, NULL);
	scmi_put_le32(in, ZONE_SOC);
	scmi_put_le32(in + 4, SCMI_POWERCAP_CAP_SET_ASYNC);
	scmi_put_le32(in + 8, SOC_CAP);
	memset(&d, 0xa5, sizeof(d));
	assert_int_equal(scmi_server_process_p2a(
			     &f->srv, 0,
			     scmi_hdr_make(SCMI_PROTOCOL_POWERCAP, SCMI_MSG_POWERCAP_CAP_SET, 0, 1),
			     in, sizeof(in), out, sizeof(out), &d),
			 4);
	assert_int_equal(scmi_get_le32(out), SCMI_SUCCESS);
	assert_true(d.pending);
	assert_int_equal(d.latency_us, 0);
	assert_int_equal(d.len, 12);
	assert_int_equal(scmi_get_le32(d.payload), SCMI_SUCCESS);
	assert_int_equal(scmi_get_le32(d.payload + 4), ZONE_SOC);
	assert_int_equal(scmi_get_le32(d.payload + 8), SOC_CAP);
}

/*
 * MEASUREMENTS_GET of a zone whose platform gives the interval but no power: the power reads
 * 0, never a reading the platform did not make.
 */
static void test_powercap_measurements_get_power_unwritten(void **state)
{
	struct edges_fx *f = *state;
	struct scmi_server_platform_ops ops;
	struct scmi_server_powercap_ops pcap;
	const uint32_t zone = ZONE_SOC;

	with_powercap(f, &ops, &pcap);
	pcap.measure = pai_only_measure;
	assert_int_equal(
	    edges_call(f, SCMI_PROTOCOL_POWERCAP, SCMI_MSG_POWERCAP_MEASUREMENTS_GET, &zone, 1),
	    SCMI_SUCCESS);
	assert_int_equal(f->len, 12);
	assert_int_equal(scmi_get_le32(f->rsp + 4), 0);
	assert_int_equal(scmi_get_le32(f->rsp + 8), 100000);
}

/* The same with the power given and no interval: the interval reads 0. */
static void test_powercap_measurements_get_pai_unwritten(void **state)
{
	struct edges_fx *f = *state;
	struct scmi_server_platform_ops ops;
	struct scmi_server_powercap_ops pcap;
	const uint32_t zone = ZONE_SOC;

	with_powercap(f, &ops, &pcap);
	pcap.measure = power_only_measure;
	assert_int_equal(
	    edges_call(f, SCMI_PROTOCOL_POWERCAP, SCMI_MSG_POWERCAP_MEASUREMENTS_GET, &zone, 1),
	    SCMI_SUCCESS);
	assert_int_equal(f->len, 12);
	assert_int_equal(scmi_get_le32(f->rsp + 4), 4242);
	assert_int_equal(scmi_get_le32(f->rsp + 8), 0);
}

/*
 * A measurement the platform fails is its status alone, not a SUCCESS carrying what the op
 * left in its outputs.
 */
static void test_powercap_measurements_get_platform_fails(void **state)
{
	struct edges_fx *f = *state;
	struct scmi_server_platform_ops ops;
	struct scmi_server_powercap_ops pcap;
	const uint32_t zone = ZONE_SOC;

	with_powercap(f, &ops, &pcap);
	pcap.measure = failing_measure;
	assert_int_equal(
	    edges_call(f, SCMI_PROTOCOL_POWERCAP, SCMI_MSG_POWERCAP_MEASUREMENTS_GET, &zone, 1),
	    SCMI_HARDWARE_ERROR);
	assert_int_equal(f->len, 4);
}

/*
 * A zone that is measured but has no measurement notifications (attribute bit 30 clear):
 * MEASUREMENTS_NOTIFY is NOT_SUPPORTED and the platform is not asked; the zone that has
 * them subscribes.
 */
static void test_powercap_measurements_notify_unsupported(void **state)
{
	struct edges_fx *f = *state;
	struct scmi_server_platform_ops ops;
	struct scmi_server_powercap_ops pcap;
	const uint32_t cpus = ZONE_CPUS;
	const uint32_t cpus_on[4] = {ZONE_CPUS, 1, 0, 0};
	const uint32_t soc_on[4] = {ZONE_SOC, 1, 0, 0};
	uint32_t attr;

	with_powercap(f, &ops, &pcap);
	pcap.notify = counting_pcap_notify;
	op_calls = 0;
	assert_int_equal(
	    edges_call(f, SCMI_PROTOCOL_POWERCAP, SCMI_MSG_POWERCAP_DOMAIN_ATTRIBUTES, &cpus, 1),
	    SCMI_SUCCESS);
	attr = scmi_get_le32(f->rsp + 4);
	assert_true(attr & SCMI_POWERCAP_ATTR_MONITORING);
	assert_int_equal(attr & SCMI_POWERCAP_ATTR_MEAS_NOTIFY, 0);
	assert_int_equal(edges_call(f, SCMI_PROTOCOL_POWERCAP,
				    SCMI_MSG_POWERCAP_MEASUREMENTS_NOTIFY, cpus_on, 4),
			 SCMI_NOT_SUPPORTED);
	assert_int_equal(f->len, 4);
	assert_int_equal(op_calls, 0);
	assert_int_equal(
	    edges_call(f, SCMI_PROTOCOL_POWERCAP, SCMI_MSG_POWERCAP_MEASUREMENTS_NOTIFY, soc_on, 4),
	    SCMI_SUCCESS);
	assert_int_equal(op_calls, 1);
}

/*
 * CAP_NOTIFY has no thresholds: the platform's notify op gets 0 and 0 for them (struct
 * scmi_server_powercap_ops: thresholds are for measurement events), not a band.
 */
static void test_powercap_cap_notify_no_thresholds(void **state)
{
	struct edges_fx *f = *state;
	struct scmi_server_platform_ops ops;
	struct scmi_server_powercap_ops pcap;
	const uint32_t on[2] = {ZONE_SOC, 1};

	with_powercap(f, &ops, &pcap);
	pcap.notify = counting_pcap_notify;
	op_calls = 0;
	seen_low = seen_high = 0xa5a5a5a5u;
	assert_int_equal(edges_call(f, SCMI_PROTOCOL_POWERCAP, SCMI_MSG_POWERCAP_CAP_NOTIFY, on, 2),
			 SCMI_SUCCESS);
	assert_int_equal(op_calls, 1);
	assert_int_equal(seen_low, 0);
	assert_int_equal(seen_high, 0);
}

/*
 * DESCRIBE_FASTCHANNEL on a zone without fast channels (attribute bit 22 clear) is
 * NOT_SUPPORTED from the server, though the platform has a fastchannel op: the op is not
 * asked.
 */
static void test_powercap_describe_fastchannel_zone_without(void **state)
{
	struct edges_fx *f = *state;
	struct scmi_server_platform_ops ops;
	struct scmi_server_powercap_ops pcap;
	const uint32_t zone = ZONE_SOC;
	const uint32_t describe[2] = {ZONE_SOC, SCMI_MSG_POWERCAP_CAP_GET};

	with_powercap(f, &ops, &pcap);
	pcap.fastchannel = counting_fastchannel;
	op_calls = 0;
	assert_int_equal(
	    edges_call(f, SCMI_PROTOCOL_POWERCAP, SCMI_MSG_POWERCAP_DOMAIN_ATTRIBUTES, &zone, 1),
	    SCMI_SUCCESS);
	assert_int_equal(scmi_get_le32(f->rsp + 4) & SCMI_POWERCAP_ATTR_FASTCHANNEL, 0);
	assert_int_equal(edges_call(f, SCMI_PROTOCOL_POWERCAP,
				    SCMI_MSG_POWERCAP_DESCRIBE_FASTCHANNEL, describe, 2),
			 SCMI_NOT_SUPPORTED);
	assert_int_equal(f->len, 4);
	assert_int_equal(op_calls, 0);
}

/* A PAI op that answers SUCCESS and writes nothing. */
// NOLINTNEXTLINE(readability-non-const-parameter): the pai_get op's signature
static int32_t silent_pai_get(void *plat, uint32_t agent_id, uint32_t id, uint32_t *pai)
{
	(void)plat;
	(void)agent_id;
	(void)id;
	(void)pai;
	return SCMI_SUCCESS;
}

/* A PAI the platform says it gave but never wrote reads as 0, not what the stack held. */
static void test_powercap_pai_get_unwritten(void **state)
{
	struct edges_fx *f = *state;
	struct scmi_server_platform_ops ops;
	struct scmi_server_powercap_ops pcap;
	const uint32_t zone = ZONE_SOC;

	with_powercap(f, &ops, &pcap);
	pcap.pai_get = silent_pai_get;
	assert_int_equal(edges_call(f, SCMI_PROTOCOL_POWERCAP, SCMI_MSG_POWERCAP_PAI_GET, &zone, 1),
			 SCMI_SUCCESS);
	assert_int_equal(f->len, 8);
	assert_int_equal(scmi_get_le32(f->rsp + 4), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    EDGES_TEST(test_pinctrl_configure_function_past_end),
	    EDGES_TEST(test_pinctrl_set_permissions_reserved_flags),
	    EDGES_TEST(test_power_domain_fields_unwritten),
	    EDGES_TEST(test_power_state_get_unwritten),
	    EDGES_TEST(test_power_notify_without_op),
	    EDGES_TEST(test_power_notify_gated_per_event),
	    EDGES_TEST(test_powercap_zone_without_count),
	    EDGES_TEST(test_powercap_info_fields_unwritten),
	    EDGES_TEST(test_powercap_cap_get_without_op),
	    EDGES_TEST(test_powercap_async_cap_set_latency),
	    EDGES_TEST(test_powercap_measurements_get_power_unwritten),
	    EDGES_TEST(test_powercap_measurements_get_pai_unwritten),
	    EDGES_TEST(test_powercap_measurements_get_platform_fails),
	    EDGES_TEST(test_powercap_measurements_notify_unsupported),
	    EDGES_TEST(test_powercap_cap_notify_no_thresholds),
	    EDGES_TEST(test_powercap_describe_fastchannel_zone_without),
	    EDGES_TEST(test_powercap_pai_get_unwritten),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
