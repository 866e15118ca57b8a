// SPDX-License-Identifier: BSD-3-Clause
/*
 * sim_platform_load_file(): a platform DTB from a file, for hosted programs.
 * The freestanding environment has no files: its host hands the blob to
 * sim_platform_load() itself.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "platform/sim/sim_platform_priv.h"

int sim_platform_load_file(const char *path, struct sim_platform **out, char *err, size_t err_len)
{
	uint8_t *buf;
	size_t n;
	FILE *f;
	int ret;

	if (!out)
		return -EINVAL;
	*out = NULL;
	f = fopen(path, "rb");
	if (!f) {
		ret = -errno;
		if (err && err_len)
			snprintf(err, err_len, "%s: %s", path, strerror(-ret));
		return ret;
	}
	/* One byte more than the limit tells "too large" from "exactly the limit". */
	buf = malloc(SIM_MAX_DTB_SIZE + 1);
	if (!buf) {
		ret = -ENOMEM;
		goto err_close;
	}
	n = fread(buf, 1, SIM_MAX_DTB_SIZE + 1, f);
	if (ferror(f)) {
		ret = -EIO;
		if (err && err_len)
			snprintf(err, err_len, "%s: read error", path);
		goto err_buf;
	}
	if (n > SIM_MAX_DTB_SIZE) {
		ret = -EFBIG;
		if (err && err_len)
			snprintf(err, err_len, "%s: larger than %u bytes", path, SIM_MAX_DTB_SIZE);
		goto err_buf;
	}
	ret = sim_platform_load(buf, n, out, err, err_len);
err_buf:
	free(buf);
err_close:
	fclose(f);
	return ret;
}
