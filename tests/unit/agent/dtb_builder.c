// SPDX-License-Identifier: BSD-3-Clause
#include <libfdt.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dtb_builder.h"

void tdt_defaults(struct tdt *t)
{
	memset(t, 0, sizeof(*t));
	t->shm_addr[0] = 0x1000;
	t->shm_size[0] = 0x80;
	t->shm_addr[1] = 0x1080;
	t->shm_size[1] = 0x80;
}

static void ck(int ret, const char *what)
{
	if (ret < 0) {
		fprintf(stderr, "dtb builder: %s: %s\n", what, fdt_strerror(ret));
		abort();
	}
}

static void put_cells(void *fdt, const char *name, uint64_t v, int cells)
{
	if (cells == 2)
		ck(fdt_property_u64(fdt, name, v), name);
	else
		ck(fdt_property_u32(fdt, name, (uint32_t)v), name);
}

static void shm_node(void *fdt, const struct tdt *t, int i, int ac, int sc)
{
	char name[32];
	fdt32_t reg[8];
	int n = 0, k;

	snprintf(name, sizeof(name), "scmi-shmem@%llx", (unsigned long long)t->shm_addr[i]);
	ck(fdt_begin_node(fdt, name), "shm");
	ck(fdt_property_string(fdt, "compatible", "arm,scmi-shmem"), "compat");
	for (k = ac - 1; k >= 0; k--)
		reg[n++] = cpu_to_fdt32(k > 1 ? 0 : (uint32_t)(t->shm_addr[i] >> (32 * k)));
	for (k = sc - 1; k >= 0; k--)
		reg[n++] = cpu_to_fdt32(k > 1 ? 0 : (uint32_t)(t->shm_size[i] >> (32 * k)));
	ck(fdt_property(fdt, "reg", reg,
			i == 0 && t->shm_reg_len ? t->shm_reg_len : n * (int)sizeof(fdt32_t)),
	   "reg");
	ck(fdt_property_u32(fdt, "phandle", (uint32_t)i + 1), "phandle");
	ck(fdt_end_node(fdt), "end");
}

size_t tdt_build(const struct tdt *t, void *buf, size_t size)
{
	int ac = t->sram_ac ? t->sram_ac : 1, sc = t->sram_sc ? t->sram_sc : 1, i;
	void *fdt = buf;
	char name[32];

	ck(fdt_create(fdt, (int)size), "create");
	ck(fdt_finish_reservemap(fdt), "rsvmap");
	ck(fdt_begin_node(fdt, ""), "root");
	ck(fdt_property_u32(fdt, "#address-cells", 2), "ac");
	ck(fdt_property_u32(fdt, "#size-cells", 2), "sc");

	ck(fdt_begin_node(fdt, "firmware"), "fw");
	ck(fdt_begin_node(fdt, "scmi"), "scmi");
	ck(fdt_property_string(fdt, "compatible", t->compat ? t->compat : "linaro,scmi-optee"),
	   "compat");
	if (!t->no_chan) {
		fdt32_t v = cpu_to_fdt32(t->chan);

		ck(fdt_property(fdt, "linaro,optee-channel-id", &v, t->chan_len ? t->chan_len : 4),
		   "chan");
	}
	if (t->shmem)
		ck(fdt_property_u32(fdt, "shmem", t->shmem), "shmem");
	if (t->timeout || t->zero_timeout)
		ck(fdt_property_u32(fdt, "arm,max-rx-timeout-ms", t->timeout), "tmo");
	if (t->msg_size)
		ck(fdt_property_u32(fdt, "arm,max-msg-size", t->msg_size), "msz");
	ck(fdt_property_u32(fdt, "#address-cells", 1), "ac");
	ck(fdt_property_u32(fdt, "#size-cells", 0), "sc");
	for (i = 0; i < t->nprotos; i++) {
		const struct tdt_proto *p = &t->protos[i];

		snprintf(name, sizeof(name), "protocol@%x", p->reg);
		ck(fdt_begin_node(fdt, name), "proto");
		if (!p->no_reg)
			ck(fdt_property_u32(fdt, "reg", p->reg), "reg");
		if (p->has_chan)
			ck(fdt_property_u32(fdt, "linaro,optee-channel-id", p->chan), "pchan");
		if (p->shmem)
			ck(fdt_property_u32(fdt, "shmem", p->shmem), "pshmem");
		ck(fdt_end_node(fdt), "end");
	}
	ck(fdt_end_node(fdt), "end scmi");
	ck(fdt_end_node(fdt), "end fw");

	ck(fdt_begin_node(fdt, "sram@0"), "sram");
	ck(fdt_property_string(fdt, "compatible", "mmio-sram"), "compat");
	ck(fdt_property_u32(fdt, "#address-cells", (uint32_t)ac), "ac");
	ck(fdt_property_u32(fdt, "#size-cells", (uint32_t)sc), "sc");
	shm_node(fdt, t, 0, ac, sc);
	shm_node(fdt, t, 1, ac, sc);
	ck(fdt_begin_node(fdt, "not-shmem@2000"), "ns");
	ck(fdt_property_string(fdt, "compatible", "vendor,other"), "compat");
	put_cells(fdt, "reg", 0x2000, 1);
	ck(fdt_property_u32(fdt, "phandle", 3), "phandle");
	ck(fdt_end_node(fdt), "end");
	ck(fdt_end_node(fdt), "end sram");

	ck(fdt_end_node(fdt), "end root");
	ck(fdt_finish(fdt), "finish");
	return fdt_totalsize(fdt);
}
