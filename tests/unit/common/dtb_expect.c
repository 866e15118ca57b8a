// SPDX-License-Identifier: BSD-3-Clause
#include <errno.h>
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include <libfdt.h>

#include "dtb_expect.h"
#include "dtb_util.h"
#include "platform/sim/sim_platform.h"

struct sim_platform *dtb_load(const void *fdt)
{
	struct sim_platform *p = NULL;
	char err[256] = "";
	int ret = sim_platform_load(fdt, fdt_totalsize(fdt), &p, err, sizeof(err));

	if (ret)
		fail_msg("load: %d %s", ret, err);
	assert_non_null(p);
	return p;
}

struct sim_platform *dtb_load_free(void *fdt)
{
	struct sim_platform *p = dtb_load(fdt);

	free(fdt);
	return p;
}

void dtb_expect_refused(void *fdt, const char *fragment)
{
	/* Not NULL: the loader itself must clear it on failure. */
	struct sim_platform *p = (void *)1;
	char err[256];
	int ret;

	memset(err, 0, sizeof(err));
	ret = sim_platform_load(fdt, fdt_totalsize(fdt), &p, err, sizeof(err));
	if (ret != -EINVAL || !strstr(err, fragment))
		fail_msg("expected -EINVAL with \"%s\", got %d \"%s\"", fragment, ret, err);
	assert_null(p);
	assert_null(strchr(err, '\n'));
	free(fdt);
}

void dtb_refuse_str(const char *path, const char *prop, const char *val, const char *fragment)
{
	void *fdt = dtb_editable();

	dtb_set_str(fdt, path, prop, val);
	dtb_expect_refused(fdt, fragment);
}

void dtb_refuse_u32(const char *path, const char *prop, uint32_t val, const char *fragment)
{
	void *fdt = dtb_editable();

	dtb_set_u32(fdt, path, prop, val);
	dtb_expect_refused(fdt, fragment);
}

void dtb_refuse_raw(const char *path, const char *prop, const void *val, int len,
		    const char *fragment)
{
	void *fdt = dtb_editable();

	dtb_set_raw(fdt, path, prop, val, len);
	dtb_expect_refused(fdt, fragment);
}

void dtb_refuse_cells(const char *path, const char *prop, const uint32_t *v, size_t n,
		      const char *fragment)
{
	void *fdt = dtb_editable();

	dtb_set_cells(fdt, path, prop, v, n);
	dtb_expect_refused(fdt, fragment);
}

void dtb_refuse_del_prop(const char *path, const char *prop, const char *fragment)
{
	void *fdt = dtb_editable();

	dtb_del_prop(fdt, path, prop);
	dtb_expect_refused(fdt, fragment);
}

void dtb_refuse_del_node(const char *path, const char *fragment)
{
	void *fdt = dtb_editable();

	dtb_del_node(fdt, path);
	dtb_expect_refused(fdt, fragment);
}

void dtb_refuse_add_node(const char *parent, const char *name, const char *fragment)
{
	void *fdt = dtb_editable();

	dtb_add_node(fdt, parent, name);
	dtb_expect_refused(fdt, fragment);
}

void dtb_refuse_phandle(const char *path, const char *prop, const char *target,
			const char *fragment)
{
	void *fdt = dtb_editable();

	/* The fallback only serves a target without a phandle: dtc numbers from 1. */
	dtb_set_u32(fdt, path, prop, dtb_phandle(fdt, target, 0x7777));
	dtb_expect_refused(fdt, fragment);
}

void dtb_refuse_renumber(const char *path, uint32_t reg, const char *fragment)
{
	void *fdt = dtb_editable();

	dtb_renumber(fdt, path, reg);
	dtb_expect_refused(fdt, fragment);
}
