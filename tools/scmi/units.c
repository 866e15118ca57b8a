// SPDX-License-Identifier: BSD-3-Clause
/*
 * Values with units, both ways. One scaled-decimal engine serves every
 * quantity: a unit is a name and a power of ten over the base unit. Parsing
 * works in integers only (no floating point, so "1.2GHz" is exactly 1200000000)
 * and checks every multiply and add for overflow.
 */
#include <errno.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <strings.h>

#include "units.h"

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

/* A unit: @name as printed, @alt another accepted spelling ("u" for "µ"), 10^@exp base units. */
struct unit {
	const char *name;
	const char *alt;
	unsigned int exp;
};

/* Largest first; the last one is the base unit. */
static const struct unit freq_units[] = {
    {"GHz", NULL, 9}, {"MHz", NULL, 6}, {"kHz", NULL, 3}, {"Hz", NULL, 0}};
/* As cpupower and clk tools write rates: "1500M", "1.2G", "100k". */
static const struct unit freq_parse_units[] = {
    {"GHz", "G", 9}, {"MHz", "M", 6}, {"kHz", "k", 3}, {"Hz", NULL, 0}};
static const struct unit volt_units[] = {{"V", NULL, 6}, {"mV", NULL, 3}, {"µV", "uV", 0}};
static const struct unit power_uw_units[] = {{"W", NULL, 6}, {"mW", NULL, 3}, {"µW", "uW", 0}};
static const struct unit power_mw_units[] = {{"W", NULL, 3}, {"mW", NULL, 0}};
static const struct unit time_units[] = {{"s", NULL, 6}, {"ms", NULL, 3}, {"µs", "us", 0}};
static const struct unit temp_units[] = {{"°C", NULL, 3}};
/* As sensors(1) prints them ("80C", "80°C"); a bare number stays millidegrees. */
static const struct unit temp_parse_units[] = {{"°C", "C", 3}, {"m°C", "mC", 0}};

/* Decimals shown at most before falling back to the next smaller unit. */
#define MAX_DECIMALS 6

/* 10^e; saturates past 10^19 (callers divide by it, so it is never 0). */
static uint64_t pow10_u64(unsigned int e)
{
	/* A table, not a loop: the analyzer (and the reader) sees it is never 0. */
	static const uint64_t p10[] = {1ull,
				       10ull,
				       100ull,
				       1000ull,
				       10000ull,
				       100000ull,
				       1000000ull,
				       10000000ull,
				       100000000ull,
				       1000000000ull,
				       10000000000ull,
				       100000000000ull,
				       1000000000000ull,
				       10000000000000ull,
				       100000000000000ull,
				       1000000000000000ull,
				       10000000000000000ull,
				       100000000000000000ull,
				       1000000000000000000ull,
				       10000000000000000000ull};

	return e < sizeof(p10) / sizeof(p10[0]) ? p10[e] : UINT64_MAX;
}

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* Case-insensitive match of @s against a unit name, where "µ" also matches "u"/"U". */
static bool unit_is(const char *s, const struct unit *u)
{
	return !strcasecmp(s, u->name) || (u->alt && !strcasecmp(s, u->alt));
}

/*
 * Parse "[-]DIGITS[.DIGITS][ ]UNIT" into a magnitude in base units and a sign.
 * @signed_ok allows a leading '-'. A missing unit means the base unit.
 */
static int parse_scaled(const char *s, const struct unit *units, size_t nunits, bool signed_ok,
			uint64_t *mag, bool *neg)
{
	const char *frac = NULL, *p = s;
	const struct unit *u = NULL;
	size_t nfrac = 0;
	uint64_t v = 0, scale;

	if (!s || !*s)
		return -EINVAL;
	*neg = false;
	if (*p == '-') {
		if (!signed_ok)
			return -EINVAL;
		*neg = true;
		p++;
	}
	if (!is_digit(*p))
		return -EINVAL;
	for (; is_digit(*p); p++) {
		if (__builtin_mul_overflow(v, 10, &v) ||
		    __builtin_add_overflow(v, (uint64_t)(*p - '0'), &v))
			return -ERANGE;
	}
	if (*p == '.') {
		frac = ++p;
		while (is_digit(*p))
			p++;
		nfrac = (size_t)(p - frac);
		if (!nfrac)
			return -EINVAL;
	}
	if (*p == ' ')
		p++;
	if (!*p) {
		/* A bare number must not end in a space either. */
		if (p > s && p[-1] == ' ')
			return -EINVAL;
		u = &units[nunits - 1];
	} else {
		for (size_t i = 0; i < nunits && !u; i++) {
			if (unit_is(p, &units[i]))
				u = &units[i];
		}
		if (!u)
			return -EINVAL;
	}
	scale = pow10_u64(u->exp);
	if (__builtin_mul_overflow(v, scale, &v))
		return -ERANGE;
	for (size_t i = 0; i < nfrac; i++) {
		uint64_t d = (uint64_t)(frac[i] - '0');

		if (i >= u->exp) {
			/* Finer than the base unit: only trailing zeros are allowed. */
			if (d)
				return -EDOM;
			continue;
		}
		if (__builtin_add_overflow(v, d * pow10_u64(u->exp - 1 - (unsigned int)i), &v))
			return -ERANGE;
	}
	*mag = v;
	return 0;
}

static int parse_unsigned(const char *s, const struct unit *units, size_t n, uint64_t *out)
{
	bool neg;

	return parse_scaled(s, units, n, false, out, &neg);
}

int cli_parse_freq(const char *s, uint64_t *hz)
{
	return parse_unsigned(s, freq_parse_units, ARRAY_SIZE(freq_parse_units), hz);
}

int cli_parse_voltage(const char *s, int32_t *uv)
{
	uint64_t mag;
	bool neg;
	int ret = parse_scaled(s, volt_units, ARRAY_SIZE(volt_units), true, &mag, &neg);

	if (ret)
		return ret;
	/* SCMI voltage levels are int32 microvolts. */
	if (mag > (neg ? (uint64_t)INT32_MAX + 1 : (uint64_t)INT32_MAX))
		return -ERANGE;
	*uv = neg ? (int32_t)(-(int64_t)mag) : (int32_t)mag;
	return 0;
}

int cli_parse_temp(const char *s, int32_t *mc)
{
	uint64_t mag;
	bool neg;
	int ret = parse_scaled(s, temp_parse_units, ARRAY_SIZE(temp_parse_units), true, &mag, &neg);

	if (ret)
		return ret;
	/* The platform takes int32 millidegrees. */
	if (mag > (neg ? (uint64_t)INT32_MAX + 1 : (uint64_t)INT32_MAX))
		return -ERANGE;
	*mc = neg ? (int32_t)(-(int64_t)mag) : (int32_t)mag;
	return 0;
}

int cli_parse_power(const char *s, uint64_t *uw)
{
	return parse_unsigned(s, power_uw_units, ARRAY_SIZE(power_uw_units), uw);
}

int cli_parse_power_mw(const char *s, uint64_t *mw)
{
	uint64_t uw;
	int ret = cli_parse_power(s, &uw);

	if (ret)
		return ret;
	if (uw % 1000)
		return -EDOM;
	*mw = uw / 1000;
	return 0;
}

int cli_parse_duration(const char *s, uint64_t *us)
{
	return parse_unsigned(s, time_units, ARRAY_SIZE(time_units), us);
}

/* Decimals needed to write @frac (< 10^@exp) exactly; trailing zeros dropped. */
static unsigned int decimals_needed(uint64_t frac, unsigned int exp)
{
	unsigned int n = exp;

	if (!frac)
		return 0;
	while (frac % 10 == 0) {
		frac /= 10;
		n--;
	}
	return n;
}

static char *fmt_scaled(char *buf, size_t len, bool neg, uint64_t mag, const struct unit *units,
			size_t nunits)
{
	size_t i;

	for (i = 0; i + 1 < nunits; i++) {
		uint64_t scale = pow10_u64(units[i].exp);

		if (mag >= scale && decimals_needed(mag % scale, units[i].exp) <= MAX_DECIMALS)
			break;
	}
	/* The smallest unit, or the first that the value reaches and fits in. */
	{
		const struct unit *u = &units[i];
		uint64_t scale = pow10_u64(u->exp);
		uint64_t ip = mag / scale, frac = mag % scale;
		unsigned int nd = decimals_needed(frac, u->exp);
		const char *sign = neg && mag ? "-" : "";

		if (nd)
			snprintf(buf, len, "%s%llu.%0*llu %s", sign, (unsigned long long)ip,
				 (int)nd, (unsigned long long)(frac / pow10_u64(u->exp - nd)),
				 u->name);
		else
			snprintf(buf, len, "%s%llu %s", sign, (unsigned long long)ip, u->name);
	}
	return buf;
}

/* |v| without overflow for INT64_MIN. */
static uint64_t magnitude(int64_t v)
{
	return v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
}

char *cli_fmt_freq(char *buf, size_t len, uint64_t hz)
{
	return fmt_scaled(buf, len, false, hz, freq_units, ARRAY_SIZE(freq_units));
}

char *cli_fmt_voltage(char *buf, size_t len, int64_t uv)
{
	return fmt_scaled(buf, len, uv < 0, magnitude(uv), volt_units, ARRAY_SIZE(volt_units));
}

char *cli_fmt_power_mw(char *buf, size_t len, uint64_t mw)
{
	return fmt_scaled(buf, len, false, mw, power_mw_units, ARRAY_SIZE(power_mw_units));
}

char *cli_fmt_power_uw(char *buf, size_t len, uint64_t uw)
{
	return fmt_scaled(buf, len, false, uw, power_uw_units, ARRAY_SIZE(power_uw_units));
}

char *cli_fmt_temp(char *buf, size_t len, int64_t mc)
{
	return fmt_scaled(buf, len, mc < 0, magnitude(mc), temp_units, ARRAY_SIZE(temp_units));
}

char *cli_fmt_duration(char *buf, size_t len, uint64_t us)
{
	return fmt_scaled(buf, len, false, us, time_units, ARRAY_SIZE(time_units));
}

size_t cli_text_width(const char *s)
{
	size_t w = 0;

	/* Count every byte that does not continue a UTF-8 sequence. */
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if ((*p & 0xc0) != 0x80)
			w++;
	}
	return w;
}
