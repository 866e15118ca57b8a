// SPDX-License-Identifier: BSD-3-Clause
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include <libfdt.h>

#include "dtb_util.h"

void *dtb_read_default(size_t *size)
{
	FILE *f = fopen(SCMI_DEFAULT_PLATFORM_DTB, "rb");
	uint8_t *buf;
	long len;

	assert_non_null(f);
	assert_int_equal(fseek(f, 0, SEEK_END), 0);
	len = ftell(f);
	assert_true(len > 0 && len < (1 << 20));
	rewind(f);
	buf = malloc((size_t)len);
	assert_non_null(buf);
	assert_int_equal(fread(buf, 1, (size_t)len, f), (size_t)len);
	assert_int_equal(fclose(f), 0);
	*size = (size_t)len;
	return buf;
}

void *dtb_editable(void)
{
	size_t size;
	void *src = dtb_read_default(&size);
	size_t room = size + (size_t)DTB_EDIT_ROOM;
	void *buf = malloc(room);

	assert_non_null(buf);
	assert_int_equal(fdt_open_into(src, buf, (int)room), 0);
	free(src);
	return buf;
}

int dtb_node(void *fdt, const char *path)
{
	int off = fdt_path_offset(fdt, path);

	if (off < 0)
		fail_msg("no node %s (%s)", path, fdt_strerror(off));
	return off;
}

void dtb_set_str(void *fdt, const char *path, const char *prop, const char *val)
{
	assert_int_equal(fdt_setprop_string(fdt, dtb_node(fdt, path), prop, val), 0);
}

void dtb_set_u32(void *fdt, const char *path, const char *prop, uint32_t val)
{
	assert_int_equal(fdt_setprop_u32(fdt, dtb_node(fdt, path), prop, val), 0);
}

void dtb_set_raw(void *fdt, const char *path, const char *prop, const void *val, int len)
{
	assert_int_equal(fdt_setprop(fdt, dtb_node(fdt, path), prop, val, len), 0);
}

void dtb_set_cells(void *fdt, const char *path, const char *prop, const uint32_t *v, size_t n)
{
	fdt32_t cells[64];
	size_t i;

	assert_true(n <= 64);
	for (i = 0; i < n; i++)
		cells[i] = cpu_to_fdt32(v[i]);
	dtb_set_raw(fdt, path, prop, cells, (int)(n * sizeof(cells[0])));
}

void dtb_del_prop(void *fdt, const char *path, const char *prop)
{
	assert_int_equal(fdt_delprop(fdt, dtb_node(fdt, path), prop), 0);
}

void dtb_rename(void *fdt, const char *path, const char *name)
{
	assert_int_equal(fdt_set_name(fdt, dtb_node(fdt, path), name), 0);
}

void dtb_renumber(void *fdt, const char *path, uint32_t reg)
{
	int off = dtb_node(fdt, path);
	const char *at = strrchr(path, '@');
	const char *base = strrchr(path, '/') + 1;
	char name[64];

	assert_non_null(at);
	assert_true(at > base);
	snprintf(name, sizeof(name), "%.*s@%x", (int)(at - base), base, reg);
	assert_int_equal(fdt_setprop_u32(fdt, off, "reg", reg), 0);
	assert_int_equal(fdt_set_name(fdt, off, name), 0);
}

void dtb_del_node(void *fdt, const char *path)
{
	assert_int_equal(fdt_del_node(fdt, dtb_node(fdt, path)), 0);
}

int dtb_add_node(void *fdt, const char *parent, const char *name)
{
	int off = fdt_add_subnode(fdt, dtb_node(fdt, parent), name);

	if (off < 0)
		fail_msg("add %s/%s: %s", parent, name, fdt_strerror(off));
	return off;
}

uint32_t dtb_phandle(void *fdt, const char *path, uint32_t fallback)
{
	int off = dtb_node(fdt, path);
	uint32_t ph = fdt_get_phandle(fdt, off);

	if (ph)
		return ph;
	assert_int_equal(fdt_setprop_u32(fdt, off, "phandle", fallback), 0);
	return fallback;
}
