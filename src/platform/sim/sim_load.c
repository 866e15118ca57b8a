// SPDX-License-Identifier: BSD-3-Clause
/*
 * Loader of the platform DTB (docs/platform-binding.md): header and size
 * checks, the scmi-platform node, its identity properties, the PTA
 * capabilities and the protocols/ node. Agents and channels are in
 * sim_load_agents.c.
 *
 * The blob is first copied into a private, 8-byte aligned buffer: the
 * caller's buffer may be unaligned or change under us, and fdt_check_full()
 * then proves the whole structure block well-formed before any walk, so
 * libfdt never reads past the blob.
 */
#include <string.h>

#include <libfdt.h>

#include "scmi/proto/pta.h"
#include "platform/sim/sim_platform_priv.h"
#include "scmi/server/base.h"
#include "scmi/proto/fdt_sanity.h"

#define SIM_COMPATIBLE "scmi-optee,platform"

static int find_platform_node(struct sim_loader *ld)
{
	int node, second;

	node = fdt_node_offset_by_compatible(ld->fdt, -1, SIM_COMPATIBLE);
	if (node < 0)
		return sim_fail(ld, -1, "no node compatible \"%s\"", SIM_COMPATIBLE);
	second = fdt_node_offset_by_compatible(ld->fdt, node, SIM_COMPATIBLE);
	if (second >= 0)
		return sim_fail(ld, second, "more than one node compatible \"%s\"", SIM_COMPATIBLE);
	if (second != -FDT_ERR_NOTFOUND)
		return sim_fail(ld, -1, "corrupt tree (%s)", fdt_strerror(second));
	ld->plat_node = node;
	/* Found by it: the platform node's compatible is read. */
	sim_getprop(ld, node, "compatible", NULL);
	return 0;
}

static int load_pta_caps(struct sim_loader *ld)
{
	const char *name = "pta-capabilities";
	int count, i;

	count = sim_stringlist_count(ld, ld->plat_node, name);
	if (count == -FDT_ERR_NOTFOUND) {
		ld->p->pta_caps = PTA_SCMI_CAPS_SMT_HEADER | PTA_SCMI_CAPS_MSG_HEADER;
		return 0;
	}
	if (count < 0)
		return sim_fail(ld, ld->plat_node, "%s: not a string list", name);
	if (count == 0)
		return sim_fail(ld, ld->plat_node, "%s: empty", name);
	for (i = 0; i < count; i++) {
		const char *s = fdt_stringlist_get(ld->fdt, ld->plat_node, name, i, NULL);

		if (!s)
			return sim_fail(ld, ld->plat_node, "%s: unreadable", name);
		if (!strcmp(s, "smt"))
			ld->p->pta_caps |= PTA_SCMI_CAPS_SMT_HEADER;
		else if (!strcmp(s, "msg"))
			ld->p->pta_caps |= PTA_SCMI_CAPS_MSG_HEADER;
		else
			return sim_fail(ld, ld->plat_node,
					"%s: unknown capability \"%.16s\" (\"smt\" or \"msg\")",
					name, s);
	}
	return 0;
}

/*
 * A protocol's configured @version must be one the server speaks (the server's descriptor
 * is the one list): "0x30000 is not 1.0, 2.0 or 2.1" names @prop and the list otherwise.
 */
static int check_version(struct sim_loader *ld, int node, const char *prop, uint8_t id,
			 uint32_t version)
{
	char list[96] = "";
	size_t n, i, len = 0;
	const uint32_t *v = scmi_server_protocol_versions(id, &n);

	if (scmi_server_protocol_speaks(id, version))
		return 0;
	for (i = 0; i < n && len < sizeof(list); i++) {
		int w = sim_snprintf(list + len, sizeof(list) - len, "%s%u.%u",
				     !i		  ? ""
				     : i + 1 == n ? " or "
						  : ", ",
				     SCMI_VERSION_MAJOR(v[i]), SCMI_VERSION_MINOR(v[i]));

		if (w < 0)
			break;
		len += (size_t)w;
	}
	return sim_fail(ld, node, "%s: 0x%x is not %s, the versions the server speaks", prop,
			version, n ? list : "any version");
}

/* Whether the server has protocol @id (a vendor protocol it lacks keeps any version). */
static bool server_implements(uint8_t id)
{
	size_t n;

	return scmi_server_protocol_versions(id, &n) != NULL;
}

static int load_identity(struct sim_loader *ld)
{
	struct sim_platform *p = ld->p;
	int node = ld->plat_node;
	int ret;

	ret = sim_prop_name(ld, node, "vendor", false, p->vendor);
	if (ret == -ENOENT)
		return sim_fail(ld, node, "missing vendor");
	if (ret)
		return ret;
	ret = sim_prop_name(ld, node, "sub-vendor", true, p->sub_vendor);
	if (ret && ret != -ENOENT)
		return ret;
	ret = sim_prop_name(ld, node, "platform-name", false, p->platform_name);
	if (ret == -ENOENT)
		strcpy(p->platform_name, "platform");
	else if (ret)
		return ret;
	ret = sim_prop_u32(ld, node, "implementation-version", &p->impl_version);
	if (ret && ret != -ENOENT)
		return ret;
	ret = sim_prop_u32(ld, node, "base-version", &p->base_version);
	if (ret == -ENOENT)
		p->base_version = SCMI_BASE_VERSION_2_1;
	else if (ret)
		return ret;
	else if (check_version(ld, node, "base-version", SCMI_PROTOCOL_BASE, p->base_version))
		return -EINVAL;
	return load_pta_caps(ld);
}

static int load_protocol(struct sim_loader *ld, int node)
{
	struct sim_platform *p = ld->p;
	uint32_t id, version;
	int ret;

	ret = sim_unit_node(ld, node, "protocol", &id);
	if (ret)
		return ret;
	if (id == SCMI_PROTOCOL_BASE)
		return sim_fail(ld, node, "protocol 0x10 (Base) is implicit, do not list it");
	if (id < SIM_PROTOCOL_MIN || id > SIM_PROTOCOL_MAX)
		return sim_fail(ld, node, "protocol id 0x%x out of 0x%x..0x%x", id,
				SIM_PROTOCOL_MIN, SIM_PROTOCOL_MAX);
	if (sim_bit_test(p->protocols, id))
		return sim_fail(ld, node, "duplicate protocol id 0x%x", id);
	ret = sim_prop_u32(ld, node, "version", &version);
	if (ret == -ENOENT)
		version = 0;
	else if (ret)
		return ret;
	else if (!version)
		return sim_fail(ld, node, "version: must not be 0 (omit it instead)");
	else if (server_implements((uint8_t)id) &&
		 check_version(ld, node, "version", (uint8_t)id, version))
		return -EINVAL;
	sim_bit_set(p->protocols, id);
	p->protocol_version[id] = version;
	ld->proto_node[id] = node;
	return 0;
}

static int load_protocols(struct sim_loader *ld)
{
	int parent, node, ret;

	parent = fdt_subnode_offset(ld->fdt, ld->plat_node, "protocols");
	if (parent == -FDT_ERR_NOTFOUND)
		return 0; /* Base only */
	if (parent < 0)
		return sim_fail(ld, ld->plat_node, "protocols: %s", fdt_strerror(parent));
	ret = sim_check_cells(ld, parent, 1, 0);
	if (ret)
		return ret;
	fdt_for_each_subnode(node, ld->fdt, parent)
	{
		ret = load_protocol(ld, node);
		if (ret)
			return ret;
	}
	return sim_walk_end(ld, parent, node);
}

static int check_blob(struct sim_loader *ld, const void *dtb, size_t size, void **copy)
{
	struct fdt_header hdr;
	const char *why = "";
	size_t total;
	void *buf;
	int ret;

	*copy = NULL;
	if (!dtb || size < sizeof(hdr))
		return sim_fail(ld, -1, "blob too small for a DTB header (%zu bytes)", size);
	/* libfdt wants an aligned blob: check the header on an aligned copy of it. */
	memcpy(&hdr, dtb, sizeof(hdr));
	ret = fdt_check_header(&hdr);
	if (ret)
		return sim_fail(ld, -1, "bad DTB header (%s)", fdt_strerror(ret));
	total = fdt_totalsize(&hdr);
	if (total > size)
		return sim_fail(ld, -1, "DTB totalsize %zu exceeds the %zu bytes given", total,
				size);
	buf = sim_calloc(1, (total + 7u) & ~(size_t)7u);
	if (!buf)
		return -ENOMEM;
	memcpy(buf, dtb, total);
	/*
	 * Check the copy: the original may be changed by someone else meanwhile. The
	 * structural pre-check first: libfdt's own check hangs or crashes on some trees.
	 */
	if (scmi_fdt_sanity(buf, total, &why)) {
		sim_free(buf);
		return sim_fail(ld, -1, "corrupt DTB (%s)", why);
	}
	ret = fdt_check_full(buf, total);
	if (ret) {
		sim_free(buf);
		return sim_fail(ld, -1, "corrupt DTB (%s)", fdt_strerror(ret));
	}
	*copy = buf;
	return 0;
}

int sim_platform_load(const void *dtb, size_t size, struct sim_platform **out, char *err,
		      size_t err_len)
{
	struct sim_loader *ld;
	void *copy;
	int ret;
	int i;

	if (!out)
		return -EINVAL;
	*out = NULL;
	if (err && err_len)
		err[0] = '\0';
	ld = sim_calloc(1, sizeof(*ld));
	if (!ld) {
		if (err && err_len)
			sim_snprintf(err, err_len, "out of memory");
		return -ENOMEM;
	}
	ld->err = err;
	ld->err_len = err_len;
	ld->plat_node = -1;
	for (i = 0; i < 256; i++)
		ld->proto_node[i] = -1;
	ret = check_blob(ld, dtb, size, &copy);
	if (ret)
		goto err_ld;
	ld->fdt = copy;
	ld->seen_bits = scmi_fdt_struct_size(copy) / FDT_TAGSIZE + 1u;
	ld->seen = sim_calloc((ld->seen_bits + 31u) / 32u, sizeof(uint32_t));
	if (!ld->seen) {
		ret = -ENOMEM;
		goto err_copy;
	}
	ret = sim_fdt_index_build(ld);
	if (ret)
		goto err_copy;
	ld->p = sim_calloc(1, sizeof(*ld->p));
	if (!ld->p) {
		ret = -ENOMEM;
		goto err_copy;
	}
	if (sim_rwlock_init(&ld->p->lock)) {
		sim_free(ld->p);
		ret = -ENOMEM;
		goto err_copy;
	}
	sim_time_init(ld->p);
	ret = find_platform_node(ld);
	if (ret)
		goto err_plat;
	ret = load_identity(ld);
	if (ret)
		goto err_plat;
	ret = load_protocols(ld);
	if (ret)
		goto err_plat;
	ret = sim_load_devices(ld);
	if (ret)
		goto err_plat;
	ret = sim_load_agents(ld);
	if (ret)
		goto err_plat;
	ret = sim_models_load(ld);
	if (ret)
		goto err_models;
	ret = sim_load_device_resources(ld);
	if (ret)
		goto err_models;
	/* Once every loader ran: a property none read is one the binding does not know. */
	ret = sim_check_known_props(ld);
	if (ret)
		goto err_models;
	ret = sim_perm_init(ld->p);
	if (ret)
		goto err_models;
	/* Without the binding Base still works, with no agent trusted: not worth failing. */
	sim_time_boot(ld->p);
	ld->p->dtb = copy;
	ld->p->dtb_size = fdt_totalsize(copy);
	*out = ld->p;
	sim_fdt_index_free(ld);
	sim_free(ld->seen);
	sim_free(ld);
	return 0;

err_models:
	sim_models_free(ld->p);
	sim_devices_free(ld->p);
err_plat:
	sim_rwlock_destroy(&ld->p->lock);
	sim_free(ld->p);
err_copy:
	sim_fdt_index_free(ld);
	sim_free(ld->seen);
	sim_free(copy);
err_ld:
	if (ret == -ENOMEM && err && err_len)
		sim_snprintf(err, err_len, "out of memory");
	sim_free(ld);
	return ret;
}

#define SWAP_MODEL(a, b, field)                                                                    \
	do {                                                                                       \
		void *tmp_ = (a)->field;                                                           \
		(a)->field = (b)->field;                                                           \
		(b)->field = tmp_;                                                                 \
	} while (0)

int sim_platform_restore(struct sim_platform *p, bool keep_perm)
{
	struct sim_platform *q;
	int ret;

	if (!p->dtb)
		return -ENOENT;
	/* A second platform from the same DT is the state at boot: take its models. */
	ret = sim_platform_load(p->dtb, p->dtb_size, &q, NULL, 0);
	if (ret)
		return ret;
	SWAP_MODEL(p, q, power);
	SWAP_MODEL(p, q, perf);
	SWAP_MODEL(p, q, clock);
	SWAP_MODEL(p, q, sensor);
	SWAP_MODEL(p, q, reset);
	SWAP_MODEL(p, q, voltage);
	SWAP_MODEL(p, q, powercap);
	SWAP_MODEL(p, q, pinctrl);
	if (!keep_perm)
		SWAP_MODEL(p, q, perm);
	sim_platform_free(q);
	return 0;
}
