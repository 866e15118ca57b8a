// SPDX-License-Identifier: BSD-3-Clause
/*
 * Sensor (0x15) model: sampling, thermal dynamics, trip points and the
 * server ops (theory of operation in sim_sensor.h).
 */
#include <string.h>

#include "platform/sim/sim_events.h"
#include "platform/sim/sim_perf.h"
#include "platform/sim/sim_perm.h"
#include "platform/sim/sim_platform_priv.h"
#include "platform/sim/sim_power.h"
#include "platform/sim/sim_sensor.h"
#include "platform/sim/sim_voltage.h"

double sim_sensor_exp_neg(double x)
{
	double term = 1.0, sum = 1.0;
	unsigned int halvings = 0, i;

	if (!(x > 0.0))
		return 1.0;
	if (x > 700.0)
		return 0.0;
	/* e^-x = (e^-(x / 2^k))^(2^k), with a short series for the small argument. */
	while (x > 0.125) {
		x /= 2.0;
		halvings++;
	}
	for (i = 1; i <= 12; i++) {
		term *= -x / (double)i;
		sum += term;
	}
	while (halvings--)
		sum *= sum;
	return sum;
}

bool sim_sensor_us_to_interval(uint32_t us, struct scmi_server_sensor_interval *iv)
{
	int e = -6;

	while (us >= 10u && us % 10u == 0) {
		us /= 10u;
		e++;
	}
	if (us > SCMI_SENSOR_INTERVAL_SECS_MAX)
		return false;
	iv->secs = (uint16_t)us;
	iv->exp = (int8_t)e;
	return true;
}

static int64_t round_i64(double v)
{
	return (int64_t)(v >= 0 ? v + 0.5 : v - 0.5);
}

/* Power feeding @s, mW: one perf domain, or the SoC (perf + power domains + base). */
static uint32_t source_power_mw(struct sim_platform *p, const struct sim_sensor_one *s)
{
	uint64_t mw;

	if (s->perf_domain >= 0)
		return sim_perf_model_power_mw(p, (uint32_t)s->perf_domain);
	mw = (uint64_t)sim_perf_model_total_power_mw(p) + sim_power_model_power_mw(p) +
	     p->sensor->soc_base_mw;
	return mw > UINT32_MAX ? UINT32_MAX : (uint32_t)mw;
}

static int32_t domain_uv(struct sim_platform *p, const struct sim_sensor_one *s)
{
	int32_t uv = 0;

	if (sim_voltage_model_get_level(p, (uint32_t)s->voltage_domain, &uv))
		uv = 0;
	return uv;
}

/* Advance the thermal state to @t_us with the power drawn now. */
static void thermal_advance(struct sim_platform *p, struct sim_sensor_one *s, uint64_t t_us)
{
	double tss, dt;

	if (t_us <= s->state_us)
		return;
	tss = (double)p->sensor->ambient_mc +
	      (double)s->k_mc_per_w * (double)source_power_mw(p, s) / 1000.0;
	dt = (double)(t_us - s->state_us);
	s->temp_mc = tss + (s->temp_mc - tss) * sim_sensor_exp_neg(dt / (double)s->tau_us);
	s->state_us = t_us;
}

/* The value(s) of @s at sample instant @t_us into @v. */
static void measure(struct sim_platform *p, struct sim_sensor_one *s, uint64_t t_us, int64_t *v)
{
	double amb = p->sensor->ambient_mc;
	int32_t uv;
	uint32_t i;

	switch (s->kind) {
	case SIM_SENSOR_THERMAL:
		thermal_advance(p, s, t_us);
		if (!s->num_axes) {
			v[0] = round_i64(s->temp_mc);
			break;
		}
		for (i = 0; i < s->num_axes; i++)
			v[i] = round_i64(amb + (s->temp_mc - amb) * s->axes[i].permille / 1000.0);
		break;
	case SIM_SENSOR_POWER:
		v[0] = source_power_mw(p, s);
		break;
	case SIM_SENSOR_VOLTAGE:
		v[0] = domain_uv(p, s);
		break;
	case SIM_SENSOR_CURRENT:
		uv = domain_uv(p, s);
		if (uv <= 0)
			uv = (int32_t)s->nominal_uv;
		/* mA = mW / V = mW * 1e6 / uV */
		v[0] = uv > 0 ? round_i64((double)source_power_mw(p, s) * 1e6 / uv) : 0;
		break;
	case SIM_SENSOR_CONSTANT:
	default:
		v[0] = s->constant;
		break;
	}
}

/* SENSOR_TRIP_POINT_EVENT to the subscribers of sensor @id: trip @trip crossed (lock held). */
static void emit_trip(struct sim_platform *p, const struct sim_sensor_one *s, uint32_t id,
		      uint32_t trip, bool rising)
{
	/* struct scmi_sensor_trip_point_evt after agent and sensor. */
	uint32_t desc =
	    (trip & SCMI_SENSOR_TRIP_DESC_ID_MASK) | (rising ? SCMI_SENSOR_TRIP_DESC_UP : 0);

	if (s->notify_trip)
		sim_emit_resource(p, s->notify_trip, SCMI_PROTOCOL_SENSOR,
				  SCMI_EVT_SENSOR_TRIP_POINT_EVENT, p->sensor->count, id, 0, &desc,
				  1);
}

/* SENSOR_UPDATE with the new sample to the continuous-update subscribers (lock held). */
static void emit_update(struct sim_platform *p, const struct sim_sensor_one *s, uint32_t id)
{
	uint32_t words[SIM_SENSOR_MAX_AXES * sizeof(struct scmi_sensor_reading_entry) / 4],
	    *w = words;
	uint32_t n = s->num_axes ? s->num_axes : 1u, i;
	uint64_t ts = s->ts_enabled ? s->last_us : 0;

	if (!s->notify_update)
		return;
	/* A struct scmi_sensor_reading_entry per axis: value low, high, timestamp low, high. */
	for (i = 0; i < n; i++, w += 4) {
		w[0] = (uint32_t)(uint64_t)s->last[i];
		w[1] = (uint32_t)((uint64_t)s->last[i] >> 32);
		w[2] = (uint32_t)ts;
		w[3] = (uint32_t)(ts >> 32);
	}
	sim_emit_resource(p, s->notify_update, SCMI_PROTOCOL_SENSOR, SCMI_EVT_SENSOR_UPDATE,
			  p->sensor->count, id, 0, words, (size_t)(w - words));
}

static void check_trips(struct sim_platform *p, struct sim_sensor_one *s, int64_t prev, int64_t now,
			bool first)
{
	uint32_t id = (uint32_t)(s - p->sensor->s);
	uint32_t i;

	for (i = 0; i < s->num_trips; i++) {
		struct sim_sensor_trip *t = &s->trips[i];
		bool above = now >= t->value;

		if (!first && t->ev_ctrl) {
			if ((t->ev_ctrl & 1u) && prev < t->value && above) {
				t->events++;
				emit_trip(p, s, id, i, true);
			}
			if ((t->ev_ctrl & 2u) && prev >= t->value && !above) {
				t->events++;
				emit_trip(p, s, id, i, false);
			}
		}
		t->above = above;
	}
}

void sim_sensor_sample(struct sim_platform *p, struct sim_sensor_one *s)
{
	uint64_t now = sim_time_now_us(p);
	uint64_t t = now - now % s->interval_us;
	int64_t prev = s->last[0];
	bool first = !s->sampled;

	if (s->sampled && t <= s->last_us)
		return;
	/* A disabled sensor does not sample; its physics still runs (thermal state). */
	if (!s->enabled) {
		if (s->kind == SIM_SENSOR_THERMAL)
			thermal_advance(p, s, t);
		return;
	}
	measure(p, s, t, s->last);
	s->last_us = t;
	s->sampled = true;
	check_trips(p, s, prev, s->last[0], first);
	emit_update(p, s, (uint32_t)(s - p->sensor->s));
}

void sim_sensor_model_check(struct sim_platform *p)
{
	for (uint32_t i = 0; p->sensor && i < p->sensor->count; i++) {
		struct sim_sensor_one *s = &p->sensor->s[i];

		if (s->notify_trip || s->notify_update)
			sim_sensor_sample(p, s);
	}
}

static struct sim_sensor_one *sensor_of(struct sim_platform *p, uint32_t id)
{
	if (!p->sensor || id >= p->sensor->count)
		return NULL;
	return &p->sensor->s[scmi_server_confine_index(id, p->sensor->count)];
}

int sim_sensor_model_read(struct sim_platform *p, uint32_t id, int64_t *value)
{
	struct sim_sensor_one *s = sensor_of(p, id);

	if (!s)
		return -ENOENT;
	if (!s->enabled)
		return -EACCES;
	sim_sensor_sample(p, s);
	*value = s->last[0];
	return 0;
}

int sim_sensor_trip_state(struct sim_platform *p, uint32_t id, uint32_t trip,
			  struct sim_sensor_trip *out)
{
	struct sim_sensor_one *s;
	int ret = -ENOENT;

	sim_lock(p);
	s = sensor_of(p, id);
	if (s && trip < s->num_trips) {
		sim_sensor_sample(p, s);
		*out = s->trips[trip];
		ret = 0;
	}
	sim_unlock(p);
	sim_events_flush();
	return ret;
}

static bool agent_bit(uint32_t agent_id, uint64_t *bit)
{
	if (!sim_agent_id_valid(agent_id))
		return false;
	*bit = (uint64_t)1 << (agent_id - 1);
	return true;
}

int sim_sensor_notify_state(struct sim_platform *p, uint32_t id, uint32_t agent_id, bool *trip,
			    bool *update)
{
	struct sim_sensor_one *s;
	uint64_t bit;
	int ret = -ENOENT;

	sim_lock(p);
	s = sensor_of(p, id);
	if (s && agent_bit(agent_id, &bit)) {
		*trip = s->notify_trip & bit;
		*update = s->notify_update & bit;
		ret = 0;
	}
	sim_unlock(p);
	sim_events_flush();
	return ret;
}

/* Server ops: each takes the lock around the model. */

/* The sensor agent @agent_id calls @id (its local id), or NULL when it sees none. Lock held. */
static struct sim_sensor_one *op_sensor(struct sim_platform *p, uint32_t agent_id, uint32_t id,
					uint32_t *gid)
{
	if (!p->sensor || !sim_agent_id_valid(agent_id) ||
	    !sim_view_global(p, agent_id, SCMI_PROTOCOL_SENSOR, p->sensor->count, id, gid))
		return NULL;
	return sensor_of(p, *gid);
}

/* op_sensor() for the ops that read only what the load fixed: takes the lock for the view. */
static struct sim_sensor_one *op_sensor_fixed(struct sim_platform *p, uint32_t agent_id,
					      uint32_t id)
{
	struct sim_sensor_one *s;
	uint32_t gid;

	sim_lock(p);
	s = op_sensor(p, agent_id, id, &gid);
	sim_unlock(p);
	sim_events_flush();
	return s;
}

static uint32_t op_count(void *plat, uint32_t agent_id)
{
	struct sim_platform *p = plat;
	uint32_t n;
	uint32_t slot;

	if (!p->sensor)
		return 0;
	slot = sim_rlock(p);
	n = sim_view_count(p, agent_id, SCMI_PROTOCOL_SENSOR, p->sensor->count);
	sim_runlock(p, slot);
	sim_events_flush();
	return n;
}

static int32_t op_info(void *plat, uint32_t agent_id, uint32_t id,
		       struct scmi_server_sensor_info *info)
{
	struct sim_platform *p = plat;
	struct sim_sensor_one *s;
	uint32_t gid;
	uint32_t slot;

	slot = sim_rlock(p);
	s = op_sensor(p, agent_id, id, &gid);
	if (!s) {
		sim_runlock(p, slot);
		sim_events_flush();
		return SCMI_NOT_FOUND;
	}
	memcpy(info->name, s->name, sizeof(info->name));
	info->type = s->type;
	info->unit_exp = s->unit_exp;
	info->num_trip_points = (uint8_t)s->num_trips;
	info->num_axes = (uint8_t)s->num_axes;
	info->timestamped = s->timestamped;
	info->ts_exp = -6;
	info->continuous_update = s->continuous_update;
	info->ext_attrs = s->has_range;
	info->power_uw = s->power_uw;
	info->resolution = 1;
	info->res_exp = s->unit_exp;
	info->min_range = s->range_min;
	info->max_range = s->range_max;
	info->has_ext_name = s->ext_name[0] != '\0';
	info->segmented = s->segmented;
	info->num_intervals = s->num_intervals;
	sim_sensor_us_to_interval(s->interval_us, &info->interval);
	sim_runlock(p, slot);
	sim_events_flush();
	return SCMI_SUCCESS;
}

static int32_t op_axis_info(void *plat, uint32_t agent_id, uint32_t id, uint32_t axis,
			    struct scmi_server_sensor_axis_info *a)
{
	struct sim_platform *p = plat;
	struct sim_sensor_one *s;
	uint32_t gid;
	int32_t st = SCMI_NOT_FOUND;
	uint32_t slot;

	slot = sim_rlock(p);
	s = op_sensor(p, agent_id, id, &gid);
	if (s && axis < s->num_axes) {
		memcpy(a->name, s->axes[axis].name, sizeof(a->name));
		a->type = s->type;
		a->unit_exp = s->unit_exp;
		a->ext_attrs = s->has_range;
		a->resolution = 1;
		a->res_exp = s->unit_exp;
		a->min_range = s->range_min;
		a->max_range = s->range_max;
		a->has_ext_name = s->axes[axis].ext_name[0] != '\0';
		st = SCMI_SUCCESS;
	}
	sim_runlock(p, slot);
	sim_events_flush();
	return st;
}

static int32_t op_ext_name(void *plat, uint32_t agent_id, uint32_t id,
			   char name[SCMI_EXT_NAME_SIZE])
{
	struct sim_platform *p = plat;
	struct sim_sensor_one *s;

	s = op_sensor_fixed(p, agent_id, id); /* names are fixed at load */
	if (!s || !s->ext_name[0])
		return SCMI_NOT_FOUND;
	memcpy(name, s->ext_name, SCMI_EXT_NAME_SIZE);
	return SCMI_SUCCESS;
}

static int32_t op_axis_ext_name(void *plat, uint32_t agent_id, uint32_t id, uint32_t axis,
				char name[SCMI_EXT_NAME_SIZE])
{
	struct sim_platform *p = plat;
	struct sim_sensor_one *s;

	s = op_sensor_fixed(p, agent_id, id);
	if (!s || axis >= s->num_axes || !s->axes[axis].ext_name[0])
		return SCMI_NOT_FOUND;
	memcpy(name, s->axes[axis].ext_name, SCMI_EXT_NAME_SIZE);
	return SCMI_SUCCESS;
}

static int32_t op_interval(void *plat, uint32_t agent_id, uint32_t id, uint32_t idx,
			   struct scmi_server_sensor_interval *iv)
{
	struct sim_platform *p = plat;
	struct sim_sensor_one *s;

	s = op_sensor_fixed(p, agent_id, id); /* the supported list is fixed at load */
	if (!s || idx >= s->num_intervals)
		return SCMI_NOT_FOUND;
	sim_sensor_us_to_interval(s->intervals_us[idx], iv);
	return SCMI_SUCCESS;
}

static int32_t op_read(void *plat, uint32_t agent_id, uint32_t id,
		       struct scmi_server_sensor_reading *r, uint32_t max, uint32_t *n)
{
	struct sim_platform *p = plat;
	struct sim_sensor_one *s;
	uint32_t gid;
	uint32_t i, count;
	int32_t st = SCMI_SUCCESS;

	sim_lock(p);
	s = op_sensor(p, agent_id, id, &gid);
	if (!s) {
		st = SCMI_NOT_FOUND;
		goto out;
	}
	/* A disabled sensor has no reading to give (docs/binding/sensor.md). */
	if (!s->enabled) {
		st = SCMI_DENIED;
		goto out;
	}
	sim_sensor_sample(p, s);
	count = s->num_axes ? s->num_axes : 1u;
	if (count > max)
		count = max;
	for (i = 0; i < count; i++) {
		r[i].value = s->last[i];
		r[i].timestamp = s->ts_enabled ? s->last_us : 0;
	}
	*n = count;
out:
	sim_unlock(p);
	sim_events_flush();
	return st;
}

static int32_t op_config_get(void *plat, uint32_t agent_id, uint32_t id,
			     struct scmi_server_sensor_config *cfg)
{
	struct sim_platform *p = plat;
	struct sim_sensor_one *s;
	uint32_t gid;
	int32_t st = SCMI_NOT_FOUND;
	uint32_t slot;

	slot = sim_rlock(p);
	s = op_sensor(p, agent_id, id, &gid);
	if (s) {
		cfg->enabled = s->enabled;
		cfg->ts_enabled = s->ts_enabled;
		sim_sensor_us_to_interval(s->interval_us, &cfg->interval);
		st = SCMI_SUCCESS;
	}
	sim_runlock(p, slot);
	sim_events_flush();
	return st;
}

/* @iv in microseconds (may be fractional or huge: double). */
static double interval_us(struct scmi_server_sensor_interval iv)
{
	double v = iv.secs;
	int e = iv.exp + 6;

	for (; e > 0; e--)
		v *= 10.0;
	for (; e < 0; e++)
		v /= 10.0;
	return v;
}

/* Candidate @c (us) for a request of @want us rounded by @round; keeps the best in *@best. */
static void consider(uint32_t c, double want, uint8_t round, uint32_t *best, bool *found)
{
	double d = (double)c - want;
	double bd = *found ? (double)*best - want : 0;

	if ((round == 0 && d > 0) || (round == 1 && d < 0))
		return;
	if (*found) {
		if (round == 2 ? (d < 0 ? -d : d) >= (bd < 0 ? -bd : bd)
			       : (round == 0 ? d <= bd : d >= bd))
			return;
	}
	*best = c;
	*found = true;
}

/* The supported interval for @want as @round says; false if none lies that way. */
static bool pick_interval(const struct sim_sensor_one *s, double want, uint8_t round, uint32_t *out)
{
	bool found = false;
	uint32_t i;

	if (s->segmented) {
		uint32_t lo = s->intervals_us[0], hi = s->intervals_us[1], st = s->intervals_us[2];
		double k = (want - lo) / st;
		uint64_t below;

		/* The two grid points around the request, clipped to the range. */
		if (k < 0)
			k = -1;
		/*
		 * A huge request (2^64 us and more) would not fit the integer below: converting
		 * such a double is undefined. Beyond the last grid step only hi matters.
		 */
		if (k > (double)(hi - lo) / st + 1)
			k = (double)(hi - lo) / st + 1;
		below = k < 0 ? 0 : (uint64_t)k;
		if (k >= 0 && lo + below * st <= hi)
			consider((uint32_t)(lo + below * st), want, round, out, &found);
		if (k < 0)
			consider(lo, want, round, out, &found);
		else if (lo + (below + 1) * st <= hi)
			consider((uint32_t)(lo + (below + 1) * st), want, round, out, &found);
		if (want > hi)
			consider(hi, want, round, out, &found);
		return found;
	}
	for (i = 0; i < s->num_intervals; i++)
		consider(s->intervals_us[i], want, round, out, &found);
	return found;
}

static int32_t op_config_set(void *plat, uint32_t agent_id, uint32_t id,
			     const struct scmi_server_sensor_config *cfg)
{
	struct sim_platform *p = plat;
	struct sim_sensor_one *s;
	uint32_t gid;
	uint32_t chosen = 0;
	int32_t st = SCMI_SUCCESS;

	sim_lock(p);
	s = op_sensor(p, agent_id, id, &gid);
	if (!s) {
		st = SCMI_NOT_FOUND;
		goto out;
	}
	if (!sim_perm_allowed(p, agent_id, SCMI_PROTOCOL_SENSOR, gid)) {
		st = SCMI_DENIED;
		goto out;
	}
	if (cfg->set_interval) {
		double want = interval_us(cfg->interval);
		bool exact = pick_interval(s, want, 2, &chosen) && (double)chosen == want;

		/* An unsupported interval is rounded as asked, within the supported ones. */
		if (!exact && !pick_interval(s, want, cfg->round, &chosen)) {
			st = SCMI_OUT_OF_RANGE;
			goto out;
		}
	}
	/* Bring the sensor up to now under the old settings before they change. */
	sim_sensor_sample(p, s);
	if (cfg->set_interval && chosen != s->interval_us) {
		s->interval_us = chosen;
		s->sampled = false;
	}
	if (cfg->enabled && !s->enabled)
		s->sampled = false;
	s->enabled = cfg->enabled;
	s->ts_enabled = cfg->ts_enabled;
out:
	sim_unlock(p);
	sim_events_flush();
	return st;
}

static int32_t op_trip_config(void *plat, uint32_t agent_id, uint32_t id, uint32_t trip,
			      uint32_t ev_ctrl, int64_t value)
{
	struct sim_platform *p = plat;
	struct sim_sensor_one *s;
	uint32_t gid;
	int32_t st = SCMI_SUCCESS;

	sim_lock(p);
	s = op_sensor(p, agent_id, id, &gid);
	if (!s)
		st = SCMI_NOT_FOUND;
	else if (!sim_perm_allowed(p, agent_id, SCMI_PROTOCOL_SENSOR, gid))
		st = SCMI_DENIED;
	else if (trip >= s->num_trips || ev_ctrl > 3)
		st = SCMI_INVALID_PARAMETERS;
	if (st == SCMI_SUCCESS) {
		sim_sensor_sample(p, s);
		s->trips[trip].ev_ctrl = ev_ctrl;
		s->trips[trip].value = value;
		s->trips[trip].events = 0;
		s->trips[trip].above = s->sampled && s->last[0] >= value;
	}
	sim_unlock(p);
	sim_events_flush();
	return st;
}

static int32_t set_notify(struct sim_platform *p, uint32_t agent_id, uint32_t id, bool enable,
			  bool trip)
{
	struct sim_sensor_one *s;
	uint32_t gid;
	uint64_t bit, *map;
	int32_t st = SCMI_SUCCESS;

	sim_lock(p);
	s = op_sensor(p, agent_id, id, &gid);
	if (!s) {
		st = SCMI_NOT_FOUND;
	} else if (!agent_bit(agent_id, &bit)) {
		st = SCMI_DENIED;
	} else {
		map = trip ? &s->notify_trip : &s->notify_update;
		*map = enable ? (*map | bit) : (*map & ~bit);
	}
	sim_unlock(p);
	sim_events_flush();
	return st;
}

static int32_t op_trip_notify(void *plat, uint32_t agent_id, uint32_t id, bool enable)
{
	return set_notify(plat, agent_id, id, enable, true);
}

static int32_t op_update_notify(void *plat, uint32_t agent_id, uint32_t id, bool enable)
{
	return set_notify(plat, agent_id, id, enable, false);
}

void sim_sensor_reset_agent(struct sim_platform *p, uint32_t agent_id)
{
	uint64_t bit;
	uint32_t i;

	if (!p->sensor || !agent_bit(agent_id, &bit))
		return;
	/* Configurations and trip points are the sensor's, shared by every agent: they stay. */
	for (i = 0; i < p->sensor->count; i++) {
		p->sensor->s[i].notify_trip &= ~bit;
		p->sensor->s[i].notify_update &= ~bit;
	}
}

const struct scmi_server_sensor_ops sim_sensor_ops = {
    .count = op_count,
    .info = op_info,
    .axis_info = op_axis_info,
    .ext_name = op_ext_name,
    .axis_ext_name = op_axis_ext_name,
    .interval = op_interval,
    .read = op_read,
    .config_get = op_config_get,
    .config_set = op_config_set,
    .trip_config = op_trip_config,
    .trip_notify = op_trip_notify,
    .update_notify = op_update_notify,
};

int sim_sensor_set_ambient(struct sim_platform *p, int32_t ambient_mc)
{
	if (!p->sensor)
		return -ENOENT;
	sim_lock(p);
	/* Up to now the old ambient held; the new one acts from here on. */
	sim_sensor_model_check(p);
	p->sensor->ambient_mc = ambient_mc;
	sim_unlock(p);
	sim_events_flush();
	return 0;
}
