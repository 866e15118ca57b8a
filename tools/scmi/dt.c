// SPDX-License-Identifier: BSD-3-Clause
/*
 * The one fact `info` shows that libscmi has no getter for: the Base channel
 * id, read from the agent's DT as the library reads it (linaro,optee-channel-id
 * of the linaro,scmi-optee node; absent DT => channel 0).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

#include <libfdt.h>

#include "cli.h"

/* A DT for one agent is a few KiB; refuse anything absurd rather than read it all. */
#define CLI_DT_MAX_SIZE (1u << 20)

int cli_dt_channel_blob(const void *fdt, size_t size, uint32_t *channel)
{
	const fdt32_t *prop;
	int node, len;

	if (size < sizeof(struct fdt_header) || fdt_check_header(fdt) || fdt_totalsize(fdt) > size)
		return -EINVAL;
	node = fdt_node_offset_by_compatible(fdt, -1, "linaro,scmi-optee");
	if (node < 0)
		return -ENOENT;
	prop = fdt_getprop(fdt, node, "linaro,optee-channel-id", &len);
	if (!prop || len < (int)sizeof(*prop))
		return -ENOENT;
	*channel = fdt32_to_cpu(prop[0]);
	return 0;
}

int cli_dt_channel(const char *path, uint32_t *channel)
{
	FILE *f;
	void *buf;
	size_t n;
	int ret;

	*channel = 0;
	if (!path)
		return 0;
	f = fopen(path, "rb");
	if (!f)
		return -errno;
	buf = malloc(CLI_DT_MAX_SIZE);
	if (!buf) {
		ret = -ENOMEM;
		goto err_close;
	}
	n = fread(buf, 1, CLI_DT_MAX_SIZE, f);
	if (ferror(f)) {
		ret = -EIO;
		goto err_free;
	}
	ret = cli_dt_channel_blob(buf, n, channel);
err_free:
	free(buf);
err_close:
	fclose(f);
	return ret;
}
