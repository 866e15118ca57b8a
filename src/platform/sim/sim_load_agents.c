// SPDX-License-Identifier: BSD-3-Clause
/*
 * Loader of agents/ (docs/platform-binding.md): agents with ids 1..N, their
 * trust, peers, protocols and devices, their channels, and the static
 * arm,scmi-shmem regions the channels point to.
 *
 * Every region is checked against every earlier one, so a region serves one
 * channel only and no two regions overlap: the daemon maps them all into one
 * window and a shared byte would let two agents see each other's messages.
 */
#include <string.h>

#include <libfdt.h>

#include "scmi/proto/pta.h"
#include "scmi/proto/smt.h"
#include "platform/sim/sim_platform_priv.h"

#define SHMEM_COMPATIBLE "arm,scmi-shmem"

/* Read #address-cells / #size-cells of @bus (DT spec defaults 2 / 1); only 1 or 2 accepted. */
static int bus_cells(struct sim_loader *ld, int bus, const char *name, uint32_t def,
		     uint32_t *cells)
{
	int ret = sim_prop_u32(ld, bus, name, cells);

	if (ret == -ENOENT)
		*cells = def;
	else if (ret)
		return ret;
	if (*cells != 1 && *cells != 2)
		return sim_fail(ld, bus, "%s: must be 1 or 2, is %" PRIu32, name, *cells);
	return 0;
}

/* The region's address is a CPU physical address only if every bus above maps 1:1. */
static int check_identity_ranges(struct sim_loader *ld, int bus)
{
	int depth = 0;
	int len;

	while (bus > 0) {
		/* A bus is a node of the index: a property there is present or not found. */
		if (!sim_getprop(ld, bus, "ranges", &len))
			return sim_fail(ld, bus, "missing ranges: shmem not addressable");
		if (len != 0)
			return sim_fail(
			    ld, bus, "ranges: only an empty (1:1) ranges is supported above shmem");
		bus = sim_node_parent(ld, bus);
		if (++depth > 64)
			return sim_fail(ld, bus, "shmem nested too deep");
	}
	if (bus < 0)
		return sim_fail(ld, -1, "corrupt tree (%s)", fdt_strerror(bus));
	return 0;
}

static uint64_t read_cells(const fdt32_t *p, uint32_t n)
{
	uint64_t v = fdt32_ld(p);

	if (n == 2)
		v = (v << 32) | fdt32_ld(p + 1);
	return v;
}

static int load_region(struct sim_loader *ld, int shm, struct sim_channel *ch)
{
	uint32_t ac, sc;
	const fdt32_t *reg;
	uint64_t addr, size;
	int bus, len, ret;

	if (sim_node_check_compatible(ld, shm, SHMEM_COMPATIBLE) != 0)
		return sim_fail(ld, shm, "not compatible \"%s\" (shmem of channel %" PRIu32 ")",
				SHMEM_COMPATIBLE, ch->id);
	bus = sim_node_parent(ld, shm);
	if (bus < 0)
		return sim_fail(ld, shm, "no parent (%s)", fdt_strerror(bus));
	ret = bus_cells(ld, bus, "#address-cells", 2, &ac);
	if (!ret)
		ret = bus_cells(ld, bus, "#size-cells", 1, &sc);
	if (!ret)
		ret = check_identity_ranges(ld, bus);
	if (ret)
		return ret;
	reg = sim_getprop(ld, shm, "reg", &len);
	if (!reg)
		return sim_fail(ld, shm, "missing reg");
	if (len != (int)((ac + sc) * sizeof(fdt32_t)))
		return sim_fail(ld, shm,
				"reg: must be one (address, size) pair of %" PRIu32 "+%" PRIu32
				" cells, is %d bytes",
				ac, sc, len);
	addr = read_cells(reg, ac);
	size = read_cells(reg + ac, sc);
	if (size < SCMI_SMT_MIN_SIZE)
		return sim_fail(ld, shm, "reg: size %" PRIu64 " below the SMT minimum of %u", size,
				SCMI_SMT_MIN_SIZE);
	if (size > SIM_SHMEM_MAX_REGION)
		return sim_fail(ld, shm, "reg: size %" PRIu64 " above the limit of %u", size,
				SIM_SHMEM_MAX_REGION);
	if (addr > UINT64_MAX - (SIM_PAGE_SIZE - 1) - size)
		return sim_fail(ld, shm, "reg: region wraps the address space");
	ch->has_shmem = true;
	ch->shmem_addr = addr;
	ch->shmem_size = size;
	return 0;
}

static int load_shmem(struct sim_loader *ld, int node, struct sim_channel *ch, int *shm_out)
{
	const fdt32_t *prop;
	uint32_t phandle;
	int len, shm;

	*shm_out = -1;
	prop = sim_getprop(ld, node, "shmem", &len);
	if (!prop) {
		if (len == -FDT_ERR_NOTFOUND)
			return 0;
		return sim_fail(ld, node, "shmem: unreadable (%s)", fdt_strerror(len));
	}
	if (len != (int)sizeof(*prop))
		return sim_fail(ld, node, "shmem: must be exactly one phandle, is %d bytes", len);
	phandle = fdt32_ld(prop);
	if (phandle == 0 || phandle == UINT32_MAX)
		return sim_fail(ld, node, "shmem: invalid phandle 0x%" PRIx32, phandle);
	shm = sim_node_by_phandle(ld, phandle);
	if (shm < 0)
		return sim_fail(ld, node, "shmem: phandle 0x%" PRIx32 " does not resolve", phandle);
	if (!(ld->p->pta_caps & PTA_SCMI_CAPS_SMT_HEADER))
		return sim_fail(ld, node, "shmem: pta-capabilities lacks \"smt\"");
	*shm_out = shm;
	return load_region(ld, shm, ch);
}

/* Reject a region already used by, or overlapping, one of the channels loaded before @idx. */
static int check_region_unique(struct sim_loader *ld, int node, size_t idx)
{
	const struct sim_channel *ch = &ld->p->channels[idx];
	size_t i;

	for (i = 0; i < idx; i++) {
		const struct sim_channel *o = &ld->p->channels[i];

		if (!o->has_shmem)
			continue;
		if (ld->shm_node[i] == ld->shm_node[idx])
			return sim_fail(ld, node, "shmem: region already serves channel %" PRIu32,
					o->id);
		if (ch->shmem_addr < o->shmem_addr + o->shmem_size &&
		    o->shmem_addr < ch->shmem_addr + ch->shmem_size)
			return sim_fail(ld, ld->shm_node[idx],
					"overlaps the shmem region of channel %" PRIu32, o->id);
	}
	return 0;
}

static int load_channel(struct sim_loader *ld, int node, uint32_t agent_id)
{
	struct sim_platform *p = ld->p;
	struct sim_channel *ch;
	uint32_t id;
	size_t i;
	int ret;

	ret = sim_unit_node(ld, node, "channel", &id);
	if (ret)
		return ret;
	if (p->num_channels >= SIM_MAX_CHANNELS)
		return sim_fail(ld, node, "too many channels (at most %u)", SIM_MAX_CHANNELS);
	for (i = 0; i < p->num_channels; i++) {
		if (p->channels[i].id == id)
			return sim_fail(ld, node,
					"channel id %" PRIu32 " already used by agent %" PRIu32, id,
					p->channels[i].agent_id);
	}
	ch = &p->channels[p->num_channels];
	ch->id = id;
	ch->agent_id = agent_id;
	ret = load_shmem(ld, node, ch, &ld->shm_node[p->num_channels]);
	if (!ret && ch->has_shmem)
		ret = check_region_unique(ld, node, p->num_channels);
	if (ret) {
		memset(ch, 0, sizeof(*ch));
		return ret;
	}
	p->num_channels++;
	return 0;
}

static int load_agent_channels(struct sim_loader *ld, int node, uint32_t agent_id)
{
	size_t before = ld->p->num_channels;
	int child, ret;

	ret = sim_check_cells(ld, node, 1, 0);
	if (ret)
		return ret;
	fdt_for_each_subnode(child, ld->fdt, node)
	{
		ret = load_channel(ld, child, agent_id);
		if (ret)
			return ret;
	}
	ret = sim_walk_end(ld, node, child);
	if (ret)
		return ret;
	if (ld->p->num_channels == before)
		return sim_fail(ld, node, "no channel");
	return 0;
}

/*
 * A list of u32 cells @name of at most @max entries into @out; *@n = 0 when absent.
 * Present but empty is refused: it would read as "absent" (anyone), not "no one".
 */
static int load_cells(struct sim_loader *ld, int node, const char *name, uint32_t max,
		      uint32_t *out, uint32_t *n)
{
	const fdt32_t *prop;
	uint32_t cells, i;
	int len;

	*n = 0;
	prop = sim_getprop(ld, node, name, &len);
	if (!prop) {
		if (len == -FDT_ERR_NOTFOUND)
			return 0;
		return sim_fail(ld, node, "%s: unreadable (%s)", name, fdt_strerror(len));
	}
	if (len <= 0 || len % (int)sizeof(*prop))
		return sim_fail(ld, node, "%s: must be a non-empty list of cells", name);
	/* One count bounds the copy and is what the caller gets: every out[0..*n) is written. */
	cells = (uint32_t)len / (uint32_t)sizeof(*prop);
	if (cells > max)
		return sim_fail(ld, node, "%s: more than %" PRIu32 " entries", name, max);
	for (i = 0; i < cells; i++)
		out[i] = fdt32_ld(&prop[i]);
	*n = cells;
	return 0;
}

/* protocols = <ids>: which of the platform's protocols the agent sees (absent: all). */
static int load_agent_protocols(struct sim_loader *ld, int node, struct sim_agent *a)
{
	uint32_t ids[256], n, i;
	int ret;

	ret = load_cells(ld, node, "protocols", 256, ids, &n);
	if (ret)
		return ret;
	if (!n) {
		memcpy(a->protocols, ld->p->protocols, sizeof(a->protocols));
		return 0;
	}
	for (i = 0; i < n; i++) {
		if (ids[i] == SCMI_PROTOCOL_BASE)
			return sim_fail(ld, node,
					"protocols: 0x10 (Base) is implicit, do not list it");
		if (ids[i] > SIM_PROTOCOL_MAX || !sim_bit_test(ld->p->protocols, ids[i]))
			return sim_fail(
			    ld, node, "protocols: 0x%" PRIx32 " is not a protocol of the platform",
			    ids[i]);
		if (sim_bit_test(a->protocols, ids[i]))
			return sim_fail(ld, node, "protocols: 0x%" PRIx32 " listed twice", ids[i]);
		sim_bit_set(a->protocols, ids[i]);
	}
	return 0;
}

/* devices = <ids>: the devices (of devices/) whose resources the agent sees (absent: all). */
static int load_agent_devices(struct sim_loader *ld, int node, struct sim_agent *a)
{
	uint32_t ids[SIM_MAX_DEVICES], n, i;
	int ret, idx;

	ret = load_cells(ld, node, "devices", SIM_MAX_DEVICES, ids, &n);
	if (ret)
		return ret;
	if (!n) {
		a->devices =
		    ld->p->num_devices >= 64 ? UINT64_MAX : (UINT64_C(1) << ld->p->num_devices) - 1;
		return 0;
	}
	for (i = 0; i < n; i++) {
		idx = sim_device_index(ld->p, ids[i]);
		if (idx < 0)
			return sim_fail(ld, node, "devices: no device %" PRIu32 " in devices/",
					ids[i]);
		if (a->devices & (UINT64_C(1) << idx))
			return sim_fail(ld, node, "devices: %" PRIu32 " listed twice", ids[i]);
		a->devices |= UINT64_C(1) << idx;
	}
	return 0;
}

static int load_agent_access(struct sim_loader *ld, int node, struct sim_agent *a)
{
	int len, ret;

	if (sim_getprop(ld, node, "trusted", &len)) {
		if (len != 0)
			return sim_fail(ld, node, "trusted: takes no value");
		a->trusted = true;
	} else if (len != -FDT_ERR_NOTFOUND) {
		return sim_fail(ld, node, "trusted: unreadable (%s)", fdt_strerror(len));
	}
	ret = load_cells(ld, node, "peer-uids", SIM_MAX_PEERS, a->peer_uids, &a->num_peer_uids);
	if (!ret)
		ret = load_cells(ld, node, "peer-gids", SIM_MAX_PEERS, a->peer_gids,
				 &a->num_peer_gids);
	if (!ret)
		ret = load_agent_protocols(ld, node, a);
	if (!ret)
		ret = load_agent_devices(ld, node, a);
	return ret;
}

static int load_agent(struct sim_loader *ld, int node, uint32_t *seen)
{
	struct sim_platform *p = ld->p;
	struct sim_agent *a;
	uint32_t id;
	int ret;

	ret = sim_unit_node(ld, node, "agent", &id);
	if (ret)
		return ret;
	if (id == 0)
		return sim_fail(ld, node, "agent id 0 is the platform itself");
	if (id > SIM_MAX_AGENTS)
		return sim_fail(ld, node, "agent id %" PRIu32 " above the limit of %u", id,
				SIM_MAX_AGENTS);
	if (sim_bit_test(seen, id))
		return sim_fail(ld, node, "duplicate agent id %" PRIu32, id);
	sim_bit_set(seen, id);
	a = &p->agents[id - 1];
	a->id = id;
	ret = sim_prop_name(ld, node, "agent-name", false, a->name);
	if (ret == -ENOENT)
		return sim_fail(ld, node, "missing agent-name");
	if (ret)
		return ret;
	ret = load_agent_access(ld, node, a);
	if (ret)
		return ret;
	return load_agent_channels(ld, node, id);
}

/* Channels by id (at most SIM_MAX_CHANNELS, ids unique): an insertion sort, no libc. */
static void sort_channels(struct sim_channel *ch, size_t n)
{
	for (size_t i = 1; i < n; i++) {
		struct sim_channel c = ch[i];
		size_t j = i;

		for (; j > 0 && ch[j - 1].id > c.id; j--)
			ch[j] = ch[j - 1];
		ch[j] = c;
	}
}

static int compute_window(struct sim_loader *ld)
{
	struct sim_platform *p = ld->p;
	uint64_t lo = UINT64_MAX, hi = 0;
	size_t i;

	for (i = 0; i < p->num_channels; i++) {
		const struct sim_channel *ch = &p->channels[i];

		if (!ch->has_shmem)
			continue;
		if (ch->shmem_addr < lo)
			lo = ch->shmem_addr;
		if (ch->shmem_addr + ch->shmem_size > hi)
			hi = ch->shmem_addr + ch->shmem_size;
	}
	if (hi == 0)
		return 0;
	/* load_region() keeps every end at least a page below 2^64: no overflow here. */
	lo &= ~(uint64_t)(SIM_PAGE_SIZE - 1);
	hi = (hi + SIM_PAGE_SIZE - 1) & ~(uint64_t)(SIM_PAGE_SIZE - 1);
	if (hi - lo > SIM_SHMEM_MAX_WINDOW)
		return sim_fail(ld, ld->plat_node,
				"shmem regions span 0x%" PRIx64 "..0x%" PRIx64
				", more than the %u MiB window limit",
				lo, hi, SIM_SHMEM_MAX_WINDOW >> 20);
	p->has_window = true;
	p->window_base = lo;
	p->window_size = hi - lo;
	return 0;
}

int sim_load_agents(struct sim_loader *ld)
{
	uint32_t seen[(SIM_MAX_AGENTS + 1 + 31) / 32] = {0};
	uint32_t n = 0, id;
	int parent, node, ret;

	parent = fdt_subnode_offset(ld->fdt, ld->plat_node, "agents");
	if (parent == -FDT_ERR_NOTFOUND)
		return sim_fail(ld, ld->plat_node, "missing agents node");
	if (parent < 0)
		return sim_fail(ld, ld->plat_node, "agents: %s", fdt_strerror(parent));
	ret = sim_check_cells(ld, parent, 1, 0);
	if (ret)
		return ret;
	fdt_for_each_subnode(node, ld->fdt, parent)
	{
		if (n >= SIM_MAX_AGENTS)
			return sim_fail(ld, node, "too many agents (at most %u)", SIM_MAX_AGENTS);
		ret = load_agent(ld, node, seen);
		if (ret)
			return ret;
		n++;
	}
	ret = sim_walk_end(ld, parent, node);
	if (ret)
		return ret;
	if (!n)
		return sim_fail(ld, parent, "no agent");
	/* n distinct ids, all >= 1: they are 1..n exactly when none is above n. */
	for (id = n + 1; id <= SIM_MAX_AGENTS; id++) {
		if (sim_bit_test(seen, id))
			return sim_fail(
			    ld, parent,
			    "agent ids must be 1..%" PRIu32 " without gaps, found %" PRIu32, n, id);
	}
	ld->p->num_agents = n;
	ret = compute_window(ld);
	if (ret)
		return ret;
	sort_channels(ld->p->channels, ld->p->num_channels);
	return 0;
}
