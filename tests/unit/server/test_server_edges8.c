// SPDX-License-Identifier: BSD-3-Clause
/*
 * Edges of the clock and perf handlers, and of the server's helpers, that mutation runs over
 * every mutant of clock.c, perf.c and the server core found unguarded: through the server over
 * the simulated default platform, with one protocol's ops swapped where the platform must
 * leave an output unwritten, lack an op or fail.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "platform/sim/sim_platform.h"
#include "scmi/proto/clock.h"
#include "scmi/proto/endian.h"
#include "scmi/proto/header.h"
#include "scmi/proto/ids.h"
#include "scmi/proto/perf.h"
#include "scmi/proto/status.h"
#include "scmi/server/clock.h"
#include "scmi/server/perf.h"
#include "scmi/server/server.h"
#include "server/server_helpers.h"
#include "server/server_protocol.h"
#include "edges_fixture.h"

/* --- Clock -------------------------------------------------------------------------------- */

/* The clocks the agent on channel 0 sees. */
static uint32_t clock_count(struct edges_fx *f)
{
	uint32_t me;

	assert_true(sim_platform_ops()->channel_agent(f->p, 0, &me));
	return sim_platform_ops()->clock->count(f->p, me);
}

/*
 * Every clock message naming a clock past the 16 bits num_clocks counts: NOT_FOUND, whatever
 * else the request says (the server refuses it before the platform sees it).
 */
static void test_clock_ids_past_16_bits(void **state)
{
	static const struct {
		uint8_t msg;
		uint8_t nargs;
		uint8_t id_at;
	} msgs[] = {
	    {SCMI_MSG_CLOCK_ATTRIBUTES, 1, 0},
	    {SCMI_MSG_CLOCK_DESCRIBE_RATES, 2, 0},
	    {SCMI_MSG_CLOCK_RATE_SET, 4, 1},
	    {SCMI_MSG_CLOCK_RATE_GET, 1, 0},
	    {SCMI_MSG_CLOCK_CONFIG_SET, 3, 0},
	    {SCMI_MSG_CLOCK_NAME_GET, 1, 0},
	    {SCMI_MSG_CLOCK_RATE_NOTIFY, 2, 0},
	    {SCMI_MSG_CLOCK_RATE_CHANGE_REQUESTED_NOTIFY, 2, 0},
	    {SCMI_MSG_CLOCK_CONFIG_GET, 2, 0},
	    {SCMI_MSG_CLOCK_POSSIBLE_PARENTS_GET, 2, 0},
	    {SCMI_MSG_CLOCK_PARENT_SET, 2, 0},
	    {SCMI_MSG_CLOCK_PARENT_GET, 1, 0},
	    {SCMI_MSG_CLOCK_GET_PERMISSIONS, 1, 0},
	};
	static const uint32_t ids[] = {SCMI_CLOCK_PA_NUM_CLOCKS_MAX, UINT32_MAX};
	struct edges_fx *f = *state;
	uint32_t args[4];
	size_t i, j;

	for (i = 0; i < sizeof(msgs) / sizeof(msgs[0]); i++) {
		for (j = 0; j < sizeof(ids) / sizeof(ids[0]); j++) {
			memset(args, 0, sizeof(args));
			args[msgs[i].id_at] = ids[j];
			assert_int_equal(
			    edges_call(f, SCMI_PROTOCOL_CLOCK, msgs[i].msg, args, msgs[i].nargs),
			    SCMI_NOT_FOUND);
			assert_int_equal(f->len, 4);
		}
	}
}

/* A rate_set op that fails. */
static int32_t rate_set_fails(void *plat, uint32_t agent_id, uint32_t id, uint64_t hz,
			      enum scmi_server_clock_round round)
{
	(void)plat;
	(void)agent_id;
	(void)id;
	(void)hz;
	(void)round;
	return SCMI_HARDWARE_ERROR;
}

/* A rate_get op that fails. */
// NOLINTBEGIN(readability-non-const-parameter): the op's signature; it writes nothing
static int32_t rate_get_fails(void *plat, uint32_t agent_id, uint32_t id, uint64_t *hz)
{
	(void)plat;
	(void)agent_id;
	(void)id;
	(void)hz;
	return SCMI_BUSY;
}
// NOLINTEND(readability-non-const-parameter)

/*
 * An asynchronous RATE_SET of clock @id at the first rate of clock 0, on a channel with a P2A
 * path: the synchronous status, the delayed response in *@d.
 */
static int32_t clock_rate_set_async(struct edges_fx *f, uint32_t id, struct scmi_server_delayed *d)
{
	uint8_t in[16], out[64];
	uint64_t hz = 0;
	uint32_t me;

	assert_true(sim_platform_ops()->channel_agent(f->p, 0, &me));
	assert_int_equal(sim_platform_ops()->clock->rate_get(f->p, me, 0, &hz), SCMI_SUCCESS);
	scmi_server_set_p2a(&f->srv, &edges_p2a, NULL);
	scmi_put_le32(in, SCMI_CLOCK_RATE_ASYNC);
	scmi_put_le32(in + 4, id);
	scmi_put_le64(in + 8, hz);
	memset(d, 0, sizeof(*d));
	f->len = scmi_server_process_p2a(
	    &f->srv, 0, scmi_hdr_make(SCMI_PROTOCOL_CLOCK, SCMI_MSG_CLOCK_RATE_SET, 0, 1), in,
	    sizeof(in), out, sizeof(out), d);
	assert_int_equal(f->len, 4);
	return (int32_t)scmi_get_le32(out);
}

/*
 * An asynchronous RATE_SET of a clock the agent does not have, below the 16-bit bound:
 * NOT_FOUND at once, and no delayed response.
 */
static void test_clock_async_rate_set_unknown(void **state)
{
	struct edges_fx *f = *state;
	struct scmi_server_delayed d;

	assert_int_equal(clock_rate_set_async(f, clock_count(f), &d), SCMI_NOT_FOUND);
	assert_false(d.pending);
}

/*
 * An asynchronous RATE_SET of clock 0 on a server over @ops: accepted, and the delayed
 * response is the status @want alone.
 */
static void check_async_rate_set_fails(struct edges_fx *f,
				       const struct scmi_server_platform_ops *ops, int32_t want)
{
	struct scmi_server_delayed d;

	scmi_server_init(&f->srv, ops, f->p);
	assert_int_equal(clock_rate_set_async(f, 0, &d), SCMI_SUCCESS);
	assert_true(d.pending);
	assert_int_equal(d.len, 4);
	assert_int_equal(scmi_get_le32(d.payload), (uint32_t)want);
}

/* An asynchronous RATE_SET the platform fails: accepted, its status the delayed response's. */
static void test_clock_async_rate_set_fails(void **state)
{
	struct scmi_server_platform_ops ops;
	struct scmi_server_clock_ops clock;

	(void)EDGES_SWAP(&ops, clock, &clock);
	clock.rate_set = rate_set_fails;
	check_async_rate_set_fails(*state, &ops, SCMI_HARDWARE_ERROR);
}

/*
 * An asynchronous RATE_SET done, whose rate in force the platform cannot give (no op:
 * GENERIC_ERROR; the op failing: its status): the delayed response is that status alone.
 */
static void test_clock_async_rate_set_no_rate(void **state)
{
	struct scmi_server_platform_ops ops;
	struct scmi_server_clock_ops clock;

	(void)EDGES_SWAP(&ops, clock, &clock);
	clock.rate_get = NULL;
	check_async_rate_set_fails(*state, &ops, SCMI_GENERIC_ERROR);
}

static void test_clock_async_rate_set_rate_fails(void **state)
{
	struct scmi_server_platform_ops ops;
	struct scmi_server_clock_ops clock;

	(void)EDGES_SWAP(&ops, clock, &clock);
	clock.rate_get = rate_get_fails;
	check_async_rate_set_fails(*state, &ops, SCMI_BUSY);
}

/* A describe op that gives every clock the range 100 MHz to 200 MHz in steps of 25 MHz. */
// NOLINTBEGIN(readability-non-const-parameter): the op's signature; it writes no rate
static int32_t describe_range(void *plat, uint32_t agent_id, uint32_t id, uint32_t first,
			      uint64_t *rates, uint32_t max, struct scmi_server_clock_rates *r)
{
	(void)plat;
	(void)agent_id;
	(void)id;
	(void)first;
	(void)rates;
	(void)max;
	r->range = true;
	r->min = 100000000u;
	r->max = 200000000u;
	r->step = 25000000u;
	return SCMI_SUCCESS;
}
// NOLINTEND(readability-non-const-parameter)

/*
 * DESCRIBE_RATES of a range in a reply with room for two of its three rates: PROTOCOL_ERROR (a
 * triplet is never split); with room for three, the triplet.
 */
static void test_clock_range_no_room(void **state)
{
	struct edges_fx *f = *state;
	struct scmi_server_platform_ops ops;
	struct scmi_server_clock_ops clock;
	const uint32_t hdr =
	    scmi_hdr_make(SCMI_PROTOCOL_CLOCK, SCMI_MSG_CLOCK_DESCRIBE_RATES, 0, 1);
	const uint8_t in[8] = {0};

	(void)EDGES_SWAP(&ops, clock, &clock);
	clock.describe = describe_range;
	scmi_server_init(&f->srv, &ops, f->p);
	/* The status, the flags and two rates of two words each. */
	f->len = scmi_server_process_raw(&f->srv, 0, hdr, in, sizeof(in), f->rsp, 8 + 2 * 8);
	assert_int_equal(f->len, 4);
	assert_int_equal(scmi_get_le32(f->rsp), (uint32_t)SCMI_PROTOCOL_ERROR);
	f->len = scmi_server_process_raw(&f->srv, 0, hdr, in, sizeof(in), f->rsp, 8 + 3 * 8);
	assert_int_equal(scmi_get_le32(f->rsp), SCMI_SUCCESS);
	assert_int_equal(f->len, 8 + 3 * 8);
	assert_int_equal(scmi_get_le32(f->rsp + 4),
			 SCMI_CLOCK_RATES_TRIPLET_COUNT | SCMI_CLOCK_RATES_TRIPLET);
	assert_int_equal(scmi_get_le64(f->rsp + 8), 100000000u);
	assert_int_equal(scmi_get_le64(f->rsp + 24), 25000000u);
}

/* CONFIG_GET: the attributes and OEM words are 0, the config word says the clock is on. */
static void test_clock_config_get_words(void **state)
{
	struct edges_fx *f = *state;
	struct scmi_server_clock_info info;
	const uint32_t args[2] = {0, 0};
	uint32_t me;

	assert_true(sim_platform_ops()->channel_agent(f->p, 0, &me));
	memset(&info, 0, sizeof(info));
	assert_int_equal(sim_platform_ops()->clock->info(f->p, me, 0, &info), SCMI_SUCCESS);
	assert_int_equal(edges_call(f, SCMI_PROTOCOL_CLOCK, SCMI_MSG_CLOCK_CONFIG_GET, args, 2),
			 SCMI_SUCCESS);
	assert_int_equal(f->len, 16);
	assert_int_equal(scmi_get_le32(f->rsp + 4), 0);
	assert_int_equal(scmi_get_le32(f->rsp + 8), info.enabled ? SCMI_CLOCK_CONFIG_ENABLED : 0u);
	assert_int_equal(scmi_get_le32(f->rsp + 12), 0);
}

/* A parents op that succeeds and gives neither a total nor a parent. */
// NOLINTBEGIN(readability-non-const-parameter): the op's signature; it writes nothing
static int32_t parents_unwritten(void *plat, uint32_t agent_id, uint32_t id, uint32_t skip,
				 uint32_t *ids, uint32_t max, uint32_t *total)
{
	(void)plat;
	(void)agent_id;
	(void)id;
	(void)skip;
	(void)ids;
	(void)max;
	(void)total;
	return SCMI_SUCCESS;
}
// NOLINTEND(readability-non-const-parameter)

/* POSSIBLE_PARENTS_GET when the platform gives no total: a clock without parents. */
static void test_clock_parents_total_unwritten(void **state)
{
	struct edges_fx *f = *state;
	struct scmi_server_platform_ops ops;
	struct scmi_server_clock_ops clock;
	const uint32_t args[2] = {0, 0};

	(void)EDGES_SWAP(&ops, clock, &clock);
	clock.parents = parents_unwritten;
	scmi_server_init(&f->srv, &ops, f->p);
	assert_int_equal(
	    edges_call(f, SCMI_PROTOCOL_CLOCK, SCMI_MSG_CLOCK_POSSIBLE_PARENTS_GET, args, 2),
	    SCMI_SUCCESS);
	assert_int_equal(f->len, 8);
	assert_int_equal(scmi_get_le32(f->rsp + 4), 0);
}

/* POSSIBLE_PARENTS_GET in a reply with room for the status alone: PROTOCOL_ERROR. */
static void test_clock_parents_no_room(void **state)
{
	struct edges_fx *f = *state;
	const uint8_t in[8] = {0};

	f->len = scmi_server_process_raw(
	    &f->srv, 0,
	    scmi_hdr_make(SCMI_PROTOCOL_CLOCK, SCMI_MSG_CLOCK_POSSIBLE_PARENTS_GET, 0, 1), in,
	    sizeof(in), f->rsp, 4);
	assert_int_equal(f->len, 4);
	assert_int_equal(scmi_get_le32(f->rsp), (uint32_t)SCMI_PROTOCOL_ERROR);
}

/* How many times parent_set below was called. */
static unsigned int parent_set_calls;

static int32_t counting_parent_set(void *plat, uint32_t agent_id, uint32_t id, uint32_t parent_id)
{
	(void)plat;
	(void)agent_id;
	(void)id;
	(void)parent_id;
	parent_set_calls++;
	return SCMI_SUCCESS;
}

/*
 * PARENT_SET naming a clock or a parent the agent does not have: NOT_FOUND, and the platform
 * is never asked (it could refuse permission first); both known, the platform's answer.
 */
static void test_clock_parent_set_unknown(void **state)
{
	struct edges_fx *f = *state;
	struct scmi_server_platform_ops ops;
	struct scmi_server_clock_ops clock;
	uint32_t args[2];
	uint32_t n;

	(void)EDGES_SWAP(&ops, clock, &clock);
	clock.parent_set = counting_parent_set;
	scmi_server_init(&f->srv, &ops, f->p);
	n = clock_count(f);
	parent_set_calls = 0;
	args[0] = 0;
	args[1] = n;
	assert_int_equal(edges_call(f, SCMI_PROTOCOL_CLOCK, SCMI_MSG_CLOCK_PARENT_SET, args, 2),
			 SCMI_NOT_FOUND);
	args[0] = n;
	args[1] = 0;
	assert_int_equal(edges_call(f, SCMI_PROTOCOL_CLOCK, SCMI_MSG_CLOCK_PARENT_SET, args, 2),
			 SCMI_NOT_FOUND);
	assert_int_equal(parent_set_calls, 0);
	args[0] = n - 1;
	assert_int_equal(edges_call(f, SCMI_PROTOCOL_CLOCK, SCMI_MSG_CLOCK_PARENT_SET, args, 2),
			 SCMI_SUCCESS);
	assert_int_equal(parent_set_calls, 1);
}

/* PARENT_SET of known clocks on a platform without the op: NOT_SUPPORTED. */
static void test_clock_parent_set_no_op(void **state)
{
	struct edges_fx *f = *state;
	struct scmi_server_platform_ops ops;
	struct scmi_server_clock_ops clock;
	const uint32_t args[2] = {0, 0};

	(void)EDGES_SWAP(&ops, clock, &clock);
	clock.parent_set = NULL;
	scmi_server_init(&f->srv, &ops, f->p);
	assert_int_equal(edges_call(f, SCMI_PROTOCOL_CLOCK, SCMI_MSG_CLOCK_PARENT_SET, args, 2),
			 SCMI_NOT_SUPPORTED);
	assert_int_equal(f->len, 4);
}

/* A parent_get op that succeeds and gives no parent. */
// NOLINTBEGIN(readability-non-const-parameter): the op's signature; it writes nothing
static int32_t parent_get_unwritten(void *plat, uint32_t agent_id, uint32_t id, uint32_t *parent_id)
{
	(void)plat;
	(void)agent_id;
	(void)id;
	(void)parent_id;
	return SCMI_SUCCESS;
}
// NOLINTEND(readability-non-const-parameter)

/* PARENT_GET when the platform gives no parent: 0, what the unwritten field reads. */
static void test_clock_parent_get_unwritten(void **state)
{
	struct edges_fx *f = *state;
	struct scmi_server_platform_ops ops;
	struct scmi_server_clock_ops clock;
	const uint32_t id = 0;

	(void)EDGES_SWAP(&ops, clock, &clock);
	clock.parent_get = parent_get_unwritten;
	scmi_server_init(&f->srv, &ops, f->p);
	assert_int_equal(edges_call(f, SCMI_PROTOCOL_CLOCK, SCMI_MSG_CLOCK_PARENT_GET, &id, 1),
			 SCMI_SUCCESS);
	assert_int_equal(f->len, 8);
	assert_int_equal(scmi_get_le32(f->rsp + 4), 0);
}

/* --- Perf --------------------------------------------------------------------------------- */

static const struct scmi_server_perf_ops *real_perf;

/* A domain op that gives two levels and nothing else. */
static int32_t domain_levels_only(void *plat, uint32_t agent_id, uint32_t id,
				  struct scmi_server_perf_domain *d)
{
	(void)plat;
	(void)agent_id;
	(void)id;
	d->num_levels = 2;
	return SCMI_SUCCESS;
}

/*
 * DOMAIN_ATTRIBUTES of a domain whose platform gives nothing but its levels: every flag,
 * rate limit, sustained value and name byte 0, what the unwritten description reads.
 */
static void test_perf_attributes_unwritten(void **state)
{
	struct edges_fx *f = *state;
	struct scmi_server_platform_ops ops;
	struct scmi_server_perf_ops perf;
	const uint32_t domain = 0;
	size_t i;

	(void)EDGES_SWAP(&ops, perf, &perf);
	perf.domain = domain_levels_only;
	scmi_server_init(&f->srv, &ops, f->p);
	assert_int_equal(
	    edges_call(f, SCMI_PROTOCOL_PERF, SCMI_MSG_PERF_DOMAIN_ATTRIBUTES, &domain, 1),
	    SCMI_SUCCESS);
	assert_int_equal(f->len, 20 + SCMI_SHORT_NAME_SIZE);
	for (i = 4; i < f->len; i++)
		assert_int_equal(f->rsp[i], 0);
}

/* The platform's domain, with no levels. */
static int32_t domain_no_levels(void *plat, uint32_t agent_id, uint32_t id,
				struct scmi_server_perf_domain *d)
{
	int32_t st = real_perf->domain(plat, agent_id, id, d);

	d->num_levels = 0;
	return st;
}

/* LEVEL_GET of a domain the platform gives no levels: GENERIC_ERROR (its description is wrong). */
static void test_perf_domain_no_levels(void **state)
{
	struct edges_fx *f = *state;
	struct scmi_server_platform_ops ops;
	struct scmi_server_perf_ops perf;
	const uint32_t domain = 0;

	real_perf = EDGES_SWAP(&ops, perf, &perf);
	perf.domain = domain_no_levels;
	scmi_server_init(&f->srv, &ops, f->p);
	assert_int_equal(edges_call(f, SCMI_PROTOCOL_PERF, SCMI_MSG_PERF_LEVEL_GET, &domain, 1),
			 SCMI_GENERIC_ERROR);
	assert_int_equal(f->len, 4);
}

/* DESCRIBE_LEVELS on a platform without the opp op: GENERIC_ERROR. */
static void test_perf_levels_no_opp_op(void **state)
{
	struct edges_fx *f = *state;
	struct scmi_server_platform_ops ops;
	struct scmi_server_perf_ops perf;
	const uint32_t args[2] = {0, 0};

	(void)EDGES_SWAP(&ops, perf, &perf);
	perf.opp = NULL;
	scmi_server_init(&f->srv, &ops, f->p);
	assert_int_equal(edges_call(f, SCMI_PROTOCOL_PERF, SCMI_MSG_PERF_DESCRIBE_LEVELS, args, 2),
			 SCMI_GENERIC_ERROR);
	assert_int_equal(f->len, 4);
}

/* An opp op that succeeds and gives nothing. */
// NOLINTBEGIN(readability-non-const-parameter): the op's signature; it writes nothing
static int32_t opp_unwritten(void *plat, uint32_t agent_id, uint32_t id, uint32_t index,
			     struct scmi_server_perf_opp *opp)
{
	(void)plat;
	(void)agent_id;
	(void)id;
	(void)index;
	(void)opp;
	return SCMI_SUCCESS;
}
// NOLINTEND(readability-non-const-parameter)

/* DESCRIBE_LEVELS when the platform gives no OPP fields: each entry's words 0 but its index. */
static void test_perf_levels_unwritten(void **state)
{
	struct edges_fx *f = *state;
	struct scmi_server_platform_ops ops;
	struct scmi_server_perf_ops perf;
	const uint32_t args[2] = {0, 0};
	uint32_t n, i;

	(void)EDGES_SWAP(&ops, perf, &perf);
	perf.opp = opp_unwritten;
	scmi_server_init(&f->srv, &ops, f->p);
	assert_int_equal(edges_call(f, SCMI_PROTOCOL_PERF, SCMI_MSG_PERF_DESCRIBE_LEVELS, args, 2),
			 SCMI_SUCCESS);
	n = scmi_get_le32(f->rsp + 4) & SCMI_PERF_LEVELS_RETURNED_MAX;
	assert_true(n > 0);
	/* v4 entries: level, power, latency, indicative frequency, index. */
	assert_int_equal(f->len, 8 + (size_t)n * 20);
	for (i = 0; i < n; i++) {
		const uint8_t *e = f->rsp + 8 + (size_t)i * 20;

		assert_int_equal(scmi_get_le32(e), 0);
		assert_int_equal(scmi_get_le32(e + 4), 0);
		assert_int_equal(scmi_get_le32(e + 8), 0);
		assert_int_equal(scmi_get_le32(e + 12), 0);
		assert_int_equal(scmi_get_le32(e + 16), i);
	}
}

/* The platform's domain, in level-indexing mode. */
static int32_t domain_indexing(void *plat, uint32_t agent_id, uint32_t id,
			       struct scmi_server_perf_domain *d)
{
	int32_t st = real_perf->domain(plat, agent_id, id, d);

	d->level_indexing = true;
	return st;
}

/* An opp op that fails. */
// NOLINTBEGIN(readability-non-const-parameter): the op's signature; it writes nothing
static int32_t opp_fails(void *plat, uint32_t agent_id, uint32_t id, uint32_t index,
			 struct scmi_server_perf_opp *opp)
{
	(void)plat;
	(void)agent_id;
	(void)id;
	(void)index;
	(void)opp;
	return SCMI_HARDWARE_ERROR;
}
// NOLINTEND(readability-non-const-parameter)

/*
 * LEVEL_SET by index on a level-indexing domain whose OPPs the platform fails to give: its
 * status, and no level set.
 */
static void test_perf_index_set_opp_fails(void **state)
{
	struct edges_fx *f = *state;
	struct scmi_server_platform_ops ops;
	struct scmi_server_perf_ops perf;
	const uint32_t args[2] = {0, 0};

	real_perf = EDGES_SWAP(&ops, perf, &perf);
	perf.domain = domain_indexing;
	perf.opp = opp_fails;
	scmi_server_init(&f->srv, &ops, f->p);
	assert_int_equal(edges_call(f, SCMI_PROTOCOL_PERF, SCMI_MSG_PERF_LEVEL_SET, args, 2),
			 SCMI_HARDWARE_ERROR);
	assert_int_equal(f->len, 4);
}

/* LEVEL_GET of a level-indexing domain whose OPPs the platform fails to give: its status. */
static void test_perf_index_get_opp_fails(void **state)
{
	struct edges_fx *f = *state;
	struct scmi_server_platform_ops ops;
	struct scmi_server_perf_ops perf;
	const uint32_t domain = 0;

	real_perf = EDGES_SWAP(&ops, perf, &perf);
	perf.domain = domain_indexing;
	perf.opp = opp_fails;
	scmi_server_init(&f->srv, &ops, f->p);
	assert_int_equal(edges_call(f, SCMI_PROTOCOL_PERF, SCMI_MSG_PERF_LEVEL_GET, &domain, 1),
			 SCMI_HARDWARE_ERROR);
	assert_int_equal(f->len, 4);
}

/* A level_get op that gives a level below every OPP. */
static int32_t level_get_below(void *plat, uint32_t agent_id, uint32_t id, uint32_t *level)
{
	(void)plat;
	(void)agent_id;
	(void)id;
	*level = 0;
	return SCMI_SUCCESS;
}

/* LEVEL_GET of a level-indexing domain running below its lowest OPP: index 0, the lowest. */
static void test_perf_index_below_lowest(void **state)
{
	struct edges_fx *f = *state;
	struct scmi_server_platform_ops ops;
	struct scmi_server_perf_ops perf;
	const uint32_t domain = 0;

	real_perf = EDGES_SWAP(&ops, perf, &perf);
	perf.domain = domain_indexing;
	perf.level_get = level_get_below;
	scmi_server_init(&f->srv, &ops, f->p);
	assert_int_equal(edges_call(f, SCMI_PROTOCOL_PERF, SCMI_MSG_PERF_LEVEL_GET, &domain, 1),
			 SCMI_SUCCESS);
	assert_int_equal(f->len, 8);
	assert_int_equal(scmi_get_le32(f->rsp + 4), 0);
}

/* A platform that measures power in microwatts. */
static bool power_in_uw(void *plat)
{
	(void)plat;
	return true;
}

/* Four domains: an even count, which a stray bit 0 would change. */
static uint32_t four_domains(void *plat, uint32_t agent_id)
{
	(void)plat;
	(void)agent_id;
	return 4;
}

/*
 * PROTOCOL_ATTRIBUTES of a platform measuring power in microwatts: the microwatt flag for an
 * agent of v3 on, neither unit for one that negotiated v2 (the flag does not exist there and
 * the values are not milliwatts); the domain count untouched in both.
 */
static void test_perf_power_uw_by_version(void **state)
{
	struct edges_fx *f = *state;
	struct scmi_server_platform_ops ops;
	struct scmi_server_perf_ops perf;
	const uint32_t v2 = SCMI_PERF_VERSION_2_0;
	const uint32_t n = 4;
	uint32_t attr;

	(void)EDGES_SWAP(&ops, perf, &perf);
	perf.power_uw = power_in_uw;
	perf.count = four_domains;
	scmi_server_init(&f->srv, &ops, f->p);
	assert_int_equal(edges_call(f, SCMI_PROTOCOL_PERF, SCMI_MSG_PROTOCOL_ATTRIBUTES, NULL, 0),
			 SCMI_SUCCESS);
	attr = scmi_get_le32(f->rsp + 4);
	assert_int_equal(attr & SCMI_PERF_PA_NUM_DOMAINS_MAX, n);
	assert_int_equal(attr & ~SCMI_PERF_PA_NUM_DOMAINS_MAX, SCMI_PERF_PA_POWER_UW);

	assert_int_equal(
	    edges_call(f, SCMI_PROTOCOL_PERF, SCMI_MSG_NEGOTIATE_PROTOCOL_VERSION, &v2, 1),
	    SCMI_SUCCESS);
	assert_int_equal(edges_call(f, SCMI_PROTOCOL_PERF, SCMI_MSG_PROTOCOL_ATTRIBUTES, NULL, 0),
			 SCMI_SUCCESS);
	attr = scmi_get_le32(f->rsp + 4);
	assert_int_equal(attr & SCMI_PERF_PA_NUM_DOMAINS_MAX, n);
	assert_int_equal(attr & ~SCMI_PERF_PA_NUM_DOMAINS_MAX, 0);
}

/*
 * DOMAIN_ATTRIBUTES of a level-indexing domain whose OPPs the platform fails to give (the
 * sustained level is sent as an index): its status.
 */
static void test_perf_attributes_index_fails(void **state)
{
	struct edges_fx *f = *state;
	struct scmi_server_platform_ops ops;
	struct scmi_server_perf_ops perf;
	const uint32_t domain = 0;

	real_perf = EDGES_SWAP(&ops, perf, &perf);
	perf.domain = domain_indexing;
	perf.opp = opp_fails;
	scmi_server_init(&f->srv, &ops, f->p);
	assert_int_equal(
	    edges_call(f, SCMI_PROTOCOL_PERF, SCMI_MSG_PERF_DOMAIN_ATTRIBUTES, &domain, 1),
	    SCMI_HARDWARE_ERROR);
	assert_int_equal(f->len, 4);
}

/* The platform's domain, named with 15 characters. */
static int32_t domain_name_fifteen(void *plat, uint32_t agent_id, uint32_t id,
				   struct scmi_server_perf_domain *d)
{
	int32_t st = real_perf->domain(plat, agent_id, id, d);

	memset(d->name, 0, sizeof(d->name));
	memset(d->name, 'p', SCMI_SHORT_NAME_SIZE - 1);
	return st;
}

/* DOMAIN_ATTRIBUTES of a domain whose name is 15 characters: all of them, then the NUL. */
static void test_perf_name_fifteen(void **state)
{
	struct edges_fx *f = *state;
	struct scmi_server_platform_ops ops;
	struct scmi_server_perf_ops perf;
	const uint32_t domain = 0;
	size_t i;

	real_perf = EDGES_SWAP(&ops, perf, &perf);
	perf.domain = domain_name_fifteen;
	scmi_server_init(&f->srv, &ops, f->p);
	assert_int_equal(
	    edges_call(f, SCMI_PROTOCOL_PERF, SCMI_MSG_PERF_DOMAIN_ATTRIBUTES, &domain, 1),
	    SCMI_SUCCESS);
	assert_int_equal(f->len, 20 + SCMI_SHORT_NAME_SIZE);
	for (i = 0; i < SCMI_SHORT_NAME_SIZE - 1; i++)
		assert_int_equal(f->rsp[20 + i], 'p');
	assert_int_equal(f->rsp[20 + SCMI_SHORT_NAME_SIZE - 1], 0);
}

/* The platform's domain, with twice the levels the 16-bit remaining field counts. */
static int32_t domain_many_levels(void *plat, uint32_t agent_id, uint32_t id,
				  struct scmi_server_perf_domain *d)
{
	int32_t st = real_perf->domain(plat, agent_id, id, d);

	d->num_levels = 2u * (SCMI_PERF_LEVELS_REMAINING_MAX + 1u);
	return st;
}

/* An opp op that gives level index + 1 for any index. */
static int32_t opp_any(void *plat, uint32_t agent_id, uint32_t id, uint32_t index,
		       struct scmi_server_perf_opp *opp)
{
	(void)plat;
	(void)agent_id;
	(void)id;
	opp->level = index + 1;
	return SCMI_SUCCESS;
}

/*
 * DESCRIBE_LEVELS of a domain with more levels than the 16-bit remaining field counts:
 * GENERIC_ERROR for a first page, after which too many remain.
 */
static void test_perf_levels_past_16_bits(void **state)
{
	struct edges_fx *f = *state;
	struct scmi_server_platform_ops ops;
	struct scmi_server_perf_ops perf;
	const uint32_t args[2] = {0, 0};

	real_perf = EDGES_SWAP(&ops, perf, &perf);
	perf.domain = domain_many_levels;
	perf.opp = opp_any;
	scmi_server_init(&f->srv, &ops, f->p);
	assert_int_equal(edges_call(f, SCMI_PROTOCOL_PERF, SCMI_MSG_PERF_DESCRIBE_LEVELS, args, 2),
			 SCMI_GENERIC_ERROR);
	assert_int_equal(f->len, 4);
}

/* The platform's domain, whose limits the agent may not set. */
static int32_t domain_no_set_limits(void *plat, uint32_t agent_id, uint32_t id,
				    struct scmi_server_perf_domain *d)
{
	int32_t st = real_perf->domain(plat, agent_id, id, d);

	d->set_limits = false;
	return st;
}

/* How many times limits_set below was called. */
static unsigned int limits_set_calls;

static int32_t counting_limits_set(void *plat, uint32_t agent_id, uint32_t id, uint32_t max,
				   uint32_t min)
{
	(void)plat;
	(void)agent_id;
	(void)id;
	(void)max;
	(void)min;
	limits_set_calls++;
	return SCMI_SUCCESS;
}

/*
 * LIMITS_SET on a domain whose description says the agent may not set limits: DENIED, and
 * the platform is never asked, whatever its op would answer.
 */
static void test_perf_limits_set_not_allowed(void **state)
{
	struct edges_fx *f = *state;
	struct scmi_server_platform_ops ops;
	struct scmi_server_perf_ops perf;
	const uint32_t args[3] = {0, 1, 1};

	real_perf = EDGES_SWAP(&ops, perf, &perf);
	perf.domain = domain_no_set_limits;
	perf.limits_set = counting_limits_set;
	scmi_server_init(&f->srv, &ops, f->p);
	limits_set_calls = 0;
	assert_int_equal(edges_call(f, SCMI_PROTOCOL_PERF, SCMI_MSG_PERF_LIMITS_SET, args, 3),
			 SCMI_DENIED);
	assert_int_equal(f->len, 4);
	assert_int_equal(limits_set_calls, 0);
}

/* LEVEL_GET on a platform without the level_get op: GENERIC_ERROR. */
static void test_perf_level_get_no_op(void **state)
{
	struct edges_fx *f = *state;
	struct scmi_server_platform_ops ops;
	struct scmi_server_perf_ops perf;
	const uint32_t domain = 0;

	(void)EDGES_SWAP(&ops, perf, &perf);
	perf.level_get = NULL;
	scmi_server_init(&f->srv, &ops, f->p);
	assert_int_equal(edges_call(f, SCMI_PROTOCOL_PERF, SCMI_MSG_PERF_LEVEL_GET, &domain, 1),
			 SCMI_GENERIC_ERROR);
	assert_int_equal(f->len, 4);
}

/* A level_get op that fails. */
// NOLINTBEGIN(readability-non-const-parameter): the op's signature; it writes nothing
static int32_t level_get_fails(void *plat, uint32_t agent_id, uint32_t id, uint32_t *level)
{
	(void)plat;
	(void)agent_id;
	(void)id;
	(void)level;
	return SCMI_BUSY;
}
// NOLINTEND(readability-non-const-parameter)

/* LEVEL_GET the platform fails: its status alone. */
static void test_perf_level_get_fails(void **state)
{
	struct edges_fx *f = *state;
	struct scmi_server_platform_ops ops;
	struct scmi_server_perf_ops perf;
	const uint32_t domain = 0;

	(void)EDGES_SWAP(&ops, perf, &perf);
	perf.level_get = level_get_fails;
	scmi_server_init(&f->srv, &ops, f->p);
	assert_int_equal(edges_call(f, SCMI_PROTOCOL_PERF, SCMI_MSG_PERF_LEVEL_GET, &domain, 1),
			 SCMI_BUSY);
	assert_int_equal(f->len, 4);
}

/* The platform's domain, without notifications or fast channels. */
static int32_t domain_plain(void *plat, uint32_t agent_id, uint32_t id,
			    struct scmi_server_perf_domain *d)
{
	int32_t st = real_perf->domain(plat, agent_id, id, d);

	d->notify_level = false;
	d->notify_limits = false;
	d->fastchannels = false;
	return st;
}

/* How many times the platform was asked for notifications or a fast channel. */
static unsigned int perf_op_calls;

static int32_t counting_notify(void *plat, uint32_t agent_id, uint32_t id, bool limits, bool enable)
{
	(void)plat;
	(void)agent_id;
	(void)id;
	(void)limits;
	(void)enable;
	perf_op_calls++;
	return SCMI_SUCCESS;
}

static int32_t counting_fastchannel(void *plat, uint32_t agent_id, uint32_t id, uint32_t msg_id,
				    struct scmi_server_fastchannel *out)
{
	(void)plat;
	(void)agent_id;
	(void)id;
	(void)msg_id;
	(void)out;
	perf_op_calls++;
	return SCMI_SUCCESS;
}

/*
 * NOTIFY_LEVEL, NOTIFY_LIMITS and DESCRIBE_FASTCHANNEL on a domain whose description has
 * neither notifications nor fast channels: NOT_SUPPORTED, and the platform's ops, present,
 * are never asked.
 */
static void test_perf_domain_without_features(void **state)
{
	struct edges_fx *f = *state;
	struct scmi_server_platform_ops ops;
	struct scmi_server_perf_ops perf;
	const uint32_t notify[2] = {0, 1};
	const uint32_t fc[2] = {0, SCMI_MSG_PERF_LEVEL_SET};

	real_perf = EDGES_SWAP(&ops, perf, &perf);
	perf.domain = domain_plain;
	perf.notify = counting_notify;
	perf.fastchannel = counting_fastchannel;
	scmi_server_init(&f->srv, &ops, f->p);
	perf_op_calls = 0;
	assert_int_equal(edges_call(f, SCMI_PROTOCOL_PERF, SCMI_MSG_PERF_NOTIFY_LEVEL, notify, 2),
			 SCMI_NOT_SUPPORTED);
	assert_int_equal(edges_call(f, SCMI_PROTOCOL_PERF, SCMI_MSG_PERF_NOTIFY_LIMITS, notify, 2),
			 SCMI_NOT_SUPPORTED);
	assert_int_equal(
	    edges_call(f, SCMI_PROTOCOL_PERF, SCMI_MSG_PERF_DESCRIBE_FASTCHANNEL, fc, 2),
	    SCMI_NOT_SUPPORTED);
	assert_int_equal(f->len, 4);
	assert_int_equal(perf_op_calls, 0);
}

/* The platform's domain, with fast channels. */
static int32_t domain_fc(void *plat, uint32_t agent_id, uint32_t id,
			 struct scmi_server_perf_domain *d)
{
	int32_t st = real_perf->domain(plat, agent_id, id, d);

	d->fastchannels = true;
	return st;
}

/* A fastchannel op that fails. */
// NOLINTBEGIN(readability-non-const-parameter): the op's signature; it writes nothing
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
// NOLINTEND(readability-non-const-parameter)

/* DESCRIBE_FASTCHANNEL of a domain with fast channels that the platform fails to give. */
static void test_perf_fastchannel_fails(void **state)
{
	struct edges_fx *f = *state;
	struct scmi_server_platform_ops ops;
	struct scmi_server_perf_ops perf;
	const uint32_t fc[2] = {0, SCMI_MSG_PERF_LEVEL_SET};

	real_perf = EDGES_SWAP(&ops, perf, &perf);
	perf.domain = domain_fc;
	perf.fastchannel = fastchannel_fails;
	scmi_server_init(&f->srv, &ops, f->p);
	assert_int_equal(
	    edges_call(f, SCMI_PROTOCOL_PERF, SCMI_MSG_PERF_DESCRIBE_FASTCHANNEL, fc, 2),
	    SCMI_HARDWARE_ERROR);
	assert_int_equal(f->len, 4);
}

/* The platform's domains, only the first with fast channels. */
static int32_t domain_fc_first(void *plat, uint32_t agent_id, uint32_t id,
			       struct scmi_server_perf_domain *d)
{
	int32_t st = real_perf->domain(plat, agent_id, id, d);

	d->fastchannels = id == 0;
	return st;
}

/*
 * PROTOCOL_MESSAGE_ATTRIBUTES of LEVEL_SET when only domain 0 has fast channels: the fast
 * channel bit (the first domain counts).
 */
static void test_perf_msg_attributes_first_domain(void **state)
{
	struct edges_fx *f = *state;
	struct scmi_server_platform_ops ops;
	struct scmi_server_perf_ops perf;
	const uint32_t msg = SCMI_MSG_PERF_LEVEL_SET;

	real_perf = EDGES_SWAP(&ops, perf, &perf);
	perf.domain = domain_fc_first;
	scmi_server_init(&f->srv, &ops, f->p);
	assert_int_equal(
	    edges_call(f, SCMI_PROTOCOL_PERF, SCMI_MSG_PROTOCOL_MESSAGE_ATTRIBUTES, &msg, 1),
	    SCMI_SUCCESS);
	assert_int_equal(scmi_get_le32(f->rsp + 4), SCMI_PERF_MSG_ATTR_FASTCHANNEL);
}

/* The platform's OPPs, but the first one fails. */
static int32_t opp_first_fails(void *plat, uint32_t agent_id, uint32_t id, uint32_t index,
			       struct scmi_server_perf_opp *opp)
{
	if (index == 0)
		return SCMI_HARDWARE_ERROR;
	return real_perf->opp(plat, agent_id, id, index, opp);
}

/* LEVEL_GET of a level-indexing domain whose first OPP fails: its status (the walk starts there).
 */
static void test_perf_index_first_opp_fails(void **state)
{
	struct edges_fx *f = *state;
	struct scmi_server_platform_ops ops;
	struct scmi_server_perf_ops perf;
	const uint32_t domain = 0;

	real_perf = EDGES_SWAP(&ops, perf, &perf);
	perf.domain = domain_indexing;
	perf.opp = opp_first_fails;
	scmi_server_init(&f->srv, &ops, f->p);
	assert_int_equal(edges_call(f, SCMI_PROTOCOL_PERF, SCMI_MSG_PERF_LEVEL_GET, &domain, 1),
			 SCMI_HARDWARE_ERROR);
	assert_int_equal(f->len, 4);
}

/*
 * On a platform whose domains give nothing but their levels: PROTOCOL_MESSAGE_ATTRIBUTES of
 * LEVEL_SET has no fast channel bit, and DOMAIN_NAME_GET is NOT_SUPPORTED (no extended name).
 */
static void test_perf_descriptions_unwritten(void **state)
{
	struct edges_fx *f = *state;
	struct scmi_server_platform_ops ops;
	struct scmi_server_perf_ops perf;
	const uint32_t msg = SCMI_MSG_PERF_LEVEL_SET;
	const uint32_t domain = 0;

	(void)EDGES_SWAP(&ops, perf, &perf);
	perf.domain = domain_levels_only;
	scmi_server_init(&f->srv, &ops, f->p);
	assert_int_equal(
	    edges_call(f, SCMI_PROTOCOL_PERF, SCMI_MSG_PROTOCOL_MESSAGE_ATTRIBUTES, &msg, 1),
	    SCMI_SUCCESS);
	assert_int_equal(scmi_get_le32(f->rsp + 4), 0);
	assert_int_equal(
	    edges_call(f, SCMI_PROTOCOL_PERF, SCMI_MSG_PERF_DOMAIN_NAME_GET, &domain, 1),
	    SCMI_NOT_SUPPORTED);
	assert_int_equal(f->len, 4);
}

/* The platform's domain, with an extended name filling its field but the NUL. */
static int32_t domain_name_full(void *plat, uint32_t agent_id, uint32_t id,
				struct scmi_server_perf_domain *d)
{
	int32_t st = real_perf->domain(plat, agent_id, id, d);

	memset(d->name, 'n', sizeof(d->name) - 1);
	d->name[sizeof(d->name) - 1] = '\0';
	d->extended_name = true;
	return st;
}

/* DOMAIN_NAME_GET of a name of 63 characters: all of them, then the NUL. */
static void test_perf_name_get_full(void **state)
{
	struct edges_fx *f = *state;
	struct scmi_server_platform_ops ops;
	struct scmi_server_perf_ops perf;
	const uint32_t domain = 0;
	size_t i;

	real_perf = EDGES_SWAP(&ops, perf, &perf);
	perf.domain = domain_name_full;
	scmi_server_init(&f->srv, &ops, f->p);
	assert_int_equal(
	    edges_call(f, SCMI_PROTOCOL_PERF, SCMI_MSG_PERF_DOMAIN_NAME_GET, &domain, 1),
	    SCMI_SUCCESS);
	assert_int_equal(f->len, 8 + SCMI_EXT_NAME_SIZE);
	for (i = 0; i < SCMI_EXT_NAME_SIZE - 1; i++)
		assert_int_equal(f->rsp[8 + i], 'n');
	assert_int_equal(f->rsp[8 + SCMI_EXT_NAME_SIZE - 1], 0);
}

/* --- Helpers ------------------------------------------------------------------------------ */

/* A fastchannel op that gives a channel with a 32-bit doorbell, every field its own value. */
static int32_t fastchannel_doorbell(void *plat, uint32_t agent_id, uint32_t id, uint32_t msg_id,
				    struct scmi_server_fastchannel *out)
{
	(void)plat;
	(void)agent_id;
	(void)id;
	(void)msg_id;
	out->addr = 0x1122334455667788ull;
	out->size = 4;
	out->rate_limit_us = 1000;
	out->doorbell = true;
	out->db_width = 2;
	out->db_addr = 0x8000000000001000ull;
	out->db_set = 0x0000000100000002ull;
	out->db_preserve = 0xffff0000ffff0000ull;
	return SCMI_SUCCESS;
}

/*
 * DESCRIBE_FASTCHANNEL of a channel with a doorbell: every word of
 * struct scmi_perf_describe_fastchannel_p2a, the doorbell's preserve mask last.
 */
static void test_fastchannel_reply_whole(void **state)
{
	struct edges_fx *f = *state;
	struct scmi_server_platform_ops ops;
	struct scmi_server_perf_ops perf;
	const uint32_t fc[2] = {0, SCMI_MSG_PERF_LEVEL_SET};

	real_perf = EDGES_SWAP(&ops, perf, &perf);
	perf.domain = domain_fc;
	perf.fastchannel = fastchannel_doorbell;
	scmi_server_init(&f->srv, &ops, f->p);
	assert_int_equal(
	    edges_call(f, SCMI_PROTOCOL_PERF, SCMI_MSG_PERF_DESCRIBE_FASTCHANNEL, fc, 2),
	    SCMI_SUCCESS);
	assert_int_equal(f->len, 4 + 44);
	assert_int_equal(scmi_get_le32(f->rsp + 4),
			 SCMI_PERF_FC_DOORBELL | (2u << SCMI_PERF_FC_DOORBELL_WIDTH_SHIFT));
	assert_int_equal(scmi_get_le32(f->rsp + 8), 1000);
	assert_int_equal(scmi_get_le64(f->rsp + 12), 0x1122334455667788ull);
	assert_int_equal(scmi_get_le32(f->rsp + 20), 4);
	assert_int_equal(scmi_get_le64(f->rsp + 24), 0x8000000000001000ull);
	assert_int_equal(scmi_get_le64(f->rsp + 32), 0x0000000100000002ull);
	assert_int_equal(scmi_get_le64(f->rsp + 40), 0xffff0000ffff0000ull);
}

/*
 * A name field written from a name longer than the caller's bound allows and the field
 * holds: at most the field less its NUL, whatever bound the caller gave.
 */
static void test_put_name_bounded_by_field(void **state)
{
	struct edges_fx *f = *state;
	struct scmi_server_msg msg;
	uint8_t out[4 + SCMI_SHORT_NAME_SIZE];
	size_t i;

	memset(&msg, 0, sizeof(msg));
	msg.srv = &f->srv;
	msg.out = out;
	msg.out_room = sizeof(out);
	msg.out_size = 4;
	memset(out, 0xa5, sizeof(out));
	scmi_server_msg_put_name(&msg, "abcdefghijklmnopqrstuvwxyz", 100, SCMI_SHORT_NAME_SIZE);
	assert_int_equal(msg.out_size, sizeof(out));
	for (i = 0; i < SCMI_SHORT_NAME_SIZE - 1; i++)
		assert_int_equal(out[4 + i], 'a' + i);
	assert_int_equal(out[4 + SCMI_SHORT_NAME_SIZE - 1], 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    EDGES_TEST(test_clock_ids_past_16_bits),
	    EDGES_TEST(test_clock_async_rate_set_unknown),
	    EDGES_TEST(test_clock_async_rate_set_fails),
	    EDGES_TEST(test_clock_async_rate_set_no_rate),
	    EDGES_TEST(test_clock_async_rate_set_rate_fails),
	    EDGES_TEST(test_clock_range_no_room),
	    EDGES_TEST(test_clock_config_get_words),
	    EDGES_TEST(test_clock_parents_total_unwritten),
	    EDGES_TEST(test_clock_parents_no_room),
	    EDGES_TEST(test_clock_parent_set_unknown),
	    EDGES_TEST(test_clock_parent_set_no_op),
	    EDGES_TEST(test_clock_parent_get_unwritten),
	    EDGES_TEST(test_perf_attributes_unwritten),
	    EDGES_TEST(test_perf_domain_no_levels),
	    EDGES_TEST(test_perf_levels_no_opp_op),
	    EDGES_TEST(test_perf_levels_unwritten),
	    EDGES_TEST(test_perf_index_set_opp_fails),
	    EDGES_TEST(test_perf_index_get_opp_fails),
	    EDGES_TEST(test_perf_index_below_lowest),
	    EDGES_TEST(test_perf_power_uw_by_version),
	    EDGES_TEST(test_perf_attributes_index_fails),
	    EDGES_TEST(test_perf_name_fifteen),
	    EDGES_TEST(test_perf_levels_past_16_bits),
	    EDGES_TEST(test_perf_limits_set_not_allowed),
	    EDGES_TEST(test_perf_level_get_no_op),
	    EDGES_TEST(test_perf_level_get_fails),
	    EDGES_TEST(test_perf_domain_without_features),
	    EDGES_TEST(test_perf_fastchannel_fails),
	    EDGES_TEST(test_perf_msg_attributes_first_domain),
	    EDGES_TEST(test_perf_index_first_opp_fails),
	    EDGES_TEST(test_perf_descriptions_unwritten),
	    EDGES_TEST(test_perf_name_get_full),
	    EDGES_TEST(test_fastchannel_reply_whole),
	    EDGES_TEST(test_put_name_bounded_by_field),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
