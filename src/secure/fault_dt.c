// SPDX-License-Identifier: BSD-3-Clause
/*
 * The platform DT's `faults` node (docs/fault-injection.md): each child is
 * one rule, its properties the spec's keys. Each node is turned into a spec
 * string and parsed by fault_rule_parse(), so that a DT rule and an
 * --inject rule can never mean different things.
 */
#include <errno.h>
#include <libfdt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "secure/fault_inject.h"

/* Largest DTB read from a file: far above any platform description. */
#define FAULT_DT_MAX_FILE (16u << 20)

static int dt_err(char *err, size_t err_len, const char *node, const char *what)
{
	if (err && err_len)
		snprintf(err, err_len, "faults/%s: %s", node, what);
	return -EINVAL;
}

/* u32 properties and the spec key each becomes. */
static const struct {
	const char *prop;
	const char *key;
} u32_props[] = {
    {"channel", "channel"},	  {"protocol", "proto"},  {"message", "msg"}, {"delay-ms", "delay"},
    {"corrupt-offset", "offset"}, {"corrupt-xor", "xor"}, {"every", "every"},
};

/* A string property that may go into a spec: one string, no separator of the grammar. */
static bool spec_safe_string(const char *s, int len)
{
	if (len < 2 || s[len - 1] != '\0' || (int)strlen(s) != len - 1)
		return false;
	for (int i = 0; i < len - 1; i++) {
		if (s[i] == ',' || s[i] == '=' || s[i] < 0x21 || s[i] > 0x7e)
			return false;
	}
	return true;
}

static void append(char *spec, size_t len, const char *key, const char *val)
{
	size_t pos = strlen(spec);

	snprintf(spec + pos, len - pos, "%s%s%s%s", pos ? "," : "", key, val ? "=" : "",
		 val ? val : "");
}

/* One property of a fault node into @spec. */
static int add_prop(const void *fdt, int off, const char *node, char *spec, size_t spec_len,
		    char *err, size_t err_len)
{
	const char *name, *data;
	char val[48];
	int len;

	data = fdt_getprop_by_offset(fdt, off, &name, &len);
	if (!data || !name)
		return dt_err(err, err_len, node, "unreadable property");
	for (size_t i = 0; i < sizeof(u32_props) / sizeof(u32_props[0]); i++) {
		if (strcmp(name, u32_props[i].prop) != 0)
			continue;
		if (len != 4) {
			snprintf(val, sizeof(val), "%s must be one u32 cell", name);
			return dt_err(err, err_len, node, val);
		}
		snprintf(val, sizeof(val), "%u", (unsigned int)fdt32_ld((const fdt32_t *)data));
		append(spec, spec_len, u32_props[i].key, val);
		return 0;
	}
	if (!strcmp(name, "drop")) {
		if (len)
			return dt_err(err, err_len, node, "drop takes no value");
		append(spec, spec_len, "drop", NULL);
	} else if (!strcmp(name, "corrupt") || !strcmp(name, "status")) {
		if (!spec_safe_string(data, len)) {
			snprintf(val, sizeof(val), "%s must be one word", name);
			return dt_err(err, err_len, node, val);
		}
		append(spec, spec_len, name, data);
	} else if (!strcmp(name, "probability-ppm")) {
		uint32_t ppm;

		if (len != 4)
			return dt_err(err, err_len, node, "probability-ppm must be one u32 cell");
		ppm = fdt32_ld((const fdt32_t *)data);
		if (ppm > 1000000)
			return dt_err(err, err_len, node, "probability-ppm above 1000000");
		snprintf(val, sizeof(val), "%u.%06u", ppm / 1000000, ppm % 1000000);
		append(spec, spec_len, "prob", val);
	} else if (!strcmp(name, "seed")) {
		uint64_t seed;

		if (len == 4)
			seed = fdt32_ld((const fdt32_t *)data);
		else if (len == 8)
			seed = fdt64_ld((const fdt64_t *)data);
		else
			return dt_err(err, err_len, node, "seed must be one or two u32 cells");
		snprintf(val, sizeof(val), "%llu", (unsigned long long)seed);
		append(spec, spec_len, "seed", val);
	} else if (strcmp(name, "reg") != 0 && strcmp(name, "phandle") != 0) {
		snprintf(val, sizeof(val), "unknown property %.24s", name);
		return dt_err(err, err_len, node, val);
	}
	return 0;
}

int fault_inject_load_dt(struct fault_inject *fi, const void *fdt, size_t size, char *err,
			 size_t err_len)
{
	struct fault_rule rules[FAULT_INJECT_MAX_RULES];
	size_t n = 0;
	int plat, faults, node, rc;

	if (err && err_len)
		err[0] = '\0';
	if (!fi || !fdt || size < sizeof(struct fdt_header) || fdt_check_header(fdt) ||
	    fdt_totalsize(fdt) > size) {
		if (err && err_len)
			snprintf(err, err_len, "faults: not a valid DTB");
		return -EINVAL;
	}
	plat = fdt_node_offset_by_compatible(fdt, -1, "scmi-optee,platform");
	if (plat < 0)
		return 0;
	faults = fdt_subnode_offset(fdt, plat, "faults");
	if (faults < 0)
		return 0;

	fdt_for_each_subnode(node, fdt, faults)
	{
		const char *name = fdt_get_name(fdt, node, NULL);
		char spec[512] = "";
		char why[160];
		int prop;

		if (!name)
			name = "?";
		if (n == FAULT_INJECT_MAX_RULES)
			return dt_err(err, err_len, name, "too many fault nodes");
		fdt_for_each_property_offset(prop, fdt, node)
		{
			rc = add_prop(fdt, prop, name, spec, sizeof(spec), err, err_len);
			if (rc)
				return rc;
		}
		rc = fault_rule_parse(spec, &rules[n], why, sizeof(why));
		if (rc) {
			/* The spec's "fault: " prefix says nothing the node name does not. */
			return dt_err(err, err_len, name,
				      strncmp(why, "fault: ", 7) ? why : why + 7);
		}
		n++;
	}
	for (size_t i = 0; i < n; i++) {
		rc = fault_inject_add_rule(fi, &rules[i]);
		if (rc) {
			if (err && err_len)
				snprintf(err, err_len, "faults: cannot add rule %zu: %s", i,
					 strerror(-rc));
			return rc;
		}
	}
	return 0;
}

int fault_inject_load_dt_file(struct fault_inject *fi, const char *path, char *err, size_t err_len)
{
	size_t cap = (size_t)64 * 1024, len = 0;
	char *buf, *nbuf;
	FILE *f;
	int rc;

	if (!path)
		return -EINVAL;
	f = fopen(path, "rb");
	if (!f) {
		rc = -errno;
		if (err && err_len)
			snprintf(err, err_len, "faults: cannot open %s: %s", path, strerror(-rc));
		return rc;
	}
	buf = malloc(cap);
	if (!buf) {
		rc = -ENOMEM;
		goto out;
	}
	for (;;) {
		size_t got;

		if (len == cap) {
			cap *= 2;
			if (cap > FAULT_DT_MAX_FILE) {
				rc = -EFBIG;
				goto out;
			}
			nbuf = realloc(buf, cap);
			if (!nbuf) {
				rc = -ENOMEM;
				goto out;
			}
			buf = nbuf;
		}
		got = fread(buf + len, 1, cap - len, f);
		len += got;
		if (got == 0)
			break;
	}
	if (ferror(f)) {
		rc = -EIO;
		goto out;
	}
	rc = fault_inject_load_dt(fi, buf, len, err, err_len);
out:
	if (rc && rc != -EINVAL && err && err_len && !err[0])
		snprintf(err, err_len, "faults: cannot read %s: %s", path, strerror(-rc));
	free(buf);
	(void)fclose(f); /* read only: a failing close loses nothing */
	return rc;
}
