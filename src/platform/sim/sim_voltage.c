// SPDX-License-Identifier: BSD-3-Clause
/*
 * Voltage domain (0x17) model: regulators parsed from the protocol@17 node,
 * each with a discrete list of levels or a (min, max, step) segment, a
 * programmed level and a mode.
 */
#include <string.h>

#include <libfdt.h>

#include "platform/sim/sim_perf_priv.h"
#include "platform/sim/sim_perm.h"
#include "platform/sim/sim_platform_priv.h"
#include "platform/sim/sim_voltage.h"

#define SIM_VOLTAGE_MAX_DOMAINS 64u
#define SIM_VOLTAGE_MAX_LEVELS	256u

/**
 * struct sim_voltage_domain - one regulator.
 * @name:       short name
 * @ext_name:   extended name ("" if none)
 * @node:       its DT node offset (for sim_voltage_model_id_by_node at load)
 * @segmented:  @levels holds min, max, step
 * @levels:     ascending levels in µV, or the segment
 * @num_levels: entries in @levels (3 for a segment)
 * @impl_modes: bit n set: SCMI_VOLTAGE_CONFIG_IMPL_DEFINED(n) is accepted
 * @level:      programmed level (lock held)
 * @config:     mode (lock held)
 */
struct sim_voltage_domain {
	char name[SCMI_SHORT_NAME_SIZE];
	char ext_name[SCMI_EXT_NAME_SIZE];
	int node;
	bool segmented;
	int32_t levels[SIM_VOLTAGE_MAX_LEVELS];
	uint32_t num_levels;
	uint32_t impl_modes;
	int32_t level;
	uint32_t config;
};

/**
 * struct sim_voltage - the model.
 * @count:   domains
 * @domains: domains[id]
 */
struct sim_voltage {
	uint32_t count;
	struct sim_voltage_domain domains[SIM_VOLTAGE_MAX_DOMAINS];
};

/* extended-name: one string of 1..63 printable ASCII characters. */
static int read_ext_name(struct sim_loader *ld, int node, char out[SCMI_EXT_NAME_SIZE])
{
	const char *s;
	int len, i;

	s = sim_getprop(ld, node, "extended-name", &len);
	if (!s)
		return len == -FDT_ERR_NOTFOUND ? 0
						: sim_fail(ld, node, "extended-name: unreadable");
	if (len < 2 || len > SCMI_EXT_NAME_SIZE || s[len - 1] != '\0')
		return sim_fail(ld, node, "extended-name: must be one string of 1..%d characters",
				SCMI_EXT_NAME_SIZE - 1);
	for (i = 0; i < len - 1; i++) {
		if (s[i] < 0x20 || s[i] > 0x7e)
			return sim_fail(ld, node, "extended-name: not printable ASCII");
	}
	memcpy(out, s, (size_t)len);
	return 0;
}

/* Cells of @name as signed µV into @out; returns the count, 0 if absent, or -EINVAL. */
static int read_cells(struct sim_loader *ld, int node, const char *name, int32_t *out, uint32_t max)
{
	const fdt32_t *v;
	int len, i, n;

	v = sim_getprop(ld, node, name, &len);
	if (!v)
		return len == -FDT_ERR_NOTFOUND ? 0 : sim_fail(ld, node, "%s: unreadable", name);
	n = len / (int)sizeof(*v);
	if (len % (int)sizeof(*v) || n < 1 || n > (int)max)
		return sim_fail(ld, node, "%s: 1..%u cells", name, max);
	for (i = 0; i < n; i++)
		out[i] = (int32_t)fdt32_ld(&v[i]);
	return n;
}

static bool is_level(const struct sim_voltage_domain *d, int32_t uv, int *err)
{
	uint32_t i;

	if (d->segmented) {
		if (uv < d->levels[0] || uv > d->levels[1]) {
			*err = -ERANGE;
			return false;
		}
		*err = -EINVAL;
		return ((int64_t)uv - d->levels[0]) % d->levels[2] == 0;
	}
	if (uv < d->levels[0] || uv > d->levels[d->num_levels - 1]) {
		*err = -ERANGE;
		return false;
	}
	*err = -EINVAL;
	for (i = 0; i < d->num_levels; i++) {
		if (d->levels[i] == uv)
			return true;
	}
	return false;
}

static int load_levels(struct sim_loader *ld, int node, struct sim_voltage_domain *d)
{
	int32_t range[3];
	int n, m;
	uint32_t i;

	n = read_cells(ld, node, "voltage-levels", d->levels, SIM_VOLTAGE_MAX_LEVELS);
	if (n < 0)
		return n;
	m = read_cells(ld, node, "voltage-range", range, 3);
	if (m < 0)
		return m;
	if (!n == !m)
		return sim_fail(ld, node, "exactly one of voltage-levels and voltage-range");
	if (m) {
		if (m != 3)
			return sim_fail(ld, node, "voltage-range: <min max step> in microvolts");
		if (range[0] > range[1] || range[2] <= 0 ||
		    ((int64_t)range[1] - range[0]) % range[2])
			return sim_fail(
			    ld, node,
			    "voltage-range: need min <= max, step > 0 dividing max - min");
		memcpy(d->levels, range, sizeof(range));
		d->segmented = true;
		d->num_levels = 3;
		return 0;
	}
	d->num_levels = (uint32_t)n;
	for (i = 1; i < d->num_levels; i++) {
		if (d->levels[i] <= d->levels[i - 1])
			return sim_fail(ld, node, "voltage-levels: must be strictly ascending");
	}
	return 0;
}

static int load_domain(struct sim_loader *ld, int node, uint32_t id, void *ctx)
{
	struct sim_voltage *v = ctx;
	struct sim_voltage_domain *d = &v->domains[id];
	uint32_t init;
	int ret, err;

	d->node = node;

	ret = sim_prop_name(ld, node, "domain-name", false, d->name);
	if (ret == -ENOENT)
		return sim_fail(ld, node, "missing domain-name");
	if (ret)
		return ret;
	ret = read_ext_name(ld, node, d->ext_name);
	if (ret)
		return ret;
	ret = load_levels(ld, node, d);
	if (ret)
		return ret;

	d->level = d->levels[0];
	ret = sim_prop_u32(ld, node, "initial-microvolt", &init);
	if (ret && ret != -ENOENT)
		return ret;
	if (!ret) {
		if (!is_level(d, (int32_t)init, &err))
			return sim_fail(ld, node, "initial-microvolt: not a level of the domain");
		d->level = (int32_t)init;
	}
	ret = sim_prop_u32(ld, node, "implementation-modes", &d->impl_modes);
	if (ret && ret != -ENOENT)
		return ret;
	if (!ret && d->impl_modes & ~0xffu)
		return sim_fail(ld, node, "implementation-modes: a bitmap of modes 0..7");
	d->config = sim_getprop(ld, node, "initially-off", NULL) ? SCMI_VOLTAGE_CONFIG_OFF
								 : SCMI_VOLTAGE_CONFIG_ON;
	return 0;
}

int sim_voltage_load(struct sim_loader *ld, int node)
{
	static const struct sim_domain_model model = {
	    .size = sizeof(struct sim_voltage),
	    .max = SIM_VOLTAGE_MAX_DOMAINS,
	    .count_off = offsetof(struct sim_voltage, count),
	    .load = load_domain,
	};

	void *loaded;
	int ret = sim_load_domain_model(ld, node, &model, &loaded);

	ld->p->voltage = loaded;
	return ret;
}

void sim_voltage_free(struct sim_platform *p)
{
	sim_free(p->voltage);
	p->voltage = NULL;
}

uint32_t sim_voltage_count(struct sim_platform *p)
{
	return p->voltage ? p->voltage->count : 0;
}

static struct sim_voltage_domain *domain(struct sim_platform *p, uint32_t id)
{
	if (!p->voltage || id >= p->voltage->count)
		return NULL;
	return &p->voltage->domains[id];
}

int sim_voltage_model_id_by_node(struct sim_platform *p, int node, uint32_t *id)
{
	uint32_t i;

	for (i = 0; i < sim_voltage_count(p); i++) {
		if (p->voltage->domains[i].node == node) {
			if (id)
				*id = i;
			return 0;
		}
	}
	return -ENOENT;
}

int sim_voltage_model_set_level(struct sim_platform *p, uint32_t id, int32_t uv)
{
	struct sim_voltage_domain *d = domain(p, id);
	int err;

	if (!d)
		return -ENOENT;
	if (!is_level(d, uv, &err))
		return err;
	d->level = uv;
	return 0;
}

int sim_voltage_model_get_level(struct sim_platform *p, uint32_t id, int32_t *uv)
{
	struct sim_voltage_domain *d = domain(p, id);

	if (!d || !uv)
		return -ENOENT;
	*uv = d->level;
	return 0;
}

bool sim_voltage_model_is_on(struct sim_platform *p, uint32_t id)
{
	struct sim_voltage_domain *d = domain(p, id);

	return d && d->config != SCMI_VOLTAGE_CONFIG_OFF;
}

int sim_voltage_get(struct sim_platform *p, uint32_t id, int32_t *uv, uint32_t *config)
{
	struct sim_voltage_domain *d = domain(p, id);

	if (!d)
		return -ENOENT;
	sim_lock(p);
	if (uv)
		*uv = d->level;
	if (config)
		*config = d->config;
	sim_unlock(p);
	return 0;
}

/*
 * The domain agent @agent_id calls @id (its local id), its global id in @gid; NULL when it
 * sees no such domain. Takes the lock.
 */
static struct sim_voltage_domain *op_domain(struct sim_platform *p, uint32_t agent_id, uint32_t id,
					    uint32_t *gid)
{
	bool ok;
	uint32_t slot;

	if (!sim_agent_id_valid(agent_id))
		return NULL;
	slot = sim_rlock(p);
	ok = sim_view_global(p, agent_id, SCMI_PROTOCOL_VOLTAGE, sim_voltage_count(p), id, gid);
	sim_runlock(p, slot);
	/* The domain table is fixed after load: the pointer stays valid without the lock. */
	return ok ? domain(p, *gid) : NULL;
}

/* Whether @agent_id may change domain @gid. Takes the lock. */
static bool op_allowed(struct sim_platform *p, uint32_t agent_id, uint32_t gid)
{
	bool ok;

	sim_lock(p);
	ok = sim_perm_allowed(p, agent_id, SCMI_PROTOCOL_VOLTAGE, gid);
	sim_unlock(p);
	return ok;
}

/*
 * The start every op on domain @id shares: the domain (@d, global id in @gid) or NOT_FOUND;
 * with @change, DENIED unless the agent may change it. Takes and releases the lock.
 */
static int32_t op_enter(struct sim_platform *p, uint32_t agent_id, uint32_t id, bool change,
			struct sim_voltage_domain **d, uint32_t *gid)
{
	*d = op_domain(p, agent_id, id, gid);
	if (!*d)
		return SCMI_NOT_FOUND;
	if (change && !op_allowed(p, agent_id, *gid))
		return SCMI_DENIED;
	return SCMI_SUCCESS;
}

/*
 * The least rail @gid may be set to (lock held): the voltage of the OPP each perf domain
 * on it runs, 0 when none runs on it. Lower, or off, would contradict the level the perf
 * domain reports (docs/decisions.md): DENIED.
 */
static uint32_t rail_floor_uv(struct sim_platform *p, uint32_t gid)
{
	uint32_t floor = 0;
	uint32_t i;

	for (i = 0; p->perf && i < p->perf->num; i++) {
		const struct sim_perf_domain *pd = &p->perf->d[i];

		if (pd->has_voltage && pd->voltage_id == gid && pd->opps[pd->cur].uv > floor)
			floor = pd->opps[pd->cur].uv;
	}
	return floor;
}

static uint32_t op_count(void *plat, uint32_t agent_id)
{
	struct sim_platform *p = plat;
	uint32_t n;
	uint32_t slot;

	slot = sim_rlock(p);
	n = sim_view_count(p, agent_id, SCMI_PROTOCOL_VOLTAGE, sim_voltage_count(p));
	sim_runlock(p, slot);
	return n;
}

static int32_t op_info(void *plat, uint32_t agent_id, uint32_t id,
		       struct scmi_server_voltage_info *info)
{
	struct sim_voltage_domain *d;
	uint32_t gid;
	int32_t st;

	st = op_enter(plat, agent_id, id, false, &d, &gid);
	if (st)
		return st;
	/* Immutable after load: no lock. */
	memcpy(info->name, d->name, sizeof(info->name));
	memcpy(info->ext_name, d->ext_name, sizeof(info->ext_name));
	info->segmented = d->segmented;
	info->num_levels = d->num_levels;
	return SCMI_SUCCESS;
}

static int32_t op_level_at(void *plat, uint32_t agent_id, uint32_t id, uint32_t index, int32_t *uv)
{
	struct sim_voltage_domain *d;
	uint32_t gid;
	int32_t st;

	st = op_enter(plat, agent_id, id, false, &d, &gid);
	if (st)
		return st;
	if (index >= d->num_levels)
		return SCMI_OUT_OF_RANGE;
	*uv = d->levels[index];
	return SCMI_SUCCESS;
}

static int32_t op_config_set(void *plat, uint32_t agent_id, uint32_t id, uint32_t config)
{
	struct sim_platform *p = plat;
	struct sim_voltage_domain *d;
	uint32_t gid;
	int32_t st;

	st = op_enter(p, agent_id, id, true, &d, &gid);
	if (st)
		return st;
	if ((config & SCMI_VOLTAGE_CONFIG_IMPL) &&
	    !(d->impl_modes & (1u << (config & SCMI_VOLTAGE_CONFIG_IMPL_ID_MASK))))
		return SCMI_INVALID_PARAMETERS;
	sim_lock(p);
	st = SCMI_SUCCESS;
	if (config == SCMI_VOLTAGE_CONFIG_OFF && rail_floor_uv(p, gid))
		st = SCMI_DENIED;
	else
		d->config = config;
	sim_unlock(p);
	return st;
}

static int32_t op_config_get(void *plat, uint32_t agent_id, uint32_t id, uint32_t *config)
{
	struct sim_platform *p = plat;
	struct sim_voltage_domain *d;
	uint32_t gid;
	int32_t st;
	uint32_t slot;

	st = op_enter(p, agent_id, id, false, &d, &gid);
	if (st)
		return st;
	slot = sim_rlock(p);
	*config = d->config;
	sim_runlock(p, slot);
	return SCMI_SUCCESS;
}

static int32_t op_level_set(void *plat, uint32_t agent_id, uint32_t id, int32_t uv)
{
	struct sim_platform *p = plat;
	struct sim_voltage_domain *d;
	uint32_t gid, floor;
	int32_t st;
	int ret;

	st = op_enter(p, agent_id, id, true, &d, &gid);
	if (st)
		return st;
	sim_lock(p);
	/* A level the rail cannot take is refused as such first; then one its OPP cannot. */
	floor = rail_floor_uv(p, gid);
	if (is_level(d, uv, &ret) && floor && (uint32_t)uv < floor)
		ret = -EACCES;
	else
		ret = sim_voltage_model_set_level(p, gid, uv);
	sim_unlock(p);
	if (ret == -EACCES)
		return SCMI_DENIED;
	if (ret == -ENOENT)
		return SCMI_NOT_FOUND;
	if (ret == -ERANGE)
		return SCMI_OUT_OF_RANGE;
	return ret ? SCMI_INVALID_PARAMETERS : SCMI_SUCCESS;
}

static int32_t op_level_get(void *plat, uint32_t agent_id, uint32_t id, int32_t *uv)
{
	struct sim_platform *p = plat;
	struct sim_voltage_domain *d;
	uint32_t gid;
	int32_t st;
	int ret;
	uint32_t slot;

	st = op_enter(p, agent_id, id, false, &d, &gid);
	if (st)
		return st;
	slot = sim_rlock(p);
	ret = sim_voltage_model_get_level(p, gid, uv);
	sim_runlock(p, slot);
	return ret ? SCMI_NOT_FOUND : SCMI_SUCCESS;
}

void sim_voltage_reset_agent(struct sim_platform *p, uint32_t agent_id)
{
	/* Nothing is the agent's own: a level or a mode is the rail's, last writer wins, and
	 * other agents (and the perf domains) run on it. The model has no notifications. */
	(void)p;
	(void)agent_id;
}

const struct scmi_server_voltage_ops sim_voltage_ops = {
    .count = op_count,
    .info = op_info,
    .level_at = op_level_at,
    .config_set = op_config_set,
    .config_get = op_config_get,
    .level_set = op_level_set,
    .level_get = op_level_get,
};
