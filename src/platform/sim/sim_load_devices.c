// SPDX-License-Identifier: BSD-3-Clause
/*
 * Loader of devices/ (docs/platform-binding.md, "Devices and permissions"):
 * each device@N groups resources of any protocol (phandles to the resource
 * nodes of the protocols' fragments) under the device id the Base permission
 * messages name.
 *
 * Two steps: the ids and names first (agents refer to them by id), the
 * resources once every model is loaded, since a resource's global id is the
 * model's to say: clock, voltage, perf and power answer by node
 * (sim_<protocol>_model_id_by_node); for the other protocols, whose loaders
 * require reg to be the resource id, the id is the node's reg. A resource must
 * be a direct child of a protocol@ node and belong to one device at most.
 */
#include <string.h>

#include <libfdt.h>

#include "platform/sim/sim_clock.h"
#include "platform/sim/sim_perf.h"
#include "platform/sim/sim_platform_priv.h"
#include "platform/sim/sim_power.h"
#include "platform/sim/sim_voltage.h"

/* Highest resource id a device may name: far above any model's limit. */
#define SIM_MAX_RESOURCE_ID 0xffffu

int sim_device_index(const struct sim_platform *p, uint32_t id)
{
	uint32_t i;

	for (i = 0; i < p->num_devices; i++) {
		if (p->devices[i].id == id)
			return (int)i;
	}
	return -1;
}

static int load_device(struct sim_loader *ld, int node)
{
	struct sim_platform *p = ld->p;
	struct sim_device *d;
	uint32_t id;
	int ret;

	ret = sim_unit_node(ld, node, "device", &id);
	if (ret)
		return ret;
	if (p->num_devices >= SIM_MAX_DEVICES)
		return sim_fail(ld, node, "too many devices (at most %u)", SIM_MAX_DEVICES);
	if (sim_device_index(p, id) >= 0)
		return sim_fail(ld, node, "duplicate device id %" PRIu32, id);
	d = &p->devices[p->num_devices];
	d->id = id;
	ret = sim_prop_name(ld, node, "device-name", false, d->name);
	if (ret == -ENOENT)
		return sim_fail(ld, node, "missing device-name");
	if (ret)
		return ret;
	ld->dev_node[p->num_devices] = node;
	p->num_devices++;
	return 0;
}

int sim_load_devices(struct sim_loader *ld)
{
	int parent, node, ret;

	parent = fdt_subnode_offset(ld->fdt, ld->plat_node, "devices");
	if (parent == -FDT_ERR_NOTFOUND)
		return 0;
	if (parent < 0)
		return sim_fail(ld, ld->plat_node, "devices: %s", fdt_strerror(parent));
	ret = sim_check_cells(ld, parent, 1, 0);
	if (ret)
		return ret;
	fdt_for_each_subnode(node, ld->fdt, parent)
	{
		ret = load_device(ld, node);
		if (ret)
			return ret;
	}
	return sim_walk_end(ld, parent, node);
}

/* The protocol whose protocol@ node is the parent of @res, or 0. */
static uint8_t protocol_of(struct sim_loader *ld, int res)
{
	int parent = sim_node_parent(ld, res);
	uint32_t id;

	if (parent < 0)
		return 0;
	for (id = SIM_PROTOCOL_MIN; id <= SIM_PROTOCOL_MAX; id++) {
		if (ld->proto_node[id] == parent)
			return (uint8_t)id;
	}
	return 0;
}

static int resource_id(struct sim_loader *ld, uint8_t proto, int res, uint32_t *id)
{
	struct sim_platform *p = ld->p;

	switch (proto) {
	case SCMI_PROTOCOL_CLOCK:
		return sim_clock_model_id_by_node(p, res, id);
	case SCMI_PROTOCOL_VOLTAGE:
		return sim_voltage_model_id_by_node(p, res, id);
	case SCMI_PROTOCOL_PERF:
		return sim_perf_model_id_by_node(p, res, id);
	case SCMI_PROTOCOL_POWER:
		return sim_power_model_id_by_node(p, res, id);
	default:
		return sim_prop_u32(ld, res, "reg", id) ? -ENOENT : 0;
	}
}

/* Record that global resource @id of @proto belongs to device index @dev. */
static int assign(struct sim_loader *ld, int node, uint8_t proto, uint32_t id, uint32_t dev)
{
	struct sim_platform *p = ld->p;
	uint32_t len = p->res_dev_len[proto];
	uint8_t *map;

	if (id > SIM_MAX_RESOURCE_ID)
		return sim_fail(ld, node, "resources: id %" PRIu32 " of protocol 0x%x too large",
				id, proto);
	if (id >= len) {
		map = sim_realloc(p->res_dev[proto], (size_t)id + 1);
		if (!map)
			return -ENOMEM;
		memset(map + len, SIM_DEV_NONE, (size_t)id + 1 - len);
		p->res_dev[proto] = map;
		p->res_dev_len[proto] = id + 1;
	}
	if (p->res_dev[proto][id] != SIM_DEV_NONE)
		return sim_fail(ld, node,
				"resources: resource %" PRIu32 " of protocol 0x%x already belongs "
				"to device %" PRIu32,
				id, proto, p->devices[p->res_dev[proto][id]].id);
	p->res_dev[proto][id] = (uint8_t)dev;
	return 0;
}

static int load_resources(struct sim_loader *ld, uint32_t dev)
{
	int node = ld->dev_node[dev];
	const fdt32_t *prop;
	int len, i, n, ret;

	prop = sim_getprop(ld, node, "resources", &len);
	if (!prop) {
		if (len == -FDT_ERR_NOTFOUND)
			return 0;
		return sim_fail(ld, node, "resources: unreadable (%s)", fdt_strerror(len));
	}
	if (len % (int)sizeof(*prop))
		return sim_fail(ld, node, "resources: must be a list of phandles");
	n = len / (int)sizeof(*prop);
	if (n > (int)SIM_MAX_DEVICE_RESOURCES)
		return sim_fail(ld, node, "resources: more than %u", SIM_MAX_DEVICE_RESOURCES);
	for (i = 0; i < n; i++) {
		uint32_t phandle = fdt32_ld(&prop[i]), id;
		uint8_t proto;
		int res;

		res = sim_node_by_phandle(ld, phandle);
		if (phandle == 0 || phandle == UINT32_MAX || res < 0)
			return sim_fail(
			    ld, node, "resources: phandle 0x%" PRIx32 " does not resolve", phandle);
		proto = protocol_of(ld, res);
		if (!proto)
			return sim_fail(ld, node,
					"resources: phandle 0x%" PRIx32
					" is not a resource node (child of a protocol@ node)",
					phandle);
		if (resource_id(ld, proto, res, &id))
			return sim_fail(ld, node,
					"resources: phandle 0x%" PRIx32
					" is no resource of protocol 0x%x",
					phandle, proto);
		ret = assign(ld, node, proto, id, dev);
		if (ret)
			return ret;
	}
	return 0;
}

int sim_load_device_resources(struct sim_loader *ld)
{
	uint32_t i;
	int ret;

	for (i = 0; i < ld->p->num_devices; i++) {
		ret = load_resources(ld, i);
		if (ret)
			return ret;
	}
	return 0;
}

void sim_devices_free(struct sim_platform *p)
{
	size_t i;

	for (i = 0; i < 256; i++) {
		sim_free(p->res_dev[i]);
		p->res_dev[i] = NULL;
		p->res_dev_len[i] = 0;
	}
}
