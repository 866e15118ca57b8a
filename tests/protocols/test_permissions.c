// SPDX-License-Identifier: BSD-3-Clause
/*
 * The permission matrix: for each agent of a platform, each protocol and each
 * resource id of that agent (agent-local, plus one past the end), one
 * attributes-like message and one state-changing message must answer SUCCESS,
 * DENIED, NOT_FOUND or NOT_SUPPORTED exactly as the platform DT says.
 *
 * The expectation is computed here from the DTB with libfdt, independently of
 * the platform's loader: the protocols an agent sees (`protocols`), the
 * resources it sees (those of no device, and those of the devices its
 * `devices` lists, numbered in global order), and the permissions in force
 * (the DT's, then what the trusted agent changed with Base). A state change
 * an agent may make answers what it answers for the trusted agent "linux",
 * which sees everything (a resource the platform itself refuses to change, an
 * always-on clock's rate say, is refused alike to everyone): the baseline.
 *
 * The state-changing message sets what the agent just read (the same rate,
 * level, state, cap or configuration), so that the matrix does not depend on
 * what the resources can do, only on who may do it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libfdt.h>

#include "fixture.h"
#include "scmi/base.h"
#include "scmi/proto/clock.h"
#include "scmi/proto/endian.h"
#include "scmi/proto/perf.h"
#include "scmi/proto/pinctrl.h"
#include "scmi/proto/power.h"
#include "scmi/proto/powercap.h"
#include "scmi/proto/reset.h"
#include "scmi/proto/sensor.h"
#include "scmi/proto/status.h"
#include "scmi/proto/voltage.h"

#define MAX_RES	    128u
#define MAX_DEV	    64u
#define MAX_AGENTS  8u
#define AGENT_LINUX 1u
#define AGENT_VM1   2u
#define DEV_NONE    0xffu
#define FIRST_PROTO 0x11u
#define LAST_PROTO  0x19u
#define NUM_PROTO   (LAST_PROTO - FIRST_PROTO + 1u)
#define PIDX(p)	    ((p)-FIRST_PROTO)

/**
 * struct dt_model - what the DT says, read with libfdt alone.
 * @has:       protocol present on the platform
 * @total:     its resources (pins for pinctrl; 0 for system power)
 * @dev:       device index of each global resource (DEV_NONE: none)
 * @dev_id:    device ids, by index
 * @ndev:      devices
 * @sees_proto: per agent, per protocol
 * @sees_dev:  per agent, bitmap of device indexes
 */
struct dt_model {
	bool has[NUM_PROTO];
	uint32_t total[NUM_PROTO];
	uint8_t dev[NUM_PROTO][MAX_RES];
	uint32_t dev_id[MAX_DEV];
	uint32_t ndev;
	bool sees_proto[MAX_AGENTS + 1][NUM_PROTO];
	uint64_t sees_dev[MAX_AGENTS + 1];
};

/**
 * struct perm_state - the permissions in force, as the test expects them.
 * @dev_allowed:  per agent, bitmap of device indexes
 * @proto_denied: per agent and device index, protocols revoked
 */
struct perm_state {
	uint64_t dev_allowed[MAX_AGENTS + 1];
	bool proto_denied[MAX_AGENTS + 1][MAX_DEV][NUM_PROTO];
};

static void *read_dtb(const char *path)
{
	FILE *f = fopen(path, "rb");
	void *buf;
	long n;

	assert_non_null(f);
	assert_int_equal(fseek(f, 0, SEEK_END), 0);
	n = ftell(f);
	assert_true(n > 0);
	rewind(f);
	buf = malloc((size_t)n);
	assert_non_null(buf);
	assert_int_equal(fread(buf, 1, (size_t)n, f), (size_t)n);
	assert_int_equal(fclose(f), 0);
	assert_int_equal(fdt_check_full(buf, (size_t)n), 0);
	return buf;
}

static uint32_t prop_u32(const void *fdt, int node, const char *name)
{
	const fdt32_t *v = fdt_getprop(fdt, node, name, NULL);

	assert_non_null(v);
	return fdt32_ld(v);
}

static void model_protocols(const void *fdt, int plat, struct dt_model *m, int *pnode)
{
	int protos = fdt_subnode_offset(fdt, plat, "protocols");
	int node, child;

	fdt_for_each_subnode(node, fdt, protos)
	{
		uint32_t id = prop_u32(fdt, node, "reg");

		if (id < FIRST_PROTO || id > LAST_PROTO)
			continue;
		m->has[PIDX(id)] = true;
		pnode[PIDX(id)] = node;
		if (id == SCMI_PROTOCOL_PINCTRL) {
			m->total[PIDX(id)] = (uint32_t)fdt_stringlist_count(fdt, node, "pin-names");
			continue;
		}
		fdt_for_each_subnode(child, fdt, node)
		{
			if (fdt_getprop(fdt, child, "reg", NULL))
				m->total[PIDX(id)]++;
		}
		assert_true(m->total[PIDX(id)] <= MAX_RES);
	}
}

static void model_devices(const void *fdt, int plat, struct dt_model *m, const int *pnode)
{
	int devs = fdt_subnode_offset(fdt, plat, "devices");
	int node, len, i;

	if (devs < 0)
		return;
	fdt_for_each_subnode(node, fdt, devs)
	{
		const fdt32_t *res = fdt_getprop(fdt, node, "resources", &len);

		m->dev_id[m->ndev] = prop_u32(fdt, node, "reg");
		for (i = 0; res && i < len / 4; i++) {
			int r = fdt_node_offset_by_phandle(fdt, fdt32_ld(&res[i]));
			int parent = fdt_parent_offset(fdt, r);
			uint32_t p;

			for (p = 0; p < NUM_PROTO; p++) {
				if (m->has[p] && pnode[p] == parent)
					m->dev[p][prop_u32(fdt, r, "reg")] = (uint8_t)m->ndev;
			}
		}
		m->ndev++;
	}
}

static void model_agents(const void *fdt, int plat, struct dt_model *m)
{
	int agents = fdt_subnode_offset(fdt, plat, "agents");
	int node, len, i;

	fdt_for_each_subnode(node, fdt, agents)
	{
		uint32_t id = prop_u32(fdt, node, "reg");
		const fdt32_t *protos = fdt_getprop(fdt, node, "protocols", &len);
		const fdt32_t *devs;
		uint32_t p;

		assert_true(id <= MAX_AGENTS);
		for (p = 0; p < NUM_PROTO; p++)
			m->sees_proto[id][p] = !protos && m->has[p];
		for (i = 0; protos && i < len / 4; i++)
			m->sees_proto[id][PIDX(fdt32_ld(&protos[i]))] = true;
		devs = fdt_getprop(fdt, node, "devices", &len);
		if (!devs) {
			m->sees_dev[id] = (UINT64_C(1) << m->ndev) - 1;
			continue;
		}
		for (i = 0; i < len / 4; i++) {
			for (p = 0; p < m->ndev; p++) {
				if (m->dev_id[p] == fdt32_ld(&devs[i]))
					m->sees_dev[id] |= UINT64_C(1) << p;
			}
		}
	}
}

static void model_load(const char *dtb_name, struct dt_model *m)
{
	char path[512];
	int pnode[NUM_PROTO];
	void *fdt;
	int plat;

	memset(m, 0, sizeof(*m));
	memset(m->dev, DEV_NONE, sizeof(m->dev));
	snprintf(path, sizeof(path), "%s/%s", proto_platforms_dir, dtb_name);
	fdt = read_dtb(path);
	plat = fdt_node_offset_by_compatible(fdt, -1, "scmi-optee,platform");
	assert_true(plat >= 0);
	model_protocols(fdt, plat, m, pnode);
	model_devices(fdt, plat, m, pnode);
	model_agents(fdt, plat, m);
	free(fdt);
}

static void perm_init(const struct dt_model *m, struct perm_state *ps)
{
	memset(ps, 0, sizeof(*ps));
	memcpy(ps->dev_allowed, m->sees_dev, sizeof(ps->dev_allowed));
}

static bool visible(const struct dt_model *m, uint32_t agent, uint32_t p, uint32_t gid)
{
	uint8_t d = m->dev[p][gid];

	return d == DEV_NONE || ((m->sees_dev[agent] >> d) & 1u);
}

static bool allowed(const struct dt_model *m, const struct perm_state *ps, uint32_t agent,
		    uint32_t p, uint32_t gid)
{
	uint8_t d = m->dev[p][gid];

	if (d == DEV_NONE)
		return true;
	return ((ps->dev_allowed[agent] >> d) & 1u) && !ps->proto_denied[agent][d][p];
}

/* One raw message; returns the SCMI status, the reply in @rx. */
static int32_t send(struct scmi_agent *a, uint8_t proto, uint8_t msg, const uint32_t *w, size_t n,
		    uint32_t *rx, size_t rx_words)
{
	uint8_t buf[64];
	int32_t status = SCMI_SUCCESS;
	size_t i;
	int ret;

	memset(buf, 0, sizeof(buf));
	ret = proto_raw(a, proto, msg, w, n, buf, sizeof(buf), NULL, &status);
	if (ret && status == SCMI_SUCCESS)
		fail_msg("protocol 0x%x msg 0x%x: transport error %d", proto, msg, ret);
	for (i = 0; i < rx_words; i++)
		rx[i] = scmi_get_le32(buf + 4 * i);
	return status;
}

/* The read-only message of each protocol for resource @id (some state in @rx). */
static int32_t read_msg(struct scmi_agent *a, uint8_t p, uint32_t id, uint32_t *rx)
{
	switch (p) {
	case SCMI_PROTOCOL_POWER:
		return send(a, p, SCMI_MSG_POWER_STATE_GET, (uint32_t[]){id}, 1, rx, 1);
	case SCMI_PROTOCOL_PERF:
		return send(a, p, SCMI_MSG_PERF_LEVEL_GET, (uint32_t[]){id}, 1, rx, 1);
	case SCMI_PROTOCOL_CLOCK:
		return send(a, p, SCMI_MSG_CLOCK_RATE_GET, (uint32_t[]){id}, 1, rx, 2);
	case SCMI_PROTOCOL_SENSOR:
		return send(a, p, SCMI_MSG_SENSOR_CONFIG_GET, (uint32_t[]){id}, 1, rx, 1);
	case SCMI_PROTOCOL_RESET:
		return send(a, p, SCMI_MSG_RESET_DOMAIN_ATTRIBUTES, (uint32_t[]){id}, 1, rx, 1);
	case SCMI_PROTOCOL_VOLTAGE:
		return send(a, p, SCMI_MSG_VOLTAGE_LEVEL_GET, (uint32_t[]){id}, 1, rx, 1);
	case SCMI_PROTOCOL_POWERCAP:
		return send(a, p, SCMI_MSG_POWERCAP_CAP_GET, (uint32_t[]){id}, 1, rx, 1);
	case SCMI_PROTOCOL_PINCTRL:
		return send(a, p, SCMI_MSG_PINCTRL_ATTRIBUTES, (uint32_t[]){id, 0}, 2, rx, 1);
	default:
		return send(a, p, SCMI_MSG_PROTOCOL_ATTRIBUTES, NULL, 0, rx, 1);
	}
}

/* The state-changing message: set back what read_msg() read. */
static int32_t change_msg(struct scmi_agent *a, uint8_t p, uint32_t id, const uint32_t *v)
{
	uint32_t rx[2];

	switch (p) {
	case SCMI_PROTOCOL_POWER:
		return send(a, p, SCMI_MSG_POWER_STATE_SET, (uint32_t[]){0, id, v[0]}, 3, rx, 0);
	case SCMI_PROTOCOL_PERF:
		return send(a, p, SCMI_MSG_PERF_LEVEL_SET, (uint32_t[]){id, v[0]}, 2, rx, 0);
	case SCMI_PROTOCOL_CLOCK:
		return send(a, p, SCMI_MSG_CLOCK_RATE_SET, (uint32_t[]){0, id, v[0], v[1]}, 4, rx,
			    0);
	case SCMI_PROTOCOL_SENSOR:
		return send(a, p, SCMI_MSG_SENSOR_CONFIG_SET, (uint32_t[]){id, v[0]}, 2, rx, 0);
	case SCMI_PROTOCOL_RESET:
		/* Explicit deassert: a no-op on a released line. */
		return send(a, p, SCMI_MSG_RESET, (uint32_t[]){id, 0, 0}, 3, rx, 0);
	case SCMI_PROTOCOL_VOLTAGE:
		return send(a, p, SCMI_MSG_VOLTAGE_LEVEL_SET, (uint32_t[]){id, 0, v[0]}, 3, rx, 0);
	case SCMI_PROTOCOL_POWERCAP:
		return send(a, p, SCMI_MSG_POWERCAP_CAP_SET, (uint32_t[]){id, 0, v[0]}, 3, rx, 0);
	case SCMI_PROTOCOL_PINCTRL: {
		int32_t s = send(a, p, SCMI_MSG_PINCTRL_REQUEST, (uint32_t[]){id, 0}, 2, rx, 0);

		if (s == SCMI_SUCCESS)
			(void)send(a, p, SCMI_MSG_PINCTRL_RELEASE, (uint32_t[]){id, 0}, 2, rx, 0);
		return s;
	}
	default:
		return SCMI_SUCCESS;
	}
}

/* Resources the agent is told it has (PROTOCOL_ATTRIBUTES' count field). */
static uint32_t reported_count(struct scmi_agent *a, uint8_t p)
{
	uint32_t attr = 0;

	assert_int_equal(send(a, p, SCMI_MSG_PROTOCOL_ATTRIBUTES, NULL, 0, &attr, 1), SCMI_SUCCESS);
	return p == SCMI_PROTOCOL_SYSTEM ? 0 : attr & 0xffffu;
}

/**
 * struct baseline - what the trusted agent gets from the state-changing message per
 * global resource (it sees every resource under its global id).
 */
struct baseline {
	int32_t status[NUM_PROTO][MAX_RES];
};

static void take_baseline(struct scmi_agent *linux_agent, const struct dt_model *m,
			  struct baseline *b)
{
	uint32_t p, id, v[2];

	for (p = 0; p < NUM_PROTO; p++) {
		if (!m->has[p] || !m->sees_proto[AGENT_LINUX][p])
			continue;
		for (id = 0; id < m->total[p]; id++) {
			assert_true(visible(m, AGENT_LINUX, p, id));
			assert_int_equal(read_msg(linux_agent, (uint8_t)(FIRST_PROTO + p), id, v),
					 SCMI_SUCCESS);
			b->status[p][id] =
			    change_msg(linux_agent, (uint8_t)(FIRST_PROTO + p), id, v);
		}
	}
}

/* One agent's row of the matrix, against the model and the permissions in force. */
static void check_agent(struct scmi_agent *a, uint32_t agent, const struct dt_model *m,
			const struct perm_state *ps, const struct baseline *b)
{
	uint32_t p, gid, local, v[2];

	for (p = 0; p < NUM_PROTO; p++) {
		uint8_t proto = (uint8_t)(FIRST_PROTO + p);
		uint32_t want_count = 0;

		if (!m->has[p] || !m->sees_proto[agent][p]) {
			/* Not visible: every message of the protocol is NOT_SUPPORTED. */
			assert_int_equal(
			    send(a, proto, SCMI_MSG_PROTOCOL_ATTRIBUTES, NULL, 0, v, 0),
			    SCMI_NOT_SUPPORTED);
			assert_int_equal(read_msg(a, proto, 0, v), SCMI_NOT_SUPPORTED);
			continue;
		}
		for (gid = 0; gid < m->total[p]; gid++)
			want_count += visible(m, agent, p, gid);
		if (reported_count(a, proto) != want_count)
			fail_msg("agent %u protocol 0x%x: %u resources reported, the DT gives %u",
				 agent, proto, reported_count(a, proto), want_count);
		local = 0;
		for (gid = 0; gid < m->total[p]; gid++) {
			int32_t want, got;

			if (!visible(m, agent, p, gid))
				continue;
			got = read_msg(a, proto, local, v);
			if (got != SCMI_SUCCESS)
				fail_msg("agent %u protocol 0x%x local %u (global %u): read %d",
					 agent, proto, local, gid, got);
			want = allowed(m, ps, agent, p, gid) ? b->status[p][gid] : SCMI_DENIED;
			got = change_msg(a, proto, local, v);
			if (got != want)
				fail_msg("agent %u protocol 0x%x local %u (global %u): change %d, "
					 "expected %d",
					 agent, proto, local, gid, got, want);
			local++;
		}
		if (p == PIDX(SCMI_PROTOCOL_SYSTEM))
			continue;
		/* One past the end. */
		assert_int_equal(read_msg(a, proto, local, v), SCMI_NOT_FOUND);
		v[0] = v[1] = 0;
		assert_int_equal(change_msg(a, proto, local, v), SCMI_NOT_FOUND);
	}
}

/* The index of device @id in the model; the test fails if there is none. */
static uint32_t dev_index(const struct dt_model *m, uint32_t id)
{
	uint32_t i;

	for (i = 0; i < m->ndev; i++) {
		if (m->dev_id[i] == id)
			return i;
	}
	fail_msg("device %u is not in the platform DT", id);
	return 0; /* not reached: fail_msg() ends the test */
}

/*
 * The whole matrix on platform @dtb: linux's baseline, then vm1 as configured, then
 * with linux's revocations in force, then after RESET_AGENT_CONFIGURATION.
 */
static void run_matrix(struct proto_fixture *f, const char *dtb)
{
	struct proto_fixture g;
	struct dt_model m;
	struct perm_state ps;
	struct baseline *b = calloc(1, sizeof(*b));
	struct scmi_agent *vm1;
	uint32_t gpu, display;

	assert_non_null(b);
	model_load(dtb, &m);
	perm_init(&m, &ps);

	proto_open_platform(&g, dtb, f->mode);
	take_baseline(g.agent, &m, b);
	proto_fixture_close(&g);

	/* linux itself, on a fresh platform. */
	proto_open_platform(&g, dtb, f->mode);
	check_agent(g.agent, AGENT_LINUX, &m, &ps, b);
	proto_fixture_close(&g);

	proto_open_platform(&g, dtb, f->mode);
	vm1 = proto_open_agent(&g, proto_agent_vm1_dtb, SCMI_MODE_AUTO);
	check_agent(vm1, AGENT_VM1, &m, &ps, b);

	/* linux takes the gpu from vm1, and the display's clocks. */
	gpu = dev_index(&m, 1);
	display = dev_index(&m, 2);
	assert_int_equal(scmi_base_set_device_permissions(g.agent, AGENT_VM1, 1, false), 0);
	ps.dev_allowed[AGENT_VM1] &= ~(UINT64_C(1) << gpu);
	assert_int_equal(
	    scmi_base_set_protocol_permissions(g.agent, AGENT_VM1, 2, SCMI_PROTOCOL_CLOCK, false),
	    0);
	ps.proto_denied[AGENT_VM1][display][PIDX(SCMI_PROTOCOL_CLOCK)] = true;
	check_agent(vm1, AGENT_VM1, &m, &ps, b);

	/* Back to the DT's permissions. */
	assert_int_equal(scmi_base_reset_agent_configuration(g.agent, AGENT_VM1, true), 0);
	perm_init(&m, &ps);
	check_agent(vm1, AGENT_VM1, &m, &ps, b);

	scmi_agent_close(vm1);
	proto_fixture_close(&g);
	free(b);
}

static void test_matrix_default(void **state)
{
	run_matrix(*state, "default.dtb");
}

static void test_matrix_multi_agent(void **state)
{
	run_matrix(*state, "multi-agent.dtb");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    PROTO_TEST(test_matrix_default),
	    PROTO_TEST(test_matrix_multi_agent),
	};

	return proto_run("permissions", tests, PROTO_ARRAY_SIZE(tests));
}
