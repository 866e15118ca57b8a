// SPDX-License-Identifier: BSD-3-Clause
/*
 * `scmi sensor`: sensors. `list` shows each sensor (id, name, type, unit,
 * enabled), `get` reads one (every axis, with its timestamp), `watch`
 * samples some or all of them repeatedly, `trip` sets a trip point and
 * `config` shows or changes enable and update interval.
 *
 * Values are shown in the sensor's unit with the shared formatters (°C, V,
 * mW, A); JSON carries the raw value and exponent plus a base-unit value
 * (value_mc, value_uv, value_ua, value_uw: the one of the sensor's quantity,
 * the others null) for the units it knows.
 */
#include <errno.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "args.h"
#include "command.h"
#include "json.h"
#include "output.h"
#include "list.h"
#include "resolve.h"
#include "table.h"
#include "units.h"
#include "watch.h"
#include "scmi/sensor.h"

/* Sensors `watch` and `list` handle at most (the protocol allows 65535). */
#define CLI_SENSOR_MAX 256u

static int id_check(const struct cli_opts *o, int argc, const char *const argv[])
{
	int i, ret;

	for (i = 0; i < argc; i++) {
		ret = cli_arg_id(o, "SENSOR", argv[i]);
		if (ret)
			return ret;
	}
	return CLI_EXIT_OK;
}

static int parse_event(const char *s, uint32_t *ev)
{
	static const char *const names[][2] = {
	    {"off", "disabled"}, {"rising", "positive"}, {"falling", "negative"}, {"both", "both"}};
	uint32_t i;

	for (i = 0; i < 4; i++) {
		if (!strcmp(s, names[i][0]) || !strcmp(s, names[i][1])) {
			*ev = i;
			return 0;
		}
	}
	return -EINVAL;
}

static int parse_i64(const char *s, int64_t *v)
{
	char *end;

	errno = 0;
	*v = strtoll(s, &end, 0);
	if (!*s || *end)
		return -EINVAL;
	return errno ? -ERANGE : 0;
}

static int trip_check(const struct cli_opts *o, int argc, const char *const argv[])
{
	uint32_t trip, ev;
	int32_t mc;
	int64_t v;
	int ret;

	(void)argc;
	ret = cli_arg_id(o, "SENSOR", argv[0]);
	if (!ret)
		ret = cli_arg_u32(o, "TRIP", argv[1], &trip);
	if (ret)
		return ret;
	if (trip > SCMI_SENSOR_TRIP_ID_MASK)
		return cli_usage_error(o, "TRIP: 0..255");
	if (parse_event(argv[2], &ev))
		return cli_usage_error(o, "EVENT: off, rising, falling or both");
	ret = parse_i64(argv[3], &v);
	/* A temperature with its unit ("80C") is converted once the sensor's unit is known. */
	if (ret == -EINVAL && !cli_parse_temp(argv[3], &mc))
		return CLI_EXIT_OK;
	if (ret == -ERANGE)
		return cli_usage_error(o, "VALUE '%s' is out of range (%lld..%lld)", argv[3],
				       (long long)INT64_MIN, (long long)INT64_MAX);
	if (ret)
		return cli_usage_error(o, "VALUE: an integer in the sensor's units (10^exponent), "
					  "or a temperature such as 80C");
	return CLI_EXIT_OK;
}

static int config_check(const struct cli_opts *o, int argc, const char *const argv[])
{
	const char *iv = cli_opt(o, "--interval");
	uint64_t us;
	int ret;

	ret = cli_arg_id(o, "SENSOR", argv[0]);
	if (ret)
		return ret;
	if (argc > 1 && strcmp(argv[1], "enable") != 0 && strcmp(argv[1], "disable") != 0)
		return cli_usage_error(o, "expected enable or disable, not '%s'", argv[1]);
	if (iv) {
		uint32_t word;

		ret = cli_arg_duration(o, "--interval", iv, &us);
		if (ret)
			return ret;
		/* The wire word is SECS x 10^EXP with SECS in 16 bits: "70000ms" fits, 65537s not.
		 */
		if (!us || scmi_sensor_interval_from_us(us, &word))
			return cli_usage_error(
			    o,
			    "--interval '%s' cannot be sent: SCMI holds 1..65535 "
			    "times a power of ten microseconds (e.g. 100ms, 65535s)",
			    iv);
	}
	return CLI_EXIT_OK;
}

static int open_sensor(struct scmi_agent *agent, struct scmi_sensor_handle *h)
{
	int ret = scmi_sensor_open(agent, h);

	return ret ? cli_fail(ret, "sensor: protocol") : CLI_EXIT_OK;
}

/**
 * struct sensor - what the verbs know of one sensor.
 * @d:   its descriptor (@d.name is the short name)
 * @ext: its extended name, "" when it has none
 */
struct sensor {
	struct scmi_sensor_desc d;
	char ext[SCMI_SENSOR_NAME_BUF];
};

/* The name people read: the extended one when there is one. */
static const char *full_name(const struct sensor *s)
{
	return s->ext[0] ? s->ext : s->d.name;
}

/* The descriptor of @id and its extended name, when there is one. */
static int describe_one(const struct scmi_sensor_handle *h, uint32_t id, struct sensor *s)
{
	/* A page holds several descriptors: room for any the transport can carry. */
	struct scmi_sensor_desc page[SCMI_DEFAULT_MAX_MSG_SIZE / 28 + 1];
	uint32_t got = 0, rem = 0;
	int ret;

	if (id >= h->num_sensors)
		return -ENOENT;
	ret = scmi_sensor_describe_page(h, id, page, sizeof(page) / sizeof(page[0]), &got, &rem);
	if (!ret && (!got || page[0].id != id))
		ret = -EPROTO;
	if (ret)
		return ret;
	s->d = page[0];
	s->ext[0] = '\0';
	/* As Linux: a failing NAME_GET leaves the short name alone. */
	if (s->d.ext_name && scmi_sensor_name_get(h, id, s->ext))
		s->ext[0] = '\0';
	return 0;
}

static int sensor_name(void *ctx, uint32_t id, struct cli_names *n)
{
	struct sensor s;
	int ret = describe_one(ctx, id, &s);

	if (!ret) {
		snprintf(n->name, sizeof(n->name), "%.*s", CLI_SHORT_NAME_SIZE, s.d.name);
		snprintf(n->ext, sizeof(n->ext), "%s", s.ext);
	}
	return ret;
}

/* The sensor @s names (an id or a name) on the open @h. */
static int sensor_id(const struct cli_opts *o, struct scmi_sensor_handle *h, const char *s,
		     uint32_t *id)
{
	const struct cli_resolve r = {"sensor", NULL, h->num_sensors, sensor_name, h};

	return cli_resolve_id(o, &r, "SENSOR", s, id);
}

static const char *type_name(uint8_t type)
{
	switch (type) {
	case SCMI_SENSOR_UNIT_CELSIUS:
		return "temperature";
	case SCMI_SENSOR_UNIT_VOLTS:
		return "voltage";
	case SCMI_SENSOR_UNIT_AMPS:
		return "current";
	case SCMI_SENSOR_UNIT_WATTS:
		return "power";
	default:
		return "other";
	}
}

static const char *unit_name(uint8_t type)
{
	switch (type) {
	case SCMI_SENSOR_UNIT_CELSIUS:
		return "°C";
	case SCMI_SENSOR_UNIT_VOLTS:
		return "V";
	case SCMI_SENSOR_UNIT_AMPS:
		return "A";
	case SCMI_SENSOR_UNIT_WATTS:
		return "W";
	default:
		return "";
	}
}

/* @v x 10^@from as a whole number of 10^@to (truncated toward zero); false on overflow. */
static bool rescale(int64_t v, int from, int to, int64_t *out)
{
	for (; from > to; from--) {
		if (v > INT64_MAX / 10 || v < INT64_MIN / 10)
			return false;
		v *= 10;
	}
	for (; from < to; from++)
		v /= 10;
	*out = v;
	return true;
}

/* The base unit the text output scales @type to: its exponent; false if none. */
static bool base_exp(uint8_t type, int *exp)
{
	switch (type) {
	case SCMI_SENSOR_UNIT_CELSIUS:
	case SCMI_SENSOR_UNIT_AMPS:
	case SCMI_SENSOR_UNIT_WATTS:
		*exp = -3;
		return true;
	case SCMI_SENSOR_UNIT_VOLTS:
		*exp = -6;
		return true;
	default:
		return false;
	}
}

/* The JSON value keys: one per quantity, in its base unit (docs/json.md). */
static const struct {
	uint8_t type;
	const char *key;
	int exp;
} json_units[] = {
    {SCMI_SENSOR_UNIT_CELSIUS, "value_mc", -3},
    {SCMI_SENSOR_UNIT_VOLTS, "value_uv", -6},
    {SCMI_SENSOR_UNIT_AMPS, "value_ua", -6},
    {SCMI_SENSOR_UNIT_WATTS, "value_uw", -6},
};

/* "value" and "unit_exponent" as read, then every base-unit key (null but the sensor's). */
static void json_value(struct cli_json *j, uint8_t type, int8_t exp, int64_t v)
{
	cli_json_kv_i64(j, "value", v);
	cli_json_kv_i64(j, "unit_exponent", exp);
	for (size_t i = 0; i < sizeof(json_units) / sizeof(json_units[0]); i++) {
		int64_t b = 0;
		bool ok = type == json_units[i].type && rescale(v, exp, json_units[i].exp, &b);

		cli_json_kv_i64_or_null(j, json_units[i].key, ok, b);
	}
}

static char *fmt_value(char *buf, size_t len, uint8_t type, int8_t exp, int64_t v)
{
	int64_t b;
	int be = 0;

	if (base_exp(type, &be) && rescale(v, exp, be, &b)) {
		switch (type) {
		case SCMI_SENSOR_UNIT_CELSIUS:
			return cli_fmt_temp(buf, len, b);
		case SCMI_SENSOR_UNIT_VOLTS:
			return cli_fmt_voltage(buf, len, b);
		case SCMI_SENSOR_UNIT_WATTS:
			if (b >= 0)
				return cli_fmt_power_mw(buf, len, (uint64_t)b);
			break;
		case SCMI_SENSOR_UNIT_AMPS:
			snprintf(buf, len, "%lld mA", (long long)b);
			return buf;
		default:
			break;
		}
	}
	snprintf(buf, len, "%lld x 10^%d (unit %u)", (long long)v, exp, type);
	return buf;
}

static uint64_t ts_us(const struct scmi_sensor_desc *d, uint64_t ts)
{
	int64_t us;

	if (ts > INT64_MAX || !rescale((int64_t)ts, d->ts_exp, -6, &us))
		return UINT64_MAX;
	return (uint64_t)us;
}

/*
 * A reading of every axis of @d as text ("45.2 °C", "1 mA/2 mA/3 mA") into @buf.
 * Returns 0 or the negative errno of the reading ("-" in @buf).
 */
static int reading_text(const struct scmi_sensor_handle *h, const struct scmi_sensor_desc *d,
			char *buf, size_t len)
{
	struct scmi_sensor_reading r[SCMI_SENSOR_MAX_AXES];
	char b[CLI_FMT_MAX + 32];
	size_t n = 0, used = 0;
	int ret;

	snprintf(buf, len, "-");
	ret = scmi_sensor_reading_get(h, d->id, r, SCMI_SENSOR_MAX_AXES, &n);
	if (ret || !n)
		return ret;
	for (size_t i = 0; i < n && used < len; i++)
		used += (size_t)snprintf(buf + used, len - used, "%s%s", i ? "/" : "",
					 fmt_value(b, sizeof(b), d->type, d->unit_exp, r[i].value));
	return 0;
}

static bool sensor_enabled(const struct scmi_sensor_handle *h, uint32_t id)
{
	uint32_t cfg;

	/* Before 2.0 there is no configuration: always on. */
	if (scmi_sensor_config_get(h, id, &cfg))
		return true;
	return cfg & SCMI_SENSOR_CONFIG_ENABLE;
}

static int list_row(void *ctx, uint32_t id, struct cli_json *j, struct cli_table *t)
{
	struct sensor s;
	const struct scmi_sensor_desc *d = &s.d;
	bool en;
	int ret;

	ret = describe_one(ctx, id, &s);
	if (ret)
		return cli_fail(ret, "sensor %u", id);
	en = sensor_enabled(ctx, id);
	if (j) {
		cli_json_begin_object(j);
		cli_json_kv_u64(j, "id", id);
		cli_json_kv_names(j, d->name, s.ext);
		cli_json_kv_str(j, "type", type_name(d->type));
		cli_json_kv_u64(j, "unit_code", d->type);
		cli_json_kv_i64(j, "unit_exponent", d->unit_exp);
		cli_json_kv_u64(j, "axes", d->num_axes);
		cli_json_kv_bool(j, "multi_axis", d->num_axes != 0);
		cli_json_kv_u64(j, "trip_points", d->num_trip_points);
		cli_json_kv_bool(j, "enabled", en);
		cli_json_end_object(j);
		return CLI_EXIT_OK;
	}
	cli_table_add(t, "%u", id);
	cli_table_add_name(t, full_name(&s));
	cli_table_add(t, "%s", type_name(d->type));
	cli_table_add(t, "%s", unit_name(d->type));
	/* A scalar sensor has no axis descriptors: one value, no AXES to count. */
	if (d->num_axes)
		cli_table_add(t, "%u", d->num_axes);
	else
		cli_table_add(t, "-");
	cli_table_add(t, "%s", en ? "yes" : "no");
	{
		char v[256];

		/* A disabled sensor answers DENIED: no message for a value nobody can have. */
		if (en)
			reading_text(ctx, d, v, sizeof(v));
		cli_table_add(t, "%s", en ? v : "-");
	}
	return CLI_EXIT_OK;
}

static int list_run(const struct cli_opts *o, int argc, const char *const argv[],
		    struct scmi_agent *agent)
{
	static const struct cli_column cols[] = {
	    {"ID", CLI_RIGHT},	 {"NAME", CLI_LEFT},	{"TYPE", CLI_LEFT},  {"UNIT", CLI_LEFT},
	    {"AXES", CLI_RIGHT}, {"ENABLED", CLI_LEFT}, {"VALUE", CLI_RIGHT}};
	struct scmi_sensor_handle h;
	int ret;

	(void)argc;
	(void)argv;
	ret = open_sensor(agent, &h);
	if (!ret) {
		const struct cli_list l = {"sensor",
					   cols,
					   sizeof(cols) / sizeof(cols[0]),
					   h.num_sensors < CLI_SENSOR_MAX ? h.num_sensors
									  : CLI_SENSOR_MAX,
					   list_row,
					   &h};

		ret = cli_list_run(o, &l);
	}
	return ret;
}

/* One reading of sensor @s, printed as text (one line per axis) or into @j. */
static int show_reading(const struct cli_opts *o, const struct scmi_sensor_handle *h,
			const struct sensor *s, struct cli_json *j)
{
	char sb[CLI_SAFE_MAX];
	const struct scmi_sensor_desc *d = &s->d;
	struct scmi_sensor_reading r[SCMI_SENSOR_MAX_AXES];
	struct scmi_sensor_axis ax[SCMI_SENSOR_MAX_AXES];
	char b[CLI_FMT_MAX + 32], tb[CLI_FMT_MAX];
	size_t n = 0, na = 0, i;
	int ret;

	ret = scmi_sensor_reading_get(h, d->id, r, SCMI_SENSOR_MAX_AXES, &n);
	if (ret)
		return ret;
	if (d->num_axes && scmi_sensor_axes(h, d->id, ax, SCMI_SENSOR_MAX_AXES, &na))
		na = 0;
	if (o->json) {
		cli_json_begin_object(j);
		cli_json_kv_u64(j, "id", d->id);
		cli_json_kv_names(j, d->name, s->ext);
		cli_json_kv_str(j, "type", type_name(d->type));
		cli_json_kv_array(j, "readings");
		for (i = 0; i < n; i++) {
			uint64_t ts = ts_us(d, r[i].timestamp);

			cli_json_begin_object(j);
			cli_json_kv_str_or_null(j, "axis", i < na ? ax[i].name : NULL);
			json_value(j, d->type, d->unit_exp, r[i].value);
			cli_json_kv_u64_or_null(j, "timestamp_us",
						d->timestamped && ts != UINT64_MAX, ts);
			cli_json_end_object(j);
		}
		cli_json_end_array(j);
		cli_json_end_object(j);
		return 0;
	}
	for (i = 0; i < n; i++) {
		printf("sensor %u %s", d->id, cli_safe(sb, sizeof(sb), full_name(s)));
		if (i < na)
			printf(".%s", cli_safe(sb, sizeof(sb), ax[i].name));
		printf(": %s", fmt_value(b, sizeof(b), d->type, d->unit_exp, r[i].value));
		if (d->timestamped && r[i].timestamp)
			printf(" (at %s)",
			       cli_fmt_duration(tb, sizeof(tb), ts_us(d, r[i].timestamp)));
		printf("\n");
	}
	return 0;
}

static int get_run(const struct cli_opts *o, int argc, const char *const argv[],
		   struct scmi_agent *agent)
{
	struct scmi_sensor_handle h;
	struct sensor d;
	struct cli_json j;
	uint32_t id;
	int ret;

	(void)argc;
	ret = open_sensor(agent, &h);
	if (!ret)
		ret = sensor_id(o, &h, argv[0], &id);
	if (ret)
		return ret;
	ret = describe_one(&h, id, &d);
	if (ret)
		return cli_fail(ret, "sensor %u", id);
	if (o->json)
		cli_json_init(&j, stdout);
	ret = show_reading(o, &h, &d, &j);
	if (ret)
		return cli_fail(ret, "sensor %u: read", id);
	if (o->json)
		return cli_json_exit(&j);
	return CLI_EXIT_OK;
}

/* Width of a watch column: its sensor's name, or room for a value such as "-273.15 °C". */
static size_t watch_width(const struct sensor *s)
{
	size_t w = cli_text_width(full_name(s));
	size_t axes = s->d.num_axes ? s->d.num_axes : 1;
	/* Room for a value such as "-273.15 °C" per axis, '/' between them. */
	size_t v = 12 * axes + axes - 1;

	return w > v ? w : v;
}

/*
 * One line per sample, a column per sensor under a header printed before the first:
 * like `sensors` in a loop, but a table a terminal or a script can follow.
 */
static int watch_line(const struct scmi_sensor_handle *h, const struct sensor *d, uint32_t n,
		      uint64_t sample, uint64_t interval_us)
{
	char v[256], sb[CLI_SAFE_MAX], tb[CLI_FMT_MAX];
	int ret;

	if (sample == 1) {
		printf("%12s", "TIME");
		for (uint32_t i = 0; i < n; i++) {
			const char *name = cli_safe(sb, sizeof(sb), full_name(&d[i]));
			size_t w = watch_width(&d[i]), nw = cli_text_width(name);

			printf("  %*s%s", (int)(w > nw ? w - nw : 0), "", name);
		}
		printf("\n");
	}
	/* The time the sample was due, from the first one. */
	cli_fmt_duration(tb, sizeof(tb), (sample - 1) * interval_us);
	printf("%*s%s", (int)(12 - cli_text_width(tb)), "", tb);
	for (uint32_t i = 0; i < n; i++) {
		size_t w = watch_width(&d[i]), vw;

		ret = reading_text(h, &d[i].d, v, sizeof(v));
		if (ret) {
			printf("\n");
			return cli_fail(ret, "sensor %u: read", d[i].d.id);
		}
		vw = cli_text_width(v);
		printf("  %*s%s", (int)(w > vw ? w - vw : 0), "", v);
	}
	printf("\n");
	return CLI_EXIT_OK;
}

static int watch_check(const struct cli_opts *o, int argc, const char *const argv[])
{
	int ret = id_check(o, argc, argv);

	return ret ? ret : cli_watch_check(o);
}

static int watch_run(const struct cli_opts *o, int argc, const char *const argv[],
		     struct scmi_agent *agent)
{
	struct scmi_sensor_handle h;
	struct sensor *d;
	struct cli_watch w;
	struct cli_json j;
	uint32_t n, i;
	int ret;

	ret = cli_watch_init(&w, o, 1000000);
	if (ret)
		return ret;
	ret = open_sensor(agent, &h);
	if (ret)
		return ret;
	n = argc ? (uint32_t)argc
		 : (h.num_sensors < CLI_SENSOR_MAX ? h.num_sensors : CLI_SENSOR_MAX);
	d = calloc(n ? n : 1, sizeof(*d));
	if (!d)
		return cli_fail(-ENOMEM, "sensor: watch");
	for (i = 0; i < n; i++) {
		uint32_t id = i;

		if (argc) {
			ret = sensor_id(o, &h, argv[i], &id);
			if (ret) {
				free(d);
				return ret;
			}
		}
		ret = describe_one(&h, id, &d[i]);
		if (ret) {
			free(d);
			return cli_fail(ret, "sensor %u", id);
		}
	}
	while (cli_watch_next(&w)) {
		if (o->json) {
			cli_json_init(&j, stdout);
			cli_json_begin_object(&j);
			cli_json_kv_u64(&j, "sample", w.done);
			cli_json_kv_array(&j, "sensors");
		} else {
			ret = watch_line(&h, d, n, w.done, w.interval_us);
			if (ret) {
				free(d);
				return ret;
			}
		}
		for (i = 0; o->json && i < n; i++) {
			ret = show_reading(o, &h, &d[i], &j);
			if (ret) {
				uint32_t bad = d[i].d.id;

				free(d);
				return cli_fail(ret, "sensor %u: read", bad);
			}
		}
		if (o->json) {
			cli_json_end_array(&j);
			cli_json_end_object(&j);
			ret = cli_json_exit(&j);
			if (ret) {
				free(d);
				return ret;
			}
		}
		/* A reader that went away (closed pipe) ends the watch. */
		if (fflush(stdout) == EOF) {
			free(d);
			return cli_fail(-EIO, "sensor: writing the readings");
		}
	}
	free(d);
	return CLI_EXIT_OK;
}

static int trip_run(const struct cli_opts *o, int argc, const char *const argv[],
		    struct scmi_agent *agent)
{
	static const char *const ev_names[] = {"off", "rising", "falling", "both"};
	struct scmi_sensor_handle h;
	struct sensor s;
	const struct scmi_sensor_desc *d = &s.d;
	struct cli_json j;
	char b[CLI_FMT_MAX + 32];
	uint32_t id, trip, ev = 0;
	int64_t v = 0;
	int ret;

	(void)argc;
	cli_parse_u32(argv[1], &trip);
	parse_event(argv[2], &ev);
	ret = open_sensor(agent, &h);
	if (!ret)
		ret = sensor_id(o, &h, argv[0], &id);
	if (ret)
		return ret;
	/* The unit and exponent, to say what VALUE means. */
	ret = describe_one(&h, id, &s);
	if (ret)
		return cli_fail(ret, "sensor %u", id);
	if (parse_i64(argv[3], &v)) {
		int32_t mc = 0;
		int64_t back;

		cli_parse_temp(argv[3], &mc);
		if (d->type != SCMI_SENSOR_UNIT_CELSIUS)
			return cli_usage_error(o, "VALUE '%s': sensor %u measures %s, not °C",
					       argv[3], id, type_name(d->type));
		if (!rescale(mc, -3, d->unit_exp, &v) || !rescale(v, d->unit_exp, -3, &back) ||
		    back != mc)
			return cli_usage_error(o,
					       "VALUE '%s' is not a whole number of the sensor's "
					       "unit (10^%d °C)",
					       argv[3], d->unit_exp);
	}
	ret = scmi_sensor_trip_point_config(&h, id, (uint8_t)trip, ev, v);
	if (ret)
		return cli_fail(ret, "sensor %u: trip point %u", id, trip);
	if (o->json) {
		cli_json_begin_item(&j, id);
		cli_json_kv_u64(&j, "trip", trip);
		cli_json_kv_str(&j, "event", ev_names[ev & SCMI_SENSOR_TRIP_EV_MASK]);
		json_value(&j, d->type, d->unit_exp, v);
		return cli_json_end_item(&j);
	}
	printf("sensor %u: trip point %u %s at %s", id, trip,
	       ev_names[ev & SCMI_SENSOR_TRIP_EV_MASK],
	       fmt_value(b, sizeof(b), d->type, d->unit_exp, v));
	if (d->unit_exp)
		printf(" (VALUE %lld x 10^%d %s)", (long long)v, d->unit_exp, unit_name(d->type));
	printf("\n");
	return CLI_EXIT_OK;
}

static int config_run(const struct cli_opts *o, int argc, const char *const argv[],
		      struct scmi_agent *agent)
{
	const char *ivs = cli_opt(o, "--interval");
	struct scmi_sensor_handle h;
	struct cli_json j;
	char b[CLI_FMT_MAX];
	uint32_t id, cfg, word = 0;
	uint64_t us = 0;
	int ret;

	ret = open_sensor(agent, &h);
	if (!ret)
		ret = sensor_id(o, &h, argv[0], &id);
	if (ret)
		return ret;
	ret = scmi_sensor_config_get(&h, id, &cfg);
	if (ret)
		return cli_fail(ret, "sensor %u: config", id);
	if (argc > 1 || ivs) {
		bool en = argc > 1 ? !strcmp(argv[1], "enable") : (cfg & SCMI_SENSOR_CONFIG_ENABLE);

		if (ivs) {
			cli_parse_duration(ivs, &us);
			if (!us || scmi_sensor_interval_from_us(us, &word))
				return cli_fail(-ERANGE, "sensor %u: interval", id);
		}
		ret = scmi_sensor_config_set(
		    &h, id,
		    scmi_sensor_config_word(en, cfg & SCMI_SENSOR_CONFIG_TIMESTAMP, word,
					    SCMI_SENSOR_ROUND_AUTO));
		if (!ret)
			ret = scmi_sensor_config_get(&h, id, &cfg);
		if (ret)
			return cli_fail(ret, "sensor %u: config", id);
	}
	us = scmi_sensor_interval_us(scmi_sensor_config_interval(cfg));
	if (o->json) {
		cli_json_begin_item(&j, id);
		cli_json_kv_bool(&j, "enabled", cfg & SCMI_SENSOR_CONFIG_ENABLE);
		cli_json_kv_bool(&j, "timestamps", cfg & SCMI_SENSOR_CONFIG_TIMESTAMP);
		cli_json_kv_u64(&j, "interval_us", us);
		return cli_json_end_item(&j);
	}
	printf("sensor %u: %s, update interval %s, timestamps %s\n", id,
	       cfg & SCMI_SENSOR_CONFIG_ENABLE ? "enabled" : "disabled",
	       cli_fmt_duration(b, sizeof(b), us),
	       cfg & SCMI_SENSOR_CONFIG_TIMESTAMP ? "on" : "off");
	return CLI_EXIT_OK;
}

static const struct cli_option options[] = {
    CLI_WATCH_OPTIONS,
    {NULL, NULL, NULL},
};

static const char *const watch_options[] = {"--interval", "--count", NULL};
static const char *const config_options[] = {"--interval", NULL};

static const struct cli_verb verbs[] = {
    {"list", "", "list the sensors (id, name, type, unit, axes, enabled)", 0, 0, NULL, NULL,
     list_run},
    {"get", "SENSOR", "read a sensor (every axis, with its timestamp)", 1, 1, NULL, id_check,
     get_run},
    {"watch", "[SENSOR...]", "read sensors (default all) every --interval, --count times", 0, -1,
     watch_options, watch_check, watch_run},
    {"trip", "SENSOR TRIP EVENT VALUE",
     "set trip point TRIP (0..255) to fire on EVENT off|rising|falling|both at VALUE", 4, 4, NULL,
     trip_check, trip_run},
    {"config", "SENSOR [enable|disable]",
     "show or change a sensor's configuration (--interval: its update interval)", 1, 2,
     config_options, config_check, config_run},
    {0},
};

const struct cli_command cli_cmd_sensor = {
    .name = "sensor",
    .summary = "sensors: list, get, watch, trip points, configuration",
    .needs_agent = true,
    .options = options,
    .verbs = verbs,
    .details = "SENSOR is an id or a name as `scmi sensor list` shows it (its first word will\n"
	       "do: soc_temp). VALUE is an integer in the sensor's unit times 10^exponent, as\n"
	       "`scmi --json sensor list` gives unit_exponent (30000 with -3 is 30 °C).\n"
	       "Under --virtual-time (optee-simd), readings change only when platform time is\n"
	       "advanced (scmi sim advance): `watch` repeats the same sample until then.\n"
	       "JSON readings carry the raw value and a base-unit one (value_mc, value_uv,\n"
	       "value_ua or value_uw).\n"
	       "\n"
	       "Examples:\n"
	       "  scmi sensor get soc_temp\n"
	       "  scmi sensor watch soc_temp cpu_big_power --interval 100ms --count 10\n"
	       "  scmi sensor trip soc_temp 1 rising 80C\n"
	       "  scmi sensor config soc_temp --interval 100ms\n",
};
