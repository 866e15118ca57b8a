// SPDX-License-Identifier: BSD-3-Clause
/*
 * fuzz_agent_response's calls of every protocol client of include/scmi/ but
 * Base: init/open, the paginated walkers, names and gets, with the server's
 * replies coming from the input (fuzz_agent_response.c). Output arrays are
 * static, exactly as large as the room a call is told (ASan sees any write
 * past it), and the room itself is fuzzed, 0 included. The arrays are passed
 * even for a room of 0 (NULL only where a header says it may be, clock rates,
 * or with SCMI_FUZZ_NULL_WHEN_EMPTY set: fa_arr()).
 *
 * Invariants on top of "0 or -errno": names NUL-terminated, counts within the
 * room given, walkers' totals within the limits their headers promise.
 */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_agent.h"

#define ROOM 300u

static uint64_t rates[ROOM];
static uint32_t ids32[ROOM];
static uint16_t ids16[ROOM];
static struct scmi_perf_level levels[ROOM];
static struct scmi_power_domain power_doms[64];
static struct scmi_pinctrl_config configs[ROOM];
static struct scmi_sensor_desc sensor_descs[32];
static struct scmi_sensor_axis axes[64];
static char axis_names[64][SCMI_SENSOR_NAME_BUF];
static struct scmi_sensor_intervals intervals;
static struct scmi_sensor_reading readings[64];
static struct scmi_voltage_levels_page vpage;
static struct scmi_voltage_levels vlevels;
static uint8_t raw[128];

/*
 * @arr, or NULL for a room of 0 (a caller may pass NULL with no room; set
 * SCMI_FUZZ_NONNULL_WHEN_EMPTY to always pass the array).
 */
static void *fa_arr(void *arr, size_t max)
{
	static int null_when_empty = -1;

	if (null_when_empty < 0)
		null_when_empty = getenv("SCMI_FUZZ_NONNULL_WHEN_EMPTY") == NULL;
	return max || !null_when_empty ? arr : NULL;
}

/* A resource id: mostly small (the ones a platform has and just past them), sometimes any. */
static uint32_t fa_id(void)
{
	uint8_t b = fuzz_u8(&fa_in);

	return b == 0xff ? fuzz_u32(&fa_in) : b % 16u;
}

/* A room 0..@max, biased to small ones so that -ENOSPC and truncation are reached. */
static size_t fa_room(size_t max)
{
	uint16_t v = fuzz_u16(&fa_in);

	return v & 0x8000 ? (size_t)(v & 0x7fff) % (max + 1) : (size_t)(v & 0xf) % (max + 1);
}

/* The version an init could have settled on: anything the server said, capped at @client. */
static uint32_t fa_version(uint32_t client)
{
	uint32_t v = fuzz_u32(&fa_in);

	return v > client ? client : v;
}

/* A call that fills a name: 0 or -errno, and on success the name ends within @room. */
static void fa_check_named(int rc, const char *name, size_t room)
{
	fa_check_rc(rc);
	if (!rc)
		fa_check_name(name, room);
}

/* A call that stores @count entries in a room of @max: 0 or -errno, and on success in it. */
static void fa_check_count(int rc, size_t count, size_t max)
{
	fa_check_rc(rc);
	if (!rc)
		FUZZ_CHECK(count <= max);
}

/*
 * A call that stores @count named entries of @stride bytes in a room of @max: as
 * fa_check_count(), and each name (at @names, then every @stride bytes) ends within @room.
 */
static void fa_check_list(int rc, size_t count, size_t max, const char *names, size_t stride,
			  size_t room)
{
	size_t i;

	fa_check_count(rc, count, max);
	if (!rc)
		for (i = 0; i < count; i++)
			fa_check_name(names + i * stride, room);
}

static void call_clock(struct scmi_clock *c, uint8_t which)
{
	static struct scmi_clock_info info;
	static struct scmi_clock_rates r;
	char name[SCMI_CLOCK_NAME_BUF];
	uint32_t u;
	uint64_t hz;
	size_t max, count = 0;
	bool on;

	switch (which % 14u) {
	case 0:
		fa_check_named(scmi_clock_attributes(c, fa_id(), &info), info.name,
			       sizeof(info.name));
		break;
	case 1:
		fa_check_named(scmi_clock_name_get(c, fa_id(), name), name, sizeof(name));
		break;
	case 2:
		max = fa_room(ROOM);
		fa_check_rc(scmi_clock_describe_rates(c, fa_id(), &r, max ? rates : NULL, max));
		break;
	case 3:
		fa_check_rc(scmi_clock_rate_get(c, fa_id(), &hz));
		break;
	case 4:
		u = fa_id();
		hz = fuzz_u32(&fa_in) | (uint64_t)fuzz_u32(&fa_in) << 32;
		fa_check_rc(scmi_clock_rate_set(c, u, hz, (enum scmi_clock_round)(which >> 4 & 3)));
		break;
	case 5:
		fa_check_rc(scmi_clock_enable(c, fa_id(), which & 0x80));
		break;
	case 6:
		fa_check_rc(scmi_clock_state_get(c, fa_id(), &on));
		break;
	case 7:
		fa_check_rc(scmi_clock_config_get(c, fa_id(), &u));
		break;
	case 8:
		fa_check_rc(scmi_clock_rate_notify(c, fa_id(), which & 0x80));
		break;
	case 9:
		fa_check_rc(scmi_clock_rate_req_notify(c, fa_id(), which & 0x80));
		break;
	case 10:
		max = fa_room(ROOM);
		/* The total may exceed the room: only the first max ids are stored (ASan). */
		fa_check_rc(
		    scmi_clock_possible_parents(c, fa_id(), fa_arr(ids32, max), max, &count));
		break;
	case 11:
		u = fa_id();
		fa_check_rc(scmi_clock_parent_set(c, u, fa_id()));
		break;
	case 12:
		fa_check_rc(scmi_clock_parent_get(c, fa_id(), &u));
		break;
	default:
		fa_check_rc(scmi_clock_get_permissions(c, fa_id(), &u));
		break;
	}
}

static void call_perf(struct scmi_agent *a, uint8_t which)
{
	static struct scmi_perf_info info;
	static struct scmi_perf_domain_info dom;
	static struct scmi_perf_fastchannel fc;
	char name[SCMI_PERF_NAME_BUF];
	uint32_t u1, u2, returned = 0, remaining;
	size_t max, count = 0;
	int rc;

	switch (which % 13u) {
	case 0:
		fa_check_rc(scmi_perf_protocol_info(a, &info));
		break;
	case 1:
		fa_check_named(scmi_perf_domain_attributes(a, fa_id(), &dom), dom.name,
			       sizeof(dom.name));
		break;
	case 2:
		max = fa_room(ROOM);
		u1 = fa_id();
		/* returned is what the platform said: it may exceed max (ASan checks the stores).
		 */
		fa_check_rc(scmi_perf_describe_levels_page(
		    a, u1, fuzz_u16(&fa_in), fa_arr(levels, max), max, &returned, &remaining));
		break;
	case 3:
		max = fa_room(ROOM);
		rc = scmi_perf_describe_levels(a, fa_id(), fa_arr(levels, max), max, &count);
		fa_check_rc(rc);
		if (!rc)
			FUZZ_CHECK(count <= max && count <= SCMI_PERF_MAX_LEVELS);
		break;
	case 4:
		u1 = fa_id();
		u2 = fuzz_u32(&fa_in);
		fa_check_rc(scmi_perf_limits_set(a, u1, u2, fuzz_u32(&fa_in)));
		break;
	case 5:
		fa_check_rc(scmi_perf_limits_get(a, fa_id(), &u1, &u2));
		break;
	case 6:
		u1 = fa_id();
		fa_check_rc(scmi_perf_level_set(a, u1, fuzz_u32(&fa_in)));
		break;
	case 7:
		fa_check_rc(scmi_perf_level_get(a, fa_id(), &u1));
		break;
	case 8:
		fa_check_rc(scmi_perf_notify_limits(a, fa_id(), which & 0x80));
		break;
	case 9:
		fa_check_rc(scmi_perf_notify_level(a, fa_id(), which & 0x80));
		break;
	case 10:
		u1 = fa_id();
		fa_check_rc(scmi_perf_describe_fastchannel(a, u1, fuzz_u8(&fa_in), &fc));
		break;
	case 11:
		fa_check_named(scmi_perf_domain_name_get(a, fa_id(), name), name, sizeof(name));
		break;
	default:
		fa_check_rc(scmi_perf_init(a, &u1));
		break;
	}
}

static void call_power(struct scmi_power *pw, uint8_t which)
{
	static struct scmi_power_domain dom;
	char name[SCMI_POWER_NAME_SIZE];
	uint32_t u;
	size_t max, count = 0;
	int rc;

	switch (which % 9u) {
	case 0:
		fa_check_named(scmi_power_domain_attributes(pw, fa_id(), &dom), dom.name,
			       sizeof(dom.name));
		break;
	case 1:
		fa_check_named(scmi_power_domain_name_get(pw, fa_id(), name), name, sizeof(name));
		break;
	case 2:
		max = fa_room(sizeof(power_doms) / sizeof(power_doms[0]));
		rc = scmi_power_list(pw, fa_arr(power_doms, max), max, &count);
		fa_check_list(rc, count, max,
			      (const char *)power_doms + offsetof(struct scmi_power_domain, name),
			      sizeof(power_doms[0]), sizeof(power_doms[0].name));
		break;
	case 3:
		u = fa_id();
		fa_check_rc(scmi_power_state_set(pw, u, fuzz_u32(&fa_in), which & 0x80));
		break;
	case 4:
		fa_check_rc(scmi_power_state_get(pw, fa_id(), &u));
		break;
	case 5:
		fa_check_rc(scmi_power_state_notify(pw, fa_id(), which & 0x80));
		break;
	case 6:
		fa_check_rc(scmi_power_state_change_requested_notify(pw, fa_id(), which & 0x80));
		break;
	case 7: {
		/* A state the server reported, printed for the user: must stay in the buffer. */
		size_t len = fuzz_u8(&fa_in) % (sizeof(name) + 1);

		if (len)
			fa_check_name(scmi_power_state_name(fuzz_u32(&fa_in), name, len), len);
		break;
	}
	default:
		fa_check_rc(scmi_power_open(pw->agent, pw));
		break;
	}
}

static void call_powercap(struct scmi_powercap *pc, uint8_t which)
{
	static struct scmi_powercap_zone_info zi;
	char name[SCMI_EXT_NAME_SIZE + 1];
	uint32_t u1, u2;
	size_t max, len = 0;
	int rc;

	switch (which % 12u) {
	case 0:
		fa_check_named(scmi_powercap_zone_info(pc, fa_id(), &zi), zi.name, sizeof(zi.name));
		break;
	case 1:
		fa_check_named(scmi_powercap_zone_name(pc, fa_id(), name), name, sizeof(name));
		break;
	case 2:
		fa_check_rc(scmi_powercap_cap_get(pc, fa_id(), &u1));
		break;
	case 3:
		u1 = fa_id();
		fa_check_rc(scmi_powercap_cap_set(pc, u1, fuzz_u32(&fa_in)));
		break;
	case 4:
		u1 = fa_id();
		fa_check_rc(scmi_powercap_cap_enable(pc, u1, which & 0x80, fuzz_u32(&fa_in)));
		break;
	case 5:
		fa_check_rc(scmi_powercap_pai_get(pc, fa_id(), &u1));
		break;
	case 6:
		u1 = fa_id();
		fa_check_rc(scmi_powercap_pai_set(pc, u1, fuzz_u32(&fa_in)));
		break;
	case 7:
		fa_check_rc(scmi_powercap_measure(pc, fa_id(), &u1, &u2));
		break;
	case 8:
		fa_check_rc(scmi_powercap_cap_notify(pc, fa_id(), which & 0x80));
		break;
	case 9:
		u1 = fa_id();
		u2 = fuzz_u32(&fa_in);
		fa_check_rc(
		    scmi_powercap_measurements_notify(pc, u1, which & 0x80, u2, fuzz_u32(&fa_in)));
		break;
	case 10:
		max = fa_room(sizeof(raw));
		u1 = fa_id();
		rc = scmi_powercap_describe_fastchannel(pc, u1, fuzz_u8(&fa_in), fa_arr(raw, max),
							max, &len);
		fa_check_count(rc, len, max);
		break;
	default:
		fa_check_rc(scmi_powercap_init(pc, pc->agent));
		break;
	}
}

static void call_pinctrl(struct scmi_pinctrl *pc, uint8_t which)
{
	static struct scmi_pinctrl_info info;
	/* Mostly a valid type; 3 is one past them. */
	enum scmi_pinctrl_type type = (enum scmi_pinctrl_type)(which >> 4 & 3);
	char name[SCMI_EXT_NAME_SIZE + 1];
	uint32_t u, id, fn, count = 0, returned = 0, remaining;
	size_t max, n;
	int rc;

	switch (which % 13u) {
	case 0:
		fa_check_named(scmi_pinctrl_info(pc, type, fa_id(), &info), info.name,
			       sizeof(info.name));
		break;
	case 1:
		fa_check_named(scmi_pinctrl_name(pc, type, fa_id(), name), name, sizeof(name));
		break;
	case 2:
		max = fa_room(ROOM);
		id = fa_id();
		rc = scmi_pinctrl_list_page(pc, type, id, fuzz_u16(&fa_in), fa_arr(ids16, max), max,
					    &returned, &remaining);
		fa_check_count(rc, returned, max);
		break;
	case 3:
		max = fa_room(ROOM);
		rc = scmi_pinctrl_list_associations(pc, type, fa_id(), fa_arr(ids16, max), max,
						    &count);
		fa_check_count(rc, count, max);
		break;
	case 4:
		id = fa_id();
		fa_check_rc(scmi_pinctrl_settings_get_one(pc, type, id, fuzz_u8(&fa_in), &fn, &u));
		break;
	case 5:
		max = fa_room(ROOM);
		/* count is the total: it may exceed max. */
		fa_check_rc(scmi_pinctrl_settings_get_all(pc, type, fa_id(), &fn,
							  fa_arr(configs, max), max, &count));
		break;
	case 6:
		max = fa_room(ROOM);
		id = fa_id();
		/* returned as the platform said it. */
		fa_check_rc(scmi_pinctrl_settings_get_page(pc, type, id, fuzz_u16(&fa_in), &fn,
							   fa_arr(configs, max), max, &returned,
							   &remaining));
		break;
	case 7:
		fa_check_rc(scmi_pinctrl_function_get(pc, type, fa_id(), &fn));
		break;
	case 8: {
		size_t i;

		id = fa_id();
		fn = fuzz_u8(&fa_in) == 0xff ? SCMI_PINCTRL_NO_FUNCTION : fa_id();
		n = fuzz_u8(&fa_in) % 9u;
		for (i = 0; i < n; i++) {
			configs[i].type = fuzz_u8(&fa_in);
			configs[i].value = fuzz_u32(&fa_in);
		}
		fa_check_rc(scmi_pinctrl_settings_configure(pc, type, id, fn, configs, n));
		break;
	}
	case 9:
		fa_check_rc(scmi_pinctrl_request(pc, type, fa_id()));
		break;
	case 10:
		fa_check_rc(scmi_pinctrl_release(pc, type, fa_id()));
		break;
	case 11:
		u = fuzz_u8(&fa_in);
		fa_check_rc(scmi_pinctrl_set_permissions(pc, u, type, fa_id(), which & 0x80));
		break;
	default:
		fa_check_rc(scmi_pinctrl_init(pc, pc->agent));
		break;
	}
}

static void call_reset(struct scmi_reset *r, uint8_t which)
{
	static struct scmi_reset_domain_info info;
	char name[SCMI_EXT_NAME_SIZE + 1];
	uint32_t id, u;

	switch (which % 9u) {
	case 0:
		fa_check_named(scmi_reset_domain_attributes(r, fa_id(), &info), info.name,
			       sizeof(info.name));
		break;
	case 1:
		fa_check_named(scmi_reset_domain_name(r, fa_id(), name), name, sizeof(name));
		break;
	case 2:
		id = fa_id();
		u = fuzz_u8(&fa_in);
		fa_check_rc(scmi_reset_reset(r, id, u, fuzz_u32(&fa_in)));
		break;
	case 3:
		id = fa_id();
		fa_check_rc(scmi_reset_autonomous(r, id, fuzz_u32(&fa_in)));
		break;
	case 4:
		fa_check_rc(scmi_reset_assert(r, fa_id()));
		break;
	case 5:
		fa_check_rc(scmi_reset_deassert(r, fa_id()));
		break;
	case 6:
		fa_check_rc(scmi_reset_notify(r, fa_id(), which & 0x80));
		break;
	default:
		fa_check_rc(scmi_reset_init(r, r->agent));
		break;
	}
}

static void call_sensor(struct scmi_sensor_handle *h, uint8_t which)
{
	char name[SCMI_SENSOR_NAME_BUF];
	uint32_t id, u, returned = 0, remaining;
	size_t i, max, count = 0;
	int rc;

	switch (which % 15u) {
	case 0:
		max = fa_room(sizeof(sensor_descs) / sizeof(sensor_descs[0]));
		rc = scmi_sensor_describe_page(h, fuzz_u16(&fa_in), fa_arr(sensor_descs, max), max,
					       &returned, &remaining);
		fa_check_list(rc, returned, max,
			      (const char *)sensor_descs + offsetof(struct scmi_sensor_desc, name),
			      sizeof(sensor_descs[0]), sizeof(sensor_descs[0].name));
		break;
	case 1:
		max = fa_room(sizeof(sensor_descs) / sizeof(sensor_descs[0]));
		rc = scmi_sensor_describe(h, fa_arr(sensor_descs, max), max, &count);
		fa_check_list(rc, count, max,
			      (const char *)sensor_descs + offsetof(struct scmi_sensor_desc, name),
			      sizeof(sensor_descs[0]), sizeof(sensor_descs[0].name));
		break;
	case 2:
		fa_check_named(scmi_sensor_name_get(h, fa_id(), name), name, sizeof(name));
		break;
	case 3:
		max = fa_room(sizeof(axes) / sizeof(axes[0]));
		rc = scmi_sensor_axes(h, fa_id(), fa_arr(axes, max), max, &count);
		fa_check_list(rc, count, max,
			      (const char *)axes + offsetof(struct scmi_sensor_axis, name),
			      sizeof(axes[0]), sizeof(axes[0].name));
		break;
	case 4:
		max = fa_room(sizeof(axis_names) / sizeof(axis_names[0]));
		memset(axis_names, 0, sizeof(axis_names));
		rc = scmi_sensor_axis_names(h, fa_id(), fa_arr(axis_names, max), max, &count);
		fa_check_rc(rc);
		if (!rc) {
			FUZZ_CHECK(count <= max);
			for (i = 0; i < max; i++)
				fa_check_name(axis_names[i], sizeof(axis_names[i]));
		}
		break;
	case 5:
		rc = scmi_sensor_update_intervals(h, fa_id(), &intervals);
		fa_check_rc(rc);
		if (!rc)
			FUZZ_CHECK(intervals.count <= SCMI_SENSOR_MAX_INTERVALS &&
				   (!intervals.segmented || intervals.count == 3));
		break;
	case 6:
		max = fa_room(sizeof(readings) / sizeof(readings[0]));
		rc = scmi_sensor_reading_get(h, fa_id(), fa_arr(readings, max), max, &count);
		fa_check_count(rc, count, max);
		break;
	case 7:
		max = fa_room(sizeof(readings) / sizeof(readings[0]));
		id = fa_id();
		rc = scmi_sensor_reading_raw(h, id, fuzz_u8(&fa_in), fa_arr(readings, max), max,
					     &count);
		fa_check_count(rc, count, max);
		break;
	case 8:
		fa_check_rc(scmi_sensor_trip_point_notify(h, fa_id(), which & 0x80));
		break;
	case 9: {
		uint8_t trip;
		int64_t value;

		id = fa_id();
		trip = fuzz_u8(&fa_in);
		u = fuzz_u8(&fa_in);
		value = (int64_t)(fuzz_u32(&fa_in) | (uint64_t)fuzz_u32(&fa_in) << 32);
		fa_check_rc(scmi_sensor_trip_point_config(h, id, trip, u, value));
		break;
	}
	case 10:
		fa_check_rc(scmi_sensor_config_get(h, fa_id(), &u));
		break;
	case 11:
		id = fa_id();
		fa_check_rc(scmi_sensor_config_set(h, id, fuzz_u32(&fa_in)));
		break;
	case 12:
		fa_check_rc(scmi_sensor_continuous_update_notify(h, fa_id(), which & 0x80));
		break;
	case 13: {
		/* Update interval words as a server reports them, turned into microseconds. */
		uint64_t us = scmi_sensor_interval_us(fuzz_u32(&fa_in));

		fa_check_rc(scmi_sensor_interval_from_us(us, &u));
		break;
	}
	default:
		fa_check_rc(scmi_sensor_open(h->agent, h));
		break;
	}
}

static void call_system(struct scmi_system *sys, uint8_t which)
{
	struct scmi_system_notifier nt;
	const uint8_t *p;
	uint32_t u;
	bool b1, b2;
	size_t n;

	switch (which % 6u) {
	case 0:
		fa_check_rc(scmi_system_capabilities(sys, &b1, &b2));
		break;
	case 1:
		fa_check_rc(scmi_system_state_set(sys, fuzz_u32(&fa_in), which & 0x80));
		break;
	case 2:
		fa_check_rc(scmi_system_state_get(sys, &u));
		break;
	case 3:
		fa_check_rc(scmi_system_state_notify(sys, which & 0x80));
		break;
	case 4:
		/* A notifier the server sent (P2A): any length, any version. */
		u = which & 0x80 ? fuzz_u32(&fa_in) : sys->version;
		p = fuzz_take(&fa_in, fuzz_u8(&fa_in) % 24u, &n);
		fa_check_rc(scmi_system_parse_notifier(u, n ? p : NULL, n, &nt));
		break;
	default:
		fa_check_rc(scmi_system_open(sys->agent, sys));
		break;
	}
}

static void call_voltage(struct scmi_voltage *v, uint8_t which)
{
	static struct scmi_voltage_domain_info info;
	char name[SCMI_EXT_NAME_SIZE + 1];
	uint32_t id, u;
	int32_t uv;
	int rc;

	switch (which % 9u) {
	case 0:
		fa_check_named(scmi_voltage_domain_attributes(v, fa_id(), &info), info.name,
			       sizeof(info.name));
		break;
	case 1:
		fa_check_named(scmi_voltage_domain_name(v, fa_id(), name), name, sizeof(name));
		break;
	case 2:
		id = fa_id();
		rc = scmi_voltage_describe_levels_page(v, id, fuzz_u16(&fa_in), &vpage);
		fa_check_count(rc, vpage.returned, sizeof(vpage.levels) / sizeof(vpage.levels[0]));
		break;
	case 3:
		rc = scmi_voltage_describe_levels(v, fa_id(), &vlevels);
		fa_check_count(rc, vlevels.count, SCMI_VOLTAGE_MAX_LEVELS);
		break;
	case 4:
		id = fa_id();
		fa_check_rc(scmi_voltage_config_set(v, id, fuzz_u8(&fa_in)));
		break;
	case 5:
		fa_check_rc(scmi_voltage_config_get(v, fa_id(), &u));
		break;
	case 6:
		id = fa_id();
		fa_check_rc(scmi_voltage_level_set(v, id, (int32_t)fuzz_u32(&fa_in)));
		break;
	case 7:
		fa_check_rc(scmi_voltage_level_get(v, fa_id(), &uv));
		break;
	default:
		fa_check_rc(scmi_voltage_init(v, v->agent));
		break;
	}
}

/* Open protocol @proto's handle: its init against the hostile server, else as one could be. */
static void open_handle(struct scmi_agent *a, struct fa_handles *h, unsigned int proto)
{
	int rc;

	switch (proto) {
	case 0:
		rc = scmi_clock_init(a, &h->clock);
		if (rc) {
			h->clock.agent = a;
			h->clock.version = fa_version(SCMI_CLOCK_VERSION);
			h->clock.num_clocks = fuzz_u16(&fa_in);
			h->clock.max_async = fuzz_u8(&fa_in);
		}
		break;
	case 1:
		rc = scmi_perf_init(a, &h->perf_version);
		break;
	case 2:
		rc = scmi_power_open(a, &h->power);
		if (rc) {
			h->power.agent = a;
			h->power.version = fa_version(SCMI_POWER_VERSION_SUPPORTED);
			h->power.num_domains = fuzz_u16(&fa_in);
		}
		break;
	case 3:
		rc = scmi_powercap_init(&h->powercap, a);
		if (rc) {
			h->powercap.agent = a;
			h->powercap.version = fa_version(SCMI_POWERCAP_CLIENT_VERSION);
			h->powercap.num_zones = fuzz_u16(&fa_in);
		}
		break;
	case 4:
		rc = scmi_pinctrl_init(&h->pinctrl, a);
		if (rc) {
			h->pinctrl.agent = a;
			h->pinctrl.version = fa_version(SCMI_PINCTRL_CLIENT_VERSION);
			h->pinctrl.num_pins = fuzz_u16(&fa_in);
			h->pinctrl.num_groups = fuzz_u16(&fa_in);
			h->pinctrl.num_functions = fuzz_u16(&fa_in);
		}
		break;
	case 5:
		rc = scmi_reset_init(&h->reset, a);
		if (rc) {
			h->reset.agent = a;
			h->reset.version = fa_version(SCMI_RESET_CLIENT_VERSION);
			h->reset.num_domains = fuzz_u16(&fa_in);
		}
		break;
	case 6:
		rc = scmi_sensor_open(a, &h->sensor);
		if (rc) {
			/* The sensor client keeps a newer version when negotiation fails. */
			h->sensor.agent = a;
			h->sensor.version = fuzz_u32(&fa_in);
			h->sensor.num_sensors = fuzz_u16(&fa_in);
			h->sensor.max_async = fuzz_u8(&fa_in);
		}
		break;
	case 7:
		rc = scmi_system_open(a, &h->system);
		if (rc) {
			h->system.agent = a;
			h->system.version = fa_version(SCMI_SYSTEM_VERSION_SUPPORTED);
			h->system.platform_version = fuzz_u32(&fa_in);
		}
		break;
	default:
		rc = scmi_voltage_init(&h->voltage, a);
		if (rc) {
			h->voltage.agent = a;
			h->voltage.version = fa_version(SCMI_VOLTAGE_CLIENT_VERSION);
			h->voltage.num_domains = fuzz_u16(&fa_in);
		}
		break;
	}
	fa_check_rc(rc);
	h->opened |= 1u << proto;
}

void fuzz_agent_call_protocol(struct scmi_agent *a, struct fa_handles *h, unsigned int proto,
			      uint8_t which)
{
	proto %= FA_NUM_PROTOCOLS;
	if (!(h->opened & 1u << proto)) {
		open_handle(a, h, proto);
		return;
	}
	switch (proto) {
	case 0:
		call_clock(&h->clock, which);
		break;
	case 1:
		call_perf(a, which);
		break;
	case 2:
		call_power(&h->power, which);
		break;
	case 3:
		call_powercap(&h->powercap, which);
		break;
	case 4:
		call_pinctrl(&h->pinctrl, which);
		break;
	case 5:
		call_reset(&h->reset, which);
		break;
	case 6:
		call_sensor(&h->sensor, which);
		break;
	case 7:
		call_system(&h->system, which);
		break;
	default:
		call_voltage(&h->voltage, which);
		break;
	}
}
