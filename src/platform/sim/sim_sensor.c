// SPDX-License-Identifier: BSD-3-Clause
/*
 * Sensor (0x15) model: loading its description from the platform DT
 * (docs/binding/sensor.md). Every value is checked and bounded here, so
 * that the model and the server never meet a malformed sensor.
 */
#include <libfdt.h>
#include <string.h>

#include "platform/sim/sim_platform_priv.h"
#include "platform/sim/sim_sensor.h"

#define SIM_SENSOR_DEFAULT_INTERVAL_US 1000u

/* DMTF DSP0249 unit codes of the kinds with a fixed unit. */
#define UNIT_CELSIUS 2u
#define UNIT_VOLTS   5u
#define UNIT_AMPS    6u
#define UNIT_WATTS   7u

static const struct {
	const char *name;
	enum sim_sensor_kind kind;
	uint8_t type;
	int8_t unit_exp;
} kinds[] = {
    {"thermal", SIM_SENSOR_THERMAL, UNIT_CELSIUS, -3},
    {"power", SIM_SENSOR_POWER, UNIT_WATTS, -3},
    {"voltage", SIM_SENSOR_VOLTAGE, UNIT_VOLTS, -6},
    {"current", SIM_SENSOR_CURRENT, UNIT_AMPS, -3},
    {"constant", SIM_SENSOR_CONSTANT, 0, 0},
};

static bool printable(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (s[i] < 0x20 || s[i] > 0x7e)
			return false;
	}
	return true;
}

/* Optional string of 1..63 printable characters into @out (64 bytes, zero padded). */
static int prop_long_name(struct sim_loader *ld, int node, const char *name,
			  char out[SCMI_EXT_NAME_SIZE])
{
	const char *s;
	int len;

	memset(out, 0, SCMI_EXT_NAME_SIZE);
	s = sim_getprop(ld, node, name, &len);
	if (!s)
		return len == -FDT_ERR_NOTFOUND ? 0 : sim_fail(ld, node, "%s: unreadable", name);
	if (len < 2 || s[len - 1] != '\0' || memchr(s, '\0', (size_t)len) != s + len - 1)
		return sim_fail(ld, node, "%s: not a single non-empty string", name);
	if (len - 1 > (int)SCMI_EXT_NAME_SIZE - 1)
		return sim_fail(ld, node, "%s: longer than %u characters", name,
				SCMI_EXT_NAME_SIZE - 1);
	if (!printable(s, (size_t)len - 1))
		return sim_fail(ld, node, "%s: not printable ASCII", name);
	memcpy(out, s, (size_t)len - 1);
	return 0;
}

/* Optional list of 1..@max cells into @v; *@n = 0 when absent. */
static int prop_u32_list(struct sim_loader *ld, int node, const char *name, uint32_t *v,
			 uint32_t max, uint32_t *n)
{
	const fdt32_t *c;
	uint32_t cells, i;
	int len;

	*n = 0;
	c = sim_getprop(ld, node, name, &len);
	if (!c)
		return len == -FDT_ERR_NOTFOUND ? 0 : sim_fail(ld, node, "%s: unreadable", name);
	if (len <= 0 || len % 4 || (uint32_t)len / 4u > max)
		return sim_fail(ld, node, "%s: must be 1 to %u cells", name, max);
	/* One count bounds the copy and is what the caller gets: every v[0..*n) is written. */
	cells = (uint32_t)len / 4u;
	for (i = 0; i < cells; i++)
		v[i] = fdt32_to_cpu(c[i]);
	*n = cells;
	return 0;
}

/* Optional one-cell property bounded to [@lo, @hi] (as unsigned); @dflt when absent. */
static int prop_bounded(struct sim_loader *ld, int node, const char *name, uint32_t dflt,
			uint32_t lo, uint32_t hi, uint32_t *val)
{
	int ret = sim_prop_u32(ld, node, name, val);

	if (ret == -ENOENT) {
		*val = dflt;
		return 0;
	}
	if (ret)
		return ret;
	if (*val < lo || *val > hi)
		return sim_fail(ld, node, "%s: %u out of %u..%u", name, *val, lo, hi);
	return 0;
}

/* Optional signed cell ("<(-5)>") bounded to [@lo, @hi]. */
static int prop_signed(struct sim_loader *ld, int node, const char *name, int32_t dflt, int32_t lo,
		       int32_t hi, int32_t *val)
{
	uint32_t raw;
	int ret = sim_prop_u32(ld, node, name, &raw);

	if (ret == -ENOENT) {
		*val = dflt;
		return 0;
	}
	if (ret)
		return ret;
	*val = (int32_t)raw;
	if (*val < lo || *val > hi)
		return sim_fail(ld, node, "%s: %d out of %d..%d", name, *val, lo, hi);
	return 0;
}

static int load_kind(struct sim_loader *ld, int node, struct sim_sensor_one *s)
{
	const char *k;
	size_t i;
	int len;

	k = sim_getprop(ld, node, "kind", &len);
	if (!k)
		return sim_fail(ld, node,
				"kind: missing (thermal, power, voltage, current, constant)");
	for (i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++) {
		if ((size_t)len == strlen(kinds[i].name) + 1 &&
		    !memcmp(k, kinds[i].name, (size_t)len)) {
			s->kind = kinds[i].kind;
			s->type = kinds[i].type;
			s->unit_exp = kinds[i].unit_exp;
			return 0;
		}
	}
	return sim_fail(ld, node, "kind: not one of thermal, power, voltage, current, constant");
}

static int load_sources(struct sim_loader *ld, int node, struct sim_sensor_one *s)
{
	uint32_t v;
	int32_t sv;
	int ret;

	ret = prop_bounded(ld, node, "perf-domain", UINT32_MAX, 0, 0xfffffffeu, &v);
	if (ret)
		return ret;
	s->perf_domain = v == UINT32_MAX ? -1 : (int32_t)(v & 0x7fffffffu);
	ret = prop_bounded(ld, node, "voltage-domain", UINT32_MAX, 0, 0xfffffffeu, &v);
	if (ret)
		return ret;
	s->voltage_domain = v == UINT32_MAX ? -1 : (int32_t)(v & 0x7fffffffu);
	if ((s->kind == SIM_SENSOR_VOLTAGE || s->kind == SIM_SENSOR_CURRENT) &&
	    s->voltage_domain < 0)
		return sim_fail(ld, node, "voltage-domain: required for kind %s",
				s->kind == SIM_SENSOR_VOLTAGE ? "voltage" : "current");
	ret = prop_bounded(ld, node, "nominal-microvolt", 0, 0, 10000000u, &s->nominal_uv);
	if (ret)
		return ret;
	if (s->kind == SIM_SENSOR_THERMAL) {
		ret = sim_prop_u32(ld, node, "millicelsius-per-watt", &s->k_mc_per_w);
		if (ret == -ENOENT)
			return sim_fail(ld, node,
					"millicelsius-per-watt: required for kind thermal");
		if (ret)
			return ret;
		if (s->k_mc_per_w > 1000000u)
			return sim_fail(ld, node, "millicelsius-per-watt: above 1000000");
		ret = sim_prop_u32(ld, node, "time-constant-us", &s->tau_us);
		if (ret == -ENOENT || (!ret && !s->tau_us))
			return sim_fail(ld, node, "time-constant-us: required and not 0");
		if (ret)
			return ret;
	}
	if (s->kind == SIM_SENSOR_CONSTANT) {
		ret = prop_bounded(ld, node, "type", 0, 0, 0xff, &v);
		if (ret)
			return ret;
		s->type = (uint8_t)v;
		ret = prop_signed(ld, node, "unit-exponent", 0, -16, 15, &sv);
		if (ret)
			return ret;
		s->unit_exp = (int8_t)sv;
		ret = prop_signed(ld, node, "value", 0, INT32_MIN, INT32_MAX, &sv);
		if (ret)
			return ret;
		s->constant = sv;
	}
	return 0;
}

static int load_axes(struct sim_loader *ld, int node, struct sim_sensor_one *s)
{
	uint32_t permille[SIM_SENSOR_MAX_AXES], np = 0;
	int n, next, i, len, ret;
	const char *name;

	n = sim_stringlist_count(ld, node, "axis-names");
	if (n == -FDT_ERR_NOTFOUND)
		return 0;
	if (n < 1 || n > (int)SIM_SENSOR_MAX_AXES)
		return sim_fail(ld, node, "axis-names: 1 to %u names", SIM_SENSOR_MAX_AXES);
	ret = prop_u32_list(ld, node, "axis-permille", permille, SIM_SENSOR_MAX_AXES, &np);
	if (ret)
		return ret;
	if (np && np != (uint32_t)n)
		return sim_fail(ld, node, "axis-permille: one per axis");
	next = sim_stringlist_count(ld, node, "axis-extended-names");
	if (next != -FDT_ERR_NOTFOUND && next != n)
		return sim_fail(ld, node, "axis-extended-names: one per axis");
	for (i = 0; i < n; i++) {
		struct sim_sensor_axis *a = &s->axes[i];

		name = fdt_stringlist_get(ld->fdt, node, "axis-names", i, &len);
		if (!name || len < 1 || len > SCMI_SHORT_NAME_SIZE - 1 ||
		    !printable(name, (size_t)len))
			return sim_fail(ld, node, "axis-names: entry %d not 1..15 printable", i);
		memcpy(a->name, name, (size_t)len);
		if (next == n) {
			name = fdt_stringlist_get(ld->fdt, node, "axis-extended-names", i, &len);
			if (!name || len < 1 || len > (int)SCMI_EXT_NAME_SIZE - 1 ||
			    !printable(name, (size_t)len))
				return sim_fail(ld, node,
						"axis-extended-names: entry %d not 1..63 printable",
						i);
			memcpy(a->ext_name, name, (size_t)len);
		}
		a->permille = np ? permille[i] : 1000u;
		if (a->permille > 1000u)
			return sim_fail(ld, node, "axis-permille: above 1000");
	}
	s->num_axes = (uint32_t)n;
	return 0;
}

static int load_intervals(struct sim_loader *ld, int node, struct sim_sensor_one *s)
{
	struct scmi_server_sensor_interval iv;
	uint32_t list[SIM_SENSOR_MAX_INTERVALS], n, range[3], nr, dflt, i;
	bool segmented = false;
	int ret;

	ret = prop_u32_list(ld, node, "update-intervals-us", list, SIM_SENSOR_MAX_INTERVALS, &n);
	if (ret)
		return ret;
	ret = prop_u32_list(ld, node, "update-interval-range-us", range, 3, &nr);
	if (ret)
		return ret;
	if (n && nr)
		return sim_fail(ld, node,
				"update-intervals-us and update-interval-range-us: "
				"give one of them");
	if (nr) {
		if (nr != 3 || !range[0] || !range[2] || range[0] >= range[1] ||
		    (range[1] - range[0]) % range[2])
			return sim_fail(ld, node,
					"update-interval-range-us: <low high step> with "
					"0 < low < high, step > 0 dividing high - low");
		memcpy(list, range, sizeof(range));
		n = 3;
		segmented = true;
	} else if (!n) {
		list[0] = SIM_SENSOR_DEFAULT_INTERVAL_US;
		n = 1;
	}
	for (i = 0; i < n; i++) {
		if (!list[i] || !sim_sensor_us_to_interval(list[i], &iv))
			return sim_fail(ld, node, "update interval %u us: not 1..65535 x 10^n us",
					list[i]);
		if (!segmented && i && list[i] <= list[i - 1])
			return sim_fail(ld, node, "update-intervals-us: not strictly ascending");
	}
	memcpy(s->intervals_us, list, n * sizeof(list[0]));
	s->num_intervals = n;
	s->segmented = segmented;
	ret = prop_bounded(ld, node, "default-interval-us", list[0], 1, UINT32_MAX, &dflt);
	if (ret)
		return ret;
	for (i = 0; i < n && !segmented; i++) {
		if (list[i] == dflt)
			break;
	}
	if ((!segmented && i == n) ||
	    (segmented && (dflt < list[0] || dflt > list[1] || (dflt - list[0]) % list[2])))
		return sim_fail(ld, node, "default-interval-us: %u is not a supported interval",
				dflt);
	s->interval_us = dflt;
	return 0;
}

static int load_misc(struct sim_loader *ld, int node, struct sim_sensor_one *s)
{
	uint32_t range[2], n;
	int ret;

	ret = prop_bounded(ld, node, "trip-points", 0, 0, SIM_SENSOR_MAX_TRIPS, &s->num_trips);
	if (ret)
		return ret;
	ret = prop_u32_list(ld, node, "range", range, 2, &n);
	if (ret)
		return ret;
	if (n == 1 || (n == 2 && (int32_t)range[0] > (int32_t)range[1]))
		return sim_fail(ld, node, "range: <min max> (signed) with min <= max");
	s->has_range = n == 2;
	s->range_min = s->has_range ? (int32_t)range[0] : 0;
	s->range_max = s->has_range ? (int32_t)range[1] : 0;
	ret = prop_bounded(ld, node, "sensor-power-microwatt", 0, 0, UINT32_MAX, &s->power_uw);
	if (ret)
		return ret;
	s->timestamped = !sim_getprop(ld, node, "no-timestamp", NULL);
	s->continuous_update = !!sim_getprop(ld, node, "continuous-update", NULL);
	s->enabled = !sim_getprop(ld, node, "start-disabled", NULL);
	s->ts_enabled = s->timestamped;
	return 0;
}

static int load_sensor(struct sim_loader *ld, int node, struct sim_sensor *m)
{
	struct sim_sensor_one *s;
	uint32_t id;
	int ret;

	ret = sim_unit_node(ld, node, "sensor", &id);
	if (ret)
		return ret;
	if (id >= SIM_SENSOR_MAX)
		return sim_fail(ld, node, "sensor id %u: at most %u sensors", id, SIM_SENSOR_MAX);
	s = &m->s[id];
	if (s->name[0])
		return sim_fail(ld, node, "duplicate sensor id %u", id);
	ret = sim_prop_name(ld, node, "sensor-name", false, s->name);
	if (ret == -ENOENT)
		return sim_fail(ld, node, "sensor-name: missing");
	if (!ret)
		ret = prop_long_name(ld, node, "extended-name", s->ext_name);
	if (!ret)
		ret = load_kind(ld, node, s);
	if (!ret)
		ret = load_sources(ld, node, s);
	if (!ret)
		ret = load_axes(ld, node, s);
	if (!ret)
		ret = load_intervals(ld, node, s);
	if (!ret)
		ret = load_misc(ld, node, s);
	if (ret)
		return ret;
	if (s->num_axes && s->kind != SIM_SENSOR_THERMAL)
		return sim_fail(ld, node, "axis-names: only thermal sensors have axes");
	s->temp_mc = m->ambient_mc;
	if (id + 1 > m->count)
		m->count = id + 1;
	return 0;
}

static int load_all(struct sim_loader *ld, int node, struct sim_sensor *m)
{
	uint32_t v, i;
	int32_t sv;
	int child, ret;

	ret = prop_signed(ld, node, "ambient-millicelsius", 25000, -100000, 200000, &sv);
	if (ret)
		return ret;
	m->ambient_mc = sv;
	ret = prop_bounded(ld, node, "soc-base-milliwatt", 0, 0, 1000000u, &v);
	if (ret)
		return ret;
	m->soc_base_mw = v;
	if (fdt_first_subnode(ld->fdt, node) >= 0) {
		ret = sim_check_cells(ld, node, 1, 0);
		if (ret)
			return ret;
	}
	fdt_for_each_subnode(child, ld->fdt, node)
	{
		ret = load_sensor(ld, child, m);
		if (ret)
			return ret;
	}
	ret = sim_walk_end(ld, node, child);
	if (ret)
		return ret;
	for (i = 0; i < m->count; i++) {
		if (!m->s[i].name[0])
			return sim_fail(ld, node,
					"sensor ids must be 0..%u without gaps: %u missing",
					m->count - 1, i);
	}
	return 0;
}

int sim_sensor_load(struct sim_loader *ld, int node)
{
	struct sim_sensor *m;
	int ret;

	ld->p->sensor = NULL;
	if (node < 0)
		return 0;
	m = sim_calloc(1, sizeof(*m));
	if (!m)
		return sim_fail(ld, node, "out of memory");
	ret = load_all(ld, node, m);
	if (ret) {
		sim_free(m);
		return ret;
	}
	ld->p->sensor = m;
	return 0;
}

void sim_sensor_free(struct sim_platform *p)
{
	sim_free(p->sensor);
	p->sensor = NULL;
}
