// SPDX-License-Identifier: BSD-3-Clause
/*
 * Each fault, seen from the agent (libscmi) over the sim backend with a real
 * timeout: the secure world and its socket server run in this process, the
 * agent talks to them through a Unix socket as the CLI does. Every test runs
 * in the three transport modes. For each fault: the agent returns the error
 * the fault calls for within its timeout, and its next call works.
 */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <libfdt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "scmi/base.h"
#include "scmi/clock.h"
#include "scmi/scmi.h"
#include "platform/sim/sim_platform.h"
#include "scmi/proto/msg.h"
#include "secure/fault_inject.h"
#include "secure/secure_world.h"
#include "secure/socket_server.h"

/* Generous for sanitizers, yet far below what a late reply takes. */
#define TIMEOUT_MS 400u
#define LATE_MS	   1500u

/* The one-message call most tests fault: BASE_DISCOVER_IMPLEMENTATION_VERSION. */
#define IMPL "proto=0x10,msg=0x5"

/**
 * struct ff - a world served on a socket and an agent on it.
 * @world: the secure side
 * @fi:    its injector
 * @srv:   the socket server
 * @dir:   private directory of the socket
 * @sock:  the socket path
 * @agent: agent "linux" in @mode
 * @mode:  the transport mode
 */
struct ff {
	struct secure_world *world;
	struct fault_inject *fi;
	struct optee_sim_server *srv;
	char dir[64];
	char sock[128];
	struct scmi_agent *agent;
	enum scmi_mode mode;
};

static enum scmi_mode current_mode = SCMI_MODE_SMT;

static uint64_t now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000u + (uint64_t)ts.tv_nsec / 1000000u;
}

static void nap_ms(uint32_t ms)
{
	struct timespec ts = {.tv_sec = ms / 1000, .tv_nsec = (long)(ms % 1000) * 1000000L};

	nanosleep(&ts, NULL);
}

static struct scmi_agent *open_agent(struct ff *f, const char *dtb, enum scmi_mode mode)
{
	char err[256] = "";
	struct scmi_agent_config cfg = {
	    .dt_path = dtb,
	    .socket_path = f->sock,
	    .mode = mode,
	    .timeout_ms = TIMEOUT_MS,
	    .errbuf = err,
	    .errbuf_len = sizeof(err),
	};
	struct scmi_agent *a = NULL;
	int ret = scmi_agent_open(&cfg, &a);

	if (ret)
		print_error("scmi_agent_open(%s): %d %s\n", dtb, ret, err);
	assert_int_equal(ret, 0);
	return a;
}

static int ff_open(struct ff *f, const char *platform)
{
	struct optee_sim_server_config cfg = {0};
	char err[256] = "";

	memset(f, 0, sizeof(*f));
	f->mode = current_mode;
	snprintf(f->dir, sizeof(f->dir), "/tmp/scmi-fault-XXXXXX");
	if (!mkdtemp(f->dir))
		return -1;
	snprintf(f->sock, sizeof(f->sock), "%s/optee-simd.sock", f->dir);
	if (secure_world_create(platform, NULL, &f->world, err, sizeof(err))) {
		fprintf(stderr, "secure_world_create: %s\n", err);
		goto err_dir;
	}
	f->fi = secure_world_faults(f->world);
	cfg.socket_path = f->sock;
	cfg.quiet = true;
	f->srv = optee_sim_server_start(secure_world_core(f->world), &cfg, err, sizeof(err));
	if (!f->srv) {
		fprintf(stderr, "optee_sim_server_start: %s\n", err);
		goto err_world;
	}
	f->agent = open_agent(f, f->mode == SCMI_MODE_SMT ? AGENT_SMT_DTB : AGENT_MSG_DTB, f->mode);
	return 0;

err_world:
	secure_world_destroy(f->world);
err_dir:
	rmdir(f->dir);
	return -1;
}

static void ff_close(struct ff *f)
{
	scmi_agent_close(f->agent);
	optee_sim_server_stop(f->srv);
	secure_world_destroy(f->world);
	rmdir(f->dir);
}

static int setup(void **state)
{
	struct ff *f = calloc(1, sizeof(*f));

	if (!f || ff_open(f, PLATFORM_DTB)) {
		free(f);
		return -1;
	}
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct ff *f = *state;

	ff_close(f);
	free(f);
	return 0;
}

static void inject(struct ff *f, const char *spec)
{
	char err[160] = "";
	int rc = fault_inject_add(f->fi, spec, err, sizeof(err));

	if (rc)
		print_error("fault_inject_add(%s): %s\n", spec, err);
	assert_int_equal(rc, 0);
}

static int impl_version(struct ff *f)
{
	uint32_t v = 0;
	int rc = scmi_base_discover_impl_version(f->agent, &v);

	if (!rc)
		assert_int_equal(v, 0x00010000); /* the default platform's */
	return rc;
}

/* The call must fail with @want within the agent's timeout (plus scheduling slack). */
static void expect_fail_in_time(struct ff *f, int want, const char *msg_part)
{
	uint64_t t0 = now_ms(), took;
	char last[256] = "";
	int rc = impl_version(f);

	took = now_ms() - t0;
	scmi_agent_last_error(f->agent, last, sizeof(last));
	if (rc != want)
		print_error("got %d (%s), want %d\n", rc, last, want);
	assert_int_equal(rc, want);
	assert_true(took < TIMEOUT_MS + 600);
	if (msg_part && !strstr(last, msg_part)) {
		print_error("last error '%s' lacks '%s'\n", last, msg_part);
		fail();
	}
}

static void expect_ok(struct ff *f)
{
	char last[256] = "";
	int rc = impl_version(f);

	if (rc) {
		scmi_agent_last_error(f->agent, last, sizeof(last));
		print_error("got %d (%s)\n", rc, last);
	}
	assert_int_equal(rc, 0);
}

static void test_no_rule_no_change(void **state)
{
	struct ff *f = *state;

	for (int i = 0; i < 5; i++)
		assert_int_equal(impl_version(f), 0);
	assert_int_equal(fault_inject_num_rules(f->fi), 0);
}

/*
 * Until its first rule the injector is not armed and the PTA calls the server directly: no
 * message enters the fault machinery (no header read, no decision). Armed, every message
 * does; cleared, none again.
 */
static void test_unarmed_not_entered(void **state)
{
	struct ff *f = *state;
	uint64_t entered;

	assert_false(fault_inject_armed(f->fi));
	for (int i = 0; i < 5; i++)
		expect_ok(f);
	assert_int_equal(fault_inject_entered(f->fi), 0);

	/* A rule for another message: armed, entered, nothing fires. */
	inject(f, "proto=0x14,msg=0x6,status=BUSY");
	assert_true(fault_inject_armed(f->fi));
	expect_ok(f);
	entered = fault_inject_entered(f->fi);
	assert_true(entered >= 1);
	inject(f, IMPL ",status=BUSY");
	expect_fail_in_time(f, -EBUSY, NULL);
	assert_true(fault_inject_entered(f->fi) > entered);

	fault_inject_clear(f->fi);
	assert_false(fault_inject_armed(f->fi));
	entered = fault_inject_entered(f->fi);
	expect_ok(f);
	assert_int_equal(fault_inject_entered(f->fi), entered);
}

static void test_delay_within_timeout(void **state)
{
	struct ff *f = *state;
	uint64_t t0;

	inject(f, IMPL ",delay=100");
	t0 = now_ms();
	assert_int_equal(impl_version(f), 0);
	assert_true(now_ms() - t0 >= 100);
}

static void test_delay_beyond_timeout(void **state)
{
	struct ff *f = *state;
	uint64_t t0, hits = 0;

	inject(f, IMPL ",delay="
		       "1500"
		       ",every=2");
	t0 = now_ms();
	assert_int_equal(impl_version(f), 0);
	expect_fail_in_time(f, -ETIMEDOUT, "timed out");
	/* The next call does not wait behind the late one. */
	expect_ok(f);
	assert_true(now_ms() - t0 < LATE_MS);
	assert_int_equal(fault_inject_stats(f->fi, 0, NULL, &hits), 0);
	assert_int_equal(hits, 1);
	/* Let the late one land; the channel still works afterwards. */
	nap_ms(LATE_MS + 200);
	fault_inject_clear(f->fi);
	expect_ok(f);
}

static void test_drop_held(void **state)
{
	struct ff *f = *state;

	/* The default hold (1 s) outlasts the agent's timeout: no reply, ever. */
	inject(f, IMPL ",drop,every=2");
	assert_int_equal(impl_version(f), 0);
	expect_fail_in_time(f, -ETIMEDOUT, "timed out");
	expect_ok(f);
	nap_ms(FAULT_INJECT_DROP_HOLD_MS);
	fault_inject_clear(f->fi);
	expect_ok(f);
}

static void test_drop_returns_empty(void **state)
{
	struct ff *f = *state;

	/*
	 * Held shorter than the timeout, the invoke returns with no reply: MSG with no bytes,
	 * SMT handed back with ERROR|FREE (as a refused message). A clear error, then fine.
	 */
	inject(f, IMPL ",drop,delay=20,every=2");
	assert_int_equal(impl_version(f), 0);
	if (f->mode == SCMI_MODE_MSG)
		expect_fail_in_time(f, -EPROTO, "short reply");
	else
		expect_fail_in_time(f, -ECOMM, "ERROR bit");
	expect_ok(f);
}

static void test_corrupt_token(void **state)
{
	struct ff *f = *state;
	struct scmi_agent_stats st;

	inject(f, IMPL ",corrupt=token,every=2");
	assert_int_equal(impl_version(f), 0);
	expect_fail_in_time(f, -EPROTO, "token");
	assert_int_equal(impl_version(f), 0);
	scmi_agent_get_stats(f->agent, &st);
	assert_int_equal(st.bad_replies, 1);
}

static void test_corrupt_short(void **state)
{
	struct ff *f = *state;

	inject(f, IMPL ",corrupt=short,every=2");
	assert_int_equal(impl_version(f), 0);
	expect_fail_in_time(f, -EPROTO, "short reply");
	assert_int_equal(impl_version(f), 0);
}

static void test_corrupt_oversized(void **state)
{
	struct ff *f = *state;

	inject(f, IMPL ",corrupt=length,every=2");
	assert_int_equal(impl_version(f), 0);
	expect_fail_in_time(f, -EPROTO, "overruns");
	assert_int_equal(impl_version(f), 0);
}

static void test_corrupt_list_protocols_count(void **state)
{
	struct ff *f = *state;
	uint32_t nprot = 0, nagents = 0;
	uint8_t ids[64];
	size_t count = 0;

	assert_int_equal(scmi_base_attributes(f->agent, &nprot, &nagents), 0);
	assert_true(nprot > 0);
	inject(f, "proto=0x10,msg=0x6,corrupt=payload,every=2");
	assert_int_equal(
	    scmi_base_discover_list_protocols(f->agent, nprot, ids, sizeof(ids), &count), 0);
	assert_int_equal(count, nprot);
	/* The page claims 0xff ^ n protocols: more than its payload holds. */
	assert_int_equal(
	    scmi_base_discover_list_protocols(f->agent, nprot, ids, sizeof(ids), &count), -EPROTO);
	assert_int_equal(
	    scmi_base_discover_list_protocols(f->agent, nprot, ids, sizeof(ids), &count), 0);
	assert_int_equal(count, nprot);
}

static void test_corrupt_describe_rates_count(void **state)
{
	struct ff *f = *state;
	struct scmi_clock clk;
	struct scmi_clock_rates r;
	uint64_t rates[8];

	assert_int_equal(scmi_clock_init(f->agent, &clk), 0);
	/* clk_pll_periph (id 4) lists three rates. */
	assert_int_equal(scmi_clock_describe_rates(&clk, 4, &r, rates, 8), 0);
	assert_false(r.range);
	assert_int_equal(r.count, 3);
	inject(f, "proto=0x14,msg=0x4,corrupt=payload,every=2");
	assert_int_equal(scmi_clock_describe_rates(&clk, 4, &r, rates, 8), 0);
	assert_int_equal(scmi_clock_describe_rates(&clk, 4, &r, rates, 8), -EPROTO);
	assert_int_equal(scmi_clock_describe_rates(&clk, 4, &r, rates, 8), 0);
	assert_int_equal(r.count, 3);
}

static void test_status_busy(void **state)
{
	struct ff *f = *state;
	struct scmi_clock clk;
	bool before = false, now = false;

	/* uart0 (id 0xc): the linux agent may gate it. */
	assert_int_equal(scmi_clock_init(f->agent, &clk), 0);
	assert_int_equal(scmi_clock_state_get(&clk, 0xc, &before), 0);
	/* CLOCK_CONFIG_SET answered BUSY: the platform did nothing. */
	inject(f, "proto=0x14,msg=0x7,status=BUSY");
	assert_int_equal(scmi_clock_enable(&clk, 0xc, !before), -EBUSY);
	assert_int_equal(scmi_clock_state_get(&clk, 0xc, &now), 0);
	assert_int_equal(now, before);
	fault_inject_clear(f->fi);
	assert_int_equal(scmi_clock_enable(&clk, 0xc, !before), 0);
	assert_int_equal(scmi_clock_state_get(&clk, 0xc, &now), 0);
	assert_int_equal(now, !before);
}

static void test_status_other(void **state)
{
	struct ff *f = *state;

	inject(f, IMPL ",status=HARDWARE_ERROR,every=2");
	assert_int_equal(impl_version(f), 0);
	expect_fail_in_time(f, scmi_status_to_errno(SCMI_HARDWARE_ERROR), NULL);
	assert_int_equal(impl_version(f), 0);
}

static void test_every_nth(void **state)
{
	struct ff *f = *state;
	uint64_t seen = 0, hits = 0;

	inject(f, IMPL ",status=BUSY,every=3");
	for (int i = 1; i <= 9; i++)
		assert_int_equal(impl_version(f), i % 3 == 0 ? -EBUSY : 0);
	assert_int_equal(fault_inject_stats(f->fi, 0, &seen, &hits), 0);
	assert_int_equal(seen, 9);
	assert_int_equal(hits, 3);
}

/* 32 calls under rule @spec: bit i set when call i failed. */
static uint32_t pattern(struct ff *f, const char *spec)
{
	uint32_t bits = 0;

	fault_inject_clear(f->fi);
	inject(f, spec);
	for (int i = 0; i < 32; i++) {
		int rc = impl_version(f);

		assert_true(rc == 0 || rc == -EBUSY);
		if (rc)
			bits |= 1u << i;
	}
	return bits;
}

static void test_prob_seeded(void **state)
{
	struct ff *f = *state;
	uint32_t a, b, c;

	a = pattern(f, IMPL ",status=BUSY,prob=0.5,seed=42");
	b = pattern(f, IMPL ",status=BUSY,prob=0.5,seed=42");
	c = pattern(f, IMPL ",status=BUSY,prob=0.5,seed=7");
	assert_int_equal(a, b);
	assert_int_not_equal(a, c);
	/* Half of 32, give or take far more than chance allows. */
	assert_true(__builtin_popcount(a) > 6 && __builtin_popcount(a) < 26);
	assert_int_equal(pattern(f, IMPL ",status=BUSY,prob=0"), 0);
	assert_int_equal(pattern(f, IMPL ",status=BUSY,prob=100%"), 0xffffffffu);
}

static void test_filters(void **state)
{
	struct ff *f = *state;
	struct scmi_agent *vm1;
	uint32_t v;

	/* Channel 2 is vm1's: the linux agent never sees the fault, vm1 always. */
	inject(f, "channel=2," IMPL ",status=DENIED");
	/* Another protocol, another message: not touched. */
	inject(f, "proto=0x14,status=BUSY");
	inject(f, "proto=0x10,msg=0x3,status=BUSY");
	assert_int_equal(impl_version(f), 0);
	vm1 = open_agent(f, AGENT_VM1_DTB, SCMI_MODE_AUTO);
	assert_int_equal(scmi_base_discover_impl_version(vm1, &v),
			 scmi_status_to_errno(SCMI_DENIED));
	scmi_agent_close(vm1);
}

/*
 * A MSG call without a reply buffer is refused as the plain call refuses it, whatever the
 * rules say. Without @out_size it used to be read (and, for a drop, written) before any check.
 */
static void test_msg_without_reply_buffer(void **state)
{
	struct ff *f = *state;
	const struct sim_channel *ch = sim_platform_channel_at(secure_world_platform(f->world), 0);
	struct scmi_server *srv = secure_world_server(f->world);
	pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
	uint32_t in[2] = {0x10u << 10 | 0x5u, 0}, out[8];
	size_t out_size = sizeof(out);
	const char *const specs[] = {NULL, "drop", "corrupt=token", "status=BUSY"};

	assert_non_null(ch);
	for (size_t i = 0; i < sizeof(specs) / sizeof(specs[0]); i++) {
		if (specs[i])
			inject(f, specs[i]);
		assert_int_equal(fault_inject_process_msg(f->fi, srv, ch->id, in, SCMI_MSG_HDR_SIZE,
							  out, NULL, &lock),
				 SCMI_SERVER_ERR_PARAMS);
		assert_int_equal(fault_inject_process_msg(f->fi, srv, ch->id, in, SCMI_MSG_HDR_SIZE,
							  NULL, &out_size, &lock),
				 SCMI_SERVER_ERR_PARAMS);
		assert_int_equal(out_size, sizeof(out));
		fault_inject_clear(f->fi);
	}
	/* And with a buffer, the same message is answered. */
	assert_int_equal(fault_inject_process_msg(f->fi, srv, ch->id, in, SCMI_MSG_HDR_SIZE, out,
						  &out_size, &lock),
			 SCMI_SERVER_OK);
	assert_true(out_size >= SCMI_MSG_RESP_OVERHEAD);
	pthread_mutex_destroy(&lock);
}

/* A platform DTB like the default one with a faults node; written into @f's directory. */
static void write_faulty_platform(const char *path)
{
	static char buf[1 << 20];
	FILE *fp = fopen(PLATFORM_DTB, "rb");
	size_t n;
	int plat, faults, node;

	assert_non_null(fp);
	n = fread(buf, 1, sizeof(buf) / 2, fp);
	assert_int_equal(fclose(fp), 0);
	assert_true(n > 0);
	assert_int_equal(fdt_open_into(buf, buf, sizeof(buf)), 0);
	plat = fdt_node_offset_by_compatible(buf, -1, "scmi-optee,platform");
	assert_true(plat >= 0);
	faults = fdt_add_subnode(buf, plat, "faults");
	assert_true(faults >= 0);
	node = fdt_add_subnode(buf, faults, "fault@0");
	assert_true(node >= 0);
	assert_int_equal(fdt_setprop_u32(buf, node, "protocol", 0x10), 0);
	assert_int_equal(fdt_setprop_u32(buf, node, "message", 0x5), 0);
	assert_int_equal(fdt_setprop_string(buf, node, "status", "BUSY"), 0);
	assert_int_equal(fdt_setprop_u32(buf, node, "every", 2), 0);
	assert_int_equal(fdt_pack(buf), 0);
	fp = fopen(path, "wb");
	assert_non_null(fp);
	assert_int_equal(fwrite(buf, 1, fdt_totalsize(buf), fp), fdt_totalsize(buf));
	assert_int_equal(fclose(fp), 0);
}

static void test_dt_node(void **state)
{
	struct ff *f = *state, g;
	char path[160], spec[160];
	struct fault_rule r;

	snprintf(path, sizeof(path), "%s/faulty.dtb", f->dir);
	write_faulty_platform(path);
	/* The PTA of a world on that DTB applies the rule from the start. */
	{
		char err[256] = "";
		struct fault_inject *fi = fault_inject_new();

		assert_non_null(fi);
		assert_int_equal(fault_inject_load_dt_file(fi, path, err, sizeof(err)), 0);
		assert_int_equal(fault_inject_num_rules(fi), 1);
		fault_inject_free(fi);
	}
	assert_int_equal(fault_rule_parse("proto=0x10,msg=0x5,status=BUSY,every=2", &r, NULL, 0),
			 0);
	assert_string_equal(fault_rule_format(&r, spec, sizeof(spec)),
			    "channel=any,proto=0x10,msg=0x05,status=BUSY,every=2");
	assert_int_equal(ff_open(&g, path), 0);
	assert_int_equal(fault_inject_num_rules(g.fi), 1);
	assert_int_equal(impl_version(&g), 0);
	assert_int_equal(impl_version(&g), -EBUSY);
	assert_int_equal(impl_version(&g), 0);
	ff_close(&g);
	unlink(path);
}

#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)

int main(void)
{
	static const enum scmi_mode modes[] = {SCMI_MODE_SMT, SCMI_MODE_SMT_MEMREF, SCMI_MODE_MSG};
	const struct CMUnitTest tests[] = {
	    T(test_no_rule_no_change),
	    T(test_unarmed_not_entered),
	    T(test_delay_within_timeout),
	    T(test_delay_beyond_timeout),
	    T(test_drop_held),
	    T(test_drop_returns_empty),
	    T(test_corrupt_token),
	    T(test_corrupt_short),
	    T(test_corrupt_oversized),
	    T(test_corrupt_list_protocols_count),
	    T(test_corrupt_describe_rates_count),
	    T(test_status_busy),
	    T(test_status_other),
	    T(test_every_nth),
	    T(test_prob_seeded),
	    T(test_filters),
	    T(test_dt_node),
	    T(test_msg_without_reply_buffer),
	};
	char group[64];
	int failures = 0;

	for (size_t i = 0; i < sizeof(modes) / sizeof(modes[0]); i++) {
		current_mode = modes[i];
		snprintf(group, sizeof(group), "fault/%s", scmi_mode_name(modes[i]));
		failures += _cmocka_run_group_tests(group, tests, sizeof(tests) / sizeof(tests[0]),
						    NULL, NULL);
	}
	return failures;
}
